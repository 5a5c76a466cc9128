"""Broken and hostile files are rejected with their own message, quickly, leaving the database untouched."""

from __future__ import annotations

import json
import time

import pytest
from hostile_workbooks import CASES, build_corpus
from workbooks import awkward_assessment, database_state, export, run_cli

from hbm_assess.cli import main
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage.store import Store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, mini_form):
    folder = tmp_path_factory.mktemp("hostile")
    source = Store.open(folder / "source.sqlite")
    good = export(source, awkward_assessment(source, mini_form), folder / "good.xlsx")
    source.close()
    return {case.name: path for case, path in build_corpus(good, folder / "corpus")}


@pytest.fixture(scope="module")
def target(tmp_path_factory, mini_form):
    """A database that already holds an assessment, so 'untouched' means something."""
    folder = tmp_path_factory.mktemp("target")
    store = Store.open(folder / "hq.sqlite")
    awkward_assessment(store, mini_form)
    yield store
    store.close()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_each_hostile_file_gets_its_own_rejection_and_changes_nothing(case, corpus, target):
    before = database_state(target.path)
    started = time.perf_counter()
    if case.kills_reader:
        run = run_cli("--db", str(target.path), "import", str(corpus[case.name]), "--json")
        assert run.returncode == 1, run.stderr[-300:]
        [result] = json.loads(run.stdout)["files"]
        outcome, message = result["outcome"], result["message"]
    else:
        [result] = import_paths(target, [corpus[case.name]]).results
        outcome, message = result.outcome, result.message
    elapsed = time.perf_counter() - started
    assert outcome == "rejected", message
    assert case.message in message
    assert "Traceback" not in message and "Error:" not in message and "please report" not in message
    assert elapsed < 5 + 5 * case.kills_reader, f"took {elapsed:.1f} s"
    assert database_state(target.path) == before


def test_the_corpus_is_all_rejected_by_the_command_line_with_exit_status_1(corpus, tmp_path):
    folder = corpus["empty"].parent
    run = run_cli("--db", str(tmp_path / "cli.sqlite"), "import", str(folder))
    out, err = run.stdout, run.stderr
    assert run.returncode == 1 and err == "" and "Traceback" not in out
    assert out.count("rejected ") == len(CASES)
    assert f"{len(CASES)} rejected" in out.splitlines()[-1]


def test_lock_files_and_other_files_are_skipped_with_a_note(tmp_path, store, mini_form, capsys):
    import json

    inbox = tmp_path / "inbox"
    (inbox / "sub").mkdir(parents=True)
    good = export(store, awkward_assessment(store, mini_form), inbox / "good.xlsx")
    (inbox / "~$good.xlsx").write_bytes(b"\x00" * 165)
    (inbox / ".~lock.good.xlsx#").write_text("lock")
    (inbox / "notes.txt").write_text("not a workbook")
    (inbox / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    code = main(["--db", str(tmp_path / "hq.sqlite"), "import", str(inbox), "--json"])

    report = json.loads(capsys.readouterr().out)
    outcomes = {entry["path"].rsplit("/", 1)[-1]: (entry["outcome"], entry["message"]) for entry in report["files"]}
    assert code == 0
    assert outcomes[good.name][0] == "imported"
    assert outcomes["~$good.xlsx"] == ("skipped", outcomes["~$good.xlsx"][1])
    assert "Office lock file" in outcomes["~$good.xlsx"][1] and "Office lock file" in outcomes[".~lock.good.xlsx#"][1]
    assert "not a workbook (.txt)" in outcomes["notes.txt"][1] and outcomes["photo.jpg"][0] == "skipped"
    assert report["counts"]["imported"] == 1 and report["counts"]["skipped"] == 4


def test_a_missing_path_is_rejected_not_a_crash(tmp_path, capsys):
    code = main(["--db", str(tmp_path / "hq.sqlite"), "import", str(tmp_path / "nowhere.xlsx")])
    out, err = capsys.readouterr()
    assert code == 1 and "does not exist" in out and err == ""
