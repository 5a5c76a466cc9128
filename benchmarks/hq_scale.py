"""HQ at ten times the scale: the list, the portfolio, the CSV export and memory at 20,000 assessments.

Goals here are the issue's absolute ones (a person waits seconds, not ratios), each shown
beside a floor timed in the same run so a reader can tell a slow machine from a slow app.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from benchmarks.gui_bench import BARE_HEATMAP, IDLE, PORTFOLIO, big_database
from benchmarks.harness import Figure, Timing, repeat, run_python
from benchmarks.startup_and_save import BARE_WINDOW

LIST_SHOWN = """
import json, os, sys, time
start = time.perf_counter()
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language, start as start_window
from hbm_assess.storage.store import Store
app = application()
apply_language(app, "en")
window = start_window(Store.open(Path(sys.argv[1])))
app.processEvents()
rows = window.home.proxy.rowCount()
print(json.dumps({"seconds": time.perf_counter() - start, "rows": rows}))
# Closed as the app closes it: a database left with its -wal file is checked whole at the next
# start (as after a crash), which would time quick_check, not the start after a normal exit.
window.store.close()
os._exit(0)
"""


def _env() -> dict:
    return {**os.environ, "QT_QPA_PLATFORM": "offscreen"}


def list_shown(db: Path, work: Path, repetitions: int) -> Figure:
    """Python started → the main window shown with every assessment in its list."""
    samples, rows = [], 0
    for _ in range(repetitions + 1):
        measured = json.loads(run_python(LIST_SHOWN, str(db), str(work / "settings.ini"), env=_env()))
        samples.append(measured["seconds"])
        rows = measured["rows"]
    product = Timing.of(samples[1:])
    reference = repeat(lambda: run_python(BARE_WINDOW, env=_env()), repetitions)
    return Figure("list @ scale", f"process start → window with its list populated, {rows} assessments",
                  "bare PySide6 script showing an empty QMainWindow (whole process)", "≤ 1.0 s",
                  value=product.median, unit=" s", product=product, reference=reference,
                  met=product.median <= 1.0, warmup=1)


def portfolio_open(db: Path, work: Path, repetitions: int) -> Figure:
    measured = json.loads(run_python(PORTFOLIO, str(db), str(work / "settings.ini"), str(repetitions), env=_env()))
    bare = json.loads(run_python(BARE_HEATMAP, str(measured["sites"]), str(measured["columns"]), str(repetitions),
                                 env=_env()))
    product, reference = Timing.of(measured["samples"]), Timing.of(bare["samples"])
    return Figure("portfolio @ scale", f"HQ view opened at {db.stem.split('-')[-1]} assessments "
                  f"({measured['sites']} sites × {measured['columns']} areas)",
                  "matplotlib drawing the same-size heatmap from a ready array", "≤ 1.0 s",
                  value=product.median, unit=" s", product=product, reference=reference,
                  met=product.median <= 1.0, warmup=1)


def csv_export(db: Path, work: Path, repetitions: int) -> Figure:
    """export-portfolio --format csv of everything, against reading the same rows without writing them."""
    from hbm_assess.exchange.portfolio_csv import write_portfolio_csv
    from hbm_assess.storage import hq_tables
    from hbm_assess.storage.portfolio import PortfolioFilter
    from hbm_assess.storage.store import Store

    store = Store.open(db)
    rows: dict = {}
    try:
        product = repeat(lambda: rows.update(write_portfolio_csv(store, PortfolioFilter(), work / "csv")),
                         repetitions, warmup=0)
        reference = repeat(lambda: sum(1 for _ in hq_tables.answer_rows(store, PortfolioFilter())),
                           repetitions, warmup=0)
    finally:
        store.close()
    return Figure("csv export @ scale", f"every answer as CSV tables ({rows.get('answers.csv', 0):,} answer rows)",
                  "reading the same rows from SQLite, writing nothing", "≤ 30 s",
                  value=product.median, unit=" s", product=product, reference=reference,
                  met=product.median <= 30.0, warmup=0)


def memory(db: Path, work: Path) -> Figure:
    measured = json.loads(run_python(IDLE, str(db), str(work / "settings.ini"), env=_env()))
    megabytes = measured["rss_kb"] / 1024
    return Figure("memory @ scale", f"resident memory of the GUI idle, {measured['rows']} assessments listed",
                  "—", "≤ 250 MB", value=megabytes, unit=" MB", met=megabytes <= 250)


def database(shared: Path, count: int) -> Path:
    started = time.perf_counter()
    db = big_database(shared, count)
    took = time.perf_counter() - started
    if took > 1:
        print(f"  (made the {count}-assessment database in {took:.0f} s)")
    return db
