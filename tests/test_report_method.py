"""The report as an assessment report: cover, method, strengths, findings from evidence, annex, draft mark."""

from __future__ import annotations

import subprocess
import unicodedata
from dataclasses import replace

import pytest
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter
from tools import need_command

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.questionnaire import form_from_data
from hbm_assess.ui import report, report_html
from hbm_assess.ui.report import ensure_application, lay_out, paginate, split_row, write_report

LONG = ("The shift supervisor showed the crisis SOP binder, version of March 2024, signed by the director; "
        "staff on duty could name the first three steps. ") * 12  # about 1,700 characters: taller than a cell
TAIL = "END-OF-EVIDENCE"


@pytest.fixture(autouse=True)
def application(qapp):
    assert ensure_application() is qapp
    return qapp


@pytest.fixture
def national_form(mini_form):
    data = mini_form.to_dict()
    data["id"] = "mini-national"
    data["areas"][0]["indicators"][0]["scope"] = "national"
    return form_from_data(data)


@pytest.fixture
def post(store, national_form):
    """Ibrahim Khalil, chosen from the list (governorate Duhok), policy reach-3, with long evidence."""
    site = Site("Ibrahim Khalil", "IQ", "land", "IQG09", reference_id="ibrahim-khalil")
    answers = [Answer("REG-01", level=2, evidence_type="law", evidence_text="Law 76 of 2017, article 4."),
               Answer("REG-02", level=4, evidence_type="exercise-report", evidence_text=LONG + TAIL,
                      notes="Budget line seen in the 2024 allocation."),
               Answer("OPS-01", level=1, target=4, evidence_text=LONG),
               Answer("OPS-02", level=3, evidence_text=LONG, notes=LONG)]
    return store.create_assessment(Assessment(national_form.id, national_form.version, site, date="2026-11-20",
                                              assessors=("Layla Hassan",), institutions=("MoI", "BMD"),
                                              mode=national_form.mode, target_policy="reach-3"),
                                   national_form, answers)


def _document_text(store, assessment_id, language="en") -> str:
    _data, _words, document = lay_out(store, assessment_id, language)
    return document.toPlainText().replace("\u200e", "")  # one table cell a line


def test_cover_and_method_say_what_was_assessed_and_how(store, post):
    text = _document_text(store, post)
    for expected in ("Scope\nCrossing point", "Governorate\nDuhok", "Country\nIraq (IQ)",
                     "Target policy\nDeveloped capacity (3) everywhere", "How the assessment was done",
                     "1\nNo capacity\nNot in place.", "3\nDeveloped capacity\nDocumented and in place",
                     "5\nSustainable capacity\nReviewed after each use",
                     "a level counts only when every element of it is met; otherwise score the level below",
                     "Target policy: Developed capacity (3) everywhere. A target typed for one indicator replaces it "
                     "(1 indicators here)", "no national assessment of this country was found"):
        assert expected in text, expected


def test_the_summary_names_strengths_as_well_as_gaps(store, post):
    text = _document_text(store, post)
    strengths = text[text.index("Strengths"):text.index("The five largest gaps")]
    assert "REG-02" in strengths and "4 · Demonstrated capacity" in strengths
    assert "OPS-01" not in strengths


def test_findings_come_from_the_evidence_and_notes_and_the_annex_has_them_whole(store, post):
    text = _document_text(store, post)
    findings = text[text.index("Findings by area"):text.index("Plan of action")]
    assert "REG-01 (2 · Limited capacity): Law 76 of 2017, article 4." in findings
    assert "Note: Budget line seen in the 2024 allocation." in findings
    assert TAIL not in findings, "shortened in the findings and the tables"
    assert "…" in findings
    annex = text[text.index("Annex: the answers in full"):]
    assert TAIL in annex and "Budget line seen in the 2024 allocation." in annex
    # reach-3: OPS-02 at 3 has no gap; OPS-01's typed 4 stands; REG-01 2 → 3.
    assert "2 · Limited capacity — Target 3" in annex and "1 · No capacity — Target 4" in annex


def test_a_national_indicator_is_shown_from_the_national_assessment(store, post, national_form):
    store.create_assessment(Assessment(national_form.id, national_form.version, Site("Iraq national workshop", "IQ"),
                                       date="2026-10-01", mode=national_form.mode, scope="national"),
                            national_form, [Answer("REG-01", level=3)])
    text = _document_text(store, post)
    assert "the tables show them from the national assessment of 2026-10-01" in text
    row = text[text.index("REG-01 N"):text.index("REG-02", text.index("REG-01 N"))]  # the table row, cell by cell
    assert "national — from the national assessment of 2026-10-01" in row
    assert "3 · Developed capacity" in row and "2 · Limited capacity" not in row, "the national level, not the post's"
    # The area mean reads it too: REG-01 3 (national) and REG-02 4 give 3.5; the post's own 2 would give 3.0.
    assert "Regulatory framework — mean level 3.5" in text
    annex = text[text.index("Annex: the answers in full"):]
    assert "national — from the national assessment of 2026-10-01" in annex


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_no_table_row_is_split_across_two_pages(store, post, language):
    """Before: Qt broke long rows line by line, the annex and findings rows ran over the page end."""
    data, words, _document = lay_out(store, post, language)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    unfixed = report.build_document(data, words, {})
    page = paginate(unfixed, QPdfWriter(buffer))
    assert split_row(unfixed, page.height()) is not None, "the example must give Qt a row to split"
    _data, _words, document = lay_out(store, post, language)
    page = paginate(document, QPdfWriter(buffer))
    assert split_row(document, page.height()) is None
    report_html.start_tables()


@pytest.fixture
def poppler():
    for command in ("pdftotext", "pdfinfo"):
        need_command(command, "poppler-utils")


def _pages(pdf) -> list[str]:
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [unicodedata.normalize("NFKC", page) for page in raw.split("\f") if page.strip()]


@pytest.mark.usefixtures("poppler")
def test_every_page_of_a_draft_says_provisional_and_a_final_does_not(store, post, tmp_path):
    pages = _pages(write_report(store, post, tmp_path / "draft.pdf"))
    assert len(pages) > 3
    assert all("Provisional — draft: the scores may still change" in page for page in pages)
    store.update_assessment(replace(store.assessment(post)))
    store.mark_final(post)
    assert not any("Provisional" in page for page in _pages(write_report(store, post, tmp_path / "final.pdf")))
