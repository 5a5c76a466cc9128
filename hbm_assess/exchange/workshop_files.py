"""Workshop group files: one workbook per break-out group out, each group's answers merged back in.

A group file is an ordinary export of the workshop assessment whose machine sheet
also says which group it is for and what each group was asked to score. On the
group's laptop it imports as a new assessment tied to that group; back at the
facilitator's, the same uuid with a group tag is merged as that group's answers.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

from hbm_assess.core.assessment import Answer
from hbm_assess.core.messages import Message
from hbm_assess.core.workshop import Group, Output
from hbm_assess.exchange.export import ExportError, export_assessment, workshop_row
from hbm_assess.exchange.hashing import answer_record, output_record
from hbm_assess.exchange.import_results import FileResult, Outcome
from hbm_assess.exchange.reading import WorkbookContents
from hbm_assess.storage import workshop, workshop_outputs
from hbm_assess.storage.store import Store


def _safe(name: str) -> str:
    return re.sub(r"[^\w\-]+", "-", name, flags=re.UNICODE).strip("-") or "group"


def prepare_group_files(store: Store, assessment_id: int, folder: Path, language: str = "en",
                        progress: Callable | None = None, cancelled: Callable[[], bool] | None = None,
                        password: str | None = None) -> list[Path]:
    """Write one workbook per group of the workshop into ``folder`` (each encrypted with ``password``, if any)."""
    groups = workshop.groups(store, assessment_id)
    if not groups:
        raise ExportError(Message.of("no_workshop_groups"))
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
                                         workshop=workshop_row(groups, group.name), password=password))
    if progress:
        progress(len(groups), len(groups), None)
    return written


def group_hash(answers: list[Answer], outputs: list[Output] = ()) -> str:
    """Identifies a group's answers and outputs, so the same group file merged twice is seen as unchanged."""
    records = sorted((answer_record(a) for a in answers), key=lambda r: r["indicator_id"])
    for record in records:
        record.pop("updated_at", None)
        record.pop("group", None)
    written: object = records
    if outputs:  # only then: a group file merged before outputs existed keeps its fingerprint
        found = sorted((output_record(o) for o in outputs), key=lambda r: r["uuid"])
        for record in found:
            record.pop("updated_at", None)
        written = {"answers": records, "outputs": found}
    return "sha256:" + hashlib.sha256(json.dumps(written, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def group_outputs_in_file(outputs: tuple[Output, ...], group: str) -> list[Output]:
    """The outputs a group file brings back: those its group wrote (the facilitator's stay the facilitator's)."""
    return [o for o in outputs if o.group == group]


def group_answers_in_file(answers: list[Answer], group: Group | None) -> list[Answer]:
    """The answers a group file brings: its agreed answers, limited to the group's indicators when it has some."""
    main = [a for a in answers if not a.group]
    if group is not None and group.indicators:
        wanted = set(group.indicators)
        main = [a for a in main if a.indicator_id in wanted]
    return [a for a in main if a.is_answered or a.has_evidence or a.notes]


def merge_group_file(store: Store, path: Path, contents: WorkbookContents) -> FileResult | None:
    """Merge a group's file into the facilitator's workshop assessment; None when it is not such a file."""
    info = contents.workshop
    if info is None or not info.group:
        return None
    assessment_id = workshop.facilitator_copy(store, contents.assessment.uuid)
    if assessment_id is None:
        return None  # not the facilitator's database: an ordinary import (a group laptop receiving its file)
    group_name = info.group
    group = next((g for g in info.groups if g.name == group_name), None)
    answers = group_answers_in_file(contents.answers, group)
    outputs = group_outputs_in_file(contents.outputs, group_name)
    fingerprint = group_hash(answers, outputs)
    done = workshop.merge_record(store, assessment_id, group_name)
    result = FileResult(path, Outcome.UNCHANGED, "", assessment_id, contents.assessment.uuid,
                        contents.assessment.revision)
    if done is not None and done.content_hash == fingerprint:
        result.say(Message.of("group_already_merged", group=group_name, id=assessment_id))
        return result
    if done is not None and done.revision is not None and contents.assessment.revision < done.revision:
        result.outcome = Outcome.SKIPPED
        result.say(Message.of("group_file_older", group=group_name, revision=contents.assessment.revision,
                              merged=done.revision))
        return result
    plan = workshop.replace_group_answers(store, assessment_id, group_name, answers, contents.assessment.revision,
                                          fingerprint)
    workshop_outputs.replace_outputs(store, assessment_id, outputs, group=group_name)
    result.outcome = Outcome.UPDATED
    result.say(Message.of("group_merged", group=group_name, answers=len(answers), outputs=len(outputs),
                          id=assessment_id, several=len(plan.cases), apart=len(plan.disagreements)))
    return result


def join_group_laptop(store: Store, assessment_id: int, contents: WorkbookContents) -> Message | None:
    """On a group's laptop, tie the newly imported workshop copy to its group; returns a note for the report."""
    info = contents.workshop
    if info is None or not info.group:
        return None
    workshop.set_laptop_group(store, assessment_id, info.group)
    workshop.save_groups(store, assessment_id, list(info.groups))
    return Message.of("laptop_scores_for_group", group=info.group)
