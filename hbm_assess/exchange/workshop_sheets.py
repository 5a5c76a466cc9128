"""The workshop's sheets for people: what the groups brought back, and where they agreed or not.

"Workshop outputs" lists the challenges, strategy directions and institutions'
contributions, area by area; "Consensus" lists every indicator several groups scored,
with each group's level, the spread, and the agreed level or "unsettled: Legal 1 /
Operations 5". Both are for reading: the machine sheet carries the data back in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.core.cell_text import fit_cell
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.vocabulary import vocabulary, word
from hbm_assess.core.workshop import ConsensusCase, Output, consensus_word, levels_in, outputs_by_area, plan_merge

OUTPUT_HEADERS = ("area", "kind", "text", "institution", "indicators", "actions", "group")
CONSENSUS_HEADERS = ("indicator", "groups_levels", "spread", "status", "agreed_level", "note")
_WRAP = Alignment(wrap_text=True, vertical="top")


def has_consensus_cases(form: Form, answers: Sequence[Answer]) -> bool:
    return bool(_cases(form, answers))


def _cases(form: Form, answers: Sequence[Answer]) -> list[ConsensusCase]:
    by_group: dict[str, dict[str, Answer]] = {}
    for answer in answers:
        if answer.group:
            by_group.setdefault(answer.group, {})[answer.indicator_id] = answer
    if not by_group:
        return []
    main = {a.indicator_id: a for a in answers if not a.group}
    return plan_merge(form, by_group, main).cases


def outputs_sheet(sheet: Worksheet, outputs: Sequence[Output], actions: Sequence[Action], form: Form,
                  language: str, put: Callable) -> None:
    """Fill ``sheet`` with the outputs, area by area; ``put`` writes a cell as the rest of the export does."""
    vocab = vocabulary()
    titles = {action.uuid: action.title for action in actions}
    _headers(sheet, OUTPUT_HEADERS, language, put)
    row = 2
    for area_id, found in outputs_by_area(form, list(outputs)):
        area = form.area_by_id.get(area_id)
        area_name = area.title.get(language) if area else consensus_word("whole-assessment", language)
        for output in found:
            kind = vocab.output_kinds.get(output.kind)
            indicators = "; ".join(f"{i} {form.by_id[i].label.get(language)}" if i in form.by_id else i
                                   for i in output.indicators)
            values = (area_name, kind.name.get(language) if kind else output.kind, output.text, output.institution,
                      indicators, "; ".join(titles.get(uuid, uuid) for uuid in output.actions), output.group)
            _row(sheet, row, values, put)
            row += 1
    _finish(sheet, (24, 22, 60, 26, 40, 30, 16), row)


def consensus_sheet(sheet: Worksheet, answers: Sequence[Answer], form: Form, language: str,
                    put: Callable) -> None:
    """Fill ``sheet`` with every indicator several groups scored: their levels, the spread, the decision."""
    vocab = vocabulary()
    _headers(sheet, CONSENSUS_HEADERS, language, put)
    row = 2
    for case in sorted(_cases(form, answers), key=lambda c: c.indicator_id):
        label = f"{case.indicator_id} {form.by_id[case.indicator_id].label.get(language)}"
        agreed = case.agreed if case.settled else None
        status = (consensus_word("agreed", language) if agreed is not None
                  else f"{consensus_word('unsettled', language)}: {levels_in(case, language)}")
        level = "" if agreed is None else (
            f"{agreed.level} · {vocab.level_name(agreed.level, language)}" if agreed.level is not None
            else vocab.answer_name(None, agreed.special, language))
        values = (label, levels_in(case, language), case.spread, status, level,
                  agreed.notes if agreed is not None else "")
        _row(sheet, row, values, put)
        row += 1
    _finish(sheet, (50, 34, 9, 40, 26, 60), row)


def outputs_title(language: str) -> str:
    return word("sheet_outputs", language)


def consensus_title(language: str) -> str:
    return word("sheet_consensus", language)


def _headers(sheet: Worksheet, headers: Sequence[str], language: str, put: Callable) -> None:
    for column, header in enumerate(headers, start=1):
        put(sheet, 1, column, word(header, language))
        sheet.cell(row=1, column=column).font = Font(bold=True)


def _row(sheet: Worksheet, row: int, values: Sequence[object], put: Callable) -> None:
    for column, value in enumerate(values, start=1):
        # Cells made of several texts (indicators, action titles, notes) may outgrow a cell: the
        # machine sheet carries the data whole, this sheet is for reading.
        put(sheet, row, column, fit_cell(value) if isinstance(value, str) else value)
        sheet.cell(row=row, column=column).alignment = _WRAP


def _finish(sheet: Worksheet, widths: Sequence[int], next_row: int) -> None:
    for number, width in enumerate(widths):
        sheet.column_dimensions[chr(ord("A") + number)].width = width
    sheet.freeze_panes = "B2"
    if next_row > 2:
        sheet.auto_filter.ref = f"A1:{chr(ord('A') + len(widths) - 1)}{next_row - 1}"
