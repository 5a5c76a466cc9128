"""Import exported workbooks, files or whole folders: one transaction per file and a result for each.

What happens to a file that carries an assessment the database already has is decided
by ``decide``; docs/workbook-format.md explains the rules.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from hbm_assess.core.questionnaire import Form
from hbm_assess.exchange.hashing import content_hash
from hbm_assess.exchange.machine_sheet import MachineData
from hbm_assess.exchange.reading import CellChange, FormSource, WorkbookContents, form_from_workbook, read_workbook
from hbm_assess.exchange.safety import WorkbookRejected, check_workbook
from hbm_assess.exchange.workshop_files import join_group_laptop, merge_group_file
from hbm_assess.storage import exchange_records as records
from hbm_assess.storage.exchange_records import StoredCopy
from hbm_assess.storage.store import Store

Progress = Callable[[int, int, Path | None], None]
# Extensions worth opening: anything else in a folder is skipped with a note. Old and other
# spreadsheet formats are opened too, so the person is told how to convert them.
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})


class Outcome(StrEnum):
    IMPORTED = "imported"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    SKIPPED = "skipped"
    REJECTED = "rejected"
    CONFLICT = "conflict"


@dataclass
class FileResult:
    """What happened to one file."""

    path: Path
    outcome: str
    message: str = ""
    assessment_id: int | None = None
    uuid: str | None = None
    revision: int | None = None
    edited_outside: bool = False
    changes: list[CellChange] = field(default_factory=list)
    conflict_of: int | None = None

    def __str__(self) -> str:
        return f"{self.path}: {self.outcome} — {self.message}"

    @property
    def changed_cells(self) -> list[str]:
        """Where the file differs from what the app exported, e.g. ``Answers!D7``."""
        return [f"{c.sheet}!{c.cell}" if c.cell else f"{c.sheet} ({c.subject} {c.new})" for c in self.changes]

    def to_dict(self) -> dict:
        return {
            "path": str(self.path), "outcome": self.outcome, "message": self.message,
            "assessment_id": self.assessment_id, "uuid": self.uuid, "revision": self.revision,
            "edited_outside": self.edited_outside, "changed_cells": self.changed_cells,
            "changes": [c.to_dict() for c in self.changes],
            "conflict_of": self.conflict_of,
        }


@dataclass
class ImportReport:
    """The results of one import, file by file, in the order the files were read."""

    results: list[FileResult] = field(default_factory=list)
    total: int = 0
    cancelled: bool = False

    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome}
        for result in self.results:
            counts[result.outcome] += 1
        return counts

    @property
    def rejected(self) -> list[FileResult]:
        return [r for r in self.results if r.outcome == Outcome.REJECTED]

    def to_dict(self) -> dict:
        return {"files": [r.to_dict() for r in self.results], "counts": self.counts(), "total": self.total,
                "cancelled": self.cancelled, "not_processed": self.total - len(self.results)}


def import_paths(
    store: Store,
    paths: Iterable[Path],
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    on_result: Callable[[FileResult], None] | None = None,
) -> ImportReport:
    """Import files and folders (recursing); ``progress(done, total, path)`` comes before each file.

    A cancel takes effect between files: every file finished before it stays imported.
    ``on_result`` hears about each file as soon as it is committed.
    """
    entries = collect(paths)
    report = ImportReport(total=len(entries))
    forms = _FormSource(store)
    for done, (path, skip) in enumerate(entries):
        if cancelled and cancelled():
            report.cancelled = True
            break
        if progress:
            progress(done, len(entries), path)
        results = [FileResult(path, Outcome.SKIPPED, skip)] if skip else _import_by_shape(store, path, forms)
        report.total += len(results) - 1  # an export of submissions gives one result per submission
        for result in results:
            report.results.append(result)
            if on_result:
                on_result(result)
    if progress and not report.cancelled:
        progress(len(entries), len(entries), None)
    return report


def collect(paths: Iterable[Path]) -> list[tuple[Path, str | None]]:
    """Every file to look at, folders walked in name order, with the reason to skip it (or None)."""
    found: list[tuple[Path, str | None]] = []
    for path in map(Path, paths):
        if path.is_dir():
            for folder, subfolders, files in os.walk(path):
                subfolders.sort()
                found += [(Path(folder) / name, _skip_reason(Path(name))) for name in sorted(files)]
        else:
            found.append((path, _skip_reason(path) if path.exists() else None))
    return found


def _skip_reason(path: Path) -> str | None:
    name = path.name
    if name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#")):
        return "an Office lock file (the workbook is open in Excel or LibreOffice somewhere); skipped"
    if path.suffix.lower() not in WORKBOOK_SUFFIXES | SUBMISSION_SUFFIXES:
        return f"not a workbook ({path.suffix or 'no extension'}); skipped"
    return None


# -- Dispatch by file shape: KoboToolbox / ODK Central exports of submissions (issue 22) -----------------------
# A .csv, a .zip, or a workbook whose first row has the XLSForm's hbm_form column holds submissions: one
# assessment each, imported by exchange/submissions.py. Anything else is an exported workbook, as before.
SUBMISSION_SUFFIXES = frozenset({".csv", ".zip"})


def _import_by_shape(store: Store, path: Path, forms: _FormSource) -> list[FileResult]:
    from hbm_assess.exchange import submissions  # here, not on top: it builds on this module's FileResult

    if submissions.is_submissions_file(path):
        return submissions.import_submissions(store, path)
    return [import_file(store, path, forms)]
# -- end of the dispatch by file shape ----------------------------------------------------------------------


class _FormSource:
    """The questionnaire of a workbook: the database's copy if it has one, else the one the workbook carries."""

    def __init__(self, store: Store):
        self.store = store
        self.installed: dict[tuple[str, str], Form] = {}

    def __call__(self, machine: MachineData) -> tuple[Form, bool]:
        key = (machine.form_id, machine.form_version)
        if key not in self.installed and records.form_installed(self.store, *key):
            self.installed[key] = self.store.form(*key)
        if key in self.installed:
            return self.installed[key], False
        # Not cached: until the file that brings it is committed, the form is not in the database.
        return form_from_workbook(machine), True


def import_file(store: Store, path: Path, forms: FormSource | None = None) -> FileResult:
    """Check, read and store one workbook in one transaction; never raises for a bad file."""
    path = Path(path)
    try:
        check_workbook(path)
        contents = read_workbook(path, forms or _FormSource(store))
    except WorkbookRejected as error:
        return FileResult(path, Outcome.REJECTED, str(error))
    except MemoryError:
        return FileResult(path, Outcome.REJECTED, "the workbook is too large to read on this computer")
    except Exception as error:  # a file must never stop the batch or show a traceback
        return FileResult(path, Outcome.REJECTED,
                          f"unexpected problem while reading the workbook ({type(error).__name__}: {error}); "
                          "please report it with the file")
    try:
        return _store(store, path, contents)
    except sqlite3.Error as error:
        return FileResult(path, Outcome.REJECTED, f"the database refused it ({error}); nothing was stored")


@dataclass(frozen=True)
class Decision:
    outcome: str
    target: int | None
    revision: int
    message: str


def decide(stored: list[tuple[StoredCopy, str]], revision: int, incoming_hash: str, exported_hash: str,
           edited: bool) -> Decision:
    """What to do with an incoming copy, given every stored row with its uuid (original first) and their hashes."""
    if not stored:
        return Decision(Outcome.IMPORTED, None, revision, "")
    for copy, stored_hash in stored:
        if stored_hash == incoming_hash:
            where = " (in the bin)" if copy.deleted else ""
            return Decision(Outcome.UNCHANGED, copy.id, copy.revision,
                            f"the same content is already in assessment {copy.id}{where}")
    original, original_hash = stored[0]
    if original.deleted:
        return Decision(Outcome.SKIPPED, original.id, revision,
                        f"assessment {original.id} is in the bin; restore it first, then import the file again")
    if revision > original.revision:
        if original.sealed:
            return Decision(Outcome.UPDATED, original.id, revision, f"revision {original.revision} → {revision}")
        return Decision(Outcome.CONFLICT, original.id, revision,
                        f"assessment {original.id} was changed here after its last export or import, and the file "
                        f"brings revision {revision} made elsewhere")
    if revision < original.revision:
        return Decision(Outcome.SKIPPED, original.id, revision,
                        f"the file holds revision {revision}, older than revision {original.revision} of assessment "
                        f"{original.id}; nothing was overwritten")
    if edited and exported_hash == original_hash and original.sealed:
        # Edited in a spreadsheet from exactly what is stored: a new revision of it.
        return Decision(Outcome.UPDATED, original.id, revision + 1,
                        f"revision {original.revision} → {revision + 1} (changed in a spreadsheet program)")
    return Decision(Outcome.CONFLICT, original.id, revision,
                    f"assessment {original.id} and the file both hold revision {revision}, with different content")


def _store(store: Store, path: Path, contents: WorkbookContents) -> FileResult:
    incoming = contents.assessment
    changes = [c.to_dict() for c in contents.changes]
    with records.immediate(store):
        merged = merge_group_file(store, path, contents)
        if merged is not None:
            records.log_import(store, str(path), merged.outcome, merged.assessment_id, incoming.uuid,
                               incoming.revision, contents.content_hash, contents.edited, changes, merged.message)
            return merged
        stored = [(copy, _stored_hash(store, copy.id)) for copy in records.copies(store, incoming.uuid)]
        decision = decide(stored, incoming.revision, contents.content_hash, contents.exported_hash, contents.edited)
        assessment = replace(incoming, revision=decision.revision)
        result = FileResult(path, decision.outcome, decision.message, decision.target, incoming.uuid,
                            decision.revision, contents.edited, list(contents.changes))
        if decision.outcome in (Outcome.IMPORTED, Outcome.UPDATED, Outcome.CONFLICT) and contents.form_is_new:
            records.install_form(store, contents.form)
        if decision.outcome == Outcome.IMPORTED:
            result.assessment_id = records.insert_imported(
                store, assessment, contents.answers, contents.actions, contents.edited)
            result.message = (f"new assessment {result.assessment_id}: {assessment.site.name}, {assessment.date}, "
                              f"revision {assessment.revision}")
            result.message += join_group_laptop(store, result.assessment_id, contents)
        elif decision.outcome == Outcome.UPDATED:
            records.replace_imported(store, decision.target, assessment, contents.answers, contents.actions,
                                     contents.edited)
            result.message = f"assessment {decision.target} updated: {decision.message}"
        elif decision.outcome == Outcome.CONFLICT:
            result.assessment_id = records.insert_imported(
                store, assessment, contents.answers, contents.actions, contents.edited, conflict_of=decision.target)
            result.conflict_of = decision.target
            result.message = (f"{decision.message}; both are kept — the file's version is assessment "
                              f"{result.assessment_id}, marked as conflicting with {decision.target}")
        if contents.edited and decision.outcome != Outcome.UNCHANGED:
            count = len(contents.changes)
            result.message += f"; edited outside the app ({count} change{'s' if count != 1 else ''})"
        records.log_import(store, str(path), result.outcome, result.assessment_id, incoming.uuid,
                           decision.revision, contents.content_hash, contents.edited, changes, result.message)
    return result


def _stored_hash(store: Store, assessment_id: int) -> str:
    data = records.snapshot(store, assessment_id)
    return content_hash(data.assessment, data.answers, data.actions)
