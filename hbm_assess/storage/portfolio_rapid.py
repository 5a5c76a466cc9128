"""A rapid baseline against a detailed follow-up of the same site, for the portfolio's Progress tab (#19).

The two questionnaires compare through the rapid form's ``summarises`` (core.comparison, as
Results and the report do): each detailed indicator is set against the score of the rapid
item that summarises it; detailed indicators no rapid item summarises are left out. As in
the rest of the portfolio, only post-level indicators count (national ones: the National tab).
"""

from __future__ import annotations

from dataclasses import dataclass

from hbm_assess.core.comparison import RAPID_DETAILED, compare_assessments
from hbm_assess.core.questionnaire import Form, family
from hbm_assess.storage.portfolio_selection import Selection


@dataclass(frozen=True)
class RapidAgainstDetailed:
    """One site's earliest rapid assessment against its latest detailed one made after it."""

    site_key: str
    site_name: str
    rapid_id: int
    rapid_date: str
    detailed_id: int
    detailed_date: str
    compared: int       # detailed post-level indicators set against a rapid item
    left_out: int       # detailed post-level indicators no rapid item summarises
    improved: int
    same: int
    worse: int
    not_comparable: int  # compared, but without a level on one side


def rapid_against_detailed(sel: Selection) -> tuple[RapidAgainstDetailed, ...]:
    """Every selected site with a rapid baseline and a detailed follow-up of the same family."""
    modes = {form_id: form.mode for form_id, form in sel.newest.items()}
    if {"rapid", "detailed"} - set(modes.values()):
        return ()  # the usual case (one questionnaire compared): nothing to read
    by_site: dict[str, list[tuple]] = {}
    for row in sel.rows("SELECT site_key, site_name, id, form_id, form_version, date FROM chosen ORDER BY date, id"):
        by_site.setdefault(row[0], []).append(row)
    found = []
    for rows in by_site.values():
        rapid = next((r for r in rows if modes.get(r[3]) == "rapid"), None)
        if rapid is None:
            continue
        later = [r for r in rows[rows.index(rapid) + 1:]
                 if modes.get(r[3]) == "detailed" and family(r[3]) == family(rapid[3])]
        if later:
            found.append(_pair(sel, rapid, later[-1]))
    return tuple(pair for pair in found if pair is not None)


def _pair(sel: Selection, rapid: tuple, detailed: tuple) -> RapidAgainstDetailed | None:
    store = sel.store
    rapid_form, detailed_form = store.form(rapid[3], rapid[4]), store.form(detailed[3], detailed[4])
    comparison = compare_assessments(rapid_form, store.answers(rapid[2]), detailed_form, store.answers(detailed[2]),
                                     _known(sel, rapid_form, detailed_form))
    if comparison.kind != RAPID_DETAILED:
        return None
    counted = {ind.id for ind in detailed_form.indicators()
               if not ind.national and (not sel.flt.area or ind.area_id == sel.flt.area)}
    changes = [c for c in comparison.changes if c.indicator_id in counted]
    deltas = [c.delta for c in changes]
    return RapidAgainstDetailed(
        rapid[0], detailed[1], rapid[2], rapid[5], detailed[2], detailed[5], len(changes),
        sum(1 for i in comparison.left_out if i in counted),
        sum(1 for d in deltas if d is not None and d > 0), sum(1 for d in deltas if d == 0),
        sum(1 for d in deltas if d is not None and d < 0), sum(1 for d in deltas if d is None))


def _known(sel: Selection, *forms: Form) -> list[Form]:
    """Every stored version of the questionnaires involved, for renames between versions."""
    involved = {form.id for form in forms} | {form.detailed_form[0] for form in forms if form.detailed_form}
    return [sel.store.form(form_id, version) for form_id, version in sel.store.stored_forms() if form_id in involved]
