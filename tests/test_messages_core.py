"""Storage, files, exports, operations, the command line and form checks raise messages as data (#16).

Every error they raise is a Problem carrying a Message (a code and values), so the window and
``--lang`` say it in Arabic and Kurdish; ``str()`` stays the English line for logs.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import re
import subprocess
import sys
from pathlib import Path

import pytest

from hbm_assess.core.messages import Message, Problem, text_of
from hbm_assess.core.vocabulary import vocabulary

PACKAGE = Path(__file__).parent.parent / "hbm_assess"
MODULES = ("operations", "cli", "cli_workshop", "files", "storage.store", "storage.database", "storage.encryption",
           "storage.workshop", "storage.workshop_outputs", "core.assessment", "core.versions", "core.terms",
           "core.questionnaire", "core.workshop", "exchange.export", "exchange.portfolio_export",
           "exchange.portfolio_csv", "ui.report")
# Raised with what the Message is built from: the files written and one Line per assessment not written
# (ExportBatchError), the file and one Line per problem of data/terms.yaml (TermsError).
BUILT_FROM_LINES = {"ExportBatchError", "TermsError"}
MESSAGE_MAKERS = {"Message", "Line", "of"}


def _problem_classes() -> set[str]:
    names = set()
    for name in MODULES:
        module = importlib.import_module(f"hbm_assess.{name}")
        names |= {n for n, kind in inspect.getmembers(module, inspect.isclass) if issubclass(kind, Problem)}
    return names - {"Problem"}


# Not shown to a person as it is: _Damaged becomes a DatabaseError naming the damage.
NOT_SHOWN = {"_Damaged"}


@pytest.mark.parametrize("name", MODULES)
def test_every_error_these_modules_define_is_a_problem(name):
    module = importlib.import_module(f"hbm_assess.{name}")
    defined = [kind for _, kind in inspect.getmembers(module, inspect.isclass)
               if issubclass(kind, BaseException) and kind.__module__ == module.__name__]
    assert [k.__name__ for k in defined if not issubclass(k, Problem) and k.__name__ not in NOT_SHOWN] == []


def _called(node: ast.expr) -> str:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else ""


def _passed_on(argument: ast.expr, function: ast.AST) -> bool:
    """The error caught (``except X as error``) or a Message held in a name of this function."""
    if isinstance(argument, ast.Attribute) and argument.attr == "message":  # problem.message
        return True
    if not isinstance(argument, ast.Name):
        return False
    for node in ast.walk(function):
        if isinstance(node, ast.ExceptHandler) and node.name == argument.id:
            return True
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == argument.id
                                                 for t in node.targets)
                and isinstance(node.value, ast.Call) and _called(node.value.func) in MESSAGE_MAKERS):
            return True
    return False


def _carries_a_message(call: ast.Call, function: ast.AST) -> bool:
    if not call.args:
        return False
    first = call.args[-1] if _called(call.func) == "FormError" else call.args[0]
    if _called(call.func) == "FormError" and isinstance(first, ast.List):
        return all(isinstance(e, ast.Call) and _called(e.func) == "Line" for e in first.elts)
    if _called(call.func) == "FormError":  # the Lines a _Checker collected, each made by Message.of
        return isinstance(first, ast.Attribute) and first.attr == "problems"
    if isinstance(first, ast.Call) and _called(first.func) in MESSAGE_MAKERS:
        return True
    if isinstance(first, ast.IfExp):
        return all(isinstance(b, ast.Call) and _called(b.func) in MESSAGE_MAKERS for b in (first.body, first.orelse))
    return _passed_on(first, function)


def bare_problems(source: str, problem_classes: set[str]) -> list[str]:
    """Every call of a Problem class that is not given a Message, as ``line: code``."""
    tree = ast.parse(source)
    found = []
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef | ast.AsyncFunctionDef)]
    for function in functions:
        for node in ast.walk(function):
            if (isinstance(node, ast.Call) and _called(node.func) in problem_classes - BUILT_FROM_LINES
                    and not _carries_a_message(node, function)):
                found.append(f"{node.lineno}: {ast.get_source_segment(source, node)[:100]}")
    return sorted(set(found))


def test_the_walk_finds_a_bare_string_and_accepts_a_message():
    source = '''
def f(store):
    raise StoreError("this assessment is final")

def g(store):
    raise StoreError(Message.of("assessment_final"))

def h(store):
    try:
        store.open()
    except DatabaseError as error:
        raise CommandError(error) from None
'''
    assert bare_problems(source, {"StoreError", "CommandError", "DatabaseError"}) == [
        '3: StoreError("this assessment is final")']


@pytest.mark.parametrize("name", MODULES)
def test_every_problem_raised_carries_a_message(name):
    path = PACKAGE / (name.replace(".", "/") + ".py")
    assert bare_problems(path.read_text(encoding="utf-8"), _problem_classes()) == []


def _message_codes(source: str) -> set[str]:
    tree = ast.parse(source)
    return {node.args[0].value for node in ast.walk(tree)
            if isinstance(node, ast.Call) and _called(node.func) == "of" and node.args
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)}


@pytest.mark.parametrize("name", MODULES)
def test_every_message_code_is_in_the_glossary_in_every_language(name):
    codes = _message_codes((PACKAGE / (name.replace(".", "/") + ".py")).read_text(encoding="utf-8"))
    messages = vocabulary().messages
    assert sorted(codes - set(messages)) == []
    for code in codes:
        assert {"en", "ar", "ckb"} <= set(messages[code].by_language), code


def test_a_reason_inside_a_message_is_said_in_the_same_language():
    from hbm_assess.files import write_reason

    message = Message.of("write_failed", target="a.xlsx", reason=write_reason(OSError(28, "No space left")))
    assert message.english() == "cannot write a.xlsx: the disk is full; nothing was changed"
    assert message.text("ar") == "تعذّرت كتابة a.xlsx: القرص ممتلئ؛ لم يتغير شيء"


def test_a_form_check_problem_keeps_its_english_and_says_it_in_kurdish(tmp_path):
    from hbm_assess.core.questionnaire import FormError, load_form

    path = tmp_path / "f.yaml"
    path.write_text("id: my-form\nversion: 1.0\nlanguages: [en]\ntitle: {en: F}\nareas: []\n", encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_form(path)
    first = caught.value.problems[0]
    assert first == 'version: write the version as text in quotes, e.g. "1.0"'  # still a str for older callers
    assert text_of(first, "ckb") == 'version: وەشانەکە وەک دەق لەناو جووتە کەوانەدا بنووسە، بۆ نموونە "1.0"'
    assert text_of(caught.value, "ar").startswith(f"{path}: version: اكتب الإصدار نصًا")


# -- the real command line, in a subprocess ------------------------------------------------

# Four English words in a row: a sentence left in English (paths, codes and option names are not).
ENGLISH = re.compile(r"\b[A-Za-z]{2,}( [A-Za-z]{2,}){3}\b")


def hbm(*args, db: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hbm_assess", "--db", str(db), *map(str, args)],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    assert hbm("demo", "--count", 1, db=db).returncode == 0
    return db


@pytest.fixture(scope="module")
def broken_form(tmp_path_factory):
    path = tmp_path_factory.mktemp("forms") / "broken.yaml"
    path.write_text("id: Broken Form\nversion: 1.0\nlanguages: [en, ar]\ntitle: {en: Test}\n"
                    "areas:\n  - id: OPS\n    title: {en: O, ar: ع}\n    indicators:\n"
                    "      - id: OPS-01\n        levels: [a, b]\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def broken_list(tmp_path_factory):
    path = tmp_path_factory.mktemp("lists") / "crossing_points.yaml"
    path.write_text("crossing_points:\n  - {id: Bad_Id, name: {en: X}, country: IQ, type: lnd, lat: 50, lon: 44}\n",
                    encoding="utf-8")
    return path


FAILURES = {
    "unknown assessment": (("report", 99, "-o", "{tmp}/r.pdf"), 2,
                           {"ar": "لا يوجد تقييم برقم 99", "ckb": "هیچ هەڵسەنگاندنێک بە ژمارەی 99"}),
    "bad --lang": (("export", 1, "-o", "{tmp}/a.xlsx", "--lang", "fr"), 2,
                   {"ar": "يجب أن تكون اللغة en أو ar أو ckb، وليس 'fr'",
                    "ckb": "زمانەکە دەبێت en یان ar یان ckb بێت، نەک 'fr'"}),
    "broken form": (("form", "check", "{form}"), 1,
                    {"ar": "اكتب الإصدار نصًا بين علامتي اقتباس", "ckb": "وەشانەکە وەک دەق لەناو جووتە کەوانەدا"}),
    "unwritable folder": (("export", 1, "-o", "{tmp}/no/such/folder/a.xlsx"), 1,
                          {"ar": "تعذّرت كتابة", "ckb": "ناتوانرێت"}),
    "broken reference list": (("form", "check", "{list}"), 1,
                              {"ar": "منفذ العبور 1 (Bad_Id): type: 'lnd' غير معروف؛ استخدم واحدًا من",
                               "ckb": "دەروازەی سنووری 1 (Bad_Id): lat 50: لە دەرەوەی عێراقە"}),
}


@pytest.mark.parametrize("language", ["ar", "ckb"])
@pytest.mark.parametrize("failure", FAILURES)
def test_the_command_line_says_its_failures_in_the_language_asked(demo_db, broken_form, broken_list, tmp_path,
                                                                  language, failure):
    args, status, wording = FAILURES[failure]
    args = [str(a).format(tmp=tmp_path, form=broken_form, list=broken_list) for a in args]
    done = hbm("--lang", language, *args, db=demo_db)
    said = done.stdout + done.stderr
    assert done.returncode == status, said
    assert wording[language] in said
    for line in said.splitlines():
        shown = line.replace(str(tmp_path), "").replace(str(broken_form), "").replace(str(broken_list), "")
        assert not ENGLISH.search(shown), line


def test_without_lang_the_command_line_keeps_its_english(demo_db, tmp_path):
    done = hbm("report", 99, "-o", tmp_path / "r.pdf", db=demo_db)
    assert done.returncode == 2 and done.stderr == "hbm-assess: there is no assessment 99 in this database\n"


def test_what_a_file_is_instead_of_a_database_is_said_in_arabic(tmp_path):
    from hbm_assess.storage.database import NotADatabase, open_database

    path = tmp_path / "minutes.sqlite"
    path.write_bytes(b"%PDF-1.7\n" + b"x" * 2048)
    with pytest.raises(NotADatabase) as caught:
        open_database(path, create=False)
    assert f"{path} is not an HBM Assess database (a PDF document)" in str(caught.value)
    assert text_of(caught.value, "ar").startswith(f"{path} ليس قاعدة بيانات HBM Assess (مستند PDF)؛")


def test_a_sound_form_and_its_term_warnings_are_said_in_kurdish(demo_db):
    from hbm_assess.locations import forms_dir

    done = hbm("--lang", "ckb", "form", "check", forms_dir() / "hbm-rapid.yaml", db=demo_db)
    assert done.returncode == 0, done.stderr
    assert "دروستە — hbm-rapid 1.0، 5 بوار، 16 پێوەر" in done.stdout
    assert "ئاگاداری: ADM-R2 › guidance › ar:" in done.stdout and "زاراوەی پەسەندکراو: psychosocial" in done.stdout
    assert not any(ENGLISH.search(line.replace(str(forms_dir()), "")) for line in done.stdout.splitlines())


def test_a_problem_line_inside_a_message_is_said_in_the_message_s_language():
    # A workshop output's problem (a Line) inside the import's "workbook output N: …" stayed English.
    from hbm_assess.core.messages import Line, Message

    problem = Line(Message.of("output_without_text", kind="challenge"))
    message = Message.of("workshop_output_problem", number=2, problem=problem)
    assert message.english() == "workshop output 2: the challenge has no text"
    assert message.text("ar") == "مُخرَج ورشة العمل 2: " + problem.text("ar")
    assert not ENGLISH.search(message.text("ckb").replace("challenge", ""))
