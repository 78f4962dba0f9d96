"""What the critique reports for a text, as the rule ids or categories the tests compare."""

from __future__ import annotations

from bot.feedback import critique


def rules_hit(
    text: str,
    platform: str = "linkedin",
    companies: tuple[str, ...] = (),
    policy_terms: tuple[str, ...] = (),
) -> set[str]:
    """The ids of the rules with a finding in the text."""
    return {f.rule for f in critique(text, platform, companies, policy_terms).findings}


def categories_hit(
    text: str, platform: str = "linkedin", companies: tuple[str, ...] = ()
) -> set[str]:
    """The categories with a finding in the text."""
    return {f.category for f in critique(text, platform, companies).findings}
