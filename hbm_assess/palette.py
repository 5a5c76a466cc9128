"""The level colours used everywhere: app, charts, workbooks and reports.

JEE convention (1 red, 2-3 yellow, 4-5 green) in the Okabe-Ito colours, which
people with the common colour-vision deficiencies can still tell apart.
"""

from __future__ import annotations

RED = "#D55E00"      # Okabe-Ito vermillion
YELLOW = "#F0E442"   # Okabe-Ito yellow
GREEN = "#009E73"    # Okabe-Ito bluish green
GREY = "#BBBBBB"     # not scored: N/A, Unknown, unanswered
TARGET = "#0072B2"   # Okabe-Ito blue, for targets
AREA_COLOURS = ("#0072B2", "#E69F00", "#56B4E9", "#CC79A7", "#009E73", "#D55E00", "#F0E442", "#000000")


def level_hex(level: float | None) -> str:
    """The colour of a level, or of a mean level (rounded to the nearest level)."""
    if level is None:
        return GREY
    rounded = round(level)
    if rounded <= 1:
        return RED
    if rounded <= 3:
        return YELLOW
    return GREEN


def lighten(hex_colour: str, amount: float = 0.6) -> str:
    """Blend towards white, for backgrounds behind dark text."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    r, g, b = (round(c + (255 - c) * amount) for c in (r, g, b))
    return f"#{r:02X}{g:02X}{b:02X}"


def level_fill(level: float | None) -> str:
    """A light background colour for a cell showing this level."""
    return lighten(level_hex(level), 0.55)
