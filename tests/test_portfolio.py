"""Portfolio aggregates against numbers worked out by hand (see tests/portfolio_data.py for the data)."""

from itertools import product

import portfolio_data
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Indicator
from hbm_assess.core.scoring import target_for
from hbm_assess.core.targets import POLICIES
from hbm_assess.core.text import Text
from hbm_assess.core.versions import line_up
from hbm_assess.storage import portfolio
from hbm_assess.storage.portfolio import TARGET, PortfolioFilter

ALL = PortfolioFilter()
A, B, C = "IQ-IK", "IQ-TR", "Baghdad Airport"  # site keys: reference id, else the name


@pytest.fixture
def ids(store):
    return portfolio_data.build(store)


def cells(heatmap):
    """{(site key, column key): (mean, count)} for the cells that have a value."""
    return {
        (site.key, column.key): (pytest.approx(mean), count)
        for site, means, counts in zip(heatmap.sites, heatmap.means, heatmap.counts, strict=True)
        for column, mean, count in zip(heatmap.columns, means, counts, strict=True)
        if count
    }


def test_versions_line_up_on_shared_indicators_and_say_what_is_left_out():
    v1, v2 = portfolio_data.forms()
    lineup = line_up([v2, v1])
    assert lineup.versions == ("1.0", "2.0")
    assert lineup.lined_up("1.0", "OPS-02") == ("OPS-05",)
    assert lineup.shared == {"REG-01", "OPS-01", "OPS-05"}
    assert {(x.indicator_id, x.in_versions, x.missing_from) for x in lineup.left_out} == {
        ("REG-02", ("1.0",), ("2.0",)), ("REG-03", ("2.0",), ("1.0",))}
    assert [(r.version, r.old_id, r.new_ids) for r in lineup.renamed] == [("1.0", "OPS-02", ("OPS-05",))]
    only_new = line_up([v1, v2], compared=["2.0"])
    assert only_new.left_out == () and len(only_new.shared) == 4


def test_a_rename_chain_and_a_split_line_up_with_the_newest_ids():
    v1, v2 = portfolio_data.forms()
    v3 = _renamed(v2, "3.0", {"OPS-05": ("OPS-07", ("OPS-05",)), "REG-01": ("REG-01", ()),
                              "OPS-01": ("OPS-01", ())}, split=("REG-04", "REG-01"))
    lineup = line_up([v1, v2, v3], compared=["1.0", "3.0"])
    assert lineup.lined_up("1.0", "OPS-02") == ("OPS-07",)  # through 2.0, which is not compared
    assert set(lineup.lined_up("1.0", "REG-01")) == {"REG-01", "REG-04"}
    assert {"OPS-07", "REG-01", "REG-04", "OPS-01"} <= lineup.shared


def _renamed(form, version, renames, split):
    from dataclasses import replace

    areas = []
    for area in form.areas:
        kept = []
        for ind in area.indicators:
            if ind.id in renames:
                new_id, replaces = renames[ind.id]
                kept.append(replace(ind, id=new_id, replaces=replaces))
        if area.id == split[1][:3]:
            kept.append(Indicator(split[0], area.id, Text({"en": "x"}), Text(), {}, (), (), replaces=(split[1],)))
        areas.append(replace(area, indicators=tuple(kept)))
    return replace(form, version=version, areas=tuple(areas))


@pytest.mark.parametrize("level, target, default", list(product(range(1, 6), [None, *range(1, 6)], [None, 1, 3, 5])))
def test_the_sql_target_rule_is_core_scoring_target_for(store, level, target, default):
    for policy, phase in product(POLICIES, ("pre-crisis", "emergency", "post-crisis")):
        indicator = Indicator("OPS-01", "OPS", Text(), Text(), {}, (phase,), (), default_target=default)
        expected = target_for(Answer("OPS-01", level=level, target=target), indicator, policy)
        sql = (f"SELECT {TARGET} FROM (SELECT ? AS level, ? AS target) w, (SELECT ? AS default_target, ? AS phase) m, "
               "(SELECT ? AS target_policy) c")
        assert store.db.execute(sql, (level, target, default, phase, policy)).fetchone()[0] == expected, (policy,
                                                                                                           phase)


def test_heatmap_of_sites_by_area(store, ids):
    heatmap = portfolio.heatmap(store, ALL)
    assert [s.name for s in heatmap.sites] == ["Baghdad Airport", "Ibrahim Khalil", "Trebil"]
    assert [c.key for c in heatmap.columns] == ["REG", "OPS"] and not heatmap.by_indicator
    assert cells(heatmap) == {
        (A, "REG"): (2.5, 2), (A, "OPS"): (3.0, 2),  # the deleted visit and group answer are not counted
        (B, "REG"): (1.5, 2), (B, "OPS"): (5 / 3, 2),
        (C, "REG"): (4.0, 1), (C, "OPS"): (3.0, 1),
    }


def test_one_version_alone_compares_all_its_indicators(store, ids):
    heatmap = portfolio.heatmap(store, PortfolioFilter(form_versions=("2.0",)))
    assert cells(heatmap)[(A, "REG")] == (2.5, 1)  # REG-01 = 3 and REG-03 = 2 now both count
    assert cells(heatmap)[(B, "REG")] == (3.0, 1)
    assert portfolio.scope(store, PortfolioFilter(form_versions=("2.0",))).left_out == ()


def test_heatmap_of_one_area_by_lined_up_indicator(store, ids):
    heatmap = portfolio.heatmap(store, PortfolioFilter(area="OPS"))
    assert heatmap.by_indicator and [c.key for c in heatmap.columns] == ["OPS-01", "OPS-05"]
    assert heatmap.columns[1].label.get("en") == "Registration and screening of arrivals"
    assert cells(heatmap) == {
        (A, "OPS-01"): (3.0, 2), (A, "OPS-05"): (3.0, 2),  # OPS-02 of version 1.0 lines up with OPS-05
        (B, "OPS-01"): (2.0, 1), (B, "OPS-05"): (1.5, 2),  # Unknown is not a score
        (C, "OPS-05"): (3.0, 1),                            # N/A is not a score
    }


def test_ranking_by_mean_level_and_gap(store, ids):
    ranks = portfolio.ranking(store, ALL)
    assert [(r.site.key, r.scored, r.site.assessments) for r in ranks] == [(B, 5, 2), (A, 6, 2), (C, 2, 1)]
    assert [r.mean_level for r in ranks] == pytest.approx([8 / 5, 17 / 6, 3.5])
    # Gaps: entered targets (OPS-01 3→5; OPS-05 4 with target 3 → no gap), default targets (OPS-05 → 4), else +1.
    assert [r.mean_gap for r in ranks] == pytest.approx([6 / 5, 6 / 6, 2 / 2])
    assert ranks[1].site.latest_date == "2025-03-01"


def test_filters_select_assessments(store, ids):
    def assessments(**kwargs):
        return portfolio.scope(store, PortfolioFilter(**kwargs)).assessments

    assert assessments() == 5
    assert assessments(site_types=("air",)) == 1
    assert assessments(statuses=("draft",)) == 1
    assert assessments(date_from="2025-01-01") == 3
    assert assessments(date_from="2024-02-01", date_to="2025-02-28") == 2
    assert assessments(countries=("JO",)) == 0
    assert assessments(countries=("IQ",), form_id="mini", form_versions=("1.0",)) == 2
    assert assessments(latest_only=True) == 3


def test_latest_only_shows_the_latest_visit_of_each_site(store, ids):
    heatmap = portfolio.heatmap(store, PortfolioFilter(latest_only=True))
    assert cells(heatmap)[(B, "REG")] == (3.0, 1)  # only 2.0 is left, so REG-03 is shared again


def test_scope_counts_left_out_indicators_and_answers(store, ids):
    scope = portfolio.scope(store, ALL)
    assert (scope.assessments, scope.sites) == (5, 3)
    assert sorted(x.indicator_id for x in scope.left_out) == ["REG-02", "REG-03"]
    assert scope.renamed == 1
    # Trebil's N/A is on REG-02, which is left out; its Unknown and the airport's N/A are on OPS-01.
    assert (scope.not_applicable, scope.unknown) == (1, 1)


def test_progress_by_visit_and_per_site(store, ids):
    visits = {(v.visit, v.area_id): (pytest.approx(v.mean_level), v.assessments)
              for v in portfolio.visit_progress(store, ALL)}
    assert visits == {(1, "REG"): (8 / 3, 3), (1, "OPS"): (9 / 4, 3), (2, "REG"): (2.0, 2), (2, "OPS"): (11 / 4, 2)}
    points = [(p.assessment_id, p.date, p.area_id, p.mean_level, p.scored)
              for p in portfolio.site_progress(store, ALL, B)]
    assert points == [(ids[3], "2024-06-01", "OPS", 1.0, 1), (ids[3], "2024-06-01", "REG", 2.0, 1),
                      (ids[4], "2025-06-01", "OPS", 2.0, 2), (ids[4], "2025-06-01", "REG", 1.0, 1)]


def test_baseline_against_latest_counts_improved_same_worse(store, ids):
    found = {c.site.key: c for c in portfolio.changes(store, ALL)}
    assert set(found) == {A, B}  # the airport was assessed once
    a, b = found[A], found[B]
    assert (a.baseline_id, a.latest_id, a.improved, a.same, a.worse, a.not_comparable) == (ids[1], ids[2], 2, 1, 0, 0)
    # Trebil: OPS-05 1→2 better, REG-01 2→1 worse, OPS-01 Unknown at baseline so not comparable.
    assert (b.improved, b.same, b.worse, b.not_comparable) == (1, 0, 1, 1)
    assert (b.baseline_date, b.latest_date) == ("2024-06-01", "2025-06-01")
    only_ops = {c.site.key: c for c in portfolio.changes(store, PortfolioFilter(area="OPS"))}
    assert (only_ops[B].improved, only_ops[B].worse, only_ops[B].not_comparable) == (1, 0, 1)


def test_common_gaps_at_each_sites_latest_assessment(store, ids):
    gaps = portfolio.common_gaps(store, ALL)
    assert [(g.indicator_id, g.sites, g.weak_sites) for g in gaps] == [
        ("OPS-01", 2, 1), ("REG-01", 3, 1), ("OPS-05", 3, 1)]
    assert [g.mean_level for g in gaps] == pytest.approx([2.5, 8 / 3, 3.0])
    assert [g.mean_gap for g in gaps] == pytest.approx([1.0, 1.0, 1.0])
    assert gaps[0].weak_share == 0.5 and gaps[0].area_id == "OPS"


def test_cell_lists_the_assessments_behind_it(store, ids):
    column = next(c for c in portfolio.heatmap(store, ALL).columns if c.key == "OPS")
    rows = portfolio.cell_assessments(store, ALL, A, column)
    assert [(r.id, r.mean_level, r.scored) for r in rows] == [(ids[2], 3.5, 2), (ids[1], 2.5, 2)]
    by_indicator = PortfolioFilter(area="OPS")
    column = portfolio.heatmap(store, by_indicator).columns[0]
    assert [r.id for r in portfolio.cell_assessments(store, by_indicator, B, column)] == [ids[4]]
    assert {r.id for r in portfolio.cell_assessments(store, ALL, A)} == {ids[1], ids[2]}


def test_area_summary(store, ids):
    summary = {s.area.key: s for s in portfolio.area_summary(store, ALL)}
    reg, ops = summary["REG"], summary["OPS"]
    assert (reg.assessments, reg.sites, reg.scored, reg.not_applicable, reg.unknown) == (5, 3, 5, 0, 0)
    assert reg.mean_level == pytest.approx(12 / 5) and reg.mean_gap == pytest.approx(1.0)
    assert (ops.assessments, ops.sites, ops.scored, ops.not_applicable, ops.unknown) == (5, 3, 8, 1, 1)
    assert ops.mean_level == pytest.approx(20 / 8) and ops.mean_gap == pytest.approx(9 / 8)


def test_choices_offer_what_is_in_the_database(store, ids):
    found = portfolio.choices(store)
    assert found.countries == ("IQ",) and found.site_types == ("air", "land")
    assert found.forms == {"mini": ("1.0", "2.0")} and found.statuses == ("draft", "final")
    assert found.form_assessments == {"mini": 5} and found.form_titles["mini"].get("en") == "Mini test form"
    assert [a.key for a in found.areas] == ["REG", "OPS"]
    assert (found.first_date, found.last_date) == ("2024-01-10", "2025-06-01")


VALUES = {"country": ["", "IQ", "TR", "JO"], "site_type": ["", "land", "air"], "status": ["draft", "final"],
          "date": ["", "2023-12-31", "2024-01-10", "2025-06-01"]}


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(*(st.sampled_from(v) for v in VALUES.values()), st.booleans()), max_size=7))
def test_choices_read_in_one_pass_are_those_of_a_query_per_filter(tmp_path_factory, rows):
    """One pass over a covering index (#20) offers what a DISTINCT per column and a GROUP BY per form offered."""
    from hbm_assess.core.assessment import Assessment, Site
    from hbm_assess.storage.store import Store

    v1, v2 = portfolio_data.forms()
    store = Store.open(tmp_path_factory.mktemp("choices") / "x.sqlite")
    for number, (country, site_type, status, date, deleted) in enumerate(rows):
        form = (v1, v2)[number % 2]
        made = store.create_assessment(Assessment(form.id, form.version, Site(f"Post {number}", "IQ", "land"),
                                                  date="2024-01-01", mode=form.mode), form)
        store.db.execute("UPDATE assessments SET country = ?, site_type = ?, status = ?, date = ? WHERE id = ?",
                         (country, site_type, status, date, made))
        if deleted:
            store.delete_assessment(made)
    db = store.db

    def distinct(column):
        return tuple(r[0] for r in db.execute(
            f"SELECT DISTINCT {column} FROM assessments WHERE deleted_at IS NULL AND {column} != '' ORDER BY 1"))

    found = portfolio.choices(store)
    assert (found.countries, found.site_types, found.statuses) == (
        distinct("country"), distinct("site_type"), distinct("status"))
    versions, counts = {}, {}
    for form_id, version, count in db.execute("SELECT form_id, form_version, count(*) FROM assessments "
                                              "WHERE deleted_at IS NULL GROUP BY 1, 2 ORDER BY 2"):
        versions[form_id] = (*versions.get(form_id, ()), version)
        counts[form_id] = counts.get(form_id, 0) + count
    assert (found.forms, found.form_assessments) == (versions, counts)
    first, last = db.execute("SELECT min(date), max(date) FROM assessments WHERE deleted_at IS NULL").fetchone()
    assert (found.first_date, found.last_date) == (first or "", last or "")
    plan = " ".join(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + portfolio.CHOICES))
    assert "COVERING INDEX assessments_choices" in plan, plan
    store.close()


def test_load_gathers_everything_once(store, ids):
    data = portfolio.load(store, PortfolioFilter(latest_only=True))
    assert data.scope.assessments == 3 and len(data.heatmap.sites) == 3
    assert {c.site.key for c in data.changes} == {A, B}  # progress ignores "latest only"
    assert data.gaps and data.ranking and data.visits
    assert data.site_points[B] == tuple(portfolio.site_progress(store, ALL, B))


def test_a_split_indicator_counts_each_old_answer_once_in_area_means(store):
    """Version 3.0 splits REG-01 into REG-01 and REG-04: the 1.0 answer lines up with both."""
    import yaml

    from hbm_assess.core.assessment import Assessment
    from hbm_assess.core.questionnaire import form_from_data

    v1, _ = portfolio_data.forms()
    data = yaml.safe_load((portfolio_data.FORMS / "mini-v2.yaml").read_text(encoding="utf-8"))
    data["version"] = "3.0"
    reg = data["areas"][0]["indicators"]
    reg.append({**reg[0], "id": "REG-04", "replaces": "REG-01"})
    v3 = form_from_data(data)
    old = store.create_assessment(Assessment("mini", "1.0", portfolio_data.IK, date="2024-01-01"), v1,
                                  [Answer("REG-01", level=2), Answer("OPS-01", level=4)])
    store.create_assessment(Assessment("mini", "3.0", portfolio_data.IK, date="2025-01-01"), v3,
                            [Answer("REG-01", level=3), Answer("REG-04", level=5)])
    by_assessment = portfolio.site_progress(store, ALL, "IQ-IK")
    assert [(p.area_id, p.mean_level, p.scored) for p in by_assessment if p.assessment_id == old] == [
        ("OPS", 4.0, 1), ("REG", 2.0, 1)]
    assert portfolio.ranking(store, ALL)[0].scored == 4
    heatmap = portfolio.heatmap(store, PortfolioFilter(area="REG"))
    assert [c.key for c in heatmap.columns] == ["REG-01", "REG-04"]
    assert heatmap.means[0] == pytest.approx((2.5, 3.5))  # the old REG-01 = 2 counts under both parts
    change = portfolio.changes(store, ALL)[0]
    assert (change.improved, change.same, change.worse) == (2, 0, 0)


def test_the_screen_loads_progress_apart_and_gets_the_same_figures(store, ids):
    for flt in (ALL, PortfolioFilter(latest_only=True), PortfolioFilter(area="REG")):
        whole = portfolio.load(store, flt)
        first = portfolio.load(store, flt, progress=False)
        assert not first.progress_loaded and first.visits == () and first.changes == ()
        assert (first.scope, first.heatmap, first.ranking, first.gaps) == (
            whole.scope, whole.heatmap, whole.ranking, whole.gaps)
        joined = portfolio.with_progress(first, portfolio.load_progress(store, flt))
        assert joined.progress_loaded and (joined.visits, joined.changes, joined.areas) == (
            whole.visits, whole.changes, whole.areas)
        assert dict(joined.site_points) == dict(whole.site_points)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "ü"]), st.sampled_from(["f", "g"]),
                          st.sampled_from(["2024-01-01", "2024-06-01", "2025-01-01"])), max_size=30))
def test_visit_numbers_are_those_of_the_sql_window_they_replace(rows):
    import sqlite3

    from hbm_assess.storage.portfolio_selection import _visits

    rows = [(site, form, date, number) for number, (site, form, date) in enumerate(rows, start=1)]
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE c (site_key TEXT, form_id TEXT, date TEXT, id INTEGER PRIMARY KEY)")
    conn.executemany("INSERT INTO c VALUES (?, ?, ?, ?)", rows)
    expected = conn.execute(
        """SELECT row_number() OVER (PARTITION BY site_key, form_id ORDER BY date, id),
                  count(*) OVER (PARTITION BY site_key, form_id),
                  row_number() OVER (PARTITION BY site_key, form_id ORDER BY date DESC, id DESC) = 1, id
           FROM c ORDER BY id""").fetchall()
    assert sorted(_visits(rows), key=lambda row: row[3]) == [(v, n, bool(newest), i) for v, n, newest, i in expected]


def test_series_for_the_progress_charts_are_shaped_without_a_window(store, ids):
    from hbm_assess.storage.portfolio_series import change_totals, site_series, visit_series

    data = portfolio.load(store, ALL)
    visits, series = visit_series(data)
    assert visits == [1, 2] and [key for key, _ in series] == ["REG", "OPS"]
    assert dict(series)["REG"] == [pytest.approx(8 / 3), 2.0] and dict(series)["OPS"] == [2.25, 2.75]
    dates, series = site_series(data, B)
    assert dates == ["2024-06-01", "2025-06-01"] and dict(series) == {"REG": [2.0, 1.0], "OPS": [1.0, 2.0]}
    assert site_series(data, "nowhere") == ([], [("REG", []), ("OPS", [])])
    totals = change_totals(data)
    assert (totals.sites, totals.improved + totals.same + totals.worse + totals.not_comparable) == (
        2, sum(c.improved + c.same + c.worse + c.not_comparable for c in data.changes))
