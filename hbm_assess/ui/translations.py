"""The app's own translations (Qt Linguist .ts sources, compiled .qm) and Qt's, loaded at start.

Update the sources after changing user-visible text, then translate and compile:
    python -m hbm_assess.ui.translations update    # pyside6-lupdate: code -> .ts
    python -m hbm_assess.ui.translations release   # pyside6-lrelease: .ts -> .qm
tests/test_translations.py fails when either step was forgotten.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("ar", "ckb")
FOLDER = Path(__file__).resolve().parent.parent / "translations"
UI_FOLDER = Path(__file__).resolve().parent

_installed: list[QTranslator] = []


def source_file(language: str) -> Path:
    return FOLDER / f"hbm_assess_{language}.ts"


def compiled_file(language: str) -> Path:
    return FOLDER / f"hbm_assess_{language}.qm"


def install(app: QCoreApplication, language: str) -> list[str]:
    """Load the translations for ``language``; returns what could not be found, for the log."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language == "en":
        return []
    missing = []
    ours = QTranslator(app)
    if ours.load(str(compiled_file(language))):
        app.installTranslator(ours)
        _installed.append(ours)
    else:
        missing.append(str(compiled_file(language)))
    # Qt's own dialogs and buttons; Qt ships no Kurdish, so Sorani readers get the Arabic ones.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for candidate in (language, "ar"):
        qt = QTranslator(app)
        if qt.load(QLocale(candidate), "qtbase", "_", qt_dir):
            app.installTranslator(qt)
            _installed.append(qt)
            break
    else:
        missing.append(f"qtbase_{language}.qm")
    return missing


def _tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    if not found:
        raise SystemExit(f"{name} not found; it comes with PySide6")
    return found


def ui_sources() -> list[Path]:
    return sorted(UI_FOLDER.glob("*.py"))


def update(folder: Path = FOLDER) -> None:
    """Extract every tr()/translate() text from the UI code into the .ts files, keeping translations."""
    folder.mkdir(exist_ok=True)
    for language in LANGUAGES:
        target = folder / source_file(language).name
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, ui_sources()), "-no-obsolete", "-locations", "none",
             "-target-language", language, "-ts", str(target)],
            check=True, capture_output=True,
        )


def release() -> None:
    for language in LANGUAGES:
        subprocess.run([_tool("pyside6-lrelease"), str(source_file(language)), "-qm", str(compiled_file(language))],
                       check=True, capture_output=True)


if __name__ == "__main__":
    {"update": update, "release": release}[sys.argv[1]]()
