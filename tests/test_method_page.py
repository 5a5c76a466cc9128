"""The method where scores are given: the scoring rule, each condition of a level, the primary phase."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from hbm_assess.core.assessment import Assessment, Site
from hbm_assess.core.questionnaire import form_from_data
from hbm_assess.ui.indicator_page import IndicatorPage
from hbm_assess.ui.session import AssessmentSession


@pytest.fixture
def conditions_form(mini_form):
    """The mini form whose REG-01 level 4 needs two things at once, and whose OPS-01 has a primary phase."""
    data = copy.deepcopy(mini_form.to_dict())
    data["id"] = "mini-conditions"
    data["areas"][0]["indicators"][0]["levels"][4] = [
        {"en": "Applied in a crisis or an exercise in the last 3 years", "ar": "طُبّق في أزمة أو تمرين"},
        {"en": "Its costs are in the budget", "ar": "تكاليفه مدرجة في الموازنة"},
    ]
    return form_from_data(data)


@pytest.fixture
def page(qtbot, store, conditions_form):
    assessment = Assessment(conditions_form.id, conditions_form.version, Site("Rabia", "IQ"), date="2026-11-20",
                            mode=conditions_form.mode, target_policy="reach-4-emergency")
    assessment_id = store.create_assessment(assessment, conditions_form)
    session = AssessmentSession(store, assessment_id)
    shown = IndicatorPage(session, QUndoStack())
    qtbot.addWidget(shown)
    shown.show()
    return shown


def test_the_scoring_rule_stands_above_the_levels(page, conditions_form):
    page.show_indicator(conditions_form.indicator("REG-01"))
    assert page.rule.isVisible()
    assert page.rule.text().startswith("A level counts only when every element of it is met; otherwise score the "
                                       "level below.")
    layout = page.widget().layout()
    assert layout.indexOf(page.rule) == layout.indexOf(page.choices[0]) - 1


def test_a_level_with_several_conditions_shows_each_on_its_own_line(page, conditions_form):
    page.show_indicator(conditions_form.indicator("REG-01"))
    assert page.choices[3].descriptor.text() == ("• Applied in a crisis or an exercise in the last 3 years\n"
                                                 "• Its costs are in the budget")
    assert page.choices[2].descriptor.text() == "Law adopted", "one condition: no bullet"


def test_the_page_names_the_primary_phase_and_the_other_tags(page, conditions_form):
    page.show_indicator(conditions_form.indicator("OPS-01"))
    assert page.phases.text() == "Primary phase: Post-crisis · also: Emergency"
    page.show_indicator(conditions_form.indicator("REG-01"))
    assert page.phases.text() == "Primary phase: Pre-crisis"


def test_the_target_shown_is_the_policy_s_until_one_is_typed(qtbot, page, store, conditions_form):
    """Reach 4 on emergency-phase indicators: REG-02 (emergency) at 2 shows 4; REG-01 (pre-crisis) at 2 shows 3."""
    session = page.session
    page.show_indicator(conditions_form.indicator("REG-02"))
    qtbot.mouseClick(page.choices[1], Qt.MouseButton.LeftButton)
    assert page.target.value() == 4
    assert store.answers(session.assessment_id)["REG-02"].target is None, "the policy's target is not typed"
    page.target.setValue(5)
    assert store.answers(session.assessment_id)["REG-02"].target == 5
    page.target.setValue(4)
    assert store.answers(session.assessment_id)["REG-02"].target is None, "back to the policy"
    page.show_indicator(conditions_form.indicator("REG-01"))
    qtbot.mouseClick(page.choices[1], Qt.MouseButton.LeftButton)
    assert page.target.value() == 3


def test_a_typed_target_stays_above_a_new_level_and_gives_way_at_it(qtbot, page, store, conditions_form):
    page.show_indicator(conditions_form.indicator("OPS-01"))
    qtbot.mouseClick(page.choices[0], Qt.MouseButton.LeftButton)
    page.target.setValue(4)
    qtbot.mouseClick(page.choices[1], Qt.MouseButton.LeftButton)
    assert store.answers(page.session.assessment_id)["OPS-01"].target == 4
    qtbot.mouseClick(page.choices[3], Qt.MouseButton.LeftButton)  # level 4 reaches it: the policy decides again
    assert store.answers(page.session.assessment_id)["OPS-01"].target is None
    assert page.target.value() == 4, "post-crisis at 4: reach 3, never below the level"


def test_the_new_assessment_dialog_asks_for_the_target_policy_and_states_the_scoring_rule(qtbot):
    from hbm_assess.core.questionnaire import installed_forms
    from hbm_assess.ui.new_assessment import NewAssessmentDialog

    detailed = installed_forms()[("hbm-detailed", "1.0")]
    dialog = NewAssessmentDialog([detailed])
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.form_about.text().startswith("For a team visiting a border crossing point")
    assert dialog.form_about.text().endswith("In doubt between two levels, give the lower one.")
    names = [dialog.target_policy.itemText(i) for i in range(dialog.target_policy.count())]
    assert names == ["One level up (current + 1)", "Developed capacity (3) everywhere",
                     "Demonstrated capacity (4) on emergency-phase indicators, developed (3) elsewhere"]
    assert dialog.assessment().target_policy == "next-level"
    dialog.target_policy.setCurrentIndex(2)
    assert dialog.assessment().target_policy == "reach-4-emergency"


@pytest.fixture
def national_form(conditions_form):
    data = conditions_form.to_dict()
    data["id"] = "mini-national"
    data["areas"][0]["indicators"][0]["scope"] = "national"  # REG-01: a law, scored once per country
    return form_from_data(data)


def _post(store, form, country="IQ"):
    return store.create_assessment(Assessment(form.id, form.version, Site("Rabia", country), date="2026-11-20",
                                              mode=form.mode), form)


def test_a_national_indicator_is_read_from_the_national_assessment_and_links_to_it(qtbot, store, national_form,
                                                                                    window):
    from hbm_assess.core.assessment import Answer

    national = store.create_assessment(
        Assessment(national_form.id, national_form.version, Site("Iraq national workshop, Erbil", "IQ"),
                   date="2026-10-01", mode=national_form.mode, scope="national", status="final"),
        national_form, [Answer("REG-01", level=3)])
    post = _post(store, national_form)
    window.open_assessment(post, "REG-01")
    page = window.assessment_view.page
    assert page.national_note.isVisible()
    assert page.national_note.text().startswith("National indicator — from the national assessment of 2026-10-01: "
                                                "3 · Developed capacity.")
    assert not any(choice.isEnabled() for choice in page.choices), "read-only: scored once for the country"
    assert [choice.is_checked() for choice in page.choices] == [False, False, True, False, False]
    qtbot.mouseClick(page.national_open, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.assessment_id == national)
    assert window.assessment_view.current_id == "REG-01"
    assert not window.assessment_view.page.national_note.isVisible(), "the national assessment scores it itself"


def test_without_a_national_assessment_the_team_scores_it_as_a_post_level_view(qtbot, store, national_form, window):
    post = _post(store, national_form)
    _post(store, national_form, country="JO")  # another country's posts change nothing
    window.open_assessment(post, "REG-01")
    page = window.assessment_view.page
    assert page.national_note.text() == ("National indicator — there is no national assessment of this country yet. "
                                         "A score given here is a post-level view of a national matter.")
    assert not page.national_open.isVisible()
    assert all(choice.isEnabled() for choice in page.choices)
    page.show_indicator(national_form.indicator("REG-02"))
    assert not page.national_note.isVisible(), "a post-level indicator"


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_the_new_assessment_dialog_states_the_scoring_rule_once(qtbot, qapp, language):
    """Before: the 1.1 questionnaires' description gives the rule, and the dialog added it again below."""
    from hbm_assess.core.questionnaire import installed_forms
    from hbm_assess.ui import text, translations
    from hbm_assess.ui.new_assessment import NewAssessmentDialog

    translations.install(qapp, language)
    text.set_language(language)
    try:
        dialog = NewAssessmentDialog([installed_forms()[("hbm-detailed", "1.1")]])
        qtbot.addWidget(dialog)
        shown = dialog.form_about.text()
        rule = {"en": "A level counts only when", "ar": "لا يُحتسب المستوى", "ckb": "ئاستێک تەنها کاتێک"}[language]
        assert shown.count(rule) == 1, shown
        assert shown == installed_forms()[("hbm-detailed", "1.1")].description.get(language)
    finally:
        translations.install(qapp, "en")
        text.set_language("en")
