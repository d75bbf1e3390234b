"""Privacy actions on one person: "Gegevens exporteren" and "Persoon wissen".

Kept apart from the views so every detail pane (and the Privacy menu of the main
window) can offer them with one call. The work itself is in ``store/privacy.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QPushButton, QWidget

from desktop import paths, reminders
from desktop.clock import to_local, utcnow
from desktop.domain.privacy import count_text, describe_erasure, mentions_text
from desktop.domain.search_text import sort_key
from desktop.i18n import _, ngettext
from desktop.presentation import backup_texts, errors
from desktop.store import privacy, settings
from desktop.store import lookups
from desktop.views import dialogs


def selected_person_id(view) -> int | None:
    """The person behind the row selected in ``view`` (an influencer, or the customer of an order...)."""
    if view is None or view.current_id is None:
        return None
    if hasattr(view, "selected_person_id"):
        return view.selected_person_id()
    return lookups.person_behind(view.key, view.current_id)


def _file_stem(name: str) -> str:
    """A harmless file name from a person's name (never a path, never hidden)."""
    stem = re.sub(r"[^\w-]+", "-", name, flags=re.UNICODE).strip("-._")
    return stem[:40] or "persoon"


def export_person(parent: QWidget | None, person_id: int) -> Path | None:
    person = lookups.person(person_id)
    if person is None:
        return None
    return _export(parent, person.name, lambda out: privacy.export_from_open(person_id, out, utcnow()))


def _export(parent: QWidget | None, name: str, write) -> Path | None:
    """Ask where ``name``'s export goes, ``write(path)`` it there, and say so."""
    today = to_local(utcnow()).date()
    # TRANSLATORS: suggested file name of a privacy export; keep it short, no spaces.
    suggested = _("personal-data-{name}-{date}.zip").format(name=_file_stem(name), date=today.isoformat())
    path = dialogs.ask_save_path(parent, _("Export {name}'s data").format(name=name),
                                 str(Path.home() / suggested), _("Zip file (*.zip)"))
    if not path:
        return None
    if not path.lower().endswith(".zip"):
        path += ".zip"
    try:
        out = write(Path(path))
    except OSError as exc:
        dialogs.warn(parent, _("Export failed"), _("The export could not be written: {error}").format(
            error=errors.unwritable(exc)))
        return None
    dialogs.inform(parent, _("Data exported"), _(
        "Everything held on {name} is in {path}.\n\nIt holds personal data: send it only to them, "
        "and delete your own copy once it is sent.").format(name=name, path=str(out)))
    return out


def erase_question(parent: QWidget | None, person) -> tuple[str, str, str]:
    """The erase question's title, text (naming what goes) and backup option."""
    holding = privacy.holding_of(person.id)
    text = describe_erasure(person.name, holding.counts(), holding.mentions, holding.unsent, holding.elsewhere)
    # How long the backups keep them is a number of backups, not of days (review of backups, 3).
    text += "\n\n" + backup_texts.erase_keeps_backups(int(settings.get("backup_keep")))
    return _("Erase {name}").format(name=person.name), text, _backup_option()


def _backup_option() -> str:
    return _("Erase them from the backups too")


def erase_person(parent: QWidget | None, person_id: int) -> bool:
    """Ask (naming what goes), erase, report. True when the person was erased."""
    person = lookups.person(person_id)
    if person is None:
        return False
    title, text, option = erase_question(parent, person)
    yes, backups = dialogs.confirm_with_option(parent, title, text, option, yes_text=_("Erase"))
    if not yes:
        return False
    days = int(settings.get("backup_keep"))
    name = person.name
    result = privacy.erase_from_open(person_id, utcnow(), backups=backups)
    # Edit → Undo would put her rows back (an older step's undo holds them, in memory): gone too.
    reminders.steps_forgotten.emit()
    lines = [_("{name} has been erased.").format(name=name)]
    lines += ["  • " + count_text(table, n) for table, n in result.counts.items()]
    if result.mentions:  # as the question counted them
        lines.append("  • " + mentions_text(result.mentions, done=True))
    lines += _backup_lines(result, backups, days)
    dialogs.inform(parent, _("Erased"), "\n".join(lines))
    return True


def _backup_lines(result, backups: bool, days: int) -> list[str]:
    """What an erasure did to the backup copies and the file, after what it erased."""
    lines = []
    if backups:
        lines.append(ngettext("Also erased from {n} backup copy.", "Also erased from {n} backup copies.",
                              len(result.backups)).format(n=len(result.backups)))
        for path in result.backups_failed:
            lines.append(_("Could not erase them from {path}; delete that copy by hand.").format(path=str(path)))
        lines += backup_texts.not_reached(result.backups_unreached)  # never "from all of them"
    else:
        lines.append(backup_texts.still_in_backups(days))
    if result.purge_problem is not None:  # a full disk: a restart would not tidy the file up either
        lines.append(errors.not_tidied(result.purge_problem, paths.configured_data_dir()))
    elif not result.fully_purged:
        lines.append(_("Restart Afspraak once to clear the last traces from the database file."))
    return lines


def add_buttons(layout, person_id: int, parent: QWidget, on_erased=None) -> QWidget:
    """Put "Export data" and "Erase person" under a detail pane, the second under the
    first when the pane is too narrow for both on a line (views/flow.py)."""
    from desktop.views.flow import flow_of

    export = QPushButton(_("Export data…"))
    export.setObjectName("privacyExport")
    export.clicked.connect(lambda: export_person(parent, person_id))
    erase = QPushButton(_("Erase person…"))
    erase.setObjectName("privacyErase")

    def _erase():
        if erase_person(parent, person_id) and on_erased:
            on_erased()

    erase.clicked.connect(_erase)
    holder = flow_of([export, erase])
    holder.layout().setContentsMargins(0, 8, 0, 0)
    layout.addWidget(holder)
    return holder


def person_entries() -> list[tuple[int | tuple, str, None]]:
    """The chooser's lines: everyone the data holds, by name (store/lookups.everyone), and
    everyone shop orders were sent to who did not place them (a gift's recipient: no person
    of her own, store/privacy.recipients), her id the key of her deliveries (a tuple)."""
    from desktop.presentation.people_texts import directory_line, recipient_line

    entries = [(e.name_key, (e.id, directory_line(e.name, e.email, e.influencer, e.orders), None))
               for e in lookups.everyone()]
    entries += [(sort_key(r.name), (r.key, recipient_line(r.name, r.city, r.phones,
                                                           [(d.number, d.buyer) for d in r.deliveries]), None))
                for r in privacy.recipients_of_open()]
    entries.sort(key=lambda entry: entry[0])  # stable: each kind keeps its own order within a name
    return [entry for _name, entry in entries]


def choose_person(parent: QWidget | None, title: str, prompt: str, current: int | None) -> int | tuple | None:
    """Everyone the data holds (influencers, customers, the customers an orders import
    brought, a gift's recipients), to pick one by typing part of a name or an e-mail
    address; starts on ``current``. A person's id, a recipient's key (a tuple), or None
    when cancelled, or when nobody is there (then said so)."""
    entries = person_entries()
    if not entries:
        dialogs.inform(parent, _("Privacy"), _("Afspraak holds nobody's data yet."))
        return None
    return dialogs.choose(parent, title, prompt, entries, current=current)


def privacy_menu_chosen(window, action: str) -> None:
    """Privacy → Export a person's data… / Erase a person… (``action``: "export" or
    "erase"), starting on the person selected in the current view. The menu itself is the
    main window's: this module is imported when one of them is chosen, not at the start."""
    if action == "export":
        chosen = choose_person(window, _("Export a person's data"),
                               _("Whose data? Type part of their name or email address."),
                               selected_person_id(window.current_view()))
        if isinstance(chosen, tuple):
            export_recipient(window, chosen)
        elif chosen is not None:
            export_person(window, chosen)
        return
    chosen = choose_person(window, _("Erase a person"),
                           _("Who is to be erased? Type part of their name or email address."),
                           selected_person_id(window.current_view()))
    if isinstance(chosen, tuple):
        erased = erase_recipient(window, chosen)
    else:
        erased = chosen is not None and erase_person(window, chosen)
    if erased:
        window.refresh_all()


# --- a gift's recipient: no person of her own, the delivery of somebody else's order ------------

def export_recipient(parent: QWidget | None, key: tuple) -> Path | None:
    """Her data as a person's export: a zip with a README to her, data.json and a CSV of the
    orders sent to her (their number, day and delivery; not who placed them)."""
    from desktop.presentation import recipient_texts

    found = privacy.recipient_of_open(key)
    if found is None:
        return None

    def write(out: Path) -> Path:
        now = utcnow()
        readme = recipient_texts.readme(found, now)
        return privacy.export_recipient_from_open(key, out, now, readme)

    return _export(parent, found.name, write)


def erase_recipient(parent: QWidget | None, key: tuple) -> bool:
    """Ask (naming each order sent to her, under its buyer), blank her delivery on those
    orders in one transaction (and in the backups when asked), report; as ``erase_person``:
    not on Edit → Undo. True when she was erased."""
    from desktop.presentation import recipient_texts

    found = privacy.recipient_of_open(key)
    if found is None:
        return False
    title, text = recipient_texts.erase_question(found)
    days = int(settings.get("backup_keep"))
    text += "\n\n" + backup_texts.erase_keeps_backups(days)
    yes, backups = dialogs.confirm_with_option(parent, title, text, _backup_option(), yes_text=_("Erase"))
    if not yes:
        return False
    result = privacy.erase_recipient_from_open(key, backups=backups)
    # An older step on Edit → Undo (an import) would write her delivery back: gone too.
    reminders.steps_forgotten.emit()
    lines = [recipient_texts.erased_text(found.name, sum(result.counts.values())), *_backup_lines(result, backups, days)]
    dialogs.inform(parent, _("Erased"), "\n".join(lines))
    return True


__all__ = ["selected_person_id", "export_person", "erase_person", "add_buttons", "choose_person", "privacy_menu_chosen",
           "export_recipient", "erase_recipient"]
