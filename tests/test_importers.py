"""The shop-export importer: real exports as they are, our own fixtures, a Dutch re-save,
and hypothesis-made broken files (never a crash, never a partial import)."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop import i18n
from desktop.domain import importers
from desktop.domain.importers import ImportFailed, parse_amount, parse_export
from desktop.store.catalogue import ImportCancelled, apply_import
from desktop.store.models import Product
from tests.conftest import NOW
from tests.shared_data import shop_exports

DATA = Path(__file__).parent / "data" / "shop"
EXPORTS = shop_exports()
needs_shared = pytest.mark.skipif(not EXPORTS, reason="shared/data/shop-exports is not beside the checkout")

# What each real export holds (counted by hand from the files; see SOURCES.md).
EXPECTED = {
    "Product-data.csv": ("shopify", 21, 0),
    "apparel.csv": ("shopify", 22, 0),
    "home-and-garden.csv": ("shopify", 21, 0),
    "jewelery.csv": ("shopify", 23, 0),  # 41 rows, 18 of them only an extra picture
    "product_template_2023.csv": ("shopify", 16, 0),  # 17 rows, one picture-only row
    "product_template_2025.csv": ("shopify_2025", 15, 0),
    "product_template_legacy.csv": ("shopify", 3, 0),
    "sample_products.csv": ("woocommerce", 21, 4),  # 2 variable parents, 1 grouped, 1 external
    "experimental_sample_9_products.csv": ("woocommerce", 8, 1),  # 1 grouped
    "experimental_fashion_sample_9_products.csv": ("woocommerce", 9, 0),
}


@needs_shared
@pytest.mark.parametrize("path", EXPORTS, ids=lambda p: p.name)
def test_every_real_export_imports(path, database):
    parsed = parse_export(path.read_bytes())
    layout, products, skipped = EXPECTED[path.name]
    assert (parsed.layout, len(parsed.products), len(parsed.skipped)) == (layout, products, skipped)
    for p in parsed.products:
        assert p.name and "\n" not in p.name and "<" not in p.name
        assert p.price_cents is None or p.price_cents >= 0
        assert not p.image_url or p.image_url.startswith("http")
    summary = apply_import(parsed, NOW)
    assert summary.new == products and Product.select().count() == products
    again = apply_import(parse_export(path.read_bytes()), NOW)
    assert (again.new, again.updated, again.unchanged) == (0, 0, products)
    assert Product.select().count() == products


@needs_shared
def test_woocommerce_variations_take_their_parent_name_and_category():
    path = next(p for p in EXPORTS if p.name == "sample_products.csv")
    by_sku = {p.sku: p for p in parse_export(path.read_bytes()).products}
    red = by_sku["woo-vneck-tee-red"]
    assert (red.name, red.variant, red.price_cents, red.category) == ("V-Neck T-Shirt", "Red", 2000, "Tshirts")
    assert by_sku["woo-hoodie-blue-logo"].variant == "Blue, Yes"
    assert "woo-vneck-tee" not in by_sku  # the variable parent gives way to its variations
    assert by_sku["woo-single"].price_cents == 300  # "simple, downloadable, virtual"


@needs_shared
def test_shopify_variants_share_the_handle_and_images_rows_are_not_products():
    path = next(p for p in EXPORTS if p.name == "jewelery.csv")
    rows = [p for p in parse_export(path.read_bytes()).products if p.key.startswith("leather-anchor|")]
    assert [(r.name, r.variant, r.price_cents) for r in rows] == [
        ("Anchor Bracelet Mens", "Gold", 6999), ("Anchor Bracelet Mens", "Silver", 5500)]
    path = next(p for p in EXPORTS if p.name == "product_template_2025.csv")
    first = parse_export(path.read_bytes()).products[0]
    assert (first.sku, first.variant, first.price_cents, first.cost_cents) == ("TheBandTShirt-SG", "Small / green", 1999, 1100)


def test_own_woocommerce_fixture():
    parsed = parse_export((DATA / "woo_variations.csv").read_bytes())
    rows = {p.sku: p for p in parsed.products}
    assert set(rows) == {"AR-LUNA-Z", "AR-LUNA-G", "OR-101"}
    silver = rows["AR-LUNA-Z"]  # parent given as id:10, price with a decimal comma
    assert (silver.name, silver.variant, silver.price_cents, silver.category) == ("Schakelarmband Luna", "Zilver", 3995, "Armbanden")
    assert silver.image_url == "https://example.invalid/luna-1.jpg"  # first of several, from the parent
    assert rows["AR-LUNA-G"].image_url == "https://example.invalid/luna-goud.jpg"
    assert rows["AR-LUNA-G"].price_cents == 4950
    assert rows["OR-101"].name == 'Oorbellen "Druppel"' and rows["OR-101"].price_cents == 2495
    assert [(s.line, s.name) for s in parsed.skipped] == [(2, "Schakelarmband Luna"), (8, "Cadeauset")]


def test_own_shopify_fixture():
    parsed = parse_export((DATA / "shopify_variants.csv").read_bytes())
    assert [(p.key, p.variant, p.price_cents, p.cost_cents, p.category) for p in parsed.products] == [
        ("ring-golf|16", "16", 2495, 650, "Ringen"),
        ("ring-golf|17", "17", 2495, 650, "Ringen"),
        ("NK-501", "", 4295, 1200, "Maatwerk"),
    ]
    assert parsed.products[1].image_url == "https://example.invalid/golf-17.jpg"
    assert [p.line for p in parsed.products] == [2, 4, 6]  # physical lines, after a multi-line cell


def dutch_resave(data: bytes) -> bytes:
    """What a Dutch spreadsheet program writes: ';', Windows-1252, decimal commas, no BOM."""
    rows = list(csv.reader(io.StringIO(importers.decode(data), newline="")))
    money = {i for i, h in enumerate(rows[0]) if "price" in h.lower() or "cost" in h.lower()}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for n, row in enumerate(rows):
        if n:
            row = [format((Decimal(parse_amount(c)) / 100).normalize(), "f").replace(".", ",") if i in money and c.strip() else c
                   for i, c in enumerate(row)]
        writer.writerow(row)
    return out.getvalue().encode("cp1252", errors="replace")


@pytest.mark.parametrize("path", [*EXPORTS, DATA / "woo_variations.csv", DATA / "shopify_variants.csv"],
                         ids=lambda p: p.name)
def test_dutch_resave_imports_the_same(path):
    original = parse_export(path.read_bytes())
    resaved = dutch_resave(path.read_bytes())
    assert b";" in resaved.split(b"\n")[0]
    again = parse_export(resaved)
    assert again.layout == original.layout
    assert again.products == original.products
    assert again.skipped == original.skipped


def test_windows_1252_names_survive():
    text = "Handle;Title;Variant Price\r\ncreool;Créool “klein”;19,95\r\n"
    product = parse_export(text.encode("cp1252")).products[0]
    assert (product.name, product.price_cents) == ("Créool “klein”", 1995)


@pytest.mark.parametrize("text,cents", [
    ("19.99", 1999), ("19,99", 1999), (".5", 50), ("1.234,50", 123450), ("1,234.50", 123450),
    ("€ 12,50", 1250), ("12", 1200), ("", None), ("  ", None), ("0,125", 13), ("1.234", 123400),
    ("1.234.567", 123456700), ("25,-", None),
])
def test_amounts(text, cents):
    if text == "25,-":
        with pytest.raises(ValueError):
            parse_amount(text)
        return
    assert parse_amount(text) == cents


@pytest.mark.parametrize("content,line,words", [
    (b"", 0, "empty"),
    (b"sku,name\nA,B\n", 1, "not a product export"),
    (b"Handle,Title,Variant Price\nx,X,abc\n", 2, "abc"),
    (b"Handle,Title,Variant Price\nx,X,1\ny,\"Y,2\n", 3, "quoted"),
    (b"Handle,Title,Variant Price\nx,X,1\ny,Y,2,3,4\n", 3, "cells"),
    (b"Handle,Title,Variant Price\nx,X,1\n,Y,2\n", 3, "Handle"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 0, "text"),
    (b"Handle,Title,Variant Price\nx,X,-5\n", 2, "-5"),
])
def test_bad_files_name_the_line_and_the_problem(content, line, words):
    i18n.set_language("en")
    with pytest.raises(ImportFailed) as failed:
        parse_export(content)
    assert failed.value.line == line
    assert words in str(failed.value)
    if line:
        assert str(failed.value).startswith(f"Line {line}:")


def test_messages_are_dutch_by_default():
    with pytest.raises(ImportFailed) as failed:
        parse_export(b"Handle,Title,Variant Price\nx,X,abc\n")
    assert str(failed.value) == "Regel 2: “abc” in de kolom “Variant Price” is geen bedrag."


def test_reimport_updates_by_key_and_keeps_own_picture(database):
    apply_import(parse_export((DATA / "shopify_variants.csv").read_bytes()), NOW)
    Product.update(image_path="pictures/own.png").where(Product.key == "NK-501").execute()
    changed = (DATA / "shopify_variants.csv").read_text().replace("42.95", "44.95")
    summary = apply_import(parse_export(changed.encode()), NOW)
    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 2)
    product = Product.get(Product.key == "NK-501")
    assert product.price_cents == 4495 and product.image_path == "pictures/own.png"


def test_cancelled_or_failing_import_changes_nothing(database, monkeypatch):
    apply_import(parse_export((DATA / "shopify_variants.csv").read_bytes()), NOW)
    before = snapshot()
    rows = "\n".join(f"h{i},Product {i},{i},9.99" for i in range(1200))
    parsed = parse_export(("Handle,Title,Variant SKU,Variant Price\n" + rows).encode())
    with pytest.raises(ImportCancelled):
        apply_import(parsed, NOW, progress=lambda done, total: done < 1000)
    assert snapshot() == before
    calls = []

    def explode(done, total):
        calls.append(done)
        if done >= 1000:
            raise OSError("disk full")

    with pytest.raises(OSError):
        apply_import(parsed, NOW, progress=explode)
    assert calls and snapshot() == before


def snapshot():
    return sorted(Product.select(Product.key, Product.name, Product.price_cents).tuples())


def test_ten_thousand_rows_in_one_go(database):
    rows = "\n".join(f'h{i},"Product {i}","<p>line\nline</p>",SKU-{i},"{i % 90},95"' for i in range(10_000))
    data = ("\ufeffHandle,Title,Body (HTML),Variant SKU,Variant Price\n" + rows).encode()
    seen = []
    parsed = parse_export(data, progress=lambda done, total: seen.append((done, total)))
    assert len(parsed.products) == 10_000 and seen[-1][0] == seen[-1][1]
    summary = apply_import(parsed, NOW)
    assert summary.new == 10_000 and Product.select().count() == 10_000


# --- hypothesis: broken files ------------------------------------------------------------

SEEDS = [(DATA / "woo_variations.csv").read_bytes(), (DATA / "shopify_variants.csv").read_bytes()]
NOISE = st.sampled_from([b'"', b",", b";", b"\n", b"\r\n", b"\x00", b"\xff", b"abc", b"-1", b"\xe2\x80\xa8", b""])


@st.composite
def broken_exports(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["insert", "delete", "truncate"]))
        at = draw(st.integers(0, len(data)))
        if kind == "insert":
            data[at:at] = draw(NOISE)
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 20))]
        else:
            del data[at:]
    return bytes(data)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.one_of(broken_exports(), st.binary(max_size=400)))
def test_broken_files_never_crash_and_never_import_partly(database, data):
    before = snapshot()
    try:
        parsed = parse_export(data)
    except ImportFailed as failed:
        assert str(failed)  # a message for people, and nothing written
        assert snapshot() == before
        return
    summary = apply_import(parsed, NOW)
    after = snapshot()
    assert len(after) == len(before) + summary.new
    assert summary.new + summary.updated + summary.unchanged == len(parsed.products)
