"""Where the writer says what they think: a stock phrase, a judgement, a contrast or advice.

An announcement ("We released 3.2 today. Come say hello.") states facts and asks for clicks;
a view judges ("the clearest explanation I've read"), contrasts ("a bill, not a plan";
"Remote work didn't kill our culture. Bad meetings did."), or advises ("Stop measuring
lines of code.", "Treat it like one").
"""

from __future__ import annotations

import re

from bot.feedback.lexicon import phrases

# A judgement in words: evaluative words, superlatives, comparisons.
JUDGEMENT = re.compile(
    r"(?<![\w'])(?=[lmoypt])(?:"  # the first letters of every alternative
    r"proposal:|lessons?:|let's(?!\s+(?:go|do\s+(?:this|it)|connect"
    r"|chat|talk|meet|celebrate|get\s+started|see|goo+)\b)"
    # "the only CRM that...", "the one I send every junior designer to"
    r"|the\s+only\s+(?:[\w-]+\s+){1,2}?(?:that|who|which|worth|i|we)\b"
    # "the one I'd read first", "the chapter we would skip": a recommendation
    r"|the\s+(?:one|part|bit|section|chapter|page|book|tool|talk)\s+(?:i|we)(?:'d|\s+would)\s+\w+"
    r"|the\s+one\s+(?:i|we)\s+(?:always\s+|still\s+|keep\s+)?(?:send|recommend|use|trust|reach\s+for"
    r"|point|give|\w+(?:\s+\w+)?\s+(?:every|everyone|everybody|anyone|to\s+every|to\s+everyone))"
    # "the bigger change", "the smarter move": a comparison with no "than"
    r"|the\s+(?:bigger|smaller|larger|greater|deeper|harder|easier|better|worse|stronger|weaker"
    r"|smarter|simpler|clearer|quieter|louder|sharper|subtler|stranger|odder|real|more\s+\w+"
    r"|less\s+\w+)\s+(?:change|lesson|win|problem|question|story|surprise|point|issue|risk|part"
    r"|shift|cost|benefit|gain|reason|move|mistake|test|signal|news|worry|threat|opportunity)"
    r"|the\s+(?:most|least)\s+(?!recent\b|of\b|part\b|likely\b|popular\b|people\b)\w{4,}"
    r"|(?:the|my|our|your)\s+(?!latest\b|newest\b|interest\b|request\b|contest\b|forest\b"
    r"|harvest\b|honest\b|modest\b)\w{3,}est"
    r")(?![\w'])"
)
# The judgements that are fixed words: a dictionary look-up per word of the post.
JUDGEMENT_WORDS = phrases(
    """
    waste; mistake; mistakes; wrong; overrated; underrated; boring; pointless; useless; worthless;
    better; worse; harder; easier; favourite; favorite; proudest; the difference; the point;
    i propose; we propose; the hard part; the real; the trick; the secret; the takeaway;
    my takeaway; the short version; the lesson; lessons learned; lesson learned; signal;
    not worth; worth it; changed how i; changed my; taught me; i was surprised; i regret;
    i'm glad; i am glad; credit to; kudos to; hats off to; props to; nobody teaches you;
    no one teaches you; nobody tells you; no one tells you; nobody warns you; no one warns you;
    nobody talks about; my younger self; i'd tell; i would tell; most important; most useful;
    most valuable; most underrated; doesn't exist; does not exist; don't exist; never existed;
    the short answer; the long answer; the real answer; the honest answer; same everywhere;
    would rather;
    most overlooked; most common; least important; least useful; least valuable;
    least underrated; least overlooked; least common
    """.replace("\n", " ").split(";")
)
# "best" and "worst" judge ("Best tool of the year", "worked best"), unless they sign off or
# name a role or a thing ("Best wishes", "best man", "best practices", "at best"). Found from the
# literal word, then its neighbours are read.
BEST = re.compile(r"best|worst")
NOT_BEST_BEFORE = re.compile(r"(?:\ball\s+the|\bat|\bdo\s+your|\btry\s+your)\s+$")
NOT_BEST_AFTER = re.compile(
    r"-|\s+(?:wishes|regards|of\s+luck|man|friends?|practices?|seller|sellers|before|in\s+class)\b"
)
# A superlative that opens a sentence, with no article: "Easiest decision this year.", "Best
# swap I know." Found from the literal "est " (fast), then read back to the sentence start.
SUPERLATIVE_END = re.compile(r"est\s+[a-z]")
SUPERLATIVE_WORD = re.compile(r"(?:^|[.!?:;]\s+|\n)([a-z]{2,})$")
NOT_SUPERLATIVES = frozenset(
    "latest newest interest request contest forest harvest honest modest west rest guest test nest"
    " quest suggest invest protest digest arrest manifest".split()
)
# A superlative after its verb: "the phrase I skip fastest in my feed", "the hardest of all".
# Found from the literal "est " (fast), then the word is read back.
SUPERLATIVE_IN = re.compile(r"est\s+(?:in|of|on)\s+(?:my|the|our|your|this|all)\b")
WORD_BEFORE = re.compile(r"(?<![a-z])([a-z]{2,})$")
# "faster than", "more reliable than", "does more for parents' anxiety than for learning"
COMPARISON = re.compile(r"\b(?:\w+er|more\s+\w+|less\s+\w+)\s+than\b")
THAN = re.compile(r" than\b")
MORE_BEFORE = re.compile(r"\b(?:more|less|fewer|rather)\s+(?!than\b)[^.!?;:\d]{1,50}$")
COMPARISON_REACH = 60
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
    # "Fines were never about the books."; "Half price isn't a strategy."; "not pay, but nights"
    r"|\b(?:was|were|is|are)\s+never\s+(?:really\s+)?about\b"
    r"|\b(?:isn't|is\s+not|aren't|are\s+not|wasn't|weren't)\s+(?:an?\s+)?(?:strategy|plan|solution"
    r"|fix|business\s+model|moat|substitute|excuse|personality|culture|career|metric|growth"
    r"|progress|innovation|leadership|the\s+(?:problem|answer|point|issue|goal))\b"
    r"|\bnot\s+\w+(?:\s+\w+)?,\s+but\b"
    # "it is not a bill, it's a plan"; "the top complaint isn't pay: it's flaky CI"; "The most
    # borrowed item wasn't a book. It was the Wi-Fi hotspot."
    r"|\b(?:isn't|wasn't|aren't|weren't|it's\s+not|that's\s+not|(?:is|was|are|were)\s+not)\s+"
    r"[^.!?]{1,60}?[,:;.\u2014\u2013]\s*(?:it's|it\s+is|it\s+was|they're|they\s+(?:are|were)"
    r"|that's|that\s+was)\b"
    r")",
    re.DOTALL,
)
# The same verb denied, then asserted: "Design systems don't save time in year one. They save
# it in year three."; "people rarely leave over pay. They leave over the conversation".
REASSERTED = re.compile(
    r"(?<![\w'])(?=[dwaichnrs])(?:"
    rf"{_NOT}|(?:do|does|did|is|are|was|were)\s+not|rarely|seldom|never|hardly\s+ever"
    r")\s+(?:\w+ly\s+)?([a-z]{3,})\b[^.!?\n]{0,80}[.!?;:]\s+(?:[\w'-]+\s+){1,3}?\1(?:s|es|d|ed)?\b"
)
# A consensus claimed: "every small dairy round here knows it", "anyone who has run a
# payroll will tell you".
CONSENSUS = re.compile(
    r"(?<![\w'])(?=[ea])(?:every|any|everyone|anyone|everybody|anybody)\s+(?:[\w'-]+\s+){0,5}?"
    r"(?:knows|will\s+tell\s+you|can\s+tell\s+you|agrees)\b"
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
# Read at the start of each clause (see clause_starts), not at every position of the post.
GENERALISATION = re.compile(
    r"(?P<view>"
    r"(?:an?|most|every|no|good|great|bad)\s+[^.!?,]{1,60}?\s+"
    r"(?:is|are|isn't|aren't|makes?|means|beats?|needs?|wins?|fails?)\s"
    # "Every dashboard nobody used had one thing in common"; "Most rewrites end up late".
    r"|(?:most|every|all|no|few)\s+[^.!?,]{1,60}?\s+"
    r"(?:never|always|tends?\s+to|ends?\s+up|deserves?|(?:had|has|have|shared?)\s+(?:one\s+thing"
    r"|\w+\s+things?|a\s+lot|much)\s+in\s+common|(?:had|has|have|shared?)\s+the\s+same)\b"
    r")"
)
CLAUSE_START = re.compile(r"[\"'“‘(]*(?:please\s+)?([a-z']+)(?:\s+([a-z']+))?")  # "please stop"
# Where a clause starts: the post's start, after a line break, or after . ! ? : ; (and, for
# advice, an em dash) and a space. A literal class the engine finds fast.
CLAUSE_BREAK = re.compile(r"[.!?:;—]\s+|\n")
# The clause after a condition: "If your team writes docs, use Quillon."
AFTER_CONDITION = re.compile(r"if\s+[^,.!?\n]{1,60},\s+(?:please\s+)?([a-z']+)(?:\s+([a-z']+))?")
# "Try it on your next post" is advice; "Try it free" and "Try our new app" are calls to buy.
# "Use code SAVE20 at checkout" applies a discount; "Use code review to teach" advises.
PROMO_CODE = re.compile(r"\s+code:?\s+[a-z]*\d")
TRY_ADVICE = re.compile(r"\s+(?:\w+ing\b|this\b|[^.!?\n]{0,40}\b(?:your\s+next|yourself)\b)")


def views(folded: str) -> list[tuple[int, int]]:
    """Spans in folded text that judge, contrast or advise."""
    found = [m.span() for m in JUDGEMENT.finditer(folded)]
    found += [m.span() for m in JUDGEMENT_WORDS.finditer(folded)]
    found += _opening_superlatives(folded)
    if "est " in folded:
        found += _superlatives_after_a_verb(folded)
    if "best" in folded or "worst" in folded:
        found += _best_and_worst(folded)
    if " than " in folded:
        found += [m.span() for m in COMPARISON.finditer(folded)]
        found += _comparisons(folded)
    if "not" in folded or "n't" in folded or "never" in folded:
        found += [m.span() for m in CONTRAST.finditer(folded)]
    if (
        "not" in folded
        or "n't" in folded
        or "never" in folded
        or "rarely" in folded
        or ("seldom" in folded)
    ):
        found += [m.span() for m in REASSERTED.finditer(folded)]
    if "every" in folded or "any" in folded:
        found += [m.span() for m in CONSENSUS.finditer(folded)]
    starts = [(0, ""), *((m.end(), m.group()[0]) for m in CLAUSE_BREAK.finditer(folded))]
    generalisations = (GENERALISATION.match(folded, at) for at, mark in starts if mark != "—")
    found += [m.span("view") for m in generalisations if m]
    clauses = [m for at, _ in starts if (m := CLAUSE_START.match(folded, at))]
    if "if " in folded:
        clauses += [
            m
            for m in AFTER_CONDITION.finditer(folded)
            if not m.start() or not _word(folded[m.start() - 1])
        ]
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


def _word(char: str) -> bool:
    return char.isalnum() or char in "'_"


def _opening_superlatives(folded: str) -> list[tuple[int, int]]:
    found = []
    for m in SUPERLATIVE_END.finditer(folded):
        before = SUPERLATIVE_WORD.search(folded, max(0, m.start() - 30), m.start())
        if before and before.group(1) + "est" not in NOT_SUPERLATIVES:
            found.append((before.start(1), m.end()))
    return found


def _superlatives_after_a_verb(folded: str) -> list[tuple[int, int]]:
    """ "the phrase I skip fastest in my feed": a superlative before "in/of/on my/the"."""
    found = []
    for m in SUPERLATIVE_IN.finditer(folded):
        before = WORD_BEFORE.search(folded, max(0, m.start() - 20), m.start())
        word = before.group(1) + "est" if before else ""
        if before and word not in NOT_SUPERLATIVES and word not in ("best", "worst"):
            found.append((before.start(1), m.end()))
    return found


def _comparisons(folded: str) -> list[tuple[int, int]]:
    """ "does more for parents' anxiety than for learning": "more" a few words before "than"."""
    found = []
    for m in THAN.finditer(folded):
        more = MORE_BEFORE.search(folded, max(0, m.start() - COMPARISON_REACH), m.start())
        if more:
            found.append((more.start(), m.end()))
    return found


def _best_and_worst(folded: str) -> list[tuple[int, int]]:
    found = []
    for m in BEST.finditer(folded):
        start, end = m.span()
        if (start and _word(folded[start - 1])) or (end < len(folded) and _word(folded[end])):
            continue  # "bestseller", "worsted"
        if NOT_BEST_BEFORE.search(folded, max(0, start - 12), start):
            continue
        if not NOT_BEST_AFTER.match(folded, end):
            found.append((start, end))
    return found
