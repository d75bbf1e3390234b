"""Start Afspraak at login, minimised to the tray: the platform's own mechanism.

Linux: an XDG autostart entry ``$XDG_CONFIG_HOME/autostart/afspraak.desktop``.
Windows: the ``HKCU\\...\\Run`` registry value. macOS: a LaunchAgent plist.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from desktop import APP_ID, paths

ENTRY_NAME = "afspraak.desktop"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"


def launch_command() -> list[str]:
    """The command that starts this Afspraak minimised: the bundle, or this Python; with
    the data folder it runs on when that is not the usual one (``--data-dir`` or
    AFSPRAAK_DATA_DIR: without it, the start at login opened an empty shop elsewhere)."""
    start = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "desktop"]
    chosen = paths.chosen_data_dir()
    return [*start, *(["--data-dir", str(chosen)] if chosen is not None else []), "gui", "--minimised"]


def xdg_autostart_file() -> Path:
    config = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(config) / "autostart" / ENTRY_NAME


# What makes an argument of a desktop entry's Exec need quotes (the Desktop Entry
# Specification, "The Exec key"); inside them ", `, $ and \ take a backslash.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def _exec_argument(part: str) -> str:
    """One argument as the Exec key reads it: double quotes (not the shell's single ones,
    which the specification does not know: a folder with a space broke the line), "%"
    doubled, and every backslash written twice again for the key's string value."""
    if any(c in _RESERVED for c in part):
        part = '"' + "".join("\\" + c if c in '"`$\\' else c for c in part) + '"'
    return part.replace("\\", "\\\\").replace("%", "%%").replace("\n", "\\n")


def desktop_entry(command: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=Afspraak",
        "Comment=Reminders for influencer deals and custom orders",
        "Exec=" + " ".join(_exec_argument(part) for part in command),
        "Icon=afspraak",
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def _mac_plist() -> Path:
    return Path.home() / "Library" / "LaunchAgents" / f"{APP_ID}.plist"


def enable(command: list[str] | None = None) -> Path | str:
    command = command or launch_command()
    if sys.platform.startswith("win"):
        import winreg

        with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
            winreg.SetValueEx(key, "Afspraak", 0, winreg.REG_SZ, " ".join(f'"{p}"' for p in command))
        return RUN_KEY
    if sys.platform == "darwin":
        import plistlib  # only on a Mac, and only when switched on (not at every start)

        path = _mac_plist()
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "wb") as fh:
            plistlib.dump({"Label": APP_ID, "ProgramArguments": command, "RunAtLoad": True}, fh)
        return path
    path = xdg_autostart_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(desktop_entry(command), encoding="utf-8")
    return path


def disable() -> None:
    if sys.platform.startswith("win"):
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, winreg.KEY_SET_VALUE) as key:
                winreg.DeleteValue(key, "Afspraak")
        except FileNotFoundError:
            pass
        return
    path = _mac_plist() if sys.platform == "darwin" else xdg_autostart_file()
    path.unlink(missing_ok=True)


def is_enabled() -> bool:
    if sys.platform.startswith("win"):
        import winreg

        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, RUN_KEY) as key:
                winreg.QueryValueEx(key, "Afspraak")
            return True
        except FileNotFoundError:
            return False
    return (_mac_plist() if sys.platform == "darwin" else xdg_autostart_file()).exists()
