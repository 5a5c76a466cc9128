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
        value=value, product=product, reference=reference, met=value <= 2.0, warmup=1,
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
