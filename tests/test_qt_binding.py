"""The Qt binding keeps Python's own objects intact, however long the app runs.

PySide6 6.12.0 returns None from every method that returns nothing without taking a
reference to it. On Python 3.11 (whose None is not immortal) each call takes one away;
after a few hundred reports, or a long day in the window, None's count reaches zero and
Python aborts with "none_dealloc: deallocating None". pyproject.toml keeps that version out.
"""

import sys

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QImage, QPainter, QTextCursor, QTextDocument


def _none_references_lost(call, times: int = 500) -> int:
    call()
    before = sys.getrefcount(None)
    for _ in range(times):
        call()
    return before - sys.getrefcount(None)


def test_methods_returning_nothing_leave_none_alone(qapp):
    image = QImage(20, 20, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    try:
        calls = {
            "QFont.setPointSizeF": lambda: QFont().setPointSizeF(8),
            "QPainter.save/restore": lambda: (painter.save(), painter.restore()),
            "QPainter.setClipRect": lambda: painter.setClipRect(QRectF(0, 0, 10, 10)),
            "QImage.setDotsPerMeterX": lambda: image.setDotsPerMeterX(3000),
        }
        lost = {name: _none_references_lost(call) for name, call in calls.items()}
    finally:
        painter.end()
    assert lost == dict.fromkeys(calls, 0)


def test_a_block_outside_a_table_has_no_table_and_none_is_kept(qapp):
    document = QTextDocument()
    document.setHtml("<p>outside</p><table><tr><td>inside</td></tr></table>")
    block = document.begin()
    assert QTextCursor(block).currentTable() is None
    assert _none_references_lost(lambda: QTextCursor(block).currentTable()) == 0
