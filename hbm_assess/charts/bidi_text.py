"""Arabic and Kurdish text prepared for matplotlib: shaped, right to left, wrapped and shortened.

matplotlib 3.11 and later lays text out with libraqm (HarfBuzz and FriBidi), which
joins the letters and orders mixed Arabic/Latin runs itself; all it needs is the
paragraph direction, given by a right-to-left mark. Older versions draw code points
one by one from left to right, so there the text is reshaped into presentation
forms (arabic-reshaper) and put in visual order (python-bidi) beforehand.
"""

from __future__ import annotations

import textwrap
import unicodedata

from matplotlib import ft2font

from hbm_assess.core.text import is_right_to_left

NATIVE_SHAPING = hasattr(ft2font, "__libraqm_version__")
RLM = "\u200f"  # right-to-left mark: makes the paragraph right to left without showing anything
ELLIPSIS = "…"


def has_right_to_left(text: str) -> bool:
    """Whether any character is written right to left (Arabic, Hebrew and their extensions)."""
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def has_left_to_right(text: str) -> bool:
    """Whether any character is a letter written left to right (Latin, for instance)."""
    return any(unicodedata.bidirectional(ch) == "L" for ch in text)


def shape(text: str, right_to_left: bool = True) -> str:
    """Presentation forms in visual order, for renderers that neither join letters nor reorder them."""
    import arabic_reshaper
    from bidi.algorithm import get_display

    # Kurdish ڕ ڵ ێ ە have no presentation forms in Unicode; they stay in their
    # isolated form here, which is why native shaping is preferred when present.
    return get_display(arabic_reshaper.reshape(text), base_dir="R" if right_to_left else "L")


def display(text: str, language: str, native: bool = NATIVE_SHAPING) -> str:
    """``text`` as matplotlib must be given it to show it correctly in ``language``'s direction."""
    rtl = is_right_to_left(language)
    return "\n".join(_line(line, rtl, native) for line in str(text).split("\n"))


def _line(line: str, rtl: bool, native: bool) -> str:
    arabic = has_right_to_left(line)
    # Latin text without Arabic (an English fallback) stays left to right even on a
    # right-to-left chart, or its ellipsis and punctuation would jump sides; numbers
    # and arrows alone follow the chart's direction.
    if not arabic and (not rtl or has_left_to_right(line)):
        return line
    if native:
        return RLM + line if rtl else line
    return shape(line, rtl)


def wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """Break text into lines of about ``width`` characters, in logical order (before shaping)."""
    lines = textwrap.wrap(str(text), width=width, break_long_words=False, break_on_hyphens=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], shorten(" ".join(lines[max_lines - 1:]), width)]
    return "\n".join(lines)


def shorten(text: str, width: int) -> str:
    """At most ``width`` characters, cut at a word where possible, with an ellipsis."""
    text = " ".join(str(text).split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    if " " in cut[width // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–") + ELLIPSIS
