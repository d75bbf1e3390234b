"""Is everything the app needs really there? Run by ``afspraak gui --smoke-test``.

A missing resource rarely crashes the app: a lost ``.mo`` silently shows English, a lost
SVG plugin shows blank icons, a lost Babel locale only fails when a date is formatted,
and a missing module only when the code that imports it runs. In the packaged app (see
build.spec) each of these means something was left out of the bundle, so the smoke test
looks for all of them and reports each as one line.
"""

from __future__ import annotations

import gettext
import importlib
import pkgutil
from datetime import date, datetime, timedelta

from desktop import i18n, paths

# Babel locales the app formats in (desktop/i18n.py), Belgian Dutch included. The bundle
# carries Babel data for these and their parents only (pack/rules.py).
FORMAT_LOCALES = tuple(sorted(set(i18n.FORMAT_LOCALES.values()) | {"nl_BE"}))


def catalog_problems() -> list[str]:
    problems = []
    for language in i18n.LANGUAGES:
        translations = i18n.translations_for(language)
        if type(translations) is gettext.NullTranslations or not getattr(translations, "_catalog", None):
            problems.append(f"no {language} catalog in {paths.locale_dir()}")
    return problems


def qt_catalog_problems() -> list[str]:
    """Qt's own catalog for each UI language (views/translator.py): without it a text
    field's right-click menu and the standard buttons stay English in the Dutch app."""
    from desktop.views import translator

    problems = []
    for language in i18n.LANGUAGES:
        name = translator.qt_catalog_name(language)
        if name is not None and translator.qt_catalog(language) is None:
            problems.append(f"no Qt catalog {name}.qm in {translator.qt_translations_dir()}")
    return problems


def form_problems() -> list[str]:
    from desktop.views.forms import load_form

    problems = []
    forms = sorted(paths.ui_file("").glob("*.ui"))
    if not forms:
        problems.append(f"no .ui forms in {paths.ui_file('')}")
    for form in forms:
        try:
            widget = load_form(form.name)
        except Exception as exc:  # report every broken form, not only the first
            problems.append(f"form {form.name}: {exc}")
        else:
            widget.deleteLater()
    return problems


def icon_problems() -> list[str]:
    from PySide6.QtGui import QIcon, QImageReader

    problems = []
    if b"svg" not in QImageReader.supportedImageFormats():
        problems.append("Qt cannot read SVG (imageformats/qsvg plugin missing)")
    icons = sorted(paths.resource("").rglob("*.svg"))
    if not icons:
        problems.append(f"no icons in {paths.resource('')}")
    for icon in icons:
        if QIcon(str(icon)).pixmap(32, 32).isNull():
            problems.append(f"icon {icon.name} does not render (iconengines/qsvgicon plugin missing?)")
    return problems


def formatting_problems() -> list[str]:
    """Format a date, a moment, money, a number and a duration for every shipped locale.

    Babel is asked directly, not through ``i18n``'s cached helpers: a result cached
    earlier in the same process must not hide locale data that is missing now."""
    from babel import Locale
    from babel import dates as babel_dates
    from babel import numbers as babel_numbers

    problems = []
    moment = datetime(2026, 11, 22, 11, 0)
    for name in FORMAT_LOCALES:
        try:
            locale = Locale.parse(name)
            for text in (
                babel_dates.format_date(date(2026, 11, 22), "full", locale=locale),
                babel_dates.format_datetime(moment, "long", locale=locale),
                babel_numbers.format_currency(12.5, "EUR", locale=locale),
                babel_numbers.format_decimal(12345.5, locale=locale),
                babel_dates.format_timedelta(timedelta(days=3), add_direction=True, locale=locale),
            ):
                if not text:
                    problems.append(f"Babel formatted nothing for {name}")
        except Exception as exc:
            problems.append(f"Babel cannot format for {name}: {exc!r}")
    return problems


def module_problems() -> list[str]:
    """Import every module of the app (lazy imports included), so none is missing."""
    import desktop

    problems = []
    for info in pkgutil.walk_packages(desktop.__path__, "desktop."):
        if info.name.endswith("__main__"):
            continue  # running it would start the app
        try:
            importlib.import_module(info.name)
        except Exception as exc:
            problems.append(f"module {info.name}: {exc!r}")
    return problems


def notifier_problems() -> list[str]:
    """desktop-notifier is imported lazily, on its own thread (desktop/notifications.py): a
    bundle without it or its platform backend (dbus-fast on Linux) would quietly use the
    tray balloon instead of notifications with buttons, so look for them here."""
    import sys

    try:
        from desktop_notifier.main import get_backend_class

        backend = get_backend_class()
        if sys.platform.startswith("linux"):
            importlib.import_module("dbus_fast.aio")
            from dbus_fast import Message, Variant

            # the freedesktop Notify call with its uint32 and hints, marshalled by dbus-fast's
            # compiled code on an asyncio loop, as notifications.py does (no bus needed)
            async def marshal() -> bytes:
                return Message(destination="org.freedesktop.Notifications", path="/org/freedesktop/Notifications",
                               interface="org.freedesktop.Notifications", member="Notify", signature="susssasa{sv}i",
                               body=["Afspraak", 0, "", "t", "b", ["open", "Open"], {"urgency": Variant("y", 1)}, -1],
                               )._marshall(False)

            import asyncio

            if not asyncio.run(marshal()):
                return ["dbus-fast marshalled nothing"]
    except Exception as exc:
        return [f"desktop-notifier cannot load: {exc!r}"]
    if sys.platform.startswith(("linux", "win")) and backend.__name__ == "DummyNotificationCenter":
        return [f"desktop-notifier has no backend for {sys.platform}"]
    return []


def problems() -> list[str]:
    """Every problem found, one line each; empty when all is well."""
    found = []
    for check in (module_problems, catalog_problems, qt_catalog_problems, form_problems, icon_problems,
                  formatting_problems, notifier_problems):
        try:
            found.extend(check())
        except Exception as exc:
            found.append(f"{check.__name__} failed: {exc!r}")
    return found
