"""The method where scores are given: the scoring rule, each condition of a level, the primary phase."""

from __future__ import annotations

import copy

import pytest
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
                            mode=conditions_form.mode)
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
