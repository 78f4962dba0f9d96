"""Tone: selling phrases, capitals, exclamation runs and tracking links."""

from __future__ import annotations

import re
from functools import cache

import regex

from bot.feedback.lexicon import patterns, phrases

SALES_PHRASES = phrases(
    [
        "buy now",
        "order now",
        "shop now",
        "limited time",
        "limited-time",
        "limited offer",
        "act now",
        "don't miss out",
        "do not miss out",
        "dm me for pricing",
        "dm for pricing",
        "dm me for details",
        "discount code",
        "promo code",
        "sign up today",
        "book a demo",
        "book your demo",
        "bundle and save",
        "for the price of",
        "while it lasts",
        "while they last",
        "grab this deal",
        "act fast",
        "prices go up",
        "price goes up",
        "before prices rise",
        "start your free trial",
        "start a free trial",
        "free trial today",
        "try it free",
        "try it for free",
        "while stocks last",
        "while supplies last",
        "click the link",
        "link in bio",
        "special offer",
        "exclusive offer",
        "get yours",
        "best price",
        "lowest price",
        "money back",
        "risk-free",
        "100% guaranteed",
        "discount price",
        "discounted price",
        "at a discount",
        "for a discount",
        "buy one get one",
        "free shipping",
        "order today",
        "shop today",
        "buy today",
        "get yours today",
        "grab yours",
        "grab your copy",
        "sale ends",
        "on sale now",
        "early bird price",
        "register now",
        "sign up now",
        "enroll now",
        "download now",
        "dm me to buy",
        "dm me to order",
        "enrol now",
        "enrol today",
        "enroll today",
        "register today",
        "book now",
        "book today",
        "book your spot",
        "book your seat",
        "reserve your spot",
        "reserve your seat",
        "claim your spot",
        "claim your seat",
        "secure your spot",
        "secure your seat",
        "selling fast",
        "almost sold out",
        "going fast",
    ]
)
# Scarcity, lead magnets and sales calls: "Only 3 seats left", "Spaces are limited", "DM me the
# word GROWTH and I'll send you my free framework", "Book a free strategy call".
_STOCK = r"(?:seats?|spots?|places?|spaces?|tickets?|copies|slots?|units?|licen[cs]es|invites?)"
_FREEBIE = (
    r"(?:guide|framework|template|checklist|e-?book|playbook|pdf|course|cheat\s*sheet|toolkit"
    r"|masterclass|blueprint|swipe\s+file|system|formula|scripts?|workbook|training|webinar)s?"
)
SCARCITY = patterns(
    rf"only\s+(?:\d+|a\s+(?:few|handful(?:\s+of)?)|one|two|three|four|five)\s+(?:more\s+)?{_STOCK}"
    r"(?:\s+(?:left|remaining|available))?",
    rf"(?:(?:only\s+)?\d+|a\s+few|few|limited)\s+{_STOCK}\s+(?:left|remaining)",
    rf"{_STOCK}\s+(?:are\s+)?(?:(?:very\s+|strictly\s+)?limited|filling\s+(?:up\s+)?(?:fast|quickly)"
    r"|going\s+fast|running\s+out)",
    rf"limited\s+(?:number\s+of\s+)?{_STOCK}",
    first_letters="olsptcui0123456789afr",
)
# Scarcity sells only in a post that offers something ("Only 3 seats left in my cohort course"),
# not "parking spaces are limited near the venue".
OFFER = re.compile(
    r"[$€£]|\b(?:pric\w*|sale|discount\w*|buy|order|enrol\w*|enroll\w*|register|sign\s+up|book"
    r"|courses?|cohorts?|coaching|workshops?|masterclass\w*|bootcamps?|programmes?|programs?"
    r"|webinars?|consult\w*|clients?|checkout|purchase|offer)\b"
)
SCARCITY_WORDS = frozenset("only left remaining limited filling going running".split())
STOCK_WORDS = frozenset(
    "seat seats spot spots place places space spaces ticket tickets copies slot slots unit units "
    "licence licences license licenses invite invites".split()
)
SCARCITY_REACH = (40, 60)  # where scarcity can match around one of its words
# Lead magnets and sales calls: "DM me the word GROWTH and I'll send you my free framework",
# "Comment GUIDE below", "Book a free strategy call". Matched on folded text; a bare keyword
# (group "keyword") counts only when the original has it in capitals.
LEAD_MAGNET = patterns(
    rf"(?:i'll|i\s+will|we'll|we\s+will)\s+(?:send|dm|email|give)\s+(?:you\s+)?(?:my|our|the|a)"
    rf"\s+(?:free\s+)?(?:[\w-]+\s+){{0,3}}{_FREEBIE}",
    r"(?:comment|dm\s+me|message\s+me|reply|type|drop)\s+(?:with\s+)?"
    r"(?:the\s+word\s+\S+|(?:[\"'“‘][^\"'”’\n]{1,20}[\"'”’]|(?P<keyword>[a-z0-9]{2,})\b)"
    r"(?=\s+(?:below|here|in\s+the\s+comments|and|to\s+get|for\s+(?:my|the|a|your))\b))",
    rf"free\s+(?:[\w-]+\s+){{0,3}}{_FREEBIE}\s+(?:for\s+)?(?:anyone|everyone|the\s+first)",
    r"book\s+(?:a|your|in\s+a|me\s+for\s+a)\s+(?:free\s+)?(?:\d+-minute\s+)?(?:(?:strategy"
    r"|discovery|intro|sales|growth|clarity|consultation|coaching|audit)\s+)?(?:call|session"
    r"|consultation|audit)(?=[^.!?\n]{0,40}\b(?:free|today|now|me|us|limited|spots?|spaces?"
    r"|link|profile|calendar|inbox)\b)",
    r"book\s+(?:a|your|in\s+a|me\s+for\s+a)\s+free\s+(?:\d+-minute\s+)?(?:[\w-]+\s+)?"
    r"(?:call|session|consultation|audit)",
    first_letters="iwcdmrtfb",
)
LEAD_ANCHORS = ("send", "dm", "email", "give", "comment", "message", "reply", "type", "drop")
LEAD_ANCHORS += ("free", "book")
LEAD_REACH = (20, 130)  # where a lead magnet can match around an anchor
LEAD_ASKS = frozenset("comment dm message reply type drop".split())  # "Comment GUIDE below"
LEAD_SENDS = frozenset("send dm email give".split())  # "I'll send you my free guide"
LEAD_PROMISES = frozenset("i'll we'll will".split())
LEAD_TAKERS = frozenset("anyone everyone first".split())  # "a free template for anyone who..."
LEAD_CALLS = frozenset("call session consultation audit".split())  # "book a free strategy call"

# Selling said politely: a call asked for so the writer can show their product, an offer of a
# discount to whoever replies. "Would you be open to a quick call so I can show you our
# platform?", "I'd be delighted to offer you an exclusive discount".
_PRODUCT = r"(?:platform|product|tool|solution|software|service|app|offer)s?"
_SHOWS = rf"(?=[^.!?\n]{{0,60}}\b(?:show\s+you|walk\s+you\s+through|demo|our\s+{_PRODUCT})\b)"
_CALL = (
    r"(?:a\s+|an\s+)?(?:quick\s+|short\s+|brief\s+|free\s+)?(?:\d+[-\s]?min(?:ute)?s?\s+)?"
    r"(?:call|chat|demo|meeting|zoom|conversation|intro)"
)
POLITE_PITCH = patterns(
    rf"(?:would|are|could)\s+you\s+be\s+open\s+to\s+{_CALL}{_SHOWS}",
    rf"(?:are\s+you|you're)\s+open\s+to\s+{_CALL}{_SHOWS}",
    rf"(?:can|could|may)\s+i\s+(?:grab|steal|book|have|get)\s+(?:\d+\s+minutes|{_CALL}){_SHOWS}",
    rf"(?:let\s+me|i'd\s+love\s+to|i\s+would\s+love\s+to|happy\s+to)\s+(?:show|walk)\s+you\s+"
    rf"(?:how|through)\s+(?:our|my)\s+{_PRODUCT}",
    r"(?:i'd|i\s+would|we'd|we\s+would|i'm|i\s+am|we're|we\s+are)\s+(?:be\s+)?(?:(?:delighted|happy"
    r"|glad|pleased|thrilled)\s+to\s+|like\s+to\s+|love\s+to\s+)?offer(?:ing)?\s+you\s+(?:an?\s+)?"
    r"(?:exclusive\s+|special\s+|free\s+)?(?:\d{1,3}\s?%\s+)?(?:discount|deal|rate|trial|price)",
    r"exclusive\s+(?:\d{1,3}\s?%\s+)?discount",
    first_letters="wacilhe",
)
PITCH_WORDS = frozenset("open grab steal book show walk offer offering exclusive".split())
# A buying verb told to the reader with a deadline ("Switch today.", "Sign up this week and
# get..."), and the free months that come with it ("your first three months free").
ACT_BY = patterns(
    r"(?:switch|upgrade|subscribe|order|buy|sign\s+up|enrol|enroll|join\s+us)"
    r"(?:\s+(?!today's|now's)[\w'-]+){0,3}?\s+(?:today|now|tonight|this\s+(?:week|weekend|month))"
    r"(?=\s*(?:[.!]|$|and\s+(?:get|save|pay)\b))",
    r"(?:your\s+)?first\s+(?:(?:one|two|three|four|six|\d+)\s+)?(?:months?|weeks?|year)\s+"
    r"(?:free|for\s+free|half\s+price|on\s+us)",
    first_letters="suobejyf",
)
ACT_WORDS = frozenset("switch upgrade subscribe order buy sign enrol enroll join".split())
FREE_MONTHS_WORDS = frozenset("free half".split())
ACT_ANCHORS = ("today", "now", "tonight", "this", "first")
ACT_REACH = (50, 40)  # where ACT_BY can match around an anchor
# "20% off", "save 30%", "$10 off", "only $9", "half price".
PRICE_PUSH = patterns(
    r"\d{1,3}\s?%\s?off",
    r"\d{1,3}\s?%\s+discount\s+(?:on|off|for)\s+(?:our|my|all|every|any)\b",
    r"save\s+(?:up\s+to\s+)?(?:\d{1,3}\s?%|[$€£]\s?\d[\d,.]*)",
    r"[$€£]\s?\d[\d,.]*\s+off",
    r"only\s+[$€£]\s?\d[\d,.]*",
    r"half\s+price",
    r"last\s+chance\s+to\s+(?:buy|get|grab|save|register|sign\s+up|order|enrol|enroll|join)",
)
# "today only", "this weekend only", "48 hours only", "a special price": a deadline or a price
# to buy at (read only when the draft has "only", "price", "pricing" or "deal").
DEADLINE_PUSH = patterns(
    r"(?:today|tonight|this\s+(?:week|weekend|month)|(?:for\s+)?(?:one|two|three|\d+)\s+days?"
    r"|(?:24|48|72)\s+hours|black\s+friday|cyber\s+monday)\s+only",
    r"(?:for\s+|at\s+)?(?:a\s+|one\s+)?(?:special|low|lower|unbeatable|introductory|launch|bundle)"
    r"\s+(?:price|pricing|deal)",
    first_letters="ftoc2470123456789bsluia",
)
DEADLINE_WORDS = frozenset({"only", "price", "pricing", "deal"})
# A deadline sells only beside something to buy ("50% off this weekend only"), not "the tower
# opens to visitors this weekend only".
PURCHASE = re.compile(
    r"[$€£%]|\b(?:pric\w*|sale|discount\w*|deals?|buy|order|shop|bundle\w*|code|offer|save"
    r"|off|checkout|purchase|get\s+(?:yours|it|them))\b"
)
# "Use code SAVE20" (a code in capitals or digits), not "use code review".
PROMO_CODE = re.compile(
    r"\b[Uu]se\s+(?:the\s+|my\s+|our\s+)?(?:promo\s+|discount\s+)?code:?\s+[A-Z0-9]{3,}\b"
)
# A selling phrase that is the subject of a judgement is talked about, not used: "Half price
# isn't a strategy", "Limited-time offers train customers to wait".
# "Buy-now-pay-later", "buy now, pay later": the name of a kind of credit, not an order.
NAMED_CREDIT = re.compile(r"[\s,-]*pay[\s-]+later")
# "the supermarket that wants your bread at half price": a price someone asks of the writer.
ASKED_OF = re.compile(
    r"\b(?:wants?|wanted|asks?|asked|asking|demands?|demanded|expects?|expected|insists?\s+on"
    r"|pressured?|push(?:es|ed)?)\b[^.!?\n]{0,40}$"
)
# Creative Commons licence names in capitals ("CC BY", "CC BY-SA 4.0", "CC0") name a licence.
LICENCE_NAME = re.compile(r"\bCC[ -](?:BY|ZERO)(?:-(?:SA|NC|ND))*\b|\bCC0\b")
TALKED_ABOUT = re.compile(
    r"(?:\s+(?:offers?|deals?|sales?|discounts?|codes?|buttons?|pricing|campaigns?|banners?"
    r"|emails?|tactics?|countdowns?))?"
    r"\s+(?:is|isn't|are|aren't|was|wasn't|were|weren't|doesn't|don't|didn't|won't|never|rarely"
    r"|kills?|killed|hurts?|cheapens?|cheapened|trains?|trained|teaches|taught)\b"
)
EXCLAMATION_RUN = regex.compile(r"!{2,}|(?:!\s*\p{Extended_Pictographic}*\s*){3,}")
# Words in capitals: two letters or more, not a hashtag or mention.
CAPS_WORD = regex.compile(r"(?<![\p{L}\p{N}#@_'’-])\p{Lu}{2,}(?![\p{L}\p{N}_'’-])")
ACRONYM_MAX = 5  # a capitalised word this short is taken as an acronym unless the text shouts


@cache
def _word_list() -> str:
    # wordsegment's sorted English word list, one a line, read once (splitting it into a
    # set would cost a tenth of a second; a binary search over the text costs nothing).
    import importlib.resources  # only when a word in capitals needs checking

    return (importlib.resources.files("wordsegment") / "words.txt").read_text(encoding="utf-8")


def is_english_word(word: str) -> bool:
    """True when the lower-case word is in the English word list that ships with wordsegment.

    A word in capitals that is English ("AMAZING") can shout; one that is not (UNICEF,
    FOSDEM, CISSP) is a name or an acronym.
    """
    text, word = _word_list(), word.lower()
    low, high = 0, len(text)
    while low < high:
        middle = (low + high) // 2
        start = text.rfind("\n", 0, middle) + 1
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end]
        if line == word:
            return True
        if line < word:
            low = end + 1
        else:
            high = start
    return False


# Short words people capitalise for emphasis, never acronyms.
EMPHATIC = frozenset(
    "HUGE BIG NEW FREE NOW WOW OMG BEST MUST LOVE NEVER GREAT EPIC HOT SALE VERY SO ALL NOT "
    "STOP YES NO EVER MORE MOST".split()
)
# Known acronyms are never shouting, even longer ones or in a run ("AWS GPU").
ACRONYMS = frozenset(
    """
    HTML HTTP HTTPS JSON REST NASA GDPR COVID UNESCO NATO YAML TOML CSS SQL
    AJAX ASAP FAQ GPU CPU SaaS UTC CEST EMEA APAC LATAM ANSI ISBN ICYMI
    TLDR IMHO FWIW DEI ESG SMART OKRS KPIS AWS B2B B2C SOC2 PCI HIPAA
    OAUTH SAML LGBTQ LGBTQIA NYSE NASDAQ
    """.split()
)

TRACKING_PARAMS = re.compile(
    r"[?&](?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|igshid|si|trk|trackingId|ref_src)=",
    re.IGNORECASE,
)
