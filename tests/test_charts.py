"""The numbers behind every chart, worked out by hand on the mini form, and the charts drawn in every language."""

import math
import os
import subprocess
import sys
import unicodedata
import warnings

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.text import Text

from hbm_assess import charts
from hbm_assess.charts import bidi_text, fonts
from hbm_assess.charts.data import mean_text
from hbm_assess.core.assessment import Answer
from hbm_assess.core.text import LANGUAGES
from hbm_assess.core.vocabulary import word
from hbm_assess.palette import level_hex


def _answers(*items):
    return {a.indicator_id: a for a in items}


# REG-01 level 2 (target 3 by default), REG-02 level 3 (the form's default target 4),
# OPS-01 level 1 with target 4, OPS-02 Not applicable.
NOW = _answers(
    Answer("REG-01", level=2),
    Answer("REG-02", level=3),
    Answer("OPS-01", level=1, target=4),
    Answer("OPS-02", special="na"),
)
# The earlier visit: REG-01 level 1, REG-02 Unknown, OPS-01 level 1, OPS-02 level 2.
EARLIER = _answers(
    Answer("REG-01", level=1),
    Answer("REG-02", special="unknown"),
    Answer("OPS-01", level=1),
    Answer("OPS-02", level=2),
)


def test_radar_means_per_area_leave_out_na(mini_form):
    data = charts.radar_data(mini_form, NOW)
    reg, ops = data.areas
    assert (reg.area_id, reg.title) == ("REG", "Regulatory framework")
    assert (reg.score.mean_level, reg.score.mean_target, reg.score.scored) == (2.5, 3.5, 2)
    assert (ops.score.mean_level, ops.score.mean_target, ops.score.scored) == (1.0, 4.0, 1)
    assert (ops.score.not_applicable, ops.score.unknown, ops.score.excluded) == (1, 0, 1)
    assert data.overall.mean_level == pytest.approx(2.0)  # (2 + 3 + 1) / 3, not the mean of area means
    assert data.overall.mean_target == pytest.approx(11 / 3)
    assert data.earlier_overall is None and reg.earlier is None


def test_radar_compares_with_the_earlier_assessment(mini_form):
    data = charts.radar_data(mini_form, NOW, "ar", compare_answers=EARLIER)
    reg, ops = data.areas
    assert reg.title == "الإطار التنظيمي"
    assert (reg.earlier.mean_level, reg.earlier.scored, reg.earlier.unknown) == (1.0, 1, 1)
    assert (ops.earlier.mean_level, ops.earlier.scored) == (1.5, 2)
    assert data.earlier_overall.mean_level == pytest.approx(4 / 3)
    assert (data.earlier_overall.scored, data.earlier_overall.unknown) == (3, 1)


def test_radar_counts_unanswered_apart(mini_form):
    data = charts.radar_data(mini_form, _answers(Answer("REG-01", level=5)))
    reg, ops = data.areas
    assert (reg.score.mean_level, reg.score.mean_target, reg.score.unanswered) == (5.0, 5.0, 1)
    assert (ops.score.mean_level, ops.score.scored, ops.score.unanswered) == (None, 0, 2)


def test_gaps_largest_first_then_the_weaker_level(mini_form):
    bars = charts.gap_data(mini_form, NOW)
    assert [(b.indicator_id, b.level, b.target, b.size) for b in bars] == [
        ("OPS-01", 1, 4, 3),
        ("REG-01", 2, 3, 1),  # same size as REG-02, but weaker
        ("REG-02", 3, 4, 1),
    ]
    # OPS is the mini form's second area, Okabe-Ito orange; REG its first, Okabe-Ito blue.
    assert [b.colour for b in bars] == ["#E69F00", "#0072B2", "#0072B2"]
    assert bars[0].label == "Crisis SOPs"
    assert charts.gap_data(mini_form, NOW, "ar")[0].label == "إجراءات الأزمات"


def test_no_gap_at_the_top_level(mini_form):
    assert charts.gap_data(mini_form, _answers(Answer("REG-01", level=5), Answer("OPS-02", level=4, target=4))) == []


def test_phase_breakdown_counts_each_indicator_once_under_its_primary_phase(mini_form):
    bars = {b.phase: b for b in charts.phase_data(mini_form, NOW)}
    assert list(bars) == ["pre-crisis", "emergency", "post-crisis"]
    assert (bars["pre-crisis"].score.mean_level, bars["pre-crisis"].score.scored) == (2.0, 1)  # REG-01
    emergency = bars["emergency"].score  # REG-02 3 (target 4), OPS-02 N/A; OPS-01 is post-crisis only
    assert (emergency.mean_level, emergency.mean_target, emergency.scored, emergency.not_applicable,
            emergency.indicators) == (3.0, 4.0, 1, 1, 2)
    post = bars["post-crisis"].score  # OPS-01 1, target 4
    assert (post.mean_level, post.mean_target, post.scored, post.indicators) == (1.0, 4.0, 1, 1)
    assert bars["emergency"].name == "Emergency"
    assert {b.phase: b.name for b in charts.phase_data(mini_form, NOW, "ckb")}["emergency"] == "فریاکەوتن"


def test_heatmap_cells_colour_by_level_and_leave_gaps_grey():
    cells = charts.heat_cells([[1.2, 2.6, None], [4.0, float("nan"), 3.46]], [[3, 1, 0], [2, 0, 5]])
    # Each fill is the level colour blended 55 % towards white, channel by channel: c + (255 - c) * 0.55.
    # 1.2 rounds to 1, red #D55E00: D5=213 -> 236.1 = EC, 5E=94 -> 182.55 = B7, 00 -> 140.25 = 8C.
    # 2.6 rounds to 3, yellow #F0E442: F0=240 -> 248.25 = F8, E4=228 -> 242.85 = F3, 42=66 -> 169.95 = AA.
    # No value: grey #BBBBBB: BB=187 -> 224.4 = E0.
    assert [c.colour for c in cells[0]] == ["#ECB78C", "#F8F3AA", "#E0E0E0"]
    assert [c.text for c in cells[0]] == ["1.2", "2.6", ""]
    assert (cells[1][1].value, cells[1][1].text, cells[1][1].colour) == (None, "", "#E0E0E0")  # NaN is no value
    # 4.0 is green #009E73: 00 -> 8C, 9E=158 -> 211.35 = D3, 73=115 -> 192.25 = C0. 3.46 is shown to one
    # decimal like every cell (issue 16: no cell with two), as 3.5, and coloured as the 3.5 it shows: green.
    assert (cells[1][0].colour, cells[1][2].colour) == ("#8CD3C0", "#8CD3C0")
    assert (cells[1][2].count, cells[1][2].text) == (5, "3.5")
    assert [c.text for c in charts.heat_cells([[2.449, 2.45, 1.05]])[0]] == ["2.4", "2.5", "1.1"]


def test_mean_text_never_contradicts_the_colour():
    assert (mean_text(3.44), mean_text(3.46), mean_text(3.5), mean_text(1.46), mean_text(2.0)) == (
        "3.4", "3.46", "3.5", "1.46", "2.0")


RADAR_TITLE = {
    "en": "Current and target level by area",
    "ar": "المستوى الحالي والمستهدف حسب المجال",
    "ckb": "ئاستی ئێستا و ئامانج بەپێی بوار",
}
# The mini form has no Kurdish: its area titles fall back to English there.
REG_TITLE = {"en": "Regulatory framework", "ar": "الإطار التنظيمي", "ckb": "Regulatory framework"}


def _as_typed(drawn: str) -> str:
    """A label as a person would type it: no direction mark, and the fallback's shaping undone.

    Without libraqm the charts draw presentation forms in visual order; reversed and folded
    back (NFKC), they are the logical text again.
    """
    drawn = drawn.replace("\u200f", "")
    if any(0xFB50 <= ord(ch) <= 0xFEFF for ch in drawn):
        drawn = unicodedata.normalize("NFKC", drawn[::-1])
    return drawn


def _draw_all(fig_factory, mini_form, language):
    drawings = [
        lambda fig: charts.radar(fig, mini_form, NOW, language),
        lambda fig: charts.radar(fig, mini_form, NOW, language, compare_answers=EARLIER),
        lambda fig: charts.gap_chart(fig, mini_form, NOW, language),
        lambda fig: charts.phase_chart(fig, mini_form, NOW, language),
        lambda fig: charts.heatmap(fig, ["Ibrahim Khalil", "ربيعة"], ["REG", "OPS"], [[2.5, 1.0], [None, 4.2]],
                                   [[1, 1], [0, 2]], language),
    ]
    figures = []
    for draw in drawings:
        fig = fig_factory()
        assert draw(fig) is fig
        FigureCanvasAgg(fig).draw()
        figures.append(fig)
    return figures


def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_chart_draws_without_a_missing_glyph_or_a_collapsed_layout(mini_form, language):
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" and layout failures are warnings
        figures = _draw_all(lambda: Figure(figsize=(5.5, 4.2), layout="constrained"), mini_form, language)
    drawn = _texts(figures[0])
    as_typed = [_as_typed(t) for t in drawn]
    assert RADAR_TITLE[language] in as_typed and REG_TITLE[language] in " ".join(as_typed)
    if language != "en":
        assert not any(t.startswith("Current") for t in drawn)
        if bidi_text.NATIVE_SHAPING:  # libraqm shapes; the chart only marks the paragraph right to left
            assert "\u200f" + RADAR_TITLE[language] in drawn


def test_charts_fill_a_figure_without_a_layout_engine(mini_form):
    fig = charts.gap_chart(Figure(figsize=(6, 5)), mini_form, NOW, "en")
    assert fig.get_layout_engine() is not None
    texts = _texts(fig)
    assert "OPS-01" in texts and any(t.startswith("Crisis SOPs") for t in texts)


def test_empty_assessment_says_so_instead_of_blank_axes(mini_form):
    for draw in (charts.radar, charts.gap_chart, charts.phase_chart):
        fig = draw(Figure(), mini_form, {}, "en")
        assert "No scored indicators yet" in _texts(fig)


def test_the_gap_chart_shows_what_fits_and_says_how_many_are_left_out(mini_form):
    fig = charts.gap_chart(Figure(figsize=(5.5, 4.2)), mini_form, NOW, "en", max_rows=2)
    texts = " ".join(_texts(fig))
    assert "2 largest of 3 gaps shown" in texts and "REG-02" not in texts


def test_right_to_left_charts_are_mirrored(mini_form):
    left = charts.gap_chart(Figure(), mini_form, NOW, "en").axes[0]
    right = charts.gap_chart(Figure(), mini_form, NOW, "ar").axes[0]
    assert not left.xaxis_inverted() and right.xaxis_inverted()
    assert right.yaxis.get_ticks_position() == "right"


def test_arabic_is_shaped_into_presentation_forms_for_older_matplotlib():
    shaped = bidi_text.display("إجراءات الأزمات", "ar", native=False)
    assert any(0xFE70 <= ord(ch) <= 0xFEFF for ch in shaped)
    assert "\u0627" not in shaped  # no bare alef left: every letter took its joined form
    mixed = bidi_text.display("OPS-03 إجراءات الأزمات 3.5", "ar", native=False)
    assert "OPS-03" in mixed and "3.5" in mixed  # ids and numbers keep their reading order
    assert mixed.startswith("3.5") and mixed.endswith("OPS-03")  # right to left: the id is read first


def test_native_shaping_keeps_logical_order_and_sets_the_direction():
    assert bidi_text.display("إجراءات الأزمات", "ar", native=True) == "\u200f" + "إجراءات الأزمات"
    assert bidi_text.display("Crisis SOPs…", "ar", native=True) == "Crisis SOPs…"  # English fallback stays LTR
    assert bidi_text.display("2.5 ← 3.5", "ar", native=True) == "\u200f" + "2.5 ← 3.5"
    assert bidi_text.display("الإطار\n2.5", "ckb", native=True) == "\u200fالإطار\n\u200f2.5"
    assert bidi_text.display("Ibrahim Khalil", "en") == "Ibrahim Khalil"


@pytest.mark.skipif(not bidi_text.NATIVE_SHAPING, reason="this matplotlib has no libraqm; charts use the fallback")
def test_kurdish_letters_join_in_the_shipped_font():
    from matplotlib._text_helpers import layout
    from matplotlib.font_manager import get_font

    font = get_font(str(fonts.FONT_DIR / "NotoSansArabic-Regular.ttf"))
    for letter in "ڕڵێۆەی":
        assert font.get_char_index(ord(letter)), f"{letter} is not in the font"

    def glyphs(text):
        return [item.glyph_index for item in layout(text, font)]

    # ڵ and ێ have no presentation forms in Unicode: only real shaping joins them.
    for letter in "ڵێ":
        alone = glyphs(letter)[0]
        assert alone not in glyphs(f"س{letter}س"), f"{letter} stays in its isolated form between letters"


def test_the_fonts_are_shipped_with_their_licence_and_registered_ahead_of_the_machines(tmp_path):
    names = fonts.register()
    assert {"NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf", "NotoSans-Regular.ttf",
            "NotoSans-Bold.ttf"} <= set(names)
    assert "SIL Open Font License" in (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8")
    assert fonts.families("ar")[0] == fonts.ARABIC and fonts.families("en")[0] == fonts.LATIN
    # The shipped files, not a Noto Sans the machine may have in another version (fonts-noto-core).
    # A fresh process with a fresh font cache: matplotlib lists the machine's fonts as they are now.
    code = ("from matplotlib.font_manager import FontProperties, findfont; from hbm_assess.charts import fonts\n"
            "for family, weight in (('Noto Sans', 'normal'), ('Noto Sans', 'bold'), ('Noto Sans Arabic', 'normal'),"
            " ('Noto Sans Arabic', 'bold')):\n"
            "    print(findfont(FontProperties(family=family, weight=weight), fallback_to_default=False))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                           env={**os.environ, "MPLCONFIGDIR": str(tmp_path)}).stdout.split()
    assert found == [str(fonts.FONT_DIR / name) for name in ("NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                                             "NotoSansArabic-Regular.ttf", "NotoSansArabic-Bold.ttf")]


def test_chart_words_come_from_the_glossary_with_english_for_other_languages():
    assert word("scored_count", "ar", scored=3) == "3 مُقيَّم"
    assert word("level", "fr") == "Level"


def test_wrap_and_shorten_keep_words_whole():
    assert bidi_text.shorten("Administration and resources", 20) == "Administration and…"
    assert bidi_text.wrap("Administration and resources", 18) == "Administration and\nresources"
    assert bidi_text.wrap("one two three four five", 8, max_lines=2).split("\n")[1].endswith("…")


def test_level_colours_are_the_palette_ones(mini_form):
    fig = charts.phase_chart(Figure(), mini_form, NOW, "en")
    bars = [p for p in fig.axes[0].patches]
    from matplotlib.colors import to_hex

    # Mean levels 2.0, 3.0 and 1.0 (worked out above): Okabe-Ito yellow, yellow, vermillion.
    assert [to_hex(b.get_facecolor()).upper() for b in bars] == ["#F0E442", "#F0E442", "#D55E00"]


def test_a_mean_level_takes_the_colour_of_the_level_it_rounds_to():
    # JEE colours: 1 red, 2-3 yellow, 4-5 green; a mean rounds to the nearest level first.
    assert [level_hex(v) for v in (1.0, 1.49, 1.5, 3.49, 3.5, 5.0, None)] == [
        "#D55E00", "#D55E00", "#F0E442", "#F0E442", "#009E73", "#009E73", "#BBBBBB"]


def test_charts_never_load_pyplot():
    code = ("import sys; from matplotlib.figure import Figure; from hbm_assess import charts;"
            "from hbm_assess.core.questionnaire import load_form; from pathlib import Path;"
            "f = load_form(Path('tests/forms/mini.yaml')); charts.radar(Figure(), f, {}, 'ar');"
            "print('matplotlib.pyplot' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                            cwd=str(fonts.FONT_DIR.parent.parent))
    assert result.stdout.strip() == "False"


def test_area_without_scores_is_a_gap_in_the_radar_not_a_zero(mini_form):
    from hbm_assess.charts.radar import _values

    data = charts.radar_data(mini_form, _answers(Answer("REG-01", level=3)))
    values = _values(data.areas, "current")
    assert values[0] == 3.0 and math.isnan(values[1])


def test_each_phase_bar_says_how_many_indicators_stand_behind_it(mini_form):
    fig = charts.phase_chart(Figure(), mini_form, NOW, "en")
    labels = [label.get_text().split("\n")[-1] for label in fig.axes[0].get_xticklabels()]
    assert labels == ["1 of 1 indicators scored", "1 of 2 indicators scored", "1 of 1 indicators scored"]
    assert word("scored_of_indicators", "ar", scored=1, indicators=2) == (
        "المؤشرات المُقيَّمة: 1 من 2")


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_heatmap_lays_itself_out_once_with_each_text_inside_and_clear_of_the_cells(language):
    from matplotlib.layout_engine import ConstrainedLayoutEngine

    from hbm_assess.core.reference import crossing_points

    rows = [point.name.get(language) for point in crossing_points()]
    columns = ["Regulatory framework", "Operations", "Information management", "Administration and resources"]
    values = [[1 + (r * 7 + c * 3) % 40 / 10 if (r + c) % 9 else None for c in range(4)] for r in range(len(rows))]
    fig = charts.heatmap(Figure(figsize=(7.45, 1.8 + 0.24 * len(rows)), layout="constrained"), rows, columns, values,
                         None, language, title="Mean level by site and area")
    # Placed from the measured texts (#20): constrained layout measured every label in two more passes.
    assert not isinstance(fig.get_layout_engine(), ConstrainedLayoutEngine)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    ax = next(ax for ax in fig.axes if ax.images)
    cells, page = ax.get_window_extent(renderer), fig.bbox
    title = fig._suptitle.get_window_extent(renderer)
    legend = next(ax.get_legend() for ax in fig.axes if ax.get_legend()).get_window_extent(renderer)

    def inside(box) -> bool:
        return page.x0 <= box.x0 and box.x1 <= page.x1 + 0.5 and page.y0 <= box.y0 and box.y1 <= page.y1 + 0.5

    for label in ax.get_yticklabels():
        box = label.get_window_extent(renderer)
        assert inside(box), label.get_text()
        assert box.x0 >= cells.x1 if language != "en" else box.x1 <= cells.x0  # beside the cells, on the reading side
    for label in ax.get_xticklabels():
        box = label.get_window_extent(renderer)
        assert inside(box) and cells.y1 <= box.y0 and box.y1 <= title.y0, label.get_text()
    assert inside(title) and inside(legend) and legend.y1 <= cells.y0
    # Every cell's value written in the cell, as the data says; a cell without a mean left blank.
    written = {(round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts}
    expected = {(r, c): cell.text for r, row in enumerate(charts.heat_cells(values)) for c, cell in enumerate(row)
                if cell.value is not None}
    assert written == expected
