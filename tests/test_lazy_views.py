"""Start-up loads only the view on screen (MainWindow(lazy_views=True), as the app runs);
every other view fills the moment it is shown, by a click or by code, window hidden or not."""

from PySide6.QtGui import QAction
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


def test_a_lazy_window_builds_only_the_view_on_screen(qtbot, demo_db, translator):
    """The app's window builds the view on screen when it completes; every other view is
    built when first shown or asked for, in its own place in the sidebar's order."""
    from desktop.views.main_window import VIEW_KEYS

    window = MainWindow(lazy_views=True)
    qtbot.addWidget(window)
    window.show()
    assert [v.key for v in window.built_views()] == ["today"]
    assert window._shipping is None  # the catalogue dock waits for the first paint
    window.sidebar.setCurrentRow(VIEW_KEYS.index("timeline"))  # as a click
    assert [v.key for v in window.built_views()] == ["today", "timeline"]
    assert window.stack.currentWidget() is window.view("timeline") and loaded(window.view("timeline"))
    assert window.stack.indexOf(window.view("timeline")) == VIEW_KEYS.index("timeline")
    assert [v.key for v in window.views] == list(VIEW_KEYS)  # asking for all of them builds them
    assert [window.stack.widget(i) for i in range(window.stack.count())] == window.views


def test_the_dock_comes_after_the_first_paint_or_with_a_view_that_takes_drops(qtbot, demo_db, translator):
    from desktop.views.main_window import DROP_VIEWS
    from desktop.views.shipping import ShippingController

    assert DROP_VIEWS == ShippingController.DROP_VIEWS
    window = MainWindow(lazy_views=True)
    qtbot.addWidget(window)
    window.show()
    assert window._shipping is None and window.findChild(QAction, "actionImport") is None
    window.build_rest_later()  # what the app asks after the first paint
    qtbot.waitUntil(lambda: window._shipping is not None, timeout=2000)
    assert window.findChild(QAction, "actionImport") is not None  # File → Import… is there
    window.show_view("influencers")  # built after the dock: it takes product drops all the same
    assert window.shipping.person_targets and window.shipping.order_targets

    other = MainWindow(lazy_views=True)
    qtbot.addWidget(other)
    other.show()
    other.show_view("orders")  # a view that takes drops shows the dock: built with it
    assert other._shipping is not None
    assert [v.key for v in other.built_views()] == ["today", "orders"]


def test_a_quick_note_with_the_timeline_not_built_yet(qtbot, demo_db, translator):
    """Saving a note refreshes only the views built; the timeline, built later, reads it."""
    window = MainWindow(lazy_views=True)
    qtbot.addWidget(window)
    window.show()
    window._note_saved(0)
    assert "timeline" not in [v.key for v in window.built_views()]
    window.show_view("timeline")
    assert loaded(window.view("timeline"))
