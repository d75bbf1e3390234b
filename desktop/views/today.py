"""Vandaag: what is due now and later today across all promises, most urgent first,
each with its ready message and the act / snooze / done buttons; then the next seven days.
Each group under a heading that says how many it lists ("Nu te doen: 7 herinneringen",
"Komende 7 dagen: 3 herinneringen"), so the week's rows are never read as today's.

The rows come from the follow-up ladder (``reminders.plan``); acting goes through the
same due-step dialog and store functions as the tray and the influencer pane.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QGridLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop import i18n, reminders
from desktop.domain import followup
from desktop.domain.followup import NO_OTHER_CHANNEL
from desktop.clock import local_to_utc, snooze_until, to_local, utcnow
from desktop.i18n import _
from desktop.labels import label
from desktop.store import lookups
from desktop.views.base import ListView, clear_layout, plain_label
from desktop.views.cells import span_headings
from desktop.views import due_dialog
from desktop.views.rows import Row

WEEK = timedelta(days=7)
MESSAGE_MIN_LINES = 5  # the ready message never gets shorter than this on a small screen
MESSAGE_MAX_LINES = 30  # ...and asks for no more room than this: a longer one scrolls in its box
DETAIL_RETRY_MS = 1000  # a reload for the clock waits this long while she types or holds the mouse


def bucket(item_due: datetime, now: datetime, end_of_today: datetime) -> str | None:
    """"now", "today", "week", or None (later than a week)."""
    if item_due <= now:
        return "now"
    if item_due < end_of_today:
        return "today"
    if item_due < now + WEEK:
        return "week"
    return None


def group_of(item, now: datetime, end_of_today: datetime) -> str | None:
    """:func:`bucket` of a due item: "now" too for one that came due before a day off or
    the quiet hours and waits through them (``followup.waiting``): on Sunday, Saturday's
    reminder is still to do, not one of the coming days (review walk, F5)."""
    return "now" if followup.waiting(item, now) else bucket(item.due, now, end_of_today)


def came_up(item) -> datetime:
    """When the item came (or comes) up: its ``due``, or for one that waits through a day
    off, the earliest moment its parts came due (most urgent first, as on any other day)."""
    return min(item.due, *(part.due for part in item.parts)) if item.parts else item.due


NO_CHANNEL_CELL = "–"  # the list's channel cell when none is known: the detail pane says why


def channel_text(item, short: bool = False) -> str:
    """The channel of a step; ``short`` for the list's narrow column (a dash where step 3
    knows no other channel: the detail pane explains it)."""
    if item.channel:
        return label("channel", item.channel)
    if item.channel_note == NO_OTHER_CHANNEL:
        if short:
            return NO_CHANNEL_CELL
        # TRANSLATORS: Vandaag's channel column when step 3 asks for another channel and none is known.
        return _("no other channel known")
    # TRANSLATORS: Vandaag's channel column for a step that is a task, not a message (beside "E-mail", "Instagram").
    return _("Task")


class ReadyMessageBox(QPlainTextEdit):
    """The ready message, to read and copy: as tall as its text at the box's width (at
    least ``MESSAGE_MIN_LINES``, at most ``MESSAGE_MAX_LINES`` lines; on a short screen
    the pane scrolls, never a box inside it too), taller when the pane has room, and its
    scroll bar only for a text longer than that.

    QPlainTextEdit counts its scroll range as if no line fits while it is hidden, and its
    text is set before the pane shows it: the scroll bars then showed in the first frames
    (and on the screenshots) over a message that fitted. Here the vertical one is off until
    the box is on screen and laid out, and from then on as needed."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setReadOnly(True)
        # TRANSLATORS: the name a screen reader gives the box with the message ready to send on Vandaag.
        self.setAccessibleName(_("Ready message"))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # until shown (showEvent)
        # Its lines wrap at the box's width, so never sideways; while hidden they were not
        # yet wrapped, and a sideways bar showed in the first frame too.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.setPlainText(text)
        self._fit_height()

    def showEvent(self, event):
        super().showEvent(event)
        QTimer.singleShot(0, self, self._scroll_as_needed)

    def _scroll_as_needed(self) -> None:
        # The range counted again now that the box is visible at its size, then the bar
        # shown only if that range needs it (the policy applies it at once).
        layout = self.document().documentLayout()
        layout.documentSizeChanged.emit(layout.documentSize())
        self.setVerticalScrollBarPolicy(Qt.ScrollBarAsNeeded)

    def resizeEvent(self, event):
        super().resizeEvent(event)  # the text laid out again at the new width first
        if event.oldSize().width() != event.size().width():
            self._fit_height()

    def _fit_height(self) -> None:
        doc = self.document()
        layout = doc.documentLayout()
        height, block = 2 * doc.documentMargin(), doc.begin()
        while block.isValid():
            height += layout.blockBoundingRect(block).height()
            block = block.next()
        lines = self.fontMetrics().lineSpacing()
        frame = 2 * self.frameWidth() + self.contentsMargins().top() + self.contentsMargins().bottom()
        low, high = MESSAGE_MIN_LINES * lines + frame + 8, MESSAGE_MAX_LINES * lines + frame
        self.setMinimumHeight(int(max(low, min(high, height + frame + 1))))


class _DetailColumn(QWidget):
    """The detail pane with the buttons under it, in the splitter where the pane was. It
    asks the splitter for the width the pane asked for (a scroll area's small size hint),
    so the list keeps its share and the pane its minimum width, as in every other view."""

    def sizeHint(self):
        from PySide6.QtCore import QSize

        return QSize(20, 20)


class TodayView(ListView):
    key = "today"
    elide_column = 3  # "About": what the promise is (its full text is in the detail pane)...
    whole_lead = " · "  # ...named whole: "bestelling #1038", a deliverable's title, "parcel sent 17 Nov"
    yielding_column = 2  # "Step" gives way to it on a narrow window (its whole text heads the pane)
    colour_columns = (0,)

    due_count_changed = Signal(int)  # the reminders due now, after each refresh (the window's sidebar)

    def __init__(self, parent=None):
        from desktop.views.getting_started import GettingStarted

        self.items: list = []
        # What the list was read as (``_time_read``): the reminders due now and the owner's
        # day; compared with the scheduler's every check (``follow_due``).
        self._shown_as: tuple | None = None
        self._shown_data = None  # the database's token when it was read
        self._keep_selected = False  # a reload for the clock keeps the row she is on
        self._keep_key: str | None = None
        self._waiting_due: list | None = None  # the scheduler's items a reload for the clock waits with
        super().__init__(parent)
        self._due_retry = QTimer(self)  # one retry waiting at a time: a later check restarts it
        self._due_retry.setSingleShot(True)
        self._due_retry.setInterval(DETAIL_RETRY_MS)
        self._due_retry.timeout.connect(self._follow_due_later)
        self.table.setSortingEnabled(False)  # the order is the urgency
        # A heading over each group, with what it lists (after a search too): spanning
        # the row, passed over by the arrow keys and clicks (views/rows.py).
        self.model.grouping = self._grouped
        span_headings(self.table, self.model)
        # "Zo begin je" between the title and the list, until its steps are done or hidden.
        self.getting_started = GettingStarted(self)
        self.form.layout().insertWidget(1, self.getting_started)
        self.getting_started.hide()
        self.getting_started.status_message.connect(self.status_message)
        self.getting_started.data_changed.connect(self.data_changed)
        self.getting_started.focus_elsewhere.connect(self.focus_list)
        reminders.changed.connect(self._reminders_changed)
        self._add_detail_footer()
        # A double-click or Enter (views/keys.py) on a reminder opens it to send, as the
        # pane's first button does.
        self.table.doubleClicked.connect(self._open_row)

    def _add_detail_footer(self) -> None:
        """The act / snooze / done buttons sit under the detail pane, outside its scrolling
        part: on a laptop, with "Zo begin je" open, they stay in sight while the message scrolls."""
        from PySide6.QtWidgets import QScrollArea

        from desktop.views import theme

        scroll = self.form.findChild(QScrollArea, "detailScroll")
        column = _DetailColumn()
        column.setObjectName("todayDetailColumn")
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(theme.S)
        index = self.splitter.indexOf(scroll)
        # Moved, not replaced: QSplitter.replaceWidget hands the old widget to Python, which
        # would delete it (and the pane) when the returned reference goes.
        column_layout.addWidget(scroll, 1)  # out of the splitter, into the column
        self.splitter.insertWidget(index, column)
        self.detail_footer = QWidget()
        self.detail_footer.setObjectName("todayDetailFooter")
        footer_layout = QVBoxLayout(self.detail_footer)
        footer_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.addWidget(self.detail_footer)
        column.setSizePolicy(scroll.sizePolicy())

    def _clear_footer(self) -> None:
        clear_layout(self.detail_footer.layout())
        self.detail_footer.hide()

    def _add_detail_hint(self, layout) -> None:
        self._clear_footer()
        super()._add_detail_hint(layout)

    def view_title(self):
        return _("Today")

    def headers(self):
        return [_("When"), _("Person"), _("Step"), _("About"), _("Channel")]

    def empty_heading(self):
        return _("Nothing to do today")

    def empty_focus(self):
        """On an empty Vandaag: the next step of "Getting started" while it is in sight, else the search."""
        return self.getting_started.next_step_widget() or self.search

    def empty_help(self):
        return _(
            "When a deadline passes, a parcel's arrival is not confirmed or a customer is waiting for news, the "
            "next friendly step appears here with a message ready to send. Nothing is due now and nothing falls "
            "due this week."
        )

    def _now(self) -> datetime:
        return utcnow()

    @staticmethod
    def _grouped(rows: list[Row]) -> list[Row]:
        """The rows under the heading of their group (now, later today, the next 7 days),
        each heading counting the rows under it."""
        from desktop.presentation.due_texts import TODAY_GROUPS, today_group_heading

        out: list[Row] = []
        for group in TODAY_GROUPS:
            members = [row for row in rows if row.extra.get("group") == group]
            if members:
                heading = today_group_heading(group, len(members))
                out.append(Row(id=None, cells=[heading, "", "", "", ""], heading=True))
                out.extend(members)
        return out

    def item_rows(self) -> list[tuple[int, Row]]:
        """The rows of the list that are reminders (not group headings), with where they are."""
        return [(index, row) for index, row in enumerate(self.model.rows) if not row.heading]

    def load_rows(self):
        from desktop.presentation import due_texts

        now = self._now()
        local_now = to_local(now)
        end_of_today = local_to_utc((local_now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0))
        later_today = _("Later today")
        self._shown_data = lookups.data_token()  # first: a write while the rows are read is read next time
        self.items = []
        rows = []
        shown_items = [(item, group_of(item, now, end_of_today)) for item in reminders.plan(now)]
        shown_items = [(item, when) for item, when in shown_items if when is not None]
        shown_items.sort(key=lambda pair: (due_texts.TODAY_GROUPS.index(pair[1]), came_up(pair[0])))
        titles = due_texts.subject_titles(item for item, _when in shown_items)
        for (item, when), title in zip(shown_items, titles):
            moment = to_local(item.own_due)  # the moment of the step it names
            shown = due_texts.waiting_since(moment, local_now) if when == "now" else (
                i18n.format_time(moment) if when == "today" else i18n.list_date(moment))
            if when == "today":
                shown = _("{part} {time}").format(part=later_today, time=shown).strip()
            self.items.append(item)
            rows.append(Row(
                id=len(self.items) - 1,
                cells=[shown, item.person_name, label("due_step", item.step), title, channel_text(item, short=True)],
                colour="red" if when == "now" else ("amber" if when == "today" else ""),
                tooltip=channel_text(item) if item.channel_note == NO_OTHER_CHANNEL and not item.channel else "",
                extra={"group": when},
            ))
        self._shown_as = self._time_read(
            (item.key for item, when in shown_items if when == "now"), local_now.date())
        return rows

    @staticmethod
    def _time_read(due_keys, day) -> tuple:
        return frozenset(due_keys), day

    def follow_due(self, items: list, now: datetime) -> None:
        """The scheduler looked again (a step's moment came, its recheck every few minutes,
        a clock that jumped overnight): when what is due now or the owner's day is not what
        the list shows, it loads again, on screen now, else when shown. At 09:01 the tray
        said three reminders while Vandaag still listed two "Later vandaag 09:00" (review of
        the first week). A load for the same moment as an action's is not done twice
        (``follow_change``); the row she is on stays selected while it is listed, and
        nothing loads while she types a search or a menu is open (it follows after)."""
        self._waiting_due = None  # this check supersedes one that waited
        if self._shown_as is None:
            return  # not read yet: its first load reads the moment as it is then
        if self._shown_as == self._time_read((item.key for item in items), to_local(now).date()):
            return
        from PySide6.QtWidgets import QApplication

        # ...nor while a menu or a list drops down (her "Zoekgeraakt of retour" under the cursor: a
        # reload took its pane and the menu with it): it follows once the menu closes, with the
        # scheduler's items of its last check (one retry waiting at a time; no plan of its own)
        if self.isVisible() and (self.detail_pending() or QApplication.mouseButtons() != Qt.NoButton
                                 or QApplication.activePopupWidget() is not None):
            self._waiting_due = list(items)
            self._due_retry.start()
            return
        # Only the clock moved (nothing written since the list was read): she stays on her row.
        # A write reloads it through ``reminders.changed`` as after any action.
        self._keep_selected = self._shown_data is not None and self._shown_data == lookups.data_token()
        self.follow_change()

    def _follow_due_later(self) -> None:
        items = self._waiting_due
        if items is not None:  # (None: a later check came meanwhile and did it, or it was not needed)
            self.follow_due(items, self._now())

    def _selected_key(self) -> str | None:
        row_id = self.current_id
        return self.items[row_id].key if row_id is not None and 0 <= row_id < len(self.items) else None

    def follow_rows(self, keep: int | None) -> None:
        if keep is None and self._keep_key is not None:  # a reload for the clock: the row she was on
            keep = next((index for index, item in enumerate(self.items) if self._keep_key in item.keys), None)
        super().follow_rows(keep)

    def refresh(self) -> None:
        self._keep_key = self._selected_key() if self._keep_selected else None
        self._keep_selected = False
        try:
            super().refresh()
        finally:
            self._keep_key = None
        self.getting_started.set_compact(bool(self.items))
        self._read_steps()
        self.due_count_changed.emit(self.due_now_count())

    def _reminders_changed(self) -> None:
        """A reminder acted on, anywhere: the list follows, also while out of sight (its count
        is on the sidebar). Once: the window's "data changed" that often comes with it finds
        the list loaded already (``follow_change``)."""
        self.follow_change(even_hidden=True)

    def _read_steps(self) -> None:
        self._steps_token = lookups.data_token()  # first, so a write meanwhile is read next time
        self.getting_started.refresh()

    def showEvent(self, event):
        super().showEvent(event)
        # Products added or names set elsewhere meanwhile: read the steps again, unless
        # nothing was written since they were read (the database's token is the same), or
        # none were read yet (the first refresh follows). Returning to Vandaag read them
        # every time: 5-7 ms of each switch back (docs/PERFORMANCE.md, fix 50).
        token = getattr(self, "_steps_token", False)
        if token is not False and (token is None or token != lookups.data_token()):
            self._read_steps()

    def due_now_count(self) -> int:
        now = self._now()
        return sum(1 for item in self.items if followup.waiting(item, now))

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        from desktop.presentation import due_texts
        from desktop.store import due

        self._clear_footer()
        if not 0 <= row_id < len(self.items):
            return
        item = self.items[row_id]
        now = self._now()
        self.add_heading(layout, _("{person}: {step}").format(person=item.person_name, step=label("due_step", item.step)))
        self.add_fields(layout, [
            (_("About"), due_texts.subject_title(item)),
            (due_texts.step_moment_label(item.own_due, now), i18n.list_moment(to_local(item.own_due))),
            (_("Channel"), channel_text(item)),
        ])
        self._add_waiting_note(layout, item, now)
        if item.channel_note == NO_OTHER_CHANNEL:
            hint = plain_label(due_dialog.no_other_channel_words(item, due.contact_info(item.person_id)))
            hint.setObjectName("todayNoOtherChannel")
            hint.setWordWrap(True)
            layout.addWidget(hint)
            layout.addWidget(due_dialog.add_channel_button(self, item, "todayAddChannel", self.refresh))
        if len(item.parts) > 1 and item.action != "message":
            # TRANSLATORS: Vandaag, a strike decision for several deliverables (one final notice named them
            # all); "About" above names them.
            layout.addWidget(plain_label(_("One decision for everything the final reminder was about.")))
        elif len(item.parts) > 1:
            layout.addWidget(plain_label(_("One message covering everything outstanding with this person today:")))
            self.add_bullets(layout, [
                label("due_kind", part.kind) + " · " + label("due_step", part.step) + " · "
                + i18n.list_moment(to_local(part.due)) for part in item.parts])
        message = due_texts.preview(item, now)  # a new date only the owner can choose is a hole in it
        # a gift's facts read once, for the words and for the button that acts on them
        gift = due_texts.gift_facts(item) if item.kind == "gift" else None
        # a shipped order's arrival check: its parcel's facts, for the words and the buttons
        parcel = due_texts.arrival_facts(item) if item.checks_arrival else None
        self.add_section(layout, _("Message to send") if message else _("What to do"))
        promised = item.parts[0].details.get("promised_ready") if item.step == "delay_warning" else None
        if promised is not None:
            # The news before the promised date comes due for every order not ready yet: the
            # message below says it is on schedule; only the owner knows whether it will be late.
            hint = plain_label(_(
                "Is the order on schedule for {date}? Then send this update. Will it be late? Open “Open and "
                "send…” and press “It will be late…”: it asks for the new date and writes the message."
            ).format(date=i18n.detail_date(promised)))
            hint.setObjectName("todayDelayQuestion")
            hint.setWordWrap(True)
            layout.addWidget(hint)
        if due_texts.holds_new_date_hole(message):
            # The delay message names a date only the owner can pick: the dialog asks for it.
            layout.addWidget(plain_label(_("“Open and send…” asks for the new date and fills it in.")))
        if message is not None and message.incomplete:
            self._add_incomplete_words(layout, item, message)
        if message and item.channel == "phone":
            self._add_phone_words(layout, item)
        if message:
            words = self._message_words(item, message)
        elif item.action == "strike":
            words = due_texts.strike_decision_words(item, now)
        else:
            words = due_texts.task_words(item, now, gift if parcel is None else parcel)
        text = ReadyMessageBox(words)
        text.setObjectName("todayMessage")
        if due_texts.holds_new_date_hole(message):
            # A preview, not a message to copy: with "[new date]" in it, only the order's
            # dialog (which asks for the date) may hand it over (never a hole to a customer).
            text.setTextInteractionFlags(Qt.NoTextInteraction)
            text.setContextMenuPolicy(Qt.NoContextMenu)
        # The message takes the pane's free height (a big screen shows it whole, with room
        # to spare); the buttons are under the pane (the footer), always in sight. On a
        # laptop the box is as tall as its text and the pane scrolls if it must.
        layout.addWidget(text, 1)
        self.detail_footer.layout().addWidget(self._buttons(item, gift) if parcel is None
                                              else self._arrival_buttons(item, parcel))
        self.detail_footer.show()

    def _open_row(self, index) -> None:
        row = self.model.row_at(index.row())
        if row is not None and not row.heading:
            due_dialog.open_due_item(self.items[row.id], self)

    def _buttons(self, item, gift: dict | None) -> QWidget:
        """The pane's four buttons; ``gift``: a gift task's facts (``due_texts.gift_facts``), else None."""
        if item.kind == "agreement":
            return self._agreement_buttons(item)
        # Two rows of two, so the pane stays narrow enough for a laptop screen.
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        if gift is not None:
            from desktop.presentation import due_texts

            opening = due_texts.gift_open_text(gift)
            # TRANSLATORS: Vandaag's button on a "send the gift" reminder: no more reminders about this gift.
            done = _("Done without a parcel…")
        elif item.ships_again:  # its parcel got lost or came back: Maatwerk's "Ship again…", the same dialog
            from desktop.presentation import order_texts

            opening = order_texts.ship_again_label()
            done = _("Done without shipping")
        elif item.ships_an_order:
            opening = _("Ship…")
            # TRANSLATORS: Vandaag's button on "ship the finished order": it reached the customer another way.
            done = _("Done without shipping")
        elif item.action == "strike":
            # TRANSLATORS: Vandaag's button on a strike decision after the final reminder: opens the choice.
            opening = _("Decide…")
            done = _("End without strike")
        else:
            opening = _("Open and send…")
            done = _("Done without a message")
        for index, (name, text, slot) in enumerate(self._offered(item, (
            ("todayOpen", opening, lambda: due_dialog.open_due_item(item, self)),
            ("todayHour", _("In 1 hour"), lambda: self._snooze(item, timedelta(hours=1))),
            ("todayTomorrow", self._morning_label(), lambda: self._snooze(item, "tomorrow")),
            ("todayDone", done, (lambda: self._handed_over(item)) if gift is not None
             else (lambda: self._decide_without_strike(item)) if item.action == "strike"
             else (lambda: reminders.mark_done([item], self._now()))),
        ))):
            button = QPushButton(text)
            if gift is not None and name == "todayDone":
                tip = _("The gift reached her another way (handed over in person, say): the "
                        "collaboration moves on to “Received” and what she promised is followed up.")
                packed = due_texts.packed_parcel_goes(gift, item.person_name)  # taken out with it
                button.setToolTip(f"{tip} {packed}" if packed else tip)
            button.setObjectName(name)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 2, index % 2)
        return holder

    def _morning_label(self) -> str:
        """The snooze button named for the day the step comes back ("Maandag 09:00" on a Saturday)."""
        from desktop.presentation import due_texts

        return due_texts.snooze_morning_label(self._now())

    @staticmethod
    def _message_words(item, message) -> str:
        """The ready message as the box shows it: an e-mail with its subject line over it; a
        message for Instagram, WhatsApp, TikTok or the phone has none, so nothing copied
        from the box starts with one (review walk, F3)."""
        if item.channel == "email" and message.subject:
            return message.subject + "\n\n" + message.body
        return message.body

    def _add_waiting_note(self, layout, item, now) -> None:
        """A quiet line over a step that came due before a day off (or the quiet hours) and waits through them."""
        from desktop.presentation import due_texts

        words = due_texts.waiting_words(item, now)
        if words:
            note = plain_label(words)
            note.setObjectName("todayWaitingNote")
            note.setWordWrap(True)
            layout.addWidget(note)

    def _add_incomplete_words(self, layout, item, message) -> None:
        """Beside a message that lacks what it needs: what is missing, and for the names that
        sign it the way to fill them in (a first run's messages ended on "Groetjes," with
        nothing under it, and nothing said so). Once saved, the message shows again."""
        from babel.lists import format_list

        from desktop.presentation.messages import PLACEHOLDERS, UNSIGNED

        unsigned = UNSIGNED <= set(message.incomplete)
        if unsigned:
            note = plain_label(_("This message is not signed: Afspraak does not know your name or your shop's name "
                                 "yet, so nothing stands under the greeting at the end."))
            note.setObjectName("todayUnsigned")
            layout.addWidget(note)
            # TRANSLATORS: Vandaag's button beside a message nobody signs: opens Settings at the shop's names.
            button = QPushButton(_("Fill in your names…"))
            button.setObjectName("todayFillNames")
            button.clicked.connect(lambda: self._fill_in_names(item))
            layout.addWidget(button, 0, Qt.AlignLeft)
        others = [name for name in message.incomplete if name not in UNSIGNED]
        if others:
            # TRANSLATORS: Vandaag, beside a ready message; {missing} names what is missing, e.g. "the new expected date".
            note = plain_label(_("Something this message needs is missing: {missing}. The sentences that need it "
                                 "are left out.").format(missing=format_list(
                [_(PLACEHOLDERS[name]) for name in others], locale=i18n.formatting_locale())))
            note.setObjectName("todayIncomplete")
            layout.addWidget(note)

    def _fill_in_names(self, item) -> None:
        """Settings at the shop's names; saved, the same reminder is shown again, signed."""
        from desktop.views.settings_window import fill_in_names

        if fill_in_names(self):  # saved: the reminders changed (Vandaag follows them), back at the first row
            shown = next((index for index, other in enumerate(self.items) if other.key == item.key), None)
            if shown is not None:
                self.select_id(shown)
            self.table.setFocus(Qt.OtherFocusReason)

    def _add_phone_words(self, layout, item) -> None:
        """Over a step whose channel is the phone: call her; the message is the text for when she does not answer."""
        from desktop.presentation import due_texts
        from desktop.store import due

        info = due.contact_info(item.person_id)
        hint = plain_label(due_texts.phone_words(item, info.phone or info.whatsapp))
        hint.setObjectName("todayPhoneWords")
        hint.setWordWrap(True)
        layout.addWidget(hint)

    def _handed_over(self, item) -> None:
        """"Done without a parcel…": the day the gift reached her is asked (its save is the undo
        step). Given later than planned, her deadlines moved: the status bar says so at once,
        and where the message with the new date waits, as after a late parcel."""
        from desktop.views import day_dialog, dialogs

        dialog = day_dialog.handed_over(self, item)
        if dialogs.run(dialog):
            reminders.notify_changed()
            self.say_moved_deadlines(dialog.now)

    def _decide_without_strike(self, item) -> None:
        """"End without strike" on a decision: it ends, and the message that tells her is
        offered at once, as after the choice in the reminder's window."""
        from desktop.views.small_dialogs import mark_done

        mark_done(self, [item], self._now())  # the tray's "Done" takes the same path

    SNOOZES = ("todayHour", "todayTomorrow")  # in the order of ``reminders.snoozes_offered``

    def _offered(self, item, buttons: tuple) -> list:
        """The pane's buttons without a snooze ``reminders.snoozes_offered`` leaves out (the
        step's own window asks it too): one that would not move the step (review of the first
        week: "Done: … moved later" while nothing moved), or "In 1 hour" landing where the
        morning button does."""
        offered = dict(zip(self.SNOOZES, reminders.snoozes_offered(item, self._now())))
        return [button for button in buttons if offered.get(button[0], True)]

    def _snooze(self, item, how) -> None:
        now = self._now()
        reminders.snooze([item], snooze_until(how, now), now)

    def _arrival_buttons(self, item, parcel: dict) -> QWidget:
        """The buttons of a shipped order's arrival check: "Delivered" (the parcel, and so the
        order), "Lost or returned" (Zendingen's two steps, after which the order is to send
        again), the parcel's tracking page, and the two snoozes (still on its way)."""
        from desktop.presentation import due_texts, order_texts
        from desktop.views import theme

        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        parcel_id = parcel.get("parcel_id")
        delivered = QPushButton(due_texts.arrival_open_text())
        delivered.setObjectName("todayOpen")
        delivered.clicked.connect(lambda: self._parcel_step(item, parcel_id, "deliver"))
        gone = theme.menu_button(due_texts.arrival_gone_text(), "todayGone")
        # in the words of the order's parcel (Maatwerk's "Zoekgeraakt"), as the task it makes
        # ("Parcel lost: ship again"), not Zendingen's influencer parcel ("Kwijt")
        for action, status in (("lose", "lost"), ("return", "returned")):
            text = order_texts.parcel_status(status)
            gone.menu().addAction(text).triggered.connect(
                lambda _c=False, a=action: self._parcel_step(item, parcel_id, a))
        buttons = [delivered, gone]
        if parcel.get("tracking_url"):
            track = QPushButton(due_texts.arrival_track_text())
            track.setObjectName("todayTrack")
            track.clicked.connect(lambda: self._open_tracking(parcel["tracking_url"]))
            buttons.append(track)
        for name, text, slot in self._offered(item, (  # as the other panes: none that lands with another
            ("todayHour", _("In 1 hour"), lambda: self._snooze(item, timedelta(hours=1))),
            ("todayTomorrow", self._morning_label(), lambda: self._snooze(item, "tomorrow")),
        )):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.append(button)
        for index, button in enumerate(buttons):
            grid.addWidget(button, index // 2, index % 2)
        return holder

    @staticmethod
    def _open_tracking(url: str) -> None:
        from desktop.views.shipments import open_link

        open_link(url)

    def _parcel_step(self, item, parcel_id: int | None, action: str) -> None:
        """The parcel of an arrival check marked delivered, lost or returned (as Zendingen does:
        the order follows; one step for Edit → Undo). A parcel moved on elsewhere since the
        pane was shown is left as it is: the list loads again."""
        from desktop.domain.shipments import ACTIONS, can
        from desktop.store import shipping
        from desktop.views.undo import parcel_marked

        parcel = lookups.shipment(parcel_id)
        if parcel is not None and can(action, parcel.status):
            with reminders.recorded(parcel_marked(item.person_name, ACTIONS[action][1])):
                shipping.advance(parcel_id, action, self._now())
        reminders.notify_changed()
        due_dialog.tell_views(self)

    def _agreement_buttons(self, item) -> QWidget:
        """The buttons of a "record the agreement" task: write it down (the collaboration at its
        deliverables), the two snoozes, and "Nothing agreed" (a gift with no strings attached:
        the task is dismissed and stays gone)."""
        from desktop.presentation import due_texts

        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for index, (name, text, slot) in enumerate(self._offered(item, (
            ("todayOpen", due_texts.agreement_open_text(), lambda: due_dialog.open_due_item(item, self)),
            ("todayHour", _("In 1 hour"), lambda: self._snooze(item, timedelta(hours=1))),
            ("todayTomorrow", self._morning_label(), lambda: self._snooze(item, "tomorrow")),
            ("todayDone", due_texts.agreement_done_text(), lambda: reminders.mark_done([item], self._now())),
        ))):
            button = QPushButton(text)
            button.setObjectName(name)
            if name == "todayDone":
                button.setToolTip(due_texts.agreement_done_tip())
            button.clicked.connect(slot)
            grid.addWidget(button, index // 2, index % 2)
        return holder


__all__ = ["TodayView", "bucket"]
