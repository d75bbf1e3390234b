"""Start at login (Linux: an XDG autostart entry) opens the same shop, from any folder name.

Before: the entry's Exec line had no --data-dir, so an owner whose data lives in a folder of
her own (``--data-dir``, AFSPRAAK_DATA_DIR) got the usual, empty folder at login; and its
arguments were quoted the shell's way ('…'), which the Desktop Entry Specification does not
know: a folder or a Python with a space in its name broke the line."""

from __future__ import annotations

import sys

import pytest

from desktop import autostart, paths


def exec_arguments(entry: str) -> list[str]:
    """The arguments of the entry's Exec key as the Desktop Entry Specification reads them:
    the string value's escapes first (\\\\ and \\n), then double-quoted arguments in which
    a backslash escapes ", `, $ and itself; "%%" is a "%"."""
    line = next(line for line in entry.splitlines() if line.startswith("Exec="))[len("Exec="):]
    value, i = "", 0
    while i < len(line):
        if line[i] == "\\" and i + 1 < len(line):
            value += {"\\": "\\", "n": "\n", "s": " ", "t": "\t", "r": "\r"}[line[i + 1]]
            i += 2
        else:
            value += line[i]
            i += 1
    args, current, quoted, started, i = [], "", False, False, 0
    while i < len(value):
        c = value[i]
        if quoted:
            if c == "\\" and value[i + 1] in '"`$\\':
                current, i = current + value[i + 1], i + 2
                continue
            if c == '"':
                quoted = False
            else:
                current += c
        elif c == '"':
            quoted = started = True
        elif c == " ":
            if started:
                args.append(current)
            current, started = "", False
        else:
            current, started = current + c, True
        i += 1
    if started:
        args.append(current)
    return [a.replace("%%", "%") for a in args]


@pytest.fixture
def no_chosen_folder(monkeypatch):
    monkeypatch.delenv(paths.ENV_DATA_DIR, raising=False)
    monkeypatch.setattr(paths, "_override", None)


def test_the_usual_folder_is_not_named(no_chosen_folder):
    assert autostart.launch_command() == [sys.executable, "-m", "desktop", "gui", "--minimised"]


@pytest.mark.parametrize("how", ["option", "environment"])
def test_a_folder_of_her_own_is_named_in_the_start_at_login(no_chosen_folder, monkeypatch, tmp_path, how):
    folder = tmp_path / "Mijn Winkel" / "data"
    if how == "option":
        paths.set_data_dir(folder)
    else:
        monkeypatch.setenv(paths.ENV_DATA_DIR, str(folder))
    command = autostart.launch_command()
    assert command[-4:] == ["--data-dir", str(folder.resolve()), "gui", "--minimised"]
    assert exec_arguments(autostart.desktop_entry(command)) == command


@pytest.mark.parametrize("name", ["/home/anouk/Mijn Winkel", "/home/anouk/it's \"mine\"", "/data/100%/a$b`c\\d",
                                  "/data/(oud) & nieuw; #1", "/data/tab\there"])
def test_every_folder_name_reads_back_as_written(name):
    command = ["/opt/Python 3.11/bin/python", "-m", "desktop", "--data-dir", name, "gui", "--minimised"]
    entry = autostart.desktop_entry(command)
    assert exec_arguments(entry) == command
    assert "'" not in entry.split("Exec=")[1].split("\n")[0] or "it's" in name  # never the shell's quotes
    assert len([line for line in entry.splitlines() if line.startswith("Exec=")]) == 1
