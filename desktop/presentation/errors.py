"""The words of what the store refused or ran into, in the user's language.

The store raises facts (a reason code and the values that matter: a file's name, a disk's
folder, a field); this module words them for whoever shows them (a dialog, the CLI).
``text(exc)`` words any of them, and anything else as it reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from desktop import i18n, paths
from desktop.clock import to_local
from desktop.i18n import N_, _, ngettext
from desktop.labels import label
from desktop.store import incoming, orders, outgoing, pictures, storage_errors, templates
from desktop.store.recovery import (EMPTY, FOREIGN, MISSING, NOT_SQLITE, REPLACED, OpenBlocked, Recovery, RepairBlocked,
                                    RepairedNotOpened, RescueBlocked)


def picture_refused(exc: pictures.NotAPicture) -> str:
    """Why a file was not taken as a picture."""
    if exc.reason == pictures.UNREADABLE:
        return _("“{file}” could not be read: {error}").format(
            file=exc.file, error=_reading_reason(exc.errno, exc.error))
    if exc.reason == pictures.NOT_A_FILE:
        return _("“{file}” is not a file.").format(file=exc.file)
    if exc.reason == pictures.NOT_A_PICTURE:
        return _("“{file}” is not a picture (PNG, JPEG, GIF or WebP).").format(file=exc.file)
    if exc.reason == pictures.TOO_LARGE:
        return _("“{file}” is too large: a picture may be at most 30 MB.").format(file=exc.file)
    if exc.reason == pictures.NONE_GIVEN:
        return _("No picture was given.")
    if exc.reason == pictures.EMPTY:
        # TRANSLATORS: a picture file of 0 bytes was dropped or chosen.
        return _("“{file}” is empty (0 bytes): its download or copy probably never finished. Save or copy the "
                 "picture again.").format(file=exc.file)
    if exc.reason == pictures.DAMAGED:
        # TRANSLATORS: a picture file that is cut off (a download that stopped, a copy to a full USB stick) or
        # has bytes changed, so it cannot be shown whole.
        return _("“{file}” is damaged or incomplete, so it cannot be shown whole (perhaps its download stopped or "
                 "its copy broke off). Save or copy the picture again.").format(file=exc.file)
    if exc.reason == pictures.TOO_MANY_PIXELS:
        width, height = exc.size or (0, 0)
        # TRANSLATORS: {width} and {height} are numbers of pixels, e.g. "20.000 × 20.000".
        return _("“{file}” has too many pixels to show ({width} × {height}). Save a smaller copy of it and add "
                 "that.").format(file=exc.file, width=i18n.format_number(width),
                                 height=i18n.format_number(height))
    return str(exc)


def pictures_refused(refused: Sequence[pictures.NotAPicture]) -> str:
    """Why the pictures dropped or chosen together were refused as a whole: every file
    named with what is wrong with it (a paragraph each), and that nothing was added."""
    if len(refused) == 1:
        return _("{problem} Nothing was added.").format(problem=picture_refused(refused[0]))
    return "\n\n".join([_("Nothing was added.")] + [picture_refused(r) for r in refused])


def order_problem(problem: orders.Problem | str) -> str:
    """One thing wrong with a custom order: the store's ``Problem`` in words (the domain's
    validation comes worded already and is passed on as it is)."""
    if isinstance(problem, str):
        return problem
    p = problem.params
    if problem.code == orders.PRODUCT_GONE:
        return _("That product is no longer in the catalogue.")
    if problem.code == orders.CANNOT_MOVE:
        return _("An order that is {old} cannot become {new}.").format(
            old=label("order_status", p["old"]).lower(), new=label("order_status", p["new"]).lower())
    if problem.code == orders.EMPTY_MESSAGE:
        return _("The message is empty.")
    if problem.code == orders.NOT_READY:
        return _("Only an order that is ready can be shipped.")
    if problem.code == orders.NO_CARRIER:
        return _("Choose a carrier.")
    if problem.code == orders.NOT_A_LINK:
        return _("A tracking link starts with https://.")
    return problem.code


def fields(exc: orders.OrderInvalid) -> dict[str, str]:
    """Field name -> what is wrong with it, in words, in the order found."""
    return {name: order_problem(problem) for name, problem in exc.errors.items()}


def template_problems(exc: templates.TemplateRefused) -> list[str]:
    """Why the owner's wording of a template was not saved."""
    return exc.problems + ([_("The message is empty.")] if exc.empty else [])


def storage(kind: str, folder: Path) -> str:
    """A full disk, a folder Afspraak cannot write in, a failing disk, a database another
    program is writing (``storage_errors``'s kinds): what happened and what to do."""
    kind = storage_errors.as_told(kind, folder)
    if kind == storage_errors.BUSY:
        # TRANSLATORS: one line, also printed by the command line (afspraak import, erase, demo...).
        return _("Another program is writing to your Afspraak data right now (the Afspraak window, another "
                 "afspraak command, or a program that opened the database in {folder}), so nothing was changed: "
                 "try again in a moment.").format(folder=str(folder))
    if kind == storage_errors.FULL:
        return _("The disk with your Afspraak data ({folder}) is full. Your last change was not saved; everything saved "
                 "before it is safe.\n\nFree up some space (empty the bin, delete large files) and try again.").format(
            folder=str(folder))
    if kind == storage_errors.READ_ONLY and _is_backups(folder):
        # TRANSLATORS: only the backups folder is read-only (the data folder itself can be written)
        return _("Afspraak cannot write in its backups folder ({folder}): the folder is read-only, or belongs to "
                 "another user. Nothing was changed and nothing is lost.\n\nGive yourself write permission on that "
                 "folder: Afspraak keeps a copy of your data there first.").format(folder=str(folder))
    if kind == storage_errors.READ_ONLY:
        return _("Afspraak cannot write in its data folder ({folder}): the folder or the disk is read-only, "
                 "or belongs to another user. Nothing was changed and nothing is lost.\n\nGive yourself write "
                 "permission on that folder, or start Afspraak with --data-dir and a folder you can write "
                 "in.").format(folder=str(folder))
    return _("The disk with your Afspraak data ({folder}) reported an error. Your last change may not have been "
             "saved; everything saved before it is safe.\n\nMake a backup copy to another disk as soon as you "
             "can.").format(folder=str(folder))


def _is_backups(folder: Path) -> bool:
    """Is ``folder`` the backups folder (``paths.backup_place``), not the data folder?"""
    try:
        return Path(folder).resolve() == paths.backup_place().resolve()
    except (OSError, RuntimeError):
        return False


def storage_problem(exc: BaseException, folder: Path, command_line: bool = False,
                    repaired: Sequence[Recovery] = ()) -> str:
    """The words for a storage failure ``exc`` (``storage_errors.kind_of`` is not None):
    :func:`repair_blocked` when it stopped the repair of a damaged file, :func:`cannot_open`
    when it stopped the opening of her data, :func:`repaired_not_opened` when that opening
    came after a repair (``recovery.RepairedNotOpened``, or ``repaired``: the repairs the
    window made before it opened her data again), else :func:`storage`. ``command_line``:
    said by a command (run again, not started again)."""
    for cause in (exc, exc.__cause__, exc.__context__):
        if isinstance(cause, RepairedNotOpened):
            return repaired_not_opened([*repaired, *cause.reports], cause.kind, cause.folder, command_line)
        if isinstance(cause, RepairBlocked):
            return repair_blocked(cause, command_line)
        if isinstance(cause, OpenBlocked):
            if repaired:
                return repaired_not_opened(repaired, cause.kind, cause.folder, command_line)
            return cannot_open(cause.kind, cause.folder, command_line)
    kind = storage_errors.kind_of(exc) or storage_errors.DISK
    if repaired:
        return repaired_not_opened(repaired, kind, folder, command_line)
    for cause in (exc, exc.__cause__, exc.__context__):
        if isinstance(cause, storage_errors.StorageProblem):  # the store named the folder that refused
            folder = cause.folder
            break
    return storage(kind, folder)


def repaired_not_opened(reports: Sequence[Recovery], kind: str, folder: Path, command_line: bool = False) -> str:
    """A repair was made and is kept (``reports``), and then the disk would not let the
    repaired data be opened (``recovery.RepairedNotOpened``): what the repair did (this is
    her only word of it: the next start opens the repaired file as any other, silently),
    that it stays, why her data cannot be opened now, and what to do. Not "nothing was
    changed": the repair changed what is in place. ``command_line``: said by a command."""
    kind = storage_errors.as_told(kind, folder)
    text = _recovered(_reports(reports), command_line, opened=False) + "\n\n"
    if kind == storage_errors.FULL:
        # TRANSLATORS: follows what a repair did (what was damaged, what was put in its place); {folder} is the data folder
        text += _("But now Afspraak cannot open your data: the disk with your Afspraak data ({folder}) is full. "
                  "The repair is kept: nothing more is lost.").format(folder=str(folder))
        todo = _("Free up some space (empty the bin, delete large files) and run the command again.") if (
            command_line) else _("Free up some space (empty the bin, delete large files) and start Afspraak again.")
    elif kind == storage_errors.BUSY:
        # TRANSLATORS: follows what a repair did (what was damaged, what was put in its place)
        text += _("But now Afspraak cannot open your data: another program is writing to it. The repair is kept: "
                  "nothing more is lost.")
        todo = _("Run the command again in a moment.") if command_line else _("Start Afspraak again in a moment.")
    else:
        reason = _("the disk or folder is read-only") if kind == storage_errors.READ_ONLY else _(
            "the disk reported an error")
        # TRANSLATORS: follows what a repair did; {reason}: "the disk reported an error", "the disk or folder is read-only"
        text += _("But now Afspraak cannot open your data: {reason}. The repair is kept: nothing more is "
                  "lost.").format(reason=reason)
        if command_line:
            todo = _("Make sure Afspraak can write in {folder} (copy the whole folder to another disk if this one "
                     "is failing) and run the command again.")
        else:
            todo = _("Make sure Afspraak can write in {folder} (copy the whole folder to another disk if this one "
                     "is failing) and start Afspraak again.")
        todo = todo.format(folder=str(folder))
    return text + "\n\n" + todo


def not_written(kind: str, folder: Path) -> str:
    """Afspraak could not write a setting of its own while it started (a full disk, a
    failing one): her data is as it was, and what to do. Not "your last change was not
    saved": she changed nothing, and the start went on. A read-only folder is said as
    :func:`storage` says it (nothing changed there either)."""
    kind = storage_errors.as_told(kind, folder)
    if kind == storage_errors.FULL:
        reason = _("the disk is full")
        todo = _("Free up some space (empty the bin, delete large files): until then, what you change in Afspraak "
                 "may not be saved.")
    elif kind == storage_errors.DISK:
        reason = _("the disk reported an error")
        todo = _("Copy the whole folder {folder} to another disk as soon as you can: this one may be "
                 "failing.").format(folder=str(folder))
    else:
        return storage(kind, folder)
    # TRANSLATORS: while Afspraak started, it could not save a setting of its own (not something she
    # changed); {folder} is the data folder; {reason}: "the disk is full", "the disk reported an error"
    return _("While starting, Afspraak could not write to your data in {folder}: {reason}. Your data is as it "
             "was: nothing is lost.").format(folder=str(folder), reason=reason) + "\n\n" + todo


def rescue_blocked(problem: RescueBlocked) -> str:
    """The database file went while Afspraak was open, and the disk would not let the open
    data be put back (``recovery.RescueBlocked``): not "your last change was not saved;
    everything saved before it is safe", for her data is then only in the open Afspraak
    (no copy made: she must make room before she quits) or in the copy it made (then
    Afspraak stops). A file another program holds is only tried again (app.py)."""
    kind = storage_errors.as_told(problem.kind, problem.folder)
    folder = str(problem.folder)
    if kind == storage_errors.FULL:
        reason = _("the disk is full")
    elif kind == storage_errors.READ_ONLY:
        reason = _("the disk or folder is read-only")
    else:  # (a file another program holds is never told here: app.py tries again)
        reason = _("the disk reported an error")
    if problem.copy is None:
        # TRANSLATORS: {reason}: "the disk is full", "the disk reported an error", "the disk or folder is read-only"
        text = _("While Afspraak was open, its database file in {folder} was deleted, moved or replaced, perhaps by "
                 "a sync or clean-up program. Afspraak still has all your data open, but cannot put it back in "
                 "place: {reason}.").format(folder=folder, reason=reason)
        if kind == storage_errors.FULL:
            todo = _("Free up some space (empty the bin, delete large files) before you quit Afspraak: it tries "
                     "again every half hour, and when you quit.")
        else:
            todo = _("Make sure Afspraak can write in {folder} before you quit Afspraak: it tries again every "
                     "half hour, and when you quit.").format(folder=folder)
        return text + "\n\n" + todo
    # TRANSLATORS: {file} is the copy in the backups folder; {reason}: "the disk is full", "the disk reported an error"…
    text = _("While Afspraak was open, its database file in {folder} was deleted, moved or replaced, perhaps by a "
             "sync or clean-up program. Afspraak made a whole copy of your data, {file}, but cannot put it in "
             "place: {reason}. Afspraak stops here.").format(folder=folder, file=str(problem.copy), reason=reason)
    if kind == storage_errors.FULL:
        todo = _("Free up some space (empty the bin, delete large files) and start Afspraak again.")
    else:
        todo = _("Make sure Afspraak can write in {folder} (copy the whole folder to another disk if this one "
                 "is failing) and start Afspraak again.").format(folder=folder)
    return text + "\n\n" + todo + " " + _(
        "If your latest changes are missing then, restore that copy with File → Restore a backup.")


def cannot_open(kind: str, folder: Path, command_line: bool = False) -> str:
    """A full disk or a failing one at start (``recovery.OpenBlocked``): her data cannot be
    opened, nothing was changed, and what to do. Not "your last change was not saved": she
    made none. A read-only folder and a file another program is writing are said as
    :func:`storage` says them (nothing changed there either)."""
    kind = storage_errors.as_told(kind, folder)
    if kind == storage_errors.FULL:
        # TRANSLATORS: at start (the window, or any afspraak command); {folder} is the data folder
        text = _("Afspraak cannot open your data: the disk with your Afspraak data ({folder}) is full. Nothing was "
                 "changed: your data is untouched.")
        if command_line:
            todo = _("Free up some space (empty the bin, delete large files) and run the command again.")
        else:
            todo = _("Free up some space (empty the bin, delete large files) and start Afspraak again.")
    elif kind == storage_errors.DISK:
        # TRANSLATORS: at start (the window, or any afspraak command); {folder} is the data folder
        text = _("Afspraak cannot open your data: the disk with your Afspraak data ({folder}) reported an error. "
                 "Nothing was changed: your data is untouched.")
        if command_line:
            todo = _("Copy the whole folder {folder} to another disk as soon as you can (this one may be failing), "
                     "then run the command again.")
        else:
            todo = _("Copy the whole folder {folder} to another disk as soon as you can (this one may be failing), "
                     "then start Afspraak again.")
    else:
        return storage(kind, folder)
    return text.format(folder=str(folder)) + "\n\n" + todo.format(folder=str(folder))


def repair_blocked(problem: RepairBlocked, command_line: bool = False) -> str:
    """The database file is damaged or missing, and the disk would not let it be repaired
    (``recovery.RepairBlocked``): both, that nothing is lost, and what to do. Not "your last
    change was not saved": there was none, and the file is not safe, it is damaged or gone.
    ``command_line``: said by a command (run again, not started again)."""
    kind = storage_errors.as_told(problem.kind, problem.folder)
    text = _blocked_file(problem) + " " + _blocked_why(problem, kind)
    if problem.kept_as is not None:
        text += " " + _("Nothing was deleted: the file was kept as {file}, and your backups are just as they "
                        "were.").format(file=str(problem.kept_as))
    elif problem.damaged != MISSING:
        text += " " + _("Nothing was changed: the file and your backups are just as they were.")
    elif problem.restoring is not None:
        text += " " + _("Nothing was changed: your backups are just as they were.")
    else:
        text += " " + _("Nothing was changed.")
    return text + "\n\n" + _blocked_todo(problem, kind, command_line)


def _blocked_file(problem: RepairBlocked) -> str:
    """What is wrong with the file a blocked repair was for."""
    if problem.damaged == MISSING:
        return _("Afspraak's database file is missing from {folder}: it was deleted or moved, perhaps by a sync "
                 "or clean-up program.").format(folder=str(problem.folder))
    if problem.damaged == EMPTY:
        return _("Afspraak's database file is empty (for example after a full disk or an interrupted copy).")
    if problem.damaged == FOREIGN:
        return _("The file where Afspraak keeps its data holds another program's data.")
    if problem.damaged == NOT_SQLITE:
        return _("The file where Afspraak keeps its data is not an Afspraak database: it is another kind of file "
                 "(perhaps saved or copied there by mistake).")
    return _("Afspraak's database file is damaged (for example by a power cut or a failing disk).")


def _blocked_why(problem: RepairBlocked, kind: str) -> str:
    """Why the repair could not be made (follows :func:`_blocked_file`)."""
    folder = str(problem.folder)
    reason = _("the disk or folder is read-only") if kind == storage_errors.READ_ONLY else _(
        "the disk reported an error")
    if problem.restoring is None:  # a new, empty database in its place: there is nothing to put back
        if kind == storage_errors.FULL:
            return _("There is no usable backup to put in its place, and the disk with your Afspraak data ({folder}) is "
                     "too full even to start a new, empty database.").format(folder=folder)
        # TRANSLATORS: {reason}: "the disk reported an error", "the disk or folder is read-only"
        return _("There is no usable backup to put in its place, and Afspraak could not start a new, empty database: "
                 "{reason}.").format(reason=reason)
    if problem.damaged == MISSING:
        if kind == storage_errors.FULL:
            return _("The disk with your Afspraak data ({folder}) is too full to put your newest backup back: "
                     "that needs room for a whole copy of your data.").format(folder=folder)
        # TRANSLATORS: {reason}: "the disk reported an error", "the disk or folder is read-only"
        return _("Afspraak could not put your newest backup back: {reason}.").format(reason=reason)
    if kind == storage_errors.FULL:
        # TRANSLATORS: follows "Afspraak's database file is damaged (…)."; {folder} is the data folder
        return _("The disk with your Afspraak data ({folder}) is too full to repair it: putting a backup "
                 "in its place needs room for a whole copy of your data.").format(folder=folder)
    # TRANSLATORS: follows "Afspraak's database file is damaged (…)."; {reason}: "the disk reported an error"…
    return _("Afspraak could not repair it: {reason}.").format(reason=reason)


def _blocked_todo(problem: RepairBlocked, kind: str, command_line: bool) -> str:
    """What to do about a blocked repair, and what Afspraak will do then."""
    folder = str(problem.folder)
    if kind == storage_errors.FULL:
        todo = _("Free up some space (empty the bin, delete large files) and run the command again.") if (
            command_line) else _("Free up some space (empty the bin, delete large files) and start Afspraak again.")
    elif command_line:
        todo = _("Make sure Afspraak can write in {folder} (copy the whole folder to another disk if this one "
                 "is failing) and run the command again.").format(folder=folder)
    else:
        todo = _("Make sure Afspraak can write in {folder} (copy the whole folder to another disk if this one "
                 "is failing) and start Afspraak again.").format(folder=folder)
    if problem.damaged != MISSING and problem.restoring is None:
        return todo + " " + _("Afspraak will then set the file aside (it is never deleted), start with a new, empty "
                              "database and tell you what it did.")
    if problem.damaged != MISSING:
        return todo + " " + _("Afspraak will then repair your data and tell you what it did.")
    if problem.restoring is not None:
        todo += " " + _("Afspraak will then put your newest backup back and tell you what it did.")
    else:
        todo += " " + _("Afspraak will then start with a new, empty database and tell you what it did.")
    return todo + " " + _("If you moved the file yourself, put it back in {folder} first.").format(folder=folder)


def _reports(report: Recovery | Sequence[Recovery]) -> list[Recovery]:
    return [report] if isinstance(report, Recovery) else list(report)


def recovered(report: Recovery | Sequence[Recovery], command_line: bool = False) -> str:
    """What the recovery from a damaged database did (``store/recovery.py``), and what may
    be missing; ``command_line``: said by a command (which restores with ``afspraak restore``,
    not the window's menu).

    Several reports (a backup put back turned out to be damaged too, and the next one was
    used) make one message: the owner's own file first, what is in use now last."""
    return _recovered(_reports(report), command_line, opened=True)


def _recovered(reports: list[Recovery], command_line: bool, opened: bool) -> str:
    """:func:`recovered`; ``opened``: Afspraak opened the repaired data (False: the disk
    refused that afterwards, :func:`repaired_not_opened`, so it has not "started" on it)."""
    first, last = reports[0], reports[-1]
    if first.damaged == REPLACED:
        text = _("While Afspraak was open, its database file in {folder} was deleted, moved or replaced, perhaps "
                 "by a sync or clean-up program. Afspraak still had all your data open and has put it back in "
                 "place: nothing is missing.").format(folder=str(first.folder))
        if first.kept_as is not None:
            text += " " + _("The file that had taken its place was kept as {file}, in case you need it.").format(
                file=str(first.kept_as))
        return text
    text = _what_was_wrong(reports)
    if last.salvaged is not None:
        return text + "\n\n" + _salvaged(last, command_line)
    if last.restored_from is None:
        return text + "\n\n" + _started_empty(command_line, opened)
    taken = to_local(last.backup_taken_at)
    if not last.from_automatic:  # one she took herself (or a copy Afspraak made): named, so she knows which
        return text + "\n\n" + _(
            "The newest backup, {file} of {date} at {time}, has been restored. Anything you entered or changed "
            "after that moment is missing: please check your latest changes.").format(
            file=last.restored_from.name, date=i18n.format_date(taken, "long"), time=i18n.format_time(taken))
    return text + "\n\n" + _(
        "The automatic backup of {date} at {time} has been restored. Anything you entered or changed after "
        "that moment is missing: please check your latest changes.").format(
        date=i18n.format_date(taken, "long"), time=i18n.format_time(taken))


def _what_was_wrong(reports: list[Recovery]) -> str:
    """The first paragraph of :func:`recovered`: what was wrong with her file, where it was
    kept, and the backups put back first that were damaged too."""
    first = reports[0]
    if first.damaged == MISSING:
        text = _("Afspraak's database file was missing from {folder}: it was deleted or moved, perhaps by a sync "
                 "or clean-up program.").format(folder=str(first.folder))
    elif first.damaged == EMPTY:
        text = _("Afspraak's database file was empty (for example after a full disk or an interrupted copy). "
                 "The empty file was kept as {file}.").format(file=str(first.kept_as))
    elif first.damaged == FOREIGN:
        text = _("The file where Afspraak keeps its data holds another program's data. It was kept as {file}, "
                 "in case you need it.").format(file=str(first.kept_as))
    elif first.damaged == NOT_SQLITE:
        # TRANSLATORS: a text, a picture or a document where the database should be: not damage
        text = _("The file where Afspraak keeps its data was not an Afspraak database: it is another kind of file "
                 "(perhaps saved or copied there by mistake). It was kept as {file}, in case you need it.").format(
            file=str(first.kept_as))
    elif reports[-1].salvaged is not None:
        text = _("Afspraak found damage in its database (for example after a power cut or a failing disk). The "
                 "damaged file was kept as {file}, untouched, in case you need it.").format(file=str(first.kept_as))
    else:
        text = _("Afspraak could not read its database: the file was damaged (for example by a power cut "
                 "or a failing disk). The damaged file was kept as {file}, in case you need it.").format(
            file=str(first.kept_as))
    later = [str(r.kept_as) for r in reports[1:]]
    if later:
        text += " " + ngettext(
            "The backup restored first was damaged too; it was kept as well, as {files}.",
            "The backups restored first were damaged too; they were kept as well, as {files}.",
            len(later)).format(files=", ".join(later))
    return text


# Her tables in her words: what part of her data a salvage could not read wholly
# (``Recovery.salvaged.unreadable``, store/salvage.py). A table not named here is "other data".
_PARTS = {
    "event": N_("part of the timeline (notes, messages and history)"),
    "person": N_("some people's details"),
    "handle": N_("some people's social media names"),
    "shop_order": N_("some shop orders"),
    "shop_order_line": N_("some lines of shop orders"),
    "custom_order": N_("some custom orders"),
    "order_date_change": N_("some changes of custom orders' dates"),
    "order_picture": N_("some pictures of custom orders"),
    "collaboration": N_("some collaborations"),
    "collaboration_product": N_("some products of collaborations"),
    "agreement_version": N_("some agreements"),
    "deliverable": N_("some deliverables of collaborations"),
    "content": N_("some posts and other content"),
    "content_evidence": N_("some proof of posted content"),
    "shipment": N_("some shipments"),
    "shipment_item": N_("some items of shipments"),
    "product": N_("some products"),
    "strike": N_("some strikes"),
    "rating": N_("some ratings"),
    "message_template": N_("some message templates"),
}


# The same parts where not one row of the table is in the salvage (its every page unreadable,
# or all it read left out): "part of" or "some" would not be true.
_WHOLE = {
    # TRANSLATORS: after "Could not be read:": not one row of this part of her data could be read
    "event": N_("all of the timeline (notes, messages and history)"),
    "person": N_("all people's details"),
    "handle": N_("all people's social media names"),
    "shop_order": N_("all shop orders"),
    "shop_order_line": N_("all lines of shop orders"),
    "custom_order": N_("all custom orders"),
    "order_date_change": N_("all changes of custom orders' dates"),
    "order_picture": N_("all pictures of custom orders"),
    "collaboration": N_("all collaborations"),
    "collaboration_product": N_("all products of collaborations"),
    "agreement_version": N_("all agreements"),
    "deliverable": N_("all deliverables of collaborations"),
    "content": N_("all posts and other content"),
    "content_evidence": N_("all proof of posted content"),
    "shipment": N_("all shipments"),
    "shipment_item": N_("all items of shipments"),
    "product": N_("all products"),
    "strike": N_("all strikes"),
    "rating": N_("all ratings"),
    "message_template": N_("all message templates"),
}


def unreadable_parts(salvaged) -> str:
    """The parts of her data a salvage (``salvage.Salvaged``) could not read wholly, as one
    list in her words: all of a part none of which is in the salvage (``nothing_kept``), else
    part of it."""
    from babel import lists as babel_lists

    tables = {*salvaged.unreadable, *salvaged.dropped}
    words: list[str] = []
    for table in sorted(tables, key=lambda t: (t not in _PARTS, list(_PARTS).index(t) if t in _PARTS else 0)):
        if table not in _PARTS:
            # TRANSLATORS: a part of her data that could not be read, after "Could not be read:" and
            # often after another part ("all products and …"): one item, no "and" of its own
            word = _("some other data (such as settings)")
        else:
            word = _(_WHOLE[table] if salvaged.nothing_kept(table) else _PARTS[table])
        if word not in words:
            words.append(word)
    return babel_lists.format_list(words, locale=i18n.formatting_locale()) if words else ""


def _salvaged(report: Recovery, command_line: bool) -> str:
    """What a salvage saved (``Recovery.salvaged``) and what it could not; and the backup
    that may still hold the rest."""
    saved = report.salvaged
    if saved.whole:
        return _("Everything in it could still be read: Afspraak copied all of your data into a new, sound "
                 "database. Nothing is missing.")
    text = _("Afspraak copied everything that could still be read into a new, sound database: the rest of "
             "your data is as you left it. Could not be read: {parts}.").format(
        parts=unreadable_parts(saved))
    if report.backup_left is not None and report.backup_has_more:
        taken = to_local(report.backup_left_at)
        if command_line:
            # TRANSLATORS: "afspraak restore" is a command: keep it; {file} is the backup's full path
            how = _("To go back to that backup instead (everything you changed after it is then missing): "
                    "afspraak restore {file}").format(file=str(report.backup_left))
        else:
            how = _("To go back to that backup instead (everything you changed after it is then missing), "
                    "choose it with File → Restore a backup.")
        return text + " " + _("The backup of {date} at {time} may still have what is missing, as it was then; "
                              "it stays in the backups folder.").format(
            date=i18n.format_date(taken, "long"), time=i18n.format_time(taken)) + " " + how
    return text + " " + _("There is no backup that has more of it.")


def _started_empty(command_line: bool, opened: bool) -> str:
    """No usable backup: an empty database is in place (and, ``opened``, in use)."""
    if not opened and command_line:
        # TRANSLATORS: the repaired data could not be opened after all (a full disk, said next);
        # "afspraak restore" is a command: keep it; FILE is the command's own word for the file (Dutch: BESTAND).
        return _("There was no usable backup, so a new, empty database was put in its place. If you have a "
                 "backup elsewhere, restore it with: afspraak restore FILE")
    if not opened:
        # TRANSLATORS: the repaired data could not be opened after all (a full disk, said next)
        return _("There was no usable backup, so a new, empty database was put in its place. If you have a "
                 "backup elsewhere, restore it with File → Restore a backup once Afspraak is open.")
    if command_line:
        # TRANSLATORS: "afspraak restore" is a command: keep it as it is; FILE is the word the
        # command's own help uses for the file to give it (Dutch: BESTAND).
        return _("There was no usable backup, so Afspraak has started with an empty database. If you have a "
                 "backup elsewhere, restore it with: afspraak restore FILE")
    return _("There was no usable backup, so Afspraak has started with an empty database. If you "
             "have a backup elsewhere, restore it with File → Restore a backup.")


def recovered_title(report: Recovery | Sequence[Recovery]) -> str:
    """The title over :func:`recovered`: "repaired" only when a backup was put back; with
    none to put back her data is not repaired, she has an empty database."""
    reports = _reports(report)
    if reports[0].damaged != REPLACED and reports[-1].restored_from is None and reports[-1].salvaged is None:
        return _("Afspraak started with an empty database")
    return _("Your data was repaired")


def keeps_failing(folder: Path) -> str:
    """Damage found again and again in one session: the disk itself is likely failing."""
    return _("Afspraak keeps finding damage in its database, even after restoring a backup. The disk may be "
             "failing. Afspraak stops now so that nothing more is written to it; nothing has been deleted.\n\nCopy "
             "the whole folder {folder} to another disk or a USB stick as soon as you can, and ask someone to check "
             "the disk before you start Afspraak again.").format(folder=str(folder))


def not_tidied(kind: str, folder: Path) -> str:
    """An erasure was saved, but tidying the database file up after it (which needs room for
    a whole copy) met a full disk or another storage problem."""
    if storage_errors.as_told(kind, folder) == storage_errors.FULL:
        return _("The erasure is saved, but the disk with your Afspraak data ({folder}) is too full to tidy the "
                 "database file up after it (that needs room for a copy of it). Free up some space.").format(
            folder=str(folder))
    return _("The erasure is saved, but the database file in {folder} could not be tidied up after it: the disk "
             "reported an error.").format(folder=str(folder))


def migration_failed(folder: Path) -> str:
    """The upgrade of her data to this version failed (``migrations.MigrationFailed``): all of
    it was taken back, so the file is as the previous version left it."""
    # TRANSLATORS: shown at start (and by every afspraak command) when this version could not update the data
    return _("This version of Afspraak could not update your data, so it stops here. Nothing was changed: your data "
             "is exactly as the previous version left it.\n\nInstall the previous version of Afspraak again for now, "
             "and report the problem; the log in {folder} says what went wrong (it holds no names).").format(
        folder=str(folder))


def text(exc: BaseException) -> str:
    """Any refusal of the store in words; another exception as it reads."""
    if isinstance(exc, pictures.NotAPicture):
        return picture_refused(exc)
    if isinstance(exc, templates.TemplateRefused):
        return "\n".join(template_problems(exc))
    if isinstance(exc, orders.OrderInvalid):
        return "\n".join(fields(exc).values())
    return str(exc)


def restore_refused(file: object, problem: BaseException | None, command_line: bool = False) -> str:
    """Why a backup was not restored (store/backup.py ``restore``), in words: missing, a
    folder, another program's file, damaged, or saved by a newer Afspraak. Nothing was
    changed in each case. ``command_line``: a damaged file's salvage is offered as the
    command's option (``afspraak restore --salvage``), not as the window's menu."""
    from desktop.store.db import NotAnAfspraakDatabase

    path = Path(str(file))
    if path.is_dir():
        text = _("“{file}” is a folder, not a backup file.")
    elif not path.exists():
        text = _("“{file}” does not exist.")
    elif getattr(problem, "reason", None) == NotAnAfspraakDatabase.NEWER:
        text = _("“{file}” was saved by a newer version of Afspraak: install that version to restore it.")
    elif getattr(problem, "reason", None) == NotAnAfspraakDatabase.UNREADABLE:
        return damaged_file(path) + " " + _("Nothing in it can be read any more. Nothing was changed. Try an "
                                            "older backup.")
    elif getattr(problem, "reason", None) == NotAnAfspraakDatabase.DAMAGED and command_line:
        nothing = _("Nothing was changed.")
        # TRANSLATORS: "afspraak restore --salvage" is a command: keep it as it is; {file} is the file's full path
        salvage = _("Afspraak can copy what can still be read from it into your data: afspraak restore --salvage "
                    "{file}").format(file=str(file))
        return damaged_file(path) + " " + nothing + " " + salvage
    elif getattr(problem, "reason", None) == NotAnAfspraakDatabase.DAMAGED:
        return damaged_file(path) + " " + _("Nothing was changed.") + " " + _(
            "Afspraak can copy what can still be read from it into your data: choose it with File → Restore a "
            "backup in the Afspraak window.")
    else:
        text = _("“{file}” is not an Afspraak backup.")
    return text.format(file=str(file)) + " " + _("Nothing was changed.")


def damaged_file(path: Path) -> str:
    """What a damaged Afspraak file given to a restore is: the damaged database a repair kept
    aside (``afspraak-damaged-….sqlite3``: not a backup, review of data safety, 2), or a
    damaged backup or copy."""
    if Path(path).name.startswith("afspraak-damaged-"):
        # TRANSLATORS: {file} is the full path of the file
        return _("“{file}” is not a backup: it is the damaged database that Afspraak kept aside when it "
                 "repaired your data, so it cannot be restored as it is.").format(file=str(path))
    return _("“{file}” is an Afspraak database, but it is damaged, so it cannot be restored as it is.").format(
        file=str(path))


# Why a file could not be read or written, worded here for every caller (the CLI, the
# window's dialogs, the pictures the store refuses): the system's own text is English
# whatever the owner's language ("Is a directory", "File exists"), and is shown only for a
# case not named here, as a last resort.


def unreadable(exc: OSError) -> str:
    """Why a file cannot be read, in the owner's language (a clause: "it does not exist")."""
    if isinstance(exc, incoming.NotAPlainFile):
        # TRANSLATORS: why a file cannot be read: a named pipe or a device, not a file on the disk.
        return _("it is not an ordinary file")
    if isinstance(exc, incoming.TooLarge):
        # TRANSLATORS: why a shop export is not read; {size} and {limit} are whole numbers of megabytes.
        return _("it is {size} MB, and Afspraak reads a shop export of at most {limit} MB: export a shorter "
                 "period or fewer products from your shop").format(
            size=i18n.format_number(-(-exc.size // 2**20)), limit=i18n.format_number(exc.limit // 2**20))
    return _reading_reason(getattr(exc, "errno", None), exc.strerror or str(exc))


def _reading_reason(code: int | None, fallback: str) -> str:
    import errno

    reasons = {
        errno.ENOENT: lambda: _("it does not exist"),
        errno.EISDIR: lambda: _("it is a folder, not a file"),
        errno.EACCES: lambda: _("you have no permission to read it"),
        errno.EPERM: lambda: _("you have no permission to read it"),
        errno.ENOTDIR: lambda: _("it does not exist"),
        errno.ENAMETOOLONG: lambda: _("the file name is too long"),
        errno.EIO: lambda: _("the disk reported an error"),
    }
    found = reasons.get(code)
    return found() if found else fallback


def backup_failed(exc: BaseException, folder: Path) -> str:
    """The day's automatic backup could not be made (a full disk, a read-only folder, a file
    where the backup folder should be): said once a day, or it fails for weeks unseen and
    the day damage comes there is no copy to put back (review 26, data 3)."""
    kind = storage_errors.kind_of(exc)
    if isinstance(exc, OSError) and exc.errno is not None:
        reason = unwritable(exc)
    elif kind == storage_errors.FULL:
        reason = _("the disk is full")
    elif kind == storage_errors.READ_ONLY:
        reason = _("the disk or folder is read-only")
    else:
        reason = _("the disk reported an error")
    # TRANSLATORS: {reason} is one of the short reasons a file could not be written, such as
    # "the disk is full"; {folder} is where the automatic backups are kept.
    return _("Today's automatic backup could not be made: {reason}. Your data itself is safe, but without "
             "a recent backup it cannot be put back if the file is ever damaged. Afspraak tries again every "
             "half hour; free up space, or make sure Afspraak can write in {folder}.").format(
        reason=reason, folder=str(folder))


def no_data_here(folder: Path) -> str:
    """A command that reads or copies her data, run on a folder that holds none (a mistyped
    --data-dir, a drive not plugged in): said, and nothing made there."""
    # TRANSLATORS: {folder} the data folder (named with --data-dir, or the usual one); "--data-dir" is the
    # command's option: keep it as it is.
    return _("There is no Afspraak data in “{folder}”. Check the folder's name (--data-dir), or start Afspraak "
             "once to begin there. Nothing was changed.").format(folder=str(folder))


def data_dir_unusable(exc: OSError, folder: Path) -> str:
    """The data folder named with --data-dir cannot even be looked at (a name longer than the
    system allows, a folder above it she may not open): said before anything is opened."""
    import errno

    if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
        # TRANSLATORS: why a folder cannot be used: its name (the whole path) is longer than the system allows.
        reason = _("its name is too long for the system")
    else:
        reason = unwritable(exc)
    # TRANSLATORS: {folder} the folder named with --data-dir; {reason} e.g. "its name is too long for the system".
    return _("Afspraak cannot keep its data in “{folder}”: {reason}. Nothing was changed; choose another folder "
             "with --data-dir.").format(folder=str(folder), reason=reason)


def unwritable(exc: OSError) -> str:
    """Why a file (a backup, an export, a calendar, a picture's copy) could not be saved, in
    the owner's language: a clause naming the place where it helps ("“/tmp” is a folder:
    choose a file name in it")."""
    import errno

    code = getattr(exc, "errno", None)
    file = Path(exc.filename) if isinstance(exc.filename, (str, Path)) and str(exc.filename) else None
    if isinstance(exc, outgoing.LinkInTheWay):
        # TRANSLATORS: a file was to be saved under a name that is a symbolic link ("snelkoppeling")
        # to {target}, a place that may not exist; saving would replace the link, not that file.
        return _("“{file}” is a link to “{target}”: Afspraak does not save through a link. Give the name of the "
                 "file itself, or another name").format(file=str(exc.filename), target=exc.target)
    if isinstance(exc, incoming.NotAPlainFile):
        # TRANSLATORS: a file was to be saved under the name of a named pipe or a device (such as /dev/null)
        return _("“{file}” is not an ordinary file but a pipe or a device of the system: choose another file "
                 "name").format(file=str(exc.filename))
    if code == errno.EISDIR and file is not None:
        return _("“{file}” is a folder: choose a file name in it").format(file=str(file))
    if code in (errno.EEXIST, errno.ENOTDIR) and file is not None:
        in_the_way = file if code == errno.EEXIST and file.is_file() else paths.file_in_the_way(file.parent)
        if in_the_way is not None:
            return _("“{file}” is a file, where a folder is needed").format(file=str(in_the_way))
    if code == errno.ENOENT and file is not None:
        return _("the folder “{folder}” does not exist").format(folder=str(file.parent))
    reasons = {
        errno.EACCES: lambda: _("you have no permission to write there"),
        errno.EPERM: lambda: _("you have no permission to write there"),
        errno.EROFS: lambda: _("the disk or folder is read-only"),
        errno.ENOSPC: lambda: _("the disk is full"),
        errno.EDQUOT: lambda: _("the disk is full"),
        # TRANSLATORS: a file too large for the disk's format (a USB stick formatted as FAT32: 4 GB at most)
        errno.EFBIG: lambda: _("the file is too large for that disk"),
        errno.EIO: lambda: _("the disk reported an error"),
        # TRANSLATORS: a backup asked to be written over the database file itself
        errno.EBUSY: lambda: _("that is the file Afspraak keeps your data in: a copy needs another name or place, "
                               "such as a USB stick"),
        errno.ENAMETOOLONG: lambda: _("the file name is too long"),
        errno.EISDIR: lambda: _("that is a folder, not a file name"),
        errno.ENOENT: lambda: _("that folder does not exist"),
        errno.ENOTDIR: lambda: _("part of that place is a file, not a folder"),
        errno.EEXIST: lambda: _("a file stands where a folder is needed"),
    }
    found = reasons.get(code)
    return found() if found else (exc.strerror or str(exc))
