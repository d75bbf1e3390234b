"""Babel extractor for Qt Designer ``.ui`` files, so forms share the one gettext catalog.

Registered in pyproject.toml under ``[tool.babel.extractors]``. Every ``<string>`` element
is a message, except those marked ``notr="true"``; ``comment`` and ``extracomment``
become translator comments.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET


def extract_ui(fileobj, keywords, comment_tags, options):
    tree = ET.parse(fileobj)
    for element in tree.iter("string"):
        text = element.text
        if not text or element.get("notr") == "true":
            continue
        comments = [c for c in (element.get("comment"), element.get("extracomment")) if c]
        # ElementTree keeps no line numbers; 0 keeps the references stable across edits.
        yield 0, "_", text, comments


# What a form-of-address marker is extracted as (desktop/i18n.py, NF_ and NBE_).
_FORM_MARKERS = {"NF_": ("je", "u"), "NBE_": ("je_BE", "u_BE")}


def extract_python_forms(fileobj, keywords, comment_tags, options):
    """Babel's Python extractor, where ``NF_("text")`` (``NBE_``) is extracted as
    ``NP_("je", "text")`` and ``NP_("u", "text")`` (``"je_BE"``, ``"u_BE"``): a message the
    forms of address only tell apart in Dutch is written once in the source."""
    from babel.messages.extract import extract_python

    for lineno, funcname, messages, comments in extract_python(
            fileobj, list(keywords) + list(_FORM_MARKERS), comment_tags, options):
        if funcname in _FORM_MARKERS:
            text = messages if isinstance(messages, str) else messages[0]
            for context in _FORM_MARKERS[funcname]:
                yield lineno, "NP_", (context, text), comments
        else:
            yield lineno, funcname, messages, comments


def fill_source_language(po_path: str) -> int:
    """English is the source language: give every untranslated en entry its msgid.

    Used by ``make catalogs`` so the en catalog is complete by construction; the Dutch
    catalog is translated by hand. Returns how many entries were filled.
    """
    from babel.messages.pofile import read_po, write_po

    with open(po_path, "rb") as fh:
        catalog = read_po(fh)
    filled = 0
    for message in catalog:
        if not message.id:
            continue
        if isinstance(message.id, (list, tuple)):
            # Each empty form from the source: a message that became a plural keeps its
            # singular and had its plural form left empty.
            forms = tuple(message.string) if isinstance(message.string, (list, tuple)) else (message.string,)
            wanted = (message.id[0], message.id[1])
            forms = tuple(form or wanted[min(i, 1)] for i, form in enumerate(forms + ("",) * (2 - len(forms))))
            if forms != tuple(message.string):
                message.string = forms
                filled += 1
        elif not message.string:
            message.string = message.id
            filled += 1
        message.flags.discard("fuzzy")
    with open(po_path, "wb") as fh:
        write_po(fh, catalog, width=100, sort_by_file=True, include_previous=False)
    return filled


if __name__ == "__main__":  # python -m desktop.i18n_extract fill-en FILE.po
    import sys

    if len(sys.argv) == 3 and sys.argv[1] == "fill-en":
        print(f"{fill_source_language(sys.argv[2])} English entries filled")
    else:
        sys.exit("usage: python -m desktop.i18n_extract fill-en FILE.po")
