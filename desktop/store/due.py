"""Store glue for the follow-up ladder: load what ``domain.followup`` needs, and record
what the owner did with a step.

Each kind of promise is one module in ``store/promises/`` (its loader, its rule, the
facts its messages and titles need), registered in ``promises.KINDS``; :func:`load`
asks every registered kind, then reads the people, their contacts and the ladder's
states once for all of them. The scan reads tuples (no model objects), so "what is due
now" stays fast on a large database; the details a message needs are only loaded for the
items that are shown (:func:`part_details`). The words (titles, messages) are
``presentation/due_texts.py``'s.

The public functions take ``now`` (naive UTC) from the caller; only the views and the
CLI read the clock.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from desktop import clock
from desktop.domain import followup
from desktop.domain.collaborations import CLOSED as CLOSED_COLLABS
from desktop.domain.followup import Contact, DueItem, LadderSettings, PersonInfo, Promise, StepState, make_contact
from desktop.store import settings
from desktop.store.db import data_token, db
from desktop.store.models import (
    Collaboration,
    Deliverable,
    Event,
    Person,
    ReminderState,
    Strike,
)
from desktop.store.promises import ACTIVE_COLLABS, KINDS, Scan
from desktop.store.promises.registry import as_moment

CONTACT_WINDOW = timedelta(days=14)  # outgoing contacts looked at for the once-a-day rule


def ladder_settings() -> LadderSettings:
    keys = ("ladder_step_hours", "ladder_strike_hours", "ladder_pause_days", "checkin_days", "delay_warning_days",
            "order_update_days")
    values = settings.get_many(keys)  # one query, not six
    owner = clock.owner()  # zone, quiet hours, weekends, days off: one object for the whole app
    values.update(quiet_start=owner.quiet_start, quiet_end=owner.quiet_end, skip_weekends=owner.skip_weekends,
                  shop_country=owner.country)
    return LadderSettings.from_values(values, tz=owner.tz)


def owner_zone():
    """The owner's time zone (the "time_zone" setting, else the computer's)."""
    return clock.owner().tz


@dataclass
class Inputs:
    promises: list[Promise]
    people: dict[int, PersonInfo]
    contacts: list[Contact]
    states: list[StepState]


def load(now: datetime, s: LadderSettings, person_id: int | None = None, due_only: bool = False) -> Inputs:
    """Everything the ladder needs at ``now`` (optionally for one person only).

    Every registered kind of promise (``store/promises/``) adds its open promises; names,
    channels, the blocked status and the latest incoming contact come afterwards in one
    lookup per person (:func:`_people`), not once per promise (docs/PERFORMANCE.md).

    ``due_only``: only the promises that can have a step due at ``now`` (those whose
    earliest step, ``followup.min_offsets``, is not after it), not the week ahead."""
    return _Loaded(now, s, person_id, due_only, timedelta(0)).at(now)


class _Loaded:
    """What the ladder needs at every moment from ``now`` to ``now + span``: read once, with
    the windows of the loaders and of the recent contacts widened to the span, and ``at``
    a moment in it gives exactly what :func:`load` at that moment would (tests/test_due_cache.py)."""

    def __init__(self, now: datetime, s: LadderSettings, person_id: int | None, due_only: bool, span: timedelta):
        self.first, self.last = now, now + span
        scan = self.scan = Scan(now, s, person_id, due_only, followup.min_offsets(s), span)
        for kind in KINDS.values():
            kind.load(scan)
        self.found = _people(sorted({p.person_id for p, *_ in scan.found}))
        ids = sorted(self.found)
        # Outgoing contacts from the span's first moment on; each one counts at a moment
        # while it is within CONTACT_WINDOW of it.
        self.recent = _recent_out(now, set(ids), person_id)
        self.states = _states(ids)
        self._last: tuple[datetime, Inputs] | None = None  # the moment asked last (Vandaag and the tray ask one)

    def at(self, now: datetime) -> Inputs:
        if self._last is not None and self._last[0] == now:
            return self._last[1]
        found = self._at(now)
        self._last = (now, found)
        return found

    def _at(self, now: datetime) -> Inputs:
        chased, own, since = self.scan.at(now)
        found = self.found
        # A blocked person is not chased (her custom orders still are: the shop's own promise).
        chased = [p for p in chased if p.person_id in found and found[p.person_id][1] != "blocked"]
        promises = chased + [p for p in own if p.person_id in found]
        ids = sorted({p.person_id for p in promises})
        people = {pid: found[pid][0] for pid in ids}
        # The latest incoming contact, for those it can stop (any incoming at or after a
        # promise's ``since`` stops it, so the latest one is all the ladder needs).
        contacts: list[Contact] = []
        for pid in sorted({p.person_id for p in chased}):
            last_in = found[pid][2]
            if last_in is not None and last_in >= since[pid]:
                contacts.append(make_contact(pid, last_in, "in"))
        wanted, oldest = set(ids), now - CONTACT_WINDOW
        contacts += [c for c in self.recent if c.person_id in wanted and c.at >= oldest]
        states = [state for state in self.states if state.person_id in wanted]
        return Inputs(promises, people, contacts, states)


# The scan's queries: constant SQL with bound parameters (building them with Peewee on
# every scan cost more than running them); id lists are one JSON parameter.
# Per person, with her Instagram and TikTok handles in the same query, and her latest
# message or call: what answers a reminder (a post logged or a parcel confirmed is no
# message of hers: "thanks for your message of …" must quote one; review 8, F4):
_PEOPLE = """
    SELECT p.id, p.name, p.status, p.email, p.phone, p.whatsapp,
           (SELECT MAX(e.at) FROM event e WHERE e.person_id = p.id AND e.direction = 'in'
                                            AND e.kind IN ('message', 'call')),
           (SELECT group_concat(h.platform, ' ') FROM handle h
            WHERE h.person_id = p.id AND h.platform IN ('instagram', 'tiktok'))
    FROM person p WHERE p.id IN (SELECT value FROM json_each(?))"""
_RECENT_OUT = """
    SELECT person_id, at, channel FROM event INDEXED BY "event_at"
    WHERE at >= ? AND direction = 'out' AND person_id IS NOT NULL"""
# One person's (her pane): through the person index, not everyone's of the window (1.7 ms).
_RECENT_OUT_ONE = """
    SELECT person_id, at, channel FROM event WHERE person_id = ? AND direction = 'out' AND at >= ?"""
_STATES = """
    SELECT key, status, at, snoozed_until, template, person_id FROM reminder_state
    WHERE person_id IN (SELECT value FROM json_each(?))"""


def _people(ids: list[int]) -> dict[int, tuple[PersonInfo, str, datetime | None]]:
    """Per person: who she is and how to reach her, her status, her latest incoming contact."""
    found: dict[int, tuple[PersonInfo, str, datetime | None]] = {}
    for pid, name, status, email, phone, whatsapp, latest, on in db.execute_sql(_PEOPLE, [json.dumps(ids)]).fetchall():
        channels = []
        if whatsapp:
            channels.append("whatsapp")
        if email:
            channels.append("email")
        if phone:
            channels.append("phone")
        if on:  # in a fixed order (instagram, tiktok), whatever order they were added in
            channels += sorted(on.split(" "))
        found[pid] = (PersonInfo(pid, name, tuple(channels)), status, as_moment(latest))
    return found


def _recent_out(now: datetime, ids: set[int], person_id: int | None = None) -> list[Contact]:
    since = str(now - CONTACT_WINDOW)
    found = (db.execute_sql(_RECENT_OUT, [since]) if person_id is None
             else db.execute_sql(_RECENT_OUT_ONE, [int(person_id), since])).fetchall()
    return [make_contact(pid, as_moment(at), "out", channel) for pid, at, channel in found if pid in ids]


def busy_days(now: datetime, s: LadderSettings) -> dict[int, frozenset[date]]:
    """Per person, the owner's days the shop wrote to her (an outgoing contact) as the ladder
    counts them at ``now``: those of the last ``CONTACT_WINDOW`` (the once-a-day rule's days,
    ``followup.settle``'s busy days). People without any are left out. One indexed query
    (``_RECENT_OUT``), so Zendingen can ask it for a long list of parcels."""
    found: dict[int, set[date]] = {}
    for pid, at, _channel in db.execute_sql(_RECENT_OUT, [str(now - CONTACT_WINDOW)]).fetchall():
        found.setdefault(pid, set()).add(followup.local_date(as_moment(at), s))
    return {pid: frozenset(days) for pid, days in found.items()}


def _states(ids: list[int]) -> list[StepState]:
    return [StepState(key, status, as_moment(at), as_moment(until), template, pid)
            for key, status, at, until, template, pid in db.execute_sql(_STATES, [json.dumps(ids)]).fetchall()]


# --- the last loads, while the database is unchanged ------------------------------------

_KEPT = 8  # loads kept: Vandaag, the tray and a pane ask for all and per person
# One load serves the moments of the next hour: the tray scans every few minutes, Vandaag
# asks at the moment it is opened, a pane at each click; while nothing is written, each of
# those is what is loaded already, at another moment (docs/PERFORMANCE.md, round 20).
SPAN = timedelta(hours=1)
_kept: dict = {}  # {"token": ..., (settings, person_id, due_only): _Loaded}


def _data_token():
    """``db.data_token`` (the database's content as this connection sees it, None inside
    a transaction) with the registered kinds and rules, which a load also depends on."""
    token = data_token()
    if token is None:
        return None
    return (*token, tuple(KINDS.values()), tuple(followup.RULES.values()))


def _inputs(now: datetime, s: LadderSettings, person_id: int | None, due_only: bool) -> Inputs:
    """:func:`load`, kept while nothing was written: a moment of the hour a load was made
    for is not read again, only taken from it (docs/PERFORMANCE.md, fixes 27 and 66). The
    ladder only reads its inputs."""
    global _kept
    token = _data_token()
    if token is None:
        return load(now, s, person_id, due_only)
    key = (s, person_id, due_only)
    kept = _kept if _kept.get("token") == token else {"token": token}
    found = kept.get(key)
    if found is None or not found.first <= now <= found.last:
        found = _Loaded(now, s, person_id, due_only, SPAN)
        if len(kept) > _KEPT:
            kept = {"token": token}
        kept[key] = found
        _kept = kept
    return found.at(now)


# --- what is due -----------------------------------------------------------------------

def plan(now: datetime, person_id: int | None = None) -> list[DueItem]:
    """Due and upcoming items (the next step of every open promise), sorted by due moment."""
    s = ladder_settings()
    inputs = _inputs(now, s, person_id, False)
    return followup.plan(inputs.promises, inputs.people, inputs.contacts, inputs.states, s, now)


def due_now(now: datetime, person_id: int | None = None) -> list[DueItem]:
    """The items due at ``now``: ``followup.due_now(plan(now), now)``, without loading and
    planning the week ahead (docs/PERFORMANCE.md, fix 22). The tray's scheduler needs the
    next moment as well, so it plans the week (``reminders.due_items``)."""
    s = ladder_settings()
    inputs = _inputs(now, s, person_id, True)
    return followup.plan(inputs.promises, inputs.people, inputs.contacts, inputs.states, s, now, due_only=True)


def find(key: str, now: datetime, person_id: int | None = None) -> DueItem | None:
    """The current item whose primary (or any) part has ``key``."""
    for item in plan(now, person_id):
        if key in item.keys:
            return item
    return None


# --- what a message and a title need ------------------------------------------------------

@dataclass(frozen=True)
class ContactInfo:
    email: str = ""
    phone: str = ""
    whatsapp: str = ""
    instagram: str = ""  # handle, without @
    tiktok: str = ""


def contact_info(person_id: int) -> ContactInfo:
    person = Person.get_by_id(person_id)
    handles = {h.platform: h.name for h in person.handles}
    return ContactInfo(person.email, person.phone, person.whatsapp or person.phone,
                       handles.get("instagram", ""), handles.get("tiktok", ""))


def part_details(part: followup.DuePart) -> dict:
    """What the templates need about one part (loaded only for items that are shown)."""
    kind = KINDS.get(part.kind)
    return kind.details(part) if kind is not None else dict(part.details)


def notice_facts(item: DueItem, named: Iterable[int] = ()) -> tuple[list[dict], list[dict]]:
    """What a final notice about ``item`` tells her besides the late work it names (message
    review, finding 8): (what else ends with the collaborations it ends, not late yet; what of
    her other live collaborations still stands), each deliverable as the details a message
    names one by, by deadline. ``named``: the collaborations it ends (else those of its parts)."""
    from desktop.store.promises import deliverables

    ended = list(named) or _collaborations_of(item)
    shown = {part.subject_id for part in item.parts if part.kind == "deliverable"}
    return deliverables.notice_facts(item.person_id, ended, shown)


def subject_facts(items: Iterable[DueItem]) -> dict[str, dict[int, tuple]]:
    """Per kind, the facts the titles of ``items`` need (one query per kind of subject: the
    Vandaag list shows hundreds of items on a busy day), keyed by ``Kind.subject_of``."""
    wanted: dict[str, list[DueItem]] = {}
    for item in items:
        wanted.setdefault(item.kind, []).append(item)
    return {name: KINDS[name].subject_facts(found) for name, found in wanted.items() if name in KINDS}


def subject_of(item: DueItem) -> int | None:
    """The key of ``item``'s facts in :func:`subject_facts`."""
    kind = KINDS.get(item.kind)
    return kind.subject_of(item) if kind is not None else None


# --- acting on a step -----------------------------------------------------------------

# What a later press may not overwrite: a step sent or done stays handled (a popup or a
# notification may still show it, and its "Over 1 uur" or "Afvinken" would take it back:
# sent -> snoozed put the ladder back at that step; sent -> dismissed lost the strike
# decision after a final notice). Sending is a fact of its own and is always recorded.
_KEPT_STATUSES = tuple(sorted(followup.ACTED))


def _handled_keys(keys: Iterable[str]) -> set[str]:
    """Which of the step ``keys`` are sent or done already."""
    keys = list(keys)
    if not keys:
        return set()
    return {key for (key,) in ReminderState.select(ReminderState.key).where(
        ReminderState.key.in_(keys), ReminderState.status.in_(_KEPT_STATUSES)).tuples()}


def handled_as(item: DueItem) -> tuple[str, datetime] | None:
    """How the step ``item`` stands handled: ("sent", when) or ("dismissed", when) for the
    first of its parts that was sent or done (a strike decision: "sent" for the strike,
    "dismissed" for ended without one); None when none was (still open, or closed another
    way: an answer came, the work was delivered)."""
    keys = list(item.keys)
    if not keys:
        return None
    found = {key: (status, at) for key, status, at in ReminderState.select(
        ReminderState.key, ReminderState.status, ReminderState.at).where(
        ReminderState.key.in_(keys), ReminderState.status.in_(_KEPT_STATUSES)).tuples()}
    return next((found[key] for key in keys if key in found), None)


def _save_states(item: DueItem, status: str, now: datetime, until: datetime | None = None,
                 event_id: int | None = None) -> list[str]:
    """Store what the owner did with every part of ``item``; the keys written. A snooze or a
    "done" leaves a part that was sent or done since alone (``_KEPT_STATUSES``): the press
    came from something shown before (a stale popup); the upsert itself refuses it too."""
    kept = set() if status == "sent" else _handled_keys(item.keys)
    written = []
    for state, part in zip(followup.with_state([], item, status, now, until), item.parts):
        if state.key in kept:
            continue
        query = ReminderState.insert(
            key=state.key, person=item.person_id, subject_type=part.subject_type, subject_id=part.subject_id,
            step=part.step, status=status, at=now, snoozed_until=until, template=state.template, event_id=event_id,
        )
        update = {ReminderState.status: status, ReminderState.at: now, ReminderState.snoozed_until: until,
                  ReminderState.template: state.template, ReminderState.event_id: event_id}
        if status == "sent":
            query = query.on_conflict(conflict_target=[ReminderState.key], update=update)
        else:
            query = query.on_conflict(conflict_target=[ReminderState.key], update=update,
                                      where=ReminderState.status.not_in(_KEPT_STATUSES))
        query.execute()
        written.append(state.key)
    return written


def mark_sent(item: DueItem, now: datetime, channel: str, text: str, day: date | None = None) -> Event:
    """The owner sent the step's message: log it on the timeline and move the ladder on.
    ``day``: the day she sent it, when she marks it on a later day (midday of it; None:
    ``now``): the next step keeps its spacing from then, and a final notice's date counts
    from then, as the message itself did."""
    from desktop.store.influencers import midday_utc

    at = now if day is None else midday_utc(day, now)
    with db.atomic():
        event = Event.create(at=at, kind="reminder", channel=channel or "", direction="out", text=text,
                             person=item.person_id, subject_type=item.subject_type, subject_id=item.subject_id,
                             step=item.step)
        _save_states(item, "sent", at, event_id=event.id)
    return event


def mark_reply(item: DueItem, now: datetime, channel: str, text: str = "", day: date | None = None) -> Event:
    """An answer came in: log it. Any incoming message stops the person's ladders; what she
    still owes is asked about again a week later (``followup.Rule.resume_after_answer``).
    ``day``: the day it came, when logged on a later day (midday of it; None: ``now``)."""
    from desktop.store.influencers import midday_utc

    with db.atomic():
        return Event.create(at=now if day is None else midday_utc(day, now), kind="message", channel=channel or "",
                            direction="in",
                            text=text, fact="" if text else "reply_received", person=item.person_id,
                            subject_type=item.subject_type, subject_id=item.subject_id, step=item.step)


def snooze(item: DueItem, now: datetime, until: datetime) -> None:
    """Move the step to ``until`` (never a copy of it)."""
    with db.atomic():
        _save_states(item, "snoozed", now, until=until)


def dismiss(item: DueItem, now: datetime, given_on: date | None = None) -> None:
    """Done without sending (handled another way): the ladder moves on. A strike decision
    is made with ``apply_strike`` or ``end_without_strike``, never dismissed: the final
    notice said the collaboration ends (walk-through finding 8: it stayed open forever).
    ``given_on``: for a gift, the day it reached her when that was before today; a parcel
    packed for that gift and never sent is taken out of Zendingen in the same transaction
    (``shipping.withdraw_packed``)."""
    if item.action == "strike":
        raise ValueError("a strike decision is not dismissed: end_without_strike")
    with db.atomic():
        if not _save_states(item, "dismissed", now):
            return  # sent or done already (a stale press): nothing more happens
        if item.kind == "gift":  # it reached her another way: what she owes is chased from now on
            from desktop.store import shipping

            shipping.withdraw_packed(item.subject_id, now)  # a parcel packed for it is not sent any more
            shipping.gift_handed_over(item.subject_id, now, given_on)


def _collaboration_of(part: followup.DuePart) -> int | None:
    collab_id = part.details.get("collaboration_id")
    if collab_id is None:
        collab_id = part_details(part).get("collaboration_id")
    if collab_id is None and part.subject_type == "deliverable":
        collab_id = Deliverable.get_by_id(part.subject_id).collaboration_id
    return collab_id


def _collaborations_of(item: DueItem) -> list[int]:
    """The collaborations a final notice or its strike decision ends: every one it named
    (one notice may name the late work of several: message review, finding 5), the primary
    part's first."""
    found = [_collaboration_of(part) for part in item.parts]
    return list(dict.fromkeys(c for c in found if c is not None))


def _subjects(item: DueItem) -> dict[str, list[int]]:
    """The subjects of ``item``'s parts, by type."""
    found: dict[str, list[int]] = {}
    for part in item.parts:
        found.setdefault(part.subject_type, []).append(part.subject_id)
    return found


def end_without_strike(item: DueItem, now: datetime, ending: str) -> None:
    """After the final reminder, the owner's lenient answer: the collaboration ends as the
    final notice said it would, without a strike (not counted against her). ``ending`` is
    the end reason in the owner's words."""
    from desktop.store import influencers

    with db.atomic():
        keys = set(item.keys)
        if keys and _handled_keys(keys) == keys:
            return  # decided already (a stale press): the strike stands, or it ended before
        for collab_id in _collaborations_of(item):
            collaboration = Collaboration.get_by_id(collab_id)
            if collaboration.status not in CLOSED_COLLABS:
                influencers.end_collaboration(collaboration, ending, None, now, status="ended",
                                              why="last_reminder_no_strike")
        _save_states(item, "dismissed", now)


def apply_strike(item: DueItem, now: datetime, evidence: str, ending: str) -> Strike:
    """After the final reminder: a strike, the collaboration "niet nagekomen", on the timeline.

    One strike for one final notice left unanswered, also when it named the late work of
    several collaborations (one silence, one notice): each of them is "niet nagekomen", the
    strike is filed under the first and keeps the reminders about all of them.

    ``evidence`` is the strike's evidence and ``ending`` the collaboration's end reason, in
    the owner's words (``presentation.due_texts.strike_words``)."""
    part = item.parts[0]
    collab_ids = _collaborations_of(item)
    collab_id = collab_ids[0] if collab_ids else None
    reminders = []  # the reminders about every part decided (a post and a story of one collaboration)
    for subject_type, ids in _subjects(item).items():
        reminders += [e for (e,) in Event.select(Event.id).where(
            Event.person == item.person_id, Event.kind == "reminder", Event.subject_type == subject_type,
            Event.subject_id.in_(ids)).order_by(Event.id).tuples()]
    from desktop.store import influencers  # the one place status follows the strike policy

    with db.atomic():
        strike = Strike.create(
            person=item.person_id, collaboration=collab_id, reason="late" if item.kind == "deliverable" else "communication",
            evidence=evidence, event_ids=reminders, created_at=now)
        for ended in collab_ids:
            collaboration = Collaboration.get_by_id(ended)
            if collaboration.status != "failed":
                influencers.end_collaboration(collaboration, ending, None, now,
                                              status="failed", why="last_reminder")
        # A strike that reaches the threshold makes her inactive, as every other strike does.
        influencers.apply_policy(Person.get_by_id(item.person_id), now)
        event = Event.create(at=now, kind="strike", direction="none", person=item.person_id,
                             subject_type="collaboration" if collab_id else part.subject_type,
                             subject_id=collab_id or part.subject_id, step=item.step,
                             fact="strike_after_reminders")
        _save_states(item, "sent", now, event_id=event.id)
    return strike


def strike_facts(item: DueItem, now: datetime) -> dict:
    """What a strike decision (``item.action == "strike"``) is about, for its words
    (``presentation/due_texts.strike_decision_words``): when the final notice before it
    went out (``notice_sent``, naive UTC; None when no step of it is marked sent), the titles of
    the collaborations it ends (``collaborations``), how many
    of her strikes count now (``counting``), the policy's ``to_inactive`` and
    ``lift_when_delivered``, and her ``status``."""
    from desktop.domain import strikes as strike_rules
    from desktop.store import influencers

    finals = {name: next((st.name for st in rule.steps if st.final), None) for name, rule in followup.RULES.items()}
    keys = [part.key.rpartition(":")[0] + ":" + finals[part.rule]
            for part in item.parts if finals.get(part.rule) is not None]
    sent = [as_moment(at) for (at,) in ReminderState.select(ReminderState.at).where(
        ReminderState.key.in_(keys), ReminderState.status == "sent").tuples()] if keys else []
    person = Person.get_by_id(item.person_id)
    policy = influencers.policy()
    ended = _collaborations_of(item)
    titles = dict(Collaboration.select(Collaboration.id, Collaboration.title)
                  .where(Collaboration.id.in_(ended)).tuples()) if ended else {}
    return {
        "notice_sent": max(sent) if sent else None,
        # the collaborations the decision ends, by title (one notice may have named several)
        "collaborations": [titles.get(c) or "" for c in ended],
        "counting": len(strike_rules.counting(influencers.strike_infos(person), policy, now)),
        "to_inactive": policy.to_inactive,
        "lift_when_delivered": policy.lift_when_delivered,
        "status": person.status,
    }


__all__ = [
    "ACTIVE_COLLABS", "ladder_settings", "load", "plan", "due_now", "find", "part_details", "subject_facts", "subject_of",
    "contact_info", "ContactInfo", "notice_facts",
    "mark_sent", "mark_reply", "snooze", "dismiss", "apply_strike", "end_without_strike",
    "strike_facts",
]
