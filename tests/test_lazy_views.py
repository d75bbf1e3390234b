"""Start-up loads only the view on screen (MainWindow(lazy_views=True), as the app runs);
every other view fills the moment it is shown, by a click or by code, window hidden or not."""

from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.views.main_window import MainWindow


def loaded(view) -> bool:
    return view.model.rowCount() > 0


def test_only_the_view_on_screen_loads_at_start(qtbot, demo_db, translator):
    i18n.set_language("nl")
    window = MainWindow(lazy_views=True)
    qtbot.addWidget(window)
    window.show()
    current = window.current_view()
    assert loaded(current) and current.current_id is not None
    others = [v for v in window.views if v is not current]
    assert others and not any(loaded(v) for v in others)
    for row, view in enumerate(window.views):
        window.sidebar.setCurrentRow(row)  # as a click in the sidebar
        assert loaded(view), view.key
        assert view.current_id is not None, view.key


def test_a_hidden_window_fills_a_view_it_is_asked_to_show(qtbot, demo_db, translator):
    window = MainWindow(lazy_views=True)
    qtbot.addWidget(window)  # never shown: like the app living in the tray
    assert not any(loaded(v) for v in window.views)
    window.show_view("orders")
    assert loaded(window.view("orders"))


def test_without_lazy_views_every_view_is_filled_at_once(qtbot, demo_db, translator):
    window = MainWindow()
    qtbot.addWidget(window)
    assert all(loaded(v) for v in window.views)


def test_the_products_dock_loads_when_first_shown(qtbot, demo_db, translator):
    from desktop.store import settings
    from desktop.store.models import Product

    settings.set("catalogue_visible", True)
    window = MainWindow(lazy_views=True)
    qtbot.addWidget(window)
    dock = window.shipping.catalogue
    window.show()
    window.show_view("today")  # the start view: no drops there, the dock is hidden
    assert dock.isHidden() and dock.model.rowCount() == 0
    window.show_view("influencers")  # a view that takes drops shows the dock: it loads
    assert dock.isVisible()
    assert dock.model.rowCount() == Product.select().count() > 0
    first = dock.model.rows[0]
    assert first.cells[0] and first.cells[1]  # title and price, from tuples


def test_the_products_dock_of_an_eager_window_is_filled_at_once(qtbot, demo_db, translator):
    from desktop.store.models import Product

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.shipping.catalogue.model.rowCount() == Product.select().count() > 0


def test_the_first_reminder_scan_waits_for_the_first_paint(qtbot, database):
    from PySide6.QtWidgets import QWidget

    from desktop.app import _after_first_paint

    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    calls = []
    _after_first_paint(widget, lambda: calls.append(widget.isVisible()), fallback_ms=60_000)
    assert calls == []
    widget.repaint()  # the first paint
    qtbot.waitUntil(lambda: calls == [True], timeout=2000)
    widget.repaint()
    QApplication.processEvents()
    assert calls == [True]  # once


def test_the_first_reminder_scan_runs_without_a_paint_too(qtbot, database):
    from PySide6.QtWidgets import QWidget

    from desktop.app import _after_first_paint

    hidden = QWidget()  # the app started in the tray: no paint comes
    qtbot.addWidget(hidden)
    calls = []
    _after_first_paint(hidden, lambda: calls.append("hidden"))
    qtbot.waitUntil(lambda: calls == ["hidden"], timeout=2000)
