"""The main window as tests of the keyboard need it."""

from __future__ import annotations


def open_in_active_window(qtbot, store, assessment_id: int, indicator_id: str):
    """A main window, shown and active (so keys reach it), with the assessment open at the indicator."""
    from hbm_assess.ui.main_window import MainWindow

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_assessment(assessment_id, indicator_id)
    return window
