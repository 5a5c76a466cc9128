"""The per-assessment counts the assessment list shows, kept by triggers (schema step 6), and their check."""

from __future__ import annotations

from hbm_assess.storage.store import Store

_RECOUNT = """
SELECT a.id,
       (SELECT count(*) FROM answers w WHERE w.assessment_id = a.id AND w.grp = ''
            AND (w.level IS NOT NULL OR w.special IS NOT NULL)),
       (SELECT coalesce(sum(w.level), 0) FROM answers w WHERE w.assessment_id = a.id AND w.grp = ''),
       (SELECT count(w.level) FROM answers w WHERE w.assessment_id = a.id AND w.grp = '')
FROM assessments a
"""


def differences(store: Store) -> list[tuple[int, tuple, tuple]]:
    """Assessments whose kept counts differ from a fresh count of their answers: (id, kept, counted).

    Empty when the triggers did their work; tests run it after every kind of write.
    """
    kept = {row[0]: tuple(row[1:]) for row in store.db.execute(
        "SELECT assessment_id, answered, level_sum, level_count FROM assessment_summaries")}
    found = []
    for row in store.db.execute(_RECOUNT):
        counted = tuple(row[1:])
        if kept.get(row[0]) != counted:
            found.append((row[0], kept.get(row[0]), counted))
    return found


def area_differences(store: Store) -> list[tuple[tuple[int, str, str], tuple | None, tuple | None]]:
    """Kept area × scope sums (schema step 12) that differ from a recount: ((id, area, scope), kept, counted)."""
    from hbm_assess.storage.schema import AREA_SCOPE_SUMS

    kept = {(row[0], row[1], row[2]): tuple(row[3:]) for row in store.db.execute(
        "SELECT assessment_id, area_id, scope, level_sum, scored, gap_sum, not_applicable, unknown "
        "FROM assessment_area_scores")}
    counted = {(row[0], row[1], row[2]): tuple(row[3:]) for row in store.db.execute(
        f"{AREA_SCOPE_SUMS} GROUP BY w.assessment_id, fi.area_id, fi.scope")}
    empty = (0, 0, 0, 0, 0)
    return [(key, kept.get(key), counted.get(key)) for key in sorted(set(kept) | set(counted))
            if kept.get(key, empty) != counted.get(key, empty)]
