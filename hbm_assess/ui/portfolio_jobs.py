"""The portfolio's slow work in worker threads: the figures, the figures over time, and the exports.

Each job reads through its own connection (storage.portfolio.reader): TEMP tables and
transactions of one connection are never shared between threads.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.store import Store
from hbm_assess.ui.jobs import Job


def _loading() -> str:
    return QCoreApplication.translate("PortfolioView", "Loading the portfolio…")


def load_job(parent: QWidget, store: Store, flt: PortfolioFilter) -> Job:
    """The screen's figures for ``flt`` (the figures over time are left for ``progress_job``)."""
    def work(progress, cancelled):
        _read_site_names()
        return portfolio.on_reader(store, lambda reading: portfolio.load(reading, flt, progress=False))

    return Job(work, _loading(), parent)


def _read_site_names() -> None:
    """Parse the crossing points' names here, once (they are kept): not on the GUI thread as the view opens (#20)."""
    from hbm_assess.core.reference import crossing_points

    try:
        crossing_points()
    except Exception:  # only a head start: the view reads them itself, and copes as before
        pass


def progress_job(parent: QWidget, store: Store, flt: PortfolioFilter) -> Job:
    """The figures over time for ``flt``; the job's result is (flt, Progress)."""
    return Job(lambda progress, cancelled: portfolio.on_reader(
        store, lambda reading: (flt, portfolio.load_progress(reading, flt))), _loading(), parent)


def export_job(parent: QWidget, store: Store, flt: PortfolioFilter, path: str, csv: bool = False) -> Job:
    """Write the workbook (or, with ``csv``, the CSV tables) for ``flt``; the job's result is the rows of data."""
    from hbm_assess.exchange.portfolio_csv import write_portfolio_csv
    from hbm_assess.exchange.portfolio_export import write_portfolio

    def write(reading: Store, progress, cancelled) -> int:
        if csv:
            return write_portfolio_csv(reading, flt, path, progress=progress, cancelled=cancelled)["answers.csv"]
        return write_portfolio(reading, flt, path, progress=progress, cancelled=cancelled)

    return Job(lambda progress, cancelled: portfolio.on_reader(
        store, lambda reading: write(reading, progress, cancelled)),
        QCoreApplication.translate("PortfolioView", "Exporting the portfolio…"), parent)
