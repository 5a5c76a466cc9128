"""Workshop outputs on screen: challenges, strategy directions and institutions' contributions, area by area.

Each group enters its own on its laptop; the facilitator enters the plenary's. The
view calls the same operations as ``hbm-assess workshop note``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.reference import institutions
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.core.workshop import OUTPUT_KINDS, OutputKind, consensus_word, outputs_by_area
from hbm_assess.storage import workshop_outputs
from hbm_assess.ui import text
from hbm_assess.ui.session import AssessmentSession

ID_ROLE = Qt.ItemDataRole.UserRole


class OutputsView(QWidget):
    """Add an output on the left; every output so far, by area, on the right."""

    changed = Signal()

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        language = text.language()
        self.area = QComboBox(self)
        for area in session.form.areas:
            self.area.addItem(area.title.get(language), area.id)
        self.area.addItem(consensus_word("whole-assessment", language), "")
        self.kind = QComboBox(self)
        for kind in OUTPUT_KINDS:
            self.kind.addItem(vocabulary().output_kinds[kind].name.get(language), kind)
        self.institution = QComboBox(self)
        self.institution.setEditable(True)
        self.institution.addItem("", "")
        for institution in institutions():
            name = institution.acronym.get("en") or institution.name.get("en")
            self.institution.addItem(institution.display(language), name)
        self.indicators = QListWidget(self)
        self.indicators.setMinimumHeight(120)
        self.actions = QListWidget(self)  # the plan's actions a contribution supports
        self.actions.setMaximumHeight(90)
        self.words = QPlainTextEdit(self)
        self.words.setPlaceholderText(self.tr("What the group said, in its own words"))
        self.words.setMaximumHeight(110)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B34700;")
        self.add = QPushButton(self.tr("Add"), self)
        self.add.clicked.connect(self._on_add_clicked)
        self.area.currentIndexChanged.connect(self._on_area_chosen)
        self.kind.currentIndexChanged.connect(self._on_edited)
        self.words.textChanged.connect(self._on_edited)
        self.institution.currentTextChanged.connect(self._on_edited)

        form = QFormLayout()
        form.addRow(self.tr("Area"), self.area)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Institution"), self.institution)
        form.addRow(self.tr("Indicators it concerns"), self.indicators)
        form.addRow(self.tr("Plan actions it supports"), self.actions)
        form.addRow(self.tr("Text"), self.words)
        entry = QWidget(self)
        column = QVBoxLayout(entry)
        who = self.tr("Group %1 writes here.").replace("%1", session.group) if session.group else \
            self.tr("The facilitator writes here; each group's outputs arrive with its file.")
        column.addWidget(QLabel(who, entry))
        column.addLayout(form)
        column.addWidget(self.problem)
        column.addWidget(self.add, 0, Qt.AlignmentFlag.AlignTrailing)
        column.addStretch(1)

        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Output"), self.tr("Group")])
        self.tree.setColumnWidth(0, 460)
        self.tree.setWordWrap(True)
        self.tree.currentItemChanged.connect(lambda *_: self._on_edited())
        self.remove = QPushButton(self.tr("Delete"), self)
        self.remove.clicked.connect(self._on_remove_clicked)
        listing = QWidget(self)
        right = QVBoxLayout(listing)
        right.addWidget(self.tree, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.remove)
        right.addLayout(buttons)
        splitter = QSplitter(self)
        splitter.addWidget(entry)
        splitter.addWidget(listing)
        splitter.setSizes([420, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self._on_area_chosen()
        self.refresh()

    def _on_area_chosen(self, *_) -> None:
        """The indicators listed are the chosen area's (all of them for the whole assessment)."""
        language = text.language()
        area_id = self.area.currentData()
        self.indicators.clear()
        for indicator in self.session.form.indicators():
            if area_id and indicator.area_id != area_id:
                continue
            item = QListWidgetItem(f"{indicator.id}  {indicator.label.get(language)}", self.indicators)
            item.setData(ID_ROLE, indicator.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)

    def _on_edited(self, *_) -> None:
        contribution = self.kind.currentData() == OutputKind.CONTRIBUTION.value
        missing = not self.words.toPlainText().strip() or (contribution and not self._institution())
        self.add.setEnabled(not missing and not self.session.is_final)
        self.remove.setEnabled(self._chosen_uuid() is not None and not self.session.is_final)
        self.problem.setText(self.tr("A contribution names the institution that offers it.")
                             if contribution and not self._institution() and self.words.toPlainText().strip()
                             else "")

    def _institution(self) -> str:
        typed = self.institution.currentText().strip()
        index = self.institution.findText(typed)
        return (self.institution.itemData(index) or typed) if index >= 0 else typed

    def _chosen_uuid(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def _on_add_clicked(self) -> None:
        from hbm_assess import operations

        chosen = _checked(self.indicators)
        try:
            operations.add_workshop_output(
                self.session.store, self.session.assessment_id, self.kind.currentData(), self.words.toPlainText(),
                area=self.area.currentData() or operations.WHOLE_ASSESSMENT, institution=self._institution(),
                indicators=chosen, actions=_checked(self.actions))
        except operations.OperationError as error:
            self.problem.setText(text.said(error))
            return
        self.words.clear()
        self._on_area_chosen()
        self.refresh()
        self.changed.emit()

    def _on_remove_clicked(self) -> None:
        from hbm_assess.storage.store import StoreError

        uuid = self._chosen_uuid()
        if uuid is None:
            return
        try:
            workshop_outputs.delete_output(self.session.store, self.session.assessment_id, uuid)
        except StoreError as error:
            self.problem.setText(text.said(error))
            return
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        language, kinds = text.language(), vocabulary().output_kinds
        self.actions.clear()
        for action in self.session.store.actions(self.session.assessment_id):
            item = QListWidgetItem(action.title, self.actions)
            item.setData(ID_ROLE, action.uuid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.tree.clear()
        found = workshop_outputs.outputs(self.session.store, self.session.assessment_id)
        for area_id, outputs in outputs_by_area(self.session.form, found):
            area = self.session.form.area_by_id.get(area_id)
            title = area.title.get(language) if area else consensus_word("whole-assessment", language)
            top = QTreeWidgetItem(self.tree, [f"{title} ({len(outputs)})"])
            top.setFlags(top.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            for output in outputs:
                offer = f"{output.institution}: " if output.institution else ""
                linked = f" ({', '.join(output.indicators)})" if output.indicators else ""
                item = QTreeWidgetItem(top, [f"{kinds[output.kind].name.get(language)} — {offer}{output.text}{linked}",
                                             output.group])
                item.setData(0, ID_ROLE, output.uuid)
                item.setToolTip(0, output.text)
        self.tree.expandAll()
        self._on_edited()


def _checked(listing: QListWidget) -> tuple[str, ...]:
    return tuple(listing.item(row).data(ID_ROLE) for row in range(listing.count())
                 if listing.item(row).checkState() == Qt.CheckState.Checked)
