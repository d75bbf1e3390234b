"""The Linux launcher for the bundle: dist/Afspraak.desktop (+ icon), and its installation.

    python -m pack.launcher make DIST        write DIST/Afspraak.desktop and DIST/afspraak.png
    python -m pack.launcher install DIST     put the bundle in DIST in the user's applications menu

The launcher is made from resources/afspraak.desktop (the one a pip install uses), with
Exec and TryExec pointing at the bundle by absolute path and Icon at the icon beside it,
so double-clicking DIST/Afspraak.desktop in a file manager starts the bundle. Installing
copies it to ~/.local/share/applications/afspraak.desktop (the name matches the app's
desktop file name and StartupWMClass) with ``Icon=afspraak``, and the icons into the
hicolor theme under ~/.local/share/icons. Moved the bundle? Run install again with the
folder that now holds it (``make install-desktop DIST=/opt`` for /opt/Afspraak).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # .ci/pack/ -> the repository
TEMPLATE = ROOT / "resources" / "afspraak.desktop"
LAUNCHER = "Afspraak.desktop"
INSTALLED_NAME = "afspraak.desktop"
ICON_NAME = "afspraak"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def quote_exec(path: Path) -> str:
    """An Exec argument per the Desktop Entry spec (quoted when it holds reserved chars)."""
    text = str(path)
    if any(c in text for c in ' \t\n"\'\\><~|&;$*?#()`=%'):
        text = text.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
        text = f'"{text}"'
    # The string-level escape comes on top of the quoting (a literal backslash becomes four).
    return text.replace("\\", "\\\\").replace("%", "%%")


def render(template: str, exe: Path, icon: str) -> str:
    """The template with Exec/TryExec/Icon replaced (everything else, translations too, kept)."""
    lines = []
    for line in template.splitlines():
        key = line.split("=", 1)[0].strip()
        if key == "Exec":
            line = f"Exec={quote_exec(exe)}"
        elif key == "TryExec":
            continue
        elif key == "Icon":
            line = f"Icon={icon}"
        lines.append(line)
        if key == "Exec":
            lines.append(f"TryExec={exe}")
    return "\n".join(lines) + "\n"


def bundle_exe(dist: Path) -> Path:
    return (dist / "Afspraak" / "Afspraak").resolve()


def make(dist: Path, icon_png: Path) -> Path:
    """Write DIST/Afspraak.desktop and DIST/afspraak.png; returns the launcher path."""
    dist = dist.resolve()
    exe = bundle_exe(dist)
    if not exe.exists():
        raise SystemExit(f"no bundle at {exe}: run `make dist` first")
    icon = dist / f"{ICON_NAME}.png"
    shutil.copyfile(icon_png, icon)
    launcher = dist / LAUNCHER
    launcher.write_text(render(TEMPLATE.read_text(encoding="utf-8"), exe, str(icon)), encoding="utf-8")
    # File managers only start a launcher that is executable (GNOME also asks to trust it).
    launcher.chmod(0o755)
    return launcher


def data_home() -> Path:
    return Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")


def install(dist: Path, icons_dir: Path, svg: Path | None = None) -> Path:
    """Install the launcher and icons for this user; returns the installed .desktop path."""
    dist = dist.resolve()
    exe = bundle_exe(dist)
    if not exe.exists():
        raise SystemExit(f"no bundle at {exe}: run `make dist` first")
    if not (icons_dir / f"{ICON_NAME}-256.png").exists():
        from pack import icons

        icons.build_icons(icons_dir)
    home = data_home()
    apps = home / "applications"
    apps.mkdir(parents=True, exist_ok=True)
    target = apps / INSTALLED_NAME
    target.write_text(render(TEMPLATE.read_text(encoding="utf-8"), exe, ICON_NAME), encoding="utf-8")
    target.chmod(0o755)
    theme = home / "icons" / "hicolor"
    for size in ICON_SIZES:
        png = icons_dir / f"{ICON_NAME}-{size}.png"
        if png.exists():
            folder = theme / f"{size}x{size}" / "apps"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(png, folder / f"{ICON_NAME}.png")
    if svg and svg.exists():
        folder = theme / "scalable" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(svg, folder / f"{ICON_NAME}.svg")
    # Refresh the menus and icon caches where the tools exist; harmless where they do not.
    for cmd in (["update-desktop-database", "-q", str(apps)], ["gtk-update-icon-cache", "-q", "-t", str(theme)]):
        if shutil.which(cmd[0]):
            subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return target


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) < 2 or argv[0] not in ("make", "install"):
        print("usage: python -m pack.launcher make|install DIST [ICONS_DIR]", file=sys.stderr)
        return 2
    dist = Path(argv[1])
    icons_dir = Path(argv[2]) if len(argv) > 2 else ROOT / "build" / "icons"
    if argv[0] == "make":
        print(f"launcher: {make(dist, icons_dir / 'afspraak.png')}")
    else:
        print(f"installed: {install(dist, icons_dir, ROOT / 'resources' / 'afspraak.svg')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
