"""Opening an assessment builds what it shows; Results, the plan and the review are made when first shown (#20)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from windows import open_in_active_window

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.ui.assessment_view import PLAN, RESULTS
from hbm_assess.ui.plan import PlanView
from hbm_assess.ui.results import ResultsView
from hbm_assess.ui.review import ReviewPage

DRAW_MS = 10_000


pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


@pytest.fixture
def opened(qtbot, store, mini_assessment):
    """The window, active, with the mini assessment (two answers, one action) open and focus on its levels."""
    store.save_answer(mini_assessment, Answer("REG-01", level=1, target=3))
    store.save_answer(mini_assessment, Answer("OPS-01", level=4, evidence_text="Exercise 2025"))
    store.save_action(mini_assessment, Action(title="Draft the influx SOP", indicators=("REG-01",),
                                              responsible="MoI"))
    window = open_in_active_window(qtbot, store, mini_assessment, "REG-01")
    qtbot.waitUntil(lambda: QApplication.focusWidget() in window.assessment_view.page.choices)
    return window


def _made(view, kind) -> list:
    return view.findChildren(kind)


def test_opening_an_assessment_builds_neither_results_nor_plan_nor_review(opened):
    view = opened.assessment_view
    assert _made(view, ResultsView) == [] and _made(view, PlanView) == [] and _made(view, ReviewPage) == []
    labels = [view.tabs.tabText(i) for i in range(view.tabs.count())]
    assert labels == ["&Questionnaire", "Re&sults", "&Plan of action"]  # the tabs are there, with their keys


def test_alt_s_makes_results_with_its_charts_and_alt_p_the_plan(qtbot, opened):
    view = opened.assessment_view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    [results] = _made(view, ResultsView)
    assert view.tabs.currentWidget() is results and view.results is results
    qtbot.waitUntil(lambda: not results.drawing(), timeout=DRAW_MS)
    assert set(results.canvases) == {"radar", "gaps", "phases"}
    assert all(not canvas.image.isNull() for canvas in results.canvases.values())
    assert "over 2 scored indicators" in results.caption.text()
    assert results.table_model.rowCount() == 4 and results.table.isVisible()

    qtbot.keyClick(QApplication.focusWidget() or view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    [plan] = _made(view, PlanView)
    assert view.tabs.currentWidget() is plan and plan.isVisible()
    assert plan.total.text() == "1 actions · 1 institutions"
    assert _made(view, ResultsView) == [results]  # made once


def test_a_click_on_the_plan_tab_makes_it_and_the_tab_keeps_its_place(qtbot, opened):
    view = opened.assessment_view
    bar = view.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    [plan] = _made(view, PlanView)
    assert view.tabs.currentIndex() == 2 and view.tabs.currentWidget() is plan
    assert view.tabs.indexOf(plan) == 2 and view.tabs.tabText(2) == "&Plan of action"
    assert view.tab(PLAN) is plan and _made(view, ResultsView) == []
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
    assert view.tabs.currentWidget() is view.splitter


def test_a_tab_made_by_name_while_another_is_shown_leaves_the_shown_one(qtbot, opened):
    view = opened.assessment_view
    results = view.tab(RESULTS)
    assert view.tabs.currentWidget() is view.splitter and not results.isVisible()
    assert view.tabs.indexOf(results) == 1 and view.tabs.count() == 3


def test_add_action_from_a_gap_makes_the_plan_and_goes_there(qtbot, opened, monkeypatch):
    view = opened.assessment_view
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    results = view.results
    seen = []
    monkeypatch.setattr(PlanView, "_edit", lambda self, action, gap: seen.append((action.title, gap.indicator_id)))
    results.table.setCurrentIndex(results.table.model().index(0, 0))  # REG-01, gap 2
    qtbot.mouseClick(results.add_action_button, Qt.MouseButton.LeftButton)
    assert view.tabs.currentWidget() is view.plan
    assert seen == [("Raise REG-01 to level 3", "REG-01")]


def test_review_is_made_when_first_shown_and_follows_answers_after(qtbot, opened):
    view = opened.assessment_view
    opened.review_action.trigger()  # Ctrl+R
    [review] = _made(view, ReviewPage)
    assert view.right.currentWidget() is review and review.isVisible()
    assert review.unanswered.count() == 2
    view.show_indicator("REG-02")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert review.unanswered.count() == 1
