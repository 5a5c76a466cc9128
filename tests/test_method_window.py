"""The target policy and scope changed in the window after creation: targets follow everywhere, undo, restart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hbm_assess.core.assessment import Answer
from hbm_assess.storage.store import Store
from hbm_assess.ui.method import MethodDialog
from hbm_assess.ui.plan import ActionDialog
from hbm_assess.ui.results import INDICATOR_ROLE, ScoredTableModel

# The mini form: REG-01 pre-crisis, REG-02 emergency (default target 4), OPS-01 primary phase
# post-crisis, OPS-02 emergency. Worked by hand:
#                 level  typed  next-level  reach-4-emergency
#   REG-01          1      –        2           3
#   REG-02          2      5        5           5   (typed, above the level: kept)
#   OPS-01          3      –        4           3
#   OPS-02          2      –        3           4
NEXT_LEVEL = ["2", "5", "4", "3"]
REACH_4_EMERGENCY = ["3", "5", "3", "4"]


@pytest.fixture
def opened(window, store, mini_assessment):
    for answer in (Answer("REG-01", level=1), Answer("REG-02", level=2, target=5), Answer("OPS-01", level=3),
                   Answer("OPS-02", level=2)):
        store.save_answer(mini_assessment, answer)
    window.open_assessment(mini_assessment)
    return window


def _targets(window) -> list[str]:
    model = window.assessment_view.results.table_model
    return [model.index(row, ScoredTableModel.TARGET).data() for row in range(model.rowCount())]


def _choose(qtbot, monkeypatch, policy: str, scope: str | None = None, seen: list | None = None) -> None:
    """Answer the dialog as a person would: click the policy, pick the scope, press OK."""

    def answer(dialog):
        if seen is not None:
            seen.append([button.text() for button in dialog.buttons.values()])
        qtbot.mouseClick(dialog.buttons[policy], Qt.MouseButton.LeftButton)
        if scope is not None:
            dialog.scope.setCurrentIndex(dialog.scope.findData(scope))
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(MethodDialog, "exec", answer)


def _suggested(window, monkeypatch, indicator_id: str) -> str:
    results = window.assessment_view.results
    proxy = results.table.model()
    [row] = [r for r in range(proxy.rowCount()) if proxy.index(r, 0).data(INDICATOR_ROLE) == indicator_id]
    results.table.setCurrentIndex(proxy.index(row, 0))
    said = []
    monkeypatch.setattr(ActionDialog, "exec", lambda dialog: said.append(dialog.suggestion.text())
                        or QDialog.DialogCode.Rejected)
    results.add_action_button.click()
    return said[0]


def test_the_target_policy_changes_in_the_window_undoes_and_survives_a_restart(qtbot, opened, store,
                                                                               mini_assessment, monkeypatch,
                                                                               tmp_path):
    window = opened
    view = window.assessment_view
    assert _targets(window) == NEXT_LEVEL
    assert "One level up (current + 1)" in view.results.policy_note.text()
    seen = []
    _choose(qtbot, monkeypatch, "reach-4-emergency", seen=seen)
    window.method_action.trigger()
    assert seen == [["One level up (current + 1)", "Developed capacity (3) everywhere",
                     "Demonstrated capacity (4) on emergency-phase indicators, developed (3) elsewhere"]]

    assert store.assessment(mini_assessment).target_policy == "reach-4-emergency"
    assert store.answers(mini_assessment)["REG-02"].target == 5, "the typed target stays"
    assert _targets(window) == REACH_4_EMERGENCY
    assert "Demonstrated capacity (4)" in view.results.policy_note.text()
    # Plan: the suggested priority reads the new gap: OPS-02 (emergency, at 2) now has 2 to go, not 1.
    assert "gap of 2 at level 2" in _suggested(window, monkeypatch, "OPS-02")
    view.show_indicator("OPS-02")
    assert view.page.target.value() == 4, "the indicator page shows the policy's target"

    window.undo_group.undo()
    assert store.assessment(mini_assessment).target_policy == "next-level"
    assert _targets(window) == NEXT_LEVEL
    assert "gap of 1 at level 2" in _suggested(window, monkeypatch, "OPS-02")
    assert view.page.target.value() == 3
    window.undo_group.redo()
    assert _targets(window) == REACH_4_EMERGENCY

    # A restart: the database opened again, the assessment opened again.
    path = tmp_path / "test.sqlite"
    again = Store.open(path)
    try:
        assert again.assessment(mini_assessment).target_policy == "reach-4-emergency"
        assert again.answers(mini_assessment)["REG-02"].target == 5
    finally:
        again.close()
    window.show_home()
    window.open_assessment(mini_assessment)
    assert _targets(window) == REACH_4_EMERGENCY


def test_the_scope_changes_next_to_the_policy_and_is_undone_with_it(qtbot, opened, store, mini_assessment,
                                                                    monkeypatch):
    window = opened
    _choose(qtbot, monkeypatch, "reach-3", scope="governorate")
    window.assessment_view.results.policy_button.click()
    changed = store.assessment(mini_assessment)
    assert (changed.target_policy, changed.scope) == ("reach-3", "governorate")
    assert _targets(window) == ["3", "5", "3", "3"]
    assert "scope: Governorate" in window.assessment_view.results.policy_note.text()
    window.undo_group.undo()
    back = store.assessment(mini_assessment)
    assert (back.target_policy, back.scope) == ("next-level", "crossing-point")
    assert window.undo_group.undoText() == "", "one change, one undo step"


def test_a_final_assessment_keeps_its_method(qtbot, opened, store, mini_assessment, monkeypatch):
    window = opened
    window.session.mark_final()
    assert not window.assessment_view.results.policy_button.isEnabled()
    asked = []
    monkeypatch.setattr(MethodDialog, "exec", lambda dialog: asked.append(dialog) or 0)
    window.method_action.trigger()
    assert asked == [] and store.assessment(mini_assessment).target_policy == "next-level"
    assert "reopen it as a draft" in window.assessment_view.saved_note.text()
