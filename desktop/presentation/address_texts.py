"""A postal address in words: the one way Afspraak writes one, a line per part (a pane, a
message to the customer) or on one line (a heading, a list, the Privacy menu).

The parts as the country writes them ("1234 AB Plaats" in the Netherlands and Belgium,
"12345 Ort" in Germany and France; the town before the postcode in the United Kingdom and
Ireland, on a line of its own, and in the United States "City, ST 12345"), and the
country in the reader's language (Babel's names) only when it is not the shop's own. A
part that is not there leaves nothing behind: no empty line, no dangling comma, no "None".

Five places wrote an address each in their own way (the message's address block, the
parcel's line in the ship dialog, the Privacy menu's gift recipient, the panes, the
import's preview); they all ask here now.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from desktop.i18n import formatting_locale, keep_together
from desktop.labels import label

if TYPE_CHECKING:
    from babel import Locale

    from desktop.domain.shipments import ShipTo

# How a country writes the town and the postcode (the rest, most of Europe and a country
# Afspraak does not know: the postcode first, "9000 Gent"). "lines": the town, then the
# postcode on a line of its own; "comma": "City, ST 12345"; "after": "Toronto ON M5V 2T6".
_PLACE_ORDER = {"GB": "lines", "IE": "lines", "US": "comma", "CA": "after", "AU": "after", "NZ": "after"}
# The countries whose addresses name the state or province (Google's address metadata, "%S"
# in their "fmt"). A shop's file writes one for others too (Etsy: an English county, "FR" for
# France): kept as stored, left off the address there.
_WRITES_REGION = frozenset({"US", "CA", "AU"})
_OTHER = "other"  # a country Afspraak knows only as "another one" (the custom order form, a card)
# Languages whose names of countries a shop's file may write ("Deutschland", "Belgique").
_NAME_LANGUAGES = ("en", "nl", "de", "fr", "es", "it")


@dataclass(frozen=True)
class PostalAddress:
    """What an address says, as stored: every part may be blank."""

    street: str = ""
    postcode: str = ""
    city: str = ""
    # Two letters when known ("NL", "CA"), "other" for a country not named, else "" (unknown).
    country: str = ""
    # The country as a shop's file or the order form wrote it ("Canada", "Deutschland"), if any.
    written: str = ""
    name: str = ""  # whom it goes to, the first line when given
    region: str = ""  # a state or province where the country writes one ("OR")

    @classmethod
    def of_ship(cls, ship: ShipTo, name: str | None = None) -> PostalAddress:
        """The delivery of a shop's order (or of the custom order form)."""
        return cls(street=ship.street, postcode=ship.postcode, city=ship.city,
                   country=ship.iso_country or ship.country_code, written=ship.country,
                   name=ship.name if name is None else name, region=ship.region)

    @classmethod
    def of_card(cls, person, name: str = "", delivery: ShipTo | None = None) -> PostalAddress:
        """The address on a person's card (NL, BE or "other"). A card of "another country"
        whose address a shop's order was sent to (``delivery``: ``store.orders.card_delivery``)
        takes that order's country and state as its file wrote them, so the address is
        written as there ("NORTHAMPTON / NN5 7NP / Verenigd Koninkrijk", not the postcode
        first and "Ander land")."""
        country = person.country or ""
        written = region = ""
        if delivery is not None and country in ("", _OTHER) and delivery.same_address(person.street, person.postcode):
            written, region = delivery.country, delivery.region
        return cls(street=person.street, postcode=person.postcode, city=person.city, country=country,
                   written=written, name=name, region=region)


def _text(value) -> str:
    return " ".join(str(value).split()) if value else ""


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)).strip()


@lru_cache(maxsize=1)
def _codes_by_name() -> dict[str, str]:
    from babel import Locale

    found: dict[str, str] = {}
    for language in _NAME_LANGUAGES:
        for code, name in Locale.parse(language).territories.items():
            if re.fullmatch(r"[A-Z]{2}", code) and code not in ("ZZ", "EU", "EZ", "UN"):
                found.setdefault(_fold(name), code)
    return found


def iso_country(address: PostalAddress) -> str:
    """The country as two letters when the address tells it ("NL", "DE"), else ""."""
    code = _text(address.country)
    if re.fullmatch(r"[A-Za-z]{2}", code):
        return code.upper()
    written = _text(address.written)
    if not written or _fold(written) == _OTHER:
        return ""
    if re.fullmatch(r"[A-Za-z]{2}", written):
        return written.upper()
    from desktop.domain.order_importers import US_NAMES, country_code

    known = country_code(written)
    if known in ("NL", "BE"):
        return known
    if _fold(written) in US_NAMES:
        return "US"
    return _codes_by_name().get(_fold(written), "")


def country_words(address: PostalAddress, locale: Locale | None = None, home: str | None = None,
                  other_country: bool = True) -> str:
    """The country in the reader's language ("België", "Verenigd Koninkrijk"), "" for the
    shop's own (``home``, the shop's country when None; "" names every country). One Babel
    has no code for: as written; "another country" with no name: "Other country" (with
    ``other_country``), else ""."""
    if home is None:
        from desktop import clock

        home = clock.owner().country
    iso = iso_country(address)
    if iso:
        if iso == home:
            return ""
        return (locale or formatting_locale()).territories.get(iso, _text(address.written) or iso)
    written = _text(address.written)
    if written and _fold(written) != _OTHER:
        return written
    if other_country and (_fold(_text(address.country)) == _OTHER or _fold(written) == _OTHER):
        return label("country", _OTHER)
    return ""


def place_lines(address: PostalAddress) -> list[str]:
    """The postcode and the town (and a state where the country writes one) as the country
    writes them: one line, or the town and the postcode each on its own (the United
    Kingdom, Ireland)."""
    iso = iso_country(address)
    postcode, city = _text(address.postcode), _text(address.city)
    region = _text(address.region) if iso in _WRITES_REGION else ""
    order = _PLACE_ORDER.get(iso)
    if order == "lines":
        return [part for part in (city, postcode) if part]
    if order == "comma":  # "Portland, OR 97201"; without a state "Portland 97201"
        after = " ".join(p for p in (region, postcode) if p)
        line = f"{city}, {after}" if city and region else " ".join(p for p in (city, after) if p)
    elif order == "after":
        line = " ".join(p for p in (city, region, postcode) if p)
    else:
        line = " ".join(p for p in (postcode, city) if p)
    return [line] if line else []


def place_line(address: PostalAddress) -> str:
    """The postcode and town on one line: "2511 CV Den Haag", "London SW1A 2AA"."""
    return " ".join(place_lines(address))


def address_lines(address: PostalAddress, locale: Locale | None = None, home: str | None = None,
                  screen: bool = False, other_country: bool = True, with_country: bool = True) -> list[str]:
    """The address a line per part, as on an envelope: the name, the street, the place as
    the country writes it, the country (see :func:`country_words`; none without
    ``with_country``, where a field of its own beside it names it). ``screen``: a place is
    never broken inside on a label ("2511 CV Den / Haag")."""
    places = place_lines(address)
    if screen:
        places = [keep_together(place) for place in places]
    country = country_words(address, locale, home, other_country) if with_country else ""
    lines = [_text(address.name), _text(address.street), *places, country]
    return [line for line in lines if line]


def address_text(address: PostalAddress, **how) -> str:
    """:func:`address_lines` joined by line breaks ("" for no address)."""
    return "\n".join(address_lines(address, **how))


def address_line(address: PostalAddress, locale: Locale | None = None, home: str | None = None,
                 other_country: bool = True) -> str:
    """The address on one line: "Zoë Verhoeven, Kerkstraat 12, 9000 Gent, België",
    "10 Downing Street, London SW1A 2AA, Verenigd Koninkrijk"."""
    lines = [_text(address.name), _text(address.street), place_line(address),
             country_words(address, locale, home, other_country)]
    return ", ".join(line for line in lines if line)


__all__ = ["PostalAddress", "address_line", "address_lines", "address_text", "country_words", "iso_country",
           "place_line", "place_lines"]
