"""The app's own translations (Qt Linguist .ts sources, compiled .qm) and Qt's, loaded at start.

Update the sources after changing user-visible text, then translate and compile:
    python -m hbm_assess.ui.translations update      # pyside6-lupdate: code -> .ts
    python -m hbm_assess.ui.translations pending ar  # what is left to translate, as JSON
    python -m hbm_assess.ui.translations fill ar F   # put translations from a JSON file into the .ts
    python -m hbm_assess.ui.translations release     # pyside6-lrelease: .ts -> .qm
tests/test_translations.py fails when either step was forgotten.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGES = ("ar", "ckb")
# English needs only the plural forms ("%n actions": 1 action, 2 actions): its file holds nothing else.
PLURALS_ONLY = ("en",)
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
    if language in PLURALS_ONLY:
        plurals = QTranslator(app)
        if plurals.load(str(compiled_file(language))):
            app.installTranslator(plurals)
            _installed.append(plurals)
            return []
        return [str(compiled_file(language))]
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


# lupdate refuses to update a file whose language it does not know, and Qt knows no
# Sorani; it is updated under the name of a language with one plural form, as Qt
# treats Sorani, and given its own name back afterwards.
_STAND_IN = {"ckb": "ja"}


def update(folder: Path = FOLDER) -> None:
    """Extract every tr()/translate() text from the UI code into the .ts files, keeping translations."""
    import subprocess  # not at module level: the app's start imports this module, and never runs a tool

    folder.mkdir(exist_ok=True)
    for language in LANGUAGES:
        target = folder / source_file(language).name
        known = _STAND_IN.get(language, language)
        if target.exists() and known != language:
            _rename_language(target, language, known)
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, ui_sources()), "-no-obsolete", "-locations", "none",
             "-target-language", known, "-ts", str(target)],
            check=True, capture_output=True,
        )
        if known != language:
            _rename_language(target, known, language)
    for language in PLURALS_ONLY:
        subprocess.run(
            [_tool("pyside6-lupdate"), *map(str, ui_sources()), "-no-obsolete", "-locations", "none", "-pluralonly",
             "-target-language", language, "-ts", str(folder / source_file(language).name)],
            check=True, capture_output=True,
        )


def _rename_language(ts: Path, old: str, new: str) -> None:
    text = ts.read_text(encoding="utf-8")
    ts.write_text(text.replace(f'language="{old}"', f'language="{new}"', 1), encoding="utf-8")


def release() -> None:
    import subprocess

    for language in (*LANGUAGES, *PLURALS_ONLY):
        subprocess.run([_tool("pyside6-lrelease"), str(source_file(language)), "-qm", str(compiled_file(language))],
                       check=True, capture_output=True)


def pending(language: str) -> list[dict]:
    """The messages still to translate, as plain data for a translator working outside Linguist."""
    from defusedxml import ElementTree

    found = []
    for context in ElementTree.parse(source_file(language)).getroot().iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") == "unfinished":
                forms = len(translation.findall("numerusform"))
                found.append({"context": context.findtext("name"), "source": message.findtext("source"),
                              "plural_forms": forms})
    return found


def fill(language: str, translated: list[dict]) -> int:
    """Write translations (``translation``: text, or a list of plural forms) into the .ts file."""
    import xml.etree.ElementTree as ElementTree  # writing our own file back; it was parsed safely above

    wanted = {(t["context"], t["source"]): t["translation"] for t in translated}
    tree = ElementTree.parse(source_file(language))
    done = 0
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            value = wanted.get((context.findtext("name"), message.findtext("source")))
            translation = message.find("translation")
            if value is None or translation.get("type") != "unfinished":
                continue
            if isinstance(value, list):
                for form, text in zip(translation.findall("numerusform"), value, strict=False):
                    form.text = text
            else:
                translation.text = value
            del translation.attrib["type"]
            done += 1
    tree.write(source_file(language), encoding="utf-8", xml_declaration=True)
    return done


def _main(argv: list[str]) -> None:
    import json

    command = argv[0]
    if command == "update":
        update()
    elif command == "release":
        release()
    elif command == "pending":  # pending LANG > todo.json
        print(json.dumps(pending(argv[1]), ensure_ascii=False, indent=1))
    elif command == "fill":  # fill LANG done.json
        print(fill(argv[1], json.loads(Path(argv[2]).read_text(encoding="utf-8"))), "messages translated")
    else:
        raise SystemExit("commands: update, release, pending LANG, fill LANG FILE.json")


if __name__ == "__main__":
    _main(sys.argv[1:])
