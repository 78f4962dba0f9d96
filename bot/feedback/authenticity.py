"""Campaign drafts: is this the writer's own voice? Near-duplicate detection with MinHash
(datasketch) over word shingles, and the employer disclosure a campaign post must carry.

Pure functions: text in, findings out. Other participants' drafts are compared through their
`Fingerprint` (a MinHash signature), so nobody's text has to be kept to check a new draft."""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import regex

from bot.feedback import scoring
from bot.feedback.model import Critique, Finding
from bot.feedback.platforms import DEFAULT_PLATFORM, get_platform
from bot.feedback.text import Draft

if TYPE_CHECKING:
    from datasketch import MinHash

SHINGLE_WORDS = 3
PERMUTATIONS = 512
SEED = 13
SCHEME = "affine32"  # datasketch 2's default, named so stored signatures stay comparable
# Share of a draft's word 3-grams found in the source above which the draft reads as a copy.
# Measured on tests/fixtures/together/authenticity.yaml (benchmarks/authenticity.py): with 512
# permutations every copy scores >= 0.52 and every honest take <= 0.40 (exactly: 0.50 and
# 0.38; 128 permutations blur that to 0.52 and 0.48), so 0.45 sits in the middle of the gap.
COPY_THRESHOLD = 0.45
WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’][\p{L}]+)?")
FIRST_LINE = regex.compile(r"[^\n.!?]{1,120}[.!?]?")

BRIEF_MESSAGE = "This reads like the brief; say what it means to you."
BRIEF_SUGGESTION = (
    "Keep one fact you care about and add your own angle: what it changes in your work, for "
    "your customers or in your craft."
)
PEER_MESSAGE = "This reads a lot like another participant's draft; the campaign needs your voice."
PEER_SUGGESTION = "Tell your own story: a moment from your work that this changes."


@dataclass(frozen=True)
class Fingerprint:
    """A draft's MinHash signature and how many distinct shingles it has; no text."""

    shingles: int
    hashvalues: tuple[int, ...]

    def to_text(self) -> str:
        """A compact, portable form for a TEXT column."""
        raw = b"".join(v.to_bytes(8, "little") for v in self.hashvalues)
        return f"{self.shingles}:{base64.b64encode(raw).decode()}"

    @classmethod
    def from_text(cls, stored: str) -> Fingerprint:
        """The fingerprint `to_text` wrote."""
        count, _, encoded = stored.partition(":")
        raw = base64.b64decode(encoded)
        values = tuple(int.from_bytes(raw[i : i + 8], "little") for i in range(0, len(raw), 8))
        return cls(int(count), values)


def shingles(text: str) -> set[str]:
    """The draft's distinct word 3-grams, case and punctuation ignored (links count as words)."""
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)}


def _minhash(values: tuple[int, ...]) -> MinHash:
    import numpy as np
    from datasketch import MinHash

    return MinHash(seed=SEED, hashvalues=np.array(values, dtype=np.uint64), scheme=SCHEME)


def fingerprint(text: str) -> Fingerprint:
    """The MinHash signature of the text's word shingles."""
    from datasketch import MinHash  # numpy and scipy load only when a campaign draft comes

    grams = shingles(text)
    sketch = MinHash(num_perm=PERMUTATIONS, seed=SEED, scheme=SCHEME)
    sketch.update_batch([g.encode() for g in grams])
    return Fingerprint(len(grams), tuple(int(v) for v in sketch.hashvalues))


def borrowed(draft: Fingerprint, source: Fingerprint) -> float:
    """Estimated share of the draft's shingles that also occur in the source (containment),
    from the Jaccard estimate: |A∩B| = J(|A|+|B|)/(1+J)."""
    if not draft.shingles or not source.shingles:
        return 0.0
    jaccard = _minhash(draft.hashvalues).jaccard(_minhash(source.hashvalues))
    shared = jaccard * (draft.shingles + source.shingles) / (1 + jaccard)
    return max(0.0, min(1.0, shared / draft.shingles))


def discloses(text: str, companies: Sequence[str]) -> bool:
    """True when the draft says the writer works for (or is connected to) one of the companies,
    by the same reading the disclosure rule uses."""
    from bot.feedback.rules.compliance import disclosed

    draft = Draft(text, get_platform(DEFAULT_PLATFORM), tuple(companies))
    return any(disclosed(draft, company) for company in (*companies, ""))


def _opening(text: str) -> tuple[int, int]:
    found = FIRST_LINE.search(text)
    return (found.start(), found.end()) if found else (0, min(len(text), 120))


def campaign_findings(
    text: str, brief: str, peers: Sequence[Fingerprint], companies: Sequence[str]
) -> tuple[Finding, ...]:
    """What a campaign adds to a critique: a copy of the brief or of another participant's
    draft (authenticity), and a missing employer disclosure."""
    start, end = _opening(text)
    found: list[Finding] = []

    def finding(rule: str, category: str, severity: str, message: str, hint: str) -> Finding:
        return Finding(rule, category, severity, message, start, end, text[start:end], hint)  # type: ignore[arg-type]

    own = fingerprint(text)
    if brief.strip() and borrowed(own, fingerprint(brief)) >= COPY_THRESHOLD:
        found.append(
            finding(
                "authenticity.brief", "authenticity", "warning", BRIEF_MESSAGE, BRIEF_SUGGESTION
            )
        )
    elif any(borrowed(own, peer) >= COPY_THRESHOLD for peer in peers):
        found.append(
            finding("authenticity.peer", "authenticity", "warning", PEER_MESSAGE, PEER_SUGGESTION)
        )
    if not discloses(text, companies):
        name = next((c.strip() for c in companies if c.strip()), "your employer")
        found.append(
            finding(
                "disclosure.campaign",
                "disclosure",
                "error",
                f"A campaign post needs to say you work at {name}.",
                f"Add a plain disclosure such as 'I work at {name}'.",
            )
        )
    return tuple(found)


def with_findings(result: Critique, extra: Sequence[Finding]) -> Critique:
    """The critique with more findings, scored again (what works stays as it was)."""
    if not extra:
        return result
    findings = tuple(sorted((*result.findings, *extra), key=lambda f: (f.start, f.end, f.rule)))
    flagged = {f.category for f in extra}
    strengths = tuple(
        s for s in result.strengths if not ("disclose" in s and "disclosure" in flagged)
    )
    return replace(
        result,
        findings=findings,
        score=scoring.overall(findings),
        subscores=scoring.subscores(findings),
        priorities=scoring.priorities(findings),
        strengths=strengths,
    )
