"""The portfolio's figures shaped for the screen's charts and notes: plain data, no Qt, no words.

The view turns these into text (translated) and hands them to ``charts``; tests check the
shapes here without a window.
"""

from __future__ import annotations

from dataclasses import dataclass

from hbm_assess.storage.portfolio import PortfolioData

Series = list[tuple[str, list[float | None]]]  # (area id, a mean level or None at each point on the x axis)


def visit_series(data: PortfolioData) -> tuple[list[int], Series]:
    """Visit numbers present (1 = baseline), and per area its mean level at each, over every site."""
    visits = sorted({p.visit for p in data.visits})
    means = {(p.visit, p.area_id): p.mean_level for p in data.visits}
    return visits, [(area.key, [means.get((visit, area.key)) for visit in visits]) for area in data.areas]


def site_series(data: PortfolioData, site_key: str) -> tuple[list[str], Series]:
    """The dates of one site's assessments, oldest first, and per area its mean level at each."""
    points = data.site_points.get(site_key, ())
    assessments = list(dict.fromkeys((p.assessment_id, p.date) for p in points))
    means = {(p.assessment_id, p.area_id): p.mean_level for p in points}
    return [date for _, date in assessments], [
        (area.key, [means.get((aid, area.key)) for aid, _ in assessments]) for area in data.areas]


@dataclass(frozen=True)
class ChangeTotals:
    """Baseline-to-latest changes added up over the sites assessed more than once."""

    sites: int
    improved: int
    same: int
    worse: int
    not_comparable: int


def change_totals(data: PortfolioData) -> ChangeTotals:
    changes = data.changes
    return ChangeTotals(len(changes), *(sum(getattr(c, name) for c in changes)
                                        for name in ("improved", "same", "worse", "not_comparable")))


@dataclass(frozen=True)
class RapidDetailedTotals:
    """Rapid baselines against detailed follow-ups (#19), added up over the sites that have both."""

    sites: int
    compared: int
    left_out: int
    improved: int
    same: int
    worse: int
    not_comparable: int


def rapid_detailed_totals(data: PortfolioData) -> RapidDetailedTotals:
    pairs = data.rapid_detailed
    return RapidDetailedTotals(len(pairs), *(sum(getattr(p, name) for p in pairs) for name in (
        "compared", "left_out", "improved", "same", "worse", "not_comparable")))
