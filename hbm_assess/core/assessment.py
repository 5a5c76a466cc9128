"""An assessment of one site with one questionnaire: its answers and its plan of action."""

from __future__ import annotations

import uuid as uuid_module
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from enum import StrEnum

from hbm_assess.core.messages import Message, Problem
from hbm_assess.core.vocabulary import LEVELS, MAX_LEVEL, Special


def now() -> str:
    """A UTC timestamp as stored everywhere: ISO 8601 with microseconds."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def new_uuid() -> str:
    return str(uuid_module.uuid4())


class Status(StrEnum):
    DRAFT = "draft"
    FINAL = "final"


class Scope(StrEnum):
    """What an assessment covers: one crossing point, a governorate, or the whole country."""

    CROSSING_POINT = "crossing-point"
    GOVERNORATE = "governorate"
    NATIONAL = "national"


SCOPES = tuple(scope.value for scope in Scope)


class SiteType(StrEnum):
    LAND = "land"
    AIR = "air"
    SEA = "sea"
    INTERNAL = "internal"


@dataclass(frozen=True)
class Site:
    name: str
    country: str = ""
    type: str = SiteType.LAND.value
    pcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    reference_id: str = ""


@dataclass(frozen=True)
class Assessment:
    """What is known about an assessment apart from its answers."""

    form_id: str
    form_version: str
    site: Site
    date: str = field(default_factory=lambda: date.today().isoformat())
    assessors: tuple[str, ...] = ()
    institutions: tuple[str, ...] = ()
    mode: str = "detailed"
    status: str = Status.DRAFT.value
    revision: int = 1
    uuid: str = field(default_factory=new_uuid)
    created_at: str = field(default_factory=now)
    updated_at: str = field(default_factory=now)
    notes: str = ""
    id: int | None = None
    # A national assessment's "site" names the country or the meeting; a governorate's, the governorate.
    scope: str = Scope.CROSSING_POINT.value
    # core.targets.TargetPolicy: the level each indicator should reach unless one is typed for it.
    target_policy: str = "next-level"


class AnswerError(Problem, ValueError):
    """An answer that cannot be stored; the message names the field."""


@dataclass(frozen=True)
class Answer:
    """The answer to one indicator: a level, or Not applicable / Unknown, and its evidence."""

    indicator_id: str
    level: int | None = None
    special: str | None = None
    target: int | None = None
    evidence_type: str = ""
    evidence_reference: str = ""
    evidence_text: str = ""
    confidence: str = ""
    notes: str = ""
    answered_by: str = ""
    group: str = ""
    updated_at: str = field(default_factory=now)

    def __post_init__(self):
        if self.level is not None and (type(self.level) is not int or self.level not in LEVELS):
            raise AnswerError(Message.of("level_out_of_range", place=self.indicator_id, level=repr(self.level)))
        if self.special is not None and self.special not in {s.value for s in Special}:
            raise AnswerError(Message.of("special_unknown", indicator=self.indicator_id, special=repr(self.special)))
        if self.level is not None and self.special is not None:
            raise AnswerError(Message.of("level_and_special", indicator=self.indicator_id, special=self.special))
        if self.target is not None and (type(self.target) is not int or self.target not in LEVELS):
            raise AnswerError(Message.of("target_out_of_range", indicator=self.indicator_id, target=repr(self.target)))

    @property
    def is_answered(self) -> bool:
        return self.level is not None or self.special is not None

    @property
    def is_scored(self) -> bool:
        return self.level is not None

    @property
    def has_evidence(self) -> bool:
        return bool(self.evidence_type or self.evidence_reference.strip() or self.evidence_text.strip())

    @property
    def needs_evidence(self) -> bool:
        """A level of 4 or 5 claims use in a crisis or exercise: it should be backed by evidence."""
        return self.level is not None and self.level >= 4 and not self.has_evidence

    @property
    def effective_target(self) -> int | None:
        if self.level is None:
            return None
        if self.target is not None:
            return max(self.target, self.level)
        return default_target(self.level)

    @property
    def gap(self) -> int | None:
        target = self.effective_target
        return None if target is None or self.level is None else target - self.level

    def with_level(self, level: int | None, special: str | None = None) -> Answer:
        return replace(self, level=level, special=special, updated_at=now())


def default_target(level: int, indicator_default: int | None = None) -> int:
    """The WHO benchmarks' convention: aim one level higher, capped at 5."""
    if indicator_default is not None and indicator_default > level:
        return indicator_default
    return min(level + 1, MAX_LEVEL)


def choose_level(answer: Answer, level: int) -> Answer:
    """A level chosen for an indicator, as the indicator page and ``hbm-assess answer`` both set it.

    A target typed for this indicator stays while it is above the new level; otherwise it is
    cleared and the assessment's target policy decides (core.targets).
    """
    target = answer.target if answer.target is not None and answer.target > level else None
    return replace(answer.with_level(level), target=target)


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class Timeframe(StrEnum):
    IMMEDIATE = "immediate"
    MONTHS_3 = "3-months"
    MONTHS_12 = "12-months"
    LONGER = "longer"


class ActionStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in-progress"
    DONE = "done"


@dataclass(frozen=True)
class Action:
    """One step of the plan of action that closes a gap."""

    title: str
    indicators: tuple[str, ...] = ()
    responsible: str = ""
    partners: tuple[str, ...] = ()
    priority: str = Priority.MEDIUM.value
    timeframe: str = Timeframe.MONTHS_12.value
    due_date: str = ""
    cost: float | None = None
    currency: str = ""
    resources: str = ""
    status: str = ActionStatus.PLANNED.value
    uuid: str = field(default_factory=new_uuid)
    updated_at: str = field(default_factory=now)
    id: int | None = None
