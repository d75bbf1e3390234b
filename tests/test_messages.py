"""Templates rendered in every language and form, with Babel-formatted values."""

from datetime import date, datetime

import pytest
from hypothesis import given, strategies as st

from desktop.presentation import messages as m
from desktop.presentation.messages import DaysLate, Money, Recipient

NOW = datetime(2026, 11, 23, 9, 30)
NL_JE = Recipient("Sanne", "nl", "NL", "je")
NL_U = Recipient("Fleur", "nl", "NL", "u")
BE_U = Recipient("Fleur", "nl", "BE", "u")
EN = Recipient("Emma", "en", "NL", "je")


def values(recipient, **extra):
    v = m.sample_values(recipient.lang)
    v.update(voornaam=recipient.first_name, dagen_te_laat=DaysLate(2), kosten=Money(2495),
             afspraken=[m.describe("deliverable", {"what": "reel", "product": "Zilveren ketting Maan"}, recipient)])
    v.update(extra)
    return v


@pytest.mark.parametrize("template_id", list(m.TEMPLATES))
@pytest.mark.parametrize("recipient", [NL_JE, NL_U, BE_U, EN], ids=["nl-je", "nl-u", "nl_BE-u", "en"])
def test_every_template_renders_completely(template_id, recipient):
    msg = m.render(template_id, values(recipient), recipient, now=NOW)
    assert msg.body and msg.subject
    assert "{" not in msg.body and "[" not in msg.body, msg.body  # every placeholder filled
    assert recipient.first_name in msg.body


@pytest.mark.parametrize("template_id", list(m.TEMPLATES))
def test_dutch_forms_of_address_differ_and_english_is_english(template_id):
    je = m.render(template_id, values(NL_JE), NL_JE, now=NOW).body
    u = m.render(template_id, values(NL_U), NL_U, now=NOW).body
    en = m.render(template_id, values(EN), EN, now=NOW).body
    assert " u " in u or " uw " in u
    assert " je " in je or " jou" in je
    assert " je " not in u.replace("Beste", "") and " jij " not in u
    assert " u " not in je and " uw " not in je
    assert any(word in en for word in (" you", "Hi ", "Dear "))


def test_step_four_formats_dates_money_and_plural_per_locale():
    nl = m.render("ladder.4.alt", values(NL_JE), NL_JE, now=NOW).body
    assert "maandag 7 december" in nl and "€\xa024,95" in nl
    assert "je reel met je Zilveren ketting Maan. Sinds de deadline van maandag 7 december" in nl
    be = m.render("ladder.4.alt", values(BE_U), BE_U, now=NOW).body
    assert "maandag 7 december" in be and "€\xa024,95" in be and "uw reel" in be
    en = m.render("ladder.4.alt", values(EN), EN, now=NOW).body
    assert "Monday 7 December" in en and "€24.95" in en
    own = ("", "{dagen_te_laat}")  # an owner's template may still use the days late, with their plural
    assert m.render("ladder.4.alt", values(NL_JE), NL_JE, now=NOW, override=own).body == "2 dagen te laat"
    assert m.render("ladder.4.alt", values(EN), EN, now=NOW, override=own).body == "2 days late"
    one = m.render("ladder.4.alt", values(NL_JE, dagen_te_laat=DaysLate(1)), NL_JE, now=NOW, override=own).body
    assert one == "1 dag te laat"


def test_other_years_show_the_year_and_lists_use_the_locale():
    assert m.format_value(date(2027, 1, 4), NL_JE, NOW) == "maandag 4 januari 2027"
    assert m.format_value(["a", "b", "c"], NL_JE, NOW) == "a, b en c"
    assert m.format_value(["a", "b"], EN, NOW) == "a and b"


def test_missing_and_unknown_values_never_crash():
    msg = m.render("ladder.4", {}, NL_JE, now=NOW)
    assert "[" not in msg.body and "{" not in msg.body and "Sanne" in msg.body
    assert "afspraken" in msg.missing and "afspraken" in msg.incomplete and "kosten" not in msg.incomplete
    own = ("Hoi {voornaam} {onbekend} {", "Hoi {voornaam}, {0} {voornaam.__class__} }}")
    msg = m.render("ladder.1", {"voornaam": "Sanne"}, NL_JE, override=own)
    assert msg.subject == "Hoi Sanne {onbekend} {"
    assert msg.body == "Hoi Sanne, {0} {voornaam.__class__} }"


def test_validate_names_unknown_placeholders_and_stray_braces():
    assert m.validate("Hoi {voornaam}, {{letterlijk}}") == []
    problems = m.validate("Hoi {naaam} en {")
    assert len(problems) == 2 and "naaam" in problems[0]


@given(st.text())
def test_render_never_raises_on_any_owner_text(text):
    m.render("ladder.1", m.sample_values(), NL_JE, now=NOW, override=(text, text))
    m.validate(text)


def test_default_texts_are_in_the_catalogs():
    subject, body = m.default_text("ladder.2", "nl", "u")
    assert "waarom een afgesproken datum" in body and "u" in body.split()
    subject_en, body_en = m.default_text("ladder.2", "en", "u")
    assert body_en.startswith("{aanhef}") and "I haven't heard from you yet" in body_en
