"""The window says errors from below it (exports, storage, workshop rules) in the language of the screens (#16)."""

import pytest
from PySide6.QtWidgets import QMessageBox

FOLDER_MISSING = {"ar": "تعذّرت كتابة {path}: المجلد {folder} غير موجود",
                  "ckb": "ناتوانرێت {path} بنووسرێت: فۆڵدەری {folder} بوونی نییە"}


@pytest.fixture(params=["ar", "ckb"])
def language(request, qapp):
    from hbm_assess.ui import text, translations

    translations.install(qapp, request.param)
    text.set_language(request.param)
    yield request.param
    text.set_language("en")
    translations.install(qapp, "en")


def test_an_export_to_a_missing_folder_is_said_in_the_screens_language(qtbot, language, window, mini_assessment,
                                                                       tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, message: told.append((title, message)))
    path = tmp_path / "gone" / "a.xlsx"
    with qtbot.waitSignal(window.workbooks.failed, timeout=20_000):
        window.workbooks.export(mini_assessment, path)
    # Both paths set apart left to right (Unicode isolates), as the window does in Arabic and Kurdish.
    assert told[0][1] == FOLDER_MISSING[language].format(path=f"\u2066{path}\u2069",
                                                         folder=f"\u2066{path.parent}\u2069")


def test_a_refused_workshop_output_is_said_in_the_screens_language(qtbot, language, store, mini_assessment):
    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workshop_outputs import OutputsView

    view = OutputsView(AssessmentSession(store, mini_assessment))
    qtbot.addWidget(view)
    view.words.setPlainText("Two trainers for the SOP course")
    store.mark_final(mini_assessment)  # on another laptop, say, after this screen was opened
    view.add.click()
    expected = {"ar": "هذا التقييم نهائي؛ أعد فتحه كمسودة لتغييره",
                "ckb": "ئەم هەڵسەنگاندنە کۆتاییە؛ وەک ڕەشنووس دووبارە بیکەرەوە بۆ گۆڕینی"}
    assert view.problem.text() == expected[language]
