"""Details a day of scoring exposes in the dialogs and tabs: dates, safe defaults, empty states, lost input."""

import pytest
from PySide6.QtCore import QDate, Qt

from hbm_assess.ui.new_assessment import NewAssessmentDialog

pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


def _type_date(qtbot, field, typed: str) -> None:
    """Type into a date field as a person does: click in it, select what is there, type, leave."""
    editor = field.focusProxy() or field
    editor.setFocus()
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)


@pytest.mark.parametrize("typed", ["2025-03-15", "20250315", "2025-3-15"])
def test_a_date_typed_in_iso_form_is_taken_as_typed(qtbot, mini_form, typed):
    dialog = NewAssessmentDialog([mini_form])
    qtbot.addWidget(dialog)
    dialog.show()
    _type_date(qtbot, dialog.date, typed)
    assert dialog.date.date() == QDate(2025, 3, 15)


@pytest.mark.parametrize("typed", ["15/03/2025", "2025-02-30", "next week"])
def test_a_date_that_is_not_iso_is_refused_with_what_the_field_expects(qtbot, mini_form, typed):
    dialog = NewAssessmentDialog([mini_form])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.site_name, "Rabia")
    qtbot.keyClicks(dialog.assessors, "Layla Hassan")
    _type_date(qtbot, dialog.date, typed)
    dialog.accept()
    assert dialog.result() == 0
    problem = dialog.problems[dialog.date]
    assert problem.isVisible() and "YYYY-MM-DD" in problem.text() and "2025-03-15" in problem.text()


def test_the_action_s_due_date_takes_an_iso_date_as_typed(qtbot, store, mini_assessment):
    from hbm_assess.core.assessment import Action
    from hbm_assess.ui.plan import ActionDialog
    from hbm_assess.ui.session import AssessmentSession

    session = AssessmentSession(store, mini_assessment)
    dialog = ActionDialog(session, Action(title="Train surge staff"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.has_due_date.setChecked(True)
    _type_date(qtbot, dialog.due_date, "20250315")
    assert dialog.action().due_date == "2025-03-15"
    _type_date(qtbot, dialog.due_date, "15.03.2025")
    dialog.accept()
    assert dialog.result() == 0 and "YYYY-MM-DD" in dialog.problem.text()
    assert dialog.focusWidget() is dialog.due_date.edit


# -- safe defaults --------------------------------------------------------------------------------------------

def _answer_the_message_box(qtbot, button_text: str, seen: list):
    """When a message box opens, note its default button, then press ``button_text`` as a person would."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def look():
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(20, look)
            return
        seen.append((box.text(), box.defaultButton().text().replace("&", "") if box.defaultButton() else ""))
        button = next(b for b in box.buttons() if b.text().replace("&", "") == button_text)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, look)


@pytest.fixture
def window(qtbot, store):
    from hbm_assess.ui.main_window import MainWindow

    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    return win


def test_mark_final_with_unanswered_indicators_defaults_to_no(qtbot, window, store, mini_assessment):
    window.open_assessment(mini_assessment, "REG-01")
    view = window.assessment_view
    view.show_review()
    seen = []
    _answer_the_message_box(qtbot, "No", seen)
    qtbot.mouseClick(view.review.final_button, Qt.MouseButton.LeftButton)
    assert seen and "unanswered" in seen[0][0] and seen[0][1] == "No"
    assert store.assessment(mini_assessment).status == "draft"


def test_deleting_an_assessment_defaults_to_no(qtbot, window, store, mini_assessment):
    window.refresh_home()
    window.home.select(mini_assessment)
    seen = []
    _answer_the_message_box(qtbot, "No", seen)
    qtbot.mouseClick(window.home.delete_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0][1] == "No"
    assert len(store.list_assessments()) == 1


def test_deleting_an_action_defaults_to_no(qtbot, window, store, mini_assessment):
    from hbm_assess.core.assessment import Action

    store.save_action(mini_assessment, Action(title="Train surge staff", responsible="MoI"))
    window.open_assessment(mini_assessment, "REG-01")
    plan = window.assessment_view.plan
    plan.refresh()
    group = plan.proxy.index(0, 0)
    plan.tree.setCurrentIndex(plan.proxy.index(0, 0, group))
    seen = []
    _answer_the_message_box(qtbot, "No", seen)
    qtbot.mouseClick(plan.delete_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0][1] == "No"
    assert len(store.actions(mini_assessment)) == 1


# -- empty states and what is typed ---------------------------------------------------------------------------

def test_plan_edit_and_delete_are_enabled_only_for_a_chosen_action(qtbot, window, store, mini_assessment):
    from hbm_assess.core.assessment import Action

    window.open_assessment(mini_assessment, "REG-01")
    plan = window.assessment_view.plan
    assert not plan.edit_button.isEnabled() and not plan.delete_button.isEnabled()
    store.save_action(mini_assessment, Action(title="Train surge staff", responsible="MoI"))
    plan.refresh()
    assert not plan.edit_button.isEnabled()  # nothing chosen yet
    group = plan.proxy.index(0, 0)
    plan.tree.setCurrentIndex(group)  # the institution's row is not an action
    assert not plan.edit_button.isEnabled()
    plan.tree.setCurrentIndex(plan.proxy.index(0, 0, group))
    assert plan.edit_button.isEnabled() and plan.delete_button.isEnabled()


@pytest.fixture
def groups_dialog(qtbot, store, mini_assessment):
    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workshop import GroupsDialog

    dialog = GroupsDialog(AssessmentSession(store, mini_assessment))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_groups_dialog_says_what_to_do_when_there_are_no_groups(qtbot, groups_dialog):
    assert groups_dialog.empty_hint.isVisible() and "Add group" in groups_dialog.empty_hint.text()
    qtbot.mouseClick(groups_dialog.add_button, Qt.MouseButton.LeftButton)
    assert not groups_dialog.empty_hint.isVisible()
    groups_dialog.accept()  # saved: closing it has nothing to ask


def test_cancel_asks_before_discarding_a_typed_group(qtbot, groups_dialog, store, mini_assessment):
    from hbm_assess.storage import workshop

    qtbot.mouseClick(groups_dialog.add_button, Qt.MouseButton.LeftButton)
    groups_dialog.name.selectAll()
    qtbot.keyClicks(groups_dialog.name, "Operations group")  # typed, not yet left: no editingFinished
    seen = []
    _answer_the_message_box(qtbot, "Keep editing", seen)
    groups_dialog.reject()
    assert seen and "Operations group" in seen[0][0] and seen[0][1] == "Keep editing"
    assert groups_dialog.isVisible()
    _answer_the_message_box(qtbot, "Discard", seen)
    groups_dialog.reject()
    assert not groups_dialog.isVisible() and workshop.groups(store, mini_assessment) == []


def test_cancel_without_changes_closes_without_asking(qtbot, groups_dialog, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("asked with nothing to lose"))
    groups_dialog.reject()
    assert not groups_dialog.isVisible()


def test_clicking_the_current_indicator_in_the_tree_leaves_the_review(qtbot, window, mini_assessment):
    window.open_assessment(mini_assessment, "REG-01")
    view = window.assessment_view
    view.show_review()
    index = view.filter.mapFromSource(view.tree_model.indicator_index("REG-01"))
    assert view.tree.currentIndex() == index
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(index).center())
    assert view.right.currentWidget() is view.page and view.current_id == "REG-01"


def test_the_wheel_over_a_chart_scrolls_the_results(qtbot, window, store, mini_assessment):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication, QScrollArea

    window.open_assessment(mini_assessment, "REG-01")
    results = window.assessment_view.results
    window.assessment_view.tabs.setCurrentWidget(results)
    window.resize(900, 500)
    qtbot.waitUntil(lambda: results.isVisible() and bool(results.canvases))
    bar = results.findChild(QScrollArea).verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    canvas = results.canvases["radar"]
    centre = QPointF(canvas.width() / 2, canvas.height() / 2)

    def wheel_down():
        return QWheelEvent(centre, canvas.mapToGlobal(centre), QPoint(0, 0), QPoint(0, -120), Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)

    over_chart = wheel_down()
    QApplication.sendEvent(canvas, over_chart)
    # Not taken by the chart, so Qt hands a real wheel event on to the parents: the page's scroll area.
    # (Qt does not pass on events sent by a program, so the test does that step itself.)
    assert not over_chart.isAccepted()
    QApplication.sendEvent(canvas.parentWidget().parentWidget(), wheel_down())
    assert bar.value() > 0


# -- heavy views paint first, then fill in --------------------------------------------------------------------

def test_opening_an_assessment_leaves_the_charts_until_results_is_shown(qtbot, window, mini_assessment):
    window.open_assessment(mini_assessment, "REG-01")
    results = window.assessment_view.results
    assert results.canvases == {}  # no charts (nor matplotlib) while the assessor scores
    window.assessment_view.tabs.setCurrentWidget(results)
    assert results.busy.isVisible() and "Drawing" in results.busy.text()  # the frame first, saying so
    with qtbot.waitSignal(results.charts_drawn, timeout=10_000):
        qtbot.waitUntil(lambda: set(results.canvases) == {"radar", "gaps", "phases"} and not results.busy.isVisible())
    assert results.canvases["radar"].figure.axes
