"""Passive voice: a form of "be", then a real past participle, read as an action, not a state.

"The build was broken by a bad merge" is passive; "I was surprised", "they are happily
employed", "we are prepared to lead" and "this is indeed active" are not. Irregular
participles come from retext-passive's list (MIT, bot/feedback/data/participles.json);
regular ones end in -ed and are checked against words that only look like participles.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from bot.feedback.match import Tokens

DATA = Path(__file__).parent / "data"
BE = frozenset("is are was were be been being am".split())
# Words that may stand between "be" and the participle ("was quickly fixed", "is being built").
BETWEEN = frozenset(
    "not never also already still just all often always now being then actually finally "
    "largely mostly partly fully entirely completely quickly slowly carefully".split()
)
# "very surprised", "so excited": an adverb of degree makes the participle an adjective.
DEGREE = frozenset(
    "very so too quite really extremely pretty more most less least incredibly deeply truly "
    "super fairly rather genuinely highly happily hugely utterly totally absolutely".split()
)
# Feelings and standing states: adjectives that happen to end like participles.
STATES = frozenset(
    """
    surprised excited interested tired bored pleased thrilled delighted amazed worried
    scared frightened terrified concerned confused disappointed frustrated satisfied
    impressed honored honoured humbled blessed employed unemployed self-employed prepared
    married divorced engaged qualified unqualified involved related based located situated
    supposed used convinced determined committed dedicated devoted focused focussed motivated
    inspired obsessed overwhelmed stressed exhausted relieved embarrassed annoyed irritated
    shocked stunned puzzled intrigued fascinated touched experienced skilled talented gifted
    advanced detailed complicated sophisticated organized organised connected aligned biased
    balanced limited dated crowded retired animated stoked jazzed psyched hooked excited
    assured aware acquainted accustomed entitled obliged inclined tempted unimpressed
    undecided unprepared unmotivated uninterested unconvinced overjoyed grateful
    born gone lost stuck upset broke beat spent come become been bound fed
    rested refreshed recharged energised energized caffeinated dressed seated settled sorted
    """.split()
)
# Passive only with an agent ("the work was done by the team"; "we're done" is a state).
BY_ONLY = frozenset(
    "done set left hurt known called named finished closed opened worn gotten got".split()
)
# Words ending in -ed that are not participles.
NOT_PARTICIPLES = frozenset(
    """
    indeed hundred naked wicked sacred rugged ragged jagged crooked kindred beloved
    red bed shed wed sled fled bred infrared bloodshed
    """.split()
)
EED_PARTICIPLES = frozenset("agreed freed guaranteed decreed refereed disagreed".split())
MODIFIERS = BETWEEN | DEGREE
# "It was overloaded extension leads": a participle straight before a noun is an adjective. A
# passive's participle is followed by a function word, a number or nothing ("was broken by",
# "was thrown away", "were fixed in May", "was released 3 days ago"); verbs that take two
# objects stay passive before a noun ("we were awarded funding", "I was sent emails").
AFTER_PASSIVE = frozenset(
    """
    by to in on at for with from into onto out up down off over away back as and or but nor
    the a an this that these those my our your his her their its me him us them it you i we
    they she he last yesterday today tonight tomorrow before after because when while so than
    until since again here there through across under about around together early late once
    twice every each all both some any no not only just also yet still then now ago within
    without between during against along behind beyond near per via upon if whether where
    which who whom whose what how why too very more less enough instead either neither
    """.split()
)
TWO_OBJECTS = frozenset(
    """
    given awarded offered sent shown told asked granted handed paid promised taught denied
    charged issued allowed owed lent sold brought bought served fed assigned refused
    """.split()
)
# Words ending in -ly that are adjectives, not adverbs of manner.
NOT_MANNER = frozenset("family friendly lonely lovely lively elderly early ugly holy silly".split())


@cache
def irregular_participles() -> frozenset[str]:
    """retext-passive's irregular verb forms (loaded once)."""
    data = json.loads((DATA / "participles.json").read_text(encoding="utf-8"))
    return frozenset(data["words"])


def is_participle(word: str) -> bool:
    """True for a past participle: an irregular one, or a real -ed form."""
    if word in irregular_participles():
        return True
    if len(word) < 5 or not word.endswith("ed") or word in NOT_PARTICIPLES:
        return False
    return not word.endswith("eed") or word in EED_PARTICIPLES


def _manner(word: str) -> bool:
    """An adverb of manner ("badly", "adversely", "quietly"): the verb group goes on."""
    return len(word) > 4 and word.endswith("ly") and word not in NOT_MANNER


def _before_a_noun(participle: str, after: str) -> bool:
    """True when the word after the participle is a noun it describes ("overloaded leads")."""
    return (
        participle not in TWO_OBJECTS
        and after not in AFTER_PASSIVE
        and after.isalpha()
        and not _manner(after)
    )


def passives(tokens: Tokens, text: str) -> list[tuple[int, int]]:
    """Spans of passive verb groups ("was broken by", "were written")."""
    found: list[tuple[int, int]] = []
    words, starts, ends = tokens.words, tokens.starts, tokens.ends
    count = len(words)

    def adjacent(a: int, b: int) -> bool:  # only spaces between: a comma breaks the group
        return text[ends[a] : starts[b]].isspace()

    for i, be in enumerate(words):
        if be not in BE:
            continue
        j = i + 1
        degree = False
        while j < count and j - i <= 3 and (words[j] in MODIFIERS or _manner(words[j])):
            degree = degree or words[j] in DEGREE
            j += 1
        if j >= count or not adjacent(j - 1, j):
            continue
        word = words[j]
        if degree or word in STATES or not is_participle(word):
            continue
        by = j + 1 < count and words[j + 1] == "by" and adjacent(j, j + 1)
        after = words[j + 1] if j + 1 < count and adjacent(j, j + 1) else ""
        if after and _before_a_noun(word, after):
            continue
        if (word in BY_ONLY and not by) or (
            word == "fed" and j + 1 < count and words[j + 1] == "up"
        ):
            continue
        found.append((starts[i], ends[j + 1] if by else ends[j]))
    return found
