"""Vandaag's getting-started list ("Zo begin je"): the four things to do first, each ticked
off as soon as the data says it is done, with the button that does it; and the example
shop to look around in, loaded and removed again in one step.

The facts come from ``store/first_run.py`` (computed from the data, never stored as
flags); the list stays until every step is done or the owner hides it, and *Help → Zo
begin je* brings it back. While the example shop is loaded it is one line ("Voorbeeldwinkel":
what it is, and the button that removes it): the steps are about her own shop, which none
of the example's rows are, so they would all read "to do" beside a shop that has everything.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import _
from desktop.views import dialogs, theme
from desktop.views.base import plain_label

DONE_MARK = "✓"


class GettingStarted(QFrame):
    """The list; ``changed`` fires after it changed the data (the example shop, the names).

    What it needs of the rest of the window it asks through signals (the window connects
    them, views/main_window.py): the import, a new influencer or collaboration (the
    Influencers view's dialogs), every view refreshed, a status-bar message."""

    changed = Signal()
    focus_elsewhere = Signal()  # a step done and none left in sight: the keys go on in the view
    import_requested = Signal()
    new_influencer_requested = Signal()
    new_collaboration_requested = Signal(object)  # the Person
    data_changed = Signal()
    status_message = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("gettingStarted")
        self.setStyleSheet(theme.banner_style("gettingStarted", "blue"))
        self._asked = False  # shown from the Help menu: stays until hidden again
        outer = QVBoxLayout(self)
        outer.setContentsMargins(theme.M, theme.S, theme.M, theme.S)
        outer.setSpacing(theme.S)

        top = QHBoxLayout()
        self.heading = plain_label(_("Getting started"), bold=True, wrap=False)
        self.heading.setFont(theme.scaled_font(self.heading.font(), theme.HEADING_SCALE))
        top.addWidget(self.heading)
        self.intro = plain_label(_("Four steps, then Afspraak keeps track of every promise for you."))
        top.addWidget(self.intro, 1)
        self.fold_button = self._button("gettingStartedFold", "", self.toggle_folded)
        top.addWidget(self.fold_button)
        # While the example shop is loaded the list is this one line: what it is, and the way out.
        # (Its own words are short: the heading beside it says what it removes.)
        self.remove_button = self._button("exampleRemove", _("Remove"), self.remove_example)
        self.remove_button.setToolTip(_("Remove the example shop"))
        self.remove_button.setAccessibleName(_("Remove the example shop"))
        top.addWidget(self.remove_button)
        self.hide_button = self._button("gettingStartedHide", _("Hide"), self.hide_for_good)
        top.addWidget(self.hide_button)
        outer.addLayout(top)

        self.steps_box = QWidget()
        self.steps_box.setObjectName("gettingStartedSteps")
        grid = QGridLayout(self.steps_box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(theme.M)
        grid.setVerticalSpacing(theme.S)
        grid.setColumnStretch(1, 1)
        self.marks: list[QLabel] = []
        self.notes: list[QLabel] = []  # the explanation under each step (a tooltip when compact)
        self.names_form = self._names_form()
        steps = (
            (_("Your shop and your name"),
             _("Your messages are signed with them."), self.names_form),
            (_("Import your products"),
             _("From your shop's export (WooCommerce, Shopify or Etsy): use the button, or drop the CSV file "
               "anywhere on this window."),
             self._button("gettingStartedImport", _("Import products…"), self.import_products)),
            (_("Your first influencer"),
             _("Her handles, address and how she likes to be addressed."),
             self._button("gettingStartedInfluencer", _("New influencer…"), self.new_influencer)),
            (_("Your first agreement"),
             _("What she gets, what she makes and by when: the reminders follow from it."),
             self._button("gettingStartedAgreement", _("New collaboration…"), self.new_collaboration)),
        )
        for row, (title, explanation, action) in enumerate(steps):
            mark = QLabel(str(row + 1))
            mark.setObjectName(f"gettingStartedMark{row + 1}")
            mark.setAlignment(Qt.AlignCenter)
            mark.setMinimumWidth(self.fontMetrics().horizontalAdvance(DONE_MARK) * 2)
            self.marks.append(mark)
            grid.addWidget(mark, row, 0, Qt.AlignTop)
            text = plain_label(title, bold=True)
            note = plain_label(explanation)
            note.setStyleSheet("color: {c};".format(c=theme.css(theme.muted_colour())))
            text.setToolTip(explanation)
            self.notes.append(note)
            holder = QWidget()
            column = QVBoxLayout(holder)
            column.setContentsMargins(0, 0, 0, 0)
            column.setSpacing(0)
            column.addWidget(text)
            column.addWidget(note)
            grid.addWidget(holder, row, 1)
            grid.addWidget(action, row, 2, Qt.AlignVCenter | Qt.AlignRight)
        self.agreement_button: QPushButton = steps[3][2]
        self._agreement_explanation = steps[3][1]  # said with why its button is grey, when it is
        outer.addWidget(self.steps_box)

        self.example_line = QFrame()
        self.example_line.setFrameShape(QFrame.HLine)
        self.example_line.setFrameShadow(QFrame.Sunken)
        outer.addWidget(self.example_line)
        example = QHBoxLayout()
        self.example_text = plain_label(_(
            "Want to look around first? Load an invented example shop with influencers, products and "
            "reminders; you can remove it again in one step."))
        example.addWidget(self.example_text, 1)
        self.load_button = self._button("exampleLoad", _("Load the example shop"), self.load_example)
        example.addWidget(self.load_button)
        outer.addLayout(example)
        self.progress = None
        self._compact = False  # Vandaag has reminders below: the steps fold away unless the owner opened them

    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    def _names_form(self) -> QWidget:
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        self.shop_name = QLineEdit()
        self.shop_name.setObjectName("gettingStartedShop")
        self.shop_name.setPlaceholderText(_("Shop name"))
        self.owner_name = QLineEdit()
        self.owner_name.setObjectName("gettingStartedOwner")
        self.owner_name.setPlaceholderText(_("Your name"))
        for field in (self.shop_name, self.owner_name):
            field.setAccessibleName(field.placeholderText())  # a placeholder is no name for a screen reader
            field.setMinimumWidth(110)  # the window stays as narrow as the owner likes (700 px)
            field.returnPressed.connect(self.save_names)
            row.addWidget(field)
        save = self._button("gettingStartedSaveNames", _("Save"), self.save_names)
        row.addWidget(save)
        return holder

    # --- state ---------------------------------------------------------------------
    def set_compact(self, compact: bool) -> None:
        """With reminders in the list below (the example shop), the steps fold away to one
        line (unless the owner opened them: remembered), and open they take one line each:
        the explanations become tooltips, so the list and its detail keep their room."""
        self._compact = compact
        for note in self.notes:
            note.setVisible(not compact)
        if self.progress is not None:
            self._show_folded()

    def is_folded(self) -> bool:
        chosen = self.progress.folded if self.progress is not None else None
        return self._compact if chosen is None else chosen

    def toggle_folded(self) -> None:
        from desktop.store import first_run

        first_run.set_folded(not self.is_folded())
        self.refresh()

    def _show_folded(self) -> None:
        if self.progress is not None and self.progress.example_loaded:
            self._show_example()
            return
        self.heading.setText(_("Getting started"))
        self.fold_button.show()
        folded = self.is_folded()
        self.steps_box.setVisible(not folded)
        # TRANSLATORS: button of the getting-started list: show its four steps again / fold them up.
        self.fold_button.setText(_("Show the steps") if folded else _("Collapse"))
        progress = self.progress
        if folded and progress is not None:
            # TRANSLATORS: the getting-started list folded up to one line: how far the owner is.
            self.intro.setText(_("{done} of the {total} steps done.").format(
                done=sum(progress.steps), total=len(progress.steps)))
        else:
            self.intro.setText(_("Four steps, then Afspraak keeps track of every promise for you."))

    def _show_example(self) -> None:
        """The example shop is loaded: no steps (they are about her own shop, and none of
        the example's rows is hers, so they would all read "to do" beside a shop that
        visibly has a name, products, influencers and agreements), only what this is and
        the button that takes it out again. Her own steps come back once it is removed."""
        # TRANSLATORS: heading of Vandaag's getting-started line while the invented example shop is loaded.
        self.heading.setText(_("Example shop"))
        self.intro.setText(_(
            "An invented shop to try things out in. Remove it, then set up your own shop in four steps."))
        self.steps_box.hide()
        self.fold_button.hide()

    def refresh(self) -> None:
        from desktop.store import first_run

        progress = self.progress = first_run.progress()
        self.setVisible(self._asked or progress.shown)
        done_style = theme.text_style("green", bold=True)
        muted = "color: {c};".format(c=theme.css(theme.muted_colour()))
        for number, (mark, done) in enumerate(zip(self.marks, progress.steps), start=1):
            mark.setText(DONE_MARK if done else str(number))
            mark.setStyleSheet(done_style if done else muted)
            # TRANSLATORS: read aloud for the tick before a step of the getting-started list.
            mark.setAccessibleName(_("done") if done else _("to do"))
        shop, owner = first_run.names()
        if not self.shop_name.hasFocus() and not self.owner_name.hasFocus():
            # The names the messages are signed with now (the example shop's too: its ready
            # messages below say "Eva, Zilver & Zo"); the step is ticked for her own only.
            self.shop_name.setText(shop)
            self.owner_name.setText(owner)
        has_influencer = first_run.has_influencer()
        self.agreement_button.setEnabled(has_influencer)
        self.agreement_button.setToolTip("" if has_influencer else _("Add an influencer first."))
        # Why the button is grey, in sight and not only in its tooltip (audit of 2026-12-05).
        explanation = self._agreement_explanation
        self.notes[3].setText(explanation if has_influencer else explanation + " " + _(
            "An agreement is made with an influencer: add one first (step 3)."))
        empty = first_run.is_empty()
        self.load_button.setVisible(empty and not progress.example_loaded)
        self.remove_button.setVisible(progress.example_loaded)
        offer = empty and not progress.example_loaded
        self.example_text.setVisible(offer)
        self.example_line.setVisible(offer and not self.is_folded())
        self._show_folded()

    def next_step_widget(self, after: int = -1) -> QWidget | None:
        """Where the keys go for the next step not done (the first after step ``after``, else
        the first of all): its name field or its button; the fold button while the steps are
        folded away; None while the list is out of sight or all is done."""
        progress = self.progress
        if progress is None or self.isHidden() or progress.example_loaded:
            return None
        if self.is_folded():
            return self.fold_button
        names = self.owner_name if self.shop_name.text().strip() else self.shop_name
        widgets = (names, *(self.findChild(QPushButton, name) for name in (
            "gettingStartedImport", "gettingStartedInfluencer", "gettingStartedAgreement")))
        open_steps = [index for index, done in enumerate(progress.steps) if not done and widgets[index].isEnabled()]
        chosen = next((index for index in open_steps if index > after), open_steps[0] if open_steps else None)
        return None if chosen is None else widgets[chosen]

    def focus_next_step(self, after: int = -1) -> None:
        """After a step: the keys on the next one (the focus stayed on the name field, or went
        to the sidebar or nowhere when the dialog closed); with none left, on the view."""
        widget = self.next_step_widget(after)
        if widget is None:
            self.focus_elsewhere.emit()
        else:
            widget.setFocus(Qt.OtherFocusReason)

    def show_again(self) -> None:
        """Help → Getting started: back on screen, even when every step is done."""
        from desktop.store import first_run

        first_run.set_hidden(False)
        first_run.set_folded(False)  # asked for: the steps themselves, not a folded line
        self._asked = True
        self.refresh()

    def hide_for_good(self) -> None:
        from desktop.store import first_run

        first_run.set_hidden(True)
        self._asked = False
        self.refresh()
        self.status_message.emit(_("Hidden. Help → Getting started shows it again."))

    # --- the steps -------------------------------------------------------------------
    def save_names(self) -> None:
        from desktop.store import first_run

        shop, owner = self.shop_name.text().strip(), self.owner_name.text().strip()
        if not shop or not owner:
            dialogs.warn(self, _("Your shop and your name"), _(
                "Fill in both: the name of your shop and your own name. Nothing was saved."))
            return
        first_run.save_names(shop, owner)
        self.shop_name.clearFocus()
        self.owner_name.clearFocus()
        self.refresh()
        self.changed.emit()
        self.focus_next_step(after=0)

    def import_products(self) -> None:
        self.import_requested.emit()

    def new_influencer(self) -> None:
        self.new_influencer_requested.emit()  # saves, refreshes the list and tells the reminders: this list follows
        self.refresh()
        self.focus_next_step(after=2)

    def new_collaboration(self) -> None:
        from desktop.store import first_run, lookups

        people = first_run.influencers()
        if not people:
            return
        if len(people) == 1:
            chosen = people[0][0]
        else:
            chosen = dialogs.choose(self, _("New collaboration"), _("With whom?"),
                                    [(person_id, name, None) for person_id, name in people])
        person = lookups.person(chosen)
        if person is None:
            return
        self.new_collaboration_requested.emit(person)
        self.refresh()
        self.focus_next_step(after=3)

    # --- the example shop --------------------------------------------------------------
    def load_example(self) -> None:
        from desktop import demo
        from desktop.clock import utcnow

        try:
            demo.fill(utcnow())
        except demo.DatabaseNotEmpty:
            dialogs.warn(self, _("Load the example shop"), _(
                "The example shop can only be loaded into an empty database, and yours already holds data. Nothing was "
                "changed."))
            self.refresh()
            return
        self._after_example(_("The example shop is loaded. Look around: every list has something in it now."))

    def remove_example(self) -> None:
        from desktop import demo

        if not dialogs.confirm(self, _("Remove the example shop"), _(
                "Remove the example shop with all its influencers, products, parcels, orders and timeline? "
                "Your settings stay.")):
            return
        try:
            demo.remove()
        except demo.ExampleShopChanged:
            dialogs.warn(self, _("Remove the example shop"), _(
                "You have added your own data since the example shop was loaded (a product, person or order that is "
                "not part of the example), so it can no longer be removed in one step. Nothing was changed. Remove the "
                "example influencers and products one by one instead."))
            return
        except demo.NoExampleShop:
            pass
        self._after_example(_("The example shop has been removed. Afspraak is empty again."))

    def _after_example(self, message: str) -> None:
        from desktop import reminders

        self.data_changed.emit()  # every view and the product panel
        reminders.notify_changed()
        self.refresh()
        self.changed.emit()
        self.status_message.emit(message)


__all__ = ["GettingStarted", "DONE_MARK"]
