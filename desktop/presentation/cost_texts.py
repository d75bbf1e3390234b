"""What a collaboration cost and brought in, in words (the influencer pane's line under it).

A cost that is not known is said to be unknown, never shown as € 0.00: products given
without a cost price (a catalogue exported without costs, "Product cost" left empty) are
named with what they are worth in the shop, and the total says it leaves them out (review
of the two-week walk: "producten € 0,00" under every gift). Amounts that are nothing (no
fee, no revenue measured) are left out.
"""

from __future__ import annotations

from desktop import i18n
from desktop.domain.collaborations import CostReturn
from desktop.i18n import _


def cost_line(cost: CostReturn) -> str:
    """ "Cost € 18.95 (products € 9.00, shipping € 9.95) · revenue € 40.00 · brought in 2.1×
    the cost"; "" when there is nothing to say."""
    money = i18n.format_money
    parts = []
    if not cost.products_unpriced and cost.product_cents:
        # TRANSLATORS: a part of a collaboration's cost: what the products given cost the shop.
        parts.append(_("products {amount}").format(amount=money(cost.product_cents)))
    if cost.shipping_cents:
        # TRANSLATORS: a part of a collaboration's cost: what sending the parcel cost.
        parts.append(_("shipping {amount}").format(amount=money(cost.shipping_cents)))
    if cost.fee_cents:
        # TRANSLATORS: a part of a collaboration's cost: the fee paid to the influencer.
        parts.append(_("fee {amount}").format(amount=money(cost.fee_cents)))
    said = []
    if parts and cost.products_unpriced:
        # TRANSLATORS: influencer pane, a collaboration's cost while the cost price of the products
        # given is not filled in: {cost} is the rest ("€ 9.95"), {parts} what it is made of
        # ("shipping € 9.95, fee € 25.00").
        said.append(_("Cost without the products {cost} ({parts})").format(
            cost=money(cost.cost_cents), parts=", ".join(parts)))
    elif parts:
        # TRANSLATORS: influencer pane, a collaboration's cost: {cost} the total, {parts} what it is
        # made of ("products € 9.00, shipping € 9.95, fee € 25.00").
        said.append(_("Cost {cost} ({parts})").format(cost=money(cost.cost_cents), parts=", ".join(parts)))
    if cost.products_unpriced:
        value = cost.unpriced_value_cents
        if parts:
            # TRANSLATORS: after "Cost without the products € 9.95 (shipping € 9.95)": the products'
            # cost price is empty (the catalogue or the collaboration); {value} is their price in the shop.
            said.append(_("products: cost price not filled in (shop value {value})").format(value=money(value))
                        if value else _("products: cost price not filled in"))
        else:
            # TRANSLATORS: influencer pane, a collaboration that cost nothing else than products whose
            # cost price is empty; {value} is their price in the shop.
            said.append(_("Cost: the products' cost price is not filled in (shop value {value})").format(
                value=money(value)) if value else _("Cost: the products' cost price is not filled in"))
    if cost.revenue_cents:
        said.append(_("revenue {amount}").format(amount=money(cost.revenue_cents)))
        if cost.return_ratio is not None:
            # TRANSLATORS: what a collaboration's sales came to, against what it cost: "brought in 2.5× the cost"
            said.append(_("brought in {ratio}× the cost").format(ratio=i18n.format_number(round(cost.return_ratio, 1))))
    return " · ".join(said)


__all__ = ["cost_line"]
