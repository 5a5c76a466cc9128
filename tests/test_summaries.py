"""The assessment list's counts are kept by triggers; whatever writes the answers, they match a recount."""

from __future__ import annotations

import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.storage import summaries, workshop
from hbm_assess.storage.store import Store

INDICATORS = ("REG-01", "REG-02", "OPS-01")
answers = st.builds(
    Answer,
    indicator_id=st.sampled_from(INDICATORS),
    level=st.one_of(st.none(), st.integers(1, 5)),
    target=st.one_of(st.none(), st.integers(1, 5)),
    group=st.sampled_from(["", "", "Legal"]),
    notes=st.text(alphabet="ab yz", max_size=5),  # what the rule lets through; refusals: test_cli_answers.py
)
steps = st.lists(st.tuples(st.sampled_from(["save", "special", "clear", "duplicate", "delete"]), answers),
                 max_size=25)


def _fresh(tmp_path_factory, mini_form) -> tuple[Store, int]:
    store = Store.open(tmp_path_factory.mktemp("s") / "s.sqlite")
    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ")), mini_form,
                                   [Answer("REG-01", level=2)])
    return store, made


@settings(max_examples=40, deadline=None)
@given(steps=steps)
def test_kept_counts_match_a_recount_after_any_writes(tmp_path_factory, mini_form, steps):
    store, made = _fresh(tmp_path_factory, mini_form)
    ids = [made]
    for kind, answer in steps:
        target = ids[-1]
        if kind == "save":
            store.upsert_answer_row(target, answer) if answer.group else store.save_answer(target, answer)
        elif kind == "special":
            store.save_answer(target, Answer(answer.indicator_id, special="na" if answer.notes else "unknown"))
        elif kind == "clear":
            store.clear_answer(target, answer.indicator_id, answer.group)
        elif kind == "duplicate":
            ids.append(store.duplicate_assessment(target, "2026-12-01"))
        elif kind == "delete":
            store.db.execute("DELETE FROM assessments WHERE id = ?", (ids.pop(),)) if len(ids) > 1 else None
    assert summaries.differences(store) == []
    assert summaries.area_differences(store) == []
    store.close()


def test_a_workshop_merge_and_a_hand_count_agree(tmp_path, mini_form):
    store = Store.open(tmp_path / "w.sqlite")
    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Erbil", "IQ")), mini_form)
    workshop.replace_group_answers(store, made, "Legal", [Answer("REG-01", level=1), Answer("REG-02", level=5)],
                                   1, "h1")
    # Indicators scored by one group only are adopted: two answered, mean (1 + 5) / 2.
    assert (store.summary(made).answered, store.summary(made).mean_level) == (2, 3.0)
    assert summaries.differences(store) == []
    store.save_answer(made, Answer("REG-01", level=2))
    store.save_answer(made, Answer("REG-02", level=5))
    store.save_answer(made, Answer("OPS-01", special="na"))
    summary = store.summary(made)
    assert (summary.answered, summary.mean_level) == (3, 3.5)  # N/A answered, not scored: (2 + 5) / 2
    assert summaries.differences(store) == []
    store.close()


def test_an_older_database_gets_its_counts_when_it_is_upgraded(tmp_path):
    from pathlib import Path

    old = tmp_path / "old.sqlite"
    old.write_bytes((Path(__file__).parent / "fixtures" / "schema-v1.sqlite").read_bytes())
    store = Store.open(old)
    assert summaries.differences(store) == []
    assert summaries.area_differences(store) == []  # step 12 recomputed the sums by scope from the answers
    rows = store.list_assessments()
    counted = sqlite3.connect(old).execute(
        "SELECT count(*) FROM answers WHERE grp = '' AND (level IS NOT NULL OR special IS NOT NULL)").fetchone()[0]
    assert sum(r.answered for r in rows) == counted
    store.close()


def test_the_area_sums_by_scope_match_a_recount_after_saves_imports_deletes_and_policy_changes(tmp_path):
    """#17: the kept sums split post-level from national indicators; the triggers agree with the answers."""
    from dataclasses import replace

    from hbm_assess.exchange.export import export_assessment
    from hbm_assess.exchange.importing import import_paths
    from hbm_assess.operations import shipped_forms

    form = next(f for f in shipped_forms() if (f.id, f.version) == ("hbm-detailed", "1.1"))
    store = Store.open(tmp_path / "a.sqlite")
    site = Site("Rabia", "IQ", "land", reference_id="rabia")
    made = store.create_assessment(Assessment(form.id, form.version, site, date="2025-01-01"), form,
                                   [Answer("REG-01", level=1), Answer("OPS-01", level=3, target=5)])
    store.save_answer(made, Answer("INF-05", level=2))    # national
    store.save_answer(made, Answer("INF-01", level=4))    # post-level
    store.save_answer(made, Answer("COO-01", special="na"))
    store.save_answer(made, Answer("REG-01", level=4))    # changed
    store.clear_answer(made, "OPS-01")
    assert summaries.area_differences(store) == []
    kept = {(area, scope): (level_sum, scored, na) for area, scope, level_sum, scored, na in store.db.execute(
        "SELECT area_id, scope, level_sum, scored, not_applicable FROM assessment_area_scores "
        "WHERE assessment_id = ?", (made,))}
    assert {key: value for key, value in kept.items() if value != (0, 0, 0)} == {
        ("REG", "national"): (4, 1, 0), ("INF", "national"): (2, 1, 0), ("INF", "post"): (4, 1, 0),
        ("COO", "national"): (0, 0, 1)}
    store.update_assessment(replace(store.assessment(made), target_policy="reach-4-emergency"))
    assert summaries.area_differences(store) == []
    workbook = export_assessment(store, made, tmp_path / "rabia.xlsx")
    second = store.duplicate_assessment(made, "2025-06-01")
    store.db.execute("DELETE FROM assessments WHERE id = ?", (made,))
    assert summaries.area_differences(store) == []
    store.update_assessment(replace(store.assessment(second), target_policy="reach-3"))
    assert summaries.area_differences(store) == []
    store.close()
    other = Store.open(tmp_path / "b.sqlite")
    import_paths(other, [workbook])
    assert other.list_assessments() and summaries.area_differences(other) == []
    assert other.db.execute("SELECT count(DISTINCT scope) FROM assessment_area_scores").fetchone()[0] == 2
    other.close()
