"""The questionnaire as an XLSForm: its sheets, checked by pyxform (and ODK Validate when Java is here)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pyxform.xls2xform import convert
from tools import need_command

from hbm_assess.cli import main
from hbm_assess.core.questionnaire import form_from_data, installed_forms
from hbm_assess.core.reference import crossing_points
from hbm_assess.exchange.xlsform import build_xlsform, write_xlsform

SHIPPED = sorted(installed_forms())
LANGUAGE_COLUMNS = ("label::English (en)", "label::Arabic (ar)", "label::Kurdish Sorani (ckb)")


def second_version(form, version="2.0"):
    """The form as a later version would be: one indicator fewer, one new one, texts changed."""
    data = form.to_dict()
    data["version"] = version
    area = data["areas"][0]
    dropped = area["indicators"].pop()
    new = dict(dropped, id=f"{area['id']}-N9")
    new["label"] = {lang: text + " (v2)" for lang, text in dropped["label"].items()}
    area["indicators"].append(new)
    return form_from_data(data, f"{form.id} {version} (test)")


def shipped_and_second_versions():
    forms = installed_forms()
    return [forms[key] for key in SHIPPED] + [second_version(forms[key]) for key in SHIPPED]


def read_sheets(path):
    workbook = load_workbook(path, read_only=True)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
        sheets[sheet.title] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    workbook.close()
    return sheets


@pytest.fixture(scope="module")
def detailed_sheets(tmp_path_factory):
    form = installed_forms()[("hbm-detailed", "1.0")]
    path = write_xlsform(form, tmp_path_factory.mktemp("xlsform") / "detailed.xlsx")
    return form, read_sheets(path)


def test_sheets_and_language_columns_are_those_kobo_and_odk_expect(detailed_sheets):
    _, sheets = detailed_sheets
    assert list(sheets) == ["survey", "choices", "settings"]
    survey_columns = set(sheets["survey"][0])
    assert set(LANGUAGE_COLUMNS) <= survey_columns
    assert set(LANGUAGE_COLUMNS) <= set(sheets["choices"][0])
    # Kobo rejects a bare translatable column beside translated labels; "ku" would be Kurmanji.
    translatable = {"label", "hint", "constraint_message", "required_message", "guidance_hint", "image"}
    assert not survey_columns & translatable
    assert not any("(ku)" in column for column in survey_columns)
    for column in survey_columns:
        if "::" in column:
            name = column.split("::", 1)[1]
            assert name.count("(") == 1 and name.endswith(")"), column


def test_settings_name_the_form_version_default_language_and_pages(detailed_sheets):
    _form, sheets = detailed_sheets
    (settings,) = sheets["settings"]
    assert settings["form_id"] == "hbm-detailed"
    assert settings["version"] == "1.0"
    assert settings["default_language"] == "English (en)"
    assert settings["style"] == "pages"
    (calculate,) = [row for row in sheets["survey"] if row["type"] == "calculate"]
    assert calculate["calculation"] == "'hbm-detailed@1.0'"


def test_one_page_per_indicator_with_level_target_evidence_and_notes(detailed_sheets):
    form, sheets = detailed_sheets
    survey = sheets["survey"]
    groups = [row for row in survey if row["type"] == "begin_group"]
    assert len(groups) == form.indicator_count + 1  # and the assessment's own page
    assert all(row["appearance"] == "field-list" for row in groups)
    ops03 = [row for row in survey if row["name"].startswith("ops_03_")]
    assert [row["name"] for row in ops03] == [
        "ops_03_level", "ops_03_target", "ops_03_evidence_type", "ops_03_evidence", "ops_03_notes"]
    level, target = ops03[0], ops03[1]
    assert level["type"] == "select_one ops_03_levels"
    assert level["hint::Arabic (ar)"] == form.indicator("OPS-03").guidance.get("ar")
    assert target["relevant"] == "${ops_03_level} != '' and ${ops_03_level} != 'na' and ${ops_03_level} != 'unknown'"
    assert target["constraint"] == ". >= ${ops_03_level}"
    assert target["constraint_message::Kurdish Sorani (ckb)"]


def test_level_choices_are_the_indicators_own_descriptors_then_na_and_unknown(detailed_sheets):
    form, sheets = detailed_sheets
    choices = [row for row in sheets["choices"] if row["list_name"] == "ops_03_levels"]
    assert [row["name"] for row in choices] == ["1", "2", "3", "4", "5", "na", "unknown"]
    descriptor = form.indicator("OPS-03").levels[4].get("ar")
    assert choices[3]["label::Arabic (ar)"].endswith(descriptor)
    assert choices[5]["label::English (en)"] == "Not applicable"
    assert choices[6]["label::Arabic (ar)"] == "غير معروف"


def test_sites_come_from_the_crossing_point_list(detailed_sheets):
    _, sheets = detailed_sheets
    sites = [row for row in sheets["choices"] if row["list_name"] == "crossing_points"]
    assert len(sites) == len(crossing_points()) + 1
    assert {"name": "ibrahim_khalil", "label::Arabic (ar)": "إبراهيم الخليل"}.items() <= sites[0].items()
    identity = [row["name"] for row in sheets["survey"][:7]]
    assert identity == ["assessment", "site", "site_other", "assessment_date", "assessors", "institutions", ""]


def test_field_names_are_unique_and_stable_across_versions():
    for first in (installed_forms()[key] for key in SHIPPED):
        second = second_version(first)
        names = {}
        for form in (first, second):
            rows = build_xlsform(form).survey
            named = [row["name"] for row in rows if row["name"]]
            assert len(named) == len(set(named)), f"{form.id} {form.version}: duplicate field names"
            names[form.version] = {row["name"]: row["type"] for row in rows if row["name"]}
        kept = {ind.id for ind in first.indicators()} & {ind.id for ind in second.indicators()}
        assert kept
        for indicator_id in kept:
            stem = indicator_id.lower().replace("-", "_")
            for part in ("level", "target", "evidence_type", "evidence", "notes"):
                name = f"{stem}_{part}"
                assert names[first.version][name] == names[second.version][name]


@pytest.mark.parametrize("form", shipped_and_second_versions(), ids=lambda f: f"{f.id}-{f.version}")
def test_pyxform_converts_it_without_errors_or_warnings(form, tmp_path):
    path = write_xlsform(form, tmp_path / f"{form.id}.xlsx")
    warnings: list[str] = []
    result = convert(str(path), warnings=warnings)
    assert warnings == []
    assert f'version="{form.version}"' in result.xform
    assert "Kurdish Sorani (ckb)" in result.xform
    assert "<ops_03_level" in result.xform or "<ops_r1_level" in result.xform


@pytest.mark.slow
@pytest.mark.parametrize("form_key", SHIPPED, ids=lambda key: key[0])
def test_odk_validate_accepts_it(form_key, tmp_path):
    need_command("java", "default-jre-headless")
    path = write_xlsform(installed_forms()[form_key], tmp_path / "form.xlsx")
    warnings: list[str] = []
    convert(str(path), warnings=warnings, validate=True)  # raises ODKValidateError on a broken form
    assert warnings == []


def test_cli_writes_the_xlsform_of_the_newest_version(tmp_path, capsys):
    target = tmp_path / "rapid.xlsx"
    assert main(["form", "xlsform", "hbm-rapid", "-o", str(target)]) == 0
    assert "hbm-rapid 1.1" in capsys.readouterr().out
    assert read_sheets(target)["settings"][0]["form_id"] == "hbm-rapid"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["rapid.xlsx"]  # no temporary file left


def test_cli_names_an_unknown_version_in_one_line(tmp_path, capsys):
    assert main(["form", "xlsform", "hbm-rapid", "--version", "9.9", "-o", str(tmp_path / "x.xlsx")]) == 2
    error = capsys.readouterr().err.strip()
    assert "\n" not in error and "hbm-rapid 9.9" in error and "installed: hbm-detailed 1.0" in error
    assert not (tmp_path / "x.xlsx").exists()


def test_xlsform_of_a_form_without_kurdish_has_no_kurdish_column(mini_form):
    assert mini_form.languages == ("en", "ar")
    columns = build_xlsform(mini_form).columns("survey")
    assert "label::Arabic (ar)" in columns
    assert not any("ckb" in column for column in columns)
