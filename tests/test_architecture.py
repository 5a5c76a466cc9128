"""The layers stay apart: only ui/ may import Qt; core/ knows nothing of storage, files or Qt."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "hbm_assess"
QT = ("PySide6", "shiboken6", "matplotlib.backends.backend_qt", "matplotlib.backends.backend_qtagg")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def _modules(*layers: str) -> list[Path]:
    return [p for layer in layers for p in sorted((PACKAGE / layer).rglob("*.py"))]


@pytest.mark.parametrize("path", _modules("core", "storage", "exchange", "charts"), ids=lambda p: p.stem)
def test_no_qt_outside_ui(path):
    assert not [name for name in _imports(path) if name.startswith(QT)]


@pytest.mark.parametrize("path", _modules("core"), ids=lambda p: p.stem)
def test_core_does_not_reach_into_storage_or_the_ui(path):
    forbidden = ("hbm_assess.storage", "hbm_assess.ui", "hbm_assess.exchange", "sqlite3", "sqlite_utils")
    assert not [name for name in _imports(path) if name.startswith(forbidden)]


def test_the_check_sees_a_violation(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from PySide6.QtCore import QObject\n")
    assert "PySide6.QtCore" in _imports(bad)


def test_the_window_opens_without_loading_charts_or_workbook_libraries(tmp_path):
    """matplotlib, openpyxl and calamine load when first used; at start they cost a third of a second."""
    import os
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path\n"
        "from hbm_assess.ui import settings; settings.use_file(Path(sys.argv[2]))\n"
        "from hbm_assess.ui.app import application, apply_language, start\n"
        "from hbm_assess.storage.store import Store\n"
        "app = application(); apply_language(app, 'ar'); start(Store.open(Path(sys.argv[1]))); app.processEvents()\n"
        "print(sorted(m for m in ('matplotlib', 'openpyxl', 'python_calamine', 'pandas') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "db.sqlite"), str(tmp_path / "s.ini")],
                            capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-1000:]
    assert result.stdout.strip().splitlines()[-1] == "[]"
