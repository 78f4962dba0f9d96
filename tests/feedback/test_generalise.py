"""Issue 10, second round: classes of misses and false alarms a blind held-out set exposed.

Each case is new wording of a class (never a held-out text): a fix for the class, not for
one sentence, makes it pass.
"""

from __future__ import annotations

import pytest

from bot.feedback import critique
from tests.feedback.hits import rules_hit

# (rule, text, platform, companies): each was missed before.
MUST_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Throat-clearing: a discourse marker first, talk about the post, stacked feelings.
    (
        "hook.generic_opening",
        "Okay, so I've been wanting to post about this for months. Our onboarding took "
        "three weeks and we cut it to three days.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "Fair warning, this is a long one. We rewrote our billing system twice last year.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "Bear with me, this one is long. Our on-call rota changed three times this year.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "I don't usually post here, but our intern shipped something worth seeing.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "Humbled, grateful and a little nervous to share that I'm joining the platform team.",
        "linkedin",
        (),
    ),
    # Hedges from the maintained lists, degree qualifiers, asking for reassurance or leave.
    (
        "confidence.hedge",
        "The new process worked, to a large extent, for the support team.",
        "linkedin",
        (),
    ),
    ("confidence.hedge", "Apparently our users prefer the old layout.", "linkedin", ()),
    ("confidence.hedge", "The results are presumably better than last year's.", "linkedin", ()),
    ("confidence.hedge", "Some say the office is dead, supposedly.", "linkedin", ()),
    (
        "confidence.hedge",
        "Here is my plan for the offsite in four steps. Does any of this make sense?",
        "linkedin",
        (),
    ),
    (
        "confidence.hedge",
        "I'll post my notes from the workshop here, if that's alright with everyone.",
        "linkedin",
        (),
    ),
    (
        "confidence.self_deprecation",
        "Who am I to tell anyone how to run a team? Still, three things worked for us.",
        "linkedin",
        (),
    ),
    # A promotion with no promotion word: a judgement or advice about the company.
    (
        "disclosure.missing",
        "If you deploy on ARM, you should move your builds to Corvid. Nothing else comes close.",
        "x",
        ("Corvid",),
    ),
    (
        "disclosure.missing",
        "Corvid's build cache is the fastest I have ever used.",
        "x",
        ("Corvid",),
    ),
    # Hard sell without the usual words.
    ("salesy.hard_sell", "All three ebooks for one low price, this weekend only!", "instagram", ()),
    ("salesy.hard_sell", "Get the full course bundle at a special price.", "instagram", ()),
    # Passive with a manner adverb between "be" and the participle.
    ("readability.passive", "Our customers were badly affected by the outage.", "linkedin", ()),
    ("readability.passive", "The budget will be quietly cut by finance next year.", "linkedin", ()),
    # A short post written far above its platform's reading level.
    (
        "readability.grade",
        "Notwithstanding methodological heterogeneity, longitudinal epidemiological "
        "investigations demonstrate substantial associations between socioeconomic "
        "deprivation and cardiovascular morbidity.",
        "x",
        (),
    ),
    # Buzzwords from maintained lists (proselint, Joblint).
    ("jargon.buzzword", "Next quarter we will productize our consulting playbook.", "linkedin", ()),
    ("jargon.buzzword", "The offsite is for blue sky ideas about the roadmap.", "linkedin", ()),
    # A job ad: Joblint's rules for job posts.
    (
        "inclusive.term",
        "We're hiring a Rust developer. Bearded hackers who love compilers get bonus points!",
        "linkedin",
        (),
    ),
    (
        "inclusive.term",
        "Join our sexy fintech startup as a product designer. Apply by Friday.",
        "linkedin",
        (),
    ),
    (
        "inclusive.term",
        "We're hiring a senior engineer. He will own our payments stack from day one.",
        "linkedin",
        (),
    ),
    (
        "inclusive.profanity",
        "We're hiring! Our damn good support team needs one more person.",
        "linkedin",
        (),
    ),
    # Confidential business facts, said in so many words.
    (
        "policy.confidential",
        "Not supposed to say this yet, but our internal projections show revenue doubling.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Big week: our merger talks with Northwind are moving fast.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "I probably shouldn't be sharing this, but the new pricing goes live on Monday.",
        "linkedin",
        (),
    ),
]

# (rule, text, platform, companies): each was a false alarm before.
MUST_NOT_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # A phrase at the start that the writer mentions, not uses.
    (
        "hook.generic_opening",
        "'Thrilled to announce' tells readers nothing. Lead with what changed for them.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "\u201cHi all\u201d is the weakest first line on LinkedIn, and I used it for years.",
        "linkedin",
        (),
    ),
    # Sorry to someone, or for a real event: not an apology for posting.
    (
        "confidence.apology",
        "Sorry, Excel: our finance team moved every forecast to a notebook this quarter.",
        "linkedin",
        (),
    ),
    (
        "confidence.apology",
        "Sorry for the outage on Tuesday, everyone. An expired certificate took the API down.",
        "x",
        (),
    ),
    (
        "hook.generic_opening",
        "Sorry for the outage on Tuesday, everyone. An expired certificate took the API down.",
        "x",
        (),
    ),
    # "just" before a past tense is time, not a minimiser.
    ("confidence.hedge", "We just migrated our docs to a static site.", "linkedin", ()),
    ("confidence.hedge", "I just wrote my first Rust crate and published it.", "linkedin", ()),
    ("confidence.hedge", "We've just open-sourced our load tester.", "linkedin", ()),
    # "nobody asked for" a product is not the writer talking themselves down.
    (
        "confidence.self_deprecation",
        "Most rewrites fail because they add features nobody asked for.",
        "linkedin",
        (),
    ),
    # Literal senses of buzzwords.
    (
        "jargon.buzzword",
        "The school's Wi-Fi bandwidth drops whenever every class streams video.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Our pear tree has so much low-hanging fruit that the toddlers can reach it.",
        "facebook",
        (),
    ),
    (
        "jargon.buzzword",
        "The two herbicides showed synergy in the field trials.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Use the long handle for leverage and the bolt comes loose.",
        "linkedin",
        (),
    ),
    # A list of banned buzzwords is a mention.
    (
        "jargon.buzzword",
        "Three words I'd retire from every all-hands: synergy, leverage, disrupt.",
        "linkedin",
        (),
    ),
    # Literal senses of inclusive-language terms.
    ("inclusive.term", "The circuit uses a bipolar junction transistor.", "linkedin", ()),
    ("inclusive.term", "My laptop hanged twice during the demo.", "linkedin", ()),
    # A word about beards outside a job ad is not Joblint's business.
    ("inclusive.term", "I shaved my beard for charity and raised 400 euros.", "linkedin", ()),
    # Invitations without a question mark.
    (
        "engagement.no_invitation",
        "If you've run a hackathon for under fifty people, I'd like to hear from you first.",
        "linkedin",
        (),
    ),
    (
        "engagement.no_invitation",
        "I write about compilers, climbing and cheap coffee. Say hello if that sounds like you.",
        "bluesky",
        (),
    ),
    (
        "engagement.no_invitation",
        "We're collecting stories about flaky tests for a talk, so get in touch if you have one.",
        "linkedin",
        (),
    ),
    # Disclosure in other words.
    (
        "disclosure.missing",
        "Proud of my teammates at Corvid for shipping offline sync this week.",
        "linkedin",
        ("Corvid",),
    ),
    (
        "disclosure.missing",
        "I'm the co-founder of Tallyho, and our budgeting app is now free for students.",
        "linkedin",
        ("Tallyho",),
    ),
    # Views said as contrasts, generalisations and "it's not X: it's Y".
    (
        "point_of_view.no_stance",
        "Latency went up, not down, after we added the cache. Every deploy emptied it.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Every migration we rushed had the same flaw: nobody owned the rollback.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Our developer survey is live. 1,200 people answered, and the top complaint isn't pay: "
        "it's flaky CI.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "'Move fast' is the most misread advice in startups. Ship small instead.",
        "linkedin",
        (),
    ),
    # A company channel update needs no stance.
    (
        "point_of_view.no_stance",
        "The finance team closed the books two days early this month. Reports are in the "
        "shared drive, and questions go to the team thread.",
        "internal",
        (),
    ),
    # A state, not a passive.
    ("readability.passive", "The team is rested and the room is ready.", "linkedin", ()),
    # Found by reading ordinary posts through the new rules: a deadline with nothing to buy,
    # "Sorry, not sorry", keeping a confidence, a friendly aside, advice after "please".
    (
        "salesy.hard_sell",
        "This weekend only, the museum opens its rooftop to visitors. The view is worth it.",
        "linkedin",
        (),
    ),
    (
        "confidence.apology",
        "Sorry, not sorry: meetings without an agenda get cancelled on my team.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "I'm not allowed to share our clients' names, but I can share what three audits taught us.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Between you and me, the best advice I ever got was to write things down.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Dear recruiters: please stop asking for ten years of experience with a young tool.",
        "linkedin",
        (),
    ),
]


@pytest.mark.parametrize(("rule", "text", "platform", "companies"), MUST_FLAG)
def test_must_flag(rule: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert rule in rules_hit(text, platform, companies)


@pytest.mark.parametrize(("rule", "text", "platform", "companies"), MUST_NOT_FLAG)
def test_must_not_flag(rule: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert rule not in rules_hit(text, platform, companies)


def test_an_apology_for_posting_is_still_an_apology() -> None:
    assert "confidence.apology" in rules_hit("Sorry for the long post, but this matters to me.")
    assert "confidence.apology" in rules_hit("Apologies in advance for the wall of text.")


def test_just_wanted_is_still_a_minimiser() -> None:
    assert "confidence.hedge" in rules_hit("I just wanted to say thanks to the whole team.")


def test_leverage_as_a_verb_is_still_a_buzzword() -> None:
    assert "jargon.buzzword" in rules_hit("We leverage our partners to reach new markets.")


def test_a_buzzword_used_plainly_is_still_one() -> None:
    assert "jargon.buzzword" in rules_hit("I don't have the bandwidth for another project.")


def test_a_confidential_leak_outscores_nothing() -> None:
    result = critique(
        "Can't say this publicly, but our internal forecast has us at $8M ARR by March, and "
        "the acquisition talks are going well."
    )
    assert "policy" in {f.category for f in result.findings}
    assert result.score <= 55
