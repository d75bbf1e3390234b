"""Edit → Undo / Redo: the commands on the main window's ``QUndoStack``.

An action is done first (a drop, an import) and then handed to the window as a command
(the view's or controller's ``undoable`` signal; the window pushes it). The first
``redo()`` Qt calls on the push only notes that the action is already done. After that,
``undo()`` takes it back and ``redo()`` does it again, each in one transaction; the
window refreshes its views and the reminder counts after either (main_window.py).

- ``Recorded``: an action recorded by ``store.journal`` (shipment, product of an order,
  imports, a product's picture, a reminder's step, every dialog's save: ``saved_as_step``):
  undo and redo replay it with the same rows and ids. A save that moved files the journal
  does not hold (an order's pictures) and erasing a person empty the stack instead
  (``reminders.steps_forgotten``): Ctrl+Z never takes back an older step past them.
- ``EvidenceAdded``: evidence pictures; see the class for why it is not a replay.

A step that cannot be taken any more (a product that a parcel made since uses) is
refused with a message and changes nothing; the command is then made obsolete, so Qt
takes it off the stack (the commands before it stay available). So is a step whose data
was changed since by an action that is no step, or by a step itself taken off the stack
(a message about an order recorded after the edit in its form that Ctrl+Z reached): the
message lists what changed
(``store.journal.ChangedSince``, ``presentation/undo_texts.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Callable

from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from desktop.clock import utcnow
from desktop.i18n import _
from desktop.store import journal

log = logging.getLogger(__name__)

def parcel_marked(name: str, status: str) -> str:
    """What Edit → Undo names a parcel's step by, wherever it was taken (Zendingen, a
    check-in): "shipment to Lotte marked “Lost”"."""
    from desktop.labels import label

    # TRANSLATORS: what Edit → Undo takes back: "Undo shipment to Lotte marked “Lost”".
    return _("shipment to {name} marked “{status}”").format(name=name, status=label("shipment_status", status))


def reminder_marked_sent(name: str) -> str:
    """What Edit → Undo names a reminder marked sent by, today or on an earlier day."""
    # TRANSLATORS: Edit → Undo "…"; {name} is the person the reminder was sent to.
    return _("reminder to {name} marked sent").format(name=name)


# How many steps Edit → Undo goes back (an import of 10,000 products keeps its SQL).
UNDO_LIMIT = 50


class _Command(QUndoCommand):
    """Shared: the first redo (Qt's push) is the action already done; failures are told."""

    def __init__(self, text: str, parent_widget: QWidget | None):
        super().__init__(text)
        self.widget = parent_widget
        self._pushed = False

    def redo(self) -> None:
        if not self._pushed:
            self._pushed = True  # done by the view before the push
            return
        self._guarded(self.do_again, _("Not redone"), undoing=False)

    def undo(self) -> None:
        self._guarded(self.take_back, _("Not undone"), undoing=True)

    def _guarded(self, step: Callable[[], None], title: str, undoing: bool) -> None:
        from desktop.store import storage_errors
        from desktop.views import dialogs

        try:
            step()
        except journal.ChangedSince as exc:  # done before what came after it: refused whole
            from desktop.presentation import undo_texts

            log.info("%s: %s (%s)", title, self.text(), exc)
            self.setObsolete(True)
            dialogs.warn(self.widget, title, undo_texts.refused(exc, self.text(), undoing))
            return
        except (journal.NotUndoable, CannotRedo) as exc:
            log.info("%s: %s (%s)", title, self.text(), exc)
            reason = exc.reason if isinstance(exc, CannotRedo) else _(
                "The data it changed has been changed since (something added later depends on it).")
        except Exception as exc:  # rolled back; Qt moves on regardless, so the step must go
            if storage_errors.is_damage(exc):
                raise  # a damaged database: the app recovers (app.py)
            log.exception("%s: %s", title, self.text())
            reason = str(exc) or exc.__class__.__name__
        else:
            return
        self.setObsolete(True)  # Qt takes it off the stack; the steps before it stay
        # TRANSLATORS: {what} is what Edit → Undo shows, e.g. "shipment to Sanne".
        dialogs.warn(self.widget, title, _(
            "“{what}” can no longer be undone or redone. {reason} Nothing was changed.").format(
            what=self.text(), reason=reason))

    def take_back(self) -> None:
        raise NotImplementedError

    def do_again(self) -> None:
        raise NotImplementedError


def saved_as_step(save: Callable[[], bool], what: Callable[[], str]) -> bool:
    """Run a dialog's ``save`` recorded (``store.journal``); when it saved something, hand
    it to Edit → Undo as ``what()`` ("new influencer Sanne"), through ``reminders.undoable``,
    which the main window pushes. True when it saved. A dialog's save is a step of its own,
    so Ctrl+Z right after it takes back that save, not an import done before it."""
    from desktop import reminders

    saved = False
    with reminders.recorded(lambda: what() if saved else ""):
        saved = save()
    return bool(saved)


class CannotRedo(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Recorded(_Command):
    """An action recorded by ``store.journal``: undo and redo replay its row changes.

    ``after_undo`` / ``before_redo`` handle what lies outside the database (a picture
    file); ``before_redo`` raises CannotRedo when the action cannot be done again."""

    def __init__(self, text: str, change: journal.Change, parent_widget: QWidget | None = None,
                 after_undo: Callable[[], None] | None = None, before_redo: Callable[[], None] | None = None):
        super().__init__(text, parent_widget)
        self.change = change
        self.after_undo = after_undo
        self.before_redo = before_redo

    def take_back(self) -> None:
        journal.undo(self.change)
        if self.after_undo is not None:
            self.after_undo()

    def do_again(self) -> None:
        if self.before_redo is not None:
            self.before_redo()
        journal.redo(self.change)


class EvidenceAdded(_Command):
    """Evidence pictures added to a content record.

    Undo deletes the rows, the timeline line AND the copied files (``store.evidence.remove``:
    a picture taken back must not stay behind in the data folder, it may show a person).
    So redo cannot replay the rows: it copies the owner's original files in again (new
    copies, new rows, one timeline line), and says so when they are gone or changed."""

    def __init__(self, text: str, added, sources: list[Path], parent_widget: QWidget | None = None):
        super().__init__(text, parent_widget)
        self.added = added
        self.sources = [Path(s) for s in sources]

    def take_back(self) -> None:
        from desktop.store import evidence

        evidence.remove(self.added)

    def do_again(self) -> None:
        from desktop.presentation import errors
        from desktop.store import evidence
        from desktop.views import picture_check

        try:
            self.added = evidence.add(self.added.content_id, self.sources, utcnow(), check=picture_check.decodes)
        except (evidence.NotAPicture, OSError) as exc:
            raise CannotRedo(errors.unwritable(exc) if isinstance(exc, OSError) else errors.text(exc)) from exc
