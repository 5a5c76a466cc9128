"""Gap chart: indicators below target, largest gap first, each bar from current level to target."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from matplotlib.transforms import blended_transform_factory

from hbm_assess.charts import style
from hbm_assess.charts.bidi_text import shorten, wrap
from hbm_assess.charts.data import GapBar, area_colours, gap_data
from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.scoring import overall_score
from hbm_assess.palette import GREEN, RED, YELLOW, level_hex, lighten

ROW_POINTS = 24  # a label line and a bar under it, readable at 8 points
FIXED_INCHES = 1.7  # title, axis, legend and caption
CHARACTERS_PER_INCH = 13  # of an 8-point label, to shorten indicator labels to the figure's width
BANDS = ((0.5, 1.5, RED), (1.5, 3.5, YELLOW), (3.5, 5.5, GREEN))


def gap_chart(
    fig: Figure,
    form: Form,
    answers: Mapping[str, Answer],
    language: str = "en",
    max_rows: int | None = None,
) -> Figure:
    """Draw the largest gaps as bars from current level to target, coloured by area; returns the figure.

    Without ``max_rows``, as many gaps are drawn as the figure's height holds readably.
    """
    bars = gap_data(form, answers, language)
    shown = bars[:max_rows if max_rows is not None else rows_that_fit(fig)]
    ax, strip = style.start(fig)
    style.title(fig, style.word_plain("chart_gaps_largest_first", language), language)
    if not shown:
        message = "no_scored_indicators" if overall_score(form, answers).scored == 0 else \
            "no_gaps"
        style.empty(ax, style.word_plain(message, language), language)
    else:
        _draw(ax, shown, language, int(fig.get_figwidth() * CHARACTERS_PER_INCH))
    style.legend(strip, _handles(form, shown, language), language, columns=3)
    extra = ""
    if len(shown) < len(bars):
        extra = style.word_plain("largest_gaps_shown", language, shown=len(shown), total=len(bars))
    style.caption(fig, overall_score(form, answers), language, extra)
    return fig


def rows_that_fit(fig: Figure) -> int:
    """How many gap rows the figure's height holds without labels running into bars."""
    return max(3, int((fig.get_figheight() - FIXED_INCHES) * 72 / ROW_POINTS))


def _draw(ax, bars: list[GapBar], language: str, characters: int) -> None:
    rows = np.arange(len(bars))
    bar_rows = rows + 0.25  # the lower part of each row; the indicator's label takes the upper part
    for low, high, colour in BANDS:
        # The level colours behind the chart say what the colour of each current-level dot means.
        ax.axvspan(low, high, color=lighten(colour, 0.82), zorder=0, linewidth=0)
    ax.barh(bar_rows, [b.size for b in bars], left=[b.level for b in bars], height=0.3,
            color=[b.colour for b in bars], edgecolor="none", zorder=2)
    ax.scatter([b.level for b in bars], bar_rows, s=40, c=[level_hex(b.level) for b in bars],
               edgecolors=style.EDGE, linewidths=0.8, zorder=4)
    ax.scatter([b.target for b in bars], bar_rows, s=30, marker="D", facecolors="white",
               edgecolors=style.target_style()["color"], linewidths=1.5, zorder=4)
    rtl = style.right_to_left(language)
    edge = blended_transform_factory(ax.transAxes, ax.transData)
    for row, bar in zip(rows, bars, strict=True):
        ax.text(bar.target + 0.17, row + 0.25, f"+{bar.size}", va="center", ha="right" if rtl else "left",
                **style.text_style(language, style.SMALL_SIZE, color="#333333"))
        ax.text(0.995 if rtl else 0.005, row - 0.17, style.say(shorten(bar.label, characters), language),
                transform=edge, va="center", ha="right" if rtl else "left",
                **style.text_style(language, style.SMALL_SIZE, color="#222222"))
    ax.set_yticks(rows - 0.17, labels=[b.indicator_id for b in bars])
    ax.set_ylim(len(bars) - 0.4, -0.5)
    ax.set_xlim(0.5, 5.5)
    ax.set_xticks([1, 2, 3, 4, 5])
    ax.set_xlabel(style.words("level", language), **style.text_style(language))
    ax.tick_params(axis="y", length=0)
    ax.spines[["top", "right", "left"]].set_visible(False)
    style.tick_fonts(ax, language, style.SMALL_SIZE)
    style.mirror(ax, language)


def _handles(form: Form, bars: list[GapBar], language: str) -> list:
    colours = area_colours(form)
    present = {b.area_id for b in bars}
    handles = [Patch(color=colours[area.id], label=style.say(wrap(area.title.get(language), 22), language))
               for area in form.areas if area.id in present]
    handles.append(style.line_handle("current_level", language, linestyle="none", marker="o",
                                     markerfacecolor="white", markeredgecolor=style.EDGE))
    handles.append(style.line_handle("target_level", language, linestyle="none", marker="D",
                                     markerfacecolor="white", markeredgecolor=style.target_style()["color"]))
    return handles
