"""The quality floors of issue 10, held on the labelled corpus.

They run in `make test`, so quality cannot quietly regress: a change to the critique, the
routing or the tips that breaks a floor fails the build, and the message names the cases.
"""

from __future__ import annotations

import itertools

import pytest

from tests.corpus.evaluate import Report, cached_report

MIN_LABELLED = 10
MIN_RECALL = 0.90
MAX_FALSE_ALARMS = 0.05
MIN_SPEARMAN = 0.70
MAX_RATING_1 = 55
MAX_BARE_LINK = 50
MIN_RATING_5 = 85
MIN_ROUTING = 0.95
MIN_TOP1 = 0.85
MIN_TOP3 = 0.95


@pytest.fixture(scope="module")
def report() -> Report:
    return cached_report()


def test_recall_in_every_category(report: Report) -> None:
    low = {
        f.category: (round(f.recall, 2), list(f.missed_ids))
        for f in report.categories
        if f.cases >= MIN_LABELLED and f.recall < MIN_RECALL
    }
    assert not low, f"recall below {MIN_RECALL} (category: recall, missed cases): {low}"


def test_false_alarms_in_every_category(report: Report) -> None:
    high = {
        f.category: (round(f.false_alarm_rate, 2), list(f.false_alarm_ids))
        for f in report.categories
        if f.cases >= MIN_LABELLED and f.false_alarm_rate > MAX_FALSE_ALARMS
    }
    assert not high, f"false alarms above {MAX_FALSE_ALARMS} (category: rate, cases): {high}"


def test_every_revision_scores_higher(report: Report) -> None:
    lost = [(p.id, p.before, p.after) for p in report.pairs if not p.won]
    assert not lost, f"revisions not scoring strictly higher (id, before, after): {lost}"


def test_score_follows_the_rating(report: Report) -> None:
    assert report.spearman >= MIN_SPEARMAN, f"Spearman {report.spearman:.2f} < {MIN_SPEARMAN}"


def test_unpublishable_drafts_score_low(report: Report) -> None:
    band = next(b for b in report.bands if b.rating == 1)
    high = [(i, s) for i, s in band.scores if s > MAX_RATING_1]
    assert not high, f"rating-1 drafts above {MAX_RATING_1}: {high}"


def test_a_bare_link_scores_at_most_50(report: Report) -> None:
    assert report.bare_links, "the rated set has no bare link"
    high = [(i, s) for i, s in report.bare_links if s > MAX_BARE_LINK]
    assert not high, f"bare links above {MAX_BARE_LINK}: {high}"


def test_ready_drafts_score_high(report: Report) -> None:
    band = next(b for b in report.bands if b.rating == 5)
    low = [(i, s) for i, s in band.scores if s < MIN_RATING_5]
    assert not low, f"rating-5 drafts below {MIN_RATING_5}: {low}"


def test_mean_score_rises_with_the_rating(report: Report) -> None:
    means = [(b.rating, round(b.average, 1)) for b in report.bands]
    falls = [
        (lower, higher) for lower, higher in itertools.pairwise(means) if higher[1] <= lower[1]
    ]
    assert not falls, f"mean score does not rise between ratings (rating, mean): {falls}"


def test_routing_accuracy(report: Report) -> None:
    misses = [(m.id, m.expected, m.got) for m in report.routing_misses]
    accuracy = report.routing_accuracy
    assert accuracy >= MIN_ROUTING, (
        f"routing {accuracy:.2f} < {MIN_ROUTING}; misses (id, expected, got): {misses}"
    )


def test_answer_relevance_top1(report: Report) -> None:
    wrong = [a.id for a in report.answers if not a.top1]
    assert report.answer_top1 >= MIN_TOP1, (
        f"top-1 relevance {report.answer_top1:.2f} < {MIN_TOP1}; wrong first tip: {wrong}"
    )


def test_answer_relevance_top3(report: Report) -> None:
    wrong = [a.id for a in report.answers if not a.top3]
    assert report.answer_top3 >= MIN_TOP3, (
        f"top-3 relevance {report.answer_top3:.2f} < {MIN_TOP3}; no fitting tip in three: {wrong}"
    )
