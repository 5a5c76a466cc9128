"""Filling in one assessment: the indicator tree on one side, the current indicator or the review on the other."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.ui import text
from hbm_assess.ui.indicator_page import IndicatorPage
from hbm_assess.ui.indicator_tree import INDICATOR_ROLE, IndicatorFilter, IndicatorTreeModel
from hbm_assess.ui.plan import PlanView
from hbm_assess.ui.results import ResultsView
from hbm_assess.ui.review import ReviewPage
from hbm_assess.ui.session import AssessmentSession
from hbm_assess.ui.shortcuts import keys

RESULTS, PLAN = "results", "plan"
TABS = ("questionnaire", RESULTS, PLAN)  # in the order of the tabs


class AssessmentView(QWidget):
    """The screen an assessor lives in: navigate indicators, answer by keyboard or mouse, review."""

    indicator_shown = Signal(str)
    back_requested = Signal()

    def __init__(self, session: AssessmentSession, undo_stack, parent=None):
        super().__init__(parent)
        self.session = session
        self.undo_stack = undo_stack
        self.indicator_ids = [ind.id for ind in session.form.indicators()]
        self.current_id: str | None = None

        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.find = QLineEdit(self)
        self.find.setClearButtonEnabled(True)
        self.find.setPlaceholderText(self.tr("Find an indicator by id or words (Ctrl+F)"))
        self.tree_model = IndicatorTreeModel(session, self)
        self.filter = IndicatorFilter(self)
        self.filter.setSourceModel(self.tree_model)
        self.tree = QTreeView(self)
        self.tree.setModel(self.filter)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.expandAll()
        self.tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self.tree.clicked.connect(self._on_tree_clicked)
        self.tree.activated.connect(self._on_tree_clicked)
        self.find.textChanged.connect(self._on_find_text_changed)
        self.find.returnPressed.connect(self._on_find_return)
        self.progress = QProgressBar(self)
        self.progress.setFormat(self.tr("%v of %m answered"))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.title)
        left_layout.addWidget(self.find)
        left_layout.addWidget(self.tree, 1)
        left_layout.addWidget(self.progress)

        self.page = IndicatorPage(session, undo_stack, self)
        self.right = QStackedWidget(self)
        self.right.addWidget(self.page)
        self._review: ReviewPage | None = None  # made when first asked for, as the tabs below

        self.previous_button = QPushButton(self.tr("◀ Previous (Alt+Up)"), self)
        self.next_button = QPushButton(self.tr("Next (Alt+Down) ▶"), self)
        self.review_button = QPushButton(self.tr("Review && finish…"), self)
        self.back_button = QPushButton(self.tr("All assessments"), self)
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.review_button.clicked.connect(self.show_review)
        self.back_button.clicked.connect(self.back_requested)
        self.saved_note = QLabel(self)  # "Saved 10:42:07", set by the window as each change is committed
        self.saved_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        navigation = QHBoxLayout()
        navigation.addWidget(self.back_button)
        navigation.addStretch()
        navigation.addWidget(self.saved_note)
        navigation.addWidget(self.previous_button)
        navigation.addWidget(self.next_button)
        navigation.addWidget(self.review_button)

        right_side = QWidget(self)
        right_layout = QVBoxLayout(right_side)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.right, 1)
        right_layout.addLayout(navigation)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right_side)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([330, 820])
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.splitter, self.tr("&Questionnaire"))
        # Results and the plan are made when first shown (``tab``): opening an assessment to score
        # it builds only the page it shows, in one short turn of the event loop (#20).
        self._tab_labels = {RESULTS: self.tr("Re&sults"), PLAN: self.tr("&Plan of action")}
        self._made: dict[str, QWidget] = {}
        for label in self._tab_labels.values():
            self.tabs.addTab(QWidget(self.tabs), label)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.settle = None  # the workshop tab, made when first asked for
        self.outputs = None  # the workshop outputs tab, likewise
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self._add_shortcut(("Ctrl+Return", "Ctrl+Enter", "Alt+Down"), self.go_next)
        self._add_shortcut(("Alt+Up",), self.go_previous)
        self._add_shortcut((QKeySequence.StandardKey.Find,), self._on_find_requested)
        self._add_shortcut(("Ctrl+E",), self._on_evidence_requested)
        self.page.install_level_keys(self.splitter)  # the tree and the page: wherever the assessor is
        session.answer_changed.connect(self._on_answer_changed)
        session.details_changed.connect(self._on_details_changed)
        self._on_details_changed()
        self._on_answer_changed("")

    # -- the parts made when first asked for ------------------------------------

    def tab(self, name: str) -> QWidget:
        """The tab ``name`` (RESULTS or PLAN), made now if it was not yet; it takes its placeholder's place."""
        made = self._made.get(name)
        if made is not None:
            return made
        if name == RESULTS:
            made = ResultsView(self.session, self.tabs)
            made.add_action_requested.connect(self._on_add_action_requested)
            made.indicator_requested.connect(self._on_indicator_requested)
            made.method_requested.connect(self.edit_method)
        elif name == PLAN:
            made = PlanView(self.session, self.tabs)
        else:
            raise KeyError(name)
        self._made[name] = made
        index, current = TABS.index(name), self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        # Swapped quietly: the tab that was asked for is current (or not) just as before.
        self.tabs.blockSignals(True)
        try:
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, made, self._tab_labels[name])
            self.tabs.setCurrentIndex(current)
        finally:
            self.tabs.blockSignals(False)
        placeholder.deleteLater()
        return made

    @property
    def results(self) -> ResultsView:
        return self.tab(RESULTS)

    @property
    def plan(self) -> PlanView:
        return self.tab(PLAN)

    @property
    def review(self) -> ReviewPage:
        """The review of what is left to do, made when first shown."""
        if self._review is None:
            self._review = ReviewPage(self.session, self.right)
            self._review.go_to.connect(self.show_indicator)
            self.right.addWidget(self._review)
        return self._review

    def _on_tab_changed(self, index: int) -> None:
        if 0 < index < len(TABS):
            self.tab(TABS[index])

    def _add_shortcut(self, sequences, handler) -> None:
        action = QAction(self)
        action.setShortcuts(keys(*sequences))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(handler)
        self.addAction(action)

    # -- navigation ----------------------------------------------------------

    def show_indicator(self, indicator_id: str, focus: bool = True) -> None:
        """Show an indicator; with ``focus``, on its level choices, ready for a level key."""
        if indicator_id not in self.session.form.by_id:
            return
        self.current_id = indicator_id
        self.page.show_indicator(self.session.form.indicator(indicator_id))
        self.right.setCurrentWidget(self.page)
        self.tabs.setCurrentWidget(self.splitter)
        source = self.tree_model.indicator_index(indicator_id)
        proxy = self.filter.mapFromSource(source)
        if proxy.isValid() and self.tree.currentIndex() != proxy:
            self.tree.selectionModel().setCurrentIndex(proxy, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            self.tree.scrollTo(proxy)
        position = self.indicator_ids.index(indicator_id)
        self.previous_button.setEnabled(position > 0)
        self.next_button.setEnabled(position < len(self.indicator_ids) - 1)
        if focus:
            self.page.focus_levels()
        self.indicator_shown.emit(indicator_id)

    def show_first_unanswered(self) -> None:
        for indicator_id in self.indicator_ids:
            if not self.session.answer(indicator_id).is_answered and self.session.is_assigned(indicator_id):
                self.show_indicator(indicator_id)
                return
        self.show_indicator(self.indicator_ids[0])

    def show_review(self) -> None:
        self.page.commit_typing()
        self.tabs.setCurrentWidget(self.splitter)
        self.review.refresh()
        self.right.setCurrentWidget(self.review)

    def go_next(self) -> None:
        self._step(+1)

    def go_previous(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        if self.current_id is None:
            self.show_indicator(self.indicator_ids[0])
            return
        position = self.indicator_ids.index(self.current_id) + delta
        if 0 <= position < len(self.indicator_ids):
            self.show_indicator(self.indicator_ids[position])
        elif position >= len(self.indicator_ids):
            self.show_review()

    def _on_add_action_requested(self, gap) -> None:
        self.tabs.setCurrentWidget(self.plan)
        self.plan.add_action(gap)

    def _on_indicator_requested(self, indicator_id: str) -> None:
        self.tabs.setCurrentWidget(self.splitter)
        self.show_indicator(indicator_id)

    def show_settle(self) -> None:
        from hbm_assess.ui.workshop import SettleView

        if self.settle is None:
            self.settle = SettleView(self.session, self)
            self.settle.settled.connect(self._on_settled)
            self.tabs.addTab(self.settle, self.tr("&Workshop"))
        self.settle.refresh()
        self.tabs.setCurrentWidget(self.settle)

    def _on_settled(self, *_) -> None:
        results = self._made.get(RESULTS)
        if results is not None and results.isVisible():
            results.redraw()

    def show_outputs(self) -> None:
        from hbm_assess.ui.workshop_outputs import OutputsView

        if self.outputs is None:
            self.outputs = OutputsView(self.session, self)
            self.tabs.addTab(self.outputs, self.tr("Workshop &outputs"))
        self.outputs.refresh()
        self.tabs.setCurrentWidget(self.outputs)

    def refresh_settle(self) -> None:
        if self.settle is not None:
            self.settle.refresh()
        if self.outputs is not None:  # a merged group file brings its outputs
            self.outputs.refresh()

    def edit_method(self) -> None:
        """Ask for the target policy and scope; a change is one step on the undo stack."""
        from hbm_assess.ui.commands import ChangeMethod
        from hbm_assess.ui.method import MethodDialog

        a = self.session.assessment
        if self.session.is_final:
            self.saved_note.setText(self.tr("This assessment is final; reopen it as a draft to change its method."))
            return
        typed = sum(1 for answer in self.session.answers.values()
                    if answer.level is not None and answer.target is not None)
        dialog = MethodDialog(a.target_policy, a.scope, typed, self)
        if dialog.exec() != MethodDialog.DialogCode.Accepted:
            return
        after = (dialog.target_policy(), dialog.chosen_scope())
        if after != (a.target_policy, a.scope):
            self.undo_stack.push(ChangeMethod(self.session, (a.target_policy, a.scope), after,
                                              self.tr("Change the target policy and scope")))

    def commit_typing(self) -> None:
        self.page.commit_typing()

    # -- reactions -----------------------------------------------------------

    def _on_tree_current_changed(self, current, previous) -> None:
        indicator_id = current.data(INDICATOR_ROLE) if current.isValid() else None
        if indicator_id and indicator_id != self.current_id:
            self.show_indicator(indicator_id, focus=False)  # arrow keys keep moving through the tree

    def _on_tree_clicked(self, index) -> None:
        # Also for the indicator already current: the click leaves the review for its page.
        indicator_id = index.data(INDICATOR_ROLE)
        if indicator_id:
            self.show_indicator(indicator_id)

    def _on_evidence_requested(self) -> None:
        if self.current_id is not None and self.right.currentWidget() is not self.page:
            self.show_indicator(self.current_id, focus=False)
        self.page.focus_evidence()

    def _on_find_requested(self) -> None:
        self.find.setFocus()
        self.find.selectAll()

    def _on_find_text_changed(self, words: str) -> None:
        self.filter.setFilterFixedString(words.strip())
        self.tree.expandAll()

    def _on_find_return(self) -> None:
        for row in range(self.filter.rowCount()):
            area = self.filter.index(row, 0)
            if self.filter.rowCount(area):
                indicator_id = self.filter.index(0, 0, area).data(INDICATOR_ROLE)
                self.find.clear()
                self.show_indicator(indicator_id)
                return

    def _on_answer_changed(self, indicator_id: str) -> None:
        done = self.tree_model.progress()
        self.progress.setRange(0, done.total)
        self.progress.setValue(done.answered)

    def _on_details_changed(self) -> None:
        a = self.session.assessment
        status = text.status_name(a.status)
        site = text.site_name(a.site.name, a.site.reference_id, a.site.country)
        self.title.setText(f"<b>{site}</b> · {a.date} · {status}<br>"
                           f"{self.session.form.title.get(text.language())} {a.form_version}")
        if self.current_id:
            self.page.show_indicator(self.session.form.indicator(self.current_id))
