"""The words of the messages about one collaboration that its dialogs write: the agreement
in writing (its terms, in the influencer's language and form of address) and the request
to add the advertising label. The ending message is ``due_texts.compose_for("ending", ...)``.

Presentation: reads the store, words in the reader's language; no Qt (the dialogs in
``views/small_dialogs.py`` and ``views/influencers.py`` show what these return)."""

from __future__ import annotations

import re
from datetime import date

from desktop import clock, i18n
from desktop.domain import collaborations as collab_rules
from desktop.domain import disclosure
from desktop.i18n import N_, NBE_, NF_, NP_
from desktop.presentation import messages
from desktop.presentation.disclosure_texts import stored_state
from desktop.presentation.due_texts import compose_for, recipient
from desktop.store import influencers as ops
from desktop.store import lookups, settings
from desktop.store.shipping import parcel_gifts

TYPE_CHECKING = False  # the models only name the types here
if TYPE_CHECKING:
    from desktop.store.models import Collaboration, Content

# The terms speak to the influencer in her form of address (known only at run time):
# both forms marked here so that extraction finds them.
# TRANSLATORS: the agreed terms speak to the influencer: "je" and "u" contexts. {what}
# lists her content, e.g. "your post and your TikTok video".
_TERMS = (
    NP_("je", "You receive: {products}"), NP_("u", "You receive: {products}"),
    # {shop}: whom she got it from, as she is to name it (the mention agreed with her, else the shop's name).
    NP_("je", "Make it clear in {what} that it's an ad, e.g. with #reclame (Dutch for “advertising”) or “Gekregen "
              "van {shop}” (Dutch for “gifted by”)"),
    NP_("u", "Make it clear in {what} that it's an ad, e.g. with #reclame (Dutch for “advertising”) or “Gekregen "
             "van {shop}” (Dutch for “gifted by”)"),
    # Belgium: "Gekregen van" does not count there as disclosure (domain/disclosure.py).
    NP_("je", "Make it clear in {what} that it's an ad, e.g. with #reclame (Dutch for “advertising”)"),
    NP_("u", "Make it clear in {what} that it's an ad, e.g. with #reclame (Dutch for “advertising”)"),
    NP_("je", "Send the content for approval before posting"), NP_("u", "Send the content for approval before posting"),
    # {period}: "1 day", "3 days" (the reply time agreed).
    NP_("je", "Reply to messages within {period}"), NP_("u", "Reply to messages within {period}"),
)

# Marked in _TERMS above; looked up by these names (a literal inside a conditional
# expression was extracted a second time without its context).
_DISCLOSURE = ("Make it clear in {what} that it's an ad, e.g. with #reclame (Dutch for “advertising”) or “Gekregen "
               "van {shop}” (Dutch for “gifted by”)")
_DISCLOSURE_BE = "Make it clear in {what} that it's an ad, e.g. with #reclame (Dutch for “advertising”)"


def _whom_from(collaboration: Collaboration) -> str:
    """Whom she got it from, for "Gekregen van …": the mention agreed with her, else the
    shop's name ("" without either)."""
    if collaboration.required_mentions:
        return collaboration.required_mentions[0]
    return (settings.get("shop_name") or "").strip()


def _content_words(agreed: list[tuple[str, int]], reader: messages.Recipient) -> str:
    """"your post and your TikTok video", "je drie posts": her content of this collaboration,
    each kind once with how many of it were agreed (a review of 2026-12-05 read "Maak in je
    post duidelijk …" where three posts were agreed)."""
    catalog = i18n.translations_for(reader.lang)
    yours = catalog.pgettext(reader.context, messages.DESCRIPTIONS["deliverable_no_product"])
    counts: dict[str, int] = {}
    for kind, count in agreed:  # (kind, how many)
        counts[kind] = counts.get(kind, 0) + max(1, count or 1)
    items = [messages.fill_simple(yours, what=messages.deliverable_words({"what": kind, "count": count}, reader))
             for kind, count in (counts or {"other": 1}).items()]
    return messages.format_value(items, reader)


def agreement_terms_text(collaboration: Collaboration) -> str:
    """The agreed terms as lines in the influencer's own language (for the confirmation message)."""
    p = collaboration.person
    tr = i18n.translations_for(i18n.normalise_language(p.language))
    t = tr.gettext
    # her form of address as the message's greeting has it: "u" under a titled name
    # ("Beste mevrouw Visser"), whatever is stored (audit of 2026-12-05: "je" terms under it)
    reader = recipient(p)
    form = reader.context
    loc = i18n.formatting_locale(p.language, p.country)
    lines = []
    given = collab_rules.gifts_words(_gifts_given(collaboration), collaboration.products,
                                     lambda quantity, product: t("{quantity} × {product}").format(
                                         quantity=quantity, product=product))
    if given:
        lines.append("• " + tr.pgettext(form, "You receive: {products}").format(products=given))
    if collaboration.fee_cents:
        lines.append("• " + tr.gettext("Fee: {amount}").format(amount=i18n.format_money(collaboration.fee_cents, locale=loc)))
    deliverables = list(lookups.deliverables_by_deadline(collaboration.id))
    for d in deliverables:
        # the word as it stands in a sentence ("TikTok-video", not a label lowered to "tiktok-video")
        kind = messages.inline_kind(d.kind, tr)
        if d.deadline:
            lines.append("• " + tr.gettext("{count}× {kind}, to be posted by {date}").format(
                count=d.count, kind=kind, date=i18n.format_date(clock.to_local(d.deadline), "long", loc)))
        else:  # no deadline agreed: no date to quote (never a "…" hole)
            # TRANSLATORS: an agreed deliverable without a deadline, e.g. "1× story".
            lines.append("• " + tr.gettext("{count}× {kind}").format(count=d.count, kind=kind))
    tags = " ".join(collaboration.required_mentions + collaboration.required_hashtags)
    if tags:
        lines.append("• " + tr.gettext("Please use: {tags}").format(tags=tags))
    if collaboration.disclosure_required:
        what = _content_words([(d.kind, d.count) for d in deliverables], reader)
        # "Gekregen van" names whom from, as the label request does: without a name to give
        # it, the example was copied as it stood, naming nobody (audit of 2026-12-05)
        shop = _whom_from(collaboration)
        in_belgium = (p.country or "").upper() == "BE"
        line = tr.pgettext(form, _DISCLOSURE_BE if in_belgium or not shop else _DISCLOSURE)
        lines.append("• " + messages.fill_simple(line, what=what, shop=shop))
    if collaboration.exclusivity_days:
        lines.append("• " + tr.ngettext("No other {category} brands for {days} day after posting",
                                        "No other {category} brands for {days} days after posting",
                                        collaboration.exclusivity_days).format(
            days=collaboration.exclusivity_days, category=collaboration.exclusivity_category))
    # What the owner typed in "Do's" and "Don'ts", a point per line she typed (a second line
    # lost its bullet); a don't is named a don't: "Please note: other brands' discount codes"
    # read as an instruction to use them (review 26, messages 1). A line that says "not"
    # itself ("Geen kortingscodes …", "Never …") stands as she wrote it: "Niet doen: Geen
    # kortingscodes …" was a double negative (review of every ready message, finding 2).
    for typed in _typed_lines(collaboration.dos):
        lines.append("• " + (typed if says_not(typed) else tr.gettext("Do: {text}").format(text=typed)))
    for typed in _typed_lines(collaboration.donts):
        # TRANSLATORS: a line of the written agreement: something the influencer must not do,
        # as the shop's owner typed it under "Don'ts" (Dutch: "Niet doen: {text}").
        lines.append("• " + (typed if says_not(typed) else tr.gettext("Don't: {text}").format(text=typed)))
    if collaboration.approval_required:
        lines.append("• " + tr.pgettext(form, "Send the content for approval before posting"))
    period = i18n.days_text(collaboration.response_days, tr)
    lines.append("• " + tr.pgettext(form, "Reply to messages within {period}").format(period=period))
    if collaboration.consequence:
        lines.append("• " + tr.gettext("If the content is not posted: {consequence}").format(
            consequence=collaboration.consequence))
    return "\n".join(lines)


def _gifts_given(collaboration: Collaboration) -> list:
    """The products she receives: those the agreement names, else (a collaboration a drop
    made names none, nor in words) what its parcels hold. The gift sent is part of the deal:
    the agreement in writing left it out (the owner's two-week walk, finding 1)."""
    named = ops.gifts(collaboration)
    if named or collaboration.products.strip():
        return named
    return parcel_gifts(collaboration.id)


# Words a guideline the owner typed starts with when it says "not" itself, in Dutch or in
# English (she types in her own language): "Geen kortingscodes van andere merken", "Niet
# taggen", "Nooit …", "Vermijd …", "No discount codes", "Don't …", "Never …", "Avoid …".
# Not "zonder"/"without": "Zonder label posten" under "Niet doen" is a don't as it stands.
_NOT_FIRST = frozenset({"geen", "niet", "nooit", "niets", "niks", "nergens", "niemand", "vermijd", "vermijden",
                        "no", "not", "never", "nothing", "avoid", "don't", "don’t", "dont", "do not"})
# ...or ends with, in Dutch word order: "Kortingscodes van andere merken niet gebruiken".
_NOT_LAST = frozenset({"niet", "nooit"})


def says_not(text: str) -> bool:
    """Does a guideline as the owner typed it say "not" itself (``_NOT_FIRST`` at its start,
    a Dutch "niet"/"nooit" among its last two words)? Then a "Niet doen:"/"Don't:" before
    it makes a double negative. A "niet" inside it ("Foto's die niet scherp zijn") does not
    count: that is what not to do."""
    words = re.findall(r"[^\W\d_]+(?:['’][^\W\d_]+)?", text.lower())
    if not words:
        return False
    return words[0] in _NOT_FIRST or " ".join(words[:2]) in _NOT_FIRST or bool(_NOT_LAST & set(words[-2:]))


def _typed_lines(text: str) -> list[str]:
    """The lines of a field the owner typed, without the empty ones and a bullet of her own."""
    cleaned = (line.strip().lstrip("•-*–").strip() for line in (text or "").splitlines())
    return [line for line in cleaned if line]


def agreement_message(collaboration: Collaboration) -> str:
    """The agreement in writing, to send to the influencer (owner-editable template "agreement")."""
    return compose_for(collaboration.person, "agreement", {
        "titel": collaboration.title, "voorwaarden": agreement_terms_text(collaboration)}, clock.utcnow()).body


_KIND_OF_PLATFORM = {"tiktok": "tiktok", "youtube": "youtube"}


# A point of the advertising rules a post lacks, asked of her as a point of the request
# (the "label" template: "Could you add this?"), in words without "je" or "u" so that one
# text serves both forms. The label itself is worded in label_request_message (it names the
# shop); a point without words here is asked as the label ("platform_label" is the label's
# alternative: asked as the label).
_POINTS = {
    # TRANSLATORS: a point of the request to an influencer to add what her post lacks (after "Could
    # you add this?"; no "je"/"u"): her advertising label is hidden among the hashtags.
    "label_visible": N_("The advertising label where it stands out: at the start of the caption, not hidden among the "
                        "other hashtags"),
    # TRANSLATORS: a point of the request to an influencer to add what her post lacks (no "je"/"u"):
    # the Dutch rules ask that a video says or shows itself that it is an ad.
    "video_said": N_("A mention in the video itself that it's an ad: said or shown at the start, during the promotion "
                     "or throughout"),
    # TRANSLATORS: a point of the request to an influencer to add what her post lacks (no "je"/"u"):
    # the Belgian rules ask that a video's disclosure does not come only at its end.
    "video_not_only_end": N_("A mention in the video that it's an ad at the start or during the promotion, not only at "
                             "the end"),
    # TRANSLATORS: a point of the request to an influencer to add what her post lacks (no "je"/"u").
    "stories_first_last": N_("The advertising label in at least the first and the last story"),
    # TRANSLATORS: a point of the request to an influencer to add what her post lacks (no "je"/"u"):
    # the Belgian rules ask for the label in the language of the post.
    "post_language": N_("The advertising label in the language of the post (in Dutch, for example #reclame)"),
}


def _label_points(content: Content) -> tuple[list[str], list[str], bool, bool]:
    """What the request asks for: (the points of the rules she lacks, as codes, each asked
    on its own line; the agreed hashtags and mentions she left out; whether the label itself
    is asked for, because the caption has none that counts; whether the points are only
    ones nobody checked, asked when the owner looked and found them missing)."""
    failing, unchecked = stored_state(content)
    tags = [m for m in failing if m.startswith(("#", "@"))]
    points, label = [], False
    for item in failing:
        if item in tags:
            continue
        key = disclosure.code_key(item)
        if key in _POINTS:
            points.append(key)
        else:  # the label's own point, one Afspraak has no words for, or a version's own words
            label = True
    if not points and not label and not unchecked and (content.disclosure_ok is False or not tags):
        label = True  # a post stored as lacking its label without saying what, or nothing said at all
    only_unchecked = not points and not label and not tags and bool(unchecked)
    if only_unchecked:  # the owner looked at what nobody checked and found it missing
        keys = [disclosure.code_key(item) for item in unchecked]
        points = [key for key in keys if key in _POINTS]
        label = len(points) < len(keys)
    return list(dict.fromkeys(points)), tags, label, only_unchecked


def label_request_message(content: Content) -> str:
    """The polite request to add what a post lacks (owner-editable template "label").

    Each point of the rules she lacks is its own line, in her language (the checklist's own
    texts are the owner's, in the owner's language): a label that counts only when the
    caption has none, its place when it is hidden among the hashtags, the video's own
    mention, the first and last story. The hashtags and mentions she left out are listed as
    they are (as agreed; without a point of the rules the "label.agreed" template asks for
    them). A point nobody checked (a box left unticked) is asked for only when nothing else
    is: the pane offers it once the owner looked and found it missing."""
    collaboration = content.collaboration
    p = collaboration.person
    tr = i18n.translations_for(i18n.normalise_language(p.language))
    points, tags, label_missing, _only_unchecked = _label_points(content)
    items = []
    reader = recipient(p)
    # not linked to a deliverable (an over-delivered TikTok): named by its platform where that
    # says what it is, not "je content" (review 26)
    kind = content.deliverable.kind if content.deliverable_id else _KIND_OF_PLATFORM.get(content.platform, "other")
    story = kind == "story"
    if label_missing:
        # whom she got it from: the mention agreed with her, else the shop's name; without
        # either only #reclame is given as the example (never a "@…" hole)
        shop = _whom_from(collaboration)
        if ((p.country or "").upper() == "BE" or not shop) and story:
            # a story has no caption: the label goes in the picture
            items.append(tr.gettext("A clear advertising label in the picture, at the start of the story, e.g. #reclame "
                                    "(Dutch for “advertising”)"))
        elif (p.country or "").upper() == "BE" or not shop:
            items.append(tr.gettext("A clear advertising label at the start of the caption, e.g. #reclame (Dutch for "
                                    "“advertising”)"))
        elif story:
            items.append(tr.gettext("A clear advertising label in the picture, at the start of the story, e.g. #reclame "
                                    "(Dutch for “advertising”) or “Gekregen van {shop}” (Dutch for “gifted by”)").format(
                shop=shop))
        else:
            items.append(tr.gettext("A clear advertising label at the start of the caption, e.g. #reclame (Dutch for "
                                    "“advertising”) or “Gekregen van {shop}” (Dutch for “gifted by”)").format(shop=shop))
    items += [tr.gettext(_POINTS[key]) for key in points]
    rules = bool(items)
    if not rules:
        items = tags  # the "label.agreed" template asks for them as agreed
    else:
        # the "label" template asks in the name of the advertising rules: the shop's own tags
        # come after the label, named as agreed, never as what the rules ask (review 26)
        # TRANSLATORS: a point of the label request, after the advertising label: a hashtag or
        # mention agreed with the influencer that her post lacks, e.g. "#zilverenzo (as agreed)".
        items += [tr.pgettext("label request", "{tag} (as agreed)").format(tag=t) for t in tags]
    lines = "\n".join("• " + m for m in items)
    # {inhoud}: "je story" / "your reel": what she posted, named as the messages name it
    inhoud = _content_words([(kind, 1)], reader)
    # The rules ask for the advertising label; only tags agreed with her are asked as agreed.
    return compose_for(p, "label" if rules else "label.agreed",
                       {"titel": collaboration.title, "ontbreekt": lines, "inhoud": inhoud}, clock.utcnow()).body


# Why Afspraak moved her deadlines itself (store/shipping.py, the "deadlines moved" event's
# "why"), said to her: the first paragraph of the "agreement.moved" message.
# TRANSLATORS: to the influencer, in her form of address; Belgian readers get "pakje".
_WHY_MOVED = {
    "late_gift": NF_("Your parcel went out later than we had planned, so you get more time."),
    # a new parcel in place of the one that came back or got lost: "the parcel", not "the first
    # parcel" (untrue after a replacement that did not arrive either)
    "resent": NF_("Unfortunately the parcel didn't reach you, so we've sent a new one, and you get more time."),
    "handed_over": NF_("We gave you the gift later than we had planned, so you get more time."),
    # the gift given without a parcel, in place of the one that came back or got lost (or of a
    # replacement that did not arrive either: "the first parcel" was untrue then). Not "we gave it
    # to you ourselves": she may have collected it, or someone else brought it.
    "handed_again": NF_("Unfortunately the parcel didn't reach you, so the gift came to you later than planned. "
                        "We've moved your dates accordingly."),
}
_WHY_MOVED_BE = (
    NBE_("Your parcel went out later than we had planned, so you get more time."),
    NBE_("Unfortunately the parcel didn't reach you, so we've sent a new one, and you get more time."),
    NBE_("Unfortunately the parcel didn't reach you, so the gift came to you later than planned. "
         "We've moved your dates accordingly."),
)
# TRANSLATORS: one moved deadline in a message to the influencer: "Je reel: uiterlijk vrijdag
# 11 december (was maandag 7 december)". {what} is "your reel", "your two stories".
_MOVED_LINE = NP_("message", "{what}: by {date} (was {before})")


def moved_deadlines(version) -> list[tuple[str, int, date, date]]:
    """The deadlines a change to an agreement moved: (kind, count, new day, day before),
    from its "deliverables" term (an empty list when it moved none)."""
    old, new = (version.changes or {}).get("deliverables", ([], []))
    moved = []
    for (kind, count, before), (new_kind, new_count, after) in zip(old or [], new or []):
        if before and after and before != after and (kind, count) == (new_kind, new_count):
            moved.append((kind, count, date.fromisoformat(after), date.fromisoformat(before)))
    return moved


def moved_message(version) -> str:
    """The message that tells her Afspraak moved her deadlines (owner-editable template
    "agreement.moved"): why, each new date beside the one agreed before, and a request for a
    short "yes". For a change to an agreement that moved deadlines (``moved_deadlines``)."""
    collaboration = version.collaboration
    person = collaboration.person
    reader = recipient(person)
    catalog = i18n.translations_for(reader.lang)
    now = clock.utcnow()
    lines = []
    for kind, count, after, before in moved_deadlines(version):
        what = messages.fill_simple(messages.in_words_of(reader, messages.DESCRIPTIONS["deliverable_no_product"]),
                                    what=messages.deliverable_words({"what": kind, "count": count}, reader))
        line = messages.fill_simple(catalog.pgettext("message", _MOVED_LINE), what=what[:1].upper() + what[1:],
                                    date=messages.format_value(after, reader, now, clock.owner().tz),
                                    before=messages.format_value(before, reader, now, clock.owner().tz))
        lines.append("• " + line)
    moved_by = lookups.deadlines_moved_by(collaboration.id, version.changed_at)
    why = messages.in_words_of(reader, _WHY_MOVED[moved_by]) if moved_by in _WHY_MOVED else ""
    return compose_for(person, "agreement.moved", {
        "titel": collaboration.title, "wijzigingen": "\n".join(lines), "waarom": why}, now).body


__all__ = ["agreement_terms_text", "agreement_message", "label_request_message", "moved_deadlines", "moved_message"]
