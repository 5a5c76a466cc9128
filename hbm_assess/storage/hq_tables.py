"""The portfolio as plain tables for analysts (one row per assessment × indicator, and the assessments),
read as streams in a stable order: memory stays flat whatever the number of assessments."""

from __future__ import annotations

from collections.abc import Iterator

from hbm_assess.storage.portfolio import ANSWER_GRID, PortfolioFilter, national, tidy_row_count
from hbm_assess.storage.portfolio_selection import select
from hbm_assess.storage.store import Store

ANSWER_FIELDS = ("assessment_id", "form_id", "form_version", "area_id", "indicator_id", "lined_up", "compared",
                 "level", "special", "target", "gap", "evidence_type", "confidence", "evidence_reference",
                 "evidence_text", "notes", "indicator_scope")
NATIONAL_FIELDS = ("country", "form_id", "area_id", "indicator_id", "level", "source", "national_assessment_id",
                   "national_assessment_date", "posts_mean", "posts")
ASSESSMENT_FIELDS = ("assessment_id", "uuid", "site_code", "site_name", "country", "adm1_pcode", "site_type",
                     "latitude", "longitude", "scope", "date", "status", "revision", "form_id", "form_version",
                     "workshop_group", "assessed_by", "updated_at")


def answer_rows(store: Store, flt: PortfolioFilter) -> Iterator[tuple]:
    """Every selected assessment × every indicator of its questionnaire (answered or not), as ANSWER_FIELDS."""
    sel = select(store, flt, national=True)
    area, params = sel.area_clause()
    yield from store.db.execute(
        f"""WITH chosen AS ({sel.chosen})
            SELECT c.id, c.form_id, c.form_version, {ANSWER_GRID}
            WHERE 1 = 1{area}
            ORDER BY c.id, m.position""",
        [*sel.params, *params],
    )


def assessment_rows(store: Store, flt: PortfolioFilter) -> Iterator[tuple]:
    """The selected assessments, one row each, as ASSESSMENT_FIELDS."""
    sel = select(store, flt, national=True)
    yield from store.db.execute(
        f"""WITH chosen AS ({sel.chosen})
            SELECT a.id, a.uuid, a.site_ref, a.site_name, a.country, a.pcode, a.site_type, a.latitude,
                   a.longitude, a.scope, a.date, a.status, a.revision, a.form_id, a.form_version, a.workshop_group,
                   coalesce((SELECT group_concat(j.value, '; ') FROM json_each(a.assessors) j), ''), a.updated_at
            FROM chosen c JOIN assessments a ON a.id = c.id
            ORDER BY a.id""",
        sel.params,
    )


def national_rows(store: Store, flt: PortfolioFilter) -> Iterator[tuple]:
    """National indicators once per country (storage.portfolio_national), as NATIONAL_FIELDS."""
    for row in national(store, flt):
        yield (row.country, row.form_id, row.area_id, row.indicator_id, row.level, row.source, row.assessment_id,
               row.date, row.posts_mean, row.posts)


def row_count(store: Store, flt: PortfolioFilter) -> int:
    """How many rows ``answer_rows`` gives (to warn before a worksheet would overflow, and for progress)."""
    return tidy_row_count(store, flt)
