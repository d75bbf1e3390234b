"""Write tests/data/due_golden.json.gz: the due scan's output on the demo and on the
benchmark's small shop (tests/due_golden.py). Run it with code whose scan you trust (it
was written by the code before fix 27, docs/PERFORMANCE.md), and only again when the demo,
the generator or the ladder's rules change on purpose (2026-12-04: catch-up climbs a rung
at a time, and the demo's owner sent the earlier steps; 2026-12-04: the demo's messages follow
each collaboration's story, so Tess's first step goes by Instagram, not the e-mail of a random one;
2026-12-04: no step on a Sunday or a public holiday, the scans at +150 h fall on a Sunday;
2026-12-05: the gift still to send is a task of the owner's (Mila's earrings in the demo): before
the owner acts, every scan was the same as before with those items left out, only the people
sampled for the per-person scans moved; 2026-12-05, later: a finished custom order not shipped
is a task too (audit 12, F1): every scan the same with the "ship" items left out, the people
sampled for the small shop's per-person scans moved; 2026-12-05, third: an order's update waits
for its news before the date when that is due within the warning days, and an order's late news
leads the parts due with it (audit 12, F3): only the demo's scans of Ingrid's #1033 and Marieke's
#1029 changed, by exactly those parts; 2026-12-06: a day off is a public holiday of the shop's
country only (the scans' shop is Dutch, on Amsterdam time): in the small shop's scans the steps
and parts that waited for 12 November come on Wednesday 11 November (Armistice Day, a Belgian
holiday), nothing else changed, and with the holidays of both countries the old file still matched;
2026-12-05, fourth: her message on a deadline's own day pauses its ladder (review 26): only the
small shop's scans under New York time changed, Emma Lambrechts's and Nora Mertens's step 1 became
the "after her answer" step, their messages falling on the deadline's day there, not in Amsterdam;
2026-12-06, later: a step that came due before the quiet hours or a day off keeps that moment as
its part's ``due`` while it waits through them (review walk, F5): only the plan scans made in the
night, on a Sunday or on a skipped Saturday changed, and in them only those parts' ``due`` (now
before the scan's moment); every item's own fields, and every due_now scan, the same;
2026-12-07: the news before an order's promised day lapses on that day (review walk): only the
demo's scans on a promised day changed, Kevin's #1038 news (promised 24 November) gone from the
scans on the 24th, and the news part riding with Marieke's (29 November, a Sunday) and Ingrid's
(22 November, New York's evening) late news gone from it; nothing else; 2026-12-06, third: a
parcel's "received?" check-in counts by day from the end of the day it went out and comes in the
morning (review of the first week): only the scans' shipment check-ins changed (44 of 424 scans),
their ``due`` at the quiet hours' end instead of the minute the parcel was sent; 2026-12-06,
fourth: news before an order's promised date that waits through days off lasting past that date
is its own message, not a part of the late news after it (a moment to come called "since"): only
the demo's scan under New York time at -50 h changed, Ingrid's #1033 news (promised Sunday 22
November, due Friday 20, a skipped Saturday) an item of its own beside the late news; 2026-12-06,
fifth: the demo's promised dates fall on the shop's working days (a date to come moves on, one
gone by moves back): only the items of Marieke's #1041 (Sunday 29 November, now Monday 30) and
Ingrid's #1033 (Sunday 22 November, now Saturday 21) changed, every other item the same):

    .venv/bin/python tests/make_due_golden.py
"""

from __future__ import annotations

import gzip
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.pop("AFSPRAAK_DATA_DIR", None)
OUT = ROOT / "tests" / "data" / "due_golden.json.gz"


def main() -> int:
    from zoneinfo import ZoneInfo

    from bench import generate
    from desktop import clock, demo, i18n, paths
    from desktop.store.db import close_database
    from desktop.store.opening import open_database
    from tests import due_golden
    from tests.conftest import NOW

    clock.freeze(lambda: NOW)
    clock.pin_system_zone(ZoneInfo("Europe/Amsterdam"))
    i18n.set_language("nl")
    golden = {"generator": generate.GENERATOR_VERSION, "shops": {}}
    with tempfile.TemporaryDirectory() as tmp:
        paths.set_data_dir(Path(tmp) / "demo")
        open_database()
        demo.fill(NOW)
        golden["shops"]["demo"] = due_golden.collect(NOW)
        close_database()
        small = Path(tmp) / "small"
        generate.generate("small", seed=due_golden.SMALL_SEED, out=small, now=due_golden.ANCHOR, quiet=True)
        paths.set_data_dir(small)
        open_database(small / "afspraak.sqlite3")
        golden["shops"]["small"] = due_golden.collect(due_golden.ANCHOR)
        close_database()
    OUT.write_bytes(gzip.compress(json.dumps(golden, sort_keys=True, separators=(",", ":")).encode(), mtime=0))
    for shop, scans in golden["shops"].items():
        print(shop, len(scans), "scans,", sum(len(v) for v in scans.values()), "items")
    print(OUT, OUT.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
