"""The tray icon, reminder popups, and the visible fallback where a desktop has no tray.

With a tray: an icon with the number of due items drawn on it and in its tooltip; a menu
(Vandaag openen, the top due items, Alles 1 uur stilzetten, Afsluiten); a click shows or
hides the window; reminders pop up as the tray's message (a click on it opens them).
Without a tray (GNOME without the extension, a bare X server): the window stays a normal
window, reminders show in the window's banner and in a small always-on-top popup with
buttons, and the owner is told once how to get a tray. Never a silent no-op.
"""

from __future__ import annotations

import html
import sys

from datetime import timedelta

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QGuiApplication, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QPushButton, QSystemTrayIcon, QToolButton, QVBoxLayout, QWidget

from desktop import paths
from desktop.i18n import _, ngettext, pgettext, tomorrow_label
from desktop.views.forms import load_form
from desktop.views.rows import shortcut_safe

TOP_ITEMS = 5
POPUP_WIDTH = 440  # the popup's width: a reminder's line fits, or wraps once


def default_describe(item) -> str:
    """One line for a due item: who, which step, about what (see reminders.describe)."""
    from desktop import reminders

    return reminders.describe(item)


def announcement_texts(announcement, describe=default_describe) -> tuple[str, str]:
    items = announcement.items
    if announcement.summary:
        title = ngettext("{n} reminder", "{n} reminders", len(items)).format(n=len(items))
        body = "\n".join(describe(i) for i in items[:TOP_ITEMS])
        if len(items) > TOP_ITEMS:
            body += "\n" + _("and {n} more").format(n=len(items) - TOP_ITEMS)
        return title, body
    return _("Reminder"), describe(items[0])


def snooze_morning_label() -> str:
    """The popup's "remind me tomorrow morning" button, named for the day the reminder comes
    back: "Maandag 09:00" on a Saturday when Sunday is a day off (``due_texts.snooze_morning_label``)."""
    from desktop.clock import utcnow
    from desktop.presentation import due_texts

    return due_texts.snooze_morning_label(utcnow())


def snoozes_offered(items: list) -> tuple[bool, bool]:
    """("In 1 hour", tomorrow morning): which snoozes the popup's and a notification's buttons
    offer for ``items`` now, by the rule of Vandaag and the step's window
    (``reminders.snoozes_offered_all``): only one that moves them later, and no "In 1 hour"
    that comes back when the morning one does (at 20:30 it fell in the quiet hours and meant
    tomorrow at 09:00, beside the "Morgen 09:00" button)."""
    from desktop import reminders
    from desktop.clock import utcnow

    return reminders.snoozes_offered_all(items, utcnow())


def done_label() -> str:
    """The "done" button of a reminder (the popup's and the notification's): an action, with
    an entry of its own in the catalog. Shared with the collaboration status "Done", the row
    read "Openen · Over 1 uur · Morgen 09:00 · Afgerond": three actions and a status (review 27,
    item 25)."""
    # TRANSLATORS: button on a reminder popup and notification, beside "Open" and "In 1 hour": tick the reminder off.
    return pgettext("reminder action", "Done")


def badge_icon(count: int, size: int = 64) -> QIcon:
    """The app icon with the due count drawn on it (nothing drawn at zero)."""
    base = QIcon(str(paths.resource("afspraak.svg"))).pixmap(size, size)
    if count <= 0:
        return QIcon(base)
    pixmap = QPixmap(base)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.Antialiasing)
    diameter = int(size * 0.6)
    rect = QRect(size - diameter, size - diameter, diameter, diameter)
    painter.setBrush(QColor(198, 40, 40))  # a badge on the icon: the same red on any panel
    painter.setPen(Qt.NoPen)
    painter.drawEllipse(rect)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(int(diameter * (0.62 if count < 10 else 0.48)))
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignCenter, str(count) if count < 100 else "99+")
    painter.end()
    return QIcon(pixmap)


def _keys(item) -> tuple:
    """The step keys a shown reminder stands for (a ladder item's parts; a stand-in's own key)."""
    return tuple(getattr(item, "keys", ())) or (item.key,)


class ReminderPopup(QWidget):
    """Small always-on-top window with actions, used where the tray cannot show buttons."""

    open_clicked = Signal()
    snooze_clicked = Signal(object)  # timedelta or "tomorrow"
    done_clicked = Signal()

    def __init__(self, parent=None):
        super().__init__(parent, Qt.Tool | Qt.WindowStaysOnTopHint | Qt.FramelessWindowHint)
        self.setAttribute(Qt.WA_ShowWithoutActivating)
        self.form = load_form("reminder_popup.ui", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        self.title: QLabel = self.form.findChild(QLabel, "title")
        self.body: QLabel = self.form.findChild(QLabel, "body")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        from desktop.views import theme

        self.form.setStyleSheet(
            "QFrame#ReminderPopup {{ background: palette(base); border: 2px solid {line}; border-radius: 6px; }}".format(
                line=theme.css(theme.accent())))
        # Room to read: the text keeps clear of the border, and in a summary each reminder
        # is a bullet whose wrapped lines hang under its own text (views/base.bullet_item),
        # with space between them, so a wrapped line never reads as the next reminder.
        form_layout = self.form.layout()
        form_layout.setContentsMargins(theme.L, theme.M, theme.L, theme.M)
        form_layout.setSpacing(theme.S)
        self.lines = QWidget(self.form)
        self.lines.setObjectName("reminderLines")
        lines_layout = QVBoxLayout(self.lines)
        lines_layout.setContentsMargins(0, 0, 0, 0)
        lines_layout.setSpacing(theme.XS + 2)
        form_layout.insertWidget(form_layout.indexOf(self.body) + 1, self.lines)
        self.lines.hide()
        self.setMinimumWidth(POPUP_WIDTH)
        self.open_button: QPushButton = self.form.findChild(QPushButton, "openButton")
        self.hour_button: QPushButton = self.form.findChild(QPushButton, "snoozeHourButton")
        self.tomorrow_button: QPushButton = self.form.findChild(QPushButton, "snoozeTomorrowButton")
        self.done_button: QPushButton = self.form.findChild(QPushButton, "doneButton")
        self.done_button.setText(done_label())  # in its own context: the form's strings have none
        close = self.form.findChild(QToolButton, "closeButton")
        self.open_button.clicked.connect(lambda: (self.open_clicked.emit(), self.hide()))
        self.hour_button.clicked.connect(lambda: (self.snooze_clicked.emit(timedelta(hours=1)), self.hide()))
        self.tomorrow_button.clicked.connect(lambda: (self.snooze_clicked.emit("tomorrow"), self.hide()))
        self.done_button.clicked.connect(lambda: (self.done_clicked.emit(), self.hide()))
        close.clicked.connect(self.hide)
        close.setAccessibleName(_("Close"))  # not "×"
        close.setToolTip(_("Close"))
        self.items: list = []
        self.summary = False
        self._describe = default_describe

    def keyPressEvent(self, event):
        if event.key() == Qt.Key_Escape:
            self.hide()  # as its × does: the reminder stays in the tray's menu and on Vandaag
            return
        super().keyPressEvent(event)

    def show_announcement(self, announcement, describe=default_describe) -> None:
        self._fill(list(announcement.items), announcement.summary, describe)
        self._place()
        self.show()
        self.raise_()

    def _fill(self, items: list, summary: bool, describe) -> None:
        from desktop.domain.notify import Announcement
        from desktop.views import theme
        from desktop.views.base import bullet_item, clear_layout, plain_label

        self.items, self.summary, self._describe = items, summary, describe
        announcement = Announcement(items=items, summary=summary)
        title, body = announcement_texts(announcement, describe)
        self.title.setText(title)
        layout = self.lines.layout()
        clear_layout(layout)
        if summary:
            self.body.clear()
            for item in self.items[:TOP_ITEMS]:
                layout.addWidget(bullet_item(describe(item)))
            if len(self.items) > TOP_ITEMS:
                more = plain_label(_("and {n} more").format(n=len(self.items) - TOP_ITEMS))
                more.setContentsMargins(theme.M, 0, 0, 0)  # under the bullets
                layout.addWidget(more)
        else:
            self.body.setText(body)
        self.body.setVisible(not summary)
        self.lines.setVisible(summary)
        self.refresh_labels()
        self.done_button.setVisible(announcement.can_be_done)

    def _place(self) -> None:
        """Its size to its text, in the bottom right corner of the screen (shown already, its
        layouts are laid out again first: it shrinks when reminders left it)."""
        QApplication.sendPostedEvents(None, QEvent.LayoutRequest)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.move(area.right() - self.width() - 16, area.bottom() - self.height() - 16)

    def refresh_labels(self) -> None:
        """The snoozes as they are now: the "tomorrow morning" button named for the day its
        press brings the reminders back (a popup left up from Friday evening says "Maandag
        09:00" on Saturday), and only the snoozes that move them (:func:`snoozes_offered`: a
        popup left up into the evening drops its "In 1 hour" once that means tomorrow morning)."""
        hour, morning = snoozes_offered(self.items)
        self.hour_button.setVisible(hour)
        self.tomorrow_button.setVisible(morning)
        self.tomorrow_button.setText(snooze_morning_label())  # "Maandag 09:00" on a Saturday

    def enterEvent(self, event):
        self.refresh_labels()  # the pointer on its way to a button: the day its label names is today's
        super().enterEvent(event)

    def follow(self, current: list) -> None:
        """What is due now (the tray's items, after every check and every change): a reminder
        in the popup that was handled since (sent from the tray's menu, snoozed on Vandaag)
        leaves it, and with none left it closes; what stays is shown as it is now. Its
        buttons then act only on what it says (review walk: "Afvinken" on a popup still up
        took back a final notice sent from the menu)."""
        if self.isHidden() or not self.items:
            return
        by_key = {}
        for item in current:
            for key in _keys(item):
                by_key.setdefault(key, item)
        kept = []
        for item in self.items:
            now = by_key.get(item.key)
            if now is not None and all(now is not other for other in kept):
                kept.append(now)
        if not kept:
            self.items = []
            self.hide()
            return
        if [_keys(i) for i in kept] != [_keys(i) for i in self.items]:
            self._fill(kept, self.summary and len(kept) > 1, self._describe)
            self._place()
        else:
            self.refresh_labels()

    def shown_text(self) -> str:
        """What the popup says below its title, a line per reminder (as a reader takes it in)."""
        if not self.lines.isHidden():
            return "\n".join(label.text() for label in self.lines.findChildren(QLabel)
                             if label.text() != "•")
        return self.body.text()


class Tray(QObject):
    """Owns the tray icon (when there is a tray) and the fallback popup and banner."""

    open_today = Signal()
    open_item = Signal(object)
    snooze_items = Signal(list, object)  # items, timedelta or "tomorrow"
    done_items = Signal(list)
    pause_all = Signal(object)  # timedelta
    quit_requested = Signal()
    toggle_window = Signal()

    def __init__(self, parent=None, available: bool | None = None, describe=default_describe):
        super().__init__(parent)
        self.describe = describe
        self.available = QSystemTrayIcon.isSystemTrayAvailable() if available is None else available
        self.items: list = []
        self._make_popup()
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        self.last_message: tuple[str, str] | None = None
        if self.available:
            self.icon = QSystemTrayIcon(badge_icon(0), self)
            self.menu = QMenu()
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._on_activated)
            self.icon.messageClicked.connect(self.open_today.emit)
            self._rebuild_menu()
            self.icon.setToolTip(self.tooltip())
            self.icon.show()

    def retranslate(self) -> None:
        """After a language switch: menu, tooltip and popup in the new language."""
        self.popup.deleteLater()
        self._make_popup()
        if self.icon is not None:
            self._rebuild_menu()
            self.icon.setToolTip(self.tooltip())

    def _make_popup(self) -> None:
        self.popup = ReminderPopup()
        self.popup.open_clicked.connect(self._open_popup_items)
        self.popup.snooze_clicked.connect(lambda how: self.snooze_items.emit(self.popup.items, how))
        self.popup.done_clicked.connect(lambda: self.done_items.emit(self.popup.items))

    # --- state -------------------------------------------------------------------
    def tooltip(self) -> str:
        n = len(self.items)
        if n == 0:
            return _("Afspraak: nothing due")
        return ngettext("Afspraak: {n} reminder due", "Afspraak: {n} reminders due", n).format(n=n)

    def set_items(self, items: list) -> None:
        self.items = list(items)
        self.popup.follow(self.items)  # what was handled since it showed leaves the popup
        if self.icon is not None:
            self.icon.setIcon(badge_icon(len(self.items)))
            self.icon.setToolTip(self.tooltip())
            self._rebuild_menu()

    def _rebuild_menu(self) -> None:
        menu = self.menu
        menu.clear()
        menu.addAction(_("Open today's list"), self.open_today.emit)
        if self.items:
            menu.addSeparator()
            for item in self.items[:TOP_ITEMS]:
                action = QAction(shortcut_safe(self.describe(item)), menu)  # "Anna & Bo", not "Anna _Bo"
                action.triggered.connect(lambda _checked=False, i=item: self.open_item.emit(i))
                menu.addAction(action)
            if len(self.items) > TOP_ITEMS:
                more = menu.addAction(_("and {n} more").format(n=len(self.items) - TOP_ITEMS))
                more.triggered.connect(self.open_today.emit)
        menu.addSeparator()
        menu.addAction(_("Pause everything for 1 hour"), lambda: self.pause_all.emit(timedelta(hours=1)))
        menu.addAction(_("Quit"), self.quit_requested.emit)

    def _on_activated(self, reason) -> None:
        if reason in (QSystemTrayIcon.Trigger, QSystemTrayIcon.DoubleClick):
            self.toggle_window.emit()

    def _open_popup_items(self) -> None:
        items = self.popup.items
        if len(items) == 1:
            self.open_item.emit(items[0])
        else:
            self.open_today.emit()

    # --- popups ------------------------------------------------------------------
    def show_announcement(self, announcement) -> None:
        title, body = announcement_texts(announcement, self.describe)
        self.last_message = (title, body)
        if self.icon is not None and self.icon.supportsMessages():
            if self.message_reads_markup():
                # names like "Anna & Bo" or a "<" must arrive as typed
                title, body = html.escape(title, quote=False), html.escape(body, quote=False)
            self.icon.showMessage(title, body, badge_icon(len(self.items)), 15000)
        else:
            self.popup.show_announcement(announcement, self.describe)

    def message_reads_markup(self) -> bool:
        """Is the tray's message read as markup? On Linux, where Qt's tray icon is a
        StatusNotifierItem, Qt hands it to the freedesktop notification service, which reads
        markup. Beside an XEmbed tray (no StatusNotifierWatcher on the bus: trayer, older
        panels) Qt draws the icon and its balloon itself (QBalloonTip), as plain text:
        escaped there, "Anna & Bo" read "Anna &amp; Bo" (review walk). Windows and macOS
        show plain text."""
        if not sys.platform.startswith("linux"):
            return False
        return not any(widget.metaObject().className() == "QSystemTrayIconSys"
                       for widget in QApplication.topLevelWidgets())

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()
        self.popup.hide()


__all__ = ["Tray", "ReminderPopup", "badge_icon", "announcement_texts", "done_label", "snoozes_offered",
           "tomorrow_label"]
