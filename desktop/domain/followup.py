"""The follow-up ladder: which step of which promise is due, and when (seeds 003 and 004).

Pure Python: no Qt, no database, never reads the clock. The store (``store/due.py``) loads
plain data into the dataclasses below; :func:`plan` returns :class:`DueItem` s.

How a promise moves
-------------------
A promise (an influencer's deliverable past its deadline, a parcel not confirmed as
received, a reply overdue, the shop's own promise on a custom order) follows the steps of
its :class:`Rule`. Step *i* comes due at ``reference + offset_i``; once a step was acted on
(sent or dismissed, see :class:`StepState`), the later steps keep their spacing from the
moment it was acted on. Steps only move forward, each at most once. When several steps
came due while the app was closed, only the first of them is returned (catch-up without
a flood, and without skipping rungs: the later ones keep their spacing from the moment
it is acted on); a step marked ``needs_previous`` (the strike proposal) is only offered after the
step before it was really sent. After the last message step a strike and the status
"niet nagekomen" are proposed as a task: there is never a step 5.

A deadline is a date: a deliverable's steps count from the end of its deadline day in
the owner's zone (``Rule.by_day``, :func:`ladder_start`), so step 1 ("within a day of a
missed deadline") is never due on the deadline day itself. A follow-up of an unanswered
message climbs to step 3 at most (nothing agreed to cite in a final notice).

A promise stops at once when it is closed (delivered, received, ended), or, for rules with
``stop_on_incoming``, when any incoming contact from the person is logged at or after
``Promise.since``; for a deliverable (``resume_after_answer``) her answer, from the start
of its deadline day on, only pauses it:
still not delivered ``answer_wait_days`` after her latest message, it is asked about again
under the rule "deliverable_answered", whose words know she wrote (an answer is not the
post: seed 000). A new deadline is a new ``reference`` and so new step keys: the ladder
starts afresh. A snooze moves the promise's next step to the snooze moment; it never
duplicates it, and it still holds once her answer paused the promise.

Etiquette guards (seed 004), applied per person after the steps are known:

* at most one outgoing contact per person per local day: a day that already had an
  outgoing contact is skipped, and everything due for one person on one day is combined
  into ONE :class:`DueItem` whose ``parts`` list every promise (the message cites them
  all); a step that is not yet due is never pulled forward into an earlier message, but
  for a late deliverable joining her conversation (next point);
* one person, one conversation (:func:`_join_conversation`; message review, findings 5
  and 6): her deliverables late by the time her ladder's next message goes join that
  message at its step, instead of a ladder of their own (a cheerful first reminder about
  the stories the day the reel got its final notice; a second final notice with another
  date the day after the first), while at least ``JOIN_BEFORE_FINAL`` of its messages are left
  before the notice (a reel late the day the stories went "another way" got its final notice
  after one message: it waits, and the notice says it ends too or still stands); a deliverable
  she answered about and one late since share their first, friendly rung (walk of an
  influencer's month, A and D). What went late while a final notice's date ran is not
  greeted with a first reminder after it either: it goes on from step 2
  (:func:`_drop_after_final_notice`), and neither is what goes late the day after unanswered
  follow-ups of her message ("is everything OK?" after "my message is still unanswered":
  :func:`_after_follow_ups`);
* what one message may cite (:func:`_fits`): only deliverables at the same step share a
  message (a final notice names every late deliverable of hers that walked the ladder to it,
  whatever its collaboration: one notice, one date, one strike decision, due for every part
  at the moment the notice set), and one parcel check-in rides along in a reminder about her
  late work (not a final notice) or in a follow-up of her unanswered message as its closing
  question. A check-in whose first free moment
  falls on the day of her ladder's next reminder, before it, waits those hours for it
  (:func:`_checkin_waits_for_reminder`); one due after that day's reminder went is not pulled
  into it and goes with the next one while the ladder runs (a reminder a day), on its own day
  while the ladder waits on her (a final notice's date, her answer being waited out); an
  unanswered message and the shop's news to a customer get a message of their own (one
  order's promises share one). A part that does not fit keeps its own message on the
  next free day;
* some promises are dropped, not asked, while another one is late (``Rule.covered_by``):
  a parcel check-in once a deliverable of the same collaboration is late (she either got
  the parcel, or her answer to that reminder says she did not), an unanswered-message
  follow-up once any of her deliverables is late (those reminders ask for an answer, and
  any answer stops both). Asking them separately would be a second nudge about the same
  silence, on another day: the etiquette of seed 004 says don't nag. Likewise the shop's
  news before a custom order's promised date, and its "still on schedule" update, once
  the promised day is over: the late news (rule ``order_late``) replaces them;
* quiet hours (default 21:00-09:00, owner's time zone): a step falling inside moves to
  the end of the quiet hours; nothing is due *now* while now is inside them;
* no step on a Sunday or a public holiday of the shop's country (``workdays``,
  ``LadderSettings.country``: a pressing reminder on Christmas morning reads as nagging;
  walk-through finding 3): it moves to the next working morning, as the date a final
  notice names already did. The shop's days, not the reader's: a Dutch shop writes on
  21 July, a Belgian one on King's Day;
* optional weekend skip (to Monday at the end of the quiet hours);
* never the same template twice in a row to the same person: the alternative wording
  of the step is used instead.

Adding a promise kind is adding data: a :class:`Rule` in :data:`RULES` (or through
:func:`register_rule`) plus its templates in ``presentation/messages.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from desktop.domain import shipments, workdays

# The steps of the tasks that ship a custom order: the first time, and again after its parcel
# got lost or came back (``domain/order_reminders.py``).
SHIP_STEPS = ("ship", "ship_lost", "ship_returned")
# Promise kinds as the CLI and the views show them.
KINDS = ("deliverable", "shipment", "reply", "custom_order", "gift", "agreement")
# How a DueItem is acted on: a message to send, a decision for the owner, or a task of
# hers with no message (the gift the agreement names, still to send).
ACTIONS = ("message", "strike", "task")
# StepState.status values. "sent" and "dismissed" move the ladder on; "snoozed" moves it later.
ACTED = frozenset({"sent", "dismissed"})
STATUSES = ("sent", "dismissed", "snoozed")
# A gift goes out within this many days of the agreement (``shipments.GIFT_SEND_DAYS``).
GIFT_SEND_DAYS = shipments.GIFT_SEND_DAYS
# Preference order when a step asks for another channel than the ones used so far.
OTHER_CHANNEL_ORDER = ("phone", "whatsapp", "instagram", "tiktok", "email")
# Preference order for the usual channel when nothing was used yet.
USUAL_CHANNEL_ORDER = ("instagram", "whatsapp", "email", "tiktok", "phone")


# --- settings -------------------------------------------------------------------------

def _parse_time(value: str | time) -> time:
    if isinstance(value, time):
        return value
    hours, _sep, minutes = str(value).strip().partition(":")
    return time(int(hours), int(minutes or 0))


@dataclass(frozen=True)
class LadderSettings:
    """The owner's choices (defaults in ``desktop/defaults.py``)."""

    step_hours: tuple[int, ...] = (0, 24, 48, 72)  # steps 1-4, hours after the deadline
    strike_after_hours: int = 24  # after step 4 was sent: propose a strike
    # The final notice names a date this many days after it is sent ("if I haven't heard
    # from you by ..."): the strike is never proposed before that date is over.
    pause_days: int = 7
    checkin_days: int = 4  # "received?" check-in, days after sending
    quiet_start: time = time(21, 0)
    quiet_end: time = time(9, 0)
    skip_weekends: bool = False
    tz: tzinfo = timezone.utc  # the owner's time zone
    delay_warning_days: int = 2  # custom order: news N days before the promised date
    order_update_days: int = 7  # custom order: "no update sent in X days"
    # After her answer ("it's coming!"), a promise still not kept is asked about again
    # this many days later, from the first step (``Rule.resume_after_answer``).
    answer_wait_days: int = 7
    # The shop's country ("NL", "BE"): its public holidays are the days no step comes and
    # no named date falls on (``workdays``; the "shop_country" setting).
    country: str = workdays.DEFAULT_COUNTRY

    @classmethod
    def from_values(cls, values: Mapping[str, object], tz: tzinfo = timezone.utc) -> LadderSettings:
        """Build from stored settings (strings for times, lists for step hours; "shop_country"
        "" for the country of the time zone ``tz``, ``workdays.shop_country``)."""
        base = cls()
        hours = tuple(int(h) for h in values.get("ladder_step_hours", base.step_hours))
        if len(hours) != 4:
            hours = base.step_hours
        return cls(
            step_hours=hours,
            strike_after_hours=int(values.get("ladder_strike_hours", base.strike_after_hours)),
            pause_days=int(values.get("ladder_pause_days", base.pause_days)),
            checkin_days=int(values.get("checkin_days", base.checkin_days)),
            quiet_start=_parse_time(values.get("quiet_start", base.quiet_start)),
            quiet_end=_parse_time(values.get("quiet_end", base.quiet_end)),
            skip_weekends=bool(values.get("skip_weekends", base.skip_weekends)),
            tz=tz,
            delay_warning_days=int(values.get("delay_warning_days", base.delay_warning_days)),
            order_update_days=int(values.get("order_update_days", base.order_update_days)),
            country=workdays.shop_country(str(values.get("shop_country") or ""), getattr(tz, "key", "") or ""),
        )


# --- the rules table ------------------------------------------------------------------

@dataclass(frozen=True)
class Step:
    """One step of a rule. ``offset`` is measured from the promise's reference moment."""

    name: str  # "1".."4", "received", "delay_warning", "no_update", "strike"
    offset: Callable[[LadderSettings], timedelta]
    template: str = ""  # template id in presentation/messages.py ("" for tasks)
    alt_template: str = ""  # used instead when ``template`` was the last one sent to the person
    channel: str = "same"  # "same": the usual channel; "other": one not used so far; or a channel code
    action: str = "message"  # "message" or "strike"
    needs_previous: bool = False  # only after the previous step was really sent
    final: bool = False  # the last message before the work is paused (cites the consequences)


@dataclass(frozen=True)
class Rule:
    kind: str  # one of KINDS: what the views and the CLI call it
    steps: tuple[Step, ...]
    stop_on_incoming: bool = True  # any incoming contact after Promise.since stops it
    # The reference is a DATE (a deadline "on 2 December"): it has only passed when that
    # day is over in the owner's zone, so the offsets count from the end of that day.
    by_day: bool = False
    # This promise is unnecessary once a promise of rule ``covered_by`` of the same person
    # is late (its first step has come due): that ladder's messages already ask her to
    # react, and any answer stops both. ``covered_on``: a ``details`` key both promises
    # must share (the same collaboration), or "" for any promise of the same person.
    # With "", once that ladder has written to her since this promise began (a step of it
    # sent after ``Promise.since``), this one is dropped for good, not resumed when the
    # cover ends (message review, finding 7: "I haven't had a reply to my message of
    # Saturday 28 November" came back on 15 December, after four reminders about her post
    # and a collaboration ended). Restarting it from step 1 instead would still ask about a
    # message two weeks and five reminders old; the final notice has since told her what
    # still stands, and a new message from the owner is a new promise with a follow-up of
    # its own.
    covered_by: str = ""
    covered_on: str = ""
    # Promises that share this ``details`` key (the deliverables of one collaboration)
    # share their final notice: once it was sent for one of them ("if I haven't heard from
    # you by ..., I'll end our collaboration") and until its strike is decided, while she
    # has not written since, the others are not chased with a ladder of their own (a
    # cheerful first reminder, a second final notice with another date). A rule with it set
    # is one conversation per person (``_join_conversation``): her late promises of it share
    # every message, the final notice too, whatever collaboration they belong to.
    one_notice_per: str = ""
    # Her answer pauses the promise instead of ending it: an answer is not the post. When
    # it is still not kept ``answer_wait_days`` after her latest message, it is asked about
    # again under the rule "deliverable_answered" (new step keys: her answer is a new
    # reference; words that know she wrote). Seed 000: she confirmed, promised, and then
    # nothing for three months.
    resume_after_answer: bool = False
    # The rule this one stands in for in another rule's ``covered_by`` and in
    # ``one_notice_per`` groups ("" = itself): a deliverable she answered about is still
    # that collaboration's deliverable (review 8, F1).
    counts_as: str = ""

    def group(self, name: str) -> str:
        return self.counts_as or name


def _hours(n: float) -> timedelta:
    return timedelta(hours=n)


def _strike_after(s: LadderSettings) -> int:
    """Hours after the final notice before the strike is proposed: the owner's own wait,
    and at least until the day after the date the notice names (``pause_date``, which
    ``_catch_up`` waits for exactly: the shop keeps its word, "if I haven't heard from you
    by Monday 14 December" holds through that Monday)."""
    return max(s.strike_after_hours, 24 * (s.pause_days + 1))


def pause_date(sent: datetime, settings: LadderSettings) -> date:
    """The date a final notice sent at ``sent`` names ("if I haven't heard from you by
    ..."): ``pause_days`` later in the owner's zone, moved to a working day of the shop
    (never a Sunday, Christmas or Easter Monday, nor a Saturday when she skips weekends:
    domain/workdays.py), the days her reminders come on."""
    return workdays.working_day(local_date(sent, settings) + timedelta(days=settings.pause_days), settings.country,
                                settings.skip_weekends)


LADDER_STEPS = (
    Step("1", lambda s: _hours(s.step_hours[0]), "ladder.1", "ladder.1.alt"),
    Step("2", lambda s: _hours(s.step_hours[1]), "ladder.2", "ladder.2.alt"),
    Step("3", lambda s: _hours(s.step_hours[2]), "ladder.3", "ladder.3.alt", channel="other"),
    Step("4", lambda s: _hours(s.step_hours[3]), "ladder.4", "ladder.4.alt", final=True),
    Step("strike", lambda s: _hours(s.step_hours[3] + _strike_after(s)), action="strike",
         needs_previous=True, channel=""),
)

# After her answer ("it's coming!") a deliverable still not posted is asked about again with
# words that know she wrote (walk-through 2, finding A: the ladder's own steps say "I haven't
# heard from you"): one check-in that thanks her for her message, then, two days later, a final
# notice that names her message, then the strike decision. Step names as the ladder's where
# they mean the same ("4", "strike": the final notice and what follows it).
ANSWERED_STEPS = (
    Step("answered", lambda s: _hours(s.step_hours[0]), "answered.1", "answered.1.alt"),
    Step("4", lambda s: _hours(s.step_hours[0] + s.step_hours[2]), "answered.4", "answered.4.alt", final=True),
    Step("strike", lambda s: _hours(s.step_hours[0] + s.step_hours[2] + _strike_after(s)), action="strike",
         needs_previous=True, channel=""),
)

# The follow-up of an unanswered message has its own words (she owes an answer, not work
# with a deadline): the same spacing as the ladder's first three steps.
REPLY_STEPS = (
    Step("1", lambda s: _hours(s.step_hours[0]), "reply.1", "reply.1.alt"),
    Step("2", lambda s: _hours(s.step_hours[1]), "reply.2", "reply.2.alt"),
    Step("3", lambda s: _hours(s.step_hours[2]), "reply.3", "reply.3.alt", channel="other"),
)

RULES: dict[str, Rule] = {
    # An influencer's deliverable past its deadline (a date: late from the end of that day).
    "deliverable": Rule("deliverable", LADDER_STEPS, by_day=True, one_notice_per="collaboration_id",
                        resume_after_answer=True),
    # The same deliverable once she answered (``after_answer``): asked about with words that
    # know she wrote; another answer pauses it again.
    "deliverable_answered": Rule("deliverable", ANSWERED_STEPS, by_day=True, one_notice_per="collaboration_id",
                                 resume_after_answer=True, counts_as="deliverable"),
    # An influencer's answer overdue against the agreed response time. A follow-up of an
    # unanswered message climbs to step 3 at most: no final notice, no strike (nothing
    # was agreed that it could cite). A late deliverable covers it: its reminders ask for
    # an answer anyway.
    "reply": Rule("reply", REPLY_STEPS, covered_by="deliverable"),
    # A parcel sent but not yet confirmed as received: one check-in, dropped once a
    # deliverable of the same collaboration is late (she either got the parcel, or her
    # answer to that reminder will say she did not). Counted in days from the end of the
    # day it went out, as a deadline and the gift are, so it comes in the morning (the
    # quiet hours' end) ``checkin_days`` days after sending, not at the minute of the day
    # the parcel was marked sent (16:37 beside the others' 09:00: review of the first week).
    "shipment": Rule("shipment", (
        Step("received", lambda s: timedelta(days=s.checkin_days - 1), "shipment.received",
             "shipment.received.alt"),
    ), covered_by="deliverable", covered_on="collaboration_id", by_day=True),
    # The shop's own promises to a customer (refined by the custom-orders feature): news
    # N days before the promised date while the order is not ready, and an update when
    # nothing was sent for X days during production. A customer's question never stops them.
    # Its message is the neutral update ("on schedule for <the date>"): most orders are; the
    # owner says when one will be late, and only then writes the delay with a new date.
    "order_delay": Rule("custom_order", (
        Step("delay_warning", lambda s: -timedelta(days=s.delay_warning_days), "order.update", "order.update.alt",
             channel="email"),
    ), stop_on_incoming=False, covered_by="order_late", covered_on="order_id"),
    "order_update": Rule("custom_order", (
        Step("no_update", lambda s: timedelta(days=s.order_update_days), "order.update", "order.update.alt",
             channel="email"),
    ), stop_on_incoming=False, covered_by="order_late", covered_on="order_id"),
    # The promised day is over and the order is not ready: news with a new date, worded as
    # an apology. It covers the two above: "news before the date" and "still on schedule
    # for <that date>" are untrue once the date has passed.
    "order_late": Rule("custom_order", (
        Step("late", lambda s: timedelta(0), "order.late", "order.late.alt", channel="email"),
    ), stop_on_incoming=False),
    # A finished custom order not shipped yet (domain/order_reminders.ship_promises): a task
    # for the owner, from the day that still gets it there by the promised delivery date.
    "order_ship": Rule("custom_order", (
        Step("ship", lambda s: timedelta(0), action="task", channel=""),
    ), stop_on_incoming=False),
    # Every parcel of a custom order got lost or came back (order_reminders.ship_again_promises):
    # the task to send it again, from the moment that was marked; one rule per what happened,
    # so its name in Vandaag and the tray says it ("Parcel lost: ship again").
    "order_ship_lost": Rule("custom_order", (
        Step("ship_lost", lambda s: timedelta(0), action="task", channel=""),
    ), stop_on_incoming=False),
    "order_ship_returned": Rule("custom_order", (
        Step("ship_returned", lambda s: timedelta(0), action="task", channel=""),
    ), stop_on_incoming=False),
    # A shipped custom order nobody marked delivered (order_reminders.arrival_promises): a task
    # for the owner, a working day after it was to arrive, to look at the parcel's tracking.
    "order_arrival": Rule("custom_order", (
        Step("arrival", lambda s: timedelta(0), action="task", channel=""),
    ), stop_on_incoming=False),
    # The shop's own promise to an influencer: the gift the agreement names, still not sent
    # (no parcel, or one packed and left "ready"). A task for the owner, not a message: on
    # the morning of the second day after the agreement (counted from the end of its day),
    # and while it waits her deliverables are not chased (domain/shipments.chased). Her
    # messages do not stop it (audit 9, F4: a packed parcel left the promise silent).
    "gift": Rule("gift", (
        Step("send", lambda s: timedelta(days=GIFT_SEND_DAYS - 1), action="task", channel=""),
    ), stop_on_incoming=False, by_day=True),
    # The shop gave her something (a parcel went out, or the gift was handed over) and nothing
    # is written down about what she does in return (domain/shipments.promise_unrecorded): a
    # task for the owner, "record the agreement", or nothing of hers is ever followed up (the
    # README's drop onto a new influencer made a proposal without deliverables). Due the
    # morning after the parcel went out (its day over, counted like a deadline), not at once:
    # right after the drop the owner is invited to write it down (views/agreement_task.py),
    # and when she says "later" she usually waits for the influencer's answer; a tray popup
    # minutes after that "later" would nag. Her messages do not stop it: only the owner can
    # write it down. Gone once a deliverable is recorded or the collaboration ends; "Nothing
    # agreed" (dismissed: a gift with no strings attached) keeps it gone.
    "agreement": Rule("agreement", (
        Step("record", lambda s: timedelta(0), action="task", channel=""),
    ), stop_on_incoming=False, by_day=True),
}


def register_rule(name: str, rule: Rule) -> None:
    """Add or replace a rule (a new promise kind is data, not a new ladder)."""
    RULES[name] = rule


_STEP_ORDER = {"1": 1, "2": 2, "3": 3, "4": 4}


def step_order(name: str) -> int:
    """Severity of a step name, for choosing the primary part of a combined item."""
    return _STEP_ORDER.get(name, 0)


# --- input ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Promise:
    """Something somebody owes. Moments are naive UTC."""

    rule: str  # key in RULES ("deliverable", "shipment", "reply", "order_delay", ...)
    person_id: int
    subject_type: str  # "deliverable", "shipment", "collaboration", "custom_order", "event"
    subject_id: int
    reference: datetime  # deadline, moment sent, answer due, promised date...
    since: datetime | None = None  # incoming contacts from here on stop it (default: reference)
    closed: bool = False  # delivered, received, ended, cancelled
    details: Mapping[str, object] = field(default_factory=dict)  # opaque to the ladder (for templates)

    @property
    def kind(self) -> str:
        return RULES[self.rule].kind


@dataclass(frozen=True)
class PersonInfo:
    id: int
    name: str
    channels: tuple[str, ...] = ()  # channels she can be reached on, e.g. ("instagram", "email")


@dataclass(frozen=True)
class Contact:
    """One message to or from a person (the timeline, reduced to what the ladder needs)."""

    person_id: int
    at: datetime
    direction: str  # "out" or "in"
    channel: str = ""


@dataclass(frozen=True)
class StepState:
    """What the owner did with one step (keyed by :func:`step_key`)."""

    key: str
    status: str  # "sent", "dismissed", "snoozed"
    at: datetime  # when it was acted on
    snoozed_until: datetime | None = None
    template: str = ""  # template id that was sent
    person_id: int | None = None


def _built(cls, values: dict):
    """An instance of the frozen dataclass ``cls`` with ``values`` (every field, by name).

    The same object as ``cls(**values)`` (same fields, equality, hash and repr), made in one
    step instead of one ``object.__setattr__`` per field, which is what a frozen
    dataclass's ``__init__`` does: the scan makes a few thousand of these per plan
    (docs/PERFORMANCE.md). Only for classes without ``__post_init__`` or slots."""
    obj = object.__new__(cls)
    object.__setattr__(obj, "__dict__", values)
    return obj


def make_promise(rule: str, person_id: int, subject_type: str, subject_id: int, reference: datetime,
                 since: datetime | None = None, closed: bool = False,
                 details: Mapping[str, object] | None = None) -> Promise:
    """``Promise(...)`` for the store's scan, built without the per-field frozen setattr."""
    return _built(Promise, {"rule": rule, "person_id": person_id, "subject_type": subject_type,
                            "subject_id": subject_id, "reference": reference, "since": since,
                            "closed": closed, "details": {} if details is None else details})


def make_contact(person_id: int, at: datetime, direction: str, channel: str = "") -> Contact:
    """``Contact(...)`` for the store's scan, built without the per-field frozen setattr."""
    return _built(Contact, {"person_id": person_id, "at": at, "direction": direction, "channel": channel})


# --- output ---------------------------------------------------------------------------

@dataclass(frozen=True)
class DuePart:
    """One promise inside a DueItem."""

    kind: str
    rule: str
    subject_type: str
    subject_id: int
    step: str
    key: str
    template: str
    reference: datetime
    # when this part came (comes) due, after the guards; one that came due before a day off
    # or the quiet hours it waits through keeps that moment (``_kept_moments``)
    due: datetime
    details: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class DueItem:
    """One thing to do for one person. The top-level fields are those of the primary part
    (the most pressing one); ``parts`` lists every promise the message covers."""

    person_id: int
    person_name: str
    kind: str
    subject_type: str
    subject_id: int
    step: str  # "1".."4", a check-in name ("received", "delay_warning", "no_update", "late") or "strike"
    channel: str  # suggested channel code ("" for a task)
    due: datetime  # naive UTC: when it came (or comes) due
    key: str  # stable per promise + reference + step (the primary part's)
    template: str  # template id to render ("" for a task)
    action: str = "message"  # "message" or "strike"
    final: bool = False
    parts: tuple[DuePart, ...] = ()
    # Why ``channel`` is empty for a message step: NO_OTHER_CHANNEL when the step asks
    # for another channel than the usual one and none is known (the views word it).
    channel_note: str = ""

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(p.key for p in self.parts)

    @property
    def ships_an_order(self) -> bool:
        """Is this the owner's task to ship a finished custom order (rule ``order_ship``), or
        to send it again after its parcel got lost or came back (``order_ship_lost``,
        ``order_ship_returned``)? Vandaag's buttons, the due dialog's opener and the task's
        words ask it so."""
        return self.kind == "custom_order" and self.step in SHIP_STEPS

    @property
    def ships_again(self) -> bool:
        """Is this the task to send a custom order again, its parcel lost or returned?"""
        return self.kind == "custom_order" and self.step in SHIP_STEPS[1:]

    @property
    def checks_arrival(self) -> bool:
        """Is this the owner's look at a shipped custom order's tracking (rule ``order_arrival``)?"""
        return self.kind == "custom_order" and self.step == "arrival"

    @property
    def own_due(self) -> datetime:
        """When the item's own step (its primary part) came or comes due: what the views
        show. ``due`` is when the item as a whole comes due (its earliest part), for the
        scheduler; each part keeps its own moment in ``DuePart.due``."""
        return self.parts[0].due if self.parts else self.due


@lru_cache(maxsize=8192)  # a scan asks it of every open promise's deadline, the tray's every few minutes
def _minute_text(moment: datetime) -> str:
    """``moment`` as %Y%m%dT%H%M (without strftime, which costs most of a key)."""
    if moment.year < 1000:  # strftime does not pad these years: keep its exact text
        return f"{moment:%Y%m%dT%H%M}"
    return "%04d%02d%02dT%02d%02d" % (moment.year, moment.month, moment.day, moment.hour, moment.minute)


def step_key(rule: str, subject_type: str, subject_id: int, reference: datetime, step: str) -> str:
    """Stable key of one step of one promise; a new reference (deadline) gives new keys."""
    return f"{rule}:{subject_type}:{subject_id}:{_minute_text(reference)}:{step}"


def promise_key(promise: Promise, step: Step) -> str:
    return step_key(promise.rule, promise.subject_type, promise.subject_id, promise.reference, step.name)


# --- time guards ------------------------------------------------------------------------

def _local(moment: datetime, tz: tzinfo) -> datetime:
    # moment.replace(tzinfo=timezone.utc).astimezone(tz), without the detour through UTC's
    # offset (astimezone ends in exactly this call): this runs for every promise.
    return tz.fromutc(moment.replace(tzinfo=tz))


def _utc(local: datetime) -> datetime:
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def local_date(moment: datetime, settings: LadderSettings) -> date:
    return _local(moment, settings.tz).date()


def _quiet_at(t: time, settings: LadderSettings) -> bool:
    """Is the local time of day ``t`` inside the quiet hours?"""
    start, end = settings.quiet_start, settings.quiet_end
    if start == end:
        return False
    if start < end:
        return start <= t < end
    return t >= start or t < end


def in_quiet_hours(moment: datetime, settings: LadderSettings) -> bool:
    return _quiet_at(_local(moment, settings.tz).time(), settings)


def _day_start(day: date, settings: LadderSettings, fold: int = 0) -> datetime:
    """The first moment of ``day`` (local) when contacting is allowed, as naive UTC.
    ``fold=1``: the second pass of a time the clocks go through twice (autumn)."""
    start = settings.quiet_end if settings.quiet_start != settings.quiet_end else time(0, 0)
    return _utc(datetime.combine(day, start, tzinfo=settings.tz).replace(fold=fold))


def allowed(moment: datetime, settings: LadderSettings, busy_days: Iterable[date] = ()) -> bool:
    """May the owner contact somebody at ``moment`` (naive UTC)?"""
    local = _local(moment, settings.tz)
    if _quiet_at(local.time(), settings):
        return False
    day = local.date()
    return not _day_off(day, settings) and day not in busy_days


def _day_off(day: date, settings: LadderSettings) -> bool:
    """A day nobody is written to: a Sunday, a public holiday of the shop's country, a
    Saturday the owner skips."""
    return not workdays.is_working_day(day, settings.country, settings.skip_weekends)


def settle(moment: datetime, settings: LadderSettings, busy_days: frozenset[date] | set[date] = frozenset()) -> datetime:
    """The first allowed moment at or after ``moment``: out of quiet hours, off Sundays and
    public holidays (``workdays``: a reminder about a deadline on Christmas morning reads as
    nagging), weekends (if skipped) and days that already had an outgoing contact with the
    person."""
    if not busy_days:  # most calls: deadlines are days, so a scan asks about few moments, many times
        return _settle_anyone(moment, settings)
    return _settle(moment, settings, busy_days)


@lru_cache(maxsize=4096)
def _settle_anyone(moment: datetime, settings: LadderSettings) -> datetime:
    """:func:`settle` without busy days (pure, so its answers are kept)."""
    return _settle(moment, settings, frozenset())


def _settle(moment: datetime, settings: LadderSettings, busy_days: frozenset[date] | set[date]) -> datetime:
    for _ in range(400):  # a year of busy days at most; always ends
        local = _local(moment, settings.tz)
        day = local.date()
        if day in busy_days or _day_off(day, settings):
            moment = _day_start(day + timedelta(days=1), settings)
            continue
        if _quiet_at(local.time(), settings):
            start = settings.quiet_end
            if local.time() >= start:  # in the evening part: to tomorrow morning
                day = day + timedelta(days=1)
            later = _day_start(day, settings)
            if later <= moment:  # the quiet hours end in the hour the clocks repeat: its second pass
                later = _day_start(day, settings, fold=1)
            moment = later
            continue
        return moment
    return moment


@lru_cache(maxsize=4096)
def _day_end(day: date, tz: tzinfo) -> datetime:
    end = _utc(datetime.combine(day + timedelta(days=1), time(0, 0), tzinfo=tz))
    while _local(end, tz).date() <= day:  # a midnight the clocks skip back over
        end += timedelta(minutes=15)
    return end


def end_of_local_day(moment: datetime, settings: LadderSettings) -> datetime:
    """The first moment after the owner's local day of ``moment`` is over, as naive UTC
    (local midnight that starts the next day; later on a day without one)."""
    return _end_of_day(moment, settings.tz)


@lru_cache(maxsize=8192)  # every open deadline, at every scan: the tray's every few minutes
def _end_of_day(moment: datetime, tz: tzinfo) -> datetime:
    end = _day_end(_local(moment, tz).date(), tz)  # the scan asks for a few days only
    return end if end > moment else moment


@lru_cache(maxsize=8192)  # a scan asks it of few moments (deadlines fall on few days), many times
def _later(moment: datetime, offset: timedelta, tz: tzinfo) -> datetime:
    """``moment`` (naive UTC) moved by ``offset`` on the owner's clock, as naive UTC: a step
    ``offset`` after its ladder's start lands on the local day and hour the setting shows
    ("3 days after the deadline, at 14:00": 62 hours from the end of that day), whatever
    the clocks did in between. Added to the UTC moment, 62 hours ran an hour late (14:00
    became 15:00) across the last Sunday of March and an hour early across October's. A
    local time the clocks skip (02:30 on the spring Sunday) is read as the time before the
    change (03:30 summer time); one they go through twice is the first pass."""
    if not offset:
        return moment
    return _utc(_local(moment, tz) + offset)


def ladder_start(rule: Rule, reference: datetime, settings: LadderSettings) -> datetime:
    """The moment a promise's step offsets count from: the reference itself, or for a
    date (``Rule.by_day``) the end of that day in the owner's zone, so that step 1 of a
    deadline "on 2 December" is never due on 2 December itself."""
    return _end_of_day(reference, settings.tz) if rule.by_day else reference


def first_step_due(rule_name: str, reference: datetime, settings: LadderSettings) -> datetime:
    """When the first step of a promise of ``rule_name`` made at ``reference`` comes up, as the
    ladder dates it for anyone: :func:`ladder_start` plus the step's offset, settled out of the
    quiet hours and off the days nobody is written to (:func:`settle`; not her own busy days,
    nor a ride along in another reminder of hers)."""
    rule = RULES[rule_name]
    # on her clock, as the ladder places its steps (_later): added to the UTC moment, it came an
    # hour early over October's change and out of late quiet hours (review of the day's code)
    start = ladder_start(rule, reference, settings)
    return settle(_later(start, rule.steps[0].offset(settings), settings.tz), settings)


def checkin_due(sent_at: datetime, settings: LadderSettings, busy_days: Iterable[date] = ()) -> datetime:
    """The moment a parcel sent at ``sent_at`` is asked about ("received?"): the owner's morning
    ``checkin_days`` calendar days after the day it went out, in her zone (the next working
    morning when that is a day off), as ``RULES["shipment"]`` puts the check-in on Vandaag.
    Zendingen's marker asks it too: it counted 24-hour periods from the minute of sending and
    turned amber at 16:37, or on the evening before the task after a parcel sent late at night,
    not the morning the task came.

    ``busy_days``: the days the shop already wrote to her (an outgoing contact, as the ladder
    counts them: ``store/due.busy_days``). The check-in waits for the next free morning then,
    as Vandaag's does (``_person_items`` settles it off her busy days): written to on the
    morning of its day, the marker came a day before the task (review of the marker)."""
    due = first_step_due("shipment", sent_at, settings)
    if busy_days:
        due = _settle(due, settings, frozenset(busy_days))
    return due


# --- the ladder -------------------------------------------------------------------------

@dataclass(slots=True)  # internal and made for every promise: not frozen (cheaper to build)
class _Next:
    promise: Promise
    index: int
    step: Step
    due: datetime  # before the person guards
    key: str
    previous_sent: datetime | None = None  # when the step before it was sent (None: not sent, or none)
    earlier_sent: bool = False  # was any earlier step of this promise really sent (not only dismissed)?
    start: datetime | None = None  # when its ladder starts counting (``ladder_start``): from then on it is late
    # the earliest moment the owner allows (a snooze, a hold after a final notice): never
    # moved before it, not even to join her other promises' message (``_join_conversation``)
    not_before: datetime | None = None
    # first named in a message of the conversation that runs, at a later step than its own
    # first (``_join_conversation``): its words may not say it was asked about before
    joined: bool = False


def _next_step(promise: Promise, rule: Rule, states: Mapping[str, StepState], with_states: set[str],
               incoming: Iterable[datetime], offsets: list[timedelta], start: datetime,
               catch_ups: dict[tuple[str, datetime], tuple[int, datetime] | None],
               settings: LadderSettings) -> _Next | None:
    """The step of an open ``promise`` to show (due or upcoming), before the person
    guards; ``offsets`` are the rule's step offsets, ``start`` its :func:`ladder_start`;
    ``with_states``: the step keys' prefixes (``step_key`` without the step) in ``states``.
    With what one plan shares between promises: ``catch_ups`` (per rule and start,
    the step to show when nothing was acted on: the same for every promise of that rule
    and start), filled as they are asked."""
    reference = promise.reference
    if rule.stop_on_incoming and incoming and _answered(promise, incoming):  # most people wrote nothing: no call
        return None
    steps = rule.steps
    # step_key(..., ""): the keys of this promise's steps without the step's name
    prefix = f"{promise.rule}:{promise.subject_type}:{promise.subject_id}:{_minute_text(reference)}:"
    if prefix in with_states:
        found = [states.get(prefix + st.name) for st in steps]
        acted = [i for i, st in enumerate(found) if st is not None and st.status in ACTED]
        last = max(acted) if acted else -1
        if last >= len(steps) - 1:
            return None
        snoozed = [st.snoozed_until for st in found if st is not None and st.status == "snoozed" and st.snoozed_until]
    else:  # nothing acted on yet (most promises)
        found, last, snoozed = None, -1, None
    if last < 0:  # then the answer depends on the rule and the start only
        memo = (promise.rule, start)
        if memo in catch_ups:
            chosen = catch_ups[memo]
        else:
            chosen = catch_ups[memo] = _catch_up(steps, offsets, start, found or [None] * len(steps), last, settings)
    else:
        chosen = _catch_up(steps, offsets, start, found, last, settings)
    if chosen is None:
        return None
    index, due = chosen
    if offsets[index] < ZERO:  # news ahead of a date: a day off moves it earlier, never onto or past the date
        due = working_day_before(due, settings)
    not_before = max(snoozed) if snoozed else None
    held = promise.details.get("snoozed_until")  # snoozed before she answered (``after_answer``)
    if held is not None and (not_before is None or held > not_before):
        not_before = held
    if not_before is not None and not_before > due:
        due = not_before
    step = steps[index]
    previous = found[last] if last >= 0 else None  # the last step acted on
    earlier = found is not None and any(st is not None and st.status == "sent" for st in found[:index])
    return _Next(promise, index, step, due, prefix + step.name,
                 previous.at if previous is not None and previous.status == "sent" else None, earlier, start,
                 not_before)


def after_answer(promise: Promise, answered: datetime, settings: LadderSettings,
                 snoozed_until: datetime | None = None) -> Promise:
    """``promise`` once she answered at ``answered`` (``Rule.resume_after_answer``): asked
    about again ``answer_wait_days`` later (for a date rule, from the end of that day) under
    the rule "deliverable_answered", whose words know she wrote (``details["answered_at"]``);
    a later message of hers moves it again. A snooze the owner set on it before
    (``snoozed_until``, under either rule and any deadline) still holds: no step of it
    comes before that moment (``details["snoozed_until"]``, applied by :func:`_next_step`;
    the reference, and so the keys of what was acted on, stay as they are)."""
    again = answered + timedelta(days=settings.answer_wait_days)
    details = {**promise.details, "answered_at": answered}
    if snoozed_until is not None:
        details["snoozed_until"] = snoozed_until
    return make_promise("deliverable_answered", promise.person_id, promise.subject_type, promise.subject_id, again,
                        since=again, closed=promise.closed, details=details)


def _resumed(promise: Promise, rule: Rule, written: tuple[datetime, ...] | None,
             held: Mapping[tuple[str, str, int], datetime], settings: LadderSettings) -> Promise:
    """``promise`` (of a ``resume_after_answer`` rule) as it stands given her latest message
    (``written``): paused and asked about again (:func:`after_answer`) when she wrote since
    it started counting, with a snooze the owner set on it still holding (``held``)."""
    if not written or written[0] < _answer_counts_from(promise, rule, settings):
        return promise
    return after_answer(promise, written[0], settings,
                        held.get((rule.group(promise.rule), promise.subject_type, promise.subject_id)))


def _answer_counts_from(promise: Promise, rule: Rule, settings: LadderSettings) -> datetime:
    """From when her message pauses ``promise`` (``Rule.resume_after_answer``): its
    ``since``, or for a date (``Rule.by_day``) the start of that day in the owner's zone. A
    message on the deadline day itself ("it won't be today, Saturday it's online") is her
    answer as much as one the day after: the ladder that follows must not say it heard
    nothing (review 26, finding 1)."""
    if promise.since is not None or not rule.by_day:
        return promise.since or promise.reference
    return _day_end(_local(promise.reference, settings.tz).date() - timedelta(days=1), settings.tz)


def _snoozed_subjects(states: Iterable[StepState]) -> dict[tuple[str, str, int], datetime]:
    """(rule's group, subject type, subject id) -> the latest moment a step of it was
    snoozed to, from the step keys (``step_key``: rule, subject type, id, reference, step)."""
    held: dict[tuple[str, str, int], datetime] = {}
    for st in states:
        if st.status != "snoozed" or st.snoozed_until is None:
            continue
        rule_name, subject_type, subject_id = st.key.split(":", 3)[:3]
        rule = RULES.get(rule_name)
        if rule is None or not subject_id.isdigit():
            continue
        subject = (rule.group(rule_name), subject_type, int(subject_id))
        if subject not in held or st.snoozed_until > held[subject]:
            held[subject] = st.snoozed_until
    return held


ZERO = timedelta(0)
# The most a change of the clocks moves a local time against UTC (an hour in Europe; two
# in a few zones' history): how much sooner than its hours a step may come (``min_offsets``).
CLOCK_CHANGE = timedelta(hours=2)
# The longest run of days off that news ahead of a date moves back over (``working_day_before``):
# Christmas and a weekend, with Saturdays skipped, fit in a week.
DAYS_OFF_RUN = timedelta(days=7)


def working_day_before(moment: datetime, settings: LadderSettings) -> datetime:
    """``moment``, or the same time on the last working day before it when its day is a
    Sunday, a public holiday (or a Saturday the owner skips): the shop's news two days
    before a promised date moves back, not forward onto the date itself or past it
    (walk-through 2, finding G: promised Monday 28 December, the news came that Monday)."""
    local = _local(moment, settings.tz)
    day = local.date()
    if not _day_off(day, settings):
        return moment
    while _day_off(day, settings):
        day -= timedelta(days=1)
    return _utc(datetime.combine(day, local.time(), tzinfo=settings.tz))


def _answered(promise: Promise, incoming: Iterable[datetime]) -> bool:
    """Did the person write in since the promise started counting?"""
    since = promise.since or promise.reference
    for at in incoming:  # a loop, not any(): no generator for the empty or one-element tuple
        if at >= since:
            return True
    return False


def _catch_up(steps: tuple[Step, ...], offsets: list[timedelta], start: datetime, found: list[StepState | None],
              last: int, settings: LadderSettings) -> tuple[int, datetime] | None:
    """(index, due moment) of the step to show after step ``last`` was acted on (-1: none).

    A step comes due ``offset`` after the reference, on the owner's clock (:func:`_later`);
    after the owner acted on a step, the later ones keep their spacing from that moment. Catch-up: the step after the
    last one acted on, however many came due while the app was closed. The ladder is
    climbed a rung at a time: a final notice is never the first message, even after a
    week away (seed 003: the last reminder follows the mails, messages and calls she
    left unanswered). (Step 3 says "this way" and step 4 "my final reminder" only after
    an earlier step was sent: ``_item`` takes their other wording otherwise, for a step
    before them that was done without a message.)"""
    for i in range(last + 1, len(steps)):
        if steps[i].needs_previous and not (i - 1 == last and found[last].status == "sent"):
            continue
        due_i = _later(start, offsets[i], settings.tz)
        if last >= 0:
            after = _later(found[last].at, offsets[i] - offsets[last], settings.tz)
            if steps[i].action == "strike" and steps[last].final and found[last].status == "sent":
                # the notice's moment, not its own deadline's: every part one notice named is
                # decided together, at the moment that notice set (walk of an influencer's
                # month, B: a reel it named asked for its decision on 2 January, the stories
                # on 31 December); never before the date it named is over (off a holiday)
                return i, max(after, _day_end(pause_date(found[last].at, settings), settings.tz))
            due_i = max(due_i, after)
        return i, due_i
    return None


def _usual_channel(person: PersonInfo, contacts: list[Contact]) -> str:
    """The channel she was last written to on. A call (step 3's other way to reach her)
    is not where the next written message goes, unless the phone is all there is: the
    final notice after a call goes where the reminders before it went."""
    written = len(person.channels) > person.channels.count("phone")  # a channel other than the phone
    for c in sorted(contacts, key=lambda c: c.at, reverse=True) if contacts else ():
        if c.channel and (not person.channels or c.channel in person.channels) and not (
                written and c.channel == "phone"):
            return c.channel
    for channel in USUAL_CHANNEL_ORDER:
        if channel in person.channels:
            return channel
    return person.channels[0] if person.channels else ""


def other_channel(person: PersonInfo, contacts: list[Contact], since: datetime, usual: str) -> str | None:
    """A channel of ``person`` other than ``usual``: first one not used since ``since``
    (in OTHER_CHANNEL_ORDER), else any other one she has; None when she has no other."""
    used = {c.channel for c in contacts if c.direction == "out" and c.at >= since and c.channel}
    used.add(usual)
    for channel in OTHER_CHANNEL_ORDER:
        if channel in person.channels and channel not in used:
            return channel
    for channel in person.channels:
        if channel != usual:
            return channel
    return None


NO_OTHER_CHANNEL = "no_other_channel"


def channel_decision(step: Step, person: PersonInfo, contacts: list[Contact], since: datetime) -> tuple[str, str]:
    """(channel, note): the channel a step proposes ("" for a task), and when a message
    step proposes none, why (NO_OTHER_CHANNEL: another channel was asked for, none is known)."""
    if step.action != "message":
        return "", ""
    usual = _usual_channel(person, contacts)
    if step.channel == "same":
        return usual, ""
    if step.channel == "other":
        other = other_channel(person, contacts, since, usual)
        return ("", NO_OTHER_CHANNEL) if other is None else (other, "")
    return (step.channel if (not person.channels or step.channel in person.channels) else usual), ""


def min_offsets(settings: LadderSettings) -> dict[str, timedelta]:
    """Per rule, its earliest step offset: no step of a promise comes due before
    ``reference + min_offsets[rule]`` (acting, snoozing and the guards only move steps
    later), so a promise whose bound is after ``now`` has nothing due at ``now``. Offsets
    count on the owner's clock (:func:`_later`): across a change of the clocks a step
    comes up to ``CLOCK_CHANGE`` sooner than the hours say, so the bound is that much earlier."""
    found = {name: min(st.offset(settings) for st in rule.steps) for name, rule in RULES.items()}
    return {name: offset - DAYS_OFF_RUN if offset < ZERO else offset - CLOCK_CHANGE if offset else offset
            for name, offset in found.items()}


def plan(promises: Iterable[Promise], people: Mapping[int, PersonInfo], contacts: Iterable[Contact],
         states: Iterable[StepState], settings: LadderSettings, now: datetime,
         due_only: bool = False) -> list[DueItem]:
    """Everything due now and the next step of every open promise, after the guards.

    Returns DueItems sorted by ``due``; those with ``due <= now`` are due now (see
    :func:`due_now`). At most one message item per person per local day, but for the
    shop's news before an order's promised day, which that rule would carry onto the day
    itself: it keeps its own day as a message of its own (``_past_its_promise``).
    ``due_only``: only the items due at ``now`` (the same as ``due_now(plan(...), now)``,
    without working out the upcoming ones).
    """
    state_by_key = {s.key: s for s in states}
    by_person_contacts: dict[int, list[Contact]] = {}
    for c in contacts:
        by_person_contacts.setdefault(c.person_id, []).append(c)
    last_template = _last_templates(state_by_key.values())
    nexts = _next_steps(promises, state_by_key, by_person_contacts, settings, now)
    scan = _Scan(settings, now, due_only)
    items: list[DueItem] = []
    for person_id, person_nexts in nexts.items():
        person = people.get(person_id) or PersonInfo(person_id, "")
        _person_items(scan, person, person_nexts, by_person_contacts.get(person_id, []),
                      last_template.get(person_id, (None, ""))[1], items)
    if not scan.now_allowed and not due_only:
        items = _kept_moments(items, nexts, by_person_contacts, scan)
    items.sort(key=lambda i: (i.due, i.person_name, i.key))
    return items


def _last_templates(states: Iterable[StepState]) -> dict[int, tuple[datetime, str]]:
    """Per person, (when, template) of the latest step sent to her."""
    last_template: dict[int, tuple[datetime, str]] = {}
    for s in states:
        if s.status == "sent" and s.template and s.person_id is not None:
            if s.person_id not in last_template or s.at >= last_template[s.person_id][0]:
                last_template[s.person_id] = (s.at, s.template)
    return last_template


def _next_steps(promises: Iterable[Promise], state_by_key: Mapping[str, StepState],
                by_person_contacts: Mapping[int, list[Contact]], settings: LadderSettings,
                now: datetime) -> dict[int, list[_Next]]:
    """Per person, the next step of each of her open promises that is still needed."""
    # Worked out once, not per promise: each rule's step offsets and the latest incoming
    # contact per person (any incoming at or after ``since`` stops a promise, so the
    # latest one decides).
    offsets = {name: [st.offset(settings) for st in rule.steps] for name, rule in RULES.items()}
    latest_in: dict[int, tuple[datetime, ...]] = {}
    for person_id, person_contacts in by_person_contacts.items():
        incoming = [c.at for c in person_contacts if c.direction == "in"]
        latest_in[person_id] = (max(incoming),) if incoming else ()

    nexts: dict[int, list[_Next]] = {}
    covering = {rule.covered_by for rule in RULES.values() if rule.covered_by}
    # (person, rule) -> (moment its ladder starts, details) of every open promise that can
    # make another one unnecessary (a late deliverable covers her parcel check-in).
    late: dict[tuple[int, str], list[tuple[datetime, Mapping[str, object]]]] = {}
    earliest = {name: min(found) for name, found in offsets.items()}
    # Per rule, what the loop asks of it for every promise: its group when that covers
    # other rules (else None) and its group when it shares a final notice (else None).
    covers = {name: (rule.group(name) if rule.group(name) in covering else None) for name, rule in RULES.items()}
    coverable = {name for name, rule in RULES.items() if rule.covered_by}
    may_be_covered: set[int] = set()  # the people with a step of a rule in ``coverable``
    notices = {name: (rule.group(name) if rule.one_notice_per else None) for name, rule in RULES.items()}
    # Shared between promises (deadlines fall on few days): the step to show per rule and start.
    tz = settings.tz
    catch_ups: dict[tuple[str, datetime], tuple[int, datetime] | None] = {}
    # (person, rule, shared details value) -> when a final notice now waiting for its
    # strike was sent (``Rule.one_notice_per``)
    noticed: dict[tuple[int, str, object], datetime] = {}
    # (rule's group, subject type, id) -> the latest "not before" the owner snoozed it to
    held = _snoozed_subjects(state_by_key.values())
    with_states = {key.rpartition(":")[0] + ":" for key in state_by_key}  # whose steps were acted on
    for promise in promises:
        rule = RULES[promise.rule]
        if promise.closed:
            continue
        person_id = promise.person_id
        written = latest_in.get(person_id, ())
        if rule.resume_after_answer and written:
            promise = _resumed(promise, rule, written, held, settings)
            rule = RULES[promise.rule]
        name = promise.rule
        start = _end_of_day(promise.reference, tz) if rule.by_day else promise.reference  # ladder_start
        group = covers[name]
        if group is not None:
            found = late.get((person_id, group))
            if found is None:
                found = late[(person_id, group)] = []
            found.append((_later(start, earliest[name], tz), promise.details))
        nxt = _next_step(promise, rule, state_by_key, with_states, written, offsets[name], start, catch_ups, settings)
        if nxt is not None:
            found = nexts.get(person_id)
            if found is None:
                nexts[person_id] = [nxt]
            else:
                found.append(nxt)
            if name in coverable:
                may_be_covered.add(person_id)
            if nxt.previous_sent is not None and notices[name] is not None and nxt.step.action == "strike":
                # its final notice went out and its strike is still to decide: the notice
                # speaks for the group until then (not after the strike is decided, nor
                # once a new deadline restarted this promise's ladder)
                shared = promise.details.get(rule.one_notice_per)
                if shared is not None:
                    group = (person_id, notices[name], shared)
                    if group not in noticed or nxt.previous_sent > noticed[group]:
                        noticed[group] = nxt.previous_sent
    states = state_by_key if with_states else {}
    _between_promises(nexts, states, covering, may_be_covered, late, noticed, latest_in, settings, now)
    return nexts


def _between_promises(nexts: dict[int, list[_Next]], state_by_key: Mapping[str, StepState], covering: set[str],
                      may_be_covered: set[int], late: Mapping[tuple[int, str], list[tuple[datetime, Mapping[str, object]]]],
                      noticed: Mapping[tuple[int, str, object], datetime], latest_in: Mapping[int, tuple[datetime, ...]],
                      settings: LadderSettings, now: datetime) -> None:
    """What one of her promises does to her others (in place): what another one covers goes
    (``Rule.covered_by``), what a final notice speaks for waits (``Rule.one_notice_per``), and
    what is late goes with her conversation's next message (``_join_conversation``)."""
    if may_be_covered:
        wrote = _covering_sent(state_by_key.values(), covering, may_be_covered) if state_by_key else {}
        if late or wrote:
            _drop_covered(nexts, may_be_covered, late, wrote, now)
    decided = _final_notices(state_by_key, nexts) if state_by_key else {}
    if noticed or decided:
        _drop_after_final_notice(nexts, noticed, decided, latest_in, settings)
    if state_by_key:
        _after_follow_ups(nexts, state_by_key, latest_in)
    _join_conversation(nexts, settings)


def _final_steps() -> dict[str, tuple[str, str]]:
    """Per rule with a shared final notice (``Rule.one_notice_per``), the names of its final
    step and of the strike decision after it."""
    found = {}
    for name, rule in RULES.items():
        final = next((st.name for st in rule.steps if st.final), None)
        strike = next((st.name for st in rule.steps if st.action == "strike"), None)
        if rule.one_notice_per and final and strike:
            found[name] = (final, strike)
    return found


def _final_notices(state_by_key: Mapping[str, StepState], nexts: Mapping[int, list[_Next]]
                   ) -> dict[tuple[int, str], datetime]:
    """(person, rule's group) -> when her latest decided final notice was sent: one whose
    strike the owner decided (``states``), also once what it named is closed and gone from
    the scan, so what came due during its pause still knows the notice went out
    (``_drop_after_final_notice``; a notice still waiting for its decision is in ``noticed``).
    A notice without a decision (its work posted, its deadline moved) speaks for nothing."""
    finals = _final_steps()
    found: dict[tuple[int, str], datetime] = {}
    for key, st in state_by_key.items():
        if st.status != "sent" or st.person_id is None or st.person_id not in nexts:
            continue
        prefix, _sep, step = key.rpartition(":")
        rule_name = prefix.partition(":")[0]
        final, strike = finals.get(rule_name, ("", ""))
        if step != final:
            continue
        decided = state_by_key.get(prefix + ":" + strike)
        if decided is None or decided.status not in ACTED:
            continue
        mine = (st.person_id, RULES[rule_name].group(rule_name))
        if mine not in found or st.at > found[mine]:
            found[mine] = st.at
    return found


def _drop_after_final_notice(nexts: dict[int, list[_Next]], noticed: Mapping[tuple[int, str, object], datetime],
                             notices: Mapping[tuple[int, str], datetime],
                             latest_in: Mapping[int, tuple[datetime, ...]], settings: LadderSettings) -> None:
    """Remove (in place) the steps of promises whose group has a final notice waiting for
    its strike (``Rule.one_notice_per``), unless she wrote after it: then she answered,
    and a later promise of the group is chased from its own first step again.

    Her other promises' friendlier reminders wait until the day after the date her latest
    final notice (``notices``) names: "is everything OK?" about another reel the day after "if
    I haven't heard from you by Monday, I'll end our collaboration" took the notice back
    (review 26, ladder 1). Another collaboration's own final notice keeps its day: it says
    the same. One that became late while that notice's date was running is not greeted with
    a cheerful first reminder after it either (message review, finding 6: "is everything
    OK?" on the morning its strike came due): its ladder goes on from the second step, the
    one that explains why a date matters."""
    latest = dict(notices)  # (person, group) -> her latest final notice
    for (person_id, group, _shared), sent in noticed.items():
        latest[(person_id, group)] = max(sent, latest.get((person_id, group), sent))
    for person_id, person_nexts in nexts.items():
        written = latest_in.get(person_id, ())
        kept = []
        for n in person_nexts:
            rule = RULES[n.promise.rule]
            on = rule.one_notice_per
            if not on or n.step.action == "strike":
                kept.append(n)
                continue
            group = rule.group(n.promise.rule)
            sent = noticed.get((person_id, group, n.promise.details.get(on)))
            if sent is not None and not (written and written[0] >= sent):
                continue
            last_notice = latest.get((person_id, group))
            if (last_notice is not None and n.step.action == "message" and not n.step.final
                    and not (written and written[0] >= last_notice)):
                after = _day_start(pause_date(last_notice, settings) + timedelta(days=1), settings)
                if n.due < after:
                    n.due = n.not_before = after
                if (n.index == 0 and n.start is not None and n.start < after and not n.earlier_sent
                        and len(rule.steps) > 1 and rule.steps[1].action == "message" and not rule.steps[1].final):
                    # late while the notice's date ran, or before it and left out of it
                    # (``JOIN_BEFORE_FINAL``): the notice told her of it; never onto a final
                    # step (the check-in after her answer stays: it is no cheerful opener)
                    _restep(n, 1)
            kept.append(n)
        if len(kept) != len(person_nexts):
            person_nexts[:] = kept


# How long unanswered follow-ups of her message (``_after_follow_ups``) are the conversation that
# runs with her: a week after the last one, a promise of hers that goes late is a new subject and
# may open with its friendly first reminder again.
FOLLOW_UPS_RUN = timedelta(days=7)


def _after_follow_ups(nexts: dict[int, list[_Next]], state_by_key: Mapping[str, StepState],
                      latest_in: Mapping[int, tuple[datetime, ...]]) -> None:
    """One person, one conversation, across kinds of promise (review of the ladder, defect 2):
    a promise that goes late while follow-ups of her unanswered message run (a rule covered by
    any promise of hers, ``Rule.covered_by`` with no ``covered_on``: "reply") joins that
    conversation instead of opening a new one. Zoë got "did my message reach you?" and "my
    message is still unanswered" on two days, and on the third "just checking in about your
    post … is everything OK?": her late post covered the follow-ups (``_drop_covered``), and its
    ladder started from its first, cheerful step as if nothing had been said to her.

    So (in place) the first step of such a promise (nothing of its ladder acted on yet) becomes
    its second, the reminder that says she has not answered and why a date matters, when a
    follow-up was sent to her before it comes due, at most ``FOLLOW_UPS_RUN`` before, and she
    has not written since. It keeps the day of its first step (the one the next follow-up would
    have had); its later steps keep their own days, counted from its deadline as ever, so its
    final notice comes no sooner than it would have: only the cheerful opener is left out. Only
    a rule whose second step is an ordinary message moves (not the check-in after her answer,
    whose next step is a final notice)."""
    wanted: dict[int, list[_Next]] = {}
    for person_id, person_nexts in nexts.items():
        for n in person_nexts:
            rule = RULES[n.promise.rule]
            if (n.index == 0 and n.previous_sent is None and not n.earlier_sent and len(rule.steps) > 1
                    and rule.steps[1].action == "message" and not rule.steps[1].final
                    and rule.steps[1].channel == n.step.channel):
                wanted.setdefault(person_id, []).append(n)
    if not wanted:
        return
    # (person, covering rule's group) -> the moments follow-ups covered by that group were sent
    followed: dict[tuple[int, str], list[datetime]] = {}
    for st in state_by_key.values():
        if st.status != "sent" or st.person_id not in wanted:
            continue
        rule = RULES.get(st.key.partition(":")[0])
        if rule is None or not rule.covered_by or rule.covered_on:
            continue
        followed.setdefault((st.person_id, rule.covered_by), []).append(st.at)
    if not followed:
        return
    for person_id, candidates in wanted.items():
        written = latest_in.get(person_id, ())
        for n in candidates:
            found = followed.get((person_id, RULES[n.promise.rule].group(n.promise.rule)), ())
            if any(at <= n.due and n.due - at <= FOLLOW_UPS_RUN and not (written and written[0] >= at)
                   for at in found):
                _restep(n, 1)


def _restep(n: _Next, index: int) -> None:
    """Move ``n`` (in place) to step ``index`` of its rule: the step key changes with it, so
    what the owner does is kept for that step."""
    step = RULES[n.promise.rule].steps[index]
    n.index, n.step, n.key = index, step, n.key.rpartition(":")[0] + ":" + step.name


# A late deliverable joins her running conversation only while at least this many of its
# messages are left before the final notice, this one included (walk of an influencer's month,
# A: the reel, late the day the stories got "another way", was named once, by phone, and the
# next day got the final notice with the invoice, two days after its deadline). It then is named
# in the reminder that explains why a date matters and in the one on another channel, as the
# ladder promises before any final notice. Joining later, it would reach a final notice after a
# single message: it waits instead. A final notice ends its collaboration and names it among
# what ends with it; of another collaboration, the notice says it still stands, and after the
# notice's decision it goes on from the second step (``_drop_after_final_notice``).
JOIN_BEFORE_FINAL = 2


def _final_index(rule: Rule) -> int | None:
    """The index of ``rule``'s final step (the notice), None when it has none."""
    return next((i for i, st in enumerate(rule.steps) if st.final), None)


def _join_conversation(nexts: dict[int, list[_Next]], settings: LadderSettings) -> None:
    """One person, one conversation (message review, findings 5 and 6): her deliverables
    that are late by the time her ladder's next message goes join that message, at its
    step, instead of starting a ladder of their own (a cheerful first reminder about the
    stories the day the reel got its final notice, and a second final notice with another
    date the day after). Per rule with a shared final notice (``Rule.one_notice_per``):
    the next message is the earliest of her steps; every promise of that rule whose ladder
    has started by then (``_Next.start``) goes with it, at the most advanced step among
    them, and with what that step's ladder sent before (its "another way", its "final"),
    while enough of its messages are left before the notice (``JOIN_BEFORE_FINAL``).
    A promise not late yet waits for a later message; one the owner snoozed past that
    moment (``_Next.not_before``) keeps its own.

    Her deliverables under the rules of one group (``Rule.group``: "deliverable" and
    "deliverable_answered", a deliverable she answered about) are one conversation too
    (walk of an influencer's month, D): their steps mean other things (the check-in after
    her answer, then a final notice that names her message), so a promise does not take the
    other rule's step. Their first rungs, the check-in that thanks her for her message and a
    first reminder, are one friendly question and go in one message (``_fits``: the words
    that know she wrote lead); at later rungs each keeps its own words, one message a day."""
    for person_nexts in nexts.values():
        if len(person_nexts) < 2:
            continue
        by_group: dict[str, list[_Next]] = {}
        for n in person_nexts:
            rule = RULES[n.promise.rule]
            if n.step.action == "message" and rule.one_notice_per and n.start is not None:
                by_group.setdefault(rule.group(n.promise.rule), []).append(n)
        for conversation in by_group.values():
            if len(conversation) < 2:
                continue
            by_rule: dict[str, list[_Next]] = {}
            for n in conversation:
                by_rule.setdefault(n.promise.rule, []).append(n)
            for ladder in by_rule.values():
                _join_ladder(ladder, settings)
            if len(by_rule) > 1:
                _join_first_rungs(conversation, settings)


def _join_ladder(ladder: list[_Next], settings: LadderSettings) -> None:
    """One rule's late promises of one person in its next message (``_join_conversation``)."""
    if len(ladder) < 2:
        return
    first = min(ladder, key=lambda n: (n.due, n.key))
    moment = _settle_anyone(first.due, settings)
    late = [n for n in ladder if n.start <= moment and (n.not_before is None or n.not_before <= first.due)]
    if len(late) < 2:
        return
    lead = max(late, key=lambda n: (n.index, n.previous_sent is not None, n.earlier_sent))
    final = _final_index(RULES[lead.promise.rule])
    if final is not None and final - lead.index < JOIN_BEFORE_FINAL:
        # too near its final notice to be named in enough messages before it: what was
        # never named waits (the notice says it ends too, or that it still stands)
        late = [n for n in late if n.index >= lead.index or n.earlier_sent or n.previous_sent is not None]
        if len(late) < 2:
            return
    for n in late:
        if n.index < lead.index:
            if n.index == 0 and not n.earlier_sent and n.previous_sent is None:
                n.joined = True
            _restep(n, lead.index)
        n.due = first.due
        if n is not lead:
            n.previous_sent, n.earlier_sent = lead.previous_sent, lead.earlier_sent


def _join_first_rungs(conversation: list[_Next], settings: LadderSettings) -> None:
    """Her conversation's next message, when it is a first rung (a first reminder, the check-in
    after her answer), takes the first rungs of her other rules' promises late by then
    (``_join_conversation``): one friendly question, not one a day per rule."""
    first = min(conversation, key=lambda n: (n.due, n.key))
    if first.index != 0:
        return
    moment = _settle_anyone(first.due, settings)
    for n in conversation:
        if (n.promise.rule != first.promise.rule and n.index == 0 and not n.earlier_sent
                and n.previous_sent is None and n.start <= moment
                and (n.not_before is None or n.not_before <= first.due)):
            n.due = first.due


def _covering_sent(states: Iterable[StepState], covering: set[str], people: set[int]) -> dict[tuple[int, str], datetime]:
    """(person, covering rule's group) -> when a step of a rule in that group (a deliverable's
    reminder, ``covering``) was last sent to her, for ``people``: whatever it was about, and
    also once that promise is closed and gone from the scan."""
    found: dict[tuple[int, str], datetime] = {}
    for st in states:
        if st.status != "sent" or st.person_id not in people:
            continue
        rule_name = st.key.partition(":")[0]
        rule = RULES.get(rule_name)
        if rule is None or rule.group(rule_name) not in covering:
            continue
        mine = (st.person_id, rule.group(rule_name))
        if mine not in found or st.at > found[mine]:
            found[mine] = st.at
    return found


def _drop_covered(nexts: dict[int, list[_Next]], people: Iterable[int],
                  late: Mapping[tuple[int, str], list[tuple[datetime, Mapping[str, object]]]],
                  wrote: Mapping[tuple[int, str], datetime], now: datetime) -> None:
    """Remove (in place) the steps another late promise of the same person makes
    unnecessary, or made unnecessary for good (``wrote``: ``_covering_sent``); ``people``:
    those with a step of a rule that can be covered."""
    for person_id in people:
        person_nexts = nexts[person_id]
        person_nexts[:] = [n for n in person_nexts if not _covered(n, late, wrote, now)]


class _Scan:
    """What one plan knows about ``now`` in the owner's time zone (worked out once)."""

    __slots__ = ("settings", "now", "due_only", "now_allowed", "today", "_settled_now", "_settled")

    def __init__(self, settings: LadderSettings, now: datetime, due_only: bool) -> None:
        self.settings = settings
        self.now = now
        self.due_only = due_only
        self.now_allowed = allowed(now, settings)
        self.today = local_date(now, settings)
        self._settled_now: datetime | None = None
        self._settled: dict[datetime, datetime] = {}

    def settle(self, moment: datetime, busy: set[date]) -> datetime:
        """``settle(moment, settings, busy)``; without busy days, each moment worked out once
        per plan (steps of promises with the same deadline fall on the same moment)."""
        if busy:
            return _settle(moment, self.settings, busy)
        found = self._settled.get(moment)
        if found is None:
            found = self._settled[moment] = _settle_anyone(moment, self.settings)
        return found

    def settled_now(self) -> datetime:
        """``settle(now, settings)``, when first needed."""
        if self._settled_now is None:
            self._settled_now = settle(self.now, self.settings)
        return self._settled_now

    def on_its_own(self, moment: datetime) -> datetime:
        """When a step due at ``moment`` comes due on its own, the once-a-day courtesy left
        aside (a task; news kept apart by ``_past_its_promise``): the first allowed moment,
        and when that is past while now is not allowed (quiet hours), the next allowed one."""
        due = self.settle(moment, set())
        if due <= self.now and not self.now_allowed:
            due = self.settled_now()
        return due


def _person_items(scan: _Scan, person: PersonInfo, person_nexts: list[_Next], person_contacts: list[Contact],
                  last: str, items: list[DueItem]) -> None:
    """Append one person's items: each task on its own, her messages one per local day."""
    settings, now, due_only = scan.settings, scan.now, scan.due_only
    busy = {local_date(c.at, settings) for c in person_contacts if c.direction == "out"}
    if len(person_nexts) > 1:
        _checkin_waits_for_reminder(scan, person_nexts, busy)
    messages: list[tuple[_Next, datetime]] = []
    decisions: list[tuple[set, list[tuple[_Next, datetime]]]] = []  # (what ties them, their parts)
    for nxt in person_nexts:
        if nxt.step.name in _BEFORE_THE_PROMISE and _lapsed(nxt, scan):
            continue
        if nxt.step.action != "message":
            shared = _decided_together(nxt)
            if not shared:
                if due_only and nxt.due > now:  # the guards only move it later
                    continue
                due = scan.on_its_own(nxt.due)
                if not due_only or due <= now:
                    items.append(_item(person, [(nxt, due)], settings, person_contacts, last))
            else:
                # a part of a decision taken together: filed whatever its own moment, as
                # the week's plan files it (the decision is due when its first part is)
                _decide_with(decisions, shared, (nxt, scan.on_its_own(nxt.due)))
            continue
        if due_only and nxt.due > now:  # the guards only move it later
            continue
        due = scan.settle(nxt.due, busy)
        if busy and _past_its_promise(nxt, due, settings):
            # the once-a-day courtesy would carry it onto the day it is about: it goes on
            # its own day, as a message of its own
            items.extend(_own_message(scan, person, nxt, person_contacts, last))
            continue
        messages.append((nxt, due))
    for _ties, parts in decisions:
        if not due_only or min(due for _n, due in parts) <= now:
            items.append(_item(person, parts, settings, person_contacts, last))
    if messages:
        _message_items(scan, person, messages, busy, person_contacts, last, items)


# The kinds of her reminders a parcel check-in of hers rides along in as their closing question
# (``_fits``, ``_checkin_waits_for_reminder``): her late work (not its final notice) and the
# follow-ups of her unanswered message ("did my message reach you? … Oh, and did the parcel
# arrive?"). Kept apart from those follow-ups, it went a day behind each of them, up to three.
_TAKES_A_CHECKIN = ("deliverable", "reply")


def _checkin_waits_for_reminder(scan: _Scan, person_nexts: list[_Next], busy: set[date]) -> None:
    """A parcel check-in of hers whose first free moment falls on the day of her ladder's next
    reminder (about late work, not a final notice, or a follow-up of her unanswered message:
    ``_TAKES_A_CHECKIN``), before it, waits for that reminder and rides
    along in it as its closing question (``_fits``), in place: one message that day, at the
    reminder's moment. Review: a check-in due the day a reminder went was held a day behind
    each of them and reached her after the final notice; one due that morning, with the
    reminder in the afternoon, would go on its own and push the ladder a day on.

    Only ever later: a check-in due after that day's reminder is not pulled into it (it goes
    with the next reminder while the ladder runs, on its own day while the ladder waits on
    her), so no step comes before ``min_offsets`` and ``due_now`` of the plan is what the
    scheduler's own scan finds."""
    checkins = [n for n in person_nexts if n.step.action == "message" and RULES[n.promise.rule].kind == "shipment"]
    if not checkins:
        return
    reminders = [scan.settle(n.due, busy) for n in person_nexts
                 if n.step.action == "message" and not n.step.final and RULES[n.promise.rule].kind in _TAKES_A_CHECKIN]
    if not reminders:
        return
    reminder = min(reminders)
    day = local_date(reminder, scan.settings)
    for n in checkins:
        own = scan.settle(n.due, busy)
        if own < reminder and local_date(own, scan.settings) == day:
            n.due = reminder


# The shop's news about a custom order before its promised day ("on schedule for", "a new
# date"): worth nothing on that day or after it (audit 12, F3: a second order's news, pushed
# a day on by the first order's message, reached the customer on the promised day itself).
_BEFORE_THE_PROMISE = ("delay_warning", "no_update")
_OWN_DAY_NEWS = (*_BEFORE_THE_PROMISE, "late")  # each order's news keeps its own day


def _past_its_promise(nxt: _Next, due: datetime, settings: LadderSettings) -> bool:
    """Would the shop's news about an order, moved to ``due``, come too late? News before
    the promised day on or after it; the apology that the day is over on any later day than
    its own (two late orders of one customer: the second's apology came a day behind the
    first's, review 26)."""
    if nxt.step.name == "late":
        return local_date(due, settings) > local_date(_settle_anyone(nxt.due, settings), settings)
    if nxt.step.name not in _BEFORE_THE_PROMISE:
        return False
    promised = nxt.promise.details.get("promised_ready")
    return promised is not None and local_date(due, settings) >= promised


def _lapsed(nxt: _Next, scan: _Scan) -> bool:
    """Has the shop's news before an order's promised day lapsed? From that day on it says
    nothing in time ("the date stays Monday 26 October", sent on that Monday with the order
    not ready: review walk), so it is no longer offered; the morning after, the late news
    asks for an apology with a new date. News the owner asked for on the day itself (0 days
    before) keeps that day, its own."""
    promised = nxt.promise.details.get("promised_ready")
    if promised is None or scan.today < promised:
        return False
    own = local_date(_later(nxt.promise.reference, nxt.step.offset(scan.settings), scan.settings.tz), scan.settings)
    return own < scan.today


def _own_message(scan: _Scan, person: PersonInfo, nxt: _Next, contacts: list[Contact], last: str) -> list[DueItem]:
    """``nxt`` in a message of its own at its moment without the once-a-day courtesy (a
    second message to her that day: two orders, two e-mails, as any shop sends them)."""
    due = scan.on_its_own(nxt.due)
    if scan.due_only and due > scan.now:
        return []
    return [_item(person, [(nxt, due)], scan.settings, contacts, last)]


def _decided_together(nxt: _Next) -> set:
    """What ties a strike decision to others decided with it, or an empty set for a task on
    its own: the group of its rule with its collaboration (the deliverables of one
    collaboration, ``Rule.one_notice_per``) and with the moment its final notice went out
    (the deliverables one notice named, of every collaboration it ended: message review,
    finding 5). Audit 11, F4: a post and a story of one collaboration asked for two strike
    decisions, and deciding one took the other away."""
    rule = RULES[nxt.promise.rule]
    if nxt.step.action != "strike" or not rule.one_notice_per:
        return set()
    group = rule.group(nxt.promise.rule)
    ties = set()
    shared = nxt.promise.details.get(rule.one_notice_per)
    if shared is not None:
        ties.add((group, "shared", shared))
    if nxt.previous_sent is not None:
        ties.add((group, "notice", nxt.previous_sent))
    return ties


def _decide_with(decisions: list[tuple[set, list[tuple[_Next, datetime]]]], ties: set,
                 part: tuple[_Next, datetime]) -> None:
    """File ``part`` (in place) with every decision it shares a tie with, merging those."""
    parts = [part]
    kept = []
    for found_ties, found_parts in decisions:
        if found_ties & ties:
            ties = ties | found_ties
            parts = found_parts + parts
        else:
            kept.append((found_ties, found_parts))
    decisions[:] = kept + [(ties, parts)]


def _message_items(scan: _Scan, person: PersonInfo, messages: list[tuple[_Next, datetime]], busy: set[date],
                   person_contacts: list[Contact], last: str, items: list[DueItem]) -> None:
    """Append one person's messages: what is due now in one message, the rest day by day
    on days without an outgoing contact, each part that does not fit a day's message
    moving on to the next free day."""
    settings, now, today = scan.settings, scan.now, scan.today
    today_ok = scan.now_allowed and today not in busy  # allowed(now, settings, busy)
    if not today_ok and today in busy and any(n.step.name in _OWN_DAY_NEWS for n, _d in messages):
        # due while she already heard from the shop today: the next free day, unless that
        # carries news before an order's promised day onto it (then its own message now)
        next_free = settle(now, settings, busy)
        kept = []
        for n, d in messages:
            if d <= now and _past_its_promise(n, next_free, settings):
                items.extend(_own_message(scan, person, n, person_contacts, last))
            else:
                kept.append((n, d))
        messages = kept
    due_now = [(n, d) for n, d in messages if d <= now and today_ok]
    if scan.due_only:
        if due_now:
            items.append(_item(person, _compose(due_now)[0], settings, person_contacts, last))
        return
    later = _later_parts(messages, today_ok, now, settings, busy)
    occupied = set(busy)
    groups: dict[date, list[tuple[_Next, datetime]]] = {}
    if due_now:
        message, rest = _compose(due_now)
        items.append(_item(person, message, settings, person_contacts, last))
        occupied.add(today)
        for nxt, due in rest:  # kept for its own message, on the next free day
            moved = settle(now, settings, occupied)
            # unless that day is an order's promised day: its news before it goes now, in a
            # message of its own (moved a day on behind her other message each day, it reached
            # the promised day itself: review 26, ladder 3)
            if _past_its_promise(nxt, moved, settings) or not _put(groups, occupied, nxt, moved, settings):
                items.append(_item(person, [(nxt, due)], settings, person_contacts, last))
    for nxt, due in later:
        if nxt.step.name in _BEFORE_THE_PROMISE and _past_its_promise(nxt, due, settings):
            # came due before a day off or the quiet hours that last past the promised day (news
            # on Thursday 24 December, promised Sunday 27, the next free moment Monday 28): it
            # waits as itself, a message of its own, never joined to that order's apology on
            # the day after the date (which named that Monday as the moment it was due "since")
            items.extend(_own_message(scan, person, nxt, person_contacts, last))
        elif not _put(groups, occupied, nxt, due, settings):
            items.append(_item(person, [(nxt, due)], settings, person_contacts, last))
    while groups:  # day by day: a part that does not fit a day's message moves on
        day = min(groups)
        message, rest = _compose(groups.pop(day))
        items.append(_item(person, message, settings, person_contacts, last))
        occupied.add(day)
        for nxt, due in rest:
            if not _put(groups, occupied, nxt, due, settings):
                items.append(_item(person, [(nxt, due)], settings, person_contacts, last))


def _later_parts(messages: list[tuple[_Next, datetime]], today_ok: bool, now: datetime, settings: LadderSettings,
                 busy: set[date]) -> list[tuple[_Next, datetime]]:
    """The message parts not sent now: a part due while today is not allowed moves to the
    first allowed moment after now."""
    later_now = None  # settle(now, settings, busy), when first needed
    later = []
    for n, d in messages:
        if d <= now and today_ok:
            continue
        if d <= now:
            if later_now is None:
                later_now = settle(now, settings, busy)
            d = later_now
        later.append((n, d))
    return later


def _put(groups: dict[date, list[tuple[_Next, datetime]]], occupied: set[date], nxt: _Next, due: datetime,
         settings: LadderSettings) -> bool:
    """File a message part under its local day, moved to the next free day when ``occupied``;
    False (nothing filed) when that would carry news before an order's promised day onto
    it: the caller gives it a message of its own at ``due``."""
    day = local_date(due, settings)
    if day in occupied:
        moved = settle(due, settings, occupied)
        if _past_its_promise(nxt, moved, settings):
            return False
        due, day = moved, local_date(moved, settings)
    groups.setdefault(day, []).append((nxt, due))
    return True


def _covered(nxt: _Next, late: Mapping[tuple[int, str], list[tuple[datetime, Mapping[str, object]]]],
             wrote: Mapping[tuple[int, str], datetime], now: datetime) -> bool:
    """Is ``nxt`` unnecessary because a promise of its rule's ``covered_by`` is late by
    the time it would be asked (now, or its own due moment if later), or because (for a
    rule covered by any of hers, ``covered_on`` "") that ladder wrote to her since this
    promise began (``wrote``, ``Rule.covered_by``)?"""
    rule = RULES[nxt.promise.rule]
    if not rule.covered_by:
        return False
    moment = max(now, nxt.due)
    on = rule.covered_on
    if not on:
        sent = wrote.get((nxt.promise.person_id, rule.covered_by))
        if sent is not None and sent >= (nxt.promise.since or nxt.promise.reference):
            return True
    mine = nxt.promise.details.get(on) if on else None
    if on and mine is None:
        return False
    for first, details in late.get((nxt.promise.person_id, rule.covered_by), ()):
        if first <= moment and (not on or details.get(on) == mine):
            return True
    return False


# Among one order's reminders due together, the news before the promised date leads (an
# update without it would say "still on schedule" two days before the date it will miss).
# Between two orders' messages on one day, the apology for the one already late goes
# first (audit 12, F3: it waited a day behind the other order's "on schedule").
_ORDER_NEWS = {"late": 2, "delay_warning": 1}


# The first rungs of a deliverable's two rules, one friendly question together (``_fits``);
# the check-in that knows she wrote leads it ("thanks for your message").
_FIRST_RUNGS = ("answered", "1")


def _primary_order(part: tuple[_Next, datetime]):
    # The primary part: the most advanced step, then the one that came due first.
    name = part[0].step.name
    rank = step_order(_FIRST_RUNGS[1] if name == _FIRST_RUNGS[0] else name)
    return (-rank, name != _FIRST_RUNGS[0], -_ORDER_NEWS.get(name, 0), part[1], part[0].key)


def _fits(primary: _Next, primary_kind: str, part: _Next, kind: str) -> bool:
    """May ``part`` be cited in the message of ``primary``?

    Only an influencer's deliverables share a message ({afspraken} lists them, each with
    its own deadline when they differ), and only at the same step: from step 2 on the
    words tell what happened before ("my messages about ..."), which is only true of
    promises at that step. So:

    * the shop's own news to a customer and what a person owes the shop never share a
      message (one is an apology, the other a reminder), nor do two orders (the order
      templates name one order);
    * a parcel check-in rides along in a reminder about her late work as a closing question
      of its own ({pakketvraag}: "Oh, and did the parcel ... arrive?" in a first reminder, "Apart
      from that: did the parcel ... arrive?" after it), never among what {afspraken} says she
      was asked about before ("my messages about ... whether the parcel arrived" would claim a
      question never asked). Held back a day behind each reminder, it reached her after the
      final notice (review: a check-in held behind another ladder; ``_checkin_waits_for_reminder``).
      Not in a final notice ("I'll end our collaboration … oh, and did the parcel arrive?"): the
      ladder then waits on her, and the question goes the next free day in a message of its own.
      A follow-up of her unanswered message (steps 1-3, none final) takes it the same way ("did
      my message reach you? … Oh, and did the parcel arrive?"): kept apart, it went a day behind
      each of those follow-ups;
    * an unanswered message is never cited in a reminder about a deliverable;
    * a final notice cites the agreements, their dates, consequences and costs, and ends
      the collaborations: it names every late deliverable of hers that reached it, of
      whichever collaboration (message review, finding 5: two collaborations late together
      got a notice each, on two days, each "my last reminder" with its own date). One notice,
      one date by which she can answer; its words give each agreement its own date,
      consequence and value. (Her late deliverables are at one step already:
      ``_join_conversation``.) One late too near the notice to be named enough before it
      (``JOIN_BEFORE_FINAL``) is not warned a last time: the notice's words name it among
      what ends with it or what still stands (walk-through finding 5 asked that it be named);
    * a deliverable she answered about (its check-in, "thanks for your message") and one late
      since (its first reminder) share that first, friendly message, the words that know
      she wrote leading; at later rungs each keeps its own words ("I haven't heard from you"
      is not true of the one she wrote about).

    A part that does not fit keeps its own message on the next free day."""
    step, primary_step = part.step, primary.step
    if kind == primary_kind == "deliverable":
        # a final notice names what walked the ladder to it: a deliverable at an earlier step
        # (late too near the notice to be named enough before it, ``JOIN_BEFORE_FINAL``) is
        # told as what ends with it or what still stands, not as late work warned a last time
        if step.name == primary_step.name or (primary_step.final and step.final):
            return True
        # the check-in after her answer and a first reminder: one friendly question ("thanks
        # for your message; I haven't seen … yet"), true of both (``_join_first_rungs``)
        return {step.name, primary_step.name} == set(_FIRST_RUNGS)
    # a parcel check-in: the closing question of any reminder about her late work or her unanswered
    # message but a final notice
    return primary_kind in _TAKES_A_CHECKIN and kind == "shipment" and not primary_step.final


def _same_order(a: Promise, b: Promise) -> bool:
    """Two promises about one custom order (news before its date, an update): the
    primary's message (the news) answers both."""
    return a.subject_type == b.subject_type == "custom_order" and a.subject_id == b.subject_id


def _compose(parts: list[tuple[_Next, datetime]]) -> tuple[list[tuple[_Next, datetime]], list[tuple[_Next, datetime]]]:
    """Split one person's parts due on one day into (the message's parts, primary first;
    the parts that do not belong in it). At most one parcel check-in rides along (the
    message asks about one parcel in its closing question)."""
    if len(parts) == 1:
        return parts, []
    parts = sorted(parts, key=_primary_order)
    primary = parts[0][0]
    kind = RULES[primary.promise.rule].kind
    message, rest = [parts[0]], []
    parcels = 1 if kind == "shipment" else 0
    for part in parts[1:]:
        part_kind = RULES[part[0].promise.rule].kind
        fits = (_fits(primary, kind, part[0], part_kind) and not (part_kind == "shipment" and parcels)
                or _same_order(primary.promise, part[0].promise))
        if fits and part_kind == "shipment":
            parcels += 1
        (message if fits else rest).append(part)
    return message, rest


def _item(person: PersonInfo, parts: list[tuple[_Next, datetime]], settings: LadderSettings,
          contacts: list[Contact], last_template: str) -> DueItem:
    if len(parts) > 1:
        parts = sorted(parts, key=_primary_order)
    primary, _due = parts[0]
    step = primary.step
    template = step.template
    since = primary.promise.since or primary.promise.reference
    channel, channel_note = channel_decision(step, person, contacts, since)
    if template and step.alt_template and (template == last_template or channel_note == NO_OTHER_CHANNEL
                                           or any(n.joined for n, _d in parts)
                                           or not _another_way(step, channel, primary, contacts)
                                           or (step.final and not primary.earlier_sent)):
        # the other wording: not the same text twice, none that says "this way" when there
        # is no other way to write to her or the step before did not go another way, and
        # no "my final reminder" when no earlier reminder was sent (catch-up made the last
        # step the first message: its other wording claims no earlier contact), nor "I haven't
        # heard from you about" what this message is the first to name (``_Next.joined``)
        template = step.alt_template
    due_parts = tuple([
        _built(DuePart, {
            "kind": RULES[n.promise.rule].kind, "rule": n.promise.rule, "subject_type": n.promise.subject_type,
            "subject_id": n.promise.subject_id, "step": n.step.name, "key": n.key, "template": n.step.template,
            "reference": n.promise.reference, "due": d, "details": n.promise.details,
        })
        for n, d in parts
    ])
    return _built(DueItem, {
        "person_id": person.id,
        "person_name": person.name,
        "kind": due_parts[0].kind,
        "subject_type": primary.promise.subject_type,
        "subject_id": primary.promise.subject_id,
        "step": step.name,
        "channel": channel,
        "due": min(d for _n, d in parts) if len(parts) > 1 else _due,
        "key": primary.key,
        "template": template,
        "action": step.action,
        "final": step.final,
        "parts": due_parts,
        "channel_note": channel_note,
    })


def _another_way(step: Step, channel: str, nxt: _Next, contacts: list[Contact]) -> bool:
    """May a step that asks for another channel say "I'm trying to reach you this way"?
    Only when the step before it was really sent, on a known channel other than the one
    proposed now; a first message (catch-up) or the same channel again has no "this way"."""
    if step.channel != "other":
        return True
    if nxt.previous_sent is None or not channel:
        return False
    before = _channel_sent_at(contacts, nxt.previous_sent)
    return bool(before) and before != channel


def _channel_sent_at(contacts: list[Contact], at: datetime) -> str:
    """The channel of the outgoing contact logged when a step was marked sent (the same
    moment, give or take a minute), or ""."""
    near = [c for c in contacts if c.direction == "out" and c.channel and abs(c.at - at) <= timedelta(minutes=1)]
    return min(near, key=lambda c: abs(c.at - at)).channel if near else ""


def due_now(items: Iterable[DueItem], now: datetime) -> list[DueItem]:
    """The items due at ``now`` (one per person and day for messages)."""
    return [i for i in items if i.due <= now]


def waiting(item: DueItem, now: datetime) -> bool:
    """Is ``item`` the owner's to do at ``now``: due, or come due before now and waiting
    through a day off or the quiet hours for the next moment anyone may be contacted
    (``item.due``; its parts keep the moment they came due)? A reminder that came due on
    Saturday is still to do on Sunday, "since Saturday", not one that comes on Monday."""
    if item.due <= now:
        return True
    for part in item.parts:
        if part.due <= now:
            return True
    return False


def lapses_before(item: DueItem, moment: datetime, settings: LadderSettings) -> date | None:
    """The promised day of the shop's news before it (``_BEFORE_THE_PROMISE``) in ``item``
    when that news lapses before ``moment`` (naive UTC): from that day on it says nothing in
    time (``_lapsed``), so it cannot wait for ``moment``. None when nothing in it lapses so.
    News due on Thursday 24 December for Sunday 27 waits through Christmas, but not until
    Monday 28 (Vandaag's pane told the owner it could)."""
    day = local_date(moment, settings)
    promised = [part.details.get("promised_ready") for part in item.parts if part.step in _BEFORE_THE_PROMISE]
    lapsing = [p for p in promised if isinstance(p, date) and p <= day]
    return min(lapsing) if lapsing else None


def to_do(items: Iterable[DueItem], now: datetime) -> list[DueItem]:
    """The items the owner has to do at ``now`` (:func:`waiting`): Vandaag's "To do now",
    the count on the sidebar and the tray. Popups stay with :func:`due_now` (their own
    ``due <= now``): nothing new pops up on a day off or at night."""
    return [i for i in items if waiting(i, now)]


def snooze_moves(item: DueItem, until: datetime) -> bool:
    """Does a snooze to ``until`` move ``item`` later than it stands? Only past the moment
    it comes (or came) up: its ``due``, or for one that waits through a day off or the
    quiet hours the earliest moment a part came due. "In 1 hour" on a step due on Thursday
    moved nothing, yet was recorded and told as moved (review of the first week)."""
    return until > min(item.due, *(part.due for part in item.parts))


def day_off(day: date, settings: LadderSettings) -> bool:
    """Is ``day`` (the owner's local date) a day nobody is written to (``_day_off``)?"""
    return _day_off(day, settings)


def _kept_moments(items: list[DueItem], nexts: Mapping[int, list[_Next]],
                  contacts: Mapping[int, list[Contact]], scan: _Scan) -> list[DueItem]:
    """``items`` with each part that had come due before ``now``, and waits while now is not
    allowed (a day off, the quiet hours), dated when it came due instead of the next
    allowed moment it was moved to (``item.due`` stays that moment: the scheduler and the
    popups wait for it). Without this, a reminder due on Saturday read on Sunday as one
    "from Monday 09:00", and on Monday as "since Saturday" (review walk, F5)."""
    now, settings, today = scan.now, scan.settings, scan.today
    came: dict[str, datetime] = {}
    for person_id, person_nexts in nexts.items():
        busy: set[date] | None = None
        messages: list[tuple[_Next, datetime]] = []
        for nxt in person_nexts:
            if nxt.due > now:  # the guards only move a step later
                continue
            if nxt.step.action != "message":  # a task: on its own (_Scan.on_its_own)
                moment = scan.settle(nxt.due, set())
                if moment <= now:
                    came[nxt.key] = moment
                continue
            if busy is None:
                busy = {local_date(c.at, settings) for c in contacts.get(person_id, ()) if c.direction == "out"}
            if today in busy:  # she heard from the shop today: tomorrow at the earliest, as on any day
                continue
            moment = scan.settle(nxt.due, busy)  # as _person_items settles it
            if moment <= now:
                messages.append((nxt, moment))
        # one message a day: what would not fit in it waits for the next day, as on any day
        for nxt, moment in _compose(messages)[0] if messages else ():
            came[nxt.key] = moment
    if not came:
        return items
    kept = []
    for item in items:
        if item.due > now and any(part.key in came for part in item.parts):
            item = replace(item, parts=tuple(
                replace(part, due=came[part.key]) if part.key in came and part.due > now else part
                for part in item.parts))
        kept.append(item)
    return kept


def next_moment(items: Iterable[DueItem], now: datetime) -> datetime | None:
    """The first moment after ``now`` when something comes due (for the scheduler)."""
    future = [i.due for i in items if i.due > now]
    return min(future) if future else None


def with_state(states: Iterable[StepState], item: DueItem, status: str, now: datetime,
               snoozed_until: datetime | None = None) -> list[StepState]:
    """The StepStates to store when the owner acts on ``item`` (every part moves)."""
    if status not in STATUSES:
        raise ValueError(status)
    template = item.template if status == "sent" else ""
    return [StepState(key=p.key, status=status, at=now, snoozed_until=snoozed_until, template=template,
                      person_id=item.person_id) for p in item.parts]


__all__ = [
    "KINDS", "ACTIONS", "ACTED", "STATUSES", "LadderSettings", "Step", "Rule", "RULES", "register_rule",
    "Promise", "PersonInfo", "Contact", "StepState", "DuePart", "DueItem", "step_key", "promise_key",
    "in_quiet_hours", "allowed", "settle", "local_date", "end_of_local_day", "ladder_start", "first_step_due",
    "checkin_due", "pause_date", "lapses_before",
    "after_answer", "working_day_before",
    "min_offsets", "plan", "due_now", "waiting", "to_do", "snooze_moves", "day_off", "next_moment",
    "with_state",
]
