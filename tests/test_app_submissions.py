"""The window's Import takes a KoboToolbox export too: dropped on the window, each submission is listed."""

import random
import uuid

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from submission_exports import kobo_rows, random_submission, read_xlsform, write_csv

from hbm_assess.core.questionnaire import installed_forms
from hbm_assess.exchange.xlsform import write_xlsform
from hbm_assess.ui import settings
from hbm_assess.ui.main_window import MainWindow


def test_a_kobo_export_dropped_on_the_window_becomes_one_assessment_per_submission(qtbot, window, store, tmp_path):
    sheets = read_xlsform(write_xlsform(installed_forms()[("hbm-rapid", "1.0")], tmp_path / "rapid.xlsx"))
    rng = random.Random(11)
    subs = [random_submission(sheets, rng, str(uuid.uuid4())) for _ in range(3)]
    export = write_csv(kobo_rows(sheets, subs, labels="ar"), tmp_path / "kobo.csv", delimiter=";")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(export))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.workbooks.imported, timeout=20_000) as signal:
        window.dropEvent(event)
    report = signal.args[0]
    assert report.counts()["imported"] == 3, [r.message for r in report.results]
    assert sorted(row.uuid for row in store.list_assessments()) == sorted(s.uuid for s in subs)
    assert window.home.proxy.rowCount() == 3
    assert window.reports_shown[0].model.rowCount() == 3


def test_file_menu_exports_the_questionnaire_as_an_xlsform(qtbot, tmp_path, store, mini_assessment, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog, QInputDialog


    settings.use_file(tmp_path / "settings.ini")
    window = MainWindow(store)
    qtbot.addWidget(window)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "phones"), ""))
    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *rest: (
        next(i for i in items if "rapid" in i.lower() or "سريع" in i), True))
    action = next(a for a in window.findChildren(type(window.report_action)) if "XLSForm" in a.text())
    with qtbot.waitSignal(window.workbooks.exported, timeout=30_000):
        action.trigger()  # no assessment open: the person picks the questionnaire
    settings_sheet = load_workbook(tmp_path / "phones.xlsx", read_only=True)["settings"]
    rows = list(settings_sheet.iter_rows(values_only=True))
    assert dict(zip(rows[0], rows[1], strict=False))["form_id"].startswith("hbm-rapid")
    window.open_assessment(mini_assessment, "REG-01")  # with one open, its questionnaire is exported
    with qtbot.waitSignal(window.workbooks.exported, timeout=30_000):
        action.trigger()
    rows = list(load_workbook(tmp_path / "phones.xlsx", read_only=True)["settings"].iter_rows(values_only=True))
    assert dict(zip(rows[0], rows[1], strict=False))["form_id"].startswith("mini")
    settings.use_file(None)
