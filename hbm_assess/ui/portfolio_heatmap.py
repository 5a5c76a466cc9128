"""The portfolio's Heatmap tab: sites × areas (or indicators) drawn with matplotlib, hover and click on a cell."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QToolTip, QVBoxLayout, QWidget

from hbm_assess.charts.portfolio import heatmap_cell
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import Column, PortfolioData, SiteRow
from hbm_assess.storage.store import Store
from hbm_assess.ui import text
from hbm_assess.ui.portfolio_models import CellModel, sortable_table

ROW_HEIGHT_PX = 24      # per heatmap row, so site names stay legible however many sites there are
HEATMAP_FRAME_PX = 180  # title, column labels and legend around the heatmap rows


class HeatmapPanel(QSplitter):
    """The heatmap on the left; the assessments behind the clicked cell on the right."""

    open_requested = Signal(int)  # an assessment id

    def __init__(self, store: Store, site_label: Callable[[SiteRow], str],
                 column_label: Callable[[Column], str], parent=None):
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        super().__init__(Qt.Orientation.Horizontal, parent)
        self.store = store
        self.site_label, self.column_label = site_label, column_label
        self.data: PortfolioData | None = None
        self.axes = None
        self._marker = None
        self.canvas = FigureCanvasQTAgg(Figure(figsize=(7, 6), layout="constrained"))
        self.canvas.mpl_connect("motion_notify_event", self._on_hover)
        self.canvas.mpl_connect("button_press_event", self._on_clicked)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.canvas)
        self.hover_note = QLabel(self)
        self.cell_caption = QLabel(self)
        self.cell_caption.setWordWrap(True)
        self.cell_model = CellModel(self)
        self.cell_table = sortable_table(self.cell_model, self, CellModel.DATE, Qt.SortOrder.DescendingOrder)
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
        self.addWidget(left)
        self.addWidget(side)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)

    def show_data(self, data: PortfolioData) -> None:
        """Draw ``data``'s heatmap and empty the list of assessments behind a cell."""
        self.data = data
        self.draw()
        self.cell_model.set_rows([])
        self.cell_caption.setText(self.tr("Click a cell of the heatmap to list the assessments behind it."))

    def draw(self) -> None:
        from hbm_assess import charts

        heat = self.data.heatmap
        title = (self.tr("Mean level by site and indicator") if heat.by_indicator
                 else self.tr("Mean level by site and area"))
        figure = self.canvas.figure
        # Indicator labels are too long for a column head: the id there, the label on hover and click.
        columns = [c.key if heat.by_indicator else self.column_label(c) for c in heat.columns]
        charts.heatmap(figure, [self.site_label(s) for s in heat.sites], columns, heat.means, heat.counts,
                       text.language(), title=title)
        self.axes = next((ax for ax in figure.axes if ax.images), None)
        self._marker = None
        # Resize first and draw when idle: the resize and the redraw then cost one drawing, not two.
        self.canvas.setMinimumHeight(HEATMAP_FRAME_PX + ROW_HEIGHT_PX * max(len(heat.sites), 4))
        self.canvas.draw_idle()

    def cell_at(self, event) -> tuple[int, int] | None:
        """The (row, column) of the heatmap under a matplotlib mouse event, if any."""
        if self.data is None or self.axes is None or event.inaxes is not self.axes:
            return None
        heat = self.data.heatmap
        return heatmap_cell(event.xdata, event.ydata, len(heat.sites), len(heat.columns))

    def cell_text(self, row: int, column: int) -> str:
        heat = self.data.heatmap
        where = f"{self.site_label(heat.sites[row])} · {self.column_label(heat.columns[column])}"
        count, mean = heat.counts[row][column], heat.means[row][column]
        if mean is None:
            return self.tr("%1: no scored answers").replace("%1", where)
        return (self.tr("%1: mean level %2 · assessments: %3")
                .replace("%1", where).replace("%2", text.number(mean)).replace("%3", QLocale().toString(count)))

    def _on_hover(self, event) -> None:
        cell = self.cell_at(event)
        if cell is None:
            self.hover_note.setText("")
            QToolTip.hideText()
            return
        message = self.cell_text(*cell)
        self.hover_note.setText(message)
        QToolTip.showText(QCursor.pos(), message, self.canvas)

    def _on_clicked(self, event) -> None:
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
                                  .replace("%2", QLocale().toString(len(found))))
        self._mark(row, column)

    def _mark(self, row: int, column: int) -> None:
        from matplotlib.patches import Rectangle

        if self._marker is not None:
            self._marker.remove()
        self._marker = self.axes.add_patch(Rectangle((column - 0.5, row - 0.5), 1, 1, fill=False,
                                                     edgecolor="#000000", linewidth=2.5))
        self.canvas.draw_idle()

    def _on_cell_assessment_activated(self, index) -> None:
        source = self.cell_table.model().mapToSource(index)
        self.open_requested.emit(self.cell_model.row_at(source.row()).id)
