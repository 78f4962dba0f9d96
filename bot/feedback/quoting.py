"""Words that are not the writer's own: quotations, code, titles, and terms the writer mentions.

A critique judges what the writer says, not what they quote ('my manager said "hey guys"'),
a title they name ("Crazy Rich Asians") or a term they hold up to criticise ("the phrases
thought leadership and personal branding reek of marketing").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

import regex

from bot.feedback.match import FIRST_WORDS, Tokens

# Each kind of quotation mark, read only when the text has that mark.
QUOTES = (
    ('"', re.compile(r'"[^"\n]{1,300}"')),
    ("“", re.compile(r"“[^”\n]{1,300}”")),
    ("«", re.compile(r"«[^»\n]{1,300}»")),
    ("‘", re.compile(r"(?<![^\W_])‘[^\n]{1,300}?’(?![^\W_])")),
    # 'single quotes', with apostrophes inside them ('You're the first nurse who didn't...')
    ("`", re.compile(r"`[^`\n]{1,200}`")),  # code: `QUALIFY`, `raw_` tables
    ("'", re.compile(r"(?<![^\W_])'(?:[^\n']|(?<=\w)'(?=\w)){1,200}?'(?![^\W_])")),
)
# "the phrase(s) ...", "buzzwords like ...", "so-called ...", "words I'd ban: ...": what follows
# is mentioned, not used.
MENTION_CUE = re.compile(
    r"\b(?:(?:the|a|this|that|these|those)\s+(?:buzz)?(?:words?|phrases?|terms?|expressions?"
    r"|labels?|clich[eé]s?|sayings?)(?:\s+(?:like|such\s+as))?"
    r"|(?:buzz)?(?:words|phrases|terms|expressions|labels|clich[eé]s|jargon)\s+(?:like|such\s+as)"
    r"|so-called)\b"
    # "the phrase I skip fastest": a clause about the phrase follows, not the phrase itself
    r"(?!\s+(?:i|i'd|i've|i'm|we|you|they|he|she|that|which|who|nobody|everyone|people)\b)"
    r"|\bbuzzword\s+bingo[^:.!?\n]{0,40}:"
    # "Words I'd ban from every deck: synergy, leverage": a list introduced by a colon.
    r"|\b(?:buzz)?(?:words?|phrases?|terms?|jargon|clich[eé]s?|expressions?|vocabulary)\b"
    r"[^.!?:\n]{0,60}:",
)
CUE_WORDS = frozenset(
    "word words phrase phrases term terms expression expressions label labels cliché clichés "
    "cliche cliches saying sayings jargon buzzword buzzwords called vocabulary".split()
)
FIRST_WORDS.update(CUE_WORDS)  # so the words of a draft say at once whether a cue is there
MENTION_REACH = 8  # words after a cue that it covers
NOT_TITLE_START = frozenset(
    "hi hey hello dear thanks thank welcome morning evening ok okay yo congrats i".split()
)


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, the marks included."""
    return [m.span() for mark, pattern in QUOTES if mark in text for m in pattern.finditer(text)]


def mentioned(folded: str, tokens: Tokens, sentence_ends: Sequence[int]) -> list[tuple[int, int]]:
    """Spans of the words right after a mention cue, up to the end of their sentence."""
    spans: list[tuple[int, int]] = []
    if not tokens.vocabulary & CUE_WORDS:
        return spans
    for cue in MENTION_CUE.finditer(folded):
        first = bisect_left(tokens.starts, cue.end())
        after = tokens.ends[first : first + MENTION_REACH]
        limit_at = bisect_left(sentence_ends, cue.end())
        limit = sentence_ends[limit_at] if limit_at < len(sentence_ends) else len(folded)
        last = max((end for end in after if end <= limit), default=0)
        if last:
            spans.append((cue.end(), last))
    return spans


_JOINER = r"(?:of|the|a|an|and|in|on|for|to|with|at|from|de|la|von|van|du)"
_CAPITALISED = r"\p{Lu}[\p{Ll}\p{M}'’\-\p{Lu}\p{N}]*"
TITLE_RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}'’]){_CAPITALISED}(?:[ \t]+(?:{_JOINER}[ \t]+)*{_CAPITALISED})+"
    r"(?![\p{L}\p{N}])"
)
TITLE_WORD = regex.compile(rf"{_CAPITALISED}|\S+")


def titles(text: str, sentence_starts: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words that name something ("Muppet Guys Talking")."""
    spans: list[tuple[int, int]] = []
    for run in TITLE_RUN.finditer(text):
        words = [(m.start(), m.group()) for m in TITLE_WORD.finditer(run.group())]
        capitals = [(at, w) for at, w in words if _capitalised(w)]
        if len(capitals) < 2 or capitals[0][1].lower() in NOT_TITLE_START:
            continue
        at_start = run.start() + capitals[0][0] in sentence_starts
        if at_start and len(capitals) < 3 and len(words) == len(capitals):
            continue  # "Monday Rota" may be two words of a sentence; "Dumb and Dumber" is a title
        start = run.start() + capitals[0][0]
        end = run.start() + capitals[-1][0] + len(capitals[-1][1])
        spans.append((start, end))
    return spans


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word != "I" and not (len(word) > 1 and word.isupper())
