"""Buzzwords: Chorus's list with plain alternatives, and the maintained lists beside it.

- Chorus's own list (JARGON) maps each buzzword to a plain alternative.
- proselint's corporate speak, jargon, commercialese and pretension lists and Garner's clichés
  ("a quantum leap", "a sea change") (BSD-3-Clause), and Joblint's
  "visionary" words (MIT), vendored in bot/feedback/data/ by scripts/vendor_wordlists.py, add
  the catchphrases and coinages nobody on the team listed ("productize", "blue-sky thinking",
  "disincentivize"), less the few in everyday use (JARGON_IGNORED).

Phrases match whole words and their inflections ("thought leaders", "leveraging"); the
maintained lists load on the first draft that has one of their first words.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from bot.feedback.match import Match, Phrasebook, Tokens, expand

DATA = Path(__file__).parent / "data"

# Buzzword -> plain alternative; inflections match too ("thought leaders", "leveraging").
JARGON: dict[str, str] = {
    "synergy": "working together",
    "synergies": "shared gains",
    "leverage": "use",
    "leveraging": "using",
    "best-of-breed": "the best",
    "best in class": "the best",
    "best-in-class": "the best",
    "paradigm shift": "big change",
    "game-changing": "important",
    "game changer": "big step",
    "game-changer": "big step",
    "thought leadership": "ideas worth sharing",
    "thought leader": "expert",
    "move the needle": "make a difference",
    "circle back": "come back to it",
    "low-hanging fruit": "quick wins",
    "deep dive": "close look",
    "bandwidth": "time",
    "disruptive": "new",
    "disrupt": "change",
    "holistic": "complete",
    "robust": "solid",
    "seamless": "smooth",
    "cutting-edge": "new",
    "world-class": "excellent",
    "next-gen": "new",
    "mission-critical": "essential",
    "value-add": "benefit",
    "ideate": "come up with ideas",
    "actionable insights": "useful findings",
    "empower": "help",
    "utilize": "use",
    "utilise": "use",
    "operationalize": "put into practice",
    "north star": "main goal",
    "boil the ocean": "do everything at once",
    "synergize": "work together",
    "growth hacking": "marketing experiments",
    "growth hacker": "marketer",
    "bleeding-edge": "new",
    "next-level": "better",
    "revolutionize": "change",
    "revolutionise": "change",
    "supercharge": "speed up",
    "win-win": "good for both sides",
    "touch base": "talk",
    "core competency": "strength",
    "think outside the box": "try something new",
    "hit the ground running": "start quickly",
    "at the end of the day": "in the end",
    "take it to the next level": "improve it",
    "level up": "improve",
    # the corporate clichés of strategy decks, and the bureaucratese of internal memos
    "ahead of the curve": "early",
    "evolving landscape": "changing field",
    "changing landscape": "changing field",
    "ever-changing landscape": "changing field",
    "double down": "commit further",
    "unlock value": "create value",
    "drive outcomes": "get results",
    "alignment": "agreement",
    "going forward": "from now on",
    "learnings": "lessons",
    "deliverables": "results",
    "subsequently": "then",
}

# Entries of the maintained lists that are everyday words or jobs other rules do: "ping me" and
# "reach out" invite replies, "enlighten" and "greenfield" are plain English, "drill-down" is
# a feature of every reporting tool, and the business-letter phrases are not what posts say.
JARGON_IGNORED = frozenset(
    {
        "ping me",
        "reach(?:ed|ing)? out",
        "enlighten(?:ed|ing)?",
        "green[ -]*fields?",
        "drill-down",
        "in the affirmative",
        "in the negative",
        "per your order",
        "per your request",
        # Garner's clichés that are the plain way to say it in a post, or name a thing:
        "for free",
        "in light of",
        "decision-making process",
        "innocent bystander",
        "male chauvinism",
        # commercialese abbreviations of business letters ("inst.", "prox.", "ult.")
        r"inst\.",
        r"prox\.",
        r"ult\.",
    }
)
PATTERN = re.compile(r"[?()\[\]|*]")
PLATFORM_NAMES = frozenset({"bluesky"})  # "blue[ -]*sky" matches the network's name too


def _maintained() -> tuple[list[str], list[str]]:
    """(proselint's phrases, Joblint's visionary expressions), less the ignored ones."""
    proselint = json.loads((DATA / "jargon.json").read_text(encoding="utf-8"))
    joblint = json.loads((DATA / "joblint.json").read_text(encoding="utf-8"))
    listed = [p for found in proselint["lists"].values() for p in found if p not in JARGON_IGNORED]
    phrases = [  # a few are simple patterns: "thought leaders?", "whet (?:the|your) appetite"
        phrase
        for p in listed
        for phrase in (expand(p.lower()) if PATTERN.search(p) else [p.lower()])
    ]
    expressions = joblint["rules"]["Visionary"]["tokens"]
    return (
        [p for p in phrases if p not in JARGON_IGNORED],
        [e for e in expressions if e not in JARGON_IGNORED],
    )


@cache
def jargon_book() -> Phrasebook[str]:
    """Chorus's buzzwords, proselint's phrases and Joblint's visionary words, indexed (built
    once, on first use)."""
    phrases, expressions = _maintained()
    listed = {phrase.lower() for phrase in JARGON}
    extra = [p.lower() for p in phrases]
    extra += [p for e in expressions for p in expand(e) if p not in PLATFORM_NAMES]
    unlisted = [(p, "") for p in dict.fromkeys(extra) if p not in listed]
    return Phrasebook([*JARGON.items(), *unlisted], inflect=True)


def buzzwords(tokens: Tokens, text: str) -> list[Match[str]]:
    """Every buzzword in the draft with its plain alternative ("" when the list has none)."""
    return jargon_book().find(tokens, text)
