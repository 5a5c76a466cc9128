"""No table row of the report is cut by a page's end, in any language (Qt cuts cells line by line)."""

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter, QTextTable

from hbm_assess.cli import main
from hbm_assess.storage.store import Store
from hbm_assess.ui import report


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(db), "demo"]) == 0  # 44 indicators with evidence: rows of one to five lines
    return db


def _rows_on_two_pages(document, page_height: float) -> list[str]:
    layout, cut = document.documentLayout(), []
    frames = [document.rootFrame()]
    while frames:
        frame = frames.pop()
        frames += frame.childFrames()
        if not isinstance(frame, QTextTable):
            continue
        for row in range(frame.rows()):
            pages, text = set(), []
            for column in range(frame.columns()):
                cell = frame.cellAt(row, column)
                block, end = cell.firstCursorPosition().block(), cell.lastCursorPosition().block()
                while block.isValid():
                    top, lines = layout.blockBoundingRect(block).top(), block.layout()
                    for index in range(lines.lineCount()):
                        line = lines.lineAt(index)
                        pages |= {int((top + line.y()) // page_height),
                                  int((top + line.y() + line.height() - 0.01) // page_height)}
                    text.append(block.text())
                    if block == end:
                        break
                    block = block.next()
            if len(pages) > 1:
                cut.append(" ".join(text)[:60])
    return cut


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_no_table_row_is_cut_by_a_page_end(qapp, demo, language):
    report.ensure_application()
    store = Store.open(demo)
    try:
        _data, _words, document = report.lay_out(store, 1, language)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        size = report.paginate(document, QPdfWriter(buffer))
        assert document.pageCount() >= 6
        assert _rows_on_two_pages(document, size.height()) == []
        text = document.toPlainText()
        for indicator in ("REG-01", "OPS-09", "INF-08", "ADM-08", "COO-08"):
            assert text.count(indicator) >= 1, "every row is still there after the tables were split"
    finally:
        store.close()
