"""#19: a rapid baseline and a detailed follow-up of the same site compare in the portfolio's Progress tab.

hbm-rapid 1.1 summarises hbm-detailed 1.1. Post-level detailed indicators: 37; those a rapid
item summarises: OPS-01…10 (10), INF-01, 02, 03, 04, 08, 09 (6), ADM-02, 04, 06, 07, 08, 09 (6),
COO-02, 03, 04, 07, 08 (5) = 27 compared; OPS-11…20 = 10 left out. (National ones — all of REG,
INF-05/06/07/10, ADM-01/03/05, COO-01/05/06/09/10 — are in the National tab, not here.)

 Rabia, rapid 2024-05-01:    OPS-R1 = 2 (OPS-01…03), OPS-R2 = 3 (OPS-04, 05)
 Rabia, detailed 2025-05-01: OPS-01 = 3, OPS-02 = 2, OPS-03 = 1, OPS-04 = 3, OPS-05 = 4, INF-01 = 2

 OPS-01 2→3 improved, OPS-02 2→2 same, OPS-03 2→1 worse, OPS-04 3→3 same, OPS-05 3→4 improved:
 improved 2, same 2, worse 1; the other 22 compared have no level on one side (INF-01: no INF-R1).
"""

from __future__ import annotations

import pytest

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.operations import shipped_forms
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import PortfolioFilter


@pytest.fixture
def rabia(store):
    forms = {(f.id, f.version): f for f in shipped_forms()}
    rapid, detailed = forms[("hbm-rapid", "1.1")], forms[("hbm-detailed", "1.1")]
    site = Site("Rabia", "IQ", "land", reference_id="rabia")
    baseline = store.create_assessment(
        Assessment(rapid.id, rapid.version, site, date="2024-05-01", status="final", mode="rapid"), rapid,
        [Answer("OPS-R1", level=2), Answer("OPS-R2", level=3)])
    follow_up = store.create_assessment(
        Assessment(detailed.id, detailed.version, site, date="2025-05-01", status="final"), detailed,
        [Answer(i, level=level) for i, level in
         (("OPS-01", 3), ("OPS-02", 2), ("OPS-03", 1), ("OPS-04", 3), ("OPS-05", 4), ("INF-01", 2))])
    other = Site("Trebil", "IQ", "land", reference_id="trebil")  # detailed only: nothing to pair
    store.create_assessment(Assessment(detailed.id, detailed.version, other, date="2025-01-01", status="final"),
                            detailed, [Answer("OPS-01", level=4)])
    return baseline, follow_up


def test_a_rapid_baseline_compares_with_a_detailed_follow_up_through_summarises(store, rabia):
    progress = portfolio.load_progress(store, PortfolioFilter())
    (pair,) = progress.rapid_detailed
    assert (pair.site_name, pair.rapid_id, pair.detailed_id) == ("Rabia", *rabia)
    assert (pair.compared, pair.left_out) == (27, 10)
    assert (pair.improved, pair.same, pair.worse, pair.not_comparable) == (2, 2, 1, 22)
    # One questionnaire at a time (the portfolio's default) has nothing to pair.
    assert portfolio.load_progress(store, PortfolioFilter(form_id="hbm-detailed")).rapid_detailed == ()


def test_the_progress_tab_says_rapid_against_detailed(qtbot, store, rabia):
    from hbm_assess.ui.portfolio import PortfolioView

    view = PortfolioView(store)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.form.setCurrentIndex(0)  # every questionnaire: rapid and detailed
    with qtbot.waitSignal(view.progress_loaded, timeout=10_000):
        view.tabs.setCurrentWidget(view.progress_tab)
    note = view.progress_page.rapid_note
    assert note.isVisibleTo(view) and note.text() == (
        "Rapid against detailed (sites with a rapid baseline and a detailed follow-up: 1): 27 indicators compared "
        "through what each rapid item summarises, 10 left out — improved: 2, same: 2, worse: 1, not comparable: 22.")
