"""Words on the screens: plural forms through Qt's %n, nothing clipped, means with one decimal."""

import pytest
from PySide6.QtCore import Qt

from hbm_assess.core.assessment import Action, Answer
from hbm_assess.ui import text, translations
from hbm_assess.ui.main_window import MainWindow

pytestmark = pytest.mark.usefixtures("settings_file")  # the window's settings in tmp_path (conftest)


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


def _fits(metrics, text: str, width: int, margin: int = 12) -> bool:
    return metrics.horizontalAdvance(text) + margin <= width


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_the_results_table_shows_its_headers_and_level_names_whole(qtbot, speaking, window, store, mini_assessment,
                                                                   language):
    speaking(language)
    store.save_answer(mini_assessment, Answer("OPS-01", level=4, evidence_text="Exercise 2025"))
    window.open_assessment(mini_assessment)
    table = window.assessment_view.results.table
    window.assessment_view.tabs.setCurrentWidget(window.assessment_view.results)
    qtbot.waitUntil(lambda: table.isVisible())
    model, header = table.model(), table.horizontalHeader()
    from PySide6.QtCore import Qt

    from hbm_assess.ui.results import ScoredTableModel
    for column in range(model.columnCount()):
        if column == ScoredTableModel.INDICATOR:
            continue  # it stretches over the rest and elides its long questions on purpose
        title = model.headerData(column, Qt.Orientation.Horizontal)
        assert _fits(header.fontMetrics(), title, header.sectionSize(column), margin=16), title  # المستوى المستهدف
        for row in range(model.rowCount()):
            shown = model.index(row, column).data() or ""
            assert _fits(table.fontMetrics(), str(shown), table.columnWidth(column), margin=6), shown  # 4 · Demon…


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_the_new_assessment_dialog_wraps_long_institution_names(qtbot, speaking, language):
    from PySide6.QtCore import QRect, Qt

    from hbm_assess.operations import shipped_forms
    from hbm_assess.ui.new_assessment import NewAssessmentDialog

    speaking(language)
    dialog = NewAssessmentDialog(shipped_forms())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    listing = dialog.institution_list
    metrics, room = listing.fontMetrics(), listing.viewport().width()
    for row in range(listing.count()):
        item = listing.item(row)
        shown = listing.visualItemRect(item)
        assert shown.right() <= room + 1, item.text()
        needed = metrics.boundingRect(QRect(0, 0, max(1, shown.width() - 30), 10_000),
                                      Qt.TextFlag.TextWordWrap, item.text()).height()
        assert needed <= shown.height() + 2, item.text()  # "…Kurdistan Regional Government (BMD)" whole


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_progress_legend_stays_inside_the_chart(language):
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from hbm_assess.charts.portfolio import progress_chart
    from hbm_assess.operations import shipped_forms

    form = next(f for f in shipped_forms() if len(f.areas) == 5)
    figure = Figure(figsize=(6.4, 4.2), dpi=100)  # the Progress tab at the window's smallest size
    canvas = FigureCanvasAgg(figure)
    series = [(area.title.get(language), [2.0, 2.5, 3.0]) for area in form.areas]
    progress_chart(figure, ["2024", "2025", "2026"], series, language)
    canvas.draw()
    [legend] = [a.get_legend() for a in figure.axes if a.get_legend()]
    box, page = legend.get_window_extent(canvas.get_renderer()), figure.bbox
    assert page.x0 - 0.5 <= box.x0 and box.x1 <= page.x1 + 0.5, (box, page)


@pytest.mark.parametrize(("language", "ministry", "iom"), [
    ("ar", "وزارة الداخلية في إقليم كردستان (KRG MoI)", "المنظمة الدولية للهجرة (IOM)"),
    ("ckb", "وەزارەتی ناوخۆی هەرێمی کوردستان (KRG MoI)", "ڕێکخراوی نێودەوڵەتیی کۆچ (IOM)"),
])
def test_the_plan_names_institutions_in_the_screens_language_with_the_acronym_beside(
        speaking, window, store, mini_assessment, language, ministry, iom):
    speaking(language)
    from PySide6.QtCore import QModelIndex

    from hbm_assess.core.reference import institution_name

    store.save_action(mini_assessment, Action("Draft the SOP", ("REG-01",), responsible="KRG MoI",
                                              partners=("IOM", "UNHCR")))
    window.open_assessment(mini_assessment)
    plan = window.assessment_view.plan
    plan.refresh()
    group = plan.model.item(0, 0)
    assert group.text() == f"{ministry}  (1)"
    assert plan.tree.isFirstColumnSpanned(0, QModelIndex())  # the long name has the table's width
    assert group.child(0, 6).text() == f"{iom}، {institution_name('UNHCR', language)}"


@pytest.mark.parametrize("language", ["ar", "ckb"])
def test_home_and_workshop_headers_are_the_glossarys_words(speaking, window, store, mini_assessment, language,
                                                           monkeypatch):
    from hbm_assess.core.vocabulary import vocabulary
    from hbm_assess.ui.session import AssessmentSession
    from hbm_assess.ui.workshop import SettleView

    speaking(language)
    home_keys = ("site", "form", "date", "status", "completeness", "mean_level")
    settle_keys = ("group", "level", "evidence_text", "notes")

    def headers():
        home = window.home.table.model()
        settle = SettleView(AssessmentSession(store, mini_assessment))
        return ([home.headerData(column, Qt.Orientation.Horizontal) for column in range(home.columnCount())],
                [settle.table.horizontalHeaderItem(column).text() for column in range(settle.table.columnCount())])

    words = vocabulary()
    assert headers() == ([words.word(key, language) for key in home_keys],
                         [words.word(key, language) for key in settle_keys])
    # One home for the words: a change in the glossary shows on both screens (a tr() copy would not follow).
    monkeypatch.setattr(text, "word", lambda key, **values: f"<{key}>")
    assert headers() == ([f"<{key}>" for key in home_keys], [f"<{key}>" for key in settle_keys])
