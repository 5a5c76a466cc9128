"""The results of one assessment: charts, the scored table, and comparison with an earlier visit."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSize, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.comparison import RAPID_DETAILED, UNRELATED, VERSIONS, Comparison
from hbm_assess.core.scoring import Gap, gaps, overall_score, target_for
from hbm_assess.ui import text
from hbm_assess.ui.session import AssessmentSession

SORT_ROLE = Qt.ItemDataRole.UserRole
INDICATOR_ROLE = Qt.ItemDataRole.UserRole + 1
REDRAW_PAUSE_MS = 300  # answers arriving in a burst redraw the charts once
CELL_PADDING_PX = 16    # the cell's margins on both sides, with room to spare
HEADER_PADDING_PX = 28  # the header's margins and its sort arrow


class ScoredTableModel(QAbstractTableModel):
    """Area × indicator with level, target, gap, evidence and, when comparing, the change."""

    AREA, INDICATOR, LEVEL, TARGET, GAP, EVIDENCE, CHANGE = range(7)

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.comparison: Comparison | None = None
        self.indicators = list(session.form.indicators())
        self.analysed: dict = {}
        self._cells: list[list[dict]] = []
        self.refresh()

    def headers(self) -> list[str]:
        return [text.word("area"), text.word("indicator"), text.word("level"), text.word("target"),
                text.word("gap"), text.word("evidence_text"), self.tr("Change")]

    def rowCount(self, parent=QModelIndex()):  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.indicators)

    def columnCount(self, parent=QModelIndex()):  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def set_comparison(self, comparison: Comparison | None) -> None:
        self.comparison = comparison
        self.refresh()

    def refresh(self) -> None:
        self.analysed = self.session.analysed_answers()
        # Every cell worked out once here: the table sizes its columns to their contents, and Qt
        # asks each cell for ~19 roles to do so (5,760 calls, 0.11 s, each time Results opened, #20).
        self._cells = [self._row(indicator) for indicator in self.indicators]
        if self.indicators:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.indicators) - 1, 6))

    def column_texts(self, column: int) -> list[str]:
        """What the rows show in ``column``."""
        return [row[column].get(Qt.ItemDataRole.DisplayRole) or "" for row in self._cells]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._cells):
            return None
        return self._cells[index.row()][index.column()].get(role)

    def _row(self, indicator) -> list[dict]:
        """The row of one indicator: for each column, its value under each role the table asks for."""
        display, sort, tip = Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.ToolTipRole
        language = text.language()
        answer = self.analysed.get(indicator.id)
        level = answer.level if answer else None
        target = target_for(answer, indicator) if answer else None
        answered = bool(answer and answer.is_answered)
        if not answered:
            level_text = ""
        else:
            level_text = f"{level} · {text.level_name(level)}" if level else text.special_name(answer.special)
        gap = target - level if target and level else None
        has = bool(answer and answer.has_evidence)
        evidence = self.tr("⚠ needed") if answer and answer.needs_evidence else ("✓" if has else "")
        change = self.comparison.by_indicator().get(indicator.id) if self.comparison else None
        delta = change.delta if change else None
        area = self.session.form.area_by_id[indicator.area_id].title.get(language)
        cells = [
            {display: area, sort: area},
            {display: f"{indicator.id}  {indicator.label.get(language)}", sort: indicator.id,
             tip: indicator.label.get(language)},
            {display: level_text, sort: level if level is not None else 0},
            {display: str(target) if target else "", sort: target or 0},
            {display: "" if gap is None else str(gap), sort: gap if gap is not None else -1},
            {display: evidence, sort: int(has)},
            {display: "" if delta is None else (f"+{delta}" if delta > 0 else str(delta)),
             sort: delta if delta is not None else -99},
        ]
        if answered:
            cells[self.LEVEL][Qt.ItemDataRole.BackgroundRole] = text.level_colour(level, light=True)
            cells[self.LEVEL][Qt.ItemDataRole.ForegroundRole] = QColor("black")
        for cell in cells:
            cell[INDICATOR_ROLE] = indicator.id
        return cells


class ResultsView(QWidget):
    """Radar, gaps, phases and the scored table, redrawn as answers change."""

    add_action_requested = Signal(object)  # a core Gap
    indicator_requested = Signal(str)
    method_requested = Signal()  # change the target policy (and scope)
    charts_drawn = Signal()  # the three charts on screen show the answers as they are

    def __init__(self, session: AssessmentSession, parent=None):
        super().__init__(parent)
        self.session = session
        self.compare_with = QComboBox(self)
        self.compare_with.currentIndexChanged.connect(self._on_comparison_chosen)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.policy_note = QLabel(self)  # which target policy sets the targets below, with a way to change it
        self.policy_note.setWordWrap(True)
        self.policy_button = QPushButton(self.tr("Change the target policy…"), self)
        self.policy_button.clicked.connect(self.method_requested)
        self.comparison_note = QLabel(self)
        # The charts (and matplotlib) are made when Results is first shown, after its frame is painted:
        # opening an assessment to score it does not wait for them.
        self.canvases: dict = {}
        self.busy = QLabel(self.tr("Drawing the charts…"), self)
        self.busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.busy.setMinimumHeight(340)
        self.table_model = ScoredTableModel(session, self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.table_model)
        proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # Every column as wide as its longest text and header (in every language); the indicator takes the rest.
        self.table.horizontalHeader().setSectionResizeMode(ScoredTableModel.INDICATOR, QHeaderView.ResizeMode.Stretch)
        self.table_model.dataChanged.connect(self._fit_columns)
        self._fit_columns()
        self.table.setMinimumHeight(320)
        self.table.doubleClicked.connect(self._on_row_activated)
        self.add_action_button = QPushButton(self.tr("Add action for the selected gap…"), self)
        self.add_action_button.clicked.connect(self._on_add_action_clicked)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Compare with:"), self))
        top.addWidget(self.compare_with, 1)
        top.addWidget(self.comparison_note, 1)
        self.charts = QGridLayout()
        self.charts.addWidget(self.busy, 0, 0, 2, 2)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(top)
        body_layout.addWidget(self.caption)
        policy_row = QHBoxLayout()
        policy_row.addWidget(self.policy_note, 1)
        policy_row.addWidget(self.policy_button)
        body_layout.addLayout(policy_row)
        body_layout.addLayout(self.charts)
        table_buttons = QHBoxLayout()
        table_buttons.addStretch()
        table_buttons.addWidget(self.add_action_button)
        body_layout.addLayout(table_buttons)
        body_layout.addWidget(self.table)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_PAUSE_MS)
        self._redraw_timer.timeout.connect(self.redraw)
        self._stale = True
        session.answer_changed.connect(self._on_answer_changed)
        session.details_changed.connect(self._on_details_changed)
        self._fill_comparisons()
        self._show_policy()
        self._show_caption(self.table_model.analysed)  # laid out with the page, not after its first paint

    def _fit_columns(self, *args) -> None:
        # Measured from the texts with the font, not by ResizeToContents: that asked every cell for
        # every role, through the sort proxy, on each change (0.1 s each time Results opened, #20).
        header = self.table.horizontalHeader()
        cell_metrics, title_metrics = self.table.fontMetrics(), header.fontMetrics()
        titles = self.table_model.headers()
        for column in range(self.table_model.columnCount()):
            if column == ScoredTableModel.INDICATOR:
                continue
            widest = max((cell_metrics.horizontalAdvance(shown)
                          for shown in self.table_model.column_texts(column)), default=0)
            header.resizeSection(column, max(widest + CELL_PADDING_PX,
                                             title_metrics.horizontalAdvance(titles[column]) + HEADER_PADDING_PX))

    def _make_canvases(self) -> dict:
        from hbm_assess.ui.chart_image import ChartImage

        canvases = {}
        for name in ("radar", "gaps", "phases"):
            # Drawn in the chart thread and shown as images (#20): the tab opens without waiting for them.
            canvas = ChartImage(QSize(550, 420), self)
            canvas.setMinimumSize(420, 340)
            canvas.drawn.connect(self._on_chart_drawn)
            canvases[name] = canvas
        return canvases

    def _on_chart_drawn(self) -> None:
        if not self.drawing():
            self.busy.hide()
            self.charts_drawn.emit()

    def drawing(self) -> bool:
        """True until every chart shows the answers as they are (drawn, or asked for again)."""
        return self._stale or self._redraw_timer.isActive() or not self.canvases or any(
            canvas.busy() or canvas.image is None for canvas in self.canvases.values())

    def _fill_comparisons(self) -> None:
        self.compare_with.blockSignals(True)
        self.compare_with.clear()
        self.compare_with.addItem(self.tr("(nothing)"), 0)
        for other in self.session.store.same_site_assessments(self.session.assessment_id):
            self.compare_with.addItem(f"{other.date} · {text.status_name(other.status)} · "
                                      f"{other.form_title.get(text.language())} {other.form_version}", other.id)
        self.compare_with.blockSignals(False)
        self.compare_with.setEnabled(self.compare_with.count() > 1)

    def comparison(self) -> Comparison | None:
        """The assessment chosen under Compare with, set against this one (any version, rapid or detailed)."""
        from hbm_assess.operations import compare_with

        other_id = self.compare_with.currentData()
        if not other_id:
            return None
        return compare_with(self.session.store, self.session.form, self.session.analysed_answers(), other_id)[1]

    def comparison_text(self, comparison: Comparison) -> str:
        if comparison.kind == UNRELATED:
            return self.tr("These two questionnaires do not compare.")
        counts = (self.tr("Improved %1 · same %2 · worse %3 · not comparable %4")
                  .replace("%1", str(comparison.improved)).replace("%2", str(comparison.same))
                  .replace("%3", str(comparison.worse)).replace("%4", str(comparison.not_comparable)))
        if comparison.kind == RAPID_DETAILED:
            return self.tr("Rapid against detailed, through what each rapid item summarises: %1 · %2 left out") \
                .replace("%1", counts).replace("%2", str(len(comparison.left_out)))
        if comparison.kind == VERSIONS:
            return self.tr("%1 · %2 left out: only one of the two versions asks them") \
                .replace("%1", counts).replace("%2", str(len(comparison.left_out)))
        return counts

    def showEvent(self, event) -> None:
        first = not self.canvases
        if first:
            # Before the tab's first paint: the page is laid out once, as it stays. Added after it,
            # the charts moved the table down and it was painted again while the chart thread held
            # the interpreter, each of its cells waiting for it (80-120 ms at load 3, #20).
            self._add_canvases()
        super().showEvent(event)
        if self._stale:
            # After this turn of the event loop paints the tab: the frame at once, the charts next.
            self._redraw_timer.start(30 if first else 0)

    def _on_answer_changed(self, indicator_id: str) -> None:
        self._stale = True
        self.table_model.refresh()
        if self.isVisible():
            self._redraw_timer.start()

    def _on_details_changed(self) -> None:
        self._show_policy()
        self._on_answer_changed("")  # a new policy or scope: new targets, gaps and charts

    def _show_policy(self) -> None:
        a = self.session.assessment
        self.policy_note.setText(self.tr("Targets set by the policy: %1 (scope: %2). A target typed for one "
                                         "indicator stays.").replace("%1", text.target_policy_name(a.target_policy))
                                 .replace("%2", text.scope_name(a.scope)))
        self.policy_button.setEnabled(not self.session.is_final)

    def _on_comparison_chosen(self, index: int) -> None:
        self.redraw()

    def _add_canvases(self) -> None:
        self.canvases = self._make_canvases()
        self.charts.addWidget(self.canvases["radar"], 0, 0)
        self.charts.addWidget(self.canvases["phases"], 1, 0)
        self.charts.addWidget(self.canvases["gaps"], 0, 1, 2, 1)  # tall, so more gaps fit
        self.busy.raise_()  # over the charts, saying so, until they are drawn

    def redraw(self) -> None:
        from hbm_assess import charts

        if not self.canvases:
            self._add_canvases()
        self._redraw_timer.setInterval(REDRAW_PAUSE_MS)
        self._stale = False
        form, answers, language = self.session.form, self.session.analysed_answers(), text.language()
        comparison = self.comparison()
        if comparison is not None or self.table_model.comparison is not None:
            # Without one, before and after, the table already shows the answers (_on_answer_changed):
            # refreshed again, it was painted again while the charts were drawn (#20).
            self.table_model.set_comparison(comparison)
        self.table.setColumnHidden(ScoredTableModel.CHANGE, comparison is None)
        self.comparison_note.setText("" if comparison is None else self.comparison_text(comparison))
        earlier = comparison.earlier_levels() if comparison is not None else None
        self._show_caption(answers)
        drawings = {
            "radar": lambda fig: charts.radar(fig, form, answers, language, compare_answers=earlier),
            "gaps": lambda fig: charts.gap_chart(fig, form, answers, language),
            "phases": lambda fig: charts.phase_chart(fig, form, answers, language),
        }
        for name, draw in drawings.items():
            self.canvases[name].show_chart(draw)

    def _show_caption(self, answers) -> None:
        overall = overall_score(self.session.form, answers)
        mean = "–" if overall.mean_level is None else text.number(overall.mean_level)
        self.caption.setText(
            self.tr("Mean level %1 over %2 scored indicators; %3 not applicable and %4 unknown are not counted; "
                    "%5 unanswered.").replace("%1", mean).replace("%2", str(overall.scored))
            .replace("%3", str(overall.not_applicable)).replace("%4", str(overall.unknown))
            .replace("%5", str(overall.unanswered)))

    def selected_gap(self) -> Gap | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        indicator_id = index.siblingAtColumn(0).data(INDICATOR_ROLE) or self.table.model().mapToSource(
            index).siblingAtColumn(0).data(INDICATOR_ROLE)
        return next((g for g in gaps(self.session.form, self.session.analysed_answers())
                     if g.indicator_id == indicator_id), None)

    def _on_add_action_clicked(self) -> None:
        gap = self.selected_gap()
        self.add_action_requested.emit(gap)

    def _on_row_activated(self, index) -> None:
        indicator_id = self.table.model().mapToSource(index).siblingAtColumn(0).data(INDICATOR_ROLE)
        if indicator_id:
            self.indicator_requested.emit(indicator_id)
