"""Acting on a click only when no write is in progress that hands the event loop turns.

While a large import is written (one transaction, the event loop running between its
chunks), the main window is blocked by the import's progress dialog, but the tray
menu, the reminder popup, desktop notifications and application shortcuts still
react. A write they make then would become part of the import's transaction (and be
undone with it when the import is cancelled), and a dialog they open would run inside
the import. ``when_free`` runs the action as soon as the import has finished instead:
the owner's click is kept, a moment later.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

RETRY_MS = 150


def when_free(action: Callable[[], object]) -> None:
    """Run ``action`` now, or once no write is in progress that hands the event loop turns."""
    from desktop.store.db import writing_in_steps

    if writing_in_steps():
        QTimer.singleShot(RETRY_MS, lambda: when_free(action))
        return
    action()
