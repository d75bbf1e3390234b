"""Zendingen: what was sent to whom, with which carrier, and whether it arrived."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout
from peewee import prefetch

from desktop import i18n
from desktop.clock import to_local
from desktop.i18n import _
from desktop.labels import label
from desktop.store.models import Person, Product, Shipment, ShipmentItem
from desktop.views.base import ListView
from desktop.views.rows import Row


class ShipmentsView(ListView):
    key = "shipments"

    def view_title(self):
        return _("Shipments")

    def headers(self):
        return [_("Recipient"), _("Products"), _("Carrier"), _("Tracking code"), _("Sent"), _("Status")]

    def empty_heading(self):
        return _("No shipments yet")

    def empty_help(self):
        return _(
            "Import your product list from your WooCommerce or Shopify export, then drag a "
            "product onto an influencer or a custom order to send it."
        )

    def load_rows(self):
        shipments = Shipment.select(Shipment, Person).join(Person).order_by(Shipment.created_at.desc())
        items = ShipmentItem.select(ShipmentItem, Product).join(Product)
        rows = []
        for s in prefetch(shipments, items):
            products = ", ".join(i.product.name for i in s.items)
            colour = "amber" if s.status == "sent" else ""
            rows.append(Row(
                id=s.id,
                cells=[s.person.name, products, label("carrier", s.carrier), s.tracking_code,
                       i18n.format_date(to_local(s.sent_at)) if s.sent_at else "", label("shipment_status", s.status)],
                sort_keys=[s.person.name.lower(), products.lower(), s.carrier, s.tracking_code, s.sent_at, s.status],
                colour=colour,
            ))
        return rows

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        s = Shipment.get_by_id(row_id)
        self.add_heading(layout, _("Shipment to {name}").format(name=s.person.name))
        self.add_fields(layout, [
            (_("Status"), label("shipment_status", s.status)),
            (_("Carrier"), label("carrier", s.carrier)),
            (_("Tracking code"), s.tracking_code),
            (_("Sent"), i18n.format_datetime(to_local(s.sent_at), "short") if s.sent_at else ""),
            (_("Receipt confirmed"), i18n.format_datetime(to_local(s.received_at), "short") if s.received_at else _("not yet")),
            (_("Product value"), i18n.format_money(s.value_cents)),
            (_("Shipping cost"), i18n.format_money(s.shipping_cents)),
        ])
        self.add_section(layout, _("Products"))
        self.add_lines(layout, [
            _("{quantity} × {product}").format(quantity=i.quantity, product=" ".join(x for x in [i.product.name, i.product.variant] if x))
            for i in s.items
        ], _("No products."))
