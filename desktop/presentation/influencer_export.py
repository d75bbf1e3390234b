"""The chosen influencers as a file for her spreadsheet program (Influencers' "Export…").

Written in her language, as she reads the pane: the columns named in words, a status, a
country and a form of address as the app calls them, ";" between the fields so Dutch and
Belgian Excel opens it in columns (``domain/spreadsheet``). It used to hold the database's
own codes under English column names ("active", "formal", "NL") with "," between them, so
a Dutch Excel showed every influencer in one cell."""

from __future__ import annotations

from pathlib import Path

from desktop.domain import spreadsheet
from desktop.i18n import _
from desktop.labels import label
from desktop.store import outgoing
from desktop.store.influencers import EXPORT_PLATFORMS, ExportRow, export_rows


def header() -> list[str]:
    return [_("Name"), _("Status"), _("Country"), _("Language"), _("Form of address"), _("Email"), _("Phone"),
            _("WhatsApp"),
            # TRANSLATORS: a column of the influencers' export: street and house number
            _("Street"),
            _("Postcode"), _("City"), _("Tags"), *(label("platform", p) for p in EXPORT_PLATFORMS),
            _("Followers"), _("Notes")]


def row(person: ExportRow) -> list[object]:
    return [person.name, label("person_status", person.status), label("country", person.country),
            label("language", person.language), label("address_form", person.address_form), person.email,
            person.phone, person.whatsapp, person.street, person.postcode, person.city, ", ".join(person.tags),
            *(person.links.get(p, "") for p in EXPORT_PLATFORMS),
            person.followers, person.notes]  # a bare number: every spreadsheet reads it as one


def write(path: Path | str, person_ids: list[int]) -> int:
    """Write the influencers ``person_ids`` to ``path`` (whole or not at all, readable by
    her only: it holds addresses and notes); returns how many were written."""
    people = export_rows(person_ids)
    outgoing.write_whole(path, spreadsheet.for_spreadsheet(header(), [row(p) for p in people]), mode=0o600)
    return len(people)
