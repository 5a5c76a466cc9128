"""The report's workshop parts: each group's level beside the agreed one, the disagreements, the outputs.

Kept apart from report_html.py so the report can be rebuilt around them: report_html
asks ``level_text`` for what the scored table shows beside (or instead of) a level,
and appends ``section``. A disagreement never prints as "–": until settled it reads
"unsettled: Legal 1 / Operations 5".
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.core.workshop import ConsensusCase, Output, consensus_word, levels_in, outputs_by_area

if TYPE_CHECKING:
    from hbm_assess.storage.store import Store
    from hbm_assess.ui.report import ReportData, Words


@dataclass(frozen=True)
class WorkshopReport:
    """What the groups did: every indicator several scored (settled or not) and their outputs."""

    cases: dict[str, ConsensusCase]
    outputs: tuple[Output, ...] = ()


def read(store: Store, assessment_id: int) -> WorkshopReport | None:
    """None for an assessment no group worked on."""
    from hbm_assess.storage import workshop, workshop_outputs

    cases = {case.indicator_id: case for case in workshop.merge_plan(store, assessment_id).cases}
    outputs = tuple(workshop_outputs.outputs(store, assessment_id))
    return WorkshopReport(cases, outputs) if cases or outputs else None


def level_text(data: ReportData, indicator_id: str, language: str) -> str:
    """What the scored table adds for an indicator groups scored: "" when none did.

    Unsettled: "unsettled: Legal 1 / Operations 5" (in place of the level). Settled:
    "groups: Legal 1 / Operations 5" (beside the agreed level).
    """
    workshop = getattr(data, "workshop", None)
    case = workshop.cases.get(indicator_id) if workshop else None
    if case is None:
        return ""
    if not case.settled:
        return f"{consensus_word('unsettled', language)}: {levels_in(case, language)}"
    return f"{consensus_word('groups', language)}: {levels_in(case, language)}"


def section(data: ReportData, words: Words, rtl: bool) -> str:
    """The workshop section: where groups differed by two levels or more, then the outputs area by area."""
    workshop = getattr(data, "workshop", None)
    if workshop is None:
        return ""
    language = words.language
    parts = [_heading(words(QT_TRANSLATE_NOOP("Report", "Workshop: where the groups differed")))]
    differed = sorted((c for c in workshop.cases.values() if c.disagreement), key=lambda c: c.indicator_id)
    if not differed:
        parts.append(_p(words(QT_TRANSLATE_NOOP("Report", "No indicator was scored two levels apart or more "
                                                          "by different groups."))))
    for case in differed:
        indicator = data.form.by_id[case.indicator_id]
        parts.append(f"<h3>{_e(case.indicator_id)}&nbsp; {_e(indicator.label.get(language))}</h3>")
        if case.settled:
            parts.append(_p(levels_in(case, language)))
            agreed = case.agreed
            shown = (f"{agreed.level} · {vocabulary().level_name(agreed.level, language)}"
                     if agreed.level is not None else vocabulary().answer_name(None, agreed.special, language))
            parts.append(_p(_fill(words(QT_TRANSLATE_NOOP("Report", "Agreed level: %1")), shown)))
            note = plenary_note(case)
            if note:
                parts.append(_p(_fill(words(QT_TRANSLATE_NOOP("Report", "Note: %1")), note.strip())))
        else:
            parts.append(_p(f"{consensus_word('unsettled', language)}: {levels_in(case, language)}"))
    parts.append(_outputs(data, workshop, words))
    return "".join(parts)


def plenary_note(case: ConsensusCase) -> str:
    """The plenary's own words in an agreed answer: what comes before the groups' lines agreed_answer adds."""
    notes = case.agreed.notes if case.agreed is not None else ""
    if not case.by_group:
        return notes.strip()
    first = f"{next(iter(case.by_group))}: "
    if notes.startswith(first):
        return ""
    return notes.split(f"\n{first}", 1)[0].strip()


def _outputs(data: ReportData, workshop: WorkshopReport, words: Words) -> str:
    language, kinds = words.language, vocabulary().output_kinds
    title = words(QT_TRANSLATE_NOOP("Report", "Workshop outputs"))
    heading = f"<h3>{_e(title)}</h3>"
    if not workshop.outputs:
        return heading + _p(words(QT_TRANSLATE_NOOP("Report", "No challenges, strategy or contributions recorded.")))
    parts = [heading]
    for area_id, found in outputs_by_area(data.form, list(workshop.outputs)):
        area = data.form.area_by_id.get(area_id)
        parts.append(f"<p><b>{_e(area.title.get(language) if area else consensus_word('whole-assessment', language))}"
                     "</b></p><ul>")
        for output in found:
            kind = kinds[output.kind].name.get(language) if output.kind in kinds else output.kind
            offer = f"{output.institution}: " if output.institution else ""
            linked = f" ({', '.join(output.indicators)})" if output.indicators else ""
            group = f" — {output.group}" if output.group else ""
            parts.append(f"<li><i>{_e(kind)}</i>: {_e(offer + output.text + linked + group)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def _e(text: object) -> str:
    from hbm_assess.ui.report_html import _e as safe

    return safe(text) if text else escape("")


def _p(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def _heading(text: str) -> str:
    return f'<h2 style="page-break-before: always;">{_e(text)}</h2>'


def _fill(template: str, value: str) -> str:
    return template.replace("%1", value)
