"""The named operations on the assessment database, shared by the app, the command line and the tests.

Every operation that changes data runs in one transaction and has committed
(with ``synchronous=FULL``, so it is on disk) when it returns.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from hbm_assess.core.assessment import SCOPES, Action, Answer, Assessment, Site, Status, new_uuid, now
from hbm_assess.core.cell_text import action_texts, answer_texts, assessment_texts, first_problem
from hbm_assess.core.messages import Message, Problem
from hbm_assess.core.questionnaire import Form, family, form_from_data, shipped_form
from hbm_assess.core.targets import POLICIES
from hbm_assess.storage.database import OpenReport, open_database, write_transaction
from hbm_assess.storage.listing import SUMMARY_SQL as _SUMMARY_SQL
from hbm_assess.storage.listing import AssessmentSummary, assessments
from hbm_assess.storage.listing import summary_of as _summary

if TYPE_CHECKING:
    import sqlite_utils


# The national assessment a crossing point's national indicators come from (index: schema v13).
NATIONAL_FOR = """
    SELECT n.id FROM assessments a JOIN assessments n
      ON n.country = a.country AND n.form_id = a.form_id AND n.scope = 'national' AND n.id != a.id
    WHERE a.id = ? AND a.scope = 'crossing-point' AND a.country != '' AND n.deleted_at IS NULL
      AND n.conflict_of IS NULL
    ORDER BY n.status = 'final' DESC, n.date DESC, n.id DESC LIMIT 1"""


class StoreError(Problem):
    """An operation the data does not allow; the message says why."""


class NotFound(StoreError):
    pass


ANSWER_COLUMNS = (
    "level", "special", "target", "evidence_type", "evidence_reference", "evidence_text",
    "confidence", "notes", "answered_by", "updated_at",
)

class Store:
    """An open assessment database."""

    def __init__(self, db: sqlite_utils.Database, path: Path | None = None, report: OpenReport | None = None):
        self.db = db
        self.path = path
        self.open_report = report or OpenReport()
        self._forms: dict[tuple[str, str], Form] = {}

    @classmethod
    def open(cls, path: Path, create: bool = True) -> Store:
        """Open the database at ``path``; ``create=False`` refuses a missing one (commands that only read)."""
        report = OpenReport()
        db = open_database(Path(path), report, create=create)
        return cls(db, Path(path), report)

    @property
    def read_only(self) -> bool:
        return self.open_report.read_only

    def close(self) -> None:
        self.db.close()

    # -- forms ---------------------------------------------------------------

    def install_form(self, form: Form) -> None:
        """Keep a copy of the questionnaire so its assessments never depend on a file."""
        if self.db.execute(
            "SELECT 1 FROM forms WHERE id = ? AND version = ?", form.key
        ).fetchone():
            return
        with write_transaction(self.db):
            self.insert_form_row(form)

    def insert_form_row(self, form: Form) -> None:
        """Within the caller's transaction (also used by storage/exchange_records.py)."""
        self.db.execute(
            "INSERT OR IGNORE INTO forms (id, version, title, body, indicator_count, installed_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (form.id, form.version, json.dumps(form.title.to_dict(), ensure_ascii=False),
             json.dumps(form.to_dict(), ensure_ascii=False), form.indicator_count, now()),
        )

    def form(self, form_id: str, version: str) -> Form:
        key = (form_id, version)
        if key not in self._forms:
            row = self.db.execute(
                "SELECT body FROM forms WHERE id = ? AND version = ?", key
            ).fetchone()
            if row is None:
                raise NotFound(Message.of("form_not_stored", form=form_id, version=version))
            stored = form_from_data(json.loads(row[0]), f"{form_id} {version} (stored)")
            self._forms[key] = _with_shipped_method(stored)
        return self._forms[key]

    def read_forms_ahead(self) -> None:
        """Parse every stored questionnaire now, on a connection of its own, for ``form`` to find it ready.

        For a worker thread (the app's start-up warm-up): opening an assessment parsed its
        questionnaire on the GUI thread, ~40 ms of the opening (#20).
        """
        from hbm_assess.storage.portfolio_selection import reader

        if self.path is None:
            return
        reading = reader(self)
        try:
            for key in reading.stored_forms():
                self._forms.setdefault(key, reading.form(*key))
        finally:
            reading.close()

    def stored_forms(self) -> list[tuple[str, str]]:
        return [tuple(row) for row in self.db.execute("SELECT id, version FROM forms ORDER BY id, version")]

    # -- assessments ---------------------------------------------------------

    def create_assessment(
        self,
        assessment: Assessment,
        form: Form,
        answers: Iterable[Answer] = (),
        actions: Iterable[Action] = (),
    ) -> int:
        """Add an assessment, with any answers and actions it already has, in one transaction."""
        if form.key != (assessment.form_id, assessment.form_version):
            raise StoreError(Message.of("assessment_form_differs"))
        answers, actions = list(answers), list(actions)
        _check_scope(assessment.scope)
        _check_policy(assessment.target_policy)
        _refuse_text(assessment_texts(assessment), *map(answer_texts, answers), *map(action_texts, actions))
        with write_transaction(self.db):
            self.insert_form_row(form)
            assessment_id = self.insert_assessment_row(assessment)
            for answer in answers:
                self.upsert_answer_row(assessment_id, answer)
            for action in actions:
                self._insert_action(assessment_id, action, action.updated_at)
            if assessment.status == Status.FINAL.value:
                self.db.execute("UPDATE assessments SET sealed = 1 WHERE id = ?", (assessment_id,))
        return assessment_id

    def insert_assessment_row(self, a: Assessment) -> int:
        """Within the caller's transaction (also used by storage/exchange_records.py)."""
        site = a.site
        cursor = self.db.execute(
            """INSERT INTO assessments (uuid, form_id, form_version, site_name, site_ref, country,
                   site_type, pcode, latitude, longitude, date, assessors, institutions, mode, status,
                   revision, notes, created_at, updated_at, scope, target_policy)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (a.uuid, a.form_id, a.form_version, site.name, site.reference_id, site.country, site.type,
             site.pcode, site.latitude, site.longitude, a.date, json_list(a.assessors), json_list(a.institutions),
             a.mode, a.status, a.revision, a.notes, a.created_at, a.updated_at, a.scope, a.target_policy),
        )
        return cursor.lastrowid

    def assessment(self, assessment_id: int) -> Assessment:
        row = self.db.execute(
            """SELECT id, uuid, form_id, form_version, site_name, site_ref, country, site_type, pcode,
                      latitude, longitude, date, assessors, institutions, mode, status, revision, notes,
                      created_at, updated_at, scope, target_policy
               FROM assessments WHERE id = ?""",
            (assessment_id,),
        ).fetchone()
        if row is None:
            raise NotFound(Message.of("no_such_assessment", id=assessment_id))
        (id_, uuid, form_id, form_version, site_name, site_ref, country, site_type, pcode, lat, lon,
         date, assessors, institutions, mode, status, revision, notes, created_at, updated_at, scope,
         target_policy) = row
        return Assessment(
            id=id_, uuid=uuid, form_id=form_id, form_version=form_version,
            site=Site(site_name, country, site_type, pcode, lat, lon, site_ref),
            date=date, assessors=tuple(json.loads(assessors)), institutions=tuple(json.loads(institutions)),
            mode=mode, status=status, revision=revision, notes=notes,
            created_at=created_at, updated_at=updated_at, scope=scope, target_policy=target_policy,
        )

    def national_assessment_for(self, assessment_id: int) -> Assessment | None:
        """The national assessment a crossing point's national indicators come from, or None.

        Same country and questionnaire, not deleted, not a conflicting copy: the newest final
        one, else the newest draft. None for an assessment that is not of a crossing point.
        """
        row = self.db.execute(NATIONAL_FOR, (assessment_id,)).fetchone()
        return self.assessment(row[0]) if row else None

    def update_assessment(self, assessment: Assessment) -> None:
        """Save the details (scope, site, date, people, target policy) of an existing assessment."""
        _refuse_text(assessment_texts(assessment))
        _check_scope(assessment.scope)
        _check_policy(assessment.target_policy)
        site = assessment.site
        with write_transaction(self.db):
            self._check_editable(assessment.id)
            self.touch(assessment.id)
            self.db.execute(
                """UPDATE assessments SET site_name = ?, site_ref = ?, country = ?, site_type = ?,
                       pcode = ?, latitude = ?, longitude = ?, date = ?, assessors = ?,
                       institutions = ?, notes = ?, scope = ?, target_policy = ?
                   WHERE id = ?""",
                (site.name, site.reference_id, site.country, site.type, site.pcode, site.latitude,
                 site.longitude, assessment.date, json_list(assessment.assessors),
                 json_list(assessment.institutions), assessment.notes, assessment.scope,
                 assessment.target_policy, assessment.id),
            )

    def list_assessments(self, search: str = "", include_deleted: bool = False) -> list[AssessmentSummary]:
        return assessments(self.db.execute, search, include_deleted)

    def summary(self, assessment_id: int) -> AssessmentSummary:
        row = self.db.execute(_SUMMARY_SQL + " WHERE a.id = ?", (assessment_id,)).fetchone()
        if row is None:
            raise NotFound(Message.of("no_such_assessment", id=assessment_id))
        return _summary(row)

    def same_site_assessments(self, assessment_id: int) -> list[AssessmentSummary]:
        """Other assessments of the same site with a questionnaire of the same family, newest first, to compare with.

        Any version of the same questionnaire, and the rapid and detailed forms of one family
        (hbm-rapid and hbm-detailed), line up indicator by indicator (core/comparison.py).
        """
        row = self.db.execute(
            "SELECT site_name, site_ref, form_id FROM assessments WHERE id = ?", (assessment_id,)
        ).fetchone()
        if row is None:
            raise NotFound(Message.of("no_such_assessment", id=assessment_id))
        site_name, site_ref, form_id = row
        sql = (_SUMMARY_SQL + " WHERE a.id != ? AND a.deleted_at IS NULL"
               " AND (a.site_name = ? OR (a.site_ref != '' AND a.site_ref = ?)) ORDER BY a.date DESC, a.id DESC")
        return [summary for summary in map(_summary, self.db.execute(sql, (assessment_id, site_name, site_ref)))
                if family(summary.form_id) == family(form_id)]

    def delete_assessment(self, assessment_id: int) -> None:
        """Move an assessment to the bin; ``restore_assessment`` brings it back."""
        with write_transaction(self.db):
            self._require(assessment_id)
            self.db.execute("UPDATE assessments SET deleted_at = ? WHERE id = ?", (now(), assessment_id))

    def restore_assessment(self, assessment_id: int) -> None:
        with write_transaction(self.db):
            self._require(assessment_id)
            self.db.execute("UPDATE assessments SET deleted_at = NULL WHERE id = ?", (assessment_id,))

    def duplicate_assessment(self, assessment_id: int, date: str) -> int:
        """Start a follow-up: same site and form, the earlier answers as a starting point, a new identity."""
        source = self.assessment(assessment_id)
        copy = replace(
            source, id=None, uuid=new_uuid(), date=date, status=Status.DRAFT.value, revision=1,
            created_at=now(), updated_at=now(), notes="",
        )
        with write_transaction(self.db):
            new_id = self.insert_assessment_row(copy)
            self.db.execute(
                f"""INSERT INTO answers (assessment_id, indicator_id, grp, {", ".join(ANSWER_COLUMNS)})
                    SELECT ?, indicator_id, grp, {", ".join(ANSWER_COLUMNS)}
                    FROM answers WHERE assessment_id = ?""",
                (new_id, assessment_id),
            )
        return new_id

    def mark_final(self, assessment_id: int) -> None:
        with write_transaction(self.db):
            self._require(assessment_id)
            self.db.execute(
                "UPDATE assessments SET status = 'final', sealed = 1, updated_at = ? WHERE id = ?",
                (now(), assessment_id),
            )

    def reopen(self, assessment_id: int, note: str) -> None:
        """Make a final assessment a draft again; the reason is kept in its notes."""
        if not note.strip():
            raise StoreError(Message.of("reopen_needs_note"))
        _refuse_text([("the note", note)])
        with write_transaction(self.db):
            current = self._require(assessment_id)
            stamp = now()[:16].replace("T", " ")
            notes = (current["notes"] + "\n" if current["notes"] else "") + f"Reopened {stamp}: {note.strip()}"
            self.db.execute(
                "UPDATE assessments SET status = 'draft', notes = ?, updated_at = ? WHERE id = ?",
                (notes, now(), assessment_id),
            )

    def seal(self, assessment_id: int) -> None:
        """Mark the current revision as published (exported); the next change starts a new one."""
        with write_transaction(self.db):
            self.db.execute("UPDATE assessments SET sealed = 1 WHERE id = ?", (assessment_id,))

    def _require(self, assessment_id: int) -> dict:
        row = self.db.execute(
            "SELECT status, sealed, notes FROM assessments WHERE id = ?", (assessment_id,)
        ).fetchone()
        if row is None:
            raise NotFound(Message.of("no_such_assessment", id=assessment_id))
        return {"status": row[0], "sealed": row[1], "notes": row[2]}

    def _check_editable(self, assessment_id: int) -> None:
        if self._require(assessment_id)["status"] == Status.FINAL.value:
            raise StoreError(Message.of("assessment_final"))

    def touch(self, assessment_id: int) -> str:
        """Record a change: new timestamp, and a new revision if the last one was published."""
        stamp = now()
        self.db.execute(
            """UPDATE assessments SET updated_at = ?, revision = revision + sealed, sealed = 0
               WHERE id = ?""",
            (stamp, assessment_id),
        )
        return stamp

    # -- answers -------------------------------------------------------------

    def save_answer(self, assessment_id: int, answer: Answer) -> str:
        """Store one answer; returns the time it was committed to disk."""
        _refuse_text(answer_texts(answer))
        with write_transaction(self.db):
            self._check_editable(assessment_id)
            stamp = self.touch(assessment_id)
            self.upsert_answer_row(assessment_id, replace(answer, updated_at=stamp))
        return stamp

    def refuse_text_of(self, answer: Answer) -> None:
        """StoreError when a text of ``answer`` cannot go into a spreadsheet cell (for callers that store rows)."""
        _refuse_text(answer_texts(answer))

    def upsert_answer_row(self, assessment_id: int, a: Answer) -> None:
        """Within the caller's transaction, no checks (also used by storage/workshop.py)."""
        values = (a.level, a.special, a.target, a.evidence_type, a.evidence_reference, a.evidence_text,
                  a.confidence, a.notes, a.answered_by, a.updated_at)
        updates = ", ".join(f"{c} = excluded.{c}" for c in ANSWER_COLUMNS)
        self.db.execute(
            f"""INSERT INTO answers (assessment_id, indicator_id, grp, {", ".join(ANSWER_COLUMNS)})
                VALUES (?, ?, ?, {", ".join("?" * len(ANSWER_COLUMNS))})
                ON CONFLICT (assessment_id, indicator_id, grp) DO UPDATE SET {updates}""",
            (assessment_id, a.indicator_id, a.group, *values),
        )

    def clear_answer(self, assessment_id: int, indicator_id: str, group: str = "") -> str:
        with write_transaction(self.db):
            self._check_editable(assessment_id)
            stamp = self.touch(assessment_id)
            self.db.execute(
                "DELETE FROM answers WHERE assessment_id = ? AND indicator_id = ? AND grp = ?",
                (assessment_id, indicator_id, group),
            )
        return stamp

    def answers(self, assessment_id: int, group: str = "") -> dict[str, Answer]:
        rows = self.db.execute(
            f"SELECT indicator_id, grp, {', '.join(ANSWER_COLUMNS)} FROM answers "
            "WHERE assessment_id = ? AND grp = ?",
            (assessment_id, group),
        )
        return {row[0]: answer_from_row(row) for row in rows}

    # -- plan of action ------------------------------------------------------

    def save_action(self, assessment_id: int, action: Action) -> int:
        """Add an action to the plan (``action.id`` is None) or change an existing one."""
        _refuse_text(action_texts(action))
        with write_transaction(self.db):
            self._require(assessment_id)
            stamp = self.touch(assessment_id)
            if action.id is None:
                return self._insert_action(assessment_id, action, stamp)
            self.db.execute(
                """UPDATE actions SET title = ?, indicators = ?, responsible = ?, partners = ?,
                       priority = ?, timeframe = ?, due_date = ?, cost = ?, currency = ?, resources = ?,
                       status = ?, updated_at = ?
                   WHERE id = ? AND assessment_id = ?""",
                (*action_values(action), stamp, action.id, assessment_id),
            )
            return action.id

    def _insert_action(self, assessment_id: int, action: Action, stamp: str) -> int:
        cursor = self.db.execute(
            """INSERT INTO actions (assessment_id, uuid, title, indicators, responsible, partners,
                   priority, timeframe, due_date, cost, currency, resources, status, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (assessment_id, action.uuid, *action_values(action), stamp),
        )
        return cursor.lastrowid

    def delete_action(self, assessment_id: int, action_id: int) -> None:
        with write_transaction(self.db):
            self.touch(assessment_id)
            self.db.execute("DELETE FROM actions WHERE id = ? AND assessment_id = ?", (action_id, assessment_id))

    def actions(self, assessment_id: int) -> list[Action]:
        rows = self.db.execute(
            """SELECT id, uuid, title, indicators, responsible, partners, priority, timeframe, due_date,
                      cost, currency, resources, status, updated_at
               FROM actions WHERE assessment_id = ? ORDER BY id""",
            (assessment_id,),
        )
        return [
            Action(
                id=r[0], uuid=r[1], title=r[2], indicators=tuple(json.loads(r[3])), responsible=r[4],
                partners=tuple(json.loads(r[5])), priority=r[6], timeframe=r[7], due_date=r[8],
                cost=r[9], currency=r[10], resources=r[11], status=r[12], updated_at=r[13],
            )
            for r in rows
        ]


def _check_scope(scope: str) -> None:
    if scope not in SCOPES:
        raise StoreError(Message.of("scope_unknown", scope=repr(scope), known=", ".join(SCOPES)))


def _check_policy(policy: str) -> None:
    if policy not in POLICIES:
        raise StoreError(Message.of("policy_unknown", policy=repr(policy), known=", ".join(POLICIES)))


def _refuse_text(*fields) -> None:
    """Text a spreadsheet cell cannot hold is refused where it is stored: it would block every export."""
    problem = first_problem(field for group in fields for field in group)
    if problem:
        raise StoreError(Message.of("text_not_saved", problem=problem))


def action_values(action: Action) -> tuple:
    return (action.title, json_list(action.indicators), action.responsible, json_list(action.partners),
            action.priority, action.timeframe, action.due_date, action.cost, action.currency,
            action.resources, action.status)


def json_list(values: Iterable[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def answer_from_row(row) -> Answer:
    (indicator_id, group, level, special, target, evidence_type, evidence_reference, evidence_text,
     confidence, notes, answered_by, updated_at) = row
    return Answer(
        indicator_id=indicator_id, group=group, level=level, special=special, target=target,
        evidence_type=evidence_type, evidence_reference=evidence_reference, evidence_text=evidence_text,
        confidence=confidence, notes=notes, answered_by=answered_by, updated_at=updated_at,
    )


def _with_shipped_method(stored: Form) -> Form:
    """The app's own copy when it ships the same questionnaire: its primary phases and scopes are current.

    A database keeps the copy it was given, and copies stored before the forms declared
    primary phases and scopes lack them; what the answers mean (``Form.meaning()``) must be
    the same, or the stored copy stays as it is.
    """
    shipped = shipped_form(stored.key)
    if shipped is not None and shipped is not stored and shipped.meaning() == stored.meaning():
        return shipped
    return stored
