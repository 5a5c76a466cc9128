"""Charts of the HQ portfolio, drawn from aggregates: mean level per area over time.

The heatmap of sites × areas is ``hbm_assess.charts.heatmap``; this adds the line
chart of progress. Texts arrive translated (the app translates them with Qt);
they are only shaped and ordered here.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from hbm_assess.charts import style
from hbm_assess.charts.bidi_text import wrap
from hbm_assess.core.vocabulary import LEVELS
from hbm_assess.palette import AREA_COLOURS, level_fill

ROTATE_AFTER = 6  # more x labels than this are tilted so dates do not overlap


LEGEND_COLUMNS, LEGEND_CHARACTERS = 3, 16


def progress_chart(
    fig: Figure,
    x_labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    language: str = "en",
    title: str = "",
    empty_message: str = "",
) -> Figure:
    """One line per area: ``series`` is (area title, mean level at each x label, None where not assessed)."""
    chart, strip = style.start(fig)
    if title:
        fig.suptitle(style.say(title, language), **style.text_style(language, style.TITLE_SIZE, fontweight="bold"))
    if not x_labels or all(value is None for _, values in series for value in values):
        style.empty(chart, empty_message or style.word_plain("no_data", language), language)
        return fig
    _level_bands(chart)
    handles = []
    for number, (label, values) in enumerate(series):
        colour = AREA_COLOURS[number % len(AREA_COLOURS)]
        points = [(x, value) for x, value in enumerate(values) if value is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        chart.plot(xs, ys, color=colour, marker="o", markersize=5, linewidth=2)
        # Wrapped, so five area names fit under a chart as narrow as the Progress tab (never cut at its edges)
        handles.append(Line2D([], [], color=colour, marker="o", linewidth=2,
                              label=style.say(wrap(label, LEGEND_CHARACTERS), language)))
    chart.set_xlim(-0.4, len(x_labels) - 0.6)
    chart.set_ylim(0.7, 5.3)
    chart.set_yticks(list(LEVELS))
    rotation = 30 if len(x_labels) > ROTATE_AFTER else 0
    chart.set_xticks(range(len(x_labels)), labels=[style.say(x, language) for x in x_labels], rotation=rotation)
    chart.spines[["top", "right"]].set_visible(False)
    style.tick_fonts(chart, language)
    style.mirror(chart, language)
    style.legend(strip, handles, language, columns=min(LEGEND_COLUMNS, len(handles)))
    return fig


def _level_bands(chart) -> None:
    """Faint level colours behind the lines, so a mean reads as a level at a glance."""
    for level in LEVELS:
        chart.axhspan(level - 0.5, level + 0.5, color=level_fill(level), alpha=0.35, linewidth=0, zorder=0)


def heatmap_cell(xdata: float | None, ydata: float | None, rows: int, columns: int) -> tuple[int, int] | None:
    """The (row, column) of a heatmap drawn by ``charts.heatmap`` at data coordinates (x, y), if any."""
    if xdata is None or ydata is None:
        return None
    row, column = round(ydata), round(xdata)
    return (row, column) if 0 <= row < rows and 0 <= column < columns else None
