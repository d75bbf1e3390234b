"""Influencers: who they are, what they promised, and how it went.

The list: name, platform, followers, status, score, rating, open deliverables, next
deadline; filters by status, tag and country beside the search. The detail pane is
built from one small method per section (``_detail_*``), so other features can add a
section of their own.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import clock, i18n
from desktop.domain import collaborations as collab_rules
from desktop.domain.handles import display
from desktop.domain.search_text import fold, phone_forms
from desktop.i18n import _, ngettext, pgettext
from desktop.labels import choices, label
from desktop.store import evidence as evidence_store
from desktop.store import influencer_detail, lookups
from desktop.store import influencers as ops
from desktop.views import dialogs
from desktop.views import evidence as evidence_view
from desktop.views import picture_check
from desktop.views.base import ListView, plain_label
from desktop.views.forms import load_form
from desktop.views.rows import LazyRow, Row
from desktop.views.undo import EvidenceAdded
from desktop.presentation import address_texts, cost_texts, delivery_texts, errors, event_texts, influencer_export
from desktop.views import theme

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.influencer_detail import CollaborationDetail, InfluencerDetail
    from desktop.store.models import AgreementVersion, Collaboration, Content, Event, Handle, Person, Rating, Strike

# Meanings of text in the detail pane (views/theme.py gives the colour for the palette).
WARNING_STYLE = "red"
MUTED_STYLE = "grey"
# A logged post's disclosure (presentation/disclosure_texts.content_notes): missing, not
# checked yet (a box left unticked: for her to look at), in order.
NOTE_STYLES = {"missing": WARNING_STYLE, "unchecked": "amber", "ok": MUTED_STYLE}


class InfluencersView(ListView):
    key = "influencers"
    pane_tells_time = True  # its reminders ("from …", a due banner): reworded as time passes
    # Name over handle and followers; the status as a coloured label; no free-text column:
    # every column is as wide as its content (the name with its followers is what tells
    # two people apart), the last takes what is left. On a window narrower than a laptop's
    # screen (1280 px, beside the products panel) the handle and followers under the name
    # give way (whole in the tooltip and the pane): the name, the status, the deadline and
    # the score stay in sight, with no scrolling sideways.
    two_line_rows = True
    elide_column = None
    yielding_column = 0
    pill_column = 1
    colour_columns = (1, 2)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.toolbar = load_form("influencers_toolbar.ui", self)
        self.form.layout().insertWidget(1, self.toolbar)
        tb = self.toolbar.findChild
        tb(QPushButton, "newInfluencer").clicked.connect(self.new_influencer)
        tb(QPushButton, "newCollaboration").clicked.connect(lambda: self.new_collaboration())
        tb(QPushButton, "tagSelected").clicked.connect(self.tag_selected)
        tb(QPushButton, "exportSelected").clicked.connect(self.export_selected)
        self.status_filter: QComboBox = tb(QComboBox, "statusFilter")
        self.tag_filter: QComboBox = tb(QComboBox, "tagFilter")
        self.country_filter: QComboBox = tb(QComboBox, "countryFilter")
        self.status_filter.addItem(_("All"), "")
        for code, text in choices("person_status"):
            self.status_filter.addItem(text, code)
        for code in ("proposed", "agreed", "shipped", "received", "posted"):
            self.status_filter.addItem(_("Collaboration: {status}").format(status=label("collab_status", code)), code)
        self.status_filter.addItem(_("Disclosure missing"), "disclosure")
        self.country_filter.addItem(_("All"), "")
        for code, text in choices("country"):
            self.country_filter.addItem(text, code)
        for combo in (self.status_filter, self.tag_filter, self.country_filter):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.table.doubleClicked.connect(lambda _index: self.edit_influencer())
        self._detail_heights: dict[int, int] = {}  # the pane's height per width, for its content (_fit_detail)
        self.detail_scroll.viewport().installEventFilter(self)
        self.evidence_drops = evidence_view.EvidenceDrops(self.detail_scroll.viewport(), self.add_evidence)
        # The list needs its names, statuses and dates whole (no free-text column): on a
        # laptop the pane beside it gives a little more of its width (its buttons wrap).
        self.detail_scroll.setMinimumWidth(theme.DETAIL_MIN_WIDTH - 90)
        self.splitter.setSizes([640, 440])
        self._fill_tag_filter()
        self._filtering = self._filters()  # the filters the list is filtered by (none)
        # The list comes in pages (views/rows.py): the tags of every influencer once all
        # are in, or at once when the owner reaches for the tag filter before that.
        self.model.completed.connect(self._fill_tag_filter)
        self._tags_watch = _CompleteFirst(self.model, self.tag_filter)

    # --- list ----------------------------------------------------------------------
    def view_title(self):
        return _("Influencers")

    def headers(self):
        # What the owner scans for first (who, in what state, what is due) comes first; the
        # biggest account and the followers sit under the name (two-line rows), so every
        # column fits beside the detail pane on a laptop screen.
        # TRANSLATORS: short column headers of the influencer list (the columns are narrow).
        # The rating (stars) sits under the score.
        return [_("Name"), _("Status"), _("Deadline"), pgettext("column", "Open"), _("Score")]

    def empty_heading(self):
        return _("No influencers yet")

    def empty_help(self, example_offered: bool = False):
        """``example_offered``: the example shop can still be loaded (a database with nothing in
        it): asked by ``refresh``, not here, as the view is built before it reads anything (a
        damaged file is met by the refresh, which the recovery knows)."""
        first = _("Add the first influencer you send products to with “New influencer…” above.")
        if not example_offered:
            return first
        return first + " " + _("Or, to look around first, load the example shop from Help → Getting started.")

    def load_rows(self):
        # The people and what the search and the filters need, a page at a time (the
        # first at once, the rest a page per turn once the list has painted); the score,
        # the rating and the account line when a row is first shown (LazyRow).
        # The score column is measured on the widest a score and a rating can be, so the
        # hundred rows the columns are measured on need not all be scored (only their
        # account line, _measure_rows): the rows in sight are, when painted.
        self.model.stand_ins = {4: _score_stand_ins()}
        return self._rows(ops.people_pages(), clock.utcnow())

    @staticmethod
    def _rows(pages, now):
        fill = partial(_fill_rows, now)
        statuses, local, list_date = {}, clock.to_local, i18n.list_date
        # TRANSLATORS: under a deadline in the influencer list: not chased now (the gift not sent, the parcel lost).
        on_hold = _("on hold")
        # What the filters look at, one frozenset shared by the rows with the same: 10,000
        # people have a few dozen combinations of statuses and of tags.
        filter_sets: dict[frozenset, frozenset] = {}
        colour_sets: dict[tuple, dict] = {}  # the same few per-column colours, shared

        def shared(values) -> frozenset:
            found = frozenset(values)
            return filter_sets.setdefault(found, found)

        for people in pages:
            rows = []
            for person in people:
                nearest, flagged = person.nearest, person.flagged
                status = statuses.get((person.status, flagged))
                if status is None:
                    status = label("person_status", person.status) + (" ⚠" if flagged else "")
                    statuses[person.status, flagged] = status
                # The status label in the status's own colour; a passed deadline reddens
                # the date beside it, not the label ("Actief" never looks like "Inactief").
                status_colour = ("grey" if person.status == "blocked" else "red" if person.status == "inactive"
                                 else "amber" if flagged else "")
                # A deadline on hold (the gift not sent, the parcel back or lost) is not late, and says so.
                late = "grey" if person.held else "red" if nearest and nearest < now else ""
                count = person.open_count
                rows.append(LazyRow(
                    id=person.id,
                    cells=[person.name, status, list_date(local(nearest)) if nearest else "",
                           str(count) if count else "", ""],
                    sort_keys=[person.name_key, person.status, nearest, count, None],
                    search=fold(" ".join([person.name, *(h.name for h in person.handles), *person.tags, person.city,
                                          person.email, phone_forms(person.phone)])),
                    colour=status_colour or ("red" if late == "red" else ""),
                    colours=colour_sets.setdefault((status_colour, late), {1: status_colour, 2: late}),
                    sublines={2: on_hold} if person.held else None,
                    extra={"statuses": shared((person.status, *person.stages, *(("disclosure",) if flagged else ()))),
                           "tags": shared(person.tags), "country": person.country, "person": person},
                    fill=fill, measure=_measure_rows,
                ))
            yield rows

    def refresh(self) -> None:
        keep = self.current_id
        super().refresh()
        if not self.model.all_rows:  # what it offers follows the data (products imported: no example shop)
            from desktop.store import first_run

            self.empty_text.setText(self.empty_help(example_offered=first_run.is_empty()))
        if hasattr(self, "tag_filter"):
            self._fill_tag_filter()
            if self._filters() != getattr(self, "_filtering", None):  # a tag gone with its last influencer
                self._apply_predicate()
        if keep is not None:
            self.select_person(keep)

    def _fill_tag_filter(self) -> None:
        current = self.tag_filter.currentData()
        tags = sorted({t for r in self.model.all_rows for t in r.extra.get("tags", ())})
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(_("All"), "")
        for tag in tags:
            self.tag_filter.addItem(tag, tag)
        self.tag_filter.setCurrentIndex(max(0, self.tag_filter.findData(current)))
        self.tag_filter.blockSignals(False)

    def _filters_changed(self, *_args) -> None:
        self._apply_predicate()

    def _filters(self) -> tuple:
        return self.status_filter.currentData(), self.tag_filter.currentData(), self.country_filter.currentData()

    def _apply_predicate(self) -> None:
        status, tag, country = self._filtering = self._filters()

        def keep(row: Row) -> bool:
            return ((not status or status in row.extra["statuses"]) and (not tag or tag in row.extra["tags"])
                    and (not country or row.extra["country"] == country))

        shown = self.current_id
        self.model.set_predicate(keep if (status or tag or country) else None)
        self._after_filter()
        self.follow_rows(shown)

    def _after_filter(self) -> None:
        super()._after_filter()
        # The filters themselves (not the search) let nobody through: the empty page says
        # so, naming what was chosen, with the way back to everyone (as Maatwerk does). A
        # search that finds nobody keeps its line under the list.
        hides = bool(self.model.all_rows) and not self.model.rows and not self.model.predicate_keeps_any()
        if not hides:
            self.show_filtered_empty(False)
            return
        from desktop.views.rows import without_shortcut

        tb = self.toolbar.findChild
        chosen = [
            # TRANSLATORS: one filter of Influencers as chosen, in the empty list's text: Status “Blocked”.
            _("{filter} “{value}”").format(filter=without_shortcut(tb(QLabel, label_name).text()),
                                           value=combo.currentText())
            for label_name, combo in (("statusFilterLabel", self.status_filter), ("tagFilterLabel", self.tag_filter),
                                      ("countryFilterLabel", self.country_filter))
            if combo.currentData()]
        self.show_filtered_empty(
            True, _("No influencers match these filters"),
            # TRANSLATORS: Influencers, when the filters above the list hide everybody; {filters} names
            # them: Status “Blocked”, Country “Belgium”.
            _("The list shows only the influencers that fit what you chose above it: {filters}. Your other "
              "influencers are all still there.").format(filters=", ".join(chosen)),
            _("Show all influencers"))

    def show_all(self) -> None:
        """Every filter back to "All", the list filtered once."""
        for combo in (self.status_filter, self.tag_filter, self.country_filter):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self._apply_predicate()

    def select_person(self, person_id: int) -> None:
        i = self.model.index_of(person_id)
        if i is not None:
            if self.table.currentIndex().row() == i:
                self.show_detail(person_id)  # same row: the signal won't come, rebuild anyway
            else:
                self.table.selectRow(i)

    def selected_ids(self) -> list[int]:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        return [self.model.rows[r].id for r in sorted(rows) if r < len(self.model.rows)]

    # --- actions -------------------------------------------------------------------
    def _person(self) -> Person | None:
        return lookups.person(self.current_id) if self.current_id else None

    def _after_change(self, person_id: int | None = None) -> None:
        from desktop import reminders

        if person_id is not None:
            self.current_id = person_id
        reminders.notify_changed()  # a deadline, a delivery, a block: every count follows
        self.refresh()
        if self.current_id is not None:
            self.select_person(self.current_id)

    def new_influencer(self) -> None:
        from desktop.views.influencer_dialog import InfluencerDialog

        dialog = InfluencerDialog(self)
        if dialogs.run(dialog):
            self._after_change(dialog.person.id)
            if self.isVisible():  # asked from elsewhere ("Getting started"), the focus stays there
                self.table.setFocus(Qt.OtherFocusReason)  # on her new row, not on the button that made her

    def edit_influencer(self) -> None:
        from desktop.views.influencer_dialog import InfluencerDialog

        person = self._person()
        if person is not None and dialogs.run(InfluencerDialog(self, person)):
            self._after_change(person.id)

    def new_collaboration(self, person: Person | None = None) -> None:
        from desktop.views.collaboration_dialog import CollaborationDialog

        person = person or self._person()
        if person is None:
            dialogs.inform(self, _("New collaboration"), _("Choose an influencer in the list first."))
            return
        if dialogs.run(CollaborationDialog(self, person)):
            self._after_change(person.id)

    def edit_collaboration(self, collaboration: Collaboration) -> None:
        from desktop.views.collaboration_dialog import CollaborationDialog

        if dialogs.run(CollaborationDialog(self, collaboration=collaboration)):
            self._after_change(collaboration.person_id)

    def log_content(self, collaboration: Collaboration) -> None:
        from desktop.views.content_dialog import ContentDialog

        if dialogs.run(ContentDialog(self, collaboration)):
            self._after_change(collaboration.person_id)

    def check_content(self, content: Content) -> None:
        """"Check…": what she found when she looked at a post's points nobody checked."""
        from desktop.views.content_check_dialog import ContentCheckDialog

        if dialogs.run(ContentCheckDialog(self, content)):
            self._after_change(content.collaboration.person_id)

    def add_strike(self, person: Person, collaboration: Collaboration | None = None) -> None:
        from desktop.views.small_dialogs import StrikeDialog

        if dialogs.run(StrikeDialog(self, person, collaboration)):
            self._after_change(person.id)

    def rate(self, collaboration: Collaboration) -> None:
        from desktop.views.small_dialogs import RatingDialog

        if dialogs.run(RatingDialog(self, collaboration)):
            self._after_change(collaboration.person_id)

    def end_collaboration(self, collaboration: Collaboration) -> None:
        from desktop.views.small_dialogs import EndDialog

        if dialogs.run(EndDialog(self, collaboration)):
            self._after_change(collaboration.person_id)

    def closing_message(self, person: Person, ending) -> None:
        """"Closing message…": the message that tells her the collaboration (or those ended
        with it) ended, for an ending nobody told her of."""
        from desktop.views.small_dialogs import EndingMessageDialog

        if dialogs.run(EndingMessageDialog(self, person, ending)):
            self._after_change(person.id)

    def block(self, person: Person) -> None:
        from desktop.views.small_dialogs import BlockDialog

        if dialogs.run(BlockDialog(self, person)):
            self._after_change(person.id)

    def unblock(self, person: Person) -> None:
        if dialogs.confirm(self, _("Unblock"), _("Allow new collaborations with {name} again?").format(name=person.name)):
            ops.unblock(person, clock.utcnow())
            self._after_change(person.id)

    def lift_strike(self, strike: Strike) -> None:
        if dialogs.confirm(self, _("Lift strike"), _("Lift this strike? It stays in the history.")):
            ops.lift_strike(strike, clock.utcnow())
            self._after_change(strike.person_id)

    def confirm_version(self, version: AgreementVersion) -> None:
        ops.confirm_version(version, clock.utcnow())
        self._after_change(version.collaboration.person_id)

    def show_message(self, person: Person, text: str, prompt: str, collaboration: Collaboration | None = None) -> None:
        from desktop.views.small_dialogs import MessageDialog

        if dialogs.run(MessageDialog(self, person, text, prompt, collaboration)):
            self._after_change(person.id)

    def tag_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            dialogs.inform(self, _("Tag selected"), _("Select one or more influencers in the list first."))
            return
        tag = dialogs.ask_text(self, _("Tag selected"), ngettext(
            "Tag to add to {n} influencer:", "Tag to add to {n} influencers:", len(ids)).format(n=len(ids)))
        tag = tag.strip().lstrip("#").lower()
        if tag:
            ops.add_tag(ids, tag)
            self.refresh()

    def export_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            self.model.complete()  # every row the list shows, also those still to come
            ids = [r.id for r in self.model.rows]
        if not ids:
            return
        # TRANSLATORS: suggested file name of the influencer list export. No spaces.
        path = dialogs.ask_save_path(self, _("Export influencers"), str(Path.home() / _("influencers.csv")),
                                     _("CSV file (*.csv)"))
        if not path:
            return
        try:
            influencer_export.write(path, ids)
        except OSError as exc:
            dialogs.warn(self, _("Export failed"), _("The file could not be written: {error}").format(
                error=errors.unwritable(exc)))
            return
        self.status_message.emit(ngettext("{n} influencer exported to {path}",
                                          "{n} influencers exported to {path}", len(ids)).format(n=len(ids), path=path))

    # --- detail pane ---------------------------------------------------------------
    def show_detail(self, row_id: int | None) -> None:
        super().show_detail(row_id)
        # A collaboration is with the influencer chosen in the list; Labelen… and Exporteren…
        # act on the list's influencers. With none chosen (an empty list, a search that finds
        # nobody) they answered "choose one first" or nothing at all (audit 9, new owner F11):
        # off, their tooltip saying why.
        chosen = row_id is not None
        for name, why in (("newCollaboration", _("Choose an influencer in the list first.")),
                          ("tagSelected", _("Select one or more influencers in the list first.")),
                          ("exportSelected", _("No influencers in the list to export."))):
            button = self.toolbar.findChild(QPushButton, name)
            button.setEnabled(chosen)
            button.setToolTip("" if chosen else why)
        self._detail_heights = {}
        self._fit_detail()
        # New widgets know their wrapped height only once polished: measure again after this event.
        QTimer.singleShot(0, self, self._fit_polished_detail)  # with self: not after the view is gone

    def _fit_polished_detail(self) -> None:
        self._detail_heights = {}  # measured before the polish: may be short
        self._fit_detail()

    def eventFilter(self, watched, event):
        kind = event.type()
        if kind in (QEvent.FontChange, QEvent.StyleChange, QEvent.DevicePixelRatioChange):
            # Other letters or another screen: every wrapped line measured again, once the
            # pane has them (the pane's width may stay the same: no resize asks for it).
            self._detail_heights = {}
            QTimer.singleShot(0, self, self._fit_detail)
        if kind == QEvent.Resize and watched is self.detail_scroll.viewport():
            self._fit_detail()
        return super().eventFilter(watched, event)

    def _fit_detail(self) -> None:
        """Wrapped lines need their full height: give the pane what its layout needs at this width.

        Each width is measured once for the pane's content (``_detail_heights``, emptied
        when it is filled again, polished, or its font or screen changes): the product dock that
        comes and goes with this view resizes the pane on every switch back, twice, and
        measuring every wrapped line again took 5-10 ms of each (docs/PERFORMANCE.md, fix 49)."""
        layout = self.detail.layout()
        width = self.detail_scroll.viewport().width()
        if layout.hasHeightForWidth():
            height = self._detail_heights.get(width)
            if height is None:
                height = self._detail_heights[width] = layout.totalHeightForWidth(width)
            self.detail.setMinimumHeight(height)

    def fill_detail(self, row_id: int, layout: QVBoxLayout) -> None:
        # Everything the pane shows, read at once (store/influencer_detail.py): the sections
        # below only word it.
        detail = influencer_detail.detail(row_id)
        if detail is None:
            return
        person = detail.person
        now = clock.utcnow()
        self._detail_header(layout, person)
        self._detail_actions(layout, person)
        self._detail_reminders(layout, person)
        self._detail_score(layout, person, now)
        self._detail_profile(layout, person)
        self._detail_handles(layout, detail.handles)
        # her endings no message told her of, by collaboration ("Closing message…")
        self._untold = {c: ending for ending in detail.untold for c in ending.collaborations}
        self._detail_collaborations(layout, detail.collaborations)
        self._detail_strikes(layout, detail, now)
        self._detail_ratings(layout, detail.ratings)
        self._detail_timeline(layout, detail.events)
        self._detail_notes(layout, person)

    def _detail_reminders(self, layout, person: Person) -> None:
        from desktop.views.due_dialog import add_reminders_section

        add_reminders_section(self, layout, person.id)

    def _detail_header(self, layout, person: Person) -> None:
        self.add_heading(layout, person.name)
        if person.status != "active":
            text = _("Status: {status}. {reason}").format(status=label("person_status", person.status),
                                                          reason=person.status_reason)
            layout.addWidget(self._styled(text.strip(), WARNING_STYLE))

    def _detail_actions(self, layout, person: Person) -> None:
        buttons = [(_("Edit…"), self.edit_influencer), (_("New collaboration…"), lambda: self.new_collaboration(person)),
                   (_("Add a strike…"), lambda: self.add_strike(person))]
        if person.status == "blocked":
            buttons.append((_("Unblock"), lambda: self.unblock(person)))
        else:
            buttons.append((_("Block…"), lambda: self.block(person)))
        layout.addWidget(self._button_row(buttons, "personActions", per_line=2))

    def _detail_score(self, layout, person: Person, now) -> None:
        score = ops.scores([person.id], now)[person.id]
        head = (_("Reliability: {score} out of 100").format(score=score.value) if score.value is not None
                else _("Reliability: no score yet"))
        label_widget = plain_label(head, bold=True)
        label_widget.setToolTip(score.explanation())
        label_widget.setObjectName("scoreLabel")
        layout.addWidget(label_widget)
        for line in score.lines:
            layout.addWidget(self._styled(line, MUTED_STYLE))

    def _detail_profile(self, layout, person: Person) -> None:
        card = delivery_texts.card_address(person)
        pairs = [
            (_("Email"), person.email),
            (_("Phone"), person.phone),
            (_("WhatsApp"), person.whatsapp),
            # the country in a field of its own below (it also tells her language)
            (_("Address"), address_texts.address_text(card, screen=True, with_country=False)),
            # "another country" named when a shop's order to her address names it
            (_("Country"), (card.written and address_texts.country_words(card, home="")) or label("country", person.country)),
            (_("Language"), label("language", person.language)),
            (_("Form of address"), label("address_form", person.address_form)),
            (_("Tags"), ", ".join(person.tags)),
        ]
        # Field names beside their values, as in the other panes; a field without a value is left out.
        shown = [(name, value) for name, value in pairs if value]
        if shown:
            self.add_fields(layout, shown)

    def _detail_handles(self, layout, handles: list[Handle]) -> None:
        self.add_section(layout, _("Handles"))
        lines = []
        for h in handles:
            account = dict(platform=label("platform", h.platform), handle=display(h.platform, h.name))
            if h.followers is None:  # not filled in: unknown, not "0 followers"
                # TRANSLATORS: influencer pane, an account whose followers were not filled in: "Instagram: @sanne".
                lines.append(_("{platform}: {handle}").format(**account))
            else:
                lines.append(_("{platform}: {handle} ({followers} followers)").format(
                    followers=i18n.format_number(h.followers), **account))
            if h.url:  # a line of its own under the account: a long address wraps under its start
                lines.append("    " + h.url)
        self.add_lines(layout, lines, _("No handles yet."))

    def _detail_collaborations(self, layout, collaborations: list[CollaborationDetail]) -> None:
        self.add_section(layout, _("Collaborations"))
        if not collaborations:
            layout.addWidget(plain_label(_("No collaborations yet. Start one with “New collaboration…”.")))
        for shown in collaborations:
            self._detail_collaboration(layout, shown)

    def _detail_collaboration(self, layout, shown: CollaborationDetail) -> None:
        c = shown.collaboration
        # TRANSLATORS: influencer pane, a collaboration's heading: its title (itself often "Gifted: Ring") and its
        # status, e.g. "Gifted: Ring · Proposed" (not a second colon).
        title = _("{title} · {status}").format(title=c.title or _("(untitled)"), status=label("collab_status", c.status))
        layout.addWidget(plain_label(title, bold=True))
        facts = []
        if c.agreed_at:
            facts.append(_("Agreed on {date}").format(date=i18n.list_date(clock.to_local(c.agreed_at))))
        given = collab_rules.gifts_words(shown.gifts, c.products, lambda quantity, product: _(
            "{quantity} × {product}").format(quantity=quantity, product=product))
        if given:
            facts.append(given)
        tags = " ".join(c.required_mentions + c.required_hashtags)
        if tags:
            facts.append(tags)
        if facts:
            layout.addWidget(self._styled(" · ".join(facts), MUTED_STYLE))
        self._detail_deliverables(layout, shown)
        self._detail_versions(layout, shown)
        self._detail_content(layout, shown)
        self._detail_cost(layout, shown)
        if c.end_reason:
            layout.addWidget(plain_label(_("Ended: {reason}").format(reason=c.end_reason)))
        buttons = [(_("Edit…"), lambda: self.edit_collaboration(c))]
        if collab_rules.is_open(c.status):
            buttons.append((_("Log content…"), lambda: self.log_content(c)))
        buttons.append((_("Agreement in writing…"), lambda: self.show_message(
            c.person, _agreement_message(c), _("The agreement in writing: send it and ask for a short “yes”."), c)))
        if not collab_rules.is_open(c.status) or c.status == "posted":
            buttons.append((_("Rate…"), lambda: self.rate(c)))
        if collab_rules.is_open(c.status):
            buttons.append((_("End…"), lambda: self.end_collaboration(c)))
        ending = getattr(self, "_untold", {}).get(c.id)
        if ending is not None:  # ended (after the final reminder, say) and she was never told
            # TRANSLATORS: influencer pane, a collaboration that ended and whose ending she was never told:
            # opens the ready message that tells her (gone once it is marked sent).
            buttons.append((_("Closing message…"), lambda: self.closing_message(c.person, ending)))
        layout.addWidget(self._button_row(buttons, f"collaborationActions{c.id}", per_line=2))

    def _detail_deliverables(self, layout, shown: CollaborationDetail) -> None:
        c = shown.collaboration
        now = clock.utcnow()
        lines = []
        for d, done in shown.deliverables:
            if d.delivered_at:
                state = _("posted {date}").format(date=i18n.list_date(clock.to_local(d.delivered_at)))
            elif d.deadline and shown.gift_pending:
                # TRANSLATORS: influencer pane, a deliverable not asked for because the products agreed
                # have not been sent to her yet; {date} is its deadline.
                state = _("due {date}; on hold until the gift is sent").format(
                    date=i18n.list_date(clock.to_local(d.deadline)))
            elif d.deadline and not shown.chased and collab_rules.is_open(c.status):
                # TRANSLATORS: influencer pane, a deliverable not asked for because every parcel of its
                # collaboration came back or got lost.
                state = _("on hold: the parcel came back or got lost")
            elif d.deadline and d.deadline < now and collab_rules.is_open(c.status):
                state = _("overdue since {date}").format(date=i18n.list_date(clock.to_local(d.deadline)))
            elif d.deadline:
                state = _("due {date}").format(date=i18n.list_date(clock.to_local(d.deadline)))
            else:
                state = ""
            lines.append("    • " + _deliverable_line(label("deliverable", d.kind), d.count, done,
                                                  bool(d.delivered_at), state))
        if not lines and (shown.promise_missing or shown.nothing_agreed):
            self._detail_no_promise(layout, shown)
            return
        self.add_lines(layout, lines, "    " + _("No deliverables."))

    def _detail_no_promise(self, layout, shown: CollaborationDetail) -> None:
        """A gift given (or on its way) and nothing written down that she does in return: what
        is missing and the button that writes it down (views/agreement_task.py); or, once the
        owner said so on the task, that nothing was agreed."""
        from desktop.presentation import due_texts

        c = shown.collaboration
        if shown.nothing_agreed:
            # TRANSLATORS: influencer pane, a collaboration whose "record the agreement" task the
            # owner ended with "Nothing agreed".
            layout.addWidget(plain_label("    " + _("Nothing agreed in return: a gift with no strings attached.")))
            return
        # TRANSLATORS: influencer pane, instead of "No deliverables." for a collaboration with a gift
        # (a parcel) and nothing written down about what she does in return.
        missing = plain_label("    " + _("Nothing written down yet about what {name} does in return for the gift: "
                                         "Afspraak can only follow up what you write down.").format(name=c.person.name))
        missing.setWordWrap(True)
        missing.setObjectName(f"noPromise{c.id}")
        theme.set_text_colour(missing, "amber")
        layout.addWidget(missing)
        layout.addWidget(self._button_row([(due_texts.agreement_open_text(), lambda: self.record_agreement(c))],
                                          f"recordAgreement{c.id}"))

    def record_agreement(self, collaboration: Collaboration) -> None:
        from desktop.views.agreement_task import record_agreement

        if record_agreement(self, collaboration.id):
            self._after_change(collaboration.person_id)

    def _detail_versions(self, layout, shown: CollaborationDetail) -> None:
        versions = shown.versions
        if not versions:
            return
        layout.addWidget(plain_label("    " + _("Agreement history")))
        for v in versions:
            who = label("requested_by", v.requested_by)
            state = _("confirmed") if v.confirmed else _("not confirmed yet")
            when = i18n.list_date(clock.to_local(v.changed_at))
            if v.reason:
                lines = [_("{date}, asked by {who} ({state}): {reason}").format(
                    date=when, who=who.lower(), state=state, reason=v.reason)]
            else:  # moved by Afspraak itself (a late gift): the timeline says why
                # TRANSLATORS: a change to an agreement with no reason typed: "5 Dec, changed by the shop (not confirmed yet)".
                lines = [_("{date}, changed by {who} ({state})").format(date=when, who=who.lower(), state=state)]
            for key, (old, new) in v.changes.items():
                lines.append("    " + _("{term}: {old} → {new}").format(
                    term=_(collab_rules.TERM_LABELS.get(key, key)), old=self._term(key, old), new=self._term(key, new)))
            for line in lines:
                layout.addWidget(plain_label("      " + line))
            if not v.confirmed:
                # TRANSLATORS: a button under a change to an agreement; short, the pane is narrow on a laptop.
                buttons = [(_("Confirmed by the influencer"), lambda v=v: self.confirm_version(v))]
                moved = len(_moved_deadlines(v)) if v.requested_by == "shop" and not v.reason else 0
                if moved:
                    # Afspraak moved her deadlines itself (a late gift, a new parcel): the new
                    # dates in writing, in her language, for her "yes".
                    prompt = ngettext("The new date in writing: send it and ask for a short “yes”.",
                                      "The new dates in writing: send them and ask for a short “yes”.", moved)
                    buttons.insert(0, (ngettext("Message with the new date…", "Message with the new dates…", moved),
                                       lambda v=v, prompt=prompt: self.show_message(
                                           v.collaboration.person, _moved_message(v), prompt, v.collaboration)))
                layout.addWidget(self._button_row(buttons, f"confirmVersion{v.id}"))

    @staticmethod
    def _term(key, value) -> str:
        return collab_rules.describe_value(key, value, i18n.format_money, i18n.format_date,
                                           lambda k: label("deliverable", k))

    def _detail_content(self, layout, shown: CollaborationDetail) -> None:
        """Each content record is one widget: picture files dropped on it become its evidence."""
        c = shown.collaboration
        for content, pictures in shown.contents:
            record = QWidget()
            record.setObjectName(f"contentRecord{content.id}")
            record.setProperty(evidence_view.CONTENT_PROPERTY, content.id)
            record.setToolTip(_("Drop screenshots here to keep them as evidence."))
            box = QVBoxLayout(record)
            box.setContentsMargins(0, 0, 0, 0)
            box.setSpacing(layout.spacing())
            line = event_texts.content_line(content)
            figures = [(_("views"), content.views), (_("likes"), content.likes), (_("comments"), content.comments),
                       (_("link clicks"), content.link_clicks), (_("code uses"), content.code_uses)]
            shown = ", ".join(f"{i18n.format_number(v)} {n}" for n, v in figures if v is not None)
            if content.revenue_cents:
                shown += (", " if shown else "") + _("revenue {amount}").format(amount=i18n.format_money(content.revenue_cents))
            box.addWidget(plain_label("    ▸ " + line))
            if shown:
                box.addWidget(self._styled("      " + shown, MUTED_STYLE))
            buttons = [(_("Add evidence…"), lambda content=content: self.choose_evidence(content))]
            from desktop.presentation.disclosure_texts import content_notes, points_to_check

            notes = content_notes(content)
            for how, text in notes.lines:
                box.addWidget(self._styled("      " + text, NOTE_STYLES[how]))
            if points_to_check(content):
                # TRANSLATORS: influencer pane, under a post with points nobody checked (or found missing):
                # opens a dialog to record what the owner found when she looked (in order, missing, not
                # checked yet).
                buttons.append((_("Check…"), lambda content=content: self.check_content(content)))
            if notes.ask:
                buttons.append((_("Ask for it to be added…"), lambda content=content, prompt=notes.ask_prompt:
                                self.show_message(c.person, _label_message(content), prompt, c)))
            if pictures:
                box.addWidget(self._styled("      " + ngettext("Evidence: {n} picture", "Evidence: {n} pictures",
                                                                 len(pictures)).format(n=len(pictures)), MUTED_STYLE))
                box.addWidget(evidence_view.thumbnails(pictures, f"evidencePictures{content.id}"))
            box.addWidget(self._button_row(buttons, f"contentActions{content.id}", per_line=1))
            layout.addWidget(record)

    # --- evidence ------------------------------------------------------------------
    def choose_evidence(self, content: Content) -> None:
        """The keyboard and mouse route: "Add evidence…" with a file dialog (several files at once)."""
        files = dialogs.ask_open_paths(self, _("Add evidence"), evidence_view.file_filter())
        if files:
            self.add_evidence(content.id, [Path(f) for f in files])

    def add_evidence(self, content_id: int, files: list[Path]):
        """Copy the pictures in as evidence (all or nothing); undo through Edit → Undo. A file
        that is not a picture, or not one whole (cut off, damaged), refuses the lot, and every
        such file is named with what is wrong with it."""
        refused = picture_check.refusals(files)  # every one named, not just the first
        if not refused:
            try:
                added = evidence_store.add(content_id, files, clock.utcnow(), check=picture_check.decodes)
            except evidence_store.NotAPicture as exc:  # changed since: the store reads it again
                refused = [exc]
            except OSError as exc:
                dialogs.warn(self, _("No evidence added"), _(
                    "The picture could not be saved: {error}. Nothing was added.").format(error=errors.unwritable(exc)))
                return None
        if refused:
            dialogs.warn(self, _("No evidence added"), errors.pictures_refused(refused))
            return None
        content = lookups.content(content_id)
        # TRANSLATORS: what Edit → Undo takes back: "Undo evidence for Reel on Instagram".
        what = _("evidence for {content}").format(content=event_texts.content_title(content))
        self.undoable.emit(EvidenceAdded(what, added, files, self))
        self._after_change(content.collaboration.person_id)
        return added

    def _detail_cost(self, layout, shown: CollaborationDetail) -> None:
        text = cost_texts.cost_line(shown.cost)
        if text:
            layout.addWidget(self._styled("    " + text, MUTED_STYLE))

    def _detail_strikes(self, layout, detail: InfluencerDetail, now) -> None:
        strikes = [s for s, _pictures in detail.strikes]
        policy = detail.policy
        from desktop.domain import strikes as strike_rules

        counting = [s for s in strikes if strike_rules.counts(strike_rules.StrikeInfo(s.id, s.created_at, s.lifted_at),
                                                              policy, now)]
        self.add_section(layout, ngettext("{n} strike (inactive at {limit})", "{n} strikes (inactive at {limit})",
                                          len(counting)).format(n=len(counting), limit=policy.to_inactive))
        if not strikes:
            layout.addWidget(plain_label(_("No strikes.")))
        for s, pictures in detail.strikes:
            text = _("{date}: {reason}").format(date=i18n.list_date(clock.to_local(s.created_at)),
                                                reason=label("strike_reason", s.reason))
            if s.evidence:
                text += " · " + s.evidence.replace("\n", " · ")
            if s.lifted_at:
                text += " · " + _("lifted {date}").format(date=i18n.list_date(clock.to_local(s.lifted_at)))
                layout.addWidget(self._styled(text, MUTED_STYLE))
            elif s in counting:
                row = QWidget()
                h = QHBoxLayout(row)
                h.setContentsMargins(0, 0, 0, 0)
                h.addWidget(plain_label(text), 1)
                button = QPushButton(_("Lift"))
                button.clicked.connect(lambda _c=False, s=s: self.lift_strike(s))
                h.addWidget(button)
                layout.addWidget(row)
            else:
                layout.addWidget(self._styled(text + " · " + _("expired"), MUTED_STYLE))
            if pictures:
                layout.addWidget(evidence_view.thumbnails(pictures, f"strikeEvidence{s.id}"))

    def _detail_ratings(self, layout, ratings: list[Rating]) -> None:
        self.add_section(layout, _("Ratings"))
        lines = []
        for r in ratings:
            stars = (r.communication + r.quality + r.punctuality + r.result) / 4
            lines.append(_("{title}: {stars} out of 5 (communication {c}, quality {q}, punctuality {p}, result {r})").format(
                title=r.collaboration.title, stars=i18n.format_number(round(stars, 1)), c=r.communication,
                q=r.quality, p=r.punctuality, r=r.result))
            lines.append("    " + (_("Would work together again") if r.work_again else _("Would not work together again"))
                         + (" · " + r.note if r.note else ""))
        self.add_lines(layout, lines, _("No ratings yet: rate a collaboration when it is finished."))

    def _detail_timeline(self, layout, events: list[Event]) -> None:
        self.add_section(layout, _("Latest on the timeline"))
        self.add_lines(layout, [event_texts.dated_line(e) for e in events], _("Nothing on the timeline yet."))

    def _detail_notes(self, layout, person: Person) -> None:
        if person.notes:
            self.add_section(layout, _("Notes"))
            self.add_lines(layout, [person.notes], "")

    # --- small widgets -------------------------------------------------------------
    def _styled(self, text: str, style: str):
        w = plain_label(text)
        theme.set_text_colour(w, style)
        return w

    def _button_row(self, buttons, name: str, per_line: int = 3) -> QWidget:
        """Buttons that wrap to a new line when the pane is narrow (never sideways).
        ``per_line`` is kept for callers; the width of the pane decides now."""
        from desktop.views.flow import flow_of

        made = []
        for text, slot in buttons:
            button = QPushButton(text)
            button.clicked.connect(lambda _checked=False, slot=slot: slot())
            made.append(button)
        return flow_of(made, name)


class _CompleteFirst(QObject):
    """Before the owner uses ``widget`` (clicks it, tabs into it, scrolls over it), the list
    reads the rows still to come: the tag filter offers every influencer's tags."""

    def __init__(self, model, widget):
        super().__init__(widget)
        self._model = model
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event):
        if event.type() in _REACHING and self._model.loading:
            self._model.complete()
        return False


_REACHING = (QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn, QEvent.Type.Wheel, QEvent.Type.KeyPress)


def _score_stand_ins() -> tuple[str, ...]:
    """Texts at least as wide as any score ("100", "87", "–") or rating ("★ 4,5") the score
    column shows: each digit twice (two of the widest digit are wider than any two digits),
    whatever the font's digits are."""
    return ("100", "–", *(d * 2 for d in "0123456789"),
            *("★ " + i18n.format_number(int(d) + int(d) / 10) for d in "123456789"))  # "★ 4,4"


def _measure_rows(rows: list) -> None:
    """Write what the columns are measured on, the account line, and no score (LazyRow.measure)."""
    for row in rows:
        person = row.extra["person"]
        row.subline = _account_line(person.handles, sum(h.followers or 0 for h in person.handles))


def _fill_rows(now, rows: list) -> None:
    """Write the shown rows' score, rating, account line and tooltip (LazyRow)."""
    for row in rows:
        row.fill = None
    _measure_rows(rows)  # the account line, as measured
    scores, ratings = ops.list_figures([row.id for row in rows], now)
    for row in rows:
        person = row.extra["person"]
        score, rating = scores[row.id], ratings.get(row.id)
        row.cells[4] = str(score.value) if score.value is not None else "–"
        row.sort_keys[4] = score.value
        if rating:  # beside the deadline's "on hold" (_rows), when there is one
            row.sublines = {**(row.sublines or {}), 4: "★ " + i18n.format_number(round(rating, 1))}
        # The tooltip (with the score's explanation) is written when Qt asks for it.
        row.tooltip = partial(_row_tooltip, person.status_reason, person.flagged, score)


def _deliverable_line(kind: str, count: int, done: int, delivered: bool, state: str) -> str:
    """A deliverable in words: "Post: 1 agreed, not posted yet · due 13 Dec 2026",
    "Reel: 1 of 2 posted", "Story: 3 agreed · posted 2 Dec 2026"."""
    if delivered and state:  # state: "posted {date}"
        # TRANSLATORS: a deliverable of a collaboration, every one placed, followed by the
        # day it was: "Post: 1 agreed · posted 2 Dec 2026" (not "posted · posted 2 Dec")
        progress = ngettext("{count} agreed", "{count} agreed", count).format(count=count)
    elif delivered or (count and done >= count):
        # TRANSLATORS: a deliverable of a collaboration, every one placed: "Post: 1 agreed, posted"
        progress = ngettext("{count} agreed, posted", "{count} agreed, all posted", count).format(count=count)
    elif not done:
        # TRANSLATORS: a deliverable of a collaboration, none placed yet: "Post: 1 agreed, not posted yet"
        progress = ngettext("{count} agreed, not posted yet", "{count} agreed, none posted yet",
                            count).format(count=count)
    else:
        # TRANSLATORS: a deliverable of a collaboration, some placed: "Story: 1 of 3 posted"
        progress = ngettext("{done} of {count} posted", "{done} of {count} posted", count).format(
            done=done, count=count)
    # TRANSLATORS: "Post: 1 agreed, not posted yet" (the kind of content, then how far it is)
    line = _("{kind}: {progress}").format(kind=kind, progress=progress)
    return line + (" · " + state if state else "")


def _row_tooltip(status_reason: str, flagged: bool, score) -> str:
    return "\n".join(x for x in (status_reason, _("Disclosure missing on posted content") if flagged else "",
                                  score.explanation()) if x)


def _account_line(handles: list, followers: int) -> str:
    """Under the name: "@sanne +1 · 27.600 followers" (or what there is of it)."""
    parts = []
    if handles:
        top = handles[0]
        more = len(handles) - 1
        parts.append(display(top.platform, top.name) + (f" +{more}" if more else ""))
    if followers:
        parts.append(ngettext("{n} follower", "{n} followers", followers).format(n=i18n.format_number(followers)))
    return " · ".join(parts)


def _agreement_message(c: Collaboration) -> str:
    from desktop.presentation.collab_texts import agreement_message

    return agreement_message(c)


def _moved_deadlines(version) -> list:
    from desktop.presentation.collab_texts import moved_deadlines

    return moved_deadlines(version)


def _moved_message(version) -> str:
    from desktop.presentation.collab_texts import moved_message

    return moved_message(version)


def _label_message(content: Content) -> str:
    from desktop.presentation.collab_texts import label_request_message

    return label_request_message(content)
