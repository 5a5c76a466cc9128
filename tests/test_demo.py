"""The demo database tells a believable story: follow-ups to compare, 1.0 baselines, a national workshop."""

import pytest

from hbm_assess.core.comparison import RAPID_DETAILED, SAME_FORM, VERSIONS
from hbm_assess.operations import add_demo_assessments, compare_with
from hbm_assess.storage import workshop

KRG = {"KRG MoI", "BMD", "JCC"}
FEDERAL_ONLY = {"MoI", "MoMD", "BPC", "Border Forces", "JCMC"}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    from hbm_assess.storage.store import Store

    store = Store.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    ids = add_demo_assessments(store, count=12, seed=2014)
    yield store, [store.assessment(i) for i in ids]
    store.close()


def test_every_fourth_assessment_follows_up_a_site_and_compares_with_its_baseline(demo):
    store, made = demo
    kinds = set()
    for later in made[3::4]:
        earlier = next(a for a in made if a.site.name == later.site.name and a.date < later.date)
        assert (later.form_id, later.form_version) == ("hbm-detailed", "1.1"), "follow-ups use the newest form"
        form = store.form(later.form_id, later.form_version)
        _, comparison = compare_with(store, form, store.answers(later.id), earlier.id)
        assert comparison.improved + comparison.same + comparison.worse > 0, later.site.name
        kinds.add(comparison.kind)
    assert kinds == {SAME_FORM, VERSIONS, RAPID_DETAILED}


def test_some_baselines_are_on_the_1_0_forms_and_older_than_1_1(demo):
    _, made = demo
    old = [a for a in made if a.form_version == "1.0"]
    new = [a for a in made if a.form_version == "1.1"]
    assert len(old) >= 3 and max(a.date for a in old) < min(a.date for a in new if a.scope != "national")


def test_the_national_workshop_has_three_groups_and_keeps_their_disagreement_open(demo):
    store, made = demo
    [national] = [a for a in made if a.scope == "national"]
    assert national.form_id == "hbm-rapid" and national.site.reference_id == ""
    groups = workshop.groups(store, national.id)
    assert [g.name for g in groups] == ["Information management", "Operations", "Regulatory framework"]
    [case] = workshop.merge_plan(store, national.id).cases
    assert case.indicator_id == "COO-R1" and case.disagreement and not case.settled


def test_institutions_and_actions_fit_their_site_and_indicator(demo):
    store, made = demo
    for assessment in (a for a in made if a.scope != "national"):
        present = set(assessment.institutions)
        in_kurdistan = assessment.site.pcode in {"IQG06", "IQG09", "IQG11"}
        assert not present & (FEDERAL_ONLY if in_kurdistan else KRG), assessment.site.name
        for action in store.actions(assessment.id):
            [indicator] = action.indicators
            assert action.title.startswith(f"{indicator} to level "), action.title
            assert not {action.responsible} & (FEDERAL_ONLY if in_kurdistan else KRG), (assessment.site.name, action)
    by_site = {a.site.name: set(a.institutions) for a in made}
    assert "KRG MoI" in by_site["Ibrahim Khalil"] and "BPC" in by_site["Rabia"]


def test_the_portfolio_mixes_1_0_and_1_1_on_the_indicators_they_share(demo):
    from hbm_assess.storage import portfolio
    from hbm_assess.storage.portfolio_selection import PortfolioFilter

    store, _ = demo
    chosen = PortfolioFilter(form_id="hbm-detailed")
    scope = portfolio.scope(store, chosen)
    [lineup] = scope.lineups
    assert lineup.versions == ("1.0", "1.1") and len(lineup.shared) == 45 and len(scope.left_out) == 15
    rabia = next(change for change in portfolio.changes(store, chosen) if change.site.key == "rabia")
    assert rabia.baseline_date < rabia.latest_date and rabia.improved + rabia.same + rabia.worse > 0


def test_running_demo_twice_never_makes_two_assessments_with_one_identity(tmp_path):
    """The same seed gives the same assessments, uuids included. Adding them again made twins with
    one uuid in one database: exported, they read elsewhere as one assessment edited two ways."""
    from hbm_assess.cli import main

    db = tmp_path / "demo.sqlite"
    assert main(["--db", str(db), "demo"]) == 0
    assert main(["--db", str(db), "demo", "--count", "3"]) == 0
    from hbm_assess.storage.store import Store

    store = Store.open(db)
    try:
        uuids = [row[0] for row in store.db.execute("SELECT uuid FROM assessments")]
    finally:
        store.close()
    assert len(uuids) == 3 and len(set(uuids)) == 3  # the first one once, then the next two
