"""Cell text as Excel stores it: the 32,767-character limit, characters XML forbids, and escaping.

Spreadsheet files keep text in XML, which turns a carriage return into a line feed and
drops text that is only spaces. Office's own escape, ``_xHHHH_``, carries those
characters through; Excel, LibreOffice and python-calamine all decode it.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time

# The rule itself lives in core (the store enforces it too); the exchange re-exports it.
from hbm_assess.core.cell_text import EXCEL_CELL_LIMIT, check_text, excel_length, illegal_character, text_message

__all__ = ["EXCEL_CELL_LIMIT", "check_text", "excel_length", "illegal_character", "text_message"]

LONG_LINE = 16_000  # LibreOffice splits longer lines of multi-line cells when it saves

_ESCAPE_LIKE = re.compile(r"_(x[0-9A-Fa-f]{4}_)")


class CellTextError(ValueError):
    """Text that cannot go into a spreadsheet cell unchanged."""


def escape(text: str) -> str:
    """The text to write so that a reader decodes exactly ``text``."""
    # A literal "_x0041_" would be decoded as "A": escape its underscore first, as Excel does.
    escaped = _ESCAPE_LIKE.sub(r"_x005F_\1", text)
    escaped = escaped.replace("\r", "_x000D_")
    if escaped and not escaped.strip():
        # Text that is only whitespace would be dropped without xml:space, which openpyxl omits here.
        escaped = f"_x{ord(escaped[0]):04X}_" + escaped[1:]
    return escaped


def column_letter(index: int) -> str:
    """``A`` for column 0, ``AA`` for column 26."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_name(row: int, column: int) -> str:
    """The address of a 0-based (row, column), e.g. ``F12``."""
    return f"{column_letter(column)}{row + 1}"


def as_text(value: object) -> str:
    """A cell value as a person would read it: 2017.0 typed into a text column is "2017"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def same_text(visible: object, expected: str) -> bool:
    """Whether a cell still says ``expected``, ignoring what LibreOffice changes when it re-saves text.

    It writes every line ending as LF, and (7.x) breaks any line longer than about
    16,000 characters in a multi-line cell with an extra LF; neither is a person's edit.
    """
    shown = as_text(visible)
    if shown == expected:
        return True
    if _lines(shown) == _lines(expected):
        return True
    return len(expected) > LONG_LINE and _unbroken(shown) == _unbroken(expected)


def _unbroken(text: str) -> str:
    return text.replace("\r", "").replace("\n", "")


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def same_number(visible: object, expected: float | int | None) -> bool:
    """Whether a number cell still holds ``expected``, allowing for the 15 digits spreadsheets keep."""
    if expected is None:
        return as_text(visible).strip() == ""
    number = to_number(visible)
    return number is not None and math.isclose(number, expected, rel_tol=1e-12, abs_tol=1e-12)


def to_number(value: object) -> float | None:
    """A cell value as a number, or None when it is empty or not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value) if math.isfinite(value) else None
    text = as_text(value).strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None
