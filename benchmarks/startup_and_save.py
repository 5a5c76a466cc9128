"""Start-up of the app, and the latency of saving one answer, each against its physical floor."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import time
from pathlib import Path

from benchmarks.harness import Figure, Timing, ratio, run_python
from hbm_assess.core.assessment import Answer
from hbm_assess.operations import add_demo_assessments
from hbm_assess.storage.store import Store

# Both scripts print the wall-clock moment (time.time(), the parent's clock too) of the first
# paint: the bare window's, and the app's assessment list painted with its rows. The parent
# subtracts the moment it started the process. Neither side's exit is timed.
# The moment a widget's first paint has ended, the same on both sides: a zero timer started
# when the paint event arrives runs once that event has been handled. The paint event's
# arrival alone came before the list's cells were worked out (their words, the site names).
FIRST_PAINT = """
class FirstPaint(QObject):
    at = None
    started = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not FirstPaint.started:
            FirstPaint.started = True
            QTimer.singleShot(0, FirstPaint.ended)
        return False
    @staticmethod
    def ended():
        FirstPaint.at = time.time()
        FirstPaint.cpu = time.process_time()  # the process's own CPU time: far less moved by other load
"""

BARE_WINDOW = """
import json, os, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
""" + FIRST_PAINT + """
app = QApplication([])
window = QMainWindow()
painted = FirstPaint()
window.installEventFilter(painted)
window.show()
while FirstPaint.at is None:
    app.processEvents()
print(json.dumps({"painted": FirstPaint.at, "cpu": FirstPaint.cpu}))
os._exit(0)
"""

APP_WINDOW = """
import json, os, sys, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from PySide6.QtCore import QEvent, QObject, QTimer
from hbm_assess.ui.app import application, apply_language
""" + FIRST_PAINT + """
app = application()
apply_language(app, "en")
painted = FirstPaint()
try:
    from hbm_assess.ui.app import open_window
except ImportError:  # before the list was read ahead of the store (to measure older commits the same way)
    from hbm_assess.storage.store import Store
    from hbm_assess.ui.app import start
    window = start(Store.open(Path(sys.argv[1])))
else:
    window = open_window(Path(sys.argv[1]))
window.home.table.viewport().installEventFilter(painted)
rows = window.home.model.rowCount()
while FirstPaint.at is None or window.store is None:
    app.processEvents()
ready = time.time()
window.store.close()  # as the app does: the next run starts after a normal exit
print(json.dumps({"painted": FirstPaint.at, "cpu": FirstPaint.cpu, "ready": ready, "rows": rows}))
os._exit(0)
"""


def _launched(code: str, *args: str, env: dict) -> dict:
    """What the script printed, its moments made relative to its launch."""
    launched = time.time()
    printed = json.loads(run_python(code, *args, env=env))
    return {key: (value - launched if isinstance(value, float) and key in ("painted", "ready") else value)
            for key, value in printed.items()}


def startup(work: Path, assessments: int, repetitions: int) -> Figure:
    db = work / "startup.sqlite"
    if not db.exists():
        store = Store.open(db)
        add_demo_assessments(store, count=assessments, seed=9)
        store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ini = str(work / "startup-settings.ini")
    # The two sides take turns, so a burst of load elsewhere falls on both.
    bare_runs, app_runs = [], []
    for _ in range(1 + repetitions):
        bare_runs.append(_launched(BARE_WINDOW, env=env))
        app_runs.append(_launched(APP_WINDOW, str(db), ini, env=env))
    bare_runs, app_runs = bare_runs[1:], app_runs[1:]  # the first of each: warm-up
    reference = Timing.of([run["painted"] for run in bare_runs])
    product = Timing.of([run["painted"] for run in app_runs])
    if any(run["rows"] != assessments for run in app_runs):
        raise RuntimeError(f"the list showed {app_runs[0]['rows']} rows, not {assessments}")
    value = ratio(product, reference)
    ready = Timing.of([run["ready"] for run in app_runs])
    # CPU time to the end of the first paint, both sides: on a shared machine the wall-clock
    # ratio moves with other load (it shrinks as everything waits for a core); this one much less.
    app_cpu, bare_cpu = Timing.of([run["cpu"] for run in app_runs]), Timing.of([run["cpu"] for run in bare_runs])
    return Figure(
        "start-up", f"process start → assessment list painted with its {assessments} rows "
        f"(store open and list read again: {ready.median * 1000:.0f} ms; CPU time to the paint "
        f"{app_cpu.median * 1000:.0f} ms against the bare window's {bare_cpu.median * 1000:.0f} ms, "
        f"{app_cpu.median / bare_cpu.median:.2f}×)",
        "bare PySide6 script: process start → empty QMainWindow painted", "≤ 2.0×",
        value=value, product=product, reference=reference, met=value <= 2.0, warmup=1,
        details={"store_ready_s": ready.to_dict(), "cpu_s": app_cpu.to_dict(), "bare_cpu_s": bare_cpu.to_dict(),
                 "cpu_ratio": app_cpu.median / bare_cpu.median},
    )


def _latencies(save, count: int, tag: str) -> list[float]:
    samples = []
    for n in range(count):
        start = time.perf_counter()
        save(n, tag)
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

    # Every save, warm-up included, writes values the row does not hold yet (the tag and the
    # number differ), so SQLite cannot skip the page write and both sides pay for a real commit.
    def product(n: int, tag: str) -> None:
        store.save_answer(assessment_id, Answer(indicators[n % len(indicators)], level=1 + n % 5,
                                                evidence_text=f"{tag} {n}"))

    raw_path = work / "raw.sqlite"
    raw = sqlite3.connect(raw_path, isolation_level=None)
    raw.execute("PRAGMA journal_mode = WAL")
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("PRAGMA wal_autocheckpoint = 0")  # the log only grows: its size counts the pages committed
    raw.execute("CREATE TABLE IF NOT EXISTS answers (assessment_id INTEGER, indicator_id TEXT, level INTEGER, "
                "evidence_text TEXT, updated_at TEXT, PRIMARY KEY (assessment_id, indicator_id))")

    def reference(n: int, tag: str) -> None:
        raw.execute("BEGIN")
        raw.execute("INSERT INTO answers VALUES (1, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET level = excluded.level, "
                    "evidence_text = excluded.evidence_text, updated_at = excluded.updated_at",
                    (indicators[n % len(indicators)], 1 + n % 5, f"{tag} {n}", f"{tag} {n}"))
        raw.execute("COMMIT")

    warmup = max(20, len(indicators))  # every indicator's row written at least once before timing
    _latencies(product, warmup, "warm-up")
    _latencies(reference, warmup, "warm-up")
    log = Path(f"{raw_path}-wal")
    log_before = log.stat().st_size
    mine, floor = _latencies(product, saves, "timed"), _latencies(reference, saves, "timed")
    page_size = raw.execute("PRAGMA page_size").fetchone()[0]
    frames_per_save = (log.stat().st_size - log_before) / (page_size + 24) / saves  # 24: a WAL frame's header
    store.close()
    raw.close()
    if frames_per_save < 1:
        raise RuntimeError(f"the raw sqlite3 floor wrote {frames_per_save:.2f} pages a save: some saves committed "
                           "nothing, so the floor is too low")
    product_timing, floor_timing = Timing.of(mine), Timing.of(floor)
    value = _p99(mine) / _p99(floor)
    return Figure(
        "answer save", f"p99 latency of store.save_answer, {saves} saves (p50 {statistics.median(mine) * 1000:.2f} ms,"
        f" p99 {_p99(mine) * 1000:.2f} ms)",
        f"raw sqlite3 upsert + commit, same pragmas (p50 {statistics.median(floor) * 1000:.2f} ms, "
        f"p99 {_p99(floor) * 1000:.2f} ms)", "p99 ≤ 3×",
        value=value, product=product_timing, reference=floor_timing, met=value <= 3.0, warmup=warmup,
        details={"floor_pages_written_per_save": round(frames_per_save, 2)},
    )
