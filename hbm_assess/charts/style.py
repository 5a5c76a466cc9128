"""What every chart shares: fonts per language, right-to-left mirroring, legends, captions."""

from __future__ import annotations

import matplotlib
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from hbm_assess.charts.bidi_text import display
from hbm_assess.charts.fonts import families
from hbm_assess.core.scoring import Score
from hbm_assess.core.text import is_right_to_left
from hbm_assess.core.vocabulary import word
from hbm_assess.palette import GREEN, RED, TARGET, YELLOW

SPACING_BY_FONT_METRICS = tuple(int(p) for p in matplotlib.__version__.split(".")[:2]) >= (3, 11)
TITLE_SIZE = 11
LABEL_SIZE = 9
SMALL_SIZE = 8
CURRENT = "#222222"
EARLIER = "#CC79A7"  # Okabe-Ito reddish purple: apart from the level colours and the target blue
EDGE = "#333333"


def start(fig: Figure, projection: str | None = None) -> tuple[Axes, Axes]:
    """Clear the figure and lay it out: the chart's axes, and a strip under it for the legend."""
    fig.clear()
    if fig.get_layout_engine() is None:
        fig.set_layout_engine("constrained")
    # The legend lives in an axes of its own because constrained layout stacks axes,
    # title and caption without overlap, but not a figure legend with either of them.
    grid = fig.add_gridspec(2, 1, height_ratios=[1, 0.001])
    chart = fig.add_subplot(grid[0], projection=projection)
    strip = fig.add_subplot(grid[1])
    strip.set_axis_off()
    return chart, strip


def text_style(language: str, size: float = LABEL_SIZE, **more) -> dict:
    """Keyword arguments for any matplotlib text in ``language``."""
    return {"fontfamily": families(language), "fontsize": size, "linespacing": line_spacing(language), **more}


def line_spacing(language: str) -> float:
    """Line spacing that gives Arabic-script text the same rhythm as Latin text."""
    # matplotlib 3.11 spaces lines by the first font's ascent + descent: 2.1 em in Noto
    # Sans Arabic (room for stacked marks) against 1.16 em in DejaVu Sans. Earlier
    # versions measured the glyphs instead, and need no correction.
    return 0.66 if is_right_to_left(language) and SPACING_BY_FONT_METRICS else 1.2


def font(language: str, size: float = LABEL_SIZE) -> FontProperties:
    return FontProperties(family=families(language), size=size)


def say(text: str, language: str) -> str:
    """Text shaped and ordered for matplotlib; the one way charts put words on screen."""
    return display(text, language)


def words(key: str, language: str, **values) -> str:
    """A glossary word, translated, then shaped."""
    return say(word(key, language, **values), language)


def tick_fonts(ax: Axes, language: str, size: float = LABEL_SIZE) -> None:
    # tick_params, unlike styling the current labels, also reaches ticks matplotlib creates later
    ax.tick_params(labelfontfamily=families(language), labelsize=size)
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_linespacing(line_spacing(language))


def title(fig: Figure, text: str, language: str) -> None:
    fig.suptitle(say(text, language), **text_style(language, TITLE_SIZE, fontweight="bold"))


def caption(fig: Figure, score: Score, language: str, extra: str = "") -> None:
    """What a mean was computed over, under the chart: the readers' guard against a thin mean."""
    line = word("counted_caption",
                language, scored=score.scored, na=score.not_applicable, unknown=score.unknown,
                unanswered=score.unanswered)
    if extra:
        line += "\n" + extra
    fig.supxlabel(say(line, language), **text_style(language, SMALL_SIZE, color="#444444"))


def legend(strip: Axes, handles: list, language: str, columns: int = 3) -> None:
    """The legend in the strip under the chart; right-to-left languages read its entries from the right."""
    rtl = is_right_to_left(language)
    columns = min(columns, len(handles))
    if rtl:
        handles = _mirrored_rows(handles, columns)
    shown = strip.legend(handles=handles, loc="upper center", ncols=columns, prop=font(language, SMALL_SIZE),
                         frameon=False, handletextpad=0.5, columnspacing=1.2, markerfirst=not rtl)
    for text in shown.get_texts():
        text.set_linespacing(line_spacing(language))


def _mirrored_rows(handles: list, columns: int) -> list:
    """Reorder so that each row reads from the right; matplotlib fills a legend column by column."""
    rows = -(-len(handles) // columns)
    padded = handles + [Patch(visible=False, label="")] * (rows * columns - len(handles))
    by_row = [padded[r * columns:(r + 1) * columns] for r in range(rows)]
    return [by_row[r][columns - 1 - c] for c in range(columns) for r in range(rows)]


def level_handles(language: str) -> list[Patch]:
    """Legend entries for the level colours (JEE: 1 red, 2–3 yellow, 4–5 green)."""
    return [Patch(facecolor=colour, edgecolor=EDGE, label=words(text, language))
            for colour, text in ((RED, "level_1"), (YELLOW, "levels_2_3"), (GREEN, "levels_4_5"))]


def line_handle(label: str, language: str, **style) -> Line2D:
    return Line2D([], [], label=words(label, language), **style)


def target_style() -> dict:
    return {"color": TARGET, "linestyle": "--", "linewidth": 1.6, "marker": "D", "markersize": 4}


def empty(ax: Axes, message: str, language: str) -> None:
    """Say on the chart itself why there is nothing to draw, rather than show blank axes."""
    ax.set_axis_off()
    ax.text(0.5, 0.5, say(message, language), ha="center", va="center", transform=ax.transAxes,
            **text_style(language, LABEL_SIZE, color="#555555"))


def right_to_left(language: str) -> bool:
    return is_right_to_left(language)


def word_plain(key: str, language: str, **values) -> str:
    """A glossary word, translated but not yet shaped, to be combined with other text first."""
    return word(key, language, **values)


def mirror(ax: Axes, language: str) -> None:
    """Right-to-left readers start from the right: values grow leftwards, labels stand on the right."""
    if not is_right_to_left(language):
        return
    ax.invert_xaxis()
    ax.yaxis.tick_right()
    ax.yaxis.set_label_position("right")
