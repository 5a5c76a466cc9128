"""Areas and indicators as a tree, each with a mark for the state of its answer."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap

from hbm_assess.core.assessment import Answer
from hbm_assess.core.scoring import completeness
from hbm_assess.palette import GREY, level_hex
from hbm_assess.ui import text
from hbm_assess.ui.session import AssessmentSession

INDICATOR_ROLE = Qt.ItemDataRole.UserRole
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1


class State(Enum):
    UNANSWERED = "unanswered"
    ANSWERED = "answered"
    NOT_APPLICABLE = "na"
    UNKNOWN = "unknown"
    NEEDS_EVIDENCE = "needs-evidence"


def answer_state(answer: Answer | None) -> State:
    if answer is None or not answer.is_answered:
        return State.UNANSWERED
    if answer.special == "na":
        return State.NOT_APPLICABLE
    if answer.special == "unknown":
        return State.UNKNOWN
    if answer.needs_evidence:
        return State.NEEDS_EVIDENCE
    return State.ANSWERED


def _mark(fill: str, symbol: str = "", outline: str = "#666666") -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(outline))
    painter.setBrush(QColor(fill) if fill else Qt.BrushStyle.NoBrush)
    painter.drawEllipse(2, 2, 12, 12)
    if symbol:
        painter.setPen(QColor("black"))
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, symbol)
    painter.end()
    return QIcon(pixmap)


class IndicatorTreeModel(QAbstractItemModel):
    """Two levels: areas (with progress) and their indicators (with a state mark)."""

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.form = session.form
        self._area_of = {ind.id: row for row, area in enumerate(self.form.areas) for ind in area.indicators}
        self._icons: dict[tuple, QIcon] = {}
        session.answer_changed.connect(self._on_answer_changed)

    # Internal ids: 0 for an area row, area row + 1 for an indicator row.
    def index(self, row, column, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=QModelIndex()):  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=QModelIndex()):  # noqa: B008
        if not parent.isValid():
            return len(self.form.areas)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.form.areas[parent.row()].indicators)
        return 0

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 1

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        language = text.language()
        if index.internalId() == 0:
            area = self.form.areas[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                done = sum(1 for ind in area.indicators if self.session.answer(ind.id).is_answered)
                return f"{area.title.get(language)}  ({done}/{len(area.indicators)})"
            if role == SEARCH_ROLE:
                return f"{area.id} {area.title.get(language)}"
            return None
        indicator = self.form.areas[index.internalId() - 1].indicators[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{indicator.id}  {indicator.label.get(language)}"
        if role == Qt.ItemDataRole.FontRole and self.session.assigned and self.session.is_assigned(indicator.id):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and not self.session.is_assigned(indicator.id):
            return QColor("#777777")
        if role == INDICATOR_ROLE:
            return indicator.id
        if role == SEARCH_ROLE:
            return f"{indicator.id} {indicator.label.get(language)} {indicator.label.get('en')}"
        answer = self.session.answers.get(indicator.id)
        state = answer_state(answer)
        unsettled = self.session.unsettled_text(indicator.id) if state is State.UNANSWERED else ""
        if unsettled and role == Qt.ItemDataRole.DecorationRole:
            return self._unsettled_icon()
        if unsettled and role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleDescriptionRole):
            return f"{indicator.label.get(language)}\n{unsettled}" if role == Qt.ItemDataRole.ToolTipRole \
                else unsettled
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icon(state, answer)
        if role == Qt.ItemDataRole.ToolTipRole:
            # The label is often cut short in the tree: the tooltip shows it whole.
            return f"{indicator.label.get(language)}\n{self._state_text(state, answer)}"
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return self._state_text(state, answer)
        return None

    def _icon(self, state: State, answer: Answer | None) -> QIcon:
        key = (state, answer.level if answer else None)
        if key not in self._icons:
            self._icons[key] = {
                State.UNANSWERED: lambda: _mark(""),
                State.ANSWERED: lambda: _mark(level_hex(answer.level), str(answer.level)),
                State.NEEDS_EVIDENCE: lambda: _mark(level_hex(answer.level), "!", outline="#000000"),
                State.NOT_APPLICABLE: lambda: _mark(GREY, "–"),
                State.UNKNOWN: lambda: _mark(GREY, "?"),
            }[state]()
        return self._icons[key]

    def _unsettled_icon(self) -> QIcon:
        if "unsettled" not in self._icons:
            self._icons["unsettled"] = _mark("#FFFFFF", "≠", outline="#D55E00")
        return self._icons["unsettled"]

    def _state_text(self, state: State, answer: Answer | None) -> str:
        if state is State.UNANSWERED:
            return self.tr("Not answered yet")
        if state is State.NOT_APPLICABLE:
            return text.special_name("na")
        if state is State.UNKNOWN:
            return text.special_name("unknown")
        level = f"{answer.level} · {text.level_name(answer.level)}"
        if state is State.NEEDS_EVIDENCE:
            return self.tr("%1 — needs evidence").replace("%1", level)
        return level

    def indicator_index(self, indicator_id: str) -> QModelIndex:
        area_row = self._area_of.get(indicator_id)
        if area_row is None:
            return QModelIndex()
        row = next(i for i, ind in enumerate(self.form.areas[area_row].indicators) if ind.id == indicator_id)
        return self.index(row, 0, self.index(area_row, 0))

    def progress(self):
        return completeness(self.form, self.session.answers)

    def _on_answer_changed(self, indicator_id: str) -> None:
        if not indicator_id:  # many answers changed at once (an import, a merge)
            for row in range(len(self.form.areas)):
                area = self.index(row, 0)
                self.dataChanged.emit(area, area)
                count = self.rowCount(area)
                if count:
                    self.dataChanged.emit(self.index(0, 0, area), self.index(count - 1, 0, area))
            return
        index = self.indicator_index(indicator_id)
        if index.isValid():
            self.dataChanged.emit(index, index)
            area = index.parent()
            self.dataChanged.emit(area, area)


class IndicatorFilter(QSortFilterProxyModel):
    """Find an indicator by id or words: keeps matching indicators and their areas."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
