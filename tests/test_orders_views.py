"""Maatwerk in the GUI: create an order, move it through its statuses, send a delay message."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton

from desktop import i18n
from desktop.presentation import messages
from desktop.presentation import due_texts
from desktop.store import orders as store
from desktop.store import settings
from desktop.store.models import CustomOrder, Event, OrderPicture, Person, Product, Shipment
from desktop.views import dialogs
from desktop.views import order_message
from desktop.views import orders as orders_view
from desktop.views.main_window import MainWindow
from tests.conftest import NOW
from tests.helpers import png_bytes

PNG = png_bytes()  # whole: a picture is checked to its last byte


@pytest.fixture
def window(qtbot, database, translator):
    settings.set("time_zone", "Europe/Amsterdam")
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    w.show_view("orders")
    view = w.view("orders")
    view.clock = lambda: NOW
    return w


class Script:
    """Plays the part of the owner in each dialog that opens, in turn."""

    def __init__(self, monkeypatch, *steps):
        self.steps = list(steps)
        self.seen = []
        monkeypatch.setattr(orders_view, "run_dialog", self.run)

    def run(self, dialog):
        self.seen.append(type(dialog).__name__)
        step = self.steps.pop(0)
        dialog.show()  # as exec() would
        step(dialog)
        dialog.hide()
        return dialog.result()


def qd(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def test_create_an_order_with_bad_input_first(qtbot, window, monkeypatch, tmp_path):
    Product.create(key="SL-01", name="Sleutelhanger met letter", price_cents=1995)
    picture = tmp_path / "voorbeeld van klant.png"
    picture.write_bytes(PNG)
    view = window.view("orders")
    assert view.pages.currentIndex() == 0  # the empty state explains what to do
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda parent, title, text: asked.append(text) or False)

    def fill(dialog):
        # bad first: no name, a negative price, a promise before the order date
        dialog.price.setText("-5")
        dialog.promised_ready.setDate(qd(NOW.date() - timedelta(days=3)))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
        assert dialog.result() != QDialog.Accepted
        assert dialog.errors["name"].isVisible() and "naam" in dialog.errors["name"].text()
        assert "negatief" in dialog.errors["price"].text()
        assert "vóór de besteldatum" in dialog.errors["promised_ready"].text()
        assert CustomOrder.select().count() == 0 and Person.select().count() == 0
        # then right
        qtbot.keyClicks(dialog.name, "Ingrid Jansen")
        dialog.email.setText("ingrid@example.be")
        dialog.country.setCurrentIndex(dialog.country.findData("BE"))
        dialog.address_form.setCurrentIndex(dialog.address_form.findData("u"))
        dialog.order_number.setText("#1050")
        dialog.product.setCurrentIndex(dialog.product.findText("Sleutelhanger met letter"))
        dialog.personalisation.setText("Letter M")
        dialog.colour.setText("goud")
        dialog.price.setText("24,95")
        dialog.promised_ready.setDate(qd(NOW.date() + timedelta(days=4)))
        dialog.new_todo.setText("Graveren")
        dialog.add_todo()
        # a reference picture dropped from the file manager
        mime = QMimeData()
        mime.setUrls([QUrl.fromLocalFile(str(picture))])
        viewport = dialog.pictures.viewport()
        enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(viewport, enter)
        assert enter.isAccepted()
        drop = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
        QApplication.sendEvent(viewport, drop)
        qtbot.waitUntil(lambda: dialog.pictures.count() == 1)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
        assert dialog.result() == QDialog.Accepted

    script = Script(monkeypatch, fill)
    qtbot.mouseClick(view.new_button, Qt.LeftButton)
    assert script.seen == ["OrderDialog"]
    order = CustomOrder.get()
    assert (order.person.name, order.person.country, order.person.address_form) == ("Ingrid Jansen", "BE", "u")
    assert (order.price_cents, order.product.name, order.checklist) == (
        2495, "Sleutelhanger met letter", [{"text": "Graveren", "done": False}])
    [pic] = OrderPicture.select()
    assert pic.original_name == "voorbeeld van klant.png" and "voorbeeld" not in pic.path
    assert asked  # offered to send the confirmation
    assert view.pages.currentIndex() == 1 and view.model.rowCount() == 1
    assert view.model.rows[0].sublines[2] == "nog 4 dagen"  # under the promised date


def make_order(status="in_production", ready_in=2, **kw):
    product = Product.create(key=f"P{CustomOrder.select().count()}", name="Naamketting", price_cents=4295)
    person = Person.create(name="Sofie Maes", email="sofie@example.be", country="BE", address_form="u",
                           is_customer=True)
    return CustomOrder.create(person=person, order_number="#1029", product=product, personalisation="Naam: Mila",
                              price_cents=4295, ordered_on=NOW.date() - timedelta(days=10),
                              promised_ready=NOW.date() + timedelta(days=ready_in),
                              promised_delivery=NOW.date() + timedelta(days=ready_in + 2), status=status, **kw)


def buttons(view):
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # the old detail widgets go first
    return {b.objectName(): b for b in view.detail.findChildren(QPushButton) if b.objectName()}


def test_move_an_order_through_its_statuses_and_ship_it(qtbot, window, monkeypatch):
    order = make_order(status="new", ready_in=9)
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)

    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)
    assert CustomOrder.get_by_id(order.id).status == "in_production"
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)
    assert CustomOrder.get_by_id(order.id).status == "ready"
    assert buttons(view)["nextStatus"].text() == "Verzenden…"

    def ship(dialog):
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("bpost"))
        dialog.tracking_code.setText("HELLO")  # not a bpost code: said in the dialog, nothing shipped
        dialog.ship()
        assert dialog.error.isVisible() and "bpost" in dialog.error.text()
        assert Shipment.select().count() == 0
        dialog.tracking_code.setText("323299999999999999999999")
        dialog.ship()

    def shipped_message(dialog):
        assert dialog.kind.currentData() == "order_shipped"
        body = dialog.body.toPlainText()
        assert body.startswith("Beste Sofie,") and "Het pakje met uw Naamketting is onderweg." in body
        assert "Het wordt geleverd door bpost." in body and "pakket" not in body  # Belgian: a pakje
        assert "https://track.bpost.cloud/btr/web/#/search?itemCode=323299999999999999999999&lang=nl" in body
        dialog.mark_sent()

    script = Script(monkeypatch, ship, shipped_message)
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)
    assert script.seen == ["OrderShipDialog", "OrderMessageDialog"]
    shipment = Shipment.get()
    assert (shipment.custom_order_id, shipment.carrier, shipment.status) == (order.id, "bpost", "sent")
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    sent = Event.get(Event.kind == "message", Event.step == "order_shipped")
    assert sent.direction == "out" and sent.channel == "email"
    # the pane names which message went out, not its greeting; the whole text on hover
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    [line] = [w for w in view.detail.findChildren(QLabel) if w.text().endswith("Verzonden, met track-and-trace")]
    assert line.text().startswith("23\xa0nov\xa02026 · E-mail: ") and "Beste Sofie," in line.toolTip()
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)
    assert CustomOrder.get_by_id(order.id).status == "delivered"
    # a delivered order leaves the list of open orders: the empty page says the filter hides
    # it, with the way back; the filter finds it again
    assert view.model.rowCount() == 0 and view.pages.currentIndex() == 0 and view.show_all_button.isVisible()
    view.status_filter.setCurrentIndex(view.status_filter.findData("delivered"))
    assert view.model.rowCount() == 1
    statuses = [e.step for e in Event.select().where(Event.kind == "status").order_by(Event.id)]
    assert statuses == ["in_production", "ready", "shipped", "delivered"]



@pytest.mark.parametrize("street, postcode, city, heading", [
    # a street alone is not enough to post it: the same rule as Zendingen's (shipments.has_address)
    ("Kerkstraat 4", "", "", "Aan Sofie Maes, Kerkstraat 4, België: dit adres is niet volledig. Kijk het na in de "
                             "bestelling in je webshop voor je het pakket verstuurt."),
    ("", "9000", "Gent", "Aan Sofie Maes, 9000 Gent, België: dit adres is niet volledig. Kijk het na in de "
                         "bestelling in je webshop voor je het pakket verstuurt."),
    ("Kerkstraat 4", "9000", "Gent", "Aan Sofie Maes, Kerkstraat 4, 9000 Gent, België"),
])
def test_the_ship_dialog_says_when_the_address_is_not_complete(qtbot, window, street, postcode, city, heading):
    from desktop.views.order_message import OrderShipDialog

    order = make_order(status="ready", ready_in=1)
    Person.update(street=street, postcode=postcode, city=city).where(Person.id == order.person_id).execute()
    dialog = OrderShipDialog(window, order.id, NOW)
    qtbot.addWidget(dialog)
    assert dialog.form.findChild(QLabel, "heading").text() == heading

def test_ship_an_order_that_went_out_days_ago(qtbot, window, monkeypatch):
    order = make_order(status="ready", ready_in=1)
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)

    def ship(dialog):
        assert dialog.sent_on.date() == qd(NOW.date())  # today unless she says otherwise
        # no address for Sofie in Afspraak: said before the parcel goes (audit 12, F11)
        assert dialog.form.findChild(QLabel, "heading").text() == (
            "Aan Sofie Maes: Afspraak heeft geen adres van deze klant. Kijk het adres na in de bestelling in je "
            "webshop voor je het pakket verstuurt.")
        dialog.carrier.setCurrentIndex(dialog.carrier.findData("bpost"))
        dialog.tracking_code.setText("323299999999999999999999")
        dialog.sent_on.lineEdit().setText("24-11-2026")  # tomorrow: said in the dialog, nothing shipped
        dialog.ship()
        assert dialog.error.isVisible() and "nog moet komen" in dialog.error.text()
        assert Shipment.select().count() == 0 and dialog.result() != QDialog.Accepted
        dialog.sent_on.lineEdit().setText("20-11-2026")
        dialog.ship()

    script = Script(monkeypatch, ship, lambda dialog: dialog.reject())
    qtbot.mouseClick(buttons(view)["nextStatus"], Qt.LeftButton)
    assert script.seen == ["OrderShipDialog", "OrderMessageDialog"]
    shipment = Shipment.get()
    assert shipment.sent_at.date() == date(2026, 11, 20)
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    shipped = Event.get(Event.fact == "order_shipped")
    assert shipped.params["day"] == "2026-11-20"


def test_the_delay_reminder_and_the_delay_message(qtbot, window, monkeypatch):
    order = make_order(status="in_production", ready_in=2)  # promised Wednesday 25 November
    view = window.view("orders")
    view.clock = lambda: NOW - timedelta(days=1)  # Sunday: not yet due
    view.refresh()
    view.select_order(order.id)
    assert "dueAction" not in buttons(view)
    view.clock = lambda: NOW  # Monday 10:30 in Amsterdam: two days before
    view.refresh()
    view.select_order(order.id)
    assert "dueAction" in buttons(view)
    new_date = NOW.date() + timedelta(days=7)

    def delay(dialog):
        # two days before: the "on schedule" update first, and the question whether it is
        assert dialog.kind.currentData() == "order_update" and not dialog.new_date.isVisible()
        assert "ligt nog steeds op schema. Uw bestelling is tegen woensdag 25 november klaar, zoals beloofd." \
            in dialog.body.toPlainText()  # Sofie lives in Belgium
        assert dialog.schedule_question.isVisible()
        assert "woensdag 25 november" in dialog.findChild(QLabel, "scheduleWords").text().replace("\xa0", " ")
        qtbot.mouseClick(dialog.late_button, Qt.LeftButton)  # it will be late after all
        assert dialog.kind.currentData() == "order_delay"
        assert dialog.new_date.isVisible() and not dialog.schedule_question.isVisible()
        dialog.new_date.setDate(qd(NOW.date() + timedelta(days=1)))  # earlier than promised: refused
        dialog.reason.setText("De graveermachine is kapot")
        dialog.mark_sent()
        assert dialog.result() != QDialog.Accepted and dialog.error.isVisible()
        dialog.new_date.setDate(qd(new_date))
        body = dialog.body.toPlainText()
        assert "maandag 30 november" in body and "woensdag 25 november" in body
        assert "uw Naamketting (bestelling #1029)" in body and "het voor" not in body
        dialog.mark_sent()

    script = Script(monkeypatch, delay)
    qtbot.mouseClick(buttons(view)["dueAction"], Qt.LeftButton)
    assert script.seen == ["OrderMessageDialog"]
    order = CustomOrder.get_by_id(order.id)
    assert order.promised_ready == new_date
    assert order.promised_delivery == new_date + timedelta(days=2)
    [change] = [c for c in store.date_history(order.id) if c.field == "promised_ready"]
    assert change.old_date == NOW.date() + timedelta(days=2) and change.reason == "De graveermachine is kapot"
    # the reminder is answered, and the history is in the detail pane
    assert "dueAction" not in buttons(view)
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    texts = [w.text() for w in view.detail.findChildren(type(view.title))]
    assert any("De graveermachine is kapot" in t and "klaardatum" in t for t in texts)
    assert any("E-mail" in t for t in texts)


def test_mail_and_copy(qtbot, window, monkeypatch):
    order = make_order(status="in_production", ready_in=5)
    opened = []
    monkeypatch.setattr(order_message, "open_url", lambda url: opened.append(url.toString()) or True)
    dialog = order_message.OrderMessageDialog(window, order.id, "order_confirmation", NOW)
    qtbot.addWidget(dialog)
    assert "€ 42,95" in dialog.body.toPlainText()  # QPlainTextEdit gives a plain space for the no-break one
    qtbot.mouseClick(dialog.mail_button, Qt.LeftButton)
    assert opened and opened[0].startswith("mailto:sofie@example.be?subject=")
    dialog.copy()
    assert QApplication.clipboard().text() == dialog.body.toPlainText()


@pytest.mark.parametrize("language,country,form,expect", [
    ("nl", "NL", "je", ["Hoi Ingrid,", "Je bestelnummer is #7", "vrijdag 27 november", "€\xa024,95", "Groetjes,"]),
    ("nl", "BE", "u", ["Beste Ingrid,", "Uw bestelnummer is #7", "vrijdag 27 november", "€\xa024,95",
                       "Met vriendelijke groeten,"]),
    ("en", "NL", "je", ["Hi Ingrid,", "Your order number is #7", "Friday 27 November", "€24.95", "Best wishes,"]),
])
def test_templates_render_in_the_customers_language(database, language, country, form, expect):
    settings.set("shop_name", "Zilver & Zo")
    settings.set("owner_name", "Eva")
    person = Person.create(name="Ingrid Jansen", language=language, country=country, address_form=form)
    order = CustomOrder.create(person=person, order_number="#7", personalisation="Letter M", price_cents=2495,
                               ordered_on=date(2026, 11, 20), promised_ready=date(2026, 11, 27))
    i18n.set_language("nl")  # the owner's language does not matter
    message = due_texts.compose_order(order.id, "order_confirmation", NOW)
    for text in expect:
        assert text in message.body
    assert "[" not in message.body and "{" not in message.body
    # no product: "your personalised item", and the sentence naming it stays (test_message_review3.py)
    assert message.missing == ()
    assert ("gepersonaliseerde product" if language == "nl" else "personalised item") in message.body
    locale = {"nl": {"NL": "nl_NL", "BE": "nl_BE"}, "en": {"NL": "en_GB"}}[language][country]
    assert str(messages.Recipient("Ingrid", language, country, form).locale) == locale
    delay = due_texts.compose_order(order.id, "order_delay", NOW, new_ready=date(2026, 12, 4))
    assert ("vrijdag 4 december" if language == "nl" else "Friday 4 December") in delay.body


def test_the_ladder_opens_the_order_message_for_a_custom_order_reminder(qtbot, window):
    from desktop.store import due
    from desktop.views import due_dialog

    order = make_order(status="in_production", ready_in=2)
    [item] = [i for i in due.due_now(NOW) if i.kind == "custom_order"]
    assert (item.step, item.subject_id) == ("delay_warning", order.id)
    acted = []
    dialog = due_dialog.open_due_item(item, window, acted.append)
    qtbot.addWidget(dialog)
    assert isinstance(dialog, order_message.OrderMessageDialog)
    # news before the date opens on the neutral update, never on an apology with a date
    assert dialog.kind.currentData() == "order_update" and "[" not in dialog.body.toPlainText()
    assert "op schema" in dialog.body.toPlainText() and "vertraging" not in dialog.body.toPlainText()
    assert dialog.schedule_question.isVisible()
    qtbot.mouseClick(dialog.late_button, Qt.LeftButton)
    assert dialog.kind.currentData() == "order_delay"
    dialog.new_date.setDate(qd(NOW.date() + timedelta(days=6)))
    dialog.mark_sent()
    assert acted == ["sent"]
    assert CustomOrder.get_by_id(order.id).promised_ready == NOW.date() + timedelta(days=6)
    assert [i for i in due.due_now(NOW) if i.kind == "custom_order"] == []


def test_news_before_the_date_sent_as_it_opens_keeps_the_promised_date(qtbot, window):
    """From the tray, on schedule: she sends what the dialog opened on. The customer hears
    the order is on track; the promised date stays, and the reminder is answered."""
    from desktop.store import due
    from desktop.views import due_dialog

    order = make_order(status="in_production", ready_in=2)
    promised = CustomOrder.get_by_id(order.id).promised_ready
    [item] = [i for i in due.due_now(NOW) if i.kind == "custom_order"]
    dialog = due_dialog.open_due_item(item, window)
    qtbot.addWidget(dialog)
    dialog.mark_sent()
    assert CustomOrder.get_by_id(order.id).promised_ready == promised
    assert store.last_purpose(order.id) == "order_update"
    assert [i for i in due.due_now(NOW) if i.kind == "custom_order"] == []


def test_a_late_order_opens_on_the_late_news_without_the_question(qtbot, window):
    from desktop.store import due
    from desktop.views import due_dialog

    make_order(status="in_production", ready_in=-1)  # the promised day was yesterday
    [item] = [i for i in due.due_now(NOW) if i.kind == "custom_order"]
    assert item.step == "late"
    dialog = due_dialog.open_due_item(item, window)
    qtbot.addWidget(dialog)
    assert dialog.kind.currentData() == "order_delay" and dialog.new_date.isVisible()
    assert not dialog.schedule_question.isVisible()


def test_the_warning_days_are_a_setting(qtbot, window, monkeypatch):
    order = make_order(status="in_production", ready_in=3)
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)
    assert "dueAction" not in buttons(view)  # 3 days ahead, warned at 2

    def three(dialog):
        assert dialog.warn_days.value() == 2
        dialog.warn_days.setValue(3)
        dialog.save()

    Script(monkeypatch, three)
    qtbot.mouseClick(view.settings_button, Qt.LeftButton)
    assert settings.get("delay_warning_days") == 3
    view.select_order(order.id)
    assert "dueAction" in buttons(view)


def test_a_delay_sent_without_a_reason_gets_the_default_reason_in_the_owners_language(qtbot, window):
    order = make_order(status="in_production", ready_in=2)
    dialog = order_message.OrderMessageDialog(window, order.id, "order_delay", NOW)
    qtbot.addWidget(dialog)
    dialog.new_date.setDate(qd(NOW.date() + timedelta(days=9)))
    dialog.reason.setText("  ")
    dialog.mark_sent()
    assert dialog.result() == QDialog.Accepted
    [change] = [c for c in store.date_history(order.id) if c.field == "promised_ready"]
    assert change.new_date == NOW.date() + timedelta(days=9)
    assert change.reason == "Vertragingsbericht naar de klant gestuurd"  # worded by the dialog, kept by the store


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_order_dialog_lines_up_its_fields_and_gives_its_todo_rows_room(qtbot, demo_db, translator, language):
    from PySide6.QtWidgets import QFormLayout

    from desktop.views import theme
    from desktop.views.order_dialog import OrderDialog

    i18n.set_language(language)
    late = CustomOrder.get(CustomOrder.order_number == "#1033")
    dialog = OrderDialog(None, NOW, order_id=late.id)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    lefts = set()
    for name in ("customerForm", "orderForm"):
        form = dialog.form.findChild(QFormLayout, name)
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is not None and widget.isVisible():
                lefts.add(widget.mapTo(dialog, widget.rect().topLeft()).x())
    assert len(lefts) == 1, f"the Klant and Bestelling fields start at {sorted(lefts)}"
    checklist = dialog.checklist
    assert checklist.count() == 2
    for i in range(checklist.count()):
        assert checklist.visualItemRect(checklist.item(i)).height() >= theme.list_row_height(checklist)


@pytest.mark.parametrize("promised_in,new_in,wording", [
    # a delay sent yesterday, the new date in two days: the news before it is the update,
    # on schedule for that date (never "nog steeds": audit 9, messages F7)
    (-2, 2, "Met uw Naamketting (bestelling #1029) liggen we goed op schema. De datum blijft"),
    # a delay sent yesterday, and that new date is over too: late again, and it says so
    (-3, -1, "Het spijt ons dat we u hier opnieuw over moeten schrijven: we hebben meer tijd nodig voor uw "
             "Naamketting (bestelling #1029). Het is ons ook tegen"),  # Sofie lives in Belgium
])
def test_vandaag_and_the_dialog_show_one_wording_of_an_order_message(qtbot, window, frozen_clock,
                                                                     promised_in, new_in, wording):
    """Audit 8, finding 13: Vandaag (and ``afspraak due``) showed one wording, the dialog
    opened from that row another (the alternative, as the last message had the same
    purpose). Now one text wherever the owner reads it."""
    from desktop.store import due
    from desktop.views import due_dialog

    order = make_order(status="in_production", ready_in=promised_in)
    yesterday = NOW - timedelta(days=1)
    store.record_message(order.id, "order_delay", "email", "vertraging", yesterday,
                         new_ready=NOW.date() + timedelta(days=new_in), reason="kapot")
    if new_in < 0:  # that date is over as well: a second delay, as the ladder's late news
        frozen_clock.set(NOW + timedelta(days=1))
    now = frozen_clock()
    [item] = [i for i in due.due_now(now) if i.kind == "custom_order"]
    shown = due_texts.compose(item, now)
    dialog = due_dialog.open_due_item(item, window)
    qtbot.addWidget(dialog)
    assert (dialog.subject.text(), dialog.body.toPlainText()) == (shown.subject, shown.body)
    assert wording in shown.body, shown.body


def test_a_new_order_proposes_the_lead_time_on_a_working_day(qtbot, window):
    """Audit 12, F6: the first proposal is her lead time (10 days by default, Settings), not a
    fixed week, and never a Sunday: from Friday 27 November 2026 that is Monday 7 December."""
    from desktop.views.order_dialog import OrderDialog

    settings.set("order_lead_days", 10)
    dialog = OrderDialog(window, NOW)
    qtbot.addWidget(dialog)
    assert (dialog.ordered_on.date(), dialog.promised_ready.date()) == (qd(NOW.date()), qd(date(2026, 12, 3)))
    friday = OrderDialog(window, NOW + timedelta(days=4))
    qtbot.addWidget(friday)
    assert friday.promised_ready.date() == qd(date(2026, 12, 7))  # 6 December is a Sunday


def test_back_to_ready_from_shipped_asks_and_takes_the_parcel_away(qtbot, window, monkeypatch):
    """Audit 12, F5: shipped by mistake; "Terug naar „Klaar”" asks first, then the parcel
    leaves Zendingen so shipping it again makes one parcel, not two."""
    order = make_order(status="ready", ready_in=1)
    store.ship_order(order.id, store.ShipInput("postnl", "3SABCD1234567"), NOW)
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)
    asked = []
    monkeypatch.setattr(dialogs, "confirm", lambda _parent, title, text: asked.append(text) or False)
    view.move_to("ready")  # "No": nothing changes
    assert "Zendingen" in asked[0] and Shipment.select().count() == 1
    assert CustomOrder.get_by_id(order.id).status == "shipped"
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    view.move_to("ready")
    assert CustomOrder.get_by_id(order.id).status == "ready" and Shipment.select().count() == 0


def test_the_postcode_hint_follows_the_country(qtbot, window):
    from desktop.views.order_dialog import OrderDialog

    dialog = OrderDialog(window, NOW)
    qtbot.addWidget(dialog)
    dialog.country.setCurrentIndex(dialog.country.findData("NL"))
    assert dialog.postcode.placeholderText() == "1234 AB"
    dialog.country.setCurrentIndex(dialog.country.findData("BE"))
    assert dialog.postcode.placeholderText() == "1000"
    dialog.country.setCurrentIndex(dialog.country.findData("other"))
    assert dialog.postcode.placeholderText() == ""
    belgian = OrderDialog(window, NOW, order_id=make_order().id)  # Sofie Maes, from Belgium
    qtbot.addWidget(belgian)
    assert belgian.postcode.placeholderText() == "1000"


def test_a_new_order_of_three_pieces_with_a_ready_date_already_over(qtbot, window, monkeypatch):
    """Audit 12, F11: the quantity is the order's own field, shown in the list and named in
    the customer's message; a ready date already over is asked about before it is saved."""
    Product.create(key="NK-01", name="Naamketting", price_cents=4295)
    view = window.view("orders")
    asked = []
    answers = [None, "save"]  # first back to the form, then save it anyway
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    monkeypatch.setattr(dialogs, "ask_which", lambda parent, title, text, choices: (
        asked.append((title, text, [key for key, _label in choices])) or answers.pop(0)))

    def fill(dialog):
        qtbot.keyClicks(dialog.name, "Ingrid Jansen")
        dialog.product.setCurrentIndex(dialog.product.findText("Naamketting"))
        dialog.quantity.setValue(3)
        dialog.price.setText("128,85")
        dialog.ordered_on.setDate(qd(NOW.date() - timedelta(days=12)))
        dialog.promised_ready.setDate(qd(NOW.date() - timedelta(days=2)))
        save = dialog.buttons.button(dialog.buttons.StandardButton.Save)
        qtbot.mouseClick(save, Qt.LeftButton)
        assert dialog.result() != QDialog.Accepted and CustomOrder.select().count() == 0
        assert asked[0][0] == "Klaardatum al voorbij"
        assert "21 november 2026" in asked[0][1].replace("\xa0", " ") and asked[0][2] == [None, "save"]
        assert dialog.promised_ready.hasFocus() or not dialog.isActiveWindow()
        qtbot.mouseClick(save, Qt.LeftButton)
        assert dialog.result() == QDialog.Accepted

    script = Script(monkeypatch, fill)
    qtbot.mouseClick(view.new_button, Qt.LeftButton)
    assert script.seen == ["OrderDialog"] and len(asked) == 2
    order = CustomOrder.get()
    assert (order.quantity, order.promised_ready) == (3, NOW.date() - timedelta(days=2))
    row = view.model.rows[0]
    assert row.cells[3] == "3 × Naamketting"
    message = due_texts.compose_order(order.id, "order_delay", NOW)
    assert "je Naamketting (3 stuks)" in message.body


def test_a_ready_date_in_the_future_or_unchanged_is_not_asked_about(qtbot, window, monkeypatch):
    order = make_order(ready_in=-3)  # already late, saved before
    view = window.view("orders")
    view.refresh()
    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    monkeypatch.setattr(dialogs, "ask_which", lambda *a: pytest.fail("asked about a date she did not change"))

    def edit(dialog):
        assert dialog.quantity.value() == 1
        dialog.quantity.setValue(2)
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.LeftButton)
        assert dialog.result() == QDialog.Accepted

    Script(monkeypatch, edit)
    view.select_order(order.id)
    view.edit_order()
    assert CustomOrder.get_by_id(order.id).quantity == 2


def test_a_finished_order_is_coloured_by_its_promised_delivery_day(qtbot, window):
    """Audit 12: an order marked ready and not shipped by its delivery day stayed plain in
    the list; it is red, and says how late the delivery is on hover."""
    late = make_order(status="ready", ready_in=-3)  # delivery promised yesterday
    view = window.view("orders")
    view.refresh()
    [row] = [r for r in view.model.rows if r.id == late.id]
    assert (row.colour, row.tooltip) == ("red", "Bestelling #1029\nlevering: 1 dag te laat")
    CustomOrder.update(promised_delivery=NOW.date() + timedelta(days=5)).where(CustomOrder.id == late.id).execute()
    view.refresh()
    [row] = [r for r in view.model.rows if r.id == late.id]
    assert (row.colour, row.tooltip) == ("", "Bestelling #1029\nlevering: nog 5 dagen")


def test_a_belgian_address_outside_flanders_asks_her_to_check_the_language(qtbot, window):
    """Audit 12, F8: a customer in Liège or Brussels was set to Dutch "u" without a word."""
    from desktop.views.order_dialog import OrderDialog

    dialog = OrderDialog(window, NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.country.setCurrentIndex(dialog.country.findData("BE"))
    dialog.postcode.setText("4000")
    assert dialog.language_hint.isVisible() and "Wallonië" in dialog.language_hint.text()
    assert "4000" in dialog.language_hint.text()
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    assert not dialog.language_hint.isVisible()
    dialog.language.setCurrentIndex(dialog.language.findData("nl"))
    dialog.postcode.setText("2000")  # Antwerpen
    assert not dialog.language_hint.isVisible()
    dialog.postcode.setText("1050")  # Elsene / Ixelles
    assert dialog.language_hint.isVisible()
    dialog.country.setCurrentIndex(dialog.country.findData("NL"))
    assert not dialog.language_hint.isVisible()


def test_the_ship_dialog_names_the_address_it_has(qtbot, window):
    from desktop.views.order_message import OrderShipDialog

    order = make_order(status="ready")
    Person.update(street="Meir 8", postcode="2000", city="Antwerpen").where(Person.id == order.person_id).execute()
    dialog = OrderShipDialog(window, order.id, NOW)
    qtbot.addWidget(dialog)
    assert dialog.form.findChild(QLabel, "heading").text() == "Aan Sofie Maes, Meir 8, 2000 Antwerpen, België"


def test_the_list_and_the_pane_say_which_variant_was_ordered(qtbot, window):
    """Audit of 2026-12-05: the list and the pane said "Naamketting" where the catalogue sells
    it in gold and in silver, and that is what she makes."""
    from PySide6.QtWidgets import QLabel

    order = make_order()
    Product.update(variant="goud").where(Product.id == order.product_id).execute()
    view = window.view("orders")
    view.refresh()
    view.select_order(order.id)
    assert view.model.rows[0].cells[3] == "Naamketting (goud)"
    assert any(label.text() == "Naamketting (goud)" for label in view.detail.findChildren(QLabel))


def test_the_product_cells_tooltip_holds_the_whole_text_to_engrave(qtbot, window):
    """At 1366 wide the text to engrave under the product ends in "…" ("Naam: Ingrid, sierlijk
    lette…"); the cell's tooltip gave only the product. It now holds both lines whole."""
    engraving = "Naam: Ingrid, sierlijk lettertype, met een hartje achter de naam"
    order = make_order()
    order.personalisation = engraving
    order.save()
    view = window.view("orders")
    view.refresh()
    model = view.table.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.UserRole) == order.id)
    tip = model.index(row, 3).data(Qt.ToolTipRole)
    assert "Naamketting\n" + engraving in tip, tip
    assert "#1029" in tip  # the row's own tooltip after it


def test_the_order_pane_calls_the_personalisation_as_its_dialog_does(qtbot, window):
    """Review 27 (wording): the pane said "Tekst" for what the order dialog calls
    "Personalisatie" (and Tijdlijn's "Tekst" column is another thing)."""
    from tests.test_orders_store import form

    store.save_order(form(), NOW)
    view = window.view("orders")
    view.refresh()
    view.table.selectRow(0)
    labels = [w.text() for w in view.detail.findChildren(QLabel)]
    assert "Personalisatie" in labels and "Letter M" in labels and "Tekst" not in labels, labels


def test_the_search_finds_a_customer_as_the_owner_types_her(window):
    """As the Influencers list (review of its search): accents, apostrophes and a phone
    number typed any way find the order of that customer."""
    anais = Person.create(name="Anaïs D’Hondt", phone="+32 470 12 34 56", is_customer=True)
    sanne = Person.create(name="Sanne de Vries", phone="06 12345678", is_customer=True)
    CustomOrder.create(person=anais, order_number="#1", personalisation="Letter A", promised_ready=date(2026, 12, 4))
    CustomOrder.create(person=sanne, order_number="#2", personalisation="Letter S", promised_ready=date(2026, 12, 5))
    view = window.view("orders")
    view.refresh()
    for typed, name in [("anais d'hondt", "Anaïs D’Hondt"), ("0470 12 34 56", "Anaïs D’Hondt"),
                        ("+31 6 12345678", "Sanne de Vries"), ("0612345678", "Sanne de Vries")]:
        view.search.setText(typed)
        view._apply_filter()
        assert [r.cells[0] for r in view.model.rows] == [name], typed
