"""Inclusive language and profanity, from maintained lists: retext-equality and cuss (MIT).

The data is vendored unchanged in bot/feedback/data/ (scripts/vendor_wordlists.py rebuilds
it from checkouts); this module decides how Chorus applies it, the way retext does:

- "or" patterns (chairman / chairwoman) are quiet when both forms stand together ("chairmen
  and chairwomen"), as retext-equality's `binary` option does.
- A phrase written with capitals ("ADD") matches only those capitals.
- Patterns whose `condition` Chorus cannot check ("when referring to a person") are left out
  rather than guessed at; so is the file of words to avoid in teaching (`condescending`:
  "just", "easy", "simply"), which is about tutorials, not posts.
- IGNORED lists, as retext's own `ignore` option does, the words whose everyday sense in a
  professional post is innocent ("host", "master's degree", "disabled the feature", "alumni").
- Profanity is cuss's "likely profane" rating (sureness 2), as retext-profanities'
  `sureness: 2`, less EVERYDAY words cuss rates too high ("welfare", "tinker").

Both lists load on first use, once per process.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

import regex

from bot.feedback.match import JOIN, Match, Phrasebook, Tokens

DATA = Path(__file__).parent / "data"

# Ordinary words for people, relationships and roles that a post uses about real people.
_PEOPLE = """
her, hers, him, his, she, he, she'd, he'd, she'll, he'll, she's, he's, herself, himself,
girl, boy, women, girls, ladies, man, boys, men, woman, lady, gentleman, gentlemen, fellow,
guy, lad, wife, husband, wives, husbands, girlfriend, boyfriend, girlfriends, boyfriends,
girlhood, boyhood, mama, mother, mom, mum, momma, mommy, papa, father, dad, pop, daddy,
mamas, mothers, moms, mums, mommas, mommies, papas, fathers, dads, daddies, daughter, son,
daughters, sons, sister, brother, sisters, brothers, niece, nephew, nieces, nephews, aunt,
uncle, aunts, uncles, kinswoman, kinsman, kinswomen, kinsmen, granny, grandma, grandmother,
grandpappy, granddaddy, gramps, grandpa, grandfather, grandmothers, grandfathers,
granddaughter, grandson, granddaughters, grandsons, bride, groom, widow, widows, widower,
widowers, stepmom, stepmother, stepdad, stepfather, stepmothers, stepfathers, stepsister,
stepbrother, stepsisters, stepbrothers, godmother, godfather, empress, queen, emperor, king,
empresses, queens, emperors, kings, princess, prince, princesses, princes, dame, lord, dames,
lords, heroine, hero, heroines, heroes, actress, actor, actresses, actors, host, hosts,
waiter, waiters, steward, stewards, alumna, alumnus, alumnae, alumni, landlord, landlords,
maternal, paternal, fraternal, maternity, paternity, females, males, sisterhood,
brotherhood, womanhood, manhood, masculinity, femininity, manliness, motherland, fatherland,
mother tongue, father tongue, own woman, own man, midwife, working mother, working wife,
miss., mrs., father of *
"""
# Words whose everyday sense is not about illness, disability, race or gender.
_EVERYDAY = """
invalid, disabled, special, challenged, depressed, binge, panic attack, insomnia,
dummy, dummyvariable, dummyvalue, dummyobject, asylum, barren, stammering, rehab, detox,
alcoholic, nuts, primitive, sophisticated technology, sophisticated culture, master,
masters, masterful, masterpiece, mastermind, masterplan, master plan, masterstroke,
master of ceremonies, master key, master copy, master the art, english master, fellowship,
hang, failed attempt, moan, moaning, latino, latina, pinoys, pinays, bi, gay rights
"""
IGNORED = frozenset(
    " ".join(phrase.split()) for phrase in (_PEOPLE + "," + _EVERYDAY).split(",") if phrase.strip()
)
SKIPPED_FILES = frozenset({"condescending"})

# Plainer suggestions for the casual words people use most, where retext's list is long.
SUGGESTIONS: dict[str, str] = {
    "guys": '"everyone", "folks" or "team"',
    "dudes": '"everyone" or "folks"',
    "dude": '"friend", or their name',
    "bro": '"friend", or their name',
    "crazy": '"wild", "surprising" or "intense"',
    "insane": '"remarkable" or "intense"',
    "insanely": '"remarkably" or "incredibly"',
    "nuts": '"wild" or "surprising"',
    "lame": '"dull" or "weak"',
    "sanity check": '"quick check"',
}

# Chorus's additions, clearly apart from retext-equality's: a gendered label on a profession.
_MARKED = ("lady", "woman", "female", "male")
_MARKED_PLURAL = ("lady", "ladies", "female", "male")  # "male nurses"; "women engineers" is a
# group's own name in many posts (networks, awards), so the plural of "woman" stays out
_PROFESSIONS = """
lawyer attorney doctor surgeon nurse engineer developer programmer pilot scientist ceo
founder boss manager executive director professor teacher driver firefighter midwife
plumber electrician mechanic builder chef designer architect dentist pharmacist paramedic
accountant judge secretary receptionist carer
""".split()


def _plural(word: str) -> str:
    if word.endswith("fe"):
        return word[:-2] + "ves"  # midwives
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"  # secretaries
    return word + "s"


EXTRA_PATTERNS: tuple[dict[str, Any], ...] = (
    {
        "id": "chorus-gendered-profession",
        "file": "chorus",
        "type": "basic",
        "condition": None,
        "considerate": ["the profession alone"],
        "inconsiderate": {
            **{f"{m} {p}": "a" for m in _MARKED for p in _PROFESSIONS},
            **{f"{m} {_plural(p)}": "a" for m in _MARKED_PLURAL for p in _PROFESSIONS},
        },
        "note": "The profession is the point; naming gender first suggests it is unusual.",
    },
    # 18F's content guide (CC0), inclusive-language.md: sensory disabilities as figures of
    # speech (and, in trivialising(), women or older relatives as a stand-in for a beginner).
    {
        "id": "18f-tone-deaf",
        "file": "18f",
        "type": "basic",
        "condition": None,
        "considerate": ["out of touch", "insensitive", "misjudged"],
        "inconsiderate": {"tone deaf": "a", "tone-deaf": "a"},
        "note": "A sensory disability as a figure of speech adds to its stigma.",
    },
)

# "I have OCD", "diagnosed with ADHD": the writer's own diagnosis, not a figure of speech.
DIAGNOSIS_BEFORE = re.compile(
    r"(?:\bi\s+have|\bi've\s+(?:got|had)|diagnosed\s+with|diagnosis\s+of|living\s+with"
    r"|\bi\s+live\s+with|people\s+with|person\s+with|someone\s+with|treatment\s+for"
    r"|symptoms\s+of)\s+(?:\w+\s+)?(?:(?:and|or)\s+|,\s*)?(?:\w+\s+)?$"
)
# "bipolar disorder", "an OCD diagnosis": the clinical name, said plainly.
CLINICAL_AFTER = re.compile(
    r"\s+(?:disorders?|disease|syndrome|diagnos[ie]s|conditions?|spectrum|patients?|episodes?"
    r"|services?|wards?|units?|clinics?|research|medication|treatment|nurses?)\b"
)


@dataclass(frozen=True)
class Term:
    """One inconsiderate phrase and what retext-equality says about it."""

    phrase: str
    pattern_id: str
    kind: str  # "basic" or "or"
    category: str  # for "or" patterns, which side ("female", "male")
    considerate: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class Found:
    """A term found in the draft, with its span."""

    start: int
    end: int
    term: Term


def load(name: str) -> dict[str, Any]:
    """A vendored data file, parsed."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


ABLIST: set[str] = set()  # ids of retext-equality's illness and disability patterns


@cache
def equality_book() -> Phrasebook[Term]:
    """retext-equality's applied phrases, indexed for matching (built once)."""
    entries: list[tuple[str, Term]] = []
    for pattern in (*load("equality.json")["patterns"], *EXTRA_PATTERNS):
        if pattern["file"] in SKIPPED_FILES or pattern.get("condition"):
            continue
        if pattern["file"] == "ablist":
            ABLIST.add(pattern["id"])
        for phrase, category in pattern["inconsiderate"].items():
            if phrase.lower() in IGNORED:
                continue
            note = pattern.get("note") or None
            if note and "(source:" in note:
                note = note.split(" (source:")[0]
            elif note and note.startswith("Source:"):
                note = None
            term = Term(
                phrase,
                pattern["id"],
                pattern["type"],
                category,
                tuple(pattern["considerate"]),
                note,
            )
            entries.append((phrase, term))
    return Phrasebook(entries)


def inconsiderate(tokens: Tokens, text: str, folded: str) -> list[Found]:
    """Inconsiderate terms in the draft, with "or" pairs ("he or she") left alone."""
    matches = equality_book().find(tokens, text)
    quiet: set[int] = set()
    for n, (here, there) in enumerate(pairwise(matches)):
        if (
            here.value.kind == "or"
            and here.value.pattern_id == there.value.pattern_id
            and here.value.category != there.value.category
            and _paired(folded, here.end, there.start)
        ):
            quiet |= {n, n + 1}
    return [
        Found(m.start, m.end, m.value)
        for n, m in enumerate(matches)
        if n not in quiet
        and not _inside_considerate(m, folded)
        and not (m.value.kind == "or" and _named(text, m.start, m.end))
        and not (m.value.phrase == "mental" and not _slang_mental(folded, m.start, m.end))
        and not (
            m.value.pattern_id in ABLIST
            and (
                DIAGNOSIS_BEFORE.search(folded[max(0, m.start - 60) : m.start])
                or CLINICAL_AFTER.match(folded, m.end)
            )
        )
    ]


# Chorus's additions for what makes light of illness or atrocity: a medical emergency as a
# figure of speech ("that deadline nearly gave me a seizure"; not "I had a panic attack before
# my talk", the writer's own experience), and "nazi" as a joke ("grammar nazi").
HYPERBOLE = re.compile(
    r"\b(?:(?:almost|nearly|practically|basically|about\s+to|literally|going\s+to|gonna)\s+"
    r"(?:gave|give|giving|had|have|having|got|caused?)\s+(?:(?:me|us|him|her|them|you)"
    r"(?:\s+(?:all|both))?\s+)?"
    r"|(?:gave|gives|give|giving)\s+(?:me|us|him|her|them|you|everyone|everybody"
    r"|(?:the|my|our|your|his|her|their)\s+(?:whole\s+|entire\s+)?\w+)(?:\s+(?:all|both))?\s+)"
    r"(?:an?\s+)?(?:(?:full-blown|actual|mild|minor)\s+)?(?P<condition>(?:panic|anxiety)\s+attacks?"
    r"|seizures?|heart\s+attacks?|strokes?|(?:nervous|mental)\s+breakdowns?|aneurysms?|ptsd"
    r"|ocd|an\s+aneurysm)\b"
)
JOKE_NAZI = re.compile(
    r"\b(?!(?:the|a|an|former|neo|anti|of|and|by|from|were|was|are|is|german|austrian|actual|real"
    r"|against|to|with|on|in|fought|fighting|fight)\b)[a-z]+[\s-]+[Nn]azis?\b|\bfemi-?nazis?\b"
)
_RELATIVES = "mother mum mom grandmother grandma gran granny nan nana grandad grandpa"
# 18F's content guide (CC0): "so simple your mother can use it" makes women or older relatives
# a stand-in for a beginner.
MOTHER_COULD = re.compile(
    rf"\b(?:your|my|his|her)\s+(?:{_RELATIVES.replace(' ', '|')})\s+(?:can|could|would)\s+"
    r"(?:(?:easily|even)\s+)?(?:use|do|understand|set\s+up|work)\b"
)
MOTHER_NOTE = "Women and older relatives are not a stand-in for a beginner."
TRIVIALISING_WORDS = frozenset(
    "attack attacks seizure seizures stroke strokes breakdown breakdowns aneurysm aneurysms ptsd "
    f"ocd nazi nazis feminazi feminazis {_RELATIVES}".split()
)
HYPERBOLE_NOTE = (
    "Using an illness or a medical emergency as a figure of speech makes light of it for people "
    "who live with it."
)
NAZI_NOTE = "Calling someone strict a 'nazi' makes light of genocide."


def trivialising(tokens: Tokens, text: str, folded: str) -> list[Found]:
    """Figures of speech that make light of illness ("gave me a panic attack"), of an
    atrocity ("grammar nazi") or of women ("so simple your mother could use it")."""
    if tokens.vocabulary.isdisjoint(TRIVIALISING_WORDS):
        return []
    found = []
    for m in HYPERBOLE.finditer(folded):
        term = Term(m.group("condition"), "chorus-hyperbole", "basic", "a", (), HYPERBOLE_NOTE)
        found.append(Found(m.start("condition"), m.end("condition"), term))
    for m in MOTHER_COULD.finditer(folded):
        considerate = ("anyone could use it", "a first-time user could use it")
        term = Term(m.group(), "18f-your-mother-could", "basic", "a", considerate, MOTHER_NOTE)
        found.append(Found(m.start(), m.end(), term))
    for m in JOKE_NAZI.finditer(text):
        said = m.group().lower()
        term = Term(said, "chorus-joke-nazi", "basic", "a", ('"stickler"', '"pedant"'), NAZI_NOTE)
        found.append(Found(m.start(), m.end(), term))
    return found


def plain(term: Term) -> str:
    """The alternatives to offer: '"everyone", "folks" or "team"' (empty when none)."""
    if term.phrase.lower() in SUGGESTIONS:
        return SUGGESTIONS[term.phrase.lower()]
    options = [f'"{c}"' for c in term.considerate[:3]]
    if len(options) > 1:
        return ", ".join(options[:-1]) + f" or {options[-1]}"
    return options[0] if options else ""


def suggestion(term: Term) -> str:
    """What to write instead, in words for the writer, with retext-equality's reason."""
    alternative = plain(term)
    advice = f"Try {alternative}." if alternative else "Try a plainer word."
    return f"{advice} {term.note}" if term.note else advice


# "Our chairwoman, Dr Ruth Amos," / "Ruth Amos, our chairwoman" / "Chairwoman Ruth Amos": the
# title of a named person is hers, as her pronouns are (retext-equality's gendered pairs are
# for roles in general, "a chairman" or "the chairman" of any board).
_HONORIFIC = (
    r"(?i:(?:dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|lady|lord|cllr|councillor|rev)\.?\s+)"
)
_CAPITAL = r"\p{Lu}[\p{Ll}'’-]+"
_NAME = rf"(?:{_HONORIFIC}?{_CAPITAL}(?:\s+{_CAPITAL}){{1,3}}|{_HONORIFIC}{_CAPITAL})"
NAMED_AFTER = regex.compile(rf"\s*,?\s*{_NAME}(?![\p{{L}}])")
NAMED_BEFORE = regex.compile(  # read backwards from the title: only the words right before it
    rf"{_NAME},?\s+(?:(?i:our|the|their|his|her|my|your|its)\s+)?(?:[\p{{Ll}}-]+\s+)?$",
    regex.REVERSE,
)


# "That night was mental!", "the office went mental": the slang, said of a thing; "mental health",
# "a mental note", "mental arithmetic" are the plain adjective before its noun.
SLANG_BEFORE = re.compile(
    r"\b(?:is|was|were|are|be|been|being|went|go|goes|going|gone|get|gets|got|getting|drives?"
    r"|drove|driving|absolutely|totally|completely|proper|properly)\s+(?:[a-z']+\s+)?$|'s\s+$"
)
SLANG_AFTER = re.compile(
    r"\s*(?:[!.?,;:)…]|$|\s(?:and|but|so|tonight|today|out|last|yesterday|again|when|after|over)\b)"
)


def _slang_mental(folded: str, start: int, end: int) -> bool:
    """True when "mental" is the slang for wild ("that night was mental!")."""
    return bool(
        SLANG_BEFORE.search(folded[max(0, start - 30) : start]) and SLANG_AFTER.match(folded, end)
    )


def _named(text: str, start: int, end: int) -> bool:
    """True when a gendered title stands beside the name of the person who holds it."""
    after = text[end : end + 80]
    if after.lstrip(" ,")[:1].isupper() and NAMED_AFTER.match(after):
        return True
    before = text[max(0, start - 60) : start]
    return "," in before and NAMED_BEFORE.search(before) is not None


def _paired(folded: str, end: int, start: int) -> bool:
    between = folded[end:start].strip()
    return between in ("", "and", "or", "/", "&") or (
        JOIN.fullmatch(folded, end, start) is not None
    )


def _inside_considerate(match: Match[Term], folded: str) -> bool:
    """'bipolar disorder' is the considerate phrase, not the inconsiderate 'bipolar'."""
    for alternative in match.value.considerate:
        alternative = alternative.lower()
        if match.value.phrase.lower() not in alternative:
            continue
        window = folded[max(0, match.start - len(alternative)) : match.end + len(alternative)]
        if alternative in window:
            return True
    return False
