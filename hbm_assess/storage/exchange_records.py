"""What the Excel exchange reads and writes in the database: copies of an assessment, imports, the import log.

The functions that change data expect to run inside ``immediate(store)``, so that
one imported file is one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from hbm_assess.core.assessment import Action, Answer, Assessment, now
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.workshop import Output
from hbm_assess.storage import workshop_outputs
from hbm_assess.storage.database import write_transaction
from hbm_assess.storage.store import ANSWER_COLUMNS, Store, action_values, answer_from_row, json_list

ORIGIN_APP, ORIGIN_IMPORT = "app", "import"


@dataclass(frozen=True)
class Snapshot:
    """An assessment with every answer (all groups) and its plan, read in one transaction."""

    assessment: Assessment
    answers: tuple[Answer, ...]
    actions: tuple[Action, ...]
    outputs: tuple[Output, ...] = ()  # a workshop's challenges, strategy directions and contributions


@dataclass(frozen=True)
class StoredCopy:
    """One row holding an assessment with a given uuid: the original or a conflicting copy."""

    id: int
    revision: int
    sealed: bool
    conflict_of: int | None
    deleted: bool
    edited_outside: bool
    lineage: tuple[str, ...] = ()  # content hashes of the published revisions it descends from, oldest first


@dataclass(frozen=True)
class ExchangeState:
    """Where an assessment came from, for the app to show."""

    origin: str
    edited_outside: bool
    conflict_of: int | None
    conflicting_copies: tuple[int, ...]


@contextmanager
def immediate(store: Store) -> Iterator[Store]:
    """One write transaction, taking the write lock at the start.

    A deferred transaction that reads and then writes fails with "database is locked"
    when the app saved an answer in between; taking the lock first makes it wait instead.
    """
    with write_transaction(store.db):
        yield store


def all_answers(store: Store, assessment_id: int) -> list[Answer]:
    """Every answer of an assessment, the workshop groups' too, in a stable order."""
    rows = store.db.execute(
        f"SELECT indicator_id, grp, {', '.join(ANSWER_COLUMNS)} FROM answers "
        "WHERE assessment_id = ? ORDER BY indicator_id, grp",
        (assessment_id,),
    )
    return [answer_from_row(row) for row in rows]


def snapshot(store: Store, assessment_id: int) -> Snapshot:
    """Read an assessment, its answers and its plan together, so they belong to the same revision."""
    with store.db.atomic():
        assessment = store.assessment(assessment_id)
        return Snapshot(assessment, tuple(all_answers(store, assessment_id)), tuple(store.actions(assessment_id)),
                        tuple(workshop_outputs.outputs(store, assessment_id)))


def seal_after_export(store: Store, assessment_id: int, revision: int, updated_at: str,
                      published: str | None = None) -> None:
    """Seal the revision just written to a file, unless the assessment changed while it was written.

    If it changed, the database no longer holds what the file holds under that revision
    number, so the revision is raised now; two different contents never share a number.
    Either way the assessment now descends from the revision published, whose content
    hash (``published``) joins its lineage.
    """
    with write_transaction(store.db):
        row = store.db.execute(
            "SELECT revision, updated_at FROM assessments WHERE id = ?", (assessment_id,)
        ).fetchone()
        if row is None:
            return
        if published is not None:
            set_lineage(store, assessment_id, extended(lineage(store, assessment_id), published))
        if tuple(row) == (revision, updated_at):
            store.seal(assessment_id)
        elif row[0] == revision:
            store.db.execute("UPDATE assessments SET revision = revision + 1, sealed = 0 WHERE id = ?",
                             (assessment_id,))


def copies(store: Store, uuid: str) -> list[StoredCopy]:
    """Every row with this uuid, the original (no ``conflict_of``) first."""
    rows = store.db.execute(
        """SELECT id, revision, sealed, conflict_of, deleted_at IS NOT NULL, edited_outside, lineage
           FROM assessments WHERE uuid = ? ORDER BY conflict_of IS NOT NULL, id""",
        (uuid,),
    )
    return [StoredCopy(r[0], r[1], bool(r[2]), r[3], bool(r[4]), bool(r[5]), _hashes(r[6])) for r in rows]


def _hashes(text: str) -> tuple[str, ...]:
    value = json.loads(text or "[]")
    return tuple(h for h in value if isinstance(h, str)) if isinstance(value, list) else ()


def lineage(store: Store, assessment_id: int) -> tuple[str, ...]:
    row = store.db.execute("SELECT lineage FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
    return _hashes(row[0]) if row else ()


def set_lineage(store: Store, assessment_id: int, hashes: Iterable[str]) -> None:
    store.db.execute("UPDATE assessments SET lineage = ? WHERE id = ?", (json.dumps(list(hashes)), assessment_id))


def extended(hashes: Iterable[str], head: str) -> tuple[str, ...]:
    """A lineage with ``head`` as its newest revision (not repeated when it already is)."""
    found = tuple(hashes)
    return found if found and found[-1] == head else (*found, head)


def form_installed(store: Store, form_id: str, version: str) -> bool:
    return store.db.execute(
        "SELECT 1 FROM forms WHERE id = ? AND version = ?", (form_id, version)
    ).fetchone() is not None


def install_form(store: Store, form: Form, origin: str = "") -> None:
    """Keep a questionnaire that arrived inside a workbook (part of the caller's transaction).

    ``origin`` is ``file:NAME`` for a version the app does not ship: it then serves only
    the assessments that came with it, never to label other versions.
    """
    store.insert_form_row(form)
    if origin:
        store.db.execute("UPDATE forms SET origin = ? WHERE id = ? AND version = ? AND origin = ''",
                         (origin, form.id, form.version))


def form_origin(store: Store, form_id: str, version: str) -> str | None:
    """'' for a questionnaire installed from the app or a form file, ``file:NAME`` for one from a workbook."""
    row = store.db.execute("SELECT origin FROM forms WHERE id = ? AND version = ?", (form_id, version)).fetchone()
    return row[0] if row else None


def insert_imported(
    store: Store,
    assessment: Assessment,
    answers: Iterable[Answer],
    actions: Iterable[Action],
    edited_outside: bool,
    conflict_of: int | None = None,
    hashes: Iterable[str] = (),
    outputs: Iterable[Output] = (),
) -> int:
    """Add an assessment read from a file: sealed, since it is a published revision, with its lineage."""
    assessment_id = store.insert_assessment_row(assessment)
    store.db.execute(
        "UPDATE assessments SET sealed = 1, origin = ?, edited_outside = ?, conflict_of = ?, lineage = ? "
        "WHERE id = ?",
        (ORIGIN_IMPORT, int(edited_outside), conflict_of, json.dumps(list(hashes)), assessment_id),
    )
    _insert_children(store, assessment_id, answers, actions)
    workshop_outputs.insert_outputs(store, assessment_id, outputs)
    return assessment_id


def replace_imported(
    store: Store, assessment_id: int, assessment: Assessment, answers: Iterable[Answer],
    actions: Iterable[Action], edited_outside: bool, hashes: Iterable[str] = (), outputs: Iterable[Output] = (),
) -> None:
    """Make a stored assessment hold a newer revision read from a file, and take on the file's lineage."""
    a, site = assessment, assessment.site
    store.db.execute(
        """UPDATE assessments SET form_id = ?, form_version = ?, site_name = ?, site_ref = ?, country = ?,
               site_type = ?, pcode = ?, latitude = ?, longitude = ?, date = ?, assessors = ?,
               institutions = ?, mode = ?, status = ?, revision = ?, notes = ?, created_at = ?,
               updated_at = ?, sealed = 1, origin = ?, edited_outside = ?, lineage = ?, scope = ?,
               target_policy = ?
           WHERE id = ?""",
        (a.form_id, a.form_version, site.name, site.reference_id, site.country, site.type, site.pcode,
         site.latitude, site.longitude, a.date, json_list(a.assessors), json_list(a.institutions), a.mode, a.status,
         a.revision, a.notes, a.created_at, a.updated_at, ORIGIN_IMPORT, int(edited_outside),
         json.dumps(list(hashes)), a.scope, a.target_policy, assessment_id),
    )
    store.db.execute("DELETE FROM answers WHERE assessment_id = ?", (assessment_id,))
    store.db.execute("DELETE FROM actions WHERE assessment_id = ?", (assessment_id,))
    _insert_children(store, assessment_id, answers, actions)
    workshop_outputs.replace_outputs(store, assessment_id, outputs)


def _insert_children(store: Store, assessment_id: int, answers: Iterable[Answer], actions: Iterable[Action]) -> None:
    conn = store.db.conn
    conn.executemany(
        f"""INSERT INTO answers (assessment_id, indicator_id, grp, {", ".join(ANSWER_COLUMNS)})
            VALUES (?, ?, ?, {", ".join("?" * len(ANSWER_COLUMNS))})""",
        [(assessment_id, a.indicator_id, a.group, a.level, a.special, a.target, a.evidence_type,
          a.evidence_reference, a.evidence_text, a.confidence, a.notes, a.answered_by, a.updated_at)
         for a in answers],
    )
    conn.executemany(
        """INSERT INTO actions (assessment_id, uuid, title, indicators, responsible, partners,
               priority, timeframe, due_date, cost, currency, resources, status, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [(assessment_id, a.uuid, *action_values(a), a.updated_at) for a in actions],
    )


def log_import(
    store: Store, path: str, outcome: str, assessment_id: int | None, uuid: str | None, revision: int | None,
    content_hash: str | None, edited_outside: bool, changes: list[dict], message: str,
) -> None:
    store.db.execute(
        """INSERT INTO imports (imported_at, path, outcome, assessment_id, uuid, revision, content_hash,
               edited_outside, changes, message)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (now(), path, outcome, assessment_id, uuid, revision, content_hash, int(edited_outside),
         json.dumps(changes, ensure_ascii=False), message),
    )


def import_log(store: Store, assessment_id: int | None = None) -> list[dict]:
    """The files imported (all, or those that touched one assessment), newest first."""
    sql = ("SELECT imported_at, path, outcome, assessment_id, uuid, revision, content_hash, edited_outside, "
           "changes, message FROM imports")
    params: tuple = ()
    if assessment_id is not None:
        sql += " WHERE assessment_id = ?"
        params = (assessment_id,)
    keys = ("imported_at", "path", "outcome", "assessment_id", "uuid", "revision", "content_hash",
            "edited_outside", "changes", "message")
    entries = []
    for row in store.db.execute(sql + " ORDER BY id DESC", params):
        entry = dict(zip(keys, row, strict=True))
        entry["edited_outside"] = bool(entry["edited_outside"])
        entry["changes"] = json.loads(entry["changes"])
        entries.append(entry)
    return entries


def exchange_state(store: Store, assessment_id: int) -> ExchangeState:
    row = store.db.execute(
        "SELECT origin, edited_outside, conflict_of FROM assessments WHERE id = ?", (assessment_id,)
    ).fetchone()
    if row is None:
        store._require(assessment_id)  # raises NotFound with the usual message
    found = store.db.execute(
        "SELECT id FROM assessments WHERE conflict_of = ? AND deleted_at IS NULL ORDER BY id", (assessment_id,)
    )
    return ExchangeState(row[0], bool(row[1]), row[2], tuple(r[0] for r in found))


def conflicts(store: Store) -> list[tuple[int, int]]:
    """Every unsettled conflict as (original id, conflicting copy id)."""
    rows = store.db.execute(
        "SELECT conflict_of, id FROM assessments WHERE conflict_of IS NOT NULL AND deleted_at IS NULL ORDER BY id"
    )
    return [(r[0], r[1]) for r in rows]
