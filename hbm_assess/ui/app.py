"""Starting the desktop app: language, database, window, and recovery after a crash."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hbm_assess.core.messages import text_of
from hbm_assess.storage.database import DatabaseError
from hbm_assess.storage.store import NotFound, Store
from hbm_assess.ui import fonts, passwords, settings, text, translations
from hbm_assess.ui.main_window import MainWindow

SETTINGS_ENV = "HBM_ASSESS_SETTINGS"  # an INI file instead of the platform's settings store


def application(argv: list[str] | None = None) -> QApplication:
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


def start(store: Store) -> MainWindow:
    """Show the main window, reopening what was open if the app did not close properly last time."""
    crashed = not settings.read("session/clean_exit")
    open_id = settings.read("session/open_assessment")
    indicator = settings.read("session/indicator")
    settings.write("session/clean_exit", False)
    window = MainWindow(store)
    window.place(settings.read("window/geometry"))
    window.show()
    window.keep_on_screen()  # the frame is known now
    last = settings.read("last_assessment")
    if last:
        window.home.select(last)
    if crashed and open_id:
        QTimer.singleShot(0, lambda: _recover(window, open_id, indicator))
    QTimer.singleShot(WARM_UP_AFTER_MS, _warm_up_charts)
    return window


WARM_UP_AFTER_MS = 1500


def _warm_up_charts() -> None:
    """Load matplotlib off the GUI thread once the window is up and idle.

    Loading it (0.5-0.6 s here) is what froze the first View → Portfolio or Results; done
    in the background, they open at once. Only imports happen in the thread: no widget,
    no figure. The start itself does not wait for it.
    """
    import threading

    def load() -> None:
        import importlib

        for name in ("matplotlib.figure", "matplotlib.backends.backend_qtagg", "hbm_assess.charts"):
            try:
                importlib.import_module(name)
            except Exception:  # an import that fails here fails again, with its message, where it is needed
                return

    # Not a daemon: Python waits for it at exit (under a second of imports). A daemon thread
    # still inside a C extension's import when the interpreter finalises aborted the process
    # ("terminate called without an active exception") when the app was closed right after start.
    threading.Thread(target=load, name="warm-up-charts").start()


def _recover(window: MainWindow, assessment_id: int, indicator: str) -> None:
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
            .replace("%1", str(path)).replace("%2", str(report.moved_aside)),
        )
    if report.backup:
        QMessageBox.information(
            parent, "HBM Assess",
            QCoreApplication.translate("App", "The database %1 was upgraded for this version of HBM Assess. "
                                              "A copy of it as it was is kept at %2.")
            .replace("%1", str(path)).replace("%2", str(report.backup)),
        )


def run(db_path: Path, language: str | None = None) -> int:
    if os.environ.get(SETTINGS_ENV):
        settings.use_file(Path(os.environ[SETTINGS_ENV]))
    app = application()
    apply_language(app, choose_language(language))
    try:
        store = passwords.open_store(None, db_path)  # an encrypted database: its passphrase is asked for
    except (DatabaseError, OSError) as error:
        QMessageBox.critical(None, "HBM Assess", text_of(error, text.language()))
        return 2
    if store is None:
        return 2
    tell_what_happened_on_open(None, store, db_path)
    settings.remember_database(db_path)
    window = start(store)
    code = app.exec()
    window.store.close()
    return code
