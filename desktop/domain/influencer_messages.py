"""Ready messages to an influencer about her collaboration: the written agreement, a polite
ending, and a friendly request to add the advertising label.

Written by us (never copied), in the influencer's language (nl/en) and form of address
(``je``/``u``, as message context). Rendering never fails on a missing value: an unknown
placeholder stays visible as ``{name}`` so the owner sees what to fill in.
"""

from __future__ import annotations

import string

from desktop import i18n

_TEMPLATES = {}


def _templates(tr):
    """The templates as the catalog of the reader's language gives them (tr: gettext translations)."""
    return {
        # TRANSLATORS: message to an influencer confirming the agreement; context "je" = informal Dutch.
        ("agreement", "je"): tr.pgettext("je",
            "Hi {name},\n\nHow nice that we're working together! To be sure we mean the same thing, "
            "here is what we agreed:\n\n{terms}\n\nCould you confirm with a short “yes” that this is right? "
            "If anything doesn't work for you, just let me know.\n\nKind regards,\n{shop}"),
        # TRANSLATORS: the same message; context "u" = formal Dutch (use u/uw).
        ("agreement", "u"): tr.pgettext("u",
            "Hi {name},\n\nHow nice that we're working together! To be sure we mean the same thing, "
            "here is what we agreed:\n\n{terms}\n\nCould you confirm with a short “yes” that this is right? "
            "If anything doesn't work for you, just let me know.\n\nKind regards,\n{shop}"),
        # TRANSLATORS: polite message ending a collaboration; informal (je).
        ("ending", "je"): tr.pgettext("je",
            "Hi {name},\n\nThank you for your time and for the contact so far. We have decided to end our "
            "collaboration “{title}”: {reason}\n\nWe wish you all the best with your account.\n\nKind regards,\n{shop}"),
        # TRANSLATORS: the same ending message; formal (u).
        ("ending", "u"): tr.pgettext("u",
            "Hi {name},\n\nThank you for your time and for the contact so far. We have decided to end our "
            "collaboration “{title}”: {reason}\n\nWe wish you all the best with your account.\n\nKind regards,\n{shop}"),
        # TRANSLATORS: friendly request to add the advertising label; informal (je).
        ("label", "je"): tr.pgettext("je",
            "Hi {name},\n\nThank you for your post, it looks lovely! One small thing: because you received the "
            "product from us, the rules ask that your followers can see it is advertising. Could you still add "
            "this?\n\n{missing}\n\nThank you very much!\n{shop}"),
        # TRANSLATORS: the same request; formal (u).
        ("label", "u"): tr.pgettext("u",
            "Hi {name},\n\nThank you for your post, it looks lovely! One small thing: because you received the "
            "product from us, the rules ask that your followers can see it is advertising. Could you still add "
            "this?\n\n{missing}\n\nThank you very much!\n{shop}"),
    }


class _Keep(dict):
    def __missing__(self, key):
        return "{" + key + "}"


def render(kind: str, language: str, address_form: str, **values) -> str:
    """The message ``kind`` ("agreement", "ending", "label") for the reader."""
    tr = i18n.translations_for(i18n.normalise_language(language))
    form = address_form if address_form in ("je", "u") else "je"
    template = _templates(tr)[(kind, form)]
    clean = {k: ("" if v is None else str(v)) for k, v in values.items()}
    return string.Formatter().vformat(template, (), _Keep(clean))


def reader_gettext(language: str):
    """``_`` in the reader's language (for the term lines inside a message)."""
    return i18n.translations_for(i18n.normalise_language(language)).gettext
