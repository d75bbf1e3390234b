"""Read a shop's own orders export: Shopify, WooCommerce (Customer/Order CSV Export) and
Etsy (sold orders, sold order items).

Pure Python, no Qt, no database, no clock: ``parse_orders(data)`` takes the file's bytes
and returns the orders in it (``OrderRow`` with its ``OrderLine``s) and the customers who
placed them (``CustomerRow``), or raises ``ImportFailed(line, problem)``; the caller then
changes nothing. The file is read by the product importer's reader
(``domain/importers.py``: encodings, ``,``/``;``/TAB, BOM, blank lines, cut-off files
refused whole), so an orders file gets the same care as a products file.

What the real exports hold (shared/data/shop-exports/SOURCES.md) and how it is met:

- **Shopify**: one row per line item; the rows of one order share its "Name" (``#1039``)
  and only the first carries the order's amounts, status and addresses. The oldest
  header (71 columns) and the current one (79) name the columns alike. Zips and phones
  re-saved by a spreadsheet keep a leading apostrophe (``'1630``): dropped.
- **WooCommerce**, the "Customer/Order CSV Export" plugin: one row per order, its line
  items packed in ``line_item_1``, ``line_item_2``… as ``name:…|sku:…|quantity:…``,
  meta as ``k=v`` pairs or PHP-serialised; HTML entities in names (``&times;``); Excel
  adds empty rows of delimiters (skipped). Its one-row-per-item layout ("Item Name")
  is grouped like Shopify's.
- **Etsy**: sold orders (one row an order, no item names: "Number of Items") and sold
  order items (one row an item, "Variations" holds the buyer's personalisation).
  Re-saved by a spreadsheet as TAB-separated without quotes and without a final line
  end; US zips that lost their leading zero (``7302`` → ``07302``); names written twice
  through UTF-8 (``MontrÃ©al`` → ``Montréal``) are repaired.
- **Dates** of numbers only ("4/8/2021", "8-4-2021": Etsy's own, or a spreadsheet's re-save)
  read the day or the month first as all the dates of their column show (``file_dates``);
  a file that does not show it is refused, not guessed.

Customers: one per email address (case does not count), else per buyer account (Etsy's
"Buyer User ID": one buyer whose address is written two ways is one customer), else per name and address
(name, street and postcode, case, punctuation and a US ZIP+4 tail not counting). The
buyer is the customer (the billing name: she is who the shop writes to); each order keeps
where its parcel goes (``OrderRow.ship_*``: the recipient of a gift, or the buyer at the
address she gave for it). A customer's own address is that of her newest order sent to
herself, else her billing address, never a gift's (review of the import: a gift's address
became the buyer's, and her own parcel was shown the gift's). Phones: the buyer's is the
order's own or the billing one, the shipping one the recipient's (hers too when it goes to
her); Shopify's "Street" holds Address1 and Address2 already (``join_street``). The
country of the address decides NL/BE (else "other"); language nl for NL and BE, en
elsewhere; Belgians get "u", the Dutch "je" (``customer_profile``). An order without
any name or e-mail (a shop's test order, a draft) is kept without a customer.

Headers are data (``LAYOUTS``): several names per field, compared case-insensitively
with ``_`` and spaces alike, so "order_number" and "Order Number" are one column.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta, timezone
from typing import Callable

from desktop import defaults
from desktop.domain import dates
from desktop.domain import orders as order_rules
from desktop.domain.importers import (ORDER_KINDS, ORDERS, PRODUCT_EXPORTS, Closest, ImportFailed, KnownExport, Layout,
                                      Progress, _Rows, amount_cell, check_amounts, closest_export, column_key, decode,
                                      encoding_note, foreign_sign, key_columns_missing, lacking_key_columns, name_cell,
                                      other_export, read_text, repair_text, shortened_number,
                                      unescape)
from desktop.i18n import N_, NP_, _, format_date, format_money, format_number, ngettext

SHOPIFY = "shopify"
WOOCOMMERCE = "woocommerce"
ETSY = "etsy"
PLATFORM_NAMES = {SHOPIFY: "Shopify", WOOCOMMERCE: "WooCommerce", ETSY: "Etsy"}

# Fields every layout may fill. ``number`` groups rows into orders.
COMMON = {
    "email": ("Email", "billing_email", "customer_email", "Billing Email", "Customer Email", "Buyer Email"),
    "phone": ("Phone", "billing_phone", "Billing Phone"),
}
LAYOUTS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    # One layout per way of writing the rows; the platform is the first word.
    "shopify": {
        "signature": {"a": ("Name",), "b": ("Financial Status",), "c": ("Lineitem name",)},
        "columns": {
            "number": ("Name",),
            "email": ("Email",),
            "financial": ("Financial Status",),
            "fulfilment": ("Fulfillment Status",),
            "fulfilled_at": ("Fulfilled at",),
            "currency": ("Currency",),
            "subtotal": ("Subtotal",),
            "shipping": ("Shipping",),
            "tax": ("Taxes",),
            "total": ("Total",),
            "discount": ("Discount Amount",),
            "created": ("Created at",),
            "cancelled_at": ("Cancelled at",),
            "notes": ("Notes",),
            "note_attributes": ("Note Attributes",),
            # The buyer's phone: the order's own, else the billing one; the shipping one is the
            # recipient's (the buyer's too when the parcel goes to her). "Phone" is in every
            # Shopify header and mostly empty: each row takes the first of them it fills.
            "phone": ("Phone",),
            "billing_phone": ("Billing Phone",),
            "shipping_phone": ("Shipping Phone",),
            "item_quantity": ("Lineitem quantity",),
            "item_name": ("Lineitem name",),
            "item_price": ("Lineitem price",),
            "item_sku": ("Lineitem sku",),
            "item_fulfilment": ("Lineitem fulfillment status",),
            "item_properties": ("Lineitem properties", "Line: Properties"),
            "billing_name": ("Billing Name",),
            # "Billing Street" is Address1 and Address2 joined ("Avenue X, 5"): read only when
            # the file has no Address1 (``_address``).
            "billing_street": ("Billing Street",),
            "billing_address1": ("Billing Address1",),
            "billing_street2": ("Billing Address2",),
            "billing_city": ("Billing City",),
            "billing_postcode": ("Billing Zip",),
            "billing_country": ("Billing Country",),
            "billing_region": ("Billing Province", "Billing Province Name"),  # a state: "ON", "Ontario"
            "shipping_name": ("Shipping Name",),
            "shipping_street": ("Shipping Street",),
            "shipping_address1": ("Shipping Address1",),
            "shipping_street2": ("Shipping Address2",),
            "shipping_city": ("Shipping City",),
            "shipping_postcode": ("Shipping Zip",),
            "shipping_country": ("Shipping Country",),
            "shipping_region": ("Shipping Province", "Shipping Province Name"),
        },
    },
    "woocommerce": {
        "signature": {"a": ("order_number", "Order Number"), "b": ("order_total", "Order Total")},
        "columns": {
            "number": ("order_number", "Order Number", "order_id", "Order ID"),
            "created": ("order_date", "Order Date", "date_created"),
            "status": ("status", "Order Status"),
            "currency": ("order_currency", "Order Currency", "currency"),
            "shipping": ("shipping_total", "Shipping Total"),
            "tax": ("tax_total", "Tax Total"),
            "discount": ("discount_total", "Discount Total"),
            "total": ("order_total", "Order Total"),
            "completed_at": ("completed_date", "Completed Date", "date_completed"),
            "notes": ("customer_note", "Customer Note"),
            "email": ("billing_email", "Billing Email", "customer_email", "Customer Email"),
            "phone": ("billing_phone", "Billing Phone"),
            "shipping_phone": ("shipping_phone", "Shipping Phone"),
            "billing_first": ("billing_first_name", "Billing First Name"),
            "billing_last": ("billing_last_name", "Billing Last Name"),
            "billing_company": ("billing_company", "Billing Company"),
            "billing_street": ("billing_address_1", "Billing Address 1"),
            "billing_street2": ("billing_address_2", "Billing Address 2"),
            "billing_postcode": ("billing_postcode", "Billing Postcode"),
            "billing_city": ("billing_city", "Billing City"),
            "billing_country": ("billing_country", "Billing Country"),
            "billing_region": ("billing_state", "Billing State"),
            "shipping_first": ("shipping_first_name", "Shipping First Name"),
            "shipping_last": ("shipping_last_name", "Shipping Last Name"),
            "shipping_street": ("shipping_address_1", "Shipping Address 1"),
            "shipping_street2": ("shipping_address_2", "Shipping Address 2"),
            "shipping_postcode": ("shipping_postcode", "Shipping Postcode"),
            "shipping_city": ("shipping_city", "Shipping City"),
            "shipping_country": ("shipping_country", "Shipping Country"),
            "shipping_region": ("shipping_state", "Shipping State"),
            # one row per item (the plugin's other layout)
            "item_name": ("Item Name", "item_name"),
            "item_sku": ("Item SKU", "item_sku"),
            "item_quantity": ("Item Quantity", "item_quantity"),
            "item_total": ("Item Total", "item_total"),
            "item_meta": ("Item Meta", "item_meta"),
        },
    },
    "etsy": {
        "signature": {"a": ("Sale Date",), "b": ("Order ID",)},
        "columns": {
            "number": ("Order ID",),
            "created": ("Sale Date",),
            "shipped": ("Date Shipped",),
            "status": ("Status",),
            "currency": ("Currency",),
            "subtotal": ("Order Value",),
            "shipping": ("Shipping", "Order Shipping"),
            "tax": ("Sales Tax", "Order Sales Tax"),
            "discount": ("Discount Amount",),
            "total": ("Order Total",),
            "item_count": ("Number of Items",),
            "email": ("Buyer Email",),
            "buyer": ("Buyer User ID",),  # the buyer's Etsy account: one customer, however the address is written
            "full_name": ("Full Name", "Ship Name"),
            "first_name": ("First Name",),
            "last_name": ("Last Name",),
            "street": ("Street 1", "Ship Address1"),
            "street2": ("Street 2", "Ship Address2"),
            "city": ("Ship City",),
            "postcode": ("Ship Zipcode",),
            "country": ("Ship Country",),
            "region": ("Ship State",),
            "skus": ("SKU",),
            # sold order items: one row an item
            "item_name": ("Item Name",),
            "item_quantity": ("Quantity",),
            "item_price": ("Price",),
            "item_variations": ("Variations",),
            "item_sku": ("SKU",),
        },
    },
}

# Country names and codes that mean the Netherlands or Belgium (lower case, no accents).
COUNTRY_NAMES = {
    "NL": ("nl", "nld", "netherlands", "the netherlands", "nederland", "holland", "pays-bas", "pays bas",
           "niederlande", "paises bajos", "kingdom of the netherlands"),
    "BE": ("be", "bel", "belgium", "belgie", "belgique", "belgien", "belgica", "belgio"),
}
US_NAMES = ("us", "usa", "united states", "united states of america")
# Where a postcode is always this many digits, and many start with 0: a spreadsheet that took
# the code for a number dropped those zeros (Etsy's "4012" for 04012 in Italy, "2270" for 02270
# in Finland, "949" for 00949 in Puerto Rico). By ISO code (Shopify, WooCommerce) and English
# name (Etsy). The lengths are Google's address metadata ("zip": IT "\d{5}", FI "\d{5}", PR
# "00[679]\d{2}([ \-]\d{4})?", FR "\d{2}[ ]?\d{3}", AU "\d{4}" …; libaddressinput's
# testdata/countryinfo.txt, the data served at https://chromium-i18n.appspot.com/ssl-address/data/IT).
DIGIT_POSTCODES = {name: digits for digits, *names in (
    (5, *US_NAMES), (5, "pr", "puerto rico"), (5, "it", "italy"), (5, "fi", "finland"), (5, "fr", "france"),
    (5, "de", "germany"), (5, "es", "spain"), (5, "lt", "lithuania"), (5, "ua", "ukraine"),
    (5, "tr", "turkey", "turkiye"), (5, "mx", "mexico"), (5, "my", "malaysia"), (4, "au", "australia"),
    (4, "no", "norway"), (4, "za", "south africa"),
) for name in names}
NL_POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Za-z]{2}$")

# Statuses of a shop order (stored codes; labels in desktop/labels.py "shop_order_status").
OPEN, PARTIAL, FULFILLED, CANCELLED = "open", "partial", "fulfilled", "cancelled"
SHOPIFY_CALLED_OFF = ("refunded", "voided")  # Financial Status of an order that is off ("partially_refunded" is not)
WOO_STATUS = {"completed": FULFILLED, "cancelled": CANCELLED, "refunded": CANCELLED, "failed": CANCELLED,
              "trash": CANCELLED}

# The columns (``LAYOUTS`` keys) that tell an order was cancelled, and that it was sent.
# A file without them cannot say it was not: a stored status stays (``status_to_store``).
STATUS_COLUMNS = {
    SHOPIFY: (("cancelled_at",), ("fulfilment",)),
    WOOCOMMERCE: (("status",), ("status",)),
    ETSY: (("status",), ("shipped",)),
}

# A stored item's field -> the columns that name it. An item of the file keeps the stored
# value of a field none of them is in the file for (WooCommerce's packed "line_item_N"
# cells name them all); a file without "Lineitem price" never empties the stored prices.
LINE_COLUMNS = {
    "sku": ("item_sku",),
    "quantity": ("item_quantity",),
    "price_cents": ("item_price", "item_total"),
    "personalisation": ("item_properties", "item_meta", "item_variations"),
}

# Columns whose absence the owner hears about: what a stored order keeps, what a new one
# gets. Per platform the ones its real exports have (Etsy: its "Sold Orders" download, or
# with "items" its "Sold Order Items"; WooCommerce with "items": the one-row-per-item layout).
MISSING_NOTES = {
    "item_price": N_("The file has no column “{column}”: the items of orders already in Afspraak keep their prices; the "
                     "items of new orders are imported without one."),
    "item_total": N_("The file has no column “{column}”: the items of orders already in Afspraak keep their prices; the "
                     "items of new orders are imported without one."),
    "item_sku": N_("The file has no column “{column}”: the items of orders already in Afspraak keep their SKUs; "
                   "the items of new orders are found in the catalogue by their name."),
    "item_quantity": N_("The file has no column “{column}”: the orders already in Afspraak keep their numbers "
                        "of items; each item of a new order counts once."),
    "item_meta": N_("The file has no column “{column}”: the items of orders already in Afspraak keep their "
                    "personalisation; the items of new orders are imported without it."),
    "item_variations": N_("The file has no column “{column}”: the items of orders already in Afspraak keep their "
                          "personalisation; the items of new orders are imported without it."),
    "sent": N_("The file has no column “{column}”: the orders already in Afspraak keep whether they were sent; new "
               "orders are imported as not sent yet."),
    "cancelled": N_("The file has no column “{column}”: the orders already in Afspraak keep whether they were cancelled; "
                    "new orders are imported as not cancelled."),
    "status": N_("The file has no column “{column}”: the orders already in Afspraak keep their status; new orders are "
                 "imported as open."),
    # TRANSLATORS: {column} is the orders export's e-mail column ("Email", "billing_email").
    "email": N_("The file has no column “{column}”: customers are recognised by their name and address, and new "
                "customers are added without an email address. A later file with that column fills it in."),
}
NOTED_WHEN_MISSING = {
    SHOPIFY: {"email": "email", "fulfilment": "sent", "cancelled_at": "cancelled", "item_quantity": "item_quantity",
              "item_price": "item_price", "item_sku": "item_sku"},
    WOOCOMMERCE: {"email": "email", "status": "status"},
    WOOCOMMERCE + " items": {"email": "email", "item_quantity": "item_quantity", "item_total": "item_total",
                             "item_sku": "item_sku", "item_meta": "item_meta"},
    ETSY: {"status": "cancelled", "shipped": "sent"},
    ETSY + " items": {"shipped": "sent", "item_quantity": "item_quantity", "item_price": "item_price",
                      "item_sku": "item_sku", "item_variations": "item_variations"},
}


# An order's own amounts, whose columns a file re-saved by a spreadsheet may have lost (Shopify's
# and Etsy's orders downloads have them; WooCommerce's cannot be read without its total; Etsy's
# "Sold Order Items" names none): the orders already stored keep theirs (store/shop_orders.py),
# new ones come without them, and the owner hears which (review of the importers: a file
# without "Total" and "Subtotal" imported without a word, the preview's totals all empty).
AMOUNT_COLUMNS = {SHOPIFY: ("subtotal", "total"), ETSY: ("subtotal", "total")}
# A file of orders without their items: nothing in it can be made to order (the import
# preview says so in its own words, presentation/import_texts.no_items_text).
NO_ITEMS_NOTE = N_("This file lists orders without their items (Etsy's “Sold Orders”): no custom orders can be "
                   "made from it. Etsy's “Sold Order Items” download names the items and their personalisation.")


@dataclass(frozen=True)
class OrderLine:
    name: str
    sku: str
    quantity: int
    price_cents: int | None  # a unit's price, as the file says
    properties: tuple[tuple[str, str], ...] = ()  # what the buyer typed for this item
    fulfilled: bool | None = None  # the item's own fulfilment, where the file says

    @property
    def product_key(self) -> str:
        """What tells products of the file apart: the SKU, else the name."""
        return f"sku:{self.sku}" if self.sku else f"name:{_fold(self.name)}"


@dataclass(frozen=True)
class CustomerRow:
    key: str
    name: str
    email: str
    phone: str
    street: str
    postcode: str
    city: str
    country: str  # NL, BE or other
    country_name: str  # as the file writes it ("BE", "The Netherlands")
    language: str
    address_form: str
    line: int  # where the customer first appears
    buyer: str = ""  # the buyer's account on the platform (Etsy's "Buyer User ID"), when the file names it
    # Her own address above is that of her newest order sent to herself (else her newest
    # billing address): the day of that order, and every address the file gives for her
    # (billing and delivery, folded by ``address_key``), which tells an address Afspraak
    # wrote from the shop from one the owner typed (store/shop_orders.py).
    address_on: date | None = None
    addresses: frozenset[str] = frozenset()


@dataclass(frozen=True)
class OrderRow:
    line: int
    platform: str
    number: str
    ordered_on: date
    ordered_at: datetime | None  # aware when the file gives a zone; naive = the shop's own time
    customer_key: str  # "" when the order names nobody
    currency: str
    subtotal_cents: int | None
    shipping_cents: int | None
    tax_cents: int | None
    discount_cents: int | None
    total_cents: int | None
    status: str  # open, partial, fulfilled, cancelled
    fulfilled_on: date | None
    shop_status: str  # the shop's own words ("paid", "processing")
    notes: str
    note_attributes: tuple[tuple[str, str], ...]
    lines: tuple[OrderLine, ...]
    item_count: int
    buyer: str = ""  # the buyer's account on the platform, when the file names it
    # Where the parcel goes, as the shop's order says: the recipient (the buyer, or the
    # person a gift goes to) and the delivery address, the country as the file writes it
    # ("BE", "Canada"); the recipient's phone. "" where the file names none.
    ship_name: str = ""
    ship_street: str = ""
    ship_postcode: str = ""
    ship_city: str = ""
    ship_country: str = ""
    ship_phone: str = ""
    ship_region: str = ""  # a state or province as the file writes it ("AK", "Ontario")


@dataclass
class ParsedOrders:
    platform: str
    layout: str
    orders: list[OrderRow] = field(default_factory=list)
    customers: dict[str, CustomerRow] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    # The fields the file has columns for (``LAYOUTS`` keys): what it does not name (Etsy's
    # items download has no order total nor buyer account, its orders download no items)
    # is kept as stored when an order is imported again.
    fields: frozenset[str] = frozenset()
    # The columns whose absence a note tells (a ``MISSING_NOTES`` key, or "amounts" for
    # ``AMOUNT_COLUMNS``: ``amounts_note``) with their names: worded again for a file none of
    # whose orders is in Afspraak yet, where nothing stored keeps anything
    # (presentation/import_texts.order_notes).
    lacking: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)

    def names_items(self) -> bool:
        """Does the file name the orders' items (not only how many)?"""
        return "item_name" in self.fields or self.packs_items()

    def packs_items(self) -> bool:
        """Are the items packed in cells ("line_item_1": name, SKU, quantity, total and meta)?"""
        return any(f.startswith("line_item_") for f in self.fields)

    def names_line_field(self, name: str) -> bool:
        """Does the file have a column for this field of an item (``LINE_COLUMNS``)?"""
        return self.packs_items() or any(f in self.fields for f in LINE_COLUMNS.get(name, ("item_name",)))

    @property
    def platform_name(self) -> str:
        return PLATFORM_NAMES[self.platform]

    def products(self) -> dict[str, OrderLine]:
        """One line per product of the file (its first), by ``OrderLine.product_key``."""
        out: dict[str, OrderLine] = {}
        for order in self.orders:
            for line in order.lines:
                out.setdefault(line.product_key, line)
        return out


# --- recognising the file --------------------------------------------------------------

_key = column_key


def detect_order_layout(header: list[str]) -> Layout | None:
    """The orders export this header belongs to, or None: of the layouts whose key columns
    (``signature``) it has, the one it has most columns of; None when it has more of another
    export's columns that lacks one of its key columns (``lacking_key_columns``: an Etsy file
    whose "Order ID" was renamed "Order Number" has WooCommerce's two key columns, but twenty
    of Etsy's)."""
    names = {_key(h) for h in header}
    whole = [name for name, layout in LAYOUTS.items()
             if all(any(_key(o) in names for o in options) for options in layout["signature"].values())]
    if not whole or lacking_key_columns(header, ORDER_EXPORTS) is not None:
        return None
    name = closest_export(header, [e for e in ORDER_EXPORTS if e.name in whole]).export.name
    columns = dict(LAYOUTS[name]["columns"])
    if name == "woocommerce":
        for h in header:
            m = re.fullmatch(r"line item (\d+)", _key(h))
            if m:
                columns[f"line_item_{int(m.group(1))}"] = (h.strip(),)
    position = {_key(h): i for i, h in reversed(list(enumerate(header)))}
    index = {}
    for key, options in columns.items():
        for option in options:
            if _key(option) in position:
                index[key] = position[_key(option)]
                break
    return Layout(name, index, columns)


def _header_cells(data: bytes) -> list[str]:
    import csv
    import io

    from desktop.domain.importers import header_and_delimiter

    text = decode(data[:65536]) if len(data) > 65536 else decode(data)
    first, delimiter, _said = header_and_delimiter(text)
    try:
        return next(csv.reader(io.StringIO(first), delimiter=delimiter))
    except (csv.Error, StopIteration):
        return []


def is_orders_export(data: bytes) -> bool:
    """Whether the file's first line is the header of an orders export this module reads."""
    try:
        cells = _header_cells(data)
    except ImportFailed:
        return False
    return detect_order_layout(cells) is not None


def _not_orders(line: int) -> ImportFailed:
    return ImportFailed(line, _(
        "this is not an orders export from Shopify, WooCommerce or Etsy: the first line should hold "
        "column names such as “Name”, “Financial Status” and “Lineitem name” (Shopify), "
        "“order_number” and “order_total” (WooCommerce) or “Sale Date” and “Order ID” (Etsy)."))


def _detect(header: list[str], line: int) -> Layout:
    layout = detect_order_layout(header)
    if layout is None:
        _refuse_incomplete(header, line)
        kind = other_export(header, translated=False)
        if kind and kind not in ORDER_KINDS:
            raise ImportFailed(line, _("this looks like {kind}, not an orders export.").format(kind=_(kind)))
        raise _not_orders(line)
    return layout


# What the columns an orders export cannot do without say (``LAYOUTS`` keys), for a message
# about a file without one.
# TRANSLATORS: each completes "the column “Name” ({meaning}) is missing".
KEY_MEANINGS = {"number": N_("the order number"), "financial": N_("whether it is paid"), "item_name": N_("the items"),
                "total": N_("the order's total"), "created": N_("the order date")}


def _known_orders() -> list[KnownExport]:
    """The orders layouts as ``KnownExport``s: their ``signature`` columns are the key ones."""
    exports = []
    for name, layout in LAYOUTS.items():
        columns = layout["columns"]
        key = {next((f for f, options in columns.items() if options[0] == opts[0]), k): opts
               for k, opts in layout["signature"].items()}
        exports.append(KnownExport(name, PLATFORM_NAMES[name.split("_")[0]], ORDERS, key, columns, KEY_MEANINGS))
    return exports


ORDER_EXPORTS = _known_orders()


def incomplete_orders(header: list[str]) -> Closest | None:
    """The orders export ``header`` looks like though it lacks some of the columns it cannot
    do without (``lacking_key_columns``), or None."""
    return lacking_key_columns(header, ORDER_EXPORTS)


def _missing_key_columns(line: int, platform: str, missing: list[tuple[str, str]]) -> ImportFailed:
    export = next(e for e in ORDER_EXPORTS if e.platform == platform)
    return key_columns_missing(line, Closest(export, 0, 0, tuple(missing)))


def _refuse_incomplete(header: list[str], line: int, exports: list[KnownExport] = ORDER_EXPORTS) -> None:
    found = lacking_key_columns(header, exports)
    if found is not None:
        raise key_columns_missing(line, found)


def _not_an_export(header: list[str], line: int) -> None:
    """Why a file that is neither a products nor an orders export is refused, for the import
    that takes both (``parse_any``): an export without one of its key columns, a
    file of another kind, or none the app knows. A products or an orders export without one of
    its key columns is told as the one it has most columns of."""
    _refuse_incomplete(header, line, PRODUCT_EXPORTS + ORDER_EXPORTS)
    kind = other_export(header, translated=False)
    if kind in ORDER_KINDS:
        raise _not_orders(line)
    if kind:
        raise ImportFailed(line, _(
            "this looks like {kind}. Afspraak imports the shop's exports of products and of orders: export one "
            "of those and import that file.").format(kind=_(kind)))
    raise ImportFailed(line, _(
        "this is not an export of products or orders from WooCommerce, Shopify or Etsy: the first line should "
        "hold column names such as “Handle”, “Title” and “Variant Price” (Shopify's products), “Name”, "
        "“Financial Status” and “Lineitem name” (Shopify's orders), “SKU”, “Name” and “Regular price” "
        "(WooCommerce's products), “order_number” and “order_total” (WooCommerce's orders), “TITLE” and "
        "“PRICE” (Etsy's listings) or “Sale Date” and “Order ID” (Etsy's orders)."))


# --- values ----------------------------------------------------------------------------

def _text(value: str) -> str:
    """One line of text: repaired, HTML character references read (``importers.unescape``, as
    a product's name is), whitespace collapsed."""
    return " ".join(unescape(repair_text(value or "")).split())


def _multiline(value: str) -> str:
    lines = [" ".join(unescape(repair_text(part)).split()) for part in (value or "").splitlines()]
    return "\n".join(line for line in lines if line)


def _fold(text: str) -> str:
    """For comparing names and streets: case, accents' forms and punctuation do not count."""
    return " ".join(re.sub(r"[^\w]+", " ", unicodedata.normalize("NFC", text).casefold()).split())


def _plain_code(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)).strip()


def country_code(country: str, postcode: str = "") -> str:
    """NL, BE or other from what the file writes ("BE", "The Netherlands", "België");
    "" when it says nothing (then a Dutch postcode still says NL)."""
    name = _plain_code(country)
    for code, names in COUNTRY_NAMES.items():
        if name in names:
            return code
    if name:
        return "other"
    if NL_POSTCODE.match(postcode.strip()):
        return "NL"
    return ""


def clean_postcode(value: str, country: str) -> str:
    """'1630 (Shopify's apostrophe) -> 1630; a postcode of digits that lost its leading zeros
    padded where the country's are all that many digits (``DIGIT_POSTCODES``: a US ZIP, an
    Italian CAP); a Dutch postcode as 1234 AB."""
    text = _text(value).lstrip("'").strip()
    digits = DIGIT_POSTCODES.get(_plain_code(country))
    if digits:
        m = re.fullmatch(r"(\d+)(-\d{4})?", text)  # ZIP+4 ("07302-1234") in the US and Puerto Rico
        if m and len(m.group(1)) < digits:
            return m.group(1).zfill(digits) + (m.group(2) or "")
    m = re.fullmatch(r"([1-9][0-9]{3})\s*([A-Za-z]{2})", text)
    if m and country_code(country, text) in ("NL", ""):
        return f"{m.group(1)} {m.group(2).upper()}"
    return text


def customer_profile(code: str) -> tuple[str, str, str]:
    """(country, language, form of address) for a customer in country ``code``."""
    if code == "BE":
        return "BE", "nl", "u"
    if code == "NL":
        return "NL", "nl", "je"
    if code == "other":
        return "other", "en", "je"
    # Nothing in the file says where: the shop's own country, as for a customer typed in.
    return defaults.DEFAULT_COUNTRY, defaults.DEFAULT_LANGUAGE, defaults.DEFAULT_ADDRESS_FORM


def customer_key(email: str, name: str, street: str, postcode: str, buyer: str = "") -> str:
    """Who a customer is: the email address, else the buyer's account on the platform
    (Etsy's "Buyer User ID"), else name and address; "" for nobody."""
    if email.strip():
        return "email:" + email.strip().casefold()
    if buyer.strip():
        return "buyer:" + buyer.strip().casefold()
    if not name.strip():
        return ""
    base = re.sub(r"\s+", "", postcode.upper()).split("-")[0]
    return f"name:{_fold(name)}|{_fold(street)}|{base}"


def address_key(street: str, postcode: str) -> str:
    """An address to compare by: its street and postcode, case, punctuation and a US ZIP+4
    tail not counting; "" for none."""
    base = re.sub(r"\s+", "", (postcode or "").upper()).lstrip("'").split("-")[0]
    street = _fold(street or "")
    return f"{street}|{base}" if street or base else ""


def same_delivery(stored: tuple[str, str, str, str], new: tuple[str, str, str, str]) -> bool:
    """Does a file's delivery (recipient, street, postcode, city) say no more than the one
    stored, written shorter: the same recipient, postcode and city, its street the stored
    one's start ("4497 Ckndqnbhm st" for "4497 Ckndqnbhm St NE": Etsy's two downloads)?
    Case and punctuation do not count; a street that says more ("Kerkstraat 12 bus 3") is
    news."""
    (name, street, postcode, city), (new_name, new_street, new_postcode, new_city) = stored, new
    if _fold(name) != _fold(new_name) or _fold(city) != _fold(new_city):
        return False
    if address_key("", postcode) != address_key("", new_postcode):
        return False
    before, after = _fold(street).split(), _fold(new_street).split()
    return bool(after) and before[:len(after)] == after


def same_person_name(a: str, b: str) -> bool:
    """Do two names name one person (case, accents' forms and punctuation not counting)?"""
    return _fold(a or "") == _fold(b or "")


def _amount(rows: _Rows, row: dict, key: str, line: int) -> int | None:
    text = (row.get(key) or "").strip()
    negative = text.startswith("-")
    try:
        value = amount_cell(rows, text.lstrip("-"), key, line)
    except ValueError:
        raise ImportFailed(line, _("“{value}” in the column “{column}” is not an amount.").format(
            value=text, column=rows.column(key))) from None
    if value is not None and foreign_sign(text):  # checked against the order's currency (_check_signs)
        rows.signed.setdefault(line, (text, rows.column(key)))
    return -value if negative and value is not None else value


def _check_signs(rows: _Rows, group: dict) -> None:
    """Refuse an amount written with a dollar or pound sign in an order the file says is in
    euros, or whose currency it does not name: it would be stored as euros (a review of
    2026-12-05: "$ 24.00" became € 24,00). An order in dollars says so and is kept as such."""
    currency = group.get("currency") or ""
    if currency not in ("", "EUR"):
        return
    for line in group["read_from"]:
        if line not in rows.signed:
            continue
        value, column = rows.signed[line]
        if currency:
            raise ImportFailed(line, _("“{value}” in the column “{column}” is not in euros, but the file says order "
                                       "{number} is. Check this order in the shop.").format(
                value=value, column=column, number=group["number"]))
        raise ImportFailed(line, _("“{value}” in the column “{column}” is not in euros, and the file names no "
                                   "currency for order {number}: it would be read as euros. Export the orders from "
                                   "the shop again, with their currency.").format(
            value=value, column=column, number=group["number"]))


def _price(rows: _Rows, row: dict, key: str, line: int) -> int | None:
    """An item's price: an amount never below zero (an order's discount may be written
    negative, a price may not: audit of 2026-12-05, "-25.00" was stored as a price)."""
    value = _amount(rows, row, key, line)
    if value is not None and value < 0:
        raise ImportFailed(line, _("“{value}” in the column “{column}” is below zero: a price never is. Check this "
                                   "order in the shop.").format(value=(row.get(key) or "").strip(),
                                                                column=rows.column(key)))
    return value


# A number of items: whole, as the shops write it ("2"; "2.0" after a spreadsheet re-save).
# Not "nan", "inf" or "1e3", nor "1,000" (a thousand, or one?): refused rather than guessed.
_QUANTITY = re.compile(r"\d{1,6}(?:[.,]0)?")
MAX_QUANTITY = order_rules.MAX_QUANTITY  # items of one product on one order line: more is a mistake in the file


def _quantity(rows: _Rows, value: str, key: str, line: int) -> int:
    text = (value or "").strip()
    if not text:
        return 1
    number = int(re.split(r"[.,]", text)[0]) if _QUANTITY.fullmatch(text) else -1
    if not 0 <= number <= MAX_QUANTITY:
        raise ImportFailed(line, _("“{value}” in the column “{column}” is not a number of items.").format(
            value=text, column=rows.column(key)))
    return number


# How the shops write a moment themselves, the year first (Shopify "2021-04-08 17:24:41 +0200",
# WooCommerce "2020-10-08 2:28"): it reads one way only.
_ISO_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")

# A date of numbers only: a day and a month in either order, then the year, perhaps a time.
# Etsy writes them so itself, the month first ("12/31/2023"); a spreadsheet program that
# re-saved a file writes them in the way of its region: the day first in the Netherlands
# ("8-4-2021 17:24"), Belgium ("8/04/2021") or Germany ("08.04.2021"), the month first in
# the US ("4/8/2021 17:24"). Which number is the day is decided once for the whole file
# (``file_dates``), never cell by cell: "4/8/2021" read one way in one row and the other
# way in the next would put orders months apart.
_NUMERIC_DATE = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?")
DAY_FIRST, MONTH_FIRST = "day first", "month first"
# The same with anything after it (a time in another form): a date of numbers, for a message.
_LIKE_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2}(?:\d{2})?(?:\s.*)?")

# The columns an orders file writes dates in (``LAYOUTS`` keys).
DATE_FIELDS = ("created", "fulfilled_at", "completed_at", "shipped")


def _numeric_moment(match: re.Match, order: str) -> datetime | date:
    """The moment of a date of numbers only (``_NUMERIC_DATE``) read with ``order``'s number
    first; raises ValueError for a day that does not exist."""
    first, second, year = int(match.group(1)), int(match.group(3)), match.group(4)
    day, month = (first, second) if order == DAY_FIRST else (second, first)
    number = int(year) if len(year) == 4 else int(year) + (2000 if int(year) < 69 else 1900)  # as %y reads it
    if match.group(5) is None:
        return date(number, month, day)
    return datetime(number, month, day, int(match.group(5)), int(match.group(6)), int(match.group(7) or 0))


def parse_moment(text: str, order: str = DAY_FIRST, short_year: bool = False) -> datetime | date | None:
    """A date or a moment as the shops write them; None for ''. A date of numbers only is
    read with ``order``'s number first (``file_dates`` decides it for a file); a year of two
    digits only with ``short_year`` (Etsy's "12/31/23"). Raises ValueError."""
    text = " ".join((text or "").split())
    if not text:
        return None
    text = re.sub(r"\s*UTC$", " +0000", text)
    for fmt in _ISO_FORMATS:
        try:
            value = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if "%H" not in fmt:
            return value.date()
        return value
    match = _NUMERIC_DATE.fullmatch(text)
    if match is None or (len(match.group(4)) == 2 and not short_year):
        raise ValueError(text)
    return _numeric_moment(match, order)


@dataclass(frozen=True)
class DateCell:
    """A date of numbers only in an orders file (``_NUMERIC_DATE``), where it stands."""

    line: int
    key: str  # the ``LAYOUTS`` field of its column
    text: str
    match: re.Match
    number: str  # the order number on its row

    @property
    def first(self) -> int:
        return int(self.match.group(1))

    @property
    def second(self) -> int:
        return int(self.match.group(3))

    @property
    def separator(self) -> str:
        return self.match.group(2)

    def reads(self, order: str) -> bool:
        try:
            _numeric_moment(self.match, order)
        except ValueError:
            return False
        return True


@dataclass(frozen=True)
class FileDates:
    """How the dates of numbers only in one orders file read, per column: the day or the
    month first."""

    orders: dict[str, str]  # ``LAYOUTS`` field -> DAY_FIRST or MONTH_FIRST
    cells: tuple[DateCell, ...]

    def order(self, key: str) -> str | None:
        return self.orders.get(key)

    def example(self, line: int, key: str) -> DateCell | None:
        """Another date of the column that reads as a date its way, to show that way by."""
        order = self.orders.get(key)
        return next((c for c in self.cells if c.key == key and c.line != line and c.reads(order)), None)


def file_dates(rows: _Rows, platform: str, read: list[tuple[int, dict, list[str]]]) -> FileDates | None:
    """Which number comes first in the file's dates of numbers only, per column, decided from
    all the dates of the column together (None when the file has none: the shops' own dates
    put the year first).

    A spreadsheet program writes every date of a column one way, so the whole column is
    evidence for each of its dates: a first number above 12 cannot be a month ("29/3/2021":
    the day comes first), a second one above 12 cannot either ("3/29/2021": the month comes
    first); the way most dates show wins, and a date that cannot be read that way is refused
    (``_moment``). When no date of the column shows it (every number 12 or below: a week of
    orders early in a month), sound evidence decides, in this order:

    - the file's other date columns written the same way ("/" or "-" between the numbers)
      that do show it: one spreadsheet program wrote them all;
    - the order numbers: a shop numbers its orders as they come, so the order dates rise with
      the numbers; when they do read one way and not the other, that way is the file's;
    - Etsy writes the month first itself ("12/31/2023"), and a spreadsheet program that
      re-saves its file keeps each number where it stood: "/" dates of an Etsy file put the
      month first;
    - Shopify and WooCommerce write the year first; a spreadsheet program that turned their
      dates into numbers with "-" or "." between them is one of a region that puts the day
      first (the Netherlands "8-4-2021", Germany "08.04.2021"): none writes the month first
      that way.

    Anything else (a Shopify or WooCommerce file with "4/8/2021": the US, or Britain) is not
    guessed: the file is refused, and the owner asked to export it again and import it
    unopened (review of the importers: "10/8/2020" was read as 10 August, 221 orders dated
    two months early, without a word). So is a column whose dates are written two ways
    ("12/31/2023" and "12-12-2023": a spreadsheet program that changed only some of them)."""
    by_key: dict[str, list[DateCell]] = {}
    for line, row, _cells in read:
        for key in DATE_FIELDS:
            text = " ".join((row.get(key) or "").split())
            match = _NUMERIC_DATE.fullmatch(text) if text else None
            # a year of two digits only where Etsy writes one; elsewhere it is not a date (``_moment``)
            if match is not None and (len(match.group(4)) == 4 or platform == ETSY):
                by_key.setdefault(key, []).append(DateCell(line, key, text, match, _text(row.get("number", ""))))
    if not by_key:
        return None
    separator: dict[str, str] = {}
    for cells in by_key.values():
        marks = [c.separator for c in cells]
        usual = max(dict.fromkeys(marks), key=marks.count)
        odd = next((c for c in cells if c.separator != usual), None)
        if odd is not None:
            raise _dates_written_two_ways(rows, platform, odd, next(c for c in cells if c.separator == usual))
        separator[cells[0].key] = usual
    shown = {key: _shown_order(rows, platform, cells) for key, cells in by_key.items()}
    orders = {}
    for key, cells in by_key.items():
        order = shown[key]
        if order is None:  # the other columns written alike, when they agree
            alike = {shown[k] for k in by_key if k != key and separator[k] == separator[key] and shown[k]}
            order = alike.pop() if len(alike) == 1 else None
        if order is None and key == "created":
            order = _order_by_numbers(cells)
        if order is None and platform == ETSY and separator[key] == "/":
            order = MONTH_FIRST
        if order is None and platform != ETSY and separator[key] in "-.":
            order = DAY_FIRST
        if order is None:
            both = next((c for c in cells if c.reads(DAY_FIRST) and c.reads(MONTH_FIRST)), None)
            if both is not None:
                raise _dates_read_two_ways(rows, both)
            order = DAY_FIRST  # no date of the column reads either way: each is refused as not a date
        orders[key] = order
    return FileDates(orders, tuple(c for cells in by_key.values() for c in cells))


def _shown_order(rows: _Rows, platform: str, cells: list[DateCell]) -> str | None:
    """The way most dates of a column show by a number above 12, or None when none shows one.
    As many showing the one way as the other is a column written two ways: refused."""
    day_first = [c for c in cells if 12 < c.first <= 31 and c.second <= 12]
    month_first = [c for c in cells if 12 < c.second <= 31 and c.first <= 12]
    if day_first and len(day_first) == len(month_first):
        odd, example = sorted((day_first[0], month_first[0]), key=lambda c: c.line, reverse=True)
        raise _dates_written_two_ways(rows, platform, odd, example)
    if len(day_first) == len(month_first):
        return None
    return DAY_FIRST if len(day_first) > len(month_first) else MONTH_FIRST


def _order_by_numbers(cells: list[DateCell]) -> str | None:
    """The way the file's order dates rise with its order numbers, when they do so read one
    way and not the other; else None (Etsy's order numbers do not rise with the dates)."""
    placed = sorted(((int(digits), c) for c in cells if c.key == "created"
                     if (digits := re.sub(r"\D", "", c.number))), key=lambda pair: pair[0])
    if len({number for number, _c in placed}) < 2:
        return None
    rising = []
    for order in (DAY_FIRST, MONTH_FIRST):
        try:
            moments = [_comparable(_numeric_moment(c.match, order)) for _number, c in placed]
        except ValueError:
            rising.append(False)
            continue
        rising.append(all(a <= b for a, b in zip(moments, moments[1:])))
    if rising == [True, False]:
        return DAY_FIRST
    if rising == [False, True]:
        return MONTH_FIRST
    return None


def _comparable(value: datetime | date) -> datetime:
    return value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)


def _etsy_date(rows: _Rows, cell_text: str, key: str, line: int) -> ImportFailed:
    # Etsy writes the month first; a spreadsheet that re-saved the file may have put the day first
    # TRANSLATORS: {example} is a date as Etsy writes it, month first: 12/31/2023.
    return ImportFailed(line, _("“{value}” in the column “{column}” is not a date as Etsy writes it (month "
                                "first: {example}). A spreadsheet program may have changed it: download the "
                                "file from Etsy again and import it without opening it.").format(
        value=cell_text, column=rows.column(key), example="12/31/2023"))


def _dates_written_two_ways(rows: _Rows, platform: str, odd: DateCell, example: DateCell) -> ImportFailed:
    if platform == ETSY and example.separator == "/":
        return _etsy_date(rows, odd.text, odd.key, odd.line)
    # TRANSLATORS: {value} and {example} are dates as the file writes them ("12-12-2023", "12/31/2023").
    return ImportFailed(odd.line, _(
        "“{value}” in the column “{column}” is written differently from “{example}” on line {example_line}: a "
        "spreadsheet program changed some of the dates in this file and not others, and which number is the day "
        "and which the month can no longer be told. Export the orders from the shop again and import that file "
        "without opening it first.").format(value=odd.text, column=rows.column(odd.key), example=example.text,
                                            example_line=example.line))


def _dates_read_two_ways(rows: _Rows, cell: DateCell) -> ImportFailed:
    month_first, day_first = (_numeric_moment(cell.match, order) for order in (MONTH_FIRST, DAY_FIRST))
    # TRANSLATORS: {value} is a date as the file writes it ("12/4/2026 17:24"); {month_first} and
    # {day_first} are its two readings as dates ("4 December 2026", "12 April 2026").
    return ImportFailed(cell.line, _(
        "the dates in the column “{column}” can be read two ways: “{value}” is {month_first} with the month "
        "first, or {day_first} with the day first, and nothing in the file tells which. A spreadsheet program "
        "probably saved them like this. Export the orders from the shop again and import that file without "
        "opening it first.").format(column=rows.column(cell.key), value=cell.text,
                                    month_first=format_date(_day(month_first), "long"),
                                    day_first=format_date(_day(day_first), "long")))


def _not_a_date(rows: _Rows, text: str, key: str, line: int, style: str) -> ImportFailed:
    """Why ``text`` (in the column for ``key``) is not a date: for a date of numbers only,
    the way the file's other dates are read, shown by one of them."""
    found: FileDates | None = rows.dates
    order = found.order(key) if found is not None else None
    if style == "us" and order in (None, MONTH_FIRST) and _LIKE_NUMERIC_DATE.fullmatch(text):
        return _etsy_date(rows, text, key, line)
    match = _NUMERIC_DATE.fullmatch(text)
    numbers = match is not None and (len(match.group(4)) == 4 or style == "us")
    example = found.example(line, key) if found is not None and numbers else None
    if example is not None:
        # TRANSLATORS: {value} and {example} are dates as the file writes them ("3/29/2021 10:00").
        message = (_("“{value}” in the column “{column}” is not a date: the dates in this column have the day first "
                     "(like “{example}” on line {example_line}), and read that way this one does not exist. A "
                     "spreadsheet program may have changed them: export the orders from the shop again and import "
                     "that file without opening it first.")
                   if order == DAY_FIRST else
                   _("“{value}” in the column “{column}” is not a date: the dates in this column have the month first "
                     "(like “{example}” on line {example_line}), and read that way this one does not exist. A "
                     "spreadsheet program may have changed them: export the orders from the shop again and import "
                     "that file without opening it first."))
        return ImportFailed(line, message.format(value=text, column=rows.column(key), example=example.text,
                                                 example_line=example.line))
    if match is not None and len(match.group(4)) == 2:
        # Not guessed: "8-4-21" may be 2021 or 1921, and a spreadsheet that shortened the years
        # may have swapped day and month too (the shop itself writes four digits).
        # TRANSLATORS: {value} a date as the file writes it ("8-4-21 17:24"), with a year of two digits.
        return ImportFailed(line, _("“{value}” in the column “{column}” has a year of two digits: the shop writes "
                                    "the whole year, so a spreadsheet program changed this file. Export the orders "
                                    "from the shop again and import that file without opening it first.").format(
            value=text, column=rows.column(key)))
    return ImportFailed(line, _("“{value}” in the column “{column}” is not a date.").format(
        value=text, column=rows.column(key)))


# The years an order of a small shop can be dated in: anything else is a mistake in the
# file ("0001-01-01", "9999-12-31"), and a promise made from it would be nonsense. The
# same years as the app's forms take (one rule: ``domain/dates.YEARS``).
ORDER_YEARS = dates.YEARS


def _moment(rows: _Rows, row: dict, key: str, line: int, style: str) -> datetime | date | None:
    """The date in the column for ``key``; ``style`` "us" for Etsy's file (its own dates put
    the month first, a year may have two digits), "iso" for the others."""
    text = (row.get(key) or "").strip()
    found: FileDates | None = rows.dates
    order = (found.order(key) if found is not None else None) or (MONTH_FIRST if style == "us" else DAY_FIRST)
    try:
        value = parse_moment(row.get(key, ""), order, short_year=style == "us")
    except ValueError:
        raise _not_a_date(rows, " ".join(text.split()), key, line, style) from None
    if value is not None and value.year < ORDER_YEARS.start:
        # TRANSLATORS: {year} is a plain year (1990): an order dated before it is a mistake in the file.
        raise ImportFailed(line, _("“{value}” in the column “{column}” lies before {year}: too long ago for an "
                                   "order of the shop. Check that date in the shop.").format(
            value=text, column=rows.column(key), year=str(ORDER_YEARS.start)))
    if value is not None and value.year >= ORDER_YEARS.stop:
        # TRANSLATORS: {year} is a plain year (2099): an order dated after it is a mistake in the file.
        raise ImportFailed(line, _("“{value}” in the column “{column}” lies after {year}: too far ahead for an "
                                   "order of the shop. Check that date in the shop.").format(
            value=text, column=rows.column(key), year=str(ORDER_YEARS.stop - 1)))
    return value


def _day(value: datetime | date | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def _pairs(text: str, separators: str = "\r\n") -> tuple[tuple[str, str], ...]:
    """'Naam: Mila\\nKleur: goud' -> (("Naam", "Mila"), ("Kleur", "goud")); a part without a
    key is kept with an empty key. A line ends at LF or CR (a cell of an older Mac's file)."""
    out = []
    for part in re.split(f"[{re.escape(separators)}]", repair_text(text or "")):
        part = part.strip()
        if not part:
            continue
        key, sep, value = part.partition(":")
        if not sep:
            key, sep, value = part.partition("=")
        if sep and key.strip() and len(key) <= 60:
            out.append((_text(key), _text(value)))
        else:
            out.append(("", _text(part)))
    return tuple(out)


def php_unserialise(text: str):
    """The strings, numbers and arrays of a PHP-serialised value (WooCommerce meta)."""
    pos = 0
    data = text.encode("utf-8")

    def read():
        nonlocal pos
        kind = data[pos:pos + 1]
        if kind == b"N":
            pos += 2
            return None
        if kind in (b"i", b"d", b"b"):
            end = data.index(b";", pos)
            raw = data[pos + 2:end].decode()
            pos = end + 1
            return int(raw) if kind != b"d" else float(raw)
        if kind == b"s":
            colon = data.index(b":", pos + 2)
            length = int(data[pos + 2:colon])
            start = colon + 2
            value = data[start:start + length].decode("utf-8", "replace")
            pos = start + length + 2
            return value
        if kind == b"a":
            colon = data.index(b":", pos + 2)
            count = int(data[pos + 2:colon])
            pos = colon + 2
            out = {}
            for _i in range(count):
                k = read()
                out[k] = read()
            pos += 1
            return out
        raise ValueError(text)

    return read()


def _meta_pairs(text: str) -> tuple[tuple[str, str], ...]:
    text = (text or "").strip()
    if not text:
        return ()
    if re.match(r"^a:\d+:\{", text):
        try:
            value = php_unserialise(text)
        except (ValueError, IndexError):
            return (("", _text(text)),)
        pairs = []

        def walk(v, key=""):
            if isinstance(v, dict):
                if "key" in v and "value" in v:
                    pairs.append((_text(str(v["key"])), _text(str(v["value"]))))
                    return
                for k, inner in v.items():
                    walk(inner, key if isinstance(k, int) else str(k))
            elif v not in (None, ""):
                pairs.append((_text(key), _text(str(v))))

        walk(value)
        return tuple(pairs)
    return _pairs(text, ",;\r\n")


def _shown_pairs(pairs) -> tuple[tuple[str, str], ...]:
    """Properties the buyer typed: hidden ones (Shopify's "_key") left out."""
    return tuple((k, v) for k, v in pairs if v and not k.startswith("_"))


def properties_text(pairs) -> str:
    """"Naam: Mila; Kleur: goud" (hidden properties left out)."""
    return "; ".join(f"{k}: {v}" if k else v for k, v in _shown_pairs(pairs))


def personalisation(order: OrderRow, line: OrderLine | None) -> str:
    """What to make for ``line``: its own properties, else the order's note attributes,
    else the order's notes."""
    for pairs in ((line.properties if line else ()), order.note_attributes):
        text = properties_text(pairs)
        if text:
            return text
    return order.notes.strip()


def custom_order_note(order: OrderRow, line: OrderLine) -> str:
    """The note of the custom order made from ``line``: the order's notes when they are
    not already its personalisation (how many pieces is the order's quantity)."""
    return order.notes if order.notes and personalisation(order, line) != order.notes else ""


# --- parsing ---------------------------------------------------------------------------

ROW_NOTES = 10  # notes about single rows (repeated, disagreeing) said one by one; the rest counted


def parse_orders(data: bytes, progress: Progress | None = None) -> ParsedOrders:
    """Read a Shopify, WooCommerce or Etsy orders export; raises ImportFailed on a bad file.

    An order repeated row for row (copied twice, two exports pasted together) is read once
    and noted; identical item rows inside one order are items of their own. Rows of one
    order that name a different customer or total from its first row are noted, and the
    first row's customer and total are kept (Shopify writes them on the first row of an
    order)."""
    rows = _order_rows(data, progress)
    platform = rows.layout.split("_")[0]
    # Every row read first: a file cut off is refused as such (the reader checks its end)
    # before a half cell in its last row is taken for a wrong value; and how its dates read
    # is decided from all of them together. That first pass keeps only the dates (the rows
    # of a 50 MB file held whole took over a GB); the orders are read in a second pass, a row
    # at a time (round 32 of docs/PERFORMANCE.md). Progress: each pass half the way.
    rows.progress = _pass_progress(progress, 0)
    rows.dates = file_dates(rows, platform, ((line, {key: row[key] for key in _DATED if key in row}, ())
                                             for line, row in rows))
    rows.again()
    rows.progress = _pass_progress(progress, 1)
    parsed = ParsedOrders(platform=platform, layout=rows.layout, fields=frozenset(rows.index))
    said = encoding_note(rows.encoding)
    if said:
        parsed.notes.append(said)
    seen: dict[tuple[str, ...], int] = {}  # a row's cells -> the line that first held them
    repeated: list[str] = []
    disagreeing: list[str] = []
    if platform == WOOCOMMERCE:
        read = _woocommerce_row
    elif platform == ETSY:
        read = _etsy_row
    else:
        read = _shopify_row
    skipping = None  # the number of an order whose rows are read a second time
    blocks: list[tuple[str, list[dict]]] = []  # the rows read, an order's rows that come together a block
    for line, row, cells in rows.with_cells():
        same = _cells_key(cells)
        number_text = _text(row.get("number", ""))
        opens = _opens_order(row)
        # A row that opens an order (its totals are on it) never comes twice in an export:
        # a second one repeats the order (copied twice, two exports pasted together), and
        # so do the item rows after it. Identical item rows inside one order are items of
        # their own: two engraved necklaces of one variant (Shopify leaves the engraving out).
        if same in seen and (opens or skipping == number_text):
            repeated.append(_("Line {line} is identical to line {first} in every column (order {number}): "
                              "skipped, as it counts only once.").format(
                line=line, first=seen[same], number=number_text))
            skipping = number_text
            continue
        skipping = None
        seen.setdefault(same, line)
        record = read(rows, row, line)
        number = record["number"]
        if not number:
            raise ImportFailed(line, _("the column “{column}” is empty; every order needs its number.").format(
                column=rows.column("number")))
        if blocks and blocks[-1][0] == number:
            blocks[-1][1].append(record)
        else:
            blocks.append((number, [record]))
    check_amounts(rows)  # "1.234" read as the file's other amounts show, or refused
    _check_last_order_whole(platform, blocks)
    groups = _merged(blocks, repeated, disagreeing)
    del blocks
    for record in groups.values():
        _check_signs(rows, record)
        _check_sent_after_placed(rows, platform, record)
    accounts: dict[str, set[str]] = {}  # a name and address -> the customer keys of the buyer accounts it was seen with
    ranks: dict[str, tuple] = {}  # a customer's key -> how good the order her address came from is (``_rank``)
    for number in list(groups):  # each record let go as its order is made: not every order held twice
        _finish(parsed, groups.pop(number), accounts, ranks)
    _join_guests(parsed, accounts)
    parsed.notes.extend(_capped(repeated, lambda n: ngettext(
        "… and {n} more row identical to an earlier one: skipped, as it counts only once.",
        "… and {n} more rows identical to an earlier one: skipped, as each counts only once.", n).format(n=format_number(n))))
    parsed.notes.extend(_capped(disagreeing, lambda n: ngettext(
        "… and {n} more row that disagrees with the first row of its order: the first row's customer and "
        "total are kept.",
        "… and {n} more rows that disagree with the first row of their order: the first row's customer and "
        "total are kept.", n).format(n=format_number(n))))
    _say_what_is_missing(parsed, rows)
    return parsed


def _merged(blocks: list[tuple[str, list[dict]]], repeated: list[str], disagreeing: list[str]) -> dict[str, dict]:
    """The orders of ``blocks`` (an order's rows that come together), by number. The rows of
    one order come together in an export. The same order again further down is a second copy
    of it (two exports that overlap, pasted together): with the same items it is read once,
    and said in ``repeated``, even when a cell changed in between (its status); the items were
    counted twice. Other rows of an order further down are merged (``disagreeing`` says where
    they name another customer or total). Each order keeps the lines it was read from
    (``read_from``)."""
    groups: dict[str, dict] = {}
    origins: dict[str, dict[str, int]] = {}  # per order, the line a field was filled in from (not its first)
    items_of: dict[str, list] = {}
    for number, block in blocks:
        items = [li for record in block for li in record["lines"]]
        if number in items_of and items == items_of[number]:
            first, last = block[0]["line"], block[-1]["line"]
            repeated.append((_("Line {first} repeats order {number} from earlier in the file: skipped, as it "
                               "counts only once.") if first == last else
                             _("Lines {first}–{last} repeat order {number} from earlier in the file: skipped, as "
                               "it counts only once.")).format(first=first, last=last, number=number))
            continue
        items_of[number] = items_of.get(number, []) + items
        for record in block:
            group = groups.get(number)
            if group is None:
                groups[number] = record
                record["read_from"] = [record["line"]]
                continue
            group["read_from"].append(record["line"])
            disagreeing.extend(_disagreements(group, record, origins.get(number, {})))
            for key, value in record.items():
                if key == "lines":
                    group["lines"].extend(value)
                elif key not in ("line",) and value not in (None, "", ()) and group.get(key) in (None, "", ()):
                    group[key] = value
                    origins.setdefault(number, {})[key] = record["line"]  # a later row filled it in
    return groups


def _order_rows(data: bytes, progress: Progress | None) -> _Rows:
    """The file's rows, once its header is an orders export with every column it cannot do
    without (an order's date too)."""
    text, encoding = read_text(data)
    rows = _Rows(text, progress, detect=_detect, encoding=encoding, whole_cell=_packed_cell_whole)
    if "created" not in rows.index:
        raise _missing_key_columns(rows.header_line, PLATFORM_NAMES[rows.layout.split("_")[0]],
                                   [(rows.column("created"), "created")])
    return rows


# The parts of a packed items cell the importer reads (``_packed_item``).
_PACKED_READ = frozenset({"name", "sku", "quantity", "total", "sub_total", "meta"})


def _packed_cell_whole(key: str, value: str, above: list[str]) -> bool:
    """Is the unquoted last cell of a re-saved WooCommerce file without its final line end
    whole where it is read (``_Rows._last_row_whole``)? A packed items cell ("name:…|sku:…|
    quantity:2|total:27.90|…|tax_subtotal:HST=3.627") is, when its last part is the one that
    ends every such cell above it (the exporter writes an item's parts in one order) and
    Afspraak does not read that part: a cut, if any, fell inside it, and each part read comes
    before it, closed by its "|". A cut before that part leaves another one last, and is refused."""
    if not key.startswith("line_item_"):
        return False
    end = _last_part(value)
    ends = {_last_part(cell) for cell in above if cell.strip()}
    return end is not None and end not in _PACKED_READ and ends == {end}


def _last_part(cell: str) -> str | None:
    """The name of the last part of a packed items cell ("tax_subtotal"), None without one."""
    name, sep, _value = _PACKED_KEY.split(cell.strip())[-1].partition(":")
    return name.strip() if sep and name.strip() else None


def _opens_order(row: dict) -> bool:
    """Does this row carry its order's own fields (its total)? Every row of a WooCommerce or
    Etsy export does; in a Shopify export only an order's first row."""
    return bool((row.get("total") or "").strip())


def _cells_key(cells: list[str]) -> bytes:
    """What a row holds, for telling a repeated row: every cell, trailing empty ones left out,
    as a digest (16 bytes a row kept, not every cell of it: two rows that differ have the
    same digest with a chance of one in 2¹²⁸)."""
    values = [c.strip() for c in cells]
    while values and not values[-1]:
        values.pop()
    return hashlib.blake2b(repr(values).encode("utf-8", "surrogatepass"), digest_size=16).digest()


# What the first pass over an orders export keeps of a row (``file_dates``): its dates and number.
_DATED = (*DATE_FIELDS, "number")


def _pass_progress(progress: Progress | None, done_passes: int) -> Progress | None:
    """``progress`` for one of the two passes over the file's lines: each half of the way."""
    if progress is None:
        return None
    return lambda done, total: progress(done_passes * total + done, 2 * total)


def _capped(notes: list[str], more: Callable[[int], str]) -> list[str]:
    if len(notes) <= ROW_NOTES:
        return notes
    return notes[:ROW_NOTES] + [more(len(notes) - ROW_NOTES)]


def _who(record: dict) -> str:
    return record.get("email") or record.get("name") or ""


_CUSTOMER_FIELDS = (("email", str.casefold), ("buyer", str.casefold), ("name", _fold))


def _differing_customer_field(first: dict, other: dict) -> str | None:
    """The field by which two rows of one order name different customers, or None when they
    name the same one as far as both say: the e-mail address (case does not count), else
    the buyer's account, else the name; the first of these that both rows have decides."""
    for key, fold in _CUSTOMER_FIELDS:
        a, b = first.get(key) or "", other.get(key) or ""
        if a and b:
            return None if fold(a) == fold(b) else key
    return None


def _disagreements(first: dict, other: dict, origins: dict[str, int]) -> list[str]:
    """Notes for a later row of an order (``other``) that names a different customer or
    total from what the order holds so far (``first``: its first row, filled in from later
    rows where it was empty; ``origins``: the line each such value came from); what it
    holds is kept."""
    out = []
    differing = _differing_customer_field(first, other)
    if differing == "buyer":
        # The account is what differs: named, and her name only where that differs too (the
        # same name twice said nothing: "a different customer (Ann) from line 2 (Ann)").
        that, this = first["buyer"], other["buyer"]
        names = (first.get("name") or "", other.get("name") or "")
        if all(names) and _fold(names[0]) != _fold(names[1]):
            that, this = f"{that}, {names[0]}", f"{this}, {names[1]}"
        note = _("Order {number}: line {line} names a different buyer account ({other}) from line {first} "
                 "({account}); the order stays with the buyer of line {first}.").format(
            number=first["number"], line=other["line"], other=this, first=origins.get("buyer", first["line"]),
            account=that)
    elif differing is not None:
        said = origins.get("email" if first.get("email") else "name", first["line"])
        note = _("Order {number}: line {line} names a different customer ({other}) from line {first} ({customer}); "
                 "the order stays with the customer of line {first}.").format(
            number=first["number"], line=other["line"], other=_who(other), first=said, customer=_who(first))
    if differing is not None:
        if other["lines"]:
            note += " " + _("The item on line {line} is still included in this order: check the order in the shop.").format(
                line=other["line"])
        out.append(note)
    total, other_total = first.get("total"), other.get("total")
    if total is not None and other_total is not None and total != other_total:
        currency = first.get("currency") or other.get("currency") or ""
        out.append(_("Order {number}: line {line} gives a different total ({other}) from line {first} ({total}); "
                     "the total of line {first} is kept.").format(
            number=first["number"], line=other["line"], other=_money(other_total, currency),
            first=origins.get("total", first["line"]), total=_money(total, currency)))
    return out


def _check_last_order_whole(platform: str, blocks: list[tuple[str, list[dict]]]) -> None:
    """Shopify writes an order's item rows one below the other, the subtotal on the first:
    a file cut at a line end in the middle of its last order reads as whole, and an
    import would take the missing items off the stored order (audit of 2026-12-05). In
    every real export the items less the discount make the subtotal; items worth less
    than that in the file's last order mean rows are missing."""
    if platform != SHOPIFY or not blocks:
        return
    block = blocks[-1][1]
    first = block[0]
    subtotal, discount = first.get("subtotal"), first.get("discount") or 0
    lines = [line for record in block for line in record["lines"]]
    if subtotal is None or not lines or any(line.price_cents is None for line in lines):
        return
    items = sum(line.quantity * line.price_cents for line in lines)
    if items - discount < subtotal:
        currency = first.get("currency", "")
        # TRANSLATORS: an orders file cut off; {number} is the order's number, {items} and {subtotal} amounts.
        raise ImportFailed(block[-1]["line"], _(
            "the last order, {number}, lists items worth {items} while its subtotal is {subtotal}: rows of it are "
            "missing. The file was probably cut off (an interrupted download or a full disk?): export it from the "
            "shop again.").format(number=first["number"], items=_money(items - discount, currency),
                                  subtotal=_money(subtotal, currency)))


# The column each platform's file says an order was sent (fulfilled, shipped, completed) in.
SENT_COLUMN = {SHOPIFY: "fulfilled_at", WOOCOMMERCE: "completed_at", ETSY: "shipped"}


def sent_before_placed(placed: datetime | date | None, sent: datetime | date | None) -> bool:
    """Was an order sent before it was placed? Two moments in the same kind of time (both
    with a zone, or both the shop's own) are compared as moments; otherwise their days, a
    day apart allowed when one has a zone and the other not (``SAME_ORDER_DAYS``)."""
    if placed is None or sent is None:
        return False
    if isinstance(placed, datetime) and isinstance(sent, datetime):
        if (placed.tzinfo is None) == (sent.tzinfo is None):
            return sent < placed
        return (_day(placed) - _day(sent)).days > SAME_ORDER_DAYS
    return _day(sent) < _day(placed)


def _check_sent_after_placed(rows: _Rows, platform: str, record: dict) -> None:
    """Refuse an order the file says was sent before it was placed: one of its dates is wrong
    (a day and month swapped in a spreadsheet, a year typed wrong), and an order "sent" on
    it would date the custom order's shipping and ready date before the order (review of
    the importers: it was imported as it stood)."""
    placed, sent = record.get("created"), record.get("fulfilled_at")
    if not sent_before_placed(placed, sent):
        return
    # TRANSLATORS: {sent} and {placed} are dates ("4 January 2024"), {number} an order number.
    raise ImportFailed(record["line"], _(
        "order {number} was sent on {sent} (the column “{sent_column}”), before it was placed on {placed} (the "
        "column “{placed_column}”): one of the two dates is wrong. Check this order in the shop and export the "
        "orders again.").format(
            number=record["number"], sent=format_date(_day(sent), "long"), placed=format_date(_day(placed), "long"),
            sent_column=rows.column(SENT_COLUMN[platform]), placed_column=rows.column("created")))


def _money(cents: int, currency: str) -> str:
    """An amount of the file for a note: with its currency when the file names a known one."""
    if re.fullmatch(r"[A-Z]{3}", currency):
        try:
            return format_money(cents, currency)
        except (ValueError, LookupError):
            pass
    return format_number(cents / 100)


def _base_record(number: str, line: int) -> dict:
    return {"number": number, "line": line, "lines": []}


def _address(row: dict, prefix: str, rows: _Rows) -> dict:
    """An address of the row: its street with the second line once (Shopify's "Billing
    Street" already holds Address1 + ", " + Address2: read only without an Address1),
    city, and postcode and country as the file writes them."""
    first = _text(row.get(f"{prefix}address1", "")) or _text(row.get(f"{prefix}street", ""))
    return {
        "street": join_street(first, _text(row.get(f"{prefix}street2", ""))),
        "city": _text(row.get(f"{prefix}city", "")),
        "postcode_raw": row.get(f"{prefix}postcode", ""),
        "country_raw": _text(row.get(f"{prefix}country", "")),
        "region": _text(row.get(f"{prefix}region", "")),
    }


def join_street(street: str, second: str) -> str:
    """``street`` and an address's second line, joined by ", "; a second line the street
    already ends with is not written again (review of the import: "Avenue des Kjéu i'Js,
    5, 5")."""
    if not second or not street:
        return street or second
    parts, tail = [_fold(p) for p in street.split(",")], [_fold(p) for p in second.split(",")]
    if parts[-len(tail):] == tail:
        return street
    return f"{street}, {second}"


def _phone(row: dict, key: str) -> str:
    """A phone number as written: a spreadsheet's guard apostrophe ("'+32 …") dropped. What a
    spreadsheet program shortened to a power of ten is no phone number: one that was is refused
    with the file (``importers._Rows._check_shortened``), a longer one ("7.0740E+53") left out."""
    phone = _text(row.get(key, "")).lstrip("'").strip()
    return "" if shortened_number(phone) is not None else phone


def _has_place(address: dict) -> bool:
    return bool(address["street"] or address["city"] or _text(address["postcode_raw"]))


def _delivery(record: dict, shipping_name: str, billing: dict, shipping: dict, buyer_phone: str,
              shipping_phone: str) -> None:
    """The order's delivery (``ship_*``: recipient, address, phone) and the buyer's own
    address and phone (``street``… ``phone``: the customer's) into ``record``; the buyer's
    name is ``record["name"]``. The parcel goes to the shipping address, else to the billing
    one. It goes to the buyer herself when the shipping name is hers (or none): then that
    address and phone are hers too; otherwise (a gift) hers are the billing ones, and
    the recipient's name and address stay the order's only (review of the import: a
    gift's address became the buyer's, and her own parcel went to the gift's)."""
    buyer = record.get("name", "")
    to = shipping if _has_place(shipping) else billing
    country = to["country_raw"] or shipping["country_raw"] or billing["country_raw"]
    to = {**to, "country_raw": country}
    to_buyer = not shipping_name or not buyer or same_person_name(shipping_name, buyer) or to is billing
    own = to if to_buyer else {**billing, "country_raw": billing["country_raw"] or country}
    record.update(own)
    record["phone"] = buyer_phone or (shipping_phone if to_buyer else "")
    record["to_buyer"] = to_buyer
    placed = _has_place(to)
    record["ship_name"] = (shipping_name or buyer) if placed else ""
    record["ship_street"], record["ship_city"] = to["street"], to["city"]
    record["ship_postcode_raw"], record["ship_country_raw"] = to["postcode_raw"], to["country_raw"]
    record["ship_phone"] = shipping_phone or (buyer_phone if to_buyer else "")
    record["ship_region"] = to["region"]
    record["addresses"] = frozenset(
        key for key in (address_key(a["street"], clean_postcode(a["postcode_raw"], a["country_raw"] or country))
                        for a in (billing, shipping)) if key)


def _shopify_row(rows: _Rows, row: dict, line: int) -> dict:
    record = _base_record(_text(row.get("number", "")), line)
    record["created"] = _moment(rows, row, "created", line, "iso")
    record["fulfilled_at"] = _moment(rows, row, "fulfilled_at", line, "iso")
    record["fulfilment"] = _text(row.get("fulfilment", "")).lower()
    record["shop_status"] = _text(row.get("financial", "")).lower()
    # Paid back in full, or the payment voided, without "Cancel order" (a refund is its own
    # button in Shopify): the shop owes it nothing, as WooCommerce's "refunded" (review 26,
    # import 3: a refunded order became a custom order to make and ship).
    record["cancelled"] = (bool((row.get("cancelled_at") or "").strip())
                           or record["shop_status"] in SHOPIFY_CALLED_OFF)
    record["currency"] = _text(row.get("currency", "")).upper()
    for key in ("subtotal", "shipping", "tax", "discount", "total"):
        record[key] = _amount(rows, row, key, line)
    record["email"] = _text(row.get("email", ""))
    record["notes"] = _multiline(row.get("notes", ""))
    record["note_attributes"] = _pairs(row.get("note_attributes", ""))
    billing, shipping = _address(row, "billing_", rows), _address(row, "shipping_", rows)
    shipping_name = _text(row.get("shipping_name", ""))
    record["name"] = _text(row.get("billing_name", "")) or shipping_name
    _delivery(record, shipping_name, billing, shipping, _phone(row, "phone") or _phone(row, "billing_phone"),
              _phone(row, "shipping_phone"))
    name = name_cell(rows, _text(row.get("item_name", "")), "item_name", line)
    if name:
        fulfilment = _text(row.get("item_fulfilment", "")).lower()
        record["lines"].append(OrderLine(
            name=name, sku=_text(row.get("item_sku", "")).lstrip("'"),
            quantity=_quantity(rows, row.get("item_quantity", ""), "item_quantity", line),
            price_cents=_price(rows, row, "item_price", line),
            properties=_pairs(row.get("item_properties", "")),
            fulfilled=(fulfilment == "fulfilled") if fulfilment else None))
    return record


_PACKED_KEY = re.compile(r"\|(?=[a-z_]+:)")


def _packed_item(rows: _Rows, text: str, key: str, line: int) -> OrderLine | None:
    """'name:Ring|product_id:12|sku:R-1|quantity:2|total:27.90|meta:Naam=Mila' -> a line."""
    text = (text or "").strip()
    if not text:
        return None
    parts = {}
    for part in _PACKED_KEY.split(text):
        k, _sep, v = part.partition(":")
        parts[k.strip()] = v
    name = name_cell(rows, _text(parts.get("name", "")), key, line)
    if not name:
        return None
    quantity = _quantity(rows, parts.get("quantity", ""), key, line)
    try:
        total = amount_cell(rows, parts.get("total", "") or parts.get("sub_total", ""), key, line)
    except ValueError:
        raise ImportFailed(line, _("“{value}” in the column “{column}” is not an amount.").format(
            value=parts.get("total", ""), column=rows.column(key))) from None
    unit = round(total / quantity) if total is not None and quantity else total
    return OrderLine(name=name, sku=_text(parts.get("sku", "")), quantity=quantity, price_cents=unit,
                     properties=_meta_pairs(parts.get("meta", "")))


def _woocommerce_row(rows: _Rows, row: dict, line: int) -> dict:
    record = _base_record(_text(row.get("number", "")), line)
    record["created"] = _moment(rows, row, "created", line, "iso")
    record["fulfilled_at"] = _moment(rows, row, "completed_at", line, "iso")
    status = _text(row.get("status", "")).lower().removeprefix("wc-")
    record["shop_status"] = status
    record["cancelled"] = WOO_STATUS.get(status) == CANCELLED
    record["fulfilment"] = "fulfilled" if WOO_STATUS.get(status) == FULFILLED else ""
    record["currency"] = _text(row.get("currency", "")).upper()
    for key in ("shipping", "tax", "discount", "total"):
        record[key] = _amount(rows, row, key, line)
    record["email"] = _text(row.get("email", ""))
    record["notes"] = _multiline(row.get("notes", ""))
    billing_name = " ".join(p for p in (_text(row.get("billing_first", "")), _text(row.get("billing_last", ""))) if p)
    shipping_name = " ".join(p for p in (_text(row.get("shipping_first", "")), _text(row.get("shipping_last", ""))) if p)
    record["name"] = billing_name or shipping_name or _text(row.get("billing_company", ""))
    billing, shipping = _address(row, "billing_", rows), _address(row, "shipping_", rows)
    _delivery(record, shipping_name, billing, shipping, _phone(row, "phone"), _phone(row, "shipping_phone"))
    numbers = sorted(int(k.rsplit("_", 1)[1]) for k in rows.index if k.startswith("line_item_"))
    for n in numbers:
        item = _packed_item(rows, row.get(f"line_item_{n}", ""), f"line_item_{n}", line)
        if item is not None:
            record["lines"].append(item)
    name = name_cell(rows, _text(row.get("item_name", "")), "item_name", line)
    if name:
        quantity = _quantity(rows, row.get("item_quantity", ""), "item_quantity", line)
        total = _price(rows, row, "item_total", line)
        record["lines"].append(OrderLine(
            name=name, sku=_text(row.get("item_sku", "")), quantity=quantity,
            price_cents=round(total / quantity) if total is not None and quantity else total,
            properties=_meta_pairs(row.get("item_meta", ""))))
    return record


def _etsy_row(rows: _Rows, row: dict, line: int) -> dict:
    record = _base_record(_text(row.get("number", "")), line)
    record["created"] = _moment(rows, row, "created", line, "us")
    record["fulfilled_at"] = _moment(rows, row, "shipped", line, "us")
    status = _text(row.get("status", "")).lower()
    record["shop_status"] = status
    record["cancelled"] = "cancel" in status
    record["fulfilment"] = "fulfilled" if record["fulfilled_at"] else ""
    record["currency"] = _text(row.get("currency", "")).upper()
    for key in ("subtotal", "shipping", "tax", "discount", "total"):
        record[key] = _amount(rows, row, key, line)
    record["email"] = _text(row.get("email", ""))
    record["buyer"] = _text(row.get("buyer", ""))
    record["notes"] = ""
    full = _text(row.get("full_name", ""))
    record["name"] = full or " ".join(p for p in (_text(row.get("first_name", "")), _text(row.get("last_name", ""))) if p)
    address = _address(row, "", rows)  # the delivery address and its name: the buyer's too
    _delivery(record, "", address, address, "", "")
    count = (row.get("item_count") or "").strip()
    record["item_count"] = _quantity(rows, count, "item_count", line) if count else 0
    name = name_cell(rows, _text(row.get("item_name", "")), "item_name", line)
    if name:
        quantity = _quantity(rows, row.get("item_quantity", ""), "item_quantity", line)
        record["lines"].append(OrderLine(
            name=name, sku=_text(row.get("item_sku", "")), quantity=quantity,
            price_cents=_price(rows, row, "item_price", line),
            properties=_pairs(row.get("item_variations", ""), ",")))
    return record


def _status(record: dict, lines: list[OrderLine]) -> str:
    if record.get("cancelled"):
        return CANCELLED
    fulfilment = record.get("fulfilment") or ""
    if fulfilment in ("fulfilled", "shipped", "delivered"):
        return FULFILLED
    if fulfilment in ("partial", "partially fulfilled", "partially_fulfilled"):
        return PARTIAL
    return OPEN


def _rank(record: dict, postcode: str) -> tuple:
    """How well an order tells its buyer's own address, better ones greater: one with an
    address, then one sent to herself (not a gift), then the newest."""
    created = record.get("created")
    if isinstance(created, datetime):
        moment = created.astimezone(timezone.utc).replace(tzinfo=None) if created.tzinfo else created
    else:
        moment = datetime.combine(created, datetime.min.time())
    placed = bool(record.get("street") or record.get("city") or postcode)
    return placed, bool(record.get("to_buyer", True)), moment


def _finish(parsed: ParsedOrders, record: dict, accounts: dict[str, set[str]], ranks: dict[str, tuple]) -> None:
    """The order of ``record`` into ``parsed``, and its buyer: one customer per key, whose
    own address is that of her best order (``_rank``: the newest sent to herself), and who
    keeps every address the file gives for her (``CustomerRow.addresses``)."""
    line = record["line"]
    created = record.get("created")
    if created is None:
        raise ImportFailed(line, _("order {number} has no date.").format(number=record["number"]))
    country_raw = record.get("country_raw", "")
    postcode = clean_postcode(record.get("postcode_raw", ""), country_raw)
    code = country_code(country_raw, postcode)
    buyer = record.get("buyer", "")
    key = customer_key(record.get("email", ""), record.get("name", ""), record.get("street", ""), postcode, buyer)
    if buyer and not record.get("email"):
        accounts.setdefault(customer_key("", record.get("name", ""), record.get("street", ""), postcode), set()).add(key)
    rank = _rank(record, postcode)
    phone = record.get("phone", "")
    addresses = frozenset(record.get("addresses", ()))
    if key and key not in parsed.customers:
        country, language, form = customer_profile(code)
        email = record.get("email", "")
        parsed.customers[key] = CustomerRow(
            key=key, name=record.get("name", "") or email, email=email, phone=phone,
            street=record.get("street", ""), postcode=postcode, city=record.get("city", ""), country=country,
            country_name=country_raw, language=language, address_form=form, line=line, buyer=buyer,
            address_on=_day(created), addresses=addresses)
        ranks[key] = rank
    elif key:
        known = parsed.customers[key]
        changes: dict = {"addresses": known.addresses | addresses}
        if known.name == known.email and record.get("name"):  # the first row only had the e-mail
            changes["name"] = record["name"]
        if rank > ranks[key]:  # a newer order of hers to herself: her address now (and where she lives)
            ranks[key] = rank
            country, language, form = customer_profile(code)
            changes.update(street=record.get("street", ""), postcode=postcode, city=record.get("city", ""),
                           country=country, country_name=country_raw, language=language, address_form=form,
                           address_on=_day(created))
            if phone:
                changes["phone"] = phone
        elif phone and not known.phone:
            changes["phone"] = phone
        parsed.customers[key] = replace(known, **changes)
    lines = record["lines"]
    ship_country = record.get("ship_country_raw", "")
    parsed.orders.append(OrderRow(
        line=line, platform=parsed.platform, number=record["number"], ordered_on=_day(created),
        ordered_at=created if isinstance(created, datetime) else None, customer_key=key,
        currency=record.get("currency", ""), subtotal_cents=record.get("subtotal"),
        shipping_cents=record.get("shipping"), tax_cents=record.get("tax"),
        discount_cents=record.get("discount"), total_cents=record.get("total"),
        status=_status(record, lines), fulfilled_on=_day(record.get("fulfilled_at")),
        shop_status=record.get("shop_status", ""), notes=record.get("notes", ""),
        note_attributes=tuple(record.get("note_attributes", ())), lines=tuple(lines),
        item_count=record.get("item_count") or sum(li.quantity for li in lines), buyer=buyer,
        ship_name=record.get("ship_name", ""), ship_street=record.get("ship_street", ""),
        ship_postcode=clean_postcode(record.get("ship_postcode_raw", ""), ship_country),
        ship_city=record.get("ship_city", ""), ship_country=ship_country, ship_phone=record.get("ship_phone", ""),
        ship_region=record.get("ship_region", "")))


def _join_guests(parsed: ParsedOrders, accounts: dict[str, set[str]]) -> None:
    """An order without a buyer account (a guest checkout) whose name and address are those
    of an order with one in the file belongs to that buyer: when exactly one account has
    them (two accounts with one name and address are two people, and the guest either).
    What only the guest's row says (a phone number, a city) fills the buyer's blanks."""
    joined = set()
    for i, order in enumerate(parsed.orders):
        found = accounts.get(order.customer_key, ()) if order.customer_key.startswith("name:") else ()
        if len(found) != 1:
            continue
        [account] = found
        parsed.orders[i] = replace(order, customer_key=account)
        joined.add((order.customer_key, account))
    for guest_key, account in joined:
        guest, buyer = parsed.customers.pop(guest_key, None), parsed.customers.get(account)
        if guest is not None and buyer is not None:
            blanks = {name: getattr(guest, name) for name in ("phone", "city", "street", "postcode", "email")
                      if not getattr(buyer, name) and getattr(guest, name)}
            parsed.customers[account] = replace(buyer, **blanks, addresses=buyer.addresses | guest.addresses)


def _say_what_is_missing(parsed: ParsedOrders, rows: _Rows) -> None:
    noted = NOTED_WHEN_MISSING.get(parsed.platform + (" items" if "item_name" in rows.index else ""),
                                   NOTED_WHEN_MISSING.get(parsed.platform, {}))
    said = set()
    for key, note in noted.items():
        if key not in rows.index and note not in said:
            said.add(note)
            parsed.notes.append(_(MISSING_NOTES[note]).format(column=rows.column(key)))
            parsed.lacking.append((note, (rows.column(key),)))
    items_download = parsed.platform == ETSY and "item_name" in rows.index
    amounts = [] if items_download else [k for k in AMOUNT_COLUMNS.get(parsed.platform, ()) if k not in rows.index]
    if amounts:
        columns = tuple(rows.column(k) for k in amounts)
        parsed.notes.append(amounts_note(columns))
        parsed.lacking.append(("amounts", columns))
    nobody = sum(1 for o in parsed.orders if not o.customer_key)
    if nobody:
        parsed.notes.append(ngettext(
            "{n} order names no customer (no email address, no name): it is kept without one.",
            "{n} orders name no customer (no email address, no name): they are kept without one.",
            nobody).format(n=format_number(nobody)))
    if parsed.orders and not any(o.lines for o in parsed.orders):
        parsed.notes.append(_(NO_ITEMS_NOTE))


def amounts_note(columns: tuple[str, ...]) -> str:
    """The note about a file without the order amounts' ``columns`` (``AMOUNT_COLUMNS``)."""
    # TRANSLATORS: a column's name in quotes, one of a list ("“Subtotal”, “Total”").
    quoted = ", ".join(_("“{column}”").format(column=column) for column in columns)
    return ngettext(
        "The file has no column {columns}: the orders already in Afspraak keep that amount as it is; new orders "
        "are imported without it.",
        "The file has no columns {columns}: the orders already in Afspraak keep those amounts as they are; new "
        "orders are imported without them.", len(columns)).format(columns=quoted)


# --- what an import does to a custom order ------------------------------------------------

def promised_ready(ordered_on: date, lead_days: int, country: str, sent_on: date | None = None,
                   skip_weekends: bool = False) -> date:
    """The ready date an imported order gets: the shop's file holds none (``orders.default_ready``).
    An order the shop sent already (``sent_on``) was ready by the day it went out: never a
    ready date after it (audit of 2026-12-05: sent on 18 November, "ready by 23 November")."""
    ready = order_rules.default_ready(ordered_on, lead_days, country, skip_weekends)
    return min(ready, sent_on) if sent_on is not None and sent_on >= ordered_on else ready


def history_before(today: date, lead_days: int) -> date:
    """The first order date that still becomes a custom order to make on ``today``: an order
    placed before it would have had its ready date (``promised_ready``) before today."""
    return today - timedelta(days=max(0, int(lead_days)))


# How far one order's date may lie in two files: one export writes the moment in the shop's
# time zone, another in the buyer's, a day apart at most.
SAME_ORDER_DAYS = 1


# An order of the file dated after the day of the import: days ahead are a clock set wrong
# (the shop's server, her own computer) more likely than a wrong date, and refusing her whole
# file for it would stop her import; more than a month ahead, the date in the file is wrong
# (a year off, a day and month swapped in a spreadsheet), and a promise made from it would
# fall months or years out (audit of 2026-12-05: 2098-01-01 became a custom order due on
# 2098-01-11, 2027-06-01 one due in June).
AHEAD_DAYS = 31


def dated_ahead(ordered_on: date | None, today: date) -> bool:
    """Is an order of the file dated more than :data:`AHEAD_DAYS` after ``today``?"""
    return ordered_on is not None and (ordered_on - today).days > AHEAD_DAYS


def another_shops_order(file_day: date | None, stored_day: date | None) -> bool:
    """Is the file's order a different order from the one stored under the same platform
    and number? An order keeps the day it was placed; a second shop on the same platform
    (a test store, a shop opened again: numbers start at #1001 again) has its own orders
    under the same numbers, placed on other days. Updating would make hybrids of them: the
    other shop's date, amount and items under her customer's name (audit 9, F2)."""
    if file_day is None or stored_day is None:
        return False
    return abs((file_day - stored_day).days) > SAME_ORDER_DAYS


def kept_as_history(order: OrderRow, line: OrderLine, lead_days: int, today: date) -> bool:
    """Is ``line`` (made to order, not yet a custom order) kept as history only?

    The shop's file holds no promised date: an imported custom order gets one, the order
    date plus the shop's lead time. For an order still open in the shop whose date so made
    is already over on the day of the import (an "export all orders" holds years of orders
    never marked as sent), that date is one the shop never gave: a custom order made of it
    would at once ask for an apology. Such an order stays the customer's record (the shop's
    order and its items), and no custom order is made of it: nothing is owed, nobody chased.
    Orders the shop sent or cancelled owe nothing anyway and are made as before."""
    if order.ordered_on is None or custom_order_status(order, line) != "new":
        return False
    return order.ordered_on < history_before(today, lead_days)


def still_making_problem(ordered_on: date | None, ready: date | None) -> str:
    """What is wrong with ``ready`` as the date the owner gave the customer of an older open
    order she is still making ('' when nothing): it must be a date Afspraak takes and not
    before the order was placed. A date already passed is taken: the order is late, and
    Maatwerk offers the message with a new date."""
    if ready is None:
        return _("Fill in the date you told the customer it would be ready.")
    if dates.implausible(ready):
        return dates.implausible(ready)
    if ordered_on is not None and ready < ordered_on:
        return _("The ready date is before the order date.")
    return ""


def custom_order_status(order: OrderRow, line: OrderLine) -> str:
    """The status a NEW custom order gets for ``line``: shipped when the shop sent it,
    cancelled when the order was, else new."""
    if order.status == CANCELLED:
        return "cancelled"
    if order.status == FULFILLED or line.fulfilled:
        return "shipped"
    return "new"


def can_reopen(platform: str, shop_status: str) -> bool:
    """Can an order the shop called off (stored as cancelled, the shop's own word for it
    ``shop_status``) go on again in the shop? A cancellation or a refund is not taken back
    (Shopify and Etsy have no way to; WooCommerce's "cancelled" and "refunded" stay), but a
    WooCommerce order whose payment failed is paid later still: "failed" becomes "processing"."""
    return platform == WOOCOMMERCE and shop_status == "failed"


def status_to_store(platform: str, fields: frozenset[str], stored: str, new: str, stored_shop_status: str = "") -> str:
    """The status an order stored as ``stored`` (the shop's own word ``stored_shop_status``)
    gets from a file that reads it as ``new``: a cancelled order stays cancelled (a shop does
    not undo a cancellation, ``can_reopen``: a file that says otherwise is older than the one
    that said it, review of the imports: an older export made a cancelled, refunded order open
    and paid again); a file without the column that tells a cancellation (or a sending,
    ``STATUS_COLUMNS``) cannot say the order was not cancelled (or not sent), so it leaves
    that as stored."""
    cancel_columns, sent_columns = STATUS_COLUMNS[platform]
    if new == CANCELLED:
        return new
    if stored == CANCELLED and (not can_reopen(platform, stored_shop_status)
                                or not all(c in fields for c in cancel_columns)):
        return stored
    if not all(c in fields for c in sent_columns):
        return stored if stored != CANCELLED else OPEN
    if sent_less(stored, new):
        return stored  # never back to the shelf: an older file (audit 11, F6)
    return new


# How far an order went out: a file saying less than stored is older than what was stored.
_SENT_ORDER = {OPEN: 0, PARTIAL: 1, FULFILLED: 2}


def sent_less(stored: str, new: str) -> bool:
    """Does a file reading an order as ``new`` say it went out less far than ``stored``
    (an older export: the stored status stays, ``status_to_store``)?"""
    return new in _SENT_ORDER and stored in _SENT_ORDER and _SENT_ORDER[new] < _SENT_ORDER[stored]


def cancellation_undone(platform: str, fields: frozenset[str], stored: str, stored_shop_status: str,
                        new: str) -> bool:
    """Does a file read an order stored as cancelled as not cancelled, with the columns that
    tell a cancellation (``STATUS_COLUMNS``)? Not something the shop did (``can_reopen``): the
    file was exported before the order was cancelled."""
    cancel_columns = STATUS_COLUMNS[platform][0]
    return (stored == CANCELLED and new != CANCELLED and all(c in fields for c in cancel_columns)
            and not can_reopen(platform, stored_shop_status))


def shows_older(platform: str, fields: frozenset[str], stored: str, stored_shop_status: str, new: str) -> bool:
    """Does a file reading an order stored as ``stored`` as ``new`` show that it was exported
    before the file that was imported with it? It reads the order as sent less far
    (``sent_less``) or as not cancelled (``cancellation_undone``), having the columns that tell
    it. A shop's export is one moment for all its orders: such a file is older for every order
    in it, and what the shop changed since (a delivery address, a refund) would go back too."""
    sent_columns = STATUS_COLUMNS[platform][1]
    if stored == CANCELLED:
        return cancellation_undone(platform, fields, stored, stored_shop_status, new)
    return all(c in fields for c in sent_columns) and sent_less(stored, new)


def status_moves(current: str, order: OrderRow, line: OrderLine | None) -> list[str]:
    """The statuses a KNOWN custom order moves through because of what the shop says now:
    step by step along the pipeline (``domain/orders.py``) to "shipped" when the shop sent
    it, to "cancelled" when the order was cancelled; never back, never from a final status."""
    if current in order_rules.FINAL:
        return []
    if order.status == CANCELLED:
        return ["cancelled"] if order_rules.can_move(current, "cancelled") else []
    sent = order.status == FULFILLED or bool(line and line.fulfilled)
    if not sent:
        return []
    moves, status = [], current
    while status != "shipped":
        following = order_rules.NEXT_STATUS.get(status)
        if following is None or not order_rules.can_move(status, following):
            break
        moves.append(following)
        status = following
    return moves


def to_utc(moment: datetime | None, local_to_utc: Callable[[datetime], datetime]) -> datetime | None:
    """An order's moment as naive UTC: aware ones converted, naive ones (the shop's own time)
    through ``local_to_utc`` (the owner's zone, handed in)."""
    if moment is None:
        return None
    if moment.tzinfo is not None:
        return moment.astimezone(timezone.utc).replace(tzinfo=None)
    return local_to_utc(moment)


# The offsets from UTC a clock anywhere can have: whole quarters of an hour, -12 to +14 hours.
_OFFSETS = range(-12 * 60, 14 * 60 + 1, 15)


def same_local_minute(file_moment: datetime | None, stored: datetime | None, stored_day: date | None) -> bool:
    """Is ``file_moment``, without seconds or zone ("8-4-2021 17:24": a spreadsheet's re-save
    of the shop's "2021-04-08 17:24:41 +0200"), the moment stored (naive UTC, with its seconds)
    on the clock of the zone the shop wrote it in? The file does not say that zone and the
    owner's need not be it (she imports from elsewhere, the shop's clock is set to another
    zone): it is the same minute when the stored moment, read at some offset from UTC, shows
    the file's minute on the day stored (the shop's own day of the order). An order's moment
    never changes in the shop: the file says nothing new, and the stored value says more."""
    if file_moment is None or stored is None or file_moment.tzinfo is not None:
        return False
    if file_moment.second or file_moment.microsecond or file_moment.date() != stored_day:
        return False
    offset = (file_moment - stored.replace(second=0, microsecond=0)).total_seconds() / 60
    return offset.is_integer() and int(offset) in _OFFSETS


# TRANSLATORS: statuses of an order in the web shop (Shopify, WooCommerce, Etsy).
# TRANSLATORS: an order's status in the web shop, as a column of the order import's preview
# (an adjective: "open", not the button "Open").
SHOP_STATUS_LABELS = {OPEN: NP_("shop status", "Open"), PARTIAL: NP_("shop status", "Partly sent"),
                      FULFILLED: NP_("shop status", "Sent"), CANCELLED: NP_("shop status", "Cancelled")}


def parse_any(data: bytes, progress: Progress | None = None):
    """A products export (``ParsedExport``) or an orders export (``ParsedOrders``), told
    apart by the header; raises ImportFailed for anything else."""
    from desktop.domain.importers import parse_export

    if is_orders_export(data):
        return parse_orders(data, progress)
    return parse_export(data, progress, unknown=_not_an_export)
