"""An encrypted database, by choice (SQLCipher): nothing readable on disk, the same app on top.

docs/security.md: a lost or seized laptop must not give away a crossing's weak points. The
planted site name and evidence sentence must appear in no byte of the database, its WAL or
the backups the app makes; a wrong passphrase changes nothing.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from planted import EVIDENCE, SITE, assert_nowhere, planted

from hbm_assess.cli import main
from hbm_assess.storage import encryption
from hbm_assess.storage.database import (
    DatabaseError,
    PassphraseNeeded,
    WrongPassphrase,
    backup,
    connect,
    copy_database,
)
from hbm_assess.storage.encryption import PASSPHRASE_ENV, encrypt_database
from hbm_assess.storage.store import Store

PASSPHRASE = "olive tractor lantern 1914 'quoted'"
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def _no_passphrase_left(monkeypatch):
    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    yield
    encryption._keys.clear()


def files_of(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.name.startswith(path.name) or path.name in p.name)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_an_encrypted_database_holds_nothing_readable_in_the_file_its_wal_and_its_backups(tmp_path, mini_form):
    path = tmp_path / "field.sqlite"
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    assessment_id = planted(store, mini_form)
    wal = path.with_name(path.name + "-wal")
    assert wal.exists() and wal.stat().st_size > 0  # the answers are in the WAL now, not yet in the file
    assert_nowhere(wal.read_bytes(), "the WAL")
    copy = backup(path, tmp_path / "field.sqlite.bak")
    store.close()
    assert not wal.exists()
    assert_nowhere(path.read_bytes(), "the database")
    assert_nowhere(copy.read_bytes(), "the backup")
    assert not path.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(sqlite3.DatabaseError):  # a program without the key sees no database at all
        sqlite3.connect(path).execute("SELECT count(*) FROM sqlite_master").fetchall()
    reopened = Store.open(copy)  # the backup opens with the same passphrase
    assert reopened.answers(assessment_id)["OPS-01"].evidence_text == EVIDENCE
    assert reopened.summary(assessment_id).site_name == SITE
    reopened.close()


def test_the_migration_backup_of_an_encrypted_database_is_encrypted(tmp_path):
    """schema-v1.sqlite holds Trebil and 'Law 76 of 2017'; encrypted, then upgraded as the app opens it."""
    plain = tmp_path / "plain-v1.sqlite"
    shutil.copy(FIXTURES / "schema-v1.sqlite", plain)
    path = tmp_path / "old.sqlite"
    conn = connect(plain, through_sqlcipher=True)
    conn.execute(f"ATTACH DATABASE {encryption.literal(str(path))} AS e KEY {encryption.literal(PASSPHRASE)}")
    conn.execute("SELECT sqlcipher_export('e')")
    conn.execute("PRAGMA e.user_version = 1")
    conn.execute("DETACH DATABASE e")
    conn.close()
    encryption.remember(path, PASSPHRASE)
    opened = Store.open(path)
    report = opened.open_report
    assert report.migrated_from == 1 and report.backup is not None
    assert opened.summary(1).site_name == "Trebil"
    opened.close()
    for file in (path, report.backup):
        data = file.read_bytes()
        assert b"Trebil" not in data and b"Law 76 of 2017" not in data, file
    old = connect(report.backup)  # opened with the passphrase it was written with
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_a_wrong_or_missing_passphrase_is_one_line_and_changes_nothing(tmp_path, mini_form, capsys):
    path = tmp_path / "field.sqlite"
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    planted(store, mini_form)
    store.close()
    encryption.forget(path)
    before = {p.name: digest(p) for p in files_of(path)}
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        Store.open(path)
    encryption.remember(path, "olive tractor lantern 1915")
    with pytest.raises(WrongPassphrase, match="does not open"):
        Store.open(path)
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    for args in (["list"], ["--passphrase-file", wrong, "list"], ["--passphrase-file", wrong, "demo"]):
        code, out, err = run(capsys, "--db", path, *args)
        assert code == 2 and out == "" and len(err.splitlines()) == 1, err
    assert {p.name: digest(p) for p in files_of(path)} == before


def test_a_new_database_is_created_encrypted_from_the_command_line(tmp_path, capsys, monkeypatch):
    path = tmp_path / "new.sqlite"
    monkeypatch.setenv(PASSPHRASE_ENV, PASSPHRASE)
    code, _, err = run(capsys, "--db", path, "demo")
    assert code == 0, err
    code, out, _ = run(capsys, "--db", path, "list")
    assert code == 0 and "Ibrahim Khalil" in out
    assert b"Ibrahim Khalil" not in path.read_bytes()
    monkeypatch.delenv(PASSPHRASE_ENV)
    encryption._keys.clear()
    code, _, err = run(capsys, "--db", path, "list")
    assert code == 2 and "passphrase" in err


def test_encrypt_database_replaces_the_plain_file_and_keeps_every_row(tmp_path, mini_form, capsys):
    path = tmp_path / "field.sqlite"
    store = Store.open(path)
    assessment_id = planted(store, mini_form)
    store.close()
    assert SITE.encode() in path.read_bytes()
    passphrase_file = tmp_path / "passphrase.txt"
    passphrase_file.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", path, "--passphrase-file", passphrase_file, "encrypt-database")
    assert code == 0, err
    assert "now encrypted" in out
    assert [p.name for p in tmp_path.iterdir() if p.name != "passphrase.txt"] == ["field.sqlite"]
    assert_nowhere(path.read_bytes(), "the encrypted database")
    encryption._keys.clear()
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    assert store.answers(assessment_id)["OPS-01"].evidence_text == EVIDENCE
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()
    code, _, err = run(capsys, "--db", path, "--passphrase-file", passphrase_file, "encrypt-database")
    assert code == 2 and "already encrypted" in err


def test_a_failed_check_of_the_encrypted_copy_leaves_the_plain_database_as_it_was(tmp_path, mini_form, monkeypatch):
    path = tmp_path / "field.sqlite"
    store = Store.open(path)
    planted(store, mini_form)
    store.close()
    before = digest(path)

    def fails(temporary, passphrase, counts):
        assert temporary.exists() and not temporary.read_bytes().startswith(b"SQLite format 3")
        raise DatabaseError("the encrypted copy did not pass its integrity check; the plain database was kept")

    monkeypatch.setattr(encryption, "_check_copy", fails)
    with pytest.raises(DatabaseError, match="integrity check"):
        encrypt_database(path, PASSPHRASE)
    assert digest(path) == before and sorted(p.name for p in tmp_path.iterdir()) == ["field.sqlite"]
    assert encryption.key_for(path) is None
    store = Store.open(path)  # still the plain database, opened without a passphrase
    assert store.list_assessments()[0].site_name == SITE
    store.close()


def test_plain_backups_made_before_encryption_are_named(tmp_path, mini_form):
    path = tmp_path / "field.sqlite"
    store = Store.open(path)
    planted(store, mini_form)
    store.close()
    old = backup(path, tmp_path / "field.sqlite.before-v9-20260101-000000.bak")
    assert encrypt_database(path, PASSPHRASE) == [old]


def test_a_copy_of_an_encrypted_database_is_encrypted_and_opens(tmp_path, mini_form):
    path = tmp_path / "field.sqlite"
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    planted(store, mini_form)
    store.close()
    copy = copy_database(path, tmp_path / "copy.sqlite")
    assert_nowhere(copy.read_bytes(), "the copy")
    opened = Store.open(copy)
    assert opened.list_assessments()[0].site_name == SITE
    opened.close()


def test_a_passphrase_is_never_an_argument(capsys):
    with pytest.raises(SystemExit):
        main(["--passphrase", "secret", "list"])
    assert "a passphrase is never given on the command line" in capsys.readouterr().err


# -- the window ----------------------------------------------------------------------------------------------------


def typing(answers: list[str], seen: list[str]):
    """PasswordDialog.exec typing each answer in turn (twice where the dialog asks twice); '' cancels."""

    def exec_(self):
        seen.append(self.layout().itemAt(0).widget().text())  # the explanation above the fields
        answer = answers.pop(0)
        if not answer:
            return self.DialogCode.Rejected
        self.password.setText(answer)
        self.again.setText(answer)
        return self.DialogCode.Accepted

    return exec_


def test_the_window_asks_for_the_passphrase_until_it_opens_or_is_cancelled(qtbot, tmp_path, mini_form, monkeypatch):
    from hbm_assess.ui import passwords

    path = tmp_path / "field.sqlite"
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    planted(store, mini_form)
    store.close()
    encryption.forget(path)
    before = digest(path)
    seen: list[str] = []
    monkeypatch.setattr(passwords.PasswordDialog, "exec", typing(["wrong one", PASSPHRASE], seen))
    opened = passwords.open_store(None, path)
    assert opened.list_assessments()[0].site_name == SITE
    opened.close()
    assert "is encrypted" in seen[0] and "does not open" in seen[1]
    encryption.forget(path)
    monkeypatch.setattr(passwords.PasswordDialog, "exec", typing(["wrong one", ""], seen))
    assert passwords.open_store(None, path) is None
    assert encryption.key_for(path) is None and digest(path) == before


def test_file_encrypt_this_database_swaps_the_open_database_for_an_encrypted_one(window, store, mini_form, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from hbm_assess.ui import passwords

    planted(store, mini_form)
    window.refresh_home()
    path = store.path
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: told.append("WARNING " + text))
    monkeypatch.setattr(passwords.PasswordDialog, "exec", typing([PASSPHRASE], []))
    window.encrypt_this_database()
    assert told and told[-1].startswith("The database is now encrypted"), told
    assert window.store is not store and encryption.key_for(path) == PASSPHRASE
    assert [row.site_name for row in window.store.list_assessments()] == [SITE]
    window.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert_nowhere(path.read_bytes(), "the database encrypted from the window")
    window.encrypt_this_database()
    assert told[-1] == "This database is already encrypted."


def test_a_damaged_encrypted_database_is_moved_aside_still_encrypted_and_a_new_encrypted_one_started(
        tmp_path, mini_form):
    from hbm_assess.core.assessment import Answer

    path = tmp_path / "field.sqlite"
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    assessment_id = planted(store, mini_form)
    for i in range(200):  # pages enough to damage past the first few
        store.save_answer(assessment_id, Answer("REG-01", level=1 + i % 5, group=f"g{i}", notes="x" * 500))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096 + 100, len(data) - 4096, 4096):
        data[offset:offset + 4000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    reopened = Store.open(path)
    moved = reopened.open_report.moved_aside
    assert moved is not None and reopened.list_assessments() == []
    reopened.close()
    assert_nowhere(moved.read_bytes(), "the damaged file moved aside")
    assert not path.read_bytes().startswith(b"SQLite format 3")  # the new one is encrypted too
    encryption.forget(path)
    with pytest.raises(PassphraseNeeded):
        Store.open(path)


def test_file_new_encrypted_database_creates_it_encrypted_and_shows_it(window, store, mini_form, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from hbm_assess.ui import passwords

    target = tmp_path / "mission"  # ".sqlite" is added
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(passwords.PasswordDialog, "exec", typing([PASSPHRASE], []))
    window.new_encrypted_database()
    path = tmp_path / "mission.sqlite"
    assert window.store is not store and window.store.path == path
    assert encryption.key_for(path) == PASSPHRASE
    planted(window.store, mini_form)
    window.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert_nowhere(path.read_bytes(), "the new encrypted database")
    assert not path.read_bytes().startswith(b"SQLite format 3")


def test_connections_after_the_first_reuse_the_derived_key_and_a_stale_one_falls_back(tmp_path, mini_form):
    """The window's workers and the portfolio's reader open their own connections: no third of a second each."""
    import time

    path = tmp_path / "field.sqlite"
    encryption.remember(path, PASSPHRASE)
    store = Store.open(path)
    planted(store, mini_form)
    store.close()
    first = connect(path)
    first.close()
    assert encryption._name(path) in encryption._raw
    started = time.monotonic()
    for _ in range(10):
        connect(path, read_only=True).close()
    assert time.monotonic() - started < 2.0  # deriving the key ten times takes 3.5 s or more here
    # A key derived for another file's salt (this one replaced by another with the same passphrase).
    encryption._raw[encryption._name(path)] = 'PRAGMA key = "x\'' + "00" * 48 + '\'"'
    opened = Store.open(path)
    assert opened.list_assessments()[0].site_name == SITE
    opened.close()
    assert encryption._name(path) in encryption._no_raw
    encryption.remember(path, "not the passphrase")
    with pytest.raises(WrongPassphrase):
        Store.open(path)
