"""A date field that takes a date typed in ISO form as typed, with a calendar for the mouse."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def parse_date(typed: str) -> QDate:
    """2025-03-15, 2025-3-15 or 20250315 as a QDate; an invalid QDate for anything else."""
    typed = typed.strip()
    found = ISO.match(typed) or COMPACT.match(typed)
    if not found:
        return QDate()
    return QDate(*(int(part) for part in found.groups()))  # QDate(2025, 2, 30) is invalid


class DateField(QWidget):
    """Typed text is the date (Qt's date edit typed section by section: 2025-03-15 became 2025-12-03)."""

    changed = Signal()

    def __init__(self, value: QDate | None = None, parent=None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edit.setMaxLength(10)
        self.edit.textChanged.connect(self.changed)
        self.edit.editingFinished.connect(self._on_editing_finished)
        self.calendar = QCalendarWidget()
        self.calendar.clicked.connect(self._on_calendar_clicked)
        menu = QMenu(self)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        menu.aboutToShow.connect(self._on_calendar_shown)
        self.button = QToolButton(self)
        self.button.setArrowType(Qt.ArrowType.DownArrow)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(menu)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # one tab stop: the text
        self.button.setToolTip(self.tr("Choose on a calendar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)
        if value is not None:
            self.setDate(value)

    def date(self) -> QDate:
        return parse_date(self.edit.text())

    def setDate(self, value: QDate) -> None:  # the name QDateEdit uses
        self.edit.setText(value.toString("yyyy-MM-dd") if value.isValid() else "")

    def isModified(self) -> bool:  # the name QLineEdit uses
        return self.edit.isModified()

    def problem(self) -> str:
        """What to type, when the text is not a date; else ''."""
        if self.date().isValid():
            return ""
        return self.tr("Type the date as YYYY-MM-DD, for example 2025-03-15.")

    def _on_editing_finished(self) -> None:
        value = self.date()
        if value.isValid() and self.edit.text() != value.toString("yyyy-MM-dd"):
            self.setDate(value)  # 20250315 is shown as 2025-03-15

    def _on_calendar_shown(self) -> None:
        self.calendar.setSelectedDate(self.date() if self.date().isValid() else QDate.currentDate())

    def _on_calendar_clicked(self, value: QDate) -> None:
        self.setDate(value)
        self.edit.setModified(True)
        self.button.menu().close()
