"""The data model for the whole mission (see docs/ARCHITECTURE.md for the picture).

Conventions: moments are naive UTC ``DateTimeField``s; promised calendar days are
``DateField``s; money is whole cents in ``IntegerField``s; choices are short English
codes (labels are translated in the views). Every model binds to the ``db`` proxy,
which ``store.opening.open_database`` initialises at start-up.

The schema itself is created and changed only by ``store.migrations``.
"""

from __future__ import annotations

import json

from peewee import (
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop.clock import utcnow
from desktop.domain.search_text import sort_key
from desktop.store.db import db

# --- choices (codes; translated labels live in desktop/labels.py) ---------------------
CARRIERS = ("postnl", "dhl", "bpost", "dpd", "gls", "ups", "other")


class JSONField(TextField):
    """A small JSON value (lists of tags, checklists, change sets)."""

    def db_value(self, value):
        return None if value is None else json.dumps(value, ensure_ascii=False)

    def python_value(self, value):
        return None if value is None else json.loads(value)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False


class Person(BaseModel):
    """An influencer, a customer, or both."""

    name = CharField()
    is_influencer = BooleanField(default=False, index=True)
    is_customer = BooleanField(default=False, index=True)
    email = CharField(default="")
    phone = CharField(default="")
    whatsapp = CharField(default="")
    street = CharField(default="")
    postcode = CharField(default="")
    city = CharField(default="")
    country = CharField(default="NL")
    language = CharField(default="nl")
    address_form = CharField(default="je")
    notes = TextField(default="")
    tags = JSONField(default=list)
    status = CharField(default="active", index=True)
    status_reason = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # v19: the name as every list of people sorts it (search_text.sort_key), so the database
    # sorts (ORDER BY name_key, name, id: the order sort_key gives, equal keys by name, then
    # id). Never written by hand: every write of ``name`` through the model writes it too
    # (``update``, ``insert``, ``insert_many`` below; ``save`` and ``create`` go through
    # them), the migration fills it, and store/name_keys.follow_rule writes them all again
    # once when the rule changes (search_text.SORT_KEY_RULE).
    name_key = CharField(default="")

    class Meta:
        # Created by migrations (v19: the Influencers list in its order, no sort; it
        # replaced v15's index on the name).
        indexes = ((("is_influencer", "name_key", "name", "id"), False),)

    # The one place the key follows the name: Peewee's save() and create() write through
    # update() and insert(), bulk inserts through insert_many() (bench/generate.py, the
    # synthetic data), so no caller can store a name without its key. Raw SQL does not
    # come here: only the migrations, the undo journal (which puts back both columns as
    # they were) and the erasures (which delete the row) write the person table that way.
    def save(self, *args, **kwargs):
        # the instance too, not only the row; a person read without her name (select(Person.id,
        # Person.status)) saves without touching the key: sort_key(None) would blank it
        if "name" in self.__data__:
            self.name_key = _key_of(self.name)
        return super().save(*args, **kwargs)

    @classmethod
    def update(cls, _data=None, **update):
        return super().update(_keyed(cls._normalize_data(_data, update)))

    @classmethod
    def insert(cls, _data=None, **insert):
        return super().insert(_keyed(cls._normalize_data(_data, insert)))

    @classmethod
    def insert_many(cls, rows, fields=None):
        rows = list(rows)
        if fields is None:
            if any(not isinstance(row, dict) for row in rows):
                raise TypeError("Person.insert_many: rows as tuples need their fields (the name's key follows the name)")
            return super().insert_many([_keyed(cls._normalize_data(row, {})) for row in rows])
        fields = [getattr(cls, f) if isinstance(f, str) else f for f in fields]
        at = next((i for i, f in enumerate(fields) if f is cls.name), None)  # by identity: a Field's == is SQL
        if at is None:
            return super().insert_many(rows, fields)
        kept = [i for i, f in enumerate(fields) if f is not cls.name_key]
        keyed = [tuple(row[i] for i in kept) + (_key_of(row[at]),) for row in rows]
        return super().insert_many(keyed, [fields[i] for i in kept] + [cls.name_key])


# Every list of people in the order of search_text.sort_key, equal keys by name, then id
# (a query's .order_by(*PEOPLE_BY_NAME)).
PEOPLE_BY_NAME = (Person.name_key, Person.name, Person.id)


def _key_of(name) -> str:
    if not isinstance(name, str):  # an expression (fn.TRIM(Person.name)...): no key to write beside it
        raise TypeError("Person.name is written as text, so that its sort key (name_key) can follow it")
    return sort_key(name)


def _keyed(data):
    """``data`` (a Person insert's or update's values by field) with the name's key beside
    its name, whatever key was given; as it is without a name."""
    if isinstance(data, dict) and Person.name in data:
        data[Person.name_key] = _key_of(data[Person.name])
    return data


class Handle(BaseModel):
    person = ForeignKeyField(Person, backref="handles", on_delete="CASCADE")
    platform = CharField()
    name = CharField()  # normalised: lower case, no @, no URL
    followers = IntegerField(null=True)
    url = CharField(default="")

    class Meta:
        indexes = ((("platform", "name"), True),)


class Product(BaseModel):
    key = CharField(unique=True)  # SKU, or "handle|variant" when a product has no SKU
    sku = CharField(default="")
    name = CharField()
    variant = CharField(default="")
    price_cents = IntegerField(null=True)
    cost_cents = IntegerField(null=True)
    category = CharField(default="")
    image_url = TextField(default="")
    image_path = TextField(default="")
    source = CharField(default="")  # "woocommerce", "shopify", "manual"
    # Made for each customer (a name engraved...): an order of it becomes a custom order (v9).
    made_to_order = BooleanField(default=False)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Collaboration(BaseModel):
    """One written agreement with one influencer."""

    person = ForeignKeyField(Person, backref="collaborations", on_delete="CASCADE")
    title = CharField(default="")
    status = CharField(default="proposed", index=True)
    agreed_at = DateTimeField(null=True)
    fee_cents = IntegerField(default=0)
    required_mentions = JSONField(default=list)
    required_hashtags = JSONField(default=list)
    disclosure_required = BooleanField(default=True)
    exclusivity_days = IntegerField(default=0)
    exclusivity_category = CharField(default="")
    dos = TextField(default="")
    donts = TextField(default="")
    approval_required = BooleanField(default=False)
    response_days = IntegerField(default=3)
    consequence = TextField(default="")
    products = TextField(default="")  # what the influencer gets, in words
    product_cost_cents = IntegerField(default=0)  # used when no shipment records the products
    shipping_cents = IntegerField(default=0)  # idem, for shipping
    ended_at = DateTimeField(null=True)
    end_reason = TextField(default="")
    created_at = DateTimeField(default=utcnow)

    class Meta:
        # Created by migration v8: the reminder scan reads live collaborations from it alone.
        indexes = ((("status", "person"), False),)


class AgreementVersion(BaseModel):
    """A change to an agreed collaboration: what changed (old -> new), who asked, why."""

    collaboration = ForeignKeyField(Collaboration, backref="versions", on_delete="CASCADE")
    changed_at = DateTimeField(default=utcnow)
    requested_by = CharField(default="")  # "shop" or "influencer"
    reason = TextField(default="")
    confirmed = BooleanField(default=False)
    changes = JSONField(default=dict)  # {field: [old, new]}


class CollaborationProduct(BaseModel):
    """A product of the catalogue given in a collaboration (v11), with how many and what
    one is worth. ``name`` keeps the product's title as chosen, so the agreement still
    reads when the product is renamed or leaves the catalogue (the link is then NULL).
    What is not in the catalogue stays in ``Collaboration.products``, in words."""

    collaboration = ForeignKeyField(Collaboration, backref="gifts", on_delete="CASCADE")
    product = ForeignKeyField(Product, null=True, backref="gifts", on_delete="SET NULL")
    name = TextField(default="")
    quantity = IntegerField(default=1)
    value_cents = IntegerField(null=True)  # one piece, from the catalogue price, editable
    position = IntegerField(default=0)


class Deliverable(BaseModel):
    collaboration = ForeignKeyField(Collaboration, backref="deliverables", on_delete="CASCADE")
    kind = CharField(default="post")
    count = IntegerField(default=1)
    deadline = DateTimeField(null=True, index=True)
    delivered_at = DateTimeField(null=True)

    class Meta:
        # Created by migration v8: open deliverables and deadlines without reading the rows.
        indexes = ((("collaboration", "delivered_at", "deadline", "kind"), False),)


class Content(BaseModel):
    """What was actually posted for a deliverable, with its results."""

    collaboration = ForeignKeyField(Collaboration, backref="contents", on_delete="CASCADE")
    deliverable = ForeignKeyField(Deliverable, backref="contents", null=True, on_delete="SET NULL")
    url = TextField(default="")
    platform = CharField(default="")
    posted_at = DateTimeField(null=True)
    caption = TextField(default="")
    shop_tagged = BooleanField(default=False)
    hashtags_present = JSONField(default=list)
    disclosure_ok = BooleanField(null=True)
    views = IntegerField(null=True)
    likes = IntegerField(null=True)
    comments = IntegerField(null=True)
    link_clicks = IntegerField(null=True)
    code_uses = IntegerField(null=True)
    revenue_cents = IntegerField(null=True)
    # Unused since v7 (pictures are ContentEvidence rows); kept because the v1 column is
    # NOT NULL without a default, so an insert must still fill it.
    evidence_path = TextField(default="")
    disclosure_checks = JSONField(default=dict)  # {checklist item: ticked} (domain/disclosure.py)
    missing = JSONField(default=list)  # what the caption check found missing, for flags
    created_at = DateTimeField(default=utcnow)


class CustomOrder(BaseModel):
    """A promise the shop made to a customer: a personalised product, ready on a date."""

    person = ForeignKeyField(Person, backref="orders", on_delete="CASCADE")
    order_number = CharField(default="")
    product = ForeignKeyField(Product, null=True, backref="orders", on_delete="SET NULL")
    quantity = IntegerField(default=1)  # pieces of the product, all made to the same personalisation
    personalisation = TextField(default="")
    font = CharField(default="")
    colour = CharField(default="")
    size = CharField(default="")
    note = TextField(default="")
    price_cents = IntegerField(null=True)
    deposit_cents = IntegerField(default=0)
    ordered_on = DateField(null=True)
    promised_ready = DateField(null=True, index=True)
    promised_delivery = DateField(null=True)
    status = CharField(default="new", index=True)
    checklist = JSONField(default=list)  # [{"text": ..., "done": bool}]
    created_at = DateTimeField(default=utcnow)
    # Where the parcel goes when the owner typed another address in the order form (v17): a
    # present for somebody else, say. The recipient's name, street, postcode, city and the
    # country as a code (NL, BE, other); all "" when the parcel goes to the customer's own
    # address (or, for an imported order, to the delivery of the shop's order).
    ship_name = CharField(default="")
    ship_street = CharField(default="")
    ship_postcode = CharField(default="")
    ship_city = CharField(default="")
    ship_country = CharField(default="")
    # A state or province (v20): "" from the form, which offers no country that writes one.
    ship_region = CharField(default="")


class Shipment(BaseModel):
    person = ForeignKeyField(Person, backref="shipments", on_delete="CASCADE")
    collaboration = ForeignKeyField(Collaboration, null=True, backref="shipments", on_delete="SET NULL")
    custom_order = ForeignKeyField(CustomOrder, null=True, backref="shipments", on_delete="SET NULL")
    carrier = CharField(default="postnl")
    tracking_code = CharField(default="")
    tracking_url = TextField(default="")
    status = CharField(default="ready", index=True)
    sent_at = DateTimeField(null=True)
    delivered_at = DateTimeField(null=True)
    received_at = DateTimeField(null=True)
    value_cents = IntegerField(default=0)
    shipping_cents = IntegerField(default=0)
    created_at = DateTimeField(default=utcnow)


class ShipmentItem(BaseModel):
    shipment = ForeignKeyField(Shipment, backref="items", on_delete="CASCADE")
    product = ForeignKeyField(Product, backref="shipment_items", on_delete="RESTRICT")
    quantity = IntegerField(default=1)


class Event(BaseModel):
    """One line on the timeline: a message, reminder, shipment, strike, note..."""

    at = DateTimeField(default=utcnow, index=True)
    kind = CharField()  # message, call, reminder, shipment, content, agreement, strike, rating, status, note
    channel = CharField(default="")
    direction = CharField(default="none")
    text = TextField(default="")
    person = ForeignKeyField(Person, null=True, backref="events", on_delete="CASCADE", index=False)
    subject_type = CharField(default="")  # collaboration, deliverable, shipment, custom_order, content
    subject_id = IntegerField(null=True)
    step = CharField(default="")  # ladder step or check-in name, for reminder events
    # v9: the app's own events are facts, rendered in the reader's language by
    # desktop/event_texts.py: ``fact`` names what happened, ``params`` holds its values
    # (codes, numbers, ISO dates, and titles or reasons as typed). ``text`` is then empty;
    # it holds what a person wrote (notes, messages) and old texts no migration recognised.
    fact = CharField(default="")
    params = JSONField(default=dict)
    # The search index's words for a fact (its sentence in every language), filled on save;
    # "" for plain text events, whose ``text`` is indexed.
    words = TextField(default="")

    class Meta:
        # Created by migrations (v2 adds the filter indexes and the event_fts search index).
        indexes = (
            (("person", "at"), False),
            (("subject_type", "subject_id"), False),
            (("kind", "at"), False),
            (("channel", "at"), False),
            (("direction", "at"), False),
            (("person", "direction", "at"), False),  # "has she answered since?" (the ladder)
            (("person", "kind", "direction", "at"), False),  # v15: the list's scores, from the index alone
        )

    def save(self, *args, **kwargs):
        if self.fact:  # the search words follow the fact (presentation/event_texts.py)
            from desktop.store import event_search

            self.words = event_search.search_words(self.fact, self.params)
        return super().save(*args, **kwargs)


class OrderDateChange(BaseModel):
    """A promised date of a custom order that moved: old and new date, when and why."""

    custom_order = ForeignKeyField(CustomOrder, backref="date_changes", on_delete="CASCADE")
    field = CharField()  # "promised_ready" or "promised_delivery"
    old_date = DateField(null=True)
    new_date = DateField(null=True)
    changed_at = DateTimeField(default=utcnow)
    reason = TextField(default="")
    event = ForeignKeyField(Event, null=True, on_delete="SET NULL", backref="date_changes")  # the message that told the customer


class OrderPicture(BaseModel):
    """A reference picture for a custom order, copied into the data dir under a made-up name."""

    custom_order = ForeignKeyField(CustomOrder, backref="pictures", on_delete="CASCADE")
    path = TextField()  # relative to the data dir, e.g. "pictures/orders/3f2a….jpg"
    original_name = TextField(default="")  # shown to the owner, never used as a path
    added_at = DateTimeField(default=utcnow)


class ContentEvidence(BaseModel):
    """A picture kept as evidence of a content record, copied in under a made-up name."""

    content = ForeignKeyField(Content, backref="evidence", on_delete="CASCADE")
    path = TextField()  # relative to the data dir, e.g. "pictures/evidence/3f2a….png"
    original_name = TextField(default="")  # shown to the owner, never used as a path
    added_at = DateTimeField(default=utcnow)


class Strike(BaseModel):
    person = ForeignKeyField(Person, backref="strikes", on_delete="CASCADE")
    collaboration = ForeignKeyField(Collaboration, null=True, backref="strikes", on_delete="SET NULL")
    reason = CharField(default="other")
    evidence = TextField(default="")
    event_ids = JSONField(default=list)
    evidence_ids = JSONField(default=list)  # ContentEvidence ids (v7)
    created_at = DateTimeField(default=utcnow)
    lifted_at = DateTimeField(null=True)


class Rating(BaseModel):
    collaboration = ForeignKeyField(Collaboration, backref="ratings", unique=True, on_delete="CASCADE")
    communication = IntegerField()
    quality = IntegerField()
    punctuality = IntegerField()
    result = IntegerField()
    work_again = BooleanField(default=True)
    note = TextField(default="")
    created_at = DateTimeField(default=utcnow)


class AnonymousRecord(BaseModel):
    """What stays of an erased person's row: numbers, days and codes, no link to anyone."""

    erased_on = DateField()
    kind = CharField(index=True)  # the table the row came from: "custom_order", "shipment"...
    data = JSONField(default=dict)


class ShopOrder(BaseModel):
    """An order as the web shop exported it (v9); key: platform + order number.

    Amounts in whole cents in the order's own currency; ``status`` is the shop's state as
    a code (open, partial, fulfilled, cancelled), ``shop_status`` its own words."""

    platform = CharField()  # shopify, woocommerce, etsy
    number = CharField()
    person = ForeignKeyField(Person, null=True, backref="shop_orders", on_delete="CASCADE")
    ordered_on = DateField()
    ordered_at = DateTimeField(null=True)
    currency = CharField(default="")
    subtotal_cents = IntegerField(null=True)
    shipping_cents = IntegerField(null=True)
    tax_cents = IntegerField(null=True)
    discount_cents = IntegerField(null=True)
    total_cents = IntegerField(null=True)
    status = CharField(default="open")
    shop_status = CharField(default="")
    fulfilled_on = DateField(null=True)
    notes = TextField(default="")
    item_count = IntegerField(default=0)
    imported_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)
    # The buyer's account on the platform (Etsy's "Buyer User ID"), "" when the file has none (v12).
    buyer = CharField(default="")
    # Where the parcel goes (v16): the recipient (the buyer, or whom a gift is for), the
    # delivery address with the country as the shop's file writes it, the recipient's phone;
    # "" for an order imported before (the parcel goes to the customer's address).
    ship_name = CharField(default="")
    ship_street = CharField(default="")
    ship_postcode = CharField(default="")
    ship_city = CharField(default="")
    ship_country = CharField(default="")
    ship_phone = CharField(default="")
    ship_region = CharField(default="")  # a state or province, as the file writes it (v20)

    class Meta:
        indexes = ((("platform", "number"), True), (("platform", "buyer"), False))


class ShopOrderLine(BaseModel):
    """One item of a shop order; ``custom_order`` when it is made to order."""

    shop_order = ForeignKeyField(ShopOrder, backref="lines", on_delete="CASCADE")
    position = IntegerField(default=0)
    name = TextField(default="")
    sku = CharField(default="")
    quantity = IntegerField(default=1)
    price_cents = IntegerField(null=True)
    personalisation = TextField(default="")
    product = ForeignKeyField(Product, null=True, backref="shop_order_lines", on_delete="SET NULL")
    custom_order = ForeignKeyField(CustomOrder, null=True, backref="shop_order_lines", on_delete="SET NULL")


class Setting(BaseModel):
    key = CharField(unique=True)
    value = JSONField(null=True)


class ReminderState(BaseModel):
    """What the owner did with one follow-up step (key: domain.followup.step_key)."""

    key = CharField(unique=True)
    person = ForeignKeyField(Person, null=True, backref="reminder_states", on_delete="CASCADE")
    subject_type = CharField(default="")
    subject_id = IntegerField(null=True)
    step = CharField(default="")
    status = CharField()  # sent, dismissed, snoozed
    at = DateTimeField(default=utcnow)
    snoozed_until = DateTimeField(null=True)
    template = CharField(default="")
    event_id = IntegerField(null=True)


class MessageTemplate(BaseModel):
    """The owner's own wording of a template, per language and form of address."""

    template = CharField()
    language = CharField()
    form = CharField()
    subject = TextField(default="")
    body = TextField(default="")
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("template", "language", "form"), True),)


ALL_MODELS = [
    Person,
    Handle,
    Product,
    Collaboration,
    CollaborationProduct,
    AgreementVersion,
    Deliverable,
    Content,
    CustomOrder,
    Shipment,
    ShipmentItem,
    Event,
    OrderDateChange,
    OrderPicture,
    ContentEvidence,
    Strike,
    Rating,
    AnonymousRecord,
    Setting,
    ReminderState,
    MessageTemplate,
    ShopOrder,
    ShopOrderLine,
]
