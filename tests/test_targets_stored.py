"""The area gap sums kept in the database follow each assessment's target policy (worked out by hand)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.storage import summaries
from hbm_assess.storage.store import StoreError

# Mini form primary phases: REG-01 pre-crisis, REG-02 emergency (form default target 4),
# OPS-01 post-crisis, OPS-02 emergency.
ANSWERS = [Answer("REG-01", level=2), Answer("REG-02", level=3), Answer("OPS-01", level=1), Answer("OPS-02", level=1)]
# REG: REG-01 2→3 and REG-02 3→4 (the form's default) = 2; OPS: 1→2 twice = 2.
# reach-3: REG 1 + 0 = 1; OPS 2 + 2 = 4.
# reach-4-emergency: REG-01 2→3 (1), REG-02 3→4 (1) = 2; OPS-01 1→3 (2), OPS-02 1→4 (3) = 5.
EXPECTED = {"next-level": {"REG": 2, "OPS": 2}, "reach-3": {"REG": 1, "OPS": 4},
            "reach-4-emergency": {"REG": 2, "OPS": 5}}


def _gap_sums(store, assessment_id) -> dict[str, int]:
    return dict(store.db.execute("SELECT area_id, gap_sum FROM assessment_area_scores WHERE assessment_id = ?",
                                 (assessment_id,)).fetchall())


@pytest.mark.parametrize("policy", list(EXPECTED))
def test_area_gap_sums_follow_the_policy_chosen_at_creation(store, mini_form, policy):
    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ"),
                                              target_policy=policy), mini_form, ANSWERS)
    assert store.assessment(made).target_policy == policy
    assert _gap_sums(store, made) == EXPECTED[policy]
    assert summaries.area_differences(store) == []


def test_changing_the_policy_recounts_the_gaps_and_a_typed_target_still_wins(store, mini_form):
    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ")), mini_form,
                                   ANSWERS)
    store.update_assessment(replace(store.assessment(made), target_policy="reach-4-emergency"))
    assert _gap_sums(store, made) == {"REG": 2, "OPS": 5}
    store.save_answer(made, Answer("OPS-01", level=1, target=5))  # typed: 4 instead of the policy's 2
    assert _gap_sums(store, made) == {"REG": 2, "OPS": 7}
    assert summaries.area_differences(store) == []


def test_an_unknown_policy_is_refused_and_nothing_is_stored(store, mini_form):
    with pytest.raises(StoreError, match="the target policy 'reach-5' is not one of next-level, reach-3"):
        store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ"),
                                           target_policy="reach-5"), mini_form)
    assert store.list_assessments() == []


def test_the_policy_travels_in_the_workbook_and_the_default_keeps_older_hashes(tmp_path, store, mini_form):
    from workbooks import export

    from hbm_assess.exchange.hashing import assessment_record
    from hbm_assess.exchange.importing import import_paths
    from hbm_assess.storage.store import Store

    made = store.create_assessment(Assessment(mini_form.id, mini_form.version, Site("Rabia", "IQ"),
                                              target_policy="reach-3"), mini_form, ANSWERS)
    path = export(store, made, tmp_path / "rabia.xlsx")
    hq = Store.open(tmp_path / "hq.sqlite")
    [result] = import_paths(hq, [path]).results
    assert result.outcome == "imported", result.message
    assert hq.assessment(result.assessment_id).target_policy == "reach-3"
    assert _gap_sums(hq, result.assessment_id) == EXPECTED["reach-3"]
    hq.close()
    assert "target_policy" not in assessment_record(Assessment(mini_form.id, mini_form.version, Site("Rabia")))
