"""Synthetic shop data for the benchmarks, deterministic from a seed.

Writes a data dir (``afspraak.sqlite3`` made by the app's own ``open_database``, filled
through the app's models with ``insert_many`` in one transaction) and a WooCommerce
products CSV, at one of these scales:

=========  ===========  ==============  =========  =============  ========  ========
scale      influencers  collaborations  shipments  custom orders  events    CSV rows
=========  ===========  ==============  =========  =============  ========  ========
tiny       30           60              30         20             500       200
small      200          600             300        150            5,000     1,000
large      10,000       50,000          20,000     5,000          250,000   10,000
=========  ===========  ==============  =========  =============  ========  ========

Every moment is placed relative to an anchor (``now``, a whole UTC day by default) that
is written to ``manifest.json`` with the seed and the counts, so a benchmark asks "what
is due" at the same moment the data was made for. A data dir whose manifest matches the
scale, seed and generator version is reused instead of regenerated.

    python bench/generate.py --scale large [--seed 11] [--out bench/data/large]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
import time
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from peewee import chunked  # noqa: E402

from desktop.store import migrations  # noqa: E402
from desktop.store.db import close_database, db  # noqa: E402
from desktop.store.opening import open_database  # noqa: E402
from desktop.presentation import event_texts  # noqa: E402,F401 - hands the store how events read
from desktop.store.models import (  # noqa: E402
    Collaboration,
    Content,
    CustomOrder,
    Deliverable,
    Event,
    Handle,
    Person,
    Product,
    Rating,
    Shipment,
    ShipmentItem,
    Strike,
)

GENERATOR_VERSION = 2
DEFAULT_SEED = 11
DATA_ROOT = ROOT / "bench" / "data"


@dataclass(frozen=True)
class Scale:
    name: str
    influencers: int
    customers: int
    products: int  # products already in the database (the CSV is imported separately)
    collaborations: int
    shipments: int
    custom_orders: int
    events: int
    csv_rows: int
    years: int = 5  # how much history the events span


SCALES = {
    "tiny": Scale("tiny", 30, 20, 40, 60, 30, 20, 500, 200, years=1),
    "small": Scale("small", 200, 120, 200, 600, 300, 150, 5_000, 1_000, years=2),
    "large": Scale("large", 10_000, 3_000, 600, 50_000, 20_000, 5_000, 250_000, 10_000, years=5),
}

FIRST = ("Sanne Lotte Noor Fleur Emma Julia Mila Tess Yara Anouk Femke Lien Sara Eva Zoë Lisa Nina "
         "Iris Roos Lara Fenna Jasmijn Elif Amira Hanna Nora Olivia Sofie Lieke Merel Ilse Daan "
         "Kevin Sem Lucas Milan Ruben Thijs Bram Jens Wout Arne Youssef Mats").split()
LAST = ("de Vries|Janssens|Bakker|Peeters|Visser|Mertens|Smit|van Dijk|Claes|Mulder|de Boer|"
        "Wouters|Jansen|de Jong|Maes|Willems|Hendriks|Koster|van Leeuwen|Jacobs|Dekker|Goossens|"
        "Vermeulen|Brouwer|de Wit|Dijkstra|Lambrechts|Meijer|Bos|Vos|Peters|van den Berg|"
        "Kaya|Yilmaz|El Amrani|Verhoeven|Desmet|Wuyts|Hermans|Aerts").split("|")
CITIES = [("Utrecht", "NL"), ("Amsterdam", "NL"), ("Rotterdam", "NL"), ("Den Haag", "NL"),
          ("Eindhoven", "NL"), ("Groningen", "NL"), ("Zwolle", "NL"), ("Haarlem", "NL"),
          ("Nijmegen", "NL"), ("Gent", "BE"), ("Antwerpen", "BE"), ("Leuven", "BE"),
          ("Brugge", "BE"), ("Hasselt", "BE"), ("Mechelen", "BE"), ("Kortrijk", "BE")]
TAGS = ["lifestyle", "sieraden", "mama", "mode", "beauty", "reizen", "interieur", "bruiloft"]
PRODUCT_WORDS = ["Ketting", "Armband", "Oorbellen", "Ring", "Hanger", "Enkelbandje", "Broche",
                 "Sleutelhanger", "Naamketting", "Creolen", "Zegelring", "Bedelarmband"]
PRODUCT_NAMES = ["Maan", "Ster", "Luna", "Golf", "Zomer", "Druppel", "Hart", "Initiaal", "Parel",
                 "Schelp", "Veer", "Roos", "Noorderlicht", "Zon", "Bloesem", "Eikenblad"]
CATEGORIES = ["Kettingen", "Armbanden", "Oorbellen", "Ringen", "Hangers", "Maatwerk", "Accessoires"]
MATERIALS = ["zilver", "goud", "rosé"]
MESSAGES = ["Vraag over de levertijd", "Bedankt voor het pakketje", "Foto's gedeeld ter goedkeuring",
            "Nieuwe afspraak voorgesteld", "Even gecheckt hoe het gaat", "Herinnering: post gepland",
            "Link naar de post gestuurd", "Adres gewijzigd", "Kortingscode gevraagd",
            "Graag een story in plaats van een post", "Pakketje nog niet binnen"]
EVENT_KINDS = [("message", 60), ("reminder", 14), ("shipment", 8), ("content", 6), ("agreement", 5),
               ("note", 4), ("status", 1), ("strike", 1), ("rating", 1)]
# History is mostly closed; what is still open was agreed in the last weeks, as in a real
# shop (the large scale keeps about 1,400 collaborations and 40 custom orders open).
CLOSED_COLLAB = [("done", 85), ("ended", 8), ("failed", 7)]
OPEN_COLLAB = [("posted", 20), ("received", 25), ("shipped", 20), ("agreed", 25), ("proposed", 10)]
OPEN_COLLAB_DAYS = 50
CLOSED_ORDER = [("delivered", 95), ("cancelled", 5)]
OPEN_ORDER = [("new", 30), ("in_production", 40), ("ready", 15), ("shipped", 15)]
OPEN_ORDER_DAYS = 14
CARRIERS_NL = ["postnl", "postnl", "postnl", "dhl", "dpd"]
CARRIERS_BE = ["bpost", "bpost", "dpd", "gls"]

# The header of a WooCommerce product export (as in WooCommerce's own sample_products.csv).
WOO_HEADER = [
    "ID", "Type", "SKU", "Name", "Published", "Is featured?", "Visibility in catalog", "Short description",
    "Description", "Date sale price starts", "Date sale price ends", "Tax status", "Tax class", "In stock?",
    "Stock", "Backorders allowed?", "Sold individually?", "Weight (lbs)", "Length (in)", "Width (in)",
    "Height (in)", "Allow customer reviews?", "Purchase note", "Sale price", "Regular price", "Categories",
    "Tags", "Shipping class", "Images", "Download limit", "Download expiry days", "Parent", "Grouped products",
    "Upsells", "Cross-sells", "External URL", "Button text", "Position", "Attribute 1 name",
    "Attribute 1 value(s)", "Attribute 1 visible", "Attribute 1 global", "Attribute 2 name",
    "Attribute 2 value(s)", "Attribute 2 visible", "Attribute 2 global", "Meta: _wpcom_is_markdown",
    "Download 1 name", "Download 1 URL", "Download 2 name", "Download 2 URL",
]


def default_anchor() -> datetime:
    """Today, 09:00 UTC: a whole day, so data made today is the same all day; on a day the
    ladder writes nobody (a Sunday, a public holiday) the working day before it, or the
    due scan measured on a Sunday found nothing due and timed an empty scan."""
    from desktop.domain import followup

    day, settings = date.today(), followup.LadderSettings()
    while followup.day_off(day, settings):
        day -= timedelta(days=1)
    return datetime.combine(day, datetime.min.time()).replace(hour=9)


def weighted(rnd: random.Random, pairs) -> str:
    values, weights = zip(*pairs)
    return rnd.choices(values, weights=weights)[0]


def _insert(model, fields, rows, batch: int = 400) -> None:
    for part in chunked(rows, batch):
        model.insert_many(part, fields=fields).execute()


@dataclass
class _Filling:
    """What every part of :func:`fill` shares: the one random stream (the parts draw from
    it in a fixed order, so the data stays the same for a seed), the anchor and the span."""

    scale: Scale
    now: datetime
    seed: int
    rnd: random.Random
    span_days: int

    def past(self, max_days: float, min_days: float = 0.0) -> datetime:
        moment = self.now - timedelta(days=self.rnd.uniform(min_days, max_days))
        return moment.replace(microsecond=0)


@dataclass
class _People:
    influencer_ids: list[int]
    customer_ids: list[int]
    country_of: dict[int, str]


def fill(scale: Scale, now: datetime, seed: int) -> dict[str, int]:
    """Fill the open (empty) database with ``scale``'s worth of data around ``now``."""
    f = _Filling(scale, now, seed, random.Random(seed), 365 * scale.years)
    counts = {"influencers": scale.influencers, "customers": scale.customers, "products": scale.products}
    with db.atomic():
        prices = _fill_products(f)
        people = _fill_people(f, counts)
        collab_person = _fill_collaborations(f, people, counts)
        order_person = _fill_orders(f, people, prices, counts)
        shipment_person = _fill_shipments(f, people, prices, collab_person, order_person, counts)
        _fill_events(f, people, collab_person, shipment_person, counts)
    db.execute_sql("ANALYZE")
    return counts


def _fill_products(f: _Filling) -> dict[int, int]:
    """The products already in the database; returns {product id: price in cents}."""
    rnd, now = f.rnd, f.now
    products = []
    for pid in range(1, f.scale.products + 1):
        word, name = rnd.choice(PRODUCT_WORDS), rnd.choice(PRODUCT_NAMES)
        price = rnd.choice([1495, 1995, 2495, 2995, 3495, 3995, 4495, 5495, 6495])
        sku = f"ZE-{pid:05d}"
        products.append((pid, sku, sku, f"{word} {name}", rnd.choice(MATERIALS), price, price // 3,
                         rnd.choice(CATEGORIES), "manual", now - timedelta(days=f.span_days), now))
    _insert(Product, [Product.id, Product.key, Product.sku, Product.name, Product.variant,
                      Product.price_cents, Product.cost_cents, Product.category, Product.source,
                      Product.created_at, Product.updated_at], products)
    return {p[0]: p[5] for p in products}


def _influencer_handles(rnd: random.Random, pid: int, first: str, last: str) -> list[tuple]:
    base = f"{first.lower()}{last.lower().replace(' ', '')}{pid}"
    followers = int(rnd.lognormvariate(9.3, 1.0))
    handles = [(pid, "instagram", base, followers, f"https://www.instagram.com/{base}/")]
    if rnd.random() < 0.5:
        handles.append((pid, "tiktok", base, followers // 2, f"https://www.tiktok.com/@{base}"))
    if rnd.random() < 0.1:
        handles.append((pid, "youtube", base, followers // 5, ""))
    return handles


def _fill_people(f: _Filling, counts: dict[str, int]) -> _People:
    """Influencers (with their handles), then customers."""
    rnd, scale = f.rnd, f.scale
    rows, handles = [], []
    people = _People([], [], {})
    for pid in range(1, scale.influencers + scale.customers + 1):
        is_influencer = pid <= scale.influencers
        first, last = rnd.choice(FIRST), rnd.choice(LAST)
        city, country = rnd.choice(CITIES)
        blocked = is_influencer and rnd.random() < 0.02
        created = f.past(f.span_days)
        rows.append((
            pid, f"{first} {last}", is_influencer, not is_influencer,
            f"{first.lower()}.{pid}@example.{country.lower()}", f"+31 6 {pid:08d}" if country == "NL" else "",
            city, country, "je" if rnd.random() < 0.85 else "u",
            rnd.sample(TAGS, rnd.randint(0, 3)) if is_influencer else [],
            "blocked" if blocked else "active", "Geen post na drie herinneringen" if blocked else "",
            created, created,
        ))
        people.country_of[pid] = country
        if is_influencer:
            people.influencer_ids.append(pid)
            handles.extend(_influencer_handles(rnd, pid, first, last))
        else:
            people.customer_ids.append(pid)
    _insert(Person, [Person.id, Person.name, Person.is_influencer, Person.is_customer, Person.email,
                     Person.phone, Person.city, Person.country, Person.address_form, Person.tags,
                     Person.status, Person.status_reason, Person.created_at, Person.updated_at], rows)
    _insert(Handle, [Handle.person, Handle.platform, Handle.name, Handle.followers, Handle.url], handles)
    counts["handles"] = len(handles)
    return people


def _fill_collaborations(f: _Filling, people: _People, counts: dict[str, int]) -> dict[int, int]:
    """Collaborations with their deliverables, content, ratings and strikes; returns
    {collaboration id: person id}."""
    rnd, now = f.rnd, f.now
    collabs, deliverables, contents, ratings, strikes = [], [], [], [], []
    collab_person = {}
    for cid in range(1, f.scale.collaborations + 1):
        person = rnd.choice(people.influencer_ids)
        agreed = f.past(f.span_days, 1)
        status = weighted(rnd, OPEN_COLLAB if now - agreed < timedelta(days=OPEN_COLLAB_DAYS) else CLOSED_COLLAB)
        collabs.append((cid, person, f"{rnd.choice(PRODUCT_WORDS)} {rnd.choice(PRODUCT_NAMES)}", status,
                        agreed, rnd.choice([0, 0, 0, 2500, 5000]), ["@zilverenzo"], ["#gekregen", "#zilverenzo"],
                        "de ketting alsnog factureren tegen de winkelprijs", agreed - timedelta(days=2)))
        collab_person[cid] = person
        for _k in range(1 if rnd.random() < 0.7 else 2):
            _add_deliverable(f, cid, agreed, status, deliverables, contents)
        if status == "done" and rnd.random() < 0.6:
            ratings.append((cid, rnd.randint(2, 5), rnd.randint(2, 5), rnd.randint(1, 5), rnd.randint(1, 5),
                            rnd.random() < 0.85, "", agreed + timedelta(days=40)))
        if status == "failed" and rnd.random() < 0.5:
            strikes.append((person, cid, rnd.choice(["late", "communication", "guidelines"]),
                            "Deadline ruim voorbij", agreed + timedelta(days=35)))
    _insert(Collaboration, [Collaboration.id, Collaboration.person, Collaboration.title, Collaboration.status,
                            Collaboration.agreed_at, Collaboration.fee_cents, Collaboration.required_mentions,
                            Collaboration.required_hashtags, Collaboration.consequence,
                            Collaboration.created_at], collabs)
    _insert(Deliverable, [Deliverable.id, Deliverable.collaboration, Deliverable.kind, Deliverable.deadline,
                          Deliverable.delivered_at], deliverables)
    _insert(Content, [Content.collaboration, Content.deliverable, Content.url, Content.platform,
                      Content.posted_at, Content.caption, Content.shop_tagged, Content.hashtags_present,
                      Content.disclosure_ok, Content.views, Content.created_at], contents)
    _insert(Rating, [Rating.collaboration, Rating.communication, Rating.quality, Rating.punctuality,
                     Rating.result, Rating.work_again, Rating.note, Rating.created_at], ratings)
    _insert(Strike, [Strike.person, Strike.collaboration, Strike.reason, Strike.evidence,
                     Strike.created_at], strikes)
    counts.update(collaborations=len(collabs), deliverables=len(deliverables), contents=len(contents),
                  ratings=len(ratings), strikes=len(strikes))
    return collab_person


def _add_deliverable(f: _Filling, cid: int, agreed: datetime, status: str, deliverables: list, contents: list) -> None:
    """One deliverable of collaboration ``cid`` (ids follow the list), and its content if posted."""
    rnd = f.rnd
    did = len(deliverables) + 1
    deadline = (agreed + timedelta(days=rnd.uniform(10, 30))).replace(microsecond=0)
    delivered = None
    if status in ("done", "posted") or (status == "received" and rnd.random() < 0.3):
        delivered = min(deadline + timedelta(days=rnd.uniform(-5, 3)), f.now).replace(microsecond=0)
    deliverables.append((did, cid, rnd.choice(["post", "story", "reel", "tiktok"]), deadline, delivered))
    if delivered and rnd.random() < 0.5:
        contents.append((cid, did, f"https://www.instagram.com/p/b{did}/", "instagram", delivered,
                         "Gekregen van @zilverenzo #gekregen", True, ["#gekregen"], rnd.random() < 0.9,
                         int(rnd.lognormvariate(8, 1)), delivered))


def _fill_orders(f: _Filling, people: _People, prices: dict[int, int], counts: dict[str, int]) -> dict[int, int]:
    """Custom orders; returns {order id: person id}."""
    rnd, scale = f.rnd, f.scale
    orders, order_person = [], {}
    today = f.now.date()
    for oid in range(1, scale.custom_orders + 1):
        person = rnd.choice(people.customer_ids)
        ordered = today - timedelta(days=rnd.randint(1, f.span_days))
        status = weighted(rnd, OPEN_ORDER if (today - ordered).days <= OPEN_ORDER_DAYS else CLOSED_ORDER)
        open_ = status in ("new", "in_production", "ready")
        ready = ordered + timedelta(days=rnd.randint(5, 14))
        product = rnd.randint(1, scale.products)
        orders.append((oid, person, f"#{10000 + oid}", product, f"Naam: {rnd.choice(FIRST)}", prices[product],
                       ordered, ready, ready + timedelta(days=2), status,
                       [{"text": "Graveren", "done": not open_}, {"text": "Inpakken", "done": not open_}],
                       datetime.combine(ordered, datetime.min.time()).replace(hour=10)))
        order_person[oid] = person
    _insert(CustomOrder, [CustomOrder.id, CustomOrder.person, CustomOrder.order_number, CustomOrder.product,
                          CustomOrder.personalisation, CustomOrder.price_cents, CustomOrder.ordered_on,
                          CustomOrder.promised_ready, CustomOrder.promised_delivery, CustomOrder.status,
                          CustomOrder.checklist, CustomOrder.created_at], orders)
    counts["custom_orders"] = len(orders)
    return order_person


def _fill_shipments(f: _Filling, people: _People, prices: dict[int, int], collab_person: dict[int, int],
                    order_person: dict[int, int], counts: dict[str, int]) -> list[int]:
    """Parcels to influencers (for a collaboration) and customers (for an order), with
    their items; returns the person of each shipment (id - 1 as index)."""
    rnd, scale, now = f.rnd, f.scale, f.now
    shipments, items = [], []
    for sid in range(1, scale.shipments + 1):
        if rnd.random() < 0.8:
            collab, order = rnd.randint(1, scale.collaborations), None
            person = collab_person[collab]
        else:
            collab, order = None, rnd.randint(1, scale.custom_orders)
            person = order_person[order]
        sent = f.past(f.span_days, 0.5)
        recent = now - sent < timedelta(days=10)
        status = rnd.choice(["sent", "ready", "delivered"]) if recent else rnd.choice(["received", "delivered", "received"])
        carrier = rnd.choice(CARRIERS_BE if people.country_of[person] == "BE" else CARRIERS_NL)
        product = rnd.randint(1, scale.products)
        shipments.append((
            sid, person, collab, order, carrier, f"3S{f.seed:02d}{sid:09d}", status,
            None if status == "ready" else sent,
            sent + timedelta(days=2) if status in ("delivered", "received") else None,
            sent + timedelta(days=3) if status == "received" else None,
            prices[product], 495 if people.country_of[person] == "NL" else 795, sent - timedelta(hours=2),
        ))
        items.append((sid, product, 1))
        if rnd.random() < 0.3:
            items.append((sid, rnd.randint(1, scale.products), 1))
    _insert(Shipment, [Shipment.id, Shipment.person, Shipment.collaboration, Shipment.custom_order,
                       Shipment.carrier, Shipment.tracking_code, Shipment.status, Shipment.sent_at,
                       Shipment.delivered_at, Shipment.received_at, Shipment.value_cents,
                       Shipment.shipping_cents, Shipment.created_at], shipments)
    _insert(ShipmentItem, [ShipmentItem.shipment, ShipmentItem.product, ShipmentItem.quantity], items)
    counts.update(shipments=len(shipments), shipment_items=len(items))
    return [s[1] for s in shipments]


def _fill_events(f: _Filling, people: _People, collab_person: dict[int, int], shipment_person: list[int],
                 counts: dict[str, int]) -> None:
    """Timeline events, oldest first (ids follow time, as in real use)."""
    rnd, scale = f.rnd, f.scale
    moments = sorted(f.past(f.span_days) for _ in range(scale.events))
    events = []
    for at in moments:
        kind = weighted(rnd, EVENT_KINDS)
        if kind in ("message", "reminder", "note", "status", "strike", "rating") or rnd.random() < 0.5:
            person = rnd.choice(people.influencer_ids if rnd.random() < 0.9 else people.customer_ids)
            subject_type, subject_id = "", None
        elif kind == "shipment":
            subject_type, subject_id = "shipment", rnd.randint(1, scale.shipments)
            person = shipment_person[subject_id - 1]
        else:
            subject_type, subject_id = "collaboration", rnd.randint(1, scale.collaborations)
            person = collab_person[subject_id]
        channel = rnd.choice(["instagram", "email", "whatsapp", "tiktok"]) if kind in ("message", "reminder") else ""
        direction = rnd.choice(["in", "out"]) if kind == "message" else ("out" if kind == "reminder" else "none")
        text = rnd.choice(MESSAGES) if kind in ("message", "note") else f"{kind}: {rnd.choice(PRODUCT_NAMES)}"
        events.append((at, kind, channel, direction, text, person, subject_type, subject_id,
                       "final" if kind == "reminder" and rnd.random() < 0.1 else ""))
    _insert(Event, [Event.at, Event.kind, Event.channel, Event.direction, Event.text, Event.person,
                    Event.subject_type, Event.subject_id, Event.step], events, batch=500)
    counts["events"] = len(events)


def write_products_csv(path: Path, rows: int, seed: int) -> int:
    """A WooCommerce product export of exactly ``rows`` rows: simple products, and
    variable products followed by their variations (Parent = the parent's SKU)."""
    rnd = random.Random(seed * 7919 + rows)
    path.parent.mkdir(parents=True, exist_ok=True)
    written, next_id = 0, 1000
    with open(path, "w", encoding="utf-8-sig", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(WOO_HEADER)

        def row(**cells) -> None:
            nonlocal written
            out.writerow([cells.get(h, "") for h in WOO_HEADER])
            written += 1

        while written < rows:
            next_id += 1
            word, name = rnd.choice(PRODUCT_WORDS), rnd.choice(PRODUCT_NAMES)
            category = f"Sieraden > {rnd.choice(CATEGORIES)}"
            price = f"{rnd.choice([14, 19, 24, 29, 34, 39, 44, 54, 64])}.95"
            sale = f"{int(float(price)) - 5}.95" if rnd.random() < 0.15 else ""
            sku = f"ZE{next_id:06d}"
            image = f"https://zilverenzo.example/wp-content/uploads/2025/{next_id % 12 + 1:02d}/{sku.lower()}.jpg"
            common = {"Published": "1", "Is featured?": "0", "Visibility in catalog": "visible",
                      "Short description": f"{word} {name} van gerecycled zilver.", "Tax status": "taxable",
                      "In stock?": "1", "Backorders allowed?": "0", "Sold individually?": "0",
                      "Allow customer reviews?": "1", "Categories": category, "Tags": rnd.choice(TAGS),
                      "Images": image, "Position": "0", "Meta: _wpcom_is_markdown": "1"}
            variants = rows - written - 1
            if rnd.random() < 0.25 and variants >= 2:
                count = min(rnd.randint(2, 4), variants)
                values = rnd.sample(MATERIALS + ["45 cm", "50 cm"], count)
                row(ID=next_id, Type="variable", SKU=sku, Name=f"{word} {name}", **common,
                    **{"Attribute 1 name": "Uitvoering", "Attribute 1 value(s)": ", ".join(values),
                       "Attribute 1 visible": "1", "Attribute 1 global": "1"})
                parent = sku
                for position, value in enumerate(values, start=1):
                    next_id += 1
                    row(ID=next_id, Type="variation", SKU=f"{parent}-{position}", Name=f"{word} {name} - {value}",
                        Published="1", **{"Visibility in catalog": "visible", "Tax status": "taxable",
                                          "Tax class": "parent", "In stock?": "1", "Stock": str(rnd.randint(0, 40)),
                                          "Regular price": price, "Sale price": sale, "Parent": parent,
                                          "Position": str(position), "Images": image,
                                          "Attribute 1 name": "Uitvoering", "Attribute 1 value(s)": value,
                                          "Attribute 1 global": "1"})
            else:
                row(ID=next_id, Type="simple", SKU=sku, Name=f"{word} {name}", **common,
                    Stock=str(rnd.randint(0, 60)), **{"Regular price": price, "Sale price": sale,
                                                      "Weight (lbs)": ".1"})
    return written


def data_dir_for(scale: str, seed: int = DEFAULT_SEED) -> Path:
    return DATA_ROOT / f"{scale}-seed{seed}"


def generate(scale_name: str, seed: int = DEFAULT_SEED, out: Path | None = None, force: bool = False,
             now: datetime | None = None, quiet: bool = False) -> dict:
    """Make (or reuse) the data dir for ``scale_name``; returns its manifest."""
    scale = SCALES[scale_name]
    out = Path(out) if out else data_dir_for(scale_name, seed)
    manifest_path = out / "manifest.json"
    if manifest_path.exists() and not force:
        manifest = json.loads(manifest_path.read_text())
        wanted = (GENERATOR_VERSION, scale_name, seed, migrations.CURRENT_VERSION)
        if (manifest.get("version"), manifest.get("scale"), manifest.get("seed"), manifest.get("schema")) == wanted:
            return manifest
    if out.exists():
        for name in ("afspraak.sqlite3", "afspraak.sqlite3-wal", "afspraak.sqlite3-shm", "manifest.json",
                     "products-woocommerce.csv"):
            (out / name).unlink(missing_ok=True)
        for folder in ("backups", "logs"):
            for f in sorted((out / folder).glob("*")) if (out / folder).exists() else []:
                f.unlink()
    now = now or default_anchor()
    started = time.perf_counter()
    close_database()
    open_database(out / "afspraak.sqlite3")
    try:
        counts = fill(scale, now, seed)
        db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        close_database()
    csv_rows = write_products_csv(out / "products-woocommerce.csv", scale.csv_rows, seed)
    manifest = {
        "version": GENERATOR_VERSION, "scale": scale_name, "seed": seed, "schema": migrations.CURRENT_VERSION,
        "now": now.isoformat(),
        "counts": counts, "csv_rows": csv_rows, "scale_spec": asdict(scale),
        "seconds": round(time.perf_counter() - started, 2),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2))
    if not quiet:
        print(f"generated {scale_name} (seed {seed}) in {manifest['seconds']} s: {out}")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, help="data dir to write (default: bench/data/<scale>-seed<seed>)")
    parser.add_argument("--force", action="store_true", help="regenerate even when a matching dir exists")
    args = parser.parse_args(argv)
    manifest = generate(args.scale, args.seed, args.out, force=args.force)
    print(json.dumps(manifest["counts"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
