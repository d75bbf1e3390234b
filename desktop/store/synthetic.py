"""Synthetic history for tests and benchmarks: many believable events, fast.

``fill_events(250_000, now)`` adds people (when there are too few) and a few years of
messages, reminders, shipments, notes... spread over them, newest at ``now``. It is
deterministic for a given seed. Not used by the app itself.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from desktop.store import event_search
from desktop.store.db import db
from desktop.store.models import Person

KINDS = ["message"] * 6 + ["reminder"] * 2 + ["note", "call", "shipment", "content", "agreement", "strike", "rating",
                                                "status", "order"]
CHANNELS = ["email", "instagram", "tiktok", "whatsapp", "phone", "other", ""]
SUBJECTS = {"shipment": "shipment", "agreement": "collaboration", "content": "collaboration",
            "order": "custom_order", "strike": "collaboration", "rating": "collaboration"}
OPENINGS = ["Vraag over", "Bedankt voor", "Herinnering:", "Foto's van", "Nieuwe afspraak over", "Gebeld over",
            "Update over", "Even gecheckt:", "Verzonden:", "Ontvangen:"]
THINGS = ["de ketting", "de oorbellen", "het pakketje", "de levertijd", "de reel", "de story", "de post",
          "de armband", "de gravure", "de zegelring", "de deadline", "de hashtags", "het ontwerp", "de kortingscode",
          "het sieradendoosje", "de naamketting", "de creolen", "de TikTok", "de factuur", "de retour"]
TAILS = ["", "", "", " graag voor vrijdag", " met #gekregen", " voor de winterwinkel", " (café-foto)", " via PostNL",
         " na de vakantie", " zoals afgesproken"]


def make_events(count: int, now: datetime, person_ids: list[int], seed: int = 1, years: float = 3.0):
    """Yield ``count`` event tuples (``event_search.EVENT_COLUMNS`` order), oldest first."""
    rnd = random.Random(seed)
    span = int(years * 365 * 86400)
    moments = sorted(now - timedelta(seconds=rnd.randrange(span)) for _ in range(count))
    for at in moments:
        kind = rnd.choice(KINDS)
        direction = rnd.choice(["in", "out"]) if kind in ("message", "call") else (
            "out" if kind in ("reminder", "shipment", "agreement") else "none")
        channel = rnd.choice(CHANNELS) if kind in ("message", "reminder", "call") else ""
        text = f"{rnd.choice(OPENINGS)} {rnd.choice(THINGS)}{rnd.choice(TAILS)}"
        subject = SUBJECTS.get(kind, "")
        yield (at.isoformat(" "), kind, channel, direction, text, rnd.choice(person_ids), subject,
               rnd.randrange(1, 500) if subject else None, "")


def fill_events(count: int, now: datetime, seed: int = 1, people: int = 400) -> int:
    """Add ``count`` synthetic events (and people up to ``people``); returns how many were added."""
    database = db.obj
    have = Person.select().count()
    if have < people:
        rows = [{"name": f"Testpersoon {i:04d}", "is_influencer": i % 3 != 0, "is_customer": i % 3 == 0,
                 "created_at": now, "updated_at": now} for i in range(have, people)]
        with database.atomic():
            Person.insert_many(rows).execute()
    person_ids = [pid for (pid,) in Person.select(Person.id).tuples()]
    return event_search.insert_events_bulk(database, make_events(count, now, person_ids, seed))
