"""The words about backups an owner reads: the copies an erase from the backups could not reach."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from desktop.i18n import _, ngettext


def not_reached(unreached: Iterable[Path]) -> list[str]:
    """After an erase from the backups: the copies she saved through Afspraak that were not
    where she saved them (a USB stick not plugged in), one line per folder; then that copies
    made outside Afspraak are not included. Never "all of them"."""
    by_folder: dict[str, int] = {}
    for path in unreached:
        folder = str(Path(path).parent)
        by_folder[folder] = by_folder.get(folder, 0) + 1
    lines = [ngettext(
        "{n} backup you saved in {folder} was not found there (is it on a USB stick that is not plugged in?): "
        "it still holds their data. Delete it once you have it at hand.",
        "{n} backups you saved in {folder} were not found there (are they on a USB stick that is not plugged "
        "in?): they still hold their data. Delete them once you have them at hand.",
        n).format(n=n, folder=folder) for folder, n in by_folder.items()]
    # TRANSLATORS: after erasing someone from the backups: what Afspraak cannot know of
    lines.append(_("Copies made outside Afspraak (copied by hand, or kept in a cloud service's version history) "
                   "are not included."))
    return lines


__all__ = ["not_reached"]
