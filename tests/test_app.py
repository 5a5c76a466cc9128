"""The assessor's app driven through its real widgets, offscreen."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.workshop import Group
from hbm_assess.storage.database import write_transaction
from hbm_assess.storage.store import Store
from hbm_assess.ui import settings
from hbm_assess.ui.app import start
from hbm_assess.ui.home import AssessmentListModel
from hbm_assess.ui.indicator_tree import IndicatorTreeModel
from hbm_assess.ui.main_window import MainWindow
from hbm_assess.ui.new_assessment import NewAssessmentDialog

pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def opened(window, mini_assessment):
    """The window with the mini assessment open at its first indicator."""
    window.open_assessment(mini_assessment, "REG-01")
    return window


def press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    page = window.assessment_view.page
    page.setFocus()
    qtbot.keyClick(page, key, modifier)


def test_new_assessment_is_checked_where_it_is_typed_and_then_created(qtbot, window, monkeypatch, mini_form):
    dialog = NewAssessmentDialog([mini_form], window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept()  # nothing filled in yet
    assert dialog.result() == 0
    assert dialog.problems[dialog.site_name].isVisible()
    assert dialog.problems[dialog.assessors].isVisible()
    ibrahim = dialog.site_choice.findText("Ibrahim Khalil")
    dialog.site_choice.setCurrentIndex(ibrahim)
    assert dialog.site_name.text() == "Ibrahim Khalil" and dialog.country.text() == "IQ"
    # What shows is checked before validate() is called here, since calling it redraws the problems.
    assert not dialog.problems[dialog.site_name].isVisible()  # choosing the site cleared its problem
    assert dialog.problems[dialog.assessors].isVisible()
    assert dialog.validate() is False  # still no assessor
    qtbot.keyClicks(dialog.assessors, "Layla Hassan, Omar Al-Jubouri")
    assert not dialog.problems[dialog.assessors].isVisible()
    assert dialog.validate() is True
    dialog.pcode.setText("iq 03")
    assert dialog.problems[dialog.pcode].isVisible() and "P-code" in dialog.problems[dialog.pcode].text()
    assert dialog.validate() is False
    dialog.pcode.clear()
    assert not dialog.problems[dialog.pcode].isVisible()
    assert dialog.validate() is True
    dialog.date.setDate(QDate(2026, 11, 20))
    dialog.institution_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(dialog.other_institution, "Governorate of Duhok")
    qtbot.keyClick(dialog.other_institution, Qt.Key.Key_Return)
    dialog.accept()
    assert dialog.result() == 1
    assessment = dialog.assessment()
    assert assessment.site.name == "Ibrahim Khalil" and assessment.site.reference_id == "ibrahim-khalil"
    assert assessment.assessors == ("Layla Hassan", "Omar Al-Jubouri")
    assert assessment.date == "2026-11-20"
    assert "Governorate of Duhok" in assessment.institutions and len(assessment.institutions) == 2

    monkeypatch.setattr(NewAssessmentDialog, "exec", lambda self: NewAssessmentDialog.DialogCode.Accepted)
    monkeypatch.setattr(NewAssessmentDialog, "assessment", lambda self: assessment)
    monkeypatch.setattr(NewAssessmentDialog, "chosen_form", lambda self: mini_form)
    window.new_assessment()
    assert window.session is not None and window.session.assessment.site.name == "Ibrahim Khalil"
    assert window.assessment_view.current_id == "REG-01"


def test_keyboard_answers_are_committed_and_shown_saved(qtbot, opened, store, mini_assessment):
    view = opened.assessment_view
    with qtbot.waitSignal(opened.session.saved):
        press(qtbot, opened, Qt.Key.Key_3)
    assert store.answers(mini_assessment)["REG-01"].level == 3
    assert store.answers(mini_assessment)["REG-01"].target is None  # the target policy decides: current + 1
    assert view.page.target.value() == 4
    assert opened.saved_label.text().startswith("Saved ")
    press(qtbot, opened, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert view.current_id == "REG-02"
    press(qtbot, opened, Qt.Key.Key_2)
    assert view.page.target.value() == 4  # the form's default target
    press(qtbot, opened, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    press(qtbot, opened, Qt.Key.Key_N)
    press(qtbot, opened, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    press(qtbot, opened, Qt.Key.Key_U)
    answers = store.answers(mini_assessment)
    assert (answers["OPS-01"].special, answers["OPS-02"].special) == ("na", "unknown")
    press(qtbot, opened, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert view.current_id == "OPS-01"
    press(qtbot, opened, Qt.Key.Key_0)
    assert view.page.na_button.isChecked()
    assert view.progress.value() == 4


def test_mouse_choice_and_typed_evidence_are_saved(qtbot, opened, store, mini_assessment):
    page = opened.assessment_view.page
    qtbot.mouseClick(page.choices[4], Qt.MouseButton.LeftButton)
    answer = store.answers(mini_assessment)["REG-01"]
    assert answer.level == 5 and answer.needs_evidence
    tree = opened.assessment_view.tree_model
    assert "needs evidence" in tree.data(tree.indicator_index("REG-01"), Qt.ItemDataRole.ToolTipRole)
    page.notes.setFocus()
    qtbot.keyClicks(page.notes, "Seen 1 SOP")  # "1" typed into a note must not pick level 1
    qtbot.keyClicks(page.evidence_text, "After-action report, March 2025")
    qtbot.waitUntil(lambda: store.answers(mini_assessment)["REG-01"].evidence_text != "", timeout=3000)
    answer = store.answers(mini_assessment)["REG-01"]
    assert (answer.level, answer.notes) == (5, "Seen 1 SOP")
    assert not answer.needs_evidence
    assert "needs evidence" not in tree.data(tree.indicator_index("REG-01"), Qt.ItemDataRole.ToolTipRole)


def test_typing_is_saved_when_leaving_the_assessment_before_the_pause(qtbot, opened, store, mini_assessment):
    page = opened.assessment_view.page
    qtbot.keyClicks(page.evidence_reference, "Law 76/2017")
    opened.show_home()  # immediately, within the typing pause
    assert store.answers(mini_assessment)["REG-01"].evidence_reference == "Law 76/2017"


def test_undo_and_redo_reach_the_database(qtbot, opened, store, mini_assessment):
    press(qtbot, opened, Qt.Key.Key_2)
    press(qtbot, opened, Qt.Key.Key_4)
    qtbot.keyClick(opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.answers(mini_assessment)["REG-01"].level == 2
    qtbot.keyClick(opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "REG-01" not in store.answers(mini_assessment)
    assert not opened.assessment_view.page.choices[1].is_checked()
    qtbot.keyClick(opened, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert store.answers(mini_assessment)["REG-01"].level == 2


def test_a_burst_of_typing_is_one_undo_step(qtbot, opened, store, mini_assessment):
    page = opened.assessment_view.page
    qtbot.keyClicks(page.notes, "first")
    page.commit_typing()
    qtbot.keyClicks(page.notes, " second")
    page.commit_typing()
    assert store.answers(mini_assessment)["REG-01"].notes == "first second"
    opened.undo_group.undo()
    assert "REG-01" not in store.answers(mini_assessment)


def test_find_jumps_to_an_indicator_by_words(qtbot, opened):
    view = opened.assessment_view
    qtbot.keyClick(view.page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert view.find.hasFocus()
    qtbot.keyClicks(view.find, "registration")
    qtbot.keyClick(view.find, Qt.Key.Key_Return)
    assert view.current_id == "OPS-02"
    qtbot.keyClicks(view.find, "ops-01")
    qtbot.keyClick(view.find, Qt.Key.Key_Return)
    assert view.current_id == "OPS-01"


def test_review_lists_the_work_left_and_mark_final_locks_answers(qtbot, opened, store, mini_assessment, monkeypatch):
    press(qtbot, opened, Qt.Key.Key_4)  # level 4, no evidence
    view = opened.assessment_view
    view.show_review()
    review = view.review
    assert review.unanswered.count() == 3 and review.needs_evidence.count() == 1
    item = review.unanswered.item(0)
    review.unanswered.itemActivated.emit(item)
    assert view.current_id == item.data(Qt.ItemDataRole.UserRole) == "REG-02"
    view.show_review()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(review.final_button, Qt.MouseButton.LeftButton)
    assert store.assessment(mini_assessment).status == "final"
    view.show_indicator("REG-02")
    press(qtbot, opened, Qt.Key.Key_1)
    assert "REG-02" not in store.answers(mini_assessment)
    assert not view.page.choices[0].isEnabled()

    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("New evidence arrived", True))
    view.show_review()
    qtbot.mouseClick(review.final_button, Qt.MouseButton.LeftButton)
    reopened = store.assessment(mini_assessment)
    assert reopened.status == "draft" and "New evidence arrived" in reopened.notes
    view.show_indicator("REG-02")
    press(qtbot, opened, Qt.Key.Key_1)
    assert store.answers(mini_assessment)["REG-02"].level == 1
    assert store.assessment(mini_assessment).revision == 2


def test_delete_asks_and_can_be_undone(qtbot, window, store, mini_assessment, monkeypatch):
    window.refresh_home()
    window.home.select(mini_assessment)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(window.home.delete_button, Qt.MouseButton.LeftButton)
    assert store.list_assessments() == []
    assert window.home.pages.currentWidget() is window.home.empty
    window.undo_group.undo()
    assert [r.id for r in store.list_assessments()] == [mini_assessment]
    assert window.home.selected_id() == mini_assessment


def test_follow_up_opens_a_copy(qtbot, window, store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    window.refresh_home()
    window.home.select(mini_assessment)
    qtbot.mouseClick(window.home.duplicate_button, Qt.MouseButton.LeftButton)
    assert window.session.assessment_id != mini_assessment
    assert window.session.answer("REG-01").level == 2


def test_the_tree_says_what_each_answer_and_area_holds_as_answers_change(qtbot, store, mini_assessment):
    """The tree keeps its texts in Qt's items (#20): they must follow every change, one or many at once."""
    from hbm_assess.storage import workshop
    from hbm_assess.ui.session import AssessmentSession

    def shown(model, indicator_id):
        index = model.indicator_index(indicator_id)
        return (index.parent().data(), index.data(Qt.ItemDataRole.ToolTipRole).split("\n")[1],
                index.data(Qt.ItemDataRole.AccessibleDescriptionRole))

    session = AssessmentSession(store, mini_assessment)
    model = IndicatorTreeModel(session)
    assert shown(model, "REG-01") == ("Regulatory framework  (0/2)", "Not answered yet", "Not answered yet")
    session.put(Answer("REG-01", level=4))
    assert shown(model, "REG-01") == ("Regulatory framework  (1/2)", "4 · Demonstrated capacity — needs evidence",
                                      "4 · Demonstrated capacity — needs evidence")
    assert model.indicator_index("OPS-01").parent().data() == "Operations  (0/2)"  # another area: unchanged
    # Many answers changed at once (an import, a merge): the session says so with "".
    store.save_answer(mini_assessment, Answer("OPS-01", special="na"))
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    session.reload_answers()
    session.answer_changed.emit("")
    assert shown(model, "REG-01") == ("Regulatory framework  (1/2)", "2 · Limited capacity", "2 · Limited capacity")
    assert shown(model, "OPS-01") == ("Operations  (1/2)", "Not applicable", "Not applicable")
    # On a workshop group's laptop its own indicators stand out; the others are greyed, for reference.
    workshop.save_groups(store, mini_assessment, [Group("Legal", ("Huda",), ("MoI",), ("REG-01", "REG-02"))])
    workshop.set_laptop_group(store, mini_assessment, "Legal")
    laptop = IndicatorTreeModel(AssessmentSession(store, mini_assessment))
    for indicator_id, bold, grey in (("REG-02", True, False), ("OPS-02", False, True)):
        index = laptop.indicator_index(indicator_id)
        font, colour = index.data(Qt.ItemDataRole.FontRole), index.data(Qt.ItemDataRole.ForegroundRole)
        assert (font is not None and font.bold()) == bold, indicator_id
        assert (colour is not None and colour.color().name() == "#777777") == grey, indicator_id
    assert not laptop.flags(laptop.indicator_index("REG-02")) & Qt.ItemFlag.ItemIsEditable  # chosen, never edited


def test_models_pass_qt_model_tester(qtmodeltester, store, mini_assessment):
    from hbm_assess.ui.session import AssessmentSession

    store.save_answer(mini_assessment, Answer("REG-01", level=4))
    qtmodeltester.check(IndicatorTreeModel(AssessmentSession(store, mini_assessment)))
    model = AssessmentListModel()
    model.set_rows(store.list_assessments())
    qtmodeltester.check(model)


def test_a_thousand_assessments_in_the_home_list(qtbot, window, store, mini_form):
    with store.db.atomic():
        for n in range(1000):
            store.create_assessment(
                Assessment("mini", "1.0", Site(f"Site {n:04}", "IQ"), date=f"2025-{1 + n % 12:02}-10"), mini_form,
                answers=[Answer("REG-01", level=1 + n % 5)],
            )
    window.refresh_home()
    home = window.home
    assert home.proxy.rowCount() == 1000
    home.table.sortByColumn(AssessmentListModel.MEAN, Qt.SortOrder.DescendingOrder)
    assert home.proxy.index(0, AssessmentListModel.MEAN).data() == "5.0"
    qtbot.keyClicks(home.search, "Site 0999")
    assert home.proxy.rowCount() == 1


def test_window_remembers_the_splitter(qtbot, opened, store, mini_assessment, settings_file):
    opened.resize(1200, 800)
    splitter = opened.assessment_view.splitter
    default = splitter.sizes()
    splitter.setSizes([200, 900])
    moved = splitter.sizes()
    assert moved != default and moved[0] < default[0]  # the move took: the test below is not vacuous
    opened.show_home()

    again = MainWindow(store)  # a new window, as after a restart, reading the same settings file
    qtbot.addWidget(again)
    again.resize(1200, 800)
    again.show()
    again.open_assessment(mini_assessment, "REG-01")
    assert again.assessment_view.splitter.sizes() == moved


CHILD = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from hbm_assess.ui import settings
    settings.use_file(Path(sys.argv[2]))
    from hbm_assess.ui.app import application, apply_language, start
    from hbm_assess.storage.store import Store
    app = application()
    apply_language(app, "en")
    window = start(Store.open(Path(sys.argv[1])))
    window.open_assessment(int(sys.argv[3]), "OPS-01")
    window.assessment_view.page._on_level_chosen(3)
    app.processEvents()
    print("ready", flush=True)
    app.exec()
""")


@pytest.mark.slow
def test_after_a_kill_the_app_reopens_the_assessment_at_the_same_indicator(
    qtbot, tmp_path, store, mini_assessment, settings_file, monkeypatch
):
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(store.path), str(settings_file), str(mini_assessment)],
        stdout=subprocess.PIPE, text=True, env=env,
    )
    assert child.stdout.readline().strip() == "ready"
    child.send_signal(signal.SIGKILL)
    child.wait()

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, message: shown.append(message))
    reopened_store = Store.open(store.path)
    assert reopened_store.answers(mini_assessment)["OPS-01"].level == 3
    window = start(reopened_store)
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.session is not None, timeout=3000)
    assert window.assessment_view.current_id == "OPS-01"
    assert shown and "Ibrahim Khalil" in shown[0] and "OPS-01" in shown[0]
    window.close()
    assert settings.read("session/clean_exit") is True
    reopened_store.close()


def test_empty_database_offers_a_first_step_and_a_demo(qtbot, window, store):
    home = window.home
    assert home.pages.currentWidget() is home.empty
    qtbot.mouseClick(home.empty_demo, Qt.MouseButton.LeftButton)
    assert window.session is not None and len(store.list_assessments()) == 1


def test_language_choice_is_remembered_and_a_restart_offered(qtbot, window, monkeypatch):
    from PySide6.QtCore import QProcess

    asked, started = [], []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QProcess, "startDetached", lambda program, arguments: started.append(arguments))
    window.choose_language("ar")
    assert settings.read("language") == "ar"
    assert "restart" in asked[0]
    assert started and started[0][-2:] == ["--lang", "ar"]


def test_untranslated_indicator_says_it_is_shown_in_english(qtbot, window, store, mini_assessment):
    from hbm_assess.ui import text

    window.open_assessment(mini_assessment, "REG-01")
    page = window.assessment_view.page
    assert page.fallback_note.isHidden()  # the mini form has Arabic
    text.set_language("ckb")
    try:
        page.show_indicator(window.session.form.indicator("REG-01"))
        assert not page.fallback_note.isHidden() and "English" in page.fallback_note.text()
        assert page.label.text() == "Emergency entry law"  # never blank
    finally:
        text.set_language("en")


def test_opening_a_damaged_database_says_where_the_old_file_went(qtbot, window, tmp_path, monkeypatch):
    damaged = damaged_database(tmp_path / "from-usb.sqlite")
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, message: told.append(message))
    window.switch_database(damaged)
    assert window.store.path == damaged and window.store.list_assessments() == []
    assert told and "was damaged" in told[0] and ".damaged-" in told[0]
    assert list(tmp_path.glob("from-usb.sqlite.damaged-*"))


def test_opening_a_file_that_is_not_a_database_changes_nothing(qtbot, window, tmp_path, monkeypatch):
    garbage = tmp_path / "from-usb.sqlite"
    garbage.write_bytes(b"\x00garbage" * 1000)
    before = window.store.path
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, message: told.append(message))
    window.switch_database(garbage)
    assert window.store.path == before
    assert told and "is not an HBM Assess database" in told[0]
    assert garbage.read_bytes() == b"\x00garbage" * 1000 and not list(tmp_path.glob("*.damaged-*"))


def damaged_database(path: Path) -> Path:
    """A real HBM Assess database whose pages were scribbled over after the first few."""
    store = Store.open(path)
    store.db.execute("CREATE TABLE IF NOT EXISTS filler (x)")
    with write_transaction(store.db):
        for _ in range(200):
            store.db.execute("INSERT INTO filler VALUES (?)", ("x" * 500,))
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    for offset in range(3 * 4096 + 100, len(data) - 4096, 4096):
        data[offset:offset + 4000] = b"\xff" * 4000
    path.write_bytes(bytes(data))
    return path


def test_text_a_spreadsheet_cannot_hold_is_refused_where_it_is_typed(qtbot, opened, store, mini_assessment):
    page = opened.assessment_view.page
    page.notes.setPlainText("copied from a PDF\x0c page 2")
    page.commit_typing()
    assert "REG-01" not in store.answers(mini_assessment)
    assert "control character (at position 18)" in page.state_note.text()
    page.notes.setPlainText("x" * 32_768)
    page.commit_typing()
    assert "longer than 32767 characters" in page.state_note.text()
    assert "REG-01" not in store.answers(mini_assessment)
    page.notes.setPlainText("copied from a PDF, page 2")
    page.commit_typing()
    assert store.answers(mini_assessment)["REG-01"].notes == "copied from a PDF, page 2"


def test_sorting_and_searching_the_list_keep_the_selected_assessment(qtbot, window, store, mini_form):
    for name, day in (("safwan", "2025-01-05"), ("Arar", "2025-03-01"), ("Trebil", "2025-02-10")):
        store.create_assessment(Assessment("mini", "1.0", Site(name, "IQ"), date=day), mini_form)
    window.refresh_home()
    home = window.home
    shown = lambda: [home.proxy.index(r, AssessmentListModel.SITE).data() for r in range(home.proxy.rowCount())]  # noqa: E731
    assert shown() == ["Arar", "Trebil", "safwan"]  # newest first
    home.select(store.list_assessments(search="Trebil")[0].id)
    home.table.sortByColumn(AssessmentListModel.SITE, Qt.SortOrder.AscendingOrder)
    assert shown() == ["Arar", "safwan", "Trebil"]  # letters compared without case
    assert home.proxy.index(home.table.currentIndex().row(), 0).data() == "Trebil"
    assert window.home.selected_id() == store.list_assessments(search="Trebil")[0].id
    qtbot.keyClicks(home.search, "tre")
    assert shown() == ["Trebil"] and window.home.selected_id() is not None
