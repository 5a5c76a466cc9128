"""Opening the SQLite file safely: pragmas, health check, migrations, backups."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import sqlite_utils

from hbm_assess.storage import schema

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000


class DatabaseError(Exception):
    """The database cannot be used; the message says why and what to do."""


class DatabaseTooNew(DatabaseError):
    pass


@dataclass
class OpenReport:
    """What happened while opening, for the person in front of the screen."""

    moved_aside: Path | None = None
    backup: Path | None = None
    migrated_from: int | None = None


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


def _looks_like_sqlite(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def _healthy(conn: sqlite3.Connection) -> bool:
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:
        return False
    return rows == [("ok",)]


def backup(conn: sqlite3.Connection, target: Path) -> Path:
    """Copy the live database with SQLite's online backup API."""
    destination = sqlite3.connect(str(target))
    try:
        conn.backup(destination)
    finally:
        destination.close()
    return target


def open_database(path: Path, report: OpenReport | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) and migrate the database at ``path``.

    A damaged file is moved aside and a fresh one started; ``report`` says where it went.
    A file written by a newer version of the app is refused, untouched.
    """
    report = report if report is not None else OpenReport()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.stat().st_size > 0 and not _looks_like_sqlite(path):
        report.moved_aside = _move_aside(path)
    conn = _connect(path)
    if not _healthy(conn):
        conn.close()
        report.moved_aside = _move_aside(path)
        conn = _connect(path)
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > schema.VERSION:
        conn.close()
        raise DatabaseTooNew(
            f"{path} was written by a newer version of HBM Assess (database schema {version}, "
            f"this version understands up to {schema.VERSION}). Install the newer version to open it; "
            "the file has not been changed."
        )
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    db = sqlite_utils.Database(conn)
    if 0 < version < schema.VERSION:
        report.backup = backup(conn, path.with_name(f"{path.name}.before-v{schema.VERSION}-{_stamp()}.bak"))
        report.migrated_from = version
    migrate(db, version)
    return db


def migrate(db: sqlite_utils.Database, version: int, steps: list[Callable] | None = None) -> None:
    """Apply every step after ``version``, each in its own transaction with its version number."""
    steps = steps if steps is not None else schema.STEPS
    for number, step in enumerate(steps, start=1):
        if number <= version:
            continue
        with db.atomic():
            step(db)
            db.execute(f"PRAGMA user_version = {number}")


def integrity_ok(db: sqlite_utils.Database) -> bool:
    return db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
