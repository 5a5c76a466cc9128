"""An assessment's scope: a crossing point, a governorate, or national (a workshop is not a site)."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace

import pytest

from hbm_assess.cli import main
from hbm_assess.core.assessment import Assessment, Site
from hbm_assess.exchange.hashing import assessment_record
from hbm_assess.storage.store import Store, StoreError
from hbm_assess.ui.new_assessment import NewAssessmentDialog

FIXTURES = __import__("pathlib").Path(__file__).parent / "fixtures"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_assessments_made_before_scopes_are_crossing_points_after_the_upgrade(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema-v1.sqlite", path)
    store = Store.open(path)
    try:
        rows = store.list_assessments(include_deleted=True)
        assert rows and {row.scope for row in rows} == {"crossing-point"}
        assert store.assessment(rows[0].id).scope == "crossing-point"
    finally:
        store.close()


def test_the_store_keeps_and_changes_the_scope_and_refuses_an_unknown_one(store, mini_form):
    national = Assessment(mini_form.id, mini_form.version, Site("Iraq national workshop, Erbil", "IQ"),
                          mode=mini_form.mode, scope="national")
    made = store.create_assessment(national, mini_form)
    assert store.assessment(made).scope == "national"
    store.update_assessment(replace(store.assessment(made), scope="governorate", site=Site("Erbil", "IQ")))
    assert (store.assessment(made).scope, store.summary(made).scope) == ("governorate", "governorate")
    with pytest.raises(StoreError, match="scope 'region'"):
        store.update_assessment(replace(store.assessment(made), scope="region"))
    with pytest.raises(StoreError, match="scope 'post'"):
        store.create_assessment(replace(national, scope="post"), mini_form)
    assert store.assessment(made).scope == "governorate"


def test_a_crossing_point_s_fingerprint_is_what_it_was_before_scopes():
    # Files exported before scopes existed must still match their content hash when imported.
    point = Assessment("f", "1", Site("Safwan"))
    assert "scope" not in assessment_record(point)
    assert assessment_record(replace(point, scope="national"))["scope"] == "national"


def test_new_national_names_the_meeting_without_looking_up_a_crossing_point(tmp_path, capsys):
    db = tmp_path / "hq.sqlite"
    code, out, _ = run(capsys, "--db", db, "new", "--form", "hbm-rapid", "--scope", "national",
                       "--site", "Safwan", "--json")
    assert code == 0
    made = json.loads(out)
    assert (made["scope"], made["site"]) == ("national", "Safwan")
    store = Store.open(db)
    assert store.assessment(made["id"]).site.reference_id == ""  # not the Safwan crossing point
    store.close()
    assert run(capsys, "--db", db, "new", "--form", "hbm-rapid", "--site", "Safwan")[0] == 0
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    assert sorted(row["scope"] for row in json.loads(out)) == ["crossing-point", "national"]


def test_an_unknown_scope_is_bad_usage_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "hq.sqlite"
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "new", "--form", "hbm-rapid", "--scope", "region", "--site", "Erbil"])
    assert exit_.value.code == 2
    assert "invalid choice: 'region'" in capsys.readouterr().err
    assert not db.exists()
    code, _, err = run(capsys, "--db", db, "new", "--form", "hbm-rapid", "--scope", "governorate", "--site", " ")
    assert code == 2 and "governorate's name" in err


def test_the_dialog_asks_a_national_assessment_for_the_country_or_meeting_not_a_crossing_point(qtbot, mini_form):
    dialog = NewAssessmentDialog([mini_form])
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.site_choice.setCurrentIndex(1)  # a crossing point first, then the scope changes
    assert dialog.site_choice.isVisible() and dialog.site_name_label.text() == "Site name *"
    dialog.scope.setCurrentIndex(dialog.scope.findData("national"))
    assert not dialog.site_choice.isVisible() and not dialog.site_type.isVisible()
    assert not dialog.pcode.isVisible() and not dialog.latitude.isVisible()
    assert dialog.site_name_label.text() == "Country or meeting *"
    qtbot.keyClicks(dialog.site_name, "Iraq national workshop, Erbil")
    qtbot.keyClicks(dialog.assessors, "Layla Hassan")
    assert dialog.validate()
    made = dialog.assessment()
    assert made.scope == "national"
    assert (made.site.name, made.site.reference_id, made.site.pcode, made.site.latitude) == (
        "Iraq national workshop, Erbil", "", "", None)
    dialog.scope.setCurrentIndex(dialog.scope.findData("governorate"))
    assert dialog.pcode.isVisible() and dialog.site_name_label.text() == "Governorate *"
    assert dialog.assessment().scope == "governorate"


def test_the_summary_sheet_names_the_scope_in_the_reader_s_language(tmp_path, store, mini_form):
    from python_calamine import CalamineWorkbook

    from hbm_assess.exchange.export import export_assessment
    from hbm_assess.exchange.importing import import_paths

    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Erbil", "IQ"),
                                              mode=mini_form.mode, scope="governorate"), mini_form)
    for language, sheet, expected in (("en", "Summary", ["Scope", "Governorate"]),
                                      ("ar", "ملخص", ["النطاق", "محافظة"])):
        path = export_assessment(store, made, tmp_path / f"{language}.xlsx", language)
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet).to_python()
        assert expected in [row[:2] for row in rows]
        [result] = import_paths(store, [path]).results
        assert result.outcome == "unchanged", result.message  # a row to read, not to edit
