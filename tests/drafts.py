"""Drafts made for tests: the worst a card or a message ever has to hold."""

from __future__ import annotations

import itertools


def noisy_draft(size: int) -> str:
    """A draft that trips every rule it can, with new words each time, so no two notes repeat."""
    parts = []
    for n in itertools.count():
        parts.append(
            f"I'm excited to announce I just maybe think this is kind of AMAZING{n}!!! "
            f"Buy now 20% off, synergy leverage paradigm guys, crazy manned. "
            f"Confidential internal only. @person{n} @other{n} #tag{n} #socialmediatips{n} "
            f"https://ex.com/p{n}?utm_source=x{n}&fbclid=y 🚀🔥👏 The thing was done by the team "
            f"and it was reviewed by people who were asked by managers and we really think it was "
            f"sort of good and perhaps worth it and honestly I am no expert.\n"
        )
        if sum(map(len, parts)) > size:
            return "".join(parts)[:size]
    raise AssertionError
