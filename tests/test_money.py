"""Money typed by the owner: one reader in the owner's locale, and the writer it reads back."""

from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from desktop import i18n
from desktop.domain import money
from desktop.domain.money import MoneyError, parse_money

DUTCH = ("nl_NL", "nl_BE")
ENGLISH = ("en", "en_GB")
LOCALES = DUTCH + ENGLISH


@pytest.fixture(autouse=True)
def english_messages():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


# --- reading ------------------------------------------------------------------------------

@pytest.mark.parametrize("locale", DUTCH)
@pytest.mark.parametrize("text,cents", [
    ("1.250", 125000),        # a thousands "." in Dutch, as Babel strict reads it
    ("1.250,00", 125000),
    ("12,50", 1250),
    ("12,5", 1250),
    ("12.50", 1250),          # not readable in Dutch at all: the keypad's "." is the decimal mark
    ("12.5", 1250),
    ("€ 12,50", 1250),
    ("€\u00a012,50", 1250),   # what format_currency writes in nl
    ("€12,50", 1250),
    ("12,50 €", 1250),
    ("EUR 12,50", 1250),
    ("12,50 eur", 1250),
    ("  24,95\u202f", 2495),
    ("12,-", 1200),           # whole euros, the Dutch way
    ("€ 12,--", 1200),
    ("1.250,-", 125000),
    ("1.250.000,50", 125000050),
    ("1,250.00", 125000),     # the English way, whole: only one reading
    ("0,05", 5),
    (",5", 50),
    ("0", 0),
    ("", None),
    ("   ", None),
    (None, None),
])
def test_dutch(locale, text, cents):
    assert parse_money(text, locale) == cents


@pytest.mark.parametrize("locale", ENGLISH)
@pytest.mark.parametrize("text,cents", [
    ("1,250", 125000),        # thousands in English
    ("1,250.00", 125000),
    ("12.50", 1250),
    ("12.5", 1250),
    ("€12.50", 1250),
    ("€ 12.50", 1250),
    ("12.50 EUR", 1250),
    ("12,50", 1250),          # not readable in English at all: a decimal comma, the only reading
    ("€ 12,50", 1250),
    ("1.250,00", 125000),
    ("12,-", 1200),
    (".5", 50),
    ("", None),
])
def test_english(locale, text, cents):
    assert parse_money(text, locale) == cents


def test_a_babel_locale_object_works_as_well_as_its_name():
    assert parse_money("1.250", i18n.formatting_locale("nl")) == 125000
    assert parse_money("1,250", i18n.formatting_locale("en")) == 125000
    assert parse_money("1.250", i18n.formatting_locale("nl", "BE")) == 125000


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("text", ["-3", "-12,50", "€ -3", "-€ 3", "\u22123", "- 3"])
def test_negative_amounts_are_refused(locale, text):
    with pytest.raises(MoneyError, match="cannot be negative"):
        parse_money(text, locale)


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("text", [
    "abc", "twintig", "1,2,3", "1.2.3", "12,50,-", "1 250,00", "12 50", "1e3", "+3", "3-", "€", "EUR",
    "€ 12,50 €", "$12.50", "12,50 USD", "\u0661\u0662", "\uff11\uff12", "12..5", "NaN", "Infinity", ",", ".",
])
def test_garbage_is_refused(locale, text):
    with pytest.raises(MoneyError, match="is not an amount"):
        parse_money(text, locale)


@pytest.mark.parametrize("locale,text", [
    ("nl_NL", "1,250"), ("nl_BE", "12,505"), ("nl_NL", "0,001"),  # three decimals in Dutch
    ("en", "1.250"), ("en_GB", "12.505"), ("en", "1.2500"),       # and in English
])
def test_more_than_two_decimals_is_refused_not_guessed(locale, text):
    """"1,250" to a Dutch reader is 1,25 with a stray digit, or an English thousand: ask."""
    with pytest.raises(MoneyError, match="more than two decimal places"):
        parse_money(text, locale)


def test_the_messages_show_the_locales_own_way_of_writing():
    with pytest.raises(MoneyError) as nl:
        parse_money("1,250", "nl_NL")
    assert str(nl.value) == "“1,250” has more than two decimal places. Type cents like 24,95 and thousands like 1.250."
    with pytest.raises(MoneyError) as en:
        parse_money("1.250", "en")
    assert str(en.value) == "“1.250” has more than two decimal places. Type cents like 24.95 and thousands like 1,250."
    with pytest.raises(MoneyError) as garbage:
        parse_money(" abc ", "en")
    assert str(garbage.value) == "“abc” is not an amount. Type it like 24.95."


def test_the_messages_are_in_the_users_language():
    i18n.set_language("nl")
    with pytest.raises(MoneyError) as negative:
        parse_money("-3", "nl_NL")
    assert str(negative.value) == "Een bedrag kan niet negatief zijn."
    with pytest.raises(MoneyError) as garbage:
        parse_money("twintig", "nl_NL")
    assert str(garbage.value) == "„twintig” is geen bedrag. Typ het bijvoorbeeld als 24,95."
    with pytest.raises(MoneyError) as decimals:
        parse_money("12,500", "nl_NL")
    assert "achter de komma" in str(decimals.value) and "1.250" in str(decimals.value)


def test_amounts_beyond_what_a_shop_keeps_are_refused():
    assert parse_money("999.999.999,99", "nl_NL") == money.TOO_LARGE_CENTS - 1
    with pytest.raises(MoneyError, match="too large"):
        parse_money("1.000.000.000", "nl_NL")
    with pytest.raises(MoneyError, match="too large"):
        parse_money("9" * 40, "en")


def test_a_money_error_is_a_value_error():
    assert issubclass(MoneyError, ValueError)


# --- writing, and reading back --------------------------------------------------------------

@pytest.mark.parametrize("locale,cents,text", [
    ("nl_NL", 125000, "1.250,00"), ("nl_BE", 5, "0,05"), ("nl_NL", 0, "0,00"),
    ("en", 125000, "1,250.00"), ("en_GB", 2495, "24.95"), ("nl_NL", None, ""),
])
def test_format_input(locale, cents, text):
    assert money.format_input(cents, locale) == text


def test_format_input_writes_in_the_ui_language():
    i18n.set_language("nl")
    assert money.format_input(150000, i18n.formatting_locale()) == "1.500,00"
    i18n.set_language("en")
    assert money.format_input(150000, i18n.formatting_locale()) == "1,500.00"
    assert money.format_input(None, i18n.formatting_locale()) == ""


amounts = st.integers(min_value=0, max_value=money.TOO_LARGE_CENTS - 1)


@given(cents=amounts, locale=st.sampled_from(LOCALES))
@example(cents=125000, locale="nl_NL")
@example(cents=125000, locale="en")
@example(cents=money.TOO_LARGE_CENTS - 1, locale="nl_BE")
def test_what_is_written_into_a_field_reads_back_the_same(cents, locale):
    assert parse_money(money.format_input(cents, locale), locale) == cents


@given(cents=amounts, language=st.sampled_from(i18n.LANGUAGES), country=st.sampled_from(["NL", "BE", "GB", ""]))
def test_format_money_input_round_trips_in_the_ui_locale(cents, language, country):
    locale = i18n.formatting_locale(language, country)
    assert parse_money(money.format_input(cents, locale), locale) == cents


@given(cents=amounts, locale=st.sampled_from(LOCALES))
def test_an_amount_the_app_shows_can_be_typed_back(cents, locale):
    """"€ 1.250,00" copied from a list and pasted into a field means what it showed."""
    shown = i18n.format_money(cents, locale=i18n.formatting_locale(*locale.split("_")))
    assert parse_money(shown, locale) == cents


characters = st.sampled_from(list("0123456789.,-€ \u00a0\u202fEURabe+\u2212\u0661\uff11"))


@given(text=st.text(characters, max_size=16), locale=st.sampled_from(LOCALES))
def test_any_text_is_an_amount_or_a_clear_refusal(text, locale):
    try:
        cents = parse_money(text, locale)
    except MoneyError as exc:
        assert str(exc)
        return
    if cents is None:
        assert not text.strip()
    else:
        assert isinstance(cents, int) and 0 <= cents < money.TOO_LARGE_CENTS
        # what was accepted is what the writer writes, read back
        assert parse_money(money.format_input(cents, locale), locale) == cents


@given(whole=st.integers(min_value=0, max_value=999_999_999), fraction=st.integers(min_value=0, max_value=99))
def test_dutch_and_english_owners_typing_their_own_way_agree(whole, fraction):
    cents = whole * 100 + fraction
    value = Decimal(cents).scaleb(-2)
    dutch = f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    english = f"{value:,.2f}"
    assert parse_money(dutch, "nl_NL") == parse_money(english, "en") == cents
