"""The printable report of one assessment: an A4 PDF in English, Arabic or Kurdish, right to left where due.

Qt lays the report out (QTextDocument shapes Arabic and Kurdish and handles
right-to-left text itself) and writes it with QPdfWriter; the charts are the
same functions as in the app, rendered to PNG by matplotlib's Agg canvas.
Runs without a window (offscreen) and outside the GUI thread: it touches no widget.
"""

from __future__ import annotations

import errno
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QBuffer, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QTranslator, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
)

from hbm_assess import __version__
from hbm_assess.core.assessment import Action, Answer, Assessment
from hbm_assess.core.comparison import Comparison
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.reference import site_name
from hbm_assess.core.targets import with_national_answers, with_policy_targets
from hbm_assess.core.text import Text, is_right_to_left
from hbm_assess.core.workshop import Group
from hbm_assess.files import write_whole
from hbm_assess.storage import workshop
from hbm_assess.storage.store import Store
from hbm_assess.ui import fonts, report_html, report_workshop
from hbm_assess.ui.translations import compiled_file

RESOLUTION = 300  # PDF units per inch for layout; text stays vector, charts keep their own pixels
CHART_DPI = 170
MARGINS_MM = QMarginsF(16, 16, 16, 20)  # left, top, right, bottom: the page number sits in the bottom margin
FONT_FAMILIES = {
    # Qt falls back along the list glyph by glyph: Arabic script first for Arabic and
    # Kurdish, Latin first for the rest, then the marks (✓ ⚠). Every one ships with the
    # app, so the same assessment gives the same pages and line breaks on every machine.
    "rtl": ["Noto Sans Arabic", "Noto Sans", "Noto Sans Symbols2"],
    "ltr": ["Noto Sans", "Noto Sans Arabic", "Noto Sans Symbols2"],
}


class ReportCancelled(Exception):
    """The person stopped the report before it was written; nothing was left behind."""


class Words:
    """The report's fixed texts in its own language, whatever language the app is showing."""

    def __init__(self, language: str):
        self.language = language
        self._translator = QTranslator()
        self._loaded = language != "en" and self._translator.load(str(compiled_file(language)))

    def __call__(self, source: str) -> str:
        if self._loaded:
            translated = self._translator.translate("Report", source)
            if translated:
                return translated
        return source


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read from the database once."""

    assessment: Assessment
    form: Form
    answers: dict[str, Answer]
    actions: list[Action]
    earlier: Assessment | None = None
    earlier_answers: dict[str, Answer] | None = None
    comparison: Comparison | None = None
    groups: tuple[Group, ...] = ()  # the workshop's break-out groups, when there were any
    national: Assessment | None = None  # for a crossing point: where its national indicators come from
    national_answers: dict[str, Answer] | None = None
    governorate: Text = field(default_factory=Text)
    typed_targets: int = 0  # scored answers whose target was typed, not set by the policy
    workshop: report_workshop.WorkshopReport | None = None  # what break-out groups did, if any


def write_report(
    store: Store,
    assessment_id: int,
    path: Path,
    language: str = "en",
    progress: Callable[[int, int], object] | None = None,
    compare_with: int | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write the report of an assessment to ``path`` (A4 PDF) and return the path.

    The file appears whole or not at all: it is written beside the target and moved
    into place. ``compare_with`` names an earlier assessment of the same site to show
    alongside. Raises NotFound for an unknown assessment, OSError when the file cannot
    be written, ReportCancelled when ``cancelled()`` turned true.
    """
    path = Path(path)
    steps = Steps(progress, cancelled, total=6)
    data, words, document = lay_out(store, assessment_id, language, compare_with, steps)
    _write_atomically(path, lambda target: _print(document, target, data, words))
    steps.done("written")
    return path


def lay_out(
    store: Store,
    assessment_id: int,
    language: str = "en",
    compare_with: int | None = None,
    steps: Steps | None = None,
) -> tuple[ReportData, Words, QTextDocument]:
    """The report's data, words and document with its charts drawn, not yet paginated."""
    steps = steps or Steps(None, None, total=6)
    data = read(store, assessment_id, compare_with)
    steps.done("data")
    words = Words(language)
    images = {}
    for name, (figure_size, draw) in report_html.chart_drawings(data, language).items():
        images[name] = render_png(figure_size, draw)
        steps.done(name)
    document = build_document(data, words, images)
    keep_rows_whole(document, data, words)
    steps.done("layout")
    return data, words, document


class Steps:
    """Progress reported as steps done out of a total, and the place to stop when asked."""

    def __init__(self, progress, cancelled, total: int):
        self.progress, self.cancelled, self.total, self.count = progress, cancelled, total, 0

    def done(self, _what: str) -> None:
        self.count += 1
        if self.progress:
            self.progress(self.count, self.total)
        if self.cancelled and self.cancelled() and self.count < self.total:
            raise ReportCancelled("the report was cancelled; no file was written")


def read(store: Store, assessment_id: int, compare_with: int | None = None) -> ReportData:
    """The assessment, its questionnaire, answers, plan and, if asked, the earlier assessment."""
    assessment = store.assessment(assessment_id)
    form = store.form(assessment.form_id, assessment.form_version)
    # Targets under the assessment's own policy where none was typed: what every table and chart reads.
    stored = store.answers(assessment_id)
    typed = sum(1 for answer in stored.values() if answer.level is not None and answer.target is not None)
    national = store.national_assessment_for(assessment_id)
    national_answers = store.answers(national.id) if national is not None else None
    answers = with_policy_targets(form, with_national_answers(form, stored, national_answers, assessment.scope),
                                  assessment.target_policy)
    earlier = earlier_answers = comparison = None
    if compare_with is not None:
        from hbm_assess.operations import compare_with as compared

        earlier = store.assessment(compare_with)
        earlier_answers, comparison = compared(store, form, answers, compare_with)
    return ReportData(assessment, form, answers, store.actions(assessment_id), earlier, earlier_answers, comparison,
                      tuple(workshop.groups(store, assessment_id)), national, national_answers,
                      governorate_of(assessment.site), typed,
                      report_workshop.read(store, assessment_id))


def governorate_of(site) -> Text:
    """The governorate of a site, from the crossing point it was chosen as or its P-code; empty when unknown."""
    from hbm_assess.core.reference import crossing_points

    points = crossing_points()
    for point in points:
        if site.reference_id and point.id == site.reference_id:
            return point.governorate
    for point in points:
        if site.pcode and point.adm1_pcode == site.pcode and point.governorate.by_language:
            return point.governorate
    return Text()


def render_png(figure_size: tuple[float, float], draw: Callable) -> QImage:
    """A chart drawn by one of the chart functions, as an image (matplotlib's Agg canvas, no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=figure_size, dpi=CHART_DPI, layout="constrained")
    draw(figure)
    buffer = io.BytesIO()
    FigureCanvasAgg(figure).print_png(buffer)
    image = QImage.fromData(buffer.getvalue(), "PNG")
    # Qt sizes an image by its dots per metre; telling it the real dpi keeps charts sharp at their width.
    image.setDotsPerMeterX(round(CHART_DPI / 0.0254))
    image.setDotsPerMeterY(round(CHART_DPI / 0.0254))
    return image


def build_document(data: ReportData, words: Words, images: dict[str, QImage]) -> QTextDocument:
    """The whole report as one rich-text document, not yet paginated."""
    document = _blank_document(words.language, images)
    document.setHtml(report_html.html(data, words, is_right_to_left(words.language)))
    return document


def _blank_document(language: str, images: dict[str, QImage]) -> QTextDocument:
    """A document set up as the report's: its font, direction, margins and charts."""
    fonts.register()
    rtl = is_right_to_left(language)
    document = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES["rtl" if rtl else "ltr"])
    font.setPointSizeF(9.5)
    # Glyph widths from the font's design, not rounded to the grid of the machine's hinting
    # settings, which differ between Windows, a Linux desktop and a bare server.
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    document.setDefaultFont(font)
    document.setUseDesignMetrics(True)
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    document.setDefaultTextOption(option)
    document.setDocumentMargin(0)
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(f"chart:{name}"), image)
    return document


def keep_rows_whole(document: QTextDocument, data: ReportData, words: Words, most: int = 200) -> None:
    """Lay the document out on A4 and break its tables before any row Qt would split across two pages.

    A break moves everything after it, so the next split row is only known once the pages
    before it are laid out again; but what follows a forced page break (each section, each
    area, each break made here) is laid out the same whatever comes before it. So each pass
    breaks before the first split row of every such stretch at once, and lays out again only
    the sections where it broke a table (each starts on a page of its own). A row taller than
    a page stays split (nothing else can hold it).
    """
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    page = paginate(document, writer)
    rtl = is_right_to_left(words.language)
    breaks: set[tuple[int, int]] = set()
    kept_split: set[tuple[int, int]] = set()  # a break before them did not help: left as they are
    laid_out = document
    for _ in range(most):
        found = split_rows(laid_out, page.height(), kept_split)
        if not found:
            break
        kept_split |= found & breaks
        breaks |= found
        report_html.start_tables(frozenset(breaks))
        parts = report_html.sections(data, words, rtl)
        again = [number for number, (text, tables) in enumerate(parts)
                 if any(table in tables for table, _row in found)]
        if all(number == 0 or report_html.starts_page(parts[number][0]) for number in again):
            laid_out = _blank_document(words.language, {})
            laid_out.setHtml(report_html.wrap([parts[number][0] for number in again], rtl))
            paginate(laid_out, writer)
        else:  # a section that does not start a page: only the whole report lays it out as printed
            laid_out = document
            document.setHtml(report_html.wrap([text for text, _tables in parts], rtl))
    if breaks:
        report_html.start_tables(frozenset(breaks))
        document.setHtml(report_html.html(data, words, rtl))
    report_html.start_tables()


def split_row(document: QTextDocument, page_height: float, skip: set = frozenset()) -> tuple[int, int] | None:
    """The first table row (table, row) whose lines fall on two pages and which fits on one page, not in ``skip``."""
    return min(split_rows(document, page_height, skip), default=None, key=_row_order(document))


def _row_order(document: QTextDocument):
    order = {anchor: number for number, anchor in enumerate(_row_extents(document)[0])}
    return order.__getitem__


def split_rows(document: QTextDocument, page_height: float, skip: set = frozenset()) -> set[tuple[int, int]]:
    """Of each stretch between forced page breaks, the first row (table, row) split across two pages.

    Only rows that fit on one page count, and none in ``skip``. Each stretch starts on a page
    of its own, so breaking before all of them at once gives what breaking one at a time would.
    """
    extents, stretches = _row_extents(document)
    found: dict[int, tuple[int, int]] = {}
    for anchor, (first, last) in extents.items():
        stretch = stretches[anchor]
        if anchor in skip or stretch in found:
            continue
        if int(first // page_height) != int((last - 0.01) // page_height) and last - first < page_height * 0.9:
            found[stretch] = anchor
    return set(found.values())


def _row_extents(document: QTextDocument) -> tuple[dict[tuple[int, int], list[float]], dict[tuple[int, int], int]]:
    """Each anchored table row, in document order: [first line top, last line bottom], and its stretch.

    A stretch is the part of the document between two forced page breaks (a block or a table
    that starts on a new page).
    """
    layout = document.documentLayout()
    rows: dict[tuple[int, int], list[float]] = {}  # (table, row) -> [first line top, last line bottom]
    stretches: dict[tuple[int, int], int] = {}
    current: dict[tuple[int, int], tuple[int, int]] = {}  # (where the table starts, row) -> its anchor
    stretch, last_table = 0, None
    always = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
    block = document.begin()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is None:
            last_table = None
            if block.blockFormat().pageBreakPolicy() & always:
                stretch += 1
        else:
            if table.firstPosition() != last_table:
                last_table = table.firstPosition()
                if table.format().pageBreakPolicy() & always:
                    stretch += 1
            cell = table.cellAt(block.position())
            key = (table.firstPosition(), cell.row())
            name = _row_anchor(block)
            if name is not None:
                current[key] = name
            anchor = current.get(key)
            if anchor is not None:
                top = layout.blockBoundingRect(block).top()
                text_layout = block.layout()
                for number in range(text_layout.lineCount()):
                    line = text_layout.lineAt(number)
                    line_top, line_bottom = top + line.y(), top + line.y() + line.height()
                    extent = rows.setdefault(anchor, [line_top, line_bottom])
                    stretches.setdefault(anchor, stretch)
                    extent[0] = min(extent[0], line_top)
                    extent[1] = max(extent[1], line_bottom)
        block = block.next()
    return rows, stretches


def _row_anchor(block) -> tuple[int, int] | None:
    iterator = block.begin()
    while not iterator.atEnd():
        for name in iterator.fragment().charFormat().anchorNames():
            if name.startswith(report_html.ROW_ANCHOR):
                table, row = name[len(report_html.ROW_ANCHOR):].split("-")
                return int(table), int(row)
        iterator += 1
    return None


def _write_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """The PDF appears whole or not at all; the old file stays on any error (a full disk included)."""
    with write_whole(path) as temporary:
        write(temporary)
        _check_complete(temporary)


def _check_complete(pdf: Path) -> None:
    # Qt's PDF writer does not report a failed write (a full disk): the file then lacks its end.
    size = pdf.stat().st_size
    with open(pdf, "rb") as stream:
        stream.seek(max(0, size - 1024))
        tail = stream.read()
    if b"%%EOF" not in tail:
        raise OSError(errno.ENOSPC, "the PDF could not be written completely (is the disk full?)")


def _print(document: QTextDocument, target: Path, data: ReportData, words: Words) -> None:
    """Paginate the document onto A4 pages and number them."""
    writer = QPdfWriter(str(target))
    writer.setTitle(f"{site_name(data.assessment.site, words.language)} — {data.assessment.date}")
    writer.setCreator(f"HBM Assess {__version__}")
    page = paginate(document, writer)
    width, height = page.width(), page.height()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write the report to {target.parent}: is the folder writable?")
    # Charts are lines and letters: JPEG, Qt's default for images in PDF, smears them.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    try:
        pages = document.pageCount()
        for number in range(pages):
            if number:
                writer.newPage()
            painter.save()
            painter.translate(0, -number * height)
            page_area = QRectF(0, number * height, width, height)
            # Without the clip, a block pushed to the next page is drawn below this one too.
            painter.setClipRect(page_area)
            document.drawContents(painter, page_area)
            painter.restore()
            _footer(painter, QRectF(0, height, width, _mm(MARGINS_MM.bottom())), number + 1, pages, data, words)
            if data.assessment.status == "draft":
                _draft_mark(painter, QRectF(0, -_mm(MARGINS_MM.top()), width, _mm(MARGINS_MM.top())), words)
    finally:
        painter.end()


def paginate(document: QTextDocument, writer: QPdfWriter) -> QSizeF:
    """Lay the document out on the writer's A4 pages; returns the size of a page's text area (writer pixels)."""
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    writer.setResolution(RESOLUTION)
    document.documentLayout().setPaintDevice(writer)
    page = writer.pageLayout().paintRectPixels(RESOLUTION)
    size = QSizeF(page.width(), page.height())
    document.setPageSize(size)
    return size


def _mm(millimetres: float) -> float:
    return millimetres * RESOLUTION / 25.4


def _footer(painter: QPainter, area: QRectF, number: int, pages: int, data: ReportData, words: Words) -> None:
    """Page number on the outer side, the site and date on the inner side; mirrored right to left."""
    rtl = is_right_to_left(words.language)
    font = QFont()
    font.setFamilies(FONT_FAMILIES["rtl" if rtl else "ltr"])
    font.setPointSizeF(8)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.darkGray)
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    line = QRectF(area.left(), area.top() + _mm(5), area.width(), _mm(6))
    page_text = words(QT_TRANSLATE_NOOP("Report", "Page %1 of %2")).replace("%1", str(number)).replace(
        "%2", str(pages))
    # The marks keep the date's digits in order after Arabic text (else 2026-11-20 shows as 20-11-2026)
    about = f"{site_name(data.assessment.site, words.language)} · \u200e{data.assessment.date}\u200e"
    # Qt's Left/Right alignments are absolute; Leading/Trailing follow the painter's direction.
    painter.drawText(line, Qt.AlignmentFlag.AlignTrailing | Qt.AlignmentFlag.AlignVCenter, page_text)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter, about)


def _draft_mark(painter: QPainter, area: QRectF, words: Words) -> None:
    """"Provisional — draft" in the top margin of every page of a draft: a page read alone still says so."""
    rtl = is_right_to_left(words.language)
    font = QFont()
    font.setFamilies(FONT_FAMILIES["rtl" if rtl else "ltr"])
    font.setPointSizeF(9)
    font.setBold(True)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor("#9B1C1C"))
    painter.setLayoutDirection(Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight)
    line = QRectF(area.left(), area.top() + _mm(6), area.width(), _mm(6))
    painter.drawText(line, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                     report_html.draft_notice(words))
    painter.restore()


def ensure_application():
    """A Qt application for fonts and layout when none runs (command line); offscreen without a display."""
    import sys

    from PySide6.QtWidgets import QApplication

    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    # A widgets application, not a bare GUI one: a process that writes a report may open windows later.
    return QApplication.instance() or QApplication(sys.argv[:1])
