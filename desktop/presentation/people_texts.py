"""How a person is named in a list of everyone (the privacy menu's "who?"): the name, the
e-mail address that tells two of the same name apart, and what the data holds on them; and
what blocking her does."""

from __future__ import annotations

from desktop.i18n import _, formatting_locale, ngettext, quoted


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


def block_prompt(name: str, unsent: list[str]) -> str:
    """What blocking ``name`` does, for the block dialog: greyed out, no new collaboration
    without an exception, no more reminders to her, and the gifts of ``unsent`` (the titles of
    her agreed deals whose gift is still with the shop) leaving Vandaag (audit 10, F7: they
    left it without a word)."""
    from babel.lists import format_list

    lines = [_("{name} stays in your list, greyed out. A new collaboration with {name} will need an explicit "
               "exception.").format(name=name),
             # TRANSLATORS: in the block dialog: what she still owes is no longer chased
             _("You get no more reminders about what {name} still owes.").format(name=name)]
    if unsent:
        titles = format_list([quoted(title) if title else _("(untitled)") for title in unsent],
                             locale=formatting_locale())
        # TRANSLATORS: in the block dialog; {titles} are her agreed collaborations whose gift is
        # not sent yet; {view} is the Today view
        lines.append(ngettext("The gift agreed in {titles} has not been sent: it leaves {view}, so you are no "
                              "longer reminded to send it.",
                              "The gifts agreed in {titles} have not been sent: they leave {view}, so you are no "
                              "longer reminded to send them.", len(unsent)).format(titles=titles, view=_("Today")))
    return "\n\n".join(lines)


def recipient_line(name: str, city: str, phones: list[str], orders: list[tuple[str, str]]) -> str:
    """A gift's recipient in the list of everyone: "Zoë Verhoeven · received order #1038
    from Lotte De Wit · Gent · +32 9 123 45 67"; ``orders``: (number, buyer) each, the buyer
    "" when the order names nobody. She is no person of her own: what the data holds on her
    is where those orders went, so she is found by her name, place or phone, and by who
    sent her something; what tells her apart comes first (the dialog is narrow)."""
    from babel.lists import format_list

    # TRANSLATORS: one order in the list of everyone, after "received order(s)": "#1038 from Lotte De Wit"
    named = [_("{number} from {buyer}").format(number=number, buyer=buyer) if buyer else number
             for number, buyer in orders]
    # TRANSLATORS: in the list of everyone (Privacy menu): somebody shop orders were sent to who
    # did not place them (a gift's recipient); {orders}: "#1038 from Lotte De Wit"
    what = ngettext("received order {orders}", "received orders {orders}", len(orders)).format(
        orders=format_list(named, locale=formatting_locale()))
    parts = [name.strip() or _("(no name)"), what, city.strip(), *phones]
    return " · ".join(part for part in parts if part)
