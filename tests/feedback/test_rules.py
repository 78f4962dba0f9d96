"""Every rule: texts it must catch, and near-misses it must leave alone."""

from __future__ import annotations

import pytest

from bot.feedback import RULES, critique
from bot.feedback.length import split_thread, x_weighted_length

LONG_X = "Shipping small changes daily beats one big release every quarter. " * 6
HASHTAGS_6 = "Notes from the conference. #one #two #three #four #five #six"

# (rule id, platform, text)
HITS = [
    ("platform_fit.over_limit", "x", LONG_X),
    ("platform_fit.over_limit", "bluesky", "word " * 80),
    ("platform_fit.over_limit", "threads", "a" * 501),
    ("platform_fit.over_limit", "linkedin", "Plenty to say here. " * 160),
    ("platform_fit.over_limit", "instagram", "x" * 2201),
    ("platform_fit.over_limit", "internal", "Update. " * 600),
    ("hook.generic_opening", "linkedin", "I'm excited to announce that we shipped search today."),
    ("hook.generic_opening", "linkedin", "Hi all, here is what our team learned about caching."),
    ("hook.generic_opening", "x", "Just wanted to share a few notes from the migration."),
    (
        "hook.below_fold",
        "linkedin",
        "After six months of rewriting our billing system from scratch with a team of four "
        "engineers, two designers and one very patient product manager, we finally moved every "
        "customer to the new platform last night. Here is what we learned.",
    ),
    ("point_of_view.no_stance", "linkedin", "https://example.com/report"),
    (
        "point_of_view.no_stance",
        "linkedin",
        "Our team released version 2.0 today. It includes search, exports and dark mode.",
    ),
    ("confidence.hedge", "linkedin", "I think this is maybe just sort of useful for teams."),
    (
        "confidence.apology",
        "linkedin",
        "Sorry for the long post, but the migration taught me a lot.",
    ),
    ("confidence.self_deprecation", "linkedin", "I'm no expert, but caching saved us hours."),
    ("salesy.hard_sell", "linkedin", "Our course is live. Buy now, this is a limited time deal."),
    ("salesy.hard_sell", "x", "Get 20% off the annual plan this week."),
    ("salesy.shouting", "linkedin", "This release is HUGE for every data team out there."),
    ("salesy.shouting", "linkedin", "This release is HUGE AND FAST for every data team."),
    ("salesy.shouting", "linkedin", "This release is ENORMOUS for every data team out there."),
    ("salesy.exclamations", "linkedin", "We did it!!! Thank you all."),
    (
        "engagement.no_invitation",
        "linkedin",
        "We moved our builds to a cache and cut CI time from forty minutes to nine minutes.",
    ),
    (
        "readability.long_sentence",
        "linkedin",
        "We spent the whole quarter moving our builds to a shared cache and the team learned "
        "that measuring first and changing one thing at a time is what made the difference.",
    ),
    (
        "readability.grade",
        "linkedin",
        "Organizational transformation necessitates comprehensive stakeholder alignment across "
        "geographically distributed departments. Institutional considerations occasionally "
        "complicate implementation methodologies substantially. Interdepartmental communication "
        "fundamentally determines effectiveness, sustainability and measurable organizational "
        "performance improvements.",
    ),
    ("readability.passive", "linkedin", "The migration was completed by the platform team."),
    ("readability.wall_of_text", "linkedin", "We changed how we review code. " * 16),
    ("hashtags.too_many", "linkedin", HASHTAGS_6),
    ("hashtags.too_many", "x", "Shipped it. #one #two #three"),
    ("hashtags.lowercase", "linkedin", "Three lessons from a year of posting. #socialmediatips"),
    ("hashtags.stuffing", "linkedin", "Great day. #AI #AI"),
    ("links_mentions.tracking", "linkedin", "Read it: https://ex.com/a?utm_source=linkedin&x=1"),
    ("links_mentions.link_only", "linkedin", "https://example.com/post"),
    ("links_mentions.mention_flood", "linkedin", "Thanks " + " ".join(f"@p{i}" for i in range(7))),
    ("jargon.buzzword", "linkedin", "We leverage synergy to move the needle."),
    ("inclusive.term", "linkedin", "Hey guys, the booth will be manned all day."),
    ("inclusive.profanity", "linkedin", "This bullshit deadline cost us a week."),
    ("point_of_view.too_short", "linkedin", "🚀🚀 #launch"),
    ("emoji.too_many", "linkedin", "Launch day 🚀🚀🎉🎉🔥 let's go"),
    ("disclosure.missing", "linkedin", "Try the new Acme dashboard, it is the best I've used."),
    ("policy.confidential", "linkedin", "Sharing our confidential Q3 roadmap with you all."),
    ("policy.confidential", "x", "These numbers are under NDA but wow."),
]

NEAR_MISSES = [
    ("platform_fit.over_limit", "x", "Short and sweet. https://example.com/" + "a" * 200),
    ("platform_fit.over_limit", "bluesky", "👨‍👩‍👧‍👦" * 300),
    (
        "hook.generic_opening",
        "linkedin",
        "We cut build times by 78%. Here's how, and what I'd do next.",
    ),
    ("hook.generic_opening", "linkedin", "Later I was excited to announce it to the team."),
    ("hook.below_fold", "linkedin", "We shipped it.\n" + "More detail here. " * 30),
    ("hook.below_fold", "x", "We " + "really " * 40 + "shipped it."),
    (
        "point_of_view.no_stance",
        "linkedin",
        "We shipped 2.0 today. I think it matters because teams spend hours on exports.",
    ),
    ("point_of_view.no_stance", "linkedin", "Shipped."),
    ("confidence.hedge", "linkedin", "I think remote work wins because focus time matters."),
    ("confidence.hedge", "linkedin", "We just launched the new onboarding flow for teams."),
    ("confidence.hedge", "linkedin", "Justice and justification are different words."),
    (
        "confidence.self_deprecation",
        "linkedin",
        "I'm a marketer, not an engineer, so here's my question about caching.",
    ),
    ("confidence.apology", "linkedin", "No apologies: we shipped late and it was worth it."),
    ("salesy.hard_sell", "linkedin", "I now buy fewer tools and build more of them myself."),
    ("salesy.shouting", "linkedin", "Our GDPR and HTML notes, plus the API guide, are online."),
    ("salesy.shouting", "linkedin", "I spoke at the Boston SPIN group about STEM learning."),
    ("salesy.exclamations", "linkedin", "We did it! Thank you all."),
    (
        "engagement.no_invitation",
        "linkedin",
        "We moved our builds to a cache and cut CI time from "
        "forty minutes to nine. How long do yours take?",
    ),
    ("engagement.no_invitation", "linkedin", "Shipped it today."),
    (
        "readability.long_sentence",
        "linkedin",
        "We spent the whole quarter moving our builds to a shared cache, and the team learned "
        "to measure before changing anything.",
    ),
    ("readability.passive", "linkedin", "I was interested in the talk, and we completed it."),
    ("readability.wall_of_text", "linkedin", "We changed how we review code.\n\n" * 8),
    ("hashtags.too_many", "linkedin", "Notes. #one #two #three #four #five"),
    ("hashtags.lowercase", "linkedin", "Three lessons from a year of posting. #leadership #ai"),
    ("hashtags.lowercase", "linkedin", "Three lessons. #SocialMediaTips"),
    ("hashtags.stuffing", "linkedin", "Great day. #AI #ML"),
    ("links_mentions.tracking", "linkedin", "Read it: https://ex.com/a?page=2"),
    (
        "links_mentions.link_only",
        "linkedin",
        "This report changed how I plan sprints: https://example.com/post",
    ),
    ("links_mentions.mention_flood", "linkedin", "Thanks @ana @raj @li for the review."),
    ("jargon.buzzword", "linkedin", "We used the new cache to cut build time."),
    ("inclusive.term", "linkedin", "Hey everyone, the booth will be staffed all day."),
    ("inclusive.profanity", "linkedin", "Our welfare team will tinker with the shift plan."),
    ("point_of_view.too_short", "linkedin", "Shipped it today, finally."),
    ("point_of_view.too_short", "linkedin", "https://example.com/report"),
    ("emoji.too_many", "linkedin", "Launch day 🚀 let's go"),
    ("emoji.too_many", "instagram", "Launch day 🚀🚀🎉🎉🔥 let's go"),
    (
        "disclosure.missing",
        "linkedin",
        "I work at Acme. Try the new Acme dashboard, it's the best.",
    ),
    ("disclosure.missing", "linkedin", "Try the new Acme dashboard, it's the best. #AcmeEmployee"),
    ("disclosure.missing", "linkedin", "Try the new Acme dashboard, it's the best. #ad"),
    ("disclosure.missing", "linkedin", "Try the new Globex dashboard, it is the best."),
    ("policy.confidential", "internal", "Reminder: the Q3 roadmap is confidential."),
    ("policy.confidential", "linkedin", "Our roadmap for next year is public now: here it is."),
]


def rules_hit(text: str, platform: str, companies: tuple[str, ...] = ("Acme",)) -> set[str]:
    return {f.rule for f in critique(text, platform, companies).findings}


@pytest.mark.parametrize(("rule", "platform", "text"), HITS, ids=[h[0] for h in HITS])
def test_rule_catches(rule: str, platform: str, text: str) -> None:
    assert rule in rules_hit(text, platform)


@pytest.mark.parametrize(("rule", "platform", "text"), NEAR_MISSES, ids=[n[0] for n in NEAR_MISSES])
def test_rule_leaves_near_miss_alone(rule: str, platform: str, text: str) -> None:
    assert rule not in rules_hit(text, platform)


def test_every_rule_has_a_hit_and_a_near_miss() -> None:
    ids = {r.id for r in RULES}
    missing_hits = ids - {h[0] for h in HITS} - {"policy.company_term"}
    missing_misses = (
        ids - {n[0] for n in NEAR_MISSES} - {"policy.company_term", "readability.grade"}
    )
    assert not missing_hits
    assert not missing_misses


def test_vague_disclosure_tags_do_not_count() -> None:
    for vague in ("#ee", "#spon", "#sp"):
        text = f"Try the new Acme dashboard, it's the best. {vague}"
        assert "disclosure.missing" in rules_hit(text, "linkedin")


def test_company_terms_from_the_admin_are_errors() -> None:
    found = critique("Project Falcon ships soon!", "linkedin", policy_terms=("project falcon",))
    hit = next(f for f in found.findings if f.rule == "policy.company_term")
    assert hit.severity == "error"
    assert hit.excerpt == "Project Falcon"
    clean = critique("Our next project ships soon.", "linkedin", policy_terms=("project falcon",))
    assert "policy.company_term" not in {f.rule for f in clean.findings}


def test_reading_level_near_miss_for_plain_words() -> None:
    plain = "We fixed the bug. It took a day. The team was glad. " * 4
    assert "readability.grade" not in rules_hit(plain, "linkedin")


def test_hedging_is_a_warning_only_when_habitual() -> None:
    once = critique("I think the cache helped the team a lot this quarter, honestly.", "linkedin")
    habit = critique("I think it maybe helped, kind of, probably.", "linkedin")
    assert {f.severity for f in once.findings if f.rule == "confidence.hedge"} == {"info"}
    assert {f.severity for f in habit.findings if f.rule == "confidence.hedge"} == {"warning"}


def test_x_over_limit_offers_a_numbered_thread() -> None:
    found = next(f for f in critique(LONG_X, "x").findings if f.rule == "platform_fit.over_limit")
    assert found.severity == "error"
    assert "thread of 2" in found.suggestion
    assert "1/2" in found.suggestion and "2/2" in found.suggestion


def test_lowercase_hashtag_suggests_camel_case() -> None:
    found = critique("Posting more this year. #socialmediatips", "linkedin").findings
    assert any("#SocialMediaTips" in f.suggestion for f in found)


def test_rules_have_stable_ids_and_user_facing_explanations() -> None:
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    for rule in RULES:
        assert rule.id.startswith(rule.category + ".")
        assert len(rule.explanation) > 40, rule.id


def test_spans_point_at_the_excerpt() -> None:
    text = "Hi all! I think we maybe shipped the best thing. #socialmediatips"
    for finding in critique(text, "linkedin").findings:
        assert text[finding.start : finding.end] == finding.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "word " * 200 + "A" * 300 + ". End.",
        "新しい検索機能を公開しました。ぜひ使ってみてください。" * 12,
        "长文本没有空格" * 60,
    ],
)
def test_every_part_of_a_thread_fits(text: str) -> None:
    parts = split_thread(text)
    assert len(parts) > 1
    assert all(x_weighted_length(part) <= 280 for part in parts)
    assert parts[-1].endswith(f"{len(parts)}/{len(parts)}")
