"""Dialogs that ask for a password (workbooks) or a passphrase (the database); nothing typed is ever stored."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class PasswordDialog(QDialog):
    """Asks for a password once (to open) or twice (to protect: the two must match)."""

    def __init__(self, title: str, explanation: str, confirm: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.confirm = confirm
        note = QLabel(explanation, self)
        note.setWordWrap(True)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Password:"), self.password)
        if confirm:
            form.addRow(self.tr("&Again:"), self.again)
        else:
            self.again.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.password.textChanged.connect(self._on_text_changed)
        self.again.textChanged.connect(self._on_text_changed)
        self._on_text_changed()

    def _on_text_changed(self) -> None:
        typed = self.password.text()
        problem = ""
        if self.confirm and self.again.text() and typed != self.again.text():
            problem = self.tr("The two passwords differ.")
        self.problem.setText(problem)
        ok = bool(typed) and not problem and (not self.confirm or typed == self.again.text())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> str | None:
        return self.password.text() or None


def choose_password(parent: QWidget) -> str | None:
    """A new password for workbooks about to be written, typed twice; None when the person cancels."""
    dialog = PasswordDialog(
        QCoreApplication.translate("PasswordDialog", "Protect with a password"),
        QCoreApplication.translate(
            "PasswordDialog", "Excel and LibreOffice will ask for this password to open the workbook. Tell it to "
            "the recipient another way than the workbook itself (a call, another messenger): a lost password "
            "cannot be recovered."),
        confirm=True, parent=parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def ask_password(parent: QWidget, count: int) -> str | None:
    """The password of the protected workbooks of an import (asked once for the batch); None: none given."""
    dialog = PasswordDialog(
        QCoreApplication.translate("PasswordDialog", "Password"),
        QCoreApplication.translate(
            "PasswordDialog", "%n workbook(s) to import are protected with a password. Type the password the "
            "sender gave you; a workbook it does not open is rejected and the others are imported.", None, count),
        confirm=False, parent=parent)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
