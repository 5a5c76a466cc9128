"""Killing an import in the middle of a batch: the database is intact and holds whole assessments only."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from workbooks import export

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.exchange.hashing import content_hash, form_hash
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage import encryption
from hbm_assess.storage.database import connect
from hbm_assess.storage.encryption import PASSPHRASE_ENV
from hbm_assess.storage.exchange_records import snapshot
from hbm_assess.storage.store import Store

FILES = 60

pytestmark = [pytest.mark.slow, pytest.mark.skipif(os.name != "posix", reason="needs SIGKILL")]


@pytest.fixture(scope="module")
def folder(tmp_path_factory, mini_form):
    """A folder of exports, and the content hash each one must arrive with."""
    folder = tmp_path_factory.mktemp("batch")
    store = Store.open(folder.parent / "posts.sqlite")
    expected = {}
    for n in range(FILES):
        assessment_id = store.create_assessment(
            Assessment(mini_form.id, mini_form.version, Site(f"Post {n:02}", "IQ"), date="2026-05-01"), mini_form,
            [Answer(ind.id, level=1 + (n + i) % 5, notes=f"post {n} indicator {i} " * 20)
             for i, ind in enumerate(mini_form.indicators())])
        export(store, assessment_id, folder / f"post-{n:02}.xlsx")
        data = snapshot(store, assessment_id)
        expected[data.assessment.uuid] = _hash(store, data)
    store.close()
    return folder, expected


def _import_until_killed(db: Path, folder: Path, after_lines: int, delay: float, passphrase: str | None = None
                         ) -> list[str]:
    """Run the command-line import in a child process and SIGKILL it after it reported some files."""
    env = {key: value for key, value in os.environ.items() if key != PASSPHRASE_ENV}
    if passphrase:
        env[PASSPHRASE_ENV] = passphrase
    child = subprocess.Popen([sys.executable, "-m", "hbm_assess", "--db", str(db), "import", str(folder)],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env)
    reported = []
    for line in child.stdout:
        reported.append(line)
        if len(reported) >= after_lines:
            break
    time.sleep(delay)  # so the kill also lands inside a file's transaction, not only between files
    child.send_signal(signal.SIGKILL)
    child.wait()
    child.stdout.close()
    return reported


def _hash(store, data) -> str:
    a = data.assessment
    return content_hash(a, data.answers, data.actions, form_hash(store.form(a.form_id, a.form_version)))


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_kill_in_the_middle_of_a_batch_leaves_whole_assessments_only(tmp_path, folder, encrypted):
    folder, expected = folder
    db = tmp_path / "hq.sqlite"
    passphrase = "kill me gently" if encrypted else None
    if encrypted:
        encryption.remember(db, passphrase)
    reported_files = set()
    rng = random.Random(11)
    for after_lines in (3, 8, 14, 21, 29):
        started = time.perf_counter()
        lines = _import_until_killed(db, folder, after_lines, rng.uniform(0, 0.03), passphrase)
        assert time.perf_counter() - started < 30
        reported_files |= {line.split()[1] for line in lines if line.startswith(("imported", "unchanged"))}
        conn = connect(db)
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        stored = conn.execute("SELECT count(*) FROM assessments").fetchone()[0]
        conn.close()
        assert stored < FILES, (f"killed after {len(lines)} lines with {stored} of {FILES} assessments stored: "
                                "the child must be killed before it finished, or the test proves nothing")

    store = Store.open(db)
    assert store.open_report.moved_aside is None
    rows = store.list_assessments()
    by_site = {row.site_name: row.id for row in rows}
    for path in reported_files:
        assert f"Post {Path(path).stem[-2:]}" in by_site, f"{path} was reported imported but is missing"
    for row in rows:
        data = snapshot(store, row.id)
        assert _hash(store, data) == expected[row.uuid], "partial assessment"
    assert len({row.uuid for row in rows}) == len(rows), "no file was imported twice"
    finished = [r.outcome for r in import_paths(store, [folder]).results]
    assert finished.count("unchanged") == len(rows) and finished.count("imported") == FILES - len(rows)
    store.close()
    if encrypted:
        encryption.forget(db)
        assert b"Post 0" not in db.read_bytes()
