"""Compliance: confidentiality markers, disclosure phrases and tags, and what promotes."""

from __future__ import annotations

import regex

from bot.feedback.lexicon import phrases

CONFIDENTIAL = phrases(
    [
        "confidential",
        "internal only",
        "internal use only",
        "for internal use",
        "do not share",
        "don't share",
        "do not forward",
        "not for distribution",
        "not for external",
        "under nda",
        "nda",
        "unreleased",
        "embargoed",
        "under embargo",
        "not yet public",
        "not public yet",
        "pre-release figures",
        "unannounced",
        "proprietary",
        "trade secret",
        "before earnings",
    ]
)

# A promotion needs a material-connection disclosure; vague tags (#ee, #spon) don't count.
DISCLOSURE_TAGS = regex.compile(
    r"(?<![\w#])#(?:ad|advert|advertisement|sponsored|paidpartnership|partner|employee|"
    r"\w+employee|\w+emp|iworkat\w+|\w+partner)\b",
    regex.IGNORECASE,
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
        "disclosure:",
        "i'm an employee",
        "i am an employee",
        "paid partnership",
        "sponsored by",
        "this is an ad",
        "(ad)",
        "[ad]",
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
    ]
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
    ]
)
