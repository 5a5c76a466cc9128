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
