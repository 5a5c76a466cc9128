"""Workshop mode: break-out groups score parts of one assessment; merging keeps every group's view.

The agreed answer to an indicator is the one without a group. When exactly one
group answered an indicator, its answer becomes the agreed one silently; when
several did, it is a consensus case for the facilitator, and a spread of two or
more levels is flagged. Group answers are never overwritten by the agreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form

DISAGREEMENT_SPREAD = 2


@dataclass(frozen=True)
class Group:
    """A break-out group and the indicators it was asked to score."""

    name: str
    members: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    indicators: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {"name": self.name, "members": list(self.members), "institutions": list(self.institutions),
                "indicators": list(self.indicators)}

    @classmethod
    def from_dict(cls, data: Mapping) -> Group:
        return cls(str(data["name"]), tuple(data.get("members", ())), tuple(data.get("institutions", ())),
                   tuple(data.get("indicators", ())))


@dataclass(frozen=True)
class ConsensusCase:
    """Several groups answered the same indicator."""

    indicator_id: str
    by_group: Mapping[str, Answer]
    agreed: Answer | None = None

    @property
    def levels(self) -> dict[str, int]:
        return {group: a.level for group, a in self.by_group.items() if a.level is not None}

    @property
    def spread(self) -> int:
        levels = list(self.levels.values())
        return max(levels) - min(levels) if len(levels) > 1 else 0

    @property
    def disagreement(self) -> bool:
        return self.spread >= DISAGREEMENT_SPREAD

    @property
    def settled(self) -> bool:
        return self.agreed is not None and self.agreed.is_answered


@dataclass
class MergePlan:
    """What merging the groups' answers does: silent adoptions and cases to settle."""

    adopt: dict[str, Answer] = field(default_factory=dict)
    cases: list[ConsensusCase] = field(default_factory=list)
    withdraw: list[str] = field(default_factory=list)  # adopted from one group, now several disagree or agree

    @property
    def disagreements(self) -> list[ConsensusCase]:
        return [case for case in self.cases if case.disagreement]


def plan_merge(form: Form, group_answers: Mapping[str, Mapping[str, Answer]],
               agreed: Mapping[str, Answer]) -> MergePlan:
    """Decide, per indicator, between adopting one group's answer and asking the facilitator."""
    plan = MergePlan()
    for indicator in form.indicators():
        answered = {group: answers[indicator.id] for group, answers in sorted(group_answers.items())
                    if indicator.id in answers and answers[indicator.id].is_answered}
        if not answered:
            continue
        current = agreed.get(indicator.id)
        if len(answered) == 1:
            [(group, answer)] = answered.items()
            adopted = replace(answer, group="", answered_by=group)  # the group stays on record as its author
            if current is None or not current.is_answered or _adopted_from(current, group):
                if current is None or answer_content(current) != answer_content(adopted):
                    plan.adopt[indicator.id] = adopted
            continue
        if current is not None and current.answered_by in answered:
            # Adopted silently while only one group had answered: now it is the plenary's to settle.
            plan.withdraw.append(indicator.id)
            current = None
        plan.cases.append(ConsensusCase(indicator.id, answered, current))
    return plan


def _adopted_from(answer: Answer, group: str) -> bool:
    # An agreed answer adopted silently from a group follows that group's later revisions.
    return answer.answered_by == group


def answer_content(answer: Answer) -> tuple:
    """What an answer says, without who or when: two answers with the same content agree."""
    return (answer.level, answer.special, answer.target, answer.evidence_type, answer.evidence_reference,
            answer.evidence_text, answer.confidence, answer.notes)


def agreed_answer(case: ConsensusCase, level: int | None, special: str | None, note: str) -> Answer:
    """The facilitator's decision, with every group's score and reasoning kept in its notes."""
    lines = [note.strip()] if note.strip() else []
    for group, answer in case.by_group.items():
        score = str(answer.level) if answer.level is not None else (answer.special or "–")
        reason = answer.evidence_text or answer.notes
        lines.append(f"{group}: {score}" + (f" — {reason}" if reason else ""))
    return Answer(case.indicator_id, level=level, special=special, notes="\n".join(lines),
                  answered_by="consensus")
