"""Mean level per primary MCOF phase: where is the post weakest when a crisis starts?"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure

from hbm_assess.charts import style
from hbm_assess.charts.bidi_text import wrap
from hbm_assess.charts.data import PhaseBar, mean_text, phase_data
from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.scoring import overall_score
from hbm_assess.palette import TARGET, level_hex


def phase_chart(fig: Figure, form: Form, answers: Mapping[str, Answer], language: str = "en") -> Figure:
    """Draw a bar per phase (pre-crisis, emergency, post-crisis) with its mean target; returns the figure.

    Each indicator counts once, under its primary phase; each bar says how many stand behind it.
    """
    bars = phase_data(form, answers, language)
    ax, strip = style.start(fig)
    style.title(fig, style.word_plain("chart_by_phase", language), language)
    if all(bar.score.scored == 0 for bar in bars):
        style.empty(ax, style.word_plain("no_scored_indicators", language), language)
    else:
        _draw(ax, bars, language)
    handles = [style.line_handle("mean_target", language, color=TARGET, linewidth=2.5)]
    style.legend(strip, handles + style.level_handles(language), language, columns=4)
    style.caption(fig, overall_score(form, answers), language,
                  style.word_plain("counted_once_by_phase", language))
    return fig


def _draw(ax, bars: list[PhaseBar], language: str) -> None:
    positions = np.arange(len(bars))
    levels = [bar.score.mean_level or 0 for bar in bars]
    ax.bar(positions, levels, width=0.55, color=[level_hex(bar.score.mean_level) for bar in bars],
           edgecolor=style.EDGE, zorder=3)
    for x, bar in zip(positions, bars, strict=True):
        score = bar.score
        if score.mean_level is None:
            ax.text(x, 0.15, style.words("no_score", language), ha="center", va="bottom",
                    **style.text_style(language, style.SMALL_SIZE, color="#555555"))
            continue
        ax.hlines(score.mean_target, x - 0.34, x + 0.34, color=TARGET, linewidth=2.5, zorder=4)
        ax.text(x, score.mean_level / 2, mean_text(score.mean_level), ha="center", va="center",
                **style.text_style(language, style.LABEL_SIZE, fontweight="bold"))
    labels = [_label(bar, language) for bar in bars]
    ax.set_xticks(positions, labels=labels)
    ax.set_ylim(0, 5.3)
    ax.set_yticks([1, 2, 3, 4, 5])
    ax.set_ylabel(style.words("mean_level", language), **style.text_style(language))
    ax.grid(axis="y", color="#DDDDDD", zorder=0)
    ax.spines[["top", "right"]].set_visible(False)
    style.tick_fonts(ax, language)
    if style.right_to_left(language):
        ax.invert_xaxis()  # pre-crisis on the right, where a right-to-left reader starts
        ax.yaxis.tick_right()
        ax.yaxis.set_label_position("right")
        ax.spines["right"].set_visible(True)
        ax.spines["left"].set_visible(False)


def _label(bar: PhaseBar, language: str) -> str:
    counted = style.word_plain("scored_of_indicators", language, scored=bar.score.scored,
                               indicators=bar.score.indicators)
    return style.say(f"{wrap(bar.name, 16)}\n{counted}", language)
