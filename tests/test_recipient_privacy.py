"""AVG/GDPR for a gift's recipient: somebody a shop order was sent to who did not place it.

She is no person in Afspraak: her name, address and phone are only the delivery of the
buyer's order (schema v16), so the Privacy menu could not find her. Now it lists her by
name (and place and phone), shows what is held on her under the buyer's order, exports it,
and erases it by blanking exactly those fields of those orders, in one transaction, in the
backups too when asked; the buyer and her order stay as they were.
"""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from desktop import i18n, paths
from desktop.domain import privacy as rules
from desktop.store import backup, privacy
from desktop.store.models import CustomOrder, Event, Person, ShopOrder, ShopOrderLine
from tests.conftest import NOW
from tests.test_order_ship_to import GIFTS, import_bytes, shopify_file
from tests.test_privacy import grep

ZOE = "Zoë Verhoeven"
GIFT_FIELDS = ("Zoë Verhoeven", "Kerkstraat 12", "9000", "Gent", "BE", "+32 9 123 45 67")
BLANK = ("",) * 6


def delivery_of(number: str) -> tuple:
    order = ShopOrder.get(ShopOrder.number == number)
    return tuple(getattr(order, column) for column in rules.DELIVERY_COLUMNS)


def snapshot() -> dict:
    """Every stored row of the orders, their lines, their custom orders and the people."""
    return {model.__name__: sorted(tuple(row) for row in model.select().tuples())
            for model in (ShopOrder, ShopOrderLine, CustomOrder, Person, Event)}


@pytest.fixture
def gifts(database):
    """Lotte's gift to Zoë (#1038, Kerkstraat 12, Gent) and her own order (#1039)."""
    import_bytes(GIFTS.read_bytes(), marks={"sku:NK-502"})
    return database


def zoe(database) -> rules.Recipient:
    [found] = privacy.recipients(database.connection())
    return found


# --- who she is ------------------------------------------------------------------------------

def test_a_gifts_recipient_is_found_with_her_order_under_its_buyer(gifts):
    found = zoe(gifts)
    assert found.name == ZOE and found.city == "Gent" and found.phones == ["+32 9 123 45 67"]
    [delivery] = found.deliveries
    assert (delivery.number, delivery.buyer, delivery.ordered_on) == ("#1038", "Lotte De Wit", "2026-11-04")
    assert (delivery.ship.name, delivery.ship.street, delivery.ship.postcode, delivery.ship.city,
            delivery.ship.country, delivery.ship.phone) == GIFT_FIELDS
    assert delivery.unsent  # its custom order is still to be made


def test_recipients_are_told_apart_by_name_and_address(database):
    """The same recipient sent two gifts by two buyers is one; a namesake elsewhere is
    another (an erasure must never blank her delivery); an order to its buyer is nobody's gift."""
    gift = {"Shipping Name": ZOE, "Shipping Street": "Kerkstraat 12", "Shipping Address1": "Kerkstraat 12",
            "Shipping Address2": "", "Shipping City": "Gent", "Shipping Zip": "9000", "Shipping Phone": ""}
    import_bytes(shopify_file([
        {**gift, "Name": "#1", "Created at": "2026-11-01 10:00:00 +0100"},
        {**gift, "Name": "#2", "Email": "jan@example.be", "Billing Name": "Jan Peeters",
         "Created at": "2026-11-02 10:00:00 +0100", "Shipping Name": "ZOË VERHOEVEN", "Shipping Phone": "'0470 11 22 33",
         "Shipping Street": "Kerkstraat 12.", "Shipping Address1": "Kerkstraat 12."},  # written another way
        {**gift, "Name": "#3", "Email": "an@example.be", "Billing Name": "An Claes", "Shipping Street": "Veldstraat 1",
         "Shipping Address1": "Veldstraat 1"},
        {"Name": "#4"},  # Lotte to herself
    ]))
    found = privacy.recipients(database.connection())
    assert [[(d.number, d.buyer) for d in r.deliveries] for r in found] == [
        [("#1", "Lotte De Wit"), ("#2", "Jan Peeters")], [("#3", "An Claes")]]
    assert found[0].name == "ZOË VERHOEVEN" and found[0].phones == ["0470 11 22 33"]  # as her newest order writes


def test_who_counts_as_a_recipient():
    """A delivery to the buyer (her name written another way too) or without a name is the
    buyer's; an order that names nobody as its buyer is nobody's own: its recipient counts."""
    def row(order_id, buyer, name, street="Kerkstraat 12"):
        return (order_id, "shopify", f"#{order_id}", "2026-11-0%d" % order_id, buyer, name, street, "9000", "Gent",
                "BE", "", 0)

    found = rules.recipients([row(1, "Lotte De Wit", "LOTTE DE WIT."), row(2, "Lotte De Wit", " "),
                              row(3, None, ZOE), row(4, "Lotte De Wit", ZOE, "Kerkstraat 12 "), row(5, "", "Bo")])
    assert [(r.name, [(d.number, d.buyer) for d in r.deliveries]) for r in found] == [
        ("Bo", [("#5", "")]), (ZOE, [("#3", ""), ("#4", "Lotte De Wit")])]
    assert found[1].key == rules.recipient_key("zoë  verhoeven", "kerkstraat 12", "9000")


def test_no_recipient_in_a_database_without_deliveries(database):
    assert privacy.recipients(database.connection()) == []


# --- export ----------------------------------------------------------------------------------

def test_her_export_holds_her_delivery_and_not_who_placed_the_order(gifts, tmp_path):
    found = zoe(gifts)
    out = privacy.export_recipient(gifts.connection(), found.key, tmp_path / "zoe.zip", NOW, readme="README")
    archive = zipfile.ZipFile(out)
    assert sorted(archive.namelist()) == ["README.txt", "csv/shop_order.csv", "data.json"]
    data = json.loads(archive.read("data.json"))
    assert data["format"] == "afspraak-recipient-export" and data["recipient"] == {"name": ZOE}
    [order] = data["data"]["shop_order"]
    assert (order["number"], order["ordered_on"]) == ("#1038", "2026-11-04")
    assert tuple(order[c] for c in rules.DELIVERY_COLUMNS) == GIFT_FIELDS
    csv_text = archive.read("csv/shop_order.csv").decode("utf-8-sig")
    assert "Kerkstraat 12" in csv_text and "#1038" in csv_text
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8-sig")
    assert "Lotte" not in everything and "Meir" not in everything  # the buyer's data is hers, not Zoë's
    assert archive.read("README.txt") == b"README"


@pytest.mark.parametrize("language", ["nl", "en"])
def test_her_readme_speaks_to_her_as_a_customer_of_her_country(gifts, language):
    """Gent, Belgium: Dutch and "u", as the import gives a Belgian customer, whatever the
    owner's language; the reason given is hers, not that of an influencer's data."""
    from desktop.presentation import recipient_texts

    i18n.set_language(language)
    text = recipient_texts.readme(zoe(gifts), NOW)
    for part in ["Persoonsgegevens van Zoë Verhoeven", "1 bestelling uit de webshop", "Uw rechten"]:
        assert part in text
    assert i18n.translations_for("nl").pgettext("u", recipient_texts._WHY[0]) in text
    assert "samenwerkingen" not in text


# --- what the owner is shown ------------------------------------------------------------------

def test_the_list_and_the_erase_question_name_her_orders_under_their_buyer(gifts):
    from desktop.presentation import recipient_texts
    from desktop.presentation.people_texts import recipient_line

    i18n.set_language("en")
    found = zoe(gifts)
    assert recipient_line(found.name, found.city, found.phones, [(d.number, d.buyer) for d in found.deliveries]) == (
        "Zoë Verhoeven · received order #1038 from Lotte De Wit · Gent · +32 9 123 45 67")
    assert recipient_line("Zoë", "", [], [("#1", "Jan"), ("#2", "")]) == "Zoë · received orders #1 from Jan and #2"
    title, text = recipient_texts.erase_question(found)
    assert title == "Erase Zoë Verhoeven"
    lines = text.split("\n")
    assert lines[0].startswith("Erase what Afspraak holds on Zoë Verhoeven? Zoë Verhoeven received an order placed by")
    assert lines[1] == ("  • order #1038 placed by Lotte De Wit, 4\u00a0Nov\u00a02026: "
                        "Zoë Verhoeven, Kerkstraat 12, 9000 Gent, Belgium, +32 9 123 45 67")
    assert "The order itself stays with whoever placed it" in text
    # its custom order is not sent yet: she is told where its parcel then goes
    assert "Order #1038 has not been sent yet: without these details Afspraak takes the address of whoever" in text
    CustomOrder.update(status="shipped").execute()
    assert "not been sent yet" not in recipient_texts.erase_question(zoe(gifts))[1]


# --- erase -----------------------------------------------------------------------------------

def test_erasing_her_blanks_exactly_her_delivery(gifts):
    before = snapshot()
    assert grep("Kerkstraat 12") and grep("+32 9 123 45 67"), "the test must see her data before it is erased"
    result = privacy.erase_recipient(gifts, zoe(gifts).key)
    assert result.counts == {"shop_order": 1} and result.fully_purged
    assert delivery_of("#1038") == BLANK
    after = snapshot()
    gift_id = ShopOrder.get(ShopOrder.number == "#1038").id
    columns = [f.column_name for f in ShopOrder._meta.sorted_fields]
    changed = {(row[0], column) for old, row in zip(before["ShopOrder"], after["ShopOrder"])
               for column, was, now in zip(columns, old, row) if was != now}
    assert changed == {(gift_id, c) for c in rules.DELIVERY_COLUMNS}  # nothing else of any order
    for model in ("ShopOrderLine", "CustomOrder", "Person", "Event"):
        assert after[model] == before[model], model  # the buyer, her lines and custom orders stay
    assert delivery_of("#1039")[0] == "Lotte De Wit"
    assert privacy.recipients(gifts.connection()) == []
    for secret in ("Kerkstraat 12", "+32 9 123 45 67", "Verhoeven"):
        assert grep(secret) == [], f"{secret!r} still readable in {grep(secret)}"


def test_her_erasure_is_one_transaction(database):
    """Two orders to her: when blanking the second fails, the first keeps her delivery too."""
    gift = {"Shipping Name": ZOE, "Shipping Street": "Kerkstraat 12", "Shipping Address1": "Kerkstraat 12",
            "Shipping Address2": "", "Shipping City": "Gent", "Shipping Zip": "9000"}
    import_bytes(shopify_file([{**gift, "Name": "#1"}, {**gift, "Name": "#2", "Created at": "2026-11-05 10:00:00 +0100"}]))
    second = ShopOrder.get(ShopOrder.number == "#2").id
    database.execute_sql(f"CREATE TEMP TRIGGER refuse BEFORE UPDATE ON shop_order WHEN old.id = {second} "
                         "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END")
    with pytest.raises(Exception, match="disk trouble"):
        privacy.erase_recipient(database, zoe(database).key)
    assert delivery_of("#1")[:2] == delivery_of("#2")[:2] == (ZOE, "Kerkstraat 12")


def test_her_erasure_reaches_the_backups_and_spares_a_namesake_elsewhere(gifts):
    daily = backup.daily_backup(gifts, keep=14, now=NOW)
    # a backup in which order #1038 went to another Zoë Verhoeven, elsewhere: left alone
    other = paths.backup_dir() / "afspraak-20260101-000000-namesake.sqlite3"
    backup.copy_database(gifts.connection(), other)
    con = sqlite3.connect(other)
    con.execute("UPDATE shop_order SET ship_street = 'Veldstraat 1' WHERE number = '#1038'")
    con.commit()
    con.close()
    result = privacy.erase_recipient(gifts, zoe(gifts).key, backups=True)
    assert result.backups == [daily] and not result.backups_failed
    assert b"Kerkstraat 12" not in daily.read_bytes() and b"Verhoeven" not in daily.read_bytes()
    con = sqlite3.connect(daily)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT ship_name FROM shop_order WHERE number = '#1039'").fetchone()[0] == "Lotte De Wit"
    con.close()
    con = sqlite3.connect(other)
    assert con.execute("SELECT ship_name, ship_street FROM shop_order WHERE number = '#1038'").fetchone() == (
        ZOE, "Veldstraat 1")
    con.close()


def test_her_erasure_from_the_backups_keeps_each_copys_file_time(gifts):
    """Review of backups, 1: a backup rewritten by an erase got the erase's time as its file
    time, and a repair took the oldest automatic backup for the newest."""
    import os

    daily = backup.daily_backup(gifts, keep=14, now=NOW)
    os.utime(daily, (1_795_000_000, 1_795_000_000))
    result = privacy.erase_recipient(gifts, zoe(gifts).key, backups=True)
    assert result.backups == [daily] and b"Kerkstraat 12" not in daily.read_bytes()
    assert daily.stat().st_mtime == 1_795_000_000


def test_a_namesake_person_is_not_taken_for_her(gifts):
    """A customer card of the same name is somebody of her own: the recipient's erasure
    leaves the card, and the card's erasure is the person's (store/privacy.erase_person)."""
    card = Person.create(name=ZOE, email="zoe@example.be", street="Veldstraat 1", postcode="9000", city="Gent")
    privacy.erase_recipient(gifts, zoe(gifts).key)
    assert Person.get_by_id(card.id).street == "Veldstraat 1"


def test_erasing_her_card_blanks_the_gift_sent_to_her_address_and_spares_a_namesake_elsewhere(gifts, tmp_path):
    """A gift's recipient who is a person of her own too (an influencer at the same address):
    erasing her card blanked her name in the gift's delivery but left her street, postcode and
    phone in it. Now the delivery goes whole (as an import after her erasure leaves it out),
    is counted in the question and exported with her data; a namesake's elsewhere stays."""
    i18n.set_language("en")  # (the database fixture sets Dutch back)
    card = Person.create(name=ZOE, email="zoe@example.be", street="Kerkstraat 12", postcode="9000", city="Gent")
    ShopOrder.create(platform="shopify", number="#2000", ordered_on="2026-11-20", buyer="An Claes",
                     ship_name=ZOE, ship_street="Veldstraat 1", ship_postcode="9000", ship_city="Gent",
                     ship_country="BE")
    holding = privacy.holding_of(card.id)
    assert holding.counts()[rules.DELIVERY_TO_HER] == 1
    question = rules.describe_erasure(ZOE, holding.counts(), holding.mentions, holding.unsent, holding.elsewhere)
    assert "1 delivery to them in an order somebody else placed" in question
    assert "Order #1038 has not been sent yet" in question  # its parcel would go to the buyer
    assert "Not included: 1 delivery to the name Zoë Verhoeven at another address." in question
    out = privacy.export_from_open(card.id, tmp_path / "zoe.zip", NOW)
    archive = zipfile.ZipFile(out)
    [delivery] = json.loads(archive.read("data.json"))["data"][rules.DELIVERY_TO_HER]
    assert (delivery["number"], delivery["ship_street"], delivery["ship_phone"]) == ("#1038", "Kerkstraat 12",
                                                                                   "+32 9 123 45 67")
    assert "Lotte" not in archive.read("data.json").decode()  # who gave it is the buyer's data
    assert "csv/delivery.csv" in archive.namelist()
    result = privacy.erase_person(gifts, card.id, NOW)
    assert result.counts[rules.DELIVERY_TO_HER] == 1
    assert delivery_of("#1038") == BLANK
    assert delivery_of("#2000")[:2] == (ZOE, "Veldstraat 1")  # a namesake's parcel still reaches her
    assert delivery_of("#1039")[0] == "Lotte De Wit"  # the buyer's own order as it was
    for secret in ("Kerkstraat 12", "+32 9 123 45 67"):
        assert grep(secret) == [], f"{secret!r} still readable in {grep(secret)}"


# --- the Privacy menu (the view) ----------------------------------------------------------------

@pytest.mark.parametrize("language, line, done", [
    ("nl", " · Gent · +32 9 123 45 67", "Zoë Verhoeven"),
    ("en", "Zoë Verhoeven · received order #1038 from Lotte De Wit · Gent · +32 9 123 45 67",
     "The details of Zoë Verhoeven have been erased from 1 order."),
])
def test_the_privacy_menu_finds_exports_and_erases_a_gifts_recipient(qtbot, gifts, translator, tmp_path, monkeypatch,
                                                                       language, line, done):
    from PySide6.QtGui import QAction

    from desktop import reminders
    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow
    from desktop.views.shipping_dialogs import Chooser

    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("influencers")
    shown, told, asked, forgotten = [], [], [], []
    typed = iter(["verhoeven", "+32 9 123"])  # by her name, then by her phone

    def choose(parent, title, prompt, entries, current=None):
        form = Chooser(parent, title, prompt, entries, current=current)
        qtbot.addWidget(form.dialog)
        qtbot.keyClicks(form.filter, next(typed))
        shown.append(form.shown_texts())
        assert form.accept()
        return form.result

    monkeypatch.setattr(dialogs, "choose", choose)
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "zoe"))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(dialogs, "confirm_with_option",
                        lambda parent, title, text, option, yes_text="": asked.append(text) or (True, False))
    reminders.steps_forgotten.connect(lambda: forgotten.append(True))
    before = snapshot()

    window.findChild(QAction, "actionPrivacyExport").trigger()
    assert len(shown[0]) == 1 and line in shown[0][0]  # nobody but her: Lotte's own card names no Verhoeven
    data = json.loads(zipfile.ZipFile(tmp_path / "zoe.zip").read("data.json"))
    assert [o["ship_street"] for o in data["data"]["shop_order"]] == ["Kerkstraat 12"]
    assert snapshot() == before  # an export changes nothing

    window.findChild(QAction, "actionPrivacyErase").trigger()
    assert len(shown[1]) == 1 and line in shown[1][0]
    assert "#1038" in asked[0] and "Lotte De Wit" in asked[0] and "Kerkstraat 12" in asked[0]
    assert delivery_of("#1038") == BLANK
    assert done in told[-1] and forgotten  # Edit → Undo holds no older step that would write her back
    lotte = Person.get(Person.email == "lotte.dewit@example.be")
    assert (lotte.name, lotte.street) == ("Lotte De Wit", "Meir 8, bus 3")
    assert ShopOrder.select().where(ShopOrder.person == lotte.id).count() == 2


def test_saying_no_erases_nothing_of_her(qtbot, gifts, translator, monkeypatch):
    from PySide6.QtGui import QAction

    from desktop.views import dialogs
    from desktop.views.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    key = zoe(gifts).key
    monkeypatch.setattr(dialogs, "choose", lambda *a, **k: key)
    monkeypatch.setattr(dialogs, "confirm_with_option", lambda *a, **k: (False, True))
    window.findChild(QAction, "actionPrivacyErase").trigger()
    assert delivery_of("#1038") == GIFT_FIELDS
