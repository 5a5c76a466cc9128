"""Helpers for the Excel exchange tests: assessments with awkward text, exports, edits, database state."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from hbm_assess.core.assessment import Action, Answer, Assessment, Site
from hbm_assess.exchange.export import export_assessment
from hbm_assess.storage.exchange_records import snapshot
from hbm_assess.storage.store import Store

AWKWARD = {
    "REG-01": Answer("REG-01", level=3, target=5, evidence_type="law", evidence_reference="=HYPERLINK(\"x\")",
                     evidence_text="قانون 76 لسنة 2017\nArticle 12 — mass influx 😀", confidence="high",
                     notes="+964 750 000 0000", answered_by="Layla Hassan"),
    "REG-02": Answer("REG-02", special="na", notes="-not relevant at an airport", answered_by="@omar"),
    "OPS-01": Answer("OPS-01", level=1, evidence_type="sop", evidence_text="\tindented\r\nwindows line",
                     confidence="low", notes="#N/A"),
    "OPS-02": Answer("OPS-02", special="unknown", notes=" "),
}


def awkward_assessment(store: Store, form, language_site: str = "إبراهيم الخليل") -> int:
    """A mini-form assessment whose text tempts a spreadsheet to turn it into formulas, errors or nothing."""
    assessment = Assessment(
        form_id=form.id, form_version=form.version,
        site=Site(language_site, "IQ", "land", "IQG15", 37.1453, 42.5664, "ibrahim-khalil"),
        date="2026-11-20", assessors=("Layla Hassan", "Shilan Aziz"), institutions=("MoI", "BMD"),
        mode=form.mode, notes="=1+1 is not a formula\r\nsecond line",
    )
    actions = [
        Action("Draft the mass-influx SOP", indicators=("OPS-01",), responsible="MoI", partners=("IOM", "UNHCR"),
               priority="high", timeframe="3-months", cost=12500.5, currency="USD", resources="=two trainers",
               due_date="2027-03-01"),
        Action("مراجعة قانون الدخول", indicators=("REG-01", "REG-02"), responsible="BMD", status="in-progress"),
    ]
    return store.create_assessment(assessment, form, AWKWARD.values(), actions)


def at(key: str, row: int, columns=None) -> str:
    """The cell of a column (by its key in exchange.layout) in a row of the Answers sheet, or of ``columns``."""
    from hbm_assess.exchange.cells import column_letter
    from hbm_assess.exchange.layout import ANSWER_COLUMNS

    keys = [column.key for column in (columns or ANSWER_COLUMNS)]
    return f"{column_letter(keys.index(key))}{row}"


def export(store: Store, assessment_id: int, path: Path, language: str = "en") -> Path:
    return export_assessment(store, assessment_id, path, language)


def edit(path: Path, changes: dict[tuple[str, str], object], target: Path | None = None) -> Path:
    """Change cells with openpyxl, as a person would in a spreadsheet program, and save."""
    import openpyxl

    workbook = openpyxl.load_workbook(path)
    for (sheet, cell), value in changes.items():
        workbook[sheet][cell] = value
    target = target or path
    workbook.save(target)
    return target


def same_data(a: Store, a_id: int, b: Store, b_id: int) -> None:
    """Assert two stored assessments hold exactly the same data (database ids apart)."""
    left, right = snapshot(a, a_id), snapshot(b, b_id)
    assert _without_id(left.assessment) == _without_id(right.assessment)
    assert left.answers == right.answers
    assert [_without_id(x) for x in left.actions] == [_without_id(x) for x in right.actions]
    assert left.outputs == right.outputs


def _without_id(record):
    from dataclasses import replace

    return replace(record, id=None)


def database_state(path: Path) -> tuple[bytes, str]:
    """The database file's bytes after a checkpoint, and a dump of its contents."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        dump = "\n".join(conn.iterdump())
    finally:
        conn.close()
    return path.read_bytes(), dump


def _limited_memory() -> None:
    import resource

    # 3 GB of address space: far more than an import needs, far less than a dense read of XFD1048576.
    resource.setrlimit(resource.RLIMIT_AS, (3 * 1024**3, 3 * 1024**3))


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``hbm-assess ARGS`` in a child process with bounded memory, so a crash cannot take pytest down."""
    root = Path(__file__).parent.parent
    return subprocess.run(
        [sys.executable, "-m", "hbm_assess", *args], capture_output=True, text=True, timeout=timeout,
        preexec_fn=_limited_memory if os.name == "posix" else None, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
