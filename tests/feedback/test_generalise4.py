"""Issue 10, fourth round: classes of misses and false alarms a third blind held-out set exposed.

Every case is new wording of a class (never a held-out text), so only a fix for the class, not
for one sentence, makes it pass.
"""

from __future__ import annotations

import pytest

from bot.feedback import critique
from tests.feedback.hits import rules_hit

# (rule, text, platform, companies): each was missed before.
MUST_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Throat-clearing: hesitating in public about posting, a teaser instead of the news.
    (
        "hook.generic_opening",
        "I've been going back and forth about whether to share this. Our startup shut down.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "We debated for days over whether to publish these numbers. Churn doubled in March.",
        "linkedin",
        (),
    ),
    ("hook.generic_opening", "Well... this happened. Our clinic passed its inspection.", "x", ()),
    ("hook.generic_opening", "The day has come: my first book is at the printer.", "threads", ()),
    (
        "hook.generic_opening",
        "Without further ado, our spring reading list for new leads.",
        "x",
        (),
    ),
    # A weasel adverb; a non-native writer's apology for their English.
    ("confidence.hedge", "The migration allegedly saved the platform team a week.", "linkedin", ()),
    (
        "confidence.apology",
        "Sorry for any mistakes, I am still learning. Our ward changed its handover this winter.",
        "linkedin",
        (),
    ),
    (
        "confidence.apology",
        "Excuse my grammar, I am still learning. Our bakery opened a second shop in Gdańsk.",
        "facebook",
        (),
    ),
    (
        "confidence.self_deprecation",
        "My English isn't very good, but here is what I learned moving my lab to Lyon.",
        "linkedin",
        (),
    ),
    # Selling, politely: a call to show the product, an offer of a discount.
    (
        "salesy.hard_sell",
        "Are you open to a short demo so we can walk you through our scheduling tool?",
        "linkedin",
        (),
    ),
    (
        "salesy.hard_sell",
        "We'd be happy to offer you a special 15% discount on our payroll package this month.",
        "linkedin",
        (),
    ),
    (
        "salesy.hard_sell",
        "Could I grab 20 minutes next week to show you how our app tracks invoices?",
        "linkedin",
        (),
    ),
    # An event announcement whose only link is "in the comments" invites no reply.
    (
        "engagement.no_invitation",
        "Our payroll conference is on 3 October in Leeds, with talks on pensions and tax. "
        "Tickets and the agenda are via the link in the comments.",
        "linkedin",
        (),
    ),
    # Bureaucratese (retext-simplify's list) and HR clichés.
    (
        "jargon.buzzword",
        "Prior to the rollout, we will ascertain which teams need training.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Notwithstanding the delay, the audit will commence in accordance with the plan.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Our people are our most valuable asset, and we want to future-proof how we hire.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Before the launch we need our ducks in a row and the secret sauce written down.",
        "linkedin",
        (),
    ),
    # Leaks without the old marker words.
    (
        "policy.confidential",
        "Not meant to mention this yet, but we're merging the two Leeds teams in June.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Sharing the preliminary survey results for the council, in case it helps anyone.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Can't name names (NDA), but the customer we signed last week is a big airline.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Signed an NDA last week, so here's what I can say: the new kiosk ships in May at £99.",
        "linkedin",
        (),
    ),
    # A generic "he" for anyone in a role.
    (
        "inclusive.term",
        "Each engineer should review his own pull requests before asking for help.",
        "linkedin",
        (),
    ),
    (
        "inclusive.term",
        "If a user forgets the password, he should not have to call us to reset it.",
        "linkedin",
        (),
    ),
]

# (rule, text, platform, companies): each was flagged before.
MUST_NOT_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Views said as a denial then the same verb asserted, a consensus, "what nobody tells you",
    # advice to a younger self, credit given, a recommendation.
    (
        "point_of_view.no_stance",
        "Most outages don't start in the code. They start in the change calendar.",
        "threads",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Good nurses seldom quit over the night shifts. They quit over the rota nobody fixes.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Diesel went up 8p this week, and every haulier in the county knows what that means.",
        "facebook",
        (),
    ),
    (
        "point_of_view.no_stance",
        "The part of onboarding nobody warns you about: the second week, when the welcome "
        "lunches stop.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Twenty years into nursing, the thing I'd tell my younger self is that the training "
        "budget is there to be spent.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Patched: a CSRF bug in a council's bin collection form let anyone change another "
        "household's address. Reported in June, fixed in July. Kudos to their developers.",
        "x",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Our lambing guide is out, and the chapter on night checks is the one I'd start with: "
        "https://example.org/lambing",
        "facebook",
        (),
    ),
    # A promise that ends in a colon above the fold, its content straight after.
    (
        "hook.below_fold",
        "Here's what I learned after a year of running a food bank's volunteer rota: the rota "
        "matters less than the phone call the night before, so we now call everyone on Thursdays.",
        "linkedin",
        (),
    ),
    # A company whose name starts with "Just".
    (
        "confidence.hedge",
        "Just Egg's new range is in our canteen now, and the queue is out the door.",
        "linkedin",
        (),
    ),
    # Invitations without a question mark.
    (
        "engagement.no_invitation",
        "Wondering if anyone has tried four-day weeks in a small bakery, and how the ovens coped.",
        "linkedin",
        (),
    ),
    (
        "engagement.no_invitation",
        "I'd love to compare notes with other school librarians on graphic novels for year 7.",
        "bluesky",
        (),
    ),
    (
        "engagement.no_invitation",
        "Happy to take questions about switching from teaching to UX research all week long.",
        "linkedin",
        (),
    ),
    # Literal senses; plain words on the simplify list (guards: these lists are new).
    (
        "jargon.buzzword",
        "Hold the chisel so the cutting edge faces away from your hand, and go slowly.",
        "instagram",
        (),
    ),
    (
        "jargon.buzzword",
        "Herding cats at the vet this morning: three escaped their baskets in the waiting room.",
        "facebook",
        (),
    ),
    (
        "jargon.buzzword",
        "We provide a monthly report, and however busy the week, we maintain the rota.",
        "linkedin",
        (),
    ),
    # Disclosure as the company then the role, or the work done there.
    (
        "disclosure.missing",
        "As a Lumen Health nurse, I think our new discharge letters are the best change this year.",
        "linkedin",
        ("Lumen Health",),
    ),
    (
        "disclosure.missing",
        "I code at Quarry, so I'm biased: the new search is the best thing we've shipped.",
        "threads",
        ("Quarry",),
    ),
    # A title is not the writer's words.
    (
        "inclusive.term",
        "Crazy for the Game is my favourite sports documentary of the decade.",
        "threads",
        (),
    ),
]


@pytest.mark.parametrize(("rule", "text", "platform", "companies"), MUST_FLAG)
def test_must_flag(rule: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert rule in rules_hit(text, platform, companies)


@pytest.mark.parametrize(("rule", "text", "platform", "companies"), MUST_NOT_FLAG)
def test_must_not_flag(rule: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert rule not in rules_hit(text, platform, companies)


def test_a_leak_under_nda_scores_as_unpublishable() -> None:
    text = "Signed the NDA in May, so here's what I can share: our reader costs £79 in 40 stores."
    assert critique(text, "linkedin").score <= 55


def test_removing_tracking_and_adding_a_view_scores_higher() -> None:
    before = "Our lambing guide is out: https://example.org/lambing?utm_source=fb&utm_medium=social"
    after = (
        "Our lambing guide is out, and the chapter on night checks is the one I'd start with: "
        "https://example.org/lambing"
    )
    assert critique(after, "facebook").score > critique(before, "facebook").score


def test_the_simplify_list_is_applied_less_everyday_words() -> None:
    from bot.feedback import jargon

    applied = {phrase for phrase, _ in jargon._simplify()}
    assert {"pursuant to", "aforementioned", "ascertain", "in a timely manner"} <= applied
    assert not {"provide", "however", "there is", "monitor"} & applied


def test_the_hedges_list_gives_its_adverbs() -> None:
    from bot.feedback import intensify

    assert "allegedly" in intensify.applied()
    assert "decidedly" not in intensify.applied()  # from the weasels list, an intensifier
