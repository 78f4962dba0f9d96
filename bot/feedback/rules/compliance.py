"""Compliance: disclosing a material connection, and keeping confidential things inside."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from bot.feedback import lexicon_compliance as lexicon
from bot.feedback.lexicon import phrases
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft


def _mention(company: str, text: str) -> regex.Match[str] | None:
    name = regex.escape(company.strip()).replace(r"\ ", r"\s*")
    return regex.search(rf"(?<![\w])[#@]?{name}(?![\w])", text, regex.IGNORECASE)


def _disclosed(draft: Draft, company: str) -> bool:
    if lexicon.DISCLOSURE_PHRASES.search(draft.lower):
        return True
    squashed = regex.sub(r"\W", "", company.lower())
    return any(
        squashed in tag.group().lower() or tag.group().lower() in ("#ad", "#sponsored")
        for tag in lexicon.DISCLOSURE_TAGS.finditer(draft.prose)
    )


@rule("disclosure.missing", "disclosure")
def missing_disclosure(draft: Draft) -> Iterator[Hit]:
    """The post promotes a company you are connected to but doesn't say so. Readers (and
    regulators such as the FTC) expect a clear disclosure like 'I work at Acme' or #ad;
    vague tags such as #ee or #spon don't count."""
    if not lexicon.PROMOTION.search(draft.lower):
        return
    for company in draft.companies:
        found = _mention(company, draft.prose)
        if found and not _disclosed(draft, company):
            yield Hit(
                "error",
                f"You mention {company} without saying you're connected to it.",
                found.start(),
                found.end(),
                f"Add a plain disclosure such as 'I work at {company}' or "
                f"#{regex.sub(r'[^A-Za-z0-9]', '', company)}Employee.",
            )


@rule("policy.confidential", "policy")
def confidential_marker(draft: Draft) -> Iterator[Hit]:
    """The draft has a confidentiality marker (confidential, internal only, under NDA,
    unreleased). Check before this leaves the company."""
    if draft.platform.name == "internal":
        return
    for m in lexicon.CONFIDENTIAL.finditer(draft.lower):
        yield Hit(
            "error",
            f'"{draft.excerpt(m.start(), m.end())}" suggests this is not for the public.',
            m.start(),
            m.end(),
            "Remove anything confidential, or check with your comms team before posting.",
        )


@rule("policy.company_term", "policy", english_only=False)
def company_term(draft: Draft) -> Iterator[Hit]:
    """Your company asked that posts not mention this term (your admin sets the list)."""
    for term in draft.policy_terms:
        if not term.strip():
            continue
        for m in phrases([term]).finditer(draft.lower):
            yield Hit(
                "error",
                f'Your company policy flags "{draft.excerpt(m.start(), m.end())}".',
                m.start(),
                m.end(),
                "Remove it, or ask your comms team whether it can be shared.",
            )
