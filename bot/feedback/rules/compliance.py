"""Compliance: disclosing a material connection, and keeping confidential things inside."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from bot.feedback import lexicon_compliance as lexicon
from bot.feedback.lexicon import found_around
from bot.feedback.model import Hit
from bot.feedback.rules.base import rule
from bot.feedback.text import Draft


def _mention(company: str, text: str) -> regex.Match[str] | None:
    """Where the draft names the company: as a name (capitalised, "Slack"), a tag or a
    mention, not the ordinary word ("cut yourself some slack")."""
    name = regex.escape(company.strip()).replace(r"\ ", r"\s*")
    for found in regex.finditer(rf"(?<![\w])[#@]?{name}(?![\w])", text, regex.IGNORECASE):
        said = found.group().lstrip("#@")
        if found.group()[0] in "#@" or not said[:1].islower() or company.strip()[:1].islower():
            return found
    return None


def disclosed(draft: Draft, company: str) -> bool:
    """True when the draft says, in any words, that the writer is connected to `company`
    (an empty company: to their employer, by a general disclosure)."""
    if lexicon.DISCLOSURE_PHRASES.search(draft.lower) or lexicon.DISCLOSURE_MARKS.search(
        draft.lower
    ):
        return True
    if not company.strip():
        return any(
            tag.group().lower() in ("#ad", "#sponsored", "#employee")
            for tag in lexicon.DISCLOSURE_TAGS.finditer(draft.prose)
        )
    name = regex.escape(company.strip().lower()).replace(r"\ ", r"\s*")
    for pattern in (lexicon.ROLE_AT, lexicon.AS_EMPLOYEE, lexicon.WORK_AT, lexicon.TIES):
        if regex.search(pattern.format(company=name, title=lexicon.TITLE), draft.lower):
            return True
    squashed = regex.sub(r"\W", "", company.lower())
    return any(
        squashed in tag.group().lower() or tag.group().lower() in ("#ad", "#sponsored")
        for tag in lexicon.DISCLOSURE_TAGS.finditer(draft.prose)
    )


def _term(term: str) -> regex.Pattern[str]:
    """A policy term as whole words, also in the possessive ("Falcon's beta")."""
    words = regex.escape(" ".join(term.lower().split())).replace(r"\ ", r"\s+")
    return re.compile(rf"(?<![\w']){words}(?=['’]s\b|(?![\w']))")


def _endorsed(draft: Draft, at: int) -> bool:
    """True when the sentence that names the company, or the one after it, judges or
    recommends ("the cleanest API out there", "Moved my savings to Cobalt Bank. Easiest
    decision this year."): praise with no promotion word is promotion."""
    sentence = draft.sentence_at(at)
    if not sentence:
        return False
    index = draft.sentences.index(sentence)
    end = draft.sentences[min(index + 1, len(draft.sentences) - 1)].end
    return any(sentence.start <= view.start < end for view in draft.stances)


@rule("disclosure.missing", "disclosure")
def missing_disclosure(draft: Draft) -> Iterator[Hit]:
    """The post promotes a company you are connected to but doesn't say so. Readers (and
    regulators such as the FTC) expect a clear disclosure like 'I work at Acme' or #ad;
    vague tags such as #ee or #spon don't count."""
    if draft.platform.name == "internal" or not draft.companies:
        return  # colleagues on a company channel know who the writer works for
    promotes = bool(lexicon.PROMOTION.search(draft.lower))
    for company in draft.companies:
        found = _mention(company, draft.prose)
        if (
            found
            and (promotes or _endorsed(draft, found.start()))
            and not disclosed(draft, company)
        ):
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
    """The draft has a confidentiality marker (internal only, under NDA, "Confidential:",
    "not supposed to say this, but"), calls the writer's own company's plans confidential or
    unreleased, or shares its business secrets (an internal forecast, acquisition talks).
    Check before this leaves the company. Talk about NDAs, someone else's unreleased album or
    advice such as "don't share passwords" is not a leak."""
    if draft.platform.name == "internal":
        return
    lower = draft.lower
    found = [m.span() for m in lexicon.CONFIDENTIAL.finditer(lower)]
    if found and "embargo" in lower and _embargo_kept(lower):
        found = [(s, e) for s, e in found if "embargo" not in lower[s:e]]
    found += [m.span() for m in lexicon.CONFIDENTIAL_LABEL.finditer(lower)]
    if draft.has_any(lexicon.LEAK_WORDS):
        found += [m.span() for m in lexicon.LEAK_CUE.finditer(lower)]
    if draft.has_any(lexicon.DRAFT_WORDS):
        found += [m.span() for m in lexicon.DRAFT_DOCUMENT.finditer(lower)]
    if draft.has_any(lexicon.NOT_PUBLIC_WORDS) or (
        "between" in draft.tokens.vocabulary and draft.has_any(lexicon.IN_CONFIDENCE_WORDS)
    ):
        anchors, reach = lexicon.NOT_PUBLIC_ANCHORS, lexicon.NOT_PUBLIC_REACH
        vocabulary = draft.tokens.vocabulary
        found += [
            m.span() for m in found_around(lexicon.NOT_PUBLIC, lower, anchors, reach, vocabulary)
        ]
    if draft.has_any(lexicon.ANNOUNCE_WORDS):
        anchors, reach = lexicon.ANNOUNCE_ANCHORS, lexicon.ANNOUNCE_REACH
        later = [m.span() for m in found_around(lexicon.ANNOUNCED_LATER, lower, anchors, reach)]
        if later and lexicon.SENSITIVE_EVENT.search(lower):
            found += later
    if draft.has_any(lexicon.PATIENT_TITLES) or (
        draft.has_any(lexicon.PATIENT_PLACES) and lexicon.PLACE_NUMBER.search(lower)
    ):
        found += [m.span() for m in lexicon.PATIENT.finditer(draft.prose)]
    owned = [*lexicon.CONFIDENTIAL_OWNED.finditer(lower)]
    if draft.has_any(lexicon.BUSINESS_WORDS):
        owned += lexicon.CONFIDENTIAL_BUSINESS.finditer(lower)
    for m in owned:
        sentence = draft.sentence_at(m.start())
        if sentence and (
            lexicon.OWNERSHIP.search(lower, sentence.start, m.start())
            or lexicon.OWNER_AFTER.search(lower, m.end(), sentence.end)
        ):
            found.append(m.span())
    last_end = -1
    for start, end in sorted(set(found)):
        start += len(draft.lower[start:end]) - len(draft.lower[start:end].lstrip())
        end = start + len(draft.lower[start:end].rstrip(" :-–—"))
        if start < last_end:
            continue  # "Confidential:" is one marker, not two
        last_end = end
        yield Hit(
            "error",
            f'"{draft.excerpt(start, end)}" suggests this is not for the public.',
            start,
            end,
            "Remove anything confidential, or check with your comms team before posting.",
        )


def _embargo_kept(lower: str) -> bool:
    """True when the draft names an embargo and when it lifts, and shares nothing of it."""
    kept = lexicon.EMBARGO_KEPT.search(lower)
    return bool(kept) and not lexicon.EMBARGO_BROKEN.search(lower, kept.start())


@rule("policy.company_term", "policy", english_only=False)
def company_term(draft: Draft) -> Iterator[Hit]:
    """Your company asked that posts not mention this term (your admin sets the list). A term
    written with a capital (a code name, "Falcon") is not the everyday word in lower case ("a
    peregrine falcon"), and a company channel is where the term belongs."""
    if draft.platform.name == "internal":
        return
    for term in draft.policy_terms:
        if not term.strip():
            continue
        named = term.strip()[:1].isupper()
        for m in _term(term).finditer(draft.lower):
            if named and draft.text[m.start() : m.end()].islower():
                continue
            yield Hit(
                "error",
                f'Your company policy flags "{draft.excerpt(m.start(), m.end())}".',
                m.start(),
                m.end(),
                "Remove it, or ask your comms team whether it can be shared.",
            )
