"""The catalogue search every form uses to pick a product: an editable combo box whose
typed text finds products anywhere in their name, folded as every list's search is ("creme"
finds "Crème": views/keys.FoldedCompleter) (the custom-order form, the products given in a
collaboration). The products come from the store; this only shows them.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from desktop.i18n import _
from desktop.store.shipping import title_of
from desktop.views.keys import FoldedCompleter, find_folded

NOT_IN_CATALOGUE = -1  # typed text that names no product of the catalogue


def product_text(product) -> str:
    """How a product reads in the search, and the name a gift chosen there keeps: as
    everywhere else, "Naamketting (goud)" (store/shipping.title_of)."""
    return title_of(product.name, product.variant)


class CatalogueSearch:
    """Turns ``combo`` (from a form) into the catalogue search over ``products``."""

    def __init__(self, combo: QComboBox, products):
        self.combo = combo
        self.products = {p.id: p for p in products}
        combo.setEditable(True)
        combo.setInsertPolicy(QComboBox.NoInsert)
        combo.addItem("", None)
        for p in products:
            combo.addItem(product_text(p), p.id)
        combo.lineEdit().setPlaceholderText(_("Type to search the catalogue"))
        combo.setCompleter(FoldedCompleter(combo))

    def chosen_id(self) -> int | None:
        """The product whose text is in the box; None when empty, NOT_IN_CATALOGUE when the
        text names no product. A product's name typed whole is that product, also without its
        accents or capitals ("creme ketting" is "Crème ketting")."""
        text = self.combo.currentText().strip()
        if not text:
            return None
        index = find_folded(self.combo, text)
        return self.combo.itemData(index) if index > 0 else NOT_IN_CATALOGUE

    def product(self, product_id: int | None):
        return self.products.get(product_id)

    def select(self, product_id: int | None) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(product_id)))

    def clear(self) -> None:
        self.combo.setCurrentIndex(0)
        self.combo.clearEditText()
