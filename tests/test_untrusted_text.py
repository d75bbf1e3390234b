"""Names, notes, captions and messages are strangers' text: shown as typed, never as HTML.

The demo shop is filled with hostile text (HTML, a javascript: link, an image tag), then
every row of every view is opened and every QLabel in the window is checked.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import i18n
from desktop.store.models import Collaboration, Content, CustomOrder, Event, Handle, Person, Product, Rating, Strike
from desktop.views import dialogs
from desktop.views.main_window import MainWindow

HOSTILE = '<a href="javascript:alert(1)">klik</a><b>vet</b><img src="file:///etc/passwd">'


def poison():
    Person.update(name=Person.name.concat(" " + HOSTILE), notes=HOSTILE, status_reason=HOSTILE,
                  city=HOSTILE, street=HOSTILE, email=HOSTILE, tags=[HOSTILE]).execute()
    Person.update(status="inactive").where(Person.id == Person.select(Person.id).limit(1)).execute()
    Handle.update(name=Handle.name.concat(HOSTILE)).execute()
    Event.update(text=HOSTILE).execute()
    CustomOrder.update(personalisation=HOSTILE, order_number=HOSTILE, checklist=[{"text": HOSTILE, "done": False}]).execute()
    Collaboration.update(title=HOSTILE).execute()
    Rating.update(note=HOSTILE).execute()
    Strike.update(evidence=HOSTILE).execute()
    Content.update(caption=HOSTILE).execute()
    Product.update(name=HOSTILE).execute()


def hostile_labels(window):
    return [label for label in window.findChildren(QLabel) if "javascript:" in label.text()]


def test_every_label_in_every_view_shows_hostile_text_as_plain_text(qtbot, demo_db, translator):
    poison()
    i18n.set_language("nl")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    seen = 0
    for view in window.views:
        window.show_view(view.key)
        for row in range(min(view.model.rowCount(), 25)):
            view.table.selectRow(row)
            QApplication.processEvents()
            for label in hostile_labels(window):
                seen += 1
                assert label.textFormat() == Qt.PlainText, (view.key, label.text())
                assert not label.openExternalLinks()
                assert "<b>" in label.text()  # shown as typed, not swallowed
            # list cells and tooltips
            for column in range(view.model.columnCount()):
                index = view.model.index(row, column)
                tip = view.model.data(index, Qt.ToolTipRole)
                if tip:
                    doc = QTextDocument()
                    doc.setHtml(tip)
                    # rendered, the tooltip shows the hostile markup as typed, never as markup
                    assert "<b>" not in tip.replace("<p style='white-space:pre-wrap'>", "")
                    if "vet" in doc.toPlainText():
                        assert "<b>vet</b>" in doc.toPlainText()
    assert seen > 20, "the hostile text must reach the detail panes"


def test_dialogs_show_plain_text(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.textFormat()) or QMessageBox.Yes)
    dialogs.inform(None, "t", HOSTILE)
    dialogs.warn(None, "t", HOSTILE)
    dialogs.confirm(None, "t", HOSTILE)
    dialogs.confirm_with_option(None, "t", HOSTILE, HOSTILE)
    assert shown == [Qt.PlainText] * 4
