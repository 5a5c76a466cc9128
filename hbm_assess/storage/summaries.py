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


def area_differences(store: Store) -> list[tuple[tuple[int, str], tuple | None, tuple | None]]:
    """Assessment × area sums (schema step 7) that differ from a recount: ((id, area), kept, counted)."""
    from hbm_assess.storage.schema import gap_sql

    kept = {(row[0], row[1]): tuple(row[2:]) for row in store.db.execute(
        "SELECT assessment_id, area_id, level_sum, scored, gap_sum, not_applicable, unknown "
        "FROM assessment_area_scores")}
    counted = {(row[0], row[1]): tuple(row[2:]) for row in store.db.execute(
        f"""SELECT w.assessment_id, fi.area_id, coalesce(sum(w.level), 0), count(w.level),
                   coalesce(sum({gap_sql("w", "a.target_policy", "fi.phase", "fi.default_target")}), 0),
                   sum(w.special IS 'na'), sum(w.special IS 'unknown')
            FROM answers w JOIN assessments a ON a.id = w.assessment_id
            JOIN form_indicators fi ON fi.form_id = a.form_id AND fi.version = a.form_version
                 AND fi.indicator_id = w.indicator_id
            WHERE w.grp = '' GROUP BY w.assessment_id, fi.area_id""")}
    empty = (0, 0, 0, 0, 0)
    return [(key, kept.get(key), counted.get(key)) for key in sorted(set(kept) | set(counted))
            if kept.get(key, empty) != counted.get(key, empty)]
