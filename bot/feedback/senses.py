"""Literal and technical senses: a word a list flags can mean something else in its sentence.

"Bandwidth" is a buzzword in "I don't have the bandwidth" and a measurement in "our Wi-Fi
bandwidth"; "low-hanging fruit" is jargon in a plan and fruit in an orchard; "bipolar" makes
light of an illness in "the weather is so bipolar" and is physics in "two bipolar magnets".
A word is read in its literal sense when its sentence has words of that sense's domain (or,
for "leverage", when it is the noun, not the verb). The buzzword and the inclusive-language
rules share this reading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.feedback.text import Draft


def _words(*words: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'-])(?:{'|'.join(words)})(?![\w'])")


# The start of a flagged word (folded) -> words of its literal domain, anywhere in its sentence.
DOMAINS: dict[str, re.Pattern[str]] = {
    "bandwidth": _words(
        r"network\w*",
        r"data",
        r"[gmk]bps",
        r"giga\w+",
        r"mega\w+",
        r"links?",
        r"memory",
        r"channels?",
        r"spectrum",
        r"throughput",
        r"upload\w*",
        r"download\w*",
        r"fib(?:re|er)",
        r"internet",
        r"connections?",
        r"wi-?fi",
        r"wireless",
        r"broadband",
        r"routers?",
        r"ethernet",
        r"cables?",
        r"isps?",
        r"radio",
        r"frequenc\w+",
        r"[gmk]?hz",
        r"signals?",
        r"[45]g",
        r"lte",
        r"cellular",
        r"latency",
        r"packets?",
        r"cdns?",
    ),
    "leverag": _words(
        r"ratios?",
        r"debts?",
        r"loans?",
        r"funds?",
        r"margins?",
        r"buyouts?",
        r"financial",
        r"levers?",
        r"equity",
        r"crowbars?",
        r"fulcrum",
        r"pry(?:ing)?",
        r"prise",
        r"torque",
        r"wrench\w*",
        r"spanners?",
        r"jacks?",
        r"pulleys?",
        r"mechanical",
        r"physics",
        r"see-?saws?",
    ),
    "synerg": _words(
        r"drugs?",
        r"antibiotics?",
        r"in\s+vitro",
        r"in\s+vivo",
        r"trials?",
        r"compounds?",
        r"doses?",
        r"dosing",
        r"therap(?:y|ies)",
        r"pharmac\w+",
        r"herbicides?",
        r"pesticides?",
        r"fungicides?",
        r"enzymes?",
        r"molecules?",
        r"muscles?",
        r"chemotherapy",
        r"antimicrobials?",
        r"bacteri\w+",
        r"vaccines?",
        r"inhibitors?",
    ),
    "low": _words(
        r"trees?",
        r"orchards?",
        r"apples?",
        r"pears?",
        r"cherr(?:y|ies)",
        r"plums?",
        r"peach(?:es)?",
        r"branch(?:es)?",
        r"ladders?",
        r"harvest\w*",
        r"gardens?",
        r"berr(?:y|ies)",
        r"vines?",
        r"figs?",
    ),
    "robust": _words(
        r"standard\s+errors?", r"regressions?", r"estimators?", r"statistics?", r"variance"
    ),
    "disrupt": _words(
        r"flights?",
        r"travel",
        r"traffic",
        r"sleep",
        r"supply",
        r"trains?",
        r"power",
        r"signals?",
        r"storms?",
        r"snow",
        r"weather",
        r"protests?",
        r"strikes?",
        r"outages?",
        r"bus(?:es)?",
        r"routes?",
        r"road(?:s|works)?",
        r"services?",
        r"lines?",
        r"timetables?",
        r"schedules?",
        r"commut\w*",
        r"rail\w*",
        r"trams?",
        r"ferr(?:y|ies)",
        r"deliver(?:y|ies)",
        r"classes",
        r"lessons?",
        r"closures?",
        r"works",
        r"construction",
        r"diversions?",
    ),
    # "holistic care" is a nursing term; "a holistic approach to synergy" is a buzzword.
    "holistic": _words(
        r"care",
        r"nurs\w+",
        r"patients?",
        r"medicine",
        r"medical",
        r"health\w*",
        r"therap(?:y|ies|ists?)",
        r"treatments?",
        r"clinical",
        r"wellbeing",
        r"well-being",
        r"residents?",
        r"midwi\w+",
    ),
    # "an electron's quantum jump" is physics.
    "quantum": _words(
        r"electrons?",
        r"photons?",
        r"atoms?",
        r"atomic",
        r"energy\s+levels?",
        r"orbitals?",
        r"physics",
        r"particles?",
        r"spectr\w+",
        r"nucle\w+",
    ),
    # "wheel alignment", "text alignment", "AI alignment" are plain technical terms.
    "alignment": _words(
        r"wheels?",
        r"tyres?",
        r"tires?",
        r"cars?",
        r"text",
        r"margins?",
        r"columns?",
        r"grids?",
        r"pixels?",
        r"css",
        r"layouts?",
        r"sequences?",
        r"genomes?",
        r"dna",
        r"proteins?",
        r"spine",
        r"posture",
        r"teeth",
        r"planets?",
        r"ai",
        r"models?",
        r"safety",
        r"lasers?",
        r"optics?",
        r"axes",
        r"axis",
    ),
    "deep": _words(
        r"scuba",
        r"diving",
        r"divers?",
        r"reefs?",
        r"ocean",
        r"sea",
        r"underwater",
        r"wrecks?",
        r"snorkel\w*",
        r"metres",
        r"meters",
        r"feet",
    ),
    "north": _words(
        r"sky", r"telescopes?", r"constellations?", r"polaris", r"astronom\w+", r"sailors?"
    ),
    "seamless": _words(
        r"stockings?",
        r"tights",
        r"knit\w*",
        r"fabrics?",
        r"garments?",
        r"tubes?",
        r"pipes?",
        r"steel",
        r"weld\w*",
        r"socks?",
    ),
    "supercharg": _words(
        r"engines?", r"turbo\w*", r"cars?", r"motors?", r"v8", r"horsepower", r"intake"
    ),
    "touch": _words(r"baseball", r"softball", r"runners?", r"innings?", r"umpires?"),
    "level": _words(
        r"games?", r"gaming", r"characters?", r"xp", r"rpgs?", r"quests?", r"dungeons?"
    ),
    "move": _words(r"gauges?", r"dials?", r"compass", r"speedometer", r"vinyl", r"sewing"),
    "paradigm": _words(
        r"programming",
        r"functional",
        r"object-oriented",
        r"declarative",
        r"imperative",
        r"kuhn\w*",
    ),
    "bipolar": _words(
        r"magnets?",
        r"magnetic",
        r"transistors?",
        r"junctions?",
        r"electrodes?",
        r"coordinates",
        r"neurons?",
        r"cells?",
        r"stepper",
        r"motors?",
        r"plates?",
        r"spindles?",
        r"cautery",
        r"voltage",
        r"current",
        r"circuits?",
        r"outputs?",
        r"poles?",
        r"polarity",
        r"world",
        r"order",
    ),
    "hanged": _words(
        r"apps?",
        r"application",
        r"programs?",
        r"process(?:es)?",
        r"computers?",
        r"laptops?",
        r"browsers?",
        r"servers?",
        r"builds?",
        r"ui",
        r"tabs?",
        r"windows?",
        r"phones?",
        r"machines?",
        r"system",
        r"debugger",
        r"terminal",
        r"ide",
        r"editor",
        r"vms?",
        r"containers?",
        r"quer(?:y|ies)",
        r"threads?",
        r"installer",
        r"software",
        r"screens?",
        r"pages?",
    ),
    "blue": _words(
        r"clouds?",
        r"cloudless",
        r"sun\w*",
        r"rain\w*",
        r"weather",
        r"clear",
        r"beach\w*",
        r"summer",
        r"birds?",
        r"flights?",
        r"horizon",
        r"sea",
        r"mountains?",
    ),
    # "the cutting edge of the knife" is the blade's
    "cutting": _words(
        r"knife",
        r"knives",
        r"blades?",
        r"saws?",
        r"chisels?",
        r"axes?",
        r"scissors",
        r"scalpels?",
        r"razors?",
        r"swords?",
        r"sharpen\w*",
        r"whetstones?",
        r"hoof",
        r"hooves",
        r"trim\w*",
    ),
    # "herding cats" at an animal shelter
    "herding": _words(
        r"kittens?",
        r"shelters?",
        r"litters?",
        r"vets?",
        r"foster\w*",
        r"animals?",
        r"pets?",
        r"farm\w*",
        r"barns?",
    ),
    "handicap": _words(r"golf\w*", r"strokes?", r"par", r"races?", r"horses?"),
    "dumb": _words(r"terminals?", r"pipes?", r"phones?", r"switch(?:es)?"),
    "lame": _words(r"ducks?"),
}
# "leverage" the noun (a lever's, a lender's, a negotiator's) is plain English; the buzzword is
# the verb ("we leverage our partners").
NOUN_BEFORE = re.compile(
    r"(?:\b(?:of|the|more|less|some|no|any|much|enough|our|their|your|its|his|her|financial"
    r"|negotiating|bargaining|political|real|gives?|gave|have|has|had|gain(?:ed)?|lose|lost|with"
    r"|for|without|little|great|huge|little)\s+)$"
)
NOUN_ONLY = frozenset({"leverage"})


BEGINNINGS = tuple(DOMAINS)


def literal(draft: Draft, start: int, end: int) -> bool:
    """True when the flagged words at text[start:end] are used in a literal or technical sense."""
    said = draft.lower[start:end]
    if said in NOUN_ONLY and NOUN_BEFORE.search(draft.lower, max(0, start - 24), start):
        return True
    if not said.startswith(BEGINNINGS):
        return False  # most flagged words have no literal sense to look for
    for beginning, domain in DOMAINS.items():
        if said.startswith(beginning):
            sentence = draft.sentence_at(start)
            if sentence and domain.search(draft.lower, sentence.start, sentence.end):
                return True
    return False
