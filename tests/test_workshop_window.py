"""The workshop in the window: consensus rules, disagreement on every screen, outputs, the projector."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.core.workshop import Group, Output
from hbm_assess.exchange.importing import import_paths
from hbm_assess.exchange.workshop_files import prepare_group_files
from hbm_assess.storage import workshop, workshop_outputs
from hbm_assess.storage.store import Store

GROUPS = [Group("Legal", indicators=("REG-01", "REG-02")), Group("Operations", indicators=("REG-01", "OPS-01"))]


@pytest.fixture
def split(store, mini_assessment):
    """Legal says 1, Operations says 5 on REG-01; both say about the same on REG-02."""
    workshop.save_groups(store, mini_assessment, GROUPS)
    store.save_answer(mini_assessment, Answer("REG-01", level=1, group="Legal", evidence_text="No law",
                                              notes="Asked the legal adviser"))
    store.save_answer(mini_assessment, Answer("REG-01", level=5, group="Operations", evidence_text="Used in 2014"))
    store.save_answer(mini_assessment, Answer("REG-02", level=2, group="Legal"))
    store.save_answer(mini_assessment, Answer("REG-02", level=3, group="Operations"))
    return mini_assessment


def _choose(settle, indicator_id: str) -> None:
    row = next(i for i, case in enumerate(settle.cases) if case.indicator_id == indicator_id)
    settle.case_list.setCurrentRow(row)


def test_the_agreed_level_is_never_chosen_for_the_plenary_and_a_wide_split_needs_a_note(qtbot, window, store, split):
    window.open_assessment(split)
    window.show_settle()
    settle = window.assessment_view.settle
    assert settle.case_list.item(0).text() == "⚠ REG-01  unsettled: Legal 1 / Operations 5"
    _choose(settle, "REG-01")
    assert settle.agreed.currentData() is None and not settle.record.isEnabled()
    assert settle.hint.text() == "When in doubt between two levels, score the lower."
    settle.agreed.setCurrentIndex(settle.agreed.findData(2))
    assert not settle.record.isEnabled() and "differ by 4 levels" in settle.note_needed.text()
    qtbot.keyClicks(settle.note, "Law drafted, not applied")
    assert settle.record.isEnabled() and settle.note_needed.text() == ""
    qtbot.mouseClick(settle.record, Qt.MouseButton.LeftButton)
    agreed = store.answers(split)["REG-01"]
    assert agreed.level == 2
    assert agreed.notes.splitlines() == ["Law drafted, not applied", "Legal: 1 — No law — Asked the legal adviser",
                                         "Operations: 5 — Used in 2014"]
    assert workshop.group_answers(store, split)["Legal"]["REG-01"].level == 1  # every group's answer kept

    _choose(settle, "REG-02")  # one level apart: the hint, no note needed, still nothing pre-selected
    assert settle.agreed.currentData() is None and not settle.record.isEnabled()
    settle.agreed.setCurrentIndex(settle.agreed.findData(2))
    assert settle.record.isEnabled()
    qtbot.mouseClick(settle.record, Qt.MouseButton.LeftButton)
    assert store.answers(split)["REG-02"].level == 2


def test_an_unsettled_indicator_says_so_in_the_tree_and_on_its_page(qtbot, window, store, split):
    window.open_assessment(split)
    view = window.assessment_view
    model = view.tree.model()
    from hbm_assess.ui.indicator_tree import INDICATOR_ROLE

    def tooltip(indicator_id):
        for row in range(model.rowCount()):
            area = model.index(row, 0)
            for child in range(model.rowCount(area)):
                index = model.index(child, 0, area)
                if index.data(INDICATOR_ROLE) == indicator_id:
                    return index.data(Qt.ItemDataRole.ToolTipRole)
        raise AssertionError(indicator_id)

    assert tooltip("REG-01").endswith("unsettled: Legal 1 / Operations 5")
    view.show_indicator("REG-01")
    assert view.page.state_note.text().startswith("unsettled: Legal 1 / Operations 5")
    window.show_settle()
    settle = view.settle
    _choose(settle, "REG-01")
    settle.agreed.setCurrentIndex(settle.agreed.findData(2))
    settle.note.setPlainText("Law drafted, not applied")
    qtbot.mouseClick(settle.record, Qt.MouseButton.LeftButton)
    assert "unsettled" not in tooltip("REG-01")
    view.show_indicator("REG-01")
    assert "unsettled" not in view.page.state_note.text()


def test_a_group_enters_its_outputs_on_its_laptop(qtbot, tmp_path, store, split):
    store.save_action(split, Action("Train registration staff", ("OPS-01",), responsible="MoMD"))
    [legal_file] = [f for f in prepare_group_files(store, split, tmp_path / "out") if "Legal" in f.name]
    laptop = Store.open(tmp_path / "laptop.sqlite")
    [result] = import_paths(laptop, [legal_file]).results
    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workshop_outputs import OutputsView

    session = AssessmentSession(laptop, result.assessment_id)
    view = OutputsView(session)
    qtbot.addWidget(view)
    view.show()
    assert not view.add.isEnabled()
    view.area.setCurrentIndex(view.area.findData("REG"))
    assert [view.indicators.item(i).data(Qt.ItemDataRole.UserRole) for i in range(view.indicators.count())] == [
        "REG-01", "REG-02"]
    view.indicators.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(view.words, "No legal basis for a mass influx")
    qtbot.mouseClick(view.add, Qt.MouseButton.LeftButton)
    view.kind.setCurrentIndex(view.kind.findData("contribution"))
    view.area.setCurrentIndex(view.area.findData(""))
    qtbot.keyClicks(view.words, "Registration teams")
    assert not view.add.isEnabled() and "names the institution" in view.problem.text()
    view.institution.setCurrentIndex(view.institution.findData("MoMD"))
    assert view.add.isEnabled()
    assert view.actions.count() == 1 and view.actions.item(0).text() == "Train registration staff"
    view.actions.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(view.add, Qt.MouseButton.LeftButton)
    found = workshop_outputs.outputs(laptop, result.assessment_id)
    assert [(o.kind, o.area, o.group, o.indicators, o.institution) for o in found] == [
        ("challenge", "REG", "Legal", ("REG-01",), ""), ("contribution", "", "Legal", (), "MoMD")]
    assert found[1].actions == (laptop.actions(result.assessment_id)[0].uuid,)
    assert view.tree.topLevelItemCount() == 2  # Regulatory framework, then the whole assessment
    view.tree.setCurrentItem(view.tree.topLevelItem(1).child(0))
    qtbot.mouseClick(view.remove, Qt.MouseButton.LeftButton)
    assert [o.kind for o in workshop_outputs.outputs(laptop, result.assessment_id)] == ["challenge"]
    laptop.close()


def test_the_projector_goes_round_every_language_and_shows_outputs_area_by_area(qtbot, store, split):
    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workshop import ProjectorView

    workshop_outputs.add_output(store, split, Output("challenge", "No SOP for mass arrivals", area="OPS"))
    projector = ProjectorView(AssessmentSession(store, split))
    qtbot.addWidget(projector)
    projector.show()
    qtbot.waitExposed(projector)
    projector.activateWindow()
    assert projector.language == "en" and "unsettled: Legal 1 / Operations 5" in projector.disagreements.text()
    seen = []
    for _ in range(3):
        projector.switch.click()
        seen.append((projector.language, projector.layoutDirection()))
    assert seen == [("ar", Qt.LayoutDirection.RightToLeft), ("ckb", Qt.LayoutDirection.RightToLeft),
                    ("en", Qt.LayoutDirection.LeftToRight)]
    assert projector.shown_area() == "REG" and "No outputs for this area yet." in projector.outputs.text()
    qtbot.keyClick(projector.next_area, Qt.Key.Key_PageDown)  # the plenary's clicker sends Page Down
    assert projector.shown_area() == "OPS" and "No SOP for mass arrivals" in projector.outputs.text()
    projector.switch.click()
    assert "تحدٍّ" in projector.outputs.text() and "لم يُحسم" in projector.disagreements.text()
    projector.switch.click()
    assert "ئاستەنگ" in projector.outputs.text() and "المجال التالي" not in projector.next_area.text()
    assert projector.next_area.text().startswith("بواری دواتر")
    QApplication.processEvents()


def test_the_projector_radar_is_drawn_in_the_chart_thread_and_follows_answers(qtbot, store, split, monkeypatch):
    import threading

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workshop import ProjectorView

    on_gui = []
    real_draw = FigureCanvasAgg.draw

    def draw(canvas, *args, **kwargs):
        on_gui.append(threading.current_thread() is threading.main_thread())
        return real_draw(canvas, *args, **kwargs)

    monkeypatch.setattr(FigureCanvasAgg, "draw", draw)
    session = AssessmentSession(store, split)
    projector = ProjectorView(session)
    qtbot.addWidget(projector)
    projector.resize(1280, 800)  # as on a projector: the radar's large labels need the room
    projector.show()
    qtbot.waitExposed(projector)
    qtbot.waitUntil(lambda: len(on_gui) >= 1, timeout=10_000)
    assert not any(on_gui), "the radar drawn in the chart thread, never on the GUI thread"
    qtbot.waitUntil(lambda: projector.canvas.image is not None and not projector.canvas.busy(), timeout=10_000)
    first = projector.canvas.figure
    assert first.axes and not projector.canvas.image.isNull()
    session.put(Answer("OPS-01", level=4, evidence_text="Exercise 2025"))  # an answer: the radar follows
    qtbot.waitUntil(lambda: projector.canvas.figure is not first and not projector.canvas.busy(), timeout=10_000)
    assert not any(on_gui) and len(on_gui) >= 2
