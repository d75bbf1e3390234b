"""Money typed by a person: the one reader (and writer) of amounts in the app's fields.

Every dialog where the owner types an amount (order price and deposit, a parcel's
shipping cost, a product's price and cost, a collaboration's fee and costs, a post's
revenue) reads it with ``parse_money`` in the owner's locale, and writes a stored amount
back into a field with ``format_input``: what one writes, the other reads.

CSV files from shops are not typed by the owner: ``importers.parse_amount`` reads those.

Pure Python (Babel, no Qt, no settings): the caller passes the locale, a Babel ``Locale``
or its name ("nl_NL", "nl_BE", "en_GB", "en").
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

from desktop.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from babel import Locale

# Refused from here on: no shop amount comes near it, and SQLite's integers end at 2**63.
TOO_LARGE_CENTS = 100_000_000_000  # € 1.000.000.000,00

_MINUS = ("-", "\u2212")  # hyphen-minus, and the minus sign a pasted amount may carry
_CURRENCY = re.compile(r"€|eur", re.IGNORECASE)
_CURRENCY_AT_END = re.compile(r"(?:€|eur)$", re.IGNORECASE)
_NUMBER = re.compile(r"[0-9.,]*[0-9][0-9.,]*")  # ASCII digits only: Babel would take any script
_WHOLE_EUROS = (",--", ",-")  # "12,-": the Dutch way to write 12 euros exactly


def without_whole_euros(text: str) -> tuple[str, bool]:
    """``text`` without a closing ",-" or ",--" (whole euros, the Dutch way: "12,-"), and
    whether it had one. Typed amounts and a shop file's cells (``importers``) both read it."""
    for suffix in _WHOLE_EUROS:
        if text.endswith(suffix):
            return text[: -len(suffix)], True
    return text, False


class MoneyError(ValueError):
    """An amount that cannot be read; ``str(error)`` is the message for the owner."""


def parse_money(text: str | None, locale: Locale | str) -> int | None:
    """What the owner typed, as cents; ``None`` for an empty field.

    Read with Babel's strict parser (``babel.numbers.parse_decimal(strict=True)``) for the
    owner's locale, so the thousands separator and the decimal mark are the locale's:

    ==============  =========  =========  =========================================
    typed           nl_NL/BE   en         why
    ==============  =========  =========  =========================================
    ``1.250``       125000     refused    a thousands "." in Dutch; three decimals in English
    ``1.250,00``    125000     125000     the last mark has two digits: one reading
    ``1,250``       refused    125000     three decimals in Dutch; thousands in English
    ``12,50``       1250       1250
    ``12.50``       1250       1250
    ``12.5``        1250       1250
    ``€ 12,50``     1250       1250       "€"/"EUR" before or after, spaces, no-break spaces
    ``12,-``        1200       1200       the Dutch way of writing whole euros
    ``-3``          refused    refused    an amount is never negative
    ``abc``         refused    refused
    ``1,2,3``       refused    refused    neither convention reads it
    ==============  =========  =========  =========================================

    The locale decides first. Only when Babel cannot read the text in the locale at all
    is it read once more with "." and "," swapped: then the other convention is its only
    reading. So a Dutch owner typing "12.50" (the numeric keypad types "." on the
    US-International layout common in the Netherlands) gets € 12,50, and an owner using
    the app in English who types "12,50" gets € 12.50. Babel strict refuses both in their
    own locale; it does not read them as 1250.

    Text the locale *does* read but with more than two decimals ("1,250" in Dutch,
    "1.250" in English) is refused, not rounded and not guessed: it may be a thousand
    written the other way, and a wrong guess costs the owner money.

    Raises ``MoneyError`` with a message in the user's language for anything else:
    negative amounts, more than two decimals, letters, other digits, misplaced marks,
    spaces inside the number, and amounts of a billion euros or more.
    """
    loc = _locale(locale)
    raw = (text or "").strip()  # str.strip() also takes no-break and narrow no-break spaces
    if not raw:
        return None
    rest, negative = _sign(raw)
    rest, currency = _currency_before(rest)
    if currency:
        rest, minus_after_currency = _sign(rest)
        negative = negative or minus_after_currency
    else:
        rest = _currency_after(rest)
    rest, whole_euros = without_whole_euros(rest)
    value = _read(rest, loc) if _NUMBER.fullmatch(rest) else None
    if value is None or (whole_euros and value != value.to_integral_value()):
        raise MoneyError(_("“{text}” is not an amount. Type it like {example}.").format(
            text=raw, example=format_input(2495, loc)))
    if negative and value != 0:
        raise MoneyError(_("An amount cannot be negative."))
    if value.as_tuple().exponent < -2:
        raise MoneyError(
            # TRANSLATORS: {example} is 24,95 in Dutch and 24.95 in English; {thousands} is
            # 1.250 in Dutch and 1,250 in English. Said when someone types e.g. 12,500.
            _("“{text}” has more than two decimal places. Type cents like {example} and thousands like {thousands}.")
            .format(text=raw, example=format_input(2495, loc), thousands=_format(Decimal(1250), "#,##0", loc)))
    cents = int(value * 100)
    if cents >= TOO_LARGE_CENTS:
        raise MoneyError(_("“{text}” is too large for an amount.").format(text=raw))
    return cents


def format_input(cents: int | None, locale: Locale | str) -> str:
    """Cents as the owner would type them: "1.250,00" (nl_NL, nl_BE), "1,250.00" (en); None -> "".

    Always two decimals, so ``parse_money(format_input(c, loc), loc) == c`` for every amount
    ``parse_money`` accepts, grouped thousands included.
    """
    if cents is None:
        return ""
    return _format(Decimal(int(cents)).scaleb(-2), "#,##0.00", _locale(locale))


# --- inside -----------------------------------------------------------------------------

def _sign(text: str) -> tuple[str, bool]:
    if text.startswith(_MINUS):
        return text[1:].strip(), True
    return text, False


def _currency_before(text: str) -> tuple[str, bool]:
    match = _CURRENCY.match(text)
    return (text[match.end():].strip(), True) if match else (text, False)


def _currency_after(text: str) -> str:
    match = _CURRENCY_AT_END.search(text)
    return text[: match.start()].strip() if match else text


def _read(text: str, loc: Locale) -> Decimal | None:
    """The number in ``text`` in the locale's convention, else in the swapped one, else None."""
    from babel.numbers import NumberFormatError, get_decimal_symbol, get_group_symbol, parse_decimal

    try:
        return parse_decimal(text, locale=loc, strict=True)
    except NumberFormatError:
        pass
    if {get_decimal_symbol(loc), get_group_symbol(loc)} != {".", ","}:
        return None
    try:
        return parse_decimal(text.translate(_SWAP), locale=loc, strict=True)
    except NumberFormatError:
        return None


_SWAP = str.maketrans(".,", ",.")


def _format(value: Decimal, pattern: str, loc: Locale) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, format=pattern, locale=loc)


@lru_cache(maxsize=16)
def _parse_locale(name: str) -> Locale:
    from babel import Locale

    return Locale.parse(name.replace("-", "_"))


def _locale(locale: Locale | str) -> Locale:
    return _parse_locale(locale) if isinstance(locale, str) else locale
