"""The real shop exports the import tests read (tests/shared_data.py) are found at any depth:
the orders under orders/PLATFORM/ were left out when only one folder deep was looked at."""

from __future__ import annotations

from tests import shared_data


def test_every_real_export_is_found_at_any_depth(tmp_path, monkeypatch):
    root = tmp_path / "data" / "shop-exports"
    files = ["shopify/jewelery.csv", "orders/shopify/orders_export_1.csv", "orders/etsy/2024/sold.tsv",
             "woocommerce/deeper/still/products.txt"]
    for name in [*files, "SOURCES.md", "orders/README.md"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("Handle,Title\n")
    monkeypatch.setenv("AFSPRAAK_SHARED_DIR", str(tmp_path))
    assert [p.relative_to(root).as_posix() for p in shared_data.shop_exports()] == sorted(files)
    assert [p.name for p in shared_data.order_exports()] == ["sold.tsv", "orders_export_1.csv"]
    assert [p.name for p in shared_data.product_exports()] == ["jewelery.csv", "products.txt"]
    assert [shared_data.platform_of(p) for p in shared_data.shop_exports()] == [
        "etsy", "shopify", "shopify", "woocommerce"]
