"""How the app names one custom order in a sentence, a heading or a list to choose from.

By its shop order number ("#1029") where it has one; an order typed in without a number
(the field is optional) is named by its customer instead, and where that alone may not
tell two apart, by its product or its promised date too. "{number}" left empty gave
"product van bestelling  (Ctrl+Z…)" and " voor Noor Visser" (review of Maatwerk, 2026-12-07).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop import i18n
from desktop.i18n import _, ngettext


def heading(number: str, name: str) -> str:
    """The pane's heading: "Order #1029 for Sofie Maes", or "Order for Noor Visser"."""
    if number:
        return _("Order {number} for {name}").format(number=number, name=name)
    # TRANSLATORS: heading of a custom order typed in without a shop order number.
    return _("Order for {name}").format(name=name)


def subject(number: str, name: str) -> str:
    """The order at the start of a sentence: "Order #1029 for Sofie Maes" ("… is cancelled"),
    or "The order for Noor Visser"."""
    if number:
        return _("Order {number} for {name}").format(number=number, name=name)
    # TRANSLATORS: a custom order without a shop order number, at the start of a sentence
    # ("The order for Noor Visser is cancelled").
    return _("The order for {name}").format(name=name)


def ship_title(number: str, name: str) -> str:
    """The ship dialog's title: "Ship order #1029", or without a shop number "Ship the order
    for Noor Visser" (it read "Ship order —")."""
    if number:
        return _("Ship order {number}").format(number=number)
    # TRANSLATORS: title of the ship dialog of a custom order without a shop number; {name} is its customer.
    return _("Ship the order for {name}").format(name=name)


def choice(number: str, name: str, ready: date | None = None, product: str = "") -> str:
    """One order in a list to choose from ("For custom order…"): "#1029 for Sofie Maes", or
    without a number "Order for Noor Visser: Keyring, ready by 17 Dec 2026" (her other orders
    without a number told apart)."""
    if number:
        return _("{number} for {name}").format(number=number, name=name)
    text = _("Order for {name}").format(name=name)
    if product:
        # TRANSLATORS: a custom order without a shop number in a list to choose from, and its product.
        text = _("{order}: {product}").format(order=text, product=product)
    if ready is not None:
        # TRANSLATORS: a custom order without a shop number in a list to choose from, and the
        # date it was promised ready ("Order for Noor Visser, ready by 17 Dec 2026").
        text = _("{order}, ready by {date}").format(order=text, date=i18n.list_date(ready))
    return text


def product_words(order) -> str:
    """An order's product as the list and the pane name it, with its variant as the
    catalogue shows it ("Naamketting (goud)": gold or silver is what she makes; audit of
    2026-12-05): "3 × Naamketting (goud)" when it is more than one piece, "3 pieces"
    without a product from the catalogue."""
    from desktop.store import shipping

    name = shipping.product_title(order.product) if order.product else ""
    if order.quantity <= 1:
        return name
    count = i18n.format_number(order.quantity)
    if not name:
        return ngettext("{count} piece", "{count} pieces", order.quantity).format(count=count)
    return _("{quantity} × {product}").format(quantity=count, product=name)


def field(order) -> str:
    """The order a parcel belongs to, as a field of Zendingen's pane ("Order: #1029 ·
    Naamketting (goud)"): its shop number (or that it has none) and its product."""
    # TRANSLATORS: Shipments, the field "Order" of a parcel whose custom order has no shop order number.
    number = order.order_number or _("without a number")
    product = product_words(order)
    # TRANSLATORS: Shipments, the field "Order" of a parcel: the shop order number and the order's product.
    return _("{number} · {product}").format(number=number, product=product) if product else number


def parcel_gone(parcel) -> str:
    """What happened to an order's parcel that did not arrive: "The parcel sent on 3 Dec 2026
    got lost." / "… came back." (``parcel``: a Shipment, returned or lost)."""
    from desktop.clock import to_local

    day = i18n.list_date(to_local(parcel.sent_at).date()) if parcel.sent_at else ""
    if parcel.status == "lost":
        # TRANSLATORS: a custom order's parcel the carrier lost (Shipments: "Lost"); {date} the day it was sent.
        return _("The parcel sent on {date} got lost.").format(date=day)
    # TRANSLATORS: a custom order's parcel that came back to the shop (Shipments: "Returned"); {date} the
    # day it was sent.
    return _("The parcel sent on {date} came back.").format(date=day)


@dataclass(frozen=True)
class ParcelShown:
    """One parcel of a custom order as Maatwerk's pane shows it (what Zendingen holds)."""

    title: str  # "Parcel 1 of 2" when the order has several, else ""
    fields: list[tuple[str, str]]  # (name, value) as plain text: a typed code is never markup
    link: str  # the carrier's tracking page to open, "" when there is none


def parcels_title(count: int) -> str:
    # TRANSLATORS: Custom orders, the pane's section with the order's parcel(s) (as in Shipments).
    return ngettext("Parcel", "Parcels", count)


def parcel_status(status: str) -> str:
    """A parcel's status in the order's pane: as Zendingen names it, but a lost one in the
    words of the banner over it ("got lost")."""
    from desktop.labels import label

    if status == "lost":
        # TRANSLATORS: Custom orders, the status of one of the order's parcels: the carrier lost it (the
        # banner above says "The parcel sent on … got lost.").
        return i18n.pgettext("order parcel", "Lost")
    return label("shipment_status", status)


def parcel_link(parcel, order) -> str:
    """The page to follow ``parcel`` by: the link kept with it (made for the postcode it was
    sent to), else the carrier's page made from its code for where the order's parcel goes
    (``delivery_texts.parcel_of``: a gift's recipient, else the customer); only a web link."""
    from desktop.domain import carriers
    from desktop.presentation import delivery_texts

    url = (parcel.tracking_url or "").strip()
    if url:
        return url if carriers.is_link(url) and not any(c.isspace() for c in url) else ""
    if carriers.why_no_link(parcel.carrier, parcel.tracking_code)[0]:
        return ""
    to = delivery_texts.parcel_of(order.id, order.person)
    country = to.country_code if to.country_code in ("NL", "BE") else ""
    return carriers.tracking_link(parcel.carrier, carriers.normalise_code(parcel.tracking_code), to.postcode or "",
                                  country, order.person.language or "nl")


def parcels_shown(order) -> list[ParcelShown]:
    """The order's parcels, oldest first (a lost one and the new one sent after it): carrier,
    tracking code, the day sent (and delivered), status and the page to follow it by."""
    from desktop.clock import to_local
    from desktop.labels import label
    from desktop.store import orders as store

    found = store.parcels(order.id)
    shown = []
    for n, parcel in enumerate(found, 1):
        # TRANSLATORS: Custom orders, over each parcel when the order has several ("Parcel 1 of 2": the
        # first, lost one; "Parcel 2 of 2": the new one).
        title = _("Parcel {n} of {count}").format(n=n, count=len(found)) if len(found) > 1 else ""
        sent = i18n.detail_date(to_local(parcel.sent_at).date()) if parcel.sent_at else _("not yet")
        delivered = i18n.detail_date(to_local(parcel.delivered_at).date()) if parcel.delivered_at else ""
        fields = [pair for pair in [
            (_("Status"), parcel_status(parcel.status)),
            (_("Carrier"), label("carrier", parcel.carrier) if parcel.carrier else ""),
            (_("Tracking code"), parcel.tracking_code or ""),
            (_("Sent"), sent),
            (_("Delivered"), delivered),
        ] if pair[1]]
        shown.append(ParcelShown(title, fields, parcel_link(parcel, order)))
    return shown


def status_with_parcel(status: str, parcel_status: str) -> str:
    """An order's status while its parcel did not arrive: "Ready, parcel lost"."""
    from desktop.labels import label

    shown = label("order_status", status)
    if parcel_status == "lost":
        # TRANSLATORS: a custom order's status (Custom orders) while the parcel it was sent in is lost, e.g.
        # "Ready, parcel lost".
        return _("{status}, parcel lost").format(status=shown)
    # TRANSLATORS: a custom order's status while the parcel it was sent in came back, e.g. "Ready, parcel returned".
    return _("{status}, parcel returned").format(status=shown)


def parcel_state(parcel_status: str) -> str:
    """An order's status cell in Maatwerk's list while its parcel did not arrive: "Parcel
    lost" (short: the column is narrow; the pane says "Ready, parcel lost")."""
    if parcel_status == "lost":
        # TRANSLATORS: the status column of Custom orders for an order whose parcel got lost (to ship again).
        return _("Parcel lost")
    # TRANSLATORS: the status column of Custom orders for an order whose parcel came back (to ship again).
    return _("Parcel returned")


def ship_again_label() -> str:
    # TRANSLATORS: button on a custom order whose parcel got lost or came back: ships it in a new parcel.
    return _("Ship again…")


def changed_since_words(number: str, name: str, changed, message: str = "") -> tuple[str, str]:
    """The title and text said when an order's message or ship dialog, left open, is pressed
    after the order was shipped, its message marked sent or it changed elsewhere (another
    dialog, Vandaag, the tray): ``changed`` is ``store.orders.changed_since``'s answer, and
    ``message`` the name of the message marked sent meanwhile. Nothing was done by that press."""
    from desktop.clock import to_local
    from desktop.labels import label

    order = subject(number, name)
    order = order[:1].lower() + order[1:]  # inside the sentence: "bestelling #1029 voor Sofie Maes"
    if changed.what == "shipped":
        # TRANSLATORS: an order's ship or message dialog left open; the order was shipped elsewhere
        # at {moment}. {order} is "order #1029 for Sofie Maes" or "the order for Noor Visser" (inside the sentence).
        text = _("While this window was open, {order} was already shipped ({moment}).").format(
            order=order, moment=i18n.list_moment(to_local(changed.at)))
    elif changed.what == "message":
        # TRANSLATORS: an order's message or ship dialog left open; a message about the order was marked sent
        # elsewhere. {message} is its kind, e.g. "Order ready"; {order} as above.
        text = _("While this window was open, the message “{message}” about {order} was already marked as sent "
                 "({moment}).").format(message=message, order=order,
                                       moment=i18n.list_moment(to_local(changed.at)))
    elif changed.what == "gone":
        # TRANSLATORS: an order's message or ship dialog left open; the order was deleted meanwhile.
        text = _("While this window was open, {order} was deleted.").format(order=order)
    else:
        # TRANSLATORS: an order's message or ship dialog left open; its status or promised date changed elsewhere.
        # {status} is its status now, e.g. "Ready".
        text = _("While this window was open, {order} was changed elsewhere: it is “{status}” now.").format(
            order=order, status=label("order_status", changed.status))
    # TRANSLATORS: after the text above: the press in the old window did nothing.
    text += " " + _("Nothing was changed or logged a second time.")
    # TRANSLATORS: title of the notice that an order was handled or changed elsewhere meanwhile.
    title = _("Already handled") if changed.what in ("shipped", "message") else _("Changed meanwhile")
    return title, text


__all__ = ["ParcelShown", "changed_since_words", "choice", "field", "heading", "parcel_gone", "parcel_link",
           "parcel_state", "parcel_status", "parcels_shown", "parcels_title", "product_words", "ship_again_label",
           "ship_title", "status_with_parcel", "subject"]
