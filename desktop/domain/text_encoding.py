"""Which one-byte encoding a shop's file that is not UTF-8 was saved in.

A spreadsheet program that re-saves an export writes it in its computer's own encoding
unless told otherwise: Windows-1252 on Windows, Mac OS Roman on an older Mac ("CSV
(Macintosh)"), and DOS Latin-1 (cp850) for Excel's "CSV (MS-DOS)". The bytes carry no
mark of which: 0xE9 is "é" in the first, "È" in the second and "Ú" in the third. Read the
wrong way, every accented letter of the file is garbled ("CrÈool" for "Créool").

General detectors were tried on this job (2026-12) and get a shop's file wrong:
charset-normalizer 3.5 took a short Dutch price list in Mac OS Roman or DOS Latin-1 for
Windows-1252 even when told to choose between the three (left free: Windows-1250, Johab),
and chardet 7.7 took a file whose one accented letter is in a name ("Ring Zoë") for
Windows-1252 whatever it was saved in. Neither is a dependency of the app. Here the choice is
between the three only, and each reading of the bytes is scored by what it shows where
the bytes are not ASCII: the accented letters of the languages a Dutch or Belgian shop
writes in (score), typographic signs where text puts them (a closing quote after a word,
"€" before an amount), against capitals inside words, signs between letters and control
characters (a penalty). Windows-1252 is taken unless another reading scores higher: it
is what the app read before, and by far the most common.
"""

from __future__ import annotations

import re
import unicodedata

WINDOWS, MAC, DOS = "cp1252", "mac_roman", "cp850"
ONE_BYTE = (WINDOWS, MAC, DOS)  # the first wins a tie

# Accented letters as Dutch, French and German write them (two points each), and those of
# other Western languages (one).
_FREQUENT = frozenset("éëèêïöüäàçß" + "ÉËÈÊÏÖÜÄÀÇ")
_LESS_FREQUENT = frozenset("âîôûáíóúñìòùœæøå" + "ÂÎÔÛÁÍÓÚÑÌÒÙŒÆØÅ")
_OPENING = frozenset("“„‘«")
_CLOSING = frozenset("”’»")
_DASHES = frozenset("–—•")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
SAMPLE = 20_000  # the non-ASCII characters looked at: enough to decide, quick for a large file


def decode_one_byte(data: bytes, encoding: str) -> str:
    """``data`` read as ``encoding``; a byte it leaves undefined (five in Windows-1252) as
    Latin-1 reads it."""
    text = data.decode(encoding, errors="surrogateescape")
    if any("\udc80" <= c <= "\udcff" for c in text):
        text = "".join(chr(ord(c) - 0xDC00) if "\udc80" <= c <= "\udcff" else c for c in text)
    return text


def guess_one_byte(data: bytes) -> str:
    """The encoding (of ``ONE_BYTE``) whose reading of ``data`` looks most like text."""
    best, best_score = WINDOWS, None
    for encoding in ONE_BYTE:
        score = plausibility(data.decode(encoding, errors="surrogateescape"))
        if best_score is None or score > best_score:
            best, best_score = encoding, score
    return best


def plausibility(text: str) -> int:
    """How much the non-ASCII characters of ``text`` look like a shop's Western text."""
    score = 0
    for count, found in enumerate(_NON_ASCII.finditer(text)):
        if count >= SAMPLE:
            break
        at = found.start()
        before = text[at - 1] if at else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        score += _character_score(found.group(), before, after)
    return score


def _character_score(c: str, before: str, after: str) -> int:
    if c.isalpha() and unicodedata.category(c) in ("Lu", "Ll"):
        return _letter_score(c, before, after)
    if unicodedata.category(c)[0] == "C":  # a control character, or a byte the encoding leaves undefined
        return -5
    if c == "\u00a0":  # a no-break space: as likely as the letter another reading makes of it
        return 1
    if c == "€":  # before or after an amount
        return 2 if before.isdigit() or after.isdigit() or before == " " or after == " " else -2
    if c == "°":  # degrees, after a number
        return 2 if before.isdigit() else -1
    if c in _OPENING and not before.isalnum() and after.isalnum():
        return 2
    if c in _CLOSING and before.isalnum() and (not after.isalnum() or c == "’"):
        return 2  # a closing quote after a word, or an apostrophe ("Women’s")
    if c == "…":
        return 2 if before.isalnum() else 0
    if c in _DASHES:
        return 2 if not (before.isalpha() and after.isalpha()) else -2
    return -2 if before.isalpha() or after.isalpha() else -1


def _letter_score(c: str, before: str, after: str) -> int:
    if c.isupper() and before.islower():
        return -3  # a capital inside a word ("CrÈool")
    if c.islower() and after.isupper():
        return -2  # a small letter before a capital ("TöV")
    if not before.isalpha() and not after.isalpha() and c != "à":
        return 0  # a letter on its own tells little ("Ø 140"); "à" is a French word
    if c in _FREQUENT:
        return 2
    if c in _LESS_FREQUENT:
        return 1
    return 0
