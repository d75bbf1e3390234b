"""How the app names one custom order in a sentence, a heading or a list to choose from.

By its shop order number ("#1029") where it has one; an order typed in without a number
(the field is optional) is named by its customer instead, and where that alone may not
tell two apart, by its product or its promised date too. "{number}" left empty gave
"product van bestelling  (Ctrl+Z…)" and " voor Noor Visser" (review of Maatwerk, 2026-12-07).
"""

from __future__ import annotations

from datetime import date

from desktop import i18n
from desktop.i18n import _


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


__all__ = ["choice", "heading", "ship_title", "subject"]
