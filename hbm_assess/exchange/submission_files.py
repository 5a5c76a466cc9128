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
            raise WorkbookRejected(f"the file is {size / 1024 / 1024:.0f} MB, far larger than any export of "
                                   "assessments; split the export (by date) and import the parts")
        data = path.read_bytes()
    except FileNotFoundError:
        raise WorkbookRejected("the file does not exist (it may have been moved or deleted)") from None
    except OSError as error:
        raise WorkbookRejected(f"the file cannot be read: {error.strerror or error}") from None
    if not data:
        raise WorkbookRejected("the file is empty (0 bytes); it was probably not copied completely — get it again")
    return data


def _csv_from_zip(path: Path) -> tuple[str, bytes]:
    if _read_bounded(path)[:4] != b"PK\x03\x04":
        raise WorkbookRejected("the file is named .zip but is not a zip archive; download the export again")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise WorkbookRejected("the zip file is incomplete or damaged; download the export again") from None
    with archive:
        members = archive.infolist()
        check_archive_members(members)
        tables = [m for m in members if m.filename.lower().endswith(".csv") and "/" not in m.filename.strip("/")]
        if not tables:
            raise WorkbookRejected("the zip file holds no .csv table; in ODK Central, download the submissions "
                                   "as “CSV” (or “.csv.zip”) and import that")
        # Repeat groups come as "<form>-<repeat>.csv" beside the main "<form>.csv", whose name is the shortest.
        member = min(tables, key=lambda m: (len(m.filename), m.filename))
        try:
            with archive.open(member) as stream:
                data = stream.read(MAX_MEMBER_BYTES + 1)
        except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError):
            raise WorkbookRejected(f"the file is damaged: the table {member.filename} cannot be unpacked; "
                                   "download the export again") from None
        if len(data) > MAX_MEMBER_BYTES:
            raise WorkbookRejected(f"the table {member.filename} is larger than it claims; the file is refused")
        return member.filename, data


def _csv_table(data: bytes, name: str) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise WorkbookRejected(f"{name} is not UTF-8 text (byte {error.start}); export it again from KoboToolbox "
                               "or ODK Central, which write UTF-8") from None
    if "\x00" in text:
        raise WorkbookRejected(f"{name} contains NUL bytes, which no CSV export has; it is not a table of "
                               "submissions")
    delimiter = _delimiter(text.split("\n", 1)[0])
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_FIELD_CHARS)
    try:
        rows = []
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if len(row) > MAX_COLUMNS:
                raise WorkbookRejected(f"{name}: a row has {len(row):,} columns, far more than any export of this "
                                       "questionnaire; the file is refused")
            rows.append(row)
            if len(rows) > MAX_ROWS + 2:
                raise WorkbookRejected(f"{name} has more than {MAX_ROWS:,} rows; split the export (by date) and "
                                       "import the parts")
    except csv.Error as error:
        raise WorkbookRejected(f"{name}: line {len(rows) + 1} is not valid CSV ({error}); export it again") from None
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
            raise WorkbookRejected(f"the first sheet has {sheet.height:,} rows and {sheet.width:,} columns, far "
                                   "more than any export of this questionnaire; split the export and import the parts")
        rows = sheet.to_python(skip_empty_area=False)
    except WorkbookRejected:
        raise
    except Exception as error:  # python-calamine raises several kinds for broken files
        raise WorkbookRejected(f"the workbook cannot be read ({error}); it may be damaged — get it again") from None
    return _table(rows, path.name)


def _table(rows: list[list[object]], name: str) -> Table:
    numbered = [(number, row) for number, row in enumerate(rows, start=1) if any(_text(cell) for cell in row)]
    if not numbered:
        raise WorkbookRejected(f"{name} holds no table: no header row and no submissions")
    header = [_text(cell) for cell in numbered[0][1]]
    data = numbered[1:]
    # An optional row of HXL hashtags under the header (KoboToolbox's "include HXL" option).
    if data and all(_text(cell).startswith("#") for cell in data[0][1] if _text(cell)):
        data = data[1:]
    return Table(header, [(number, list(row) + [""] * (len(header) - len(row))) for number, row in data])


def _text(cell: object) -> str:
    return "" if cell is None else str(cell).strip()
