"""Workshop mode on screen: groups and their assignments, settling disagreements, and the projector view."""

from __future__ import annotations

from dataclasses import replace
from html import escape

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSize, Qt, QTranslator, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.text import is_right_to_left
from hbm_assess.core.vocabulary import LEVELS, Special
from hbm_assess.core.workshop import (
    ConsensusCase,
    Group,
    SettlementRefused,
    agreed_answer,
    consensus_word,
    levels_in,
    unsettled_text,
)
from hbm_assess.storage import workshop
from hbm_assess.storage.store import StoreError
from hbm_assess.ui import text, translations
from hbm_assess.ui.session import AssessmentSession

NAME_ROLE = Qt.ItemDataRole.UserRole


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


class GroupsDialog(QDialog):
    """Name the break-out groups and tick the indicators each one scores."""

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Workshop groups"))
        self.groups: list[Group] = workshop.groups(session.store, session.assessment_id)
        self._saved_groups = list(self.groups)
        self.names = QListWidget(self)
        self.names.currentRowChanged.connect(self._on_group_chosen)
        self.empty_hint = QLabel(self.tr("No groups yet. Press Add group for each break-out group, name it, "
                                         "then tick the indicators it scores."), self)
        self.empty_hint.setWordWrap(True)
        self.add_button = QPushButton(self.tr("Add group"), self)
        remove = QPushButton(self.tr("Remove group"), self)
        self.add_button.clicked.connect(self._on_add_clicked)
        remove.clicked.connect(self._on_remove_clicked)
        self.name = QLineEdit(self)
        self.members = QLineEdit(self)
        self.members.setPlaceholderText(self.tr("Names, separated by commas"))
        self.institutions = QLineEdit(self)
        self.institutions.setPlaceholderText(self.tr("Institutions, separated by commas"))
        self.indicators = QTreeWidget(self)
        self.indicators.setHeaderHidden(True)
        language = text.language()
        for area in session.form.areas:
            area_item = QTreeWidgetItem(self.indicators, [area.title.get(language)])
            area_item.setFlags(area_item.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
            for indicator in area.indicators:
                item = QTreeWidgetItem(area_item, [f"{indicator.id}  {indicator.label.get(language)}"])
                item.setData(0, NAME_ROLE, indicator.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Unchecked)
        self.indicators.expandAll()
        for widget in (self.name, self.members, self.institutions):
            widget.editingFinished.connect(self._store_current)
        self.indicators.itemChanged.connect(lambda *_: self._store_current())
        self.problem = QLabel(self)
        self.problem.setStyleSheet("color: #B34700;")

        left = QVBoxLayout()
        left.addWidget(self.names, 1)
        left.addWidget(self.empty_hint)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(remove)
        left.addLayout(row)
        editor = QFormLayout()
        editor.addRow(self.tr("Group name"), self.name)
        editor.addRow(self.tr("Members"), self.members)
        editor.addRow(self.tr("Institutions"), self.institutions)
        editor.addRow(self.tr("Indicators it scores"), self.indicators)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(editor, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._loading = False
        self._refresh_names()
        self.resize(900, 600)

    def _refresh_names(self, select: int = 0) -> None:
        self.names.blockSignals(True)
        self.names.clear()
        for group in self.groups:
            QListWidgetItem(self.tr("%1 (%2 indicators)").replace("%1", group.name).replace(
                "%2", str(len(group.indicators))), self.names)
        self.names.blockSignals(False)
        if self.groups:
            self.names.setCurrentRow(min(select, len(self.groups) - 1))
        self.empty_hint.setVisible(not self.groups)
        self._on_group_chosen(self.names.currentRow())

    def _on_add_clicked(self) -> None:
        self.groups.append(Group(self.tr("Group %1").replace("%1", str(len(self.groups) + 1))))
        self._refresh_names(len(self.groups) - 1)
        self.name.setFocus()
        self.name.selectAll()

    def _on_remove_clicked(self) -> None:
        row = self.names.currentRow()
        if 0 <= row < len(self.groups):
            del self.groups[row]
            self._refresh_names(row)

    def _on_group_chosen(self, row: int) -> None:
        self._loading = True
        group = self.groups[row] if 0 <= row < len(self.groups) else None
        for widget in (self.name, self.members, self.institutions, self.indicators):
            widget.setEnabled(group is not None)
        self.name.setText(group.name if group else "")
        self.members.setText(", ".join(group.members) if group else "")
        self.institutions.setText(", ".join(group.institutions) if group else "")
        chosen = set(group.indicators) if group else set()
        for item in self._indicator_items():
            item.setCheckState(0, Qt.CheckState.Checked if item.data(0, NAME_ROLE) in chosen
                               else Qt.CheckState.Unchecked)
        self._loading = False

    def _indicator_items(self) -> list[QTreeWidgetItem]:
        root = self.indicators.invisibleRootItem()
        return [root.child(a).child(i) for a in range(root.childCount()) for i in range(root.child(a).childCount())]

    def _store_current(self) -> None:
        row = self.names.currentRow()
        if self._loading or not 0 <= row < len(self.groups):
            return
        chosen = tuple(item.data(0, NAME_ROLE) for item in self._indicator_items()
                       if item.checkState(0) == Qt.CheckState.Checked)
        self.groups[row] = Group(self.name.text().strip(), _split(self.members.text()),
                                 _split(self.institutions.text()), chosen)
        self.names.item(row).setText(self.tr("%1 (%2 indicators)").replace("%1", self.groups[row].name).replace(
            "%2", str(len(chosen))))

    def accept(self) -> None:
        self._store_current()
        try:
            workshop.save_groups(self.session.store, self.session.assessment_id, self.groups)
        except ValueError:
            self.problem.setText(self.tr("Every group needs a name of its own."))
            return
        super().accept()

    def reject(self) -> None:
        """Cancel, Escape or the close button: what was typed is only dropped when the person says so."""
        self._store_current()  # a name still being typed counts
        if self.groups != self._saved_groups:
            names = ", ".join(group.name for group in self.groups if group not in self._saved_groups)
            box = QMessageBox(QMessageBox.Icon.Question, self.tr("Workshop groups"),
                              self.tr("Discard the changes to the groups (%1)? They have not been saved.")
                              .replace("%1", names or self.tr("groups removed")), parent=self)
            discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
            keep = box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(keep)
            box.setEscapeButton(keep)
            box.exec()
            if box.clickedButton() is not discard:
                return
        super().reject()


class SettleView(QWidget):
    """Indicators scored by several groups, side by side; the facilitator records the agreed level."""

    settled = Signal(str)

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.cases: list[ConsensusCase] = []
        self.case_list = QListWidget(self)
        self.case_list.currentRowChanged.connect(self._on_case_chosen)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(True)
        self.agreed = QComboBox(self)
        # Nothing is chosen for the plenary: a pre-selected level is the one people accept.
        self.agreed.addItem(self.tr("— choose the agreed level —"), None)
        for level in LEVELS:
            self.agreed.addItem(f"{level} · {text.level_name(level)}", level)
        self.agreed.addItem(text.special_name(Special.NA.value), Special.NA.value)
        self.agreed.addItem(text.special_name(Special.UNKNOWN.value), Special.UNKNOWN.value)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(self.tr("Why the plenary agreed on this level"))
        self.note.setMaximumHeight(80)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #444444;")
        self.note_needed = QLabel(self)
        self.note_needed.setWordWrap(True)
        self.note_needed.setStyleSheet("color: #B34700;")
        self.record = QPushButton(self.tr("Record agreed level"), self)
        self.record.clicked.connect(self._on_record_clicked)
        self.agreed.currentIndexChanged.connect(self._on_decision_edited)
        self.note.textChanged.connect(self._on_decision_edited)
        self.summary = QLabel(self)
        self.finish_conflicts = QPushButton(self.tr("Conflict settled: move the file's copy to the bin"), self)
        self.finish_conflicts.clicked.connect(self._on_finish_conflicts_clicked)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.heading)
        right_layout.addWidget(self.table, 1)
        decision = QFormLayout()
        decision.addRow(self.tr("Agreed level"), self.agreed)
        decision.addRow(self.tr("Note"), self.note)
        right_layout.addLayout(decision)
        right_layout.addWidget(self.hint)
        right_layout.addWidget(self.note_needed)
        right_layout.addWidget(self.record, 0, Qt.AlignmentFlag.AlignTrailing)
        splitter = QSplitter(self)
        splitter.addWidget(self.case_list)
        splitter.addWidget(right)
        splitter.setSizes([320, 800])
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.finish_conflicts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.refresh()

    def headers(self) -> list[str]:
        return [text.word(key) for key in ("group", "level", "evidence_text", "notes")]

    def refresh(self) -> None:
        plan = workshop.merge_plan(self.session.store, self.session.assessment_id)
        self.cases = sorted(plan.cases, key=lambda c: (c.settled, not c.disagreement, c.indicator_id))
        self.conflicts = workshop.conflict_cases(self.session.store, self.session.assessment_id)
        for _, cases in self.conflicts:
            self.cases += cases
        self.finish_conflicts.setVisible(bool(self.conflicts))
        row = max(self.case_list.currentRow(), 0)
        self.case_list.blockSignals(True)
        self.case_list.clear()
        language = text.language()
        for case in self.cases:
            mark = "✓" if case.settled else ("⚠" if case.disagreement else "•")
            shown = (f"({levels_in(case, language)})" if case.settled
                     else unsettled_text(replace(case, by_group={self._side_name(g): a for g, a in
                                                                  case.by_group.items()}), language))
            QListWidgetItem(f"{mark} {case.indicator_id}  {shown}", self.case_list)
        self.case_list.blockSignals(False)
        open_cases = sum(1 for c in self.cases if not c.settled)
        self.summary.setText(
            self.tr("%1 indicators were scored by more than one group; %2 differ by two levels or more; %3 still "
                    "to settle.").replace("%1", str(len(self.cases))).replace(
                "%2", str(sum(1 for c in self.cases if c.disagreement))).replace("%3", str(open_cases)))
        if self.cases:
            self.case_list.setCurrentRow(min(row, len(self.cases) - 1))
        self._on_case_chosen(self.case_list.currentRow())

    def _on_case_chosen(self, row: int) -> None:
        case = self.cases[row] if 0 <= row < len(self.cases) else None
        self.hint.setText(consensus_word("score-lower", text.language()) if case is not None else "")
        self.table.setRowCount(0)
        self.table.setHorizontalHeaderLabels(self.headers())
        if case is None:
            self.heading.setText(self.tr("Nothing to settle: no indicator was scored by two groups."))
            return
        indicator = self.session.form.indicator(case.indicator_id)
        spread = self.tr(" — the groups differ by %1 levels").replace("%1", str(case.spread)) if case.disagreement \
            else ""
        self.heading.setText(f"<b>{indicator.id}</b> {indicator.label.get(text.language())}{spread}")
        for group, answer in case.by_group.items():
            group = self._side_name(group)
            level = (f"{answer.level} · {text.level_name(answer.level)}" if answer.level
                     else text.special_name(answer.special) if answer.special else "")
            evidence = " · ".join(p for p in (text.evidence_name(answer.evidence_type) if answer.evidence_type else "",
                                              answer.evidence_reference, answer.evidence_text) if p)
            row_number = self.table.rowCount()
            self.table.insertRow(row_number)
            for column, value in enumerate((group, level, evidence, answer.notes)):
                item = QTableWidgetItem(value)
                if column == 1 and answer.level:
                    item.setBackground(text.level_colour(answer.level, light=True))
                self.table.setItem(row_number, column, item)
        self.table.resizeRowsToContents()
        if case.agreed is not None and case.agreed.is_answered:
            value = case.agreed.level if case.agreed.level else case.agreed.special
            self.agreed.setCurrentIndex(max(0, self.agreed.findData(value)))
        else:
            self.agreed.setCurrentIndex(0)
        self.note.clear()
        self._on_decision_edited()

    def _current_case(self) -> ConsensusCase | None:
        row = self.case_list.currentRow()
        return self.cases[row] if 0 <= row < len(self.cases) else None

    def _on_decision_edited(self) -> None:
        """Record only with a level chosen, and with a note when the groups are two levels apart or more."""
        case = self._current_case()
        needs_note = case is not None and case.disagreement and not self.note.toPlainText().strip()
        self.note_needed.setText(self.tr("The groups differ by %1 levels: write in the note why the plenary agreed "
                                         "on this level.").replace("%1", str(case.spread)) if needs_note else "")
        self.record.setEnabled(case is not None and not self.session.is_final and not needs_note
                               and self.agreed.currentData() is not None)

    def _side_name(self, side: str) -> str:
        if side == workshop.HERE:
            return self.tr("This database")
        if side.startswith(workshop.COPY):
            return self.tr("Imported copy %1").replace("%1", side[len(workshop.COPY):].strip())
        return side

    def _on_finish_conflicts_clicked(self) -> None:
        for copy_id, _ in self.conflicts:
            workshop.settle_conflict(self.session.store, self.session.assessment_id, copy_id)
        self.refresh()

    def _on_record_clicked(self) -> None:
        from hbm_assess import operations

        case, value = self._current_case(), self.agreed.currentData()
        if case is None or value is None:
            return
        note = self.note.toPlainText()
        try:
            if workshop.HERE in case.by_group:  # the same assessment edited in two places
                level, special = (value, None) if isinstance(value, int) else (None, value)
                workshop.settle(self.session.store, self.session.assessment_id,
                                agreed_answer(case, level, special, note))
            else:
                operations.settle(self.session.store, self.session.assessment_id, case.indicator_id, value, note)
        except (SettlementRefused, operations.OperationError, StoreError) as error:
            self.note_needed.setText(text.said(error))
            return
        self.session.reload_answers()
        self.session.answer_changed.emit(case.indicator_id)
        self.settled.emit(case.indicator_id)
        self.refresh()


def _running(direction: str, html: str) -> str:
    """Rich text told which way it runs ('rtl' or 'ltr')."""
    return f'<div dir="{direction}">{html}</div>'


class ProjectorView(QWidget):
    """Large, high-contrast results for the plenary: the radar, the disagreements, the outputs area by area.

    The language button goes round every language the app speaks (en → ar → ckb → en);
    Page Down and Page Up step through the areas' outputs.
    """

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent, Qt.WindowType.Window)
        from hbm_assess.ui.chart_image import ChartImage

        self.session = session
        self.language = text.language()
        self.area_index = 0
        self.setWindowTitle(self.tr("Projector view"))
        self.setStyleSheet("background: white; color: black;")
        # Drawn in the chart thread and shown as an image, as Results is (#20): the plenary's window
        # opens, steps through areas and follows each answer without waiting for matplotlib.
        self.canvas = ChartImage(QSize(900, 700), self)
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.8)
        self.disagreements = QLabel(self)
        self.outputs = QLabel(self)
        smaller = QFont(big)
        smaller.setPointSizeF(big.pointSizeF() * 0.8)  # outputs are sentences: more of them fit the wall
        for label, font in ((self.disagreements, big), (self.outputs, smaller)):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignTop)
            label.setFont(font)
        self.next_area = QPushButton(self)
        self.next_area.clicked.connect(lambda: self.step_area(1))
        self.switch = QPushButton(self)
        self.switch.clicked.connect(self._on_switch_clicked)
        side = QVBoxLayout()
        side.addWidget(self.disagreements, 1)
        side.addWidget(self.outputs, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.next_area)
        buttons.addStretch(1)
        buttons.addWidget(self.switch)
        side.addLayout(buttons)
        layout = QHBoxLayout(self)
        layout.addWidget(self.canvas, 1)
        layout.addLayout(side, 1)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, self.redraw)
        session.answer_changed.connect(lambda *_: self.redraw())
        self._apply_direction()
        self.redraw()

    def keyPressEvent(self, event) -> None:
        # A presenter's clicker sends Page Down / Page Up to whatever has focus; they arrive here.
        steps = {Qt.Key.Key_PageDown: 1, Qt.Key.Key_PageUp: -1}
        if event.key() in steps:
            self.step_area(steps[event.key()])
            return
        super().keyPressEvent(event)

    def next_language(self) -> str:
        languages = list(text.language_names())
        return languages[(languages.index(self.language) + 1) % len(languages)]

    def _on_switch_clicked(self) -> None:
        self.language = self.next_language()
        self._apply_direction()
        self.redraw()

    def _apply_direction(self) -> None:
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft if is_right_to_left(self.language)
                                else Qt.LayoutDirection.LeftToRight)

    def step_area(self, step: int) -> None:
        self.area_index = (self.area_index + step) % (len(self.session.form.areas) + 1)
        self.redraw()

    def redraw(self) -> None:
        from hbm_assess import charts

        form, answers, language = self.session.form, dict(self.session.answers), self.language

        def draw(figure) -> None:
            charts.radar(figure, form, answers, language)
            for ax in figure.axes:  # read across a room
                for label in ax.get_xticklabels() + ax.texts:
                    label.set_fontsize(label.get_fontsize() * 1.4)

        self.canvas.show_chart(draw)
        plan = workshop.merge_plan(self.session.store, self.session.assessment_id)
        lines = []
        for case in plan.disagreements:
            label = self.session.form.indicator(case.indicator_id).label.get(self.language)
            shown = (levels_in(case, self.language) if case.settled
                     else unsettled_text(case, self.language))
            lines.append(f"<p><b>{escape(case.indicator_id)}</b> {escape(label)}<br>{escape(shown)}</p>")
        heading = self._say("Disagreements")
        none = self._say("The groups agree on every shared indicator.")
        # The labels follow the projector's language, not the app's: say which way the text runs.
        direction = "rtl" if is_right_to_left(self.language) else "ltr"
        listed = f"<h2>{heading}</h2>" + ("".join(lines) if lines else f"<p>{none}</p>")
        self.disagreements.setText(_running(direction, listed))
        self.outputs.setText(_running(direction, self._outputs_html()))
        self.next_area.setText(self._say("Next area") + (" ◂" if direction == "rtl" else " ▸"))
        self.switch.setText(text.language_names()[self.next_language()])

    def shown_area(self) -> str:
        """The area whose outputs are on screen ('' after the last area: the whole assessment)."""
        areas = self.session.form.areas
        return areas[self.area_index].id if self.area_index < len(areas) else ""

    def _outputs_html(self) -> str:
        from hbm_assess.core.vocabulary import vocabulary
        from hbm_assess.storage import workshop_outputs

        area_id = self.shown_area()
        area = self.session.form.area_by_id.get(area_id)
        title = area.title.get(self.language) if area else consensus_word("whole-assessment", self.language)
        kinds = vocabulary().output_kinds
        found = [o for o in workshop_outputs.outputs(self.session.store, self.session.assessment_id)
                 if o.area == area_id]
        items = []
        for kind in kinds:
            for output in (o for o in found if o.kind == kind):
                offer = f"{output.institution}: " if output.institution else ""
                group = f" <i>({escape(output.group)})</i>" if output.group else ""
                items.append(f"<li><b>{escape(kinds[kind].name.get(self.language))}</b> — "
                             f"{escape(offer + output.text)}{group}</li>")
        body = f"<ul>{''.join(items)}</ul>" if items else f"<p>{self._say('No outputs for this area yet.')}</p>"
        return f"<h2>{escape(title)}</h2>{body}"

    def _say(self, source: str) -> str:
        """A text of this view in the projector's language, which may differ from the app's."""
        if self.language == text.language():
            return QCoreApplication.translate("ProjectorView", source)
        if self.language == "en":
            return source
        translator = QTranslator(self)
        translator.load(str(translations.compiled_file(self.language)))
        return translator.translate("ProjectorView", source) or source

    # Listed for pyside6-lupdate, which only sees texts written inside tr() or translate().
    _TEXTS = (QT_TRANSLATE_NOOP("ProjectorView", "Disagreements"),
              QT_TRANSLATE_NOOP("ProjectorView", "The groups agree on every shared indicator."),
              QT_TRANSLATE_NOOP("ProjectorView", "Next area"),
              QT_TRANSLATE_NOOP("ProjectorView", "No outputs for this area yet."))
