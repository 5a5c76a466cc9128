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


def _random_pieces(rng, kinds: list[str]) -> list[str]:
    """Up to 12 random pieces of a sheet, their cells at the edges of the bounds (inside, on, just past)."""
    pieces = []
    for _ in range(rng.randint(0, 12)):
        column = rng.choice([1, 2, 26, 27, 999, 1000, 1001, 16384])
        row = rng.choice([1, 2, 9, 2500, 9999, 10_000, 10_001, 1_048_576])
        cell = _cell(column, row)
        pieces.append(rng.choice(kinds).format(row=row, cell=cell, cell_lower=cell.lower()))
    return pieces


@pytest.mark.parametrize("seed", range(300))
def test_the_quick_check_gives_the_streaming_parsers_verdict(seed):
    import random

    from hbm_assess.exchange.safety import _QuickSheetGrid, _SheetGrid

    rng = random.Random(seed)
    pieces = _random_pieces(rng, _PIECES)
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


# The starts a writer may give a row or a cell, for the two-pass check (first_r_extent, #20).
_FIRST_R_PIECES = [
    *_PIECES, '<c r="{cell}" s="1" t=\'s\'><v>1</v></c>', '<c\n\tr="{cell}"/>', '<row r="{row}" spans="1:3" '
    'x14ac:dyDescent="0.25">', '<c r="A1" r="{cell}"/>', '<c r="{cell}"x="1"/>', '<x:row r="{row}"/>',
    '<mc:AlternateContent><mc:Choice Requires="x14"/></mc:AlternateContent>', '<dimension ref="{cell}"/>',
    '<dimension ref="A1:{cell}" x="1"/>', "<dimension/>", '<c r="{cell}"', '<ext><x14:c r="{cell}"/></ext>',
]


@pytest.mark.parametrize("seed", range(300))
def test_the_two_pass_extent_is_the_seven_pass_one_where_both_measure(seed):
    """Where first_r_extent measures a well-formed sheet, it finds what quick_extent finds (when that
    measures it) and never less than the streaming parser's furthest row and cell."""
    import random

    from hbm_assess.exchange.safety import (
        WorkbookRejected,
        _SheetGrid,
        _well_formed,
        _within_bounds,
        first_r_extent,
        quick_extent,
    )

    rng = random.Random(seed)
    pieces = _random_pieces(rng, _FIRST_R_PIECES)
    data = _sheet(pieces).replace(b"<worksheet>", b'<worksheet xmlns:x="u" xmlns:x14ac="v" xmlns:mc="w" '
                                  b'xmlns:x14="y">')
    two_pass = first_r_extent(data)
    if two_pass is None or not _well_formed(data):
        return
    seven_pass = quick_extent(data)
    assert seven_pass is None or seven_pass == two_pass
    grid = _SheetGrid("xl/worksheets/sheet1.xml")
    try:
        grid.feed(data, True)
    except WorkbookRejected:  # out of bounds for the streaming parser: so for the two passes too
        assert not _within_bounds(two_pass)
    else:
        assert grid.extent[0] <= two_pass[0] and grid.extent[1] <= two_pass[1]


def test_a_sheet_excel_extended_is_measured_by_the_quick_check(monkeypatch):
    """Excel writes its extensions under prefixes (x14:dataValidations in extLst, mc:AlternateContent):
    the seven-pass check sent every such sheet to the Python-callback parser (#20)."""
    from hbm_assess.exchange import safety

    started = []
    monkeypatch.setattr(safety._SheetGrid, "__init__", lambda grid, part: started.append(part))
    data = _sheet(['<row r="1" spans="1:2" x14ac:dyDescent="0.25">', '<c r="A1" s="1" t="s"><v>0</v></c>',
                   '<c r="B1"><v>2</v></c>', "</row>"]).replace(
        b"</worksheet>", b'<extLst><ext uri="{CCE6A557}" xmlns:x14="x"><x14:dataValidations count="1">'
        b"<x14:dataValidation><xm:sqref xmlns:xm=\"m\">B1</xm:sqref></x14:dataValidation></x14:dataValidations>"
        b"</ext></extLst></worksheet>").replace(b"<worksheet>", b'<worksheet xmlns:x14ac="a">')
    grid = safety._QuickSheetGrid("xl/worksheets/sheet1.xml")
    grid.feed(data)
    grid.close()
    assert started == []
    assert safety.first_r_extent(data) == (1, 2)


@pytest.mark.parametrize("declaration", ['<!DOCTYPE x [<!ENTITY a "b">]>', "<!doctype x>", "<!-- <!ENTITY a 'b'> -->"])
@pytest.mark.parametrize("before", ["", "<c><v>1</v></c>"])  # after an unusual start, too
@pytest.mark.parametrize("kept", [True, False])  # a sheet small enough to keep, or one streamed
def test_a_sheet_that_declares_entities_is_refused_before_any_parser_reads_it(monkeypatch, declaration, before,
                                                                              kept):
    from hbm_assess.exchange import safety

    parsed = []
    monkeypatch.setattr(safety, "_well_formed", lambda data: parsed.append(data) or True)
    monkeypatch.setattr(safety._SheetGrid, "feed", lambda grid, chunk, final=False: parsed.append(chunk))
    if not kept:
        monkeypatch.setattr(safety, "QUICK_CHECK_BYTES", 10)
    body = f'<worksheet><sheetData><row r="1">{before}</row>{declaration}</sheetData></worksheet>'.encode()
    grid = safety._QuickSheetGrid("xl/worksheets/sheet1.xml")
    with pytest.raises(safety.WorkbookRejected, match="declares XML entities"):
        for start in range(0, len(body), 7):
            grid.feed(body[start:start + 7])
        grid.close()
    # A parser may have been given the start of one ("<!DOC"), never the whole: it stops at the next piece.
    assert not safety._DECLARATION.search(b"".join(parsed))
