"""Carriers as data: how their tracking codes look and how their track-and-trace links are built.

Source: shared/REFERENCE.md ("Track-and-trace links", collected November 2026), which
names the carriers' own pages and plugins; check digits as collected in the
jkeen/tracking_number_data project (UPU S10 mod 11, UPS 1Z mod 10, DPD ISO 7064
mod 37/36). When a carrier changes its links, change the ``CARRIERS`` table, nothing else.

A link pasted from the carrier's mail is kept exactly as given (``read_tracking_input``):
the carrier knows its own links better than a template does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable
from urllib.parse import parse_qs, quote, urlsplit

from desktop.i18n import _

# --- check digits ----------------------------------------------------------------------


def s10_ok(code: str) -> bool:
    """UPU S10 (international post): AA + 8 digits + check digit + country, e.g. RB123456785GB."""
    match = re.fullmatch(r"[A-Z]{2}(\d{8})(\d)[A-Z]{2}", code)
    if not match:
        return False
    total = sum(int(d) * w for d, w in zip(match.group(1), (8, 6, 4, 2, 3, 5, 9, 7)))
    check = 11 - total % 11
    check = {10: 0, 11: 5}.get(check, check)
    return check == int(match.group(2))


def ups_ok(code: str) -> bool:
    """UPS: 1Z + 15 characters + check character; mod 10, odd positions doubled, letters (ord-3)%10."""
    match = re.fullmatch(r"1Z([A-Z0-9]{15})([0-9])", code)
    if not match:
        return False
    total = 0
    for i, c in enumerate(match.group(1)):
        value = int(c) if c.isdigit() else (ord(c) - 3) % 10
        total += value * 2 if i % 2 else value
    return (10 - total % 10) % 10 == int(match.group(2))


_ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def mod37_36_ok(code: str) -> bool:
    """ISO 7064 MOD 37,36 (DPD's 28-character parcel barcode: 27 digits + check character)."""
    if len(code) < 2 or any(c not in _ALNUM for c in code):
        return False
    body, check = code[:-1], code[-1]
    m = 36
    cd = m
    for c in body:
        cd = _ALNUM.index(c) + cd
        if cd > m:
            cd -= m
        cd *= 2
        if cd > m:
            cd -= m + 1
    cd = (m + 1) - cd
    if cd == m:
        cd = 0
    return _ALNUM[cd] == check


# --- the carriers ----------------------------------------------------------------------


@dataclass(frozen=True)
class Format:
    pattern: str  # full match on the normalised code (upper case, no spaces)
    check: Callable[[str], bool] | None = None


@dataclass(frozen=True)
class Carrier:
    code: str
    # Link templates: {code}, {postcode} (no spaces, upper case), {country} (ISO 2),
    # {lang}. The first template whose fields are all known is used.
    links: tuple[str, ...]
    formats: tuple[Format, ...] = ()
    # strict: a code matching none of the formats is refused. Loose carriers accept any
    # plausible code but still refuse a wrong check digit where a format matches.
    strict: bool = False
    example: str = ""


S10 = Format(r"[A-Z]{2}\d{9}[A-Z]{2}", s10_ok)

CARRIERS: dict[str, Carrier] = {
    "postnl": Carrier(
        "postnl",
        links=(
            "https://jouw.postnl.nl/track-and-trace/{code}-{country}-{postcode}",
            "https://postnl.nl/tracktrace/?B={code}&D={country}&T=C",
            "https://postnl.nl/tracktrace/?B={code}&T=C",
        ),
        formats=(Format(r"3S[A-Z]{4}\d{7,9}"), S10),
        strict=True,
        example="3SKABA000000000",
    ),
    "dhl": Carrier(
        "dhl",
        links=(
            "https://my.dhlecommerce.nl/home/tracktrace/{code}/{postcode}",
            "https://my.dhlecommerce.nl/home/tracktrace/{code}",
        ),
        formats=(S10,),
        example="JVGL0123456789",
    ),
    "bpost": Carrier(
        "bpost",
        links=("https://track.bpost.cloud/btr/web/#/search?itemCode={code}&lang={lang}",),
        formats=(Format(r"3232\d{20}"), Format(r"[A-Z]{2}\d{9}BE", s10_ok)),
        strict=True,
        example="323212345678901234567890",
    ),
    "dpd": Carrier(
        "dpd",
        links=("https://www.dpdgroup.com/nl/mydpd/my-parcels/track?parcelNumber={code}",),
        formats=(Format(r"\d{14}"), Format(r"\d{27}[0-9A-Z]", mod37_36_ok)),
        strict=True,
        example="05212345678901",
    ),
    "gls": Carrier(
        "gls",
        links=(
            "https://gls-group.com/NL/nl/volg-je-pakket?match={code}&postalCode={postcode}",
            "https://gls-group.com/NL/nl/volg-je-pakket?match={code}",
        ),
        formats=(S10,),
    ),
    "ups": Carrier(
        "ups",
        links=("https://www.ups.com/track?loc=nl_NL&tracknum={code}",),
        formats=(Format(r"1Z[A-Z0-9]{16}", ups_ok),),
        strict=True,
        example="1Z5R89390357567127",
    ),
    "other": Carrier("other", links=()),
}

# DHL Belgium has its own site.
DHL_BELGIUM_LINK = "https://my.dhlparcel.be/home/tracktrace/{code}"

_PLAUSIBLE = re.compile(r"[A-Z0-9]{6,40}")


def normalise_code(text: str) -> str:
    """As people type or paste it: spaces, dashes and dots removed, upper case."""
    return re.sub(r"[\s\-.]", "", text or "").upper()


def read_code(carrier: str, text: str) -> str:
    """The code as kept for ``carrier``: normalised for a carrier whose codes we know (its
    format and its link need them so), but as typed (trimmed) for the owner's "Other
    carrier" or one we do not know: nobody can say its dash or its capitals do not count."""
    if carrier not in CARRIERS or carrier == "other":
        return " ".join((text or "").split())
    return normalise_code(text)


def normalise_postcode(text: str) -> str:
    return re.sub(r"\s", "", text or "").upper()


def is_link(text: str) -> bool:
    return (text or "").strip().lower().startswith(("https://", "http://"))


def check_code(carrier: str, code: str) -> str | None:
    """None when ``code`` (normalised) is acceptable for ``carrier``, else what is wrong, for people."""
    if not code:
        return None  # no code yet: a parcel still to be sent
    spec = CARRIERS.get(carrier, CARRIERS["other"])
    if spec.code == "other":  # kept as typed: its letters and digits, spaces, dashes and dots forgiven
        return None if re.fullmatch(r"[A-Z0-9]{3,60}", normalise_code(code)) else _(
            "A tracking code contains only letters and digits.")
    for fmt in spec.formats:
        if re.fullmatch(fmt.pattern, code):
            if fmt.check and not fmt.check(code):
                return _("The check digit of “{code}” is wrong: probably a typing error.").format(code=code)
            return None
    if spec.strict:
        return _("“{code}” is not a {carrier} tracking code; those look like {example}.").format(
            code=code, carrier=carrier_name(carrier), example=spec.example)
    if not _PLAUSIBLE.fullmatch(code):
        return _("A tracking code has 6 to 40 letters and digits.")
    return None


def tracking_link(carrier: str, code: str, postcode: str = "", country: str = "", language: str = "nl") -> str:
    """The carrier's track-and-trace page for ``code``, or "" when there is none to build."""
    spec = CARRIERS.get(carrier)
    if spec is None or not code:
        return ""
    fields = {
        "code": quote(code, safe=""),
        "postcode": quote(normalise_postcode(postcode), safe=""),
        "country": (country or "").upper() if re.fullmatch(r"[A-Za-z]{2}", country or "") else "",
        "lang": language if language in ("nl", "en", "fr", "de") else "nl",
    }
    templates = spec.links
    if carrier == "dhl" and fields["country"] == "BE":
        templates = (DHL_BELGIUM_LINK,)
    for template in templates:
        needed = re.findall(r"{(\w+)}", template)
        if all(fields[name] for name in needed):
            return template.format(**fields)
    return ""


def why_no_link(carrier: str, code: str) -> tuple[str, str | None]:
    """Why ``tracking_link`` gives no page for a parcel: ("no_carrier", None), ("no_code",
    None), ("no_page", None) for a carrier whose page Afspraak does not know (the owner's
    "Other carrier"), or ("bad_code", what is wrong: ``check_code``'s words) for a code that
    does not fit its carrier; ("", None) when a link can be made."""
    if not carrier:
        return "no_carrier", None
    if not code:
        return "no_code", None
    spec = CARRIERS.get(carrier)
    if spec is None or not spec.links:
        return "no_page", None
    problem = check_code(carrier, normalise_code(code))
    if problem is not None:
        return "bad_code", problem
    return "", None


# Where the carriers' own links carry the code (checked against their pages, November 2026):
# ups.com/track?tracknum= (older WebTracking?trackNums=, InquiryNumber1=), dpdgroup.com
# …/track?parcelNumber=, gls-group.com …?match=, bpost's #/search?itemCode=, PostNL's
# tracktrace/?B=, dhl.com …/tracking-parcel.html?tracking-id= (older …?AWB=), dhlparcel.nl
# …/volg-je-pakket?tc=.
_CODE_PARAMS = ("tracknum", "tracknums", "parcelnumber", "match", "itemcode", "b", "tracking-id", "tc", "awb",
                "inquirynumber1", "tracking")
# …and in a path, the segment after one of these: jouw.postnl.nl/track-and-trace/{code}-NL-{postcode},
# my.dhlecommerce.nl/home/tracktrace/{code}, my.dhlparcel.be/home/tracktrace/{code},
# tracking.dpd.de/status/nl_NL/parcel/{code}, gls-group.eu/track/{code},
# internationalparceltracking.com/Main.aspx#/track/{code}/NL/{postcode} (PostNL abroad).
_CODE_BEFORE = ("track-and-trace", "tracktrace", "parcel", "track")


def code_from_link(url: str) -> str:
    """Best effort: the tracking code inside a carrier's link (for search and display)."""
    parts = urlsplit(url.strip())
    fragment_path, _mark, fragment_query = parts.fragment.partition("?")
    for source in (parts.query, fragment_query):
        params = {k.lower(): v for k, v in parse_qs(source).items()}
        for name in _CODE_PARAMS:
            if params.get(name):
                return normalise_code(params[name][0])
    for path in (parts.path, fragment_path):
        segments = [s for s in path.split("/") if s]
        for i, segment in enumerate(segments[:-1]):
            if segment.lower() in _CODE_BEFORE:
                code = normalise_code(segments[i + 1].split("-")[0])
                if _PLAUSIBLE.fullmatch(code):
                    return code
    return ""


@dataclass(frozen=True)
class TrackingInput:
    code: str
    url: str
    problem: str | None  # None when acceptable


def read_tracking_input(carrier: str, text: str, postcode: str = "", country: str = "",
                        language: str = "nl") -> TrackingInput:
    """What the owner typed or pasted in the tracking field.

    A pasted link is kept as given (its code is read from it when possible); a code is
    checked for the carrier and gets a link built from the carrier's template.
    """
    text = (text or "").strip()
    if is_link(text):
        if any(c.isspace() for c in text):
            return TrackingInput("", text, _("A link cannot contain spaces."))
        return TrackingInput(code_from_link(text), text, None)
    code = read_code(carrier, text)
    problem = check_code(carrier, code)
    url = tracking_link(carrier, code, postcode, country, language) if problem is None else ""
    return TrackingInput(code, url, problem)


def carrier_name(carrier: str) -> str:
    from desktop.labels import label

    return label("carrier", carrier)
