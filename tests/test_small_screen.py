"""The window on a laptop screen: sized from the screen on first start, remembered after, Saved in sight."""

import pytest
from PySide6.QtCore import QRect, Qt

from hbm_assess.ui.app import start

pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


def _fits(window) -> bool:
    available = window.screen().availableGeometry()
    return available.contains(window.frameGeometry())


def test_first_start_fits_the_screen_and_uses_most_of_it(qtbot, store):
    window = start(store)
    qtbot.addWidget(window)
    available = window.screen().availableGeometry()  # 800 x 800 on Qt's offscreen platform
    assert _fits(window), (window.frameGeometry(), available)
    assert window.width() >= 0.8 * available.width() and window.height() >= 0.7 * available.height()


def test_an_open_assessment_does_not_push_the_window_past_the_screen(qtbot, store, mini_assessment):
    window = start(store)
    qtbot.addWidget(window)
    window.open_assessment(mini_assessment, "REG-01")
    window.assessment_view.tabs.setCurrentWidget(window.assessment_view.results)
    qtbot.wait(10)
    assert _fits(window)
    assert window.minimumSizeHint().height() <= 600  # 768 less a taskbar and the title bar


def test_the_size_is_remembered_and_a_larger_screen_s_size_is_fitted(qtbot, store):
    window = start(store)
    qtbot.addWidget(window)
    window.resize(640, 500)
    window.close()
    again = start(store)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (640, 500)
    again.setGeometry(QRect(0, 0, 2400, 1500))  # as saved on a large monitor
    again.close()
    third = start(store)
    qtbot.addWidget(third)
    assert _fits(third)


def test_saved_is_shown_beside_the_indicator_not_only_in_the_status_bar(qtbot, store, mini_assessment):
    window = start(store)
    qtbot.addWidget(window)
    window.open_assessment(mini_assessment, "REG-01")
    view = window.assessment_view
    with qtbot.waitSignal(window.session.saved):
        qtbot.mouseClick(view.page.choices[2], Qt.MouseButton.LeftButton)
    assert view.saved_note.isVisible() and view.saved_note.text().startswith("Saved ")
    assert view.saved_note.text() == window.saved_label.text()
    # In the navigation row under the page, inside the window.
    note = view.saved_note.mapTo(window, view.saved_note.rect().bottomRight())
    assert window.rect().contains(note) and note.y() < window.statusBar().y()


def test_changes_waiting_for_the_database_are_shown_beside_the_indicator_too(qtbot, store, mini_assessment):
    window = start(store)
    qtbot.addWidget(window)
    window.open_assessment(mini_assessment, "REG-01")
    window.session.waiting.emit(2)  # as the session does while another program holds the database
    view = window.assessment_view
    assert view.saved_note.text().startswith("Saving") and view.saved_note.text() == window.saved_label.text()
