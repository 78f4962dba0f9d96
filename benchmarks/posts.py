"""A deterministic mix of realistic posts for benchmarks: platforms, lengths, habits."""

from __future__ import annotations

import random
from dataclasses import dataclass

OPENINGS = [
    "I'm excited to announce that our team shipped a new search experience today.",
    "We cut our CI time from 40 minutes to 9, and the fix was not what I expected.",
    "Hi all, just wanted to share a few notes from this week's conference.",
    "Unpopular opinion: most teams don't need microservices.",
    "Three things I learned moving our billing system to a new platform.",
    "Sorry for the long post, but I'm no expert and this might be useful.",
    "Our new course is live! Buy now, limited time, 20% off!!!",
    "What's the one tool you'd keep if you could only keep one?",
]
BODY = [
    "I think the biggest lesson was to measure before changing anything, because guesses "
    "about performance are almost always wrong.",
    "We maybe could have done it faster, but kind of decided to wait for the data.",
    "The migration was completed by the platform team over two long weekends.",
    "It turns out that caching the dependency install saved more time than any new machine.",
    "We leverage synergy across the organisation to move the needle on thought leadership.",
    "Hey guys, the booth will be manned all day, drop by and say hello.",
    "Customers told us exports were the slowest part of their week, so we rebuilt them.",
    "Onboarding used to take two weeks; now a new engineer ships on day two.",
    "This is probably a dumb question, but does anyone else write tests first?",
    "Our confidential roadmap for next year includes three big bets.",
    "The team deserves all the credit: they stayed curious when the numbers looked bad.",
    "Writing in public felt scary at first, and now it is how I learn fastest.",
]
CLOSINGS = [
    "What would you measure first?",
    "How does your team handle this?",
    "Check it out at https://acme.example/launch?utm_source=linkedin&utm_medium=social",
    "Thanks to @ana @raj @li @sam @kim @joe @max for the help.",
    "Let me know what you think.",
    "",
]
HASHTAGS = ["", "#DevOps", "#socialmediatips #leadership", "#AI #ML #Cloud #Data #Tech #Startups"]
EMOJI = ["", " 🚀", " 🚀🎉🔥👏🙌", " 👨‍👩‍👧"]
FOREIGN = (
    "Nous avons lancé une nouvelle fonctionnalité de recherche aujourd'hui, et je suis très "
    "fier de cette équipe qui a travaillé dur pendant des mois. "
)
PLATFORMS = [
    "linkedin",
    "linkedin",
    "x",
    "bluesky",
    "threads",
    "instagram",
    "facebook",
    "blog",
    "internal",
]


@dataclass(frozen=True)
class Post:
    """One benchmark post and the platform it is meant for."""

    platform: str
    text: str


def _compose(rng: random.Random, target: int) -> str:
    parts = [rng.choice(OPENINGS)]
    while sum(len(p) for p in parts) < target:
        parts.append(rng.choice(BODY))
    paragraphs = "\n\n".join(" ".join(parts[i : i + 2]) for i in range(0, len(parts), 2))
    closing = rng.choice(CLOSINGS)
    tail = " ".join(p for p in (closing, rng.choice(HASHTAGS)) if p)
    return f"{paragraphs}\n\n{tail}{rng.choice(EMOJI)}".strip()


def posts(count: int = 240, seed: int = 7) -> list[Post]:
    """`count` varied posts from 80 to about 3,000 characters, a few not in English."""
    rng = random.Random(seed)
    made: list[Post] = []
    for i in range(count):
        if i % 20 == 19:
            made.append(Post("linkedin", FOREIGN * rng.randint(1, 4)))
            continue
        target = rng.choice([80, 200, 600, 1500, 2800])
        made.append(Post(rng.choice(PLATFORMS), _compose(rng, target)))
    return made


def posts_of_length(length: int, count: int = 60, seed: int = 11) -> list[Post]:
    """LinkedIn posts cut to about `length` characters."""
    rng = random.Random(seed)
    return [Post("linkedin", _compose(rng, length)[:length]) for _ in range(count)]
