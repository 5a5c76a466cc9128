"""Scores of an assessment: completeness, mean levels, gaps and their priority.

Not applicable and Unknown never count as a score; every mean says how many
answers it left out so a reader can judge it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hbm_assess.core.assessment import Answer, Priority, default_target
from hbm_assess.core.questionnaire import Form, Indicator
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

    @property
    def size(self) -> int:
        return self.target - self.level


def target_for(answer: Answer, indicator: Indicator | None = None) -> int | None:
    """The target level of an answer: as entered, else the indicator's default, else level + 1."""
    if answer.level is None:
        return None
    if answer.target is not None:
        return max(answer.target, answer.level)
    return default_target(answer.level, indicator.default_target if indicator else None)


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
            found.append(Gap(ind.id, ind.area_id, answer.level, target, ind.phases))
    return sorted(found, key=gap_rank)


def gap_rank(gap: Gap) -> tuple:
    """Larger gaps first; then the weaker level; then gaps that matter when a crisis starts."""
    return (-gap.size, gap.level, Phase.EMERGENCY.value not in gap.phases, gap.indicator_id)


def suggested_priority(gap: Gap) -> Priority:
    """High for large gaps and for weak emergency capacity, medium for the rest, low when near target."""
    if gap.size >= 2 or (gap.level <= 2 and Phase.EMERGENCY.value in gap.phases):
        return Priority.HIGH
    if gap.level <= 3:
        return Priority.MEDIUM
    return Priority.LOW
