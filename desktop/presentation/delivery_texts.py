"""Where a custom order's parcel goes, in words: the delivery typed in its order form
("Deliver to another address"), else the delivery of the shop's order it was made from (the
recipient of a gift, or the buyer at the address she gave for it), else the customer's own
address in Afspraak (an order typed in by hand for herself, or imported before the shop's
delivery was kept).

Review of the import: a buyer's gift ("Zoë Verhoeven, Kerkstraat 12, 9000 Gent") became
her own address, and the ship dialog of her own order showed the gift's; the shop's
order is what the parcel is addressed by.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.domain.shipments import ShipTo, has_address
from desktop.i18n import current_language, formatting_locale
from desktop.labels import label
from desktop.store import orders as store

if TYPE_CHECKING:
    from desktop.store.models import Person


@dataclass(frozen=True)
class Parcel:
    """Where one custom order's parcel goes, ready to show."""

    name: str  # the recipient
    street: str
    postcode: str
    city: str
    country: str  # in words, in the reader's language ("België", "Canada")
    country_code: str  # NL, BE, other or "": the carrier offered first
    phone: str
    from_the_order: bool  # the order says it: its own form or the shop's order (else the customer's card)
    gift: bool  # to somebody else than the customer who ordered it
    typed: bool = False  # typed in the order form ("Deliver to another address"), not the shop's order's
    iso_country: str = ""  # the country as two letters when known ("NL", "BE", "CA"), else ""
    country_written: str = ""  # the country as the shop's file or the order form wrote it ("Canada")

    @property
    def complete(self) -> bool:
        return has_address(self.street, self.postcode, self.city)

    @property
    def empty(self) -> bool:
        return not any(p.strip() for p in (self.street, self.postcode, self.city))

    def one_line(self) -> str:
        """ "Kerkstraat 12, 9000 Gent, België" (the parts there are)."""
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return ", ".join(p for p in (self.street, place, self.country) if p)


def country_name(code: str, written: str = "") -> str:
    """A country in the reader's language: the Netherlands and Belgium as everywhere in the
    app; another one the shop's file wrote as two letters ("CA") by its name ("Canada"),
    else as the file wrote it."""
    if code in ("NL", "BE") or (code == "other" and (written or "").strip() == "other"):  # typed in the order form
        return label("country", code)
    written = (written or "").strip()
    if len(written) == 2 and written.isalpha():
        return formatting_locale(current_language()).territories.get(written.upper(), written)
    return written or (label("country", code) if code else "")


def ship_to_parcel(ship: ShipTo, customer: Person) -> Parcel:
    return Parcel(name=ship.name or customer.name, street=ship.street, postcode=ship.postcode, city=ship.city,
                  country=country_name(ship.country_code, ship.country), country_code=ship.country_code,
                  phone=ship.phone, from_the_order=True, gift=not ship.is_for(customer.name), typed=ship.typed,
                  iso_country=ship.iso_country, country_written=ship.country.strip())


def parcel_of(order_id: int | None, customer: Person) -> Parcel:
    """Where the parcel of custom order ``order_id`` (of ``customer``) goes."""
    ship = store.ship_to(order_id)
    if ship is not None:
        return ship_to_parcel(ship, customer)
    return Parcel(name=customer.name, street=customer.street, postcode=customer.postcode, city=customer.city,
                  country=label("country", customer.country) if customer.country else "",
                  country_code=customer.country or "", phone=customer.phone, from_the_order=False, gift=False,
                  iso_country=customer.country if customer.country in ("NL", "BE") else "")


def differs_from_card(parcel: Parcel, customer: Person) -> bool:
    """Does the parcel go elsewhere than the customer's own address in Afspraak (a gift, or
    an address of the shop's order her card does not hold)?"""
    if not parcel.from_the_order:
        return False
    if parcel.gift:
        return True
    return not ShipTo(parcel.name, parcel.street, parcel.postcode).same_address(customer.street, customer.postcode)


# Where a country writes the town before the postcode (the Netherlands, Belgium and most of
# Europe: "9000 Gent"): on one line ("Toronto ON M5V 2T6"), or the postcode on a line of
# its own under the town (the United Kingdom, Ireland).
_TOWN_FIRST = {"US": "line", "CA": "line", "AU": "line", "NZ": "line", "GB": "lines", "IE": "lines"}


def address_block(parcel: Parcel, locale, home_country: str) -> str:
    """Where ``parcel`` goes as it is written on it, a line per part, for a message to the
    customer in ``locale``: the name, the street, the postcode and town as the country writes
    them, and the country in the reader's language when it is not the shop's own
    (``home_country``). "" when Afspraak knows no address (a name is not one)."""
    if parcel.empty:
        return ""
    postcode, city = parcel.postcode.strip(), parcel.city.strip()
    way = _TOWN_FIRST.get(parcel.iso_country)
    if way == "lines":
        place = [city, postcode]
    elif way == "line":
        place = [" ".join(p for p in (city, postcode) if p)]
    else:
        place = [" ".join(p for p in (postcode, city) if p)]
    country = ""
    if parcel.iso_country and parcel.iso_country != home_country:
        country = locale.territories.get(parcel.iso_country, parcel.iso_country)
    elif not parcel.iso_country and parcel.country_code == "other" and parcel.country_written.lower() != "other":
        country = parcel.country_written  # as the shop's file wrote it ("Canada"): no name of ours for it
    lines = [parcel.name.strip(), parcel.street.strip(), *place, country]
    return "\n".join(line for line in lines if line)
