"""Tabs of the portfolio view made when first shown: opening the view builds only the heatmap's (#20)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from hbm_assess.storage.portfolio import PortfolioData


class TablePage(QWidget):
    """A note over a sortable table, and how to fill its model from the portfolio's figures."""

    def __init__(self, note: QLabel, model, table: QTableView, fill: Callable[[PortfolioData], None]):
        super().__init__()
        self.model, self.table, self.fill = model, table, fill
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(table, 1)


class LazyPage(QWidget):
    """A tab's page whose content is made by ``make()`` when it is first shown (or asked for), then filled.

    The content has a ``fill(data)``; ``data()`` gives the figures on screen (None while they load).
    """

    def __init__(self, make: Callable[[], QWidget], data: Callable[[], PortfolioData | None], parent=None):
        super().__init__(parent)
        self._make, self._data = make, data
        self._content: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def is_made(self) -> bool:
        return self._content is not None

    def content(self):
        """The page's widgets, made (and filled with the figures on screen) the first time they are needed."""
        if self._content is None:
            self._content = self._make()
            self._layout.addWidget(self._content)
            data = self._data()
            if data is not None:
                self._content.fill(data)
        return self._content

    def fill(self, data: PortfolioData) -> None:
        """Show ``data``: now if the page is made, else when it is."""
        if self._content is not None:
            self._content.fill(data)

    def showEvent(self, event) -> None:
        self.content().show()  # made while its page is being shown: shown with it, not a turn of events later
        super().showEvent(event)
