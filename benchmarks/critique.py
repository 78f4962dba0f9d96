"""Speed of critique() over varied posts, beside proselint's in-process lint of the same posts.

Run: `make bench` (or `.venv/bin/python benchmarks/critique.py`). Prints a Markdown table.
Figures only; nothing here is asserted anywhere.
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.posts import Post, posts, posts_of_length
from bot.feedback import PLATFORMS, RULES, critique

REPEATS = 5


def timings_ms(items: Sequence[Post], run: Callable[[Post], object]) -> list[float]:
    """Per-post times in milliseconds, each post run REPEATS times after one warm-up pass."""
    for post in items:
        run(post)
    samples: list[float] = []
    for _ in range(REPEATS):
        for post in items:
            start = time.perf_counter()
            run(post)
            samples.append((time.perf_counter() - start) * 1000)
    return samples


def p(samples: list[float], q: float) -> float:
    """The q-th percentile (0-100)."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def proselint_runner() -> tuple[Callable[[Post], object], int]:
    """proselint 0.16's own lint path, in this process, and how many checks it runs."""
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)
    return (lambda post: LintFile("<post>", post.text).lint(DEFAULT)), len(__register__)


def cold_start_ms() -> float:
    """A fresh process: import the engine and critique one LinkedIn post."""
    code = (
        "import time; t = time.perf_counter(); from bot.feedback import critique; "
        "critique('We shipped it. What do you think?'); "
        "print((time.perf_counter() - t) * 1000)"
    )
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=True
    )
    return float(out.stdout)


# Hostile or unusual drafts, each cut to the 40,000-character limit, on every platform.
LONG_DRAFTS = {
    "CJK, no spaces": "中" * 40000,
    "accented, no spaces": "é" * 40000,
    "plain words": "word " * 8000,
    "hedges everywhere": "I think just maybe " * 2200,
    "links with tracking": "see https://ex.com/a?utm_source=x " * 1200,
    "dotted words": "a.bc " * 8000,
    "emoji": "🚀" * 20000,
    "emoji with skin tones": "👍🏻" * 14000,
    "hashtags": "#tag " * 8000,
    "quotations": '"q" ' * 10000,
    "capitals": "AMAZING " * 5000,
    "titles": "Crazy Rich Guys " * 2600,
    "passives": "was broken by " * 3100,
    "abbreviations": "Dr. " * 10000,
    "exclamations": "!!! " * 10000,
    "dotted capital I": "İ just " * 5800,
}


def slowest_long_draft() -> tuple[float, str]:
    """The slowest critique of any long draft on any platform, after one warm-up each."""
    worst = (0.0, "")
    for name, text in LONG_DRAFTS.items():
        for where in PLATFORMS:
            critique(text[:40000], where)
            start = time.perf_counter()
            critique(text[:40000], where)
            took = (time.perf_counter() - start) * 1000
            worst = max(worst, (took, f"{name} on {where}"))
    return worst


def row(name: str, samples: list[float]) -> str:
    """One Markdown table row of median and p99."""
    return f"| {name} | {statistics.median(samples):.2f} | {p(samples, 99):.2f} |"


def main() -> None:
    """Run every measurement and print the table."""
    mixed = posts()
    typical = posts_of_length(1500)
    x_posts = [Post("x", post.text) for post in mixed if len(post.text) <= 600]
    ours = lambda post: critique(post.text, post.platform, ("Acme",))  # noqa: E731
    lint, checks = proselint_runner()

    ours_mixed = timings_ms(mixed, ours)
    ours_1500 = timings_ms(typical, ours)
    ours_x = timings_ms(x_posts, ours)
    theirs_mixed = timings_ms(mixed, lint)
    theirs_1500 = timings_ms(typical, lint)

    chars = statistics.median(len(post.text) for post in mixed)
    print(f"Python {platform.python_version()} on {platform.machine()}, {REPEATS} runs per post")
    print(
        f"{len(mixed)} mixed posts (median {chars:.0f} characters, 9 platforms, 5% French); "
        f"{len(typical)} LinkedIn posts of 1,500 characters; {len(x_posts)} X posts\n"
    )
    print("| measurement (ms per post) | median | p99 |")
    print("| --- | ---: | ---: |")
    print(row(f"critique(), mixed posts ({len(RULES)} rules)", ours_mixed))
    print(row("critique(), 1,500-character LinkedIn posts", ours_1500))
    print(row("critique(), X posts (twitter-text weighting)", ours_x))
    print(row(f"proselint 0.16 lint, mixed posts ({checks} checks)", theirs_mixed))
    print(row("proselint 0.16 lint, 1,500-character posts", theirs_1500))
    ratio_mixed = statistics.median(theirs_mixed) / statistics.median(ours_mixed)
    ratio_1500 = statistics.median(theirs_1500) / statistics.median(ours_1500)
    print(
        f"\ncritique() is {ratio_mixed:.1f}x faster than proselint on mixed posts "
        f"and {ratio_1500:.1f}x on 1,500-character posts (ratio of medians)."
    )
    print(f"Cold start (fresh process: import + first critique): {cold_start_ms():.0f} ms")
    took, which = slowest_long_draft()
    kinds = f"{len(LONG_DRAFTS)} kinds x {len(PLATFORMS)} platforms"
    print(f"Slowest 40,000-character draft ({kinds}): {took:.0f} ms ({which})")


if __name__ == "__main__":
    main()
