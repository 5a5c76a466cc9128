"""Exported workbooks print: A4 landscape, as wide as the page, headers repeated, rows as tall as their text."""

import subprocess

import openpyxl
import pytest
from tools import need_command
from workbooks import at, awkward_assessment, export

from hbm_assess.core.assessment import Answer
from hbm_assess.exchange.printing import LINE_POINTS, lines_needed


def test_lines_needed_counts_wrapped_lines_and_line_breaks():
    assert lines_needed("short", 20) == 1
    assert lines_needed("x" * 100, 21) == 5  # 24 characters a line
    assert lines_needed("one\ntwo\n" + "x" * 30, 21) == 4
    assert lines_needed("x" * 24, 21, bold=True) == 2  # bold text is wider


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_print_setup_is_saved_with_the_workbook(tmp_path, store, mini_form, language):
    assessment_id = awkward_assessment(store, mini_form)
    store.save_answer(assessment_id, Answer("REG-01", level=3, evidence_text="word " * 120))
    book = openpyxl.load_workbook(export(store, assessment_id, tmp_path / "a.xlsx", language))
    summary, answers, gaps, plan, contributions = book.worksheets[:5]
    for sheet in (summary, answers, gaps, plan, contributions):
        setup = sheet.page_setup
        assert (setup.paperSize, setup.orientation, setup.fitToHeight) == (9, "landscape", 0), sheet.title  # 9: A4
        assert sheet.sheet_properties.pageSetUpPr.fitToPage, sheet.title
    assert [s.page_setup.fitToWidth for s in (summary, answers, gaps, plan)] == [1, 2, 1, 1]
    assert (answers.print_title_rows, gaps.print_title_rows, summary.print_title_rows) == ("$1:$2", "$1:$2", "$1:$1")
    assert answers.print_area.startswith("'") and "$A$1:$Q$" in answers.print_area  # up to the phase names
    # REG-01's evidence: 600 characters in a column 45 wide take about 12 lines; the row grows to hold them
    row = int(at("evidence_text", 3)[1:])
    assert answers.row_dimensions[row].height >= 10 * LINE_POINTS
    assert answers.row_dimensions[2].height is None  # the hashtag row stays one line


def _without_print_setup(path, target):
    """The same workbook as it was written before the print setup: portrait, no fitting, no repeated rows."""
    book = openpyxl.load_workbook(path)
    for sheet in book.worksheets:
        sheet.page_setup.orientation, sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight = "portrait", 1, 1
        sheet.sheet_properties.pageSetUpPr.fitToPage = False
        sheet.print_area = None
        sheet.print_title_rows = None
    book.save(target)
    return target


def _pages(soffice, workbook, folder):
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(folder), str(workbook)],
                   capture_output=True, timeout=180, check=True)
    info = subprocess.run(["pdfinfo", str(folder / workbook.with_suffix(".pdf").name)], capture_output=True,
                          text=True, check=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


@pytest.mark.slow
def test_libreoffice_prints_the_demo_assessment_on_far_fewer_pages(tmp_path):
    # Without a print setup LibreOffice printed the demo's workbook one column a page (23 pages in the issue).
    soffice = need_command("soffice", "libreoffice-calc-nogui")
    need_command("pdfinfo", "poppler-utils")
    from hbm_assess.cli import main

    db = str(tmp_path / "demo.sqlite")
    assert main(["--db", db, "demo"]) == 0
    for language in ("en", "ar", "ckb"):
        workbook = tmp_path / f"demo-{language}.xlsx"
        assert main(["--db", db, "export", "1", "-o", str(workbook), "--lang", language]) == 0
        plain = _without_print_setup(workbook, tmp_path / f"plain-{language}.xlsx")
        printed, before = _pages(soffice, workbook, tmp_path), _pages(soffice, plain, tmp_path)
        assert printed <= 16 and printed * 4 <= before * 3, (language, printed, before)  # a quarter fewer at least
