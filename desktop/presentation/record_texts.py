"""Words the app writes into a record the owner may edit later, in her language of the moment
(the store takes them as given, like anything typed)."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.i18n import _


def gift_title(product_titles: Iterable[str]) -> str:
    """The title of the collaboration a parcel of gifts starts: "Gifted: Ring, Necklace"."""
    return _("Gifted: {products}").format(products=", ".join(product_titles))
