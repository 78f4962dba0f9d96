"""Where the campaign authenticity threshold comes from: borrowed-shingle shares of labelled
copies and honest takes (tests/fixtures/together/authenticity.yaml), and each threshold's
errors. Run: .venv/bin/python benchmarks/authenticity.py"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.feedback.authenticity import COPY_THRESHOLD, borrowed, fingerprint

CASES = Path(__file__).parent.parent / "tests/fixtures/together/authenticity.yaml"


def scored() -> list[tuple[bool, float, str]]:
    """(is a copy, share borrowed, note) for every labelled draft."""
    data = yaml.safe_load(CASES.read_text())
    brief = fingerprint(data["brief"])
    rows = [
        (c["copies"], borrowed(fingerprint(c["text"]), brief), c["note"]) for c in data["cases"]
    ]
    first = fingerprint(data["peers"]["first"])
    rows += [
        (c["copies"], borrowed(fingerprint(c["text"]), first), "peer: " + c["note"])
        for c in data["peers"]["cases"]
    ]
    return rows


def main() -> None:
    rows = scored()
    for copies, share, note in sorted(rows, key=lambda r: r[1]):
        print(f"{share:5.2f}  {'copy  ' if copies else 'honest'}  {note}")
    copies = [s for c, s, _ in rows if c]
    honest = [s for c, s, _ in rows if not c]
    print(f"\n{len(copies)} copies: min {min(copies):.2f}", end="; ")
    print(f"{len(honest)} honest: max {max(honest):.2f}")
    print("threshold  missed copies  false alarms")
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6):
        missed = sum(s < threshold for s in copies)
        alarms = sum(s >= threshold for s in honest)
        mark = "  <- COPY_THRESHOLD" if threshold == COPY_THRESHOLD else ""
        print(f"{threshold:9.2f}  {missed:13d}  {alarms:12d}{mark}")


if __name__ == "__main__":
    main()
