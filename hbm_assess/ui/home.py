"""The home view: every assessment in the database, searchable and sortable."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.storage.store import AssessmentSummary
from hbm_assess.ui import text
from hbm_assess.ui.text import level_colour, status_name

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AssessmentListModel(QAbstractTableModel):
    """The assessments as rows; reload() replaces them all from the store."""

    SITE, FORM, DATE, STATUS, COMPLETE, MEAN = range(6)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[AssessmentSummary] = []
        self._shown: list[tuple] = []
        self._sorted: list[tuple] = []
        self._fills: list = []

    def headers(self) -> list[str]:
        return [self.tr("Site"), self.tr("Questionnaire"), self.tr("Date"), self.tr("Status"),
                self.tr("Completeness"), self.tr("Mean level")]

    def set_rows(self, rows: list[AssessmentSummary]) -> None:
        self.beginResetModel()
        self._rows = rows
        # Worked out once: views ask for the same cells many times while sorting and painting.
        self._shown = [tuple(self._display(row, c) for c in range(6)) for row in rows]
        self._sorted = [tuple(self._sort_value(row, c) for c in range(6)) for row in rows]
        self._fills = [None if row.mean_level is None else level_colour(row.mean_level, light=True) for row in rows]
        self.endResetModel()

    def row_summary(self, row: int) -> AssessmentSummary:
        return self._rows[row]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        number, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[number][column]
        if role == SORT_ROLE:
            return self._sorted[number][column]
        if role == ID_ROLE:
            return self._rows[number].id
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COMPLETE:
            row = self._rows[number]
            return self.tr("%1 of %2 indicators answered").replace("%1", str(row.answered)).replace(
                "%2", str(row.total))
        if role == Qt.ItemDataRole.BackgroundRole and column == self.MEAN:
            return self._fills[number]
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.COMPLETE, self.MEAN):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def _display(self, row: AssessmentSummary, column: int):
        if column == self.SITE:
            return text.site_name(row.site_name, row.site_ref)
        if column == self.FORM:
            return f"{row.form_title.get(text.language())} {row.form_version}"
        if column == self.DATE:
            return row.date
        if column == self.STATUS:
            return status_name(row.status)
        if column == self.COMPLETE:
            return f"{round(100 * row.completeness)}%"
        if column == self.MEAN:
            return "–" if row.mean_level is None else text.number(row.mean_level)
        return None

    def _sort_value(self, row: AssessmentSummary, column: int):
        return {
            self.SITE: text.site_name(row.site_name, row.site_ref).casefold(),
            self.FORM: row.form_title.get(text.language()),
            self.DATE: row.date,
            self.STATUS: row.status,
            self.COMPLETE: row.completeness,
            self.MEAN: -1.0 if row.mean_level is None else row.mean_level,
        }[column]


class CompletenessDelegate(QStyledItemDelegate):
    """Draws completeness as a progress bar, in the platform's style."""

    def paint(self, painter, option, index):
        text = index.data(Qt.ItemDataRole.DisplayRole) or "0%"
        value = int(text.rstrip("%") or 0)
        bar = QStyleOptionProgressBar()
        bar.rect = QRect(option.rect.adjusted(4, 5, -4, -5))
        bar.minimum, bar.maximum, bar.progress = 0, 100, value
        bar.text, bar.textVisible = text, True
        bar.direction = option.direction
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class HomeView(QWidget):
    """The list of assessments with New, Open, Duplicate, Delete; a first step when there are none."""

    open_requested = Signal(int)
    new_requested = Signal()
    duplicate_requested = Signal(int)
    delete_requested = Signal(int)
    demo_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = AssessmentListModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by site, questionnaire, date or status (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.new_button = QPushButton(self.tr("&New assessment…"), self)
        self.open_button = QPushButton(self.tr("&Open"), self)
        self.duplicate_button = QPushButton(self.tr("&Follow-up…"), self)
        self.duplicate_button.setToolTip(self.tr("Start a follow-up assessment from the selected one"))
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.new_button.clicked.connect(self.new_requested)
        self.open_button.clicked.connect(self._on_open_clicked)
        self.duplicate_button.clicked.connect(lambda: self._emit_selected(self.duplicate_requested))
        self.delete_button.clicked.connect(lambda: self._emit_selected(self.delete_requested))

        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(AssessmentListModel.COMPLETE, CompletenessDelegate(self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(AssessmentListModel.SITE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(AssessmentListModel.FORM, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, not from the rows: measuring thousands of rows would slow every refresh.
        metrics = self.table.fontMetrics()
        for column, sample in ((AssessmentListModel.DATE, "0000-00-00"), (AssessmentListModel.STATUS, "Draft  "),
                               (AssessmentListModel.MEAN, self.tr("Mean level"))):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        header.resizeSection(AssessmentListModel.COMPLETE, 160)
        self.table.sortByColumn(AssessmentListModel.DATE, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(self._on_open_clicked)
        self.table.activated.connect(self._on_open_clicked)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.empty = QWidget(self)
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.addStretch()
        welcome = QLabel(self.tr("<h2>No assessments yet</h2>"
                                 "<p>Start by creating an assessment of a border crossing point, "
                                 "or open a demo assessment to see how it works.</p>"), self.empty)
        welcome.setWordWrap(True)
        welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addWidget(welcome)
        first_steps = QHBoxLayout()
        first_steps.addStretch()
        self.empty_new = QPushButton(self.tr("Create an assessment…"), self.empty)
        self.empty_demo = QPushButton(self.tr("Open a demo assessment"), self.empty)
        self.empty_new.clicked.connect(self.new_requested)
        self.empty_demo.clicked.connect(self.demo_requested)
        first_steps.addWidget(self.empty_new)
        first_steps.addWidget(self.empty_demo)
        first_steps.addStretch()
        empty_layout.addLayout(first_steps)
        empty_layout.addStretch()

        self.pages = QStackedWidget(self)
        self.pages.addWidget(self.table)
        self.pages.addWidget(self.empty)

        buttons = QHBoxLayout()
        buttons.addWidget(self.search, 1)
        for button in (self.new_button, self.open_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.pages, 1)
        self.search.addAction(self._find_action())
        self._on_selection_changed()

    def _find_action(self):
        from PySide6.QtGui import QAction

        action = QAction(self)
        action.setShortcut(QKeySequence.StandardKey.Find)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(self.search.setFocus)
        self.addAction(action)
        return action

    def set_rows(self, rows: list[AssessmentSummary]) -> None:
        selected = self.selected_id()
        self.model.set_rows(rows)
        self.pages.setCurrentWidget(self.table if rows else self.empty)
        self.search.setEnabled(bool(rows))
        if selected is not None:
            self.select(selected)
        self._on_selection_changed()

    def select(self, assessment_id: int) -> None:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == assessment_id:
                self.table.selectRow(row)
                self.table.scrollTo(index)
                return

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return rows[0].data(ID_ROLE) if rows else None

    def _emit_selected(self, signal) -> None:
        assessment_id = self.selected_id()
        if assessment_id is not None:
            signal.emit(assessment_id)

    def _on_open_clicked(self, index: QModelIndex | QPersistentModelIndex | None = None) -> None:
        if isinstance(index, (QModelIndex, QPersistentModelIndex)) and index.isValid():
            self.open_requested.emit(index.data(ID_ROLE))
        else:
            self._emit_selected(self.open_requested)

    def _on_selection_changed(self, *args) -> None:
        has = self.selected_id() is not None
        for button in (self.open_button, self.duplicate_button, self.delete_button):
            button.setEnabled(has)
