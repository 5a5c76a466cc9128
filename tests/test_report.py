"""The printable report: read back from the PDF in English and Arabic, page by page."""

import json
import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
import report_layout
from PySide6.QtCore import QBuffer, QIODevice
from PySide6.QtGui import QPdfWriter
from tools import missing, need_command

from hbm_assess.cli import main
from hbm_assess.core.assessment import Action, Answer
from hbm_assess.storage.store import NotFound
from hbm_assess.ui.report import ReportCancelled, ensure_application, lay_out, paginate, write_report

needs_poppler = pytest.mark.usefixtures("poppler")
BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


@pytest.fixture(autouse=True)
def application(qapp):
    """pytest-qt's QApplication: a bare QGuiApplication made here would break the widget tests that follow."""
    assert ensure_application() is qapp
    return qapp


@pytest.fixture
def poppler() -> None:
    """The PDF is read back with poppler's tools: skipped without them, a failure under CI=true."""
    for command in ("pdftotext", "pdfinfo", "pdfimages"):
        need_command(command, "poppler-utils")


@pytest.fixture
def out(tmp_path):
    """An empty folder for the reports (tmp_path holds the test database)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


@pytest.fixture
def assessed(store, mini_assessment):
    """The mini assessment answered by hand, with a plan of three actions."""
    for answer in (Answer("REG-01", level=2, evidence_type="law"), Answer("REG-02", level=3),
                   Answer("OPS-01", level=1, target=4), Answer("OPS-02", special="na")):
        store.save_answer(mini_assessment, answer)
    for action in (
        Action("Draft the emergency entry regulation", ("REG-01",), "Ministry of Interior", priority="high",
               timeframe="3-months", cost=12000, currency="USD"),
        Action("Train shift supervisors on crisis SOPs", ("OPS-01",), "Bureau of Migration and Displacement",
               partners=("IOM",)),
        Action("Map relief exemptions", ("REG-02",)),
    ):
        store.save_action(mini_assessment, action)
    return mini_assessment


def _text(pdf) -> str:
    """The PDF's text as a reader would type it: Arabic presentation forms folded, no direction marks."""
    raw = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return unicodedata.normalize("NFKC", raw).translate(BIDI_CONTROLS)


def _pages(pdf) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"Pages:\s+(\d+)", info).group(1))


def _left_edges(pdf, page: int, count: int) -> list[float]:
    """Left edges, as a fraction of the page width, of the first ``count`` words on ``page`` (its heading).

    Words in the top margin (a draft's mark) are not the page's text and are skipped.
    """
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    width, height = map(float, re.search(r'<page width="([\d.]+)" height="([\d.]+)"', html).groups())
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"', html)
    return [float(x) / width for x, y in words if float(y) > 0.045 * height][:count]


@needs_poppler
def test_english_report_has_every_part(store, assessed, out):
    steps = []
    path = write_report(store, assessed, out / "report.pdf", "en", progress=lambda done, total: steps.append(
        (done, total)))
    assert path == out / "report.pdf" and [p.name for p in out.iterdir()] == ["report.pdf"]
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)
    pages = _pages(path)
    assert 8 <= pages <= 12  # cover, method, summary, two pages of charts, two areas, plan, annex
    text = _text(path)
    flowing = " ".join(text.split())
    for expected in ("Humanitarian Border Management capacity assessment", "Ibrahim Khalil", "Mini test form",
                     "Layla Hassan",
                     "Ministry of Interior (MoI), Bureau of Migration", "Draft, revision",
                     "Overall mean level: 2.0 of 5",
                     "Executive summary", "The five largest gaps", "Findings by area",
                     "Plan of action by responsible institution", "Ministry of Interior", "Not yet assigned",
                     "With: International", "12,000 USD", "Within 3", f"Page 1 of {pages}", f"Page {pages} of {pages}"):
        assert expected in flowing, expected
    # The summary: means over scored answers only; N/A counted apart.
    assert "Mean level 2.0 over 3 scored indicators of 4. Not counted: 1 not applicable and 0 unknown" in flowing
    assert re.search(r"OPS-01\s+Crisis SOPs\s+1\s+4\s+3\s+High", text)  # the largest gap first
    assert re.search(r"REG-01\s+Emergency entry law\s+2 · Limited\s+3\s+1\s+\w+\s+✓ Law or", text)
    assert "Not applicable" in text


@needs_poppler
def test_the_three_charts_are_embedded_as_images(store, assessed, out):
    path = write_report(store, assessed, out / "report.pdf")
    listing = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    images = {row[10]: row for row in (line.split() for line in listing.splitlines()[2:] if line.strip())}
    assert len(images) == 3  # by PDF object: a chart drawn on two pages is stored once
    assert all(int(row[3]) >= 1000 for row in images.values())  # ~6.6 inches at 170 dpi: sharp on paper
    assert {row[8] for row in images.values()} == {"image"}  # lossless, not "jpeg": letters stay crisp


@needs_poppler
def test_arabic_report_is_translated_and_right_to_left(store, assessed, out):
    path = write_report(store, assessed, out / "تقرير.pdf", "ar")
    text = _text(path)
    for expected in ("تقييم قدرات الإدارة الإنسانية للحدود", "الملخص التنفيذي", "خطة العمل حسب الجهة المسؤولة",
                     "الإطار التنظيمي", "إجراءات الأزمات", "نموذج اختبار مصغر", "OPS-01",
                     # sites and institutions named in the report's language, with the code beside
                     "إبراهيم الخليل", "ibrahim-khalil", "وزارة الداخلية", "MoI", "بالتعاون مع"):
        assert expected in text, expected
    assert "Executive summary" not in text and "Page 1" not in text
    assert "Ibrahim Khalil" not in text and "Ministry of Interior" not in text
    assert text.count("الصفحة") == _pages(path)  # "Page %1 of %2" in Arabic, on every page
    # Right to left: the summary heading stands at the right margin, as the English one stands at the left.
    english = write_report(store, assessed, out / "report.pdf", "en")
    assert max(_left_edges(english, 2, 2)) < 0.3  # "Executive summary"
    assert min(_left_edges(path, 2, 10)) > 0.5  # "الملخص التنفيذي", read back letter by letter


@needs_poppler
def test_kurdish_report_falls_back_to_english_questionnaire_text(store, assessed, out):
    text = _text(write_report(store, assessed, out / "report.pdf", "ckb"))
    # pdftotext loses ە, ێ, ڕ and ڵ (their joined forms have no code point to map back to), so the
    # words checked here are of letters it can map; the pages were looked at for the rest.
    assert "بوار" in text and "دۆخ" in text and "Area" not in text
    assert "Crisis SOPs" in text  # the mini form has no Kurdish: English, never blank


def test_missing_assessment_leaves_no_file(store, out):
    with pytest.raises(NotFound):
        write_report(store, 999, out / "report.pdf")
    assert list(out.iterdir()) == []


def test_cancelling_keeps_the_earlier_file(store, assessed, out):
    target = out / "report.pdf"
    target.write_bytes(b"the report of last week")
    with pytest.raises(ReportCancelled):
        write_report(store, assessed, target, cancelled=lambda: True)
    assert target.read_bytes() == b"the report of last week" and len(list(out.iterdir())) == 1


@needs_poppler
def test_comparison_with_an_earlier_visit(store, assessed, out):
    later = store.duplicate_assessment(assessed, "2027-05-01")
    store.save_answer(later, Answer("OPS-01", level=3, target=4))
    text = _text(write_report(store, later, out / "report.pdf", compare_with=assessed))
    assert ("Compared with the assessment of 2026-11-20: 1 indicators improved, 2 stayed the same, 0 got worse; "
            "1 could not be compared.") in " ".join(text.split())


@needs_poppler
def test_comparison_of_a_detailed_follow_up_with_a_rapid_workshop_says_so(store, out):
    from hbm_assess.core.assessment import Assessment, Site
    from hbm_assess.core.questionnaire import installed_forms

    forms = installed_forms()
    rapid, detailed = forms[("hbm-rapid", "1.1")], forms[("hbm-detailed", "1.1")]
    site = Site("Safwan", "IQ", "land")
    workshop = store.create_assessment(Assessment(rapid.id, rapid.version, site, date="2025-03-01", mode="rapid"),
                                       rapid, [Answer("OPS-R1", level=2)])
    later = store.create_assessment(Assessment(detailed.id, detailed.version, site, date="2026-03-01"), detailed,
                                    [Answer("OPS-01", level=3), Answer("OPS-02", level=2), Answer("OPS-03", level=1)])
    text = " ".join(_text(write_report(store, later, out / "report.pdf", compare_with=workshop)).split())
    assert ("Compared with the assessment of 2025-03-01: 1 indicators improved, 1 stayed the same, 1 got worse; "
            "42 could not be compared.") in text
    assert ("The earlier assessment was rapid and this one detailed (or the reverse): each indicator is set "
            "against the rapid item that summarises it; 15 indicators were left out.") in text


def test_command_line_report(store, assessed, out, capsys):
    db = str(store.path)
    report = out / "report.pdf"
    assert main(["--db", db, "--lang", "ar", "report", str(assessed), "-o", str(report)]) == 0
    assert capsys.readouterr().out.strip() == str(report) and report.stat().st_size > 10_000
    assert main(["--db", db, "report", "999", "-o", str(out / "x.pdf")]) == 2
    err = capsys.readouterr().err
    assert err == "hbm-assess: there is no assessment 999 in this database\n"
    assert main(["--db", db, "report", str(assessed), "-o", str(out / "no" / "x.pdf")]) == 2
    assert "cannot write" in capsys.readouterr().err and not (out / "no").exists()


# -- the same pages on every machine ----------------------------------------------

BUNDLED = {"Noto Sans", "Noto Sans Arabic", "Noto Sans Symbols2"}
ALIASES = {"Sans Serif", "Serif", "Monospace"}  # Qt's generic names, mapped to whatever font there is
NO_SYSTEM_FONTS = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig><cachedir>{cache}</cachedir></fontconfig>
"""


def _layouts(store, assessed, environment: dict[str, str], *more: str) -> dict:
    """The report's layout in English, Arabic and Kurdish, from a fresh process with these fonts."""
    command = [sys.executable, str(Path(__file__).with_name("report_layout.py")), str(store.path), str(assessed),
               "en", "ar", "ckb", *more]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **environment})
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


@pytest.fixture
def bare_fonts(tmp_path) -> dict[str, str]:
    """An environment where fontconfig knows no font at all: only the fonts the app registers itself exist."""
    config = tmp_path / "fonts.conf"
    config.write_text(NO_SYSTEM_FONTS.format(cache=tmp_path / "fontconfig-cache"), encoding="utf-8")
    return {"FONTCONFIG_FILE": str(config)}


def test_report_has_the_same_pages_and_line_breaks_with_and_without_system_fonts(store, assessed, bare_fonts):
    bare = _layouts(store, assessed, bare_fonts)
    assert set(bare["installed"]) - ALIASES == BUNDLED  # the run really saw no font of the machine
    system = _layouts(store, assessed, {})
    for language in ("en", "ar", "ckb"):
        assert set(bare[language]["families"]) <= BUNDLED, language
        assert set(system[language]["families"]) <= BUNDLED, (language, system[language]["families"])
        assert system[language]["pages"] == bare[language]["pages"], language
        assert system[language]["lines"] == bare[language]["lines"], language
    # Amounts and dates stay whole in their cells, whatever the fonts.
    lines = [text for _page, _top, text in bare["en"]["lines"]]
    assert any("12,000\xa0USD" in text or "12,000 USD" in text for text in lines), [t for t in lines if "12" in t]


def test_the_comparison_notices_a_report_set_in_a_system_font(store, assessed, bare_fonts):
    """The check above fails for a report whose text depends on a font of the machine."""
    family = "DejaVu Sans"  # a font of the machine, with Latin letters of other widths than Noto Sans
    with_system_font = _layouts(store, assessed, {}, "--family", family)
    if family not in with_system_font["installed"]:
        missing("the DejaVu Sans font", "fonts-dejavu-core")
    without = _layouts(store, assessed, bare_fonts, "--family", family)
    assert family in with_system_font["en"]["families"] and family not in without["en"]["families"]
    assert with_system_font["en"]["lines"] != without["en"]["lines"]


def test_amounts_and_dates_never_wrap_inside_a_value(store, assessed):
    store.save_action(assessed, Action("Buy two mobile registration kits with generators", ("OPS-01",),
                                       "Ministry of Interior", due_date="2027-03-31", cost=1_250_000_000,
                                       currency="IQD"))
    for language in ("en", "ar"):
        _data, _words, document = lay_out(store, assessed, language)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        page = paginate(document, QPdfWriter(buffer))
        found, _families = report_layout.lines(document, page.height())
        texts = [text.translate(BIDI_CONTROLS) for _page, _top, text in found]
        for value in ("1,250,000,000\xa0IQD", "12,000\xa0USD", "2027-03-31"):
            assert any(value in text for text in texts), (language, value, [t for t in texts if t[:1].isdigit()])
