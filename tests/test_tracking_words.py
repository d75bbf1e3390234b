"""One word for a parcel's tracking code per reader: the owner's own screens say
"track-and-tracecode" (as they say "track-and-tracelink" and "track-and-tracepagina"), a
message to a Dutch reader says "track-and-tracecode", one to a Belgian reader
"trackingcode". Vandaag's "Verzenden…" and the ship dialogs said "trackingcode" while the
tasks and messages said "track-and-tracecode"."""

import re

import pytest

from desktop import i18n
from desktop.presentation import messages

from .readers import reader

# the message contexts (msgctxt) of a text to a Dutch and to a Belgian reader
_TO_DUTCH = ("je", "u")
_TO_BELGIANS = ("je_BE", "u_BE")
_BELGIAN_WORD = re.compile(r"tracking ?code", re.IGNORECASE)
_DUTCH_WORD = re.compile(r"track[- ]?(and|&)[- ]?trace-?code", re.IGNORECASE)


def _dutch_catalog() -> dict[tuple[str | None, str], str]:
    """(context, msgid) → Dutch text, for every translated text of the Dutch catalog."""
    found = {}
    for key, text in i18n.translations_for("nl")._catalog.items():  # (a test reads the catalog)
        msgid = key[0] if isinstance(key, tuple) else key
        if not msgid or not isinstance(text, str):
            continue
        context, _sep, msgid = msgid.rpartition("\x04")
        found[(context or None, msgid)] = text
    return found


def test_the_owner_reads_one_word_for_a_tracking_code():
    """Every text of the app's own (no message context) that names a tracking code says
    "track-and-tracecode", never "trackingcode"; Zendingen's narrow column "Track-and-trace"."""
    owner = {(context, msgid): text for (context, msgid), text in _dutch_catalog().items()
             if context in (None, "column") and re.search(r"tracking code", msgid, re.IGNORECASE)}
    assert len(owner) >= 9, owner  # the ship dialogs, Vandaag, Zendingen, the carriers' checks
    for (context, msgid), text in owner.items():
        assert not _BELGIAN_WORD.search(text), (msgid, text)
        if context == "column":
            assert text == "Track-and-trace", text
        else:
            assert _DUTCH_WORD.search(text.removeprefix("&")), (msgid, text)


@pytest.mark.parametrize("msgid", [
    "Tracking code",  # Zendingen's column, the order's parcel, the order's ship dialog
    "&Tracking code or link",  # the ship dialog's field
    "“Ship…” records the carrier and tracking code; then the message with the tracking link is ready for the customer.",
    "A tracking code has 6 to 40 letters and digits.",
])
def test_vandaag_and_the_ship_dialogs_say_track_and_tracecode(msgid):
    text = i18n.translations_for("nl").gettext(msgid)
    assert "track-and-tracecode" in text.lower() and "trackingcode" not in text.lower(), text


def test_a_message_names_the_code_as_its_reader_says_it():
    """Dutch readers read "track-and-tracecode", Belgian readers "trackingcode", in both forms (the
    line of the order's shipped message: tests/test_message_review7.py)."""
    texts = _dutch_catalog()
    for context in _TO_DUTCH + _TO_BELGIANS:
        for (ctx, msgid), text in texts.items():
            if ctx == context and _BELGIAN_WORD.search(msgid) and text:
                wrong = _DUTCH_WORD if context in _TO_BELGIANS else _BELGIAN_WORD
                assert not wrong.search(text), (context, msgid, text)
    for country, form, wanted in (("NL", "je", "Track-and-tracecode: "), ("NL", "u", "Track-and-tracecode: "),
                                  ("BE", "je", "Trackingcode: "), ("BE", "u", "Trackingcode: ")):
        line = messages.in_words_of(reader("nl", country, form), messages.TRACKING_CODE)
        assert line == wanted + "{code}", (country, form, line)
    assert messages.in_words_of(reader("en", "NL", "je"), messages.TRACKING_CODE) == "Tracking code: {code}"
