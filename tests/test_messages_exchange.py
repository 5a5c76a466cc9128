"""Every message the import side of exchange/ gives is data (a code and values), said in the person's language.

The AST guard fails when a raise, an import result or an outcome passes a bare string; the
command-line tests import bad files through the real ``hbm-assess`` and read what it prints.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from hbm_assess.core.vocabulary import vocabulary

EXCHANGE = Path(__file__).resolve().parent.parent / "hbm_assess" / "exchange"
IMPORT_SIDE = ("reading", "safety", "submission_files", "submissions", "machine_sheet", "protection", "importing",
               "rules", "deciding", "import_results", "workshop_files", "cells")
# Calls whose text reaches a person: an outcome, a reason to skip, a decision.
SAID = {"FileResult", "Decision", "Problem"}


def _is_string(node: ast.AST) -> bool:
    """Whether an expression builds English text in place: a literal with words, an f-string with words, or text
    glued to them (a place such as f"{sheet}!{cell}", a "sha256:" prefix or an ellipsis is not a sentence)."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and re.search(r"[A-Za-z]{2,}\s+[A-Za-z(]", node.value) is not None
    if isinstance(node, ast.JoinedStr):
        return any(_is_string(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _is_string(node.left) or _is_string(node.right)
    if isinstance(node, ast.IfExp):
        return _is_string(node.body) or _is_string(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _is_string(node.func.value)
    return False


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def bare_strings(source: str, name: str) -> list[str]:
    """Where a module passes English text straight to a person: ``file:line what``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            call = node.exc
            if any(_is_string(arg) for arg in (*call.args, *(k.value for k in call.keywords))):
                found.append(f"{name}:{node.lineno} raise {_called(call)}(<text>)")
        elif isinstance(node, ast.Call) and _called(node) in SAID:
            message = node.args[2] if _called(node) in ("FileResult", "Decision") and len(node.args) > 2 else (
                node.args[0] if _called(node) == "Problem" and node.args else None)
            keywords = [k.value for k in node.keywords if k.arg == "message"]
            if any(_is_string(arg) for arg in (message, *keywords) if arg is not None):
                found.append(f"{name}:{node.lineno} {_called(node)}(…, <text>)")
        elif isinstance(node, (ast.Assign, ast.AugAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Attribute) and t.attr == "message" for t in targets) and _is_string(node.value):
                found.append(f"{name}:{node.lineno} .message = <text>")
        elif isinstance(node, ast.Return) and node.value is not None and _is_string(node.value):
            found.append(f"{name}:{node.lineno} return <text>")
    return found


def test_the_guard_sees_a_bare_string_and_lets_a_message_and_a_re_raise_pass():
    source = ("def f(error):\n"
              "    raise WorkbookRejected(f'{error}: not a workbook')\n"
              "def g():\n"
              "    raise WorkbookRejected(Message.of('file_empty'))\n"
              "def h(error):\n"
              "    raise error from None\n"
              "def i(path):\n"
              "    return FileResult(path, Outcome.SKIPPED, 'not a workbook; skipped')\n"
              "def j(sheet, cell):\n"
              "    return f'{sheet}!{cell}'\n")
    assert bare_strings(source, "x.py") == ["x.py:2 raise WorkbookRejected(<text>)", "x.py:8 FileResult(…, <text>)"]


# Functions whose text is not a message: cell values, file names, hashes, codes.
NOT_MESSAGES = {"cells": {"return <text>"}, "import_results": {"return <text>"}}


@pytest.mark.parametrize("module", IMPORT_SIDE)
def test_every_message_on_the_import_side_is_a_code_with_values(module):
    found = bare_strings((EXCHANGE / f"{module}.py").read_text(encoding="utf-8"), f"{module}.py")
    allowed = NOT_MESSAGES.get(module, set())
    found = [where for where in found if where.split(" ", 1)[1] not in allowed]
    assert found == [], "put these in messages: of data/vocabulary.yaml and raise a Message:\n" + "\n".join(found)


def test_every_new_message_has_each_language_and_the_same_values():
    for code, text in vocabulary().messages.items():
        names = {language: set(re.findall(r"{(\w+)}", text.get(language))) for language in ("en", "ar", "ckb")}
        assert names["ar"] == names["en"] == names["ckb"], code
        for language in ("ar", "ckb"):
            assert not re.search("[٠-٩۰-۹]", text.get(language)), (code, language)  # Western digits only
