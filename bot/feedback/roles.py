"""Who a post assumes: Joblint's rules, a generic "he", and a role given a gender.

- Joblint (MIT; the Vale package's rules, vendored in bot/feedback/data/joblint.json): the words
  that read the same in any post (job-title hype such as "rock star", sexualised words,
  "brogrammer") and the ones that only make sense in a job ad (hair such as "bearded" or
  "grizzled", "meritocratic", bro culture such as "hella"), with a "he" nobody was named for.
- Chorus's checks beside the list: "a repair guy", and "he" for "the ideal candidate".

The list loads on first use, once per process.
"""

from __future__ import annotations

import re
from collections.abc import Sequence, Set
from functools import cache

from bot.feedback import inclusive
from bot.feedback.inclusive import Found, Term
from bot.feedback.match import Match, Phrasebook, Tokens, expand

# Joblint's rules (MIT): the ones that read the same in any post, and the ones that only make
# sense in a job ad (with them, a "he" nobody was named for). Visionary (jargon) is jargon.py's and
# Profanity the profanity rule's. Less "hero", which posts use for people who are heroes, and
# "bloody", which is often literal.
JOBLINT_EVERYWHERE = ("DumbTitles", "Sexualised", "Bro:brogramm")  # "Rule:prefix": those tokens
JOBLINT_IN_JOB_ADS = ("Hair", "Meritocracy", "Bro")  # and the generic "he"
JOBLINT_IGNORED = frozenset({"hero(?:es|ic)?", "bloody"})
JOBLINT_NOTES = {
    "Hair": "Asking for beards says only men need apply.",
    "Sexualised": "Sexualised words make a professional post read as careless.",
    "Meritocracy": "'Meritocratic' tends to tell readers who don't fit in that they won't.",
    "Bro": "Bro-culture words tell many readers the team isn't for them.",
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
    r"|successful\s+candidate|competitive\s+salary"
    r"|apply\s+(?:below|in\s+the\s+comments|via\s+the\s+link)|if\s+(?:that|this)\s+sounds\s+like\s+you"
    r"|(?:looking|searching)\s+for\s+an?\s+(?:[\w-]+\s+){0,3}(?:engineer|developer|designer|sre|devops"
    r"|manager|lead|analyst|scientist|nurse|teacher|writer|marketer|recruiter|intern|architect"
    r"|administrator|admin|technician|electrician|chef|cook|driver|assistant|coordinator|specialist"
    r"|consultant|accountant|salesperson|rep|representative|programmer|hire)s?)\b"
)
PRONOUNS = frozenset({"he", "his", "him", "himself", "he'll", "he's", "he'd"})
CAPITALISED = re.compile(r"\b[A-Z][\w'-]*")
MALE_NOUN = re.compile(
    r"\b(?:man|men|guy|guys|father|son|brother|husband|boyfriend|mr|sir|he's\s+our)\b"
)
# "a shoe repair guy": a role given a gender. "a great guy" is about one man.
ROLE_GUY = re.compile(r"\b(?:a|an|the|our|your|my)\s+((?:[\w-]+\s+){1,3})(guy)\b")
NOT_ROLES = frozenset(
    "nice great good cool bad funny smart young old tall friendly lovely kind decent regular "
    "random little big same other only right wrong new lucky wise brilliant quiet".split()
)
# A generic "he" for a candidate or a user.
# "The ideal candidate", and anyone at all in a role: "every developer should write his own
# tests", "each user ... his", "if a manager ... he".
GENERIC_ROLE = re.compile(
    r"\b(?:the\s+(?:ideal\s+|right\s+|successful\s+|new\s+|best\s+|average\s+|typical\s+)?"
    r"|(?:every|each|any|no)\s+(?:[\w-]+\s+)?|(?:if|when|whenever|once)\s+an?\s+(?:[\w-]+\s+)?)"
    r"(?:candidate|applicant|hire|user|customer|reader|developer|engineer|employee|manager"
    r"|student|person|programmer|designer|writer|author|leader|founder|worker|member|contributor"
    r"|maintainer|reviewer|tester|analyst|scientist|researcher|doctor|nurse|teacher|lawyer"
    r"|accountant|pilot|driver|player|coach|owner|client|patient|visitor|professional|expert"
    r"|colleague|teammate|intern|apprentice|trainee|graduate|hiring\s+manager|team\s+member)\b"
)
PRONOUN = re.compile(r"\b(he|his|him|himself)\b(?!\s*(?:or|/)\s*(?:she|her|hers|herself)\b)")


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


def joblint_profanity_words() -> list[str]:
    """Joblint's profanity list as plain words ("damn", "fuck", "fucker", "fucking")."""
    rules = inclusive.load("joblint.json")["rules"]
    return [p for token in rules["Profanity"]["tokens"] for p in expand(token)]


@cache
def _joblint() -> tuple[Phrasebook[str], Phrasebook[str]]:
    """Joblint's rules as two phrase books (phrase -> rule): for any post, for job ads."""
    rules = inclusive.load("joblint.json")["rules"]

    def tokens(spec: str) -> list[tuple[str, str]]:
        name, _, prefix = spec.partition(":")  # "Bro:brogramm": only the tokens starting so
        return [(t, name) for t in rules[name]["tokens"] if t.startswith(prefix)]

    def book(specs: tuple[str, ...], leave: tuple[str, ...] = ()) -> Phrasebook[str]:
        left = {t for spec in leave for t, _ in tokens(spec)}
        return Phrasebook(
            (phrase, name)
            for spec in specs
            for token, name in tokens(spec)
            if token not in JOBLINT_IGNORED and token not in left
            for phrase in expand(token)
        )

    everywhere = (*JOBLINT_EVERYWHERE, "Profanity")
    return book(everywhere), book(JOBLINT_IN_JOB_ADS, leave=everywhere)


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


def gendered_roles(folded: str, sentence_ends: list[int], words: Set[str]) -> list[Found]:
    """Chorus's checks beside the lists: "a repair guy", and "he" for "the ideal candidate"."""
    found: list[Found] = []
    for m in ROLE_GUY.finditer(folded) if "guy" in folded else ():
        if m.group(1).split()[-1] not in NOT_ROLES:
            term = Term("guy", "chorus-role-guy", "basic", "male", ("person",), ROLE_NOTE)
            found.append(Found(m.start(2), m.end(2), term))
    has_he = not words.isdisjoint(PRONOUNS)  # the draft's words: "this" holds no "his"
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
