"""Target policies: the level each indicator should reach, chosen once for a whole assessment.

The WHO JEE benchmarks propose one level up; programmes set policy targets instead
("developed (3) everywhere", "demonstrated (4) where it matters in an emergency").
A target typed for one indicator (``Answer.target``) always wins over the policy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import StrEnum

from hbm_assess.core.assessment import Answer
from hbm_assess.core.vocabulary import MAX_LEVEL, Phase

DEVELOPED = 3  # "documented and in place": the level a priority measures the distance to
DEMONSTRATED = 4


class TargetPolicy(StrEnum):
    NEXT_LEVEL = "next-level"  # current + 1 (or the form's default_target when higher), as the JEE proposes
    REACH_3 = "reach-3"  # developed capacity (3) everywhere
    REACH_4_EMERGENCY = "reach-4-emergency"  # 4 on emergency-phase indicators (primary phase), 3 elsewhere


POLICIES = tuple(policy.value for policy in TargetPolicy)
DEFAULT_POLICY = TargetPolicy.NEXT_LEVEL.value


def policy_target(policy: str, level: int, phase: str = "", indicator_default: int | None = None) -> int:
    """The target a policy sets for an indicator at ``level``; never below the level itself."""
    if policy == TargetPolicy.REACH_3:
        return max(DEVELOPED, level)
    if policy == TargetPolicy.REACH_4_EMERGENCY:
        return max(DEMONSTRATED if phase == Phase.EMERGENCY else DEVELOPED, level)
    if indicator_default is not None and indicator_default > level:
        return indicator_default
    return min(level + 1, MAX_LEVEL)


def answer_target(answer: Answer, policy: str = DEFAULT_POLICY, indicator=None) -> int | None:
    """The target of an answer: typed for this indicator, else the assessment's policy."""
    if answer.level is None:
        return None
    if answer.target is not None:
        return max(answer.target, answer.level)
    if indicator is None:
        return policy_target(policy, answer.level)
    return policy_target(policy, answer.level, indicator.phase, indicator.default_target)


def with_policy_targets(form, answers: Mapping[str, Answer], policy: str) -> dict[str, Answer]:
    """The answers with every untyped target filled from the policy: what charts, tables and gaps read.

    Only for analysis: what is stored keeps ``target`` empty where the policy decides.
    """
    filled = {}
    for indicator_id, answer in answers.items():
        indicator = form.by_id.get(indicator_id)
        if answer.level is not None and answer.target is None and indicator is not None:
            answer = replace(answer, target=answer_target(answer, policy, indicator))
        filled[indicator_id] = answer
    return filled


def with_national_answers(form, answers: Mapping[str, Answer], national: Mapping[str, Answer] | None,
                          scope: str) -> dict[str, Answer]:
    """A crossing point's answers with each national indicator the national assessment answered taken from it.

    National indicators are scored once per country: where the national assessment has a
    level (or N/A, Unknown), the post's means, gaps and tables read that, not a post's own view.
    Its typed target is left out: the post's target policy decides.
    """
    if not national or scope != "crossing-point":
        return dict(answers)
    merged = dict(answers)
    for indicator in form.indicators():
        theirs = national.get(indicator.id)
        if indicator.national and theirs is not None and theirs.is_answered:
            merged[indicator.id] = replace(theirs, target=None, group="")
    return merged
