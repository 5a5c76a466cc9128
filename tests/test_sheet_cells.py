"""The machine sheet read from the bytes the safety check unpacked agrees with python-calamine, cell for cell (#20)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from python_calamine import CalamineWorkbook
from workbooks import awkward_assessment, edit, export

from hbm_assess.exchange import reading
from hbm_assess.exchange.importing import _FormSource, import_paths
from hbm_assess.exchange.layout import MACHINE_SHEET
from hbm_assess.exchange.reading import read_workbook
from hbm_assess.exchange.safety import WorkbookRejected, check_open_workbook
from hbm_assess.exchange.sheet_cells import _plain_cells, _Unsure, read_sheet

FIXTURES = Path(__file__).parent / "fixtures"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"


def _book(sheet_data: str, strings: list[str] | None = None) -> bytes:
    """A minimal workbook with one sheet, ``_hbm``, holding ``sheet_data``; ``strings`` are ``<si>`` bodies."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
                      'content-types"><Default Extension="xml" ContentType="application/xml"/><Override '
                      'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                      'spreadsheetml.sheet.main+xml"/></Types>')
        book.writestr("_rels/.rels", f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" Type="'
                      f'{RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        book.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{RELATIONSHIPS}"><sheets>'
                      f'<sheet name="{MACHINE_SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>')
        shared = (f'<Relationship Id="rId2" Type="{RELATIONSHIPS}/sharedStrings" Target="sharedStrings.xml"/>'
                  if strings is not None else "")
        book.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
                      f'Type="{RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/>{shared}</Relationships>')
        book.writestr("xl/worksheets/sheet1.xml", f'<worksheet xmlns="{MAIN}"><sheetData>{sheet_data}</sheetData>'
                      "</worksheet>")
        if strings is not None:
            book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">' + "".join(
                f"<si>{body}</si>" for body in strings) + "</sst>")
    return out.getvalue()


def _both(data: bytes) -> tuple[object, list[list] | None]:
    """(calamine's rows, or its error's text; this reader's rows, or None when it leaves the sheet to calamine)."""
    parts = check_open_workbook(io.BytesIO(data))
    try:
        book = CalamineWorkbook.from_filelike(io.BytesIO(data))
        names = list(book.sheet_names)
        expected = book.get_sheet_by_name(MACHINE_SHEET).to_python(skip_empty_area=False)
    except Exception as error:
        return f"error: {error}", read_sheet(parts, names, MACHINE_SHEET)
    return expected, read_sheet(parts, names, MACHINE_SHEET)


# Texts with what a second reader could get wrong: blanks at the ends (calamine strips them unless the
# text says xml:space="preserve"), line ends, markup characters, right-to-left and astral characters,
# Excel's _xHHHH_ escapes (left to calamine), almost-escapes.
PIECES = [" ", "  ", "\t", "\n", "\r\n", "\r", "&#13;", "&#10;", "&#9;", "&#32;", "&amp;", "&lt;", "&gt;", "&quot;",
          "'", '"', "a", "Z", "0", "{\"k\": [1, 2]}", "\\u00e9", "قانون", "ئاسایش", "😀", "\u00a0", "\u2003",
          "_x000D_", "_x0041_", "_x", "_x004g_", "_", "<![CDATA[<b>&]]>", "<!-- note -->"]
texts = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


@st.composite
def _text_body(draw) -> str:
    """What goes inside <is> or <si>: one text, several, or rich-text runs."""
    shape = draw(st.sampled_from(["t", "preserve", "runs", "two", "empty", "phonetic"]))
    one, two = draw(texts), draw(texts)
    if shape == "t":
        return f"<t>{one}</t>"
    if shape == "preserve":
        return f'<t xml:space="preserve">{one}</t>'
    if shape == "runs":
        return f'<r><rPr><b/><sz val="11"/></rPr><t xml:space="preserve">{one}</t></r><r><t>{two}</t></r>'
    if shape == "two":
        return f"<t>{one}</t><t>{two}</t>"
    if shape == "empty":
        return draw(st.sampled_from(["", "<t/>", "<t></t>"]))
    return f'<t>{one}</t><rPh sb="0" eb="1"><t>{two}</t></rPh>'


NUMBERS = ["0", "2", "-0", "2.5", "1e3", "12345678901234567890", "0.1", "-7.25E-3"]


@st.composite
def sheets(draw) -> tuple[str, list[str] | None]:
    """Sheet data (sorted, numbered cells) with inline strings, shared strings, numbers, and a few odd cells."""
    places = sorted(draw(st.sets(st.tuples(st.integers(1, 7), st.integers(1, 4)), max_size=10)))
    strings = draw(st.lists(_text_body(), min_size=1, max_size=5)) if draw(st.booleans()) else None
    rows: dict[int, list[str]] = {}
    for row, column in places:
        ref = f"{'ABCD'[column - 1]}{row}"
        kind = draw(st.sampled_from(["inline", "inline", "shared", "number", "odd"]))
        if kind == "shared" and strings is not None:
            cell = f'<c r="{ref}" t="s"><v>{draw(st.integers(0, len(strings)))}</v></c>'  # one index past the end
        elif kind == "number":
            cell = f'<c r="{ref}" t="n"><v>{draw(st.sampled_from(NUMBERS))}</v></c>'
        elif kind == "odd":
            cell = draw(st.sampled_from([
                f'<c r="{ref}"><f>1+1</f><v>2</v></c>', f'<c r="{ref}" t="b"><v>1</v></c>',
                f'<c r="{ref}" s="1"><v>45000</v></c>', f'<c r="{ref}" t="str"><v>x</v></c>',
                f'<c r="{ref}" s="1"/>', f'<c r="{ref}"><v> 7 </v></c>', '<c t="inlineStr"><is><t>x</t></is></c>']))
        else:
            cell = f'<c r="{ref}" t="inlineStr"><is>{draw(_text_body())}</is></c>'
        rows.setdefault(row, []).append(cell)
    return "".join(f'<row r="{row}">{"".join(cells)}</row>' for row, cells in rows.items()), strings


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sheets())
def test_the_reader_gives_what_calamine_gives_or_leaves_the_sheet_to_it(sheet):
    expected, found = _both(_book(*sheet))
    assert found is None or found == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["t", "preserve"]), texts), min_size=1, max_size=8),
       st.booleans())
def test_plain_texts_are_read_here_not_left_to_calamine(cells, shared):
    """The property above cannot hold by giving up: texts without _xHHHH_ escapes are always read."""
    bodies = [f"<t>{text}</t>" if shape == "t" else f'<t xml:space="preserve">{text}</t>' for shape, text in cells]
    if shared:
        data = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>key</t></is></c><c r="B{n}" t="s"><v>{n - 1}'
                       f"</v></c></row>" for n in range(1, len(bodies) + 1))
        book = _book(data, bodies)
    else:
        book = _book("".join(f'<row r="{n}"><c r="B{n}" t="inlineStr"><is>{body}</is></c></row>'
                             for n, body in enumerate(bodies, start=1)))
    expected, found = _both(book)
    escaped = any(piece in text for _, text in cells for piece in ("_x000D_", "_x0041_"))
    assert found == expected or (escaped and found is None)


PLAIN_PIECES = [piece for piece in PIECES if "<" not in piece]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["t", "preserve", "number"]), st.lists(st.sampled_from(PLAIN_PIECES),
                                                                                   max_size=6).map("".join),
                          st.sampled_from(NUMBERS)), min_size=1, max_size=8))
def test_sheets_written_the_way_the_export_writes_them_are_read_without_the_parser(cells):
    """The hidden sheet as the export writes it is read by regular expressions (sheet_cells._plain_cells),
    the same as calamine reads it; only a raw carriage return or an _xHHHH_ escape sends it to the parser."""
    def cell(n, shape, text, number):
        if shape == "number":
            return f'<c r="B{n}" t="n"><v>{number}</v></c>'
        space = ' xml:space="preserve"' if shape == "preserve" else ""
        return f'<c r="B{n}" t="inlineStr"><is><t{space}>{text}</t></is></c>'

    book = _book("".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>key</t></is></c>{cell(n, *c)}</row>'
                         for n, c in enumerate(cells, start=1)))
    expected, found = _both(book)
    texts = [text for shape, text, _ in cells if shape != "number"]
    escaped = any(re.search("_x[0-9A-Fa-f]{4}_", text) for text in texts)
    assert found == expected or (found is None and escaped)
    raw = check_open_workbook(io.BytesIO(book))["xl/worksheets/sheet1.xml"]
    try:
        _plain_cells(raw)
    except _Unsure:
        assert escaped or any("\r" in text for text in texts)
    else:
        assert not escaped


@pytest.mark.parametrize("fixture", ["workbook-2026-en.xlsx", "workbook-2026-ckb.xlsx"])
def test_older_exports_hidden_sheets_are_read_as_calamine_reads_them(fixture):
    expected, found = _both((FIXTURES / fixture).read_bytes())
    assert found is not None and found == expected


def _as_shared_strings(good: Path, target: Path) -> Path:
    """The workbook as Excel saves it: every text of the hidden sheet moved into the shared strings table."""
    machine, strings = _machine_part(good), []

    def shared(found: re.Match) -> bytes:
        strings.append(found[2])
        return b'<c r="%s" t="s"><v>%d</v></c>' % (found[1], len(strings) - 1)

    def change(name, data):
        if name == machine:
            return re.sub(rb'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is>(.*?)</is></c>', shared, data, flags=re.S)
        if name == "xl/_rels/workbook.xml.rels":
            return data.replace(b"</Relationships>", b'<Relationship Id="rId99" Type="http://schemas.openxmlformats'
                                b'.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
                                b"</Relationships>")
        return data

    _rezip(good, target, change)
    with zipfile.ZipFile(target, "a") as book:
        book.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">'.encode() + b"".join(
            b"<si>" + body + b"</si>" for body in strings) + b"</sst>")
    return target


def test_an_export_and_its_copy_saved_by_excel_are_read_as_calamine_reads_them(store, mini_form, tmp_path):
    assessment = awkward_assessment(store, mini_form)
    arabic = export(store, assessment, tmp_path / "arabic.xlsx", "ar")
    edited = edit(export(store, assessment, tmp_path / "good.xlsx"), {("Summary", "B5"): "Edited"},
                  tmp_path / "edited.xlsx")
    shared = _as_shared_strings(edited, tmp_path / "shared.xlsx")
    for path in (arabic, edited, shared):
        expected, found = _both(path.read_bytes())
        assert found is not None and found == expected, path.name


def test_the_import_does_not_ask_calamine_for_the_machine_sheet(store, mini_form, tmp_path, monkeypatch):
    good = export(store, awkward_assessment(store, mini_form), tmp_path / "good.xlsx")
    asked = []
    rows = reading._rows
    monkeypatch.setattr(reading, "_rows", lambda book, name: asked.append(name) or rows(book, name))
    [result] = import_paths(store, [good]).results
    assert result.outcome == "unchanged", result.message
    assert MACHINE_SHEET not in asked and "Answers" in asked


def _rezip(good: Path, target: Path, change) -> Path:
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = change(item.filename, source.read(item.filename))
            if data is not None:
                out.writestr(item.filename, data)
    return target


def _machine_part(good: Path) -> str:
    with zipfile.ZipFile(good) as book:
        workbook, links = book.read("xl/workbook.xml").decode(), book.read("xl/_rels/workbook.xml.rels").decode()
    rid = workbook.split(f'name="{MACHINE_SHEET}"')[1].split('r:id="')[1].split('"')[0]
    return "xl/" + links.split(f'Id="{rid}"')[0].rsplit('Target="', 1)[1].split('"')[0].lstrip("/").removeprefix("xl/")


FIRST_CELL = b'<c r="A1" t="inlineStr"><is><t>format</t></is></c>'


def _variants(good: Path, folder: Path) -> dict[str, Path]:
    """Odd but possible workbooks, each aimed at a place where this reader and calamine could part ways."""
    machine = _machine_part(good)

    def sheet(change):
        return lambda name, data: change(data) if name == machine else data

    def second_link_to_answers(name, data):
        if name == "xl/_rels/workbook.xml.rels":  # the same Id twice: the second names another sheet
            return data.replace(b"</Relationships>", b'<Relationship Id="rId4" Type="http://schemas.openxmlformats'
                                b'.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/'
                                b'sheet2.xml"/></Relationships>')
        return data

    def with_strings_at(path: str) -> Path:
        # the hidden sheet's first text as shared string 0, in a table where calamine looks or elsewhere
        target = _rezip(good, folder / f"strings-{path.replace('/', '-')}.xlsx", sheet(
            lambda data: data.replace(FIRST_CELL, b'<c r="A1" t="s"><v>0</v></c>')))
        with zipfile.ZipFile(target, "a") as book:
            book.writestr(path, f'<sst xmlns="{MAIN}"><si><t>format</t></si></sst>')
        return target

    folder.mkdir()
    return {
        "an _xHHHH_ escape": _rezip(good, folder / "escape.xlsx", sheet(lambda d: d.replace(b"<t>final</t>",
                                                                                           b"<t>fin_x0061_l</t>"))),
        "blanks around a value": _rezip(good, folder / "blanks.xlsx", sheet(lambda d: d.replace(
            b"<t>final</t>", b"<t> final\n</t>"))),
        "a formula in the hidden sheet": _rezip(good, folder / "formula.xlsx", sheet(lambda d: d.replace(
            b't="n"><v>2</v>', b"><f>1+1</f><v>2</v>", 1))),
        "a styled number": _rezip(good, folder / "styled.xlsx", sheet(lambda d: d.replace(b't="n"><v>2</v>',
                                                                                       b's="1"><v>2</v>', 1))),
        "a relationship id twice": _rezip(good, folder / "twice.xlsx", second_link_to_answers),
        "shared strings where calamine reads them": with_strings_at("xl/sharedStrings.xml"),
        "shared strings where it does not": with_strings_at("xl/strings.xml"),
        "an index past the shared strings": _rezip(good, folder / "past.xlsx", sheet(
            lambda data: data.replace(FIRST_CELL, b'<c r="A1" t="s"><v>9</v></c>'))),
    }


def _outcome(path: Path, store, with_parts: bool):
    with path.open("rb") as handle:
        try:
            parts = check_open_workbook(handle)
            contents = read_workbook(handle, _FormSource(store), parts if with_parts else None)
        except WorkbookRejected as error:
            return "rejected", str(error)
    return contents.assessment.uuid, contents.content_hash, contents.changes


def test_odd_hidden_sheets_give_the_same_import_read_here_or_by_calamine(store, mini_form, tmp_path):
    good = export(store, awkward_assessment(store, mini_form), tmp_path / "good.xlsx")
    outcomes = {}
    for name, path in _variants(good, tmp_path / "odd").items():
        outcomes[name] = _outcome(path, store, True)
        assert outcomes[name] == _outcome(path, store, False), name
    assert outcomes["an index past the shared strings"][0] == "rejected"
    assert outcomes["blanks around a value"][0] != "rejected"  # calamine strips the blanks: the import reads it
