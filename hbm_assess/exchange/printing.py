"""Workbooks that print: page setup, repeated header rows, and rows as tall as their wrapped text.

openpyxl does not measure text, and Excel and LibreOffice do not grow a row that a file
gives no height; so the height of each row is worked out here from the length of its
wrapped text and the width of its column. Widths are in characters of the default font.
"""

from __future__ import annotations

import math

from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

LINE_POINTS = 15.0  # one line of 11 pt Calibri, as Excel spaces it
MAX_ROW_POINTS = 409.0  # Excel's tallest row
CHARACTERS_PER_WIDTH = 1.2  # a column of width w holds about this many characters a unit (Calibri, Latin or Arabic)
BOLD = 1.12  # bold headers are wider


def lines_needed(text: str, width: float, bold: bool = False) -> int:
    """How many lines ``text`` takes when wrapped in a column ``width`` characters wide."""
    per_line = max(1.0, (width - 1) * CHARACTERS_PER_WIDTH / (BOLD if bold else 1.0))
    return sum(max(1, math.ceil(len(paragraph) / per_line)) for paragraph in text.split("\n"))


def fit_rows(sheet: Worksheet) -> None:
    """Give every row with wrapped text the height its longest cell needs."""
    widths: dict[str, float] = {}
    for row in sheet.iter_rows():
        needed = 1
        for cell in row:
            if not cell.alignment.wrap_text or not isinstance(cell.value, str) or not cell.value:
                continue
            letter = cell.column_letter
            if letter not in widths:
                widths[letter] = sheet.column_dimensions[letter].width or 8.43
            needed = max(needed, lines_needed(cell.value, widths[letter], bool(cell.font and cell.font.b)))
        if needed > 1:
            sheet.row_dimensions[row[0].row].height = min(MAX_ROW_POINTS, needed * LINE_POINTS + 2)


def print_setup(sheet: Worksheet, title_rows: str | None, landscape: bool = True, pages_wide: int = 1,
                last_column: str | None = None) -> None:
    """A4, ``pages_wide`` pages across, headers repeated on every page, as many pages down as the rows need.

    ``last_column`` ends what is printed: columns after it repeat on every row what the Summary says.
    """
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.fitToWidth = pages_wide
    sheet.page_setup.fitToHeight = 0  # as many pages down as the rows need
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5
    sheet.print_options.horizontalCentered = True
    if title_rows:
        sheet.print_title_rows = title_rows
    if last_column:
        sheet.print_area = f"A1:{last_column}{max(sheet.max_row, 2)}"
    sheet.oddFooter.center.text = "&P / &N"
