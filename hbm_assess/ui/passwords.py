"""Dialogs that ask for a password (workbooks) or a passphrase (the database); nothing typed is ever stored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from hbm_assess.ui import text


class PasswordDialog(QDialog):
    """Asks for a password once (to open) or twice (to protect: the two must match)."""

    def __init__(self, title: str, explanation: str, confirm: bool, parent: QWidget | None = None,
                 passphrase: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.confirm = confirm
        self.note = note = QLabel(explanation, self)
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
        form.addRow(self.tr("&Passphrase:") if passphrase else self.tr("&Password:"), self.password)
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

    def explain_import(self, count: int) -> None:
        """Say how many workbooks of an import the password is for (self.tr: lupdate 6.11 finds plurals there)."""
        self.note.setText(self.tr(
            "%n workbook(s) to import are protected with a password. Type the password the "
            "sender gave you; a workbook it does not open is rejected and the others are imported.", "", count))


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
    dialog = PasswordDialog(QCoreApplication.translate("PasswordDialog", "Password"), "", confirm=False, parent=parent)
    dialog.explain_import(count)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def choose_passphrase(parent: QWidget) -> str | None:
    """The passphrase that will encrypt this database, typed twice; None when the person cancels."""
    dialog = PasswordDialog(
        QCoreApplication.translate("PasswordDialog", "Encrypt this database"),
        QCoreApplication.translate(
            "PasswordDialog", "The database will be encrypted: without this passphrase nobody can read it, not "
            "even you. HBM Assess asks for it at every start and never stores it. Keep it in your office's "
            "password manager: a lost passphrase cannot be recovered. Use four or more random words."),
        confirm=True, parent=parent, passphrase=True)
    return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def open_store(parent: QWidget | None, path: Path):
    """The database at ``path``, asking for its passphrase while it is encrypted and not yet opened.

    Returns None when the person cancels; other errors are raised as Store.open raises them.
    """
    from hbm_assess.storage import encryption
    from hbm_assess.storage.database import PassphraseNeeded, WrongPassphrase
    from hbm_assess.storage.store import Store

    problem = ""
    while True:
        try:
            return Store.open(path)
        except PassphraseNeeded:
            problem = QCoreApplication.translate("PasswordDialog", "The database %1 is encrypted. Type its "
                                                 "passphrase to open it.").replace("%1", text.path(path))
        except WrongPassphrase:
            problem = QCoreApplication.translate("PasswordDialog", "That passphrase does not open the database %1; "
                                                 "nothing was changed. Try again.").replace("%1", text.path(path))
        encryption.forget(path)
        dialog = PasswordDialog(QCoreApplication.translate("PasswordDialog", "Encrypted database"), problem,
                                confirm=False, parent=parent, passphrase=True)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.value():
            return None
        encryption.remember(path, dialog.value())
