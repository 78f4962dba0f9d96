"""Decide what a message is: a command, a question for the coach, or a draft to critique.

Small rules, each with a name in `Intent.reason`: commands by their first word and the shape of
what follows; then each sentence is read as a question to the coach, a worry or obstacle, a
line of context about the writer, or something else. A message is a question when it is short
and made only of those (at least one question or worry); anything else is a draft."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

# A free-text goal is one short clause: no colon, no second sentence, and not a sentence about
# goals ("Goal setting is overrated.", "Goals for 2027: ...").
FREE_TEXT_GOAL = regex.compile(
    r"^(?!(?:for|is|are|was|were|setting|setters?|of|and|or|but|can|should|will|matters?|"
    r"reached|achieved|met|unlocked|aren'?t|isn'?t)\b)(?![^\n]*[:;])(?![^\n]*[.!?]\s+\S)"
    r"[^\n]{0,240}$",
    regex.IGNORECASE,
)
# A command word only counts when what follows has the command's shape, so a draft that
# starts "Progress over perfection." or "Feedback is a gift." stays a draft.
ARGUMENT_SHAPES: dict[str, regex.Pattern[str]] = {
    "help": regex.compile(r"^$"),
    "draft": regex.compile(r"^$"),
    "chart": regex.compile(r"^$"),
    "done": regex.compile(r"^\d+$"),
    "progress": regex.compile(r"^$"),
    "data": regex.compile(r"^$"),
    "platform": regex.compile(r"^\S*$"),
    "checkin": regex.compile(r"^\S*$"),
    "goal": FREE_TEXT_GOAL,
    "forget": regex.compile(r"^me(?:\s+confirm)?$", regex.IGNORECASE),
    "review": regex.compile(r"^.*$", regex.DOTALL),
    "recheck": regex.compile(r"^\d+\s+\w+$"),
    "feedback": regex.compile(r"^(?:\d+|answer)\s+[\w-]+$"),
    "nudges": regex.compile(
        r"^(?:(?:on|off|stop)|(?:at|days|snooze|pause)\s+[\w:, -]{1,40})?$", regex.IGNORECASE
    ),
    "tips": regex.compile(
        r"^(?:off|(?:here\s+)?(?:daily|weekly)\s+[\w: ]{1,20})?$", regex.IGNORECASE
    ),
    # issue 13: ask an expert, campaigns, settings (bot/coach/together.py)
    "ask": regex.compile(r"^(?:\d+|@\S+.*)$", regex.DOTALL),
    "expert": regex.compile(r"^\d+\s+(?:looks-right|suggest|not-mine)\b.*$", regex.DOTALL),
    "stop": regex.compile(r"^requests\s+from\s+\S+$", regex.IGNORECASE),
    "campaign": regex.compile(
        r"^(?:start\s.+|status|stop|(?:join|posted|check)\s+\d+|draft\s.+)$",
        regex.DOTALL | regex.IGNORECASE,
    ),
    "settings": regex.compile(
        r"^(?:|edit|(?:companies|company|policy|platform)\s[^\n]*|admin\s+(?:add|remove)\s+\S+)$",
        regex.IGNORECASE,
    ),
}
ALIASES = {
    "goals": "goal",
    "nudge": "nudges",
    "tip": "tips",
    "check-in": "checkin",
    "critique": "review",
    "start": "help",
}

# Links and line breaks belong to drafts; hashtags and mentions too, unless the message is one
# question about the writer's own posting ("Is #ad enough or do I need to say more?").
DRAFT_SIGNAL = regex.compile(r"\n|https?://|www\.", regex.IGNORECASE)
TAG_OR_MENTION = regex.compile(r"(?<!\w)[#@]\w")
SENTENCE_BREAK = regex.compile(r"(?<=[.!?])\s+")
ENDS_LIKE_A_STATEMENT = regex.compile(r"[.!…]['\"”’)]*$")

AUXILIARY = (
    r"(?:do|does|did|can|could|should|shall|would|will|is|are|am|was|were|have|has|must|may|"
    r"might|need|'s|’s)"
)
SUBJECT = (
    r"(?:i|we|you|it|they|there|this|that|these|my|our|your|people|anyone|someone|every|a|an|"
    r"the|hashtags?|posts?|posting|linkedin|emojis?|links?)"
)
# How a question to the coach starts when the writer leaves out the "?".
ASKS = regex.compile(
    rf"^(?:(?:how|what|why|when|where|which|who|whom|whose)s?\b(?!\s+(?:i|we|my|our)\b)"
    rf"|{AUXILIARY}n?'?t?\s+{SUBJECT}\b"
    r"|what\s+if\b|is\s+it\b|any\s+(?:tips?|advice|ideas?|suggestions?)\b"
    r"|(?:tips?|advice|ideas?|suggestions?)\s+(?:on|for|about|to)\b"
    r"|help\s+me\b|best\s+(?:way|time|day|length|practice)s?\b)",
    regex.IGNORECASE,
)
# A story then the writer's own question, with no "?": "a stranger was rude under my post
# yesterday, should I reply".
ASKS_ABOUT_ME_AT_END = regex.compile(
    r"[,;:\u2014\u2013-]\s*(?:so\s+|but\s+|and\s+|now\s+)?(?:(?:should|shall|can|could|do|must)\s+i"
    r"|(?:how|what|when|where|why)\s+(?:should|do|can|could)\s+i|is\s+it\s+(?:ok|okay|fine|wise"
    r"|worth\s+it))\b[^,;:.!?]{0,60}$",
    regex.IGNORECASE,
)
# A question at the end of a post that asks its readers, not the coach.
ASKS_READERS = regex.compile(
    r"\b(?:you|your|yours|y'all|anyone|everyone|anybody|who\s+else)\b", regex.IGNORECASE
)
# Only a post asks this ("Anyone else tired of AI hype?"), or calls its readers by what they do
# ("Translators, what's the word...?", "Fellow nurses, ...").
ASKS_THE_CROWD = regex.compile(
    r"\b(?:anyone\s+else|who\s+else|y'all|you\s+all|everyone|raise\s+your\s+hand)\b"
    r"|^(?:fellow\s+\w+|(?!(?:thanks|yes|sometimes|perhaps|thus|always|besides|plus|unless|whereas"
    r"|anyways|afterwards|regardless|nevertheless|nonetheless|ps|pls|this|is|was|has|does|its|his"
    r"|hers|ours|yours|as|us|guys|lads|ladies)\b)\p{L}{3,}s|folks|people)\s*,\s*\w",
    regex.IGNORECASE,
)
# Talking to the reader: a post, not a worry ("Do one thing today that scares you.").
SECOND_PERSON = regex.compile(r"\b(?:you|your|yours|y'all)\b", regex.IGNORECASE)
# A headline or a labelled line opens a post: "What I learned: ...", "Hot take: ...".
HEADLINE = regex.compile(
    r"^(?:(?:how|what|why|when|where|who)\s+(?:i|we|my|our)\b|[^:?]{1,40}:\s)", regex.IGNORECASE
)
# What a worried or stuck writer says about themselves and posting (present tense). A strong
# cue is a worry whenever the writer speaks of themselves or of posting ("I'm scared of being
# judged"); a weak one only when it is about posting ("I hate self-promotion") or typed as chat,
# without a full stop ("I keep comparing myself to others").
STRONG_WORRY = regex.compile(
    r"\b(?:"
    # fear and nerves
    r"scar(?:ed|es|y)|afraid|fears?|fearful|terrif\w*|nervous|anxious|anxiety|worr(?:y|ied|ies)|"
    r"panic\w*|dread\w*|frighten\w*|intimidat\w*|"
    # being judged, feeling a fraud
    r"embarrass\w*|cringe\w*|judg(?:e|ed|es|ing|ment)|laugh(?:s|ing)?\s+at|fraud|imposter|"
    r"impostor|brag\w*|show(?:ing)?[-\s]off|"
    r"(?:look|seem|sound)\s+(?:like\s+)?(?:a\s+|an\s+)?(?:stupid|dumb|silly|arrogant|desperate|idiot)|"
    r"(?:don'?t|do\s+not)\s+want\s+to\s+(?:look|seem|sound|be\s+seen|come\s+across)|"
    # not able, not knowing, stuck
    r"not\s+(?:an?\s+)?(?:expert|writer|good|technical|native|creative|interesting)|"
    r"(?:isn't|is\s+not|aren't|not)\s+good\s+enough|"
    # how the writer rates their own English or writing: "my English isn't great"
    r"(?:english|writing|grammar|spelling|vocabulary|posts?|network|profile|accent|skills?)\s+"
    r"(?:isn'?t|is\s+not|aren'?t|are\s+not)\s+(?:very\s+|that\s+|so\s+|really\s+)?"
    r"(?:great|good|perfect|strong|fluent|polished)\b|"
    # an inability, in any verb: "I can't explain my work to non-engineers" (not "I can't wait")
    r"can'?t\s+(?!wait\b|believe\b|stop\b|recommend\b|thank\b|imagine\b|help\b|stress\b|overstate\b"
    r"|say\s+enough\b|tell\s+you\b|get\s+over\b)\w+|"
    r"(?:don'?t|do\s+not|never)\s+know|no\s+idea|stuck|block(?:ed)?|need\s+help|freeze|froze|"
    r"can'?t\s+(?:pick|choose|start|begin|finish|focus)|"
    r"nothing\s+(?:\w+\s+)?(?:to\s+(?:say|write|post|share)|worth)|run\s+out|ran\s+out|"
    r"out\s+of\s+ideas|never\s+(?:finish|post|get|have|write|hear)|"
    r"keep\s+(?:re\w+|skipping|putting|deleting|procrastinating|forgetting)|putting\s+off|"
    r"procrastinat\w*|"
    # no time
    r"busy|no\s+time|(?:don'?t|do\s+not|never)\s+have\s+(?:the\s+|enough\s+|any\s+)?time|"
    # a time budget too small: "I only have ten minutes a day for this"
    r"(?:only|just)\s+(?:have|get|got|find)\s+(?:about\s+|around\s+|maybe\s+)?(?:\d{1,2}|five|ten"
    r"|fifteen|twenty|thirty|a\s+few|a\s+couple\s+of)\s+(?:spare\s+)?minutes|"
    # too worn out to write: "I'm too tired after my shifts to write anything"
    r"too\s+(?:tired|exhausted|drained|knackered|shattered|worn\s+out|wiped)\b|"
    # an audience that barely answers: "my posts get about three likes each"
    r"(?:get|gets|got|getting)\s+(?:only\s+|just\s+|about\s+|around\s+|maybe\s+|barely\s+)*"
    r"(?:\d{1,2}|one|two|three|four|five|six|a\s+few|a\s+couple(?:\s+of)?|a\s+handful\s+of)\s+"
    r"(?:likes|comments|views|replies|reactions|impressions|shares)|"
    r"takes?\s+(?:me\s+)?(?:forever|ages|hours|too\s+long)|"
    # an audience that doesn't answer
    r"(?:never|rarely|seldom|hardly\s+ever|don'?t|do\s+not|won'?t|doesn'?t)\s+(?:\w+\s+)?"
    r"(?:reply|replies|respond|answer|comment|engage|read|listen|click|follow|notice)\b|"
    r"(?:nobody|no\s+one|noone)(?:\s+[\w']+){0,4}?\s+(?:reads?|likes?|comments?|"
    r"listens?|cares?|responds?|replies|engages?|sees?|notices?|follows?|clicks?|wants?|will|"
    r"would|is)|zero\s+\w+|no\s+(?:likes|comments|engagement|followers|views|"
    r"replies|reach|response)|who\s+(?:would|will|cares|wants)|invisible|ignored|"
    r"ignor(?:es?|ing)\s+(?:me|my)|"
    r"(?:never|don'?t)\s+(?:get|see)\s+(?:any\s+)?(?:likes|comments|engagement|replies|views)|"
    r"sounds?\s+like\s+(?:an?\s+)?(?:ads?|advert\w*|sales\w*|bragging|a\s+robot|everyone)|"
    r"waste\s+of\s+time|pointless|no\s+point|why\s+bother"
    r")\b",
    regex.IGNORECASE,
)
WEAK_WORRY = regex.compile(
    r"\b(?:(?:i'?m|i\s+am)\s+(?:not\s+sure|unsure|uncertain)|hate|dislike|overwhelm\w*|shy|introvert\w*|awkward|uncomfortable|fake|struggl\w*|"
    r"bad\s+at|confus\w*|lonely|on\s+my\s+own|give\s+up|quit|exhausted|no\s+energy|"
    # habits that stop a post: "I rewrite every draft ten times and then delete it"
    r"re-?writ\w*|delet\w*|scrap\w*|second-guess\w*|overthink\w*|over-?edit\w*|abandon\w*|"
    r"bin\s+(?:it|them)|ditch\w*|trash\w*|discard\w*|shelv\w*|throw\w*\s+(?:it|them)\s+(?:away|out)|"
    r"keep\s+\w+ing|(?:doesn'?t|isn'?t|not)\s+working|"
    r"nasty|rude|trolls?|negative|criticis\w*|criticiz\w*|attacked|haters?)\b",
    regex.IGNORECASE,
)
FIRST_PERSON = regex.compile(r"\b(?:i|i'm|i’m|i've|i'd|me|my|mine|myself)\b", regex.IGNORECASE)
POSTING = regex.compile(
    r"\b(?:post\w*|writ\w*|draft\w*|linkedin|bluesky|public|online|social\s+media|"
    r"followers?|likes|comments?|engagement|ideas?|content|audience|profile|bio|headline|"
    r"hashtags?|self-promot\w*|visib\w*|network\w*|personal\s+brand\w*)\b",
    regex.IGNORECASE,
)
# Posts announce, congratulate and argue; worries don't ("I'm nervous and excited to announce
# my book!", "I think most teams should delete half their dashboards, because nobody reads them.").
ANNOUNCES = regex.compile(
    r"\b(?:(?:excited|thrilled|proud|happy|delighted|honou?red|pleased)\s+to\s+"
    r"(?:announce|share|say|join|welcome)|we'?re\s+hiring|congrat\w*|"
    r"i\s+(?:think|believe)\s+(?!i\b|i'm\b|i’m\b|my\b|that\s+i\b)|"
    r"this\s+(?:might|may|could|will|is\s+probably)\s+(?:sound|be|seem))",
    regex.IGNORECASE,
)
# Past tense tells a story ("I was scared to post this"); a worry is about now.
PAST = regex.compile(
    r"\b(?:was|were|used\s+to|ago|yesterday|last\s+(?:year|month|week|night)|back\s+then|"
    r"had\s+been|finally|anyway)\b",
    regex.IGNORECASE,
)
# A request to the coach after a question: "how do I grow my followers? Keep it short."
REQUEST = regex.compile(
    r"^(?:please|pls|(?:tell|give|show|help|teach|remind)\s+me|explain|ignore|keep\s+it|"
    r"make\s+it|be\s+(?:brief|honest|short|specific)|answer|thanks|thank\s+you)\b",
    regex.IGNORECASE,
)
# One line about who is asking ("I'm a new manager.") before the question.
CONTEXT = regex.compile(
    r"^(?:i'?m|i’m|i\s+am|i\s+work|i\s+have|i've|i\s+do|i\s+run|i\s+lead|i\s+manage|i\s+want|"
    r"i\s+just|i\s+started|(?:my|our)\s+(?:job|role|team|company|boss|manager|field|industry|"
    r"employer|work)|we'?re\s+an?|we\s+are\s+an?)\b",
    regex.IGNORECASE,
)
GREETING = regex.compile(
    r"^(?:hi|hello|hey|hiya|yo|thanks|thank\s+you|thx|ok|okay|cool|great|nice|yes|no|sure)"
    r"\b[\s\w!.,]{0,12}$",
    regex.IGNORECASE,
)
QUESTION_MAX_WORDS = 30
WORRY_MAX_WORDS = 25
CONTEXT_MAX_WORDS = 15
MESSAGE_MAX_WORDS = 50
MESSAGE_MAX_SENTENCES = 3
CHATTER_MAX_WORDS = 3
CHATTER_MAX_CHARACTERS = 30
EMOJI = regex.compile(r"\p{Extended_Pictographic}")

Kind = Literal["command", "question", "draft"]
SentenceKind = Literal["ask", "worry", "context", "other"]


@dataclass(frozen=True)
class Intent:
    """What the message is, why (a short reason), and for commands which one and its args."""

    kind: Kind
    command: str = ""
    args: str = ""
    reason: str = ""


def split_command(text: str) -> tuple[str, str]:
    """(command word, its arguments), aliases resolved."""
    first, _, rest = text.strip().partition(" ")
    name = first.lower().lstrip("/")
    name = ALIASES.get(name, name)
    rest = rest.strip()
    if name == "check" and rest.lower().startswith("in"):
        name, rest = "checkin", rest[2:].strip()
    if name == "my" and rest.lower().startswith("data"):
        name, rest = "data", rest[4:].strip()
    return name, rest


def command_name(text: str) -> str | None:
    """The command a text starts with, whatever follows it; None if it starts with none."""
    name, _ = split_command(text)
    return name if name in ARGUMENT_SHAPES else None


# "Review season is here. Tip for managers: ..." uses the command word as a word of its first
# sentence; "review We moved our CI..." and "review for x: ..." put a draft after it.
PROSE_AFTER_COMMAND_WORD = regex.compile(r"^\p{Lu}\S*\s+(?!for\s+\S+:)\p{Ll}[^.!?]*[.!?]\s+\S")


def _command(text: str) -> Intent | None:
    name, rest = split_command(text)
    shape = ARGUMENT_SHAPES.get(name)
    if shape is None or not shape.match(rest):
        return None
    if name == "review" and PROSE_AFTER_COMMAND_WORD.match(text):
        return None
    return Intent("command", name, rest, reason=f"the {name} command")


def sentences(text: str) -> list[str]:
    """The message's sentences, split after . ! or ? and a space."""
    return [s.strip() for s in SENTENCE_BREAK.split(text.strip()) if s.strip()]


def sentence_kind(sentence: str) -> SentenceKind:
    """Read one sentence as a question to the coach, a worry, context about the writer, or other."""
    words = len(sentence.split())
    statement = ENDS_LIKE_A_STATEMENT.search(sentence) is not None
    if words <= QUESTION_MAX_WORDS and (
        sentence.endswith("?")
        or (not statement and (ASKS.match(sentence) or ASKS_ABOUT_ME_AT_END.search(sentence)))
    ):
        return "ask"
    if HEADLINE.match(sentence):
        return "other"
    present = not PAST.search(sentence) and not SECOND_PERSON.search(sentence)
    if present and words <= WORRY_MAX_WORDS and _worries(sentence, statement):
        return "worry"
    if present and words <= CONTEXT_MAX_WORDS and CONTEXT.match(sentence):
        return "context"
    if REQUEST.match(sentence):
        return "context"
    return "other"


def _worries(sentence: str, statement: bool) -> bool:
    if ANNOUNCES.search(sentence):
        return False
    about_me = bool(FIRST_PERSON.search(sentence))
    if STRONG_WORRY.search(sentence):
        return not statement or about_me
    if WEAK_WORRY.search(sentence):
        return not statement or (about_me and bool(POSTING.search(sentence)))
    return False


def classify(text: str) -> Intent:
    """Route a message: commands by their first word, questions and worries to the tips, else a
    draft."""
    stripped = text.strip()
    command = _command(stripped)
    if command:
        return command
    if DRAFT_SIGNAL.search(stripped):
        return Intent("draft", reason="has a link or a line break")
    parts = sentences(stripped)
    words = len(stripped.split())
    if words > MESSAGE_MAX_WORDS or len(parts) > MESSAGE_MAX_SENTENCES:
        return Intent("draft", reason="too long for a question")
    kinds = [sentence_kind(s) for s in parts]
    if len(parts) == 1:
        return _one_sentence(stripped, kinds[0])
    if TAG_OR_MENTION.search(stripped):
        return Intent("draft", reason="has a hashtag or a mention")
    if "other" in kinds or not {"ask", "worry"} & set(kinds):
        return Intent("draft", reason="sentences that aren't a question, a worry or context")
    if any(k == "ask" and _asks_readers(p) for k, p in zip(kinds, parts, strict=True)):
        return Intent("draft", reason="asks its readers")
    return Intent("question", reason="a question or worry with context")


def about_posting(text: str) -> bool:
    """True when the text speaks of posting, writing or an audience, or of a writer's worry."""
    return any(p.search(text) for p in (POSTING, STRONG_WORRY, WEAK_WORRY))


def _asks_readers(sentence: str) -> bool:
    return bool(ASKS_THE_CROWD.search(sentence)) or bool(
        ASKS_READERS.search(sentence) and not FIRST_PERSON.search(sentence)
    )


def _one_sentence(text: str, kind: SentenceKind) -> Intent:
    if TAG_OR_MENTION.search(text) and not (kind == "ask" and FIRST_PERSON.search(text)):
        return Intent("draft", reason="has a hashtag or a mention")
    if kind == "ask" and ASKS_THE_CROWD.search(text):
        return Intent("draft", reason="asks its readers")
    if kind == "ask":
        return Intent("question", reason="asks the coach")
    if kind == "worry":
        return Intent("question", reason="a worry or an obstacle")
    if GREETING.match(text):
        return Intent("question", reason="a greeting")
    if (
        len(text.split()) <= CHATTER_MAX_WORDS
        and len(text) <= CHATTER_MAX_CHARACTERS
        and not ENDS_LIKE_A_STATEMENT.search(text)
        and not EMOJI.search(text)
    ):
        return Intent("question", reason="a few words of chat")
    return Intent("draft", reason="a short post")
