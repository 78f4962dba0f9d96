"""The writer's voice: openings, hedges, apologies, self-deprecation, stances and asks.

Everything here matches the draft's folded text (lower case, straight apostrophes), which
keeps every character where it is, so a match's span is a span of the draft.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Set
from functools import lru_cache
from typing import NamedTuple

from bot.feedback.chars import merged
from bot.feedback.match import FIRST_WORDS, Phrasebook, Tokens, tokenize


class WordMatch(NamedTuple):
    """Where a phrase of a word list was found, shaped like a regex match."""

    begin: int
    finish: int
    phrase: str

    def start(self) -> int:
        """Where the phrase starts."""
        return self.begin

    def end(self) -> int:
        """Where the phrase ends."""
        return self.finish

    def span(self) -> tuple[int, int]:
        """(start, end)."""
        return self.begin, self.finish

    def group(self) -> str:
        """The phrase as the list has it."""
        return self.phrase


@lru_cache(maxsize=8)
def words_of(folded: str) -> Tokens:
    """The words of folded text, tokenized once however many word lists read them."""
    return tokenize(folded)


class WordList:
    """Phrases matched as whole words of folded text: a dictionary look-up per word, not a
    regular expression with one alternative per phrase (several times faster on a post)."""

    def __init__(self, words: Iterable[str]) -> None:
        self.book = Phrasebook((w.lower().replace("’", "'"), w.lower()) for w in words)

    def finditer(self, folded: str) -> list[WordMatch]:
        """Every match in the folded text, in order."""
        return [
            WordMatch(m.start, m.end, m.value) for m in self.book.find(words_of(folded), folded)
        ]

    def search(self, folded: str) -> WordMatch | None:
        """The first match, if any."""
        found = self.finditer(folded)
        return found[0] if found else None


def phrases(words: Iterable[str]) -> WordList:
    """A word list: any of the phrases, as whole words (hyphens and spaces alike)."""
    return WordList(words)


def windows(
    folded: str, anchors: Iterable[str], before: int, after: int, words: Set[str] | None = None
) -> list[tuple[int, int]]:
    """Stretches of folded text around each occurrence of an anchor word (merged where they
    overlap): a long pattern read only there costs a few string searches instead of a scan of
    the whole post. With `words` (the draft's), anchors it lacks are not even searched for."""
    spans: list[tuple[int, int]] = []
    for anchor in anchors:
        if words is not None and anchor not in words:
            continue
        at = folded.find(anchor)
        while at >= 0:
            spans.append((max(0, at - before), min(len(folded), at + len(anchor) + after)))
            at = folded.find(anchor, at + 1)
    return merged(spans)


def found_around(
    pattern: re.Pattern[str],
    folded: str,
    anchors: Iterable[str],
    reach: tuple[int, int],
    words: Set[str] | None = None,
) -> list[re.Match[str]]:
    """Every match of a pattern in the windows around its anchor words (see `windows`)."""
    return [
        m
        for start, end in windows(folded, anchors, *reach, words)
        for m in pattern.finditer(folded, start, end)
    ]


class Anchored:
    """A long pattern tried only where one of the words it can start with stands: a dictionary
    look-up per word instead of the regex engine trying every position of the post. `starts`
    must hold every word a match can begin with (tests/feedback check it against scanning)."""

    def __init__(self, pattern: re.Pattern[str], starts: Iterable[str]) -> None:
        self.pattern = pattern
        self.starts = tuple(starts)
        FIRST_WORDS.update(self.starts)  # so a draft's words record where these stand

    def finditer(self, folded: str) -> list[re.Match[str]]:
        """Every non-overlapping match, left to right, as `pattern.finditer` would find them."""
        tokens = words_of(folded)
        here = [word for word in self.starts if word in tokens.vocabulary]
        at = sorted({i for word in here for i in tokens.positions_of(word)})
        found: list[re.Match[str]] = []
        taken_to = 0
        for i in at:
            start = tokens.starts[i]
            if start < taken_to:
                continue
            m = self.pattern.match(folded, start)
            if m:
                found.append(m)
                taken_to = m.end()
        return found


def patterns(*bodies: str, first_letters: str = "") -> re.Pattern[str]:
    """One pattern of several regular expressions, each matched as whole words.

    `first_letters` (every letter a match can start with) lets the stdlib engine skip most
    positions at once: it halves the time of a long alternation on a post.
    """
    start = rf"\b(?<!')(?=[{first_letters}])" if first_letters else r"(?<![\w'])"
    return re.compile(rf"{start}(?:{'|'.join(bodies)})(?![\w'])")


# Hedges and minimisers: each one is small; many of them read as asking permission.
HEDGES = phrases(
    [
        "i think",
        "i guess",
        "i feel like",
        "i suppose",
        "i believe",
        "i would argue",
        "i'd argue",
        "i would say",
        "i'd say",
        "it seems",
        "seems like",
        "just",
        "maybe",
        "perhaps",
        "probably",
        "possibly",
        "kind of",
        "sort of",
        "kinda",
        "sorta",
        "a little bit",
        "a bit",
        "somewhat",
        "hopefully",
        "not sure if",
        "i'm not sure",
        "i am not sure",
        "might be",
        "in my humble opinion",
        "imho",
        "i hope this",
        "or something",
        "so to speak",
        "you could say",
        "in a way",
        "more or less",
    ]
)
# Hedges said as a clause: a degree qualifier ("to a certain degree", "in a sense"), or asking
# the reader for reassurance ("Does this make sense?") or for leave ("if that's okay").
HEDGE_CLAUSES = patterns(
    r"to\s+(?:(?:a|an)\s+(?:certain\s+|large\s+|great\s+|some\s+|limited\s+)?|some\s+)"
    r"(?:degree|extent)",
    r"in\s+(?:a|some)\s+(?:sense|ways?)",
    r"up\s+to\s+a\s+point",
    r"(?:does|did|do)\s+(?:this|that|it|any\s+of\s+(?:this|that))\s+(?:even\s+)?make\s+"
    r"(?:any\s+)?sense",
    r"(?:if|hope|hopefully)\s+(?:this|that|it)\s+makes\s+(?:any\s+)?sense",
    r"(?:am\s+i|are\s+we)\s+making\s+(?:any\s+)?sense",
    r"if\s+(?:that's|that\s+is|it's|it\s+is|this\s+is)\s+(?:ok|okay|alright|all\s+right|fine|cool)",
    r"is\s+(?:that|this|it)\s+(?:ok|okay|alright|all\s+right)(?=\s*\?)",
    r"if\s+you\s+(?:don't|do\s+not)\s+mind",
    r"if\s+i\s+may",
    # asking leave to post: "I hope it's okay to post this here", "hope nobody minds"
    r"(?:i\s+)?hope\s+(?:it's|it\s+is|this\s+is|that's|that\s+is)\s+(?:ok|okay|alright|all\s+right"
    r"|fine|allowed|appropriate)",
    r"(?:i\s+)?hope\s+(?:nobody|no\s+one|no-one|you\s+(?:don't|do\s+not))\s+minds?",
    r"is\s+it\s+(?:ok|okay|alright|all\s+right|fine|allowed)\s+(?:if\s+i|to\s+(?:post|share|ask))",
    first_letters="tiudhai",
)
HEDGE_CLAUSE_WORDS = frozenset(
    "degree extent sense way ways point ok okay alright right fine cool mind minds may allowed "
    "appropriate".split()
)
# "just" is a hedge only as a minimiser: not "just as many", "just in time", "a just cause".
# Nor "was just about to" (time), "the data just doesn't support it" (emphasis on a negation),
# "just what we needed" or "just how much" (exactly).
JUST_NOT_MINIMISING_AFTER = re.compile(
    r"\s*(?:as|like|in\s+time|now|before|after|then|yet|right|because|when|enough|over|under"
    r"|shy|short|below|above|past|about\s+(?:every|all|any|to)|what|how|the\s+(?:right|same|start"
    r"|beginning|thing|ticket|opposite)|doesn't|don't|didn't|isn't|wasn't|aren't|weren't|won't"
    r"|can't|couldn't|wouldn't|shouldn't|hasn't|haven't|never|not|no\s+longer)\b|\s*[$€£\d]"
)
JUST_NOT_MINIMISING_BEFORE = re.compile(r"\b(?:a|the|more|most|less|least|so)\s+$")
TEMPORAL_AFTER_JUST = frozenset(
    """
    got won hit shipped launched finished started joined landed published
    released signed passed moved opened closed became received announced completed
    graduated turned hired promoted arrived returned reached crossed celebrated
    """.split()
)
# "what kind of tool" is a noun, not a hedge.
KIND_OF_AS_NOUN = re.compile(
    r"\b(?:what|which|this|that|the|a|any|some|every|same|different|other|one|my|our|your)\s+$"
)

APOLOGIES = patterns(
    r"sorry(?!\s+(?:to\s+(?:hear|see|learn|read|lose)|(?:for|about)\s+(?:your|the)\s+loss))",
    r"apologies",
    r"i\s+apologi[sz]e",
    r"forgive\s+me",
    r"excuse\s+the\s+(?:long|length|rant)",
    r"(?:excuse|forgive|pardon)\s+my\s+(?:bad\s+|poor\s+|broken\s+)?(?:english|grammar|spelling)",
    first_letters="saifep",
)
APOLOGY_WORDS = frozenset("sorry apologies apologise apologize forgive excuse pardon".split())

# Self-deprecation and pre-emptive apology, as the sentences people write them in.
_AM = r"(?:i(?:'m|\s+am)|we(?:'re|\s+are))"
_WHO = r"(?:expert|authority|guru|pro|specialist|professional|writer|leader)s?"
SELF_DEPRECATION_PATTERN = patterns(
    rf"{_AM}\s+(?:(?:really|certainly|definitely|obviously|clearly|still|just)\s+)?"
    r"(?:no|not(?:\s+really|\s+exactly)?(?:\s+an?)?|by\s+no\s+means(?:\s+an?)?"
    rf"|far\s+from(?:\s+an?)?|hardly(?:\s+an?)?|not\s+much\s+of\s+an?)\s+(?:[\w-]+\s+)?{_WHO}",
    rf"not\s+that\s+{_AM}\s+an?\s+(?:[\w-]+\s+)?{_WHO}",
    rf"(?:none|neither)\s+of\s+us\s+(?:are|is|were|was)\s+(?:really\s+|actually\s+)?{_WHO}",
    r"i\s+(?:don't|do\s+not)\s+(?:want\s+to|mean\s+to)\s+(?:suggest|claim|pretend|imply"
    r"|sound\s+like|come\s+across)",
    r"i\s+(?:don't|do\s+not)\s+claim\s+to\s+be",
    rf"{_AM}\s+not\s+(?:a|an)\s+(?:real|proper|actual|true)\s+[\w-]+",
    r"(?:this|it)\s+(?:might|may|will|could|probably)\s+(?:\w+\s+)?sound\s+(?:silly|stupid|dumb"
    r"|obvious|crazy|weird|naive|basic)",
    rf"{_AM}\s+not\s+(?:really\s+)?(?:qualified|the\s+right\s+person|smart\s+enough)",
    r"(?:this|it)\s+(?:is|may\s+be|might\s+be|could\s+be|'s)\s+(?:probably\s+|maybe\s+"
    r"|possibly\s+)?(?:a\s+)?(?:really\s+)?(?:dumb|stupid|silly|naive)\s+(?:question|idea)",
    r"(?:dumb|stupid|silly)\s+question",
    r"this\s+is\s+probably\s+dumb",
    r"i\s+(?:might|may|could)\s+(?:well\s+|totally\s+|completely\s+)?be\s+(?:totally\s+"
    r"|completely\s+|way\s+)?(?:wrong|off)",
    rf"{_AM}\s+probably\s+wrong",
    rf"correct\s+me\s+if\s+{_AM}\s+wrong",
    r"who\s+am\s+i\s+to\s+\w+",
    r"i\s+(?:don't|do\s+not)\s+(?:really\s+)?know\s+what\s+i(?:'m|\s+am)\s+(?:doing|talking\s+about)",
    r"i\s+(?:don't|do\s+not)\s+(?:have\s+all\s+the\s+answers|know\s+much\s+about)",
    r"not\s+that\s+anyone\s+(?:cares|asked)",
    # "Nobody asked, but...", not "a product nobody asked for".
    r"(?:nobody|no\s+one)\s+asked(?:\s+(?:for\s+)?(?:my\s+(?:opinion|take|thoughts|advice|view)"
    r"|me))?(?=\s*(?:[,;:(\u2014\u2013]|but\b))",
    r"(?:nobody|no\s+one)\s+asked\s+for(?=\s*:)",
    rf"{_AM}\s+just\s+an?",
    r"for\s+what\s+it's\s+worth",
    r"fwiw",
    r"take\s+(?:this|it|that|my\s+words?)\s+with\s+a\s+(?:grain|pinch)\s+of\s+salt",
    r"feel\s+free\s+to\s+ignore",
    # a non-native writer running down their English: "My English is not so good"
    # doubting the post itself: "I'm still not sure I should share it"
    r"(?:i'm|i\s+am)\s+(?:still\s+|really\s+|honestly\s+|just\s+)?not\s+(?:sure|certain|convinced)"
    r"\s+(?:if\s+|whether\s+|that\s+)?(?:i|we)\s+should\s+(?:even\s+|really\s+)?(?:share|post|write"
    r"|publish|say)",
    r"my\s+(?:english|grammar|spelling|writing)\s+(?:is\s+not|isn't|is\s+far\s+from)\s+(?:so\s+|very\s+"
    r"|that\s+|too\s+|really\s+|quite\s+)?(?:good|great|perfect|strong|fluent)",
    r"my\s+(?:english|grammar|spelling)\s+is\s+(?:very\s+|quite\s+|a\s+bit\s+|so\s+)?(?:bad|poor|weak"
    r"|broken|limited|terrible|rusty)",
    first_letters="iwntdscfm",
)
# Every word an alternative above can start with.
SELF_DEPRECATION = Anchored(
    SELF_DEPRECATION_PATTERN,
    "i'm i we're we not none neither this it it's dumb stupid silly correct who nobody no for "
    "fwiw take feel my".split(),
)
# "I think X because Y" is a reasoned view, not a hedge.
# So is "Here's why I think X: <reason>", where a colon gives the reason.
REASONED = re.compile(
    r"\b(?:because|since|so that|which is why|that's why|here's why|here is why)\b"
    r"|\bi (?:think|believe)\b[^.!?:\n]{3,120}:\s+\w",
    re.IGNORECASE,
)
# "I'm a marketer, not an engineer, so..." is transparency, a strength.
TRANSPARENCY = re.compile(
    r"\bi(?:'m| am) an? [\w -]{2,30}?,? not an? [\w -]{2,30}?[,.]? (?:so|but|and)\b"
    r"|\bfull disclosure\b|\bas (?:a|an) (?:non-|new |junior )[\w-]+",
    re.IGNORECASE,
)

STANCE = phrases(
    [
        "i think",
        "i believe",
        "i learned",
        "i've learned",
        "i found",
        "i noticed",
        "i disagree",
        "i agree",
        "i recommend",
        "my take",
        "in my experience",
        "here's why",
        "here is why",
        "the lesson",
        "lesson learned",
        "i was wrong",
        "i changed my mind",
        "unpopular opinion",
        "hot take",
        "what i learned",
        "i love",
        "i hate",
        "i prefer",
        "the mistake",
        "my mistake",
        "should",
        "shouldn't",
        "must",
        "matters",
        "overrated",
        "underrated",
        "the truth is",
        "the real reason",
        "surprised me",
        "surprising",
        "i'm convinced",
        "i am convinced",
        "we need to",
        "stop doing",
        "start doing",
        "the best",
        "the worst",
        "because",
        "my view",
        "my opinion",
        "in my view",
        "i wish",
        "i'd rather",
        "works better",
        # evaluative nouns ("share one flaw", "a red flag") and verdicts said as a phrase
        # ("PSA: it's time to...", "Change my mind", "Nothing else comes close")
        "flaw",
        "flaws",
        "flawed",
        "myth",
        "myths",
        "fallacy",
        "fallacies",
        "traps",
        "red flag",
        "red flags",
        "anti-pattern",
        "anti-patterns",
        "antipattern",
        "antipatterns",
        "no-brainer",
        "psa",
        "it's time to",
        "it's time we",
        "change my mind",
        "hands down",
        "second to none",
        "nothing comes close",
        "nothing else comes close",
        "can't recommend",
        "highly recommend",
        "my go-to",
        "our go-to",
    ]
)

# "Must read", "must-see": a label for a link, not a view.
LINK_LABEL = re.compile(r"must[\s-]+(?:read|see|watch|listen|follow|share)\b")
