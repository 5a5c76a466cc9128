"""The HQ portfolio view: compare border posts and track progress across every assessment in the database."""

from __future__ import annotations

from PySide6.QtCore import QDate, QLocale, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.reference import crossing_points
from hbm_assess.core.text import Text
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import Column, PortfolioData, PortfolioFilter, SiteRow
from hbm_assess.storage.portfolio_series import change_totals, site_series, visit_series
from hbm_assess.storage.store import Store
from hbm_assess.ui import text
from hbm_assess.ui.jobs import Job
from hbm_assess.ui.portfolio_models import SORT_ROLE, CellModel, ChangesModel, GapsModel, RankingModel

REFRESH_PAUSE_MS = 250  # several filter changes in a row load once
ROW_HEIGHT_PX = 24      # per heatmap row, so site names stay legible however many sites there are
HEATMAP_FRAME_PX = 180  # title, column labels and legend around the heatmap rows
NO_DATE = QDate(1990, 1, 1)  # the minimum of the date fields, shown as "Any"


def _count(number: int) -> str:
    """A whole number in the digits of the app's language."""
    return QLocale().toString(number)


def _reference_names() -> dict[str, Text]:
    """Names of the known crossing points in every language, by reference id."""
    try:
        return {point.id: point.name for point in crossing_points()}
    except (OSError, KeyError, TypeError):
        return {}  # without the reference list, sites keep the names they were assessed under


def _table(model, parent: QWidget, column: int = 0, order=Qt.SortOrder.AscendingOrder) -> QTableView:
    """A sortable read-only table over ``model``, first sorted by ``column``."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    table = QTableView(parent)
    table.setModel(proxy)
    table.setSortingEnabled(True)
    # The proxy sorts stably, so rows that tie keep the order the aggregates gave them.
    table.sortByColumn(column, order)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


class PortfolioView(QWidget):
    """Heatmap, ranking, progress and common gaps over every assessment the filters select."""

    open_requested = Signal(int)  # an assessment id
    loaded = Signal()             # the figures on screen match the filters
    progress_loaded = Signal()    # the Progress tab's figures (loaded when it is first shown) match them too

    def __init__(self, store: Store, parent=None):
        super().__init__(parent)
        self.store = store
        self.data: PortfolioData | None = None
        self.names = _reference_names()
        self.choices = portfolio.choices(store)
        self._job: Job | None = None
        self._progress_job: Job | None = None
        self._pending = False
        self._stale = True
        self._heat_axes = None
        self._marker = None
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(REFRESH_PAUSE_MS)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build_filters()
        self.scope_note = QLabel(self)
        self.scope_note.setWordWrap(True)
        self.scope_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._heatmap_tab(), self.tr("Heatmap"))
        self.tabs.addTab(self._ranking_tab(), self.tr("Ranking"))
        self.progress_page = self._progress_tab()
        self.tabs.addTab(self.progress_page, self.tr("Progress"))
        self.tabs.addTab(self._gaps_tab(), self.tr("Common gaps"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.filter_grid)
        layout.addWidget(self.scope_note)
        layout.addWidget(self.tabs, 1)
        self._progress_stale = False
        self.tabs.currentChanged.connect(self._on_tab_changed)

    # -- filters ---------------------------------------------------------------

    def _build_filters(self) -> None:
        c = self.choices
        self.country = self._combo(self.tr("All countries"), [(code, code) for code in c.countries])
        self.site_type = self._combo(self.tr("All site types"),
                                     [(text.site_type_name(t), t) for t in c.site_types])
        self.form = self._combo(self.tr("All questionnaires"),
                                [(c.form_titles[f].get(text.language()), f) for f in c.forms])
        # Like with like (#17): the questionnaire most assessed, its newest version with data, final only.
        start = portfolio.like_with_like(self.store)
        self.form.setCurrentIndex(max(0, self.form.findData(start.form_id)))
        self.version = self._combo(self.tr("All versions"), [])
        self._fill_versions()
        if len(start.form_versions) == 1:
            self.version.setCurrentIndex(max(0, self.version.findData(start.form_versions[0])))
        self.form.currentIndexChanged.connect(self._on_form_changed)
        self.status = self._combo(self.tr("All statuses"), [(text.status_name(s), s) for s in c.statuses])
        if len(start.statuses) == 1:
            self.status.setCurrentIndex(max(0, self.status.findData(start.statuses[0])))
        self.include_drafts = QPushButton(self.tr("Include drafts"), self)
        self.include_drafts.clicked.connect(self._on_include_drafts_clicked)
        self.include_forms = QPushButton(self.tr("Include other versions and questionnaires"), self)
        self.include_forms.clicked.connect(self._on_include_forms_clicked)
        for button in (self.include_drafts, self.include_forms):
            button.hide()  # shown when the figures leave something out
        self.area = self._combo(self.tr("All areas"), [(a.label.get(text.language()), a.key) for a in c.areas])
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.latest_only = QCheckBox(self.tr("Only the latest assessment of each site"), self)
        self.latest_only.toggled.connect(self._on_filter_changed)
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.clicked.connect(self._on_export_clicked)
        self.export_csv_button = QPushButton(self.tr("Export as CSV tables…"), self)
        self.export_csv_button.setToolTip(self.tr("A long table of answers and the tables it refers to, at any size, "
                                                  "for Power BI, pandas or DuckDB (docs/hq-data.md)"))
        self.export_csv_button.clicked.connect(self._on_export_csv_clicked)
        self.busy = QLabel(self)
        grid = QGridLayout()
        pairs = [(self.tr("Country:"), self.country), (self.tr("Site type:"), self.site_type),
                 (self.tr("Questionnaire:"), self.form), (self.tr("Version:"), self.version),
                 (self.tr("From:"), self.date_from), (self.tr("To:"), self.date_to),
                 (self.tr("Status:"), self.status), (self.tr("Area:"), self.area)]
        for number, (caption, widget) in enumerate(pairs):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            grid.addWidget(label, number // 4, 2 * (number % 4))
            grid.addWidget(widget, number // 4, 2 * (number % 4) + 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.latest_only)
        bottom.addWidget(self.include_drafts)
        bottom.addWidget(self.include_forms)
        bottom.addStretch(1)
        bottom.addWidget(self.busy)
        bottom.addWidget(self.export_button)
        bottom.addWidget(self.export_csv_button)
        grid.addLayout(bottom, 2, 0, 1, 8)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)
        self.filter_grid = grid

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self._on_filter_changed)
        return edit

    def _fill_versions(self) -> None:
        self.version.blockSignals(True)
        while self.version.count() > 1:
            self.version.removeItem(1)
        for version in self.choices.forms.get(self.form.currentData() or "", ()):
            self.version.addItem(version, version)
        self.version.setEnabled(self.version.count() > 2)
        self.version.blockSignals(False)

    def current_filter(self) -> PortfolioFilter:
        """The filter the widgets describe."""

        def chosen(combo: QComboBox) -> tuple[str, ...]:
            return (combo.currentData(),) if combo.currentData() else ()

        def day(edit: QDateEdit) -> str:
            return "" if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        return PortfolioFilter(
            countries=chosen(self.country), site_types=chosen(self.site_type), form_id=self.form.currentData() or "",
            form_versions=chosen(self.version), date_from=day(self.date_from), date_to=day(self.date_to),
            statuses=chosen(self.status), area=self.area.currentData() or "", latest_only=self.latest_only.isChecked(),
        )

    def _on_form_changed(self, index: int) -> None:
        self._fill_versions()

    def _on_include_drafts_clicked(self) -> None:
        self.status.setCurrentIndex(0)

    def _on_include_forms_clicked(self) -> None:
        self.form.setCurrentIndex(0)  # every questionnaire, hence every version

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
        self._stale = False
        if self._job is not None:
            self._pending = True
            return
        flt, store = self.current_filter(), self.store

        def work(progress, cancelled):
            reading = portfolio.reader(store)
            try:
                return portfolio.load(reading, flt, progress=False)
            finally:
                if reading is not store:
                    reading.close()

        self.busy.setText(self.tr("Updating…"))
        self._job = Job(work, self.tr("Loading the portfolio…"), self)
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
        self.include_drafts.setVisible(data.scope.assessments_left_out.drafts > 0)
        self.include_forms.setVisible(data.scope.assessments_left_out.other_forms > 0)
        self.draw_heatmap()
        self.ranking_model.set_rows(data.ranking)
        self.gaps_model.set_gaps(data.gaps, {a.key: a.label.get(text.language()) for a in data.areas})
        self._show_progress()
        self.cell_model.set_rows([])
        self.cell_caption.setText(self.tr("Click a cell of the heatmap to list the assessments behind it."))
        self.loaded.emit()
        if self.tabs.currentWidget() is self.progress_page:
            self._load_progress()

    def _show_progress(self) -> None:
        data = self.data
        self.changes_model.set_rows(data.changes)
        self.changes_note.setText(self.changes_text(data) if data.progress_loaded else self.tr("Updating…"))
        self._fill_progress_sites()
        self._progress_stale = True
        if self.tabs.currentWidget() is self.progress_page:
            self.draw_progress()

    def _load_progress(self) -> None:
        """Compute the figures over time (every visit of each site) in a worker thread, once per filter."""
        if self.data is None or self.data.progress_loaded or self._progress_job is not None:
            return
        flt, store = self.data.filter, self.store

        def work(progress, cancelled):
            reading = portfolio.reader(store)
            try:
                return flt, portfolio.load_progress(reading, flt)
            finally:
                if reading is not store:
                    reading.close()

        self._progress_job = Job(work, self.tr("Loading the portfolio…"), self)
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
        self.changes_note.setText(self.tr("The figures could not be computed: %1").replace("%1", message))

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
        totals = change_totals(data)
        if not totals.sites:
            return self.tr("No site was assessed more than once with these filters.")
        text_ = self.tr("Sites assessed more than once: %1. Indicators from the baseline to the latest assessment "
                        "— improved: %2, same: %3, worse: %4, not comparable: %5.")
        values = (totals.sites, totals.improved, totals.same, totals.worse, totals.not_comparable)
        for number, value in enumerate(values, start=1):
            text_ = text_.replace(f"%{number}", _count(value))
        return text_

    # -- heatmap -------------------------------------------------------------------

    def _heatmap_tab(self) -> QWidget:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.heat_canvas = FigureCanvasQTAgg(Figure(figsize=(7, 6), layout="constrained"))
        self.heat_canvas.mpl_connect("motion_notify_event", self._on_heatmap_hover)
        self.heat_canvas.mpl_connect("button_press_event", self._on_heatmap_clicked)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.heat_canvas)
        self.hover_note = QLabel(self)
        self.cell_caption = QLabel(self)
        self.cell_caption.setWordWrap(True)
        self.cell_model = CellModel(self)
        self.cell_table = _table(self.cell_model, self, CellModel.DATE, Qt.SortOrder.DescendingOrder)
        self.cell_table.doubleClicked.connect(self._on_cell_assessment_activated)
        self.cell_table.setColumnHidden(CellModel.SITE, True)  # the caption names the site
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.cell_caption)
        side_layout.addWidget(self.cell_table, 1)
        side_layout.addWidget(QLabel(self.tr("Double-click an assessment to open it."), self))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(scroll, 1)
        left_layout.addWidget(self.hover_note)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        return splitter

    def draw_heatmap(self) -> None:
        from hbm_assess import charts

        heat = self.data.heatmap
        title = (self.tr("Mean level by site and indicator") if heat.by_indicator
                 else self.tr("Mean level by site and area"))
        figure = self.heat_canvas.figure
        # Indicator labels are too long for a column head: the id there, the label on hover and click.
        columns = [c.key if heat.by_indicator else self.column_label(c) for c in heat.columns]
        charts.heatmap(figure, [self.site_label(s) for s in heat.sites], columns, heat.means, heat.counts,
                       text.language(), title=title)
        self._heat_axes = next((ax for ax in figure.axes if ax.images), None)
        self._marker = None
        # Resize first and draw when idle: the resize and the redraw then cost one drawing, not two.
        self.heat_canvas.setMinimumHeight(HEATMAP_FRAME_PX + ROW_HEIGHT_PX * max(len(heat.sites), 4))
        self.heat_canvas.draw_idle()

    def cell_at(self, event) -> tuple[int, int] | None:
        """The (row, column) of the heatmap under a matplotlib mouse event, if any."""
        if self.data is None or self._heat_axes is None or event.inaxes is not self._heat_axes:
            return None
        if event.xdata is None or event.ydata is None:
            return None
        row, column = round(event.ydata), round(event.xdata)
        heat = self.data.heatmap
        if 0 <= row < len(heat.sites) and 0 <= column < len(heat.columns):
            return row, column
        return None

    def cell_text(self, row: int, column: int) -> str:
        heat = self.data.heatmap
        where = f"{self.site_label(heat.sites[row])} · {self.column_label(heat.columns[column])}"
        count, mean = heat.counts[row][column], heat.means[row][column]
        if mean is None:
            return self.tr("%1: no scored answers").replace("%1", where)
        return (self.tr("%1: mean level %2 · assessments: %3")
                .replace("%1", where).replace("%2", text.number(mean)).replace("%3", _count(count)))

    def _on_heatmap_hover(self, event) -> None:
        cell = self.cell_at(event)
        if cell is None:
            self.hover_note.setText("")
            QToolTip.hideText()
            return
        message = self.cell_text(*cell)
        self.hover_note.setText(message)
        QToolTip.showText(QCursor.pos(), message, self.heat_canvas)

    def _on_heatmap_clicked(self, event) -> None:
        cell = self.cell_at(event)
        if cell is not None:
            self.select_cell(*cell)

    def select_cell(self, row: int, column: int) -> None:
        """List the assessments behind one cell and mark it on the heatmap."""
        heat = self.data.heatmap
        site = heat.sites[row]
        found = portfolio.cell_assessments(self.store, self.data.filter, site.key, heat.columns[column])
        self.cell_model.set_rows(found)
        where = f"{self.site_label(site)} · {self.column_label(heat.columns[column])}"
        self.cell_caption.setText(self.tr("Assessments behind %1: %2").replace("%1", where)
                                  .replace("%2", _count(len(found))))
        self._mark(row, column)

    def _mark(self, row: int, column: int) -> None:
        from matplotlib.patches import Rectangle

        if self._marker is not None:
            self._marker.remove()
        self._marker = self._heat_axes.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, fill=False,
                                                           edgecolor="#000000", linewidth=2.5))
        self.heat_canvas.draw_idle()

    def _on_cell_assessment_activated(self, index) -> None:
        source = self.cell_table.model().mapToSource(index)
        self.open_requested.emit(self.cell_model.row_at(source.row()).id)

    # -- ranking, gaps -------------------------------------------------------------

    def _ranking_tab(self) -> QWidget:
        self.ranking_model = RankingModel(self.site_label, self)
        self.ranking_table = _table(self.ranking_model, self)
        note = QLabel(self.tr("Mean level over every scored answer of the site; gap = target − level, the target "
                              "being the one entered, else the indicator's default, else one level up."), self)
        note.setWordWrap(True)
        return self._page(note, self.ranking_table)

    def _gaps_tab(self) -> QWidget:
        self.gaps_model = GapsModel(self)
        self.gaps_table = _table(self.gaps_model, self, GapsModel.SHARE, Qt.SortOrder.DescendingOrder)
        self.gaps_table.horizontalHeader().setSectionResizeMode(GapsModel.INDICATOR, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("A site is weak on an indicator at level 1 or 2 in its latest assessment. An indicator "
                              "weak almost everywhere calls for a national action rather than one post's."), self)
        note.setWordWrap(True)
        return self._page(note, self.gaps_table)

    def _page(self, *widgets: QWidget) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, QTableView) else 0)
        return page

    # -- progress ------------------------------------------------------------------

    def _progress_tab(self) -> QWidget:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.progress_site = QComboBox(self)
        self.progress_site.currentIndexChanged.connect(self._on_progress_site_chosen)
        self.progress_canvas = FigureCanvasQTAgg(Figure(figsize=(6, 4), layout="constrained"))
        self.progress_canvas.setMinimumSize(360, 300)
        self.changes_note = QLabel(self)
        self.changes_note.setWordWrap(True)
        self.changes_model = ChangesModel(self.site_label, self)
        self.changes_table = _table(self.changes_model, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.progress_site, 1)
        chart_side = QWidget(self)
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.addLayout(top)
        chart_layout.addWidget(self.progress_canvas, 1)
        table_side = QWidget(self)
        table_layout = QVBoxLayout(table_side)
        table_layout.addWidget(self.changes_note)
        table_layout.addWidget(self.changes_table, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.changes_table.horizontalHeader().setSectionResizeMode(ChangesModel.SITE, QHeaderView.ResizeMode.Stretch)
        splitter.addWidget(chart_side)
        splitter.addWidget(table_side)
        splitter.setSizes([600, 600])  # halves: the chart's own size hint would crowd out the table
        return splitter

    def _fill_progress_sites(self) -> None:
        chosen = self.progress_site.currentData()
        self.progress_site.blockSignals(True)
        self.progress_site.clear()
        self.progress_site.addItem(self.tr("All sites: baseline and follow-ups"), "")
        for site in self.data.heatmap.sites:
            if site.key in self.data.site_points:
                self.progress_site.addItem(self.site_label(site), site.key)
        self.progress_site.setCurrentIndex(max(0, self.progress_site.findData(chosen)))
        self.progress_site.blockSignals(False)

    def _on_progress_site_chosen(self, index: int) -> None:
        self.draw_progress()

    def _on_tab_changed(self, index: int) -> None:
        # Figures nobody looks at are neither computed nor drawn: progress waits for its tab.
        if self.tabs.widget(index) is not self.progress_page:
            return
        if self.data is not None and not self.data.progress_loaded:
            self._load_progress()
        elif self._progress_stale:
            self.draw_progress()

    def draw_progress(self) -> None:
        from hbm_assess.charts.portfolio import progress_chart

        if self.data is None or not self.data.progress_loaded:
            return
        self._progress_stale = False
        key = self.progress_site.currentData()
        x_labels, series = self._site_series(key) if key else self._visit_series()
        title = (self.tr("Mean level by area at each assessment of %1").replace("%1", self.progress_site.currentText())
                 if key else self.tr("Mean level by area: baseline and follow-ups of every site"))
        progress_chart(self.progress_canvas.figure, x_labels, series, text.language(), title=title,
                       empty_message=self.tr("No scored answers"))
        self.progress_canvas.draw_idle()

    def _visit_series(self) -> tuple[list[str], list]:
        visits, series = visit_series(self.data)
        labels = [self.tr("Baseline") if v == 1 else self.tr("Follow-up %1").replace("%1", str(v - 1))
                  for v in visits]
        return labels, self._area_titles(series)

    def _site_series(self, key: str) -> tuple[list[str], list]:
        dates, series = site_series(self.data, key)
        return dates, self._area_titles(series)

    def _area_titles(self, series: list) -> list:
        titles = {a.key: a.label.get(text.language()) for a in self.data.areas}
        return [(titles[key], values) for key, values in series]

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
        from hbm_assess.exchange.portfolio_csv import write_portfolio_csv
        from hbm_assess.exchange.portfolio_export import write_portfolio

        flt, store = self.current_filter(), self.store

        def work(progress, cancelled):
            reading = portfolio.reader(store)
            try:
                if csv:
                    return write_portfolio_csv(reading, flt, path, progress=progress,
                                               cancelled=cancelled)["answers.csv"]
                return write_portfolio(reading, flt, path, progress=progress, cancelled=cancelled)
            finally:
                if reading is not store:
                    reading.close()

        job = Job(work, self.tr("Exporting the portfolio…"), self)
        job.finished.connect(lambda rows: self.busy.setText(
            self.tr("Exported to %1 (rows of data: %2)").replace("%1", path).replace("%2", _count(rows))))
        job.failed.connect(lambda message: self.busy.setText(
            self.tr("The export failed: %1").replace("%1", message)))
        job.start()
        return job
