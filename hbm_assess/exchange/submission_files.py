"""Read a KoboToolbox or ODK Central export as one table, with the same care as a workbook.

KoboToolbox exports ``.xlsx`` or ``.csv`` (``;`` or ``,`` separated); ODK Central exports
``submissions.csv`` or a ``.csv.zip`` holding it. Every file is bounded in size, rows and
columns before it is parsed, and refused with a message a person can act on.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from hbm_assess.core.messages import Message
from hbm_assess.exchange.safety import (
    MAX_FILE_BYTES,
    MAX_MEMBER_BYTES,
    WorkbookRejected,
    check_archive_members,
    check_workbook,
)

MAX_ROWS = 20_000        # submissions in one export: far more than any assessment campaign
MAX_COLUMNS = 5_000      # the detailed form has about 250 questions; Kobo adds one column per choice at most
MAX_FIELD_CHARS = 100_000
TABLE_SUFFIXES = frozenset({".csv", ".zip"})
# Columns every Kobo or ODK Central export has, whatever the header format: they tell the CSV separator.
METADATA_COLUMNS = frozenset({"_uuid", "_id", "_submission_time", "hbm_form", "SubmissionDate", "meta-instanceID",
                              "KEY"})


@dataclass(frozen=True)
class Table:
    """The header and the data rows of an export, each row with its number in the file (the header is row 1)."""

    header: list[str]
    rows: list[tuple[int, list[object]]]


def is_table_file(path: Path) -> bool:
    return path.suffix.lower() in TABLE_SUFFIXES


def read_table(path: Path) -> Table:
    """The export's main table; raise WorkbookRejected saying what is wrong with the file."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".zip":
        name, data = _csv_from_zip(path)
        return _csv_table(data, name)
    if suffix == ".csv":
        return _csv_table(_read_bounded(path), path.name)
    return _workbook_table(path)


def workbook_header(path: Path) -> list[str] | None:
    """The first row of the first sheet of a workbook that passed ``check_workbook``, or None."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
        for row in sheet.iter_rows():
            return [_text(cell) for cell in row]
    except Exception:  # python-calamine raises several kinds for broken files; the workbook path reports it
        return None
    return None


def _read_bounded(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WorkbookRejected(Message.of("export_too_large", size=f"{size / 1024 / 1024:.0f}"))
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkbookRejected(Message.of("file_missing")) from None
    except OSError as error:
        raise WorkbookRejected(Message.of("file_unreadable", reason=error)) from None
    if not data:
        raise WorkbookRejected(Message.of("file_empty"))
    return data


def _csv_from_zip(path: Path) -> tuple[str, bytes]:
    if _read_bounded(path)[:4] != b"PK\x03\x04":
        raise WorkbookRejected(Message.of("zip_name_not_zip"))
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise WorkbookRejected(Message.of("zip_damaged")) from None
    with archive:
        members = archive.infolist()
        check_archive_members(members)
        tables = [m for m in members if m.filename.lower().endswith(".csv") and "/" not in m.filename.strip("/")]
        if not tables:
            raise WorkbookRejected(Message.of("zip_without_csv"))
        # Repeat groups come as "<form>-<repeat>.csv" beside the main "<form>.csv", whose name is the shortest.
        member = min(tables, key=lambda m: (len(m.filename), m.filename))
        try:
            with archive.open(member) as stream:
                data = stream.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError):
            raise WorkbookRejected(Message.of("table_unpackable", table=member.filename)) from None
        if len(data) > MAX_MEMBER_BYTES:
            raise WorkbookRejected(Message.of("table_larger_than_claimed", table=member.filename))
        return member.filename, data


def _csv_table(data: bytes, name: str) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkbookRejected(Message.of("table_not_utf8", name=name, byte=error.start)) from None
    if "\x00" in text:
        raise WorkbookRejected(Message.of("table_nul_bytes", name=name))
    delimiter = _delimiter(text.split("\n", 1)[0])
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        rows = []
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(row) > MAX_COLUMNS:
                raise WorkbookRejected(Message.of("table_too_wide", name=name, columns=f"{len(row):,}"))
            rows.append(row)
            if len(rows) > MAX_ROWS + 2:
                raise WorkbookRejected(Message.of("table_too_long", name=name, rows=f"{MAX_ROWS:,}"))
    except csv.Error as error:
        raise WorkbookRejected(Message.of("table_bad_csv", name=name, line=len(rows) + 1, error=error)) from None
    finally:
        csv.field_size_limit(limit)
    return _table(rows, name)


def _delimiter(first_line: str) -> str:
    """KoboToolbox separates with ";" by default, ODK Central with ","; labels in the header may hold either."""
    candidates = (";", ",", "\t")
    for delimiter in candidates:
        fields = next(csv.reader([first_line], delimiter=delimiter), [])
        if any(name.strip() in METADATA_COLUMNS for name in fields):
            return delimiter
    return max(candidates, key=first_line.count)


def _workbook_table(path: Path) -> Table:
    from python_calamine import CalamineWorkbook

    check_workbook(path)
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheet = book.get_sheet_by_index(0)
        if sheet.height > MAX_ROWS + 2 or sheet.width > MAX_COLUMNS:
            raise WorkbookRejected(Message.of("first_sheet_too_large", rows=f"{sheet.height:,}",
                                              columns=f"{sheet.width:,}"))
        rows = sheet.to_python(skip_empty_area=False)
    except WorkbookRejected:
        raise
    except Exception as error:  # python-calamine raises several kinds for broken files
        raise WorkbookRejected(Message.of("workbook_unreadable", error=error)) from None
    return _table(rows, path.name)


def _table(rows: list[list[object]], name: str) -> Table:
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(_text(cell) for cell in row)]
    if not numbered:
        raise WorkbookRejected(Message.of("table_empty", name=name))
    header = [_text(cell) for cell in numbered[0][1]]
    data = numbered[1:]
    # An optional row of HXL hashtags under the header (KoboToolbox's "include HXL" option).
    if data and all(_text(cell).startswith("#") for cell in data[0][1] if _text(cell)):
        data = data[1:]
    return Table(header, [(number, list(row) + [""] * (len(header) - len(row))) for number, row in data])


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()
