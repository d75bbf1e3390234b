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
