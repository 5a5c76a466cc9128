"""The report's method, findings per area and annex: what was assessed, how, on what evidence.

Fixed texts are marked with QT_TRANSLATE_NOOP("Report", ...) as in report_html.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hbm_assess.core.scoring import area_scores, gaps, suggested_priorities, target_for
from hbm_assess.core.vocabulary import LEVELS, vocabulary
from hbm_assess.ui import report_workshop
from hbm_assess.ui.report_html import (
    _cell,
    _e,
    _fill,
    _heading,
    _level_cell,
    _mean,
    _paragraph,
    _row,
    _table,
    evidence_mark,
    priority_name,
    shorten,
)

if TYPE_CHECKING:
    from hbm_assess.ui.report import ReportData, Words

EVIDENCE_IN_TABLE = 140  # characters of evidence text in a scored table; the annex has it whole
FINDING_TEXT = 320  # characters of evidence or notes in a finding

# The generic meaning of each level (forms/FORMAT.md); each indicator says what it looks like there.
LEVEL_MEANINGS = {
    1: QT_TRANSLATE_NOOP("Report", "Not in place."),
    2: QT_TRANSLATE_NOOP("Report", "Partial or ad hoc; development has started."),
    3: QT_TRANSLATE_NOOP("Report", "Documented and in place, not yet exercised or funded."),
    4: QT_TRANSLATE_NOOP("Report", "Used in a real crisis or a simulation in the last 3 years; budgeted."),
    5: QT_TRANSLATE_NOOP("Report", "Reviewed after each use, sustainably funded, can support neighbours."),
}


def methodology(data: ReportData, words: Words, rtl: bool) -> str:
    """Questionnaire, scale, scoring rule, scope, phases, targets and priorities: how the scores were set."""
    form, a, language, vocab = data.form, data.assessment, words.language, vocabulary()
    mode = {"detailed": words(QT_TRANSLATE_NOOP("Report", "detailed: indicator by indicator")),
            "rapid": words(QT_TRANSLATE_NOOP("Report", "rapid: one score per capacity area"))}.get(form.mode, form.mode)
    parts = [_heading(words(QT_TRANSLATE_NOOP("Report", "How the assessment was done"))),
             _paragraph(_fill(words(QT_TRANSLATE_NOOP(
                 "Report", "Questionnaire: %1, version %2 (%3); %4 indicators in %5 areas.")),
                 form.title.get(language), form.version, mode, form.indicator_count, len(form.areas)))]
    if form.description.get(language):
        parts.append(_paragraph(form.description.get(language)))
    parts.append(_heading(words(QT_TRANSLATE_NOOP("Report", "The scale")), 3))
    header = [words(QT_TRANSLATE_NOOP("Report", "Level")), words(QT_TRANSLATE_NOOP("Report", "Name")),
              words(QT_TRANSLATE_NOOP("Report", "What it means"))]
    rows = [_row([_level_cell(level, str(level)), _cell(vocab.level_name(level, language)),
                  _cell(words(LEVEL_MEANINGS[level]))], rtl) for level in LEVELS]
    rows += [_row([_level_cell(None, "–"), _cell(term.name.get(language)),
                   _cell(words(QT_TRANSLATE_NOOP("Report", "Never counted as a score; means leave it out.")))], rtl)
             for term in vocab.special_answers.values()]
    parts.append(_table(header, rows, rtl, (10, 25, 65)))
    parts.append(_paragraph(words(QT_TRANSLATE_NOOP(
        "Report", "Each indicator has its own five level descriptors, written for it. Scoring rule: a level counts "
                  "only when every element of it is met; otherwise score the level below. In doubt between two "
                  "levels, the lower one was given."))))
    parts.append(_heading(words(QT_TRANSLATE_NOOP("Report", "Scope and phases")), 3))
    parts.append(_paragraph(_scope_text(data, words)))
    parts.append(_paragraph(words(QT_TRANSLATE_NOOP(
        "Report", "Each indicator has one primary MCOF phase (pre-crisis, emergency or post-crisis); the phase "
                  "chart counts it there only."))))
    parts.append(_heading(words(QT_TRANSLATE_NOOP("Report", "Targets and priorities")), 3))
    policy = vocab.target_policies[a.target_policy].name.get(language)
    typed = data.typed_targets
    parts.append(_paragraph(_fill(words(QT_TRANSLATE_NOOP(
        "Report", "Target policy: %1. A target typed for one indicator replaces it (%2 indicators here). "
                  "Gap = target - current level.")), policy, typed)))
    parts.append(_paragraph(words(QT_TRANSLATE_NOOP(
        "Report", "Gaps are ranked by size, then by how far the level is below developed capacity (3), then "
                  "emergency-phase indicators first. The suggested priority follows the same ranking by thirds: "
                  "the first third High, the second Medium, the last Low; equally urgent gaps share one priority."))))
    parts.append(_paragraph(words(QT_TRANSLATE_NOOP(
        "Report", "Evidence is shortened in the tables; the annex gives every answer with its evidence and notes "
                  "in full."))))
    return "".join(parts)


def _scope_text(data: ReportData, words: Words) -> str:
    a = data.assessment
    if a.scope == "national":
        return words(QT_TRANSLATE_NOOP(
            "Report", "A national assessment: laws, national coordination and national data systems are scored "
                      "here once for the country; crossing-point assessments show these scores for context."))
    if a.scope == "governorate":
        return words(QT_TRANSLATE_NOOP(
            "Report", "A governorate assessment: national indicators (marked N) are a governorate view of "
                      "national matters."))
    if data.national is not None:
        return _fill(words(QT_TRANSLATE_NOOP(
            "Report", "A crossing-point assessment. National indicators (marked N: laws, national coordination, "
                      "national data systems) are scored once per country; the tables show them from the national "
                      "assessment of %1 where it scored them.")), data.national.date)
    return words(QT_TRANSLATE_NOOP(
        "Report", "A crossing-point assessment. National indicators (marked N: laws, national coordination, "
                  "national data systems) are scored once per country; no national assessment of this country was "
                  "found, so the scores given here are a post-level view of national matters."))


def findings(data: ReportData, words: Words, rtl: bool) -> str:
    """Per area: findings from the evidence and notes, then the scored table with target, gap and priority."""
    form, language = data.form, words.language
    scores = area_scores(form, data.answers)
    priorities = suggested_priorities(gaps(form, data.answers))
    parts = [_heading(words(QT_TRANSLATE_NOOP("Report", "Findings by area")))]
    legend = words(QT_TRANSLATE_NOOP("Report", "Level colours: 1 red, 2–3 yellow, 4–5 green; grey: not scored. "
                                              "N: a national indicator. ✓ evidence recorded; ⚠ a level of 4 or 5 "
                                              "without evidence."))
    parts.append(f'<p class="muted">{_e(legend)}</p>')
    header = [words(QT_TRANSLATE_NOOP("Report", "Indicator")), words(QT_TRANSLATE_NOOP("Report", "Level")),
              words(QT_TRANSLATE_NOOP("Report", "Target")), words(QT_TRANSLATE_NOOP("Report", "Gap")),
              words(QT_TRANSLATE_NOOP("Report", "Priority")), words(QT_TRANSLATE_NOOP("Report", "Evidence"))]
    for number, area in enumerate(form.areas):
        title = _fill(words(QT_TRANSLATE_NOOP("Report", "%1 — mean level %2")), area.title.get(language),
                      _mean(scores[area.id]))
        brk = ' style="page-break-before: always;"' if number else ""
        parts.append(f"<h3{brk}>{_e(title)}</h3>")
        parts.append(_area_findings(area, data, words))
        rows = [_indicator_row(indicator, data, words, rtl, priorities) for indicator in area.indicators]
        parts.append(_table(header, rows, rtl, (34, 15, 7, 6, 9, 29)))
    return "".join(parts)


def _area_findings(area, data: ReportData, words: Words) -> str:
    """One line per answered indicator with evidence text or notes, weakest first: what was seen."""
    language, vocab = words.language, vocabulary()
    items = []
    answered = [(ind, data.answers.get(ind.id)) for ind in area.indicators]
    answered = [(ind, a) for ind, a in answered if a is not None and a.is_answered
                and (a.evidence_text.strip() or a.notes.strip())]
    answered.sort(key=lambda pair: (pair[1].level is None, pair[1].level or 0))
    for ind, answer in answered:
        level = (f"{answer.level} · {vocab.level_name(answer.level, language)}" if answer.level is not None
                 else vocab.answer_name(None, answer.special, language))
        text = f"<b>{_e(ind.id)}</b> ({_e(level)}): {_e(shorten(answer.evidence_text, FINDING_TEXT))}"
        if answer.notes.strip():
            note = _fill(words(QT_TRANSLATE_NOOP("Report", "Note: %1")), shorten(answer.notes, FINDING_TEXT))
            text += f" <i>{_e(note)}</i>"
        items.append(f"<li>{text}</li>")
    if not items:
        return _paragraph(words(QT_TRANSLATE_NOOP("Report", "No evidence text or notes were recorded in this area.")))
    return f"<ul>{''.join(items)}</ul>"


def _indicator_row(indicator, data: ReportData, words: Words, rtl: bool, priorities: dict) -> str:
    language, vocab = words.language, vocabulary()
    marker = " <b>N</b>" if indicator.national else ""
    label = f"<b>{_e(indicator.id)}</b>{marker}&nbsp; {_e(indicator.label.get(language))}"
    national = _national_answer(indicator, data)
    if national is not None:
        level = (f"{national.level} · {vocab.level_name(national.level, language)}" if national.level is not None
                 else vocab.answer_name(None, national.special, language))
        shown = _fill(words(QT_TRANSLATE_NOOP("Report", "national — from the national assessment of %1")),
                      data.national.date)
        return _row([_cell(label, escape_text=False), _level_cell(national.level, level), _cell(""), _cell(""),
                     _cell(""), _cell(shown)], rtl)
    answer = data.answers.get(indicator.id)
    groups = report_workshop.level_text(data, indicator.id, language)  # "unsettled: Legal 1 / Operations 5"
    if answer is None or not answer.is_answered:
        return _row([_cell(label, escape_text=False), _level_cell(None, groups or "–"), _cell(""), _cell(""),
                     _cell(""), _cell("")], rtl)
    evidence = evidence_mark(answer, language)
    if answer.evidence_text.strip():
        evidence = f"{evidence}: {shorten(answer.evidence_text, EVIDENCE_IN_TABLE)}" if evidence else shorten(
            answer.evidence_text, EVIDENCE_IN_TABLE)
    if answer.level is None:
        return _row([_cell(label, escape_text=False),
                     _with_groups(_level_cell(None, vocab.answer_name(None, answer.special, language)), groups),
                     _cell(""), _cell(""), _cell(""), _cell(evidence)], rtl)
    target = target_for(answer, indicator)
    priority = priorities.get(indicator.id)
    return _row([_cell(label, escape_text=False),
                 _with_groups(_level_cell(answer.level, f"{answer.level} · {vocab.level_name(answer.level, language)}"),
                              groups),
                 _cell(target, align="center"), _cell(target - answer.level, align="center"),
                 _cell(priority_name(priority.value, words) if priority else "", align="center"),
                 _cell(evidence)], rtl)


def _with_groups(level_cell: str, groups: str) -> str:
    """The agreed level with every break-out group's level beneath it, in smaller type."""
    if not groups:
        return level_cell
    return level_cell.replace("</td>", f"<br><span style='font-size: 7.5pt;'>{_e(groups)}</span></td>")


def _national_answer(indicator, data: ReportData):
    """The national assessment's answer a crossing point's report shows for a national indicator, or None."""
    if not (indicator.national and data.assessment.scope == "crossing-point" and data.national_answers):
        return None
    answer = data.national_answers.get(indicator.id)
    return answer if answer is not None and answer.is_answered else None


def annex(data: ReportData, words: Words, rtl: bool) -> str:
    """Every answer in full: level, target, evidence type, reference and text, confidence and notes."""
    form, language, vocab = data.form, words.language, vocabulary()
    parts = [_heading(words(QT_TRANSLATE_NOOP("Report", "Annex: the answers in full")))]
    labels = {
        "reference": words(QT_TRANSLATE_NOOP("Report", "Reference")),
        "evidence": words(QT_TRANSLATE_NOOP("Report", "Evidence")),
        "confidence": words(QT_TRANSLATE_NOOP("Report", "Confidence")),
        "notes": words(QT_TRANSLATE_NOOP("Report", "Notes")),
        "target": words(QT_TRANSLATE_NOOP("Report", "Target")),
    }
    for area in form.areas:
        rows = []
        for indicator in area.indicators:
            answer = data.answers.get(indicator.id)
            head = f"<b>{_e(indicator.id)}</b>&nbsp; {_e(indicator.label.get(language))}"
            if answer is None or not answer.is_answered:
                body = _e(words(QT_TRANSLATE_NOOP("Report", "Not answered")))
            else:
                body = _answer_in_full(answer, indicator, labels, language, vocab)
            if _national_answer(indicator, data) is not None:
                body = _e(_fill(words(QT_TRANSLATE_NOOP("Report", "national — from the national assessment of %1")),
                                data.national.date)) + "<br>" + body
            rows.append(_row([_cell(head, escape_text=False), _cell(body, escape_text=False)], rtl))
        parts.append(_table([words(QT_TRANSLATE_NOOP("Report", "Indicator")),
                             words(QT_TRANSLATE_NOOP("Report", "Answer"))], rows, rtl, (35, 65),
                            caption=area.title.get(language)))
        parts.append("<p></p>")
    return "".join(parts)


def _answer_in_full(answer, indicator, labels: dict, language: str, vocab) -> str:
    level = (f"{answer.level} · {vocab.level_name(answer.level, language)}" if answer.level is not None
             else vocab.answer_name(None, answer.special, language))
    lines = [f"<b>{_e(level)}</b>"]
    if answer.level is not None:
        lines[0] += f" — {_e(labels['target'])} {target_for(answer, indicator)}"
    evidence_type = vocab.evidence_types.get(answer.evidence_type)
    kind = evidence_type.name.get(language) if evidence_type else answer.evidence_type
    for key, value in (("evidence", " · ".join(v for v in (kind, answer.evidence_text.strip()) if v)),
                       ("reference", answer.evidence_reference.strip()),
                       ("confidence", vocab.confidence[answer.confidence].name.get(language)
                        if answer.confidence in vocab.confidence else ""),
                       ("notes", answer.notes.strip())):
        if value:
            lines.append(f"{_e(labels[key])}: {escape(value).replace(chr(10), '<br>')}")
    return "<br>".join(lines)
