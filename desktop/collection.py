"""Python's cyclic garbage collector, paused while the first window and her list are built.

A start makes tens of thousands of objects that all stay alive (modules, Qt wrappers,
the week's plan, the rows): the collector ran ~110 times before her list on the example
shop and ~135 on the large one, one of them a full pass of 11-21 ms, looking for garbage
that is not there (docs/PERFORMANCE.md, fix 55). Paused from the command's first line,
only for the window (``cli.main`` resumes it for any other command), and resumed as soon
as the window is complete and its first paint is done (``Application._finish_start``),
when a start stops with a message, when the language is asked, or at the latest after
``LONGEST_PAUSE_MS`` of the event loop: never paused beyond the start. Reference counting
frees everything without cycles meanwhile, as always; the collector catches up in the
turns after the paint. ``gc.freeze()`` is not used: it kept a replaced window alive
(round 6).
"""

from __future__ import annotations

import gc

LONGEST_PAUSE_MS = 5000

_paused = False


def pause() -> None:
    """Pause the collector (when it runs): the process's own start only, not a test's."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Run the collector again, if ``pause`` stopped it (it runs at the next allocations)."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()


def paused() -> bool:
    return _paused
