"""Every message the import side of exchange/ gives is data (a code and values), said in the person's language.

The AST guard fails when a raise, an import result or an outcome passes a bare string; the
command-line tests import bad files through the real ``hbm-assess`` and read what it prints.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hbm_assess.core.messages import Message
from hbm_assess.core.vocabulary import vocabulary

EXCHANGE = Path(__file__).resolve().parent.parent / "hbm_assess" / "exchange"
IMPORT_SIDE = ("reading", "safety", "submission_files", "submissions", "machine_sheet", "protection", "importing",
               "rules", "deciding", "import_results", "workshop_files", "cells")
EXPORT_SIDE = ("export", "portfolio_csv", "portfolio_export")
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


# Functions whose text is not a message: cell values, file names, hashes, codes; the English of a batch
# export's failures (ExportBatchError.__str__, for logs).
NOT_MESSAGES = {"cells": {"return <text>"}, "import_results": {"return <text>"}, "export": {"return <text>"}}


@pytest.mark.parametrize("module", IMPORT_SIDE + EXPORT_SIDE)
def test_every_message_raised_in_exchange_is_a_code_with_values(module):
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


# -- what a person reads: the real command line, bad files, Arabic and Sorani ------------------------------------

# Three English words in a row, outside what the file itself says (quoted text, names, values).
_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}")
_QUOTED = re.compile(r"«[^»]*»|“[^”]*”|'[^']*'")


def english_sentence(text: str) -> str | None:
    found = _SENTENCE.search(_QUOTED.sub("…", text))
    return found.group() if found else None
CHOSEN = ("csv-renamed", "truncated-download", "level-out-of-range", "level-not-a-level", "unknown-indicator",
          "zip-bomb", "xml-entity-bomb", "far-column-XFD7", "random-bytes")


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    """A good export, the corpus of bad ones made from it, a plain text file and a workbook with a password."""
    from hostile_workbooks import build_corpus
    from workbooks import awkward_assessment, export

    from hbm_assess.core.questionnaire import load_form
    from hbm_assess.exchange.export import export_assessment
    from hbm_assess.storage.store import Store

    folder = tmp_path_factory.mktemp("bad")
    source = Store.open(folder / "source.sqlite")
    form = load_form(Path(__file__).parent / "forms" / "mini.yaml")
    assessment_id = awkward_assessment(source, form)
    good = export(source, assessment_id, folder / "good.xlsx")
    files = {case.name: path for case, path in build_corpus(good, folder / "files") if case.name in CHOSEN}
    locked = export_assessment(source, assessment_id, folder / "files" / "locked.xlsx", "en", password="right one")
    source.close()
    (folder / "files" / "notes.xlsx").write_text("Meeting notes from the border post\nnothing else\n")
    files["plain-text"] = folder / "files" / "notes.xlsx"
    files["wrong-password"] = locked
    (folder / "wrong.txt").write_text("not the password\n")
    return files, folder / "wrong.txt"


def _import(tmp_path, files, wrong, *options: str, language: str | None = None) -> subprocess.CompletedProcess:
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [sys.executable, "-m", "hbm_assess", "--db", str(tmp_path / "hq.sqlite"),
         *(["--lang", language] if language else []), "import", *options,
         "--password-file", str(wrong), *map(str, files.values())],
        capture_output=True, text=True, timeout=600, cwd=root,
        env={**os.environ, "PYTHONPATH": str(root), "QT_QPA_PLATFORM": "offscreen"})


EXPECTED = {"plain-text": "plain_text_file", "csv-renamed": "csv_file", "truncated-download": "file_truncated",
            "level-out-of-range": "level_out_of_range", "level-not-a-level": "not_a_level",
            "unknown-indicator": "unknown_indicator", "wrong-password": "wrong_password",
            "zip-bomb": "part_too_large", "xml-entity-bomb": "part_declares_entities",
            "far-column-XFD7": "sheet_too_far", "random-bytes": "not_a_workbook_at_all"}


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_the_command_line_says_every_bad_file_in_arabic_and_sorani_and_keeps_english_for_scripts(
        tmp_path, bad_files, language):
    files, wrong = bad_files
    done = _import(tmp_path, files, wrong, "--json", language=language)
    assert done.returncode == 1, done.stderr
    results = {Path(r["path"]).stem: r for r in json.loads(done.stdout)["files"]}
    by_name = {name: results[path.stem] for name, path in files.items()}
    for name, result in by_name.items():
        assert result["outcome"] == "rejected" and result["code"] == EXPECTED[name], (name, result)
        said = Message.of(result["code"], **result["values"])
        assert said.english() == result["message"], name  # the English stays, for scripts and logs
        if name != "far-column-XFD7":  # its values hold a message of their own: "cell XFD7"
            assert result["text"] == said.text(language), name  # the glossary's words, filled in
        assert not english_sentence(result["text"]), (name, result["text"])
    assert Message.of("at_cell", cell="XFD7").text(language) in by_name["far-column-XFD7"]["text"]
    # The lines a person reads say the same, and the summary too.
    printed = _import(tmp_path, files, wrong, language=language).stdout.splitlines()
    for name, path in files.items():
        [line] = [line for line in printed if f" {path} — " in line]
        assert line.endswith(by_name[name]["text"]) and not english_sentence(line.split(" — ", 1)[1]), line
    assert not english_sentence(printed[-1]) and "11" in printed[-1], printed[-1]


def test_without_a_language_the_command_line_prints_english_as_before(tmp_path, bad_files):
    files, wrong = bad_files
    done = _import(tmp_path, files, wrong)
    assert done.returncode == 1
    assert "this is a plain text file, not an Excel workbook" in done.stdout
    assert "Answers!D3: level 7 is not between 1 and 5" in done.stdout
    assert "the password given does not open it" in done.stdout
    assert done.stdout.splitlines()[-1] == "11 files: 11 rejected"
    as_json = json.loads(_import(tmp_path, files, wrong, "--json").stdout)["files"]
    assert all("text" not in r and r["code"] for r in as_json)  # added fields; none renamed


def test_every_hostile_file_is_refused_with_a_message_in_every_language(tmp_path):
    """The whole corpus, in process: each refusal is a code from the glossary, and none says English in ar/ckb."""
    from hostile_workbooks import CASES, build_corpus
    from workbooks import awkward_assessment, export

    from hbm_assess.core.questionnaire import load_form
    from hbm_assess.exchange.importing import import_file
    from hbm_assess.storage.store import Store

    source = Store.open(tmp_path / "source.sqlite")
    good = export(source, awkward_assessment(source, load_form(Path(__file__).parent / "forms" / "mini.yaml")),
                  tmp_path / "good.xlsx")
    source.close()
    hq = Store.open(tmp_path / "hq.sqlite")
    try:
        for case, path in build_corpus(good, tmp_path / "corpus"):
            if case.kills_reader:
                continue
            result = import_file(hq, path)
            assert result.said is not None, (case.name, result.message)
            assert case.message in result.message, case.name
            for language in ("ar", "ckb"):
                text = result.message_in(language)
                assert text != result.message and not english_sentence(text), (case.name, language, text)
    finally:
        hq.close()
    assert len(CASES) > 20



def test_the_window_import_report_says_every_outcome_in_arabic(qtbot, arabic, window, tmp_path, mini_form):
    """New, unchanged, updated with edits, rejected: each line of the report in the glossary's Arabic."""
    from workbooks import awkward_assessment, edit, export

    from hbm_assess.storage.store import Store

    source = Store.open(tmp_path / "source.sqlite")
    good = export(source, awkward_assessment(source, mini_form), tmp_path / "good.xlsx")
    source.close()
    (tmp_path / "notes.xlsx").write_text("Meeting notes from the border post\n")
    with qtbot.waitSignal(window.workbooks.imported, timeout=30_000):
        window.workbooks.import_paths([good, tmp_path / "notes.xlsx"])
    edited = edit(good, {("Answers", "D3"): 4}, tmp_path / "edited.xlsx")
    wrong = edit(good, {("Answers", "D3"): 7}, tmp_path / "wrong.xlsx")
    with qtbot.waitSignal(window.workbooks.imported, timeout=30_000):
        window.workbooks.import_paths([good, edited, wrong])
    first, second = ({report.model.item(row, 0).text(): report.model.item(row, 2).text()
                      for row in range(report.model.rowCount())} for report in window.reports_shown)
    assert first["good.xlsx"].startswith("تقييم جديد 1: إبراهيم الخليل، 2026-11-20، المراجعة 1")
    assert first["notes.xlsx"] == Message.of("plain_text_file").text("ar")
    said = first | second
    assert said["good.xlsx"].startswith("المراجعة نفسها موجودة بالفعل في التقييم 1")  # the second import: unchanged
    assert said["edited.xlsx"].startswith("حُدّث التقييم 1: المراجعة 1 ← 2؛ عُدّل خارج التطبيق (تغيير واحد)")
    assert said["wrong.xlsx"] == Message.of("level_out_of_range", place="Answers!D3", level=7).text("ar")
    for text in said.values():
        assert not english_sentence(text.split("\n")[0]), text


def test_an_export_refusal_is_said_in_the_window_s_language(store, tmp_path):
    """Export errors are Problems too: the window (ui/jobs.py, text_of) shows them in Arabic and Sorani."""
    from hbm_assess.core.messages import text_of
    from hbm_assess.exchange.export import ExportError
    from hbm_assess.exchange.portfolio_csv import write_portfolio_csv
    from hbm_assess.storage.portfolio import PortfolioFilter

    taken = tmp_path / "a-file"
    taken.write_text("x")
    with pytest.raises(ExportError) as refused:
        write_portfolio_csv(store, PortfolioFilter(), taken)
    assert str(refused.value) == f"{taken} is a file; the CSV export writes several files into a folder: give a folder"
    assert text_of(refused.value, "ar") == f"{taken} ملف؛ تصدير CSV يكتب عدة ملفات في مجلد: أعطِ مجلدًا"
    assert text_of(refused.value, "ckb").startswith(f"{taken} فایلە؛")


def test_an_outcome_names_a_known_crossing_point_in_the_language_asked():
    from hbm_assess.core.assessment import Site
    from hbm_assess.exchange.import_results import site_named

    new = Message.of("new_assessment", id=3, site=site_named(Site("Ibrahim Khalil", "IQ", "land",
                                                                   reference_id="ibrahim-khalil")),
                     date="2026-11-20", revision=1)
    assert new.english() == "new assessment 3: Ibrahim Khalil, 2026-11-20, revision 1"  # as logs had it
    assert new.text("ar") == "تقييم جديد 3: إبراهيم الخليل، 2026-11-20، المراجعة 1"
    assert "ئیبراهیم خەلیل" in new.text("ckb")
    typed = Message.of("new_assessment", id=4, site=site_named(Site("Post 7", "IQ", "land")), date="2026-11-20",
                       revision=1)
    assert "Post 7" in typed.text("ar")  # a site not in the reference list stays as typed
