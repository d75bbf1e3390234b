"""Custom orders: the shop's own promise of a ready date to a customer.

Open: status ``new`` or ``in_production``. Rules: ``domain/order_reminders.py`` (news
before the promised date, an update after days of silence during production). A blocked
customer's order is still followed: the promise is the shop's."""

from __future__ import annotations

from datetime import timedelta

from peewee import fn

from desktop.domain import order_reminders
from desktop.domain.followup import DueItem, DuePart
from desktop.domain.orders import personalisation_summary
from desktop.store.models import CustomOrder, Event
from desktop.store.promises.registry import Kind, Scan, as_date, as_moment, ids_in, register, rows

OPEN_ORDERS = ("new", "in_production")


def load(scan: Scan) -> None:
    s = scan.settings
    out, production = Event.alias("e_out"), Event.alias("e_production")
    last_news = (out.select(fn.MAX(out.at))
                 .where(out.direction == "out", out.subject_type == "custom_order", out.subject_id == CustomOrder.id))
    in_production = (production.select(fn.MAX(production.at))
                     .where(production.kind == "status", production.step == "in_production",
                            production.subject_type == "custom_order", production.subject_id == CustomOrder.id))
    query = (CustomOrder.select(CustomOrder.id, CustomOrder.promised_ready, CustomOrder.status, CustomOrder.person,
                                CustomOrder.order_number, last_news,
                                fn.COALESCE(in_production, CustomOrder.created_at))
             .where(CustomOrder.status.in_(OPEN_ORDERS)))
    if scan.person_id is not None:
        query = query.where(CustomOrder.person == scan.person_id)
    warn = timedelta(days=s.delay_warning_days)
    last = scan.now if scan.due_only else scan.horizon
    for oid, promised, status, pid, number, last_out, since in rows(query):
        facts = order_reminders.OrderFacts(
            order_id=oid, person_id=pid, status=status, promised_ready=as_date(promised),
            in_production_since=as_moment(since), last_news_at=as_moment(last_out), details={"order_number": number})
        for promise in order_reminders.order_promises(facts, s):
            # the horizon: only what comes due within it (the delay step sits ``warn`` before its reference)
            first = promise.reference - warn if promise.rule == order_reminders.DELAY_RULE else (
                promise.reference + timedelta(days=s.order_update_days))
            if first <= last:
                scan.keep(promise)


def details(part: DuePart) -> dict:
    found = dict(part.details)
    o = CustomOrder.get_or_none(CustomOrder.id == part.subject_id)
    if o is not None:
        found.update(order_number=o.order_number, promised=o.promised_ready,
                     product=o.product.name if o.product_id else "", value_cents=o.price_cents,
                     personalisation=personalisation_summary(o.personalisation, o.font, o.colour, o.size),
                     price_cents=o.price_cents)
    return found


def subject_facts(items: list[DueItem]) -> dict[int, tuple]:
    """order id -> (shop order number,)."""
    query = (CustomOrder.select(CustomOrder.id, CustomOrder.order_number)
             .where(CustomOrder.id.in_(ids_in(item.subject_id for item in items))))
    return {oid: (number,) for oid, number in rows(query)}


register(Kind("custom_order", load, details, subject_facts))
