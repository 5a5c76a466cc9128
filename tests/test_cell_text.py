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
