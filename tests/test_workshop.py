"""Workshop mode end to end: group files out through the real export, groups' answers merged back in."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.workshop import Group, agreed_answer
from hbm_assess.exchange.export import export_assessment
from hbm_assess.exchange.importing import import_paths
from hbm_assess.exchange.workshop_files import prepare_group_files
from hbm_assess.storage import workshop
from hbm_assess.storage.store import Store
from hbm_assess.ui import settings

GROUPS = [
    Group("Legal", ("Huda",), ("MoI",), ("REG-01", "REG-02")),
    Group("Operations", ("Karwan",), ("BMD",), ("OPS-01", "OPS-02")),
    Group("Health", ("Zainab",), ("MoH",), ("OPS-01", "REG-01")),  # overlaps both others
]


@pytest.fixture
def facilitator(tmp_path, mini_form):
    store = Store.open(tmp_path / "facilitator.sqlite")
    assessment_id = store.create_assessment(
        Assessment("mini", "1.0", Site("Erbil workshop", "IQ", "internal"), mode="rapid"), mini_form)
    workshop.save_groups(store, assessment_id, GROUPS)
    yield store, assessment_id
    store.close()


def _group_laptop(tmp_path, group_file, name):
    """A group's laptop: imports its file, returns the store and the assessment it made."""
    laptop = Store.open(tmp_path / f"laptop-{name}.sqlite")
    report = import_paths(laptop, [group_file])
    [result] = report.results
    assert result.outcome == "imported", result.message
    assert workshop.laptop_group(laptop, result.assessment_id) == name
    return laptop, result.assessment_id


def _score(laptop, assessment_id, answers, out):
    for answer in answers:
        laptop.save_answer(assessment_id, answer)
    return export_assessment(laptop, assessment_id, out)


def test_three_groups_merge_with_consensus_and_dissent_kept(tmp_path, facilitator):
    store, workshop_id = facilitator
    files = prepare_group_files(store, workshop_id, tmp_path / "out")
    assert [f.name for f in files] == ["Erbil-workshop-Health.xlsx", "Erbil-workshop-Legal.xlsx",
                                       "Erbil-workshop-Operations.xlsx"]
    scores = {
        "Legal": [Answer("REG-01", level=1, notes="No law at all"), Answer("REG-02", level=3)],
        "Operations": [Answer("OPS-01", level=2), Answer("OPS-02", level=4, evidence_text="Registers seen")],
        "Health": [Answer("OPS-01", level=2), Answer("REG-01", level=3, evidence_text="Public health law 2019")],
    }
    back = {}
    laptops = {}
    for group_file, group in zip(files, ["Health", "Legal", "Operations"], strict=True):
        laptop, laptop_id = _group_laptop(tmp_path, group_file, group)
        laptops[group] = (laptop, laptop_id)
        back[group] = _score(laptop, laptop_id, scores[group], tmp_path / f"back-{group}.xlsx")

    report = import_paths(store, list(back.values()))
    assert [r.outcome for r in report.results] == ["updated"] * 3, [r.message for r in report.results]

    agreed = store.answers(workshop_id)
    # Disjoint: only one group scored these, adopted silently.
    assert (agreed["REG-02"].level, agreed["OPS-02"].level) == (3, 4)
    assert agreed["OPS-02"].evidence_text == "Registers seen" and agreed["OPS-02"].answered_by == "Operations"
    plan = workshop.merge_plan(store, workshop_id)
    cases = {c.indicator_id: c for c in plan.cases}
    assert set(cases) == {"REG-01", "OPS-01"}
    assert (cases["REG-01"].spread, cases["REG-01"].disagreement) == (2, True)
    assert (cases["OPS-01"].spread, cases["OPS-01"].disagreement) == (0, False)
    assert "REG-01" not in agreed  # a disagreement waits for the facilitator

    workshop.settle(store, workshop_id, agreed_answer(cases["REG-01"], 2, None, "Law exists, not applied"))
    settled = store.answers(workshop_id)["REG-01"]
    assert settled.level == 2
    assert "Legal: 1 — No law at all" in settled.notes and "Health: 3 — Public health law 2019" in settled.notes
    groups = workshop.group_answers(store, workshop_id)
    assert groups["Legal"]["REG-01"].level == 1 and groups["Health"]["REG-01"].level == 3  # dissent kept

    # The same file again changes nothing.
    before = store.db.execute("SELECT count(*), max(updated_at) FROM answers").fetchone()
    [again] = import_paths(store, [back["Legal"]]).results
    assert again.outcome == "unchanged"
    assert store.db.execute("SELECT count(*), max(updated_at) FROM answers").fetchone() == before

    # A newer revision from one group replaces that group's answers only.
    laptop, laptop_id = laptops["Operations"]
    newer = _score(laptop, laptop_id, [Answer("OPS-02", level=5, evidence_text="Exercise report 2026")],
                   tmp_path / "back-Operations-2.xlsx")
    [update] = import_paths(store, [newer]).results
    assert update.outcome == "updated"
    groups = workshop.group_answers(store, workshop_id)
    assert groups["Operations"]["OPS-02"].level == 5
    assert groups["Legal"]["REG-01"].level == 1 and groups["Health"]["OPS-01"].level == 2
    assert store.answers(workshop_id)["OPS-02"].level == 5  # adopted silently, it was only this group's
    assert store.answers(workshop_id)["REG-01"].level == 2  # the facilitator's agreement stands

    # And the older file of that group is now refused.
    [older] = import_paths(store, [back["Operations"]]).results
    assert older.outcome == "skipped"
    for laptop, _ in laptops.values():
        laptop.close()


def test_dissent_is_visible_in_the_export(tmp_path, facilitator):
    from python_calamine import CalamineWorkbook

    store, workshop_id = facilitator
    store.save_answer(workshop_id, Answer("REG-01", level=2, group="Legal"))
    store.save_answer(workshop_id, Answer("REG-01", level=4, group="Health"))
    store.save_answer(workshop_id, Answer("REG-01", level=3, notes="Agreed in plenary"))
    path = export_assessment(store, workshop_id, tmp_path / "workshop.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Answers").to_python()
    reg01 = [row for row in rows if "REG-01" in row]
    assert len(reg01) == 3 and {"Legal", "Health"} <= {cell for row in reg01 for cell in row}


def test_group_laptop_answers_only_its_own_indicators(qtbot, tmp_path, facilitator):
    from PySide6.QtWidgets import QApplication

    from hbm_assess.ui.main_window import MainWindow

    settings.use_file(tmp_path / "settings.ini")
    store, workshop_id = facilitator
    [legal_file] = [f for f in prepare_group_files(store, workshop_id, tmp_path / "out") if "Legal" in f.name]
    laptop, laptop_id = _group_laptop(tmp_path, legal_file, "Legal")
    window = MainWindow(laptop)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(laptop_id)
    view = window.assessment_view
    assert view.current_id == "REG-01"
    view.show_indicator("OPS-01")
    view.page.setFocus()
    qtbot.keyClick(view.page, Qt.Key.Key_3)
    assert "OPS-01" not in laptop.answers(laptop_id)
    assert "Another group" in view.page.state_note.text()
    view.show_indicator("REG-02")
    # Focus lands on the indicator's level choices (issue 15), inside the page.
    qtbot.waitUntil(lambda: view.page.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    assert laptop.answers(laptop_id)["REG-02"].level == 3
    window.close()
    laptop.close()
    settings.use_file(None)


def test_settle_screen_records_the_agreed_level(qtbot, tmp_path, facilitator):
    from hbm_assess.ui.main_window import MainWindow

    settings.use_file(tmp_path / "settings.ini")
    store, workshop_id = facilitator
    for group, level in (("Legal", 1), ("Health", 4)):
        store.save_answer(workshop_id, Answer("REG-01", level=level, group=group, notes=f"{group} view"))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(workshop_id)
    window.show_settle()
    settle = window.assessment_view.settle
    assert settle.case_list.count() == 1 and settle.case_list.item(0).text().startswith("⚠ REG-01")
    assert settle.table.rowCount() == 2
    settle.agreed.setCurrentIndex(settle.agreed.findData(2))
    settle.note.setPlainText("Draft law only")
    qtbot.mouseClick(settle.record, Qt.MouseButton.LeftButton)
    agreed = store.answers(workshop_id)["REG-01"]
    assert agreed.level == 2 and "Draft law only" in agreed.notes and "Health: 4" in agreed.notes
    assert settle.case_list.item(0).text().startswith("✓")
    assert window.session.answer("REG-01").level == 2

    from hbm_assess.ui.workshop import ProjectorView

    projector = ProjectorView(window.session)
    qtbot.addWidget(projector)
    assert "REG-01" in projector.disagreements.text()
    projector.switch.click()
    assert projector.language == "ar" and "REG-01" in projector.disagreements.text()
    window.close()
    settings.use_file(None)


def test_groups_need_distinct_names(facilitator):
    store, workshop_id = facilitator
    with pytest.raises(ValueError):
        workshop.save_groups(store, workshop_id, [Group("A"), Group("A")])
    workshop.save_groups(store, workshop_id, [replace(GROUPS[0], members=("Huda", "Omar"))])
    assert [g.members for g in workshop.groups(store, workshop_id)] == [("Huda", "Omar")]


def test_same_assessment_edited_in_two_places_is_settled_on_the_same_screen(qtbot, tmp_path, store, mini_assessment):
    from hbm_assess.ui.main_window import MainWindow

    settings.use_file(tmp_path / "settings.ini")
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    first = export_assessment(store, mini_assessment, tmp_path / "first.xlsx")
    elsewhere = Store.open(tmp_path / "elsewhere.sqlite")
    [copy] = import_paths(elsewhere, [first]).results
    elsewhere.save_answer(copy.assessment_id, Answer("REG-01", level=4, evidence_text="Seen in Duhok"))
    second = export_assessment(elsewhere, copy.assessment_id, tmp_path / "second.xlsx")
    elsewhere.close()
    store.save_answer(mini_assessment, Answer("REG-01", level=3))  # changed here too
    [conflict] = import_paths(store, [second]).results
    assert conflict.outcome == "conflict"

    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(mini_assessment)
    window.show_settle()
    settle = window.assessment_view.settle
    assert settle.case_list.count() == 1
    sides = {settle.table.item(r, 0).text(): settle.table.item(r, 1).text() for r in range(settle.table.rowCount())}
    assert sides == {"This database": "3 · Developed capacity",
                     f"Imported copy {conflict.assessment_id}": "4 · Demonstrated capacity"}
    settle.agreed.setCurrentIndex(settle.agreed.findData(4))
    qtbot.mouseClick(settle.record, Qt.MouseButton.LeftButton)
    assert store.answers(mini_assessment)["REG-01"].level == 4
    assert settle.case_list.item(0).text().startswith("✓")
    qtbot.mouseClick(settle.finish_conflicts, Qt.MouseButton.LeftButton)
    assert [r.id for r in store.list_assessments()] == [mini_assessment]  # the copy is in the bin, recoverable
    assert settle.case_list.count() == 0
    window.close()
    settings.use_file(None)


def test_contributions_sheet_lists_each_institutions_part(tmp_path, store, mini_assessment):
    from python_calamine import CalamineWorkbook

    from hbm_assess.core.assessment import Action

    store.save_answer(mini_assessment, Answer("OPS-01", level=1))
    store.save_action(mini_assessment, Action("Write the SOP", ("OPS-01",), responsible="MoI", partners=("IOM",)))
    store.save_action(mini_assessment, Action("Train staff", ("OPS-01",), responsible="IOM"))
    path = export_assessment(store, mini_assessment, tmp_path / "plan.xlsx")
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Contributions").to_python()
    assert rows[0][:3] == ["Institution", "Role", "Action"]
    parts = [(r[0], r[1], r[2], r[4]) for r in rows[1:]]
    moi, iom = "Ministry of Interior (MoI)", "International Organization for Migration (IOM)"  # named, code beside
    assert parts == [(moi, "Responsible", "Write the SOP", "1 → 2"), (iom, "Partner", "Write the SOP", "1 → 2"),
                     (iom, "Responsible", "Train staff", "1 → 2")]
    [result] = import_paths(store, [path]).results
    assert result.outcome == "unchanged"  # the extra sheet is for people; import ignores it
