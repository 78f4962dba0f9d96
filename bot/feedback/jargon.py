"""Buzzwords: Chorus's list with plain alternatives, and the maintained lists beside it.

- Chorus's own list (JARGON) maps each buzzword to a plain alternative.
- 18F's content guide's words to avoid (CC0), less its everyday words (EIGHTEEN_F_IGNORED);
  its own exemptions ("foster (unless it's children)") are literal senses (senses.py).
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
    "endeavour": "try",
    "commencement": "start",
    # HR and corporate clichés: what every summit slide and values page says
    "culture is a journey": "what you changed",
    "leadership is a journey": "what you learned",
    "growth is a journey": "what you learned",
    "a journey, not a destination": "ongoing work",
    "our greatest asset": "what your people do",
    "our most important asset": "what your people do",
    "our most valuable asset": "what your people do",
    "future-proof": "last",
    "peel back the onion": "look closer",
    "peel back the layers": "look closer",
    "ducks in a row": "ready",
    "ducks are in a row": "ready",
    "secret sauce": "what makes it work",
    "table stakes": "the minimum",
    "drink the kool-aid": "believe it uncritically",
    "open the kimono": "share openly",
    "herding cats": "coordinating people",
    "drinking from a firehose": "too much at once",
    "helicopter view": "overview",
    "work hard, play hard": "say what the hours are",
    "bring your whole self to work": "be yourself at work",
    "run it up the flagpole": "try it out",
    "put a pin in it": "come back to it later",
    # the CV and "about us" clichés every recruiter skims past
    "results-driven": "say which results",
    "results-oriented": "say which results",
    "self-starter": "say what you started",
    "proven track record": "what you did",
    "add value": "say what it changes",
    "adds value": "say what it changes",
    "adding value": "say what it changes",
    "fast-paced environment": "busy team",
    "dynamic environment": "busy team",
    "culture of innovation": "what you try",
}
# 18F's words to avoid that a post uses in their plain sense ("the agenda", "key findings",
# "deliver a talk", "commit the change", "in order to" is retext-simplify's), or that other
# rules cover ("illegals": inclusive language; "thought leader", "utilize", "empower",
# "leverage", "robust", "going forward" are in Chorus's list with its own alternatives).
EIGHTEEN_F_IGNORED = frozenset(
    """
    agenda; advancing; collaborate; combating; commit; pledge; countering; deliver; deploy;
    dialogue; execute; focusing; impact; initiate; in order to; key; land; modify; progress;
    promote; simple; simply; user testing; drive; drive out; illegals; illegal aliens;
    thought leader; utilize; empower; leverage; robust; going forward; innovative
    """.replace("\n", " ").split(";")
)

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
# retext-simplify's list (from plainlanguage.gov) is of wordy and formal words for every kind
# of writing; in a post, most of them are the plain way to say it. Chorus applies the
# bureaucratese and legalese ("pursuant to", "aforementioned", "ascertain", "prior to", "in a
# timely manner") and leaves out, by reason:
SIMPLIFY_IGNORED = frozenset(
    # everyday words and phrases a post uses plainly
    """
    a number of; abundance; accelerate; accompany; accomplish; accordingly; accurate; acquire;
    additional; address; adjacent to; adjustment; advise; aggregate; all of; allocate;
    alleviate; along the lines of; already existing; alternatively; and/or; anticipate;
    apparent; appreciable; appropriate; approximate; as of yet; as to; as yet; assist;
    assistance; at this time; attempt; authorise; authorize; belated; benefit; benefit from;
    capability; caveat; combined; comply with; component; comprise; concerning; consequently;
    consolidate; constitutes; contains; currently; demonstrate; depart; designate; desire;
    determine; disclose; discontinue; e.g.; economical; effect; elect; eliminate; employ;
    encounter; ensure; equitable; equivalent; establish; evaluate; evident; evidenced;
    exclusively; exhibit; expedite; expertise; expiration; failed to; feasible; finalise;
    finalize; forfeit; formulate; forward; frequently; furnish; has no effect; honest truth;
    however; i.e.; identical; identify; if and when; immediately; impacted; in addition;
    in all likelihood; in between; in many cases; in order to; in order for; in relation to;
    in some instances; in terms of; in the near future; in the process of; in view of; indicate;
    indication; initial; is responsible for; it appears; it is; it is essential; limited number;
    magnitude; maximum; minimise; minimize; minimum; modify; multiple; nevertheless;
    not certain; not many; not often; not unless; not unlike; notify; numerous; objective;
    observe; obtain; on the contrary; on the other hand; one particular; operate; optimum;
    option; overall; participate; particulars; perform; permit; portion; possess; previous;
    previously; prioritise; prioritize; proceed; proficiency; provide; provided that; purchase;
    put simply; refer back; reflect; regarding; relative to; relocate; remain; remainder;
    represents; request; require; requirement; residence; retain; satisfy; selection;
    similar to; span across; strategise; strategize; subsequent; substantial; successfully
    complete; sufficient; there are; there is; therefore; the month of; the use of; time period;
    timely; took advantage of; type; various different; viable; warrant; whereas;
    whether or not; with respect to; with the exception of; witnessed; your office;
    """
    # technical or literal senses (a render, a monitor, an aircraft, interest that accrues)
    """
    accrue; aircraft; delete; function; implement; interface; maintain; methodology; monitor;
    parameters; render; submit; terminate; transmit; validate; vice; liaison;
    """
    # other rules' jobs: hedges and intensifiers (confidence), "females" (inclusive language),
    # and Chorus's own list, which has its own plain alternatives ("subsequently")
    """
    literally; very; females; pass away; shall; subsequently; utilize; utilise; first and foremost;
    state-of-the-art
    """.replace("\n", " ").split(";")
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


def _simplify() -> list[tuple[str, str]]:
    """retext-simplify's phrases Chorus applies, each with its plain replacements."""
    data = json.loads((DATA / "simplify.json").read_text(encoding="utf-8"))
    ignored = {" ".join(p.split()) for p in SIMPLIFY_IGNORED}
    return [
        (phrase, entry["replace"][0] if entry["replace"] else "")
        for phrase, entry in data["patterns"].items()
        if phrase not in ignored
    ]


def _eighteen_f() -> list[tuple[str, str]]:
    """18F's words to avoid that Chorus applies, each with 18F's "use ..." alternative."""
    data = json.loads((DATA / "18f.json").read_text(encoding="utf-8"))
    ignored = {p.strip() for p in EIGHTEEN_F_IGNORED}
    applied = []
    for entry in data["words"]:
        use = re.match(r"use (.+?)(?: or |,|$)", entry["note"])
        for word in entry["words"].split(" or "):
            if word not in ignored:
                applied.append((word, use.group(1) if use else ""))
    return applied


@cache
def jargon_book() -> Phrasebook[str]:
    """Chorus's buzzwords, proselint's phrases and Joblint's visionary words, indexed (built
    once, on first use)."""
    phrases, expressions = _maintained()
    listed = {phrase.lower() for phrase in JARGON}
    extra = [p.lower() for p in phrases]
    extra += [p for e in expressions for p in expand(e) if p not in PLATFORM_NAMES]
    unlisted = [(p, "") for p in dict.fromkeys(extra) if p not in listed]
    plainer = [(p, plain) for p, plain in _simplify() if p not in listed]
    avoid = [(p, plain) for p, plain in _eighteen_f() if p not in listed]
    return Phrasebook([*JARGON.items(), *avoid, *plainer, *unlisted], inflect=True)


def buzzwords(tokens: Tokens, text: str) -> list[Match[str]]:
    """Every buzzword in the draft with its plain alternative ("" when the list has none)."""
    return jargon_book().find(tokens, text)
