"""The HQ portfolio view driven through its widgets, offscreen, on demo data and on the two-version mini data."""

import pandas as pd
import portfolio_data
import pytest
from PySide6.QtCore import QDate, QPoint, QPointF, Qt

from hbm_assess.operations import add_demo_assessments
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.store import Store
from hbm_assess.ui.portfolio import PortfolioView
from hbm_assess.ui.portfolio_models import CellModel, ChangesModel, GapsModel, RankingModel

LOAD_MS = 10_000
REFRESH_WAIT_MS = 600  # longer than the pause after a filter change (REFRESH_PAUSE_MS)


@pytest.fixture(scope="module")
def demo_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("portfolio") / "demo.sqlite"
    store = Store.open(path)
    add_demo_assessments(store, count=40)
    store.close()
    return path


@pytest.fixture
def demo(demo_path):
    opened = Store.open(demo_path)
    yield opened
    opened.close()


def open_view(qtbot, store) -> PortfolioView:
    view = PortfolioView(store)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.show()
    return view


def include_everything(qtbot, view) -> None:
    """The two clicks that bring in drafts and other questionnaires or versions (like with like is the default)."""
    for button in (view.include_forms, view.include_drafts):
        if button.isVisible():
            with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
                qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not view.include_forms.isVisible() and not view.include_drafts.isVisible()


def change(qtbot, view, combo, value) -> None:
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        combo.setCurrentIndex(combo.findData(value))


def wait_drawn(qtbot, view) -> None:
    """Until the heatmap's image (drawn in the chart thread) shows the view's figures."""
    qtbot.waitUntil(lambda: view.heatmap._shown is view.data and not view.heat_canvas.busy(), timeout=LOAD_MS)


def cell_point(view, row, column) -> QPoint:
    """A point inside a heatmap cell, away from its number, from where matplotlib put the cell."""
    axes = view._heat_axes
    figure = axes.figure
    ratio = figure.dpi / 100
    x, y = axes.transData.transform((column - 0.3, row - 0.3))
    return QPoint(round(x / ratio), round((figure.bbox.height - y) / ratio))


def mouse(qtbot, view, name, row, column):
    """The mouse moved over (or pressed on) a heatmap cell, as a person does it."""
    wait_drawn(qtbot, view)
    where = cell_point(view, row, column)
    if name == "motion_notify_event":
        qtbot.mouseMove(view.heat_canvas, where)
    else:
        qtbot.mouseClick(view.heat_canvas, Qt.MouseButton.LeftButton, pos=where)


def test_the_view_shows_the_most_used_questionnaire_and_filters_change_it(qtbot, demo):
    view = open_view(qtbot, demo)
    choices = portfolio.choices(demo)
    most_used = max(choices.form_assessments, key=choices.form_assessments.get)
    assert view.current_filter().form_id == most_used
    assert view.current_filter() == portfolio.like_with_like(demo)
    assert view.current_filter().statuses == ("final",) and len(view.current_filter().form_versions) == 1
    out = view.data.scope.assessments_left_out
    national = view.data.scope.national_assessments  # in the National panel, not a post row (#17)
    assert view.data.scope.assessments + national + out.drafts + out.other_forms == sum(
        choices.form_assessments.values())
    assert view.include_drafts.isVisible() == (out.drafts > 0)
    assert view.include_forms.isVisible() == (out.other_forms > 0)
    include_everything(qtbot, view)
    assert view.data.scope.assessments + view.data.scope.national_assessments == sum(
        choices.form_assessments.values())
    change(qtbot, view, view.form, most_used)
    assert view.data.scope.assessments + view.data.scope.national_assessments == choices.form_assessments[most_used]
    expected = portfolio.heatmap(demo, view.current_filter())
    assert [s.key for s in view.data.heatmap.sites] == [s.key for s in expected.sites]
    assert view.data.heatmap.means == expected.means

    change(qtbot, view, view.site_type, "air")
    assert view.data.heatmap.sites and {s.site_type for s in view.data.heatmap.sites} == {"air"}

    change(qtbot, view, view.area, "OPS")
    assert view.data.heatmap.by_indicator and all(c.key.startswith("OPS-") for c in view.data.heatmap.columns)

    change(qtbot, view, view.site_type, "")
    change(qtbot, view, view.form, "")
    assert (view.data.scope.assessments, view.data.scope.national_assessments) == (39, 1)

    before = view.data.scope.assessments
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.date_from.setDate(QDate(2025, 1, 1))
    assert view.current_filter().date_from == "2025-01-01"
    assert 0 < view.data.scope.assessments < before
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.latest_only.setChecked(True)
    assert view.data.scope.assessments == portfolio.scope(demo, view.current_filter()).assessments


def test_hover_and_click_on_a_cell_list_its_assessments_and_double_click_opens_one(qtbot, demo):
    view = open_view(qtbot, demo)
    heat = view.data.heatmap
    row, column = 1, 2
    mouse(qtbot, view, "motion_notify_event", row, column)
    count = heat.counts[row][column]
    assert view.site_label(heat.sites[row]) in view.hover_note.text()
    assert view.hover_note.text().endswith(f": {count}")

    mouse(qtbot, view, "button_press_event", row, column)
    listed = [view.cell_model.row_at(n) for n in range(view.cell_model.rowCount())]
    assert len(listed) == count
    assert {a.id for a in listed} == {a.id for a in portfolio.cell_assessments(
        demo, view.data.filter, heat.sites[row].key, heat.columns[column])}
    assert all(a.site_name == heat.sites[row].name for a in listed)

    table = view.cell_table
    index = table.model().index(0, 0)
    expected = view.cell_model.row_at(table.model().mapToSource(index).row()).id
    where = table.visualRect(index).center()
    with qtbot.waitSignal(view.open_requested) as opened:
        # As a person does it: Qt's item views only take a double-click on the item just pressed.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert opened.args == [expected]


def test_the_note_says_which_indicators_were_left_out_and_why(qtbot, store):
    portfolio_data.build(store)
    view = open_view(qtbot, store)
    # Like with like: version 2.0, final only (ids 2, 4, 5); left out the 1.0 final and the 1.0 draft.
    assert view.scope_note.text().startswith(
        "Assessments: 3 · sites: 3. Left out, so that like is compared with like — drafts: 0; assessments of "
        "other questionnaires or versions: 2.")
    assert view.include_forms.isVisible() and not view.include_drafts.isVisible()
    include_everything(qtbot, view)
    note = view.scope_note.text()
    assert "Assessments: 5 · sites: 3." in note and "like with like" not in note
    assert "Indicators left out of the comparison: 2" in note
    assert "REG-02 (not in version 2.0)" in note and "REG-03 (not in version 1.0)" in note
    assert "Renamed indicators lined up with the newest version: 1." in note
    change(qtbot, view, view.form, "mini")
    change(qtbot, view, view.version, "2.0")
    assert "Indicators left out" not in view.scope_note.text()
    assert "drafts: 0; assessments of other questionnaires or versions: 2." in view.scope_note.text()


def test_progress_tab_draws_by_visit_and_per_site(qtbot, store):
    portfolio_data.build(store)
    view = open_view(qtbot, store)
    include_everything(qtbot, view)
    assert not view.data.progress_loaded and view.changes_model.rowCount() == 0  # computed when first shown
    with qtbot.waitSignal(view.progress_loaded, timeout=LOAD_MS):
        view.tabs.setCurrentWidget(view.progress_tab)
    assert "Sites assessed more than once: 2." in view.changes_text(view.data)
    assert "improved: 3, same: 1, worse: 1, not comparable: 1" in view.changes_text(view.data)
    assert view.changes_note.text() == view.changes_text(view.data)
    assert view.changes_model.rowCount() == 2
    # Progress stays loaded for these filters; a filter change loads it again, the tab being open.
    with qtbot.waitSignal(view.progress_loaded, timeout=LOAD_MS):
        view.latest_only.setChecked(True)
    assert view.data.filter.latest_only and "Sites assessed more than once: 2." in view.changes_note.text()
    view.latest_only.setChecked(False)
    qtbot.waitSignal(view.progress_loaded, timeout=LOAD_MS).wait()
    axes = view.progress_canvas.figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["Baseline", "Follow-up 1"]
    assert len(axes.get_lines()) == 2  # one line per area
    view.progress_site.setCurrentIndex(view.progress_site.findData("IQ-TR"))
    axes = view.progress_canvas.figure.axes[0]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["2024-06-01", "2025-06-01"]


def test_models_pass_the_model_tester(qtbot, qtmodeltester, store):
    ids = portfolio_data.build(store)
    flt = PortfolioFilter()
    label = lambda site: site.name  # noqa: E731
    models = [(RankingModel(label), portfolio.ranking(store, flt)),
              (ChangesModel(label), portfolio.changes(store, flt)),
              (CellModel(), portfolio.cell_assessments(store, flt, "IQ-IK"))]
    for model, rows in models:
        model.set_rows(rows)
        assert model.rowCount() == len(rows) > 0
        qtmodeltester.check(model)
    gaps = GapsModel()
    gaps.set_gaps(portfolio.common_gaps(store, flt), {"REG": "Regulatory framework", "OPS": "Operations"})
    qtmodeltester.check(gaps)
    assert gaps.index(0, GapsModel.WEAK).data() == "1 of 2"
    ranking = models[0][0]
    assert [ranking.index(r, RankingModel.SITE).data() for r in range(3)] == ["Trebil", "Ibrahim Khalil",
                                                                              "Baghdad Airport"]
    assert models[2][0].index(0, CellModel.DATE).data(Qt.ItemDataRole.UserRole + 1) == ids[2]


def test_export_from_the_view_writes_the_filtered_workbook(qtbot, demo, tmp_path):
    view = open_view(qtbot, demo)
    change(qtbot, view, view.area, "REG")
    target = tmp_path / "hq.xlsx"
    job = view.export_to(str(target))
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    data = pd.read_excel(target, sheet_name="Data", skiprows=[1], engine="calamine")
    assert len(data) == portfolio.tidy_row_count(demo, view.current_filter())
    assert set(data["Area id"]) == {"REG"}
    assert "rows of data" in view.busy.text()


def test_export_as_csv_from_the_view_writes_the_filtered_tables(qtbot, demo, tmp_path, monkeypatch):
    view = open_view(qtbot, demo)
    change(qtbot, view, view.area, "OPS")
    monkeypatch.setattr("hbm_assess.ui.portfolio.QFileDialog.getExistingDirectory",
                        lambda *args: str(tmp_path / "tables"))
    view.export_csv_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "tables" / "answers.csv").exists() and "rows of data" in view.busy.text(),
                    timeout=60_000)
    answers = pd.read_csv(tmp_path / "tables" / "answers.csv", encoding="utf-8-sig")
    assert len(answers) == portfolio.tidy_row_count(demo, view.current_filter())
    assert set(answers["area_id"]) == {"OPS"}


def test_closing_while_the_figures_load_waits_for_the_worker(qtbot, demo):
    view = open_view(qtbot, demo)
    include_everything(qtbot, view)  # air sites among them, whatever the demo's versions and statuses
    view.area.setCurrentIndex(view.area.findData("INF"))
    view.refresh()
    assert view._job is not None
    view.close()  # must neither crash nor leave a thread running behind a closed window
    assert not view._job.thread.isRunning()
    view.site_type.setCurrentIndex(view.site_type.findData("air"))
    view.refresh()
    assert view._stale  # a hidden view loads when shown again
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.show()
    assert {s.site_type for s in view.data.heatmap.sites} == {"air"}


# -- the heatmap is drawn in the chart thread and shown as an image (#20) ------------------------------------------

@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_heatmap_image_has_the_size_shown_and_each_cell_where_hit_testing_finds_it(qtbot, demo, language,
                                                                                       request):
    from matplotlib.colors import to_rgb

    from hbm_assess.charts import heat_cells

    if language == "ar":
        request.getfixturevalue("arabic")  # mirrored: the first area on the right
    view = open_view(qtbot, demo)
    wait_drawn(qtbot, view)
    canvas, image = view.heat_canvas, view.heat_canvas.image
    ratio = canvas.devicePixelRatioF()
    assert not image.isNull()
    assert (image.width(), image.height()) == (round(canvas.width() * ratio), round(canvas.height() * ratio))
    heat = view.data.heatmap
    cells = heat_cells(heat.means, heat.counts)
    last_row, last_column = len(heat.sites) - 1, len(heat.columns) - 1
    for row, column in [(0, 0), (1, 2), (last_row, 0), (0, last_column), (last_row, last_column)]:
        point = cell_point(view, row, column)
        assert view.heatmap.cell_at(QPointF(point)) == (row, column)
        assert view.heatmap.grid.rect(row, column).contains(QPointF(point))
        pixel = image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))
        expected = tuple(round(channel * 255) for channel in to_rgb(cells[row][column].colour))
        assert max(abs(a - b) for a, b in zip((pixel.red(), pixel.green(), pixel.blue()), expected,
                                                strict=True)) <= 2, (row, column)


def test_clicking_a_cell_frames_it_and_a_new_drawing_keeps_the_frame(qtbot, demo):
    view = open_view(qtbot, demo)
    mouse(qtbot, view, "button_press_event", 1, 2)
    assert view.heat_canvas.marked == view.heatmap.grid.rect(1, 2)
    before = view.heat_canvas.image.width()
    with qtbot.waitSignal(view.drawn, timeout=LOAD_MS):
        view.resize(view.width() + 120, view.height())  # drawn again, at the new size, after a pause
    assert view.heat_canvas.image.width() == round(view.heat_canvas.width() * view.heat_canvas.devicePixelRatioF())
    assert view.heat_canvas.image.width() > before
    assert view.heat_canvas.marked == view.heatmap.grid.rect(1, 2)


def test_closing_the_view_while_its_heatmap_is_drawn_paints_nothing_into_it(qtbot, demo, monkeypatch):
    import threading

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    from shiboken6 import isValid

    from hbm_assess.ui import chart_image

    view = PortfolioView(demo)  # not given to qtbot: the test deletes it
    view.resize(1280, 820)
    with qtbot.waitSignal(view.drawn, timeout=LOAD_MS):
        view.show()
    drawings = []
    real_render = chart_image.render
    monkeypatch.setattr(chart_image, "render", lambda *a, **k: drawings.append(1) or real_render(*a, **k))
    gate = threading.Event()
    chart_image.renderer().run(gate.wait)  # the chart thread is busy: the next drawing waits its turn
    canvas = view.heat_canvas
    view.heatmap.draw()
    qtbot.waitUntil(lambda: canvas._request is not None)
    view.close()
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not isValid(canvas)
    gate.set()
    chart_image.finish_drawing()
    chart_image.renderer().wait()
    QApplication.processEvents()
    assert drawings == []  # dropped, not drawn for nobody
    assert chart_image.renderer()._waiting == {}


def test_a_filter_changed_while_the_heatmap_is_drawn_shows_the_newer_figures_only(qtbot, demo, monkeypatch):
    import threading

    from hbm_assess.charts.bidi_text import shorten
    from hbm_assess.charts.heatmap import ROW_CHARACTERS
    from hbm_assess.ui import chart_image

    view = open_view(qtbot, demo)
    wait_drawn(qtbot, view)
    drawings, shown = [], []
    real_render = chart_image.render
    monkeypatch.setattr(chart_image, "render", lambda *a, **k: drawings.append(1) or real_render(*a, **k))
    view.drawn.connect(lambda: shown.append(view.data.filter))
    gate = threading.Event()
    chart_image.renderer().run(gate.wait)
    change(qtbot, view, view.site_type, "air")
    qtbot.waitUntil(lambda: view.heat_canvas._request is not None)
    first = view.heat_canvas._request
    change(qtbot, view, view.site_type, "")
    qtbot.waitUntil(lambda: view.heat_canvas._request not in (None, first))
    assert view.heatmap.cell_at(QPointF(cell_point(view, 0, 0))) is None  # the old image: no hover on it
    gate.set()
    wait_drawn(qtbot, view)
    assert shown == [view.data.filter] and view.data.filter.site_types == ()
    assert len(drawings) == 1
    labels = [t.get_text() for t in view._heat_axes.get_yticklabels()]
    assert labels == [shorten(view.site_label(s), ROW_CHARACTERS) for s in view.data.heatmap.sites]
    assert len(labels) > len([s for s in view.data.heatmap.sites if s.site_type == "air"])


# -- opening the view: the figures start first, the other tabs are made when first shown (#20) ---------------------

def test_the_figures_start_loading_as_the_view_is_made_once_for_its_filters(qtbot, demo, monkeypatch):
    from hbm_assess.ui import portfolio as portfolio_view

    asked = []
    real_load_job = portfolio_view.load_job
    monkeypatch.setattr(portfolio_view, "load_job", lambda parent, store, flt: asked.append(flt) or real_load_job(
        parent, store, flt))
    view = PortfolioView(demo)
    qtbot.addWidget(view)
    assert view._job is not None and asked == [view.current_filter()]  # under way while the view is built and shown
    shown = []
    view.loaded.connect(lambda: shown.append(view.data.filter))
    view.resize(1280, 820)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):
        view.show()
    wait_drawn(qtbot, view)
    qtbot.wait(REFRESH_WAIT_MS)  # no second computation follows the first
    assert asked == [view.current_filter()] and shown == [view.current_filter()]


def test_a_filter_changed_before_the_first_figures_arrive_shows_only_the_final_filters(qtbot, demo):
    view = PortfolioView(demo)
    qtbot.addWidget(view)
    shown = []
    view.loaded.connect(lambda: shown.append(view.data.filter))
    view.latest_only.setChecked(True)  # while the first figures are computed
    view.resize(1280, 820)
    view.show()
    qtbot.waitUntil(lambda: view.data is not None and view.data.filter.latest_only, timeout=LOAD_MS)
    wait_drawn(qtbot, view)
    assert view.data.filter == view.current_filter() and view.heatmap._shown is view.data
    assert all(flt == view.current_filter() for flt in shown[1:])
    assert view.data.scope.assessments == portfolio.scope(demo, view.current_filter()).assessments


def test_the_hidden_tabs_are_made_when_first_shown_and_show_the_figures(qtbot, demo, monkeypatch):
    asked = []
    for model in (RankingModel, GapsModel, ChangesModel):
        real = model.data
        monkeypatch.setattr(model, "data", lambda self, *a, real=real: asked.append(1) or real(self, *a))
    view = open_view(qtbot, demo)
    wait_drawn(qtbot, view)
    assert asked == []  # nobody looked at them: their tables did not size themselves to the figures
    bar = view.tabs.tabBar()
    for index, expected in ((1, len(view.data.ranking)), (3, len(view.data.gaps)), (4, len(view.data.national))):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
        assert view.tabs.currentIndex() == index
        page = view.tabs.currentWidget()
        qtbot.waitUntil(page.isVisible)
        assert page.content().table.isVisible() and page.content().model.rowCount() == expected > 0
    ranking = view.ranking_model
    assert [ranking.row_at(n).site.key for n in range(ranking.rowCount())] == [r.site.key for r in view.data.ranking]
    with qtbot.waitSignal(view.progress_loaded, timeout=LOAD_MS):
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(2).center())
    assert view.progress_page.isVisible() and view.changes_note.text() == view.changes_text(view.data)
    with qtbot.waitSignal(view.loaded, timeout=LOAD_MS):  # a made tab follows the filters
        change_site_type = view.site_type.findData("air")
        view.site_type.setCurrentIndex(change_site_type)
    assert view.ranking_model.rowCount() == len(view.data.ranking)


def test_no_garbage_collection_runs_in_the_chart_thread_while_it_draws(qtbot, demo):
    import gc
    import threading

    from hbm_assess import charts

    collected_in = []

    def record(phase, info):
        if phase == "start":
            collected_in.append(threading.current_thread().name)

    def draw(figure):
        garbage = []
        for _ in range(20_000):  # enough new containers to start a collection wherever they are made
            cycle = []
            cycle.append(cycle)
            garbage.append(cycle)
        charts.heatmap(figure, ["a"], ["b"], [[3.0]], [[1]], "en")

    view = open_view(qtbot, demo)
    wait_drawn(qtbot, view)
    gc.callbacks.append(record)
    try:
        with qtbot.waitSignal(view.heat_canvas.drawn, timeout=LOAD_MS):
            view.heat_canvas.show_chart(draw)
    finally:
        gc.callbacks.remove(record)
    assert gc.isenabled()  # handed over: the collector runs again, on the GUI thread's allocations
    assert not [name for name in collected_in if name.startswith("charts")]


def test_the_crossing_points_names_are_read_off_the_gui_thread_as_the_view_opens(qtbot, demo, monkeypatch):
    import threading

    from hbm_assess.core import reference

    threads = []
    real_read = reference.read_list
    monkeypatch.setattr(reference, "read_list",
                        lambda path: threads.append(threading.current_thread().name) or real_read(path))
    reference.crossing_points.cache_clear()
    try:
        view = open_view(qtbot, demo)
        wait_drawn(qtbot, view)
    finally:
        reference.crossing_points.cache_clear()
    assert threads and threading.main_thread().name not in threads
    known = {point.id: point.name.get("en") for point in reference.crossing_points()}
    sites = [site for site in view.data.heatmap.sites if site.key in known]
    assert sites and all(view.site_label(site) == known[site.key] for site in sites)  # the names still shown
