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
    rows = store.list_assessments()
    counted = sqlite3.connect(old).execute(
        "SELECT count(*) FROM answers WHERE grp = '' AND (level IS NOT NULL OR special IS NOT NULL)").fetchone()[0]
    assert sum(r.answered for r in rows) == counted
    store.close()
