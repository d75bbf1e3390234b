"""What the owner is told of people erased on request that an older copy of her data held
(store/erasures.py): a restore, a repair from a backup, or a file put in place by hand."""

from __future__ import annotations

from desktop.i18n import ngettext


def erased_again(n: int, restored: bool = True) -> str:
    """Told once after the data opened still held people she erased on request, now erased
    again. ``restored``: she just restored a backup; else the start found them (a repair, a
    file put in place by hand, or an erasure that a crash cut off before it was saved)."""
    if not restored:
        # TRANSLATORS: at the start: the data opened still held people erased on request (an
        # older copy, or an erasure cut off by a crash), and they have been erased now
        return ngettext("{n} person you erased on request was still in your data, and has now been erased.",
                        "{n} people you erased on request were still in your data, and have now been erased.",
                        n).format(n=n)
    # TRANSLATORS: after a restore of a backup that still held people erased since
    return ngettext("{n} person erased earlier on request was removed from the restored data again.",
                    "{n} people erased earlier on request were removed from the restored data again.", n).format(n=n)


__all__ = ["erased_again"]
