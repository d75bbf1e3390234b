"""Zendingen: what was sent to whom, with which carrier, and whether it arrived.

A status filter beside the search; the tracking code is a link (click it in the list or
use the button in the detail pane); the detail pane moves a parcel along: sent,
delivered, receipt confirmed (logged on the timeline), returned, lost by the carrier;
each step goes on Edit → Undo. Parcels nobody confirmed by the morning they are asked about
(``followup.checkin_due``: ``checkin_days`` of the owner's days after sending, the morning the
check-in comes on Vandaag) are marked "received?" in amber. A returned or lost parcel says what it means for her
deliverables (not chased until a new parcel goes out: domain/shipments.py).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QBrush, QDesktopServices, QFont, QPalette
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QPushButton, QVBoxLayout


from desktop import i18n
from desktop.clock import owner, to_local, utcnow
from desktop.domain import shipments as rules
from desktop.domain import carriers, followup
from desktop.domain.carriers import is_link
from desktop.domain.search_text import sort_key
from desktop.i18n import _
from desktop.labels import choices, label
from desktop.presentation import address_texts, delivery_texts, order_texts
from desktop.store import due, journal, lookups, shipping
from desktop.store import orders as order_store
from desktop.views.base import ListView, plain_label
from desktop.views import theme
from desktop.views.flow import flow_of
from desktop.views.undo import Recorded, parcel_marked
from desktop.views.rows import COLOURS, DISPLAY, FOREGROUND, TOOLTIP, RowsModel, Row

TRACKING_COLUMN = 3
AWAITING = "awaiting"  # filter: sent, but nobody confirmed receipt in time
NO_ADDRESS = "no_address"  # filter: an open parcel whose recipient has no address

FONT = int(Qt.ItemDataRole.FontRole.value)
_LINK_ROLES = (FOREGROUND, FONT, TOOLTIP)


class _LinkBrushes(dict):
    """The link colour's brush per palette (light or dark desktop)."""

    def __missing__(self, key):
        self.clear()
        brush = self[key] = QBrush(theme.palette().color(QPalette.Link))
        return brush


_LINK_BRUSH = _LinkBrushes()


def _underlined() -> QFont:
    font = QFont()
    font.setUnderline(True)
    return font


class ShipmentRowsModel(RowsModel):
    """The tracking code looks like a link where there is one."""

    def data(self, index, role=DISPLAY):
        # Runs for every role of every cell painted or measured: no imports or enum
        # look-ups here (each PySide6 import inside a call ran its import hook).
        if index.column() == TRACKING_COLUMN and index.isValid():
            role = int(role)
            if role in _LINK_ROLES:
                url = self.rows[index.row()].extra.get("url")
                if url:
                    if role == FOREGROUND:
                        return _LINK_BRUSH[theme.palette().cacheKey()]
                    if role == FONT:
                        return _underlined()
                    return _("Open the tracking page: {url}").format(url=url)
        return super().data(index, role)


def _status_text(status_code: str, awaiting: bool, no_address: bool) -> str:
    status = label("shipment_status", status_code)
    if awaiting:
        status = _("{status}, received?").format(status=status)
    if no_address:
        # TRANSLATORS: status cell in Shipments for a parcel whose recipient has no address
        status = _("⚠ {status}, no address").format(status=status)
    return status


def _addressee(s):
    """Whom and where a parcel goes to: a custom order's where the shop's order says (a
    gift's recipient: ``delivery_texts.parcel_of``), else to the person it is for."""
    return delivery_texts.parcel_of(s.custom_order_id, s.person) if s.custom_order_id is not None else s.person


def _no_link_text(s) -> str:
    """What the status bar says when a parcel has no tracking page to open: the real reason."""
    why, problem = carriers.why_no_link(s.carrier if s else "", s.tracking_code if s else "")
    if why == "no_carrier":
        # TRANSLATORS: status bar, Shipments: a double-clicked parcel has no carrier chosen.
        return _("No tracking page for this parcel: no carrier was chosen for it.")
    if why == "no_page":
        # TRANSLATORS: status bar, Shipments: the parcel went with "Other carrier", whose tracking page Afspraak
        # cannot make; {code} is the parcel's tracking code.
        return _("No tracking page for this parcel: Afspraak does not know its carrier's tracking page. Look up "
                 "{code} on the carrier's website.").format(code=s.tracking_code)
    if why == "bad_code":
        # TRANSLATORS: status bar, Shipments: {problem} says why the parcel's code does not fit its carrier, e.g.
        # "“3SZLVR1234567” is not a bpost tracking code; those look like 3232…".
        return _("No tracking page for this parcel: {problem}").format(problem=problem)
    # TRANSLATORS: status bar, Shipments: a double-clicked parcel has no tracking code (yet).
    return _("No tracking page for this parcel: it has no tracking code.")


def open_link(url: str) -> bool:
    """Open a tracking link in the browser; only web links, never files or other schemes."""
    if not is_link(url):
        return False
    return QDesktopServices.openUrl(QUrl(url.strip()))


class ShipmentsView(ListView):
    key = "shipments"
    elide_column = 1  # the products; all of them are in the detail pane
    whole_lead = ", "  # ...but the first is named whole: "Oorbellen Druppel (zilver), Ring…"
    pill_column = 5
    colour_columns = (5,)
    # A bpost code has 24 digits (3232…): beside a pane showing its long tracking link it pushed
    # the products down to "…" and the status out of sight. The code gives way (whole in its
    # tooltip and the pane): the recipient, the first product and the status tell the rows apart.
    yielding_column = 3
    # ...and the pane's values go under their names when the pane is narrow (a 24-digit bpost
    # code beside "Ontvangst bevestigd" kept it 373 px wide): the list keeps the room for its
    # first product whole ("Gouden schakelketting (50 cm)", not "Goud…").
    fields_wrap = True

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = ShipmentRowsModel(self.headers(), self)
        self.table.setModel(self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(_("Show shipments"))
        self.status_filter.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.status_filter.setMinimumContentsLength(10)
        self.status_filter.addItem(_("All shipments"), "")
        self.status_filter.addItem(_("Receipt not confirmed yet"), AWAITING)
        # TRANSLATORS: filter in Shipments: open parcels whose recipient has no address
        self.status_filter.addItem(_("Address missing"), NO_ADDRESS)
        for code, text in choices("shipment_status"):
            self.status_filter.addItem(text, code)
        self.search.setMinimumWidth(120)  # room for the filter beside it
        # The first product of a parcel is named whole ("Oorbellen Druppel (zilver)"): on a
        # 1280 px window the pane gives the list a little, its fields still beside their
        # names (it is never narrower than they need: _room_for_fields).
        self.detail_scroll.setMinimumWidth(theme.DETAIL_MIN_WIDTH - 40)
        header = self.form.findChild(QHBoxLayout, "header")
        header.insertWidget(header.indexOf(self.search), self.status_filter)
        self.status_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.clicked.connect(self._clicked)
        # A double-click or Enter (views/keys.py) opens where the parcel is: its tracking
        # page. It changes nothing: a parcel's next step stays a button in the pane.
        self.table.doubleClicked.connect(self._open_row)

    def view_title(self):
        return _("Shipments")

    def headers(self):
        # TRANSLATORS: Zendingen's column of the parcels' tracking codes: the short word of the code the
        # rest of the app names (Dutch "Track-and-trace", as "Track-and-tracecode" elsewhere), narrow
        # enough to leave the products their width at 1280x720.
        tracking = i18n.pgettext("column", "Tracking code")
        return [_("Recipient"), _("Products"), _("Carrier"), tracking, _("Sent"), _("Status")]

    def empty_heading(self):
        return _("No shipments yet")

    def empty_help(self):
        # This view has no products panel nor an import button (audit 9, new owner F11): it
        # says where a parcel starts, with the names the sidebar and the menu use.
        from desktop.views.rows import without_shortcut

        # TRANSLATORS: the empty Shipments view. {influencers} and {orders} are the sidebar's view names,
        # {products} the title of the products panel, {menu} a menu path such as "File → Import from the shop…"
        return _(
            "A parcel starts on {influencers} or {orders}: drag a product from the {products} panel onto an "
            "influencer or an order. No products yet? {menu} reads your WooCommerce, Shopify or Etsy export."
        ).format(influencers=_("Influencers"), orders=_("Custom orders"), products=_("Products"),
                 menu="{} → {}".format(without_shortcut(_("&File")), without_shortcut(_("&Import from the shop…")))
                 .replace(" ", "\u00a0"))  # the menu path kept on one line

    def load_rows(self):
        """The rows a page at a time (store/shipping.shipment_pages): the first screenful
        is shown at once, the rest comes in one page per event-loop turn (views/rows.py)."""
        now = utcnow()
        ladder = due.ladder_settings()  # the check-in's days, the owner's zone, mornings and days off
        wanted = self.status_filter.currentData() if hasattr(self, "status_filter") else ""
        statuses = None
        if wanted:
            statuses = (rules.AWAITING_RECEIPT if wanted == AWAITING else tuple(rules.NEEDS_ADDRESS)
                        if wanted == NO_ADDRESS else (wanted,))
        self._next_marker = None  # the next morning a parcel shown turns "received?" (_rows)
        # a check-in her busy days move (the shop wrote to her that morning): as Vandaag's
        moved = shipping.checkins_moved(ladder, due.busy_days(now, ladder))
        return self._rows(shipping.shipment_pages(statuses), wanted, now, ladder, moved)

    _next_marker = None

    def moment_passed(self) -> None:
        """A reminder's moment came (a parcel's check-in on Vandaag among them), with nothing
        written: once the morning a parcel turns "received?" has come, the list loads again
        (now when on screen, else when shown), so the marker appears with Vandaag's task, not
        at her next click. Other moments leave it as it is (20,000 parcels)."""
        super().moment_passed()
        if self._next_marker is not None and self._next_marker <= utcnow():
            self._next_marker = None
            self.refresh_when_shown()

    def time_came(self, now) -> None:
        """The scheduler looked at ``now`` with nothing written (``MainWindow.follow_due``),
        whether or not a reminder came due: once the morning a parcel shown turns "received?"
        has come, the list loads again. A parcel without a check-in of its own on Vandaag (a
        custom order's, one of an ended collaboration) turned amber only at her next click."""
        if self._next_marker is not None and self._next_marker <= now:
            self._next_marker = None
            self.refresh_when_shown()

    def _rows(self, pages, wanted: str, now, ladder, moved: dict):
        # 20,000 parcels name a few carriers, statuses and days: each text is written once
        # per refresh, not per row (docs/PERFORMANCE.md, fix 32); so is a day's check-in moment
        carriers, statuses_shown, days_shown, checkins = {}, {}, {}, {}
        # ...and the same recipient, products, carrier or status is one text, not one per
        # row (with its lower-case sort key): docs/PERFORMANCE.md, fix 38.
        lowered: dict[str, tuple[str, str]] = {}
        name_keys: dict[str, str] = {}  # a recipient as every list of people sorts (search_text.sort_key)

        def once(text: str) -> tuple[str, str]:
            found = lowered.get(text)
            if found is None:
                found = lowered[text] = (text, text.lower())
            return found

        link = _("link")
        # TRANSLATORS: Shipments, the recipient of a gift a customer ordered for someone else.
        gift_from = _("{recipient} (gift from {buyer})")
        local = owner().local
        awaiting_receipt, missing_address, checkin_due = rules.awaiting_receipt, rules.missing_address, followup.checkin_due
        waiting_statuses = rules.AWAITING_RECEIPT
        for shipments, products_of in pages:
            rows = []
            for (sid, person_name, carrier, tracking_code, tracking_url, sent_at, status_code,
                 street, postcode, city, gift_for) in shipments:
                day = checkin = None
                if sent_at:  # asked about on the morning of a day: the same moment for a day's parcels
                    day = local(sent_at).date()
                    checkin = moved.get(sid) or checkins.get(day)  # moved: her busy days (load_rows)
                    if checkin is None:
                        checkin = checkins[day] = checkin_due(sent_at, ladder)
                awaiting = awaiting_receipt(status_code, checkin, now)
                if (checkin is not None and checkin > now and status_code in waiting_statuses
                        and (self._next_marker is None or checkin < self._next_marker)):
                    self._next_marker = checkin
                no_address = missing_address(status_code, street, postcode, city)
                if (wanted == AWAITING and not awaiting) or (wanted == NO_ADDRESS and not no_address):
                    continue
                products, products_key = once(", ".join(products_of.get(sid, ())))
                if gift_for:  # whom the parcel goes to, as the pane says it (review of the gift recipient)
                    person_name = gift_from.format(recipient=gift_for, buyer=person_name)
                person_name = once(person_name)[0]
                name_key = name_keys.get(person_name)
                if name_key is None:  # as every list of people sorts: "@juul" among the J's
                    name_key = name_keys[person_name] = sort_key(person_name)
                status = statuses_shown.get((status_code, awaiting, no_address))
                if status is None:
                    status = statuses_shown[status_code, awaiting, no_address] = _status_text(
                        status_code, awaiting, no_address)
                carrier_text = carriers.get(carrier)
                if carrier_text is None:
                    carrier_text = carriers[carrier] = label("carrier", carrier)
                sent = ""
                if day is not None:
                    sent = days_shown.get(day)
                    if sent is None:
                        sent = days_shown[day] = i18n.list_date(day)
                # Tuples: read-only, smaller than lists, and (holding only text, dates and
                # numbers) not followed by the garbage collector: 20,000 rows of them.
                rows.append(Row(
                    id=sid,
                    cells=(person_name, products, carrier_text, tracking_code or (link if tracking_url else ""),
                           sent, status),
                    sort_keys=(name_key, products_key, once(carrier)[0], tracking_code, sent_at, once(status_code)[0]),
                    colour="red" if no_address else "amber" if awaiting else ("grey" if status_code in rules.GONE else ""),
                    extra={"url": tracking_url, "no_address": no_address},
                ))
            # What cannot go out comes first: the store's pages begin with those.
            yield rows

    def refresh(self) -> None:
        super().refresh()
        # Parcels exist, just none the filter beside the search lets through: said on the
        # empty page, with the way back to all of them (as Maatwerk does).
        wanted = self.status_filter.currentData() if hasattr(self, "status_filter") else ""
        hides = not self.model.all_rows and bool(wanted) and lookups.any_shipment()
        if not hides:
            self.show_filtered_empty(False)
            return
        if wanted == AWAITING:
            # TRANSLATORS: Shipments, when the filter "Receipt not confirmed yet" hides every parcel.
            title = _("No shipments waiting for a confirmation of receipt")
        elif wanted == NO_ADDRESS:
            # TRANSLATORS: Shipments, when the filter "Address missing" hides every parcel.
            title = _("No shipments without an address")
        else:
            # TRANSLATORS: Shipments, when the status chosen beside the search hides every parcel
            # ("No shipments with the status “Lost”").
            title = _("No shipments with the status “{status}”").format(status=label("shipment_status", wanted))
        self.show_filtered_empty(True, title, _(
            "The list shows only the shipments you choose in the drop-down list beside the search field. Your "
            "other shipments are all still there."), _("Show all shipments"))

    def show_all(self) -> None:
        self.status_filter.setCurrentIndex(self.status_filter.findData(""))

    def _clicked(self, index) -> None:
        row = self.model.row_at(index.row())
        if row and index.column() == TRACKING_COLUMN and row.extra.get("url"):
            open_link(row.extra["url"])

    def _open_row(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is None:
            return
        url = row.extra.get("url") or self._built_link(row.id)
        if url:
            open_link(url)
        else:
            self.status_message.emit(_no_link_text(lookups.shipment(row.id)))

    @staticmethod
    def _built_link(shipment_id: int) -> str:
        """The carrier's page made from the code, for a parcel stored without its link (one
        recorded before its code fitted, say): "" when the code and carrier make none."""
        s = lookups.shipment(shipment_id)
        if s is None or carriers.why_no_link(s.carrier, s.tracking_code)[0]:
            return ""  # no code, or one that does not fit: no page made up for it
        to = _addressee(s)
        country = getattr(to, "country_code", None) or s.person.country or ""  # NL, BE: the carrier's page asks
        return carriers.tracking_link(s.carrier, carriers.normalise_code(s.tracking_code), to.postcode or "",
                                      country, i18n.current_language())

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        s = lookups.shipment(row_id)
        if s is None:
            return
        p = s.person
        to = _addressee(s)
        self.add_heading(layout, _("Shipment to {name}").format(name=to.name))
        where = to.address() if isinstance(to, delivery_texts.Parcel) else delivery_texts.card_address(to)
        address = address_texts.address_text(where, screen=True)
        no_address = rules.missing_address(s.status, to.street, to.postcode, to.city)
        if no_address and getattr(to, "from_the_order", False):
            # TRANSLATORS: Shipments pane: the shop's order names where the parcel goes (a gift's
            # recipient, say), but not a street, a postcode and a city.
            warning = plain_label(_("The shop's order gives no complete address for {name}: check it in your online "
                                    "shop before the parcel goes out.").format(name=to.name))
        elif no_address:
            warning = plain_label(_("No address known for {name}: add it to their profile (Influencers → Edit…) before the "
                                    "parcel goes out.").format(name=p.name))
        if no_address:
            warning.setObjectName("noAddressWarning")
            warning.setStyleSheet(theme.text_style("red", bold=True))  # readable on a dark desktop too
            layout.addWidget(warning)
        order = order_store.find(s.custom_order_id)  # the custom order it carries, named in a field
        self.add_fields(layout, [pair for pair in [  # a field without a value is left out, as in Maatwerk
            (_("Status"), label("shipment_status", s.status)),
            (_("Address"), address or _("No address known yet")),
            (_("Carrier"), label("carrier", s.carrier)),
            (_("Tracking code"), s.tracking_code),
            (_("Link"), s.tracking_url),
            (_("Sent"), i18n.list_moment(to_local(s.sent_at)) if s.sent_at else _("not yet")),
            (_("Delivered"), i18n.list_moment(to_local(s.delivered_at)) if s.delivered_at else ""),
            (_("Receipt confirmed"), i18n.list_moment(to_local(s.received_at)) if s.received_at
             else "" if s.status in rules.GONE else _("not yet")),
            (_("Product value"), i18n.format_money(s.value_cents)),
            (_("Shipping cost"), i18n.format_money(s.shipping_cents)),
            (_("Collaboration"), (s.collaboration.title or _("(untitled)")) if s.collaboration else ""),
            (_("Order"), order_texts.field(order) if order is not None else ""),
        ] if pair[1]])
        buttons = []  # wrapping to a new line when the pane is narrow (views/flow.py)
        if s.tracking_url:
            track = QPushButton(_("Open tracking page"))
            track.clicked.connect(lambda: open_link(s.tracking_url))
            buttons.append(track)
        # Verbs, not the states they lead to: "Ontvangst bevestigd" as a button stood right under
        # the line "Ontvangst bevestigd: nog niet" (review 26, screens 3).
        # TRANSLATORS: button in Shipments: the carrier lost the parcel (it never reached her).
        lost = i18n.pgettext("shipment action", "Mark as lost")
        for action, text in (("send", _("Mark as sent")),
                             # TRANSLATORS: button in Shipments: the carrier delivered the parcel.
                             ("deliver", i18n.pgettext("shipment action", "Mark as delivered")),
                             # TRANSLATORS: button in Shipments: she said the parcel reached her.
                             ("confirm", i18n.pgettext("shipment action", "Confirm receipt")),
                             # TRANSLATORS: button in Shipments: the parcel came back to the shop.
                             ("return", i18n.pgettext("shipment action", "Mark as returned")), ("lose", lost)):
            if rules.can(action, s.status):
                button = QPushButton(text)
                button.setObjectName(f"action_{action}")
                button.clicked.connect(lambda _c=False, a=action: self.advance(row_id, a))
                buttons.append(button)
                if action == "send":  # recorded on a later day than it went out
                    # TRANSLATORS: button in Shipments beside "Mark as sent": it went out on an earlier day.
                    earlier = QPushButton(_("Sent earlier…"))
                    earlier.setObjectName("action_send_earlier")
                    earlier.clicked.connect(lambda _c=False: self.sent_earlier(row_id))
                    buttons.append(earlier)
        holder = flow_of(buttons)
        layout.addWidget(holder)
        paused = self._paused_note(s)
        if paused:
            note = plain_label(paused)
            note.setObjectName("pausedNote")
            note.setWordWrap(True)
            layout.addWidget(note)
            # The note says to send a new parcel: the button for it, with this parcel's products and
            # collaboration filled in (audit of 2026-12-05: the way to it was the catalogue's drag).
            # TRANSLATORS: button in Shipments under a lost or returned parcel: send her a new one.
            again = QPushButton(_("New parcel…"))
            again.setObjectName("newParcel")
            again.clicked.connect(lambda _c=False: self._send_again(
                s.person_id, [i.product_id for i in s.items if i.product_id is not None], s.collaboration_id))
            layout.addWidget(flow_of([again]))
        self._add_order_note(layout, s, order, to.name)
        self.add_section(layout, _("Products"))
        self.add_lines(layout, [
            _("{quantity} × {product}").format(quantity=i.quantity, product=shipping.product_title(i.product))
            for i in s.items
        ], _("No products."))

    def _add_order_note(self, layout: QVBoxLayout, s, order, name: str) -> None:
        """Under a returned or lost parcel of a custom order: what it means for the order, and
        while it waits to be sent again the way to do so, this parcel kept as it is (review of
        the custom orders: the pane offered only the tracking page and never named the order)."""
        if order is None or s.status not in rules.GONE:
            return
        from desktop.domain import orders as order_rules

        # "Order #1029" where the parcel went to its customer (named just before), else with her name
        subject = (_("Order {number}").format(number=order.order_number)
                   if order.order_number and name == order.person.name
                   else order_texts.subject(order.order_number, order.person.name))
        gone = order_store.gone_parcel(order.id)
        latest = order_store.shipment_of(order.id)
        button = None
        if gone is not None and gone.id == s.id and order_rules.can_ship(order.status, True):
            # TRANSLATORS: Shipments, under a lost or returned parcel of a custom order; {order} is "Order #1029
            # for Sofie Maes", {name} whom the parcel went to, {button} "Ship again…".
            text = _("This parcel did not reach {name}. {order} waits in Custom orders to be sent again: “{button}” "
                     "sends it in a new parcel, and this parcel stays here as it is.").format(
                name=name, order=subject, button=order_texts.ship_again_label())
            button = QPushButton(order_texts.ship_again_label())
            button.setObjectName("shipAgain")
            button.clicked.connect(lambda _c=False, oid=order.id: self._ship_order_again(oid))
        elif latest is not None and latest.id != s.id and latest.status not in rules.GONE and latest.sent_at:
            # TRANSLATORS: Shipments, under a lost or returned parcel of a custom order sent again since;
            # {order} is "Order #1029 for Sofie Maes", {date} the day the new parcel went out.
            text = _("This parcel did not reach {name}. {order} went out again on {date}, in a new parcel.").format(
                name=name, order=subject, date=i18n.detail_date(to_local(latest.sent_at).date()))
        else:
            # TRANSLATORS: Shipments, under a lost or returned parcel of a custom order; {status} is the order's
            # status in Custom orders ("Cancelled").
            text = _("This parcel did not reach {name}. {order} is “{status}” in Custom orders.").format(
                name=name, order=subject, status=label("order_status", order.status))
        note = plain_label(text)
        note.setObjectName("orderNote")
        layout.addWidget(note)
        if button is not None:
            layout.addWidget(flow_of([button]))

    def _ship_order_again(self, order_id: int) -> None:
        """"Ship again…": the order's ship dialog for a new parcel (the one that did not arrive
        stays as it is), then the message with the new tracking link, as Maatwerk's "Ship…"."""
        from desktop import reminders
        from desktop.views import dialogs
        from desktop.views.order_message import OrderMessageDialog, OrderShipDialog

        dialog = OrderShipDialog(self, order_id, utcnow)
        if not dialogs.run(dialog) or dialog.shipment is None:
            return
        self._advanced(dialog.shipment.id)  # the new parcel in the list and the pane; every view follows
        message = OrderMessageDialog(self, order_id, "order_shipped", utcnow)
        if dialogs.run(message):
            reminders.notify_changed()
            self.data_changed.emit()

    def _send_again(self, person_id: int, product_ids: list[int], collaboration_id: int | None) -> None:
        """The parcel dialog for a new parcel in place of a lost or returned one (the window's
        shipping flow: the same as a drop of those products onto her)."""
        shipping_flow = getattr(self.window(), "shipping", None)
        if shipping_flow is not None:
            shipping_flow.send_products(person_id, product_ids, collaboration_id=collaboration_id)

    def advance(self, shipment_id: int, action: str) -> None:
        from desktop.views import dialogs
        from desktop.views.shipping_dialogs import no_address_question

        s = lookups.shipment(shipment_id)
        if s is None:
            return
        p = s.person
        to = _addressee(s)
        if action == "send" and not rules.has_address(to.street, to.postcode, to.city) and \
                not dialogs.confirm(self, *no_address_question(to.name)):
            return
        now = utcnow()
        with journal.recording() as change:
            shipment = shipping.advance(shipment_id, action, now)
        self._advanced(shipment_id)
        if not change.empty:
            self.undoable.emit(Recorded(parcel_marked(p.name, shipment.status), change, self))
        self.say_moved_deadlines(now)

    def sent_earlier(self, shipment_id: int) -> None:
        """"Sent earlier…": the parcel marked as sent on the day it went out (the dialog
        saves it, as one step for Edit → Undo)."""
        from desktop.views import dialogs
        from desktop.views import day_dialog
        from desktop.views.shipping_dialogs import no_address_question

        s = lookups.shipment(shipment_id)
        if s is None or not rules.can("send", s.status):
            return
        p = s.person
        to = _addressee(s)
        if not rules.has_address(to.street, to.postcode, to.city) and not dialogs.confirm(self, *no_address_question(to.name)):
            return
        form = day_dialog.sent_earlier(self, shipment_id, p.name)
        if dialogs.run(form):  # its save is already a step for Edit → Undo
            self._advanced(shipment_id)
            self.say_moved_deadlines(form.now)

    def _advanced(self, shipment_id: int) -> None:
        """After a parcel's step: the reminders and the lists follow, the parcel stays chosen."""
        from desktop import reminders

        reminders.notify_changed()  # "received?" check-ins and a collaboration's ladder follow the status
        self.refresh()
        self.data_changed.emit()  # the window refreshes the other views (an influencer's parcels...)
        self.select_id(shipment_id)

    @staticmethod
    def _paused_note(s) -> str:
        """What a returned or lost parcel means for her, when no parcel of the collaboration
        is left with her or on its way ("" otherwise)."""
        if s is None or s.status not in rules.GONE or s.collaboration_id is None:
            return ""
        if rules.chased(lookups.parcel_statuses(s.collaboration_id), collab_status=s.collaboration.status):
            return ""
        # TRANSLATORS: Shipments pane under a returned or lost parcel; {title} is the collaboration.
        return _("No parcel for “{title}” is with {name} or on its way, so Afspraak holds back its reminders "
                 "about what was agreed for now. Send a new parcel for this collaboration and its deadlines move "
                 "later by the days in between.").format(
            name=s.person.name, title=s.collaboration.title or _("(untitled)"))

    def select_id(self, row_id: int) -> None:
        index = self.model.index_of(row_id)
        if index is not None:
            self.table.selectRow(index)
            self.show_detail(row_id)


__all__ = ["ShipmentsView", "COLOURS"]
