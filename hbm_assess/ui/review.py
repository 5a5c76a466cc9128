"""The review page: what is still unanswered or lacks evidence, and Mark final."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.scoring import completeness, overall_score
from hbm_assess.ui import text
from hbm_assess.ui.session import AssessmentSession

ID_ROLE = Qt.ItemDataRole.UserRole


class ReviewPage(QWidget):
    """Lists the indicators that still need work, each a link to its page."""

    go_to = Signal(str)

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.unanswered_label = QLabel(self)
        self.unanswered = QListWidget(self)
        self.evidence_label = QLabel(self)
        self.needs_evidence = QListWidget(self)
        for widget in (self.unanswered, self.needs_evidence):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.itemActivated.connect(self._on_item_activated)
            widget.itemDoubleClicked.connect(self._on_item_activated)
        self.final_button = QPushButton(self)
        self.final_button.clicked.connect(self._on_final_clicked)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.final_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.unanswered_label)
        layout.addWidget(self.unanswered, 2)
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.needs_evidence, 1)
        layout.addLayout(buttons)
        session.answer_changed.connect(self.refresh)
        session.details_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *args) -> None:
        session, language = self.session, text.language()
        form, answers = session.form, session.analysed_answers()
        self.heading.setText("<h2>" + self.tr("Review before marking final") + "</h2>")
        done = completeness(form, answers)
        overall = overall_score(form, answers)
        mean = "–" if overall.mean_level is None else text.number(overall.mean_level)
        self.summary.setText(
            self.tr("%1 of %2 indicators answered. Mean level %3 over %4 scored indicators; "
                    "%5 not applicable or unknown are not counted.")
            .replace("%1", str(done.answered)).replace("%2", str(done.total)).replace("%3", mean)
            .replace("%4", str(overall.scored)).replace("%5", str(overall.excluded))
        )
        self.unanswered.clear()
        self.needs_evidence.clear()
        for indicator in form.indicators():
            answer = answers.get(indicator.id)
            line = f"{indicator.id}  {indicator.label.get(language)}"
            if answer is None or not answer.is_answered:
                self._add(self.unanswered, line, indicator.id)
            elif answer.needs_evidence:
                self._add(self.needs_evidence, line, indicator.id)
        self.unanswered_label.setText(self.tr("Unanswered (%1)").replace("%1", str(self.unanswered.count())))
        self.evidence_label.setText(self.tr("Level 4 or 5 without evidence (%1)").replace(
            "%1", str(self.needs_evidence.count())))
        if session.is_final:
            self.final_button.setText(self.tr("Reopen as draft…"))
        else:
            self.final_button.setText(self.tr("Mark final"))

    def _add(self, widget: QListWidget, line: str, indicator_id: str) -> None:
        item = QListWidgetItem(line, widget)
        item.setData(ID_ROLE, indicator_id)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        self.go_to.emit(item.data(ID_ROLE))

    def _on_final_clicked(self) -> None:
        if self.session.is_final:
            note, ok = QInputDialog.getText(
                self, self.tr("Reopen as draft"),
                self.tr("Why is this assessment reopened? The note is kept with it."),
            )
            if ok and note.strip():
                self.session.reopen(note)
            return
        missing = self.unanswered.count()
        if missing:
            answer = QMessageBox.question(
                self, self.tr("Mark final"),
                self.tr("%1 indicators are still unanswered. Mark the assessment final anyway?").replace(
                    "%1", str(missing)),
                # A final assessment is locked: No is the safe answer, the one Enter gives.
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.session.mark_final()
