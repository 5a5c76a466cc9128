"""HQ's view over every assessment: aggregates computed in SQL for the portfolio screen and export.

Each public function takes a Store and a PortfolioFilter. Deleted assessments are
never counted; Not applicable and Unknown are never scores; a mean is the mean of
every scored answer behind it (as core.scoring does for one assessment). Versions
of one questionnaire are compared on the indicators they share (core.versions):
a TEMP table maps each stored (form, version, indicator) to its area, lined-up id
and default target, and the queries join it, so nothing loops over answers in Python.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from hbm_assess.core.questionnaire import Form
from hbm_assess.core.text import Text
from hbm_assess.core.versions import LeftOut, Lineup, line_up, version_key
from hbm_assess.storage.store import Store

WEAK_LEVEL = 2  # No or Limited capacity: what "weak" means for the most common gaps
SITE_KEY = "CASE WHEN a.site_ref != '' THEN a.site_ref ELSE a.site_name END"
# The target rule of core.scoring.target_for, in SQL (tests check every combination against it).
TARGET = """CASE WHEN w.target IS NOT NULL THEN max(w.target, w.level)
    WHEN m.default_target > w.level THEN m.default_target ELSE min(w.level + 1, 5) END"""


@dataclass(frozen=True)
class PortfolioFilter:
    """Which assessments HQ looks at; an empty field means no restriction."""

    countries: tuple[str, ...] = ()
    site_types: tuple[str, ...] = ()
    form_id: str = ""
    form_versions: tuple[str, ...] = ()
    date_from: str = ""
    date_to: str = ""
    statuses: tuple[str, ...] = ()
    area: str = ""
    latest_only: bool = False  # only the latest assessment of each site (per questionnaire)


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
class Column:
    """A heatmap column: an area, or (when one area is chosen) a lined-up indicator of a form."""

    key: str
    label: Text
    form_id: str = ""


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


@dataclass(frozen=True)
class SitePoint:
    """The mean level of one area in one assessment of a site."""

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


# -- the selection: filter → SQL, and the version map ---------------------------


@dataclass
class _Selection:
    store: Store
    flt: PortfolioFilter
    chosen: str
    params: list
    lineups: dict[str, Lineup]
    newest: dict[str, Form]
    labels: dict[tuple[str, str], Text]

    def rows(self, body: str, params: Iterable = ()) -> list[tuple]:
        sql = f"WITH chosen AS ({self.chosen}) {body}"
        return self.store.db.execute(sql, [*self.params, *params]).fetchall()

    def area_clause(self) -> tuple[str, list]:
        return (" AND m.area_id = ?", [self.flt.area]) if self.flt.area else ("", [])

    def areas(self) -> tuple[Column, ...]:
        return _areas(self.newest.values())


def _where(flt: PortfolioFilter, columns: set[str]) -> tuple[str, list]:
    clauses, params = ["a.deleted_at IS NULL"], []
    if "conflict_of" in columns:
        # A conflicting copy waits for someone to settle it; counting it would count one visit twice.
        clauses.append("a.conflict_of IS NULL")

    def one_of(column: str, values: Iterable[str]) -> None:
        values = list(values)
        if values:
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)

    one_of("a.country", flt.countries)
    one_of("a.site_type", flt.site_types)
    one_of("a.form_id", [flt.form_id] if flt.form_id else [])
    one_of("a.form_version", flt.form_versions)
    one_of("a.status", flt.statuses)
    if flt.date_from:
        clauses.append("a.date >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        clauses.append("a.date <= ?")
        params.append(flt.date_to)
    return " AND ".join(clauses), params


def _chosen_sql(flt: PortfolioFilter, columns: set[str]) -> tuple[str, list]:
    where, params = _where(flt, columns)
    sql = (f"SELECT a.id, a.form_id, a.form_version, a.date, a.status, a.site_name, a.country, a.site_type, "
           f"{SITE_KEY} AS site_key FROM assessments a WHERE {where}")
    if flt.latest_only:
        sql = (f"SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY site_key, form_id "
               f"ORDER BY date DESC, id DESC) AS recent FROM ({sql})) WHERE recent = 1")
    return sql, params


def _prepare_database(store: Store) -> set[str]:
    """Make sure the index the aggregates need exists; returns the columns of ``assessments``."""
    # Not a migration step (those belong to schema.py): a covering index lets every aggregate
    # read level/special/target from the index alone instead of the wide answers rows.
    store.db.execute(
        "CREATE INDEX IF NOT EXISTS answers_portfolio "
        "ON answers (assessment_id, grp, indicator_id, level, special, target)"
    )
    store.db.execute(
        """CREATE TEMP TABLE IF NOT EXISTS portfolio_map (
               form_id TEXT NOT NULL, version TEXT NOT NULL, indicator_id TEXT NOT NULL,
               lined_up TEXT NOT NULL, area_id TEXT NOT NULL, default_target INTEGER,
               position INTEGER NOT NULL, is_primary INTEGER NOT NULL, shared INTEGER NOT NULL,
               PRIMARY KEY (form_id, version, indicator_id, lined_up))"""
    )
    return {row[1] for row in store.db.execute("PRAGMA table_info(assessments)")}


def _select(store: Store, flt: PortfolioFilter) -> _Selection:
    """Turn a filter into SQL and fill the version map for the versions it selects."""
    columns = _prepare_database(store)
    chosen, params = _chosen_sql(flt, columns)
    present: dict[str, set[str]] = {}
    for form_id, version in store.db.execute(f"SELECT DISTINCT form_id, form_version FROM ({chosen})", params):
        present.setdefault(form_id, set()).add(version)
    stored = store.stored_forms()
    lineups, newest, labels, map_rows = {}, {}, {}, []
    for form_id, versions in sorted(present.items()):
        forms = [store.form(fid, v) for fid, v in stored if fid == form_id]
        lineup = line_up(forms, versions)
        lineups[form_id] = lineup
        newest[form_id] = max(forms, key=lambda f: version_key(f.version))
        labels.update(_labels(forms, lineup))
        map_rows += _map_rows(forms, lineup)
    with store.db.atomic():
        store.db.execute("DELETE FROM temp.portfolio_map")
        store.db.conn.executemany("INSERT INTO temp.portfolio_map VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", map_rows)
    return _Selection(store, flt, chosen, params, lineups, newest, labels)


def _map_rows(forms: list[Form], lineup: Lineup) -> list[tuple]:
    rows = []
    for form in forms:
        if form.version not in lineup.versions:
            continue
        for position, ind in enumerate(form.indicators()):
            for number, lined_up in enumerate(lineup.lined_up(form.version, ind.id)):
                # A split indicator lines up with several: is_primary keeps each answer counted once in area means.
                rows.append((form.id, form.version, ind.id, lined_up, ind.area_id, ind.default_target, position,
                             int(number == 0), int(lined_up in lineup.shared)))
    return rows


def _labels(forms: list[Form], lineup: Lineup) -> dict[tuple[str, str], Text]:
    """The label of each lined-up id, from the newest version that asks it."""
    labels: dict[tuple[str, str], Text] = {}
    for form in sorted(forms, key=lambda f: version_key(f.version), reverse=True):
        for ind in form.indicators():
            for lined_up in lineup.lined_up(form.version, ind.id):
                labels.setdefault((form.id, lined_up), ind.label)
    return labels


def _areas(forms: Iterable[Form]) -> tuple[Column, ...]:
    seen: dict[str, Column] = {}
    for form in forms:
        for area in form.areas:
            seen.setdefault(area.id, Column(area.id, area.title))
    return tuple(seen.values())


def _scored(sel: _Selection, primary: bool) -> tuple[str, list]:
    """FROM … WHERE for the scored answers of shared indicators (of the chosen area)."""
    area, params = sel.area_clause()
    return (
        """FROM chosen c
           JOIN answers w ON w.assessment_id = c.id AND w.grp = ''
           JOIN temp.portfolio_map m
             ON m.form_id = c.form_id AND m.version = c.form_version AND m.indicator_id = w.indicator_id
           WHERE w.level IS NOT NULL AND m.shared = 1""" + (" AND m.is_primary = 1" if primary else "") + area,
        params,
    )


def _sites(sel: _Selection) -> dict[str, SiteRow]:
    # With one max() in the query SQLite takes the bare columns from that row: the latest name wins.
    rows = sel.rows("SELECT site_key, site_name, country, site_type, count(*), max(date) FROM chosen "
                    "GROUP BY site_key ORDER BY site_name, site_key")
    return {row[0]: SiteRow(*row) for row in rows}


# -- heatmap and ranking ---------------------------------------------------------


def heatmap(store: Store, flt: PortfolioFilter) -> Heatmap:
    """Mean level and number of assessments per site × area (or × indicator when an area is chosen)."""
    return _heatmap(_select(store, flt))


def _heatmap(sel: _Selection) -> Heatmap:
    sites = list(_sites(sel).values())
    by_indicator = bool(sel.flt.area)
    columns = _indicator_columns(sel) if by_indicator else sel.areas()
    source, params = _scored(sel, primary=not by_indicator)
    key = "c.form_id || ' ' || m.lined_up" if by_indicator else "m.area_id"
    cells = {
        (site, column): (mean, count)
        for site, column, mean, count in sel.rows(
            f"SELECT c.site_key, {key}, avg(w.level), count(DISTINCT c.id) {source} GROUP BY 1, 2", params)
    }
    keys = [f"{c.form_id} {c.key}" if by_indicator else c.key for c in columns]
    means = tuple(tuple(cells.get((s.key, k), (None, 0))[0] for k in keys) for s in sites)
    counts = tuple(tuple(cells.get((s.key, k), (None, 0))[1] for k in keys) for s in sites)
    return Heatmap(tuple(sites), tuple(columns), means, counts, by_indicator)


def _indicator_columns(sel: _Selection) -> tuple[Column, ...]:
    rows = sel.store.db.execute(
        "SELECT form_id, lined_up, min(position) FROM temp.portfolio_map WHERE shared = 1 AND area_id = ? "
        "GROUP BY form_id, lined_up ORDER BY form_id, 3, lined_up",
        (sel.flt.area,),
    ).fetchall()
    return tuple(Column(lined_up, sel.labels.get((form_id, lined_up), Text()), form_id)
                 for form_id, lined_up, _ in rows)


def ranking(store: Store, flt: PortfolioFilter) -> list[SiteRank]:
    """Sites by overall mean level, weakest first; each with its mean gap to target."""
    return _ranking(_select(store, flt))


def _ranking(sel: _Selection) -> list[SiteRank]:
    sites = _sites(sel)
    source, params = _scored(sel, primary=True)
    found = {
        key: (scored, mean, gap)
        for key, scored, mean, gap in sel.rows(
            f"SELECT c.site_key, count(*), avg(w.level), avg({TARGET} - w.level) {source} GROUP BY c.site_key", params)
    }
    ranks = [SiteRank(site, *found.get(key, (0, None, None))) for key, site in sites.items()]
    return sorted(ranks, key=lambda r: (r.mean_level is None, r.mean_level or 0, -(r.mean_gap or 0), r.site.name))


def cell_assessments(store: Store, flt: PortfolioFilter, site_key: str, column: Column | None = None
                     ) -> list[CellAssessment]:
    """The assessments behind one heatmap cell (or behind a whole site row), newest first."""
    sel = _select(store, flt)
    by_indicator = bool(flt.area)
    source, params = _scored(sel, primary=not by_indicator)
    where, extra = " AND c.site_key = ?", [site_key]
    if column is not None and by_indicator:
        where, extra = where + " AND c.form_id = ? AND m.lined_up = ?", [*extra, column.form_id, column.key]
    elif column is not None:
        where, extra = where + " AND m.area_id = ?", [*extra, column.key]
    rows = sel.rows(
        f"SELECT c.id, c.site_name, c.date, c.form_id, c.form_version, c.status, avg(w.level), count(*) "
        f"{source}{where} GROUP BY c.id ORDER BY c.date DESC, c.id DESC",
        [*params, *extra],
    )
    return [CellAssessment(*row) for row in rows]


# -- progress over time ------------------------------------------------------------


def site_progress(store: Store, flt: PortfolioFilter, site_key: str) -> list[SitePoint]:
    """Mean level per area at each assessment of one site, oldest first."""
    sel = _select(store, replace(flt, latest_only=False))
    source, params = _scored(sel, primary=True)
    rows = sel.rows(
        f"SELECT c.id, c.date, m.area_id, avg(w.level), count(*) {source} AND c.site_key = ? "
        "GROUP BY c.id, m.area_id ORDER BY c.date, c.id, m.area_id",
        [*params, site_key],
    )
    return [SitePoint(*row) for row in rows]


def visit_progress(store: Store, flt: PortfolioFilter) -> list[VisitPoint]:
    """Mean level per area over every site's baseline (visit 1), first follow-up (2), and so on."""
    return _visit_progress(_select(store, replace(flt, latest_only=False)))


def _visit_progress(sel: _Selection) -> list[VisitPoint]:
    source, params = _scored(sel, primary=True)
    rows = sel.rows(
        f""", visits AS (SELECT id, row_number() OVER (PARTITION BY site_key, form_id ORDER BY date, id) AS visit
                        FROM chosen)
            SELECT v.visit, m.area_id, avg(w.level), count(DISTINCT c.id)
            {source.replace("FROM chosen c", "FROM chosen c JOIN visits v ON v.id = c.id")}
            GROUP BY v.visit, m.area_id ORDER BY v.visit, m.area_id""",
        params,
    )
    return [VisitPoint(*row) for row in rows]


def changes(store: Store, flt: PortfolioFilter) -> list[SiteChange]:
    """For each site assessed twice or more: indicators improved, same, worse from baseline to latest."""
    return _changes(_select(store, replace(flt, latest_only=False)))


def _changes(sel: _Selection) -> list[SiteChange]:
    sites = _sites(sel)
    area, area_params = sel.area_clause()
    shared = dict(sel.store.db.execute(
        f"SELECT form_id, count(DISTINCT lined_up) FROM temp.portfolio_map m WHERE shared = 1{area} GROUP BY form_id",
        area_params,
    ).fetchall())
    rows = sel.rows(
        f""", visits AS (
                SELECT id, site_key, form_id, date,
                       row_number() OVER (PARTITION BY site_key, form_id ORDER BY date, id) AS visit,
                       count(*) OVER (PARTITION BY site_key, form_id) AS total
                FROM chosen),
            ends AS (
                SELECT site_key, form_id,
                       max(CASE WHEN visit = 1 THEN id END) AS baseline,
                       max(CASE WHEN visit = total THEN id END) AS latest,
                       max(CASE WHEN visit = 1 THEN date END) AS baseline_date,
                       max(CASE WHEN visit = total THEN date END) AS latest_date
                FROM visits WHERE total > 1 GROUP BY site_key, form_id),
            levels AS (
                SELECT c.id AS assessment_id, m.lined_up, avg(w.level) AS level
                FROM chosen c
                JOIN answers w ON w.assessment_id = c.id AND w.grp = ''
                JOIN temp.portfolio_map m
                  ON m.form_id = c.form_id AND m.version = c.form_version AND m.indicator_id = w.indicator_id
                WHERE w.level IS NOT NULL AND m.shared = 1{area}
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
    found = []
    for key, form_id, baseline, latest, first, last, improved, same, worse in rows:
        compared = improved + same + worse
        found.append(SiteChange(sites[key], form_id, baseline, latest, first, last, improved, same, worse,
                                shared.get(form_id, 0) - compared))
    return found


# -- gaps across sites -----------------------------------------------------------


def common_gaps(store: Store, flt: PortfolioFilter) -> list[CommonGap]:
    """Indicators by how many sites are weak on them (level ≤ 2) at each site's latest assessment."""
    return _common_gaps(_select(store, flt))


def _common_gaps(sel: _Selection) -> list[CommonGap]:
    area, params = sel.area_clause()
    rows = sel.rows(
        f""", latest AS (
                SELECT * FROM (SELECT c.*, row_number() OVER (PARTITION BY site_key, form_id
                                                              ORDER BY date DESC, id DESC) AS newest
                               FROM chosen c) WHERE newest = 1),
            per_site AS (
                SELECT l.site_key, l.form_id, m.lined_up, max(m.area_id) AS area_id,
                       avg(w.level) AS level, avg({TARGET} - w.level) AS gap
                FROM latest l
                JOIN answers w ON w.assessment_id = l.id AND w.grp = ''
                JOIN temp.portfolio_map m
                  ON m.form_id = l.form_id AND m.version = l.form_version AND m.indicator_id = w.indicator_id
                WHERE w.level IS NOT NULL AND m.shared = 1{area}
                GROUP BY l.site_key, l.form_id, m.lined_up)
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
    return _scope(_select(store, flt))


def _scope(sel: _Selection) -> Scope:
    assessments, sites = sel.rows("SELECT count(*), count(DISTINCT site_key) FROM chosen")[0]
    area, params = sel.area_clause()
    na, unknown = sel.rows(
        f"""SELECT coalesce(sum(w.special = 'na'), 0), coalesce(sum(w.special = 'unknown'), 0)
            FROM chosen c
            JOIN answers w ON w.assessment_id = c.id AND w.grp = '' AND w.special IS NOT NULL
            JOIN temp.portfolio_map m
              ON m.form_id = c.form_id AND m.version = c.form_version AND m.indicator_id = w.indicator_id
            WHERE m.shared = 1 AND m.is_primary = 1{area}""",
        params,
    )[0]
    return Scope(assessments, sites, tuple(sel.lineups.values()), na, unknown)


def area_summary(store: Store, flt: PortfolioFilter) -> list[AreaSummary]:
    """Per area: assessments, sites, scored answers, mean level and gap, N/A and Unknown left out."""
    sel = _select(store, flt)
    area, params = sel.area_clause()
    rows = {
        row[0]: row[1:]
        for row in sel.rows(
            f"""SELECT m.area_id, count(DISTINCT CASE WHEN w.level IS NOT NULL THEN c.id END),
                       count(DISTINCT CASE WHEN w.level IS NOT NULL THEN c.site_key END), count(w.level),
                       avg(w.level), avg(CASE WHEN w.level IS NOT NULL THEN {TARGET} - w.level END),
                       coalesce(sum(w.special = 'na'), 0), coalesce(sum(w.special = 'unknown'), 0)
                FROM chosen c
                JOIN answers w ON w.assessment_id = c.id AND w.grp = ''
                JOIN temp.portfolio_map m
                  ON m.form_id = c.form_id AND m.version = c.form_version AND m.indicator_id = w.indicator_id
                WHERE m.shared = 1 AND m.is_primary = 1{area}
                GROUP BY m.area_id""",
            params,
        )
    }
    return [AreaSummary(column, *rows[column.key]) for column in sel.areas() if column.key in rows]


def choices(store: Store) -> Choices:
    """Countries, site types, forms and versions, statuses, areas and dates present, for the filters."""
    db = store.db

    def distinct(column: str) -> tuple[str, ...]:
        return tuple(row[0] for row in db.execute(
            f"SELECT DISTINCT {column} FROM assessments WHERE deleted_at IS NULL AND {column} != '' ORDER BY 1"))

    forms: dict[str, list[str]] = {}
    for form_id, version in db.execute(
            "SELECT DISTINCT form_id, form_version FROM assessments WHERE deleted_at IS NULL"):
        forms.setdefault(form_id, []).append(version)
    first, last = db.execute("SELECT min(date), max(date) FROM assessments WHERE deleted_at IS NULL").fetchone()
    newest = [store.form(fid, max(versions, key=version_key)) for fid, versions in sorted(forms.items())]
    return Choices(
        countries=distinct("country"),
        site_types=distinct("site_type"),
        forms={fid: tuple(sorted(v, key=version_key)) for fid, v in sorted(forms.items())},
        statuses=distinct("status"),
        areas=_areas(newest),
        first_date=first or "",
        last_date=last or "",
    )


def load(store: Store, flt: PortfolioFilter) -> PortfolioData:
    """Every aggregate the portfolio screen shows, computed over one selection."""
    sel = _select(store, flt)
    scope_, heatmap_, ranking_, gaps_ = _scope(sel), _heatmap(sel), _ranking(sel), _common_gaps(sel)
    if flt.latest_only:
        # Progress needs every visit, whatever the heatmap shows.
        sel = _select(store, replace(flt, latest_only=False))
    return PortfolioData(
        filter=flt, scope=scope_, heatmap=heatmap_, ranking=tuple(ranking_), visits=tuple(_visit_progress(sel)),
        changes=tuple(_changes(sel)), gaps=tuple(gaps_), areas=sel.areas(),
    )
