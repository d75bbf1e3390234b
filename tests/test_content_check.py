"""A logged post's points nobody checked (a box left unticked: "? Niet gecontroleerd … Kijk
dit zelf na.") can be checked afterwards: "Check…" in the influencer pane records what the
owner found (in order, missing, not checked yet). The domain decides what the post then
lacks (``disclosure.recheck``), the store keeps it with a timeline event in one
transaction, Edit → Undo takes it back, and a point found missing is named in the request
to add it. Before, the note stayed for ever and nothing she saw could be recorded."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QRadioButton

from desktop import i18n
from desktop.domain import disclosure
from desktop.presentation import disclosure_texts, event_texts
from desktop.presentation.disclosure_texts import content_notes
from desktop.store import influencers as ops
from desktop.store.models import Content, Event
from desktop.views import dialogs
from desktop.views.content_check_dialog import ContentCheckDialog

from .conftest import NOW
from .helpers import make_window
from .test_pane_words import REEL_CAPTION, VIDEO_ASKED, flagged, log_reel, sanne_with_a_reel


# --- the domain: what the post lacks once she looked -------------------------------------------

def as_logged(caption=REEL_CAPTION, kind="reel", country="NL", ticked=None):
    check = disclosure.check_caption(caption, country=country, kind=kind, shop_handle="@letterlief",
                                     required_mentions=["@letterlief"], ticked=ticked)
    return check, {**check.checklist(), **(ticked or {})}


def rechecked(check, checks, found):
    failing, unchecked = disclosure.stored_state(check.missing(), checks)
    return disclosure.recheck(failing, unchecked, checks, found)


def test_a_point_found_in_order_leaves_nothing_unchecked_and_the_post_in_order():
    check, checks = as_logged()
    assert check.disclosure_ok is None and check.unchecked() == ["item:video_said"]
    done = rechecked(check, checks, {"video_said": True})
    assert (done.missing, done.checks, done.disclosure_ok) == ([], {"video_said": True}, True)
    assert (done.in_order, done.found_missing, done.unchecked) == (["item:video_said"], [], [])
    assert disclosure.stored_state(done.missing, done.checks) == ([], [])


def test_a_point_found_missing_fails_and_flags_the_post():
    check, checks = as_logged()
    done = rechecked(check, checks, {"video_said": False})
    assert (done.missing, done.checks, done.disclosure_ok) == (["item:video_said"], {"video_said": False}, False)
    assert done.found_missing == ["item:video_said"]
    assert disclosure.stored_state(done.missing, done.checks) == (["item:video_said"], [])
    assert disclosure.flags(done.missing, done.checks)


def test_points_left_not_checked_stay_so_and_nothing_is_found():
    check, checks = as_logged(kind="story", caption="#reclame Mijn ketting @letterlief")
    assert check.unchecked() == ["item:stories_first_last"]
    nothing = rechecked(check, checks, {"stories_first_last": None})
    assert not nothing.found and nothing.disclosure_ok is None and nothing.unchecked == ["item:stories_first_last"]
    assert not rechecked(check, checks, {}).found


def test_what_recheck_decides_is_what_the_caption_check_decides_with_those_boxes_ticked():
    """Found in order is the box ticked: the same missing, checks and verdict as logging it so."""
    for caption, kind in ((REEL_CAPTION, "reel"), ("Mijn ketting!", "reel"), ("Mijn ketting @letterlief", "story"),
                          ("#reclame #ootd @letterlief", "story")):
        check, checks = as_logged(caption, kind)
        keys = [disclosure.code_key(item) for item in check.unchecked()]
        for found in ({key: True for key in keys}, {key: True for key in keys[:1]}):
            ticked, ticked_checks = as_logged(caption, kind, ticked={k: v for k, v in found.items() if v})
            done = rechecked(check, checks, found)
            assert done.missing == ticked.missing(), (caption, found)
            assert done.disclosure_ok == ticked.disclosure_ok, (caption, found)
            assert done.checks == ticked_checks, (caption, found)


def test_the_platforms_paid_partnership_label_meets_the_labels_point_or_leaves_it_the_one_missing():
    check, checks = as_logged("Mijn ketting @letterlief")  # no label in the caption
    assert check.missing() == ["item:label:NL"]
    assert check.unchecked() == ["item:platform_label", "item:video_said"]
    on = rechecked(check, checks, {"platform_label": True, "video_said": True})
    assert (on.missing, on.disclosure_ok) == ([], True)
    off = rechecked(check, checks, {"platform_label": False, "video_said": True})
    # the label's own point says it; the platform's label is not a second line of what is missing
    assert (off.missing, off.disclosure_ok) == (["item:label:NL"], False)
    assert off.checks == {"platform_label": False, "video_said": True}
    assert disclosure.stored_state(off.missing, off.checks) == (["item:label:NL"], [])


def test_an_older_record_of_an_unticked_box_is_checked_too():
    # stored before the review of the two-week walk: the unticked box in "missing", no checks
    failing, unchecked = disclosure.stored_state(["item:video_said"], {})
    done = disclosure.recheck(failing, unchecked, {}, {"video_said": True})
    assert (done.missing, done.checks, done.disclosure_ok) == ([], {"video_said": True}, True)


def test_a_point_found_missing_can_be_found_in_order_once_she_added_it():
    """She asked for the point found missing and the influencer added it: "Check…" offers it
    again, on "Missing", and "OK" clears it (before, only Undo could)."""
    check, checks = as_logged()
    first = rechecked(check, checks, {"video_said": False})
    failing, unchecked = disclosure.stored_state(first.missing, first.checks)
    assert disclosure.checkable(failing, unchecked, first.checks) == [("video_said", False)]
    done = disclosure.recheck(failing, unchecked, first.checks, {"video_said": True})
    assert (done.missing, done.checks, done.disclosure_ok) == ([], {"video_said": True}, True)
    assert (done.in_order, done.found_missing, done.unchecked) == (["item:video_said"], [], [])
    assert disclosure.checkable(*disclosure.stored_state(done.missing, done.checks), done.checks) == []


def test_a_point_found_missing_again_changes_nothing_and_back_to_not_checked_is_a_change():
    check, checks = as_logged()
    first = rechecked(check, checks, {"video_said": False})
    failing, unchecked = disclosure.stored_state(first.missing, first.checks)
    same = disclosure.recheck(failing, unchecked, first.checks, {"video_said": False})
    assert not same.found and (same.missing, same.disclosure_ok) == (["item:video_said"], False)
    assert not disclosure.recheck(failing, unchecked, first.checks, {}).found  # left as it stands
    back = disclosure.recheck(failing, unchecked, first.checks, {"video_said": None})
    assert back.found and back.reopened == ["item:video_said"]
    assert (back.missing, back.checks, back.disclosure_ok) == ([], {"video_said": None}, None)


def test_the_platforms_label_found_off_and_later_on_meets_the_labels_point():
    check, checks = as_logged("Mijn ketting @letterlief")  # no label in the caption
    off = rechecked(check, checks, {"platform_label": False, "video_said": True})
    failing, unchecked = disclosure.stored_state(off.missing, off.checks)
    assert disclosure.checkable(failing, unchecked, off.checks) == [("platform_label", False)]
    on = disclosure.recheck(failing, unchecked, off.checks, {"platform_label": True})
    assert (on.missing, on.disclosure_ok, on.in_order) == ([], True, ["item:platform_label"])
    assert on.checks == {"platform_label": True, "video_said": True}


def test_only_a_point_nobody_checked_can_be_checked():
    check, checks = as_logged()
    with pytest.raises(ValueError):
        rechecked(check, checks, {"stories_first_last": True})


# --- the store: the post and one timeline event, in one transaction ----------------------------

def test_checking_stores_what_she_found_with_one_timeline_event(database):
    sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel)
    events = Event.select().count()
    done = ops.check_content(content, {"video_said": False}, NOW)
    assert done.found_missing == ["item:video_said"]
    stored = Content.get_by_id(content.id)
    assert (stored.missing, stored.disclosure_checks, stored.disclosure_ok) == (
        ["item:video_said"], {"video_said": False}, False)
    assert Event.select().count() == events + 1
    event = Event.get(Event.fact == "content_checked")
    assert (event.subject_type, event.subject_id, event.person_id, event.kind) == ("content", content.id, sanne.id,
                                                                                   "content")
    assert event.params == {"deliverable": "reel", "platform": "instagram", "missing": ["item:video_said"]}
    i18n.set_language("en")
    assert event_texts.render(event.fact, event.params) == (
        "Reel on Instagram checked · missing: Said or shown in the video itself (at the start, during the "
        "promotion or throughout)")
    i18n.set_language("nl")
    assert "Reel op Instagram" in event_texts.render(event.fact, event.params)
    assert "ontbreekt: Genoemd of in beeld in de video zelf" in event_texts.render(event.fact, event.params)
    assert "video itself" in event.words and "in de video zelf" in event.words  # found in either language
    assert flagged(sanne)


def test_nothing_found_writes_nothing(database):
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel)
    events = Event.select().count()
    assert ops.check_content(content, {"video_said": None}, NOW) is None
    assert Event.select().count() == events
    assert Content.get_by_id(content.id).disclosure_checks == {"video_said": None}


def test_a_check_that_fails_halfway_leaves_the_post_as_it_was(database, monkeypatch):
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel)
    events = Event.select().count()

    def broken(*_args, **_kwargs):
        raise OSError("disk full")
    monkeypatch.setattr(ops, "_fact", broken)
    with pytest.raises(OSError):
        ops.check_content(content, {"video_said": True}, NOW)
    stored = Content.get_by_id(content.id)
    assert (stored.missing, stored.disclosure_checks, stored.disclosure_ok) == ([], {"video_said": None}, None)
    assert (content.disclosure_checks, content.disclosure_ok) == ({"video_said": None}, None)  # the object too
    assert Event.select().count() == events


def test_a_point_an_older_version_stored_in_words_is_checked_by_what_the_pane_read(database):
    """Versions before the codes stored the point in the words of the moment: the dialog
    reads it as its code, and the check replaces those words."""
    _sanne, collab, reel = sanne_with_a_reel()
    i18n.set_language("nl")
    words = i18n._(disclosure.item_texts()["video_said"])
    content = Content.create(collaboration=collab, deliverable=reel, url="https://www.instagram.com/reel/Cold/",
                             platform="instagram", posted_at=NOW, caption=REEL_CAPTION, disclosure_ok=False,
                             missing=[words], disclosure_checks={})
    assert disclosure_texts.points_to_check(content) == [("video_said", words, None)]
    ops.check_content(content, {"video_said": True}, NOW, disclosure_texts.stored_state(content))
    stored = Content.get_by_id(content.id)
    assert (stored.missing, stored.disclosure_checks, stored.disclosure_ok) == ([], {"video_said": True}, True)
    assert content_notes(stored).lines[0][0] == "ok"


# --- the window: log a reel, check it, undo ---------------------------------------------------

def _pane_lines(view) -> list[str]:
    QApplication.processEvents()  # the pane filled again: the old one's widgets gone
    return [label.text().strip() for label in view.detail.findChildren(QLabel) if label.isVisibleTo(view.detail)]


def _pane_button(view, text: str) -> QPushButton | None:
    QApplication.processEvents()
    return next((b for b in view.detail.findChildren(QPushButton) if b.text() == text and b.isVisibleTo(view.detail)),
                None)


def _log_the_reel(view, collab, monkeypatch):
    def fill(d):
        d.w("url").setText("https://www.instagram.com/reel/Cabc/")
        d.w("caption").setPlainText(REEL_CAPTION)  # the video box left unticked
        d.buttons.accepted.emit()
        return d.result() == d.DialogCode.Accepted
    monkeypatch.setattr(dialogs, "run", fill)
    view.log_content(collab)


def _check(view, found, monkeypatch) -> list[ContentCheckDialog]:
    """Press "Check…" in the pane, choose ``found`` in the dialog and save."""
    opened = []

    def choose(d):
        opened.append(d)
        for key, value in found.items():
            d.choose(key, value)
        d.buttons.accepted.emit()
        return d.result() == d.DialogCode.Accepted
    monkeypatch.setattr(dialogs, "run", choose)
    _pane_button(view, i18n._("Check…")).click()
    QApplication.processEvents()
    return opened


def _timeline_texts(window) -> list[str]:
    """What the Timeline view shows (every cell), the Influencers view shown again after."""
    window.show_view("timeline")
    timeline = window.view("timeline")
    timeline.refresh()
    model = timeline.model
    texts = [str(model.index(r, c).data() or "") for r in range(model.rowCount()) for c in range(model.columnCount())]
    window.show_view("influencers")
    return texts


@pytest.mark.parametrize("language, unchecked, in_order, missing, video", [
    ("nl", "? Niet gecontroleerd: Genoemd of in beeld in de video zelf", "✓ Reclamemelding in orde",
     "⚠ Ontbreekt: Genoemd of in beeld in de video zelf", VIDEO_ASKED["nl"]),
    ("en", "? Not checked: Said or shown in the video itself", "✓ Disclosure OK",
     "⚠ Missing: Said or shown in the video itself", VIDEO_ASKED["en"]),
])
def test_check_a_reel_logged_with_its_box_unticked_and_undo_it(qtbot, database, translator, monkeypatch, language,
                                                               unchecked, in_order, missing, video):
    sanne, collab, _reel = sanne_with_a_reel(language=language)
    w = make_window(qtbot, language, view="influencers", size=(1366, 768))
    v = w.view("influencers")
    _log_the_reel(v, collab, monkeypatch)
    v.select_person(sanne.id)
    assert any(line.startswith(unchecked) for line in _pane_lines(v)), _pane_lines(v)
    content = Content.get()

    # she looked: the video says it is an ad
    [dialog] = _check(v, {"video_said": True}, monkeypatch)
    assert [b.text() for b in dialog.findChildren(QRadioButton)] == [
        text for _value, text in disclosure_texts.check_choices()]
    assert dialog.findChild(QRadioButton, "video_said_unchecked").isChecked() is False  # what she chose
    stored = Content.get_by_id(content.id)
    assert (stored.disclosure_checks, stored.disclosure_ok) == ({"video_said": True}, True)
    lines = _pane_lines(v)
    assert not any(line.startswith(unchecked[:8]) for line in lines), lines  # the note is gone
    assert in_order in lines, lines
    assert _pane_button(v, i18n._("Check…")) is None  # nothing left to check
    assert any(i18n._("{content} checked").format(content=event_texts.content_title(stored)) in line
               for line in lines), lines  # on the pane's timeline
    assert w.undo_action.text().endswith(i18n._("{name}'s {content} checked").format(
        content=event_texts.content_title(stored, inline=True), name=sanne.name))
    checked = i18n._("{content} checked").format(content=event_texts.content_title(stored))
    assert any(checked in text for text in _timeline_texts(w))

    # Ctrl+Z: not checked again, the timeline line gone
    w.undo_action.trigger()
    QApplication.processEvents()
    stored = Content.get_by_id(content.id)
    assert (stored.disclosure_checks, stored.disclosure_ok, stored.missing) == ({"video_said": None}, None, [])
    assert not Event.select().where(Event.fact == "content_checked").exists()
    assert not any(checked in text for text in _timeline_texts(w))
    v.select_person(sanne.id)
    assert any(line.startswith(unchecked) for line in _pane_lines(v)), _pane_lines(v)

    # she looked again: nothing about an ad in the video
    _check(v, {"video_said": False}, monkeypatch)
    lines = _pane_lines(v)
    assert any(line.startswith(missing) for line in lines), lines
    assert not any(line.startswith(unchecked[:8]) for line in lines), lines
    assert "⚠" in v.model.rows[0].cells[1] and flagged(sanne)  # the list's flag
    # the request names the point she found missing
    asked = []
    monkeypatch.setattr(dialogs, "run", lambda d: asked.append(d.w("message").toPlainText()) or False)
    _pane_button(v, {"nl": "Vragen om het toe te voegen…", "en": "Ask for it to be added…"}[language]).click()
    assert video in asked[0], asked[0]

    w.undo_action.trigger()
    QApplication.processEvents()
    v.select_person(sanne.id)
    assert Content.get_by_id(content.id).disclosure_checks == {"video_said": None}
    assert any(line.startswith(unchecked) for line in _pane_lines(v)), _pane_lines(v)
    assert "⚠" not in v.model.rows[0].cells[1] and not flagged(sanne)
    # and back again with redo
    w.redo_action.trigger()
    assert Content.get_by_id(content.id).disclosure_ok is False and flagged(sanne)


def test_the_dialog_lists_only_the_points_nobody_checked_and_opens_on_not_checked(qtbot, database, translator):
    i18n.set_language("en")
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel, caption="Mijn ketting @letterlief")  # no label: the platform's may be on
    dialog = ContentCheckDialog(None, Content.get_by_id(content.id))
    qtbot.addWidget(dialog)
    assert list(dialog.groups) == ["platform_label", "video_said"]
    assert dialog.found() == {"platform_label": None, "video_said": None}
    assert dialog.windowTitle() == "Check: Reel on Instagram"
    assert "“Missing”" in dialog.w("prompt").text() and "Sanne de Wit" in dialog.w("prompt").text()
    dialog.findChild(QRadioButton, "platform_label_ok").click()
    assert dialog.found() == {"platform_label": True, "video_said": None}
    assert dialog.save()
    stored = Content.get_by_id(content.id)
    assert (stored.missing, stored.disclosure_ok) == ([], None)  # the label met; the video still open
    assert [how for how, _text in content_notes(stored).lines] == ["unchecked"]


def test_the_keyboard_stops_once_at_each_point_on_its_answer_and_the_arrows_change_it(qtbot, database, translator):
    i18n.set_language("en")
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel, caption="Mijn ketting @letterlief")
    dialog = ContentCheckDialog(None, Content.get_by_id(content.id))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    assert QApplication.focusWidget().objectName() == "platform_label_unchecked"  # not Save: she comes to choose
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Left)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key_Left)
    assert dialog.found() == {"platform_label": True, "video_said": None}
    stops = []
    for _ in range(4):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key_Tab)
        stops.append(QApplication.focusWidget().objectName() or QApplication.focusWidget().text())
    assert stops == ["video_said_unchecked", "Save", "Cancel", "platform_label_ok"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_a_point_found_missing_is_set_in_order_when_she_added_it(qtbot, database, translator, monkeypatch, language):
    sanne, collab, _reel = sanne_with_a_reel(language=language)
    w = make_window(qtbot, language, view="influencers", size=(1366, 768))
    v = w.view("influencers")
    _log_the_reel(v, collab, monkeypatch)
    v.select_person(sanne.id)
    _check(v, {"video_said": False}, monkeypatch)
    assert flagged(sanne)
    # she asked, Sanne added it to the video: "Check…" is still there, the point on "Missing"
    [dialog] = _check(v, {"video_said": True}, monkeypatch)
    assert list(dialog.groups) == ["video_said"]
    stored = Content.get()
    assert (stored.missing, stored.disclosure_checks, stored.disclosure_ok) == ([], {"video_said": True}, True)
    assert not flagged(sanne)
    lines = _pane_lines(v)
    assert {"nl": "✓ Reclamemelding in orde", "en": "✓ Disclosure OK"}[language] in lines, lines
    assert _pane_button(v, i18n._("Check…")) is None


def test_the_dialog_opens_a_point_found_missing_on_missing(qtbot, database, translator):
    i18n.set_language("en")
    _sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel)
    ops.check_content(content, {"video_said": False}, NOW)
    dialog = ContentCheckDialog(None, Content.get_by_id(content.id))
    qtbot.addWidget(dialog)
    assert dialog.found() == {"video_said": False}
    assert dialog.findChild(QRadioButton, "video_said_missing").isChecked()


@pytest.mark.parametrize("language, posted, checked, evidence, kind", [
    ("nl", "Content geplaatst", "Content nagekeken", "Bewijs toegevoegd", "Content"),
    ("en", "Content posted", "Content checked", "Evidence added", "Content"),
])
def test_the_timelines_what_says_a_post_was_checked_not_posted_again(database, translator, language, posted,
                                                                     checked, evidence, kind):
    """The "What" column (and the export's, and the pane's heading) said "Content posted" for
    every event about a post: a check or added evidence read as a second post."""
    from desktop.presentation import timeline, timeline_export
    from desktop.presentation.timeline import TimelineFilter

    sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel)
    ops.check_content(content, {"video_said": True}, NOW)
    Event.create(at=NOW, kind="content", direction="none", fact="evidence_added", person=sanne,
                 params={"deliverable": "reel", "platform": "instagram", "n": 2, "names": ["a.png", "b.png"]},
                 subject_type="content",
                 subject_id=content.id)
    i18n.set_language(language)
    by_fact = {e.fact: e.id for e in Event.select().where(Event.kind == "content")}
    lines = {line.id: line for line in timeline.fetch_page(TimelineFilter(kind="content"))}
    assert [lines[by_fact[f]].what for f in ("content_posted", "content_checked", "evidence_added")] == [
        posted, checked, evidence]
    exported = [row[3] for row in timeline_export.rows(TimelineFilter(kind="content"))]
    assert sorted(exported) == sorted([posted, checked, evidence])
    assert event_texts.what("content", None) == kind  # the filter's word for all of them


@pytest.mark.parametrize("language, heading, points", [
    ("nl", "? Niet gecontroleerd, kijk deze zelf na:", ["De melding staat in de taal van de post",
                                                        "In een video: de melding komt niet alleen aan het eind"]),
    ("en", "? Not checked yet, look at these yourself:", ["The label is in the language of the post",
                                                          "In a video: the disclosure does not come only at the end"]),
])
def test_several_points_read_one_a_line_in_the_pane_and_apart_in_the_timeline(database, translator, language,
                                                                             heading, points):
    """Two points nobody checked (Belgian rules, a reel) read as one broken sentence: "… de taal
    van de post, In een video: de melding …" (a review of the screenshots)."""
    i18n.set_language(language)
    _sanne, collab, reel = sanne_with_a_reel(country="BE")
    content = log_reel(collab, reel)
    [(how, text)] = content_notes(Content.get_by_id(content.id)).lines
    assert how == "unchecked"
    assert text.splitlines() == [heading] + [f"        • {p}" for p in points], text
    event = Event.get(Event.fact == "content_posted")
    line = event_texts.render(event.fact, event.params)
    assert f"{points[0]}; {points[1][0].lower()}{points[1][1:]}" in line, line
    # one point stays one line, and hashtags keep their commas
    assert disclosure_texts.in_a_line(["#reclame", "@letterlief"]) == "#reclame, @letterlief"
    assert disclosure_texts.in_a_line(["item:video_said"]) == i18n._(disclosure.item_texts()["video_said"])
