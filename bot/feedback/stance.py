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
    r"(?<![\w'])(?=[abcefhilmnopstuwy])(?:"  # the first letters of every alternative
    r"waste|mistake|mistakes|wrong|overrated|underrated|boring|pointless|useless|worthless"
    r"|better|worse|harder|easier|favourite|favorite|proudest|the\s+difference|the\s+point"
    r"|proposal:|lessons?:|i\s+propose|we\s+propose|let's(?!\s+(?:go|do\s+(?:this|it)|connect"
    r"|chat|talk|meet|celebrate|get\s+started|see|goo+)\b)|the\s+hard\s+part|the\s+real|the\s+trick"
    r"|the\s+secret|the\s+takeaway|my\s+takeaway|the\s+short\s+version"
    r"|the\s+lesson|lessons?\s+learned|signal|not\s+worth|worth\s+it|changed\s+how\s+i"
    r"|changed\s+my|taught\s+me|i\s+was\s+surprised|i\s+regret|i'm\s+glad|i\s+am\s+glad"
    # evaluative nouns: "share one flaw", "a myth", "a red flag"
    r"|flaws?|flawed|myths?|fallac(?:y|ies)|traps?|red\s+flags?|anti-?patterns?|no-brainer"
    # advice and verdicts said as a phrase: "PSA: it's time to...", "Change my mind."
    r"|psa|it's\s+time\s+(?:to|we|for)|it\s+is\s+time\s+(?:to|we|for)|change\s+my\s+mind"
    r"|hands\s+down|second\s+to\s+none|nothing\s+(?:else\s+)?comes\s+close|can't\s+recommend"
    r"|highly\s+recommend|(?:my|our)\s+go-to"
    # "the only CRM that...", "the one I send every junior designer to"
    r"|the\s+only\s+(?:[\w-]+\s+){1,2}?(?:that|who|which|worth|i|we)\b"
    r"|the\s+one\s+(?:i|we)\s+(?:always\s+|still\s+|keep\s+)?(?:send|recommend|use|trust|reach\s+for"
    r"|point|give|\w+(?:\s+\w+)?\s+(?:every|everyone|everybody|anyone|to\s+every|to\s+everyone))"
    # "the bigger change", "the smarter move": a comparison with no "than"
    r"|the\s+(?:bigger|smaller|larger|greater|deeper|harder|easier|better|worse|stronger|weaker"
    r"|smarter|simpler|clearer|quieter|louder|sharper|subtler|stranger|odder|real|more\s+\w+"
    r"|less\s+\w+)\s+(?:change|lesson|win|problem|question|story|surprise|point|issue|risk|part"
    r"|shift|cost|benefit|gain|reason|move|mistake|test|signal|news|worry|threat|opportunity)"
    # "best" and "worst" judge, unless they sign off or name a role ("Best wishes", "best man")
    r"|(?<!all\sthe\s)(?<!at\s)(?<!do\syour\s)(?<!try\syour\s)(?:best|worst)(?!-|\s+(?:wishes"
    r"|regards|of\s+luck|man|friends?|practices?|seller|sellers|before|in\s+class)\b)"
    r"|(?:most|least)\s+(?:important|useful|valuable|underrated|overlooked|common)"
    r"|the\s+(?:most|least)\s+(?!recent\b|of\b|part\b|likely\b|popular\b|people\b)\w{4,}"
    r"|(?:the|my|our|your)\s+(?!latest\b|newest\b|interest\b|request\b|contest\b|forest\b"
    r"|harvest\b|honest\b|modest\b)\w{3,}est"
    r")(?![\w'])"
)
# A superlative that opens a sentence, with no article: "Easiest decision this year.", "Best
# swap I know."
OPENING_SUPERLATIVE = re.compile(
    r"(?:^|[.!?:;]\s+|\n)(?P<view>(?!(?:latest|newest|interest|request|contest|forest|harvest"
    r"|honest|modest|west|rest|guest|test|nest|best\s+(?:wishes|regards))\b)[a-z]{2,}est\s+[a-z])"
)
# "faster than", "more reliable than", "does more for parents' anxiety than for learning"
COMPARISON = re.compile(
    r"\b(?:\w+er|more\s+\w+|less\s+\w+)\s+than\b"
    r"|\b(?:more|less|fewer)\s+(?!than\b)[^.!?;:\d]{1,50}?\bthan\b"
)
# "X, not Y"; "isn't about X, it's about Y"; "didn't ... . Y did."
_NOT = r"(?:didn't|doesn't|don't|isn't|wasn't|won't|aren't|weren't|can't|haven't|hasn't)"
_SO = r"(?:did|does|do|is|was|will|are|were|can|have|has)"
CONTRAST = re.compile(
    # Every alternative starts with one of these characters: the engine skips the rest at once.
    r"(?=[,idwatnchs])(?:"
    r",\s+not\s+(?!sure\b|yet\b|to\b|now\b|that\b)\w+"
    r"|\b(?:isn't|is\s+not|wasn't|aren't)\s+about\b.{1,80}?\b(?:it's|it\s+is|it\s+was)\s+about\b"
    # "Remote work didn't kill our culture. Bad meetings did."; "Twelve-hour shifts aren't the
    # problem. Twelve-hour shifts with no break are."
    rf"|\b{_NOT}\b[^.!?]{{1,80}}[.!?]\s+[^.!?]{{1,60}}\b{_SO}[.!]"
    r"|\b(?:not|never)\s+because\b"
    # "it is not a bill, it's a plan"; "the top complaint isn't pay: it's flaky CI"; "The most
    # borrowed item wasn't a book. It was the Wi-Fi hotspot."
    r"|\b(?:isn't|wasn't|aren't|weren't|it's\s+not|that's\s+not|(?:is|was|are|were)\s+not)\s+"
    r"[^.!?]{1,60}?[,:;.\u2014\u2013]\s*(?:it's|it\s+is|it\s+was|they're|they\s+(?:are|were)"
    r"|that's|that\s+was)\b"
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
    don't never always stay be try
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
    r"(?:^|[.!?:;]\s+|\n)(?P<view>"
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
# The clause after a condition: "If your team writes docs, use Quillon."
AFTER_CONDITION = re.compile(r"\bif\s+[^,.!?\n]{1,60},\s+(?:please\s+)?([a-z']+)(?:\s+([a-z']+))?")
# "Try it on your next post" is advice; "Try it free" and "Try our new app" are calls to buy.
# "Use code SAVE20 at checkout" applies a discount; "Use code review to teach" advises.
PROMO_CODE = re.compile(r"\s+code:?\s+[a-z]*\d")
TRY_ADVICE = re.compile(r"\s+(?:\w+ing\b|this\b|[^.!?\n]{0,40}\b(?:your\s+next|yourself)\b)")


def views(folded: str) -> list[tuple[int, int]]:
    """Spans in folded text that judge, contrast or advise."""
    found = [m.span() for m in JUDGEMENT.finditer(folded)]
    found += [m.span("view") for m in OPENING_SUPERLATIVE.finditer(folded)]
    if " than " in folded:
        found += [m.span() for m in COMPARISON.finditer(folded)]
    if "not" in folded or "n't" in folded or "never" in folded:
        found += [m.span() for m in CONTRAST.finditer(folded)]
    found += [m.span("view") for m in GENERALISATION.finditer(folded)]
    clauses = [*CLAUSE_START.finditer(folded)]
    if "if " in folded:
        clauses += AFTER_CONDITION.finditer(folded)
    for m in clauses:
        verb, following = m.group(1), m.group(2)
        if verb not in ADVICE_VERBS or (verb, following) in CALLS_TO_ACTION:
            continue
        if verb == "try" and not TRY_ADVICE.match(folded, m.end(1)):
            continue
        if verb == "use" and PROMO_CODE.match(folded, m.end(1)):
            continue
        found.append(m.span(1))
    return sorted(found)
