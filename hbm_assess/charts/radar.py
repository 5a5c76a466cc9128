"""Radar of the mean current and target level per area, with an earlier assessment if given."""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure

from hbm_assess.charts import style
from hbm_assess.charts.bidi_text import wrap
from hbm_assess.charts.data import AreaPoint, RadarData, mean_text, radar_data
from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form
from hbm_assess.palette import GREEN, RED, YELLOW, level_hex, lighten

MIN_SPOKES = 3  # with fewer areas a radar is a line, so the same numbers are drawn as bars
BANDS = ((0, 1.5, RED), (1.5, 3.5, YELLOW), (3.5, 5, GREEN))


def radar(
    fig: Figure,
    form: Form,
    answers: Mapping[str, Answer],
    language: str = "en",
    compare_answers: Mapping[str, Answer] | None = None,
) -> Figure:
    """Draw current vs target mean level per area on ``fig``; returns the figure."""
    data = radar_data(form, answers, language, compare_answers)
    nothing = data.overall.scored == 0 and (data.earlier_overall is None or data.earlier_overall.scored == 0)
    polar = not nothing and len(data.areas) >= MIN_SPOKES
    ax, strip = style.start(fig, projection="polar" if polar else None)
    style.title(fig, style.word_plain("chart_current_and_target", language), language)
    if nothing:
        style.empty(ax, style.word_plain("no_scored_indicators", language), language)
    elif polar:
        _polar(ax, data, language)
    else:
        _bars(ax, data, language)
    style.legend(strip, _handles(data, language), language, columns=3)
    extra = ""
    if data.earlier_overall is not None:
        extra = style.word_plain("earlier_scored", language, scored=data.earlier_overall.scored)
    style.caption(fig, data.overall, language, extra)
    return fig


def _values(points: tuple[AreaPoint, ...], which: str) -> list[float]:
    values = []
    for point in points:
        score = point.earlier if which == "earlier" else point.score
        value = None if score is None else (score.mean_target if which == "target" else score.mean_level)
        values.append(math.nan if value is None else value)
    return values


def _polar(ax, data: RadarData, language: str) -> None:
    ax.set_theta_zero_location("N")
    # Clockwise for left-to-right readers; right-to-left readers go round the other way.
    ax.set_theta_direction(1 if style.right_to_left(language) else -1)
    count = len(data.areas)
    angles = [2 * math.pi * i / count for i in range(count)]
    ring = np.linspace(0, 2 * math.pi, 181)
    for low, high, colour in BANDS:
        ax.fill_between(ring, low, high, color=lighten(colour, 0.8), zorder=0, linewidth=0)
    closed = [*angles, angles[0]]

    def loop(values: list[float]) -> list[float]:
        return [*values, values[0]]

    if data.earlier_overall is not None:
        ax.plot(closed, loop(_values(data.areas, "earlier")), color=style.EARLIER, linestyle=":",
                linewidth=1.8, marker="s", markersize=4, zorder=3)
    ax.plot(closed, loop(_values(data.areas, "target")), zorder=4, **style.target_style())
    current = _values(data.areas, "current")
    ax.plot(closed, loop(current), color=style.CURRENT, linewidth=2, zorder=5)
    ax.fill(closed, loop([0 if math.isnan(v) else v for v in current]), color=style.CURRENT, alpha=0.08, zorder=2)
    for angle, value in zip(angles, current, strict=True):
        if not math.isnan(value):
            ax.plot([angle], [value], marker="o", markersize=7, color=level_hex(value),
                    markeredgecolor=style.EDGE, zorder=6)
    ax.set_ylim(0, 5)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_rlabel_position(180 / count)
    ax.tick_params(axis="y", labelsize=style.SMALL_SIZE, labelcolor="#555555")
    ax.set_xticks(angles, labels=[""] * count)
    ax.spines["polar"].set_visible(False)
    for angle, point in zip(angles, data.areas, strict=True):
        _spoke_label(ax, angle, point, language)


def _spoke_label(ax, angle: float, point: AreaPoint, language: str) -> None:
    """Area title and its mean, placed outside the circle and anchored away from it."""
    x = math.sin(angle) * (1 if ax.get_theta_direction() < 0 else -1)
    y = math.cos(angle)
    ha = "center" if abs(x) < 0.3 else ("left" if x > 0 else "right")
    va = "center" if abs(y) < 0.3 else ("bottom" if y > 0 else "top")
    text = f"{wrap(point.title, 18, max_lines=2)}\n{_mean_text(point, language)}"
    ax.text(angle, 5.45, style.say(text, language), ha=ha, va=va, multialignment="center",
            **style.text_style(language))


def _mean_text(point: AreaPoint, language: str) -> str:
    level = point.score.mean_level
    if level is None:
        return style.word_plain("no_score", language)
    arrow = "←" if style.right_to_left(language) else "→"  # pointing the way the reader reads
    return f"{mean_text(level)} {arrow} {point.score.mean_target:.1f}"


def _bars(ax, data: RadarData, language: str) -> None:
    positions = np.arange(len(data.areas))
    current, target = _values(data.areas, "current"), _values(data.areas, "target")
    ax.barh(positions, [0 if math.isnan(v) else v for v in current], height=0.5,
            color=[level_hex(None if math.isnan(v) else v) for v in current], edgecolor=style.EDGE, zorder=3)
    ax.plot(target, positions, linestyle="none", marker="D", markersize=8, color=style.target_style()["color"],
            zorder=4)
    if data.earlier_overall is not None:
        ax.plot(_values(data.areas, "earlier"), positions, linestyle="none", marker="s", markersize=8,
                color=style.EARLIER, markeredgecolor=style.EDGE, zorder=5)
    labels = [f"{wrap(p.title, 22, max_lines=2)}\n{_mean_text(p, language)}" for p in data.areas]
    ax.set_yticks(positions, labels=[style.say(label, language) for label in labels])
    ax.set_xlim(0, 5)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(style.words("mean_level", language), **style.text_style(language))
    ax.invert_yaxis()
    ax.grid(axis="x", color="#DDDDDD", zorder=0)
    style.tick_fonts(ax, language)
    style.mirror(ax, language)


def _handles(data: RadarData, language: str) -> list:
    handles = [
        style.line_handle("current_level", language, color=style.CURRENT, linewidth=2, marker="o",
                          markerfacecolor="white", markeredgecolor=style.EDGE),
        style.line_handle("target_level", language, **style.target_style()),
    ]
    if data.earlier_overall is not None:
        handles.append(style.line_handle("earlier_assessment", language, color=style.EARLIER, linestyle=":",
                                         linewidth=1.8, marker="s", markersize=4))
    return handles + style.level_handles(language)
