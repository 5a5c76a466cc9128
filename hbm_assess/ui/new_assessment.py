"""The New assessment dialog: questionnaire, site, date and people, checked where they are typed."""

from __future__ import annotations

import re

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from hbm_assess.core.assessment import SCOPES, Assessment, Scope, Site, SiteType
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.reference import crossing_points, institutions
from hbm_assess.core.targets import POLICIES
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.ui import text
from hbm_assess.ui.date_field import DateField
from hbm_assess.ui.indicator_page import scoring_rule

COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")
PCODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{0,12}$")
INVALID_STYLE = "border: 1px solid #D55E00;"


class NewAssessmentDialog(QDialog):
    """Asks for what an assessment needs before the first indicator; OK only when it is complete."""

    def __init__(self, forms: list[Form], parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New assessment"))
        self.forms = forms
        language = text.language()

        self.form_choice = QComboBox(self)
        for form in forms:
            self.form_choice.addItem(
                self.tr("%1 (%2 indicators)").replace("%1", form.title.get(language)).replace(
                    "%2", str(form.indicator_count)), form.key)

        self.form_about = QLabel(self)  # the questionnaire's description and the scoring rule
        self.form_about.setWordWrap(True)
        self.form_about.setTextFormat(Qt.TextFormat.PlainText)
        self.form_about.setStyleSheet("color: palette(placeholder-text);")
        self.form_choice.currentIndexChanged.connect(self._on_form_chosen)

        self.scope = QComboBox(self)
        for scope in SCOPES:
            self.scope.addItem(text.scope_name(scope), scope)
        self.scope.setToolTip(self.tr("A national assessment covers the country's laws, coordination and data "
                                      "systems, scored once; it needs no crossing point."))
        # Made after the scope and before the site: Tab follows the rows as they are shown.
        self.target_policy = QComboBox(self)
        for policy in POLICIES:
            self.target_policy.addItem(text.target_policy_name(policy), policy)
        self.target_policy.setToolTip(self.tr("The level each indicator should reach; a target typed for one "
                                              "indicator overrides it"))
        self.site_choice = QComboBox(self)
        self.site_choice.addItem(self.tr("— a new site —"), "")
        self.points = {point.id: point for point in crossing_points()}
        for point in self.points.values():
            self.site_choice.addItem(point.name.get(language), point.id)
        self.site_choice.currentIndexChanged.connect(self._on_site_chosen)
        self.site_name = QLineEdit(self)
        self.country = QLineEdit("IQ", self)
        self.country.setMaxLength(2)
        self.country.setToolTip(self.tr("Two-letter ISO country code, e.g. IQ"))
        self.site_type = QComboBox(self)
        for site_type in vocabulary().site_types:
            self.site_type.addItem(text.site_type_name(site_type), site_type)
        self.pcode = QLineEdit(self)
        self.pcode.setPlaceholderText(self.tr("optional, e.g. IQG03"))
        self.latitude = _coordinate(self, 90)
        self.longitude = _coordinate(self, 180)
        coordinates = QHBoxLayout()
        coordinates.addWidget(self.latitude)
        coordinates.addWidget(self.longitude)
        self.date = DateField(QDate.currentDate(), self)
        self.assessors = QLineEdit(self)
        self.assessors.setPlaceholderText(self.tr("Names, separated by commas"))
        self.institution_list = QListWidget(self)
        self.institution_list.setMinimumHeight(140)
        # Long names (the Kurdistan Regional Government's bureaus) wrap onto a second line, never cut.
        self.institution_list.setWordWrap(True)
        self.institution_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.institution_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.institution_list.setResizeMode(QListView.ResizeMode.Adjust)
        for institution in institutions():
            item = QListWidgetItem(institution.display(language), self.institution_list)
            item.setData(Qt.ItemDataRole.UserRole, institution.acronym.get("en") or institution.name.get("en"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.other_institution = QLineEdit(self)
        self.other_institution.setPlaceholderText(self.tr("Another institution"))
        add_other = QPushButton(self.tr("Add"), self)
        add_other.clicked.connect(self._on_add_institution)
        self.other_institution.returnPressed.connect(self._on_add_institution)
        other = QHBoxLayout()
        other.addWidget(self.other_institution, 1)
        other.addWidget(add_other)

        self.problems: dict[QWidget, QLabel] = {}
        form_layout = QFormLayout()
        form_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form_layout.addRow(self.tr("Questionnaire"), self.form_choice)
        form_layout.addRow("", self.form_about)
        form_layout.addRow(self.tr("Scope"), self.scope)
        form_layout.addRow(self.tr("Target policy"), self.target_policy)
        form_layout.addRow(self.tr("Site"), self.site_choice)
        self.site_name_label = QLabel(self.tr("Site name *"), self)
        form_layout.addRow(self.site_name_label, self._with_problem(self.site_name))
        form_layout.addRow(self.tr("Country *"), self._with_problem(self.country))
        form_layout.addRow(self.tr("Site type"), self.site_type)
        form_layout.addRow(self.tr("P-code"), self._with_problem(self.pcode))
        self.coordinates = QWidget(self)
        self.coordinates.setLayout(coordinates)
        coordinates.setContentsMargins(0, 0, 0, 0)
        form_layout.addRow(self.tr("Latitude, longitude"), self.coordinates)
        form_layout.addRow(self.tr("Date *"), self._with_problem(self.date))
        form_layout.addRow(self.tr("Assessors *"), self._with_problem(self.assessors))
        form_layout.addRow(self.tr("Participating institutions"), self.institution_list)
        form_layout.addRow("", other)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create and start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form_layout = form_layout
        self.scope.currentIndexChanged.connect(self._on_scope_chosen)
        layout = QVBoxLayout(self)
        layout.addLayout(form_layout)
        layout.addWidget(self.buttons)
        for field in (self.site_name, self.country, self.pcode, self.assessors):
            field.textChanged.connect(self.validate)
        self.date.changed.connect(self.validate)
        self.resize(620, 760)
        self._on_form_chosen()
        self.validate()

    def _with_problem(self, field: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(field)
        problem = QLabel(box)
        problem.setStyleSheet("color: #B34700;")
        problem.setWordWrap(True)
        problem.hide()
        column.addWidget(problem)
        self.problems[field] = problem
        return box

    def _on_site_chosen(self, index: int) -> None:
        point = self.points.get(self.site_choice.currentData())
        if point is None:
            self.site_name.clear()
            self.site_name.setFocus()
            return
        self.site_name.setText(point.name.get(text.language()))
        self.country.setText(point.country)
        self.site_type.setCurrentIndex(max(0, self.site_type.findData(point.type)))
        self.pcode.setText(point.adm1_pcode)
        self.latitude.setValue(point.latitude if point.latitude is not None else self.latitude.minimum())
        self.longitude.setValue(point.longitude if point.longitude is not None else self.longitude.minimum())

    def _on_form_chosen(self, *args) -> None:
        form = self.chosen_form()
        # A questionnaire whose description states the scoring rule has it said once, not twice.
        rule = "" if form.states_scoring_rule else scoring_rule()
        self.form_about.setText("\n".join(part for part in (form.description.get(text.language()), rule) if part))

    def _on_scope_chosen(self, index: int) -> None:
        scope = self.scope.currentData()
        point = scope == Scope.CROSSING_POINT.value
        for field in (self.site_choice, self.site_type, self.coordinates):
            self.form_layout.setRowVisible(field, point)
        pcode_row = self.problems[self.pcode].parentWidget()
        self.form_layout.setRowVisible(pcode_row, scope != Scope.NATIONAL.value)
        if not point and self.site_choice.currentIndex() != 0:
            self.site_choice.setCurrentIndex(0)
        self.site_name_label.setText({
            Scope.CROSSING_POINT.value: self.tr("Site name *"),
            Scope.GOVERNORATE.value: self.tr("Governorate *"),
            Scope.NATIONAL.value: self.tr("Country or meeting *"),
        }[scope])
        self.site_name.setPlaceholderText(
            self.tr("e.g. Iraq national workshop, Erbil") if scope == Scope.NATIONAL.value else "")
        self.validate()

    def _on_add_institution(self) -> None:
        name = self.other_institution.text().strip()
        if not name:
            return
        item = QListWidgetItem(name, self.institution_list)
        item.setData(Qt.ItemDataRole.UserRole, name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        self.other_institution.clear()

    def field_problems(self) -> dict[QWidget, str]:
        """Every field that is wrong, with what to do about it."""
        found = {}
        if not self.site_name.text().strip():
            found[self.site_name] = {
                Scope.CROSSING_POINT.value: self.tr("Give the site's name, or choose one from the list above."),
                Scope.GOVERNORATE.value: self.tr("Give the governorate's name."),
                Scope.NATIONAL.value: self.tr("Name the country or the meeting."),
            }[self.scope.currentData()]
        if not COUNTRY_CODE.match(self.country.text().strip()):
            found[self.country] = self.tr("Two capital letters, e.g. IQ.")
        if self.pcode.isVisibleTo(self) and self.pcode.text().strip() and not PCODE.match(self.pcode.text().strip()):
            found[self.pcode] = self.tr("A P-code starts with the country letters, e.g. IQG03.")
        if self.date.problem():
            found[self.date] = self.date.problem()
        if not self._assessor_names():
            found[self.assessors] = self.tr("Name at least one assessor.")
        return found

    def validate(self) -> bool:
        found = self.field_problems()
        for field, label in self.problems.items():
            message = found.get(field, "")
            # An empty field is only marked once the person has been there or tried to finish.
            shown = bool(message) and bool(field.isModified() or self.property("tried"))
            label.setText(message)
            label.setVisible(shown)
            styled = field.edit if isinstance(field, DateField) else field  # not its calendar button
            styled.setStyleSheet(INVALID_STYLE if shown else "")
        return not found

    def accept(self) -> None:
        self.setProperty("tried", True)
        if not self.validate():
            next(iter(self.field_problems())).setFocus()
            return
        super().accept()

    def _assessor_names(self) -> tuple[str, ...]:
        return tuple(name.strip() for name in self.assessors.text().split(",") if name.strip())

    def chosen_form(self) -> Form:
        key = self.form_choice.currentData()
        return next(form for form in self.forms if form.key == key)

    def assessment(self) -> Assessment:
        form = self.chosen_form()
        checked = [
            self.institution_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.institution_list.count())
            if self.institution_list.item(row).checkState() == Qt.CheckState.Checked
        ]
        scope = self.scope.currentData()
        point = scope == Scope.CROSSING_POINT.value
        return Assessment(
            form_id=form.id,
            form_version=form.version,
            scope=scope,
            site=Site(
                name=self.site_name.text().strip(),
                country=self.country.text().strip(),
                type=self.site_type.currentData() if point else SiteType.LAND.value,
                pcode=self.pcode.text().strip() if scope != Scope.NATIONAL.value else "",
                latitude=_value(self.latitude) if point else None,
                longitude=_value(self.longitude) if point else None,
                reference_id=(self.site_choice.currentData() or "") if point else "",
            ),
            date=self.date.date().toString("yyyy-MM-dd"),
            assessors=self._assessor_names(),
            institutions=tuple(checked),
            mode=form.mode,
            target_policy=self.target_policy.currentData(),
        )


def _coordinate(parent, limit: int) -> QDoubleSpinBox:
    box = QDoubleSpinBox(parent)
    box.setDecimals(4)
    # One step below the range stands for "not given", shown as a blank special value.
    box.setRange(-limit - 1, limit)
    box.setSpecialValueText(" ")
    box.setValue(-limit - 1)
    return box


def _value(box: QDoubleSpinBox) -> float | None:
    return None if box.value() == box.minimum() else round(box.value(), 4)
