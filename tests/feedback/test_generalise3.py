"""Issue 10, third round: classes of misses and false alarms a second blind held-out set exposed.

Every case is new wording of a class (never a held-out text), so only a fix for the class, not
for one sentence, makes it pass.
"""

from __future__ import annotations

import pytest

from bot.feedback import critique
from tests.feedback.hits import rules_hit

# (rule, text, platform, companies): each was missed before.
MUST_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Throat-clearing in the forms people use: greetings and pleasantries, a news label, talk
    # about the post, doubting anyone will read it, "it is with ... that I announce".
    (
        "hook.generic_opening",
        "Afternoon everyone, hope your Monday is going well! We halved our build time.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "Hope you all had a restful weekend. Our clinic now opens at seven.",
        "linkedin",
        (),
    ),
    ("hook.generic_opening", "Career update: I've joined the tooling team at Brisk.", "x", ()),
    ("hook.generic_opening", "Big news! Our library is open on Sundays from March.", "x", ()),
    (
        "hook.generic_opening",
        "I've been putting off this post for a month. Our pilot failed, and here is why.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "No idea whether anyone reads these, but our allotment grew 40 kilos of beans.",
        "bluesky",
        (),
    ),
    (
        "hook.generic_opening",
        "I rarely share this sort of thing, but my daughter taught me to solder today.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "It is with mixed emotions that we share our last day at the old depot.",
        "linkedin",
        (),
    ),
    (
        "hook.generic_opening",
        "In this article, we'll look at three ways to shorten a code review.",
        "blog",
        (),
    ),
    ("hook.generic_opening", "Drumroll, please! The new timetable is live.", "facebook", ()),
    ("hook.generic_opening", "The secret is out: I'm moving to Lisbon in May.", "linkedin", ()),
    # A link with a word or two of caption has no view, whatever the words are.
    ("point_of_view.no_stance", "Must watch: https://example.org/keynote", "linkedin", ()),
    (
        "point_of_view.no_stance",
        "Brilliant keynote, a must-see: https://example.org/keynote",
        "linkedin",
        (),
    ),
    # Leave asked to post is a hedge.
    (
        "confidence.hedge",
        "Hope this is alright to share here. Our food bank needs drivers on Saturdays.",
        "facebook",
        (),
    ),
    # Scarcity, lead magnets, calls and savings in money sell.
    (
        "salesy.hard_sell",
        "A few spots remaining in my spring writing workshop. Sign up below.",
        "linkedin",
        (),
    ),
    (
        "salesy.hard_sell",
        "Comment PLAYBOOK and I'll DM you the hiring playbook we used.",
        "linkedin",
        (),
    ),
    (
        "salesy.hard_sell",
        "Reply with the word SCALE and I will send you my free pricing template.",
        "x",
        (),
    ),
    (
        "salesy.hard_sell",
        "Struggling to grow? Book your free discovery call with me now.",
        "linkedin",
        (),
    ),
    ("salesy.hard_sell", "Join the course this week and save £150 on the fee.", "x", ()),
    # Clichés from Garner's list (proselint) and the strategy deck's and the memo's.
    (
        "jargon.buzzword",
        "Switching to weekly releases was a quantum leap for the support desk.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Hybrid rotas brought a sea change in how our nurses plan their weeks.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Our charity must stay ahead of the curve in an ever-changing landscape.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "Budgets are to be approved by directors and subsequently shared following alignment "
        "with finance.",
        "linkedin",
        (),
    ),
    # Promotion by praise or advice, with no promotion word, in the sentence or the next.
    (
        "disclosure.missing",
        "Ledgerly is the only payroll app that never lost a payslip.",
        "x",
        ("Ledgerly",),
    ),
    (
        "disclosure.missing",
        "Switched the team's laptops to Northpeak. Smartest purchase of the quarter.",
        "linkedin",
        ("Northpeak",),
    ),
    (
        "disclosure.missing",
        "If you run a small clinic, book your rota with Shiftwell. Nothing else comes close.",
        "threads",
        ("Shiftwell",),
    ),
    (
        "disclosure.missing",
        "Orchardly's style guide is the one I hand every junior writer.",
        "linkedin",
        ("Orchardly",),
    ),
    # Leaks without a marker word: not public yet, said in confidence, announced later, the
    # company's own conversations, a patient named.
    (
        "policy.confidential",
        "We're working on a partnership that isn't public yet, and it will change our year.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Off the record: our churn rose four points this quarter.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Leadership signed off on closing the Leeds office; the memo goes out Thursday.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Here's a screenshot of our internal Teams chat about the price change.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Mr. R. Okoye in room 12 walked the whole corridor today after his hip surgery.",
        "facebook",
        (),
    ),
    # Inclusive: ableist hyperbole, a generic "he" after a contraction, a gendered label in the
    # plural, "nazi" as a joke, bro culture and hair in a job ad, profane compounds.
    ("inclusive.term", "That board meeting practically gave me a nervous breakdown.", "x", ()),
    ("inclusive.term", "The fire drill at 6am nearly gave us all a heart attack.", "x", ()),
    (
        "inclusive.term",
        "Now hiring a night porter. He'll keep the lobby safe and welcoming.",
        "linkedin",
        (),
    ),
    ("inclusive.term", "Three female pilots graduated from our programme today.", "linkedin", ()),
    (
        "inclusive.term",
        "Our designer is a total font nazi, and we love her for it.",
        "linkedin",
        (),
    ),
    (
        "inclusive.term",
        "We're a crew of brogrammers who ship on Fridays. Join the team.",
        "linkedin",
        (),
    ),
    (
        "inclusive.term",
        "Searching for a bearded data engineer who can lead our warehouse work. Apply below.",
        "linkedin",
        (),
    ),
    ("inclusive.profanity", "The launch week was a complete shitstorm, honestly.", "linkedin", ()),
    # A post of emoji (and tags) with no words says nothing in words.
    ("emoji.too_many", "🙌🙌 #Teamwork", "instagram", ()),
]

# (rule, text, platform, companies): each was flagged wrongly before.
MUST_NOT_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # A sentence can end at an emoji; the first line is not one long sentence.
    (
        "hook.below_fold",
        "Third day of the hackathon and nobody has slept 😴☕ Our team built a ramp finder for "
        "wheelchair users from open street data, and the judges asked to pilot it in two "
        "boroughs. Who else is building with open data this month?",
        "instagram",
        (),
    ),
    # Views without a stock phrase: contrasts, superlatives, advice as a phrase, "the only".
    (
        "point_of_view.no_stance",
        "Long meetings weren't what burned us out. Meetings without an agenda were.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "The most-requested feature last year wasn't dark mode. It was undo.",
        "bluesky",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Most onboarding docs I've seen share one flaw: they explain the tools before the team.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "PSA: if your backups have never been restored, it's time to test one this week.",
        "x",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Bring your old laptops to the library on Friday; volunteers will wipe them for the "
        "school. Simplest donation there is.",
        "facebook",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Code review teaches juniors more about the codebase than onboarding does. Change my mind.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Our ward cut falls by half in a year. The bed alarm helped, but the bigger change "
        "was moving the night checks to the hour.",
        "linkedin",
        (),
    ),
    (
        "point_of_view.no_stance",
        "Every other résumé I read opens with a list of tools. When I write mine, I open with "
        "one result. Try it on your next application.",
        "linkedin",
        (),
    ),
    # A reasoned "I think" after "Here's why" or before a colon that gives the reason.
    (
        "confidence.hedge",
        "Here's why I think the night bus matters more than the tram: it runs when the shift "
        "workers go home.",
        "linkedin",
        (),
    ),
    # Apologies for an event, or said to a group, are not apologies for posting.
    (
        "confidence.apology",
        "We are sorry: the booking site double-charged some members this morning. All refunds "
        "are out.",
        "linkedin",
        (),
    ),
    (
        "confidence.apology",
        "Sorry, iPad owners: the new editor needs iPadOS 17. Here's what we tried first.",
        "x",
        (),
    ),
    # "just" as exactly, about to, or emphasis on a negation is not a minimiser.
    ("confidence.hedge", "The survey just doesn't show what the board hoped for.", "x", ()),
    (
        "confidence.hedge",
        "We were just about to ship when the fire alarm went off.",
        "linkedin",
        (),
    ),
    ("confidence.hedge", "That checklist was just what our new hires needed.", "linkedin", ()),
    # A selling phrase that is talked about is not selling; scarcity needs something to sell,
    # and "comment" needs a keyword to be a lead magnet (guards for the new patterns).
    (
        "salesy.hard_sell",
        "Limited-time offers train customers to wait for the next one. We stopped running them.",
        "linkedin",
        (),
    ),
    (
        "salesy.hard_sell",
        "Spots are limited on the early train, so we booked the later one for the team.",
        "linkedin",
        (),
    ),
    ("salesy.hard_sell", "Comment below and tell me how your team plans sprints.", "x", ()),
    # Invitations without a question mark, and offers of help, invite replies.
    (
        "engagement.no_invitation",
        "Twenty years of fixing boilers and I still love the job. Ask me anything about "
        "becoming a heating engineer.",
        "linkedin",
        (),
    ),
    (
        "engagement.no_invitation",
        "The food bank moves to the church hall from next week, same hours as before. Give me "
        "a shout if you need a lift.",
        "facebook",
        (),
    ),
    (
        "engagement.no_invitation",
        "I'm looking for a second reader for my grant application this month; I'd be so "
        "grateful for a volunteer.",
        "linkedin",
        (),
    ),
    (
        "engagement.no_invitation",
        "Applications for the summer placement close on Friday. If you want someone to look "
        "over your cover letter, I'm happy to review it.",
        "linkedin",
        (),
    ),
    # A company channel or a blog needs no invitation.
    (
        "engagement.no_invitation",
        "Reminder for everyone on call: the pager rota for next month is in the shared "
        "calendar now.",
        "internal",
        (),
    ),
    (
        "engagement.no_invitation",
        "This essay is the second part of a series on writing runbooks that people actually "
        "open at three in the morning.",
        "blog",
        (),
    ),
    # A Slack channel is not a hashtag; tags under a short Instagram caption are the norm.
    (
        "hashtags.stuffing",
        "Release train leaves at 4pm. Questions in #release-train please, and blockers in "
        "#release-train too.",
        "internal",
        (),
    ),
    (
        "hashtags.stuffing",
        "First loaf from the new oven 🍞 #Sourdough #Baking #HomeBaker #BreadLove",
        "instagram",
        (),
    ),
    # Literal senses: a road that disrupts a bus, holistic care, a quantum jump in physics.
    (
        "jargon.buzzword",
        "The marathon will disrupt ferry crossings on Sunday morning.",
        "facebook",
        (),
    ),
    (
        "jargon.buzzword",
        "Our hospice offers holistic care: pain relief, family support and spiritual care.",
        "linkedin",
        (),
    ),
    (
        "jargon.buzzword",
        "In class we watched an electron's quantum leap between energy levels in a simulation.",
        "linkedin",
        (),
    ),
    # Disclosure said as a role, a tenure or pride in the employer.
    (
        "disclosure.missing",
        "I've been a support lead at Ferrow for two years, and the best fix we shipped was a "
        "better error message.",
        "linkedin",
        ("Ferrow",),
    ),
    (
        "disclosure.missing",
        "Lucky to work for Ferrow: the new sabbatical policy gives everyone a month off.",
        "linkedin",
        ("Ferrow",),
    ),
    (
        "disclosure.missing",
        "As a pharmacist at Ferrow, I think our late-night counter is the best in town.",
        "facebook",
        ("Ferrow",),
    ),
    (
        "disclosure.missing",
        "Four years at Ferrow today. The best lesson: write the runbook before the outage.",
        "linkedin",
        ("Ferrow",),
    ),
    # Someone else's unreleased work; a policy term in its everyday sense; a company channel.
    (
        "policy.confidential",
        "So excited for the unreleased demo tapes of my favourite band to finally come out.",
        "x",
        (),
    ),
    (
        "policy.confidential",
        "Between you and me, the hardest part of the job is saying no kindly.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Our hackathon results are in and the announcement goes out Monday.",
        "linkedin",
        (),
    ),
    (
        "policy.confidential",
        "Thank you, Mrs. Adeyemi, for teaching me to code in 1998.",
        "linkedin",
        (),
    ),
    # Respectful talk about illness, said clinically; the writer's own experience; history.
    (
        "inclusive.term",
        "The clinic supports people with depression and bipolar disorder through group therapy.",
        "linkedin",
        (),
    ),
    (
        "inclusive.term",
        "I had a panic attack before my first conference talk. Here is what helped.",
        "linkedin",
        (),
    ),
    ("inclusive.term", "My grandmother hid two families from the Nazis in 1943.", "linkedin", ()),
    ("inclusive.profanity", "The cocktail menu at the arsenal museum was lovely.", "linkedin", ()),
]


@pytest.mark.parametrize(("rule", "text", "platform", "companies"), MUST_FLAG)
def test_must_flag(rule: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert rule in rules_hit(text, platform, companies)


@pytest.mark.parametrize(("rule", "text", "platform", "companies"), MUST_NOT_FLAG)
def test_must_not_flag(rule: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert rule not in rules_hit(text, platform, companies)


def test_a_sentence_ends_at_an_emoji_before_a_capital() -> None:
    result = critique("Day one done 🎉 Tomorrow we ship the mobile app. What should we test first?")
    assert result.stats.sentences == 3


def test_an_apology_about_the_post_after_a_colon_is_still_one() -> None:
    assert "confidence.apology" in rules_hit("Sorry: long post ahead, but it matters to me.")


def test_a_captioned_link_scores_like_a_bare_link() -> None:
    bare = critique("https://example.org/report").score
    captioned = critique("Must watch: https://example.org/report").score
    assert captioned <= bare


def test_a_policy_term_in_its_everyday_sense_or_on_a_company_channel_is_fine() -> None:
    assert "policy.company_term" not in rules_hit(
        "A heron landed on the car park roof today.", policy_terms=("Heron",)
    )
    assert "policy.company_term" in rules_hit(
        "Heron goes to beta next week.", policy_terms=("Heron",)
    )
    assert "policy.company_term" not in rules_hit(
        "Heron standup moves to 10am.", "internal", policy_terms=("Heron",)
    )


def test_anchored_self_deprecation_finds_what_scanning_finds() -> None:
    # The pattern is tried only at the words it can start with; on every text of the three
    # corpora that must find exactly what trying every position finds.
    from bot.feedback import lexicon
    from bot.feedback.chars import fold
    from tests.corpus import evaluate as ev

    texts = [
        case["text"]
        for corpus in (ev.CORPUS, ev.HELDOUT, ev.CORPUS / "heldout2")
        for name in ("critique", "rated")
        for case in ev.load(name, corpus)
    ]
    for text in texts:
        folded = fold(text).replace("’", "'")
        scanned = [m.span() for m in lexicon.SELF_DEPRECATION_PATTERN.finditer(folded)]
        assert [m.span() for m in lexicon.SELF_DEPRECATION.finditer(folded)] == scanned, text
