"""`afspraak due`: what the follow-up ladder says is due at a moment, as text or JSON."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from desktop import i18n
from desktop.clock import utcnow
from desktop.domain import followup
from desktop.domain.followup import DueItem
from desktop.i18n import _
from desktop.labels import label
from desktop.presentation import due_texts
from desktop.store import due


# The years --at may name: the plan looks weeks ahead and back from the moment.
MOMENT_YEARS = range(1990, 9000)


def parse_moment(text: str | None) -> datetime:
    """--at as naive UTC; a value without a time zone is the owner's local time."""
    if not text:
        return utcnow()
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
        if value.tzinfo is None:
            value = value.replace(tzinfo=due.owner_zone())
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
        if value.year not in MOMENT_YEARS:  # the ladder counts days on from it: year 9999 has none
            raise ValueError(text)
    except (ValueError, OverflowError):
        raise ValueError(_("“{value}” is not a date and time like 2026-12-07T10:00.").format(value=text)) from None
    return value


def as_dict(item: DueItem, now: datetime) -> dict:
    """One due item for ``afspraak due``. A late custom order's news is Vandaag's preview:
    the new date, which only the owner chooses (in the order's dialog), is a hole in the
    message's language ("[nieuwe datum]", "[new date]"), and ``new_date_to_choose`` says
    so; never a proposed date printed as if she had chosen it."""
    message = due_texts.preview(item, now)
    zone = due.owner_zone()
    local_due = item.own_due.replace(tzinfo=timezone.utc).astimezone(zone)
    # came due before a day off or the quiet hours and waits through them: until then
    waits = item.due.replace(tzinfo=timezone.utc).astimezone(zone).isoformat() if item.due > now else None
    return {
        "kind": item.kind,
        "person": item.person_name,
        "person_id": item.person_id,
        "subject": due_texts.subject_title(item),
        "subject_type": item.subject_type,
        "subject_id": item.subject_id,
        "step": int(item.step) if item.step.isdigit() else item.step,
        "step_label": label("due_step", item.step),
        "action": item.action,
        "channel": item.channel,
        "due": local_due.isoformat(),
        "waits_until": waits,  # None: it may be done now
        "key": item.key,
        "template": message.template if message else item.template,  # the wording shown, as the dialog's
        "language": message.language if message else "",
        "title": message.subject if message else "",
        "message": message.body if message else "",
        # True: the message holds the hole for a new date; it is not ready to send
        "new_date_to_choose": due_texts.holds_new_date_hole(message),
        "parts": [{"kind": p.kind, "subject_type": p.subject_type, "subject_id": p.subject_id,
                   "step": int(p.step) if p.step.isdigit() else p.step, "key": p.key,
                   "due": p.due.replace(tzinfo=timezone.utc).astimezone(zone).isoformat()} for p in item.parts],
    }


def turn_line(item: DueItem, now: datetime, zone) -> str:
    """When the item's own step came up ("Due since …"), or for one whose turn is still to come
    (a part of it came up earlier and waits with it) "Due from …": never a moment to come
    called "since" (the reviewer's Christmas check: "since Monday 28 December" on the 25th).
    The rule of the due dialog and Vandaag's pane (``due_texts.step_moment_label``)."""
    moment = i18n.format_moment(item.own_due.replace(tzinfo=timezone.utc).astimezone(zone))
    if item.own_due <= now:
        return _("Due since: {moment}").format(moment=moment)
    # TRANSLATORS: `afspraak due`: beside the moment a reminder step comes up (its turn, not a
    # deadline), when that moment is still to come; "Due since: {moment}" says it for one that came.
    return _("Due from: {moment}").format(moment=moment)


def due_listing(at: str | None, as_json: bool) -> int:
    """What is to do at ``at`` (else now): the list the tray counts and Vandaag shows as "To
    do now" (``followup.to_do``), with what came due before a day off or the quiet hours and
    waits through them, said so (its ``waits_until`` in JSON). Only ``due <= now`` said
    "nothing is due" on a Sunday or an evening while the tray counted nine (review walk)."""
    now = parse_moment(at)
    items = due.plan(now)
    now_items = followup.to_do(items, now)
    if as_json:
        print(json.dumps([as_dict(i, now) for i in now_items], ensure_ascii=False, indent=2))
        return 0
    zone = due.owner_zone()
    if not now_items:
        print(_("Nothing is due as of {moment}.").format(
            moment=i18n.format_moment(now.replace(tzinfo=timezone.utc).astimezone(zone))))
        upcoming = [i for i in items if i.due > now][:3]
        for item in upcoming:
            # when it comes next: a step that came due before the night or a day off keeps that
            # moment as its own (Vandaag's "since"), and is asked about again at ``due``
            moment = item.due if item.own_due <= now else item.own_due
            print("  " + _("Next: {person}, {step}, {moment}").format(
                person=item.person_name, step=label("due_step", item.step),
                moment=i18n.format_moment(moment.replace(tzinfo=timezone.utc).astimezone(zone))))
        return 0
    for n, item in enumerate(now_items):
        data = as_dict(item, now)
        if n:
            print()
        print("── " + _("{person} · {kind} · {step}").format(
            person=item.person_name, kind=label("due_kind", item.kind), step=data["step_label"]))
        print("   " + _("About: {subject}").format(subject=data["subject"]))
        if item.channel:
            print("   " + _("Channel: {channel}").format(channel=label("channel", item.channel)))
        print("   " + turn_line(item, now, zone))
        waiting = due_texts.waiting_words(item, now)  # "No new reminders come up until …"
        if waiting:
            print("   " + waiting)
        words = data["message"] or (due_texts.task_words(item, now, in_app=False) if item.action == "task" else "")
        if words:  # the ready message, or what to do for a task of the owner's (a gift to send)
            print()
            for line in words.splitlines():
                print("   " + line if line else "")
        if data["new_date_to_choose"]:
            print()
            print("   " + due_texts.choose_date_words())
    return 0
