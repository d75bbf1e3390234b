"""The influencer pane's words after the two-week owner walk (review, /tmp/review_walk):

1. a box of the caption check left unticked is "not checked", never "missing": the pane,
   the timeline, the list's flag and the request to the influencer (each point its own
   line; a caption label asked for only when the caption has none);
2. a gift without a cost price is not "products € 0.00";
3. an account without followers filled in is not "0 followers";
4. a reminder's line says its label once;
5. a first products import says no counts of nothing and nothing about products kept.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from desktop import clock, i18n
from desktop.domain import collaborations as rules
from desktop.domain import disclosure, importers
from desktop.domain.followup import DueItem
from desktop.presentation import collab_texts, cost_texts, event_texts, import_texts
from desktop.presentation.disclosure_texts import content_notes
from desktop.store import catalogue, influencer_detail, settings
from desktop.store import influencers as ops
from desktop.store.models import (
    Collaboration,
    CollaborationProduct,
    Content,
    Deliverable,
    Event,
    Handle,
    Person,
    Product,
    Shipment,
    ShipmentItem,
)
from tests.conftest import NOW
from tests.readers import READERS, as_reader

REEL_CAPTION = "#reclame Mijn nieuwe ketting van @letterlief, ik draag hem elke dag!"
VIDEO_ASKED = {"nl": "• Een melding in de video zelf dat het reclame is: gezegd of in beeld",
               "en": "• A mention in the video itself that it's an ad: said or shown"}
CAPTION_LABEL = re.compile(r"reclamemelding aan het begin van het bijschrift|advertising label at the start of the "
                           r"caption")


def sanne_with_a_reel(country="NL", language="nl", form="je", kind="reel"):
    settings.set("shop_name", "Letterlief")
    settings.set("owner_name", "Mirjam")
    sanne = Person.create(name="Sanne de Wit", is_influencer=True, country=country, language=language,
                          address_form=form)
    collab = Collaboration.create(person=sanne, title="Ketting in een reel", status="agreed",
                                  required_mentions=["@letterlief"], agreed_at=NOW - timedelta(days=10))
    deliverable = Deliverable.create(collaboration=collab, kind=kind, count=1, deadline=NOW + timedelta(days=3))
    return sanne, collab, deliverable


def log_reel(collab, deliverable, caption=REEL_CAPTION, ticks=None):
    check = disclosure.check_caption(caption, country=collab.person.country, kind=deliverable.kind,
                                     shop_handle="@letterlief", required_mentions=["@letterlief"], ticked=ticks)
    cleaned = {"url": "https://www.instagram.com/reel/Cabc/", "platform": "instagram", "caption": caption,
               "posted_on": None, "views": None, "likes": None, "comments": None, "link_clicks": None,
               "code_uses": None, "revenue_cents": None}
    return ops.log_content(collab, deliverable, cleaned, check, ticks or {}, NOW)


def plain(text: str) -> str:
    """Babel's amounts with their no-break space as a plain one."""
    return text.replace("\xa0", " ")


def flagged(person) -> bool:
    return next(p for page in ops.people_pages() for p in page if p.id == person.id).flagged


# --- 1. not checked is not missing -------------------------------------------------------------

def test_a_box_left_unticked_is_not_checked_not_missing():
    check = disclosure.check_caption(REEL_CAPTION, country="NL", kind="reel", shop_handle="@letterlief")
    assert check.missing() == [] and check.unchecked() == ["item:video_said"]
    assert check.disclosure_ok is None  # not known: neither in order nor failing
    assert check.checklist() == {"video_said": None}
    ticked = disclosure.check_caption(REEL_CAPTION, country="NL", kind="reel", ticked={"video_said": True})
    assert ticked.disclosure_ok is True and ticked.unchecked() == []
    # a point checked and found missing still fails
    failed = disclosure.check_caption(REEL_CAPTION, country="NL", kind="reel", ticked={"video_said": False})
    assert failed.disclosure_ok is False and failed.missing() == ["item:video_said"]
    # the label's own point fails when the caption has none, whatever is unticked
    bare = disclosure.check_caption("Mijn ketting", country="NL", kind="reel")
    assert bare.disclosure_ok is False and bare.missing() == ["item:label:NL"]
    assert bare.unchecked() == ["item:platform_label", "item:video_said"]


def test_what_older_versions_stored_for_a_box_left_unticked_reads_as_not_checked():
    # before: an unticked box was stored in "missing" (the dialog stored only ticks)
    assert disclosure.stored_state(["item:video_said"], {}) == ([], ["item:video_said"])
    assert disclosure.stored_state(["#zilverenzo", "item:label:NL", "item:stories_first_last"], {"x": True}) == (
        ["#zilverenzo", "item:label:NL"], ["item:stories_first_last"])
    # now: not checked is kept with the checks, a point checked and failing with what is missing
    assert disclosure.stored_state([], {"video_said": None}) == ([], ["item:video_said"])
    assert disclosure.stored_state(["item:video_said"], {"video_said": False}) == (["item:video_said"], [])
    assert not disclosure.flags(["item:video_said"], {}) and not disclosure.flags(["#zilverenzo", "item:video_said"], {})
    assert disclosure.flags(["item:label:NL", "item:video_said"], {}) and disclosure.flags([], {})


def test_a_reel_logged_with_the_box_unticked_is_stored_and_told_as_not_checked(database):
    sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel)
    assert (content.disclosure_ok, content.missing, content.disclosure_checks) == (None, [], {"video_said": None})
    posted = Event.get(Event.fact == "content_posted")
    assert "missing" not in posted.params and posted.params["unchecked"] == ["item:video_said"]
    assert not flagged(sanne)  # no ⚠ in the list
    i18n.set_language("en")
    notes = content_notes(Content.get_by_id(content.id))
    assert notes.lines == [("unchecked", "? Not checked: Said or shown in the video itself (at the start, during the "
                                         "promotion or throughout). Check this yourself.")]
    assert notes.ask and notes.ask_prompt.startswith("Only if you looked")
    assert event_texts.render("content_posted", posted.params) == (
        "Reel posted on Instagram · not checked: Said or shown in the video itself (at the start, during the "
        "promotion or throughout)")


def test_an_older_record_of_an_unticked_box_is_read_back_as_not_checked(database):
    """What the walk stored (disclosure_ok False, missing ['item:video_said']) shows as not
    checked in the pane, the timeline and the list, and asks for the video point only."""
    sanne, collab, reel = sanne_with_a_reel()
    content = Content.create(collaboration=collab, deliverable=reel, url="https://www.instagram.com/reel/Cxyz/",
                             platform="instagram", posted_at=NOW, caption=REEL_CAPTION, disclosure_ok=False,
                             missing=["item:video_said"], disclosure_checks={})
    i18n.set_language("en")
    assert [kind for kind, _text in content_notes(content).lines] == ["unchecked"]
    assert not flagged(sanne)
    params = {"deliverable": "reel", "platform": "instagram", "missing": ["item:video_said"]}
    assert "missing" not in event_texts.render("content_posted", params)
    assert "not checked: Said or shown in the video" in event_texts.render("content_posted", params)
    as_reader(sanne, "en", "NL", "je")
    text = collab_texts.label_request_message(Content.get_by_id(content.id))
    assert VIDEO_ASKED["en"] in text and not CAPTION_LABEL.search(text), text
    # a post that really lacks its label still flags her in the list
    Content.create(collaboration=collab, url="https://example.com/p/1", platform="instagram", posted_at=NOW,
                   disclosure_ok=False, missing=["item:label:NL", "item:video_said"])
    assert flagged(sanne)


def test_what_is_missing_and_what_is_not_checked_are_told_apart(database):
    sanne, collab, reel = sanne_with_a_reel()
    content = log_reel(collab, reel, caption="Mijn nieuwe ketting!")  # no label, no mention, box unticked
    assert content.disclosure_ok is False and content.missing == ["@letterlief", "item:label:NL"]
    i18n.set_language("en")
    notes = content_notes(Content.get_by_id(content.id))
    assert [kind for kind, _text in notes.lines] == ["missing", "unchecked"]
    assert notes.lines[0][1] == ("⚠ Missing:\n        • @letterlief\n"
                                 "        • An advertising label that counts under the Dutch rules")
    assert "Paid partnership" in notes.lines[1][1] and "video itself" in notes.lines[1][1]
    assert notes.ask_prompt == "A friendly request to add what is missing."
    assert flagged(sanne)
    # the request asks for what is missing: the caption's label and the mention, not the unchecked video
    as_reader(sanne, "en", "NL", "je")
    text = collab_texts.label_request_message(Content.get_by_id(content.id))
    assert CAPTION_LABEL.search(text) and "• @letterlief (as agreed)" in text and "video" not in text, text
    posted = Event.get(Event.fact == "content_posted")
    assert event_texts.render("content_posted", posted.params).startswith(
        "Reel posted on Instagram · missing: @letterlief; an advertising label that counts under the Dutch rules · "
        "not checked: ")


@pytest.mark.parametrize("lang, country, form", READERS)
def test_each_point_is_asked_on_its_own_line_and_a_caption_label_only_when_it_lacks_one(database, lang, country,
                                                                                        form):
    sanne, collab, reel = sanne_with_a_reel(country, lang, form)
    as_reader(sanne, lang, country, form)
    # the video point (Dutch rules) or "not only at the end" (Belgian rules), not checked
    content = log_reel(collab, reel)
    text = collab_texts.label_request_message(Content.get_by_id(content.id))
    video = VIDEO_ASKED[lang] if country == "NL" else {
        "nl": "• Een melding in de video dat het reclame is, aan het begin of tijdens de promotie, niet pas aan het "
              "einde", "en": "• A mention in the video that it's an ad at the start or during the promotion, not only "
                             "at the end"}[lang]
    assert video in text, text
    assert not CAPTION_LABEL.search(text), text  # #reclame stands at the start of her caption
    if lang == "nl" and form == "u":
        assert "Wilt u dit nog toevoegen?" in text and not re.search(r"\b(je|jouw)\b", text), text
    # the label is there, hidden among the hashtags: asked to move it, not to add one
    hidden = log_reel(collab, reel, caption="Zo blij met mijn ketting @letterlief\n#love #summer #reclame #style #ootd",
                      ticks={"video_said": True, "video_not_only_end": True})
    text = collab_texts.label_request_message(Content.get_by_id(hidden.id))
    assert {"nl": "• De reclamemelding op een plek waar die opvalt", "en": "• The advertising label where it stands out"
            }[lang] in text, text
    assert not CAPTION_LABEL.search(text) and video not in text, text


def test_the_pane_shows_a_reel_with_its_box_unticked_as_not_checked(qtbot, database, translator, monkeypatch):
    """The walk's reel: logged through the dialog with #reclame first, the video box left
    unticked. The pane said "⚠ Ontbreekt" and the list showed ⚠."""
    from desktop.views import dialogs
    from desktop.views.influencers import InfluencersView

    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    sanne, collab, reel = sanne_with_a_reel()

    def fill(d):
        d.w("url").setText("https://www.instagram.com/reel/Cabc/")
        d.w("caption").setPlainText(REEL_CAPTION)
        d.buttons.accepted.emit()
        return d.result() == d.DialogCode.Accepted

    monkeypatch.setattr(dialogs, "run", fill)
    i18n.set_language("nl")
    v = InfluencersView()
    qtbot.addWidget(v)
    v.resize(1366, 768)
    v.show()
    v.refresh()
    v.log_content(collab)
    v.select_id(sanne.id)
    texts = [w.text() for w in v.detail.findChildren(QLabel)]
    assert not any("Ontbreekt" in t for t in texts), texts
    assert any(t.strip().startswith("? Niet gecontroleerd: Genoemd of in beeld in de video zelf") for t in texts), texts
    assert "⚠" not in v.model.rows[0].cells[1]
    buttons = [b.text() for b in v.detail.findChildren(QPushButton)]
    assert "Vragen om het toe te voegen…" in buttons  # once she looked and found it missing


# --- 2. a gift without a cost price ------------------------------------------------------------

def test_a_shipped_gift_without_a_cost_price_is_not_free(database):
    sanne, collab, _reel = sanne_with_a_reel()
    luna = Product.create(key="NK-LUNA", sku="NK-LUNA", name="Naamketting Luna", price_cents=3495)  # no cost
    shipment = Shipment.create(person=sanne, collaboration=collab, shipping_cents=695, value_cents=3495)
    ShipmentItem.create(shipment=shipment, product=luna, quantity=1)
    cost = ops.cost_and_return(collab)
    assert cost.products_unpriced and cost.unpriced_value_cents == 3495
    assert cost.cost_cents == 695 and cost.return_ratio is None
    i18n.set_language("nl")
    line = cost_texts.cost_line(cost)
    assert "0,00" not in line, line
    i18n.set_language("en")
    assert plain(cost_texts.cost_line(cost)) == ("Cost without the products €6.95 (shipping €6.95) · products: cost "
                                                 "price not filled in (shop value €34.95)")
    # with a cost price it is counted, and the total and the return are whole again
    Product.update(cost_cents=1200).execute()
    cost = ops.cost_and_return(collab)
    assert not cost.products_unpriced and cost.cost_cents == 1895


def test_a_gift_whose_product_cost_was_left_empty_says_so(database):
    sanne, collab, _reel = sanne_with_a_reel()
    CollaborationProduct.create(collaboration=collab, name="Ring Noor", quantity=2, value_cents=1250)
    shown = influencer_detail.detail(sanne.id).collaborations[0]
    assert shown.cost == rules.CostReturn(0, 0, 0, 0, 2500)
    i18n.set_language("en")
    assert plain(cost_texts.cost_line(shown.cost)) == "Cost: the products' cost price is not filled in (shop value €25.00)"
    # a fee and revenue beside it: the total says it leaves the products out
    collab.fee_cents, collab.shipping_cents = 2500, 495
    collab.save()
    Content.create(collaboration=collab, url="https://example.com/p/1", platform="instagram", posted_at=NOW,
                   revenue_cents=8000)
    line = plain(cost_texts.cost_line(ops.cost_and_return(Collaboration.get_by_id(collab.id))))
    assert line.startswith("Cost without the products €29.95 (shipping €4.95, fee €25.00) · products: cost price "
                           "not filled in (shop value €25.00) · revenue €80.00"), line
    assert "brought in" not in line  # a ratio to part of the cost would flatter it
    # filled in: counted, nothing said of a value
    collab.product_cost_cents = 900
    collab.save()
    line = plain(cost_texts.cost_line(ops.cost_and_return(Collaboration.get_by_id(collab.id))))
    assert line == "Cost €38.95 (products €9.00, shipping €4.95, fee €25.00) · revenue €80.00 · brought in 2.1× " \
                   "the cost", line
    # a paid collaboration without products has no products part; nothing spent, nothing said
    paid = Collaboration.create(person=sanne, title="Betaald", fee_cents=5000)
    assert plain(cost_texts.cost_line(ops.cost_and_return(paid))) == "Cost €50.00 (fee €50.00)"
    assert cost_texts.cost_line(ops.cost_and_return(Collaboration.create(person=sanne, title="Niets"))) == ""


# --- 3. followers left empty ---------------------------------------------------------------------

def test_an_account_without_followers_filled_in_has_no_count(qtbot, database, translator, monkeypatch):
    from desktop.views.influencers import InfluencersView

    monkeypatch.setattr(clock, "utcnow", lambda: NOW)
    sanne = Person.create(name="Sanne de Wit", is_influencer=True)
    Handle.create(person=sanne, platform="instagram", name="sanne.maakt", followers=None)
    Handle.create(person=sanne, platform="tiktok", name="sanne.t", followers=12700)
    i18n.set_language("nl")
    v = InfluencersView()
    qtbot.addWidget(v)
    v.show()
    v.refresh()
    v.select_id(sanne.id)
    texts = [w.text() for w in v.detail.findChildren(QLabel)]
    texts = [plain(t) for t in texts]
    assert "Instagram: @sanne.maakt" in texts and not any("(0 volgers)" in t for t in texts), texts
    assert "TikTok: @sanne.t (12.700 volgers)" in texts, texts


# --- 4. a reminder's label once ----------------------------------------------------------------

def test_a_reminder_line_says_its_label_once(translator):
    from desktop.views.due_dialog import due_lines

    i18n.set_language("nl")
    check_in = DueItem(1, "Lotte", "shipment", "shipment", 1, "received", "instagram", NOW + timedelta(days=1), "k",
                       "shipment.received")
    [(_item, line)] = due_lines([check_in], NOW)
    assert line.startswith("Navraag: pakket ontvangen? · vanaf ") and line.lower().count("ontvangen?") == 1, line
    gift = DueItem(1, "Lotte", "gift", "collaboration", 1, "send", "", NOW, "g", "")
    [(_item, line)] = due_lines([gift], NOW)
    assert line.startswith("Cadeau versturen · ") and "nog niet verzonden" not in line, line
    record = DueItem(1, "Fleur", "agreement", "collaboration", 1, "record", "", NOW, "a", "")
    [(_item, line)] = due_lines([record], NOW)
    assert line.startswith("Afspraak vastleggen · ") and "niet vastgelegd" not in line, line
    # a ladder step names what it is about by its kind
    late = DueItem(1, "Lotte", "deliverable", "deliverable", 1, "1", "instagram", NOW, "d", "ladder.1")
    [(_item, line)] = due_lines([late], NOW)
    assert line.startswith("Stap 1: herinnering · Content te laat · "), line


# --- 5. a first products import ----------------------------------------------------------------

FILE = ("ID,Type,SKU,Naam,Gepubliceerd,Korte beschrijving,Reguliere prijs,Categorieën\n"
        "1,simple,NK-LUNA,Naamketting Luna,1,Zilveren ketting met naam,\"34,95\",Kettingen\n"
        "2,simple,SH-LTR,Sleutelhanger letter,1,Leren sleutelhanger met letter,\"12,50\",Sleutelhangers\n")


def test_a_first_import_says_no_counts_of_nothing_and_nothing_about_products_kept(database):
    i18n.set_language("nl")
    summary = catalogue.apply_import(importers.parse_export(FILE.encode()), NOW)
    assert import_texts.summary_lines(summary) == [
        "2 nieuwe producten", "Het bestand heeft geen kolom „Afbeeldingen”: de producten komen binnen zonder foto."]
    # the next import: the products already there keep their picture, and the counts that are something
    again = FILE + "3,simple,OB-MAAN,Oorbellen Maan,1,Gouden maantjes,\"24,95\",Oorbellen\n"
    summary = catalogue.apply_import(importers.parse_export(again.replace("34,95", "36,95").encode()), NOW)
    assert import_texts.summary_lines(summary) == [
        "1 nieuw product", "1 product bijgewerkt", "  waarvan 1 met een hogere prijs", "1 product ongewijzigd",
        "Het bestand heeft geen kolom „Afbeeldingen”: nieuwe producten komen binnen zonder foto; de producten die "
        "al in Afspraak staan, houden hun foto."]


def test_an_import_of_nothing_new_still_says_so(database):
    i18n.set_language("en")
    catalogue.apply_import(importers.parse_export(FILE.encode()), NOW)
    summary = catalogue.apply_import(importers.parse_export(FILE.encode()), NOW)
    assert import_texts.summary_lines(summary)[0] == "2 products unchanged"
    nothing = catalogue.ImportSummary(source="woocommerce")  # nothing counted at all
    assert import_texts.summary_lines(nothing) == ["0 new products"]
