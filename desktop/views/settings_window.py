"""File → Settings… (Ctrl+,): every setting of the owner in one window.

Pages in a list on the left: the shop (names that sign the messages, time zone, the
country whose public holidays are the shop's days off: ``domain/workdays.py``), the
follow-up ladder (each step as "N days after the deadline, at HH:00", quiet hours,
weekends), custom orders, the message templates (``views/template_editor.py``), and start,
tray and language. One Save writes every page in one transaction; Cancel writes nothing.
An impossible value (steps out of order, quiet hours that start when they end, a template
with an unknown placeholder) is named on its page and nothing is saved.

The ladder keeps its steps in hours after the deadline (``ladder_step_hours``, counted from
the end of the deadline day in the owner's zone, ``domain/followup.ladder_start``): hour
``h`` is shown as day ``h // 24 + 1`` after the deadline at ``h % 24``:00, and back, so
every stored value reads and writes unchanged.
"""

from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QSystemTrayIcon,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import autostart, clock, defaults, i18n
from desktop.clock import utcnow
from desktop.domain import workdays
from desktop.domain.followup import _parse_time
from desktop.i18n import _, ngettext
from desktop import labels
from desktop.presentation import errors
from desktop.store import settings, templates
from desktop.views import theme
from desktop.views.forms import load_form
from desktop.views.keys import letters_when_shown
from desktop.views.template_editor import TemplateEditor

PAGES = ("shop", "ladder", "orders", "templates", "app")
MAX_STEP_DAYS = 60  # the last day a step may come, counted after the deadline
LANGUAGES = (("nl", "Nederlands"), ("en", "English"))  # each in its own language
ZONES = ("Europe/Amsterdam", "Europe/Brussels")


def hours_to_day_and_hour(hours: int) -> tuple[int, int]:
    """Stored hours after the end of the deadline day → (day after the deadline, hour)."""
    return hours // 24 + 1, hours % 24


def day_and_hour_to_hours(day: int, hour: int) -> int:
    return (day - 1) * 24 + hour


def _note(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    label.setWordWrap(True)
    theme.set_text_colour(label, "grey")
    return label


def _plain(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.PlainText)
    return label


LABEL_MAX_WIDTH = 600  # a form label longer than this wraps; shorter ones stay on one line


def _one_line_label(label: QLabel) -> None:
    """A long form label on one line where the page has the room (it wraps only beyond
    LABEL_MAX_WIDTH): a wrapping label in a form is otherwise squeezed to a few words a line."""
    label.setWordWrap(True)
    label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()) + 4, LABEL_MAX_WIDTH))


def keeps_running_in_tray() -> bool:
    """"Keep running in the tray" as the owner gets it: the setting, on a desktop with a tray
    (without one, closing the window ends Afspraak whatever is saved)."""
    from desktop.store import settings

    return bool(settings.get("close_to_tray")) and tray_available()


def tray_available() -> bool:
    """Does this desktop have a tray (the system tray, the menu bar's extras)?"""
    return QSystemTrayIcon.isSystemTrayAvailable()


class SettingsWindow(QDialog):
    """The settings, all pages; ``save()`` writes them all or nothing."""

    saved = Signal()

    def __init__(self, parent: QWidget | None = None, page: str = "shop", now=utcnow):
        super().__init__(parent)
        self.setObjectName("settingsWindow")
        self._now = now
        self.setWindowTitle(_("Settings"))
        self.language_chosen: str | None = None  # set by save() when the language changed
        values = settings.get_many([
            "shop_name", "owner_name", "time_zone", "shop_country", "ladder_step_hours", "ladder_strike_hours",
            "ladder_pause_days", "checkin_days", "quiet_start", "quiet_end", "skip_weekends",
            "delay_warning_days", "order_update_days", "order_lead_days", "close_to_tray"])
        self._loaded = values

        self.pages = QListWidget()
        self.pages.setObjectName("settingsPages")
        # TRANSLATORS: the name a screen reader gives the list of the settings' pages on the left.
        self.pages.setAccessibleName(_("Settings pages"))
        self.stack = QStackedWidget()
        titles = {"shop": _("Your shop"), "ladder": _("Follow-up reminders"), "orders": _("Custom orders"),
                  "templates": _("Message templates"), "app": _("Startup and language")}
        builders = {"shop": self._shop_page, "ladder": self._ladder_page, "orders": self._orders_page,
                    "templates": self._templates_page, "app": self._app_page}
        for key in PAGES:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.UserRole, key)
            item.setSizeHint(item.sizeHint().expandedTo(self.pages.fontMetrics().size(0, "Ag") * 2))
            self.pages.addItem(item)
            page_widget = builders[key](values)
            page_widget.setObjectName(f"settingsPage_{key}")
            if key != "templates":  # the template editor fills its page; the forms scroll on a small screen
                scroll = QScrollArea()
                scroll.setWidgetResizable(True)
                scroll.setFrameShape(QScrollArea.NoFrame)
                scroll.setWidget(page_widget)
                page_widget = scroll
            self.stack.addWidget(page_widget)
        self.pages.setFixedWidth(max(170, self.pages.sizeHintForColumn(0) + 28))
        self.pages.currentRowChanged.connect(self.stack.setCurrentIndex)

        self.problem = QLabel()
        self.problem.setObjectName("settingsProblem")
        self.problem.setTextFormat(Qt.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(theme.text_style("red"))
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Save).setText(_("Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(_("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        body = QHBoxLayout()
        body.addWidget(self.pages)
        body.addWidget(self.stack, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(self.problem)
        outer.addWidget(self.buttons)
        self.show_page(page)
        self._fit_to_screen()
        letters_when_shown(self)  # Alt and a letter to each field, as in every other dialog

    def _fit_to_screen(self) -> None:
        """1000 × 660, or less on a small screen (the pages scroll)."""
        screen = self.screen().availableGeometry() if self.screen() is not None else None
        width, height = 1000, 660
        if screen is not None and screen.width() > 0:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 60)
        self.resize(width, height)

    def show_page(self, key: str) -> None:
        self.pages.setCurrentRow(PAGES.index(key) if key in PAGES else 0)

    def current_page(self) -> str:
        return PAGES[self.pages.currentRow()]

    # --- the pages -------------------------------------------------------------------
    def _form_page(self, intro: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(12, 4, 12, 4)
        column.addWidget(_note(intro))
        return page, column

    def _shop_page(self, values: dict) -> QWidget:
        page, column = self._form_page(_(
            "Your messages to influencers and customers are signed with these names."))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.shop_name = QLineEdit(str(values["shop_name"] or ""))
        self.shop_name.setObjectName("settingsShopName")
        self.owner_name = QLineEdit(str(values["owner_name"] or ""))
        self.owner_name.setObjectName("settingsOwnerName")
        self.time_zone = QComboBox()
        self.time_zone.setObjectName("settingsTimeZone")
        computer = getattr(clock.system_zone(), "key", "") or str(clock.system_zone())
        # TRANSLATORS: the first choice of time zone; {zone} is the computer's, e.g. Europe/Amsterdam
        self.time_zone.addItem(_("The computer's time zone ({zone})").format(zone=computer), "")
        stored_zone = str(values["time_zone"] or "")
        for zone in ZONES + ((stored_zone,) if stored_zone and stored_zone not in ZONES else ()):
            self.time_zone.addItem(zone, zone)
        self.time_zone.setCurrentIndex(max(0, self.time_zone.findData(stored_zone)))
        # The shop's country: its public holidays are the shop's days off. "" (the first
        # choice): the country of the time zone chosen above, named as it changes.
        self.shop_country = QComboBox()
        self.shop_country.setObjectName("settingsShopCountry")
        self.shop_country.addItem("", "")
        for code in workdays.COUNTRIES:
            self.shop_country.addItem(labels.label("country", code), code)
        self.shop_country.setCurrentIndex(max(0, self.shop_country.findData(str(values["shop_country"] or ""))))
        self.time_zone.currentIndexChanged.connect(self._zone_changed)
        self._zone_changed()
        for field in (self.shop_name, self.owner_name, self.time_zone, self.shop_country):
            field.setMaximumWidth(440)
        form.addRow(_("Shop name"), self.shop_name)
        form.addRow(_("Your name"), self.owner_name)
        form.addRow(_("Time zone"), self.time_zone)
        form.addRow(_("Country"), self.shop_country)
        column.addLayout(form)
        column.addWidget(_note(_(
            "The time zone decides when a deadline day is over and when your quiet hours begin; "
            "dates in your messages are written in it.")))
        column.addWidget(_note(_(
            "Reminders come on your working days in this country, and so do the dates Afspraak suggests for a "
            "promise: never a Sunday or one of its public holidays.")))
        column.addStretch(1)
        return page

    def _zone_changed(self, *_args) -> None:
        """The country choice "as the time zone says" names the country of the zone chosen."""
        zone = self.time_zone.currentData() or clock.zone_key(clock.system_zone())
        country = labels.label("country", workdays.shop_country("", zone))
        # TRANSLATORS: the first choice of the shop's country; {country} is the time zone's, e.g. Netherlands
        self.shop_country.setItemText(0, _("As the time zone says ({country})").format(country=country))

    def _ladder_page(self, values: dict) -> QWidget:
        page, column = self._form_page(_(
            "When an influencer misses a deadline, Afspraak reminds you in four steps. Each step comes a set "
            "number of days after the deadline, at the time you choose; the reminders stop the moment she replies "
            "or delivers."))
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        names = (_("Step 1: reminder"), _("Step 2: why the deadline matters"), _("Step 3: another channel"),
                 _("Step 4: final reminder"))
        hours = [int(h) for h in values["ladder_step_hours"]]
        if len(hours) != 4:
            hours = [0, 24, 48, 72]
        self.step_days: list[QSpinBox] = []
        self.step_hours: list[QComboBox] = []
        self.step_units: list[QLabel] = []
        self.step_hints: list[QLabel] = []
        for row, (name, stored) in enumerate(zip(names, hours)):
            day, hour = hours_to_day_and_hour(stored)
            days = QSpinBox()
            days.setObjectName(f"settingsStep{row + 1}Day")
            days.setRange(1, max(MAX_STEP_DAYS, day))
            days.setValue(day)
            at = QComboBox()
            at.setObjectName(f"settingsStep{row + 1}Hour")
            for h in range(24):
                at.addItem(f"{h:02d}:00", h)  # worded by _ladder_changed ("om 10:00", "als je stille uren voorbij zijn")
            at.setCurrentIndex(hour)
            unit = _plain()
            hint = _note()
            hint.setWordWrap(False)
            hint.setToolTip(_("This hour falls in your quiet hours: the reminder waits until they end."))
            step_label = _plain(name)
            step_label.setBuddy(days)
            grid.addWidget(step_label, row, 0)
            grid.addWidget(days, row, 1)
            grid.addWidget(unit, row, 2)
            grid.addWidget(at, row, 3)
            grid.addWidget(hint, row, 4)
            self.step_days.append(days)
            self.step_hours.append(at)
            self.step_units.append(unit)
            self.step_hints.append(hint)
            days.valueChanged.connect(self._ladder_changed)
            at.currentIndexChanged.connect(self._ladder_changed)
        grid.setColumnStretch(4, 1)
        column.addLayout(grid)
        self.reply_note = _note()
        column.addWidget(self.reply_note)

        more = QGridLayout()
        more.setHorizontalSpacing(8)
        self.strike_hours = QSpinBox()
        self.strike_hours.setObjectName("settingsStrikeHours")
        self.strike_hours.setRange(1, 720)
        self.strike_hours.setValue(int(values["ladder_strike_hours"]))
        self.pause_days = QSpinBox()
        self.pause_days.setObjectName("settingsPauseDays")
        self.pause_days.setRange(1, 90)
        self.pause_days.setValue(int(values["ladder_pause_days"]))
        self.checkin_days = QSpinBox()
        self.checkin_days.setObjectName("settingsCheckinDays")
        self.checkin_days.setRange(1, 60)
        self.checkin_days.setValue(int(values["checkin_days"]))
        self.strike_unit, self.pause_unit, self.checkin_unit = _plain(), _plain(), _plain()
        rows = ((_("Propose a strike"), self.strike_hours, self.strike_unit),
                (_("The final reminder names a cut-off date"), self.pause_days, self.pause_unit),
                (_("Ask whether a parcel arrived"), self.checkin_days, self.checkin_unit))
        for row, (label, box, unit) in enumerate(rows):
            name = _plain(label)
            name.setBuddy(box)
            more.addWidget(name, row, 0)
            more.addWidget(box, row, 1)
            more.addWidget(unit, row, 2)
            box.valueChanged.connect(self._units_changed)
        more.setColumnStretch(3, 1)
        column.addSpacing(8)
        column.addLayout(more)
        # TRANSLATORS: under "Propose a strike ... hours after the final reminder was sent" and
        # "The final reminder names a cut-off date ... days later" (after it, the collaboration ends).
        column.addWidget(_note(_("No strike is proposed until the date named in the final reminder has passed "
                                 "(moved to a working day: never a Sunday or a public holiday).")))

        quiet = QHBoxLayout()
        self.quiet_on = QCheckBox(_("Quiet hours: no reminders from"))
        self.quiet_on.setObjectName("settingsQuietOn")
        self.quiet_start, self.quiet_end = QTimeEdit(), QTimeEdit()
        self.quiet_start.setObjectName("settingsQuietStart")
        self.quiet_end.setObjectName("settingsQuietEnd")
        for edit, key in ((self.quiet_start, "quiet_start"), (self.quiet_end, "quiet_end")):
            edit.setDisplayFormat("HH:mm")
            try:
                t = _parse_time(values[key])
            except (TypeError, ValueError):
                t = _parse_time(defaults.SETTINGS[key])
            edit.setTime(QTime(t.hour, t.minute))
            edit.timeChanged.connect(self._ladder_changed)
        # Equal start and end is how the store says "no quiet hours": the box is unticked.
        has_quiet = self.quiet_start.time() != self.quiet_end.time()
        self.quiet_on.setChecked(has_quiet)
        if not has_quiet:
            for edit, key in ((self.quiet_start, "quiet_start"), (self.quiet_end, "quiet_end")):
                t = _parse_time(defaults.SETTINGS[key])
                edit.setTime(QTime(t.hour, t.minute))
        self.quiet_on.toggled.connect(self._ladder_changed)
        quiet.addWidget(self.quiet_on)
        quiet.addWidget(self.quiet_start)
        # TRANSLATORS: between two times: no reminders from 21:00 until 09:00
        quiet.addWidget(_plain(_("until")))
        quiet.addWidget(self.quiet_end)
        quiet.addStretch(1)
        column.addSpacing(8)
        column.addLayout(quiet)
        self.skip_weekends = QCheckBox(_("No reminders at the weekend (they wait until Monday)"))
        self.skip_weekends.setObjectName("settingsSkipWeekends")
        self.skip_weekends.setChecked(bool(values["skip_weekends"]))
        column.addWidget(self.skip_weekends)
        column.addStretch(1)
        self._ladder_changed()
        self._units_changed()
        return page

    def _orders_page(self, values: dict) -> QWidget:
        page, column = self._form_page(_(
            "Afspraak reminds you to keep your promises to customers who ordered something made for them."))
        self.orders_form = load_form("order_settings.ui", page)
        self.warn_days: QSpinBox = self.orders_form.findChild(QSpinBox, "warnDays")
        self.update_days: QSpinBox = self.orders_form.findChild(QSpinBox, "updateDays")
        self.orders_form.layout().setContentsMargins(0, 0, 0, 0)  # in line with the page's intro, as on every page
        table = self.orders_form.findChild(QFormLayout, "settingsForm")
        table.setFieldGrowthPolicy(QFormLayout.FieldsStayAtSizeHint)
        for name in ("warnLabel", "updateLabel"):
            _one_line_label(self.orders_form.findChild(QLabel, name))
        self.warn_days.setValue(int(values["delay_warning_days"]))
        self.update_days.setValue(int(values["order_update_days"]))
        self.lead_days = QSpinBox()
        self.lead_days.setObjectName("settingsLeadDays")
        self.lead_days.setRange(1, 120)
        self.lead_days.setValue(int(values["order_lead_days"]))
        lead_label = QLabel(_("Lead time for made-to-order items from the shop (days after the order)"))
        _one_line_label(lead_label)
        lead_label.setBuddy(self.lead_days)
        table.addRow(lead_label, self.lead_days)
        for box in (self.warn_days, self.update_days, self.lead_days):
            box.setFixedWidth(80)  # one column of equal boxes
        column.addWidget(self.orders_form)
        column.addStretch(1)
        return page

    def _templates_page(self, _values: dict) -> QWidget:
        self.template_editor = TemplateEditor(self, now=self._now)
        return self.template_editor

    def _app_page(self, values: dict) -> QWidget:
        page, column = self._form_page(_("How Afspraak starts and stays at hand, and the language it speaks."))
        self.autostart = QCheckBox(_("Start Afspraak when I log in"))
        self.autostart.setObjectName("settingsAutostart")
        self._autostart_was = autostart.is_enabled()
        self.autostart.setChecked(self._autostart_was)
        self.close_to_tray = QCheckBox(_("Keep running in the tray when the window closes"))
        self.close_to_tray.setObjectName("settingsCloseToTray")
        self._close_to_tray_was = bool(values["close_to_tray"])
        # Without a tray the box is off and cannot be ticked: ticked, it said Afspraak keeps running
        # in a tray the note below says is not there (audit of 2026-12-05). What she chose is kept
        # for a desktop that has one.
        tray = tray_available()
        self.close_to_tray.setChecked(self._close_to_tray_was and tray)
        column.addWidget(self.autostart)
        column.addWidget(_note(_("Afspraak then starts in the tray, without a window, so reminders reach you.") if tray
                               else _("Afspraak then starts with its window minimised, so reminders reach you.")))
        column.addWidget(self.close_to_tray)
        if not tray:
            self.close_to_tray.setEnabled(False)
            column.addWidget(_note(_(
                "Your desktop has no tray: closing the window quits Afspraak, and reminders show in a window "
                "of their own while it runs.")))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setMaximumWidth(240)
        self.language.setCurrentIndex(max(0, self.language.findData(i18n.current_language())))
        form.addRow(_("Language"), self.language)
        column.addSpacing(12)
        column.addLayout(form)
        column.addWidget(_note(_(
            "The window changes language as soon as you save; no restart is needed. Messages to influencers "
            "and customers keep their own language, set per person.")))
        column.addStretch(1)
        return page

    # --- live hints ------------------------------------------------------------------
    def step_values(self) -> list[int]:
        """The four steps as the store keeps them: hours after the end of the deadline day."""
        return [day_and_hour_to_hours(d.value(), h.currentData()) for d, h in zip(self.step_days, self.step_hours)]

    def _quiet_times(self):
        return _parse_time(self.quiet_start.time().toString("HH:mm")), _parse_time(self.quiet_end.time().toString("HH:mm"))

    def _ladder_changed(self, *_args) -> None:
        quiet_on = self.quiet_on.isChecked()
        self.quiet_start.setEnabled(quiet_on)
        self.quiet_end.setEnabled(quiet_on)
        start, end = self._quiet_times()

        def is_quiet(t: time) -> bool:
            return quiet_on and start != end and (start <= t < end if start < end else (t >= start or t < end))

        # The first hour of the day, when it is in the quiet hours (the default: every step at
        # 00:00), reads as what it means, "when your quiet hours end (09:00)", not "at 00:00
        # → 09:00 (quiet hours)" on every row.
        hour_texts = [_("at {time}").format(time=f"{h:02d}:00") for h in range(24)]
        if is_quiet(time(0)):
            # TRANSLATORS: a ladder step's hour: as soon as the quiet hours are over, e.g. "(09:00)".
            hour_texts[0] = _("when your quiet hours end ({time})").format(time=end.strftime("%H:%M"))
        for days, at, unit, hint in zip(self.step_days, self.step_hours, self.step_units, self.step_hints):
            # TRANSLATORS: after a number box, before the hour: "[2] days after the deadline, [at 10:00]"
            unit.setText(ngettext("day after the deadline,", "days after the deadline,", days.value()))
            for index, text in enumerate(hour_texts):
                if at.itemText(index) != text:
                    at.setItemText(index, text)
            hour = at.currentData()
            # TRANSLATORS: beside a step's hour that falls in the quiet hours: "waits until 09:00 (quiet hours)"
            hint.setText(_("waits until {time} (quiet hours)").format(time=end.strftime("%H:%M"))
                         if hour != 0 and is_quiet(time(hour)) else "")
        hours = self.step_values()
        waits = [_("at once") if h == 0 else self._duration(h) for h in hours[:3]]
        self.reply_note.setText(_(
            "An unanswered message gets steps 1 to 3 as well, counted from the moment the answer was due: "
            "{first}, {second} and {third}.").format(first=waits[0], second=waits[1], third=waits[2]))

    @staticmethod
    def _duration(hours: int) -> str:
        """"after 2 days", "after 10 hours", "after 2 days and 10 hours" (not "after 58 hours")."""
        days, rest = divmod(hours, 24)
        if rest == 0:
            return ngettext("after {n} day", "after {n} days", days).format(n=days)
        if days == 0:
            return ngettext("after {n} hour", "after {n} hours", hours).format(n=hours)
        # TRANSLATORS: how long after the answer was due a step comes: {days} e.g. "2 days", {hours} "10 hours".
        return _("after {days} and {hours}").format(
            days=ngettext("{n} day", "{n} days", days).format(n=days),
            hours=ngettext("{n} hour", "{n} hours", rest).format(n=rest))

    def _units_changed(self, *_args) -> None:
        self.strike_unit.setText(ngettext("hour after the final reminder was sent",
                                          "hours after the final reminder was sent", self.strike_hours.value()))
        self.pause_unit.setText(ngettext("day later", "days later", self.pause_days.value()))
        self.checkin_unit.setText(ngettext("day after sending it", "days after sending it", self.checkin_days.value()))

    # --- saving ----------------------------------------------------------------------
    def problems(self) -> tuple[str, QWidget] | None:
        """The first impossible value: (message, the widget to show), else None."""
        hours = self.step_values()
        for number in range(1, 4):
            if hours[number] <= hours[number - 1]:
                return _("Step {step} must come later than step {previous}. Nothing was saved.").format(
                    step=number + 1, previous=number), self.step_days[number]
        start, end = self._quiet_times()
        if self.quiet_on.isChecked() and start == end:
            return _("Your quiet hours start and end at the same time ({time}). Choose two different times, or "
                     "untick the quiet hours to be reminded at any hour. Nothing was saved.").format(
                time=start.strftime("%H:%M")), self.quiet_end
        for selection, problems in self.template_editor.problems():
            self.template_editor.show_template(selection)
            return _("The template “{template}” cannot be saved: {problems} Nothing was saved.").format(
                template=self.template_editor.describe(selection), problems=" ".join(problems)), self.template_editor.body
        return None

    def _refuse(self, message: str, widget: QWidget) -> None:
        """Say why on the page of the value (which is shown) and put the cursor there."""
        for index, key in enumerate(PAGES):
            page = self.stack.widget(index)
            if page is widget or page.isAncestorOf(widget):
                self.show_page(key)
        self.problem.setText(message)
        self.problem.show()
        widget.setFocus(Qt.OtherFocusReason)

    def save(self) -> bool:
        """Write every page in one transaction and close; refused: say why, write nothing."""
        found = self.problems()
        if found is not None:
            self._refuse(*found)
            return False
        start, end = self._quiet_times()
        quiet = (start.strftime("%H:%M"), end.strftime("%H:%M")) if self.quiet_on.isChecked() else ("00:00", "00:00")
        values = {
            "shop_name": self.shop_name.text().strip(),
            "owner_name": self.owner_name.text().strip(),
            "time_zone": self.time_zone.currentData(),
            "shop_country": self.shop_country.currentData(),
            "ladder_step_hours": self.step_values(),
            "ladder_strike_hours": self.strike_hours.value(),
            "ladder_pause_days": self.pause_days.value(),
            "checkin_days": self.checkin_days.value(),
            "quiet_start": quiet[0],
            "quiet_end": quiet[1],
            "skip_weekends": self.skip_weekends.isChecked(),
            "delay_warning_days": self.warn_days.value(),
            "order_update_days": self.update_days.value(),
            "order_lead_days": self.lead_days.value(),
            "close_to_tray": self.close_to_tray.isChecked() if self.close_to_tray.isEnabled() else self._close_to_tray_was,
        }
        language = self.language.currentData()
        if language != i18n.current_language():
            values["language"] = language
        start_at_login = self.autostart.isChecked()
        if start_at_login != self._autostart_was:
            values["autostart"] = start_at_login
            try:  # outside the database: done first, undone if the transaction fails
                autostart.enable() if start_at_login else autostart.disable()
            except OSError as exc:
                self._refuse(_("Could not change whether Afspraak starts when you log in: {error}. Nothing was saved.").format(
                    error=errors.unwritable(exc)), self.autostart)
                return False
        try:
            settings.save_changes(values, self.template_editor.edits, self._now())
        except Exception as exc:
            settings.refresh_owner_time()  # the clock was handed values that were rolled back
            if start_at_login != self._autostart_was:
                try:
                    autostart.disable() if start_at_login else autostart.enable()
                except OSError:
                    pass
            if not isinstance(exc, (templates.TemplateRefused, OSError)):
                raise  # a database error: the app's own handling (storage_errors, recovery) tells the owner
            self._refuse(_("Nothing was saved: {error}").format(error=errors.text(exc)), self.buttons)
            return False
        settings.refresh_owner_time()
        self.template_editor.saved()
        self.language_chosen = values.get("language")
        from desktop import reminders

        reminders.notify_changed()  # the scheduler, tray and Vandaag plan with the new steps at once
        self.problem.hide()
        self.saved.emit()
        self.accept()
        return True


def fill_in_names(parent: QWidget | None) -> bool:
    """Settings at "Your shop", the cursor in the first of the two names still empty: what a
    message without a signature offers (Vandaag, the reminder's dialog). True when saved;
    the window then shows the new values (``settings_saved``), as after Ctrl+,."""
    from desktop.views import dialogs

    window = SettingsWindow(parent, page="shop")
    field = next((f for f in (window.shop_name, window.owner_name) if not f.text().strip()), window.shop_name)
    field.setFocus()
    if not dialogs.run(window):
        return False
    host = parent
    while host is not None:  # the main window, also from a dialog of its own (the reminder's)
        after = getattr(host.window(), "settings_saved", None)
        if after is not None:
            after(window)
            break
        host = host.window().parentWidget()
    return True


def open_settings(parent: QWidget | None = None, page: str = "shop") -> SettingsWindow | None:
    """Show the settings window at ``page``; the window when it was saved, else None."""
    from desktop.views import dialogs

    window = SettingsWindow(parent, page=page)
    return window if dialogs.run(window) else None


__all__ = ["PAGES", "SettingsWindow", "open_settings", "fill_in_names", "hours_to_day_and_hour", "day_and_hour_to_hours"]
