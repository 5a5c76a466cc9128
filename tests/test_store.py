"""The store: answers committed and read back, revisions, final, bin, follow-ups, opening safely."""

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.storage import schema
from hbm_assess.storage.database import DatabaseTooNew, NotADatabase
from hbm_assess.storage.store import NotFound, Store, StoreError

FIXTURES = Path(__file__).parent / "fixtures"


def test_saved_answer_is_read_back_by_another_connection(store, mini_assessment):
    answer = Answer("REG-01", level=3, target=4, evidence_type="law", evidence_reference="Law 76/2017",
                    evidence_text="Article 12 covers mass influx.\nSeen in the legal office.",
                    confidence="high", notes="ملاحظة", answered_by="Layla Hassan")
    saved_at = store.save_answer(mini_assessment, answer)
    other = Store.open(store.path)
    stored = other.answers(mini_assessment)["REG-01"]
    other.close()
    assert stored == replace(answer, updated_at=saved_at)


def test_pragmas_make_every_commit_durable(store):
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION


def test_answer_can_change_between_level_and_not_applicable(store, mini_assessment):
    store.save_answer(mini_assessment, Answer("OPS-01", level=2))
    store.save_answer(mini_assessment, Answer("OPS-01", special="na"))
    stored = store.answers(mini_assessment)["OPS-01"]
    assert (stored.level, stored.special) == (None, "na")
    store.clear_answer(mini_assessment, "OPS-01")
    assert "OPS-01" not in store.answers(mini_assessment)


def test_summary_counts_completeness_and_mean_in_sql(store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    store.save_answer(mini_assessment, Answer("REG-02", level=5))
    store.save_answer(mini_assessment, Answer("OPS-02", special="unknown"))
    row = store.summary(mini_assessment)
    assert (row.answered, row.total) == (3, 4)
    assert row.mean_level == pytest.approx(3.5)  # Unknown is not a score
    assert row.to_dict()["completeness"] == 0.75


def test_list_searches_and_hides_the_bin(store, mini_assessment):
    assert [r.id for r in store.list_assessments(search="Ibrahim")] == [mini_assessment]
    assert store.list_assessments(search="Safwan") == []
    store.delete_assessment(mini_assessment)
    assert store.list_assessments() == []
    assert store.list_assessments(include_deleted=True)[0].deleted
    store.restore_assessment(mini_assessment)
    assert [r.id for r in store.list_assessments()] == [mini_assessment]


def test_revision_rises_on_the_first_change_after_export_only(store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    store.save_answer(mini_assessment, Answer("REG-02", level=2))
    assert store.assessment(mini_assessment).revision == 1
    store.seal(mini_assessment)  # exported
    store.save_answer(mini_assessment, Answer("REG-01", level=3))
    store.save_answer(mini_assessment, Answer("REG-02", level=3))
    assert store.assessment(mini_assessment).revision == 2


def test_final_assessment_refuses_changes_until_reopened_with_a_note(store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    store.mark_final(mini_assessment)
    with pytest.raises(StoreError, match="final"):
        store.save_answer(mini_assessment, Answer("REG-01", level=4))
    with pytest.raises(StoreError, match="say why"):
        store.reopen(mini_assessment, "  ")
    store.reopen(mini_assessment, "Evidence for REG-01 arrived")
    store.save_answer(mini_assessment, Answer("REG-01", level=4))
    reopened = store.assessment(mini_assessment)
    assert reopened.status == "draft" and reopened.revision == 2
    assert "Evidence for REG-01 arrived" in reopened.notes


def test_follow_up_copies_answers_under_a_new_identity(store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=2, evidence_text="baseline"))
    store.mark_final(mini_assessment)
    follow_up = store.duplicate_assessment(mini_assessment, "2027-05-01")
    original, copy = store.assessment(mini_assessment), store.assessment(follow_up)
    assert copy.uuid != original.uuid and copy.site == original.site
    assert (copy.status, copy.revision, copy.date) == ("draft", 1, "2027-05-01")
    assert store.answers(follow_up)["REG-01"].evidence_text == "baseline"
    store.save_answer(follow_up, Answer("REG-01", level=3))
    assert store.answers(mini_assessment)["REG-01"].level == 2


def test_actions_are_added_changed_and_removed(store, mini_assessment):
    action = Action("Draft mass-influx SOP", indicators=("OPS-01",), responsible="MoI", partners=("IOM",),
                    priority="high", timeframe="3-months", cost=12000.0, currency="USD")
    action_id = store.save_action(mini_assessment, action)
    stored = store.actions(mini_assessment)[0]
    assert (stored.id, stored.title, stored.partners, stored.cost) == (action_id, action.title, ("IOM",), 12000.0)
    store.save_action(mini_assessment, replace(stored, status="done"))
    assert store.actions(mini_assessment)[0].status == "done"
    store.delete_action(mini_assessment, action_id)
    assert store.actions(mini_assessment) == []


def test_form_is_kept_in_the_database(store, mini_assessment, mini_form):
    assert store.form("mini", "1.0") == replace(mini_form, source="mini 1.0 (stored)")
    with pytest.raises(NotFound):
        store.form("mini", "9.9")


def test_a_multi_row_change_is_all_or_nothing(store, mini_form, monkeypatch):
    from hbm_assess.core.assessment import Assessment, Site

    calls = []
    original = Store.upsert_answer_row

    def failing(self, assessment_id, answer):
        calls.append(answer.indicator_id)
        if len(calls) == 2:
            raise OSError("disk full")
        original(self, assessment_id, answer)

    monkeypatch.setattr(Store, "upsert_answer_row", failing)
    with pytest.raises(OSError):
        store.create_assessment(
            Assessment("mini", "1.0", Site("Arar", "IQ")), mini_form,
            answers=[Answer("REG-01", level=1), Answer("REG-02", level=2)],
        )
    assert store.list_assessments(include_deleted=True) == []
    assert store.db.execute("SELECT count(*) FROM answers").fetchone()[0] == 0


def test_unknown_assessment_is_a_clear_error(store):
    with pytest.raises(NotFound, match="no assessment 999"):
        store.save_answer(999, Answer("REG-01", level=2))


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path):
    # It used to be "damaged" and renamed; it is the user's file (a typo in --db), not ours to move.
    path = tmp_path / "assessments.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(NotADatabase, match="a plain text file"):
        Store.open(path)
    assert path.read_bytes() == b"this is not a database" * 100
    assert sorted(p.name for p in tmp_path.iterdir()) == ["assessments.sqlite"]


def test_corrupted_pages_are_detected_by_quick_check(tmp_path, store, mini_assessment):
    for i in range(200):
        store.save_answer(mini_assessment, Answer("REG-01", level=1 + i % 5, group=f"g{i}", notes="x" * 500))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(store.path.read_bytes())
    page = 4096
    for offset in range(3 * page + 100, len(data) - page, page):
        data[offset:offset + 4000] = b"\xff" * 4000  # scribble over every page after the first few
    store.path.write_bytes(bytes(data))
    reopened = Store.open(store.path)
    assert reopened.open_report.moved_aside is not None
    reopened.close()


def test_database_from_a_newer_app_is_refused_untouched(tmp_path):
    path = tmp_path / "future.sqlite"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseTooNew, match="newer version of HBM Assess"):
        Store.open(path)
    assert path.read_bytes() == before


def test_first_schema_is_migrated_with_a_backup_and_data_kept(tmp_path):
    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema-v1.sqlite", path)
    opened = Store.open(path)
    report = opened.open_report
    assert report.migrated_from == 1
    backup = sqlite3.connect(report.backup)
    assert backup.execute("PRAGMA user_version").fetchone()[0] == 1
    backup.close()
    row = opened.summary(1)
    assert (row.site_name, row.status, row.revision, row.answered, row.mean_level) == ("Trebil", "final", 2, 2, 3)
    assert opened.answers(1)["REG-01"].evidence_text == "Law 76 of 2017"
    opened.delete_assessment(1)  # the column added by step 2 works
    assert opened.list_assessments() == []
    assert opened.db.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    opened.close()


def test_failed_migration_step_leaves_the_old_schema(tmp_path):
    import sqlite_utils

    from hbm_assess.storage.database import migrate

    path = tmp_path / "old.sqlite"
    shutil.copy(FIXTURES / "schema-v1.sqlite", path)
    db = sqlite_utils.Database(sqlite3.connect(path))

    def broken_step(db):
        db.execute("ALTER TABLE assessments ADD COLUMN half_done TEXT")
        raise RuntimeError("power cut")

    with pytest.raises(RuntimeError):
        migrate(db, 1, steps=[schema.v1_initial, broken_step])
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "half_done" not in db["assessments"].columns_dict
    db.close()


def test_same_site_assessments_are_offered_for_comparison(store, mini_assessment, mini_form):
    from hbm_assess.core.assessment import Assessment, Site

    follow_up = store.duplicate_assessment(mini_assessment, "2027-01-01")
    store.create_assessment(Assessment("mini", "1.0", Site("Safwan", "IQ")), mini_form)
    assert [r.id for r in store.same_site_assessments(follow_up)] == [mini_assessment]
    assert [r.id for r in store.same_site_assessments(mini_assessment)] == [follow_up]


def test_forms_read_ahead_in_a_thread_are_the_ones_an_assessment_opens_with(tmp_path, mini_form, monkeypatch):
    """The start's warm-up parses the stored questionnaires on a connection of its own (#20)."""
    import threading

    from hbm_assess.storage import store as store_module

    path = tmp_path / "ahead.sqlite"
    writer = Store.open(path)
    writer.install_form(mini_form)
    writer.close()
    opened = Store.open(path)
    try:
        worker = threading.Thread(target=opened.read_forms_ahead)
        worker.start()
        worker.join()
        parsed = []
        real = store_module.form_from_data
        monkeypatch.setattr(store_module, "form_from_data", lambda *a: parsed.append(a) or real(*a))
        form = opened.form(mini_form.id, mini_form.version)
        assert parsed == []  # ready: not parsed again where the assessment opens
        assert form.key == mini_form.key and [i.id for i in form.indicators()] == [
            i.id for i in mini_form.indicators()]
    finally:
        opened.close()


def test_a_crossing_point_finds_its_country_s_national_assessment_through_an_index(store, mini_form):
    """Looked up each time a national indicator is shown: it must not read every assessment (#20)."""
    from hbm_assess.core.assessment import Assessment, Site
    from hbm_assess.storage.store import NATIONAL_FOR

    def make(name, country, scope):
        return store.create_assessment(Assessment(mini_form.id, mini_form.version, Site(name, country, "land"),
                                                  date="2026-11-20", scope=scope), mini_form)

    post = make("Ibrahim Khalil", "IQ", "crossing-point")
    elsewhere = make("Habur", "TR", "national")
    national = make("Baghdad meeting", "IQ", "national")
    assert store.national_assessment_for(post).id == national
    assert elsewhere != national
    plan = " ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + NATIONAL_FOR, (post,)))
    assert "USING INDEX assessments_national" in plan, plan
