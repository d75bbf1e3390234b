"""The `afspraak` command: the GUI by default, plus demo, backup, restore and import.

Exit codes: 0 ok, 1 the user's input was refused (message on stderr), or the program
reading what it printed stopped early (`| head -1`), 2 usage error.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from contextlib import contextmanager
from pathlib import Path

from desktop import __version__, collection, i18n, paths
from desktop.i18n import N_, _, ngettext

log = logging.getLogger(__name__)

# argparse words its own messages ("usage: ", "the following arguments are required: %s")
# through the module gettext's default catalog. These are its texts that reach a user
# (Python 3.11's argparse, word for word: a newer Python rewords some, which
# tests/test_cli.py then says), listed so that `make catalogs` extracts them;
# `_argparse_in_language` hands argparse the app's catalogs while the command line is read.
ARGPARSE_TEXTS = (
    # TRANSLATORS: argparse's texts (the command line's help and usage errors); keep the
    # %(name)s and %s placeholders, and the line end of "%(prog)s: error: %(message)s".
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unexpected option string: %s"),
    N_("can't open '%(filename)s': %(error)s"),
)


def argparse_plurals(n: int) -> list[str]:
    """argparse's texts with a plural, in the app's language (written out for `make catalogs`)."""
    return [ngettext("expected %s argument", "expected %s arguments", n)]


@contextmanager
def _argparse_in_language():
    """argparse's own texts in the app's language while the command line is built and read
    (its help, "usage:", its errors); the module's own gettext again afterwards."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = i18n._, i18n.ngettext
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved


def _described(help_text: str) -> str:
    """A command's line in the list of commands ("import the products…") as the first
    sentence of its own help page ("Import the products….")."""
    return help_text[:1].upper() + help_text[1:] + "."


def _parser() -> argparse.ArgumentParser:
    # TRANSLATORS: the placeholders of the command line's help ("afspraak import FILE"):
    # one word in capitals, no spaces.
    file = _("FILE")
    # TRANSLATORS: a placeholder of the command line's help ("--data-dir DIR"): one word in capitals.
    folder = _("DIR")
    # TRANSLATORS: a placeholder of the command line's help ("afspraak COMMAND"): one word in capitals.
    command = _("COMMAND")
    # TRANSLATORS: a placeholder of the command line's help ("--person ID"): one word in capitals.
    person = _("ID")
    parser = argparse.ArgumentParser(prog="afspraak", description=_("Afspraak: a deal is a deal."))
    parser.add_argument("--version", action="version", version=f"afspraak {__version__}",
                        help=_("show the version number and exit"))
    parser.add_argument("--data-dir", metavar=folder, help=_("folder for the database and backups"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help=_("language of the app (nl or en)"))
    sub = parser.add_subparsers(dest="command", metavar=command)
    # --lang after the command too ("afspraak import FILE --lang nl"); `due` has its own.
    lang_after = argparse.ArgumentParser(add_help=False)
    lang_after.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                            help=_("language of the app (nl or en)"))

    def command(name: str, **options) -> argparse.ArgumentParser:
        return sub.add_parser(name, parents=[lang_after], description=_described(options["help"]), **options)

    gui = command("gui", help=_("start the app (the default)"))
    gui.add_argument("--smoke-test", action="store_true", help=_("start, show the window once and quit"))
    gui.add_argument("--minimised", action="store_true", help=_("start in the tray (used when starting at login)"))
    # bench/run.py: print when the window is shown again on a later start (not for users).
    gui.add_argument("--marks", action="store_true", help=argparse.SUPPRESS)
    command("demo", help=_("fill an empty database with an example shop"))
    b = command("backup", help=_("write a copy of the database"))
    b.add_argument("--out", metavar=file, help=_("where to write it (default: the backups folder)"))
    r = command("restore", help=_("replace the database with a backup"))
    r.add_argument("file", metavar=file, help=_(
        "the backup to restore (an Afspraak .sqlite3 file); a copy of the current data is saved in the backups folder first"))
    r.add_argument("--salvage", action="store_true", help=_(
        "when the file is damaged (the one Afspraak kept aside when it repaired your data, or a damaged backup), "
        "restore what can still be read of it; the file itself is only read"))
    imp = command("import", help=_(
        "import the products or the orders from a WooCommerce, Shopify or Etsy export (CSV)"))
    imp.add_argument("file", metavar=file, help=_(
        "the CSV file exported from the shop (products or orders, from WooCommerce, Shopify or Etsy); a file "
        "that cannot be read whole changes nothing"))
    c = command("calendar", help=_("write open deadlines and promised dates as a calendar file (.ics)"))
    c.add_argument("--out", metavar=file, required=True, help=_("the .ics file to write"))
    e = command("export", help=_("write everything held on one person to a zip file (privacy request)"))
    e.add_argument("--person", required=True, metavar=person, help=_("the person's number, email address or full name"))
    e.add_argument("--out", required=True, metavar=file, help=_("the zip file to write"))
    x = command("erase", help=_("erase one person and everything that names them (privacy request)"))
    x.add_argument("--person", required=True, metavar=person, help=_("the person's number, email address or full name"))
    x.add_argument("--yes", action="store_true", help=_("erase for real (without it, only show what would be erased)"))
    x.add_argument("--backups", action="store_true", help=_("erase them from the backup copies too"))
    due_help = _("list the follow-up steps that are due, with their messages")
    d = sub.add_parser("due", help=due_help, description=_described(due_help))
    # TRANSLATORS: the placeholder of `afspraak due --at`: one word in capitals, no spaces.
    d.add_argument("--at", metavar=_("MOMENT"), help=_(
        "the date and time to check, like 2026-12-07T10:00 (default: now; without a time zone, your local time)"))
    d.add_argument("--json", action="store_true", help=_("print a JSON list instead of text"))
    d.add_argument("--lang", choices=i18n.LANGUAGES, default=argparse.SUPPRESS,
                   help=_("language of the listing; each message is in its recipient's language"))
    return parser


# What a terminal that cannot show a character gets instead (one set to ISO-8859-1, or a
# pipe into an old program): the typographic marks as the keyboard's own, the rest as "?".
_PLAIN = {"„": '"', "“": '"', "”": '"', "‚": "'", "‘": "'", "’": "'", "…": "...", "–": "-", "—": "-",
          "→": "->", "✓": "v", "⚠": "!", "€": "EUR", "\u202f": " ", "\u00a0": " ", "\u2009": " "}


def _plain_marks(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    return "".join(_PLAIN.get(c, "?") for c in exc.object[exc.start:exc.end]), exc.end


def _printable_everywhere() -> None:
    """Our messages quote with „ ” and ‘…’: on a terminal whose encoding lacks them a print
    ended in a UnicodeEncodeError (stdout) or showed "\\u201e" (stderr). Such a stream
    prints them as plain marks (``_PLAIN``); a UTF-8 one is left as it is."""
    import codecs

    try:
        codecs.lookup_error("afspraak-plain")
    except LookupError:
        codecs.register_error("afspraak-plain", _plain_marks)
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        if not encoding or not hasattr(stream, "reconfigure"):
            continue
        try:
            "„”…€".encode(encoding)
        except UnicodeEncodeError:
            stream.reconfigure(errors="afspraak-plain")
        except LookupError:
            pass


def _say(message: str, error: bool = False) -> None:
    """Print ``message`` (on stderr when ``error``), a file's name in it readable whatever its
    bytes (``paths.shown``: it printed as "caf\\udce9.csv", or ended in a UnicodeEncodeError)."""
    print(paths.shown(message), file=sys.stderr if error else sys.stdout)


def _fail(message: str) -> int:
    _say(message, error=True)
    return 1


def _not_written(kind: str, exc: OSError) -> str:
    """Why ``--out`` was not written (``kind``: backup, calendar, export), and that nothing was."""
    from desktop.presentation import errors

    failed = {"backup": _("The backup could not be written: {error}"),
              "calendar": _("The file could not be written: {error}"),
              "export": _("The export could not be written: {error}")}[kind]
    return failed.format(error=errors.unwritable(exc)) + ". " + _("Nothing was written.")


def _kept_file(out: str | None, kind: str) -> str | None:
    """Why ``--out`` must not be written (a message), or None. A file that is there is
    written over only when it is what this command writes there anyway (an Afspraak
    database for a backup, a calendar file for the calendar): `calendar --out shop.csv`
    replaced a shop export with a calendar without a word (audit of 2026-12-05). An
    export is never written over. Nor is anything but an ordinary file: a folder, a named
    pipe, a device (/dev/null) or a symbolic link (store/outgoing.py), nor a place that
    cannot be looked at (a name too long): each is said before anything is opened."""
    if not out:
        return None
    from desktop.store import outgoing

    path = Path(out)
    try:
        if not outgoing.existing(path):
            return None
    except OSError as exc:
        return _not_written(kind, exc)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            head = fh.read(100)
    except OSError:
        return None  # the writing says what is wrong
    if kind == "backup":
        from desktop.store.db import APPLICATION_ID

        if head.startswith(b"SQLite format 3\x00") and int.from_bytes(head[68:72], "big") == APPLICATION_ID:
            return None
        what = _("an Afspraak backup")
    elif kind == "calendar":
        if head.lstrip(b"\xef\xbb\xbf").startswith(b"BEGIN:VCALENDAR"):
            return None
        what = _("a calendar file")
    else:
        return _("{path} already exists. Afspraak does not overwrite it: choose another file name. Nothing "
                 "was written.").format(path=path)
    # TRANSLATORS: {what} is "an Afspraak backup" or "a calendar file" (translated to fit here: Dutch "geen {what}").
    return _("{path} already exists and is not {what}. Afspraak does not overwrite it: choose another file "
             "name. Nothing was written.").format(path=path, what=what)


def _recover_after(exc: BaseException) -> int:
    """A command met a damaged database: keep it aside, put back the newest good backup
    (store/recovery.py), say so; the command did nothing and can be run again."""
    from desktop.presentation import errors
    from desktop.store import recovery
    from desktop.store.db import drop_database
    from desktop.store.storage_errors import StorageProblem

    drop_database()
    try:
        report = recovery.recover_after_error()
    except StorageProblem as problem:  # the damaged file cannot even be moved aside
        return _fail(errors.storage_problem(problem, problem.folder, command_line=True))
    if report is None:  # the thorough check finds the file healthy: not damage after all
        raise exc
    return _fail(errors.recovered(report, command_line=True) + "\n\n" + _("The command was not carried out; run it "
                                                                             "again."))


class _LeftToTheWindow(Exception):
    """Afspraak's window has this data open, and its file is damaged or gone: not repaired
    here (``_open_beside_the_window``). ``problem``: what ``recovery.diagnose`` said, or
    ``recovery.MISSING``."""

    def __init__(self, problem: str):
        super().__init__(problem)
        self.problem = problem


def _window_open() -> bool:
    """Is Afspraak running with this data folder (its window open, or in the tray)? Asked
    without bringing it to the front."""
    from desktop import instance_link

    running = instance_link.is_running()
    if running is None:  # Windows names a pipe: asked through Qt (single_instance.py)
        from desktop.single_instance import notify_running

        running = notify_running(b"")
    return bool(running)


def _left_to_the_window(problem: str) -> str:
    """Why a command did nothing: the data is damaged or gone while the window has it open."""
    from desktop.store import recovery

    if problem == recovery.MISSING:
        # TRANSLATORS: a command run while the app runs; the database file went (a sync or clean-up
        # program). At quit the app puts the data it still holds back in place (store/recovery.rescue_replaced).
        return _("Afspraak is open with this data, but the file it keeps the data in is gone (deleted or moved). "
                 "This command does not repair that while Afspraak is open: quit Afspraak (File → Quit), and it "
                 "puts your data back in place. Then run this command again. Nothing was changed.")
    # TRANSLATORS: a command run while the app runs found the database file damaged; the app's
    # next start puts back the newest good backup and says what that changes.
    return _("Afspraak is open with this data, and the file it keeps the data in is damaged. This command does not "
             "repair it while Afspraak is open: quit Afspraak (File → Quit) and start it again; it then puts back "
             "the newest good backup and tells you what that changes. Then run this command again. Nothing was "
             "changed.")


def _open_beside_the_window() -> None:
    """Open the data while Afspraak's window has it open, without repairing anything: a
    repair here (the damaged file moved aside, a backup put in its place) went on under the
    window, which kept its own connection to the file moved aside, and what she saved next
    there was lost without a word (review of data safety, 2). A sound file is opened as
    always (SQLite keeps the two writers apart); a damaged or missing one is left to the
    window (``_LeftToTheWindow``)."""
    from desktop.store import recovery
    from desktop.store.opening import open_database

    path = paths.db_path()
    if not path.exists():
        raise _LeftToTheWindow(recovery.MISSING)
    damaged = recovery.diagnose(path)  # the whole-file check the command makes every time
    if damaged:
        raise _LeftToTheWindow(damaged)
    open_database(path)


def _open(args):
    """Open the database (repairing a damaged one from a backup, unless Afspraak's window has
    it open) and take the saved language; what the repair did (``recovery.Recovery``), or
    None when the file was sound."""
    from desktop.presentation import errors
    from desktop.store import recovery, settings

    if _window_open():
        _open_beside_the_window()
        repaired = None
    else:
        repaired = recovery.open_checked()
    if not args.lang:
        saved = settings.get("language")
        i18n.set_language(saved or i18n.system_language())
    if repaired is not None:
        _say(errors.recovered(repaired, command_line=True), error=True)
    _tell_erased_again(restored=False)
    return repaired


def _tell_erased_again(restored: bool = True) -> None:
    """People erased on request that the data opened (restored, repaired, put in place, or cut
    off by a crash mid-erasure) still held were erased from it again: said once (store/erasures.py)."""
    from desktop.presentation import erasure_texts
    from desktop.store import erasures

    untold = erasures.take_untold()
    if untold:
        _say(erasure_texts.erased_again(untold, restored), error=True)


def cmd_demo(args) -> int:
    from desktop import demo
    from desktop.clock import utcnow

    _open(args)
    try:
        counts = demo.fill(utcnow())
    except demo.DatabaseNotEmpty:
        return _fail(_("The database already holds data; the demo only fills an empty one. "
                       "Use --data-dir with a new folder to try the demo."))
    _say(_("Example shop created: {people} people, {products} products, {shipments} shipments, {orders} custom "
           "orders, {events} timeline events.").format(**counts))
    return 0


def cmd_backup(args) -> int:
    from desktop.store import backup
    from desktop.store.db import db

    refused = _kept_file(args.out, "backup")
    if refused:
        return _fail(refused)
    if _open(args) is not None:
        # Repaired just now, from an older backup or to an empty database: a backup of that
        # could write over the good one she means to keep (a stick's copy), or push an
        # older automatic one out of the folder (review 26, data 1).
        return _fail(_("Afspraak wrote no backup: its data was repaired just now (see above), and a backup of "
                       "it could replace a better one. Check your data in Afspraak first, then make the backup "
                       "again. Nothing was written."))
    try:
        path = backup.backup_now(db.obj, out=Path(args.out) if args.out else None)
    except OSError as exc:
        return _fail(_not_written("backup", exc))
    _say(_("Backup written to {path}").format(path=path))
    return 0


def cmd_restore(args) -> int:
    from desktop.store import backup
    from desktop.store.db import NotAnAfspraakDatabase, close_database
    from desktop.store.opening import open_database

    from desktop.presentation import errors

    source = Path(args.file)
    try:
        plain = source.is_file()
    except OSError as exc:  # a name too long, a folder she cannot open: was a traceback
        return _fail(_("“{file}” cannot be read: {error}. Nothing was changed.").format(
            file=args.file, error=errors.unreadable(exc)))
    if not plain:
        return _fail(errors.restore_refused(args.file, None, command_line=True))
    try:
        from desktop.store.db import check_afspraak_file

        check_afspraak_file(source)
    except NotAnAfspraakDatabase as refused:
        return _fail(errors.restore_refused(args.file, refused, command_line=True))
    from desktop import instance_link

    running = instance_link.ask_running_to_show()
    if running is None:  # Windows names a pipe: asked through Qt (single_instance.py)
        from desktop.single_instance import notify_running

        running = notify_running()
    if running:
        # The open app keeps writing to the file this would replace under it: what it saves
        # next would be lost, or land in the replaced file. Its own menu closes, restores and
        # opens again in one step (store/opening.restore_open).
        return _fail(_("Afspraak is open with this data; its window is in front now. Restore the backup there "
                       "(File → Restore a backup…), or quit Afspraak and run this again. Nothing was changed."))
    close_database()
    try:
        if args.salvage:  # what can still be read of a damaged file (as File → Restore offers it)
            kept, saved = backup.restore_salvaged(source, paths.db_path(), progress=_salvage_lines())
        else:
            kept = backup.restore(source, paths.db_path())
    except NotAnAfspraakDatabase as refused:
        return _fail(errors.restore_refused(args.file, refused, command_line=True))
    open_database()  # migrates a backup from an older version
    if args.salvage:
        from desktop.presentation import backup_texts

        _say(backup_texts.salvage_restored(saved, kept))
    else:
        # (nothing was there before, a new folder: no kept copy is named)
        _say(_("Backup restored. The previous data was kept in {path}").format(path=kept) if kept
             else _("Backup restored."))
    _tell_erased_again()
    return 0


def _salvage_lines():
    """A salvage's progress (store/salvage.py ``Progress``) as lines on stderr: one as each
    table is begun, one for each step after; not the rows (a line per batch)."""
    from desktop.presentation import backup_texts
    from desktop.store import salvage

    def say(fact) -> None:
        if fact.step != salvage.READING or fact.rows == 0:
            _say(backup_texts.salvage_progress(fact, rows=False), error=True)

    return say


def _is_file(path: Path) -> bool:
    """``path.is_file()``, False for a name that cannot be looked at (one too long): the
    reading says why."""
    try:
        return path.is_file()
    except OSError:
        return False


class _ImportProgress:
    """How far a long import is, on stderr: one line, written over in place. Only on a terminal
    (a script's log gets the summary alone), and only once the import has taken ``LONG``
    seconds: a shop's usual export is done before then, without a line; a file of 100,000
    orders takes minutes (round 32 of docs/PERFORMANCE.md), and said nothing all that time."""

    LONG = 2.0

    def __init__(self, file: str, stream=None, clock=None):
        import time

        self.file = file
        self.stream = stream if stream is not None else sys.stderr
        self.clock = clock or time.monotonic
        self.started = self.clock()
        self.on = bool(getattr(self.stream, "isatty", lambda: False)())
        self.shown = ""  # the line on screen

    def reading(self, done: int, total: int) -> None:
        """``parse_any``'s progress (lines of the file)."""
        # TRANSLATORS: a line the command line writes over while it reads a large export: "Reading orders.csv… 40%".
        self._show(lambda percent: _("Reading {file}… {percent}").format(file=self.file, percent=percent),
                   done, total)

    def saving(self, count: int):
        """``apply_plan``'s progress (orders written) for ``count`` orders."""

        def step(done: int, total: int) -> None:
            # TRANSLATORS: a line the command line writes over while it saves a large import: "Saving 112.094 orders… 40%".
            self._show(lambda percent: ngettext("Saving {count} order… {percent}", "Saving {count} orders… {percent}",
                                                count).format(count=i18n.format_number(count), percent=percent),
                       done, total)

        return step

    def _show(self, text, done: int, total: int) -> None:
        if not self.on or self.clock() - self.started < self.LONG:
            return
        from babel.numbers import format_percent

        line = paths.shown(text(format_percent(min(done, total) / max(total, 1), locale=i18n.formatting_locale())))
        if line != self.shown:
            self.stream.write("\r" + line.ljust(len(self.shown)))
            self.stream.flush()
            self.shown = line

    def done(self) -> None:
        """Take the line away (the summary or the error comes in its place)."""
        if self.shown:
            self.stream.write("\r" + " " * len(self.shown) + "\r")
            self.stream.flush()
            self.shown = ""


def cmd_import(args) -> int:
    from desktop.clock import utcnow
    from desktop.domain.importers import SPREADSHEET_SUFFIXES, ImportFailed
    from desktop.domain.order_importers import ParsedOrders, parse_any
    from desktop.store.catalogue import apply_import

    source = Path(args.file)
    # A workbook that is there: how to make the CSV, not its header's faults. One that is not
    # there is said to be missing, below (audit of 2026-12-05: "is a spreadsheet" for no file).
    if source.suffix.lower() in SPREADSHEET_SUFFIXES and _is_file(source):
        from desktop.presentation.import_texts import not_an_export

        return _fail(not_an_export(args.file, False, source.suffix, alone=True))
    from desktop.store import incoming

    try:
        data = incoming.read_whole(source)  # not a pipe or a device (it hung), nor 200 MB of it
    except OSError as exc:
        from desktop.presentation import errors

        return _fail(_("“{file}” cannot be read: {error}. Nothing was changed.").format(
            file=args.file, error=errors.unreadable(exc)))
    progress = _ImportProgress(source.name)
    try:
        parsed = parse_any(data, progress=progress.reading)  # products or orders, told apart by the header
    except ImportFailed as exc:
        progress.done()
        return _fail(_("“{file}” was not imported. {error} Nothing was changed.").format(file=args.file, error=exc))
    finally:
        progress.done()
    del data  # the file's bytes: read, no longer needed while the import is written
    _open(args)
    if isinstance(parsed, ParsedOrders):
        from desktop.presentation import import_texts
        from desktop.store import shop_orders

        plan = shop_orders.plan_import(parsed)
        if plan.other_shop or plan.dated_ahead:
            return _fail(_("“{file}” was not imported. {error} Nothing was changed.").format(
                file=args.file, error=import_texts.other_shop_text(plan) if plan.other_shop
                else import_texts.dated_ahead_text(plan)))
        # the made-to-order marks as remembered; planned again under the write lock when the data
        # changed since (another import at the same time: its customers are not made twice)
        try:
            summary = shop_orders.apply_plan(plan, utcnow(), file_name=paths.shown(source.name),
                                             progress=progress.saving(len(parsed.orders)))
        except (shop_orders.OrdersOfAnotherShop, shop_orders.OrdersDatedAhead) as refused:
            return _fail(_("“{file}” was not imported. {error} Nothing was changed.").format(
                file=args.file, error=import_texts.other_shop_text(refused.plan) if refused.plan.other_shop
                else import_texts.dated_ahead_text(refused.plan)))
        finally:
            progress.done()
        _say(_("Orders from {platform}:").format(platform=parsed.platform_name))
        _say("\n".join(import_texts.order_summary_lines(summary, lacking=parsed.lacking)))
        return 0
    from desktop.presentation.import_texts import summary_lines

    summary = apply_import(parsed, utcnow(), file_name=paths.shown(source.name))
    _say("\n".join(summary_lines(summary)))
    return 0


def cmd_calendar(args) -> int:
    from desktop.clock import utcnow
    from desktop.presentation import calendar_export

    refused = _kept_file(args.out, "calendar")
    if refused:
        return _fail(refused)
    _open(args)
    try:
        written = calendar_export.export(Path(args.out), utcnow())
    except OSError as exc:
        return _fail(_not_written("calendar", exc))
    _say(ngettext("{count} date written to {path}", "{count} dates written to {path}", written.dates).format(
        count=written.dates, path=args.out))
    if written.taken_back:  # dates an earlier export gave her calendar that ended since (as the window says)
        _say(ngettext("{count} date that ended is in it as cancelled.",
                      "{count} dates that ended are in it as cancelled.",
                      written.taken_back).format(count=written.taken_back))
    return 0


def _find_person(text: str):
    """The one person ``text`` names (number, e-mail or full name), or an error message."""
    from peewee import fn

    from desktop.store.models import Person

    text = paths.shown(text)  # bytes that are not UTF-8 name nobody (and SQLite refused them with a traceback)
    if text.strip().isdigit():
        person = Person.get_or_none(Person.id == int(text))
        return (person, None) if person else (None, _("There is no person with number {id}.").format(id=text))
    needle = text.strip().casefold()
    matches = list(Person.select().where((fn.LOWER(Person.email) == needle) | (fn.LOWER(Person.name) == needle)))
    matches = [p for p in matches if needle in (p.email.casefold(), p.name.casefold())]
    if len(matches) == 1:
        return matches[0], None
    if not matches:
        return None, _("Nobody is called “{text}” or has that email address.").format(text=text)
    listing = "\n".join(f"  {p.id}: {p.name} <{p.email}>" for p in matches)
    return None, _("More than one person matches “{text}”; use their number:").format(text=text) + "\n" + listing


def _find_subject(text: str):
    """The one person or gift's recipient ``text`` names, or an error message. A recipient
    (somebody shop orders were sent to who did not place them: no person of her own, no
    number) is named by her name, by her name and postcode ("Zoë Verhoeven, 9000") when
    there are more of that name, or by her phone number, as the Privacy menu finds her."""
    from desktop.presentation.people_texts import recipient_line

    if text.strip().isdigit():
        return _find_person(text)
    people, found = _people_named(text), _recipients_named(text)
    if len(people) + len(found) == 1:
        return (people or found)[0], None
    if not found:  # nobody, or more than one person: said as it always was
        return _find_person(text)
    listing = [f"  {p.id}: {p.name} <{p.email}>" for p in people]
    listing += [f"  {r.name}, {r.deliveries[-1].ship.postcode.strip()}: " + recipient_line(
        r.name, r.city, r.phones, [(d.number, d.buyer) for d in r.deliveries]) for r in found]
    # TRANSLATORS: afspraak export/erase --person; somebody who only received orders has no number of her own
    return None, _("More than one person matches “{text}”. Use the number of a person, or for somebody who only "
                   "received orders their name and postcode, as listed:").format(text=paths.shown(text)) + "\n" + \
        "\n".join(listing)


def _recipients_named(text: str) -> list:
    """The gift's recipients ``text`` names: by name ("Zoë Verhoeven"), name and postcode
    ("Zoë Verhoeven, 9000"), or phone number (its last nine digits)."""
    from desktop.domain.order_importers import address_key, same_person_name
    from desktop.store import privacy
    from desktop.store.db import db

    text = paths.shown(text)
    name, _comma, postcode = text.rpartition(",")
    if not name.strip():
        name, postcode = text, ""

    def digits(value: str) -> str:
        return "".join(c for c in value if c.isdigit())

    def named(r) -> bool:
        return same_person_name(r.name, name) and (not postcode.strip() or any(
            address_key("", d.ship.postcode) == address_key("", postcode) for d in r.deliveries))

    phone = digits(text)[-9:] if len(digits(text)) >= 9 else ""
    return [r for r in privacy.recipients(db.connection())
            if named(r) or (phone and any(digits(p).endswith(phone) for p in r.phones))]


def _people_named(text: str) -> list:
    """The people ``text`` names by e-mail or full name (``_find_person``'s, when more than one)."""
    from peewee import fn

    from desktop.store.models import Person

    needle = paths.shown(text).strip().casefold()
    return [p for p in Person.select().where((fn.LOWER(Person.email) == needle) | (fn.LOWER(Person.name) == needle))
            if needle in (p.email.casefold(), p.name.casefold())]


def cmd_export(args) -> int:
    from desktop.clock import utcnow
    from desktop.domain.privacy import Recipient
    from desktop.store import privacy
    from desktop.store.db import db

    refused = _kept_file(args.out, "export")
    if refused:
        return _fail(refused)
    _open(args)
    person, error = _find_subject(args.person)
    if error:
        return _fail(error)
    try:
        if isinstance(person, Recipient):  # a gift's recipient: her deliveries, a README to her
            from desktop.presentation import recipient_texts

            now = utcnow()
            out = privacy.export_recipient(db.connection(), person.key, Path(args.out), now,
                                           recipient_texts.readme(person, now))
        else:
            out = privacy.export_person(db.connection(), person.id, Path(args.out), utcnow())
    except OSError as exc:
        return _fail(_not_written("export", exc))
    _say(_("Everything held on {name} was written to {path}").format(name=person.name, path=out))
    return 0


def cmd_erase(args) -> int:
    from desktop.clock import utcnow
    from desktop.domain.privacy import Recipient, count_text, describe_erasure, mentions_text
    from desktop.presentation import backup_texts, recipient_texts
    from desktop.store import privacy, settings
    from desktop.store.db import db

    _open(args)
    person, error = _find_subject(args.person)
    if error:
        return _fail(error)
    recipient = isinstance(person, Recipient)  # a gift's recipient: her deliveries are blanked
    if not args.yes:
        if recipient:
            _say(recipient_texts.erase_question(person)[1])
        else:
            holding = privacy.collect(db.connection(), person.id)
            _say(describe_erasure(person.name, holding.counts(), holding.mentions, holding.unsent, holding.elsewhere))
        return _fail(_("Nothing was erased. Run the command again with --yes to erase."))
    if recipient:
        result = privacy.erase_recipient(db.obj, person.key, backups=args.backups, now=utcnow())
        _say(recipient_texts.erased_text(person.name, sum(result.counts.values())))
    else:
        result = privacy.erase_person(db.obj, person.id, utcnow(), backups=args.backups)
        _say(_("{name} was erased.").format(name=person.name))
        for table, n in result.counts.items():  # what went, as the question (without --yes) named it
            _say("  • " + count_text(table, n))
        if result.mentions:
            _say("  • " + mentions_text(result.mentions, done=True))
    if args.backups:
        _say(ngettext("Also erased from {n} backup copy.", "Also erased from {n} backup copies.",
                       len(result.backups)).format(n=len(result.backups)))
        for path in result.backups_failed:
            _say(_("Could not erase them from {path}; delete that copy by hand.").format(path=path), error=True)
        for line in backup_texts.not_reached(result.backups_unreached):  # never "from all of them"
            _say(line)
    else:
        # Today's automatic backup holds them too, and her own backups never rotate out (review of
        # backups, 3: "Backup copies made before today … until they are rotated out").
        _say(backup_texts.still_in_backups(int(settings.get("backup_keep"))))
        # TRANSLATORS: "--backups" is the command's option: keep it as it is
        _say(_("To erase someone from the backups as well, add --backups when you erase them."))
    if result.purge_problem is not None:
        from desktop.presentation import errors

        _say(errors.not_tidied(result.purge_problem, paths.configured_data_dir()), error=True)
    elif not result.fully_purged:
        _say(_("Close Afspraak and run the command again to clear the last traces from the database file."),
             error=True)
    return 0 if not result.backups_failed else 1


def cmd_due(args) -> int:
    from desktop.cli_due import due_listing

    _open(args)
    try:
        return due_listing(args.at, args.json)
    except ValueError as exc:
        return _fail(str(exc))


COMMANDS = {
    "demo": cmd_demo,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "import": cmd_import,
    "calendar": cmd_calendar,
    "export": cmd_export,
    "erase": cmd_erase,
    "due": cmd_due,
}


# The commands that read or copy her data: on a folder without any they refuse (review of a first
# week: `--data-dir` mistyped made an empty database there and `due` said nothing was due, exit 0).
# `demo` and `import` add data and may begin a new folder; `restore` puts a backup in place.
READ_OR_COPY = frozenset({"due", "backup", "calendar", "export", "erase"})


def _data_dir_refused(command: str | None) -> str | None:
    """Why the data folder cannot serve ``command``, said before anything is opened or made
    there; None when it can."""
    from desktop.presentation import errors

    try:
        in_the_way = paths.file_in_the_way(paths.configured_data_dir())
    except OSError as exc:  # a name too long, a folder above it she may not open: was a traceback
        return errors.data_dir_unusable(exc, paths.configured_data_dir())
    if in_the_way is not None:  # was a traceback ending in FileExistsError
        return _("“{file}” is a file, not a folder: Afspraak cannot keep its data there. Choose a folder with "
                 "--data-dir (it need not exist yet).").format(file=str(in_the_way))
    if command in READ_OR_COPY:
        from desktop.store.recovery import holds_data

        # (while the window is open on it, the file gone from under it is said by _open)
        if not holds_data(paths.configured_data_dir()) and not _window_open():
            return errors.no_data_here(paths.configured_data_dir())
    return None


def _saved_language(data_dir: str | None) -> str | None:
    """The language saved in the settings, read before the database is opened (read-only,
    nothing created): help and usage errors come in it too."""
    from desktop.store import peek

    if data_dir:
        paths.set_data_dir(data_dir)
    return peek.saved_settings(paths.configured_data_dir() / paths.DB_FILENAME, ("language",)).get("language")


def _reader_gone() -> int:
    """What the command printed has nowhere to go: the program reading it stopped early
    (`afspraak due | head -1`). As the Python documentation's "Note on SIGPIPE" says: what
    is left to print goes nowhere, and the command ends with exit code 1, without a
    traceback. Whatever it wrote to the database was committed before it printed, or taken
    back whole by its transaction: none prints while one is open."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a stream of the system's (a test's capture)
        pass
    return 1


def main(argv: list[str] | None = None) -> int:
    """The `afspraak` command; its exit code (see the module's text)."""
    try:
        try:
            return _main(argv)
        finally:
            if sys.stdout is not None:  # (None: started with its output closed, `>&-`)
                sys.stdout.flush()  # here, not at exit: a reader gone is handled below, not by a traceback
    except BrokenPipeError:
        return _reader_gone()


def _main(argv: list[str] | None) -> int:
    _printable_everywhere()
    if argv is None:  # the process's own start (not a test calling in): fix 55
        collection.pause()
    argv = sys.argv[1:] if argv is None else argv
    # Pre-read --lang so --help and errors are in the right language.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang")
    pre.add_argument("--data-dir")
    known, _rest = pre.parse_known_args(argv)
    i18n.set_language(known.lang or _saved_language(known.data_dir) or i18n.system_language())
    with _argparse_in_language():
        args = _parser().parse_args(argv)
    if args.data_dir:
        paths.set_data_dir(args.data_dir)
    refused = _data_dir_refused(args.command)
    if refused:
        return _fail(refused)
    if args.command in COMMANDS:
        collection.resume()  # only the window's start waits for it
        from desktop import logs
        from desktop.presentation import event_texts  # noqa: F401 - hands the store how events read (search)

        from desktop.presentation import errors
        from desktop.store import storage_errors
        from desktop.store.migrations import MigrationFailed, SchemaTooNew

        logs.setup()
        try:
            return COMMANDS[args.command](args)
        except SchemaTooNew:
            return _fail(_("Your data was saved by a newer version of Afspraak. Install that version again; "
                           "nothing was changed."))
        except MigrationFailed:  # was a traceback; every step was taken back
            return _fail(errors.migration_failed(paths.log_dir()))
        except _LeftToTheWindow as left:
            log.error("the data is damaged or gone while Afspraak's window has it open; not repaired: %s", left.problem)
            return _fail(_left_to_the_window(left.problem))
        except Exception as exc:  # a full disk or a read-only folder: say so, not a traceback
            # Damage the check at open did not see (a refused repair names its damage itself).
            if storage_errors.is_damage(exc) and not isinstance(exc, storage_errors.StorageProblem):
                from desktop.store.db import drop_database

                if _window_open():  # not repaired under the window either
                    drop_database()
                    log.error("damage met while Afspraak's window has the data open; not repaired: %s", exc)
                    return _fail(_left_to_the_window(str(exc)))
                return _recover_after(exc)
            kind = storage_errors.kind_of(exc)
            if kind is None:
                raise
            return _fail(errors.storage_problem(exc, paths.configured_data_dir(), command_line=True))
    smoke_test = getattr(args, "smoke_test", False)
    if not smoke_test:
        # Running already (in the tray, say): bring its window to the front without loading
        # Qt here first (instance_link.py). When none answered, app.py asks once more just
        # before it listens itself: two starts close together then still make one instance.
        from desktop import instance_link

        if instance_link.ask_running_to_show():
            _say(_("Afspraak is already running; its window was brought to the front."))
            return 0
    from desktop import app

    return app.run(cli_language=args.lang, smoke_test=smoke_test, minimised=getattr(args, "minimised", False),
                   marks=getattr(args, "marks", False))
