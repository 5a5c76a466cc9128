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


def _one_at_a_time(document, data, words) -> frozenset:
    """The breaks found the slow, obvious way: lay out, break before the first split row, lay out again."""
    from hbm_assess.ui import report_html

    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    page = report.paginate(document, QPdfWriter(buffer))
    breaks, kept = set(), set()
    while (found := report.split_row(document, page.height(), kept)) is not None:
        if found in breaks:
            kept.add(found)
            continue
        breaks.add(found)
        report_html.start_tables(frozenset(breaks))
        document.setHtml(report_html.html(data, words, words.language != "en"))
    report_html.start_tables()
    return frozenset(breaks)


def test_rows_are_kept_whole_with_the_same_breaks_in_far_fewer_pages_laid_out(qapp, demo, monkeypatch):
    """Before: the whole report laid out again for each break (nine times here), the report twice as slow."""
    from hbm_assess.ui import report_html

    report.ensure_application()
    store = Store.open(demo)
    try:
        data = report.read(store, 1)
    finally:
        store.close()
    words = report.Words("ar")
    expected = _one_at_a_time(report.build_document(data, words, {}), data, words)
    pages, chosen, start = [], [], report_html.start_tables
    for name in ("split_row", "split_rows"):  # whichever the layout loop asks, the pages it looks at are counted
        if hasattr(report, name):
            original = getattr(report, name)
            monkeypatch.setattr(report, name, lambda document, *args, original=original:
                                pages.append(document.pageCount()) or original(document, *args))
    monkeypatch.setattr(report_html, "start_tables",
                        lambda breaks=frozenset(): (chosen.append(breaks) if breaks else None, start(breaks))[1])
    document = report.build_document(data, words, {})
    report.keep_rows_whole(document, data, words)
    assert len(expected) >= 4, "the example must need several breaks"
    assert chosen[-1] == expected
    assert sum(pages) < 3 * document.pageCount(), pages  # one-at-a-time: nine times its pages
