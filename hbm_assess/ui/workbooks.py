"""Export, import and report from the window: file choosers, the worker thread, the import report."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
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


class ImportReportDialog(QDialog):
    """What happened to each file of an import, rejected ones first."""

    def __init__(self, report, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import report"))
        rows = sorted(report.results, key=lambda r: (r.outcome != "rejected", r.outcome != "conflict", str(r.path)))
        counts: dict[str, int] = {}
        for result in report.results:
            counts[result.outcome] = counts.get(result.outcome, 0) + 1
        summary = QLabel(" · ".join(f"{outcome_name(k)}: {v}" for k, v in sorted(counts.items())) or
                         self.tr("No workbooks were found."), self)
        summary.setWordWrap(True)
        self.model = QStandardItemModel(0, 3, self)
        self.model.setHorizontalHeaderLabels([self.tr("File"), self.tr("Result"), self.tr("Details")])
        for result in rows:
            details = result.message_in(text.language()) or ""
            changes = getattr(result, "changes", None)
            if changes:  # each change said in the window's language, the sheet as the file names it
                shown = [change.text(text.language()) for change in changes[:_CHANGES_SHOWN]]
                details += ("\n" if details else "") + "\n".join([
                    self.tr("Changed cells: %1").replace("%1", str(len(changes))), *shown,
                    *(["…"] if len(changes) > _CHANGES_SHOWN else [])])
            items = [QStandardItem(Path(result.path).name), QStandardItem(outcome_name(result.outcome)),
                     QStandardItem(details)]
            items[0].setToolTip(str(result.path))
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        table = QTableView(self)
        table.setModel(self.model)
        table.setWordWrap(True)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        table.resizeColumnsToContents()
        table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.resize(900, 480)


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
        job = Job(work, title, self.window)
        job.finished.connect(on_done)
        job.failed.connect(lambda message: self._on_failed(title, message))
        job.finished.connect(lambda *_: self.jobs.remove(job))
        job.failed.connect(lambda *_: self.jobs.remove(job))
        self.jobs.append(job)
        job.start()
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
        from hbm_assess.exchange.importing import import_paths

        db = self.store_path()
        password = self._password_for_batch(paths)

        def work(progress, cancelled):
            return _with_own_store(db, lambda store: import_paths(
                store, paths, progress=lambda done, total, current=None: progress(
                    done, total, self.tr("Importing %1").replace("%1", Path(current).name if current else "")),
                cancelled=cancelled, password=password))

        return self._run(self.tr("Importing workbooks"), work, self._on_imported)

    def _password_for_batch(self, paths: list[Path]) -> str | None:
        """Asked once, before the worker starts, when some file of the batch is protected with a password."""
        from hbm_assess.exchange.importing import collect
        from hbm_assess.exchange.protection import path_is_encrypted
        from hbm_assess.ui.passwords import ask_password

        protected = sum(1 for path, skip in collect(paths) if skip is None and path_is_encrypted(path))
        return ask_password(self.window, protected) if protected else None

    def _on_imported(self, report) -> None:
        self.imported.emit(report)
        ImportReportDialog(report, self.window).exec()

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
        message = self.tr("Written: %1").replace("%1", ", ".join(str(p) for p in paths[:3]))
        if len(paths) > 3:
            message += " " + self.tr("and %n more", "", len(paths) - 3)
        self.window.statusBar().showMessage(message, 15_000)


def dropped_paths(mime) -> list[Path]:
    """The local files and folders of a drag-and-drop."""
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()] if mime.hasUrls() else []

