"""Every visible text is translatable, and the Arabic and Kurdish translations are complete and compiled."""

import ast
import re
import shutil
from pathlib import Path

import pytest
from defusedxml import ElementTree

from hbm_assess.ui import translations

UI = Path(translations.__file__).parent
VISIBLE_SETTERS = {
    "setText", "setWindowTitle", "setPlaceholderText", "setToolTip", "setStatusTip", "addItem", "addTab",
    "setTitle", "setFormat", "setSpecialValueText", "showMessage", "addMenu", "setHorizontalHeaderLabels",
    "addRow", "information", "warning", "critical", "question", "about", "getText", "setLabelText",
    "addAction", "setAccessibleName",
}
VISIBLE_WIDGETS = {"QLabel", "QPushButton", "QCheckBox", "QAction", "QGroupBox", "QRadioButton", "QMenu"}
PROPER_NAMES = {"HBM Assess"}
TAG = re.compile(r"<[^>]+>")
PLACEHOLDER = re.compile(r"%(?:\d|n)")


def _literal_words(node: ast.AST) -> list[str]:
    """Literal text in an argument that a person would read (HTML tags and punctuation aside)."""
    parts = []
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        parts = [node.value]
    elif isinstance(node, ast.JoinedStr):
        parts = [v.value for v in node.values if isinstance(v, ast.Constant)]
    words = [TAG.sub("", part) for part in parts]
    return [w for w in words if re.search(r"[^\W\d_]", w) and w.strip() not in PROPER_NAMES]


def unwrapped_strings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
        if name in VISIBLE_SETTERS or name in VISIBLE_WIDGETS:
            for argument in node.args:
                found += [f"{path.name}:{node.lineno}: {w!r}" for w in _literal_words(argument)]
    return found


@pytest.mark.parametrize("path", translations.ui_sources(), ids=lambda p: p.name)
def test_every_visible_string_goes_through_tr(path):
    assert unwrapped_strings(path) == []


def test_the_check_finds_an_unwrapped_string(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label.setText("Saved")\nbutton = QPushButton(f"<b>Open</b> {x}")\nok.setText(self.tr("Ok"))\n')
    assert len(unwrapped_strings(sample)) == 2


ALL = (*translations.LANGUAGES, *translations.PLURALS_ONLY)  # English: its plural forms only


def _messages(ts: Path) -> dict:
    root = ElementTree.parse(ts).getroot()
    return {
        (context.findtext("name"), message.findtext("source")): message.find("translation")
        for context in root.iter("context")
        for message in context.iter("message")
    }


def test_translation_sources_are_up_to_date_with_the_code(tmp_path):
    for language in ALL:
        shutil.copy(translations.source_file(language), tmp_path)
    translations.update(tmp_path)
    for language in ALL:
        fresh = set(_messages(tmp_path / translations.source_file(language).name))
        committed = set(_messages(translations.source_file(language)))
        assert fresh == committed, (
            f"{language}: run 'python -m hbm_assess.ui.translations update', translate, then 'release'. "
            f"New: {sorted(fresh - committed)[:5]} Gone: {sorted(committed - fresh)[:5]}"
        )


@pytest.mark.parametrize("language", ALL)
def test_every_message_is_translated_with_its_placeholders(language):
    problems = []
    for (context, source), translation in _messages(translations.source_file(language)).items():
        forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = set(PLACEHOLDER.findall(source))
        for form in forms:
            if set(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{context}: {source!r} -> {form!r} changes the placeholders")
    assert problems == []


@pytest.mark.parametrize("language", ALL)
def test_compiled_translations_match_their_sources(qapp, language):
    from PySide6.QtCore import QTranslator

    compiled = translations.compiled_file(language)
    assert compiled.exists(), f"{compiled.name} is missing: run 'python -m hbm_assess.ui.translations release'"
    translator = QTranslator()
    assert translator.load(str(compiled))
    stale = []
    for (context, source), translation in _messages(translations.source_file(language)).items():
        forms = [f.text or "" for f in translation.findall("numerusform")]
        # Compared by meaning, not bytes: another lrelease version may lay the file out differently.
        # A plural message: the form Qt picks for 0 is one of the forms written (English's is its second).
        fresh = translator.translate(context, source, None, 0) in forms if forms else (
            translator.translate(context, source) == (translation.text or ""))
        if translation.get("type") != "unfinished" and not fresh:
            stale.append(f"{context}: {source!r}")
    assert stale == [], f"{compiled.name} is stale: run 'python -m hbm_assess.ui.translations release'"


@pytest.mark.parametrize("language", translations.LANGUAGES)
def test_the_app_speaks_the_language(qapp, language):
    from PySide6.QtCore import QCoreApplication

    try:
        assert translations.install(qapp, language) == []
        assert QCoreApplication.translate("MainWindow", "&File") != "&File"
        plural = [QCoreApplication.translate("PlanView", "%n actions", "", n) for n in (0, 1, 2, 3, 11, 100)]
        assert all(str(n) in form for n, form in zip((0, 1, 2, 3, 11, 100), plural, strict=True))
        if language == "ar":  # six plural forms; Qt knows no plural rules for Sorani, so it has one
            assert len(set(p.replace(str(n), "#") for n, p in zip((0, 1, 2, 3, 11, 100), plural, strict=True))) >= 3
    finally:
        translations.install(qapp, "en")
