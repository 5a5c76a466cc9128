"""The layers stay apart, checked over every module: core ← storage/charts ← exchange ← ui ← cli.

Every import statement counts, at the top of a module or inside a function (the app
imports lazily to start fast), and importing ``a.b.c`` counts as importing ``a`` and
``a.b`` too, since Python runs their ``__init__``. Below ``ui/`` nothing may reach Qt
or ``hbm_assess.ui``, directly or through another module of the package.
"""

import ast
import shutil
from collections import deque
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "hbm_assess"
NAME = "hbm_assess"

# Highest first. A module may import its own part and any part of a lower layer, never one of
# its layer's other parts (storage and charts know nothing of each other) nor anything above.
# cli sits above ui because `hbm-assess` without a command opens the window.
LAYERS = (
    ("__main__",),
    ("cli",),
    # the workshop commands, below the cli that opens the database for them; the parser that says usage errors in --lang
    ("cli_workshop", "cli_usage"),
    ("smoke",),  # hbm-assess --smoke: runs the operations of every layer below, as the app would
    ("ui",),
    ("exchange", "operations"),
    ("storage", "charts"),
    ("files",),  # writing a file whole; its errors are core.messages Problems, said in any language (#16)
    ("core",),
    ("locations", "palette"),  # leaves: paths, colours
)
LEVEL = {part: level for level, parts in enumerate(reversed(LAYERS)) for part in parts}
BELOW_UI = {part for part, level in LEVEL.items() if level < LEVEL["ui"]}
QT = ("PySide6", "shiboken6", "matplotlib.backends.backend_qt", "matplotlib.backends.backend_qtagg")
NO_SQL = ("sqlite3", "sqlite_utils")  # core is the domain: plain Python, no storage


def module_graph(package: Path, name: str = NAME) -> dict[str, set[str]]:
    """Each module of the package (dotted name) and every module it imports, the package's own resolved."""
    paths = {_module_name(path, package, name): path for path in sorted(package.rglob("*.py"))}
    return {module: _imports(path, module, set(paths)) for module, path in paths.items()}


def _module_name(path: Path, package: Path, name: str) -> str:
    parts = [name, *path.relative_to(package).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, module: str, known: set[str]) -> set[str]:
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the module's package, one level up per extra dot
                anchor = module.split(".")[: len(module.split(".")) - node.level + (1 if is_package else 0)]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            # `from package import module` imports that module.
            found |= {f"{base}.{alias.name}" for alias in node.names if f"{base}.{alias.name}" in known}
    own = {name for name in found if name.split(".")[0] == module.split(".")[0]}
    # Importing a.b.c runs a/__init__ and a/b/__init__ first.
    parents = {".".join(name.split(".")[:i]) for name in own for i in range(1, name.count(".") + 1)}
    return (found | parents) - {module}


def part(module: str) -> str:
    """The part of the package a module belongs to: core, ui, palette… ("" for the package itself)."""
    names = module.split(".")
    return names[1] if len(names) > 1 else ""


def layering_problems(graph: dict[str, set[str]]) -> list[str]:
    problems = []
    for module in sorted(graph):
        own = part(module)
        if own and own not in LEVEL:
            problems.append(f"{module}: its part '{own}' is in no layer; place it in LAYERS")
            continue
        for imported in sorted(graph[module]):
            if imported.split(".")[0] != module.split(".")[0] or not part(imported):
                continue  # another library, or the package's own __init__ (its version)
            other = part(imported)
            if other == own or other not in LEVEL or own == "":
                continue
            if LEVEL[other] >= LEVEL[own]:
                where = "a part beside" if LEVEL[other] == LEVEL[own] else "a layer above"
                problems.append(f"{module} imports {imported}: {other} is {where} {own}")
    return problems


def qt_problems(graph: dict[str, set[str]]) -> list[str]:
    """Modules below ui that reach Qt or the ui package, with the chain of imports that does it."""
    problems = []
    for module in sorted(graph):
        if part(module) not in BELOW_UI:
            continue
        came_from = {module: None}
        queue = deque([module])
        while queue:
            current = queue.popleft()
            bad = sorted(name for name in graph.get(current, ()) if name.startswith(QT)
                         or (part(name) == "ui" and name.split(".")[0] == module.split(".")[0]))
            if bad:
                chain = [bad[0]]
                while current is not None:
                    chain.append(current)
                    current = came_from[current]
                problems.append(f"{module} reaches Qt or the ui: {' → '.join(reversed(chain))}")
                break
            for name in sorted(graph.get(current, ())):
                if name in graph and name not in came_from:
                    came_from[name] = current
                    queue.append(name)
    return problems


@pytest.fixture(scope="module")
def graph():
    return module_graph(PACKAGE)


def test_the_graph_covers_every_module_and_sees_lazy_imports(graph):
    assert len(graph) == len(list(PACKAGE.rglob("*.py")))
    # cli imports the window inside a function only, so that the command line starts without Qt.
    assert "hbm_assess.ui.app" in graph["hbm_assess.cli"]
    assert {"hbm_assess.core", "hbm_assess.core.assessment"} <= graph["hbm_assess.storage.store"]


def test_every_module_imports_only_its_own_part_and_lower_layers(graph):
    problems = layering_problems(graph)
    assert not problems, "\n".join(problems)


def test_nothing_below_ui_reaches_qt_or_the_ui_even_through_another_module(graph):
    checked = [module for module in graph if part(module) in BELOW_UI]
    assert {"hbm_assess.operations", "hbm_assess.palette", "hbm_assess.locations"} <= set(checked)
    problems = qt_problems(graph)
    assert not problems, "\n".join(problems)


def test_core_knows_no_sql(graph):
    assert [(m, i) for m in graph if part(m) == "core" for i in graph[m] if i.startswith(NO_SQL)] == []


# -- the checks see what they are for ------------------------------------------

def test_the_checks_catch_each_kind_of_violation_in_a_synthetic_graph():
    planted = {
        "hbm_assess": set(),
        "hbm_assess.core.text": {"hbm_assess.storage.store", "re"},             # upwards
        "hbm_assess.storage.store": {"hbm_assess.core.text", "hbm_assess.charts"},  # sideways
        "hbm_assess.charts": {"hbm_assess.charts.style"},
        "hbm_assess.charts.style": {"PySide6.QtGui"},                           # Qt, directly
        "hbm_assess.exchange.export": {"hbm_assess.storage.store", "hbm_assess"},  # Qt through two modules
        "hbm_assess.palette": {"hbm_assess.ui.text"},                           # the ui, upwards
        "hbm_assess.ui.text": {"PySide6.QtCore"},                               # allowed: ui is Qt
        "hbm_assess.report.pdf": {"PySide6.QtGui"},                             # a part in no layer
    }
    assert layering_problems(planted) == [
        "hbm_assess.core.text imports hbm_assess.storage.store: storage is a layer above core",
        "hbm_assess.palette imports hbm_assess.ui.text: ui is a layer above palette",
        "hbm_assess.report.pdf: its part 'report' is in no layer; place it in LAYERS",
        "hbm_assess.storage.store imports hbm_assess.charts: charts is a part beside storage",
    ]
    assert qt_problems(planted) == [
        "hbm_assess.charts reaches Qt or the ui: hbm_assess.charts → hbm_assess.charts.style → PySide6.QtGui",
        "hbm_assess.charts.style reaches Qt or the ui: hbm_assess.charts.style → PySide6.QtGui",
        "hbm_assess.core.text reaches Qt or the ui: hbm_assess.core.text → hbm_assess.storage.store → "
        "hbm_assess.charts → hbm_assess.charts.style → PySide6.QtGui",
        "hbm_assess.exchange.export reaches Qt or the ui: hbm_assess.exchange.export → hbm_assess.storage.store → "
        "hbm_assess.charts → hbm_assess.charts.style → PySide6.QtGui",
        "hbm_assess.palette reaches Qt or the ui: hbm_assess.palette → hbm_assess.ui.text",
        "hbm_assess.storage.store reaches Qt or the ui: hbm_assess.storage.store → hbm_assess.charts → "
        "hbm_assess.charts.style → PySide6.QtGui",
    ]


def test_the_checks_catch_violations_planted_in_a_copy_of_the_package(tmp_path):
    copy = tmp_path / NAME
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.ttf", "*.qm", "*.ts"))
    # Lazy, inside a function, relative: the forms the real code would use to slip one in.
    (copy / "core" / "planted.py").write_text("def later():\n    from ..exchange import export\n    return export\n")
    (copy / "locations.py").write_text((copy / "locations.py").read_text() + "\nfrom hbm_assess import ui\n")
    (copy / "exchange" / "planted.py").write_text("from hbm_assess.operations import shipped_forms\n")
    (copy / "storage" / "planted.py").write_text("import hbm_assess.charts.fonts\n")
    (copy / "charts" / "fonts.py").write_text((copy / "charts" / "fonts.py").read_text()
                                             + "\ndef window():\n    from PySide6 import QtWidgets\n")
    planted = module_graph(copy)
    already = set(layering_problems(module_graph(PACKAGE)))  # none, unless the test above fails too
    assert [problem for problem in layering_problems(planted) if problem not in already] == [
        "hbm_assess.core.planted imports hbm_assess.exchange: exchange is a layer above core",
        "hbm_assess.core.planted imports hbm_assess.exchange.export: exchange is a layer above core",
        "hbm_assess.exchange.planted imports hbm_assess.operations: operations is a part beside exchange",
        "hbm_assess.locations imports hbm_assess.ui: ui is a layer above locations",
        "hbm_assess.storage.planted imports hbm_assess.charts: charts is a part beside storage",
        "hbm_assess.storage.planted imports hbm_assess.charts.fonts: charts is a part beside storage",
    ]
    reached = qt_problems(planted)
    assert "hbm_assess.charts.fonts reaches Qt or the ui: hbm_assess.charts.fonts → PySide6" in reached
    assert ("hbm_assess.storage.planted reaches Qt or the ui: hbm_assess.storage.planted → "
            "hbm_assess.charts.fonts → PySide6") in reached
    # Everything that imports locations now reaches the ui through it: core, storage, exchange…
    assert any(p.startswith("hbm_assess.core.reference reaches") and p.endswith("hbm_assess.ui") for p in reached)


def _window_started(tmp_path, language: str, timeout: int, then: str) -> str:
    """The last line printed by ``then``, run in a new process once the window has started offscreen."""
    import os
    import subprocess
    import sys

    code = (
        "import sys, threading, time; from pathlib import Path\n"
        "from hbm_assess.ui import settings; settings.use_file(Path(sys.argv[2]))\n"
        "from hbm_assess.ui.app import application, apply_language, start\n"
        "from hbm_assess.storage.store import Store\n"
        f"app = application(); apply_language(app, {language!r}); start(Store.open(Path(sys.argv[1])))\n"
        "app.processEvents()\n" + then
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "db.sqlite"), str(tmp_path / "s.ini")],
                            capture_output=True, text=True, timeout=timeout,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-1000:]
    return result.stdout.strip().splitlines()[-1]


def test_the_window_opens_without_loading_charts_or_workbook_libraries(tmp_path):
    """matplotlib, openpyxl and calamine load when first used; at start they cost a third of a second."""
    said = _window_started(tmp_path, "ar", 120, (
        "print(sorted(m for m in ('matplotlib', 'openpyxl', 'python_calamine', 'pandas') if m in sys.modules))\n"))
    assert said == "[]"


def test_matplotlib_loads_in_the_background_once_the_window_is_up(tmp_path):
    """Not at start (see above), but soon after, off the GUI thread: the first Portfolio or Results then
    opens without freezing (it froze ~0.6 s loading matplotlib; about 4 s on the reviewer's laptop)."""
    said = _window_started(tmp_path, "en", 120, (
        "at_start = 'matplotlib.figure' in sys.modules\n"
        "end = time.monotonic() + 60\n"
        "while 'matplotlib.backends.backend_qtagg' not in sys.modules and time.monotonic() < end:\n"
        "    app.processEvents(); time.sleep(0.02)\n"
        "import threading\n"
        "print(at_start, 'matplotlib.backends.backend_qtagg' in sys.modules,\n"
        "      [t.name for t in threading.enumerate()].count('warm-up-charts') <= 1)\n"))
    assert said == "False True True"


def test_the_background_warm_up_parses_the_shipped_forms_and_draws_in_the_chart_thread(tmp_path):
    """The first Results parsed its shipped form (0.18 s) and looked up the charts' fonts (0.27 s) on the
    GUI thread (#20): the start's warm-up does both off it, the fonts in the thread that draws the charts."""
    said = _window_started(tmp_path, "ar", 150, (
        "end = time.monotonic() + 90\n"
        "while time.monotonic() < end and (time.monotonic() < end - 88\n"
        "        or any(t.name == 'warm-up-charts' for t in threading.enumerate())):\n"
        "    app.processEvents(); time.sleep(0.02)\n"
        "from hbm_assess.core import questionnaire\n"
        "from matplotlib import font_manager\n"
        "from hbm_assess.locations import forms_dir\n"
        "print(questionnaire._shipped.cache_info().currsize == len(list(forms_dir().glob('*.yaml'))),\n"
        "      font_manager.fontManager._findfont_cached.cache_info().currsize > 0,\n"
        "      any(t.name.startswith('charts') for t in threading.enumerate()),\n"
        "      __import__('gc').get_freeze_count() > 0)\n"))
    assert said == "True True True True"  # the start's heap frozen too
