"""HQ's view over every assessment: aggregates computed in SQL for the portfolio screen and export.

Each public function takes a Store and a PortfolioFilter. Deleted assessments are
never counted; Not applicable and Unknown are never scores; a mean is the mean of
every scored answer behind it (as core.scoring does for one assessment). Versions
of one questionnaire are compared on the indicators they share (core.versions):
a TEMP table maps each stored (form, version, indicator) to its area, lined-up id
and default target, and the queries join it, so nothing loops over answers in Python.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from operator import itemgetter
from typing import NamedTuple, TypeVar

from hbm_assess.core.questionnaire import version_key
from hbm_assess.core.text import Text
from hbm_assess.core.versions import LeftOut, Lineup
from hbm_assess.storage.portfolio_national import NationalIndicator, national_indicators
from hbm_assess.storage.portfolio_rapid import RapidAgainstDetailed, rapid_against_detailed
from hbm_assess.storage.portfolio_selection import (
    ANSWERS,
    CHOSEN_TABLE,
    POST_LEVEL,
    TARGET,
    Column,
    PortfolioFilter,
    Selection,
    files_only_versions,
    left_out,
    like_with_like,
    newest_trusted,
    reader,
    select,
)
from hbm_assess.storage.portfolio_selection import LeftOut as AssessmentsLeftOut
from hbm_assess.storage.store import Store

# Re-exported: callers need only this module.
__all__ = ["TARGET", "AssessmentsLeftOut", "Column", "NationalIndicator", "PortfolioFilter", "like_with_like",
           "reader"]

T = TypeVar("T")
WEAK_LEVEL = 2  # No or Limited capacity: what "weak" means for the most common gaps


@dataclass(frozen=True)
class SiteRow:
    """A site as the portfolio groups it: by reference id when known, else by name."""

    key: str
    name: str
    country: str
    site_type: str
    assessments: int = 0
    latest_date: str = ""


@dataclass(frozen=True)
class Heatmap:
    sites: tuple[SiteRow, ...]
    columns: tuple[Column, ...]
    means: tuple[tuple[float | None, ...], ...]
    counts: tuple[tuple[int, ...], ...]
    by_indicator: bool


@dataclass(frozen=True)
class SiteRank:
    site: SiteRow
    scored: int
    mean_level: float | None
    mean_gap: float | None


class SitePoint(NamedTuple):
    """The mean level of one area in one assessment of a site (a tuple: there is one per assessment × area)."""

    assessment_id: int
    date: str
    area_id: str
    mean_level: float
    scored: int


@dataclass(frozen=True)
class VisitPoint:
    """The mean level of one area over every site's n-th assessment (1 is the baseline)."""

    visit: int
    area_id: str
    mean_level: float
    assessments: int


@dataclass(frozen=True)
class SiteChange:
    """Baseline against latest assessment of one site, indicator by lined-up indicator."""

    site: SiteRow
    form_id: str
    baseline_id: int
    latest_id: int
    baseline_date: str
    latest_date: str
    improved: int
    same: int
    worse: int
    not_comparable: int


@dataclass(frozen=True)
class CommonGap:
    """An indicator and how many sites are weak on it at their latest assessment."""

    form_id: str
    indicator_id: str
    label: Text
    area_id: str
    sites: int
    weak_sites: int
    mean_level: float
    mean_gap: float

    @property
    def weak_share(self) -> float:
        return self.weak_sites / self.sites if self.sites else 0.0


@dataclass(frozen=True)
class CellAssessment:
    """One assessment behind a heatmap cell, with its mean level in that cell."""

    id: int
    site_name: str
    date: str
    form_id: str
    form_version: str
    status: str
    mean_level: float
    scored: int


@dataclass(frozen=True)
class AreaSummary:
    area: Column
    assessments: int
    sites: int
    scored: int
    mean_level: float | None
    mean_gap: float | None
    not_applicable: int
    unknown: int


@dataclass(frozen=True)
class Scope:
    """What a comparison covers and what it left out, for the note on screen."""

    assessments: int
    sites: int
    lineups: tuple[Lineup, ...]
    not_applicable: int
    unknown: int
    assessments_left_out: AssessmentsLeftOut = field(default_factory=AssessmentsLeftOut)
    national_assessments: int = 0  # selected, but not a post: their national indicators are in the National panel

    @property
    def left_out(self) -> tuple[LeftOut, ...]:
        return tuple(item for lineup in self.lineups for item in lineup.left_out)

    @property
    def renamed(self) -> int:
        return sum(len(lineup.renamed) for lineup in self.lineups)


@dataclass(frozen=True)
class Choices:
    """The values present in the database, to offer in the filter widgets."""

    countries: tuple[str, ...]
    site_types: tuple[str, ...]
    forms: dict[str, tuple[str, ...]]
    form_titles: dict[str, Text]
    form_assessments: dict[str, int]
    statuses: tuple[str, ...]
    areas: tuple[Column, ...]
    first_date: str
    last_date: str


@dataclass(frozen=True)
class PortfolioData:
    """Everything the portfolio screen shows at once, from one selection."""

    filter: PortfolioFilter
    scope: Scope
    heatmap: Heatmap
    ranking: tuple[SiteRank, ...]
    visits: tuple[VisitPoint, ...]
    changes: tuple[SiteChange, ...]
    gaps: tuple[CommonGap, ...]
    areas: tuple[Column, ...] = field(default=())
    site_points: Mapping[str, tuple[SitePoint, ...]] = field(default_factory=dict)
    national: tuple[NationalIndicator, ...] = ()  # national indicators once per country (#17)
    rapid_detailed: tuple[RapidAgainstDetailed, ...] = ()  # rapid baselines against detailed follow-ups (#19)
    progress_loaded: bool = True  # False: visits, changes and site points are still to load (load_progress)


# -- sites, heatmap and ranking ---------------------------------------------------


def _sites(sel: Selection) -> dict[str, SiteRow]:
    return {row[0]: SiteRow(*row) for row in sel.sites()}


def heatmap(store: Store, flt: PortfolioFilter) -> Heatmap:
    """Mean level and number of assessments per site × area (or × indicator when an area is chosen)."""
    return _heatmap(select(store, flt))


def _heatmap(sel: Selection) -> Heatmap:
    sites = list(_sites(sel).values())
    if sel.flt.area:
        columns = _indicator_columns(sel)
        area, params = sel.area_clause()
        rows = sel.rows(
            f"""SELECT c.site_key, c.form_id || ' ' || m.lined_up, avg(w.level), count(DISTINCT c.id)
                FROM chosen c {ANSWERS} WHERE w.level IS NOT NULL AND m.shared = 1{POST_LEVEL}{area} GROUP BY 1, 2""",
            params,
        )
        keys = [f"{c.form_id} {c.key}" for c in columns]
    else:
        columns = sel.areas()
        rows = [(site, area, level_sum / scored, assessments)
                for site, area, level_sum, scored, _, _, _, assessments in _site_area_sums(sel) if scored > 0]
        keys = [c.key for c in columns]
    cells = {(site, column): (mean, count) for site, column, mean, count in rows}
    means = tuple(tuple(cells.get((s.key, k), (None, 0))[0] for k in keys) for s in sites)
    counts = tuple(tuple(cells.get((s.key, k), (None, 0))[1] for k in keys) for s in sites)
    return Heatmap(tuple(sites), tuple(columns), means, counts, bool(sel.flt.area))


def _indicator_columns(sel: Selection) -> tuple[Column, ...]:
    rows = sel.store.db.execute(
        "SELECT form_id, lined_up, min(position) FROM temp.portfolio_map m WHERE shared = 1 AND area_id = ?"
        f"{POST_LEVEL} "
        "GROUP BY form_id, lined_up ORDER BY form_id, 3, lined_up",
        (sel.flt.area,),
    ).fetchall()
    return tuple(Column(lined_up, sel.labels.get((form_id, lined_up), Text()), form_id)
                 for form_id, lined_up, _ in rows)


def ranking(store: Store, flt: PortfolioFilter) -> list[SiteRank]:
    """Sites by overall mean level, weakest first; each with its mean gap to target."""
    return _ranking(select(store, flt))


def _site_area_sums(sel: Selection) -> list[tuple]:
    """(site, area, level sum, scored, gap sum, N/A, Unknown, assessments with a score) of the selection.

    One pass over the sums per assessment × area serves the heatmap, the ranking and the
    scope; the means are divided from whole-number sums, as SQL did, so they are the same.
    """
    def compute() -> list[tuple]:
        sums = """sum(s.level_sum), sum(s.scored), sum(s.gap_sum), sum(s.not_applicable), sum(s.unknown),
                  count(CASE WHEN s.scored > 0 THEN 1 END)"""
        if sel.all_kept():
            # Straight from the kept sums: no table of 100,000 rows per assessment × area to fill first.
            area, params = sel.area_clause()
            return sel.rows(
                f"""SELECT c.site_key, s.area_id, {sums}
                    FROM chosen c JOIN assessment_area_scores s ON s.assessment_id = c.id
                    WHERE s.scope = 'post'{area.replace("m.area_id", "s.area_id")} GROUP BY c.site_key, s.area_id""",
                    params)
        return sel.store.db.execute(f"SELECT s.site_key, s.area_id, {sums} FROM {sel.scores()} s "
                                    "GROUP BY s.site_key, s.area_id").fetchall()

    return sel.cached("site_area_sums", compute)


def _ranking(sel: Selection) -> list[SiteRank]:
    sums: dict[str, list[int]] = {}
    for site, _, level_sum, scored, gap_sum, *_ in _site_area_sums(sel):
        total = sums.setdefault(site, [0, 0, 0])
        total[0], total[1], total[2] = total[0] + scored, total[1] + level_sum, total[2] + gap_sum
    found = {key: (scored, level_sum / scored, gap_sum / scored)
             for key, (scored, level_sum, gap_sum) in sums.items() if scored > 0}
    ranks = [SiteRank(site, *found.get(key, (0, None, None))) for key, site in _sites(sel).items()]
    return sorted(ranks, key=lambda r: (r.mean_level is None, r.mean_level or 0, -(r.mean_gap or 0), r.site.name))


def cell_assessments(store: Store, flt: PortfolioFilter, site_key: str, column: Column | None = None
                     ) -> list[CellAssessment]:
    """The assessments behind one heatmap cell (or behind a whole site row), newest first."""
    sel = select(store, flt)
    area, params = sel.area_clause()
    where, extra = " AND c.site_key = ?", [site_key]
    if not flt.area:
        where += " AND m.is_primary = 1"
    if column is not None and flt.area:
        where, extra = where + " AND c.form_id = ? AND m.lined_up = ?", [*extra, column.form_id, column.key]
    elif column is not None:
        where, extra = where + " AND m.area_id = ?", [*extra, column.key]
    rows = sel.rows(
        f"""SELECT c.id, c.site_name, c.date, c.form_id, c.form_version, c.status, avg(w.level), count(*)
            FROM chosen c {ANSWERS} WHERE w.level IS NOT NULL AND m.shared = 1{POST_LEVEL}{area}{where}
            GROUP BY c.id ORDER BY c.date DESC, c.id DESC""",
        [*params, *extra],
    )
    return [CellAssessment(*row) for row in rows]


# -- progress over time ------------------------------------------------------------


def site_progress(store: Store, flt: PortfolioFilter, site_key: str) -> list[SitePoint]:
    """Mean level per area at each assessment of one site, oldest first."""
    return list(_site_points(select(store, replace(flt, latest_only=False))).get(site_key, ()))


def _site_points(sel: Selection) -> SitePoints:
    # One JSON text per site, built by SQLite: at 20,000 assessments there are ~100,000 points
    # and a screen shows one site's at a time; making 100,000 Python tuples took 0.3-0.5 s.
    rows = sel.store.db.execute(
        f"""SELECT site_key, json_group_array(json_array(assessment_id, date, area_id, level_sum, scored))
            FROM {sel.scores()} WHERE scored > 0 GROUP BY site_key""").fetchall()
    return SitePoints(dict(rows))


class SitePoints(Mapping):
    """Site key → its points, oldest first; a site's points are read, sorted and made when it is asked for."""

    def __init__(self, by_site: dict[str, str]):
        self._by_site = by_site  # site key → a JSON array of [assessment id, date, area, level sum, scored]

    def __getitem__(self, key: str) -> tuple[SitePoint, ...]:
        rows = sorted(json.loads(self._by_site[key]), key=itemgetter(1, 0, 2))  # date, assessment, area
        # Whole numbers travel in the JSON; the mean is divided here (JSON would round it to 15 digits).
        return tuple(SitePoint(aid, date, area, total / scored, scored) for aid, date, area, total, scored in rows)

    def __iter__(self):
        return iter(self._by_site)

    def __len__(self) -> int:
        return len(self._by_site)


def visit_progress(store: Store, flt: PortfolioFilter) -> list[VisitPoint]:
    """Mean level per area over every site's baseline (visit 1), first follow-up (2), and so on."""
    return _visit_progress(select(store, replace(flt, latest_only=False)))


def _visit_progress(sel: Selection) -> list[VisitPoint]:
    rows = sel.store.db.execute(
        f"""SELECT visit, area_id, 1.0 * sum(level_sum) / sum(scored), count(*)
            FROM {sel.scores()} WHERE scored > 0 GROUP BY visit, area_id ORDER BY visit, area_id""")
    return [VisitPoint(*row) for row in rows]


def changes(store: Store, flt: PortfolioFilter) -> list[SiteChange]:
    """For each site assessed twice or more: indicators improved, same, worse from baseline to latest."""
    return _changes(select(store, replace(flt, latest_only=False)))


def _changes(sel: Selection) -> list[SiteChange]:
    area, area_params = sel.area_clause()
    shared = dict(sel.store.db.execute(
        f"SELECT form_id, count(DISTINCT lined_up) FROM temp.portfolio_map m WHERE shared = 1{POST_LEVEL}{area} "
        "GROUP BY form_id",
        area_params,
    ).fetchall())
    rows = sel.rows(
        f""", ends AS (
                SELECT site_key, form_id,
                       max(CASE WHEN visit = 1 THEN id END) AS baseline,
                       max(CASE WHEN newest THEN id END) AS latest,
                       max(CASE WHEN visit = 1 THEN date END) AS baseline_date,
                       max(CASE WHEN newest THEN date END) AS latest_date
                FROM chosen WHERE visits > 1 AND (visit = 1 OR newest) GROUP BY site_key, form_id),
            levels AS (
                SELECT c.id AS assessment_id, m.lined_up, avg(w.level) AS level
                FROM chosen c {ANSWERS}
                WHERE w.level IS NOT NULL AND m.shared = 1{POST_LEVEL}{area}
                  AND c.id IN (SELECT baseline FROM ends UNION SELECT latest FROM ends)
                GROUP BY c.id, m.lined_up)
            SELECT e.site_key, e.form_id, e.baseline, e.latest, e.baseline_date, e.latest_date,
                   coalesce(sum(l.level > b.level), 0), coalesce(sum(l.level = b.level), 0),
                   coalesce(sum(l.level < b.level), 0)
            FROM ends e
            LEFT JOIN levels b ON b.assessment_id = e.baseline
            LEFT JOIN levels l ON l.assessment_id = e.latest AND l.lined_up = b.lined_up
            GROUP BY e.site_key, e.form_id ORDER BY e.site_key, e.form_id""",
        area_params,
    )
    sites = {row[0]: SiteRow(*row) for row in sel.sites()}
    return [
        SiteChange(sites[key], form_id, baseline, latest, first, last, improved, same, worse,
                   shared.get(form_id, 0) - (improved + same + worse))
        for key, form_id, baseline, latest, first, last, improved, same, worse in rows
    ]


# -- gaps across sites -----------------------------------------------------------


def common_gaps(store: Store, flt: PortfolioFilter) -> list[CommonGap]:
    """Indicators by how many sites are weak on them (level ≤ 2) at each site's latest assessment."""
    return _common_gaps(select(store, flt))


def _common_gaps(sel: Selection) -> list[CommonGap]:
    area, params = sel.area_clause()
    rows = sel.rows(
        f""", latest AS (SELECT * FROM chosen WHERE newest = 1),
            per_site AS (
                SELECT c.site_key, c.form_id, m.lined_up, max(m.area_id) AS area_id,
                       avg(w.level) AS level, avg({TARGET} - w.level) AS gap
                FROM latest c {ANSWERS}
                WHERE w.level IS NOT NULL AND m.shared = 1{POST_LEVEL}{area}
                GROUP BY c.site_key, c.form_id, m.lined_up)
            SELECT form_id, lined_up, max(area_id), count(*), sum(level <= ?), avg(level), avg(gap)
            FROM per_site GROUP BY form_id, lined_up""",
        [*params, WEAK_LEVEL],
    )
    gaps = [CommonGap(form_id, lined_up, sel.labels.get((form_id, lined_up), Text()), area_id, sites, weak, mean, gap)
            for form_id, lined_up, area_id, sites, weak, mean, gap in rows]
    return sorted(gaps, key=lambda g: (-g.weak_share, g.mean_level, -g.mean_gap, g.indicator_id))


# -- scope, areas, choices -------------------------------------------------------


def scope(store: Store, flt: PortfolioFilter) -> Scope:
    """How many assessments and sites a filter covers, and what the comparison leaves out."""
    return _scope(select(store, flt))


def _scope(sel: Selection) -> Scope:
    sites = sel.sites()
    assessments = sum(row[4] for row in sites)
    sums = _site_area_sums(sel)
    na, unknown = sum(row[5] for row in sums), sum(row[6] for row in sums)
    newest = " AND newest = 1" if sel.flt.latest_only else ""
    national = sel.store.db.execute(
        f"SELECT count(*) FROM {CHOSEN_TABLE} WHERE scope = 'national'{newest}").fetchone()[0]
    return Scope(assessments, len(sites), tuple(sel.lineups.values()), na, unknown, left_out(sel.store, sel.flt),
                 national)


def national(store: Store, flt: PortfolioFilter) -> tuple[NationalIndicator, ...]:
    """National indicators once per country: from the national assessment, else the posts' views (#17)."""
    return national_indicators(select(store, flt))


def area_summary(store: Store, flt: PortfolioFilter) -> list[AreaSummary]:
    """Per area: assessments, sites, scored answers, mean level and gap, N/A and Unknown left out."""
    sel = select(store, flt)
    rows = {
        row[0]: row[1:]
        for row in store.db.execute(
            f"""SELECT area_id, count(CASE WHEN scored > 0 THEN 1 END),
                       count(DISTINCT CASE WHEN scored > 0 THEN site_key END), sum(scored),
                       1.0 * sum(level_sum) / nullif(sum(scored), 0), 1.0 * sum(gap_sum) / nullif(sum(scored), 0),
                       sum(not_applicable), sum(unknown)
                FROM {sel.scores()} GROUP BY area_id""")
    }
    return [AreaSummary(column, *rows[column.key]) for column in sel.areas() if column.key in rows]


def choices(store: Store) -> Choices:
    """Countries, site types, forms and versions, statuses, areas and dates present, for the filters.

    Read on the GUI thread as the portfolio opens: one pass over a covering index (schema v14).
    """
    countries: set[str] = set()
    site_types: set[str] = set()
    statuses: set[str] = set()
    forms: dict[str, list[str]] = {}
    counts: dict[str, int] = {}
    dates: list[str] = []
    for country, site_type, status, form_id, version, count, earliest, latest in store.db.execute(CHOICES):
        countries.add(country)
        site_types.add(site_type)
        statuses.add(status)
        if version not in forms.setdefault(form_id, []):
            forms[form_id].append(version)
        counts[form_id] = counts.get(form_id, 0) + count
        dates += [d for d in (earliest, latest) if d is not None]
    from_files = files_only_versions(store)
    newest = {fid: newest_trusted([store.form(fid, v) for v in versions], from_files)
              for fid, versions in sorted(forms.items())}
    areas: dict[str, Column] = {}
    for form in newest.values():
        for area in form.areas:
            areas.setdefault(area.id, Column(area.id, area.title))
    return Choices(
        countries=_present(countries),
        site_types=_present(site_types),
        forms={fid: tuple(sorted(v, key=version_key)) for fid, v in sorted(forms.items())},
        form_titles={fid: form.title for fid, form in newest.items()},
        form_assessments=counts,
        statuses=_present(statuses),
        areas=tuple(areas.values()),
        first_date=min(dates, default="") or "",
        last_date=max(dates, default="") or "",
    )


CHOICES = """
    SELECT country, site_type, status, form_id, form_version, count(*), min(date), max(date)
    FROM assessments WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5"""


def _present(values: set[str]) -> tuple[str, ...]:
    """The values given, in order, without the empty one (nothing to choose)."""
    return tuple(sorted(v for v in values if v not in ("", None)))


TIDY_FIELDS = (
    "assessment_id", "uuid", "country", "pcode", "site_code", "site_name", "site_type", "latitude", "longitude",
    "scope", "date", "status", "revision", "workshop_group", "assessed_by", "form_id", "form_version",
    "area_id", "indicator_id", "lined_up", "compared", "level", "special", "target", "gap",
    "evidence_type", "confidence", "evidence_reference", "evidence_text", "notes", "indicator_scope",
)


# Every selected assessment × every (primary) indicator of its questionnaire, answered or not,
# with the id(s) it lines up with, its level, target and gap: the tidy sheet and the CSV tables.
ANSWER_GRID = f"""
    m.area_id, m.indicator_id,
    (SELECT group_concat(x.lined_up, ' ') FROM temp.portfolio_map x
     WHERE x.form_id = m.form_id AND x.version = m.version AND x.indicator_id = m.indicator_id),
    m.shared, w.level, w.special,
    CASE WHEN w.level IS NOT NULL THEN {TARGET} END,
    CASE WHEN w.level IS NOT NULL THEN {TARGET} - w.level END,
    coalesce(w.evidence_type, ''), coalesce(w.confidence, ''),
    coalesce(w.evidence_reference, ''), coalesce(w.evidence_text, ''), coalesce(w.notes, ''), m.scope
FROM chosen c
JOIN temp.portfolio_map m ON m.form_id = c.form_id AND m.version = c.form_version AND m.is_primary = 1
LEFT JOIN answers w ON w.assessment_id = c.id AND w.grp = '' AND w.indicator_id = m.indicator_id"""


def tidy_rows(store: Store, flt: PortfolioFilter) -> Iterator[tuple]:
    """One row per selected assessment × indicator of its questionnaire, fields as in TIDY_FIELDS.

    Every indicator is there, compared or not (``compared`` says whether the app's figures
    count it); ``lined_up`` holds the newest id(s), space-separated; unanswered ones have no level;
    ``assessed_by`` joins the assessors' names with "; " (personal data: the file is to be protected).
    """
    sel = select(store, flt, national=True)
    area, params = sel.area_clause()
    yield from store.db.execute(
        f"""WITH chosen AS ({sel.chosen}),
            about AS MATERIALIZED (
                SELECT c.id, a.site_ref, a.latitude, a.longitude, a.scope, a.revision, a.workshop_group,
                       coalesce((SELECT group_concat(j.value, '; ') FROM json_each(a.assessors) j), '') AS people
                FROM chosen c JOIN assessments a ON a.id = c.id)
            SELECT c.id, c.uuid, c.country, c.pcode, b.site_ref, c.site_name, c.site_type, b.latitude, b.longitude,
                   b.scope, c.date, c.status, b.revision, b.workshop_group, b.people, c.form_id,
                   c.form_version, {ANSWER_GRID}
            JOIN about b ON b.id = c.id
            WHERE 1 = 1{area}
            ORDER BY c.site_name, c.date, c.id, m.position""",
        [*sel.params, *params],
    )


def tidy_row_count(store: Store, flt: PortfolioFilter) -> int:
    """How many rows ``tidy_rows`` gives, for a progress bar."""
    sel = select(store, flt, national=True)
    area, params = sel.area_clause()
    return sel.rows(
        f"""SELECT count(*) FROM chosen c
            JOIN temp.portfolio_map m ON m.form_id = c.form_id AND m.version = c.form_version AND m.is_primary = 1
            WHERE 1 = 1{area}""",
        params,
    )[0][0]


def on_reader(store: Store, work: Callable[[Store], T]) -> T:
    """``work`` run on a second connection to the database (``reader``), closed afterwards: for a worker thread."""
    reading = reader(store)
    try:
        return work(reading)
    finally:
        if reading is not store:
            reading.close()


def load(store: Store, flt: PortfolioFilter, progress: bool = True) -> PortfolioData:
    """Every aggregate the portfolio screen shows, computed over one selection.

    Without ``progress`` the figures over time (visits, changes, each site's points) are
    left empty and ``progress_loaded`` is False: the screen opens on the heatmap and asks
    for them (``load_progress``) when its Progress tab is first shown.
    """
    sel = select(store, flt, visits=progress)
    scope_, heatmap_, ranking_, gaps_ = _scope(sel), _heatmap(sel), _ranking(sel), _common_gaps(sel)
    data = PortfolioData(filter=flt, scope=scope_, heatmap=heatmap_, ranking=tuple(ranking_), visits=(),
                         changes=(), gaps=tuple(gaps_), areas=sel.areas(), national=national_indicators(sel),
                         progress_loaded=False)
    return with_progress(data, _progress(sel.every_visit())) if progress else data


@dataclass(frozen=True)
class Progress:
    """The figures over time: every visit of each site, whatever ``latest_only`` says."""

    visits: tuple[VisitPoint, ...]
    changes: tuple[SiteChange, ...]
    areas: tuple[Column, ...]
    site_points: Mapping[str, tuple[SitePoint, ...]]
    rapid_detailed: tuple[RapidAgainstDetailed, ...] = ()


def load_progress(store: Store, flt: PortfolioFilter) -> Progress:
    """Visits, baseline-to-latest changes and each site's points for a filter (every visit counted)."""
    return _progress(select(store, replace(flt, latest_only=False)))


def _progress(sel: Selection) -> Progress:
    return Progress(tuple(_visit_progress(sel)), tuple(_changes(sel)), sel.areas(), _site_points(sel),
                    rapid_against_detailed(sel))


def with_progress(data: PortfolioData, progress: Progress) -> PortfolioData:
    """The screen's figures with the figures over time filled in."""
    return replace(data, visits=progress.visits, changes=progress.changes, areas=progress.areas,
                   site_points=progress.site_points, rapid_detailed=progress.rapid_detailed, progress_loaded=True)
