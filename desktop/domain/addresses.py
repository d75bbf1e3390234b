"""A parcel's address as typed: complete, and with a postcode of its country's form.

Pure rules, shared by the parcel dialog (``domain/shipments``, whose names they stay) and
the custom order form's "Deliver to another address" (``domain/orders``), which cannot
import ``shipments`` without a cycle through the orders importer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.i18n import _

_POSTCODE = {"NL": re.compile(r"([1-9][0-9]{3})\s*([A-Z]{2})"), "BE": re.compile(r"[1-9][0-9]{3}")}


class AddressParts:
    """``complete`` and ``empty`` of a record with a ``street``, ``postcode`` and ``city``:
    ``Address``, and the shop order's delivery (``shipments.ShipTo``)."""

    street: str
    postcode: str
    city: str

    @property
    def complete(self) -> bool:
        return has_address(self.street, self.postcode, self.city)

    @property
    def empty(self) -> bool:
        return not (self.street or self.postcode or self.city)


@dataclass(frozen=True)
class Address(AddressParts):
    street: str = ""
    postcode: str = ""
    city: str = ""
    country: str = "NL"


def has_address(street: str, postcode: str, city: str) -> bool:
    """Enough to put on a parcel: a street with number, a postcode and a city."""
    return bool((street or "").strip() and (postcode or "").strip() and (city or "").strip())


def read_address(street: str, postcode: str, city: str, country: str) -> tuple[Address, dict[str, str]]:
    """What was typed in the parcel's address fields -> (cleaned address, problems per field).

    All empty is no address (allowed: the parcel is flagged until one is known); a partly
    filled address must be complete, with a postcode of the country's form."""
    street = " ".join((street or "").split())
    city = " ".join((city or "").split())
    code = " ".join((postcode or "").split()).upper()
    country = country or "NL"
    problems: dict[str, str] = {}
    pattern = _POSTCODE.get(country)
    if code and pattern is not None:
        found = pattern.fullmatch(code)
        if found is None:
            problems["postcode"] = (_("“{postcode}” is not a Dutch postcode; write it like 1234 AB.") if country == "NL"
                                    else _("“{postcode}” is not a Belgian postcode; write it like 9000.")).format(
                postcode=code)
        elif country == "NL":
            code = f"{found.group(1)} {found.group(2)}"
    address = Address(street, code, city, country)
    if not address.empty:
        if not street:
            problems["street"] = _("Fill in the street and house number.")
        if not code:
            problems.setdefault("postcode", _("Fill in the postcode."))
        if not city:
            problems["city"] = _("Fill in the city.")
    return address, problems
