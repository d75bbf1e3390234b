"""What the owner is told of people erased on request that an older copy of her data held
(store/erasures.py): a restore, a repair from a backup, or a file put in place by hand."""

from __future__ import annotations

from desktop.i18n import ngettext


def erased_again(n: int) -> str:
    # TRANSLATORS: after a restore or a repair from a backup that still held people erased since
    return ngettext("{n} person erased earlier on request was removed from the restored data again.",
                    "{n} people erased earlier on request were removed from the restored data again.", n).format(n=n)


__all__ = ["erased_again"]
