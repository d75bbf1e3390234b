"""Where Afspraak keeps its files: data dir, backups, logs, and its own bundled resources.

The data dir comes from platformdirs, unless ``AFSPRAAK_DATA_DIR`` or ``--data-dir``
says otherwise. It is created with mode 0700; the files in it are 0600.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "AFSPRAAK_DATA_DIR"
DB_FILENAME = "afspraak.sqlite3"

_override: Path | None = None


def set_data_dir(path: str | os.PathLike | None) -> None:
    """Override the data dir for this process (the ``--data-dir`` option)."""
    global _override
    _override = Path(path).expanduser().resolve() if path else None


def configured_data_dir() -> Path:
    """The data dir's path, without creating it (for messages about it)."""
    if _override is not None:
        return _override
    if os.environ.get(ENV_DATA_DIR):
        return Path(os.environ[ENV_DATA_DIR]).expanduser().resolve()
    return Path(platformdirs.user_data_dir("afspraak", appauthor=False))


def chosen_data_dir() -> Path | None:
    """The data dir when it is not the usual one (``--data-dir`` or AFSPRAAK_DATA_DIR), else
    None: what a start at login must name to open the same shop."""
    if _override is not None or os.environ.get(ENV_DATA_DIR):
        return configured_data_dir()
    return None


def data_dir() -> Path:
    return ensure_private_dir(configured_data_dir())


def file_in_the_way(folder: Path) -> Path | None:
    """The file that stands where ``folder`` (or a folder above it) would be, or None: a
    data dir named on the command line can be a file by mistake."""
    for candidate in (folder, *folder.parents):
        if candidate.exists():
            return None if candidate.is_dir() else candidate
    return None


def shown(text: str | os.PathLike) -> str:
    """``text`` (a file's name, or a message naming one) as it can be printed, stored and read.

    A name whose bytes are not UTF-8 (a file from an old Windows or Mac disk: b"caf\\xe9.csv")
    reaches Python as lone surrogates ("caf\\udce9.csv"), which printed as that escape, or
    ended in a UnicodeEncodeError where a message was printed or the name stored. Each such
    byte becomes the replacement character (U+FFFD, a question mark in a diamond)."""
    text = os.fspath(text)
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:  # a surrogate that is no escaped byte (a Windows name that is not UTF-16)
        return "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text)


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    _chmod(path, 0o700)
    return path


def make_private_file(path: Path) -> None:
    """Let nobody but the owner read a file or folder of ours: at most mode 0600 for a file,
    0700 for a folder (no-op where the OS has no such modes)."""
    if path.exists():
        _chmod(path, 0o700 if path.is_dir() else 0o600)


def _chmod(path: Path, mode: int) -> None:
    """Take away what ``mode`` does not allow, never give what the owner did not have: a
    folder she made read-only stays so (audit of 2026-12-05: Afspraak said it could not
    write there, and had made it writable meanwhile)."""
    # A folder on a read-only disk, or owned by another user, cannot be changed: carry on,
    # the first write will fail with a clear message (store/storage_errors.py).
    if os.name != "posix":
        return
    try:
        current = os.stat(path).st_mode & 0o777
        if current & ~mode:
            os.chmod(path, current & mode)
    except OSError:
        pass


def db_path() -> Path:
    return data_dir() / DB_FILENAME


def backup_dir() -> Path:
    return ensure_private_dir(backup_place())


def backup_place() -> Path:
    """Where the backups go, named without making the folder (a file in its place is what a
    failed backup reports)."""
    return data_dir() / "backups"


def log_dir() -> Path:
    return ensure_private_dir(data_dir() / "logs")


def resource_root() -> Path:
    """The folder that holds ui/, resources/ and locales/ (source tree or PyInstaller bundle)."""
    bundled = getattr(sys, "_MEIPASS", None)
    if bundled:
        return Path(bundled)
    return Path(__file__).resolve().parent.parent


def ui_file(name: str) -> Path:
    return resource_root() / "ui" / name


def resource(name: str) -> Path:
    return resource_root() / "resources" / name


def locale_dir() -> Path:
    return resource_root() / "locales"
