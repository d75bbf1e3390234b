"""Tray, popups, fallback and scheduler with a fake clock (offscreen: no tray)."""

from datetime import datetime, timedelta, timezone

from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from desktop import autostart
from desktop.clock import OwnerTime
from desktop.domain.notify import Announcement
from desktop.scheduler import Scheduler
from desktop.tray import ReminderPopup, Tray, announcement_texts, badge_icon

from .helpers import Item, describe, start_app, stop_app

T0 = datetime(2026, 11, 23, 10, 0)


class FakeClock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def make_scheduler(qtbot, items, clock, next_due=None):
    announced = []
    s = Scheduler(lambda now: [i for i in items if i.due <= now], next_due, clock=clock,
                  owner_time=lambda: OwnerTime(tz=timezone.utc))
    s.announce.connect(announced.append)
    return s, announced


def test_offscreen_has_no_tray_and_the_fallback_popup_shows(qtbot, translator):
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    tray = Tray(describe=describe)
    assert not tray.available and tray.icon is None
    tray.set_items([Item("a", T0)])
    tray.show_announcement(Announcement(items=[Item("a", T0)], summary=False))
    assert tray.popup.isVisible()
    assert "Sanne de Vries" in tray.popup.shown_text()
    assert tray.popup.done_button.isVisible()
    done = []
    tray.done_items.connect(done.append)
    tray.popup.done_button.click()
    assert done and done[0][0].key == "a"
    assert not tray.popup.isVisible()
    tray.hide()


def test_summary_text_in_dutch_and_english(qtbot, translator):
    from desktop import i18n

    items = [Item(str(n), T0) for n in range(3)]
    title, body = announcement_texts(Announcement(items=items, summary=True), describe)
    assert title == "3 herinneringen"
    assert body.count("Sanne de Vries") == 3
    i18n.set_language("en")
    assert announcement_texts(Announcement(items=items[:1], summary=True), describe)[0] == "1 reminder"


def test_badge_icon_draws_the_count(qtbot):
    plain = badge_icon(0).pixmap(64, 64).toImage()
    three = badge_icon(3).pixmap(64, 64).toImage()
    assert plain != three
    assert three.pixelColor(50, 50).red() > 150  # the red badge in the corner


def test_scheduler_fires_once_at_the_due_moment(qtbot):
    clock = FakeClock(T0)
    items = [Item("a", T0 + timedelta(minutes=3))]
    s, announced = make_scheduler(qtbot, items, clock, next_due=lambda now: items[0].due if items[0].due > now else None)
    s.start()
    assert announced == []
    assert s.planned == T0 + timedelta(minutes=3)  # one timer, set for the due moment
    assert 179_000 <= s.timer.interval() <= 181_000
    clock.now = s.planned
    s._on_timeout()
    assert len(announced) == 1 and not announced[0].summary
    clock.now += timedelta(minutes=5)
    s._on_timeout()
    assert len(announced) == 1  # never twice


def test_scheduler_catches_up_after_sleep_with_one_summary(qtbot):
    clock = FakeClock(T0)
    items = [Item(k, T0 + timedelta(hours=h)) for k, h in (("a", 1), ("b", 2), ("c", 5))]
    s, announced = make_scheduler(qtbot, items, clock)
    s.start()
    assert s.planned == T0 + timedelta(minutes=5)  # recheck every few minutes
    clock.now = T0 + timedelta(hours=8)  # the laptop slept; the timer fires very late
    s._on_timeout()
    assert len(announced) == 1
    assert announced[0].summary and announced[0].catch_up and len(announced[0].items) == 3


def test_scheduler_respects_quiet_hours_and_snooze(qtbot):
    clock = FakeClock(datetime(2026, 11, 23, 22, 0))
    items = [Item("a", datetime(2026, 11, 23, 21, 30))]
    s, announced = make_scheduler(qtbot, items, clock)
    s.start()
    assert announced == []  # 22:00 is inside 21:00-09:00
    clock.now = datetime(2026, 11, 24, 9, 0)
    s._on_timeout()
    assert len(announced) == 1
    items[0] = Item("a", datetime(2026, 11, 24, 10, 0))  # snoozed an hour
    clock.now = datetime(2026, 11, 24, 9, 30)
    s.reschedule()
    assert len(announced) == 1
    clock.now = datetime(2026, 11, 24, 10, 0)
    s._on_timeout()
    assert len(announced) == 2


def test_pause_everything_for_an_hour(qtbot):
    clock = FakeClock(T0)
    items = [Item("a", T0 + timedelta(minutes=1))]
    s, announced = make_scheduler(qtbot, items, clock)
    s.pause(timedelta(hours=1))
    clock.now = T0 + timedelta(minutes=2)
    s._on_timeout()
    assert announced == []
    clock.now = T0 + timedelta(hours=1)
    s._on_timeout()
    assert len(announced) == 1


def test_autostart_entry_written_and_removed(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setattr(autostart.sys, "platform", "linux")
    path = autostart.enable(["/opt/Afspraak/afspraak", "gui", "--minimised"])
    assert path == tmp_path / "autostart" / "afspraak.desktop"
    text = path.read_text()
    assert "Exec=/opt/Afspraak/afspraak gui --minimised" in text
    assert "Type=Application" in text
    assert autostart.is_enabled()
    autostart.disable()
    assert not path.exists() and not autostart.is_enabled()


def test_launch_command_starts_minimised():
    command = autostart.launch_command()
    assert command[-2:] == ["gui", "--minimised"]


def test_app_without_tray_shows_due_reminders_in_banner_and_popup(qtbot, database, translator, no_other_instance):
    """The whole chain offscreen (no tray): ladder -> scheduler -> banner + popup with buttons."""
    from desktop import demo
    from desktop.clock import utcnow

    demo.fill(utcnow())
    application = start_app(qtbot, "nl", ready=True)
    try:
        assert application.tray is not None and not application.tray.available
        qtbot.waitUntil(lambda: bool(application.scheduler.items), timeout=3000)  # the first scan follows the window
        items = application.scheduler.items
        assert len(items) >= 5  # the demo has every ladder step due plus a check-in
        assert application.window.banner.isVisible()
        assert "herinneringen" in application.window.banner_text.text()
        popup = application.tray.popup
        assert popup.isVisible()  # the catch-up summary at start, as a popup with buttons
        assert popup.title.text().endswith("herinneringen")
        assert len(popup.shown_text().splitlines()) >= 5  # the first five, then "en nog N"
        assert "Lotte Janssens" in popup.shown_text() or "en nog" in popup.shown_text()
        # "later" on the popup snoozes every item in it; the count drops
        popup.hour_button.click()
        qtbot.waitUntil(lambda: len(application.scheduler.items) < len(items), timeout=3000)
    finally:
        stop_app(application, qtbot)


def test_quiet_hours_changed_in_the_settings_count_at_once(qtbot, database, frozen_clock):
    """The scheduler asks the owner's time at every check: a change saved in the settings
    holds the next popup back (or lets it through) without a restart."""
    from desktop import clock
    from desktop.store import settings

    # 21:30 in Amsterdam on a November evening: inside the default quiet hours (21:00-09:00)
    frozen_clock.set(datetime(2026, 11, 23, 20, 30))
    items = [Item("a", frozen_clock.now - timedelta(minutes=1))]
    announced = []
    s = Scheduler(lambda now: [i for i in items if i.due <= now], clock=frozen_clock)  # the app's owner time
    s.announce.connect(announced.append)
    s.check()
    assert announced == []  # quiet
    settings.set("quiet_start", "23:00")  # what the settings dialog saves
    assert clock.owner().quiet_start.hour == 23
    frozen_clock.advance(timedelta(minutes=2))
    s.check()
    assert len(announced) == 1  # no longer quiet at 21:32, without a restart
    settings.set("time_zone", "Asia/Tokyo")  # 05:32 there: quiet again, for the next item
    items.append(Item("b", frozen_clock.now))
    frozen_clock.advance(timedelta(minutes=2))
    s.check()
    assert len(announced) == 1
    s.timer.stop()


def test_the_popup_summary_has_room_and_a_wrapped_line_stays_with_its_reminder(qtbot, translator):
    from desktop.views import theme

    long = "Julia Mertens: Navraag: pakket ontvangen? · pakket verstuurd op 17 nov 2026 · Schakelarmband in een reel"
    items = [Item(f"k{i}", T0, person_name=name) for i, name in enumerate(
        ["Ingrid van Leeuwen", "Julia Mertens", "Kevin Jacobs", "Fleur Peeters", "Lotte Janssens", "Noor", "Sanne"])]
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    popup.show_announcement(Announcement(items=items, summary=True),
                            lambda item: long if item.person_name == "Julia Mertens" else describe(item))
    QApplication.processEvents()
    bullets = [w for w in popup.findChildren(QWidget, "bulletItem") if w.isVisible()]
    assert len(bullets) == 5 and "en nog 2" in popup.shown_text()
    tops = []
    for bullet in bullets:
        mark, text = bullet.layout().itemAt(0).widget(), bullet.layout().itemAt(1).widget()
        assert text.x() > mark.x() + mark.width()  # wrapped lines hang under the text, not the bullet
        left = text.mapTo(popup, text.rect().topLeft()).x()
        right = text.mapTo(popup, text.rect().topRight()).x()
        assert left >= theme.M and popup.width() - right >= theme.M  # clear of the border
        tops.append((bullet.mapTo(popup, bullet.rect().topLeft()).y(), bullet.height()))
    julia = next(b for b in bullets if "Julia" in b.layout().itemAt(1).widget().text())
    assert julia.height() > bullets[0].height()  # her line wrapped, inside her own item
    gaps = [b_top - (a_top + a_height) for (a_top, a_height), (b_top, _h) in zip(tops, tops[1:])]
    assert min(gaps) >= theme.XS  # space between reminders
