"""Privacy rules (AVG/GDPR): what an export holds, what an erasure removes and keeps.

Pure Python on plain rows (dicts); ``store/privacy.py`` finds the rows and writes or
deletes them. The decisions (docs/RELIABILITY.md):

- **Export** (art. 15 and 20): every row that belongs to the person, as one readable
  JSON file plus one CSV per kind of row, with a README that says what it is.
- **Erase** (art. 17): every row that belongs to the person is deleted; where another
  row *mentions* them (their name, e-mail, phone or handle in someone else's note), the
  mention is replaced by ``ERASED_MARK``.
- **Anonymous counts**: for each deleted row worth counting (collaborations, shipments,
  custom orders, content...) only numbers, days and codes are kept in
  ``anonymous_record``: amounts for the bookkeeping (7 years in NL), results for the
  shop's statistics; never text, never a link back to the person, times cut to the day.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone, tzinfo

from desktop.domain.shipments import ShipTo
from desktop.domain.spreadsheet import to_csv
from desktop import i18n
from desktop.i18n import NP_, _, format_date, formatting_locale, ngettext, pgettext, translations_for

ERASED_MARK = "[…]"

# Stored codes (never free text) that an anonymous record may keep.
CODE_COLUMNS = frozenset({
    "status", "kind", "carrier", "platform", "reason", "channel", "direction", "step",
    "requested_by", "subject_type", "country",
})
# Foreign keys that point at shop data, not at the person, and so may be kept.
KEPT_LINKS = frozenset({"product_id"})
# Rows that are only about who the person is: nothing to count once they are gone.
NOT_COUNTED = frozenset({"person", "handle"})

MIN_TERM_LENGTH = 3


# The README's sentences that speak to the person, in both forms of address: marked here
# with their contexts so that extraction finds them (the form is only known at run time).
_SPOKEN = {
    "why": (NP_("je", "Why it is kept: to arrange and keep track of collaborations, shipments and custom "
                "orders with you. It comes from you, from your public profiles and from the shop's own notes."),
            NP_("u", "Why it is kept: to arrange and keep track of collaborations, shipments and custom "
                "orders with you. It comes from you, from your public profiles and from the shop's own notes.")),
    # Backups are kept by number, and her own ones until she deletes them: no number of days
    # is true for every copy (review of backups, 3: "for at most 14 days").
    "how_long": (NP_("je", "How long: until you ask to have it erased or the shop erases it. Backups made before "
                     "that may still hold a copy until newer backups replace them or the shop deletes them, "
                     "unless the shop erases it from the backups as well."),
                 NP_("u", "How long: until you ask to have it erased or the shop erases it. Backups made before "
                     "that may still hold a copy until newer backups replace them or the shop deletes them, "
                     "unless the shop erases it from the backups as well.")),
    "rights": (NP_("je", "Your rights: you may ask for a copy (this file), for corrections, and for erasure."),
               NP_("u", "Your rights: you may ask for a copy (this file), for corrections, and for erasure.")),
}


def _spoken(key: str, form: str, catalog=None) -> str:
    return (catalog.pgettext if catalog is not None else pgettext)(form, _SPOKEN[key][0])


def identifying_terms(person: dict, handles: list[dict], address: bool = True) -> list[str]:
    """The strings that name this person in someone else's text: her name, e-mail, phone
    numbers, handles and (``address``) her address (``address_terms``)."""
    terms = [person.get("name", ""), person.get("email", ""), person.get("phone", ""), person.get("whatsapp", "")]
    for handle in handles:
        terms.append(handle.get("name", ""))
    if address:
        terms += address_terms(person.get("street", ""), person.get("postcode", ""), person.get("city", ""))
    seen: list[str] = []
    for term in terms:
        term = " ".join((term or "").split())
        if len(term) >= MIN_TERM_LENGTH and term.casefold() not in (s.casefold() for s in seen):
            seen.append(term)
    return seen


# A Dutch postcode ("1234 AB", also written "1234AB"): four digits and two letters name one
# street or less, so it names her on its own.
_NL_POSTCODE = re.compile(r"([1-9][0-9]{3}) ?([A-Za-z]{2})")
# A street with its house number: letters and a digit ("Grote Markt 1", "Meir 8, bus 3").
_STREET_AND_NUMBER = re.compile(r"(?=.*[^\W\d_]{2})(?=.*\d)")


def address_terms(street: str, postcode: str, city: str) -> list[str]:
    """Her address as it may be written in someone else's note: the street with its house
    number ("Grote Markt 1") and the postcode ("9711 AA" and "9711AA"; a postcode of digits
    only, as Belgium's, only with its place: "3500 Hasselt"). Never a part alone: a street
    without its number ("Markt"), a place or a bare "3500" would blank common words and
    amounts in everyone's notes."""
    terms = []
    street = " ".join((street or "").split())
    if _STREET_AND_NUMBER.match(street):
        terms.append(street)
    postcode, city = " ".join((postcode or "").split()), " ".join((city or "").split())
    dutch = _NL_POSTCODE.fullmatch(postcode)
    if dutch:
        terms += [f"{dutch[1]} {dutch[2]}", f"{dutch[1]}{dutch[2]}"]
    elif postcode and city:
        terms.append(f"{postcode} {city}")
    return terms


# The columns that hold an address of their own (a person's, an order's delivery): somebody
# living with her, or next door, has the same street or postcode there, and it is theirs.
_ADDRESS_COLUMN = re.compile(r"(?:^|_)(?:street|postcode|city|address\d*)$")


# What another person's row says of who she is: her name, e-mail address and phone numbers
# are hers, also where they are the same as the erased person's (a namesake, a family's
# shared address or phone). Her name's sort key (v19: the name folded) is her name too: a
# namesake's "anna de wit" scrubbed would sort her under "[…]".
_OWN_IDENTITY = {"person": frozenset({"name", "name_key", "email", "phone", "whatsapp"}),
                 # a delivery's recipient: hers only with her address or phone (store/privacy.
                 # _deliveries_to_her, blanked whole); a namesake's elsewhere is the namesake's
                 "shop_order": frozenset({"ship_name", "ship_phone"}),
                 # the same for a delivery typed in a custom order's form (v17)
                 "custom_order": frozenset({"ship_name"})}


def mention_patterns(person: dict, handles: list[dict]) -> tuple[re.Pattern | None, re.Pattern | None]:
    """(in free text, in an address column): what is replaced by ERASED_MARK where it stays
    in someone else's row. Her address only in free text (a note, a message): an address
    column of another row names whoever lives there (``mentions_in``)."""
    return (mention_pattern(identifying_terms(person, handles)),
            mention_pattern(identifying_terms(person, handles, address=False)))


def mentions_in(table: str, column: str) -> str | None:
    """Which of ``mention_patterns`` applies to ``column`` of another row of ``table``:
    "text" (free text), "address" (an address of its own: her name, e-mail, phone and handles
    only), or None (another person's own name, e-mail or phone: never hers)."""
    if column in _OWN_IDENTITY.get(table, ()):
        return None
    return "address" if _ADDRESS_COLUMN.search(column) else "text"


def mention_pattern(terms: list[str]) -> re.Pattern | None:
    """Any of ``terms``, case and the width of spaces not counting, as a whole: not inside a
    longer word or number ("Grote Markt 1" is no part of "Grote Markt 12", "Lien" none of
    "Lienke")."""
    if not terms:
        return None
    ordered = sorted(terms, key=len, reverse=True)  # "Sanne de Vries" before "sanne"
    alternatives = "|".join(r"\s+".join(re.escape(part) for part in t.split()) for t in ordered)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


def scrub(text: str, pattern: re.Pattern | None) -> tuple[str, int]:
    """``text`` with every mention replaced by ERASED_MARK, and how many there were."""
    if pattern is None or not text:
        return text, 0
    return pattern.subn(ERASED_MARK, text)


def anonymous_values(table: str, row: dict, column_types: dict[str, str]) -> dict | None:
    """What may stay of a deleted row: numbers, days and codes; None when nothing counts."""
    if table in NOT_COUNTED:
        return None
    kept: dict[str, object] = {}
    for column, value in row.items():
        if value is None or column == "id":
            continue
        declared = column_types.get(column, "").upper()
        if column.endswith("_id") and column not in KEPT_LINKS:
            continue
        if column in CODE_COLUMNS or column in KEPT_LINKS:
            kept[column] = value
        elif declared.startswith("DATE"):
            kept[column] = str(value)[:10]  # the day only
        elif declared in ("INTEGER", "REAL", "NUMERIC", "BOOLEAN") and isinstance(value, (int, float)):
            kept[column] = value
    return kept


def plain_value(value: object, is_json: bool = False, zone: tzinfo | None = None) -> object:
    """A stored value as readable JSON: days and times in ISO form, JSON columns unpacked.
    ``zone``: the value is a stored moment (naive UTC, as a datetime or as SQLite's text),
    written in that zone with its offset ("2026-10-28T00:59:00+01:00"): the person reads
    it, and a bare "2026-10-27 23:59:00" was UTC without saying so."""
    if zone is not None:
        moment = _stored_moment(value)
        if moment is not None:
            return in_zone(moment, zone)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, bytes):
        return value.hex()
    if is_json and isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def _stored_moment(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and len(value) > 10:  # a day alone is no moment
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            return None
    return None


def in_zone(moment: datetime, zone: tzinfo) -> str:
    """A naive-UTC moment in ``zone``, ISO 8601 with its offset, to the second."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(zone).isoformat(timespec="seconds")


def zone_name(zone: tzinfo, moment: datetime) -> str:
    """How an export names the zone its times are in: "Europe/Amsterdam", else its name at
    ``moment`` (naive UTC): "CET", "UTC"."""
    return str(getattr(zone, "key", "") or "") or moment.replace(tzinfo=timezone.utc).astimezone(zone).tzname() or "UTC"


def export_document(person: dict, sections: dict[str, list[dict]], exported_at: datetime, app_version: str,
                    json_columns: frozenset = frozenset(), moments: frozenset = frozenset(),
                    zone: tzinfo = timezone.utc) -> dict:
    """``json_columns``: {(table, column)} that hold JSON (tags, checklists) to unpack;
    ``moments``: {(table, column)} that hold moments, written in ``zone`` with its offset."""
    def plain(table, row):
        return {k: plain_value(v, (table, k) in json_columns, zone if (table, k) in moments else None)
                for k, v in row.items()}

    return {
        "format": "afspraak-person-export",
        "format_version": 1,
        "app_version": app_version,
        "exported_at": in_zone(exported_at, zone),
        "person": plain("person", person),
        "data": {table: [plain(table, row) for row in rows] for table, rows in sections.items()},
    }


def csv_files(person: dict, sections: dict[str, list[dict]], json_columns: frozenset = frozenset(),
              moments: frozenset = frozenset(), zone: tzinfo = timezone.utc) -> dict[str, bytes]:
    """One CSV per kind of row (``person.csv``, ``collaboration.csv``...), cells defused;
    moments as in ``export_document``."""
    files = {}
    for table, rows in [("person", [person]), *sections.items()]:
        if not rows:
            continue
        header = list(rows[0].keys())
        values = []
        for row in rows:
            out = []
            for column in header:
                value = plain_value(row.get(column), (table, column) in json_columns,
                                    zone if (table, column) in moments else None)
                out.append(json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value)
            values.append(out)
        files[f"{table}.csv"] = to_csv(header, values)
    return files


def readme_text(name: str, exported_on: str | date, counts: dict[str, int], form: str = "je",
                language: str | None = None, country: str | None = None, why: str | None = None,
                zone_name: str = "") -> str:
    """The README of an export, addressed to the person in her form of address (je/u) and
    her ``language`` (the owner's when not given: the person reads it, not the owner);
    ``exported_on`` a date (or moment), or a date already written out; ``why`` the data is
    kept, worded for her when it is not the person's own reason (a gift's recipient);
    ``zone_name`` the zone its times are written in ("Europe/Amsterdam", ``in_zone``)."""
    form = form if form in ("je", "u") else "je"
    catalog = translations_for(language) if language else None
    _ = catalog.gettext if catalog is not None else i18n._  # named "_": Babel extracts the calls below
    if not isinstance(exported_on, str):
        exported_on = format_date(exported_on, locale=formatting_locale(language, country) if language else None)
    lines = [
        _("Personal data of {name}, exported from Afspraak on {date}.").format(name=name, date=exported_on),
        "",
        _("What is in this file:"),
        _("- data.json: everything in one file that both people and computers can read."),
        _("- csv/: the same data as tables, one file per kind of record (opens in a spreadsheet)."),
    ]
    if zone_name:
        # TRANSLATORS: the export's README; {zone} is a time zone's name, such as Europe/Amsterdam
        lines.append(_("Dates and times are in the shop's time zone ({zone}). The part at the end of a time, such as "
                       "+01:00, is its offset from UTC.").format(zone=zone_name))
    lines += [
        "",
    ]
    lines += ["  " + count_text(table, n, language) for table, n in counts.items() if n]
    lines += [
        "",
        # TRANSLATORS: the export's README speaks to the person: "je" and "u" contexts.
        why or _spoken("why", form, catalog),
        _("Where it is kept: only on the shop's own computer, in the Afspraak app. "
          "The app shares nothing with anybody."),
        _spoken("how_long", form, catalog),
        _spoken("rights", form, catalog),
    ]
    return "\n".join(lines) + "\n"


def count_text(table: str, n: int, language: str | None = None) -> str:
    """``n`` rows of ``table`` in words: "3 collaborations" (in ``language``, else the owner's)."""
    ngettext = translations_for(language).ngettext if language else i18n.ngettext  # named so for Babel
    texts = {
        "person": lambda: ngettext("{n} profile", "{n} profiles", n),
        "handle": lambda: ngettext("{n} social media handle", "{n} social media handles", n),
        "collaboration": lambda: ngettext("{n} collaboration", "{n} collaborations", n),
        "agreement_version": lambda: ngettext("{n} agreement change", "{n} agreement changes", n),
        "deliverable": lambda: ngettext("{n} agreed post, story or video", "{n} agreed posts, stories or videos", n),
        "content": lambda: ngettext("{n} posted content item", "{n} posted content items", n),
        "content_evidence": lambda: ngettext("{n} evidence picture", "{n} evidence pictures", n),
        "custom_order": lambda: ngettext("{n} custom order", "{n} custom orders", n),
        "shipment": lambda: ngettext("{n} shipment", "{n} shipments", n),
        "shipment_item": lambda: ngettext("{n} shipped product line", "{n} shipped product lines", n),
        "collaboration_product": lambda: ngettext("{n} product agreed as a gift", "{n} products agreed as gifts", n),
        "order_picture": lambda: ngettext("{n} picture of a custom order", "{n} pictures of custom orders", n),
        "order_date_change": lambda: ngettext("{n} change of a promised date", "{n} changes of promised dates", n),
        "reminder_state": lambda: ngettext("{n} reminder step handled", "{n} reminder steps handled", n),
        "shop_order": lambda: ngettext("{n} order from the online shop", "{n} orders from the online shop", n),
        "shop_order_line": lambda: ngettext("{n} line of an online shop order", "{n} lines of online shop orders", n),
        "event": lambda: ngettext("{n} timeline event or message", "{n} timeline events and messages", n),
        "strike": lambda: ngettext("{n} strike", "{n} strikes", n),
        "rating": lambda: ngettext("{n} rating", "{n} ratings", n),
        # TRANSLATORS: a gift somebody else ordered and had sent to this person: her name, address
        # and phone in that order's delivery (the order itself stays the buyer's).
        DELIVERY_TO_HER: lambda: ngettext("{n} delivery to them in an order somebody else placed",
                                          "{n} deliveries to them in orders somebody else placed", n),
    }
    if table in texts:
        return texts[table]().format(n=n)
    # TRANSLATORS: a kind of record the app has no name for yet; {table} is its technical name.
    return ngettext("{n} record of kind “{table}”", "{n} records of kind “{table}”", n).format(n=n, table=table)


def mentions_text(mentions: int, done: bool = False) -> str:
    """"4 mentions of them in other records (replaced by “[…]”)", asked; ``done``: as told
    after the erasure, which left them out ("Gewist" listed everything but these)."""
    if done:
        # TRANSLATORS: after an erasure, below what was erased: the mentions the question counted
        return ngettext("{n} mention of them in other records, replaced by “{mark}”",
                        "{n} mentions of them in other records, replaced by “{mark}”", mentions).format(
            n=mentions, mark=ERASED_MARK)
    return ngettext("{n} mention of them in other records (replaced by “{mark}”)",
                    "{n} mentions of them in other records (replaced by “{mark}”)", mentions).format(n=mentions,
                                                                                                 mark=ERASED_MARK)


def describe_erasure(name: str, counts: dict[str, int], mentions: int, unsent: list[str] = (),
                     elsewhere: int = 0) -> str:
    """The confirmation text: who goes, and exactly what goes with them; ``unsent``: numbers of
    orders somebody else placed for her that are not sent yet (their delivery goes with her);
    ``elsewhere``: deliveries to her name at an address not hers, left alone."""
    lines = [_("Erase {name} and everything that names them? This removes:").format(name=name)]
    lines += ["  • " + count_text(table, n) for table, n in counts.items() if n]
    if mentions:
        lines.append("  • " + mentions_text(mentions))
    if unsent:
        from babel.lists import format_list

        lines.append("")
        lines.append(ngettext(
            "Order {numbers} has not been sent yet: without these details Afspraak takes the address of whoever "
            "placed it.",
            "Orders {numbers} have not been sent yet: without these details Afspraak takes the address of whoever "
            "placed them.", len(unsent)).format(numbers=format_list(list(unsent), locale=i18n.formatting_locale())))
    if elsewhere:
        lines.append("")
        # TRANSLATORS: erasing a person: orders somebody else placed were sent to the same name at
        # an address that is not theirs (a namesake, or an address the app does not know as theirs)
        lines.append(ngettext(
            "Not included: {n} delivery to the name {name} at another address. If that was them too, erase it as "
            "well: Privacy → Erase a person…, under that name.",
            "Not included: {n} deliveries to the name {name} at other addresses. If those were them too, erase "
            "them as well: Privacy → Erase a person…, under that name.", elsewhere).format(n=elsewhere, name=name))
    lines += [
        "",
        _("Kept without any link to them: amounts, dates and results, for your bookkeeping and statistics."),
        _("This cannot be undone. Export their data first if they asked for a copy."),
    ]
    return "\n".join(lines)


# --- a gift's recipient -------------------------------------------------------------------
# Somebody a shop order was sent to who did not place it (a gift): no person of her own,
# her name, address and phone only in the order's delivery (schema v16). She has the same
# rights as anybody: found by name (or phone) in the Privacy menu, her data exported, and
# erased by blanking exactly those fields of those orders; the order stays the buyer's.

# What an export and an erasure of a person call the deliveries to her in orders somebody else
# placed (``store/privacy.Holding.deliveries``): not a table of their own.
DELIVERY_TO_HER = "delivery"
# The delivery's columns of ``shop_order``, blanked when she is erased.
DELIVERY_COLUMNS = ("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country", "ship_phone")
# A delivery typed in a custom order's own form ("Deliver to another address", v17): the same
# but for a phone; a gift's recipient there is erased as from a shop order.
# Its state or province (v20), blanked with them where the file has the column.
REGION_COLUMN = "ship_region"
DELIVERY_TABLES = {"shop_order": (*DELIVERY_COLUMNS, REGION_COLUMN), "custom_order": (*DELIVERY_COLUMNS[:5], REGION_COLUMN)}
# A custom order in one of these is still to be sent: blanked, its parcel goes to the buyer's card.
UNSENT_ORDER_STATUSES = ("new", "in_production", "ready")


@dataclass(frozen=True)
class Delivery:
    """One shop order sent to somebody else than its buyer, as stored."""

    order_id: int
    platform: str
    number: str
    ordered_on: str  # ISO day, as stored
    buyer: str  # who placed it ("" when the order names nobody)
    ship: ShipTo
    unsent: bool = False  # a custom order made from it is not sent yet
    table: str = "shop_order"  # or "custom_order": the delivery typed in its form (v17)


@dataclass(frozen=True)
class Recipient:
    """One recipient: her deliveries, oldest order first."""

    key: tuple[str, str, str]
    deliveries: tuple[Delivery, ...]

    @property
    def name(self) -> str:
        return self.deliveries[-1].ship.name.strip()

    @property
    def city(self) -> str:
        return self.deliveries[-1].ship.city.strip()

    @property
    def phones(self) -> list[str]:
        """Her phone numbers as the orders write them, each once, newest first."""
        seen: list[str] = []
        for delivery in reversed(self.deliveries):
            phone = delivery.ship.phone.strip()
            if phone and phone not in seen:
                seen.append(phone)
        return seen


def recipient_key(name: str, street: str, postcode: str) -> tuple[str, str, str]:
    """Who a delivery is for: her name and address (case, accents' forms and punctuation
    not counting). One name at two addresses is two recipients: an erasure blanks no
    namesake's delivery, and she is found twice by her name."""
    from desktop.domain.order_importers import _fold, address_key

    return ("recipient", _fold(name or ""), address_key(street, postcode))


def recipients(rows) -> list[Recipient]:
    """The recipients of deliveries to somebody else than the buyer (a delivery without a
    name, or to the buyer's name, is hers: her export and erasure take the order), each by
    her ``recipient_key``, by name. An order that names nobody as its buyer (``buyer``
    None) is nobody's own: its named recipient is one. ``rows``: (order id, platform,
    number, ordered on, buyer's name or None, ship_name, ship_street, ship_postcode,
    ship_city, ship_country, ship_phone, unsent[, table[, ship_region]]): without a table, a
    shop order's; without a region (a file of before v20), none."""
    from desktop.domain.order_importers import _fold, address_key

    folded: dict[str, str] = {}  # a buyer's name is folded once, not once per order

    def fold(text: str) -> str:
        found = folded.get(text)
        if found is None:
            found = folded[text] = _fold(text)
        return found

    found: dict[tuple[str, str, str], list[Delivery]] = {}
    for row in rows:
        order_id, platform, number, ordered_on, buyer = row[:5]
        unsent, table = row[11], (row[12] if len(row) > 12 else "shop_order")
        ship = ShipTo(*[value or "" for value in row[5:11]], typed=table == "custom_order",
                      region=(row[13] if len(row) > 13 else "") or "")
        name = fold(ship.name)  # as recipient_key and ShipTo.is_for have it, each name folded once
        if not name or (buyer is not None and name == fold(buyer)):
            continue
        found.setdefault(("recipient", name, address_key(ship.street, ship.postcode)), []).append(
            Delivery(order_id, platform or "", number or "", str(ordered_on or "")[:10], (buyer or "").strip(), ship,
                     bool(unsent), table))
    out = [Recipient(key, tuple(sorted(deliveries, key=lambda d: (d.ordered_on, d.order_id))))
           for key, deliveries in found.items()]
    return sorted(out, key=lambda r: (r.name.casefold(), r.key))


def recipient_export_document(recipient: Recipient, exported_at: datetime, app_version: str,
                              zone: tzinfo = timezone.utc) -> dict:
    """What the export holds on her: her deliveries (order number, day, the delivery's
    fields). Not who placed the orders: that is the buyer's data, not hers."""
    return {
        "format": "afspraak-recipient-export",
        "format_version": 1,
        "app_version": app_version,
        "exported_at": in_zone(exported_at, zone),
        "recipient": {"name": recipient.name},
        "data": recipient_tables(recipient),
    }


def recipient_rows(recipient: Recipient) -> list[dict]:
    return [delivery_row(d) for d in recipient.deliveries]


def recipient_tables(recipient: Recipient) -> dict[str, list[dict]]:
    """Her deliveries by the table they are in: the shop's orders, the custom orders whose
    form has her as the recipient (v17)."""
    tables: dict[str, list[dict]] = {}
    for d in recipient.deliveries:
        tables.setdefault(d.table, []).append(delivery_row(d))
    return tables


def delivery_row(d: Delivery) -> dict:
    """One delivery as an export holds it: the order's number and day, the delivery's fields
    (never who placed the order)."""
    return {"platform": d.platform, "number": d.number, "ordered_on": d.ordered_on,
            **dict(zip(DELIVERY_COLUMNS, (d.ship.name, d.ship.street, d.ship.postcode, d.ship.city, d.ship.country,
                                          d.ship.phone))), REGION_COLUMN: d.ship.region}


def recipient_csv_files(recipient: Recipient) -> dict[str, bytes]:
    files = {}
    for table, rows in recipient_tables(recipient).items():
        header = list(rows[0])
        files[f"{table}.csv"] = to_csv(header, [[row[c] for c in header] for row in rows])
    return files


# --- erased on request: what no restore, repair or import brings back (store/erasures.py) -----
# What tells somebody erased on request, kept only as salted one-way fingerprints: her e-mail
# address, her handles, her buyer accounts in the shop, her name with her address or with a
# phone number (a phone alone may be a household's), and her record itself (its number and
# when it was made: the same row in an older copy, whatever was changed on it since). A
# gift's recipient: her name with the address the orders were sent to.

def _folded(text: str) -> str:
    from desktop.domain.order_importers import _fold

    return _fold(text or "")


def _phone_key(phone: str) -> str:
    """A phone number's last nine digits ("+31 6 1234 5678" and "06 12345678" alike, as
    "+32 470 12 34 11" and "0470 12 34 11"); "" for a number too short to tell anyone by."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-9:] if len(digits) >= 9 else ""


def name_address_key(name: str, street: str, postcode: str) -> str:
    """Somebody by her name and address (as ``recipient_key`` compares them); "" without both."""
    from desktop.domain.order_importers import address_key

    name, address = _folded(name), address_key(street, postcode)
    return f"name_address:{name}|{address}" if name and address else ""


def name_phone_keys(name: str, phones) -> set[str]:
    name = _folded(name)
    return {f"name_phone:{name}|{key}" for key in map(_phone_key, phones) if name and key}


def erasure_keys(person: dict, handles: list[dict], orders: list[dict]) -> set[str]:
    """The keys of a person as stored (``person``, her ``handle`` and ``shop_order`` rows)."""
    keys = {f"record:{person.get('id')}:{person.get('created_at')}", name_key(person.get("name") or "")}
    email = (person.get("email") or "").strip().casefold()
    if email:
        keys.add("email:" + email)
    name = person.get("name") or ""
    keys |= name_phone_keys(name, (person.get("phone"), person.get("whatsapp")))
    keys.add(name_address_key(name, person.get("street") or "", person.get("postcode") or ""))
    for handle in handles:
        if (handle.get("name") or "").strip():
            keys.add(f"handle:{(handle.get('platform') or '').casefold()}:{handle['name'].strip().lstrip('@').casefold()}")
    for order in orders:
        keys.add(buyer_key(order.get("platform") or "", order.get("buyer") or ""))
        if _folded(order.get("ship_name") or "") == _folded(name):  # sent to herself, elsewhere perhaps
            keys.add(name_address_key(name, order.get("ship_street") or "", order.get("ship_postcode") or ""))
    keys.discard("")
    return keys


def name_key(name: str) -> str:
    """Her name alone: no key of its own (namesakes), only with another one (``is_hers``)."""
    name = _folded(name)
    return f"name:{name}" if name else ""


def is_hers(remembered: frozenset[str], prints: dict[str, str]) -> bool:
    """Is the person whose keys (``erasure_keys`` of a row in an older copy of the data) have
    the fingerprints ``prints`` (key -> fingerprint) the one an erasure remembered by the
    fingerprints ``remembered``? Her record (the same row, whatever was changed on it since),
    or her name together with another of her keys. Another key alone is not enough: an
    e-mail address a family shares, or a second card of hers the owner did not erase, was
    left alone by the erasure and stays so."""
    if any(print_ in remembered for key, print_ in prints.items() if key.startswith("record:")):
        return True
    named = any(print_ in remembered for key, print_ in prints.items() if key.startswith("name:"))
    return named and any(print_ in remembered for key, print_ in prints.items()
                         if not key.startswith(("record:", "name:")))


def buyer_key(platform: str, buyer: str) -> str:
    buyer = (buyer or "").strip().casefold()
    return f"buyer:{platform.casefold()}:{buyer}" if buyer else ""


def customer_erasure_keys(platform: str, customer) -> set[str]:
    """The keys of a customer as a shop's orders file gives her (``order_importers.CustomerRow``)."""
    keys = {buyer_key(platform, customer.buyer), name_address_key(customer.name, customer.street, customer.postcode)}
    if customer.email.strip():
        keys.add("email:" + customer.email.strip().casefold())
    keys |= name_phone_keys(customer.name, (customer.phone,))
    name = _folded(customer.name)
    keys |= {f"name_address:{name}|{address}" for address in customer.addresses if name and address}
    keys.discard("")
    return keys


def recipient_erasure_keys(key: tuple[str, str, str]) -> set[str]:
    """A gift's recipient by her ``recipient_key``: her name with the address she received at."""
    _kind, name, address = key
    return {f"name_address:{name}|{address}"} if name and address else set()


def fingerprint(salt: bytes, key: str) -> str:
    """A key as the list keeps it: salted (the list's own random salt) and one-way."""
    import hashlib
    import hmac

    return hmac.new(salt, key.encode("utf-8"), hashlib.sha256).hexdigest()[:32]
