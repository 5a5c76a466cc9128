"""Workshop groups in the database: assignments, group answers, merging and the agreed answers."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace

from hbm_assess.core.assessment import Answer, now
from hbm_assess.core.messages import Message
from hbm_assess.core.workshop import Group, MergePlan, answer_content, plan_merge
from hbm_assess.storage.database import write_transaction
from hbm_assess.storage.store import Store, StoreError, answer_from_row


@dataclass(frozen=True)
class MergeRecord:
    """The last group file merged for a group."""

    revision: int | None
    content_hash: str | None
    merged_at: str | None


def save_groups(store: Store, assessment_id: int, groups: list[Group]) -> None:
    """Replace the workshop's groups and their assignments, keeping what was merged for groups that stay."""
    names = [g.name for g in groups]
    if len(set(names)) != len(names) or not all(n.strip() for n in names):
        raise ValueError("every group needs a name of its own")
    with write_transaction(store.db):
        store.db.execute(
            f"DELETE FROM workshop_groups WHERE assessment_id = ? AND name NOT IN ({', '.join('?' * len(names))})",
            (assessment_id, *names))
        for group in groups:
            store.db.execute(
                """INSERT INTO workshop_groups (assessment_id, name, members, institutions, indicators)
                   VALUES (?, ?, ?, ?, ?)
                   ON CONFLICT (assessment_id, name) DO UPDATE SET members = excluded.members,
                       institutions = excluded.institutions, indicators = excluded.indicators""",
                (assessment_id, group.name, json.dumps(list(group.members), ensure_ascii=False),
                 json.dumps(list(group.institutions), ensure_ascii=False), json.dumps(list(group.indicators))))


def groups(store: Store, assessment_id: int) -> list[Group]:
    rows = store.db.execute(
        "SELECT name, members, institutions, indicators FROM workshop_groups WHERE assessment_id = ? ORDER BY name",
        (assessment_id,))
    return [Group(name, tuple(json.loads(m)), tuple(json.loads(i)), tuple(json.loads(ind)))
            for name, m, i, ind in rows]


def merge_record(store: Store, assessment_id: int, group: str) -> MergeRecord | None:
    row = store.db.execute(
        "SELECT merged_revision, merged_hash, merged_at FROM workshop_groups WHERE assessment_id = ? AND name = ?",
        (assessment_id, group)).fetchone()
    return MergeRecord(*row) if row else None


def facilitator_copy(store: Store, uuid: str) -> int | None:
    """The facilitator's workshop assessment with this uuid (it has groups and is no group's copy), if here."""
    row = store.db.execute(
        """SELECT a.id FROM assessments a WHERE a.uuid = ? AND a.workshop_group = '' AND a.deleted_at IS NULL
           AND a.conflict_of IS NULL AND EXISTS (SELECT 1 FROM workshop_groups g WHERE g.assessment_id = a.id)""",
        (uuid,)).fetchone()
    return row[0] if row else None


def laptop_group(store: Store, assessment_id: int) -> str:
    """On a group's laptop, the group this copy of the workshop belongs to ('' elsewhere)."""
    row = store.db.execute("SELECT workshop_group FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
    return row[0] if row else ""


def set_laptop_group(store: Store, assessment_id: int, group: str) -> None:
    with write_transaction(store.db):
        store.db.execute("UPDATE assessments SET workshop_group = ? WHERE id = ?", (group, assessment_id))


def group_answers(store: Store, assessment_id: int) -> dict[str, dict[str, Answer]]:
    """Every group's own answers, by group, then by indicator."""
    found: dict[str, dict[str, Answer]] = {}
    rows = store.db.execute(
        """SELECT indicator_id, grp, level, special, target, evidence_type, evidence_reference, evidence_text,
                  confidence, notes, answered_by, updated_at
           FROM answers WHERE assessment_id = ? AND grp != '' ORDER BY grp, indicator_id""", (assessment_id,))
    for row in rows:
        answer = answer_from_row(row)
        found.setdefault(answer.group, {})[answer.indicator_id] = answer
    return found


def merge_plan(store: Store, assessment_id: int) -> MergePlan:
    form = store.form(*_form_key(store, assessment_id))
    return plan_merge(form, group_answers(store, assessment_id), store.answers(assessment_id))


def _form_key(store: Store, assessment_id: int) -> tuple[str, str]:
    return tuple(store.db.execute(
        "SELECT form_id, form_version FROM assessments WHERE id = ?", (assessment_id,)).fetchone())


def replace_group_answers(store: Store, assessment_id: int, group: str, answers: list[Answer], revision: int,
                          content_hash: str) -> MergePlan:
    """Put a group's newer answers in place of its earlier ones, then adopt what only that group answered.

    Runs inside the caller's transaction when there is one (an import of one file is one transaction).
    """
    with write_transaction(store.db):
        store.db.execute("DELETE FROM answers WHERE assessment_id = ? AND grp = ?", (assessment_id, group))
        for answer in answers:
            if answer.is_answered or answer.has_evidence or answer.notes:
                store.upsert_answer_row(assessment_id, replace(answer, group=group))
        store.db.execute(
            """INSERT INTO workshop_groups (assessment_id, name, merged_revision, merged_hash, merged_at)
               VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (assessment_id, name) DO UPDATE SET merged_revision = excluded.merged_revision,
                   merged_hash = excluded.merged_hash, merged_at = excluded.merged_at""",
            (assessment_id, group, revision, content_hash, now()))
        plan = merge_plan(store, assessment_id)
        for answer in plan.adopt.values():
            store.upsert_answer_row(assessment_id, answer)
        for indicator_id in plan.withdraw:
            store.db.execute("DELETE FROM answers WHERE assessment_id = ? AND indicator_id = ? AND grp = ''",
                             (assessment_id, indicator_id))
        store.touch(assessment_id)
    return plan


def settle(store: Store, assessment_id: int, agreed: Answer) -> str:
    """Record the facilitator's agreed answer; group answers stay as they are."""
    return store.save_answer(assessment_id, agreed)


def conflict_cases(store: Store, assessment_id: int) -> list[tuple[int, list]]:
    """For each conflicting copy of this assessment, the indicators on which the two disagree, as cases.

    The same uuid edited in two places is settled like a workshop disagreement:
    'here' is this database's answer, the other side is the copy from the file.
    """
    from hbm_assess.core.workshop import ConsensusCase

    found = []
    ours = store.answers(assessment_id)
    rows = store.db.execute(
        "SELECT id FROM assessments WHERE conflict_of = ? AND deleted_at IS NULL ORDER BY id",
        (assessment_id,)).fetchall()
    for (copy_id,) in rows:
        theirs = store.answers(copy_id)
        cases = []
        for indicator_id in sorted(set(ours) | set(theirs)):
            mine, other = ours.get(indicator_id), theirs.get(indicator_id)
            if _differ(mine, other):
                by_side = {}
                if mine is not None:
                    by_side[HERE] = mine
                if other is not None:
                    by_side[f"{COPY} {copy_id}"] = other
                decided = mine if mine is not None and mine.answered_by == "consensus" else None
                cases.append(ConsensusCase(indicator_id, by_side, decided))
        found.append((copy_id, cases))
    return found


HERE = "here"
COPY = "file copy"


def _differ(a: Answer | None, b: Answer | None) -> bool:
    return (a and answer_content(a)) != (b and answer_content(b))


def settle_conflict(store: Store, assessment_id: int, copy_id: int) -> None:
    """The conflict is settled: the other copy goes to the bin (recoverable), this one is the assessment.

    The assessment takes on the other copy's lineage too, so a file of any revision the
    settlement has seen is recognised as older, never as a new conflict.
    """
    with write_transaction(store.db):
        rows = store.db.execute("SELECT lineage FROM assessments WHERE id IN (?, ?) ORDER BY id != ?",
                                (assessment_id, copy_id, assessment_id)).fetchall()
        merged = list(dict.fromkeys(h for (text,) in rows for h in json.loads(text or "[]")))
        store.db.execute("UPDATE assessments SET lineage = ? WHERE id = ?", (json.dumps(merged), assessment_id))
        store.db.execute("UPDATE assessments SET deleted_at = ? WHERE id = ? AND conflict_of = ?",
                         (now(), copy_id, assessment_id))


def save_group_answer(store: Store, assessment_id: int, group: str, answer: Answer) -> str:
    """Record one break-out group's own answer (the facilitator typing it in), then adopt what only
    one group answered, as a merged group file does; returns the commit time."""
    store.refuse_text_of(answer)
    with write_transaction(store.db):
        if store.assessment(assessment_id).status == "final":
            raise StoreError(Message.of("assessment_final"))
        stamp = store.touch(assessment_id)
        store.upsert_answer_row(assessment_id, replace(answer, group=group, updated_at=stamp))
        plan = merge_plan(store, assessment_id)
        adopt = plan.adopt.get(answer.indicator_id)
        if adopt is not None:
            store.upsert_answer_row(assessment_id, adopt)
        if answer.indicator_id in plan.withdraw:
            # Adopted from the one group that had answered; a second group makes it the plenary's to settle.
            store.db.execute("DELETE FROM answers WHERE assessment_id = ? AND indicator_id = ? AND grp = ''",
                             (assessment_id, answer.indicator_id))
    return stamp
