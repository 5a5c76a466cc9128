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
