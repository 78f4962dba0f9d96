"""Routing: commands by shape, questions to the tips, everything else is a draft."""

from __future__ import annotations

import pytest

from bot.coach import classify

CASES = [
    ("help", "command"),
    ("/help", "command"),
    ("progress", "command"),
    ("checkin 4", "command"),
    ("check in 3", "command"),
    ("platform x", "command"),
    ("goal posts 3 per week on linkedin", "command"),
    ("goals", "command"),
    ("forget me", "command"),
    ("forget me confirm", "command"),
    ("my data", "command"),
    ("review for x: we shipped it", "command"),
    ("recheck 12 x", "command"),
    ("feedback 12 helpful", "command"),
    ("how do I grow my followers?", "question"),
    ("I don't have time", "question"),
    ("Should I start a blog?", "question"),
    ("Help is on the way, folks.", "question"),
    (
        "Progress over perfection: we shipped v1 of the exporter with half the features and "
        "learned more in a week than in a month of planning.",
        "draft",
    ),
    (
        "Feedback is a gift. Ask for it early and you'll waste far less time on things nobody "
        "needs, which is the lesson our team learned the hard way this quarter.",
        "draft",
    ),
    ("Forget me not", "question"),
    ("We shipped the cache today and builds are faster", "draft"),
    ("Posting feels scary", "question"),
    ("We moved CI to a cache.\n\nBuilds now take 9 minutes.", "draft"),
    ("Read this: https://example.com", "draft"),
    ("Shipping today #DevTools", "draft"),
]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_classify(text: str, kind: str) -> None:
    assert classify(text).kind == kind


def test_command_arguments_are_kept() -> None:
    intent = classify("review for x: line one\nline two")
    assert (intent.command, intent.args) == ("review", "for x: line one\nline two")
