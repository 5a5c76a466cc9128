"""The portfolio's filters: which assessments HQ looks at, as widgets that describe a PortfolioFilter."""

from __future__ import annotations

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QGridLayout, QHBoxLayout, QLabel, QPushButton, QWidget

from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import Choices, PortfolioFilter
from hbm_assess.storage.store import Store
from hbm_assess.ui import text

NO_DATE = QDate(1990, 1, 1)  # the minimum of the date fields, shown as "Any"


class PortfolioFilters(QWidget):
    """Country, site type, questionnaire and version, dates, status, area; like with like to start (#17)."""

    changed = Signal()  # any filter changed

    def __init__(self, store: Store, choices: Choices, parent=None, start: PortfolioFilter | None = None):
        super().__init__(parent)
        c = choices
        self.choices = choices
        self.country = self._combo(self.tr("All countries"), [(code, code) for code in c.countries])
        self.site_type = self._combo(self.tr("All site types"),
                                     [(text.site_type_name(t), t) for t in c.site_types])
        self.form = self._combo(self.tr("All questionnaires"),
                                [(c.form_titles[f].get(text.language()), f) for f in c.forms])
        # Like with like (#17): the questionnaire most assessed, its newest version with data, final only.
        start = start or portfolio.like_with_like(store)
        self.form.setCurrentIndex(max(0, self.form.findData(start.form_id)))
        self.version = self._combo(self.tr("All versions"), [])
        self._fill_versions()
        if len(start.form_versions) == 1:
            self.version.setCurrentIndex(max(0, self.version.findData(start.form_versions[0])))
        self.form.currentIndexChanged.connect(self._on_form_changed)
        self.status = self._combo(self.tr("All statuses"), [(text.status_name(s), s) for s in c.statuses])
        if len(start.statuses) == 1:
            self.status.setCurrentIndex(max(0, self.status.findData(start.statuses[0])))
        self.include_drafts = QPushButton(self.tr("Include drafts"), self)
        self.include_drafts.clicked.connect(self._on_include_drafts_clicked)
        self.include_forms = QPushButton(self.tr("Include other versions and questionnaires"), self)
        self.include_forms.clicked.connect(self._on_include_forms_clicked)
        for button in (self.include_drafts, self.include_forms):
            button.hide()  # shown when the figures leave something out
        self.area = self._combo(self.tr("All areas"), [(a.label.get(text.language()), a.key) for a in c.areas])
        self.date_from, self.date_to = self._date_edit(), self._date_edit()
        self.latest_only = QCheckBox(self.tr("Only the latest assessment of each site"), self)
        self.latest_only.toggled.connect(self._on_filter_changed)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        pairs = [(self.tr("Country:"), self.country), (self.tr("Site type:"), self.site_type),
                 (self.tr("Questionnaire:"), self.form), (self.tr("Version:"), self.version),
                 (self.tr("From:"), self.date_from), (self.tr("To:"), self.date_to),
                 (self.tr("Status:"), self.status), (self.tr("Area:"), self.area)]
        for number, (caption, widget) in enumerate(pairs):
            label = QLabel(caption, self)
            label.setBuddy(widget)
            grid.addWidget(label, number // 4, 2 * (number % 4))
            grid.addWidget(widget, number // 4, 2 * (number % 4) + 1)
        self.bottom = QHBoxLayout()  # the view adds its own buttons after the stretch
        self.bottom.addWidget(self.latest_only)
        self.bottom.addWidget(self.include_drafts)
        self.bottom.addWidget(self.include_forms)
        self.bottom.addStretch(1)
        grid.addLayout(self.bottom, 2, 0, 1, 8)
        for column in (1, 3, 5, 7):
            grid.setColumnStretch(column, 1)

    def _combo(self, everything: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.addItem(everything, "")
        for label, value in items:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    def _date_edit(self) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(self.tr("Any"))
        edit.setDate(NO_DATE)
        edit.dateChanged.connect(self._on_filter_changed)
        return edit

    def _fill_versions(self) -> None:
        self.version.blockSignals(True)
        while self.version.count() > 1:
            self.version.removeItem(1)
        for version in self.choices.forms.get(self.form.currentData() or "", ()):
            self.version.addItem(version, version)
        self.version.setEnabled(self.version.count() > 2)
        self.version.blockSignals(False)

    def current_filter(self) -> PortfolioFilter:
        """The filter the widgets describe."""

        def chosen(combo: QComboBox) -> tuple[str, ...]:
            return (combo.currentData(),) if combo.currentData() else ()

        def day(edit: QDateEdit) -> str:
            return "" if edit.date() == NO_DATE else edit.date().toString("yyyy-MM-dd")

        return PortfolioFilter(
            countries=chosen(self.country), site_types=chosen(self.site_type), form_id=self.form.currentData() or "",
            form_versions=chosen(self.version), date_from=day(self.date_from), date_to=day(self.date_to),
            statuses=chosen(self.status), area=self.area.currentData() or "", latest_only=self.latest_only.isChecked(),
        )

    def show_left_out(self, left_out: portfolio.AssessmentsLeftOut) -> None:
        """Offer to include what the figures leave out, when they leave something out."""
        self.include_drafts.setVisible(left_out.drafts > 0)
        self.include_forms.setVisible(left_out.other_forms > 0)

    def _on_form_changed(self, index: int) -> None:
        self._fill_versions()

    def _on_include_drafts_clicked(self) -> None:
        self.status.setCurrentIndex(0)

    def _on_include_forms_clicked(self) -> None:
        self.form.setCurrentIndex(0)  # every questionnaire, hence every version

    def _on_filter_changed(self, *args) -> None:
        self.changed.emit()
