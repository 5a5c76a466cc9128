"""The embedded-JSON guard (exchange/machine_sheet.load_json) against the walk over every value it replaced (#20)."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbm_assess.exchange.machine_sheet import SQLITE_INTEGERS, load_json
from hbm_assess.exchange.safety import WorkbookRejected


def walked(text: str, max_depth: int) -> str:
    """What the guard said before #20: every value visited, in Python."""
    class NotANumber(Exception):
        pass

    def constant(name: str):
        raise NotANumber(name)

    try:
        value = json.loads(text, parse_constant=constant)
    except NotANumber:
        return "json_not_a_number"
    except RecursionError:
        return "json_too_deep"
    except ValueError:
        return "json_invalid"
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > max_depth:
            return "json_deeper_than"
        if isinstance(item, dict):
            stack += [(v, depth + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, depth + 1) for v in item]
        elif isinstance(item, int) and not isinstance(item, bool):
            if not SQLITE_INTEGERS[0] <= item <= SQLITE_INTEGERS[1]:
                return "json_number_too_large"
        elif isinstance(item, float) and not math.isfinite(item):
            return "json_infinite"
    return "accepted"


def guarded(text: str, max_depth: int) -> str:
    try:
        load_json(text, "_hbm!B16", max_depth=max_depth)
    except WorkbookRejected as refused:
        return refused.message.values[-1][1].code  # the detail: json_invalid, json_deeper_than...
    return "accepted"


NUMBERS = st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=False) | st.sampled_from(
    ["1e999", "-1e999", "9223372036854775807", "9223372036854775808", "-9223372036854775808"])
LEAVES = NUMBERS | st.booleans() | st.none() | st.text(max_size=5)
VALUES = st.recursive(LEAVES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner,
                                                                                           max_size=3), max_leaves=12)


def _text(value) -> str:
    return value if isinstance(value, str) and value[:1] in "-9" and value[-1:].isdigit() else json.dumps(value)


@settings(max_examples=400)
@given(VALUES, st.integers(min_value=1, max_value=5))
def test_the_guard_refuses_what_the_walk_over_every_value_refused(value, max_depth):
    text = _text(value)
    # One problem a value, as a hand-made file has: with two, either may be named first.
    if walked(text, max_depth) == "accepted" or guarded(text, max_depth) == "accepted":
        assert guarded(text, max_depth) == walked(text, max_depth), text


@pytest.mark.parametrize(("text", "said"), [
    ("[[1]]", "json_deeper_than"), ("[[]]", "accepted"), ("[[[]]]", "json_deeper_than"),
    ('{"a": {}}', "accepted"), ('{"a": {"b": 1}}', "json_deeper_than"), ("[1e999]", "json_infinite"),
    ("[9223372036854775808]", "json_number_too_large"), ("[-9223372036854775808]", "accepted"),
    ("NaN", "json_not_a_number"), ("[1, }", "json_invalid"), ("[true, 5]", "accepted"),
])
def test_the_guard_at_its_edges(text, said):
    assert guarded(text, 2) == said == walked(text, 2)
