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
# The owner comes before the word ("our unreleased roadmap", "I've seen our unreleased
# numbers") or is the subject after it ("the unreleased build we're testing"); "the unreleased
# director's cut of my favourite film" is someone else's.
OWNERSHIP = re.compile(r"\b(?:our|we|we're|we've|my|us|i've\s+seen)\b")
OWNER_AFTER = re.compile(r"\b(?:we|we're|we've|we'll|i'm|i've|i)\b")
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
    # the company's own conversations: "a screenshot from our internal Slack", "our all-hands"
    r"|\binternal\s+(?:slack|teams|chats?|channels?|wiki|emails?|threads?|all-hands|town\s*halls?"
    r"|meetings?|decks?|docs?|documents?|slides|dashboards?|tickets?|discussions?|survey\s+results)\b"
    r"|\bscreenshots?\s+(?:of|from)\s+(?:our|the|my|a)\s+(?:private\s+|team\s+|company\s+)?"
    r"(?:slack|teams|chat|channel|all-hands|wiki|dashboard|jira|email|thread|board\s+deck)\b"
)
BUSINESS_WORDS = frozenset(
    "internal talks term unannounced upcoming planned secret screenshot screenshots".split()
)
# Not public yet, in any words: "a deal that isn't public yet", "numbers aren't public until the
# 28th", "between us: revenue is up 31%" (a business fact said in confidence, not "between you
# and me, the best advice I got...").
NOT_PUBLIC = re.compile(
    r"\b(?:isn't|is\s+not|aren't|are\s+not|hasn't\s+been|haven't\s+been|wasn't|weren't|not)\s+"
    r"(?:yet\s+)?(?:public|announced|made\s+public|official)\s+(?:yet|until)\b"
    r"|\b(?:isn't|aren't|not)\s+yet\s+(?:public|announced|official)\b"
    r"|\b(?:between\s+(?:us|you\s+and\s+me|ourselves)|off\s+the\s+record|on\s+the\s+(?:down-?low|qt))"
    r"(?=\s*[:,\u2014\u2013-]?\s*[^.!?\n]{0,60}?(?:\d|%|\b(?:revenue|profits?|numbers|results|deals?"
    r"|inspections?|ofsted|visits?|audits?|next\s+week|tomorrow"
    r"|layoffs|acquisition|merger|headcount|valuation|salar(?:y|ies)|figures|forecast|earnings"
    r"|contracts?|roadmap|launch|customers?|clients?|reorg\w*|funding|churn|margins?|sales|growth"
    r"|sign-?ups|pipeline|bookings|arr|mrr|targets?|quota|budgets?|pric(?:e|es|ing)|points"
    r"|percent|per\s+cent)\b))"
)
NOT_PUBLIC_WORDS = frozenset("public announced official record down downlow qt".split())
IN_CONFIDENCE_WORDS = frozenset("us me ourselves".split())  # after "between"
# Where NOT_PUBLIC can match: around these words, this far before and after.
NOT_PUBLIC_ANCHORS = ("public", "announced", "official", "between", "record", "down", "qt")
NOT_PUBLIC_REACH = (40, 110)
# A sensitive decision shared before it is announced: "The board approved a 12% reduction in
# headcount yesterday; the announcement goes out Monday."
SENSITIVE_EVENT = re.compile(
    r"\b(?:headcount|layoffs?|laid\s+off|redundanc\w+|reorg\w*|restructur\w+|acquisition|acquir\w+"
    r"|merger|merging|job\s+cuts|(?:site|office|plant|store|branch)\s+closures?"
    r"|clos(?:e|es|ing|ure\s+of)\s+(?:the|our|a|two|three|\d+)\s+(?:[\w-]+\s+){0,2}(?:office|site|plant"
    r"|store|branch|factory|warehouse|department|unit|clinic|ward)s?|price\s+(?:rise|increase)s?"
    r"|funding|valuation|earnings|revenue|board\s+(?:approved|voted|signed)"
    # "Our site is losing 120 roles", "40 jobs at risk", "job losses"
    r"|(?:losing|cutting|shedding|axing|cut)\s+(?:\d[\d,]*|\w+)\s+(?:roles|jobs|posts|positions|staff"
    r"|people)|(?:roles|jobs|posts|positions)\s+(?:are\s+)?(?:at\s+risk|going)|job\s+losses)\b"
)
# An embargo kept, not broken: "Our paper is under embargo until Thursday 10:00 GMT. I'll post
# the link then." (the time it lifts, and nothing of the content: no "but", no colon with the
# news after it, as in "Embargoed until Tuesday: our Series C").
EMBARGO_KEPT = re.compile(r"(?:under\s+embargo|embargoed)\s+until\b[^.!?\n]*")
EMBARGO_BROKEN = re.compile(r":\s|\bbut\b|\bhere's\b|\bhere\s+is\b|\bsneak\b|\bspoiler|[—–]")
ANNOUNCED_LATER = re.compile(
    r"\b(?:announcement|news|press\s+release|memo|all-hands)\s+(?:goes\s+out|is\s+going\s+out"
    r"|comes\s+out|drops|lands|is\s+due|is\s+scheduled|is\s+on|will\s+(?:go\s+out|come|be\s+"
    r"(?:sent|out|made|public)))\b"
    r"|\b(?:will\s+be|to\s+be|gets?|getting|isn't|hasn't\s+been|not\s+yet|before\s+it's|until\s+it's"
    r"|before\s+it\s+is|until\s+it\s+is)\s+(?:officially\s+)?announced\b"
    r"|\bbefore\s+(?:the|we|it's|its|they)\s+(?:official(?:ly)?\s+)?announce\w*"
    r"|\bahead\s+of\s+the\s+(?:official\s+)?announcement\b"
)
ANNOUNCE_WORDS = frozenset(
    "announcement announced announce announcing news memo all-hands release".split()
)
ANNOUNCE_ANCHORS = ("announc", "news", "press", "memo", "all-hands")  # "announc": every form
ANNOUNCE_REACH = (40, 40)
# A patient named beside where they lie or what happened to them: "Mrs. J. Thompson in bed 4".
PATIENT = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Mx)\.?\s+(?:[A-Z]\.\s*)*[A-Z][a-z'-]+"
    r"(?=[^.!?\n]{0,60}\b(?:bed|room|bay|cubicle|cot|ward)\s+\d"
    r"|[^.!?\n]{0,60}\b(?:discharged|admitted|diagnosed|went\s+home|passed\s+away|patient))"
    r"|\b[A-Z][a-z'-]+(?:\s+[A-Z]\.?)?,?\s+(?:in|from)\s+(?:bed|room|bay|cubicle|cot)\s+\d+"
)
PATIENT_TITLES = frozenset("mr mrs ms miss mx".split())
PATIENT_PLACES = frozenset("bed room bay cubicle cot".split())
PLACE_NUMBER = re.compile(r"(?:bed|room|bay|cubicle|cot)\s+\d")
# Saying that what follows should not be said: "not supposed to say this yet, but ...".
LEAK_CUE = re.compile(
    r"\b(?:not\s+(?:supposed|allowed|meant)\s+to\s+|(?:probably\s+)?shouldn't\s+(?:be\s+)?)"
    r"(?:say|share|tell|post|saying|sharing|telling|posting|talk(?:ing)?\s+about|mention(?:ing)?"
    r"|discuss(?:ing)?|announc(?:e|ing)|reveal(?:ing)?|leak(?:ing)?)\s+(?:this|that|it)\b"
    r"[^.!?\n]{0,30}?\bbut\b"
    r"|\byou\s+didn't\s+hear\s+(?:it|this)\s+from\s+me\b"
    # "Can't share the details, obviously (NDA), but the client we just signed is..."
    r"|\b(?:can't|cannot|can\s+not)\s+(?:share|say|reveal|name|disclose|go\s+into)\s+(?:the\s+|any\s+"
    r"|too\s+many\s+|much\s+)?(?:details|specifics|names?|who|which|more|much)\b"
    r"(?=[^.!?\n]{0,40}?\bbut\b[^.!?\n]{0,60}?\b(?:client|customer|deal|contract|partner|signed"
    r"|acquisition|revenue|launch|project|company|product|we're|we\s+are|we've|our)\b)"
    # "Signed the NDA for the new terminal project today, so here's what I can tell you: ..."
    r"|\b(?:signed|under|covered\s+by|bound\s+by)\s+(?:an?\s+|the\s+|my\s+|our\s+)?nda\b"
    r"[^.!?\n]{0,60}?\b(?:here's|here\s+is|but|anyway)\b"
    r"|\(nda\)\s*,?\s*but\b"
)
LEAK_WORDS = frozenset("supposed allowed meant shouldn't hear can't cannot nda".split())
# A document shared before it is final: "Attaching the draft audit findings before they go to
# the board".
DRAFT_DOCUMENT = re.compile(
    r"\b(?:attach\w*|shar\w+|post\w*|here's|here\s+are|here\s+is|leak\w*)\s+(?:the\s+|our\s+|a\s+"
    r"|my\s+)?(?:draft|preliminary|unpublished|unsigned|interim|pre-?release)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:findings|report|results|figures|numbers|accounts|budget|audit|minutes|contract|strategy"
    r"|deck|proposal|roadmap|forecast|review|assessment)\b"
)
DRAFT_WORDS = frozenset(
    "draft preliminary unpublished unsigned interim pre-release prerelease".split()
)

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
        # a bias owned up to: "so yes, I'm biased", "bias alert"
        "i'm biased",
        "i am biased",
        "bias alert",
    ]
)
DISCLOSURE_MARKS = re.compile(r"disclosure:|\((?:ad|advert|sponsored)\)|\[(?:ad|sponsored)\]")
# "I'm a product manager at Acme", "As an Acme employee": the tie in the writer's words.
# Also "I've been a solutions engineer at Quarry", "As a nurse at Pinegrove", "I was the first
# designer at Helio".
ROLE_AT = (
    r"\b(?:i(?:'m|\s+am|'ve\s+been|\s+have\s+been|\s+was|\s+work\s+as|'ve\s+worked\s+as)|as)\s+"
    r"(?:(?:an?|the|one\s+of\s+the)\s+[\w\s-]{{1,40}}?|{title})\s+(?:at|for|with|of)\s+{company}\b"
)
# A title said without an article: "As CFO at Harlow Foods", "I'm head of design at Acme".
TITLE = (
    r"(?:(?:(?:deputy|interim|acting|senior|chief|group|global|joint)\s+)?(?:ceo|cfo|cto|coo|cmo"
    r"|cio|ciso|cpo|vp|svp|evp|md|gm|head|director|chair|chairperson|president|founder"
    r"|co-?founder|partner|principal|lead|editor|treasurer|secretary|counsel)(?:\s+[\w-]+){0,3}?)"
)
# "my colleagues at Lumora", "I co-founded Helio", "here at Acme", "since I joined Acme".
TIES = (
    r"\bmy\s+(?:[\w-]+\s+)?(?:colleagues?|co-?workers?|teammates?|team|teams|manager|boss"
    r"|reports|peers|fellow\s+\w+|employer|company|startup)\s+(?:at|from|in)\s+{company}\b"
    r"|\b(?:i|we)\s+(?:co-?founded|founded|started|run|built|own|lead|joined)\s+{company}\b"
    r"|\b(?:here|we|us|our\s+team)\s+at\s+{company}\b"
    r"|\b(?:i've|i\s+have|we've|we\s+have)\s+(?:been|worked)\s+at\s+{company}\b"
    # "Proud to work at Brightpath", "I love working for Acme", "lucky to be part of Acme"
    r"|\b(?:to|i|we|love|loved|enjoy|been)\s+(?:work|working|worked)\s+(?:at|for|with)\s+{company}\b"
    r"|\b(?:to\s+be|being)\s+(?:part\s+of|on|at|with)\s+(?:the\s+)?{company}\b"
    # tenure: "Six years at Cobalt Bank this week", "my first day at Acme", "since joining Acme"
    r"|\b(?:\w+|\d+)\s+(?:years?|months?|weeks?)\s+(?:at|with)\s+{company}\b"
    r"|\bmy\s+(?:first|last|\w+)\s+(?:day|week|month|year|anniversary)\s+(?:at|with)\s+{company}\b"
    r"|\bsince\s+(?:i\s+)?join(?:ed|ing)\s+{company}\b"
    # "Fleetline, where I've worked as a route planner since 2019", "Acme (where I work)"
    r"|\b{company}\b[\s,(]+where\s+(?:i|i've|i\s+have|i'm|i\s+am)\s+(?:\w+\s+)?(?:work|worked"
    r"|working|been|employed|started|joined|lead|led)\b"
    # the company named before, then "them": "since before I joined them as a developer"
    r"|\bi\s+(?:joined|work\s+for|worked\s+for|work\s+with|started\s+at)\s+them\s+as\b"
    r"|\bi(?:'ve|\s+have)\s+(?:worked|been\s+working)\s+(?:for|with)\s+them\b"
)
# "As a Cairn Security consultant", "I'm the Acme data lead": the company then the role (any
# role but a customer's).
AS_EMPLOYEE = (
    r"\b(?:as|i(?:'m|\s+am|'ve\s+been|\s+have\s+been|\s+was))\s+(?:an?|the|one\s+of\s+the)\s+"
    r"{company}\s+(?!(?:customer|user|client|fan|subscriber|shareholder|investor|member|reader"
    r"|listener|viewer|buyer|shopper|patient|guest|passenger)s?\b)[\w-]+"
)
# "I design at Tessellate", "I write software for Quarry": the work the writer does there.
WORK_AT = (
    r"\b(?:i|we)\s+(?:design|develop|code|program|engineer|write|research|consult|teach|nurse"
    r"|sell|build|lead|manage|intern|volunteer|test|support|market|recruit|lecture|practi[cs]e"
    r"|cook|bake|drive|deliver|clean|photograph|film|illustrate|translate|plan|freelance|contract"
    r"|moderate|host|analy[sz]e|edit|report|present|advise|coach|train|mentor|do\s+\w+"
    r"|handle\s+\w+)"
    r"(?:\s+\w+)?\s+(?:at|for)\s+{company}\b"
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
        # praise and pitches without the launch words: "Hot tip for UX folks: X recruits in a day",
        # "Want accounts that close in three days? X.", "Nobody else comes close. Switch today."
        "tip",
        "hot tip",
        "want",
        "changed how",
        "changed the way",
        "must-have",
        "go-to",
        "swear by",
        "switch",
        "comes close",
        "the whole post",
    ]
)
