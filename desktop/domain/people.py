"""When a new person may be somebody Afspraak already knows. Pure Python.

The orders import takes a customer with a known e-mail address for that customer; a
customer or an influencer typed by hand was made a second time without a word, name and
e-mail alike (badinput #11). Two people can share a name, and two (a couple, a family) can
share an e-mail address, so a likely double is asked about, never refused: the same
e-mail address (in any case), or the same name where the e-mail addresses do not tell the
two apart (one of them has none).
"""

from __future__ import annotations

from desktop.domain.names import clean_name


def name_key(name: str) -> str:
    """A name as compared: spaces, capitals and invisible characters do not make another person."""
    return clean_name(name).casefold()


def email_key(email: str) -> str:
    return (email or "").strip().casefold()


def may_be_the_same(name: str, email: str, other_name: str, other_email: str) -> bool:
    """Is the person typed (``name``, ``email``) perhaps the one already known?"""
    mine, theirs = email_key(email), email_key(other_email)
    if mine and theirs:
        return mine == theirs
    return bool(name_key(name)) and name_key(name) == name_key(other_name)


def onto_card(typed: dict[str, str], card: dict[str, str]) -> dict[str, str]:
    """What the form shows when what was typed goes onto a card already there: each field
    as typed, a field left empty as the card has it, so choosing her never empties her
    phone or address. Tags are both lists together; notes are both, the card's first."""
    merged = {key: typed.get(key, "") if typed.get(key, "").strip() else card.get(key, "")
              for key in (*card, *(k for k in typed if k not in card))}
    if "tags" in merged:
        tags = [t.strip() for t in f"{card.get('tags', '')},{typed.get('tags', '')}".split(",") if t.strip()]
        merged["tags"] = ", ".join(dict.fromkeys(tags, None))  # each once, in order
    mine, theirs = typed.get("notes", "").strip(), card.get("notes", "").strip()
    if "notes" in merged and mine and theirs and mine not in theirs:
        merged["notes"] = f"{theirs}\n\n{mine}"
    return merged
