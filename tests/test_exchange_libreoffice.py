"""A workbook re-saved by LibreOffice imports as unchanged; one edited and re-saved lists the edited cells."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from tools import need_command
from workbooks import at, awkward_assessment, edit, export, same_data

from hbm_assess.core.assessment import Answer
from hbm_assess.exchange.importing import import_paths
from hbm_assess.storage.store import Store

pytestmark = pytest.mark.slow


@pytest.fixture
def soffice() -> str:
    """LibreOffice's command: the test is skipped without it, and fails under CI=true."""
    return need_command("soffice", "libreoffice-calc-nogui")


def resave(soffice: str, paths: list[Path], folder: Path, profile: Path) -> list[Path]:
    """Open and save each workbook with LibreOffice Calc, headless, as a person re-saving it would."""
    folder.mkdir()
    # A private profile, so parallel runs and a desktop LibreOffice never share a lock.
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(folder), *map(str, paths)]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=180)
    written = [folder / path.name for path in paths]
    assert all(p.exists() for p in written), f"LibreOffice wrote nothing: {finished.stdout} {finished.stderr}"
    return written


def test_libreoffice_resaved_workbooks_import_unchanged_and_edits_are_listed(tmp_path, mini_form, soffice):
    post = Store.open(tmp_path / "post.sqlite")
    post_id = awkward_assessment(post, mini_form)
    post.save_answer(post_id, Answer("OPS-02", group="Group B", level=2, evidence_text="ب" * 30_000 + "\r\nend",
                                     notes="   ", evidence_reference="0042"))
    english = export(post, post_id, tmp_path / "english.xlsx")
    arabic = export(post, post_id, tmp_path / "arabic.xlsx", "ar")
    evidence = at("evidence_text", 4)
    edited = edit(english, {("Answers", "D3"): 5, ("Answers", evidence): "تم التحقق"}, tmp_path / "edited.xlsx")
    resaved = resave(soffice, [english, arabic, edited], tmp_path / "resaved", tmp_path / "lo-profile")

    hq = Store.open(tmp_path / "hq.sqlite")
    first = import_paths(hq, [resaved[0]]).results[0]
    assert (first.outcome, first.changes, first.edited_outside) == ("imported", [], False), first.message
    same_data(post, post_id, hq, first.assessment_id)
    again = import_paths(hq, [english, resaved[1]]).results
    assert [r.outcome for r in again] == ["unchanged", "unchanged"], [r.message for r in again]

    changed = import_paths(hq, [resaved[2]]).results[0]
    assert changed.outcome == "updated" and changed.edited_outside, changed.message
    assert sorted(changed.changed_cells) == ["Answers!D3", f"Answers!{evidence}"]
    assert hq.answers(first.assessment_id)["REG-01"].level == 5
    assert hq.answers(first.assessment_id)["REG-02"].evidence_text == "تم التحقق"
    assert hq.answers(first.assessment_id, "Group B")["OPS-02"].evidence_text.endswith("\r\nend")
    post.close()
    hq.close()
