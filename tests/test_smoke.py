"""`hbm-assess --smoke`: every part of an installation checked by name, in a temporary folder, without a window."""

import os
import subprocess
import sys
import tempfile

import pytest

from hbm_assess.cli import main
from hbm_assess.core.questionnaire import FormError
from hbm_assess.smoke import CHECKS

NAMES = ["forms", "translations", "fonts", "database", "chart", "workbook", "report", "protection"]


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_the_checks_are_the_ones_the_issue_asks_for():
    # forms and translations in every language, a database, a chart, a workbook round trip, a PDF report.
    assert [name for name, _ in CHECKS] == NAMES


def test_smoke_passes_in_process_and_leaves_the_user_database_and_temp_folder_alone(tmp_path, capsys, monkeypatch):
    user_db = tmp_path / "user" / "assessments.sqlite"
    monkeypatch.setenv("HBM_ASSESS_DB", str(user_db))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    assert main(["--smoke"]) == 0

    lines = _lines(capsys.readouterr().out)
    assert [line.split(":")[0] for line in lines] == [f"ok  {name}" for name in NAMES]
    # forms/ ships hbm-detailed.yaml and hbm-rapid.yaml, each complete in English, Arabic and Kurdish Sorani.
    assert lines[0] == "ok  forms: 2 questionnaires, en ar ckb"
    assert "imported into a second database" in lines[5]
    assert not user_db.exists() and not user_db.parent.exists()
    assert list(scratch.iterdir()) == []  # the temporary folder went away with everything in it


def test_smoke_runs_as_a_program_without_a_display(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env["HBM_ASSESS_DB"] = str(tmp_path / "user.sqlite")
    result = subprocess.run([sys.executable, "-m", "hbm_assess", "--smoke"], capture_output=True, text=True,
                            timeout=300, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert [line.split(":")[0] for line in _lines(result.stdout)] == [f"ok  {name}" for name in NAMES]
    assert not (tmp_path / "user.sqlite").exists()


def test_a_failing_check_is_named_and_exits_1(capsys, monkeypatch):
    def broken():
        raise FormError("forms/hbm-rapid.yaml", ["line 3, column 1: not valid YAML (found a tab)"])

    monkeypatch.setattr("hbm_assess.operations.shipped_forms", broken)

    assert main(["--smoke"]) == 1

    captured = capsys.readouterr()
    lines = _lines(captured.out)
    assert lines[0].startswith("FAIL forms: ")
    assert "hbm-rapid.yaml" in lines[0]
    assert "Traceback" not in captured.out + captured.err
    # The later checks need the forms: they are listed as not run, not reported as passing.
    assert lines[1].split() == ["not", "run:", *[f"{name}," for name in NAMES[1:-1]], NAMES[-1]]
    assert captured.err.strip() == "hbm-assess --smoke: the forms check failed"


def test_a_missing_translation_file_fails_the_translations_check(tmp_path, capsys, monkeypatch):
    # What a bundle built without the .qm files would do.
    monkeypatch.setattr("hbm_assess.ui.translations.compiled_file", lambda language: tmp_path / f"{language}.qm")

    assert main(["--smoke"]) == 1

    lines = _lines(capsys.readouterr().out)
    assert lines[0] == "ok  forms: 2 questionnaires, en ar ckb"
    assert lines[1].startswith("FAIL translations: ar: cannot load ")
    assert str(tmp_path / "ar.qm") in lines[1]


@pytest.mark.parametrize("args", [["--smoke", "demo"], ["--smoke", "list"]])
def test_smoke_refuses_a_command_beside_it(args, capsys):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("hbm-assess: --smoke runs on its own") and len(err.strip().splitlines()) == 1
