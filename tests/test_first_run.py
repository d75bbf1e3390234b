"""The first run: Vandaag's getting-started list ("Zo begin je") ticking itself off from
the data, the example shop loaded and removed again in one step (at any hour), and the
language asked once when the system's is neither Dutch nor English."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, QPoint, QUrl

from desktop import demo, i18n, reminders
from desktop.store import first_run, settings
from desktop.store.models import ALL_MODELS, Collaboration, Content, Deliverable, Event, Person, Product, Setting
from desktop.views import dialogs
from desktop.views.getting_started import DONE_MARK
from desktop.views.main_window import MainWindow

from .helpers import drag, make_window
from .test_influencers_view import accept_with, fill_influencer

DATA = Path(__file__).parent / "data" / "shop"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def amsterdam(hour: int, minute: int = 0) -> datetime:
    """A moment on 23 November 2026, Amsterdam time, as the app's (naive UTC) clock gives it."""
    local = datetime(2026, 11, 23, hour, minute, tzinfo=AMSTERDAM)
    return local.astimezone(ZoneInfo("UTC")).replace(tzinfo=None)


@pytest.fixture
def window(qtbot, database, translator):
    def make(language="nl"):
        return make_window(qtbot, language, view="today", size=(1366, 768))
    return make


def marks(w) -> list[str]:
    return [mark.text() for mark in w.view("today").getting_started.marks]


def table_counts() -> dict[str, int]:
    return {model._meta.table_name: model.select().count() for model in ALL_MODELS if model is not Setting}


# --- the list ---------------------------------------------------------------------------

def test_an_empty_database_shows_the_list_with_nothing_ticked(window):
    w = window()
    panel = w.view("today").getting_started
    assert panel.isVisible()
    assert marks(w) == ["1", "2", "3", "4"]
    assert panel.heading.text() == "Zo begin je"
    assert panel.load_button.isVisible() and not panel.remove_button.isVisible()
    assert not panel.agreement_button.isEnabled()  # no influencer to agree with yet
    # why, in sight
    assert panel.notes[3].text().endswith("Een afspraak maak je met een influencer: voeg er eerst een toe (stap 3).")


def test_the_steps_tick_off_as_the_data_comes_in(qtbot, window, monkeypatch):
    w = window()
    panel = w.view("today").getting_started
    # the names, typed in the list itself; one of them alone is refused, nothing saved
    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    panel.shop_name.setText("Zilverwerk Anna")
    panel.save_names()
    assert warned and settings.get("shop_name") == "" and marks(w)[0] == "1"
    panel.owner_name.setText("Anna")
    panel.save_names()
    assert (settings.get("shop_name"), settings.get("owner_name")) == ("Zilverwerk Anna", "Anna")
    assert marks(w) == [DONE_MARK, "2", "3", "4"]

    # products: a shop export dropped on the window
    monkeypatch.setattr(dialogs, "inform", lambda *a: None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(DATA / "woo_variations.csv"))])
    with qtbot.waitSignal(w.shipping.import_finished, timeout=10000):
        drag(w, QPoint(400, 400), mime)
    assert Product.select().count() > 0
    assert marks(w) == [DONE_MARK, DONE_MARK, "3", "4"]

    # the first influencer, through the list's own button
    monkeypatch.setattr(dialogs, "run", accept_with(fill_influencer))
    panel.findChild(type(panel.agreement_button), "gettingStartedInfluencer").click()
    assert Person.select().count() == 1
    assert marks(w) == [DONE_MARK, DONE_MARK, DONE_MARK, "4"]
    assert panel.agreement_button.isEnabled()
    assert "stap 3" not in panel.notes[3].text()

    # the first agreement: with her (the only one), through the collaboration dialog
    def fill_collab(d):
        d.w("title").setText("Ketting Maan")
        d.w("required_hashtags").setText("#gekregen")
    monkeypatch.setattr(dialogs, "run", accept_with(fill_collab))
    panel.agreement_button.click()
    assert Collaboration.select().count() == 1
    # every step done: the list goes by itself
    assert not panel.isVisible()
    assert marks(w) == [DONE_MARK] * 4


def test_steps_done_elsewhere_are_ticked_when_the_owner_comes_back_and_read_once_a_showing(
        qtbot, database, translator, monkeypatch):
    """A step done while Vandaag is not on screen (a product added in another view, not by
    a signal Vandaag hears) is ticked when she comes back; opening Vandaag reads the steps
    once, not once for showing it and again for its refresh (the app's window: views
    built when first shown), and not at all when nothing was written since."""
    from desktop.views.getting_started import GettingStarted

    reads = []
    real = GettingStarted.refresh
    monkeypatch.setattr(GettingStarted, "refresh", lambda self: (reads.append(1), real(self)))
    i18n.set_language("nl")
    w = MainWindow(lazy_views=True)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.show_view("today")
    assert len(reads) == 1, "the first showing read the steps more than once"
    w.show_view("influencers")
    Product.create(key="RM-01", name="Ring Maan", price_cents=2995)  # stored behind Vandaag's back
    reads.clear()
    w.show_view("today")
    assert marks(w)[1] == DONE_MARK
    assert len(reads) == 1
    reads.clear()
    w.view("today").refresh()  # a refresh on screen reads them; showing again after it does not
    assert len(reads) == 1
    reads.clear()
    w.show_view("influencers")
    w.show_view("today")  # back with nothing written meanwhile: nothing to read again
    assert reads == []
    w.show_view("influencers")
    settings.set("owner_name", "Mila")  # written meanwhile (the shop's name is not set: no tick yet)
    w.show_view("today")
    assert len(reads) == 1 and w.view("today").getting_started.owner_name.text() == "Mila"


def test_hidden_stays_hidden_and_help_brings_it_back(qtbot, window, database):
    w = window()
    panel = w.view("today").getting_started
    panel.hide_button.click()
    assert not panel.isVisible() and settings.get("getting_started_hidden") is True
    w.refresh_all()
    assert not panel.isVisible()
    w.show_view("timeline")
    w._form.parent().findChild(type(w._action("actionAbout")), "actionGettingStarted").trigger()
    assert w.current_view().key == "today" and panel.isVisible()
    assert settings.get("getting_started_hidden") is False


def _a_late_post_of_her_own() -> None:
    """An influencer and an agreement of the owner's own whose post is two days late:
    a reminder below the list (steps 3 and 4 done)."""
    from desktop.store.models import Collaboration, Deliverable

    from .conftest import NOW

    person = Person.create(name="Roos Verbeek", is_influencer=True, email="roos@example.nl")
    collab = Collaboration.create(person=person, title="Ketting", status="received", agreed_at=NOW - timedelta(days=20))
    Deliverable.create(collaboration=collab, kind="post", deadline=NOW - timedelta(days=2))


def test_with_reminders_below_the_steps_fold_to_one_line_and_the_owners_choice_stays(qtbot, window):
    _a_late_post_of_her_own()
    w = window()
    panel = w.view("today").getting_started
    assert w.view("today").model.rowCount() > 0
    assert panel.isVisible() and not panel.steps_box.isVisible()  # the list below needs the room
    assert panel.intro.text() == "2 van de 4 stappen gedaan."
    assert panel.fold_button.text() == "Stappen tonen"
    assert panel.height() < 100
    panel.fold_button.click()
    assert panel.steps_box.isVisible() and settings.get("getting_started_folded") is False
    again = window()  # the next start: as she left it
    assert again.view("today").getting_started.steps_box.isVisible()
    again.view("today").getting_started.fold_button.click()
    assert not again.view("today").getting_started.steps_box.isVisible()
    assert settings.get("getting_started_folded") is True


def test_help_opens_the_folded_steps(qtbot, window):
    _a_late_post_of_her_own()
    w = window()
    panel = w.view("today").getting_started
    assert not panel.steps_box.isVisible()
    w.show_getting_started()
    assert panel.steps_box.isVisible()


@pytest.mark.parametrize("language, heading, start", [("nl", "Voorbeeldwinkel", "Zo begin je"),
                                                       ("en", "Example shop", "Getting started")])
def test_the_example_shop_counts_no_steps_it_only_offers_the_way_out(qtbot, window, monkeypatch, language,
                                                                      heading, start):
    """With the example shop loaded she saw "0 van de 4 stappen gedaan" beside a shop with
    a name, products, influencers and agreements. Its steps are hers, for after: while it
    is loaded the list is one line saying what it is, with Remove; removed, the steps are back."""
    w = window(language)
    panel = w.view("today").getting_started
    panel.load_button.click()
    assert panel.isVisible() and panel.heading.text() == heading
    assert not panel.steps_box.isVisible() and not panel.fold_button.isVisible()
    assert "0" not in panel.intro.text() and "4" not in panel.intro.text()
    assert panel.remove_button.isVisible() and panel.height() < 100
    w.show_getting_started()  # Help → Getting started: still the example's line, no steps
    assert not panel.steps_box.isVisible() and panel.remove_button.isVisible()
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    panel.remove_button.click()
    assert panel.heading.text() == start and panel.steps_box.isVisible() and panel.fold_button.isVisible()
    assert panel.load_button.isVisible()


def test_the_list_speaks_english(window):
    w = window("en")
    panel = w.view("today").getting_started
    assert panel.heading.text() == "Getting started"
    assert panel.load_button.text() == "Load the example shop"


# --- the example shop ---------------------------------------------------------------------

def test_load_and_remove_the_example_shop_from_the_list(qtbot, window, monkeypatch):
    w = window()
    panel = w.view("today").getting_started
    before = table_counts()
    assert set(before.values()) == {0}
    panel.load_button.click()
    assert Person.select().count() > 10 and Product.select().count() == 20
    assert w.view("today").model.rowCount() > 0  # reminders to try out, on Vandaag at once
    assert panel.isVisible() and panel.remove_button.isVisible() and not panel.load_button.isVisible()
    assert marks(w) == ["1", "2", "3", "4"]  # the example is not the owner's own work
    # its names are shown (its ready messages are signed with them), not ticked off as hers
    assert (panel.shop_name.text(), panel.owner_name.text()) == ("Zilver & Zo", "Eva")

    monkeypatch.setattr(dialogs, "confirm", lambda *a: False)
    panel.remove_button.click()
    assert Person.select().count() > 10  # not confirmed: nothing removed
    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    panel.remove_button.click()
    assert table_counts() == before
    assert settings.get("example_shop") == {} and settings.get("shop_name") == ""
    assert panel.shop_name.text() == ""
    assert panel.load_button.isVisible() and not panel.remove_button.isVisible()
    assert w.view("today").model.rowCount() == 0


def test_trying_the_example_out_is_removed_with_it(database, frozen_clock):
    from desktop.store import due

    demo.fill(frozen_clock())
    now = frozen_clock()
    items = [item for item in due.plan(now) if item.due <= now]
    reminders.mark_done(items[:2], now)  # what trying it out writes: events, reminder states
    assert Event.select().count() > 0
    demo.remove()
    assert set(table_counts().values()) == {0}


def test_the_owners_own_data_stops_the_removal_and_nothing_changes(database, frozen_clock):
    demo.fill(frozen_clock())
    Person.create(name="Echte klant", is_customer=True)
    before = table_counts()
    with pytest.raises(demo.ExampleShopChanged):
        demo.remove()
    assert table_counts() == before and demo.loaded()


def test_the_example_is_only_loaded_into_an_empty_database(database, frozen_clock):
    Product.create(key="X-1", sku="X-1", name="Eigen ring", source="manual")
    with pytest.raises(demo.DatabaseNotEmpty):
        demo.fill(frozen_clock())
    with pytest.raises(demo.NoExampleShop):
        demo.remove()


def test_the_owners_names_survive_the_example_shop(database, frozen_clock):
    first_run.save_names("Zilverwerk Anna", "Anna")
    demo.fill(frozen_clock())
    assert settings.get("shop_name") == "Zilverwerk Anna"
    assert first_run.progress().names
    demo.remove()
    assert (settings.get("shop_name"), settings.get("owner_name")) == ("Zilverwerk Anna", "Anna")


@pytest.mark.parametrize("hour,minute", [(7, 0), (13, 0), (22, 30)])
def test_the_example_shop_has_everything_due_whatever_the_hour(database, frozen_clock, hour, minute):
    from desktop.clock import to_local
    from desktop.store import due

    now = amsterdam(hour, minute)
    frozen_clock.set(now)
    demo.fill(now)
    items = due.plan(now)
    # Due now, or (in the quiet hours) the coming morning: never days away.
    soon = [item for item in items if item.due <= now + timedelta(hours=12)]
    assert {item.step for item in soon if item.kind == "deliverable"} >= {"1", "2", "3", "4"}
    assert any(item.kind == "shipment" and item.step == "received" for item in soon)
    assert any(item.kind == "custom_order" for item in soon)
    if 9 <= to_local(now).hour < 21:  # outside the quiet hours: all of it due right now
        assert all(item.due <= now for item in soon)
    # an influencer who delivered on time
    on_time = (Content.select().join(Deliverable)
               .where(Deliverable.delivered_at.is_null(False), Content.posted_at <= Deliverable.deadline))
    assert on_time.exists()
    demo.remove()
    assert set(table_counts().values()) == {0}


# --- the language, asked once -------------------------------------------------------------

@pytest.mark.parametrize("answer", ["nl", "en"])
def test_the_first_start_asks_the_language_once_when_the_system_names_none(
        qtbot, data_dir, translator, monkeypatch, no_other_instance, language_question, answer):
    from .helpers import start_app, stop_app

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C")  # as a machine without a locale says it
    assert i18n.system_language_known() is None
    language_question.answer = answer
    application = start_app(qtbot, ready=True)
    try:
        assert language_question.asked == 1
        assert i18n.current_language() == answer
        assert settings.get("language") == answer
        expected = {"nl": "Vandaag", "en": "Today"}[answer]
        assert application.window.sidebar.item(0).text().startswith(expected)
    finally:
        stop_app(application, qtbot)
    application = start_app(qtbot, ready=True)  # the next start: remembered, not asked again
    try:
        assert language_question.asked == 1 and i18n.current_language() == answer
    finally:
        stop_app(application, qtbot)


@pytest.mark.parametrize("system", ["nl_NL.UTF-8", "en_GB.UTF-8"])
def test_a_dutch_or_english_system_is_not_asked(qtbot, data_dir, translator, monkeypatch, no_other_instance,
                                                 language_question, system):
    from .helpers import start_app, stop_app

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", system)
    application = start_app(qtbot, ready=True)
    try:
        assert language_question.asked == 0 and i18n.current_language() == system[:2]
    finally:
        stop_app(application, qtbot)


def test_the_language_question_asks_in_both_languages_with_dutch_chosen(qtbot, language_question):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QLabel, QRadioButton

    seen = {}

    def answer():
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()
                      and w.objectName() == "languageQuestion")
        seen["texts"] = [label.text() for label in dialog.findChildren(QLabel)]
        seen["nl"] = dialog.findChild(QRadioButton, "language_nl").isChecked()
        dialog.findChild(QRadioButton, "language_en").setChecked(True)
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert language_question.real(None) == "en"  # the real dialog (conftest answers it otherwise)
    assert seen["nl"] is True
    assert "In welke taal wil je Afspraak gebruiken?" in seen["texts"]
    assert "Which language would you like to use Afspraak in?" in seen["texts"]


def test_has_influencer_matches_the_list_of_influencers(database):
    from desktop.clock import utcnow

    assert first_run.has_influencer() is False and first_run.influencers() == []
    blocked = Person.create(name="Geblokkeerd", is_influencer=True, status="blocked", created_at=utcnow())
    Person.create(name="Klant", is_influencer=False, created_at=utcnow())
    assert first_run.has_influencer() is False  # a blocked influencer and a customer do not count
    Person.create(name="Sanne", is_influencer=True, created_at=utcnow())
    assert first_run.has_influencer() is True and bool(first_run.influencers())
    assert blocked.id not in [pid for pid, _name in first_run.influencers()]


def test_the_example_shops_reminders_were_sent_after_each_deadline_a_morning_apart(database, frozen_clock):
    """The example shop's owner sent the earlier steps (the ladder climbs a rung at a time):
    never on the deadline day itself, one a morning, at the end of the quiet hours."""
    from desktop.clock import to_local
    from desktop.store.models import Deliverable, Event

    now = amsterdam(10, 30)
    frozen_clock.set(now)
    demo.fill(now)
    sent = list(Event.select().where(Event.kind == "reminder").order_by(Event.at))
    assert len(sent) == 6  # steps 1-3, 1-2 and 1 of the three influencers at steps 4, 3 and 2
    by_person = {}
    for event in sent:
        deadline = Deliverable.get_by_id(event.subject_id).deadline
        day = to_local(event.at).date()
        assert day > to_local(deadline).date() and to_local(event.at).hour == 9, (event.person.name, event.at)
        by_person.setdefault(event.person_id, []).append(day)
    for days in by_person.values():
        assert all((b - a).days == 1 for a, b in zip(days, days[1:])), days


@pytest.mark.parametrize("language, names", [
    ("nl", ("Influencers", "Maatwerk", "paneel Producten", "Bestand\u00a0→\u00a0Importeren\u00a0uit\u00a0de\u00a0webshop…")),
    ("en", ("Influencers", "Custom orders", "Products panel", "File\u00a0→\u00a0Import\u00a0from\u00a0the\u00a0shop…")),
])
def test_the_empty_shipments_view_says_where_a_parcel_starts(qtbot, database, translator, language, names):
    """Zendingen has no products panel nor an import button (audit 9, new owner F11): its
    empty state names the views, the panel and the menu item, as they are called there."""
    from desktop import i18n
    from desktop.views.main_window import MainWindow

    i18n.set_language(language)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_view("shipments")
    text = window.current_view().empty_text.text()
    assert all(name in text for name in names), text
    assert window.view_labels["orders"] in text and "&" not in text
