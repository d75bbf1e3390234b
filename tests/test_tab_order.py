"""Tab walks a dialog as she reads it, and reaches Save and Cancel last (audit 9, new
owner F9 and F10: the accounts of "Nieuwe influencer", the checklist of "Content
vastleggen" and the customer of a new order came after Save and Cancel)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QComboBox, QDialogButtonBox

from desktop import i18n

from .conftest import NOW


def tab_walk(dialog, start) -> list[str]:
    """The object names Tab visits from ``start`` until it comes back, the dialog's own
    buttons as "buttons"."""
    seen, widget = [], start
    for _ in range(400):
        if (widget.focusPolicy() & Qt.TabFocus) == Qt.TabFocus and widget.isVisibleTo(dialog) and widget.isEnabled():
            in_buttons = isinstance(widget, QAbstractButton) and isinstance(widget.parent(), QDialogButtonBox)
            in_combo = isinstance(widget.parent(), QComboBox) and widget is widget.parent().lineEdit()
            name = "buttons" if in_buttons else widget.parent().objectName() if in_combo else widget.objectName()
            if not seen or seen[-1] != name:
                seen.append(name)
        widget = widget.nextInFocusChain()
        if widget is start:
            break
    return seen


def test_new_influencer_tabs_through_the_accounts_before_the_notes_and_the_buttons(qtbot, database, translator):
    from desktop.views.influencer_dialog import InfluencerDialog

    i18n.set_language("nl")
    dialog = InfluencerDialog(None)
    qtbot.addWidget(dialog)
    walk = tab_walk(dialog, dialog.w("name"))
    assert walk.index("tags") < walk.index("handle_instagram") < walk.index("followers_blog") < walk.index("notes")
    assert walk[-1] == "buttons"


def test_logging_content_tabs_through_the_checklist_before_the_results(qtbot, demo_db, translator):
    from desktop.store.models import Collaboration
    from desktop.views.content_dialog import ContentDialog

    i18n.set_language("nl")
    collab = next(c for c in Collaboration.select() if c.disclosure_required and c.person.country == "NL")
    dialog = ContentDialog(None, collab)
    qtbot.addWidget(dialog)
    walk = tab_walk(dialog, dialog.w("deliverable"))
    ticks = [name for name in walk if name.startswith("tick_")]
    assert ticks and walk.index("caption") < walk.index(ticks[0]) < walk.index("views")
    assert walk[-1] == "buttons"


def test_a_new_order_tabs_from_the_customer_to_the_buttons(qtbot, demo_db, translator):
    from desktop.views.order_dialog import OrderDialog

    i18n.set_language("nl")
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    walk = tab_walk(dialog, dialog.customer_pick)
    assert walk[0] == "customerPick" and walk[1] == "name"
    assert walk[-1] == "buttons", walk


def test_new_collaboration_waits_for_an_influencer_to_be_chosen(qtbot, database, translator, monkeypatch):
    """Audit 9, new owner F11: on an empty list the button answered "Kies eerst een
    influencer in de lijst." with nobody to choose."""
    from PySide6.QtWidgets import QPushButton

    from desktop.store.models import Person
    from desktop.views import dialogs

    from .helpers import make_window
    from .test_influencers_view import accept_with, fill_influencer

    view = make_window(qtbot, "nl", view="influencers").view("influencers")
    button = view.toolbar.findChild(QPushButton, "newCollaboration")
    assert not button.isEnabled() and button.toolTip() == "Kies eerst een influencer in de lijst."
    monkeypatch.setattr(dialogs, "run", accept_with(fill_influencer))
    view.new_influencer()
    assert Person.select().count() == 1 and view.current_id is not None and button.isEnabled()


def test_a_customer_of_an_orders_import_is_found_by_typing_in_a_new_order(qtbot, database, translator):
    """Audit 9, new owner F9: after an orders import the customer drop-down held every buyer
    and could only be scrolled. Typing finds her by any part of the name or address, Enter
    takes the first match (and does not save the order), text that names nobody is put back."""
    from PySide6.QtCore import Qt

    from desktop.views.order_dialog import OrderDialog
    from tests.test_shop_orders import NL_FILE, import_bytes

    import_bytes(NL_FILE.read_bytes())
    i18n.set_language("nl")
    dialog = OrderDialog(None, NOW)
    qtbot.addWidget(dialog)
    dialog.show()
    pick = dialog.customer_pick
    assert pick.count() > 5 and pick.currentData() is None  # "Nieuwe klant" first
    pick.setFocus()
    pick.lineEdit().selectAll()
    qtbot.keyClicks(pick.lineEdit(), "peeters@")
    popup = pick.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key_Return)
    assert dialog.email.text() == "lotte.peeters@example.be" and dialog.name.text() == "Lotte Peeters"
    assert dialog.isVisible() and dialog.result() == 0  # Enter chose her; it did not save
    pick.lineEdit().selectAll()
    qtbot.keyClicks(pick.lineEdit(), "niemand zo")
    qtbot.keyClick(pick.lineEdit(), Qt.Key_Return)
    assert dialog.isVisible() and pick.currentText().startswith("Lotte Peeters")  # nobody: put back
    pick.lineEdit().selectAll()
    qtbot.keyClicks(pick.lineEdit(), "xyz")
    pick.lineEdit().editingFinished.emit()  # she leaves the box (focus moves elsewhere)
    assert pick.currentText().startswith("Lotte Peeters") and dialog.name.text() == "Lotte Peeters"


def test_tag_and_export_wait_for_influencers_in_the_list(qtbot, demo_db, translator):
    """Audit 9, new owner F11: "Labelen…" answered an empty list with "select first", and
    "Exporteren…" did nothing at all. Off, saying why, while nobody is chosen; on again as
    soon as the list shows someone."""
    from PySide6.QtWidgets import QPushButton

    from .helpers import make_window

    view = make_window(qtbot, "nl", view="influencers").view("influencers")
    tag = view.toolbar.findChild(QPushButton, "tagSelected")
    export = view.toolbar.findChild(QPushButton, "exportSelected")
    assert view.current_id is not None and tag.isEnabled() and export.isEnabled()
    view.search.setText("niemand heet zo xyz")
    qtbot.waitUntil(lambda: view.model.rowCount() == 0)
    qtbot.waitUntil(lambda: not export.isEnabled())
    assert not tag.isEnabled() and tag.toolTip() == "Selecteer eerst een of meer influencers in de lijst."
    assert export.toolTip() == "Er staan geen influencers in de lijst om te exporteren."
    view.search.setText("")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0 and export.isEnabled() and tag.isEnabled())
