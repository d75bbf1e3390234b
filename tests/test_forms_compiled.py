"""The forms the app builds (desktop/views/ui_forms/, `make forms`) are the ones in ui/."""

import sys
from pathlib import Path

import pytest

from tests.helpers import ci_tool

ROOT = Path(__file__).resolve().parent.parent


def _forms_tool():
    return ci_tool("forms")


def test_the_compiled_forms_are_up_to_date():
    tool = _forms_tool()
    wanted = tool.compiled()
    present = {p.name: p.read_text(encoding="utf-8") for p in tool.OUT_DIR.glob("*.py")}
    stale = sorted(n for n in wanted.keys() | present.keys() if wanted.get(n) != present.get(n))
    assert not stale, f"run `make forms`: {stale}"


def test_a_changed_form_is_seen_as_stale(tmp_path, monkeypatch):
    tool = _forms_tool()
    ui = tmp_path / "ui"
    ui.mkdir()
    source = (ROOT / "ui" / "reason_dialog.ui").read_text(encoding="utf-8")
    (ui / "reason_dialog.ui").write_text(source, encoding="utf-8")
    monkeypatch.setattr(tool, "UI_DIR", ui)
    monkeypatch.setattr(tool, "OUT_DIR", tmp_path / "out")
    assert tool.main([]) == 0
    assert tool.main(["--check"]) == 0
    (ui / "reason_dialog.ui").write_text(source.replace("</ui>", "</ui>\n").replace(
        'name="ReasonDialog"', 'name="ReasonDialog2"', 1), encoding="utf-8")
    assert tool.main(["--check"]) == 1


def test_every_form_builds_with_its_top_class_and_translated(qtbot, translator):
    from PySide6.QtWidgets import QDialog, QMainWindow

    from desktop import i18n
    from desktop.views.forms import load_form
    from desktop.views.ui_forms import FORMS

    i18n.set_language("nl")
    assert set(FORMS) == {p.name for p in (ROOT / "ui").glob("*.ui")}
    window = load_form("main_window.ui")
    qtbot.addWidget(window)
    assert isinstance(window, QMainWindow) and window.menuBar().actions()
    assert window.menuBar().actions()[0].text().replace("&", "") == "Bestand"
    dialog = load_form("quick_note.ui", window)
    assert isinstance(dialog, QDialog) and dialog.parent() is window


def test_no_qtuitools_at_start():
    """The forms no longer need QtUiTools: it stays out of the process (and the bundle)."""
    import subprocess

    code = ("import sys; from PySide6.QtWidgets import QApplication; app = QApplication([]);"
            "from desktop.views.forms import load_form; load_form('list_view.ui');"
            "print('PySide6.QtUiTools' in sys.modules)")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip() == "False", out.stderr


def test_building_the_window_sets_up_no_widget_class_it_does_not_use():
    """PySide sets up a widget class's Python type (and its enums) when it is first
    needed; letting go of a form's layout items must not need them all (asking layouts
    for their items did: QWizard, QMessageBox, QFileDialog... ~10 ms of every start)."""
    import subprocess

    code = ("from PySide6 import QtWidgets; app = QtWidgets.QApplication([]);"
            "from desktop.views.forms import load_form; load_form('main_window.ui');"
            "print(sorted(n for n in ('QWizard', 'QMessageBox', 'QFileDialog', 'QCalendarWidget')"
            " if n in vars(QtWidgets)))")
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


@pytest.mark.parametrize("name", ["order_ship.ui", "quick_note.ui"])
def test_toned_labels_get_their_colour(qtbot, name):
    """``tone`` (a dynamic property in the .ui) survives the compilation."""
    from PySide6.QtWidgets import QWidget

    from desktop.views.forms import load_form

    form = load_form(name)
    qtbot.addWidget(form)
    toned = [w for w in form.findChildren(QWidget) if w.property("tone")]
    assert toned and all(w.palette().color(w.foregroundRole()) != form.palette().color(w.foregroundRole()) for w in toned)


def test_building_a_form_leaves_no_wrapped_layout_items_qt_made(qtbot):
    """PySide wraps widget items while setupUi nests layouts; Qt may free them later
    without telling it (stale wrappers crashed, see form_dialog._layout_of): load_form lets
    go of them."""
    import shiboken6
    from PySide6.QtWidgets import QLayout, QLayoutItem

    from desktop.views.forms import load_form

    def handed_out() -> int:
        return sum(isinstance(o, QLayoutItem) and not isinstance(o, QLayout) and not shiboken6.createdByPython(o)
                   for o in shiboken6.getAllValidWrappers())

    before = handed_out()
    for name in ("order_dialog.ui", "collaboration_dialog.ui", "main_window.ui", "list_view.ui"):
        form = load_form(name)
        qtbot.addWidget(form)
    assert handed_out() == before
