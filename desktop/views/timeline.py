"""Tijdlijn: every event for everyone, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from desktop import i18n
from desktop.clock import to_local
from desktop.i18n import _
from desktop.labels import label
from peewee import JOIN

from desktop.store.models import Event, Person
from desktop.views.base import ListView
from desktop.views.rows import Row

# Until the paging model lands (issue: timeline), the list shows the newest events.
PAGE = 2000


class TimelineView(ListView):
    key = "timeline"

    def view_title(self):
        return _("Timeline")

    def headers(self):
        return [_("When"), _("Person"), _("What"), _("Channel"), _("Direction"), _("Text")]

    def empty_heading(self):
        return _("Nothing on the timeline yet")

    def empty_help(self):
        return _(
            "Every message, shipment, reminder, strike and note appears here, newest first. "
            "It fills itself as you work with influencers and orders."
        )

    def load_rows(self):
        query = (Event.select(Event, Person).join(Person, join_type=JOIN.LEFT_OUTER)
                 .order_by(Event.at.desc(), Event.id.desc()).limit(PAGE))
        rows = []
        for e in query:
            name = e.person.name if e.person_id else ""
            rows.append(Row(
                id=e.id,
                cells=[i18n.format_datetime(to_local(e.at), "short"), name, label("event_kind", e.kind),
                       label("channel", e.channel), label("direction", e.direction), e.text],
                sort_keys=[e.at, name.lower(), e.kind, e.channel, e.direction, e.text.lower()],
            ))
        return rows

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        e = Event.get_by_id(row_id)
        self.add_heading(layout, label("event_kind", e.kind))
        self.add_fields(layout, [
            (_("When"), i18n.format_moment(to_local(e.at))),
            (_("Person"), e.person.name if e.person_id else ""),
            (_("Channel"), label("channel", e.channel)),
            (_("Direction"), label("direction", e.direction)),
        ])
        self.add_section(layout, _("Text"))
        self.add_lines(layout, [e.text], "")
