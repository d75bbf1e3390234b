"""What goes into the PyInstaller bundle, as plain functions build.spec calls.

Kept apart from build.spec so the tests can check the rules without running PyInstaller.
Everything here is generic on purpose: new modules in ``desktop/``, new forms in ``ui/``,
new icons in ``resources/`` and new catalogs in ``locales/`` are picked up without an edit.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path, PurePosixPath

from desktop import APP_ID, APP_NAME, __version__
from desktop.i18n import LANGUAGES
from desktop.selfcheck import FORMAT_LOCALES

ROOT = Path(__file__).resolve().parents[2]  # .ci/pack/ -> the repository

EXE_NAME = APP_NAME   # dist/Afspraak/Afspraak(.exe); APP_NAME is the human name everywhere
BUNDLE_ID = APP_ID    # macOS CFBundleIdentifier (reverse DNS; never change it once shipped)

# The Babel locales the app formats in: its languages, their formatting locales and the
# Belgian Dutch of desktop/i18n.py (selfcheck.FORMAT_LOCALES); babel_locales() adds
# their CLDR parents.
SHIPPED_LOCALES = tuple(sorted(set(LANGUAGES) | set(FORMAT_LOCALES)))

# Qt's own catalogs the app loads (desktop/views/translator.py): qtbase for each UI language
# but English, Qt's source language. qtbase_nl.qm stands alone (it names no other catalog);
# qt_nl.qm, the meta catalog naming qtbase and qtmultimedia, is not used.
QT_TRANSLATIONS = frozenset(f"qtbase_{language}.qm" for language in LANGUAGES if language != "en")

# Python modules the app never uses. PySide6's hooks collect a Qt library (and its plugins
# and translations) for every PySide6 module that is imported, so excluding the module
# here keeps the library out. The app uses QtCore, QtGui, QtWidgets, QtNetwork (the single
# instance server); QtSvg comes in through the SVG icon plugins. The .ui forms are compiled
# into Python modules (`make forms`), so QtUiTools is not needed either.
EXCLUDED_MODULES = [
    "tkinter", "_tkinter", "turtle", "turtledemo", "idlelib", "lib2to3", "pydoc_data",
    # Developer tools that drag in readline and a terminal library.
    "pdb", "pydoc", "doctest", "readline",
    # pkg_resources comes in through babel.messages (which prefers importlib.metadata);
    # with it PyInstaller also runs a start-up hook that imports it: slow and unused.
    "pkg_resources", "setuptools", "distutils",
    # The app is offline: no TLS, so no private OpenSSL (5 MB). hashlib then uses
    # Python's own hash functions, which is all the app needs (sha1/sha256).
    "ssl", "_ssl", "_hashlib",
    # Only ProcessPoolExecutor needs it (asyncio does not), and with it PyInstaller runs a
    # start-up hook that imports it: about 25 ms of every start, for nothing.
    "multiprocessing", "concurrent.futures.process",
    # The public holidays come from domain/holiday_dates.py, generated from the `holidays`
    # library up to 2045; the library itself (every country, ~4 MB) is only the fallback
    # for later years, which then avoid Sundays only (domain/workdays.py).
    "holidays",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2",
    "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtOpenGL", "PySide6.QtOpenGLWidgets",
    "PySide6.QtDesigner", "PySide6.QtHelp", "PySide6.QtSql", "PySide6.QtTest",
    "PySide6.QtUiTools", "PySide6.QtPrintSupport", "PySide6.QtXml", "PySide6.QtConcurrent", "PySide6.QtStateMachine",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets", "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets", "PySide6.QtWebChannel", "PySide6.QtCharts",
    "PySide6.QtDataVisualization", "PySide6.Qt3DCore", "PySide6.QtBluetooth",
    "PySide6.QtPositioning", "PySide6.QtSerialPort", "PySide6.QtTextToSpeech",
    "PySide6.QtSvgWidgets", "PySide6.QtGraphs", "PySide6.QtSpatialAudio",
]

# Qt plugins (folder/name stem, as under PySide6/Qt/plugins) the app has no use for.
# Anything not listed is kept: platforms (xcb, wayland, offscreen for the smoke test),
# SVG/ICO/PNG/JPEG image formats, the SVG icon engine, the portal theme, input methods.
UNUSED_QT_PLUGINS = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimalegl", "qvkkhrdisplay", "qvnc", "qdirect2d"},
    "platforminputcontexts": {"qtvirtualkeyboardplugin"},  # pulls in QtQuick
    # GTK3 theme: drags in a private copy of GTK's stack (cairo, pango, gdk-pixbuf...)
    # that can clash with the desktop's own; Qt's Fusion style plus the portal is enough.
    "platformthemes": {"qgtk3"},
    "imageformats": {"qpdf", "qtiff", "qwbmp", "qtga"},
    "wayland-shell-integration": {"ivi-shell", "fullscreen-shell-v1", "wl-shell-plugin", "qt-shell"},
    "wayland-graphics-integration-client": {"dmabuf-server", "drm-egl-server", "shm-emulation-server",
                                            "vulkan-server"},
    "egldeviceintegrations": None,  # None: the whole folder (embedded EGL, not desktops)
    "generic": None,                # evdev/tuio input for embedded devices
    "vectorimageformats": None,     # Lottie, pulls in QtQml
    "networkinformation": None,     # the app is offline and never asks
    "tls": None,                    # no TLS: QtNetwork only serves the local single-instance socket
    "qmltooling": None,
    "sqldrivers": None,             # Peewee talks to sqlite3 itself
    "designer": None,
    "printsupport": None,
    "wayland-graphics-integration-server": None,  # for compositors, not clients
}


# Linux: libraries every desktop has and that must match the desktop they run on, so the
# bundle uses the system's copy instead of carrying its own (the AppImage project's
# "excludelist" reasoning): the X11 client libraries (the display server's protocol),
# fontconfig/freetype (a private fontconfig cannot read a newer system font config), the
# session bus client (libdbus, and with it libsystemd/libgcrypt), GLib, and the C++/GCC
# runtime (a private older libstdc++ breaks the system's OpenGL drivers). The Debian
# names are in the Makefile's APT_RUNTIME. The xcb-util libraries that Qt needs but
# desktops often lack (xcb-cursor, xcb-icccm ...) stay bundled.
HOST_LIBRARIES = {
    "x11", "x11-xcb", "xau", "xdmcp", "fontconfig", "freetype", "dbus-1", "glib-2.0",
    "gthread-2.0", "stdc++", "gcc_s",
}


def babel_locales(shipped=SHIPPED_LOCALES) -> set[str]:
    """The shipped locales plus every CLDR parent Babel loads for them (up to ``root``).

    Follows babel.localedata.load(): an explicit parent from ``parent_exceptions`` (en_GB
    inherits from en_001), else the identifier minus its last part.
    """
    from babel.core import get_global

    needed = {"root"}
    for name in shipped:
        while name and name != "root":
            needed.add(name)
            parent = get_global("parent_exceptions").get(name)
            if not parent:
                parts = name.split("_")
                parent = "root" if len(parts) == 1 else "_".join(parts[:-1])
            name = parent
    return needed


def _parts(dest: str) -> tuple[str, ...]:
    return PurePosixPath(str(dest).replace("\\", "/")).parts


_STEM = re.compile(r"^(?:lib)?(.+?)(?:\.so(?:\.\d+)*|(?:\.\d+)*\.dylib|\.dll|\.pyd)?$")


def _stem(filename: str) -> str:
    """'libglib-2.0.so.0' -> 'glib-2.0', 'qsvg.dll' -> 'qsvg', 'libssl.3.dylib' -> 'ssl'."""
    return _STEM.match(filename).group(1)


def keep_data(dest: str, locales: set[str]) -> bool:
    """Whether a data file (its path inside the bundle) belongs in the bundle."""
    parts = _parts(dest)
    if parts[:2] == ("babel", "locale-data"):
        return len(parts) == 3 and parts[2].endswith(".dat") and parts[2][:-4] in locales
    if "translations" in parts and parts[0] == "PySide6":
        # Qt's own .qm catalogs: the app answers Qt from gettext first, and asks Qt's
        # qtbase catalog only for Qt's own texts (views/translator.py): every other
        # language and module stays out.
        return parts[-1] in QT_TRANSLATIONS
    return keep_qt_plugin(dest)


def keep_binary(dest: str, platform: str) -> bool:
    """Whether a binary (its path inside the bundle) belongs in the bundle."""
    if not keep_qt_plugin(dest):
        return False
    stem = _stem(_parts(dest)[-1]).lower()
    if stem.startswith(("ssl", "crypto")):
        return False  # OpenSSL: only for TLS, which the app never uses (see EXCLUDED_MODULES)
    if platform == "linux" and stem in HOST_LIBRARIES:
        return False
    return True


def keep_qt_plugin(dest: str) -> bool:
    """False for Qt plugins listed in UNUSED_QT_PLUGINS; True for everything else."""
    parts = _parts(dest)
    if "plugins" not in parts or parts[0] != "PySide6":
        return True
    i = parts.index("plugins")
    if len(parts) < i + 2:
        return True
    folder = parts[i + 1]
    if folder not in UNUSED_QT_PLUGINS:
        return True
    unused = UNUSED_QT_PLUGINS[folder]
    if unused is None:
        return False
    return len(parts) < i + 3 or _stem(parts[i + 2]) not in unused


def app_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source, destination folder) pairs for the app's own resources.

    ``ui/`` and ``resources/`` go in as whole trees; from ``locales/`` only the compiled
    ``.mo`` catalogs (the app never needs the .po sources). Refuses to build with a
    missing or stale ``.mo``: the bundle would silently show English or old strings.
    """
    datas = []
    for folder in ("ui", "resources"):
        for path in sorted((root / folder).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                datas.append((str(path), str(path.parent.relative_to(root))))
    problems = []
    for po in sorted((root / "locales").glob("*/LC_MESSAGES/*.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            problems.append(str(mo.relative_to(root)))
            continue
        datas.append((str(mo), str(mo.parent.relative_to(root))))
    if problems:
        raise SystemExit("Missing or stale compiled catalogs (run `make mo`): " + ", ".join(problems))
    return datas


def filter_toc(toc, locales: set[str]):
    """A PyInstaller TOC (list of (dest, src, typecode)) without what keep_data refuses."""
    return [entry for entry in toc if keep_data(entry[0], locales)]


def _key(name: str) -> str:
    return PurePosixPath(str(name).replace("\\", "/")).name.lower()


def prune_binaries(binaries, platform: str, imports_of):
    """Drop what keep_binary refuses, and the libraries only those needed.

    PyInstaller collects a plugin's libraries before the spec can filter the plugin out,
    so filtering alone would leave e.g. the EGLFS libraries behind (and a system library
    left to the host would leave its own private dependencies). ``imports_of(src)``
    returns the file names a binary links against (PyInstaller's bindepend in build.spec,
    a dict in the tests). A library goes only when a removed plugin needed it and nothing
    kept needs it, directly or through other libraries; everything else stays.
    """
    kept = [e for e in binaries if keep_binary(e[0], platform)]
    removed = [e for e in binaries if not keep_binary(e[0], platform) and e[2] != "SYMLINK"]
    by_name = {}
    for entry in kept:
        if entry[2] != "SYMLINK":  # a symlink's source is its target's name, not a file
            by_name.setdefault(_key(entry[0]), entry)

    def deps(entry):
        return {_key(n) for n in imports_of(entry[1])} & by_name.keys()

    candidates: set[str] = set()
    todo = [n for e in removed for n in deps(e)]
    while todo:
        name = todo.pop()
        if name not in candidates:
            candidates.add(name)
            todo.extend(deps(by_name[name]))
    needed: set[str] = set()
    todo = [n for e in kept if _key(e[0]) not in candidates for n in deps(e)]
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(deps(by_name[name]))
    orphans = candidates - needed
    return [e for e in kept if _key(e[0]) not in orphans], sorted(orphans)


def direct_imports(path: str) -> list[str]:
    """The libraries a binary links against directly (not the whole tree, as ldd gives)."""
    if sys.platform.startswith("linux"):
        # objdump is part of binutils, which PyInstaller needs on Linux anyway.
        out = subprocess.run(["objdump", "-p", path], capture_output=True, text=True).stdout
        return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]
    from PyInstaller.depend import bindepend  # pefile / macholib: direct imports already

    return [name for name, _path in bindepend.get_imports(path)]


def _posix(dest: str) -> PurePosixPath:
    return PurePosixPath(*_parts(dest))


def drop_leftovers(datas, binaries):
    """The data entries that still make sense once binaries were pruned.

    PyInstaller lists its symbolic links (top-level links to Qt libraries on Linux, a
    framework's Versions/Current on macOS) and a macOS framework's Info.plist among the
    data: keep a link only when its target is still in the bundle, and nothing of a
    framework whose library is gone.
    """
    files = {_posix(e[0]) for e in datas + binaries if e[2] != "SYMLINK"}
    dirs = {parent for path in files for parent in path.parents}
    libraries = [_posix(e[0]) for e in binaries if e[2] != "SYMLINK"]
    links = {_posix(e[0]): _posix(e[1]) for e in datas + binaries if e[2] == "SYMLINK"}

    def resolve(path: PurePosixPath) -> PurePosixPath:
        for _ in range(32):  # follow links, also links inside the path (Versions/Current/...)
            for i in range(1, len(path.parts) + 1):
                prefix = PurePosixPath(*path.parts[:i])
                if prefix in links:
                    path = PurePosixPath(os.path.normpath(prefix.parent / links[prefix]), *path.parts[i:])
                    break
            else:
                return path
        return path

    out = []
    for entry in datas:
        path = _posix(entry[0])
        framework = next((p for p in path.parents if p.suffix == ".framework"), None)
        if framework is not None and not any(lib.is_relative_to(framework) for lib in libraries):
            continue  # a framework whose library was pruned
        if entry[2] == "SYMLINK":
            target = resolve(path)
            if target not in files and target not in dirs:
                continue  # would dangle
        out.append(entry)
    return out


def platform_name() -> str:
    if sys.platform.startswith("win"):
        return "windows"
    if sys.platform == "darwin":
        return "macos"
    return "linux"


def write_windows_version_file(path: Path) -> Path:
    """The version resource Windows shows under Properties → Details (name, version)."""
    numbers = [int(p) for p in __version__.split(".")[:4] if p.isdigit()]
    numbers += [0] * (4 - len(numbers))
    version = ".".join(str(n) for n in numbers)
    strings = {
        "CompanyName": APP_NAME,
        "FileDescription": APP_NAME,
        "FileVersion": version,
        "InternalName": EXE_NAME,
        "LegalCopyright": "GPL-3.0-or-later",
        "OriginalFilename": f"{EXE_NAME}.exe",
        "ProductName": APP_NAME,
        "ProductVersion": __version__,
    }
    items = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={tuple(numbers)}, prodvers={tuple(numbers)}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('041304B0', [
{items}
    ])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
""",
        encoding="utf-8",
    )
    return path
