"""Heatmap of mean levels, e.g. sites × areas for the HQ view; cells in the level colours with their value."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from hbm_assess.charts import style
from hbm_assess.charts.bidi_text import shorten, wrap
from hbm_assess.charts.data import heat_cells
from hbm_assess.charts.fonts import LATIN
from hbm_assess.palette import level_fill

MAX_CELLS_WITH_TEXT = 600  # beyond this the numbers would be too small to read; colour alone remains
ROW_CHARACTERS = 28
MARGIN_PT = 6  # around the title, the labels and the legend, in points


def heatmap(
    fig: Figure,
    rows: Sequence[str],
    columns: Sequence[str],
    values: Sequence[Sequence[float | None]],
    counts: Sequence[Sequence[int]] | None = None,
    language: str = "en",
    title: str = "",
) -> Figure:
    """Draw ``values[row][column]`` (mean levels, None for no data) as coloured cells; returns the figure.

    ``counts`` (assessments behind each cell) travel with the cells for a screen to show on hover;
    the cells show the mean only.
    """
    cells = heat_cells(values, counts)
    ax, strip = style.start(fig)
    style.title(fig, title or style.word_plain("mean_level", language), language)
    if not cells or not cells[0]:
        style.empty(ax, style.word_plain("no_data", language), language)
        return fig
    rgb = np.array([[to_rgb(cell.colour) for cell in row] for row in cells])
    ax.imshow(rgb, aspect="auto", interpolation="nearest")
    ax.set_xticks(np.arange(len(columns)), labels=[style.say(wrap(c, 14, max_lines=3), language) for c in columns])
    ax.set_yticks(np.arange(len(rows)), labels=[style.say(shorten(r, ROW_CHARACTERS), language) for r in rows])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    # White lines between cells: two line collections, not a tick object per line (minor ticks cost 4 artists each).
    ax.hlines(np.arange(len(rows) + 1) - 0.5, -0.5, len(columns) - 0.5, colors="white", linewidth=1.5)
    ax.vlines(np.arange(len(columns) + 1) - 0.5, -0.5, len(rows) - 0.5, colors="white", linewidth=1.5)
    ax.spines[:].set_visible(False)
    if len(rows) * len(columns) <= MAX_CELLS_WITH_TEXT:
        _cell_texts(ax, cells, language, len(rows))
    style.tick_fonts(ax, language, style.LABEL_SIZE if len(rows) <= 40 else style.SMALL_SIZE - 1)
    style.mirror(ax, language)
    style.legend(strip, _handles(language), language, columns=4)
    _place(fig, ax, strip, language)
    return fig


def _place(fig: Figure, ax, strip, language: str) -> None:
    """Lay the heatmap out from the measured sizes of its title, labels and legend.

    Constrained layout found the same places in two passes over every label (a fifth of the
    drawing, #20); here each text is measured once, and the drawing reuses the measurement.
    """
    fig.set_layout_engine("none")
    canvas = fig.canvas if hasattr(fig.canvas, "get_renderer") else FigureCanvasAgg(fig)
    renderer = canvas.get_renderer()
    width, height = fig.bbox.width, fig.bbox.height
    points = fig.dpi / 72
    margin, tick_pad = MARGIN_PT * points, ax.yaxis.get_major_ticks()[0].get_pad() * points

    def extent(texts, measure) -> float:
        return max((measure(t.get_window_extent(renderer)) for t in texts if t.get_text()), default=0.0)

    label_width = extent(ax.get_yticklabels(), lambda box: box.width) + tick_pad
    label_height = extent(ax.get_xticklabels(), lambda box: box.height) + tick_pad
    title = fig._suptitle
    title_height = title.get_window_extent(renderer).height if title is not None else 0.0
    legend = strip.get_legend()
    legend_height = legend.get_window_extent(renderer).height if legend is not None else 0.0
    if title is not None:
        title.set_y(1 - margin / height)
        title.set_va("top")
    top = height - margin - title_height - margin - label_height
    bottom = margin + legend_height + margin
    left, right = margin, width - margin
    if style.right_to_left(language):
        right -= label_width
    else:
        left += label_width
    ax.set_position([left / width, bottom / height, max(right - left, 1) / width, max(top - bottom, 1) / height])
    strip.set_position([left / width, margin / height, max(right - left, 1) / width, legend_height / height])
    if legend is not None:
        legend.set_loc("center")


def _cell_texts(ax, cells, language: str, row_count: int) -> None:
    # One short line per cell: the number of assessments behind a cell is for the screen to
    # show on hover (it doubled the text to lay out, the most costly part of drawing).
    # Cell texts sit inside the axes by construction, so the layout need not measure them.
    # Western digits in every language: one font, not the fallback list (each text looked up every font in it).
    size = style.LABEL_SIZE if row_count <= 20 else style.SMALL_SIZE - 1
    digits = {**style.text_style(language, size, color="#111111"), "fontfamily": LATIN}
    for r, row in enumerate(cells):
        for c, cell in enumerate(row):
            if cell.value is not None:
                ax.text(c, r, cell.text, ha="center", va="center", in_layout=False, **digits)


def _handles(language: str) -> list[Patch]:
    handles = [Patch(facecolor=level_fill(level), edgecolor=style.EDGE, label=label.get_label())
               for level, label in zip((1, 2, 4), style.level_handles(language), strict=True)]
    handles.append(Patch(facecolor=level_fill(None), edgecolor=style.EDGE,
                         label=style.words("no_data", language)))
    return handles


