"""Merge rules for break-out groups, on hand-made answers to the mini form."""

from hbm_assess.core.assessment import Answer
from hbm_assess.core.workshop import Group, agreed_answer, plan_merge


def _by_id(*answers):
    return {a.indicator_id: a for a in answers}


def test_answers_to_different_indicators_are_adopted_silently(mini_form):
    groups = {
        "Operations group": _by_id(Answer("OPS-01", level=2, group="Operations group")),
        "Legal group": _by_id(Answer("REG-01", level=4, evidence_text="Law 76", group="Legal group")),
    }
    plan = plan_merge(mini_form, groups, agreed={})
    assert plan.cases == []
    assert plan.adopt["OPS-01"].level == 2 and plan.adopt["OPS-01"].group == ""
    assert plan.adopt["REG-01"].answered_by == "Legal group"


def test_same_indicator_from_several_groups_is_a_case_flagged_at_spread_two(mini_form):
    groups = {
        "A": _by_id(Answer("OPS-01", level=1, notes="No SOP seen"), Answer("OPS-02", level=3)),
        "B": _by_id(Answer("OPS-01", level=3, notes="Draft SOP exists"), Answer("OPS-02", level=4)),
    }
    plan = plan_merge(mini_form, groups, agreed={})
    assert plan.adopt == {}
    cases = {case.indicator_id: case for case in plan.cases}
    assert (cases["OPS-01"].spread, cases["OPS-01"].disagreement) == (2, True)
    assert (cases["OPS-02"].spread, cases["OPS-02"].disagreement) == (1, False)
    assert [c.indicator_id for c in plan.disagreements] == ["OPS-01"]


def test_the_agreed_level_keeps_every_groups_score_and_reasoning(mini_form):
    groups = {"A": _by_id(Answer("OPS-01", level=1, notes="No SOP seen")),
              "B": _by_id(Answer("OPS-01", level=3, evidence_text="Draft SOP exists"))}
    [case] = plan_merge(mini_form, groups, agreed={}).cases
    agreed = agreed_answer(case, 2, None, "Draft exists but unknown to staff")
    assert agreed.level == 2 and agreed.group == "" and agreed.answered_by == "consensus"
    assert agreed.notes.splitlines() == ["Draft exists but unknown to staff", "A: 1 — No SOP seen",
                                         "B: 3 — Draft SOP exists"]
    settled = plan_merge(mini_form, groups, agreed={"OPS-01": agreed}).cases[0]
    assert settled.settled


def test_a_facilitators_answer_is_not_overwritten_by_a_single_group(mini_form):
    groups = {"A": _by_id(Answer("REG-01", level=1))}
    mine = Answer("REG-01", level=3, answered_by="facilitator")
    assert plan_merge(mini_form, groups, agreed={"REG-01": mine}).adopt == {}
    adopted = Answer("REG-01", level=2, answered_by="A")
    assert plan_merge(mini_form, groups, agreed={"REG-01": adopted}).adopt["REG-01"].level == 1


def test_group_round_trips_through_plain_data():
    group = Group("Legal group", ("Huda",), ("MoI",), ("REG-01", "REG-02"))
    assert Group.from_dict(group.to_dict()) == group


def test_the_agreed_note_fits_a_cell_however_long_the_groups_reasons_and_keeps_the_plenary_s_note():
    from hbm_assess.core.cell_text import EXCEL_CELL_LIMIT, check_text, excel_length, fit_cell
    from hbm_assess.core.workshop import ConsensusCase, agreed_answer

    long = "😀" * 16_000
    case = ConsensusCase("REG-01", {"Legal": Answer("REG-01", level=1, notes=long),
                                    "Operations": Answer("REG-01", level=5, evidence_text=long)})
    agreed = agreed_answer(case, 2, None, "Law drafted, not applied")
    assert check_text(agreed.notes) is None and excel_length(agreed.notes) <= EXCEL_CELL_LIMIT
    assert agreed.notes.startswith("Law drafted, not applied\nLegal: 1 — 😀") and agreed.notes.endswith("…")
    assert fit_cell("short") == "short"
