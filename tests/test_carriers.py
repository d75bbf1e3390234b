"""Carriers as data: code checks with their check digits, and track-and-trace links."""

import pytest

from desktop import i18n
from desktop.domain import carriers
from desktop.domain.carriers import check_code, read_tracking_input, tracking_link


@pytest.mark.parametrize("code,ok", [
    ("RB123456785GB", True), ("RB123456784GB", False), ("RB12345678GB", False),
])
def test_upu_s10(code, ok):
    assert carriers.s10_ok(code) is ok


@pytest.mark.parametrize("code,ok", [
    ("1Z5R89390357567127", True), ("1Z879E930346834440", True), ("1Z410E7W0392751591", True),
    ("1Z8V92A70367203024", True), ("1Z1111111111111111", False), ("1Z5R89390357567128", False),
    ("2Z5R89390357567127", False),
])
def test_ups_mod10(code, ok):
    assert carriers.ups_ok(code) is ok


@pytest.mark.parametrize("code,ok", [
    ("008182709980000020033350276C", True), ("008182709980000020045327276N", True),
    ("008182709980000020033350276A", False), ("008182709980000020045000000N", False),
])
def test_dpd_mod37_36(code, ok):
    assert carriers.mod37_36_ok(code) is ok


@pytest.mark.parametrize("carrier,code,ok", [
    ("postnl", "3STUNM283054292", True), ("postnl", "3SKABA000000000", True),
    ("postnl", "RB123456785GB", True), ("postnl", "RB123456784GB", False), ("postnl", "HELLO123", False),
    ("bpost", "323212345678901234567890", True), ("bpost", "123", False),
    ("ups", "1Z5R89390357567127", True), ("ups", "1Z5R89390357567128", False),
    ("dpd", "05212345678901", True), ("dpd", "0521234567890", False),
    ("dhl", "JVGL0123456789", True), ("dhl", "JJD000390007878", True), ("dhl", "RB123456784GB", False),
    ("gls", "123456789012", True), ("gls", "AB", False),
    ("other", "ANYTHING42", True), ("postnl", "", True),
])
def test_codes_per_carrier(carrier, code, ok):
    assert (check_code(carrier, code) is None) is ok


def test_codes_are_normalised_as_people_type_them():
    result = read_tracking_input("postnl", " 3stunm 283-054-292 ", "3043 lc", "NL")
    assert result.problem is None and result.code == "3STUNM283054292"
    assert result.url == "https://jouw.postnl.nl/track-and-trace/3STUNM283054292-NL-3043LC"


@pytest.mark.parametrize("carrier,code,postcode,country,url", [
    ("postnl", "3SKABA000000000", "", "NL", "https://postnl.nl/tracktrace/?B=3SKABA000000000&D=NL&T=C"),
    ("dhl", "JVGL0123456789", "1234AB", "NL", "https://my.dhlecommerce.nl/home/tracktrace/JVGL0123456789/1234AB"),
    ("dhl", "JVGL0123456789", "", "NL", "https://my.dhlecommerce.nl/home/tracktrace/JVGL0123456789"),
    ("dhl", "JVGL0123456789", "2000", "BE", "https://my.dhlparcel.be/home/tracktrace/JVGL0123456789"),
    ("bpost", "323212345678901234567890", "", "BE",
     "https://track.bpost.cloud/btr/web/#/search?itemCode=323212345678901234567890&lang=nl"),
    ("dpd", "05212345678901", "", "NL", "https://www.dpdgroup.com/nl/mydpd/my-parcels/track?parcelNumber=05212345678901"),
    ("gls", "123456789012", "3511 AB", "NL", "https://gls-group.com/NL/nl/volg-je-pakket?match=123456789012&postalCode=3511AB"),
    ("ups", "1Z5R89390357567127", "", "NL", "https://www.ups.com/track?loc=nl_NL&tracknum=1Z5R89390357567127"),
    ("other", "ABC123", "", "NL", ""),
])
def test_links(carrier, code, postcode, country, url):
    assert tracking_link(carrier, code, postcode, country) == url


def test_every_carrier_has_a_label_and_data():
    from desktop.labels import choices
    from desktop.store.models import CARRIERS

    assert set(carriers.CARRIERS) == set(CARRIERS) == {code for code, _ in choices("carrier")}


@pytest.mark.parametrize("link,code", [
    ("https://jouw.postnl.nl/track-and-trace/3STUNM283054292-NL-3043LC", "3STUNM283054292"),
    ("https://www.ups.com/track?loc=nl_NL&tracknum=1Z5R89390357567127", "1Z5R89390357567127"),
    ("https://track.bpost.cloud/btr/web/#/search?itemCode=323212345678901234567890&lang=nl", "323212345678901234567890"),
    ("https://example.invalid/some/page?utm=1", ""),
])
def test_a_pasted_link_is_kept_as_given(link, code):
    result = read_tracking_input("postnl", "  " + link + " ")
    assert result.url == link and result.code == code and result.problem is None


def test_problems_are_told_in_dutch_and_english():
    assert "controlecijfer" in read_tracking_input("ups", "1Z5R89390357567128").problem
    i18n.set_language("en")
    assert "check digit" in read_tracking_input("ups", "1Z5R89390357567128").problem


@pytest.mark.parametrize("link,code", [
    # dhl.com's tracking page (the link in DHL's mails): the code is its "tracking-id"
    ("https://www.dhl.com/nl-nl/home/tracking/tracking-parcel.html?submit=1&tracking-id=JVGL0123456789",
     "JVGL0123456789"),
    ("https://www.dhl.com/en/express/tracking.html?AWB=1234567890&brand=DHL", "1234567890"),
    ("https://www.dhlparcel.nl/nl/consument/volg-je-pakket?tc=JVGL0123456789&pc=3043LC", "JVGL0123456789"),
    ("https://my.dhlecommerce.nl/home/tracktrace/JVGL0123456789/3043LC", "JVGL0123456789"),
    ("https://my.dhlparcel.be/home/tracktrace/JJD000390007878", "JJD000390007878"),
    ("https://postnl.nl/tracktrace/?B=3SKABA000000000&D=NL&T=C", "3SKABA000000000"),
    ("https://www.internationalparceltracking.com/Main.aspx#/track/3STUNM283054292/NL/3043LC", "3STUNM283054292"),
    ("https://www.dpdgroup.com/nl/mydpd/my-parcels/track?parcelNumber=05212345678901", "05212345678901"),
    ("https://tracking.dpd.de/status/nl_NL/parcel/05212345678901", "05212345678901"),
    ("https://gls-group.com/NL/nl/volg-je-pakket?match=123456789012&postalCode=3511AB", "123456789012"),
    ("https://wwwapps.ups.com/WebTracking/track?track=yes&trackNums=1Z5R89390357567127", "1Z5R89390357567127"),
    ("https://www.ups.com/track?loc=nl_NL", ""),  # the page without a code: nothing made up
])
def test_every_carriers_own_link_gives_its_code(link, code):
    assert carriers.code_from_link(link) == code
    assert read_tracking_input("dhl", link).code == code


@pytest.mark.parametrize("typed,kept", [(" ABC-123 ", "ABC-123"), ("zx.77-b", "zx.77-b"), ("AB  12 3", "AB 12 3")])
def test_an_unknown_carriers_code_is_kept_as_she_typed_it(typed, kept):
    """A carrier whose codes we do not know: nobody can say its dash or capitals do not
    count, so the code is kept as typed (trimmed), not "ABC123"."""
    result = read_tracking_input("other", typed)
    assert (result.code, result.url, result.problem) == (kept, "", None)
    assert read_tracking_input("postnl", " 3skaba-000000000 ").code == "3SKABA000000000"  # a known carrier: normalised


def test_an_unknown_carriers_code_still_needs_letters_or_digits():
    assert read_tracking_input("other", "--").problem is not None
