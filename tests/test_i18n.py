import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from desktop import i18n
from desktop.i18n_extract import extract_ui

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def catalog(language):
    with open(ROOT / "locales" / language / "LC_MESSAGES" / "messages.po", "rb") as fh:
        return read_po(fh)


def template():
    with open(ROOT / "locales" / "messages.pot", "rb") as fh:
        return read_po(fh)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_catalog_is_complete_and_placeholders_match(language):
    cat = catalog(language)
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in template() if m.id}
    have = {m.id if isinstance(m.id, str) else tuple(m.id): m for m in cat if m.id}
    assert ids <= set(have), f"not in the {language} catalog: {ids - set(have)}"
    for key, message in have.items():
        if key not in ids:
            continue
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        sources = key if isinstance(key, tuple) else (key,)
        assert all(strings), f"{language}: untranslated {key!r}"
        wanted = set(PLACEHOLDER.findall(" ".join(sources)))
        for s in strings:
            assert set(PLACEHOLDER.findall(s)) == wanted, f"{language}: placeholders differ in {key!r}"
        assert "fuzzy" not in message.flags


def test_template_is_up_to_date_with_the_code():
    """Every _() string in the code and .ui forms is in messages.pot (run `make catalogs`)."""
    from babel.messages.extract import extract_from_dir

    keywords = {"_": None, "N_": None, "NN_": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "desktop"), method_map=[("**.py", "desktop.i18n_extract:extract_python_forms")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    for ui in (ROOT / "ui").glob("*.ui"):
        with open(ui, "rb") as fh:
            found.update(m for _l, _f, m, _c in extract_ui(fh, None, None, None))
    ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in template() if m.id}
    assert found <= ids, f"run `make catalogs`: {found - ids}"


def test_translations_and_plurals():
    i18n.set_language("nl")
    assert i18n._("Influencers") == "Influencers"
    assert i18n._("Shipments") == "Zendingen"
    assert i18n.ngettext("{n} day late", "{n} days late", 1).format(n=1) == "1 dag te laat"
    assert i18n.ngettext("{n} day late", "{n} days late", 3).format(n=3) == "3 dagen te laat"
    i18n.set_language("en")
    assert i18n._("Shipments") == "Shipments"
    assert i18n.ngettext("{n} day late", "{n} days late", 2).format(n=2) == "2 days late"


def test_one_english_word_with_two_meanings_gets_two_dutch_ones():
    """"Open" is a button (Dutch "Openen") and a web shop order's status in the order
    import's preview (Dutch "Open", an adjective): one msgid showed open orders as "Openen"."""
    from desktop.domain import order_importers as rules
    from desktop.labels import label
    try:
        i18n.set_language("nl")
        assert i18n._("Open") == "Openen"
        assert i18n.pgettext("shop status", rules.SHOP_STATUS_LABELS[rules.OPEN]) == "Open"
        # who asked for a changed agreement is said inside a sentence, lowercased
        assert label("requested_by", "shop").lower() == "de winkel"
        i18n.set_language("en")
        assert i18n.pgettext("shop status", rules.SHOP_STATUS_LABELS[rules.OPEN]) == "Open"
        assert "asked by {who}".format(who=label("requested_by", "shop").lower()) == "asked by the shop"
    finally:
        i18n.set_language("en")


def test_babel_formatting_per_locale():
    nl = i18n.formatting_locale("nl")
    be = i18n.formatting_locale("nl", "BE")
    en = i18n.formatting_locale("en")
    d = date(2026, 12, 7)
    assert i18n.format_date(d, "full", nl) == "maandag 7 december 2026"
    assert i18n.format_date(d, "full", en) == "Monday, 7 December 2026"
    assert i18n.format_money(2495, locale=nl) == "€\xa024,95"
    assert i18n.format_money(2495, locale=be) == "€\xa024,95"
    assert i18n.format_money(2495, locale=en) == "€24.95"
    assert i18n.format_number(12700, nl) == "12.700"
    assert i18n.format_duration(timedelta(days=2), nl) == "2 dagen"
    # a moment on screen breaks only after its comma (no-break spaces inside the date)
    assert i18n.format_moment(datetime(2026, 12, 7, 9, 5), nl) == "maandag\u00a07\u00a0december\u00a02026, 09:05"


def test_english_short_months_are_all_three_letters():
    """CLDR's en_GB abbreviates September as "Sept": the shipments list read "19 Sept 2026"
    beside "30 Aug 2026". Every English short month is three letters now, in the lists and
    in the medium dates of the messages; Dutch and the long forms are as CLDR has them."""
    en, nl = i18n.formatting_locale("en"), i18n.formatting_locale("nl")
    shorts = [i18n.list_date(date(2026, month, 19), en).split("\u00a0")[1] for month in range(1, 13)]
    assert shorts == ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    september = date(2026, 9, 19)
    assert i18n.format_date(september, locale=en) == "19 Sep 2026"  # day first, as in Britain
    assert i18n.format_date(september, "full", en) == "Saturday, 19 September 2026"
    assert i18n.format_date(september, "LLL", en) == "Sep"
    assert i18n.list_date(september, nl) == "19\u00a0sep\u00a02026"
    i18n.set_language("en")
    try:
        assert i18n.list_date(september) == "19\u00a0Sep\u00a02026"
    finally:
        i18n.set_language("nl")


@pytest.mark.parametrize("value,expected", [
    ("nl_BE.UTF-8", "nl"), ("en_GB", "en"), ("de_DE", "nl"), (None, "nl"), ("en-US", "en")])
def test_normalise_language(value, expected):
    assert i18n.normalise_language(value) == expected


def test_system_language_follows_environment(monkeypatch):
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    assert i18n.system_language() == "en"
    monkeypatch.setenv("LC_ALL", "nl_BE.UTF-8")
    assert i18n.system_language() == "nl"


def test_forms_markers_are_extracted_once_per_form_of_address():
    from babel.messages.extract import extract

    source = b'# TRANSLATORS: a greeting\nA = NF_("Hi {voornaam},")\nB = NBE_("Hello,")\nC = NP_("je", "Bye")\n'
    keywords = {"NP_": ((1, "c"), 2)}
    got = [(context, message, comments) for _line, message, comments, context in extract(
        "desktop.i18n_extract:extract_python_forms", io.BytesIO(source), keywords, comment_tags=["TRANSLATORS:"])]
    assert got == [("je", "Hi {voornaam},", ["TRANSLATORS: a greeting"]), ("u", "Hi {voornaam},", ["TRANSLATORS: a greeting"]),
                   ("je_BE", "Hello,", []), ("u_BE", "Hello,", []), ("je", "Bye", [])]


def test_ui_extractor_reads_strings_comments_and_skips_notr():
    xml = b"""<ui><widget><property name="a"><string comment="why">Hello</string></property>
    <property name="b"><string notr="true">Afspraak</string></property></widget></ui>"""
    got = list(extract_ui(io.BytesIO(xml), None, None, None))
    assert got == [(0, "_", "Hello", ["why"])]


def test_stale_mo_is_rebuilt_from_po(tmp_path, monkeypatch):
    folder = tmp_path / "locales" / "nl" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = (ROOT / "locales" / "nl" / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
    (folder / "messages.po").write_text(po.replace('msgstr "Zendingen"', 'msgstr "Pakketten"'), encoding="utf-8")
    monkeypatch.setattr(i18n.paths, "locale_dir", lambda: tmp_path / "locales")
    i18n.translations_for.cache_clear()
    try:
        assert i18n.translations_for("nl").gettext("Shipments") == "Pakketten"
        assert (folder / "messages.mo").exists()
    finally:
        monkeypatch.undo()
        i18n.translations_for.cache_clear()
        i18n.set_language("nl")


def test_the_english_catalog_fills_a_plural_form_a_message_was_given_later(tmp_path):
    """A message that became a plural (ngettext) keeps its old singular in the English
    catalog and had an empty plural form: CI's catalog check found it untranslated."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    from desktop import i18n_extract

    catalog = Catalog(locale="en")
    catalog.add(("One new date", "{n} new dates"), ("One new date", ""))
    catalog.add("Kept", "Kept as it was")
    catalog.add(("A day", "{n} days"), ("", ""))
    path = tmp_path / "messages.po"
    with open(path, "wb") as fh:
        write_po(fh, catalog)
    assert i18n_extract.fill_source_language(str(path)) == 2
    with open(path, "rb") as fh:
        filled = read_po(fh)
    assert filled.get(("One new date", "{n} new dates")).string == ("One new date", "{n} new dates")
    assert filled.get(("A day", "{n} days")).string == ("A day", "{n} days")
    assert filled.get("Kept").string == "Kept as it was"


def test_a_translator_comment_about_a_command_is_attached_to_the_line_that_holds_it():
    """A TRANSLATORS comment goes with the first _() after it: above a line that calls _()
    twice ("Nothing was changed." + the salvage command) it told the translator of "Nothing
    was changed." to keep "afspraak restore --salvage" as it is, and the command's own line
    had no word."""
    from babel.messages.extract import extract_from_dir

    keywords = {"_": None, "N_": None, "NN_": (1, 2), "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "NP_": ((1, "c"), 2)}
    commented = {}
    for _file, _line, message, comments, _context in extract_from_dir(
        str(ROOT / "desktop" / "presentation"), method_map=[("**.py", "desktop.i18n_extract:extract_python_forms")],
        keywords=keywords, comment_tags=["TRANSLATORS:"],
    ):
        text = message if isinstance(message, str) else " ".join(message)
        for comment in comments:
            for command in re.findall(r'"(afspraak [^"]*)"', comment):
                commented[command] = text
    salvage = commented.get("afspraak restore --salvage", "")
    assert "afspraak restore --salvage {file}" in salvage, salvage
    assert all(command in text for command, text in commented.items()), commented
