"""The HQ portfolio view: compare border posts and track progress across every assessment in the database.

A view: the figures come from storage.portfolio (in a worker thread, ui.portfolio_jobs);
the filters, the heatmap and the progress tab are widgets of their own.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.reference import crossing_points
from hbm_assess.core.text import Text
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import Column, PortfolioData, SiteRow
from hbm_assess.storage.store import Store
from hbm_assess.ui import text
from hbm_assess.ui.jobs import Job
from hbm_assess.ui.portfolio_filters import PortfolioFilters
from hbm_assess.ui.portfolio_heatmap import HeatmapPanel
from hbm_assess.ui.portfolio_jobs import export_job, load_job, progress_job
from hbm_assess.ui.portfolio_models import GapsModel, NationalModel, RankingModel, sortable_table
from hbm_assess.ui.portfolio_pages import LazyPage, TablePage
from hbm_assess.ui.portfolio_progress import ProgressPanel

REFRESH_PAUSE_MS = 250  # several filter changes in a row load once


def _count(number: int) -> str:
    """A whole number in the digits of the app's language."""
    return QLocale().toString(number)


def _reference_names() -> dict[str, Text]:
    """Names of the known crossing points in every language, by reference id."""
    try:
        return {point.id: point.name for point in crossing_points()}
    except (OSError, KeyError, TypeError):
        return {}  # without the reference list, sites keep the names they were assessed under


class PortfolioView(QWidget):
    """Heatmap, ranking, progress and common gaps over every assessment the filters select."""

    open_requested = Signal(int)  # an assessment id
    loaded = Signal()             # the figures on screen match the filters
    progress_loaded = Signal()    # the Progress tab's figures (loaded when it is first shown) match them too
    drawn = Signal()              # the heatmap's image on screen shows the figures (drawn in the chart thread)

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.data: PortfolioData | None = None
        self._names: dict[str, Text] | None = None  # read when first needed (the worker reads them first)
        self._job: Job | None = None
        self._progress_job: Job | None = None
        self._pending = False
        self._stale = True
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self.busy = QLabel(self)
        # The figures start first, for the filters the view opens with (#20): the worker reads the
        # database while this thread reads the filter choices and builds and shows the rest.
        start = portfolio.like_with_like(store)
        self._load(start)
        self.choices = portfolio.choices(store)
        self.filters = PortfolioFilters(store, self.choices, self, start)
        self.filters.changed.connect(self._on_filter_changed)
        if self.current_filter() != start:
            self._pending = True  # the widgets could not show that filter: the figures load again for theirs
        f = self.filters  # the filter widgets, by the names the tests and the screenshots use
        self.country, self.site_type, self.form, self.version = f.country, f.site_type, f.form, f.version
        self.status, self.area, self.date_from, self.date_to = f.status, f.area, f.date_from, f.date_to
        self.latest_only, self.include_drafts, self.include_forms = f.latest_only, f.include_drafts, f.include_forms
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_csv_button = QPushButton(self.tr("Export as CSV tables…"), self)
        self.export_csv_button.setToolTip(self.tr("A long table of answers and the tables it refers to, at any size, "
                                                  "for Power BI, pandas or DuckDB (docs/hq-data.md)"))
        self.export_csv_button.clicked.connect(self._on_export_csv_clicked)
        for widget in (self.busy, self.export_button, self.export_csv_button):
            f.bottom.addWidget(widget)
        self.scope_note = QLabel(self)
        self.scope_note.setWordWrap(True)
        self.scope_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heatmap = HeatmapPanel(store, self.site_label, self.column_label, self)
        self.heatmap.open_requested.connect(self.open_requested)
        self.heatmap.canvas.drawn.connect(self.drawn)
        self.heat_canvas, self.hover_note = self.heatmap.canvas, self.heatmap.hover_note
        self.cell_model, self.cell_table, self.cell_caption = (self.heatmap.cell_model, self.heatmap.cell_table,
                                                               self.heatmap.cell_caption)
        # The other tabs are made when first shown (#20): their tables sized themselves to the
        # figures on every load (~10,000 calls into their models) although nobody looked at them.
        self.ranking_page = LazyPage(self._ranking_tab, lambda: self.data, self)
        self.progress_tab = LazyPage(self._progress_tab, lambda: self.data, self)
        self.gaps_page = LazyPage(self._gaps_tab, lambda: self.data, self)
        self.national_page = LazyPage(self._national_tab, lambda: self.data, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.heatmap, text.word("heatmap"))
        self.tabs.addTab(self.ranking_page, text.word("ranking"))
        self.tabs.addTab(self.progress_tab, text.word("progress"))
        self.tabs.addTab(self.gaps_page, text.word("common_gaps"))
        self.tabs.addTab(self.national_page, text.word("scopes.national"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.tabs, 1)
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # -- the tabs made when first shown: their widgets by the names the tests and screenshots use --

    @property
    def ranking_model(self) -> RankingModel:
        return self.ranking_page.content().model

    @property
    def ranking_table(self) -> QTableView:
        return self.ranking_page.content().table

    @property
    def gaps_model(self) -> GapsModel:
        return self.gaps_page.content().model

    @property
    def gaps_table(self) -> QTableView:
        return self.gaps_page.content().table

    @property
    def national_model(self) -> NationalModel:
        return self.national_page.content().model

    @property
    def national_table(self) -> QTableView:
        return self.national_page.content().table

    @property
    def progress_page(self) -> ProgressPanel:
        return self.progress_tab.content()

    @property
    def progress_canvas(self):
        return self.progress_page.canvas

    @property
    def progress_site(self):
        return self.progress_page.site

    @property
    def changes_model(self):
        return self.progress_page.changes_model

    @property
    def changes_table(self):
        return self.progress_page.changes_table

    @property
    def changes_note(self):
        return self.progress_page.changes_note

    @property
    def names(self) -> dict[str, Text]:
        """Names of the known crossing points in every language, by reference id."""
        if self._names is None:
            self._names = _reference_names()
        return self._names

    @property
    def _heat_axes(self):
        return self.heatmap.axes

    def current_filter(self) -> portfolio.PortfolioFilter:
        """The filter the widgets describe."""
        return self.filters.current_filter()

    def _on_filter_changed(self, *args) -> None:
        self._refresh_timer.start()

    # -- loading ---------------------------------------------------------------

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def hideEvent(self, event) -> None:
        # A worker thread must not outlive the window it reports to.
        self.wait_for_loading()
        super().hideEvent(event)

    def refresh(self) -> None:
        """Compute the figures for the current filters in a worker thread; ``loaded`` says when shown."""
        self._refresh_timer.stop()  # this load reads the filters as they are now
        if not self.isVisible():
            self._stale = True  # loaded when shown: no worker thread for a view nobody sees
            return
        self._load()

    def _load(self, flt: portfolio.PortfolioFilter | None = None) -> None:
        self._stale = False
        if self._job is not None:
            self._pending = True
            return
        self.busy.setText(self.tr("Updating…"))
        self._job = load_job(self, self.store, flt or self.current_filter())
        self._job.finished.connect(self._on_loaded)
        self._job.failed.connect(self._on_load_failed)
        self._job.start()

    def wait_for_loading(self) -> None:
        """Let a running computation finish (used when the view closes)."""
        for job in (self._job, self._progress_job):
            if job is not None:
                job.thread.quit()
                job.thread.wait()

    def _end_job(self) -> bool:
        """Forget the finished job; True when the filters changed meanwhile and it must run again."""
        self._job.deleteLater()
        self._job = None
        self.busy.setText("")
        if self._pending:
            self._pending = False
            self.refresh()
            return True
        return False

    def _on_load_failed(self, message: str) -> None:
        if not self._end_job():
            self.scope_note.setText(self.tr("The figures could not be computed: %1").replace("%1", message))

    def _on_loaded(self, data: PortfolioData) -> None:
        if self._end_job():
            return
        self.data = data
        self.scope_note.setText(self.scope_text(data))
        self.filters.show_left_out(data.scope.assessments_left_out)
        self.heatmap.show_data(data)
        for page in (self.ranking_page, self.gaps_page, self.national_page, self.progress_tab):
            if page.is_made():
                page.fill(data)
        self.loaded.emit()
        if self.tabs.currentWidget() is self.progress_tab:
            self._load_progress()

    def _show_progress(self) -> None:
        if self.progress_tab.is_made():
            self.progress_page.show_data(self.data, self.tabs.currentWidget() is self.progress_tab)

    def _load_progress(self) -> None:
        """Compute the figures over time (every visit of each site) in a worker thread, once per filter."""
        if self.data is None or self.data.progress_loaded or self._progress_job is not None:
            return
        self._progress_job = progress_job(self, self.store, self.data.filter)
        self._progress_job.finished.connect(self._on_progress_loaded)
        self._progress_job.failed.connect(self._on_progress_failed)
        self._progress_job.start()

    def _on_progress_loaded(self, result) -> None:
        self._progress_job.deleteLater()
        self._progress_job = None
        flt, progress = result
        if self.data is None or self.data.filter != flt:
            self._load_progress()  # the filters changed meanwhile
            return
        self.data = portfolio.with_progress(self.data, progress)
        self._show_progress()
        self.progress_loaded.emit()

    def _on_progress_failed(self, message: str) -> None:
        self._progress_job.deleteLater()
        self._progress_job = None
        self.progress_page.show_failure(message)

    def _on_tab_changed(self, index: int) -> None:
        # Figures nobody looks at are neither computed nor drawn: progress waits for its tab.
        if self.tabs.widget(index) is not self.progress_tab:
            return
        if self.data is not None and not self.data.progress_loaded:
            self._load_progress()
        elif self.progress_page.stale:
            self.progress_page.draw()

    # -- texts -------------------------------------------------------------------

    def site_label(self, site: SiteRow) -> str:
        """A site's name in the app's language when it is a known crossing point."""
        name = self.names.get(site.key)
        return name.get(text.language()) if name else site.name

    def column_label(self, column: Column) -> str:
        label = column.label.get(text.language())
        return f"{column.key} {label}" if self.data and self.data.heatmap.by_indicator else label

    def scope_text(self, data: PortfolioData) -> str:
        """What the figures cover and what the comparison left out, and why."""
        scope = data.scope
        parts = [self.tr("Assessments: %1 · sites: %2.").replace("%1", _count(scope.assessments))
                 .replace("%2", _count(scope.sites))]
        if data.national or scope.national_assessments:
            parts.append(self.tr("Posts are compared on post-level indicators; national indicators are shown once "
                                 "per country in the National tab (national assessments selected: %1).")
                         .replace("%1", _count(scope.national_assessments)))
        out = scope.assessments_left_out
        if out.drafts or out.other_forms:
            parts.append(self.tr("Left out, so that like is compared with like — drafts: %1; assessments of other "
                                 "questionnaires or versions: %2.").replace("%1", _count(out.drafts))
                         .replace("%2", _count(out.other_forms)))
        left_out = scope.left_out
        if left_out:
            details = "; ".join(
                self.tr("%1 (not in version %2)").replace("%1", item.indicator_id).replace(
                    "%2", ", ".join(item.missing_from))
                for item in left_out)
            parts.append(self.tr("Indicators left out of the comparison: %1, because not every version of the "
                                 "questionnaire asks them — %2.").replace("%1", _count(len(left_out)))
                         .replace("%2", details))
        if scope.renamed:
            parts.append(self.tr("Renamed indicators lined up with the newest version: %1.")
                         .replace("%1", _count(scope.renamed)))
        if scope.not_applicable or scope.unknown:
            parts.append(self.tr("Not counted as scores: %1 Not applicable and %2 Unknown answers.")
                         .replace("%1", _count(scope.not_applicable)).replace("%2", _count(scope.unknown)))
        return " ".join(parts)

    def changes_text(self, data: PortfolioData) -> str:
        return self.progress_page.changes_text(data)

    # -- ranking, gaps, national, progress: made when first shown ---------------------

    def _ranking_tab(self) -> TablePage:
        model = RankingModel(self.site_label, self)
        note = QLabel(self.tr("Mean level over every scored answer of the site; gap = target − level, the target "
                              "being the one entered, else the indicator's default, else one level up."), self)
        return TablePage(note, model, sortable_table(model, self), lambda data: model.set_rows(data.ranking))

    def _gaps_tab(self) -> TablePage:
        model = GapsModel(self)
        table = sortable_table(model, self, GapsModel.SHARE, Qt.SortOrder.DescendingOrder)
        table.horizontalHeader().setSectionResizeMode(GapsModel.INDICATOR, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("A site is weak on an indicator at level 1 or 2 in its latest assessment. An indicator "
                              "weak almost everywhere calls for a national action rather than one post's."), self)
        return TablePage(note, model, table, lambda data: model.set_gaps(
            data.gaps, {a.key: a.label.get(text.language()) for a in data.areas}))

    def _national_tab(self) -> TablePage:
        model = NationalModel(self)
        table = sortable_table(model, self)
        table.horizontalHeader().setSectionResizeMode(NationalModel.INDICATOR, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("Laws, national bodies and national systems are scored once per country, not post by "
                              "post: they are left out of the heatmap, the ranking and the common gaps. Each level "
                              "comes from the country's newest final national assessment; where there is none, it "
                              "is the mean of the posts' own views of the national matter, and says so."), self)
        return TablePage(note, model, table, lambda data: model.set_national(
            data.national, self._national_area_titles(data)))

    def _progress_tab(self) -> ProgressPanel:
        panel = ProgressPanel(self.site_label, self)
        panel.fill = lambda data: panel.show_data(data, self.tabs.currentWidget() is self.progress_tab)
        return panel

    def _national_area_titles(self, data: PortfolioData) -> dict[str, str]:
        # Areas holding only national indicators are not heatmap columns: their titles come from the forms.
        titles = {a.key: a.label.get(text.language()) for a in self.choices.areas}
        titles.update({a.key: a.label.get(text.language()) for a in data.areas})
        return titles

    # -- export --------------------------------------------------------------------

    def _on_export_clicked(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the portfolio"), "portfolio.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(path)

    def _on_export_csv_clicked(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a folder for the CSV tables"))
        if folder:
            self.export_to(folder, csv=True)

    def export_to(self, path: str, csv: bool = False) -> Job:
        """Write the workbook (or, with ``csv``, the CSV tables) for the current filters, off the GUI thread."""
        job = export_job(self, self.store, self.current_filter(), path, csv)
        job.finished.connect(lambda rows: self.busy.setText(
            self.tr("Exported to %1 (rows of data: %2)").replace("%1", text.path(path)).replace("%2", _count(rows))))
        job.failed.connect(lambda message: self.busy.setText(
            self.tr("The export failed: %1").replace("%1", message)))
        job.start()
        return job
