"""Start-up of the app, and the latency of saving one answer, each against its physical floor."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from pathlib import Path

from benchmarks.harness import Figure, Timing, ratio, repeat, run_python
from hbm_assess.core.assessment import Answer
from hbm_assess.operations import add_demo_assessments
from hbm_assess.storage.store import Store

BARE_WINDOW = """
import os
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
app.processEvents()
os._exit(0)
"""

APP_WINDOW = """
import os, sys
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language, start
from hbm_assess.storage.store import Store
app = application()
apply_language(app, "en")
window = start(Store.open(Path(sys.argv[1])))
app.processEvents()
os._exit(0)
"""


def startup(work: Path, assessments: int, repetitions: int) -> Figure:
    db = work / "startup.sqlite"
    if not db.exists():
        store = Store.open(db)
        add_demo_assessments(store, count=assessments, seed=9)
        store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ini = str(work / "startup-settings.ini")
    reference = repeat(lambda: run_python(BARE_WINDOW, env=env), repetitions)
    product = repeat(lambda: run_python(APP_WINDOW, str(db), ini, env=env), repetitions)
    value = ratio(product, reference)
    return Figure(
        "start-up", f"process start → main window shown, {assessments} assessments",
        "bare PySide6 script showing an empty QMainWindow", "≤ 2.0×",
        value=value, product=product, reference=reference, met=value <= 2.0,
    )


def _latencies(save, count: int) -> list[float]:
    samples = []
    for n in range(count):
        start = time.perf_counter()
        save(n)
        samples.append(time.perf_counter() - start)
    return samples


def _p99(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=100)[98]


def answer_save(work: Path, saves: int) -> Figure:
    store = Store.open(work / "save.sqlite")
    [assessment_id] = add_demo_assessments(store, count=1, seed=3)
    indicators = list(store.answers(assessment_id)) or ["REG-01"]
    if store.assessment(assessment_id).status == "final":
        store.reopen(assessment_id, "benchmark")

    def product(n: int) -> None:
        store.save_answer(assessment_id, Answer(indicators[n % len(indicators)], level=1 + n % 5,
                                                evidence_text=f"note {n}"))

    raw = sqlite3.connect(work / "raw.sqlite", isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE IF NOT EXISTS answers (assessment_id INTEGER, indicator_id TEXT, level INTEGER, "
                "evidence_text TEXT, updated_at TEXT, PRIMARY KEY (assessment_id, indicator_id))")

    def reference(n: int) -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO answers VALUES (1, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level, "
                    "evidence_text = excluded.evidence_text, updated_at = excluded.updated_at",
                    (indicators[n % len(indicators)], 1 + n % 5, f"note {n}", str(n)))
        raw.execute("COMMIT")

    _latencies(product, 20)  # warm-up
    _latencies(reference, 20)
    mine, floor = _latencies(product, saves), _latencies(reference, saves)
    store.close()
    raw.close()
    value = _p99(mine) / _p99(floor)
    return Figure(
        "answer save", f"p99 latency of store.save_answer, {saves} saves (p50 {statistics.median(mine) * 1000:.2f} ms,"
        f" p99 {_p99(mine) * 1000:.2f} ms)",
        f"raw sqlite3 upsert + commit, same pragmas (p50 {statistics.median(floor) * 1000:.2f} ms, "
        f"p99 {_p99(floor) * 1000:.2f} ms)", "p99 ≤ 3×",
        value=value, product=Timing.of(mine), reference=Timing.of(floor), met=value <= 3.0,
    )
