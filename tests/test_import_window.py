"""An import through the window keeps the GUI thread free: files looked at and the report said in threads (#20)."""

import threading

import pytest
from planted import planted
from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QApplication

from hbm_assess.exchange import protection
from hbm_assess.exchange.export import export_assessment
from hbm_assess.exchange.import_results import FileResult
from hbm_assess.storage.store import Store
from hbm_assess.ui import passwords, settings, workbooks
from hbm_assess.ui.main_window import MainWindow

PASSWORD = "four random words here"


def on_gui_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


@pytest.fixture
def batch(tmp_path, mini_form):
    """A folder of three workbooks from a post, two of them protected with PASSWORD."""
    post = Store.open(tmp_path / "post.sqlite")
    folder = tmp_path / "batch"
    folder.mkdir()
    for name, password in (("a", PASSWORD), ("b", None), ("c", PASSWORD)):
        export_assessment(post, planted(post, mini_form), folder / f"{name}.xlsx", password=password)
    post.close()
    return folder


@pytest.fixture
def window(qtbot, tmp_path, store):
    """The window with the import report's real exec: a test closes the dialog the way a person does."""
    settings.use_file(tmp_path / "settings.ini")
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    yield win
    settings.use_file(None)


def _typing_the_password(monkeypatch, asked: list) -> None:
    def exec_(dialog):
        asked.append(on_gui_thread())
        dialog.password.setText(PASSWORD)
        return dialog.DialogCode.Accepted
    monkeypatch.setattr(passwords.PasswordDialog, "exec", exec_)


def _closing_the_report(monkeypatch, closed: list) -> None:
    real_exec = workbooks.ImportReportDialog.exec

    def exec_(dialog):
        QTimer.singleShot(0, dialog.reject)  # Close, once the dialog's own loop runs
        closed.append(dialog.model.rowCount())
        return real_exec(dialog)
    monkeypatch.setattr(workbooks.ImportReportDialog, "exec", exec_)


def test_protected_files_are_looked_for_off_the_gui_thread_and_the_password_asked_once(
        qtbot, window, store, batch, monkeypatch):
    looked = []
    real = protection.path_is_encrypted
    monkeypatch.setattr(protection, "path_is_encrypted", lambda path: looked.append(on_gui_thread()) or real(path))
    asked, closed = [], []
    _typing_the_password(monkeypatch, asked)
    _closing_the_report(monkeypatch, closed)
    with qtbot.waitSignal(window.workbooks.imported, timeout=60_000) as blocker:
        job = window.workbooks.import_paths([batch])
    assert len(looked) >= 3 and not any(looked), "every file looked at in a thread, none on the GUI thread"
    assert asked == [True]  # asked once, by the window
    assert [r.outcome for r in blocker.args[0].results] == ["imported"] * 3
    assert len(store.list_assessments()) == 3 and window.home.proxy.rowCount() == 3
    assert closed == [3] and job not in window.workbooks.jobs


def test_an_import_without_protected_files_asks_nothing(qtbot, window, store, batch, monkeypatch):
    for protected in ("a.xlsx", "c.xlsx"):
        (batch / protected).unlink()
    asked, closed = [], []
    _typing_the_password(monkeypatch, asked)
    _closing_the_report(monkeypatch, closed)
    with qtbot.waitSignal(window.workbooks.imported, timeout=60_000):
        window.workbooks.import_paths([batch])
    assert asked == [] and closed == [1]


def test_the_report_is_said_in_the_worker_and_let_go_once_closed(qtbot, window, store, batch, monkeypatch):
    said = []
    real = FileResult.message_in
    monkeypatch.setattr(FileResult, "message_in", lambda self, language, **how: said.append(on_gui_thread()) or
                        real(self, language, **how))
    asked, closed = [], []
    _typing_the_password(monkeypatch, asked)
    _closing_the_report(monkeypatch, closed)
    with qtbot.waitSignal(window.workbooks.imported, timeout=60_000):
        window.workbooks.import_paths([batch])
    assert len(said) == 3 and not any(said), "each file's line said off the GUI thread"
    assert closed == [3]
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert window.findChildren(workbooks.ImportReportDialog) == []  # not kept, 500 rows at a time, once read
