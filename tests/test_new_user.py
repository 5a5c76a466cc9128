"""The walk-through of the assessor-app issue, as a new user would do it, through the real widgets."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hbm_assess.storage.store import Store
from hbm_assess.ui import settings
from hbm_assess.ui.app import start
from hbm_assess.ui.new_assessment import NewAssessmentDialog


def test_create_ibrahim_khalil_answer_ten_by_keyboard_close_and_reopen(qtbot, tmp_path, monkeypatch):
    settings.use_file(tmp_path / "settings.ini")
    path = tmp_path / "assessments.sqlite"
    window = start(Store.open(path))
    qtbot.addWidget(window)

    def fill_in(dialog):
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.form_choice.setCurrentIndex(dialog.form_choice.findText("detailed", Qt.MatchFlag.MatchContains))
        dialog.site_choice.setCurrentIndex(dialog.site_choice.findText("Ibrahim Khalil"))
        qtbot.keyClicks(dialog.assessors, "Layla Hassan")
        qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)  # Create and start
        return dialog.result()

    monkeypatch.setattr(NewAssessmentDialog, "exec", fill_in)
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    view = window.assessment_view
    assert view is not None and view.session.form.id == "hbm-detailed"
    assert view.current_id == "REG-01"

    window.activateWindow()  # back from the dialog, as the window manager would do
    qtbot.waitUntil(window.isActiveWindow)
    typed = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_N, Qt.Key.Key_2,
             Qt.Key.Key_U, Qt.Key.Key_3, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3]
    for key in typed:
        view.page.setFocus()
        qtbot.waitUntil(view.page.hasFocus)
        qtbot.keyClick(view.page, key)
        qtbot.keyClick(view.page, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.progress.value() == 10
    assert window.saved_label.text().startswith("Saved ")
    assessment_id = view.session.assessment_id
    window.close()
    window.store.close()

    again = start(Store.open(path))
    qtbot.addWidget(again)
    assert again.home.selected_id() == assessment_id  # the last assessment is selected
    qtbot.mouseClick(again.home.open_button, Qt.MouseButton.LeftButton)
    answers = again.store.answers(assessment_id)
    assert len(answers) == 10
    in_order = [i.id for i in again.session.form.indicators()][:11]  # hbm-detailed 1.1: REG-01 … REG-11
    assert [answers[i].level or answers[i].special for i in in_order[:10]] == [1, 2, 3, "na", 2, "unknown", 3, 1, 2, 3]
    assert again.assessment_view.current_id == in_order[10] == "REG-11"  # the first indicator still to answer
    again.close()
    again.store.close()
    QApplication.processEvents()
    settings.use_file(None)
