"""The words of an Edit → Undo (or Redo) the journal refused because the data it touched
was changed since (``store.journal.ChangedSince``): what changed, line by line, and that
nothing was taken back.

A step is refused, not taken back in part: she reads what was done since (an order moved
on, a message sent, a parcel made) and decides herself what still needs changing.
"""

from __future__ import annotations

from datetime import date

from desktop import clock, i18n
from desktop.i18n import _, ngettext
from desktop.labels import label
from desktop.presentation import event_texts
from desktop.store import journal, lookups
from desktop.store.shipping import title_of

# The most lines the dialog lists; the rest is counted.
MOST_LINES = 6

# A custom order's columns by the label of their field in the order form.
_ORDER_FIELDS = {
    "status": lambda: _("Status"),
    "promised_ready": lambda: _("Ready by"),
    "promised_delivery": lambda: _("Deliver by"),
    "personalisation": lambda: _("Personalisation"),
    "font": lambda: _("Font"),
    "colour": lambda: _("Colour"),
    "size": lambda: _("Size"),
    "note": lambda: _("Note"),
    "quantity": lambda: _("Quantity"),
    "price_cents": lambda: _("Price"),
    "deposit_cents": lambda: _("Deposit paid"),
    "ordered_on": lambda: _("Ordered on"),
    "order_number": lambda: _("Shop order number"),
    "product_id": lambda: _("Product"),
    "person_id": lambda: _("Customer"),
    "checklist": lambda: _("To do (only for you)"),
    # the delivery typed in the form: one field for her, whichever of its parts changed
    **dict.fromkeys(("ship_name", "ship_street", "ship_postcode", "ship_city", "ship_country"),
                    lambda: _("Deliver to another address")),
}


# --- what Edit → Undo names a step of Maatwerk by ---------------------------------------------

def order_moved(number: str, name: str, status: str) -> str:
    """A status move: "order #1038 for Kevin Jacobs set to “Cancelled”"."""
    shown = label("order_status", status)
    if number:
        # TRANSLATORS: Edit → Undo "…": a custom order moved to another status.
        return _("order {number} for {name} set to “{status}”").format(number=number, name=name, status=shown)
    # TRANSLATORS: Edit → Undo "…": a custom order without a shop number moved to another status.
    return _("the order for {name} set to “{status}”").format(name=name, status=shown)


def order_shipped(number: str, name: str, again: bool) -> str:
    """A custom order shipped (its parcel made, the order "Shipped"): "order #1038 for Kevin
    Jacobs shipped"; ``again``: a new parcel after one that got lost or came back (undoing it
    takes out that new parcel, never the one that did not arrive)."""
    if number and again:
        # TRANSLATORS: Edit → Undo "…": a custom order sent again in a new parcel, after its parcel got lost or
        # came back ("Undo order #1038 for Kevin Jacobs shipped again").
        return _("order {number} for {name} shipped again").format(number=number, name=name)
    if number:
        # TRANSLATORS: Edit → Undo "…": a custom order shipped ("Undo order #1038 for Kevin Jacobs shipped").
        return _("order {number} for {name} shipped").format(number=number, name=name)
    if again:
        # TRANSLATORS: Edit → Undo "…": a custom order without a shop number sent again in a new parcel.
        return _("the order for {name} shipped again").format(name=name)
    # TRANSLATORS: Edit → Undo "…": a custom order without a shop number shipped.
    return _("the order for {name} shipped").format(name=name)


def order_message_sent(number: str, name: str, message: str) -> str:
    """A message to the customer marked sent: "message “Order ready” about order
    #1038 for Kevin Jacobs marked sent" (``message``: its kind, as the dialog offers it)."""
    if number:
        # TRANSLATORS: Edit → Undo "…": a message to the customer of a custom order marked sent; {message} is
        # the kind of message as the message dialog names it ("Order ready").
        return _("message “{message}” about order {number} for {name} marked sent").format(
            message=message, number=number, name=name)
    # TRANSLATORS: Edit → Undo "…": the same, for a custom order without a shop number.
    return _("message “{message}” about the order for {name} marked sent").format(message=message, name=name)


def refused(exc: journal.ChangedSince, what: str, undoing: bool) -> str:
    """The whole message: ``what`` (the step's name on Edit → Undo) was not undone (or,
    ``undoing`` False, not redone), what changed since, and that nothing changed."""
    lines = [line for line in (_changed_line(c) for c in exc.changed) if line]
    lines += [line for line in (_added_line(a) for a in exc.added) if line]
    more = len(exc.changed) + len(exc.added) - min(len(lines), MOST_LINES)
    shown = ["• " + line for line in lines[:MOST_LINES]]
    if more > 0:
        # TRANSLATORS: the last line of the list of what changed since a step that Edit → Undo refused.
        shown.append("• " + ngettext("and {n} other change", "and {n} other changes", more).format(n=more))
    if undoing:
        # TRANSLATORS: {what} is what Edit → Undo shows, e.g. "changes to the order for Marieke Hendriks";
        # a list of what changed since follows.
        head = _("“{what}” was not undone. Since then, this changed:").format(what=what)
        tail = _("Undoing it now would put the old data back over that, so nothing was taken back. If something "
                 "is still not right, change it yourself.")
    else:
        # TRANSLATORS: {what} is what Edit → Redo shows; a list of what changed since follows.
        head = _("“{what}” was not redone. Since it was undone, this changed:").format(what=what)
        tail = _("Redoing it now would write over that, so nothing was changed.")
    return "\n".join([head, *shown, "", tail])


def _changed_line(change: journal.RowChanged) -> str:
    """A row the step touched, as it is now: "Order #1041 for Marieke Hendriks: Ready by is
    now 22 Dec 2026"; '' for a row she would not know by a name (counted instead)."""
    row = journal.row_of(change.table, change.rowid)
    subject = _subject(change.table, row) if row is not None else _gone_subject(change.table)
    if not subject:
        return ""
    if change.gone:
        # TRANSLATORS: a line of what changed since a step Edit → Undo refused: {subject} is e.g. "Parcel to Sanne".
        return _("{subject}: removed since").format(subject=subject)
    if change.back:
        # TRANSLATORS: a line of what changed since a step Edit → Undo refused: the record is there again.
        return _("{subject}: added again since").format(subject=subject)
    if change.table != "custom_order":
        # TRANSLATORS: a line of what changed since a step Edit → Undo refused: {subject} is e.g. "Parcel to Sanne".
        return _("{subject}: changed since").format(subject=subject)
    changes = list(dict.fromkeys(_order_field(column, row) for column in change.columns if column in _ORDER_FIELDS))
    if not changes:
        return _("{subject}: changed since").format(subject=subject)
    # TRANSLATORS: a line of what changed since a step Edit → Undo refused: "Order #1041 for Marieke: Ready by is
    # now 22 Dec 2026; Status is now “Shipped”".
    return _("{subject}: {changes}").format(subject=subject, changes="; ".join(changes))


def _order_field(column: str, row: dict) -> str:
    name = _ORDER_FIELDS[column]()
    value = row.get(column)
    if column == "status":
        shown = i18n.quoted(label("order_status", value))
    elif column in ("promised_ready", "promised_delivery"):
        shown = i18n.list_date(date.fromisoformat(str(value)[:10])) if value else ""
    else:
        shown = ""
    if shown:
        # TRANSLATORS: a field of a custom order that changed since a refused undo: "Ready by is now 22 Dec 2026".
        return _("{field} is now {value}").format(field=name, value=shown)
    # TRANSLATORS: a field of a custom order that changed since a refused undo: "Personalisation changed".
    return _("{field} changed").format(field=name)


def _added_line(added: journal.RowAdded) -> str:
    """A row added since about a row the step touched: a timeline line as the timeline
    says it, with its day and kind; another row by what it belongs to."""
    if added.table == "event":
        event = lookups.event(added.rowid)
        if event is None:
            return ""
        # TRANSLATORS: a timeline line added since a step Edit → Undo refused: "23 Nov 2026: Message: Your …".
        return _("{date}: {what}: {text}").format(date=i18n.list_date(clock.to_local(event.at)),
                                                 what=event_texts.what(event.kind, event.fact),
                                                 text=event_texts.line(event))
    subject = _subject(added.table, journal.row_of(added.table, added.rowid))
    # TRANSLATORS: a line of what changed since a step Edit → Undo refused: {subject} is e.g. "Parcel to Sanne".
    return _("{subject}: added since").format(subject=subject) if subject else ""


def _name(person_id) -> str:
    person = lookups.person(person_id)
    return person.name if person is not None else ""


def _subject(table: str, row: dict | None) -> str:
    """What she calls the record in ``row`` of ``table``; '' when it has no name of its own."""
    if row is None:
        return ""
    if table == "shipment_item":
        table, row = "shipment", journal.row_of("shipment", row.get("shipment_id"))
        if row is None:
            return ""
    if table == "custom_order":
        name = _name(row.get("person_id"))
        if row.get("order_number"):
            return _("Order {number} for {name}").format(number=row["order_number"], name=name)
        # TRANSLATORS: a custom order without a shop order number, named in a list of what changed since.
        return _("Order for {name}").format(name=name)
    if table == "shipment":
        # TRANSLATORS: a parcel (Shipments), named in a list of what changed since a step Edit → Undo refused.
        return _("Parcel to {name}").format(name=_name(row.get("person_id")))
    if table == "person":
        # TRANSLATORS: a person's card (name, address…), named in a list of what changed since.
        return _("Details of {name}").format(name=row.get("name") or "")
    if table == "collaboration":
        return _("Collaboration with {name}").format(name=_name(row.get("person_id")))
    if table == "product":
        return _("Product {product}").format(product=i18n.quoted(title_of(row.get("name") or "", row.get("variant"))))
    return ""


def _gone_subject(table: str) -> str:
    """A record removed since, by its kind alone."""
    # TRANSLATORS: a custom order or a parcel removed since a step Edit → Undo refused ("An order: removed since").
    return {"custom_order": lambda: _("An order"), "shipment": lambda: _("A parcel")}.get(table, lambda: "")()
