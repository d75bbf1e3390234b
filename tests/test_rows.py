"""RowsModel: the filter shows exactly the rows that hold every typed word, whatever
order the owner types, erases or pastes in (the narrowing shortcut must never hide a row)."""

from hypothesis import given, settings
from hypothesis import strategies as st

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
