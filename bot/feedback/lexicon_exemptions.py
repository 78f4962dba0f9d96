"""Literal senses that maintained lists name themselves, and a few more, for senses.py.

18F's words to avoid (CC0) exempt "leverage" in finance (lexicon_senses.py), "foster" for
children, "tackling" in contact sport, "strengthening" for bridges and structures and "going
forward" in directions; a tribe's land and a singer who is "tone deaf" are literal too.
"""

from __future__ import annotations

import re


def words(*parts: str) -> re.Pattern[str]:
    """Any of the words, whole, or with a possessive ("a fund's", "the crowbar's")."""
    return re.compile(rf"(?<![\w'-])(?:{'|'.join(parts)})(?:['’]s)?(?![\w'’])")


EXEMPTIONS: dict[str, re.Pattern[str]] = {
    # a tribe's reservation, tribal land, a nation's treaty: a people's own name for itself
    "tribe": words(
        r"reservations?",
        r"tribal",
        r"indigenous",
        r"native",
        r"first\s+nations?",
        r"sovereign\w*",
        r"treat(?:y|ies)",
        r"federally\s+recognized",
        r"pueblos?",
        r"bands?",
        r"elders?",
        r"chiefs?",
        r"clans?",
    ),
    # "tone deaf" of someone who can't hold a note
    "tone": words(
        r"sing\w*",
        r"sang",
        r"karaoke",
        r"pitch",
        r"notes?",
        r"music\w*",
        r"choirs?",
        r"tunes?",
        r"melod\w+",
        r"amusia",
    ),
    # 18F: "going forward (unless you're giving directions)"
    "going": words(
        r"roundabouts?",
        r"junctions?",
        r"crossroads",
        r"traffic\s+lights?",
        r"turn\w*",
        r"on\s+your\s+(?:left|right)",
        r"(?:left|right)\s+at",
        r"metres",
        r"meters",
        r"yards",
        r"miles",
        r"past\s+the",
        r"straight\s+on",
        r"satnav",
        r"depot",
        r"exit",
    ),
    # 18F: "foster (unless it's children)"
    "foster": words(
        r"child\w*",
        r"kids?",
        r"bab(?:y|ies)",
        r"teenagers?",
        r"care",
        r"carers?",
        r"parents?",
        r"famil(?:y|ies)",
        r"placements?",
        r"adopt\w*",
        r"homes?",
        r"kittens?",
        r"puppies",
        r"pupp?y",
        r"dogs?",
        r"cats?",
        r"animals?",
        r"rescue\w*",
        r"shelters?",
    ),
    # 18F: "tackling (unless you're referring to football or another contact sport)"
    "tackl": words(
        r"football\w*",
        r"rugby",
        r"match(?:es)?",
        r"pitch",
        r"referees?",
        r"players?",
        r"defenders?",
        r"scrums?",
        r"rucks?",
        r"tries",
        r"fouls?",
        r"hockey",
        r"tackles?",
        r"coach\w*",
        r"opponents?",
    ),
    # 18F: "strengthening (unless you're referring to bridges or other structures)"
    "strengthen": words(
        r"bridges?",
        r"beams?",
        r"walls?",
        r"foundations?",
        r"structures?",
        r"structural",
        r"steel",
        r"concrete",
        r"joists?",
        r"piers?",
        r"girders?",
        r"muscles?",
        r"bones?",
        r"core",
        r"legs?",
        r"knees?",
        r"exercises?",
    ),
}
