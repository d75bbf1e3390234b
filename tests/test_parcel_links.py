"""A parcel's tracking page: the example shop's parcels can be followed, and a parcel that
cannot says the real reason (review of the timeline: Julia Mertens's bpost parcel said "it
has no carrier with a tracking code" beside its carrier and its code).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop import i18n
from desktop.domain import carriers
from desktop.store.models import Shipment
from tests.helpers import make_window


def test_every_example_parcel_has_a_code_of_its_carrier_and_its_link(demo_db):
    """Belgian parcels go with bpost: their codes are bpost's (3232 + 20 digits), not
    PostNL's; each parcel keeps the link the app builds for its code."""
    parcels = list(Shipment.select().where(Shipment.tracking_code != ""))
    assert {s.carrier for s in parcels} >= {"bpost", "postnl"}
    for s in parcels:
        assert carriers.check_code(s.carrier, s.tracking_code) is None, (s.carrier, s.tracking_code)
        assert s.tracking_url and s.tracking_url == carriers.tracking_link(
            s.carrier, s.tracking_code, s.person.postcode, s.person.country, s.person.language)
        assert carriers.code_from_link(s.tracking_url) == s.tracking_code  # the link is of this parcel


@pytest.mark.parametrize("carrier,code,why", [
    ("bpost", "323212345678901234567890", ""),
    ("bpost", "3SZLVR1234567", "bad_code"),  # the example shop's old codes: PostNL's shape
    ("ups", "1Z5R89390357567128", "bad_code"),  # a wrong check digit
    ("other", "ABC-123", "no_page"),
    ("made_up", "ABC-123", "no_page"),
    ("postnl", "", "no_code"),
    ("", "3SZLVR1234567", "no_carrier"),
])
def test_why_a_parcel_has_no_tracking_page(carrier, code, why):
    found, problem = carriers.why_no_link(carrier, code)
    assert found == why
    assert (problem is not None) == (why == "bad_code")


@pytest.mark.parametrize("change,said", [
    ({"carrier": "bpost", "tracking_code": "3SZLVR1234567"},
     "No tracking page for this parcel: “3SZLVR1234567” is not a bpost tracking code; those look like "
     "323212345678901234567890."),
    ({"carrier": "other", "tracking_code": "ABC-123"},
     "No tracking page for this parcel: Afspraak does not know its carrier's tracking page. Look up ABC-123 on "
     "the carrier's website."),
    ({"carrier": "postnl", "tracking_code": ""}, "No tracking page for this parcel: it has no tracking code."),
    ({"carrier": "", "tracking_code": "3SZLVR1234567"},
     "No tracking page for this parcel: no carrier was chosen for it."),
])
def test_a_parcel_without_a_page_says_why(qtbot, demo_db, translator, monkeypatch, change, said):
    from desktop.views import shipments

    opened, told = [], []
    monkeypatch.setattr(shipments, "open_link", lambda url: opened.append(url) or True)
    parcel = Shipment.select().where(Shipment.carrier == "bpost").order_by(Shipment.id).first()
    Shipment.update(tracking_url="", **change).where(Shipment.id == parcel.id).execute()
    window = make_window(qtbot, "en", view="shipments")
    view = window.view("shipments")
    view.status_message.connect(told.append)
    view.select_id(parcel.id)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key_Return)
    assert (opened, told) == ([], [said])


def test_a_parcel_stored_without_its_link_opens_the_page_its_code_makes(qtbot, demo_db, translator, monkeypatch):
    """A parcel kept without a link (the example shop made them so before) whose code fits
    its carrier opens the carrier's page built from the code, the postcode it goes to and
    its country."""
    from desktop.views import shipments

    opened, told = [], []
    monkeypatch.setattr(shipments, "open_link", lambda url: opened.append(url) or True)
    parcel = Shipment.select().where(Shipment.carrier == "postnl").order_by(Shipment.id).first()
    Shipment.update(tracking_url="").where(Shipment.id == parcel.id).execute()
    window = make_window(qtbot, "nl", view="shipments")
    view = window.view("shipments")
    view.status_message.connect(told.append)
    view.select_id(parcel.id)
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key_Return)
    postcode = carriers.normalise_postcode(parcel.person.postcode)
    assert opened == [f"https://jouw.postnl.nl/track-and-trace/{parcel.tracking_code}-NL-{postcode}"] and told == []
    assert i18n.current_language() == "nl"
