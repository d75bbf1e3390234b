"""Evidence pictures on content records: dropped from the file manager onto the record in
the influencer pane, or added with "Add evidence…"; copied under made-up names, shown as
thumbnails that open the picture, logged on the timeline, undoable, offered to strikes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QDragLeaveEvent, QImage
from PySide6.QtWidgets import QApplication, QPushButton, QToolButton

from desktop import i18n, paths
from desktop.store import evidence, pictures
from desktop.store.models import Content, ContentEvidence, Event, Person, Strike
from desktop.views import dialogs
from desktop.views import evidence as evidence_view
from desktop.views.dropping import products_mime
from desktop.views.main_window import MainWindow
from desktop.presentation import event_texts

from .conftest import NOW

from .helpers import drag, end_drags, files_mime


def picture(folder: Path, name: str, colour: str = "#5b3a8c", size=(320, 200)) -> Path:
    image = QImage(*size, QImage.Format_RGB32)
    image.fill(QColor(colour))
    path = folder / name
    assert image.save(str(path), "PNG")
    return path


def yara_content() -> Content:
    return (Content.select().join(Content.collaboration.rel_model)
            .where(Content.collaboration.rel_model.person == Person.get(Person.name == "Yara Claes").id).get())


# --- store -----------------------------------------------------------------------------

def test_add_copies_under_made_up_names_and_logs_one_event(demo_db, tmp_path):
    content = yara_content()
    a = picture(tmp_path, "story 1 van Yara.png")
    b = picture(tmp_path, "cijfers.jpg.png", "#a01c1c")
    events = Event.select().count()
    added = evidence.add(content.id, [a, b], NOW)
    rows = evidence.of_content(content.id)
    assert [r.original_name for r in rows] == ["story 1 van Yara.png", "cijfers.jpg.png"]
    for row in rows:
        assert row.path.startswith("pictures/evidence/") and "Yara" not in row.path and " " not in row.path
        stored = paths.data_dir() / row.path
        assert stored.read_bytes() == (a if row.original_name.startswith("story") else b).read_bytes()
        assert evidence.file_of(row) == stored.resolve()
    assert Event.select().count() == events + 1
    event = Event.get_by_id(added.event_id)
    assert (event.kind, event.direction, event.subject_type, event.subject_id) == ("content", "none", "content", content.id)
    assert event.person_id == content.collaboration.person_id
    assert "2 foto’s" in event_texts.shown(event) and "story 1 van Yara.png" in event_texts.shown(event)


def test_a_file_that_is_not_a_picture_refuses_the_lot(demo_db, tmp_path):
    content = yara_content()
    good = picture(tmp_path, "goed.png")
    fake = tmp_path / "nep.png"
    fake.write_text("dit is geen foto")
    events = Event.select().count()
    with pytest.raises(evidence.NotAPicture) as refused:
        evidence.add(content.id, [good, fake], NOW)
    assert "nep.png" in str(refused.value)
    assert ContentEvidence.select().count() == 0 and Event.select().count() == events
    folder = paths.data_dir() / pictures.EVIDENCE_FOLDER
    assert not folder.exists() or not any(folder.iterdir())  # the good one's copy is gone too


def test_remove_undoes_rows_event_files_and_strike_links(demo_db, tmp_path):
    content = yara_content()
    added = evidence.add(content.id, [picture(tmp_path, "a.png")], NOW)
    stored = paths.data_dir() / evidence.of_content(content.id)[0].path
    strike = Strike.create(person=content.collaboration.person_id, reason="guidelines",
                           evidence_ids=list(added.evidence_ids), created_at=NOW)
    evidence.remove(added)
    assert not stored.exists() and ContentEvidence.select().count() == 0
    assert Event.get_or_none(Event.id == added.event_id) is None
    assert Strike.get_by_id(strike.id).evidence_ids == []


def test_a_stored_path_outside_the_picture_folders_is_never_opened(demo_db):
    row = ContentEvidence.create(content=yara_content().id, path="../../secret.png", original_name="x.png", added_at=NOW)
    assert evidence.file_of(row) is None


# --- the influencer pane ---------------------------------------------------------------

@pytest.fixture
def window(qtbot, demo_db, translator):
    i18n.set_language("nl")
    w = MainWindow()
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.show_view("influencers")
    yield w
    end_drags()  # before the window goes (helpers.drag)


def show_person(window, qtbot, name: str):
    view = window.view("influencers")
    view.select_person(Person.get(Person.name == name).id)
    qtbot.waitUntil(lambda: view.detail.findChild(type(view.detail), f"contentRecord{yara_content().id}") is not None
                    if name == "Yara Claes" else True)
    return view


def record_point(view, content_id: int) -> tuple[object, QPoint]:
    viewport = view.detail_scroll.viewport()
    record = view.detail.findChild(type(view.detail), f"contentRecord{content_id}")
    assert record is not None
    view.detail_scroll.ensureWidgetVisible(record)
    QApplication.processEvents()
    return record, record.mapTo(viewport, record.rect().center())


def test_dropping_pictures_on_a_content_record_keeps_them_as_evidence(window, qtbot, tmp_path, monkeypatch):
    view = show_person(window, qtbot, "Yara Claes")
    content = yara_content()
    viewport = view.detail_scroll.viewport()
    record, pos = record_point(view, content.id)
    files = [picture(tmp_path, "story-1.png"), picture(tmp_path, "story-2.png", "#2e7d32")]
    mime = files_mime(files)  # kept for the whole test
    events = Event.select().count()

    move = drag(viewport, pos, mime, drop=False)
    assert move.isAccepted()
    target = view.evidence_drops
    assert target.highlight.isVisible() and not target.highlight.refused
    assert target.highlight.geometry().contains(pos)  # the record is outlined
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert not target.highlight.isVisible()

    drag(viewport, pos, mime)
    qtbot.waitUntil(lambda: ContentEvidence.select().count() == 2)
    assert Event.select().count() == events + 1
    newest = Event.select().order_by(Event.id.desc()).first()
    assert event_texts.shown(newest).startswith("Bewijs toegevoegd aan post op Instagram")
    # the pane shows the thumbnails; a click opens the stored copy (never the dropped file)
    opened = []
    monkeypatch.setattr(evidence_view, "open_file", lambda p: opened.append(p) or True)
    qtbot.waitUntil(lambda: view.detail.findChild(type(view.detail), f"evidencePictures{content.id}") is not None)
    thumbs = view.detail.findChild(type(view.detail), f"evidencePictures{content.id}").findChildren(QToolButton)
    assert len(thumbs) == 2 and all(not t.icon().isNull() for t in thumbs)
    thumbs[0].click()
    assert opened and opened[0].parent == (paths.data_dir() / pictures.EVIDENCE_FOLDER).resolve()
    assert opened[0].name != "story-1.png"

    # Edit → Undo takes the last drop back
    assert window.undo_action.isEnabled() and "bewijs bij Post op Instagram" in window.undo_action.text()
    window.undo_action.trigger()
    assert ContentEvidence.select().count() == 0 and Event.select().count() == events
    # and Edit → Redo copies the owner's files in again
    assert window.redo_action.isEnabled() and "bewijs bij Post op Instagram" in window.redo_action.text()
    window.redo_action.trigger()
    assert ContentEvidence.select().count() == 2 and Event.select().count() == events + 1


def test_products_dragged_over_a_content_record_still_go_to_the_person(window, qtbot):
    view = show_person(window, qtbot, "Yara Claes")
    _record, pos = record_point(view, yara_content().id)
    mime = products_mime([1])
    move = drag(view.detail_scroll.viewport(), pos, mime, drop=False)
    assert move.isAccepted()
    assert not view.evidence_drops.highlight.isVisible()
    person_pane = window.shipping.person_targets[1]
    assert person_pane.highlight.isVisible()
    QApplication.sendEvent(view.detail_scroll.viewport(), QDragLeaveEvent())
    assert not person_pane.highlight.isVisible()


def test_pictures_dragged_over_the_pane_outside_a_record_are_refused(window, qtbot, tmp_path):
    view = show_person(window, qtbot, "Yara Claes")
    mime = files_mime([picture(tmp_path, "x.png")])
    move = drag(view.detail_scroll.viewport(), QPoint(5, 5), mime, drop=False)  # the heading, not a record
    assert not move.isAccepted()
    assert ContentEvidence.select().count() == 0


def test_add_evidence_button_uses_the_file_dialog_and_refuses_a_non_picture(window, qtbot, tmp_path, monkeypatch):
    view = show_person(window, qtbot, "Yara Claes")
    content = yara_content()
    fake = tmp_path / "screenshot.png"
    fake.write_bytes(b"not really a png")
    good = picture(tmp_path, "echt.png")
    chosen = [[str(good), str(fake)]]
    monkeypatch.setattr(dialogs, "ask_open_paths", lambda *a: chosen.pop(0))
    warnings = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warnings.append(text))
    row = view.detail.findChild(type(view.detail), f"contentActions{content.id}")
    button = next(b for b in row.findChildren(QPushButton) if b.text() == "Bewijs toevoegen…")
    button.click()
    assert warnings and "screenshot.png" in warnings[0] and "Er is niets toegevoegd." in warnings[0]
    assert ContentEvidence.select().count() == 0
    chosen.append([str(good)])
    row = view.detail.findChild(type(view.detail), f"contentActions{content.id}")
    next(b for b in row.findChildren(QPushButton) if b.text() == "Bewijs toevoegen…").click()
    assert [r.original_name for r in evidence.of_content(content.id)] == ["echt.png"]


def test_strike_dialog_offers_her_evidence_and_the_strike_shows_it(window, qtbot, tmp_path, monkeypatch):
    from desktop.presentation import event_texts
    from desktop.views.small_dialogs import StrikeDialog

    content = yara_content()
    yara = Person.get(Person.name == "Yara Claes")
    added = evidence.add(content.id, [picture(tmp_path, "zonder-label.png")], NOW)
    dialog = StrikeDialog(window, yara)
    qtbot.addWidget(dialog)
    pictures_list = dialog.w("evidencePictures")
    assert pictures_list.count() == 1
    item = pictures_list.item(0)
    assert "zonder-label.png" in item.text() and not item.icon().isNull()
    # the date is when the picture was added, said so (not passed off as the post's date)
    assert item.text() == "{title}: zonder-label.png, toegevoegd op 23\u00a0nov\u00a02026".format(
        title=event_texts.content_title(content))
    item.setCheckState(Qt.Checked)
    dialog.w("reason").setCurrentIndex(dialog.w("reason").findData("guidelines"))
    assert dialog.save()
    strike = Strike.select().order_by(Strike.id.desc()).first()
    assert strike.evidence_ids == list(added.evidence_ids)
    view = window.view("influencers")
    view.select_person(yara.id)
    view.show_detail(yara.id)
    strip = view.detail.findChild(type(view.detail), f"strikeEvidence{strike.id}")
    assert strip is not None and len(strip.findChildren(QToolButton)) == 1


def test_strike_dialog_hides_the_evidence_list_when_she_has_none(window, qtbot):
    from desktop.views.small_dialogs import StrikeDialog

    dialog = StrikeDialog(window, Person.get(Person.name == "Sanne de Vries"))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.w("evidencePictures").count() == 0
    assert not dialog.w("evidencePictures").isVisible() and not dialog.w("evidenceLabel").isVisible()


def test_erasing_her_removes_the_evidence_files_too(demo_db, tmp_path):
    from desktop.store import privacy

    content = yara_content()
    evidence.add(content.id, [picture(tmp_path, "a.png"), picture(tmp_path, "b.png")], NOW)
    stored = [paths.data_dir() / r.path for r in evidence.of_content(content.id)]
    assert all(p.exists() for p in stored)
    result = privacy.erase_person(demo_db, content.collaboration.person_id, NOW)
    assert result.counts.get("content_evidence") == 2
    assert ContentEvidence.select().count() == 0
    assert not any(p.exists() for p in stored)


def test_the_pane_takes_the_full_height_of_its_wrapped_lines(window, qtbot):
    """Measured again once the new widgets are polished, so content records never overlap."""
    view = window.view("influencers")
    view.select_person(Person.get(Person.name == "Lien Wouters").id)
    layout = view.detail.layout()
    qtbot.waitUntil(lambda: view.detail.minimumHeight() == layout.totalHeightForWidth(
        view.detail_scroll.viewport().width()))
    records = sorted((w for w in view.detail.findChildren(type(view.detail)) if w.objectName().startswith("contentRecord")),
                     key=lambda w: w.y())
    assert len(records) == 2
    assert records[0].geometry().bottom() < records[1].geometry().top()
    assert all(w.height() >= w.minimumSizeHint().height() for w in records)


def test_strike_dialog_rows_have_room_and_long_events_wrap(window, qtbot, tmp_path):
    from PySide6.QtWidgets import QFormLayout

    from desktop.views import theme
    from desktop.views.small_dialogs import StrikeDialog

    content = yara_content()
    yara = Person.get(Person.name == "Yara Claes")
    evidence.add(content.id, [picture(tmp_path, "een-heel-lange-bestandsnaam-van-een-story-screenshot.png")], NOW)
    for with_pictures, person in ((True, yara), (False, Person.get(Person.name == "Sanne de Vries"))):
        dialog = StrikeDialog(window, person)
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        events = dialog.w("events")
        assert events.count() > 0
        assert not events.horizontalScrollBar().isVisible()  # a long event wraps instead
        for i in range(events.count()):
            assert events.visualItemRect(events.item(i)).height() >= theme.list_row_height(events)
        # the form's rows sit as close as everywhere else, whatever the lists below take
        form = dialog.form.findChild(QFormLayout, "strikeForm")
        tops = [form.itemAt(row, QFormLayout.FieldRole).widget().y() for row in range(3)]
        gaps = [b - a for a, b in zip(tops, tops[1:])]
        assert max(gaps) <= 36, (with_pictures, gaps)
