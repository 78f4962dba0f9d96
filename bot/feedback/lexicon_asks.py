"""Invitations: what asks readers to reply, with or without a question mark.

"What do you think?", "I'd love to hear", "my DMs are open", "Ask me anything", "Shout if you
have questions", "I'm happy to read it", "I'd be grateful for an introduction".
"""

from __future__ import annotations

import re

from bot.feedback.lexicon import patterns, phrases

ASKS = phrases(
    [
        "what do you think",
        "what's your take",
        "what is your take",
        "let me know",
        "tell me",
        "share your",
        "i'd love to hear",
        "i would love to hear",
        "curious to hear",
        "curious what",
        "how do you",
        "have you",
        "comment below",
        "drop a comment",
        "your thoughts",
        "your experience",
        "reply with",
        "what would you",
        "curious how",
        "curious if",
        "curious whether",
        "curious to know",
        "drop your",
        "dms are open",
        "dm me",
        "share yours",
        "reply below",
        "tell us",
        "would love to hear",
        "love to hear",
        "i'd love to know",
        "reply here",
        "who else",
        "how would you",
        "what am i missing",
    ]
)
# Invitations said without a question mark: "I want to hear from you", "Say hi if...",
# "get in touch", "my DMs are open".
ASK_CLAUSES = patterns(
    r"(?:love|like|want|keen|glad|happy|eager)\s+to\s+(?:hear|know|learn)\s+(?:from|about|what|how"
    r"|why|which|who|whether|if|your)",
    # "I'd really like to compare notes on rhymes", "keen to swap stories with anyone who..."
    r"(?:love|like|want|keen|glad|happy|eager)\s+to\s+(?:compare\s+notes|swap\s+(?:notes|stories"
    r"|ideas|tips)|trade\s+(?:notes|stories|tips)|talk\s+to\s+(?:anyone|someone|others|people)"
    r"|connect\s+with\s+(?:anyone|others|people))",
    # "Wondering whether anyone has made it work", "wondering if other teams..."
    r"(?:(?:i'm|i\s+am|just|been)\s+)?wondering\s+(?:whether|if|how|what|who|which|why)\b",
    r"(?:if|whether)\s+anyone\s+(?:here\s+)?(?:has|have|knows?|can|could|would|is|else)\b",
    # "Happy to answer questions about it this week": an offer to readers, subject left out
    r"(?:always\s+)?(?:happy|glad|keen)\s+to\s+(?:answer|take)\s+(?:any\s+)?questions",
    r"hear\s+from\s+(?:you|anyone|everyone|people|others|folks|those|teams|readers)",
    r"(?<!come\s)(?<!come\sand\s)say\s+(?:hi|hello|hey)",  # "come say hi" is a visit
    r"(?:get|keep)\s+in\s+touch",
    r"(?:feel\s+free\s+to\s+)?reach\s+out(?:\s+to\s+me)?\s+(?:if|with|any|anytime)",
    r"(?:ping|message|email|dm|text)\s+me",
    r"drop\s+me\s+a\s+(?:line|note|message|dm)",
    r"(?:my\s+)?(?:dms|inbox)\s+(?:is|are)\s+open",
    r"i'm\s+all\s+ears",
    r"(?:tell|show)\s+me\s+(?:about|what|how|your|why|which|who)",
    # "Ask me anything", "Change my mind", "Shout if you have questions"
    r"ask\s+me\s+(?:anything|about|your|how|what|why|questions)",
    r"change\s+my\s+mind",
    r"prove\s+(?:me|us)\s+wrong",
    # "you can write me", "feel free to email me": a non-native "write me" included
    r"(?:you\s+can|you\s+could|feel\s+free\s+to|please|do)\s+(?:write|message|email|dm|text"
    r"|contact|call)\s+(?:to\s+)?(?:me|us)",
    # "I'd love feedback from anyone who tries it", "we'd welcome your thoughts"
    r"(?:i'd|i\s+would|we'd|we\s+would)\s+(?:really\s+|so\s+)?(?:love|welcome|value)\s+(?:some\s+"
    r"|your\s+|any\s+|more\s+)?(?:feedback|thoughts|input|ideas|suggestions|pointers|tips"
    r"|recommendations|stories|examples)",
    # "Happy to talk about how we built it": an offer to readers, subject left out
    r"(?:always\s+)?(?:happy|glad|keen)\s+to\s+(?:talk|chat)\s+(?:about|through|more|with|it)",
    r"(?:shout|holler|give\s+me\s+a\s+(?:shout|ping|call)|ping\s+me|ask|comment|reply|message\s+me"
    r"|drop\s+me\s+a\s+(?:line|note)|get\s+in\s+touch|let\s+me\s+know)\s+if\s+you",
    r"if\s+you\s+(?:have|'ve\s+got)\s+(?:any\s+)?(?:questions|thoughts|ideas|feedback|suggestions"
    r"|tips|stories|examples)",
    # "Questions welcome", "Questions about fieldwork welcome", "tips on it are very welcome"
    r"(?:questions|pointers|recommendations|suggestions|introductions?|intros?|tips|advice|ideas"
    r"|feedback|thoughts|comments)(?:\s+(?:about|on|from|for)(?:\s+[\w'-]+){1,4}?)?\s+"
    r"(?:are\s+)?(?:very\s+|always\s+|most\s+)?welcome",
    # asking readers for something or offering them something: "I'd be grateful for an
    # introduction", "I'm happy to read it", "open to suggestions"
    r"(?:i'd|i\s+would|we'd|we\s+would)\s+be\s+(?:so\s+|very\s+|really\s+)?(?:grateful|thankful"
    r"|glad|delighted|happy)\s+(?:for|if|to\s+(?:hear|help|read|review|chat|talk|share))",
    r"(?:i'm|i\s+am|we're|we\s+are)\s+(?:always\s+|more\s+than\s+)?(?:happy|glad|keen|eager)\s+to"
    r"\s+(?:read|review|help|chat|talk|look|share|answer|introduce|connect|send|walk|jump|hop)",
    r"(?:(?:i'm|i\s+am|we're|we\s+are)\s+)?(?:always\s+)?open\s+to\s+(?:suggestions|ideas|feedback"
    r"|recommendations|introductions|pointers|advice)",
    r"(?:i'd|i\s+would|we'd|we\s+would)\s+(?:really\s+)?appreciate\s+(?:any\s+|your\s+)?(?:pointers"
    r"|tips|advice|help|introductions?|recommendations|suggestions|feedback|thoughts|input)",
    # "Tell me in the comments", "see you in the comments", not "the link in the comments"
    r"(?<!link\s)(?<!links\s)(?<!details\s)(?<!info\s)(?<!below\s)in\s+the\s+comments",
    first_letters="lwkgehcsfrpmdtioaqby",
)


# A request told to readers at the start of a sentence, about them: "Share the one reading that
# changed how you think", "Name a tool you couldn't work without", "Recommend me your best...".
ASK_IMPERATIVE = re.compile(
    r"(?:^|[.!?:]\s+|\n)(?:please\s+)?(?:share|name|recommend|suggest|nominate|send\s+me|point\s+me"
    r"|post|list|pick)\b[^.!?\n]{0,80}?\b(?:you|your|you've|you'd|you're)\b"
)


IMPERATIVE_VERBS = ("share", "name", "recommend", "suggest", "nominate", "send", "point", "post")
IMPERATIVE_VERBS += ("list", "pick")


def invites(folded: str) -> bool:
    """True when folded text asks readers to reply, with or without a question mark."""
    if ASKS.search(folded) or ASK_CLAUSES.search(folded):
        return True
    return any(v in folded for v in IMPERATIVE_VERBS) and bool(ASK_IMPERATIVE.search(folded))
