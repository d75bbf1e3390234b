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
from functools import lru_cache

from desktop import i18n
from desktop.domain import disclosure
from desktop.i18n import _


def _country_name(code: str, translate=None) -> str:
    from desktop.labels import label

    return label("country", code, translate)


def missing_words(stored: Sequence[str]) -> list[str]:
    """Each stored item of what a post lacks, in the language of the moment."""
    return [_item_words(item) for item in stored or ()]


def _item_words(item: str) -> str:
    code = item if item.startswith(disclosure.MISSING_ITEM) else _known_words().get(item) or _country_words(item)
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
