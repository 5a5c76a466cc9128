"""The plan of action: what each institution will do about the gaps, and the dialog to add or edit an action."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.assessment import Action, ActionStatus, Priority, Timeframe
from hbm_assess.core.reference import institution_name, institutions
from hbm_assess.core.scoring import Gap, gaps, suggested_priority
from hbm_assess.core.text import is_right_to_left
from hbm_assess.ui import text
from hbm_assess.ui.date_field import DateField
from hbm_assess.ui.session import AssessmentSession
from hbm_assess.ui.text import action_status_name, priority_name, timeframe_name

ACTION_ROLE = Qt.ItemDataRole.UserRole
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
CURRENCIES = ("USD", "IQD", "EUR")


class ActionDialog(QDialog):
    """Add or change one action; the priority is suggested from the gap it closes."""

    def __init__(self, session: AssessmentSession, action: Action, gap: Gap | None = None, parent=None):
        super().__init__(parent)
        self.session = session
        self.original = action
        self.setWindowTitle(self.tr("Action") if action.id else self.tr("Add action"))
        language = text.language()

        self.title = QLineEdit(action.title, self)
        self.indicators = QListWidget(self)
        self.indicators.setMinimumHeight(110)
        for indicator in session.form.indicators():
            item = QListWidgetItem(f"{indicator.id}  {indicator.label.get(language)}", self.indicators)
            item.setData(Qt.ItemDataRole.UserRole, indicator.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if indicator.id in action.indicators else Qt.CheckState.Unchecked)
            if indicator.id in action.indicators and self.indicators.currentItem() is None:
                self.indicators.setCurrentItem(item)
        self.responsible = QComboBox(self)
        self.responsible.setEditable(True)
        names = [i.acronym.get("en") or i.name.get("en") for i in institutions()]
        self.responsible.addItems(["", *names])
        self.responsible.setCurrentText(action.responsible)
        self.partners = QLineEdit(", ".join(action.partners), self)
        self.partners.setPlaceholderText(self.tr("Institutions, separated by commas"))
        self.priority = _choice(self, [(p.value, priority_name(p.value)) for p in Priority], action.priority)
        self.suggestion = QLabel(self)
        if gap is not None:
            suggested = suggested_priority(gap, gaps(session.form, session.analysed_answers()))
            self.suggestion.setText(self.tr("Suggested: %1 (gap of %2 at level %3)")
                                    .replace("%1", priority_name(suggested.value)).replace("%2", str(gap.size))
                                    .replace("%3", str(gap.level)))
        self.timeframe = _choice(self, [(t.value, timeframe_name(t.value)) for t in Timeframe], action.timeframe)
        self.has_due_date = QCheckBox(self.tr("by a date:"), self)
        self.due_date = DateField(QDate.fromString(action.due_date, "yyyy-MM-dd") if action.due_date
                                  else QDate.currentDate().addMonths(3), self)
        self.has_due_date.setChecked(bool(action.due_date))
        self.due_date.setEnabled(bool(action.due_date))
        self.has_due_date.toggled.connect(self.due_date.setEnabled)
        timing = QHBoxLayout()
        timing.addWidget(self.timeframe, 1)
        timing.addWidget(self.has_due_date)
        timing.addWidget(self.due_date)
        self.cost = QDoubleSpinBox(self)
        self.cost.setRange(0, 1e12)
        self.cost.setDecimals(0)
        self.cost.setSingleStep(1000)
        self.cost.setSpecialValueText(self.tr("not estimated"))
        self.cost.setValue(action.cost or 0)
        self.currency = QComboBox(self)
        self.currency.setEditable(True)
        self.currency.addItems(CURRENCIES)
        self.currency.setCurrentText(action.currency or CURRENCIES[0])
        money = QHBoxLayout()
        money.addWidget(self.cost, 1)
        money.addWidget(self.currency)
        self.resources = QPlainTextEdit(action.resources, self)
        self.resources.setMaximumHeight(70)
        self.status = _choice(self, [(s.value, action_status_name(s.value)) for s in ActionStatus], action.status)
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #B34700;")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("What will be done *"), self.title)
        form.addRow(self.tr("Indicators it addresses"), self.indicators)
        form.addRow(self.tr("Responsible institution"), self.responsible)
        form.addRow(self.tr("Partners"), self.partners)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow("", self.suggestion)
        form.addRow(self.tr("Timeframe"), timing)
        form.addRow(self.tr("Estimated cost"), money)
        form.addRow(self.tr("Resources needed"), self.resources)
        form.addRow(self.tr("Status"), self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(640, 620)

    def accept(self) -> None:
        if not self.title.text().strip():
            self.problem.setText(self.tr("Say what will be done."))
            self.title.setFocus()
            return
        if self.has_due_date.isChecked() and self.due_date.problem():
            self.problem.setText(self.due_date.problem())
            self.due_date.setFocus()
            return
        super().accept()

    def action(self) -> Action:
        chosen = tuple(
            self.indicators.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.indicators.count())
            if self.indicators.item(row).checkState() == Qt.CheckState.Checked
        )
        return replace(
            self.original,
            title=self.title.text().strip(),
            indicators=chosen,
            responsible=self.responsible.currentText().strip(),
            partners=tuple(p.strip() for p in self.partners.text().split(",") if p.strip()),
            priority=self.priority.currentData(),
            timeframe=self.timeframe.currentData(),
            due_date=self.due_date.date().toString("yyyy-MM-dd") if self.has_due_date.isChecked() else "",
            cost=self.cost.value() or None,
            currency=self.currency.currentText().strip() if self.cost.value() else "",
            resources=self.resources.toPlainText().strip(),
            status=self.status.currentData(),
        )


def _choice(parent, items: list[tuple[str, str]], current: str) -> QComboBox:
    box = QComboBox(parent)
    for value, name in items:
        box.addItem(name, value)
    box.setCurrentIndex(max(0, box.findData(current)))
    return box


class PlanView(QWidget):
    """The actions grouped by responsible institution, so each ministry sees its part."""

    changed = Signal()

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortRole(SORT_ROLE)
        self.filter = QLineEdit(self)
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter actions by any word: institution, indicator, status…"))
        self.filter.textChanged.connect(self._on_filter_changed)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setSortingEnabled(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.doubleClicked.connect(self._on_edit_clicked)
        self.tree.header().setStretchLastSection(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.add_button = QPushButton(self.tr("Add action…"), self)
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.add_button.clicked.connect(lambda: self.add_action())
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.total = QLabel(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter, 1)
        for button in (self.add_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.total)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        session.details_changed.connect(self.refresh)
        self.refresh()

    def headers(self) -> list[str]:
        return [text.word(key) for key in ("title", "indicators", "priority", "timeframe", "cost", "status",
                                           "partners")]

    def refresh(self) -> None:
        actions = self.session.store.actions(self.session.assessment_id)
        self.model.clear()
        self.model.setHorizontalHeaderLabels(self.headers())
        groups: dict[str, QStandardItem] = {}
        rank = {Priority.HIGH.value: 0, Priority.MEDIUM.value: 1, Priority.LOW.value: 2}
        for action in actions:
            owner = action.responsible or self.tr("(no institution named)")
            if owner not in groups:
                # Named in the screen's language with the acronym beside, as the report and workbooks do.
                shown = institution_name(owner, text.language()) if action.responsible else owner
                group = _item(shown, shown.casefold())
                font = group.font()
                font.setBold(True)
                group.setFont(font)
                groups[owner] = group
                self.model.appendRow([group] + [_item("", "") for _ in range(6)])
            cost = f"{text.number(action.cost, 0)} {action.currency}" if action.cost else ""
            row = [
                _item(action.title, action.title.casefold()),
                _item(", ".join(action.indicators), ",".join(action.indicators)),
                _item(priority_name(action.priority), rank.get(action.priority, 3)),
                _item(action.due_date or timeframe_name(action.timeframe), action.due_date or action.timeframe),
                _item(cost, action.cost or 0.0),
                _item(action_status_name(action.status), action.status),
                _item(_list([institution_name(p, text.language()) for p in action.partners]),
                      ", ".join(action.partners)),
            ]
            row[0].setData(action.id, ACTION_ROLE)
            groups[owner].appendRow(row)
        for group in groups.values():
            group.setText(f"{group.text()}  ({group.rowCount()})")
        self._span_groups()
        self.tree.expandAll()
        header = self.tree.header()
        for column in range(1, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.total.setText(self.tr("%n actions", "", len(actions)) + " · "
                           + self.tr("%n institutions", "", len(groups)))
        self._on_current_changed()
        self.changed.emit()

    def _on_current_changed(self, *args) -> None:
        chosen = self.tree.currentIndex()
        is_action = chosen.isValid() and chosen.siblingAtColumn(0).data(ACTION_ROLE) is not None
        self.edit_button.setEnabled(is_action)
        self.delete_button.setEnabled(is_action)

    def _on_filter_changed(self, words: str) -> None:
        self.proxy.setFilterFixedString(words.strip())
        self._span_groups()
        self.tree.expandAll()

    def _span_groups(self) -> None:
        # An institution's row spans the table: its name in Arabic or Kurdish, with the acronym, is long.
        for row in range(self.proxy.rowCount()):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)

    def selected_action(self) -> Action | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        action_id = index.siblingAtColumn(0).data(ACTION_ROLE)
        return next((a for a in self.session.store.actions(self.session.assessment_id) if a.id == action_id), None)

    def add_action(self, gap: Gap | None = None) -> None:
        action = Action(title="")
        if gap is not None:
            indicator = self.session.form.indicator(gap.indicator_id)
            action = Action(
                title=self.tr("Raise %1 to level %2").replace("%1", indicator.id).replace("%2", str(gap.target)),
                indicators=(gap.indicator_id,),
                priority=suggested_priority(gap, gaps(self.session.form, self.session.analysed_answers())).value,
            )
        self._edit(action, gap)

    def _on_edit_clicked(self, *args) -> None:
        action = self.selected_action()
        if action is not None:
            self._edit(action, None)

    def _edit(self, action: Action, gap: Gap | None) -> None:
        dialog = ActionDialog(self.session, action, gap, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.session.store.save_action(self.session.assessment_id, dialog.action())
            self.refresh()

    def _on_delete_clicked(self) -> None:
        action = self.selected_action()
        if action is None:
            return
        answer = QMessageBox.question(self, self.tr("Delete action"),
                                      self.tr("Delete the action “%1”?").replace("%1", action.title),
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            self.session.store.delete_action(self.session.assessment_id, action.id)
            self.refresh()


def _list(names: list[str]) -> str:
    """Names joined with the comma of the screen's language (، in Arabic and Kurdish), as the report joins them."""
    return ("، " if is_right_to_left(text.language()) else ", ").join(names)


def _item(display: str, sort_value) -> QStandardItem:
    item = QStandardItem(display)
    item.setData(sort_value, SORT_ROLE)
    item.setEditable(False)
    return item
