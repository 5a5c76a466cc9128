"""Importing a known assessment again: newer, older, the same, changed in two places, edited in a spreadsheet."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from workbooks import at, awkward_assessment, edit, export, same_data

from hbm_assess.cli import main
from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.exchange.deciding import Identity, Incoming, StoredHead, decide
from hbm_assess.exchange.export import ExportError, export_all, export_assessment, file_name
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage.exchange_records import exchange_state, import_log, seal_after_export, snapshot
from hbm_assess.storage.store import Store


@pytest.fixture
def post(tmp_path, mini_form):
    """A border post's database with one awkward assessment; returns (store, assessment id)."""
    store = Store.open(tmp_path / "post.sqlite")
    yield store, awkward_assessment(store, mini_form)
    store.close()


@pytest.fixture
def hq(tmp_path):
    store = Store.open(tmp_path / "hq.sqlite")
    yield store
    store.close()


def one(store, path):
    [result] = import_paths(store, [path]).results
    return result


def test_newer_revision_updates_an_older_one_is_skipped(tmp_path, post, hq):
    store, post_id = post
    first = export(store, post_id, tmp_path / "rev1.xlsx")
    store.save_answer(post_id, Answer("OPS-02", level=2, notes="registration on paper"))
    second = export(store, post_id, tmp_path / "rev2.xlsx")
    imported = one(hq, first)
    assert (imported.outcome, imported.revision) == ("imported", 1)
    updated = one(hq, second)
    assert (updated.outcome, updated.assessment_id, updated.revision) == ("updated", imported.assessment_id, 2)
    same_data(store, post_id, hq, imported.assessment_id)
    older = one(hq, first)
    assert older.outcome == "skipped" and "older than revision 2" in older.message
    assert hq.answers(imported.assessment_id)["OPS-02"].level == 2, "nothing overwritten by the older file"
    assert one(hq, second).outcome == "unchanged"


def test_same_assessment_changed_in_two_places_keeps_both_and_reports_a_conflict(tmp_path, post, hq, mini_form):
    store, post_id = post
    base = export(store, post_id, tmp_path / "base.xlsx")
    workshop = Store.open(tmp_path / "workshop.sqlite")
    copy_id = one(workshop, base).assessment_id
    store.save_answer(post_id, Answer("OPS-02", level=2))           # revision 2 at the post
    workshop.save_answer(copy_id, Answer("OPS-02", level=4))        # revision 2 in the workshop
    from_post = export(store, post_id, tmp_path / "post.xlsx")
    from_workshop = export(workshop, copy_id, tmp_path / "workshop.xlsx")
    workshop.close()
    original = one(hq, from_post).assessment_id
    conflict = one(hq, from_workshop)
    assert conflict.outcome == "conflict" and conflict.conflict_of == original
    assert "both are kept" in conflict.message
    assert hq.answers(original)["OPS-02"].level == 2 and hq.answers(conflict.assessment_id)["OPS-02"].level == 4
    assert exchange_state(hq, original).conflicting_copies == (conflict.assessment_id,)
    assert exchange_state(hq, conflict.assessment_id).conflict_of == original
    assert one(hq, from_workshop).outcome == "unchanged", "the conflicting copy is recognised, not added again"
    assert len(hq.list_assessments()) == 2


def test_changes_made_here_after_an_import_are_never_overwritten(tmp_path, post, hq):
    store, post_id = post
    hq_id = one(hq, export(store, post_id, tmp_path / "rev1.xlsx")).assessment_id
    hq.save_action(hq_id, replace(hq.actions(hq_id)[0], id=None, uuid="6f1c1f8e-3a49-4d2a-9d51-2a3f1e0c9b11",
                                  title="HQ adds a training"))
    for n in range(2):  # the post publishes revisions 2 and 3
        store.save_answer(post_id, Answer("OPS-02", level=2 + n))
        newer = export(store, post_id, tmp_path / f"rev{n + 2}.xlsx")
    result = one(hq, newer)
    assert result.outcome == "conflict" and result.revision == 3
    assert "HQ adds a training" in [a.title for a in hq.actions(hq_id)]


def test_a_workbook_edited_in_a_spreadsheet_is_imported_marked_and_its_changed_cells_listed(tmp_path, post, hq):
    store, post_id = post
    path = export(store, post_id, tmp_path / "a.xlsx")
    notes = at("notes", 6)
    edit(path, {("Answers", "D3"): 4, ("Answers", notes): "checked again by HQ", ("Summary", "B5"): "IQ-KR",
                ("Plan of action", "E3"): "Low"})
    result = one(hq, path)
    assert result.outcome == "imported" and result.edited_outside
    assert sorted(result.changed_cells) == ["Answers!D3", f"Answers!{notes}", "Plan of action!E3", "Summary!B5"]
    level = next(c for c in result.changes if c.cell == "D3")
    assert (level.subject, level.field, level.old, level.new) == ("REG-01", "Level", "3", "4")
    answers = hq.answers(result.assessment_id)
    assert answers["REG-01"].level == 4 and answers["REG-01"].target == 5, "the target typed at the post is kept"
    assert answers["OPS-02"].notes == "checked again by HQ"
    assert answers["OPS-01"].evidence_text == "\tindented\r\nwindows line", "untouched text is kept exactly"
    assert hq.assessment(result.assessment_id).site.country == "IQ-KR"
    assert hq.actions(result.assessment_id)[0].priority == "low"
    assert exchange_state(hq, result.assessment_id).edited_outside
    [logged] = import_log(hq, result.assessment_id)
    assert logged["edited_outside"] and {c["cell"] for c in logged["changes"]} == {"D3", notes, "B5", "E3"}


def test_a_spreadsheet_edit_of_the_stored_revision_becomes_the_next_revision(tmp_path, post, hq):
    store, post_id = post
    path = export(store, post_id, tmp_path / "a.xlsx")
    hq_id = one(hq, path).assessment_id
    edited = edit(path, {("Answers", "D5"): 2}, tmp_path / "edited.xlsx")
    result = one(hq, edited)
    assert (result.outcome, result.assessment_id, result.revision) == ("updated", hq_id, 2)
    assert hq.answers(hq_id)["OPS-01"].level == 2
    assert one(hq, edited).outcome == "unchanged"
    assert one(hq, path).outcome == "skipped"


def test_plan_rows_added_or_deleted_in_a_spreadsheet(tmp_path, post, hq):
    store, post_id = post
    path = export(store, post_id, tmp_path / "a.xlsx")
    import openpyxl

    book = openpyxl.load_workbook(path)
    plan = book["Plan of action"]
    plan.delete_rows(4)                                    # the second action
    plan["A5"], plan["B5"] = "Train the night shift", "OPS-01"   # a new one, no id
    book.save(path)
    result = one(hq, path)
    titles = {a.title: a for a in hq.actions(result.assessment_id)}
    assert set(titles) == {"Draft the mass-influx SOP", "Train the night shift"}
    new = titles["Train the night shift"]
    assert (new.indicators, new.priority, new.timeframe, new.status) == (("OPS-01",), "medium", "12-months", "planned")
    assert any("row deleted" in c.new for c in result.changes)
    assert one(hq, path).outcome == "unchanged", "a new row gets the same id each time the file is read"


def test_an_assessment_in_the_bin_is_not_silently_revived(tmp_path, post, hq):
    store, post_id = post
    path = export(store, post_id, tmp_path / "a.xlsx")
    hq_id = one(hq, path).assessment_id
    hq.delete_assessment(hq_id)
    store.save_answer(post_id, Answer("OPS-02", level=5, evidence_type="record"))
    result = one(hq, export(store, post_id, tmp_path / "b.xlsx"))
    assert result.outcome == "skipped" and "in the bin" in result.message


def test_the_questionnaire_travels_with_the_workbook(tmp_path, post, hq, mini_form):
    store, post_id = post
    assert hq.stored_forms() == []
    one(hq, export(store, post_id, tmp_path / "a.xlsx"))
    assert hq.form("mini", "1.0").to_dict() == mini_form.to_dict()


def test_decide_covers_every_rule():
    """Hand-worked: h1 → h2 → h3 is one line of revisions; x2 went another way from h1."""
    here = Identity("Al-Walid", "al-walid", "IQ", "mini", "1.0", "rapid")

    def stored(id_, head, lineage, conflict_of=None, deleted=False, identity=here):
        return StoredHead(id_, int(head[-1]), head, lineage, conflict_of, deleted, identity)

    def file(head, lineage, identity=here):
        return Incoming(int(head[-1]), head, lineage, identity)

    at_2 = stored(1, "h2", ("h1", "h2"))
    assert decide([], file("h1", ("h1",))).outcome == "imported"
    assert decide([at_2], file("h2", ("h1", "h2"))).outcome == "unchanged"
    assert decide([at_2], file("h3", ("h1", "h2", "h3"))).outcome == "updated", "descends from what is stored"
    assert decide([at_2], file("h1", ("h1",))).outcome == "skipped", "an ancestor of what is stored"
    assert decide([at_2], file("x3", ("h1", "x2", "x3"))).outcome == "conflict", "went another way from h1"
    changed_here = stored(1, "y3", ("h1", "h2"))  # changed here after h2 was published: its head is unpublished
    assert decide([changed_here], file("h3", ("h1", "h2", "h3"))).outcome == "conflict"
    # A revision number typed over, with the hash recomputed: a new head that descends from nothing stored.
    assert decide([at_2], file("f3", ("f3",))).outcome == "conflict"
    copy = stored(2, "x2", ("h1", "x2"), conflict_of=1)
    onto_copy = decide([at_2, copy], file("x3", ("h1", "x2", "x3")))
    assert (onto_copy.outcome, onto_copy.target) == ("updated", 2), "the conflicting copy's own line moves on"
    assert decide([at_2, copy], file("x2", ("h1", "x2"))).target == 2
    assert decide([stored(1, "h2", ("h1", "h2"), deleted=True)], file("h3", ("h1", "h2", "h3"))).outcome == "skipped"
    elsewhere = Identity("Ibrahim Khalil", "ibrahim-khalil", "IQ", "mini", "1.0", "rapid")
    moved = decide([at_2], file("h3", ("h1", "h2", "h3"), elsewhere))
    assert moved.outcome == "conflict"
    assert "this file claims to be assessment 1 of Al-Walid but describes Ibrahim Khalil" in str(moved.message)


def test_progress_and_cancel_between_files(tmp_path, post, hq):
    store, post_id = post
    paths = [export(store, post_id, tmp_path / f"{n}.xlsx") for n in range(3)]
    calls = []
    report = import_paths(hq, paths, progress=lambda done, total, path: calls.append((done, total, path)),
                          cancelled=lambda: len(calls) >= 2)
    assert calls == [(0, 3, paths[0]), (1, 3, paths[1])]
    assert report.cancelled and [r.outcome for r in report.results] == ["imported", "unchanged"]
    assert report.to_dict()["not_processed"] == 1


def test_export_refuses_text_a_cell_cannot_hold_and_writes_nothing(tmp_path, post):
    store, post_id = post
    target = tmp_path / "a.xlsx"
    # The store refuses such text (test_cli_answers.py); a database written before it did may hold some,
    # so the row is put in raw here, and the export must still refuse it.
    store.upsert_answer_row(post_id, Answer("OPS-02", level=2, evidence_text="😀" * 16_384))
    with pytest.raises(ExportError, match=r"OPS-02, evidence: the text is 32,768 characters long"):
        export_assessment(store, post_id, target)
    store.upsert_answer_row(post_id, Answer("OPS-02", level=2, notes="copied from a PDF\x0c page 2"))
    with pytest.raises(ExportError, match=r"OPS-02, notes: .*U\+000C"):
        export_assessment(store, post_id, target)
    assert not target.exists() and list(tmp_path.glob("*.part")) == []


def test_a_failed_export_leaves_the_earlier_file_and_no_temporary_one(tmp_path, post, monkeypatch):
    store, post_id = post
    target = export(store, post_id, tmp_path / "a.xlsx")
    before = target.read_bytes()

    def disk_full(self, path):
        Path(path).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("openpyxl.Workbook.save", disk_full)
    with pytest.raises(ExportError, match="the disk is full"):
        export_assessment(store, post_id, target)
    assert target.read_bytes() == before and [p.name for p in tmp_path.iterdir() if "a" in p.stem] == ["a.xlsx"]


def test_export_seals_the_revision_and_a_change_during_export_raises_it(tmp_path, post):
    store, post_id = post
    export(store, post_id, tmp_path / "a.xlsx")
    store.save_answer(post_id, Answer("OPS-02", level=3))
    assert store.assessment(post_id).revision == 2
    taken = snapshot(store, post_id)
    store.save_answer(post_id, Answer("OPS-02", level=4))  # while the file was being written
    seal_after_export(store, post_id, taken.assessment.revision, taken.assessment.updated_at)
    assert store.assessment(post_id).revision == 3


def test_export_all_writes_one_valid_file_name_each_and_can_be_cancelled(tmp_path, post, mini_form):
    store, _ = post
    awkward_assessment(store, mini_form, language_site="CON")
    awkward_assessment(store, mini_form, language_site='Safwan / "north" gate?')
    paths = export_all(store, tmp_path / "out", "ar")
    assert len(paths) == 3 and all(p.exists() for p in paths)
    assert {p.name for p in paths} >= {"site-CON_2026-11-20_mini_2.xlsx", "Safwan-north-gate_2026-11-20_mini_3.xlsx"}
    assert file_name("إبراهيم الخليل", "2026-11-20", "mini", 1) == "إبراهيم-الخليل_2026-11-20_mini_1.xlsx"
    stopped = export_all(store, tmp_path / "again", cancelled=lambda: len(list((tmp_path / "again").iterdir())) >= 1)
    assert len(stopped) == 1


def test_command_line_export_and_import(tmp_path, post, capsys):
    store, post_id = post
    db = str(store.path)
    out = tmp_path / "cli.xlsx"
    assert main(["--db", db, "--lang", "ar", "export", str(post_id), "-o", str(out)]) == 0
    assert main(["--db", db, "export", str(post_id), "-o", str(out), "--lang", "ckb"]) == 0
    assert capsys.readouterr().out.splitlines() == [str(out), str(out)]
    code = main(["--db", str(tmp_path / "hq.sqlite"), "import", str(out), "--json"])
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["counts"]["imported"] == 1 and report["files"][0]["edited_outside"] is False
    for args, message in (([str(post_id), "-o", str(tmp_path / "x.csv")], "must end in .xlsx"),
                          (["99", "-o", str(out)], "no assessment 99"),
                          (["-o", str(out)], "either an assessment ID or --all"),
                          ([str(post_id), "-o", str(out), "--lang", "fr"], "not 'fr'")):
        assert main(["--db", db, "export", *args]) == 2
        err = capsys.readouterr().err
        assert message in err and err.count("\n") == 1 and "Traceback" not in err
    store.upsert_answer_row(post_id, Answer("OPS-02", level=2, notes="bell\x07"))  # from before the store refused it
    assert main(["--db", db, "export", str(post_id), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "OPS-02, notes" in err and err.count("\n") == 1


def test_edits_in_an_arabic_workbook_are_read_in_arabic(tmp_path, post, hq):
    store, post_id = post
    path = export(store, post_id, tmp_path / "ar.xlsx", "ar")
    confidence = at("confidence", 5)
    edit(path, {("الإجابات", "D3"): "لا ينطبق", ("ملخص", "B3"): "منفذ إبراهيم الخليل",
                ("الإجابات", confidence): "عالية"})
    result = one(hq, path)
    assert sorted(result.changed_cells) == ["الإجابات!D3", f"الإجابات!{confidence}", "ملخص!B3"]
    answers = hq.answers(result.assessment_id)
    assert (answers["REG-01"].level, answers["REG-01"].special) == (None, "na")
    assert answers["OPS-01"].confidence == "high"
    assert hq.assessment(result.assessment_id).site.name == "منفذ إبراهيم الخليل"


def test_every_sheet_name_is_one_excel_accepts():
    from hbm_assess.exchange.layout import LANGUAGES, MACHINE_SHEET, sheet_title, valid_sheet_name

    keys = ("summary", "answers", "gaps", "plan", "contributions")
    names = [sheet_title(key, language) for key in keys for language in LANGUAGES] + [MACHINE_SHEET]
    assert all(valid_sheet_name(name) for name in names)
    assert not valid_sheet_name("Plan: 2027") and not valid_sheet_name("x" * 32) and not valid_sheet_name("History")
    for language in LANGUAGES:
        assert len({sheet_title(key, language) for key in keys}) == len(keys)


def test_an_export_full_of_long_repetitive_text_imports_again(tmp_path, mini_form):
    # Hypothesis found it: the app's own workbook refused by its own import as "compressed 288 to 1 ... a zip bomb".
    post = Store.open(tmp_path / "post.sqlite")
    longest = "x" * 32_767
    answers = [Answer(i.id, level=3, evidence_text=longest, notes=longest, evidence_reference=longest)
               for i in mini_form.indicators()]
    made = post.create_assessment(Assessment("mini", "1.0", Site("Safwan", "IQ"), notes=longest), mini_form, answers)
    path = export(post, made, tmp_path / "long.xlsx")
    hq = Store.open(tmp_path / "hq.sqlite")
    [result] = import_paths(hq, [path]).results
    assert result.outcome == "imported", result.message
    assert all(a.notes == longest for a in hq.answers(result.assessment_id).values())
