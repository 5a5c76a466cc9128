"""Areas and indicators as a tree, each with a mark for the state of its answer."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap, QStandardItem, QStandardItemModel

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


class IndicatorTreeModel(QStandardItemModel):
    """Two levels: areas (with progress) and their indicators (with a state mark).

    The texts, marks and tooltips are worked out once and kept in Qt's items, then again for
    what an answer changes: painting and filtering the tree never call back into Python.
    Worked out on every call (a Python model, until #20's seventh session), they were the
    largest part of painting a newly opened assessment (~0.3 ms a row, 50 rows).
    """

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.form = session.form
        self._icons: dict[object, QIcon] = {}
        self._indicators: dict[str, QStandardItem] = {}
        self._areas: list[QStandardItem] = []
        language = text.language()
        bold = QFont()
        bold.setBold(True)
        for area in self.form.areas:
            area_item = _item(f"{area.id} {area.title.get(language)}")
            rows = []
            for indicator in area.indicators:
                item = _item(f"{indicator.id} {indicator.label.get(language)} {indicator.label.get('en')}")
                item.setText(f"{indicator.id}  {indicator.label.get(language)}")
                item.setData(indicator.id, INDICATOR_ROLE)
                if session.assigned and session.is_assigned(indicator.id):
                    item.setFont(bold)
                if not session.is_assigned(indicator.id):
                    item.setForeground(QColor("#777777"))
                self._show_state(item, indicator)
                self._indicators[indicator.id] = item
                rows.append(item)
            area_item.appendRows(rows)
            self._areas.append(area_item)
            self._show_progress(area_item, area)
        self.invisibleRootItem().appendRows(self._areas)  # added whole: no signal for each item
        session.answer_changed.connect(self._on_answer_changed)

    def _show_state(self, item: QStandardItem, indicator) -> None:
        language = text.language()
        answer = self.session.answers.get(indicator.id)
        state = answer_state(answer)
        unsettled = self.session.unsettled_text(indicator.id) if state is State.UNANSWERED else ""
        if unsettled:
            shown = {Qt.ItemDataRole.DecorationRole: self._unsettled_icon(),
                     Qt.ItemDataRole.ToolTipRole: f"{indicator.label.get(language)}\n{unsettled}",
                     Qt.ItemDataRole.AccessibleDescriptionRole: unsettled}
        else:
            # The label is often cut short in the tree: the tooltip shows it whole.
            said = self._state_text(state, answer)
            shown = {Qt.ItemDataRole.DecorationRole: self._icon(state, answer),
                     Qt.ItemDataRole.ToolTipRole: f"{indicator.label.get(language)}\n{said}",
                     Qt.ItemDataRole.AccessibleDescriptionRole: said}
        for role, value in shown.items():
            if item.data(role) != value:
                item.setData(value, role)

    def _show_progress(self, item: QStandardItem, area) -> None:
        done = sum(1 for ind in area.indicators if self.session.answer(ind.id).is_answered)
        item.setText(f"{area.title.get(text.language())}  ({done}/{len(area.indicators)})")

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
        item = self._indicators.get(indicator_id)
        return item.index() if item is not None else QModelIndex()

    def progress(self):
        return completeness(self.form, self.session.answers)

    def _on_answer_changed(self, indicator_id: str) -> None:
        changed = [indicator_id] if indicator_id else list(self._indicators)  # "": many at once (an import, a merge)
        areas = set()
        for changed_id in changed:
            item = self._indicators.get(changed_id)
            if item is not None:
                self._show_state(item, self.form.by_id[changed_id])
                areas.add(item.parent().row())
        for row in sorted(areas):
            self._show_progress(self._areas[row], self.form.areas[row])


def _item(search: str) -> QStandardItem:
    """A row of the tree: chosen, never edited, dragged or checked; ``search`` is what Find matches."""
    item = QStandardItem()
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    item.setData(search, SEARCH_ROLE)
    return item


class IndicatorFilter(QSortFilterProxyModel):
    """Find an indicator by id or words: keeps matching indicators and their areas."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
