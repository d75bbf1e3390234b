"""The dialogs of the shipping flow, on forms from ui/: a parcel for an influencer, a
product added by hand (with a picture dropped from the file manager), and a chooser for
doing a drop without a mouse ("Verzenden naar…").

Each class fills its form and checks what was typed; ``dialogs.ask_*`` run them, so tests
can drive them without a blocking ``exec()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLabel, QListView, QWidget

from desktop import i18n
from desktop.domain import carriers
from desktop.domain import shipments as shipment_rules
from desktop.domain.money import MoneyError, parse_money
from desktop.domain.names import clean_name
from desktop.domain.search_text import fold, needle
from desktop.domain.shipments import value_cents
from desktop.i18n import _
from desktop.labels import choices, label
from desktop.presentation import errors, record_texts
from desktop.store import lookups, pictures
from desktop.store.shipping import NewShipment, collaboration_for_parcel, open_collaborations, product_title
from desktop.clock import to_local, utcnow
from desktop.views.forms import date_field, load_form, to_qdate, typed_day
from desktop.views.keys import letters_when_shown
from desktop.views import picture_check, theme


def _amount_or_problem(text: str) -> tuple[int | None, str | None]:
    """An amount typed by the owner, read in the UI language's locale (never a shop CSV's rules)."""
    try:
        return parse_money(text, i18n.formatting_locale()), None
    except MoneyError as exc:
        return None, str(exc)


class ShipmentDialog:
    """A parcel for one person: prefilled with her address and the dropped products."""

    def __init__(self, parent: QWidget | None, person_id: int, product_ids: list[int], confirm=None,
                 collaboration_id: int | None = None):
        """``confirm(parent, title, text)`` asks yes/no (views/dialogs.py hands in its
        replaceable one; without it, a plain Qt question); ``collaboration_id``: the
        collaboration chosen to start with (else the one the products most likely are for)."""
        self.dialog: QDialog = load_form("shipment_dialog.ui", parent)
        letters_when_shown(self.dialog)
        self._confirm = confirm or _ask_yes_no
        d = self.dialog
        self.person = lookups.person(person_id)
        counts: dict[int, int] = {}
        for pid in product_ids:
            counts[pid] = counts.get(pid, 0) + 1
        products = {p.id: p for p in lookups.products(list(counts))}
        self.items = [(products[pid], q) for pid, q in counts.items() if pid in products]
        d.setWindowTitle(_("Send to {name}").format(name=self.person.name))
        d.findChild(QWidget, "recipient").setText(_("To: {name}").format(name=self.person.name))
        p = self.person
        # Where the parcel goes: her address, editable here; what is typed is saved to her
        # profile together with the parcel (store/shipping.create_shipment).
        self.address_label = d.findChild(QWidget, "address")
        self.known_address = shipment_rules.has_address(p.street, p.postcode, p.city)
        self.address_label.setText(
            _("The parcel goes to this address. A change here is also saved in {name}’s profile.").format(name=p.name)
            if self.known_address else
            _("No address known yet for {name}. Fill it in here: it is saved in the profile with the parcel.").format(
                name=p.name))
        self.street = d.findChild(QWidget, "street")
        self.postcode = d.findChild(QWidget, "postcode")
        self.city = d.findChild(QWidget, "city")
        self.country = d.findChild(QWidget, "country")
        self.address_problem = d.findChild(QWidget, "addressProblem")
        self.street.setText(p.street)
        self.postcode.setText(p.postcode)
        self.city.setText(p.city)
        for code, text in choices("country"):
            self.country.addItem(text, code)
        self.country.setCurrentIndex(max(self.country.findData(p.country or "NL"), 0))
        self.address_problem.hide()
        self.products = d.findChild(QWidget, "products")
        for product, quantity in self.items:
            self.products.addItem(_("{quantity} × {product}").format(quantity=quantity, product=product_title(product)))
        self.collaboration = d.findChild(QWidget, "collaboration")
        open_ = open_collaborations(p.id)
        for c in open_:
            self.collaboration.addItem(_("{title} ({status})").format(
                title=c.title or _("(untitled)"), status=label("collab_status", c.status)), c.id)
        self.collaboration.addItem(_("A new collaboration (proposed)"), None)
        if collaboration_id is None:  # dropped on her: the deal these products most likely are for
            collaboration_id = collaboration_for_parcel(open_, list(counts))
        chosen = self.collaboration.findData(collaboration_id) if collaboration_id is not None else -1
        if chosen >= 0:
            self.collaboration.setCurrentIndex(chosen)
        self.carrier = d.findChild(QWidget, "carrier")
        for code, text in choices("carrier"):
            self.carrier.addItem(text, code)
        self.tracking = d.findChild(QWidget, "tracking")
        self.tracking_problem = d.findChild(QWidget, "trackingProblem")
        self.shipping = d.findChild(QWidget, "shipping")
        theme.currency_field(self.shipping)
        self.shipping_problem = d.findChild(QWidget, "shippingProblem")
        self.sent = d.findChild(QWidget, "sent")
        # The day it went out (a parcel recorded on a later day counts from then): in use
        # only once it is marked as sent.
        self.sent_on = d.findChild(QWidget, "sentOn")
        self.sent_on_problem = d.findChild(QWidget, "sentOnProblem")
        self.today = to_local(utcnow()).date()
        self.sent_on.setDate(to_qdate(self.today))
        date_field(self.sent_on)
        self.sent.toggled.connect(self.sent_on.setEnabled)
        self.sent_on_problem.hide()
        total = value_cents([(pr.price_cents, q) for pr, q in self.items])
        d.findChild(QWidget, "value").setText(_("Value of the products: {amount}").format(amount=i18n.format_money(total)))
        buttons: QDialogButtonBox = d.findChild(QDialogButtonBox, "buttons")
        buttons.button(QDialogButtonBox.Ok).setText(_("Create shipment"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(d.reject)
        self.tracking.textChanged.connect(self._check_tracking)
        self.carrier.currentIndexChanged.connect(self._check_tracking)
        self.tracking_problem.hide()
        self.shipping_problem.hide()
        self.result: NewShipment | None = None

    def _tracking(self) -> carriers.TrackingInput:
        # The link is built with the postcode the parcel goes to: the one in the form.
        return carriers.read_tracking_input(self.carrier.currentData(), self.tracking.text(),
                                            self.postcode.text() or self.person.postcode,
                                            self.country.currentData() or self.person.country, i18n.current_language())

    def _address(self) -> tuple[shipment_rules.Address, dict[str, str]]:
        return shipment_rules.read_address(self.street.text(), self.postcode.text(), self.city.text(),
                                           self.country.currentData())

    def _check_tracking(self, *_args) -> bool:
        problem = self._tracking().problem
        self.tracking_problem.setText(problem or "")
        self.tracking_problem.setVisible(bool(problem))
        return problem is None

    def set_values(self, carrier: str = "postnl", tracking: str = "", shipping: str = "", sent: bool = False,
                   collaboration_index: int | None = None, address: tuple[str, str, str, str] | None = None,
                   sent_on: str | None = None) -> None:
        """Fill the form as a person would (used by tests and by nothing else);
        ``address``: (street, postcode, city, country code); ``sent_on``: the day as typed."""
        if address is not None:
            self.street.setText(address[0])
            self.postcode.setText(address[1])
            self.city.setText(address[2])
            self.country.setCurrentIndex(self.country.findData(address[3]))
        self.carrier.setCurrentIndex(self.carrier.findData(carrier))
        self.tracking.setText(tracking)
        self.shipping.setText(shipping)
        self.sent.setChecked(sent)
        if sent_on is not None:
            self.sent_on.lineEdit().setText(sent_on)
        if collaboration_index is not None:
            self.collaboration.setCurrentIndex(collaboration_index)

    def accept(self) -> bool:
        address, address_problems = self._address()
        shown = "\n".join(dict.fromkeys(address_problems.values()))
        self.address_problem.setText(shown)
        self.address_problem.setVisible(bool(shown))
        if address_problems:
            field = next(f for f in ("street", "postcode", "city") if f in address_problems)
            getattr(self, field).setFocus()
            return False
        tracking_ok = self._check_tracking()
        shipping, problem = _amount_or_problem(self.shipping.text())
        self.shipping_problem.setText(problem or "")
        self.shipping_problem.setVisible(bool(problem))
        if not tracking_ok:
            self.tracking.setFocus()
            return False
        if problem:
            self.shipping.setFocus()
            return False
        sent_on, day_problem = self._sent_on()
        self.sent_on_problem.setText(day_problem)
        self.sent_on_problem.setVisible(bool(day_problem))
        if day_problem:
            self.sent_on.setFocus()
            return False
        if address.empty and self.sent.isChecked() and not self.confirm_without_address():
            self.street.setFocus()
            return False
        tracking = self._tracking()
        self.result = NewShipment(
            person_id=self.person.id,
            items=[(p.id, q) for p, q in self.items],
            carrier=self.carrier.currentData(),
            tracking_code=tracking.code,
            tracking_url=tracking.url,
            shipping_cents=shipping or 0,
            collaboration_id=self.collaboration.currentData(),
            collaboration_title=record_texts.gift_title(product_title(p) for p, _q in self.items),
            sent=self.sent.isChecked(),
            sent_on=sent_on if sent_on != self.today else None,
            address=None if address.empty else address,
        )
        self.dialog.accept()
        return True

    def _sent_on(self):
        """The day the parcel went out as typed, and what is wrong with it ('' when nothing;
        never asked while it is not marked as sent)."""
        if not self.sent.isChecked():
            return None, ""
        return typed_day(self.sent_on, lambda day: shipment_rules.sent_day_problem(day, self.today))

    def confirm_without_address(self) -> bool:
        """A parcel marked as sent with no address anywhere: only on an explicit yes."""
        return self._confirm(self.dialog, *no_address_question(self.person.name))


def no_address_question(name: str) -> tuple[str, str]:
    """Title and text of the question before a parcel without an address is marked sent."""
    return _("No address"), _(
        "There is no address for {name}. Mark the parcel as sent anyway? "
        "It stays flagged in Shipments until the address is filled in.").format(name=name)


def _ask_yes_no(parent: QWidget | None, title: str, text: str) -> bool:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Question, title, text, QMessageBox.Yes | QMessageBox.No, parent)
    box.setTextFormat(Qt.PlainText)
    return box.exec() == QMessageBox.Yes


@dataclass
class ProductInput:
    name: str
    sku: str
    variant: str
    price_cents: int | None
    cost_cents: int | None
    category: str
    picture: Path | None
    picture_format: str


def image_format(path: Path) -> tuple[str, pictures.NotAPicture | None]:
    """The image format read from the file's content, or "" and why it cannot be a product's
    picture. Only what the catalogue keeps (an SVG, even named .png, ended in a ValueError),
    and only a picture that reads whole, every pixel: a cut-off PNG or JPEG, or one of
    20000 × 20000 pixels (more than Qt decodes), was saved with the product and showed as
    nothing, or as a grey half."""
    try:
        _data, kind = pictures.read_picture(path, pictures.PRODUCT_KINDS, picture_check.decodes)
    except pictures.NotAPicture as exc:
        return "", exc
    return kind, None


def local_files(mime) -> list[Path]:
    return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()] if mime.hasUrls() else []


PICTURE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp")


def picture_drop_problem(files: list[Path]) -> str | None:
    """Why these dropped files cannot become a product's picture (it has ONE), or None."""
    others = [p.name for p in files if p.suffix.lower() not in PICTURE_SUFFIXES]
    if others:
        return _("Only pictures can go with a product, so nothing was added. Not a picture: {files}.").format(
            files=", ".join(others))
    if len(files) > 1:
        # TRANSLATORS: {n} is 2 or more.
        return _("A product can have only one picture, and you dropped {n}: drop just the one you want. Nothing was "
                 "changed.").format(n=len(files))
    return None


class _PictureDrop(QObject):
    """Accepts an image file dropped from the file manager onto the picture area; any
    other drop of files gets a word at the picture (several, or not pictures)."""

    def __init__(self, owner: "ProductDialog"):
        super().__init__(owner.dialog)
        self.owner = owner

    def eventFilter(self, obj, event):
        if event.type() in (QEvent.DragEnter, QEvent.DragMove):
            files = local_files(event.mimeData())
            if files:  # taken even when unfit: the drop says why
                event.acceptProposedAction()
                obj.setStyleSheet(_drop_style())
            else:
                event.ignore()
            return True
        if event.type() == QEvent.DragLeave:
            obj.setStyleSheet("")
            return True
        if event.type() == QEvent.Drop:
            obj.setStyleSheet("")
            files = local_files(event.mimeData())
            problem = picture_drop_problem(files) if files else None
            if problem:
                self.owner._say(problem)
                event.acceptProposedAction()
            elif files and self.owner.set_picture(files[0]):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        return False


def _open_file(parent: QWidget | None, title: str, filters: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getOpenFileName(parent, title, "", filters)[0]


class ProductDialog:
    def __init__(self, parent: QWidget | None, picture: Path | None = None, choose_path=None):
        """``choose_path(parent, title, filters)`` asks for a picture file (views/dialogs.py
        hands in its replaceable ``ask_open_path``; without it, Qt's file dialog)."""
        self.dialog: QDialog = load_form("product_dialog.ui", parent)
        letters_when_shown(self.dialog)
        self._choose_path = choose_path or _open_file
        d = self.dialog
        self.fields = {name: d.findChild(QWidget, name) for name in ("name", "variant", "sku", "price", "cost", "category")}
        for name in ("price", "cost"):
            theme.currency_field(self.fields[name])
        self.picture_label = d.findChild(QWidget, "picture")
        self.picture_label.setAcceptDrops(True)
        self._drop = _PictureDrop(self)
        self.picture_label.installEventFilter(self._drop)
        self.picture_label.setText(_("Drop a picture here from your file manager"))
        self.problem = d.findChild(QWidget, "problem")
        self.problem.hide()
        d.findChild(QWidget, "choosePicture").clicked.connect(self._choose)
        buttons: QDialogButtonBox = d.findChild(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(d.reject)
        self.picture: Path | None = None
        self.picture_format = ""
        self.result: ProductInput | None = None
        if picture is not None:
            self.set_picture(picture)

    def _choose(self) -> None:
        path = self._choose_path(self.dialog, _("Choose a picture"), _("Pictures (*.png *.jpg *.jpeg *.gif *.webp *.bmp)"))
        if path:
            self.set_picture(Path(path))

    def set_picture(self, path: Path) -> bool:
        fmt, refused = image_format(path)
        if refused is not None:
            self._say(errors.text(refused))
            return False
        self.picture, self.picture_format = path, fmt
        pixmap = QPixmap(str(path))
        self.picture_label.setPixmap(pixmap.scaled(200, 140, Qt.KeepAspectRatio, Qt.SmoothTransformation))
        self.problem.hide()
        return True

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def accept(self) -> bool:
        f = self.fields
        name = clean_name(f["name"].text())  # zero-width spaces alone are no name
        if not name:
            self._say(_("A product needs a name."))
            f["name"].setFocus()
            return False
        price, problem = _amount_or_problem(f["price"].text())
        cost, cost_problem = _amount_or_problem(f["cost"].text())
        if problem or cost_problem:
            self._say(problem or cost_problem)
            (f["price"] if problem else f["cost"]).setFocus()
            return False
        self.result = ProductInput(name, f["sku"].text().strip(), f["variant"].text().strip(), price, cost,
                                   f["category"].text().strip(), self.picture, self.picture_format)
        self.dialog.accept()
        return True


class _ListKeys(QObject):
    """Up, Down and the page keys typed in a search field move through the list under it."""

    MOVES = (Qt.Key_Up, Qt.Key_Down, Qt.Key_PageUp, Qt.Key_PageDown)

    def __init__(self, listing: QWidget, parent: QObject):
        super().__init__(parent)
        self.listing = listing

    def eventFilter(self, watched, event):
        if event.type() == QEvent.KeyPress and event.key() in self.MOVES:
            QApplication.sendEvent(self.listing, QKeyEvent(event.type(), event.key(), event.modifiers()))
            return True
        return False


class _Choices(QStringListModel):
    """The chooser's entries; the rows are those whose text holds every typed word.

    A string list model, not a QListWidget: 13,000 names (the privacy menu on a large
    shop) were 13,000 items to make when the dialog opened (~0.3 s) and to hide or show
    one by one at every key (~50 ms). Here a key is a pass over lower-cased strings and
    one new list; counting and drawing the rows stays in Qt (a row count asked from
    Python was asked 24,000 times a key), only a row's flags are Python's
    (docs/PERFORMANCE.md, fix 54)."""

    def __init__(self, entries: list[tuple[int, str, str | None]], parent: QObject):
        super().__init__(parent)
        self.ids = [entry_id for entry_id, _text, _blocked in entries]
        self.texts = [text if not blocked else _("{name} ({reason})").format(name=text, reason=blocked)
                      for _id, text, blocked in entries]
        self.enabled = [not blocked for _id, _text, blocked in entries]
        self._lowered = [fold(text) for text in self.texts]  # as the lists search: "anais" finds Anaïs
        self.shown = list(range(len(self.texts)))  # entry indexes, in the entries' order
        self._words: list[str] = []
        self.setStringList(self.texts)

    def flags(self, index: QModelIndex):
        if index.isValid() and self.enabled[self.shown[index.row()]]:
            return Qt.ItemIsEnabled | Qt.ItemIsSelectable
        return Qt.NoItemFlags  # greyed, and passed over by the keys

    def show_matching(self, words: list[str]) -> None:
        """Only the entries holding every one of ``words`` (folded: search_text.needle) as rows."""
        # Every earlier word inside one of the new ones (a word typed further): the new
        # matches are among the old ones, so only those are looked at again.
        narrower = all(any(old in new for new in words) for old in self._words)
        pool = self.shown if narrower else range(len(self.texts))
        lowered = self._lowered
        if not words:
            shown = list(range(len(self.texts)))
        elif len(words) == 1:
            word = words[0]
            shown = [i for i in pool if word in lowered[i]]
        else:
            shown = [i for i in pool if all(word in lowered[i] for word in words)]
        self.shown, self._words = shown, words
        texts = self.texts
        self.setStringList([texts[i] for i in shown])

    def entry_id(self, row: int) -> int | None:
        """The id of the entry on ``row``, when it may be chosen."""
        if 0 <= row < len(self.shown) and self.enabled[self.shown[row]]:
            return self.ids[self.shown[row]]
        return None


class Chooser:
    """Pick one entry of a list by typing; entries that may not be chosen are shown greyed with a reason."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 entries: list[tuple[int, str, str | None]], current: int | None = None):
        self.dialog: QDialog = load_form("chooser_dialog.ui", parent)
        d = self.dialog
        d.setWindowTitle(title)
        d.findChild(QWidget, "prompt").setText(prompt)
        self.filter = d.findChild(QWidget, "filter")
        self.list = d.findChild(QListView, "choices")
        self.list.setUniformItemSizes(True)  # one line each: no row measured to lay out 13,000
        self.choices = _Choices(entries, d)
        self.list.setModel(self.choices)
        self.filter.textChanged.connect(self._filter)
        self.list.activated.connect(lambda _index: self.accept())
        buttons: QDialogButtonBox = d.findChild(QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(d.reject)
        self.ok = buttons.button(QDialogButtonBox.Ok)
        # Why nothing is taken when the line chosen, or every line left, is greyed.
        self.hint = QLabel(_("A greyed line cannot be chosen: it says why."))
        self.hint.setObjectName("chooserHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        d.layout().insertWidget(d.layout().indexOf(buttons), self.hint)
        self.list.selectionModel().currentChanged.connect(lambda *_args: self._say_if_greyed())
        self.result: int | None = None
        # It starts on the one chosen in the view behind (Enter takes her), greyed or not,
        # and on nobody when none was: Enter then takes nobody until a name is typed (it
        # took the first name of the list, or the next one after a blocked person: audit 10, F12).
        row = next((row for row, entry_id in enumerate(self.choices.ids) if entry_id == current), None)
        self._on_greyed = row is not None and self.choices.entry_id(row) is None  # in sight, never current
        if row is not None:
            chosen = self.choices.index(row)
            self.list.setCurrentIndex(chosen)
            self.list.scrollTo(chosen)
        self._say_if_greyed()
        # Up and Down (and the page keys) in the search field go through the names below
        # it, so typing, then Down and Enter, picks the second match without the mouse.
        self._list_keys = _ListKeys(self.list, d)
        self.filter.installEventFilter(self._list_keys)

    def current_row(self) -> int:
        """The row chosen in the list (-1: none)."""
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def shown_texts(self) -> list[str]:
        """The lines the list shows now (what the typed words left)."""
        return [self.choices.texts[i] for i in self.choices.shown]

    def _filter(self, text: str) -> None:
        self.choices.show_matching(needle(text).split())
        self._on_greyed = False
        self._select_first()
        self._say_if_greyed()

    def _select_first(self) -> None:
        row = next((row for row in range(self.choices.rowCount()) if self.choices.entry_id(row) is not None), None)
        if row is not None:
            self.list.setCurrentIndex(self.choices.index(row))
            self.list.scrollTo(self.choices.index(row))

    def _say_if_greyed(self) -> None:
        """OK only for a line that may be taken (a greyed one is never current); the hint
        when it was opened on a greyed line, or the typed words left only greyed ones."""
        takeable = self.choices.entry_id(self.current_row()) is not None
        self.ok.setEnabled(takeable)
        only_greyed = bool(self.filter.text().strip()) and self.choices.rowCount() > 0  # else one was chosen
        self.hint.setVisible(not takeable and (self._on_greyed or only_greyed))

    def accept(self) -> bool:
        entry_id = self.choices.entry_id(self.current_row())
        if entry_id is None:
            return False
        self.result = entry_id
        self.dialog.accept()
        return True


def _drop_style() -> str:
    """The picture field while a picture is dragged over it: the accent, from the palette."""
    line = theme.accent()
    fill = theme.mix(line, theme.palette().color(theme.QPalette.Base), 0.15)
    return "background: {fill}; border: 2px solid {line};".format(fill=theme.css(fill), line=theme.css(line))
