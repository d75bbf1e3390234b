"""Zendingen and Influencers when their own filter (not the search) hides every row: the list
stood empty beside a pane that said "Maak het zoekveld leeg om alles weer te zien." while
the search field was empty. As in Maatwerk, the empty page now names what was chosen and
has a button back to everything; a search that finds nothing keeps its line as before."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from desktop.labels import label

from .helpers import make_window

CLEAR_THE_SEARCH = "zoekveld leeg"  # the pane's hint: "Maak het zoekveld leeg om alles weer te zien."


@pytest.fixture
def window(qtbot, demo_db, translator):
    return make_window(qtbot, "nl", size=(1366, 768))


def _said(view) -> str:
    """Every text in sight in the view."""
    return "\n".join(w.text() for w in view.findChildren(QLabel) if w.isVisible())


def _search(view, text: str) -> None:
    view.search.setText(text)
    view._apply_filter()
    QApplication.processEvents()


# --- Zendingen ----------------------------------------------------------------------------------

def test_a_shipment_status_without_parcels_says_so_with_the_way_back(qtbot, window):
    window.show_view("shipments")
    view = window.view("shipments")
    everything = view.model.rowCount()
    view.status_filter.setCurrentIndex(view.status_filter.findData("lost"))  # none lost in the example shop
    QApplication.processEvents()
    assert view.pages.currentIndex() == 0  # the empty page, not an empty list beside an empty pane
    assert label("shipment_status", "lost") in view.empty_title.text()
    assert view.empty_title.text() != view.empty_heading()  # not "no shipments yet"
    assert view.show_all_button.isVisible() and not view.no_match.isVisible()
    assert CLEAR_THE_SEARCH not in _said(view)
    _search(view, "sanne")  # typed and taken away again: still the empty page, never "clear the search"
    _search(view, "")
    assert view.pages.currentIndex() == 0 and CLEAR_THE_SEARCH not in _said(view)
    view.focus_list()  # Ctrl+3 on the empty page: the keys on the way back
    assert QApplication.focusWidget() is view.show_all_button

    view.show_all_button.click()
    QApplication.processEvents()
    assert view.status_filter.currentData() == ""
    assert view.pages.currentIndex() == 1 and view.model.rowCount() == everything
    assert not view.show_all_button.isVisible()
    assert view.empty_title.text() == view.empty_heading()
    assert view.current_id is not None


def test_a_shipment_search_that_finds_nothing_still_says_to_clear_the_search(qtbot, window):
    window.show_view("shipments")
    view = window.view("shipments")
    _search(view, "xyzzy")
    assert view.pages.currentIndex() == 1
    assert view.no_match.isVisible() and "xyzzy" in view.no_match.text()
    assert CLEAR_THE_SEARCH in _said(view)  # the pane's hint, as before
    assert getattr(view, "show_all_button", None) is None or not view.show_all_button.isVisible()


# --- Influencers --------------------------------------------------------------------------------

def test_influencer_filters_that_hide_everybody_say_so_with_the_way_back(qtbot, window):
    window.show_view("influencers")
    view = window.view("influencers")
    everyone = view.model.rowCount()
    view.status_filter.setCurrentIndex(view.status_filter.findData("inactive"))  # nobody inactive in the example shop
    QApplication.processEvents()
    assert view.pages.currentIndex() == 0
    assert label("person_status", "inactive") in view.empty_text.text()  # what was chosen, named
    assert view.empty_title.text() != view.empty_heading()
    assert view.show_all_button.isVisible() and not view.no_match.isVisible()
    assert CLEAR_THE_SEARCH not in _said(view)
    _search(view, "sanne")  # a search beside it changes nothing: the filters hide everybody
    assert view.pages.currentIndex() == 0 and CLEAR_THE_SEARCH not in _said(view)
    _search(view, "")

    view.country_filter.setCurrentIndex(view.country_filter.findData("BE"))
    QApplication.processEvents()
    assert label("country", "BE") in view.empty_text.text()  # every filter chosen is named
    view.focus_list()
    assert QApplication.focusWidget() is view.show_all_button
    view.show_all_button.click()
    QApplication.processEvents()
    assert [view.status_filter.currentData(), view.tag_filter.currentData(), view.country_filter.currentData()] == [
        "", "", ""]
    assert view.pages.currentIndex() == 1 and view.model.rowCount() == everyone
    assert not view.show_all_button.isVisible()
    assert view.current_id is not None


def test_an_influencer_search_that_finds_nobody_keeps_its_line(qtbot, window):
    window.show_view("influencers")
    view = window.view("influencers")
    view.status_filter.setCurrentIndex(view.status_filter.findData("active"))
    QApplication.processEvents()
    _search(view, "xyzzy")  # the filter lets people through; the search finds none of them
    assert view.pages.currentIndex() == 1
    assert view.no_match.isVisible() and "xyzzy" in view.no_match.text()
    assert CLEAR_THE_SEARCH in _said(view)
    assert getattr(view, "show_all_button", None) is None or not view.show_all_button.isVisible()
    view.status_filter.setCurrentIndex(view.status_filter.findData("inactive"))  # now the filter hides all
    QApplication.processEvents()
    assert view.pages.currentIndex() == 0 and view.show_all_button.isVisible()
    view.status_filter.setCurrentIndex(0)  # back by hand: the search's line again
    QApplication.processEvents()
    assert view.pages.currentIndex() == 1 and view.no_match.isVisible()
    assert not view.show_all_button.isVisible()
    assert view.empty_title.text() == view.empty_heading()


def test_the_empty_page_of_a_filter_in_english(qtbot, demo_db, translator):
    window = make_window(qtbot, "en", size=(1366, 768))
    window.show_view("shipments")
    view = window.view("shipments")
    view.status_filter.setCurrentIndex(view.status_filter.findData("returned"))
    QApplication.processEvents()
    assert view.empty_title.text() == "No shipments with the status “Returned”"
    assert view.show_all_button.text() == "Show all shipments"
