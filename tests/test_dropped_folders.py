"""A folder (or a file that is no export) dropped alone is named in a whole sentence
(badinput #17): the window said only "geen export van de webshop: alleen CSV-bestanden
(.csv, .txt, .tsv) worden geïmporteerd." — lower case, and without the folder's name."""

from __future__ import annotations

import pytest

from desktop import i18n
from desktop.store.models import Product
from desktop.views import dialogs


@pytest.fixture
def window(qtbot, demo_db, translator):
    from desktop.views.main_window import MainWindow

    w = MainWindow()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture
def warned(monkeypatch):
    said = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: said.append((title, text)))
    monkeypatch.setattr(dialogs, "inform", lambda parent, title, text: said.append((title, text)))
    return said


@pytest.mark.parametrize("language, title, said", [
    ("nl", "Niet geïmporteerd", "„map” is een map, geen export van de webshop: sleep de export zelf (een "
                                "CSV-bestand) hierheen. Er is niets veranderd."),
    ("en", "Not imported", "“map” is a folder, not a shop export: drop the export itself (a CSV file) here. "
                           "Nothing was changed."),
])
def test_a_folder_dropped_alone_is_named(qtbot, window, warned, tmp_path, language, title, said):
    i18n.set_language(language)
    folder = tmp_path / "map"
    folder.mkdir()
    count = Product.select().count()
    window.shipping.import_files([folder])
    assert warned == [(title, said)]
    assert Product.select().count() == count


def test_a_picture_dropped_alone_is_named(qtbot, window, warned, tmp_path):
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    window.shipping.import_files([picture])
    assert warned == [("Niet geïmporteerd", "„foto.png” is geen export van de webshop: alleen CSV-bestanden (.csv, "
                                            ".txt, .tsv) worden geïmporteerd. Er is niets veranderd.")]


def test_among_several_files_the_folder_is_one_line(qtbot, window, warned, tmp_path):
    folder = tmp_path / "map"
    folder.mkdir()
    picture = tmp_path / "foto.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    window.shipping.import_files([folder, picture])
    text = warned[0][1]
    assert "„map”: niet geïmporteerd\n    een map, geen export van de webshop" in text
    assert "„foto.png”: niet geïmporteerd\n    geen export van de webshop" in text


@pytest.mark.parametrize("language, said", [
    ("nl", "„producten.xlsx” is een spreadsheet, geen export van de webshop: Afspraak leest CSV-bestanden. Open het "
           "in je spreadsheetprogramma en kies Opslaan als → CSV, of download de export opnieuw als CSV uit je "
           "webshop. Er is niets veranderd."),
    ("en", "“producten.xlsx” is a spreadsheet, not a shop export: Afspraak reads CSV files. Open it in your "
           "spreadsheet program and choose Save As → CSV, or download the export from your shop again as CSV. "
           "Nothing was changed."),
])
def test_a_spreadsheet_dropped_says_how_to_make_a_csv_of_it(qtbot, window, warned, tmp_path, language, said):
    """Audit 9, new owner F11: an Excel workbook was refused without a word on how to get a CSV."""
    i18n.set_language(language)
    workbook = tmp_path / "producten.xlsx"
    workbook.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    count = Product.select().count()
    window.shipping.import_files([workbook, tmp_path / "foto.png"])  # one line each among several
    assert "Save As → CSV" in warned[0][1] or "Opslaan als → CSV" in warned[0][1]
    warned.clear()
    window.shipping.import_files([workbook])
    assert warned[0][1] == said
    assert Product.select().count() == count


def test_the_import_command_says_the_same_of_a_spreadsheet(data_dir, tmp_path, capsys):
    from desktop import cli

    workbook = tmp_path / "Producten.XLSX"
    workbook.write_bytes(b"PK\x03\x04")
    assert cli.main(["--lang", "nl", "import", str(workbook)]) == 1
    err = capsys.readouterr().err
    assert "is een spreadsheet" in err and "Opslaan als → CSV" in err


def test_the_same_file_dropped_twice_is_read_once(qtbot, window, warned, tmp_path):
    """Audit 11, F7: the same export dropped twice (or its copy "producten (1).csv") was
    read twice and counted as two imports."""
    from pathlib import Path

    from desktop.views import shipping as shipping_view

    data = (Path(__file__).parent / "data" / "shop" / "woo_variations.csv").read_bytes()
    first, copy = tmp_path / "producten.csv", tmp_path / "producten (1).csv"
    first.write_bytes(data)
    copy.write_bytes(data)
    assert shipping_view.without_twins([first, first, copy]) == ([first], [(first, first), (copy, first)])
    other = tmp_path / "ander.csv"
    other.write_bytes(data.replace(b"\n", b"\r\n"))  # the same size would differ; other bytes: read
    assert shipping_view.without_twins([first, other])[0] == [first, other]
    window.shipping.import_files([first, copy])
    qtbot.waitUntil(lambda: window.shipping._batch is None and bool(warned), timeout=10000)
    text = warned[0][1]
    assert "„producten (1).csv”: niet geïmporteerd\n    hetzelfde als „producten.csv”, dus niet nog eens gelezen." \
        in text, text
    assert text.count("„producten.csv”: geïmporteerd") == 1, text
