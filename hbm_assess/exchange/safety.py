"""Checks a file must pass before any spreadsheet parser sees it: kind of file, zip sizes, XML declarations.

A hostile or broken file is refused here, quickly and with bounded memory, with a
message that says what the file is and what to do about it.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
import zlib
from pathlib import Path
from xml.parsers import expat

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from hbm_assess.core.messages import Message, Problem
from hbm_assess.exchange.sheet_cells import KEPT

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_MEMBER_BYTES = 40 * 1024 * 1024
MAX_TOTAL_BYTES = 120 * 1024 * 1024
MAX_MEMBERS = 2_000
MAX_RATIO = 200           # uncompressed : compressed, for members big enough to matter
# Our own exports compress up to ~1000 to 1 when people type long repetitive text (44
# indicators × several fields of up to 32,767 characters: several MB of one sheet); the
# absolute caps above bound what a bomb can do, so only parts larger than any export are
# judged by their ratio.
RATIO_FLOOR = 16 * 1024 * 1024
READ_CHUNK = 256 * 1024
# No HBM export comes near these; python-calamine reads a sheet as one dense grid up to its
# furthest cell, so a single cell at XFD1048576 would ask for hundreds of gigabytes.
# Our workbooks stay far inside; a KoboToolbox export of the detailed questionnaire has ~250
# columns, one row a submission. The grid they span is bounded too (MAX_CELLS × ~32 bytes).
MAX_ROWS = 10_000
MAX_COLUMNS = 1_000
MAX_CELLS = 2_500_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
SPREADSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_SPREADSHEET_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
# Parts the import never reads (pictures, printer settings): their declared sizes are checked with
# the rest, but they are not unpacked. Every XML part is unpacked and searched for declarations.
UNREAD_PARTS = ("xl/media/", "xl/printerSettings/")
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})?\$?(\d{1,9})?$")
_DECLARATION = re.compile(rb"<!\s*(?:DOCTYPE|ENTITY)", re.IGNORECASE)


class WorkbookRejected(Problem):
    """A file that will not be imported; the message says why in words a person understands."""


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def open_regular(path: Path):
    """Open ``path`` for reading, refusing anything but a regular file (a FIFO would wait forever)."""
    try:
        kind = os.stat(path).st_mode
        if not stat.S_ISREG(kind):
            raise WorkbookRejected(_not_regular(kind))
        # O_NONBLOCK: if the name became a FIFO since the stat, opening it must not wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise WorkbookRejected(Message.of("file_missing")) from None
    except OSError as error:
        raise WorkbookRejected(Message.of("file_unreadable", reason=error)) from None
    try:
        kind = os.fstat(fd).st_mode
        if not stat.S_ISREG(kind):
            raise WorkbookRejected(_not_regular(kind))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _not_regular(mode: int) -> Message:
    if stat.S_ISDIR(mode):
        return Message.of("folder_not_file")
    if stat.S_ISFIFO(mode):
        return Message.of("pipe_not_file")
    if stat.S_ISSOCK(mode):
        return Message.of("socket_not_file")
    return Message.of("device_not_file")


def check_workbook(path: Path) -> None:
    """Raise WorkbookRejected unless ``path`` is a sound .xlsx zip that parsers may safely open."""
    with open_regular(path) as handle:
        check_open_workbook(handle)


def check_open_workbook(handle) -> dict[str, bytes]:
    """The checks of ``check_workbook`` on a file already opened with ``open_regular``.

    Returns the unpacked bytes of the parts a reader of the file may want again, as checked: every
    sheet the quick check accepted, the workbook part, its relationships and the shared strings
    (``sheet_cells.KEPT``), so that they need not be unpacked and parsed a second time.
    """
    try:
        # A decrypted workbook (exchange/protection.py) is checked in memory: it has no file number.
        size = os.fstat(handle.fileno()).st_size if hasattr(handle, "fileno") and not isinstance(
            handle, io.BytesIO) else handle.seek(0, io.SEEK_END)
        handle.seek(0)
        head = handle.read(8)
    except OSError as error:
        raise WorkbookRejected(Message.of("file_unreadable", reason=error)) from None
    if size == 0:
        raise WorkbookRejected(Message.of("file_empty"))
    if size > MAX_FILE_BYTES:
        raise WorkbookRejected(Message.of("file_too_large", size=f"{size / 1024 / 1024:.0f}",
                                          limit=MAX_FILE_BYTES // 1024 // 1024))
    if head.startswith(OLE_MAGIC):
        raise WorkbookRejected(_ole_message(handle))
    if head.startswith(EMPTY_ZIP_MAGIC):
        raise WorkbookRejected(Message.of("empty_zip"))
    if not head.startswith(ZIP_MAGIC):
        raise WorkbookRejected(_not_zip_message(handle, head))
    return _check_zip(handle)


def _ole_message(handle) -> Message:
    # Office's binary container holds both old .xls files and password-protected .xlsx files;
    # the stream names, stored as UTF-16 in its directory, tell them apart.
    handle.seek(0)
    data = handle.read()
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return Message.of("encrypted_container_damaged")
    if _utf16("Workbook") in data or _utf16("Book") in data:
        return Message.of("old_xls")
    if _utf16("WordDocument") in data:
        return Message.of("old_doc")
    return Message.of("old_office_file")


def _not_zip_message(handle, head: bytes) -> Message:
    if head.startswith(b"%PDF"):
        return Message.of("pdf_file")
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return Message.of("picture_file")
    if head.startswith((b"Rar!", b"7z\xbc\xaf", b"\x1f\x8b")):
        return Message.of("compressed_archive")
    handle.seek(0)
    sample = handle.read(4096)
    try:
        text = sample.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None and "\x00" not in text:
        if text.lstrip().startswith("<"):
            return Message.of("markup_file")
        if "," in text or ";" in text or "\t" in text:
            return Message.of("csv_file")
        return Message.of("plain_text_file")
    return Message.of("not_a_workbook_at_all")


def _check_zip(handle) -> dict[str, bytes]:
    handle.seek(0)
    try:
        archive = zipfile.ZipFile(handle)
    except zipfile.BadZipFile:
        raise WorkbookRejected(Message.of("file_truncated")) from None
    except (OSError, ValueError, EOFError) as error:
        raise WorkbookRejected(Message.of("zip_unopenable", error=error)) from None
    with archive:
        members = archive.infolist()
        _check_sizes(members)
        names = {member.filename for member in members}
        if len(names) != len(members):
            twice = next(m.filename for n, m in enumerate(members) if m.filename in
                         {x.filename for x in members[:n]})
            raise WorkbookRejected(Message.of("part_twice", part=twice))
        _check_kind(archive, names)
        sheets = _sheet_parts(archive, names)
        kept: dict[str, bytes] = {}
        for member in members:
            if not member.filename.startswith(UNREAD_PARTS) or member.filename in sheets:
                _check_member(archive, member, member.filename in sheets, kept)
    return kept


def check_archive_members(members: list[zipfile.ZipInfo]) -> None:
    """The zip-bomb checks alone (count, sizes, ratios, encryption), for zip files that are not workbooks."""
    _check_sizes(members)


def _check_sizes(members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_MEMBERS:
        raise WorkbookRejected(Message.of("too_many_parts", count=f"{len(members):,}"))
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise WorkbookRejected(Message.of("parts_encrypted"))
        if member.file_size > MAX_MEMBER_BYTES:
            raise WorkbookRejected(
                Message.of("part_too_large", part=member.filename, size=f"{member.file_size / 1024 / 1024:,.0f}"))
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise WorkbookRejected(
                Message.of("part_ratio", part=member.filename, ratio=f"{ratio:,.0f}"))
        total += member.file_size
    if total > MAX_TOTAL_BYTES:
        raise WorkbookRejected(Message.of("unpacks_too_large", size=f"{total / 1024 / 1024:,.0f}"))


def _check_kind(archive: zipfile.ZipFile, names: set[str]) -> None:
    if "mimetype" in names and "content.xml" in names:
        raise WorkbookRejected(Message.of("opendocument_file"))
    if "[Content_Types].xml" not in names:
        raise WorkbookRejected(Message.of("zip_not_workbook"))
    if "word/document.xml" in names:
        raise WorkbookRejected(Message.of("word_file"))
    if "xl/workbook.bin" in names:
        raise WorkbookRejected(Message.of("xlsb_file"))
    if "ppt/presentation.xml" in names:
        raise WorkbookRejected(Message.of("powerpoint_file"))
    content_types = _read_small(archive, "[Content_Types].xml")
    try:
        root = SafeET.fromstring(content_types, forbid_dtd=True)
    except DefusedXmlException:
        raise WorkbookRejected(Message.of("part_declares_entities", part="[Content_Types].xml")) from None
    except SafeET.ParseError:
        raise WorkbookRejected(Message.of("part_not_xml", part="[Content_Types].xml")) from None
    types = {element.get("ContentType") for element in root}
    if SPREADSHEET_TYPE not in types and MACRO_SPREADSHEET_TYPE not in types:
        raise WorkbookRejected(Message.of("office_not_workbook"))


def _read_small(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        raise WorkbookRejected(Message.of("part_unpackable", part=name)) from None


def _sheet_parts(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """The parts a reader takes for sheets: those under xl/worksheets/ and any the workbook points to."""
    found = {name for name in names if name.startswith("xl/worksheets/") and name.endswith(".xml")}
    rels = "xl/_rels/workbook.xml.rels"
    if rels not in names:
        return found
    try:
        root = SafeET.fromstring(_read_small(archive, rels), forbid_dtd=True)
    except (DefusedXmlException, SafeET.ParseError):
        raise WorkbookRejected(Message.of("part_not_xml", part=rels)) from None
    for element in root:
        if str(element.get("Type", "")).endswith(("/worksheet", "/chartsheet", "/dialogsheet", "/macrosheet")):
            target = str(element.get("Target", ""))
            parts: list[str] = [] if target.startswith("/") else ["xl"]
            for piece in target.strip("/").split("/"):
                if piece == "..":
                    parts = parts[:-1]
                elif piece not in ("", "."):
                    parts.append(piece)
            found.add("/".join(parts))
    return found


def _check_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, sheet: bool = False,
                  kept: dict[str, bytes] | None = None) -> None:
    """Unpack one part as a stream, never beyond its declared size, and look for XML declarations.

    The bytes of a sheet that passes the quick check, and of the parts in ``KEPT``, go into ``kept``.
    """
    check_xml = sheet or member.filename.endswith((".xml", ".rels", ".vml"))
    grid = _QuickSheetGrid(member.filename) if sheet else None
    pieces: list[bytes] | None = [] if kept is not None and not sheet and member.filename in KEPT else None
    seen = 0
    tail = b""
    try:
        # zipfile stops at the declared size and checks the CRC, so a part whose header
        # understates its size, or whose bytes were cut or altered, fails here.
        with archive.open(member) as stream:
            first = True
            while chunk := stream.read(READ_CHUNK):
                seen += len(chunk)
                if check_xml:
                    if first:
                        _check_encoding(member.filename, chunk)
                        first = False
                    if grid is not None:
                        grid.feed(chunk)  # it searches for declarations before any parser sees the bytes
                    elif _DECLARATION.search(tail + chunk):
                        raise WorkbookRejected(
                            Message.of("part_declares_entities", part=member.filename))
                    tail = chunk[-16:]
                if pieces is not None:
                    pieces.append(chunk)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, ValueError) as error:
        if isinstance(error, NotImplementedError):
            raise WorkbookRejected(Message.of("part_compression", part=member.filename)) from None
        raise WorkbookRejected(Message.of("part_damaged", part=member.filename)) from None
    if seen != member.file_size:
        raise WorkbookRejected(Message.of("part_wrong_size", part=member.filename))
    if grid is not None:
        grid.close()
        if kept is not None and grid.data is not None:
            kept[member.filename] = grid.data
    elif pieces is not None:
        kept[member.filename] = b"".join(pieces)


def _check_encoding(name: str, chunk: bytes) -> None:
    # Excel and LibreOffice write UTF-8; other encodings would hide declarations from the search above.
    if chunk.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(chunk) > 1 and chunk[1] == 0):
        raise WorkbookRejected(Message.of("part_utf16", part=name))


# The quick check of a sheet's bounds (see _QuickSheetGrid): an element name with any prefixes,
# and start tags written the plain way every spreadsheet writer uses: attributes name="value",
# values without quotes, <, > or & (so without entity references), every row and cell with its r.
_NAME = rb"<"
_PREFIXED = re.compile(rb"<[^\s<>/!?:=\"']+:")  # an element with a namespace prefix: left to the streaming parser
_ATTRIBUTE = rb'\s+[^\s<>/!?=\"\']+="[^"<>&]*"'
_NOT_R = rb'\s+(?!r=)[^\s<>/!?=\"\']+="[^"<>&]*"'
_ANY_ROW = re.compile(_NAME + rb"row(?=[\s/>])")
_ANY_CELL = re.compile(_NAME + rb"c(?=[\s/>])")
_ANY_DIMENSION = re.compile(_NAME + rb"dimension(?=[\s/>])")
_PLAIN_ROW = re.compile(_NAME + rb"row(?:" + _NOT_R + rb')*\s+r="([1-9][0-9]{0,8})"(?:' + _ATTRIBUTE + rb")*\s*/?>")
_PLAIN_CELL = re.compile(
    _NAME + rb"c(?:" + _NOT_R + rb')*\s+r="([A-Z]{1,3})([1-9][0-9]{0,8})"(?:' + _ATTRIBUTE + rb")*\s*/?>")
_PLAIN_DIMENSION = re.compile(
    _NAME + rb"dimension(?:" + _NOT_R.replace(b"r=", b"ref=") + rb')*\s+ref="([^"<>&]*)"(?:' + _ATTRIBUTE
    + rb")*\s*/?>")
QUICK_CHECK_BYTES = 32 * 1024 * 1024  # a sheet larger than this is checked by the streaming parser alone
EXPAT_SLICE = 4 * 1024 * 1024  # ~20 ms of expat: a sheet is parsed in one call up to this size


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number


def quick_extent(data: bytes) -> tuple[int, int] | None:
    """The furthest row and column of a sheet written the plain way, or None when it is not plain.

    Counts every ``<row``, ``<c`` and ``<dimension`` start in the bytes, inside comments and
    CDATA too, and parses the same starts strictly: when any is not plain (a row or cell without
    ``r``, a value with an entity reference or a quote, spaces around ``=``...), None — the
    streaming parser decides. The furthest position over those starts is at least the
    furthest real one, since real elements are among them.
    """
    if _PREFIXED.search(data):
        return None
    rows = _PLAIN_ROW.findall(data)
    cells = _PLAIN_CELL.findall(data)
    dimensions = _PLAIN_DIMENSION.findall(data)
    if (len(rows) != len(_ANY_ROW.findall(data)) or len(cells) != len(_ANY_CELL.findall(data))
            or len(dimensions) != len(_ANY_DIMENSION.findall(data))):
        return None
    letters, numbers = zip(*cells, strict=True) if cells else ((), ())
    furthest_row = max(map(int, {*rows, *numbers}), default=0)
    furthest_column = max(map(_column_number, set(letters)), default=0)
    if rows or cells:
        furthest_column = max(furthest_column, 1)  # a row counts as reaching column 1, as _SheetGrid counts it
    for ref in dimensions:
        for corner in ref.decode("ascii", "replace").split(":"):
            row, column = _SheetGrid._reference(corner)
            furthest_row, furthest_column = max(furthest_row, row or 0), max(furthest_column, column or 0)
    return furthest_row, furthest_column


# What first_r_extent needs to know, in one pass over a sheet's bytes: the first start of a row, a cell
# or a dimension that is not written the way every spreadsheet writer writes it (r or ref first, a plain
# value, then the next attribute or the end of the tag; no prefix), or the first XML declaration. One
# pattern starting with "<": Python's engine searches a literal start far faster than several patterns.
_SHEET_SCAN = re.compile(
    rb'<(?:(?P<declaration>!\s*(?i:DOCTYPE|ENTITY))'
    rb'|c(?!\s+r="[A-Z]{1,3}[1-9][0-9]{0,8}"[\s/>])(?=[\s/>])'
    rb'|row(?!\s+r="[1-9][0-9]{0,8}"[\s/>])(?=[\s/>])'
    rb'|dimension(?!\s+ref="[^"<>&]*"[\s/>])(?=[\s/>])'
    rb'|[^\s<>/!?:=\"\']+:(?:[^\s<>/!?=\"\']*:)?(?:c|row|dimension)[\s/>])')
_FIRST_R = re.compile(
    rb'<(?:c\s+r="([A-Z]{1,3})([1-9][0-9]{0,8})"|row\s+r="([1-9][0-9]{0,8})"|dimension\s+ref="([^"<>&]*)")'
    rb"(?=[\s/>])")


def first_r_extent(data: bytes) -> tuple[int, int] | None:
    """``quick_extent`` in two passes instead of seven, for sheets whose every start has its r first.

    A well-formed sheet (expat said so) in which no row, cell or dimension start is odd
    (``_SHEET_SCAN``) has each of them matched by ``_FIRST_R``, inside comments and CDATA too:
    so the furthest position over the matches is at least the furthest real one. Else None
    (also for a sheet that declares entities: refused before this is asked).
    """
    return None if _SHEET_SCAN.search(data) else _first_r_positions(data)


def _first_r_positions(data: bytes) -> tuple[int, int]:
    found = _FIRST_R.findall(data)
    if not found:
        return 0, 0
    letters, numbers, rows, dimensions = (set(group) - {b""} for group in zip(*found, strict=True))
    furthest_row = max(map(int, numbers | rows), default=0)
    furthest_column = max(max(map(_column_number, letters), default=0), 1 if numbers or rows else 0)
    for ref in dimensions:
        for corner in ref.decode("ascii", "replace").split(":"):
            row, column = _SheetGrid._reference(corner)
            furthest_row, furthest_column = max(furthest_row, row or 0), max(furthest_column, column or 0)
    return furthest_row, furthest_column


def _within_bounds(extent: tuple[int, int] | None) -> bool:
    if extent is None:
        return False
    rows, columns = extent
    return rows <= MAX_ROWS and columns <= MAX_COLUMNS and rows * columns <= MAX_CELLS


class _QuickSheetGrid:
    """_SheetGrid's verdict at C speed for the sheets every spreadsheet writer produces.

    The bytes are kept; at the end one regular-expression pass looks for XML declarations (refused)
    and for anything written unusually, expat checks the XML in one call with no Python called
    per element (fed in pieces it costs half as much again), and one more pass finds the
    furthest row and cell (``first_r_extent``; for an unusual sheet, ``quick_extent``). Only a sheet
    that is well formed, plain and within bounds is accepted here; anything else — an XML error,
    a part too large to keep, anything not plain, anything out of bounds — goes through
    _SheetGrid over the same bytes, which gives the same refusal, with the same message, as it
    always did. It was 53 % of an import's time.
    """

    def __init__(self, part: str):
        self.part = part
        self.chunks: list[bytes] | None = []
        self.kept = 0
        self.slow: _SheetGrid | None = None
        self.tail = b""
        self.data: bytes | None = None  # the whole sheet, once the quick check accepted it

    def feed(self, chunk: bytes, final: bool = False) -> None:
        if self.slow is not None:
            self._refuse_declarations(self.tail + chunk)
            self.tail = chunk[-16:]
            self.slow.feed(chunk, final)
            return
        self.chunks.append(chunk)
        self.kept += len(chunk)
        if self.kept > QUICK_CHECK_BYTES:
            self._go_slow()

    def close(self) -> None:
        if self.slow is None:
            data = b"".join(self.chunks)
            odd = _SHEET_SCAN.search(data)
            # (no declaration comes before the first match: the pattern would have stopped at it)
            if odd is not None and (odd["declaration"] or _DECLARATION.search(data, odd.start())):
                raise WorkbookRejected(Message.of("part_declares_entities", part=self.part))
            if _well_formed(data):
                extent = _first_r_positions(data) if odd is None else quick_extent(data)
                if _within_bounds(extent):
                    self.data = data
                    return
            self._go_slow(data)  # the same bytes again, for _SheetGrid's own refusal (bounds or XML, first one met)
        self.slow.close()

    def _go_slow(self, data: bytes | None = None) -> None:
        data, self.chunks = b"".join(self.chunks) if data is None else data, None
        self._refuse_declarations(data)
        self.tail = data[-16:]
        self.slow = _SheetGrid(self.part)
        self.slow.feed(data)

    def _refuse_declarations(self, data: bytes) -> None:
        # Before any parser sees the bytes: expat would expand the entities they declare.
        if _DECLARATION.search(data):
            raise WorkbookRejected(Message.of("part_declares_entities", part=self.part))


def _well_formed(data: bytes) -> bool:
    parser = expat.ParserCreate()
    try:
        # A long sheet in slices, so that the window's thread gets the interpreter in between.
        for start in range(0, len(data), EXPAT_SLICE):
            parser.Parse(data[start:start + EXPAT_SLICE], start + EXPAT_SLICE >= len(data))
        if not data:
            parser.Parse(b"", True)
    except expat.ExpatError:
        return False
    return True


class _SheetGrid:
    """Streams a sheet's XML and refuses it as soon as a cell, a row or its declared size is out of bounds.

    Rows and cells without an ``r`` attribute follow the one before, as spreadsheet
    readers count them, so leaving the positions out cannot hide a far cell.
    """

    def __init__(self, part: str):
        self.part = part
        self.row = 0
        self.column = 0
        self.extent = (0, 0)  # the furthest row and column seen: the grid a reader would allocate
        self.parser = expat.ParserCreate()
        self.parser.StartElementHandler = self._start

    def feed(self, chunk: bytes, final: bool = False) -> None:
        try:
            self.parser.Parse(chunk, final)
        except expat.ExpatError as error:
            # A reader may be lenient where this parser is not: what cannot be checked is not read.
            raise WorkbookRejected(Message.of("sheet_not_xml", part=self.part, line=error.lineno)) from None

    def close(self) -> None:
        self.feed(b"", True)

    def _start(self, name: str, attributes: dict) -> None:
        local = name.rsplit(":", 1)[-1]
        if local == "row":
            self.row = self._number(attributes.get("r"), self.row + 1)
            self.column = 0
            self._bound(self.row, 1, Message.of("at_row", row=f"{self.row:,}"))
        elif local == "c":
            row, column = self._reference(attributes.get("r"))
            self.row = row or self.row
            self.column = column or self.column + 1
            shown = attributes.get("r")
            where = Message.of("at_cell", cell=shown) if shown else Message.of(
                "at_row_column", row=f"{self.row:,}", column=f"{self.column:,}")
            self._bound(self.row, self.column, where)
        elif local == "dimension":
            rows, columns = 0, 0
            for corner in str(attributes.get("ref", "")).split(":"):
                row, column = self._reference(corner)
                rows, columns = max(rows, row or 0), max(columns, column or 0)
            if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
                raise WorkbookRejected(
                    Message.of("sheet_spans_too_far", part=self.part, ref=attributes.get("ref"), rows=f"{MAX_ROWS:,}",
                               columns=f"{MAX_COLUMNS:,}", cells=f"{MAX_CELLS:,}"))

    def _bound(self, row: int, column: int, where: Message) -> None:
        self.extent = rows, columns = max(self.extent[0], row), max(self.extent[1], column)
        if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise WorkbookRejected(
                Message.of("sheet_too_far", part=self.part, where=where, rows=f"{MAX_ROWS:,}",
                           columns=f"{MAX_COLUMNS:,}", cells=f"{MAX_CELLS:,}"))

    @staticmethod
    def _number(text: object, default: int) -> int:
        return int(text) if isinstance(text, str) and text.isascii() and text.isdigit() else default

    @staticmethod
    def _reference(text: object) -> tuple[int | None, int | None]:
        match = _CELL_REF.match(text) if isinstance(text, str) else None
        if not match:
            return None, None
        letters, digits = match.groups()
        column = None
        if letters:
            column = 0
            for letter in letters.upper():
                column = column * 26 + ord(letter) - 64
        return (int(digits) if digits else None), column
