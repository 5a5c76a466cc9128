"""Details a day of scoring exposes in the dialogs and tabs: dates, safe defaults, empty states, lost input."""

import pytest
from PySide6.QtCore import QDate, Qt

from hbm_assess.ui import settings
from hbm_assess.ui.new_assessment import NewAssessmentDialog


@pytest.fixture(autouse=True)
def settings_file(tmp_path):
    path = tmp_path / "settings.ini"
    settings.use_file(path)
    yield path
    settings.use_file(None)


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
