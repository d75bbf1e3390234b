"""The words for the custom orders an orders import makes: those still to make apart from
those the shop already sent or cancelled (they come into Maatwerk as shipped or cancelled,
and no ready date is promised for them).

Review of the imports: ticking every product of a Shopify export whose 17 orders were all
sent in 2021 said "17 items become custom orders, promised ready 10 days after they were
ordered" in the preview and "17 new custom orders" after the import."""

from __future__ import annotations

from desktop import i18n
from desktop.i18n import _, ngettext


def already_done_counts(sent: int, cancelled: int) -> list[tuple[int, str]]:
    """(number, words with {n}) for the custom orders an import made as shipped and as
    cancelled: the import's summary and its timeline event (``event_texts``)."""
    return [
        # TRANSLATORS: after an orders import, beside "3 new custom orders": lines of orders the shop
        # already sent, added to Custom orders with the status "Shipped" (nothing to make).
        # One item of a list joined with commas ("20 new orders, 14 custom orders already sent (…), …"):
        # no comma inside it.
        (sent, ngettext("{n} custom order already sent (marked shipped in Custom orders)",
                        "{n} custom orders already sent (marked shipped in Custom orders)", sent)),
        # TRANSLATORS: after an orders import: lines of orders cancelled in the shop, added to Custom
        # orders with the status "Cancelled". One item of a list joined with commas: no comma inside it.
        (cancelled, ngettext("{n} custom order cancelled in the shop (marked cancelled in Custom orders)",
                             "{n} custom orders cancelled in the shop (marked cancelled in Custom orders)",
                             cancelled)),
    ]


def summary_lines(sent: int, cancelled: int) -> list[str]:
    """The lines of an import's summary for its custom orders made as shipped or cancelled
    (none when there are none)."""
    return [text.format(n=i18n.format_number(n)) for n, text in already_done_counts(sent, cancelled) if n]


def preview_text(to_make: int, sent: int, cancelled: int, lead_days: int) -> str:
    """The orders import preview's sentence about the lines ticked as made to order: those
    still to make (promised ready the lead time after the order), those the shop already
    sent, those in cancelled orders; or how to tick when there are none."""
    sentences = []
    if to_make:
        # TRANSLATORS: {period} is "10 days" (or "1 day"): the setting "promised this many days after the order".
        sentences.append(ngettext(
            "{n} item becomes a custom order, promised ready {period} after it was ordered.",
            "{n} items become custom orders, promised ready {period} after they were ordered.",
            to_make).format(n=i18n.format_number(to_make), period=i18n.days_text(lead_days)))
    if sent:
        # TRANSLATORS: the orders import preview, after "3 items become custom orders, promised ready …":
        # items of orders the shop already sent; they are added to Custom orders with the status "Shipped".
        sentences.append(ngettext(
            "{n} item was already sent: it comes into Custom orders as shipped.",
            "{n} items were already sent: they come into Custom orders as shipped.", sent).format(
            n=i18n.format_number(sent)))
    if cancelled:
        # TRANSLATORS: the orders import preview: items of orders cancelled in the shop; they are added to
        # Custom orders with the status "Cancelled".
        sentences.append(ngettext(
            "{n} item is in a cancelled order: it comes into Custom orders as cancelled.",
            "{n} items are in cancelled orders: they come into Custom orders as cancelled.", cancelled).format(
            n=i18n.format_number(cancelled)))
    return " ".join(sentences) or _("No custom orders: tick the products you make to order.")
