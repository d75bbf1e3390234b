"""Products given in a collaboration come from the catalogue (issue 21, item 4): several,
each with a quantity and a value from the catalogue price that stays editable; what is not
in the catalogue is still written by hand, and what was written before stays shown."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QLabel, QToolButton

from desktop import i18n, paths
from desktop.domain import collaborations as rules
from desktop.domain.validation import DeliverableInput, GiftInput, validate_collaboration
from desktop.store import influencers as ops
from desktop.store.db import close_database
from desktop.store.models import AgreementVersion, Collaboration, CollaborationProduct, Deliverable, Person, Product
from desktop.store.recovery import open_checked
from desktop.views.collaboration_dialog import CollaborationDialog
from tests.conftest import NOW
from tests.test_schema_upgrades import FIXTURES

NBSP = "\xa0"


# --- domain ----------------------------------------------------------------------------

def test_the_total_counts_every_piece_and_a_piece_without_value_as_nothing():
    gifts = [rules.Gift("Ketting Maan", 2, 3995), rules.Gift("Armband", 1, None), rules.Gift("Ring", 3, 1000)]
    assert rules.gifts_total(gifts) == 2 * 3995 + 3 * 1000
    assert rules.gifts_total([]) == 0


def test_the_products_given_read_as_one_line_with_the_words_typed_by_hand():
    gifts = [rules.Gift("Ketting Maan", 2, 3995), rules.Gift("Armband", 1, None)]
    item = "{}× {}".format
    assert rules.gifts_words(gifts, " cadeaubon ", item) == "2× Ketting Maan, Armband, cadeaubon"
    assert rules.gifts_words([], "cadeaubon", item) == "cadeaubon"
    assert rules.gifts_words([], "", item) == ""


def test_a_changed_product_is_a_changed_term():
    old = rules.terms({"title": "x"}, [], [rules.Gift("Ketting Maan", 1, 3995)])
    new = rules.terms({"title": "x"}, [], [rules.Gift("Ketting Maan", 2, 3995)])
    assert rules.diff(old, new) == {"gifts": [[["Ketting Maan", 1, 3995]], [["Ketting Maan", 2, 3995]]]}
    assert rules.diff(rules.terms({"title": "x"}, []), rules.terms({"title": "x"}, [], [])) == {}
    text = rules.describe_value("gifts", new["gifts"], lambda c: i18n.format_money(c, locale=i18n.formatting_locale("nl")),
                                str, str)
    assert text == f"2× Ketting Maan (€{NBSP}39,95)"


def test_a_value_that_is_no_amount_is_refused_at_its_row():
    errors, cleaned = validate_collaboration(
        {"title": "x"}, [DeliverableInput("post", 1, date(2026, 12, 1))], person_status="active", is_new=True,
        agreed=False, changed=True, money_locale="nl_NL",
        gifts=[GiftInput("Ketting Maan", 1, "39,95", 1), GiftInput("Ring", 1, "veel", 2)])
    assert set(errors) == {"gift_1", "gifts"}
    assert cleaned["gifts"][0] == rules.Gift("Ketting Maan", 1, 3995, 1)


# --- store -----------------------------------------------------------------------------

@pytest.fixture
def shop(database):
    person = Person.create(name="Sanne de Vries", is_influencer=True)
    moon = Product.create(key="KT-01", name="Ketting Maan", price_cents=3995, cost_cents=1200)
    sun = Product.create(key="AB-02", name="Armband Zon", variant="goud", price_cents=2450)
    return person, moon, sun


def _cleaned(gifts, products="", status="agreed"):
    errors, cleaned = validate_collaboration(
        {"title": "Ketting", "products": products, "status": status},
        [DeliverableInput("post", 1, date(2026, 12, 1))], person_status="active", is_new=True, agreed=False,
        changed=True, money_locale="nl_NL", gifts=gifts)
    assert not errors
    return cleaned


def test_products_given_are_stored_in_order_and_a_change_is_kept_in_the_history(shop):
    person, moon, sun = shop
    deliverables = [DeliverableInput("post", 1, date(2026, 12, 1))]
    c = ops.save_collaboration(person, _cleaned([GiftInput("Ketting Maan", 1, "39,95", moon.id),
                                                 GiftInput("Armband Zon – goud", 2, "20", sun.id)]),
                               deliverables, NOW)
    assert ops.gifts(c) == [rules.Gift("Ketting Maan", 1, 3995, moon.id), rules.Gift("Armband Zon – goud", 2, 2000, sun.id)]
    deliverables = [DeliverableInput("post", 1, date(2026, 12, 1), d.id) for d in c.deliverables]
    cleaned = _cleaned([GiftInput("Ketting Maan", 2, "39,95", moon.id)])
    cleaned.update(change_reason="twee kettingen", requested_by="influencer")
    ops.save_collaboration(person, cleaned, deliverables, NOW, Collaboration.get_by_id(c.id))
    assert ops.gifts(c) == [rules.Gift("Ketting Maan", 2, 3995, moon.id)]
    version = AgreementVersion.get(AgreementVersion.collaboration == c)
    assert list(version.changes) == ["gifts"]


def test_a_product_that_leaves_the_catalogue_stays_in_the_agreement_by_its_name(shop):
    person, moon, _sun = shop
    c = ops.save_collaboration(person, _cleaned([GiftInput("Ketting Maan", 1, "39,95", moon.id)]),
                               [DeliverableInput("post", 1, date(2026, 12, 1))], NOW)
    moon.delete_instance()
    assert ops.gifts(c) == [rules.Gift("Ketting Maan", 1, 3995, None)]


def test_a_new_collaboration_starts_from_the_latest_ones_terms(shop):
    person, _moon, _sun = shop
    assert ops.latest_collaboration() is None
    Collaboration.create(person=person, title="oud", consequence="eerst", created_at=NOW - timedelta(days=3))
    newest = Collaboration.create(person=person, title="nieuw", consequence="laatst", created_at=NOW - timedelta(days=1))
    assert ops.latest_collaboration() == newest


@pytest.mark.parametrize("language", ["nl", "en"])
def test_her_new_collaboration_takes_typed_words_only_from_one_in_her_language(qtbot, shop, translator, language):
    """The do's and don'ts are quoted to her as typed: a new collaboration with someone
    written to in English takes them from the latest English one, never the Dutch wording
    of the one before; the consequence (it names its own deal's product) is never copied,
    only the earlier ones in her language offered while typing. The dialog says which
    language to write in when hers is not the app's. Mentions and reply days are the shop's."""
    dutch, _moon, _sun = shop
    i18n.set_language(language)
    emma = Person.create(name="Emma Clarke", is_influencer=True, language="en")
    Collaboration.create(person=dutch, title="Ketting", consequence="het product tegen winkelprijs factureren",
                         dos="in daglicht", required_mentions=["@winkel"], response_days=5,
                         created_at=NOW - timedelta(days=1))

    def opened(person):
        dialog = CollaborationDialog(None, person=person)
        qtbot.addWidget(dialog)
        hint = dialog.findChild(QLabel, "herLanguage")
        return dialog, hint.text() if hint is not None else None

    dialog, hint = opened(emma)
    assert dialog.w("consequence").text() == "" and dialog.w("dos").toPlainText() == ""
    assert dialog.w("required_mentions").text() == "@winkel" and dialog.w("response_days").value() == 5
    assert (hint is None) == (language == "en")
    if language == "nl":
        assert hint == "Berichten aan Emma Clarke zijn in het Engels: schrijf „Titel” ook in het Engels."
        assert dialog.w("title").placeholderText() == "e.g. Luna necklace in a reel"  # the example in hers too
        assert dialog.w("exclusivity_category").placeholderText() == "e.g. jewellery"
        assert dialog.w("consequence").placeholderText() == (
            "Genoemd in de laatste herinnering, bijv. we invoice the product at its retail price")
        # each tab names the fields on it that are quoted to her (audit 10, F4)
        gifts, rules = (dialog.findChild(QLabel, name) for name in ("herLanguageGifts", "herLanguageRules"))
        assert dialog.w("giftsTab").isAncestorOf(gifts) and "„Andere producten”" in gifts.text()
        assert dialog.w("rulesTab").isAncestorOf(rules)
        assert "„Wel doen”, „Niet doen” en „Gevolg” ook in het Engels" in rules.text()
    else:
        assert dialog.w("exclusivity_category").placeholderText() == "e.g. jewellery"  # hers is the app's
    Collaboration.create(person=emma, title="Necklace", consequence="we invoice the necklace at its retail price",
                         dos="in daylight", created_at=NOW)
    dialog, _hint = opened(emma)
    assert dialog.w("dos").toPlainText() == "in daylight"
    # A consequence names its own deal's product: never copied, only offered while typing.
    assert dialog.w("consequence").text() == ""
    offered = dialog.w("consequence").completer()
    offered.setCompletionPrefix("neckl")
    assert offered.currentCompletion() == "we invoice the necklace at its retail price"
    dialog, hint = opened(dutch)  # the newest is hers in English: a Dutch one keeps the Dutch words
    assert dialog.w("dos").toPlainText() == "in daglicht"
    offered = dialog.w("consequence").completer()
    offered.setCompletionPrefix("winkel")
    assert dialog.w("consequence").text() == "" and offered.currentCompletion() == (
        "het product tegen winkelprijs factureren")
    assert (hint is None) == (language == "nl")
    if language == "en":
        assert hint == "Messages to Sanne de Vries are in Dutch: write “Title” in Dutch too."


# --- the dialog ------------------------------------------------------------------------

@pytest.fixture
def dialog_for(qtbot, shop, translator):
    i18n.set_language("nl")
    made = []

    def make(collaboration=None):
        dialog = CollaborationDialog(None, person=shop[0], collaboration=collaboration)
        qtbot.addWidget(dialog)
        made.append(dialog)
        return dialog

    yield make
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _search_and_add(qtbot, dialog, typed):
    box = dialog.w("giftSearch")
    box.lineEdit().clear()
    if typed.isascii():
        qtbot.keyClicks(box.lineEdit(), typed)
    else:  # QTest types ASCII only
        box.setEditText(typed)
    qtbot.mouseClick(dialog.w("addGift"), Qt.LeftButton)


def test_products_are_picked_from_the_catalogue_with_the_price_as_editable_value(qtbot, dialog_for, shop):
    person, moon, sun = shop
    dialog = dialog_for()
    _search_and_add(qtbot, dialog, "Ketting Maan")
    _search_and_add(qtbot, dialog, "Ketting Maan")  # again: one more of it
    _search_and_add(qtbot, dialog, "Armband Zon (goud)")
    table = dialog.w("gifts")
    assert table.rowCount() == 2
    assert table.item(0, 0).text() == "Ketting Maan" and table.cellWidget(0, 1).value() == 2
    assert table.cellWidget(0, 2).text() == "39,95"
    assert dialog.w("giftTotal").text() == f"Totale waarde: €{NBSP}104,40"
    table.cellWidget(1, 2).setText("20")  # the owner's own value for the bracelet
    assert dialog.w("giftTotal").text() == f"Totale waarde: €{NBSP}99,90"
    _search_and_add(qtbot, dialog, "cadeaubon van 10 euro")  # not in the catalogue: in words
    assert table.rowCount() == 2
    assert dialog.w("products").text() == "cadeaubon van 10 euro"
    assert dialog.save()
    c = dialog.collaboration
    assert ops.gifts(c) == [rules.Gift("Ketting Maan", 2, 3995, moon.id), rules.Gift("Armband Zon (goud)", 1, 2000, sun.id)]
    assert Collaboration.get_by_id(c.id).products == "cadeaubon van 10 euro"

    again = dialog_for(Collaboration.get_by_id(c.id))
    assert again.w("gifts").rowCount() == 2
    assert again.w("gifts").cellWidget(1, 2).text() == "20,00"
    assert again.w("products").text() == "cadeaubon van 10 euro"


def test_a_wrong_value_is_marked_and_nothing_is_saved(qtbot, dialog_for, shop):
    dialog = dialog_for()
    _search_and_add(qtbot, dialog, "Ketting Maan")
    dialog.w("gifts").cellWidget(0, 2).setText("veel")
    assert not dialog.save()
    assert dialog.error_text("gifts"), dialog.errors
    assert list(dialog.errors) == ["gifts"], dialog.errors
    assert dialog.w("tabs").currentWidget().objectName() == "giftsTab"
    assert Collaboration.select().count() == 0


def test_the_total_is_in_the_english_money_format_too(qtbot, dialog_for, shop):
    i18n.set_language("en")
    dialog = dialog_for()
    _search_and_add(qtbot, dialog, "ketting")  # part of the name finds it too
    assert dialog.w("gifts").rowCount() in (0, 1)
    if dialog.w("gifts").rowCount() == 0:  # the completer's popup did not pick it: choose it as a click would
        dialog.search.select(shop[1].id)
        dialog.add_chosen_gift()
    assert dialog.w("giftTotal").text() == "Total value: €39.95"


def test_quick_deadlines_count_from_today_in_the_owners_zone(qtbot, dialog_for):
    dialog = dialog_for()
    table = dialog.w("deliverables")
    when = table.cellWidget(0, 2)
    buttons = table.cellWidget(0, 3)
    today = NOW.date()  # 09:30 UTC is the same day in Amsterdam
    qtbot.mouseClick(buttons.findChild(QToolButton, "plus2Week"), Qt.LeftButton)
    assert when.date().toPython() == today + timedelta(weeks=2)
    qtbot.mouseClick(buttons.findChild(QToolButton, "plus1Week"), Qt.LeftButton)
    qtbot.mouseClick(buttons.findChild(QToolButton, "plus1Week"), Qt.LeftButton)
    assert when.date().toPython() == today + timedelta(weeks=1)  # from today, not from the date there


# --- old databases ---------------------------------------------------------------------

OLD_WITH_WORDS = [f for f in FIXTURES if int(f.stem[1:]) >= 3]  # "products" came in v3


@pytest.mark.parametrize("fixture", OLD_WITH_WORDS, ids=[p.stem for p in OLD_WITH_WORDS])
def test_words_typed_before_stay_shown_after_the_upgrade(qtbot, data_dir, translator, fixture):
    shutil.copyfile(fixture, paths.db_path())
    con = sqlite3.connect(paths.db_path())
    collaboration_id = con.execute("SELECT id FROM collaboration ORDER BY id LIMIT 1").fetchone()[0]
    con.execute("UPDATE collaboration SET products = ? WHERE id = ?", ("Ketting Maan en een kaartje", collaboration_id))
    con.commit()
    con.close()
    open_checked()
    try:
        i18n.set_language("nl")
        collaboration = Collaboration.get_by_id(collaboration_id)
        dialog = CollaborationDialog(None, collaboration=collaboration)
        qtbot.addWidget(dialog)
        assert dialog.w("products").text() == "Ketting Maan en een kaartje"
        linked = CollaborationProduct.select().where(CollaborationProduct.collaboration == collaboration).count()
        assert dialog.w("gifts").rowCount() == linked
        # saving unchanged keeps the words and makes no new version of the agreement
        versions = AgreementVersion.select().count()
        deliverables = Deliverable.select().where(Deliverable.collaboration == collaboration).count()
        if deliverables:
            assert dialog.save(), dialog.errors
            assert Collaboration.get_by_id(collaboration_id).products == "Ketting Maan en een kaartje"
            assert AgreementVersion.select().count() == versions
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    finally:
        close_database()


def _shown_whole(table, row: int, column: int) -> bool:
    """The cell's text fits between the delegate's margins (Qt elides it otherwise)."""
    from PySide6.QtWidgets import QStyle

    text = table.item(row, column).text()
    margin = table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, table) + 1
    room = table.visualRect(table.model().index(row, column)).width() - 2 * margin
    return table.fontMetrics().elidedText(text, Qt.ElideRight, room) == text


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_value_column_has_room_for_a_four_digit_amount(dialog_for, qtbot, language):
    """The Value column was sized to "€ 34,95" (a pixel from the grid line): from the start
    it holds "€ 8.888,88" with room to spare, and a line worth € 1.234,56, or more, is never
    cut."""
    i18n.set_language(language)
    dialog = dialog_for()
    dialog.add_gift(None, "Ketting Maan", 1, 3495)
    dialog.w("tabs").setCurrentWidget(dialog.w("giftsTab"))
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.w("gifts")
    widest = table.fontMetrics().horizontalAdvance(i18n.format_money(888888))
    assert table.columnWidth(3) >= widest + 12
    before = table.columnWidth(3)
    dialog.add_gift(None, "Naamketting goud", 1, 123456)
    QApplication.processEvents()
    assert table.item(1, 3).text() == i18n.format_money(123456)
    assert table.columnWidth(3) == before  # no jump at the first € 1.000
    table.cellWidget(1, 1).setValue(12)  # € 14.814,72: wider still, the column follows
    QApplication.processEvents()
    assert all(_shown_whole(table, row, 3) for row in range(table.rowCount()))


def test_the_product_search_is_folded_as_every_list_search(qtbot, dialog_for, shop):
    """Typing "creme" finds "Crème …" and "dhondt" a name with an apostrophe (review of the
    search: the lists were folded, the collaboration's product search was not)."""
    creme = Product.create(key="CR-03", name="Crème Oorbellen", price_cents=1500)
    hondt = Product.create(key="DH-04", name="Ring D’Hondt", price_cents=1800)
    dialog = dialog_for()
    box = dialog.w("giftSearch")
    completer = box.completer()
    for typed, wanted in (("creme", "Crème Oorbellen"), ("CRÈME", "Crème Oorbellen"), ("dhondt", "Ring D’Hondt"),
                          ("d'hondt", "Ring D’Hondt"), ("  ketting   maan ", "Ketting Maan")):
        completer.setCompletionPrefix(typed)
        found = [completer.completionModel().index(row, 0).data() for row in range(completer.completionCount())]
        assert found == [wanted], typed
    # Its whole name typed without the accents is that product, not words for "Other products".
    _search_and_add(qtbot, dialog, "creme oorbellen")
    _search_and_add(qtbot, dialog, "ring d'hondt")
    table = dialog.w("gifts")
    assert [table.item(row, 0).text() for row in range(table.rowCount())] == ["Crème Oorbellen", "Ring D’Hondt"]
    assert dialog.w("products").text() == ""
    assert dialog._gift_products == [creme.id, hondt.id]
