"""Workshop outputs in the database: challenges, strategy directions and institutions' contributions."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import replace

from hbm_assess.core.workshop import Output, output_problem, output_texts
from hbm_assess.storage.database import write_transaction
from hbm_assess.storage.store import Store, StoreError, _refuse_text, json_list

_COLUMNS = "uuid, area_id, kind, text, institution, indicators, actions, grp, updated_at"


def add_output(store: Store, assessment_id: int, output: Output) -> Output:
    """Record one output (a group's laptop files it under its group); returns it as stored."""
    assessment = store.assessment(assessment_id)
    form = store.form(assessment.form_id, assessment.form_version)
    output = replace(output, text=output.text.strip(), institution=output.institution.strip())
    problem = output_problem(output, form, frozenset(a.uuid for a in store.actions(assessment_id)))
    if problem:
        raise StoreError(problem)
    _refuse_text(output_texts(output))
    with write_transaction(store.db):
        store._check_editable(assessment_id)
        stamp = store.touch(assessment_id)
        output = replace(output, updated_at=stamp)
        insert_outputs(store, assessment_id, [output])
    return output


def add_outputs(store: Store, assessment_id: int, found: list[Output]) -> None:
    """Record outputs written elsewhere, their stamps kept, in one transaction (the demo's workshop)."""
    assessment = store.assessment(assessment_id)
    form = store.form(assessment.form_id, assessment.form_version)
    actions = frozenset(a.uuid for a in store.actions(assessment_id))
    for output in found:
        problem = output_problem(output, form, actions)
        if problem:
            raise StoreError(problem)
        _refuse_text(output_texts(output))
    with write_transaction(store.db):
        store._check_editable(assessment_id)
        insert_outputs(store, assessment_id, found)


def delete_output(store: Store, assessment_id: int, uuid: str) -> None:
    with write_transaction(store.db):
        store._check_editable(assessment_id)
        if store.db.execute("DELETE FROM workshop_outputs WHERE assessment_id = ? AND uuid = ?",
                            (assessment_id, uuid)).rowcount == 0:
            raise StoreError(f"assessment {assessment_id} has no workshop output {uuid}")
        store.touch(assessment_id)


def outputs(store: Store, assessment_id: int) -> list[Output]:
    """Every output of an assessment, in the order they were written."""
    rows = store.db.execute(f"SELECT {_COLUMNS} FROM workshop_outputs WHERE assessment_id = ? ORDER BY id",
                            (assessment_id,))
    return [Output(kind=kind, text=text, area=area, institution=institution,
                   indicators=tuple(json.loads(indicators)), actions=tuple(json.loads(actions)), group=group,
                   uuid=uuid, updated_at=updated_at)
            for uuid, area, kind, text, institution, indicators, actions, group, updated_at in rows]


def insert_outputs(store: Store, assessment_id: int, found: Iterable[Output]) -> int:
    """Within the caller's transaction: add outputs not here yet (by uuid); returns how many were new."""
    cursor = store.db.conn.executemany(
        f"INSERT OR IGNORE INTO workshop_outputs (assessment_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(assessment_id, o.uuid, o.area, o.kind, o.text, o.institution, json_list(o.indicators),
          json_list(o.actions), o.group, o.updated_at) for o in found])
    return max(cursor.rowcount, 0)


def replace_outputs(store: Store, assessment_id: int, found: Iterable[Output], group: str | None = None) -> None:
    """Within the caller's transaction: the file's outputs in place of the stored ones (one group's only,
    when ``group`` is given, as a merged group file replaces that group's answers)."""
    if group is None:
        store.db.execute("DELETE FROM workshop_outputs WHERE assessment_id = ?", (assessment_id,))
    else:
        store.db.execute("DELETE FROM workshop_outputs WHERE assessment_id = ? AND grp = ?", (assessment_id, group))
    insert_outputs(store, assessment_id, found)
