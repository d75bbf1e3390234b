"""What a list's search compares: the text a row is found by and the words typed, folded so
what an owner types finds what is stored (review of the Influencers search).

- case and accents do not count: "anais" finds "Anaïs", "celik" finds "Çelik" (NFKD, the
  combining marks dropped, casefolded);
- nor do the forms of an apostrophe or a quote: "d'hondt" (straight) finds "D’Hondt" (curly),
  and so does "dhondt";
- nor a leading "@": "@lotte" finds the handle "lotte.peeters" (an "@" counts as a space, so
  an e-mail address still reads as its two halves);
- a phone number is compared by its digits: "06 12345678", "06-12345678" and "+31 6 1234
  5678" all find the number stored as "+31612345678" or "06 12345678" (``phone_forms``).

People are sorted by the same folding (``sort_key``): "@juul" among the J's, "Émilie" among the E's.

A row's text is folded once, when the list is built (``fold``); the typed text once per
keystroke (``needle``, ``phone_digits``): the per-keystroke filter stays a substring test over plain strings."""

from __future__ import annotations

import re
import unicodedata

# Apostrophes and quotes in their typographic forms: left out, so "d'hondt", "d’hondt" and
# "dhondt" are one text; and the combining marks NFKD splits off a letter (é → e + ◌́,
# Ç → C + ◌̧). An "@" is a space ("@lotte" is the word "lotte"). Regular expressions and
# str.replace, not str.translate with a table: that cost ten times more on 10,000 rows.
_QUOTES = "'’‘‚‛ʼʹʻ`´′＇\"“”„‟″«»"
_ASCII_QUOTES = re.compile("['\"`]")
_DROPPED = re.compile("[" + re.escape(_QUOTES) + "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_NOT_DIGIT = re.compile(r"\D")
# Typed text that is a phone number: digits with the usual separators, and enough digits to
# be more than a house number or a postcode.
_PHONE_LIKE = re.compile(r"\+?[\d\s\-./()]+")
PHONE_MIN_DIGITS = 6
# A number with the country code of NL (31) or BE (32), "00" or "+" before it, and the
# national number after it (a "0" written after the code too: "+31 (0)6…"): +31 6… is 06….
_INTERNATIONAL = re.compile(r"(?:00)?3[12]0?(\d{8,})$")


def fold(text: str) -> str:
    """``text`` as a search compares it (see the module)."""
    if text.isascii():  # most names and handles: no accents to take off
        text = text.lower()
        if "'" in text or '"' in text or "`" in text:
            text = _ASCII_QUOTES.sub("", text)
    else:
        text = _DROPPED.sub("", unicodedata.normalize("NFKD", text)).casefold()
    return text.replace("@", " ") if "@" in text else text


# The rule ``sort_key`` follows, by number: every person's key is stored beside her name
# (Person.name_key, so the database sorts), and a stored key made by another rule is made
# again once, at the next start (store/name_keys.follow_rule). Count it up whenever a
# change here (``fold`` too) gives any name another key: tests/test_name_keys.py holds
# keys of awkward names and fails until it is.
SORT_KEY_RULE = 1


def sort_key(name: str) -> str:
    """A person's name as every list of people sorts it: folded as the search folds it (case
    and accents do not count: "émilie" among the E's, "anna" beside "Anna"), and somebody known
    only by her handle ("@juul.maakt", validation) by the handle without its "@", among the
    J's, not before every name."""
    return fold(name or "").strip()


def sort_keys(names: list[str]) -> list[str]:
    """``sort_key`` of each of ``names``, folded as one text (one normalisation and one pass
    of each pattern for 10,000 names, not one each: the Influencers list's first page waits
    for it). Folding works letter by letter, so the names folded together are the names
    folded one by one; a name with a line break in it has each folded on its own."""
    folded = fold("\n".join(names)).split("\n")
    if len(folded) != len(names):
        return [sort_key(name) for name in names]
    return [text.strip() for text in folded]


def by_name(people, name=lambda person: person[1]) -> list:
    """``people`` in the order of every list of people: by ``sort_key`` of ``name(person)``
    (an (id, name) pair's second by default); equal keys keep the order they come in (give
    them by name, then id). A sort of positions by their keys: four times faster than one
    of (key, id) pairs on 10,000."""
    people = list(people)
    keys = sort_keys([name(person) or "" for person in people])
    return [people[i] for i in sorted(range(len(keys)), key=keys.__getitem__)]


def ids_by_name(people) -> list[int]:
    """The ids of ``people`` ((id, name) pairs), ``by_name``."""
    return [pid for pid, _name in by_name(people)]


def _national(digits: str) -> str:
    """A phone number's digits as dialled at home: "0031612345678" and "31612345678" (from
    "+31 6 12345678") are "0612345678", "32470123456" is "0470123456"; other digits as they are."""
    found = _INTERNATIONAL.match(digits)
    return "0" + found.group(1) if found else digits


def phone_forms(phone: str) -> str:
    """What a stored phone number adds to a row's search text: its digits as written and as
    dialled at home, "" without a number."""
    digits = _NOT_DIGIT.sub("", phone or "")
    if not digits:
        return ""
    home = _national(digits)
    return digits if home == digits else f"{digits} {home}"


def needle(typed: str) -> str:
    """The typed search as the rows' folded text is searched for: its words folded, separated
    by one space (a row is found when it holds every word)."""
    return " ".join(fold(typed).split())


def needles(texts: list[str]) -> list[str]:
    """``needle`` of each of ``texts``, folded as one text (a drop-down's 13,000 entries: one
    pass, not one each; see ``sort_keys``)."""
    folded = fold("\n".join(texts)).split("\n")
    if len(folded) != len(texts):
        return [needle(text) for text in texts]
    return [" ".join(text.split()) for text in folded]


def phone_digits(typed: str) -> str:
    """The typed search as a phone number's digits as dialled at home, when it is one (only
    digits and the usual separators, ``PHONE_MIN_DIGITS`` digits or more); else "". A row is
    found by these digits, or by the words as typed (an order number "2024-00123" is not
    told from a phone number)."""
    stripped = typed.strip()
    if not stripped or not _PHONE_LIKE.fullmatch(stripped):
        return ""
    digits = _NOT_DIGIT.sub("", stripped)
    if len(digits) < PHONE_MIN_DIGITS:
        return ""
    return _national(digits) if stripped.startswith(("+", "00")) else digits
