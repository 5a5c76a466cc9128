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


LRI, PDI = "\u2066", "\u2069"


def test_in_a_window_a_path_inside_arabic_or_kurdish_is_set_apart_left_to_right():
    """Seen in a real window: "/tmp/x.sqlite" inside Kurdish showed as "tmp/x.sqlite/" (#19, #20 seventh session)."""
    from hbm_assess.core.messages import Line
    from hbm_assess.core.questionnaire import FormError

    busy = Problem(Message.of("database_busy", path="/tmp/x.sqlite", seconds=5, who="another program"))
    for language in ("ar", "ckb"):
        said = text_of(busy, language, paths_isolated=True)
        assert f"{LRI}/tmp/x.sqlite{PDI}" in said and said.count(LRI) == said.count(PDI) == 1
        assert said.replace(LRI, "").replace(PDI, "") == text_of(busy, language)  # nothing else changes
        # A system error names its file; a message inside another says its path the same way.
        denied = PermissionError(13, "Permission denied", "/data/حدود/x.xlsx")
        assert text_of(denied, language, paths_isolated=True).startswith(f"{LRI}/data/حدود/x.xlsx{PDI}: ")
        nested = Problem(Message.of("write_folder_refused", folder="/srv/out", reason=busy.message))
        assert text_of(nested, language, paths_isolated=True).count(LRI) == 2  # the folder and the inner path
        assert f"{LRI}/tmp/x.sqlite{PDI}" in text_of(nested, language, paths_isolated=True)
        form = FormError("forms/x.yaml", [Line(Message.of("form_not_a_mapping", place="areas"))])
        assert text_of(form, language, paths_isolated=True).startswith(f"{LRI}forms/x.yaml{PDI}: ")
    # English needs no isolates; the command line (no paths_isolated) keeps its words free of invisible characters.
    assert LRI not in text_of(busy, "en", paths_isolated=True)
    assert LRI not in text_of(busy, "ar")


def test_the_window_says_where_an_upgraded_database_was_kept_with_its_paths_left_to_right(
        qtbot, arabic, window, store, monkeypatch, tmp_path):
    from types import SimpleNamespace

    from hbm_assess.ui import app

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, message: told.append(message))
    monkeypatch.setattr(store, "open_report", SimpleNamespace(moved_aside=None, backup=tmp_path / "x.before-v14.bak"))
    app.tell_what_happened_on_open(window, store, tmp_path / "x.sqlite")
    assert f"{LRI}{tmp_path / 'x.sqlite'}{PDI}" in told[0] and f"{LRI}{tmp_path / 'x.before-v14.bak'}{PDI}" in told[0]


def test_every_problem_can_say_itself_with_its_paths_set_apart():
    """Told and text_of pass paths_isolated to any Problem: an override without it failed (TypeError) at once."""
    import importlib
    import inspect
    import pkgutil

    import hbm_assess

    for module in pkgutil.walk_packages(hbm_assess.__path__, "hbm_assess."):
        if not module.name.startswith(("hbm_assess.ui", "hbm_assess.charts")) and not module.name.endswith("__main__"):
            importlib.import_module(module.name)

    def every(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from every(sub)

    found = list(every(Problem))
    assert len(found) > 10
    for cls in found:
        assert "paths_isolated" in inspect.signature(cls.text).parameters, cls
