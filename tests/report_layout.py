"""Print, as JSON, how a report is laid out: its pages, and each line of text with its page and the fonts drawing it.

Run in a subprocess, so that each run sees the fonts its environment gives it (FONTCONFIG_FILE):

    python tests/report_layout.py DATABASE ASSESSMENT_ID LANGUAGE... [--family FAMILY]

``--family`` sets the report in another font family first, as a report depending on a
system font would; the test uses it to show that the comparison notices such a report.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QFontDatabase, QPdfWriter, QTextDocument

from hbm_assess.storage.store import Store
from hbm_assess.ui import report


def lines(document: QTextDocument, page_height: float) -> tuple[list[list], set[str]]:
    """Each laid-out line in document order as [page, top, text], and the font families its glyphs are drawn in."""
    found, families = [], set()
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        text_layout = block.layout()
        for number in range(text_layout.lineCount()):
            line = text_layout.lineAt(number)
            text = block.text()[line.textStart(): line.textStart() + line.textLength()]
            y = top + line.y()
            found.append([int(y // page_height), round(y), text])
            families.update(run.rawFont().familyName() for run in line.glyphRuns())
        block = block.next()
    return found, families


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("database", type=Path)
    parser.add_argument("assessment", type=int)
    parser.add_argument("languages", nargs="+")
    parser.add_argument("--family")
    args = parser.parse_args(argv)
    report.ensure_application()
    if args.family:
        for families in report.FONT_FAMILIES.values():
            families.insert(0, args.family)
    store = Store.open(args.database)
    result = {}
    for language in args.languages:
        _data, _words, document = report.lay_out(store, args.assessment, language)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        page = report.paginate(document, QPdfWriter(buffer))
        found, families = lines(document, page.height())
        result[language] = {"pages": document.pageCount(), "lines": found, "families": sorted(families)}
    store.close()
    result["installed"] = sorted(QFontDatabase.families())  # after the report registered the bundled fonts
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
