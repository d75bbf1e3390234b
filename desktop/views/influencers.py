"""Influencers: who they are, what they promised, and how it went."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout
from peewee import fn, prefetch

from desktop import i18n
from desktop.clock import to_local, utcnow
from desktop.i18n import _, ngettext
from desktop.labels import label
from desktop.store.models import Collaboration, Deliverable, Event, Handle, Person, Rating, Strike
from desktop.views.base import ListView
from desktop.views.rows import Row


class InfluencersView(ListView):
    key = "influencers"

    def view_title(self):
        return _("Influencers")

    def headers(self):
        return [_("Name"), _("Handles"), _("Followers"), _("Status"), _("Open deliverables"), _("Next deadline")]

    def empty_heading(self):
        return _("No influencers yet")

    def empty_help(self):
        return _(
            "Add the first influencer you send products to. Or fill the app with an example "
            "shop to look around: run “afspraak demo” once."
        )

    def load_rows(self):
        now = utcnow()
        open_by_person: dict[int, tuple[int, object]] = {}
        query = (
            Deliverable.select(Collaboration.person, fn.COUNT(Deliverable.id), fn.MIN(Deliverable.deadline))
            .join(Collaboration)
            .where(Deliverable.delivered_at.is_null(), Collaboration.status.not_in(["done", "ended", "failed"]))
            .group_by(Collaboration.person)
            .tuples()
        )
        for person_id, count, nearest in query:
            open_by_person[person_id] = (count, nearest)
        people = Person.select().where(Person.is_influencer == True).order_by(Person.name)  # noqa: E712
        rows = []
        for person in prefetch(people, Handle):
            handles = sorted(person.handles, key=lambda h: -(h.followers or 0))
            followers = sum(h.followers or 0 for h in handles)
            count, nearest = open_by_person.get(person.id, (0, None))
            deadline_text = i18n.format_date(to_local(nearest)) if nearest else ""
            colour = "grey" if person.status == "blocked" else ("red" if nearest and nearest < now else "")
            rows.append(
                Row(
                    id=person.id,
                    cells=[
                        person.name,
                        ", ".join(f"@{h.name}" for h in handles),
                        i18n.format_number(followers) if followers else "",
                        label("person_status", person.status),
                        str(count) if count else "",
                        deadline_text,
                    ],
                    sort_keys=[person.name.lower(), "", followers, person.status, count, nearest],
                    search=" ".join([person.name, *(h.name for h in handles), *person.tags, person.city]).lower(),
                    tooltip=person.status_reason,
                    colour=colour,
                )
            )
        return rows

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        person = Person.get_by_id(row_id)
        self.add_heading(layout, person.name)
        if person.status != "active":
            reason = person.status_reason or label("person_status", person.status)
            layout.addWidget(self._warning(_("Status: {status}. {reason}").format(
                status=label("person_status", person.status), reason=reason)))
        address = ", ".join(x for x in [person.street, f"{person.postcode} {person.city}".strip()] if x)
        self.add_fields(layout, [
            (_("Email"), person.email),
            (_("Phone"), person.phone),
            (_("Address"), address),
            (_("Country"), label("country", person.country)),
            (_("Form of address"), _("informal (je)") if person.address_form == "je" else _("formal (u)")),
            (_("Tags"), ", ".join(person.tags)),
        ])
        from desktop.views.due_dialog import add_reminders_section

        add_reminders_section(self, layout, person.id)
        self.add_section(layout, _("Handles"))
        self.add_lines(layout, [
            _("{platform}: @{handle} ({followers} followers)").format(
                platform=label("platform", h.platform), handle=h.name,
                followers=i18n.format_number(h.followers or 0))
            for h in person.handles
        ], _("No handles yet."))
        self.add_section(layout, _("Collaborations"))
        lines = []
        for c in person.collaborations.order_by(Collaboration.created_at.desc()):
            lines.append(_("{title}: {status}").format(title=c.title or _("(untitled)"), status=label("collab_status", c.status)))
            for d in c.deliverables:
                state = _("delivered") if d.delivered_at else (
                    _("due {date}").format(date=i18n.format_date(to_local(d.deadline))) if d.deadline else "")
                lines.append("    • " + _("{kind}: {state}").format(kind=label("deliverable", d.kind), state=state))
        self.add_lines(layout, lines, _("No collaborations yet."))
        strikes = list(person.strikes.where(Strike.lifted_at.is_null()))
        self.add_section(layout, ngettext("{n} strike", "{n} strikes", len(strikes)).format(n=len(strikes)))
        self.add_lines(layout, [
            _("{date}: {reason}").format(date=i18n.format_date(to_local(s.created_at)), reason=label("strike_reason", s.reason))
            for s in strikes
        ], _("No strikes."))
        ratings = list(Rating.select().join(Collaboration).where(Collaboration.person == person))
        if ratings:
            self.add_section(layout, _("Ratings"))
            self.add_lines(layout, [
                _("{stars} of 5 · {note}").format(
                    stars=i18n.format_number(round((r.communication + r.quality + r.punctuality + r.result) / 4, 1)),
                    note=r.note)
                for r in ratings
            ], "")
        self.add_section(layout, _("Latest on the timeline"))
        events = person.events.order_by(Event.at.desc()).limit(8)
        self.add_lines(layout, [
            _("{date}: {text}").format(date=i18n.format_date(to_local(e.at)), text=e.text) for e in events
        ], _("Nothing on the timeline yet."))
        if person.notes:
            self.add_section(layout, _("Notes"))
            self.add_lines(layout, [person.notes], "")

    def _warning(self, text):
        from desktop.views.base import plain_label

        w = plain_label(text)
        w.setStyleSheet("color: #a01c1c;")
        return w
