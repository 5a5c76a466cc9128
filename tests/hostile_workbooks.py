"""Build a corpus of broken and hostile .xlsx files, each with the message its import must give.

Run ``python tests/hostile_workbooks.py OUTDIR`` to write the corpus for a look; the
tests build it the same way, so no binary test file is checked in.
"""

from __future__ import annotations

import io
import random
import re
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class Case:
    name: str
    build: Callable[[Path, Path], None]  # (good export, file to write)
    message: str  # what the rejection must say
    # A file that would make a dense reader ask for hundreds of gigabytes (the process aborts, not raises):
    # tests import it only in a child process, so a regression cannot take pytest down with it.
    kills_reader: bool = False


def _write(data: bytes) -> Callable[[Path, Path], None]:
    return lambda good, target: target.write_bytes(data)


def _ole(*streams: str) -> bytes:
    """The start of an Office binary container whose directory names these streams (UTF-16, as Office writes)."""
    header = OLE_MAGIC + bytes(16) + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + bytes(512 - 32)
    directory = b"".join(name.encode("utf-16-le").ljust(64, b"\x00") + bytes(64) for name in ("Root Entry", *streams))
    return header + directory.ljust(4096, b"\x00")


def _rezip(good: Path, target: Path, replace: dict[str, bytes], drop: tuple[str, ...] = ()) -> None:
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            if item.filename in drop:
                continue
            out.writestr(item.filename, replace.get(item.filename, source.read(item.filename)))


def _truncated(good: Path, target: Path) -> None:
    data = good.read_bytes()
    target.write_bytes(data[: len(data) * 6 // 10])


def _zip_bomb(good: Path, target: Path) -> None:
    # 200 MB of zeros squeezes into about 200 KB: declared sizes give it away before anything is unpacked.
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", zipfile.ZipFile(good).read("[Content_Types].xml"))
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = bytes(1024 * 1024)
            for _ in range(200):
                member.write(chunk)


def _ratio_bomb(good: Path, target: Path) -> None:
    # Under the size limit, but compressed a thousand to one.
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("[Content_Types].xml", zipfile.ZipFile(good).read("[Content_Types].xml"))
        out.writestr("xl/sharedStrings.xml", b"<sst>" + b" " * (20 * 1024 * 1024) + b"</sst>")


def _lying_size(good: Path, target: Path) -> None:
    # A part whose central-directory entry claims fewer bytes than it holds.
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/workbook.xml")
    name_at = data.find(b"xl/workbook.xml", data.find(b"PK\x01\x02"))
    entry = data.rfind(b"PK\x01\x02", 0, name_at)
    data[entry + 24:entry + 28] = (info.file_size // 2).to_bytes(4, "little")  # its uncompressed size
    target.write_bytes(bytes(data))


def _entity_bomb(good: Path, target: Path) -> None:
    entities = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    declaration = f'<!DOCTYPE workbook [<!ENTITY lol0 "lol">{entities}]>'
    workbook = zipfile.ZipFile(good).read("xl/workbook.xml").decode()
    body = workbook.split("?>", 1)[1] if workbook.startswith("<?xml") else workbook
    _rezip(good, target, {"xl/workbook.xml": ('<?xml version="1.0"?>' + declaration + body).encode()})


def _not_hbm(good: Path, target: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "Site"
    book.active["B1"] = "Level"
    book.save(target)


def _docx(good: Path, target: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("[Content_Types].xml", "<Types/>")
        out.writestr("word/document.xml", "<document/>")
    target.write_bytes(buffer.getvalue())


def _corrupt_middle(good: Path, target: Path) -> None:
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as archive:
        info = archive.getinfo("xl/worksheets/sheet2.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    for offset in range(start + 10, start + min(info.compress_size, 200)):
        data[offset] ^= 0x5A
    target.write_bytes(bytes(data))


def _edit(changes: dict[tuple[str, str], object]) -> Callable[[Path, Path], None]:
    def build(good: Path, target: Path) -> None:
        from workbooks import edit

        edit(good, changes, target)

    return build


def _tampered(good: Path, target: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(good)
    machine = book["_hbm"]
    for row in machine.iter_rows(min_col=1, max_col=2):
        if row[0].value == "data":
            row[1].value = row[1].value.replace('"level": 3', '"level": 5', 1)
            break
    book.save(target)


def _sheet_xml(part: str, change: Callable[[str], str]) -> Callable[[Path, Path], None]:
    def build(good: Path, target: Path) -> None:
        text = zipfile.ZipFile(good).read(part).decode()
        _rezip(good, target, {part: change(text).encode()})

    return build


def _far_cell(text: str) -> str:
    # One cell at the last place a sheet can have: a 95 KB file that a dense reader would make 549 GB of.
    return text.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>')


def _far_column(text: str) -> str:
    return text.replace("</sheetData>", '<row r="7"><c r="XFD7"><v>1</v></c></row></sheetData>')


def _far_dimension(text: str) -> str:
    far = re.sub(r'<dimension ref="A1:[A-Z]+6" />', '<dimension ref="A1:XFD1048576" />', text, count=1)
    assert far != text, "the Answers sheet's dimension was found"
    return far


def _wide_and_long(text: str) -> str:
    # Each side within its bound (900 columns, 9,000 rows), the grid not: 8.1 million cells to allocate.
    return text.replace("</sheetData>", '<row r="9000"><c r="A9000"><v>1</v></c></row>'
                        '<row r="9001"><c r="AHP9001"><v>1</v></c></row></sheetData>')


def _many_unnumbered_cells(text: str) -> str:
    # Cells without positions follow one another: 1,100 of them reach column 1,100 without naming it.
    return text.replace("</sheetData>", '<row r="7">' + "<c><v>1</v></c>" * 1_100 + "</row></sheetData>")


# Written to mislead a quick scan of the XML (exchange/safety.py quick_extent): each hides a far cell.
def _far_cell_hidden_in_a_quoted_value(text: str) -> str:
    # The only " r=" a careless pattern would see sits inside another attribute's value.
    return text.replace("</sheetData>", "<row r=\"7\"><c t='n r=\"A7\"' r=\"XFD7\"><v>1</v></c></row></sheetData>")


def _far_cell_by_character_reference(text: str) -> str:
    # r="&#88;FD7" is XFD7 to an XML parser, and no cell reference to a pattern.
    return text.replace("</sheetData>", '<row r="7"><c r="&#88;FD7"><v>1</v></c></row></sheetData>')


def _far_cell_with_a_prefix(text: str) -> str:
    # The same element under namespace prefixes (x:c), as some writers name them.
    return text.replace("</sheetData>", '<row r="7"><x:y:c xmlns:x="urn:x" r="XFD7"><v>1</v></x:y:c></row>'
                        "</sheetData>")


def _far_cell_after_a_comment(text: str) -> str:
    # A comment and CDATA that look like near cells, then the far one.
    return text.replace("</sheetData>", '<!-- <c r="A1"/> --><row r="7"><c r="XFD7"><is><t><![CDATA[<c r="B1"/>]]>'
                        "</t></is></c></row></sheetData>")


# Written against the two-pass check (first_r_extent, #20), which trusts an r written first.
def _far_cell_in_a_second_r(text: str) -> str:
    # Two r attributes: the first near, the second far (XML forbids it; a lenient reader might take either).
    return text.replace("</sheetData>", '<row r="7"><c r="A7" r="XFD7"><v>1</v></c></row></sheetData>')


def _far_cell_after_a_tab(text: str) -> str:
    return text.replace("</sheetData>", '<row r="7"><c\tr="XFD7"><v>1</v></c></row></sheetData>')


def _far_cell_among_excel_extensions(text: str) -> str:
    # Prefixed elements and attributes as Excel writes them, which the quick check now measures.
    return text.replace("<worksheet ", '<worksheet xmlns:x14ac="urn:a" xmlns:mc="urn:m" ', 1).replace(
        "</sheetData>", '<row r="7" x14ac:dyDescent="0.25"><c r="XFD7" s="1"><v>1</v></c></row></sheetData>'
        '<mc:AlternateContent><mc:Choice Requires="x14ac"/></mc:AlternateContent>')


def _hidden_sheet_xml(change: Callable[[str], str], strings: str | None = None) -> Callable[[Path, Path], None]:
    """Change the hidden sheet's XML (wherever the workbook keeps it), with a shared strings table if given."""
    def build(good: Path, target: Path) -> None:
        with zipfile.ZipFile(good) as book:
            workbook, links = book.read("xl/workbook.xml").decode(), book.read("xl/_rels/workbook.xml.rels").decode()
            link = re.search(r'name="_hbm"[^>]*r:id="([^"]+)"', workbook)[1]
            target_of = re.search(rf'<Relationship[^>]*Target="/?(?:xl/)?([^"]+)"[^>]*Id="{link}"', links)[1]
            part = "xl/" + target_of
            text = book.read(part).decode()
        _rezip(good, target, {part: change(text).encode()})
        if strings is not None:
            with zipfile.ZipFile(target, "a") as book:
                book.writestr("xl/sharedStrings.xml", strings)

    return build


def _duplicate_member(good: Path, target: Path) -> None:
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            out.writestr(item.filename, source.read(item.filename))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # zipfile warns about the duplicate name: that is the point
            out.writestr("xl/workbook.xml", source.read("xl/workbook.xml"))


def _doctype_in(part: str) -> Callable[[Path, Path], None]:
    def build(good: Path, target: Path) -> None:
        text = zipfile.ZipFile(good).read(part).decode()
        body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
        _rezip(good, target, {part: ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]>' + body).encode()})

    return build


def machine_rows(book) -> list[list]:
    return [list(row) for row in book["_hbm"].iter_rows(values_only=True)]


def forge(mutate: Callable[[dict], None], rehash: bool = True) -> Callable[[Path, Path], None]:
    """Change the hidden sheet's data and, like a careful forger, recompute its content hash by the documented rule."""

    def build(good: Path, target: Path) -> None:
        import json

        import openpyxl

        book = openpyxl.load_workbook(good)
        machine = book["_hbm"]
        cells = [row[1] for row in machine.iter_rows(min_col=1, max_col=2) if row[0].value == "data"]
        data = json.loads("".join(str(c.value or "") for c in cells))
        mutate(data)
        text = json.dumps(data, ensure_ascii=False)
        chunks = [text[i:i + 8000] for i in range(0, len(text), 8000)]
        for n, cell in enumerate(cells):
            cell.value = chunks[n] if n < len(chunks) else None
        for chunk in chunks[len(cells):]:
            machine.append(["data", chunk])
        if rehash:
            rehash_book(book)
        book.save(target)

    return build


def set_machine_value(book, key: str, value: object) -> None:
    for row in book["_hbm"].iter_rows(min_col=1, max_col=2):
        if row[0].value == key:
            row[1].value = value
            return
    raise KeyError(key)


def _digest(value: object) -> str:
    import hashlib
    import json

    text = json.dumps(value, sort_keys=True, ensure_ascii=True, separators=(",", ":"))
    return "sha256:" + hashlib.sha256(text.encode("ascii")).hexdigest()


def recomputed_hash(book) -> str:
    """The content hash by the rule docs/workbook-format.md gives, written out here independently of the app."""
    import json

    values: dict[str, object] = {}
    for key, value in machine_rows(book):
        if key in ("data", "form", "lineage"):
            values[key] = str(values.get(key, "")) + str(value or "")
        elif key:
            values.setdefault(key, value)
    data = json.loads(values["data"])
    cells = {k: values[k] for k in ("uuid", "form_id", "form_version", "status")}
    canonical = {
        "assessment": {**data["assessment"], **cells, "revision": int(values["revision"])},
        "answers": sorted(({k: v for k, v in a.items() if k != "updated_at"} for a in data["answers"]),
                          key=lambda r: (r["indicator_id"], r["group"])),
        "actions": sorted(({k: v for k, v in a.items() if k != "updated_at"} for a in data["actions"]),
                          key=lambda r: r["uuid"]),
        "form_hash": _digest(_meaning(json.loads(values["form"]))),
    }
    return _digest(canonical)


def _meaning(form: dict) -> dict:
    """The questionnaire without its indicators' method metadata (phase, scope), as the documented rule says."""
    for area in form["areas"]:
        for indicator in area["indicators"]:
            indicator.pop("phase", None)
            indicator.pop("scope", None)
    return form


def rehash_book(book, lineage: list[str] | None = None) -> str:
    """Give a changed hidden sheet a content hash that matches, ending its lineage (or ``lineage``) with it."""
    import json

    head = recomputed_hash(book)
    set_machine_value(book, "content_hash", head)
    if lineage is None:
        lineage = json.loads("".join(str(r[1] or "") for r in machine_rows(book) if r[0] == "lineage"))[:-1]
    set_machine_value(book, "lineage", json.dumps([*lineage, head]))
    return head


def _machine_cell(key: str, value: object) -> Callable[[Path, Path], None]:
    def build(good: Path, target: Path) -> None:
        import openpyxl

        book = openpyxl.load_workbook(good)
        if key == "workshop":
            sheet = book["_hbm"]
            sheet.append(["workshop", value])
        else:
            set_machine_value(book, key, value)
        book.save(target)

    return build


def _deep_data(good: Path, target: Path) -> None:
    import openpyxl

    book = openpyxl.load_workbook(good)
    deep = '{"assessment": ' + "[" * 20_000 + "]" * 20_000 + "}"
    set_machine_value(book, "data", deep[:30_000])  # a cell holds 32,767 characters: the rest in a second row
    book["_hbm"].append(["data", deep[30_000:]])
    book.save(target)


def _site(**changes) -> Callable[[dict], None]:
    return lambda data: data["assessment"]["site"].update(changes)


CASES = [
    Case("empty", _write(b""), "the file is empty (0 bytes)"),
    Case("random-bytes", _write(random.Random(5).randbytes(8192)), "its first bytes are not those of any workbook"),
    Case("pdf-renamed", _write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
         "this is a PDF document"),
    Case("csv-renamed", _write(b"site,indicator,level\nSafwan,OPS-01,3\nTrebil,OPS-01,2\n"),
         "this is a text (CSV) file"),
    Case("old-xls", _write(_ole("Workbook", "\x05SummaryInformation")), "old-format Excel file (.xls"),
    Case("password-protected", _write(_ole("EncryptionInfo", "EncryptedPackage", "\x06DataSpaces")),
         "protected with a password"),
    Case("truncated-download", _truncated, "incomplete or damaged (its end is missing"),
    Case("zip-bomb", _zip_bomb, "would unpack to 200 MB"),
    Case("ratio-bomb", _ratio_bomb, "is compressed"),
    Case("lying-size", _lying_size, "the part xl/workbook.xml cannot be unpacked"),
    Case("corrupted-part", _corrupt_middle, "the part xl/worksheets/sheet2.xml cannot be unpacked"),
    Case("xml-entity-bomb", _entity_bomb, "the part xl/workbook.xml declares XML entities"),
    Case("word-document", _docx, "this is a Word document"),
    Case("not-an-hbm-export", _not_hbm, "not exported by HBM Assess (it has no _hbm sheet)"),
    Case("level-out-of-range", _edit({("Answers", "D3"): 7}), "Answers!D3: level 7 is not between 1 and 5"),
    Case("level-not-a-level", _edit({("Answers", "D4"): "high"}), "Answers!D4: “high” is not a level"),
    Case("unknown-indicator", _edit({("Answers", "B4"): "REG-99"}),
         "Answers!B4: indicator “REG-99” is not in the questionnaire mini 1.0"),
    Case("malformed-uuid", _edit({("_hbm", "B6"): "not-a-uuid"}), "_hbm!B6: 'not-a-uuid' is not a valid assessment id"),
    Case("hidden-sheet-tampered", _tampered, "the hidden _hbm sheet was changed by hand"),
    # The hidden sheet is read from the bytes the safety check unpacked (#20): what calamine would read, or refuse.
    Case("hidden-sheet-changed-through-an-escape",
         _hidden_sheet_xml(lambda t: t.replace("<t>draft</t>", "<t>fin_x0061_l</t>", 1)),
         "the hidden _hbm sheet was changed by hand"),
    Case("hidden-sheet-string-past-the-table",
         _hidden_sheet_xml(lambda t: t.replace('<c r="A1" t="inlineStr"><is><t>format</t></is></c>',
                                               '<c r="A1" t="s"><v>9</v></c>'),
                           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                           "<si><t>format</t></si></sst>"),
         "the sheet “_hbm” refers to a shared text that the file does not hold"),
    Case("bad-date", _edit({("Summary", "B10"): "20/11/2026"}), "Summary!B10: “20/11/2026” is not a date"),
    # Every file is its own world (issue 13, finding 5): bounds checked before any reader allocates.
    Case("far-cell-XFD1048576", _sheet_xml("xl/worksheets/sheet2.xml", _far_cell),
         "the sheet xl/worksheets/sheet2.xml has a row 1,048,576, far beyond any HBM export", kills_reader=True),
    Case("far-column-XFD7", _sheet_xml("xl/worksheets/sheet2.xml", _far_column),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("far-dimension", _sheet_xml("xl/worksheets/sheet2.xml", _far_dimension),
         "the sheet xl/worksheets/sheet2.xml says it spans A1:XFD1048576"),
    Case("grid-past-2.5-million-cells", _sheet_xml("xl/worksheets/sheet1.xml", _wide_and_long),
         "has a cell AHP9001, far beyond any HBM export (at most 10,000 rows, 1,000 columns and 2,500,000 cells)"),
    Case("unnumbered-cells-past-1000-columns", _sheet_xml("xl/worksheets/sheet1.xml", _many_unnumbered_cells),
         "has a row 7, column 1,001, far beyond any HBM export"),
    Case("far-cell-hidden-in-a-quoted-value",
         _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_hidden_in_a_quoted_value),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("far-cell-by-character-reference",
         _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_by_character_reference),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("far-cell-with-a-prefix", _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_with_a_prefix),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("far-cell-after-a-comment", _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_after_a_comment),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("far-cell-in-a-second-r", _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_in_a_second_r),
         "the sheet xl/worksheets/sheet2.xml is not valid XML"),
    Case("far-cell-after-a-tab", _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_after_a_tab),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("far-cell-among-excel-extensions", _sheet_xml("xl/worksheets/sheet2.xml", _far_cell_among_excel_extensions),
         "the sheet xl/worksheets/sheet2.xml has a cell XFD7, far beyond any HBM export"),
    Case("revision-10-to-the-20", _machine_cell("revision", str(10**20)),
         "_hbm!B7: '100000000000000000000' is not a revision number (1 to 1,000,000,000)"),
    Case("latitude-10-to-the-20", forge(_site(latitude=10**20)),
         "the number 100000000000000000000 is too large to store"),
    Case("data-nested-20000-deep", _deep_data, "_hbm!B16: the embedded data is damaged (nested too deeply)"),
    Case("workshop-row-not-json", _machine_cell("workshop", "{group: B"),
         "the workshop row is damaged"),
    Case("workshop-row-nested-20000-deep", _machine_cell("workshop", "[" * 20_000 + "]" * 20_000),
         "nested too deeply"),
    Case("workshop-row-wrong-shape", _machine_cell("workshop", '{"group": "B", "groups": [{"name": 5}]}'),
         "the workshop row is damaged (group 1 is not a name with lists of text)"),
    # Finding 7: what no spreadsheet program writes.
    Case("duplicate-zip-member", _duplicate_member, "holds the part xl/workbook.xml twice"),
    Case("doctype-in-document-properties", _doctype_in("docProps/core.xml"),
         "the part docProps/core.xml declares XML entities"),
    Case("doctype-in-a-sheet", _doctype_in("xl/worksheets/sheet2.xml"),
         "the part xl/worksheets/sheet2.xml declares XML entities"),
    # The same rules both ways (findings 6 and 7): what the window and the export refuse, the import refuses,
    # even from a hidden sheet whose hash was recomputed by the documented rule.
    Case("forged-latitude-999", forge(_site(latitude=999)), "the latitude 999 is not between -90 and 90"),
    Case("forged-longitude", forge(_site(longitude=-180.5)), "the longitude -180.5 is not between -180 and 180"),
    Case("forged-date-not-a-date", forge(lambda data: data["assessment"].update(date="not a date")),
         "the assessment's date “not a date” is not a date written as YYYY-MM-DD"),
    Case("forged-empty-site-name", forge(_site(name="  ")), "the site name is empty"),
    Case("forged-text-too-long", forge(lambda data: data["assessment"].update(notes="x" * 40_000)),
         "the assessment's notes: the text is 40,000 characters long"),
    Case("forged-control-character", forge(lambda data: data["answers"][0].update(notes="bell\x07")),
         "_hbm data: OPS-01, notes: the text contains the invisible control character U+0007"),
    Case("control-character-typed-in-a-cell",
         _sheet_xml("xl/worksheets/sheet2.xml", lambda t: t.replace("-not relevant at", "-not relevant_x0001_ at")),
         "REG-02, notes: the text contains the invisible control character U+0001"),
    Case("forged-action-priority", forge(lambda data: data["actions"][0].update(priority="urgent")),
         "the priority “urgent” is not one of high, medium, low"),
    Case("forged-action-due-date", forge(lambda data: data["actions"][0].update(due_date="soon")),
         "the due date “soon” is not a date written as YYYY-MM-DD"),
    Case("forged-action-indicator", forge(lambda data: data["actions"][0].update(indicators=["XXX-01"])),
         "indicator “XXX-01” is not in the questionnaire mini 1.0"),
]


def build_corpus(good: Path, folder: Path) -> list[tuple[Case, Path]]:
    """Write every case next to each other in ``folder``, made from the good export ``good``."""
    folder.mkdir(parents=True, exist_ok=True)
    made = []
    for case in CASES:
        target = folder / f"{case.name}.xlsx"
        case.build(good, target)
        made.append((case, target))
    return made


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from workbooks import awkward_assessment, export

    from hbm_assess.core.questionnaire import load_form
    from hbm_assess.storage.store import Store

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-workbooks")
    out.mkdir(parents=True, exist_ok=True)
    store = Store.open(out / "source.sqlite")
    good = export(store, awkward_assessment(store, load_form(Path(__file__).parent / "forms" / "mini.yaml")),
                  out / "good.xlsx")
    for case, path in build_corpus(good, out):
        print(f"{path}: {case.message}")
