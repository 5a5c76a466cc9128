"""Item models of the portfolio view: site ranking, baseline-to-latest changes, common gaps, a cell's assessments."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QLocale, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from hbm_assess.storage.portfolio import CellAssessment, CommonGap, NationalIndicator, SiteChange, SiteRank, SiteRow
from hbm_assess.storage.portfolio_national import FROM_NATIONAL
from hbm_assess.ui import text

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
NUMBER_ALIGNMENT = Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter  # follows the reading direction

SiteLabel = Callable[[SiteRow], str]
_SERVED_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, SORT_ROLE, ID_ROLE, Qt.ItemDataRole.TextAlignmentRole,
                           Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole})


def sortable_table(model, parent: QWidget, column: int = 0, order=Qt.SortOrder.AscendingOrder) -> QTableView:
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


def _words(*keys: str) -> list[str]:
    """Column titles that are domain words: from the glossary (data/vocabulary.yaml), not tr() (#16)."""
    return [text.word(key) for key in keys]


def _mean(value: float | None) -> str:
    return "–" if value is None else text.number(value)


class _RowsModel(QAbstractTableModel):
    """A read-only table of plain rows; subclasses say what each column shows and how it sorts."""

    NUMBERS: frozenset[int] = frozenset()
    LEVELS: frozenset[int] = frozenset()

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list = []
        self._headers: list[str] | None = None

    def headers(self) -> list[str]:
        raise NotImplementedError

    def _header_texts(self) -> list[str]:
        # The views ask for the column count thousands of times while they size themselves:
        # translating every header each time took 150 ms of opening the portfolio.
        if self._headers is None:
            self._headers = self.headers()
        return self._headers

    def display(self, row, column: int) -> str:
        raise NotImplementedError

    def sort_value(self, row, column: int):
        return self.display(row, column)

    def level(self, row, column: int) -> float | None:
        return None

    def row_id(self, row):
        return None

    def set_rows(self, rows: Sequence) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, number: int):
        return self._rows[number]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._header_texts())

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self._header_texts()
            return headers[section] if 0 <= section < len(headers) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        # Views sizing their columns ask every cell for a dozen roles: the ones not served go first.
        if role not in _SERVED_ROLES or not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == SORT_ROLE:
            return self.sort_value(row, column)
        if role == ID_ROLE:
            return self.row_id(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMBERS:
            return int(NUMBER_ALIGNMENT.value)
        if column in self.LEVELS and role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            value = self.level(row, column)
            if value is None:
                return None
            return text.level_colour(value, light=True) if role == Qt.ItemDataRole.BackgroundRole else QColor("black")
        return None


class RankingModel(_RowsModel):
    """Sites by overall mean level, weakest first, with their mean gap to target."""

    RANK, SITE, COUNTRY, TYPE, ASSESSMENTS, LATEST, MEAN, GAP, SCORED = range(9)
    NUMBERS = frozenset({RANK, ASSESSMENTS, MEAN, GAP, SCORED})
    LEVELS = frozenset({MEAN})

    def __init__(self, site_label: SiteLabel, parent=None):
        super().__init__(parent)
        self.site_label = site_label
        self._rank: dict[str, int] = {}

    def set_rows(self, rows: Sequence[SiteRank]) -> None:
        # The rank is the position by mean level, whichever column the table is sorted by.
        self._rank = {row.site.key: number for number, row in enumerate(rows, start=1)}
        super().set_rows(rows)

    def headers(self) -> list[str]:
        return _words("weakest_first", "site", "country", "site_type", "assessments", "latest_assessment",
                      "mean_level", "mean_gap", "scored_answers")

    def display(self, row: SiteRank, column: int) -> str:
        values = {
            self.RANK: lambda: QLocale().toString(self._rank[row.site.key]),
            self.SITE: lambda: self.site_label(row.site),
            self.COUNTRY: lambda: row.site.country,
            self.TYPE: lambda: text.site_type_name(row.site.site_type),
            self.ASSESSMENTS: lambda: QLocale().toString(row.site.assessments),
            self.LATEST: lambda: row.site.latest_date,
            self.MEAN: lambda: _mean(row.mean_level),
            self.GAP: lambda: _mean(row.mean_gap),
            self.SCORED: lambda: QLocale().toString(row.scored),
        }
        return values[column]()

    def sort_value(self, row: SiteRank, column: int):
        numbers = {
            self.RANK: self._rank[row.site.key], self.ASSESSMENTS: row.site.assessments, self.SCORED: row.scored,
            self.MEAN: row.mean_level if row.mean_level is not None else 99.0,
            self.GAP: row.mean_gap if row.mean_gap is not None else -1.0,
        }
        return numbers.get(column, self.display(row, column))

    def level(self, row: SiteRank, column: int) -> float | None:
        return row.mean_level

    def row_id(self, row: SiteRank) -> str:
        return row.site.key


class ChangesModel(_RowsModel):
    """Per site, indicators improved, same or worse from the baseline to the latest assessment."""

    SITE, BASELINE, LATEST, IMPROVED, SAME, WORSE, NOT_COMPARABLE = range(7)
    NUMBERS = frozenset({IMPROVED, SAME, WORSE, NOT_COMPARABLE})

    def __init__(self, site_label: SiteLabel, parent=None):
        super().__init__(parent)
        self.site_label = site_label

    def headers(self) -> list[str]:
        return _words("site", "baseline", "latest_assessment", "improved", "unchanged", "worse", "not_comparable")

    def _value(self, row: SiteChange, column: int):
        return (self.site_label(row.site), row.baseline_date, row.latest_date, row.improved, row.same, row.worse,
                row.not_comparable)[column]

    def display(self, row: SiteChange, column: int) -> str:
        value = self._value(row, column)
        return QLocale().toString(value) if isinstance(value, int) else value

    def sort_value(self, row: SiteChange, column: int):
        return self._value(row, column)

    def row_id(self, row: SiteChange) -> str:
        return row.site.key


class GapsModel(_RowsModel):
    """Indicators by the share of sites weak on them at their latest assessment."""

    INDICATOR, AREA, WEAK, SHARE, MEAN, GAP = range(6)
    NUMBERS = frozenset({WEAK, SHARE, MEAN, GAP})
    LEVELS = frozenset({MEAN})

    def __init__(self, parent=None):
        super().__init__(parent)
        self.area_titles: dict[str, str] = {}

    def set_gaps(self, gaps: Sequence[CommonGap], area_titles: dict[str, str]) -> None:
        self.area_titles = area_titles
        self.set_rows(gaps)

    def headers(self) -> list[str]:
        return _words("indicator", "area", "weak_sites", "share_weak", "mean_level", "mean_gap")

    def display(self, row: CommonGap, column: int) -> str:
        if column == self.INDICATOR:
            return f"{row.indicator_id}  {row.label.get(text.language())}"
        if column == self.AREA:
            return self.area_titles.get(row.area_id, row.area_id)
        if column == self.WEAK:
            return self.tr("%1 of %2").replace("%1", QLocale().toString(row.weak_sites)).replace(
                "%2", QLocale().toString(row.sites))
        if column == self.SHARE:
            return text.number(100 * row.weak_share, 0) + QLocale().percent()
        return _mean(row.mean_level if column == self.MEAN else row.mean_gap)

    def sort_value(self, row: CommonGap, column: int):
        numbers = {self.WEAK: row.weak_sites, self.SHARE: row.weak_share, self.MEAN: row.mean_level,
                   self.GAP: row.mean_gap, self.INDICATOR: row.indicator_id}
        return numbers.get(column, self.display(row, column))

    def level(self, row: CommonGap, column: int) -> float | None:
        return row.mean_level

    def row_id(self, row: CommonGap) -> str:
        return row.indicator_id


class CellModel(_RowsModel):
    """The assessments behind one heatmap cell, newest first; double-click opens one."""

    DATE, SITE, FORM, STATUS, MEAN, SCORED = range(6)
    NUMBERS = frozenset({MEAN, SCORED})
    LEVELS = frozenset({MEAN})

    def headers(self) -> list[str]:
        return _words("date", "site", "form", "status", "mean_level", "scored_answers")

    def display(self, row: CellAssessment, column: int) -> str:
        values = (row.date, row.site_name, f"{row.form_id} {row.form_version}", text.status_name(row.status),
                  _mean(row.mean_level), QLocale().toString(row.scored))
        return values[column]

    def sort_value(self, row: CellAssessment, column: int):
        return {self.MEAN: row.mean_level, self.SCORED: row.scored}.get(column, self.display(row, column))

    def level(self, row: CellAssessment, column: int) -> float | None:
        return row.mean_level

    def row_id(self, row: CellAssessment) -> int:
        return row.id


class NationalModel(_RowsModel):
    """National indicators once per country (#17), each with where its level comes from."""

    COUNTRY, AREA, INDICATOR, LEVEL, SOURCE, POSTS = range(6)
    NUMBERS = frozenset({LEVEL, POSTS})
    LEVELS = frozenset({LEVEL, POSTS})

    def __init__(self, parent=None):
        super().__init__(parent)
        self.area_titles: dict[str, str] = {}

    def set_national(self, rows: Sequence[NationalIndicator], area_titles: dict[str, str]) -> None:
        self.area_titles = area_titles
        self.set_rows(rows)

    def headers(self) -> list[str]:
        return _words("country", "area", "indicator", "level", "level_source", "posts_view")

    def display(self, row: NationalIndicator, column: int) -> str:
        if column == self.COUNTRY:
            return row.country
        if column == self.AREA:
            return self.area_titles.get(row.area_id, row.area_id)
        if column == self.INDICATOR:
            return f"{row.indicator_id}  {row.label.get(text.language())}"
        if column == self.LEVEL:
            return _mean(row.level)
        if column == self.SOURCE:
            if row.source == FROM_NATIONAL:
                return text.word("from_national_assessment", date=row.date)
            return text.word("from_posts_views", posts=QLocale().toString(row.posts))
        return _mean(row.posts_mean)

    def sort_value(self, row: NationalIndicator, column: int):
        numbers = {self.LEVEL: row.level if row.level is not None else 99.0,
                   self.POSTS: row.posts_mean if row.posts_mean is not None else 99.0,
                   self.INDICATOR: row.indicator_id}
        return numbers.get(column, self.display(row, column))

    def level(self, row: NationalIndicator, column: int) -> float | None:
        return row.level if column == self.LEVEL else row.posts_mean

    def row_id(self, row: NationalIndicator) -> str:
        return f"{row.country} {row.form_id} {row.indicator_id}"
