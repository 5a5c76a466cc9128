"""Build KoboToolbox- and ODK-Central-shaped exports from a generated XLSForm, as those servers write them.

Everything is read from the XLSForm file itself (its survey and choices sheets), the way a
server reads it, so the tests check the form we publish and the import against each other.
Shapes follow the servers' documentation: Kobo joins group names with "/", puts its metadata
(_id, _uuid, _submission_time, _validation_status, __version__, _index) after the questions and
may add a row of HXL hashtags; ODK Central joins groups with "-", starts with SubmissionDate and
ends with meta-instanceID ("uuid:…"), SubmitterID, …, FormVersion, KEY.
"""

from __future__ import annotations

import csv
import io
import random
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook, load_workbook

LANGUAGE_COLUMN = {"en": "label::English (en)", "ar": "label::Arabic (ar)", "ckb": "label::Kurdish Sorani (ckb)"}


@dataclass
class Question:
    name: str
    type: str
    list_name: str
    path: tuple[str, ...]           # group names above it
    group_labels: tuple[dict, ...]  # their labels, by language
    labels: dict[str, str]


@dataclass
class XLSFormSheets:
    questions: list[Question]
    choices: dict[str, list[dict[str, str]]]   # list name → rows
    settings: dict[str, str]

    def question(self, name: str) -> Question:
        return next(q for q in self.questions if q.name == name)

    def choice_label(self, list_name: str, name: str, language: str) -> str:
        row = next(r for r in self.choices[list_name] if r["name"] == name)
        return row[LANGUAGE_COLUMN[language]]


def read_xlsform(path: Path) -> XLSFormSheets:
    workbook = load_workbook(path, read_only=True)
    sheets = {}
    for sheet in workbook.worksheets:
        rows = [["" if c is None else str(c) for c in row] for row in sheet.iter_rows(values_only=True)]
        sheets[sheet.title] = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    workbook.close()
    questions, path_names, path_labels = [], [], []
    for row in sheets["survey"]:
        kind = row["type"]
        labels = {lang: row.get(column, "") for lang, column in LANGUAGE_COLUMN.items()}
        if kind == "begin_group":
            path_names.append(row["name"])
            path_labels.append(labels)
        elif kind == "end_group":
            path_names.pop()
            path_labels.pop()
        else:
            base, _, list_name = kind.partition(" ")
            questions.append(Question(row["name"], base, list_name, tuple(path_names), tuple(path_labels), labels))
    choices: dict[str, list[dict[str, str]]] = {}
    for row in sheets["choices"]:
        choices.setdefault(row["list_name"], []).append(row)
    return XLSFormSheets(questions, choices, sheets["settings"][0])


@dataclass
class Submission:
    """One filled-in form as XML values: field name → value (select_multiple: names joined by spaces)."""

    uuid: str
    values: dict[str, str]
    submitted: str = "2026-11-21T09:30:00"
    kobo_id: int = field(default_factory=lambda: random.randint(1, 10**8))


def random_submission(sheets: XLSFormSheets, rng: random.Random, uuid: str) -> Submission:
    """Every question answered with a choice from the form's own lists (or some text)."""
    values: dict[str, str] = {}
    for q in sheets.questions:
        if q.type == "calculate":
            continue  # the server fills it in below
        if q.type == "select_one":
            names = [row["name"] for row in sheets.choices[q.list_name]]
            if q.name == "site":
                names = [n for n in names if n != "other"]
            values[q.name] = rng.choice(names)
        elif q.type == "select_multiple":
            names = [row["name"] for row in sheets.choices[q.list_name]]
            values[q.name] = " ".join(rng.sample(names, 2))
        elif q.type == "date":
            values[q.name] = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        elif q.type == "text" and q.name != "site_other":
            values[q.name] = rng.choice(["", "SOP 12/2025 seen", "قرار مجلس الوزراء ٥٤", "Layla Hassan\nAhmed Ali"])
    for q in sheets.questions:  # ODK does not keep answers of questions that are not relevant
        if q.name.endswith("_target") and values.get(q.name.removesuffix("_target") + "_level") in ("na", "unknown"):
            values[q.name] = ""
        if q.name.endswith("_target") and values.get(q.name):
            level = values[q.name.removesuffix("_target") + "_level"]
            values[q.name] = str(max(int(values[q.name]), int(level)))  # the form's constraint
    return Submission(uuid, values)


def _calculated(sheets: XLSFormSheets) -> str:
    assert [q.name for q in sheets.questions if q.type == "calculate"] == ["hbm_form"]
    return f"{sheets.settings['form_id']}@{sheets.settings['version']}"  # what the calculation "'id@version'" gives


def kobo_rows(sheets: XLSFormSheets, submissions: list[Submission], *, labels: str | None = None,
              hxl: bool = False, option_columns: bool = False, form_reference: str | None = None) -> list[list[str]]:
    """A Kobo export: "XML values and headers" (labels=None) or "Labels" in a language, "/" between groups."""
    reference = form_reference or _calculated(sheets)
    header, getters = ["__version__"], [lambda s: "vHkTZoKMpBDpq2XNPkV3bn"]  # Kobo's own version id, first
    for q in sheets.questions:
        if labels is None:
            header.append("/".join((*q.path, q.name)))
        else:
            header.append("/".join((*(g[labels] for g in q.group_labels), q.labels[labels] or q.name)))
        getters.append(_getter(sheets, q, labels, reference))
        if option_columns and q.type == "select_multiple":
            for row in sheets.choices[q.list_name]:
                header.append("/".join((*q.path, q.name, row["name"])))
                getters.append(lambda s, q=q, n=row["name"]: "1" if n in s.values.get(q.name, "").split() else "0")
    for name, getter in (("_id", lambda s: str(s.kobo_id)), ("_uuid", lambda s: s.uuid),
                         ("_submission_time", lambda s: s.submitted), ("_validation_status", lambda s: ""),
                         ("_index", lambda s: "1")):
        header.append(name)
        getters.append(getter)
    rows = [header]
    if hxl:
        rows.append(["#x_version", *(f"#x_{i}" if i % 3 == 0 else "" for i in range(1, len(header)))])
    rows += [[getter(s) for getter in getters] for s in submissions]
    return rows


def _getter(sheets, q: Question, labels: str | None, reference: str):
    if q.type == "calculate":
        return lambda s: reference
    if labels is None or q.type not in ("select_one", "select_multiple"):
        return lambda s: s.values.get(q.name, "")

    def label(s: Submission) -> str:
        names = s.values.get(q.name, "").split()
        return " ".join(sheets.choice_label(q.list_name, n, labels) for n in names)
    return label


ODK_TRAILER = ("SubmitterID", "SubmitterName", "AttachmentsPresent", "AttachmentsExpected", "Status",
               "ReviewState", "DeviceID", "Edits", "FormVersion", "KEY")


def odk_rows(sheets: XLSFormSheets, submissions: list[Submission]) -> list[list[str]]:
    """An ODK Central submissions.csv: SubmissionDate first, "-" between groups, meta-instanceID near the end."""
    reference = _calculated(sheets)
    header = ["SubmissionDate", *("-".join((*q.path, q.name)) for q in sheets.questions), "meta-instanceID",
              *ODK_TRAILER]
    rows = [header]
    for s in submissions:
        values = [reference if q.type == "calculate" else s.values.get(q.name, "") for q in sheets.questions]
        rows.append([s.submitted + ".000Z", *values, "uuid:" + s.uuid, "5", "tablet-3", "0", "0", "", "",
                     "collect:abc", "0", sheets.settings["version"], "uuid:" + s.uuid])
    return rows


def write_csv(rows: list[list[str]], target: Path, delimiter: str = ",") -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    target.write_bytes(buffer.getvalue().encode("utf-8-sig" if delimiter == ";" else "utf-8"))
    return target


def write_xlsx(rows: list[list[str]], target: Path, title: str = "HBM capacity assessment") -> Path:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    for row in rows:
        sheet.append(row)
    workbook.save(target)
    return target


def write_csv_zip(rows: list[list[str]], target: Path, form_id: str) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(f"{form_id}.csv", buffer.getvalue())
        archive.writestr(f"{form_id}-repeat_group.csv", "PARENT_KEY,KEY\n")
    return target
