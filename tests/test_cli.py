"""The command line is a public interface: names, output, exit codes."""

import json
import subprocess
import sys

import pytest

from hbm_assess import __version__
from hbm_assess.cli import main
from hbm_assess.locations import forms_dir
from hbm_assess.storage.store import Store

TESTS_FORMS = __import__("pathlib").Path(__file__).parent / "forms"


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_list_shows_the_demo(tmp_path, capsys):
    db = tmp_path / "demo.sqlite"
    code, out, _ = run(capsys, "--db", db, "demo", "--count", 3, "--seed", 5)
    assert code == 0 and "Added 3 demo assessments" in out
    code, out, _ = run(capsys, "--db", db, "list", "--json")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 3
    assert {"id", "site", "form", "date", "status", "completeness", "mean_level"} <= set(rows[0])
    assert all(row["answered"] <= row["indicators"] for row in rows)
    code, out, _ = run(capsys, "--db", db, "list")
    assert rows[0]["site"] in out and "Mean level" in out


def test_demo_is_deterministic_for_a_seed(tmp_path, capsys):
    lists = []
    for name in ("a", "b"):
        db = tmp_path / f"{name}.sqlite"
        run(capsys, "--db", db, "demo", "--count", 4, "--seed", 11)
        run(capsys, "--db", db, "list", "--json")
        code = main(["--db", str(db), "list", "--json"])
        lists.append(json.loads(capsys.readouterr().out))
        assert code == 0
    assert lists[0] == lists[1]


def test_demo_covers_na_unknown_evidence_and_actions(tmp_path, capsys):
    from hbm_assess.storage.store import Store

    db = tmp_path / "demo.sqlite"
    run(capsys, "--db", db, "demo", "--count", 12)
    store = Store.open(db)
    rows = store.list_assessments()
    answers = [a for r in rows for a in store.answers(r.id).values()]
    assert {a.special for a in answers} >= {"na", "unknown"}
    assert {a.level for a in answers} >= {1, 2, 3, 4, 5}
    assert any(a.evidence_text for a in answers)
    assert any(store.actions(r.id) for r in rows)
    assert len({r.site_name for r in rows}) == 9  # eight sites (three followed up) and the national workshop
    store.close()


def test_list_on_an_empty_database_says_what_to_do(tmp_path, capsys):
    db = tmp_path / "new.sqlite"
    Store.open(db).close()
    code, out, _ = run(capsys, "--db", db, "list")
    assert code == 0 and "hbm-assess demo" in out


@pytest.mark.parametrize("command", [["list"], ["export", "1", "-o", "x.xlsx"], ["report", "1", "-o", "x.pdf"],
                                     ["export-portfolio", "-o", "p.xlsx"], ["export", "--all", "-o", "out"]])
def test_commands_that_read_refuse_a_missing_database_and_create_nothing(tmp_path, capsys, monkeypatch, command):
    # They used to create the folders and an empty database at a mistyped path, and exit 0.
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "typo" / "assessments.sqlite"
    code, out, err = run(capsys, "--db", db, *command)
    assert code == 2 and out == ""
    assert err.strip() == (f"hbm-assess: there is no database at {db}; create one with "
                           f"`hbm-assess --db {db} demo` or open the app")
    assert list(tmp_path.iterdir()) == []


def test_environment_variable_names_the_database(tmp_path, capsys, monkeypatch):
    db = tmp_path / "env.sqlite"
    monkeypatch.setenv("HBM_ASSESS_DB", str(db))
    run(capsys, "demo")
    assert db.exists()


def test_form_check_passes_the_shipped_forms(capsys):
    paths = sorted(forms_dir().glob("*.yaml"))
    code, out, _ = run(capsys, "form", "check", *paths)
    assert code == 0
    oks = [line for line in out.splitlines() if ": ok — " in line]
    warnings = [line for line in out.splitlines() if ": warning: " in line]
    assert len(oks) == len(paths) and len(oks) + len(warnings) == len(out.splitlines())
    # 1.0 stays as published (its text is what old workbooks hash); 1.1 writes every term one way
    assert all("-1.1.yaml" not in line for line in warnings) and "missing" not in out


def test_form_check_warns_on_a_variant_spelling_and_eastern_digits(tmp_path, capsys):
    form = tmp_path / "variant.yaml"
    text = (forms_dir() / "hbm-detailed-1.1.yaml").read_text(encoding="utf-8")
    form.write_text(text.replace("إقليم كردستان", "إقليم كوردستان", 1).replace("مدار 24 ساعة", "مدار ٢٤ ساعة", 1)
                    .replace("الجمارك", "الكمارك", 1), encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", form)
    assert code == 0, "a warning, not a failure"
    warnings = [line.split(": warning: ")[1] for line in out.splitlines() if ": warning: " in line]
    assert any(w.endswith("'كوردستان' — write 'كردستان' (preferred term: kurdistan)") for w in warnings), warnings
    assert any(w.endswith("'الكمارك' — write 'الجمارك' (preferred term: customs)") for w in warnings), warnings
    assert any(w.endswith("› ar: digits ٢٤ — write 0-9 in every language") for w in warnings), warnings
    assert len(warnings) == 3


def test_form_check_reports_each_problem_and_fails(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    text = (TESTS_FORMS / "mini.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("id: OPS-02", "id: OPS-01").replace("phases: [pre-crisis]", "phases: [later]"),
                      encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", broken)
    assert code == 1
    assert f"{broken}: OPS-01: duplicate indicator id" in out
    assert f"{broken}: REG-01 › phases: 'later' is unknown" in out


def test_form_list_shows_installed_forms(capsys):
    code, out, _ = run(capsys, "form", "list", "--json")
    forms = {f["id"]: f for f in json.loads(out)}
    assert code == 0 and forms["hbm-detailed"]["indicators"] >= 40
    assert "ar" in forms["hbm-rapid"]["languages"]


def test_database_too_new_is_one_line_not_a_traceback(tmp_path, capsys):
    import sqlite3

    db = tmp_path / "future.sqlite"
    sqlite3.connect(db).execute("PRAGMA user_version = 99").connection.close()
    code, _out, err = run(capsys, "--db", db, "list")
    assert code == 2 and err.count("\n") == 1 and "newer version" in err and "Traceback" not in err


def test_unwritable_database_location_is_a_clear_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, _, err = run(capsys, "--db", blocker / "sub" / "db.sqlite", "demo")
    assert code == 2 and f"cannot create the folder for {blocker / 'sub' / 'db.sqlite'}:" in err
    assert err.count("\n") == 1 and blocker.read_text() == "x"


@pytest.mark.parametrize("args", [["--version"], ["demo", "--count", "0"], ["nonsense"]])
def test_console_entry_point(args):
    result = subprocess.run([sys.executable, "-m", "hbm_assess", *args], capture_output=True, text=True, timeout=60)
    if args == ["--version"]:
        assert result.returncode == 0 and result.stdout.strip() == f"hbm-assess {__version__}"
    else:
        assert result.returncode == 2 and "Traceback" not in result.stderr


def test_form_check_reports_missing_translations_per_language(tmp_path, capsys):
    partial = tmp_path / "partial.yaml"
    text = (TESTS_FORMS / "mini.yaml").read_text(encoding="utf-8")
    partial.write_text(text.replace('label: {en: "Crisis SOPs", ar: "إجراءات الأزمات"}',
                                    'label: {en: "Crisis SOPs", ar: "إجراءات الأزمات", ckb: "ڕێکارەکانی قەیران"}'),
                       encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", partial)
    assert code == 0
    total = 1 + 2 + 4 * 7  # title, two area titles, four indicators × (label, guidance, five levels)
    assert f"ckb: {total - 1} of {total} texts missing, shown in English" in out


def test_language_may_follow_the_command_as_the_issues_write_it(tmp_path, capsys):
    db = tmp_path / "lang.sqlite"
    run(capsys, "--db", db, "demo")
    code, _, _ = run(capsys, "--db", db, "report", "1", "-o", tmp_path / "r.pdf", "--lang", "ar")
    assert code == 0 and (tmp_path / "r.pdf").exists()
    assert main(["--lang", "fr", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "must be en, ar or ckb, not 'fr'" in err


def test_form_check_names_the_file_and_indicator_of_a_primary_phase_not_among_its_tags(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    text = (TESTS_FORMS / "mini.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("phases: [pre-crisis]", "phase: emergency\n        phases: [pre-crisis]\n"
                                   "        scope: country", 1), encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", broken)
    assert code == 1
    assert (f"{broken}: REG-01 › phase: the primary phase 'emergency' must also be listed in phases (pre-crisis)"
            in out)
    assert f"{broken}: REG-01 › scope: 'country' is unknown" in out


def test_form_check_follows_summarises_into_the_detailed_form(tmp_path, capsys):
    rapid = tmp_path / "rapid.yaml"
    text = (forms_dir() / "hbm-rapid-1.1.yaml").read_text(encoding="utf-8")
    rapid.write_text(text.replace("summarises: [REG-07]", "summarises: [REG-07, REG-70]"), encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", rapid)
    assert code == 1 and out == f"{rapid}: REG-R4 › summarises: REG-70 not in hbm-detailed 1.1\n"
    rapid.write_text(text.replace('version: "1.1"}', 'version: "9.9"}'), encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", rapid)
    assert code == 1 and "detailed_form: hbm-detailed 9.9 is not installed" in out
    detailed = tmp_path / "detailed-9.9.yaml"
    detailed.write_text((forms_dir() / "hbm-detailed-1.1.yaml").read_text(encoding="utf-8").replace(
        'version: "1.1"', 'version: "9.9"'), encoding="utf-8")
    code, out, _ = run(capsys, "form", "check", rapid, detailed)
    assert code == 0, "a detailed form checked beside the rapid one counts"
