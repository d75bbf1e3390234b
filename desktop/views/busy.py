"""Acting on a click only when no write is in progress that hands the event loop turns.

While a large import is written (one transaction, the event loop running between its
chunks), the main window is blocked by the import's progress dialog, but the tray
menu, the reminder popup and desktop notifications still react. A write they make
then would become part of the import's transaction (and be undone with it when the
import is cancelled), and a dialog they open would run inside the import. ``when_free``
runs the action as soon as the import has finished instead: the owner's click is kept,
a moment later. Clicks with the same ``key`` while waiting count once, the last one
winning (three clicks on a reminder open it once; "done" then "later" on the same
reminders does "later").
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

RETRY_MS = 150

_pending: dict[Hashable, Callable[[], object]] = {}  # in the order first clicked
_scheduled = False


def when_free(action: Callable[[], object], key: Hashable | None = None) -> None:
    """Run ``action`` now, or once no write is in progress that hands the event loop turns."""
    from desktop.store.lookups import writing_in_steps

    if not writing_in_steps() and not _pending:
        action()
        return
    slot = key if key is not None else object()
    _pending[slot] = action
    _schedule()


def waiting() -> int:
    """How many actions wait for the write in progress."""
    return len(_pending)


def _schedule() -> None:
    global _scheduled
    if not _scheduled:
        _scheduled = True
        QTimer.singleShot(RETRY_MS, _run_pending)


def _run_pending() -> None:
    global _scheduled
    from desktop.store.lookups import writing_in_steps

    _scheduled = False
    if writing_in_steps():
        _schedule()
        return
    while _pending:
        slot = next(iter(_pending))
        action = _pending.pop(slot)
        action()


def keep_painting() -> None:
    """Let the windows paint, and the desktop see Afspraak answer, during long work on the
    GUI thread (the salvage of a damaged database). Her clicks and keys are held until it
    has ended (Qt delivers them then), so nothing she does starts inside it."""
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
