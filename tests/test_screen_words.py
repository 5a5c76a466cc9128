"""Words on the screens: plural forms through Qt's %n, nothing clipped, means with one decimal."""

import pytest

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.ui import settings, text, translations
from hbm_assess.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def settings_file(tmp_path):
    settings.use_file(tmp_path / "settings.ini")
    yield
    settings.use_file(None)


@pytest.fixture
def speaking(qapp):
    """Start the app's translations as app.py does, in the language asked; English afterwards."""
    def install(language):
        translations.install(qapp, language)
        text.set_language(language)
    yield install
    install("en")


@pytest.fixture
def window(qtbot, store, mini_assessment):
    store.save_answer(mini_assessment, Answer("REG-01", level=1, target=3))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize(("language", "one", "two"), [
    ("en", "1 action · 1 institution", "2 actions · 2 institutions"),
    ("ar", "1 إجراء · 1 جهة", "2 إجراءان · 2 جهتان"),  # Arabic has a form for one and one for two
])
def test_the_plan_footer_uses_plural_forms(speaking, window, store, mini_assessment, language, one, two):
    speaking(language)
    store.save_action(mini_assessment, Action("Draft the SOP", ("REG-01",), responsible="MoI"))
    window.open_assessment(mini_assessment)
    plan = window.assessment_view.plan
    plan.refresh()
    assert plan.total.text() == one
    store.save_action(mini_assessment, Action("Train staff", ("REG-01",), responsible="BMD"))
    plan.refresh()
    assert plan.total.text() == two
