"""Regenerate the critique engine's vendored word lists from checkouts of their projects.

    python scripts/vendor_wordlists.py --equality ../retext-equality --cuss ../cuss \
        --passive ../retext-passive --joblint ../Joblint \
        --intensify ../hedges ../weasels ../fillers --proselint ../proselint \
        --simplify ../retext-simplify --18f ../content-guide

Each source is MIT-licensed (proselint: BSD-3-Clause); its licence is copied beside the data
it became:

- retext-equality (data/en/*.yml): inconsiderate phrases with their considerate alternatives,
  notes, conditions and pattern types -> bot/feedback/data/equality.json
- cuss (index.js): profane words with retext-profanities' sureness rating (0-2)
  -> bot/feedback/data/profanities.json
- retext-passive (lib/list.js): irregular past participles
  -> bot/feedback/data/participles.json
- Joblint, the Vale package (Joblint/*.yml): job-title hype ("ninja", "rock star"), and the
  rules for job ads (bro culture, hair, sexualised and gendered words, profanity, meritocracy,
  visionary jargon) -> bot/feedback/data/joblint.json
- words/hedges, words/weasels and words/fillers (data.txt): the lists retext-intensify reads
  -> bot/feedback/data/intensify.json
- retext-simplify (lib/patterns.js; its list comes from plainlanguage.gov): wordy and
  bureaucratic phrases ("pursuant to", "prior to", "ascertain") with plain replacements
  -> bot/feedback/data/simplify.json
- proselint (BSD-3-Clause; checks/industrial_language/corporate_speak.py, jargon.py,
  commercialese.py, checks/misc/pretension.py and the Garner list of checks/cliches/):
  corporate catchphrases, jargon and clichés -> bot/feedback/data/jargon.json
- 18F's content guide (CC0-1.0; _pages/our-approach/plain-language.md): its "Words to avoid"
  and figures of speech, each with 18F's own exemption ("foster (unless it's children)")
  -> bot/feedback/data/18f.json

The JSON keeps the upstream data as it is; which patterns Chorus applies, and how, is
decided in bot/feedback/inclusive.py, never by editing these files.
"""

from __future__ import annotations

import argparse
import ast
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


JOBLINT_RULES = (
    "Bro",
    "DumbTitles",
    "Hair",
    "Sexualised",
    "Profanity",
    "Gendered",
    "Meritocracy",
    "Visionary",
)


def joblint(checkout: Path) -> dict[str, Any]:
    """Joblint's rules (regular expressions, matched ignoring case), by rule file."""
    rules = {}
    for name in JOBLINT_RULES:
        rule = yaml.safe_load((checkout / "Joblint" / f"{name}.yml").read_text(encoding="utf-8"))
        rules[name] = {"description": rule.get("description", ""), "tokens": rule["tokens"]}
    return {
        "source": "errata-ai/Joblint (Vale package) Joblint/*.yml",
        "license": "MIT",
        "rules": rules,
    }


def _word_list(checkout: Path) -> list[str]:
    """A words/* data.txt: one entry a line, '%' comments and blank lines left out."""
    lines = (checkout / "data.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("%")]


def intensify(hedges: Path, weasels: Path, fillers: Path) -> dict[str, Any]:
    """The three lists retext-intensify flags: hedges, weasels and fillers."""
    checkouts = {"hedges": hedges, "weasels": weasels, "fillers": fillers}
    source = ", ".join(_version(c) for c in checkouts.values())
    return {
        "source": f"{source} (read by retext-intensify)",
        "license": "MIT",
        **{name: _word_list(checkout) for name, checkout in checkouts.items()},
    }


def simplify(checkout: Path) -> dict[str, Any]:
    """retext-simplify's phrases, each with its plain replacements (and whether to just omit it)."""
    source = (checkout / "lib" / "patterns.js").read_text(encoding="utf-8")
    entry = re.compile(r"^  (?:'([^']+)'|([\w-]+)): \{\n(.*?)^  \}", re.M | re.S)
    found: dict[str, dict[str, Any]] = {}
    for m in entry.finditer(source):
        body = m.group(3)
        replace = re.search(r"replace: \[(.*?)\]", body, re.S)
        found[m.group(1) or m.group(2)] = {
            "replace": re.findall(r"'([^']*)'", replace.group(1)) if replace else [],
            "omit": "omit: true" in body,
        }
    return {"source": _version(checkout), "license": "MIT", "patterns": found}


PROSELINT_CHECKS = {
    "industrial_language.corporate_speak": "industrial_language/corporate_speak.py",
    "industrial_language.jargon": "industrial_language/jargon.py",
    "industrial_language.commercialese": "industrial_language/commercialese.py",
    "misc.pretension": "misc/pretension.py",
}
# Lists proselint keeps as text files, one phrase a line.
PROSELINT_LISTS = {"cliches.misc.garner": "cliches/garner"}


def _items(source: str) -> list[str]:
    """The strings of the `items=(...)` a proselint check is built from."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.keyword) and node.arg == "items":
            return [c.value for c in ast.walk(node.value) if isinstance(c, ast.Constant)]
    return []


def proselint(checkout: Path) -> dict[str, Any]:
    """proselint's corporate speak, jargon, commercialese, pretension and Garner's cliché lists."""
    checks = checkout / "proselint" / "checks"
    version = re.search(r'^version = "([^"]+)"', (checkout / "pyproject.toml").read_text(), re.M)
    lists = {
        name: _items((checks / path).read_text(encoding="utf-8"))
        for name, path in PROSELINT_CHECKS.items()
    }
    for name, path in PROSELINT_LISTS.items():
        lines = (checks / path).read_text(encoding="utf-8").splitlines()
        lists[name] = [line.strip() for line in lines if line.strip()]
    return {
        "source": f"proselint {version.group(1) if version else '?'}",
        "license": "BSD-3-Clause",
        "lists": lists,
    }


EIGHTEEN_F_PAGE = "_pages/our-approach/plain-language.md"


def eighteen_f(checkout: Path) -> dict[str, Any]:
    """18F's figures of speech and words to avoid, each with its note (exemption or advice)."""
    lines = (checkout / EIGHTEEN_F_PAGE).read_text(encoding="utf-8").splitlines()
    words = []
    for line in lines:
        m = re.fullmatch(r"- ([a-z][\w -]*?)(?: \((.*)\))?", line.strip())
        if m:
            words.append({"words": m.group(1), "note": (m.group(2) or "").replace("_", "")})
    return {
        "source": f"18F/content-guide {EIGHTEEN_F_PAGE}",
        "license": "CC0-1.0",
        "words": words,
    }


def _write(name: str, data: dict[str, Any], checkout: Path, licence_name: str) -> None:
    DATA.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    (DATA / name).write_text(text, encoding="utf-8")
    names = ("license", "LICENSE", "LICENSE.md")
    licence = next(checkout / n for n in names if (checkout / n).exists())
    shutil.copyfile(licence, DATA / f"LICENSE.{licence_name}")
    print(f"wrote {DATA / name} from {data['source']}")


def main() -> None:
    """Read the checkouts named on the command line and rewrite the data files."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--equality", type=Path, help="a checkout of retextjs/retext-equality")
    parser.add_argument("--cuss", type=Path, help="a checkout of words/cuss")
    parser.add_argument("--passive", type=Path, help="a checkout of retextjs/retext-passive")
    parser.add_argument("--joblint", type=Path, help="a checkout of errata-ai/Joblint")
    parser.add_argument(
        "--intensify",
        type=Path,
        nargs=3,
        metavar=("HEDGES", "WEASELS", "FILLERS"),
        help="checkouts of words/hedges, words/weasels and words/fillers",
    )
    parser.add_argument("--proselint", type=Path, help="a checkout of amperser/proselint")
    parser.add_argument("--simplify", type=Path, help="a checkout of retextjs/retext-simplify")
    parser.add_argument(
        "--18f", dest="eighteen_f", type=Path, help="a checkout of 18F/content-guide"
    )
    args = parser.parse_args()
    if args.equality:
        _write("equality.json", equality(args.equality), args.equality, "retext-equality")
    if args.cuss:
        _write("profanities.json", profanities(args.cuss), args.cuss, "cuss")
    if args.passive:
        _write("participles.json", participles(args.passive), args.passive, "retext-passive")
    if args.joblint:
        _write("joblint.json", joblint(args.joblint), args.joblint, "joblint")
    if args.intensify:
        data = intensify(*args.intensify)
        for name, checkout in zip(("hedges", "weasels", "fillers"), args.intensify, strict=True):
            _write("intensify.json", data, checkout, name)
    if args.proselint:
        _write("jargon.json", proselint(args.proselint), args.proselint, "proselint")
    if args.simplify:
        _write("simplify.json", simplify(args.simplify), args.simplify, "retext-simplify")
    if args.eighteen_f:
        _write("18f.json", eighteen_f(args.eighteen_f), args.eighteen_f, "18f")
    if not (
        args.simplify
        or args.eighteen_f
        or args.equality
        or args.cuss
        or args.passive
        or args.joblint
        or args.intensify
        or args.proselint
    ):
        parser.error("name at least one checkout")


if __name__ == "__main__":
    main()
