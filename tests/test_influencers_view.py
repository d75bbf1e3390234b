"""The Influencers view and its dialogs, driven as the owner would, in Dutch and English."""

import os
from pathlib import Path
import stat
from datetime import date, datetime, timedelta

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QPushButton, QWidget

from desktop import clock, i18n
from desktop.store.models import (
    AgreementVersion,
    Collaboration,
    Content,
    Deliverable,
    Event,
    Handle,
    Person,
    Rating,
    Strike,
)
from desktop.views import dialogs
from desktop.views.collaboration_dialog import CollaborationDialog
from desktop.views.content_dialog import ContentDialog
from desktop.views.influencer_dialog import InfluencerDialog
from desktop.views.influencers import InfluencersView
from desktop.views.small_dialogs import EndDialog, RatingDialog, StrikeDialog
from tests.conftest import NOW

TEXTS = {
    "nl": {"name": "Vul een naam in.", "negative": "Het aantal volgers kan niet negatief zijn.",
           "deadline": "De deadline ligt vóór de datum van de afspraak.", "taken": "is al van",
           "url": "is geen weblink", "inactive": "Inactief", "title": "Influencers"},
    "en": {"name": "Fill in a name.", "negative": "The number of followers can't be negative.",
           "deadline": "The deadline is before the agreement date.", "taken": "already belongs to",
           "url": "is not a web link", "inactive": "Inactive", "title": "Influencers"},
}


@pytest.fixture
def fixed_now(monkeypatch):
    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    return NOW


def shown_view(qtbot, language: str, size: tuple[int, int] = (1200, 800)) -> InfluencersView:
    """The view in ``language``, at ``size``, shown and filled from the database open now."""
    i18n.set_language(language)
    v = InfluencersView()
    qtbot.addWidget(v)
    v.resize(*size)
    v.show()
    v.refresh()
    return v


@pytest.fixture
def view(qtbot, database, translator, fixed_now):
    return lambda language: shown_view(qtbot, language)


def accept_with(fill):
    """Replace dialogs.run: fill the dialog, press Save; True when it closed."""
    def run(dialog):
        fill(dialog)
        dialog.buttons.accepted.emit()
        return dialog.result() == dialog.DialogCode.Accepted
    return run


def fill_influencer(d: InfluencerDialog):
    d.w("name").setText("Sanne de Vries")
    d.w("email").setText("sanne@example.nl")
    d.w("handle_instagram").setText("https://www.instagram.com/Sanne.Styled/?hl=nl")
    d.w("followers_instagram").setText("18.400")
    d.w("handle_tiktok").setText("@SanneStyled")
    d.w("followers_tiktok").setText("9,2k")
    d.w("tags").setText("sieraden, Lifestyle")
    d.w("country").setCurrentIndex(d.w("country").findData("NL"))


def set_date(widget, value: date):
    widget.setDate(QDate(value.year, value.month, value.day))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_whole_story_of_a_collaboration(qtbot, view, monkeypatch, language):
    """Add an influencer, agree two deliverables, log content, strikes up to inactive, rate."""
    texts = TEXTS[language]
    v = view(language)
    assert v.pages.currentIndex() == 0  # empty state, but the toolbar is there
    assert v.toolbar.isVisible()

    monkeypatch.setattr(dialogs, "run", accept_with(fill_influencer))
    v.new_influencer()
    sanne = Person.get(Person.name == "Sanne de Vries")
    assert {(h.platform, h.name, h.followers) for h in sanne.handles} == {
        ("instagram", "sanne.styled", 18400), ("tiktok", "sannestyled", 9200)}
    assert sanne.tags == ["sieraden", "lifestyle"]
    assert v.model.rowCount() == 1 and v.current_id == sanne.id
    assert i18n.format_number(27600) in v.model.rows[0].subline  # under the name

    today = NOW.date()

    def fill_collab(d: CollaborationDialog):
        d.w("title").setText("Ketting Maan")
        d.w("required_mentions").setText("@zilverenzo")
        d.w("required_hashtags").setText("#gekregen #zilverenzo")
        d.w("product_cost").setText("9,00")
        d.w("shipping").setText("4,95")
        table = d.w("deliverables")
        table.cellWidget(0, 0).setCurrentIndex(table.cellWidget(0, 0).findData("post"))
        set_date(table.cellWidget(0, 2), today + timedelta(days=7))
        row = d.add_deliverable("story", 2, today + timedelta(days=10))
        assert row == 1
    monkeypatch.setattr(dialogs, "run", accept_with(fill_collab))
    v.new_collaboration()
    collab = Collaboration.get(Collaboration.person == sanne)
    assert collab.status == "agreed" and collab.required_hashtags == ["#gekregen", "#zilverenzo"]
    assert [(d.kind, d.count) for d in collab.deliverables.order_by(Deliverable.id)] == [("post", 1), ("story", 2)]
    assert Event.select().where(Event.kind == "agreement", Event.person == sanne).count() == 1
    assert v.model.rows[0].cells[3] == "3"  # 1 post + 2 stories open

    # a change to the agreed terms is kept as a version: who asked, why, old -> new
    def change(d: CollaborationDialog):
        set_date(d.w("deliverables").cellWidget(0, 2), today + timedelta(days=14))
        d.w("change_reason").setText("Ziek, een week later")
        d.w("confirmed").setChecked(True)
    monkeypatch.setattr(dialogs, "run", accept_with(change))
    v.edit_collaboration(collab)
    version = AgreementVersion.get()
    assert version.requested_by == "influencer" and version.confirmed and version.reason == "Ziek, een week later"
    old, new = version.changes["deliverables"]
    assert old[0][2] == (today + timedelta(days=7)).isoformat() and new[0][2] == (today + timedelta(days=14)).isoformat()
    def detail_text():
        return " ".join(w.text() for w in v.detail.findChildren(type(v.title)))

    qtbot.waitUntil(lambda: "→" in detail_text() and "Ziek, een week later" in detail_text(), timeout=3000)

    # log the post with its caption: hashtags and disclosure checked
    post = collab.deliverables.where(Deliverable.kind == "post").get()

    def fill_content(d: ContentDialog):
        d.w("deliverable").setCurrentIndex(d.w("deliverable").findData(post.id))
        d.w("url").setText("https://www.instagram.com/p/Cx12ab/")
        d.w("caption").setPlainText("Mijn nieuwe ketting! Gekregen van @zilverenzo #gekregen #zilverenzo")
        d.w("likes").setText("612")
        d.w("revenue").setText("264,65")
        assert "✓ #gekregen" in d.w("checkResult").text()
    monkeypatch.setattr(dialogs, "run", accept_with(fill_content))
    v.log_content(collab)
    content = Content.get()
    assert content.platform == "instagram" and content.disclosure_ok is True and content.likes == 612
    assert content.hashtags_present == ["#gekregen", "#zilverenzo"] and content.shop_tagged
    post = Deliverable.get_by_id(post.id)
    assert post.delivered_at is not None
    assert Event.select().where(Event.kind == "content").count() == 1

    # three strikes: inactive, and the reason shows in the list
    for reason in ("communication", "late", "guidelines"):
        def fill_strike(d: StrikeDialog, reason=reason):
            d.w("reason").setCurrentIndex(d.w("reason").findData(reason))
            d.w("note").setPlainText("Geen reactie")
        monkeypatch.setattr(dialogs, "run", accept_with(fill_strike))
        v.add_strike(Person.get_by_id(sanne.id))
    sanne = Person.get_by_id(sanne.id)
    assert sanne.status == "inactive" and Strike.select().count() == 3
    assert v.model.rows[0].cells[1].startswith(texts["inactive"])
    tip = v.model.data(v.model.index(0, 1), Qt.ToolTipRole)  # written when asked for
    assert tip.startswith("<p style='white-space:pre-wrap'>3 ") and "100" in tip
    assert Event.select().where(Event.kind == "strike").count() == 3
    assert Event.select().where(Event.kind == "status", Event.words.contains("→")).count() == 1

    # posting the outstanding stories lifts the strikes (policy default)
    story = collab.deliverables.where(Deliverable.kind == "story").get()
    for n in range(2):
        def fill_story(d: ContentDialog, n=n):
            d.w("deliverable").setCurrentIndex(d.w("deliverable").findData(story.id))
            d.w("url").setText(f"https://www.instagram.com/stories/sanne.styled/{n}/")
            d.w("caption").setPlainText("#reclame @zilverenzo #gekregen #zilverenzo")
            d.findChild(QCheckBox, "tick_stories_first_last").setChecked(True)
        monkeypatch.setattr(dialogs, "run", accept_with(fill_story))
        v.log_content(Collaboration.get_by_id(collab.id))
    sanne = Person.get_by_id(sanne.id)
    assert sanne.status == "active"
    assert Strike.select().where(Strike.lifted_at.is_null()).count() == 0
    assert Collaboration.get_by_id(collab.id).status == "posted"

    # rate the finished collaboration
    def fill_rating(d: RatingDialog):
        for key, stars in (("communication", 2), ("quality", 5), ("punctuality", 3), ("result", 4)):
            d.w(key).setCurrentIndex(d.w(key).findData(stars))
        d.w("note").setPlainText("Mooie foto's")
    monkeypatch.setattr(dialogs, "run", accept_with(fill_rating))
    v.rate(Collaboration.get_by_id(collab.id))
    rating = Rating.get()
    assert (rating.communication, rating.quality, rating.punctuality, rating.result) == (2, 5, 3, 4)
    assert v.model.rows[0].sublines[4] == "★ " + i18n.format_number(3.5)  # under the score
    assert v.model.rows[0].cells[4].isdigit()
    assert Event.select().where(Event.kind == "rating").count() == 1


@pytest.mark.parametrize("language", ["nl", "en"])
def test_bad_influencer_input_is_refused_at_the_field(qtbot, database, translator, fixed_now, language):
    i18n.set_language(language)
    texts = TEXTS[language]
    noor = Person.create(name="Noor Bakker", is_influencer=True)
    Handle.create(person=noor, platform="tiktok", name="noor.bakt")
    d = InfluencerDialog()
    qtbot.addWidget(d)
    d.w("followers_instagram").setText("-40")
    d.w("handle_instagram").setText("@someone")
    d.w("handle_tiktok").setText("https://www.tiktok.com/@Noor.Bakt")
    assert d.save() is False
    assert not d.error_text("name")  # "@someone" stands in for her name
    assert d.error_text("followers_instagram") == texts["negative"]
    assert "Noor Bakker" in d.error_text("handle_tiktok") and texts["taken"] in d.error_text("handle_tiktok")
    assert Person.select().count() == 1 and Handle.select().count() == 1
    # fixing the fields clears the messages and saves
    d.w("name").setText("Mila")
    d.w("followers_instagram").setText("400")
    d.w("handle_tiktok").setText("")
    assert d.save() is True
    assert d.error_text("name") == ""
    assert Person.select().count() == 2


@pytest.mark.parametrize("language", ["nl", "en"])
def test_deadline_before_agreement_and_malformed_url_are_refused(qtbot, database, translator, fixed_now, language):
    i18n.set_language(language)
    texts = TEXTS[language]
    person = Person.create(name="Sanne", is_influencer=True)
    d = CollaborationDialog(person=person)
    qtbot.addWidget(d)
    set_date(d.w("agreed_on"), NOW.date())
    set_date(d.w("deliverables").cellWidget(0, 2), NOW.date() - timedelta(days=3))
    assert d.save() is False
    assert d.error_text("deliverables") == texts["deadline"]
    assert Collaboration.select().count() == 0 and Deliverable.select().count() == 0

    set_date(d.w("deliverables").cellWidget(0, 2), NOW.date() + timedelta(days=3))
    assert d.save() is True
    collab = Collaboration.get()
    c = ContentDialog(collaboration=collab)
    qtbot.addWidget(c)
    c.w("url").setText("instagram dot com slash post")
    c.w("views").setText("-5")
    assert c.save() is False
    assert texts["url"] in c.error_text("url")
    assert c.error_text("views")
    assert Content.select().count() == 0 and Event.select().where(Event.kind == "content").count() == 0


def test_inactive_influencer_needs_an_explicit_exception(qtbot, database, translator, fixed_now):
    i18n.set_language("en")
    person = Person.create(name="Fleur", is_influencer=True, status="inactive", status_reason="3 strikes")
    d = CollaborationDialog(person=person)
    qtbot.addWidget(d)
    assert not d.w("personWarning").isHidden() and "3 strikes" in d.w("personWarning").text()
    assert d.save() is False and d.error_text("override")
    assert Collaboration.select().count() == 0
    d.w("override").setChecked(True)
    assert d.save() is True
    assert Event.select().where(Event.kind == "status", Event.words.contains("Exception")).count() == 1


def test_end_politely_and_block(qtbot, database, translator, fixed_now, monkeypatch):
    i18n.set_language("nl")
    person = Person.create(name="Anouk Mulder", is_influencer=True, address_form="u")
    collab = Collaboration.create(person=person, title="Ketting Ster", status="received")
    d = EndDialog(collaboration=collab)
    qtbot.addWidget(d)
    before = d.w("message").toPlainText()  # no reason typed yet: no reason sentence, never "…" in its place
    assert "samenwerking" in before and "…" not in before and "reden" not in before.lower()
    d.w("reason").setText("we horen niets meer")
    assert "Anouk" in d.w("message").toPlainText() and "we horen niets meer" in d.w("message").toPlainText()
    d.w("block").setChecked(True)
    assert d.save() is False and d.error_text("block_reason")  # why block?
    d.w("block_reason").setText("Drie maanden niets geplaatst")
    assert d.save() is True
    collab = Collaboration.get_by_id(collab.id)
    person = Person.get_by_id(person.id)
    assert collab.status == "ended" and collab.end_reason == "we horen niets meer"
    assert person.status == "blocked" and person.status_reason == "Drie maanden niets geplaatst"
    assert Event.select().where(Event.kind == "message", Event.direction == "out").count() == 1
    v = InfluencersView()
    qtbot.addWidget(v)
    v.refresh()
    assert v.model.rows[0].colour == "grey"  # kept, greyed


def test_filters_bulk_tag_and_safe_export(qtbot, demo_db, translator, fixed_now, monkeypatch, tmp_path):
    i18n.set_language("nl")
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    total = v.model.rowCount()
    v.country_filter.setCurrentIndex(v.country_filter.findData("BE"))
    assert 0 < v.model.rowCount() < total
    assert all(r.extra["country"] == "BE" for r in v.model.rows)
    v.status_filter.setCurrentIndex(v.status_filter.findData("disclosure"))
    assert [r.cells[0] for r in v.model.rows] == ["Yara Claes"]
    v.status_filter.setCurrentIndex(0)
    v.country_filter.setCurrentIndex(0)
    assert v.model.rowCount() == total
    # sortable by score
    v.table.sortByColumn(4, v.table.horizontalHeader().sortIndicatorOrder().DescendingOrder)
    scores = [r.sort_keys[4] for r in v.model.rows if r.sort_keys[4] is not None]
    assert scores == sorted(scores, reverse=True)

    v.table.selectRow(0)
    v.table.selectionModel().select(v.model.index(1, 0), v.table.selectionModel().SelectionFlag.Select
                                    | v.table.selectionModel().SelectionFlag.Rows)
    chosen = v.selected_ids()
    assert len(chosen) == 2
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "#Kerst")
    v.tag_selected()
    assert all("kerst" in Person.get_by_id(i).tags for i in chosen)
    v.tag_filter.setCurrentIndex(v.tag_filter.findData("kerst"))
    assert v.model.rowCount() == 2

    v.table.selectAll()  # the two tagged ones
    Person.update(notes="=HYPERLINK(\"http://evil\")").where(Person.id == chosen[0]).execute()
    out = tmp_path / "export.csv"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(out))
    v.export_selected()
    text = out.read_text(encoding="utf-8-sig")
    assert text.count("\n") == 3  # header + 2 selected
    assert "'=HYPERLINK" in text and ";=HYPERLINK" not in text


@pytest.mark.parametrize("language, words", [
    ("nl", {"Naam": "Yara Claes", "Status": "Actief", "Land": "België", "Aanspreekvorm": "informeel (je)"}),
    ("en", {"Name": "Yara Claes", "Status": "Active", "Country": "Belgium", "Form of address": "informal (Hi …)"}),
])
def test_the_export_opens_in_columns_in_her_language(qtbot, demo_db, translator, fixed_now, monkeypatch, tmp_path,
                                                     language, words):
    """Dutch Excel splits on ";": the export wrote "," between the database's own codes under
    English column names, so she saw every influencer in one cell reading "active,BE,nl,je"."""
    import csv

    i18n.set_language(language)
    v = InfluencersView()
    qtbot.addWidget(v)
    v.refresh()
    yara = Person.get(Person.name == "Yara Claes")
    v.select_person(yara.id)
    out = tmp_path / "influencers.csv"
    suggested = []
    monkeypatch.setattr(dialogs, "ask_save_path", lambda parent, title, path, filters: suggested.append(path) or str(out))
    v.export_selected()
    # in her home folder (it was the folder Afspraak was started from), under a name through the catalogs
    assert suggested == [str(Path.home() / "influencers.csv")]
    with open(out, encoding="utf-8-sig", newline="") as fh:
        header, *rows = list(csv.reader(fh, delimiter=";"))
    assert len(rows) == 1
    got = dict(zip(header, rows[0]))
    assert {k: got[k] for k in words} == words
    followers = got["Volgers" if language == "nl" else "Followers"]
    assert followers == str(sum(h.followers for h in yara.handles if h.followers is not None))
    if os.name == "posix":  # addresses and notes: hers only
        assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_detail_pane_shows_history_content_strikes_and_timeline(qtbot, demo_db, translator, fixed_now):
    i18n.set_language("en")
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    yara = Person.get(Person.name == "Yara Claes")
    v.select_person(yara.id)
    def shown() -> str:
        return "\n".join(w.text() for w in v.detail.findChildren(type(v.title)) if w.isVisibleTo(v.detail))

    # new detail widgets are shown (and the old ones deleted) by the event loop
    qtbot.waitUntil(lambda: "Reliability" in shown() and "Latest on the timeline" in shown(), timeout=3000)
    joined = shown()
    assert "Reliability" in joined and "Missing:" in joined and "Ratings" in joined
    assert "Latest on the timeline" in joined
    score_label = v.detail.findChild(type(v.title), "scoreLabel")
    assert "On time" in score_label.toolTip()


@pytest.mark.parametrize("language", ["nl", "en"])
def test_large_amounts_survive_opening_and_saving_the_collaboration(qtbot, database, translator, language):
    """A fee of € 1.500 shown for editing must read back as € 1.500, not € 1,50."""
    from desktop.domain import money
    from desktop.domain.money import parse_money

    i18n.set_language(language)
    for cents in (150000, 1234567, 995, 100):
        assert parse_money(money.format_input(cents, i18n.formatting_locale()), i18n.formatting_locale()) == cents


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_collaboration_dialog_shows_a_large_fee_so_it_reads_back_the_same(qtbot, database, translator, language):
    from desktop.domain.money import parse_money
    from desktop.store.models import Collaboration, Person
    from desktop.views.collaboration_dialog import CollaborationDialog

    i18n.set_language(language)
    person = Person.create(name="Sanne", is_influencer=True)
    collab = Collaboration.create(person=person, title="Groot", fee_cents=150000, product_cost_cents=123456,
                                  shipping_cents=495)
    dialog = CollaborationDialog(None, collaboration=collab)
    qtbot.addWidget(dialog)
    locale = i18n.formatting_locale()
    assert parse_money(dialog.w("fee").text(), locale) == 150000
    assert parse_money(dialog.w("product_cost").text(), locale) == 123456
    assert parse_money(dialog.w("shipping").text(), locale) == 495


def test_the_panes_buttons_act_on_what_it_shows_without_asking_the_models(qtbot, database, translator, fixed_now,
                                                                          monkeypatch):
    """The pane is built from store/influencer_detail.py: its buttons hand the records they
    show to the store (a strike lifted, a change confirmed), and each content record shows
    its own evidence, with two collaborations as with one."""
    from PySide6.QtWidgets import QPushButton

    from desktop.store.models import ContentEvidence

    i18n.set_language("en")
    sanne = Person.create(name="Sanne", is_influencer=True)
    old = Collaboration.create(person=sanne, title="Ketting Ster", status="agreed", created_at=NOW - timedelta(days=9))
    new = Collaboration.create(person=sanne, title="Ring Maan", status="agreed", created_at=NOW - timedelta(days=1))
    posts = [Content.create(collaboration=c, url=f"https://www.instagram.com/p/{c.id}/", platform="instagram",
                            posted_at=NOW - timedelta(days=1)) for c in (old, new)]
    for n in range(2):
        ContentEvidence.create(content=posts[1], path=f"pictures/evidence/{n}.png", original_name=f"{n}.png")
    version = AgreementVersion.create(collaboration=old, changed_at=NOW - timedelta(days=2), requested_by="influencer",
                                      reason="Ziek", confirmed=False, changes={})
    strike = Strike.create(person=sanne, reason="late", created_at=NOW - timedelta(days=3))
    v = shown_view(qtbot, "en")
    v.select_person(sanne.id)

    def texts(name):
        holder = v.detail.findChild(QWidget, name)
        return [] if holder is None else [w.text() for w in holder.findChildren(type(v.title)) if w.isVisibleTo(holder)]

    qtbot.waitUntil(lambda: v.detail.findChild(QWidget, f"confirmVersion{version.id}") is not None, timeout=3000)
    assert any("2 pictures" in t for t in texts(f"contentRecord{posts[1].id}"))
    assert not any("picture" in t for t in texts(f"contentRecord{posts[0].id}"))

    v.detail.findChild(QWidget, f"confirmVersion{version.id}").findChild(QPushButton).click()
    assert AgreementVersion.get_by_id(version.id).confirmed
    qtbot.waitUntil(lambda: v.detail.findChild(QWidget, f"confirmVersion{version.id}") is None, timeout=3000)

    monkeypatch.setattr(dialogs, "confirm", lambda *a: True)
    def lift_buttons():
        return [b for b in v.detail.findChildren(QPushButton) if b.text() == "Lift" and b.isVisibleTo(v.detail)]

    qtbot.waitUntil(lambda: len(lift_buttons()) == 1, timeout=3000)  # the rebuilt pane, shown
    lift_buttons()[0].click()
    assert Strike.get_by_id(strike.id).lifted_at == NOW
    assert Event.select().where(Event.kind == "strike", Event.person == sanne).count() == 1
    qtbot.waitUntil(lambda: not [b for b in v.detail.findChildren(QPushButton) if b.text() == "Lift"], timeout=3000)
    assert "lifted" in " ".join(w.text() for w in v.detail.findChildren(type(v.title)))


def test_a_passed_deadline_reddens_the_date_not_the_status(qtbot, demo_db, translator, monkeypatch):
    """"Actief" keeps the status's own colour when a deadline has passed (red is for
    "Inactief"); the deadline cell beside it is the one that turns red."""
    from desktop.views.rows import BRUSHES

    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    v = InfluencersView()
    qtbot.addWidget(v)
    v.refresh()
    v.model.complete()
    late = [i for i, r in enumerate(v.model.rows) if r.extra["person"].status == "active"
            and not r.extra["person"].flagged and r.extra["person"].nearest and r.extra["person"].nearest < NOW]
    assert late, "the demo shop has an active influencer with a passed deadline"
    for i in late:
        status = v.model.data(v.model.index(i, 1), Qt.ForegroundRole)
        deadline = v.model.data(v.model.index(i, 2), Qt.ForegroundRole)
        assert status is None or status.color() != BRUSHES["red"].color(), v.model.rows[i].cells
        assert deadline is not None and deadline.color() == BRUSHES["red"].color()
    inactive = [i for i, r in enumerate(v.model.rows) if r.extra["person"].status == "inactive"]
    for i in inactive:
        assert v.model.data(v.model.index(i, 1), Qt.ForegroundRole).color() == BRUSHES["red"].color()


def test_the_detail_pane_words_things_for_the_owner(qtbot, demo_db, translator, monkeypatch):
    """Deliverables in words ("1 afgesproken, nog niet geplaatst"), no "opbrengst 0×",
    the address as on an envelope and the fields beside their names (no "E-mail: …")."""
    from PySide6.QtWidgets import QLabel

    from desktop.presentation.address_texts import PostalAddress, address_text

    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    i18n.set_language("nl")
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    v.model.complete()
    seen = []
    for row in v.model.rows:
        v.select_person(row.id)
        person = Person.get_by_id(row.id)
        texts = [label.text() for label in v.detail.findChildren(QLabel)]
        seen += texts
        if person.city:
            # as the formatter writes it, the country left to its own field
            assert address_text(PostalAddress.of_card(person), screen=True, with_country=False) in texts
        assert not any(t.startswith(("E-mail:", "Adres:", "Telefoon:")) for t in texts), texts
    joined = "\n".join(seen)
    assert "afgesproken, nog niet geplaatst" in joined
    assert "vastgelegd" not in joined and "opbrengst 0" not in joined and "× Post" not in joined


def test_the_pane_keeps_its_full_height_at_every_width_measuring_each_once(qtbot, demo_db, translator, fixed_now):
    """The wrapped lines of the detail pane get their full height at every width the pane
    takes (the product dock comes and goes with the view); each width is measured once
    for what the pane shows, and again when it shows someone else."""
    v = shown_view(qtbot, "nl")
    layout = v.detail.layout()
    measured = []
    measure = layout.totalHeightForWidth

    def counted(width):
        measured.append(width)
        return measure(width)

    layout.totalHeightForWidth = counted  # the pane asks its layout through Python

    def fits() -> bool:
        width = v.detail_scroll.viewport().width()
        return v.detail.minimumHeight() == measure(width)

    yara = Person.get(Person.name == "Yara Claes")
    v.select_person(yara.id)
    qtbot.waitUntil(lambda: bool(measured) and fits(), timeout=3000)
    qtbot.wait(20)  # measured again once polished (the first measure may be short): not counted
    measured.clear()
    for width in (1000, 1200, 1000, 1200):  # narrower and back, as when the dock shows and goes
        v.resize(width, 800)
        qtbot.waitUntil(fits, timeout=3000)
    qtbot.wait(20)
    assert sorted(measured) == sorted(set(measured)), "a width of the same pane was measured twice"
    assert fits()
    font = v.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    before = v.detail.minimumHeight()
    v.setFont(font)  # bigger letters (the desktop's font): the same width needs more height
    qtbot.waitUntil(lambda: fits() and v.detail.minimumHeight() > before, timeout=3000)
    others = Person.select().where(Person.id != yara.id, Person.name != "").order_by(Person.id)
    v.select_person(others.first().id)  # someone else: measured anew, at the same width
    measured.clear()
    qtbot.waitUntil(lambda: bool(measured) and fits(), timeout=3000)


def test_a_posted_deliverable_says_posted_once():
    """"Post: 1 agreed, posted · posted 23 Sep 2026" (a screenshot review): once, with its day."""
    from desktop import i18n
    from desktop.views.influencers import _deliverable_line

    for language, posted in (("en", "posted 23 Sep 2026"), ("nl", "geplaatst 23 sep 2026")):
        i18n.set_language(language)
        line = _deliverable_line("Post", 1, 1, True, posted)
        assert line.count(posted.split()[0]) == 1 and line.endswith(" · " + posted), line
        assert "posted" in _deliverable_line("Post", 1, 1, False, "").lower() or language == "nl"
    i18n.set_language("nl")


@pytest.mark.parametrize("language, said", [("nl", "aangepast door de winkel (nog niet bevestigd)"),
                                            ("en", "changed by the shop (not confirmed yet)")])
def test_a_change_afspraak_made_reads_without_an_empty_reason(qtbot, view, language, said):
    """Deadlines moved by a late gift are a version with no typed reason: the history line
    ends on its state, not on "…: " (audit 11)."""
    sanne = Person.create(name="Sanne", is_influencer=True)
    collab = Collaboration.create(person=sanne, title="Ketting Ster", status="agreed", created_at=NOW - timedelta(days=9))
    AgreementVersion.create(collaboration=collab, changed_at=NOW - timedelta(days=2), requested_by="shop", reason="",
                            confirmed=False, changes={"deliverables": [[["tiktok", 1, "2026-12-01"]],
                                                                       [["tiktok", 1, "2026-12-14"]]]})
    v = view(language)
    v.select_person(sanne.id)
    qtbot.waitUntil(lambda: any(said in w.text() for w in v.detail.findChildren(type(v.title))), timeout=3000)
    [line] = [w.text() for w in v.detail.findChildren(type(v.title)) if said in w.text()]
    assert line.rstrip().endswith(")")


def test_a_deadline_on_hold_says_so_in_the_list_and_is_never_late(view):
    """Audit of 2026-12-05: the list showed a deadline waiting for the gift as any other
    date, red once past, while the pane said it stood still until the gift is sent."""
    from desktop.store.models import Shipment

    mila = Person.create(name="Mila Smit", is_influencer=True)
    collab = Collaboration.create(person=mila, title="Oorbellen voor TikTok", status="agreed",
                                  products="Oorbellen Druppel")  # the gift the agreement names
    Deliverable.create(collaboration=collab, kind="tiktok", deadline=NOW - timedelta(days=3))
    v = view("nl")

    def date_cell():
        row = v.model.rows[0]
        return row.colours[2], (row.sublines or {}).get(2)

    assert date_cell() == ("grey", "staat stil")
    Shipment.create(person=mila, collaboration=collab, status="sent", sent_at=NOW - timedelta(days=1))
    v.refresh()  # the gift went out: chased again, and past its date
    assert date_cell() == ("red", None)


@pytest.mark.parametrize("language, waiting, stalled", [
    ("nl", "; staat stil tot het cadeau verzonden is", "het pakket kwam retour"),
    ("en", "; on hold until the gift is sent", "came back or got lost")])
def test_a_parcel_only_packed_waits_for_the_gift_in_the_pane(qtbot, view, language, waiting, stalled):
    """Review of the Influencers pane: a Reel agreed with no products named, a product dropped on
    her and the parcel made without "Al aan de vervoerder meegegeven": the pane said the parcel
    came back or got lost."""
    from PySide6.QtWidgets import QLabel

    from desktop.store.models import Shipment

    mila = Person.create(name="Mila Smit", is_influencer=True)
    collab = Collaboration.create(person=mila, title="Reel", status="agreed", products="")
    Deliverable.create(collaboration=collab, kind="reel", deadline=datetime(2026, 12, 1, 22, 59))
    Shipment.create(person=mila, collaboration=collab, status="ready")
    v = view(language)
    v.select_person(mila.id)
    texts = " | ".join(w.text() for w in v.detail.findChildren(QLabel))
    assert waiting in texts and stalled not in texts, texts


@pytest.mark.parametrize("language, button_text, in_message", [
    ("nl", "Bericht met de nieuwe datums…", "• Je TikTok-video: uiterlijk maandag 14 december (was dinsdag 1 december)"),
    ("en", "Message with the new dates…", "• Je TikTok-video: uiterlijk maandag 14 december (was dinsdag 1 december)"),
])
def test_the_pane_offers_her_the_deadlines_the_app_moved_in_writing(qtbot, database, translator, monkeypatch,
                                                                     language, button_text, in_message):
    """A late parcel moved her deadlines: under the agreement's unconfirmed change, a button
    opens the ready message with the new dates, in her language (Dutch here, whatever the
    owner's), to send and mark as sent. A change the owner typed herself has no such button
    (the agreement in writing covers it)."""
    from desktop.store import settings
    from desktop.store.models import AgreementVersion
    from tests.test_parcel_promises import agreed, local, person, product, send

    settings.set("time_zone", "Europe/Amsterdam")
    i18n.set_language(language)
    mila = person("Mila Smit")
    collaboration = agreed(mila, [("tiktok", 1, date(2026, 12, 1)), ("story", 2, date(2026, 12, 3))])
    send(mila, [product("Oorbellen Druppel", 2250)], now=local(date(2026, 12, 8)), collaboration_id=collaboration.id)
    [version] = AgreementVersion.select().where(AgreementVersion.collaboration == collaboration.id)
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    v.select_person(mila.id)
    row = v.detail.findChild(QWidget, f"confirmVersion{version.id}")
    assert row is not None
    texts = [b.text() for b in row.findChildren(QPushButton)]
    assert button_text in texts
    opened = []
    monkeypatch.setattr(dialogs, "run", lambda dialog: opened.append(dialog) or False)
    next(b for b in row.findChildren(QPushButton) if b.text() == button_text).click()
    [dialog] = opened
    message = dialog.w("message").toPlainText()
    assert in_message in message and "Hoi Mila," in message and "{" not in message
    assert dialog.collaboration.id == collaboration.id

    AgreementVersion.update(reason="Mila vroeg om een week extra").where(AgreementVersion.id == version.id).execute()
    v.show_detail(mila.id)
    row = v.detail.findChild(QWidget, f"confirmVersion{version.id}")
    assert button_text not in [b.text() for b in row.findChildren(QPushButton)]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_score_column_fits_every_score_and_rating_without_scoring_everyone(qtbot, view, language, monkeypatch):
    """The list measures its columns on a hundred rows but scores only those in sight
    (round 20); the score column is still wide enough for every score and rating it shows."""
    from desktop.store import influencers as store
    from desktop.views import cells

    people = []
    for n in range(160):
        person = Person.create(name=f"Influencer {n:03}", is_influencer=True)
        people.append(person)
        c = Collaboration.create(person=person, title="Ketting", status="agreed",
                                 agreed_at=NOW - timedelta(days=40))
        if n % 3:  # ratings with one decimal and whole ones
            Rating.create(collaboration=c, communication=1 + n % 5, quality=1 + n // 5 % 5, punctuality=4,
                          result=5)
        Deliverable.create(collaboration=c, kind="post", count=1, deadline=NOW - timedelta(days=n % 9),
                           delivered_at=NOW - timedelta(days=n % 9 + n % 2))
    scored = []
    real = store.list_figures
    monkeypatch.setattr(store, "list_figures", lambda ids, now: (scored.extend(ids), real(ids, now))[1])
    v = view(language)
    qtbot.waitUntil(lambda: bool(scored))  # the rows in sight, painted
    assert len(scored) < 100  # not every row the columns were measured on
    v.model.fill_all()
    texts = {v.model.display_text(i, 4) for i in range(len(v.model.rows))}
    assert any("★" in t for t in texts) and any(t.split("\n")[0].isdigit() for t in texts)
    # Every score and rating shown is at most as wide as the widest stand-in the column was
    # measured on (the column itself may be wider: its heading, or the room it is given).
    table, delegate = v.table, v.table.itemDelegate()
    option = cells._text_option(table)
    widest = max(delegate.text_width(option, 4, t) for t in texts)
    assert widest <= max(delegate.text_width(option, 4, t) for t in v.model.stand_ins[4])
    assert widest <= table.horizontalHeader().sectionSize(4)


def test_her_latest_events_show_what_a_reminder_said(qtbot, demo_db, translator, fixed_now):
    """A sent reminder in her pane's latest events read "Hoi Sanne,": the greeting was the
    message's first line. It names the reminder and what it asked."""
    from desktop.presentation import due_texts
    from desktop.store import due

    i18n.set_language("en")
    sanne = next(i for i in due.due_now(NOW) if i.person_name == "Sanne de Vries")
    body = due_texts.compose(sanne, NOW).body
    due.mark_sent(sanne, NOW, "instagram", body)
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    v.select_person(sanne.person_id)

    def shown() -> str:
        return "\n".join(w.text() for w in v.detail.findChildren(type(v.title)) if w.isVisibleTo(v.detail))

    qtbot.waitUntil(lambda: "Latest on the timeline" in shown(), timeout=3000)
    said = body.split("\n")[2]
    assert f"Reminder: {said[:said.index('. ') + 1]}\n" in shown() + "\n"
    assert "Hoi Sanne," not in shown()


def test_an_indented_line_of_her_pane_wraps_under_its_own_start(qtbot, demo_db, translator, fixed_now):
    """Lines under a collaboration were indented with spaces: a line that wrapped in a
    narrow pane went on at the pane's edge, left of where it began. They are indented as
    labels now, every wrapped line under the first."""
    v = shown_view(qtbot, "nl", (1000, 700))
    noor = Person.get(Person.name == "Noor Bakker")
    v.select_person(noor.id)

    def labels():
        return [w for w in v.detail.findChildren(type(v.title)) if w.isVisibleTo(v.detail)]

    qtbot.waitUntil(lambda: any("•" in w.text() for w in labels()), timeout=3000)
    assert not [w.text() for w in labels() if w.text().startswith(" ")]
    bullet = next(w for w in labels() if w.text().startswith("• "))
    assert bullet.indent() == bullet.fontMetrics().horizontalAdvance("    ")
    # An account's address: its own line under the account, wrapping under its start too.
    # (a long link gets places to break, zero-width spaces: views/base.breakable)
    address = next(w for w in labels() if w.text().replace("\u200b", "").startswith("https://www.instagram.com/"))
    assert address.indent() == bullet.indent() and "\n" not in address.text()


def test_the_search_finds_what_the_owner_types(view):
    """Review of the Influencers search: "@lotte", a straight apostrophe for a curly one,
    "celik" and "anais" without their accents, and a phone number typed any way found nobody."""
    anais = Person.create(name="Anaïs D’Hondt-Çelik 🌸", is_influencer=True, city="Gent")
    Handle.create(person=anais, platform="instagram", name="anais.dhondt")
    lotte = Person.create(name="Lotte Peeters", is_influencer=True, phone="+32 470 12 34 56")
    Handle.create(person=lotte, platform="instagram", name="lotte.peeters")
    sanne = Person.create(name="Sanne de Vries", is_influencer=True, phone="06 12345678")
    v = view("nl")
    for typed, found in [("@lotte", [lotte.id]), ("d'hondt", [anais.id]), ("celik", [anais.id]),
                         ("anais d", [anais.id]), ("06 12345678", [sanne.id]), ("0612345678", [sanne.id]),
                         ("+31 6 1234 5678", [sanne.id]), ("0470 12 34 56", [lotte.id]), ("+32470123456", [lotte.id])]:
        v.search.setText(typed)
        v._apply_filter()
        assert [r.id for r in v.model.rows] == found, typed


SORTED_NAMES = ["anna", "Bram", "Émilie", "@juul.maakt", "Zoë"]  # as every list of people sorts them


def test_somebody_known_by_her_handle_sorts_among_the_names(view):
    """Review of the search: "@juul.maakt" (saved by her handle, no name) came before every name,
    "anna" after "Zoë", "Émilie" last. The list reads as its names: case and accents do not
    count, a handle is sorted without its "@"; a click on the name column sorts the same way."""
    for name in ("Zoë", "@juul.maakt", "Bram", "Émilie", "anna"):
        Person.create(name=name, is_influencer=True)
    v = view("nl")
    v.model.complete()
    assert [r.cells[0] for r in v.model.rows] == SORTED_NAMES
    v.model.sort(0, Qt.DescendingOrder)
    v.model.sort(0, Qt.AscendingOrder)
    assert [r.cells[0] for r in v.model.rows] == SORTED_NAMES


def test_every_list_of_people_sorts_a_handle_among_the_names(database):
    from desktop.store import influencers as ops
    from desktop.store import lookups
    from desktop.store import orders as order_store
    from desktop.views import privacy_actions

    people = {name: Person.create(name=name, is_influencer=True, is_customer=True)
              for name in ("Zoë", "@juul.maakt", "Bram", "Émilie", "anna")}
    ids = [people[name].id for name in SORTED_NAMES]
    assert [pid for pid, _name in lookups.person_names()] == ids  # the timeline's and a note's person
    assert [p.id for p in lookups.influencers()] == ids  # "Send to…"
    assert [p.id for p in order_store.customers()] == ids  # the order form's customer
    assert [e.id for e in lookups.everyone()] == ids  # the Privacy menu
    assert [key for key, _line, _x in privacy_actions.person_entries()] == ids
    assert [p.id for page in ops.people_pages(first=2, size=2) for p in page] == ids  # Influencers, in pages
    assert [row.name for row in ops.export_rows(ids[::-1])] == SORTED_NAMES
