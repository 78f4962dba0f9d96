"""Compliance: confidentiality markers, disclosure phrases and tags, and what promotes."""

from __future__ import annotations

import re

from bot.feedback.lexicon import phrases

# Markers that say "not for the public" whatever the sentence is about.
CONFIDENTIAL = phrases(
    [
        "internal only",
        "internal use only",
        "for internal use",
        "not for distribution",
        "not for external",
        "under nda",
        "embargoed",
        "under embargo",
        "not yet public",
        "not public yet",
        "pre-release figures",
        "before earnings",
        "proprietary and confidential",
        "strictly confidential",
        "do not share this",
        "don't share this",
        "do not share these",
        "don't share these",
        "do not share outside",
        "don't share outside",
        "do not share externally",
        "don't share externally",
        "do not forward this",
        "don't forward this",
    ]
)
# "Confidential:" or "Do not share:" as a label.
CONFIDENTIAL_LABEL = re.compile(
    r"(?:^|(?<=[\n.!?]\s))\s*(?:confidential|do\s+not\s+share|don't\s+share)\s*[:\-–—]"
)
# Words that are a leak only about the writer's own company ("our unreleased roadmap"),
# not "an unreleased Prince album" or "patient data stays confidential".
CONFIDENTIAL_OWNED = phrases(["confidential", "unreleased", "unannounced", "trade secret"])
OWNERSHIP = re.compile(r"\b(?:our|we|we're|we've|my|us|i've\s+seen)\b")
# Business facts that are confidential until announced: leaks when they are the writer's own
# ("our internal forecast", "our acquisition talks with Brightloop").
CONFIDENTIAL_BUSINESS = re.compile(
    r"\binternal\s+(?:forecasts?|projections?|numbers|figures|roadmaps?|memos?|targets|financials"
    r"|revenue|metrics|estimates)\b"
    r"|\b(?:acquisition|merger|buyout|takeover)\s+talks\b"
    r"|\bin\s+(?:advanced\s+|early\s+|secret\s+)?talks\s+(?:to|with\s+[\w-]+\s+(?:to|about))\s+"
    r"(?:acquire|buy|merge|be\s+acquired|an?\s+(?:acquisition|merger))\b"
    r"|\bterm\s+sheet\b"
    r"|\b(?:unannounced|upcoming|planned|secret)\s+(?:layoffs?|redundancies|reorg\w*|acquisitions?"
    r"|mergers?)\b"
)
BUSINESS_WORDS = frozenset("internal talks term unannounced upcoming planned secret".split())
# Saying that what follows should not be said: "not supposed to say this yet, but ...".
LEAK_CUE = re.compile(
    r"\b(?:not\s+(?:supposed|allowed|meant)\s+to\s+|(?:probably\s+)?shouldn't\s+(?:be\s+)?)"
    r"(?:say|share|tell|post|saying|sharing|telling|posting)\s+(?:this|that|it)\b[^.!?\n]{0,30}?\bbut\b"
    r"|\byou\s+didn't\s+hear\s+(?:it|this)\s+from\s+me\b"
)
LEAK_WORDS = frozenset("supposed allowed meant shouldn't hear".split())

# A promotion needs a material-connection disclosure; vague tags (#ee, #spon) don't count.
DISCLOSURE_TAGS = re.compile(
    r"(?<![\w#])#(?:ad|advert|advertisement|sponsored|paidpartnership|partner|employee|"
    r"\w+employee|\w+emp|iworkat\w+|\w+partner)\b",
    re.IGNORECASE,
)
DISCLOSURE_PHRASES = phrases(
    [
        "i work at",
        "i work for",
        "i work on",
        "i'm employed by",
        "i am employed by",
        "my employer",
        "my company",
        "full disclosure",
        "i'm an employee",
        "i am an employee",
        "paid partnership",
        "sponsored by",
        "this is an ad",
        "i was paid",
        "i'm paid",
        "in partnership with",
        "our team at",
        "we at",
        "i lead",
        "i'm a founder",
        "i co-founded",
        "i founded",
        "i'm on the team at",
        "i'm part of the",
        "i work there",
        "i work here",
        "where i work",
        "my day job",
    ]
)
DISCLOSURE_MARKS = re.compile(r"disclosure:|\((?:ad|advert|sponsored)\)|\[(?:ad|sponsored)\]")
# "I'm a product manager at Acme", "As an Acme employee": the tie in the writer's words.
ROLE_AT = (
    r"\bi(?:'m|\s+am)\s+(?:an?|the|one\s+of\s+the)\s+[\w\s-]{{1,40}}?\s+(?:at|for|with|of)\s+"
    r"{company}\b"
)
# "my colleagues at Lumora", "I co-founded Helio", "here at Acme", "since I joined Acme".
TIES = (
    r"\bmy\s+(?:[\w-]+\s+)?(?:colleagues?|co-?workers?|teammates?|team|teams|manager|boss"
    r"|reports|peers|fellow\s+\w+|employer|company|startup)\s+(?:at|from|in)\s+{company}\b"
    r"|\b(?:i|we)\s+(?:co-?founded|founded|started|run|built|own|lead|joined)\s+{company}\b"
    r"|\b(?:here|we|us|our\s+team)\s+at\s+{company}\b"
    r"|\b(?:i've|i\s+have|we've|we\s+have)\s+(?:been|worked)\s+at\s+{company}\b"
)
AS_EMPLOYEE = (
    r"\bas\s+an?\s+{company}\s+(?:employee|engineer|developer|designer|manager|founder|staffer)"
)
PROMOTION = phrases(
    [
        "launch",
        "launched",
        "launching",
        "new",
        "try",
        "check out",
        "available",
        "sign up",
        "download",
        "love",
        "proud",
        "excited",
        "announce",
        "our",
        "we",
        "we're",
        "hiring",
        "join",
        "product",
        "feature",
        "release",
        "released",
        "best",
        "recommend",
        "discount",
        "free",
        "introducing",
        "meet",
        "get",
        "buy",
        "pricing",
        "demo",
        "sale",
        "deal",
        "offer",
        "save",
        "plans",
    ]
)
