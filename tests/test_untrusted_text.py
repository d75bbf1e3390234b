"""Names, notes, captions and messages are strangers' text: shown as typed, never as HTML.

The demo shop is filled with hostile text (HTML, a javascript: link, an image tag), then
every row of every view is opened and every QLabel in the window is checked.
"""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop import i18n
from desktop.store.models import Collaboration, Content, CustomOrder, Event, Handle, Person, Product, Rating, Strike
from desktop.views import dialogs
from desktop.views.main_window import MainWindow

HOSTILE = '<a href="javascript:alert(1)">klik</a><b>vet</b><img src="file:///etc/passwd">'


def poison():
    for person in Person.select(Person.id, Person.name):  # a name as text: its sort key (name_key) follows it
        Person.update(name=f"{person.name} {HOSTILE}").where(Person.id == person.id).execute()
    Person.update(notes=HOSTILE, status_reason=HOSTILE, city=HOSTILE, street=HOSTILE, email=HOSTILE,
                  tags=[HOSTILE]).execute()
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


# --- dialogs, table items and tooltips set directly (badinput #9) ------------------------
# A product named "Ring <b>Vet</b> <img src=x>" showed as "Ring **Vet** [picture]" in a
# collaboration's gift row tooltip and in the orders import preview; the preview's heading
# and the import's progress label rendered a file named "<b>vet</b>.csv" as HTML.

SHOP_HTML = "<b>Vet</b> <img src=x>"


def rendered(tooltip: str) -> str:
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return doc.toPlainText()


def test_a_gift_rows_tooltip_shows_the_product_name_as_written(qtbot, database, translator):
    from desktop.views.collaboration_dialog import CollaborationDialog

    person = Person.create(name="Sanne", is_influencer=True)
    product = Product.create(key="K1", name="Ring " + SHOP_HTML, price_cents=1000)
    dialog = CollaborationDialog(None, person=person)
    qtbot.addWidget(dialog)
    dialog.add_gift(product.id, product.name, 1, 1000)
    assert rendered(dialog.w("gifts").item(0, 0).toolTip()) == "Ring " + SHOP_HTML


def poisoned_orders_file(folder: Path) -> Path:
    import csv
    import io

    source = (Path(__file__).parent / "data" / "shop" / "shopify_orders_nl.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(source)))
    column = rows[0].index("Lineitem name")
    for row in rows[1:]:
        if len(row) > column and row[column]:
            row[column] += " " + SHOP_HTML
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    path = folder / "<b>vet<img src=x>.csv"  # (a "/" cannot be in a file's name)
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_the_orders_import_shows_the_files_name_and_the_shops_text_as_written(qtbot, demo_db, translator,
                                                                            tmp_path, monkeypatch):
    from PySide6.QtCore import QMimeData, QPoint, QUrl
    from PySide6.QtWidgets import QDialog

    from desktop.views import order_import
    from tests.helpers import drag, end_drags

    path = poisoned_orders_file(tmp_path)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    seen = {}

    def look(preview):
        heading = preview.findChild(QLabel, "previewHeading")
        seen["heading"] = (heading.textFormat(), heading.text())
        seen["tooltip"] = rendered(preview.products.item(0, 1).toolTip())
        progress = window.shipping._job["progress"]
        label = progress.findChild(QLabel)
        seen["progress"] = (label.textFormat(), label.text())
        return QDialog.Rejected

    monkeypatch.setattr(order_import, "run_dialog", look)
    monkeypatch.setattr(dialogs, "warn", lambda *args: None)
    monkeypatch.setattr(dialogs, "inform", lambda *args: None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    with qtbot.waitSignal(window.shipping.import_finished, timeout=15000):
        drag(window, QPoint(300, 300), mime)
    end_drags()
    assert seen["heading"][0] == Qt.PlainText and "<b>vet<img src=x>.csv" in seen["heading"][1]
    assert seen["tooltip"].endswith(" " + SHOP_HTML)
    assert seen["progress"][0] == Qt.PlainText and "<b>vet<img src=x>.csv" in seen["progress"][1]
