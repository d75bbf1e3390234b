"""Translations and locale-aware formatting.

One gettext catalog (domain ``messages``) in ``locales/`` serves the Python code and the
``.ui`` forms (see ``desktop/views/translator.py``). Dutch is the default language.

Use ``_("Text with {name}").format(name=...)`` (named placeholders, never f-strings inside
``_()``), ``ngettext`` for plurals, ``N_`` to mark a string for extraction only, and the
``format_*`` helpers (Babel) for dates, money and durations: never ``strftime``.

This module knows nothing of Qt.
"""

from __future__ import annotations

import gettext
import io
import locale as _pylocale
import logging
import os
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path

from desktop import paths

TYPE_CHECKING = False  # not typing's: importing typing costs 4 ms at start-up
if TYPE_CHECKING:
    from decimal import Decimal

    from babel import Locale

# Babel (about 15 ms to import, and its locale data) is imported by the formatting
# helpers when first used, not at start-up: the first window needs only gettext.

log = logging.getLogger(__name__)

DOMAIN = "messages"
LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "nl"
# The Babel locale used for formatting for each UI language. Belgian readers get nl_BE
# through ``formatting_locale(country=...)``.
FORMAT_LOCALES = {"nl": "nl_NL", "en": "en_GB"}

_current_language = DEFAULT_LANGUAGE
_current: gettext.NullTranslations = gettext.NullTranslations()


def _compile_po(po_path: Path) -> bytes:
    """Compile a .po file to .mo bytes with Babel (used when no fresh .mo exists)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


@lru_cache(maxsize=None)
def translations_for(language: str) -> gettext.NullTranslations:
    """The catalog for one language; a fresh .mo is used as is, a stale or missing one is rebuilt."""
    language = normalise_language(language)
    folder = paths.locale_dir() / language / "LC_MESSAGES"
    po = folder / f"{DOMAIN}.po"
    mo = folder / f"{DOMAIN}.mo"
    try:
        if mo.exists() and (not po.exists() or mo.stat().st_mtime >= po.stat().st_mtime):
            with open(mo, "rb") as fh:
                return gettext.GNUTranslations(fh)
        if po.exists():
            data = _compile_po(po)
            try:
                mo.write_bytes(data)
            except OSError:
                pass  # a read-only install still works from memory
            return gettext.GNUTranslations(io.BytesIO(data))
    except Exception:  # a broken catalog must never stop the app
        log.exception("could not load the %s catalog", language)
    return gettext.NullTranslations()


@lru_cache(maxsize=None)
def catalogs_fingerprint() -> str:
    """A digest of every language's catalog as shipped (its ``.po``, else its ``.mo``): another
    wording of any text, another digest. What the stored search words of the timeline were
    made with (presentation/event_texts.wording_stamp)."""
    import hashlib

    digest = hashlib.blake2b(digest_size=16)
    for language in LANGUAGES:
        folder = paths.locale_dir() / language / "LC_MESSAGES"
        digest.update(language.encode() + b"\0")
        for source in (folder / f"{DOMAIN}.po", folder / f"{DOMAIN}.mo"):
            try:
                digest.update(source.read_bytes())
                break
            except OSError:
                continue
    return digest.hexdigest()


def normalise_language(value: str | None) -> str:
    """'nl_BE.UTF-8' -> 'nl'; unknown -> the default language."""
    if not value:
        return DEFAULT_LANGUAGE
    code = value.replace("-", "_").split(".")[0].split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


# Locales that name no language ("C", "POSIX"): Python itself turns a "C" locale into
# "C.UTF-8", which ``locale.getlocale`` then reports as en_US.
_NO_LANGUAGE = ("C", "POSIX", "C.UTF-8", "C.utf8")
# Windows names its locales in English ("Dutch_Netherlands", "English_United States").
_LANGUAGE_NAMES = {"dutch": "nl", "english": "en"}


def _language_code(value: str) -> str:
    code = value.replace("-", "_").split(".")[0].split("_")[0].lower()
    return _LANGUAGE_NAMES.get(code, code)


def system_language_known() -> str | None:
    """The system's language when it is one Afspraak speaks (nl or en), else None: a
    locale without a language ("C", "POSIX") or another language (de, fr...). The first
    start asks the owner then (app.py) instead of guessing."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value and value not in _NO_LANGUAGE:
            code = _language_code(value.split(":")[0])
            return code if code in LANGUAGES else None
    try:
        if _pylocale.setlocale(_pylocale.LC_CTYPE) in _NO_LANGUAGE:
            return None
        loc = _pylocale.getlocale()[0]
    except (ValueError, _pylocale.Error):
        loc = None
    code = _language_code(loc) if loc else None
    return code if code in LANGUAGES else None


def system_language() -> str:
    """The system's language, or Dutch (the app's first language) when it names none we speak."""
    return system_language_known() or DEFAULT_LANGUAGE


def set_language(language: str | None) -> str:
    """Switch the UI language; returns the language now in use."""
    global _current_language, _current
    _current_language = normalise_language(language)
    _current = translations_for(_current_language)
    return _current_language


def current_language() -> str:
    return _current_language


def other_than_mine(language: str | None) -> bool:
    """Is ``language`` (a person's, her messages' language) a known one other than the app's
    now? Then what the owner types to be quoted to her is asked for in that language."""
    return language in LANGUAGES and language != _current_language


class speaking:  # noqa: N801 (used as a context manager: ``with speaking("en"): ...``)
    """Speak another language for a moment (the timeline's search words are written in every
    language, desktop/event_texts.py); the language in use before comes back afterwards."""

    def __init__(self, language: str):
        self.language = language

    def __enter__(self) -> str:
        self.previous = _current_language
        return set_language(self.language)

    def __exit__(self, *exc) -> None:
        set_language(self.previous)


def _(message: str) -> str:
    return _current.gettext(message)


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with ``_()``."""
    return message


def NP_(context: str, message: str) -> str:
    """Mark a string with a context (``pgettext``) for extraction only; returns the message."""
    return message


def NN_(singular: str, plural: str) -> tuple[str, str]:
    """Mark a singular and plural for extraction (``ngettext`` later, with the count);
    returns both."""
    return singular, plural


# The forms of address a message is written in: a string marked with NF_ is extracted once
# per form, with the context "je" and the context "u" (desktop/i18n_extract.py), and NBE_
# with the Belgian ones, "je_BE" and "u_BE": the English source is written once.
def NF_(message: str) -> str:
    """Mark a message text for extraction in both forms of address (``NP_("je", …)`` and
    ``NP_("u", …)``); returns the message."""
    return message


def NBE_(message: str) -> str:
    """As :func:`NF_`, with the Belgian contexts ``"je_BE"`` and ``"u_BE"``."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _current.pgettext(context, message)


def days_text(days: int, catalog: gettext.NullTranslations | None = None) -> str:
    """"1 day", "14 days": a number of days in the current language, or in ``catalog``'s
    (a reader's own, for a message or a file that goes to her)."""
    # TRANSLATORS: a number of days inside a sentence: "Reply to messages within 3 days",
    # "promised ready 10 days after it was ordered".
    return (catalog or _current).ngettext("{days} day", "{days} days", days).format(days=days)


def lookup(message: str) -> str | None:
    """The translation of ``message`` in the current catalog, or None when it has none."""
    translated = _current.gettext(message)
    if translated != message:
        return translated
    # An identical translation is still a translation when the catalog holds the key.
    catalog = getattr(_current, "_catalog", {})
    return translated if message in catalog else None


# --- formatting (Babel) --------------------------------------------------------------

def formatting_locale(language: str | None = None, country: str | None = None) -> Locale:
    return _formatting_locale(normalise_language(language or _current_language), (country or "").upper())


@lru_cache(maxsize=32)
def _formatting_locale(language: str, country: str) -> Locale:
    # Cached: Locale.parse costs about 40 µs, and a list formats a date or number per row.
    if language == "nl" and (country or "").upper() == "BE":
        name = "nl_BE"
    else:
        name = FORMAT_LOCALES[language]
    from babel import Locale, UnknownLocaleError

    try:
        if name == "en_GB":
            return _three_letter_months()("en", "GB")
        return Locale.parse(name)
    except UnknownLocaleError:  # pragma: no cover - Babel always ships these
        return Locale.parse("nl_NL")


@lru_cache(maxsize=None)
def _three_letter_months() -> type:
    """British English as CLDR has it, except its month abbreviations: CLDR gives en_GB
    "Sept" beside "Aug" and "Oct" (a list read "19 Sept 2026" under "30 Aug 2026", which
    looks like a typo); these take CLDR's own English abbreviations ("Sep"), so every
    short month is three letters. Wide and narrow names, the day and year order, numbers
    and times stay en_GB's. (A class made when first asked: Babel loads lazily.)"""
    from babel import Locale

    class BritishEnglish(Locale):
        @property
        def months(self):
            found = self.__dict__.get("_months")
            if found is None:
                british, english = super().months, Locale.parse("en").months
                found = self.__dict__["_months"] = {
                    context: {width: english[context][width] if width == "abbreviated" else british[context][width]
                              for width in british[context]}
                    for context in british}
            return found

        # Not equal to Babel's own en_GB: the formatting caches key on the locale.
        def __eq__(self, other: object) -> bool:
            return type(other) is type(self) and super().__eq__(other)

        def __hash__(self) -> int:
            return hash(("three-letter months", super().__hash__()))

    return BritishEnglish


def format_date(value: date | datetime | None, fmt: str = "medium", locale: Locale | None = None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _format_date(value, fmt, locale or formatting_locale())


@lru_cache(maxsize=4096)
def _format_date(value: date, fmt: str, locale: Locale) -> str:
    # Lists show the same few dates on many rows; Babel takes ~20 µs per call.
    from babel import dates as babel_dates

    return babel_dates.format_date(value, format=fmt, locale=locale)


def format_datetime(value: datetime | None, fmt: str = "medium", locale: Locale | None = None) -> str:
    if value is None:
        return ""
    from babel import dates as babel_dates

    return babel_dates.format_datetime(value, format=fmt, locale=locale or formatting_locale())


def format_moment(value: datetime | None, locale: Locale | None = None) -> str:
    """A moment for people: "zondag 22 november 2026 om 11:00" style, without a time zone name."""
    if value is None:
        return ""
    from babel import dates as babel_dates

    locale = locale or formatting_locale()
    return keep_together("{date}, {time}".format(
        date=babel_dates.format_date(value.date(), format="full", locale=locale),
        time=babel_dates.format_time(value, format="short", locale=locale),
    ))


# One way to show a date per kind of place (issue 16): every view uses these three.
LIST_DATE = "d MMM y"  # a list cell, a line in a history: "3 dec 2026"
DETAIL_DATE = "full"  # a field of a detail pane: "donderdag 3 december 2026"
# Qt's pattern for date fields (QDateEdit), the same short form as the lists. Superseded by
# ``date_entry_pattern`` (issue 16: a field shows what its people type); kept for callers.
QT_DATE_EDIT = "d MMM yyyy"


def date_entry_pattern(with_time: bool = False, locale: Locale | None = None) -> str:
    """The pattern of a date field people type into: Babel's short date of the locale with
    a four-digit year ("dd-MM-yyyy" in Dutch, "dd/MM/yyyy" in British English), and with
    ``with_time`` its short time as well. Qt's date fields read these letters as CLDR does."""
    import re

    locale = locale or formatting_locale()
    pattern = locale.date_formats["short"].pattern
    if with_time:
        pattern = str(locale.datetime_formats["short"]).replace("{1}", pattern).replace(
            "{0}", locale.time_formats["short"].pattern)
    pattern = re.sub(r"y+", "yyyy", pattern)
    return re.sub(r"a+", "AP", pattern)


NBSP = "\u00a0"


def quoted(text: str) -> str:
    """``text`` in the language's quotation marks (“…” in English, „…” in Dutch)."""
    # TRANSLATORS: quotation marks around a name, a title or a field's label
    return _("“{text}”").format(text=text)


def keep_together(text: str) -> str:
    """A date (or an address line) that a wrapping label never breaks inside: its spaces
    become no-break spaces, except after a comma ("donderdag 3 december 2026, 11:00" may
    go to the next line before "11:00", never before "2026"). For the screen only: the
    messages the owner sends keep ordinary spaces."""
    return ", ".join(part.replace(" ", NBSP) for part in text.split(", "))


def list_date(value: date | datetime | None, locale: Locale | None = None) -> str:
    """A date in a list or a history line: "3 dec 2026" (en: "3 Dec 2026"), never broken
    over two lines."""
    return keep_together(format_date(value, LIST_DATE, locale))


def detail_date(value: date | datetime | None, locale: Locale | None = None) -> str:
    """A date in a detail pane's fields: "donderdag 3 december 2026", never broken."""
    return keep_together(format_date(value, DETAIL_DATE, locale))


def weekday_date(day: date, today: date, locale: Locale | None = None) -> str:
    """A day in a sentence: "vrijdag 8 januari", with its year only when it is not the
    year of ``today``, the owner's own calendar day (her local date, never UTC's: at
    00:30 on New Year's Day in Amsterdam, UTC still reads the old year, and a message said
    "vrijdag 8 januari 2027" and "vrijdag 25 december" for last year's Christmas)."""
    return format_date(day, "EEEE d MMMM" if day.year == today.year else "EEEE d MMMM y", locale)


def list_moment(value: datetime | None, locale: Locale | None = None) -> str:
    """A date with its time, wherever shown: "3 dec 2026, 17:14" (a line may break only
    after the comma)."""
    if value is None:
        return ""
    return "{date}, {time}".format(date=list_date(value, locale),
                                   time=keep_together(format_time(value, "short", locale)))


def format_time(value: datetime | None, fmt: str = "short", locale: Locale | None = None) -> str:
    if value is None:
        return ""
    from babel import dates as babel_dates

    return babel_dates.format_time(value, format=fmt, locale=locale or formatting_locale())


def format_money(cents: int | None, currency: str = "EUR", locale: Locale | None = None) -> str:
    if cents is None:
        return ""
    from decimal import Decimal

    from babel import numbers as babel_numbers

    amount = Decimal(int(cents)) / 100
    return babel_numbers.format_currency(amount, currency, locale=locale or formatting_locale())


def format_amount_exactly(amount, currency: str = "EUR", locale: Locale | None = None) -> str:
    """An amount (a Decimal in whole units) with every decimal it has, not rounded to
    cents: "€ 1,234" for what a file's "1.234" may mean (domain/importers.py)."""
    from babel import numbers as babel_numbers

    return babel_numbers.format_currency(amount, currency, locale=locale or formatting_locale(),
                                         currency_digits=False, decimal_quantization=False)


def format_number(value: int | float, locale: Locale | None = None) -> str:
    locale = locale or formatting_locale()
    if type(value) is int and value >= 0:
        group = _int_group_symbol(locale)
        if group is not None:  # the common case in lists (followers, counts), 20x cheaper
            return f"{value:,}".replace(",", group)
    return _format_decimal(value, locale, repr(value))


@lru_cache(maxsize=2048)
def _format_decimal(value: int | float | Decimal, locale: Locale, _key: str) -> str:
    # Lists repeat the same few values (ratings like 4.5). ``_key`` (the repr) keeps values
    # that compare equal but print differently apart (0.0 and -0.0, 1.5 and Decimal("1.50")).
    from babel import numbers as babel_numbers

    return babel_numbers.format_decimal(value, locale=locale)


@lru_cache(maxsize=32)
def _int_group_symbol(locale: Locale) -> str | None:
    """The locale's group symbol if it groups whole numbers in threes like Python's
    ``{:,}`` does (nl, en); None for a locale that does it otherwise (Babel then formats)."""
    from babel import numbers as babel_numbers

    group = babel_numbers.get_group_symbol(locale)
    for probe in (0, 7, 999, 1234, 12345, 1234567, 1234567890):
        if babel_numbers.format_decimal(probe, locale=locale) != f"{probe:,}".replace(",", group):
            return None
    return group


def format_duration(delta: timedelta, locale: Locale | None = None, direction: bool = False) -> str:
    from babel import dates as babel_dates

    return babel_dates.format_timedelta(
        delta, locale=locale or formatting_locale(), add_direction=direction, threshold=1.0
    )


def tomorrow_label() -> str:
    """The "remind me tomorrow morning" button, with the time the owner's quiet hours end."""
    from desktop import clock

    end = datetime.combine(datetime(2000, 1, 1).date(), clock.owner().quiet_end)
    # TRANSLATORS: a snooze button: remind again tomorrow morning, at {time} (when the quiet hours end).
    return _("Tomorrow {time}").format(time=format_time(end))
