"""Scoring by keyboard in the assessment window: where focus goes, which keys work where, shortcuts once each."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication
from windows import open_in_active_window

from hbm_assess.ui.indicator_page import LevelChoice

pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


@pytest.fixture
def opened(qtbot, store, mini_assessment):
    """The window, active, with the mini assessment open at its first indicator."""
    window = open_in_active_window(qtbot, store, mini_assessment, "REG-01")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    qtbot.wait(10)  # the focus set after opening, on the next turn of the event loop
    return window


def focused():
    return QApplication.focusWidget()


def type_keys(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    """A key press where a person's key goes: to the widget that has focus."""
    qtbot.keyClick(focused(), key, modifier)


def on_level_choices(window) -> bool:
    return focused() in window.assessment_view.page.choices


def test_opening_an_assessment_puts_focus_on_the_level_choices(opened):
    assert isinstance(focused(), LevelChoice) and on_level_choices(opened)


def test_after_ctrl_enter_from_the_evidence_a_level_key_scores_the_next_indicator(
        qtbot, opened, store, mini_assessment):
    page = opened.assessment_view.page
    page.evidence_text.setFocus()
    qtbot.keyClicks(page.evidence_text, "SOP seen")
    type_keys(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert opened.assessment_view.current_id == "REG-02"
    assert on_level_choices(opened)
    type_keys(qtbot, Qt.Key.Key_5)
    answers = store.answers(mini_assessment)
    assert answers["REG-02"].level == 5 and answers["REG-02"].evidence_text == ""
    assert answers["REG-01"].evidence_text == "SOP seen"


def test_alt_down_and_up_from_a_text_field_land_on_the_level_choices(qtbot, opened):
    page = opened.assessment_view.page
    page.notes.setFocus()
    type_keys(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert opened.assessment_view.current_id == "REG-02" and on_level_choices(opened)
    page.evidence_reference.setFocus()
    type_keys(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert opened.assessment_view.current_id == "REG-01" and on_level_choices(opened)


def test_the_answered_level_takes_focus_so_arrow_keys_start_from_it(qtbot, opened, store, mini_assessment):
    type_keys(qtbot, Qt.Key.Key_4)
    type_keys(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    type_keys(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert focused() is opened.assessment_view.page.choices[3]


def test_a_click_in_the_tree_puts_focus_on_the_level_choices(qtbot, opened, store, mini_assessment):
    view = opened.assessment_view
    index = view.filter.mapFromSource(view.tree_model.indicator_index("OPS-01"))
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(index).center())
    assert view.current_id == "OPS-01" and on_level_choices(opened)
    type_keys(qtbot, Qt.Key.Key_2)
    assert store.answers(mini_assessment)["OPS-01"].level == 2


def test_level_keys_work_while_the_tree_has_focus(qtbot, opened, store, mini_assessment):
    view = opened.assessment_view
    view.tree.setFocus()
    type_keys(qtbot, Qt.Key.Key_Down)  # the tree's own arrow keys still move through it
    assert view.current_id == "REG-02" and focused() is view.tree
    type_keys(qtbot, Qt.Key.Key_3)
    assert focused() is view.tree  # a level key does not pull focus out of the tree
    type_keys(qtbot, Qt.Key.Key_Down)
    type_keys(qtbot, Qt.Key.Key_Down)  # over the Operations area to OPS-01
    type_keys(qtbot, Qt.Key.Key_U)
    answers = store.answers(mini_assessment)
    assert answers["REG-02"].level == 3 and answers["OPS-01"].special == "unknown"


def test_find_and_review_links_put_focus_on_the_level_choices(qtbot, opened):
    view = opened.assessment_view
    type_keys(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is view.find
    qtbot.keyClicks(view.find, "registration")
    type_keys(qtbot, Qt.Key.Key_Return)
    assert view.current_id == "OPS-02" and on_level_choices(opened)
    view.show_review()
    view.review.unanswered.setFocus()
    view.review.unanswered.setCurrentRow(1)
    type_keys(qtbot, Qt.Key.Key_Return)
    assert view.current_id == "REG-02" and on_level_choices(opened)


def test_escape_in_a_text_field_saves_it_and_returns_to_the_level_choices(qtbot, opened, store, mini_assessment):
    page = opened.assessment_view.page
    for field in (page.notes, page.evidence_text, page.evidence_reference):
        field.setFocus()
        qtbot.keyClicks(field, "x")
        type_keys(qtbot, Qt.Key.Key_Escape)
        assert on_level_choices(opened), field
    answer = store.answers(mini_assessment)["REG-01"]  # at once, not after the typing pause
    assert (answer.notes, answer.evidence_text, answer.evidence_reference) == ("x", "x", "x")
    type_keys(qtbot, Qt.Key.Key_1)
    assert store.answers(mini_assessment)["REG-01"].level == 1


def test_ctrl_e_jumps_to_the_evidence_from_the_choices_and_the_tree(qtbot, opened):
    view = opened.assessment_view
    type_keys(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert focused() is view.page.evidence_text
    view.tree.setFocus()
    type_keys(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert focused() is view.page.evidence_text


def _contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours."""
    def luminance(colour: QColor) -> float:
        channels = [c / 255 for c in (colour.red(), colour.green(), colour.blue())]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Base, "#1e1e1e"),
                         (QPalette.ColorRole.WindowText, "#eeeeee"), (QPalette.ColorRole.Text, "#eeeeee"),
                         (QPalette.ColorRole.Button, "#3a3a3a"), (QPalette.ColorRole.ButtonText, "#eeeeee"),
                         (QPalette.ColorRole.Mid, "#555555"), (QPalette.ColorRole.Highlight, "#2f65ca")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_focused_level_choice_has_a_ring_that_stands_out(qtbot, opened, dark):
    app = QApplication.instance()
    original = app.palette()
    if dark:
        app.setPalette(_dark_palette())
        qtbot.waitUntil(lambda: opened.palette().color(QPalette.ColorRole.Window).lightness() < 128)
    try:
        page = opened.assessment_view.page
        choice, other = page.choices[2], page.choices[3]
        choice.setFocus()
        qtbot.waitUntil(choice.hasFocus)
        background = choice.parentWidget().palette().color(QPalette.ColorRole.Window)
        assert (background.lightness() < 128) == dark
        middle = choice.height() // 2
        ring = choice.grab().toImage()
        plain = other.grab().toImage()
        # The ring is at least 2 px wide on the edge, with 3:1 contrast against the page (WCAG 2.4.13).
        for x in (0, 1):
            assert _contrast(ring.pixelColor(x, middle), background) >= 3, (x, ring.pixelColor(x, middle).name())
        assert plain.pixelColor(1, middle) != ring.pixelColor(1, middle)  # only the focused choice has it
    finally:
        app.setPalette(original)


def test_words_on_a_level_fill_or_a_note_card_stay_readable_in_a_dark_palette(qtbot, opened):
    """The checked level and the national note draw their own light ground: their words must not turn light."""
    from hbm_assess.palette import level_fill
    from hbm_assess.ui.indicator_page import Note

    app = QApplication.instance()
    original = app.palette()
    app.setPalette(_dark_palette())
    try:
        page = opened.assessment_view.page
        note = Note(page)
        qtbot.waitUntil(lambda: page.palette().color(QPalette.ColorRole.Window).lightness() < 128)
        for choice in page.choices:
            choice.set_checked(True)
            words = choice.title.palette().color(QPalette.ColorRole.WindowText)
            assert _contrast(words, QColor(level_fill(choice.level))) >= 4.5, (choice.level, words.name())
            choice.set_checked(False)
            assert choice.title.palette().color(QPalette.ColorRole.WindowText).lightness() > 128  # the page's own
        assert _contrast(note.palette().color(QPalette.ColorRole.WindowText), QColor(Note.BACKGROUND)) >= 4.5
    finally:
        app.setPalette(original)


# -- every shortcut defined once ------------------------------------------------------------------------------

def _every_view_built(window, assessment_id):
    """The window with each screen made once: home, portfolio, an assessment with every tab (made when shown)."""
    from hbm_assess.ui.assessment_view import PLAN, RESULTS

    window.show_portfolio()
    window.open_assessment(assessment_id, "REG-01")
    for name in (RESULTS, PLAN):
        window.assessment_view.tab(name)
    window.assessment_view.review  # noqa: B018 - made when first asked for
    window.assessment_view.show_settle()
    return window


def test_no_key_sequence_is_claimed_twice_where_both_could_answer(qtbot, opened, mini_assessment):
    from hbm_assess.ui.shortcuts import clashes

    assert clashes(_every_view_built(opened, mini_assessment)) == []


def test_redo_answers_to_every_platform_key_and_the_readme_s_own(qtbot, opened, store, mini_assessment):
    redo = next(a for a in opened.findChildren(QAction) if a.text() == "&Redo")
    expected = {s.toString() for s in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)}
    expected |= {"Ctrl+Shift+Z", "Ctrl+Y"}
    claimed = [s.toString() for s in redo.shortcuts()]
    assert set(claimed) == expected and len(claimed) == len(expected)
    for sequence in ("Ctrl+Shift+Z", "Ctrl+Y"):
        type_keys(qtbot, Qt.Key.Key_2)
        type_keys(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert "REG-01" not in store.answers(mini_assessment)
        combination = QKeySequence(sequence)[0]
        type_keys(qtbot, combination.key(), combination.keyboardModifiers())
        assert store.answers(mini_assessment)["REG-01"].level == 2, sequence
        type_keys(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


CHILD = """
import json, sys
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language
from hbm_assess.ui.main_window import MainWindow
from hbm_assess.ui.shortcuts import clashes
from hbm_assess.storage.store import Store
app = application()
apply_language(app, "en")
window = MainWindow(Store.open(Path(sys.argv[1])))
window.show()
window.show_portfolio()
window.open_assessment(int(sys.argv[3]), "REG-01")
window.assessment_view.tab("results"), window.assessment_view.tab("plan"), window.assessment_view.review
window.assessment_view.show_settle()
print(json.dumps(clashes(window)))
"""


def test_no_key_is_claimed_twice_under_a_real_x_server_either(tmp_path, store, mini_assessment, settings_file):
    """X11's own standard keys differ from the offscreen platform's: on X11, Redo is Ctrl+Shift+Z."""
    import json
    import subprocess
    import sys

    from xvfb import x_display

    store.close()
    with x_display(tmp_path) as env:
        result = subprocess.run([sys.executable, "-c", CHILD, str(store.path), str(settings_file),
                                 str(mini_assessment)], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
