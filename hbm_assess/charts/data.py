"""The numbers behind each chart, as plain data, so they can be checked without drawing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.scoring import Score, area_scores, gaps, overall_score, phase_scores
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.palette import AREA_COLOURS, level_fill, level_hex


@dataclass(frozen=True)
class AreaPoint:
    """One spoke of the radar: an area's mean current and target level, and the earlier mean."""

    area_id: str
    title: str
    score: Score
    earlier: Score | None = None


@dataclass(frozen=True)
class RadarData:
    areas: tuple[AreaPoint, ...]
    overall: Score
    earlier_overall: Score | None = None


@dataclass(frozen=True)
class GapBar:
    """One bar of the gap chart: an indicator below its target."""

    indicator_id: str
    area_id: str
    label: str
    level: int
    target: int
    colour: str

    @property
    def size(self) -> int:
        return self.target - self.level


@dataclass(frozen=True)
class PhaseBar:
    phase: str
    name: str
    score: Score


@dataclass(frozen=True)
class HeatCell:
    """One heatmap cell: its fill colour and the text written in it."""

    value: float | None
    count: int
    colour: str
    text: str


def mean_text(value: float) -> str:
    """A mean level to one decimal, or two where one would contradict its colour (3.46 is not "3.5")."""
    text = f"{value:.1f}"
    # Colours round the mean to the nearest level; a mean just under a colour boundary
    # shown to one decimal would read as the boundary value in the other colour.
    return text if level_hex(float(text)) == level_hex(value) else f"{value:.2f}"


def area_colours(form: Form) -> dict[str, str]:
    """A fixed colour per area, in the order of the form, so every chart agrees."""
    return {area.id: AREA_COLOURS[i % len(AREA_COLOURS)] for i, area in enumerate(form.areas)}


def radar_data(
    form: Form,
    answers: Mapping[str, Answer],
    language: str = "en",
    compare_answers: Mapping[str, Answer] | None = None,
) -> RadarData:
    """Mean current and target level per area (N/A and Unknown left out), and the earlier means."""
    now = area_scores(form, answers)
    before = area_scores(form, compare_answers) if compare_answers is not None else None
    points = tuple(
        AreaPoint(area.id, area.title.get(language), now[area.id], before[area.id] if before else None)
        for area in form.areas
    )
    earlier_overall = overall_score(form, compare_answers) if compare_answers is not None else None
    return RadarData(points, overall_score(form, answers), earlier_overall)


def gap_data(form: Form, answers: Mapping[str, Answer], language: str = "en") -> list[GapBar]:
    """Every indicator below its target, most urgent first (core ``gap_rank``), with its area colour."""
    colours = area_colours(form)
    return [
        GapBar(gap.indicator_id, gap.area_id, form.indicator(gap.indicator_id).label.get(language),
               gap.level, gap.target, colours[gap.area_id])
        for gap in gaps(form, answers)
    ]


def phase_data(form: Form, answers: Mapping[str, Answer], language: str = "en") -> list[PhaseBar]:
    """Mean level per MCOF phase; each indicator counts once, under its primary phase."""
    names = vocabulary().phases
    return [
        PhaseBar(phase, names[phase].name.get(language) if phase in names else phase, score)
        for phase, score in phase_scores(form, answers).items()
    ]


def heat_cells(
    values: Sequence[Sequence[float | None]], counts: Sequence[Sequence[int]] | None = None
) -> list[list[HeatCell]]:
    """Colour and text of each heatmap cell, to one decimal; a cell without a mean is grey and left blank."""
    grid = []
    for r, row in enumerate(values):
        cells = []
        for c, value in enumerate(row):
            count = int(counts[r][c]) if counts is not None else 0
            missing = value is None or value != value  # NaN from numpy arrays counts as missing
            shown = None if missing else float(value)
            # One decimal in every cell, and the colour of the number shown, so the two never disagree
            # (3.46 shows as 3.5, in the colour of 3.5).
            rounded = None if shown is None else round(shown + 1e-9, 1)
            cells.append(HeatCell(shown, count, level_fill(rounded), "" if shown is None else f"{rounded:.1f}"))
        grid.append(cells)
    return grid
