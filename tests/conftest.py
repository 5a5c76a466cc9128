"""Shared fixtures: a fresh database per test, the mini questionnaire, Qt offscreen."""

import atexit
import os
import shutil
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
# Never touch the real user database or settings, whatever a test forgets to pass.
_SANDBOX = tempfile.mkdtemp(prefix="hbm-tests-")
atexit.register(shutil.rmtree, _SANDBOX, ignore_errors=True)
os.environ["HBM_ASSESS_DB"] = os.path.join(_SANDBOX, "default.sqlite")
os.environ["XDG_DATA_HOME"] = os.path.join(_SANDBOX, "data")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_SANDBOX, "config")
os.environ["XDG_CACHE_HOME"] = os.path.join(_SANDBOX, "cache")  # the parsed glossary (core/yaml_cache.py)

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from hbm_assess.core.assessment import Assessment, Site  # noqa: E402
from hbm_assess.core.questionnaire import load_form  # noqa: E402
from hbm_assess.storage.store import Store  # noqa: E402

TESTS = Path(__file__).parent
ROOT = TESTS.parent


@pytest.fixture(scope="session")
def mini_form():
    """The mini questionnaire (immutable, so shared by every test)."""
    return load_form(TESTS / "forms" / "mini.yaml")


@pytest.fixture
def store(tmp_path):
    opened = Store.open(tmp_path / "test.sqlite")
    yield opened
    opened.close()


@pytest.fixture
def mini_assessment(store, mini_form):
    """An empty draft assessment of Ibrahim Khalil with the mini form; returns its id."""
    assessment = Assessment(
        form_id=mini_form.id,
        form_version=mini_form.version,
        site=Site("Ibrahim Khalil", "IQ", "land"),
        date="2026-11-20",
        assessors=("Layla Hassan",),
        institutions=("MoI", "BMD"),
        mode=mini_form.mode,
    )
    return store.create_assessment(assessment, mini_form)


@pytest.fixture
def settings_file(tmp_path):
    """The window's remembered settings in a file of the test's own; its path. Test files of the window
    use it for every test (``pytestmark = pytest.mark.usefixtures("settings_file")``)."""
    from hbm_assess.ui import settings

    path = tmp_path / "settings.ini"
    settings.use_file(path)
    yield path
    settings.use_file(None)


@pytest.fixture
def window(qtbot, tmp_path, store, monkeypatch):
    """The main window on the test's store, its settings in tmp_path, the import report kept, not shown.

    Test files that need a different window (test_app.py, the keyboard tests) define their own.
    """
    from hbm_assess.ui import settings, workbooks
    from hbm_assess.ui.main_window import MainWindow

    settings.use_file(tmp_path / "settings.ini")
    shown = []
    monkeypatch.setattr(workbooks.ImportReportDialog, "exec", lambda self: shown.append(self) or 0)
    win = MainWindow(store)
    win.reports_shown = shown
    qtbot.addWidget(win)
    win.show()
    yield win
    settings.use_file(None)


@pytest.fixture
def arabic(qapp):
    """The app's widget texts and words in Arabic for one test, English again after it."""
    from hbm_assess.ui import text, translations

    translations.install(qapp, "ar")
    text.set_language("ar")
    yield
    text.set_language("en")
    translations.install(qapp, "en")
