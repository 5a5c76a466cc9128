"""Table rows kept whole on the report's pages.

Qt lays a table cell out line by line and moves a line that crosses the bottom of a page onto
the next one, cell by cell; it never moves a row as a whole. Whether a row is cut depends on
where each cell's lines fall, so it changes with the font: Noto Sans Arabic's lines are half as
tall again as Noto Sans's, and Arabic and Kurdish rows were cut where most English ones fitted.
A page break inside a cell does not help (Qt repeats the header row on the new page and then
breaks again, leaving a blank page). So a table is split before the row that would be cut: the
rest of its rows go into a new table that starts on the next page, under the same header.
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat, QTextTable

MAX_SPLITS = 200  # a report has far fewer pages than this


def keep_rows_whole(document: QTextDocument, page_height: float) -> int:
    """Split tables so that no row is cut by a page's end; returns how many splits were made."""
    for splits in range(MAX_SPLITS):
        cut = first_cut_row(document, page_height)
        if cut is None:
            return splits
        split_before(*cut)
    return MAX_SPLITS


def first_cut_row(document: QTextDocument, page_height: float) -> tuple[QTextTable, int] | None:
    """The first table row after the header whose lines lie on two pages (one taller than a page is left)."""
    layout = document.documentLayout()
    for table in _tables(document.rootFrame()):
        header = table.format().headerRowCount()
        for number in range(header, table.rows()):
            tops, bottoms = [], []
            for column in range(table.columns()):
                cell = table.cellAt(number, column)
                block, end = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
                while block.isValid():
                    top = layout.blockBoundingRect(block).top()
                    lines = block.layout()
                    for index in range(lines.lineCount()):
                        line = lines.lineAt(index)
                        tops.append(top + line.y())
                        bottoms.append(top + line.y() + line.height())
                    if block == end:
                        break
                    block = block.next()
            if not tops:
                continue
            first, last = int(min(tops) // page_height), int((max(bottoms) - 0.01) // page_height)
            if first != last and max(bottoms) - min(tops) < page_height * 0.9 and number > header:
                return table, number
    return None


def split_before(table: QTextTable, row: int) -> QTextTable:
    """Move rows ``row``… of ``table`` into a new table, with the same header, starting on a new page."""
    header = table.format().headerRowCount()
    moved = [*range(header), *range(row, table.rows())]
    cursor = QTextCursor(table.document())
    cursor.setPosition(table.lastPosition() + 1)  # the empty block Qt keeps after every table
    table_format = table.format()
    table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    new = cursor.insertTable(len(moved), table.columns(), table_format)
    for new_row, old_row in enumerate(moved):
        for column in range(table.columns()):
            old_cell = table.cellAt(old_row, column)
            if old_cell.row() != old_row or old_cell.column() != column:
                continue  # the other part of a merged cell
            span = old_cell.columnSpan()
            if span > 1:
                new.mergeCells(new_row, column, 1, span)
            new_cell = new.cellAt(new_row, column)
            new_cell.setFormat(old_cell.format())
            source = old_cell.firstCursorPosition()
            source.setPosition(old_cell.lastCursorPosition().position(), QTextCursor.MoveMode.KeepAnchor)
            target = new_cell.firstCursorPosition()
            target.insertFragment(source.selection())
    table.removeRows(row, table.rows() - row)
    return new


def _tables(frame):
    for child in frame.childFrames():
        if isinstance(child, QTextTable):
            yield child
        yield from _tables(child)
