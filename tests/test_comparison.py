"""Comparing assessments across questionnaire versions and between a rapid and a detailed form, by hand."""

from dataclasses import replace

import pytest

from hbm_assess.core.assessment import Answer
from hbm_assess.core.comparison import RAPID_DETAILED, SAME_FORM, UNRELATED, VERSIONS, compare_assessments
from hbm_assess.core.questionnaire import Area, Form, Indicator, installed_forms, summary_problems
from hbm_assess.core.text import Text

FORMS = installed_forms()
DETAILED_10, DETAILED_11 = FORMS[("hbm-detailed", "1.0")], FORMS[("hbm-detailed", "1.1")]


def answers(**levels) -> dict[str, Answer]:
    """REG_01=3 → {"REG-01": Answer level 3}; a string value is a special answer ('na', 'unknown')."""
    made = {}
    for key, value in levels.items():
        ind = key.replace("_", "-")
        made[ind] = Answer(ind, level=value) if isinstance(value, int) else Answer(ind, special=value)
    return made


def indicator(ind_id: str, summarises=(), replaces=()) -> Indicator:
    text = Text({"en": ind_id})
    return Indicator(ind_id, ind_id.split("-")[0], text, text, {n: text for n in range(1, 6)},
                     ("emergency",), ("sop",), replaces=tuple(replaces), summarises=tuple(summarises))


def form(form_id, version, mode, *indicators, detailed_form=None) -> Form:
    areas = {}
    for ind in indicators:
        areas.setdefault(ind.area_id, []).append(ind)
    return Form(form_id, version, mode, ("en",), Text({"en": form_id}),
                tuple(Area(a, Text({"en": a}), tuple(inds)) for a, inds in areas.items()),
                detailed_form=detailed_form)


def test_a_1_0_baseline_and_a_1_1_follow_up_compare_on_the_indicators_both_ask():
    earlier = answers(REG_01=2, OPS_01=1, OPS_04=3, COO_08=4, ADM_07=2)
    later = answers(REG_01=3, OPS_01=1, OPS_04=2, OPS_11=3, OPS_17=2, ADM_07=3, ADM_09=1)
    result = compare_assessments(DETAILED_10, earlier, DETAILED_11, later, FORMS.values())
    assert result.kind == VERSIONS
    # the 44 of 1.0, and ADM-09, split from 1.0's ADM-07 (psychosocial support for officers); 15 new topics
    assert len(result.changes) == 45 and len(result.left_out) == 15
    assert {"OPS-11", "OPS-17", "REG-10", "COO-09", "INF-10"} <= set(result.left_out)
    by_id = result.by_indicator()
    assert (by_id["REG-01"].delta, by_id["OPS-01"].delta, by_id["OPS-04"].delta) == (1, 0, -1)
    assert (by_id["ADM-07"].delta, by_id["ADM-09"].delta) == (1, -1), "both parts of a split against the old score"
    assert "OPS-11" not in by_id, "asked only by 1.1: left out, not 'not comparable'"
    assert (result.improved, result.same, result.worse, result.not_comparable) == (2, 1, 2, 40)


def test_the_same_form_twice_leaves_nothing_out():
    result = compare_assessments(DETAILED_11, answers(OPS_11=1), DETAILED_11, answers(OPS_11=3))
    assert result.kind == SAME_FORM and result.left_out == () and len(result.changes) == 60
    assert result.by_indicator()["OPS-11"].delta == 2


def test_a_split_indicator_compares_each_part_with_the_old_score_and_a_merge_takes_the_lower():
    v1 = form("t-detailed", "1.0", "detailed", indicator("OPS-01"), indicator("OPS-02"), indicator("OPS-03"))
    v2 = form("t-detailed", "2.0", "detailed", indicator("OPS-01"), indicator("OPS-04", replaces=["OPS-01"]),
              indicator("OPS-05", replaces=["OPS-02", "OPS-03"]))
    result = compare_assessments(v1, answers(OPS_01=2, OPS_02=4, OPS_03=3), v2,
                                 answers(OPS_01=3, OPS_04=2, OPS_05=3))
    assert [(c.indicator_id, c.before, c.after) for c in result.changes] == [
        ("OPS-01", 2, 3), ("OPS-04", 2, 2), ("OPS-05", 3, 3)]  # OPS-05 replaces 4 and 3: the lower, 3
    assert result.left_out == ()


RAPID = form("t-rapid", "1.1", "rapid", indicator("OPS-R1", summarises=["OPS-01", "OPS-02", "OPS-03"]),
             indicator("OPS-R2", summarises=["OPS-04"]), indicator("COO-R1"),
             detailed_form=("t-detailed", "1.1"))
DETAILED = form("t-detailed", "1.1", "detailed", *(indicator(f"OPS-0{n}") for n in range(1, 6)))


def test_a_rapid_baseline_sets_each_summarised_detailed_indicator_against_its_items_score():
    baseline = answers(OPS_R1=2, OPS_R2=3, COO_R1=1)
    follow_up = answers(OPS_01=3, OPS_02=2, OPS_03=4, OPS_04="na", OPS_05=5)
    result = compare_assessments(RAPID, baseline, DETAILED, follow_up)
    assert result.kind == RAPID_DETAILED
    assert [(c.indicator_id, c.before, c.after) for c in result.changes] == [
        ("OPS-01", 2, 3), ("OPS-02", 2, 2), ("OPS-03", 2, 4), ("OPS-04", 3, None)]
    assert result.left_out == ("OPS-05",), "no rapid item summarises OPS-05"
    assert (result.improved, result.same, result.worse, result.not_comparable) == (2, 1, 0, 1)


def test_a_detailed_baseline_gives_a_rapid_item_the_lowest_level_of_what_it_summarises():
    result = compare_assessments(DETAILED, answers(OPS_01=3, OPS_02=2, OPS_03=4, OPS_04="unknown"),
                                 RAPID, answers(OPS_R1=3, OPS_R2=3, COO_R1=2))
    assert [(c.indicator_id, c.before, c.after) for c in result.changes] == [("OPS-R1", 2, 3), ("OPS-R2", None, 3)]
    assert result.left_out == ("COO-R1",)


def test_a_rapid_form_follows_renames_into_another_detailed_version():
    older = form("t-detailed", "1.0", "detailed", indicator("OPS-09"), indicator("OPS-02"))
    result = compare_assessments(RAPID, answers(OPS_R1=1), older, answers(OPS_09=2, OPS_02=1),
                                 [replace(DETAILED, areas=(Area("OPS", Text({"en": "x"}), (
                                     indicator("OPS-01", replaces=["OPS-09"]), indicator("OPS-02"))),))])
    assert [(c.indicator_id, c.before, c.after) for c in result.changes] == [("OPS-09", 1, 2), ("OPS-02", 1, 1)]


def test_unrelated_forms_compare_nothing_and_leave_everything_out():
    other = form("other-detailed", "1.0", "detailed", indicator("OPS-01"))
    result = compare_assessments(other, answers(OPS_01=1), DETAILED, answers(OPS_01=2))
    assert result.kind == UNRELATED and result.changes == () and len(result.left_out) == 5


@pytest.mark.parametrize("summarised, problem", [
    (["OPS-01"], None),
    (["OPS-01", "OPS-99"], "OPS-R1 › summarises: OPS-99 not in t-detailed 1.1"),
])
def test_form_check_follows_summarises_into_the_detailed_form(summarised, problem):
    rapid = form("t-rapid", "1.1", "rapid", indicator("OPS-R1", summarises=summarised),
                 detailed_form=("t-detailed", "1.1"))
    assert summary_problems(rapid, {DETAILED.key: DETAILED}) == ([problem] if problem else [])
    assert summary_problems(rapid, {}) == [
        "detailed_form: t-detailed 1.1 is not installed; install it in forms/ or check the file together with it"]


RAPID_10, RAPID_11 = FORMS[("hbm-rapid", "1.0")], FORMS[("hbm-rapid", "1.1")]


def test_a_rapid_1_1_workshop_baseline_against_a_detailed_1_1_follow_up():
    baseline = answers(OPS_R1=2, REG_R4=1)
    follow_up = answers(OPS_01=3, OPS_02=2, OPS_03=1, REG_07=2, OPS_11=4)
    result = compare_assessments(RAPID_11, baseline, DETAILED_11, follow_up, FORMS.values())
    assert result.kind == RAPID_DETAILED and len(result.changes) == 45 and len(result.left_out) == 15
    by_id = result.by_indicator()
    assert [by_id[i].delta for i in ("OPS-01", "OPS-02", "OPS-03", "REG-07")] == [1, 0, -1, 1]
    assert "OPS-11" in result.left_out, "no rapid item summarises the internal checkpoint indicator"


def test_a_rapid_1_0_baseline_borrows_what_its_items_summarise_from_rapid_1_1():
    # ADM-R2 of 1.0 became ADM-R2 and ADM-R4 in 1.1: ADM-02, 03, 04, 08 and ADM-07, 09
    result = compare_assessments(RAPID_10, answers(ADM_R2=2), DETAILED_10, answers(ADM_07=3, ADM_02=2),
                                 FORMS.values())
    by_id = result.by_indicator()
    assert (by_id["ADM-07"].before, by_id["ADM-07"].after, by_id["ADM-02"].delta) == (2, 3, 0)
    assert result.left_out == (), "every 1.0 detailed indicator is summarised by some rapid item"
    assert compare_assessments(RAPID_10, {}, DETAILED_10, {}).changes == (), "without rapid 1.1, nothing to follow"
