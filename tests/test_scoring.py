"""Scores worked out by hand on the mini form, and properties that hold for any answers."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hbm_assess.core.assessment import Answer, AnswerError
from hbm_assess.core.scoring import (
    area_scores,
    completeness,
    gaps,
    overall_score,
    phase_scores,
    suggested_priorities,
    suggested_priority,
    target_for,
)
from hbm_assess.core.targets import policy_target, with_policy_targets


def _answers(*items):
    return {a.indicator_id: a for a in items}


# REG-01 level 2 (target 3 by default), REG-02 level 3 (form default target 4),
# OPS-01 level 4 target 5 with evidence, OPS-02 Not applicable.
HAND_MADE = _answers(
    Answer("REG-01", level=2),
    Answer("REG-02", level=3),
    Answer("OPS-01", level=4, target=5, evidence_type="sop"),
    Answer("OPS-02", special="na"),
)


def test_completeness_counts_na_as_answered(mini_form):
    c = completeness(mini_form, HAND_MADE)
    assert (c.answered, c.total, c.percent) == (4, 4, 100)
    c = completeness(mini_form, _answers(Answer("REG-01", level=1)))
    assert (c.answered, c.percent) == (1, 25)


def test_means_exclude_na_and_say_so(mini_form):
    overall = overall_score(mini_form, HAND_MADE)
    assert overall.mean_level == pytest.approx((2 + 3 + 4) / 3)
    assert overall.mean_target == pytest.approx((3 + 4 + 5) / 3)
    assert (overall.scored, overall.not_applicable, overall.unknown, overall.excluded) == (3, 1, 0, 1)
    areas = area_scores(mini_form, HAND_MADE)
    assert areas["REG"].mean_level == pytest.approx(2.5)
    assert areas["OPS"].mean_level == 4
    assert areas["OPS"].not_applicable == 1


def test_overall_is_mean_of_indicators_not_of_areas(mini_form):
    answers = _answers(Answer("REG-01", level=1), Answer("REG-02", level=1), Answer("OPS-01", level=4))
    assert overall_score(mini_form, answers).mean_level == pytest.approx(2.0)  # not (1 + 4) / 2


def test_unknown_and_unanswered_are_not_scored(mini_form):
    answers = _answers(Answer("REG-01", special="unknown"))
    overall = overall_score(mini_form, answers)
    assert overall.mean_level is None
    assert (overall.unknown, overall.unanswered) == (1, 3)


def test_phase_breakdown_counts_each_indicator_once_under_its_primary_phase(mini_form):
    """OPS-01 is tagged emergency and post-crisis, primary post-crisis: before, it counted in both bars."""
    phases = phase_scores(mini_form, HAND_MADE)
    assert (phases["pre-crisis"].mean_level, phases["pre-crisis"].indicators) == (2, 1)  # REG-01 only
    emergency = phases["emergency"]  # REG-02 3 (target 4), OPS-02 N/A
    assert (emergency.mean_level, emergency.mean_target, emergency.scored, emergency.not_applicable,
            emergency.indicators) == (3, 4, 1, 1, 2)
    post = phases["post-crisis"]  # OPS-01 4, target 5
    assert (post.mean_level, post.mean_target, post.indicators) == (4, 5, 1)
    assert sum(score.indicators for score in phases.values()) == mini_form.indicator_count


def test_gaps_use_entered_target_then_form_default_then_level_plus_one(mini_form):
    found = {g.indicator_id: g for g in gaps(mini_form, HAND_MADE)}
    assert (found["REG-01"].target, found["REG-01"].size) == (3, 1)
    assert (found["REG-02"].target, found["REG-02"].size) == (4, 1)  # default_target: 4 in the form
    assert (found["OPS-01"].target, found["OPS-01"].size) == (5, 1)
    assert "OPS-02" not in found


def test_gap_ranking_puts_largest_then_weakest_then_emergency_first(mini_form):
    answers = _answers(
        Answer("REG-01", level=2, target=3),  # gap 1, level 2, pre-crisis
        Answer("REG-02", level=2, target=3),  # gap 1, level 2, emergency -> before REG-01
        Answer("OPS-01", level=3, target=5),  # gap 2 -> first
        Answer("OPS-02", level=1, target=2),  # gap 1, level 1 -> second
    )
    assert [g.indicator_id for g in gaps(mini_form, answers)] == ["OPS-01", "OPS-02", "REG-02", "REG-01"]


def test_gap_ranking_puts_largest_then_furthest_below_developed_then_emergency_first(mini_form):
    """Levels 3 and 4 are both 'not below developed': the emergency-phase one comes first, whatever its level."""
    answers = _answers(
        Answer("OPS-01", level=3, target=4),  # gap 1, 0 below 3, post-crisis
        Answer("OPS-02", level=4, target=5),  # gap 1, 0 below 3, emergency -> before OPS-01
    )
    assert [g.indicator_id for g in gaps(mini_form, answers)] == ["OPS-02", "OPS-01"]


def test_suggested_priorities_spread_by_thirds_of_the_ranked_list(mini_form):
    """Before: every gap of 2 and every weak emergency gap was High, so every top-5 gap was High.

    Ranked: REG-01 (gap 2), REG-02 (gap 1, 1 below 3), OPS-02 (gap 1, level 4, emergency),
    OPS-01 (gap 1, level 3, post-crisis). n = 4: High below position ceil(4/3) = 2,
    Medium below ceil(8/3) = 3, Low after.
    """
    found = gaps(mini_form, _answers(
        Answer("REG-01", level=1, target=3), Answer("REG-02", level=2, target=3),
        Answer("OPS-01", level=3, target=4), Answer("OPS-02", level=4, target=5),
    ))
    assert [g.indicator_id for g in found] == ["REG-01", "REG-02", "OPS-02", "OPS-01"]
    assert suggested_priorities(found) == {"REG-01": "high", "REG-02": "high", "OPS-02": "medium", "OPS-01": "low"}
    assert suggested_priority(found[2], found) == "medium"


def test_equally_urgent_gaps_share_the_priority_of_their_middle_position(mini_form):
    # All level 2 → 3. Emergency first: REG-02, OPS-02 (positions 0-1, middle 0: High);
    # then OPS-01, REG-01 (positions 2-3, middle 2: Medium, since 2 < ceil(8/3) = 3).
    found = gaps(mini_form, _answers(*(Answer(i, level=2) for i in ("REG-01", "REG-02", "OPS-01", "OPS-02"))))
    assert suggested_priorities(found) == {"REG-02": "high", "OPS-02": "high", "OPS-01": "medium",
                                           "REG-01": "medium"}
    # Two equal gaps alone: middle position 0 of 2 is High for both, never High and Medium.
    same = gaps(mini_form, _answers(*(Answer(i, level=2, target=3) for i in ("REG-01", "OPS-01"))))
    assert suggested_priorities(same) == {"REG-01": "high", "OPS-01": "high"}


@pytest.mark.parametrize(("policy", "phase", "level", "default", "expected"), [
    ("next-level", "pre-crisis", 1, None, 2), ("next-level", "emergency", 4, None, 5),
    ("next-level", "pre-crisis", 5, None, 5), ("next-level", "pre-crisis", 2, 4, 4),
    ("reach-3", "emergency", 1, None, 3), ("reach-3", "pre-crisis", 2, 4, 3), ("reach-3", "pre-crisis", 3, None, 3),
    ("reach-3", "pre-crisis", 4, None, 4),
    ("reach-4-emergency", "emergency", 1, None, 4), ("reach-4-emergency", "emergency", 3, None, 4),
    ("reach-4-emergency", "emergency", 5, None, 5), ("reach-4-emergency", "pre-crisis", 1, None, 3),
    ("reach-4-emergency", "post-crisis", 3, None, 3),
])
def test_each_target_policy_by_hand(policy, phase, level, default, expected):
    assert policy_target(policy, level, phase, default) == expected


def test_a_policy_fills_untyped_targets_and_a_typed_target_wins(mini_form):
    """Reach 4 on emergency-phase indicators, 3 elsewhere (primary phases: REG-01 pre-crisis, REG-02
    emergency, OPS-01 post-crisis, OPS-02 emergency)."""
    answers = _answers(Answer("REG-01", level=2), Answer("REG-02", level=3), Answer("OPS-01", level=1),
                       Answer("OPS-02", level=1))
    filled = with_policy_targets(mini_form, answers, "reach-4-emergency")
    assert {i: a.target for i, a in filled.items()} == {"REG-01": 3, "REG-02": 4, "OPS-01": 3, "OPS-02": 4}
    found = gaps(mini_form, filled)
    # OPS-02 gap 3; OPS-01 gap 2; REG-01 gap 1 and 1 below 3; REG-02 gap 1 at 3.
    assert [(g.indicator_id, g.size) for g in found] == [("OPS-02", 3), ("OPS-01", 2), ("REG-01", 1), ("REG-02", 1)]
    assert suggested_priorities(found) == {"OPS-02": "high", "OPS-01": "high", "REG-01": "medium", "REG-02": "low"}
    typed = with_policy_targets(mini_form, {"REG-01": Answer("REG-01", level=2, target=5)}, "reach-3")
    assert typed["REG-01"].target == 5
    assert with_policy_targets(mini_form, {"REG-01": Answer("REG-01", level=2)}, "reach-3")["REG-01"].target == 3
    assert answers["REG-01"].target is None, "the stored answers are left as they are"


def test_target_below_level_is_read_as_level():
    assert target_for(Answer("X-01", level=4, target=2)) == 4


def test_needs_evidence_only_for_high_levels_without_any():
    assert Answer("X-01", level=4).needs_evidence
    assert Answer("X-01", level=5, evidence_text="After-action report 2025").needs_evidence is False
    assert Answer("X-01", level=3).needs_evidence is False


@pytest.mark.parametrize("bad", [
    {"level": 0}, {"level": 6}, {"level": True}, {"level": 3, "special": "na"},
    {"special": "maybe"}, {"target": 9},
])
def test_impossible_answers_are_refused(bad):
    with pytest.raises(AnswerError):
        Answer("X-01", **bad)


answer_values = st.one_of(
    st.none(),
    st.builds(lambda level, target: Answer("?", level=level, target=target),
              st.integers(1, 5), st.one_of(st.none(), st.integers(1, 5))),
    st.sampled_from([Answer("?", special="na"), Answer("?", special="unknown")]),
)


@given(st.lists(answer_values, min_size=4, max_size=4))
def test_properties_hold_for_any_answers(mini_form, values):
    ids = [ind.id for ind in mini_form.indicators()]
    answers = {i: Answer(i, level=v.level, special=v.special, target=v.target)
               for i, v in zip(ids, values, strict=True) if v is not None}
    overall = overall_score(mini_form, answers)
    assert overall.scored + overall.excluded + overall.unanswered == mini_form.indicator_count
    if overall.mean_level is not None:
        assert 1 <= overall.mean_level <= overall.mean_target <= 5
    found = gaps(mini_form, answers)
    assert all(1 <= g.size <= 4 for g in found)
    assert [g.size for g in found] == sorted((g.size for g in found), reverse=True)
    areas = area_scores(mini_form, answers)
    assert sum(s.scored for s in areas.values()) == overall.scored


def test_comparison_counts_improved_same_worse_and_not_comparable(mini_form):
    from hbm_assess.core.comparison import compare

    earlier = _answers(Answer("REG-01", level=2), Answer("REG-02", level=3), Answer("OPS-01", level=4),
                       Answer("OPS-02", special="na"))
    later = _answers(Answer("REG-01", level=3), Answer("REG-02", level=3), Answer("OPS-01", level=2),
                     Answer("OPS-02", level=2))
    result = compare(mini_form, earlier, later)
    assert (result.improved, result.same, result.worse, result.not_comparable) == (1, 1, 1, 1)
    assert result.by_indicator()["OPS-01"].delta == -2


def test_a_list_of_identical_gaps_is_all_medium_rather_than_all_high():
    from hbm_assess.core.scoring import Gap

    same = [Gap(f"OPS-0{n}", "OPS", 2, 3, ("pre-crisis",), "pre-crisis") for n in (1, 2, 3)]
    assert set(suggested_priorities(same).values()) == {"medium"}  # middle position 1 of 3; High is below 1


def test_the_readme_example_under_next_level(mini_form):
    """All gaps are 1: the distance below 3 and the phase decide (README, 'The method')."""
    answers = with_policy_targets(mini_form, _answers(Answer("REG-01", level=2), Answer("REG-02", level=3),
                                                      Answer("OPS-01", level=1), Answer("OPS-02", level=1)),
                                  "next-level")
    found = gaps(mini_form, answers)
    assert [(g.indicator_id, g.size) for g in found] == [("OPS-02", 1), ("OPS-01", 1), ("REG-01", 1), ("REG-02", 1)]
    assert suggested_priorities(found) == {"OPS-02": "high", "OPS-01": "high", "REG-01": "medium", "REG-02": "low"}


def test_national_answers_replace_a_posts_own_view_only_on_a_crossing_point(mini_form):
    from dataclasses import replace as changed

    from hbm_assess.core.questionnaire import form_from_data
    from hbm_assess.core.targets import with_national_answers

    data = mini_form.to_dict()
    data["areas"][0]["indicators"][0]["scope"] = "national"  # REG-01
    form = form_from_data(data)
    post = _answers(Answer("REG-01", level=1, target=5), Answer("REG-02", level=2))
    national = _answers(Answer("REG-01", level=3, target=4), Answer("REG-02", level=5))
    merged = with_national_answers(form, post, national, "crossing-point")
    assert (merged["REG-01"].level, merged["REG-01"].target) == (3, None), "the post's policy sets the target"
    assert merged["REG-02"].level == 2, "a post-level indicator stays the post's"
    assert with_national_answers(form, post, national, "national")["REG-01"].level == 1
    assert with_national_answers(form, post, {"REG-01": changed(national["REG-01"], level=None)},
                                 "crossing-point")["REG-01"].level == 1, "an unanswered national one changes nothing"
