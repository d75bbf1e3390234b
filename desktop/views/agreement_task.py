"""Writing down what she promised for a gift (``followup.RULES["agreement"]``).

A parcel dropped onto a new influencer makes a proposed collaboration with no deliverables:
with nothing written down, nothing of hers is ever followed up (the owner's two-week walk,
finding 1). Three ways lead to the one dialog that writes it down, the collaboration editor
opened at its deliverables with the gift filled in (:func:`record_agreement`):

* right after the drop, a bar at the top of the window offers it (:func:`offer`): in sight
  without stopping her (a second dialog after the parcel's would, every time she sends
  several parcels in a row); "Later" closes it, and the task comes in Vandaag;
* the task in Vandaag, the tray and ``afspraak due`` (:func:`open_agreement`), from the
  morning after the parcel went out;
* the influencer pane, where the collaboration says what is missing.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from desktop import reminders
from desktop.domain import shipments as shipment_rules
from desktop.i18n import _
from desktop.presentation import due_texts
from desktop.store import lookups
from desktop.views import dialogs, theme
from desktop.views.base import plain_label

OFFER_NAME = "agreementOffer"  # the bar's objectName (one per window)
# The first deadline the dialog proposes when none is written down yet: two weeks from today
# (the dialog's own "+2 weeks"; the agreement's day plus two, as a new collaboration has it,
# may be over when the task is acted on days later).
FIRST_DEADLINE = timedelta(weeks=2)


def _main_window(parent: QWidget | None):
    """The window with the views (``open_subject``) from whatever opened the task."""
    window = parent.window() if parent is not None else None
    if window is not None and hasattr(window, "open_subject"):
        return window
    return next((w for w in QApplication.topLevelWidgets() if hasattr(w, "open_subject")), None)


def prepare(dialog, collaboration_id: int) -> None:
    """The collaboration editor made ready to write down what she promised: on its first tab
    with a line that says what to do, one deliverable to fill in (a post two weeks from today)
    when none is there, the gift her parcels hold filled in when the agreement names none, a
    proposal made a deal at the point its parcels reached (``status_once_agreed``: a
    proposal's deliverables are never chased), and the focus on the first deliverable."""
    from desktop.store.shipping import parcel_gifts

    collaboration = dialog.collaboration
    statuses = lookups.parcel_statuses(collaboration_id)
    dialog.w("tabs").setCurrentIndex(0)
    status = shipment_rules.status_once_agreed(collaboration.status, statuses)
    combo = dialog.w("status")
    if combo.findData(status) >= 0:
        combo.setCurrentIndex(combo.findData(status))
    table = dialog.w("deliverables")
    if table.rowCount() == 0:
        dialog.add_deliverable("post", 1, dialog.today + FIRST_DEADLINE)
    if dialog.w("gifts").rowCount() == 0 and not dialog.w("products").text().strip():
        for gift in parcel_gifts(collaboration_id):
            dialog.add_gift(gift.product_id, gift.name, gift.quantity, gift.value_cents)
    if dialog.was_agreed and not dialog.w("change_reason").text().strip():
        # Written down for the first time, not changed: said so (the reason a change asks for).
        # TRANSLATORS: the "why" of an agreement's change when its deliverables are written down
        # for the first time (after the parcel went out).
        dialog.w("change_reason").setText(_("Written down what was agreed for the gift"))
    # TRANSLATORS: at the top of the collaboration dialog opened to write down what an
    # influencer promised for the gift she got (a parcel).
    hint = plain_label(_("What does {name} do in return for the gift? Add each post, story or reel she promised, "
                         "with its deadline: Afspraak follows them up and has a reminder ready when one is "
                         "late.").format(name=dialog.person.name))
    hint.setObjectName("agreementHint")
    hint.setWordWrap(True)
    hint.setSizePolicy(QSizePolicy.Preferred, QSizePolicy.Maximum)
    theme.set_text_colour(hint, "blue")
    deal = dialog.w("override").parentWidget().layout()  # the Agreement tab's column
    deal.insertWidget(0, hint)
    kind = table.cellWidget(0, 0)
    if kind is not None:
        kind.setFocus(Qt.OtherFocusReason)


def record_agreement(parent: QWidget | None, collaboration_id: int) -> bool:
    """The collaboration editor at its deliverables (:func:`prepare`); True when saved (the
    save is a step of Edit → Undo, and the task is gone with it)."""
    from desktop.views.collaboration_dialog import CollaborationDialog

    collaboration = lookups.collaboration(collaboration_id)
    if collaboration is None:  # taken back meanwhile (Ctrl+Z on the drop)
        return False
    dialog = CollaborationDialog(parent, collaboration=collaboration)
    prepare(dialog, collaboration_id)
    saved = dialogs.run(dialog)
    if saved:
        reminders.notify_changed()
        window = _main_window(parent)
        if window is not None and hasattr(window, "refresh_all"):
            window.refresh_all()
    return saved


def open_agreement(item, parent: QWidget | None = None) -> bool:
    """Act on a "record the agreement" task: the dialog, over the main window when there is one."""
    window = _main_window(parent)
    return record_agreement(window or parent, item.subject_id)


# --- the offer right after a drop ---------------------------------------------------------

class AgreementOffer(QFrame):
    """The bar under the window's banner after a parcel made a new collaboration: what is
    missing, "Record the agreement…" and "Later". Not a dialog: the owner sees it at once and
    goes on as she likes; the task in Vandaag is there either way."""

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName(OFFER_NAME)
        self.setStyleSheet(theme.banner_style(OFFER_NAME, "blue"))
        self.window_ = window
        self.collaboration_id: int | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(theme.M, theme.S, theme.S, theme.S)
        self.text = QLabel()
        self.text.setTextFormat(Qt.PlainText)
        self.text.setWordWrap(True)
        self.text.setObjectName("agreementOfferText")
        row.addWidget(self.text, 1)
        self.record = QPushButton(due_texts.agreement_open_text())
        self.record.setObjectName("agreementOfferRecord")
        self.record.clicked.connect(self._record)
        row.addWidget(self.record)
        # TRANSLATORS: button on the bar offering to write down what an influencer promised,
        # right after a parcel to her: not now (the task comes back in Vandaag).
        self.later = QPushButton(_("Later"))
        self.later.setObjectName("agreementOfferLater")
        self.later.clicked.connect(self.hide)
        row.addWidget(self.later)
        # The drop taken back (Ctrl+Z), or what she promised written down another way (her
        # pane): nothing left to offer.
        reminders.changed.connect(self._still_wanted)

    def show_for(self, name: str, collaboration_id: int) -> None:
        self.collaboration_id = collaboration_id
        # TRANSLATORS: the bar at the top of the window right after a parcel made a new
        # collaboration; {view} is the Today view.
        self.text.setText(_("New collaboration with {name} for this parcel. What does {name} do in return? Write it "
                            "down and Afspraak follows it up. Later? Then it comes back in {view}.").format(
            name=name, view=_("Today")))
        self.show()

    def _still_wanted(self) -> None:
        if self.isHidden() or self.collaboration_id is None or not lookups.database_open():
            return
        if lookups.collaboration(self.collaboration_id) is None or lookups.deliverables_of(self.collaboration_id):
            self.collaboration_id = None
            self.hide()

    def _record(self) -> None:
        collaboration_id, self.collaboration_id = self.collaboration_id, None
        self.hide()
        if collaboration_id is not None:
            record_agreement(self.window_, collaboration_id)


def offer(window, name: str, collaboration_id: int) -> AgreementOffer | None:
    """Offer to write down what ``name`` does for the parcel that made ``collaboration_id``:
    the bar under the window's banner (one per window, the newest drop's)."""
    bar = window.findChild(AgreementOffer, OFFER_NAME)
    if bar is None:
        banner = getattr(window, "banner", None)
        layout = banner.parentWidget().layout() if banner is not None and banner.parentWidget() else None
        if layout is None:  # no banner to put it under: the task in Vandaag asks for it
            return None
        bar = AgreementOffer(window)
        layout.insertWidget(layout.indexOf(banner) + 1, bar)
    bar.show_for(name, collaboration_id)
    return bar


__all__ = ["AgreementOffer", "offer", "open_agreement", "prepare", "record_agreement"]
