"""The portfolio's Progress tab: mean level by area over visits (or one site's assessments), and changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from hbm_assess.storage.portfolio import PortfolioData, SiteRow
from hbm_assess.storage.portfolio_series import change_totals, rapid_detailed_totals, site_series, visit_series
from hbm_assess.ui import text
from hbm_assess.ui.portfolio_models import ChangesModel, sortable_table


class ProgressPanel(QSplitter):
    """The chart of progress on the left (all sites, or one), the baseline-to-latest changes on the right."""

    def __init__(self, site_label: Callable[[SiteRow], str], parent=None):
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        super().__init__(Qt.Orientation.Horizontal, parent)
        self.site_label = site_label
        self.data: PortfolioData | None = None
        self.stale = False  # the figures changed while the tab was hidden: draw when it is shown
        self.site = QComboBox(self)
        self.site.currentIndexChanged.connect(self._on_site_chosen)
        self.canvas = FigureCanvasQTAgg(Figure(figsize=(6, 4), layout="constrained"))
        self.canvas.setMinimumSize(360, 300)
        self.changes_note = QLabel(self)
        self.changes_note.setWordWrap(True)
        self.rapid_note = QLabel(self)  # rapid baselines against detailed follow-ups (#19), when there are some
        self.rapid_note.setWordWrap(True)
        self.changes_model = ChangesModel(site_label, self)
        self.changes_table = sortable_table(self.changes_model, self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.site, 1)
        chart_side = QWidget(self)
        chart_layout = QVBoxLayout(chart_side)
        chart_layout.addLayout(top)
        chart_layout.addWidget(self.canvas, 1)
        table_side = QWidget(self)
        table_layout = QVBoxLayout(table_side)
        table_layout.addWidget(self.changes_note)
        table_layout.addWidget(self.rapid_note)
        table_layout.addWidget(self.changes_table, 1)
        self.changes_table.horizontalHeader().setSectionResizeMode(ChangesModel.SITE, QHeaderView.ResizeMode.Stretch)
        self.addWidget(chart_side)
        self.addWidget(table_side)
        self.setSizes([600, 600])  # halves: the chart's own size hint would crowd out the table

    def show_data(self, data: PortfolioData, visible: bool) -> None:
        """Show ``data``'s figures over time (or say they are loading); draw now only when ``visible``."""
        self.data = data
        self.changes_model.set_rows(data.changes)
        self.changes_note.setText(self.changes_text(data) if data.progress_loaded else self.tr("Updating…"))
        self.rapid_note.setText(self.rapid_text(data))
        self.rapid_note.setVisible(bool(data.rapid_detailed))
        self._fill_sites()
        self.stale = True
        if visible:
            self.draw()

    def show_failure(self, message: str) -> None:
        self.changes_note.setText(self.tr("The figures could not be computed: %1").replace("%1", message))

    def changes_text(self, data: PortfolioData) -> str:
        totals = change_totals(data)
        if not totals.sites:
            return self.tr("No site was assessed more than once with these filters.")
        text_ = self.tr("Sites assessed more than once: %1. Indicators from the baseline to the latest assessment "
                        "— improved: %2, same: %3, worse: %4, not comparable: %5.")
        values = (totals.sites, totals.improved, totals.same, totals.worse, totals.not_comparable)
        for number, value in enumerate(values, start=1):
            text_ = text_.replace(f"%{number}", QLocale().toString(value))
        return text_

    def rapid_text(self, data: PortfolioData) -> str:
        """Rapid against detailed, through ``summarises``: what was compared, what was left out, what changed."""
        totals = rapid_detailed_totals(data)
        if not totals.sites:
            return ""
        text_ = self.tr("Rapid against detailed (sites with a rapid baseline and a detailed follow-up: %1): %2 "
                        "indicators compared through what each rapid item summarises, %3 left out — improved: %4, "
                        "same: %5, worse: %6, not comparable: %7.")
        values = (totals.sites, totals.compared, totals.left_out, totals.improved, totals.same, totals.worse,
                  totals.not_comparable)
        for number, value in reversed(list(enumerate(values, start=1))):
            text_ = text_.replace(f"%{number}", QLocale().toString(value))
        return text_

    def _fill_sites(self) -> None:
        chosen = self.site.currentData()
        self.site.blockSignals(True)
        self.site.clear()
        self.site.addItem(self.tr("All sites: baseline and follow-ups"), "")
        for site in self.data.heatmap.sites:
            if site.key in self.data.site_points:
                self.site.addItem(self.site_label(site), site.key)
        self.site.setCurrentIndex(max(0, self.site.findData(chosen)))
        self.site.blockSignals(False)

    def _on_site_chosen(self, index: int) -> None:
        self.draw()

    def draw(self) -> None:
        from hbm_assess.charts.portfolio import progress_chart

        if self.data is None or not self.data.progress_loaded:
            return
        self.stale = False
        key = self.site.currentData()
        x_labels, series = self._site_series(key) if key else self._visit_series()
        title = (self.tr("Mean level by area at each assessment of %1").replace("%1", self.site.currentText())
                 if key else self.tr("Mean level by area: baseline and follow-ups of every site"))
        progress_chart(self.canvas.figure, x_labels, series, text.language(), title=title,
                       empty_message=self.tr("No scored answers"))
        self.canvas.draw_idle()

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
