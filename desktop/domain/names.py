"""Names as typed or pasted: what is invisible does not make a name. Pure Python.

A name pasted from Instagram can bring zero-width spaces along; one made only of them
("\u200b\u200b") was saved and looked empty in every list (badinput #16). Unicode's
format characters (category Cf: zero-width spaces and joiners, direction marks, the
byte-order mark) and the few letters that are drawn as nothing (the Hangul fillers, the
blank Braille pattern) count as nothing at the ends of a name and as no name on their own;
inside a name they stay (a joiner holds an emoji family together: 👩‍👩‍👧).
"""

from __future__ import annotations

import re
import unicodedata

_DRAWN_AS_NOTHING = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")


def invisible(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf" or char in _DRAWN_AS_NOTHING


def clean_name(text: str) -> str:
    """``text`` without what is invisible at its ends and with its spaces as one; "" when
    nothing visible is left."""
    chars = list(text or "")
    while chars and invisible(chars[0]):
        chars.pop(0)
    while chars and invisible(chars[-1]):
        chars.pop()
    name = " ".join("".join(chars).split())
    return name if any(not invisible(c) for c in name) else ""


# Words that start a Dutch or Flemish surname ("de Vries", "van der Berg"): written in small
# letters after a first name or an initial, never a first name themselves.
_PARTICLES = frozenset({"de", "den", "der", "van", "ter", "ten", "te", "het", "'t", "’t", "op", "in", "la", "le", "du"})
# Titles an export may put before a name: a greeting then names the whole, formally
# ("Beste Mevr. de Boer,", never "Hoi mevr. de Boer,"), with the title's capital.
_TITLES = frozenset({"mevr", "mevrouw", "mw", "mej", "dhr", "heer", "meneer", "mr", "mrs", "ms", "miss", "dr", "drs",
                     "ir", "ing", "prof", "fam", "familie", "juf", "juffrouw", "meester"})
# First words of a shop's, a studio's or a club's name, not of a person's: the greeting
# names the whole ("Hoi Studio Lief,", not "Hoi Studio,"; "Hoi The Glow Club," not "Hoi The,").
_NOT_A_FIRST_NAME = frozenset({"the", "a", "an", "een", "studio", "atelier", "shop", "webshop", "winkel", "boutique",
                               "salon", "team", "stichting", "club", "huize", "café", "cafe", "bureau", "collectief"})
# First names that are two words without a hyphen, common in the Netherlands and Flanders:
# "Anne Marie Peeters" is greeted "Anne Marie" (as "Anne-Marie" is), when a surname follows.
_DOUBLE_FIRST_NAMES = frozenset({
    "anne marie", "anna maria", "anne sophie", "anna sophie", "marie louise", "marie claire", "marie jose",
    "marie josé", "marie christine", "marie therese", "marie thérèse", "marie anne", "rose marie", "ann sofie",
    "jan willem", "jan peter", "jan paul", "jan hendrik", "jan pieter", "jan kees", "jan maarten", "jan bart",
    "pieter jan", "klaas jan", "dirk jan", "gert jan", "geert jan", "henk jan", "jan jaap", "jan dirk", "jan evert"})


def _as_written(word: str) -> str:
    """A name typed all in small or all in capital letters ("nedlzs", "SANNE"), as a name
    is written: a capital at the start of each part ("anna-lena" → "Anna-Lena"), the Dutch
    IJ as one letter ("ijsbrand" → "IJsbrand"). A name with capitals of its own
    ("McKenzie", "deVries") is left as she wrote it."""
    letters = [c for c in word if c.isalpha()]
    if "." in word:  # initials: "j." → "J.", "A.B." as it is
        return word.upper() if all(c.islower() for c in letters) and _initials(word) else word
    if len(letters) <= 2 and all(c.isupper() for c in letters):
        return word  # a short name in capitals ("DJ", "AJ"): as written
    if not letters or not (all(c.islower() for c in letters) or all(c.isupper() for c in letters)):
        return word
    out, start = [], True
    lower = word.lower()
    for i, c in enumerate(lower):
        if start and c.isalpha():
            out.append(c.upper())
            start = c == "i" and lower[i + 1:i + 2] == "j"  # the IJ of IJsbrand
            continue
        out.append(c.upper() if start and c == "j" else c)
        start = c in "-'’ " if not c.isalpha() else False
    return "".join(out)


def _surname_words(words: list[str]) -> list[str]:
    """The words of a name after its first: particles in small letters, the rest as written."""
    return [w.lower() if w.lower() in _PARTICLES else _as_written(w) for w in words]


# A web address in place of a name ("lottesblog.nl", "https://lottesblog.nl/over"): a blog's.
_WEB_ADDRESS = re.compile(r"(?i:https?://|www\.)\S+$|[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}(/\S*)?$")


def greeting_name(full_name: str) -> str:
    """The name a message greets ``full_name`` by ("Hoi Sanne,"): the first name, written as
    a name is (shop exports hold names as customers typed them: "Beste nedlzs," had to be
    mended by hand in every message). A surname first with a comma ("JANSEN, ANNA") greets
    the name after the comma; after a title the title and the surname ("Dhr. Luc Janssens" →
    "Dhr. Janssens"), after two ("Dhr. en Mevr. Jansen") both; a shop's or a studio's name
    ("Studio Lief") the whole name; a double first name ("Anne Marie Peeters") both words.
    A name without a first name, an initial in its place ("J. de Vries", "A.B. Jansen") or
    a surname alone that starts with its particle ("de Vries"), and a handle or an e-mail
    address in place of a name give nothing: the greeting without a name ("Hoi,",
    "Goedendag,"), never "Hoi De Vries," or "Hoi J. de Vries," above a je body (review of
    the ready messages, greetings 1)."""
    cleaned = clean_name(full_name)
    if "@" in cleaned or _WEB_ADDRESS.match(cleaned):
        # a handle, an e-mail address or a blog's address in place of a name (an influencer
        # saved by her handle alone): the greeting without one
        return ""
    if "," in cleaned:
        surname, _comma, given = cleaned.partition(",")
        if given.strip():
            return greeting_name(given)
        cleaned = surname
    words = cleaned.split()
    if len(words) > 2 and words[0].lower() == "de" and words[1].rstrip(".").lower() in _TITLES:
        words = words[1:]  # "de heer Jansen": the title is "heer"
    if not words:
        return ""
    first = words[0]
    bare = first.rstrip(".").lower()
    if len(words) > 1 and bare in _TITLES:
        second = _second_title(words)
        if second:  # "Dhr. en Mevr. Jansen": both, to both
            return " ".join([_title(first), words[1], _title(second), *_surname_words(_surname_of(words[3:]))])
        return " ".join([_title(first), *_surname_words(_surname_of(words[1:]))])
    initial = _abbreviated(first) and (len(words) > 1 or "." in first)  # "Ø" alone is a name
    if len(words) > 1 and bare in _NOT_A_FIRST_NAME and not initial:  # "A. de Vries" is an initial
        return " ".join([_as_written(first), *_surname_words(words[1:])])
    if initial or (len(words) > 1 and bare in _PARTICLES):  # no first name to greet her by
        return ""
    if len(words) > 2 and " ".join(words[:2]).lower() in _DOUBLE_FIRST_NAMES:
        return " ".join(_as_written(w) for w in words[:2])
    return _as_written(first)


# What joins two titles of a couple: "Dhr. en Mevr. Jansen", "Mr & Mrs Smith".
_AND = frozenset({"en", "&", "+", "and", "u."})


def _second_title(words: list[str]) -> str:
    """The second title of a couple ("Dhr. en Mevr. Jansen" → "Mevr."), or ""."""
    if len(words) > 3 and words[1].lower() in _AND and words[2].rstrip(".").lower() in _TITLES:
        return words[2]
    return ""


def _abbreviated(word: str) -> bool:
    """Is ``word`` an initial or initials in place of a first name ("J", "J.", "A.B.",
    "Th.", "IJ.")?"""
    letters = [c for c in word if c.isalpha()]
    if len(letters) == 1:
        return True
    return word.endswith(".") and all(len(part) <= 2 for part in word.split(".")) and bool(letters)


def _surname_of(words: list[str]) -> list[str]:
    """The surname of a name after a title, which a greeting names without the first names
    or initials ("Dhr. Luc Janssens" → "Janssens", "Mevr. A. van der Berg" → "van der
    Berg"; audit 12, F9: "Beste Dhr. Luc Janssens," read as a form letter): from its
    first particle, else its last word."""
    for i, word in enumerate(words):
        if word.lower() in _PARTICLES:
            return words[i:]
    return words[-1:]


def _initials(word: str) -> bool:
    """Is ``word`` letters each followed by a dot ("j.", "A.B.")?"""
    return all(len(part) <= 1 for part in word.split("."))


def _title(word: str) -> str:
    """A title as a greeting writes it: its capital ("mevr." → "Mevr.", "DHR." → "Dhr.")."""
    return word[:1].upper() + word[1:].lower()


# A title as a salutation spells it (Taalunie: no abbreviation after "Beste"/"Geachte":
# "Beste heer Janssens", "Beste mevrouw De Boer", "Beste familie Jansen"); an English
# message says "Mr"/"Ms" for the Dutch titles. Other titles stay abbreviated: in Dutch in
# small letters, as Dutch writes them inside a sentence ("Beste dr. Janssens", "prof.",
# "ir."; "Beste Dr. Janssens," was sent), in English as written ("Dear Dr. Janssens,").
_SPELLED_TITLES = {
    # written out already ("Mevrouw de Boer", "Familie van Dam") or an English title typed at
    # a checkout ("Mrs. Smith"): lower case after "Beste", as the abbreviations are (review 26)
    "nl": {"dhr": "heer", "mevr": "mevrouw", "mw": "mevrouw", "fam": "familie", "mevrouw": "mevrouw",
           "heer": "heer", "meneer": "meneer", "familie": "familie", "mr": "heer", "mrs": "mevrouw",
           "ms": "mevrouw", "miss": "mevrouw", "mej": "mevrouw"},
    "en": {"dhr": "Mr", "heer": "Mr", "meneer": "Mr", "mevr": "Ms", "mw": "Ms", "mevrouw": "Ms", "mej": "Ms",
           "fam": "family", "familie": "family"},
}
# "and" between the titles of a couple: "Beste heer en mevrouw Jansen", "Dear Mr and Mrs Jansen".
_AND_IN = {"nl": "en", "en": "and"}


def _spelled(title: str, language: str, couple: bool) -> str:
    """One title as a salutation in ``language`` writes it (:data:`_SPELLED_TITLES`)."""
    spelled = _SPELLED_TITLES.get(language, {}).get(title.rstrip(".").lower())
    if spelled is None:
        return title.lower() if language == "nl" else title
    if couple and spelled == "Ms":  # a couple with one surname: "Mr and Mrs Jansen"
        return "Mrs"
    return spelled


def salutation_name(greeted: str, language: str) -> str:
    """``greeted`` (what ``greeting_name`` gave) as a greeting in ``language`` writes it: a
    Dutch title spelled out (another in small letters), and then the surname's first
    particle with its capital, as Dutch writes a surname without a first name before it
    ("Dhr. Janssens" → "heer Janssens", "Mevr. de Boer" → "mevrouw De Boer", "Dr. de Wit"
    → "dr. De Wit"; in English "Mr Janssens", "Ms de Boer", and as English writes a Dutch
    surname that starts the name, "the Van Dam family"). A couple is named both: "Dhr. en
    Mevr. Jansen" → "heer en mevrouw Jansen", "Mr and Mrs Jansen" (was "heer Jansen").
    Audit 12, F9: "Beste Dhr. Luc Janssens," read as a form letter."""
    words = greeted.split()
    if not titled(greeted):
        return greeted
    titles, rest = words[:1], words[1:]
    if _second_title(words):
        titles, rest = [words[0], words[2]], words[3:]
    spelled = [_spelled(title, language, len(titles) > 1) for title in titles]
    family = spelled == ["family"]
    if (language == "nl" or family) and rest and rest[0].lower() in _PARTICLES:
        rest = [rest[0][:1].upper() + rest[0][1:], *rest[1:]]
    if family:  # English puts it after the name: "the Jansen family", never "Fam. Jansen"
        return " ".join([*rest, "family"])
    return " ".join([f" {_AND_IN.get(language, 'and')} ".join(spelled), *rest])


def titled(greeted: str) -> bool:
    """Does ``greeted`` (what ``greeting_name`` gave) start with a title ("Mevr. de Boer")?
    Then a message is written with u throughout (``message_rules.Recipient.context``)."""
    words = greeted.split()
    return len(words) > 1 and words[0].rstrip(".").lower() in _TITLES


def product_in_message(name: str) -> str:
    """A product's name as a message to a person says it: a shop title written for search
    engines ("Toy Box Plans PDF | Stacking Wood Bins, Kids Storage Build (Digital
    Download)", as Etsy listings are) up to its first " | ", the part the shop names the
    product by (walk-through finding 14). A name without one stays whole."""
    first = (name or "").split(" | ")[0].strip()
    return first or (name or "")
