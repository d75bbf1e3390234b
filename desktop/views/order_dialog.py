"""The dialog to enter or change a custom order (form: ui/order_dialog.ui).

Thin: it reads the fields into a ``domain.orders.OrderInput`` and hands it to
``store.orders.save_order``; what is wrong is shown under the field it concerns and
nothing is saved.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop import i18n
from desktop.clock import owner, to_local
from desktop.domain.message_rules import default_form, outside_flanders
from desktop.domain.orders import MAX_QUANTITY, OrderInput, default_ready, form_statuses, past_promise
from desktop.i18n import _
from desktop.labels import choices
from desktop.presentation import errors
from desktop.store import orders as store
from desktop.store import lookups, pictures, settings
from desktop.views import dialogs, picture_check
from desktop.views.base import breakable, plain_label
from desktop.views.keys import delete_removes, enter_adds, letters_when_shown, type_to_find
from desktop.views.forms import date_field, date_problems, load_form
from desktop.views.forms import from_qdate as pydate, to_qdate as qdate
from desktop.views.product_search import CatalogueSearch
from desktop.views.rows import plain_tooltip
from desktop.views import theme
from desktop.domain import money, people

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import CustomOrder

PICTURE_FILTER = "*.png *.jpg *.jpeg *.gif *.webp"


class _PictureDrops(QObject):
    """Accepts files dropped from the file manager on the pictures list (its viewport)."""

    def __init__(self, dialog: OrderDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj, event):
        kind = event.type()
        if kind in (QEvent.DragEnter, QEvent.DragMove):
            if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if kind == QEvent.Drop:
            files = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            event.acceptProposedAction()
            # The real work after the drop returns (the file manager is still waiting).
            QTimer.singleShot(0, self, lambda: self.dialog.add_pictures(files))
            return True
        return False


class OrderDialog(QDialog):
    """New order (``order_id`` None) or edit an existing one."""

    def __init__(self, parent: QWidget | None, now, order_id: int | None = None):
        super().__init__(parent)
        self.now = now
        self.order_id = order_id
        self.order = store.find(order_id)
        self.saved: CustomOrder | None = None
        self.pending_pictures: list[str] = []
        self.removed_pictures: list[int] = []
        self.setWindowTitle(_("Edit custom order") if self.order else _("New custom order"))
        self.form = load_form("order_dialog.ui", self)
        letters_when_shown(self)
        layout = QVBoxLayout(self)
        # The form scrolls where what it says no longer fits the screen: messages at several
        # fields, or a long one (three pictures refused, each with its reason), on a laptop of
        # 1366 × 768. The dialog grows first (_grow_to_fit); the form was squeezed to the
        # screen's height before, and each message cut off after its first line.
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("orderFormScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.setWidget(self.form)
        layout.addWidget(self.scroll)
        # The customer's and the order's boxes as tall as their fields (and messages): a long
        # message in the right-hand column made the form taller, and they stretched, empty.
        self.form.findChild(QVBoxLayout, "leftColumn").addStretch(1)
        self.summary = plain_label("")
        self.summary.setStyleSheet(theme.text_style("red"))
        self.summary.hide()
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel, self)
        self.buttons.button(QDialogButtonBox.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        w = self.w
        self.customer_pick: QComboBox = w(QComboBox, "customerPick")
        self.name: QLineEdit = w(QLineEdit, "name")
        self.email: QLineEdit = w(QLineEdit, "email")
        self.phone: QLineEdit = w(QLineEdit, "phone")
        self.street: QLineEdit = w(QLineEdit, "street")
        self.postcode: QLineEdit = w(QLineEdit, "postcode")
        self.city: QLineEdit = w(QLineEdit, "city")
        self.country: QComboBox = w(QComboBox, "country")
        self.language: QComboBox = w(QComboBox, "language")
        self.address_form: QComboBox = w(QComboBox, "addressForm")
        self.order_number: QLineEdit = w(QLineEdit, "orderNumber")
        self.product: QComboBox = w(QComboBox, "product")
        self.quantity: QSpinBox = w(QSpinBox, "quantity")
        self.quantity.setRange(1, MAX_QUANTITY)
        self.price: QLineEdit = w(QLineEdit, "price")
        self.deposit: QLineEdit = w(QLineEdit, "deposit")
        self.ordered_on: QDateEdit = w(QDateEdit, "orderedOn")
        self.promised_ready: QDateEdit = w(QDateEdit, "promisedReady")
        self.has_delivery: QCheckBox = w(QCheckBox, "hasDelivery")
        self.promised_delivery: QDateEdit = w(QDateEdit, "promisedDelivery")
        self.change_reason: QLineEdit = w(QLineEdit, "changeReason")
        self.change_reason_label: QLabel = w(QLabel, "changeReasonLabel")
        self.status: QComboBox = w(QComboBox, "status")
        self.personalisation: QLineEdit = w(QLineEdit, "personalisation")
        self.font_: QLineEdit = w(QLineEdit, "font")
        self.colour: QLineEdit = w(QLineEdit, "colour")
        self.size_: QLineEdit = w(QLineEdit, "size")
        self.note: QPlainTextEdit = w(QPlainTextEdit, "note")
        self.pictures: QListWidget = w(QListWidget, "pictures")
        self.checklist: QListWidget = w(QListWidget, "checklist")
        theme.roomy_rows(self.checklist, wrap=True)  # the tables' row height, not 14-pixel lines
        # The to-do list takes the column's room that is left (it stretches), not a height of its
        # own: its 192 pixels asked for made the form scroll on a laptop once "Deliver to another
        # address" was under the personalisation, where its messages had fitted. Two rows at least.
        policy = self.checklist.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Ignored)
        self.checklist.setSizePolicy(policy)
        self.checklist.setMinimumHeight(self.checklist.minimumSizeHint().height())
        for field in (self.price, self.deposit):
            theme.currency_field(field)
        self.new_todo: QLineEdit = w(QLineEdit, "newTodo")
        # "Deliver to another address": closed, the parcel goes to the customer (or where the
        # shop's order says); open, to the recipient typed here (a present), kept with the order.
        self.ship_to: QCheckBox = w(QCheckBox, "shipTo")
        self.ship_fields: QGroupBox = w(QGroupBox, "shipToFields")
        self.ship_name: QLineEdit = w(QLineEdit, "shipName")
        self.ship_street: QLineEdit = w(QLineEdit, "shipStreet")
        self.ship_postcode: QLineEdit = w(QLineEdit, "shipPostcode")
        self.ship_city: QLineEdit = w(QLineEdit, "shipCity")
        self.ship_country: QComboBox = w(QComboBox, "shipCountry")
        # The tick box has the section's Alt letter and puts her in the recipient's field: the
        # form has no letters left for a second address's labels (Klant's take them). Screen
        # readers name each field by its label.
        for label, fields in (("shipNameLabel", (self.ship_name,)), ("shipStreetLabel", (self.ship_street,)),
                              ("shipPostcodeLabel", (self.ship_postcode, self.ship_city)),
                              ("shipCountryLabel", (self.ship_country,))):
            for field in fields:
                field.setAccessibleName(w(QLabel, label).text())
        theme.align_label_columns(self.form.findChild(QFormLayout, "customerForm"),
                                  self.form.findChild(QFormLayout, "orderForm"))
        # (in the right-hand column, under the personalisation: the form fits a laptop's screen open)
        theme.align_label_columns(self.form.findChild(QFormLayout, "personalForm"),
                                  self.form.findChild(QFormLayout, "shipToForm"))

        self._fill_choices()
        self._make_error_labels()
        self._make_language_hint()
        self._make_ship_hint()
        self.customer_pick.currentIndexChanged.connect(self._customer_picked)
        self.has_delivery.toggled.connect(self.promised_delivery.setEnabled)
        self.promised_ready.dateChanged.connect(self._dates_changed)
        self.promised_delivery.dateChanged.connect(self._dates_changed)
        self.has_delivery.toggled.connect(self._dates_changed)
        w(QPushButton, "addPicture").clicked.connect(self.choose_pictures)
        w(QPushButton, "removePicture").clicked.connect(self.remove_selected_picture)
        w(QPushButton, "addTodo").clicked.connect(self.add_todo)
        w(QPushButton, "removeTodo").clicked.connect(self.remove_todo)
        delete_removes(self.checklist, w(QPushButton, "removeTodo"))
        delete_removes(self.pictures, w(QPushButton, "removePicture"))
        enter_adds(self.new_todo, self.add_todo)
        self._drops = _PictureDrops(self)
        self.pictures.viewport().setAcceptDrops(True)
        self.pictures.viewport().installEventFilter(self._drops)

        if self.order:
            self._load(self.order)
        else:
            day = to_local(now).date()  # her day, not UTC's (just after her midnight)
            # her lead time, off a Sunday (and a Saturday when she skips weekends)
            ready = default_ready(day, int(settings.get("order_lead_days")), owner().country, owner().skip_weekends)
            self.ordered_on.setDate(qdate(day))
            self.promised_ready.setDate(qdate(ready))
            self.promised_delivery.setDate(qdate(ready).addDays(2))
            self.has_delivery.setChecked(False)
            self.promised_delivery.setEnabled(False)
            self._customer_picked(0)
        self._dates_changed()
        # Never narrower than the form needs (the scroll area does not scroll sideways).
        self.scroll.setMinimumWidth(self.form.minimumSizeHint().width()
                                    + self.scroll.verticalScrollBar().sizeHint().width())
        self.resize(1000, 660)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._grow_to_fit()

    def _grow_to_fit(self) -> None:
        """As tall as the form needs at its width (never shrunk), up to the height of the
        screen; beyond that the form scrolls."""
        self.form.layout().activate()  # its own hint as it is now (a section opened or closed since)
        layout = self.layout()
        layout.activate()
        width = self.scroll.viewport().width()
        needed = (self.form.heightForWidth(width) if self.form.hasHeightForWidth()
                  else self.form.sizeHint().height())
        wanted = self.height() - self.scroll.viewport().height() + needed
        room = self.room()
        if room is not None:
            frame = self.frameGeometry().height() - self.geometry().height()  # the title bar
            wanted = min(wanted, room.height() - frame)
        if wanted > self.height():
            self.resize(self.width(), wanted)
            if room is not None and self.frameGeometry().bottom() > room.bottom():
                self.move(self.x(), max(room.top(), room.bottom() - self.frameGeometry().height()))

    def room(self):
        """The part of the screen a window may take (without the task bar), or None."""
        screen = self.screen()
        return screen.availableGeometry() if screen is not None else None

    def w(self, cls, name):
        widget = self.form.findChild(cls, name)
        if widget is None:
            raise LookupError(name)
        return widget

    # --- set-up ------------------------------------------------------------------------
    def _fill_choices(self) -> None:
        self.customer_pick.addItem(_("New customer"), None)
        for person in store.customers():
            extra = person.email or person.city
            self.customer_pick.addItem(f"{person.name} ({extra})" if extra else person.name, person.id)
        type_to_find(self.customer_pick)  # after an orders import: hundreds of customers
        for code, text in choices("country"):
            self.country.addItem(text, code)
            self.ship_country.addItem(text, code)
        # A present goes where the shop is, until the owner says otherwise (Settings → Country).
        self.ship_country.setCurrentIndex(max(0, self.ship_country.findData(owner().country)))
        self.ship_country.currentIndexChanged.connect(self._ship_postcode_hint)
        self._ship_postcode_hint()
        self.ship_fields.setVisible(False)
        self.ship_to.toggled.connect(self._ship_to_toggled)
        # What room the right-hand column has to spare goes to the to-do list, not between the
        # personalisation's rows.
        self.form.findChild(QVBoxLayout, "rightColumn").setStretchFactor(self.form.findChild(QWidget, "todoBox"), 1)
        self.language.addItem(_("Dutch"), "nl")
        self.language.addItem(_("English"), "en")
        for code, text in choices("address_form"):  # je / u, named as everywhere (labels.py)
            self.address_form.addItem(text, code)
        self.language.currentIndexChanged.connect(
            lambda _i: self.address_form.setEnabled(self.language.currentData() == "nl"))
        # A new Belgian customer is addressed with u unless the owner picks the form herself.
        self._form_chosen = False
        self.address_form.activated.connect(lambda _i: setattr(self, "_form_chosen", True))
        self.country.currentIndexChanged.connect(self._default_form)
        self.country.currentIndexChanged.connect(self._postcode_hint)
        self._postcode_hint()  # a customer loaded above, from Belgium say
        self.language.currentIndexChanged.connect(self._default_form)

        self.product_search = CatalogueSearch(self.product, store.products())

        offered = form_statuses(self.order.status if self.order else None)  # "Shipped" only through Ship…
        for code, text in choices("order_status"):
            if code in offered:
                self.status.addItem(text, code)
        for edit in (self.ordered_on, self.promised_ready, self.promised_delivery):
            date_field(edit)

    FIELDS = {
        "name": "name", "email": "email", "language": "language", "address_form": "addressForm",
        "order_number": "orderNumber", "product": "product", "quantity": "quantity", "price": "price", "deposit": "deposit",
        "ordered_on": "orderedOn", "promised_ready": "promisedReady", "promised_delivery": "promisedDelivery",
        "change_reason": "changeReason", "status": "status", "pictures": "pictures",
        # (the city before the postcode: each message goes right under their row, the postcode's on top)
        "ship_name": "shipName", "ship_street": "shipStreet", "ship_city": "shipCity", "ship_postcode": "shipPostcode",
        "ship_country": "shipCountry",
    }

    def _make_error_labels(self) -> None:
        """One hidden red line under every field that can be wrong."""
        self.errors: dict[str, QLabel] = {}
        for key, name in self.FIELDS.items():
            widget = self.form.findChild(QWidget, name)
            form, row = self._form_row(widget)
            label = plain_label("")
            label.setObjectName(f"{name}Error")
            label.setStyleSheet(theme.text_style("red"))
            # As wide as its field, not as its words would like: a long message widened its
            # column and narrowed the other (its fields cut); it wraps, taller, instead.
            policy = label.sizePolicy()
            policy.setHorizontalPolicy(QSizePolicy.Ignored)
            label.setSizePolicy(policy)
            label.setAlignment(Qt.AlignLeft | Qt.AlignTop)  # right under its field
            label.hide()
            form.insertRow(row + 1, "", label)
            # an empty label cell keeps the row from taking space while hidden
            form.setRowVisible(row + 1, False)
            self.errors[key] = label

    def _make_language_hint(self) -> None:
        """A grey line under the language for a Belgian address outside Flanders set to
        Dutch: the customer may not read it (audit 12, F8); Afspraak writes Dutch or English."""
        self.language_hint = plain_label("")
        self.language_hint.setObjectName("languageHint")
        self.language_hint.setWordWrap(True)
        self.language_hint.setStyleSheet(theme.text_style("grey"))
        form, row = self._form_row(self.language)
        form.insertRow(row + 1, "", self.language_hint)
        form.setRowVisible(row + 1, False)
        for signal in (self.country.currentIndexChanged, self.language.currentIndexChanged,
                       self.postcode.textChanged):
            signal.connect(self._language_hint)

    def _make_ship_hint(self) -> None:
        """A grey line under the status when it is "Ready": the form does not ship (it makes
        no parcel); "Ship…" does (review of the custom orders, finding 2)."""
        self.ship_hint = plain_label(_("Ship it with “Ship…” in Custom orders."))
        self.ship_hint.setObjectName("shipHint")
        self.ship_hint.setWordWrap(True)
        self.ship_hint.setStyleSheet(theme.text_style("grey"))
        form, row = self._form_row(self.status)
        form.insertRow(row + 1, "", self.ship_hint)
        self.status.currentIndexChanged.connect(self._ship_hint_follows)
        self._ship_hint_follows()

    def _ship_hint_follows(self, *_args) -> None:
        form, row = self._form_row(self.ship_hint)
        form.setRowVisible(row, self.status.currentData() == "ready")

    def _language_hint(self, *_args) -> None:
        shown = (self.language.currentData() == "nl"
                 and outside_flanders(self.country.currentData(), self.postcode.text()))
        if shown:
            self.language_hint.setText(_("Postcode {postcode} is in Brussels or Wallonia: if this customer does not "
                                         "read Dutch, choose English.").format(postcode=self.postcode.text().strip()))
        form, row = self._form_row(self.language_hint)
        form.setRowVisible(row, shown)

    def _form_row(self, widget: QWidget) -> tuple[QFormLayout, int]:
        # Asks layouts (QObjects) only, never ``itemAt``: PySide keeps a wrapper of every
        # QLayoutItem it hands out alive with its layout, and Qt frees the item without
        # telling it, so a later object at the same address can come back as that stale
        # wrapper ("'QWidgetItem' object has no attribute ...", and crashes).
        parent = widget.parentWidget()
        while parent is not None:
            for form in parent.findChildren(QFormLayout):
                row, _role = form.getWidgetPosition(widget)
                if row >= 0:
                    return form, row
                for inner in form.findChildren(QLayout):  # widget inside a nested layout of the row
                    if inner.indexOf(widget) < 0:
                        continue
                    while inner.parent() is not form and isinstance(inner.parent(), QLayout):
                        inner = inner.parent()
                    row, _role = form.getLayoutPosition(inner)
                    if row >= 0:
                        return form, row
            parent = parent.parentWidget()
        raise LookupError(widget.objectName())

    def _load(self, o: CustomOrder) -> None:
        index = self.customer_pick.findData(o.person_id)
        if index < 0:  # an influencer who also ordered: offer her as well
            self.customer_pick.addItem(o.person.name, o.person_id)
            index = self.customer_pick.count() - 1
        self.customer_pick.setCurrentIndex(index)
        self._customer_picked(index)
        self.order_number.setText(o.order_number)
        if o.product_id is not None:
            self.product_search.select(o.product_id)
        self.quantity.setValue(max(1, o.quantity))
        self.price.setText(money.format_input(o.price_cents, i18n.formatting_locale()))
        self.deposit.setText(money.format_input(o.deposit_cents, i18n.formatting_locale()) if o.deposit_cents else "")
        if o.ordered_on:
            self.ordered_on.setDate(qdate(o.ordered_on))
        if o.promised_ready:
            self.promised_ready.setDate(qdate(o.promised_ready))
        self.has_delivery.setChecked(o.promised_delivery is not None)
        self.promised_delivery.setEnabled(o.promised_delivery is not None)
        self.promised_delivery.setDate(qdate(o.promised_delivery or o.promised_ready or to_local(self.now).date()))
        self.status.setCurrentIndex(max(0, self.status.findData(o.status)))
        self.personalisation.setText(o.personalisation)
        self.font_.setText(o.font)
        self.colour.setText(o.colour)
        self.size_.setText(o.size)
        self.note.setPlainText(o.note)
        for item in o.checklist:
            self._add_todo_item(str(item.get("text", "")), bool(item.get("done")))
        if any((o.ship_street, o.ship_postcode, o.ship_city)):  # a delivery of its own (not the shop order's)
            self.ship_name.setText(o.ship_name)
            self.ship_street.setText(o.ship_street)
            self.ship_postcode.setText(o.ship_postcode)
            self.ship_city.setText(o.ship_city)
            self.ship_country.setCurrentIndex(max(0, self.ship_country.findData(o.ship_country or owner().country)))
            self.ship_to.setChecked(True)
        for picture in store.pictures_of(o.id):
            self._add_picture_item(pictures.absolute(picture.path), picture.original_name, ("saved", picture.id))

    def _customer_picked(self, index: int) -> None:
        person_id = self.customer_pick.itemData(index)
        person = lookups.person(person_id) if person_id else None
        for edit, key in ((self.name, "name"), (self.email, "email"), (self.phone, "phone"),
                          (self.street, "street"), (self.postcode, "postcode"), (self.city, "city")):
            edit.setText(getattr(person, key) if person else "")
        # a new customer lives where the shop is (Settings → Country), until the owner says otherwise
        self.country.setCurrentIndex(max(0, self.country.findData(person.country if person else owner().country)))
        self.language.setCurrentIndex(max(0, self.language.findData(person.language if person else "nl")))
        self.address_form.setCurrentIndex(max(0, self.address_form.findData(
            person.address_form if person else default_form(self.country.currentData(), self.language.currentData()))))
        self.address_form.setEnabled(self.language.currentData() == "nl")
        self._form_chosen = person is not None
        if person is None:
            self.name.setFocus()

    # How a postcode is written in the country chosen (audit 12: "1234 AB" stayed for België).
    _POSTCODE_HINTS = {"NL": "1234 AB", "BE": "1000"}

    def _postcode_hint(self, *_args) -> None:
        self.postcode.setPlaceholderText(self._POSTCODE_HINTS.get(self.country.currentData(), ""))

    def _ship_postcode_hint(self, *_args) -> None:
        self.ship_postcode.setPlaceholderText(self._POSTCODE_HINTS.get(self.ship_country.currentData(), ""))

    def _ship_to_toggled(self, on: bool) -> None:
        """The section's fields show while it is ticked; what she typed stays while it is
        closed again (saved only while it is open)."""
        self.ship_fields.setVisible(on)
        if on and self.isVisible():
            self._grow_to_fit()
            self.scroll.ensureWidgetVisible(self.ship_fields)
            self.ship_name.setFocus(Qt.OtherFocusReason)

    def _default_form(self, *_args) -> None:
        if not getattr(self, "_form_chosen", True):
            form = default_form(self.country.currentData(), self.language.currentData())
            self.address_form.setCurrentIndex(max(0, self.address_form.findData(form)))

    def _dates_changed(self, *_args) -> None:
        """The reason field shows only when a saved promised date is being moved."""
        moved = False
        if self.order is not None:
            delivery = pydate(self.promised_delivery.date()) if self.has_delivery.isChecked() else None
            moved = (self.order.promised_ready != pydate(self.promised_ready.date())
                     or self.order.promised_delivery != delivery)
        self.change_reason.setVisible(moved)
        self.change_reason_label.setVisible(moved)

    # --- pictures ----------------------------------------------------------------------
    def _add_picture_item(self, path: Path, name: str, data) -> None:
        pixmap = QPixmap(str(path))
        item = QListWidgetItem(QIcon(pixmap) if not pixmap.isNull() else QIcon(), name)
        item.setData(Qt.UserRole, data)
        item.setToolTip(plain_tooltip(name))
        self.pictures.addItem(item)

    def add_pictures(self, files: list[str]) -> None:
        """Add the dropped or chosen pictures, all or none: one file that is not a picture,
        or not one whole (cut off half-way, damaged), refuses the drop as a whole, and each
        such file is named with what is wrong with it (nothing is left out unsaid)."""
        refused = picture_check.refusals([Path(f) for f in files])
        if refused:
            self._show_error("pictures", errors.pictures_refused(refused))
            return
        for f in files:
            path = Path(f)
            self.pending_pictures.append(str(path))
            self._add_picture_item(path, path.name, ("new", str(path)))
        self._show_error("pictures", "")

    def choose_pictures(self) -> None:
        path = dialogs.ask_open_path(self, _("Add a reference picture"),
                                     _("Pictures ({patterns})").format(patterns=PICTURE_FILTER))
        if path:
            self.add_pictures([path])

    def remove_selected_picture(self) -> None:
        item = self.pictures.currentItem()
        if item is None:
            return
        kind, value = item.data(Qt.UserRole)
        if kind == "saved":
            self.removed_pictures.append(value)
        elif value in self.pending_pictures:
            self.pending_pictures.remove(value)
        self.pictures.takeItem(self.pictures.row(item))

    # --- to do -------------------------------------------------------------------------
    def _add_todo_item(self, text: str, done: bool = False) -> None:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemIsUserCheckable | Qt.ItemIsEditable)
        item.setCheckState(Qt.Checked if done else Qt.Unchecked)
        self.checklist.addItem(item)

    def add_todo(self) -> None:
        text = self.new_todo.text().strip()
        if text:
            self._add_todo_item(text)
            self.new_todo.clear()
        self.new_todo.setFocus()

    def remove_todo(self) -> None:
        row = self.checklist.currentRow()
        if row >= 0:
            self.checklist.takeItem(row)

    # --- saving ------------------------------------------------------------------------
    def read_input(self) -> OrderInput:
        return OrderInput(
            name=self.name.text(), email=self.email.text(), phone=self.phone.text(), street=self.street.text(),
            postcode=self.postcode.text(), city=self.city.text(), country=self.country.currentData(),
            language=self.language.currentData(),
            address_form=self.address_form.currentData() if self.language.currentData() == "nl" else "je",
            order_number=self.order_number.text(), product_id=self._product_id(), quantity=self.quantity.value(),
            personalisation=self.personalisation.text(), font=self.font_.text(), colour=self.colour.text(),
            size=self.size_.text(), note=self.note.toPlainText(), price_text=self.price.text(),
            deposit_text=self.deposit.text(), money_locale=str(i18n.formatting_locale()),
            ordered_on=pydate(self.ordered_on.date()),
            promised_ready=pydate(self.promised_ready.date()),
            promised_delivery=pydate(self.promised_delivery.date()) if self.has_delivery.isChecked() else None,
            status=self.status.currentData(),
            checklist=[{"text": self.checklist.item(i).text(),
                        "done": self.checklist.item(i).checkState() == Qt.Checked}
                       for i in range(self.checklist.count())],
            change_reason=self.change_reason.text() if self.change_reason.isVisible() else "",
            ship_to=self.ship_to.isChecked(), ship_name=self.ship_name.text(), ship_street=self.ship_street.text(),
            ship_postcode=self.ship_postcode.text(), ship_city=self.ship_city.text(),
            ship_country=self.ship_country.currentData(),
        )

    _CUSTOMER_FIELDS = ("name", "email", "phone", "street", "postcode", "city")

    def _new_customer_meant(self) -> bool:
        """A "New customer" with the e-mail address (or, where that does not tell them apart,
        the name) of somebody in Afspraak may be her (badinput #11): ask. Two people can
        share a name and a couple an address, so a new customer stays possible. True: save
        a new customer; False: not now (she was chosen instead, or the owner went back)."""
        name, email = self.name.text(), self.email.text()
        like = lookups.people_like(name, email)
        if not like or getattr(self, "_asked_about", None) == (name, email):
            return True
        known = like[0]
        details = ", ".join(x for x in (known.email, known.city) if x)
        who = f"{known.name} ({details})" if details else known.name
        same_address = bool(email.strip()) and email.strip().casefold() == known.email.strip().casefold()
        text = (_("There is already someone with this email address in Afspraak: {who}. Is this order theirs, or a "
                  "new customer's?") if same_address else
                _("There is already someone with this name in Afspraak: {who}. Is this order theirs, or a new "
                  "customer's?")).format(who=who)
        # TRANSLATORS: a button: this order is for the customer already known, named {name}.
        answer = dialogs.ask_which(self, _("Already in Afspraak?"), text, [
            ("known", _("Use {name}").format(name=known.name)), ("new", _("New customer")), (None, _("Back"))])
        if answer == "new":
            self._asked_about = (name, email)
            return True
        if answer == "known":
            self._choose_known(known)
        return False

    def _choose_known(self, person) -> None:
        """Make ``person`` the order's customer; what was typed stays, a field left empty
        gets what she has (a save never empties her phone or address)."""
        typed = {key: getattr(self, key).text() for key in self._CUSTOMER_FIELDS}
        index = self.customer_pick.findData(person.id)
        if index < 0:  # an influencer who also orders
            self.customer_pick.addItem(person.name, person.id)
            index = self.customer_pick.count() - 1
        self.customer_pick.setCurrentIndex(index)  # fills in her details
        card = {key: getattr(self, key).text() for key in self._CUSTOMER_FIELDS}
        for key, text in people.onto_card(typed, card).items():
            getattr(self, key).setText(text)
        self.summary.setText(_("{name} is chosen as the customer: check the details and press Save again.").format(
            name=person.name))
        self.summary.show()

    def _product_id(self) -> int | None:
        return self.product_search.chosen_id()  # NOT_IN_CATALOGUE (-1): not in the catalogue

    def save(self) -> None:
        self._clear_errors()
        typed = date_problems({"ordered_on": self.ordered_on, "promised_ready": self.promised_ready,
                               "promised_delivery": self.promised_delivery if self.has_delivery.isChecked() else None})
        if typed:  # the fields still hold their last good dates, not the ones she typed
            self.show_errors(typed)
            return
        if self.customer_pick.currentData() is None and not self._new_customer_meant():
            return
        form = self.read_input()
        if form.product_id == -1:
            if not self.product_search.products:  # nothing to choose from: say so, and where products come from
                from desktop.views.rows import without_shortcut

                # Under the field a short line (its row has room for little more); the way on, with the
                # menu's own words, in the line at the foot of the dialog.
                # TRANSLATORS: under the product field of a custom order while the catalogue has no products.
                refusal = {"product": _("No products yet: leave this empty."),
                           # TRANSLATORS: {menu} is a menu path such as "File → Import from the shop…".
                           "catalogue": _("Your catalogue has no products yet. Leave the product empty, or import "
                                          "your products first: {menu}").format(
                               menu="{} → {}".format(without_shortcut(_("&File")),
                                                     without_shortcut(_("&Import from the shop…"))))}
            else:
                refusal = {"product": _("Choose a product from the catalogue, or leave it empty.")}
            self.show_errors(refusal)
            return
        try:
            store.check_order(form, self.now, self.order_id)  # the fields first, then any question
        except store.OrderInvalid as exc:
            self.show_errors(errors.fields(exc))
            return
        if not self._past_ready_meant(form):
            return
        from desktop import reminders
        from desktop.views.undo import saved_as_step

        files = bool(self.pending_pictures or self.removed_pictures)

        def store_it() -> bool:
            self.saved = store.save_order(form, self.now, order_id=self.order_id,
                                          person_id=self.customer_pick.currentData(),
                                          add_pictures=list(self.pending_pictures),
                                          remove_pictures=list(self.removed_pictures),
                                          check=picture_check.decodes)  # as read now, not as when dropped
            return True

        try:
            # A save is a step on Edit → Undo; one that copied or deleted picture files is
            # not (the files are not in the journal), and then no older step is taken back
            # past it either.
            saved_as_step(store_it, lambda: "" if files else self.undo_text())
        except store.OrderInvalid as exc:
            self.show_errors(errors.fields(exc))
            return
        except pictures.NotAPicture as exc:
            self.show_errors({"pictures": _("{problem} Nothing was saved.").format(problem=errors.text(exc))})
            return
        except OSError as exc:  # a picture's copy could not be written (a full disk): no half file, nothing saved
            self.show_errors({"pictures": _("The picture could not be copied into your Afspraak data: {error}. "
                                            "Nothing was saved.").format(error=errors.unwritable(exc))})
            return
        if files:
            reminders.steps_forgotten.emit()
        self.accept()

    def _past_ready_meant(self, form: OrderInput) -> bool:
        """A ready date already over, on an order still to be made and newly typed (a new
        order, or a date moved): said before it is saved (audit 12, F11: it was saved
        without a word and was late at once). Entering an order she is behind on stays
        possible. True: save it."""
        ready = form.promised_ready
        if not past_promise(ready, to_local(self.now).date(), form.status) or (
                self.order is not None and self.order.promised_ready == ready):
            return True
        text = _("The ready date, {date}, has already passed. Afspraak will list the order as late straight "
                 "away and offer you a message to the customer with a new date. Save it like this?").format(
            date=i18n.detail_date(ready))
        answer = dialogs.ask_which(self, _("Ready date has passed"), text, [
            (None, _("Change the date")), ("save", _("Save anyway"))])  # Enter goes back: nothing lost
        if answer != "save":
            self.promised_ready.setFocus(Qt.OtherFocusReason)
            return False
        return True

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…": a custom order added, or one changed.
        if self.order_id is None:
            return _("new order for {name}").format(name=self.saved.person.name)
        return _("changes to the order for {name}").format(name=self.saved.person.name)

    def _show_error(self, key: str, text: str) -> None:
        label = self.errors[key]
        label.setText(breakable(text))  # what she typed, quoted, wraps too
        label.setVisible(bool(text))
        form, row = self._form_row(label)
        form.setRowVisible(row, bool(text))
        field = self.form.findChild(QWidget, self.FIELDS[key])
        field.setProperty("invalid", bool(text))
        theme.mark_mistake(field, bool(text) and not isinstance(field, QListWidget))
        if text and self.isVisible():
            self._grow_to_fit()
            self.scroll.ensureWidgetVisible(label)

    def show_errors(self, errors: dict[str, str]) -> None:
        first = None
        for key, text in errors.items():
            if key in self.errors:
                self._show_error(key, text)
                first = first or self.form.findChild(QWidget, self.FIELDS[key])
        others = [text for key, text in errors.items() if key not in self.errors]
        self.summary.setText("\n".join([_("Nothing was saved. Please check the fields marked in red.")] + others))
        self.summary.show()
        if self.isVisible():
            self._grow_to_fit()  # the line at its foot too
        if first is not None:
            first.setFocus(Qt.OtherFocusReason)
            self.scroll.ensureWidgetVisible(first)

    def _clear_errors(self) -> None:
        for key in self.errors:
            self._show_error(key, "")
        self.summary.hide()
