"""The words about backups an owner reads: what an erase leaves in them and for how long, the
copies it could not reach, and what a restore does, with the backup's moment in her time.

How long a backup keeps an erased person's data is not a number of days: Afspraak keeps the
newest ``backup_keep`` automatic backups, one for each day it is used, so with weekly use they
go back months; her own backups and the copies kept before a restore or an upgrade stay until
she deletes them (review of backups, 3: "nog hooguit 14 dagen" was untrue). Keeping them by
count, not by age, is on purpose: a shop that opens Afspraak once a week, or comes back from
three weeks away, still has as many points to go back to.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from desktop import i18n
from desktop.clock import to_local
from desktop.i18n import NP_, _, ngettext, pgettext


def erase_keeps_backups(keep: int) -> str:
    """The erase question's paragraph: what stays in the backups without the tick below it."""
    return ngettext(
        "Without the tick below, their data stays in the backups: Afspraak keeps {n} automatic backup (it "
        "makes one on each day you use it) until a newer one replaces it, and your own backups and the copies "
        "made before a restore or an update until you delete them.",
        "Without the tick below, their data stays in the backups: Afspraak keeps {n} automatic backups (it "
        "makes one on each day you use it, so they can go back months) until newer ones replace them, and "
        "your own backups and the copies made before a restore or an update until you delete them.",
        keep).format(n=keep)


def still_in_backups(keep: int) -> str:
    """After an erase without the backups: where their data still is, and until when."""
    return ngettext(
        "The backups still hold their data: Afspraak keeps {n} automatic backup until a newer one replaces "
        "it, and your own backups and the copies made before a restore or an update until you delete them.",
        "The backups still hold their data: Afspraak keeps {n} automatic backups (one for each day you use "
        "it) until newer ones replace them, and your own backups and the copies made before a restore or an "
        "update until you delete them.",
        keep).format(n=keep)


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


def restore_question(file: Path, taken: datetime | None, exact: bool, keeps: bool = True) -> str:
    """The question before a restore: which backup, of when (in her time), and what she loses:
    everything entered since, and people erased since come back (review of backups, 5).
    ``taken``: naive UTC (``backup.when_taken``); ``exact``: the moment the backup was made,
    else only when the file was last saved. ``keeps``: a copy of her current data can be
    kept first (``opening.current_data_keepable``: not when her file is gone and the open
    data cannot be read either); no copy is promised otherwise."""
    name = Path(file).name
    if taken is None:
        head = _("Restore “{file}”?").format(file=name)
    else:
        local = to_local(taken)
        date, time = i18n.format_date(local, "long"), i18n.format_time(local)
        if exact:
            # TRANSLATORS: {date} "23 november 2026", {time} "10:30", in her time. Not the file's name: that
            # carries the moment in UTC ("afspraak-auto-20261123-093000"), an hour or two off hers.
            head = _("Restore the backup of {date} at {time}?").format(date=date, time=time)
        else:
            # TRANSLATORS: a file with no date in its name: when it was last saved is all that is known
            head = _("Restore “{file}”, last saved on {date} at {time}?").format(file=name, date=date, time=time)
    if not keeps:
        return head + "\n\n" + _(
            "Afspraak then goes back to your data as it was when this backup was made: everything you entered "
            "or changed since is no longer in Afspraak, and people you erased since are back (unless you also "
            "erased them from the backups). Your own data file has disappeared in the meantime and the data "
            "that is open can no longer be read either, so Afspraak cannot make a copy of it first.")
    return head + "\n\n" + _(
        "Afspraak then goes back to your data as it was when this backup was made: everything you entered or "
        "changed since is no longer in Afspraak, and people you erased since are back (unless you also erased "
        "them from the backups). A copy of your current data is kept in the backups folder first.")


def restored(kept: Path | None) -> str:
    """After File → Restore a backup: where her previous data was kept; ``kept`` None: her
    file had gone from under the window and nothing of it could be read to keep (said
    plainly, with what that costs her: "there was no previous data" was untrue)."""
    if kept is None:
        return _("The backup is restored. Your data file had already gone, so Afspraak could not keep a copy of "
                 "it first. Anything you entered after this backup is no longer in Afspraak.")
    return _("The backup is restored. Your previous data was kept in {path}.").format(path=str(kept))


def salvage_question(file: Path, keeps: bool = True) -> str:
    """File → Restore a backup was given a damaged file: what it is, and the offer to put in
    place what can still be read of it (review of data safety, 2: "Try an older backup"
    was all she was told, also of the file a repair had kept aside). ``keeps``: as for
    :func:`restore_question`."""
    from desktop.presentation import errors

    if not keeps:
        return errors.damaged_file(Path(file)) + "\n\n" + _(
            # TRANSLATORS: "the damaged file itself" is the backup she chose; "your own data file" the
            # database Afspraak works in, gone from under the window.
            "Afspraak can copy everything that can still be read from it into a new, sound database and use "
            "that instead of your current data; the damaged file itself stays as it is. Your own data file has "
            "disappeared in the meantime and the data that is open can no longer be read either, so Afspraak "
            "cannot make a copy of it first. Copy what can be read?")
    return errors.damaged_file(Path(file)) + "\n\n" + _(
        "Afspraak can copy everything that can still be read from it into a new, sound database and use that "
        "instead of your current data; the damaged file itself stays as it is, and a copy of your current data "
        "is kept in the backups folder first. Copy what can be read?")


def salvage_restored(salvaged, kept: Path | None, gone: bool = False) -> str:
    """After a restore that salvaged a damaged file (``salvage.Salvaged``): what was saved,
    what could not be read, and where her previous data is (``kept`` None: there was none).
    ``gone``: there was data, but its file had gone from under the window and nothing of it
    could be read to keep (File → Restore with ``kept`` None)."""
    from desktop.presentation import errors

    if salvaged is None or salvaged.whole:
        text = _("Everything in the file could still be read: it is now your data in Afspraak.")
    else:
        text = _("What could still be read from the file is now your data in Afspraak. Could not be read: "
                 "{parts}.").format(parts=errors.unreadable_parts(salvaged))
    if kept is None:
        if gone:
            return text + " " + _("Your data file had already gone, so Afspraak could not keep a copy of it "
                                  "first. Anything you entered after this backup is no longer in Afspraak.")
        return text
    return text + " " + _("Your previous data was kept in {path}.").format(path=str(kept))


# Her tables in a word or two, while a salvage reads them (``salvage.Progress.table``); a table
# not named here (settings, reminders' state, the store's own) is "other data". (Context
# "salvage": a bare "people" or "products" means other things elsewhere.)
_TABLE_WORDS = {
    # TRANSLATORS: a part of her data, in "Rescuing the damaged database… ({part}, 3 of 9 tables)"
    "event": NP_("salvage", "timeline"),
    "event_fts": NP_("salvage", "search index"),
    "person": NP_("salvage", "people"),
    "handle": NP_("salvage", "social media names"),
    "shop_order": NP_("salvage", "shop orders"),
    "shop_order_line": NP_("salvage", "lines of shop orders"),
    "custom_order": NP_("salvage", "custom orders"),
    "order_date_change": NP_("salvage", "changed dates of custom orders"),
    "order_picture": NP_("salvage", "pictures of custom orders"),
    "collaboration": NP_("salvage", "collaborations"),
    "collaboration_product": NP_("salvage", "products of collaborations"),
    "agreement_version": NP_("salvage", "agreements"),
    "deliverable": NP_("salvage", "deliverables"),
    "content": NP_("salvage", "posts and other content"),
    "content_evidence": NP_("salvage", "proof of posted content"),
    "shipment": NP_("salvage", "shipments"),
    "shipment_item": NP_("salvage", "items of shipments"),
    "product": NP_("salvage", "products"),
    "strike": NP_("salvage", "strikes"),
    "rating": NP_("salvage", "ratings"),
    "message_template": NP_("salvage", "message templates"),
}
NP_("salvage", "other data")  # (any other table)


def salvage_progress(progress, rows: bool = True) -> str:
    """How far the salvage of a damaged database is (``salvage.Progress``), for the start's
    page, the status bar and the command line; ``rows``: with the rows read from the table
    so far on a line of its own (the command line prints one line per table instead)."""
    from desktop.store import salvage

    if progress.step == salvage.READING:
        part = pgettext("salvage", _TABLE_WORDS.get(progress.table, "other data"))
        text = ngettext(
            # TRANSLATORS: shown while Afspraak copies what can still be read from a damaged
            # database; {part} is a part of her data ("timeline"), {number} of {count} tables read.
            "Rescuing the damaged database… ({part}, {number} of {count} table)",
            "Rescuing the damaged database… ({part}, {number} of {count} tables)",
            progress.tables).format(part=part, number=i18n.format_number(progress.number),
                                    count=i18n.format_number(progress.tables))
        if rows and progress.rows:
            text += "\n" + ngettext("{rows} row read so far", "{rows} rows read so far",
                                    progress.rows).format(rows=i18n.format_number(progress.rows))
        return text
    if progress.step == salvage.REBUILDING:
        # TRANSLATORS: shown while a salvage makes the indexes of the copied data
        return _("Rescuing the damaged database… (putting it all back together)")
    if progress.step == salvage.COMPARING:
        return _("Rescuing the damaged database… (comparing it with the newest backup)")
    return _("Rescuing the damaged database… (checking the result)")


__all__ = ["erase_keeps_backups", "still_in_backups", "not_reached", "restore_question", "restored",
           "salvage_question",
           "salvage_restored", "salvage_progress"]
