"""The method of an open assessment, changed after creation: its target policy and its scope."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
)

from hbm_assess.core.assessment import SCOPES
from hbm_assess.core.targets import POLICIES, TargetPolicy
from hbm_assess.ui import text


class MethodDialog(QDialog):
    """Choose the target policy (each with what it means) and the scope; OK applies both as one undo step."""

    def __init__(self, target_policy: str, scope: str, typed_targets: int = 0, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Target policy and scope"))
        meanings = {
            TargetPolicy.NEXT_LEVEL.value: self.tr(
                "Each indicator one level above where it stands (or the questionnaire's own target, when higher)."),
            TargetPolicy.REACH_3.value: self.tr(
                "Every indicator below 3 aims at developed capacity: documented and in place."),
            TargetPolicy.REACH_4_EMERGENCY.value: self.tr(
                "Indicators whose primary phase is the emergency aim at 4, tested in practice; the others at 3."),
        }
        self.policies = QButtonGroup(self)
        policy_box = QGroupBox(self.tr("Target policy"), self)
        policy_column = QVBoxLayout(policy_box)
        self.buttons: dict[str, QRadioButton] = {}
        for number, policy in enumerate(POLICIES):
            button = QRadioButton(text.target_policy_name(policy), policy_box)
            button.setChecked(policy == target_policy)
            meaning = QLabel(meanings[policy], policy_box)
            meaning.setWordWrap(True)
            meaning.setStyleSheet("color: palette(placeholder-text);")
            meaning.setIndent(22)
            self.policies.addButton(button, number)
            self.buttons[policy] = button
            policy_column.addWidget(button)
            policy_column.addWidget(meaning)
        typed = QLabel(self.tr("A target typed for one indicator stays as typed (%n indicators here); every other "
                               "target, the gaps, the suggested priorities and the report follow the policy.",
                               "", typed_targets), policy_box)
        typed.setWordWrap(True)
        policy_column.addWidget(typed)

        self.scope = QComboBox(self)
        for value in SCOPES:
            self.scope.addItem(text.scope_name(value), value)
        self.scope.setCurrentIndex(max(0, self.scope.findData(scope)))

        form = QFormLayout()
        form.addRow(self.tr("Scope"), self.scope)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(policy_box)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def target_policy(self) -> str:
        return next(policy for policy, button in self.buttons.items() if button.isChecked())

    def chosen_scope(self) -> str:
        return self.scope.currentData()
