"""Maatwerk: the shop's own promises, personalised orders with a promised ready date.

A list sorted by urgency (late first, then by days left), a status filter, and a detail
pane with what to do next: move the status on, send the customer a message, ship, edit.
The rules live in ``domain/orders.py`` and ``domain/order_reminders.py``; the changes in
``store/orders.py``; this module only shows them.
"""

from __future__ import annotations

from datetime import timezone

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.clock import utcnow
from desktop.domain import orders as rules
from desktop.domain import search_text
from desktop.i18n import _, ngettext
from desktop.labels import choices, label
from desktop.store import due, pictures, settings
from desktop.store import orders as store
from desktop.views import dialogs
from desktop.views.base import ListView, plain_label
from desktop.views.rows import Row
from desktop.views.flow import flow_of
from desktop.views.rows import plain_tooltip, shortcut_safe
from desktop.views.timeline_widget import PersonTimeline
from desktop.presentation import address_texts, delivery_texts, errors, event_texts, order_texts, undo_texts
from desktop.views import theme

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import CustomOrder

# The status the main button moves to, and its label, per status.
# The statuses in which an order whose parcels all did not arrive is sent again ("Ship again…":
# rules.can_ship): ready once its parcel came back or got lost, or still shipped from before.
SHIPS_AGAIN = ("ready", *rules.SENT_ON)
NEXT_ACTIONS = {"new": "in_production", "in_production": "ready", "ready": "shipped", "shipped": "delivered"}
_NEXT_LABELS = {
    # TRANSLATORS: buttons on a custom order that move it to its next status ("Ship…" opens the shipping dialog).
    "new": i18n.N_("Start production"),
    "in_production": i18n.N_("Mark as ready"),
    "ready": i18n.N_("Ship…"),
    "shipped": i18n.N_("Mark as delivered"),
}


# An order's product as the list and the pane name it (presentation/order_texts.py).
product_words = order_texts.product_words


# The question after a new order is saved, per message its status opens the dialog on
# (rules.opening_message of the confirmation): none for a message that is not news to her.
AFTER_SAVING = {
    "order_confirmation": i18n.N_("Send the customer an order confirmation now?"),
    "order_ready": i18n.N_("Let the customer know the order is ready?"),
}


GROUPS = {"new": 0, "in_production": 0, "ready": 1, "shipped": 2, "delivered": 3, "cancelled": 4}


def run_dialog(dialog: QDialog) -> int:
    """Show a dialog and wait (tests replace this to fill the dialog in)."""
    return dialog.exec()


def _first_words(text: str) -> str:
    """The first line of a message that says something: past a greeting line ("Hoi Emily,")."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and lines[0].endswith(","):
        return lines[1]
    return lines[0] if lines else ""


def days_left_text(days: int) -> str:
    if days < 0:
        return ngettext("{n} day late", "{n} days late", -days).format(n=-days)
    if days == 0:
        return _("today")
    return ngettext("{n} day left", "{n} days left", days).format(n=days)


def tracking_link_label(url: str) -> QLabel:
    """"Open tracking page" as a link to ``url`` (a web link: ``order_texts.parcel_link``),
    opened in the browser by ``shipments.open_link`` (which opens nothing but web links); the
    link is escaped into the markup, never read as markup itself, and shown whole on hover."""
    from html import escape

    from desktop.views import shipments

    link = QLabel()
    link.setObjectName("parcelLink")
    link.setTextFormat(Qt.RichText)
    link.setText('<a href="{url}">{text}</a>'.format(url=escape(url, quote=True),
                                                    text=escape(_("Open tracking page"))))
    link.setOpenExternalLinks(False)
    link.setTextInteractionFlags(Qt.LinksAccessibleByMouse | Qt.LinksAccessibleByKeyboard)
    link.linkActivated.connect(lambda _href, url=url: shipments.open_link(url))
    link.setToolTip(plain_tooltip(url))
    link.setAccessibleName(_("Open tracking page"))
    return link


class OrdersView(ListView):
    key = "orders"
    pane_tells_time = True  # its reminders ("from …", a due banner): reworded as time passes
    rows_tell_day = True  # "3 dagen te laat", "nog 4 dagen": worded again after her midnight (day_passed)
    # Two-line rows: the promised date over the days left, the product over what to put
    # on it (the one column that may end in "…"; in full in the detail pane).
    two_line_rows = True
    elide_column = 3  # the product over the text to engrave: only the text may end in "…"
    whole_lead = "\n"
    pill_column = 1
    colour_columns = (1, 2)
    # Its dates stay whole ("dinsdag 24 november 2026"): beside "Beloofd bezorgd" they need a
    # pane of 328 px, which on a 1280 px window beside the products panel left the list's
    # products cut ("Naamketting…": silver or gold?). There a date goes under its name.
    fields_wrap = True
    open_subject = Signal(str, int, int)  # from the history: subject_type, subject_id, person_id

    def __init__(self, parent=None):
        self.clock = utcnow  # tests set a fixed clock
        super().__init__(parent)
        # The product over its text needs its name whole: the pane gives way, as far as the
        # influencer pane does (its lines, buttons and fields wrap).
        from desktop.views import theme

        self.detail_scroll.setMinimumWidth(theme.DETAIL_MIN_WIDTH - 90)
        # A row of its own under the title, so the window can stay as narrow as before.
        outer: QVBoxLayout = self.form.layout()
        bar = QHBoxLayout()
        bar.setObjectName("ordersBar")
        self.status_filter = QComboBox(self)
        self.status_filter.setObjectName("statusFilter")
        self.status_filter.addItem(_("Open orders"), "open")
        # What "open" holds, on hover: an order the shop's export showed as sent has no parcel
        # here to follow (rules.running), so it is found under "Shipped" (review of Maatwerk).
        # TRANSLATORS: tooltip of "Open orders" in Maatwerk's "Show" list; “Shipments” and
        # “Shipped” as the sidebar and the status say them.
        self.status_filter.setItemData(0, _(
            "Orders you still have to make or ship, and shipped orders whose parcel you follow in “Shipments”. "
            "Orders your webshop had already sent are under “Shipped”."), Qt.ToolTipRole)
        self.status_filter.addItem(_("All orders"), "all")
        for code, text in choices("order_status"):
            self.status_filter.addItem(text, code)
        self.status_filter.setToolTip(_("Show orders with this status"))
        self.status_filter.setAccessibleName(_("Show orders with this status"))
        self.status_filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(17)
        # Another status chosen: the order shown stays when the list still has it, else the first row.
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh(neighbour=False))
        self.new_button = QPushButton(_("New order…"), self)
        self.new_button.setObjectName("newOrder")
        self.new_button.clicked.connect(self.new_order)
        bar.addWidget(self.new_button)
        # TRANSLATORS: before the Maatwerk list's filter (which orders to show); no colon, like every label
        bar.addWidget(plain_label(_("Show"), wrap=False))
        bar.addWidget(self.status_filter)
        bar.addStretch(1)
        self.settings_button = QPushButton(_("Reminders…"), self)
        self.settings_button.setToolTip(_("When Afspraak reminds you to update a customer"))
        self.settings_button.setObjectName("orderSettings")
        self.settings_button.clicked.connect(self.open_settings)
        bar.addWidget(self.settings_button)
        outer.insertLayout(1, bar)
        self.table.doubleClicked.connect(lambda _index: self.edit_order())
        # The empty page when orders exist but the status chosen at "Show" hides them all:
        # it says so, with the way back (review of Maatwerk, 2026-12-07: the list shrank to
        # its top and the pane said to clear the search field, which was empty).
        self.show_all_button = QPushButton(_("Show all orders"), self)
        self.show_all_button.setObjectName("showAllOrders")
        self.show_all_button.clicked.connect(
            lambda: self.status_filter.setCurrentIndex(self.status_filter.findData("all")))
        self.show_all_button.hide()
        empty_layout = self.empty_text.parentWidget().layout()
        empty_layout.insertWidget(empty_layout.indexOf(self.empty_text) + 1, self.show_all_button, 0, Qt.AlignHCenter)
        # While the list loads again, the order the pane showed (and its place in the list).
        self._following: tuple[int | None, int | None] | None = None

    # --- list ----------------------------------------------------------------------
    def view_title(self):
        return _("Custom orders")

    def headers(self):
        # The shop order number is searchable and heads the detail pane; as a column it
        # would push "days left" and the status off a laptop screen.
        # What is urgent first; product and personalisation may run off a narrow screen.
        # TRANSLATORS: the date the order was promised ready (short: a column on a laptop, a label in the pane).
        return [_("Customer"), _("Status"), _("Ready by"), _("Product")]

    def empty_heading(self):
        return _("No custom orders yet")

    def empty_help(self):
        from desktop.views.rows import without_shortcut

        # The orders of her webshop come in too: said, with the menu's own words (review of the first run).
        # TRANSLATORS: the empty Maatwerk view, after how to add an order; {menu} is a menu path such as
        # "File → Import from the shop…".
        shop = _("Orders from your webshop? {menu} reads its order export (WooCommerce, Shopify or Etsy): each "
                 "made-to-order item becomes a custom order here.").format(
            menu="{} → {}".format(without_shortcut(_("&File")), without_shortcut(_("&Import from the shop…")))
            .replace(" ", "\u00a0"))  # the menu path kept on one line
        return _(
            "Add a personalised order with the date you promised the customer (the “New order…” button above). "
            "Afspraak reminds you to update the customer before that date, not after."
        ) + " " + shop

    def today(self):
        return self.clock().replace(tzinfo=timezone.utc).astimezone(due.owner_zone()).date()

    def load_rows(self):
        today = self.today()
        warn = int(settings.get("delay_warning_days"))
        wanted = self.status_filter.currentData() if hasattr(self, "status_filter") else "open"
        rows = []
        listed = store.listed(wanted)
        # Orders whose parcel did not arrive (lost, returned): said with their status (to ship again).
        gone = store.gone_parcels(o.id for o in listed if o.status in SHIPS_AGAIN)
        # Shipped orders whose parcel is on its way: past their delivery date, a look is due.
        on_the_way = store.on_their_way(o.id for o in listed if o.status == "shipped")
        for o in listed:
            making = o.status in rules.IN_THE_MAKING
            days = rules.days_left(o.promised_ready, today) if making else None
            # A finished order waits for shipping: its promised delivery day is what comes
            # close (audit 12: one ready past its delivery day was not coloured at all); a
            # shipped one's parcel was to arrive by then (review of Maatwerk: "Verzonden",
            # its delivery date a month past, uncoloured).
            to_deliver = (rules.days_left(o.promised_delivery, today)
                          if o.promised_delivery and (o.status == "ready" or o.id in on_the_way) else None)
            promised = o.promised_ready or today
            urgency = (GROUPS.get(o.status, 5), days if days is not None else
                       to_deliver if to_deliver is not None else (promised - today).days, o.id)
            summary = rules.personalisation_summary(o.personalisation, o.font, o.colour, o.size)
            tooltip = _("Order {number}").format(number=o.order_number) if o.order_number else ""
            if to_deliver is not None:  # said on hover: a line under the date took the product's room
                # TRANSLATORS: a finished order's row, on hover: how long until the delivery date
                # promised to the customer ("delivery: 2 days left").
                tooltip = "\n".join(t for t in (tooltip, _("delivery: {days}").format(
                    days=days_left_text(to_deliver))) if t)
            status = order_texts.parcel_state(gone[o.id]) if o.id in gone else label("order_status", o.status)
            # The product over its personalisation; an order without a product names its
            # personalisation on the main line (it stood under an empty one: review of Maatwerk).
            product, engraving = product_words(o), summary
            if not product:
                product, engraving = summary, ""
            rows.append(Row(
                id=o.id,
                cells=[o.person.name, status,
                       i18n.list_date(o.promised_ready) if o.promised_ready else "",
                       product],
                sublines={2: days_left_text(days) if days is not None else "", 3: engraving},
                sort_keys=[o.person.name_key, (GROUPS.get(o.status, 5), o.status), urgency,
                           (o.product.name.lower() if o.product else "")],
                colour=(rules.shipped_colour(to_deliver) if o.status == "shipped" else
                        rules.urgency_colour(days if days is not None else to_deliver, warn)
                        or ("grey" if o.status in rules.FINAL else "")),
                tooltip=tooltip,
                search=search_text.fold(" ".join([o.order_number, o.person.name, o.person.email,
                                                  search_text.phone_forms(o.person.phone),
                                                  o.product.name if o.product else "", summary, o.note,
                                                  label("order_status", o.status)])),
                extra={"urgency": urgency},
            ))
        rows.sort(key=lambda r: r.extra["urgency"])
        return rows

    def refresh(self, neighbour: bool = True) -> None:
        """The list and pane loaded again, the pane on the order it showed (follow_rows; with
        ``neighbour``, one that left the list gives its place to the row that took it)."""
        keep = self.current_id
        self._following = (keep, self.model.index_of(keep) if keep is not None and neighbour else None)
        try:
            super().refresh()
        finally:
            self._following = None
        # Orders exist, just none with the status chosen: say so instead of "no orders yet".
        self._filter_hides_all(not self.model.all_rows and store.any_order())

    def follow_rows(self, keep: int | None) -> None:
        """After the list loaded again, the pane stays on the order it showed; one that left
        the list (cancelled, delivered: not an open order any more) gives its place to the
        row that took it, not to the first row of the list (review of Maatwerk: the pane
        jumped to another customer after "Annuleren")."""
        if keep is None and self._following is not None:
            keep, place = self._following
            rows = self.model.rows
            if keep is not None and self.model.index_of(keep) is None and place is not None and rows:
                keep = rows[min(place, len(rows) - 1)].id
        super().follow_rows(keep)

    def _filter_hides_all(self, hides: bool) -> None:
        """The empty page for "the status chosen at Show hides every order" (with a button
        back to all of them), or for "no orders at all yet"."""
        if hides:
            wanted = self.status_filter.currentData()
            self.pages.setCurrentIndex(0)
            # TRANSLATORS: Maatwerk, when the status chosen at "Show" hides every order
            # ("No orders with the status “Cancelled”").
            title = _("No orders with the status “{status}”").format(status=label("order_status", wanted))
            self.empty_title.setText(_("No open orders") if wanted == "open" else title)
            self.empty_text.setText(_(
                "The list shows only the orders with the status you choose at “Show” above it. Your other orders "
                "are all still there."))
        else:
            self.empty_title.setText(self.empty_heading())
            self.empty_text.setText(self.empty_help())
        self.show_all_button.setVisible(hides)

    def select_order(self, order_id: int) -> bool:
        for i, row in enumerate(self.model.rows):
            if row.id == order_id:
                self.table.selectRow(i)
                if self.current_id != order_id:
                    self.show_detail(order_id)
                return True
        return False

    # --- detail --------------------------------------------------------------------
    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        o = store.find(row_id)
        if o is None:
            return
        person = o.person
        self.add_heading(layout, order_texts.heading(o.order_number, person.name))
        today = self.today()
        making = o.status in rules.IN_THE_MAKING
        days = rules.days_left(o.promised_ready, today) if making else None
        colour = rules.urgency_colour(days, int(settings.get("delay_warning_days")))
        if colour:
            urgency = plain_label(days_left_text(days), bold=True)
            urgency.setObjectName("urgency")
            urgency.setStyleSheet(theme.text_style(colour, bold=True))
            layout.addWidget(urgency)
        self._add_due_banner(layout, o)
        gone = self._add_parcel_gone_banner(layout, o)
        layout.addWidget(self._actions(o, gone))

        status_text = (order_texts.status_with_parcel(o.status, gone.status) if gone is not None
                       else label("order_status", o.status))
        if days is not None:
            status_text = _("{status}, {days}").format(status=status_text, days=days_left_text(days))
        outstanding = (o.price_cents or 0) - (o.deposit_cents or 0)
        self.add_fields(layout, [pair for pair in [
            (_("Status"), status_text),
            (_("Product"), product_words(o) or "—"),
            (_("Personalisation"), o.personalisation),
            (_("Font"), o.font),
            (_("Colour"), o.colour),
            (_("Size"), o.size),
            (_("Price"), i18n.format_money(o.price_cents)),
            (_("Deposit paid"), i18n.format_money(o.deposit_cents)),
            (_("Still to pay"), i18n.format_money(outstanding) if o.price_cents is not None else ""),
            (_("Ordered"), i18n.detail_date(o.ordered_on) if o.ordered_on else ""),
            (_("Ready by"), i18n.detail_date(o.promised_ready) if o.promised_ready else ""),
            (_("Deliver by"), i18n.detail_date(o.promised_delivery) if o.promised_delivery else ""),
        ] if pair[1]])
        if o.note:
            layout.addWidget(plain_label(o.note))
        self._add_parcels(layout, o)

        self.add_section(layout, _("Customer"))
        address = address_texts.address_text(delivery_texts.card_address(person), screen=True)
        form_text = (_("English") if person.language == "en" else
                     _("Dutch, {form}").format(form=_("formal (u)") if person.address_form == "u" else _("informal (je)")))
        # Where the parcel goes, when the shop's order says somewhere else than her address
        # here: a gift's recipient, or another address of hers (review of the import).
        parcel = delivery_texts.parcel_of(o.id, person)
        ship_to = ""
        if delivery_texts.differs_from_card(parcel, person):
            ship_to = "\n".join(p for p in (address_texts.address_text(parcel.address(name=True), screen=True),
                                             parcel.phone) if p)
        self.add_fields(layout, [pair for pair in [
            (_("Name"), person.name), (_("Email"), person.email), (_("Phone"), person.phone),
            (_("Address"), address), (_("Language"), form_text),
            # TRANSLATORS: Maatwerk, a custom order's customer: where the shop's order sends the parcel
            # (a gift's recipient and address, or another address than the customer's own).
            (_("Ship to"), ship_to),
        ] if pair[1]])

        pics = store.pictures_of(o.id)
        if pics:
            self.add_section(layout, _("Reference pictures"))
            row = QHBoxLayout()
            for p in pics[:6]:
                thumb = QLabel()
                try:
                    pixmap = QPixmap(str(pictures.absolute(p.path)))
                except ValueError:
                    pixmap = QPixmap()
                if not pixmap.isNull():
                    thumb.setPixmap(pixmap.scaled(72, 72, Qt.KeepAspectRatio, Qt.SmoothTransformation))
                thumb.setToolTip(plain_tooltip(p.original_name))
                row.addWidget(thumb)
            row.addStretch(1)
            holder = QWidget()
            holder.setLayout(row)
            layout.addWidget(holder)

        self.add_section(layout, _("To do"))
        if not o.checklist:
            layout.addWidget(plain_label(_("Nothing on the list. Add tasks with Edit.")))
        for index, item in enumerate(o.checklist):
            box = QCheckBox(shortcut_safe(str(item.get("text", ""))))  # plain text, but "&" marks a shortcut
            box.setChecked(bool(item.get("done")))
            box.toggled.connect(lambda checked, i=index, oid=o.id: store.toggle_checklist(oid, i, checked))
            layout.addWidget(box)

        self.add_section(layout, _("Promised date history"))
        history = store.date_history(o.id)
        self.add_lines(layout, [
            # TRANSLATORS: one line of the promised-date history, e.g.
            # "23 Nov 2026: ready date 27 Nov 2026 → 4 Dec 2026. The silver arrived late"
            _("{when}: {what} {old} → {new}. {reason}").format(
                when=i18n.list_date(c.changed_at), what=_("ready date") if c.field == "promised_ready" else _("delivery date"),
                old=i18n.list_date(c.old_date) or "—", new=i18n.list_date(c.new_date) or "—", reason=c.reason)
            for c in history
        ], _("The promised dates have not changed."))

        self.add_section(layout, _("Messages sent"))
        events = store.order_events(o.id)
        sent = [e for e in events if e.direction == "out"]
        if not sent:
            layout.addWidget(plain_label(_("No messages sent yet.")))
        from desktop.views.order_message import MESSAGE_LABELS, message_label

        for e in sent:
            # Which message it was ("Vertraging: een nieuwe verwachte datum"), not its greeting,
            # which every message shares; the whole text on hover.
            text = event_texts.shown(e).strip()
            what = message_label(e.step) if e.step in MESSAGE_LABELS else _first_words(text)
            line = plain_label(_("{date} · {channel}: {text}").format(
                date=i18n.list_date(e.at), channel=label("channel", e.channel), text=what))
            if text:
                line.setToolTip(plain_tooltip(text))
            layout.addWidget(line)

        self.add_section(layout, _("History with {name}").format(name=o.person.name))
        history_widget = PersonTimeline(o.person_id)
        history_widget.open_subject.connect(self.open_subject)
        layout.addWidget(history_widget)
        from desktop.views import privacy_actions

        privacy_actions.add_buttons(layout, o.person_id, self, on_erased=self.data_changed.emit)

    def _add_parcels(self, layout: QVBoxLayout, o: CustomOrder) -> None:
        """The order's parcels as Zendingen keeps them (review of Maatwerk: the pane never
        named the carrier, the code or its link, and after a re-send the lost parcel and the
        new one were only in Zendingen): each with its status, carrier, code, the day it went
        out and a link to the carrier's page."""
        shown = order_texts.parcels_shown(o)
        if not shown:
            return
        self.add_section(layout, order_texts.parcels_title(len(shown)))
        for parcel in shown:
            if parcel.title:
                title = plain_label(parcel.title, bold=True)
                title.setObjectName("parcelTitle")
                layout.addWidget(title)
            fields = list(parcel.fields)
            if parcel.link:
                fields.append((_("Link"), tracking_link_label(parcel.link)))
            self.add_fields(layout, fields)

    def _add_due_banner(self, layout: QVBoxLayout, o: CustomOrder) -> None:
        """A reminder due for this order (the same ladder as the tray), with the way to act on it."""
        step = self.due_step(o)
        if not step:
            return
        if step in ("delay_warning", "late"):
            late = o.promised_ready is not None and o.promised_ready < self.today()
            text = (_("The promised date has passed and the order is not ready. Let the customer know, with a new "
                      "date.") if late else
                    _("The promised date is close and the order is not ready. Let the customer know, with a new date if you "
                      "need one."))
            # before the date: the update first, the dialog asks whether it will be late
            purpose = "order_delay" if late else "order_update"
        else:
            text = _("You haven't updated the customer for a while during production. A short update puts their mind at ease.")
            purpose = "order_update"
        banner = QWidget()
        banner.setObjectName("dueBanner")
        banner.setStyleSheet(theme.banner_style("dueBanner", "amber"))
        column = QVBoxLayout(banner)
        column.addWidget(plain_label(text))
        button = QPushButton(_("Write the message…"))
        button.setObjectName("dueAction")
        button.clicked.connect(lambda: self.send_message(purpose))
        column.addWidget(button, 0, Qt.AlignLeft)
        layout.addWidget(banner)

    def _add_parcel_gone_banner(self, layout: QVBoxLayout, o: CustomOrder):
        """Over an order whose parcel did not arrive (lost, returned: Zendingen), to be sent
        again: what happened, and that "Ship again…" sends it in a new parcel, the old one
        kept. Returns that parcel (None for any other order: nothing added)."""
        parcel = store.gone_parcel(o.id) if o.status in SHIPS_AGAIN else None
        if parcel is None:
            return None
        banner = QWidget()
        banner.setObjectName("parcelGoneBanner")
        banner.setStyleSheet(theme.banner_style("parcelGoneBanner", "amber"))
        column = QVBoxLayout(banner)
        # TRANSLATORS: Custom orders, after "The parcel sent on 3 Dec 2026 got lost."; {button} is "Ship again…".
        words = order_texts.parcel_gone(parcel) + " " + _(
            "It stays in Shipments as it is. “{button}” sends the order in a new parcel, with its own tracking "
            "code.").format(button=order_texts.ship_again_label())
        note = plain_label(words)
        note.setObjectName("parcelGone")
        column.addWidget(note)
        layout.addWidget(banner)
        return parcel

    def due_step(self, o: CustomOrder) -> str:
        """The ladder step due now for this order ('delay_warning', 'no_update') or ''."""
        if o.status not in rules.IN_THE_MAKING:
            return ""
        now = self.clock()
        for item in due.due_now(now, person_id=o.person_id):
            for part in item.parts:
                if part.subject_type == "custom_order" and part.subject_id == o.id:
                    return part.step
        return ""

    def _actions(self, o: CustomOrder, gone=None) -> QWidget:
        """The pane's buttons; ``gone``: the order's parcel that did not arrive, when it is to
        be sent again (its main button is then "Ship again…", never "Mark as delivered")."""
        row = []  # one flow: the buttons wrap to a new line when the pane is narrow
        if gone is not None:
            again = QPushButton(order_texts.ship_again_label())
            again.setObjectName("nextStatus")
            again.setDefault(True)
            again.clicked.connect(lambda _c=False, oid=o.id, shown=o.status: self.ship_again(oid, shown))
            row.append(again)
        elif o.status in _NEXT_LABELS:
            nxt = QPushButton(_(_NEXT_LABELS[o.status]))
            nxt.setObjectName("nextStatus")
            nxt.setDefault(True)
            # What the button says is what it does: it carries the status it was made for
            # (the order may move on elsewhere, from a reminder in the tray, before the click).
            nxt.clicked.connect(lambda _c=False, oid=o.id, shown=o.status: self.advance(oid, shown))
            row.append(nxt)
        message = theme.menu_button(_("Send message"), "sendMessage")
        menu = message.menu()
        from desktop.views.order_message import MESSAGE_LABELS, message_label, nothing_to_send

        # Only the messages true of the order where it is now (a cancelled order's "your order is
        # ready" and a new order's "on its way" were one click away); none for a delivered one.
        late = rules.past_promise(o.promised_ready, self.today(), o.status)
        # its parcel got lost or came back: "we're sending it again", not "good news, it's ready"
        offered = rules.offered_messages(o.status, late, list(MESSAGE_LABELS), parcel_gone=gone is not None)
        if not offered:
            message.setEnabled(False)
            message.setToolTip(nothing_to_send(o.status))
        for code in offered:
            # TRANSLATORS: an entry of the "Send message" menu, "Order confirmation…": "…" as on every button that opens a dialog.
            action = menu.addAction(_("{message}…").format(message=message_label(code)))
            action.setData(code)
            action.triggered.connect(lambda _c=False, c=code: self.send_message(c))
        row.append(message)
        edit = QPushButton(_("Edit…"))
        edit.setObjectName("editOrder")
        edit.clicked.connect(self.edit_order)
        row.append(edit)
        more = theme.menu_button(_("More"), "moreActions")
        more_menu = more.menu()
        for to in rules.allowed_moves(o.status):
            if to == NEXT_ACTIONS.get(o.status):
                continue
            text = (_("Cancel this order") if to == "cancelled" else
                    _("Back to “{status}”").format(status=label("order_status", to)) if to != "new" or o.status != "cancelled"
                    else _("Reopen the order"))
            action = more_menu.addAction(text)
            action.triggered.connect(lambda _c=False, t=to, oid=o.id, shown=o.status: self.move_to(t, oid, shown))
        more.setEnabled(not more_menu.isEmpty())
        row.append(more)
        return flow_of(row, "orderActions")

    # --- actions -------------------------------------------------------------------
    def _after_change(self) -> None:
        """A change can move a reminder (a promised date, a message sent): every count follows."""
        from desktop import reminders

        reminders.notify_changed()
        self.refresh()

    def new_order(self) -> None:
        from desktop.views.order_dialog import OrderDialog

        dialog = OrderDialog(self, self.clock())
        if run_dialog(dialog) == QDialog.Accepted and dialog.saved is not None:
            if dialog.saved.status in rules.OPEN:
                self.status_filter.setCurrentIndex(0)
            self.current_id = dialog.saved.id
            self._after_change()
            self.table.setFocus(Qt.OtherFocusReason)  # on the new order's row, not on the button
            self._offer_first_message(dialog.saved)

    def _offer_first_message(self, o: CustomOrder) -> None:
        """After a new order is saved: the message that fits its status, asked as what it is.
        An order saved as "Ready" was asked "Send the customer an order confirmation now?" and
        got the ready message (the dialog opens on what is true of the status:
        ``rules.opening_message``); one saved as anything else offered nothing true of it."""
        late = rules.past_promise(o.promised_ready, self.today(), o.status)
        from desktop.views.order_message import MESSAGE_LABELS

        offered = rules.offered_messages(o.status, late, list(MESSAGE_LABELS))
        step = rules.opening_message("order_confirmation", o.status, late, offered)
        question = AFTER_SAVING.get(step)
        if question is not None and dialogs.confirm(self, _("Order saved"), _(question)):
            self.send_message(step, o.id)

    def open_settings(self) -> None:
        """The settings window at its custom-orders page."""
        from desktop.views.settings_window import SettingsWindow

        dialog = SettingsWindow(self, page="orders")
        if run_dialog(dialog) == QDialog.Accepted:
            after = getattr(self.window(), "settings_saved", None)
            if after is not None:
                after(dialog)
            self._after_change()

    def edit_order(self) -> None:
        if self.current_id is None:
            return
        from desktop.views.order_dialog import OrderDialog

        dialog = OrderDialog(self, self.clock(), order_id=self.current_id)
        if run_dialog(dialog) == QDialog.Accepted:
            self._after_change()

    def _as_shown(self, order_id: int | None, shown: str | None) -> CustomOrder | None:
        """The order a button acts on, still as its pane showed it; otherwise None, after the
        list and pane are loaded again and she is told. A pane left showing "Klaar" after
        the order was shipped from the tray marked it delivered on "Verzenden…" (review of
        Maatwerk, 2026-12-07): a button does what it said, or nothing."""
        if order_id is None:
            return None
        o = store.find(order_id)
        if o is None:  # gone meanwhile (its customer erased): the list follows
            self.refresh()
            return None
        if shown is not None and o.status != shown:
            self.refresh()
            if self.model.index_of(o.id) is not None:
                # TRANSLATORS: {order} is "Order #1029 for Sofie Maes", {status} its status now ("Shipped").
                text = _("{order} is “{status}” by now (it changed elsewhere, from a reminder for instance), so "
                         "this button did nothing. The list now shows the order as it is.")
            else:  # its new status is not one the list shows
                # TRANSLATORS: {order} is "Order #1029 for Sofie Maes", {status} its status now ("Delivered").
                text = _("{order} is “{status}” by now (it changed elsewhere, from a reminder for instance), so "
                         "this button did nothing. You find it at Show → “{status}”.")
            dialogs.inform(self, _("Not changed"), text.format(
                order=order_texts.subject(o.order_number, o.person.name), status=label("order_status", o.status)))
            return None
        return o

    def advance(self, order_id: int | None = None, shown: str | None = None) -> None:
        """The pane's main button: the order's next status (``shown``: the status the
        button was made for; a different one now does nothing, _as_shown)."""
        o = self._as_shown(order_id if order_id is not None else self.current_id, shown)
        if o is None or o.status not in NEXT_ACTIONS:
            return
        if o.status == "ready":
            self.ship(o.id)
            return
        to = NEXT_ACTIONS[o.status]
        if self.move_to(to, o.id) and to == "ready" and dialogs.confirm(
                self, _("Order ready"), _("Let the customer know the order is ready?")):
            self.send_message("order_ready", o.id)

    def move_to(self, status: str, order_id: int | None = None, shown: str | None = None) -> bool:
        """The order moved to ``status`` (asked first where that undoes something), on Edit →
        Undo; True when it moved. The pane stays on it, or, when it left the list, on the
        row that took its place, the status bar saying where it went (_say_where)."""
        o = self._as_shown(order_id if order_id is not None else self.current_id, shown)
        if o is None:
            return False
        if status == "cancelled" and not dialogs.confirm(self, _("Cancel the order"), _(
                "Cancel this order? It stays in the list under “Cancelled”, with its history.")):
            return False
        if o.status == "shipped" and status == "ready" and not dialogs.confirm(
                self, _("Not shipped after all"), _(
                    "Take this order back to “Ready”? Its parcel leaves Shipments (ship it again with the right "
                    "details); the timeline keeps that it was sent.")):
            return False
        from desktop import reminders

        try:
            with reminders.recorded(self._move_text(o, status)):
                store.move_status(o.id, status, self.clock())
        except store.OrderInvalid as exc:
            dialogs.warn(self, _("Not changed"), errors.text(exc))
            self._after_change()
            return False
        self._after_change()
        self._say_where(o, status)
        if status == "cancelled" and dialogs.confirm(self, _("Order cancelled"), _(
                "Let the customer know the order is cancelled?")):
            # the cancellation message (template order.cancelled), as "ready" offers the ready one
            self.send_message("order_cancelled", o.id)
        return True

    @staticmethod
    def _move_text(o: CustomOrder, status: str) -> str:
        """What Edit → Undo names a status move by: "order #1038 for Kevin Jacobs set to “Cancelled”"."""
        return undo_texts.order_moved(o.order_number, o.person.name, status)

    def _say_where(self, o: CustomOrder, status: str) -> None:
        """After a move that took the order out of the list: a step back (reopened, back to
        "Ready") follows it to the open orders; a step on (cancelled, delivered) leaves the
        pane on the next row, and the status bar says where the order went."""
        if any(row.id == o.id for row in self.model.all_rows):
            return  # still in the list (or only hidden by the search): Edit → Undo's line says what was done
        name = order_texts.subject(o.order_number, o.person.name)
        shown = label("order_status", status)
        onward = status == "cancelled" or NEXT_ACTIONS.get(o.status) == status
        moved = store.find(o.id)
        # (back to "Shipped" without a parcel to follow, the shop's export sent it: not an open order)
        if not onward and moved is not None and store.is_running(moved):
            self.status_filter.setCurrentIndex(self.status_filter.findData("open"))
            self.select_id(o.id)
            # TRANSLATORS: status bar, after "Reopen the order" or "Back to …" under another status
            # at "Show": the list switched to the open orders to keep the order in sight.
            text = _("{order} is “{status}” again; the list now shows “Open orders”. Ctrl+Z undoes it.")
        else:
            # TRANSLATORS: status bar, after a custom order moved out of the list shown ("Open orders").
            text = _("{order} is “{status}” now: you find it at Show → “{status}”. Ctrl+Z undoes it.")
        self.status_message.emit(text.format(order=name, status=shown))

    def ship_again(self, order_id: int, shown: str) -> None:
        """"Ship again…": the order whose parcel did not arrive goes out in a new parcel (the
        ship dialog), as the pane showed it (_as_shown)."""
        o = self._as_shown(order_id, shown)
        if o is not None:
            self.ship(o.id)

    def ship(self, order_id: int | None = None) -> None:
        from desktop.views.order_message import OrderShipDialog

        order_id = order_id if order_id is not None else self.current_id
        dialog = OrderShipDialog(self, order_id, self.clock)
        if run_dialog(dialog) == QDialog.Accepted and dialog.shipment is not None:
            self._after_change()
            self.send_message("order_shipped", order_id)  # this order's, also when it left the list

    def send_message(self, step: str, order_id: int | None = None) -> None:
        order_id = order_id if order_id is not None else self.current_id
        if order_id is None:
            return
        from desktop.views.order_message import OrderMessageDialog

        dialog = OrderMessageDialog(self, order_id, step, self.clock)
        if run_dialog(dialog) == QDialog.Accepted:
            self._after_change()


__all__ = ["OrdersView", "days_left_text", "run_dialog"]
