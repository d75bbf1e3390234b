"""Read a shop's own product export: WooCommerce, Shopify (classic) and Shopify (2025).

Pure Python, no Qt, no database: ``parse_export(data)`` takes the file's bytes and returns
the products in it (``ProductRow``), the rows it skipped with a reason, and which layout
it recognised. Anything that makes the file unreadable raises ``ImportFailed`` naming
the line and the problem; the caller then changes nothing.

What real exports contain (see shared/data/shop-exports/SOURCES.md) and how it is met:

- encodings: UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252 (a file
  re-saved by a Dutch spreadsheet program); the delimiter (``,``, ``;`` or tab) is read
  from the header line;
- quoted multi-line cells with HTML, escaped quotes, CRLF rows with bare LF inside cells;
  line numbers in messages are the physical line where a record starts;
- Shopify: one product spans several rows that share the Handle; rows with only an image
  are extra pictures, not products; "Default Title" means "no variant";
- WooCommerce: variation rows point to their parent by SKU or ``id:<ID>`` in "Parent"
  and inherit its name, category, price and picture; grouped and external products are
  skipped (nothing to ship); a variable product whose variations are in the file is
  skipped in favour of its variations;
- prices with a decimal point or comma (``19.99``, ``19,99``, ``.5``, ``1.234,50``,
  ``€ 12,50``).

A product's ``key`` (what a re-import matches on) is its SKU, or ``handle|variant`` when it
has none, so importing the same file twice never duplicates anything.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable

from desktop.i18n import _, ngettext

WOOCOMMERCE = "woocommerce"
SHOPIFY = "shopify"
SHOPIFY_2025 = "shopify_2025"

# Column names per layout (compared case-insensitively, surrounding spaces ignored).
# Several names per field: the first one present wins.
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
    WOOCOMMERCE: {
        "id": ("ID",),
        "type": ("Type",),
        "sku": ("SKU",),
        "name": ("Name",),
        "price": ("Regular price",),
        "sale_price": ("Sale price",),
        # Not in WooCommerce itself; written by cost-of-goods plugins.
        "cost": ("Cost", "Cost price", "Meta: _wc_cog_cost", "Meta: _purchase_price"),
        "category": ("Categories",),
        "images": ("Images",),
        "parent": ("Parent",),
        "attr1": ("Attribute 1 value(s)",),
        "attr2": ("Attribute 2 value(s)",),
        "attr3": ("Attribute 3 value(s)",),
    },
    SHOPIFY: {
        "handle": ("Handle",),
        "name": ("Title",),
        "sku": ("Variant SKU",),
        "option1": ("Option1 Value",),
        "option2": ("Option2 Value",),
        "option3": ("Option3 Value",),
        "price": ("Variant Price",),
        "cost": ("Cost per item",),
        "type": ("Type",),
        "category": ("Product Category",),
        "image": ("Image Src",),
        "variant_image": ("Variant Image",),
    },
    SHOPIFY_2025: {
        "handle": ("URL handle",),
        "name": ("Title",),
        "sku": ("SKU",),
        "option1": ("Option1 value",),
        "option2": ("Option2 value",),
        "option3": ("Option3 value",),
        "price": ("Price",),
        "cost": ("Cost per item",),
        "type": ("Type",),
        "category": ("Product category",),
        "image": ("Product image URL",),
        "variant_image": ("Variant image URL",),
    },
}

# What identifies a layout: every one of these columns must be present.
SIGNATURES: list[tuple[str, tuple[str, ...]]] = [
    (SHOPIFY_2025, ("URL handle", "Title", "Price")),
    (SHOPIFY, ("Handle", "Title", "Variant Price")),
    (WOOCOMMERCE, ("Type", "SKU", "Name", "Regular price")),
]

SOURCE_OF_LAYOUT = {WOOCOMMERCE: "woocommerce", SHOPIFY: "shopify", SHOPIFY_2025: "shopify"}
NO_VARIANT = "default title"  # Shopify's option value for a product without variants


class ImportFailed(Exception):
    """The file cannot be imported; ``line`` is 1-based (0 when no line applies)."""

    def __init__(self, line: int, problem: str):
        super().__init__(line, problem)
        self.line = line
        self.problem = problem

    def __str__(self) -> str:
        if self.line:
            return _("Line {line}: {problem}").format(line=self.line, problem=self.problem)
        return self.problem


@dataclass(frozen=True)
class ProductRow:
    line: int
    key: str
    sku: str
    name: str
    variant: str
    price_cents: int | None
    cost_cents: int | None
    category: str
    image_url: str


@dataclass(frozen=True)
class SkippedRow:
    line: int
    name: str
    reason: str


@dataclass
class ParsedExport:
    layout: str
    products: list[ProductRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)

    @property
    def source(self) -> str:
        return SOURCE_OF_LAYOUT[self.layout]


Progress = Callable[[int, int], None]


# --- reading the bytes ---------------------------------------------------------------

def decode(data: bytes) -> str:
    """The file's text: UTF-16 (with BOM), UTF-8 (BOM or not), else Windows-1252."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFailed(0, _("This is not a text file, so it cannot be a product export."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportFailed(0, _("The file says it is UTF-16 text but cannot be read as such.")) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        # The five bytes Windows-1252 leaves undefined: read them as Latin-1.
        return data.decode("latin-1")


def _sniff_delimiter(header_line: str) -> str:
    counts = {d: _count_outside_quotes(header_line, d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _count_outside_quotes(text: str, char: str) -> int:
    count, quoted = 0, False
    for c in text:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def _norm(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").split()).lower()


def detect_layout(header: list[str]) -> str | None:
    names = {_norm(h) for h in header}
    for layout, required in SIGNATURES:
        if all(_norm(r) in names for r in required):
            return layout
    return None


# --- values ----------------------------------------------------------------------------

_AMOUNT_JUNK = re.compile(r"[\s\u00a0\u202f€$£]|eur\b", re.IGNORECASE)


def parse_amount(text: str) -> int | None:
    """'19.99', '19,99', '.5', '1.234,50', '1,234.50', '€ 12,50' -> cents; '' -> None.

    For the cells of a shop's CSV export, whose convention is the shop's, not the owner's.
    Money the owner types into a dialog is read by ``money.parse_money`` instead.
    Raises ValueError for anything else (letters, negative amounts).
    """
    cleaned = _AMOUNT_JUNK.sub("", text or "")
    if not cleaned:
        return None
    if not re.fullmatch(r"[0-9.,]+", cleaned) or not re.search(r"[0-9]", cleaned):
        raise ValueError(text)
    last_dot, last_comma = cleaned.rfind("."), cleaned.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        decimal_sep = "." if last_dot > last_comma else ","
        thousands = "," if decimal_sep == "." else "."
        whole, _sep, fraction = cleaned.rpartition(decimal_sep)
        if decimal_sep in whole:
            raise ValueError(text)
        number = whole.replace(thousands, "") + "." + fraction
    elif last_dot >= 0 or last_comma >= 0:
        sep = "." if last_dot >= 0 else ","
        parts = cleaned.split(sep)
        if len(parts) > 2:  # 1.234.567: thousands separators only
            if not all(len(p) == 3 for p in parts[1:]):
                raise ValueError(text)
            number = "".join(parts)
        elif len(parts[1]) == 3 and parts[0] not in ("", "0"):
            number = "".join(parts)  # 1.234 / 1,234: a thousands separator, as people read it
        else:
            number = (parts[0] or "0") + "." + (parts[1] or "0")
    else:
        number = cleaned
    try:
        value = Decimal(number)
    except InvalidOperation:
        raise ValueError(text) from None
    cents = (value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    if cents > 10**11:
        raise ValueError(text)
    return int(cents)


def _clean(text: str) -> str:
    """One line of text: whitespace (also line and paragraph separators) collapsed."""
    return " ".join((text or "").split())


def _first_url(cell: str) -> str:
    for part in (cell or "").split(","):
        part = part.strip()
        if part.lower().startswith(("https://", "http://")):
            return part
    return ""


def _category(text: str) -> str:
    """WooCommerce lists categories as 'Clothing > Tshirts, Music': keep the first, deepest."""
    first = _clean(text).split(",")[0] if text else ""
    return first.split(">")[-1].strip()


def _slug(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", text.lower()).strip("-")


# --- the reader ------------------------------------------------------------------------

class _Rows:
    """csv rows as (start line, {field: value}) with the layout's columns resolved."""

    def __init__(self, text: str, progress: Progress | None):
        self.text = text
        first_line = text.split("\n", 1)[0]
        self.delimiter = _sniff_delimiter(first_line)
        self.reader = csv.reader(io.StringIO(text, newline=""), delimiter=self.delimiter, strict=True)
        self.total_lines = max(1, text.count("\n") + 1)
        self.progress = progress
        try:
            self.header = next(self.reader)
        except StopIteration:
            raise ImportFailed(0, _("The file is empty.")) from None
        except csv.Error as exc:
            raise ImportFailed(1, _("the header cannot be read ({error}).").format(error=exc)) from None
        self.layout = detect_layout(self.header)
        if self.layout is None:
            raise ImportFailed(1, _(
                "this is not a product export from WooCommerce or Shopify: the first line should "
                "hold column names such as “Handle”, “Title” and “Variant Price” (Shopify) or "
                "“Type”, “SKU”, “Name” and “Regular price” (WooCommerce)."))
        position = {_norm(h): i for i, h in reversed(list(enumerate(self.header)))}
        self.index: dict[str, int] = {}
        for key, names in COLUMNS[self.layout].items():
            for name in names:
                if _norm(name) in position:
                    self.index[key] = position[_norm(name)]
                    break

    def __iter__(self):
        width = len(self.header)
        count = 0
        while True:
            start = self.reader.line_num + 1
            try:
                cells = next(self.reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise ImportFailed(start, _(
                    "a quoted cell is not closed properly ({error}).").format(error=exc)) from None
            count += 1
            if self.progress and count % 250 == 0:
                self.progress(self.reader.line_num, self.total_lines)
            if not any(c.strip() for c in cells):
                continue  # an empty row (spreadsheets add them at the end)
            if len(cells) > width and any(c.strip() for c in cells[width:]):
                raise ImportFailed(start, _(
                    "this row has {found} cells but the header has {expected}; a quote or a "
                    "delimiter is probably missing.").format(found=len(cells), expected=width))
            yield start, {key: (cells[i] if i < len(cells) else "") for key, i in self.index.items()}
        if self.progress:
            self.progress(self.total_lines, self.total_lines)


def _amount(row: dict, key: str, line: int, column: str) -> int | None:
    try:
        return parse_amount(row.get(key, ""))
    except ValueError:
        raise ImportFailed(line, _("“{value}” in the column “{column}” is not an amount.").format(
            value=row.get(key, "").strip(), column=column)) from None


def parse_export(data: bytes, progress: Progress | None = None) -> ParsedExport:
    """Read a WooCommerce or Shopify product export; raises ImportFailed on a bad file."""
    rows = _Rows(decode(data), progress)
    parsed = ParsedExport(rows.layout)
    if rows.layout == WOOCOMMERCE:
        _parse_woocommerce(rows, parsed)
    else:
        _parse_shopify(rows, parsed)
    _drop_duplicates(parsed)
    return parsed


def _column(rows: _Rows, key: str) -> str:
    i = rows.index.get(key)
    return rows.header[i].replace("\ufeff", "").strip() if i is not None else key


def _parse_shopify(rows: _Rows, parsed: ParsedExport) -> None:
    products: dict[str, dict] = {}
    pending: list[tuple[int, str, dict]] = []
    for line, row in rows:
        handle = row.get("handle", "").strip()
        if not handle:
            raise ImportFailed(line, _("the column “{column}” is empty; every Shopify row needs one.").format(
                column=_column(rows, "handle")))
        product = products.setdefault(handle, {"name": "", "category": "", "image": "", "line": line})
        if not product["name"]:
            product["name"] = _clean(row.get("name", ""))
        if not product["category"]:
            product["category"] = _clean(row.get("type", "")) or _category(row.get("category", ""))
        if not product["image"]:
            product["image"] = _first_url(row.get("image", ""))
        options = [_clean(row.get(k, "")) for k in ("option1", "option2", "option3")]
        sku = _clean(row.get("sku", ""))
        price = _amount(row, "price", line, _column(rows, "price"))
        cost = _amount(row, "cost", line, _column(rows, "cost"))
        if not any(options) and not sku and price is None:
            continue  # an extra picture of the product above, not a variant
        variant = " / ".join(o for o in options if o and o.lower() != NO_VARIANT)
        pending.append((line, handle, {
            "sku": sku, "variant": variant, "price": price, "cost": cost,
            "image": _first_url(row.get("variant_image", "")),
        }))
    for line, handle, v in pending:
        product = products[handle]
        if not product["name"]:
            parsed.skipped.append(SkippedRow(line, handle, _("no product name (“Title”) for this handle")))
            continue
        parsed.products.append(ProductRow(
            line=line,
            key=v["sku"] or f"{handle}|{v['variant']}",
            sku=v["sku"],
            name=product["name"],
            variant=v["variant"],
            price_cents=v["price"],
            cost_cents=v["cost"],
            category=product["category"],
            image_url=v["image"] or product["image"],
        ))


def _parse_woocommerce(rows: _Rows, parsed: ParsedExport) -> None:
    records = []
    for line, row in rows:
        types = {t.strip().lower() for t in row.get("type", "").split(",") if t.strip()}
        records.append({
            "line": line,
            "types": types,
            "id": row.get("id", "").strip(),
            "sku": _clean(row.get("sku", "")),
            "name": _clean(row.get("name", "")),
            "price": _amount(row, "price", line, _column(rows, "price")),
            "sale": _amount(row, "sale_price", line, _column(rows, "sale_price")),
            "cost": _amount(row, "cost", line, _column(rows, "cost")),
            "category": _category(row.get("category", "")),
            "image": _first_url(row.get("images", "")),
            "parent": row.get("parent", "").strip(),
            "attributes": [_clean(row.get(k, "")) for k in ("attr1", "attr2", "attr3")],
        })
    by_ref: dict[str, dict] = {}
    for r in records:
        if r["sku"]:
            by_ref.setdefault(r["sku"], r)
        if r["id"]:
            by_ref.setdefault(f"id:{r['id']}", r)
    with_variations = set()
    for r in records:
        if "variation" in r["types"] and r["parent"] in by_ref:
            with_variations.add(id(by_ref[r["parent"]]))
    for r in records:
        line, name = r["line"], r["name"]
        if "grouped" in r["types"]:
            parsed.skipped.append(SkippedRow(line, name, _("a grouped product: a set of other products")))
            continue
        if "external" in r["types"]:
            parsed.skipped.append(SkippedRow(line, name, _("an external product, sold on another site")))
            continue
        if id(r) in with_variations:
            parsed.skipped.append(SkippedRow(line, name, _("a variable product: its variations are imported instead")))
            continue
        parent = by_ref.get(r["parent"]) if "variation" in r["types"] else None
        variant = ""
        if parent is not None:
            base = parent["name"] or name
            if name.startswith(base + " - "):
                variant = name[len(base) + 3:].strip()
            else:
                variant = ", ".join(a for a in r["attributes"] if a)
            name = base
        elif "variation" in r["types"]:
            variant = ", ".join(a for a in r["attributes"] if a)
        if not name:
            parsed.skipped.append(SkippedRow(line, r["sku"], _("no product name")))
            continue
        price = r["price"] if r["price"] is not None else r["sale"]
        if price is None and parent is not None:
            price = parent["price"] if parent["price"] is not None else parent["sale"]
        cost = r["cost"] if r["cost"] is not None else (parent["cost"] if parent else None)
        handle = _slug(name)
        parsed.products.append(ProductRow(
            line=line,
            key=r["sku"] or f"{handle}|{variant}",
            sku=r["sku"],
            name=name,
            variant=variant,
            price_cents=price,
            cost_cents=cost,
            category=r["category"] or (parent["category"] if parent else ""),
            image_url=r["image"] or (parent["image"] if parent else ""),
        ))


def _drop_duplicates(parsed: ParsedExport) -> None:
    seen: dict[str, int] = {}
    kept = []
    for p in parsed.products:
        if p.key in seen:
            parsed.skipped.append(SkippedRow(p.line, p.name, _(
                "the same SKU or variant as line {line}, which is imported instead").format(line=seen[p.key])))
            continue
        seen[p.key] = p.line
        kept.append(p)
    parsed.products = kept
    parsed.skipped.sort(key=lambda s: s.line)


def summary_lines(summary, limit: int = 50) -> list[str]:
    """What an import did, for people: counts first, then each skipped row with its reason.

    ``summary`` has ``new``, ``updated``, ``unchanged`` and ``skipped`` (store.catalogue.ImportSummary).
    """
    lines = [
        ngettext("{n} new product", "{n} new products", summary.new).format(n=summary.new),
        ngettext("{n} product updated", "{n} products updated", summary.updated).format(n=summary.updated),
        ngettext("{n} product unchanged", "{n} products unchanged", summary.unchanged).format(n=summary.unchanged),
        ngettext("{n} row skipped", "{n} rows skipped", len(summary.skipped)).format(n=len(summary.skipped)),
    ]
    for s in summary.skipped[:limit]:
        # TRANSLATORS: one skipped row of an import: line number, product name, reason.
        lines.append("  " + _("line {line}: {name}: {reason}").format(line=s.line, name=s.name or "?", reason=s.reason))
    if len(summary.skipped) > limit:
        lines.append("  " + _("… and {n} more").format(n=len(summary.skipped) - limit))
    return lines
