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


# The quick check of a sheet's bounds (regular expressions after expat) must give the streaming
# parser's verdict, message included, on whatever a sheet holds: drawn from the pieces below.
_PIECES = [
    '<row r="{row}">', "</row>", '<c r="{cell}"><v>1</v></c>', "<c><v>1</v></c>", '<c r="{cell}" t="s"/>',
    "<c t='n' r=\"{cell}\"/>", '<c r = "{cell}"/>', '<c r="&#65;{row}"/>', '<x:c xmlns:x="u" r="{cell}"/>',
    '<c r="{cell_lower}"/>', '<c r="$A$1"/>', '<row>', '<row r="0{row}">', '<!-- <c r="{cell}"/> -->',
    '<is><t><![CDATA[<c r="{cell}"/>]]></t></is>', '<dimension ref="A1:{cell}"/>',
    '<cols><col min="1" max="3"/></cols>',
    '<c r="{cell}" x=">"/>',
]


def _sheet(pieces: list[str]) -> bytes:
    body = "".join(pieces)
    return (f'<?xml version="1.0" encoding="UTF-8"?><worksheet><sheetData>{body}</sheetData></worksheet>').encode()


def _verdict(grid_class, data: bytes, chunk: int) -> str:
    from hbm_assess.exchange.safety import WorkbookRejected

    grid = grid_class("xl/worksheets/sheet1.xml")
    try:
        for start in range(0, len(data), chunk):
            grid.feed(data[start:start + chunk])
        grid.close()
    except WorkbookRejected as refused:
        return str(refused)
    return "accepted"


def _cell(column: int, row: int) -> str:
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


@pytest.mark.parametrize("seed", range(300))
def test_the_quick_check_gives_the_streaming_parsers_verdict(seed):
    import random

    from hbm_assess.exchange.safety import _QuickSheetGrid, _SheetGrid

    rng = random.Random(seed)
    pieces = []
    for _ in range(rng.randint(0, 12)):
        column = rng.choice([1, 2, 26, 27, 999, 1000, 1001, 16384])
        row = rng.choice([1, 2, 9, 2500, 9999, 10_000, 10_001, 1_048_576])
        cell = _cell(column, row)
        pieces.append(rng.choice(_PIECES).format(row=row, cell=cell, cell_lower=cell.lower()))
    data = _sheet(pieces)
    chunk = rng.choice([7, 64, 4096, 1 << 20])
    assert _verdict(_QuickSheetGrid, data, chunk) == _verdict(_SheetGrid, data, chunk)


def test_a_plain_sheet_is_measured_by_the_quick_check_and_others_are_not():
    from hbm_assess.exchange.safety import quick_extent

    assert quick_extent(_sheet(['<dimension ref="A1:C9"/>', '<row r="2">', '<c r="B2" t="s"><v>1</v></c>',
                                '<c r="AA12"/>', "</row>"])) == (12, 27)
    assert quick_extent(_sheet(['<row r="2">', "<c><v>1</v></c>", "</row>"])) is None  # a cell without r
    assert quick_extent(_sheet(['<row r="2">', '<c r="&#65;2"/>', "</row>"])) is None  # a character reference
    assert quick_extent(_sheet(['<row r="2">', "<c r='A2'/>", "</row>"])) is None  # single quotes
    assert quick_extent(_sheet(['<row r="2">', '<c r="a2"/>', "</row>"])) is None  # lower case
