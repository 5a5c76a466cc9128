"""The results tab and the plan of action, driven through their widgets."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.ui.main_window import MainWindow
from hbm_assess.ui.plan import ActionDialog
from hbm_assess.ui.results import ScoredTableModel

pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


@pytest.fixture
def view(qtbot, store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=1, target=3))
    store.save_answer(mini_assessment, Answer("REG-02", level=3))
    store.save_answer(mini_assessment, Answer("OPS-01", level=4, evidence_text="Exercise 2025"))
    store.save_answer(mini_assessment, Answer("OPS-02", special="na"))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(mini_assessment)
    return window.assessment_view


DRAW_MS = 10_000


def _column(model, column):
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_scored_table_shows_level_target_gap_and_evidence(qtmodeltester, view):
    model = view.results.table_model
    qtmodeltester.check(model)
    assert _column(model, ScoredTableModel.TARGET) == ["3", "4", "5", ""]
    assert _column(model, ScoredTableModel.GAP) == ["2", "1", "1", ""]
    assert _column(model, ScoredTableModel.EVIDENCE) == ["", "", "✓", ""]
    assert model.index(3, ScoredTableModel.LEVEL).data() == "Not applicable"


def test_results_redraw_when_an_answer_changes(qtbot, view):
    with qtbot.waitSignal(view.results.charts_drawn, timeout=DRAW_MS):
        view.tabs.setCurrentWidget(view.results)
    assert "over 3 scored indicators" in view.results.caption.text()
    before = view.results.canvases["radar"].figure
    with qtbot.waitSignal(view.results.charts_drawn, timeout=DRAW_MS):
        view.page.show_indicator(view.session.form.indicator("OPS-02"))
        view.page._on_level_chosen(2)
    assert "over 4 scored indicators" in view.results.caption.text()
    radar = view.results.canvases["radar"].figure
    assert radar is not before and radar.axes, "the radar chart was drawn again"


def _colours(image, step=7) -> set:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_results_charts_are_drawn_off_the_gui_thread_as_images_of_the_size_shown(qtbot, view):
    results = view.results
    with qtbot.waitSignal(results.charts_drawn, timeout=DRAW_MS):
        view.tabs.setCurrentWidget(results)
    assert not results.drawing()
    for name, canvas in results.canvases.items():
        ratio = canvas.devicePixelRatioF()
        assert not canvas.image.isNull(), name
        assert (canvas.image.width(), canvas.image.height()) == (round(canvas.width() * ratio),
                                                                 round(canvas.height() * ratio)), name
        assert len(_colours(canvas.image)) > 10, f"{name}: a chart, not a blank image"
    assert results.canvases["gaps"].height() > results.canvases["radar"].height()  # tall, so more gaps fit


def test_closing_the_assessment_while_its_charts_are_drawn_paints_nothing_into_them(qtbot, view, monkeypatch):
    import threading

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from hbm_assess.ui import chart_image

    with qtbot.waitSignal(view.results.charts_drawn, timeout=DRAW_MS):
        view.tabs.setCurrentWidget(view.results)
    drawings = []
    real_render = chart_image.render
    monkeypatch.setattr(chart_image, "render", lambda *a, **k: drawings.append(1) or real_render(*a, **k))
    gate = threading.Event()
    chart_image.renderer().run(gate.wait)
    view.page.show_indicator(view.session.form.indicator("OPS-02"))
    view.page._on_level_chosen(2)
    canvases = list(view.results.canvases.values())
    qtbot.waitUntil(lambda: all(c._request is not None for c in canvases), timeout=DRAW_MS)
    window = view.window()
    window.show_home()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not any(isValid(c) for c in canvases)
    gate.set()
    chart_image.finish_drawing()
    chart_image.renderer().wait()
    QApplication.processEvents()
    assert drawings == [] and chart_image.renderer()._waiting == {}


def test_comparison_with_a_follow_up_counts_changes(qtbot, view, store, mini_assessment):
    follow_up = store.duplicate_assessment(mini_assessment, "2027-01-01")
    store.save_answer(follow_up, Answer("REG-01", level=3))
    store.save_answer(follow_up, Answer("OPS-01", level=2))
    window = view.window()
    window.open_assessment(follow_up)
    results = window.assessment_view.results
    results.compare_with.setCurrentIndex(1)
    assert results.comparison_note.text() == "Improved 1 · same 1 · worse 1 · not comparable 1"
    assert _column(results.table_model, ScoredTableModel.CHANGE) == ["+2", "0", "-2", ""]


def test_add_action_from_a_gap_suggests_priority_and_groups_by_institution(qtbot, view, store, mini_assessment,
                                                                         monkeypatch):
    results = view.results
    proxy = results.table.model()
    results.table.setCurrentIndex(proxy.index(0, 0))  # REG-01, gap 2

    def fill_and_accept(dialog):
        assert dialog.priority.currentData() == "high"
        assert "gap of 2" in dialog.suggestion.text()
        dialog.responsible.setCurrentText("MoI")
        dialog.partners.setText("IOM, UNHCR")
        dialog.cost.setValue(12000)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ActionDialog, "exec", fill_and_accept)
    qtbot.mouseClick(results.add_action_button, Qt.MouseButton.LeftButton)
    [action] = store.actions(mini_assessment)
    assert (action.indicators, action.responsible, action.partners, action.priority, action.cost) == (
        ("REG-01",), "MoI", ("IOM", "UNHCR"), "high", 12000.0)
    assert view.tabs.currentWidget() is view.plan

    store.save_action(mini_assessment, Action("Set up a coordination meeting", ("OPS-01",), responsible="BMD"))
    store.save_action(mini_assessment, Action("Train staff", ("OPS-01",), responsible="MoI", status="done"))
    view.plan.refresh()
    model = view.plan.proxy
    groups = {model.index(r, 0).data(): model.rowCount(model.index(r, 0)) for r in range(model.rowCount())}
    # Named as the report and the workbooks name them, the acronym beside (#16).
    assert groups == {"Ministry of Interior (MoI)  (2)": 2,
                      "Bureau of Migration and Displacement, Kurdistan Regional Government (BMD)  (1)": 1}
    assert view.plan.total.text() == "3 actions · 2 institutions"
    view.plan.filter.setText("done")
    assert model.rowCount() == 1 and model.rowCount(model.index(0, 0)) == 1


def test_action_needs_a_title_and_can_be_deleted(qtbot, view, store, mini_assessment, monkeypatch):
    dialog = ActionDialog(view.session, Action(title=""), None, view)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() == 0 and dialog.problem.text()
    store.save_action(mini_assessment, Action("Draft SOP", ("OPS-01",), responsible="MoI"))
    view.plan.refresh()
    tree, proxy = view.plan.tree, view.plan.proxy
    tree.setCurrentIndex(proxy.index(0, 0, proxy.index(0, 0)))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(view.plan.delete_button, Qt.MouseButton.LeftButton)
    assert store.actions(mini_assessment) == []


def test_comparison_across_versions_says_how_many_indicators_were_left_out(qtbot, view, store, mini_assessment):
    from conftest import TESTS

    from hbm_assess.core.assessment import Assessment
    from hbm_assess.core.questionnaire import load_form

    v2 = load_form(TESTS / "forms" / "mini-v2.yaml")
    earlier = store.assessment(mini_assessment)
    follow_up = store.create_assessment(Assessment("mini", "2.0", earlier.site, date="2027-01-01"), v2, [
        Answer("REG-01", level=2), Answer("OPS-01", level=4), Answer("OPS-05", level=3), Answer("REG-03", level=5)])
    window = view.window()
    window.open_assessment(follow_up)
    results = window.assessment_view.results
    results.compare_with.setCurrentIndex(1)
    # REG-01 1→2, OPS-01 4→4, OPS-05 (was OPS-02, N/A) not comparable; REG-02 (1.0 only) and REG-03 (2.0 only) left out
    assert results.comparison_note.text() == (
        "Improved 1 · same 1 · worse 0 · not comparable 1 · 2 left out: only one of the two versions asks them")
    assert _column(results.table_model, ScoredTableModel.CHANGE) == ["+1", "", "0", ""]


def test_a_rapid_workshop_baseline_is_offered_and_compared_with_a_detailed_follow_up(qtbot, view, store):
    from hbm_assess.core.assessment import Assessment, Site
    from hbm_assess.core.questionnaire import installed_forms

    forms = installed_forms()
    rapid, detailed = forms[("hbm-rapid", "1.1")], forms[("hbm-detailed", "1.1")]
    site = Site("Safwan", "IQ", "land")
    store.create_assessment(Assessment(rapid.id, rapid.version, site, date="2025-03-01", mode="rapid"), rapid,
                            [Answer("OPS-R1", level=2)])
    scored = [Answer("OPS-01", level=3), Answer("OPS-02", level=2), Answer("OPS-03", level=1)]
    follow_up = store.create_assessment(Assessment(detailed.id, detailed.version, site, date="2026-03-01"), detailed,
                                        scored)
    window = view.window()
    window.open_assessment(follow_up)
    results = window.assessment_view.results
    assert results.compare_with.count() == 2, "the rapid assessment of the same site is offered"
    results.compare_with.setCurrentIndex(1)
    assert results.comparison_note.text() == (
        "Rapid against detailed, through what each rapid item summarises: "
        "Improved 1 · same 1 · worse 1 · not comparable 42 · 15 left out")
    model = results.table_model
    change = {model.indicators[row].id: model.index(row, ScoredTableModel.CHANGE).data()
              for row in range(model.rowCount())}
    assert (change["OPS-01"], change["OPS-02"], change["OPS-03"], change["OPS-11"]) == ("+1", "0", "-1", "")


def test_the_scored_table_works_out_its_cells_once_per_change_not_once_per_question(qtbot, view, monkeypatch):
    """Opening Results sized the table's columns by asking every cell ~19 roles, each worked out anew (#20)."""
    from hbm_assess.ui import results

    worked_out = []
    real = results.target_for
    monkeypatch.setattr(results, "target_for", lambda *a: worked_out.append(1) or real(*a))
    with qtbot.waitSignal(view.results.charts_drawn, timeout=DRAW_MS):
        view.tabs.setCurrentWidget(view.results)
    view.results.table.resizeColumnsToContents()
    answered = len(view.session.analysed_answers())
    assert 0 < len(worked_out) <= 3 * answered  # a refresh or two (the comparison's), not one per role per cell
    assert _column(view.results.table_model, ScoredTableModel.TARGET) == ["3", "4", "5", ""]
