"""Submissions collected with KoboToolbox or ODK, imported as assessments: one per submission, known by its uuid.

Columns are found by name, never by position: a field's own name (``ops_03_level``) after any
group path (Kobo joins groups with ``/``, ODK Central with ``-``), or its label in any of the
form's languages (Kobo's "labels" headers). Values may be the XLSForm's choice names or their
labels in English, Arabic or Sorani. Each submission names its questionnaire in the ``hbm_form``
field (exchange/xlsform.py), and is stored with that form and version, or refused in one line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path

from hbm_assess.core.assessment import Answer, Assessment, Site, Status, now
from hbm_assess.core.messages import Message, Problem, Word
from hbm_assess.core.questionnaire import Form, FormError, Indicator, installed_forms
from hbm_assess.core.reference import crossing_points, institutions
from hbm_assess.core.text import LANGUAGES
from hbm_assess.core.vocabulary import LEVELS, Special, Vocabulary, in_every_language, vocabulary
from hbm_assess.exchange.cells import as_text, text_message
from hbm_assess.exchange.deciding import Identity, Incoming, decide
from hbm_assess.exchange.hashing import content_hash, form_hash
from hbm_assess.exchange.import_results import site_named
from hbm_assess.exchange.importing import FileResult, Outcome, stored_head
from hbm_assess.exchange.safety import WorkbookRejected, check_workbook
from hbm_assess.exchange.submission_files import Table, is_table_file, read_table, workbook_header
from hbm_assess.exchange.xlsform import (
    ANSWER_PARTS,
    ASSESSORS,
    DATE,
    FORM_FIELD,
    FORM_SEPARATOR,
    INSTITUTIONS,
    OTHER_SITE,
    SITE,
    SITE_OTHER,
    evidence_choice,
    institution_choice,
    level_label,
    site_choice,
)
from hbm_assess.storage import exchange_records as records
from hbm_assess.storage.encryption import sql_errors
from hbm_assess.storage.store import Store

WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm"})
UUID_COLUMNS = ("_uuid", "instanceID")             # KoboToolbox; ODK Central's meta-instanceID
TIME_COLUMNS = ("_submission_time", "SubmissionDate")
FIELD_NAME = re.compile(r"^([a-z]{2,5})_([a-z0-9]{1,4})_(" + "|".join(ANSWER_PARTS) + r")$")
FIELD_LABEL = re.compile(r"^([A-Z]{2,5}-[A-Z0-9]{1,4}) · (.+)$")
IDENTITY = (SITE, SITE_OTHER, DATE, ASSESSORS, INSTITUTIONS, FORM_FIELD, *UUID_COLUMNS, *TIME_COLUMNS)
PART_WORDS = {"level": "level", "target": "target", "evidence_type": "evidence_type", "evidence": "evidence_text",
              "notes": "notes"}


class RowRejected(Problem):
    """One submission that cannot be imported; the message says which field and why."""


def is_submissions_file(path: Path) -> bool:
    """Whether ``path`` looks like a Kobo or ODK export rather than a workbook exported by this app."""
    path = Path(path)
    if is_table_file(path):
        return True
    if path.suffix.lower() not in WORKBOOK_SUFFIXES or not path.is_file():
        return False
    try:
        check_workbook(path)
    except WorkbookRejected:
        return False  # the workbook import says what is wrong with it
    header = workbook_header(path) or []
    return any(_tails(name) & {FORM_FIELD, "_uuid"} for name in header)


# -- finding the columns -------------------------------------------------------------------------------------

Key = str | tuple[str, str]   # an identity field or metadata name, or (indicator id, part), or ("institution", id)


def _tails(header: str) -> set[str]:
    return {header, header.rsplit("/", 1)[-1], header.rsplit("-", 1)[-1]}


@dataclass
class Columns:
    """Where each field is in the table."""

    index: dict[Key, int] = field(default_factory=dict)
    institution_options: dict[str, int] = field(default_factory=dict)

    def has(self, key: Key) -> bool:
        return key in self.index


def _label_keys() -> dict[str, Key]:
    keys: dict[str, Key] = {}
    for name, key in ((SITE, "site"), (SITE_OTHER, "site_other"), (DATE, "date"), (ASSESSORS, "assessors"),
                      (INSTITUTIONS, "institutions")):
        keys.update({text: name for text in in_every_language(key).values()})
    return keys


@cache
def _part_by_word() -> dict[str, str]:
    return {in_every_language(word)[lang]: part for part, word in PART_WORDS.items() for lang in LANGUAGES}


def find_columns(header: list[str]) -> Columns:
    labels = _label_keys()
    institution_words = {institution_choice(i.id): i.id for i in institutions()}
    institution_words.update({i.display(lang): i.id for i in institutions() for lang in LANGUAGES})
    institutions_titles = {INSTITUTIONS, *in_every_language("institutions").values()}
    columns = Columns()
    for position, name in enumerate(header):
        key = _key(name, labels)
        if key is not None:
            columns.index.setdefault(key, position)
            continue
        # One column per institution: "institutions/moi" (Kobo), "institutions-moi" (ODK), or their labels.
        for separator in ("/", "-"):
            head, _, option = name.rpartition(separator)
            if head.rsplit("/", 1)[-1].rsplit("-", 1)[-1] in institutions_titles and option in institution_words:
                columns.institution_options.setdefault(institution_words[option], position)
                break
    return columns


def _key(name: str, labels: dict[str, str]) -> Key | None:
    for tail in sorted(_tails(name), key=len, reverse=True):
        if tail in IDENTITY:
            return tail
        found = FIELD_NAME.match(tail)
        if found:
            return (f"{found[1]}-{found[2]}".upper(), found[3])
        if tail in labels:
            return labels[tail]
        found = FIELD_LABEL.match(tail)
        if found and found[2] in _part_by_word():
            return (found[1], _part_by_word()[found[2]])
    return None


# -- reading one submission ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    row: int
    assessment: Assessment
    answers: tuple[Answer, ...]
    form: Form
    form_is_new: bool


FormLookup = Callable[[str, str], tuple[Form, bool] | None]


class _Row:
    """One row of the table, read by field."""

    def __init__(self, number: int, cells: list[object], columns: Columns):
        self.number, self.cells, self.columns = number, cells, columns

    def raw(self, key: Key) -> object:
        position = self.columns.index.get(key)
        return None if position is None else self.cells[position]

    def text(self, key: Key) -> str:
        value = self.raw(key)
        if isinstance(value, datetime | date):
            return as_text(value)
        text = as_text(value).strip()
        problem = text_message(text)
        if problem:
            raise RowRejected(Message.of("field_text_problem", field=_shown(key), problem=problem))
        return text


def _shown(key: Key) -> str:
    return f"{key[0]} {key[1].replace('_', ' ')}" if isinstance(key, tuple) else key.replace("_", " ")


def read_submission(row: _Row, forms: FormLookup, vocab: Vocabulary) -> Submission:
    """The assessment one row holds; raise RowRejected naming the field."""
    reference = row.text(FORM_FIELD)
    form_id, separator, version = reference.partition(FORM_SEPARATOR)
    if not separator or not form_id or not version:
        raise RowRejected(Message.of("form_field_not_a_form", field=FORM_FIELD, text=reference))
    found = forms(form_id, version)
    if found is None:
        raise RowRejected(Message.of("form_not_installed", form=form_id, version=version))
    form, form_is_new = found
    uuid = next((row.text(key) for key in UUID_COLUMNS if row.text(key)), "")
    uuid = uuid.removeprefix("uuid:")
    if not uuid:
        raise RowRejected(Message.of("submission_without_uuid"))
    stamp = _timestamp(next((row.text(key) for key in TIME_COLUMNS if row.text(key)), ""))
    unknown = sorted({key[0] for key, position in row.columns.index.items()
                      if isinstance(key, tuple) and key[0] not in form.by_id and as_text(row.cells[position]).strip()})
    if unknown:
        raise RowRejected(Message.of("submission_unknown_indicator", indicator=unknown[0], form=form.id,
                                     version=form.version))
    assessment = Assessment(
        form_id=form.id, form_version=form.version, site=_site(row), date=_date(row, stamp),
        assessors=tuple(name.strip() for name in re.split(r"[\n;]", row.text(ASSESSORS)) if name.strip()),
        institutions=_institutions(row), mode=form.mode, status=Status.DRAFT.value, uuid=uuid,
        created_at=stamp, updated_at=stamp,
    )
    answers = tuple(answer for ind in form.indicators() if (answer := _answer(row, ind, vocab, stamp)))
    return Submission(row.number, assessment, answers, form, form_is_new)


def _timestamp(text: str) -> str:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat(timespec="microseconds")
    except ValueError:
        return now()


def _site(row: _Row) -> Site:
    value = row.text(SITE)
    if not value:
        raise RowRejected(Message.of("submission_site_empty"))
    if value == OTHER_SITE or value in in_every_language("other_site").values():
        other = row.text(SITE_OTHER)
        if not other:
            raise RowRejected(Message.of("submission_other_site_unnamed"))
        return Site(other)
    for point in crossing_points():
        if value in (point.id, site_choice(point.id)) or value in point.name.by_language.values():
            return point.site("en")
    raise RowRejected(Message.of("submission_site_unknown", site=value))


def _date(row: _Row, stamp: str) -> str:
    value = row.raw(DATE)
    if isinstance(value, datetime | date):
        return as_text(value)[:10]
    text = row.text(DATE)[:10] if row.text(DATE) else stamp[:10]
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise RowRejected(Message.of("submission_date", text=row.text(DATE))) from None


def _institutions(row: _Row) -> tuple[str, ...]:
    known = {i.id: i for i in institutions()}
    chosen: list[str] = []
    for institution_id, position in row.columns.institution_options.items():
        if as_text(row.cells[position]).strip() not in ("", "0", "False", "FALSE", "false"):
            chosen.append(institution_id)
    if not chosen:
        text = row.text(INSTITUTIONS)
        by_name = {institution_choice(i.id): i.id for i in known.values()}
        tokens = text.split()
        if tokens and all(token in by_name for token in tokens):
            chosen = [by_name[token] for token in tokens]
        else:  # labels joined by spaces: find each, longest first
            labels = sorted(((i.display(lang), i.id) for i in known.values() for lang in LANGUAGES),
                            key=lambda item: -len(item[0]))
            for label, institution_id in labels:
                if label in text:
                    text = text.replace(label, " ")
                    chosen.append(institution_id)
            if text.strip():
                raise RowRejected(Message.of("submission_institutions", text=row.text(INSTITUTIONS)))
    ordered = [i for i in known if i in chosen]
    return tuple(known[i].acronym.get("en") or known[i].name.get("en") for i in dict.fromkeys(ordered))


def _answer(row: _Row, indicator: Indicator, vocab: Vocabulary, stamp: str) -> Answer | None:
    texts = {part: row.text((indicator.id, part)) for part in ANSWER_PARTS}
    if not any(texts.values()):
        return None
    level, special = _level(texts["level"], indicator, vocab)
    target = _target(texts["target"], indicator, vocab) if level is not None else None
    return Answer(indicator.id, level=level, special=special, target=target,
                  evidence_type=_evidence_type(texts["evidence_type"], indicator, vocab),
                  evidence_text=texts["evidence"], notes=texts["notes"], updated_at=stamp)


def _level(text: str, indicator: Indicator, vocab: Vocabulary) -> tuple[int | None, str | None]:
    if not text:
        return None, None
    choices: dict[str, tuple[int | None, str | None]] = {}
    for level in LEVELS:
        choices[str(level)] = (level, None)
        choices.update({level_label(level, indicator, vocab, lang): (level, None) for lang in LANGUAGES})
    for special in Special:
        choices[special.value] = (None, special.value)
        choices.update({name: (None, special.value)
                        for name in vocab.special_answers[special.value].name.by_language.values()})
    if text in choices:
        return choices[text]
    raise RowRejected(Message.of("submission_not_an_answer", indicator=indicator.id, text=_short(text),
                                 na=Word("special_answers.na"), unknown=Word("special_answers.unknown")))


def _target(text: str, indicator: Indicator, vocab: Vocabulary) -> int | None:
    if not text:
        return None
    for level in LEVELS:
        if text == str(level) or text in {f"{level} · {vocab.level_name(level, lang)}" for lang in LANGUAGES}:
            return level
    raise RowRejected(Message.of("target_not_a_level", place=indicator.id, text=_short(text)))


def _evidence_type(text: str, indicator: Indicator, vocab: Vocabulary) -> str:
    if not text:
        return ""
    for term_id, term in vocab.evidence_types.items():
        if text in (term_id, evidence_choice(term_id)) or text in term.name.by_language.values():
            return term_id
    raise RowRejected(Message.of("submission_evidence_type", indicator=indicator.id, text=_short(text)))


def _short(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"


# -- storing -------------------------------------------------------------------------------------------------


class _Forms:
    """The questionnaire a submission names: the database's copy, else the one shipped with the app."""

    def __init__(self, store: Store):
        self.store = store
        self.shipped: dict[tuple[str, str], Form] | None = None

    def __call__(self, form_id: str, version: str) -> tuple[Form, bool] | None:
        if records.form_installed(self.store, form_id, version):
            return self.store.form(form_id, version), False
        if self.shipped is None:
            try:
                self.shipped = installed_forms()
            except FormError:
                self.shipped = {}
        form = self.shipped.get((form_id, version))
        return None if form is None else (form, True)


def import_submissions(store: Store, path: Path) -> list[FileResult]:
    """Import every submission of a Kobo or ODK export, one transaction each; never raises for a bad file."""
    path = Path(path)
    try:
        table = read_table(path)
    except WorkbookRejected as error:
        return [FileResult(path, Outcome.REJECTED, error.message or str(error))]
    except MemoryError:
        return [FileResult(path, Outcome.REJECTED, Message.of("file_too_large_here"))]
    columns = find_columns(table.header)
    if not columns.has(FORM_FIELD):
        # Like any other file that is not an export, skipped: a folder of exports may hold other tables.
        return [FileResult(path, Outcome.SKIPPED, Message.of("table_without_form_column", column=FORM_FIELD))]
    if not table.rows:
        return [FileResult(path, Outcome.SKIPPED, Message.of("no_submissions_yet"))]
    return list(_import_rows(store, path, table, columns))


def _import_rows(store: Store, path: Path, table: Table, columns: Columns) -> Iterator[FileResult]:
    forms, vocab = _Forms(store), vocabulary()
    for number, cells in table.rows:
        row = _Row(number, cells, columns)
        try:
            submission = read_submission(row, forms, vocab)
        except RowRejected as error:
            yield FileResult(path, Outcome.REJECTED, Message.of("row_rejected", row=number,
                                                                problem=error))
            continue
        try:
            yield _store(store, path, submission)
        except sql_errors() as error:
            yield FileResult(path, Outcome.REJECTED, Message.of("row_refused_by_database", row=number, error=error))


def _store(store: Store, path: Path, submission: Submission) -> FileResult:
    """One submission is revision 1 of its own assessment; lineage decides, as for workbooks."""
    incoming, answers = submission.assessment, submission.answers
    incoming_hash = content_hash(incoming, answers, (), form_hash(submission.form))
    lineage = (incoming_hash,)
    where = Message.of("row_submission", row=submission.row, uuid=incoming.uuid)
    with records.immediate(store):
        stored = [stored_head(store, copy) for copy in records.copies(store, incoming.uuid)]
        decision = decide(stored, Incoming(incoming.revision, incoming_hash, lineage, Identity.of(incoming)))
        result = FileResult(path, decision.outcome, Message.of("at", place=where, what=decision.message or ""),
                            decision.target, incoming.uuid, incoming.revision)
        if decision.outcome in (Outcome.IMPORTED, Outcome.CONFLICT) and submission.form_is_new:
            records.install_form(store, submission.form)
        if decision.outcome == Outcome.IMPORTED:
            result.assessment_id = records.insert_imported(store, incoming, answers, (), False, hashes=lineage)
            result.say(Message.of("at", place=where, what=Message.of(
                "new_submission", id=result.assessment_id, site=site_named(incoming.site), date=incoming.date,
                answered=len(answers), total=submission.form.indicator_count)))
        elif decision.outcome == Outcome.CONFLICT:
            result.assessment_id = records.insert_imported(store, incoming, answers, (), False,
                                                           conflict_of=decision.target, hashes=lineage)
            result.conflict_of = decision.target
            result.say(Message.of("at", place=where, what=Message.of(
                "submission_conflict_kept", why=decision.message, id=result.assessment_id, other=decision.target)))
        elif decision.outcome == Outcome.UPDATED:  # a submission is always revision 1: never newer
            result.outcome = Outcome.SKIPPED
            result.say(Message.of("at", place=where, what=Message.of("assessment_is_newer", id=decision.target)))
        records.log_import(store, str(path), result.outcome, result.assessment_id, incoming.uuid,
                           incoming.revision, incoming_hash, False, [], result.message)
    return result


