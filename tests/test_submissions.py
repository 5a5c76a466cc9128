"""Submissions from KoboToolbox and ODK Central, imported as assessments: every answer found, re-import idempotent."""

from __future__ import annotations

import random
import uuid as uuid_module
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from submission_exports import (
    kobo_rows,
    odk_rows,
    random_submission,
    read_xlsform,
    write_csv,
    write_csv_zip,
    write_xlsx,
)
from test_xlsform import second_version

from hbm_assess.cli import main
from hbm_assess.core.questionnaire import installed_forms
from hbm_assess.core.reference import crossing_points, institutions
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.exchange.importing import import_paths
from hbm_assess.exchange.xlsform import write_xlsform
from hbm_assess.storage import exchange_records as records
from hbm_assess.storage.store import Store


def new_uuid() -> str:
    return str(uuid_module.uuid4())


@pytest.fixture(scope="module")
def xlsforms(tmp_path_factory):
    """The XLSForm of each shipped form and of a second version of the rapid form, read back as a server would."""
    folder = tmp_path_factory.mktemp("xlsforms")
    forms = dict(installed_forms())
    v2 = second_version(forms[("hbm-rapid", "1.0")])
    forms[v2.key] = v2
    return {key: read_xlsform(write_xlsform(form, folder / f"{form.id}-{form.version}.xlsx"))
            for key, form in forms.items()}, v2


def expected(sheets, submission) -> dict:
    """What the app must hold, worked out from the XLSForm's own English labels, not from the import code."""
    vocab = vocabulary()
    level_names = {vocab.level_name(n): n for n in range(1, 6)}
    special_names = {t.name.get("en"): key for key, t in vocab.special_answers.items()}
    evidence_names = {t.name.get("en"): key for key, t in vocab.evidence_types.items()}
    answers = {}
    for q in sheets.questions:
        if not q.name.endswith("_level"):
            continue
        indicator_id = q.group_labels[-1]["en"].split(" · ")[0]
        stem = q.name.removesuffix("_level")
        value = submission.values[q.name]
        label = sheets.choice_label(q.list_name, value, "en") if value else ""
        level = next((n for name, n in level_names.items() if label.startswith(f"{n} · {name}:")), None)
        target = submission.values.get(stem + "_target") or None
        evidence = submission.values.get(stem + "_evidence_type")
        answers[indicator_id] = (
            level, special_names.get(label), int(target) if target and level else None,
            evidence_names[sheets.choice_label("evidence", evidence, "en")] if evidence else "",
            submission.values.get(stem + "_evidence", ""), submission.values.get(stem + "_notes", ""))
    site_label = sheets.choice_label("crossing_points", submission.values["site"], "en")
    chosen = {sheets.choice_label("institutions", n, "en") for n in submission.values["institutions"].split()}
    site_names = {p.name.get("en") for p in crossing_points()}
    assert site_label in site_names
    return {
        "site": site_label, "date": submission.values["assessment_date"],
        "assessors": tuple(n for n in submission.values["assessors"].split("\n") if n),
        # The app keeps an institution by its English acronym, as the new-assessment dialog does.
        "institutions": {i.acronym.get("en") or i.name.get("en") for i in institutions() if i.display("en") in chosen},
        "answers": answers,
    }


def stored(store: Store, uuid: str) -> dict:
    (copy,) = records.copies(store, uuid)
    a = store.assessment(copy.id)
    answers = {x.indicator_id: (x.level, x.special, x.target, x.evidence_type, x.evidence_text, x.notes)
               for x in store.answers(copy.id).values()}
    return {"site": a.site.name, "date": a.date, "assessors": a.assessors, "institutions": set(a.institutions),
            "answers": answers, "form": (a.form_id, a.form_version)}


def submissions_for(sheets, count, seed):
    rng = random.Random(seed)
    return [random_submission(sheets, rng, new_uuid()) for _ in range(count)]


def check_all_found(store, sheets, subs, form_key):
    for sub in subs:
        found = stored(store, sub.uuid)
        assert found.pop("form") == form_key
        assert found == expected(sheets, sub)


def database_state(store):
    return [(row.id, row.site_name, row.form_id, row.form_version, row.answered, row.revision)
            for row in store.list_assessments(include_deleted=True)], [
        sorted(store.answers(row.id).items()) for row in store.list_assessments(include_deleted=True)]


def test_kobo_xlsx_with_xml_values_group_paths_and_an_hxl_row(xlsforms, store, tmp_path):
    forms, _ = xlsforms
    sheets = forms[("hbm-detailed", "1.0")]
    subs = submissions_for(sheets, 3, seed=1)
    path = write_xlsx(kobo_rows(sheets, subs, hxl=True), tmp_path / "HBM_detailed_-_all_versions.xlsx")
    report = import_paths(store, [path])
    assert [r.outcome for r in report.results] == ["imported"] * 3, [r.message for r in report.results]
    assert "row 3" in report.results[0].message  # row 2 is the hashtag row
    check_all_found(store, sheets, subs, ("hbm-detailed", "1.0"))
    before = database_state(store)
    again = import_paths(store, [path])
    assert [r.outcome for r in again.results] == ["unchanged"] * 3
    assert database_state(store) == before


def test_kobo_csv_with_arabic_labels_for_headers_and_answers(xlsforms, store, tmp_path):
    forms, _ = xlsforms
    sheets = forms[("hbm-rapid", "1.0")]
    subs = submissions_for(sheets, 4, seed=2)
    rows = kobo_rows(sheets, subs, labels="ar")
    assert "المستوى" in " ".join(rows[0]) and not any(h.endswith("_level") for h in rows[0])
    path = write_csv(rows, tmp_path / "HBM_rapid_labels.csv", delimiter=";")
    report = import_paths(store, [path])
    assert [r.outcome for r in report.results] == ["imported"] * 4, [r.message for r in report.results]
    check_all_found(store, sheets, subs, ("hbm-rapid", "1.0"))


def test_kobo_one_column_per_institution(xlsforms, store, tmp_path):
    forms, _ = xlsforms
    sheets = forms[("hbm-rapid", "1.0")]
    subs = submissions_for(sheets, 2, seed=3)
    rows = kobo_rows(sheets, subs, option_columns=True)
    main_column = rows[0].index("assessment/institutions")
    for row in rows[1:]:
        row[main_column] = ""  # only the one-column-per-option form of the answer is left
    report = import_paths(store, [write_csv(rows, tmp_path / "options.csv")])
    assert [r.outcome for r in report.results] == ["imported"] * 2
    check_all_found(store, sheets, subs, ("hbm-rapid", "1.0"))


def test_odk_central_csv_zip_and_plain_csv(xlsforms, store, tmp_path):
    forms, _ = xlsforms
    rapid, detailed = forms[("hbm-rapid", "1.0")], forms[("hbm-detailed", "1.0")]
    rapid_subs, detailed_subs = submissions_for(rapid, 3, seed=4), submissions_for(detailed, 2, seed=5)
    zipped = write_csv_zip(odk_rows(rapid, rapid_subs), tmp_path / "hbm-rapid.csv.zip", "hbm-rapid")
    plain = write_csv(odk_rows(detailed, detailed_subs), tmp_path / "submissions.csv")
    report = import_paths(store, [zipped, plain])
    assert report.counts()["imported"] == 5, [r.message for r in report.results]
    assert report.total == len(report.results) == 5
    check_all_found(store, rapid, rapid_subs, ("hbm-rapid", "1.0"))
    check_all_found(store, detailed, detailed_subs, ("hbm-detailed", "1.0"))
    before = database_state(store)
    assert import_paths(store, [zipped, plain]).counts()["unchanged"] == 5
    assert database_state(store) == before


def test_each_submission_on_its_own_form_version_and_an_unknown_version_rejected_in_one_line(
        xlsforms, store, tmp_path):
    forms, v2 = xlsforms
    store.install_form(v2)  # the newer version, received as a form file
    v1_sheets, v2_sheets = forms[("hbm-rapid", "1.0")], forms[v2.key]
    v1_subs, v2_subs = submissions_for(v1_sheets, 2, seed=6), submissions_for(v2_sheets, 2, seed=7)
    stray = submissions_for(v2_sheets, 1, seed=8)
    # Kobo exports every version in one table: the union of the versions' columns.
    rows_v2 = kobo_rows(v2_sheets, v2_subs)
    rows_v1 = kobo_rows(v1_sheets, v1_subs)
    header = rows_v2[0] + [h for h in rows_v1[0] if h not in rows_v2[0]]
    table = [header]
    for rows in (rows_v1, rows_v2, kobo_rows(v2_sheets, stray, form_reference="hbm-rapid@9.9")):
        table += [[dict(zip(rows[0], row, strict=True)).get(h, "") for h in header] for row in rows[1:]]
    report = import_paths(store, [write_xlsx(table, tmp_path / "all_versions.xlsx")])
    outcomes = [r.outcome for r in report.results]
    assert outcomes == ["imported"] * 4 + ["rejected"], [r.message for r in report.results]
    check_all_found(store, v1_sheets, v1_subs, ("hbm-rapid", "1.0"))
    check_all_found(store, v2_sheets, v2_subs, ("hbm-rapid", "2.0"))
    assert stored(store, v2_subs[0].uuid)["answers"].keys() & {"REG-N9"}  # only version 2.0 has it
    message = report.results[-1].message
    assert "\n" not in message and "row 6" in message and "hbm-rapid version 9.9" in message
    assert records.copies(store, stray[0].uuid) == []


def test_a_bad_answer_rejects_its_row_only(xlsforms, store, tmp_path):
    forms, _ = xlsforms
    sheets = forms[("hbm-rapid", "1.0")]
    subs = submissions_for(sheets, 3, seed=9)
    rows = kobo_rows(sheets, subs)
    rows[2][rows[0].index("reg_r1/reg_r1_level")] = "7"
    report = import_paths(store, [write_csv(rows, tmp_path / "bad.csv")])
    assert [r.outcome for r in report.results] == ["imported", "rejected", "imported"]
    assert report.results[1].message.startswith("row 3: REG-R1: “7” is not one of its answers")


@pytest.mark.parametrize(("name", "content", "message"), [
    ("latin1.csv", "hbm_form;_uuid\nhbm-rapid@1.0;é\n".encode("latin-1"), "is not UTF-8 text"),
    ("nul.csv", b"hbm_form,_uuid\n\x00\n", "NUL bytes"),
    ("empty.csv", b"", "the file is empty"),
    ("huge-field.csv", b'hbm_form,_uuid\n"' + b"x" * 200_000 + b'",1\n', "is not valid CSV"),
    ("notzip.csv.zip", b"hbm_form,_uuid\n", "not a zip archive"),
])
def test_hostile_or_foreign_tables_are_refused_in_one_line(store, tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    (result,) = import_paths(store, [path]).results
    assert result.outcome == "rejected" and message in result.message and "\n" not in result.message
    assert store.list_assessments() == []


def test_the_separator_is_found_even_when_labels_in_the_header_hold_commas(store, tmp_path, xlsforms):
    forms, _ = xlsforms
    sheets = forms[("hbm-detailed", "1.0")]
    subs = submissions_for(sheets, 1, seed=12)
    rows = kobo_rows(sheets, subs, labels="en")
    rows[0] = [h + ", and" * 60 if h.startswith("REG-01") else h for h in rows[0]]  # more commas than ";"
    # The REG-01 headers are no longer labels the import knows: its answers are left out, the rest imported.
    for q in sheets.questions:
        if q.name.startswith("reg_01_"):
            subs[0].values[q.name] = ""
    rows[1] = kobo_rows(sheets, subs, labels="en")[1]
    (result,) = import_paths(store, [write_csv(rows, tmp_path / "commas.csv", delimiter=";")]).results
    assert result.outcome == "imported", result.message
    want = expected(sheets, subs[0])
    want["answers"].pop("REG-01")
    found = stored(store, subs[0].uuid)
    found.pop("form")
    assert found == want


def test_a_table_that_is_not_an_export_of_submissions_is_skipped(store, tmp_path):
    path = tmp_path / "budget.csv"
    path.write_text("name,value\nfuel,1200\n", encoding="utf-8")
    (result,) = import_paths(store, [path]).results
    assert result.outcome == "skipped" and "has no hbm_form column" in result.message


def test_a_zip_bomb_is_refused_before_it_is_unpacked(store, tmp_path):
    path = tmp_path / "bomb.csv.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("bomb.csv", b"0" * (60 * 1024 * 1024))
    (result,) = import_paths(store, [path]).results
    assert result.outcome == "rejected" and "zip bomb" in result.message


def test_cli_import_prints_one_line_per_submission(xlsforms, tmp_path, capsys):
    forms, _ = xlsforms
    sheets = forms[("hbm-rapid", "1.0")]
    path = write_csv(kobo_rows(sheets, submissions_for(sheets, 2, seed=10)), tmp_path / "kobo.csv")
    db = tmp_path / "cli.sqlite"
    assert main(["--db", str(db), "import", str(path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 3 and lines[0].startswith("imported") and "2 imported" in lines[-1]


answer_values = st.fixed_dictionaries({
    "level": st.sampled_from(["1", "2", "3", "4", "5", "na", "unknown", ""]),
    "target": st.sampled_from(["", "1", "2", "3", "4", "5"]),
    "evidence_type": st.sampled_from(["", *(k.replace("-", "_") for k in vocabulary().evidence_types)]),
    "evidence": st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Cn", "Co")), max_size=40),
    "notes": st.sampled_from(["", "تمرين ٢٠٢٥", "Sorani: ڕاهێنان", "a; b, \"quoted\""]),
})


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_random_answers_survive_a_kobo_export(xlsforms, tmp_path_factory, data):
    forms, _ = xlsforms
    sheets = forms[("hbm-rapid", "1.0")]
    sub = random_submission(sheets, random.Random(0), new_uuid())
    for q in sheets.questions:
        if q.name.endswith("_level"):
            stem = q.name.removesuffix("_level")
            values = data.draw(answer_values)
            if values["level"] in ("", "na", "unknown") or (values["target"] and values["target"] < values["level"]):
                values["target"] = ""
            sub.values.update({f"{stem}_{part}": value for part, value in values.items()})
    # Leading and trailing spaces are not kept by Kobo or ODK either.
    sub.values.update({k: v.strip() for k, v in sub.values.items()})
    folder = tmp_path_factory.mktemp("roundtrip")
    labels = data.draw(st.sampled_from([None, "en", "ar", "ckb"]))
    path = write_csv(kobo_rows(sheets, [sub], labels=labels), folder / "kobo.csv", delimiter=";")
    store = Store.open(folder / "db.sqlite")
    try:
        (result,) = import_paths(store, [path]).results
        assert result.outcome == "imported", result.message
        found = stored(store, sub.uuid)
        found.pop("form")
        want = expected(sheets, sub)
        want["answers"] = {k: v for k, v in want["answers"].items() if any(x not in (None, "") for x in v)}
        assert found == want
    finally:
        store.close()
