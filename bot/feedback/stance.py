"""Where the writer says what they think: a stock phrase, a judgement, a contrast or advice.

An announcement ("We released 3.2 today. Come say hello.") states facts and asks for clicks;
a view judges ("the clearest explanation I've read"), contrasts ("a bill, not a plan";
"Remote work didn't kill our culture. Bad meetings did."), or advises ("Stop measuring
lines of code.", "Treat it like one").
"""

from __future__ import annotations

import re

# A judgement in words: evaluative words, superlatives, comparisons.
JUDGEMENT = re.compile(
    r"(?<![\w'])(?=[bcefhilmnopstuwy])(?:"  # the first letters of every alternative
    r"waste|mistake|mistakes|wrong|overrated|underrated|boring|pointless|useless|worthless"
    r"|better|worse|harder|easier|favourite|favorite|proudest|the\s+difference|the\s+point"
    r"|proposal:|lessons?:|i\s+propose|we\s+propose|let's|the\s+hard\s+part|the\s+real|the\s+trick|the\s+secret|the\s+takeaway|my\s+takeaway|the\s+short\s+version"
    r"|the\s+lesson|lessons?\s+learned|signal|not\s+worth|worth\s+it|changed\s+how\s+i"
    r"|changed\s+my|taught\s+me|i\s+was\s+surprised|i\s+regret|i'm\s+glad|i\s+am\s+glad"
    r"|(?:most|least)\s+(?:important|useful|valuable|underrated|overlooked|common)"
    r"|the\s+(?:most|least)\s+(?!recent\b|of\b|part\b|likely\b|popular\b|people\b)\w{4,}"
    r"|(?:the|my|our|your)\s+(?!latest\b|newest\b|interest\b|request\b|contest\b|forest\b"
    r"|harvest\b|honest\b|modest\b)\w{3,}est"
    r")(?![\w'])"
)
COMPARISON = re.compile(r"\b(?:\w+er|more\s+\w+|less\s+\w+)\s+than\b")
# "X, not Y"; "isn't about X, it's about Y"; "didn't ... . Y did."
CONTRAST = re.compile(
    # Every alternative starts with one of these characters: the engine skips the rest at once.
    r"(?=[,idwatn])(?:"
    r",\s+not\s+(?!sure\b|yet\b|to\b|now\b|that\b)\w+"
    r"|\b(?:isn't|is\s+not|wasn't|aren't)\s+about\b.{1,80}?\b(?:it's|it\s+is|it\s+was)\s+about\b"
    r"|\b(?:didn't|doesn't|don't|isn't|wasn't|won't)\b[^.!?]{1,80}[.!?]\s+[^.!?]{1,60}\b"
    r"(?:did|does|do|is|was|will)[.!]"
    r"|\b(?:not|never)\s+because\b"
    # "it is not a bill, it's a plan"; "the top complaint isn't pay: it's flaky CI"
    r"|\b(?:isn't|wasn't|aren't|it's\s+not|that's\s+not|(?:is|was|are|were)\s+not)\s+[^.!?]{1,60}?"
    r"[,:;\u2014\u2013]\s*(?:it's|it\s+is|it\s+was|they're|that's)\b"
    r")",
    re.DOTALL,
)
# Advice: a clause that opens with an imperative verb (not a call to click or come along).
ADVICE_VERBS = frozenset(
    """
    stop start treat write measure make use keep let ask build ship test automate document
    delete cut hire pay focus think remember assume trust avoid plan say tell listen spend
    invest prioritise prioritize rehearse practise practice review fix question challenge
    protect respect give take put ignore forget quit reward praise teach default prefer
    choose pick favour favor optimise optimize simplify reduce remove replace split own
    don't never always stay be
    """.split()
)
# "Stop by our booth", "Let me know", "Take a look": calls to action, not advice.
CALLS_TO_ACTION = frozenset(
    {
        ("stop", "by"),
        ("let", "me"),
        ("let", "us"),
        ("tell", "me"),
        ("tell", "us"),
        ("take", "a"),
        ("say", "hello"),
        ("say", "hi"),
        ("give", "it"),
        ("give", "us"),
        ("make", "sure"),
        ("keep", "an"),
        ("don't", "miss"),
        ("don't", "forget"),
    }
)
# A generalisation: "An alert nobody acts on is noise", "Most teams measure the wrong thing".
GENERALISATION = re.compile(
    r"(?:^|[.!?:;]\s+|\n)(?:"
    r"(?:an?|most|every|no|good|great|bad)\s+[^.!?,]{1,60}?\s+"
    r"(?:is|are|isn't|aren't|makes?|means|beats?|needs?|wins?|fails?)\s"
    # "Every dashboard nobody used had one thing in common"; "Most rewrites end up late".
    r"|(?:most|every|all|no|few)\s+[^.!?,]{1,60}?\s+"
    r"(?:never|always|tends?\s+to|ends?\s+up|deserves?|(?:had|has|have|shared?)\s+(?:one\s+thing"
    r"|\w+\s+things?|a\s+lot|much)\s+in\s+common|(?:had|has|have|shared?)\s+the\s+same)\b"
    r")"
)
CLAUSE_START = re.compile(
    r"(?:^|[.!?:;—]\s+|\n)[\"'“‘(]*(?:please\s+)?([a-z']+)(?:\s+([a-z']+))?"  # "please stop ..."
)


def views(folded: str) -> list[tuple[int, int]]:
    """Spans in folded text that judge, contrast or advise."""
    found = [m.span() for m in JUDGEMENT.finditer(folded)]
    if " than " in folded:
        found += [m.span() for m in COMPARISON.finditer(folded)]
    if "not" in folded or "n't" in folded or "never" in folded:
        found += [m.span() for m in CONTRAST.finditer(folded)]
    found += [m.span() for m in GENERALISATION.finditer(folded)]
    for m in CLAUSE_START.finditer(folded):
        verb, following = m.group(1), m.group(2)
        if verb in ADVICE_VERBS and (verb, following) not in CALLS_TO_ACTION:
            found.append(m.span(1))
    return sorted(found)
