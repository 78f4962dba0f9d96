"""Every rule the engine runs, in one list."""

from bot.feedback.rules import compliance, fit, inclusion, reach, readability, tone, voice
from bot.feedback.rules.base import Rule, rule

RULES: tuple[Rule, ...] = (
    fit.over_limit,
    fit.generic_opening,
    fit.first_sentence_below_fold,
    voice.too_short,
    voice.no_stance,
    voice.hedging,
    voice.apology,
    voice.self_deprecation,
    tone.hard_sell,
    tone.shouting,
    tone.exclamations,
    tone.buzzword,
    inclusion.exclusionary_term,
    inclusion.profanity,
    reach.no_invitation,
    reach.too_many_hashtags,
    reach.stuffing,
    reach.lowercase_multiword,
    reach.tracking_parameters,
    reach.link_only,
    reach.mention_flood,
    reach.too_many_emoji,
    readability.long_sentence,
    readability.grade_level,
    readability.passive_voice,
    readability.wall_of_text,
    compliance.missing_disclosure,
    compliance.confidential_marker,
    compliance.company_term,
)

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}

__all__ = ["RULES", "RULES_BY_ID", "Rule", "rule"]
