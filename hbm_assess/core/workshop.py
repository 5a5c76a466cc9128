"""Workshop mode: break-out groups score parts of one assessment; merging keeps every group's view.

The agreed answer to an indicator is the one without a group. When exactly one
group answered an indicator, its answer becomes the agreed one silently; when
several did, it is a consensus case for the facilitator, and a spread of two or
more levels is flagged. Group answers are never overwritten by the agreement.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from hbm_assess.core.assessment import Answer, new_uuid, now
from hbm_assess.core.cell_text import fit_cell
from hbm_assess.core.messages import Line, Message, Problem
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


class SettlementRefused(Problem, ValueError):
    """The plenary's decision breaks a consensus rule; the message says which."""


def check_settlement(case: ConsensusCase, note: str) -> None:
    """Groups two levels apart or more: the agreed answer must say why (the JEE plenaries' rule)."""
    if case.disagreement and not note.strip():
        levels = group_levels(case)
        raise SettlementRefused(Message.of("settlement_needs_note", indicator=case.indicator_id,
                                           spread=case.spread, levels=levels))


def group_levels(case: ConsensusCase, special_name=lambda special: special) -> str:
    """Every group's answer in a line, e.g. "Legal 1 / Operations 5" (what stays visible until settled)."""
    parts = []
    for group, answer in case.by_group.items():
        shown = str(answer.level) if answer.level is not None else special_name(answer.special or "")
        parts.append(f"{group} {shown}".strip())
    return " / ".join(parts)


def consensus_word(key: str, language: str = "en") -> str:
    from hbm_assess.core.vocabulary import vocabulary

    return vocabulary().consensus[key].name.get(language)


def levels_in(case: ConsensusCase, language: str = "en") -> str:
    """The groups' answers in a language: "Legal 1 / Operations 5", Not applicable and Unknown by name."""
    from hbm_assess.core.vocabulary import vocabulary

    names = vocabulary().special_answers
    return group_levels(case, lambda special: names[special].name.get(language) if special in names else special)


def unsettled_text(case: ConsensusCase, language: str = "en") -> str:
    """What an unsettled indicator shows everywhere instead of a level: "unsettled: Legal 1 / Operations 5"."""
    return f"{consensus_word('unsettled', language)}: {levels_in(case, language)}"


def open_cases(plan: MergePlan) -> dict[str, ConsensusCase]:
    """The indicators several groups scored and the plenary has not settled yet."""
    return {case.indicator_id: case for case in plan.cases if not case.settled}


class OutputKind(StrEnum):
    """What a break-out group brings back besides scores (Erbil 2014)."""

    CHALLENGE = "challenge"
    STRATEGY = "strategy"
    CONTRIBUTION = "contribution"


OUTPUT_KINDS = tuple(kind.value for kind in OutputKind)


@dataclass(frozen=True)
class Output:
    """One challenge, strategy direction or institution's contribution, for an area or ('') the whole assessment.

    ``group`` is the break-out group that wrote it ('' for the facilitator); ``actions``
    are uuids of plan-of-action actions a contribution supports.
    """

    kind: str
    text: str
    area: str = ""
    institution: str = ""
    indicators: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    group: str = ""
    uuid: str = field(default_factory=new_uuid)
    updated_at: str = field(default_factory=now)


def output_texts(output: Output) -> list[tuple[str, str]]:
    """The texts of an output a spreadsheet cell must hold, named for a message."""
    return [(f"the {output.kind}'s text", output.text), ("the institution", output.institution),
            *((f"the {output.kind}'s indicator", i) for i in output.indicators)]


def output_problem(output: Output, form: Form, action_uuids: frozenset[str] | None = None) -> Line | str:
    """What is wrong with an output for this questionnaire ('' when nothing), naming the field."""
    if output.kind not in OUTPUT_KINDS:
        return Line(Message.of("output_kind_unknown", kind=repr(output.kind[:40]), known=", ".join(OUTPUT_KINDS)))
    if not output.text.strip():
        return Line(Message.of("output_without_text", kind=output.kind))
    areas = [area.id for area in form.areas]
    if output.area and output.area not in areas:
        return Line(Message.of("output_area_unknown", form=form.id, version=form.version, area=repr(output.area[:40]),
                               known=", ".join(areas)))
    if output.kind == OutputKind.CONTRIBUTION.value and not output.institution.strip():
        return Line(Message.of("contribution_without_institution"))
    unknown = [i for i in output.indicators if i not in form.by_id]
    if unknown:
        return Line(Message.of("output_indicator_unknown", form=form.id, version=form.version,
                               indicator=repr(unknown[0][:40])))
    if action_uuids is not None:
        missing = [a for a in output.actions if a not in action_uuids]
        if missing:
            return Line(Message.of("output_action_unknown", action=repr(missing[0][:40])))
    return ""


def outputs_by_area(form: Form, outputs: list[Output]) -> list[tuple[str, list[Output]]]:
    """The outputs in the questionnaire's area order, then those for the whole assessment ('')."""
    order = [area.id for area in form.areas] + [""]
    grouped = {area: [o for o in outputs if o.area == area] for area in order}
    kinds = {kind: n for n, kind in enumerate(OUTPUT_KINDS)}
    return [(area, sorted(found, key=lambda o: (kinds.get(o.kind, 9), o.group, o.institution)))
            for area, found in grouped.items() if found]


def agreed_answer(case: ConsensusCase, level: int | None, special: str | None, note: str) -> Answer:
    """The facilitator's decision, with every group's score and reasoning kept in its notes.

    Raises SettlementRefused when the groups are two levels apart or more and no note says why.
    """
    check_settlement(case, note)
    lines = [note.strip()] if note.strip() else []
    for group, answer in case.by_group.items():
        score = str(answer.level) if answer.level is not None else (answer.special or "–")
        evidence = " · ".join(p for p in (answer.evidence_type, answer.evidence_reference, answer.evidence_text) if p)
        lines.append(" — ".join(p for p in (f"{group}: {score}", evidence, answer.notes.strip()) if p))
    # Every group's own answer stays stored in full; this summary is cut only where a cell would overflow.
    return Answer(case.indicator_id, level=level, special=special, notes=fit_cell("\n".join(lines)),
                  answered_by="consensus")
