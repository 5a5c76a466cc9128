"""Import exported workbooks, files or whole folders: one transaction per file and a result for each.

What happens to a file that carries an assessment the database already has is decided
by ``decide``; docs/workbook-format.md explains the rules.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from hbm_assess.core.questionnaire import Form
from hbm_assess.exchange.hashing import content_hash
from hbm_assess.exchange.import_results import FileResult, ImportReport, Outcome, printable
from hbm_assess.exchange.machine_sheet import MachineData
from hbm_assess.exchange.reading import FormSource, WorkbookContents, form_from_workbook, read_workbook
from hbm_assess.exchange.safety import WorkbookRejected, check_open_workbook, open_regular
from hbm_assess.exchange.workshop_files import join_group_laptop, merge_group_file
from hbm_assess.storage import exchange_records as records
from hbm_assess.storage.exchange_records import StoredCopy
from hbm_assess.storage.store import Store

Progress = Callable[[int, int, Path | None], None]
# Extensions worth opening: anything else in a folder is skipped with a note. Old and other
# spreadsheet formats are opened too, so the person is told how to convert them.
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"})


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
        if isinstance(skip, Problem):
            result = FileResult(path, Outcome.REJECTED, str(skip))
        elif skip:
            result = FileResult(path, Outcome.SKIPPED, skip)
        else:
            result = import_file(store, path, forms)
        report.results.append(result)
        if on_result:
            on_result(result)
    if progress and not report.cancelled:
        progress(len(entries), len(entries), None)
    return report


class Problem(str):
    """A reason that makes an entry a problem (reported as rejected), not a file quietly skipped."""


def collect(paths: Iterable[Path]) -> list[tuple[Path, str | None]]:
    """Every file to look at, folders walked in name order, with the reason to skip it (or None).

    A folder that cannot be read is a ``Problem``; a link to a folder is followed once,
    and a folder reached again (a link loop) is named, not walked twice.
    """
    found: list[tuple[Path, str | None]] = []
    seen: set[tuple[int, int]] = set()
    for path in map(Path, paths):
        if path.is_dir():
            _walk(path, found, seen)
        else:
            found.append((path, _skip_reason(path) if os.path.lexists(path) else None))
    return found


def _walk(top: Path, found: list[tuple[Path, str | None]], seen: set[tuple[int, int]]) -> None:
    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else top
        found.append((where, Problem(f"the folder cannot be read ({error.strerror or error}); its files were not "
                                     "imported — check its permissions")))

    for folder, subfolders, files in os.walk(top, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as error:
            unreadable(error)
            subfolders[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            found.append((Path(folder), "this folder was already imported through another path (a link loop or a "
                                        "second link to it); not read twice"))
            subfolders[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        subfolders.sort()
        found += [(Path(folder) / name, _skip_reason(Path(name))) for name in sorted(files)]


def _skip_reason(path: Path) -> str | None:
    name = path.name
    if name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#")):
        return "an Office lock file (the workbook is open in Excel or LibreOffice somewhere); skipped"
    if path.suffix.lower() not in WORKBOOK_SUFFIXES:
        return f"not a workbook ({path.suffix or 'no extension'}); skipped"
    return None


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
    """Read, check, decide and store one workbook in one transaction; never raises for a bad file."""
    path = Path(path)
    stage = "reading"
    try:
        with open_regular(path) as handle:
            check_open_workbook(handle)
            contents = read_workbook(handle, forms or _FormSource(store))
        stage = "storing"
        return _store(store, path, contents)
    except WorkbookRejected as error:
        return FileResult(path, Outcome.REJECTED, str(error))
    except MemoryError:
        return FileResult(path, Outcome.REJECTED, "the workbook is too large to read on this computer; nothing "
                                                  "was stored")
    except RecursionError:
        return FileResult(path, Outcome.REJECTED, "the workbook is nested too deeply to read; it was made by hand "
                                                  "or is damaged, and nothing was stored")
    except sqlite3.Error as error:
        return FileResult(path, Outcome.REJECTED, f"the database refused it ({error}); nothing was stored")
    except Exception as error:  # every file is its own world: a bug here must not stop the batch
        return FileResult(path, Outcome.REJECTED,
                          f"unexpected problem while {stage} the workbook ({type(error).__name__}: "
                          f"{printable(str(error))[:200]}); nothing was stored — please report it with the file")


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
            records.log_import(store, printable(path), merged.outcome, merged.assessment_id, incoming.uuid,
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
        records.log_import(store, printable(path), result.outcome, result.assessment_id, incoming.uuid,
                           decision.revision, contents.content_hash, contents.edited, changes, result.message)
    return result


def _stored_hash(store: Store, assessment_id: int) -> str:
    data = records.snapshot(store, assessment_id)
    return content_hash(data.assessment, data.answers, data.actions)
