"""The last English of an import (#16): the cells a person changed, data/terms.yaml's problems, the system's reasons."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from test_messages_core import ENGLISH

from hbm_assess.core.messages import Message
from hbm_assess.core.vocabulary import word

ROOT = Path(__file__).resolve().parent.parent


def reason(error: BaseException):
    from hbm_assess.core.reasons import reason

    return reason(error)


# -- the change lines of an "updated with edits" import, from the real command line ----------------------------------

@pytest.fixture(scope="module", params=["ar", "ckb"])
def edited(request, tmp_path_factory):
    """An assessment exported in Arabic or Sorani, then edited in a spreadsheet: cells changed, rows deleted."""
    import openpyxl
    from workbooks import awkward_assessment, export

    from hbm_assess.core.questionnaire import load_form
    from hbm_assess.storage.store import Store

    language = request.param
    folder = tmp_path_factory.mktemp(f"edited-{language}")
    db = folder / "hq.sqlite"
    store = Store.open(db)
    exported = export(store, awkward_assessment(store, load_form(ROOT / "tests" / "forms" / "mini.yaml")),
                      folder / "exported.xlsx", language)
    store.close()
    book = openpyxl.load_workbook(exported)
    answers, plan = book[word("sheet_answers", language)], book[word("sheet_plan", language)]
    rows = {answers.cell(row, 2).value: row for row in range(3, answers.max_row + 1)}
    answers.cell(rows["REG-01"], 4).value = 4            # the level, 3 before
    answers.cell(rows["REG-01"], 15).value = "ملاحظة"    # the notes
    answers.cell(rows["REG-02"], 4).value = None          # N/A taken back: an empty level
    answers.cell(rows["REG-02"], 5).value = None
    answers.delete_rows(rows["OPS-01"])                   # an answer removed
    titles = {plan.cell(row, 1).value: row for row in range(3, plan.max_row + 1)}
    plan.delete_rows(titles["Draft the mass-influx SOP"])  # an action removed
    book.save(folder / "edited.xlsx")
    return language, db, folder / "edited.xlsx"


def _import(db: Path, path: Path, language: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "hbm_assess", "--db", str(db), "--lang", language, "import",
                           *options, str(path)],
                          capture_output=True, text=True, timeout=300, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"})


def test_the_command_line_says_each_changed_cell_in_the_language(edited, tmp_path):
    language, db, path = edited
    copy = tmp_path / "hq.sqlite"
    copy.write_bytes(db.read_bytes())
    done = _import(copy, path, language)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    # The outcome in the language too: "updated" was the one English word left on the line.
    assert lines[0].startswith(Message.of("outcome_updated").text(language)) and "updated" not in lines[0], lines
    changes = [line.strip() for line in lines[1:-1]]
    sheet, plan = word("sheet_answers", language), word("sheet_plan", language)
    # The sheet as the file names it (what the person must find), the field and the words in the language.
    level = [line for line in changes if "REG-01" in line and word("level", language) in line]
    assert level and level[0].startswith(f"{sheet}!D") and "3" in level[0] and "4" in level[0], changes
    assert any(word("notes", language) in line and "ملاحظة" in line for line in changes), changes
    assert any(Message.of("change_empty").text(language) in line and "REG-02" in line for line in changes), changes
    removed_answer = Message.of("change_answer_removed", sheet=sheet, subject="OPS-01").text(language)
    removed_action = Message.of("change_action_removed", sheet=plan,
                                subject=Message.of("change_action", title="Draft the mass-influx SOP")).text(language)
    assert removed_answer in changes and removed_action in changes, changes
    for line in changes:
        assert not ENGLISH.search(line), line
        assert "row deleted" not in line and "(empty)" not in line and "action “" not in line, line


def test_scripts_keep_the_english_change_and_gain_its_codes_and_words(edited, tmp_path):
    language, db, path = edited
    copy = tmp_path / "hq.sqlite"
    copy.write_bytes(db.read_bytes())
    [result] = json.loads(_import(copy, path, language, "--json").stdout)["files"]
    by_subject = {(c["subject"], c["field"]): c for c in result["changes"]}
    level = by_subject[("REG-01", "Level")]  # the keys of before, unchanged
    assert {k: level[k] for k in ("sheet", "subject", "field", "old", "new")} == {
        "sheet": word("sheet_answers", language), "subject": "REG-01", "field": "Level", "old": "3", "new": "4"}
    assert level["field_code"] == "level" and word("level", language) in level["text"]
    removed = by_subject[("OPS-01", "row")]
    assert (removed["old"], removed["new"]) == ("answered", "row deleted; answer removed")
    assert not ENGLISH.search(removed["text"])


def test_a_change_says_itself_in_english_as_its_log_line_does():
    from hbm_assess.exchange.import_results import CellChange

    changes = [CellChange("Answers", "D3", "REG-01", "Level", "3", "4", field_code="level"),
               CellChange("Summary", "B3", "", "Site", "Rabia", "", field_code="site"),
               CellChange("Answers", "", "OPS-01", "row", "answered", "row deleted; answer removed", removed="answer"),
               CellChange("Plan of action", "", "action “Train staff”", "row", "planned",
                          "row deleted; action removed", removed="action", action_title="Train staff"),
               CellChange("Plan of action", "C4", "action “Train staff”", "Priority", "high", "low",
                          field_code="priority", action_title="Train staff")]
    for change in changes:
        assert change.text("en") == str(change)
    assert str(changes[0]) == "Answers!D3 (REG-01 Level): 3 → 4"
    assert changes[0].text("ar") == "Answers!D3 (REG-01 — المستوى): 3 ← 4"
    assert changes[1].text("ckb") == "Summary!B3 (شوێن): Rabia ← (بەتاڵ)"
    na = CellChange("Answers", "D4", "REG-02", "Level", "na", "", field_code="level")
    assert str(na) == "Answers!D4 (REG-02 Level): Not applicable → (empty)"
    assert na.text("ar") == "Answers!D4 (REG-02 — المستوى): لا ينطبق ← (فارغ)"
    assert changes[4].text("ar") == "Plan of action!C4 (الإجراء «Train staff» — الأولوية): high ← low"


# -- data/terms.yaml: its problems said in the language ------------------------------------------------------------

def test_a_broken_terms_file_is_said_in_arabic_and_sorani(tmp_path):
    from hbm_assess.core.messages import Problem
    from hbm_assess.core.terms import TermsError, load_terms

    path = tmp_path / "terms.yaml"
    path.write_text("terms:\n  - id: customs\n    en: customs\n    ar: الجمارك\n"
                    "    variants: {ar: [الجمارك العامة], ku: [gumrik]}\n  - id: customs\n    en: x\n    ar: س\n"
                    "    ckb: س\n", encoding="utf-8")
    with pytest.raises(TermsError) as caught:
        load_terms(path)
    error = caught.value
    assert isinstance(error, Problem)
    assert str(error).splitlines() == [
        f"{path}: customs: the preferred 'ckb' word is missing",
        f"{path}: customs › variants › ku: a list of words in en, ar or ckb",
        f"{path}: customs: defined twice",
    ]
    for language in ("ar", "ckb"):
        said = error.text(language).splitlines()
        assert len(said) == 3 and all(line.startswith(f"{path}: customs") for line in said), said
        assert not any(ENGLISH.search(line.replace(str(path), "")) for line in said), said
    assert "الكلمة المفضّلة" in error.text("ar")


def test_the_form_check_warns_of_a_broken_terms_file_in_the_language(tmp_path, monkeypatch):
    """`form check` with unusable preferred terms: the warning, and the terms file's problems, in Arabic."""
    from hbm_assess.cli import _term_warnings
    from hbm_assess.core import terms
    from hbm_assess.core.messages import text_of
    from hbm_assess.core.questionnaire import load_form

    broken = tmp_path / "terms.yaml"
    broken.write_text("terms: nothing\n", encoding="utf-8")
    monkeypatch.setattr(terms, "preferred_terms", lambda: terms.load_terms(broken))
    [warning] = _term_warnings(load_form(ROOT / "tests" / "forms" / "mini.yaml"))
    said = text_of(warning, "ar")
    assert said.startswith("تعذّرت قراءة المصطلحات المفضّلة") and not ENGLISH.search(said.replace(str(broken), "")), said


# -- the system's reasons, in words a person can act on --------------------------------------------------------------

def _os_error(number: int, winerror: int | None = None) -> OSError:
    error = OSError(number, os.strerror(number), "/media/usb/post.xlsx")
    if winerror is not None:
        error.winerror = winerror  # as Windows sets it; errno is then EACCES
    return error


@pytest.mark.parametrize("number, code", [
    (errno.ENOENT, "reason_not_found"), (errno.EACCES, "reason_permission"), (errno.EPERM, "reason_permission"),
    (errno.ENOSPC, "reason_disk_full"), (errno.EROFS, "reason_read_only_disk"), (errno.EISDIR, "reason_is_folder"),
    (errno.ENOTDIR, "reason_not_a_folder"), (errno.EEXIST, "reason_exists"), (errno.EBUSY, "reason_in_use"),
    (errno.ETXTBSY, "reason_in_use"), (errno.ENAMETOOLONG, "reason_name_too_long"), (errno.EIO, "reason_disk_error"),
    (errno.EMFILE, "reason_too_many_open"), (errno.ENFILE, "reason_too_many_open"), (errno.EDQUOT, "reason_quota"),
    (errno.EFBIG, "reason_too_large"),
])
def test_each_common_system_error_is_a_glossary_reason(number, code):
    said = reason(_os_error(number))
    assert said == Message.of(code)
    for language in ("ar", "ckb"):
        assert said.text(language) != said.english() and not ENGLISH.search(said.text(language))


@pytest.mark.parametrize("winerror", [32, 33])
def test_a_windows_sharing_violation_says_another_program_has_the_file(winerror):
    assert reason(_os_error(errno.EACCES, winerror)) == Message.of("reason_in_use")


def test_another_system_error_keeps_the_system_s_words():
    assert reason(_os_error(errno.ECONNRESET)) == os.strerror(errno.ECONNRESET)


def test_a_damaged_zip_is_said_in_the_language_not_as_zipfile_words(tmp_path):
    path = tmp_path / "cut.zip"
    path.write_bytes(b"PK\x03\x04" + b"\0" * 40)
    with pytest.raises(zipfile.BadZipFile) as caught:
        zipfile.ZipFile(path)
    assert reason(caught.value) == Message.of("reason_zip_damaged")


def test_the_workbook_reader_s_damaged_zip_is_said_in_the_language(tmp_path):
    """python-calamine's own error ("invalid Zip archive: Could not find EOCD") is not quoted in English."""
    from python_calamine import CalamineWorkbook

    path = tmp_path / "cut.xlsx"
    path.write_bytes(b"PK\x03\x04" + b"x" * 100)
    with pytest.raises(Exception) as caught:
        CalamineWorkbook.from_path(str(path))
    assert reason(caught.value) == Message.of("reason_zip_damaged")
    said = Message.of("workbook_unreadable", error=caught.value)
    assert "EOCD" not in said.text("ar") and not ENGLISH.search(said.text("ar"))


def test_a_csv_field_too_long_is_said_in_the_language():
    import csv
    import io

    limit = csv.field_size_limit()
    csv.field_size_limit(10)
    try:
        with pytest.raises(csv.Error) as caught:
            list(csv.reader(io.StringIO("a," + "x" * 20)))
    finally:
        csv.field_size_limit(limit)
    assert reason(caught.value) == Message.of("reason_csv_field_too_long", limit="10")


def test_sqlite_s_refusals_are_glossary_reasons(tmp_path):
    """A read-only database, for real; a full disk and an I/O error as SQLite reports them."""
    import sqlite3

    path = tmp_path / "x.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("create table t (x)")
    conn.close()
    read_only = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as caught:
        read_only.execute("insert into t values (1)")
    read_only.close()
    assert reason(caught.value) == Message.of("reason_read_only_file")
    for code, said in ((sqlite3.SQLITE_FULL, "reason_disk_full"), (sqlite3.SQLITE_IOERR | 0x0A00, "reason_disk_error")):
        error = sqlite3.OperationalError("as SQLite says it")
        error.sqlite_errorcode = code
        assert reason(error) == Message.of(said)
    assert reason(sqlite3.IntegrityError("UNIQUE constraint failed: t.x")) == "UNIQUE constraint failed: t.x"


def test_a_system_error_inside_a_message_is_said_in_the_message_s_language():
    """Passed as a value, an OSError is said as its reason: never the system's English in an Arabic sentence."""
    message = Message.of("file_unreadable", reason=_os_error(errno.EACCES))
    assert message.text("ar") == Message.of("file_unreadable", reason=Message.of("reason_permission")).text("ar")
    assert message.english() == "the file cannot be read: permission denied"


def test_reading_a_file_the_system_refuses_is_said_in_sorani(tmp_path, monkeypatch):
    """The real path: a workbook the system will not open (here: refused) is rejected with the reason in Sorani."""
    from hbm_assess.exchange import safety
    from hbm_assess.exchange.safety import WorkbookRejected

    path = tmp_path / "post.xlsx"
    path.write_bytes(b"PK\x03\x04")

    def refused(*args, **kwargs):
        raise _os_error(errno.EACCES, 32)

    monkeypatch.setattr(safety.os, "open", refused)
    with pytest.raises(WorkbookRejected) as caught:
        safety.open_regular(path)
    said = caught.value.text("ckb")
    assert said == Message.of("file_unreadable", reason=Message.of("reason_in_use")).text("ckb")
    assert not ENGLISH.search(said)


def test_the_window_import_report_says_the_changed_cells_in_arabic(qtbot, arabic, window, tmp_path, mini_form):
    """Not only the addresses: each change with its field and values, in the window's language."""
    from workbooks import awkward_assessment, edit, export

    from hbm_assess.storage.store import Store

    source = Store.open(tmp_path / "source.sqlite")
    good = export(source, awkward_assessment(source, mini_form), tmp_path / "good.xlsx")
    source.close()
    edited = edit(good, {("Answers", "D3"): 4}, tmp_path / "edited.xlsx")
    with qtbot.waitSignal(window.workbooks.imported, timeout=30_000):
        window.workbooks.import_paths([good])
    with qtbot.waitSignal(window.workbooks.imported, timeout=30_000):
        window.workbooks.import_paths([edited])
    report = window.reports_shown[-1]
    details = report.model.item(0, 2).text().splitlines()
    assert "Answers!D3 (REG-01 — المستوى): 3 ← 4" in details, details
    assert not any(ENGLISH.search(line) for line in details), details


def test_a_bare_system_error_reaching_the_window_is_said_in_its_language():
    """ui/jobs.py shows a worker's error with text_of: an OSError no layer wrapped says its reason and its file."""
    from hbm_assess.core.messages import text_of

    error = _os_error(errno.ENOSPC)
    assert text_of(error, "ar") == "/media/usb/post.xlsx: القرص ممتلئ"
    assert text_of(error, "en") == "/media/usb/post.xlsx: the disk is full"
    assert text_of(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC)), "ckb") == "دیسکەکە پڕە"
    assert text_of(ValueError("as it was"), "ar") == "as it was"


# -- YAML a person wrote (a questionnaire, a workshop's groups): the parser's English said in the language ----------

YAML_MISTAKES = [("notes: see: the law\n", "reason_yaml_colon"), ("area:\n\ttitle: x\n", "reason_yaml_character"),
                 ("area:\n  - x\n y: 2\n", "reason_yaml_indent"), ("- a\nb: 1\n", "reason_yaml_indent"),
                 ("title: \"open\n", "reason_yaml_unclosed"), ("ids: [a, b\n", "reason_yaml_unclosed")]


@pytest.mark.parametrize("loader", ["SafeLoader", "CSafeLoader"])
@pytest.mark.parametrize("text, code", YAML_MISTAKES)
def test_each_common_yaml_mistake_is_a_glossary_reason(text, code, loader):
    import yaml

    if not hasattr(yaml, loader):
        pytest.skip("libyaml is not installed")
    with pytest.raises(yaml.YAMLError) as caught:
        yaml.load(text, Loader=getattr(yaml, loader))
    assert reason(caught.value) == Message.of(code)


def test_a_groups_file_that_is_not_yaml_says_where_and_why_in_sorani():
    from hbm_assess.operations import OperationError, groups_from_yaml

    with pytest.raises(OperationError) as caught:
        groups_from_yaml("- name: A\n  members: Layla: lead\n", "groups.yaml")
    said = caught.value.text("ckb")
    assert "دێڕی 2" in said and Message.of("reason_yaml_colon").text("ckb") in said, said
    assert not ENGLISH.search(said), said


def test_a_questionnaire_indented_with_a_tab_is_said_in_arabic(tmp_path):
    from hbm_assess.core.messages import text_of
    from hbm_assess.core.questionnaire import FormError, load_form

    path = tmp_path / "form.yaml"
    path.write_text("id: f\nareas:\n\t- id: A\n", encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_form(path)
    said = text_of(caught.value, "ar")
    assert Message.of("reason_yaml_character").text("ar") in said and not ENGLISH.search(said), said
