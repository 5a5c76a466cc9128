"""hbm-assess workshop …: groups, files, cases, settle, note and outputs, as the Workshop menu does them."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt

from hbm_assess.cli import main
from hbm_assess.core.workshop import answer_content
from hbm_assess.storage import workshop, workshop_outputs
from hbm_assess.storage.store import Store
from hbm_assess.ui import settings


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def ok(capsys, *args) -> str:
    code, out, err = run(capsys, *args)
    assert code == 0, err
    return out


@pytest.fixture
def facilitator(tmp_path, capsys):
    """A national workshop with the detailed form and two groups that share REG-01."""
    db = tmp_path / "facilitator.sqlite"
    made = int(ok(capsys, "--db", db, "new", "--form", "hbm-detailed", "--scope", "national",
                  "--site", "Iraq national workshop, Erbil", "--date", "2014-08-20"))
    ok(capsys, "--db", db, "workshop", "groups", made, "--group", "Legal=REG-01,REG-02",
       "--group", "Operations=REG-01,OPS-01")
    return db, made


def _laptop(tmp_path, capsys, facilitator, group: str):
    db, made = facilitator
    out = tmp_path / "files"
    files = ok(capsys, "--db", db, "workshop", "files", made, "-o", out).split()
    [mine] = [f for f in files if f.endswith(f"-{group}.xlsx")]
    laptop = tmp_path / f"{group}.sqlite"
    ok(capsys, "--db", laptop, "import", mine)
    return laptop


def _state(db):
    store = Store.open(db)
    try:
        return (store.db.execute("SELECT * FROM answers ORDER BY indicator_id, grp").fetchall(),
                store.db.execute("SELECT * FROM workshop_outputs ORDER BY id").fetchall(),
                store.db.execute("SELECT * FROM workshop_groups ORDER BY name").fetchall())
    finally:
        store.close()


def test_groups_from_a_yaml_file_are_the_same_as_typed(tmp_path, capsys, facilitator):
    db, made = facilitator
    typed = _state(db)[2]
    spec = tmp_path / "groups.yaml"
    spec.write_text("groups:\n  - {name: Legal, indicators: [REG-01, REG-02]}\n"
                    "  - {name: Operations, indicators: [REG-01, OPS-01]}\n", encoding="utf-8")
    ok(capsys, "--db", db, "workshop", "groups", made, "--from", spec)
    assert _state(db)[2] == typed


@pytest.mark.parametrize("args, message", [
    (["groups", "1", "--group", "Legal"], "is not a group: write NAME=IND1,IND2"),
    (["groups", "1", "--group", "Legal=REG-99"], "has no indicator 'REG-99'"),
    (["groups", "1", "--group", "A=REG-01", "--group", "A=OPS-01"], "every group needs a name of its own"),
    (["settle", "1", "OPS-02", "3", "--note", "x"], "OPS-02 was not scored by more than one group"),
    (["note", "1", "--area", "XYZ", "--kind", "challenge", "No SOP"], "has no area 'XYZ'"),
    (["note", "1", "--area", "OPS", "--kind", "contribution", "Trainers"], "names the institution"),
    (["note", "1", "--area", "OPS", "--kind", "challenge", "--indicator", "OPS-99", "No SOP"],
     "has no indicator 'OPS-99'"),
    (["note", "1", "--area", "OPS", "--kind", "challenge", " "], "has no text"),
    (["note", "1", "--area", "OPS", "--kind", "challenge", "tab\x0bbed"], "control character"),
    (["cases", "7"], "there is no assessment 7"),
])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(capsys, facilitator, args, message):
    db, _ = facilitator
    before = _state(db)
    code, _, err = run(capsys, "--db", db, "workshop", *args)
    assert code == 2 and message in err and err.count("\n") == 1, err
    assert _state(db) == before


def test_an_unknown_kind_is_bad_usage(capsys, facilitator):
    db, made = facilitator
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(db), "workshop", "note", str(made), "--area", "OPS", "--kind", "wish", "More staff"])
    assert exit_.value.code == 2


def test_a_laptop_s_outputs_are_its_group_s_and_merge_back_once(tmp_path, capsys, facilitator):
    db, made = facilitator
    laptop = _laptop(tmp_path, capsys, facilitator, "Legal")
    ok(capsys, "--db", laptop, "workshop", "note", "1", "--area", "reg", "--kind", "challenge",
       "--indicator", "REG-01", "No legal basis for a mass influx")
    ok(capsys, "--db", laptop, "workshop", "note", "1", "--area", "all", "--kind", "contribution",
       "--institution", "MoMD", "Registration teams for the border")
    ok(capsys, "--db", db, "workshop", "note", made, "--area", "all", "--kind", "strategy",
       "Agree one lead ministry for border emergencies")
    [challenge, offer] = json.loads(ok(capsys, "--db", laptop, "workshop", "outputs", "1", "--json"))
    assert (challenge["area"], challenge["kind"], challenge["group"], challenge["indicators"]) == (
        "REG", "challenge", "Legal", ["REG-01"])
    assert (offer["area"], offer["institution"], offer["group"]) == ("all", "MoMD", "Legal")
    back = tmp_path / "back.xlsx"
    ok(capsys, "--db", laptop, "export", "1", "-o", back)
    ok(capsys, "--db", db, "import", back)
    ok(capsys, "--db", db, "import", back)  # the same file twice: no duplicates
    merged = json.loads(ok(capsys, "--db", db, "workshop", "outputs", made, "--json"))
    assert sorted((o["kind"], o["group"]) for o in merged) == [
        ("challenge", "Legal"), ("contribution", "Legal"), ("strategy", "")]
    assert {o["uuid"] for o in merged} >= {challenge["uuid"], offer["uuid"]}
    # The laptop changes its mind: a newer file replaces that group's outputs, nobody else's.
    store = Store.open(laptop)
    workshop_outputs.delete_output(store, 1, offer["uuid"])
    store.close()
    ok(capsys, "--db", laptop, "export", "1", "-o", tmp_path / "back-2.xlsx")
    ok(capsys, "--db", db, "import", tmp_path / "back-2.xlsx")
    merged = json.loads(ok(capsys, "--db", db, "workshop", "outputs", made, "--json"))
    assert sorted((o["kind"], o["group"]) for o in merged) == [("challenge", "Legal"), ("strategy", "")]


def test_settle_is_refused_with_exit_1_until_a_note_says_why(tmp_path, capsys, facilitator):
    db, made = facilitator
    ok(capsys, "--db", db, "answer", made, "REG-01", "1", "--group", "Legal", "--evidence", "No law")
    ok(capsys, "--db", db, "answer", made, "REG-01", "5", "--group", "Operations")
    ok(capsys, "--db", db, "answer", made, "OPS-01", "3", "--group", "Operations")
    ok(capsys, "--db", db, "answer", made, "OPS-01", "2", "--group", "Legal")
    [ops, reg] = json.loads(ok(capsys, "--db", db, "workshop", "cases", made, "--json"))
    assert (reg["indicator"], reg["spread"], reg["settled"], reg["disagreement"]) == ("REG-01", 4, False, True)
    assert {g: v["level"] for g, v in reg["groups"].items()} == {"Legal": 1, "Operations": 5}
    assert (ops["spread"], ops["disagreement"]) == (1, False)
    table = ok(capsys, "--db", db, "workshop", "cases", made)
    assert "REG-01  Legal 1 / Operations 5  spread 4  unsettled" in table
    before = _state(db)
    code, _, err = run(capsys, "--db", db, "workshop", "settle", made, "REG-01", "2")
    assert code == 1 and "differ by 4 levels" in err and _state(db) == before
    ok(capsys, "--db", db, "workshop", "settle", made, "OPS-01", "2")  # one level apart: no note needed
    ok(capsys, "--db", db, "workshop", "settle", made, "REG-01", "2", "--note", "Law drafted, not applied")
    reg = json.loads(ok(capsys, "--db", db, "workshop", "cases", made, "--json"))[1]
    assert reg["settled"] and reg["agreed"]["level"] == 2
    assert reg["agreed"]["notes"].splitlines() == ["Law drafted, not applied", "Legal: 1 — No law", "Operations: 5"]
    assert {g: v["level"] for g, v in reg["groups"].items()} == {"Legal": 1, "Operations": 5}  # kept


def test_a_laptop_answering_by_command_equals_one_answering_in_the_window(qtbot, tmp_path, capsys, facilitator):
    from PySide6.QtWidgets import QApplication

    from hbm_assess.ui.main_window import MainWindow

    by_command = _laptop(tmp_path, capsys, facilitator, "Legal")
    in_window = tmp_path / "Legal-window.sqlite"
    (tmp_path / "Legal.sqlite").rename(in_window)
    by_command = _laptop(tmp_path, capsys, facilitator, "Legal")
    ok(capsys, "--db", by_command, "answer", "1", "REG-02", "3")  # no --group: the laptop knows its group
    code, _, err = run(capsys, "--db", by_command, "answer", "1", "OPS-01", "3")
    assert code == 2 and "another group's" in err

    settings.use_file(tmp_path / "settings.ini")
    store = Store.open(in_window)
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    window.open_assessment(1)
    view = window.assessment_view
    view.show_indicator("REG-02")
    qtbot.waitUntil(lambda: view.page.isAncestorOf(QApplication.focusWidget()))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_3)
    qtbot.waitUntil(lambda: "REG-02" in store.answers(1))
    view.show_indicator("OPS-01")
    view.page.setFocus()
    qtbot.keyClick(view.page, Qt.Key.Key_3)
    window.close()
    settings.use_file(None)
    from_window = {i: answer_content(a) for i, a in store.answers(1).items()}
    assert workshop.laptop_group(store, 1) == "Legal"
    store.close()
    store = Store.open(by_command)
    from_command = {i: answer_content(a) for i, a in store.answers(1).items()}
    store.close()
    assert from_window == from_command and set(from_window) == {"REG-02"}


def test_a_second_group_typed_in_by_the_facilitator_makes_an_adopted_answer_a_case_again(capsys, facilitator):
    # Found in the report: Legal's 1 was adopted while it stood alone, and stayed the agreed
    # level (scored, in the charts) after Operations said 4 — beside "unsettled".
    db, made = facilitator
    ok(capsys, "--db", db, "answer", made, "OPS-01", "1", "--group", "Legal")
    store = Store.open(db)
    assert store.answers(made)["OPS-01"].level == 1  # one group only: adopted
    store.close()
    ok(capsys, "--db", db, "answer", made, "OPS-01", "4", "--group", "Operations")
    store = Store.open(db)
    try:
        assert "OPS-01" not in store.answers(made)
    finally:
        store.close()
    [case] = json.loads(ok(capsys, "--db", db, "workshop", "cases", made, "--json"))
    assert (case["indicator"], case["spread"], case["settled"]) == ("OPS-01", 3, False)


def test_group_files_can_be_protected_with_a_password_and_the_laptop_opens_them_with_it(tmp_path, capsys,
                                                                                          facilitator):
    """Issue 23: group workbooks travel on USB sticks like any export; `workshop files` takes the password
    as `export` does (a file or HBM_ASSESS_PASSWORD, never an argument)."""
    import msoffcrypto

    db, made = facilitator
    secret = tmp_path / "password.txt"
    secret.write_text("plenary in Erbil\n", encoding="utf-8")
    files = ok(capsys, "--db", db, "workshop", "files", made, "-o", tmp_path / "files",
               "--password-file", secret).split()
    assert len(files) == 2
    for name in files:
        with open(name, "rb") as handle:
            assert msoffcrypto.OfficeFile(handle).is_encrypted(), name
    [legal] = [f for f in files if f.endswith("-Legal.xlsx")]
    laptop = tmp_path / "legal.sqlite"
    code, out, err = run(capsys, "--db", laptop, "import", legal)
    assert code == 1 and "password" in (out + err).lower()  # without it: that file refused, in one line
    ok(capsys, "--db", laptop, "import", legal, "--password-file", secret)
    assert _state(laptop)[2] == _state(db)[2]  # the laptop knows the groups, as with a clear file
