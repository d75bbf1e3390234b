"""What a post lacks, in words: the codes the caption check stores (``Content.missing``,
a posted event's "missing") worded in the language of the moment.

Up to this version the checklist points were stored as the words of the moment ("Een
reclamemelding die geldt volgens de regels voor Nederland"), and an owner who switched to
English read them in Dutch (audit 9, new owner F7). Those stored words are recognised
(in either language Afspraak speaks) and worded again like a code; anything else (a
hashtag, a mention, words of an older text) is shown as stored.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from desktop import i18n
from desktop.domain import disclosure
from desktop.i18n import _, pgettext


def _country_name(code: str, translate=None) -> str:
    from desktop.labels import label

    return label("country", code, translate)


def missing_words(stored: Sequence[str]) -> list[str]:
    """Each stored item of what a post lacks, in the language of the moment."""
    return [_item_words(item) for item in stored or ()]


def in_a_line(stored: Sequence[str]) -> str:
    """Stored items as one line (the timeline): hashtags and mentions with commas, points of
    the rules, which are sentences with their own colons and commas, apart with ";" and each
    after the first in small letters ("… the post; in a video: …", not "… the post, In a
    video: …": a review of the screenshots)."""
    words = missing_words(stored)
    if not any(_code_of(item) for item in stored or ()):
        return ", ".join(words)
    return "; ".join(w if i == 0 or not _code_of(item) else w[:1].lower() + w[1:]
                     for i, (item, w) in enumerate(zip(stored, words)))


def _pane_list(stored: Sequence[str], one: str, many: str) -> str:
    """The pane's line for ``stored`` items: ``one`` with them in a line, or, for more than
    one point of the rules, ``many`` above them, one a line."""
    words = missing_words(stored)
    if len(words) > 1 and any(_code_of(item) for item in stored):
        return many + "".join("\n        • " + w for w in words)
    return one.format(items=", ".join(words))


def _code_of(item: str) -> str:
    """A stored item's code: itself when it is one, the code of a checklist point stored in
    words by an older version, "" for anything else (a hashtag, a mention, other words)."""
    return item if item.startswith(disclosure.MISSING_ITEM) else _known_words().get(item) or _country_words(item)


def stored_split(missing: Sequence[str], checks: dict | None = None) -> tuple[list[str], list[str]]:
    """What a post lacks and which points nobody checked, as ``disclosure.stored_state``
    reads them from what is stored; a point stored in words by an older version is read as
    its code (a hashtag, a mention or other words stay as stored)."""
    return disclosure.stored_state([_code_of(item) or item for item in missing or ()], checks)


def stored_state(content) -> tuple[list[str], list[str]]:
    """``stored_split`` of a logged post (``Content``)."""
    return stored_split(content.missing, content.disclosure_checks)


@dataclass(frozen=True)
class ContentNotes:
    """What the influencer pane says under a logged post about its disclosure."""

    lines: list[tuple[str, str]]  # (how it stands: "missing", "unchecked" or "ok"; the words)
    ask: bool  # a request to add something can be written (collab_texts.label_request_message)
    ask_prompt: str = ""  # what that request is, above it


def content_notes(content) -> ContentNotes:
    """The pane's lines about a logged post's disclosure: what is missing (with a request
    to add it), what nobody checked yet (a box left unticked: the owner looks herself, and
    may ask for it when she finds it missing), or that it is in order."""
    failing, unchecked = stored_state(content)
    lines = []
    if failing or (content.disclosure_ok is False and not unchecked):
        # TRANSLATORS: influencer pane, under a logged post; {items} what the caption check found missing.
        one = _("Missing: {items}")
        # TRANSLATORS: influencer pane, above what a logged post lacks when that is several points, one a line.
        many = _("Missing:")
        missing = _pane_list(failing, one, many) if failing else one.format(items=_("advertising label"))
        lines.append(("missing", "⚠ " + missing))
    if unchecked:
        # TRANSLATORS: influencer pane, under a logged post: a point of the advertising rules that the
        # caption cannot show (said in the video, the first and last story) and that was not ticked
        # when the post was logged. {items} the points, e.g. "Said or shown in the video itself (…)".
        one = _("Not checked: {items}. Check this yourself.")
        # TRANSLATORS: influencer pane, above several such points nobody ticked, one a line.
        many = _("Not checked yet, look at these yourself:")
        lines.append(("unchecked", "? " + _pane_list(unchecked, one, many)))
    if not lines and content.disclosure_ok:
        lines.append(("ok", "✓ " + _("Disclosure OK")))
    if any(kind == "missing" for kind, _text in lines):
        return ContentNotes(lines, True, _("A friendly request to add what is missing."))
    if unchecked:
        # TRANSLATORS: above the request to add a point nobody checked yet (influencer pane).
        return ContentNotes(lines, True, _("Only if you looked and it really is missing: a friendly request to add it."))
    return ContentNotes(lines, False)


def points_to_check(content) -> list[tuple[str, str, bool | None]]:
    """The points of a logged post the owner can look at herself, as "Check…" lists them:
    (the point's key, its words in the language of the moment, how it stands: None nobody
    checked it, False she found it missing; ``disclosure.checkable``)."""
    failing, unchecked = stored_state(content)
    words = {disclosure.code_key(item): _item_words(item) for item in unchecked}
    return [(key, words.get(key) or _item_words(disclosure.MISSING_ITEM + key), now)
            for key, now in disclosure.checkable(failing, unchecked, content.disclosure_checks)]


def check_choices() -> list[tuple[bool | None, str]]:
    """What the owner can say she found for a point she looked at ("Nakijken…"), in the
    order shown: (what ``disclosure.recheck`` is given, the words)."""
    return [
        # TRANSLATORS: the choice for a point of the advertising rules the owner looked at herself
        # (said in the video, first and last story): it is there.
        (True, pgettext("disclosure point", "OK")),
        # TRANSLATORS: the choice for a point of the advertising rules the owner looked at herself: it is
        # not there (the request to the influencer then asks for it).
        (False, pgettext("disclosure point", "Missing")),
        # TRANSLATORS: the choice for a point of the advertising rules the owner has not looked at yet.
        (None, pgettext("disclosure point", "Not checked yet")),
    ]


def _item_words(item: str) -> str:
    code = _code_of(item)
    if not code:
        return item
    key, _sep, country = code[len(disclosure.MISSING_ITEM):].partition(":")
    if key == "label":
        return _(disclosure.label_item(country))
    text = disclosure.item_texts().get(key)
    if text is None:
        return item
    return _(text)


@lru_cache(maxsize=1)
def _known_words() -> dict[str, str]:
    """The words a checklist point was stored with before codes, in every language -> its code."""
    found = {}
    for language in i18n.LANGUAGES:
        catalog = i18n.translations_for(language)
        for key, text in disclosure.item_texts().items():
            if "{country}" not in text:
                found[catalog.gettext(text)] = disclosure.MISSING_ITEM + key
    found[disclosure.STORED_ANY_LABEL_TEXT] = disclosure.MISSING_ITEM + "label"
    return found


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[re.Pattern, str], ...]:
    """The label's stored words (they name a country) as patterns, in every language."""
    out = []
    for language in i18n.LANGUAGES:
        words = i18n.translations_for(language).gettext(disclosure.STORED_LABEL_TEXT)
        head, _sep, tail = words.partition("{country}")
        out.append((re.compile(re.escape(head) + "(?P<country>.+)" + re.escape(tail) + r"\Z"), language))
    return tuple(out)


def _country_words(item: str) -> str:
    """The label's code of words stored before codes ("...volgens de regels voor België")."""
    for pattern, language in _country_patterns():
        match = pattern.match(item)
        if match is None:
            continue
        named = match["country"]
        translate = i18n.translations_for(language).gettext
        for code in disclosure.RULES:
            if _country_name(code, translate) == named:
                return f"{disclosure.MISSING_ITEM}label:{code}"
        return disclosure.MISSING_ITEM + "label"
    return ""
