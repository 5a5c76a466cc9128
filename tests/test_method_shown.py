"""The target policy shown where the assessment is described: the workbook's Summary, list --json, a re-import."""

from __future__ import annotations

import json

import openpyxl
import pytest

from hbm_assess.cli import main
from hbm_assess.core.assessment import Assessment, Site
from hbm_assess.exchange.importing import import_paths
from hbm_assess.operations import change_method
from hbm_assess.storage.store import Store


def _rows(sheet) -> dict[str, tuple]:
    """The Summary's field rows: title → (label, code)."""
    return {row[0]: (row[1], row[2] if len(row) > 2 else None)
            for row in sheet.iter_rows(min_row=2, max_col=3, values_only=True) if row[0]}


@pytest.mark.parametrize(("language", "title", "label"), [
    ("en", "Target policy", "Demonstrated capacity (4) on emergency-phase indicators, developed (3) elsewhere"),
    ("ar", "سياسة الأهداف", "قدرة مُثبَتة (4) في مؤشرات مرحلة الطوارئ، ومطوَّرة (3) في غيرها"),
])
def test_the_summary_sheet_gives_the_policy_as_a_label_and_a_code(store, mini_form, tmp_path, language, title,
                                                                  label):
    from workbooks import export

    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ"),
                                              target_policy="reach-4-emergency"), mini_form)
    path = export(store, made, tmp_path / "rabia.xlsx", language)
    sheet = openpyxl.load_workbook(path).worksheets[0]
    rows = _rows(sheet)
    assert rows[title] == (label, "reach-4-emergency")
    scope = {"en": "Scope", "ar": "النطاق"}[language]
    assert rows[scope][1] == "crossing-point"
    assert sheet["C1"].value == {"en": "Code", "ar": "الرمز"}[language]


def test_a_policy_changed_after_creation_travels_in_the_workbook(store, mini_form, tmp_path):
    from workbooks import export

    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ")), mini_form)
    change_method(store, made, target_policy="reach-3", scope="governorate")
    path = export(store, made, tmp_path / "rabia.xlsx")
    hq = Store.open(tmp_path / "hq.sqlite")
    try:
        [result] = import_paths(hq, [path]).results
        assert result.outcome == "imported", result.message
        again = hq.assessment(result.assessment_id)
        assert (again.target_policy, again.scope) == ("reach-3", "governorate")
    finally:
        hq.close()


def test_list_json_says_each_assessments_target_policy(store, mini_form, tmp_path, capsys):
    for policy in ("next-level", "reach-4-emergency"):
        store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ"), date="2026-01-0"
                                           + ("1" if policy == "next-level" else "2"), target_policy=policy),
                                mini_form)
    assert main(["--db", str(tmp_path / "test.sqlite"), "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["target_policy"] for row in rows] == ["reach-4-emergency", "next-level"]
    assert {"id", "scope", "site", "form", "mean_level"} <= set(rows[0]), "added, nothing renamed"
