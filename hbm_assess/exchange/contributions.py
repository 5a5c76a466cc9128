"""The 'contributions by institution' sheet: for each institution, the gaps it takes on in the plan of action.

The Erbil workshop closed by asking what each institution could contribute; this
sheet answers it from the plan, one block per institution, as responsible or partner.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.reference import institution_name
from hbm_assess.core.scoring import target_for
from hbm_assess.core.vocabulary import vocabulary

# The glossary's keys of the column titles.
HEADERS = ("institution", "role", "title", "indicator", "level_now_target", "priority", "status")


def contributions(actions: tuple[Action, ...]) -> dict[str, list[tuple[str, Action]]]:
    """Institution → (role, action) for every action naming it, institutions in order of first mention."""
    found: dict[str, list[tuple[str, Action]]] = {}
    for action in actions:
        if action.responsible:
            found.setdefault(action.responsible, []).append(("responsible", action))
        for partner in action.partners:
            if partner != action.responsible:
                found.setdefault(partner, []).append(("partner", action))
    return found


def contributions_sheet(sheet: Worksheet, actions: tuple[Action, ...], form: Form, main: Mapping[str, Answer],
                        language: str, put: Callable) -> None:
    """Fill ``sheet``; ``put(sheet, row, column, value)`` writes a cell as the rest of the export does."""
    vocab = vocabulary()
    for column, header in enumerate(HEADERS, start=1):
        put(sheet, 1, column, vocab.word(header, language))
        sheet.cell(row=1, column=column).font = Font(bold=True)
    row = 2
    for institution, roles in contributions(actions).items():
        for role, action in roles:
            for indicator_id in action.indicators or ("",):
                answer = main.get(indicator_id)
                indicator = form.by_id.get(indicator_id)
                levels = ""
                if answer is not None and answer.level is not None:
                    levels = f"{answer.level} → {target_for(answer, indicator)}"
                values = (institution_name(institution, language), vocab.label("roles", role, language), action.title,
                          f"{indicator_id} {indicator.label.get(language)}" if indicator else indicator_id, levels,
                          vocab.label("priorities", action.priority, language),
                          vocab.label("action_statuses", action.status, language))
                for column, value in enumerate(values, start=1):
                    put(sheet, row, column, value)
                    sheet.cell(row=row, column=column).alignment = Alignment(wrap_text=True, vertical="top")
                row += 1
    for letter, width in zip("ABCDEFG", (28, 14, 50, 50, 16, 10, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "B2"
    if row > 2:
        sheet.auto_filter.ref = f"A1:G{row - 1}"
