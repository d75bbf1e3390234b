"""How a person is named in a list of everyone (the privacy menu's "who?"): the name, the
e-mail address that tells two of the same name apart, and what the data holds on them."""

from __future__ import annotations

from desktop.i18n import _, ngettext


def directory_line(name: str, email: str, influencer: bool, orders: int) -> str:
    """ "Mila Jansen · mila@example.nl · 2 orders"; parts the data lacks are left out."""
    if influencer and orders:
        # TRANSLATORS: what the data holds on a person, in the list of everyone (custom and shop orders together)
        what = ngettext("influencer, {count} order", "influencer, {count} orders", orders).format(count=orders)
    elif influencer:
        # TRANSLATORS: what a person is, in the list of everyone the data holds
        what = _("influencer")
    elif orders:
        # TRANSLATORS: a customer's custom orders and shop orders together, in the list of everyone
        what = ngettext("{count} order", "{count} orders", orders).format(count=orders)
    else:
        what = ""
    # TRANSLATORS: shown for a person saved without a name
    parts = [name.strip() or _("(no name)"), email.strip(), what]
    return " · ".join(part for part in parts if part)
