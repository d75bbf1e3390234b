"""`afspraak demo`: fill an empty database with a believable Dutch/Belgian jewellery shop.

Everything is dated relative to ``now`` so the demo always looks current: deadlines a few
days past (one for every step of the follow-up ladder, the earlier steps sent), a parcel waiting for its
"received?" check-in, an influencer who delivered on time, custom orders near their
promised dates, and a few months of timeline. Names and handles are invented.

The example is made in the language the app runs in (the CLI's --lang, the saved or the
system's language; the window's when loaded from Vandaag): what the owner herself would
have typed (a status reason, a strike's note, a checklist, a rating, the summary of a
message she sent) goes through the catalogs. What is addressed to the other side stays in
the recipient's language, Dutch, as the shop would write it: the catalogue's product names,
an agreement's title and terms (the ready messages quote them), a customer's personalisation;
and so do the influencers' own words (a message received, a caption), quoted as written.

The messages on the timeline follow each collaboration's story: nothing about a parcel
before it was sent, no thanks before it arrived, nothing from someone who went quiet, and
nothing in the days the follow-up ladder is counting (an answer would stop it).

The app offers it on an empty database ("Voorbeeldwinkel laden" in Vandaag's getting-started
list) and takes it out again in one step (``remove``): ``fill`` records the id of every row
it made in the ``example_shop`` setting, and ``remove`` deletes exactly those, and what the
owner did while trying them out (a reminder marked sent, a strike, a note on an example
influencer), in one transaction. Anything else (a product, person or order of her own)
makes it refuse and change nothing.
"""

from __future__ import annotations

import math
import random
from datetime import date, datetime, timedelta

from peewee import ForeignKeyField

from desktop.domain import carriers, workdays
from desktop.domain import orders as order_rules
from desktop.domain.message_rules import default_form
from desktop.i18n import N_, _

from desktop.store.db import db
from desktop.store.models import (
    Collaboration,
    CollaborationProduct,
    Content,
    CustomOrder,
    Deliverable,
    Event,
    Handle,
    OrderDateChange,
    Person,
    Product,
    Rating,
    Shipment,
    ShipmentItem,
    Strike,
)
from desktop.store.first_run import DATA_MODELS, is_empty
from desktop.store.shipping import title_of


class DatabaseNotEmpty(Exception):
    pass


class NoExampleShop(Exception):
    """There is no example shop to remove."""


class ExampleShopChanged(Exception):
    """Rows that are not the example's (nor made on its rows) are in the database: removing
    it in one step would take them too, or leave them dangling. ``what`` names the table."""

    def __init__(self, what: str):
        super().__init__(what)
        self.what = what


# Rows made while trying the example out may still be removed with it, unless they keep
# files of their own (pictures copied into the data folder) or have no link to it at all.
_KEEPS_FILES = {"order_picture", "content_evidence"}
# The names the messages are signed with while the example shop is loaded.
EXAMPLE_NAMES = {"shop_name": "Zilver & Zo", "owner_name": "Eva"}


PRODUCTS = [
    ("ZK-001", "Zilveren ketting Maan", "", 3495, 900, "Kettingen"),
    ("ZK-002", "Zilveren ketting Ster", "", 3495, 900, "Kettingen"),
    ("GK-010", "Gouden schakelketting", "45 cm", 5995, 2100, "Kettingen"),
    ("GK-011", "Gouden schakelketting", "50 cm", 6495, 2300, "Kettingen"),
    ("OR-101", "Oorbellen Druppel", "zilver", 2495, 600, "Oorbellen"),
    ("OR-102", "Oorbellen Druppel", "goud", 2795, 750, "Oorbellen"),
    ("OR-110", "Creolen klein", "", 1995, 450, "Oorbellen"),
    ("AR-201", "Armband met initiaal", "", 2995, 700, "Armbanden"),
    ("AR-202", "Schakelarmband Luna", "", 3995, 1100, "Armbanden"),
    ("AR-203", "Kralenarmband Zomer", "", 1795, 400, "Armbanden"),
    ("RI-301", "Ring Golf", "maat 16", 2495, 650, "Ringen"),
    ("RI-302", "Ring Golf", "maat 17", 2495, 650, "Ringen"),
    ("RI-310", "Zegelring met letter", "", 4495, 1300, "Ringen"),
    ("SH-401", "Sleutelhanger met letter", "", 1495, 300, "Maatwerk"),
    ("SH-402", "Sleutelhanger met naam", "", 1995, 400, "Maatwerk"),
    ("NK-501", "Naamketting", "zilver", 4295, 1200, "Maatwerk"),
    ("NK-502", "Naamketting", "goud", 5495, 1800, "Maatwerk"),
    ("GB-601", "Geboortesteen hanger", "", 3295, 850, "Hangers"),
    ("CD-701", "Cadeaubon", "€ 25", 2500, None, "Cadeaubonnen"),
    ("VP-801", "Sieradendoosje fluweel", "", 995, 250, "Accessoires"),
]

# What the agreed consequence calls the gift, by the first letters of its SKU: the
# consequence names the product of ITS collaboration ("de ring alsnog factureren ...").
GIFT_WORDS = {"ZK": "de ketting", "GK": "de ketting", "NK": "de ketting", "OR": "de oorbellen", "AR": "de armband",
              "RI": "de ring", "SH": "de sleutelhanger", "GB": "de hanger", "VP": "het sieradendoosje",
              "CD": "de cadeaubon"}


def consequence_for(sku: str) -> str:
    """The consequence the example shop agrees on: the gift billed at the shop price."""
    return f"{GIFT_WORDS.get(sku[:2], 'het product')} alsnog factureren tegen de winkelprijs"


# The tags the owner gave her influencers (translated when the example is made).
# TRANSLATORS: example data: a tag the owner of the invented example shop gave an influencer.
LIFESTYLE = N_("lifestyle")
# TRANSLATORS: example data: a tag the owner of the invented example shop gave an influencer.
JEWELLERY = N_("jewellery")
# TRANSLATORS: example data: a tag the owner of the invented example shop gave an influencer (mum influencers).
MUMS = N_("mums")
# TRANSLATORS: example data: a tag the owner of the invented example shop gave an influencer.
FASHION = N_("fashion")

# (name, instagram, tiktok, followers, country, form, tags, city, postcode, street)
INFLUENCERS = [
    ("Sanne de Vries", "sanne.styled", "sannestyled", 18400, "NL", "je", [LIFESTYLE, JEWELLERY],
     "Utrecht", "3511 AB", "Oudegracht 12"),
    ("Lotte Janssens", "lotte.leeft", "", 9200, "BE", "je", [MUMS, LIFESTYLE], "Gent", "9000", "Veldstraat 40"),
    ("Noor Bakker", "noorbakker", "noor.bakt", 31000, "NL", "je", [JEWELLERY, FASHION], "Amsterdam", "1012 AB", "Damrak 70"),
    ("Fleur Peeters", "fleur.en.zo", "", 5600, "BE", "u", [MUMS], "Antwerpen", "2000", "Meir 8"),
    ("Emma Visser", "emmavisser.nl", "emmavisser", 12700, "NL", "je", [FASHION], "Rotterdam", "3011 AD", "Coolsingel 30"),
    ("Julia Mertens", "julia.mertens", "juliam", 22500, "BE", "je", [JEWELLERY], "Leuven", "3000", "Bondgenotenlaan 5"),
    ("Mila Smit", "mila.smit", "", 7300, "NL", "je", [LIFESTYLE], "Groningen", "9711 AA", "Herestraat 15"),
    ("Tess van Dijk", "tess.vandijk", "tessvd", 44000, "NL", "je", [FASHION, JEWELLERY], "Den Haag", "2511 AA", "Spui 20"),
    ("Yara Claes", "yara.claes", "", 3900, "BE", "je", [MUMS, JEWELLERY], "Brugge", "8000", "Steenstraat 3"),
    ("Anouk Mulder", "anouk.mulder", "anoukm", 15100, "NL", "u", [LIFESTYLE], "Eindhoven", "5611 AA", "Markt 4"),
    ("Femke de Boer", "femkedeboer", "", 8800, "NL", "je", [MUMS], "Zwolle", "8011 AA", "Diezerstraat 9"),
    ("Lien Wouters", "lien.wouters", "lienw", 26300, "BE", "je", [FASHION], "Hasselt", "3500", "Grote Markt 1"),
]

CUSTOMERS = [
    ("Marieke Hendriks", "marieke.h@example.nl", "NL", "Amersfoort", "3811 AA", "Langestraat 2"),
    ("Kevin Jacobs", "kevin.jacobs@example.be", "BE", "Mechelen", "2800", "Bruul 11"),
    ("Ingrid van Leeuwen", "ingrid.vl@example.nl", "NL", "Haarlem", "2011 AB", "Grote Houtstraat 50"),
    ("Sofie Maes", "sofie.maes@example.be", "BE", "Kortrijk", "8500", "Lange Steenstraat 7"),
    ("Daan Koster", "daan.koster@example.nl", "NL", "Nijmegen", "6511 AA", "Broerstraat 22"),
]


def _at(now: datetime, days: float, hour: int = 10) -> datetime:
    moment = now + timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)


def _deadline(now: datetime, days: float) -> datetime:
    """A deadline date ``days`` from the owner's today (rounded down: -0.6 is yesterday),
    stored as the collaboration dialog stores one: the end of that day, local time. So
    the ladder's steps (counted from the end of the deadline day) are due whatever the
    hour the demo is made at."""
    from desktop.clock import to_local
    from desktop.store.influencers import end_of_day_utc

    return end_of_day_utc(to_local(now).date() + timedelta(days=math.floor(days)))


def _climb_the_ladder(people: list, now: datetime) -> None:
    """The reminders the owner sent before today: the influencer whose deadline passed k
    days ago got steps 1 to k-1, one a morning from the day after her deadline (marked
    sent at the end of the quiet hours), so today, whatever the hour, each of the four is
    at another step of the ladder (1 to 4). The ladder is climbed a rung at a time
    (domain/followup.py): without these, all four would be at step 1."""
    from desktop.clock import local_to_utc, to_local
    from desktop.presentation import due_texts
    from desktop.store import due

    morning = due.ladder_settings().quiet_end
    target = {person.id: rung for rung, person in enumerate(people, start=1)}
    for _rung in range(len(people)):
        behind = [item for item in due.plan(now) if item.kind == "deliverable"
                  and item.person_id in target and item.step.isdigit() and int(item.step) < target[item.person_id]]
        if not behind:
            return
        for item in behind:
            deadline_day = to_local(item.parts[0].reference).date()  # 23:59 that day
            sent = local_to_utc(datetime.combine(deadline_day + timedelta(days=int(item.step)), morning))
            due.mark_sent(item, sent, item.channel, due_texts.compose(item, sent).body)


# Her words, as she wrote them (Dutch: every example influencer writes Dutch), and the
# owner's summary of what she sent (in the owner's language, made when the example is).
# Each belongs to a stage of a collaboration (_stages): said inside it, never outside;
# in the stages of REPLIES she answers the shop's message of that stage, so only after it.
REPLIES = ("proposal", "agreed", "posted")
HER_WORDS = {
    "proposal": "Leuk, ik doe graag mee! Wat hadden jullie in gedachten?",
    "agreed": "Mijn adres staat in de mail. Ik kijk ernaar uit!",
    "underway": "Wanneer komt het ongeveer aan?",
    "arrived": "Het sieraad is echt prachtig, ik draag het elke dag!",
    "making": "Hier zijn de foto's, mogen ze zo online?",
    "posted": "Graag gedaan, de reacties zijn superleuk!",
}


def _owner_words() -> dict[str, str]:
    return {
        # TRANSLATORS: example data: the owner's note of a message she sent in the invented example shop.
        "proposal": _("Proposed a collaboration"),
        # TRANSLATORS: example data: the owner's note of a message she sent in the invented example shop.
        "agreed": _("Confirmed what we agreed and asked for her address"),
        # TRANSLATORS: example data: the owner's note of a message she sent in the invented example shop.
        "making": _("Asked how it is going"),
        # TRANSLATORS: example data: the owner's note of a message she sent in the invented example shop.
        "posted": _("Thanked her for the post"),
        # TRANSLATORS: example data: the owner's note of a message she sent in the invented example shop,
        # to an influencer who did not post by the deadline.
        "missed": _("Asked again when it would be posted"),
    }


def _stages(collab, parcel, deliverables, end: datetime) -> list[tuple[str, datetime, datetime]]:
    """Where one collaboration stood when: (stage, from, until), until at most ``end``.
    Proposal before it was agreed; agreed until the parcel went; underway until it
    arrived; arrived (and making the content) until the first deadline or post; posted
    after it; missed after a deadline that passed without one."""
    agreed = collab.agreed_at
    sent = parcel.sent_at if parcel else None
    received = parcel.received_at if parcel else None
    posted = min((d.delivered_at for d in deliverables if d.delivered_at), default=None)
    deadline = min(d.deadline for d in deliverables)
    stages = [("proposal", agreed - timedelta(days=12), agreed), ("agreed", agreed, sent or end)]
    if sent:
        stages.append(("underway", sent, received or end))
    if received:
        stages.append(("arrived", received, min(posted or deadline, received + timedelta(days=4))))
        stages.append(("making", received, posted or deadline))
    if posted:
        stages.append(("posted", posted, end))
    elif deadline < end:
        stages.append(("missed", deadline, end))
    return [(stage, start, min(until, end)) for stage, start, until in stages if start < min(until, end)]


def _story(person, now: datetime) -> tuple:
    """One influencer's collaboration, its parcel, its stages (_stages) and the moment she
    stopped answering (None: she did not), for the messages around them. The stages end
    where a promise the follow-up ladder counts began (an open deadline, a parcel not yet
    confirmed): an answer after it would stop the ladder the example shows."""
    from desktop.store.promises.registry import ACTIVE_COLLABS

    collab = Collaboration.get(Collaboration.person == person)
    parcel = Shipment.get_or_none(Shipment.collaboration == collab)
    deliverables = list(Deliverable.select().where(Deliverable.collaboration == collab))
    counting = [d.deadline for d in deliverables if d.delivered_at is None and collab.status in ACTIVE_COLLABS]
    if parcel and parcel.received_at is None:
        counting.append(parcel.sent_at)
    end = min(counting + [now - timedelta(days=2)])
    return collab, parcel, deliverables, _stages(collab, parcel, deliverables, end)


def _fitting(story: tuple, at: datetime, said: dict, owner: dict, quiet_from: datetime | None) -> list[tuple]:
    """What may be said at ``at`` in this story: (direction, stage, text, (subject type, id) or None),
    each stage's words once per side; her answer only after the shop's message it answers,
    nothing from her after ``quiet_from``, and photos to approve only from someone who posted."""
    collab, parcel, deliverables, stages = story
    person_id = collab.person_id
    options = []
    for stage, start, until in stages:
        if not start < at < until:
            continue
        if stage in owner and (person_id, stage, "out") not in said:
            options.append(("out", stage, owner[stage], None))
        asked = said.get((person_id, stage, "out"))
        if stage in REPLIES and (asked is None or asked >= at):
            continue  # nothing to answer yet
        if stage == "making" and not any(d.delivered_at and at < d.delivered_at for d in deliverables):
            continue
        if stage in HER_WORDS and (person_id, stage, "in") not in said and (quiet_from is None or at < quiet_from):
            about = ("shipment", parcel.id) if stage in ("underway", "arrived") else ("collaboration", collab.id)
            options.append(("in", stage, HER_WORDS[stage], about))
    return options


def _chat(people: list, now: datetime, rnd: random.Random, went_quiet: dict) -> None:
    """The messages of a few months, one every third day, each one that fits where the
    person's collaboration stood at that moment (_story, _fitting).

    ``went_quiet``: person -> (when she stopped answering, None: at her deadline;
    the strike for poor communication, None: none): from then on only the shop writes,
    and before such a strike three of its messages went unanswered."""
    owner = _owner_words()
    stories = {person.id: _story(person, now) for person in people}
    quiet = {pid: went_quiet[pid][0] or min(d.deadline for d in stories[pid][2])
             for pid in went_quiet}
    said: dict[tuple[int, str, str], datetime] = {}
    for person_id, (_quiet, strike_at) in went_quiet.items():
        if strike_at is not None:  # her unanswered messages are written below
            said[person_id, "making", "out"] = strike_at
    for day in range(120, 2, -3):
        at = _at(now, -day, 9 + rnd.randrange(9))
        first = rnd.randrange(len(people))
        for person in people[first:] + people[:first]:
            options = _fitting(stories[person.id], at, said, owner, quiet.get(person.id))
            if options:
                direction, stage, text, about = rnd.choice(options)
                said[person.id, stage, direction] = at
                subject_type, subject_id = about or ("", None)
                Event.create(at=at, kind="message", channel=rnd.choice(["instagram", "email", "whatsapp"]),
                             direction=direction, text=text, person=person, subject_type=subject_type,
                             subject_id=subject_id)
                break
    # She stopped answering: three messages before the strike that says so.
    for person_id, (_quiet, strike_at) in went_quiet.items():
        if strike_at is None:
            continue
        for days_before in (8, 5, 2):
            Event.create(at=strike_at - timedelta(days=days_before, hours=rnd.randrange(1, 4)), kind="message",
                         channel="instagram", direction="out", text=owner["making"], person=person_id)


def loaded() -> bool:
    """The example shop is in the database (and was not removed)."""
    from desktop.store import settings

    return bool(settings.get("example_shop"))


def _sign_with_example_names() -> dict[str, str]:
    """The names the follow-up messages are signed with (editable in the settings): the
    example's own, unless the owner already gave hers. Returns those it set."""
    from desktop.store import settings

    names_set = {}
    for key, value in EXAMPLE_NAMES.items():
        if not settings.get(key):
            settings.set(key, value)
            names_set[key] = value
    return names_set



def _shop_day(today: date, days: int, shop) -> date:
    """The example shop's date ``days`` from ``today`` on a working day of the shop (``shop``:
    her country and weekends, ``clock.OwnerTime``), as the order form proposes one: a date to
    come moves on to the next working day (``orders.default_ready``: never "ready on Sunday 27
    December"), one gone by back to the working day before it, so a late order stays late."""
    if days >= 0:
        return order_rules.default_ready(today, days, shop.country, shop.skip_weekends)
    day = today + timedelta(days=days)
    while not workdays.is_working_day(day, shop.country, shop.skip_weekends):
        day -= timedelta(days=1)
    return day

def fill(now: datetime, seed: int = 7) -> dict[str, int]:
    """Fill the (empty) database; returns counts. Raises DatabaseNotEmpty otherwise."""
    if not is_empty():
        raise DatabaseNotEmpty()
    rnd = random.Random(seed)
    with db.atomic():
        from desktop.store import settings

        names_set = _sign_with_example_names()
        products = []
        for sku, name, variant, price, cost, category in PRODUCTS:
            products.append(
                Product.create(
                    key=sku, sku=sku, name=name, variant=variant, price_cents=price, cost_cents=cost,
                    category=category, source="manual", created_at=now - timedelta(days=200),
                )
            )
        people = []
        for i, (name, ig, tt, followers, country, form, tags, city, pc, street) in enumerate(INFLUENCERS):
            first = name.split()[0].lower()
            p = Person.create(
                name=name, is_influencer=True, email=f"{first}@example.{country.lower()}",
                phone=f"+31 6 1234 56{i:02d}" if country == "NL" else f"+32 470 12 34 {i:02d}",
                whatsapp="" if i % 3 else (f"+31 6 1234 56{i:02d}" if country == "NL" else ""),
                street=street, postcode=pc, city=city, country=country, language="nl",
                address_form=form, tags=[_(tag) for tag in tags], created_at=now - timedelta(days=150 - i),
            )
            Handle.create(person=p, platform="instagram", name=ig, followers=followers,
                          url=f"https://www.instagram.com/{ig}/")
            if tt:
                Handle.create(person=p, platform="tiktok", name=tt, followers=followers // 2,
                              url=f"https://www.tiktok.com/@{tt}")
            people.append(p)

        def collab(person, agreed_days_ago, title, status, deliverables, product_idx, sent_days_ago=None,
                   received_days_ago=None):
            c = Collaboration.create(
                person=person, title=title, status=status, agreed_at=_at(now, -agreed_days_ago),
                required_mentions=["@zilverenzo"], required_hashtags=["#gekregen", "#zilverenzo"],
                response_days=3, consequence=consequence_for(products[product_idx].sku),
                created_at=_at(now, -agreed_days_ago - 2),
                dos="Eigen foto's, daglicht, sieraad goed zichtbaar", donts="Kortingscodes van andere sieradenmerken delen",
            )
            Event.create(at=_at(now, -agreed_days_ago, 11), kind="agreement",
                         fact="collab_created", params={"status": "agreed", "title": title}, person=person,
                         subject_type="collaboration", subject_id=c.id)
            given = products[product_idx]
            CollaborationProduct.create(collaboration=c, product=given, quantity=1, value_cents=given.price_cents,
                                        name=title_of(given.name, given.variant))
            ds = []
            for kind, deadline_days in deliverables:
                ds.append(Deliverable.create(collaboration=c, kind=kind, deadline=_deadline(now, deadline_days)))
            if sent_days_ago is not None:
                prod = products[product_idx]
                # A code of the carrier's own shape (domain/carriers.py), with the link the app
                # builds for it: a Belgian parcel goes with bpost (24 digits, 3232…), a Dutch one
                # with PostNL (3S + customer code + serial). One draw either way.
                serial = rnd.randint(1000000, 9999999)
                carrier = "bpost" if person.country == "BE" else "postnl"
                code = f"3232{serial}{serial:07d}{serial % 1000000:06d}" if carrier == "bpost" else f"3SZLVR{serial}"
                s = Shipment.create(
                    person=person, collaboration=c, carrier=carrier, tracking_code=code,
                    tracking_url=carriers.tracking_link(carrier, code, person.postcode, person.country, person.language),
                    status="received" if received_days_ago is not None else "sent",
                    sent_at=_at(now, -sent_days_ago, 15),
                    received_at=_at(now, -received_days_ago, 12) if received_days_ago is not None else None,
                    value_cents=prod.price_cents or 0, shipping_cents=495 if person.country == "NL" else 795,
                    created_at=_at(now, -sent_days_ago, 14),
                )
                ShipmentItem.create(shipment=s, product=prod)
                Event.create(at=_at(now, -sent_days_ago, 15), kind="shipment", channel="", direction="none",
                             fact="shipment_sent", params={"carrier": s.carrier, "items": [[prod.name, 1]]},
                             person=person, subject_type="shipment", subject_id=s.id)
                if received_days_ago is not None:
                    Event.create(at=_at(now, -received_days_ago, 12), kind="message", channel="instagram", direction="in",
                                 text="Pakketje is binnen, dankjewel!", person=person, subject_type="shipment", subject_id=s.id)
            return c, ds

        # One influencer per ladder step (deadline 1..4 days ago: steps 1-4 due this
        # morning), one on time, one check-in.
        collab(people[0], 30, "Ketting Maan voor een reel", "received", [("reel", -0.6)], 0, 25, 23)
        collab(people[1], 32, "Oorbellen in een post", "received", [("post", -1.6)], 4, 27, 24)
        collab(people[2], 35, "Armband: post en TikTok", "received", [("post", -2.6), ("tiktok", 10)], 7, 30, 28)
        c4, _ds4 = collab(people[3], 40, "Ring Golf in stories", "received", [("story", -3.6)], 10, 33, 31)
        Strike.create(person=people[3], collaboration=c4, reason="communication",
                      # TRANSLATORS: example data: the note the owner of the invented example shop wrote with a strike.
                      evidence=_("Three messages left unanswered"), created_at=_at(now, -12))
        # posted on time
        c5, ds5 = collab(people[4], 45, "Naamketting in een post", "posted", [("post", -20)], 15, 40, 38)
        ds5[0].delivered_at = _at(now, -22)
        ds5[0].save()
        Content.create(collaboration=c5, deliverable=ds5[0], url="https://www.instagram.com/p/demo5/", platform="instagram",
                       posted_at=_at(now, -22), caption="Mijn nieuwe naamketting! Gekregen van @zilverenzo #gekregen #zilverenzo",
                       shop_tagged=True, hashtags_present=["#gekregen", "#zilverenzo"], disclosure_ok=True,
                       views=5400, likes=612, comments=48, link_clicks=91, code_uses=7, revenue_cents=26465)
        Event.create(at=_at(now, -22, 19), kind="content", channel="instagram", direction="in",
                     fact="content_posted", params={"deliverable": "post", "platform": "instagram"}, person=people[4],
                     subject_type="collaboration", subject_id=c5.id)
        # parcel sent 6 days ago, no word yet: "received?" check-in
        collab(people[5], 10, "Schakelarmband in een reel", "shipped", [("reel", 14)], 8, 6)
        # future deadlines
        collab(people[6], 5, "Oorbellen voor TikTok", "agreed", [("tiktok", 20)], 6)
        collab(people[7], 12, "Zegelring in post en story", "received", [("post", 9), ("story", 9)], 12, 3, 2)
        # done and rated
        c9, ds9 = collab(people[8], 90, "Geboortesteen hanger", "done", [("post", -60)], 17, 85, 83)
        ds9[0].delivered_at = _at(now, -61)
        ds9[0].save()
        Content.create(collaboration=c9, deliverable=ds9[0], url="https://www.instagram.com/p/demo9/", platform="instagram",
                       posted_at=_at(now, -61), caption="Zo mooi #zilverenzo", shop_tagged=True,
                       hashtags_present=["#zilverenzo"], disclosure_ok=False, views=2100, likes=240, comments=12)
        Rating.create(collaboration=c9, communication=5, quality=4, punctuality=5, result=3, work_again=True,
                      # TRANSLATORS: example data: the owner's note with a rating in the invented example shop.
                      note=_("Quick and friendly, but forgot #gekregen"), created_at=_at(now, -55))
        # over-delivered (seed 000): posted and a TikTok nobody asked for
        c10, ds10 = collab(people[11], 70, "Creolen in een post", "done", [("post", -40)], 6, 65, 63)
        ds10[0].delivered_at = _at(now, -42)
        ds10[0].save()
        Content.create(collaboration=c10, deliverable=ds10[0], url="https://www.instagram.com/p/demo10/", platform="instagram",
                       posted_at=_at(now, -42), caption="Gekregen van @zilverenzo #gekregen #reclame", shop_tagged=True,
                       hashtags_present=["#gekregen", "#reclame"], disclosure_ok=True, views=8800, likes=950, comments=77)
        Content.create(collaboration=c10, url="https://www.tiktok.com/@lienw/video/1", platform="tiktok",
                       posted_at=_at(now, -40), caption="Extra TikTok #reclame @zilverenzo", shop_tagged=True,
                       hashtags_present=["#reclame"], disclosure_ok=True, views=23000, likes=2100, comments=130)
        Rating.create(collaboration=c10, communication=5, quality=5, punctuality=5, result=5, work_again=True,
                      # TRANSLATORS: example data: the owner's note with a rating in the invented example shop.
                      note=_("Made a TikTok as well, without being asked"), created_at=_at(now, -38))
        # gone quiet for months (seed 000) and blocked
        c11, _ds11 = collab(people[9], 110, "Ketting Ster in een post", "failed", [("post", -95)], 1, 105, 100)
        people[9].status = "blocked"
        # TRANSLATORS: example data: why the owner of the invented example shop blocked an influencer.
        people[9].status_reason = _("No post after three months and three reminders")
        people[9].save()
        # Her post was due 95 days ago; the final notice (four days on) named a date a week
        # later, so the first strike came after that date, the others a month apart.
        for k in range(3):
            Strike.create(person=people[9], collaboration=c11, reason="late",
                          # TRANSLATORS: example data: the note the owner of the invented example shop wrote with a strike.
                          evidence=_("Deadline long past"), created_at=_at(now, -83 + k * 30))
        # proposed only
        collab(people[10], 1, "Sieradendoosje in een story", "proposed", [("story", 21)], 19)
        _climb_the_ladder(people[:4], now)

        customers = []
        for name, email, country, city, pc, street in CUSTOMERS:
            # the form of address a new customer gets (u for a Dutch-speaking Belgian), and
            # Ingrid, who prefers u
            form = "u" if "Ingrid" in name else default_form(country, "nl")
            customers.append(Person.create(name=name, is_customer=True, email=email, country=country, city=city,
                                           postcode=pc, street=street, address_form=form))
        from desktop.clock import owner, to_local

        today = to_local(now).date()  # the owner's today, also just after midnight
        shop = owner()  # her country and weekends: the days the shop names (domain/workdays.py)
        # TRANSLATORS: example data: a to-do on a custom order of the invented example shop.
        engrave = _("Engrave")
        # TRANSLATORS: example data: a to-do on a custom order of the invented example shop.
        pack = _("Pack")
        orders = [
            (customers[0], "#1041", 13, "Letter M", "new", -2, 6),
            (customers[1], "#1038", 14, "Naam: Lotte", "in_production", -6, 1),
            (customers[2], "#1033", 15, "Naam: Ingrid, sierlijk lettertype", "in_production", -10, -1),
            (customers[3], "#1029", 16, "Naam: Mila", "ready", -12, 0),
            (customers[4], "#1020", 12, "Letter D", "delivered", -25, -14),
        ]
        for person, number, pidx, text, status, ordered, ready in orders:
            promised = _shop_day(today, ready, shop)
            o = CustomOrder.create(
                person=person, order_number=number, product=products[pidx], personalisation=text,
                price_cents=products[pidx].price_cents, deposit_cents=0, ordered_on=today + timedelta(days=ordered),
                promised_ready=promised, promised_delivery=max(promised, _shop_day(today, ready + 2, shop)),
                status=status, checklist=[{"text": engrave, "done": status != "new"}, {"text": pack, "done": False}],
                created_at=_at(now, ordered),
            )
            Event.create(at=_at(now, ordered, 9), kind="order", channel="email", direction="out",
                         fact="order_confirmed", params={"number": number}, person=person,
                         subject_type="custom_order", subject_id=o.id)
            if status != "new":
                Event.create(at=_at(now, ordered + 1, 10), kind="status", step="in_production", person=person,
                             fact="order_status", params={"number": number, "old": "new", "new": "in_production"},
                             subject_type="custom_order", subject_id=o.id)
            if number == "#1038":  # a promise that moved once, with its reason, and the customer told
                told = Event.create(
                    at=_at(now, -4, 11), kind="message", channel="email", direction="out", step="order_delay",
                    person=person, subject_type="custom_order", subject_id=o.id,
                    # TRANSLATORS: example data: a message of the invented example shop's owner
                    # to a Belgian customer (addressed formally, "u" in Dutch): his custom order
                    # will be ready a few days later.
                    text=_("Sorry, the silver tags came in later than planned, so your keychain will be ready "
                           "a few days later. Thank you for your patience!"))
                OrderDateChange.create(custom_order=o, field="promised_ready", old_date=_shop_day(today, ready - 3, shop),
                                       new_date=promised, changed_at=_at(now, -4, 11),
                                       # TRANSLATORS: example data: why the owner of the invented example shop
                                       # moved a custom order's ready date.
                                       reason=_("The silver tags arrived later than the supplier promised"),
                                       event=told)
        # a few months of messages, as each collaboration's story allows
        # Fleur stopped answering ten days before her strike; Anouk at her deadline.
        _chat(people, now, rnd, went_quiet={people[3].id: (_at(now, -22), _at(now, -12)), people[9].id: (None, None)})
        # What is the example's: every row there is now (the database was empty).
        rows = {model._meta.table_name: [row[0] for row in model.select(model.id).tuples()] for model in DATA_MODELS}
        settings.set("example_shop", {"rows": {table: ids for table, ids in rows.items() if ids}, "names": names_set})
    return {
        "people": Person.select().count(),
        "products": Product.select().count(),
        "shipments": Shipment.select().count(),
        "orders": CustomOrder.select().count(),
        "events": Event.select().count(),
    }


def _example_rows(recorded: dict[str, list[int]]) -> dict[str, set[int]]:
    """The rows to remove, per table: those ``fill`` made, and those made on them since
    (every foreign key set points at a row to remove). Raises ExampleShopChanged at the
    first row that is the owner's own. The models are in ALL_MODELS order: a row's
    parents come before it."""
    example: dict[str, set[int]] = {}
    for model in DATA_MODELS:
        table = model._meta.table_name
        known = set(recorded.get(table, ()))
        keys = [field for field in model._meta.sorted_fields if isinstance(field, ForeignKeyField)]
        columns = [model.id] + keys
        ids = set()
        for row in model.select(*columns).tuples():
            row_id, parents = row[0], row[1:]
            if row_id in known:
                ids.add(row_id)
                continue
            linked = [(field, value) for field, value in zip(keys, parents) if value is not None]
            made_on_example = table not in _KEEPS_FILES and bool(linked) and all(
                value in example.get(field.rel_model._meta.table_name, ()) for field, value in linked)
            if not made_on_example:
                raise ExampleShopChanged(table)
            ids.add(row_id)
        example[table] = ids
    return example


def remove() -> dict[str, int]:
    """Take the example shop out again, in one transaction; returns the rows removed per
    table. Raises NoExampleShop, or ExampleShopChanged (nothing changed) when the owner's
    own data is in the database too."""
    from desktop.store import settings

    with db.atomic():
        record = settings.get("example_shop")
        if not record:
            raise NoExampleShop()
        example = _example_rows(record.get("rows", {}))
        removed = {}
        for model in reversed(DATA_MODELS):  # children first (a product is RESTRICTed by its parcels)
            ids = sorted(example[model._meta.table_name])
            count = 0
            for start in range(0, len(ids), 500):
                count += model.delete().where(model.id.in_(ids[start:start + 500])).execute()
            if count:
                removed[model._meta.table_name] = count
        for key, value in record.get("names", {}).items():
            if settings.get(key) == value:  # the example's name, not one the owner typed since
                settings.reset(key)
        settings.reset("example_shop")
    return removed


__all__ = ["fill", "is_empty", "loaded", "remove", "DatabaseNotEmpty", "ExampleShopChanged", "NoExampleShop",
           "DATA_MODELS", "EXAMPLE_NAMES"]
