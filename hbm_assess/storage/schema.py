"""The database schema as a list of forward steps; ``PRAGMA user_version`` is the step reached.

Never edit a step that has shipped: add a new one. tests/fixtures holds a database
made by the first step alone, and the tests migrate it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

APPLICATION_ID = 0x48424D41  # "HBMA": PRAGMA application_id of every HBM Assess database


def _run(db: sqlite_utils.Database, script: str) -> None:
    # executescript() would COMMIT first and break the one-transaction-per-step rule.
    # Statements end at a ';' that SQLite calls complete (a trigger's body has several).
    statement = ""
    for piece in script.split(";"):
        statement += piece + ";"
        if sqlite3.complete_statement(statement):
            if statement.strip(" \n;"):
                db.execute(statement)
            statement = ""
    if statement.strip(" \n;"):
        db.execute(statement)


def v1_initial(db: sqlite_utils.Database) -> None:
    _run(
        db,
        """
        CREATE TABLE forms (
            id TEXT NOT NULL,
            version TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            indicator_count INTEGER NOT NULL,
            installed_at TEXT NOT NULL,
            PRIMARY KEY (id, version)
        );
        CREATE TABLE assessments (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL,
            form_id TEXT NOT NULL,
            form_version TEXT NOT NULL,
            site_name TEXT NOT NULL,
            site_ref TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            site_type TEXT NOT NULL DEFAULT 'land',
            pcode TEXT NOT NULL DEFAULT '',
            latitude REAL,
            longitude REAL,
            date TEXT NOT NULL,
            assessors TEXT NOT NULL DEFAULT '[]',
            institutions TEXT NOT NULL DEFAULT '[]',
            mode TEXT NOT NULL DEFAULT 'detailed',
            status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'final')),
            revision INTEGER NOT NULL DEFAULT 1,
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            FOREIGN KEY (form_id, form_version) REFERENCES forms (id, version)
        );
        CREATE INDEX assessments_uuid ON assessments (uuid);
        CREATE TABLE answers (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            indicator_id TEXT NOT NULL,
            grp TEXT NOT NULL DEFAULT '',
            level INTEGER CHECK (level BETWEEN 1 AND 5),
            special TEXT CHECK (special IN ('na', 'unknown')),
            target INTEGER CHECK (target BETWEEN 1 AND 5),
            evidence_type TEXT NOT NULL DEFAULT '',
            evidence_reference TEXT NOT NULL DEFAULT '',
            evidence_text TEXT NOT NULL DEFAULT '',
            confidence TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            answered_by TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            PRIMARY KEY (assessment_id, indicator_id, grp),
            CHECK (level IS NULL OR special IS NULL)
        );
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            uuid TEXT NOT NULL,
            title TEXT NOT NULL,
            indicators TEXT NOT NULL DEFAULT '[]',
            responsible TEXT NOT NULL DEFAULT '',
            partners TEXT NOT NULL DEFAULT '[]',
            priority TEXT NOT NULL DEFAULT 'medium',
            timeframe TEXT NOT NULL DEFAULT '12-months',
            due_date TEXT NOT NULL DEFAULT '',
            cost REAL,
            currency TEXT NOT NULL DEFAULT '',
            resources TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            updated_at TEXT NOT NULL
        );
        CREATE INDEX actions_assessment ON actions (assessment_id);
        """
    )


def v2_recoverable_delete_and_seal(db: sqlite_utils.Database) -> None:
    """Deleted assessments stay recoverable; an export or Mark final seals a revision.

    The first change after a seal raises the revision number, so two files with
    different content never carry the same revision.
    """
    _run(
        db,
        """
        ALTER TABLE assessments ADD COLUMN deleted_at TEXT;
        ALTER TABLE assessments ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX answers_indicator ON answers (indicator_id, level);
        CREATE INDEX assessments_site ON assessments (site_name, date);
        """
    )


def v3_exchange(db: sqlite_utils.Database) -> None:
    """Where an assessment came from, whether a spreadsheet program changed it, and a log of imports.

    ``conflict_of`` points a conflicting copy (same uuid, diverging content) at the
    assessment it disagrees with, so both are kept until someone settles it.
    """
    _run(
        db,
        """
        ALTER TABLE assessments ADD COLUMN origin TEXT NOT NULL DEFAULT 'app';
        ALTER TABLE assessments ADD COLUMN edited_outside INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE assessments ADD COLUMN conflict_of INTEGER REFERENCES assessments (id);
        CREATE INDEX assessments_conflict_of ON assessments (conflict_of);
        CREATE TABLE imports (
            id INTEGER PRIMARY KEY,
            imported_at TEXT NOT NULL,
            path TEXT NOT NULL,
            outcome TEXT NOT NULL,
            assessment_id INTEGER REFERENCES assessments (id),
            uuid TEXT,
            revision INTEGER,
            content_hash TEXT,
            edited_outside INTEGER NOT NULL DEFAULT 0,
            changes TEXT NOT NULL DEFAULT '[]',
            message TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX imports_assessment ON imports (assessment_id);
        """
    )


def v4_workshop_groups(db: sqlite_utils.Database) -> None:
    """Break-out groups of a workshop assessment, and which group a laptop's copy belongs to.

    ``merged_revision`` and ``merged_hash`` remember the last group file merged, so
    importing the same file again changes nothing and only a newer one replaces
    that group's answers.
    """
    _run(
        db,
        """
        CREATE TABLE workshop_groups (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            members TEXT NOT NULL DEFAULT '[]',
            institutions TEXT NOT NULL DEFAULT '[]',
            indicators TEXT NOT NULL DEFAULT '[]',
            merged_revision INTEGER,
            merged_hash TEXT,
            merged_at TEXT,
            PRIMARY KEY (assessment_id, name)
        );
        ALTER TABLE assessments ADD COLUMN workshop_group TEXT NOT NULL DEFAULT '';
        """
    )


def v5_portfolio_index(db: sqlite_utils.Database) -> None:
    """A covering index for the HQ portfolio: aggregates read level/special/target from the index alone.

    The portfolio's reader used to create it on first use, outside any migration and
    without a backup; it belongs here. (The same step stamps the file with the app's
    ``PRAGMA application_id``, as every step does.)
    """
    _run(
        db,
        """
        CREATE INDEX IF NOT EXISTS answers_portfolio
            ON answers (assessment_id, grp, indicator_id, level, special, target)
        """,
    )


# What one answer adds to its assessment's summary (only the agreed answers, grp = '', count).
_ANSWERED = "({r}.grp = '' AND ({r}.level IS NOT NULL OR {r}.special IS NOT NULL))"
_LEVEL = "(CASE WHEN {r}.grp = '' THEN coalesce({r}.level, 0) ELSE 0 END)"
_SCORED = "({r}.grp = '' AND {r}.level IS NOT NULL)"


def _summary_change(row: str, sign: str) -> str:
    return (f"UPDATE assessment_summaries SET answered = answered {sign} {_ANSWERED.format(r=row)}, "
            f"level_sum = level_sum {sign} {_LEVEL.format(r=row)}, "
            f"level_count = level_count {sign} {_SCORED.format(r=row)} "
            f"WHERE assessment_id = {row}.assessment_id")


def v6_assessment_summaries(db: sqlite_utils.Database) -> None:
    """Per-assessment counts the assessment list shows, kept up to date by triggers on every write.

    The list used to count every assessment's answers at each start: 4-6 s at 20,000
    assessments. Triggers keep the counts right whatever writes the answers (the window,
    an import, a workshop merge); storage.summaries.differences() recomputes and compares.
    """
    _run(
        db,
        f"""
        CREATE TABLE assessment_summaries (
            assessment_id INTEGER PRIMARY KEY REFERENCES assessments (id) ON DELETE CASCADE,
            answered INTEGER NOT NULL DEFAULT 0,
            level_sum INTEGER NOT NULL DEFAULT 0,
            level_count INTEGER NOT NULL DEFAULT 0
        );
        INSERT INTO assessment_summaries (assessment_id, answered, level_sum, level_count)
            SELECT a.id,
                   (SELECT count(*) FROM answers w WHERE w.assessment_id = a.id AND w.grp = ''
                        AND (w.level IS NOT NULL OR w.special IS NOT NULL)),
                   (SELECT coalesce(sum(w.level), 0) FROM answers w WHERE w.assessment_id = a.id AND w.grp = ''),
                   (SELECT count(w.level) FROM answers w WHERE w.assessment_id = a.id AND w.grp = '')
            FROM assessments a;
        CREATE TRIGGER assessment_summary_new AFTER INSERT ON assessments BEGIN
            INSERT OR IGNORE INTO assessment_summaries (assessment_id) VALUES (new.id);
        END;
        CREATE TRIGGER answer_summary_insert AFTER INSERT ON answers BEGIN
            {_summary_change("new", "+")};
        END;
        CREATE TRIGGER answer_summary_delete AFTER DELETE ON answers BEGIN
            {_summary_change("old", "-")};
        END;
        CREATE TRIGGER answer_summary_update AFTER UPDATE OF assessment_id, grp, level, special ON answers BEGIN
            {_summary_change("old", "-")};
            {_summary_change("new", "+")};
        END
        """,
    )


_FORM_INDICATORS = """
    SELECT f.id, f.version, json_extract(i.value, '$.id'), json_extract(a.value, '$.id'),
           json_extract(i.value, '$.default_target')
    FROM forms f, json_each(f.body, '$.areas') a, json_each(a.value, '$.indicators') i"""

# The area and default target of the indicator an answer row ({r}) belongs to.
_INDICATOR_OF = """(SELECT fi.{column} FROM assessments x JOIN form_indicators fi
    ON fi.form_id = x.form_id AND fi.version = x.form_version AND fi.indicator_id = {r}.indicator_id
    WHERE x.id = {r}.assessment_id)"""
# core.scoring.target_for in SQL before target policies (schema step 7 as it shipped; step 10 replaced it).
_GAP = """(CASE WHEN {r}.level IS NULL THEN 0
    WHEN {r}.target IS NOT NULL THEN max({r}.target, {r}.level) - {r}.level
    WHEN coalesce({dt}, 0) > {r}.level THEN {dt} - {r}.level
    ELSE min({r}.level + 1, 5) - {r}.level END)"""


def _form_indicator_triggers(select: str) -> str:
    """The two triggers that keep ``form_indicators`` as forms are stored and their bodies change."""
    return f"""CREATE TRIGGER form_indicators_new AFTER INSERT ON forms BEGIN
            INSERT OR IGNORE INTO form_indicators {select}
                WHERE f.id = new.id AND f.version = new.version;
        END;
        CREATE TRIGGER form_indicators_changed AFTER UPDATE OF body ON forms BEGIN
            DELETE FROM form_indicators WHERE form_id = new.id AND version = new.version;
            INSERT OR IGNORE INTO form_indicators {select}
                WHERE f.id = new.id AND f.version = new.version;
        END"""


def _answer_area_triggers(change: Callable[[str, str], str]) -> str:
    """The three triggers that keep the area sums as answers are added, removed and changed.

    Each schema step that changed how a sum is kept drops them and creates them again with
    its own ``change(row, sign)``; the triggers around them stay the same.
    """
    return f"""CREATE TRIGGER answer_area_insert AFTER INSERT ON answers BEGIN
            {change("new", "+")};
        END;
        CREATE TRIGGER answer_area_delete AFTER DELETE ON answers BEGIN
            {change("old", "-")};
        END;
        CREATE TRIGGER answer_area_update AFTER UPDATE OF assessment_id, indicator_id, grp, level, special, target
            ON answers BEGIN
            {change("old", "-")};
            {change("new", "+")};
        END"""


def _area_change(row: str, sign: str, gap: str | None = None) -> str:
    """The trigger body keeping one assessment × area's sums as ``row`` is added (+) or removed (-).

    ``gap`` is the row's gap as SQL; by default step 7's rule (current + 1 or the form default).
    """
    area = _INDICATOR_OF.format(column="area_id", r=row)
    if gap is None:
        gap = _GAP.format(r=row, dt=_INDICATOR_OF.format(column="default_target", r=row))
    # Not INSERT OR IGNORE: inside a trigger fired by an upsert, SQLite applies the outer
    # statement's conflict handling instead, and the insert fails on an existing row.
    return f"""
        INSERT INTO assessment_area_scores (assessment_id, area_id)
            SELECT {row}.assessment_id, {area} WHERE {row}.grp = '' AND {area} IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM assessment_area_scores k
                                WHERE k.assessment_id = {row}.assessment_id AND k.area_id = {area});
        UPDATE assessment_area_scores SET
            level_sum = level_sum {sign} coalesce({row}.level, 0),
            scored = scored {sign} ({row}.level IS NOT NULL),
            gap_sum = gap_sum {sign} {gap},
            not_applicable = not_applicable {sign} ({row}.special IS 'na'),
            unknown = unknown {sign} ({row}.special IS 'unknown')
        WHERE {row}.grp = '' AND assessment_id = {row}.assessment_id AND area_id = {area}"""


def v7_area_scores(db: sqlite_utils.Database) -> None:
    """Per assessment × area sums for the HQ portfolio, kept up to date by triggers as answers change.

    The portfolio used to read every answer of every selected assessment at each opening
    (2.3 s of its 5 s at 20,000 assessments). ``form_indicators`` lists each stored
    questionnaire's indicators with their area and default target (filled by a trigger
    when a questionnaire is stored); the sums follow the target rule of core.scoring.
    storage.summaries.differences() recounts and compares them in the tests.
    """
    _run(
        db,
        f"""
        CREATE TABLE form_indicators (
            form_id TEXT NOT NULL, version TEXT NOT NULL, indicator_id TEXT NOT NULL,
            area_id TEXT NOT NULL, default_target INTEGER,
            PRIMARY KEY (form_id, version, indicator_id)
        ) WITHOUT ROWID;
        INSERT OR IGNORE INTO form_indicators {_FORM_INDICATORS};
        CREATE TRIGGER form_indicators_new AFTER INSERT ON forms BEGIN
            INSERT OR IGNORE INTO form_indicators {_FORM_INDICATORS} WHERE f.id = new.id AND f.version = new.version;
        END;
        CREATE TABLE assessment_area_scores (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            area_id TEXT NOT NULL,
            level_sum INTEGER NOT NULL DEFAULT 0, scored INTEGER NOT NULL DEFAULT 0,
            gap_sum INTEGER NOT NULL DEFAULT 0, not_applicable INTEGER NOT NULL DEFAULT 0,
            unknown INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (assessment_id, area_id)
        ) WITHOUT ROWID;
        INSERT INTO assessment_area_scores
            SELECT w.assessment_id, fi.area_id, coalesce(sum(w.level), 0), count(w.level),
                   coalesce(sum({_GAP.format(r="w", dt="fi.default_target")}), 0),
                   sum(w.special IS 'na'), sum(w.special IS 'unknown')
            FROM answers w JOIN assessments a ON a.id = w.assessment_id
            JOIN form_indicators fi ON fi.form_id = a.form_id AND fi.version = a.form_version
                 AND fi.indicator_id = w.indicator_id
            WHERE w.grp = '' GROUP BY w.assessment_id, fi.area_id;
        {_answer_area_triggers(_area_change)}
        """,
    )


def v8_lineage(db: sqlite_utils.Database) -> None:
    """Each assessment's lineage, and where a questionnaire came from.

    ``lineage`` is a JSON list of the content hashes of the published revisions the
    assessment descends from, oldest first: an import compares it with a file's own
    lineage to tell newer from older from divergent. ``forms.origin`` is '' for a
    questionnaire installed with the app or a form file, else ``file:NAME`` for one
    that arrived inside a workbook and serves only the assessments that came with it.
    """
    _run(
        db,
        """
        ALTER TABLE assessments ADD COLUMN lineage TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE forms ADD COLUMN origin TEXT NOT NULL DEFAULT ''
        """,
    )


def v9_assessment_scope(db: sqlite_utils.Database) -> None:
    """What an assessment covers: a crossing point (every assessment so far), a governorate, or the country.

    A national workshop is no longer typed in as if it were a site.
    """
    _run(
        db,
        """
        ALTER TABLE assessments ADD COLUMN scope TEXT NOT NULL DEFAULT 'crossing-point'
            CHECK (scope IN ('crossing-point', 'governorate', 'national'))
        """,
    )


def policy_target_sql(level: str, policy: str, phase: str, default_target: str) -> str:
    """core.targets.policy_target in SQL: the target a policy sets at ``level`` (SQL expressions)."""
    return f"""(CASE {policy}
        WHEN 'reach-3' THEN max(3, {level})
        WHEN 'reach-4-emergency' THEN max(CASE WHEN {phase} = 'emergency' THEN 4 ELSE 3 END, {level})
        ELSE CASE WHEN coalesce({default_target}, 0) > {level} THEN {default_target}
                  ELSE min({level} + 1, 5) END END)"""


def answer_target_sql(r: str, policy: str, phase: str, default_target: str) -> str:
    """core.targets.answer_target in SQL for the answer row ``r``: typed, else the policy's; NULL without a level."""
    return (f"(CASE WHEN {r}.level IS NULL THEN NULL WHEN {r}.target IS NOT NULL THEN max({r}.target, {r}.level) "
            f"ELSE {policy_target_sql(f'{r}.level', policy, phase, default_target)} END)")


def gap_sql(r: str, policy: str, phase: str, default_target: str) -> str:
    """The gap of the answer row ``r`` (0 without a level), as the area sums keep it since step 10."""
    return f"coalesce({answer_target_sql(r, policy, phase, default_target)} - {r}.level, 0)"


_POLICY_OF = "(SELECT x.target_policy FROM assessments x WHERE x.id = {r}.assessment_id)"


def _area_change_v10(row: str, sign: str) -> str:
    gap = gap_sql(row, _POLICY_OF.format(r=row), _INDICATOR_OF.format(column="phase", r=row),
                  _INDICATOR_OF.format(column="default_target", r=row))
    return _area_change(row, sign, gap)


# Each answer's gap under its assessment's policy, summed per assessment × area (also storage.summaries' recount).
AREA_GAPS = f"""
    SELECT w.assessment_id, fi.area_id,
           coalesce(sum({gap_sql("w", "a.target_policy", "fi.phase", "fi.default_target")}), 0) AS gap_sum
    FROM answers w JOIN assessments a ON a.id = w.assessment_id
    JOIN form_indicators fi ON fi.form_id = a.form_id AND fi.version = a.form_version
         AND fi.indicator_id = w.indicator_id
    WHERE w.grp = ''"""

_FORM_INDICATORS_V10 = """
    SELECT f.id, f.version, json_extract(i.value, '$.id'), json_extract(a.value, '$.id'),
           json_extract(i.value, '$.default_target'),
           coalesce(json_extract(i.value, '$.phase'), json_extract(i.value, '$.phases[0]'))
    FROM forms f, json_each(f.body, '$.areas') a, json_each(a.value, '$.indicators') i"""


def v10_target_policy(db: sqlite_utils.Database) -> None:
    """An assessment-wide target policy (core.targets), and the area gap sums kept under it.

    ``form_indicators`` gains each indicator's primary phase ("reach 4 on emergency-phase
    indicators" reads it). Copies of shipped questionnaires stored before the forms declared
    primary phases and scopes take them from the app's copy when they mean the same.
    """
    import json

    from hbm_assess.core.questionnaire import form_from_data, shipped_form

    for form_id, version, body in db.execute("SELECT id, version, body FROM forms").fetchall():
        shipped = shipped_form((form_id, version))
        if shipped is None:
            continue
        stored = form_from_data(json.loads(body), f"{form_id} {version} (stored)")
        if stored.meaning() == shipped.meaning() and stored.to_dict() != shipped.to_dict():
            db.execute("UPDATE forms SET body = ? WHERE id = ? AND version = ?",
                       (json.dumps(shipped.to_dict(), ensure_ascii=False), form_id, version))
    _run(
        db,
        f"""
        ALTER TABLE assessments ADD COLUMN target_policy TEXT NOT NULL DEFAULT 'next-level'
            CHECK (target_policy IN ('next-level', 'reach-3', 'reach-4-emergency'));
        ALTER TABLE form_indicators ADD COLUMN phase TEXT;
        DELETE FROM form_indicators;
        INSERT OR IGNORE INTO form_indicators {_FORM_INDICATORS_V10};
        DROP TRIGGER form_indicators_new;
        {_form_indicator_triggers(_FORM_INDICATORS_V10)};
        DROP TRIGGER answer_area_insert;
        DROP TRIGGER answer_area_delete;
        DROP TRIGGER answer_area_update;
        {_answer_area_triggers(_area_change_v10)};
        CREATE TRIGGER assessment_policy_update AFTER UPDATE OF target_policy ON assessments BEGIN
            UPDATE assessment_area_scores SET gap_sum = coalesce(
                (SELECT g.gap_sum FROM ({AREA_GAPS} AND w.assessment_id = new.id
                                        GROUP BY w.assessment_id, fi.area_id) g
                 WHERE g.area_id = assessment_area_scores.area_id), 0)
            WHERE assessment_id = new.id;
        END
        """,
    )


def v11_workshop_outputs(db: sqlite_utils.Database) -> None:
    """What break-out groups bring back besides scores: challenges, strategy directions, contributions.

    ``area_id`` is '' for the whole assessment; ``grp`` is the group that wrote it ('' for the
    facilitator); ``uuid`` identifies an output across laptops, so a merge never duplicates it.
    """
    _run(
        db,
        """
        CREATE TABLE workshop_outputs (
            id INTEGER PRIMARY KEY,
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            uuid TEXT NOT NULL,
            area_id TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL CHECK (kind IN ('challenge', 'strategy', 'contribution')),
            text TEXT NOT NULL,
            institution TEXT NOT NULL DEFAULT '',
            indicators TEXT NOT NULL DEFAULT '[]',
            actions TEXT NOT NULL DEFAULT '[]',
            grp TEXT NOT NULL DEFAULT '',
            updated_at TEXT NOT NULL,
            UNIQUE (assessment_id, uuid)
        )
        """,
    )


_FORM_INDICATORS_V12 = """
    SELECT f.id, f.version, json_extract(i.value, '$.id'), json_extract(a.value, '$.id'),
           json_extract(i.value, '$.default_target'),
           coalesce(json_extract(i.value, '$.phase'), json_extract(i.value, '$.phases[0]')),
           coalesce(json_extract(i.value, '$.scope'), 'post')
    FROM forms f, json_each(f.body, '$.areas') a, json_each(a.value, '$.indicators') i"""

# Each answer's sums per assessment × area × indicator scope: the migration's fill, the policy
# trigger's gaps and storage.summaries' recount.
AREA_SCOPE_SUMS = f"""
    SELECT w.assessment_id, fi.area_id, fi.scope, coalesce(sum(w.level), 0), count(w.level),
           coalesce(sum({gap_sql("w", "a.target_policy", "fi.phase", "fi.default_target")}), 0),
           sum(w.special IS 'na'), sum(w.special IS 'unknown')
    FROM answers w JOIN assessments a ON a.id = w.assessment_id
    JOIN form_indicators fi ON fi.form_id = a.form_id AND fi.version = a.form_version
         AND fi.indicator_id = w.indicator_id
    WHERE w.grp = ''"""


def _area_scope_change(row: str, sign: str) -> str:
    """The trigger body keeping one assessment × area × scope's sums as ``row`` is added (+) or removed (-)."""
    area = _INDICATOR_OF.format(column="area_id", r=row)
    scope = _INDICATOR_OF.format(column="scope", r=row)
    gap = gap_sql(row, _POLICY_OF.format(r=row), _INDICATOR_OF.format(column="phase", r=row),
                  _INDICATOR_OF.format(column="default_target", r=row))
    return f"""
        INSERT INTO assessment_area_scores (assessment_id, area_id, scope)
            SELECT {row}.assessment_id, {area}, {scope} WHERE {row}.grp = '' AND {area} IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM assessment_area_scores k WHERE k.assessment_id = {row}.assessment_id
                                AND k.area_id = {area} AND k.scope = {scope});
        UPDATE assessment_area_scores SET
            level_sum = level_sum {sign} coalesce({row}.level, 0),
            scored = scored {sign} ({row}.level IS NOT NULL),
            gap_sum = gap_sum {sign} {gap},
            not_applicable = not_applicable {sign} ({row}.special IS 'na'),
            unknown = unknown {sign} ({row}.special IS 'unknown')
        WHERE {row}.grp = '' AND assessment_id = {row}.assessment_id AND area_id = {area} AND scope = {scope}"""


def v12_area_scores_by_scope(db: sqlite_utils.Database) -> None:
    """The kept area sums split by indicator scope (post or national, #17).

    The portfolio ranks posts on post-level indicators and shows national ones once per
    country: a national law scored at each post must not move that post's area means.
    ``form_indicators`` gains each indicator's scope; the sums are recomputed from the answers.
    """
    _run(
        db,
        f"""
        ALTER TABLE form_indicators ADD COLUMN scope TEXT NOT NULL DEFAULT 'post';
        DELETE FROM form_indicators;
        INSERT OR IGNORE INTO form_indicators {_FORM_INDICATORS_V12};
        DROP TRIGGER form_indicators_new;
        DROP TRIGGER form_indicators_changed;
        {_form_indicator_triggers(_FORM_INDICATORS_V12)};
        DROP TRIGGER answer_area_insert;
        DROP TRIGGER answer_area_delete;
        DROP TRIGGER answer_area_update;
        DROP TRIGGER assessment_policy_update;
        DROP TABLE assessment_area_scores;
        CREATE TABLE assessment_area_scores (
            assessment_id INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
            area_id TEXT NOT NULL,
            scope TEXT NOT NULL DEFAULT 'post',
            level_sum INTEGER NOT NULL DEFAULT 0, scored INTEGER NOT NULL DEFAULT 0,
            gap_sum INTEGER NOT NULL DEFAULT 0, not_applicable INTEGER NOT NULL DEFAULT 0,
            unknown INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (assessment_id, area_id, scope)
        ) WITHOUT ROWID;
        INSERT INTO assessment_area_scores {AREA_SCOPE_SUMS} GROUP BY w.assessment_id, fi.area_id, fi.scope;
        {_answer_area_triggers(_area_scope_change)};
        CREATE TRIGGER assessment_policy_update AFTER UPDATE OF target_policy ON assessments BEGIN
            UPDATE assessment_area_scores SET gap_sum = coalesce(
                (SELECT g.gap_sum FROM ({AREA_GAPS_BY_SCOPE} AND w.assessment_id = new.id
                                        GROUP BY w.assessment_id, fi.area_id, fi.scope) g
                 WHERE g.area_id = assessment_area_scores.area_id AND g.scope = assessment_area_scores.scope), 0)
            WHERE assessment_id = new.id;
        END
        """,
    )


AREA_GAPS_BY_SCOPE = f"""
    SELECT w.assessment_id, fi.area_id, fi.scope,
           coalesce(sum({gap_sql("w", "a.target_policy", "fi.phase", "fi.default_target")}), 0) AS gap_sum
    FROM answers w JOIN assessments a ON a.id = w.assessment_id
    JOIN form_indicators fi ON fi.form_id = a.form_id AND fi.version = a.form_version
         AND fi.indicator_id = w.indicator_id
    WHERE w.grp = ''"""


def v13_national_index(db: sqlite_utils.Database) -> None:
    """An index to find a country's national assessments (``Store.national_assessment_for``).

    A crossing point's national indicators are read from its country's national assessment,
    looked up each time one of them is shown. Without the index the lookup read every
    assessment: 1-1.8 ms at 2,000 on the GUI thread, ten times that at HQ's 20,000 (#20).
    Partial: only national assessments are in it.
    """
    _run(db, "CREATE INDEX assessments_national ON assessments (country, form_id) WHERE scope = 'national'")


def v14_choices_index(db: sqlite_utils.Database) -> None:
    """A covering index for the portfolio's filter choices (``portfolio.choices``).

    The portfolio reads the countries, site types, statuses, questionnaires and dates present
    on the GUI thread as it opens. Read from the table they took 5-7 ms at 2,000 assessments
    and 50-130 ms at HQ's 20,000; from this index, in one pass, 9 ms at 20,000 (#20). None of
    its columns changes as answers are saved, so saving writes nothing more.
    """
    _run(db, "CREATE INDEX assessments_choices "
             "ON assessments (deleted_at, country, site_type, status, form_id, form_version, date)")


STEPS = [v1_initial, v2_recoverable_delete_and_seal, v3_exchange, v4_workshop_groups, v5_portfolio_index,
         v6_assessment_summaries, v7_area_scores, v8_lineage, v9_assessment_scope,
         v10_target_policy, v11_workshop_outputs, v12_area_scores_by_scope, v13_national_index,
         v14_choices_index]
VERSION = len(STEPS)
