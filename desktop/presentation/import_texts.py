"""The words of what an import of the shop's products (store/catalogue.py) or orders
(store/shop_orders.py) did, from the counts the store keeps, and of a dropped file that is no
export at all."""

from __future__ import annotations

from datetime import date

from desktop import i18n
from desktop.domain import importers
from desktop.domain import order_importers as rules
from desktop.domain.importers import SPREADSHEET_SUFFIXES
from desktop.i18n import N_, _, format_number, ngettext
from desktop.store.shop_orders import ImportPlan, OrderImportSummary


def summary_lines(summary, limit: int = 50) -> list[str]:
    """What an import did, for people: the counts, each with its details indented under it
    (the prices that went down or up under the products updated, each skipped row with its
    reason under the rows skipped), then the notes about the file.

    ``summary`` has ``new``, ``updated``, ``unchanged``, ``skipped`` and ``notes``
    (store.catalogue.ImportSummary).
    """
    unclear = list(getattr(summary, "unclear", []))
    skipped = len(summary.skipped) + len(unclear)
    down, up = getattr(summary, "prices_down", 0), getattr(summary, "prices_up", 0)
    # TRANSLATORS: after a products import, right under "{n} products updated" (an older export
    # imported after a newer one sets prices back: the owner sees it here).
    prices = [text.format(n=format_number(n)) for n, text in (
        (up, ngettext("{n} of them at a higher price", "{n} of them at a higher price", up)),
        (down, ngettext("{n} of them at a lower price", "{n} of them at a lower price", down))) if n]
    rows = sorted([*summary.skipped, *(_unclear_row(u) for u in unclear)], key=lambda s: s.line)
    # TRANSLATORS: one skipped row of an import: line number, product name, reason.
    reasons = [_("line {line}: {name}: {reason}").format(line=s.line, name=s.name or "?", reason=s.reason)
               for s in rows[:limit]]
    if len(rows) > limit:
        reasons.append(_("… and {n} more").format(n=format_number(len(rows) - limit)))
    counts = [
        (summary.new, ngettext("{n} new product", "{n} new products", summary.new), []),
        (summary.updated, ngettext("{n} product updated", "{n} products updated", summary.updated), prices),
        (summary.unchanged, ngettext("{n} product unchanged", "{n} products unchanged", summary.unchanged), []),
        (skipped, ngettext("{n} row skipped", "{n} rows skipped", skipped), reasons),
    ]
    # A count of nothing is left out ("0 products updated" after a first import, review of the
    # two-week walk); the new products are said when nothing else is. Each detail stays under
    # its own count (review of the imports: a skipped row's reason came under an unrelated note).
    lines = []
    for n, text, details in counts:
        if n:
            lines.append(text.format(n=format_number(n)))
            lines.extend("  " + detail for detail in details)
    lines = lines or [counts[0][1].format(n=format_number(summary.new))]
    found = getattr(summary, "found_by_name", 0)
    if found:
        lines.append(ngettext(
            "{n} product was found by name and variant, as the file or Afspraak has no SKU for it.",
            "{n} products were found by name and variant, as the file or Afspraak has no SKU for them.",
            found).format(n=format_number(found)))
    notes = list(getattr(summary, "notes", [])) + zeros_notes(getattr(summary, "zeros", []),
                                                              getattr(summary, "zeros_unsure", []))
    if getattr(summary, "stored_before", None) == 0:  # an empty catalogue: nothing was kept or found
        first = {}
        for key, column in getattr(summary, "lacking", []):
            said = importers.WORTH_SAYING_FIRST.get(key, importers.WORTH_SAYING[key])
            first[_(importers.WORTH_SAYING[key]).format(column=column)] = _(said).format(column=column) if said else None
        notes = [first.get(note, note) for note in notes if first.get(note, note)]
    lines.extend(notes[:limit])
    if len(notes) > limit:
        lines.append(_("… and {n} more").format(n=format_number(len(notes) - limit)))
    return lines


def zeros_notes(found: list[tuple[str, str]], unsure: list[tuple[int, str, str, str]]) -> list[str]:
    """What the owner hears of SKUs without their leading zeros (``importers.zeros_dropped``):
    ``found`` (the file's SKU, the stored one) each the same product as the one with the other
    SKU, by its name and variant; ``unsure`` (line, the file's SKU, the stored one, the row's
    name) rows whose name is another, added as new products (``ImportSummary.zeros``, ``.zeros_unsure``)."""
    notes = []
    if found:
        short, long = sorted(found[0], key=len)
        # TRANSLATORS: after a products import; {short} and {long} are one SKU ("123", "00123").
        notes.append(ngettext(
            "{n} SKU is written without its leading zeros (“{short}” for “{long}”), as a spreadsheet program "
            "writes a number: Afspraak takes it for the product with the SKU “{long}”. Import the shop's export without opening "
            "it in a spreadsheet first.",
            "{n} SKUs are written without their leading zeros, such as “{short}” for “{long}”, as a spreadsheet "
            "program writes numbers: Afspraak takes each for the product whose SKU has the zeros. Import the shop's "
            "export without opening it in a spreadsheet first.", len(found)).format(
                n=format_number(len(found)), short=short, long=long))
    for line, sku, stored, name in unsure:
        # TRANSLATORS: after a products import; {sku} and {stored} are one SKU with and without zeros.
        notes.append(_(
            "Line {line}: the SKU “{sku}” may be “{stored}” with its leading zeros dropped by a spreadsheet "
            "program, but that product is called something else in Afspraak than “{name}”: this row was "
            "added as a new product.").format(line=line, sku=sku, stored=stored, name=name))
    return notes


def _unclear_row(u: importers.Unclear) -> importers.SkippedRow:
    """Why a row the store could not tie to one product was skipped, in words."""
    if u.in_afspraak > 1:
        reason = ngettext(
            "{n} product in Afspraak has this name and variant, and no SKU tells which one this is",
            "{n} products in Afspraak have this name and variant, and no SKU tells which one this is",
            u.in_afspraak).format(n=format_number(u.in_afspraak))
    else:
        reason = ngettext(
            "{n} row of the file has this name and variant, and no SKU tells which one is the product in Afspraak",
            "{n} rows of the file have this name and variant, and no SKU tells which one is the product in Afspraak",
            u.in_file).format(n=format_number(u.in_file))
    return importers.SkippedRow(u.line, f"{u.name} – {u.variant}" if u.variant else u.name, reason)


def other_shop_text(plan: ImportPlan) -> str:
    """Why a file of another shop's orders is not imported (``ImportPlan.other_shop``): which
    order clashes with which stored one, how many do, and what importing would do."""
    order, stored_day, name = plan.other_shop[0]
    # TRANSLATORS: the stored order a file's order clashes with: its date, and its customer when known.
    stored = _("{date}, {name}").format(date=i18n.format_date(stored_day, "long"), name=name) if name else \
        i18n.format_date(stored_day, "long")
    count = len(plan.other_shop)
    # TRANSLATORS: after "“orders.csv” was not imported." {platform} is Shopify, WooCommerce or Etsy;
    # {number} an order number ("#1001"). Numbers start at #1001 again in a second shop.
    return ngettext(
        "{count} order has the same number as an order of another {platform} shop that is already in Afspraak: "
        "order {number} of {date} (stored: placed on {stored}). Importing it would replace that order. Afspraak "
        "keeps the orders of one shop per platform.",
        "{count} orders have the same numbers as orders of another {platform} shop that are already in "
        "Afspraak, such as order {number} of {date} (stored: placed on {stored}): importing them would replace "
        "those orders. Afspraak keeps the orders of one shop per platform.", count).format(
        count=format_number(count), number=order.number, date=i18n.format_date(order.ordered_on, "long"),
        platform=plan.parsed.platform_name, stored=stored)


def dated_ahead_text(plan: ImportPlan) -> str:
    """Why a file with orders placed on a day still to come is not imported
    (``ImportPlan.dated_ahead``): the first one with its line, and how many there are."""
    order = plan.dated_ahead[0]
    count = len(plan.dated_ahead)
    # TRANSLATORS: after "“orders.csv” was not imported." {number} is an order number ("#1001").
    return ngettext(
        "{count} order is dated on a day still to come: order {number} on line {line} ({date}). Check that date "
        "in the shop and export the orders again.",
        "{count} orders are dated on days still to come, such as order {number} on line {line} ({date}). Check "
        "those dates in the shop and export the orders again.", count).format(
        count=format_number(count), line=order.line, number=order.number, date=i18n.format_date(order.ordered_on, "long"))


def history_text(n: int, before: date, lead_days: int, done: bool) -> str:
    """Orders still open in the shop that are older than the lead time: kept as the
    customers' history, no custom order made (``order_importers.kept_as_history``). Said in
    the preview (``done`` False: what will happen) and in the summary (``done`` True)."""
    if done:
        # TRANSLATORS: after an orders import. {date}: "13 November 2026"; {period}: "10 days",
        # the shop's lead time (Settings). "Custom orders" is the view of that name.
        text = ngettext(
            "{n} order still open in the shop was placed before {date}, longer ago than your lead time "
            "({period}): it was kept as the customer's history, not added to Custom orders, and no reminder "
            "will ask you to send news about it.",
            "{n} orders still open in the shop were placed before {date}, longer ago than your lead time "
            "({period}): they were kept as the customers' history, not added to Custom orders, and no "
            "reminder will ask you to send news about them.", n)
    else:
        # TRANSLATORS: the preview of an orders import, before anything changed. {date}: "13 November
        # 2026"; {period}: "10 days", the shop's lead time (Settings).
        text = ngettext(
            "{n} order still open in the shop was placed before {date}, longer ago than your lead time "
            "({period}): it is kept as the customer's history, not added to Custom orders, and no reminder "
            "will ask you to send news about it. Still making it? Tick it under “Older open orders” with "
            "the date you gave the customer.",
            "{n} orders still open in the shop were placed before {date}, longer ago than your lead time "
            "({period}): they are kept as the customers' history, not added to Custom orders, and no "
            "reminder will ask you to send news about them. Still making one? Tick it under “Older open "
            "orders” with the date you gave the customer.", n)
    return text.format(n=format_number(n), date=i18n.format_date(before, "long"), period=i18n.days_text(lead_days))


# What a note about a column the orders file lacks (``order_importers.MISSING_NOTES``) says
# when none of the file's orders is in Afspraak yet: there are no stored orders to keep
# anything (review of the imports; the products' WORTH_SAYING_FIRST).
FIRST_ORDER_NOTES = {
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "item_price": N_("The file has no column “{column}”: the items are imported without a price."),
    "item_total": N_("The file has no column “{column}”: the items are imported without a price."),
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "item_sku": N_("The file has no column “{column}”: the items are found in the catalogue by their name."),
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "item_quantity": N_("The file has no column “{column}”: each item counts once."),
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "item_meta": N_("The file has no column “{column}”: the items are imported without their personalisation."),
    "item_variations": N_("The file has no column “{column}”: the items are imported without their personalisation."),
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "sent": N_("The file has no column “{column}”: the orders are imported as not sent yet."),
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "cancelled": N_("The file has no column “{column}”: the orders are imported as not cancelled."),
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak before.
    "status": N_("The file has no column “{column}”: the orders are imported as open."),
}


def _first_amounts_note(columns: tuple[str, ...]) -> str:
    quoted = ", ".join(_("“{column}”").format(column=column) for column in columns)
    # TRANSLATORS: after an orders import (or in its preview) of which no order was in Afspraak
    # before; {columns}: "“Total”" or "“Subtotal”, “Total”".
    return ngettext("The file has no column {columns}: the orders are imported without that amount.",
                    "The file has no columns {columns}: the orders are imported without those amounts.",
                    len(columns)).format(columns=quoted)


def order_notes(notes: list[str], lacking, stored: bool) -> list[str]:
    """The notes of an orders file (``ParsedOrders.notes``, ``.lacking``) for the owner: when
    none of its orders is in Afspraak yet (``stored`` False), a lacking column's note says
    what the orders come in with, not what "the orders already in Afspraak" keep (there are none)."""
    if stored:
        return list(notes)
    first = {}
    for what, columns in lacking:
        if what == "amounts":
            first[rules.amounts_note(columns)] = _first_amounts_note(columns)
        elif what in FIRST_ORDER_NOTES:
            first[_(rules.MISSING_NOTES[what]).format(column=columns[0])] = \
                _(FIRST_ORDER_NOTES[what]).format(column=columns[0])
    return [first.get(note, note) for note in notes]


def older_file_notes(cancelled: int, kept: int) -> list[str]:
    """What the owner is told of a file older than an earlier import
    (``order_importers.shows_older``): ``cancelled`` orders it reads as not cancelled, which
    stay cancelled; ``kept`` orders already stored that it reads otherwise (those too), which
    stay as stored, their customers' addresses too (``ImportPlan.cancelled_before``,
    ``.older_kept``; the summary's counts of them)."""
    notes = []
    if cancelled:
        # TRANSLATORS: an orders import; the file's orders are older than what Afspraak holds.
        notes.append(ngettext(
            "{n} order is cancelled in Afspraak but not in this file. An import never undoes a cancellation: "
            "usually the file is older than an earlier import. If you reopened the order in your shop, reopen it "
            "here too (Custom orders → More → Reopen the order).",
            "{n} orders are cancelled in Afspraak but not in this file. An import never undoes a cancellation: "
            "usually the file is older than an earlier import. If you reopened them in your shop, reopen them "
            "here too (Custom orders → More → Reopen the order).", cancelled).format(n=format_number(cancelled)))
    if kept:
        # TRANSLATORS: an orders import whose file was exported before one imported earlier.
        notes.append(ngettext(
            "This file is older than an earlier import: {n} order that was already in Afspraak and looks different "
            "in this file stays as it was (its status, delivery address, amounts and items), and its customer keeps the "
            "address Afspraak has.",
            "This file is older than an earlier import: {n} orders that were already in Afspraak and look different "
            "in this file stay as they were (their status, delivery address, amounts and items), and their customers keep the "
            "addresses Afspraak has.", kept).format(n=format_number(kept)))
    return notes


def preview_notes(plan: ImportPlan) -> list[str]:
    """The notes under an orders import's preview: the file's (``order_notes``), then what an
    older file leaves as stored (``older_file_notes``); for a file
    without items the preview's line says what it holds (``no_items_text``), and this only
    where to find the items."""
    parsed = plan.parsed
    notes = order_notes(parsed.notes, parsed.lacking, bool(plan.updated_orders or plan.unchanged_orders))
    notes += older_file_notes(len(plan.cancelled_before), len(plan.older_kept))
    # TRANSLATORS: under the orders import preview of Etsy's "Sold Orders" download (orders without items).
    hint = _("For custom orders, import Etsy's “Sold Order Items” download: it names the items and their "
             "personalisation.")
    return [hint if note == _(rules.NO_ITEMS_NOTE) else note for note in notes]


def no_items_text(n: int) -> str:
    """The preview's line for a file of orders without their items (Etsy's "Sold Orders"):
    nothing to tick, so what the file holds and what importing does."""
    # TRANSLATORS: the orders import preview of a file of orders without their items (Etsy's "Sold Orders").
    return ngettext(
        "This file lists {n} order without its items: importing keeps it as the customer's history, and no "
        "custom order is made from it.",
        "This file lists {n} orders without their items: importing keeps them as the customers' history, and no "
        "custom orders are made from them.", n).format(n=format_number(n))


def order_counts(new: int, updated: int, unchanged: int, new_customers: int, known_customers: int,
                 custom_orders: int = 0) -> list[str]:
    """The counts of an orders import (its preview, its summary), each only when it is
    something, as for products (review of the imports: "0 orders updated · 0 orders unchanged
    · 0 known customers" after a first import); the new orders when nothing else is."""
    counts = [
        (new, ngettext("{n} new order", "{n} new orders", new)),
        (updated, ngettext("{n} order updated", "{n} orders updated", updated)),
        (unchanged, ngettext("{n} order unchanged", "{n} orders unchanged", unchanged)),
        (new_customers, ngettext("{n} new customer", "{n} new customers", new_customers)),
        (known_customers, ngettext("{n} known customer", "{n} known customers", known_customers)),
        (custom_orders, ngettext("{n} new custom order", "{n} new custom orders", custom_orders)),
    ]
    return [text.format(n=format_number(n)) for n, text in counts if n] or [counts[0][1].format(n=format_number(new))]


def order_summary_lines(summary: OrderImportSummary, limit: int = 20, lacking=()) -> list[str]:
    """What an orders import did, for people (the window and ``afspraak import``);
    ``lacking``: the file's ``ParsedOrders.lacking`` (``order_notes``)."""
    from desktop.presentation import made_to_order_texts  # the custom orders the shop already sent or cancelled

    lines = order_counts(summary.new, summary.updated, summary.unchanged, summary.new_customers, summary.known_customers,
                         summary.custom_orders - summary.custom_sent - summary.custom_cancelled)
    lines += made_to_order_texts.summary_lines(summary.custom_sent, summary.custom_cancelled)
    if summary.moved:
        lines.append(ngettext("{n} custom order updated to match the shop", "{n} custom orders updated to match the shop",
                       summary.moved).format(n=format_number(summary.moved)))
    if summary.merged:
        lines.append(ngettext(
            "{n} duplicate customer removed: the file shows they are the same person as another customer, who now "
            "has their orders (nothing else was stored on the duplicate).",
            "{n} duplicate customers removed: the file shows they are the same people as other customers, who now "
            "have their orders (nothing else was stored on the duplicates).", summary.merged).format(
                n=format_number(summary.merged)))
    if summary.sent_before:
        # TRANSLATORS: after an orders import whose file is older than what was imported before.
        lines.append(ngettext(
            "{n} order is not sent yet in this file but was already stored as sent: the file is older than an "
            "earlier import, so it stays marked as sent.",
            "{n} orders are not sent yet in this file but were already stored as sent: the file is older than an "
            "earlier import, so they stay marked as sent.", summary.sent_before).format(n=format_number(summary.sent_before)))
    if summary.history and summary.history_before is not None:
        lines.append(history_text(summary.history, summary.history_before, summary.history_lead_days, done=True))
    if summary.outside_flanders:
        # TRANSLATORS: after an orders import; Afspraak writes messages in Dutch or English only.
        lines.append(ngettext(
            "{n} new customer lives in Brussels or Wallonia: messages to them are in Dutch (formal). If they do "
            "not read Dutch, choose English for them (Custom orders, Edit…).",
            "{n} new customers live in Brussels or Wallonia: messages to them are in Dutch (formal). If they do "
            "not read Dutch, choose English for them (Custom orders, Edit…).",
            summary.outside_flanders).format(n=format_number(summary.outside_flanders)))
    lines += erased_lines(summary.erased_orders, summary.erased_returned, summary.erased_deliveries)
    notes = order_notes(summary.notes, lacking, bool(summary.updated or summary.unchanged))
    notes += older_file_notes(summary.cancelled_before, summary.older_kept)
    if summary.without_customer:
        notes.append(ngettext(
            "{n} made-to-order item is in an order without a customer: no custom order was made for it.",
            "{n} made-to-order items are in orders without a customer: no custom orders were made for them.",
            summary.without_customer).format(n=format_number(summary.without_customer)))
    lines.extend(notes[:limit])
    if len(notes) > limit:
        lines.append(_("… and {n} more").format(n=format_number(len(notes) - limit)))
    return lines


def erased_lines(orders: int, returned: int, deliveries: int) -> list[str]:
    """What an orders import left out because it was erased on request (store/erasures.py)."""
    lines = []
    if orders:
        # TRANSLATORS: after an orders import; the erasure kept the orders' amounts without a name
        lines.append(ngettext(
            "{n} order left out: it is from somebody erased on request, placed before the erasure (its amounts are "
            "kept without a name).",
            "{n} orders left out: they are from people erased on request, placed before the erasure (their amounts "
            "are kept without a name).", orders).format(n=format_number(orders)))
    if returned:
        lines.append(ngettext(
            "{n} customer erased on request earlier has ordered again since: those newer orders were imported.",
            "{n} customers erased on request earlier have ordered again since: those newer orders were imported.",
            returned).format(n=format_number(returned)))
    if deliveries:
        lines.append(ngettext(
            "The delivery details of {n} order were not imported: its recipient was erased on request.",
            "The delivery details of {n} orders were not imported: their recipients were erased on request.",
            deliveries).format(n=format_number(deliveries)))
    return lines


def erased_preview(orders: int) -> str:
    """The import preview's count of the orders it leaves out, erased on request."""
    # TRANSLATORS: in the orders import preview, beside "3 new orders · 1 new customer"
    return ngettext("{n} order left out (erased on request)", "{n} orders left out (erased on request)",
                    orders).format(n=format_number(orders))


def files_summary(results: list[tuple[str, bool, str]]) -> str:
    """The one summary of a drop of several files: per file (name, imported, what: its
    summary, or why it was not imported) its name and outcome, what it did indented under it;
    then how many were imported, and once that the others changed nothing. The window shows
    the indented lines as indented paragraphs (``views/dialogs``), so a wrapped line stays
    under its file (review of the imports)."""
    lines = []
    for name, imported, what in results:
        # TRANSLATORS: one file in the summary of a drop of several files.
        lines.append(_("“{file}”: {outcome}").format(file=name, outcome=_("imported") if imported else _("not imported")))
        lines.extend("    " + line for line in what.splitlines() if line.strip())
    done = sum(1 for _name, imported, _what in results if imported)
    lines.append("")
    lines.append(ngettext("{done} of {n} file imported.", "{done} of {n} files imported.", len(results)).format(
        done=format_number(done), n=format_number(len(results))))
    if done < len(results):
        lines[-1] += " " + _("A file that was not imported changed nothing: each file is imported whole or not at all.")
    return "\n".join(lines)


def not_an_export(name: str, is_dir: bool, suffix: str, alone: bool) -> str:
    """Why a dropped or chosen file is not read: a folder, a spreadsheet workbook (with how
    to make a CSV of it), or another file. ``alone``: the whole message about one file;
    otherwise its line in the summary of several."""
    if is_dir:
        return (_("“{file}” is a folder, not a shop export: drop the export itself (a CSV file) here. "
                  "Nothing was changed.") if alone else
                _("a folder, not a shop export: drop the export itself (a CSV file) here.")).format(file=name)
    if suffix.lower() in SPREADSHEET_SUFFIXES:
        # TRANSLATORS: "Save As" and "CSV" as the spreadsheet programs call them.
        return (_("“{file}” is a spreadsheet, not a shop export: Afspraak reads CSV files. Open it in your "
                  "spreadsheet program and choose Save As → CSV, or download the export from your shop again as "
                  "CSV. Nothing was changed.") if alone else
                _("a spreadsheet, not a shop export: open it in your spreadsheet program and choose Save As → CSV."
                  )).format(file=name)
    return (_("“{file}” is not a shop export: only CSV files (.csv, .txt, .tsv) are imported. Nothing was "
              "changed.") if alone else
            _("not a shop export: only CSV files (.csv, .txt, .tsv) are imported.")).format(file=name)
