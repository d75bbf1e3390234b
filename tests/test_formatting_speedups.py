"""The fast paths in i18n's formatting give exactly what Babel gives."""

from datetime import date, datetime

from babel import Locale
from babel import dates as babel_dates
from babel import numbers as babel_numbers
from hypothesis import given
from hypothesis import strategies as st

from desktop import i18n

LOCALES = [Locale.parse(name) for name in ("nl_NL", "nl_BE", "en_GB", "de_CH", "es_ES", "hi_IN")]


@given(st.integers(min_value=-10**12, max_value=10**12), st.sampled_from(LOCALES))
def test_format_number_equals_babel(value, locale):
    assert i18n.format_number(value, locale=locale) == babel_numbers.format_decimal(value, locale=locale)


@given(st.one_of(st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9),
                 st.decimals(allow_nan=False, allow_infinity=False, places=2, min_value=-10**6, max_value=10**6),
                 st.sampled_from([0.0, -0.0, 1, 1.0, 4.5, -3])),
       st.sampled_from(LOCALES[:3]))
def test_format_number_of_any_value_equals_babel(value, locale):
    assert i18n.format_number(value, locale=locale) == babel_numbers.format_decimal(value, locale=locale)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
       st.sampled_from(["short", "medium", "long", "full"]), st.sampled_from(LOCALES[:3]))
def test_format_date_equals_babel(value, fmt, locale):
    assert i18n.format_date(value, fmt, locale=locale) == babel_dates.format_date(value, format=fmt, locale=locale)
    moment = datetime.combine(value, datetime.min.time())
    assert i18n.format_date(moment, fmt, locale=locale) == babel_dates.format_date(value, format=fmt, locale=locale)


def test_formatting_locale_follows_the_language():
    i18n.set_language("en")
    assert str(i18n.formatting_locale()) == "en_GB"
    assert i18n.format_number(1234567) == "1,234,567"
    i18n.set_language("nl")
    assert str(i18n.formatting_locale()) == "nl_NL"
    assert str(i18n.formatting_locale(country="be")) == "nl_BE"
    assert i18n.format_number(1234567) == "1.234.567"
