"""Orders from the shop's own exports in the store: what an import would do, and doing it.

``plan_import(parsed)`` only reads: which orders are new, changed or the same, which
customers are known (by e-mail, else name and address) and which products of the file are
in the catalogue and marked made to order. The preview shows that plan. ``apply_plan``
then writes it in ONE transaction (chunked, with ``progress`` between chunks; an error or
a cancel leaves the database exactly as it was):

- a ``ShopOrder`` per order (key: platform + number; a second import updates, never
  duplicates; a stored order under the same number placed on another day is another
  shop's, and a file with any such order is not written: ``ImportPlan.other_shop``) with
  its ``ShopOrderLine``s, linked to the customer (a ``Person``) and
  the buyer's account on the platform, which finds that customer again in a later file;
- the made-to-order marks the owner ticked are remembered on the products (a ticked item
  the catalogue does not hold yet is added to it);
- every line of a made-to-order product becomes a ``CustomOrder`` in Maatwerk once, with
  the personalisation from the order and a promised ready date ``order_lead_days`` after
  the order date; a custom order already made moves on (to "shipped", "cancelled") as the
  shop's order does, step by step through the status pipeline, each step on the timeline;
  except a line of an order still open in the shop that is older than the lead time on
  the day of the import (``order_importers.kept_as_history``): its ready date would be one
  the shop never gave, already over. It stays the customer's history (the order and its
  items), no custom order is made of it and nobody is chased; the preview and the summary
  say how many (``history``). The same file again finds it unlinked and old: history still;
- a customer whose orders all moved to another person in this import (the file's e-mail or
  buyer account says they are one: a buyer whose address was written two ways was two
  customers before schema v12) and who has nothing else attached is removed: a duplicate;
- a file older than an earlier import (``order_importers.shows_older``: it reads an order as
  sent less far, or as not cancelled, than stored; a shop's export is one moment for all its
  orders) changes no order stored: what the shop changed since (a cancellation, a refund, a
  delivery address, an amount) stays, and so do the customers' addresses; it adds the orders
  Afspraak lacks and fills in what is empty, and its notes say what was kept.

Pure rules (matching keys, statuses, dates) live in ``domain/order_importers.py``.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Callable, Collection

from peewee import fn

from desktop import clock
from desktop.domain import message_rules
from desktop.domain import order_importers as rules
from desktop.domain import privacy as privacy_rules
from desktop.domain.order_importers import CustomerRow, OrderLine, OrderRow, ParsedOrders
from desktop.store import erasures, settings
from desktop.store.catalogue import ImportCancelled
from desktop.store.influencers import midday_utc
from desktop.store.db import db, handing_turns
from desktop.store.models import CustomOrder, Event, Person, Product, ShopOrder, ShopOrderLine
from desktop.store.row_inserts import RowInserts, insert_person

# Where an order's parcel goes (schema v16; its state or province v20), as the shop's file says.
SHIP_FIELDS = ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country", "ship_phone", "ship_region")
ORDER_FIELDS = ("person_id", "ordered_on", "ordered_at", "currency", "subtotal_cents", "shipping_cents", "tax_cents",
                "discount_cents", "total_cents", "status", "shop_status", "fulfilled_on", "notes", "item_count",
                "buyer") + SHIP_FIELDS
LINE_FIELDS = ("position", "name", "sku", "quantity", "price_cents", "personalisation")
# Filled in for a known customer when empty: her e-mail address too, which a file without its
# column left out (she was found by name and address; review of the imports: never filled in).
FILLED_FROM_THE_SHOP = ("email", "phone", "street", "postcode", "city")
ADDRESS_FIELDS = ("street", "postcode", "city")


@dataclass
class ProductChoice:
    """One product of the file, with its made-to-order mark."""

    key: str  # OrderLine.product_key
    name: str
    sku: str
    price_cents: int | None
    product_id: int | None  # the catalogue's product, when it has it
    made_to_order: bool  # as remembered (or guessed False)
    orders: int = 0  # how many orders of the file hold it


@dataclass
class ImportPlan:
    parsed: ParsedOrders
    existing: dict[str, int] = field(default_factory=dict)  # number -> shop_order id
    new_orders: list[OrderRow] = field(default_factory=list)
    updated_orders: list[OrderRow] = field(default_factory=list)
    unchanged_orders: list[OrderRow] = field(default_factory=list)
    known_customers: dict[str, int] = field(default_factory=dict)  # customer key -> person id
    new_customers: list[CustomerRow] = field(default_factory=list)
    products: list[ProductChoice] = field(default_factory=list)
    linked_lines: set[tuple[str, int]] = field(default_factory=set)  # (number, position) with a custom order
    # Orders stored before the buyer's account was kept (schema v12), otherwise unchanged:
    # number -> the account, written without counting the order as changed.
    buyers_to_fill: dict[str, str] = field(default_factory=dict)
    # Orders stored before where their parcel goes was kept (schema v16), otherwise
    # unchanged: number -> the delivery (``SHIP_FIELDS``), written without counting the
    # order as changed.
    ship_to_fill: dict[str, dict] = field(default_factory=dict)
    # Orders stored before: number -> what stays as stored because this file does not name
    # it (Etsy's two downloads each lack what the other has), including the customer when
    # the file knows her by name and address only.
    kept: dict[str, dict] = field(default_factory=dict)
    # Orders stored before: number -> the person they were stored with (None: nobody). An
    # order that moves to another person (the file's e-mail or buyer account says who she
    # is) may leave that one with nothing: a duplicate, removed (``_remove_left_empty``).
    stored_people: dict[str, int | None] = field(default_factory=dict)
    # Orders of the file placed on a day still to come (``order_importers.dated_ahead``): a
    # wrong date in the file. Nothing of it is imported while there is one.
    dated_ahead: list[OrderRow] = field(default_factory=list)
    # The owner's day of the import and the shop's lead time (``order_lead_days``): an order
    # still open in the shop placed before ``history_before`` is kept as history only
    # (``order_importers.kept_as_history``). Read once with the plan: what the preview says
    # is what the import does.
    today: date | None = None
    lead_days: int = 0
    # Orders of the file stored before under the same number but placed on another day:
    # another shop's orders (``order_importers.another_shops_order``). A plan with any is
    # not written: (the file's order, the stored one's day, the first one's customer or "").
    other_shop: list[tuple[OrderRow, date, str]] = field(default_factory=list)
    # Orders the file reads as sent less far than stored (an older export): their stored
    # status stays (``order_importers.status_to_store``), and the owner is told.
    sent_before: list[str] = field(default_factory=list)
    # Orders stored as cancelled that the file reads as not cancelled: a shop does not undo a
    # cancellation (``order_importers.cancellation_undone``), the file is older; they stay so.
    cancelled_before: list[str] = field(default_factory=list)
    # The file was exported before one imported earlier (``order_importers.shows_older``: an
    # order of it reads as sent less far, or not cancelled, than stored): the orders already
    # stored keep what they have (``_as_stored``), their customers their addresses. The numbers
    # of those it would have changed; of those, the ones whose stored items stay too.
    older: bool = False
    older_kept: list[str] = field(default_factory=list)
    lines_kept: set[str] = field(default_factory=set)
    # Erased on request (store/erasures.py): the orders of the file left out, placed by
    # somebody erased on or after the day she placed them (not in ``parsed`` any more); how
    # many such customers ordered again after their erasure (those orders are imported); and
    # the numbers of orders whose delivery is to somebody erased, not written (kept as stored).
    erased_orders: list[OrderRow] = field(default_factory=list)
    erased_returned: int = 0
    erased_deliveries: set[str] = field(default_factory=set)
    # The file as it was read (before anything above was left out of ``parsed``), and what
    # the database held when the plan was read (``_read_token``; None: it cannot be told).
    # ``apply_plan`` makes the plan again from ``source`` when anything was written since:
    # two imports of one file at once each planned every customer as new (review of data
    # safety, 3: 215 customers twice, or a UNIQUE error as a traceback).
    source: ParsedOrders | None = None
    read_at: object = None

    def made_to_order(self) -> set[str]:
        return {p.key for p in self.products if p.made_to_order}

    @property
    def history_before(self) -> date | None:
        return None if self.today is None else rules.history_before(self.today, self.lead_days)

    def kept_as_history(self, order: OrderRow, line: OrderLine) -> bool:
        return self.today is not None and rules.kept_as_history(order, line, self.lead_days, self.today)

    def _unlinked(self, marks: set[str]) -> list[tuple[OrderRow, int, OrderLine]]:
        out = []
        for order in self.parsed.orders:
            if not order.customer_key:
                continue
            for position, line in enumerate(order.lines):
                if line.product_key in marks and (order.number, position) not in self.linked_lines:
                    out.append((order, position, line))
        return out

    def custom_orders(self, made_to_order: set[str] | None = None,
                      still_making: Collection[str] = ()) -> list[tuple[OrderRow, int, OrderLine]]:
        """The lines that would become NEW custom orders with these marks; ``still_making``:
        the numbers of older open orders the owner adds anyway (``apply_plan``)."""
        marks = self.made_to_order() if made_to_order is None else made_to_order
        return [(order, position, line) for order, position, line in self._unlinked(marks)
                if order.number in still_making or not self.kept_as_history(order, line)]

    def custom_order_statuses(self, made_to_order: set[str] | None = None,
                              still_making: Collection[str] = ()) -> Counter:
        """How many of ``custom_orders`` come in with each status (``apply_plan`` gives them
        ``order_importers.custom_order_status`` of the order as it stays): 'new' ones are still
        to make, 'shipped' and 'cancelled' ones the shop already sent or called off (review of
        the imports: 17 lines of orders sent in 2021 were promised "ready 10 days after ordering")."""
        return Counter(rules.custom_order_status(_with_status_kept(order, self.kept.get(order.number, {})), line)
                       for order, _position, line in self.custom_orders(made_to_order, still_making))

    def history_orders(self, made_to_order: set[str] | None = None) -> list[OrderRow]:
        """The orders still open in the shop, older than the lead time, whose made-to-order
        lines are kept as history with these marks (no custom order made) unless the owner
        says she is still making them (``apply_plan``'s ``still_making``)."""
        marks = self.made_to_order() if made_to_order is None else made_to_order
        out: dict[str, OrderRow] = {}
        for order, _position, line in self._unlinked(marks):
            if self.kept_as_history(order, line):
                out.setdefault(order.number, order)
        return list(out.values())


@dataclass
class OrderImportSummary:
    platform: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    new_customers: int = 0
    known_customers: int = 0
    custom_orders: int = 0
    # of ``custom_orders``: those made as shipped (the shop sent them) and as cancelled
    custom_sent: int = 0
    custom_cancelled: int = 0
    moved: int = 0  # custom orders that moved on (shipped, cancelled)
    without_customer: int = 0  # made-to-order lines in orders that name nobody: no custom order made
    merged: int = 0  # duplicate customers removed: their orders moved to the same person, nothing else on them
    history: int = 0  # orders still open in the shop placed before ``history_before``: kept, no custom order
    history_before: date | None = None
    history_lead_days: int = 0
    sent_before: int = 0  # orders the file reads as not sent (yet) that were stored as sent: kept as sent
    outside_flanders: int = 0  # new customers in Brussels or Wallonia, written to in Dutch (their language to check)
    erased_orders: int = 0  # orders of people erased on request, placed before their erasure: left out
    erased_returned: int = 0  # people erased on request who ordered again after it: those orders imported
    erased_deliveries: int = 0  # orders whose delivery is to somebody erased on request: not written
    # The file is older than an earlier import (``ImportPlan.cancelled_before``, ``.older_kept``):
    # how many orders stay cancelled, how many stay as stored (import_texts.older_file_notes).
    cancelled_before: int = 0
    older_kept: int = 0
    notes: list[str] = field(default_factory=list)  # the file's own notes (worded when parsed)


class OrdersOfAnotherShop(Exception):
    """A plan holds orders of another shop (``ImportPlan.other_shop``): not written. ``plan``:
    the plan that holds them (made again by ``apply_plan`` when the data changed meanwhile)."""

    def __init__(self, count: int, plan: ImportPlan | None = None):
        super().__init__(count)
        self.plan = plan


class OrdersDatedAhead(Exception):
    """A plan holds orders placed on a day still to come (``ImportPlan.dated_ahead``): not
    written. ``plan``: the plan that holds them."""

    def __init__(self, count: int, plan: ImportPlan | None = None):
        super().__init__(count)
        self.plan = plan


def _read_token():
    """What identifies the database's content right now, as this connection sees it: the
    connection, the rows it changed (``total_changes``) and ``PRAGMA data_version`` (which
    moves when another connection or process commits). Unlike ``db.data_token`` it is read
    inside a transaction too: ``apply_plan`` reads it right after taking the write lock,
    when nobody else can write any more."""
    conn = db.connection()
    return conn, conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


# --- reading: the plan -----------------------------------------------------------------------

def _person_keys() -> tuple[dict[str, int], dict[str, list[int]]]:
    """People by e-mail (the first), and by name and address (all of them, oldest first)."""
    by_email: dict[str, int] = {}
    by_name: dict[str, list[int]] = {}
    for pid, name, email, street, postcode in Person.select(
            Person.id, Person.name, Person.email, Person.street, Person.postcode).order_by(Person.id).tuples():
        if email.strip():
            by_email.setdefault(email.strip().casefold(), pid)
        key = rules.customer_key("", name, street, postcode)
        if key:
            by_name.setdefault(key, []).append(pid)
    return by_email, by_name


def _accounts(platform: str) -> dict[int, set[str]]:
    """person id -> the buyer accounts (on ``platform``) of the orders stored with her."""
    found: dict[int, set[str]] = {}
    for pid, buyer in (ShopOrder.select(ShopOrder.person, ShopOrder.buyer)
                       .where(ShopOrder.platform == platform, ShopOrder.buyer != "", ShopOrder.person.is_null(False))
                       .distinct().tuples()):
        found.setdefault(pid, set()).add(buyer)
    return found


def _buyers(platform: str, customers: dict[str, CustomerRow]) -> dict[str, int]:
    """The people earlier orders of these buyer accounts (on ``platform``) were imported for."""
    wanted = sorted({c.buyer for c in customers.values() if c.buyer})
    found: dict[str, int] = {}
    for chunk in range(0, len(wanted), 500):
        for buyer, pid in (ShopOrder.select(ShopOrder.buyer, ShopOrder.person)
                           .where(ShopOrder.platform == platform, ShopOrder.buyer.in_(wanted[chunk:chunk + 500]),
                                  ShopOrder.person.is_null(False))
                           .order_by(ShopOrder.id).tuples()):
            found.setdefault(buyer, pid)
    return found


def _match_person(customer: CustomerRow, by_email: dict[str, int], by_name: dict[str, list[int]],
                  by_buyer: dict[str, int], accounts: dict[int, set[str]]) -> int | None:
    """A known customer: by e-mail, else by the buyer account of an earlier order, else by
    name and address. The account decides when both sides have one: a person whose orders
    came from another account is another buyer, whatever her name and address (as two
    accounts in one file are two customers, ``order_importers._join_guests``)."""
    if customer.email:
        found = by_email.get(customer.email.strip().casefold())
        if found is not None:
            return found
    if customer.buyer and customer.buyer in by_buyer:
        return by_buyer[customer.buyer]
    for pid in by_name.get(rules.customer_key("", customer.name, customer.street, customer.postcode), ()):
        if not customer.buyer or not accounts.get(pid):
            return pid
    return None


def _catalogue_index() -> tuple[dict[str, int], dict[str, int], dict[int, bool]]:
    by_sku: dict[str, int] = {}
    by_name: dict[str, int] = {}
    marks: dict[int, bool] = {}
    for pid, key, sku, name, variant, mark in Product.select(
            Product.id, Product.key, Product.sku, Product.name, Product.variant, Product.made_to_order
    ).order_by(Product.id).tuples():
        marks[pid] = bool(mark)
        for code in (sku, key):
            if code:
                by_sku.setdefault(code.strip().casefold(), pid)
        folded = rules._fold(name)
        if variant:
            for joined in (f"{name} - {variant}", f"{name} ({variant})", f"{name}: {variant}"):
                by_name.setdefault(rules._fold(joined), pid)
        else:
            by_name.setdefault(folded, pid)
        by_name.setdefault(folded, pid)
    return by_sku, by_name, marks


def _find_product(line: OrderLine, by_sku: dict[str, int], by_name: dict[str, int]) -> int | None:
    if line.sku:
        found = by_sku.get(line.sku.strip().casefold())
        if found is not None:
            return found
    return by_name.get(rules._fold(line.name))


def _line_values(order: OrderRow, position: int, line: OrderLine, parsed: ParsedOrders | None = None,
                 old: dict | None = None) -> dict:
    """What is stored of an item. ``old``: the item stored at this position before (its
    ``LINE_FIELDS``); when it is the same item (its name), a field the file has no column
    for keeps the stored value."""
    values = {"position": position, "name": line.name, "sku": line.sku, "quantity": line.quantity,
              "price_cents": line.price_cents, "personalisation": rules.properties_text(line.properties)}
    if parsed is not None and old is not None and rules._fold(old["name"]) == rules._fold(line.name):
        for name in rules.LINE_COLUMNS:
            if not parsed.names_line_field(name):
                values[name] = old[name]
    return values


def _order_values(order: OrderRow, person_id: int | None) -> dict:
    return {
        "person_id": person_id, "ordered_on": order.ordered_on,
        "ordered_at": rules.to_utc(order.ordered_at, clock.local_to_utc),
        "currency": order.currency, "subtotal_cents": order.subtotal_cents, "shipping_cents": order.shipping_cents,
        "tax_cents": order.tax_cents, "discount_cents": order.discount_cents, "total_cents": order.total_cents,
        "status": order.status, "shop_status": order.shop_status, "fulfilled_on": order.fulfilled_on,
        "notes": order.notes, "item_count": order.item_count, "buyer": order.buyer,
        **{name: getattr(order, name) for name in SHIP_FIELDS},
    }


_ADDRESS_COLUMNS = tuple(f"{kind}_{part}" for kind in ("billing", "shipping")
                         for part in ("name", "first", "street", "address1", "city", "postcode")) + (
    "full_name", "first_name", "street", "city", "postcode")
# An order's stored field -> the file's fields that name it (``LAYOUTS`` keys): a file with
# none of them leaves the field as stored.
_NAMED_BY = {
    "currency": ("currency",), "subtotal_cents": ("subtotal",), "shipping_cents": ("shipping",),
    "tax_cents": ("tax",), "discount_cents": ("discount",), "total_cents": ("total",), "notes": ("notes",),
    "buyer": ("buyer",), "fulfilled_on": ("fulfilled_at", "shipped", "completed_at"),
    "shop_status": ("financial", "status"),
    # a file without any name or address column leaves where the parcel goes as stored
    **{name: _ADDRESS_COLUMNS for name in SHIP_FIELDS if name not in ("ship_phone", "ship_region")},
    "ship_phone": ("phone", "billing_phone", "shipping_phone"),
    "ship_region": ("region", "billing_region", "shipping_region"),
}


def _kept(parsed: ParsedOrders, order: OrderRow, current: ShopOrder) -> dict:
    """What of the stored order ``current`` stays as it is: the fields this file has no
    column for, its lines when the file names no items, and its customer when the file
    knows her by name and address only (not by e-mail or buyer account)."""
    kept = {key: getattr(current, key) for key, named in _NAMED_BY.items()
            if not any(f in parsed.fields for f in named)}
    status = rules.status_to_store(parsed.platform, parsed.fields, current.status, order.status, current.shop_status)
    if status != order.status:
        kept["status"] = status
        if rules.sent_less(current.status, order.status):  # an older file: the day it went out stays too
            kept["fulfilled_on"] = current.fulfilled_on
    if not parsed.names_items():
        kept["item_count"] = current.item_count if order.item_count in (None, 0) else order.item_count
    elif not parsed.names_line_field("quantity"):
        kept["item_count"] = current.item_count
    if current.person_id is not None and (not order.customer_key or order.customer_key.startswith("name:")):
        kept["person_id"] = current.person_id
    # The same destination written another way (Etsy's two downloads) is no change: kept as stored.
    ship = ("ship_name", "ship_street", "ship_postcode", "ship_city")
    if current.ship_street and rules.same_delivery(tuple(getattr(current, f) for f in ship),
                                                   tuple(getattr(order, f) for f in ship)):
        kept.update({f: getattr(current, f) for f in SHIP_FIELDS if not getattr(order, f) or f in ship})
    # A file re-saved by a spreadsheet keeps an order's minute, not its second ("8-4-2021
    # 17:24"), nor its zone: the same moment, kept as stored (audit of 2026-12-05: 39 orders
    # "updated", each losing its seconds; review of the importers: still so for an owner in
    # another zone than the shop's file).
    at = rules.to_utc(order.ordered_at, clock.local_to_utc)
    if at is not None and current.ordered_at is not None and at.second == 0 and at.microsecond == 0 \
            and current.ordered_at.replace(second=0, microsecond=0) == at:
        kept["ordered_at"] = current.ordered_at
    elif rules.same_local_minute(order.ordered_at, current.ordered_at, current.ordered_on):
        kept["ordered_at"] = current.ordered_at
    return kept


def _as_stored(current: ShopOrder) -> dict:
    """What of the stored order ``current`` a file older than an earlier import leaves as it
    is (``ImportPlan.older``): every field that holds something (an empty one the file fills
    in), where its parcel goes as a whole."""
    kept = {name: getattr(current, name) for name in ORDER_FIELDS if getattr(current, name) not in ("", None)}
    if any(getattr(current, name) for name in SHIP_FIELDS):
        kept.update({name: getattr(current, name) for name in SHIP_FIELDS})
    return kept


def _plan_customers(plan: ImportPlan, parsed: ParsedOrders) -> None:
    """Each customer of the file: known (and who), or new."""
    by_email, by_name = _person_keys()
    by_buyer = _buyers(parsed.platform, parsed.customers)
    accounts = _accounts(parsed.platform) if any(c.buyer for c in parsed.customers.values()) else {}
    for key, customer in parsed.customers.items():
        found = _match_person(customer, by_email, by_name, by_buyer, accounts)
        if found is not None and customer.buyer:  # hers now: another account of the file is somebody else
            accounts.setdefault(found, set()).add(customer.buyer)
        if found is None:
            plan.new_customers.append(customer)
        else:
            plan.known_customers[key] = found


def _only_filled_in(plan: ImportPlan, number: str, current: ShopOrder, values: dict) -> None:
    """What a stored order did not keep yet (the buyer's account before schema v12, where
    its parcel goes before v16, its state or province before v20) is filled in, not a change
    the owner would see: taken out of ``values`` (the order counts as unchanged) into the
    plan, written as it is imported."""
    if not current.buyer and values["buyer"]:
        plan.buyers_to_fill[number] = values["buyer"]
        values["buyer"] = current.buyer
    if not any(getattr(current, name) for name in SHIP_FIELDS) and any(values[name] for name in SHIP_FIELDS):
        plan.ship_to_fill[number] = {name: values[name] for name in SHIP_FIELDS}
        values.update({name: getattr(current, name) for name in SHIP_FIELDS})
    elif not current.ship_region and values["ship_region"]:  # stored before its state was kept (v20)
        plan.ship_to_fill[number] = {"ship_region": values["ship_region"]}
        values["ship_region"] = current.ship_region


def _fill_in(plan: ImportPlan, number: str, shop_id: int) -> None:
    """Write what ``_only_filled_in`` took out of a stored order that is otherwise unchanged."""
    filled = dict(plan.ship_to_fill.get(number, {}))
    if number in plan.buyers_to_fill:
        filled["buyer"] = plan.buyers_to_fill[number]
    if filled:
        ShopOrder.update(**filled).where(ShopOrder.id == shop_id).execute()


def _leave_out_erased(plan: ImportPlan, parsed: ParsedOrders) -> ParsedOrders:
    """``parsed`` without what was erased on request (store/erasures.py) and is not to come
    back: the orders of a customer erased on the day she placed them or later are left out
    whole (``plan.erased_orders``). Her erasure kept their amounts in the anonymous records,
    so the shop's books have them once; imported again, even without her name, they would
    count twice, and bring back her items' personalisation and her notes. Her orders after her
    erasure are new business: imported (``plan.erased_returned``). A delivery to somebody
    erased (a gift's recipient, or the person) in an order placed by then is not written:
    blanked here, kept as stored when the order is (``plan.erased_deliveries``)."""
    listing = erasures.open_list()
    if listing is None or not listing.entries:
        return parsed
    people, anyone = listing.days(erasures.PERSON), listing.days()

    def erased_on(prints, days) -> date | None:
        found = [days[p] for p in prints if p in days]
        return max(found) if found else None

    erased = {}
    for key, customer in parsed.customers.items():
        day = erased_on(listing.prints(privacy_rules.customer_erasure_keys(parsed.platform, customer)), people)
        if day is not None:
            erased[key] = day
    kept: list[OrderRow] = []
    returned = set()
    for order in parsed.orders:
        day = erased.get(order.customer_key) if order.customer_key else None
        if day is not None and order.ordered_on <= day:
            plan.erased_orders.append(order)
            continue
        if day is not None:
            returned.add(order.customer_key)
        delivery = privacy_rules.name_address_key(order.ship_name, order.ship_street, order.ship_postcode)
        day = erased_on(listing.prints([delivery]), anyone) if delivery else None
        if day is not None and order.ordered_on <= day:
            plan.erased_deliveries.add(order.number)
            order = dataclasses.replace(order, **{name: "" for name in SHIP_FIELDS})
        kept.append(order)
    plan.erased_returned = len(returned)
    if not plan.erased_orders and not plan.erased_deliveries:
        return parsed
    used = {order.customer_key for order in kept}
    customers = {key: c for key, c in parsed.customers.items() if key not in erased or key in used}
    return dataclasses.replace(parsed, orders=kept, customers=customers)


def _plan_stored(plan: ImportPlan, parsed: ParsedOrders, order: OrderRow, current: ShopOrder,
                 stored_lines: list[dict]) -> None:
    """What the file does to ``current``, the order of it stored before (``stored_lines``: its
    items): updated or unchanged, with what of it stays as stored (``ImportPlan.kept``)."""
    plan.existing[order.number] = current.id
    plan.stored_people[order.number] = current.person_id
    person_id = plan.known_customers.get(order.customer_key) if order.customer_key else None
    values = _order_values(order, person_id if person_id is not None else current.person_id)
    if order.customer_key and person_id is None:
        values["person_id"] = "new"  # a customer not in the database yet: changes
    kept = plan.kept[order.number] = _kept(parsed, order, current)
    if order.number in plan.erased_deliveries:  # as the erasure left it, not the file's
        kept.update({name: getattr(current, name) for name in SHIP_FIELDS})
    behind = False  # the file reads it as sent less far, or not cancelled: its stored status stays (``_kept``)
    if rules.sent_less(current.status, order.status):
        plan.sent_before.append(order.number)
        behind = True
    if rules.cancellation_undone(parsed.platform, parsed.fields, current.status, current.shop_status, order.status):
        plan.cancelled_before.append(order.number)
        behind = True
    values.update(kept)
    _only_filled_in(plan, order.number, current, values)
    old_lines = [{k: r[k] for k in LINE_FIELDS} for r in stored_lines]
    old_at = {line["position"]: line for line in old_lines}
    new_lines = ([_line_values(order, i, li, parsed, old_at.get(i)) for i, li in enumerate(order.lines)]
                 if parsed.names_items() else old_lines)  # a file without items leaves the stored ones
    same = all(getattr(current, name) == value for name, value in values.items()) and old_lines == new_lines
    if plan.older and (behind or not same):  # what the shop changed since this file stays (review of the imports)
        before = dict(values)
        kept.update(_as_stored(current))
        values.update(kept)
        if behind or values != before or (old_lines and new_lines != old_lines):
            plan.older_kept.append(order.number)
        if old_lines:
            new_lines = old_lines
            plan.lines_kept.add(order.number)
        same = all(getattr(current, name) == value for name, value in values.items()) and old_lines == new_lines
    (plan.unchanged_orders if same else plan.updated_orders).append(order)


def plan_import(parsed: ParsedOrders, now: datetime | None = None) -> ImportPlan:
    """What importing ``parsed`` on ``now`` (naive UTC; default: the clock) would do; reads only."""
    read_at = _read_token() if not db.connection().in_transaction else None  # first: a write meanwhile is seen
    plan = ImportPlan(parsed=parsed, today=clock.owner().today(now or clock.utcnow()),
                      lead_days=int(settings.get("order_lead_days")), source=parsed, read_at=read_at)
    parsed = plan.parsed = _leave_out_erased(plan, parsed)
    plan.dated_ahead = [o for o in parsed.orders if rules.dated_ahead(o.ordered_on, plan.today)]
    _plan_customers(plan, parsed)

    numbers = [o.number for o in parsed.orders]
    stored: dict[str, ShopOrder] = {}
    for chunk in range(0, len(numbers), 500):
        for row in ShopOrder.select().where(ShopOrder.platform == parsed.platform,
                                            ShopOrder.number.in_(numbers[chunk:chunk + 500])):
            stored[row.number] = row
    lines: dict[int, list[dict]] = {}
    number_of = {o.id: n for n, o in stored.items()}
    ids = list(number_of)
    for chunk in range(0, len(ids), 500):
        for row in (ShopOrderLine.select().where(ShopOrderLine.shop_order.in_(ids[chunk:chunk + 500]))
                    .order_by(ShopOrderLine.position).dicts()):
            lines.setdefault(row["shop_order"], []).append(row)
            if row["custom_order"] is not None:
                plan.linked_lines.add((number_of[row["shop_order"]], row["position"]))
    again: list[tuple[OrderRow, ShopOrder]] = []  # the file's orders stored before
    for order in parsed.orders:
        current = stored.get(order.number)
        if current is None:
            plan.new_orders.append(order)
            continue
        # a date still to come is a wrong date, said as such (not as another shop's order)
        if (rules.another_shops_order(order.ordered_on, current.ordered_on)
                and not rules.dated_ahead(order.ordered_on, plan.today)):
            named = current.person_id is not None and not plan.other_shop  # the first is named (one query)
            plan.other_shop.append((order, current.ordered_on, current.person.name if named else ""))
            continue
        again.append((order, current))
    plan.older = any(rules.shows_older(parsed.platform, parsed.fields, current.status, current.shop_status,
                                       order.status) for order, current in again)
    for order, current in again:
        _plan_stored(plan, parsed, order, current, lines.get(current.id, []))
    # A customer the file names only on orders that stay with their stored customer is
    # nobody new (the same buyer, her address written another way).
    used = {o.customer_key for o in parsed.orders if "person_id" not in plan.kept.get(o.number, {})}
    plan.new_customers = [c for c in plan.new_customers if c.key in used]

    by_sku, by_product_name, marks = _catalogue_index()
    counts: dict[str, int] = {}
    for order in parsed.orders:
        for key in {li.product_key for li in order.lines}:
            counts[key] = counts.get(key, 0) + 1
    for key, line in parsed.products().items():
        pid = _find_product(line, by_sku, by_product_name)
        plan.products.append(ProductChoice(key=key, name=line.name, sku=line.sku, price_cents=line.price_cents,
                                           product_id=pid, made_to_order=bool(pid and marks.get(pid)),
                                           orders=counts.get(key, 0)))
    plan.products.sort(key=lambda p: (not p.made_to_order, -p.orders, p.name.casefold()))
    return plan


# --- writing -----------------------------------------------------------------------------------

# The new customers, orders and their lines, each table's rows through one prepared statement
# (store/row_inserts.py: Peewee built each INSERT afresh, most of a large import's time).
_PERSON_ROWS = RowInserts(Person)
_ORDER_ROWS = RowInserts(ShopOrder)
_LINE_ROWS = RowInserts(ShopOrderLine)

def _event(now: datetime, person_id: int, order: CustomOrder, kind: str, fact: str, params: dict,
           step: str = "") -> None:
    """An imported order's event: a fact, worded when shown (presentation/event_texts.py)."""
    Event.create(at=now, kind=kind, fact=fact, params=params, person=person_id, subject_type="custom_order",
                 subject_id=order.id, step=step)


def _save_marks(plan: ImportPlan, marks: set[str], now: datetime) -> dict[str, int]:
    """Remember the made-to-order marks; returns product key -> product id for every line."""
    ids: dict[str, int] = {}
    for choice in plan.products:
        wanted = choice.key in marks
        if choice.product_id is not None:
            ids[choice.key] = choice.product_id
            if wanted != choice.made_to_order:
                Product.update(made_to_order=wanted, updated_at=now).where(Product.id == choice.product_id).execute()
        elif wanted:  # not in the catalogue yet: it is now, so the mark is remembered
            key = choice.sku or f"{plan.parsed.platform}|{rules._fold(choice.name)}"
            existing = Product.get_or_none(Product.key == key)
            if existing is None:
                existing = Product.create(key=key, sku=choice.sku, name=choice.name, price_cents=choice.price_cents,
                                          source=plan.parsed.platform, made_to_order=True, created_at=now,
                                          updated_at=now)
            else:
                Product.update(made_to_order=True, updated_at=now).where(Product.id == existing.id).execute()
            ids[choice.key] = existing.id
    return ids


def _their_orders(plan: ImportPlan) -> dict[int, list[tuple]]:
    """Per known customer, the orders stored with her: (platform, number, day, delivery
    street, delivery postcode)."""
    ids = sorted(set(plan.known_customers.values()))
    found: dict[int, list[tuple]] = {}
    for chunk in range(0, len(ids), 500):
        for pid, *order in (ShopOrder.select(ShopOrder.person, ShopOrder.platform, ShopOrder.number,
                                             ShopOrder.ordered_on, ShopOrder.ship_street, ShopOrder.ship_postcode)
                            .where(ShopOrder.person.in_(ids[chunk:chunk + 500])).tuples()):
            found.setdefault(pid, []).append(tuple(order))
    return found


def _address_from_the_shop(customer: CustomerRow, person: Person, stored: list[tuple],
                           in_file: set[tuple[str, str]], older: bool = False) -> dict:
    """What of a known customer's address the file changes: all of it when her card has
    none; when her card's address is one the shop gave for her (in this file, billing or
    delivery, or where a stored order of hers went: written by an import, not typed by the
    owner) and the file's newest order to herself (``CustomerRow.address_on``) is newer than
    every order of hers stored outside this file, the address of that order, with its
    country; the parts her card lacks when it is that address already. An address the owner
    typed or changed in Afspraak stays as it is, and so does any address when the file is
    ``older`` than an earlier import (``ImportPlan.older``: its addresses may be ones she moved
    from since)."""
    new = {name: getattr(customer, name) for name in ADDRESS_FIELDS}
    mine = {name: getattr(person, name) for name in ADDRESS_FIELDS}
    if not any(new.values()):
        return {}
    if not any(v.strip() for v in mine.values()):
        return {name: value for name, value in new.items() if value}
    key = rules.address_key(mine["street"], mine["postcode"])
    if key == rules.address_key(new["street"], new["postcode"]):
        return {name: value for name, value in new.items() if value and not mine[name].strip()}
    if older:
        return {}
    shop = set(customer.addresses) | {rules.address_key(street, postcode) for *_o, street, postcode in stored}
    if key not in shop or customer.address_on is None:
        return {}
    if any(day is not None and day >= customer.address_on
           for platform, number, day, *_a in stored if (platform, number) not in in_file):
        return {}  # an order of hers stored is as new as this file's, or newer: an older export
    moved = dict(new)
    if customer.country_name and customer.country != person.country:
        moved["country"] = customer.country
    return moved


def _save_customers(plan: ImportPlan, now: datetime) -> dict[str, int]:
    """The file's customers: new ones made, known ones given what the file says of them
    that their card lacks (a phone number), and the address of their newest order to
    themselves where the card's address came from the shop (``_address_from_the_shop``)."""
    people = dict(plan.known_customers)
    stored = _their_orders(plan) if plan.known_customers else {}
    in_file = {(plan.parsed.platform, o.number) for o in plan.parsed.orders}
    for key, pid in plan.known_customers.items():
        customer = plan.parsed.customers[key]
        person = Person.get_by_id(pid)
        changed = _address_from_the_shop(customer, person, stored.get(pid, []), in_file, plan.older)
        for name in FILLED_FROM_THE_SHOP:
            value = getattr(customer, name)
            if name not in ADDRESS_FIELDS and value and not getattr(person, name):
                changed[name] = value
        if not person.is_customer:
            changed["is_customer"] = True
        if changed:
            Person.update(**changed, updated_at=now).where(Person.id == pid).execute()
    for customer in plan.new_customers:  # as Person.create writes them, through one prepared statement
        people[customer.key] = insert_person(_PERSON_ROWS, dict(
            name=customer.name, email=customer.email, phone=customer.phone, street=customer.street,
            postcode=customer.postcode, city=customer.city, country=customer.country, language=customer.language,
            address_form=customer.address_form, is_customer=True, created_at=now, updated_at=now))
    return people


def _custom_order_number(order: OrderRow, position: int, made: list[int], person_id: int) -> str:
    number = order.number if len(made) < 2 else f"{order.number}-{made.index(position) + 1}"
    taken = CustomOrder.get_or_none(CustomOrder.order_number == number)
    if taken is not None and taken.person_id != person_id:
        number = f"{number} ({rules.PLATFORM_NAMES[order.platform]})"
    return number


def _typed_by_hand(number: str, person_id: int) -> CustomOrder | None:
    """An order the owner typed in by hand before importing (her customer, this number, no
    shop order's line yet): the import takes it over, her date stands."""
    return (CustomOrder.select().where(CustomOrder.person == person_id, CustomOrder.order_number == number)
            .where(~CustomOrder.id.in_(ShopOrderLine.select(ShopOrderLine.custom_order)
                                       .where(ShopOrderLine.custom_order.is_null(False)))).first())


def _new_custom_order(order: OrderRow, position: int, line: OrderLine, number: str, person_id: int,
                      product_id: int | None, lead_days: int, now: datetime, promised: date | None = None) -> CustomOrder:
    """A custom order for ``line``, promised ready ``promised`` (the date the owner gave the
    customer) or else the order date plus the shop's lead time."""
    status = rules.custom_order_status(order, line)
    sent_on = order.fulfilled_on if status == "shipped" else None
    custom = CustomOrder.create(
        person=person_id, order_number=number, product=product_id, quantity=max(1, line.quantity),
        personalisation=rules.personalisation(order, line), note=rules.custom_order_note(order, line),
        price_cents=(line.price_cents * line.quantity) if line.price_cents is not None and order.currency in ("", "EUR")
        else None,
        ordered_on=order.ordered_on,
        promised_ready=promised or rules.promised_ready(order.ordered_on, lead_days, clock.owner().country, sent_on,
                                                          clock.owner().skip_weekends),
        status=status, created_at=now)
    _event(now, person_id, custom, "order", "order_imported", {
        "number": number, "platform": order.platform,
        "date": custom.promised_ready.isoformat() if custom.promised_ready else None})
    return custom


def _move_on(custom: CustomOrder, order: OrderRow, line: OrderLine, now: datetime) -> bool:
    moves = rules.status_moves(custom.status, order, line)
    if not moves:
        return False
    old = custom.status
    at = now
    if "shipped" in moves and order.fulfilled_on is not None and order.fulfilled_on < clock.to_local(now).date():
        # sent by the shop days before this import: the timeline says the day it went out
        # (audit 12, F2), as "Verstuurd op" does for an order shipped from Maatwerk
        at = midday_utc(order.fulfilled_on, now)
        last = _last_event_at(custom)
        if last is not None and last > at:
            at = min(last, now)
    for status in moves:
        _event(at, custom.person_id, custom, "status", "order_status", {
            "number": custom.order_number or "", "old": old, "new": status, "platform": order.platform}, step=status)
        old = status
    CustomOrder.update(status=moves[-1]).where(CustomOrder.id == custom.id).execute()
    return True


def _last_event_at(custom: CustomOrder) -> datetime | None:
    """When the order's newest event happened: a status dated from the file never goes
    before what the timeline already says about it."""
    return (Event.select(fn.MAX(Event.at)).where(Event.subject_type == "custom_order", Event.subject_id == custom.id)
            .scalar())


def _made_to_order_lines(plan: ImportPlan, order: OrderRow, shop_id: int, person_id: int | None, marks: set[str],
                         product_ids: dict[str, int], summary: OrderImportSummary, history: set[str],
                         now: datetime, still_making: dict[str, date]) -> int:
    """The custom orders of ``order``'s made-to-order lines: one made already moves on with
    the shop; a new one is made (or the one typed in by hand taken over), unless the order
    is history (``history`` gets its number) and the owner did not say she is still making
    it (``still_making``: number -> the ready date she gave). Counts into ``summary``;
    returns the lines left without a custom order because the order names no customer."""
    made = [i for i, li in enumerate(order.lines) if li.product_key in marks]
    if not made:
        return 0
    without_customer = 0
    links = {r.position: r for r in ShopOrderLine.select().where(ShopOrderLine.shop_order == shop_id)}
    for position in made:
        line = order.lines[position]
        row = links.get(position)
        if row is not None and row.custom_order_id is not None:
            custom = CustomOrder.get_or_none(CustomOrder.id == row.custom_order_id)
            if custom is not None and _move_on(custom, order, line, now):
                summary.moved += 1
            continue
        if person_id is None:
            without_customer += 1
            continue
        number = _custom_order_number(order, position, made, person_id)
        custom = _typed_by_hand(number, person_id)
        if custom is None:
            promised = still_making.get(order.number)
            if promised is None and plan.kept_as_history(order, line):
                history.add(order.number)  # the customer's record only: nothing owed
                continue
            custom = _new_custom_order(order, position, line, number, person_id,
                                       product_ids.get(line.product_key), plan.lead_days, now, promised)
        ShopOrderLine.update(custom_order=custom.id).where(ShopOrderLine.id == row.id).execute()
        summary.custom_orders += 1
        if custom.status == "shipped":
            summary.custom_sent += 1
        elif custom.status == "cancelled":
            summary.custom_cancelled += 1
    return without_customer


def _with_status_kept(order: OrderRow, kept: dict) -> OrderRow:
    """``order`` with the status its stored order keeps (``ImportPlan.kept``: a cancelled one
    stays cancelled, one sent stays sent): its custom orders go by that, not by an older file."""
    if kept.get("status", order.status) == order.status:
        return order
    return dataclasses.replace(order, status=kept["status"], fulfilled_on=kept.get("fulfilled_on", order.fulfilled_on))


def apply_plan(plan: ImportPlan, now: datetime, made_to_order: set[str] | None = None,
               progress: Callable[[int, int], bool | None] | None = None, chunk: int = 200,
               file_name: str = "", still_making: dict[str, date] | None = None) -> OrderImportSummary:
    """Write ``plan`` in one transaction; ``made_to_order``: the product keys ticked (default:
    as remembered); ``still_making``: older open orders the owner is still making (number ->
    the ready date she gave the customer, ``order_importers.still_making_problem`` checked
    by the caller), made custom orders instead of history. ``progress(done, total)``
    returning False cancels (ImportCancelled). An import that added or changed orders leaves
    one event on the timeline in the same transaction (fact ``orders_imported``: the file's
    name, the platform and the counts).

    The plan is written as it was read only when nothing was written since (checked under
    the write lock, which the transaction takes as it begins: another import, in this
    window or in `afspraak import`, waits until this one is done): otherwise it is made
    again from the file inside the transaction, and that plan is written (its summary
    returned). Raises OrdersOfAnotherShop or OrdersDatedAhead (with the plan) when that
    plan holds such orders."""
    _refuse(plan)
    still_making = dict(still_making or {})
    for order in plan.parsed.orders:
        if order.number in still_making and rules.still_making_problem(order.ordered_on, still_making[order.number]):
            raise ValueError(f"order {order.number}: {still_making[order.number]} is no ready date for it")
    with handing_turns() if progress is not None else nullcontext(), db.atomic(lock_type="IMMEDIATE"):
        if plan.source is not None and (plan.read_at is None or plan.read_at != _read_token()):
            plan = plan_import(plan.source, now)
            _refuse(plan)
        return _write_plan(plan, now, made_to_order, progress, chunk, file_name, still_making)


def _refuse(plan: ImportPlan) -> None:
    if plan.other_shop:
        raise OrdersOfAnotherShop(len(plan.other_shop), plan)
    if plan.dated_ahead:
        raise OrdersDatedAhead(len(plan.dated_ahead), plan)


def _write_plan(plan: ImportPlan, now: datetime, made_to_order: set[str] | None,
                progress: Callable[[int, int], bool | None] | None, chunk: int, file_name: str,
                still_making: dict[str, date]) -> OrderImportSummary:
    """``apply_plan``'s writing, inside its transaction."""
    parsed = plan.parsed
    marks = plan.made_to_order() if made_to_order is None else set(made_to_order)
    summary = OrderImportSummary(platform=parsed.platform, notes=list(parsed.notes),
                                 new=len(plan.new_orders), updated=len(plan.updated_orders),
                                 unchanged=len(plan.unchanged_orders), new_customers=len(plan.new_customers),
                                 known_customers=len(plan.known_customers), sent_before=len(plan.sent_before),
                                 outside_flanders=sum(1 for c in plan.new_customers if c.language == "nl"
                                                      and message_rules.outside_flanders(c.country, c.postcode)),
                                 erased_orders=len(plan.erased_orders), erased_returned=plan.erased_returned,
                                 erased_deliveries=len(plan.erased_deliveries),
                                 cancelled_before=len(plan.cancelled_before), older_kept=len(plan.older_kept))
    history: set[str] = set()
    changed = {o.number for o in plan.new_orders} | {o.number for o in plan.updated_orders}
    total = len(parsed.orders)
    without_customer = 0
    names_items = parsed.names_items()
    left: dict[int, set[int]] = {}  # people an order of theirs moved away from: to whom
    product_ids = _save_marks(plan, marks, now)
    people = _save_customers(plan, now)
    for done, order in enumerate(parsed.orders, start=1):
        person_id = people.get(order.customer_key) if order.customer_key else None
        shop_id = plan.existing.get(order.number)
        stored = shop_id is not None
        if stored and order.number not in changed:
            _fill_in(plan, order.number, shop_id)
        kept = plan.kept.get(order.number, {}) if stored else {}
        if "person_id" in kept:
            person_id = kept["person_id"]
        if order.number in changed:
            values = _order_values(order, person_id)
            values.update(kept)
            values["person"] = values.pop("person_id")
            if stored:
                ShopOrder.update(updated_at=now, **values).where(ShopOrder.id == shop_id).execute()
                before = plan.stored_people.get(order.number)
                if before is not None and before != values["person"]:
                    left.setdefault(before, set()).add(values["person"])
            else:
                shop_id = _ORDER_ROWS.one(dict(platform=parsed.platform, number=order.number, imported_at=now,
                                               updated_at=now, **values))
            # a file without items leaves the stored ones, and so does a file older than them
            if not stored or (names_items and order.number not in plan.lines_kept):
                _save_lines(shop_id, order, product_ids, parsed, new=not stored)
        # an order kept as history in an earlier import is not said again (audit 12, F7)
        without_customer += _made_to_order_lines(plan, _with_status_kept(order, kept), shop_id, person_id,
                                                 marks, product_ids, summary, history if not stored else set(),
                                                 now, still_making)
        if done % chunk == 0 and progress is not None and progress(done, total) is False:
            raise ImportCancelled()
    summary.merged = _remove_left_empty(left)
    if summary.new or summary.updated:
        Event.create(at=now, kind="import", direction="none", fact="orders_imported",
                     params={"file": file_name, "platform": parsed.platform, "new": summary.new,
                             "updated": summary.updated, "custom_orders": summary.custom_orders,
                             "custom_sent": summary.custom_sent, "custom_cancelled": summary.custom_cancelled,
                             "new_customers": summary.new_customers})
    if progress is not None and progress(total, total) is False:
        raise ImportCancelled()
    summary.without_customer = without_customer
    summary.history = len(history)
    summary.history_before = plan.history_before if history else None
    summary.history_lead_days = plan.lead_days
    return summary


# What the owner may have typed on a person herself (beyond what an import writes): a person
# holding any of it is never removed as an empty duplicate.
_TYPED_ON_A_PERSON = (Person.is_influencer, Person.notes, Person.whatsapp, Person.status_reason)
# What only one of two records may hold: a duplicate whose own differs from the one her
# orders moved to (another e-mail address or phone, a language or form of address set by
# hand) is kept, so nothing is lost with it.
_OWN_ON_A_PERSON = (Person.email, Person.phone, Person.language, Person.address_form, Person.status)


def _same_person(mine: tuple, theirs: tuple) -> bool:
    email, phone, language, form, status = (str(v or "").strip().casefold() for v in mine)
    t_email, t_phone, t_language, t_form, _t_status = (str(v or "").strip().casefold() for v in theirs)
    return ((not email or email == t_email) and (not phone or phone == t_phone)
            and language == t_language and form == t_form and status == "active")


def _remove_left_empty(people: dict[int, set[int]]) -> int:
    """Remove those of ``people`` (customers an order of theirs moved away from, in this
    import's transaction, each with the people it moved to) that nothing is attached to any
    more: no row of any table points at them (shop and custom orders, notes and messages on
    the timeline, promises and their reminders, handles, shipments, strikes…: every foreign
    key to ``person``), nothing the owner typed is on them (a note, WhatsApp, tags, the
    influencer mark), and what they hold of their own is the one person's their orders all
    moved to, or empty (``_same_person``). Such a person was a duplicate of that one (a buyer
    whose address was written two ways became two customers before schema v12). Returns how
    many were removed."""
    candidates = {pid for pid, to in people.items() if len(to) == 1}
    if not candidates:
        return 0
    for fk in Person._meta.backrefs:
        if not candidates:
            break
        ids = sorted(candidates)
        for chunk in range(0, len(ids), 500):
            taken = fk.model.select(fk).where(fk.in_(ids[chunk:chunk + 500])).distinct().tuples()
            candidates -= {pid for (pid,) in taken}
    ids = sorted(candidates)
    survivors = sorted({next(iter(people[pid])) for pid in ids})
    own: dict[int, tuple] = {}
    for chunk in range(0, len(survivors), 500):
        for pid, *values in (Person.select(Person.id, *_OWN_ON_A_PERSON)
                             .where(Person.id.in_(survivors[chunk:chunk + 500])).tuples()):
            own[pid] = tuple(values)
    empty: list[int] = []
    for chunk in range(0, len(ids), 500):
        for pid, influencer, notes, whatsapp, reason, tags, *values in (
                Person.select(Person.id, *_TYPED_ON_A_PERSON, Person.tags, *_OWN_ON_A_PERSON)
                .where(Person.id.in_(ids[chunk:chunk + 500])).tuples()):
            survivor = own.get(next(iter(people[pid])))
            if (not influencer and not notes.strip() and not whatsapp.strip() and not reason.strip() and not tags
                    and survivor is not None and _same_person(tuple(values), survivor)):
                empty.append(pid)
    for chunk in range(0, len(empty), 500):
        Person.delete().where(Person.id.in_(empty[chunk:chunk + 500])).execute()
    return len(empty)


def _save_lines(shop_id: int, order: OrderRow, product_ids: dict[str, int], parsed: ParsedOrders,
                new: bool = False) -> None:
    """The order's lines by position; a line's custom order stays linked; what the file has
    no column for stays as stored (``_line_values``). ``new``: the order was inserted just
    now, so it has no lines to look up: they are written in one go."""
    if new:
        _LINE_ROWS.many([dict(_line_values(order, position, line, parsed), shop_order=shop_id,
                              product=product_ids.get(line.product_key))
                         for position, line in enumerate(order.lines)])
        return
    current = {r.position: r for r in ShopOrderLine.select().where(ShopOrderLine.shop_order == shop_id)}
    for position, line in enumerate(order.lines):
        row = current.pop(position, None)
        old = {k: getattr(row, k) for k in LINE_FIELDS} if row is not None else None
        values = _line_values(order, position, line, parsed, old)
        values["product"] = product_ids.get(line.product_key)
        if values["product"] is None and row is not None and not parsed.names_line_field("sku") \
                and rules._fold(row.name) == rules._fold(line.name):
            values["product"] = row.product_id  # found by its SKU before: still that product
        if row is None:
            ShopOrderLine.create(shop_order=shop_id, **values)
        else:
            ShopOrderLine.update(**values).where(ShopOrderLine.id == row.id).execute()
    for row in current.values():
        row.delete_instance()
