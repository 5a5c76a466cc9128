"""Data columns carry codes: the same cell values whatever the language of the workbook; HXL tags as HXL means them."""

import re
import shutil
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook
from workbooks import awkward_assessment, edit, export

from hbm_assess.core.text import LANGUAGES
from hbm_assess.exchange.importing import import_paths
from hbm_assess.exchange.layout import ANSWER_COLUMNS, GAP_COLUMNS, PLAN_COLUMNS, SUMMARY_ROWS
from hbm_assess.storage.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SHEETS = {1: ANSWER_COLUMNS, 2: GAP_COLUMNS, 3: PLAN_COLUMNS}  # position in the workbook: Answers, Gaps, Plan
STATUS_CODES = {"scored", "na", "unknown", "unanswered"}
# HXL 1.1 core hashtags (hxlstandard.org/standard/1-1final/dictionary); anything else must be an #x_ extension.
HXL_CORE = {"access", "activity", "adm1", "adm2", "adm3", "adm4", "adm5", "affected", "beneficiary", "capacity",
            "cause", "channel", "contact", "country", "crisis", "currency", "date", "description", "event",
            "frequency", "geo", "group", "impact", "indicator", "inneed", "item", "loc", "meta", "modality", "need",
            "operations", "org", "output", "population", "reached", "region", "respondee", "sector", "service",
            "severity", "status", "subsector", "targeted", "value"}
TAG = re.compile(r"^#([a-z][a-z0-9_]*)((?:\+[a-z][a-z0-9_]*)*)$")


def _sheets(path: Path) -> dict[int, list[list]]:
    book = CalamineWorkbook.from_path(str(path))
    return {index: book.get_sheet_by_name(book.sheet_names[index]).to_python(skip_empty_area=False)
            for index in SHEETS}


def _is_label(tag: str) -> bool:
    """A column of words in the workbook's language: names, never compared across languages."""
    return "+name" in tag or tag in ("#description+notes",)


@pytest.fixture
def three_languages(tmp_path, store, mini_form):
    assessment_id = awkward_assessment(store, mini_form)
    return {language: _sheets(export(store, assessment_id, tmp_path / f"{language}.xlsx", language))
            for language in LANGUAGES}


def test_every_data_column_is_the_same_in_english_arabic_and_kurdish(three_languages):
    english = three_languages["en"]
    compared = 0
    for index, columns in SHEETS.items():
        tags = english[index][1]
        assert tags == [column.hxl for column in columns]
        for language in ("ar", "ckb"):
            other = three_languages[language][index]
            assert other[1] == tags, "the hashtag row is the same in every language"
            assert len(other) == len(english[index])
            for row_number, (en_row, other_row) in enumerate(zip(english[index][2:], other[2:], strict=True), 3):
                for tag, en_cell, other_cell in zip(tags, en_row, other_row, strict=True):
                    if not _is_label(tag) and tag != "#indicator+name":
                        assert other_cell == en_cell, f"{language} sheet {index} row {row_number} {tag}"
                        compared += 1
    assert compared > 100


def test_the_level_is_a_number_and_the_status_a_code(three_languages):
    answers = three_languages["ar"][1]
    tags = answers[1]
    level, status = tags.index("#indicator+level+num"), tags.index("#x_answer+status+code")
    rows = {row[1]: row for row in answers[2:]}
    # awkward_assessment: REG-01 level 3, REG-02 not applicable, OPS-01 level 1, OPS-02 unknown
    assert [(rows[i][level], rows[i][status]) for i in ("REG-01", "REG-02", "OPS-01", "OPS-02")] == [
        (3, "scored"), ("", "na"), (1, "scored"), ("", "unknown")]
    assert {row[status] for row in answers[2:]} <= STATUS_CODES
    assert all(row[level] == "" or isinstance(row[level], (int, float)) for row in answers[2:])
    evidence, confidence = tags.index("#x_evidence+type+code"), tags.index("#x_confidence+code")
    assert (rows["OPS-01"][evidence], rows["OPS-01"][confidence]) == ("sop", "low")
    plan = three_languages["ckb"][3]
    codes = [(row[plan[1].index("#x_priority+code")], row[plan[1].index("#x_timeframe+code")],
              row[plan[1].index("#status+code")]) for row in plan[2:]]
    assert codes == [("high", "3-months", "planned"), ("medium", "12-months", "in-progress")]
    names = [row[plan[1].index("#x_timeframe+name")] for row in plan[2:]]
    assert names == ["لە ماوەی 3 مانگدا", "لە ماوەی 12 مانگدا"], "Western digits in Sorani"


def test_every_hashtag_follows_the_hxl_grammar_and_never_calls_an_area_a_sector(three_languages):
    tags = [tag for columns in SHEETS.values() for tag in (c.hxl for c in columns)]
    for tag in tags:
        found = TAG.match(tag)
        assert found, tag
        assert found[1] in HXL_CORE or found[1].startswith("x_"), f"{tag}: not an HXL 1.1 hashtag nor #x_"
        assert found[1] != "sector", f"{tag}: #sector is HXL's humanitarian cluster, not an assessment area"
    assert "#indicator+level+num" in tags and "#indicator+target+num" in tags and "#loc+code" in tags


def test_libhxl_reads_every_sheet_and_its_core_schema_finds_no_error(tmp_path, store, mini_form):
    import hxl  # in the test extra, so never skipped

    path = export(store, awkward_assessment(store, mini_form), tmp_path / "ar.xlsx", "ar")
    for rows in _sheets(path).values():
        source = hxl.data(rows)
        assert [column.get_display_tag() for column in source.columns] == rows[1], "libhxl finds every hashtag"
        errors = []
        hxl.schema(callback=errors.append).validate(hxl.data(rows))
        serious = [f"{e.rule.tag_pattern} {e.value!r}: {e.message}" for e in errors if e.rule.severity == "error"]
        assert serious == []


def test_the_old_mixed_level_column_is_what_libhxl_refuses():
    # The finding of the issue, as libhxl sees it: a #indicator+num column holding "Unknown".
    import hxl

    rows = [["Level"], ["#indicator+level+num"], [3], ["Unknown"]]
    errors = []
    hxl.schema(callback=errors.append).validate(hxl.data(rows))
    assert any(e.rule.severity == "error" and e.value == "Unknown" for e in errors)


@pytest.mark.parametrize("language", ["en", "ckb"])
def test_a_workbook_written_before_the_code_columns_still_imports(tmp_path, store, mini_form, language):
    # Written by the release before this change: N/A and Unknown in the level column, #x_ tags,
    # and in Sorani the timeframe "لە ماوەی ٣ مانگدا" with an Eastern Arabic digit.
    old = shutil.copy(FIXTURES / f"workbook-2026-{language}.xlsx", tmp_path / "old.xlsx")
    hq = Store.open(tmp_path / "hq.sqlite")
    try:
        result = import_paths(hq, [Path(old)]).results[0]
        assert (result.outcome, result.edited_outside, list(result.changes)) == ("imported", False, [])
        answers = hq.answers(result.assessment_id)
        assert (answers["REG-02"].special, answers["OPS-02"].special, answers["REG-01"].level) == ("na", "unknown", 3)
        assert [(a.timeframe, a.status) for a in hq.actions(result.assessment_id)] == [
            ("3-months", "planned"), ("12-months", "in-progress")]
        edited = edit(Path(old), {(_answers_sheet(Path(old)), "D4"): "Unknown"}, tmp_path / "edited.xlsx")
        again = import_paths(hq, [edited]).results[0]
        assert again.outcome == "updated" and hq.answers(result.assessment_id)["REG-02"].special == "unknown"
    finally:
        hq.close()


def _answers_sheet(path: Path) -> str:
    return CalamineWorkbook.from_path(str(path)).sheet_names[1]


def test_n_a_is_set_by_the_status_column_with_an_empty_level(tmp_path, post_and_hq):
    store, post_id, hq = post_and_hq
    path = export(store, post_id, tmp_path / "a.xlsx")
    columns = [c.key for c in ANSWER_COLUMNS]
    level = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[columns.index("level")]
    status = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[columns.index("answer_status")]
    edit(path, {("Answers", f"{level}3"): None, ("Answers", f"{status}3"): "na"})
    result = import_paths(hq, [path]).results[0]
    assert result.outcome == "imported" and [c.cell for c in result.changes] == [f"{level}3"]
    assert (hq.answers(result.assessment_id)["REG-01"].level, hq.answers(result.assessment_id)["REG-01"].special) == (
        None, "na")


def test_a_level_with_a_status_of_n_a_is_refused_with_the_cell_named(tmp_path, post_and_hq):
    store, post_id, hq = post_and_hq
    path = export(store, post_id, tmp_path / "a.xlsx")
    columns = [c.key for c in ANSWER_COLUMNS]
    status = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[columns.index("answer_status")]
    edit(path, {("Answers", f"{status}3"): "na"})
    result = import_paths(hq, [path]).results[0]
    assert result.outcome == "rejected"
    assert "Answers!D3: the level is 3 but the status says “na”" in result.message


@pytest.fixture
def post_and_hq(tmp_path, store, mini_form):
    hq = Store.open(tmp_path / "hq.sqlite")
    yield store, awkward_assessment(store, mini_form), hq
    hq.close()


@pytest.mark.parametrize(("language", "site", "ministry"), [
    ("en", "Ibrahim Khalil", "Ministry of Interior (MoI)"),
    ("ar", "إبراهيم الخليل", "وزارة الداخلية (MoI)"),
    ("ckb", "ئیبراهیم خەلیل", "وەزارەتی ناوخۆ (MoI)"),
])
def test_sites_and_institutions_are_named_in_the_workbooks_language_with_the_code_beside(
        tmp_path, store, mini_form, language, site, ministry):
    from hbm_assess.core.assessment import Action, Assessment, Site

    assessment = Assessment(form_id=mini_form.id, form_version=mini_form.version,
                            site=Site("Ibrahim Khalil", "IQ", "land", reference_id="ibrahim-khalil"),
                            date="2026-11-20", institutions=("MoI", "BMD"), mode=mini_form.mode)
    assessment_id = store.create_assessment(assessment, mini_form, [],
                                            [Action("Draft the SOP", ("OPS-01",), "MoI", partners=("IOM",))])
    path = export(store, assessment_id, tmp_path / f"{language}.xlsx", language)
    book = CalamineWorkbook.from_path(str(path))
    cells = {str(cell) for name in book.sheet_names[:-1] for row in book.get_sheet_by_name(name).to_python()
             for cell in row}
    assert site in cells and "ibrahim-khalil" in cells
    assert any(cell.startswith(ministry) for cell in cells), "the institutions present, and the plan's responsible"
    assert ministry in cells
    # untouched, the localised names read back as what was stored: no edit, no new revision
    hq = Store.open(tmp_path / "hq.sqlite")
    try:
        result = import_paths(hq, [path]).results[0]
        assert (result.outcome, list(result.changes)) == ("imported", [])
        assert hq.assessment(result.assessment_id).institutions == ("MoI", "BMD")
        assert hq.actions(result.assessment_id)[0].responsible == "MoI"
    finally:
        hq.close()


def test_the_summary_names_site_type_scope_and_status_in_its_language_with_the_code_beside(tmp_path, store, mini_form):
    from hbm_assess.core.vocabulary import vocabulary

    assessment_id = awkward_assessment(store, mini_form)
    summaries = {}
    for language in LANGUAGES:
        book = CalamineWorkbook.from_path(str(export(store, assessment_id, tmp_path / f"{language}.xlsx", language)))
        summaries[language] = book.get_sheet_by_name(book.sheet_names[0]).to_python(skip_empty_area=False)
    words = vocabulary()
    a = store.assessment(assessment_id)
    for language, rows in summaries.items():
        assert rows[0][:3] == [words.word(key, language) for key in ("field", "value", "code")]
        by_field = {row[0]: row[1:3] for row in rows[1:len(SUMMARY_ROWS) + 1]}
        for key, kind, code in (("site_type", "site_types", a.site.type), ("scope", "scopes", a.scope),
                                ("status", "assessment_statuses", a.status)):
            assert by_field[words.word(key, language)] == [words.label(kind, code, language), code], (language, key)
    rows = len(SUMMARY_ROWS) + 1
    assert [row[2] for row in summaries["ar"][1:rows]] == [row[2] for row in summaries["en"][1:rows]]
