"""Issue 21: one count for the sidebar, the banner and the tray, changing together; the
banner offers "open today's list" only when another view is on screen and goes when
nothing is due; the "no system tray" notice is shown once, ever (offscreen: no tray)."""

from __future__ import annotations

from PySide6.QtWidgets import QToolButton

from desktop.store.models import Person

from .helpers import start_app, stop_app

NOTICE = "geen systeemvak"


def counts(application) -> dict:
    window = application.window
    return {
        "scheduler": len(application.scheduler.items),
        "tray": len(application.tray.items),
        "sidebar": window.sidebar.item(0).text(),
        "banner": window.banner_text.text() if window.banner.isVisible() else "",
    }


def test_snooze_on_the_popup_moves_sidebar_banner_and_tray_together(qtbot, database, translator, no_other_instance):
    from desktop import demo
    from desktop.clock import utcnow

    demo.fill(utcnow())
    application = start_app(qtbot, "nl", ready=True)
    try:
        window = application.window
        qtbot.waitUntil(lambda: bool(application.scheduler.items), timeout=3000)
        n = len(application.scheduler.items)
        assert n >= 5
        seen = counts(application)
        assert seen["tray"] == n and seen["sidebar"] == f"Vandaag ({n})"
        assert f"Er staan {n} herinneringen klaar." in seen["banner"]
        assert application.tray.tooltip() == f"Afspraak: {n} herinneringen"
        # Vandaag is on screen: the banner does not offer to open it...
        assert window.current_view().key == "today"
        assert not window.banner_button.isVisible()
        # ...another view is: now it does, and the button gets there.
        window.show_view("influencers")
        assert window.banner_button.isVisible()
        window.banner_button.click()
        assert window.current_view().key == "today"
        assert not window.banner_button.isVisible()

        # "Over 1 uur" on the popup snoozes every reminder in it: all counts go together.
        popup = application.tray.popup
        assert popup.isVisible() and len(popup.items) == n
        popup.hour_button.click()
        qtbot.waitUntil(lambda: not application.scheduler.items, timeout=3000)
        seen = counts(application)
        assert seen["tray"] == 0
        assert seen["sidebar"] == "Vandaag"
        assert "klaar." not in seen["banner"]  # the due line went with the count...
        assert NOTICE in seen["banner"]  # ...the notice stays until it is closed
        window.findChild(QToolButton, "bannerClose").click()
        assert not window.banner.isVisible()
        assert application.tray.tooltip() == "Afspraak: niets te doen"
        assert window.view("today").due_now_count() == 0
    finally:
        stop_app(application, qtbot)


def test_the_banner_goes_when_nothing_is_due_and_comes_back_with_a_new_item(qtbot, database, translator,
                                                                        no_other_instance, frozen_clock):
    from desktop import demo, reminders
    from desktop.clock import utcnow
    from desktop.store import settings

    settings.set("told_no_tray", True)  # only the due line in the banner here
    demo.fill(utcnow())
    application = start_app(qtbot, "nl", ready=True)
    try:
        window = application.window
        qtbot.waitUntil(lambda: bool(application.scheduler.items), timeout=3000)
        assert window.banner.isVisible()
        reminders.mark_done(list(application.scheduler.items))  # "Klaar" on everything
        qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=3000)
        assert counts(application)["sidebar"] == "Vandaag" and counts(application)["tray"] == 0
        # A week later the ladder has new steps: banner, sidebar and tray show them together.
        from datetime import timedelta

        frozen_clock.advance(timedelta(days=7))
        reminders.notify_changed()
        qtbot.waitUntil(lambda: bool(application.scheduler.items), timeout=3000)
        n = len(application.scheduler.items)
        seen = counts(application)
        assert seen["tray"] == n and seen["sidebar"] == f"Vandaag ({n})"
        assert seen["banner"] == f"Er staan {n} herinneringen klaar."
    finally:
        stop_app(application, qtbot)


def test_the_no_tray_notice_is_shown_once_across_two_starts(qtbot, database, translator, no_other_instance):
    Person.create(name="Sanne de Vries")  # some data, nothing due
    application = start_app(qtbot, "nl", ready=True)
    try:
        window = application.window
        qtbot.waitUntil(lambda: application.scheduler.planned is not None, timeout=3000)
        assert window.banner.isVisible()
        assert NOTICE in window.banner_text.text()
        assert not window.banner_button.isVisible()  # nothing due: nothing to open
    finally:
        stop_app(application, qtbot)

    application = start_app(qtbot, "nl", ready=True)
    try:
        window = application.window
        qtbot.waitUntil(lambda: application.scheduler.planned is not None, timeout=3000)
        assert not application.tray.available
        assert not window.banner.isVisible()  # told once; nothing due either
        assert NOTICE not in window.banner_text.text()
    finally:
        stop_app(application, qtbot)


def test_the_banner_is_as_tall_with_its_button_as_without(qtbot, database, translator, no_other_instance,
                                                          frozen_clock):
    """The button ("open today's list") hides on Vandaag: the banner keeps its height, so
    the view below does not move by a pixel, nor is it laid out again, on every switch to
    or from Vandaag (it was a pixel lower beside the button)."""
    from desktop import demo
    from desktop.clock import utcnow
    from desktop.store import settings

    settings.set("told_no_tray", True)  # one line in the banner: the due count
    demo.fill(utcnow())
    application = start_app(qtbot, "nl", ready=True)
    try:
        window = application.window
        qtbot.waitUntil(lambda: window.banner.isVisible(), timeout=3000)
        qtbot.wait(10)
        assert not window.banner_button.isVisible()
        height, top = window.banner.height(), window.stack.y()
        window.show_view("shipments")  # as wide as Vandaag: no product panel beside it
        qtbot.wait(10)
        assert window.banner_button.isVisible()
        assert (window.banner.height(), window.stack.y()) == (height, top)
    finally:
        stop_app(application, qtbot)
