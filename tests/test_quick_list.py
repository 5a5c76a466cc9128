"""The home list read before the store loads (storage/listing.py) is the store's list, or nothing."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hbm_assess.operations import add_demo_assessments
from hbm_assess.storage.listing import read_quickly
from hbm_assess.storage.store import Store

FIXTURES = Path(__file__).parent / "fixtures"


def test_the_quick_list_of_the_demo_database_is_the_stores(tmp_path):
    store = Store.open(tmp_path / "demo.sqlite")
    add_demo_assessments(store, count=12, seed=5)
    store.delete_assessment(store.list_assessments()[3].id)  # in the bin: listed by neither
    expected = store.list_assessments()
    store.close()
    assert len(expected) == 11
    assert read_quickly(tmp_path / "demo.sqlite") == expected


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(count=st.integers(0, 15), seed=st.integers(0, 10_000), deleted=st.sets(st.integers(0, 14), max_size=4))
def test_the_quick_list_equals_the_stores_for_any_demo_database(tmp_path_factory, count, seed, deleted):
    path = tmp_path_factory.mktemp("db") / "x.sqlite"
    store = Store.open(path)
    add_demo_assessments(store, count=count, seed=seed)
    listed = store.list_assessments()
    for n in sorted(deleted):
        if n < len(listed):
            store.delete_assessment(listed[n].id)
    expected = store.list_assessments()
    store.close()
    assert read_quickly(path) == expected


def test_committed_rows_still_in_the_write_ahead_log_are_read_and_a_writer_does_not_block_it(tmp_path):
    path = tmp_path / "open.sqlite"
    store = Store.open(path)
    add_demo_assessments(store, count=3, seed=1)
    assert path.with_name(path.name + "-wal").exists()  # the store is open: its commits may sit in the log
    committed = store.list_assessments()
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE assessments SET site_name = 'not committed'")
    try:
        assert read_quickly(path) == committed
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        store.close()


def test_anything_but_a_current_database_is_left_to_the_store(tmp_path):
    assert read_quickly(tmp_path / "missing.sqlite") is None
    assert not (tmp_path / "missing.sqlite").exists()  # nothing created
    (tmp_path / "notes.sqlite").write_text("not a database")
    assert read_quickly(tmp_path / "notes.sqlite") is None
    assert read_quickly(tmp_path) is None  # a folder
    other = sqlite3.connect(tmp_path / "other.sqlite")
    other.execute("CREATE TABLE assessments (id)")
    other.commit()
    other.close()
    assert read_quickly(tmp_path / "other.sqlite") is None  # another program's database
    old = tmp_path / "v1.sqlite"
    shutil.copy(FIXTURES / "schema-v1.sqlite", old)
    before = old.read_bytes()
    assert read_quickly(old) is None  # needs an upgrade: the store does it, with its backup
    assert old.read_bytes() == before


START = """
import sys, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language, open_window
app = application()
apply_language(app, "en")
window = open_window(Path(sys.argv[1]))
watched = ("sqlite_utils", "matplotlib", "openpyxl", "python_calamine", "hbm_assess.storage.store")
print(window.home.model.rowCount(), sorted(m for m in watched if m in sys.modules))
end = time.monotonic() + 60
while window.store is None and time.monotonic() < end:
    app.processEvents()
    time.sleep(0.005)
print(window.home.model.rowCount(), type(window.store).__name__, "sqlite_utils" in sys.modules)
window.store.close()
"""


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_list_is_shown_before_sqlite_utils_or_the_store_loads_then_the_store_opens(tmp_path, language):
    db = tmp_path / "x.sqlite"
    store = Store.open(db)
    add_demo_assessments(store, count=5, seed=2)
    store.close()
    result = subprocess.run([sys.executable, "-c", START.replace('"en"', repr(language)), str(db),
                             str(tmp_path / "s.ini")], capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-1500:]
    populated, opened = result.stdout.strip().splitlines()[-2:]
    assert populated == "5 []"
    assert opened == "5 Store True"


WARM_UP = """
import sys, threading, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from hbm_assess.ui.app import application, apply_language, open_window
app = application()
apply_language(app, "en")
window = open_window(Path(sys.argv[1]))
app.processEvents()
at_start = "hbm_assess.exchange.importing" in sys.modules
end = time.monotonic() + 60
while time.monotonic() < end and (time.monotonic() < end - 58
                                  or any(t.name == "warm-up-charts" for t in threading.enumerate())):
    app.processEvents()
    time.sleep(0.02)
print(at_start, "hbm_assess.exchange.importing" in sys.modules, "openpyxl" in sys.modules)
window.store.close()
"""


def test_the_import_loads_in_the_background_once_the_window_is_up(tmp_path):
    """File → Import loaded the import's modules (openpyxl, numpy) on the GUI thread: its longest freeze."""
    db = tmp_path / "x.sqlite"
    Store.open(db).close()
    result = subprocess.run([sys.executable, "-c", WARM_UP, str(db), str(tmp_path / "s.ini")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-1500:]
    assert result.stdout.strip().splitlines()[-1] == "False True True"


def test_a_window_started_from_the_quick_list_follows_the_store_it_is_given_and_a_switch(qtbot, tmp_path):
    from hbm_assess.ui import settings as app_settings
    from hbm_assess.ui.main_window import MainWindow

    app_settings.use_file(tmp_path / "settings.ini")
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    for path, count in ((first, 4), (second, 2)):
        store = Store.open(path)
        add_demo_assessments(store, count=count, seed=3)
        store.close()
    try:
        window = MainWindow(None, path=first, rows=read_quickly(first))
        qtbot.addWidget(window)
        assert window.home.model.rowCount() == 4 and str(first) in window.windowTitle()
        window.take_store(Store.open(first))
        assert window.home.model.rows == window.store.list_assessments()
        window.switch_database(second)
        assert window.home.model.rowCount() == 2 and str(second) in window.windowTitle()
        window.store.close()
    finally:
        app_settings.use_file(None)


PAINTED = """
import json, sys, time
from pathlib import Path
from hbm_assess.ui import settings
settings.use_file(Path(sys.argv[2]))
from PySide6.QtCore import QEvent, QObject, QTimer
from hbm_assess.ui.app import application, apply_language, open_window
app = application()
apply_language(app, "en")
window = open_window(Path(sys.argv[1]))
watched = json.loads(sys.argv[3])
from PySide6 import QtWidgets
SEARCHED = ("QWizard", "QMdiArea", "QGraphicsView", "QFontDialog")  # loaded by PySide only to search them
seen = {}

class Painted(QObject):
    def eventFilter(self, target, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen["paint"] = True
            QTimer.singleShot(0, lambda: seen.update(loaded=[m for m in watched if m in sys.modules],
                                                     classes=[c for c in SEARCHED if c in vars(QtWidgets)]))
        return False

painted = Painted()
window.home.table.viewport().installEventFilter(painted)
end = time.monotonic() + 60
while "loaded" not in seen and time.monotonic() < end:
    app.processEvents()
model = window.home.model
print(json.dumps({"loaded": seen.get("loaded"), "classes": seen.get("classes"), "rows": model.rowCount(),
                  "sites": sorted({model.data(model.index(row, 0)) for row in range(model.rowCount())})}))
while window.store is None and time.monotonic() < end:
    app.processEvents()
window.store.close()
"""
# Kept off the start path until the list's first paint has ended (#20): PyYAML (~30 ms to import,
# the glossary's words and the crossing points are read from the cache of their parse), and the
# checked reference lists (core.reference, ~5 ms of regular expressions and dataclasses) with the
# assessment's modules under them (core.assessment, uuid, platform) that the site names needed.
# The window's dialogs and workers (ui.workbooks, ui.jobs, ui.passwords): their Qt classes' enums
# are made when the classes are imported, ~10 ms, and the first paint shows none of them.
OFF_THE_START_PATH = ("yaml", "hbm_assess.core.yaml_text", "hbm_assess.core.assessment", "hbm_assess.core.reference",
                      "hbm_assess.ui.workbooks", "hbm_assess.ui.jobs", "hbm_assess.ui.passwords")


@pytest.fixture(scope="module")
def first_paint(tmp_path_factory):
    """What a start loaded by the end of the list's first paint, its cache filled by a start before it."""
    import json

    from hbm_assess.core.reference import crossing_points

    tmp_path = tmp_path_factory.mktemp("start")
    db = tmp_path / "x.sqlite"
    store = Store.open(db)
    add_demo_assessments(store, count=5, seed=2)
    store.close()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    runs = []
    for _ in range(2):  # the first start after an install (or a change of the glossary) parses the YAML
        result = subprocess.run([sys.executable, "-c", PAINTED, str(db), str(tmp_path / "s.ini"),
                                 json.dumps(OFF_THE_START_PATH)], capture_output=True, text=True, timeout=120, env=env)
        assert result.returncode == 0, result.stderr[-1500:]
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return runs, {point.name.get("en") for point in crossing_points()}


def test_the_first_start_parses_the_yaml_and_shows_the_same_list(first_paint):
    (first, second), _ = first_paint
    assert "yaml" in first["loaded"]
    assert (first["rows"], first["sites"]) == (second["rows"], second["sites"]) and second["rows"] == 5


def test_the_list_names_its_sites_from_the_crossing_point_list(first_paint):
    (_, second), names = first_paint
    assert second["sites"] and set(second["sites"]) <= names


@pytest.mark.parametrize("module", OFF_THE_START_PATH)
def test_the_list_is_painted_before_the_module_loads(first_paint, module):
    (_, second), _ = first_paint
    assert module not in second["loaded"]


def test_the_first_paint_makes_pyside_search_no_widget_classes(first_paint):
    """Asking Qt for the table's own viewport made PySide load every QWidget class to find its type (#20)."""
    (_, second), _ = first_paint
    assert second["classes"] == []


def test_the_lists_viewport_is_set_up_as_qts_own(qtbot):
    from PySide6.QtGui import QPalette

    from hbm_assess.ui.home import HomeView

    home = HomeView()
    qtbot.addWidget(home)
    viewport = home.table.viewport()
    assert viewport.parent() is home.table
    assert viewport.objectName() == "qt_scrollarea_viewport"
    assert viewport.autoFillBackground() and viewport.backgroundRole() == QPalette.ColorRole.Base
