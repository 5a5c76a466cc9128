"""Undoable changes: an answer, or the assessment's method, put back whole through the session (and so the store)."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from hbm_assess.core.assessment import Answer
from hbm_assess.ui.session import AssessmentSession

_TEXT_EDIT_ID = 1001


class ChangeAnswer(QUndoCommand):
    """Replace the answer to one indicator; undo restores the one before."""

    def __init__(self, session: AssessmentSession, before: Answer, after: Answer, text: str, field: str = ""):
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after
        self.field = field  # set for typed text, so a burst of typing is one undo step

    def redo(self) -> None:
        if not self.session.put(self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        self.session.put(self.before)

    def id(self) -> int:
        return _TEXT_EDIT_ID if self.field else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ChangeAnswer) or other.field != self.field:
            return False
        if other.after.indicator_id != self.after.indicator_id:
            return False
        self.after = other.after
        return True


class ChangeMethod(QUndoCommand):
    """Change the assessment's target policy and scope; undo restores the ones before."""

    def __init__(self, session: AssessmentSession, before: tuple[str, str], after: tuple[str, str], text: str):
        super().__init__(text)
        self.session = session
        self.before = before  # (target policy, scope)
        self.after = after

    def redo(self) -> None:
        if not self.session.change_method(*self.after):
            self.setObsolete(True)

    def undo(self) -> None:
        self.session.change_method(*self.before)
