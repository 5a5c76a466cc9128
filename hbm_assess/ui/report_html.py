"""The report's content as Qt rich text (HTML): an assessment report, from cover to annex.

Cover, methodology, executive summary (strengths and gaps), charts, findings per
area (from the evidence and notes, with the scored table), workshop outputs (a
hook), plan of action by institution, and an annex with every answer in full.

Fixed texts are marked with QT_TRANSLATE_NOOP("Report", ...) so pyside6-lupdate
collects them; the report translates them into its own language (report.Words).
Qt does not mirror table columns for right-to-left text, so rows are reversed here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextvars import ContextVar
from datetime import date
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP

from hbm_assess import __version__, charts
from hbm_assess.charts.bidi_text import has_left_to_right, has_right_to_left
from hbm_assess.charts.data import mean_text
from hbm_assess.core.comparison import RAPID_DETAILED, VERSIONS
from hbm_assess.core.reference import crossing_point_of, institution_name, site_name
from hbm_assess.core.scoring import Score, area_scores, gaps, overall_score, suggested_priorities
from hbm_assess.core.text import is_right_to_left
from hbm_assess.core.vocabulary import vocabulary, word
from hbm_assess.palette import GREY, level_fill, lighten
from hbm_assess.ui import report_workshop

if TYPE_CHECKING:
    from hbm_assess.ui.report import ReportData, Words

LRM = "\u200e"  # left-to-right mark, invisible
ROW_ANCHOR = "hbmrow-"
NEW_PAGE_HEADING = '<h2 style="page-break-before: always;">'
_COUNTER: ContextVar[int] = ContextVar("report_tables", default=0)  # per thread: reports run in workers
_BREAKS: ContextVar[frozenset] = ContextVar("report_breaks", default=frozenset())
TOP_GAPS = 5
GAP_ROWS_MAX = 20  # what one page holds of the gap chart; the scored table lists every gap
STYLE = """
h1 { font-size: 20pt; margin-bottom: 4pt; }
h2 { font-size: 14pt; margin-top: 14pt; margin-bottom: 6pt; color: #0B3C5D; }
h3 { font-size: 11pt; margin-top: 10pt; margin-bottom: 4pt; }
p { margin-top: 2pt; margin-bottom: 4pt; }
.site { font-size: 24pt; font-weight: bold; }
.muted { color: #555555; font-size: 8pt; }
.area { background-color: #E8EEF3; font-weight: bold; }
.draft { color: #9B1C1C; font-weight: bold; }
th { background-color: #0B3C5D; color: white; font-weight: bold; }
td, th { font-size: 8.5pt; }
"""


def chart_drawings(data: ReportData, language: str) -> dict[str, tuple[tuple[float, float], Callable]]:
    """Each chart of the report: its size in inches and the chart function that draws it."""
    form, answers = data.form, data.answers
    shown_gaps = min(len(gaps(form, answers)), GAP_ROWS_MAX)
    gap_height = 1.9 + 0.34 * max(shown_gaps, 3)
    return {
        "radar": ((6.6, 4.9), lambda fig: charts.radar(fig, form, answers, language,
                                                       compare_answers=_earlier_levels(data))),
        "phases": ((6.6, 3.6), lambda fig: charts.phase_chart(fig, form, answers, language)),
        "gaps": ((6.6, gap_height), lambda fig: charts.gap_chart(fig, form, answers, language,
                                                                 max_rows=GAP_ROWS_MAX)),
    }


def html(data: ReportData, words: Words, rtl: bool) -> str:
    """The report as one HTML document for QTextDocument."""
    return wrap([text for text, _tables in sections(data, words, rtl)], rtl)


def sections(data: ReportData, words: Words, rtl: bool) -> list[tuple[str, range]]:
    """Each section of the report as HTML, with the numbers of the tables it holds."""
    from hbm_assess.ui import report_sections as more  # methodology, findings and annex

    start_tables(_BREAKS.get())
    makers = [lambda: cover(data, words), lambda: more.methodology(data, words, rtl),
              lambda: summary(data, words, rtl), lambda: chart_section(data, words),
              lambda: more.findings(data, words, rtl), lambda: report_workshop.section(data, words, rtl),
              lambda: plan(data, words, rtl), lambda: more.annex(data, words, rtl)]
    made = []
    for make in makers:
        first = _COUNTER.get()
        made.append((make(), range(first, _COUNTER.get())))
    return made


def wrap(parts: Sequence[str], rtl: bool) -> str:
    """Sections made into one HTML document."""
    direction = "rtl" if rtl else "ltr"
    return (f'<html dir="{direction}"><head><style>{STYLE}</style></head>'
            f'<body dir="{direction}">{"".join(parts)}</body></html>')


def starts_page(section: str) -> bool:
    """Whether a section begins on a new page (its heading says so): laid out alone, it lays out the same."""
    return section.startswith(NEW_PAGE_HEADING)


# -- building blocks -------------------------------------------------------------


def _e(text: object) -> str:
    """Text made safe for HTML; Latin-only text keeps its punctuation in place on right-to-left pages."""
    text = str(text)
    if has_left_to_right(text) and not has_right_to_left(text):
        # English fallback text in an Arabic cell: without the marks, a final "?" or ")"
        # would take the page's direction and jump to the start of the line.
        text = LRM + text + LRM
    return escape(text)


def _table(header: Sequence[str], rows: Sequence[str], rtl: bool, widths: Sequence[int] = (), caption: str = "") -> str:
    """A table whose rows each carry an anchor (``hbmrow-TABLE-ROW``); it breaks where ``_BREAKS`` says.

    Qt splits a table row across two pages, line by line. report.keep_rows_whole finds such a
    row and asks for the table to break before it: a new table with the header again, on a new page.
    """
    number = _COUNTER.get()
    _COUNTER.set(number + 1)
    breaks = sorted(row for table, row in _BREAKS.get() if table == number)
    head = _row([f"<th{_width(widths, i)}>{_e(h)}</th>" for i, h in enumerate(header)], rtl)
    if caption:  # above the header, so a table continued on the next page still says what it is
        head = (f'<tr><td colspan="{len(header)}" class="area" bgcolor="#E8EEF3"><b>{_e(caption)}</b></td></tr>'
                + head)
    inner = sorted({row for row in breaks if 0 < row < len(rows)})
    pieces = []
    for start, end in zip([0, *inner], [*inner, len(rows)], strict=True):
        marked = "".join(_anchored(row, number, index) for index, row in enumerate(rows[start:end], start=start))
        new_page = " page-break-before: always;" if start in breaks else ""
        pieces.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="3" style="border-color: #AAAAAA; '
                      f'border-collapse: collapse;{new_page}"><thead>{head}</thead>{marked}</table>')
    return "".join(pieces)


def _anchored(row: str, table: int, index: int) -> str:
    """The row with an invisible anchor in its first cell, so the laid-out row can be found."""
    at = row.find("<td")
    if at < 0:
        return row
    at = row.find(">", at) + 1
    return f'{row[:at]}<a name="{ROW_ANCHOR}{table}-{index}"></a>{row[at:]}'


def start_tables(breaks: frozenset = frozenset()) -> None:
    """Number the tables from 0 again, and break them before the rows in ``breaks`` ((table, row) pairs)."""
    _COUNTER.set(0)
    _BREAKS.set(breaks)


def _width(widths: Sequence[int], index: int) -> str:
    return f' width="{widths[index]}%"' if index < len(widths) else ""


def _row(cells: list[str], rtl: bool) -> str:
    return "<tr>" + "".join(reversed(cells) if rtl else cells) + "</tr>"


def _cell(text: object, fill: str = "", align: str = "", escape_text: bool = True, whole: bool = False) -> str:
    """A table cell; ``whole`` keeps its value on one line (amounts, dates): the column widens instead."""
    attributes = (f' bgcolor="{fill}"' if fill else "") + (f' align="{align}"' if align else "")
    attributes += ' style="white-space: nowrap;"' if whole else ""
    return f"<td{attributes}>{_e(text) if escape_text else text}</td>"


def _level_cell(level: float | None, text: str) -> str:
    return _cell(text, level_fill(level) if level is not None else lighten(GREY, 0.6), "center")


def _mean(score: Score) -> str:
    return "–" if score.mean_level is None else mean_text(score.mean_level)


def _heading(text: str, level: int = 2) -> str:
    """A section heading; sections (level 2) start on a new page."""
    if level == 2:
        return f"{NEW_PAGE_HEADING}{_e(text)}</h2>"
    return f"<h{level}>{_e(text)}</h{level}>"


def _paragraph(text: str) -> str:
    return f"<p>{_e(text)}</p>"


def _list(names: Sequence[str], language: str) -> str:
    return ("، " if is_right_to_left(language) else ", ").join(names)


def _fill(template: str, *values: object) -> str:
    for number, value in enumerate(values, start=1):
        template = template.replace(f"%{number}", str(value))
    return template


# -- sections --------------------------------------------------------------------

COUNTRIES = {
    "IQ": QT_TRANSLATE_NOOP("Report", "Iraq"), "TR": QT_TRANSLATE_NOOP("Report", "Türkiye"),
    "SY": QT_TRANSLATE_NOOP("Report", "Syria"), "JO": QT_TRANSLATE_NOOP("Report", "Jordan"),
    "SA": QT_TRANSLATE_NOOP("Report", "Saudi Arabia"), "KW": QT_TRANSLATE_NOOP("Report", "Kuwait"),
    "IR": QT_TRANSLATE_NOOP("Report", "Iran"),
}


def country_name(code: str, words: Words) -> str:
    """ "Iraq (IQ)": the name a reader knows, with the code the data carries."""
    name = COUNTRIES.get(code)
    return f"{words(name)} ({code})" if name else code


def draft_notice(words: Words) -> str:
    """The mark a draft carries on its cover and at the top of every page."""
    return words(QT_TRANSLATE_NOOP("Report", "Provisional — draft: the scores may still change"))


def cover(data: ReportData, words: Words) -> str:
    a, form, language = data.assessment, data.form, words.language
    vocab = vocabulary()
    site_type = vocab.label("site_types", a.site.type, language)
    status = vocab.label("assessment_statuses", a.status, language)
    scope = vocab.label("scopes", a.scope, language)
    policy = vocab.label("target_policies", a.target_policy, language)
    groups = _list([g.name for g in data.groups], language)
    institutions = _list([institution_name(i, language) for i in a.institutions], language)
    point = crossing_point_of(a.site)
    fields = [
        (word("scope", language), scope),
        (word("site_ref", language), point.id if point else a.site.reference_id),
        (words(QT_TRANSLATE_NOOP("Report", "Governorate")), data.governorate.get(language)),
        (words(QT_TRANSLATE_NOOP("Report", "Country")), country_name(a.site.country, words)),
        (words(QT_TRANSLATE_NOOP("Report", "Type of site")), site_type if a.scope == "crossing-point" else ""),
        (words(QT_TRANSLATE_NOOP("Report", "Date of the assessment")), a.date),
        (words(QT_TRANSLATE_NOOP("Report", "Questionnaire")), f"{form.title.get(language)} ({form.id} {form.version})"),
        (words(QT_TRANSLATE_NOOP("Report", "Assessors")), _list(a.assessors, language)),
        (words(QT_TRANSLATE_NOOP("Report", "Institutions")), institutions),
        (words(QT_TRANSLATE_NOOP("Report", "Workshop groups")), groups),
        (words(QT_TRANSLATE_NOOP("Report", "Target policy")), policy),
        (word("status", language), _fill(words(QT_TRANSLATE_NOOP("Report", "%1, revision %2")),
                                                             status, a.revision)),
    ]
    rtl = is_right_to_left(language)
    rows = "".join(_row([f'<td width="30%"><b>{_e(k)}</b></td>', _cell(v, whole=v == a.date)], rtl)
                   for k, v in fields if v)
    overall = overall_score(form, data.answers)
    headline = _fill(words(QT_TRANSLATE_NOOP("Report", "Overall mean level: %1 of 5")), _mean(overall))
    notes = f"<p>{_e(a.notes)}</p>" if a.notes else ""
    draft = (f'<p></p><table cellpadding="8" cellspacing="0" border="1" style="border-color: #9B1C1C;"><tr><td>'
             f'<span class="draft">{_e(draft_notice(words))}</span></td></tr></table>') if a.status == "draft" else ""
    generated = _fill(words(QT_TRANSLATE_NOOP("Report", "Report written on %1 by HBM Assess %2.")),
                      LRM + date.today().isoformat() + LRM, __version__)  # digits in order after Arabic
    title = words(QT_TRANSLATE_NOOP("Report", "Humanitarian Border Management capacity assessment"))
    return (f"<h1>{_e(title)}</h1>"
            f'<p class="site">{_e(site_name(a.site, language))}</p>'
            f'<table width="100%" cellspacing="0" cellpadding="4">{rows}</table>'
            f'<p></p><table cellpadding="8" cellspacing="0"><tr><td bgcolor="{level_fill(overall.mean_level)}">'
            f'<span style="font-size: 14pt; font-weight: bold;">{_e(headline)}</span></td></tr></table>'
            f'{draft}{notes}<p class="muted">{_e(generated)}</p>')


def summary(data: ReportData, words: Words, rtl: bool) -> str:
    form, answers, language = data.form, data.answers, words.language
    overall = overall_score(form, answers)
    counted = _fill(words(QT_TRANSLATE_NOOP(
        "Report", "Mean level %1 over %2 scored indicators of %3. Not counted: %4 not applicable and %5 unknown; "
                  "%6 not answered.")), _mean(overall), overall.scored, form.indicator_count,
        overall.not_applicable, overall.unknown, overall.unanswered)
    header = [word("area", language), word("mean_level", language),
              word("mean_target", language), word("answer_statuses.scored", language),
              word("answer_statuses.na", language), word("answer_statuses.unknown", language),
              word("answer_statuses.unanswered", language)]
    rows = []
    for area_id, score in area_scores(form, answers).items():
        target = "–" if score.mean_target is None else f"{score.mean_target:.1f}"
        rows.append(_row([_cell(form.area_by_id[area_id].title.get(language)),
                          _level_cell(score.mean_level, _mean(score)), _cell(target, align="center"),
                          _cell(score.scored, align="center"), _cell(score.not_applicable, align="center"),
                          _cell(score.unknown, align="center"), _cell(score.unanswered, align="center")], rtl))
    parts = [_heading(words(QT_TRANSLATE_NOOP("Report", "Executive summary"))),
             f"<p>{_e(counted)}</p>", _comparison_line(data, words),
             _table(header, rows, rtl, (34, 11, 11, 11, 11, 11, 11)),
             _heading(words(QT_TRANSLATE_NOOP("Report", "Strengths")), 3), _strengths(data, words, rtl),
             _heading(words(QT_TRANSLATE_NOOP("Report", "The five largest gaps")), 3), _top_gaps(data, words, rtl)]
    return "".join(parts)


def strengths(data: ReportData) -> list:
    """Scored indicators at demonstrated capacity (4) or above, strongest first; else those at developed (3)."""
    scored = [(ind, data.answers[ind.id]) for ind in data.form.indicators()
              if ind.id in data.answers and data.answers[ind.id].level is not None]
    best = [pair for pair in scored if pair[1].level >= 4] or [pair for pair in scored if pair[1].level == 3]
    return sorted(best, key=lambda pair: -pair[1].level)[:TOP_GAPS]


def _strengths(data: ReportData, words: Words, rtl: bool) -> str:
    found = strengths(data)
    if not found:
        return _paragraph(words(QT_TRANSLATE_NOOP("Report", "No indicator reaches developed capacity (3) yet.")))
    language, vocab = words.language, vocabulary()
    header = [words(QT_TRANSLATE_NOOP("Report", "Indicator")), words(QT_TRANSLATE_NOOP("Report", "Level")),
              words(QT_TRANSLATE_NOOP("Report", "Evidence"))]
    rows = [_row([_cell(f"{ind.id}  {ind.label.get(language)}"),
                  _level_cell(answer.level, f"{answer.level} · {vocab.level_name(answer.level, language)}"),
                  _cell(shorten(answer.evidence_text, 120))], rtl) for ind, answer in found]
    return _table(header, rows, rtl, (50, 20, 30))


def shorten(text: str, limit: int) -> str:
    """Text cut at a word before ``limit`` characters, with an ellipsis; whitespace folded."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(",;:.") + "…"


def _comparison_line(data: ReportData, words: Words) -> str:
    if data.comparison is None or data.earlier is None:
        return ""
    c = data.comparison
    line = _fill(words(QT_TRANSLATE_NOOP(
        "Report", "Compared with the assessment of %1: %2 indicators improved, %3 stayed the same, %4 got worse; "
                  "%5 could not be compared.")), data.earlier.date, c.improved, c.same, c.worse, c.not_comparable)
    if c.kind == RAPID_DETAILED:
        line += " " + _fill(words(QT_TRANSLATE_NOOP(
            "Report", "The earlier assessment was rapid and this one detailed (or the reverse): each indicator is set "
                      "against the rapid item that summarises it; %1 indicators were left out.")), len(c.left_out))
    elif c.kind == VERSIONS:
        line += " " + _fill(words(QT_TRANSLATE_NOOP(
            "Report", "The two assessments use different versions of the questionnaire: %1 indicators only one "
                      "version asks were left out.")), len(c.left_out))
    return f"<p>{_e(line)}</p>"


def _earlier_levels(data: ReportData):
    return data.comparison.earlier_levels() if data.comparison is not None else None


def priority_name(priority: str, words: Words) -> str:
    return vocabulary().label("priorities", priority, words.language)


def _top_gaps(data: ReportData, words: Words, rtl: bool) -> str:
    form, language = data.form, words.language
    found = gaps(form, data.answers)
    priorities = suggested_priorities(found)
    largest = found[:TOP_GAPS]
    if not largest:
        return _paragraph(words(QT_TRANSLATE_NOOP("Report", "No gaps: every scored indicator is at its target.")))
    header = [word("indicator", language), word("level", language),
              word("target", language), word("gap", language),
              word("suggested_priority", language)]
    rows = [_row([_cell(f"{gap.indicator_id}  {form.indicator(gap.indicator_id).label.get(language)}"),
                  _level_cell(gap.level, str(gap.level)), _cell(gap.target, align="center"),
                  _cell(gap.size, align="center"), _cell(priority_name(priorities[gap.indicator_id].value, words),
                                                         align="center")], rtl)
            for gap in largest]
    return _table(header, rows, rtl, (60, 8, 8, 8, 16))


def chart_section(data: ReportData, words: Words) -> str:
    width = 620  # in the document's 96-dpi units: the full text width of an A4 page with these margins
    # The gap chart gets a page of its own: Qt would cut an image taller than what is left of a page.
    images = "".join(f'<p align="center"{brk}><img src="chart:{name}" width="{width}"></p>'
                     for name, brk in (("radar", ""), ("phases", ""), ("gaps", ' style="page-break-before: always;"')))
    return _heading(words(QT_TRANSLATE_NOOP("Report", "Charts"))) + images


def evidence_mark(answer, language: str) -> str:
    """✓ and the evidence type, ⚠ for a level of 4 or 5 without evidence, or ''."""
    if answer.needs_evidence:
        return "⚠"
    if not answer.has_evidence:
        return ""
    term = vocabulary().evidence_types.get(answer.evidence_type)
    name = term.name.get(language) if term else answer.evidence_type
    return f"✓ {name}".strip()


def plan(data: ReportData, words: Words, rtl: bool) -> str:
    language = words.language
    heading = _heading(words(QT_TRANSLATE_NOOP("Report", "Plan of action by responsible institution")))
    if not data.actions:
        return heading + _paragraph(words(QT_TRANSLATE_NOOP("Report", "No actions in the plan yet.")))
    unassigned = words(QT_TRANSLATE_NOOP("Report", "Not yet assigned"))
    groups: dict[str, list] = {}
    for action in data.actions:
        responsible = institution_name(action.responsible, language) if action.responsible.strip() else unassigned
        groups.setdefault(responsible, []).append(action)
    header = [word("title", language), word("indicators", language),
              word("priority", language), word("timeframe", language),
              word("cost", language), word("status", language)]
    parts = [heading]
    for institution in sorted(groups, key=lambda name: (name == unassigned, name.casefold())):
        rows = [_action_row(action, words, rtl) for action in groups[institution]]
        parts.append(f"<h3>{_e(institution)}</h3>")
        parts.append(_table(header, rows, rtl, (40, 14, 10, 14, 11, 11)))
    return "".join(parts)


def _action_row(action, words: Words, rtl: bool) -> str:
    partners = ""
    if action.partners:
        names = _list([institution_name(p, words.language) for p in action.partners], words.language)
        partners = "<br><span style='color: #555555;'>" + _e(
            _fill(words(QT_TRANSLATE_NOOP("Report", "With: %1")), names)) + "</span>"
    cost = "" if action.cost is None else f"{action.cost:,.0f} {action.currency}".strip()
    timeframe = action.due_date or _timeframe_name(action.timeframe, words)
    return _row([_cell(_e(action.title) + partners, escape_text=False), _cell(", ".join(action.indicators)),
                 _cell(priority_name(action.priority, words), align="center"),
                 _cell(timeframe, align="center", whole=bool(action.due_date)), _cell(cost, align="center", whole=True),
                 _cell(_action_status_name(action.status, words), align="center")], rtl)


def _timeframe_name(timeframe: str, words: Words) -> str:
    return vocabulary().label("timeframes", timeframe, words.language)


def _action_status_name(status: str, words: Words) -> str:
    return vocabulary().label("action_statuses", status, words.language)

