"""Acting on a "send the gift" task (``followup.RULES["gift"]``): the owner's own promise.

There is no message to send: the task opens what sends the gift. A parcel already packed
opens in Zendingen (its "Mark as sent" is there); otherwise the agreed catalogue products
go into a new parcel for her, the collaboration chosen (the same dialog as a drop); a gift
agreed only in words shows her row in Influencers with the Products panel to drag from."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.presentation import due_texts


def _main_window(parent: QWidget | None):
    """The window with the views (``open_subject``) from whatever opened the task."""
    window = parent.window() if parent is not None else None
    if window is not None and hasattr(window, "open_subject"):
        return window
    return next((w for w in QApplication.topLevelWidgets() if hasattr(w, "open_subject")), None)


def open_gift(item, parent: QWidget | None = None) -> bool:
    """Open what sends the gift of ``item``; False when there is no window to open it in."""
    window = _main_window(parent)
    if window is None:
        return False
    facts = due_texts.gift_facts(item)
    if facts.get("parcel_id"):
        window.open_subject("shipment", facts["parcel_id"], item.person_id)
        return True
    shipping = window.shipping  # None until the window is complete
    if facts.get("product_ids") and shipping is not None:
        shipping.send_products(item.person_id, list(facts["product_ids"]), collaboration_id=item.subject_id)
        return True
    window.open_subject("collaboration", item.subject_id, item.person_id)
    if shipping is not None:
        shipping.catalogue.show()
        shipping.catalogue.table.setFocus(Qt.OtherFocusReason)
    window.statusBar().showMessage(due_texts.gift_drag_hint(item.person_name), 10000)
    return True


__all__ = ["open_gift"]
