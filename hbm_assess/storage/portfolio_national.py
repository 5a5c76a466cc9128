"""National indicators once per country (#17): laws, national bodies and data systems are not compared post by post.

Each country's national indicators come from its newest final national-scope assessment
among those the filter selects. Without one, they are the mean of the posts' own views
(each selected post's latest assessment), and say so: a post-level view of a national matter.
"""

from __future__ import annotations

from dataclasses import dataclass

from hbm_assess.core.text import Text
from hbm_assess.storage.portfolio_selection import ANSWERS, CHOSEN_TABLE, Selection

FROM_NATIONAL = "national"  # the level is the national assessment's
FROM_POSTS = "posts"        # no national assessment: the mean of the posts' views


@dataclass(frozen=True)
class NationalIndicator:
    """One national indicator of one country, with where its level comes from."""

    country: str
    form_id: str
    indicator_id: str  # the lined-up id (the newest version's)
    label: Text
    area_id: str
    level: float | None          # None: not scored (N/A, Unknown or unanswered)
    source: str                  # FROM_NATIONAL or FROM_POSTS
    assessment_id: int | None    # the national assessment, when the source is one
    date: str                    # its date
    posts_mean: float | None     # the mean of the posts' views, whatever the source
    posts: int                   # posts that scored it


def national_indicators(sel: Selection) -> tuple[NationalIndicator, ...]:
    """Every selected country × national indicator of the selected questionnaires, in questionnaire order."""
    db = sel.store.db
    newest_only = " AND newest = 1" if sel.flt.latest_only else ""
    national = {}  # (country, form) → (id, version, date): the newest final national assessment
    for aid, country, form_id, version, day in db.execute(
            f"""SELECT id, country, form_id, form_version, date FROM {CHOSEN_TABLE}
                WHERE scope = 'national' AND status = 'final'{newest_only} ORDER BY date, id"""):
        national[(country, form_id)] = (aid, version, day)
    area, params = sel.area_clause()
    views = {(country, form_id, lined_up): (mean, posts) for country, form_id, lined_up, mean, posts in sel.rows(
        f"""SELECT c.country, c.form_id, m.lined_up, avg(w.level), count(DISTINCT c.site_key)
            FROM chosen c {ANSWERS}
            WHERE c.newest = 1 AND w.level IS NOT NULL AND m.is_primary = 1 AND m.scope = 'national'{area}
            GROUP BY 1, 2, 3""", params)}
    countries = sorted({row[2] for row in sel.sites()} | {country for country, _ in national})
    rows = []
    for country in countries:
        for form_id, form in sorted(sel.newest.items()):
            found = national.get((country, form_id))
            levels = _levels(sel, form_id, found[0], found[1]) if found else {}
            for ind in form.indicators():
                if not ind.national or (sel.flt.area and ind.area_id != sel.flt.area):
                    continue
                mean, posts = views.get((country, form_id, ind.id), (None, 0))
                if found is None and not posts:
                    continue  # nobody in this country looked at it with these filters
                rows.append(NationalIndicator(
                    country, form_id, ind.id, sel.labels.get((form_id, ind.id), ind.label), ind.area_id,
                    levels.get(ind.id) if found else mean, FROM_NATIONAL if found else FROM_POSTS,
                    found[0] if found else None, found[2] if found else "", mean, posts))
    return tuple(rows)


def _levels(sel: Selection, form_id: str, assessment_id: int, version: str) -> dict[str, float]:
    """The national assessment's levels by lined-up id (a split indicator gives its level to each part)."""
    lineup = sel.lineups.get(form_id)
    found: dict[str, float] = {}
    for indicator_id, level in sel.store.db.execute(
            "SELECT indicator_id, level FROM answers WHERE assessment_id = ? AND grp = '' AND level IS NOT NULL",
            (assessment_id,)):
        ids = lineup.lined_up(version, indicator_id) if lineup and version in lineup.versions else (indicator_id,)
        for lined_up in ids:
            found[lined_up] = float(level)
    return found
