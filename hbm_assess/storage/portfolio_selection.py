"""The assessments a portfolio filter selects, as SQL, and the TEMP tables the aggregates join.

``portfolio_map`` maps each compared (form, version, indicator) to its area, lined-up
id and default target (core.versions lines the versions up); ``portfolio_scores``
holds, once per selection, the sums per assessment × area that most aggregates need,
so the answers are read once and every later figure aggregates a few thousand rows.
TEMP tables belong to one connection: a worker thread uses its own (see ``reader``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import groupby
from operator import itemgetter

import sqlite_utils

from hbm_assess.core.questionnaire import Form, version_key
from hbm_assess.core.text import Text
from hbm_assess.core.versions import Lineup, line_up
from hbm_assess.storage.database import connect
from hbm_assess.storage.schema import answer_target_sql
from hbm_assess.storage.store import Store

SITE_KEY = "CASE WHEN a.site_ref != '' THEN a.site_ref ELSE a.site_name END"
# The target rule of core.targets.answer_target under each assessment's policy, in SQL (tests check
# every combination against it).
TARGET = answer_target_sql("w", "c.target_policy", "m.phase", "m.default_target")
# CROSS JOIN fixes the join order (assessments, then their answers through the covering index,
# then the small map): without statistics SQLite otherwise chose a plan half as fast.
ANSWERS = """CROSS JOIN answers w INDEXED BY answers_portfolio ON w.assessment_id = c.id AND w.grp = ''
    CROSS JOIN temp.portfolio_map m
      ON m.form_id = c.form_id AND m.version = c.form_version AND m.indicator_id = w.indicator_id"""


CHOSEN_TABLE = "temp.portfolio_chosen"
# Posts are compared with posts: a national assessment is no site row; it feeds the National panel (#17).
EVERY_VISIT = f"SELECT * FROM {CHOSEN_TABLE} WHERE scope != 'national'"
EVERY_ASSESSMENT = f"SELECT * FROM {CHOSEN_TABLE} WHERE 1 = 1"
# Post-level indicators only: national ones (laws, national bodies) are shown once per country instead.
POST_LEVEL = " AND m.scope = 'post'"


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
class Column:
    """A heatmap column: an area, or (when one area is chosen) a lined-up indicator of a form."""

    key: str
    label: Text
    form_id: str = ""


@dataclass
class Selection:
    """A filter turned into SQL over one connection, with the version map filled for it."""

    store: Store
    flt: PortfolioFilter
    chosen: str
    params: list
    lineups: dict[str, Lineup]
    newest: dict[str, Form]
    labels: dict[tuple[str, str], Text]
    _scores_ready: bool = field(default=False, repr=False)
    visits_numbered: bool = True
    _sites: list[tuple] | None = field(default=None, repr=False)
    _cache: dict = field(default_factory=dict, repr=False)

    def cached(self, name: str, compute):
        """A figure computed once per selection (several aggregates share it)."""
        if name not in self._cache:
            self._cache[name] = compute()
        return self._cache[name]

    def rows(self, body: str, params: Iterable = (), inline: bool = False) -> list[tuple]:
        """Run ``body`` after ``WITH chosen AS (the selected assessments)``."""
        sql = f"WITH chosen AS {'NOT MATERIALIZED ' if inline else ''}({self.chosen}) {body}"
        return self.store.db.execute(sql, [*self.params, *params]).fetchall()

    def every_visit(self) -> Selection:
        """The same filter with every visit of each site (for progress), whatever ``latest_only`` says.

        With ``latest_only`` this selects again: the versions compared may differ, and the TEMP
        tables are refilled, so this selection must not be used afterwards.
        """
        if self.flt.latest_only or not self.visits_numbered:
            return select(self.store, replace(self.flt, latest_only=False))
        return self

    def kept_versions(self) -> list[str]:
        """The questionnaire versions (``form`` char(31) ``version``) whose sums are kept per assessment × area.

        A version whose every indicator is compared, once each, can take the sums kept as
        answers change (schema step 7): no answer is read. The others (a version with
        indicators another version lacks, or split ones) sum their answers.
        """
        return self.cached("kept_versions", lambda: [row[0] for row in self.store.db.execute(
            """SELECT form_id || char(31) || version FROM temp.portfolio_map GROUP BY form_id, version
               HAVING min(shared) = 1 AND min(is_primary) = 1 AND count(*) = count(DISTINCT indicator_id)""")])

    def all_kept(self) -> bool:
        """Whether every selected assessment's questionnaire version has its sums kept (the usual case)."""
        kept = self.kept_versions()
        return self.cached("all_kept", lambda: not self.store.db.execute(
            f"""SELECT 1 FROM ({self.chosen}) WHERE form_id || char(31) || form_version
                NOT IN ({", ".join("?" * len(kept))}) LIMIT 1""", kept).fetchall())

    def sites(self) -> list[tuple]:
        """(site key, latest name, country, site type, assessments, latest date) of the selected sites, by name."""
        if self._sites is None:
            # With one max() in the query SQLite takes the bare columns from that row: the latest name wins.
            self._sites = self.rows("SELECT site_key, site_name, country, site_type, count(*), max(date) FROM chosen "
                                    "GROUP BY site_key ORDER BY site_name, site_key")
        return self._sites

    def area_clause(self) -> tuple[str, list]:
        return (" AND m.area_id = ?", [self.flt.area]) if self.flt.area else ("", [])

    def areas(self) -> tuple[Column, ...]:
        """The areas of the selected questionnaires with a post-level indicator, in questionnaire order."""
        seen: dict[str, Column] = {}
        for form in self.newest.values():
            for area in form.areas:
                if all(ind.national for ind in area.indicators):
                    continue  # only national indicators: shown in the National panel, not as a column
                if not self.flt.area or area.id == self.flt.area:
                    seen.setdefault(area.id, Column(area.id, area.title))
        return tuple(seen.values())

    def scores(self) -> str:
        """Fill (once) and name the table of sums per assessment × area over shared indicators.

        Each row carries the assessment's visit number and whether it is its site's newest.
        """
        if not self._scores_ready:
            self._fill_scores()
            self._scores_ready = True
        return "temp.portfolio_scores"

    def _fill_scores(self) -> None:
        area, area_params = self.area_clause()
        kept = self.kept_versions()
        marks = ", ".join("?" * len(kept))
        version = "c.form_id || char(31) || c.form_version"
        others = f" AND {version} NOT IN ({marks})" if kept else ""
        db = self.store.db
        with db.atomic():
            db.execute("DELETE FROM temp.portfolio_scores")
            if kept:
                db.execute(
                    f"""INSERT INTO temp.portfolio_scores
                        SELECT c.id, c.site_key, c.form_id, c.date, c.visit, c.newest, s.area_id, s.level_sum,
                               s.scored, s.gap_sum, s.not_applicable, s.unknown
                        FROM ({self.chosen}) c JOIN assessment_area_scores s ON s.assessment_id = c.id
                        WHERE s.scope = 'post' AND {version} IN ({marks}){area.replace("m.area_id", "s.area_id")}""",
                    [*kept, *area_params],
                )
            # Assessments in id order, each one's indicators in area order (portfolio_map_area), then
            # the answer of each: rows arrive grouped already and SQLite skips sorting ~80,000 of them.
            db.execute(
                f"""INSERT INTO temp.portfolio_scores
                    SELECT c.id, c.site_key, c.form_id, c.date, c.visit, c.newest, m.area_id,
                           coalesce(sum(w.level), 0), count(w.level),
                           coalesce(sum(CASE WHEN w.level IS NOT NULL THEN {TARGET} - w.level END), 0),
                           coalesce(sum(w.special = 'na'), 0), coalesce(sum(w.special = 'unknown'), 0)
                    FROM ({self.chosen}) c
                    CROSS JOIN temp.portfolio_map m INDEXED BY portfolio_map_area
                      ON m.form_id = c.form_id AND m.version = c.form_version AND m.is_primary = 1 AND m.shared = 1
                      AND m.scope = 'post'
                    CROSS JOIN answers w INDEXED BY answers_portfolio
                      ON w.assessment_id = c.id AND w.grp = '' AND w.indicator_id = m.indicator_id
                    WHERE 1 = 1{others}{area}
                    GROUP BY c.id, m.area_id""",
                [*kept, *area_params],
            )


def select(store: Store, flt: PortfolioFilter, visits: bool = True, national: bool = False) -> Selection:
    """Turn a filter into the table of the assessments it selects, and fill the version map for their versions.

    The selected assessments are written once into ``temp.portfolio_chosen``, each with its
    visit number, its site's number of visits and whether it is the site's newest (per
    questionnaire): every figure then reads a table instead of evaluating the filter, the
    site key and a window function again (each took ~0.1-0.2 s at 20,000 assessments).
    Without ``visits`` only the newest are marked (visit and visits stay 0): the figures
    over time need the numbers, the heatmap does not, and numbering costs ~0.1 s at 20,000.
    National assessments are left out of the figures, which compare posts; ``national``
    keeps them (the tidy export lists every assessment).
    """
    columns = _prepare_database(store)
    where, params = _where(flt, columns)
    with store.db.atomic():
        store.db.execute("DELETE FROM temp.portfolio_chosen")
        store.db.execute(
            f"""INSERT INTO temp.portfolio_chosen
                SELECT a.id, a.form_id, a.form_version, a.date, a.status, a.site_name, a.country, a.site_type,
                       a.pcode, a.uuid, {SITE_KEY}, a.target_policy, 0, 0, 0, a.scope
                FROM assessments a WHERE {where}""",
            params,
        )
        if visits:
            numbered = _visits(store.db.execute("SELECT site_key, form_id, date, id FROM temp.portfolio_chosen"))
            store.db.conn.executemany(
                "UPDATE temp.portfolio_chosen SET visit = ?, visits = ?, newest = ? WHERE id = ?", numbered)
        else:
            # The newest of each site and questionnaire: latest date, then highest id (as _visits says).
            store.db.execute(
                """UPDATE temp.portfolio_chosen SET newest = 1 WHERE id IN (
                       SELECT CAST(substr(max(date || char(31) || printf('%020d', id)), -20) AS INTEGER)
                       FROM temp.portfolio_chosen GROUP BY site_key, form_id)""")
    every = EVERY_ASSESSMENT if national else EVERY_VISIT
    chosen = f"{every} AND newest = 1" if flt.latest_only else every
    params = []
    present: dict[str, set[str]] = {}
    for form_id, version in store.db.execute(f"SELECT DISTINCT form_id, form_version FROM ({chosen})"):
        present.setdefault(form_id, set()).add(version)
    stored = store.stored_forms()
    from_files = files_only_versions(store)
    lineups, newest, labels, map_rows = {}, {}, {}, []
    for form_id, versions in sorted(present.items()):
        forms = [trusted(store.form(fid, v), (fid, v) in from_files) for fid, v in stored if fid == form_id]
        lineup = line_up(forms, versions)
        lineups[form_id] = lineup
        newest[form_id] = newest_trusted(forms, from_files)
        labels.update(_labels(forms, lineup, from_files))
        map_rows += _map_rows(forms, lineup)
    with store.db.atomic():
        store.db.execute("DELETE FROM temp.portfolio_map")
        store.db.conn.executemany("INSERT INTO temp.portfolio_map VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", map_rows)
    return Selection(store, flt, chosen, params, lineups, newest, labels, visits_numbered=visits)


def like_with_like(store: Store, flt: PortfolioFilter = PortfolioFilter(), include_drafts: bool = False,
                   all_forms: bool = False) -> PortfolioFilter:
    """The filter HQ starts from: one questionnaire version and final assessments only (#17).

    Fills only what ``flt`` leaves open: the questionnaire most assessed (unless ``all_forms``),
    its newest version with data, and ``final`` (unless ``include_drafts``, or when that
    version has no final assessment yet: an empty screen would compare nothing).
    """
    columns = _prepare_database(store)
    where, params = _where(replace(flt, form_id="", form_versions=(), statuses=()), columns)
    counts: dict[str, int] = {}
    versions: dict[str, dict[str, int]] = {}
    for form_id, version, total, finals in store.db.execute(
            f"""SELECT a.form_id, a.form_version, count(*), sum(a.status = 'final') FROM assessments a
                WHERE {where} GROUP BY 1, 2""", params):
        counts[form_id] = counts.get(form_id, 0) + total
        versions.setdefault(form_id, {})[version] = finals
    if not all_forms and counts:
        form_id = flt.form_id or max(sorted(counts), key=counts.get)
        present = versions.get(form_id, {})
        chosen = flt.form_versions or ((max(present, key=version_key),) if present else ())
        flt = replace(flt, form_id=form_id, form_versions=chosen)
        has_finals = any(present.get(version, 0) for version in chosen)
    else:
        has_finals = not counts or any(finals for by_version in versions.values() for finals in by_version.values())
    if flt.statuses or include_drafts or not has_finals:
        return flt
    return replace(flt, statuses=("final",))


@dataclass(frozen=True)
class LeftOut:
    """Assessments a filter leaves out so that like is compared with like, for the note on screen."""

    drafts: int = 0       # drafts of the questionnaire version(s) shown, when only final ones are
    other_forms: int = 0  # assessments of other questionnaires or versions, whatever their status


def left_out(store: Store, flt: PortfolioFilter) -> LeftOut:
    """What the status and questionnaire parts of ``flt`` leave out (dates, places and areas aside)."""
    columns = _prepare_database(store)

    def count(part: PortfolioFilter) -> int:
        where, params = _where(part, columns)
        return store.db.execute(f"SELECT count(*) FROM assessments a WHERE {where}", params).fetchone()[0]

    drafts = 0
    if flt.statuses and "draft" not in flt.statuses:
        drafts = count(replace(flt, statuses=("draft",)))
    any_status = replace(flt, statuses=())
    return LeftOut(drafts, count(replace(any_status, form_id="", form_versions=())) - count(any_status))


def reader(store: Store) -> Store:
    """A second connection to the same database, for aggregates in a worker thread.

    The TEMP tables and transactions of one connection must not be shared between
    threads; WAL lets this reader work while the app keeps saving.
    """
    if store.path is None:
        return store
    conn = connect(store.path, read_only=True)
    return Store(sqlite_utils.Database(conn), store.path)


def _prepare_database(store: Store) -> set[str]:
    """Create the TEMP tables the aggregates need; returns the columns of ``assessments``."""
    # The covering index answers_portfolio comes from a migration step (schema.v5_portfolio_index).
    store.db.execute(
        """CREATE TEMP TABLE IF NOT EXISTS portfolio_map (
               form_id TEXT NOT NULL, version TEXT NOT NULL, indicator_id TEXT NOT NULL,
               lined_up TEXT NOT NULL, area_id TEXT NOT NULL, default_target INTEGER, phase TEXT,
               position INTEGER NOT NULL, is_primary INTEGER NOT NULL, shared INTEGER NOT NULL,
               scope TEXT NOT NULL, PRIMARY KEY (form_id, version, indicator_id, lined_up))"""
    )
    store.db.execute("CREATE INDEX IF NOT EXISTS temp.portfolio_map_area "
                     "ON portfolio_map (form_id, version, is_primary, shared, area_id, indicator_id)")
    store.db.execute(
        """CREATE TEMP TABLE IF NOT EXISTS portfolio_chosen (
               id INTEGER PRIMARY KEY, form_id TEXT, form_version TEXT, date TEXT, status TEXT,
               site_name TEXT, country TEXT, site_type TEXT, pcode TEXT, uuid TEXT, site_key TEXT,
               target_policy TEXT, visit INTEGER NOT NULL, visits INTEGER NOT NULL, newest INTEGER NOT NULL,
               scope TEXT NOT NULL)"""
    )
    store.db.execute(
        """CREATE TEMP TABLE IF NOT EXISTS portfolio_scores (
               assessment_id INTEGER NOT NULL, site_key TEXT NOT NULL, form_id TEXT NOT NULL,
               date TEXT NOT NULL, visit INTEGER NOT NULL, newest INTEGER NOT NULL, area_id TEXT NOT NULL,
               level_sum INTEGER NOT NULL, scored INTEGER NOT NULL, gap_sum INTEGER NOT NULL,
               not_applicable INTEGER NOT NULL, unknown INTEGER NOT NULL)"""
    )
    return {row[1] for row in store.db.execute("PRAGMA table_info(assessments)")}


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


def _visits(rows: Iterable[tuple]) -> Iterator[tuple[int, int, bool, int]]:
    """(visit number, visits of the site, newest?, id) for (site key, form, date, id) rows.

    Visits are numbered per site and questionnaire by date, then id. In Python: SQLite's
    window functions took ~0.25 s of CPU at 20,000 assessments, this ~0.1 s.
    """
    for _, group in groupby(sorted(rows), key=itemgetter(0, 1)):
        ids = [row[3] for row in group]
        total = len(ids)
        for number, assessment_id in enumerate(ids, start=1):
            yield number, total, number == total, assessment_id


def _map_rows(forms: list[Form], lineup: Lineup) -> list[tuple]:
    rows = []
    for form in forms:
        if form.version not in lineup.versions:
            continue
        for position, ind in enumerate(form.indicators()):
            for number, lined_up in enumerate(lineup.lined_up(form.version, ind.id)):
                # A split indicator lines up with several: is_primary keeps each answer counted once in area means.
                rows.append((form.id, form.version, ind.id, lined_up, ind.area_id, ind.default_target, ind.phase,
                             position,
                             int(number == 0), int(lined_up in lineup.shared), ind.scope))
    return rows


def files_only_versions(store: Store) -> set[tuple[str, str]]:
    """Questionnaire versions known only from imported workbooks (``forms.origin`` = ``file:NAME``)."""
    return {(r[0], r[1]) for r in store.db.execute("SELECT id, version FROM forms WHERE origin != ''")}


def trusted(form: Form, from_file: bool) -> Form:
    """A version from a file may not rename other versions' indicators: its ``replaces`` are ignored."""
    if not from_file:
        return form
    areas = tuple(replace(a, indicators=tuple(replace(i, replaces=()) for i in a.indicators)) for a in form.areas)
    return replace(form, areas=areas)


def newest_trusted(forms: list[Form], from_files: set[tuple[str, str]]) -> Form:
    """The newest version installed with the app or a form file, else (none such) the newest of all."""
    return max(forms, key=lambda f: (f.key not in from_files, version_key(f.version)))


def _labels(forms: list[Form], lineup: Lineup, from_files: set[tuple[str, str]]) -> dict[tuple[str, str], Text]:
    """The label of each lined-up id, from the newest trusted version that asks it (a file's version last)."""
    labels: dict[tuple[str, str], Text] = {}
    for form in sorted(forms, key=lambda f: (f.key not in from_files, version_key(f.version)), reverse=True):
        for ind in form.indicators():
            for lined_up in lineup.lined_up(form.version, ind.id):
                labels.setdefault((form.id, lined_up), ind.label)
    return labels
