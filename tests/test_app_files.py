"""Export, import and report from the window: worker threads, progress, cancel, drag and drop."""

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QObject, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDropEvent

from hbm_assess.core.assessment import Answer
from hbm_assess.exchange.export import export_assessment
from hbm_assess.storage.store import Store


@pytest.fixture
def folder_of_workbooks(tmp_path, mini_form):
    """Six workbooks exported from another database."""
    from hbm_assess.core.assessment import Assessment, Site

    other = Store.open(tmp_path / "other.sqlite")
    folder = tmp_path / "from-posts"
    folder.mkdir()
    for n in range(6):
        assessment_id = other.create_assessment(Assessment("mini", "1.0", Site(f"Post {n}", "IQ")), mini_form,
                                                [Answer("REG-01", level=1 + n % 5)])
        export_assessment(other, assessment_id, folder / f"post-{n}.xlsx")
    other.close()
    return folder


def test_import_runs_in_a_worker_and_reports_each_file(qtbot, window, store, folder_of_workbooks):
    (folder_of_workbooks / "notes.txt").write_text("not a workbook")
    with qtbot.waitSignal(window.workbooks.imported, timeout=20_000) as signal:
        window.workbooks.import_paths([folder_of_workbooks])
    report = signal.args[0]
    assert report.counts().get("imported") == 6
    assert len(store.list_assessments()) == 6
    assert window.home.proxy.rowCount() == 6  # the list shows them without a restart
    dialog = window.reports_shown[0]
    assert dialog.model.rowCount() == len(report.results)


class _CancelAt(QObject):
    """Lives in the GUI thread and presses Cancel when the progress signal says ``at`` files are done.

    The worker's progress reaches it over a blocking queued connection: the worker waits until the
    GUI thread has seen each step, so the cancel lands at that step however fast the files import.
    """

    def __init__(self, at: int):
        super().__init__()
        self.at, self.job, self.steps = at, None, []

    @Slot(int, int, str)
    def on_progressed(self, done: int, total: int, what: str) -> None:
        self.steps.append(done)
        if done == self.at:
            self.job.cancel()


def test_cancel_stops_after_the_current_file_and_keeps_what_was_done(qtbot, window, store, folder_of_workbooks,
                                                                     monkeypatch):
    from hbm_assess.ui.jobs import Job

    canceller = _CancelAt(2)  # two files are in, the third has started
    start = Job.start

    def start_watched(job):
        canceller.job = job
        job.worker.progressed.connect(canceller.on_progressed, Qt.ConnectionType.BlockingQueuedConnection)
        start(job)

    monkeypatch.setattr(Job, "start", start_watched)
    with qtbot.waitSignal(window.workbooks.imported, timeout=20_000) as signal:
        window.workbooks.import_paths([folder_of_workbooks])
    report = signal.args[0]
    assert canceller.steps == [0, 1, 2]  # no progress after the cancel
    assert report.cancelled
    # The file that was running when Cancel was pressed finishes; the three after it never start.
    assert [(Path(r.path).name, r.outcome) for r in report.results] == [
        ("post-0.xlsx", "imported"), ("post-1.xlsx", "imported"), ("post-2.xlsx", "imported")]
    stored = {row.site_name: row.id for row in store.list_assessments()}
    assert sorted(stored) == ["Post 0", "Post 1", "Post 2"]
    for n in range(3):  # each whole: its answer came with it
        assert store.answers(stored[f"Post {n}"])["REG-01"].level == 1 + n


def test_dropping_files_on_the_window_imports_them(qtbot, window, store, folder_of_workbooks):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in sorted(folder_of_workbooks.glob("*.xlsx"))[:2]])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.workbooks.imported, timeout=20_000):
        window.dropEvent(event)
    assert len(store.list_assessments()) == 2


def test_export_and_report_from_the_window(qtbot, window, store, mini_assessment, tmp_path, monkeypatch):
    store.save_answer(mini_assessment, Answer("REG-01", level=2))
    out = tmp_path / "reports"
    out.mkdir()
    with qtbot.waitSignal(window.workbooks.exported, timeout=20_000):
        window.workbooks.export(mini_assessment, tmp_path / "out.xlsx")
    assert (tmp_path / "out.xlsx").stat().st_size > 5000
    assert "out.xlsx" in window.statusBar().currentMessage()
    assert store.db.execute("SELECT sealed FROM assessments WHERE id = ?", (mini_assessment,)).fetchone()[0] == 1

    # File → Export report, on the open assessment, through the same kind of job.
    from PySide6.QtWidgets import QFileDialog

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda parent, title, suggested, filters: asked.append(suggested) or (str(out / "report"), ""))
    window.open_assessment(mini_assessment, "REG-01")
    with qtbot.waitSignal(window.workbooks.exported, timeout=60_000) as signal:
        window.report_action.trigger()
    assert asked[0].endswith(".pdf") and "Ibrahim" in asked[0]  # the suggested name says which site
    assert signal.args[0] == out / "report.pdf"  # ".pdf" added to a name typed without it
    assert sorted(p.name for p in out.iterdir()) == ["report.pdf"]  # no temporary file left beside it
    assert "report.pdf" in window.statusBar().currentMessage()
    pdf = (out / "report.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")  # whole, not cut short
    # Cover, method, summary, two pages of charts, the areas, plan, annex (as in test_report.py, which reads
    # the text back with poppler): page objects and the page tree's count agree.
    pages = len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))
    assert 8 <= pages <= 12 and re.search(rb"/Count\s+(\d+)", pdf).group(1) == str(pages).encode()
    title = re.search(rb"/Title \(\xfe\xff(.*?)\)\n", pdf, re.DOTALL).group(1).decode("utf-16-be")
    assert title == "Ibrahim Khalil — 2026-11-20"  # the report is of this assessment


def test_a_failed_export_is_reported_not_lost(qtbot, window, store, mini_assessment, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    with qtbot.waitSignal(window.workbooks.failed, timeout=20_000):
        window.workbooks.export(mini_assessment, tmp_path / "no-such-folder" / "out.xlsx")
    assert "does not exist" in warnings[0]


def test_cancel_on_the_report_job_writes_no_file(qtbot, window, store, mini_assessment, tmp_path, monkeypatch):
    # Cancel used to do nothing: the report job never passed its cancel check to write_report.
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "report.pdf"), ""))
    window.open_assessment(mini_assessment, "REG-01")
    with qtbot.waitSignal(window.workbooks.failed, timeout=60_000):
        window.report_action.trigger()
        window.workbooks.jobs[-1].cancel()
    assert warnings and "cancelled" in warnings[0]
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.part")) == []


def test_a_long_import_report_fits_each_row_to_its_text_as_it_comes_into_view(qtbot, tmp_path):
    """A folder of 400 files: the rows in view, and rows scrolled to later, are tall enough for their wrapped
    details; a row of several lines (a file with changed cells) is taller than a one-line row."""
    from hbm_assess.exchange.import_results import CellChange, FileResult, ImportReport
    from hbm_assess.ui.workbooks import ImportReportDialog

    results = []
    for n in range(400):
        changes = [CellChange("Answers", f"D{3 + k}", f"REG-0{k + 1}", "Level", "1", "2") for k in range(3)] \
            if n % 50 == 7 else []
        results.append(FileResult(Path(f"post-{n:03}.xlsx"), "updated" if changes else "imported",
                                  f"new assessment {n}", changes=changes))
    dialog = ImportReportDialog(ImportReport(results, total=400))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table, model = dialog.table, dialog.model

    def fits(row: int) -> bool:
        return table.rowHeight(row) >= table.sizeHintForRow(row) > 0

    assert fits(0) and "\n" not in model.item(0, 2).text()
    tall = next(r for r in range(model.rowCount()) if "\n" in model.item(r, 2).text())
    table.scrollTo(model.index(tall, 0))
    qtbot.waitUntil(lambda: fits(tall))
    assert table.rowHeight(tall) > table.rowHeight(0)
    assert all(fits(r) for r in range(max(table.rowAt(0), 0), table.rowAt(table.viewport().height() - 1) + 1))
    last = model.rowCount() - 1
    table.scrollToBottom()
    qtbot.waitUntil(lambda: fits(last))
    dialog.resize(500, 480)  # the details column narrower: rows in view wrap onto more lines, and fit again
    qtbot.waitUntil(lambda: all(fits(r) for r in range(max(table.rowAt(0), 0), last + 1)
                                if table.rowViewportPosition(r) < table.viewport().height()))
