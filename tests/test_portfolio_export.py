"""The consolidated workbook read back with pandas and with calamine, against the database and hand-made numbers."""

import zipfile

import pandas as pd
import portfolio_data
import pytest
from python_calamine import CalamineWorkbook

from hbm_assess.cli import main
from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.scoring import target_for
from hbm_assess.exchange.portfolio_export import DATA_COLUMNS, write_portfolio
from hbm_assess.operations import add_demo_assessments
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import PortfolioFilter


def export(capsys, db, target, *options):
    code = main(["--db", str(db), "export-portfolio", "-o", str(target), *options])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def data_frame(path):
    frame = pd.read_excel(path, sheet_name="Data", skiprows=[1], engine="calamine",
                          dtype={"Questionnaire version": str})
    return frame.set_index(["Assessment id", "Indicator"])


def sheet(path, name):
    return CalamineWorkbook.from_path(str(path)).get_sheet_by_name(name).to_python()


@pytest.fixture
def mini(store, tmp_path, capsys):
    ids = portfolio_data.build(store)
    target = tmp_path / "hq.xlsx"
    out = export(capsys, store.path, target, "--include-drafts", "--all-forms")
    assert "20 rows of data" in out  # 5 assessments × 4 indicators; the deleted one is left out
    return ids, target


def test_data_sheet_holds_every_indicator_of_every_assessment_with_hand_computed_values(mini):
    ids, target = mini
    frame = data_frame(target)
    assert len(frame) == 20 and set(frame.index.get_level_values(0)) == {ids[n] for n in range(1, 6)}
    renamed = frame.loc[(ids[1], "OPS-02")]
    assert (renamed["Lined-up indicator"], renamed["Compared"], renamed["Level"], renamed["Target"], renamed["Gap"]
            ) == ("OPS-05", 1, 2, 3, 1)
    below_target = frame.loc[(ids[2], "OPS-05")]  # level 4 with an entered target of 3: no gap
    assert (below_target["Level"], below_target["Target"], below_target["Gap"]) == (4, 4, 0)
    default_target = frame.loc[(ids[4], "OPS-05")]  # version 2.0's default target 4
    assert (default_target["Target"], default_target["Gap"]) == (4, 2)
    dropped = frame.loc[(ids[1], "REG-02")]  # only in 1.0: exported, but not compared
    assert (dropped["Compared"], dropped["Level"], dropped["Target"]) == (0, 1, 4)
    na = frame.loc[(ids[3], "REG-02")]
    # The same stable code as the CSV tables and every assessment workbook's answer_status (issue 16):
    # an analyst stacking the two exports gets one value, whatever the language.
    assert na["Answer"] == "na" and pd.isna(na["Level"]) and pd.isna(na["Gap"])
    assert set(frame["Answer"]) <= {"scored", "na", "unknown", "unanswered"}
    first = frame.loc[(ids[1], "REG-01")]
    assert (first["Site"], first["Country"], first["Governorate P-code"], first["Site type"]) == (
        "Ibrahim Khalil", "IQ", "IQG15", "land")
    assert (first["Questionnaire"], first["Questionnaire version"], first["Area"]) == (
        "mini", "1.0", "Regulatory framework")
    assert first["Date"] == pd.Timestamp("2024-01-10") and first["Level"] == 2  # the group's 5 is not the answer


def test_data_sheet_matches_the_database_row_by_row(store, mini):
    _, target = mini
    for (assessment_id, indicator_id), row in data_frame(target).iterrows():
        summary = store.summary(assessment_id)
        answer = store.answers(assessment_id).get(indicator_id)
        indicator = store.form(summary.form_id, summary.form_version).indicator(indicator_id)
        assert row["Assessment uuid"] == summary.uuid and row["Status"] == summary.status
        level = answer.level if answer else None
        assert (None if pd.isna(row["Level"]) else row["Level"]) == level
        expected_target = target_for(answer, indicator) if answer else None
        assert (None if pd.isna(row["Target"]) else row["Target"]) == expected_target
        assert row["Indicator label"] == indicator.label.get("en")


def test_hxl_hashtags_sit_under_the_headers(mini):
    _, target = mini
    rows = sheet(target, "Data")
    assert rows[0] == [header for header, _ in DATA_COLUMNS]
    assert rows[1] == [tag for _, tag in DATA_COLUMNS]
    for required in ("#country+code", "#adm1+code", "#loc+name", "#loc+type", "#date+reported", "#indicator+code",
                     "#x_area+name", "#indicator+level+num", "#indicator+target+num", "#indicator+gap+num", "#x_form",
                     "#x_form_version",
                     "#x_assessment+id"):
        assert required in rows[1]
    assert all(tag.startswith("#") for tag in sheet(target, "Sites")[1])
    # HXL keeps #sector for humanitarian clusters, not assessment areas
    assert not any(tag.startswith("#sector") for tag in rows[1] + sheet(target, "Areas")[1])


def test_summary_sheets_per_site_and_area_with_native_charts(mini):
    _, target = mini
    sites = sheet(target, "Sites")
    header = sites[0]
    body = [dict(zip(header, row, strict=True)) for row in sites[2:]]
    assert [(r["Weakest first"], r["Site"], r["Assessments"], r["Scored answers"]) for r in body] == [
        (1, "Trebil", 2, 5), (2, "Ibrahim Khalil", 2, 6), (3, "Baghdad Airport", 1, 2)]
    assert [r["Mean level"] for r in body] == pytest.approx([1.6, 2.83, 3.5])
    assert [r["Mean gap"] for r in body] == pytest.approx([1.2, 1.0, 1.0])
    # Flattened: newer pytest refuses nested sequences in approx().
    assert [v for r in body for v in (r["Regulatory framework"], r["Operations"])] == pytest.approx(
        [1.5, 1.67, 2.5, 3.0, 4.0, 3.0])
    areas = pd.read_excel(target, sheet_name="Areas", skiprows=[1], engine="calamine").set_index("Area id")
    assert areas.loc["REG", "Mean level"] == pytest.approx(2.4) and areas.loc["REG", "Scored answers"] == 5
    assert areas.loc["OPS", "Mean level"] == pytest.approx(2.5)
    assert areas.loc["OPS", "Mean gap"] == pytest.approx(9 / 8, abs=0.005)
    assert (areas.loc["OPS", "Not applicable"], areas.loc["OPS", "Unknown"]) == (1, 1)
    with zipfile.ZipFile(target) as archive:
        assert len([n for n in archive.namelist() if n.startswith("xl/charts/chart")]) == 2
    about = {row[0]: row[1] for row in sheet(target, "About") if row and row[0]}
    assert "mini REG-02: not in version 2.0" in about["Left out of the comparison"]


def test_filters_on_the_command_line(store, tmp_path, capsys):
    portfolio_data.build(store)
    target = tmp_path / "f.xlsx"
    everything = ("--include-drafts", "--all-forms")
    assert "12 rows" in export(capsys, store.path, target, "--form-version", "2.0", "--include-drafts")
    assert "10 rows" in export(capsys, store.path, target, "--area", "OPS", *everything)
    assert set(data_frame(target)["Area id"]) == {"OPS"}
    assert "4 rows" in export(capsys, store.path, target, "--site-type", "air", "--status", "final")
    assert "8 rows" in export(capsys, store.path, target, "--from", "2025-01-01", "--to", "2025-04-01", *everything)
    assert "12 rows" in export(capsys, store.path, target, "--latest-only", "--country", "IQ", "--form", "mini",
                               "--all-forms", "--include-drafts")
    code = main(["--db", str(store.path), "export-portfolio", "-o", str(target), "--from", "1/2/2025"])
    assert code == 2 and "YYYY-MM-DD" in capsys.readouterr().err


def test_like_with_like_by_default_says_what_it_left_out_and_the_flags_bring_it_in(store, tmp_path, capsys):
    portfolio_data.build(store)  # 1.0: a final and a draft; 2.0: three finals (and a deleted one)
    target = tmp_path / "d.xlsx"
    main(["--db", str(store.path), "export-portfolio", "-o", str(target)])
    out, err = capsys.readouterr()
    assert "12 rows of data" in out  # the newest version with data, 2.0, final only: 3 × 4
    assert "comparing mini (2.0; final)" in err
    assert "left out: 2 assessments of other questionnaires or versions (add --all-forms)" in err
    assert "draft" not in err.split("\n", 1)[1]  # no 2.0 draft to leave out
    main(["--db", str(store.path), "export-portfolio", "-o", str(target), "--all-forms"])
    out, err = capsys.readouterr()
    assert "16 rows of data" in out and "left out: 1 draft (add --include-drafts)" in err  # the 1.0 draft
    assert "20 rows of data" in export(capsys, store.path, target, "--all-forms", "--include-drafts")
    # What a person asks for wins over the default.
    assert "4 rows" in export(capsys, store.path, target, "--form-version", "1.0", "--status", "draft")


def test_the_default_is_the_newest_version_with_final_data_else_every_status(store):
    assert portfolio.like_with_like(store) == PortfolioFilter(statuses=("final",))  # an empty database
    portfolio_data.build(store)
    assert portfolio.like_with_like(store) == PortfolioFilter(form_id="mini", form_versions=("2.0",),
                                                              statuses=("final",))
    assert portfolio.like_with_like(store, include_drafts=True).statuses == ()
    assert portfolio.like_with_like(store, all_forms=True) == PortfolioFilter(statuses=("final",))
    only_v1 = portfolio.like_with_like(store, PortfolioFilter(form_versions=("1.0",)))
    assert only_v1 == PortfolioFilter(form_id="mini", form_versions=("1.0",), statuses=("final",))
    store.db.execute("UPDATE assessments SET status = 'draft' WHERE form_version = '2.0'")
    # No final assessment in the newest version yet: its drafts, rather than an empty comparison.
    assert portfolio.like_with_like(store) == PortfolioFilter(form_id="mini", form_versions=("2.0",))


def test_text_that_looks_like_a_formula_stays_text(store, mini_form, tmp_path):
    site = Site("=HYPERLINK(\"http://x\",\"click\")", "IQ", "land")
    store.create_assessment(Assessment("mini", "1.0", site, date="2025-01-01"), mini_form,
                            [Answer("REG-01", level=3)])
    target = tmp_path / "safe.xlsx"
    write_portfolio(store, PortfolioFilter(), target)
    assert data_frame(target)["Site"].iloc[0] == site.name
    with zipfile.ZipFile(target) as archive:
        assert not any(b"<f>" in archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))


def test_a_demo_database_exports_exactly_what_it_holds(store, tmp_path):
    add_demo_assessments(store, count=15)
    target = tmp_path / "demo.xlsx"
    reported = []
    rows = write_portfolio(store, PortfolioFilter(), target, progress=lambda d, t, w: reported.append((d, t)))
    frame = data_frame(target)
    assert rows == len(frame) == portfolio.tidy_row_count(store, PortfolioFilter())
    assert reported[-1] == (rows, rows)
    expected = {(s.id, i): a.level for s in store.list_assessments() for i, a in store.answers(s.id).items()}
    found = {key: (None if pd.isna(level) else int(level)) for key, level in frame["Level"].items()}
    assert {key: level for key, level in found.items() if key in expected} == expected
    assert all(level is None for key, level in found.items() if key not in expected)  # unanswered
    assert not list(tmp_path.glob(".*.part"))  # the temporary file was renamed, not left behind


def test_the_data_sheet_says_where_who_and_why(store, mini_form, tmp_path):
    """#17: crossing point id and name, governorate, coordinates, scope, revision, group, evidence, notes, people."""
    site = Site("Ibrahim Khalil", "IQ", "land", pcode="IQG09", latitude=37.145, longitude=42.566,
                reference_id="ibrahim-khalil")
    made = store.create_assessment(
        Assessment("mini", "1.0", site, date="2025-01-01", status="final", revision=3,
                   assessors=("Ahmed Salih", "Layla Aziz")), mini_form,
        [Answer("REG-01", level=2, evidence_type="law", evidence_reference="Law 76 of 2017, art. 4",
                evidence_text="The law names no lead agency for mass influx.", notes="Check the 2023 draft.")])
    store.db.execute("UPDATE assessments SET workshop_group = 'Legal' WHERE id = ?", (made,))
    target = tmp_path / "why.xlsx"
    write_portfolio(store, PortfolioFilter(), target)
    row = data_frame(target).loc[(made, "REG-01")]
    assert (row["Crossing point id"], row["Site"], row["Governorate P-code"], row["Governorate"]) == (
        "ibrahim-khalil", "Ibrahim Khalil", "IQG09", "Duhok")
    assert (row["Latitude"], row["Longitude"], row["Scope"], row["Revision"], row["Workshop group"]) == (
        37.145, 42.566, "crossing-point", 3, "Legal")
    assert row["Assessed by"] == "Ahmed Salih; Layla Aziz"
    assert (row["Evidence type"], row["Evidence reference"], row["Evidence"], row["Notes"]) == (
        "law", "Law 76 of 2017, art. 4", "The law names no lead agency for mass influx.", "Check the 2023 draft.")
    unanswered = data_frame(target).loc[(made, "OPS-01")]
    assert unanswered["Answer"] == "unanswered" and pd.isna(unanswered["Evidence"])


def test_every_column_of_every_sheet_is_in_the_data_dictionary(mini):
    from hbm_assess.exchange.portfolio_export import AREAS_COLUMNS, NATIONAL_COLUMNS, SITES_COLUMNS

    _, target = mini
    described = {(r[0], r[1]): r[2] for r in sheet(target, "Columns")[1:]}
    sheets = (("Data", DATA_COLUMNS), ("Sites", SITES_COLUMNS), ("Areas", AREAS_COLUMNS),
              ("National", NATIONAL_COLUMNS))
    for name, columns in sheets:
        headers = sheet(target, name)[0]
        for column, _ in columns:
            assert column in headers and len(described[(name, column)]) > 10, (name, column)
    assert len(described) == sum(len(columns) for _, columns in sheets) + 1  # + area means
