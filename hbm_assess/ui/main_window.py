"""The main window: the assessment list, the open assessment, menus and the save status."""

from __future__ import annotations

import sys
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
)

from hbm_assess import __version__
from hbm_assess.storage.listing import AssessmentSummary
from hbm_assess.ui import settings, text
from hbm_assess.ui.home import HomeView
from hbm_assess.ui.shortcuts import keys

if TYPE_CHECKING:  # the window paints its list before these load (ui/app.py, storage/listing.py)
    from hbm_assess.storage.store import Store
    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workbooks import Workbooks


def _restart_arguments() -> list[str]:
    """The command line that started the app, without any --lang, to start it again."""
    arguments, skip = ["-m", "hbm_assess"], False
    for argument in sys.argv[1:]:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif not argument.startswith("--lang="):
            arguments.append(argument)
    return arguments


class DeleteAssessment(QUndoCommand):
    """Move an assessment to the bin; undo brings it back."""

    def __init__(self, window: MainWindow, assessment_id: int, site: str):
        # MainWindow's words: window.tr would file the text under "window" for the translators
        super().__init__(QCoreApplication.translate("MainWindow", "Delete assessment of %1").replace("%1", site))
        self.window, self.assessment_id = window, assessment_id

    def redo(self) -> None:
        self.window.store.delete_assessment(self.assessment_id)
        self.window.refresh_home()

    def undo(self) -> None:
        self.window.store.restore_assessment(self.assessment_id)
        self.window.refresh_home()
        self.window.home.select(self.assessment_id)


PREFERRED_SIZE = QSize(1280, 860)
FRAME_GUESS = QSize(16, 48)  # a window manager's borders and title bar, before the window is shown


class MainWindow(QMainWindow):
    def __init__(self, store: Store | None, parent=None, *, path: Path | None = None,
                 rows: list[AssessmentSummary] | None = None):
        """``store`` None: the list ``rows`` of the database at ``path`` was read before the store
        opened (ui/app.py); ``take_store`` hands the store over right after the first paint."""
        super().__init__(parent)
        self.store = store
        self._path = store.path if store is not None else path
        self.session: AssessmentSession | None = None
        self.assessment_view = None  # an AssessmentView while an assessment is open
        self.portfolio = None  # the HQ view, made when first asked for
        self.undo_group = QUndoGroup(self)
        self.home_undo = QUndoStack(self.undo_group)
        self.setWindowTitle(self.tr("HBM Assess"))

        self.home = HomeView(self)
        self.home.open_requested.connect(self.open_assessment)
        self.home.new_requested.connect(self.new_assessment)
        self.home.duplicate_requested.connect(self.duplicate_assessment)
        self.home.delete_requested.connect(self.delete_assessment)
        self.home.demo_requested.connect(self.open_demo)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._workbooks: Workbooks | None = None  # made when first asked for: after the first paint (#20)
        self.setAcceptDrops(True)
        self._build_menus()
        self._show_list(rows if store is None else None)  # nothing is open yet: no session to close
        self.place()

    def place(self, remembered: QByteArray | None = None) -> None:
        """The remembered geometry, else most of the screen; never larger than the screen's free area."""
        if remembered is not None and not remembered.isEmpty() and self.restoreGeometry(remembered):
            self.keep_on_screen()
            return
        available = self._available()
        frame = self._frame_extra()
        size = QSize(min(PREFERRED_SIZE.width(), available.width() - frame.width()),
                     min(PREFERRED_SIZE.height(), available.height() - frame.height()))
        self.resize(size)
        self.move(max(available.left(), available.center().x() - (size.width() + frame.width()) // 2),
                  max(available.top(), available.center().y() - (size.height() + frame.height()) // 2))

    def _available(self) -> QRect:
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry()

    def _frame_extra(self) -> QSize:
        """Title bar and borders: known once shown, else a generous guess."""
        if self.isVisible() and self.frameGeometry().size() != self.size():
            return self.frameGeometry().size() - self.size()
        return FRAME_GUESS

    def keep_on_screen(self) -> None:
        if self.isMaximized() or self.isFullScreen():
            return
        available, frame = self._available(), self._frame_extra()
        width = min(self.width(), available.width() - frame.width())
        height = min(self.height(), available.height() - frame.height())
        if (width, height) != (self.width(), self.height()):
            self.resize(width, height)
        x = min(max(self.x(), available.left()), available.right() + 1 - width - frame.width())
        y = min(max(self.y(), available.top()), available.bottom() + 1 - height - frame.height())
        self.move(x, y)

    # -- menus ---------------------------------------------------------------

    def _action(self, menu, label: str, handler, shortcut=None) -> QAction:
        action = QAction(label, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else keys(shortcut))
        action.triggered.connect(handler)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(file_menu, self.tr("&New assessment…"), self.new_assessment, QKeySequence.StandardKey.New)
        self._action(file_menu, self.tr("Open &database…"), self.choose_database, QKeySequence.StandardKey.Open)
        self._action(file_menu, self.tr("New encrypted data&base…"), self.new_encrypted_database)
        self._action(file_menu, self.tr("Encr&ypt this database…"), self.encrypt_this_database)
        self.recent_menu = file_menu.addMenu(self.tr("&Recent databases"))
        self.recent_menu.aboutToShow.connect(self._on_recent_menu_shown)
        file_menu.addSeparator()
        file_menu.addSeparator()
        self.export_action = self._action(file_menu, self.tr("&Export to Excel…"), self.export_current,
                                          QKeySequence("Ctrl+Shift+E"))
        self._action(file_menu, self.tr("Export &all to Excel…"), lambda: self.workbooks.choose_folder_and_export_all())
        self._action(file_menu, self.tr("Export to Excel with a &password…"), self.export_current_protected)
        self._action(file_menu, self.tr("Export all to Excel with a pass&word…"),
                     lambda: self.workbooks.choose_folder_and_export_all(protect=True))
        self.report_action = self._action(file_menu, self.tr("Export &report (PDF)…"), self.report_current,
                                          QKeySequence("Ctrl+P"))
        self._action(file_menu, self.tr("Export questionnaire as &XLSForm (Kobo, ODK)…"), self.export_xlsform)
        self._action(file_menu, self.tr("&Import workbooks…"), lambda: self.workbooks.choose_and_import(),
                     QKeySequence("Ctrl+I"))
        self._action(file_menu, self.tr("Import a &folder of workbooks…"),
                     lambda: self.workbooks.choose_folder_and_import())
        file_menu.addSeparator()
        self.close_action = self._action(file_menu, self.tr("&Close assessment"), self.show_home,
                                         QKeySequence.StandardKey.Close)
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), self.close,
                     keys(QKeySequence.StandardKey.Quit, "Ctrl+Q"))

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.undo_group.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts(keys(QKeySequence.StandardKey.Undo))
        redo = self.undo_group.createRedoAction(self, self.tr("&Redo"))
        # The README's Ctrl+Shift+Z and Windows' Ctrl+Y everywhere, each once: on X11 the platform's
        # Redo is Ctrl+Shift+Z itself, and a sequence listed twice is ambiguous, so neither ran.
        redo.setShortcuts(keys(QKeySequence.StandardKey.Redo, "Ctrl+Shift+Z", "Ctrl+Y"))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self._action(view_menu, self.tr("&All assessments"), self.show_home, QKeySequence("Ctrl+L"))
        self._action(view_menu, self.tr("&Portfolio: compare posts"), self.show_portfolio, QKeySequence("Ctrl+H"))
        self.review_action = self._action(view_menu, self.tr("&Review and finish"), self._on_review_requested,
                                          QKeySequence("Ctrl+R"))
        self.method_action = self._action(view_menu, self.tr("&Target policy and scope…"), self.edit_method)
        self.view_menu = view_menu
        language_menu = view_menu.addMenu(self.tr("&Language"))
        for code, name in text.language_names().items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == text.language())
            action.triggered.connect(lambda checked=False, c=code: self.choose_language(c))

        workshop_menu = self.menuBar().addMenu(self.tr("&Workshop"))
        self.workshop_actions = [
            self._action(workshop_menu, self.tr("&Groups and assignments…"), self.edit_groups),
            self._action(workshop_menu, self.tr("&Prepare group files…"), self.prepare_group_files),
            self._action(workshop_menu, self.tr("&Import group files…"),
                         lambda: self.workbooks.choose_and_import()),
            self._action(workshop_menu, self.tr("&Settle disagreements"), self.show_settle,
                         QKeySequence("Ctrl+M")),
            self._action(workshop_menu, self.tr("&Outputs: challenges, strategy, contributions"), self.show_outputs),
            self._action(workshop_menu, self.tr("Pro&jector view"), self.show_projector, QKeySequence("F11")),
        ]

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About HBM Assess"), self.show_about)

    def _on_recent_menu_shown(self) -> None:
        self.recent_menu.clear()
        for path in settings.read("recent_databases"):
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda checked=False, p=path: self.switch_database(Path(p)))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none yet)")).setEnabled(False)

    # -- home ----------------------------------------------------------------

    def refresh_home(self) -> None:
        self.home.set_rows(self.store.list_assessments())

    def take_store(self, store: Store) -> None:
        """The store of the database whose list the window shows: read the list again, the store's way."""
        self.store = store
        rows = store.list_assessments()
        if rows != self.home.model.rows:  # another program wrote meanwhile, or the file was moved aside
            selected = self.home.selected_id()
            self.home.set_rows(rows)
            if selected is not None:
                self.home.select(selected)
        self.setWindowTitle(self.tr("HBM Assess — %1").replace("%1", text.path(store.path)))

    def show_home(self) -> None:
        self._close_session()
        self._show_list()

    def _show_list(self, rows: list[AssessmentSummary] | None = None) -> None:
        if rows is None:
            self.refresh_home()
        else:
            self.home.set_rows(rows)
        self.stack.setCurrentWidget(self.home)
        self.undo_group.setActiveStack(self.home_undo)
        self.close_action.setEnabled(False)
        self.review_action.setEnabled(False)
        self.method_action.setEnabled(False)
        path = self.store.path if self.store is not None else self._path  # the store's, once open
        self.setWindowTitle(self.tr("HBM Assess — %1").replace("%1", text.path(path)))

    def show_portfolio(self) -> None:
        """The HQ view over every assessment in the database."""
        from hbm_assess.ui.portfolio import PortfolioView

        self._close_session()
        if self.portfolio is None:
            self.portfolio = PortfolioView(self.store, self)
            self.portfolio.open_requested.connect(self.open_assessment)
            self.stack.addWidget(self.portfolio)
        else:
            self.portfolio.refresh()
        self.stack.setCurrentWidget(self.portfolio)
        self.undo_group.setActiveStack(self.home_undo)
        self.close_action.setEnabled(False)
        self.review_action.setEnabled(False)
        self.method_action.setEnabled(False)

    def new_assessment(self) -> None:
        from hbm_assess.operations import shipped_forms
        from hbm_assess.ui.new_assessment import NewAssessmentDialog

        dialog = NewAssessmentDialog(shipped_forms(), self)
        if dialog.exec() != NewAssessmentDialog.DialogCode.Accepted:
            return
        assessment_id = self.store.create_assessment(dialog.assessment(), dialog.chosen_form())
        self.open_assessment(assessment_id)

    def duplicate_assessment(self, assessment_id: int) -> None:
        new_id = self.store.duplicate_assessment(assessment_id, date.today().isoformat())
        self.open_assessment(new_id)
        self.statusBar().showMessage(self.tr("Follow-up started from the earlier assessment; its answers are "
                                             "the starting point. Change what has changed."), 10_000)

    def delete_assessment(self, assessment_id: int) -> None:
        summary = self.store.summary(assessment_id)
        answer = QMessageBox.question(
            self, self.tr("Delete assessment"),
            self.tr("Delete the assessment of %1 dated %2? You can undo this with Ctrl+Z.")
            .replace("%1", summary.site_name).replace("%2", summary.date),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.home_undo.push(DeleteAssessment(self, assessment_id, summary.site_name))
            self.statusBar().showMessage(self.tr("Assessment deleted. Edit → Undo brings it back."), 10_000)

    def open_demo(self) -> None:
        from hbm_assess.operations import add_demo_assessments

        ids = []
        while not ids:  # a seed drawn twice gives the assessment already there; draw again
            ids = add_demo_assessments(self.store, count=1, seed=time.time_ns())
        self.open_assessment(ids[0])

    # -- an open assessment ----------------------------------------------------

    def open_assessment(self, assessment_id: int, indicator_id: str = "") -> None:
        from hbm_assess.ui.session import AssessmentSession

        self._close_session()
        self.session = AssessmentSession(self.store, assessment_id, self)
        self.session.saved.connect(self._on_saved)
        self.session.save_failed.connect(self._on_save_failed)
        self.session.waiting.connect(self._on_waiting)
        stack = QUndoStack(self.undo_group)
        from hbm_assess.ui.assessment_view import AssessmentView  # loaded on first use: a faster start

        self.assessment_view = AssessmentView(self.session, stack, self)
        self.assessment_view.back_requested.connect(self.show_home)
        # Queued: the page that asks is closed with its assessment before the national one opens.
        self.assessment_view.page.national_requested.connect(self.open_assessment, Qt.ConnectionType.QueuedConnection)
        self.stack.addWidget(self.assessment_view)
        self.stack.setCurrentWidget(self.assessment_view)
        self.undo_group.setActiveStack(stack)
        splitter_state = settings.read("assessment/splitter")
        if not splitter_state.isEmpty():
            self.assessment_view.splitter.restoreState(splitter_state)
        if indicator_id and indicator_id in self.session.form.by_id:
            self.assessment_view.show_indicator(indicator_id)
        else:
            self.assessment_view.show_first_unanswered()
        # Connected after the first indicator is shown: that one is written with the rest, in one
        # disk sync (each write waits for the disk, ~13 ms; five of them froze the opening, #20),
        # once this turn is over: the opening does not wait for the disk at all.
        self.assessment_view.indicator_shown.connect(self._on_indicator_shown)
        self.close_action.setEnabled(True)
        self.review_action.setEnabled(True)
        self.method_action.setEnabled(True)
        settings.write_soon({"last_assessment": assessment_id, "session/open_assessment": assessment_id,
                             "session/indicator": self.assessment_view.current_id or ""})
        self.setWindowTitle(self.tr("%1 — HBM Assess").replace("%1", self.session.assessment.site.name))
        self.saved_label.setText("")
        page = self.assessment_view.page
        QTimer.singleShot(0, page, page.focus_levels)  # the page as context: no call once it is gone

    def _close_session(self) -> None:
        splitter, was_open = None, self.assessment_view is not None or self.session is not None
        if self.assessment_view is not None:
            self.assessment_view.commit_typing()
            splitter = self.assessment_view.splitter.saveState()
            stack = self.assessment_view.undo_stack
            self.undo_group.removeStack(stack)
            self.stack.removeWidget(self.assessment_view)
            self.assessment_view.deleteLater()
            stack.deleteLater()
            self.assessment_view = None
        if self.session is not None:
            self._save_waiting_changes()
            # The session goes away with the page: nothing it does later may reach this window.
            self.session.discard_pending()
            self.session.blockSignals(True)
            self.session.deleteLater()
            self.session = None
        if was_open:  # with nothing open the settings already say so: no disk sync (~15 ms) for nothing
            closed = {"session/open_assessment": 0, "session/indicator": ""}
            settings.write_all(closed if splitter is None else {"assessment/splitter": splitter, **closed})

    # -- workshop ------------------------------------------------------------

    def _needs_open_assessment(self) -> bool:
        if self.session is None:
            self.statusBar().showMessage(self.tr("Open the workshop assessment first."), 8000)
            return False
        return True

    def edit_method(self) -> None:
        if self.assessment_view is not None:
            self.assessment_view.edit_method()

    def edit_groups(self) -> None:
        from hbm_assess.ui.workshop import GroupsDialog

        if self._needs_open_assessment():
            GroupsDialog(self.session, self).exec()

    def prepare_group_files(self) -> None:
        if self._needs_open_assessment():
            self.assessment_view.commit_typing()
            self.workbooks.choose_folder_and_prepare_groups(self.session.assessment_id)

    def show_settle(self) -> None:
        if self._needs_open_assessment():
            self.assessment_view.show_settle()

    def show_outputs(self) -> None:
        if self._needs_open_assessment():
            self.assessment_view.show_outputs()

    def show_projector(self) -> None:
        from hbm_assess.ui.workshop import ProjectorView

        if self._needs_open_assessment():
            self.projector = ProjectorView(self.session, self)
            self.projector.showMaximized()

    # -- files ---------------------------------------------------------------

    def current_assessment_id(self) -> int | None:
        """The open assessment, else the one selected in the list."""
        if self.session is not None:
            return self.session.assessment_id
        return self.home.selected_id()

    def _saved_current(self, missing: str) -> int | None:
        """The assessment a file operation is about, with what was typed saved; None (and a hint) if none."""
        assessment_id = self.current_assessment_id()
        if assessment_id is None:
            self.statusBar().showMessage(missing, 8000)
        elif self.assessment_view is not None:
            self.assessment_view.commit_typing()
        return assessment_id

    def _suggested_name(self, assessment_id: int, suffix: str) -> str:
        from hbm_assess.exchange.export import file_name

        row = self.store.summary(assessment_id)
        return Path(file_name(row.site_name, row.date, row.form_id, row.id)).with_suffix(suffix).name

    def export_current(self) -> None:
        assessment_id = self._saved_current(self.tr("Select or open an assessment to export."))
        if assessment_id is not None:
            self.workbooks.choose_and_export(assessment_id, self._suggested_name(assessment_id, ".xlsx"))

    def export_current_protected(self) -> None:
        assessment_id = self._saved_current(self.tr("Select or open an assessment to export."))
        if assessment_id is not None:
            self.workbooks.choose_and_export(assessment_id, self._suggested_name(assessment_id, ".xlsx"), protect=True)

    def report_current(self) -> None:
        assessment_id = self._saved_current(self.tr("Select or open an assessment for its report."))
        if assessment_id is not None:
            self.workbooks.choose_and_write_report(assessment_id, self._suggested_name(assessment_id, ".pdf"))

    def export_xlsform(self) -> None:
        """The open assessment's questionnaire, or one the person picks, as an XLSForm for phones and tablets."""
        from PySide6.QtWidgets import QInputDialog

        from hbm_assess.operations import shipped_forms

        forms = shipped_forms()
        if self.session is not None:
            form = self.session.form
        else:
            names = [f"{f.title.get(text.language())} {f.version}" for f in forms]
            name, chosen = QInputDialog.getItem(self, self.tr("Export questionnaire as XLSForm"),
                                                self.tr("Questionnaire:"), names, 0, False)
            if not chosen:
                return
            form = forms[names.index(name)]
        self.workbooks.choose_and_export_xlsform(form)

    def _on_imported(self, report) -> None:
        if self.session is None:
            self.refresh_home()
        else:
            self.session.reload_answers()
            self.session.reload_details()
            self.session.answer_changed.emit("")
            self.assessment_view.refresh_settle()

    @property
    def workbooks(self) -> Workbooks:
        """Export, import and report from the window; its module and dialogs load when first used."""
        if self._workbooks is None:
            from hbm_assess.ui.workbooks import Workbooks

            self._workbooks = Workbooks(self, lambda: self.store.path)
            self._workbooks.imported.connect(self._on_imported)
        return self._workbooks

    def dragEnterEvent(self, event) -> None:
        from hbm_assess.ui.workbooks import dropped_paths

        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        from hbm_assess.ui.workbooks import dropped_paths

        paths = dropped_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.workbooks.import_paths(paths)

    def _on_indicator_shown(self, indicator_id: str) -> None:
        settings.write_soon({"session/indicator": indicator_id})

    def _on_review_requested(self) -> None:
        if self.assessment_view is not None:
            self.assessment_view.show_review()

    def _on_saved(self, stamp: str) -> None:
        local = datetime.fromisoformat(stamp).astimezone().strftime("%H:%M:%S")
        self._show_save_state(self.tr("Saved %1").replace("%1", local))

    def _on_waiting(self, count: int) -> None:
        waiting = self.tr("Saving… the database is busy; changes kept and retried: %1")
        self._show_save_state(waiting.replace("%1", str(count)))

    def _save_waiting_changes(self) -> None:
        """Before an assessment closes: commit what waits for the database, or let the person decide."""
        from hbm_assess.storage.database import BUSY_TIMEOUT_MS

        while not self.session.flush(BUSY_TIMEOUT_MS):
            answer = QMessageBox.warning(
                self, self.tr("Not saved yet"),
                self.tr("Changes not saved yet: %1. Another program has held the database locked for several "
                        "seconds. Retry to keep waiting, or discard them.")
                .replace("%1", str(len(self.session.pending))),
                QMessageBox.StandardButton.Retry | QMessageBox.StandardButton.Discard,
                QMessageBox.StandardButton.Retry,
            )
            if answer == QMessageBox.StandardButton.Discard:
                self.session.discard_pending()
                return

    def _on_save_failed(self, reason: str) -> None:
        self._show_save_state(self.tr("NOT SAVED"))
        QMessageBox.critical(self, self.tr("Not saved"),
                             self.tr("The last change could not be saved: %1").replace("%1", reason))

    def _show_save_state(self, state: str) -> None:
        # Beside the indicator too: on a small screen the status bar can sit under the taskbar.
        self.saved_label.setText(state)
        if self.assessment_view is not None:
            self.assessment_view.saved_note.setText(state)

    # -- databases -----------------------------------------------------------

    def choose_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog  # not on the start path (#20)

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), str(self.store.path.parent if self.store.path else Path.home()),
            self.tr("HBM Assess databases (*.sqlite *.db);;All files (*)"),
        )
        if path:
            self.switch_database(Path(path))

    def switch_database(self, path: Path) -> None:
        from hbm_assess.storage.database import DatabaseError
        from hbm_assess.ui.passwords import open_store

        try:
            store = open_store(self, path)
        except (DatabaseError, OSError) as error:
            QMessageBox.warning(self, self.tr("Cannot open database"), text.said(error))
            return
        if store is None:
            return
        self._use_store(store, path)

    def _use_store(self, store: Store, path: Path) -> None:
        """Show the database ``store`` instead of the current one (which is closed, if it is not already)."""
        self._close_session()
        self.home_undo.clear()
        if self.portfolio is not None:
            self.stack.removeWidget(self.portfolio)
            self.portfolio.deleteLater()
            self.portfolio = None
        self.store.close()
        self.store = store
        from hbm_assess.ui.app import tell_what_happened_on_open

        tell_what_happened_on_open(self, store, path)
        settings.remember_database(path)
        self.show_home()

    def new_encrypted_database(self) -> None:
        """File → New encrypted database…: a new file, encrypted from its first byte, then shown."""
        from PySide6.QtWidgets import QFileDialog

        from hbm_assess.storage import encryption
        from hbm_assess.storage.database import DatabaseError
        from hbm_assess.storage.store import Store
        from hbm_assess.ui.passwords import choose_passphrase

        title = self.tr("New encrypted database")
        name, _ = QFileDialog.getSaveFileName(
            self, title, str((self.store.path.parent if self.store.path else Path.home()) / "assessments.sqlite"),
            self.tr("HBM Assess databases (*.sqlite *.db);;All files (*)"))
        if not name:
            return
        path = Path(name) if Path(name).suffix else Path(name + ".sqlite")
        if path.exists():
            exists = self.tr("%1 already exists. Choose a new file name, or open it and use File → Encrypt this "
                             "database….")
            QMessageBox.information(self, title, exists.replace("%1", text.path(path)))
            return
        passphrase = choose_passphrase(self)
        if passphrase is None:
            return
        encryption.remember(path, passphrase)
        try:
            store = Store.open(path)
        except (DatabaseError, OSError) as error:
            encryption.forget(path)
            QMessageBox.warning(self, title, text.said(error))
            return
        self._use_store(store, path)

    def encrypt_this_database(self) -> None:
        """File → Encrypt this database…: an encrypted copy is checked, then replaces the plain file."""
        from hbm_assess.storage import encryption
        from hbm_assess.storage.database import DatabaseError
        from hbm_assess.storage.store import Store
        from hbm_assess.ui.passwords import choose_passphrase

        path = self.store.path
        title = self.tr("Encrypt this database")
        if encryption.key_for(path) is not None:
            QMessageBox.information(self, title, self.tr("This database is already encrypted."))
            return
        if self._workbooks is not None and self._workbooks.jobs:
            QMessageBox.information(self, title, self.tr("Wait until the export or import under way has finished."))
            return
        passphrase = choose_passphrase(self)
        if passphrase is None:
            return
        self._close_session()
        self.store.close()
        try:
            older = encryption.encrypt_database(path, passphrase)
        except (DatabaseError, OSError) as error:
            QMessageBox.warning(self, title, self.tr("The database was not encrypted: %1")
                                .replace("%1", text.said(error)))
            older = None
        self._use_store(Store.open(path), path)  # encrypted with its passphrase, or the plain one as it was
        if older is not None:
            message = self.tr("The database is now encrypted. HBM Assess will ask for its passphrase at every start.")
            if older:
                message += "\n\n" + self.tr("These older copies were made before and are not encrypted; delete "
                                             "them once you no longer need them:") + "\n" + "\n".join(map(str, older))
            QMessageBox.information(self, title, message)

    def choose_language(self, language: str) -> None:
        """Remember the language; the whole window follows it after a restart, which is offered at once."""
        settings.write("language", language)
        if language == text.language():
            return
        answer = QMessageBox.question(
            self, self.tr("Language"),
            self.tr("HBM Assess will use the new language after a restart. Nothing is lost: every answer is "
                    "already saved. Restart now?"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.close()
            from PySide6.QtCore import QProcess  # not on the start path: its classes' enums cost time (#20)

            QProcess.startDetached(sys.executable, [*_restart_arguments(), "--lang", language])

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About HBM Assess"),
            self.tr("<h3>HBM Assess %1</h3><p>Humanitarian Border Management capacity assessments.</p>"
                    "<p>Data is kept in:<br><code>%2</code></p>")
            .replace("%1", __version__).replace("%2", text.path(self.store.path)),
        )

    # -- closing -------------------------------------------------------------

    def closeEvent(self, event) -> None:
        self._close_session()
        settings.write("window/geometry", self.saveGeometry())
        settings.write("window/state", self.saveState())
        settings.write("session/clean_exit", True)
        super().closeEvent(event)
