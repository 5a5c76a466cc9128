"""Import exported workbooks, files or whole folders: one transaction per file and a result for each.

What happens to a file that carries an assessment the database already has is decided
by ``decide``; docs/workbook-format.md explains the rules.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from hbm_assess.core.messages import Message
from hbm_assess.core.questionnaire import Form, shipped_form
from hbm_assess.exchange import editions
from hbm_assess.exchange.deciding import Identity, Incoming, StoredHead, decide, joined
from hbm_assess.exchange.hashing import content_hash, form_hash
from hbm_assess.exchange.import_results import FileResult, ImportReport, Outcome, printable, site_named
from hbm_assess.exchange.machine_sheet import MachineData
from hbm_assess.exchange.protection import Password, decrypted, is_encrypted, password_for, path_is_encrypted
from hbm_assess.exchange.reading import FormSource, WorkbookContents, read_workbook
from hbm_assess.exchange.safety import WorkbookRejected, check_open_workbook, open_regular
from hbm_assess.exchange.workshop_files import join_group_laptop, merge_group_file
from hbm_assess.storage import exchange_records as records
from hbm_assess.storage.encryption import sql_errors
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
    password: Password = None,
) -> ImportReport:
    """Import files and folders (recursing); ``progress(done, total, path)`` comes before each file.

    A cancel takes effect between files: every file finished before it stays imported.
    ``on_result`` hears about each file as soon as it is committed. ``password`` opens
    workbooks protected with one (exchange/protection.py); a file it does not open is rejected.
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
            results = [FileResult(path, Outcome.REJECTED, skip.message)]
        elif skip:
            results = [FileResult(path, Outcome.SKIPPED, skip)]
        else:
            results = _import_by_shape(store, path, forms, password)
        report.total += len(results) - 1  # an export of submissions gives one result per submission
        for result in results:
            report.results.append(result)
            if on_result:
                on_result(result)
    if progress and not report.cancelled:
        progress(len(entries), len(entries), None)
    return report


class Problem:
    """A reason that makes an entry a problem (reported as rejected), not a file quietly skipped."""

    def __init__(self, message: Message):
        self.message = message

    def __str__(self) -> str:
        return self.message.english()


def collect(paths: Iterable[Path]) -> list[tuple[Path, Message | Problem | None]]:
    """Every file to look at, folders walked in name order, with the reason to skip it (or None).

    A folder that cannot be read is a ``Problem``; a link to a folder is followed once,
    and a folder reached again (a link loop) is named, not walked twice.
    """
    found: list[tuple[Path, Message | Problem | None]] = []
    seen: set[tuple[int, int]] = set()
    for path in map(Path, paths):
        if path.is_dir():
            _walk(path, found, seen)
        else:
            found.append((path, _skip_reason(path) if os.path.lexists(path) else None))
    return found


def _walk(top: Path, found: list[tuple[Path, Message | Problem | None]], seen: set[tuple[int, int]]) -> None:
    def unreadable(error: OSError) -> None:
        where = Path(error.filename) if error.filename else top
        found.append((where, Problem(Message.of("folder_unreadable", reason=error))))

    for folder, subfolders, files in os.walk(top, onerror=unreadable, followlinks=True):
        try:
            info = os.stat(folder)
        except OSError as error:
            unreadable(error)
            subfolders[:] = []
            continue
        if (info.st_dev, info.st_ino) in seen:
            found.append((Path(folder), Message.of("folder_seen_twice")))
            subfolders[:] = []
            continue
        seen.add((info.st_dev, info.st_ino))
        subfolders.sort()
        found += [(Path(folder) / name, _skip_reason(Path(name))) for name in sorted(files)]


def _skip_reason(path: Path) -> Message | None:
    name = path.name
    if name.startswith("~$") or (name.startswith(".~lock.") and name.endswith("#")):
        return Message.of("office_lock_file")
    if path.suffix.lower() not in WORKBOOK_SUFFIXES | SUBMISSION_SUFFIXES:
        return Message.of("not_a_workbook_name", suffix=path.suffix or Message.of("no_extension"))
    return None


# -- Dispatch by file shape: KoboToolbox / ODK Central exports of submissions (issue 22) -----------------------
# A .csv, a .zip, or a workbook whose first row has the XLSForm's hbm_form column holds submissions: one
# assessment each, imported by exchange/submissions.py. Anything else is an exported workbook, as before.
SUBMISSION_SUFFIXES = frozenset({".csv", ".zip"})


def _import_by_shape(store: Store, path: Path, forms: _FormSource, password: Password = None) -> list[FileResult]:
    from hbm_assess.exchange import submissions  # here, not on top: it builds on this module's FileResult

    if path.suffix.lower() not in SUBMISSION_SUFFIXES and (_names_our_machine_sheet(path) or
                                                           path_is_encrypted(path)):
        # the common case: our own export, checked once, below; or one protected with a password
        return [import_file(store, path, forms, password)]
    try:
        if submissions.is_submissions_file(path):
            return submissions.import_submissions(store, path)
    except Exception as error:  # every file is its own world: a bug here must not stop the batch
        return [FileResult(path, Outcome.REJECTED, Message.of(
            "unexpected_in_submissions", error=f"{type(error).__name__}: {printable(str(error))[:200]}"))]
    return [import_file(store, path, forms)]


def _names_our_machine_sheet(path: Path) -> bool:
    """Whether the workbook's sheet list names our hidden sheet; read from xl/workbook.xml alone, bounded."""
    import zipfile

    from hbm_assess.exchange.layout import MACHINE_SHEET

    try:
        with open_regular(path) as handle, zipfile.ZipFile(handle) as archive:
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > 1024 * 1024:
                return False
            return f'name="{MACHINE_SHEET}"'.encode() in archive.read(info)
    except Exception:  # not a zip, no such part, a FIFO...: import_file says what is wrong with it
        return False
# -- end of the dispatch by file shape ----------------------------------------------------------------------


class _FormSource:
    """The questionnaire of a workbook: a shipped or stored copy it must match, else the one it carries.

    A questionnaire inside a file is evidence, not code: a shipped id and version must
    arrive unchanged, and a version the app does not ship serves only its own assessments.
    """

    def __init__(self, store: Store):
        self.store = store
        self.known: dict[tuple[str, str], tuple[Form, str]] = {}

    def __call__(self, machine: MachineData, carried: Form) -> tuple[Form, bool, bool]:
        key = carried.key
        shipped = shipped_form(key)
        if shipped is not None:
            carried_hash = form_hash(carried)
            if form_hash(shipped) != carried_hash:
                # An edition the app shipped before its texts were revised is read against today's
                # (read_workbook says so); any other copy was changed by hand.
                if not editions.is_earlier_edition(key, carried_hash):
                    raise WorkbookRejected(Message.of("shipped_form_changed", form=key[0], version=key[1]))
                if not editions.same_indicators_and_levels(carried, shipped):
                    raise WorkbookRejected(editions.earlier_edition_differs(carried))
            return shipped, not records.form_installed(self.store, *key), False
        if key not in self.known and records.form_installed(self.store, *key):
            stored = self.store.form(*key)
            self.known[key] = (stored, form_hash(stored))
        if key in self.known:
            stored, stored_hash = self.known[key]
            if stored_hash != form_hash(carried):
                raise WorkbookRejected(Message.of("stored_form_differs", form=key[0], version=key[1]))
            return stored, False, records.form_origin(self.store, *key) != ""
        # Until the file that brings it is committed, the form is not in the database: not cached.
        return carried, True, True


def import_file(store: Store, path: Path, forms: FormSource | None = None, password: Password = None) -> FileResult:
    """Read, check, decide and store one workbook in one transaction; never raises for a bad file."""
    path = Path(path)
    stage = "reading"
    try:
        with open_regular(path) as opened:
            handle = decrypted(opened, password_for(password, path), path) if is_encrypted(opened) else opened
            parts = check_open_workbook(handle)
            contents = read_workbook(handle, forms or _FormSource(store), parts)
        stage = "storing"
        return _store(store, path, contents)
    except WorkbookRejected as error:
        return FileResult(path, Outcome.REJECTED, error.message or str(error))
    except MemoryError:
        return FileResult(path, Outcome.REJECTED, Message.of("workbook_too_large_here"))
    except RecursionError:
        return FileResult(path, Outcome.REJECTED, Message.of("workbook_nested_too_deeply"))
    except sql_errors() as error:
        return FileResult(path, Outcome.REJECTED, Message.of("database_refused", error=error))
    except Exception as error:  # every file is its own world: a bug here must not stop the batch
        return FileResult(path, Outcome.REJECTED, Message.of(
            f"unexpected_while_{stage}", error=f"{type(error).__name__}: {printable(str(error))[:200]}"))


def _store(store: Store, path: Path, contents: WorkbookContents) -> FileResult:
    incoming = contents.assessment
    changes = [c.to_dict() for c in contents.changes]
    with records.immediate(store):
        merged = merge_group_file(store, path, contents)
        if merged is not None:
            records.log_import(store, printable(path), merged.outcome, merged.assessment_id, incoming.uuid,
                               incoming.revision, contents.content_hash, contents.edited, changes, merged.message)
            return merged
        stored = [stored_head(store, copy) for copy in records.copies(store, incoming.uuid)]
        decision = decide(stored, Incoming(incoming.revision, contents.content_hash, contents.lineage,
                                           Identity.of(incoming)))
        result = FileResult(path, decision.outcome, decision.message or "", decision.target, incoming.uuid,
                            incoming.revision, contents.edited, list(contents.changes))
        if decision.outcome in (Outcome.IMPORTED, Outcome.UPDATED, Outcome.CONFLICT) and contents.form_is_new:
            records.install_form(store, contents.form, f"file:{printable(path.name)}" if contents.form_from_file
                                 else "")
        store_as = dict(edited_outside=contents.edited_outside, hashes=contents.lineage, outputs=contents.outputs)
        if decision.outcome == Outcome.IMPORTED:
            result.assessment_id = records.insert_imported(store, incoming, contents.answers, contents.actions,
                                                           **store_as)
            new = Message.of("new_assessment", id=result.assessment_id, site=site_named(incoming.site),
                             date=incoming.date, revision=incoming.revision)
            laptop = join_group_laptop(store, result.assessment_id, contents)
            result.say(joined([new, laptop]) if laptop else new)
        elif decision.outcome == Outcome.UPDATED:
            records.replace_imported(store, decision.target, incoming, contents.answers, contents.actions, **store_as)
            result.say(Message.of("assessment_updated", id=decision.target, how=decision.message))
        elif decision.outcome == Outcome.CONFLICT:
            result.assessment_id = records.insert_imported(store, incoming, contents.answers, contents.actions,
                                                           conflict_of=decision.target, **store_as)
            result.conflict_of = decision.target
            result.say(Message.of("conflict_kept", why=decision.message, id=result.assessment_id,
                                  other=decision.target))
        if contents.form_note and decision.outcome in (Outcome.IMPORTED, Outcome.UPDATED, Outcome.CONFLICT):
            result.say(joined([said for said in (result.said, contents.form_note) if said]))
        if contents.edited and decision.outcome != Outcome.UNCHANGED:
            count = len(contents.changes)
            edited = Message.of("edited_outside_one" if count == 1 else "edited_outside", count=count)
            result.say(joined([said for said in (result.said, edited) if said]))
        records.log_import(store, printable(path), result.outcome, result.assessment_id, incoming.uuid,
                           incoming.revision, contents.content_hash, contents.edited, changes, result.message)
    return result


def stored_head(store: Store, copy: StoredCopy) -> StoredHead:
    data = records.snapshot(store, copy.id)
    a = data.assessment
    form = store.form(a.form_id, a.form_version)
    head = content_hash(a, data.answers, data.actions, form_hash(form), data.outputs)
    if copy.lineage and head != copy.lineage[-1]:
        # Read from a workbook made with an earlier edition of its questionnaire and unchanged
        # since: its newest revision is the one that file was sealed with (exchange/editions.py).
        for earlier in sorted(editions.earlier_editions().get(form.key, ())):
            if content_hash(a, data.answers, data.actions, earlier, data.outputs) == copy.lineage[-1]:
                head = copy.lineage[-1]
                break
    return StoredHead(copy.id, copy.revision, head, records.extended(copy.lineage, head) if copy.sealed
                      else copy.lineage, copy.conflict_of, copy.deleted, Identity.of(a))
