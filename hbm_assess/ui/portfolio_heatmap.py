"""The portfolio's Heatmap tab: sites × areas (or indicators) drawn with matplotlib, hover and click on a cell."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QSplitter, QToolTip, QVBoxLayout, QWidget

from hbm_assess.charts.portfolio import heatmap_cell
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import Column, PortfolioData, SiteRow
from hbm_assess.storage.store import Store
from hbm_assess.ui import text
from hbm_assess.ui.chart_image import DPI, ChartImage
from hbm_assess.ui.portfolio_models import CellModel, sortable_table

ROW_HEIGHT_PX = 24      # per heatmap row, so site names stay legible however many sites there are
HEATMAP_FRAME_PX = 180  # title, column labels and legend around the heatmap rows


@dataclass(frozen=True)
class CellGrid:
    """The heatmap's cells on its image: where the corners of the first and the last cell lie.

    (``x0``, ``y0``) is the outer corner of cell (0, 0) and (``x1``, ``y1``) that of the last
    cell, in the image's logical pixels; right to left, ``x1`` < ``x0``.
    """

    x0: float
    y0: float
    x1: float
    y1: float
    rows: int
    columns: int

    def cell_at(self, x: float, y: float) -> tuple[int, int] | None:
        if self.x1 == self.x0 or self.y1 == self.y0:
            return None
        xdata = -0.5 + (x - self.x0) / (self.x1 - self.x0) * self.columns
        ydata = -0.5 + (y - self.y0) / (self.y1 - self.y0) * self.rows
        return heatmap_cell(xdata, ydata, self.rows, self.columns)

    def rect(self, row: int, column: int) -> QRectF:
        width, height = (self.x1 - self.x0) / self.columns, (self.y1 - self.y0) / self.rows
        return QRectF(self.x0 + column * width, self.y0 + row * height, width, height).normalized()


def cell_grid(rows: int, columns: int):
    """Worked out in the chart thread once the heatmap is drawn (the layout has placed its axes)."""
    def after(figure, height: float) -> CellGrid | None:
        axes = next((ax for ax in figure.axes if ax.images), None)
        if axes is None:
            return None
        ratio = figure.dpi / DPI
        (x0, y0), (x1, y1) = axes.transData.transform([(-0.5, -0.5), (columns - 0.5, rows - 0.5)])
        # matplotlib counts device pixels up from the bottom; the widget, logical pixels down from the top
        return CellGrid(x0 / ratio, (height - y0) / ratio, x1 / ratio, (height - y1) / ratio, rows, columns)
    return after


class HeatmapPanel(QSplitter):
    """The heatmap on the left; the assessments behind the clicked cell on the right."""

    open_requested = Signal(int)  # an assessment id

    def __init__(self, store: Store, site_label: Callable[[SiteRow], str],
                 column_label: Callable[[Column], str], parent=None):
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.store = store
        self.site_label, self.column_label = site_label, column_label
        self.data: PortfolioData | None = None
        self._selected: tuple[int, int] | None = None
        self._shown: PortfolioData | None = None  # the data the image on screen depicts
        # Drawn in the chart thread and shown as an image (#20): the window stays responsive meanwhile.
        self.canvas = ChartImage(QSize(700, 600), self)
        self.canvas.hovered.connect(self._on_hover)
        self.canvas.clicked.connect(self._on_clicked)
        self.canvas.left.connect(self._on_left)
        self.canvas.drawn.connect(self._on_drawn)
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
        self._selected = None
        self.draw()
        self.cell_model.set_rows([])
        self.cell_caption.setText(self.tr("Click a cell of the heatmap to list the assessments behind it."))

    def draw(self) -> None:
        """Ask the chart thread for the heatmap of ``data``; hover and click work once its image is shown."""
        from hbm_assess import charts

        heat = self.data.heatmap
        title = (self.tr("Mean level by site and indicator") if heat.by_indicator
                 else self.tr("Mean level by site and area"))
        # Indicator labels are too long for a column head: the id there, the label on hover and click.
        columns = [c.key if heat.by_indicator else self.column_label(c) for c in heat.columns]
        rows, means, counts = [self.site_label(s) for s in heat.sites], heat.means, heat.counts
        language = text.language()
        self.canvas.marked, self._shown = None, None
        self.canvas.setMinimumHeight(HEATMAP_FRAME_PX + ROW_HEIGHT_PX * max(len(heat.sites), 4))
        self.canvas.show_chart(lambda figure: charts.heatmap(figure, rows, columns, means, counts, language,
                                                             title=title),
                               cell_grid(len(rows), len(columns)))

    @property
    def grid(self) -> CellGrid | None:
        """Where the cells of the heatmap on screen are, in the image's coordinates (None before it is shown)."""
        return self.canvas.extra

    @property
    def axes(self):
        """The heatmap's axes in the figure on screen (read only: the chart thread has finished with it)."""
        figure = self.canvas.figure
        return next((ax for ax in figure.axes if ax.images), None) if figure is not None else None

    def cell_at(self, point: QPointF) -> tuple[int, int] | None:
        """The (row, column) of the heatmap under ``point`` of the image, if any."""
        if self.data is None or self.grid is None or self._shown is not self.data:
            return None  # the image still shows the data before: its cells are not these
        return self.grid.cell_at(point.x(), point.y())

    def cell_text(self, row: int, column: int) -> str:
        heat = self.data.heatmap
        where = f"{self.site_label(heat.sites[row])} · {self.column_label(heat.columns[column])}"
        count, mean = heat.counts[row][column], heat.means[row][column]
        if mean is None:
            return self.tr("%1: no scored answers").replace("%1", where)
        return (self.tr("%1: mean level %2 · assessments: %3")
                .replace("%1", where).replace("%2", text.number(mean)).replace("%3", QLocale().toString(count)))

    def _on_hover(self, point: QPointF) -> None:
        cell = self.cell_at(point)
        if cell is None:
            self._on_left()
            return
        message = self.cell_text(*cell)
        self.hover_note.setText(message)
        QToolTip.showText(self.canvas.mapToGlobal(point.toPoint()), message, self.canvas)

    def _on_left(self) -> None:
        self.hover_note.setText("")
        QToolTip.hideText()

    def _on_clicked(self, point: QPointF) -> None:
        cell = self.cell_at(point)
        if cell is not None:
            self.select_cell(*cell)

    def _on_drawn(self) -> None:
        self._shown = self.data  # the chart image only reports the newest drawing asked for
        self.canvas.marked = (self.grid.rect(*self._selected)
                              if self._selected is not None and self.grid is not None else None)
        self.canvas.update()

    def select_cell(self, row: int, column: int) -> None:
        """List the assessments behind one cell and mark it on the heatmap."""
        heat = self.data.heatmap
        site = heat.sites[row]
        found = portfolio.cell_assessments(self.store, self.data.filter, site.key, heat.columns[column])
        self.cell_model.set_rows(found)
        where = f"{self.site_label(site)} · {self.column_label(heat.columns[column])}"
        self.cell_caption.setText(self.tr("Assessments behind %1: %2").replace("%1", where)
                                  .replace("%2", QLocale().toString(len(found))))
        self._selected = (row, column)
        if self._shown is self.data and self.grid is not None:
            self.canvas.marked = self.grid.rect(row, column)
            self.canvas.update()

    def _on_cell_assessment_activated(self, index) -> None:
        source = self.cell_table.model().mapToSource(index)
        self.open_requested.emit(self.cell_model.row_at(source.row()).id)
