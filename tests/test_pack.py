"""The packaging rules (.ci/pack/), without running PyInstaller: what goes into the bundle,
the icons, the Linux launcher, and the dist check's own measuring tools.

The bundle itself is built and smoke-tested by `make dist` (.ci/pack/check.py), which CI runs.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop import APP_ID, __version__

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / ".ci"))  # the packaging rules: .ci/pack/

from pack import check, launcher, rules

ROOT = Path(__file__).resolve().parent.parent


# --- Babel data --------------------------------------------------------------------------

def test_babel_locales_are_the_shipped_ones_and_their_cldr_parents():
    needed = rules.babel_locales()
    assert needed == {"root", "nl", "nl_NL", "nl_BE", "en", "en_GB", "en_001"}
    # en_GB inherits from en_001 (a CLDR parent exception), not from en directly.
    assert rules.babel_locales(["en_AU"]) == {"root", "en", "en_001", "en_AU"}


FORMAT_SAMPLES = textwrap.dedent("""
    import json, sys
    from datetime import date, datetime, timedelta
    import babel.localedata
    if len(sys.argv) > 1:
        babel.localedata._dirname = sys.argv[1]
    from babel import Locale
    from desktop import i18n
    out = {}
    for name in ("nl_NL", "nl_BE", "en_GB"):
        loc = Locale.parse(name)
        out[name] = [
            i18n.format_date(date(2026, 11, 22), "full", locale=loc),
            i18n.format_moment(datetime(2026, 11, 22, 11, 0), locale=loc),
            i18n.format_money(123456, locale=loc),
            i18n.format_number(12345.5, locale=loc),
            i18n.format_duration(timedelta(days=3), locale=loc, direction=True),
            i18n.format_duration(timedelta(hours=-5), locale=loc, direction=True),
            loc.territories["BE"], loc.currencies["EUR"],
        ]
    print(json.dumps(out))
""")


def _format_with(locale_dir: Path | None) -> dict:
    args = [sys.executable, "-c", FORMAT_SAMPLES] + ([str(locale_dir)] if locale_dir else [])
    result = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, timeout=60)
    if result.returncode != 0:
        raise RuntimeError(result.stderr)
    return json.loads(result.stdout)


def _trimmed_locale_data(tmp_path: Path, keep: set[str]) -> Path:
    import babel.localedata

    folder = tmp_path / "locale-data"
    folder.mkdir()
    for name in keep:
        src = Path(babel.localedata._dirname) / f"{name}.dat"
        (folder / src.name).write_bytes(src.read_bytes())
    return folder


def test_trimmed_babel_data_formats_exactly_like_the_full_data(tmp_path):
    full = _format_with(None)
    trimmed = _format_with(_trimmed_locale_data(tmp_path, rules.babel_locales()))
    assert trimmed == full
    assert full["nl_NL"][0] == "zondag 22 november 2026"


def test_a_missing_cldr_parent_breaks_formatting(tmp_path):
    # The check above can fail: without en_001 Babel cannot load en_GB at all.
    folder = _trimmed_locale_data(tmp_path, rules.babel_locales() - {"en_001"})
    with pytest.raises(RuntimeError, match="en_001"):
        _format_with(folder)


# --- what goes in ------------------------------------------------------------------------

@pytest.mark.parametrize("dest, kept", [
    ("babel/locale-data/nl_BE.dat", True),
    ("babel/locale-data/en_001.dat", True),
    ("babel/locale-data/root.dat", True),
    ("babel/locale-data/de_DE.dat", False),
    ("babel/locale-data/nl_SR.dat", False),
    ("babel/global.dat", True),
    # Qt's own Dutch (the text fields' context menu, standard buttons): qtbase_nl only.
    ("PySide6/Qt/translations/qtbase_nl.qm", True),
    ("PySide6\\translations\\qtbase_nl.qm", True),  # the Windows layout
    ("PySide6\\translations\\qtbase_de.qm", False),
    ("PySide6/Qt/translations/qtbase_en.qm", False),  # English is Qt's source language
    ("PySide6/Qt/translations/qt_nl.qm", False),  # the meta catalog, not used
    ("PySide6/Qt/translations/qtdeclarative_nl.qm", False),
    ("PySide6/Qt/translations/qt_help_nl.qm", False),
    ("locales/nl/LC_MESSAGES/messages.mo", True),
    ("ui/main_window.ui", True),
    ("resources/icons/orders.svg", True),
])
def test_keep_data(dest, kept):
    assert rules.keep_data(dest, rules.babel_locales()) is kept


def test_the_qt_catalogs_the_app_loads_are_the_ones_kept():
    """Every Qt catalog views/translator.py loads is kept, from the folder it loads them from."""
    from desktop.i18n import LANGUAGES
    from desktop.views import translator

    loaded = [translator.qt_catalog_name(language) for language in LANGUAGES]
    assert loaded.count(None) == 1  # English: Qt's source language
    folder = Path(translator.qt_translations_dir())
    for name in filter(None, loaded):
        assert (folder / f"{name}.qm").is_file()  # PySide6 ships it
        assert rules.keep_data(f"PySide6/Qt/translations/{name}.qm", rules.babel_locales())
    kept = [p.name for p in folder.glob("*.qm")
            if rules.keep_data(f"PySide6/Qt/translations/{p.name}", rules.babel_locales())]
    assert sorted(kept) == sorted(f"{name}.qm" for name in loaded if name)


@pytest.mark.parametrize("dest, platform, kept", [
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "linux", True),
    ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "linux", True),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", "linux", False),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", "linux", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "linux", False),
    ("PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "linux", True),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "linux", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", "linux", False),
    ("PySide6\\plugins\\imageformats\\qpdf.dll", "windows", False),
    ("PySide6\\plugins\\platforms\\qwindows.dll", "windows", True),
    ("PySide6/Qt/plugins/imageformats/libqsvg.dylib", "macos", True),
    ("libssl.so.3", "linux", False),
    ("libcrypto-3-x64.dll", "windows", False),
    ("libk5crypto.so.3", "linux", True),  # Kerberos, not OpenSSL
    ("libfontconfig.so.1", "linux", False),  # the desktop's own
    ("libstdc++.so.6", "linux", False),
    ("libxcb-cursor.so.0", "linux", True),  # often missing on desktops: bundled
    ("PySide6/Qt/lib/libQt6Core.so.6", "linux", True),
    ("libpython3.11.so.1.0", "linux", True),
])
def test_keep_binary(dest, platform, kept):
    assert rules.keep_binary(dest, platform) is kept


def test_prune_binaries_drops_only_what_left_out_binaries_alone_needed():
    links = {
        "/src/qpdf.so": ["libQt6Pdf.so.6", "libQt6Gui.so.6"],
        "/src/libQt6Pdf.so.6": ["libQt6Core.so.6", "libpdfium.so"],
        "/src/libpdfium.so": [],
        "/src/qsvg.so": ["libQt6Svg.so.6", "libQt6Gui.so.6"],
        "/src/libQt6Svg.so.6": ["libQt6Gui.so.6"],
        "/src/libQt6Gui.so.6": ["libQt6Core.so.6", "libdbus-1.so.3"],
        "/src/libQt6Core.so.6": [],
        "/src/libdbus-1.so.3": ["libsystemd.so.0"],
        "/src/libsystemd.so.0": [],
    }

    def entry(dest, src):
        return (dest, src, "BINARY")

    binaries = [
        entry("PySide6/Qt/plugins/imageformats/libqpdf.so", "/src/qpdf.so"),
        entry("PySide6/Qt/plugins/imageformats/libqsvg.so", "/src/qsvg.so"),
        entry("PySide6/Qt/lib/libQt6Pdf.so.6", "/src/libQt6Pdf.so.6"),
        entry("libpdfium.so", "/src/libpdfium.so"),
        entry("PySide6/Qt/lib/libQt6Svg.so.6", "/src/libQt6Svg.so.6"),
        entry("PySide6/Qt/lib/libQt6Gui.so.6", "/src/libQt6Gui.so.6"),
        entry("PySide6/Qt/lib/libQt6Core.so.6", "/src/libQt6Core.so.6"),
        entry("libdbus-1.so.3", "/src/libdbus-1.so.3"),
        entry("libsystemd.so.0", "/src/libsystemd.so.0"),
    ]
    kept, orphans = rules.prune_binaries(binaries, "linux", lambda src: links[src])
    assert orphans == ["libpdfium.so", "libqt6pdf.so.6", "libsystemd.so.0"]
    assert [e[0] for e in kept] == [
        "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/lib/libQt6Svg.so.6",
        "PySide6/Qt/lib/libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Core.so.6",
    ]
    # On Windows libdbus is no host library: it stays, and so does what it needs.
    kept, orphans = rules.prune_binaries(binaries, "windows", lambda src: links[src])
    assert orphans == ["libpdfium.so", "libqt6pdf.so.6"]


def test_direct_imports_are_not_the_whole_tree():
    if not sys.platform.startswith("linux"):
        pytest.skip("reads ELF files")
    import PySide6

    qtgui = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    names = rules.direct_imports(str(qtgui))
    assert "libQt6Core.so.6" in names
    assert "libQt6Gui.so.6" not in names
    assert "libicudata.so.73" not in names  # only through QtCore


def test_drop_leftovers_keeps_links_that_resolve_and_drops_dangling_ones():
    binaries = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/src/core", "BINARY"),
        ("PySide6/Qt/lib/QtGui.framework/Versions/A/QtGui", "/src/gui", "BINARY"),
    ]
    datas = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),  # target pruned
        ("PySide6/Qt/lib/QtGui.framework/Versions/Current", "A", "SYMLINK"),
        ("PySide6/Qt/lib/QtGui.framework/QtGui", "Versions/Current/QtGui", "SYMLINK"),
        ("PySide6/Qt/lib/QtGui.framework/Resources/Info.plist", "/src/gui.plist", "DATA"),
        ("PySide6/Qt/lib/QtPdf.framework/Resources/Info.plist", "/src/pdf.plist", "DATA"),
        ("PySide6/Qt/lib/QtPdf.framework/Versions/Current", "A", "SYMLINK"),
        ("ui/main_window.ui", "/src/main_window.ui", "DATA"),
    ]
    kept = [e[0] for e in rules.drop_leftovers(datas, binaries)]
    assert kept == [
        "libQt6Core.so.6",
        "PySide6/Qt/lib/QtGui.framework/Versions/Current",
        "PySide6/Qt/lib/QtGui.framework/QtGui",
        "PySide6/Qt/lib/QtGui.framework/Resources/Info.plist",
        "ui/main_window.ui",
    ]


def test_app_datas_take_forms_icons_and_compiled_catalogs_only():
    dests = {(Path(src).relative_to(ROOT).as_posix(), dest) for src, dest in rules.app_datas(ROOT)}
    assert ("ui/main_window.ui", "ui") in dests
    assert ("resources/afspraak.svg", "resources") in dests
    assert ("resources/icons/orders.svg", "resources/icons") in dests
    assert ("locales/nl/LC_MESSAGES/messages.mo", "locales/nl/LC_MESSAGES") in dests
    assert ("locales/en/LC_MESSAGES/messages.mo", "locales/en/LC_MESSAGES") in dests
    assert not any(src.endswith((".po", ".pot")) for src, _ in dests)


def test_app_datas_refuse_a_stale_catalog(tmp_path):
    for folder in ("ui", "resources"):
        (tmp_path / folder).mkdir()
    catalogs = tmp_path / "locales" / "nl" / "LC_MESSAGES"
    catalogs.mkdir(parents=True)
    mo, po = catalogs / "messages.mo", catalogs / "messages.po"
    mo.write_bytes(b"old")
    po.write_text("newer", encoding="utf-8")
    os.utime(mo, (1_000_000, 1_000_000))
    with pytest.raises(SystemExit, match="make mo"):
        rules.app_datas(tmp_path)
    os.utime(mo, None)
    os.utime(po, (1_000_000, 1_000_000))
    assert [Path(src).name for src, _ in rules.app_datas(tmp_path)] == ["messages.mo"]


def test_bundle_names_come_from_the_app():
    assert rules.BUNDLE_ID == APP_ID
    assert rules.APP_NAME == "Afspraak"


def test_spec_is_valid_python_that_uses_the_rules():
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    calls = {node.func.attr for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
    assert {"app_datas", "filter_toc", "prune_binaries", "drop_leftovers", "babel_locales"} <= calls
    assert 'collect_submodules("desktop")' in spec


def test_windows_version_file(tmp_path):
    text = rules.write_windows_version_file(tmp_path / "v.txt").read_text(encoding="utf-8")
    ast.parse(text)
    assert "filevers=(0, 1, 0, 0)" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text


# --- icons -------------------------------------------------------------------------------

def test_icons_are_rendered_for_every_platform(tmp_path, qapp):
    from PIL import Image

    from pack import icons

    made = icons.build_icons(tmp_path)
    with Image.open(made["png"]) as png:
        assert png.size == (256, 256)
        assert png.getpixel((128, 128))[3] == 255  # drawn, not blank
        assert png.getpixel((0, 0))[3] == 0  # transparent corner (rounded square)
    with Image.open(made["ico"]) as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(made["icns"]) as icns:
        assert (512, 512, 2) in icns.info["sizes"]
    assert (tmp_path / "afspraak-48.png").exists()


# --- Linux launcher ----------------------------------------------------------------------

def test_launcher_points_at_the_bundle_and_keeps_the_rest(tmp_path):
    template = (ROOT / "resources" / "afspraak.desktop").read_text(encoding="utf-8")
    text = launcher.render(template, Path("/opt/Afspraak/Afspraak"), "/opt/afspraak.png")
    lines = text.splitlines()
    assert "Exec=/opt/Afspraak/Afspraak" in lines
    assert "TryExec=/opt/Afspraak/Afspraak" in lines
    assert "Icon=/opt/afspraak.png" in lines
    assert "Comment[nl]=Houdt de afspraken bij tussen je webshop, je influencers en je klanten" in lines
    assert "StartupWMClass=afspraak" in lines
    assert sum(line.startswith("Exec=") for line in lines) == 1


def test_launcher_passes_desktop_file_validate(tmp_path):
    validate = shutil.which("desktop-file-validate")  # Debian: desktop-file-utils
    if validate is None:
        pytest.skip("desktop-file-validate is not installed")
    template = (ROOT / "resources" / "afspraak.desktop").read_text(encoding="utf-8")
    path = tmp_path / "Afspraak.desktop"
    path.write_text(launcher.render(template, Path("/home/ans/Mijn apps/100%/Afspraak"), "afspraak"),
                    encoding="utf-8")
    result = subprocess.run([validate, str(path)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout


@pytest.mark.parametrize("path, expected", [
    ("/home/ans/Afspraak/Afspraak", "/home/ans/Afspraak/Afspraak"),
    ("/home/ans/Mijn apps/Afspraak", '"/home/ans/Mijn apps/Afspraak"'),
    ("/home/ans/100%/$x/Afspraak", '"/home/ans/100%%/\\\\$x/Afspraak"'),
])
def test_exec_quoting_follows_the_desktop_entry_spec(path, expected):
    assert launcher.quote_exec(Path(path)) == expected


def _fake_dist(tmp_path: Path) -> Path:
    dist = tmp_path / "dist dir"
    exe = dist / "Afspraak" / "Afspraak"
    exe.parent.mkdir(parents=True)
    exe.write_text("#!/bin/sh\n", encoding="utf-8")
    exe.chmod(0o755)
    return dist


def test_make_and_install_the_launcher(tmp_path, monkeypatch, qapp):
    from pack import icons

    icon_dir = tmp_path / "icons"
    made = icons.build_icons(icon_dir)
    dist = _fake_dist(tmp_path)
    desktop_file = launcher.make(dist, made["png"])
    assert desktop_file == dist.resolve() / "Afspraak.desktop"
    assert desktop_file.stat().st_mode & stat.S_IXUSR  # file managers only start executable ones
    assert f'Exec="{dist.resolve()}/Afspraak/Afspraak"' in desktop_file.read_text(encoding="utf-8")
    assert (dist / "afspraak.png").exists()

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    installed = launcher.install(dist, icon_dir, ROOT / "resources" / "afspraak.svg")
    assert installed == tmp_path / "share" / "applications" / "afspraak.desktop"
    text = installed.read_text(encoding="utf-8")
    assert "Icon=afspraak" in text.splitlines()
    assert f'Exec="{dist.resolve()}/Afspraak/Afspraak"' in text
    theme = tmp_path / "share" / "icons" / "hicolor"
    assert (theme / "256x256" / "apps" / "afspraak.png").exists()
    assert (theme / "48x48" / "apps" / "afspraak.png").exists()
    assert (theme / "scalable" / "apps" / "afspraak.svg").exists()


def test_install_draws_the_icons_when_the_build_folder_is_gone(tmp_path, monkeypatch, qapp):
    dist = _fake_dist(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    launcher.install(dist, tmp_path / "no-icons-yet")
    assert (tmp_path / "share" / "icons" / "hicolor" / "64x64" / "apps" / "afspraak.png").exists()
    assert (tmp_path / "share" / "applications" / "afspraak.desktop").exists()


def test_launcher_refuses_without_a_bundle(tmp_path):
    with pytest.raises(SystemExit, match="make dist"):
        launcher.make(tmp_path, tmp_path / "afspraak.png")
    with pytest.raises(SystemExit, match="make dist"):
        launcher.install(tmp_path, tmp_path)


# --- the dist check's tools --------------------------------------------------------------

def test_bad_stderr_catches_missing_modules_and_plugins_only():
    assert check.BAD_STDERR.search("ModuleNotFoundError: No module named 'icalendar'")
    assert check.BAD_STDERR.search('qt.qpa.plugin: Could not load the Qt platform plugin "xcb"')
    assert check.BAD_STDERR.search("smoke-test: problem: no nl catalog in /x/locales")
    assert check.BAD_STDERR.search("[PYI-1:ERROR] Failed to execute script '__main__'")
    assert not check.BAD_STDERR.search("This plugin does not support propagateSizeHints()")


def test_size_on_disk_counts_each_file_once(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 100_000)
    os.link(tmp_path / "a", tmp_path / "hard")
    (tmp_path / "link").symlink_to("a")
    size = check.size_on_disk(tmp_path)
    assert 100_000 <= size < 150_000


def test_isolated_env_keeps_nothing_of_the_real_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", "/real/config")
    monkeypatch.setenv("LC_ALL", "nl_NL.UTF-8")
    env = check.isolated_env(tmp_path, "en")
    assert env["HOME"] == str(tmp_path / "home")
    assert env["XDG_CONFIG_HOME"].startswith(str(tmp_path))
    assert env["AFSPRAAK_DATA_DIR"] == str(tmp_path / "data")
    assert env["LANGUAGE"] == "en" and "LC_ALL" not in env
    assert env["QT_QPA_PLATFORM"] == "offscreen"
