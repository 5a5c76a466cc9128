"""Undoable answer changes: each one puts a whole answer back through the session (and so the store)."""

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
