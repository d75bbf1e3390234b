"""Read a shop's own product export: WooCommerce (in the admin's language), Shopify (classic
and 2025) and Etsy's listings download.

Pure Python, no Qt, no database: ``parse_export(data)`` takes the file's bytes and returns
the products in it (``ProductRow``), the rows it skipped with a reason, notes for the owner
(what the file lacks, what was done about it) and which layout it recognised. Anything that
makes the file unreadable raises ``ImportFailed`` naming the line and the problem; the
caller then changes nothing.

An export is whole or refused. A file that ends inside a quoted cell, in the middle of a
UTF-8 character, or whose last record is shorter than the header and has no line end after
it was cut off (an interrupted download, a full disk) and is refused: importing the part
that arrived would look like a whole catalogue. Genuine exporters do write short rows
(WooCommerce adds meta columns between batches, so earlier rows have fewer cells than the
header), but every one of them ends with a line end. WooCommerce also ends its last row
with one, so a WooCommerce file (products or orders) whose last row has none was cut inside
that row, possibly inside its last cell ("12.50" cut to "12."), and is refused too
(``ENDS_WITH_LINE_END``) - unless a spreadsheet program saved it after WooCommerce (Google
Sheets writes no final line end) and its last cell is surely whole where it is read
(``_Rows._last_row_whole``); in a Shopify or Etsy file, whose whole exports may end without a
line end, a last row that is complete imports with or without one.

What real exports contain (see shared/data/shop-exports/SOURCES.md) and how it is met:

- encodings: UTF-8 with or without BOM, UTF-16 with BOM, and Windows-1252, Mac OS Roman or
  DOS Latin-1 (a file re-saved by a spreadsheet program on Windows, an older Mac, or as
  "CSV (MS-DOS)": ``text_encoding`` tells which, a note says it); the delimiter (``,``,
  ``;`` or tab) is read from the header line; blank lines (and stray tabs or a BOM) before
  the header are passed;
- quoted multi-line cells with HTML, escaped quotes, CRLF rows with bare LF inside cells,
  rows ending with a CR alone (an older Mac's); line numbers in messages are the physical
  line where a record starts;
- WooCommerce names its columns in the admin's language ("Naam", "Reguliere prijs"):
  ``WOO_HEADERS`` holds WooCommerce's own translations per language;
- Shopify: one product spans several rows that share the Handle; rows after the first
  with only an image are extra pictures, not products; "Default Title" means "no
  variant"; an export of chosen columns only (no price, no picture) imports what is there
  and says what is missing;
- WooCommerce: variation rows point to their parent by SKU or ``id:<ID>`` in "Parent"
  and inherit its name, category, price and picture; grouped and external products are
  skipped (nothing to ship); a variable product whose variations are in the file is
  skipped in favour of its variations;
- Etsy: one listing a row; a price in another currency than euros is left empty (the
  catalogue keeps euros) and said so;
- prices with a decimal point or comma (``19.99``, ``19,99``, ``.5``, ``1.234,50``,
  ``€ 12,50``); a mark before exactly three digits (``1.234``) is read by the file's other
  amounts (``DecimalMarks``), and refused when they do not settle it;
- an amount above ``MAX_AMOUNT_CENTS``, a name longer than ``MAX_NAME_CHARS`` or a short field
  (a SKU, a Shopify variant's option, an order's customer and address: ``FIELD_LIMITS``) longer than
  any is a column mix-up, not a product: the file is refused naming the line;
- an orders or customers export (Shopify, WooCommerce, Etsy) is refused naming what it
  looks like; a products or orders export without one of the columns it cannot do without
  (a spreadsheet deleted or renamed it) naming the export it has most columns of and that
  column (``lacking_key_columns``).

A product's ``key`` (what a re-import matches on) is its SKU, or when it has none its
WooCommerce ID (``woo_id_key``: it stays when the product is renamed), else ``handle|variant``,
so importing the same file twice never duplicates anything. Two different products that
share a key in one file (a SKU copied by mistake) are both kept: the second under its handle
and variant, or its WooCommerce ID, with a note; so are two WooCommerce products of one name
without SKU, with the same note.
"""

from __future__ import annotations

import csv
import html
import re
import unicodedata
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Callable, Iterator

from desktop.domain import text_encoding
from desktop.domain.money import without_whole_euros
from desktop.i18n import N_, _, format_amount_exactly, format_money, format_number, ngettext

WOOCOMMERCE = "woocommerce"
SHOPIFY = "shopify"
SHOPIFY_2025 = "shopify_2025"
ETSY = "etsy"

# WooCommerce's exporter writes its column names in the language of the admin who exports
# (they go through WordPress' translations), so a Dutch shop's file says "Naam" and
# "Reguliere prijs". These are WooCommerce's own translations, read from its catalogs
# (woocommerce-<locale>.po of translate.wordpress.org as installed in shops between 2018 and
# 2026); where a translation changed over the years every version is listed. Compared
# case-insensitively, whitespace (also no-break spaces) collapsed. "{n}" is the attribute
# number. Fields the importer does not read (published, description...) are here to
# recognise the file.
WOO_HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "id": ("ID",),
        "type": ("Type",),
        "sku": ("SKU",),
        "name": ("Name",),
        "published": ("Published",),
        "featured": ("Is featured?",),
        "visibility": ("Visibility in catalog",),
        "short_description": ("Short description",),
        "description": ("Description",),
        "in_stock": ("In stock?",),
        "stock": ("Stock",),
        "sale_price": ("Sale price",),
        "price": ("Regular price",),
        "category": ("Categories",),
        "tags": ("Tags",),
        "images": ("Images",),
        "parent": ("Parent",),
        "attribute": ("Attribute {n} value(s)",),
        # WooCommerce's own cost of goods (9.x), then what cost-of-goods plugins write.
        "cost": ("Cost of goods", "Cost", "Cost price", "Meta: _wc_cog_cost", "Meta: _purchase_price"),
    },
    "nl": {
        "id": ("ID",),
        "type": ("Type",),
        "sku": ("SKU", "Artikelnummer"),
        "name": ("Naam",),
        "published": ("Gepubliceerd",),
        "featured": ("Uitgelicht?",),
        "visibility": ("Zichtbaarheid in catalogus",),
        "short_description": ("Korte beschrijving", "Korte omschrijving"),
        "description": ("Beschrijving",),
        "in_stock": ("Op voorraad?",),
        "stock": ("Voorraad",),
        "sale_price": ("Actieprijs",),
        "price": ("Reguliere prijs",),
        "category": ("Categorieën",),
        "tags": ("Tags",),
        "images": ("Afbeeldingen",),
        "parent": ("Hoofd",),
        "attribute": ("Attribuut {n} waarde(n)", "Waarde eigenschap {n}"),
        "cost": ("Kosten van goederen",),
    },
    "de": {
        "id": ("ID",),
        "type": ("Typ",),
        "sku": ("Artikelnummer",),
        "name": ("Name",),
        "published": ("Veröffentlicht",),
        "featured": ("Ist hervorgehoben?",),
        "visibility": ("Sichtbarkeit im Katalog",),
        "short_description": ("Kurzbeschreibung",),
        "description": ("Beschreibung",),
        "in_stock": ("Vorrätig?",),
        "stock": ("Bestand", "Lager"),
        "sale_price": ("Angebotspreis",),
        "price": ("Regulärer Preis",),
        "category": ("Kategorien",),
        "tags": ("Schlagwörter",),
        "images": ("Bilder",),
        "parent": ("Übergeordnetes Produkt",),
        "attribute": ("Attribut {n} Wert(e)",),
        "cost": ("Wareneinsatz", "Warenkosten"),
    },
    "fr": {
        "id": ("ID",),
        "type": ("Type",),
        "sku": ("UGS",),
        "name": ("Nom",),
        "published": ("Publié",),
        "featured": ("Mis en avant ?",),
        "visibility": ("Visibilité dans le catalogue",),
        "short_description": ("Description courte",),
        "description": ("Description",),
        "in_stock": ("En stock ?",),
        "stock": ("Stock",),
        "sale_price": ("Tarif promo",),
        "price": ("Tarif régulier",),
        "category": ("Catégories",),
        "tags": ("Étiquettes",),
        "images": ("Images",),
        "parent": ("Parent",),
        "attribute": ("Valeur(s) de l’attribut {n}", "Valeur(s) de l'attribut {n}"),
        "cost": ("Coût des marchandises vendues",),
    },
    "es": {
        "id": ("ID",),
        "type": ("Tipo",),
        "sku": ("SKU",),
        "name": ("Nombre",),
        "published": ("Publicado",),
        "featured": ("¿Está destacado?",),
        "visibility": ("Visibilidad en el catálogo",),
        "short_description": ("Descripción corta",),
        "description": ("Descripción",),
        "in_stock": ("¿Existencias?", "¿En inventario?"),
        "stock": ("Inventario",),
        "sale_price": ("Precio rebajado",),
        "price": ("Precio normal",),
        "category": ("Categorías",),
        "tags": ("Etiquetas",),
        "images": ("Imágenes",),
        "parent": ("Superior",),
        "attribute": ("Valor(es) del atributo {n}",),
        "cost": ("Coste de los productos",),
    },
    "ru": {
        "id": ("ID",),
        "type": ("Тип",),
        "sku": ("Артикул",),
        "name": ("Имя",),
        "published": ("Опубликован",),
        "featured": ("Рекомендуемый?",),
        "visibility": ("Видимость в каталоге",),
        "short_description": ("Краткое описание", "Короткое описание"),
        "description": ("Описание",),
        "in_stock": ("В наличии?",),
        "stock": ("Запасы",),
        "sale_price": ("Акционная цена", "Цена распродажи"),
        "price": ("Базовая цена",),
        "category": ("Категории",),
        "tags": ("Метки",),
        "images": ("Изображения",),
        "parent": ("Родительский",),
        "attribute": ("Значения атрибутов {n}", "Значение(-я) аттрибута(-ов) {n}"),
    },
}
# Columns only a WooCommerce product export has: "Name" plus two of these make one.
WOO_ONLY = ("type", "sku", "price", "sale_price", "published", "featured", "visibility",
            "short_description", "in_stock", "parent", "images", "category")
WOO_ATTRIBUTES = 3  # the importer reads the first three attributes of a variation

# Shopify's and Etsy's exports are always in English. Several names per field: the first
# one present wins.
COLUMNS: dict[str, dict[str, tuple[str, ...]]] = {
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
        "status": ("Status",),
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
        "status": ("Status",),
    },
    ETSY: {
        "name": ("TITLE",),
        "price": ("PRICE",),
        "currency": ("CURRENCY_CODE",),
        "sku": ("SKU",),
        "image": ("IMAGE1",),
    },
}

# What identifies a layout besides WooCommerce: every one of these columns must be present.
# Shopify lets the owner choose the columns to export: handle and title are always there.
SIGNATURES: list[tuple[str, tuple[str, ...]]] = [
    (SHOPIFY_2025, ("URL handle", "Title")),
    (SHOPIFY, ("Handle", "Title")),
    (ETSY, ("TITLE", "PRICE", "CURRENCY_CODE")),
]

# Exports of something else that owners pick by mistake: every column of a signature present.
OTHER_EXPORTS: list[tuple[tuple[str, ...], str]] = [
    # TRANSLATORS: these complete "this looks like {kind}, not a products export".
    (("Financial Status", "Lineitem name"), N_("a Shopify orders export")),
    (("Email", "Total Spent", "Total Orders"), N_("a Shopify customers export")),
    # Its handles and titles are a products export's too; its stock per location is not one.
    (("Handle", "Location", "On hand"), N_("a Shopify inventory export")),
    (("order_number", "order_total"), N_("a WooCommerce orders export")),
    (("Sale Date", "Order ID", "Number of Items"), N_("an Etsy orders export")),
    (("Sale Date", "Item Name", "Transaction ID"), N_("an Etsy sold items export")),
]
# The kinds above (and ORDER_WORDS' "an orders export") that are orders: the app reads
# orders too, so such a file is one it could not read as orders, not a wrong pick.
ORDER_KINDS = {N_("a Shopify orders export"), N_("a WooCommerce orders export"), N_("an Etsy orders export"),
               N_("an Etsy sold items export"), N_("an orders export")}
# Any other file with two or more columns about orders.
ORDER_WORDS = re.compile(r"\b(order|orders|bestelling|bestelnummer|bestellung|commande|pedido)\b")

# Columns whose absence the owner should hear about, and what it means for the products.
WORTH_SAYING = {
    "sku": N_("The file has no column “{column}”: the products already in Afspraak are found by their name and "
              "variant instead."),
    "price": N_("The file has no column “{column}”: new products are imported without a price; the products already in "
                "Afspraak keep theirs."),
    "image": N_("The file has no column “{column}”: new products are imported without a picture; the products already "
                "in Afspraak keep theirs."),
    "images": N_("The file has no column “{column}”: new products are imported without a picture; the products already "
                 "in Afspraak keep theirs."),
}
# The same for an import into an empty catalogue: there are no products already in Afspraak
# to keep anything or to be found (review of the two-week walk); None: nothing to say.
WORTH_SAYING_FIRST = {
    "sku": None,
    # TRANSLATORS: after the first products import into an empty catalogue.
    "price": N_("The file has no column “{column}”: the products are imported without a price."),
    # TRANSLATORS: after the first products import into an empty catalogue.
    "image": N_("The file has no column “{column}”: the products are imported without a picture."),
    "images": N_("The file has no column “{column}”: the products are imported without a picture."),
}

# The product fields an import writes (store/catalogue.py).
PRODUCT_FIELDS = ("sku", "name", "variant", "price_cents", "cost_cents", "category", "image_url")

# The exports that end every row with a line end, the last one too (the platform's name for
# messages). WooCommerce writes its rows with PHP's fputcsv (products, and the Customer/Order
# CSV Export plugin); Excel's re-save keeps a final line end too, Google Sheets' does not
# (``_Rows.saved_by_a_spreadsheet``). Shopify's own sample files and Etsy's downloads (its
# empty one, a spreadsheet's re-save) may end without one: for those only a last row shorter
# than the header tells a cut.
ENDS_WITH_LINE_END = {WOOCOMMERCE: "WooCommerce"}

SOURCE_OF_LAYOUT = {WOOCOMMERCE: "woocommerce", SHOPIFY: "shopify", SHOPIFY_2025: "shopify", ETSY: "etsy"}
NO_VARIANT = "default title"  # Shopify's option value for a product without variants

# A workbook saved by a spreadsheet program (Excel, LibreOffice, Numbers): not the shop's CSV
# export; the owner is told how to save one as CSV (presentation/import_texts.not_an_export).
SPREADSHEET_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".ods", ".numbers"})


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
    # What tells this row apart when its key is taken by another product in the same file
    # (handle|variant for Shopify, the ID for WooCommerce); "" when nothing does.
    fallback_key: str = field(default="", compare=False, repr=False)
    # The fields (``PRODUCT_FIELDS``) this row cannot tell although the file has a column for
    # them: its value would have come from a column the file lacks (Shopify's picture is the
    # variant's, else the product's; WooCommerce's price the regular one, else the sale
    # price). A product already stored keeps those as they are.
    unknown: frozenset = field(default=frozenset(), compare=False, repr=False)
    # The key this row has in the same export without its SKU column (Shopify's
    # handle|variant): a product imported from such a file is found by it once the SKU comes.
    plain_key: str = field(default="", compare=False, repr=False)
    # Keys earlier versions of Afspraak gave this row, which a product imported then is still
    # stored under (a WooCommerce product without SKU was keyed by its name: ``woo_id_key``).
    former_keys: tuple[str, ...] = field(default=(), compare=False, repr=False)


@dataclass(frozen=True)
class SkippedRow:
    line: int
    name: str
    reason: str


@dataclass(frozen=True)
class Unclear:
    """A row of the file that its name and variant cannot tie to one product in Afspraak (no
    SKU to go by): ``in_afspraak`` products have that name and variant, ``in_file`` rows do."""

    line: int
    name: str
    variant: str
    in_afspraak: int
    in_file: int


@dataclass
class ParsedExport:
    layout: str
    products: list[ProductRow] = field(default_factory=list)
    skipped: list[SkippedRow] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # for the owner, in their language
    # The columns of WORTH_SAYING the file lacks, (field, column), said in ``notes``: worded
    # again by ``presentation/import_texts.summary_lines`` after an import into an empty catalogue.
    lacking: list[tuple[str, str]] = field(default_factory=list)
    language: str = "en"  # the language of a WooCommerce file's column names
    # The product fields the file has columns for. A product already stored keeps what the
    # file does not say: an export with chosen columns (Shopify lets the owner pick them)
    # or without costs (Etsy) never empties a price, picture, category or cost.
    fields: frozenset = frozenset(PRODUCT_FIELDS)
    # The products the shop does not sell, by line: Shopify's status "archived" or "draft"
    # (``NOT_FOR_SALE``). They are imported (she may still send one), and the summary says so.
    not_for_sale: dict[int, str] = field(default_factory=dict)

    @property
    def source(self) -> str:
        return SOURCE_OF_LAYOUT[self.layout]


Progress = Callable[[int, int], None]


def _cut_off(line: int, problem: str) -> ImportFailed:
    # TRANSLATORS: {problem} says where the file stops, e.g. "the file ends inside a quoted cell".
    return ImportFailed(line, _(
        "{problem}. The file was probably cut off (an interrupted download or a full disk?): "
        "export it from the shop again.").format(problem=problem))


# --- reading the bytes ---------------------------------------------------------------

def decode(data: bytes) -> str:
    """The file's text (``read_text``)."""
    return read_text(data)[0]


def read_text(data: bytes) -> tuple[str, str]:
    """The file's text, and the one-byte encoding it was read in ("" for Unicode): UTF-16
    (with BOM, or plain text without), UTF-8 (BOM or not), else Windows-1252, Mac OS Roman
    or DOS Latin-1, whichever reads as text (``text_encoding``; ``encoding_note`` says it).

    A UTF-8 file that stops in the middle of a character was cut off: refused, rather
    than read as Windows-1252 (which would garble every accented letter in it). UTF-8 with
    a stray byte of another encoding (a cell pasted from elsewhere) is read as Windows-1252,
    and its cells repaired (``repair_text``). A NUL character anywhere in it is damage (no
    shop writes one): refused, never stored.
    """
    text, encoding = _decode(data)
    at = text.find("\x00")
    if at >= 0:  # past the first 4 KiB (before it, the file is told as not text at all)
        raise ImportFailed(text.count("\n", 0, at) + 1, _(
            "this line holds a NUL character, which no shop writes in an export: the file is damaged. "
            "Export it from the shop again."))
    return text, encoding


# What the owner is told of a file read in a one-byte encoding (``read_text``).
ENCODING_NOTES = {
    # TRANSLATORS: “CSV UTF-8” is how Excel names that choice under Save As.
    text_encoding.WINDOWS: N_("The file is not saved as UTF-8: its letters were read as Windows-1252, as a spreadsheet "
                              "program on Windows saves them. If letters such as é or ë look wrong, save the file as "
                              "“CSV UTF-8” and import it again."),
    text_encoding.MAC: N_("The file is not saved as UTF-8: its letters were read as Mac OS Roman, as a spreadsheet "
                          "program on an older Mac saves them. If letters such as é or ë look wrong, save the file as "
                          "“CSV UTF-8” and import it again."),
    text_encoding.DOS: N_("The file is not saved as UTF-8: its letters were read as DOS Latin-1 (cp850), as Excel's "
                          "“CSV (MS-DOS)” saves them. If letters such as é or ë look wrong, save the file as “CSV UTF-8” "
                          "and import it again."),
}


def encoding_note(encoding: str) -> str | None:
    """What the owner is told of a file read in ``encoding`` (of ``read_text``), or None."""
    return _(ENCODING_NOTES[encoding]) if encoding in ENCODING_NOTES else None


# A spreadsheet program's own file, not the CSV it can save, and a zip archive (a large export
# may come zipped): said so, with the way to the CSV. An .xlsx, .ods or .numbers file is a zip
# that names its parts near its start; an .xls starts with its own mark.
_ZIP = b"PK\x03\x04"
_XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORKBOOK_PARTS = (b"[Content_Types].xml", b"xl/", b"mimetypeapplication/vnd.oasis", b"Index/Document.iwa")


def _not_csv(data: bytes) -> ImportFailed | None:
    if data.startswith(_XLS) or (data.startswith(_ZIP) and any(p in data[:4096] for p in _WORKBOOK_PARTS)):
        # TRANSLATORS: "Save As" and "CSV" as the spreadsheet programs call them.
        return ImportFailed(0, _("This is a spreadsheet, not a CSV file: Afspraak reads CSV files. Open it in your "
                                 "spreadsheet program and choose Save As → CSV, or download the export from your "
                                 "shop again as CSV."))
    if data.startswith(_ZIP):
        return ImportFailed(0, _("This is a zip archive, not a CSV file: unpack it first (double-click it) and import "
                                 "the CSV file in it."))
    return None


def _utf16_without_bom(head: bytes) -> str:
    """"utf-16-le" or "utf-16-be" for text in UTF-16 without its byte-order mark (plain text
    has a NUL in every other byte, Latin letters all of them), else ""."""
    head = head[:4096]
    if len(head) < 4:
        return ""
    even, odd = head[0::2], head[1::2]
    if odd.count(0) * 2 >= len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) * 2 >= len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return ""


def _decode(data: bytes) -> tuple[str, str]:
    refused = _not_csv(data)
    if refused is not None:
        raise refused
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        wide = _utf16_without_bom(data)
        if wide:
            try:
                return data.decode(wide), ""
            except UnicodeDecodeError:
                pass
        raise ImportFailed(0, _("This is not a text file, so it cannot be an export of products or orders."))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            raise ImportFailed(0, _("The file says it is UTF-16 text but cannot be read as such.")) from None
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError as exc:
        head = data[:exc.start]
        if exc.end == len(data) and exc.reason == "unexpected end of data" and (
                data.startswith(b"\xef\xbb\xbf") or not head.isascii()):
            raise _cut_off(data.count(b"\n") + 1, _("the file ends in the middle of a character")) from None
    if _mostly_utf8(data):
        return text_encoding.decode_one_byte(data, text_encoding.WINDOWS), ""
    encoding = text_encoding.guess_one_byte(data)
    return text_encoding.decode_one_byte(data, encoding), encoding


def _mostly_utf8(data: bytes) -> bool:
    """Is ``data`` UTF-8 but for a few stray bytes: more of its letters beyond ASCII are
    whole UTF-8 characters than bytes that are none?"""
    text = data.decode("utf-8", errors="surrogateescape")
    stray = len(re.findall("[\udc80-\udcff]", text))
    return len(re.findall("[^\x00-\x7f]", text)) - stray > stray


# How a delimiter is shown in a message (a tab cannot be seen between quotes).
DELIMITER_NAMES = {",": ",", ";": ";", "\t": "TAB"}


def allow_large_cells(size: int) -> None:
    """Let the csv module read cells as large as the file (``size`` characters): a valid
    export may hold an inline picture in a description, far beyond the module's default
    of 128 KiB, and the file is in memory whole anyway. The limit is the process's: only
    ever raised, so a reader in another thread is never cut short."""
    wanted = min(max(size + 1, 131072), 2**31 - 1)  # a C long on every platform
    if csv.field_size_limit() < wanted:
        csv.field_size_limit(wanted)


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


# "sep=;" on a line of its own before the header: the delimiter, said the way Excel reads it
# (a file made to open in Excel has it); the line itself is not the header.
_SEP_LINE = re.compile(r"\s*sep=([,;\t|])\s*", re.IGNORECASE)


def header_and_delimiter(text: str) -> tuple[str, str, bool]:
    """The first line of the file's header, its delimiter, and whether a "sep=" line said it."""
    first = _first_filled_line(text)
    said = _SEP_LINE.fullmatch(first.replace("\ufeff", ""))
    if not said:
        return first, _sniff_delimiter(first), False
    return _first_filled_line(text[text.find(first) + len(first) + 1:]), said.group(1), True


# A line ends at a line feed (Windows' CRLF, Unix' LF) or at a carriage return alone (a file
# saved as "CSV (Macintosh)" by an older Mac's spreadsheet program: its header was the whole
# file, and an orders file was refused as not an export).
_LINE_END = re.compile(r"[\r\n]")


def _first_filled_line(text: str) -> str:
    start = 0
    while True:
        found = _LINE_END.search(text, start)
        line = text[start:] if found is None else text[start:found.start()]
        if found is None or line.replace("\ufeff", "").strip():
            return line
        start = found.end()


def _norm(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name.replace("\ufeff", "")).split()).lower()


# --- recognising the file -------------------------------------------------------------

@dataclass
class Layout:
    name: str
    index: dict[str, int]  # field -> column number
    columns: dict[str, tuple[str, ...]]  # field -> the names looked for (for messages)
    language: str = "en"


def _woo_columns(language: str) -> dict[str, tuple[str, ...]]:
    """WooCommerce's columns in ``language``, then in English (plugins write English)."""
    table = WOO_HEADERS[language]
    english = WOO_HEADERS["en"]
    columns = {}
    for key in english.keys() | table.keys():
        names = table.get(key, ()) + tuple(n for n in english.get(key, ()) if n not in table.get(key, ()))
        if key == "attribute":
            for number in range(1, WOO_ATTRIBUTES + 1):
                columns[f"attr{number}"] = tuple(n.format(n=number) for n in names)
        else:
            columns[key] = names
    return columns


def _resolve(header: list[str], columns: dict[str, tuple[str, ...]]) -> dict[str, int]:
    position = {_norm(h): i for i, h in reversed(list(enumerate(header)))}
    index = {}
    for key, names in columns.items():
        for name in names:
            if _norm(name) in position:
                index[key] = position[_norm(name)]
                break
    return index


_INVENTORY = ("Handle", "Location", "On hand")  # Shopify's inventory export (OTHER_EXPORTS)


def detect_layout(header: list[str]) -> Layout | None:
    """The product export this header belongs to, or None."""
    names = {_norm(h) for h in header}
    if all(_norm(c) in names for c in _INVENTORY) and _norm("Variant Price") not in names:
        return None  # Shopify's stock export (other_export says so): "1 new product" without a price, before
    for layout, required in SIGNATURES:
        if all(_norm(r) in names for r in required):
            return Layout(layout, _resolve(header, COLUMNS[layout]), COLUMNS[layout])
    best = None
    for language, table in WOO_HEADERS.items():
        found = {key for key, options in table.items() if key != "attribute" and any(_norm(o) in names for o in options)}
        if "name" in found and len(found & set(WOO_ONLY)) >= 2 and (best is None or len(found) > best[0]):
            best = (len(found), language)
    # Shopify's own columns "Type", "Published" and "Tags" are WooCommerce's too: a Shopify
    # file whose "Title" a spreadsheet renamed "Name" is one still, refused naming the column
    # it lacks (review of the imports: it came in as WooCommerce, 21 rows skipped, the rest
    # without price, category or picture).
    if best is None or lacking_key_columns(header, PRODUCT_EXPORTS) is not None:
        return None
    columns = _woo_columns(best[1])
    return Layout(WOOCOMMERCE, _resolve(header, columns), columns, best[1])


def other_export(header: list[str], translated: bool = True) -> str | None:
    """What a file that is not a product export looks like ("a Shopify orders export"), or
    None; ``translated=False``: the untranslated kind (one of ``ORDER_KINDS`` for orders)."""
    names = {_norm(h) for h in header}
    for required, kind in OTHER_EXPORTS:
        if all(_norm(r) in names for r in required):
            return _(kind) if translated else kind
    if sum(1 for n in names if ORDER_WORDS.search(n.replace("_", " "))) >= 2:
        # TRANSLATORS: completes "this looks like {kind}, not a products export".
        return _("an orders export") if translated else "an orders export"
    return None


# --- an export that lacks one of the columns it cannot do without -----------------------------

PRODUCTS, ORDERS = "products", "orders"
NEAR_ENOUGH = 4  # other columns of an export that make a header without one of its key columns that export


def column_key(name: str) -> str:
    """A column's name as headers are compared: case, a BOM, "_" for a space and runs of
    whitespace do not count ("order_number" is "Order Number")."""
    return " ".join(unicodedata.normalize("NFC", name.replace("\ufeff", "")).replace("_", " ").split()).casefold()


@dataclass(frozen=True)
class KnownExport:
    """What one platform's export is known by, for telling a header that lacks one of its key
    columns (a spreadsheet deleted or renamed it) which export it still looks like."""

    name: str  # the layout
    platform: str  # for messages: "Shopify"
    kind: str  # PRODUCTS or ORDERS
    key: dict[str, tuple[str, ...]]  # the columns it cannot do without: field -> the names it may have
    columns: dict[str, tuple[str, ...]]  # every column it is known by (its key columns' fields too)
    meanings: dict[str, str]  # a key field -> what its column says (untranslated), for messages


@dataclass(frozen=True)
class Closest:
    export: KnownExport
    found: int  # the export's columns the header has
    others: int  # of which not key columns
    missing: tuple[tuple[str, str], ...]  # (the column, its field) of each key column the header lacks


def closest_export(header: list[str], exports: list[KnownExport]) -> Closest | None:
    """The export of ``exports`` whose columns the header has most of (the first of equals);
    None when it has none of any. Scored by every column, not by the key columns alone: a
    renamed "Order ID" leaves an Etsy file with "Order Number" and "Order Total", the key
    columns of WooCommerce's orders, but with twenty of Etsy's own."""
    names = {column_key(h) for h in header}
    best = None
    for export in exports:
        fields = {field: export.columns.get(field, ()) + export.key.get(field, ())
                  for field in export.columns.keys() | export.key.keys()}
        present = {field for field, options in fields.items() if any(column_key(o) in names for o in options)}
        missing = tuple((options[0], field) for field, options in export.key.items()
                        if not any(column_key(o) in names for o in options))
        others = len(present - set(export.key))
        if present and (best is None or len(present) > best.found):
            best = Closest(export, len(present), others, missing)
    return best


def lacking_key_columns(header: list[str], exports: list[KnownExport]) -> Closest | None:
    """The export of ``exports`` that ``header`` looks like though it lacks some of the columns
    that export cannot do without; None when it looks like none so (or is one whole). That is
    the closest export (``closest_export``) when it lacks a key column, has at least
    ``NEAR_ENOUGH`` of its other columns, and some of its key columns or the only one it has
    (WooCommerce's products have one: the name)."""
    closest = closest_export(header, exports)
    if closest is None or not closest.missing or closest.others < NEAR_ENOUGH:
        return None
    if len(closest.missing) == len(closest.export.key) > 1:
        return None
    return closest


def key_columns_missing(line: int, closest: Closest) -> ImportFailed:
    """The refusal of a file that looks like ``closest``'s export but lacks key columns."""
    export = closest.export
    # TRANSLATORS: a column's name and what it holds ("“Title” (the product's name)").
    columns = ", ".join(_("“{column}” ({meaning})").format(column=column, meaning=_(export.meanings[field]))
                        for column, field in closest.missing)
    n = len(closest.missing)
    if export.kind == PRODUCTS:
        return ImportFailed(line, ngettext(
            "this looks like a products export from {platform}, but the column {columns} is missing. Export the "
            "products from the shop again, with every column, and import that file.",
            "this looks like a products export from {platform}, but the columns {columns} are missing. Export the "
            "products from the shop again, with every column, and import that file.",
            n).format(platform=export.platform, columns=columns))
    return ImportFailed(line, ngettext(
        "this looks like an orders export from {platform}, but the column {columns} is missing. Export the "
        "orders from the shop again, with every column, and import that file.",
        "this looks like an orders export from {platform}, but the columns {columns} are missing. Export the "
        "orders from the shop again, with every column, and import that file.",
        n).format(platform=export.platform, columns=columns))


# What the columns a products export cannot do without say (``COLUMNS`` keys), for a message
# about a file without one.
# TRANSLATORS: each completes "the column “Title” ({meaning}) is missing".
PRODUCT_KEY_MEANINGS = {"handle": N_("which product each row belongs to"), "name": N_("the product's name"),
                        "price": N_("the price"), "currency": N_("the currency of the price")}

# Columns the products exports have besides those the importer reads (``COLUMNS``): what they
# are known by when a key column is missing (shared/data/shop-exports: Shopify's admin export
# and product templates, Etsy's listings download).
_SHOPIFY_ALSO = ("Body (HTML)", "Vendor", "Tags", "Published", "Option1 Name", "Option2 Name", "Option3 Name",
                 "Variant Grams", "Variant Inventory Tracker", "Variant Inventory Qty", "Variant Inventory Policy",
                 "Variant Fulfillment Service", "Variant Compare At Price", "Variant Requires Shipping",
                 "Variant Taxable", "Variant Barcode", "Image Position", "Image Alt Text", "Gift Card", "SEO Title",
                 "SEO Description", "Variant Weight Unit", "Variant Tax Code", "Status")
_SHOPIFY_2025_ALSO = ("Description", "Vendor", "Tags", "Published on online store", "Status", "Barcode",
                      "Option1 name", "Option2 name", "Option3 name", "Compare-at price", "Charge tax",
                      "Inventory tracker", "Inventory quantity", "Continue selling when out of stock",
                      "Weight value (grams)", "Requires shipping", "Fulfillment service", "Image position",
                      "Image alt text", "Gift card", "SEO title", "SEO description")
_ETSY_ALSO = ("DESCRIPTION", "QUANTITY", "TAGS", "MATERIALS", *(f"IMAGE{n}" for n in range(2, 11)),
              *(f"VARIATION {n} {part}" for n in (1, 2) for part in ("TYPE", "NAME", "VALUES")))


def _known_products() -> list[KnownExport]:
    def known(layout: str, platform: str, key: tuple[str, ...], also: tuple[str, ...]) -> KnownExport:
        columns = {**COLUMNS[layout], **{f"also:{name}": (name,) for name in also}}
        return KnownExport(layout, platform, PRODUCTS, {f: COLUMNS[layout][f] for f in key}, columns,
                           PRODUCT_KEY_MEANINGS)

    exports = [known(SHOPIFY_2025, "Shopify", ("handle", "name"), _SHOPIFY_2025_ALSO),
               known(SHOPIFY, "Shopify", ("handle", "name"), _SHOPIFY_ALSO),
               known(ETSY, "Etsy", ("name", "price", "currency"), _ETSY_ALSO)]
    for table in WOO_HEADERS.values():  # in the language of the admin who exported
        columns = {k: v for k, v in table.items() if k != "attribute"}
        exports.append(KnownExport(WOOCOMMERCE, "WooCommerce", PRODUCTS, {"name": table["name"]}, columns,
                                   PRODUCT_KEY_MEANINGS))
    return exports


PRODUCT_EXPORTS = _known_products()


# --- values ----------------------------------------------------------------------------

_AMOUNT_JUNK = re.compile(r"[\s\u00a0\u202f€$£]|eur\b", re.IGNORECASE)

# The most one amount in a shop's file may be: € 100.000. A small webshop's product or
# order never comes near it (the real exports in shared/ stay under € 2.600), while a
# column mix-up in a spreadsheet (an order number, a barcode, a phone number pasted into
# the price column) lands far above it; stored, it would make every total and chart
# nonsense. The owner can still type a larger amount in a dialog (``money.parse_money``).
MAX_AMOUNT_CENTS = 10_000_000

# The longest product or item name a file may hold. Shopify's titles stop at 255
# characters, Etsy's at 140 (the longest in the real exports: 133); a longer "name" is a
# description or a row of cells slid into the name column, and would fill every list and
# message it appears in.
MAX_NAME_CHARS = 500

# The longest the other short fields of a shop's file may be, per column read (the
# importers' keys): a code or an identifier (a SKU, an order number, an e-mail address,
# a postcode: Shopify's SKUs and e-mail addresses stop at 255), and a name-like text (a
# customer's or company's name, an address line, a Shopify variant's option). The real
# exports in shared/ stay under 100. Longer is a description, or a row slid one column
# along, in a column meant for one short value. Columns of free text (notes,
# personalisation, descriptions, item properties) and lists (categories with their paths)
# are not limited; Etsy writes every SKU of a listing or an order in one cell, each is.
MAX_CODE_CHARS = 255
_LISTED_CODES = ("sku", "item_sku")  # Etsy: a listing's or an order's SKUs, comma-separated
MAX_TEXT_CHARS = 500
FIELD_LIMITS: dict[str, int] = {
    **dict.fromkeys(("sku", "item_sku", "id", "handle", "number", "buyer", "email", "phone", "currency", "status",
                     "financial", "fulfilment", "item_fulfilment", "type", "postcode", "billing_postcode",
                     "shipping_postcode", "country", "billing_country", "shipping_country"), MAX_CODE_CHARS),
    **dict.fromkeys(("option1", "option2", "option3", "full_name", "first_name", "last_name",
                     "billing_name", "billing_first", "billing_last", "billing_company", "shipping_name",
                     "shipping_first", "shipping_last", "street", "street2", "city", "billing_street",
                     "billing_street2", "billing_city", "shipping_street", "shipping_street2", "shipping_city"),
                    MAX_TEXT_CHARS),
}


# The columns that hold a code or a number to be kept digit for digit (the importers' keys): a
# product's SKU, ID and handle, an order's number, an item's SKU, a buyer's account, a phone
# number and a postcode. A spreadsheet program that opened the file took a long one for a
# number and wrote it shortened, as a power of ten ("8720602828605" as "8,7206E+12", a phone
# "0612345678" as "6,12346E+08" in a narrow column): its last digits are gone, and every product
# whose barcode was its SKU then has the same one (review of the imports: 740 products under
# "8,7206E+12", and the shop's own file later doubled the catalogue). Such a file is refused
# (``_Rows._check_shortened``). Amounts are not here: no shop writes a price so, and one that
# reads so is "not an amount" anyway. Columns Afspraak does not read (a barcode) lose nothing.
IDENTIFIER_FIELDS = frozenset((
    "sku", "id", "handle", "number", "item_sku", "skus", "buyer", "phone", "billing_phone", "shipping_phone",
    "postcode", "billing_postcode", "shipping_postcode"))
PHONE_FIELDS = frozenset(("phone", "billing_phone", "shipping_phone"))
# A phone number has at most 15 digits (ITU-T E.164). A "phone" that a spreadsheet program
# shortened from more (the real WooCommerce orders export in shared/ has "7.0740E+53": a buyer
# typed 54 digits) was never one; nothing of it is lost that could be called, so it does not
# refuse the file (order_importers._phone leaves it out).
PHONE_DIGITS = 15
# A number as a spreadsheet program writes it shortened: digits, maybe a decimal mark and more
# digits, then "E+" and the power of ten ("8,7206E+12", "8.7206E+12", "1E+15"); the whole cell.
_SHORTENED = re.compile(r"[0-9]+(?:[.,][0-9]+)?[eE]\+([0-9]{1,3})")


def shortened_number(text: str) -> int | None:
    """The number of digits before the decimal mark of ``text`` (a cell of a column of
    ``IDENTIFIER_FIELDS``) when it is a number a spreadsheet program shortened to a power of
    ten, its last digits lost ("8,7206E+12": 13); else None."""
    match = _SHORTENED.fullmatch(" ".join((text or "").split()).lstrip("'"))
    return int(match.group(1)) + 1 if match else None


class AmountTooLarge(ValueError):
    """An amount above what a shop's file can mean (``MAX_AMOUNT_CENTS``)."""


def mark_shown(text: str) -> str | None:
    """The decimal mark an amount of a shop's file shows ("." or ","), or None.

    "12,50", ".5", "1.234,50" and "1.234.567" (a mark used twice separates thousands)
    show it; "12" shows none, and neither does "1.234" (``unsure_mark``)."""
    cleaned = _AMOUNT_JUNK.sub("", text or "")
    return None if _unsure(cleaned) else _shown(cleaned)


def _shown(cleaned: str) -> str | None:
    """``mark_shown`` of an amount without its currency and spaces, not one that reads two ways."""
    dot, comma = cleaned.rfind("."), cleaned.rfind(",")
    if dot >= 0 and comma >= 0:
        return "." if dot > comma else ","
    if dot < 0 and comma < 0:
        return None
    sep = "." if dot >= 0 else ","
    if len(cleaned.split(sep)) > 2:
        return "," if sep == "." else "."
    return sep


def unsure_mark(text: str) -> str | None:
    """The mark of an amount that reads two ways: one "." or "," before exactly three digits
    ("1.234": € 1234 with a thousands point, or € 1,234 with a decimal point); else None.
    ``parse_amount`` reads it as thousands; ``DecimalMarks`` decides whether the file may."""
    return _unsure(_AMOUNT_JUNK.sub("", text or ""))


_UNSURE = re.compile(r"([0-9]+)([.,])[0-9]{3}")


def _unsure(cleaned: str) -> str | None:
    match = _UNSURE.fullmatch(cleaned)
    return match.group(2) if match and match.group(1) != "0" else None


class DecimalMarks:
    """The decimal marks the amounts of one file show, and its amounts that read two ways.

    A file writes its cents after one mark: a shop's export after a point ("12.50"), the
    same file re-saved by a Dutch spreadsheet program after a comma ("12,50", "1.234,50").
    "1.234" is € 1234 in a file whose cents come after a comma, but € 1,234 (or a Dutch
    thousand typed into an English file) in one whose cents come after a point: it is
    read as thousands only when every other amount of the file that shows its mark shows
    the other one. Otherwise no reading is safe, and the file is refused (``unsettled``)."""

    def __init__(self) -> None:
        self.shown: set[str] = set()
        self.unsure: list[tuple[int, str, str, str]] = []  # (line, value, column, its mark)

    def note(self, text: str, line: int, column: str) -> None:
        cleaned = _AMOUNT_JUNK.sub("", text or "")  # once per amount: every amount of the file comes here
        mark = _unsure(cleaned)
        if mark:
            self.unsure.append((line, text.strip(), column, mark))
            return
        shown = _shown(cleaned)
        if shown:
            self.shown.add(shown)

    def unsettled(self) -> tuple[int, str, str] | None:
        """(line, value, column) of the first amount the file cannot settle, or None."""
        for line, value, column, mark in sorted(self.unsure):
            if self.shown != {"," if mark == "." else "."}:
                return line, value, column
        return None


def parse_amount(text: str) -> int | None:
    """'19.99', '19,99', '.5', '1.234,50', '1,234.50', '€ 12,50', '12,-' -> cents; '' -> None.

    For the cells of a shop's CSV export, whose convention is the shop's, not the owner's.
    Money the owner types into a dialog is read by ``money.parse_money`` instead.
    Raises ValueError for anything else (letters, negative amounts).
    """
    cleaned = _AMOUNT_JUNK.sub("", text or "")
    if not cleaned:
        return None
    number, whole = without_whole_euros(cleaned)
    if whole and number[-1:].isdigit():  # "12,-": whole euros, as Dutch price lists write them
        cleaned = number + ",00"
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
    if cents > 10**11:  # never stored: SQLite's integers end at 2**63
        raise AmountTooLarge(text)
    return int(cents)


def _sku(text: str) -> str:
    """A SKU as the shop knows it: a spreadsheet's leading apostrophe (typed to keep a
    barcode's digits as text) is not part of it, as the orders importer already reads an
    order line's SKU; with it the shop's own file later doubled the catalogue (review 26)."""
    return _clean(text).lstrip("'").strip()


def _clean(text: str) -> str:
    """One line of text: repaired (``repair_text``), whitespace (also line and paragraph
    separators) collapsed."""
    return " ".join(repair_text(text or "").split())


# A character reference with its closing semicolon ("&amp;", "&#039;", "&#x2013;"): what
# WooCommerce writes for "&", "'" and "–" in a product's name and categories, and its orders
# plugin in an item's name. Without the semicolon it is text ("Fish &notes"), as a shop wrote it.
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape(text: str) -> str:
    """``text`` with its HTML character references read ("Naamketting &amp; hanger" ->
    "Naamketting & hanger"; review of the imports: the product kept "&amp;" in its name, and an
    order's item, read without it, no longer found it)."""
    return _ENTITY.sub(lambda m: html.unescape(m.group(0)), text) if "&" in text else text


def _plain(text: str) -> str:
    """A name as the shop shows it: one line (``_clean``), its HTML character references read
    (``unescape``), as the orders importer reads an item's name."""
    return " ".join(unescape(repair_text(text or "")).split())


# Two characters that UTF-8 text read as Windows-1252 gives ("Ã©" for "é"): a file with
# one stray Windows-1252 byte is read as Windows-1252 whole (decode), every accented
# letter then in this form; and text that went through UTF-8 twice looks the same.
_MOJIBAKE = re.compile("[ÃÂÅÄÆÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                       "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                       "|â€")  # E2 80 ..: a dash, a quote, "…" or "€" itself


def repair_text(text: str) -> str:
    """Text that went through UTF-8 twice ("MontrÃ©al") read back once ("Montréal")."""
    if not text or not _MOJIBAKE.search(text):
        return text
    raw = bytearray()
    for ch in text:
        if ord(ch) < 256:
            raw.append(ord(ch))
        else:
            try:
                raw.extend(ch.encode("cp1252"))
            except UnicodeEncodeError:
                return text
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return text
    return fixed


def _first_url(cell: str) -> str:
    for part in (cell or "").split(","):
        part = part.strip()
        if part.lower().startswith(("https://", "http://")):
            return part
    return ""


def _category(text: str) -> str:
    """WooCommerce lists categories as 'Clothing > Tshirts, Music': keep the first, deepest."""
    first = _plain(text).split(",")[0] if text else ""
    return first.split(">")[-1].strip()


def _slug(text: str) -> str:
    """Lower-case letters and digits of any script, the rest one dash ("Créool klein" -> "créool-klein")."""
    return re.sub(r"[\W_]+", "-", unicodedata.normalize("NFC", text).lower()).strip("-")


# --- the reader ------------------------------------------------------------------------

_LINE = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


def file_lines(text: str) -> Iterator[str]:
    """The lines of ``text`` for the csv reader, exactly as ``io.StringIO(text, newline="")``
    gives them (each with its own end: CRLF, LF or a CR alone), one at a time: a StringIO
    keeps a copy of the whole text at four bytes a character (200 MB for a 50 MB export,
    round 32 of docs/PERFORMANCE.md)."""
    return (match.group() for match in _LINE.finditer(text))


class _Rows:
    """csv rows as (start line, {field: value}) with the layout's columns resolved."""

    def __init__(self, text: str, progress: Progress | None,
                 detect: Callable[[list[str], int], Layout] | None = None,
                 unknown: Callable[[list[str], int], None] | None = None, encoding: str = "",
                 whole_cell: Callable[[str, str, list[str]], bool] | None = None):
        self.text = text
        # Whether the unquoted last cell of a re-saved file without its final line end is
        # whole where it is read, from what ends the same column's cells above it
        # ((key, cell, cells above) -> bool: ``_last_cell_whole``); None: never known.
        self.whole_cell = whole_cell
        self._end_column: list[str] = []  # the last column's cells, row by row, for ``whole_cell``
        self.encoding = encoding  # the one-byte encoding the file was read in ("" for Unicode: ``read_text``)
        _first, self.delimiter, self.sep_line = header_and_delimiter(text)
        self._sep_line_first = self.sep_line  # for ``again``
        allow_large_cells(len(text))
        self.reader = csv.reader(file_lines(text), delimiter=self.delimiter, strict=True)
        # the lines the csv module counts: CRLF, LF and a CR alone (an older Mac's) each end one
        self.total_lines = max(1, text.count("\n") + text.count("\r") - text.count("\r\n") + 1)
        self.progress = progress
        self.marks = DecimalMarks()  # the amounts read from the file (``amount_cell``)
        # prices of products in another currency than euros (left empty): the lines they are
        # on, by currency ("USD" from Etsy's column, "$" from a cell's own sign)
        self.other_currencies: dict[str, set[int]] = {}
        # an orders export's amounts written with another currency's sign: line -> (cell, column)
        self.signed: dict[int, tuple[str, str]] = {}
        # an orders export's dates of numbers only: which number is the day (order_importers.file_dates)
        self.dates = None
        self.header_line, self.header = self._header()
        # Another kind of export (orders: domain/order_importers.py) recognises its own
        # header, or raises ImportFailed saying what the file is instead.
        layout = detect(self.header, self.header_line) if detect is not None else detect_layout(self.header)
        if layout is None and unknown is not None:
            unknown(self.header, self.header_line)  # raises ImportFailed saying what the file is
        if layout is None:
            lacking = lacking_key_columns(self.header, PRODUCT_EXPORTS)
            if lacking is not None:
                raise key_columns_missing(self.header_line, lacking)
            kind = other_export(self.header)
            if kind:
                raise ImportFailed(self.header_line, _(
                    "this looks like {kind}, not a products export. Export the products from the "
                    "shop and import that file.").format(kind=kind))
            raise ImportFailed(self.header_line, _(
                "this is not a product export from WooCommerce, Shopify or Etsy: the first line should "
                "hold column names such as “Handle”, “Title” and “Variant Price” (Shopify), "
                "“Type”, “SKU”, “Name” and “Regular price” (WooCommerce) or “TITLE” and “PRICE” (Etsy)."))
        self.layout = layout.name
        self.language = layout.language
        self.columns = layout.columns
        self.index = layout.index
        # The short fields this file has and their ceilings (FIELD_LIMITS), found once, not per row.
        self._limited = [(key, FIELD_LIMITS[key], layout.name == ETSY and key in _LISTED_CODES)
                         for key in layout.index if key in FIELD_LIMITS]
        self._identifiers = [key for key in layout.index if key in IDENTIFIER_FIELDS]
        # The header's column names, to tell them again further down (``_repeats_header``).
        self._names = {h.replace("\ufeff", "").strip() for h in self.header} - {""}
        self._norm_names = {_norm(h) for h in self._names}
        # Rows may leave out cells for trailing columns without a name.
        self.width = len(self.header)
        while self.width and not self.header[self.width - 1].replace("\ufeff", "").strip():
            self.width -= 1

    def _header(self) -> tuple[int, list[str]]:
        while True:
            start = self.reader.line_num + 1
            try:
                cells = next(self.reader)
            except StopIteration:
                raise ImportFailed(0, _("The file is empty.")) from None
            except csv.Error as exc:
                if "unexpected end of data" in str(exc):  # cut inside a quoted column name
                    raise _cut_off(start, _("the file stops in its first line, the column names")) from None
                raise ImportFailed(start, _("the header cannot be read: {reason}.").format(
                    reason=self.csv_reason(exc))) from None
            if self.sep_line and any(c.strip() for c in cells):
                self.sep_line = False  # "sep=;" read: the header comes next
                continue
            if any(c.replace("\ufeff", "").strip() for c in cells):
                return start, cells

    def again(self) -> None:
        """Read the file from its first row again: a second pass over the text, as the first
        (order_importers.parse_orders reads an orders export once for how its dates read and
        once for its orders, so that no row is held beyond its own turn)."""
        self.reader = csv.reader(file_lines(self.text), delimiter=self.delimiter, strict=True)
        self.sep_line = self._sep_line_first
        self._end_column = []
        self.header_line, self.header = self._header()

    def __iter__(self):
        for start, row, _cells in self.with_cells():
            yield start, row

    def with_cells(self):
        """(start line, {field: value}, every cell of the row as the file writes it)."""
        count = 0
        filled = 0  # rows with something in them
        last: tuple[int, list[str]] | None = None
        longer: tuple[int, int] | None = None  # a row with more cells than the header (line, cells)
        while True:
            start = self.reader.line_num + 1
            try:
                cells = next(self.reader)
            except StopIteration:
                break
            except csv.Error as exc:
                if "unexpected end of data" in str(exc):
                    raise _cut_off(start, _(
                        "the file ends inside a quoted cell that starts on this line (or a closing "
                        "quote is missing)")) from None
                raise ImportFailed(start, _("a quoted cell is not closed properly: {reason}.").format(
                    reason=self.csv_reason(exc))) from None
            count += 1
            if self.progress and count % 250 == 0:
                self.progress(self.reader.line_num, self.total_lines)
            last = (start, cells)
            if self.whole_cell is not None:
                self._end_column.append(cells[-1])
            if not any(c.strip() for c in cells):
                continue  # an empty row (spreadsheets add them at the end)
            if self._repeats_header(cells):
                # Two exports pasted into one file (review of the imports: "“Created at” in the column
                # “Created at” is not a date"); told before its width, which another export's may change.
                # TRANSLATORS: {first} is the line of the file's column names, usually 1.
                raise ImportFailed(start, _(
                    "the column names appear here again (as on line {first}): two exports were probably "
                    "pasted into one file. Import each export on its own.").format(first=self.header_line))
            if longer is not None:  # not the last row: no cut explains it
                raise self._longer(*longer)
            if len(cells) > len(self.header):
                if any(c.strip() for c in cells[len(self.header):]):
                    raise self._longer(start, len(cells))
                # Even empty ones: a comma typed in a cell without quotes ("49,95") shifts every
                # cell after it one column on, and the row would be read with its price and
                # customer in the wrong fields (audit of 2026-12-05). Told at the next row or
                # at the end: a last row cut after its delimiter is told as cut off.
                longer = (start, len(cells))
            filled += 1
            row = {key: (cells[i] if i < len(cells) else "") for key, i in self.index.items()}
            self._check_lengths(row, start)
            self._check_shortened(row, start)
            yield start, row, cells
        self._check_end(count, last)
        if longer is not None:
            raise self._longer(*longer)
        if not filled:
            raise ImportFailed(0, _(
                "The file holds only the column names, no rows below them: there is nothing to import. "
                "Export it from the shop again, with the products or orders you want in it."))
        if self.progress:
            self.progress(self.total_lines, self.total_lines)

    def _check_end(self, count: int, last: tuple[int, list[str]] | None) -> None:
        """Refuse a file whose end shows it was cut off (``count`` rows read, ``last`` the last)."""
        if not self.text.endswith(("\n", "\r")):
            # Only the column names, without a line end (Etsy writes none; a download of a
            # month without sales): whole when its last column is one the export has,
            # cut off when that name stops short.
            if count == 0 and (len(self.header) - 1) not in set(self.index.values()):
                raise _cut_off(self.header_line, _("the file stops in its first line, the column names"))
            # The last record, even one without data yet (",,"): a cut may fall anywhere.
            if last is not None and len(last[1]) < self.width and (len(last[1]) > 1 or last[1][0].strip()):
                raise _cut_off(last[0], _(
                    "the last row stops after {found} of the {expected} columns, without a line end").format(
                        found=len(last[1]), expected=self.width))
            # A shop whose exports always end with a line end: its last row without one lost
            # something, however many cells it has ("12.50" cut to "12.", a name mid-word),
            # unless a spreadsheet program saved the file after the shop and the last row is
            # whole where Afspraak reads it (``_last_row_whole``).
            shop = ENDS_WITH_LINE_END.get(self.layout)
            if shop and last is not None and (len(last[1]) > 1 or last[1][0].strip()):
                if not self.saved_by_a_spreadsheet() or len(last[1]) > len(self.header):
                    raise _cut_off(last[0], _(
                        "the last row ends without a line end, which {shop} writes after every row of its exports, "
                        "the last one too").format(shop=shop))
                if not self._last_row_whole(last[1]):
                    raise ImportFailed(last[0], _(
                        "the last row ends without a line end, so its last cell (the column “{column}”) may have been "
                        "cut short. A spreadsheet program saved this file after the shop, and nothing shows whether "
                        "it is whole: export it from the shop again and import it without opening it first.").format(
                            column=self.header[len(last[1]) - 1].replace("\ufeff", "").strip()))

    def saved_by_a_spreadsheet(self) -> bool:
        """Does the file show that a spreadsheet program saved it, not the shop's exporter
        (``ENDS_WITH_LINE_END``: WooCommerce writes UTF-8, with commas and LF line ends)?
        A tab or ";" between the cells, a one-byte encoding (``read_text``), or CRLF line ends
        (Excel's, and Google Sheets', which writes no line end after the last row) say so."""
        if self.delimiter != "," or self.encoding:
            return True
        at = self.text.find("\n")
        return at > 0 and self.text[at - 1] == "\r"

    def _last_row_whole(self, cells: list[str]) -> bool:
        """Is the last row of a re-saved file without its final line end whole, as far as
        Afspraak reads it? It has every column, no more (``_check_end`` refused it otherwise), so every
        cell but the last ended at its delimiter; only the last cell can have been cut short,
        and "all columns there" cannot tell that ("12.50" cut to "12." is a cell still). It is
        whole when:

        - it is empty, as the whole row: a spreadsheet's padding row, nothing read in it;
        - its column is one Afspraak does not read: a cut in it loses nothing imported;
        - it was quoted: its closing quote is there (a cut inside a quoted cell is refused as such);
        - what ends it is what ends the same column's cells above it, in a part Afspraak does
          not read (``whole_cell``: WooCommerce's packed items, "…|total:55.80|…|tax_subtotal:…").

        Anything else may be a cut inside the last cell, and is refused."""
        at = len(cells) - 1
        value = cells[at]
        if not any(c.strip() for c in cells) or at not in set(self.index.values()):
            return True
        quoted = '"' + value.replace('"', '""') + '"'
        if self.text.endswith(self.delimiter + quoted):
            return True
        key = next(k for k, i in self.index.items() if i == at)
        return self.whole_cell is not None and self.whole_cell(key, value, self._end_column[:-1])

    def _longer(self, line: int, found: int) -> ImportFailed:
        return ImportFailed(line, _(
            "this row has {found} cells but the header has {expected}; a quote or a "
            "delimiter is probably missing.").format(found=found, expected=len(self.header)))

    def _check_lengths(self, row: dict[str, str], line: int) -> None:
        """Refuse the file at a short field (``FIELD_LIMITS``) that holds more than it can."""
        for key, limit, listed in self._limited:
            value = row[key]
            if listed:
                value = max(value.split(","), key=len)  # Etsy's "SKU-1,SKU-2": each one a code
            if len(value) > limit:
                text = " ".join(value.split())
                # TRANSLATORS: {start} is the value's first words, {length} its number of characters (e.g. 100.000).
                raise ImportFailed(line, _(
                    "“{start}…” in the column “{column}” is {length} characters long, and a value in this column is "
                    "never longer than {limit}: probably a description or several cells ended up here. Check this "
                    "row in the file, or export the file from the shop again.").format(
                        start=text[:40].rstrip(), column=self.column(key), length=format_number(len(value)),
                        limit=format_number(limit)))

    def _repeats_header(self, cells: list[str]) -> bool:
        """Is this row the file's column names again (two exports pasted one after the other,
        of one version or of two: most of its cells are column names of the header)?"""
        if not any(c.strip() in self._names for c in cells[:3]):  # cheap: most rows stop here
            return False
        filled = [c for c in cells if c.strip()]
        same = sum(1 for c in filled if _norm(c) in self._norm_names)
        return same >= min(3, len(self._norm_names)) and same * 2 > len(filled)

    def _check_shortened(self, row: dict[str, str], line: int) -> None:
        """Refuse the file at a code or number a spreadsheet program shortened (``IDENTIFIER_FIELDS``)."""
        for key in self._identifiers:
            value = row[key]
            digits = shortened_number(value) if value else None
            if digits is not None and (key not in PHONE_FIELDS or digits <= PHONE_DIGITS):
                # TRANSLATORS: {value} is a number as a spreadsheet program wrote it, "8,7206E+12" (8.7206 × 10¹²).
                raise ImportFailed(line, _(
                    "“{value}” in the column “{column}” was shortened by a spreadsheet program such as Excel: it "
                    "kept only the first few digits and replaced the rest with a power of ten, so they are lost. "
                    "Export the file from the shop again and import it without opening it in a spreadsheet first "
                    "(or set this column to text there).").format(
                        value=" ".join(value.split()), column=self.column(key)))

    def csv_reason(self, exc: csv.Error) -> str:
        """What the csv module ran into, in the owner's language (its own words are English:
        "',' expected after '\"'"); its text only for what it has no sentence for here."""
        if re.search(r"expected after", str(exc)):
            return _("after its closing quote comes more text instead of “{delimiter}” (a quote inside a cell is "
                     "written twice: \"\")").format(delimiter=DELIMITER_NAMES.get(self.delimiter, self.delimiter))
        return _("the file's structure is broken here ({error})").format(error=exc)

    def column(self, key: str) -> str:
        """The header of the column read for ``key``, or the name it would have."""
        i = self.index.get(key)
        if i is not None:
            return self.header[i].replace("\ufeff", "").strip()
        return self.columns.get(key, (key,))[0]


def amount_cell(rows: _Rows, text: str, key: str, line: int) -> int | None:
    """``parse_amount`` for a cell of ``rows`` in the column read for ``key``: its decimal
    mark noted (``check_amounts`` refuses the file when it reads two ways), an amount above
    ``MAX_AMOUNT_CENTS`` refused. Raises ValueError for what is not an amount."""
    try:
        value = parse_amount(text)
    except AmountTooLarge:
        raise _too_large(rows, text, key, line) from None
    if value is not None and value > MAX_AMOUNT_CENTS:
        raise _too_large(rows, text, key, line)
    rows.marks.note(text, line, rows.column(key))
    return value


def _too_large(rows: _Rows, text: str, key: str, line: int) -> ImportFailed:
    # TRANSLATORS: {limit} is € 100.000,00. Said for a price, a cost or an order's total.
    return ImportFailed(line, _(
        "“{value}” in the column “{column}” is more than {limit}, more than anything costs in a small webshop: "
        "probably a number from another column (an order number, a barcode) ended up here. Check this row in "
        "the file, or export the file from the shop again.").format(
            value=(text or "").strip(), column=rows.column(key), limit=format_money(MAX_AMOUNT_CENTS)))


def check_amounts(rows: _Rows) -> None:
    """Refuse the file when one of its amounts reads two ways and its other amounts do not
    settle which (``DecimalMarks``): a guess would make € 1234 of € 1,234 or the other way."""
    found = rows.marks.unsettled()
    if found is None:
        return
    line, value, column = found
    mark = unsure_mark(value)
    digits = _AMOUNT_JUNK.sub("", value).replace(mark, "")
    # TRANSLATORS: {thousands} and {decimals} are the two readings of e.g. "1.234": € 1.234,00
    # and € 1,234. Cents come after a comma in a file re-saved by a Dutch spreadsheet
    # program, after a point in the shops' own exports.
    raise ImportFailed(line, _(
        "“{value}” in the column “{column}” can mean {thousands} or {decimals}: a point or comma before three "
        "digits marks thousands in one file and cents in another, and the file's other amounts do not settle "
        "which. Write this amount with two decimals (its cents) and import the file again.").format(
            value=value, column=column, thousands=format_money(int(digits) * 100),
            decimals=format_amount_exactly(Decimal(digits).scaleb(-3))))


def name_cell(rows: _Rows, text: str, key: str, line: int) -> str:
    """A name read from the column for ``key`` (already cleaned): refused when longer than
    ``MAX_NAME_CHARS``, as no product is called that."""
    if len(text) > MAX_NAME_CHARS:
        # TRANSLATORS: {start} is the name's first words, {length} its number of characters (e.g. 100.000).
        raise ImportFailed(line, _(
            "the name in the column “{column}” is {length} characters long (“{start}…”), and a name in Afspraak "
            "is at most {limit}: probably a description or several cells ended up in this column. Check this row "
            "in the file, or export the file from the shop again.").format(
                column=rows.column(key), length=format_number(len(text)), start=text[:40].rstrip(),
                limit=format_number(MAX_NAME_CHARS)))
    return text


def _amount(rows: _Rows, row: dict, key: str, line: int) -> int | None:
    """A product's price or cost in cents; None when empty or in another currency than euros
    (its line noted in ``rows.other_currencies``: "$ 24.00" was stored as € 24,00)."""
    text = row.get(key, "")
    try:
        value = amount_cell(rows, text, key, line)
    except ValueError:
        text = text.strip()
        if text.startswith("-") and text[1:2].isdigit():  # said as what it is, not "not an amount"
            raise ImportFailed(line, _("“{value}” in the column “{column}” is below zero: a price never is. Check "
                                       "this product in the shop.").format(value=text, column=rows.column(key))) from None
        raise ImportFailed(line, _("“{value}” in the column “{column}” is not an amount.").format(
            value=text, column=rows.column(key))) from None
    sign = foreign_sign(text)
    if sign and value is not None:
        rows.other_currencies.setdefault(sign, set()).add(line)
        return None
    return value


# Signs of a currency that is not the euro: an amount written with one is never read as
# euros (a review of 2026-12-05: "$ 24.00" and "£12.50" were stored as € 24,00 and € 12,50).
_FOREIGN_SIGNS = ("$", "£")


def foreign_sign(text: str) -> str:
    """The sign of another currency than the euro in an amount cell ("$", "£"), or ""."""
    return next((sign for sign in _FOREIGN_SIGNS if sign in (text or "")), "")


def _note_other_currencies(rows: _Rows, parsed: ParsedExport) -> None:
    """Say how many of the products imported (a row skipped as a repeat of another is not one:
    review of the importers) have their price in another currency, each once (its price and
    cost in dollars are one product)."""
    kept = {p.line for p in parsed.products}
    found = {currency: lines & kept for currency, lines in rows.other_currencies.items() if lines & kept}
    if found:
        n = len(set().union(*found.values()))
        parsed.notes.append(ngettext(
            "{n} price is in {currencies}, not in euros: that product is imported without a price.",
            "{n} prices are in {currencies}, not in euros: those products are imported without a price.",
            n).format(n=format_number(n), currencies=", ".join(sorted(found))))


def parse_export(data: bytes, progress: Progress | None = None,
                 unknown: Callable[[list[str], int], None] | None = None) -> ParsedExport:
    """Read a WooCommerce, Shopify or Etsy product export; raises ImportFailed on a bad file.
    ``unknown(header, line)`` words a file that is not a products export (it raises
    ImportFailed); without it the file is told what to export instead: the products."""
    text, encoding = read_text(data)
    rows = _Rows(text, progress, unknown=unknown, encoding=encoding)
    parsed = ParsedExport(rows.layout, language=rows.language, fields=_fields_read(rows))
    said = encoding_note(rows.encoding)
    if said:
        parsed.notes.append(said)
    for key, message in WORTH_SAYING.items():
        if key in rows.columns and key not in rows.index:
            parsed.notes.append(_(message).format(column=rows.column(key)))
            parsed.lacking.append((key, rows.column(key)))
    if rows.layout == WOOCOMMERCE:
        _parse_woocommerce(rows, parsed)
    elif rows.layout == ETSY:
        _parse_etsy(rows, parsed)
    else:
        _parse_shopify(rows, parsed)
    check_amounts(rows)
    _drop_duplicates(parsed)
    _note_other_currencies(rows, parsed)
    _note_not_for_sale(parsed)
    return parsed


# Shopify's statuses of a product it does not sell ("active" is one it sells; Shopify's own
# export of a real shop holds all three: shared/data/shop-exports/shopify/earrings_products_export_1.csv).
ARCHIVED, DRAFT = "archived", "draft"
NOT_FOR_SALE = (ARCHIVED, DRAFT)
NAMES_SAID = 3  # products named in a note, the rest counted


def _note_not_for_sale(parsed: ParsedExport) -> None:
    """Say how many of the products imported the shop does not sell (archived, or a draft not
    yet for sale), and which: they come into the catalogue all the same, as the owner may still
    send an archived piece she has, or a new one before it is for sale, but she should not
    take them for the shop's range (review of the importers: 20 archived and 20 draft variants
    became products to send without a word)."""
    archived = [p for p in parsed.products if parsed.not_for_sale.get(p.line) == ARCHIVED]
    drafts = [p for p in parsed.products if parsed.not_for_sale.get(p.line) == DRAFT]
    if archived:
        n = len(archived)
        # TRANSLATORS: {names} are the products' names ("Basketball hoops, Mini moons, …").
        parsed.notes.append(ngettext(
            "{n} product is archived in Shopify ({names}): it is imported all the same, so you can still send it, "
            "though the shop no longer sells it.",
            "{n} products are archived in Shopify ({names}): they are imported all the same, so you can still send "
            "them, though the shop no longer sells them.", n).format(n=format_number(n), names=_some_names(archived)))
    if drafts:
        n = len(drafts)
        # TRANSLATORS: {names} are the products' names ("Basketball hoops, Mini moons, …").
        parsed.notes.append(ngettext(
            "{n} product is a draft in Shopify ({names}): it is imported all the same, so you can already send it, "
            "though the shop does not sell it yet.",
            "{n} products are drafts in Shopify ({names}): they are imported all the same, so you can already send "
            "them, though the shop does not sell them yet.", n).format(n=format_number(n), names=_some_names(drafts)))


def _some_names(products: list[ProductRow]) -> str:
    """The names of ``products``, each once, the first ``NAMES_SAID`` of them ("…" for the rest)."""
    names = list(dict.fromkeys(p.name for p in products))
    return ", ".join(names[:NAMES_SAID]) + (", …" if len(names) > NAMES_SAID else "")


def _fields_read(rows: _Rows) -> frozenset:
    """The product fields ``rows`` has a column for (the variant always: it is part of
    which product a row is)."""
    have = set(rows.index)
    found = {"variant"}
    if "sku" in have:
        found.add("sku")
    if "name" in have:
        found.add("name")
    if "price" in have:  # the regular price: the sale price alone is not what a product costs
        found.add("price_cents")
    if "cost" in have:
        found.add("cost_cents")
    if "category" in have or (rows.layout != WOOCOMMERCE and "type" in have):  # WooCommerce's "type": simple, variable
        found.add("category")
    if have & {"image", "images", "variant_image"}:
        found.add("image_url")
    return frozenset(found)


def _parse_shopify(rows: _Rows, parsed: ParsedExport) -> None:
    products: dict[str, dict] = {}
    pending: list[tuple[int, str, dict]] = []
    for line, row in rows:
        handle = row.get("handle", "").strip()
        if not handle:
            raise ImportFailed(line, _("the column “{column}” is empty; every Shopify row needs one.").format(
                column=rows.column("handle")))
        first_row = handle not in products
        product = products.setdefault(handle, {"name": "", "category": "", "type": "", "image": "", "line": line,
                                               "status": ""})
        if not product["status"]:  # on the product's first row
            product["status"] = _clean(row.get("status", "")).lower()
        if not product["name"]:
            product["name"] = name_cell(rows, _plain(row.get("name", "")), "name", line)
        if not product["category"]:
            product["type"] = _plain(row.get("type", ""))
            product["category"] = product["type"] or _category(row.get("category", ""))
        if not product["image"]:
            product["image"] = _first_url(row.get("image", ""))
        options = [_plain(row.get(k, "")) for k in ("option1", "option2", "option3")]
        sku = _sku(row.get("sku", ""))
        price = _amount(rows, row, "price", line)
        cost = _amount(rows, row, "cost", line)
        if not first_row and not any(options) and not sku and price is None:
            continue  # an extra picture of the product above, not a variant
        variant = " / ".join(o for o in options if o and o.lower() != NO_VARIANT)
        pending.append((line, handle, {
            "sku": sku, "variant": variant, "price": price, "cost": cost,
            "image": _first_url(row.get("variant_image", "")),
        }))
    # Two columns make one field: the variant's picture wins over the product's, the type
    # over the product category. Without one of them, a row that the other cannot decide
    # alone leaves a stored product's value as it is.
    both_pictures = {"image", "variant_image"} <= rows.index.keys()
    both_categories = {"type", "category"} <= rows.index.keys()
    options_missing = not {"option1", "option2", "option3"} <= rows.index.keys()
    untold = _variants_untold(rows, parsed, pending) if options_missing else set()
    for line, handle, v in pending:
        product = products[handle]
        if not product["name"]:
            parsed.skipped.append(SkippedRow(line, handle, _("no product name (“Title”) for this handle")))
            continue
        if line in untold:
            parsed.skipped.append(SkippedRow(line, product["name"], _(
                "a variant that the file cannot tell apart from the other variants of this product: the file has no "
                "column “{column}” and this row no SKU").format(column=untold[line])))
            continue
        unknown = {"variant"} if options_missing else set()
        if not v["image"] and not both_pictures:
            unknown.add("image_url")
        if not product["type"] and not both_categories:
            unknown.add("category")
        own_key = f"{handle}|{v['variant']}"
        if product["status"] in NOT_FOR_SALE:
            parsed.not_for_sale[line] = product["status"]
        parsed.products.append(ProductRow(
            line=line,
            key=v["sku"] or own_key,
            sku=v["sku"],
            name=product["name"],
            variant=v["variant"],
            price_cents=v["price"],
            cost_cents=v["cost"],
            category=product["category"],
            image_url=v["image"] or product["image"],
            fallback_key=own_key,
            unknown=frozenset(unknown),
            plain_key=own_key,
        ))


def _variants_untold(rows: _Rows, parsed: ParsedExport, pending: list[tuple[int, str, dict]]) -> dict[int, str]:
    """For a Shopify export without one of its option columns ("Option1 Value"): the lines of
    variants it cannot tell apart (several rows of one handle with the same options, as far as
    the file has them) and that have no SKU to go by, each with the missing column. Without
    them every variant of a product came in as one (the others skipped as "the same variant"),
    or as a product without a variant beside the stored ones (review of the importers). Said
    in a note when the file has such variants: those with a SKU are kept apart by it, and
    a product already in Afspraak keeps its variant's name (``ProductRow.unknown``)."""
    missing = next(rows.column(k) for k in ("option1", "option2", "option3") if k not in rows.index)
    alike: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for line, handle, v in pending:
        alike.setdefault((handle, v["variant"]), []).append((line, v["sku"]))
    several = [group for group in alike.values() if len(group) > 1]
    if several:
        parsed.notes.append(_(
            "The file has no column “{column}”, which names each variant of a product: variants are told apart by "
            "their SKU, new ones come without their variant's name, and the products already in Afspraak keep "
            "theirs. A variant without a SKU is skipped: export the option columns too.").format(column=missing))
    return {line: missing for group in several for line, sku in group if not sku}


def _parse_etsy(rows: _Rows, parsed: ParsedExport) -> None:
    """One listing a row. Prices are kept in euros only: another currency is left empty."""
    for line, row in rows:
        name = name_cell(rows, _plain(row.get("name", "")), "name", line)
        sku = _sku(row.get("sku", ""))
        if not name:
            parsed.skipped.append(SkippedRow(line, sku, _("no product name")))
            continue
        price = _amount(rows, row, "price", line)
        currency = _clean(row.get("currency", "")).upper()
        if price is not None and currency not in ("", "EUR"):
            rows.other_currencies.setdefault(currency, set()).add(line)
            price = None
        parsed.products.append(ProductRow(
            line=line,
            key=sku or f"{_slug(name)}|",
            plain_key=f"{_slug(name)}|",
            sku=sku,
            name=name,
            variant="",
            price_cents=price,
            cost_cents=None,
            category="",
            image_url=_first_url(row.get("image", "")),
        ))


def _parse_woocommerce(rows: _Rows, parsed: ParsedExport) -> None:
    records = [_woo_record(rows, line, row) for line, row in rows]
    if "type" not in rows.index:
        # WooCommerce's exporter lets the owner pick the columns: without "Type" every row
        # was a product of its own ("V-Neck T-Shirt - Red" renamed the stored variant, the
        # variable parent came as a product without a price: review 26, import 1).
        _woo_types_from_parents(records)
        parsed.notes.append(_(
            "The file has no column “{column}”: a variation is recognised by its parent product, but a grouped "
            "or an external product cannot be told from the shop's own products. Export the column “{column}” "
            "too to leave those out.").format(column=rows.column("type")))
    if "price" not in rows.index:
        # Without the regular price the file says nothing about what a product costs (the
        # note says so): a sale price is a temporary one, not taken as the price.
        for r in records:
            r["sale"] = None
    sale_column = "sale_price" in rows.index
    by_ref: dict[str, dict] = {}
    for r in records:
        if r["sku"]:
            by_ref.setdefault(r["sku"], r)
        if r["id"]:
            by_ref.setdefault(f"id:{r['id']}", r)
    # A variable product's row repeated (two exports pasted together, a row copied in a
    # spreadsheet): the same product, by its ID, else its SKU. Its variations are the first
    # row's; the repeat is a duplicate row, skipped as a repeated simple row is (review of the
    # imports: it came as a product without a price, said to have lost its variations).
    first_variable: dict[str, dict] = {}
    repeats: dict[int, dict] = {}
    for r in records:
        ref = f"id:{r['id']}" if r["id"] else r["sku"]
        if "variable" in r["types"] and r["name"] and ref:
            first = first_variable.setdefault(ref, r)
            if first is not r:
                repeats[id(r)] = first
    variables = [r for r in records if "variable" in r["types"] and r["name"] and id(r) not in repeats]
    parents = {id(r): by_ref.get(r["parent"]) or _woo_parent_by_name(r, variables)
               for r in records if "variation" in r["types"]}
    with_variations = {id(parent) for parent in parents.values() if parent is not None}
    for r in records:
        first = repeats.get(id(r))
        if first is not None and id(first) in with_variations:
            parsed.skipped.append(SkippedRow(r["line"], r["name"], _(
                "the same product as line {line}, whose variations are imported instead").format(line=first["line"])))
            continue
        why = _woo_skip_reason(r, id(r) in with_variations)
        if why:
            parsed.skipped.append(SkippedRow(r["line"], r["name"], why))
            continue
        parent = parents.get(id(r))
        name, variant = _woo_name_variant(r, parent)
        if not name:
            parsed.skipped.append(SkippedRow(r["line"], r["sku"], _("no product name")))
            continue
        parsed.products.append(_woo_product(r, parent, name, variant, sale_column))
    # A variable product whose variations the file leaves out has no price of its own in it:
    # it comes without one, and the preview says why (not as if the shop had none).
    bare = sum(1 for r in variables if id(r) not in with_variations and r["price"] is None)
    if bare:
        parsed.notes.append(ngettext(
            "{n} product with variations came without them: it is imported without a price. WooCommerce keeps "
            "each variation's price on a row of its own: export the variations too.",
            "{n} products with variations came without them: they are imported without a price. WooCommerce "
            "keeps each variation's price on a row of its own: export the variations too.", bare).format(n=format_number(bare)))


def _woo_types_from_parents(records: list[dict]) -> None:
    """What the missing "Type" column would say, as far as the rows tell it: a row naming a
    parent is a variation, a row a variation names is a variable product (by "id:NN" or its
    SKU), every other row a simple product."""
    named = {r["parent"] for r in records if r["parent"]}
    for r in records:
        if r["parent"]:
            r["types"] = {"variation"}
        elif (r["id"] and f"id:{r['id']}" in named) or (r["sku"] and r["sku"] in named):
            r["types"] = {"variable"}
        else:
            r["types"] = {"simple"}


def _woo_record(rows: _Rows, line: int, row: dict[str, str]) -> dict:
    """One row of a WooCommerce export, cleaned (amounts in cents, None when empty)."""
    types = {t.strip().lower() for t in row.get("type", "").split(",") if t.strip()}
    return {
        "line": line,
        "types": types,
        "id": row.get("id", "").strip(),
        "sku": _sku(row.get("sku", "")),
        "name": name_cell(rows, _plain(row.get("name", "")), "name", line),
        "price": _amount(rows, row, "price", line),
        "sale": _amount(rows, row, "sale_price", line),
        "cost": _amount(rows, row, "cost", line),
        "category": _category(row.get("category", "")),
        "image": _first_url(row.get("images", "")),
        "parent": row.get("parent", "").strip(),
        "attributes": [_plain(row.get(f"attr{n}", "")) for n in range(1, WOO_ATTRIBUTES + 1)],
    }


def _woo_parent_by_name(r: dict, variables: list[dict]) -> dict | None:
    """The variable product a variation belongs to when its "Parent" names none in the file
    (a SKU, and the file has no SKU column): the one whose name starts the variation's
    ("Hoodie" for "Hoodie - Red"); None when no one or two do."""
    fits = [v for v in variables if r["name"].startswith(v["name"] + " - ")]
    longest = max((len(v["name"]) for v in fits), default=0)
    fits = [v for v in fits if len(v["name"]) == longest]
    return fits[0] if len(fits) == 1 else None


def _woo_skip_reason(r: dict, has_variations: bool) -> str:
    """Why a WooCommerce row is not a product to import ("" when it is one)."""
    if "grouped" in r["types"]:
        return _("a grouped product: a set of other products")
    if "external" in r["types"]:
        return _("an external product, sold on another site")
    if has_variations:
        return _("a variable product: its variations are imported instead")
    return ""


def _woo_name_variant(r: dict, parent: dict | None) -> tuple[str, str]:
    """(name, variant) of a row: a variation takes its parent's name, and the rest of its
    own name ("Ketting Maan - Goud") or its attributes as the variant."""
    name = r["name"]
    if parent is not None:
        base = parent["name"] or name
        if name.startswith(base + " - "):
            return base, name[len(base) + 3:].strip()
        return base, ", ".join(a for a in r["attributes"] if a)
    if "variation" in r["types"]:
        return name, ", ".join(a for a in r["attributes"] if a)
    return name, ""


def woo_id_key(woo_id: str) -> str:
    """The key of a WooCommerce product without SKU: its ID in the shop, which stays when the
    product is renamed, and tells two products of one name apart (review of the importers: it
    was its name and variant, so a renamed product came in a second time, and of two alike the
    one first in the file took the other's place)."""
    return f"woocommerce|id:{woo_id}"


def _woo_product(r: dict, parent: dict | None, name: str, variant: str, sale_column: bool = True) -> ProductRow:
    """The product of a row; a variation falls back on its parent's price, cost, category and image.
    An empty regular price falls back on the sale price: in a file without that column the
    price of such a row is unknown (``ProductRow.unknown``)."""
    price = r["price"] if r["price"] is not None else r["sale"]
    unknown = frozenset() if r["price"] is not None or sale_column else frozenset({"price_cents"})
    if price is None and parent is not None:
        price = parent["price"] if parent["price"] is not None else parent["sale"]
    cost = r["cost"] if r["cost"] is not None else (parent["cost"] if parent else None)
    by_name = f"{_slug(name)}|{variant}"
    by_id = woo_id_key(r["id"]) if r["id"] else ""
    return ProductRow(
        line=r["line"],
        key=r["sku"] or by_id or by_name,
        sku=r["sku"],
        name=name,
        variant=variant,
        price_cents=price,
        cost_cents=cost,
        category=r["category"] or (parent["category"] if parent else ""),
        image_url=r["image"] or (parent["image"] if parent else ""),
        fallback_key=by_id,
        unknown=unknown,
        plain_key=by_id or by_name,
        # by name without a SKU; "name|variant|id:NN" was the key of the second of two alike
        former_keys=((() if r["sku"] else (by_name,)) + (f"{by_name}|id:{r['id']}",)) if by_id else (),
    )


def _title(p: ProductRow) -> str:
    return f"{p.name} – {p.variant}" if p.variant else p.name


def _same_name_note(p: ProductRow, other: ProductRow) -> str:
    """Two products without SKU of one name and variant, both imported (told apart by their
    WooCommerce IDs, which the owner does not see)."""
    return _("Line {line}: “{name}” has no SKU and the same name as line {other}; both are imported, as separate "
             "products.").format(line=p.line, name=_title(p), other=other.line)


def zeros_dropped(sku: str, other: str) -> bool:
    """Are ``sku`` and ``other`` one SKU of digits, one written without the leading zeros the
    other has ("123", "00123")? A spreadsheet program reads such a SKU as a number and writes it
    so (review of the imports: a catalogue re-saved by Excel came in a second time beside the
    first); the one with the zeros is the shop's."""
    return (sku != other and sku.isascii() and other.isascii() and sku.isdigit() and other.isdigit()
            and sku.lstrip("0") == other.lstrip("0"))


def _drop_duplicates(parsed: ParsedExport) -> None:
    """One product per key. A second row with a taken key is the same product (skipped), or
    a different one that only shares the SKU or the name: kept under its fallback key."""
    first: dict[str, ProductRow] = {}
    kept = []
    titled: dict[tuple[str, str], ProductRow] = {}  # rows keyed by their WooCommerce ID, by name and variant
    for p in parsed.products:
        if p.former_keys and not p.sku and p.key not in first:
            alike = titled.setdefault((p.name, p.variant), p)
            if alike is not p:  # told apart by their IDs, which the owner does not see
                parsed.notes.append(_same_name_note(p, alike))
        other = first.get(p.key)
        if other is not None and p.fallback_key and p.fallback_key != other.fallback_key \
                and p.fallback_key not in first:
            if p.sku:
                parsed.notes.append(_(
                    "Line {line}: “{name}” has the same SKU ({sku}) as line {other}, but is another "
                    "product; both are imported. Give it its own SKU in the shop.").format(
                        line=p.line, name=_title(p), sku=p.sku, other=other.line))
            else:
                parsed.notes.append(_same_name_note(p, other))
            p = replace(p, key=p.fallback_key)
            other = None
        if other is not None:
            parsed.skipped.append(SkippedRow(p.line, p.name, _(
                "the same SKU or variant as line {line}, which is imported instead").format(line=other.line)))
            continue
        first[p.key] = p
        kept.append(p)
    parsed.products = kept
    parsed.skipped.sort(key=lambda s: s.line)
