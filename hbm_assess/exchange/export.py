"""Export an assessment as an Excel workbook that people read and HBM Assess can import again.

docs/workbook-format.md describes the sheets. The file is written under a temporary
name in the same folder and moved into place, so a crash never leaves half a workbook.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference, Series
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from hbm_assess.core.assessment import Action, Answer, now
from hbm_assess.core.messages import Line, Message, Problem, text_of
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.reference import institution_name, site_name
from hbm_assess.core.scoring import area_scores, completeness, gaps, overall_score, suggested_priorities
from hbm_assess.core.targets import with_policy_targets
from hbm_assess.core.text import is_right_to_left
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.core.workshop import Group
from hbm_assess.exchange.cells import column_letter, escape, text_message
from hbm_assess.exchange.contributions import contributions_sheet
from hbm_assess.exchange.hashing import content_hash, form_hash
from hbm_assess.exchange.layout import (
    ANSWER_COLUMNS,
    AREA_TABLE,
    GAP_COLUMNS,
    LIST_SEPARATOR,
    MACHINE_SHEET,
    PLAN_COLUMNS,
    SUMMARY_CODES,
    SUMMARY_ROWS,
    Column,
    action_cells,
    answer_cells,
    language_of,
    phase_cells,
    sheet_title,
    summary_cells,
    word,
)
from hbm_assess.exchange.machine_sheet import machine_rows
from hbm_assess.exchange.printing import fit_rows, print_setup
from hbm_assess.exchange.protection import save_encrypted
from hbm_assess.exchange.rules import text_problem
from hbm_assess.exchange.workshop_sheets import (
    consensus_sheet,
    consensus_title,
    has_consensus_cases,
    outputs_sheet,
    outputs_title,
)
from hbm_assess.files import WriteError, write_reason, write_whole
from hbm_assess.palette import TARGET, level_fill, level_hex
from hbm_assess.storage import workshop as workshop_records
from hbm_assess.storage.exchange_records import (
    Snapshot,
    exchange_state,
    extended,
    lineage,
    seal_after_export,
    snapshot,
)
from hbm_assess.storage.store import Store

Progress = Callable[[int, int, Path | None], None]

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDE3EA")
_HXL_FONT = Font(italic=True, color="555555", size=9)
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")
_FILLS: dict[str, PatternFill] = {}


class ExportError(Problem):
    """An assessment that cannot be written as a workbook; the message names the field and what to do."""


@dataclass
class ExportBatchError(ExportError):
    """Some assessments of a batch could not be exported; the others were."""

    written: list[Path] = field(default_factory=list)
    failures: list[Line] = field(default_factory=list)

    def __str__(self) -> str:
        return self.text("en")

    def text(self, language: str, paths_isolated: bool = False) -> str:
        failures = " | ".join(text_of(failure, language, paths_isolated) for failure in self.failures)
        return Message.of("export_batch_failed", count=len(self.failures), failures=failures).text(language)


def export_assessment(
    store: Store, assessment_id: int, path: Path, language: str = "en", progress: Progress | None = None,
    workshop: dict | None = None, password: str | None = None,
) -> Path:
    """Write one assessment to ``path`` (.xlsx) and seal its revision; returns the path written.

    ``password``: the workbook is encrypted with it (exchange/protection.py), as Excel does.
    """
    path = Path(path)
    report = progress or (lambda done, total, current: None)
    report(0, 3, path)
    data = snapshot(store, assessment_id)
    form = store.form(data.assessment.form_id, data.assessment.form_version)
    check_snapshot_text(data)
    report(1, 3, path)
    info = workshop if workshop is not None else workshop_of(store, assessment_id)
    head = content_hash(data.assessment, data.answers, data.actions, form_hash(form), data.outputs)
    hashes = extended(lineage(store, assessment_id), head)
    workbook = build_workbook(data, form, language_of(language), info, hashes,
                              exchange_state(store, assessment_id).edited_outside)
    report(2, 3, path)
    save_workbook(workbook, path, password)
    seal_after_export(store, assessment_id, data.assessment.revision, data.assessment.updated_at, head)
    report(3, 3, path)
    return path


def export_all(
    store: Store, directory: Path, language: str = "en", progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None, password: str | None = None,
) -> list[Path]:
    """Export every assessment not in the bin into ``directory``, one workbook each (each with ``password``)."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(Message.of("folder_uncreatable", folder=directory, reason=write_reason(error))) from None
    rows = store.list_assessments()
    written: list[Path] = []
    failures: list[Line] = []
    for done, row in enumerate(rows):
        if cancelled and cancelled():
            break
        path = directory / file_name(row.site_name, row.date, row.form_id, row.id)
        if progress:
            progress(done, len(rows), path)
        try:
            written.append(export_assessment(store, row.id, path, language, password=password))
        except ExportError as error:
            failures.append(Line(Message.of("export_failure", id=row.id, site=row.site_name, date=row.date,
                                            problem=error)))
    if progress:
        progress(len(rows), len(rows), None)
    if failures:
        raise ExportBatchError(written, failures)
    return written


_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\s]+')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def file_name(site: str, date: str, form_id: str, assessment_id: int) -> str:
    """A file name that is valid on Windows, macOS and Linux and unique within one database."""
    stem = "_".join(part for part in (_UNSAFE.sub("-", site).strip(". -")[:60], _UNSAFE.sub("-", date)[:20],
                                      form_id, str(assessment_id)) if part)
    if stem.split("_")[0].upper() in _RESERVED:
        stem = "site-" + stem
    return f"{stem}.xlsx"


def check_snapshot_text(data: Snapshot) -> None:
    """Refuse text a cell cannot hold unchanged, naming the indicator or action and the field."""
    problem = text_problem(data.assessment, data.answers, data.actions)
    if problem:
        raise ExportError(Message.of("workbook_not_written", problem=problem))


def workshop_row(groups: list[Group], group: str) -> dict:
    """What the machine sheet says about a workshop: the group the file is for, and every assignment."""
    return {"group": group, "groups": [g.to_dict() for g in groups]}


def workshop_of(store: Store, assessment_id: int) -> dict | None:
    """The workshop row for an ordinary export: the laptop's group, if any, and the groups, if any."""
    groups = workshop_records.groups(store, assessment_id)
    group = workshop_records.laptop_group(store, assessment_id)
    return workshop_row(groups, group) if groups or group else None


def build_workbook(data: Snapshot, form: Form, language: str, workshop: dict | None = None,
                   hashes: tuple[str, ...] = (), edited_outside: bool = False) -> Workbook:
    """The whole workbook in memory: the sheets people read, then the machine sheet."""
    # Summary, gaps and contributions read targets under the assessment's policy; the answers sheet
    # and the hidden data keep what was typed.
    main = with_policy_targets(form, {a.indicator_id: a for a in data.answers if not a.group},
                               data.assessment.target_policy)
    workbook = Workbook()
    workbook.properties.creator = "HBM Assess"
    site = site_name(data.assessment.site, language)
    workbook.properties.title = f"{form.title.get(language)} — {site} {data.assessment.date}"
    sheets = {key: sheet_title(key, language) for key in ("summary", "answers", "gaps")}
    if data.actions:
        sheets["plan"] = sheet_title("plan", language)
    summary = workbook.active
    summary.title = sheets["summary"]
    _summary_sheet(summary, data, form, main, language)
    _answers_sheet(workbook.create_sheet(sheets["answers"]), data, form, language)
    _gaps_sheet(workbook.create_sheet(sheets["gaps"]), form, main, language)
    if data.actions:
        _plan_sheet(workbook.create_sheet(sheets["plan"]), data.actions, language)
        contributions = workbook.create_sheet(sheet_title("contributions", language))
        contributions_sheet(contributions, data.actions, form, main, language, _put)
    if data.outputs:
        outputs_sheet(workbook.create_sheet(outputs_title(language)), data.outputs, data.actions, form, language, _put)
    if has_consensus_cases(form, data.answers):
        consensus_sheet(workbook.create_sheet(consensus_title(language)), data.answers, form, language, _put)
    for sheet in workbook.worksheets:
        sheet.sheet_view.rightToLeft = is_right_to_left(language)
        fit_rows(sheet)
    _print_setup(workbook, sheets, language)
    machine = workbook.create_sheet(MACHINE_SHEET)
    machine.sheet_state = "hidden"
    rows = machine_rows(data.assessment, data.answers, data.actions, form.to_dict(),
                        content_hash(data.assessment, data.answers, data.actions, form_hash(form), data.outputs),
                        sheets, language, now(), workshop, hashes, edited_outside, data.outputs)
    for number, (key, value) in enumerate(rows, start=1):
        _put(machine, number, 1, key)
        _put(machine, number, 2, value)
    machine.column_dimensions["A"].width = 16
    machine.column_dimensions["B"].width = 100
    return workbook


def _print_setup(workbook: Workbook, sheets: dict[str, str], language: str) -> None:
    keys = [column.key for column in ANSWER_COLUMNS]
    # The Answers sheet prints two pages across, up to its phases: the columns after them repeat the Summary.
    print_setup(workbook[sheets["summary"]], "1:1", landscape=True)
    print_setup(workbook[sheets["answers"]], "1:2", pages_wide=2, last_column=column_letter(keys.index("phase_name")))
    print_setup(workbook[sheets["gaps"]], "1:2")
    if "plan" in sheets:
        plan_keys = [column.key for column in PLAN_COLUMNS]
        print_setup(workbook[sheets["plan"]], "1:2", last_column=column_letter(plan_keys.index("status_name")))
        print_setup(workbook[sheet_title("contributions", language)], "1:1")


def _fill(level: float | None) -> PatternFill:
    """The app's background colour for a level or a mean level (grey when there is none)."""
    colour = level_fill(level)[1:]
    if colour not in _FILLS:
        _FILLS[colour] = PatternFill("solid", fgColor=colour)
    return _FILLS[colour]


def _put(sheet: Worksheet, row: int, column: int, value: object, fill: PatternFill | None = None,
         align: Alignment | None = None) -> None:
    if value is None or value == "":
        if fill is not None:
            sheet.cell(row=row, column=column).fill = fill
        return
    cell = sheet.cell(row=row, column=column)
    if isinstance(value, str):
        problem = text_message(value)
        if problem:
            raise ExportError(Message.of("cell_text_refused", cell=f"{sheet.title}!{cell.coordinate}", problem=problem))
        # Assigning through .value would make "=..." a formula and "#N/A" an error, and would
        # cut the escaped text at 32,767 characters: store it as a plain string ourselves.
        cell._value = escape(value)
        cell.data_type = "s"
    else:
        cell.value = value
    if fill is not None:
        cell.fill = fill
    if align is not None:
        cell.alignment = align


def _table(sheet: Worksheet, columns: tuple[Column, ...], language: str, freeze: str) -> None:
    """Header row, HXL hashtag row under it, frozen panes and column widths."""
    for number, column in enumerate(columns, start=1):
        _put(sheet, 1, number, word(column.key, language))
        header = sheet.cell(row=1, column=number)
        header.font, header.fill, header.alignment = _HEADER_FONT, _HEADER_FILL, _WRAP
        _put(sheet, 2, number, column.hxl)
        sheet.cell(row=2, column=number).font = _HXL_FONT
        sheet.column_dimensions[column_letter(number - 1)].width = max(column.width,
                                                                       len(word(column.key, language)) + 3)
    sheet.freeze_panes = freeze


def _filter(sheet: Worksheet, columns: tuple[Column, ...], last_row: int) -> None:
    # The filter sits on the hashtag row, so sorting keeps both header rows on top.
    sheet.auto_filter.ref = f"A2:{column_letter(len(columns) - 1)}{max(last_row, 2)}"


def _summary_sheet(sheet: Worksheet, data: Snapshot, form: Form, main: dict[str, Answer], language: str) -> None:
    vocab = vocabulary()
    a = data.assessment
    shown = summary_cells(a, vocab, language)
    done = completeness(form, main)
    overall = overall_score(form, main)
    shown |= {
        "uuid": a.uuid,
        "scope": vocab.label("scopes", a.scope, language),
        "target_policy": vocab.label("target_policies", a.target_policy, language),
        "form": f"{form.title.get(language)} ({form.id})",
        "form_version": form.version,
        "status": vocab.label("assessment_statuses", a.status, language),
        "revision": a.revision,
        "completeness": word("completeness_value", language).format(
            answered=done.answered, total=done.total, percent=done.percent),
        "overall_level": _rounded(overall.mean_level),
        "overall_target": _rounded(overall.mean_target),
    }
    # Values chosen from a list show their name in the workbook's language, and their code beside:
    # the same in every language, so workbooks in Arabic and English can be read together.
    codes = {"site_type": a.site.type, "scope": a.scope, "target_policy": a.target_policy, "form": form.id,
             "status": a.status}
    for number, key in enumerate(("field", "value", "code"), start=1):
        _put(sheet, 1, number, word(key, language))
        sheet.cell(row=1, column=number).font = _HEADER_FONT
        sheet.cell(row=1, column=number).fill = _HEADER_FILL
    for number, key in enumerate(SUMMARY_ROWS, start=2):
        _put(sheet, number, 1, word(key, language), align=_TOP)
        sheet.cell(row=number, column=1).font = _HEADER_FONT
        fill = _fill(overall.mean_level) if key == "overall_level" else None
        _put(sheet, number, 2, shown[key], fill=fill, align=_WRAP if key == "notes" else _TOP)
        if key in SUMMARY_CODES:
            _put(sheet, number, 3, codes[key], align=_TOP)
    sheet.freeze_panes = "A2"
    sheet.column_dimensions["A"].width = 26
    sheet.column_dimensions["B"].width = 48
    top = len(SUMMARY_ROWS) + 3
    for number, key in enumerate(AREA_TABLE, start=1):
        _put(sheet, top, number, word(key, language))
        sheet.cell(row=top, column=number).font = _HEADER_FONT
        sheet.cell(row=top, column=number).fill = _HEADER_FILL
    for key, width in zip("CDEFGH", (12, 12, 9, 14, 11, 13), strict=True):
        sheet.column_dimensions[key].width = width
    scores = area_scores(form, main)
    for row, area in enumerate(form.areas, start=top + 1):
        s = scores[area.id]
        fill = _fill(s.mean_level)
        values = (area.id, area.title.get(language), _rounded(s.mean_level), _rounded(s.mean_target), s.scored,
                  s.not_applicable, s.unknown, s.unanswered)
        for column, value in enumerate(values, start=1):
            _put(sheet, row, column, value, fill=fill if column == 3 else None)
    _radar(sheet, top, top + len(form.areas), language)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _radar(sheet: Worksheet, header_row: int, last_row: int, language: str) -> None:
    chart = RadarChart()
    chart.type = "marker"
    chart.title = word("radar_title", language)
    chart.add_data(Reference(sheet, min_col=3, max_col=4, min_row=header_row, max_row=last_row), titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=header_row + 1, max_row=last_row))
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    chart.y_axis.majorUnit = 1
    chart.y_axis.delete = False
    for series, colour in zip(chart.series, ("333333", TARGET[1:]), strict=True):
        series.graphicalProperties.line.solidFill = colour
        series.graphicalProperties.line.width = 28_000  # EMU, about 2.2 pt
    chart.height, chart.width = 12, 17
    # Right of the area table, so the chart never covers a cell someone may want to read.
    sheet.add_chart(chart, f"{column_letter(len(AREA_TABLE) + 1)}2")


def _answers_sheet(sheet: Worksheet, data: Snapshot, form: Form, language: str) -> None:
    vocab = vocabulary()
    a = data.assessment
    _table(sheet, ANSWER_COLUMNS, language, "C3")
    by_indicator: dict[str, list[Answer]] = {}
    for answer in data.answers:
        by_indicator.setdefault(answer.indicator_id, []).append(answer)
    context = {"site": site_name(a.site, language), "site_ref": a.site.reference_id, "country": a.site.country,
               "pcode": a.site.pcode, "date": a.date,
               "org": LIST_SEPARATOR.join(institution_name(i, language) for i in a.institutions)}
    row = 2
    for indicator in form.indicators():
        found = sorted(by_indicator.get(indicator.id, []), key=lambda x: x.group)
        if not found or found[0].group:
            found.insert(0, None)  # every indicator has its row, answered or not
        phases = phase_cells(indicator.phase, vocab, language)
        for answer in found:
            row += 1
            shown = answer_cells(answer, indicator, vocab, language, data.assessment.target_policy) | context | {
                "area": indicator.area_id, "indicator": indicator.id, "indicator_text": indicator.label.get(language),
                **phases, "group": answer.group if answer else "",
            }
            fill = None
            if answer is not None and answer.is_answered:
                fill = _fill(answer.level)
            for number, column in enumerate(ANSWER_COLUMNS, start=1):
                colour = fill if column.key in ("level", "level_name") else None
                _put(sheet, row, number, shown[column.key], fill=colour, align=_WRAP if column.wrap else _TOP)
    _filter(sheet, ANSWER_COLUMNS, row)


def _gaps_sheet(sheet: Worksheet, form: Form, main: dict[str, Answer], language: str) -> None:
    vocab = vocabulary()
    _table(sheet, GAP_COLUMNS, language, "C3")
    found = gaps(form, main)
    priorities = suggested_priorities(found)
    for row, gap in enumerate(found, start=3):
        indicator = form.indicator(gap.indicator_id)
        values = {
            "area": gap.area_id, "indicator": gap.indicator_id, "indicator_text": indicator.label.get(language),
            "level": gap.level, "target": gap.target, "gap": gap.size,
            **phase_cells(gap.phase, vocab, language),
            "suggested_priority": priorities[gap.indicator_id].value,
            "suggested_priority_name": vocab.label("priorities", priorities[gap.indicator_id].value, language),
        }
        for number, column in enumerate(GAP_COLUMNS, start=1):
            fill = _fill(gap.level) if column.key == "level" else None
            _put(sheet, row, number, values[column.key], fill=fill, align=_WRAP if column.wrap else _TOP)
    _filter(sheet, GAP_COLUMNS, len(found) + 2)
    if found:
        _gap_chart(sheet, len(found), language)


def _gap_chart(sheet: Worksheet, count: int, language: str) -> None:
    chart = BarChart()
    chart.type = "bar"
    chart.title = word("gap_chart_title", language)
    gap_column = 1 + [c.key for c in GAP_COLUMNS].index("gap")
    series = Series(Reference(sheet, min_col=gap_column, min_row=3, max_row=count + 2), title=word("gap", language))
    series.graphicalProperties.solidFill = level_hex(1)[1:]
    chart.series.append(series)
    chart.set_categories(Reference(sheet, min_col=2, min_row=3, max_row=count + 2))
    chart.x_axis.scaling.orientation = "maxMin"  # largest gap, listed first, at the top
    chart.y_axis.scaling.min = 0
    chart.y_axis.majorUnit = 1
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.legend = None
    chart.height, chart.width = max(7.5, 0.55 * count + 2), 14
    sheet.add_chart(chart, f"{column_letter(len(GAP_COLUMNS) + 1)}3")


def _plan_sheet(sheet: Worksheet, actions: tuple[Action, ...], language: str) -> None:
    _table(sheet, PLAN_COLUMNS, language, "B3")
    for row, action in enumerate(actions, start=3):
        shown = action_cells(action, language)
        for number, column in enumerate(PLAN_COLUMNS, start=1):
            _put(sheet, row, number, shown[column.key], align=_WRAP if column.wrap else _TOP)
    _filter(sheet, PLAN_COLUMNS, len(actions) + 2)


def save_workbook(workbook: Workbook, path: Path, password: str | None = None) -> None:
    """Write a workbook whole (files.write_whole), encrypted when a password is given; errors are ExportError."""
    try:
        with write_whole(path) as temporary:
            if password:
                save_encrypted(workbook, temporary, password)
            else:
                workbook.save(temporary)
    except WriteError as error:
        raise ExportError(error) from None
