"""Compile the Qt Designer forms (ui/*.ui) into Python modules: `make forms`.

    python .ci/forms.py            write desktop/views/ui_forms/ from ui/
    python .ci/forms.py --check    exit 1 (naming the forms) when they differ from ui/

The app builds its forms from these modules (``desktop.views.forms.load_form``) instead
of reading the .ui files with QUiLoader at run time: no QtUiTools library to load and no
XML to parse at start (docs/PERFORMANCE.md, fix 28). The modules are committed, so a
checkout runs and tests without a build step; tests/test_forms_compiled.py fails when a
.ui file changed and `make forms` was not run. Edit the .ui files, never the modules.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "desktop" / "views" / "ui_forms"

HEADER = ('# Generated from ui/{name} by `make forms` (.ci/forms.py, pyside6-uic). Do not edit:\n'
          '# change the .ui file in Qt Designer and run `make forms`.\n')
# uic names its own version in its banner; left out, so another PySide6 patch release that
# writes the same code does not make the committed modules look stale.
BANNER = re.compile(r"\A# -\*- coding: utf-8 -\*-\n\n#{80}\n(?:##.*\n)+#{80}\n\n")


def uic_command() -> list[str]:
    """pyside6-uic of the Python that runs this (the venv's), found beside it."""
    exe = Path(sys.executable).with_name("pyside6-uic")
    return [str(exe)] if exe.exists() else ["pyside6-uic"]


def top_widget(path: Path) -> tuple[str, str]:
    """The form's top widget: its Qt class and its name (what uic calls Ui_<name>)."""
    widget = ET.parse(path).getroot().find("widget")
    if widget is None:
        raise ValueError(f"{path.name}: no top widget")
    return widget.get("class"), widget.get("name")


def compile_form(path: Path) -> str:
    code = subprocess.run([*uic_command(), "--generator", "python", str(path)], check=True,
                          capture_output=True, text=True).stdout
    match = BANNER.match(code)
    if match is None:
        raise ValueError(f"{path.name}: pyside6-uic wrote an unexpected banner")
    return HEADER.format(name=path.name) + code[match.end():]


def compiled() -> dict[str, str]:
    """Every file of desktop/views/ui_forms/ as it should be: {file name: text}."""
    files, forms = {}, []
    for path in sorted(UI_DIR.glob("*.ui")):
        base, name = top_widget(path)
        module = path.stem
        files[f"{module}.py"] = compile_form(path)
        forms.append(f'    "{path.name}": ("{module}", "Ui_{name}", "{base}"),\n')
    files["__init__.py"] = (
        '"""The forms of ui/, compiled by `make forms` (.ci/forms.py); do not edit.\n\n'
        "FORMS: .ui file name -> (module, its Ui class, the Qt class of the top widget).\n"
        '"""\n\nFORMS = {\n' + "".join(forms) + "}\n")
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare; exit 1 when stale")
    args = parser.parse_args(argv)
    wanted = compiled()
    present = {p.name: p.read_text(encoding="utf-8") for p in OUT_DIR.glob("*.py")} if OUT_DIR.exists() else {}
    stale = sorted(name for name in wanted.keys() | present.keys() if wanted.get(name) != present.get(name))
    if args.check:
        if stale:
            print("compiled forms out of date (run `make forms`): " + ", ".join(stale), file=sys.stderr)
            return 1
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name in stale:
        if name in wanted:
            (OUT_DIR / name).write_text(wanted[name], encoding="utf-8")
        else:
            (OUT_DIR / name).unlink()
    print(f"forms: {len(wanted) - 1} compiled, {len(stale)} written or removed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
