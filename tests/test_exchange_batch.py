"""Every file of an import is its own world: whatever one file does, the others go in and the report comes out."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile_workbooks import CASES, build_corpus
from workbooks import awkward_assessment, export, run_cli

from hbm_assess.cli import main
from hbm_assess.exchange import importing
from hbm_assess.exchange.import_results import printable
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage.store import Store

TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def good(tmp_path_factory, mini_form) -> Path:
    folder = tmp_path_factory.mktemp("good")
    source = Store.open(folder / "source.sqlite")
    path = export(source, awkward_assessment(source, mini_form), folder / "good.xlsx")
    source.close()
    return path


def test_a_cell_at_XFD1048576_is_refused_without_the_process_dying(good, tmp_path):
    """Before: calamine allocated 549,755,813,888 bytes and the process aborted (exit 134), later files unread."""
    [(case, far)] = [(c, p) for c, p in build_corpus(good, tmp_path / "corpus") if c.name == "far-cell-XFD1048576"]
    later = tmp_path / "corpus" / "zz-later.xlsx"
    later.write_bytes(good.read_bytes())
    run = run_cli("--db", str(tmp_path / "hq.sqlite"), "import", str(far), str(later))
    assert run.returncode == 1, (run.returncode, run.stdout[-500:], run.stderr[-500:])
    assert case.message in run.stdout and "Traceback" not in run.stdout + run.stderr
    assert "imported   " in run.stdout and run.stdout.splitlines()[-1] == "2 files: 1 imported, 1 rejected"


def test_a_failure_while_storing_is_that_files_rejection_and_the_batch_goes_on(good, tmp_path, monkeypatch, store):
    """Before: only sqlite3.Error was caught while storing; a ValueError there ended the whole import."""
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    first.write_bytes(good.read_bytes())
    second.write_bytes(good.read_bytes())
    real = importing.records.insert_imported
    calls = []

    def fails_once(*args, **kwargs):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("a bug in the store")
        return real(*args, **kwargs)

    monkeypatch.setattr(importing.records, "insert_imported", fails_once)
    report = import_paths(store, [first, second])
    assert [r.outcome for r in report.results] == ["rejected", "imported"]
    message = report.results[0].message
    assert "ValueError" in message and "please report it" in message and "nothing was stored" in message
    assert len(store.list_assessments()) == 1, "the failed file left nothing behind"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_fifo_named_like_a_workbook_is_refused_at_once(tmp_path, capsys):
    """Before: opening the FIFO waited forever for a writer and the import hung."""
    os.mkfifo(tmp_path / "a.xlsx")
    code = (f"from hbm_assess.cli import main; raise SystemExit(main(['--db', {str(tmp_path / 'hq.sqlite')!r}, "
            f"'import', {str(tmp_path)!r}]))")
    started = time.perf_counter()
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=TESTS.parent)
    assert time.perf_counter() - started < 30
    assert run.returncode == 1 and "named pipe (FIFO), not a file" in run.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="Windows file names are UTF-16, never undecodable bytes")
def test_a_file_name_in_another_encoding_is_imported_and_shown_escaped(good, tmp_path, capfdbinary):
    """Before: a CP1256 name was refused as missing, and printing its result crashed after the commit."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    name = "إبراهيم".encode("cp1256") + b".xlsx"  # as a Windows zip tool in Arabic writes it
    (os.fsencode(inbox) + b"/" + name).decode("utf-8", "surrogateescape")
    with open(os.fsencode(inbox) + b"/" + name, "wb") as handle:
        handle.write(good.read_bytes())
    assert main(["--db", str(tmp_path / "hq.sqlite"), "import", str(inbox)]) == 0
    out = capfdbinary.readouterr().out.decode("utf-8")
    assert "imported " in out and "\\xc5\\xc8\\xd1" in out
    assert main(["--db", str(tmp_path / "hq2.sqlite"), "import", str(inbox), "--json"]) == 0
    report = json.loads(capfdbinary.readouterr().out.decode("utf-8"))
    assert report["counts"]["imported"] == 1 and "\\xc5" in report["files"][0]["path"]


def test_an_unreadable_folder_is_a_problem_not_silence(good, tmp_path, monkeypatch, capsys):
    """Before: os.walk skipped a folder it could not read and the import said nothing, exit 0."""
    inbox = tmp_path / "inbox"
    (inbox / "locked").mkdir(parents=True)
    (inbox / "a.xlsx").write_bytes(good.read_bytes())
    real = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)).name == "locked":
            raise PermissionError(13, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as for a folder without read permission (tests run as root)
    code = main(["--db", str(tmp_path / "hq.sqlite"), "import", str(inbox)])
    out = capsys.readouterr().out
    assert code == 1
    # The glossary's reason, not the system's text (#16).
    assert f"rejected   {inbox / 'locked'} — the folder cannot be read (permission denied); " in out
    assert "1 imported" in out


def test_a_linked_folder_is_followed_once_and_a_loop_is_named(good, tmp_path):
    """Before: a linked folder was skipped without a word; following links blindly would loop forever."""
    outside = tmp_path / "from-usb"
    outside.mkdir()
    (outside / "b.xlsx").write_bytes(good.read_bytes())
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.xlsx").write_bytes(good.read_bytes())
    (inbox / "usb").symlink_to(outside, target_is_directory=True)
    (outside / "back").symlink_to(inbox, target_is_directory=True)  # a loop: inbox/usb/back is inbox
    entries = importing.collect([inbox])
    files = [p for p, skip in entries if not skip]
    assert files == [inbox / "a.xlsx", inbox / "usb" / "b.xlsx"]
    [loop] = [(p, skip) for p, skip in entries if skip]
    assert loop[0] == inbox / "usb" / "back" and "already imported through another path" in str(loop[1])


def test_terminal_output_escapes_control_characters(good, tmp_path, capsys, mini_form):
    """Before: list and import printed a site's escape sequences raw, so a file could drive the terminal."""
    db = tmp_path / "hq.sqlite"
    store = Store.open(db)
    sneaky = "Safwan\x9b31m red\u2028line"  # C1 CSI and a line separator: legal in XML, not on a terminal
    awkward_assessment(store, mini_form, language_site=sneaky)
    store.close()
    assert main(["--db", str(db), "list"]) == 0
    out = capsys.readouterr().out
    assert "\x9b" not in out and "\u2028" not in out and "Safwan\\x9b31m red\\u2028line" in out
    assert printable("bell\x07 esc\x1b[2J") == "bell\\x07 esc\\x1b[2J"


def test_a_folder_of_every_hostile_case_and_50_good_files_imports_the_50_and_names_every_other(
        good, tmp_path, mini_form):
    """The issue's closing check: nothing hostile stops the batch, nothing good is lost, every refusal says why."""
    inbox = tmp_path / "inbox"
    made = build_corpus(good, inbox / "hostile")
    source = Store.open(tmp_path / "posts.sqlite")
    for n in range(50):
        post = awkward_assessment(source, mini_form, language_site=f"Post {n:02d}")
        export(source, post, inbox / f"post-{n:02d}.xlsx")
    source.close()
    db = tmp_path / "hq.sqlite"
    run = run_cli("--db", str(db), "import", str(inbox), "--json")
    report = json.loads(run.stdout)
    assert run.returncode == 1 and run.stderr == ""
    by_name = {Path(entry["path"]).name: entry for entry in report["files"]}
    assert report["counts"]["imported"] == 50 and report["counts"]["rejected"] == len(CASES)
    assert all(by_name[f"post-{n:02d}.xlsx"]["outcome"] == "imported" for n in range(50))
    for case, path in made:
        assert by_name[path.name]["outcome"] == "rejected" and case.message in by_name[path.name]["message"], case.name
        assert "please report" not in by_name[path.name]["message"], case.name
    store = Store.open(db)
    assert len(store.list_assessments()) == 50
    store.close()
