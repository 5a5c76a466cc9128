"""One rule says a site's name in a language, wherever it is shown (#16).

The window's list said a crossing point's name in the language only for a site chosen from the
list (by its reference id); the reports and workbooks also translated a name typed by hand,
and replaced a name edited after choosing with the list's; the command line kept an edited name.
Now all of them say: the list's name in the language when what was typed is one of that crossing
point's names (in any language), else what was typed.
"""

from __future__ import annotations

import pytest
from python_calamine import CalamineWorkbook
from test_messages_core import hbm
from workbooks import export

from hbm_assess.core.assessment import Assessment, Site
from hbm_assess.core.reference import site_name
from hbm_assess.core.site_names import site_said
from hbm_assess.ui.home import AssessmentListModel

# The names of two crossing points, as data/crossing_points.yaml writes them.
IBRAHIM_KHALIL = {"en": "Ibrahim Khalil", "ar": "إبراهيم الخليل", "ckb": "ئیبراهیم خەلیل"}
RABIA_AR = "ربيعة"


@pytest.mark.parametrize(("typed", "reference_id", "country", "language", "said"), [
    # chosen from the list, name left as the list wrote it: the list's name in each language
    ("Ibrahim Khalil", "ibrahim-khalil", "IQ", "ar", IBRAHIM_KHALIL["ar"]),
    ("Ibrahim Khalil", "ibrahim-khalil", "IQ", "ckb", IBRAHIM_KHALIL["ckb"]),
    # the list's name typed in another language counts as the list's name
    (IBRAHIM_KHALIL["ar"], "ibrahim-khalil", "IQ", "ckb", IBRAHIM_KHALIL["ckb"]),
    (IBRAHIM_KHALIL["ckb"], "", "IQ", "en", "Ibrahim Khalil"),
    # case and surrounding spaces do not make a new name
    ("  ibrahim KHALIL ", "ibrahim-khalil", "IQ", "ar", IBRAHIM_KHALIL["ar"]),
    # ... and in its own language the name keeps the assessor's spelling
    ("ibrahim KHALIL", "ibrahim-khalil", "IQ", "en", "ibrahim KHALIL"),
    ("rabia", "", "IQ", "en", "rabia"),
    # chosen, then edited: the assessor's own name, in every language
    ("Ibrahim Khalil cargo gate", "ibrahim-khalil", "IQ", "ar", "Ibrahim Khalil cargo gate"),
    # typed by hand (no reference id): a list name in the site's country, or with no country given
    ("Rabia", "", "IQ", "ar", RABIA_AR),
    ("Rabia", "", "", "ar", RABIA_AR),
    # ... but not a list name in another country's site
    ("Rabia", "", "SY", "ar", "Rabia"),
    # chosen as one point, typed as another's name: what was typed, since it names neither for sure
    ("Rabia", "ibrahim-khalil", "IQ", "ar", "Rabia"),
    # an id the list does not have (a newer list's, say) and a name it does: the name decides
    ("Rabia", "rabia-old", "IQ", "ar", RABIA_AR),
    ("Zakho market", "", "IQ", "ar", "Zakho market"),
])
def test_a_site_is_said_by_the_list_s_name_only_when_that_is_what_was_typed(typed, reference_id, country, language,
                                                                           said):
    assert site_said(typed, language, reference_id, country) == said
    assert site_name(Site(typed, country, reference_id=reference_id), language) == said


@pytest.fixture
def three_sites(store, mini_form):
    """A chosen-and-untouched site, a chosen-then-edited one, and a list name typed by hand; their ids."""
    sites = [Site("Ibrahim Khalil", "IQ", "land", reference_id="ibrahim-khalil"),
             Site("Ibrahim Khalil cargo gate", "IQ", "land", reference_id="ibrahim-khalil"),
             Site("Rabia", "IQ", "land")]
    return [store.create_assessment(Assessment(mini_form.id, mini_form.version, site, date="2026-11-20",
                                               mode=mini_form.mode), mini_form) for site in sites]


EXPECTED_AR = [IBRAHIM_KHALIL["ar"], "Ibrahim Khalil cargo gate", RABIA_AR]


def test_the_window_s_list_says_the_sites_as_the_rule_does(qtbot, window, arabic, store, three_sites):
    window.refresh_home()
    model = window.home.proxy
    shown = {model.index(row, AssessmentListModel.SITE).data() for row in range(model.rowCount())}
    assert shown == set(EXPECTED_AR)


def test_the_workbook_says_the_sites_as_the_rule_does(tmp_path, store, three_sites):
    for assessment_id, expected in zip(three_sites, EXPECTED_AR, strict=True):
        path = export(store, assessment_id, tmp_path / f"{assessment_id}.xlsx", "ar")
        book = CalamineWorkbook.from_path(str(path))
        cells = {str(cell) for name in book.sheet_names[:-1] for row in book.get_sheet_by_name(name).to_python()
                 for cell in row}
        assert expected in cells
        others = {name for name in (IBRAHIM_KHALIL["ar"], RABIA_AR) if name != expected}
        assert not others & cells, "no other site's name in the workbook"


def test_the_command_line_says_the_sites_as_the_rule_does(store, three_sites):
    done = hbm("--lang", "ar", "list", db=store.path)
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line for line in done.stdout.splitlines() if line.split() and line.split()[0].isdigit()}
    for assessment_id, expected in zip(three_sites, EXPECTED_AR, strict=True):
        assert expected in rows[str(assessment_id)]
