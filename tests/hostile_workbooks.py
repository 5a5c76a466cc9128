"""Build a corpus of broken and hostile .xlsx files, each with the message its import must give.

Run ``python tests/hostile_workbooks.py OUTDIR`` to write the corpus for a look; the
tests build it the same way, so no binary test file is checked in.
"""

from __future__ import annotations

import io
import random
import sys
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
    Case("bad-date", _edit({("Summary", "B10"): "20/11/2026"}), "Summary!B10: “20/11/2026” is not a date"),
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
