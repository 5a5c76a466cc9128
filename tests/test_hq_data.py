"""The portfolio as CSV tables: every answer there, codes only, loadable by pandas and DuckDB as documented."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import portfolio_data
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbm_assess.cli import main
from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.exchange import portfolio_export
from hbm_assess.exchange.export import ExportError
from hbm_assess.exchange.portfolio_csv import COLUMNS, write_portfolio_csv
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.store import Store

DOC = Path(__file__).parent.parent / "docs" / "hq-data.md"


@pytest.fixture
def hq(tmp_path, store):
    ids = portfolio_data.build(store)
    folder = tmp_path / "hq"
    write_portfolio_csv(store, PortfolioFilter(), folder)
    return store, ids, folder


def _read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_csv(folder / name, encoding="utf-8-sig", keep_default_na=False, dtype=str)


def test_every_answer_of_every_assessment_not_in_the_bin_is_a_row(hq):
    _, ids, folder = hq
    answers = _read(folder, "answers.csv")
    # Five assessments (number 6 is in the bin) × four indicators each (both mini versions have four).
    assert len(answers) == 20
    by_key = {(int(r.assessment_id), r.indicator_id): r for r in answers.itertuples()}
    # From the table in tests/portfolio_data.py, by hand:
    assert by_key[(ids[1], "REG-01")].level == "2"  # the group's 5 is not the assessment's answer
    assert (by_key[(ids[1], "OPS-01")].target, by_key[(ids[1], "OPS-01")].gap) == ("5", "2")
    assert by_key[(ids[3], "REG-02")].status == "na" and by_key[(ids[3], "REG-02")].level == ""
    assert by_key[(ids[3], "OPS-01")].status == "unknown"
    assert by_key[(ids[5], "OPS-01")].status == "na"
    assert by_key[(ids[2], "OPS-05")].level == "4"
    assert all(int(r.assessment_id) != ids[6] for r in answers.itertuples())
    assessments = _read(folder, "assessments.csv")
    assert sorted(map(int, assessments.assessment_id)) == sorted(ids[n] for n in range(1, 6))
    trebil = assessments[assessments.assessment_id == str(ids[4])].iloc[0]
    assert (trebil.site_code, trebil.site_name, trebil.adm1_pcode, trebil.date) == \
        ("IQ-TR", "Trebil", "IQG01", "2025-06-01")


def test_headers_and_hashtags_match_and_the_data_files_carry_no_hashtag_row(hq):
    _, _, folder = hq
    tags = _read(folder, "hxl-tags.csv")
    for name, columns in COLUMNS.items():
        frame = _read(folder, name)
        assert list(frame.columns) == [column for column, _ in columns]
        assert not any(str(value).startswith("#") for value in frame.iloc[0]) if len(frame) else True
        listed = tags[tags.file == name]
        assert list(listed.column) == list(frame.columns)
        for tag in listed.hashtag:
            # HXL: a hashtag, then +attributes; lowercase letters, digits and underscores.
            assert re.fullmatch(r"#[a-z][a-z0-9_]*(\+[a-z][a-z0-9_]*)*", tag), tag
    assert (folder / "answers.csv").read_bytes().startswith(b"\xef\xbb\xbfassessment_id,")


def test_the_documented_pandas_and_duckdb_examples_run(hq):
    _, _, folder = hq
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 2
    found = {"folder": folder}
    exec(blocks[0], found)
    # Mean of the scored levels per site, by hand from tests/portfolio_data.py (assessments 1-5):
    # Baghdad Airport 4, 1, 3 → 2.667; Ibrahim Khalil 2, 1, 3, 2, 3, 2, 3, 4 → 2.5; Trebil 2, 1, 1, 5, 2, 2 → 2.167
    assert found["mean_by_site"].round(3).to_dict() == {"Trebil": 2.167, "Ibrahim Khalil": 2.5,
                                                        "Baghdad Airport": 2.667}
    exec(blocks[1], found)
    # OPS: 3, 2, 3, 4, 1, 2, 2, 3 → 20 / 8; REG: 2, 1, 3, 2, 2, 1, 5, 4, 1 → 21 / 9
    assert [(area, round(mean, 3), n) for area, mean, n in found["mean_by_area"]] == [
        ("OPS", 2.5, 8), ("REG", 2.333, 9)]


def test_the_command_writes_the_folder_and_a_file_name_is_refused(tmp_path, capsys):
    db = tmp_path / "d.sqlite"
    assert main(["--db", str(db), "demo", "--count", "3"]) == 0
    assert main(["--db", str(db), "export-portfolio", "--format", "csv", "-o", str(tmp_path / "out"),
                 "--include-drafts", "--all-forms"]) == 0
    assert len(_read(tmp_path / "out", "assessments.csv")) == 3
    (tmp_path / "taken.csv").write_text("x")
    capsys.readouterr()
    assert main(["--db", str(db), "export-portfolio", "--format", "csv", "-o", str(tmp_path / "taken.csv")]) == 2
    assert "give a folder" in capsys.readouterr().err


def test_a_workbook_past_excels_row_limit_is_refused_before_anything_is_written(hq, tmp_path, monkeypatch):
    store, _, _ = hq
    monkeypatch.setattr(portfolio_export, "SHEET_ROWS", 21)  # 20 rows of data + header + HXL row > 21
    with pytest.raises(ExportError, match=r"20 rows of data, more than an Excel sheet holds .*--format csv"):
        portfolio_export.write_portfolio(store, PortfolioFilter(), tmp_path / "hq.xlsx")
    assert not list(tmp_path.glob("*.xlsx")) and not list(tmp_path.glob(".*.part"))
    monkeypatch.setattr(portfolio_export, "SHEET_ROWS", 22)
    assert portfolio_export.write_portfolio(store, PortfolioFilter(), tmp_path / "hq.xlsx") == 20


levels = st.one_of(st.integers(1, 5), st.sampled_from(["na", "unknown", None]))


@settings(max_examples=25, deadline=None)
@given(plan=st.lists(st.lists(levels, min_size=4, max_size=4), min_size=1, max_size=4))
def test_any_answers_come_back_from_the_csv_as_saved(tmp_path_factory, mini_form, plan):
    folder = tmp_path_factory.mktemp("csv")
    store = Store.open(folder / "db.sqlite")
    indicators = [ind.id for ind in mini_form.indicators()]
    expected = {}
    for number, row in enumerate(plan):
        answers = [Answer(i, level=v) if isinstance(v, int) else Answer(i, special=v)
                   for i, v in zip(indicators, row, strict=True) if v is not None]
        made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site(f"Post {number}", "IQ")),
                                       mini_form, answers)
        for i, v in zip(indicators, row, strict=True):
            expected[(made, i)] = ("scored", str(v)) if isinstance(v, int) else (v or "unanswered", "")
    write_portfolio_csv(store, PortfolioFilter(), folder / "out")
    store.close()
    answers = _read(folder / "out", "answers.csv")
    assert {(int(r.assessment_id), r.indicator_id): (r.status, r.level) for r in answers.itertuples()} == expected


def test_the_data_dictionary_describes_every_column_of_every_file(tmp_path):
    from hbm_assess.exchange.portfolio_csv import COLUMNS, write_portfolio_csv
    from hbm_assess.operations import add_demo_assessments
    from hbm_assess.storage.portfolio import PortfolioFilter
    from hbm_assess.storage.store import Store

    store = Store.open(tmp_path / "d.sqlite")
    add_demo_assessments(store, count=2)
    write_portfolio_csv(store, PortfolioFilter(), tmp_path / "out")
    store.close()
    dictionary = _read(tmp_path / "out", "data-dictionary.csv")
    described = {(row.file, row.column): row.meaning for row in dictionary.itertuples()}
    for name, columns in COLUMNS.items():
        header = (tmp_path / "out" / name).read_text(encoding="utf-8-sig").splitlines()[0].split(",")
        assert header == [column for column, _ in columns]
        for column in header:
            assert len(described[(name, column)]) > 10, (name, column)
    assert len(described) == sum(len(columns) for columns in COLUMNS.values())
