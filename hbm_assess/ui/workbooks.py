"""Export, import and report from the window: file choosers, the worker thread, the import report."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.ui import text
from hbm_assess.ui.jobs import Job


def _with_own_store(path: Path, work):
    """Run ``work(store)`` on a connection of its own: SQLite connections never cross threads."""
    from hbm_assess.storage.store import Store  # not on the start path: the window paints without it

    store = Store.open(path)
    try:
        return work(store)
    finally:
        store.close()


def outcome_name(outcome: str) -> str:
    return {
        "imported": QCoreApplication.translate("Workbooks", "Imported"),
        "updated": QCoreApplication.translate("Workbooks", "Updated"),
        "unchanged": QCoreApplication.translate("Workbooks", "Unchanged"),
        "skipped": QCoreApplication.translate("Workbooks", "Skipped"),
        "rejected": QCoreApplication.translate("Workbooks", "Rejected"),
        "conflict": QCoreApplication.translate("Workbooks", "Conflict kept"),
    }.get(outcome, outcome)


_CHANGES_SHOWN = 20  # lines of changes a file's row shows; the JSON report lists them all
_CELL_PADDING_PX = 16    # a cell's margins on both sides, with room to spare
_HEADER_PADDING_PX = 28  # the header's margins and its sort arrow
_WIDTHS_MEASURED = 20    # the longest texts of a column, measured with the font to size it


class ReportRow(NamedTuple):
    """One file's line of the import report, as the window says it."""

    name: str
    outcome: str  # in the window's language
    details: str
    path: str


def report_rows(report, language: str) -> list[ReportRow]:
    """The lines of the import report, rejected files first: plain text, so the worker can make them (#20)."""
    results = sorted(report.results, key=lambda r: (r.outcome != "rejected", r.outcome != "conflict", str(r.path)))
    outcomes = {result.outcome: outcome_name(result.outcome) for result in results}
    rows = []
    for result in results:
        details = result.message_in(language, paths_isolated=True) or ""
        changes = getattr(result, "changes", None)
        if changes:  # each change said in the window's language, the sheet as the file names it
            shown = [change.text(language) for change in changes[:_CHANGES_SHOWN]]
            details += ("\n" if details else "") + "\n".join([
                QCoreApplication.translate("ImportReportDialog", "Changed cells: %1").replace("%1", str(len(changes))),
                *shown, *(["…"] if len(changes) > _CHANGES_SHOWN else [])])
        name = result.path.name if isinstance(result.path, Path) else Path(result.path).name
        rows.append(ReportRow(name, outcomes[result.outcome], details, str(result.path)))
    return rows


class ImportReportDialog(QDialog):
    """What happened to each file of an import, rejected ones first."""

    def __init__(self, report, parent=None, rows: list[ReportRow] | None = None):
        """``rows``: ``report_rows(report, language)`` made beforehand (in the import's worker), else made here."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        counts: dict[str, int] = {}
        for result in report.results:
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
        summary = QLabel(" · ".join(f"{outcome_name(k)}: {v}" for k, v in sorted(counts.items())) or
                         self.tr("No workbooks were found."), self)
        summary.setWordWrap(True)
        if rows is None:
            rows = report_rows(report, text.language())
        self.model = QStandardItemModel(0, 3, self)
        titles = [self.tr("File"), self.tr("Result"), self.tr("Details")]
        self.model.setHorizontalHeaderLabels(titles)
        for row in rows:
            items = [QStandardItem(row.name), QStandardItem(row.outcome), QStandardItem(row.details)]
            items[0].setToolTip(row.path)
            self.model.appendRow(items)
        self.table = table = QTableView(self)
        table.setModel(self.model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)  # a report: read, never typed into
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        # The file and result columns as wide as their longest text, measured with the font: Qt's own
        # measure asked a few hundred cells for their size hints (15-25 ms of the import's last turn, #20).
        cells, heads = table.fontMetrics(), header.fontMetrics()
        for column, shown in ((0, [row.name for row in rows]), (1, {row.outcome for row in rows})):
            longest = sorted(shown, key=len)[-_WIDTHS_MEASURED:]  # in characters; the widest is among them
            widest = max((cells.horizontalAdvance(value) for value in longest), default=0)
            header.resizeSection(column, max(widest + _CELL_PADDING_PX,
                                             heads.horizontalAdvance(titles[column]) + _HEADER_PADDING_PX))
        # Each row's height is fitted to its wrapped details as it comes into view: fitting all 500 rows
        # of a folder's import at once held the window for a third of a second (#20).
        self._fitted: set[int] = set()
        table.verticalScrollBar().valueChanged.connect(self.fit_rows_in_view)
        table.horizontalHeader().sectionResized.connect(self._refit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)

    def fit_rows_in_view(self) -> None:
        """Fit the rows now in view to their text, each once (again after the details column changes width)."""
        table = self.table
        bottom = table.viewport().height()
        row = max(table.rowAt(0), 0)
        while row < self.model.rowCount() and table.rowViewportPosition(row) < bottom:
            if row not in self._fitted:
                self._fitted.add(row)
                table.resizeRowToContents(row)
            row += 1

    def _refit(self, *_) -> None:
        self._fitted.clear()
        self.fit_rows_in_view()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._refit()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._refit()


def count_protected(paths: list[Path]) -> int:
    """How many of the files to import are protected with a password (each file opened and its header read)."""
    from hbm_assess.exchange.importing import collect
    from hbm_assess.exchange.protection import path_is_encrypted

    return sum(1 for path, skip in collect(paths) if skip is None and path_is_encrypted(path))


class ProtectedFiles(QObject):
    """Counts the protected files of an import in a thread of its own, then hands the count to the GUI thread."""

    _counted = Signal(int)

    def __init__(self, paths: list[Path], on_counted: Callable[[int], None], parent: QObject):
        super().__init__(parent)
        self.paths, self.on_counted = list(paths), on_counted
        # Emitted from the thread, received here: queued to the GUI thread this object lives in.
        self._counted.connect(self._on_counted)

    def start(self) -> None:
        threading.Thread(target=self._count, name="import-look-for-passwords", daemon=True).start()

    def _count(self) -> None:
        try:
            protected = count_protected(self.paths)
        except Exception:  # the import itself says, file by file, what it cannot read
            protected = 0
        self._counted.emit(protected)

    @Slot(int)
    def _on_counted(self, protected: int) -> None:
        self.deleteLater()
        self.on_counted(protected)


class Workbooks(QObject):
    """The window's file operations; each runs in a worker thread with a cancellable progress dialog."""

    imported = Signal(object)   # the import report
    exported = Signal(object)   # a path or a list of paths
    failed = Signal(str)

    def __init__(self, window: QWidget, store_path: Callable[[], Path]):
        super().__init__(window)
        self.window = window
        self.store_path = store_path
        self.jobs: list[Job] = []

    def _run(self, title: str, work, on_done) -> Job:
        job = self._job(title, work, on_done)
        job.start()
        return job

    def _job(self, title: str, work, on_done) -> Job:
        """A job made and counted among those under way, started by the caller."""
        job = Job(work, title, self.window)
        job.finished.connect(on_done)
        job.failed.connect(lambda message: self._on_failed(title, message))
        job.finished.connect(lambda *_: self.jobs.remove(job))
        job.failed.connect(lambda *_: self.jobs.remove(job))
        self.jobs.append(job)
        return job

    def _on_failed(self, title: str, message: str) -> None:
        QMessageBox.warning(self.window, title, message)
        self.failed.emit(message)

    # -- import ----------------------------------------------------------------

    def choose_and_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import workbooks"), str(Path.home()),
            self.tr("Excel workbooks (*.xlsx);;All files (*)"))
        if paths:
            self.import_paths([Path(p) for p in paths])

    def choose_folder_and_import(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Import every workbook in a folder"),
                                                  str(Path.home()))
        if folder:
            self.import_paths([Path(folder)])

    def import_paths(self, paths: list[Path]) -> Job:
        """Import in a worker; the job returned finishes with the report.

        The files are first looked at in a thread of their own for any protected with a password,
        whose password is then asked once for the batch; the import starts after that. Opening each
        file of a folder of 500 on the GUI thread held the window for 40-90 ms (#20).
        """
        from hbm_assess.exchange.importing import import_paths

        db = self.store_path()
        password: list[str | None] = [None]  # known once the files are looked at, before the job starts

        language = text.language()

        def work(progress, cancelled):
            report = _with_own_store(db, lambda store: import_paths(
                store, paths, progress=lambda done, total, current=None: progress(
                    done, total, self.tr("Importing %1").replace("%1", Path(current).name if current else "")),
                cancelled=cancelled, password=password[0]))
            # The report's lines said here, off the GUI thread: 500 messages took 15-30 ms there (#20).
            return report, report_rows(report, language)

        job = self._job(self.tr("Importing workbooks"), work, self._on_imported)

        def on_counted(protected: int) -> None:
            from hbm_assess.ui.passwords import ask_password

            password[0] = ask_password(self.window, protected) if protected else None
            job.start()

        ProtectedFiles(paths, on_counted, self).start()
        return job

    def _on_imported(self, done) -> None:
        report, rows = done
        self.imported.emit(report)
        dialog = ImportReportDialog(report, self.window, rows)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # 500 rows are not kept once read
        dialog.exec()

    # -- export ----------------------------------------------------------------

    def choose_and_export(self, assessment_id: int, suggested_name: str, protect: bool = False) -> None:
        """``protect``: the workbook is encrypted with a password typed twice (docs/security.md)."""
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export to Excel"),
                                              str(Path.home() / suggested_name), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        password = self._new_password() if protect else None
        if protect and password is None:
            return
        self.export(assessment_id, Path(path) if path.endswith(".xlsx") else Path(path + ".xlsx"), password)

    def _new_password(self) -> str | None:
        from hbm_assess.ui.passwords import choose_password

        return choose_password(self.window)

    def export(self, assessment_id: int, path: Path, password: str | None = None) -> Job:
        from hbm_assess.exchange.export import export_assessment

        db, language = self.store_path(), text.language()

        def work(progress, cancelled):
            return _with_own_store(db, lambda store: export_assessment(
                store, assessment_id, path, language,
                progress=lambda done, total, current=None: progress(done, total, str(path)), password=password))

        return self._run(self.tr("Exporting to Excel"), work, self._on_exported)

    def choose_and_export_xlsform(self, form) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("Export questionnaire as XLSForm"),
            str(Path.home() / f"{form.id}-{form.version}-xlsform.xlsx"), self.tr("Excel workbook (*.xlsx)"))
        if not path:
            return
        from hbm_assess.exchange.xlsform import write_xlsform

        target = Path(path) if path.endswith(".xlsx") else Path(path + ".xlsx")
        self._run(self.tr("Export questionnaire as XLSForm"), lambda progress, cancelled: write_xlsform(form, target),
                  self._on_exported)

    def choose_folder_and_export_all(self, protect: bool = False) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Export every assessment to a folder"),
                                                  str(Path.home()))
        if not folder:
            return
        password = self._new_password() if protect else None
        if protect and password is None:
            return
        from hbm_assess.exchange.export import export_all

        db, language = self.store_path(), text.language()

        def work(progress, cancelled):
            return _with_own_store(db, lambda store: export_all(
                store, Path(folder), language,
                progress=lambda done, total, current=None: progress(done, total, Path(current).name if current else ""),
                cancelled=cancelled, password=password))

        self._run(self.tr("Exporting to Excel"), work, self._on_exported)

    def choose_folder_and_prepare_groups(self, assessment_id: int) -> None:
        from hbm_assess.exchange.workshop_files import prepare_group_files

        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Folder for the group files"),
                                                  str(Path.home()))
        if not folder:
            return
        db, language = self.store_path(), text.language()

        def work(progress, cancelled):
            return _with_own_store(db, lambda store: prepare_group_files(
                store, assessment_id, Path(folder), language,
                progress=lambda done, total, current=None: progress(done, total, Path(current).name if current else ""),
                cancelled=cancelled))

        self._run(self.tr("Preparing group files"), work, self._on_exported)

    def choose_and_write_report(self, assessment_id: int, suggested_name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export report"),
                                              str(Path.home() / suggested_name), self.tr("PDF document (*.pdf)"))
        if not path:
            return
        from hbm_assess.ui.report import write_report

        target = Path(path) if path.endswith(".pdf") else Path(path + ".pdf")
        db, language = self.store_path(), text.language()

        # QPainter may draw on a PDF writer outside the GUI thread (Qt's threading notes), so this runs as a job too.
        def work(progress, cancelled):
            return _with_own_store(db, lambda store: write_report(
                store, assessment_id, target, language,
                progress=lambda done, total, *_: progress(done, total, str(target)), cancelled=cancelled))

        self._run(self.tr("Export report"), work, self._on_exported)

    def _on_exported(self, result) -> None:
        self.exported.emit(result)
        paths = result if isinstance(result, list) else [result]
        message = self.tr("Written: %1").replace("%1", ", ".join(text.path(p) for p in paths[:3]))
        if len(paths) > 3:
            message += " " + self.tr("and %n more", "", len(paths) - 3)
        self.window.statusBar().showMessage(message, 15_000)


def dropped_paths(mime) -> list[Path]:
    """The local files and folders of a drag-and-drop."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

