"""Starting the desktop app: language, database, window, and recovery after a crash."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hbm_assess.storage.listing import AssessmentSummary, read_quickly
from hbm_assess.ui import fonts, settings, text, translations
from hbm_assess.ui.main_window import MainWindow

if TYPE_CHECKING:
    # Not on the start path: the window paints its list first (storage/listing.py), then the
    # store and sqlite-utils load (~0.15 s, a third of the start before).
    from hbm_assess.storage.store import Store

SETTINGS_ENV = "HBM_ASSESS_SETTINGS"  # an INI file instead of the platform's settings store


GIL_SWITCH_S = 0.001  # at most this long a busy worker thread keeps the window waiting for Python


def application(argv: list[str] | None = None) -> QApplication:
    # The import, the portfolio's figures and the charts run Python in worker threads. The GUI
    # thread lets go of the interpreter in each call into SQLite (and many into Qt), then waits
    # for a busy worker to hand it back: up to Python's switch interval, 5 ms by default, each
    # time. Measured opening the portfolio (2,000 assessments, 8 runs a side): the window's
    # gaps after the first paint were 20-33 ms at 5 ms, 15-19 ms at 1 ms (#20).
    sys.setswitchinterval(GIL_SWITCH_S)
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("HBM Assess")
    fonts.register()
    return app


def choose_language(requested: str | None) -> str:
    """--lang first, then the remembered choice, then the system's language, else English."""
    if requested:
        return requested
    remembered = settings.read("language")
    if remembered:
        return remembered
    system = QLocale.system().name().split("_")[0]
    return system if system in ("ar", "ckb") else "en"


def apply_language(app: QApplication, language: str) -> None:
    translations.install(app, language)
    text.set_language(language)
    # Western digits in every language: the charts, the PDF report, the workbooks and ids
    # such as OPS-03 use them, and one screen must not mix two kinds of digits.
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft if language in ("ar", "ckb")
                           else Qt.LayoutDirection.LeftToRight)


def start(store: Store | None, *, path: Path | None = None,
          rows: list[AssessmentSummary] | None = None) -> MainWindow:
    """Show the main window, reopening what was open if the app did not close properly last time.

    ``store`` None: the window shows ``rows``, the list of the database at ``path`` read the
    quick way, and opens the store right after its first paint (``open_window``).
    """
    crashed = not settings.read("session/clean_exit")
    open_id = settings.read("session/open_assessment")
    indicator = settings.read("session/indicator")
    window = MainWindow(store, path=path, rows=rows)
    window.place(settings.read("window/geometry"))
    window.show()
    window.keep_on_screen()  # the frame is known now
    last = settings.read("last_assessment")
    if last:
        window.home.select(last)

    def running() -> None:
        # Running, nothing open yet: written once the store is open (each write waits for the disk).
        settings.write_all({"session/clean_exit": False, "session/open_assessment": 0, "session/indicator": ""})
        if crashed and open_id:
            QTimer.singleShot(0, lambda: _recover(window, open_id, indicator))

    if store is None:
        after_first_paint(window.home.table.viewport(), lambda: _finish_opening(window, path, running))
    else:
        running()
    QTimer.singleShot(WARM_UP_AFTER_MS, window, lambda: _warm_up_charts(window))
    return window


def open_window(db_path: Path) -> MainWindow | None:
    """The window on the database at ``db_path``, its list shown as early as the file allows; None: not opened.

    A database of this version that SQLite reads at once is listed with plain sqlite3
    before the store's modules load (storage/listing.py); the store then opens after the
    first paint and reads the list again. Anything else (a new, encrypted, damaged or
    older file) opens the usual way first, with its dialogs.
    """
    rows = read_quickly(db_path)
    if rows is not None:
        return start(None, path=db_path, rows=rows)
    from hbm_assess.storage.database import DatabaseError
    from hbm_assess.ui import passwords

    try:
        store = passwords.open_store(None, db_path)  # an encrypted database: its passphrase is asked for
    except (DatabaseError, OSError) as error:
        QMessageBox.critical(None, "HBM Assess", text.said(error))
        return None
    if store is None:
        return None
    tell_what_happened_on_open(None, store, db_path)
    settings.remember_database(db_path)
    return start(store)


FIRST_PAINT_AT_MOST_MS = 500  # a window that is not painted (minimised at once) still opens its store


class _AfterFirstPaint(QObject):
    """Runs ``then`` once, as soon as events are handled after ``widget``'s first paint."""

    def __init__(self, widget, then: Callable[[], None]):
        super().__init__(widget)
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_AT_MOST_MS, self._run)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            self.deleteLater()
            then()


def after_first_paint(widget, then: Callable[[], None]) -> None:
    _AfterFirstPaint(widget, then)


def _finish_opening(window: MainWindow, path: Path, then: Callable[[], None]) -> None:
    """Open the store of the database whose list the window shows; if it cannot open, say why and stop."""
    from hbm_assess.storage.database import DatabaseError
    from hbm_assess.ui import passwords  # its dialog's classes: after the first paint (#20)

    try:
        store = passwords.open_store(window, path)
    except (DatabaseError, OSError) as error:
        QMessageBox.critical(window, "HBM Assess", text.said(error))
        store = None
    if store is None:
        settings.write("session/clean_exit", True)  # nothing was open: the next start is not a recovery
        QCoreApplication.exit(2)
        return
    window.take_store(store)
    tell_what_happened_on_open(window, store, path)
    settings.remember_database(path)
    then()


WARM_UP_AFTER_MS = 1500


def _warm_up_charts(window: MainWindow | None = None) -> None:
    """Load matplotlib, the workbook import and the shipped forms off the GUI thread once the window is up and idle.

    Loading it (0.5-0.6 s here) is what froze the first View → Portfolio or Results; done
    in the background, they open at once. Then each kind of chart is drawn once, small, in
    the chart thread (ui/chart_image.py), so the first real one does not look up its fonts
    (0.27 s). Only imports, parsing and off-screen figures happen here: no widget. The start
    itself does not wait for it.
    """
    import gc
    import threading

    # PySide makes a binding type, and its enums, when the type is first named: QGradient's (169
    # presets) were made inside the turn that opened the portfolio, in the charts' first fillRect
    # (~2 ms, #20). Named here, on the GUI thread, while the window is idle.
    from PySide6.QtGui import QGradient  # noqa: F401

    from hbm_assess.ui.chart_image import renderer, warm_up

    language = text.language()
    charts_thread = renderer()  # made here: its hand-over to the window belongs to the GUI thread
    store = window.store if window is not None else None  # None while a passphrase is still asked for

    def load() -> None:
        import importlib

        # The import's modules too (openpyxl, and numpy under it): File → Import loaded them on the
        # GUI thread before its worker started, the longest freeze of an import (0.8-1.4 s, #20).
        # And the assessment's screen and the portfolio's (50 and 60 ms of imports when first opened, #20).
        for name in ("matplotlib.figure", "matplotlib.backends.backend_qtagg", "hbm_assess.charts",
                     "hbm_assess.exchange.importing", "hbm_assess.ui.assessment_view", "hbm_assess.ui.portfolio"):
            try:
                importlib.import_module(name)
            except Exception:  # an import that fails here fails again, with its message, where it is needed
                return
        from hbm_assess.core.questionnaire import load_shipped_forms, shipped_form

        def forms():
            # Opening an assessment parsed its shipped form on the GUI thread (0.18 s, Store.form, #20),
            # and the database's own copy, which it opens with (~40 ms).
            load_shipped_forms()
            if store is not None:
                store.read_forms_ahead()

        def charts():
            form = next((shipped_form(key) for key in (("hbm-detailed", "1.1"), ("hbm-detailed", "1.0"))
                         if shipped_form(key) is not None), None)
            charts_thread.run(lambda: warm_up(language, form)).result()

        for step in (forms, charts):
            try:
                step()
            except Exception:  # what fails here fails again, with its message, where it is needed
                pass
        # What the start made (modules, the list, the forms, fonts) lives as long as the app: moved out of
        # the garbage collector's reach, a full collection no longer walks it. One triggered in the chart
        # thread held the interpreter, and so froze the window, for 70 ms at 2,000 assessments (#20).
        gc.freeze()  # not collected first: a full collection here would itself freeze the window

    # Not a daemon: Python waits for it at exit (under a second of imports). A daemon thread
    # still inside a C extension's import when the interpreter finalises aborted the process
    # ("terminate called without an active exception") when the app was closed right after start.
    threading.Thread(target=load, name="warm-up-charts").start()


def _recover(window: MainWindow, assessment_id: int, indicator: str) -> None:
    from hbm_assess.storage.store import NotFound

    try:
        site = window.store.summary(assessment_id).site_name
    except NotFound:
        return
    window.open_assessment(assessment_id, indicator)
    QMessageBox.information(
        # MainWindow's words: window.tr would file them under "window", a context Qt never looks in
        window, QCoreApplication.translate("MainWindow", "Reopened after an unexpected stop"),
        QCoreApplication.translate("MainWindow", "HBM Assess did not close properly last time. The assessment of %1 "
                                                 "was open; it has been reopened at indicator %2. Every answer shown "
                                                 "as saved was kept.")
        .replace("%1", site).replace("%2", indicator or "–"),
    )


def tell_what_happened_on_open(parent, store: Store, path: Path) -> None:
    """A damaged file moved aside or an upgrade with a backup: the person must know where their data is."""
    report = store.open_report
    if report.moved_aside:
        QMessageBox.warning(
            parent, "HBM Assess",
            QCoreApplication.translate("App", "The database %1 was damaged. It was moved to %2 (nothing was "
                                              "deleted) and a new, empty database was started.")
            .replace("%1", text.path(path)).replace("%2", text.path(report.moved_aside)),
        )
    if report.backup:
        QMessageBox.information(
            parent, "HBM Assess",
            QCoreApplication.translate("App", "The database %1 was upgraded for this version of HBM Assess. "
                                              "A copy of it as it was is kept at %2.")
            .replace("%1", text.path(path)).replace("%2", text.path(report.backup)),
        )


def run(db_path: Path, language: str | None = None) -> int:
    if os.environ.get(SETTINGS_ENV):
        settings.use_file(Path(os.environ[SETTINGS_ENV]))
    app = application()
    apply_language(app, choose_language(language))
    window = open_window(db_path)
    if window is None:
        return 2
    code = app.exec()
    if window.store is not None:
        window.store.close()
    return code
