"""Tijdlijn: every event for everyone, newest first, grouped by day, filterable.

The list is a ``TimelineModel`` (views/timeline_model.py): pages of events fetched as
you scroll, never all rows. The search field above the list searches event text (full
text, every word as a prefix) and person names; the filter bar narrows to a person,
kind, channel, direction and period. Double-click an event (or use the button in the
detail pane) to open its collaboration, shipment or order: ``open_subject`` is
connected by the main window.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPushButton, QSizePolicy, QVBoxLayout

from desktop import i18n
from desktop.clock import to_local, utcnow
from desktop.presentation import errors, timeline, timeline_export
from desktop.presentation.timeline import TimelineFilter
from desktop.i18n import _, ngettext
from desktop.labels import choices, label
from desktop.store import lookups
from desktop.views import dialogs, theme
from desktop.views.base import ListView, load_moment
from desktop.views.forms import date_field, date_problems, load_form
from desktop.views.keys import FoldedCompleter, find_folded, refill
from desktop.views.timeline_model import COLUMNS, TimelineModel, column_titles
from desktop.presentation import event_texts
from desktop.views.timeline_widget import event_subject, setup_table, size_columns

NO_DATE = QDate(2000, 1, 1)  # the date edits' minimum: "no bound"
ANY = None


class TimelineView(ListView):
    key = "timeline"
    open_subject = Signal(str, int, int)  # subject_type, subject_id, person_id

    def __init__(self, parent=None):
        super().__init__(parent)
        # The paging model replaces the base view's in-memory list.
        self.model = TimelineModel(self)
        setup_table(self.table, self.model)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.table.doubleClicked.connect(self._open_index)
        self.model.counted.connect(self._show_count)

        self.filters = load_form("timeline_filters.ui", self)
        # Narrow windows clip the filter bar rather than refusing to shrink.
        self.filters.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.filters.setMinimumWidth(1)
        self.form.layout().insertWidget(1, self.filters)
        f = self.filters
        self.person_box: QComboBox = f.findChild(QComboBox, "person")
        self.kind_box: QComboBox = f.findChild(QComboBox, "kind")
        self.channel_box: QComboBox = f.findChild(QComboBox, "channel")
        self.direction_box: QComboBox = f.findChild(QComboBox, "direction")
        self.from_date: QDateEdit = f.findChild(QDateEdit, "fromDate")
        self.to_date: QDateEdit = f.findChild(QDateEdit, "toDate")
        self.count_label: QLabel = f.findChild(QLabel, "countLabel")
        self.export_button: QPushButton = f.findChild(QPushButton, "exportCsv")
        self.clear_button: QPushButton = f.findChild(QPushButton, "clearFilters")

        self.kind_box.addItem(_("All kinds"), ANY)
        for code, text in choices("event_kind"):
            self.kind_box.addItem(text, code)
        self.channel_box.addItem(_("All channels"), ANY)
        for code, text in choices("channel"):
            self.channel_box.addItem(text, code)
        self.direction_box.addItem(_("Sent and received"), ANY)
        for code, text in choices("direction"):
            self.direction_box.addItem(text, code)
        for edit in (self.from_date, self.to_date):
            date_field(edit)
            edit.setMinimumDate(NO_DATE)
            edit.setDate(NO_DATE)
        self.person_box.lineEdit().setPlaceholderText(_("Everyone"))
        # "Everyone" is the filter's value while nothing is typed: in the text's own colour,
        # as "All kinds" beside it, not greyed as if the filter were switched off (review 26)
        theme.placeholder_as_value(self.person_box.lineEdit())
        # Found by any part of the name or handle, folded as every search is ("anais" finds "Anaïs").
        self.person_box.setCompleter(FoldedCompleter(self.person_box))

        self._filters_timer = QTimer(self)
        self._filters_timer.setSingleShot(True)
        self._filters_timer.setInterval(150)
        self._filters_timer.timeout.connect(self._apply_filter)
        for box in (self.kind_box, self.channel_box, self.direction_box):
            box.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.person_box.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.person_box.lineEdit().editingFinished.connect(self._person_typed)
        self.from_date.dateChanged.connect(lambda _d: self._filters_timer.start())
        self.to_date.dateChanged.connect(lambda _d: self._filters_timer.start())
        self.from_date.problemChanged.connect(lambda _p: self._after_filter())
        self.to_date.problemChanged.connect(lambda _p: self._after_filter())
        self.clear_button.clicked.connect(self.clear_filters)
        self.export_button.clicked.connect(self.export_csv)
        # The person filter lists every person (13,000 in the benchmark): read when the
        # owner reaches for it, and rebuilt only when the people changed.
        self._people: list[tuple[int, str]] | None = None
        self._people_stale = True
        self._people_watcher = _PeopleWatcher(self)
        self.person_box.installEventFilter(self._people_watcher)
        self.person_box.lineEdit().installEventFilter(self._people_watcher)

    # --- ListView hooks ----------------------------------------------------------------
    def view_title(self):
        return _("Timeline")

    def headers(self):
        titles = column_titles()
        return [titles[c] for c in COLUMNS]

    def empty_heading(self):
        return _("Nothing on the timeline yet")

    def empty_help(self, anyone: bool = True):
        """``anyone``: somebody a note could be about (asked by ``refresh``, not while the view
        is built: it reads nothing then, so a damaged file is met by the refresh)."""
        if not anyone:  # a note is about somebody: Ctrl+N is offered once there is someone
            # TRANSLATORS: the empty timeline while Afspraak holds nobody at all (no influencer, no customer).
            return _(
                "Every message, shipment, reminder, strike and note appears here, newest first. The timeline fills "
                "up by itself as you work with influencers and orders. A note of your own (Ctrl+N) is always about "
                "someone: add an influencer or an order first."
            )
        return _(
            "Every message, shipment, reminder, strike and note appears here, newest first. The timeline fills up "
            "by itself as you work with influencers and orders; press Ctrl+N to write a note."
        )

    def load_rows(self):  # the base's list is not used: the model pages itself
        return []

    # --- behaviour -----------------------------------------------------------------------
    def refresh(self) -> None:
        self._stale = False
        moment = load_moment()
        self._people_stale = True
        if self.person_box.currentData() is not None:
            self._fill_people()  # the chosen person may have been erased
        has_events = lookups.any_event()
        self.pages.setCurrentIndex(1 if has_events else 0)
        if not has_events:
            self.empty_text.setText(self.empty_help(anyone=lookups.anyone()))
        keep = self.current_id
        self.model.set_filter(self.current_filter())
        self._after_filter()
        self._size_columns()
        row = self.model.row_of(keep) if keep else -1
        self._select_row(row if row >= 0 else self.model.first_event_row())
        self._loaded(moment)

    def current_filter(self) -> TimelineFilter:
        first = None if self.from_date.date() == NO_DATE else self.from_date.date().toPython()
        last = None if self.to_date.date() == NO_DATE else self.to_date.date().toPython()
        start, end = timeline.local_day_bounds(first, last)
        return TimelineFilter(
            person_id=self.person_box.currentData(),
            kind=self.kind_box.currentData() or "",
            channel=self.channel_box.currentData(),
            direction=self.direction_box.currentData() or "",
            start=start, end=end, text=self.search.text(),
        )

    def set_filter(self, **values) -> None:
        """Set filters by code (tests and other views): person_id, kind, channel, direction, first, last, text."""
        if "person_id" in values:
            self.ensure_people()
        boxes = {"person_id": self.person_box, "kind": self.kind_box, "channel": self.channel_box,
                 "direction": self.direction_box}
        for name, box in boxes.items():
            if name in values:
                index = box.findData(values[name])
                box.setCurrentIndex(max(index, 0))
        for name, edit in (("first", self.from_date), ("last", self.to_date)):
            if name in values:
                edit.setDate(QDate(values[name]) if values[name] else NO_DATE)
        if "text" in values:
            self.search.setText(values["text"])
        self._apply_filter()

    def clear_filters(self) -> None:
        for box in (self.person_box, self.kind_box, self.channel_box, self.direction_box):
            box.blockSignals(True)
            box.setCurrentIndex(0)
            box.blockSignals(False)
        for edit in (self.from_date, self.to_date):
            edit.blockSignals(True)
            edit.setDate(NO_DATE)
            edit.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self) -> None:
        self._filters_timer.stop()
        self._filter_timer.stop()
        f = self.current_filter()
        if f == self.model.filter and self.model.rowCount():
            return
        self.model.set_filter(f)
        self._after_filter()
        self._select_row(self.model.first_event_row())

    def _after_filter(self) -> None:
        nothing = self.model.rowCount() == 0 and self.pages.currentIndex() == 1
        typed = date_problems({"from": self.from_date, "to": self.to_date}, finish=False)  # live, as she types
        first, last = self.from_date.date(), self.to_date.date()
        reversed_period = NO_DATE not in (first, last) and first > last
        # A date typed that is not a date: the list still shows the period before it, and says so.
        self.no_match.setVisible(nothing or bool(typed))
        if typed:
            self.no_match.setText(" ".join(typed.values()) + " " + _("The list still shows the period before."))
        elif nothing and reversed_period:
            # TRANSLATORS: the timeline's period filter: "From" is a later day than "up to and including".
            self.no_match.setText(_("Nothing can fall in this period: “From” ({first}) is after “up to and including” "
                                    "({last}). Swap the two dates, or press “Show everything”.").format(
                first=i18n.list_date(first.toPython()), last=i18n.list_date(last.toPython())))
        elif nothing:
            self.no_match.setText(_("No events match these filters. “Show everything” removes them."))
        self.clear_button.setEnabled(not self.model.filter.is_empty)
        self.export_button.setEnabled(self.model.total > 0)

    def _show_count(self, total: int) -> None:
        self.count_label.setText(ngettext("{count} event", "{count} events", total).format(
            count=i18n.format_number(total)))

    def ensure_people(self) -> None:
        """Make the person filter's list current (before it is opened, typed in or set)."""
        if self._people_stale:
            self._fill_people()

    def _fill_people(self) -> None:
        self._people_stale = False
        people = lookups.person_names()
        if people == self._people:
            return
        self._people = people
        box = self.person_box
        current = box.currentData()
        box.blockSignals(True)
        refill(box, [("", ANY), *((name, person_id) for person_id, name in people)])
        index = box.findData(current)
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)

    def _person_typed(self) -> None:
        self.ensure_people()
        box = self.person_box
        text = box.currentText().strip()
        index = find_folded(box, text) if text else 0
        if index < 0:
            index = box.currentIndex()
            box.setEditText(box.itemText(index))
        if index != box.currentIndex():
            box.setCurrentIndex(index)

    def _size_columns(self) -> None:
        size_columns(self.table, self.model)
        self.give_list_room()  # the columns' widths changed: the list asks the pane for room again

    def _select_row(self, row: int) -> None:
        if row >= 0:
            self.table.selectRow(row)
            if row == self.model.first_event_row():
                self.table.scrollToTop()  # the newest day's heading above it stays in view
                return
            if row > 0 and self.model.is_heading(row - 1):
                self.table.scrollTo(self.model.index(row - 1, 0))  # its day's heading with it
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self.show_detail(None)

    def select_id(self, event_id: int) -> bool:
        row = self.model.row_of(event_id)
        if row >= 0:
            self._select_row(row)
        return row >= 0

    def _on_current(self, current, _previous) -> None:
        event = self.model.event_at(current.row())
        if event is not None:
            self.show_detail(event.id)

    def _open_index(self, index) -> None:
        found = event_subject(self.model, index)
        if found:
            self.open_subject.emit(*found)

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        e = lookups.event(row_id)
        if e is None:
            return
        self.add_heading(layout, event_texts.what(e.kind, e.fact))
        # Only what the event has, as its row shows it: an import or a status change is about
        # nobody, on no channel, and in no direction (the pane said "Direction: Note" for them
        # while the list's cell stayed empty: audit 9, F11).
        self.add_fields(layout, [(name, value) for name, value in (
            (_("When"), i18n.list_moment(to_local(e.at))),
            (_("Person"), e.person.name if e.person_id else ""),
            (_("Channel"), label("channel", e.channel) if e.channel else ""),
            (_("Direction"), label("direction", e.direction) if e.direction != "none" else ""),
        ) if value])
        self.add_section(layout, _("Text"))
        self.add_lines(layout, [event_texts.shown(e)], "")
        target = timeline.subject_target(e.subject_type, e.subject_id, e.person_id)
        if target:
            texts = {"influencers": _("Open the influencer"), "shipments": _("Open the shipment"),
                     "orders": _("Open the order")}
            button = QPushButton(texts[target[0]])
            button.setObjectName("openSubject")
            button.clicked.connect(lambda: self.open_subject.emit(e.subject_type, e.subject_id or 0, e.person_id or 0))
            layout.addWidget(button, 0, Qt.AlignLeft)

    # --- export --------------------------------------------------------------------------
    def export_csv(self) -> None:
        # TRANSLATORS: suggested file name of the timeline export; {date} is today ("2026-11-23"). No spaces.
        suggested = str(Path.home() / _("afspraak-timeline-{date}.csv").format(
            date=to_local(utcnow()).date().isoformat()))
        path = dialogs.ask_save_path(self, _("Export the timeline"), suggested, _("CSV file (*.csv)"))
        if not path:
            return
        try:
            written = timeline_export.export_csv(Path(path), self.model.filter)
        except OSError as exc:
            dialogs.warn(self, _("Export failed"), _("The file could not be written: {error}").format(
                error=errors.unwritable(exc)))
            return
        self.status_message.emit(ngettext(
            "{count} event exported to {path}", "{count} events exported to {path}", written).format(
            count=i18n.format_number(written), path=path))


class _PeopleWatcher(QObject):
    """Fills the person filter just before the owner uses it: focus, a click (the popup)."""

    EVENTS = (QEvent.Type.FocusIn, QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress)

    def __init__(self, view: TimelineView):
        super().__init__(view)
        self.view = view

    def eventFilter(self, _watched, event):
        if event.type() in self.EVENTS:
            self.view.ensure_people()
        return False
