"""Regenerate the critique engine's vendored word lists from checkouts of their projects.

    python scripts/vendor_wordlists.py --equality ../retext-equality --cuss ../cuss \
        --passive ../retext-passive --joblint ../Joblint

Each source is MIT-licensed; its licence is copied beside the data it became:

- retext-equality (data/en/*.yml): inconsiderate phrases with their considerate alternatives,
  notes, conditions and pattern types -> bot/feedback/data/equality.json
- cuss (index.js): profane words with retext-profanities' sureness rating (0-2)
  -> bot/feedback/data/profanities.json
- retext-passive (lib/list.js): irregular past participles
  -> bot/feedback/data/participles.json
- Joblint, the Vale package (Joblint/DumbTitles.yml): "ninja", "rock star", "guru" as job
  titles -> bot/feedback/data/joblint.json

The JSON keeps the upstream data as it is; which patterns Chorus applies, and how, is
decided in bot/feedback/inclusive.py, never by editing these files.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path
from typing import Any

import yaml

DATA = Path(__file__).resolve().parent.parent / "bot" / "feedback" / "data"


def _as_mapping(value: str | list[str] | dict[str, str] | None) -> dict[str, str]:
    """retext-equality's `clean()`: a string or list becomes {phrase: "a"}."""
    if value is None:
        return {}
    if isinstance(value, str):
        value = [value]
    if isinstance(value, list):
        return dict.fromkeys(value, "a")
    return dict(value)


def _version(checkout: Path) -> str:
    package = json.loads((checkout / "package.json").read_text(encoding="utf-8"))
    return f"{package['name']} {package['version']}"


def equality(checkout: Path) -> dict[str, Any]:
    """The English patterns of retext-equality, as its script/generate.js reads them."""
    found = []
    for path in sorted((checkout / "data" / "en").glob("*.yml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")):
            inconsiderate = _as_mapping(entry["inconsiderate"])
            shortest: dict[str, str] = {}
            for phrase, category in inconsiderate.items():
                if category not in shortest or len(shortest[category]) > len(phrase):
                    shortest[category] = phrase
            pattern_id = "-".join(
                sorted(re.sub(r"[\s.]+", "-", p) for p in shortest.values())
            ).lower()
            note = entry.get("note")
            if entry.get("source"):
                note = (
                    f"{note} (source: {entry['source']})" if note else f"Source: {entry['source']}"
                )
            found.append(
                {
                    "id": pattern_id,
                    "file": path.stem,
                    "type": entry["type"],
                    "apostrophe": bool(entry.get("apostrophe")),
                    "condition": entry.get("condition"),
                    "considerate": list(_as_mapping(entry.get("considerate"))),
                    "inconsiderate": inconsiderate,
                    "note": note,
                }
            )
    found.sort(key=lambda p: p["id"])
    return {"source": _version(checkout), "license": "MIT", "patterns": found}


def profanities(checkout: Path) -> dict[str, Any]:
    """cuss's English map of word -> sureness (0 unlikely, 1 maybe, 2 likely profane)."""
    source = (checkout / "index.js").read_text(encoding="utf-8")
    words = {
        (m.group(1) or m.group(2)): int(m.group(3))
        for m in re.finditer(r"^\s*(?:'([^']+)'|([\w-]+)):\s*([012]),?\s*$", source, re.M)
    }
    return {"source": _version(checkout), "license": "MIT", "words": dict(sorted(words.items()))}


def participles(checkout: Path) -> dict[str, Any]:
    """retext-passive's irregular verb forms that follow "is/was/been" in a passive."""
    source = (checkout / "lib" / "list.js").read_text(encoding="utf-8")
    words = re.findall(r"'([a-z]+)'", source)
    return {"source": _version(checkout), "license": "MIT", "words": sorted(set(words))}


def joblint(checkout: Path) -> dict[str, Any]:
    """Joblint's job-title hype patterns (regular expressions, matched ignoring case)."""
    rule = yaml.safe_load((checkout / "Joblint" / "DumbTitles.yml").read_text(encoding="utf-8"))
    return {
        "source": "errata-ai/Joblint (Vale package) Joblint/DumbTitles.yml",
        "license": "MIT",
        "description": rule["description"],
        "tokens": rule["tokens"],
    }


def _write(name: str, data: dict[str, Any], checkout: Path, licence_name: str) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    (DATA / name).write_text(text, encoding="utf-8")
    licence = next(p for p in (checkout / "license", checkout / "LICENSE") if p.exists())
    shutil.copyfile(licence, DATA / f"LICENSE.{licence_name}")
    print(f"wrote {DATA / name} from {data['source']}")


def main() -> None:
    """Read the checkouts named on the command line and rewrite the data files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--equality", type=Path, help="a checkout of retextjs/retext-equality")
    parser.add_argument("--cuss", type=Path, help="a checkout of words/cuss")
    parser.add_argument("--passive", type=Path, help="a checkout of retextjs/retext-passive")
    parser.add_argument("--joblint", type=Path, help="a checkout of errata-ai/Joblint")
    args = parser.parse_args()
    if args.equality:
        _write("equality.json", equality(args.equality), args.equality, "retext-equality")
    if args.cuss:
        _write("profanities.json", profanities(args.cuss), args.cuss, "cuss")
    if args.passive:
        _write("participles.json", participles(args.passive), args.passive, "retext-passive")
    if args.joblint:
        _write("joblint.json", joblint(args.joblint), args.joblint, "joblint")
    if not (args.equality or args.cuss or args.passive or args.joblint):
        parser.error("name at least one checkout")


if __name__ == "__main__":
    main()
