"""The assessment open in the window: its answers, kept in step with the database."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from hbm_assess.core.assessment import Answer, Assessment, Status
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.targets import policy_target, with_national_answers, with_policy_targets
from hbm_assess.storage.database import is_busy, waiting_at_most
from hbm_assess.storage.store import Store
from hbm_assess.ui import text

# The window waits this long for another program's write lock before it keeps the change
# in memory and retries: long enough for an import's one-file transaction, short enough
# that typing never stalls.
WAIT_MS = 300
RETRY_MS = 1000


class AssessmentSession(QObject):
    """One open assessment. Every change goes to the store first; signals follow the commit."""

    answer_changed = Signal(str)      # indicator id
    saved = Signal(str)               # commit time, ISO 8601
    details_changed = Signal()
    save_failed = Signal(str)         # what went wrong, for the person in front of the screen
    waiting = Signal(int)             # changes kept in memory while another program holds the database

    def __init__(self, store: Store, assessment_id: int, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.assessment_id = assessment_id
        self.assessment: Assessment = store.assessment(assessment_id)
        self.form: Form = store.form(self.assessment.form_id, self.assessment.form_version)
        self.answers: dict[str, Answer] = store.answers(assessment_id)
        self.group, self.assigned = _laptop_assignment(store, assessment_id)
        self.pending: dict[str, Answer] = {}  # indicator id → answer not yet committed (database busy)
        self._open_cases: dict | None = None  # indicator id → ConsensusCase several groups scored, unsettled
        self.answer_changed.connect(self._forget_cases)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._on_retry)

    def is_assigned(self, indicator_id: str) -> bool:
        """On a workshop group's laptop, only the group's own indicators are answered here."""
        return not self.assigned or indicator_id in self.assigned

    @property
    def is_final(self) -> bool:
        return self.assessment.status == Status.FINAL.value

    def national_source(self) -> tuple[Assessment, dict[str, Answer]] | None:
        """For a crossing point: the national assessment its national indicators are read from, with its answers."""
        national = self.store.national_assessment_for(self.assessment_id)
        if national is None:
            return None
        return national, self.store.answers(national.id)

    def analysed_answers(self) -> dict[str, Answer]:
        """The answers with untyped targets filled from the assessment's target policy: what results show."""
        source = self.national_source()
        answers = with_national_answers(self.form, self.answers, source[1] if source else None,
                                        self.assessment.scope)
        return with_policy_targets(self.form, answers, self.assessment.target_policy)

    def policy_target(self, indicator_id: str, level: int) -> int:
        """The target the assessment's policy sets for this indicator at ``level``."""
        indicator = self.form.indicator(indicator_id)
        return policy_target(self.assessment.target_policy, level, indicator.phase, indicator.default_target)

    def answer(self, indicator_id: str) -> Answer:
        return self.answers.get(indicator_id) or Answer(indicator_id)

    def put(self, answer: Answer) -> bool:
        """Store ``answer`` (an unanswered one clears the indicator).

        True once it is committed, or — when another program holds the database — once it
        is kept in memory and queued for retry (``waiting`` says so; nothing is dropped).
        False when the store refused it (``save_failed`` says why).
        """
        self.pending.pop(answer.indicator_id, None)  # a newer change replaces one still waiting
        return self._store(answer, WAIT_MS)

    def _store(self, answer: Answer, wait_ms: int) -> bool:
        try:
            with waiting_at_most(self.store.db, wait_ms):
                if answer.is_answered or _has_content(answer):
                    stamp = self.store.save_answer(self.assessment_id, answer)
                else:
                    stamp = self.store.clear_answer(self.assessment_id, answer.indicator_id)
        except Exception as error:
            if is_busy(error):
                self._keep(answer)
                return True
            self.save_failed.emit(text.said(error))
            return False
        self._remember(replace(answer, updated_at=stamp))
        self.assessment = replace(self.assessment, updated_at=stamp)
        self.answer_changed.emit(answer.indicator_id)
        self.saved.emit(stamp)
        return True

    def _remember(self, answer: Answer) -> None:
        if answer.is_answered or _has_content(answer):
            self.answers[answer.indicator_id] = answer
        else:
            self.answers.pop(answer.indicator_id, None)

    def _keep(self, answer: Answer) -> None:
        """Hold a change the database could not take yet: shown as given, retried until committed."""
        self.pending[answer.indicator_id] = answer
        self._remember(answer)
        self.answer_changed.emit(answer.indicator_id)
        self.waiting.emit(len(self.pending))
        if not self._retry.isActive():
            self._retry.start()

    def _on_retry(self) -> None:
        for indicator_id, answer in list(self.pending.items()):
            if self.pending.get(indicator_id) is not answer:
                continue
            del self.pending[indicator_id]
            self._store(answer, WAIT_MS)
        if not self.pending:
            self._retry.stop()

    def open_case(self, indicator_id: str):
        """The consensus case of an indicator several groups scored and nobody settled yet, else None."""
        if self._open_cases is None:
            from hbm_assess.core.workshop import open_cases
            from hbm_assess.storage import workshop

            self._open_cases = (open_cases(workshop.merge_plan(self.store, self.assessment_id))
                                if not self.group else {})
        return self._open_cases.get(indicator_id)

    def unsettled_text(self, indicator_id: str) -> str:
        """ "unsettled: Legal 1 / Operations 5" for an open case, shown wherever a level would be; else ''."""
        from hbm_assess.core.workshop import unsettled_text
        from hbm_assess.ui import text

        case = self.open_case(indicator_id)
        return unsettled_text(case, text.language()) if case is not None else ""

    def _forget_cases(self, *_) -> None:
        self._open_cases = None

    def reload_answers(self) -> None:
        """Read the answers again (another job wrote some), keeping the changes still waiting on top.

        Without them, a level key pressed for the value the database still holds looked like
        no change, and the older waiting change then won: a key press lost.
        """
        self.answers = self.store.answers(self.assessment_id)
        self._open_cases = None
        for answer in self.pending.values():
            self._remember(answer)

    def discard_pending(self) -> None:
        """Give up the changes still waiting (the person chose to); nothing is retried after this."""
        self._retry.stop()
        self.pending.clear()

    def flush(self, wait_ms: int) -> bool:
        """Try once more to commit every waiting change, waiting up to ``wait_ms`` each; True if none is left."""
        for indicator_id, answer in list(self.pending.items()):
            del self.pending[indicator_id]
            self._store(answer, wait_ms)
        if not self.pending:
            self._retry.stop()
        return not self.pending

    def reload_details(self) -> None:
        self.assessment = self.store.assessment(self.assessment_id)
        self.details_changed.emit()

    def change_method(self, target_policy: str, scope: str) -> bool:
        """Set the target policy and scope; every view reads the new targets (``details_changed``).

        False when the store refused it (``save_failed`` says why).
        """
        from hbm_assess.operations import change_method

        try:
            with waiting_at_most(self.store.db, WAIT_MS * 10):
                change_method(self.store, self.assessment_id, target_policy, scope)
        except Exception as error:
            self.save_failed.emit(text.said(error))
            return False
        self.reload_details()
        self.saved.emit(self.assessment.updated_at)
        return True

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
