"""Logging a contact by hand: a note, a call, a DM or a message, in or out.

What is stored (the follow-up ladder reads it): a reply the other side sent, by DM or
any other message channel, is ``kind="message", direction="in"``; a call is
``kind="call"`` with its direction; a note is ``kind="note", direction="none"`` without
a channel. Pure Python: the store saves it (store/notes.py); ``now`` comes in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from desktop.domain import dates
from desktop.i18n import N_, _

# The channels a contact can go through (the store keeps these codes: store/models.py).
CHANNELS = ("email", "instagram", "tiktok", "whatsapp", "phone", "other")

# What the owner picks in the quick-note dialog -> what is stored.
ENTRY_KINDS = {
    "note": N_("Note"),
    # TRANSLATORS: a phone or WhatsApp call.
    "call": N_("Call"),
    # TRANSLATORS: a direct message on Instagram or TikTok.
    "dm": N_("DM (Instagram, TikTok)"),
    # TRANSLATORS: an e-mail, WhatsApp or other written message.
    "message": N_("Message (email, WhatsApp…)"),
}
STORED_KIND = {"note": "note", "call": "call", "dm": "message", "message": "message"}
DEFAULT_CHANNEL = {"note": "", "call": "phone", "dm": "instagram", "message": "email"}
# A moment this far ahead of now is refused: the log is for what already happened.
FUTURE_SLACK = timedelta(minutes=5)


@dataclass
class Entry:
    person_id: int | None
    entry_kind: str  # a key of ENTRY_KINDS
    channel: str
    direction: str  # "in" or "out"; ignored for a note
    text: str
    at: datetime  # naive UTC


class Invalid(Exception):
    """The entry was refused; ``errors`` maps a field name to a message for that field."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(errors.values()))
        self.errors = errors


def validate(entry: Entry, now: datetime, person_known: bool) -> dict[str, str]:
    """What is wrong with ``entry`` (field -> message); ``person_known``: its person exists."""
    errors: dict[str, str] = {}
    if entry.person_id is None or not person_known:
        errors["person"] = _("Choose who this is about.")
    if entry.entry_kind not in ENTRY_KINDS:
        errors["kind"] = _("Choose what happened.")
    if entry.entry_kind != "note":
        if entry.channel not in CHANNELS:
            errors["channel"] = _("Choose the channel.")
        if entry.direction not in ("in", "out"):
            errors["direction"] = _("Choose who contacted whom.")
    if entry.entry_kind == "note" and not entry.text.strip():
        errors["text"] = _("Write the note.")
    if entry.at > now + FUTURE_SLACK:
        errors["at"] = _("That time is still in the future; log only what has already happened.")
    elif dates.implausible(entry.at):
        errors["at"] = dates.implausible(entry.at)
    return errors


def entry_kinds() -> list[tuple[str, str]]:
    return [(code, _(text)) for code, text in ENTRY_KINDS.items()]
