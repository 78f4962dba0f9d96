"""Issue 10, fifth round: classes of misses and false alarms a fourth blind held-out set exposed.

Every case is new wording of a class (never a held-out text), so only a fix for the class, not
for one sentence, makes it pass.
"""

from __future__ import annotations

import pytest

from bot.feedback import critique
from tests.feedback.hits import categories_hit, rules_hit

# (category, text, platform, companies): each was missed before.
MUST_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Throat-clearing after a thread's number, "putting off writing", "hear me out".
    (
        "hook",
        "2/ I've been meaning to post this for months, so here goes: our food bank doubled.",
        "x",
        (),
    ),
    (
        "hook",
        "Well... I've been putting off sharing this for weeks. I left nursing in March.",
        "linkedin",
        (),
    ),
    (
        "hook",
        "Right, this might be a bit off-topic, but hear me out. Offices should close on Fridays.",
        "threads",
        (),
    ),
    # Doubting in public whether to post at all.
    (
        "confidence",
        "I'm honestly not sure I should post this, but our team missed every deadline in May.",
        "linkedin",
        (),
    ),
    # Selling: a free call to book, a buying verb with a deadline, free months.
    (
        "salesy",
        "Struggling to hire nurses? Book a free 20-minute strategy session via my profile.",
        "linkedin",
        (),
    ),
    (
        "salesy",
        "Our broadband is the fastest on the estate. Upgrade today.",
        "facebook",
        (),
    ),
    (
        "salesy",
        "Subscribe this month and get your first two months free!",
        "instagram",
        (),
    ),
    # Jargon from 18F's words to avoid and CV clichés.
    (
        "jargon",
        "We will foster a spirit of openness and streamline how our teams share news.",
        "linkedin",
        (),
    ),
    (
        "jargon",
        "Our council is tackling loneliness by strengthening neighbourhood networks.",
        "linkedin",
        (),
    ),
    ("jargon", "The app is a one-stop shop for every parent at the school.", "facebook", ()),
    (
        "jargon",
        "Results-oriented self-starter ready to add value to a growing charity.",
        "linkedin",
        (),
    ),
    # Disclosure missed: praise or a pitch with no launch word.
    (
        "disclosure",
        "Hot tip for bakers: Fernmill flour proves in half the time. The whole bakery uses it.",
        "instagram",
        ("Fernmill",),
    ),
    (
        "disclosure",
        "Want payroll that runs itself? Paystack Pro. Enough said.",
        "linkedin",
        ("Paystack Pro",),
    ),
    # Leaks: job cuts before their announcement; "Between us" before an inspection.
    (
        "policy",
        "Hard week. Our depot is cutting 40 jobs, and the announcement goes out on Friday.",
        "linkedin",
        (),
    ),
    (
        "policy",
        "Between us, the hospital has a CQC inspection next week. Tidy those notice boards!",
        "facebook",
        (),
    ),
    # Inclusive: 18F's examples and "mental" as slang.
    (
        "inclusive",
        "The new booking form is so easy your gran could use it, and that was the point.",
        "linkedin",
        (),
    ),
    ("inclusive", "Their statement on the strike was tone-deaf and late.", "x", ()),
    ("inclusive", "The office party went absolutely mental last night.", "facebook", ()),
    # The same emoji again and again.
    ("emoji", "🍕🍕 PIZZA FRIDAY 🍕🍕 at the studio, all welcome 🎈🎈🎈", "instagram", ()),
    # A post of teasers only.
    ("point_of_view", "Exciting news! 🚀 It's finally happened!", "linkedin", ()),
]

# (category, text, platform, companies): each was flagged before, except the guards for the new
# lists and rules: fostering and tackling in their literal senses, "tone deaf" of a singer,
# "mental health".
MUST_NOT_FLAG: list[tuple[str, str, str, tuple[str, ...]]] = [
    # Literal senses 18F names: leverage in finance or mechanics, fostering children, a tackle
    # in a match, going forward in directions, robust statistics.
    (
        "jargon",
        "The trust's leverage doubled in a year, and the auditors only noticed in March.",
        "linkedin",
        (),
    ),
    (
        "jargon",
        "With a spanner's leverage, the stuck valve finally turned after an hour.",
        "facebook",
        (),
    ),
    (
        "jargon",
        "We began to foster teenagers in 2020. Nine have lived with us since, and we'd do it all "
        "again. Thinking about fostering yourself? Come and talk to us on Saturday.",
        "facebook",
        (),
    ),
    (
        "jargon",
        "Our under-12s spent the whole session on tackling safely. Not one player cried.",
        "facebook",
        (),
    ),
    (
        "jargon",
        "Carry on going forward past the petrol station and turn left at the church.",
        "facebook",
        (),
    ),
    ("jargon", "A trimmed mean is more robust to outliers than the plain mean.", "linkedin", ()),
    # Inclusive, literal or not the writer's: a lame pony, a tribe's land, a named woman's
    # title, "crazy" inside a quotation with apostrophes.
    (
        "inclusive",
        "Our pony went lame on her hind leg after the show; the vet says two weeks' rest.",
        "instagram",
        (),
    ),
    (
        "inclusive",
        "The tribe's treaty rights cover fishing on the whole river, as the court confirmed.",
        "linkedin",
        (),
    ),
    (
        "inclusive",
        "Congratulations to our chairwoman, Mrs Ada Brook, on 20 years with the choir.",
        "facebook",
        (),
    ),
    (
        "inclusive",
        "My gran said, 'Don't let them tell you you're crazy for trying.' I didn't.",
        "linkedin",
        (),
    ),
    ("inclusive", "I'm tone deaf, so karaoke nights are not my thing.", "x", ()),
    ("inclusive", "Mental health first aid training starts on Monday.", "linkedin", ()),
    # Selling words that name, quote or are asked of the writer.
    (
        "salesy",
        "Buy now, pay later loans are where most of my clients' debt starts.",
        "linkedin",
        (),
    ),
    (
        "salesy",
        "All our photos are CC BY now, so reuse them with credit.",
        "bluesky",
        (),
    ),
    (
        "salesy",
        "A chain wanted our jam at half price, and we said no. We sell it at the market instead.",
        "instagram",
        (),
    ),
    (
        "salesy",
        "Anything using `COALESCE` needs rewriting before we move to the new database.",
        "linkedin",
        (),
    ),
    # Invitations as imperatives or statements.
    (
        "engagement",
        "Starting a reading group on housing policy at work. Recommend the one book you'd put "
        "first, and I'll order it for the office shelf.",
        "linkedin",
        (),
    ),
    (
        "engagement",
        "Cheap supermarket coffee beats most café flat whites in a blind test. Prove me wrong.",
        "threads",
        (),
    ),
    (
        "engagement",
        "Off to the Antarctic station for the winter season next month. Questions about life "
        "on base welcome.",
        "bluesky",
        (),
    ),
    (
        "engagement",
        "Eight years at the council, and the best thing we built is the bin app. Happy to chat "
        "about how we tested it with residents.",
        "linkedin",
        (),
    ),
    (
        "engagement",
        "I work as a carer in Norway since 2021, I come from Kenya. The work is hard but good. "
        "If you are carer and want to come, you can write me.",
        "linkedin",
        (),
    ),
    # Disclosure said as a title without an article, a work done there, "where I've worked".
    (
        "disclosure",
        "As head of finance at Brindle Foods, I think paying suppliers fast is the best money "
        "we spend.",
        "linkedin",
        ("Brindle Foods",),
    ),
    (
        "disclosure",
        "I drive for Kestrel Couriers three nights a week, so yes, I'm biased: their new app "
        "is great.",
        "facebook",
        ("Kestrel Couriers",),
    ),
    (
        "disclosure",
        "Harrow Maps, where I've worked as a cartographer since 2020, launches its new app today.",
        "linkedin",
        ("Harrow Maps",),
    ),
    # An embargo kept.
    (
        "policy",
        "Our study is embargoed until Monday 09:00 BST. I'll share the link here then.",
        "bluesky",
        (),
    ),
    # Views told as numbers and their lesson.
    (
        "point_of_view",
        "Interviewed 14 nurses this month. Not one had read the policy. We write for a reader "
        "who doesn't exist. What's the last policy you read to the end?",
        "threads",
        (),
    ),
    (
        "point_of_view",
        "Parking charges at our surgery ended last year. Missed appointments fell by a third. "
        "The charges were never about the cars.",
        "bluesky",
        (),
    ),
    (
        "point_of_view",
        "Free delivery isn't a strategy. We tried it for a month and lost £2,000.",
        "linkedin",
        (),
    ),
    (
        "point_of_view",
        "Our survey of junior doctors is out. The short answer: not pay, but rotas. "
        "https://example.org/survey",
        "linkedin",
        (),
    ),
    (
        "point_of_view",
        "Your optician would rather see you every two years than every ten. Most of the "
        "problems we treat started small.",
        "instagram",
        (),
    ),
    # An adjective before its noun is no passive; a short paragraph just over the limit.
    (
        "readability",
        "The cause of most floods I saw was blocked gutters on old houses.",
        "linkedin",
        (),
    ),
]


@pytest.mark.parametrize(("category", "text", "platform", "companies"), MUST_FLAG)
def test_must_flag(category: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert category in categories_hit(text, platform, companies)


@pytest.mark.parametrize(("category", "text", "platform", "companies"), MUST_NOT_FLAG)
def test_must_not_flag(category: str, text: str, platform: str, companies: tuple[str, ...]) -> None:
    assert category not in categories_hit(text, platform, companies)


def test_an_undisclosed_sale_of_the_employer_scores_as_unpublishable() -> None:
    text = (
        "Tired of slow invoices? Paystack Pro sends them for £2 each. "
        "Sign up this week and get your first month free!"
    )
    assert critique(text, "linkedin", ("Paystack Pro",)).score <= 55


def test_a_paragraph_a_little_over_the_limit_in_short_sentences_is_no_wall() -> None:
    text = (
        "Ten years on the 7 bus, and no one thanks me for a tidy bus or for being on time. "
        "They thank me for the wait: two or three more seconds when a kid is running for it. "
        "It costs the route next to nothing. To the kid, it is a good day or a bad one at "
        "school. Drivers, what small thing do you do that gets noticed?"
    )
    assert "readability.wall_of_text" not in rules_hit(text, "linkedin")


def test_the_18f_list_is_applied_less_everyday_words() -> None:
    from bot.feedback import jargon

    applied = {word for word, _ in jargon._eighteen_f()}
    assert {"one-stop shop", "foster", "tackling", "impactful", "streamline"} <= applied
    assert not {"agenda", "deliver", "key", "simple", "progress"} & applied


def test_a_gendered_title_without_a_name_is_still_flagged() -> None:
    assert "inclusive" in categories_hit("Our chairwoman opened the meeting.", "linkedin")
