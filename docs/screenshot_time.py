"""The one moment every screenshot script is taken at, so a picture never depends on when
(or on which computer) the script runs: at night nothing in the demo shop is due (the
quiet hours), and the dates on screen would move with the day.

The moment is the test suite's (tests/conftest.py): Monday 23 November 2026, 10:30 in
Amsterdam, a working hour; the computer's zone is taken to be the shop's, Europe/Amsterdam.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

MOMENT = datetime(2026, 11, 23, 9, 30)  # naive UTC, as desktop/clock.py keeps moments
ZONE = ZoneInfo("Europe/Amsterdam")


def fix_time() -> datetime:
    """Freeze the app's clock at ``MOMENT`` in the shop's zone; returns the moment."""
    from desktop import clock

    clock.pin_system_zone(ZONE)
    clock.freeze(MOMENT)
    return MOMENT
