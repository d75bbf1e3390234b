"""When the shop owes a customer news about a custom order: the order's promises for the
follow-up ladder (``domain/followup.py``), so they come due in the same tray, with the same
etiquette guards (quiet hours, weekends, one contact per person per day).

Two rules of the ladder's table belong to custom orders:

- ``order_delay`` (step ``delay_warning``): the order is not ready ``delay_warning_days``
  days before its promised ready date (or before the date the customer was last told, when
  the owner moved it later since without a message to them: ``OrderFacts.told_ready``). It
  comes due at the start of that calendar day in the owner's time zone; the ladder moves
  it to the end of the quiet hours (09:00 with the default 21:00-09:00). News sent to the
  customer on or after that moment answers it; a new promised date (the delay message)
  starts it afresh for the new date. On the promised day itself it has lapsed
  (``followup._lapsed``): news "before" the date sent that day says nothing in time.
- ``order_update`` (step ``no_update``): an order in production has had no news sent for
  ``order_update_days`` days, counted from the last message sent or from the moment it
  went into production. Only before the promised date has passed: an update says "still
  on schedule for <the promised date>", which is untrue afterwards.
- ``order_late`` (step ``late``): the promised day is over and the order is still being
  made. It comes due at the start of the next day (the end of the quiet hours) and asks
  for news with a new date, worded as an apology ("it was not ready on ..."); news sent
  after the promised day answers it. Once it is late, the reminders before the date (news
  before it, an update) are dropped: what the customer needs now is the late news.

A finished order owes one more thing: to go out.

- ``order_ship`` (step ``ship``, a task, no message): the order is ready and not shipped.
  It comes due at the start of the day ``SHIP_DAYS_BEFORE_DELIVERY`` before the promised
  delivery date, so the parcel can still arrive on time; without a promised delivery date,
  on the morning after it was marked ready (audit 12, F1: a finished parcel sat a week past
  the day the customer was given, and nothing said so). Shipping it ends the task.

- ``order_ship_lost`` / ``order_ship_returned`` (steps ``ship_lost``, ``ship_returned``, a
  task): every parcel of the order got lost or came back (``OrderFacts.parcel_gone``), so the
  order is the shop's to send again. It comes due the moment the parcel was marked so
  (``gone_at``), not from the old delivery date: the loss was not known before (review of
  Maatwerk: "since 1 Feb" for a parcel marked lost on the 3rd, and a parcel that came back on
  24 February had no task until 1 March). It stands in for the ship task: "ready and not
  shipped yet" is untrue of an order that went out once.

A shipped order owes a look at its parcel:

- ``order_arrival`` (step ``arrival``, a task): the order is shipped, its parcel on its way
  (``shipped_at``: when that parcel went out), and nobody marked it delivered. It comes due on
  the morning of the ``ARRIVAL_CHECK_WORKING_DAYS``-th working day after the day it was to be
  delivered: the promised delivery date, or, when the parcel went out too late for that (or no
  date was promised), the first day it could arrive (the next working day after it went out).
  The carrier's tracking page tells whether it arrived: marking the parcel delivered (the order
  follows), lost or returned (then the task to send it again) ends it. Without this a shipped
  order stayed "Shipped" for ever, its passed delivery date unremarked (review of Maatwerk).

Orders that are delivered or cancelled owe nothing.

Pure Python: the store hands in :class:`OrderFacts`; nothing here reads the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

from desktop.domain import dates, followup, workdays
from desktop.domain.orders import IN_THE_MAKING, SENDS_AGAIN

DELAY_RULE = "order_delay"
UPDATE_RULE = "order_update"
LATE_RULE = "order_late"
DELAY_STEP = "delay_warning"
UPDATE_STEP = "no_update"
LATE_STEP = "late"
SHIP_RULE = "order_ship"
SHIP_STEP = "ship"
# The task to send an order again, per what happened to its parcel (Shipments' statuses).
SHIP_AGAIN_RULES = {"lost": "order_ship_lost", "returned": "order_ship_returned"}
ARRIVAL_RULE = "order_arrival"
ARRIVAL_STEP = "arrival"
# The look at a shipped parcel's tracking comes this many working days after the day it was
# to arrive: one, so a parcel a day late with the carrier still shows up in its tracking before
# the customer has waited long, and on the first morning the tracking can say it was delivered.
ARRIVAL_CHECK_WORKING_DAYS = 1
# A parcel handed to the carrier this many days before the promised delivery date arrives
# in time with PostNL or bpost (next working day, a day to spare).
SHIP_DAYS_BEFORE_DELIVERY = 2
# An update due fewer days than this before the news ahead of the promised date waits for
# that news: the customer would hear "on schedule" twice in a few days.
UPDATE_CLEAR_OF_NEWS = 3


@dataclass(frozen=True)
class OrderFacts:
    """What the rules need to know about one order (moments are naive UTC)."""

    order_id: int
    person_id: int
    status: str
    promised_ready: date | None
    in_production_since: datetime | None = None  # when it entered production
    last_news_at: datetime | None = None  # last outgoing message about this order
    details: dict | None = None  # passed on to the templates (order number, product...)
    promised_delivery: date | None = None
    ready_since: datetime | None = None  # when it was marked ready
    # the ready date the customer last heard, when the owner moved it since without telling them
    told_ready: date | None = None
    # every parcel of the order got lost or came back: what happened to the last ("lost",
    # "returned"; ``domain/shipments.none_arrived``), and when it was marked so
    parcel_gone: str | None = None
    gone_at: datetime | None = None
    # a shipped order's parcel on its way: its id and when it went out
    parcel_id: int | None = None
    shipped_at: datetime | None = None


def warning_start(promised_ready: date, warn_days: int, tz: tzinfo) -> datetime:
    """The start (local midnight) of the day ``warn_days`` before the promised date, as naive
    UTC; held at the ends of the calendar (``datetime.min``/``max``) instead of failing there."""
    try:
        local = datetime.combine(promised_ready - timedelta(days=warn_days), time(0, 0), tzinfo=tz)
        return local.astimezone(timezone.utc).replace(tzinfo=None)
    except OverflowError:
        return datetime.max if promised_ready.year > 1 else datetime.min


def day_over(promised_ready: date, tz: tzinfo) -> datetime:
    """The first moment after the promised day (local midnight that starts the next day), as naive UTC."""
    if promised_ready == date.max:
        return datetime.max
    return warning_start(promised_ready + timedelta(days=1), 0, tz)


def order_promises(facts: OrderFacts, settings: followup.LadderSettings) -> list[followup.Promise]:
    """The ladder promises of one order (none for an order that is delivered or cancelled)."""
    if facts.parcel_gone is not None and facts.status in SENDS_AGAIN:
        return ship_again_promises(facts, settings)
    if facts.status == "ready":
        return ship_promises(facts, settings)
    if facts.status == "shipped":
        return arrival_promises(facts, settings)
    if facts.status not in IN_THE_MAKING:
        return []
    details = dict(facts.details or {})
    details["order_id"] = facts.order_id  # the late news covers the other reminders of this order
    promises = []
    late_from = news_from = None
    # A promised date outside the years Afspraak takes (stored before the forms refused it:
    # 31-12-9999) is a slip, not a promise: no reminder is counted from it.
    if facts.promised_ready is not None and dates.plausible(facts.promised_ready):
        # The customer must hear before the day they expect: the date they were last told,
        # when the owner moved it later since without telling them (the news then names both).
        heard = facts.told_ready if facts.told_ready is not None and facts.told_ready < facts.promised_ready \
            else facts.promised_ready
        start = warning_start(heard, settings.delay_warning_days, settings.tz)
        # news sent on the day the reminder moved back to (over days off) answers it too (review 8, F2)
        answered = facts.last_news_at is not None and facts.last_news_at >= followup.working_day_before(start, settings)
        # The ladder's delay step sits ``delay_warning_days`` before its reference, counted
        # on the owner's clock (``followup._later``): the reference is local midnight of the
        # day heard, so that step lands on local midnight of the warning day even when a
        # daylight-saving change falls in between.
        news_from = start
        reference = warning_start(heard, 0, settings.tz)
        details["promised_ready"] = facts.promised_ready
        promises.append(followup.Promise(
            rule=DELAY_RULE, person_id=facts.person_id, subject_type="custom_order", subject_id=facts.order_id,
            reference=reference, closed=answered, details=details,
        ))
        late_from = day_over(facts.promised_ready, settings.tz)
        promises.append(followup.Promise(
            rule=LATE_RULE, person_id=facts.person_id, subject_type="custom_order", subject_id=facts.order_id,
            reference=late_from, closed=facts.last_news_at is not None and facts.last_news_at >= late_from,
            details=details,
        ))
    if facts.status == "in_production" and settings.order_update_days > 0:
        since = max((m for m in (facts.in_production_since, facts.last_news_at) if m), default=None)
        # The news before the date is the same "on schedule" message: an update due in the
        # days just before it (or after it, on the promised day at worst: audit 12, F3) would
        # send it twice in a row, so the update waits for it. "Just before" is measured from
        # the day that news really goes out (a Sunday's moves back to Saturday), and is at
        # least UPDATE_CLEAR_OF_NEWS (review 26, finding 4: Thursday's update, then Saturday's
        # news word for word).
        clear = timedelta(days=max(settings.delay_warning_days, UPDATE_CLEAR_OF_NEWS))
        if since is not None and (news_from is None or since + timedelta(days=settings.order_update_days)
                                  < followup.working_day_before(news_from, settings) - clear):
            promises.append(followup.Promise(
                rule=UPDATE_RULE, person_id=facts.person_id, subject_type="custom_order",
                subject_id=facts.order_id, reference=since, details=details,
            ))
    return promises


def ship_promises(facts: OrderFacts, settings: followup.LadderSettings) -> list[followup.Promise]:
    """A finished order not shipped yet: the task to ship it (``SHIP_RULE``), from the day
    that still gets it to the customer by the promised delivery date, or else from the
    morning after it was marked ready. None without either date."""
    if facts.promised_delivery is not None and dates.plausible(facts.promised_delivery):
        reference = warning_start(facts.promised_delivery, SHIP_DAYS_BEFORE_DELIVERY, settings.tz)
    elif facts.ready_since is not None:
        reference = day_over(followup.local_date(facts.ready_since, settings), settings.tz)
    else:
        return []
    details = dict(facts.details or {})
    details.update(order_id=facts.order_id, promised_delivery=facts.promised_delivery)
    return [followup.Promise(rule=SHIP_RULE, person_id=facts.person_id, subject_type="custom_order",
                             subject_id=facts.order_id, reference=reference, details=details)]


def ship_again_promises(facts: OrderFacts, settings: followup.LadderSettings) -> list[followup.Promise]:
    """Every parcel of the order got lost or came back: the task to send it again, from the
    moment that was marked (``gone_at``; without it, as the ship task would come). Its details
    say what happened (``parcel_gone``) and keep the delivery date promised."""
    if facts.gone_at is None:
        return ship_promises(facts, settings) if facts.status == "ready" else []
    details = dict(facts.details or {})
    details.update(order_id=facts.order_id, promised_delivery=facts.promised_delivery, parcel_gone=facts.parcel_gone)
    gone = facts.parcel_gone if facts.parcel_gone in SHIP_AGAIN_RULES else "lost"
    return [followup.Promise(rule=SHIP_AGAIN_RULES[gone], person_id=facts.person_id, subject_type="custom_order",
                             subject_id=facts.order_id, reference=facts.gone_at, details=details)]


def expected_arrival(shipped_on: date, promised_delivery: date | None, country: str) -> date:
    """The day a parcel handed to the carrier on ``shipped_on`` was to reach the customer:
    the delivery date promised, or the first day it can arrive (the next working day of
    ``country``) when that is later or nothing was promised. The carrier's days: it delivers
    on a Saturday whether or not the owner keeps her weekends free (not ``skip_weekends``,
    as :func:`arrives_in_time`)."""
    earliest = workdays.working_day(shipped_on + timedelta(days=1), country)
    if promised_delivery is None or not dates.plausible(promised_delivery):
        return earliest
    return max(promised_delivery, earliest)


def arrival_check_day(expected: date, country: str, skip_weekends: bool = False) -> date:
    """The day to look at a parcel's tracking: ``ARRIVAL_CHECK_WORKING_DAYS`` of the owner's
    working days (of ``country``; no Saturday when she keeps her weekends free,
    ``skip_weekends``: ``workdays``) after the day it was to arrive."""
    day = expected
    for _n in range(ARRIVAL_CHECK_WORKING_DAYS):
        day = workdays.working_day(day + timedelta(days=1), country, skip_weekends)
    return day


def arrival_promises(facts: OrderFacts, settings: followup.LadderSettings) -> list[followup.Promise]:
    """A shipped order whose parcel is on its way: the task to look whether it arrived
    (``ARRIVAL_RULE``), on the morning of :func:`arrival_check_day`. None for an order without
    a parcel to follow (one the shop's export says was sent: Afspraak has no tracking of it)."""
    if facts.parcel_id is None or facts.shipped_at is None:
        return []
    shipped_on = followup.local_date(facts.shipped_at, settings)
    expected = expected_arrival(shipped_on, facts.promised_delivery, settings.country)
    try:
        check = arrival_check_day(expected, settings.country, settings.skip_weekends)
    except OverflowError:
        return []
    details = dict(facts.details or {})
    details.update(order_id=facts.order_id, promised_delivery=facts.promised_delivery, parcel_id=facts.parcel_id,
                   expected=expected)
    return [followup.Promise(rule=ARRIVAL_RULE, person_id=facts.person_id, subject_type="custom_order",
                             subject_id=facts.order_id, reference=warning_start(check, 0, settings.tz),
                             details=details)]


def arrives_in_time(promised_delivery: date, today: date, country: str) -> bool:
    """Can a parcel handed to the carrier ``today`` still reach the customer by the promised
    delivery date? It arrives the next working day at the earliest (no parcels on a Sunday or
    a public holiday of ``country``). From the day it cannot, the ship task says it will be late
    (review walk: on 16 October it still said "ship it now so it arrives in time" for the 14th).
    The carrier's days, not the owner's: a carrier delivers on Saturdays whether or not she
    keeps her weekends free (``skip_weekends``), so a parcel handed over on Friday for a
    delivery promised on Saturday still arrives in time."""
    return workdays.working_day(today + timedelta(days=1), country) <= promised_delivery
