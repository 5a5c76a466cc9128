"""The length a spreadsheet cell counts (core/cell_text.py), checked against its definition."""

from hypothesis import given
from hypothesis import strategies as st

from hbm_assess.core.cell_text import EXCEL_CELL_LIMIT, check_text, excel_length

ANY_CHARACTER = st.characters(min_codepoint=0, max_codepoint=0x10FFFF)  # lone surrogates and emoji too


@given(st.text(alphabet=ANY_CHARACTER, max_size=60))
def test_excel_length_counts_utf16_code_units_like_the_character_by_character_rule(value):
    """The count in C (#20: a Python loop over every imported character was a tenth of the import)."""
    assert excel_length(value) == len(value) + sum(1 for ch in value if ord(ch) > 0xFFFF)


def test_an_emoji_counts_twice_at_the_cell_limit():
    assert excel_length("😀") == 2 and excel_length("a\ud800") == 2 and excel_length("ج") == 1
    assert check_text("x" * (EXCEL_CELL_LIMIT - 2) + "😀") is None
    assert check_text("x" * (EXCEL_CELL_LIMIT - 1) + "😀") is not None


def test_text_a_cell_cannot_hold_is_refused_by_the_store_in_the_person_s_language(store, mini_assessment):
    # The store refuses it where it is saved; the window shows the refusal. It said so in English
    # whatever the screens' language, naming the field in English too ("REG-01, notes").
    import pytest

    from hbm_assess.core.assessment import Answer
    from hbm_assess.core.messages import text_of
    from hbm_assess.storage.store import StoreError

    with pytest.raises(StoreError) as refused:
        store.save_answer(mini_assessment, Answer("REG-01", level=2, notes="ab\x07c"))
    english = str(refused.value)
    assert english.startswith("REG-01, notes: the text contains the invisible control character U+0007 at position 3")
    assert english.endswith("; nothing was saved")
    arabic = text_of(refused.value, "ar")
    assert arabic.startswith("REG-01، ملاحظات: ") and "U+0007" in arabic
    assert not any(word in arabic for word in ("notes", "the text", "contains", "nothing was saved"))
    assert store.answers(mini_assessment) == {}


HALF = EXCEL_CELL_LIMIT // 2
TEXTS = st.lists(st.text(alphabet=ANY_CHARACTER, max_size=12) | st.sampled_from(
    ["x" * (HALF + 1), "😀" * HALF, "😀" * (HALF + 1)]), max_size=8)


@given(TEXTS)
def test_all_fit_agrees_with_the_rule_text_by_text(texts):
    """The import's one-pass check (#20) says what checking each text on its own says."""
    from hbm_assess.core.cell_text import all_fit, text_message

    assert all_fit(texts) == all(text_message(text) is None for text in texts)


def test_the_import_s_text_check_builds_no_message_while_every_text_fits(monkeypatch):
    """Building a place ("REG-01, notes") for each of ~900 texts before looking was a tenth of an import (#20)."""
    from hbm_assess.core.assessment import Action, Answer, Assessment, Site
    from hbm_assess.core.messages import Message
    from hbm_assess.exchange.rules import text_problem

    assessment = Assessment("hbm-detailed", "1.0", Site("Ibrahim Khalil", "IQ", "land"), notes="Seen.")
    answers = [Answer(f"REG-0{n}", level=2, notes="fine", evidence_text="a\tb\nc") for n in range(1, 9)]
    actions = [Action("Train staff", ("REG-01",), partners=("IOM", "UNHCR"))]
    built = []
    real = Message.of.__func__
    monkeypatch.setattr(Message, "of", classmethod(lambda cls, code, **values: built.append(code) or
                                                   real(cls, code, **values)))
    assert text_problem(assessment, answers, actions) is None
    assert built == []
    broken = [*answers[:3], Answer("REG-04", level=2, notes="ab\x07c")]
    problem = text_problem(assessment, broken, actions)
    assert str(problem).startswith("REG-04, notes: the text contains the invisible control character U+0007")
