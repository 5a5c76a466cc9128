"""Comparing two assessments of the same site: what improved, what stayed, what got worse."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form


@dataclass(frozen=True)
class Change:
    indicator_id: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]

    @property
    def improved(self) -> int:
        return sum(1 for c in self.changes if c.delta is not None and c.delta > 0)

    @property
    def same(self) -> int:
        return sum(1 for c in self.changes if c.delta == 0)

    @property
    def worse(self) -> int:
        return sum(1 for c in self.changes if c.delta is not None and c.delta < 0)

    @property
    def not_comparable(self) -> int:
        """Indicators without a level in one of the two (unanswered, N/A or Unknown)."""
        return sum(1 for c in self.changes if c.delta is None)

    def by_indicator(self) -> dict[str, Change]:
        return {c.indicator_id: c for c in self.changes}


def compare(form: Form, earlier: Mapping[str, Answer], later: Mapping[str, Answer]) -> Comparison:
    """Per-indicator change between two sets of answers to the same form."""
    changes = []
    for indicator in form.indicators():
        before = earlier.get(indicator.id)
        after = later.get(indicator.id)
        changes.append(Change(indicator.id, before.level if before else None, after.level if after else None))
    return Comparison(tuple(changes))
