"""One glossary: every domain word in every language, in one data file, read by one function."""

import ast
import re
from pathlib import Path

import pytest

from hbm_assess.core.text import LANGUAGES
from hbm_assess.core.vocabulary import LISTS, glossary_problems, vocabulary, word
from hbm_assess.locations import data_dir

GLOSSARY = data_dir() / "vocabulary.yaml"
PACKAGE = Path(__file__).parent.parent / "hbm_assess"
ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3]")


def test_the_shipped_glossary_has_no_problem():
    assert glossary_problems(GLOSSARY) == []


def _copy_with(tmp_path, old, new):
    text = GLOSSARY.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "vocabulary.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_word_missing_in_a_language_is_named(tmp_path):
    path = _copy_with(tmp_path, 'mean_target: {en: "Mean target", ar: "متوسط المستوى المستهدف", ',
                      'mean_target: {en: "Mean target", ')
    assert glossary_problems(path) == ["vocabulary.yaml: mean_target has no ar"]


def test_a_key_defined_twice_is_named(tmp_path):
    path = _copy_with(tmp_path, "  gap: {", '  gap: {en: "Gap", ar: "فجوة", ckb: "کەلێن"}\n  gap: {')
    assert any("gap is defined twice" in problem for problem in glossary_problems(path))


def test_the_same_english_word_under_two_keys_is_named(tmp_path):
    # The drift of the issue: "Mean target" with two Arabic translations.
    path = _copy_with(tmp_path, "words:\n", 'words:\n  chart_mean_target: {en: "Mean target", ar: "متوسط المستهدف", '
                                            'ckb: "تێکڕای ئامانج"}\n')
    problems = glossary_problems(path)
    assert len(problems) == 1
    assert "“Mean target” is defined twice, as chart_mean_target and as mean_target" in problems[0]


def test_a_value_in_two_lists_must_keep_the_same_names(tmp_path):
    # High is a priority and a confidence: allowed, as long as both say the same.
    assert vocabulary().word("priorities.high", "ar") == vocabulary().word("confidence.high", "ar")
    path = _copy_with(tmp_path, '{id: high, en: "High", ar: "عالية"', '{id: high, en: "High", ar: "مرتفعة"')
    assert len(glossary_problems(path)) == 1


def test_eastern_arabic_digits_are_refused(tmp_path):
    assert "3" in word("timeframes.3-months", "ckb") and "12" in word("timeframes.12-months", "ckb")
    path = _copy_with(tmp_path, "لە ماوەی 3 مانگدا", "لە ماوەی ٣ مانگدا")
    assert glossary_problems(path) == ["vocabulary.yaml: timeframes.3-months writes digits other than 0-9 in ckb"]


@pytest.mark.parametrize("kind", LISTS)
def test_every_list_has_values_in_every_language(kind):
    terms = getattr(vocabulary(), kind)
    assert terms
    for term in terms.values():
        assert all(term.name.has(language) for language in LANGUAGES), f"{kind}.{term.id}"


def test_word_fills_values_falls_back_to_english_and_refuses_unknown_keys():
    assert word("completeness_value", "ar", answered=3, total=4, percent=75) == "3 من 4 مؤشرًا (75%)"
    assert word("levels.4", "ckb") == "توانای سەلمێنراو"
    assert word("mean_target", "fr") == "Mean target"
    with pytest.raises(KeyError):
        word("no-such-word", "en")
    assert vocabulary().label("priorities", "urgent", "ar") == "urgent"  # an unknown value shows as itself


def test_mean_target_is_one_term_in_the_charts_the_workbook_and_the_report():
    from hbm_assess.exchange.layout import word as heading

    assert heading("mean_target", "ar") == word("mean_target", "ar") == "متوسط المستوى المستهدف"


def _string_constants(path: Path) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


def test_no_module_carries_its_own_word_table():
    # Arabic or Kurdish words belong in the glossary (data/) or the Qt .ts files, never in code.
    carriers = {str(path.relative_to(PACKAGE)): text[:30]
                for path in sorted(PACKAGE.rglob("*.py"))
                for text in _string_constants(path) if ARABIC_LETTER.search(text)}
    assert carriers == {}


def test_the_language_list_is_written_once():
    pattern = re.compile(r"""\(\s*["']en["']\s*,\s*["']ar["']\s*,\s*["']ckb["']\s*\)""")
    places = [str(path.relative_to(PACKAGE)) for path in PACKAGE.rglob("*.py")
              if pattern.search(path.read_text(encoding="utf-8"))]
    assert places == ["core/text.py"]


def test_the_messages_read_later_are_the_file_s_messages():
    # The start parses the words only; the messages part is parsed when first said (#20).
    from hbm_assess.core.vocabulary import load_vocabulary
    from hbm_assess.core.yaml_text import load_yaml
    from hbm_assess.locations import data_dir

    path = data_dir() / "vocabulary.yaml"
    whole = load_yaml(path.read_text(encoding="utf-8"))
    glossary = load_vocabulary(path)
    assert {key: dict(text.by_language) for key, text in glossary.messages.items()} == whole["messages"]
    assert set(glossary.words) == set(whole["words"])


def test_a_glossary_whose_messages_are_not_last_is_read_whole(tmp_path):
    from hbm_assess.core.vocabulary import load_vocabulary

    path = tmp_path / "vocabulary.yaml"
    path.write_text("messages:\n  hello: {en: Hello, ar: مرحبا, ckb: سڵاو}\n\n"
                    "words:\n  level: {en: Level, ar: المستوى, ckb: ئاست}\n", encoding="utf-8")
    glossary = load_vocabulary(path)
    assert glossary.messages["hello"].get("ar") == "مرحبا"
    assert glossary.words["level"].get("ckb") == "ئاست"
