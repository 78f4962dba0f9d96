"""Words that are not the writer's own: quotations, titles, and terms the writer mentions.

A critique judges what the writer says, not what they quote ('my manager said "hey guys"'),
a title they name ("Crazy Rich Asians") or a term they hold up to criticise ("the phrases
thought leadership and personal branding reek of marketing").
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

import regex

from bot.feedback.match import Token

QUOTED = regex.compile(
    r'"[^"\n]{1,300}"'
    r"|“[^”\n]{1,300}”"
    r"|«[^»\n]{1,300}»"
    r"|(?<![\p{L}\p{N}])‘[^\n]{1,300}?’(?![\p{L}\p{N}])"
    r"|(?<![\p{L}\p{N}])'[^\n']{1,120}'(?![\p{L}\p{N}])"
)
# "the phrase(s) ...", "buzzwords like ...", "so-called ...": what follows is mentioned, not used.
MENTION_CUE = regex.compile(
    r"\b(?:(?:the|a|this|that|these|those)\s+(?:buzz)?(?:words?|phrases?|terms?|expressions?"
    r"|labels?|clich[eé]s?|sayings?)(?:\s+(?:like|such\s+as))?"
    r"|(?:buzz)?(?:words|phrases|terms|expressions|labels|clich[eé]s|jargon)\s+(?:like|such\s+as)"
    r"|so-called)\b"
    r"|\bbuzzword\s+bingo[^:.!?\n]{0,40}:|\b(?:buzz)?words\s*:",
)
MENTION_REACH = 8  # words after a cue that it covers
TITLE_JOINERS = frozenset("of the a an and in on for to with at from de la von van du".split())
NOT_TITLE_START = frozenset(
    "hi hey hello dear thanks thank welcome morning evening ok okay yo congrats i".split()
)
TITLE_GAP = regex.compile(r"[ \t]+")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans inside quotation marks, the marks included."""
    return [m.span() for m in QUOTED.finditer(text)]


def mentioned(
    folded: str, tokens: Sequence[Token], sentence_ends: Sequence[int]
) -> list[tuple[int, int]]:
    """Spans of the words right after a mention cue, up to the end of their sentence."""
    spans = []
    starts = [t.start for t in tokens]
    for cue in MENTION_CUE.finditer(folded):
        first = bisect_left(starts, cue.end())
        after = tokens[first : first + MENTION_REACH]
        limit_at = bisect_left(sentence_ends, cue.end())
        limit = sentence_ends[limit_at] if limit_at < len(sentence_ends) else len(folded)
        last = max((t.end for t in after if t.end <= limit), default=0)
        if last:
            spans.append((cue.end(), last))
    return spans


def titles(text: str, tokens: Sequence[Token], sentence_starts: set[int]) -> list[tuple[int, int]]:
    """Runs of capitalised words that name something ("Muppet Guys Talking")."""
    spans: list[tuple[int, int]] = []
    run: list[Token] = []
    for token in (*tokens, None):
        word = text[token.start : token.end] if token else ""
        joined = token is not None and (
            not run or TITLE_GAP.fullmatch(text, run[-1].end, token.start) is not None
        )
        if token is not None and joined and (_capitalised(word) or (run and word in TITLE_JOINERS)):
            run.append(token)
            continue
        spans.extend(_title_span(text, run, sentence_starts))
        run = [token] if token is not None and _capitalised(word) else []
    return spans


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word != "I" and not (len(word) > 1 and word.isupper())


def _title_span(text: str, run: list[Token], sentence_starts: set[int]) -> list[tuple[int, int]]:
    while run and not _capitalised(text[run[-1].start : run[-1].end]):
        run = run[:-1]
    capitals = sum(1 for t in run if _capitalised(text[t.start : t.end]))
    if capitals < 2 or text[run[0].start : run[0].end].lower() in NOT_TITLE_START:
        return []
    at_sentence_start = run[0].start in sentence_starts
    if at_sentence_start and capitals < 3:
        return []
    return [(run[0].start, run[-1].end)]
