"""{adres}: where a custom order's parcel went, as written on it (resend-address).

The message after a parcel came back asked "is the address we sent it to still right?"
without showing it. The address block: the name, the street, the postcode and town as the
country writes them, and the country (in the reader's language) only when it is not the
shop's own."""

from __future__ import annotations

import pytest
from babel import Locale

from desktop.presentation.delivery_texts import Parcel, address_block


def parcel(street="Kerkstraat 12", postcode="9000", city="Gent", iso="BE", code="BE", written="BE",
           name="Zoë Verhoeven") -> Parcel:
    return Parcel(name=name, street=street, postcode=postcode, city=city, country="", country_code=code, phone="",
                  from_the_order=True, gift=True, iso_country=iso, country_written=written)


@pytest.mark.parametrize("to, locale, home, expected", [
    # the shop's own country: no country line
    (parcel(), "nl_BE", "BE", "Zoë Verhoeven\nKerkstraat 12\n9000 Gent"),
    # from a Dutch shop to Belgium, named as the reader says it
    (parcel(), "nl_NL", "NL", "Zoë Verhoeven\nKerkstraat 12\n9000 Gent\nBelgië"),
    (parcel(), "en", "NL", "Zoë Verhoeven\nKerkstraat 12\n9000 Gent\nBelgium"),
    # the town before the postcode where the country writes it so
    (parcel("10 Downing Street", "SW1A 2AA", "London", "GB", "other", "GB"), "en", "NL",
     "Zoë Verhoeven\n10 Downing Street\nLondon\nSW1A 2AA\nUnited Kingdom"),
    (parcel("100 Queen St W", "M5H 2N2", "Toronto", "CA", "other", "CA"), "nl_NL", "NL",
     "Zoë Verhoeven\n100 Queen St W\nToronto M5H 2N2\nCanada"),
    # a country the shop's file wrote out in full: named in the reader's language when Babel knows it
    (parcel("Hauptstraße 1", "10115", "Berlin", "", "other", "Deutschland"), "nl_NL", "NL",
     "Zoë Verhoeven\nHauptstraße 1\n10115 Berlin\nDuitsland"),
    (parcel("Hauptstraße 1", "10115", "Berlin", "", "other", "Deutschland"), "en", "NL",
     "Zoë Verhoeven\nHauptstraße 1\n10115 Berlin\nGermany"),
    # ... else as it wrote it
    (parcel("Main Road 1", "123", "Bree", "", "other", "Atlantis"), "nl_NL", "NL",
     "Zoë Verhoeven\nMain Road 1\n123 Bree\nAtlantis"),
    # the United States: "City, ST 12345" when the state is in the town's field, the country in the reader's words
    (parcel("1 Main St", "97201", "Portland, OR", "US", "other", "US"), "nl_NL", "NL",
     "Zoë Verhoeven\n1 Main St\nPortland, OR 97201\nVerenigde Staten"),
    # "another country" typed in the form names none: no line that says "Other country"
    (parcel("Hauptstraße 1", "10115", "Berlin", "", "other", "other"), "nl_NL", "NL",
     "Zoë Verhoeven\nHauptstraße 1\n10115 Berlin"),
])
def test_the_address_is_written_as_on_the_parcel(to, locale, home, expected):
    assert address_block(to, Locale.parse(locale), home) == expected


def test_no_address_is_no_block_even_with_a_name():
    assert address_block(parcel(street="", postcode="", city=""), Locale.parse("nl_NL"), "NL") == ""
