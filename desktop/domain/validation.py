"""Checks of what the owner typed, with a message per field. Pure Python.

Every ``validate_*`` returns ``(errors, cleaned)``: ``errors`` maps a field key to a
message in the user's language (empty when all is well), ``cleaned`` holds the values
ready to store. Nothing is stored here; the views save only when ``errors`` is empty.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from urllib.parse import urlsplit

from desktop.domain import dates
from desktop.domain import handles as handle_rules
from desktop.domain.collaborations import Gift, split_tags
from desktop.domain.message_rules import default_form
from desktop.domain.money import MoneyError, parse_money
from desktop.domain.names import clean_name
from desktop.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from babel import Locale

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


# --- small parsers -------------------------------------------------------------------

# More than any account has followers or any post gets views (there are 8 billion people;
# SQLite stores at most 9.2 * 10**18): a count above it is a slip of the keyboard.
MAX_COUNT = 10_000_000_000


class CountTooLarge(ValueError):
    """A count above ``MAX_COUNT``."""


def parse_count(text: str) -> int | None:
    """"18.400", "18,400", "18 400", "18,4k" -> 18400; "" -> None; ValueError otherwise
    (``CountTooLarge`` above ``MAX_COUNT``: "99999999999999999999", "1e30k")."""
    s = "".join((text or "").split()).lower()
    if not s:
        return None
    if s.startswith("-"):
        raise ValueError("negative")
    if s.endswith("k"):
        try:
            number = Decimal(s[:-1].replace(",", ".")) * 1000
        except InvalidOperation:
            raise ValueError(text) from None
    elif s.endswith("m") and s[:-1].replace(",", ".").replace(".", "", 1).isdigit():
        number = Decimal(s[:-1].replace(",", ".")) * 1_000_000
    else:
        digits = s.replace(".", "").replace(",", "")
        if not digits.isdigit() or not digits.isascii():
            raise ValueError(text)
        number = Decimal(digits)
    if not number.is_finite() or number < 0:  # "infk", "nank": no number at all
        raise ValueError(text)
    if number > MAX_COUNT:
        raise CountTooLarge(text)
    return int(number)


def valid_url(text: str) -> bool:
    try:
        parts = urlsplit(text.strip())
    except ValueError:
        return False
    host = parts.hostname or ""
    return parts.scheme in ("http", "https") and "." in host and not any(c.isspace() for c in text.strip())


def parse_tags(text: str) -> list[str]:
    """"sieraden, mama lifestyle" -> ["sieraden", "mama", "lifestyle"] (lower case, no doubles)."""
    out = []
    for part in re.split(r"[,;\s]+", text or ""):
        tag = part.strip().lstrip("#").lower()
        if tag and tag not in out:
            out.append(tag)
    return out


# --- influencer ----------------------------------------------------------------------

@dataclass
class HandleInput:
    platform: str
    text: str
    followers: str


def validate_person(
    values: dict,
    handle_inputs: list[HandleInput],
    existing_handle: Callable[[str, str], tuple[int, str] | None],
    person_id: int | None = None,
) -> tuple[dict[str, str], dict]:
    """Check the influencer form. ``existing_handle(platform, name)`` returns the
    (id, name) of the person who already has that handle, or None."""
    errors: dict[str, str] = {}
    name = clean_name(values.get("name") or "")  # zero-width spaces alone are no name
    email = (values.get("email") or "").strip()
    if email and not EMAIL.match(email):
        errors["email"] = _("“{email}” is not an email address.").format(email=email)
    cleaned_handles = []
    for h in handle_inputs:
        key = f"handle_{h.platform}"
        try:
            normalised = handle_rules.normalise(h.platform, h.text)
        except handle_rules.HandleError as exc:
            errors[key] = str(exc)
            normalised = ""
        try:
            followers = parse_count(h.followers)
        except CountTooLarge:
            errors[f"followers_{h.platform}"] = _(
                "“{text}” is more followers than anyone has: fill in at most 10 billion.").format(text=h.followers.strip())
            followers = None
        except ValueError as exc:
            errors[f"followers_{h.platform}"] = (
                _("The number of followers can't be negative.") if str(exc) == "negative"
                else _("“{text}” is not a number of followers.").format(text=h.followers.strip()))
            followers = None
        if followers is not None and not normalised and key not in errors:
            errors[key] = _("Fill in the handle that goes with these followers.")
        if normalised:
            owner = existing_handle(h.platform, normalised)
            if owner is not None and owner[0] != person_id:
                errors[key] = _("{handle} on {platform} already belongs to {name}.").format(
                    handle=handle_rules.display(h.platform, normalised),
                    platform=handle_rules._platform_name(h.platform), name=owner[1])
            cleaned_handles.append((h.platform, normalised, followers, handle_rules.profile_url(h.platform, normalised)))
    if not name:
        # Somebody known only by her handle is saved by it ("@juulsjewels_"): the lists show the
        # handle, a message greets her without a name (names.greeting_name), and the owner
        # need not make a name up (review of the Influencers pane). A social handle before a blog.
        social = [h for h in cleaned_handles if h[0] != "blog"] or cleaned_handles
        if social:
            name = handle_rules.display(social[0][0], social[0][1])
        elif not any(k.startswith("handle_") for k in errors):
            # TRANSLATORS: the influencer form, under the name: neither a name nor a handle was filled in.
            errors["name"] = _("Fill in a name or a handle.")
    cleaned = {
        "name": name,
        "email": email,
        "phone": (values.get("phone") or "").strip(),
        "whatsapp": (values.get("whatsapp") or "").strip(),
        "street": (values.get("street") or "").strip(),
        "postcode": (values.get("postcode") or "").strip().upper(),
        "city": (values.get("city") or "").strip(),
        "country": values.get("country") or "NL",
        "language": values.get("language") or "nl",
        "address_form": values.get("address_form") or default_form(values.get("country"), values.get("language"),
                                                                    influencer=True),
        "notes": values.get("notes") or "",
        "tags": parse_tags(values.get("tags") or ""),
        "handles": cleaned_handles,
    }
    return errors, cleaned


# --- collaboration -------------------------------------------------------------------

@dataclass
class DeliverableInput:
    kind: str
    count: int
    deadline: date | None
    id: int | None = None  # the stored deliverable this row edits


@dataclass
class GiftInput:
    """A row of the products given: a product of the catalogue, how many, one piece's value as typed."""

    name: str
    quantity: int
    value_text: str
    product_id: int | None = None


def _check_gifts(gifts: list[GiftInput], money_locale: Locale | str, errors: dict[str, str]) -> list[Gift]:
    """The products given, cleaned; a row's problem as ``gift_<row>``, the first also as ``gifts``."""
    cleaned = []
    for i, g in enumerate(gifts):
        try:
            value = parse_money(g.value_text, money_locale)
        except MoneyError as exc:
            errors[f"gift_{i}"] = str(exc)
            value = None
        if g.quantity < 1:
            errors[f"gift_{i}"] = _("The number must be at least 1.")
        cleaned.append(Gift(name=" ".join(g.name.split()), quantity=g.quantity, value_cents=value,
                            product_id=g.product_id))
    first = next((v for k, v in errors.items() if k.startswith("gift_")), None)
    if first is not None:
        errors["gifts"] = first
    return cleaned


def validate_collaboration(
    values: dict,
    deliverables: list[DeliverableInput],
    *,
    person_status: str,
    is_new: bool,
    agreed: bool,
    changed: bool,
    money_locale: Locale | str,
    gifts: list[GiftInput] | None = None,
) -> tuple[dict[str, str], dict]:
    """Check the collaboration editor.

    ``agreed``: the collaboration was already agreed before this edit (a change needs a
    reason); ``changed``: the terms differ from what was stored; ``money_locale``: the
    locale the owner typed the fee and costs in (see ``money.parse_money``).
    """
    errors: dict[str, str] = {}
    agreed_on: date | None = values.get("agreed_on")
    money = {}
    for key in ("fee", "product_cost", "shipping"):
        try:
            money[key] = parse_money(values.get(key), money_locale) or 0
        except MoneyError as exc:
            money[key] = 0
            errors[key] = str(exc)
    cleaned_gifts = _check_gifts(gifts or [], money_locale, errors)
    if not deliverables:
        errors["deliverables"] = _("Add at least one deliverable: what will be posted?")
    if dates.implausible(agreed_on):
        errors["agreed_on"] = dates.implausible(agreed_on)
    for i, d in enumerate(deliverables):
        if d.count < 1:
            errors[f"deliverable_{i}"] = _("The number must be at least 1.")
        elif d.deadline is None:
            errors[f"deliverable_{i}"] = _("Give this deliverable a deadline.")
        elif dates.implausible(d.deadline):
            errors[f"deliverable_{i}"] = dates.implausible(d.deadline)
        elif agreed_on and "agreed_on" not in errors and d.deadline < agreed_on:
            errors[f"deliverable_{i}"] = _("The deadline is before the agreement date.")
    if not errors.get("deliverables") and any(k.startswith("deliverable_") for k in errors):
        errors["deliverables"] = next(v for k, v in errors.items() if k.startswith("deliverable_"))
    exclusivity_days = int(values.get("exclusivity_days") or 0)
    category = (values.get("exclusivity_category") or "").strip()
    if exclusivity_days and not category:
        errors["exclusivity_category"] = _("Name the product category she may not promote for other brands (e.g. jewellery).")
    if is_new and person_status != "active" and not values.get("override"):
        errors["override"] = (
            _("This influencer is blocked. Tick the box to make an exception anyway.") if person_status == "blocked"
            else _("This influencer is inactive because of strikes. Tick the box to make an exception anyway."))
    change_reason = (values.get("change_reason") or "").strip()
    if agreed and changed and not change_reason:
        errors["change_reason"] = _("This agreement has already been made: say why it is changing.")
    cleaned = {
        "title": " ".join((values.get("title") or "").split()),
        "agreed_on": agreed_on,
        "fee_cents": money["fee"],
        "product_cost_cents": money["product_cost"],
        "shipping_cents": money["shipping"],
        "products": (values.get("products") or "").strip(),
        "gifts": cleaned_gifts,
        "required_mentions": split_tags(values.get("required_mentions") or "", "@"),
        "required_hashtags": split_tags(values.get("required_hashtags") or "", "#"),
        "disclosure_required": bool(values.get("disclosure_required", True)),
        "exclusivity_days": exclusivity_days,
        "exclusivity_category": category,
        "dos": values.get("dos") or "",
        "donts": values.get("donts") or "",
        "approval_required": bool(values.get("approval_required")),
        "response_days": max(1, int(values.get("response_days") or 3)),
        "consequence": (values.get("consequence") or "").strip(),
        "status": values.get("status") or "proposed",
        "requested_by": values.get("requested_by") or "shop",
        "change_reason": change_reason,
        "confirmed": bool(values.get("confirmed")),
    }
    return errors, cleaned


# --- content -------------------------------------------------------------------------

RESULT_FIELDS = ("views", "likes", "comments", "link_clicks", "code_uses")


def validate_content(values: dict, today: date, *, money_locale: Locale | str) -> tuple[dict[str, str], dict]:
    """Check the content form; ``today``: the owner's own day (a post logged just after her
    midnight is not "in the future" because UTC is still on yesterday); ``money_locale``:
    the locale the revenue was typed in."""
    errors: dict[str, str] = {}
    url = (values.get("url") or "").strip()
    if not url:
        errors["url"] = _("Paste the link to the post.")
    elif not valid_url(url):
        errors["url"] = _("“{url}” is not a web link (it should start with https://).").format(url=url)
    elif handle_rules.is_profile_link(url):
        errors["url"] = _("This is the link to a profile, not to what was posted: paste the link of the post itself.")
    platform = values.get("platform") or handle_rules.platform_of_url(url) or ""
    posted_on: date | None = values.get("posted_on")
    if posted_on and posted_on > today:
        errors["posted_on"] = _("The posting date is in the future.")
    elif dates.implausible(posted_on):
        errors["posted_on"] = dates.implausible(posted_on)
    results = {}
    for key in RESULT_FIELDS:
        try:
            results[key] = parse_count(values.get(key) or "")
        except CountTooLarge:
            results[key] = None
            errors[key] = _("“{text}” is more than any post gets: fill in at most 10 billion.").format(
                text=(values.get(key) or "").strip())
        except ValueError:
            results[key] = None
            errors[key] = _("Fill in a whole number of 0 or more.")
    try:
        results["revenue_cents"] = parse_money(values.get("revenue"), money_locale)
    except MoneyError as exc:
        results["revenue_cents"] = None
        errors["revenue"] = str(exc)
    cleaned = {"url": url, "platform": platform, "posted_on": posted_on, "caption": values.get("caption") or "",
               **results}
    return errors, cleaned


# --- strikes, ratings, endings -------------------------------------------------------

def validate_strike(values: dict) -> tuple[dict[str, str], dict]:
    errors: dict[str, str] = {}
    link = (values.get("link") or "").strip()
    note = (values.get("note") or "").strip()
    if link and not valid_url(link):
        errors["link"] = _("“{url}” is not a web link (it should start with https://).").format(url=link)
    reason = values.get("reason") or ""
    if not reason:
        errors["reason"] = _("Choose a reason.")
    elif reason == "other" and not note:
        errors["note"] = _("Describe what happened: you chose “Other reason”.")
    return errors, {"reason": reason, "evidence": "\n".join(x for x in (link, note) if x),
                    "event_ids": list(values.get("event_ids") or []),
                    "evidence_ids": [int(i) for i in values.get("evidence_ids") or []]}


def validate_rating(values: dict) -> tuple[dict[str, str], dict]:
    errors: dict[str, str] = {}
    cleaned = {}
    for key in ("communication", "quality", "punctuality", "result"):
        stars = int(values.get(key) or 0)
        if not 1 <= stars <= 5:
            errors[key] = _("Give 1 to 5 stars.")
        cleaned[key] = stars
    cleaned["work_again"] = bool(values.get("work_again"))
    cleaned["note"] = (values.get("note") or "").strip()
    return errors, cleaned


def validate_reason(values: dict) -> tuple[dict[str, str], dict]:
    reason = (values.get("reason") or "").strip()
    errors = {} if reason else {"reason": _("Say why, so you remember it later.")}
    return errors, {"reason": reason}
