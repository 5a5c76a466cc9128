"""The page for one indicator: its question, guidance, five level descriptors and the evidence."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPalette, QPen, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.assessment import Answer, choose_level
from hbm_assess.core.questionnaire import Indicator
from hbm_assess.core.vocabulary import LEVELS, Special, vocabulary
from hbm_assess.exchange.cells import EXCEL_CELL_LIMIT, excel_length, illegal_character
from hbm_assess.palette import level_fill, level_hex
from hbm_assess.ui import text
from hbm_assess.ui.commands import ChangeAnswer
from hbm_assess.ui.session import AssessmentSession

TYPING_PAUSE_MS = 600  # typed text is committed after this pause, on leaving the field, or on navigation
FOCUS_RING_ON_LIGHT = "#1A5FB4"  # contrast of 3:1 or more against the page and every level fill
FOCUS_RING_ON_DARK = "#8CC4FF"
FRAME_PX = 3  # a level choice's border and the space around it, in every state


def scoring_rule() -> str:
    """The cumulative scoring rule (WHO e-SPAR), stated wherever levels are chosen."""
    return QApplication.translate(
        "IndicatorPage", "A level counts only when every element of it is met; otherwise score the level below. "
        "In doubt between two levels, give the lower one.")


class LevelChoice(QWidget):
    """One level descriptor as a large choice that can be read in full.

    Drawn by its own ``paintEvent`` from the palette and the level's colours, not by a style
    sheet: a style sheet set on each choice as it was checked re-styled its labels each time,
    five times for every indicator shown (#20).
    """

    chosen = Signal(int)
    step_requested = Signal(int)  # the level whose choice the arrow keys move focus to

    def __init__(self, level: int, parent=None):
        super().__init__(parent)
        self.level = level
        self._checked = False
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.descriptor = QLabel(self)
        self.descriptor.setWordWrap(True)
        self.descriptor.setTextFormat(Qt.TextFormat.PlainText)
        self.descriptor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.swatch = QWidget(self)  # holds the level's colour bar's place; painted with the frame
        self.swatch.setFixedWidth(8)
        layout = QHBoxLayout(self)
        # The frame takes 3 px in every state (border and the space around it), so the focus
        # ring never moves the text.
        layout.setContentsMargins(8 + FRAME_PX, 6 + FRAME_PX, 8 + FRAME_PX, 6 + FRAME_PX)
        layout.addWidget(self.swatch)
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title)
        words.addWidget(self.descriptor)
        layout.addLayout(words, 1)

    def set_text(self, name: str, conditions: list[str]) -> None:
        """The level's name and its conditions, one line each when there are several (all must be met)."""
        self.title.setText(f"{self.level} · {name}")
        descriptor = conditions[0] if len(conditions) == 1 else "\n".join(f"• {c}" for c in conditions)
        self.descriptor.setText(descriptor)
        self.setAccessibleName(f"{self.level} {name}")
        self.setAccessibleDescription(descriptor)

    def set_checked(self, checked: bool) -> None:
        if checked == self._checked:
            return
        self._checked = checked
        # Black words on the light level fill; otherwise the page's own colours.
        palette = QPalette()
        if checked:
            palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
        self.setPalette(palette)  # an empty palette: inherited from the page again
        self.update()

    def ring_colour(self) -> QColor:
        """Dark blue on light ground (the page in a light palette, every level fill), light blue on dark."""
        around = self.parentWidget().palette() if self.parentWidget() else self.palette()
        dark_ground = not self._checked and around.color(QPalette.ColorRole.Window).lightness() < 128
        return QColor(FOCUS_RING_ON_DARK if dark_ground else FOCUS_RING_ON_LIGHT)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.hasFocus():
            border, colour = 3, self.ring_colour()
        elif self._checked:
            border, colour = 2, QColor(level_hex(self.level))
        else:
            border, colour = 1, self.palette().color(QPalette.ColorRole.Mid)
        # The border's outer edge lies FRAME_PX - border inside the widget, as the text never moves.
        inset = FRAME_PX - border + border / 2
        box = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        painter.setPen(QPen(colour, border))
        painter.setBrush(QColor(level_fill(self.level)) if self._checked else Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(box, 6, 6)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(level_hex(self.level)))
        painter.drawRoundedRect(QRectF(self.swatch.geometry()), 3, 3)
        painter.end()

    def is_checked(self) -> bool:
        return self._checked

    def mouseReleaseEvent(self, event):
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.chosen.emit(self.level)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit(self.level)
            return
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: +1}.get(event.key())
        if step and not event.modifiers():
            self.step_requested.emit(self.level + step)
            return
        super().keyPressEvent(event)


def set_text_colour(label: QLabel, colour: str) -> None:
    """A label's words in a fixed colour (chosen for contrast on the light page); its other colours inherited."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    label.setPalette(palette)


class Note(QLabel):
    """Words on a pale blue card: black, so they can be read on it in a dark palette too."""

    BACKGROUND = "#E8EEF3"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMargin(6)
        set_text_colour(self, "black")

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.BACKGROUND))
        painter.drawRoundedRect(QRectF(self.rect()), 4, 4)
        painter.end()
        super().paintEvent(event)


class IndicatorPage(QScrollArea):
    """Shows and edits the answer to one indicator; every change goes through the undo stack."""

    national_requested = Signal(int, str)  # open the national assessment at this indicator

    def __init__(self, session: AssessmentSession, undo_stack, parent=None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.indicator: Indicator | None = None
        self._loading = False
        self._national_id: int | None = None  # the national assessment this indicator is read from, if any
        self._national_answer: Answer | None = None  # and its answer, shown read-only
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self)
        self.setWidget(body)

        self.code = QLabel(body)
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label = QLabel(body)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.label.setFont(font)
        self.phases = QLabel(body)
        self.phases.setWordWrap(True)
        self.guidance = QLabel(body)
        self.guidance.setWordWrap(True)
        self.guidance.setTextFormat(Qt.TextFormat.PlainText)
        self.guidance.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.state_note = QLabel(body)
        self.state_note.setWordWrap(True)
        self.fallback_note = QLabel(body)  # says so when the questionnaire lacks the app's language
        self.fallback_note.setWordWrap(True)
        set_text_colour(self.fallback_note, "#8A5A00")
        self.fallback_note.hide()
        self.national_note = Note(body)  # a national indicator on a crossing point's assessment
        self.national_note.setWordWrap(True)
        self.national_note.setTextFormat(Qt.TextFormat.PlainText)
        self.national_open = QPushButton(body)
        self.national_open.clicked.connect(self._on_national_open_clicked)
        self.national_note.hide()
        self.national_open.hide()
        self.rule = QLabel(body)  # e-SPAR's cumulative rule, where the levels are chosen
        self.rule.setWordWrap(True)
        self.rule.setObjectName("ScoringRule")
        font = self.rule.font()
        font.setItalic(True)
        self.rule.setFont(font)

        self.choices = [LevelChoice(level, body) for level in LEVELS]
        for choice in self.choices:
            choice.chosen.connect(self._on_level_chosen)
            choice.step_requested.connect(self._on_step_requested)
        self.na_button = QPushButton(body)
        self.unknown_button = QPushButton(body)
        self.clear_button = QPushButton(body)
        for button in (self.na_button, self.unknown_button):
            button.setCheckable(True)
        self.na_button.clicked.connect(lambda: self._on_special_chosen(Special.NA.value))
        self.unknown_button.clicked.connect(lambda: self._on_special_chosen(Special.UNKNOWN.value))
        self.clear_button.clicked.connect(self._on_clear_clicked)

        self.target = QSpinBox(body)
        self.target.setRange(1, 5)
        self.target.valueChanged.connect(self._on_target_changed)
        self.evidence_type = QComboBox(body)
        self.evidence_type.currentIndexChanged.connect(self._on_evidence_type_changed)
        self.evidence_reference = QLineEdit(body)
        self.evidence_text = QPlainTextEdit(body)
        self.evidence_text.setTabChangesFocus(True)
        self.evidence_text.setMinimumHeight(70)
        self.confidence = QComboBox(body)
        self.confidence.currentIndexChanged.connect(self._on_confidence_changed)
        self.notes = QPlainTextEdit(body)
        self.notes.setTabChangesFocus(True)
        self.notes.setMinimumHeight(60)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.commit_typing)
        self._typed_fields: set[str] = set()
        for name, widget in (("evidence_reference", self.evidence_reference),
                             ("evidence_text", self.evidence_text), ("notes", self.notes)):
            widget.textChanged.connect(lambda *_, n=name: self._on_text_typed(n))
            widget.installEventFilter(self)

        self.special_row = QHBoxLayout()
        self.special_row.addWidget(self.na_button)
        self.special_row.addWidget(self.unknown_button)
        self.special_row.addStretch()
        self.special_row.addWidget(self.clear_button)
        self.details = QFormLayout()
        self.details.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.details.addRow(self.tr("Target level"), self.target)
        self.details.addRow(self.tr("Evidence type"), self.evidence_type)
        self.details.addRow(self.tr("Evidence reference"), self.evidence_reference)
        self.details.addRow(self.tr("Evidence"), self.evidence_text)
        self.details.addRow(self.tr("Confidence"), self.confidence)
        self.details.addRow(self.tr("Notes"), self.notes)

        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.fallback_note)
        layout.addWidget(self.code)
        layout.addWidget(self.label)
        layout.addWidget(self.phases)
        layout.addWidget(self.guidance)
        layout.addSpacing(6)
        layout.addWidget(self.national_note)
        national_row = QHBoxLayout()
        national_row.addWidget(self.national_open)
        national_row.addStretch()
        layout.addLayout(national_row)
        layout.addWidget(self.rule)
        for choice in self.choices:
            layout.addWidget(choice)
        layout.addLayout(self.special_row)
        layout.addWidget(self.state_note)
        layout.addSpacing(6)
        layout.addLayout(self.details)
        layout.addStretch()
        self._level_keys: list[QShortcut] = []
        self.install_level_keys(self)
        self._translate_fixed_texts()
        session.answer_changed.connect(self._on_answer_changed)

    def _translate_fixed_texts(self) -> None:
        self.na_button.setText(self.tr("Not applicable (N)"))
        self.unknown_button.setText(self.tr("Unknown (U)"))
        self.clear_button.setText(self.tr("Clear answer"))
        self.evidence_reference.setPlaceholderText(self.tr("Document title, article, file name…"))
        self.evidence_text.setPlaceholderText(self.tr("What was seen, read or heard, and where"))
        self.notes.setPlaceholderText(self.tr("Anything else the team should know"))
        self.target.setToolTip(self.tr("The level to reach; by default the assessment's target policy sets it"))
        self.rule.setText(scoring_rule())
        self.national_open.setText(self.tr("Open the national assessment"))

    def install_level_keys(self, scope: QWidget) -> None:
        """The level keys (1-5, 0/N, U) answer while focus is anywhere inside ``scope``."""
        for shortcut in self._level_keys:
            shortcut.setEnabled(False)
            shortcut.deleteLater()
        keys = {str(level): (lambda lv=level: self._on_level_chosen(lv)) for level in LEVELS}
        keys.update({
            "0": lambda: self._on_special_chosen(Special.NA.value),
            "N": lambda: self._on_special_chosen(Special.NA.value),
            "U": lambda: self._on_special_chosen(Special.UNKNOWN.value),
        })
        self._level_keys = []
        for key, handler in keys.items():
            # Text fields take plain keys first (Qt's shortcut override), so typing "1" in a note types.
            shortcut = QShortcut(QKeySequence(key), scope)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(handler)
            self._level_keys.append(shortcut)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Escape leaves a text field: what was typed is saved and the level keys work again.
        if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.commit_typing()
            self.focus_levels()
            return True
        return super().eventFilter(watched, event)

    def focus_levels(self) -> None:
        """Focus on the chosen level, else the first: the place where the level keys and arrows start."""
        choice = next((c for c in self.choices if c.is_checked()), self.choices[0])
        if choice.isEnabled():
            choice.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(choice)
        else:
            self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_step_requested(self, level: int) -> None:
        choice = next((c for c in self.choices if c.level == level), None)
        if choice is not None:
            choice.setFocus(Qt.FocusReason.TabFocusReason)
            self.ensureWidgetVisible(choice)

    def focus_evidence(self) -> None:
        self.evidence_text.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.ensureWidgetVisible(self.evidence_text)

    # -- showing -------------------------------------------------------------

    def show_indicator(self, indicator: Indicator) -> None:
        self.commit_typing()
        self.indicator = indicator
        language = text.language()
        area = self.session.form.area_by_id[indicator.area_id]
        self.code.setText(f"<b>{indicator.id}</b> · {area.title.get(language)}")
        self.label.setText(indicator.label.get(language))
        translated = indicator.label.has(language) and indicator.guidance.has(language) and all(
            text_.has(language) for text_ in indicator.levels.values())
        self.fallback_note.setVisible(not translated)
        if not translated:
            self.fallback_note.setText(self.tr("This indicator is not yet translated into your language; "
                                               "it is shown in English."))
        self.guidance.setText(indicator.guidance.get(language))
        self.phases.setText(self.phase_line(indicator))
        self._show_national(indicator)
        for choice in self.choices:
            choice.set_text(text.level_name(choice.level),
                            [part.get(language) for part in indicator.level_conditions(choice.level)])
        self._fill_evidence_types(indicator)
        self._fill_confidence()
        self._load_answer()
        self.verticalScrollBar().setValue(0)

    def _show_national(self, indicator: Indicator) -> None:
        """A national indicator on a crossing point: read from the national assessment, or a post-level view."""
        self._national_id = self._national_answer = None
        on_post = self.session.assessment.scope == "crossing-point"
        self.national_note.setVisible(indicator.national and on_post)
        self.national_open.hide()
        if not (indicator.national and on_post):
            return
        source = self.session.national_source()
        answer = source[1].get(indicator.id) if source else None
        if source and answer is not None and answer.is_answered:
            national = source[0]
            self._national_id, self._national_answer = national.id, answer
            shown = (f"{answer.level} · {text.level_name(answer.level)}" if answer.level is not None
                     else text.special_name(answer.special))
            self.national_note.setText(
                self.tr("National indicator — from the national assessment of %1: %2. It is scored once for the "
                        "country and shown here for context.").replace("%1", national.date).replace("%2", shown))
            self.national_open.show()
        elif source:
            self.national_note.setText(
                self.tr("National indicator — the national assessment of %1 has not scored it yet. A score given "
                        "here is a post-level view of a national matter.").replace("%1", source[0].date))
        else:
            self.national_note.setText(
                self.tr("National indicator — there is no national assessment of this country yet. A score given "
                        "here is a post-level view of a national matter."))

    def _on_national_open_clicked(self) -> None:
        if self._national_id is not None and self.indicator is not None:
            self.national_requested.emit(self._national_id, self.indicator.id)

    def phase_line(self, indicator: Indicator) -> str:
        """The primary phase the charts count the indicator under, then any other tags."""
        line = self.tr("Primary phase: %1").replace("%1", text.phase_name(indicator.phase))
        others = [p for p in indicator.phases if p != indicator.phase]
        if others:
            line += " · " + self.tr("also: %1").replace("%1", ", ".join(text.phase_name(p) for p in others))
        return line

    def _fill_evidence_types(self, indicator: Indicator) -> None:
        self._loading = True
        self.evidence_type.clear()
        self.evidence_type.addItem(self.tr("— none —"), "")
        preferred = list(indicator.evidence)
        for evidence_type in preferred + [e for e in vocabulary().evidence_types if e not in preferred]:
            self.evidence_type.addItem(text.evidence_name(evidence_type), evidence_type)
            if evidence_type == preferred[-1] if preferred else False:
                self.evidence_type.insertSeparator(self.evidence_type.count())
        self._loading = False

    def _fill_confidence(self) -> None:
        self._loading = True
        self.confidence.clear()
        self.confidence.addItem(self.tr("— not said —"), "")
        for confidence in vocabulary().confidence:
            self.confidence.addItem(text.confidence_name(confidence), confidence)
        self._loading = False

    def _load_answer(self) -> None:
        if self.indicator is None:
            return
        # A national indicator read from the national assessment shows that assessment's answer and evidence.
        answer = self._national_answer or self.session.answer(self.indicator.id)
        self._loading = True
        for choice in self.choices:
            choice.set_checked(answer.level == choice.level)
        self.na_button.setChecked(answer.special == Special.NA.value)
        self.unknown_button.setChecked(answer.special == Special.UNKNOWN.value)
        self.target.setEnabled(answer.level is not None)
        if answer.level is not None:
            self.target.setValue(max(answer.target, answer.level) if answer.target is not None
                                 else self.session.policy_target(self.indicator.id, answer.level))
        self.evidence_type.setCurrentIndex(max(0, self.evidence_type.findData(answer.evidence_type)))
        self.confidence.setCurrentIndex(max(0, self.confidence.findData(answer.confidence)))
        for widget, value in ((self.evidence_reference, answer.evidence_reference),
                              (self.evidence_text, answer.evidence_text), (self.notes, answer.notes)):
            current = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
            if current != value:
                if isinstance(widget, QLineEdit):
                    widget.setText(value)
                else:
                    widget.setPlainText(value)
        self._loading = False
        self._show_state(answer)
        read_only = (self.session.is_final or not self.session.is_assigned(self.indicator.id)
                     or self._national_id is not None)
        for widget in (*self.choices, self.na_button, self.unknown_button, self.clear_button, self.target,
                       self.evidence_type, self.confidence):
            widget.setEnabled(not read_only and (widget is not self.target or answer.level is not None))
        for widget in (self.evidence_reference, self.evidence_text, self.notes):
            widget.setReadOnly(read_only)

    def _show_state(self, answer: Answer) -> None:
        if answer.needs_evidence:
            self.state_note.setText(self.tr("⚠ Level %1 claims capacity used in a crisis or exercise: "
                                            "add the evidence that shows it.").replace("%1", str(answer.level)))
        elif not self.session.is_assigned(self.indicator.id):
            self.state_note.setText(self.tr("Another group scores this indicator; it is shown for reference. "
                                            "Your group, %1, scores the indicators in bold.").replace(
                "%1", self.session.group))
        elif not answer.is_answered and self.session.unsettled_text(self.indicator.id):
            self.state_note.setText(self.tr("%1 — settle it under Workshop → Settle disagreements.").replace(
                "%1", self.session.unsettled_text(self.indicator.id)))
        elif self.session.is_final:
            self.state_note.setText(self.tr("This assessment is final. Reopen it as a draft to change answers."))
        else:
            self.state_note.setText("")

    def _on_answer_changed(self, indicator_id: str) -> None:
        if self.indicator is not None and indicator_id == self.indicator.id:
            self._load_answer()

    # -- editing -------------------------------------------------------------

    def _current(self) -> Answer:
        return self.session.answer(self.indicator.id)

    def _change(self, after: Answer, description: str, field: str = "") -> None:
        if (self.indicator is None or self.session.is_final or not self.session.is_assigned(self.indicator.id)
                or self._national_id is not None):
            return
        before = self._current()
        if after == before:
            return
        self.undo_stack.push(ChangeAnswer(self.session, before, after, description, field))

    def _on_level_chosen(self, level: int) -> None:
        if self.indicator is None:
            return
        self.commit_typing()
        before = self._current()
        after = choose_level(before, level)
        self._change(after, self.tr("Level %1 for %2").replace("%1", str(level)).replace("%2", self.indicator.id))
        if QApplication.focusWidget() in self.choices:  # not from the tree: its arrow keys stay there
            self.focus_levels()  # the arrow keys go on from the level just chosen

    def _on_special_chosen(self, special: str) -> None:
        if self.indicator is None:
            return
        self.commit_typing()
        after = replace(self._current().with_level(None, special), target=None)
        self._change(after, self.tr("%1 for %2").replace("%1", text.special_name(special)).replace(
            "%2", self.indicator.id))

    def _on_clear_clicked(self) -> None:
        if self.indicator is None:
            return
        after = replace(self._current().with_level(None, None), target=None)
        self._change(after, self.tr("Clear %1").replace("%1", self.indicator.id))

    def _on_target_changed(self, value: int) -> None:
        if self._loading or self.indicator is None or self._current().level is None:
            return
        current = self._current()
        # The policy's own target is not typed: the indicator keeps following the policy.
        typed = None if value == self.session.policy_target(self.indicator.id, current.level) else value
        self._change(replace(current, target=typed), self.tr("Target for %1").replace("%1", self.indicator.id))

    def _on_evidence_type_changed(self, index: int) -> None:
        if self._loading or self.indicator is None:
            return
        self._change(replace(self._current(), evidence_type=self.evidence_type.currentData() or ""),
                     self.tr("Evidence type for %1").replace("%1", self.indicator.id))

    def _on_confidence_changed(self, index: int) -> None:
        if self._loading or self.indicator is None:
            return
        self._change(replace(self._current(), confidence=self.confidence.currentData() or ""),
                     self.tr("Confidence for %1").replace("%1", self.indicator.id))

    def _on_text_typed(self, field: str) -> None:
        if self._loading or self.indicator is None:
            return
        self._typed_fields.add(field)
        self._typing.start()

    def commit_typing(self) -> None:
        """Save whatever was typed and not yet saved (called on a pause, navigation and close)."""
        self._typing.stop()
        if not self._typed_fields or self.indicator is None:
            return
        values = {
            "evidence_reference": self.evidence_reference.text(),
            "evidence_text": self.evidence_text.toPlainText(),
            "notes": self.notes.toPlainText(),
        }
        fields, self._typed_fields = self._typed_fields, set()
        problem = next((self._text_problem(values[f]) for f in fields if self._text_problem(values[f])), "")
        if problem:
            self.state_note.setText(problem)
            return
        after = replace(self._current(), **{f: values[f] for f in fields})
        description = self.tr("Edit text of %1").replace("%1", self.indicator.id)
        self._change(after, description, field=",".join(sorted(fields)))

    def _text_problem(self, value: str) -> str:
        """Why typed text cannot be kept as it is (it must fit a spreadsheet cell), or ''."""
        if excel_length(value) > EXCEL_CELL_LIMIT:
            return self.tr("This text is longer than %1 characters, the most a spreadsheet cell can hold. "
                           "Shorten it; it has not been saved.").replace("%1", str(EXCEL_CELL_LIMIT))
        position = illegal_character(value)
        if position is not None:
            return self.tr("This text contains an invisible control character (at position %1), often copied "
                           "from a PDF, that spreadsheet files cannot hold. Delete it; the text has not been "
                           "saved.").replace("%1", str(position + 1))
        return ""

    def has_unsaved_typing(self) -> bool:
        return bool(self._typed_fields)
