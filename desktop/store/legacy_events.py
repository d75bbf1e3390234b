"""Migration v9's reading of old event texts: which of them the app wrote, as facts.

Up to schema 8 the app stored its own timeline events as finished sentences in the
language of the moment ("Bestelling #1041: Nieuw → In productie"). Version 9 stores
facts (``Event.fact`` + ``Event.params``, rendered by desktop/event_texts.py). This module
recognises the sentences older versions wrote, in Dutch and in English, and gives back
the fact; anything else (what a person wrote, a sentence it cannot read back with
certainty) stays text.

The sentence patterns are frozen here as the old versions wrote them: later changes to
the catalogs must not change what an old database is read as. Only the labels of codes
(statuses, carriers, platforms...) are looked up in both catalogs, since those are the
labels the old versions used too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache

from desktop import i18n
from desktop.labels import _LABELS

# (fact, event kinds the app wrote it with, Dutch pattern, English pattern). Placeholders
# name what is read back; a label placeholder ({old}, {carrier}, ...) only matches the
# labels of its group, so a "→" or ":" in a typed title cannot confuse it.
PATTERNS: list[tuple[str, tuple[str, ...], str, str]] = [
    ("person_added", ("status",), "Toegevoegd als influencer", "Added as influencer"),
    ("person_status", ("status",), "Status: {old:person_status} → {new:person_status}{note?}",
     "Status: {old:person_status} → {new:person_status}{note?}"),
    ("strikes_lifted_delivered", ("strike",), "Strikes opgeheven: al het openstaande werk is geplaatst",
     "Strikes lifted: all outstanding work is posted"),
    ("strike_after_reminders", ("strike",), "Strike: niet nagekomen na de laatste herinnering.",
     "Strike: not delivered after the last reminder."),
    ("strike", ("strike",), "Strike: {reason:strike_reason}{note?}", "Strike: {reason:strike_reason}{note?}"),
    ("strike_lifted", ("strike",), "Strike opgeheven: {reason:strike_reason}", "Strike lifted: {reason:strike_reason}"),
    ("reply_received", ("message",), "Antwoord ontvangen", "Reply received"),
    ("collab_created", ("agreement",), "Samenwerking {status:collab_status_lower}: {title}",
     "Collaboration {status:collab_status_lower}: {title}"),
    ("collab_exception", ("status",), "Uitzondering: nieuwe samenwerking terwijl de influencer {status:person_status_lower} is",
     "Exception: new collaboration although the influencer is {status:person_status_lower}"),
    ("agreement_changed", ("agreement",), "Afspraak gewijzigd ({fields}): {note}", "Agreement changed ({fields}): {note}"),
    ("agreement_confirmed", ("agreement",), "Wijziging bevestigd door de influencer: {title}",
     "Change confirmed by the influencer: {title}"),
    ("collab_status", ("status",), "{title}: {old:collab_status} → {new:collab_status}{note?}",
     "{title}: {old:collab_status} → {new:collab_status}{note?}"),
    ("content_posted", ("content",), "{deliverable:deliverable_or_extra} geplaatst op {platform:platform_or_unknown}{missing?}",
     "{deliverable:deliverable_or_extra} posted on {platform:platform_or_unknown}{missing?}"),
    ("rated", ("rating",), "Beoordeeld met {stars} van 5: {title}{no_again?}", "Rated {stars} of 5: {title}{no_again?}"),
    ("evidence_added", ("content",),
     "Bewijs toegevoegd aan {deliverable:deliverable_or_extra} op {platform:platform_or_unknown}: {n} foto{s} ({names})",
     "Evidence added to {deliverable:deliverable_or_extra} on {platform:platform_or_unknown}: {n} picture{s} ({names})"),
    ("shipment_ready", ("shipment",), "Pakket klaar om te verzenden: {items}", "Parcel ready to send: {items}"),
    ("shipment_sent", ("shipment",), "Verzonden met {carrier:carrier}: {items}", "Sent with {carrier:carrier}: {items}"),
    ("shipment_delivered", ("shipment",), "Bezorgd door {carrier:carrier}: {items}", "Delivered by {carrier:carrier}: {items}"),
    ("shipment_confirmed", ("shipment",), "Ontvangst bevestigd: {items}", "Receipt confirmed: {items}"),
    ("shipment_returned", ("shipment",), "Retour naar de winkel: {items}", "Returned to the shop: {items}"),
    ("order_entered", ("order",), "Maatwerkbestelling {number} ingevoerd, beloofd voor {date}",
     "Custom order {number} entered, promised for {date}"),
    ("order_status", ("status",), "Bestelling {number}: {old:order_status} → {new:order_status}",
     "Order {number}: {old:order_status} → {new:order_status}"),
    ("order_date_moved", ("order",), "{field:date_field} verschoven van {old} naar {new}: {note}",
     "{field:date_field} moved from {old} to {new}: {note}"),
    ("order_shipped", ("shipment",), "Bestelling {number} verzonden met {carrier:carrier}",
     "Order {number} sent with {carrier:carrier}"),
    ("order_product", ("order",), "Product voor bestelling {number}: {product}", "Product for order {number}: {product}"),
    # What the example shop (desktop/demo.py, `afspraak demo`) wrote, in Dutch only.
    ("demo_agreed", ("agreement",), "Afspraak gemaakt: {title}", ""),
    ("demo_sent", ("shipment",), "{product} verzonden", ""),
    ("order_confirmed", ("order",), "Bestelling {number} bevestigd", ""),
]

_DATE_FIELDS = {"promised_ready": ("Beloofde klaardatum", "Promised ready date"),
                "promised_delivery": ("Beloofde leverdatum", "Promised delivery date")}


def _label_map(group: str) -> dict[str, str]:
    """{label as the old versions showed it, in either language: code}."""
    found: dict[str, str] = {}
    for language in i18n.LANGUAGES:
        translate = i18n.translations_for(language).gettext
        for code, text in _LABELS.get(group, {}).items():
            found.setdefault(translate(text), code)
    return found


@lru_cache(maxsize=None)
def _choices(kind: str) -> dict[str, str]:
    if kind == "date_field":
        return {text: field for field, texts in _DATE_FIELDS.items() for text in texts}
    lower = kind.endswith("_lower")
    group = kind.removesuffix("_lower")
    if group == "deliverable_or_extra":
        return {**_label_map("deliverable"), "Extra content": ""}
    if group == "platform_or_unknown":
        return {**_label_map("platform"), "?": ""}
    found = _label_map(group)
    return {k.lower(): v for k, v in found.items()} if lower else found


_TAILS = {
    "note": r"(?: · (?P<note>.+))?",
    "missing": r"(?: · (?:ontbreekt|missing): (?P<missing>.+))?",
    "no_again": r"(?P<no_again> · (?:zou niet nog eens samenwerken|would not work together again))?",
}
_PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?(\?)?\}")


def _regex(pattern: str) -> re.Pattern:
    out, pos = [], 0
    for m in _PLACEHOLDER.finditer(pattern):
        out.append(re.escape(pattern[pos:m.start()]))
        name, choice, optional = m.groups()
        if optional:
            out.append(_TAILS[name])
        elif choice:
            alternatives = sorted(_choices(choice), key=len, reverse=True)
            out.append("(?P<{}>{})".format(name, "|".join(re.escape(a) for a in alternatives)))
        elif name == "s":
            out.append("(?:’s|'s|s)?")
        elif name in ("n", "stars"):
            out.append(r"(?P<{}>\d+(?:[.,]\d+)?)".format(name))
        else:
            out.append(f"(?P<{name}>.+?)")
        pos = m.end()
    out.append(re.escape(pattern[pos:]))
    return re.compile("^" + "".join(out) + "$", re.DOTALL)


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, tuple[str, ...], re.Pattern, re.Pattern | None]]:
    return [(fact, kinds, _regex(nl), _regex(en) if en else None) for fact, kinds, nl, en in PATTERNS]


_ITEM = re.compile(r"^(\d+) × (.+)$", re.DOTALL)


def _items(text: str) -> list[list]:
    items = []
    for part in re.split(r", (?=\d+ × )", text):
        m = _ITEM.match(part)
        if not m:
            raise ValueError(part)
        items.append([m.group(2), int(m.group(1))])
    return items


@lru_cache(maxsize=None)
def _months() -> dict[str, int]:
    from babel import Locale

    names: dict[str, int] = {}
    for name in set(i18n.FORMAT_LOCALES.values()) | {"nl_BE"}:
        months = Locale.parse(name).months["format"]
        for width in ("abbreviated", "wide"):
            for number, month in months[width].items():
                names[month.lower().rstrip(".")] = number
    return names


_DATE = re.compile(r"^(\d{1,2}) (\w+)\.? (\d{4})$")


def _date(text: str) -> str | None:
    """A date as Babel's medium format wrote it ("23 nov 2026", "23 Nov 2026"), as ISO."""
    if text in ("—", ""):
        return None
    m = _DATE.match(text.strip())
    if not m or m.group(2).lower() not in _months():
        raise ValueError(text)
    return date(int(m.group(3)), _months()[m.group(2).lower()], int(m.group(1))).isoformat()


def _term_keys(text: str) -> list[str]:
    from desktop.domain.collaborations import TERM_LABELS

    names: dict[str, str] = {}
    for language in i18n.LANGUAGES:
        translate = i18n.translations_for(language).gettext
        for key, label in TERM_LABELS.items():
            names.setdefault(translate(label).lower(), key)
    keys = []
    for part in text.split(", "):
        if part not in names:
            raise ValueError(part)
        keys.append(names[part])
    return keys


def recognise(kind: str, text: str, subject_type: str = "", subject_carrier: str | None = None
              ) -> tuple[str, dict] | None:
    """The fact an old event text stands for, or None to keep it as text.

    ``subject_carrier``: the carrier of the shipment the event is about (the example
    shop's "Ketting Maan verzonden" names none)."""
    for fact, kinds, nl, en in _compiled():
        if kind not in kinds:
            continue
        for regex in (nl, en):
            m = regex.match(text) if regex is not None else None
            if m is None:
                continue
            try:
                return _params(fact, m, subject_carrier)
            except (ValueError, KeyError):
                return None  # the right sentence with values it cannot read back: keep it
    return None


def _params(fact: str, m: re.Match, subject_carrier: str | None) -> tuple[str, dict] | None:
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    for name in list(g):
        choice = _choice_of(fact, name)
        if choice:  # a label read back as its code
            g[name] = _choices(choice)[g[name]]
    if fact == "demo_agreed":
        return "collab_created", {"status": "agreed", "title": g["title"]}
    if fact == "demo_sent":
        if not subject_carrier:
            return None
        return "shipment_sent", {"carrier": subject_carrier, "items": [[g["product"], 1]]}
    reader = _READERS.get(fact) or (_shipment_params if fact.startswith("shipment_") else None)
    params = reader(fact, g) if reader is not None else {}
    if g.get("note"):
        params["note"] = g["note"]
    return fact, params


def _number(text: str) -> str:
    """An order number as the old texts wrote it ("—": the order had none)."""
    return "" if text == "—" else text


def _status_params(fact: str, g: dict) -> dict:
    params = {"old": g["old"], "new": g["new"]}
    if fact == "collab_status":
        params["title"] = g["title"]
        if g.get("note") in ("Niet nagekomen na de laatste herinnering.", "Not delivered after the last reminder."):
            params["why"] = "last_reminder"
            g.pop("note")  # the reason, not a note of the owner's
    if fact == "order_status":
        params["number"] = _number(g["number"])
    return params


def _collab_params(fact: str, g: dict) -> dict:
    params = {"status": g["status"]}
    if fact == "collab_created":
        params["title"] = g["title"]
    return params


def _posted_params(_fact: str, g: dict) -> dict:
    params = {"deliverable": g["deliverable"], "platform": g["platform"]}
    if g.get("missing"):
        params["missing"] = g["missing"].split(", ")
    return params


def _shipment_params(_fact: str, g: dict) -> dict:
    params = {"items": _items(g["items"])}
    if "carrier" in g:
        params["carrier"] = g["carrier"]
    return params


# fact -> its params from the placeholders read back (labels already turned into codes);
# a fact not listed (and not a shipment_*) has none but the owner's note.
_READERS: dict[str, Callable[[str, dict], dict]] = {
    "person_status": _status_params,
    "collab_status": _status_params,
    "order_status": _status_params,
    "strike": lambda _f, g: {"reason": g["reason"]},
    "strike_lifted": lambda _f, g: {"reason": g["reason"]},
    "collab_created": _collab_params,
    "collab_exception": _collab_params,
    "agreement_changed": lambda _f, g: {"fields": _term_keys(g["fields"])},
    "agreement_confirmed": lambda _f, g: {"title": g["title"]},
    "content_posted": _posted_params,
    "rated": lambda _f, g: {"stars": float(g["stars"].replace(",", ".")), "title": g["title"],
                            "work_again": not g.get("no_again")},
    "evidence_added": lambda _f, g: {"deliverable": g["deliverable"], "platform": g["platform"], "n": int(g["n"]),
                                     "names": g["names"].split(", ")},
    "order_entered": lambda _f, g: {"number": _number(g["number"]), "date": _date(g["date"])},
    "order_date_moved": lambda _f, g: {"field": g["field"], "old": _date(g["old"]), "new": _date(g["new"])},
    "order_shipped": lambda _f, g: {"number": _number(g["number"]), "carrier": g["carrier"]},
    "order_product": lambda _f, g: {"number": g["number"], "product": g["product"]},
    "order_confirmed": lambda _f, g: {"number": g["number"]},
}


def _choice_of(fact: str, name: str) -> str | None:
    """The label group a placeholder of ``fact`` was matched against (see PATTERNS)."""
    for f, _kinds, nl, _en in PATTERNS:
        if f == fact:
            for m in _PLACEHOLDER.finditer(nl):
                if m.group(1) == name:
                    return m.group(2)
    return None
