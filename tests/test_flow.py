"""The buttons' flow layout (views/flow.py): wraps when narrow, follows a button shown,
hidden or given a longer text."""

from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop.views.flow import flow_of


def _pane(qtbot, texts):
    pane = QWidget()
    qtbot.addWidget(pane)
    buttons = [QPushButton(t) for t in texts]
    holder = flow_of(buttons)
    layout = QVBoxLayout(pane)
    layout.addWidget(holder)
    layout.addStretch(1)
    return pane, holder, buttons


def _lines(buttons):
    return len({b.geometry().y() for b in buttons if not b.isHidden()})


def test_buttons_wrap_when_narrow_and_move_up_when_one_goes(qtbot):
    pane, holder, buttons = _pane(qtbot, ["Bericht met de nieuwe datum…", "Bewerken…", "Beëindigen…", "Verwijderen"])
    pane.resize(900, 300)
    pane.show()
    qtbot.waitExposed(pane)
    assert _lines(buttons) == 1
    wide_height = holder.height()
    pane.resize(260, 300)
    qtbot.waitUntil(lambda: _lines(buttons) > 1)
    assert holder.height() > wide_height
    narrow = holder.height()
    # Hidden at the same width: the others move into its place and the holder gets lower.
    buttons[0].hide()
    qtbot.waitUntil(lambda: buttons[1].geometry().topLeft() == holder.rect().topLeft())
    qtbot.waitUntil(lambda: holder.height() < narrow)
    # Shown again: back where it was.
    buttons[0].show()
    qtbot.waitUntil(lambda: holder.height() == narrow)
    assert buttons[0].geometry().topLeft() == holder.rect().topLeft()
    # A longer text at the same width: measured again, not kept.
    buttons[3].setText("Verwijderen, met alles wat erbij hoort, ook de foto's")
    qtbot.waitUntil(lambda: buttons[3].width() >= buttons[3].sizeHint().width())
    assert holder.layout().heightForWidth(holder.width()) == holder.height()
    pane.resize(900, 300)
    qtbot.waitUntil(lambda: holder.height() < narrow)
