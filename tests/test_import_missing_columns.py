"""A shop export without one of its columns (WooCommerce's exporter lets the owner choose
them; a spreadsheet can delete one) changes nothing that column would have said: what is
stored stays, and the summary says which column was missing and what that meant."""

from __future__ import annotations

import csv
import io

import pytest

from desktop import i18n
from desktop.domain import importers
from desktop.domain.importers import parse_export
from desktop.store.catalogue import apply_import
from desktop.store.models import Product
from tests.conftest import NOW
from tests.shared_data import shop_exports

EXPORTS = {p.name: p for p in shop_exports()}
needs_shared = pytest.mark.skipif(not EXPORTS, reason="shared/data/shop-exports is not beside the checkout")


def without_columns(data: bytes, *names: str) -> bytes:
    """The same export without the columns ``names`` (the rest byte for byte as csv writes it)."""
    text = importers.decode(data)
    delimiter = importers._sniff_delimiter(importers._first_filled_line(text))
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    header = next(r for r in rows if any(c.strip() for c in r))
    drop = {i for i, h in enumerate(header) if h.replace("\ufeff", "").strip() in names}
    assert len(drop) == len(names), (names, header)
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(
        [c for i, c in enumerate(r) if i not in drop] for r in rows)
    return out.getvalue().encode("utf-8")


def stored(*fields: str) -> dict[str, tuple]:
    return {p.key: tuple(getattr(p, f) for f in fields) for p in Product.select()}


# --- #3: WooCommerce without "Regular price" ----------------------------------------------------

WOO = ["sample_products.csv", "experimental_sample_9_products.csv", "experimental_fashion_sample_9_products.csv"]


@needs_shared
@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("name", WOO)
def test_woocommerce_without_regular_price_keeps_every_stored_price(database, name, language):
    """The export without its "Regular price" column emptied 14 of sample_products' 21
    prices and replaced 7 by the sale price, while the note said the prices were kept."""
    i18n.set_language(language)
    full = EXPORTS[name].read_bytes()
    apply_import(parse_export(full), NOW)
    before = stored("price_cents", "name", "image_url", "category")
    assert any(price for price, *_rest in before.values())
    parsed = parse_export(without_columns(full, "Regular price"))
    assert "price_cents" not in parsed.fields
    summary = apply_import(parsed, NOW)
    assert stored("price_cents", "name", "image_url", "category") == before
    assert (summary.new, summary.updated) == (0, 0)
    keeps = "keep theirs" if language == "en" else "houden hun prijs"
    assert [n for n in summary.notes if "Regular price" in n and keeps in n], summary.notes


def test_a_new_product_without_the_regular_price_column_comes_in_without_a_price(database):
    """The note says new products come in without a price: the sale price is not taken for one."""
    i18n.set_language("en")
    text = "ID,Type,SKU,Name,Published,Sale price,Categories\r\n1,simple,RG-1,Ring Noor,1,18,Ringen\r\n"
    parsed = parse_export(text.encode())
    assert [(p.key, p.price_cents) for p in parsed.products] == [("RG-1", None)]
    assert any("without a price" in n for n in parsed.notes)
    # With the column, an empty regular price still falls back on the sale price (as before).
    full = "ID,Type,SKU,Name,Published,Sale price,Regular price\r\n1,simple,RG-1,Ring Noor,1,18,\r\n"
    assert [p.price_cents for p in parse_export(full.encode()).products] == [1800]


@needs_shared
@pytest.mark.parametrize("name,column", [
    ("earrings_products_export_1.csv", "Image Src"), ("earrings_products_export_1.csv", "Variant Image"),
    ("product_template_2023.csv", "Type"), ("product_template_2023.csv", "Product Category"),
    ("product_template_2025.csv", "Variant image URL"), ("product_template_2025.csv", "Product category"),
])
def test_shopify_without_one_of_two_columns_for_a_field_keeps_what_it_cannot_tell(database, name, column):
    """Shopify's picture is the variant's, else the product's; its category the type, else the
    product category. Without one of the two columns a row the other cannot decide alone
    leaves the stored value (a variant's picture replaced by the product's, a category
    emptied), and what the other column does decide is still taken."""
    full = EXPORTS[name].read_bytes()
    apply_import(parse_export(full), NOW)
    before = stored("image_url", "category", "price_cents", "name")
    summary = apply_import(parse_export(without_columns(full, column)), NOW)
    assert stored("image_url", "category", "price_cents", "name") == before
    assert summary.new == 0
