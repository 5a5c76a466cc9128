"""Nothing reported as saved is lost when the process dies: real processes, killed with SIGKILL."""

import os
import random
import select
import signal
import sqlite3
import time

import pytest

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.storage import encryption
from hbm_assess.storage.database import connect
from hbm_assess.storage.store import Store

KILLS = 300
# Each child opens the encrypted database once, and SQLCipher's page encryption slows every save:
# fewer kills keep the encrypted run about as long as the plain one.
KILLS_ENCRYPTED = 150

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() to start many processes quickly")


def _child(path, assessment_id, run, write_fd):
    """Save answers forever, writing each one's token to the pipe only after its commit returned."""
    try:
        store = Store.open(path)
        for i in range(1_000_000):
            token = f"{run}-{i}"
            store.save_answer(assessment_id, Answer("REG-01", level=1 + i % 5, notes=token, group=token))
            os.write(write_fd, (token + "\n").encode())
    finally:
        os._exit(0)


def _read_line(fd, timeout: float) -> str:
    """The first token a child reported; the test fails if none comes within ``timeout`` seconds."""
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        remaining = deadline - time.monotonic()
        assert remaining > 0 and select.select([fd], [], [], remaining)[0], "the child reported no save"
        chunk = os.read(fd, 1)
        assert chunk, "the child ended without reporting a save"
        data += chunk
    return data.decode().strip()


def _read_all(fd) -> str:
    chunks = []
    while select.select([fd], [], [], 0)[0]:
        data = os.read(fd, 65536)
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks).decode()


@pytest.mark.slow
@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "encrypted"])
def test_every_reported_save_survives_sigkill(tmp_path, mini_form, encrypted):
    path = tmp_path / "crash.sqlite"
    kills = KILLS
    if encrypted:  # the forked children inherit the passphrase, as the window's workers share it
        encryption.remember(path, "durable passphrase")
        kills = KILLS_ENCRYPTED
    store = Store.open(path)
    assessment_id = store.create_assessment(
        Assessment(mini_form.id, mini_form.version, Site("Safwan", "IQ")), mini_form
    )
    store.close()
    rng = random.Random(7)
    reported: list[str] = []
    for run in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            _child(path, assessment_id, run, write_fd)
        os.close(write_fd)
        # Kill only once the child has reported a save, then at a random moment of its next ones:
        # what is checked is every save it reported, however loaded the machine is.
        first = _read_line(read_fd, timeout=60)
        time.sleep(rng.uniform(0.0, 0.06))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        reported += [first, *_read_all(read_fd).split()]
        os.close(read_fd)
    assert len(reported) >= kills

    conn = connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    stored = {row[0] for row in conn.execute("SELECT notes FROM answers WHERE assessment_id = ?", (assessment_id,))}
    conn.close()
    missing = [token for token in reported if token not in stored]
    assert not missing, f"{len(missing)} saves reported but lost, e.g. {missing[:5]}"
    reopened = Store.open(path)
    assert reopened.open_report.moved_aside is None
    reopened.close()
    if encrypted:
        assert b"Safwan" not in path.read_bytes()
        encryption.forget(path)
        with pytest.raises(sqlite3.DatabaseError):
            sqlite3.connect(path).execute("SELECT count(*) FROM answers").fetchall()
