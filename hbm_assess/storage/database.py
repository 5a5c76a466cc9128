"""Opening the SQLite file safely: pragmas, health check, migrations, backups.

One rule for the whole process: the database file is touched only through SQLite while
any connection to it may be open. Closing any other file handle on it would drop every
POSIX lock the process holds on it (SQLite, "How To Corrupt An SQLite Database File",
§2.2): another program would then checkpoint and delete the WAL under our feet. So the
file's kind is asked of SQLite, and its first bytes are read only to name what a file
is after SQLite refused it and no connection of this process has it open.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from hbm_assess.core.messages import Message, Problem
from hbm_assess.files import describe_file, fsync_file, kind_of, write_reason
from hbm_assess.storage import encryption, lean_sqlite_utils, schema
from hbm_assess.storage.encryption import sql_errors
from hbm_assess.storage.schema import APPLICATION_ID

sqlite_utils = lean_sqlite_utils()

BUSY_TIMEOUT_MS = 10_000
OUR_TABLES = frozenset({"forms", "assessments", "answers"})


class DatabaseError(Problem):
    """The database cannot be used; the message says why and what to do."""


class DatabaseTooNew(DatabaseError):
    pass


class DatabaseMissing(DatabaseError):
    """A command that only reads was given a path where no database is."""


class NotADatabase(DatabaseError):
    """The path holds something else (a workbook, a folder, another program's database): left untouched."""


class DatabaseBusy(DatabaseError):
    """Another program holds the database locked for longer than the busy timeout."""


class DatabaseReadOnly(DatabaseError):
    """The file cannot be written, and what was asked needs to write."""


class PassphraseNeeded(NotADatabase):
    """The file looks like an encrypted database and no passphrase was given for it: ask for one."""


class WrongPassphrase(DatabaseError):
    """The passphrase given does not open the encrypted database; nothing was changed."""


@dataclass
class OpenReport:
    """What happened while opening, for the person in front of the screen."""

    moved_aside: Path | None = None
    backup: Path | None = None
    migrated_from: int | None = None
    read_only: bool = False


# -- connections this process holds ------------------------------------------

_open_files: Counter[tuple[int, int]] = Counter()
_open_files_lock = threading.Lock()


def _file_key(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


class _Tracked:
    """A connection that remembers which file it holds, so nothing else opens that file meanwhile."""

    _key: tuple[int, int] | None = None

    def close(self) -> None:
        super().close()
        key, self._key = self._key, None
        if key is not None:
            with _open_files_lock:
                _open_files[key] -= 1
                if _open_files[key] <= 0:
                    del _open_files[key]


class _Connection(_Tracked, sqlite3.Connection):
    pass


_cipher_connection: type | None = None


def _cipher_factory() -> type:
    """The same tracked connection over SQLCipher's module, made once sqlcipher3 is first needed."""
    global _cipher_connection
    if _cipher_connection is None:
        _cipher_connection = type("_CipherConnection", (_Tracked, encryption.cipher().Connection), {})
    return _cipher_connection


def held_by_this_process(path: Path) -> bool:
    """True while any connection of this process may have ``path`` open."""
    key = _file_key(Path(path))
    with _open_files_lock:
        return key is not None and _open_files[key] > 0


def connect(path: Path, read_only: bool = False, *, through_sqlcipher: bool = False,
            _derived_key: bool = True) -> sqlite3.Connection:
    """A connection with the app's pragmas: busy timeout, full sync, WAL's companions, autocommit off to us.

    Every connection the app opens to a database comes from here (the window's, a
    worker's, a report's): they differ only in being read-only or not. A file whose
    passphrase was given (storage.encryption) is opened with SQLCipher and its key;
    ``through_sqlcipher`` opens a plain file with SQLCipher too, to encrypt a copy of it.
    """
    path = Path(path)
    target = str(path)
    if read_only:
        target = f"{path.resolve().as_uri()}?mode=ro"
        if not os.access(path.parent, os.W_OK) and not path.with_name(path.name + "-wal").exists():
            # On read-only media SQLite cannot make the WAL index (-shm); with no WAL to
            # read, the file is all there is and nobody can change it: tell SQLite so.
            target += "&immutable=1"
    passphrase = encryption.key_for(path)
    raw_key = None
    if passphrase is not None and _derived_key:
        raw_key = encryption.raw_key_statement(path, passphrase, may_read=not held_by_this_process(path))
    plain = passphrase is None and not through_sqlcipher
    module, factory = (sqlite3, _Connection) if plain else (encryption.cipher(), _cipher_factory())
    conn = module.connect(target, uri=read_only, timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False,
                          isolation_level=None, factory=factory)
    # isolation_level=None: Python never opens a transaction behind our back; every write
    # transaction is an explicit BEGIN IMMEDIATE (write_transaction below).
    key = _file_key(path)
    if key is not None:
        conn._key = key
        with _open_files_lock:
            _open_files[key] += 1
    try:
        if passphrase is not None:
            # SQLCipher writes its own error lines on stderr; the app says what went wrong in one line.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(raw_key or encryption.key_statement(passphrase))
            try:
                conn.execute("SELECT count(*) FROM sqlite_master")  # a wrong passphrase fails here, not later
            except sql_errors("DatabaseError"):
                if raw_key is None:
                    raise
                encryption.raw_key_failed(path)
                conn.close()
                return connect(path, read_only, through_sqlcipher=through_sqlcipher, _derived_key=False)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


@contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """One write transaction that takes the write lock first (BEGIN IMMEDIATE).

    A deferred transaction that reads, then writes, cannot wait for the lock in WAL
    mode: it fails at once with "database is locked" when another connection writes.
    Taking the lock first lets the busy timeout apply. Nested use becomes a savepoint.
    """
    conn = db.conn
    if conn.in_transaction:
        with db.atomic():
            yield db
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


@contextmanager
def waiting_at_most(db: sqlite_utils.Database, milliseconds: int) -> Iterator[None]:
    """Wait at most this long for another program's lock (the window saves briefly, then retries)."""
    db.execute(f"PRAGMA busy_timeout = {int(milliseconds)}")
    try:
        yield
    finally:
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def is_busy(error: BaseException) -> bool:
    """Whether an error means another connection holds a lock (try again), not that something is wrong."""
    if not isinstance(error, sql_errors("OperationalError")):
        return False
    code = getattr(error, "sqlite_errorcode", None)
    return (code is not None and code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)) or \
        "database is locked" in str(error)


def sqlite_reason(error: BaseException) -> Message | str:
    """An SQLite error in words a person can act on, in any language where the glossary has them."""
    from hbm_assess.core.reasons import reason

    return reason(error)


# -- opening ------------------------------------------------------------------


def _stamp() -> str:
    return datetime.now().strftime("%Y%m%d-%H%M%S")


def _side_files(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _move_aside(path: Path) -> Path:
    """Rename a damaged database (and its WAL files) so nothing is deleted."""
    target = path.with_name(f"{path.name}.damaged-{_stamp()}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{_stamp()}-{n}")
    path.rename(target)
    for side in _side_files(path):
        if side.exists():
            side.rename(target.with_name(target.name + side.name[len(path.name):]))
    return target


def _holders(path: Path) -> str:
    """Which programs have the file open, where the system says (Linux /proc); '' when unknown."""
    names = set()
    try:
        target = path.resolve()
        for pid in os.listdir("/proc"):
            if not pid.isdigit() or int(pid) == os.getpid():
                continue
            try:
                fds = os.listdir(f"/proc/{pid}/fd")
                if any(Path(os.readlink(f"/proc/{pid}/fd/{fd}")) == target for fd in fds):
                    with open(f"/proc/{pid}/comm") as comm:  # not the database: the process's name
                        names.add(f"{comm.read().strip()} (process {pid})")
            except OSError:
                continue
    except OSError:
        return ""
    return ", ".join(sorted(names))


def _busy(path: Path) -> DatabaseBusy:
    holders = _holders(path)
    who = Message.of("database_held_by", holders=holders) if holders else ""
    return DatabaseBusy(Message.of("database_busy", path=path, seconds=BUSY_TIMEOUT_MS // 1000, who=who))


def _not_a_database(path: Path) -> DatabaseError:
    held = held_by_this_process(path)
    if encryption.key_for(path) is not None:
        if not held and describe_file(path) == "an SQLite database":
            return DatabaseError(Message.of("database_not_encrypted", path=path, variable=encryption.PASSPHRASE_ENV))
        return WrongPassphrase(Message.of("wrong_passphrase", path=path))
    if not held and encryption.looks_encrypted(path):
        return PassphraseNeeded(Message.of("passphrase_needed", path=path, variable=encryption.PASSPHRASE_ENV))
    what = "" if held else describe_file(path)
    if "workbook" in what:
        return NotADatabase(Message.of("database_is_a_workbook", path=path))
    return NotADatabase(Message.of("not_our_database", path=path,
                                   what=Message.of("file_kind_aside", kind=kind_of(what)) if what else ""))


def _classify(conn: sqlite3.Connection, path: Path) -> tuple[int, int, set[str]]:
    """(application id, schema version, tables), asked of SQLite; raises what the file is if not ours."""
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sql_errors("DatabaseError") as error:
        conn.close()
        raise _explain(error, path) from None
    if app_id not in (0, APPLICATION_ID) or (app_id == 0 and tables and not OUR_TABLES <= tables):
        conn.close()
        detail = (f"application id {app_id:#x}" if app_id else
                  f"tables {', '.join(sorted(tables)[:5])}{'…' if len(tables) > 5 else ''}")
        raise NotADatabase(Message.of("another_programs_database", path=path, detail=detail))
    return app_id, version, tables


class _Damaged(Exception):
    pass


def _explain(error: BaseException, path: Path) -> Exception:
    """What SQLite's refusal to read the file means: busy, not a database, or damaged."""
    if is_busy(error):
        return _busy(path)
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_NOTADB:
        return _not_a_database(path)
    if code == sqlite3.SQLITE_CORRUPT:
        return _Damaged(str(error))
    return DatabaseError(Message.of("database_unopenable", path=path, reason=error))


def _check_health(conn: sqlite3.Connection, path: Path) -> None:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sql_errors("DatabaseError") as error:
        if is_busy(error):
            conn.close()
            raise _busy(path) from None
        raise _Damaged(str(error)) from None
    if rows != [("ok",)]:
        raise _Damaged("; ".join(str(row[0]) for row in rows[:3]))


# quick_check reads every page (about 1 s for 140 MB, 20,000 assessments). A file that was
# closed cleanly (SQLite removed its -wal and -shm) and is that large is not read whole at
# every start: SQLite still refuses any damaged page it meets, as "malformed".
CHECK_EVERY_OPEN_BELOW = 32 * 1024 * 1024


def _worth_checking(path: Path) -> bool:
    try:
        small = path.stat().st_size < CHECK_EVERY_OPEN_BELOW
    except OSError:
        return True
    return small or any(side.exists() for side in _side_files(path))


def _writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def open_database(
    path: Path, report: OpenReport | None = None, *, create: bool = True
) -> sqlite_utils.Database:
    """Open and migrate the HBM Assess database at ``path``.

    ``create``: a missing file starts a new database (commands that write); without it a
    missing file is refused and nothing is created (commands that only read). A file that
    is not an HBM Assess database is refused untouched; a damaged one is moved aside and a
    fresh one started (``report`` says where it went), unless ``create`` is off; a file
    written by a newer version is refused untouched; a file that cannot be written opens
    read-only (``report.read_only``) when it needs no upgrade.
    """
    report = report if report is not None else OpenReport()
    path = Path(path)
    if path.is_dir():
        raise NotADatabase(Message.of("database_is_a_folder", path=path))
    if not path.exists():
        if not create:
            raise DatabaseMissing(Message.of("no_database", path=path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise DatabaseError(Message.of("database_folder_refused", path=path, reason=write_reason(error))) from None
    read_only = path.exists() and not _writable(path)
    check = not path.exists() or _worth_checking(path)
    try:
        try:
            conn = connect(path, read_only=read_only)
        except sql_errors("DatabaseError") as error:
            raise _explain(error, path) from None
        app_id, version, _tables = _classify(conn, path)
        if check:
            _check_health(conn, path)
    except _Damaged as damage:
        with suppress(*sql_errors(), NameError):
            conn.close()
        if read_only or not create:
            raise DatabaseError(Message.of("database_damaged_open_in_app", path=path, damage=damage)) from None
        report.moved_aside = _move_aside(path)
        conn = connect(path)
        app_id, version, _tables = 0, 0, set()
    if version > schema.VERSION:
        conn.close()
        raise DatabaseTooNew(
            Message.of("database_too_new", path=path, version=version, known=schema.VERSION)
        )
    report.read_only = read_only
    db = sqlite_utils.Database(conn)
    if version == schema.VERSION and app_id == APPLICATION_ID:
        return db
    if read_only:
        conn.close()
        raise DatabaseReadOnly(Message.of("database_read_only_upgrade", path=path))
    try:
        _set_wal(conn, path)
        migrate(db, version, path=path, report=report)
    except sql_errors() as error:
        conn.close()
        raise DatabaseError(Message.of("database_unpreparable", path=path, reason=sqlite_reason(error))) from None
    except BaseException:
        conn.close()
        raise
    return db


def _set_wal(conn: sqlite3.Connection, path: Path) -> None:
    # Two programs switching a new file to WAL at once both hold a read lock and want the
    # exclusive one: SQLite answers one of them "busy" at once, without waiting (it would
    # deadlock). So wait here, as the busy timeout would.
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            break
        except sql_errors("OperationalError") as error:
            if not is_busy(error):
                raise
            if time.monotonic() > deadline:
                raise _busy(path) from None
            time.sleep(0.05)
    if str(mode).lower() != "wal":
        raise DatabaseError(Message.of("database_no_wal", path=path, mode=mode))


def migrate(
    db: sqlite_utils.Database,
    version: int | None = None,
    steps: list[Callable] | None = None,
    *,
    path: Path | None = None,
    report: OpenReport | None = None,
) -> None:
    """Apply every step not yet applied, each in its own write transaction with its version number.

    Each step takes the write lock first and reads ``user_version`` again under it, so two
    programs opening a new or old database at once apply each step exactly once. ``version``
    is the schema the caller saw when it opened the file: if the file held data then (above
    0) and nobody has upgraded it since, a backup is written whole first (``report.backup``).
    """
    steps = steps if steps is not None else schema.STEPS
    for number, step in enumerate(steps, start=1):
        if version is not None and number <= version:
            continue
        try:
            with write_transaction(db):
                current = db.execute("PRAGMA user_version").fetchone()[0]
                if current >= number:
                    continue
                if version and current == version and path is not None and report is not None \
                        and report.backup is None:
                    report.backup = backup_before_upgrade(path, current, len(steps))
                    report.migrated_from = current
                step(db)
                db.execute(f"PRAGMA user_version = {number}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        except sql_errors("OperationalError") as error:
            if is_busy(error) and path is not None:
                raise _busy(path) from None
            raise


def backup_before_upgrade(path: Path, version: int, target: int) -> Path:
    """Copy the database as it is now, through SQLite, to a file written whole beside it."""
    final = path.with_name(f"{path.name}.before-v{target}-{_stamp()}.bak")
    try:
        return backup(path, final)
    except OSError as error:
        raise DatabaseError(Message.of("backup_failed", backup=final.name, version=version, target=target,
                                       reason=write_reason(error))) from None


def backup(source: Path, target: Path) -> Path:
    """Copy the database with SQLite's online backup API into ``target``, written whole.

    The copy is read through a separate connection: it sees the last committed state even
    while the caller holds the write lock for an upgrade. The copy of an encrypted database
    is encrypted with the same key.
    """
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    passphrase = encryption.key_for(source)
    reader = connect(source, read_only=True)
    try:
        if passphrase is None:
            destination = sqlite3.connect(str(temporary))
        else:
            destination = encryption.cipher().connect(str(temporary))
            destination.execute(encryption.key_statement(passphrase))
            encryption.remember(target, passphrase)
        try:
            reader.backup(destination)
        except sql_errors("OperationalError") as error:
            raise OSError(errno.ENOSPC if "full" in str(error) else errno.EIO, str(error)) from None
        finally:
            destination.close()
        fsync_file(temporary)  # the backup copy, never the database itself
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    finally:
        reader.close()
    return target


def copy_database(source: Path, target: Path) -> Path:
    """A copy of the database at ``source`` to read or show without ever writing to the original."""
    source = Path(source)
    if source.is_dir():
        raise NotADatabase(Message.of("database_is_a_folder", path=source))
    if not source.exists():
        raise DatabaseMissing(Message.of("no_database_there", path=source))
    try:
        try:
            backup(source, target)
            conn = connect(target)
        except sql_errors("DatabaseError") as error:
            raise _explain(error, source) from None
        _classify(conn, source)
        conn.close()
    except _Damaged as damage:
        raise DatabaseError(Message.of("database_damaged", path=source, damage=damage)) from None
    return target


def integrity_ok(db: sqlite_utils.Database) -> bool:
    return db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
