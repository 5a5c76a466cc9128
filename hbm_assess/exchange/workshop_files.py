"""Workshop group files: one workbook per break-out group out, each group's answers merged back in.

A group file is an ordinary export of the workshop assessment whose machine sheet
also says which group it is for and what each group was asked to score. On the
group's laptop it imports as a new assessment tied to that group; back at the
facilitator's, the same uuid with a group tag is merged as that group's answers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from hbm_assess.core.assessment import Answer
from hbm_assess.core.workshop import Group
from hbm_assess.exchange.hashing import answer_record
from hbm_assess.storage import workshop

WORKSHOP_KEY = "workshop"


def workshop_row(groups: list[Group], group: str) -> dict:
    """What the machine sheet says about the workshop: the group the file is for, and every assignment."""
    return {"group": group, "groups": [g.to_dict() for g in groups]}


def read_workshop(value: object) -> tuple[str, list[Group]] | None:
    if not isinstance(value, dict) or not isinstance(value.get("group"), str):
        return None
    try:
        groups = [Group.from_dict(g) for g in value.get("groups", [])]
    except (KeyError, TypeError):
        return None
    return value["group"], groups


def _safe(name: str) -> str:
    return re.sub(r"[^\w\-]+", "-", name, flags=re.UNICODE).strip("-") or "group"


def prepare_group_files(store, assessment_id: int, folder: Path, language: str = "en",
                        progress: Callable | None = None, cancelled: Callable[[], bool] | None = None) -> list[Path]:
    """Write one workbook per group of the workshop into ``folder``."""
    from hbm_assess.exchange.export import ExportError, export_assessment

    groups = workshop.groups(store, assessment_id)
    if not groups:
        raise ExportError("this assessment has no workshop groups yet; add them under Workshop → Groups first")
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    site = store.assessment(assessment_id).site.name
    written = []
    for done, group in enumerate(groups):
        if cancelled and cancelled():
            break
        path = folder / f"{_safe(site)}-{_safe(group.name)}.xlsx"
        if progress:
            progress(done, len(groups), path)
        written.append(export_assessment(store, assessment_id, path, language,
                                         workshop=workshop_row(groups, group.name)))
    if progress:
        progress(len(groups), len(groups), None)
    return written


def group_hash(answers: list[Answer]) -> str:
    """Identifies a group's answers, so the same group file merged twice is seen as unchanged."""
    import hashlib
    import json

    records = sorted((answer_record(a) for a in answers), key=lambda r: r["indicator_id"])
    for record in records:
        record.pop("updated_at", None)
        record.pop("group", None)
    return "sha256:" + hashlib.sha256(json.dumps(records, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def group_answers_in_file(answers: list[Answer], group: Group | None) -> list[Answer]:
    """The answers a group file brings: its agreed answers, limited to the group's indicators when it has some."""
    main = [a for a in answers if not a.group]
    if group is not None and group.indicators:
        wanted = set(group.indicators)
        main = [a for a in main if a.indicator_id in wanted]
    return [a for a in main if a.is_answered or a.has_evidence or a.notes]


def workshop_of(store, assessment_id: int) -> dict | None:
    """The workshop row for an ordinary export: the laptop's group, if any, and the groups, if any."""
    groups = workshop.groups(store, assessment_id)
    group = workshop.laptop_group(store, assessment_id)
    return workshop_row(groups, group) if groups or group else None


def add_workshop_row(workbook, info: dict | None) -> None:
    """Append the workshop row to the machine sheet of a workbook about to be saved."""
    import json

    from hbm_assess.exchange.layout import MACHINE_SHEET

    if not info:
        return
    sheet = workbook[MACHINE_SHEET]
    cell = sheet.cell(row=sheet.max_row + 1, column=1, value=WORKSHOP_KEY)
    value = sheet.cell(row=cell.row, column=2)
    value._value = json.dumps(info, ensure_ascii=False)  # always text, never read as a formula
    value.data_type = "s"


def _parsed(contents) -> tuple[str, list[Group]] | None:
    import json

    if not contents.workshop:
        return None
    try:
        return read_workshop(json.loads(contents.workshop))
    except ValueError:
        return None


def merge_group_file(store, path: Path, contents):
    """Merge a group's file into the facilitator's workshop assessment; None when it is not such a file."""
    from hbm_assess.exchange.importing import FileResult, Outcome

    info = _parsed(contents)
    if info is None or not info[0]:
        return None
    group_name, assignments = info
    target = store.db.execute(
        """SELECT a.id FROM assessments a WHERE a.uuid = ? AND a.workshop_group = '' AND a.deleted_at IS NULL
           AND a.conflict_of IS NULL AND EXISTS (SELECT 1 FROM workshop_groups g WHERE g.assessment_id = a.id)""",
        (contents.assessment.uuid,)).fetchone()
    if target is None:
        return None  # not the facilitator's database: an ordinary import (a group laptop receiving its file)
    assessment_id = target[0]
    group = next((g for g in assignments if g.name == group_name), None)
    answers = group_answers_in_file(contents.answers, group)
    fingerprint = group_hash(answers)
    done = workshop.merge_record(store, assessment_id, group_name)
    result = FileResult(path, Outcome.UNCHANGED, "", assessment_id, contents.assessment.uuid,
                        contents.assessment.revision)
    if done is not None and done.content_hash == fingerprint:
        result.message = f"group “{group_name}”: these answers were already merged into assessment {assessment_id}"
        return result
    if done is not None and done.revision is not None and contents.assessment.revision < done.revision:
        result.outcome = Outcome.SKIPPED
        result.message = (f"group “{group_name}”: the file holds revision {contents.assessment.revision}, older "
                          f"than revision {done.revision} already merged; nothing was changed")
        return result
    plan = workshop.replace_group_answers(store, assessment_id, group_name, answers, contents.assessment.revision,
                                          fingerprint)
    result.outcome = Outcome.UPDATED
    result.message = (f"group “{group_name}”: {len(answers)} answers merged into assessment {assessment_id}; "
                      f"{len(plan.cases)} indicators scored by several groups, {len(plan.disagreements)} of them "
                      "two or more levels apart")
    return result


def join_group_laptop(store, assessment_id: int, contents) -> str:
    """On a group's laptop, tie the newly imported workshop copy to its group; returns a note for the report."""
    info = _parsed(contents)
    if info is None or not info[0]:
        return ""
    group_name, assignments = info
    workshop.set_laptop_group(store, assessment_id, group_name)
    workshop.save_groups(store, assessment_id, assignments)
    return f"; this laptop scores for group “{group_name}”"
