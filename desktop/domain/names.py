"""Names as typed or pasted: what is invisible does not make a name. Pure Python.

A name pasted from Instagram can bring zero-width spaces along; one made only of them
("\u200b\u200b") was saved and looked empty in every list (badinput #16). Unicode's
format characters (category Cf: zero-width spaces and joiners, direction marks, the
byte-order mark) and the few letters that are drawn as nothing (the Hangul fillers, the
blank Braille pattern) count as nothing at the ends of a name and as no name on their own;
inside a name they stay (a joiner holds an emoji family together: 👩‍👩‍👧).
"""

from __future__ import annotations

import unicodedata

_DRAWN_AS_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf" or char in _DRAWN_AS_NOTHING


def clean_name(text: str) -> str:
    """``text`` without what is invisible at its ends and with its spaces as one; "" when
    nothing visible is left."""
    chars = list(text or "")
    while chars and invisible(chars[0]):
        chars.pop(0)
    while chars and invisible(chars[-1]):
        chars.pop()
    name = " ".join("".join(chars).split())
    return name if any(not invisible(c) for c in name) else ""
