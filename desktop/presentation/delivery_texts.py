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
from desktop.presentation.address_texts import (PostalAddress, address_line, address_text, country_words,
                                                iso_country)
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
    region: str = ""  # a state or province as the shop's file wrote it ("AK"; v20)

    @property
    def complete(self) -> bool:
        return has_address(self.street, self.postcode, self.city)

    @property
    def empty(self) -> bool:
        return not any(p.strip() for p in (self.street, self.postcode, self.city))

    def address(self, name: bool = False) -> PostalAddress:
        """Where it goes, for ``address_texts`` to write (with the recipient's name first)."""
        return PostalAddress(street=self.street, postcode=self.postcode, city=self.city,
                             country=self.iso_country or self.country_code, written=self.country_written,
                             name=self.name if name else "", region=self.region)

    def one_line(self) -> str:
        """ "Kerkstraat 12, 9000 Gent, België" (the parts there are; the country when it is
        not the shop's own)."""
        return address_line(self.address())


def ship_to_parcel(ship: ShipTo, customer: Person) -> Parcel:
    return Parcel(name=ship.name or customer.name, street=ship.street, postcode=ship.postcode, city=ship.city,
                  country=country_words(PostalAddress.of_ship(ship), home=""), country_code=ship.country_code,
                  phone=ship.phone, from_the_order=True, gift=not ship.is_for(customer.name), typed=ship.typed,
                  iso_country=ship.iso_country, country_written=ship.country.strip(), region=ship.region)


def parcel_of(order_id: int | None, customer: Person) -> Parcel:
    """Where the parcel of custom order ``order_id`` (of ``customer``) goes."""
    ship = store.ship_to(order_id)
    if ship is not None:
        return ship_to_parcel(ship, customer)
    card = card_address(customer)
    return Parcel(name=customer.name, street=customer.street, postcode=customer.postcode, city=customer.city,
                  country=country_words(card, home=""),
                  country_code=customer.country or "", phone=customer.phone, from_the_order=False, gift=False,
                  iso_country=iso_country(card), country_written=card.written, region=card.region)


def card_address(person: Person, name: str = "") -> PostalAddress:
    """The address on ``person``'s card, with the country and state of the shop's order that
    went there when her card says only "another country" (``PostalAddress.of_card``)."""
    delivery = None
    if (person.country or "") in ("", "other"):
        delivery = store.card_delivery(person.id, person.street, person.postcode)
    return PostalAddress.of_card(person, name=name, delivery=delivery)


def differs_from_card(parcel: Parcel, customer: Person) -> bool:
    """Does the parcel go elsewhere than the customer's own address in Afspraak (a gift, or
    an address of the shop's order her card does not hold)?"""
    if not parcel.from_the_order:
        return False
    if parcel.gift:
        return True
    return not ShipTo(parcel.name, parcel.street, parcel.postcode).same_address(customer.street, customer.postcode)


def address_block(parcel: Parcel, locale, home_country: str) -> str:
    """Where ``parcel`` goes as it is written on it, a line per part, for a message to the
    customer in ``locale`` (``address_texts``: the name, the street, the postcode and town as
    the country writes them, and the country in the reader's language when it is not the
    shop's own, ``home_country``; never "Other country"). "" when Afspraak knows no address
    (a name is not one)."""
    if parcel.empty:
        return ""
    return address_text(parcel.address(name=True), locale=locale, home=home_country, other_country=False)
