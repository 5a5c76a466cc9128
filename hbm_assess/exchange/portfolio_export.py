"""The consolidated workbook HQ shares: every selected assessment in one tidy sheet, summaries and native charts.

Sheets: "Sites" and "Areas" (summaries of post-level indicators, with bar charts Excel draws itself),
"National" (national indicators once per country, #17),
"Data" (one row per assessment × indicator, for Power BI, pandas and HDX tools;
row 2 holds HXL hashtags), "About" (what the workbook covers and leaves out) and
"Columns" (what every column means: the data dictionary).
Column headers stay in English so scripts can rely on them; questionnaire text
(area titles, indicator labels) is in the chosen language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from functools import cache, lru_cache
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Font, PatternFill

from hbm_assess.core.messages import Message
from hbm_assess.core.reference import crossing_points
from hbm_assess.exchange.cells import escape, text_message
from hbm_assess.exchange.data_dictionary import AREA_MEAN_COLUMN, meaning
from hbm_assess.exchange.export import ExportError, save_workbook
from hbm_assess.palette import level_fill
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.store import Store

PROGRESS_EVERY = 2_000  # rows between progress reports
SHEET_ROWS = 1_048_576  # Excel's hard limit of rows in one worksheet
ERROR_LIKE = frozenset({"#N/A", "#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#GETTING_DATA"})
_HEADER_FONT = Font(bold=True)
_HXL_FONT = Font(italic=True, color="555555", size=9)

# (header, HXL hashtag) of the tidy sheet, in the order of storage.portfolio.tidy_rows plus labels.
DATA_COLUMNS = (
    ("Country", "#country+code"),
    ("Governorate P-code", "#adm1+code"),
    ("Governorate", "#adm1+name"),
    ("Crossing point id", "#loc+code"),
    ("Site", "#loc+name"),
    ("Site type", "#loc+type"),
    ("Latitude", "#geo+lat"),
    ("Longitude", "#geo+lon"),
    ("Scope", "#x_scope"),
    ("Date", "#date+reported"),
    ("Assessment id", "#x_assessment+id"),
    ("Assessment uuid", "#x_assessment+uuid"),
    ("Status", "#status"),
    ("Revision", "#x_revision+num"),
    ("Workshop group", "#x_group+name"),
    ("Assessed by", "#x_assessors"),
    ("Questionnaire", "#x_form"),
    ("Questionnaire version", "#x_form_version"),
    ("Area id", "#x_area+code"),
    ("Area", "#x_area+name"),
    ("Indicator", "#indicator+code"),
    ("Lined-up indicator", "#indicator+code+lined_up"),
    ("Indicator label", "#indicator+name"),
    ("Compared", "#x_compared"),
    ("Answer", "#x_answer+status"),
    ("Level", "#indicator+level+num"),
    ("Target", "#indicator+target+num"),
    ("Gap", "#indicator+gap+num"),
    ("Evidence type", "#x_evidence+type+code"),
    ("Confidence", "#x_confidence+code"),
    ("Evidence reference", "#x_evidence+ref"),
    ("Evidence", "#x_evidence+text"),
    ("Notes", "#description+notes"),
    ("Indicator scope", "#x_indicator+scope"),
)
NATIONAL_COLUMNS = (("Country", "#country+code"), ("Questionnaire", "#x_form"), ("Area id", "#x_area+code"),
                    ("Indicator", "#indicator+code"), ("Indicator label", "#indicator+name"),
                    ("Level", "#indicator+level+num"), ("Level source", "#x_source"),
                    ("National assessment id", "#x_assessment+id"), ("National assessment date", "#date+reported"),
                    ("Mean of the posts' views", "#x_level+mean+posts"), ("Posts scoring it", "#x_posts+num"))
SITES_COLUMNS = (("Weakest first", "#x_rank"), ("Country", "#country+code"), ("Site", "#loc+name"),
                 ("Site type", "#loc+type"), ("Assessments", "#x_assessments+num"),
                 ("Latest assessment", "#date+reported+latest"), ("Scored answers", "#x_scored+num"),
                 ("Mean level", "#x_level+mean"), ("Mean gap", "#x_gap+mean"))
AREAS_COLUMNS = (("Area id", "#x_area+code"), ("Area", "#x_area+name"), ("Assessments", "#x_assessments+num"),
                 ("Sites", "#x_sites+num"), ("Scored answers", "#x_scored+num"), ("Mean level", "#x_level+mean"),
                 ("Mean gap", "#x_gap+mean"), ("Not applicable", "#x_na+num"), ("Unknown", "#x_unknown+num"))
DATA_WIDTHS = (9, 12, 16, 14, 24, 10, 9, 9, 13, 11, 8, 12, 8, 8, 14, 20, 14, 9, 8, 24, 10, 12, 40, 9, 12, 6, 6, 6,
               14, 11, 20, 40, 30, 9)
ANSWERS = {None: "unanswered", "na": "na", "unknown": "unknown"}  # the answer_status codes of every export

Progress = Callable[[int, int, str], None]


def write_portfolio(
    store: Store,
    flt: PortfolioFilter,
    path: Path | str,
    language: str = "en",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    password: str | None = None,
) -> int:
    """Write the consolidated workbook for ``flt`` to ``path`` (atomically, encrypted with ``password`` if any).

    Returns the number of data rows.
    """
    path = Path(path)
    rows = portfolio.tidy_row_count(store, flt)
    if rows > SHEET_ROWS - 2:  # the header and the HXL row
        raise ExportError(Message.of("selection_too_large_for_a_sheet", rows=f"{rows:,}", most=f"{SHEET_ROWS:,}"))
    workbook = Workbook(write_only=True)
    data = portfolio.load(store, flt)
    titles = {area.key: area.label.get(language) for area in data.areas}
    _sites_sheet(workbook.create_sheet("Sites"), data, titles)
    _areas_sheet(workbook.create_sheet("Areas"), portfolio.area_summary(store, flt), language)
    _national_sheet(workbook.create_sheet("National"), data.national, language)
    rows = _data_sheet(workbook.create_sheet("Data"), store, flt, titles, language, progress, cancelled)
    _about_sheet(workbook.create_sheet("About"), data, rows)
    _columns_sheet(workbook.create_sheet("Columns"))
    save_workbook(workbook, path, password)
    return rows


# -- cells -----------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _text(value: str) -> str:
    """Text as a cell must hold it; refuses characters a workbook cannot hold."""
    problem = text_message(value)
    if problem:
        raise ExportError(Message.of("workbook_not_written", problem=Message.of(
            "cell_text_problem", place=repr(value[:40]), problem=problem)))
    return escape(value)


def _cell(sheet, value, bold: bool = False, fill: str | None = None, number_format: str | None = None):
    """A value as written: text never becomes a formula or an error, numbers and dates stay typed."""
    if isinstance(value, str):
        value = _text(value)
        if value[:1] == "=" or value in ERROR_LIKE or bold or fill:
            cell = WriteOnlyCell(sheet)
            # Assigning "=..." through .value would make it a formula: store it as plain text.
            cell._value, cell.data_type = value, "s"
        else:
            return value
    elif not (bold or fill or number_format):
        return value
    else:
        cell = WriteOnlyCell(sheet, value)
    if bold:
        cell.font = _HEADER_FONT
    if fill:
        cell.fill = PatternFill("solid", fgColor=fill.lstrip("#"))
    if number_format:
        cell.number_format = number_format
    return cell


def _head(sheet, columns: Sequence[tuple[str, str]], widths: Sequence[int], hxl: bool = True) -> None:
    """Header row, HXL row (unless ``hxl`` is off), column widths and frozen headers."""
    for number, width in enumerate(widths, start=1):
        sheet.column_dimensions[_letter(number)].width = width
    sheet.freeze_panes = "A3" if hxl else "A2"
    sheet.append([_cell(sheet, header, bold=True) for header, _ in columns])
    if not hxl:
        return
    tags = []
    for _, tag in columns:
        cell = WriteOnlyCell(sheet, tag)
        cell.font = _HXL_FONT
        tags.append(cell)
    sheet.append(tags)


def _letter(number: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(number)


def _mean_cell(sheet, value: float | None):
    if value is None:
        return None
    return _cell(sheet, round(value, 2), fill=level_fill(value), number_format="0.00")


def _day(text: str) -> date | str:
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text  # an odd date from an imported file is shown as it was written


# -- sheets ----------------------------------------------------------------------


def _sites_sheet(sheet, data: portfolio.PortfolioData, titles: dict[str, str]) -> None:
    heat = data.heatmap
    means = {site.key: dict(zip((c.key for c in heat.columns), row, strict=True))
             for site, row in zip(heat.sites, heat.means, strict=True)} if not heat.by_indicator else {}
    areas = [area for area in data.areas if not heat.by_indicator]
    columns = list(SITES_COLUMNS)
    columns += [(titles.get(a.key, a.key), f"#x_level+mean+{a.key.lower()}") for a in areas]
    _head(sheet, columns, [6, 9, 28, 10, 12, 14, 10, 10, 10, *([14] * len(areas))])
    for rank, row in enumerate(data.ranking, start=1):
        site = row.site
        sheet.append([rank, _cell(sheet, site.country), _cell(sheet, site.name), _cell(sheet, site.site_type),
                      site.assessments, _day(site.latest_date), row.scored, _mean_cell(sheet, row.mean_level),
                      None if row.mean_gap is None else round(row.mean_gap, 2),
                      *(_mean_cell(sheet, means.get(site.key, {}).get(a.key)) for a in areas)])
    count = len(data.ranking)
    if count:
        chart = _bar_chart(sheet, "Mean level by site (weakest first)", value_column=8, label_column=3,
                           rows=count, horizontal=True)
        chart.height = max(7.5, 0.55 * count)
        sheet.add_chart(chart, f"{_letter(len(columns) + 2)}3")


def _areas_sheet(sheet, summary: Sequence[portfolio.AreaSummary], language: str) -> None:
    columns = AREAS_COLUMNS
    _head(sheet, columns, [8, 30, 12, 8, 10, 10, 10, 10, 10])
    for area in summary:
        sheet.append([_cell(sheet, area.area.key), _cell(sheet, area.area.label.get(language)), area.assessments,
                      area.sites, area.scored, _mean_cell(sheet, area.mean_level),
                      None if area.mean_gap is None else round(area.mean_gap, 2), area.not_applicable, area.unknown])
    if summary:
        sheet.add_chart(_bar_chart(sheet, "Mean level by area", value_column=6, label_column=2, rows=len(summary)),
                        "K3")


def _national_sheet(sheet, rows: Sequence[portfolio.NationalIndicator], language: str) -> None:
    """National indicators once per country, each saying where its level comes from (#17)."""
    _head(sheet, NATIONAL_COLUMNS, [9, 14, 8, 10, 50, 8, 10, 12, 14, 12, 10])
    for row in rows:
        sheet.append([_cell(sheet, row.country), row.form_id, row.area_id, row.indicator_id,
                      _cell(sheet, row.label.get(language)), _mean_cell(sheet, row.level), row.source,
                      row.assessment_id, _day(row.date) if row.date else None, _mean_cell(sheet, row.posts_mean),
                      row.posts])


def _bar_chart(sheet, title: str, value_column: int, label_column: int, rows: int,
               horizontal: bool = False) -> BarChart:
    """A native bar chart of one column, levels 0 to 5 (the first data row is row 3, under the HXL tags)."""
    chart = BarChart()
    chart.type = "bar" if horizontal else "col"
    chart.title = title
    chart.legend = None
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 5
    chart.y_axis.majorUnit = 1
    if horizontal:
        chart.x_axis.scaling.orientation = "maxMin"  # first row on top, as in the table
    chart.add_data(Reference(sheet, min_col=value_column, min_row=3, max_row=rows + 2), titles_from_data=False)
    chart.set_categories(Reference(sheet, min_col=label_column, min_row=3, max_row=rows + 2))
    chart.width = 16
    return chart


def _data_sheet(sheet, store: Store, flt: PortfolioFilter, titles: dict[str, str], language: str,
                progress: Progress | None, cancelled: Callable[[], bool] | None) -> int:
    _head(sheet, DATA_COLUMNS, DATA_WIDTHS)
    total = portfolio.tidy_row_count(store, flt)
    labels = _labels(store, language)
    written = 0
    governorates = _governorates(language)
    for row in portfolio.tidy_rows(store, flt):
        (assessment_id, uuid, country, pcode, site_code, site, site_type, latitude, longitude, scope, day, status,
         revision, group, people, form_id, version, area_id, indicator, lined_up, compared, level, special, target,
         gap, evidence, confidence, reference, evidence_text, notes, indicator_scope) = row
        sheet.append([
            _cell(sheet, country), _cell(sheet, pcode), _cell(sheet, governorates.get(pcode, "")),
            _cell(sheet, site_code), _cell(sheet, site), _cell(sheet, site_type), latitude, longitude, scope,
            _day(day), assessment_id, uuid, status, revision, _cell(sheet, group), _cell(sheet, people), form_id,
            _cell(sheet, version), area_id, _cell(sheet, titles.get(area_id, "")), indicator, lined_up,
            _cell(sheet, labels(form_id, version, indicator)), compared,
            "scored" if level is not None else ANSWERS.get(special, special), level, target, gap,
            _cell(sheet, evidence), _cell(sheet, confidence), _cell(sheet, reference), _cell(sheet, evidence_text),
            _cell(sheet, notes), indicator_scope,
        ])
        written += 1
        if written % PROGRESS_EVERY == 0:
            if cancelled and cancelled():
                raise ExportError(Message.of("export_cancelled_nothing_written"))
            if progress:
                progress(written, total, "")
    if progress:
        progress(written, total, "")
    return written


def _governorates(language: str) -> dict[str, str]:
    """Governorate names by P-code, from the crossing points of the reference list."""
    try:
        return {point.adm1_pcode: point.governorate.get(language) for point in crossing_points() if point.adm1_pcode}
    except (OSError, KeyError, TypeError):
        return {}  # without the reference list the P-code stays, the name is left empty


def _columns_sheet(sheet) -> None:
    """The data dictionary: every column of every sheet, what it means, and its HXL hashtag."""
    _head(sheet, (("Sheet", ""), ("Column", ""), ("Meaning", ""), ("HXL hashtag", "")), (8, 22, 100, 24),
          hxl=False)
    for name, columns in (("Data", DATA_COLUMNS), ("Sites", SITES_COLUMNS), ("Areas", AREAS_COLUMNS),
                          ("National", NATIONAL_COLUMNS)):
        for column, tag in columns:
            sheet.append([name, column, _cell(sheet, meaning(column)), tag])
    sheet.append(["Sites", "(one column per area)", _cell(sheet, meaning(AREA_MEAN_COLUMN)), "#x_level+mean+AREA"])


def _labels(store: Store, language: str) -> Callable[[str, str, str], str]:
    @cache
    def label(form_id: str, version: str, indicator_id: str) -> str:
        indicator = store.form(form_id, version).by_id.get(indicator_id)
        return indicator.label.get(language) if indicator else ""

    return label


def _about_sheet(sheet, data: portfolio.PortfolioData, rows: int) -> None:
    sheet.column_dimensions["A"].width = 28
    sheet.column_dimensions["B"].width = 100
    flt, scope = data.filter, data.scope
    lines = [
        ("Consolidated HBM assessments", ""),
        ("Written", datetime.now(UTC).isoformat(timespec="seconds")),
        ("Filters", _describe(flt)),
        ("Assessments", scope.assessments),
        ("Sites", scope.sites),
        ("Rows in Data", rows),
        ("Means", "Mean of every scored answer behind a figure; Not applicable and Unknown are never scores; "
                  "deleted assessments are not included."),
        ("Gap", "Target minus level; the target is the one entered (never below the level), else the "
                "indicator's default target, else one level up (at most 5)."),
        ("Versions", "Assessments of different versions of one questionnaire are compared on the indicators "
                     "every version asks (column Compared = 1); renamed indicators line up by 'replaces'."),
        ("National indicators", "Sites and Areas count post-level indicators only (Data: Indicator scope = post). "
                                "Laws, national bodies and systems are on the National sheet, once per country: "
                                "from the newest final national assessment, else the mean of the posts' views."),
        ("National assessments", scope.national_assessments),
        ("Left out of the comparison", "; ".join(
            f"{item.form_id} {item.indicator_id}: not in version {', '.join(item.missing_from)}"
            for item in scope.left_out) or "nothing"),
        ("Reading with pandas", "pandas.read_excel(path, sheet_name='Data', skiprows=[1], "
                                "dtype={'Questionnaire version': str})  # row 2 holds the HXL hashtags"),
    ]
    for key, value in lines:
        sheet.append([_cell(sheet, key, bold=True), _cell(sheet, value) if isinstance(value, str) else value])


def _describe(flt: PortfolioFilter) -> str:
    parts = [f"{name.replace('_', ' ')}: {', '.join(value) if isinstance(value, tuple) else value}"
             for name, value in vars(flt).items() if value]
    return "; ".join(parts) or "none (every assessment in the database)"


