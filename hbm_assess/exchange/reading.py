"""Read an exported workbook back: the data it carried, updated by whatever a person changed in its sheets.

Each visible cell is compared with what the export wrote there, worked out from the
machine sheet's copy of the data; an untouched cell keeps the exact stored value, a
changed one is read, checked and listed as a change.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import BinaryIO
from uuid import NAMESPACE_URL, uuid5

from python_calamine import CalamineWorkbook

from hbm_assess.core.assessment import Action, Answer, Assessment, now
from hbm_assess.core.cell_text import first_problem
from hbm_assess.core.messages import Message, Named, Word
from hbm_assess.core.questionnaire import Form, FormError, form_from_data
from hbm_assess.core.reference import institution_stored
from hbm_assess.core.text import LANGUAGES, language_of
from hbm_assess.core.vocabulary import LEVELS, Vocabulary, vocabulary
from hbm_assess.core.workshop import Output, output_problem, output_texts
from hbm_assess.exchange.cells import as_text, cell_name, same_number, same_text, to_number
from hbm_assess.exchange.editions import read_with_earlier_edition
from hbm_assess.exchange.hashing import content_hash, content_hash_v1, form_hash
from hbm_assess.exchange.import_results import CellChange
from hbm_assess.exchange.layout import (
    ANSWER_COLUMNS,
    MACHINE_SHEET,
    PLAN_COLUMNS,
    SPECIAL_ALIASES,
    SUMMARY_EDITABLE,
    Column,
    action_cells,
    answer_cells,
    choice_lookup,
    every_sheet_title,
    every_word,
    hxl_key,
    plain,
    summary_cells,
    vocabulary_choices,
)
from hbm_assess.exchange.machine_sheet import (
    UUID,
    MachineData,
    WorkshopInfo,
    embedded_outputs,
    embedded_records,
    load_json,
    read_machine_sheet,
)
from hbm_assess.exchange.rules import data_problem, text_problem
from hbm_assess.exchange.safety import WorkbookRejected
from hbm_assess.exchange.sheet_cells import read_sheet

# (machine sheet, questionnaire the file carries) -> (questionnaire to use, new here?, known only from files?)
FormSource = Callable[[MachineData, Form], tuple[Form, bool, bool]]
VERSION = re.compile(r"^[0-9]{1,6}(\.[0-9]{1,6}){0,4}$")
_SHOWN = 120  # characters of an old or new value kept in a change list


@dataclass(frozen=True)
class WorkbookContents:
    """What an imported workbook holds, ready to store."""

    assessment: Assessment
    answers: list[Answer]
    actions: list[Action]
    form: Form
    form_is_new: bool
    exported_hash: str
    content_hash: str
    changes: list[CellChange]
    workshop: WorkshopInfo | None = None
    lineage: tuple[str, ...] = ()  # the published revisions it descends from, ending with its own hash
    form_from_file: bool = False  # the questionnaire is a version the app does not ship, known only from files
    edited_before: bool = False  # the file says a revision it descends from was edited in a spreadsheet
    outputs: tuple[Output, ...] = ()  # a workshop's challenges, strategy directions and contributions
    form_note: Message | None = None  # made with an earlier edition of the questionnaire: what that means

    @property
    def edited_outside(self) -> bool:
        return self.edited or self.edited_before

    @property
    def edited(self) -> bool:
        return bool(self.changes)


def read_workbook(handle: BinaryIO, forms: FormSource, parts: dict[str, bytes] | None = None) -> WorkbookContents:
    """Read and check a workbook that passed ``safety.check_open_workbook``; raise WorkbookRejected naming the cell.

    ``handle`` is the file the checks read, so what is read is what was checked, whatever its name.
    ``parts`` are the unpacked parts the check returned: the machine sheet is read from them
    when ``sheet_cells`` is sure to read it as calamine would (#20).
    """
    try:
        handle.seek(0)
        book = CalamineWorkbook.from_filelike(handle)
        names = list(book.sheet_names)
    except Exception as error:  # python-calamine raises several kinds for broken files
        raise WorkbookRejected(Message.of("workbook_unreadable", error=error)) from None
    if MACHINE_SHEET not in names:
        raise WorkbookRejected(Message.of("not_an_hbm_export"))
    rows = read_sheet(parts, names, MACHINE_SHEET) if parts else None
    machine = read_machine_sheet(_rows(book, MACHINE_SHEET) if rows is None else rows)
    carried = form_from_workbook(machine)
    form, form_is_new, form_from_file = forms(machine, carried)
    assessment, answers, actions = embedded_records(machine)
    outputs = embedded_outputs(machine)
    unknown = [a.indicator_id for a in answers if a.indicator_id not in form.by_id]
    if unknown:
        raise WorkbookRejected(Message.of("data_unknown_indicator", sheet=MACHINE_SHEET, indicator=unknown[0],
                                          form=form.id, version=form.version))
    # The file was sealed with the questionnaire it carries: the same as ``form``, or an
    # earlier edition of it that the form source accepted (exchange/editions.py).
    questionnaire = form_hash(carried)
    form_note = (read_with_earlier_edition(carried, form, (a.indicator_id for a in answers if a.is_answered))
                 if questionnaire != form_hash(form) else None)
    exported = content_hash(assessment, answers, actions, questionnaire, outputs)
    if machine.format_version < 2:
        sealed, lineage = content_hash_v1(assessment, answers, actions), (exported,)
    else:
        sealed, lineage = exported, machine.lineage
    if sealed != machine.content_hash:
        raise WorkbookRejected(Message.of("machine_sheet_edited", sheet=MACHINE_SHEET))
    if not lineage or lineage[-1] != exported:
        raise WorkbookRejected(Message.of("lineage_not_ending_here", sheet=MACHINE_SHEET))
    problem = (text_problem(assessment, answers, actions) or data_problem(assessment, answers, actions, form)
               or _outputs_problem(outputs, form, actions))
    if problem:
        # What the export writes obeys the rules below; data that breaks them was written by hand.
        raise WorkbookRejected(Message.of("embedded_data_breaks_rules", sheet=MACHINE_SHEET, problem=problem))
    changes: list[CellChange] = []
    vocab = vocabulary()
    language = language_of(machine.language)
    summary = _find_sheet(names, machine.sheets, "summary")
    if summary:
        assessment = _summary(summary, _rows(book, summary), assessment, vocab, language, changes)
    answers_sheet = _find_sheet(names, machine.sheets, "answers")
    if not answers_sheet:
        raise WorkbookRejected(Message.of("answers_sheet_missing",
                                          sheet=machine.sheets.get("answers") or Word("sheet_answers")))
    answers = _answers(answers_sheet, _rows(book, answers_sheet), answers, form, vocab, language, changes,
                       assessment.target_policy)
    plan = _find_sheet(names, machine.sheets, "plan")
    if plan:
        actions = _actions(plan, _rows(book, plan), actions, form, language, changes, assessment.uuid)
    problem = text_problem(assessment, answers, actions) or data_problem(assessment, answers, actions, form)
    if problem:
        # The same rules as the window and the export: what they refuse never comes in by a file.
        raise WorkbookRejected(Message.of("workbook_breaks_rules", problem=problem))
    if changes:
        # Edited in a spreadsheet: a new revision that descends from the one exported.
        assessment = replace(assessment, revision=assessment.revision + 1, updated_at=now())
        lineage = (*lineage, content_hash(assessment, answers, actions, questionnaire, outputs))
    return WorkbookContents(assessment, answers, actions, form, form_is_new, exported, lineage[-1], changes,
                            machine.workshop, tuple(lineage), form_from_file, machine.edited_outside, tuple(outputs),
                            form_note)


def _outputs_problem(outputs: list[Output], form: Form, actions: list[Action]) -> Message | None:
    uuids = frozenset(a.uuid for a in actions)
    for n, output in enumerate(outputs, start=1):
        problem = output_problem(output, form, uuids) or first_problem(output_texts(output))
        if problem:
            return Message.of("workshop_output_problem", number=n, problem=problem)
    return None


def form_from_workbook(machine: MachineData) -> Form:
    """The questionnaire carried in the machine sheet, checked like a form file."""
    form = _carried_form(machine.form_json)
    if form.key != (machine.form_id, machine.form_version):
        raise WorkbookRejected(Message.of("carried_form_mismatch", sheet=MACHINE_SHEET, form=form.id,
                                          version=form.version, data_form=machine.form_id,
                                          data_version=machine.form_version))
    return form


@lru_cache(maxsize=16)
def _carried_form(form_json: str) -> Form:
    """Parse and check a carried questionnaire; the same text again (a batch of one post's exports
    carries the same questionnaire hundreds of times) gives the same, immutable Form at once.
    A rejection raises, and is not kept."""
    place = f"{MACHINE_SHEET} form"
    data = load_json(form_json, place)
    try:
        form = form_from_data(data, place)
    except FormError as error:
        problem = error.problems[0]
        raise WorkbookRejected(Message.of("carried_form_damaged", place=place, problem=problem)) from None
    if not VERSION.match(form.version):
        raise WorkbookRejected(Message.of("carried_form_version", place=place, version=form.version[:40]))
    return form


def _rows(book: CalamineWorkbook, name: str) -> list[list]:
    try:
        # skip_empty_area=False keeps row 1 as row 1, so the cells named in messages are right.
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except Exception as error:
        if "shared strings" in str(error):  # calamine's words, in English: said here in the reader's language
            raise WorkbookRejected(Message.of("sheet_string_missing", sheet=name)) from None
        raise WorkbookRejected(Message.of("sheet_unreadable", sheet=name, error=error)) from None


def _find_sheet(names: list[str], recorded: dict[str, str], key: str) -> str | None:
    if recorded.get(key) in names:
        return recorded[key]
    known = {name.casefold() for name in every_sheet_title(key).values()}
    return next((name for name in names if name.casefold() in known), None)


def _same(visible: object, expected: object) -> bool:
    if visible == expected and type(visible) is not bool:
        return True  # the common case, first: most cells are exactly as exported
    if expected is None:
        return as_text(visible).strip() == ""
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return same_number(visible, expected)
    return same_text(visible, str(expected))


def _shown(value: object) -> str:
    text = as_text(value)
    return text if len(text) <= _SHOWN else text[:_SHOWN - 1] + "…"


def _columns(sheet: str, rows: list[list], columns: tuple[Column, ...]) -> tuple[dict[str, int], int]:
    """Where each column is: by its HXL hashtag, or by its header in any language if the hashtag row is gone."""
    tags = {hxl_key(tag): c.key for c in columns for tag in (*c.older_hxl, c.hxl)}
    found: dict[str, int] = {}
    if len(rows) > 1 and any(as_text(v).strip().startswith("#") for v in rows[1]):
        for index, value in enumerate(rows[1]):
            found.setdefault(tags.get(hxl_key(as_text(value)), ""), index)
        start = 2
    else:
        headers = {name.casefold(): c.key for c in columns for name in every_word(c.key).values()}
        for index, value in enumerate(rows[0] if rows else []):
            found.setdefault(headers.get(as_text(value).strip().casefold(), ""), index)
        start = 1
    found.pop("", None)
    for column in columns:
        required = column.editable and column.key not in _ADDED_COLUMNS
        if (required or column.key in ("indicator", "action_id")) and column.key not in found:
            raise WorkbookRejected(Message.of("column_missing", sheet=sheet, column=Named.of(every_word(column.key)),
                                              hxl=column.hxl))
    return found, start


def _cell(row: list, index: int | None) -> object:
    return row[index] if index is not None and index < len(row) else ""


def _level(value: object, place: str) -> tuple[int | None, str | None]:
    number = to_number(value)
    if number is not None:
        if number.is_integer() and int(number) in LEVELS:
            return int(number), None
        shown = int(number) if number.is_integer() else number
        raise WorkbookRejected(Message.of("level_out_of_range", place=place, level=shown))
    text = as_text(value).strip()
    if not text:
        return None, None
    special = _SPECIALS.get(text.casefold())
    if special is None:
        raise WorkbookRejected(Message.of("not_a_level", place=place, text=text))
    return None, special


def _level_and_status(sheet, row, number, columns, old, expected, subject):
    """The level and the status columns read together: (level, special, the change), or None when unchanged.

    The level column decides; the status column says N/A or Unknown when the level is empty.
    Earlier workbooks wrote N/A and Unknown in the level column itself, which is read as before.
    """
    index, status_index = columns["level"], columns.get("answer_status")
    visible, status = _cell(row, index), _cell(row, status_index)
    if _same(visible, expected["level"]) and (status_index is None or _same(status, expected["answer_status"])):
        return None
    place = f"{sheet}!{cell_name(number, index)}"
    level, special = _level(visible, place)
    if status_index is not None and as_text(status).strip():
        said = _choice(status, vocabulary_choices(vocabulary().answer_statuses),
                       f"{sheet}!{cell_name(number, status_index)}", "answer_status")
        if level is not None and said in ("na", "unknown"):
            raise WorkbookRejected(Message.of("level_and_status_disagree", place=place, level=level,
                                              status=as_text(status)))
        if level is None and special is None and said in ("na", "unknown"):
            special = said
    before = (old.level, old.special) if old is not None else (None, None)
    if (level, special) == before:
        return None  # written differently (an earlier workbook's "Unknown"), meaning the same
    shown = level if level is not None else (special or "")
    return level, special, CellChange(sheet, cell_name(number, index), subject, every_word("level")["en"],
                                      _shown(expected["level"] if expected["level"] is not None else
                                             expected["answer_status"]), _shown(shown), field_code="level")


def _target(value: object, place: str) -> int | None:
    number = to_number(value)
    if number is None:
        if as_text(value).strip():
            raise WorkbookRejected(Message.of("target_not_a_level", place=place, text=as_text(value)))
        return None
    if not number.is_integer() or int(number) not in LEVELS:
        raise WorkbookRejected(Message.of("target_cell_out_of_range", place=place, text=as_text(value)))
    return int(number)


def _choice(value: object, choices: dict, place: str, what: str, default: str = "") -> str:
    text = as_text(value).strip()
    if not text:
        return default
    found = choice_lookup(choices).get(plain(text))
    if found is None:
        allowed = Named.of({language: ", ".join(names.get(language) or names["en"] for names in choices.values())
                            for language in LANGUAGES})
        raise WorkbookRejected(Message.of("not_a_known_choice", place=place, text=text,
                                          what=Word(what, lower=True), allowed=allowed))
    return found


def _summary(sheet: str, rows: list[list], assessment: Assessment, vocab: Vocabulary, language: str,
             changes: list[CellChange]) -> Assessment:
    labels = {name.strip().casefold(): key for key in SUMMARY_EDITABLE for name in every_word(key).values()}
    expected = summary_cells(assessment, vocab, language)
    site, values = assessment.site, {}
    for number, row in enumerate(rows[1:], start=1):
        key = labels.get(as_text(_cell(row, 0)).strip().casefold())
        if key is None or key in values:
            continue
        visible = _cell(row, 1)
        values[key] = visible
        if _same(visible, expected[key]):
            continue
        place = f"{sheet}!{cell_name(number, 1)}"
        parsed = _summary_value(key, visible, place, vocab)
        if parsed == _summary_stored(key, assessment, site):
            continue  # the same value written another way: another language's name, an older workbook
        changes.append(CellChange(sheet, cell_name(number, 1), "", every_word(key)["en"],
                                  _shown(expected[key]), _shown(visible), field_code=key))
        if key in ("site", "site_ref", "country", "pcode", "latitude", "longitude"):
            field_name = {"site": "name", "site_ref": "reference_id"}.get(key, key)
            site = replace(site, **{field_name: parsed})
        elif key == "site_type":
            site = replace(site, type=parsed)
        else:
            assessment = replace(assessment, **{key: parsed})
    return replace(assessment, site=site)


def _summary_stored(key: str, assessment: Assessment, site) -> object:
    if key in ("site", "site_ref", "country", "pcode", "latitude", "longitude"):
        return getattr(site, {"site": "name", "site_ref": "reference_id"}.get(key, key))
    return site.type if key == "site_type" else getattr(assessment, key)


def _summary_value(key: str, value: object, place: str, vocab: Vocabulary) -> object:
    text = as_text(value)
    if key == "site":
        if not text.strip():
            raise WorkbookRejected(Message.of("site_name_empty_at", place=place))
        return text.strip()
    if key == "site_type":
        return _choice(value, vocabulary_choices(vocab.site_types), place, "site_type", "land")
    if key in ("latitude", "longitude"):
        number = to_number(value)
        limit = 90 if key == "latitude" else 180
        if number is None and text.strip():
            raise WorkbookRejected(Message.of(f"{key}_not_a_number", place=place, text=text))
        if number is not None and not -limit <= number <= limit:
            raise WorkbookRejected(Message.of(f"{key}_out_of_range", place=place, text=text))
        return number
    if key == "date":
        try:
            date.fromisoformat(text.strip())
        except ValueError:
            raise WorkbookRejected(Message.of("not_a_date_at", place=place, text=text)) from None
        return text.strip()
    if key == "institutions":  # named in the workbook's language; stored as the app stores them
        return tuple(institution_stored(part) for part in text.split(";") if part.strip())
    if key == "assessors":
        return tuple(part.strip() for part in text.split(";") if part.strip())
    if key in ("country", "pcode", "site_ref"):
        return text.strip()
    return text


# Columns added since the first workbooks: read when there, never required.
_ADDED_COLUMNS = frozenset({"answer_status"})
_ANSWER_FIELDS = ("level", "target", "evidence_type", "evidence_reference", "evidence_text", "confidence", "notes",
                  "answered_by")
_SPECIALS = {**SPECIAL_ALIASES, **choice_lookup(vocabulary_choices(vocabulary().special_answers))}


def _answers(sheet: str, rows: list[list], base: list[Answer], form: Form, vocab: Vocabulary, language: str,
             changes: list[CellChange], policy: str) -> list[Answer]:
    columns, start = _columns(sheet, rows, ANSWER_COLUMNS)
    by_key = {(a.indicator_id, a.group): a for a in base}
    seen: dict[tuple[str, str], int] = {}
    result = []
    for number in range(start, len(rows)):
        row = rows[number]
        if not any(as_text(_cell(row, columns.get(key))).strip() for key in (*_ANSWER_FIELDS, "indicator")):
            continue
        indicator_id = as_text(_cell(row, columns["indicator"])).strip()
        place = f"{sheet}!{cell_name(number, columns['indicator'])}"
        if not indicator_id:
            raise WorkbookRejected(Message.of("indicator_code_empty", place=place))
        if indicator_id not in form.by_id:
            raise WorkbookRejected(Message.of("unknown_indicator", place=place, indicator=indicator_id, form=form.id,
                                              version=form.version))
        group = as_text(_cell(row, columns.get("group"))).strip()
        key = (indicator_id, group)
        if key in seen:
            raise WorkbookRejected(Message.of("answer_rows_twice", place=place, subject=indicator_id + (
                f" ({group})" if group else ""), first=seen[key] + 1, second=number + 1))
        seen[key] = number
        old = by_key.get(key)
        answer = _answer_row(sheet, row, number, columns, old, form, vocab, language, changes, key, policy)
        if answer is not None:
            result.append(answer)
    for key in by_key:
        if key not in seen:
            subject = key[0] + (f" ({key[1]})" if key[1] else "")
            changes.append(CellChange(sheet, "", subject, "row", "answered", "row deleted; answer removed",
                                      removed="answer"))
    return result


def _answer_row(sheet, row, number, columns, old, form, vocab, language, changes, key, policy) -> Answer | None:
    indicator = form.indicator(key[0])
    expected = answer_cells(old, indicator, vocab, language, policy)
    updates: dict[str, object] = {}
    subject = key[0] + (f" ({key[1]})" if key[1] else "")
    level_change = _level_and_status(sheet, row, number, columns, old, expected, subject)
    if level_change is not None:
        updates["level"], updates["special"], change = level_change
        changes.append(change)
    for name in _ANSWER_FIELDS:
        index = columns[name]
        visible = _cell(row, index)
        if name == "level" or _same(visible, expected[name]):
            continue
        place = f"{sheet}!{cell_name(number, index)}"
        if name == "target":
            updates["target"] = _target(visible, place)
        elif name == "evidence_type":
            updates[name] = _choice(visible, vocabulary_choices(vocab.evidence_types), place, "evidence_type")
        elif name == "confidence":
            updates[name] = _choice(visible, vocabulary_choices(vocab.confidence), place, "confidence")
        else:
            updates[name] = as_text(visible)
        if old is not None and getattr(old, name) == updates[name]:
            del updates[name]  # the same value written another way: a name for a code, an older spelling
            continue
        changes.append(CellChange(sheet, cell_name(number, index), subject, every_word(name)["en"],
                                  _shown(expected[name]), _shown(visible), field_code=name))
    if not updates:
        return old
    answer = replace(old or Answer(key[0], group=key[1]), **updates, updated_at=now())
    if answer.level is None and answer.special is None and answer.target is None and not any(
            (answer.evidence_type, answer.evidence_reference, answer.evidence_text, answer.confidence, answer.notes)):
        return None  # every cell of the row is empty: no answer
    return answer


def _actions(sheet: str, rows: list[list], base: list[Action], form: Form, language: str,
             changes: list[CellChange], assessment_uuid: str) -> list[Action]:
    columns, start = _columns(sheet, rows, PLAN_COLUMNS)
    by_id = {a.uuid: a for a in base}
    seen: dict[str, int] = {}
    result = []
    keys = [c.key for c in PLAN_COLUMNS if c.editable]
    for number in range(start, len(rows)):
        row = rows[number]
        if not any(as_text(_cell(row, columns.get(key))).strip() for key in (*keys, "action_id")):
            continue
        id_place = f"{sheet}!{cell_name(number, columns['action_id'])}"
        action_id = as_text(_cell(row, columns["action_id"])).strip().lower()
        if action_id and not UUID.match(action_id):
            raise WorkbookRejected(Message.of("not_an_action_id", place=id_place, text=action_id))
        if action_id in seen:
            raise WorkbookRejected(Message.of("action_id_twice", place=id_place, first=seen[action_id] + 1,
                                              second=number + 1))
        # A row added in the spreadsheet gets an id made from its place, so importing the same file
        # twice gives the same content (and is recognised as unchanged).
        action_id = action_id or str(uuid5(NAMESPACE_URL, f"hbm-assess:{assessment_uuid}:{sheet}:{number}"))
        seen[action_id] = number
        old = by_id.get(action_id)
        expected = action_cells(old or Action("", uuid=action_id, priority="", timeframe="", status=""), language)
        updates: dict[str, object] = {}
        for name in keys:
            index = columns[name]
            visible = _cell(row, index)
            if _same(visible, expected[name]):
                continue
            place = f"{sheet}!{cell_name(number, index)}"
            updates[name] = _action_value(name, visible, place, form)
            if old is not None and getattr(old, name) == updates[name]:
                del updates[name]  # the same value written another way: a name for a code, an older spelling
                continue
            title = (old.title if old else as_text(_cell(row, columns['title'])))[:40]
            changes.append(CellChange(sheet, cell_name(number, index), f"action “{title}”", every_word(name)["en"],
                                      _shown(expected[name]), _shown(visible), field_code=name,
                                      action_title=title))
        if old is None:
            defaults = {"priority": "medium", "timeframe": "12-months", "status": "planned"}
            updates = {key: value for key, value in defaults.items() if not updates.get(key)} | updates
            action = Action(uuid=action_id, **{"title": "", **updates}, updated_at=now())
        else:
            action = replace(old, **updates, updated_at=now()) if updates else old
        if not action.title.strip():
            raise WorkbookRejected(Message.of("action_without_text",
                                              place=f"{sheet}!{cell_name(number, columns['title'])}"))
        result.append(action)
    for action_id, old in by_id.items():
        if action_id not in seen:
            changes.append(CellChange(sheet, "", f"action “{old.title[:40]}”", "row", "planned",
                                      "row deleted; action removed", removed="action", action_title=old.title[:40]))
    return result


def _action_value(name: str, value: object, place: str, form: Form) -> object:
    text = as_text(value)
    if name == "indicators":
        found = tuple(part for part in text.replace(";", ",").replace(" ", ",").split(",") if part)
        for indicator_id in found:
            if indicator_id not in form.by_id:
                raise WorkbookRejected(Message.of("unknown_indicator", place=place, indicator=indicator_id,
                                                  form=form.id, version=form.version))
        return found
    if name == "partners":
        return tuple(institution_stored(part) for part in text.split(";") if part.strip())
    if name == "responsible":
        return institution_stored(text) if text.strip() else ""
    if name == "priority":
        return _choice(value, vocabulary_choices(vocabulary().priorities), place, "priority", "medium")
    if name == "timeframe":
        return _choice(value, vocabulary_choices(vocabulary().timeframes), place, "timeframe", "12-months")
    if name == "status":
        return _choice(value, vocabulary_choices(vocabulary().action_statuses), place, "status", "planned")
    if name == "cost":
        number = to_number(value)
        if number is None and text.strip():
            raise WorkbookRejected(Message.of("cost_not_a_number", place=place, text=text))
        if number is not None and number < 0:
            raise WorkbookRejected(Message.of("cost_negative", place=place, text=text))
        return number
    if name == "title":
        return text.strip()
    return text
