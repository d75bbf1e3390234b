"""RowsModel: the filter shows exactly the rows that hold every typed word, whatever
order the owner types, erases or pastes in (the narrowing shortcut must never hide a row)."""

from hypothesis import given, settings
from hypothesis import strategies as st

from PySide6.QtCore import Qt

from desktop.views.rows import Row, RowsModel

NAMES = ["Sanne de Vries", "Sanne Bakker", "Noor de Boer", "Lotte Janssens", "Anouk Mulder", "Daan de Wit"]


def make_model():
    model = RowsModel(["Name", "City"])
    model.set_rows([Row(id=i, cells=[name, city]) for i, (name, city) in
                    enumerate(zip(NAMES, ["Utrecht", "Gent", "Utrecht", "Leuven", "Zwolle", "Gent"]))])
    return model


def expected(model, text):
    words = text.lower().split()
    return [r.id for r in model.all_rows if all(w in r.search for w in words)]


def test_typing_narrows_and_erasing_widens(qapp):
    model = make_model()
    for text in ["s", "sa", "sanne", "sanne ", "sanne d", "sanne de", "sanne d", "sanne", "", "UTRECHT"]:
        model.set_filter(text)
        assert [r.id for r in model.rows] == expected(model, text), text
    model.set_filter("sanne de")
    assert [r.cells[0] for r in model.rows] == ["Sanne de Vries"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="sandeoruvi ", max_size=8), max_size=12))
def test_filter_matches_a_plain_scan_after_any_edits(qapp, texts):
    model = make_model()
    for text in texts:
        model.set_filter(text)
        assert [r.id for r in model.rows] == expected(model, text)


def test_sorting_keeps_the_filter(qapp):
    model = make_model()
    model.set_filter("de")
    model.sort(0)
    assert [r.cells[0] for r in model.rows] == ["Anouk Mulder", "Daan de Wit", "Noor de Boer", "Sanne de Vries"]
    model.set_filter("de v")
    assert [r.cells[0] for r in model.rows] == ["Sanne de Vries"]


def _lazy_rows(count, calls):
    from desktop.views.rows import LazyRow

    def fill(rows):
        calls.append([r.id for r in rows])
        for r in rows:
            r.fill = None
        for r in rows:
            r.cells[1] = f"score {r.id}"
            r.sort_keys[1] = -r.id
            r.subline = f"line {r.id}"

    return [LazyRow(id=i, cells=[f"name {i:05}", ""], sort_keys=[f"name {i:05}", None],
                    search=f"name {i:05}", fill=fill) for i in range(count)]


def test_lazy_rows_fill_a_screenful_when_shown_and_all_for_a_sort(qapp):
    from desktop.views.rows import FILL_BATCH, RowsModel

    calls = []
    model = RowsModel(["Name", "Score"])
    model.set_rows(_lazy_rows(1000, calls))
    assert calls == []  # nothing written before a row is shown
    assert model.data(model.index(500, 1)) == "score 500"
    assert len(calls) == 1 and 500 in calls[0] and len(calls[0]) <= FILL_BATCH + FILL_BATCH // 4
    assert model.data(model.index(501, 0)) == "name 00501\nline 501"  # filled by the same call
    assert len(calls) == 1
    assert model.rows[900].subline == "line 900"  # reading a lazy field fills that row
    assert calls[-1] == [900]
    model.sort(1)  # by the lazy column: every row filled once, in one call, then sorted
    first = len(calls[0])
    assert len(calls) == 3 and len(calls[-1]) == 1000 - first - 1
    assert all(r.fill is None for r in model.all_rows)
    assert [r.id for r in model.rows[:3]] == [999, 998, 997]
    model.set_filter("name 0099")
    assert [r.id for r in model.rows] == [*range(999, 989, -1), 99]  # "name 00099" too


def test_a_measure_step_spares_the_fill_of_the_rows_the_columns_are_measured_on(qtbot):
    """Rows with a ``measure`` step are measured on what it writes (the line under a name)
    and the columns ``fill`` alone writes on the model's stand-ins: fitting the columns
    fills only what is in sight, and gives the widths a full fill would (round 20)."""
    from PySide6.QtWidgets import QTableView

    from desktop.views import cells
    from desktop.views.rows import FILL_BATCH, LazyRow, RowsModel

    filled, measured = [], []

    def fill(rows):
        filled.extend(r.id for r in rows)
        for r in rows:
            r.fill = None
            r.cells[1] = str(r.id % 101)
            r.sublines = {1: "★ 4,5"} if r.id % 3 == 0 else None
            r.sort_keys[1] = r.id % 101
            r.subline = f"@handle{r.id % 5} · {r.id * 37 % 900} volgers"

    def measure(rows):
        measured.extend(r.id for r in rows)
        for r in rows:
            r.subline = f"@handle{r.id % 5} · {r.id * 37 % 900} volgers"

    def rows(with_measure):
        return [LazyRow(id=i, cells=[NAMES[i % len(NAMES)], "", f"{i % 13} dec"], sort_keys=[str(i), None, i],
                        search=str(i), fill=fill, measure=measure if with_measure else None) for i in range(300)]

    def fitted(with_measure):
        model = RowsModel(["Naam", "Score", "Deadline"])
        model.stand_ins = {1: ("100", "–", *(d * 2 for d in "0123456789"), *(f"★ {d},{d}" for d in "123456789"))}
        model.set_rows(rows(with_measure))
        table = QTableView()
        qtbot.addWidget(table)
        table.resize(600, 300)
        table.setModel(model)
        table.horizontalHeader().setResizeContentsPrecision(100)  # as the lists do (RESIZE_SAMPLE_ROWS)
        cells.fit_columns(table, 2, two_line=True)
        return model, table

    model, table = fitted(True)
    header = table.horizontalHeader()
    assert filled == [] and len(measured) == header.resizeContentsPrecision() == 100  # measured, none scored
    widths = [header.sectionSize(c) for c in range(2)]
    table.show()
    qtbot.waitExposed(table)
    qtbot.waitUntil(lambda: bool(filled))  # painted
    assert 0 < len(filled) <= FILL_BATCH + FILL_BATCH // 4  # the rows in sight, when painted
    assert model.data(model.index(3, 1)) == "3\n★ 4,5"
    # The name column as a full fill measures it; the score column at least as wide as
    # any score and rating in the whole list (measured with every row filled).
    full, full_table = fitted(False)
    full.fill_all()
    assert header.sectionSize(0) == full_table.horizontalHeader().sectionSize(0) == widths[0]
    every = cells._qt_sample(full_table, full, -1)
    full.stand_ins = {}
    full_table.itemDelegate()._sizes.clear()
    assert cells._content_width(full_table, full, 1, every) <= widths[1]
    model.sort(1)  # a sort fills every row, measured or not
    assert all(r.fill is None for r in model.all_rows)


# --- a long list in chunks (docs/PERFORMANCE.md, fix 34) ---------------------------------

def _chunks(start, count, size, read):
    """Rows ``start``..``start + count`` in chunks of ``size``; ``read`` counts the chunks pulled."""
    for first in range(start, start + count, size):
        read.append(first)
        yield [Row(id=i, cells=[f"name {i:05}", f"city {i % 7}"]) for i in range(first, min(first + size, start + count))]


def test_chunks_are_read_one_per_turn_and_shown_when_all_are_in(qapp, qtbot):
    read = []
    model = RowsModel(["Name", "City"])
    inserted, completed = [], []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.completed.connect(lambda: completed.append(True))
    model.set_rows([Row(id=i, cells=[f"name {i:05}", "x"]) for i in range(100)], _chunks(100, 950, 300, read))
    assert model.rowCount() == 100 and model.loading and read == []  # nothing read before the event loop turns
    qapp.processEvents()
    assert len(read) == 1 and model.rowCount() == 100  # one chunk a turn, shown when all are in
    qtbot.waitUntil(lambda: not model.loading)
    assert [r.id for r in model.rows] == list(range(1050)) and [r.id for r in model.all_rows] == list(range(1050))
    assert inserted == [(100, 1049)] and completed == [True]  # one layout and paint, not one a chunk
    assert model.rows[1049].search == "name 01049 city 6"  # 1049 % 7


def test_a_list_that_waits_reads_its_chunks_after_resume(qapp, qtbot):
    read = []
    model = RowsModel(["Name", "City"])
    model.set_rows([Row(id=0, cells=["a", "b"])], _chunks(1, 10, 5, read), wait=True)
    qapp.processEvents()
    qapp.processEvents()
    assert read == [] and model.rowCount() == 1  # waiting for the list to paint
    model.resume()
    model.resume()  # twice: still one chunk a turn
    qapp.processEvents()
    assert read == [1] and model.rowCount() == 1
    qtbot.waitUntil(lambda: not model.loading)
    assert model.rowCount() == 11


def test_search_filter_sort_and_finding_a_row_read_every_row_first(qapp):
    for act in ("search", "filter", "sort", "find", "fill"):
        read = []
        model = RowsModel(["Name", "City"])
        model.set_rows([Row(id=i, cells=[f"name {i:05}", f"city {i % 7}"]) for i in range(100)],
                       _chunks(100, 900, 200, read))
        if act == "search":
            model.set_filter("name 009")
            assert [r.id for r in model.rows] == [9, *range(90, 100), *range(900, 1000)]
        elif act == "filter":
            model.set_predicate(lambda r: r.id % 250 == 0)
            assert [r.id for r in model.rows] == [0, 250, 500, 750]
        elif act == "sort":
            model.sort(0, Qt.DescendingOrder)
            assert [r.id for r in model.rows[:2]] == [999, 998]
        elif act == "find":
            assert model.index_of(7) == 7 and model.loading  # among the rows in: nothing more read
            assert model.index_of(850) == 850
            assert model.index_of(5000) is None
        else:
            model.fill_all()
        assert not model.loading and len(model.all_rows) == 1000 and len(read) == 5, act


def test_new_rows_while_chunks_come_drop_the_old_ones(qapp, qtbot):
    read_old, read_new = [], []
    model = RowsModel(["Name", "City"])
    model.set_rows([Row(id=0, cells=["a", "b"])], _chunks(1, 1000, 100, read_old))
    qapp.processEvents()
    model.set_rows([Row(id=-1, cells=["c", "d"])], _chunks(5000, 30, 10, read_new))
    qtbot.waitUntil(lambda: not model.loading)
    assert len(read_old) == 1 and [r.id for r in model.rows] == [-1, *range(5000, 5030)]


def test_a_search_typed_before_new_rows_reads_them_all(qapp):
    model = make_model()
    model.set_filter("sanne")
    read = []
    model.set_rows([Row(id=100, cells=["Sanne Smit", "Gent"])], _chunks(200, 50, 10, read))
    assert not model.loading and len(read) == 5  # the search needs every row: none left to come
    assert [r.id for r in model.rows] == [100]


def test_columns_measured_once_per_text_are_as_wide_as_qt_measures_them(qtbot):
    """cells._content_width asks the delegate once per different text of a column: the
    width is the one Qt's sizeHintForColumn gives, asking for every row, for one-line,
    two-line and status columns, on a hidden and on a shown list, with and without grid."""
    from PySide6.QtWidgets import QTableView

    from desktop.views import cells

    statuses = ["Actief", "Geblokkeerd", "Inactief ⚠", "Actief"]
    rows = [Row(id=i, cells=[NAMES[i % len(NAMES)] + (" (zilver)" if i % 7 == 0 else ""),
                             statuses[i % 4], f"€ {i % 13},95", ""],
                subline=f"@handle{i % 5} · {i * 37 % 900} volgers") for i in range(150)]
    model = RowsModel(["Naam", "Status", "Prijs", ""])
    model.set_rows(rows)
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    cells.fit_columns(table, 3, two_line=True, pill_column=1)
    header = table.horizontalHeader()
    assert cells._text_option(table) is not None  # measured by CellDelegate.text_width, not by Qt

    def compare():
        for precision in (1000, 40, 7, 0, -1):  # every row; fewer than there are; in sight; all
            header.setResizeContentsPrecision(precision)
            sample = cells._qt_sample(table, model, precision)
            for column in range(3):
                # Each measured afresh: the delegate keeps the sizes it measured (either way).
                table.itemDelegate()._sizes.clear()
                ours = cells._content_width(table, model, column, sample)
                table.itemDelegate()._sizes.clear()
                assert ours == table.sizeHintForColumn(column), (column, precision)

    compare()
    table.setShowGrid(False)
    compare()
    table.resize(500, 300)
    table.show()
    qtbot.waitExposed(table)
    table.scrollTo(model.index(60, 0), QTableView.PositionAtTop)
    compare()
    # The widest name only above the rows in sight: Qt measures upwards too, and so must this.
    rows[2].cells[0] = "Wilhelmina van Oranje-Nassau van Amsberg (goud)"
    compare()
    rows[140].cells[0] = "Maximiliana Zorreguieta Cerruti de Sousa (zilver)"
    compare()
    # A larger font and a style sheet's padding on the items: measured as Qt measures them.
    font = table.font()
    font.setPointSize(font.pointSize() + 5)
    table.setFont(font)
    table.setStyleSheet("QTableView::item { padding: 2px 11px; }")
    compare()


# --- what an owner types finds what is stored (review of the Influencers search) ----------

FOLDED = [("Anaïs D’Hondt-Çelik 🌸", "@anais.dhondt"), ("Lotte Peeters", "@lotte.peeters"),
          ("Sanne de Vries", "+31 6 12345678"), ("Noor", "06-87654321"), ("Order 2024-00123", "")]


def folded_model():
    from desktop.domain.search_text import fold, phone_forms

    model = RowsModel(["Name", "Handle"])
    model.set_rows([Row(id=i, cells=[name, extra], search=fold(f"{name} {extra} {phone_forms(extra)}"
                                                               if extra.startswith(("+", "0")) else f"{name} {extra}"))
                    for i, (name, extra) in enumerate(FOLDED)])
    return model


def test_search_folds_case_accents_quotes_and_a_leading_at(qapp):
    model = folded_model()
    for typed, found in [("@lotte", [1]), ("d'hondt", [0]), ("D’HONDT", [0]), ("dhondt", [0]), ("celik", [0]),
                         ("anais", [0]), ("ANAÏS", [0]), ("@anais", [0]), ("çelik", [0])]:
        model.set_filter(typed)
        assert [r.id for r in model.rows] == found, typed


def test_search_finds_a_phone_number_by_its_digits(qapp):
    model = folded_model()
    for typed, found in [("06 12345678", [2]), ("0612345678", [2]), ("+31 6 1234 5678", [2]), ("+31612345678", [2]),
                         ("0031 6 12345678", [2]), ("12345678", [2]), ("0687654321", [3]), ("06 87654321", [3]),
                         ("+31 6 87654321", [3]), ("2024-00123", [4]), ("2024", [4])]:
        model.set_filter(typed)
        assert [r.id for r in model.rows] == found, typed


def plain_scan(model, text):
    from desktop.domain.search_text import needle, phone_digits

    words, digits = needle(text).split(), phone_digits(text)
    return [r.id for r in model.all_rows
            if (digits and digits in r.search) or all(w in r.search for w in words)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="0612+3 -’'@anïçelk", max_size=10), max_size=12))
def test_folded_filter_matches_a_plain_scan_after_any_edits(qapp, texts):
    """The narrowing shortcut never hides a row with folding and phone numbers either."""
    model = folded_model()
    for text in texts:
        model.set_filter(text)
        assert [r.id for r in model.rows] == plain_scan(model, text), text


def test_people_sort_by_the_name_as_shown_folded():
    """A handle-only "@juul.maakt" among the J's, "anna" beside "Anna", "Émilie" among the E's;
    folding many names at once gives what folding each does (a line break in one falls back)."""
    from desktop.domain import search_text

    names = ["Zoë", "@juul.maakt", "Bram", "Émilie", "anna", "Anna", "D’Hondt", " ‘t Hooft", "Ça\nva", ""]
    assert search_text.sort_keys(names) == [search_text.sort_key(n) for n in names]
    assert search_text.sort_keys(names[:-2]) == [search_text.sort_key(n) for n in names[:-2]]
    people = list(enumerate(["Zoë", "@juul.maakt", "Bram", "Émilie", "anna", "Anna"]))
    assert [name for _id, name in search_text.by_name(people)] == ["anna", "Anna", "Bram", "Émilie", "@juul.maakt", "Zoë"]
    assert search_text.ids_by_name(people) == [4, 5, 2, 3, 1, 0]
