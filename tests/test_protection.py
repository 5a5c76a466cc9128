"""Workbooks protected with a password: Excel's encryption on export, decryption in memory on import.

docs/security.md: a workbook sent to the wrong address must say nothing to whoever opens it
without the password; a wrong or missing password rejects that file alone, database unchanged.
"""

from __future__ import annotations

import io
import subprocess
import time
from pathlib import Path

import msoffcrypto
import openpyxl
import pytest
from msoffcrypto.exceptions import InvalidKeyError
from planted import EVIDENCE, SITE, assert_nowhere, planted
from tools import need_command
from workbooks import database_state, same_data

from hbm_assess.cli import main
from hbm_assess.core.assessment import Assessment, Site
from hbm_assess.exchange.export import export_assessment
from hbm_assess.exchange.importing import import_paths
from hbm_assess.exchange.protection import PASSWORD_ENV, decrypted, encrypt
from hbm_assess.exchange.safety import WorkbookRejected
from hbm_assess.storage.store import Store

PASSWORD = "four random words here"


@pytest.fixture
def password_file(tmp_path) -> Path:
    path = tmp_path / "password.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


@pytest.fixture
def protected(store, mini_form, tmp_path) -> Path:
    assessment_id = planted(store, mini_form)
    return export_assessment(store, assessment_id, tmp_path / "protected.xlsx", password=PASSWORD)


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def open_with(path: Path, password: str) -> openpyxl.Workbook:
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    office.load_key(password=password, verify_password=True)
    clear = io.BytesIO()
    office.decrypt(clear)
    return openpyxl.load_workbook(clear)


def all_text(book: openpyxl.Workbook) -> str:
    return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for cell in row if cell is not None)


def test_a_protected_workbook_opens_with_the_password_and_says_nothing_without_it(protected):
    data = protected.read_bytes()
    assert data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")  # Office's container, as Excel writes it
    assert_nowhere(data, "the encrypted workbook")
    text = all_text(open_with(protected, PASSWORD))
    assert SITE in text and EVIDENCE in text
    with pytest.raises(InvalidKeyError):
        open_with(protected, "wrong words")


def test_no_clear_copy_is_left_beside_a_protected_workbook(protected):
    assert [p.name for p in protected.parent.iterdir() if p.suffix != ".sqlite" and "sqlite" not in p.name] == [
        "protected.xlsx"]


def test_export_then_import_with_the_password_file_brings_the_same_assessment(
        store, mini_form, tmp_path, password_file, capsys, monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    assessment_id = planted(store, mini_form)
    db = store.path
    store.close()
    target = tmp_path / "out.xlsx"
    code, out, err = run(capsys, "--db", db, "export", assessment_id, "-o", target, "--password-file", password_file)
    assert code == 0, err
    assert_nowhere(target.read_bytes(), "the exported workbook")
    hq_db = tmp_path / "hq.sqlite"
    code, out, err = run(capsys, "--db", hq_db, "import", target, "--password-file", password_file)
    assert code == 0, out + err
    assert out.startswith("imported")
    post, hq = Store.open(db), Store.open(hq_db)
    try:
        same_data(post, assessment_id, hq, hq.list_assessments()[0].id)
    finally:
        post.close()
        hq.close()


def test_the_password_can_come_from_the_environment(store, mini_form, tmp_path, capsys, monkeypatch):
    assessment_id = planted(store, mini_form)
    db = store.path
    store.close()
    monkeypatch.setenv(PASSWORD_ENV, PASSWORD)
    code, _, err = run(capsys, "--db", db, "export", "--all", "-o", tmp_path / "all")
    assert code == 0, err
    [written] = (tmp_path / "all").iterdir()
    assert SITE in all_text(open_with(written, PASSWORD))
    code, out, _ = run(capsys, "--db", tmp_path / "hq.sqlite", "import", tmp_path / "all")
    assert code == 0 and out.startswith("imported"), out
    assert assessment_id


@pytest.mark.parametrize("given", ["none", "wrong"])
def test_a_missing_or_wrong_password_rejects_that_file_alone_and_changes_nothing(
        store, mini_form, tmp_path, capsys, monkeypatch, given):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    folder = tmp_path / "batch"
    folder.mkdir()
    export_assessment(store, planted(store, mini_form), folder / "a-protected.xlsx", password=PASSWORD)
    other = store.create_assessment(Assessment(form_id=mini_form.id, form_version=mini_form.version,
                                               site=Site("Trebil", "IQ", "land"), date="2026-11-21",
                                               mode=mini_form.mode), mini_form)
    export_assessment(store, other, folder / "b-plain.xlsx")
    hq_db = tmp_path / "hq.sqlite"
    Store.open(hq_db).close()
    before = database_state(hq_db)[1]
    args = ["--db", hq_db, "import", folder / "a-protected.xlsx"]
    if given == "wrong":
        wrong = tmp_path / "wrong.txt"
        wrong.write_text("not it\n", encoding="utf-8")
        args += ["--password-file", wrong]
    code, out, _ = run(capsys, *args)
    assert code == 1
    [line, summary] = out.splitlines()
    assert line.startswith("rejected") and "password" in line and summary == "1 file: 1 rejected"
    assert database_state(hq_db)[1] == before
    code, out, _ = run(capsys, *args[:3], folder, *args[4:])  # the folder: the plain workbook still goes in
    assert code == 1 and out.splitlines()[-1] == "2 files: 1 imported, 1 rejected", out
    hq = Store.open(hq_db)
    assert [row.site_name for row in hq.list_assessments()] == ["Trebil"]
    hq.close()


def test_export_portfolio_is_protected_and_csv_refuses_a_password(store, mini_form, tmp_path, password_file, capsys,
                                                                  monkeypatch):
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    planted(store, mini_form)
    db = store.path
    store.close()
    target = tmp_path / "portfolio.xlsx"
    code, _, err = run(capsys, "--db", db, "export-portfolio", "-o", target, "--password-file", password_file)
    assert code == 0, err
    assert_nowhere(target.read_bytes(), "the portfolio workbook")
    assert SITE in all_text(open_with(target, PASSWORD))
    code, _, err = run(capsys, "--db", db, "export-portfolio", "--format", "csv", "-o", tmp_path / "csv",
                       "--password-file", password_file)
    assert code == 2 and "CSV files cannot carry a password" in err
    assert not (tmp_path / "csv").exists()


def test_an_empty_or_missing_password_file_is_one_line_and_nothing_is_written(store, mini_form, tmp_path, capsys,
                                                                             monkeypatch):
    assessment_id = planted(store, mini_form)
    db = store.path
    store.close()
    empty = tmp_path / "empty.txt"
    empty.write_text("\n", encoding="utf-8")
    for given, said in ((empty, "is empty"), (tmp_path / "nowhere.txt", "cannot read the password file")):
        code, _, err = run(capsys, "--db", db, "export", assessment_id, "-o", tmp_path / "x.xlsx",
                             "--password-file", given)
        assert code == 2 and said in err and len(err.splitlines()) == 1
    monkeypatch.setenv(PASSWORD_ENV, "")
    code, _, err = run(capsys, "--db", db, "export", assessment_id, "-o", tmp_path / "x.xlsx")
    assert code == 2 and f"{PASSWORD_ENV} is set but empty" in err
    assert not (tmp_path / "x.xlsx").exists()


def test_the_password_is_never_an_argument(capsys):
    with pytest.raises(SystemExit):
        main(["export", "1", "-o", "x.xlsx", "--password", "secret"])
    assert "a password is never given on the command line" in capsys.readouterr().err


def test_a_received_file_asking_for_absurd_key_derivation_is_refused_at_once(protected, tmp_path):
    """Excel writes 100,000 rounds; the format allows 10 million, many seconds of work per file."""
    from msoffcrypto.method.ecma376_agile import ECMA376Agile

    clear = open_with(protected, PASSWORD)
    buffer = io.BytesIO()
    clear.save(buffer)
    buffer.seek(0)
    slow = tmp_path / "slow.xlsx"
    slow.write_bytes(ECMA376Agile.encrypt(PASSWORD, buffer, spin_count=2_000_000))
    started = time.monotonic()
    with open(slow, "rb") as handle, pytest.raises(WorkbookRejected, match="far more work than Excel"):
        decrypted(handle, PASSWORD)
    assert time.monotonic() - started < 1.0


def test_a_damaged_encrypted_file_is_rejected_with_a_reason(protected, tmp_path):
    data = bytearray(protected.read_bytes())
    data[len(data) // 2: len(data) // 2 + 4096] = b"\x00" * 4096
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(bytes(data))
    with open(broken, "rb") as handle, pytest.raises(WorkbookRejected, match="password"):
        decrypted(handle, PASSWORD)


def test_a_decrypted_workbook_still_goes_through_the_safety_checks(tmp_path, store):
    """The password opens the file; what is inside is checked like any received workbook."""
    fake = tmp_path / "fake.xlsx"
    book = openpyxl.Workbook()
    book.active["A1"] = "hello"
    buffer = io.BytesIO()
    book.save(buffer)
    fake.write_bytes(encrypt(buffer.getvalue(), PASSWORD))
    [result] = import_paths(store, [fake], password=PASSWORD).results
    assert result.outcome == "rejected" and "not exported by HBM Assess" in result.message


# -- the window ----------------------------------------------------------------------------------------------------


def test_the_password_dialog_needs_the_same_password_twice(qtbot):
    from PySide6.QtWidgets import QDialogButtonBox

    from hbm_assess.ui.passwords import PasswordDialog

    dialog = PasswordDialog("t", "e", confirm=True)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.password, "abc def")
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.again, "abc dex")
    assert not ok.isEnabled() and dialog.problem.text()
    dialog.again.backspace()
    qtbot.keyClicks(dialog.again, "f")
    assert ok.isEnabled() and not dialog.problem.text() and dialog.value() == "abc def"
    asking = PasswordDialog("t", "e", confirm=False)
    qtbot.addWidget(asking)
    qtbot.keyClicks(asking.password, "x")
    assert asking.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled() and asking.again.isHidden()


def test_file_export_with_a_password_from_the_window(window, qtbot, store, mini_form, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from hbm_assess.ui import passwords

    assessment_id = planted(store, mini_form)
    window.refresh_home()
    target = tmp_path / "from-window.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target)[:-5], ""))  # .xlsx added
    monkeypatch.setattr(passwords.PasswordDialog, "exec", lambda self: (
        self.password.setText(PASSWORD), self.again.setText(PASSWORD), self.DialogCode.Accepted)[-1])
    monkeypatch.setattr(window, "current_assessment_id", lambda: assessment_id)
    with qtbot.waitSignal(window.workbooks.exported, timeout=30_000):
        window.export_current_protected()
    assert_nowhere(target.read_bytes(), "the workbook exported from the window")
    assert SITE in all_text(open_with(target, PASSWORD))


def test_the_window_asks_once_for_a_batch_and_a_wrong_password_rejects_only_those_files(
        window, qtbot, store, mini_form, tmp_path, monkeypatch):
    from hbm_assess.ui import passwords

    post = Store.open(tmp_path / "post.sqlite")
    folder = tmp_path / "batch"
    folder.mkdir()
    for name in ("a", "b"):
        export_assessment(post, planted(post, mini_form), folder / f"{name}.xlsx", password=PASSWORD)
    post.close()
    asked = []

    def typing(answer):
        def exec_(self):
            asked.append(self.windowTitle())
            self.password.setText(answer)
            return self.DialogCode.Accepted
        return exec_

    monkeypatch.setattr(passwords.PasswordDialog, "exec", typing("wrong"))
    with qtbot.waitSignal(window.workbooks.imported, timeout=60_000) as blocker:
        window.workbooks.import_paths([folder])
    assert len(asked) == 1
    assert [r.outcome for r in blocker.args[0].results] == ["rejected", "rejected"]
    assert store.list_assessments() == []
    monkeypatch.setattr(passwords.PasswordDialog, "exec", typing(PASSWORD))
    with qtbot.waitSignal(window.workbooks.imported, timeout=60_000) as blocker:
        window.workbooks.import_paths([folder])
    assert len(asked) == 2
    assert [r.outcome for r in blocker.args[0].results] == ["imported", "imported"]


# -- LibreOffice -----------------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_libreoffice_opens_a_protected_workbook_given_the_password(protected, tmp_path, password_file):
    soffice = need_command("soffice", "libreoffice-calc-nogui")
    python = need_command("/usr/bin/python3", "python3-uno")
    helper = Path(__file__).parent / "libreoffice_password.py"
    check = subprocess.run([python, "-c", "import uno"], capture_output=True)
    if check.returncode:
        from tools import missing

        missing("LibreOffice's Python bridge (import uno)", "python3-uno")
    out = tmp_path / "opened.xlsx"
    finished = subprocess.run([python, str(helper), soffice, str(tmp_path / "profile"), str(protected), str(out),
                               str(password_file)], capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    text = all_text(openpyxl.load_workbook(out))
    assert SITE in text and EVIDENCE in text
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("not it\n", encoding="utf-8")
    refused = subprocess.run([python, str(helper), soffice, str(tmp_path / "profile"), str(protected),
                              str(tmp_path / "refused.xlsx"), str(wrong)], capture_output=True, text=True,
                             timeout=300)
    assert refused.returncode == 3, refused.stdout + refused.stderr
    assert not (tmp_path / "refused.xlsx").exists()


def test_export_all_with_a_password_from_the_window(window, qtbot, store, mini_form, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from hbm_assess.ui import passwords

    planted(store, mini_form)
    folder = tmp_path / "all"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    monkeypatch.setattr(passwords.PasswordDialog, "exec", lambda self: (
        self.password.setText(PASSWORD), self.again.setText(PASSWORD), self.DialogCode.Accepted)[-1])
    with qtbot.waitSignal(window.workbooks.exported, timeout=30_000):
        window.workbooks.choose_folder_and_export_all(protect=True)
    [written] = folder.iterdir()
    assert_nowhere(written.read_bytes(), "a workbook of Export all with a password")
    assert SITE in all_text(open_with(written, PASSWORD))
    # Cancelling the password writes nothing: a protected export never falls back to a clear one.
    again = tmp_path / "again"
    again.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(again))
    monkeypatch.setattr(passwords.PasswordDialog, "exec", lambda self: self.DialogCode.Rejected)
    window.workbooks.choose_folder_and_export_all(protect=True)
    qtbot.wait(200)
    assert list(again.iterdir()) == [] and not window.workbooks.jobs
