"""The filtered timeline as a CSV file (every matching event, not only the loaded page)."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from desktop.domain import spreadsheet
from desktop.presentation import timeline
from desktop.store import outgoing
from desktop.presentation.timeline import TimelineFilter
from desktop.i18n import _
from desktop.labels import label


def header() -> list[str]:
    return [_("Date"), _("Time"), _("Person"), _("What"), _("Channel"), _("Direction"), _("Text")]


def rows(f: TimelineFilter, tz: tzinfo | None = None):
    for e in timeline.iter_events(f):
        local = timeline.to_local(e.at, tz)
        yield [
            # ISO date and 24-hour time: sortable, and every spreadsheet reads them as such.
            local.date().isoformat(),
            local.time().isoformat(timespec="minutes"),
            e.person_name,
            e.what,
            label("channel", e.channel) if e.channel else "",
            label("direction", e.direction) if e.direction != "none" else "",
            e.text,
        ]


def export_csv(path: Path | str, f: TimelineFilter, tz: tzinfo | None = None) -> int:
    """Write the events matching ``f`` to ``path`` (whole or not at all, readable by her
    only: it holds people's names and what they wrote); returns how many were written."""
    events = list(rows(f, tz))
    outgoing.write_whole(path, spreadsheet.for_spreadsheet(header(), events), mode=0o600)
    return len(events)
