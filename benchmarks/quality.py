"""Quality of the critique, the score, routing and answers, measured on tests/corpus/.

Run: `.venv/bin/python benchmarks/quality.py` (add `--misses` to list every miss and false
alarm with its text; `--corpus tests/corpus/heldout` measures the held-out cases instead of the
ones Chorus was tuned on). Prints Markdown tables: Chorus beside proselint 0.16 (in this process)
and write-good (npm, installed into a temporary folder; skipped with a note when node or npm
is missing), each scored only on the categories its checks cover, through the mapping below.
Figures only; the floors live in tests/corpus/test_floors.py.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.feedback.model import CATEGORIES
from tests.corpus import evaluate as ev

# proselint check path (prefix) -> Chorus category. Unlisted checks (spelling, dates,
# typography, redundancy, ...) are about other things and are ignored.
PROSELINT_MAP: dict[str, str] = {
    "hedging": "confidence",
    "misc.apologizing": "confidence",
    "weasel_words": "confidence",
    "cliches": "jargon",
    "industrial_language.corporate_speak": "jargon",
    "industrial_language.jargon": "jargon",
    "industrial_language.bureaucratese": "jargon",
    "industrial_language.commercialese": "jargon",
    "misc.greylist": "jargon",
    "misc.pretension": "jargon",
    "social_awareness": "inclusive",
    "misc.professions": "inclusive",
    "typography.punctuation.hyperbole": "salesy",  # "!!!"
}
# write-good check -> Chorus category ("so", "thereIs", "illusion", "tooWordy" are not mapped).
WRITE_GOOD_MAP: dict[str, str] = {
    "passive": "readability",
    "weasel": "confidence",
    "adverb": "confidence",  # its list has the minimisers: just, maybe, really...
    "cliches": "jargon",
}
WRITE_GOOD_CHECKS = (
    "weasel",
    "illusion",
    "so",
    "thereIs",
    "passive",
    "adverb",
    "tooWordy",
    "cliches",
)
NODE_SCRIPT = """
const writeGood = require('write-good');
const texts = JSON.parse(require('fs').readFileSync(0, 'utf8'));
const checks = %s;
const wanted = %s;
console.log(JSON.stringify(texts.map((text) => wanted.filter((check) => {
  const opts = {};
  for (const c of checks) opts[c] = c === check;
  return writeGood(text, opts).length > 0;
}))));
"""


def proselint_flagger() -> Callable[[ev.Case], set[str]]:
    """proselint 0.16's own lint path, in this process, mapped to Chorus categories."""
    from proselint.checks import __register__
    from proselint.config import DEFAULT
    from proselint.registry import CheckRegistry
    from proselint.tools import LintFile

    CheckRegistry().register_many(__register__)

    def category(path: str) -> str | None:
        for prefix, mapped in PROSELINT_MAP.items():
            if path == prefix or path.startswith(prefix + "."):
                return mapped
        return None

    def flagged(case: ev.Case) -> set[str]:
        results = LintFile("<post>", case["text"]).lint(DEFAULT)
        return {c for r in results if (c := category(r.check_result.check_path))}

    return flagged


def write_good_flags(texts: Sequence[str]) -> tuple[list[set[str]] | None, str]:
    """write-good over every text in one node process, or None and why it was skipped."""
    node, npm = shutil.which("node"), shutil.which("npm")
    if not node or not npm:
        return None, "write-good skipped: node or npm is not installed"
    with tempfile.TemporaryDirectory(prefix="chorus-write-good-") as folder:
        install = subprocess.run(
            [npm, "install", "--prefix", folder, "--no-audit", "--no-fund", "write-good"],
            capture_output=True,
            text=True,
            check=False,
        )
        if install.returncode:
            return None, f"write-good skipped: npm install failed ({install.stderr.strip()[:200]})"
        version = json.loads(
            (Path(folder) / "node_modules" / "write-good" / "package.json").read_text()
        )["version"]
        script = NODE_SCRIPT % (json.dumps(WRITE_GOOD_CHECKS), json.dumps(list(WRITE_GOOD_MAP)))
        run = subprocess.run(
            [node, "-e", script],
            input=json.dumps(list(texts)),
            capture_output=True,
            text=True,
            cwd=folder,
            env={"NODE_PATH": str(Path(folder) / "node_modules"), "PATH": str(Path(node).parent)},
            check=False,
        )
        if run.returncode:
            return None, f"write-good skipped: node failed ({run.stderr.strip()[:200]})"
    per_text = json.loads(run.stdout)
    return [{WRITE_GOOD_MAP[c] for c in checks} for checks in per_text], f"write-good {version}"


def pct(value: float) -> str:
    """0.873 -> '87%'."""
    return f"{100 * value:.0f}%"


def cell(figures: ev.CategoryFigures | None) -> str:
    """'P / R / FA' for one tool and category, or a dash when the tool doesn't cover it."""
    if figures is None:
        return "—"
    return f"{pct(figures.precision)} / {pct(figures.recall)} / {pct(figures.false_alarm_rate)}"


def critique_table(
    chorus: Sequence[ev.CategoryFigures],
    others: dict[str, dict[str, ev.CategoryFigures]],
) -> list[str]:
    """Per-category precision / recall / false-alarm rate, one column per tool."""
    names = list(others)
    lines = [
        "| category | must flag / must not | Chorus | " + " | ".join(names) + " |",
        "| --- | ---: | ---: | " + " | ".join("---:" for _ in names) + " |",
    ]
    for figures in chorus:
        row = [
            figures.category,
            f"{len(figures.flag_ids)} / {len(figures.clear_ids)}",
            cell(figures),
            *(cell(others[name].get(figures.category)) for name in names),
        ]
        lines.append("| " + " | ".join(row) + " |")
    return lines


def overall_table(
    chorus: Sequence[ev.CategoryFigures], others: dict[str, dict[str, ev.CategoryFigures]]
) -> list[str]:
    """Pooled recall and false alarms: Chorus on all categories, and beside each tool on the
    categories that tool covers."""
    lines = [
        "| tool | categories | recall | false-alarm rate |",
        "| --- | --- | ---: | ---: |",
    ]
    pooled = ev.overall(chorus)
    lines.append(
        f"| Chorus | all {len(chorus)} | {pct(pooled.recall)} | {pct(pooled.false_alarm_rate)} |"
    )
    by_category = {f.category: f for f in chorus}
    for name, figures in others.items():
        covered = sorted(figures, key=CATEGORIES.index)
        theirs = ev.overall(figures.values())
        ours = ev.overall(by_category[c] for c in covered)
        label = ", ".join(covered)
        lines.append(
            f"| {name} | {label} | {pct(theirs.recall)} | {pct(theirs.false_alarm_rate)} |"
        )
        lines.append(
            f"| Chorus, same categories | {label} | {pct(ours.recall)} | "
            f"{pct(ours.false_alarm_rate)} |"
        )
    return lines


def report_tables(report: ev.Report) -> list[str]:
    """Score, pairs, routing and answers."""
    lines = [
        "| measure | value |",
        "| --- | ---: |",
        f"| Spearman, score vs rating ({sum(len(b.scores) for b in report.bands)} drafts) "
        f"| {report.spearman:.2f} |",
        f"| revision pairs scoring strictly higher | {report.pair_wins} of {len(report.pairs)} |",
        f"| routing accuracy ({report.routing_total} messages) | {pct(report.routing_accuracy)} |",
        f"| answer relevance, top 1 ({len(report.answers)} questions) "
        f"| {pct(report.answer_top1)} |",
        f"| answer relevance, top 3 | {pct(report.answer_top3)} |",
    ]
    lines += [
        "",
        "| rating | drafts | min score | mean | max |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for band in report.bands:
        low, average, high = band.low, f"{band.average:.1f}", band.high
        lines.append(f"| {band.rating} | {len(band.scores)} | {low} | {average} | {high} |")
    bare = ", ".join(f"{i} {s}" for i, s in report.bare_links)
    lines += ["", f"Bare-link drafts: {bare or 'none'}."]
    return lines


def display(corpus: Path) -> str:
    """A corpus directory as a path from the repository root when it is inside it."""
    try:
        return str(corpus.relative_to(ev.ROOT))
    except ValueError:
        return str(corpus)


def one_line(text: str, width: int = 140) -> str:
    """A case's text on one line, cut to width."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def miss_lines(report: ev.Report, corpus: Path = ev.CORPUS) -> list[str]:
    """Every miss and false alarm of Chorus, with the text, for engineers to read."""
    cases = {c["id"]: c for c in ev.load("critique", corpus)}
    lines = ["## Chorus misses and false alarms", ""]
    for figures in report.categories:
        if not figures.missed_ids and not figures.false_alarm_ids:
            continue
        lines.append(f"### {figures.category}")
        for case_id in figures.missed_ids:
            case = cases[case_id]
            lines.append(f"- MISSED {case_id} [{case['platform']}]: {one_line(case['text'])}")
        for case_id in figures.false_alarm_ids:
            case = cases[case_id]
            flagged = [
                f.excerpt for f in ev._critique(case).findings if f.category == figures.category
            ]
            shown = "; ".join(one_line(e, 40) for e in flagged[:3])
            lines.append(
                f"- FALSE ALARM {case_id} [{case['platform']}] on «{shown}»: "
                f"{one_line(case['text'])}"
            )
        lines.append("")
    rated = {r["id"]: r for r in ev.load("rated", corpus)}
    lines.append("## Scores against ratings")
    for band in report.bands:
        for case_id, value in band.scores:
            limit_broken = (band.rating == 1 and value > 55) or (band.rating == 5 and value < 85)
            if limit_broken:
                lines.append(
                    f"- {case_id} rated {band.rating} scores {value}: "
                    f"{one_line(rated[case_id]['text'])}"
                )
    pairs = {p["id"]: p for p in ev.load("pairs", corpus)}
    lines += ["", "## Revisions that don't score higher"]
    for result in report.pairs:
        if not result.won:
            lines.append(
                f"- {result.id} {result.before} -> {result.after} ({pairs[result.id]['note']})"
            )
    lines += ["", "## Routing misses"]
    lines += [
        f"- {m.id} expected {m.expected}, got {m.got}: {m.text!r}" for m in report.routing_misses
    ]
    lines += ["", "## Answers without a fitting first tip"]
    for answer in report.answers:
        if not answer.top1:
            mark = "" if answer.top3 else " (none of the three fits)"
            lines.append(
                f"- {answer.id} {answer.text!r}: got {list(answer.found)}, "
                f"want one of {list(answer.expected)}{mark}"
            )
    return lines


def main(argv: Sequence[str] | None = None) -> None:
    """Evaluate everything and print the tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="list every miss with its text")
    parser.add_argument(
        "--corpus",
        type=Path,
        default=ev.CORPUS,
        help="a directory of corpus files (default tests/corpus; tests/corpus/heldout is held out)",
    )
    args = parser.parse_args(argv)
    corpus = args.corpus.resolve()

    started = time.perf_counter()
    report = ev.evaluate(corpus)
    chorus_seconds = time.perf_counter() - started
    cases = ev.load("critique", corpus)

    others: dict[str, dict[str, ev.CategoryFigures]] = {}
    notes: list[str] = []
    lint = proselint_flagger()
    started = time.perf_counter()
    proselint_flags = [lint(c) for c in cases]
    proselint_seconds = time.perf_counter() - started
    covered = sorted(set(PROSELINT_MAP.values()), key=CATEGORIES.index)
    figures = ev.category_figures(cases, proselint_flags, covered)
    others["proselint 0.16"] = {f.category: f for f in figures}

    started = time.perf_counter()
    write_good, label = write_good_flags([c["text"] for c in cases])
    write_good_seconds = time.perf_counter() - started
    if write_good is None:
        notes.append(label)
    else:
        covered = sorted(set(WRITE_GOOD_MAP.values()), key=CATEGORIES.index)
        figures = ev.category_figures(cases, write_good, covered)
        others[label] = {f.category: f for f in figures}

    print(f"# Quality on {display(corpus)} ({len(cases)} critique cases)\n")
    print(
        "Precision / recall / false-alarm rate per category (a dash: the tool has no such check).\n"
    )
    print("\n".join(critique_table(report.categories, others)))
    print()
    print("\n".join(overall_table(report.categories, others)))
    print()
    print("\n".join(report_tables(report)))
    print()
    print(
        f"Whole Chorus evaluation {chorus_seconds:.1f} s; proselint over the critique cases "
        f"{proselint_seconds:.1f} s; write-good (install and run) {write_good_seconds:.1f} s."
    )
    for note in notes:
        print(f"\nNote: {note}.")
    print(
        "\nMappings: proselint "
        + ", ".join(f"{k} -> {v}" for k, v in PROSELINT_MAP.items())
        + "; write-good "
        + ", ".join(f"{k} -> {v}" for k, v in WRITE_GOOD_MAP.items())
        + "."
    )
    if args.misses:
        print()
        print("\n".join(miss_lines(report, corpus)))


if __name__ == "__main__":
    main()
