"""Reach: inviting replies, hashtags, links, mentions and emoji."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import pairwise

from bot.feedback import lexicon_asks
from bot.feedback.lexicon_tone import TRACKING_PARAMS
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft

MIN_WORDS_FOR_ENGAGEMENT = 12
MAX_MENTIONS = 5
MIN_LETTERS_TO_SEGMENT = 8
NOT_SOCIAL = frozenset({"blog", "internal"})  # no engagement note: a channel or a blog
FLOOD_FACTOR = 2  # emoji beyond this many times the platform's usual are a flood
REPEATS_FOR_FLOOD = 3  # "🎉🎉 ... 🍰🍰🍰": the same emoji again and again is decoration


@rule("engagement.no_invitation", "engagement")
def no_invitation(draft: Draft) -> Iterator[Hit]:
    """Nothing invites a reply: no question, no ask for views or experiences. Replies are what
    turn a broadcast into a conversation, and what platforms show to more people. (A company
    channel or a blog needs no invitation.)"""
    if draft.platform.name in NOT_SOCIAL:
        return  # colleagues and a blog's readers don't come for a conversation in the replies
    if draft.word_count < MIN_WORDS_FOR_ENGAGEMENT or "?" in draft.prose:
        return
    if lexicon_asks.invites(draft.lower):
        return
    last = draft.sentences[-1]
    yield Hit(
        "warning",
        "The post broadcasts but doesn't invite a reply.",
        last.start,
        last.end,
        "End with a real question you want answered, e.g. 'How does your team handle this?'",
    )


@rule("hashtags.too_many", "hashtags", english_only=False)
def too_many_hashtags(draft: Draft) -> Iterator[Hit]:
    """More hashtags than the platform's norm looks like reach-chasing and buries the post."""
    tags, most = draft.hashtags, draft.platform.max_hashtags
    if len(tags) > most:
        yield Hit(
            "warning",
            f"{len(tags)} hashtags; {most} at most work on {draft.platform.label}.",
            tags[most].start,
            tags[-1].end,
            f"Keep the {most} most specific to your topic and drop the rest.",
        )


@rule("hashtags.stuffing", "hashtags", english_only=False)
def stuffing(draft: Draft) -> Iterator[Hit]:
    """The same hashtag twice, or hashtags making up much of the post, reads as spam. (On
    Instagram, up to five tags under a short caption are how people find it.)"""
    seen: set[str] = set()
    for tag in draft.hashtags:
        key = tag.text.lower()
        if key in seen:
            yield Hit(
                "warning",
                f"{tag.text} appears more than once.",
                tag.start,
                tag.end,
                "Use each hashtag once.",
            )
        seen.add(key)
    tags = len(draft.hashtags)
    usual = draft.platform.caption_tags and tags <= draft.platform.max_hashtags
    if tags >= 4 and tags > draft.word_count / 2 and not usual:
        yield Hit(
            "warning",
            "Hashtags make up much of the post.",
            draft.hashtags[0].start,
            draft.hashtags[-1].end,
            "Write the point in words first; add two or three tags at the end.",
        )


@cache
def _segmenter() -> object:
    # wordsegment loads its word counts (about 0.6 s) only when a long lowercase tag appears.
    import wordsegment

    wordsegment.load()
    return wordsegment


def camel_case(tag: str) -> str | None:
    """'socialmediatips' -> 'SocialMediaTips' when the tag is several words, else None."""
    words = _segmenter().segment(tag)  # type: ignore[attr-defined]
    if len(words) < 2 or any(len(w) == 1 for w in words):
        return None
    return "".join(w.capitalize() for w in words)


@rule("hashtags.lowercase", "hashtags")
def lowercase_multiword(draft: Draft) -> Iterator[Hit]:
    """A multi-word hashtag in lower case (#socialmediatips) is hard to read and screen readers
    read it as one long word; CamelCase (#SocialMediaTips) fixes both."""
    for tag in draft.hashtags:
        body = tag.text[1:]
        if body.islower() and body.isascii() and len(body) >= MIN_LETTERS_TO_SEGMENT:
            fixed = camel_case(body)
            if fixed:
                yield Hit(
                    "info",
                    f"{tag.text} is several words run together.",
                    tag.start,
                    tag.end,
                    f"Write #{fixed} so people and screen readers can read it.",
                )


@rule("links_mentions.tracking", "links_mentions", english_only=False)
def tracking_parameters(draft: Draft) -> Iterator[Hit]:
    """Tracking parameters (utm_source, fbclid) make links long, look like marketing, and
    tell readers they are being measured."""
    for url in draft.urls:
        if TRACKING_PARAMS.search(url.text):
            clean = url.text.split("?", 1)[0]
            yield Hit(
                "warning",
                "This link carries tracking parameters.",
                url.start,
                url.end,
                f"Share the clean link: {clean}",
            )


@rule("links_mentions.link_only", "links_mentions", english_only=False)
def link_only(draft: Draft) -> Iterator[Hit]:
    """A post that is only a link gives people no reason to click, and feeds show it less."""
    if draft.urls and draft.word_count < 4:
        yield Hit(
            "warning",
            "The post is just a link.",
            draft.urls[0].start,
            draft.urls[0].end,
            "Write two or three lines: the one thing you took from it and who should read it.",
        )


@rule("links_mentions.mention_flood", "links_mentions", english_only=False)
def mention_flood(draft: Draft) -> Iterator[Hit]:
    """Tagging many people at once reads as a bid for reach, and people notice."""
    if len(draft.mentions) > MAX_MENTIONS:
        yield Hit(
            "warning",
            f"{len(draft.mentions)} people tagged.",
            draft.mentions[MAX_MENTIONS].start,
            draft.mentions[-1].end,
            "Tag only the people who took part or whose view you want, two or three at most.",
        )


def _repeated(draft: Draft) -> int:
    """How many emoji repeat the one right before them ("🎉🎉" is one, "🍰🍰🍰" two)."""
    emoji = draft.emoji
    return sum(
        1
        for before, after in pairwise(emoji)
        if before.text == after.text and not draft.text[before.end : after.start].strip()
    )


@rule("emoji.too_many", "emoji", english_only=False)
def too_many_emoji(draft: Draft) -> Iterator[Hit]:
    """More emoji than is usual on the platform distracts from the words; a flood of them
    (twice the usual, or more emoji than words) buries the point, and a post of emoji (and
    tags) with no words has nothing else to say."""
    emoji, most = draft.emoji, draft.platform.max_emoji
    if emoji and not draft.word_count:
        yield Hit(
            "warning",
            f"{len(emoji)} emoji and no words: the emoji are all the post says.",
            emoji[0].start,
            emoji[-1].end,
            "Say in words what happened; keep one emoji for the mood if you like.",
        )
    elif len(emoji) > most:
        flood = len(emoji) > FLOOD_FACTOR * most or len(emoji) > draft.word_count
        yield Hit(
            "warning" if flood or _repeated(draft) >= REPEATS_FOR_FLOOD else "info",
            f"{len(emoji)} emoji; around {most} is usual on {draft.platform.label}.",
            emoji[most].start,
            emoji[-1].end,
            "Keep the emoji that add meaning and drop the decoration.",
        )
    elif _repeated(draft) >= REPEATS_FOR_FLOOD:
        yield Hit(
            "warning",
            "The same emoji again and again reads as decoration, not meaning.",
            emoji[0].start,
            emoji[-1].end,
            "Keep the emoji that add meaning and drop the decoration.",
        )
