"""Advertising disclosure for influencer content in the Netherlands and Belgium.

The rules are DATA (``RULES`` below), each set with its source, so they can be updated
when the rules change without touching the checking code. Facts as collected in
November 2026 (docs: /work/shared/REFERENCE.md, "Advertising disclosure"); not legal
advice.

``check_caption`` reads a pasted caption: required hashtags and mentions of the
collaboration, a disclosure label valid in the influencer's country, and whether that
label stands out. What cannot be read from a caption (spoken in a video, first and last
story) is a checklist item the owner ticks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.i18n import N_, _

VIDEO_KINDS = ("reel", "tiktok", "youtube")


@dataclass(frozen=True)
class RuleSet:
    country: str
    source: str
    # Labels (lower case) that make gifted content recognisable as advertising.
    gifted_labels: tuple[str, ...]
    # Labels valid for paid content.
    paid_labels: tuple[str, ...]
    # Labels that do not count (any more) as disclosure.
    not_valid: tuple[str, ...]
    # Labels that count but are advised against, with the advice.
    discouraged: tuple[tuple[str, str], ...] = ()
    # The checklist's point for a label, and the advice on one that does not count, naming
    # the rules by their country's adjective ("the Dutch rules"): a country's name needs
    # an article in English ("the Netherlands") and none in a list of countries.
    label_item: str = ""
    not_counting: str = ""  # {label}
    # Checklist items the owner ticks (cannot be read from a caption): (key, text, applies to kinds or ()).
    manual_items: tuple[tuple[str, str, tuple[str, ...]], ...] = ()


RULES: dict[str, RuleSet] = {
    "NL": RuleSet(
        country="NL",
        # TRANSLATORS: where the Dutch disclosure rules come from; keep the names of the codes and bodies.
        source=N_(
            "Reclamecode Social Media & Influencer Marketing (RSM), update of 1 July 2022 "
            "(reclamecode.nl, influencerregels.com by DDMA and Stichting Reclame Code); "
            "Commissariaat voor de Media, first fine 2024 and rules of 16 June 2025"
        ),
        gifted_labels=("gekregen van @{shop}", "#ad", "#spon", "#advertentie", "#reclame",
                       "betaald partnerschap", "betaalde promotie"),
        paid_labels=("#ad", "#advertentie", "#reclame", "betaald partnerschap", "betaalde promotie"),
        not_valid=("#partner", "#collab"),
        label_item=N_("An advertising label that counts under the Dutch rules"),
        # TRANSLATORS: {label} is a hashtag such as “#partner”.
        not_counting=N_("“{label}” does not count as disclosure under the Dutch rules."),
        discouraged=(
            ("#ad", N_("The Commissariaat voor de Media judged “#ad” alone not clear enough; "
                       "“#reclame” or “#advertentie” is clearer.")),
        ),
        manual_items=(
            ("platform_label", N_("The platform's “Paid partnership” label is switched on"), ()),
            ("video_said", N_("Said or shown in the video itself (at the start, during the promotion or throughout)"),
             VIDEO_KINDS),
            ("stories_first_last", N_("In a series of stories: the label is in at least the first and the last story"),
             ("story",)),
        ),
    ),
    "BE": RuleSet(
        country="BE",
        # TRANSLATORS: where the Belgian disclosure rules come from; keep the names of the bodies.
        source=N_(
            "FOD Economie, influencer guidance 2022; JEP / Communicatie Centrum, "
            "recommendations for influencer marketing 2022"
        ),
        gifted_labels=("#reclame", "#advertentie", "#publiciteit", "#productplaatsing", "#sponsoring"),
        paid_labels=("#reclame", "#advertentie", "#publiciteit", "#productplaatsing", "#sponsoring"),
        # "#gesponsord" only fits content without agreements on posts: not a gift-for-post deal.
        not_valid=("#partner", "#collab", "#gesponsord"),
        label_item=N_("An advertising label that counts under the Belgian rules"),
        # TRANSLATORS: {label} is a hashtag such as “#partner”.
        not_counting=N_("“{label}” does not count as disclosure under the Belgian rules."),
        discouraged=(
            ("#spon", N_("Abbreviations such as “#spon” are not recommended in Belgium; use “#reclame”.")),
            ("#ad", N_("Abbreviations such as “#ad” are not recommended in Belgium; use “#reclame”.")),
        ),
        manual_items=(
            ("post_language", N_("The label is in the language of the post"), ()),
            ("video_not_only_end", N_("In a video: the disclosure does not come only at the end"), VIDEO_KINDS),
            ("stories_first_last", N_("In a series of stories: the label is in at least the first and the last story"),
             ("story",)),
        ),
    ),
}

HASHTAG = re.compile(r"#[\w\-]+", re.UNICODE)
MENTION = re.compile(r"@[\w.]+", re.UNICODE)


@dataclass
class Item:
    key: str
    text: str
    ok: bool | None  # None = not known yet (a manual item not ticked)
    auto: bool


# The two points the check reads from the caption itself (the rest are ``manual_items``):
# a label that counts (RuleSet.label_item, worded for the country's rules) and this one.
VISIBLE_TEXT = N_("The label stands out: at the start, in the text, or at the front or end of the hashtags")
# The same point's text when the caption fails it (what the content dialog's check shows; a
# missing point is stored by its key): "✗ The label stands out" read as if it did (a review
# of 2026-12-05).
# TRANSLATORS: the advertising label (#ad, #reclame) is hidden among the hashtags.
VISIBLE_MISSING = N_("The label does not stand out: put it at the start, in the text, or at the front or end of the "
                     "hashtags")

# A checklist point in what a post lacks (``Content.missing``, a posted event's "missing"):
# a code, worded when shown in the language of the moment (presentation/disclosure_texts.py),
# "item:label:NL" for the label under one country's rules, "item:<key>" for the others.
# Hashtags and mentions are kept as they are ("#gekregen", "@zilverenzo").
MISSING_ITEM = "item:"


# The label's point as versions before codes stored it, in words ("...the rules for
# Netherlands"): read back (presentation/disclosure_texts.py), never shown.
STORED_LABEL_TEXT = N_("A disclosure label that counts under the rules for {country}")
# The label's point for a country Afspraak has no rules of (stored before its rules went).
ANY_LABEL_TEXT = N_("An advertising label that counts under the local rules")
# ...and its English words before the label was called the advertising label everywhere:
# read back (presentation/disclosure_texts.py), never shown.
STORED_ANY_LABEL_TEXT = "A disclosure label that counts under the local rules"


def label_item(country: str) -> str:
    """The label's checklist point for ``country``'s rules (English, untranslated)."""
    rules = RULES.get(country)
    return rules.label_item if rules is not None else ANY_LABEL_TEXT


def item_texts() -> dict[str, str]:
    """Every checklist point's key and its (English, untranslated) text; the label's is
    ``label_item(country)``."""
    texts = {"label": ANY_LABEL_TEXT, "label_visible": VISIBLE_TEXT}
    for rules in RULES.values():
        for key, text, _kinds in rules.manual_items:
            texts.setdefault(key, text)
    return texts


@dataclass
class CaptionCheck:
    hashtags_present: list[str] = field(default_factory=list)
    hashtags_missing: list[str] = field(default_factory=list)
    mentions_present: list[str] = field(default_factory=list)
    mentions_missing: list[str] = field(default_factory=list)
    labels_found: list[str] = field(default_factory=list)
    invalid_labels: list[str] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    advice: list[str] = field(default_factory=list)
    source: str = ""
    country: str = ""  # whose rules the items are (the label's code names it)

    @property
    def disclosure_ok(self) -> bool | None:
        """True when every disclosure item is met, False when one fails, None when none apply
        or when none fails but one is not checked yet (a box the owner did not tick: not
        known, which is not "missing", review of the two-week walk)."""
        if any(i.ok is False for i in self.items):
            return False
        if not self.items or any(i.ok is None for i in self.items):
            return None
        return True

    def _code(self, item: Item) -> str:
        return MISSING_ITEM + item.key + (":" + self.country if item.key == "label" and self.country else "")

    def missing(self) -> list[str]:
        """What is missing, as stored: the hashtags and mentions as they are, the checklist
        points that fail as codes (``MISSING_ITEM``), worded when shown. A point not checked
        yet is not missing (``unchecked``)."""
        return [*self.hashtags_missing, *self.mentions_missing,
                *(self._code(i) for i in self.items if i.ok is False)]

    def unchecked(self) -> list[str]:
        """The checklist points nobody checked yet (a box left unticked), as codes."""
        return [self._code(i) for i in self.items if i.ok is None]

    def checklist(self) -> dict[str, bool | None]:
        """The points the owner ticks and how they stand, as stored (``Content.disclosure_checks``):
        True ticked, None not checked (``stored_state`` reads it back)."""
        return {i.key: i.ok for i in self.items if not i.auto}


def manual_keys() -> frozenset[str]:
    """The keys of every checklist point the owner ticks (under any country's rules)."""
    return frozenset(key for rules in RULES.values() for key, _text, _kinds in rules.manual_items)


def code_key(item: str) -> str | None:
    """The checklist point a stored item names ("item:label:NL" -> "label"), None for a
    hashtag, a mention or words."""
    if not item.startswith(MISSING_ITEM):
        return None
    return item[len(MISSING_ITEM):].partition(":")[0]


def stored_state(missing, checks) -> tuple[list[str], list[str]]:
    """What a logged post lacks and what was not checked, from what is stored (its
    ``missing`` and ``disclosure_checks``): (failing, unchecked), each as stored.

    Before the review of the two-week walk a box left unticked was stored in ``missing``
    as if the point failed ("item:video_said"): nothing else could put a ticked point's
    code there (the dialog stored only ticks), so such a code is read as not checked,
    unless the checks say it was checked and failed (False)."""
    checks = checks or {}
    failing, unchecked = [], []
    for item in missing or ():
        key = code_key(item)
        if key in manual_keys() and checks.get(key) is not False:
            unchecked.append(item)
        else:
            failing.append(item)
    for key, ok in checks.items():
        if ok is None and MISSING_ITEM + key not in unchecked:
            unchecked.append(MISSING_ITEM + key)
    return failing, unchecked


def checkable(failing, unchecked, checks) -> list[tuple[str, bool | None]]:
    """The points the owner can look at herself ("Check…"), as ``stored_state`` and the
    stored ``checks`` have them, each with how it stands: None nobody checked it yet (a box
    left unticked), False she found it missing when she looked. A point found missing can be
    looked at again: once the influencer added it after the request, it is in order. In the
    checklist's order (the order ``checks`` keeps), then points older versions stored only
    in ``missing``."""
    waiting = {code_key(item) for item in unchecked}
    points: dict[str, bool | None] = {}
    for key, ok in (checks or {}).items():
        if key in waiting:
            points[key] = None
        elif ok is False and key in manual_keys():
            points[key] = False
    for item in unchecked:
        points.setdefault(code_key(item), None)
    return list(points.items())


@dataclass(frozen=True)
class Rechecked:
    """A logged post once the owner looked at its points herself (``recheck``): what to
    store (``missing``, ``checks``, ``disclosure_ok``, as ``log_content`` stores them) and
    what changed, as codes (``MISSING_ITEM``) for the timeline."""

    missing: list[str]
    checks: dict[str, bool | None]
    disclosure_ok: bool | None
    in_order: list[str]
    found_missing: list[str]  # found missing this time (not a point already missing)
    unchecked: list[str]  # still (or again) not checked
    reopened: list[str] = field(default_factory=list)  # found missing before, now "not checked yet"

    @property
    def found(self) -> bool:
        """Did anything change (a point in order, found missing, or taken back to not
        checked)? Else there is nothing to store."""
        return bool(self.in_order or self.found_missing or self.reopened)


def recheck(failing, unchecked, checks, found: dict[str, bool | None]) -> Rechecked:
    """A logged post after the owner looked at its points herself: ``failing`` and
    ``unchecked`` as ``stored_state`` reads them, ``checks`` its stored
    ``disclosure_checks``, ``found`` {point's key: True in order, False missing, None not
    checked} for points ``checkable`` offers (another key is refused: ValueError); a point
    left out of ``found`` stays as it stands.

    A point found missing is stored as failing (its code in ``missing``, False in the
    checks), one in order leaves ``missing``; the platform's "Paid partnership" label is
    the alternative to a label in the caption (``check_caption``), so found switched on it
    meets the label's point, and found off it leaves that point the one missing. What is
    decided as ``CaptionCheck.disclosure_ok``: False when a point fails, None while one is
    not checked, else True (the agreed hashtags and mentions are no point of the rules)."""
    before = dict(checkable(failing, unchecked, checks))
    strange = set(found) - set(before)
    if strange:
        raise ValueError(f"not a point to check: {sorted(strange)}")
    checks = dict(checks or {})
    # a point she found missing before is decided again: out of what fails, then as answered now
    failing = [item for item in failing if before.get(code_key(item), True) is not False]
    in_order, now_missing, found_missing, still, reopened = [], [], [], [], []
    for key, was in before.items():
        answer = found.get(key, was)
        checks[key] = answer
        code = MISSING_ITEM + key
        if answer is None:
            still.append(code)
            if was is False:
                reopened.append(code)
        elif answer:
            in_order.append(code)
        else:
            now_missing.append(code)
            if was is not False:
                found_missing.append(code)
    label_met = checks.get("platform_label") is True
    missing = [item for item in failing if not (label_met and code_key(item) == "label")]
    # the label's own point says what is missing when the platform's label is off too
    label_missing = any(code_key(item) == "label" for item in missing)
    missing += [item for item in now_missing if not (label_missing and code_key(item) == "platform_label")]
    points = [item for item in missing if not item.startswith(("#", "@"))]
    ok = False if points else None if still else True
    return Rechecked(missing, checks, ok, in_order, found_missing, still, reopened)


def flags(missing, checks) -> bool:
    """Does a post stored with ``disclosure_ok`` False really lack its disclosure? Not when
    what made it False was only a point not checked (stored so before the review of the
    two-week walk): then its failing items are at most the agreed tags."""
    failing, unchecked = stored_state(missing, checks)
    points = [item for item in failing if not item.startswith(("#", "@"))]
    return bool(points) or not unchecked


def normalise_tag(tag: str, prefix: str) -> str:
    tag = "".join(tag.split()).lower()
    return tag if tag.startswith(prefix) else prefix + tag.lstrip("#@")


def rules_for(country: str) -> RuleSet | None:
    return RULES.get((country or "").upper())


def check_caption(
    caption: str,
    *,
    country: str,
    kind: str = "post",
    paid: bool = False,
    shop_handle: str = "",
    required_hashtags: list[str] = (),
    required_mentions: list[str] = (),
    disclosure_required: bool = True,
    ticked: dict[str, bool] | None = None,
) -> CaptionCheck:
    """Check a caption against the collaboration and the disclosure rules of ``country``."""
    ticked = ticked or {}
    text = caption or ""
    lower = text.lower()
    tags_in = [t.lower() for t in HASHTAG.findall(text)]
    mentions_in = [m.lower().rstrip(".") for m in MENTION.findall(text)]
    result = CaptionCheck()
    for tag in required_hashtags:
        wanted = normalise_tag(tag, "#")
        (result.hashtags_present if wanted in tags_in else result.hashtags_missing).append(wanted)
    for mention in required_mentions:
        wanted = normalise_tag(mention, "@")
        (result.mentions_present if wanted in mentions_in else result.mentions_missing).append(wanted)

    rules = rules_for(country)
    if not disclosure_required or rules is None:
        return result
    result.source = rules.source
    shop = normalise_tag(shop_handle, "@").lstrip("@") if shop_handle else ""
    allowed = rules.paid_labels if paid else rules.gifted_labels
    for label in allowed:
        if "{shop}" in label:
            if not shop:
                continue
            label = label.format(shop=shop)
        if _has_label(lower, tags_in, label):
            result.labels_found.append(label)
    result.invalid_labels = [label for label in rules.not_valid if label in tags_in]
    platform_label = bool(ticked.get("platform_label"))
    label_ok = bool(result.labels_found) or platform_label
    result.country = rules.country
    result.items.append(Item("label", _(rules.label_item), label_ok, True))
    if result.labels_found:
        visible = any(_stands_out(text, label) for label in result.labels_found)
        result.items.append(Item("label_visible", _(VISIBLE_TEXT if visible else VISIBLE_MISSING), visible, True))
    for key, item_text, kinds in rules.manual_items:
        if kinds and kind not in kinds:
            continue
        if key == "platform_label" and result.labels_found:
            continue  # an alternative to a caption label, not needed when one is there
        result.items.append(Item(key, _(item_text), ticked.get(key), False))
    clear_labels = [label for label in result.labels_found if label not in dict(rules.discouraged)]
    for label, advice in rules.discouraged:
        if label in tags_in and not clear_labels:
            result.advice.append(_(advice))
    for label in result.invalid_labels:
        result.advice.append(_(rules.not_counting).format(label=label))
    return result


def _has_label(lower: str, tags_in: list[str], label: str) -> bool:
    if label.startswith("#"):
        return label in tags_in
    return re.search(r"(?<![\w@#])" + re.escape(label) + r"(?![\w])", lower) is not None


def _stands_out(text: str, label: str) -> bool:
    """A hashtag label is first or last of its row of hashtags, or in the running text."""
    if not label.startswith("#"):
        return True
    for line in text.splitlines():
        words = line.split()
        tags = [w.lower().strip(".,!?") for w in words if w.startswith("#")]
        if label not in tags:
            continue
        if len(tags) == len(words) and len(tags) > 2:  # a row of hashtags only
            if tags[0] == label or tags[-1] == label:
                return True
            continue
        # in running text: it is among words, or one of a short row
        position = [w.lower().strip(".,!?") for w in words].index(label)
        row = _row_around(words, position)
        if len(row) <= 2 or row[0] == position or row[-1] == position:
            return True
    return False


def _row_around(words: list[str], position: int) -> list[int]:
    start = position
    while start > 0 and words[start - 1].startswith("#"):
        start -= 1
    end = position
    while end + 1 < len(words) and words[end + 1].startswith("#"):
        end += 1
    return list(range(start, end + 1))
