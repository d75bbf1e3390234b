"""A message box always fits the screen with its buttons: a long text (an import's summary
of a file with many notes) scrolls in an area of its own, as plain text, and the box stays
usable with the keyboard.

Review of the imports: importing a file with many notes gave a box 400 × 1148 pixels (15
long paragraphs wrapped to 400 pixels, then "… en nog 706"): its OK button fell below a
1366 × 768 screen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QScrollArea

from desktop.views import dialogs

NOTE = ("line {n}: Naamketting <b>goud</b>: the note on this order is longer than Afspraak keeps, so only its "
        "beginning is stored with the order; the rest is still in the shop, where you can always read it.")


def _long_text(indented: bool) -> str:
    lines = ["20 new products", "706 rows skipped"] + [NOTE.format(n=n) for n in range(2, 42)] + ["… and 666 more"]
    if indented:
        lines = ["“products.csv”: imported"] + ["    " + line for line in lines]
    return "\n".join(lines)


def _on_screen(qtbot, monkeypatch, room, text, make):
    monkeypatch.setattr(dialogs, "_screen_room", lambda box: QRect(0, 0, *room))
    box = make(text)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    return box


def _inform_box(text):
    box = QMessageBox(QMessageBox.Information, "Products imported", "", QMessageBox.Ok)
    dialogs._show_text(box, text)  # what dialogs.inform shows
    return box


@pytest.mark.parametrize("room", [(1366, 768), (1920, 1080)], ids=lambda r: f"{r[0]}x{r[1]}")
@pytest.mark.parametrize("indented", [False, True], ids=["plain", "indented"])
@pytest.mark.parametrize("make", [_inform_box, lambda text: dialogs.warning_box(None, "Import", text)],
                         ids=["inform", "warn"])
def test_a_long_message_fits_the_screen_with_its_button(qtbot, monkeypatch, room, indented, make):
    text = _long_text(indented)
    box = _on_screen(qtbot, monkeypatch, room, text, make)
    width, height = room
    assert box.width() <= width and box.height() + dialogs.TITLE_BAR_PX <= height, box.size()
    ok = box.button(QMessageBox.Ok)
    assert ok.isVisible() and box.rect().contains(QRect(ok.mapTo(box, QPoint(0, 0)), ok.size()))
    area = box.findChild(QScrollArea, "messageScroll")
    assert area is not None and area.isVisible()
    shown = area.widget()
    assert isinstance(shown, QLabel) and shown.wordWrap()
    if indented:  # the summary's indents kept, her file's words never read as markup
        assert shown.textFormat() == Qt.RichText
        assert "Naamketting &lt;b&gt;goud&lt;/b&gt;" in shown.text()
    else:
        assert shown.textFormat() == Qt.PlainText and shown.text() == text
    assert shown.width() >= dialogs.NARROW_WIDTH_PX  # not wrapped to a narrow column
    # the rest is there, a scroll away: the wheel, or Tab to the text and Page Down
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0 and area.focusPolicy() & Qt.TabFocus
    area.setFocus()
    qtbot.keyClick(area, Qt.Key_PageDown)
    assert bar.value() > 0
    assert box.text() == text  # the box still holds its text (what reads it aloud, what a test reads)
    # Enter still says OK (the default button)
    qtbot.keyClick(area, Qt.Key_Return)
    assert not box.isVisible() and box.clickedButton() is ok


def test_a_text_that_fits_is_shown_as_before(qtbot, monkeypatch):
    box = _on_screen(qtbot, monkeypatch, (1366, 768), "“<b>x</b>.csv” was not imported. The file is empty.",
                     lambda text: dialogs.warning_box(None, "Import", text))
    assert box.findChild(QScrollArea, "messageScroll") is None
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.textFormat() == Qt.PlainText and label.text().startswith("“<b>x</b>.csv”")


def test_a_text_too_high_for_the_narrow_box_is_shown_wider_first(qtbot, monkeypatch):
    """Fits wide, not narrow: wider, without scrolling."""
    text = "\n".join(NOTE.format(n=n) for n in range(2, 16))
    box = _on_screen(qtbot, monkeypatch, (1366, 768), text, _inform_box)
    assert box.findChild(QScrollArea, "messageScroll") is None
    label = box.findChild(QLabel, "qt_msgbox_label")
    assert label.textFormat() == Qt.PlainText and label.text() == text
    assert label.width() >= dialogs.SUMMARY_WIDTH_PX
    assert box.height() + dialogs.TITLE_BAR_PX <= 768
