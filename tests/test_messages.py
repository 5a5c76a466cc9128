"""Messages as data: errors from below the window carry a code and values, said in the person's language."""

import pytest
from PySide6.QtWidgets import QMessageBox

from hbm_assess.cli import main
from hbm_assess.core.messages import Message, Problem, text_of
from hbm_assess.exchange.safety import WorkbookRejected

CSV = {"en": "this is a text (CSV) file renamed to a workbook name, not an Excel workbook",
       "ar": "هذا ملف نصي (CSV) أُعطي اسم مصنف، وليس مصنف Excel",
       "ckb": "ئەمە فایلێکی دەقییە (CSV) کە ناوی کتێبی ئێکسڵی لێنراوە، نەک کتێبێکی Excel"}


def test_a_message_keeps_its_english_for_logs_and_is_said_in_each_language():
    error = WorkbookRejected(Message.of("level_out_of_range", place="Answers!D3", level=7))
    assert str(error) == "Answers!D3: level 7 is not between 1 and 5"
    assert text_of(error, "ar") == "Answers!D3: المستوى 7 ليس بين 1 و5"
    assert text_of(error, "ckb") == "Answers!D3: ئاستی 7 لە نێوان 1 و 5 دا نییە"
    assert text_of(Problem("not yet in the glossary"), "ar") == "not yet in the glossary"


@pytest.fixture
def bad_files(tmp_path):
    (tmp_path / "bad.xlsx").write_bytes(b"site,indicator,level\nSafwan,OPS-01,3\n")
    (tmp_path / "notes.txt").write_text("hello")
    return tmp_path


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_the_command_line_says_an_import_problem_in_the_language_asked(tmp_path, bad_files, capsys, language):
    db = str(tmp_path / "db.sqlite")
    assert main(["--db", db, "--lang", language, "import", str(bad_files / "bad.xlsx")]) == 1
    out = capsys.readouterr().out
    assert CSV[language] in out
    assert main(["--db", db, "--lang", language, "import", str(bad_files / "notes.txt")]) == 0
    skipped = {"en": "not a workbook (.txt); skipped", "ar": "ليس مصنفًا (.txt)؛ تم تخطيه",
               "ckb": "کتێبی ئێکسڵ نییە (.txt)؛ پشتگوێ خرا"}
    assert skipped[language] in capsys.readouterr().out


def test_the_command_line_says_a_missing_assessment_in_kurdish(tmp_path, store, capsys):
    db = str(tmp_path / "test.sqlite")  # the store fixture's database, with no assessment 99
    assert main(["--db", db, "--lang", "ckb", "report", "99", "-o", str(tmp_path / "r.pdf")]) != 0
    assert "هیچ هەڵسەنگاندنێک بە ژمارەی 99 لەم بنکەدراوەیەدا نییە" in capsys.readouterr().err



def test_the_window_shows_an_import_problem_in_arabic(qtbot, arabic, window, bad_files):
    with qtbot.waitSignal(window.workbooks.imported, timeout=20_000):
        window.workbooks.import_paths([bad_files / "bad.xlsx"])
    dialog = window.reports_shown[0]
    details = dialog.model.item(0, 2).text()
    assert CSV["ar"] in details


def test_the_undo_text_for_deleting_an_assessment_is_translated(qtbot, arabic, window):
    from hbm_assess.ui.main_window import DeleteAssessment

    command = DeleteAssessment(window, 1, "إبراهيم الخليل")
    assert command.text() == "حذف تقييم إبراهيم الخليل"


def test_the_crash_recovery_notice_is_translated(qtbot, arabic, window, store, mini_assessment, monkeypatch):
    from hbm_assess.ui import app

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, message: told.append((title, message)))
    app._recover(window, mini_assessment, "REG-01")
    assert told and told[0][0] == "أُعيد الفتح بعد توقف غير متوقع"
    assert "لم يُغلَق HBM Assess بشكل صحيح" in told[0][1] and "REG-01" in told[0][1]
