"""What people wait for in the window: the HQ view, a responsive window during an import, idle memory."""

from __future__ import annotations

import json
import os
from pathlib import Path

from benchmarks.harness import Figure, Timing, ratio, run_python

PORTFOLIO = """
import json, os, sys, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language
from hbm_assess.storage.store import Store
app = application()
apply_language(app, "en")
store = Store.open(Path(sys.argv[1]))
import matplotlib.figure  # both sides start with matplotlib loaded: the baseline draws with it too
from hbm_assess.ui.portfolio import PortfolioView
samples = []
for run in range(int(sys.argv[3]) + 1):
    start = time.perf_counter()
    view = PortfolioView(store)
    view.resize(1280, 820)
    view.show()
    view.wait_for_loading()
    app.processEvents()  # delivers the result and paints the heatmap, as on screen
    app.processEvents()
    samples.append(time.perf_counter() - start)
    view.close()
    view.deleteLater()
    app.processEvents()
print(json.dumps({"samples": samples[1:], "sites": len(view.data.heatmap.sites),
                  "columns": len(view.data.heatmap.columns)}))
store.close()  # as the app does: the next run starts after a normal exit (see hq_scale.LIST_SHOWN)
os._exit(0)
"""

BARE_HEATMAP = """
import json, sys, time
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
rows, columns, repetitions = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
values = np.random.default_rng(1).uniform(1, 5, size=(rows, columns))
samples = []
for run in range(repetitions + 1):
    start = time.perf_counter()
    figure = Figure(figsize=(12.8, 8.2))
    axes = figure.add_subplot()
    axes.imshow(values, aspect="auto", cmap="RdYlGn", vmin=1, vmax=5)
    axes.set_yticks(range(rows), [f"site {r}" for r in range(rows)])
    axes.set_xticks(range(columns), [f"area {c}" for c in range(columns)])
    for r in range(rows):
        for c in range(columns):
            axes.text(c, r, f"{values[r, c]:.1f}", ha="center", va="center", fontsize=7)
    FigureCanvasAgg(figure).draw()
    samples.append(time.perf_counter() - start)
print(json.dumps({"samples": samples[1:]}))
"""


def portfolio(db: Path, work: Path, repetitions: int) -> Figure:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    measured = json.loads(run_python(PORTFOLIO, str(db), str(work / "settings.ini"), str(repetitions), env=env))
    bare = json.loads(run_python(BARE_HEATMAP, str(measured["sites"]), str(measured["columns"]), str(repetitions),
                                 env=env))
    product, reference = Timing.of(measured["samples"]), Timing.of(bare["samples"])
    value = ratio(product, reference)
    return Figure("portfolio", f"HQ view opened: aggregates + heatmap drawn ({measured['sites']} sites × "
                  f"{measured['columns']} areas, {product.median:.2f} s)",
                  "matplotlib drawing the same-size heatmap from a ready array", "≤ 2×",
                  value=value, product=product, reference=reference, met=value <= 2.0, warmup=1)


RESPONSIVENESS = """
import json, os, statistics, sys, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[3]))
from PySide6.QtCore import QTimer
from hbm_assess.ui.app import application, apply_language, start
from hbm_assess.storage.store import Store
from hbm_assess.ui import workbooks
workbooks.ImportReportDialog.exec = lambda self: 0  # the report dialog would wait for a click
app = application()
apply_language(app, "en")
window = start(Store.open(Path(sys.argv[1])))
ticks = []
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
done = []
window.workbooks.imported.connect(lambda report: done.append(report))
timer.start()
job = window.workbooks.import_paths([Path(sys.argv[2])])
while not done:
    app.processEvents()
    time.sleep(0.001)
timer.stop()
gaps = [b - a for a, b in zip(ticks, ticks[1:])]
cuts = statistics.quantiles(gaps, n=100) if len(gaps) > 1 else [max(gaps)] * 99
print(json.dumps({"longest": max(gaps), "ticks": len(ticks), "imported": done[0].counts(),
                  "p50": cuts[49], "p90": cuts[89], "p99": cuts[98]}))
os._exit(0)
"""


def responsiveness(workbooks_folder: Path, work: Path) -> Figure:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    measured = json.loads(run_python(RESPONSIVENESS, str(work / "responsive.sqlite"), str(workbooks_folder),
                                     str(work / "settings.ini"), env=env))
    longest = measured["longest"] * 1000
    return Figure("responsiveness", f"longest gap between 10 ms timer ticks while importing through the GUI "
                  f"({measured['ticks']} ticks, {measured['imported']})", "—", "≤ 100 ms",
                  value=longest, unit=" ms", met=longest <= 100,
                  details={"gap_ms": {key: round(measured[key] * 1000, 2) for key in ("p50", "p90", "p99")},
                           "ticks": measured["ticks"]})


IDLE = """
import json, os, sys, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language, start
from hbm_assess.storage.store import Store
app = application()
apply_language(app, "en")
window = start(Store.open(Path(sys.argv[1])))
end = time.perf_counter() + 1.0
while time.perf_counter() < end:
    app.processEvents()
    time.sleep(0.01)
rss = next(int(line.split()[1]) for line in open("/proc/self/status") if line.startswith("VmRSS"))
print(json.dumps({"rss_kb": rss, "rows": window.home.proxy.rowCount()}))
window.store.close()  # as the app does: the next run starts after a normal exit (see hq_scale.LIST_SHOWN)
os._exit(0)
"""


def idle_memory(db: Path, work: Path) -> Figure:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    measured = json.loads(run_python(IDLE, str(db), str(work / "settings.ini"), env=env))
    megabytes = measured["rss_kb"] / 1024
    return Figure("memory", f"resident memory of the GUI idle, {measured['rows']} assessments listed", "—",
                  "≤ 250 MB", value=megabytes, unit=" MB", met=megabytes <= 250)


def big_database(work: Path, count: int) -> Path:
    """``count`` assessments of the detailed form in one database, made once and untimed."""
    from hbm_assess.core.demo import demo_assessments
    from hbm_assess.core.questionnaire import installed_forms, latest
    from hbm_assess.core.reference import crossing_points, institutions
    from hbm_assess.storage.store import Store

    db = work / f"portfolio-{count}.sqlite"
    if db.exists():
        return db
    form = latest(installed_forms(), "hbm-detailed")
    store = Store.open(db)
    with store.db.atomic():
        for demo in demo_assessments(count, 2014, [form], crossing_points(), institutions()):
            store.create_assessment(demo.assessment, form, demo.answers, demo.actions)
    store.close()
    return db
