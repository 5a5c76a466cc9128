"""Scores of an assessment: completeness, mean levels, gaps and their priority.

Not applicable and Unknown never count as a score; every mean says how many
answers it left out so a reader can judge it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hbm_assess.core.assessment import Answer, Priority
from hbm_assess.core.questionnaire import Form, Indicator
from hbm_assess.core.targets import DEFAULT_POLICY, DEVELOPED, answer_target
from hbm_assess.core.vocabulary import Phase, Special


@dataclass(frozen=True)
class Completeness:
    answered: int
    total: int

    @property
    def fraction(self) -> float:
        return self.answered / self.total if self.total else 0.0

    @property
    def percent(self) -> int:
        return round(100 * self.fraction)


@dataclass(frozen=True)
class Score:
    """Mean current and target level over a set of indicators, with what was left out."""

    mean_level: float | None
    mean_target: float | None
    scored: int
    not_applicable: int
    unknown: int
    unanswered: int

    @property
    def excluded(self) -> int:
        return self.not_applicable + self.unknown

    @property
    def indicators(self) -> int:
        """How many indicators stand behind the score, whether scored or not."""
        return self.scored + self.excluded + self.unanswered


@dataclass(frozen=True)
class Gap:
    indicator_id: str
    area_id: str
    level: int
    target: int
    phases: tuple[str, ...]
    phase: str = ""  # the primary phase

    @property
    def size(self) -> int:
        return self.target - self.level

    @property
    def below_developed(self) -> int:
        """How far the current level is below developed capacity (3); 0 at 3 and above."""
        return max(0, DEVELOPED - self.level)


def target_for(answer: Answer, indicator: Indicator | None = None, policy: str = DEFAULT_POLICY) -> int | None:
    """The target level of an answer: as entered, else the assessment's target policy (core.targets)."""
    return answer_target(answer, policy, indicator)


def completeness(form: Form, answers: Mapping[str, Answer]) -> Completeness:
    answered = sum(1 for ind in form.indicators() if _answered(answers.get(ind.id)))
    return Completeness(answered, form.indicator_count)


def _answered(answer: Answer | None) -> bool:
    return answer is not None and answer.is_answered


def score(indicators: Iterable[Indicator], answers: Mapping[str, Answer]) -> Score:
    levels: list[int] = []
    targets: list[int] = []
    na = unknown = unanswered = 0
    for ind in indicators:
        answer = answers.get(ind.id)
        if answer is None or not answer.is_answered:
            unanswered += 1
        elif answer.special == Special.NA:
            na += 1
        elif answer.special == Special.UNKNOWN:
            unknown += 1
        else:
            levels.append(answer.level)
            targets.append(target_for(answer, ind))
    return Score(
        mean_level=_mean(levels),
        mean_target=_mean(targets),
        scored=len(levels),
        not_applicable=na,
        unknown=unknown,
        unanswered=unanswered,
    )


def _mean(values: list[int]) -> float | None:
    return sum(values) / len(values) if values else None


def overall_score(form: Form, answers: Mapping[str, Answer]) -> Score:
    """Mean over every scored indicator of the form (not a mean of area means)."""
    return score(form.indicators(), answers)


def area_scores(form: Form, answers: Mapping[str, Answer]) -> dict[str, Score]:
    return {area.id: score(area.indicators, answers) for area in form.areas}


def phase_scores(form: Form, answers: Mapping[str, Answer]) -> dict[str, Score]:
    """Scores per MCOF phase; each indicator counts once, under its primary phase.

    Counting every tag put most indicators behind every bar (the three means read
    2.6 / 2.6 / 2.5): the chart said nothing.
    """
    return {
        phase.value: score((ind for ind in form.indicators() if ind.phase == phase.value), answers)
        for phase in Phase
    }


def gaps(form: Form, answers: Mapping[str, Answer]) -> list[Gap]:
    """Every scored indicator below its target, most urgent first (see ``gap_rank``)."""
    found = []
    for ind in form.indicators():
        answer = answers.get(ind.id)
        if answer is None or answer.level is None:
            continue
        target = target_for(answer, ind)
        if target > answer.level:
            found.append(Gap(ind.id, ind.area_id, answer.level, target, ind.phases, ind.phase))
    return sorted(found, key=gap_rank)


def urgency(gap: Gap) -> tuple:
    """What ranks a gap: its size, then how far below developed (3) it is, then emergency phase first."""
    return (-gap.size, -gap.below_developed, gap.phase != Phase.EMERGENCY.value)


def gap_rank(gap: Gap) -> tuple:
    """The gap list's order: ``urgency``, then the indicator id so equal gaps keep the form's order."""
    return (*urgency(gap), gap.indicator_id)


def suggested_priorities(ranked: list[Gap]) -> dict[str, Priority]:
    """High, Medium, Low by thirds of the ranked gap list; gaps of equal urgency share one priority.

    Position i of n (from 0) is High below ceil(n/3), Medium below ceil(2n/3), else Low; a run
    of gaps equally urgent takes the priority of its middle position, so identical gaps never
    differ and a list of identical gaps is all Medium rather than all High.
    """
    ranked = sorted(ranked, key=gap_rank)
    count = len(ranked)
    result: dict[str, Priority] = {}
    start = 0
    while start < count:
        end = start
        while end + 1 < count and urgency(ranked[end + 1]) == urgency(ranked[start]):
            end += 1
        priority = _third((start + end) // 2, count)
        for gap in ranked[start:end + 1]:
            result[gap.indicator_id] = priority
        start = end + 1
    return result


def _third(position: int, count: int) -> Priority:
    if position < -(-count // 3):
        return Priority.HIGH
    if position < -(-2 * count // 3):
        return Priority.MEDIUM
    return Priority.LOW


def suggested_priority(gap: Gap, ranked: list[Gap] | None = None) -> Priority:
    """The priority ``suggested_priorities`` gives ``gap`` among ``ranked`` (the assessment's gaps)."""
    return suggested_priorities(ranked if ranked is not None else [gap]).get(gap.indicator_id, Priority.MEDIUM)
