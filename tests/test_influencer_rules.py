"""Domain rules for influencers: handles, strikes, score, disclosure, cost/return, validation."""

from datetime import date, timedelta

import pytest

from desktop import i18n
from desktop.domain import collaborations, disclosure, handles, score, spreadsheet, strikes, validation
from desktop.presentation import messages
from tests.conftest import NOW


# --- handles -------------------------------------------------------------------------

@pytest.mark.parametrize("platform,text,expected", [
    ("instagram", "@Sanne.Styled", "sanne.styled"),
    ("instagram", "  sanne.styled ", "sanne.styled"),
    ("instagram", "@ sanne.styled", "sanne.styled"),
    ("instagram", "https://www.instagram.com/Sanne.Styled/?hl=nl", "sanne.styled"),
    ("instagram", "instagram.com/sanne.styled", "sanne.styled"),
    ("tiktok", "https://www.tiktok.com/@Noor.Bakt?lang=nl", "noor.bakt"),
    ("tiktok", "@noor.bakt", "noor.bakt"),
    ("youtube", "https://www.youtube.com/@NoorBakt", "noorbakt"),
    ("youtube", "https://youtube.com/channel/UCabcdefghijklmnopqrstuv", "channel/UCabcdefghijklmnopqrstuv"),
    ("pinterest", "https://nl.pinterest.com/fleur_en_zo/", "fleur_en_zo"),
    ("blog", "https://www.MijnBlog.nl/", "mijnblog.nl"),
    ("blog", "mijnblog.nl/sieraden", "mijnblog.nl/sieraden"),
    ("instagram", "", ""),
])
def test_handles_are_normalised(platform, text, expected):
    assert handles.normalise(platform, text) == expected


@pytest.mark.parametrize("platform,text,fragment", [
    ("tiktok", "https://www.instagram.com/sanne/", "Instagram"),
    ("instagram", "https://www.instagram.com/p/Cabc123/", "post"),
    ("instagram", "sanne!styled", "sanne!styled"),
    ("blog", "not a site", "web address"),
])
def test_bad_handles_say_why(platform, text, fragment):
    i18n.set_language("en")
    with pytest.raises(handles.HandleError) as info:
        handles.normalise(platform, text)
    assert fragment in str(info.value)


def test_profile_urls_are_built_from_the_handle():
    assert handles.profile_url("instagram", "sanne.styled") == "https://www.instagram.com/sanne.styled/"
    assert handles.profile_url("tiktok", "noor") == "https://www.tiktok.com/@noor"
    assert handles.profile_url("youtube", "noor") == "https://www.youtube.com/@noor"
    assert handles.profile_url("blog", "mijnblog.nl") == "https://mijnblog.nl"
    # what we build, we read back
    for platform in ("instagram", "tiktok", "youtube", "pinterest"):
        assert handles.normalise(platform, handles.profile_url(platform, "anna_b")) == "anna_b"


# --- strikes -------------------------------------------------------------------------

def _strikes(*days_ago, lifted=None):
    return [strikes.StrikeInfo(i, NOW - timedelta(days=d), lifted) for i, d in enumerate(days_ago)]


def test_three_strikes_make_inactive():
    policy = strikes.Policy()
    assert strikes.status_after("active", _strikes(10, 5), policy, NOW) == "active"
    assert strikes.status_after("active", _strikes(10, 5, 1), policy, NOW) == "inactive"
    assert strikes.status_after("blocked", _strikes(10, 5, 1), policy, NOW) == "blocked"
    assert strikes.status_after("active", _strikes(10, 5), strikes.Policy(to_inactive=2), NOW) == "inactive"


def test_strikes_are_lifted_when_outstanding_work_is_posted():
    policy = strikes.Policy()
    three = _strikes(10, 5, 1)
    assert strikes.to_lift_on_delivery("inactive", three, policy, NOW, 1, 0) == three
    assert strikes.to_lift_on_delivery("inactive", three, policy, NOW, 2, 1) == []  # still one to go
    assert strikes.to_lift_on_delivery("active", three[:2], policy, NOW, 1, 0) == []  # warnings stay
    assert strikes.to_lift_on_delivery("inactive", three, strikes.Policy(lift_when_delivered=False), NOW, 1, 0) == []
    lifted = _strikes(10, 5, 1, lifted=NOW)
    assert strikes.status_after("inactive", lifted, policy, NOW) == "active"


def test_strikes_expire_when_the_policy_says_so():
    never = strikes.Policy()
    ninety = strikes.Policy(expiry_days=90)
    old = _strikes(200, 100, 1)
    assert strikes.status_after("active", old, never, NOW) == "inactive"
    assert strikes.status_after("active", old, ninety, NOW) == "active"
    assert len(strikes.counting(old, ninety, NOW)) == 1
    assert strikes.counts(strikes.StrikeInfo(1, NOW - timedelta(days=90)), ninety, NOW) is False
    assert strikes.counts(strikes.StrikeInfo(1, NOW - timedelta(days=89)), ninety, NOW) is True


def test_policy_reads_settings():
    values = {"strikes_to_inactive": 4, "strike_expiry_days": 30, "strikes_lift_when_delivered": False}
    assert strikes.Policy.from_settings(values.__getitem__) == strikes.Policy(4, 30, False)


# --- score ---------------------------------------------------------------------------

def test_score_from_history_with_explanation():
    i18n.set_language("en")
    d = score.DeliverableFact
    deliverables = [d(NOW - timedelta(days=30), NOW - timedelta(days=31)),  # on time
                    d(NOW - timedelta(days=20), NOW - timedelta(days=18)),  # late
                    d(NOW - timedelta(days=2), None),  # overdue
                    d(NOW + timedelta(days=5), None)]  # not due yet: not judged
    messages = [(NOW - timedelta(days=10), "out"), (NOW - timedelta(days=9), "in"),  # 1 day
                (NOW - timedelta(days=5), "out"), (NOW - timedelta(days=4, hours=12), "out"),
                (NOW - timedelta(days=2), "in")]  # 3 days since the first unanswered
    s = score.compute(deliverables, messages, [(5, 4, 5, 3)], 1, 3, NOW)
    assert score.on_time_rate(deliverables, NOW) == (1, 3)
    assert score.reply_delays(messages) == [timedelta(days=1), timedelta(days=3)]
    parts = {"on_time": 1 / 3, "replies": 1 - 1 / 6, "ratings": (4.25 - 1) / 4, "strikes": 2 / 3}
    expected = round(100 * sum(score.WEIGHTS[k] * v for k, v in parts.items()) / 100)
    assert s.value == expected
    text = s.explanation()
    assert "On time: 1 of 3 deliverables" in text and "1 strike in force" in text and "4.2 out of 5" in text


def test_score_is_none_without_history_and_perfect_when_all_is_well():
    assert score.compute([], [], [], 0, 3, NOW).value is None
    d = score.DeliverableFact(NOW - timedelta(days=3), NOW - timedelta(days=4))
    assert score.compute([d], [], [(5, 5, 5, 5)], 0, 3, NOW).value == 100
    assert score.compute([], [], [], 3, 3, NOW).value == 0  # only strikes known


# --- disclosure ----------------------------------------------------------------------

def test_caption_check_finds_required_hashtags_mentions_and_label():
    i18n.set_language("en")
    check = disclosure.check_caption(
        "Mijn nieuwe ketting! Gekregen van @ZilverEnZo #Gekregen #love", country="NL", shop_handle="@zilverenzo",
        required_hashtags=["#gekregen", "zilverenzo"], required_mentions=["zilverenzo"])
    assert check.hashtags_present == ["#gekregen"] and check.hashtags_missing == ["#zilverenzo"]
    assert check.mentions_present == ["@zilverenzo"]
    assert check.labels_found == ["gekregen van @zilverenzo"]
    assert check.disclosure_ok is True
    assert check.missing() == ["#zilverenzo"]
    assert "Reclamecode" in check.source


def test_partner_and_collab_do_not_count_in_the_netherlands():
    i18n.set_language("en")
    check = disclosure.check_caption("Mooi! #partner #collab", country="NL")
    assert check.disclosure_ok is False
    assert check.invalid_labels == ["#partner", "#collab"]
    assert any("#partner" in a for a in check.advice)
    # the platform's paid-partnership label, ticked by the owner, does count
    ticked = disclosure.check_caption("Mooi! #partner", country="NL", ticked={"platform_label": True})
    assert ticked.disclosure_ok is True


def test_belgian_rules_differ():
    i18n.set_language("en")
    nl_ok = disclosure.check_caption("Mooi #spon", country="NL")
    be = disclosure.check_caption("Mooi #spon", country="BE")
    assert nl_ok.labels_found == ["#spon"]
    assert be.labels_found == [] and be.disclosure_ok is False
    assert any("Belgium" in a for a in be.advice)
    gift = disclosure.check_caption("Mooi #gesponsord", country="BE")
    assert gift.invalid_labels == ["#gesponsord"]
    be_ok = disclosure.check_caption("#reclame Mooi", country="BE", ticked={"post_language": True})
    assert be_ok.disclosure_ok is True


def test_label_hidden_in_the_middle_of_hashtags_is_flagged():
    check = disclosure.check_caption("Zo blij\n#love #summer #reclame #style #ootd", country="NL")
    assert [i.ok for i in check.items if i.key == "label_visible"] == [False]
    check = disclosure.check_caption("Zo blij\n#love #summer #style #ootd #reclame", country="NL")
    assert [i.ok for i in check.items if i.key == "label_visible"] == [True]


@pytest.mark.parametrize("language, hidden, standing", [
    ("nl", "✗ De reclamemelding valt niet op: zet die aan het begin, in de tekst, of helemaal vooraan of "
           "achteraan in de hashtags", "✓ De melding valt op"),
    ("en", "✗ The label does not stand out: put it at the start, in the text, or at the front or end of the "
           "hashtags", "✓ The label stands out"),
])
def test_the_dialogs_check_says_a_hidden_label_does_not_stand_out(language, hidden, standing):
    """"✗ De melding valt op" read as if the label did stand out: a point the caption fails
    now says what is wrong and what to do."""
    from desktop.views.content_dialog import describe_check
    i18n.set_language(language)
    said = describe_check(disclosure.check_caption("Zo blij\n#love #reclame #style #ootd", country="NL"), True)
    assert hidden in said.splitlines() and "✓ " + standing[2:] not in said, said
    said = describe_check(disclosure.check_caption("Zo blij\n#love #style #ootd #reclame", country="NL"), True)
    assert any(line.startswith(standing) for line in said.splitlines()), said


def test_video_and_stories_get_manual_items_and_other_countries_none():
    reel = disclosure.check_caption("#reclame", country="NL", kind="reel")
    assert [i.key for i in reel.items if not i.auto] == ["video_said"]
    assert reel.disclosure_ok is None or reel.disclosure_ok is False  # not ticked yet: not OK
    assert not reel.disclosure_ok
    ticked = disclosure.check_caption("#reclame", country="NL", kind="reel", ticked={"video_said": True})
    assert ticked.disclosure_ok is True
    story = disclosure.check_caption("#reclame", country="BE", kind="story")
    assert "stories_first_last" in [i.key for i in story.items]
    assert disclosure.check_caption("#whatever", country="other").items == []
    assert disclosure.check_caption("#whatever", country="NL", disclosure_required=False).items == []


def test_every_rule_set_names_its_source():
    for rules in disclosure.RULES.values():
        assert rules.source and rules.gifted_labels and rules.paid_labels


# --- collaborations ------------------------------------------------------------------

def test_cost_and_return():
    r = collaborations.cost_and_return(900, 495, 2500, [26465, None, 1000])
    assert r.cost_cents == 3895 and r.revenue_cents == 27465 and r.net_cents == 23570
    assert r.return_ratio == pytest.approx(27465 / 3895)
    assert collaborations.cost_and_return(0, None, 0, []).return_ratio is None


def test_status_pipeline():
    assert collaborations.next_statuses("proposed")[:3] == ["proposed", "agreed", "shipped"]
    assert "ended" in collaborations.next_statuses("shipped") and "agreed" in collaborations.next_statuses("shipped")
    assert collaborations.next_statuses("ended") == ["ended"]
    assert collaborations.is_agreed("agreed") and not collaborations.is_agreed("proposed")


def test_agreement_diff_old_to_new():
    old = collaborations.terms({"title": "Ketting", "fee_cents": 0, "required_hashtags": ["#a"]},
                               [("post", 1, date(2026, 12, 1))])
    new = collaborations.terms({"title": "Ketting", "fee_cents": 2500, "required_hashtags": ["#a"]},
                               [("post", 1, date(2026, 12, 8))])
    assert collaborations.diff(old, new) == {
        "fee_cents": [0, 2500],
        "deliverables": [[["post", 1, "2026-12-01"]], [["post", 1, "2026-12-08"]]],
    }
    i18n.set_language("en")
    text = collaborations.describe_value("deliverables", new["deliverables"], i18n.format_money,
                                         lambda d: i18n.format_date(d), lambda k: k)
    assert text == "1× post by 8 Dec 2026"


def test_split_tags():
    assert collaborations.split_tags("#Gekregen, zilverenzo  #gekregen", "#") == ["#gekregen", "#zilverenzo"]
    assert collaborations.split_tags("@ZilverEnZo", "@") == ["@zilverenzo"]


# --- validation ----------------------------------------------------------------------

def test_person_validation_messages_per_field():
    i18n.set_language("en")
    errors, _ = validation.validate_person(
        {"name": "  ", "email": "sanne@"},
        [validation.HandleInput("instagram", "@sanne.styled", "-5"),
         validation.HandleInput("tiktok", "https://www.tiktok.com/@noor", "")],
        lambda platform, name: (7, "Noor Bakker") if (platform, name) == ("tiktok", "noor") else None)
    assert "name" not in errors  # her handle stands in for a name (test_message_review8: saved by her handle)
    assert "email" in errors
    assert errors["followers_instagram"] == "The number of followers can't be negative."
    assert errors["handle_tiktok"] == "@noor on TikTok already belongs to Noor Bakker."
    # editing the owner of the handle herself is fine
    errors, cleaned = validation.validate_person(
        {"name": "Noor", "tags": "Sieraden, mama #lifestyle"},
        [validation.HandleInput("tiktok", "@Noor", "12,7k")], lambda p, n: (7, "Noor"), person_id=7)
    assert errors == {}
    assert cleaned["handles"] == [("tiktok", "noor", 12700, "https://www.tiktok.com/@noor")]
    assert cleaned["tags"] == ["sieraden", "mama", "lifestyle"]


def test_collaboration_validation():
    i18n.set_language("en")
    base = {"agreed_on": date(2026, 11, 23), "fee": "", "status": "agreed"}
    d = validation.DeliverableInput
    errors, _ = validation.validate_collaboration(base, [d("post", 1, date(2026, 11, 20))], person_status="active",
                                                  is_new=True, agreed=False, changed=True, money_locale="en_GB")
    assert errors["deliverable_0"] == "The deadline is before the agreement date."
    errors, _ = validation.validate_collaboration(base, [], person_status="inactive", is_new=True, agreed=False,
                                                  changed=True, money_locale="en_GB")
    assert "deliverables" in errors and "override" in errors
    errors, cleaned = validation.validate_collaboration(
        {**base, "fee": "€ 25,00", "override": True, "required_hashtags": "gekregen #zilverenzo"},
        [d("post", 1, date(2026, 12, 1)), d("story", 3, date(2026, 12, 1))],
        person_status="inactive", is_new=True, agreed=False, changed=True, money_locale="en_GB")
    assert errors == {}
    assert cleaned["fee_cents"] == 2500 and cleaned["required_hashtags"] == ["#gekregen", "#zilverenzo"]
    errors, _ = validation.validate_collaboration(base, [d("post", 1, date(2026, 12, 1))], person_status="active",
                                                  is_new=False, agreed=True, changed=True, money_locale="en_GB")
    assert "change_reason" in errors


def test_content_validation():
    i18n.set_language("en")
    errors, _ = validation.validate_content({"url": "instagram post", "likes": "-3"}, NOW.date(), money_locale="en_GB")
    assert "url" in errors and "likes" in errors
    errors, _ = validation.validate_content({"url": "", "posted_on": date(2026, 12, 25)}, NOW.date(), money_locale="en_GB")
    assert errors["url"] == "Paste the link to the post." and "posted_on" in errors
    errors, cleaned = validation.validate_content(
        {"url": "https://www.instagram.com/p/abc/", "likes": "1.234", "revenue": "264,65"}, NOW.date(), money_locale="en_GB")
    assert errors == {} and cleaned["platform"] == "instagram"
    assert cleaned["likes"] == 1234 and cleaned["revenue_cents"] == 26465


def test_csv_cells_cannot_become_formulas():
    assert spreadsheet.safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert [spreadsheet.safe_cell(v) for v in ("+31 6", "-x", "@sanne", "Sanne", 12, None)] == \
        ["'+31 6", "'-x", "'@sanne", "Sanne", "12", ""]


def test_collaboration_messages_render_in_the_readers_language_and_form():
    i18n.set_language("en")
    values = {"titel": "Ring Golf", "reden": "de timing past niet", "winkel": "Zilver & Zo", "afzender": "Eva"}
    nl_u = messages.render("ending", values, messages.Recipient("Fleur", "nl", "NL", "u")).body
    en = messages.render("ending", dict(values, reden="timing"), messages.Recipient("Fleur", "en", "NL", "je")).body
    assert "Fleur" in nl_u and "Ring Golf" in nl_u and "Zilver & Zo" in nl_u
    assert "Thank you" in en and nl_u != en
    assert nl_u.startswith("Beste Fleur") and " u " in nl_u  # formal Dutch, whatever the UI language
    assert messages.render("ending", {}, messages.Recipient("Fleur", "nl", "NL", "je")).body.startswith("Hoi Fleur")
    label = messages.render("label", {}, messages.Recipient("Sanne", "nl", "NL", "je")).body
    assert "[" not in label and "{" not in label  # a missing value never shows, no crash
    signed = messages.render("label", {"afzender": "Eva"}, messages.Recipient("Sanne", "nl", "NL", "je"))
    assert "winkel" not in signed.incomplete  # the shop's name alone is optional...
    assert {"afzender", "winkel"} <= set(  # ...not together with the owner's (audit 9, F3)
        messages.render("label", {}, messages.Recipient("Sanne", "nl", "NL", "je")).incomplete)
    for template_id in ("agreement", "ending", "label"):  # in the editor, with every placeholder known
        assert template_id in messages.template_ids()
        for language in ("nl", "en"):
            for form in ("je", "u"):
                subject, body = messages.default_text(template_id, language, form)
                assert not messages.validate(subject) and not messages.validate(body)
