"""The hidden ``_hbm`` sheet: what a program needs to import a workbook exactly as it was exported.

One key and one value a row. Long JSON values (the data, the questionnaire) are cut
into several rows with the same key, since a cell holds at most 32,767 characters.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from hbm_assess import __version__
from hbm_assess.core.assessment import SCOPES, Action, Answer, AnswerError, Assessment, Scope, Site, Status
from hbm_assess.core.messages import Message
from hbm_assess.core.targets import DEFAULT_POLICY, POLICIES
from hbm_assess.core.workshop import OUTPUT_KINDS, Group, Output
from hbm_assess.exchange.cells import as_text, cell_name
from hbm_assess.exchange.hashing import HASH_PATTERN, action_record, answer_record, assessment_record, output_record
from hbm_assess.exchange.layout import FORMAT, FORMAT_VERSION, MACHINE_SHEET
from hbm_assess.exchange.safety import WorkbookRejected

CHUNK = 8_000  # code points: at most 16,000 UTF-16 units even if every one is an emoji, escaping included
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HASH = re.compile(HASH_PATTERN)
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")
MAX_REVISION = 1_000_000_000
MAX_DEPTH = 16  # the data nests four levels deep; a deeper file is made by hand, to hurt a parser
SQLITE_INTEGERS = (-(2**63), 2**63 - 1)
_IN_CELLS = ("uuid", "revision", "status", "created_at", "updated_at", "form_id", "form_version")
_REQUIRED_SINCE = {"lineage": 2}
_REQUIRED = ("format_version", "uuid", "revision", "status", "created_at", "updated_at", "form_id",
             "form_version", "content_hash", "data", "form")


def machine_rows(assessment: Assessment, answers: Sequence[Answer], actions: Sequence[Action], form_data: dict,
                 content_hash: str, sheets: dict[str, str], language: str, exported_at: str,
                 workshop: dict | None = None, lineage: Sequence[str] = (),
                 edited_outside: bool = False, outputs: Sequence[Output] = ()) -> list[tuple]:
    """The (key, value) rows of the machine sheet."""
    record = assessment_record(assessment)
    data = {
        "assessment": {key: value for key, value in record.items() if key not in _IN_CELLS},
        "answers": [answer_record(a) for a in answers],
        "actions": [action_record(a) for a in actions],
    }
    if outputs:
        data["outputs"] = [output_record(o) for o in outputs]
    rows: list[tuple] = [
        ("format", FORMAT), ("format_version", FORMAT_VERSION), ("app_version", __version__),
        ("exported_at", exported_at), ("language", language),
    ]
    rows += [(key, record[key]) for key in _IN_CELLS]
    rows += [("content_hash", content_hash), ("sheets", json.dumps(sheets, ensure_ascii=False))]
    rows += [("lineage", chunk) for chunk in _chunks(json.dumps(list(lineage) or [content_hash]))]
    rows += [("data", chunk) for chunk in _chunks(json.dumps(data, ensure_ascii=False, allow_nan=False))]
    rows += [("form", chunk) for chunk in _chunks(json.dumps(form_data, ensure_ascii=False))]
    if edited_outside:
        rows.append(("edited_outside", 1))
    if workshop:
        rows += [("workshop", chunk) for chunk in _chunks(json.dumps(workshop, ensure_ascii=False))]
    return rows


def _chunks(text: str) -> list[str]:
    return [text[i:i + CHUNK] for i in range(0, len(text), CHUNK)] or [""]


@dataclass(frozen=True)
class MachineData:
    """The machine sheet as read back, checked for shape but not yet against a questionnaire."""

    format_version: int
    app_version: str
    exported_at: str
    language: str
    uuid: str
    revision: int
    status: str
    created_at: str
    updated_at: str
    form_id: str
    form_version: str
    content_hash: str
    sheets: dict[str, str]
    data: dict
    form_json: str
    workshop: WorkshopInfo | None = None
    lineage: tuple[str, ...] = ()
    edited_outside: bool = False  # some revision it descends from was changed in a spreadsheet program


@dataclass(frozen=True)
class WorkshopInfo:
    """What a workshop file says: the group it is for ('' for an ordinary export) and every group's assignment."""

    group: str
    groups: tuple[Group, ...]


def read_machine_sheet(rows: list[list]) -> MachineData:
    """Check and read the machine sheet's rows (as python-calamine gives them)."""
    values: dict[str, list[tuple[int, object]]] = {}
    for number, row in enumerate(rows):
        if row and as_text(row[0]).strip():
            values.setdefault(as_text(row[0]).strip(), []).append((number, row[1] if len(row) > 1 else ""))

    def where(key: str) -> str:
        return f"{MACHINE_SHEET}!{cell_name(values[key][0][0], 1)}"

    def single(key: str) -> str:
        return as_text(values[key][0][1]).strip()

    if "format" not in values or single("format") != FORMAT:
        raise WorkbookRejected(Message.of("machine_sheet_not_ours", sheet=MACHINE_SHEET))
    missing = [key for key in _REQUIRED if key not in values]
    if missing:
        raise WorkbookRejected(Message.of("machine_rows_missing", sheet=MACHINE_SHEET, rows=", ".join(missing)))
    version = _integer(values["format_version"][0][1])
    if version is None or version < 1:
        raise WorkbookRejected(Message.of("not_a_format_version", place=where("format_version"),
                                          text=repr(single("format_version"))))
    if version > FORMAT_VERSION:
        raise WorkbookRejected(Message.of("newer_format", version=version, known=FORMAT_VERSION))
    uuid = single("uuid")
    if not UUID.match(uuid):
        raise WorkbookRejected(Message.of("not_an_assessment_id", place=where("uuid"), text=repr(uuid)))
    revision = _integer(values["revision"][0][1])
    if revision is None or not 1 <= revision <= MAX_REVISION:
        raise WorkbookRejected(Message.of("not_a_revision", place=where("revision"),
                                          text=repr(single("revision")[:40]), most=f"{MAX_REVISION:,}"))
    status = single("status")
    if status not in {s.value for s in Status}:
        raise WorkbookRejected(Message.of("not_a_status", place=where("status"), text=repr(status)))
    for key in ("created_at", "updated_at"):
        if not TIMESTAMP.match(single(key)):
            raise WorkbookRejected(Message.of("not_a_timestamp", place=where(key), text=repr(single(key))))
    content_hash = single("content_hash")
    if not HASH.match(content_hash):
        raise WorkbookRejected(Message.of("not_a_content_hash", place=where("content_hash"),
                                          text=repr(content_hash[:80])))
    missing = [key for key, since in _REQUIRED_SINCE.items() if version >= since and key not in values]
    if missing:
        raise WorkbookRejected(Message.of("machine_rows_missing", sheet=MACHINE_SHEET, rows=", ".join(missing)))
    lineage: tuple[str, ...] = ()
    if "lineage" in values:
        found = load_json("".join(as_text(v) for _, v in values["lineage"]), where("lineage"),
                          Message.of("what_lineage"))
        if not isinstance(found, list) or not found or not all(isinstance(h, str) and HASH.match(h) for h in found):
            raise WorkbookRejected(Message.of("lineage_damaged", place=where("lineage")))
        lineage = tuple(found)
    sheets = _json(single("sheets"), where("sheets")) if "sheets" in values else {}
    data = _json("".join(as_text(v) for _, v in values["data"]), where("data"))
    if not isinstance(data, dict) or not isinstance(sheets, dict):
        raise WorkbookRejected(Message.of("embedded_data_damaged", place=where("data")))
    return MachineData(
        format_version=version,
        app_version=single("app_version") if "app_version" in values else "",
        exported_at=single("exported_at") if "exported_at" in values else "",
        language=single("language") if "language" in values else "en",
        uuid=uuid, revision=revision, status=status,
        created_at=single("created_at"), updated_at=single("updated_at"),
        form_id=single("form_id"), form_version=single("form_version"),
        content_hash=content_hash, sheets={str(k): str(v) for k, v in sheets.items()}, data=data,
        form_json="".join(as_text(v) for _, v in values["form"]),
        lineage=lineage,
        edited_outside="edited_outside" in values and single("edited_outside") == "1",
        workshop=_workshop("".join(as_text(v) for _, v in values["workshop"]), where("workshop"))
        if "workshop" in values else None,
    )


def _workshop(text: str, place: str) -> WorkshopInfo:
    value = load_json(text, place, Message.of("what_workshop_row"))

    def problem(detail: Message) -> WorkbookRejected:
        return WorkbookRejected(Message.of("workshop_row_damaged", place=place, detail=detail))

    if not isinstance(value, dict) or not isinstance(value.get("group"), str):
        raise problem(Message.of("workshop_row_no_group"))
    groups = value.get("groups", [])
    if not isinstance(groups, list):
        raise problem(Message.of("workshop_groups_not_list"))
    found = []
    for n, group in enumerate(groups):
        lists = ("members", "institutions", "indicators")
        if (not isinstance(group, dict) or not isinstance(group.get("name"), str)
                or not all(isinstance(group.get(key, []), list) and all(isinstance(x, str) for x in group.get(key, []))
                           for key in lists)):
            raise problem(Message.of("workshop_group_shape", number=n + 1))
        found.append(Group(group["name"], *(tuple(group.get(key, [])) for key in lists)))
    return WorkshopInfo(value["group"], tuple(found))


def _integer(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int):
        return value
    text = as_text(value).strip()
    return int(text) if text.isdigit() else None


def _json(text: str, place: str):
    return load_json(text, place)


def load_json(text: str, place: str, what: Message | None = None, max_depth: int = MAX_DEPTH):
    """Parse embedded JSON, refusing what a hand-made file could use to hurt: deep nesting, huge numbers."""

    def refuse(detail: Message) -> WorkbookRejected:
        return WorkbookRejected(Message.of("json_damaged", place=place, what=what or Message.of("what_embedded_data"),
                                           detail=detail))

    def no_constant(name: str):
        raise refuse(Message.of("json_not_a_number", name=name))

    # Numbers are checked as the parser meets them and only containers are walked: a walk over
    # every value (tens of thousands of strings for a carried questionnaire) was a tenth of an import (#20).
    def integer(digits: str) -> int:
        number = int(digits)
        if not SQLITE_INTEGERS[0] <= number <= SQLITE_INTEGERS[1]:
            raise refuse(Message.of("json_number_too_large", number=str(number)[:30]))
        return number

    def real(digits: str) -> float:
        number = float(digits)
        if not math.isfinite(number):
            raise refuse(Message.of("json_infinite"))
        return number

    try:
        value = json.loads(text, parse_constant=no_constant, parse_int=integer, parse_float=real)
    except RecursionError:
        raise refuse(Message.of("json_too_deep")) from None
    except ValueError:
        raise refuse(Message.of("json_invalid")) from None
    containers = [(value, 1)] if isinstance(value, dict | list) else []
    while containers:
        item, depth = containers.pop()
        if depth > max_depth or (item and depth == max_depth):  # the container, or what it holds, too deep
            raise refuse(Message.of("json_deeper_than", levels=max_depth))
        containers += [(inner, depth + 1) for inner in (item.values() if isinstance(item, dict) else item)
                       if isinstance(inner, dict | list)]
    return value


def _scope(shape: _Shape, record: dict) -> str:
    """Absent before scopes existed (and for a crossing point, so older hashes hold)."""
    if "scope" not in record:
        return Scope.CROSSING_POINT.value
    scope = shape.get(record, "scope", str, "assessment")
    if scope not in SCOPES:
        raise shape.damaged(Message.of("data_not_one_of", field="assessment.scope", text=repr(scope[:40]),
                                       allowed=", ".join(SCOPES)))
    return scope


def _target_policy(shape: _Shape, record: dict) -> str:
    """Absent before target policies existed (and for the default, current + 1, so older hashes hold)."""
    if "target_policy" not in record:
        return DEFAULT_POLICY
    policy = shape.get(record, "target_policy", str, "assessment")
    if policy not in POLICIES:
        raise shape.damaged(Message.of("data_not_one_of", field="assessment.target_policy", text=repr(policy[:40]),
                                       allowed=", ".join(POLICIES)))
    return policy


class _Shape:
    """Reads typed fields out of the embedded JSON, naming the first one that is wrong."""

    def __init__(self, place: str):
        self.place = place

    def get(self, record: object, key: str, kind: type | tuple, where: str, optional: bool = False):
        if not isinstance(record, dict) or key not in record:
            raise self.damaged(Message.of("data_field_missing", field=f"{where}.{key}"))
        value = record[key]
        if value is None and optional:
            return None
        if isinstance(value, bool) or not isinstance(value, kind):
            raise self.damaged(Message.of("data_field_wrong_type", field=f"{where}.{key}"))
        return value

    def strings(self, record: object, key: str, where: str) -> tuple[str, ...]:
        value = self.get(record, key, list, where)
        if not all(isinstance(item, str) for item in value):
            raise self.damaged(Message.of("data_field_not_texts", field=f"{where}.{key}"))
        return tuple(value)

    def damaged(self, detail: Message) -> WorkbookRejected:
        return WorkbookRejected(Message.of("json_damaged", place=self.place, what=Message.of("what_embedded_data"),
                                           detail=detail))


def embedded_records(machine: MachineData) -> tuple[Assessment, list[Answer], list[Action]]:
    """The assessment, answers and plan the workbook carried when it was exported."""
    shape = _Shape(f"{MACHINE_SHEET} data")
    data = machine.data
    a = shape.get(data, "assessment", dict, "data")
    site = shape.get(a, "site", dict, "assessment")
    number = (int, float)
    assessment = Assessment(
        form_id=machine.form_id, form_version=machine.form_version,
        site=Site(
            name=shape.get(site, "name", str, "site"), country=shape.get(site, "country", str, "site"),
            type=shape.get(site, "type", str, "site"), pcode=shape.get(site, "pcode", str, "site"),
            latitude=shape.get(site, "latitude", number, "site", optional=True),
            longitude=shape.get(site, "longitude", number, "site", optional=True),
            reference_id=shape.get(site, "reference_id", str, "site"),
        ),
        date=shape.get(a, "date", str, "assessment"),
        assessors=shape.strings(a, "assessors", "assessment"),
        institutions=shape.strings(a, "institutions", "assessment"),
        mode=shape.get(a, "mode", str, "assessment"), status=machine.status, revision=machine.revision,
        uuid=machine.uuid, created_at=machine.created_at, updated_at=machine.updated_at,
        notes=shape.get(a, "notes", str, "assessment"),
        scope=_scope(shape, a),
        target_policy=_target_policy(shape, a),
    )
    answers = []
    for n, r in enumerate(shape.get(data, "answers", list, "data")):
        where = f"answers[{n}]"
        try:
            answers.append(Answer(
                indicator_id=shape.get(r, "indicator_id", str, where), group=shape.get(r, "group", str, where),
                level=shape.get(r, "level", int, where, optional=True),
                special=shape.get(r, "special", str, where, optional=True),
                target=shape.get(r, "target", int, where, optional=True),
                **{key: shape.get(r, key, str, where) for key in (
                    "evidence_type", "evidence_reference", "evidence_text", "confidence", "notes", "answered_by",
                    "updated_at")},
            ))
        except AnswerError as error:
            raise shape.damaged(Message.of("field_problem", field=where, problem=error)) from None
    actions = []
    for n, r in enumerate(shape.get(data, "actions", list, "data")):
        where = f"actions[{n}]"
        actions.append(Action(
            uuid=shape.get(r, "uuid", str, where), title=shape.get(r, "title", str, where),
            indicators=shape.strings(r, "indicators", where), partners=shape.strings(r, "partners", where),
            cost=shape.get(r, "cost", number, where, optional=True),
            **{key: shape.get(r, key, str, where) for key in (
                "responsible", "priority", "timeframe", "due_date", "currency", "resources", "status",
                "updated_at")},
        ))
    return assessment, answers, actions


def embedded_outputs(machine: MachineData) -> list[Output]:
    """The workshop outputs the workbook carried (none in files from before workshop outputs)."""
    shape = _Shape(f"{MACHINE_SHEET} data")
    if "outputs" not in machine.data:
        return []
    found = []
    for n, r in enumerate(shape.get(machine.data, "outputs", list, "data")):
        where = f"outputs[{n}]"
        kind = shape.get(r, "kind", str, where)
        if kind not in OUTPUT_KINDS:
            raise shape.damaged(Message.of("data_not_one_of", field=f"{where}.kind", text=repr(kind[:40]),
                                           allowed=", ".join(OUTPUT_KINDS)))
        uuid = shape.get(r, "uuid", str, where)
        if not UUID.match(uuid):
            raise shape.damaged(Message.of("data_not_uuid", field=f"{where}.uuid"))
        found.append(Output(
            kind=kind, uuid=uuid, indicators=shape.strings(r, "indicators", where),
            actions=shape.strings(r, "actions", where),
            **{key: shape.get(r, key, str, where) for key in ("text", "area", "institution", "group", "updated_at")},
        ))
    return found
