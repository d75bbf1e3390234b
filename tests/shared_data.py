"""Where the shared test data lives (shared/ beside the checkout), or None when absent.

/work/main and CI's clone have shared/ beside the checkout; a worktree under
/work/wt/NAME has it one level further up; AFSPRAAK_SHARED_DIR overrides both.
"""

from __future__ import annotations

import os
from pathlib import Path


def shared_dir() -> Path | None:
    here = Path(__file__).resolve()
    candidates = []
    if os.environ.get("AFSPRAAK_SHARED_DIR"):
        candidates.append(Path(os.environ["AFSPRAAK_SHARED_DIR"]))
    candidates += [here.parents[2] / "shared", here.parents[3] / "shared"]
    for candidate in candidates:
        if (candidate / "data" / "shop-exports").is_dir():
            return candidate
    return None


# What the app takes for a shop export (views/dropping.EXPORT_SUFFIXES).
EXPORT_SUFFIXES = (".csv", ".txt", ".tsv")


def shop_exports() -> list[Path]:
    """Every real export under shared/data/shop-exports, at any depth (products under
    PLATFORM/, orders under orders/PLATFORM/, and whatever folders come later), sorted by
    their path; README-like files (SOURCES.md) are not exports."""
    folder = shared_dir()
    if folder is None:
        return []
    root = folder / "data" / "shop-exports"
    return sorted(p for p in root.rglob("*") if p.is_file() and p.suffix.lower() in EXPORT_SUFFIXES)


def is_orders_file(path: Path) -> bool:
    """An orders export, by where SOURCES.md puts it: under a folder named "orders"."""
    return "orders" in _relative_parts(path)


def _relative_parts(path: Path) -> tuple[str, ...]:
    """The folders of ``path`` below shop-exports/ (all of them for a path elsewhere)."""
    folder = shared_dir()
    try:
        return path.relative_to(folder / "data" / "shop-exports").parts[:-1] if folder else path.parts[:-1]
    except ValueError:
        return path.parts[:-1]


def product_exports() -> list[Path]:
    """The real products exports (``shop_exports`` not under an "orders" folder)."""
    return [p for p in shop_exports() if not is_orders_file(p)]


def order_exports() -> list[Path]:
    """The real orders exports (under an "orders" folder, at any depth)."""
    return [p for p in shop_exports() if is_orders_file(p)]


def platform_of(path: Path) -> str:
    """The platform folder a real export is in ("shopify", "woocommerce", "etsy"): the first
    folder below shop-exports/ (products) or below orders/ (orders)."""
    parts = [part for part in _relative_parts(path) if part != "orders"]
    return parts[0] if parts else ""
