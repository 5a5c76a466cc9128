"""The assessment open in the window: its answers, kept in step with the database."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, Signal

from hbm_assess.core.assessment import Answer, Assessment, Status
from hbm_assess.core.questionnaire import Form
from hbm_assess.storage.store import Store


class AssessmentSession(QObject):
    """One open assessment. Every change goes to the store first; signals follow the commit."""

    answer_changed = Signal(str)      # indicator id
    saved = Signal(str)               # commit time, ISO 8601
    details_changed = Signal()
    save_failed = Signal(str)         # what went wrong, for the person in front of the screen

    def __init__(self, store: Store, assessment_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.assessment: Assessment = store.assessment(assessment_id)
        self.form: Form = store.form(self.assessment.form_id, self.assessment.form_version)
        self.answers: dict[str, Answer] = store.answers(assessment_id)
        self.group, self.assigned = _laptop_assignment(store, assessment_id)

    def is_assigned(self, indicator_id: str) -> bool:
        """On a workshop group's laptop, only the group's own indicators are answered here."""
        return not self.assigned or indicator_id in self.assigned

    @property
    def is_final(self) -> bool:
        return self.assessment.status == Status.FINAL.value

    def answer(self, indicator_id: str) -> Answer:
        return self.answers.get(indicator_id) or Answer(indicator_id)

    def put(self, answer: Answer) -> bool:
        """Store ``answer`` (an unanswered one clears the indicator); True once it is committed."""
        try:
            if answer.is_answered or _has_content(answer):
                stamp = self.store.save_answer(self.assessment_id, answer)
                self.answers[answer.indicator_id] = replace(answer, updated_at=stamp)
            else:
                stamp = self.store.clear_answer(self.assessment_id, answer.indicator_id)
                self.answers.pop(answer.indicator_id, None)
        except Exception as error:
            self.save_failed.emit(str(error))
            return False
        self.assessment = replace(self.assessment, updated_at=stamp)
        self.answer_changed.emit(answer.indicator_id)
        self.saved.emit(stamp)
        return True

    def reload_details(self) -> None:
        self.assessment = self.store.assessment(self.assessment_id)
        self.details_changed.emit()

    def mark_final(self) -> None:
        self.store.mark_final(self.assessment_id)
        self.reload_details()

    def reopen(self, note: str) -> None:
        self.store.reopen(self.assessment_id, note)
        self.reload_details()


def _laptop_assignment(store: Store, assessment_id: int) -> tuple[str, frozenset[str]]:
    from hbm_assess.storage import workshop

    group = workshop.laptop_group(store, assessment_id)
    if not group:
        return "", frozenset()
    mine = next((g for g in workshop.groups(store, assessment_id) if g.name == group), None)
    return group, frozenset(mine.indicators) if mine else frozenset()


def _has_content(answer: Answer) -> bool:
    return bool(answer.has_evidence or answer.notes.strip() or answer.confidence or answer.target)
