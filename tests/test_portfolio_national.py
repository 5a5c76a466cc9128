"""#17: posts are ranked and mapped on post-level indicators; national indicators appear once per country.

The mini form with REG-01 (the emergency entry law) declared national; REG-02, OPS-01, OPS-02 post-level.

 site                 country scope           REG-01  REG-02  OPS-01  OPS-02
 Rabia                IQ      crossing-point  1       3       2       4
 Trebil               IQ      crossing-point  3       1       5       2
 Iraq (national)      IQ      national        2       5       -       -
 Jaber                JO      crossing-point  4       2       2       2
 Karama               JO      crossing-point  1       4       4       4

Post-level means (REG-01 left out): Rabia (3+2+4)/3 = 3.0, Trebil (1+5+2)/3 = 2.667,
Jaber (2+2+2)/3 = 2.0, Karama (4+4+4)/3 = 4.0; weakest first: Jaber, Trebil, Rabia, Karama.
With REG-01 counted they were 2.5, 2.75, 2.5, 3.25 (the law moved each post's rank).
Areas: Rabia REG = 3 (REG-02 alone), OPS = 3.0; Jaber REG = 2, OPS = 2.
National REG-01: Iraq 2 from its national assessment (posts' view (1+3)/2 = 2.0);
Jordan has none: the mean of its posts' views (4+1)/2 = 2.5, from 2 posts.
"""

from __future__ import annotations

import pytest

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.core.questionnaire import form_from_data
from hbm_assess.storage import portfolio, summaries
from hbm_assess.storage.portfolio import PortfolioFilter
from hbm_assess.storage.portfolio_national import FROM_NATIONAL, FROM_POSTS


@pytest.fixture
def scoped_form(mini_form):
    data = mini_form.to_dict()
    data["areas"][0]["indicators"][0]["scope"] = "national"  # REG-01
    return form_from_data(data, "mini with a national law")


def _levels(reg01, reg02, ops01=None, ops02=None) -> list[Answer]:
    levels = {"REG-01": reg01, "REG-02": reg02, "OPS-01": ops01, "OPS-02": ops02}
    return [Answer(key, level=value) for key, value in levels.items() if value is not None]


@pytest.fixture
def posts(store, scoped_form):
    plan = [
        (Site("Rabia", "IQ", "land", reference_id="IQ-RB"), "crossing-point", _levels(1, 3, 2, 4)),
        (Site("Trebil", "IQ", "land", reference_id="IQ-TR"), "crossing-point", _levels(3, 1, 5, 2)),
        (Site("Iraq", "IQ", "land"), "national", _levels(2, 5)),
        (Site("Jaber", "JO", "land", reference_id="JO-JB"), "crossing-point", _levels(4, 2, 2, 2)),
        (Site("Karama", "JO", "land", reference_id="JO-KR"), "crossing-point", _levels(1, 4, 4, 4)),
    ]
    ids = {}
    for site, scope, answers in plan:
        made = Assessment(scoped_form.id, scoped_form.version, site, date="2025-03-01", status="final",
                          mode=scoped_form.mode, scope=scope)
        ids[site.name] = store.create_assessment(made, scoped_form, answers)
    return ids


def test_posts_are_ranked_on_post_level_indicators_only(store, posts):
    ranking = portfolio.ranking(store, PortfolioFilter())
    assert [(r.site.name, r.scored) for r in ranking] == [("Jaber", 3), ("Trebil", 3), ("Rabia", 3), ("Karama", 3)]
    assert [r.mean_level for r in ranking] == pytest.approx([2.0, 8 / 3, 3.0, 4.0])


def test_the_heatmap_has_no_row_for_a_national_assessment_and_no_national_answer_in_its_means(store, posts):
    heat = portfolio.heatmap(store, PortfolioFilter())
    assert [s.name for s in heat.sites] == ["Jaber", "Karama", "Rabia", "Trebil"]
    assert [c.key for c in heat.columns] == ["REG", "OPS"]
    assert heat.means[0] == pytest.approx((2.0, 2.0))  # Jaber
    assert heat.means[2] == pytest.approx((3.0, 3.0))  # Rabia: REG-02 alone, not (1 + 3) / 2
    by_indicator = portfolio.heatmap(store, PortfolioFilter(area="REG"))
    assert [c.key for c in by_indicator.columns] == ["REG-02"]
    scope = portfolio.scope(store, PortfolioFilter())
    assert (scope.assessments, scope.sites, scope.national_assessments) == (4, 4, 1)


def test_national_indicators_come_once_per_country_and_say_where_from(store, posts):
    rows = portfolio.national(store, PortfolioFilter())
    assert [(r.country, r.indicator_id, r.source, r.posts) for r in rows] == [
        ("IQ", "REG-01", FROM_NATIONAL, 2), ("JO", "REG-01", FROM_POSTS, 2)]
    iraq, jordan = rows
    assert (iraq.level, iraq.assessment_id, iraq.date) == (2.0, posts["Iraq"], "2025-03-01")
    assert iraq.posts_mean == pytest.approx(2.0)
    assert (jordan.level, jordan.assessment_id) == (pytest.approx(2.5), None)
    assert portfolio.load(store, PortfolioFilter()).national == rows


def test_a_draft_national_assessment_is_not_the_source(store, posts):
    store.reopen(posts["Iraq"], "to check the law again")
    iraq = portfolio.national(store, PortfolioFilter())[0]
    assert (iraq.source, iraq.level) == (FROM_POSTS, pytest.approx(2.0))


def test_the_kept_sums_are_split_by_scope(store, posts):
    kept = dict(((area, scope), (level_sum, scored)) for area, scope, level_sum, scored in store.db.execute(
        "SELECT area_id, scope, level_sum, scored FROM assessment_area_scores WHERE assessment_id = ?",
        (posts["Rabia"],)))
    assert kept == {("REG", "national"): (1, 1), ("REG", "post"): (3, 1), ("OPS", "post"): (6, 2)}
    assert summaries.area_differences(store) == []


def test_the_workbook_has_a_national_sheet_and_the_data_sheet_says_each_indicator_s_scope(store, posts, tmp_path):
    import pandas as pd

    from hbm_assess.exchange.portfolio_export import write_portfolio

    target = tmp_path / "hq.xlsx"
    write_portfolio(store, PortfolioFilter(), target)
    national = pd.read_excel(target, sheet_name="National", skiprows=[1], engine="calamine")
    assert national[["Country", "Indicator", "Level", "Level source", "Posts scoring it"]].values.tolist() == [
        ["IQ", "REG-01", 2.0, FROM_NATIONAL, 2], ["JO", "REG-01", 2.5, FROM_POSTS, 2]]
    assert national["National assessment id"].tolist()[0] == posts["Iraq"]
    sites = pd.read_excel(target, sheet_name="Sites", skiprows=[1], engine="calamine")
    assert sites["Site"].tolist() == ["Jaber", "Trebil", "Rabia", "Karama"]  # weakest first, post-level only
    assert sites["Mean level"].tolist() == [2.0, 2.67, 3.0, 4.0]
    data = pd.read_excel(target, sheet_name="Data", skiprows=[1], engine="calamine")
    scopes = dict(zip(data["Indicator"], data["Indicator scope"], strict=True))
    assert scopes == {"REG-01": "national", "REG-02": "post", "OPS-01": "post", "OPS-02": "post"}
    assert sorted(set(data["Site"])) == ["Iraq", "Jaber", "Karama", "Rabia", "Trebil"]  # every assessment listed


def test_the_csv_tables_have_national_indicators_once_per_country(store, posts, tmp_path):
    import csv

    from hbm_assess.exchange.portfolio_csv import write_portfolio_csv

    write_portfolio_csv(store, PortfolioFilter(), tmp_path / "hq")
    with open(tmp_path / "hq" / "national.csv", encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [(r["country"], r["indicator_id"], float(r["level"]), r["source"]) for r in rows] == [
        ("IQ", "REG-01", 2.0, FROM_NATIONAL), ("JO", "REG-01", 2.5, FROM_POSTS)]
    assert rows[0]["national_assessment_id"] == str(posts["Iraq"]) and rows[1]["national_assessment_id"] == ""


def test_the_portfolio_window_shows_national_indicators_in_their_own_tab(qtbot, qtmodeltester, store, posts):
    from PySide6.QtCore import Qt

    from hbm_assess.ui.portfolio import PortfolioView

    view = PortfolioView(store)
    qtbot.addWidget(view)
    view.resize(1280, 820)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.show()
    assert [view.tabs.tabText(n) for n in range(view.tabs.count())] == [
        "Heatmap", "Ranking", "Progress", "Common gaps", "National"]
    view.tabs.setCurrentWidget(view.national_page)
    model = view.national_model
    qtmodeltester.check(model)
    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert headers == ["Country", "Area", "Indicator", "Level", "Where the level comes from", "Posts' view (mean)"]
    shown = [[model.index(row, column).data() for column in range(model.columnCount())]
             for row in range(model.rowCount())]
    law = ["Regulatory framework", "REG-01  Emergency entry law"]
    assert shown == [["IQ", *law, "2.0", "National assessment of 2025-03-01", "2.0"],
                     ["JO", *law, "2.5", "Mean of the posts' own views (2)", "2.5"]]
    assert [view.site_label(s) for s in view.data.heatmap.sites] == ["Jaber", "Karama", "Rabia", "Trebil"]
    assert "national assessments selected: 1" in view.scope_note.text()
