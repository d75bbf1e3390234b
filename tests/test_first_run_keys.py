"""A first run, and by keyboard alone (review of the first start): nothing offered that
cannot be done, a message never goes out unsigned without a word about it, the keys always
land on something in sight, and Tab reads the window in order, in the app as it starts
(lazy views: ``start_app``), not only in the test window that builds every view at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit, QPushButton, QWidget

from desktop import i18n
from desktop.store import settings
from desktop.store.models import Person, Product

from .conftest import NOW
from .helpers import make_window, start_app, stop_app


# --- the app as it starts ------------------------------------------------------------------

@pytest.fixture
def app_window(qtbot, data_dir, translator, monkeypatch, no_other_instance):
    """The app started as ``afspraak gui`` starts it, on a first run in Dutch: only the view
    on screen built, the products panel after it. Yields its window, shown and active."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    application = start_app(qtbot, ready=True)
    window = application.window
    window.showNormal()
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        yield window
    finally:
        stop_app(application, qtbot)


def _tab_walk(start: QWidget, presses: int = 60) -> list[QWidget]:
    """The widgets Tab gives the focus to, one press at a time from ``start``, until it comes round."""
    start.setFocus(Qt.TabFocusReason)
    QApplication.processEvents()
    seen = []
    for _ in range(presses):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is start:
            break
        seen.append(widget)
    return seen


@pytest.mark.parametrize("with_data", [False, True])
def test_tab_from_the_sidebar_reads_the_view_before_the_products_panel(qtbot, data_dir, translator, monkeypatch,
                                                                         no_other_instance, with_data):
    """In the app the products panel is built after the first view: Tab from the sidebar went
    through the panel's search and buttons before it reached the view's own search. Now: the
    view (its search, its buttons, the list and the pane with its buttons), then the panel."""
    if with_data:
        from desktop import demo
        from desktop.presentation import event_texts  # noqa: F401 - the events' wording, for the example's timeline
        from desktop.store.db import close_database
        from desktop.store.opening import open_database

        open_database()
        demo.fill(NOW)
        close_database()
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    from desktop import tray

    # The example's reminders come due at start: their popup (no tray here) would take the keys.
    monkeypatch.setattr(tray.ReminderPopup, "show_announcement", lambda *args, **kwargs: None)
    application = start_app(qtbot, ready=True)
    window = application.window
    try:
        window.showNormal()
        window.resize(1366, 768)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        for key in ("influencers", "orders"):
            window.show_view(key)
            QApplication.processEvents()
            view = window.view(key)
            dock = window.shipping.catalogue
            assert dock.isVisible()
            walk = _tab_walk(window.sidebar)
            assert walk[0] is view.search, (key, walk[0])
            in_view = [i for i, w in enumerate(walk) if view.isAncestorOf(w)]
            in_dock = [i for i, w in enumerate(walk) if dock.isAncestorOf(w)]
            assert in_dock and max(in_view) < min(in_dock), key
            if with_data:  # the list, then its pane's buttons, all before the panel
                assert view.table in walk[:max(in_view) + 1]
                pane = [i for i, w in enumerate(walk) if view.detail.isAncestorOf(w)]
                assert pane and walk.index(view.table) < min(pane) and max(pane) < min(in_dock), key
    finally:
        stop_app(application, qtbot)


def test_ctrl_and_a_number_on_a_first_run_puts_the_keys_on_what_starts_the_view(app_window, qtbot):
    """Ctrl+1…5 on an empty view gave the focus to its list, which is hidden while there is
    nothing in it; Escape in an empty search did the same. Now the keys go to what starts
    the view: the first step of "Getting started", "New influencer…", "New order…", or the
    search where the view has no such button."""
    window = app_window
    expected = {"today": "gettingStartedShop", "influencers": "newInfluencer", "shipments": "search",
                "orders": "newOrder", "timeline": "search"}
    for number, key in enumerate(window.view_keys, start=1):
        window.sidebar.setFocus()
        QTest.keyClick(window, getattr(Qt, f"Key_{number}"), Qt.ControlModifier)
        QApplication.processEvents()
        focus = QApplication.focusWidget()
        assert window.current_view().key == key
        assert focus is not None and focus.isVisible(), (key, focus)
        assert focus.objectName() == expected[key], key
        view = window.view(key)
        view.search.setFocus()
        QTest.keyClick(view.search, Qt.Key_Escape)  # in the empty search: on to the list, here what starts it
        assert QApplication.focusWidget() is focus, key


def test_each_step_of_getting_started_hands_the_keys_to_the_next(app_window, qtbot, monkeypatch):
    """The names saved with Enter cleared the focus (the keys went nowhere); a new influencer
    saved from the list left it on the banner's "×" or the sidebar (the influencer list it
    was given to is out of sight). Now each step hands the keys to the next one's button."""
    from desktop.views import dialogs

    window = app_window
    window.show_view("today")
    steps = window.view("today").getting_started
    steps.shop_name.setFocus()
    QTest.keyClicks(steps.shop_name, "Zilver & Zo")
    QTest.keyClick(steps.shop_name, Qt.Key_Tab)
    assert QApplication.focusWidget() is steps.owner_name
    QTest.keyClicks(steps.owner_name, "Eva")
    QTest.keyClick(steps.owner_name, Qt.Key_Return)
    assert settings.get("shop_name") == "Zilver & Zo"
    assert window.focusWidget() is steps.findChild(QPushButton, "gettingStartedImport")

    def fill_in(dialog) -> bool:
        dialog.w("name").setText("Roos Verbeek")
        return dialog.save()

    monkeypatch.setattr(dialogs, "run", fill_in)
    steps.findChild(QPushButton, "gettingStartedInfluencer").click()
    assert Person.select().count() == 1
    agreement = steps.findChild(QPushButton, "gettingStartedAgreement")
    assert agreement.isEnabled() and window.focusWidget() is agreement


# --- an unsigned message ----------------------------------------------------------------------

@pytest.fixture
def unsigned(demo_db, monkeypatch):
    """The example shop's reminders, with no shop name and no owner's name to sign them."""
    from desktop.views import today

    monkeypatch.setattr(today, "utcnow", lambda: NOW)
    settings.set("shop_name", "")
    settings.set("owner_name", "")


def _names_filled_in(monkeypatch, seen: list):
    """Settings answered as the owner would: her names typed on the page it opened at, saved."""
    from desktop.views import dialogs

    def fill_in(window) -> bool:
        seen.append((window.current_page(), window.focusWidget()))
        window.shop_name.setText("Zilver & Zo")
        window.owner_name.setText("Eva")
        return window.save()

    monkeypatch.setattr(dialogs, "run", fill_in)


def test_vandaag_says_a_message_is_not_signed_and_fills_in_the_names(qtbot, unsigned, translator, monkeypatch):
    """With no names set, Vandaag's ready message ended on "Groetjes," with nothing under it,
    and nothing said so. Now the pane says it, and its button opens Settings at the names;
    saved, the same reminder shows again, signed."""
    i18n.set_language("en")
    window = make_window(qtbot, "en", view="today")
    view = window.view("today")
    rows = [i for i, r in view.item_rows() if view.items[r.id].action == "message" and view.items[r.id].kind != "custom_order"]
    row = rows[-1]  # not the first: the one she was reading comes back, not the top of the list
    assert row != view.item_rows()[0][0]
    view.table.selectRow(row)
    QApplication.processEvents()  # the pane's new widgets shown
    item = view.items[view.model.rows[row].id]
    note = view.detail.findChild(QLabel, "todayUnsigned")
    assert note is not None and note.isVisible() and "not signed" in note.text()
    assert view.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText().rstrip().endswith(",")  # "Cheers,"
    seen: list = []
    _names_filled_in(monkeypatch, seen)
    view.detail.findChild(QPushButton, "todayFillNames").click()
    assert seen and seen[0][0] == "shop"  # at the names, the cursor in the first one
    assert settings.get("owner_name") == "Eva"
    assert view.items[view.current_id].key == item.key  # the same reminder again
    assert view.detail.findChild(QLabel, "todayUnsigned") is None
    text = view.detail.findChild(QPlainTextEdit, "todayMessage").toPlainText()
    assert text.rstrip().endswith("Eva\nZilver & Zo")


def test_the_reminders_dialog_asks_for_the_names_first_and_its_keys_start_there(qtbot, unsigned, translator,
                                                                                monkeypatch):
    """The question over an unsigned message offered only "show without those sentences" or
    "write it yourself", and the keys started on "Kanaal" with the dialog's buttons off. Now
    its first answer fills in the names (Settings), the keys start there, Tab goes through
    the answers first; saved, the message is written again, signed, ready to copy."""
    from desktop.store import due
    from desktop.views.due_dialog import DueStepDialog

    i18n.set_language("en")
    item = next(i for i in due.due_now(NOW) if i.action == "message" and i.kind == "deliverable")
    dialog = DueStepDialog(item, now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    question = dialog.incomplete_question
    names = question.findChild(QPushButton, "fillInNames")
    assert names is not None and QApplication.focusWidget() is names
    order = [names, question.findChild(QPushButton, "showIncomplete"), question.findChild(QPushButton, "writeOwn"),
             dialog.channel]
    for before, after in zip(order, order[1:]):
        QTest.keyClick(before, Qt.Key_Tab)
        assert QApplication.focusWidget() is after, before.objectName()
    seen: list = []
    _names_filled_in(monkeypatch, seen)
    names.click()
    assert seen[0][0] == "shop"
    assert dialog.incomplete_question is None
    assert dialog.message.toPlainText().rstrip().endswith("Eva\nZilver & Zo")
    assert dialog.copy_button.isEnabled() and dialog.sent_button.isEnabled()
    assert dialog.focusWidget() is dialog.copy_button


def test_a_question_about_another_missing_value_starts_at_its_first_answer(qtbot, demo_db, translator,
                                                                           monkeypatch):
    """Not the names but another value missing: no names button, and the keys start at
    "Show without those sentences", not on "Kanaal"."""
    from desktop.presentation import due_texts
    from desktop.presentation import messages as m
    from desktop.store import due
    from desktop.views.due_dialog import DueStepDialog

    sanne = next(i for i in due.due_now(NOW) if i.person_name == "Sanne de Vries")
    lacking = m.render(sanne.template, {"voornaam": "Sanne", "winkel": "Zilver & Zo"}, m.Recipient("Sanne", "nl", "NL", "je"),
                       now=NOW)
    assert lacking.incomplete and not m.UNSIGNED <= set(lacking.incomplete)
    monkeypatch.setattr(due_texts, "compose", lambda item, now, extra=None, channel=None: lacking)
    dialog = DueStepDialog(sanne, now=lambda: NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.incomplete_question.findChild(QPushButton, "fillInNames") is None
    assert QApplication.focusWidget() is dialog.incomplete_question.findChild(QPushButton, "showIncomplete")


# --- only what is possible --------------------------------------------------------------------

def test_influencers_offer_the_example_shop_only_while_it_can_be_loaded(qtbot, database, translator):
    """After a product import the empty Influencers view still said "or load the example
    shop: Help → Getting started", where no such button is (it loads only into an empty
    database)."""
    window = make_window(qtbot, "en", view="influencers")
    view = window.view("influencers")
    steps = window.view("today").getting_started
    assert "example shop" in view.empty_text.text()
    steps.refresh()
    assert not steps.load_button.isHidden()
    Product.create(key="RM-01", name="Ring Maan", price_cents=2995)
    view.refresh()
    steps.refresh()
    assert steps.load_button.isHidden()
    assert view.pages.currentIndex() == 0 and "example shop" not in view.empty_text.text()
    assert "New influencer" in view.empty_text.text()


def test_a_note_is_not_offered_while_there_is_nobody_to_write_it_about(qtbot, database, translator, monkeypatch):
    """On an empty database the timeline said "press Ctrl+N to write a note", and Ctrl+N
    opened a note whose "Who" list was empty, refused with "Choose who this is about". Now
    the timeline says to add someone first, and Ctrl+N says so instead of the form."""
    from desktop.views import dialogs

    told = []
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    window = make_window(qtbot, "en", view="timeline")
    view = window.view("timeline")
    assert view.pages.currentIndex() == 0
    assert "Ctrl+N to write a note" not in view.empty_text.text()
    assert "add an influencer or an order first" in view.empty_text.text()
    window.open_quick_note()
    qtbot.waitUntil(lambda: bool(told))
    assert window.quick_note is None and "New influencer" in told[0]

    Person.create(name="Roos Verbeek", is_influencer=True)  # somebody, still nothing on the timeline
    view.refresh()
    assert view.pages.currentIndex() == 0 and "Ctrl+N to write a note" in view.empty_text.text()
    window.open_quick_note()
    qtbot.waitUntil(lambda: window.quick_note is not None)
    assert window.quick_note.person.count() == 1
    window.quick_note.dialog.reject()


@pytest.mark.parametrize("country, postcode", [("BE", "1000"), ("NL", "1234 AB")])
def test_a_new_influencer_or_customer_lives_in_the_shops_country(qtbot, database, translator, country, postcode):
    """A Belgian shop (Settings → Country: Belgium) got every new influencer and customer
    in the Netherlands, with the Dutch postcode "1234 AB" as the example."""
    from desktop.clock import utcnow
    from desktop.views.influencer_dialog import InfluencerDialog
    from desktop.views.order_dialog import OrderDialog

    settings.set("shop_country", country)
    influencer = InfluencerDialog(None)
    qtbot.addWidget(influencer)
    assert influencer.w("country").currentData() == country
    order = OrderDialog(None, utcnow())
    qtbot.addWidget(order)
    assert order.country.currentData() == country
    assert order.postcode.placeholderText() == postcode


def test_a_first_custom_order_is_told_why_its_product_cannot_be_chosen(qtbot, database, translator):
    """With an empty catalogue, a product name typed into a first custom order was refused
    "Choose a product from the catalogue, or leave it empty", with no word that the catalogue
    is empty nor where products come from; Maatwerk's empty page never said that her shop's
    orders can be imported."""
    from desktop.clock import utcnow
    from desktop.views.order_dialog import OrderDialog

    i18n.set_language("en")
    dialog = OrderDialog(None, utcnow())
    qtbot.addWidget(dialog)
    dialog.name.setText("Lotte de Wit")
    dialog.product.setEditText("Keychain with a letter")
    dialog.save()
    assert "No products yet" in dialog.errors["product"].text()
    said = dialog.summary.text()
    assert "no products yet" in said and "File → Import from the shop…" in said and "Leave the product empty" in said

    window = make_window(qtbot, "en", view="orders")
    words = window.view("orders").empty_text.text().replace("\u00a0", " ")
    assert "File → Import from the shop…" in words and "order export" in words


# --- names for a screen reader, letters for the keys -----------------------------------------

def test_the_notices_close_button_the_first_steps_fields_and_the_settings_pages_have_names(qtbot, database,
                                                                                          translator):
    from desktop.views.settings_window import SettingsWindow

    window = make_window(qtbot, "nl")
    close = window.findChild(QWidget, "bannerClose")
    assert close.accessibleName() and close.toolTip()
    steps = window.view("today").getting_started
    assert steps.shop_name.accessibleName() == "Naam van je winkel" and steps.owner_name.accessibleName() == "Je naam"
    settings_window = SettingsWindow(window)
    qtbot.addWidget(settings_window)
    assert settings_window.pages.accessibleName()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_field_of_the_settings_has_an_alt_letter_on_every_page(qtbot, database, translator, language):
    """Settings (Ctrl+,) had no Alt letters at all, where every other dialog has them."""
    from desktop.views.settings_window import SettingsWindow

    from .test_keyboard import _clashes, _mnemonic, _widget_texts

    i18n.set_language(language)
    dialog = SettingsWindow(None)
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    for page in range(dialog.stack.count()):
        dialog.pages.setCurrentRow(page)
        QApplication.processEvents()
        assert _clashes(_widget_texts(dialog)) == {}, page
        labels = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None and label.isVisibleTo(dialog)]
        assert labels or page == 3, page  # the templates page: its one label chose its letter by hand
        assert [label.text() for label in labels if _mnemonic(label.text()) is None] == [], page
    dialog.show_page("shop")
    QApplication.processEvents()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    label = next(label for label in dialog.findChildren(QLabel) if label.buddy() is dialog.owner_name)
    dialog.shop_name.setFocus()
    QTest.keyClick(dialog, _mnemonic(label.text())[-1].lower(), Qt.AltModifier)
    assert QApplication.focusWidget() is dialog.owner_name
