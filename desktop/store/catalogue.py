"""The product catalogue: importing a parsed shop export, adding products by hand, pictures.

``apply_import`` writes a whole ``ParsedExport`` in ONE transaction: every product is new
or updated by its key, or the database is left exactly as it was (an error, or the
``progress`` callback returning False, rolls everything back). It writes in chunks and
calls ``progress`` between them, so the GUI can keep its window responsive while the
single writer (the GUI thread) imports 10,000 rows.

A row its key does not find is looked for among the shop's products by name and variant
when that key could not have found it: the file has no SKU column (every row is keyed by
its name), or the row has a SKU and the product none yet (it came from a file without
them). One product found: that one (it takes the row's SKU). Several, or several rows for
one: the rows are skipped and named (``ImportSummary.unclear``), never a product doubled
or the wrong one changed.
"""

from __future__ import annotations

import logging
import uuid
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable, NamedTuple

from desktop import paths
from desktop.domain import importers as rules
from desktop.domain.importers import PRODUCT_FIELDS as FIELDS, ParsedExport, ProductRow as FileRow, SkippedRow, Unclear
from desktop.store import pictures, settings
from desktop.store.db import db, handing_turns
from desktop.store.models import Event, Product

log = logging.getLogger(__name__)

PICTURE_FOLDER = "pictures"
PICTURE_FORMATS = ("png", "jpg", "jpeg", "gif", "webp", "bmp")


class ImportCancelled(Exception):
    """The user stopped the import; nothing was changed."""


@dataclass
class ImportSummary:
    source: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the file lacked, and what was done about it
    found_by_name: int = 0  # rows whose product was found by name and variant, not by its key
    new_without_price: int = 0  # new products the file gave no price (in euros) for
    prices_up: int = 0  # products updated whose price the file puts higher than stored
    prices_down: int = 0  # ... lower (an older export after a newer one sets prices back: said, audit 11, F6)
    unclear: list[Unclear] = field(default_factory=list)  # rows that fit several products (or one, several rows)
    stored_before: int | None = None  # products in the catalogue before (0: its first import)
    lacking: list[tuple[str, str]] = field(default_factory=list)  # ParsedExport.lacking
    # SKUs of digits a spreadsheet wrote without their leading zeros (``importers.zeros_dropped``):
    # (the file's SKU, the stored one) of the rows found so, by name and variant; and (line,
    # the file's SKU, the stored one, the row's name) of those added as new products, their
    # name another. Facts, worded for the owner by presentation/import_texts.zeros_notes.
    zeros: list[tuple[str, str]] = field(default_factory=list)
    zeros_unsure: list[tuple[int, str, str, str]] = field(default_factory=list)


def _same_name(name: str, variant: str) -> tuple[str, str]:
    return " ".join(name.split()).casefold(), " ".join(variant.split()).casefold()


def _find_by_name(parsed: ParsedExport, existing: dict[str, Product], targets: list[Product | None],
                  summary: ImportSummary) -> set[int]:
    """Fill ``targets`` (the stored product of each row, by index) for the rows their key did
    not find and that may be a stored product by name and variant; returns the indexes of the
    rows left unclear (skipped)."""
    no_sku_column = "sku" not in parsed.fields
    claimed = {t.id for t in targets if t is not None}
    for i, row in enumerate(parsed.products):  # stored under the key an earlier Afspraak gave it
        formerly = [existing.get(k) for k in row.former_keys] if targets[i] is None else []
        found = next((p for p in formerly if p is not None and p.source == parsed.source and p.id not in claimed
                      and (not p.sku or p.sku == row.sku)), None)
        if found is not None:
            targets[i] = found
            claimed.add(found.id)
    if not no_sku_column:  # the key an export without SKUs gave it (Shopify's handle|variant)
        for i, row in enumerate(parsed.products):
            found = existing.get(row.plain_key) if targets[i] is None and row.sku and row.plain_key else None
            if found is not None and not found.sku and found.source == parsed.source and found.id not in claimed:
                targets[i] = found
                claimed.add(found.id)
                summary.found_by_name += 1
    by_name: dict[tuple[str, str], list[Product]] = {}
    for product in existing.values():
        if product.source == parsed.source and product.id not in claimed and (no_sku_column or not product.sku):
            by_name.setdefault(_same_name(product.name, product.variant), []).append(product)
    wanted: dict[tuple[str, str], list[int]] = {}
    for i, row in enumerate(parsed.products):
        if targets[i] is None and (no_sku_column or row.sku):
            wanted.setdefault(_same_name(row.name, row.variant), []).append(i)
    unclear: set[int] = set()
    for name, rows in wanted.items():
        candidates = by_name.get(name, [])
        if not candidates:
            continue  # a product new to Afspraak
        if len(candidates) == 1 and len(rows) == 1:
            targets[rows[0]] = candidates[0]
            summary.found_by_name += 1
            continue
        # Two products of one name (two Shopify handles titled alike): a row whose price,
        # picture, category and cost are those of exactly one of them, and of no other row,
        # is that one. Anything less is not guessed.
        fits = {i: [c for c in candidates if _same_values(parsed, parsed.products[i], c)] for i in rows}
        for i in rows:
            mine = fits[i]
            if len(mine) == 1 and sum(1 for j in rows if mine[0] in fits[j]) == 1:
                targets[i] = mine[0]
                summary.found_by_name += 1
                continue
            row: FileRow = parsed.products[i]
            summary.unclear.append(Unclear(row.line, row.name, row.variant, len(candidates), len(rows)))
            unclear.add(i)
    summary.unclear.sort(key=lambda u: u.line)
    return unclear


def _find_without_zeros(parsed: ParsedExport, existing: dict[str, Product], targets: list[Product | None],
                        summary: ImportSummary) -> set[int]:
    """Fill ``targets`` for the rows whose SKU of digits a stored product of the shop has with
    or without leading zeros ("123" and "00123": a spreadsheet program wrote it as a number,
    ``importers.zeros_dropped``), the same name and variant too: that product. Returns the
    indexes of those rows whose stored SKU has the zeros (the shop's): it stays. A row of
    another name is a new product, said (``summary.zeros_unsure``)."""
    claimed = {t.id for t in targets if t is not None}
    by_digits: dict[str, list[Product]] = {}
    for product in existing.values():
        if product.source == parsed.source and product.sku.isascii() and product.sku.isdigit():
            by_digits.setdefault(product.sku.lstrip("0"), []).append(product)
    keep: set[int] = set()
    if not by_digits:
        return keep
    for i, row in enumerate(parsed.products):
        if targets[i] is not None or not row.sku:
            continue
        others = [p for p in by_digits.get(row.sku.lstrip("0"), ())
                  if p.id not in claimed and rules.zeros_dropped(row.sku, p.sku)]
        same = [p for p in others if _same_name(p.name, p.variant) == _same_name(row.name, row.variant)]
        if len(same) == 1:
            targets[i] = same[0]
            claimed.add(same[0].id)
            summary.zeros.append((row.sku, same[0].sku))
            if len(same[0].sku) > len(row.sku):
                keep.add(i)
        elif others and not same:
            summary.zeros_unsure.append((row.line, row.sku, others[0].sku, row.name))
    return keep


def _same_values(parsed: ParsedExport, row: FileRow, product: Product) -> bool:
    """Does ``product`` hold what ``row`` says besides its name (at least one thing to compare)?"""
    said = [f for f in ("price_cents", "cost_cents", "category", "image_url")
            if f in parsed.fields and f not in row.unknown]
    return bool(said) and all(getattr(row, f) == getattr(product, f) for f in said)


def apply_import(parsed: ParsedExport, now: datetime,
                 progress: Callable[[int, int], bool | None] | None = None,
                 chunk: int = 500, file_name: str = "") -> ImportSummary:
    """Write ``parsed`` in one transaction (cancelled, or failing, nothing is written). An
    import that changed the catalogue leaves one event on the timeline, in the same
    transaction (fact ``products_imported``: the file's name and the counts), so the
    timeline says when the catalogue arrived; undoing the import takes it back with it.

    What is stored is read inside that transaction, which takes the write lock as it begins
    (BEGIN IMMEDIATE, ``db.OwnedDatabase``): another import at the same time, in the window
    or in `afspraak import`, waits for this one and then finds its products (nothing read
    before the lock, so nothing to plan again as ``shop_orders.apply_plan`` must)."""
    summary = ImportSummary(source=parsed.source, skipped=list(parsed.skipped), notes=list(parsed.notes),
                            lacking=list(parsed.lacking))
    total = len(parsed.products)
    # With ``progress`` the caller lets the event loop run between chunks: other writes
    # wait meanwhile (store/db.py, handing_turns).
    with handing_turns() if progress is not None else nullcontext(), db.atomic():
        existing = {p.key: p for p in Product.select()}
        summary.stored_before = len(existing)
        targets = [existing.get(row.key) for row in parsed.products]
        unclear = _find_by_name(parsed, existing, targets, summary)
        stored_sku = _find_without_zeros(parsed, existing, targets, summary)
        new_rows: list[dict] = []
        for done, row in enumerate(parsed.products, start=1):
            current = targets[done - 1]
            values = {name: getattr(row, name) for name in FIELDS}
            if done - 1 in unclear:
                pass
            elif current is None:
                new_rows.append(dict(values, key=row.key, source=parsed.source, created_at=now, updated_at=now))
                summary.new += 1
                summary.new_without_price += values.get("price_cents") is None
            else:  # only what the file has a column for (and the row can tell): the rest stays as stored
                changed = {name: value for name, value in values.items()
                           if name in parsed.fields and name not in row.unknown and getattr(current, name) != value}
                if done - 1 in stored_sku:  # the SKU with its zeros, as the shop has it
                    changed.pop("sku", None)
                elif row.sku and current.key != row.key and "sku" in parsed.fields:
                    changed["key"] = row.key  # found by name: from now on by its SKU
                if current.key != row.key and current.key in row.former_keys:
                    # stored by an earlier Afspraak under its name: from now on by its WooCommerce ID,
                    # nothing the owner sees changed (not counted as updated)
                    Product.update(key=row.key).where(Product.id == current.id).execute()
                    changed.pop("key", None)
                if changed:
                    Product.update(**changed, updated_at=now).where(Product.id == current.id).execute()
                    summary.updated += 1
                    if changed.get("price_cents") is not None and current.price_cents is not None:
                        summary.prices_up += changed["price_cents"] > current.price_cents
                        summary.prices_down += changed["price_cents"] < current.price_cents
                else:
                    summary.unchanged += 1
            if len(new_rows) >= chunk:
                Product.insert_many(new_rows).execute()
                new_rows = []
            if done % chunk == 0 and progress is not None and progress(done, total) is False:
                raise ImportCancelled()
        if new_rows:
            Product.insert_many(new_rows).execute()
        if summary.new or summary.updated:
            Event.create(at=now, kind="import", direction="none", fact="products_imported",
                         params={"file": file_name, "new": summary.new, "updated": summary.updated,
                                 "without_price": summary.new_without_price})
        if progress is not None and progress(total, total) is False:
            raise ImportCancelled()
    return summary


def manual_key(sku: str, name: str, variant: str) -> str:
    return sku.strip() or f"manual|{' '.join(name.lower().split())}|{' '.join(variant.lower().split())}"


def same_product(sku: str, name: str, variant: str) -> Product | None:
    """The product already in the catalogue that one added by hand would be: the same SKU
    in any capitals, or, without a SKU, the same name and variant (imported or by hand;
    spaces and capitals aside). Compared in Python over plain tuples (SQLite's LOWER
    knows no "É"): 10,000 products in a few ms."""
    wanted_sku = sku.strip().casefold()
    if wanted_sku:
        found = [pid for pid, other in Product.select(Product.id, Product.sku).where(Product.sku != "").tuples()
                 if other.strip().casefold() == wanted_sku]
    else:
        wanted = (" ".join(name.split()).casefold(), " ".join(variant.split()).casefold())
        found = [pid for pid, other_name, other_variant in
                 Product.select(Product.id, Product.name, Product.variant).tuples()
                 if (" ".join(other_name.split()).casefold(), " ".join(other_variant.split()).casefold()) == wanted]
    return Product.get_by_id(found[0]) if found else None


def add_product(*, name: str, sku: str = "", variant: str = "", price_cents: int | None = None,
                cost_cents: int | None = None, category: str = "", image_path: str = "",
                now: datetime) -> Product:
    with db.atomic():
        return Product.create(key=manual_key(sku, name, variant), sku=sku.strip(), name=name.strip(),
                              variant=variant.strip(), price_cents=price_cents, cost_cents=cost_cents,
                              category=category.strip(), image_path=image_path, source="manual",
                              created_at=now, updated_at=now)


def save_picture(source: Path, fmt: str, check: pictures.Check | None = None) -> str:
    """Copy an image into the data dir under a generated name; returns the path relative to it.

    ``fmt`` is the image format as read from the file's content (never from its name). The
    file is read once and checked whole (``store.pictures.read_picture``, with ``check``),
    and exactly those bytes are written. Raises ``pictures.NotAPicture`` or the OSError of a
    copy that could not be written; no file is left behind either way.
    """
    fmt = fmt.lower()
    if fmt not in PICTURE_FORMATS:
        raise ValueError(fmt)
    data, kind = pictures.read_picture(source, pictures.PRODUCT_KINDS, check)
    folder = paths.ensure_private_dir(paths.data_dir() / PICTURE_FOLDER)
    name = f"{uuid.uuid4().hex}{pictures.extension(kind)}"
    pictures.write_new(folder / name, data)
    return f"{PICTURE_FOLDER}/{name}"


def set_picture(product_id: int, source: Path, fmt: str, now: datetime, check: pictures.Check | None = None) -> str:
    """Give the product ``source`` as its picture (a copy in the data dir). The picture it
    had is not deleted at once: the automatic backups hold the database only, and one
    restored from before today would name it. It is listed as replaced and deleted by
    :func:`sweep_replaced_pictures` once no kept backup can need it. When storing fails,
    the new copy is deleted again and the old picture stays. A file refused (``save_picture``)
    changes nothing."""
    new = save_picture(source, fmt, check)
    try:
        with db.atomic():
            product = Product.get_by_id(product_id)
            old = product.image_path if picture_file_at(product.image_path) else ""
            Product.update(image_path=new, updated_at=now).where(Product.id == product_id).execute()
            if old and old != new:
                replaced = list(settings.get("replaced_pictures") or [])
                replaced.append({"path": old, "at": now.isoformat()})
                settings.set("replaced_pictures", replaced)
    except BaseException:
        _remove_picture(new)
        raise
    return new


def list_replaced_picture(image_path: str, now: datetime) -> None:
    """A picture no product uses any more (a picture drop undone): swept like a replaced one."""
    with db.atomic():
        replaced = list(settings.get("replaced_pictures") or [])
        if not any(isinstance(e, dict) and e.get("path") == image_path for e in replaced):
            replaced.append({"path": image_path, "at": now.isoformat()})
            settings.set("replaced_pictures", replaced)


def sweep_replaced_pictures(now: datetime, keep_days: int, oldest_copy: datetime | None = None) -> int:
    """Delete the replaced pictures that no kept backup can name any more and that no
    product uses again (a restored backup, say). Returns how many files went. A picture
    replaced after the oldest copy of her data that can still be put back (``oldest_copy``,
    naive UTC: ``recovery.oldest_copy``) stays: that copy names it. Without one, those
    replaced more than ``keep_days`` + 1 days ago go. Counted in days only, a restore of an
    automatic backup of a shop opened weekly (14 backups: three months) or of a copy she saved
    herself showed its products without their pictures (review of backups)."""
    with db.atomic():
        listed = [e for e in (settings.get("replaced_pictures") or []) if isinstance(e, dict) and e.get("path")]
        cutoff = now - timedelta(days=keep_days + 1)
        if oldest_copy is not None:
            cutoff = min(cutoff, oldest_copy)
        keep, gone = [], []
        for entry in listed:
            try:
                due = datetime.fromisoformat(str(entry.get("at"))) <= cutoff
            except ValueError:
                due = True  # an unreadable date: old enough
            if not due:
                keep.append(entry)
            elif not Product.select().where(Product.image_path == entry["path"]).exists():
                gone.append(entry["path"])
        if len(keep) != len(listed):
            settings.set("replaced_pictures", keep)
    for image_path in gone:
        _remove_picture(image_path)
    return len(gone)


def _remove_picture(image_path: str) -> None:
    found = picture_file_at(image_path)
    if found is None:
        return
    try:
        found.unlink(missing_ok=True)
    except OSError:
        log.warning("could not remove the picture %s", found)


def picture_file_at(image_path: str | None) -> Path | None:
    """The picture stored as ``image_path`` (a product's field) on disk, or None."""
    if not image_path:
        return None
    path = (paths.data_dir() / image_path).resolve()
    folder = (paths.data_dir() / PICTURE_FOLDER).resolve()
    if folder not in path.parents or not path.is_file():
        return None
    return path


# --- reading, for the catalogue dock ------------------------------------------------------

class ProductRow(NamedTuple):
    id: int
    name: str
    variant: str
    price_cents: int | None
    sku: str
    category: str
    image_url: str
    image_path: str


def product_rows() -> list[ProductRow]:
    """Every product with what the catalogue shows of it, by name and variant (one query,
    read as stored: text and whole numbers need no conversion by Peewee)."""
    query = (Product.select(Product.id, Product.name, Product.variant, Product.price_cents, Product.sku,
                            Product.category, Product.image_url, Product.image_path)
             .order_by(Product.name, Product.variant))
    return [ProductRow(*row) for row in db.execute_sql(*query.sql())]
