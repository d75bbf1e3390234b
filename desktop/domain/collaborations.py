"""Collaborations: the status pipeline, the written terms and their change history, and
what a collaboration cost against what it brought in. Pure Python.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from desktop.i18n import N_, _

PIPELINE = ("proposed", "agreed", "shipped", "received", "posted", "done")
ENDINGS = ("ended", "failed")
CLOSED = ("done", "ended", "failed")


def is_open(status: str) -> bool:
    return status not in CLOSED


def is_agreed(status: str) -> bool:
    """From "agreed" on, the terms are a promise: changes are kept as versions."""
    return status != "proposed"


def next_statuses(status: str) -> list[str]:
    """Where a collaboration can go from ``status`` (itself included, first).

    Forward along the pipeline (steps may be skipped: a post can come before the
    "received" message), one step back to undo a slip, or an early end. A closed
    collaboration stays closed; "done" can still be marked "not delivered" when content
    turns out to be removed.
    """
    if status in ENDINGS:
        return [status]
    if status == "done":
        return ["done", "failed"]
    i = PIPELINE.index(status) if status in PIPELINE else 0
    back = [PIPELINE[i - 1]] if i > 0 else []
    return [status, *PIPELINE[i + 1:], *back, *ENDINGS]


# The terms of an agreement, in the order they are shown; labels for the change history.
TERM_LABELS = {
    "title": N_("Title"),
    "products": N_("Products given"),
    "gifts": N_("Products from the catalogue"),
    "fee_cents": N_("Fee"),
    "deliverables": N_("Deliverables"),
    "required_mentions": N_("Required mentions"),
    "required_hashtags": N_("Required hashtags"),
    "disclosure_required": N_("Disclosure required"),
    "exclusivity_days": N_("Exclusivity (days)"),
    "exclusivity_category": N_("Exclusivity category"),
    "dos": N_("Do's"),
    "donts": N_("Don'ts"),
    "approval_required": N_("Approval before posting"),
    "response_days": N_("Response time (days)"),
    "consequence": N_("Consequence"),
}


# The terms kept as columns of the collaboration itself (the others are rows of their own).
COLUMN_TERMS = tuple(key for key in TERM_LABELS if key not in ("deliverables", "gifts"))


@dataclass(frozen=True)
class Gift:
    """A product given in a collaboration: from the catalogue (``product_id``) or, when the
    product left the catalogue since, by the name it had. ``value_cents`` is one piece."""

    name: str
    quantity: int = 1
    value_cents: int | None = None
    product_id: int | None = None


def gifts_total(gifts) -> int:
    """What the products given are worth together, in cents (a piece without a value counts 0)."""
    return sum((g.value_cents or 0) * g.quantity for g in gifts)


def gifts_words(gifts, other: str, item: Callable[[int, str], str]) -> str:
    """The products given as one line: ``item(quantity, name)`` for each product of the
    catalogue, then what was typed by hand (``other``), e.g. "2× Ketting Luna, Armband Zon"."""
    parts = [item(g.quantity, g.name) if g.quantity != 1 else g.name for g in gifts]
    if other.strip():
        parts.append(other.strip())
    return ", ".join(parts)


def terms(values: dict, deliverables: list[tuple[str, int, date | None]], gifts=()) -> dict:
    """A comparable snapshot of the agreed terms (JSON-friendly)."""
    snapshot = {key: values.get(key) for key in COLUMN_TERMS}
    snapshot["gifts"] = [[g.name, int(g.quantity), g.value_cents] for g in gifts]
    snapshot["required_mentions"] = list(snapshot.get("required_mentions") or [])
    snapshot["required_hashtags"] = list(snapshot.get("required_hashtags") or [])
    snapshot["deliverables"] = [
        [kind, int(count), deadline.isoformat() if deadline else None] for kind, count, deadline in deliverables
    ]
    return snapshot


def diff(old: dict, new: dict) -> dict[str, list]:
    """{term: [old, new]} for every term that changed."""
    return {key: [old.get(key), new.get(key)] for key in TERM_LABELS if old.get(key) != new.get(key)}


def describe_value(key: str, value, format_money, format_date, deliverable_label) -> str:
    """One term value as text, for the change history ("old -> new")."""
    if value is None or value == "" or value == []:
        return _("(none)")
    if key == "fee_cents":
        return format_money(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key == "gifts":
        return "; ".join(_("{quantity}× {product} ({value})").format(
            quantity=quantity, product=name, value=format_money(value) if value is not None else _("no value"))
            for name, quantity, value in value)
    if key == "deliverables":
        parts = []
        for kind, count, deadline in value:
            when = format_date(date.fromisoformat(deadline)) if deadline else _("no deadline")
            parts.append(_("{count}× {kind} by {date}").format(count=count, kind=deliverable_label(kind), date=when))
        return "; ".join(parts)
    if isinstance(value, list):
        return " ".join(str(v) for v in value)
    return str(value)


@dataclass(frozen=True)
class CostReturn:
    product_cents: int
    shipping_cents: int
    fee_cents: int
    revenue_cents: int
    # Products were given whose cost price nobody filled in (the catalogue's cost price, or
    # the collaboration's "Product cost" while no parcel names them): what they are worth in
    # the shop (0 when that is unknown too). None when every product's cost is known, or
    # none was given. A gift's cost is then not known: never "products € 0.00" (review of the
    # two-week walk).
    unpriced_value_cents: int | None = None

    @property
    def products_unpriced(self) -> bool:
        return self.unpriced_value_cents is not None

    @property
    def cost_cents(self) -> int:
        """What it cost; without the products while their cost is not known (``products_unpriced``)."""
        products = 0 if self.products_unpriced else self.product_cents
        return products + self.shipping_cents + self.fee_cents

    @property
    def net_cents(self) -> int:
        return self.revenue_cents - self.cost_cents

    @property
    def return_ratio(self) -> float | None:
        """Revenue per euro spent (1.0 = break even); None when nothing was spent, or when
        the products' cost is not known (a ratio to part of the cost would flatter it)."""
        return None if self.cost_cents <= 0 or self.products_unpriced else self.revenue_cents / self.cost_cents


def cost_and_return(product_cents: int | None, shipping_cents: int | None, fee_cents: int | None,
                    revenues: list[int | None], unpriced_value_cents: int | None = None) -> CostReturn:
    return CostReturn(int(product_cents or 0), int(shipping_cents or 0), int(fee_cents or 0),
                      sum(int(r) for r in revenues if r), unpriced_value_cents)


def delivered(count: int, contents_logged: int) -> bool:
    """A deliverable of ``count`` pieces is delivered when that many pieces were logged."""
    return contents_logged >= max(1, count)


def split_tags(text: str, prefix: str) -> list[str]:
    """"#a, b  #c" -> ["#a", "#b", "#c"] (for required hashtags "#" and mentions "@")."""
    out = []
    for part in text.replace(",", " ").split():
        part = part.strip()
        if not part or part in ("#", "@"):
            continue
        tag = prefix + part.lstrip("#@")
        tag = tag.lower()
        if tag not in out:
            out.append(tag)
    return out
