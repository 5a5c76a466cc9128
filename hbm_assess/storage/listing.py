"""The assessment list's rows, and reading them before the rest of the storage loads.

The window's first paint shows this list. ``read_quickly`` reads it with plain
``sqlite3`` on a read-only connection, so the start does not wait for sqlite-utils
and the store's modules (~0.15 s); the store opens right after the first paint and
reads the list again (storage/store.py uses the same query, ``assessments``).
Only ``sqlite3``, ``json`` and ``core.text`` here: nothing that pulls sqlite-utils.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import NamedTuple

from hbm_assess.core.text import Text
from hbm_assess.storage.schema import APPLICATION_ID, VERSION

# Another program writing for longer than this: the store opens the usual way, with its busy timeout.
QUICK_WAIT_S = 0.25


class AssessmentSummary(NamedTuple):
    """One line of the assessment list (a tuple: the list makes one per assessment, 20,000 at HQ)."""

    id: int
    uuid: str
    site_name: str
    country: str
    site_type: str
    form_id: str
    form_version: str
    form_title: Text
    date: str
    status: str
    revision: int
    answered: int
    total: int
    mean_level: float | None
    updated_at: str
    deleted: bool
    site_ref: str = ""  # the crossing point in data/, when the site was chosen from the list
    scope: str = "crossing-point"
    target_policy: str = "next-level"

    @property
    def completeness(self) -> float:
        return self.answered / self.total if self.total else 0.0

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "uuid": self.uuid,
            "site": self.site_name,
            "scope": self.scope,
            "target_policy": self.target_policy,
            "country": self.country,
            "form": self.form_id,
            "form_version": self.form_version,
            "form_title": self.form_title.get("en"),
            "date": self.date,
            "status": self.status,
            "revision": self.revision,
            "answered": self.answered,
            "indicators": self.total,
            "completeness": round(self.completeness, 4),
            "mean_level": None if self.mean_level is None else round(self.mean_level, 2),
        }


SUMMARY_SQL = """
SELECT a.id, a.uuid, a.site_name, a.country, a.site_type, a.form_id, a.form_version,
       f.title, a.date, a.status, a.revision,
       s.answered, f.indicator_count,
       CASE WHEN s.level_count > 0 THEN CAST(s.level_sum AS REAL) / s.level_count END AS mean_level,
       a.updated_at, a.deleted_at IS NOT NULL, a.site_ref, a.scope, a.target_policy
FROM assessments a JOIN forms f ON f.id = a.form_id AND f.version = a.form_version
JOIN assessment_summaries s ON s.assessment_id = a.id
"""


def summary_of(row, titles: dict[str, Text] | None = None) -> AssessmentSummary:
    values = list(row)
    # The form title, in every language: parsed once per questionnaire, not once per row.
    titles = {} if titles is None else titles
    title = titles.get(values[7])
    if title is None:
        title = titles[values[7]] = Text(json.loads(values[7]))
    values[7] = title
    return AssessmentSummary(*values[:-4], deleted=bool(values[-4]), site_ref=values[-3], scope=values[-2],
                             target_policy=values[-1])


def summaries(rows: Iterable[tuple], titles: dict[str, Text]) -> list[AssessmentSummary]:
    """``summary_of`` for many rows, without its per-row keyword arguments (20,000 rows: 0.35 → 0.1 s)."""
    make = AssessmentSummary._make
    found = []
    for row in rows:
        title = titles.get(row[7])
        if title is None:
            title = titles[row[7]] = Text(json.loads(row[7]))
        found.append(make((*row[:7], title, *row[8:15], bool(row[15]), row[16], row[17], row[18])))
    return found


def assessments(execute: Callable, search: str = "", include_deleted: bool = False) -> list[AssessmentSummary]:
    """The list, newest first, through ``execute`` (a connection's, or sqlite-utils' ``Database.execute``)."""
    where, params = [], []
    if not include_deleted:
        where.append("a.deleted_at IS NULL")
    if search:
        where.append("(a.site_name LIKE ? OR a.country LIKE ? OR a.form_id LIKE ? OR a.date LIKE ?)")
        params += [f"%{search}%"] * 4
    sql = SUMMARY_SQL + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY a.date DESC, a.id DESC"
    return summaries(execute(sql, params), {})


def read_quickly(path: Path) -> list[AssessmentSummary] | None:
    """The home list of the database at ``path``, read-only with plain sqlite3; None if only the store may open it.

    None for anything but an HBM Assess database of this version that SQLite opens and
    reads at once: a missing file, an encrypted one, one to upgrade, one another program
    holds locked, a damaged one. The store then opens it the usual way, with its checks,
    messages and migrations. Nothing is kept: the connection is closed before returning,
    before the store opens its own (SQLite owns the file; nothing here opens it otherwise).
    """
    path = Path(path)
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=QUICK_WAIT_S,
                               isolation_level=None, check_same_thread=False)
    except (sqlite3.Error, ValueError):
        return None
    try:
        if (conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID
                or conn.execute("PRAGMA user_version").fetchone()[0] != VERSION):
            return None
        return assessments(conn.execute)
    except (sqlite3.Error, ValueError, TypeError):  # ValueError, TypeError: a title that is not JSON text
        return None
    finally:
        conn.close()
