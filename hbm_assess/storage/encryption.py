"""An encrypted database, by choice: SQLCipher's key per file, held in this process's memory only.

The passphrase of a database is given once (the command line's --passphrase-file or
HBM_ASSESS_PASSPHRASE, the window's dialog) and remembered here for its path while the
process runs, so every connection ``database.connect`` makes to that file (the window's,
a worker's, a report's, a backup's) is keyed without passing the passphrase around. It is
never written anywhere. docs/security.md says what this protects and what it does not.
"""

from __future__ import annotations

import os
import sqlite3
import sys
import threading
from pathlib import Path

from hbm_assess.core.messages import Message, Problem
from hbm_assess.files import read_secret

PASSPHRASE_ENV = "HBM_ASSESS_PASSPHRASE"

_keys: dict[str, str] = {}
# The key SQLCipher derives from a passphrase (PBKDF2-HMAC-SHA512, 256,000 rounds: a third of a second)
# for the salt in a file's first 16 bytes, given to SQLCipher as a raw key by the connections after the
# first: the window's workers and the portfolio's reader open their own, and should not wait for it.
_raw: dict[str, str] = {}
_no_raw: set[str] = set()
_keys_lock = threading.Lock()
KDF_ROUNDS = 256_000  # SQLCipher 4's default, with HMAC-SHA512 and a 32-byte key


class PassphraseError(Problem):
    """A passphrase that cannot be used (empty, unreadable file); the message says what to do."""


def _name(path: Path) -> str:
    return os.path.normcase(str(Path(path).expanduser().resolve()))


def remember(path: Path, passphrase: str) -> None:
    """Every connection this process makes to ``path`` from now on uses ``passphrase``."""
    if not passphrase:
        raise PassphraseError(Message.of("passphrase_empty"))
    with _keys_lock:
        name = _name(path)
        _keys[name] = passphrase
        _raw.pop(name, None)
        _no_raw.discard(name)


def forget(path: Path) -> None:
    with _keys_lock:
        name = _name(path)
        _keys.pop(name, None)
        _raw.pop(name, None)
        _no_raw.discard(name)


def raw_key_statement(path: Path, passphrase: str, may_read: bool) -> str | None:
    """PRAGMA key with the key already derived for this file's salt; None: let SQLCipher derive it.

    ``may_read``: no connection of this process holds the file, so its first bytes may be read
    (storage.database's rule); otherwise only a key derived earlier is given.
    """
    import hashlib

    name = _name(path)
    with _keys_lock:
        if name in _no_raw or _keys.get(name) != passphrase:
            return None
        if name in _raw:
            return _raw[name]
    if not may_read:
        return None
    try:
        with open(path, "rb") as handle:
            salt = handle.read(16)
    except OSError:
        return None
    if len(salt) < 16 or salt.startswith(b"SQLite format 3"):
        return None
    key = hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ROUNDS, 32)
    statement = f"PRAGMA key = \"x'{key.hex()}{salt.hex()}'\""
    with _keys_lock:
        if _keys.get(name) == passphrase:
            _raw[name] = statement
    return statement


def raw_key_failed(path: Path) -> None:
    """The derived key did not open the file (another salt, other SQLCipher settings): derive no more for it."""
    with _keys_lock:
        name = _name(path)
        _raw.pop(name, None)
        _no_raw.add(name)


def key_for(path: Path) -> str | None:
    """The passphrase remembered for ``path``, or None: the file is a plain SQLite database."""
    with _keys_lock:
        return _keys.get(_name(path)) if _keys else None


def cipher():
    """SQLCipher's DB-API module (the sqlcipher3 package); imported only when a database is encrypted."""
    from sqlcipher3 import dbapi2

    return dbapi2


def sql_errors(kind: str = "Error") -> tuple[type[BaseException], ...]:
    """SQLite's exception class ``kind`` from both modules in use: ``except sql_errors("OperationalError")``.

    sqlcipher3 has its own classes (not subclasses of sqlite3's); they exist only once it is imported.
    """
    module = sys.modules.get("sqlcipher3.dbapi2")
    own = getattr(sqlite3, kind)
    return (own, getattr(module, kind)) if module is not None else (own,)


def literal(text: str) -> str:
    """A text as an SQL string literal, for the statements that take no bound parameter (PRAGMA key, ATTACH KEY)."""
    return "'" + text.replace("'", "''") + "'"


def key_statement(passphrase: str) -> str:
    return f"PRAGMA key = {literal(passphrase)}"


def looks_encrypted(path: Path) -> bool:
    """Whether a file SQLite refused looks like an SQLCipher database: whole pages of bytes with no signature.

    Only for a file no connection of this process holds (storage.database checks that first).
    """
    from hbm_assess.files import describe_file

    try:
        size = Path(path).stat().st_size
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and describe_file(Path(path)) == "a file of another kind"


def read_passphrase(file: Path | None) -> str | None:
    """The passphrase from ``--passphrase-file`` (its first line) or HBM_ASSESS_PASSPHRASE; None when neither."""
    return read_secret(file, PASSPHRASE_ENV, "passphrase", PassphraseError)


def encrypt_database(path: Path, passphrase: str) -> list[Path]:
    """Replace the plain database at ``path`` by an encrypted copy; returns the plain backups still beside it.

    The copy is written beside it with SQLCipher's ``sqlcipher_export``, opened with the
    passphrase and checked (integrity_check, the same schema version and row counts), and
    only then renamed over the plain file. Any failure leaves the plain database as it was.
    """
    from hbm_assess.files import fsync_file
    from hbm_assess.storage import database

    path = Path(path)
    if not passphrase:
        raise PassphraseError(Message.of("passphrase_empty"))
    if key_for(path) is not None:
        raise database.DatabaseError(Message.of("already_encrypted", path=path))
    if database.held_by_this_process(path):
        raise database.DatabaseError(Message.of("database_open_here", path=path))
    # Opened as the app opens it first: what is copied is a sound database of this version.
    try:
        database.open_database(path, create=False).close()
    except database.PassphraseNeeded:
        remember(path, passphrase)
        try:
            database.open_database(path, create=False).close()
        except database.DatabaseError:
            raise database.PassphraseNeeded(Message.of("encrypted_or_not_a_database", path=path)) from None
        finally:
            forget(path)
        raise database.DatabaseError(Message.of("already_encrypted_with_this", path=path)) from None
    temporary = path.with_name(f".{path.name}.encrypting-{os.getpid()}.tmp")
    _remove_with_sides(temporary)
    try:
        counts = _export(path, temporary, passphrase)
        _check_copy(temporary, passphrase, counts)
        fsync_file(temporary)
        if any(side.exists() for side in database._side_files(path)):
            raise database.DatabaseError(Message.of("encrypt_held_elsewhere", path=path))
        os.replace(temporary, path)
    except BaseException:
        forget(temporary)
        _remove_with_sides(temporary)
        raise
    forget(temporary)
    remember(path, passphrase)
    if os.name == "posix":
        fsync_file(path.parent)
    database.open_database(path, create=False).close()
    return sorted(path.parent.glob(f"{path.name}.before-v*.bak")) + sorted(path.parent.glob(f"{path.name}.damaged-*"))


def _export(path: Path, temporary: Path, passphrase: str) -> dict[str, int]:
    """Write the encrypted copy; returns the row counts it must have."""
    from hbm_assess.storage import database

    conn = database.connect(path, through_sqlcipher=True)
    try:
        conn.execute(f"ATTACH DATABASE {literal(str(temporary))} AS encrypted KEY {literal(passphrase)}")
        conn.execute("BEGIN IMMEDIATE")  # no other program writes while the copy is made
        try:
            conn.execute("SELECT sqlcipher_export('encrypted')")
            for pragma in ("user_version", "application_id"):
                value = int(conn.execute(f"PRAGMA main.{pragma}").fetchone()[0])
                conn.execute(f"PRAGMA encrypted.{pragma} = {value}")
            counts = {table: conn.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
                      for table in _tables(conn)}
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE encrypted")
    finally:
        conn.close()
    return counts


def _tables(conn) -> list[str]:
    return [row[0] for row in conn.execute("SELECT name FROM main.sqlite_master WHERE type = 'table' "
                                           "AND name NOT LIKE 'sqlite_%'")]


def _check_copy(temporary: Path, passphrase: str, counts: dict[str, int]) -> None:
    from hbm_assess.storage import database

    remember(temporary, passphrase)
    conn = database.connect(temporary)
    try:
        if conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]:
            raise database.DatabaseError(Message.of("encrypted_copy_unsound"))
        copied = {table: conn.execute(f'SELECT count(*) FROM main."{table}"').fetchone()[0]
                  for table in _tables(conn)}
        if copied != counts:
            raise database.DatabaseError(Message.of("encrypted_copy_incomplete"))
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()


def _remove_with_sides(path: Path) -> None:
    for name in (path, *(path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal"))):
        name.unlink(missing_ok=True)
