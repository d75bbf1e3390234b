"""The collaboration editor: the written agreement, its deliverables and its status.

Changing an agreement that was already made asks who wanted the change and why; the
old and new terms are kept as an AgreementVersion (see store/influencers.py).
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QWidget,
)

from desktop import clock, i18n
from desktop.domain import collaborations as rules
from desktop.domain.validation import DeliverableInput, GiftInput, validate_collaboration
from desktop.i18n import N_, _, ngettext, quoted
from desktop.labels import choices, label
from desktop.store import influencers as ops
from desktop.store import lookups
from desktop.store import orders as catalogue
from desktop.views.form_dialog import FormDialog
from desktop.views.influencer_dialog import fill_combo
from desktop.views import theme
from desktop.views.forms import date_field, date_problems, from_qdate, to_qdate
from desktop.views.keys import delete_removes, enter_adds
from desktop.views.date_edit import DateEdit
from desktop.views.base import plain_label
from desktop.views.rows import plain_tooltip
from desktop.views.product_search import NOT_IN_CATALOGUE, CatalogueSearch, product_text
from desktop.domain import money

TYPE_CHECKING = False  # not typing's; the models only name the types here (views run no SQL)
if TYPE_CHECKING:
    from desktop.store.models import Collaboration, Person

QUICK_WEEKS = (1, 2)  # the quick deadline buttons: this many weeks from today


def cells_in_tab_order(table: QTableWidget, after: QWidget) -> None:
    """Tab goes from the table through the fields in its cells, row by row as they read,
    then on to ``after`` (the button under the table): fields put in a cell after the form
    was built would otherwise come after the dialog's Save and Cancel."""
    previous: QWidget = table
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            cell = table.cellWidget(row, column)
            if cell is None:
                continue
            for field in [cell] + cell.findChildren(QWidget):
                # a field's own parts (a date's text, a list's popup) are not stops of their own
                inner = isinstance(field.parentWidget(), (QAbstractSpinBox, QComboBox))
                if field.focusPolicy() & Qt.TabFocus and not inner and field.window() is table.window():
                    QWidget.setTabOrder(previous, field)
                    previous = field
    QWidget.setTabOrder(previous, after)


class CollaborationDialog(FormDialog):
    form_name = "collaboration_dialog.ui"

    def __init__(self, parent=None, person: Person | None = None, collaboration: Collaboration | None = None):
        super().__init__(parent)
        self.collaboration = collaboration
        self.is_new = collaboration is None
        self.person = collaboration.person if collaboration else person
        self.was_agreed = bool(collaboration and rules.is_agreed(collaboration.status))
        self._ids: list[int | None] = []
        self._gift_products: list[int | None] = []
        now = clock.utcnow()
        self.today = ops.local_day(now)
        self.setWindowTitle(_("Collaboration with {name}").format(name=self.person.name))
        self.buttons.button(self.buttons.StandardButton.Save).setText(_("Save"))
        self.buttons.button(self.buttons.StandardButton.Cancel).setText(_("Cancel"))
        statuses = rules.next_statuses(collaboration.status) if collaboration else ["proposed", "agreed"]
        fill_combo(self.w("status"), [(s, label("collab_status", s)) for s in statuses],
                   collaboration.status if collaboration else "agreed")
        fill_combo(self.w("requested_by"), choices("requested_by"), "influencer")
        date_field(self.w("agreed_on"))
        for key in ("fee", "product_cost", "shipping"):
            theme.currency_field(self.w(key))

        table: QTableWidget = self.w("deliverables")
        table.setColumnCount(4)
        # TRANSLATORS: the last column holds the buttons that set a deadline 1 or 2 weeks from today.
        table.setHorizontalHeaderLabels([_("What"), _("How many"), _("Deadline"), _("Quick deadline")])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):  # the date and the quick buttons whole, in either language
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setMinimumHeight(130)
        self.w("addDeliverable").clicked.connect(lambda: self.add_deliverable("post", 1, self._default_deadline()))
        self.w("removeDeliverable").clicked.connect(self._remove_selected)
        delete_removes(table, self.w("removeDeliverable"))
        self.w("changeBox").setVisible(self.was_agreed)
        self.w("tabs").setCurrentIndex(0)
        self.w("title").setFocus()  # typing goes into the first field, not to the tabs above it
        self._setup_gifts()

        if self.person.status != "active" and collaboration is None:
            warning = self.w("personWarning")
            what = label("person_status", self.person.status)
            warning.setText(_("Note: {name} is {status}. {reason}").format(
                name=self.person.name, status=what.lower(), reason=self.person.status_reason))
            warning.setStyleSheet(theme.text_style("red", bold=True))
            warning.show()
            self.w("override").show()
        self._say_her_language()
        if collaboration is not None:
            self._load(collaboration)
        else:
            self._defaults()

    # The consequence's example, in her language (marked for extraction; translated when shown).
    # TRANSLATORS: an example consequence, quoted to the influencer in her language.
    _CONSEQUENCE_EXAMPLE = N_("we invoice the product at its retail price")

    def _say_her_language(self) -> None:
        """Her messages in another language than the app's: what is quoted to her as typed
        (the title, the gift in words, the category, the do's and don'ts, the consequence) is
        named on the tab it is typed on, with the language to write it in (audit 10, F4: one
        line on the first tab named a field on the third, and not the do's and don'ts)."""
        language = self.person.language
        if not i18n.other_than_mine(language):
            return
        from babel.lists import format_list

        # The title's example in her language too: "write it in English" above "e.g. Ketting Luna
        # in een reel" read as two answers (audit of 2026-12-05).
        hers = i18n.translations_for(language).gettext
        example = self.w("title").placeholderText()
        if example:
            self.w("title").setPlaceholderText(hers("e.g. Luna necklace in a reel"))
        # ...and so are the category's and the consequence's (the screenshots' review of
        # 2026-12-05: "write it in English" above "bijv. sieraden")
        if self.w("exclusivity_category").placeholderText():
            self.w("exclusivity_category").setPlaceholderText(hers("e.g. jewellery"))
        if self.w("consequence").placeholderText():
            # TRANSLATORS: the consequence's example when her messages are in another language than
            # the app's; {example} is in her language ("we invoice the product at its retail price").
            self.w("consequence").setPlaceholderText(_("Named in the final reminder, e.g. {example}").format(
                example=hers(self._CONSEQUENCE_EXAMPLE)))
        tabs = (("herLanguage", "dealTab", ("title",)), ("herLanguageGifts", "giftsTab", ("products",)),
                ("herLanguageRules", "rulesTab", ("exclusivity_category", "dos", "donts", "consequence")))
        for name, tab, fields in tabs:
            labels = [quoted(self.w(f"{field}Label").text().replace("&", "").rstrip(":")) for field in fields]
            # TRANSLATORS: in the collaboration dialog, on each tab, when her language is not the
            # app's; {fields} lists the quoted labels of the fields quoted to her as typed
            hint = plain_label(_("Messages to {name} are in {language}: write {fields} in {language} too.").format(
                name=self.person.name, language=label("language", language),
                fields=format_list(labels, locale=i18n.formatting_locale())))
            hint.setObjectName(name)
            hint.setWordWrap(True)
            hint.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)  # the tab's spare height goes below
            if tab == "dealTab":
                deal = self.w("override").parentWidget().layout()  # the Agreement tab's column
                deal.insertWidget(deal.indexOf(self.w("override")) + 1, hint)
            elif tab == "giftsTab":
                self.w(tab).layout().insertWidget(0, hint)
            else:
                self.w(tab).layout().insertRow(0, hint)

    # --- filling ---------------------------------------------------------------------
    def _default_deadline(self) -> date:
        return from_qdate(self.w("agreed_on").date()) + timedelta(days=14)

    def _defaults(self) -> None:
        """A new collaboration starts from the shop's usual terms (the latest collaboration)."""
        self.w("agreed_on").setDate(to_qdate(self.today))
        self.w("disclosure_required").setChecked(True)
        self.w("response_days").setValue(3)
        last = ops.latest_collaboration()
        if last is not None:
            self.w("required_mentions").setText(" ".join(last.required_mentions))
            self.w("required_hashtags").setText(" ".join(last.required_hashtags))
            self.w("response_days").setValue(last.response_days)
        # The guidelines come from a collaboration with someone written to in the same
        # language: her messages quote them as typed (none such, and they start empty).
        worded = ops.latest_collaboration(language=self.person.language)
        if worded is not None:
            self.w("dos").setPlainText(worded.dos)
            self.w("donts").setPlainText(worded.donts)
        # The consequence is not copied: it names its own deal's product ("het sieradendoosje
        # factureren"), and the final reminder quotes it to her (audit 10, F3). The earlier
        # ones in her language are offered as she types.
        earlier = ops.earlier_consequences(self.person.language)
        if earlier:
            completer = QCompleter(earlier, self)
            completer.setFilterMode(Qt.MatchContains)
            completer.setCaseSensitivity(Qt.CaseInsensitive)
            self.w("consequence").setCompleter(completer)
        self.add_deliverable("post", 1, self._default_deadline())

    def _load(self, c: Collaboration) -> None:
        self.w("title").setText(c.title)
        self.w("agreed_on").setDate(to_qdate(ops.local_day(c.agreed_at or c.created_at)))
        self.w("products").setText(c.products)
        for g in ops.gifts(c):
            self.add_gift(g.product_id, g.name, g.quantity, g.value_cents)
        for key, cents in (("fee", c.fee_cents), ("product_cost", c.product_cost_cents), ("shipping", c.shipping_cents)):
            self.w(key).setText(money.format_input(cents, i18n.formatting_locale()) if cents else "")
        self.w("required_mentions").setText(" ".join(c.required_mentions))
        self.w("required_hashtags").setText(" ".join(c.required_hashtags))
        self.w("disclosure_required").setChecked(c.disclosure_required)
        self.w("exclusivity_days").setValue(c.exclusivity_days)
        self.w("exclusivity_category").setText(c.exclusivity_category)
        self.w("dos").setPlainText(c.dos)
        self.w("donts").setPlainText(c.donts)
        self.w("approval_required").setChecked(c.approval_required)
        self.w("response_days").setValue(c.response_days)
        self.w("consequence").setText(c.consequence)
        for d in lookups.deliverables_of(c.id):
            self.add_deliverable(d.kind, d.count, ops.local_day(d.deadline), d.id)

    def add_deliverable(self, kind: str, count: int, deadline: date | None, deliverable_id: int | None = None) -> int:
        table: QTableWidget = self.w("deliverables")
        row = table.rowCount()
        table.insertRow(row)
        combo = QComboBox()
        fill_combo(combo, choices("deliverable"), kind)
        spin = QSpinBox()
        spin.setRange(0, 99)
        spin.setValue(count)
        when = DateEdit()
        when.setCalendarPopup(True)
        date_field(when)
        when.setDate(to_qdate(deadline or self._default_deadline()))
        table.setCellWidget(row, 0, combo)
        table.setCellWidget(row, 1, spin)
        table.setCellWidget(row, 2, when)
        table.setCellWidget(row, 3, self._quick_deadlines(when))
        self._ids.append(deliverable_id)
        cells_in_tab_order(table, self.w("addDeliverable"))
        return row

    def _quick_deadlines(self, when: QDateEdit) -> QWidget:
        """"+1 week", "+2 weeks": counted from today in the owner's zone (not from the date
        in the field), so pressing twice gives the same day and the result is what it says."""
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(2, 0, 2, 0)
        for weeks in QUICK_WEEKS:
            button = QToolButton()
            button.setObjectName(f"plus{weeks}Week")
            # TRANSLATORS: a button beside a deadline: set it this many weeks from today.
            button.setText(ngettext("+{count} week", "+{count} weeks", weeks).format(count=weeks))
            day = self.today + timedelta(weeks=weeks)
            button.setToolTip(ngettext("Deadline {count} week from today: {date}",
                                       "Deadline {count} weeks from today: {date}", weeks).format(
                count=weeks, date=i18n.detail_date(day)))
            button.clicked.connect(lambda _checked=False, d=day: when.setDate(to_qdate(d)))
            row.addWidget(button)
        return box

    # --- products given --------------------------------------------------------------
    def _setup_gifts(self) -> None:
        self.search = CatalogueSearch(self.w("giftSearch"), catalogue.products())
        enter_adds(self.w("giftSearch").lineEdit(), self.add_chosen_gift)
        table: QTableWidget = self.w("gifts")
        table.setColumnCount(4)
        table.setHorizontalHeaderLabels([_("Product"), _("How many"), _("Value per item"), _("Value")])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        for column in (1, 2, 3):
            table.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self._room_for_amounts(table)
        table.verticalHeader().hide()
        table.setSelectionBehavior(QAbstractItemView.SelectRows)
        table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        table.setMinimumHeight(130)
        self.w("addGift").clicked.connect(self.add_chosen_gift)
        self.w("removeGift").clicked.connect(self._remove_selected_gifts)
        delete_removes(table, self.w("removeGift"))
        self._update_total()

    @staticmethod
    def _room_for_amounts(table: QTableWidget) -> None:
        """The Value column is at least as wide as a four-digit amount ("€ 8.888,88") with
        room on both sides, from the start: sized to "€ 34,95" it ended a pixel from the
        grid line and jumped wider as soon as a line was worth € 1.000. (Wider amounts
        still widen it: the header's hint is a minimum for ResizeToContents.)"""
        from PySide6.QtCore import QSize
        from PySide6.QtWidgets import QStyle

        margin = table.style().pixelMetric(QStyle.PM_FocusFrameHMargin, None, table) + 1
        widest = table.fontMetrics().horizontalAdvance(i18n.format_money(888888))
        header = table.horizontalHeaderItem(3)
        header.setSizeHint(QSize(widest + 2 * margin + 2 * theme.S, table.horizontalHeader().sizeHint().height()))

    def add_chosen_gift(self) -> None:
        """The product chosen in the search goes into the table (once: again adds one more);
        text that names no product of the catalogue goes to "Other products", in words."""
        chosen = self.search.chosen_id()
        if chosen is None:
            return
        if chosen == NOT_IN_CATALOGUE:
            typed = " ".join(self.w("giftSearch").currentText().split())
            other: QLineEdit = self.w("products")
            other.setText(", ".join(x for x in (other.text().strip(), typed) if x))
            self.search.clear()
            return
        if chosen in self._gift_products:
            spin: QSpinBox = self.w("gifts").cellWidget(self._gift_products.index(chosen), 1)
            spin.setValue(spin.value() + 1)
        else:
            product = self.search.product(chosen)
            self.add_gift(product.id, product_text(product), 1, product.price_cents)
        self.search.clear()

    def add_gift(self, product_id: int | None, name: str, quantity: int, value_cents: int | None) -> int:
        table: QTableWidget = self.w("gifts")
        row = table.rowCount()
        table.insertRow(row)
        item = QTableWidgetItem(name)
        item.setToolTip(plain_tooltip(name))  # a shop's product name, shown as written (never as HTML)
        table.setItem(row, 0, item)
        spin = QSpinBox()
        spin.setRange(1, 999)
        spin.setValue(max(1, quantity))
        spin.valueChanged.connect(self._update_total)
        value = QLineEdit(money.format_input(value_cents, i18n.formatting_locale()) if value_cents is not None else "")
        # TRANSLATORS: placeholder of the value of one product given in a collaboration.
        value.setPlaceholderText(_("e.g. 24.95"))
        theme.currency_field(value)  # "€ 34,95" as in the Value column beside it
        value.textChanged.connect(self._update_total)
        total = QTableWidgetItem("")
        total.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
        table.setCellWidget(row, 1, spin)
        table.setCellWidget(row, 2, value)
        table.setItem(row, 3, total)
        cells_in_tab_order(table, self.w("removeGift"))
        self._gift_products.append(product_id)
        self._update_total()
        return row

    def _remove_selected_gifts(self) -> None:
        table: QTableWidget = self.w("gifts")
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)
            del self._gift_products[row]
        self._update_total()

    def _piece_value(self, row: int) -> int | None:
        try:
            return money.parse_money(self.w("gifts").cellWidget(row, 2).text(), i18n.formatting_locale())
        except money.MoneyError:
            return None

    def _update_total(self, *_args) -> None:
        table: QTableWidget = self.w("gifts")
        total = 0
        for row in range(table.rowCount()):
            value = self._piece_value(row)
            quantity = table.cellWidget(row, 1).value()
            table.item(row, 3).setText(i18n.format_money(value * quantity) if value is not None else "")
            total += (value or 0) * quantity
        # TRANSLATORS: under the products given in a collaboration: what they are worth together.
        self.w("giftTotal").setText(_("Total value: {amount}").format(amount=i18n.format_money(total)))

    def gift_inputs(self) -> list[GiftInput]:
        table: QTableWidget = self.w("gifts")
        return [GiftInput(name=table.item(row, 0).text(), quantity=table.cellWidget(row, 1).value(),
                          value_text=table.cellWidget(row, 2).text(), product_id=self._gift_products[row])
                for row in range(table.rowCount())]

    def _remove_selected(self) -> None:
        table: QTableWidget = self.w("deliverables")
        for row in sorted({i.row() for i in table.selectedIndexes()}, reverse=True):
            table.removeRow(row)
            del self._ids[row]

    # --- reading ---------------------------------------------------------------------
    def deliverable_inputs(self) -> list[DeliverableInput]:
        table: QTableWidget = self.w("deliverables")
        rows = []
        for row in range(table.rowCount()):
            rows.append(DeliverableInput(
                kind=table.cellWidget(row, 0).currentData(), count=table.cellWidget(row, 1).value(),
                deadline=from_qdate(table.cellWidget(row, 2).date()), id=self._ids[row]))
        return rows

    def values(self) -> dict:
        out = {key: self.w(key).text() for key in ("title", "products", "fee", "product_cost", "shipping",
                                                   "required_mentions", "required_hashtags", "exclusivity_category",
                                                   "consequence", "change_reason")}
        out.update(
            agreed_on=from_qdate(self.w("agreed_on").date()),
            status=self.w("status").currentData(),
            requested_by=self.w("requested_by").currentData(),
            disclosure_required=self.w("disclosure_required").isChecked(),
            approval_required=self.w("approval_required").isChecked(),
            confirmed=self.w("confirmed").isChecked(),
            override=self.w("override").isChecked(),
            exclusivity_days=self.w("exclusivity_days").value(),
            response_days=self.w("response_days").value(),
            dos=self.w("dos").toPlainText(),
            donts=self.w("donts").toPlainText(),
        )
        return out

    def show_errors(self, errors: dict[str, str]) -> bool:
        """Deliverable rows have no field of their own: mark the row, say it under the table."""
        table: QTableWidget = self.w("deliverables")
        shown = {k: v for k, v in errors.items() if not k.startswith(("deliverable_", "gift_"))}
        ok = super().show_errors(shown)
        for row in range(table.rowCount()):
            for column in range(3):
                theme.mark_mistake(table.cellWidget(row, column), f"deliverable_{row}" in errors)
        gifts: QTableWidget = self.w("gifts")
        for row in range(gifts.rowCount()):
            for column in (1, 2):
                theme.mark_mistake(gifts.cellWidget(row, column), f"gift_{row}" in errors)
        return ok and not errors

    def undo_text(self) -> str:
        # TRANSLATORS: Edit → Undo "…": a collaboration added, or one changed.
        if self.is_new:
            return _("new collaboration with {name}").format(name=self.person.name)
        return _("changes to the collaboration with {name}").format(name=self.person.name)

    def save(self) -> bool:
        table: QTableWidget = self.w("deliverables")
        typed = date_problems({"agreed_on": self.w("agreed_on"),
                               **{f"deliverable_{row}": table.cellWidget(row, 2) for row in range(table.rowCount())}})
        if typed:  # the fields still hold their last good dates, not the ones she typed
            rows = [text for key, text in typed.items() if key.startswith("deliverable_")]
            if rows:
                typed["deliverables"] = rows[0]
            self.show_errors(typed)
            return False
        deliverables = self.deliverable_inputs()
        gifts = self.gift_inputs()
        values = self.values()
        changed = True
        if self.collaboration is not None:
            _e, preview = validate_collaboration(values, deliverables, person_status=self.person.status,
                                                 is_new=False, agreed=False, changed=False,
                                                 money_locale=i18n.formatting_locale(), gifts=gifts)
            new_terms = rules.terms(preview, [(d.kind, d.count, d.deadline) for d in deliverables], preview["gifts"])
            changed = bool(rules.diff(ops.current_terms(self.collaboration), new_terms))
        errors, cleaned = validate_collaboration(
            values, deliverables, person_status=self.person.status, is_new=self.collaboration is None,
            agreed=self.was_agreed, changed=changed, money_locale=i18n.formatting_locale(), gifts=gifts)
        if not cleaned["title"]:
            first = deliverables[0] if deliverables else None
            cleaned["title"] = (_("{kind} by {name}").format(kind=label("deliverable", first.kind), name=self.person.name)
                                if first else self.person.name)
        if not self.show_errors(errors):
            return False
        self.collaboration = ops.save_collaboration(self.person, cleaned, deliverables, clock.utcnow(),
                                                    self.collaboration)
        return True
