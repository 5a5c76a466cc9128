"""The report of a workshop: a disagreement reads "unsettled: Legal 1 / Operations 5", never "–"."""

from __future__ import annotations

import subprocess
import unicodedata

import pytest
from tools import need_command

from hbm_assess.core.assessment import Answer
from hbm_assess.core.workshop import Output, agreed_answer
from hbm_assess.storage import workshop, workshop_outputs
from hbm_assess.ui.report import write_report

BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def _text(pdf) -> str:
    """The PDF's words in one line each way they can wrap: cells break lines anywhere."""
    need_command("pdftotext", "poppler-utils")
    raw = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", raw).translate(BIDI_CONTROLS).split())


@pytest.fixture(autouse=True)
def application(qapp):
    """The report lays out text with QtGui: it needs the application the tests share."""
    return qapp


@pytest.fixture
def split_workshop(store, mini_assessment):
    for group, level, why in (("Legal", 1, "No law at all"), ("Operations", 5, "Used in 2014 influx")):
        store.save_answer(mini_assessment, Answer("REG-01", level=level, group=group, notes=why))
    workshop_outputs.add_output(store, mini_assessment, Output("challenge", "No SOP for mass arrivals", area="OPS",
                                                               indicators=("OPS-01",), group="Operations"))
    workshop_outputs.add_output(store, mini_assessment, Output("contribution", "Registration teams",
                                                               institution="MoMD"))
    return mini_assessment


def test_an_unsettled_disagreement_shows_both_levels_not_a_dash(store, split_workshop, tmp_path):
    text = _text(write_report(store, split_workshop, tmp_path / "report.pdf"))
    assert "unsettled: Legal 1 / Operations 5" in text
    assert "Workshop: where the groups differed" in text
    assert "Challenge: No SOP for mass arrivals (OPS-01) — Operations" in text
    assert "Institution's contribution: MoMD: Registration teams" in text


def test_after_settling_the_agreed_level_stands_with_the_groups_levels_and_the_note(store, split_workshop, tmp_path):
    [case] = workshop.merge_plan(store, split_workshop).cases
    workshop.settle(store, split_workshop, agreed_answer(case, 2, None, "Law drafted, not applied"))
    text = _text(write_report(store, split_workshop, tmp_path / "report.pdf"))
    assert "unsettled" not in text
    assert "groups: Legal 1 / Operations 5" in text and "2 · Limited capacity" in text
    assert "Agreed level: 2 · Limited capacity Note: Law drafted, not applied" in text


def test_the_arabic_report_says_unsettled_in_arabic(store, split_workshop, tmp_path):
    text = _text(write_report(store, split_workshop, tmp_path / "report.pdf", "ar"))
    assert "Legal 1 / Operations 5" in text
    assert "يحسم" in text.replace("\u064f", "")  # لم يُحسم, its damma dropped by some extractors
    assert "unsettled" not in text
