"""Maatwerk: the shop's own promises, personalised orders with a promised ready date."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout

from desktop import i18n
from desktop.clock import to_local, utcnow
from desktop.i18n import _, ngettext
from desktop.labels import label
from peewee import JOIN

from desktop.store.models import CustomOrder, Person, Product
from desktop.views.base import ListView
from desktop.views.timeline_widget import PersonTimeline
from desktop.views.rows import Row

OPEN = ("new", "in_production", "ready")


def days_left_text(days: int) -> str:
    if days < 0:
        return ngettext("{n} day late", "{n} days late", -days).format(n=-days)
    if days == 0:
        return _("today")
    return ngettext("{n} day left", "{n} days left", days).format(n=days)


class OrdersView(ListView):
    key = "orders"
    open_subject = Signal(str, int, int)  # from the history: subject_type, subject_id, person_id

    def view_title(self):
        return _("Custom orders")

    def headers(self):
        return [_("Customer"), _("Order"), _("Product"), _("Personalisation"), _("Promised ready"), _("Days left"), _("Status")]

    def empty_heading(self):
        return _("No custom orders yet")

    def empty_help(self):
        return _(
            "Add a personalised order with the date you promised the customer. Afspraak "
            "reminds you to send news before that date, not after."
        )

    def load_rows(self):
        today = to_local(utcnow()).date()
        query = (CustomOrder.select(CustomOrder, Person, Product).join(Person)
                 .switch(CustomOrder).join(Product, join_type=JOIN.LEFT_OUTER))
        rows = []
        for o in query:
            is_open = o.status in OPEN
            days = (o.promised_ready - today).days if (o.promised_ready and is_open) else None
            colour = "" if days is None else ("red" if days < 0 else ("amber" if days <= 2 else ""))
            urgency = days if days is not None else 10_000
            rows.append(Row(
                id=o.id,
                cells=[o.person.name, o.order_number, o.product.name if o.product else "", o.personalisation,
                       i18n.format_date(o.promised_ready) if o.promised_ready else "",
                       days_left_text(days) if days is not None else "", label("order_status", o.status)],
                sort_keys=[o.person.name.lower(), o.order_number, "", o.personalisation.lower(), o.promised_ready, urgency, o.status],
                colour=colour,
                extra={"urgency": urgency},
            ))
        rows.sort(key=lambda r: r.extra["urgency"])
        return rows

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        o = CustomOrder.get_by_id(row_id)
        self.add_heading(layout, _("Order {number} for {name}").format(number=o.order_number, name=o.person.name))
        self.add_fields(layout, [
            (_("Status"), label("order_status", o.status)),
            (_("Product"), o.product.name if o.product else ""),
            (_("Personalisation"), o.personalisation),
            (_("Price"), i18n.format_money(o.price_cents)),
            (_("Ordered"), i18n.format_date(o.ordered_on) if o.ordered_on else ""),
            (_("Promised ready"), i18n.format_date(o.promised_ready, "full") if o.promised_ready else ""),
            (_("Promised delivery"), i18n.format_date(o.promised_delivery, "full") if o.promised_delivery else ""),
            (_("Email"), o.person.email),
        ])
        self.add_section(layout, _("To do"))
        self.add_lines(layout, [("☑ " if item.get("done") else "☐ ") + str(item.get("text", "")) for item in o.checklist],
                       _("Nothing on the list."))
        self.add_section(layout, _("History with {name}").format(name=o.person.name))
        history = PersonTimeline(o.person_id)
        history.open_subject.connect(self.open_subject)
        layout.addWidget(history)
        from desktop.views import privacy_actions

        privacy_actions.add_buttons(layout, o.person_id, self, on_erased=lambda: self.window().refresh_all())
