"""An answer shown as saved is on disk, whatever else opens the database (the trust issue).

Real processes: a child saves, reports and is killed with SIGKILL after other connections
(in-process workers, another program) opened the same file; another program holds the
write lock while the store saves; two programs open a new database at once.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from tools import IN_CI

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.storage import schema
from hbm_assess.storage.database import APPLICATION_ID, NotADatabase, connect
from hbm_assess.storage.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL and fork-free subprocesses")

ROOT = Path(__file__).parent.parent
OUTSIDE_READER = ("import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
                  "c.execute('SELECT count(*) FROM answers').fetchall(); c.close()")
# The same other program on an encrypted database: it knows the passphrase (HBM_ASSESS_PASSPHRASE).
OUTSIDE_CIPHER_READER = ("import os, sys; from sqlcipher3 import dbapi2; c = dbapi2.connect(sys.argv[1]); "
                         "c.execute(\"PRAGMA key = '\" + os.environ['HBM_ASSESS_PASSPHRASE'] + \"'\"); "
                         "c.execute('SELECT count(*) FROM answers').fetchall(); c.close()")
PASSPHRASE = "trust me with this"

CHILD = r"""
import os, signal, subprocess, sys
from pathlib import Path
from hbm_assess.core.assessment import Answer
from hbm_assess.operations import add_demo_assessments
from hbm_assess.storage.store import Store

db, variant, scratch = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
if os.environ.get("HBM_ASSESS_PASSPHRASE"):  # as the command line does with it
    from hbm_assess.storage import encryption
    encryption.remember(db, os.environ["HBM_ASSESS_PASSPHRASE"])
store = Store.open(db)
aid = add_demo_assessments(store, 1)[0]
indicator = sorted(store.answers(aid))[0]
# What a worker of the window does: its own store on the same file, opened and closed.
worker = Store.open(db)
if variant == "export":
    from hbm_assess.exchange.export import export_assessment
    export_assessment(worker, aid, scratch / "out.xlsx")
elif variant == "import":
    from hbm_assess.exchange.export import export_assessment
    from hbm_assess.exchange.importing import import_paths
    export_assessment(worker, aid, scratch / "again.xlsx")
    import_paths(worker, [scratch / "again.xlsx"])
elif variant == "report":
    from hbm_assess.ui.report import ensure_application, write_report
    ensure_application()
    write_report(worker, aid, scratch / "report.pdf")
worker.close()
# Another program reads the database and closes it: it must not think it is the last one.
subprocess.run([sys.executable, "-c", sys.argv[4], str(db)], check=True)
store.save_answer(aid, Answer(indicator, level=1, notes="reported saved"))
print(aid, indicator, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _environment(passphrase: str | None = None) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("HBM_ASSESS_PASSPHRASE", None)
    if passphrase:
        env["HBM_ASSESS_PASSPHRASE"] = passphrase
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))
    return env


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
@pytest.mark.parametrize("variant", ["second-store", "export", "import", "report"])
def test_an_answer_reported_saved_survives_sigkill_after_other_connections(tmp_path, variant, encrypted):
    from hbm_assess.storage import encryption

    db = tmp_path / "field.sqlite"
    passphrase = PASSPHRASE if encrypted else None
    reader = OUTSIDE_CIPHER_READER if encrypted else OUTSIDE_READER
    child = subprocess.run([sys.executable, "-c", CHILD, str(db), variant, str(tmp_path), reader],
                           capture_output=True, text=True, env=_environment(passphrase), timeout=120)
    assert child.returncode == -9, child.stderr
    assessment_id, indicator = child.stdout.split()
    if encrypted:
        encryption.remember(db, PASSPHRASE)
    try:
        reopened = Store.open(db)
        answer = reopened.answers(int(assessment_id)).get(indicator)
        reopened.close()
    finally:
        encryption.forget(db)
    assert answer is not None and answer.level == 1 and answer.notes == "reported saved"
    if encrypted:
        assert b"reported saved" not in db.read_bytes() and b"Ibrahim Khalil" not in db.read_bytes()


def _hold_write_lock(db: Path, seconds: float, mode: str = "") -> subprocess.Popen:
    """Another program that takes the write lock, says so, holds it, then commits."""
    code = textwrap.dedent(f"""
        import sqlite3, sys, time
        c = sqlite3.connect(sys.argv[1], isolation_level=None)
        {"c.execute('PRAGMA locking_mode = EXCLUSIVE')" if mode == "exclusive" else ""}
        c.execute('BEGIN EXCLUSIVE' if {mode == "exclusive"} else 'BEGIN IMMEDIATE')
        c.execute("UPDATE assessments SET notes = 'touched by another program'")
        print('locked', flush=True)
        time.sleep({seconds})
        c.execute('COMMIT')
        {"time.sleep(" + str(seconds) + ")" if mode == "exclusive" else ""}
        c.close()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "locked"
    return holder


def test_a_save_waits_for_another_programs_write_and_succeeds(store, mini_assessment):
    # It used to fail at once with "database is locked": a deferred transaction that reads
    # first cannot wait for the write lock in WAL mode.
    store.answers(mini_assessment)  # the connection has read before, as the window's has
    holder = _hold_write_lock(store.path, 2.0)
    started = time.monotonic()
    store.save_answer(mini_assessment, Answer("REG-01", level=4, evidence_text="seen"))
    waited = time.monotonic() - started
    assert holder.wait(timeout=30) == 0
    assert waited > 1.0, "the save should have waited for the other program's transaction"
    check = Store.open(store.path)
    assert check.answers(mini_assessment)["REG-01"].level == 4
    check.close()


def test_two_programs_opening_a_new_database_at_once_both_succeed(tmp_path):
    code = textwrap.dedent("""
        import sys, time
        from hbm_assess.storage.store import Store
        start = float(sys.argv[2])
        while time.time() < start:
            pass
        Store.open(sys.argv[1]).close()
    """)
    for attempt in range(6):
        db = tmp_path / f"new-{attempt}.sqlite"
        start = time.time() + 1.5
        children = [subprocess.Popen([sys.executable, "-c", code, str(db), str(start)], env=_environment(),
                                     stderr=subprocess.PIPE, text=True) for _ in range(3)]
        for child in children:
            _, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
    conn = sqlite3.connect(tmp_path / "new-0.sqlite")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    conn.close()
    assert not list(tmp_path.glob("*.bak")), "a new database has nothing to back up"


def _cli(*args, cwd: Path | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hbm_assess", *map(str, args)], capture_output=True, text=True,
                          env=_environment(), cwd=cwd, timeout=timeout)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def _workbook(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    book.active["A1"] = "my own work"
    book.save(path)
    return path


@pytest.mark.parametrize("kind", ["workbook", "pdf", "text", "folder"])
def test_db_on_something_else_is_refused_untouched(tmp_path, kind):
    # "--db mywork.xlsx list" used to move the workbook aside and put an empty database in its place.
    target = {
        "workbook": lambda: _workbook(tmp_path / "mywork.xlsx"),
        "pdf": lambda: (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7\n" + b"x" * 3000 + b"\n%%EOF\n")
        and tmp_path / "report.pdf",
        "text": lambda: (tmp_path / "notes.txt").write_text("Safwan: queue of 300 people\n") and tmp_path / "notes.txt",
        "folder": lambda: (tmp_path / "folder").mkdir() or tmp_path / "folder",
    }[kind]()
    before = _files(tmp_path)
    for command in (["list"], ["demo"]):
        result = _cli("--db", target, *command)
        assert result.returncode == 2, result.stdout
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        assert str(target) in result.stderr
    assert _files(tmp_path) == before
    assert not list(tmp_path.glob("*.damaged-*"))
    if kind == "workbook":
        assert "an Excel workbook" in result.stderr and "Import" in result.stderr


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path):
    other = tmp_path / "inventory.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE stock (item TEXT, count INTEGER)")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    with pytest.raises(NotADatabase, match="another program"):
        Store.open(other)
    assert other.read_bytes() == before
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def _dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.mark.slow
def test_screenshots_never_write_to_the_database_they_show(tmp_path):
    # It used to add a fictional "Erbil" workshop to the user's database at every run.
    db = tmp_path / "hq.sqlite"
    assert _cli("--db", db, "demo", "--count", "3").returncode == 0
    before = _dump(db)
    result = _cli("--db", db, "screenshots", tmp_path / "shots", timeout=300)
    assert result.returncode == 0, result.stderr
    assert list((tmp_path / "shots").glob("*.png"))
    assert _dump(db) == before


@pytest.mark.slow
def test_a_database_locked_by_another_program_is_busy_not_damaged(tmp_path):
    db = tmp_path / "held.sqlite"
    assert _cli("--db", db, "demo").returncode == 0
    holder = _hold_write_lock(db, 14.0, mode="exclusive")
    try:
        started = time.monotonic()
        result = _cli("--db", db, "list")
        waited = time.monotonic() - started
    finally:
        holder.kill()
        holder.wait()
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "in use by another program" in result.stderr and "has not been changed" in result.stderr
    assert waited > 5, "the command should wait for the lock before giving up"
    assert not list(tmp_path.glob("*.damaged-*"))
    assert _cli("--db", db, "list").returncode == 0


def test_every_way_of_opening_runs_with_full_sync_and_wal(tmp_path, mini_form):
    from hbm_assess.storage.portfolio_selection import reader

    def check(conn: sqlite3.Connection) -> None:
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000

    new = Store.open(tmp_path / "new.sqlite")
    new.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Trebil", "IQ")), mini_form)
    check(new.db.conn)
    check(reader(new).db.conn)
    new.close()
    reopened = Store.open(tmp_path / "new.sqlite")
    check(reopened.db.conn)
    reopened.close()
    old = tmp_path / "old.sqlite"
    old.write_bytes((Path(__file__).parent / "fixtures" / "schema-v1.sqlite").read_bytes())
    migrated = Store.open(old)
    assert migrated.open_report.migrated_from == 1
    check(migrated.db.conn)
    migrated.close()
    check(connect(tmp_path / "new.sqlite"))


def test_exported_workbooks_get_the_users_usual_permissions(tmp_path, store, mini_assessment):
    from hbm_assess.exchange.export import export_assessment

    previous = os.umask(0o022)
    try:
        path = export_assessment(store, mini_assessment, tmp_path / "out.xlsx")
    finally:
        os.umask(previous)
    assert path.stat().st_mode & 0o777 == 0o644


def test_list_into_a_closed_pipe_ends_quietly(tmp_path):
    db = tmp_path / "many.sqlite"
    assert _cli("--db", db, "demo", "--count", "150").returncode == 0
    result = subprocess.run(f"'{sys.executable}' -m hbm_assess --db '{db}' list --json | head -c 10",
                            shell=True, capture_output=True, text=True, env=_environment(), timeout=120)
    assert len(result.stdout) == 10
    assert result.stderr == ""


def test_file_names_where_folders_belong_are_refused_with_one_line(tmp_path):
    db = tmp_path / "d.sqlite"
    assert _cli("--db", db, "demo").returncode == 0
    (tmp_path / "file.txt").write_text("keep me")
    result = _cli("--db", db, "export", "--all", "-o", tmp_path / "file.txt")
    assert result.returncode == 2 and result.stderr.count("\n") == 1 and "folder" in result.stderr
    result = _cli("--db", db, "screenshots", tmp_path / "file.txt")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert (tmp_path / "file.txt").read_text() == "keep me"
    assert _cli("--db", db, "export", "--all", "-o", tmp_path / "all.xlsx").returncode == 2
    assert not (tmp_path / "all.xlsx").exists()


@pytest.fixture
def small_disk(tmp_path):
    """A 2 MB file system of its own (tmpfs), to fill up."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        reason = f"cannot mount a small tmpfs to fill up (needs root): {done.stderr.decode().strip()}"
        if IN_CI:
            pytest.fail(f"CI=true: {reason}", pytrace=False)
        pytest.skip(reason)
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def _fill(disk: Path) -> None:
    """Fill the file system to the last byte."""
    fd = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 512)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remount_read_only(disk: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)


def test_a_report_onto_a_full_disk_keeps_the_old_pdf(tmp_path, small_disk):
    # It used to leave a truncated PDF in place of the old one and exit 0.
    db = tmp_path / "d.sqlite"
    assert _cli("--db", db, "demo").returncode == 0
    old = small_disk / "report.pdf"
    old.write_bytes(b"%PDF-1.7\n" + b"the report printed last week\n" * 10 + b"%%EOF\n")
    _fill(small_disk)
    result = _cli("--db", db, "report", "1", "-o", old)
    assert result.returncode != 0
    assert result.stderr.count("\n") == 1 and "the disk is full" in result.stderr, result.stderr
    assert old.read_bytes().startswith(b"%PDF-1.7\nthe report printed last week")
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "report.pdf"]


def test_an_upgrade_on_a_full_disk_leaves_no_empty_backup_and_says_so(small_disk):
    # It used to leave a 0-byte backup and end in a traceback.
    db = small_disk / "old.sqlite"
    db.write_bytes((Path(__file__).parent / "fixtures" / "schema-v1.sqlite").read_bytes())
    before = db.read_bytes()
    _fill(small_disk)
    result = _cli("--db", db, "list")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    assert "the disk is full" in result.stderr and "Traceback" not in result.stderr
    assert not [p for p in small_disk.iterdir() if p.name.endswith((".bak", ".tmp"))]
    assert db.read_bytes() == before


def test_a_database_on_read_only_media_reads_and_refuses_to_write(tmp_path, small_disk):
    # export used to write the workbook and then fail with a traceback.
    db = small_disk / "d.sqlite"
    assert _cli("--db", db, "demo", "--count", "2").returncode == 0
    _remount_read_only(small_disk)
    listed = _cli("--db", db, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    assert len(__import__("json").loads(listed.stdout)) == 2
    assert _cli("--db", db, "report", "1", "-o", tmp_path / "r.pdf").returncode == 0
    exported = _cli("--db", db, "export", "1", "-o", tmp_path / "x.xlsx")
    assert exported.returncode == 2 and "read-only" in exported.stderr and exported.stderr.count("\n") == 1
    assert not (tmp_path / "x.xlsx").exists()
    assert _cli("--db", db, "demo").returncode == 2
