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
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from bot.feedback.match import JOIN, Match, Phrasebook, Tokens, expand

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
invalid, disabled, special, challenged, mental, depressed, binge, panic attack, insomnia,
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
_PROFESSIONS = """
lawyer attorney doctor surgeon nurse engineer developer programmer pilot scientist ceo
founder boss manager executive director professor teacher driver firefighter
""".split()
EXTRA_PATTERNS: tuple[dict[str, Any], ...] = (
    {
        "id": "chorus-gendered-profession",
        "file": "chorus",
        "type": "basic",
        "condition": None,
        "considerate": ["the profession alone"],
        "inconsiderate": {f"{m} {p}": "a" for m in _MARKED for p in _PROFESSIONS},
        "note": "The profession is the point; naming gender first suggests it is unusual.",
    },
)

# Words cuss rates "likely profane" that are ordinary in a professional post.
EVERYDAY_NOT_PROFANE = frozenset(
    """
    beanbag beanbags chunky chunkies chunkys cocky dope dumb stupid idiot moron retard retarded
    slave gypsy gypsies gypsys redskin redskins tranny trannie transvestite homo japs
    bung bong dong flange chug chugs dink dinks ero fu barf booby booty commie dahmer carruth
    fatah dix evl floo forni geni gora goras hork kwa mams mau maus nudger orga panti payo
    pom poms pommy rigger redleg redlegs skum swalow wab welcher whash wn yellowman gables
    geez jeez geezer hobo jig jigs jigger jiggers jiggy kum looser loser muncher niggard
    niggarded niggarding niggardliness niggardlinesss niggards niggle niggled niggles niggling
    nigglings nip noonan piker pimp poo poop puke pud quickie raper rearend rere scallywag
    sexed shav sissy sooty spit spitter spunky stringer taff tang teste thirdeye tinker
    tinkers triplex turnon uck usama vomit welfare whacker whiz yank yanks crap crappy krap
    cracka cooly coolie eight ball eight balls stuinties beaney beaneys getiton hotdamn
    hottotrot wuss weenie twinkie juggalo reefer limey limy hoser smut sucker bogan chav
    hillbilly hillbillies redneck rednecks gringo gringos mofo horney
    """.split()
)
PROFANITY_SURENESS = 2
# Joblint's rules (MIT): the ones that read the same in any post, and the ones that only make
# sense in a job ad (with them, a "he" nobody was named for). Visionary (jargon) is jargon.py's and
# Profanity the profanity rule's. Less "hero", which posts use for people who are heroes, and
# "bloody", which is often literal.
JOBLINT_EVERYWHERE = ("DumbTitles", "Sexualised")
JOBLINT_IN_JOB_ADS = ("Hair", "Meritocracy")  # and the generic "he"
JOBLINT_IGNORED = frozenset({"hero(?:es|ic)?", "bloody"})
JOBLINT_NOTES = {
    "Hair": "Asking for beards says only men need apply.",
    "Sexualised": "Sexualised words make a professional post read as careless.",
    "Meritocracy": "'Meritocratic' tends to tell readers who don't fit in that they won't.",
}
# A post is a job ad when it hires, asks for candidates, or lists requirements.
JOB_AD = re.compile(
    r"\b(?:we're\s+hiring|we\s+are\s+hiring|now\s+hiring|(?:is|are)\s+hiring|hiring\s+(?:a|an|for"
    r"|our|two|three|\d+)\b|join\s+(?:our|the|my)\s+(?:[\w-]+\s+){0,2}(?:team|startup|company|crew)"
    r"|apply\s+(?:now|today|here|by|at|via|through)|candidates?|applicants?|open\s+(?:roles?"
    r"|positions?)|job\s+(?:openings?|ads?|adverts?|posts?|postings?|descriptions?)"
    r"|(?:we're|we\s+are)\s+looking\s+for\s+(?:a|an|someone|people|engineers|developers)"
    r"|years\s+of\s+experience|nice\s+to\s+have|requirements?\s*:"
    r"|(?:he|she|they|you)\s+(?:should|must|will\s+need\s+to)\s+(?:be\s+able\s+to|have\s+\d)"
    r"|successful\s+candidate|competitive\s+salary)\b"
)
PRONOUNS = frozenset({"he", "his", "him", "himself"})
CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
MALE_NOUN = re.compile(
    r"\b(?:man|men|guy|guys|father|son|brother|husband|boyfriend|mr|sir|he's\s+our)\b"
)
# "I have OCD", "diagnosed with ADHD": the writer's own diagnosis, not a figure of speech.
DIAGNOSIS_BEFORE = re.compile(
    r"(?:\bi\s+have|\bi've\s+(?:got|had)|diagnosed\s+with|diagnosis\s+of|living\s+with"
    r"|\bi\s+live\s+with|people\s+with|person\s+with|someone\s+with|treatment\s+for"
    r"|symptoms\s+of)\s+(?:\w+\s+)?$"
)
# "a shoe repair guy": a role given a gender. "a great guy" is about one man.
ROLE_GUY = re.compile(r"\b(?:a|an|the|our|your|my)\s+((?:[\w-]+\s+){1,3})(guy)\b")
NOT_ROLES = frozenset(
    "nice great good cool bad funny smart young old tall friendly lovely kind decent regular "
    "random little big same other only right wrong new lucky wise brilliant quiet".split()
)
# A generic "he" for a candidate or a user.
GENERIC_ROLE = re.compile(
    r"\bthe\s+(?:ideal\s+|right\s+|successful\s+|new\s+|best\s+|average\s+|typical\s+)?"
    r"(?:candidate|applicant|hire|user|customer|reader|developer|engineer|employee|manager"
    r"|student|person)\b"
)
PRONOUN = re.compile(r"\b(he|his|him|himself)\b(?!\s*(?:or|/)\s*(?:she|her|hers|herself)\b)")


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


def _load(name: str) -> dict[str, Any]:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


ABLIST: set[str] = set()  # ids of retext-equality's illness and disability patterns


@cache
def equality_book() -> Phrasebook[Term]:
    """retext-equality's applied phrases, indexed for matching (built once)."""
    entries: list[tuple[str, Term]] = []
    for pattern in (*_load("equality.json")["patterns"], *EXTRA_PATTERNS):
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


@cache
def profanity_book() -> Phrasebook[str]:
    """cuss's likely-profane words and their plurals, less everyday words (built once)."""
    words = _load("profanities.json")["words"]
    entries: list[tuple[str, str]] = []
    for word, sureness in words.items():
        if sureness < PROFANITY_SURENESS or word in EVERYDAY_NOT_PROFANE:
            continue
        entries.append((word, word))
        if word.isalpha() and not word.endswith("s"):
            entries.append((word + "s", word))
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
        and not (
            m.value.pattern_id in ABLIST
            and DIAGNOSIS_BEFORE.search(folded[max(0, m.start - 40) : m.start])
        )
    ]


def joblint_terms(
    tokens: Tokens, text: str, folded: str, sentences: Sequence[tuple[int, int]]
) -> list[Found]:
    """Joblint's words: job-title hype ("ninja", "rock star") and sexualised words anywhere;
    hair ("beards"), "meritocratic" and a "he" nobody was named for only in a job ad."""
    everywhere, in_job_ads = _joblint()
    found = [
        _joblint_found(m, text) for m in everywhere.find(tokens, text) if m.value != "Profanity"
    ]
    job_ad_words = in_job_ads.find(tokens, text)
    if (job_ad_words or not tokens.vocabulary.isdisjoint(PRONOUNS)) and JOB_AD.search(folded):
        found += [_joblint_found(m, text) for m in job_ad_words]
        found += _generic_he(text, folded, sentences)
    return found


def _joblint_found(match: Match[str], text: str) -> Found:
    rule, said = match.value, text[match.start : match.end].lower()
    term = Term(said, f"joblint-{rule.lower()}", "basic", "a", (), JOBLINT_NOTES.get(rule))
    return Found(match.start, match.end, term)


def joblint_profanities(tokens: Tokens, text: str) -> list[Match[str]]:
    """Joblint's profanity list ("damn", "shit"): what a professional post should not say,
    whatever cuss rates the word."""
    everywhere, _ = _joblint()
    return [m for m in everywhere.find(tokens, text) if m.value == "Profanity"]


@cache
def _joblint() -> tuple[Phrasebook[str], Phrasebook[str]]:
    """Joblint's rules as two phrase books (phrase -> rule): for any post, for job ads."""
    rules = _load("joblint.json")["rules"]

    def book(names: tuple[str, ...]) -> Phrasebook[str]:
        return Phrasebook(
            (phrase, name)
            for name in names
            for token in rules[name]["tokens"]
            if token not in JOBLINT_IGNORED
            for phrase in expand(token)
        )

    return book((*JOBLINT_EVERYWHERE, "Profanity")), book(JOBLINT_IN_JOB_ADS)


def _generic_he(text: str, folded: str, sentences: Sequence[tuple[int, int]]) -> list[Found]:
    """In a job ad, a "he" with nobody named before it means the person to be hired."""
    found: list[Found] = []
    starts = {start for start, _ in sentences}
    for pronoun in PRONOUN.finditer(folded):
        before = folded[max(0, pronoun.start() - 7) : pronoun.start()].rstrip()
        if before.endswith(("or", "/")) or MALE_NOUN.search(folded, 0, pronoun.start()):
            continue
        named = any(
            m.start() not in starts and m.group() != "I"
            for m in CAPITALISED.finditer(text, 0, pronoun.start())
        )
        if not named:
            term = Term(pronoun.group(), "joblint-gendered", "basic", "male", ("they",), HE_NOTE)
            found.append(Found(pronoun.start(), pronoun.end(), term))
    return found


def gendered_roles(folded: str, sentence_ends: list[int]) -> list[Found]:
    """Chorus's checks beside the lists: "a repair guy", and "he" for "the ideal candidate"."""
    found: list[Found] = []
    for m in ROLE_GUY.finditer(folded) if "guy" in folded else ():
        if m.group(1).split()[-1] not in NOT_ROLES:
            term = Term("guy", "chorus-role-guy", "basic", "male", ("person",), ROLE_NOTE)
            found.append(Found(m.start(2), m.end(2), term))
    has_he = " he " in folded or "his " in folded or " him" in folded
    for role in GENERIC_ROLE.finditer(folded) if has_he else ():
        later = [e for e in sentence_ends if e > role.end()][:2]
        end = later[-1] if later else len(folded)
        for pronoun in PRONOUN.finditer(folded, role.end(), end):
            if folded[max(0, pronoun.start() - 7) : pronoun.start()].rstrip().endswith(("or", "/")):
                continue  # "she or he"
            term = Term(pronoun.group(), "chorus-generic-he", "basic", "male", ("they",), HE_NOTE)
            found.append(Found(pronoun.start(), pronoun.end(), term))
    return found


ROLE_NOTE = "Naming a gender in a role suggests who is expected to do it."
HE_NOTE = "A generic 'he' for someone not yet known leaves out everyone else; 'they' fits."


def profanities(tokens: Tokens, text: str) -> list[Match[str]]:
    """Likely-profane words in the draft (cuss's, and Joblint's for professional posts)."""
    found = profanity_book().find(tokens, text)
    taken = {(m.start, m.end) for m in found}
    more = [m for m in joblint_profanities(tokens, text) if (m.start, m.end) not in taken]
    return sorted([*found, *more], key=lambda m: m.start) if more else found


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
