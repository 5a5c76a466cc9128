"""The portfolio as CSV files for analysts: a long table of answers and the tables it refers to.

Files (UTF-8 with a byte-order mark, so Excel reads Arabic and Kurdish right; comma
separated; one header row): ``answers.csv`` (one row per assessment × indicator, codes
only), ``national.csv`` (national indicators once per country), ``assessments.csv``,
``crossing_points.csv`` and ``indicators.csv`` (labels in every language),
``data-dictionary.csv`` (what every column means) and ``hxl-tags.csv``, which gives each
column its HXL hashtag — kept apart so that Power BI, pandas and DuckDB load the data
files without skipping a row. Streamed: memory stays flat whatever the number of
assessments. docs/hq-data.md describes them.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable
from contextlib import ExitStack
from pathlib import Path

from hbm_assess.core.messages import Message
from hbm_assess.core.reference import crossing_points
from hbm_assess.core.text import LANGUAGES
from hbm_assess.exchange.data_dictionary import meaning
from hbm_assess.exchange.export import ExportError
from hbm_assess.files import WriteError, write_whole
from hbm_assess.storage import hq_tables
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.store import Store

PROGRESS_EVERY = 5_000

# file → (column, HXL hashtag), in the order the columns are written.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "answers.csv": (
        ("assessment_id", "#x_assessment+id"), ("form_id", "#x_form+code"), ("form_version", "#x_form+version"),
        ("area_id", "#x_area+code"), ("indicator_id", "#indicator+code"),
        ("lined_up", "#indicator+code+lined_up"), ("compared", "#x_compared"), ("status", "#x_answer+status"),
        ("level", "#indicator+level+num"), ("target", "#indicator+target+num"), ("gap", "#indicator+gap+num"),
        ("evidence_type", "#x_evidence+type"), ("confidence", "#x_confidence"),
        ("evidence_reference", "#x_evidence+ref"), ("evidence_text", "#x_evidence+text"), ("notes", "#x_notes"),
        ("indicator_scope", "#x_indicator+scope"),
    ),
    # National indicators once per country (#17): the posts' answers on them are in answers.csv.
    "national.csv": (
        ("country", "#country+code"), ("form_id", "#x_form+code"), ("area_id", "#x_area+code"),
        ("indicator_id", "#indicator+code"), ("level", "#indicator+level+num"), ("source", "#x_source"),
        ("national_assessment_id", "#x_assessment+id"), ("national_assessment_date", "#date+reported"),
        ("posts_mean", "#x_level+mean+posts"), ("posts", "#x_posts+num"),
    ),
    "assessments.csv": (
        ("assessment_id", "#x_assessment+id"), ("uuid", "#x_assessment+uuid"), ("site_code", "#loc+code"),
        ("site_name", "#loc+name"), ("country", "#country+code"), ("adm1_pcode", "#adm1+code"),
        ("site_type", "#loc+type"), ("latitude", "#geo+lat"), ("longitude", "#geo+lon"), ("scope", "#x_scope"),
        ("date", "#date+reported"), ("status", "#status"), ("revision", "#x_revision+num"),
        ("form_id", "#x_form+code"), ("form_version", "#x_form+version"), ("workshop_group", "#x_group+name"),
        ("assessed_by", "#x_assessors"), ("updated_at", "#date+updated"),
    ),
    "crossing_points.csv": (
        ("site_code", "#loc+code"), *((f"name_{lang}", f"#loc+name+i_{lang}") for lang in LANGUAGES),
        ("country", "#country+code"), ("site_type", "#loc+type"), ("neighbour", "#country+code+neighbour"),
        ("adm1_pcode", "#adm1+code"), *((f"governorate_{lang}", f"#adm1+name+i_{lang}") for lang in LANGUAGES),
        ("latitude", "#geo+lat"), ("longitude", "#geo+lon"),
    ),
    "indicators.csv": (
        ("form_id", "#x_form+code"), ("form_version", "#x_form+version"), ("area_id", "#x_area+code"),
        *((f"area_{lang}", f"#x_area+name+i_{lang}") for lang in LANGUAGES),
        ("indicator_id", "#indicator+code"),
        *((f"label_{lang}", f"#indicator+name+i_{lang}") for lang in LANGUAGES),
    ),
}
STATUS = {None: "unanswered", "na": "na", "unknown": "unknown"}

Progress = Callable[[int, int, str], None]


class ExportCancelled(ExportError):
    """The person cancelled; no file was changed."""


def write_portfolio_csv(
    store: Store, flt: PortfolioFilter, directory: Path | str,
    progress: Progress | None = None, cancelled: Callable[[], bool] | None = None,
) -> dict[str, int]:
    """Write the CSV files into ``directory`` (made if missing); returns the rows written per file.

    Every file is written beside its target and the set replaces the old one only at the
    end: a failure or a cancel leaves the folder as it was.
    """
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise ExportError(Message.of("csv_target_is_a_file", folder=directory))
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(Message.of("folder_not_created", folder=directory, reason=error.strerror or error)) from None
    total = hq_tables.row_count(store, flt)
    counts: dict[str, int] = {}
    try:
        with ExitStack() as files:
            def table(name: str, rows: Iterable[Iterable]) -> None:
                temporary = files.enter_context(write_whole(directory / name))
                counts[name] = _write(temporary, [column for column, _ in COLUMNS[name]], rows)

            table("answers.csv", _answers(store, flt, total, progress, cancelled))
            table("national.csv", hq_tables.national_rows(store, flt))
            table("assessments.csv", hq_tables.assessment_rows(store, flt))
            table("crossing_points.csv", _crossing_points())
            table("indicators.csv", _indicators(store))
            counts["hxl-tags.csv"] = _write(files.enter_context(write_whole(directory / "hxl-tags.csv")),
                                            ["file", "column", "hashtag"],
                                            ((name, column, tag) for name, columns in COLUMNS.items()
                                             for column, tag in columns))
            counts["data-dictionary.csv"] = _write(
                files.enter_context(write_whole(directory / "data-dictionary.csv")),
                ["file", "column", "meaning", "hashtag"],
                ((name, column, meaning(column, name), tag) for name, columns in COLUMNS.items()
                 for column, tag in columns))
    except WriteError as error:
        raise ExportError(str(error)) from None
    if progress:
        progress(total, total, "")
    return counts


def _write(path: Path, header: list[str], rows: Iterable[Iterable]) -> int:
    count = 0
    with open(path, "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _answers(store, flt, total, progress, cancelled):
    for number, row in enumerate(hq_tables.answer_rows(store, flt)):
        if number % PROGRESS_EVERY == 0:
            if cancelled and cancelled():
                raise ExportCancelled(Message.of("export_cancelled_nothing_changed"))
            if progress:
                progress(number, total, "answers.csv")
        (assessment_id, form_id, version, area_id, indicator_id, lined_up, shared, level, special, target, gap,
         *texts) = row  # evidence type, confidence, evidence reference, evidence text, notes, indicator scope
        yield (assessment_id, form_id, version, area_id, indicator_id, lined_up, shared,
               "scored" if level is not None else STATUS.get(special, special), level, target, gap, *texts)


def _crossing_points():
    for point in crossing_points():
        yield (point.id, *(point.name.get(lang) for lang in LANGUAGES), point.country, point.type, point.neighbour,
               point.adm1_pcode, *(point.governorate.get(lang) for lang in LANGUAGES), point.latitude,
               point.longitude)


def _indicators(store: Store):
    for form_id, version in store.stored_forms():
        form = store.form(form_id, version)
        for area in form.areas:
            for indicator in area.indicators:
                yield (form_id, version, area.id, *(area.title.get(lang) for lang in LANGUAGES), indicator.id,
                       *(indicator.label.get(lang) for lang in LANGUAGES))
