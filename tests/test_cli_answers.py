"""hbm-assess new and answer: an assessment made and scored from a script, as the window does it."""

from __future__ import annotations

import json

import pytest

from hbm_assess.cli import main
from hbm_assess.core.assessment import Action, Answer, Assessment, Site
from hbm_assess.core.workshop import Group
from hbm_assess.exchange.export import export_assessment
from hbm_assess.exchange.importing import import_paths
from hbm_assess.exchange.workshop_files import prepare_group_files
from hbm_assess.storage import workshop
from hbm_assess.storage.store import Store, StoreError


def run(capsys, *args):
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_new_finds_the_crossing_point_by_code_or_arabic_name_and_answer_scores_it(tmp_path, capsys):
    db = tmp_path / "post.sqlite"
    code, out, _ = run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--site", "إبراهيم الخليل",
                       "--date", "2025-03-15", "--assessor", "Layla Hassan", "--institution", "MoI", "--json")
    assert code == 0
    made = json.loads(out)
    assert (made["site"], made["date"], made["form"], made["answered"]) == ("Ibrahim Khalil", "2025-03-15",
                                                                             "hbm-detailed", 0)
    for indicator, value in (("REG-01", "3"), ("REG-02", "na"), ("OPS-01", "unknown")):
        assert run(capsys, "--db", db, "answer", made["id"], indicator, value)[0] == 0
    assert run(capsys, "--db", db, "answer", made["id"], "OPS-02", "4", "--target", "5",
               "--evidence", "Exercise report, May 2024")[0] == 0
    store = Store.open(db)
    answers = store.answers(made["id"])
    assessment = store.assessment(made["id"])
    store.close()
    assert assessment.site.reference_id and assessment.assessors == ("Layla Hassan",)
    assert (answers["REG-01"].level, answers["REG-02"].special, answers["OPS-01"].special) == (3, "na", "unknown")
    assert (answers["OPS-02"].level, answers["OPS-02"].target, answers["OPS-02"].evidence_text) == \
        (4, 5, "Exercise report, May 2024")
    code, out, _ = run(capsys, "--db", db, "new", "--form", "hbm-rapid", "--site", "A new checkpoint")
    assert code == 0 and int(out) == made["id"] + 1


@pytest.mark.parametrize("args, message", [
    (["answer", "1", "REG-01", "7"], "level 7 is not between 1 and 5"),
    (["answer", "1", "REG-01", "high"], "'high' is not an answer"),
    (["answer", "1", "XYZ-99", "3"], "has no indicator 'XYZ-99'"),
    (["answer", "9", "REG-01", "3"], "there is no assessment 9"),
    (["answer", "1", "REG-01", "3", "--evidence", "from a PDF\x0c page 2"], "control character U+000C"),
    (["new", "--form", "hbm-nothing", "--site", "Safwan"], "there is no questionnaire 'hbm-nothing'"),
    (["new", "--form", "hbm-rapid", "--site", "Safwan", "--date", "15/03/2025"], "write it as YYYY-MM-DD"),
])
def test_a_wrong_value_is_one_line_and_changes_nothing(tmp_path, capsys, args, message):
    db = tmp_path / "post.sqlite"
    assert run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--site", "Safwan")[0] == 0
    before = Store.open(db)
    saved = before.answers(1), before.list_assessments()
    before.close()
    code, out, err = run(capsys, "--db", db, *args)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    after = Store.open(db)
    assert (after.answers(1), after.list_assessments()) == saved
    after.close()


def test_answer_on_a_groups_laptop_is_that_groups_and_only_for_its_indicators(tmp_path, capsys, mini_form):
    facilitator = Store.open(tmp_path / "facilitator.sqlite")
    workshop_id = facilitator.create_assessment(
        Assessment("mini", "1.0", Site("Erbil workshop", "IQ", "internal"), mode="rapid"), mini_form)
    workshop.save_groups(facilitator, workshop_id, [Group("Legal", indicators=("REG-01", "REG-02")),
                                                    Group("Operations", indicators=("OPS-01", "OPS-02"))])
    files = {f.stem.split("-")[-1]: f for f in prepare_group_files(facilitator, workshop_id, tmp_path / "out")}
    laptop_db = tmp_path / "laptop.sqlite"
    laptop = Store.open(laptop_db)
    [result] = import_paths(laptop, [files["Legal"]]).results
    laptop.close()
    copy = result.assessment_id
    assert run(capsys, "--db", laptop_db, "answer", copy, "REG-01", "2")[0] == 0
    code, _, err = run(capsys, "--db", laptop_db, "answer", copy, "OPS-01", "4")
    assert code == 2 and "OPS-01 is another group's" in err
    laptop = Store.open(laptop_db)
    assert laptop.answers(copy)["REG-01"].level == 2 and "OPS-01" not in laptop.answers(copy)
    export_assessment(laptop, copy, tmp_path / "back.xlsx")
    laptop.close()
    # Back at the facilitator's, the laptop's answer is the Legal group's; the facilitator types Operations'.
    import_paths(facilitator, [tmp_path / "back.xlsx"])
    facilitator_db = facilitator.path
    facilitator.close()
    assert run(capsys, "--db", facilitator_db, "answer", workshop_id, "OPS-01", "5", "--group", "Operations")[0] == 0
    store = Store.open(facilitator_db)
    groups = workshop.group_answers(store, workshop_id)
    assert groups["Legal"]["REG-01"].level == 2 and groups["Operations"]["OPS-01"].level == 5
    agreed = store.answers(workshop_id)
    assert agreed["REG-01"].level == 2 and agreed["OPS-01"].level == 5  # one group each: adopted
    store.close()


FIELDS = {
    "evidence": lambda s, a, text: s.save_answer(a, Answer("REG-01", level=2, evidence_text=text)),
    "evidence reference": lambda s, a, text: s.save_answer(a, Answer("REG-01", level=2, evidence_reference=text)),
    "answer notes": lambda s, a, text: s.save_answer(a, Answer("REG-01", level=2, notes=text)),
    "action title": lambda s, a, text: s.save_action(a, Action(title=text)),
    "action resources": lambda s, a, text: s.save_action(a, Action(title="Train staff", resources=text)),
    "action partners": lambda s, a, text: s.save_action(a, Action(title="Train staff", partners=(text,))),
    "site name": lambda s, a, text: s.update_assessment(
        Assessment("mini", "1.0", Site(text, "IQ"), id=a)),
    "assessment notes": lambda s, a, text: s.update_assessment(
        Assessment("mini", "1.0", Site("Safwan", "IQ"), notes=text, id=a)),
    "assessors": lambda s, a, text: s.update_assessment(
        Assessment("mini", "1.0", Site("Safwan", "IQ"), assessors=(text,), id=a)),
}


@pytest.mark.parametrize("field", sorted(FIELDS))
@pytest.mark.parametrize("text", ["copied from a PDF\x0c page 2", "x" * 32_768])
def test_text_a_spreadsheet_cell_cannot_hold_is_refused_where_it_is_stored(tmp_path, store, mini_assessment,
                                                                            field, text):
    # It used to be refused on the indicator page only: an action title with a control character saved,
    # then every export of that assessment failed.
    with pytest.raises(StoreError, match="nothing was saved"):
        FIELDS[field](store, mini_assessment, text)
    assert store.answers(mini_assessment) == {} and store.actions(mini_assessment) == []
    assert store.assessment(mini_assessment).site.name == "Ibrahim Khalil"
    export_assessment(store, mini_assessment, tmp_path / "still.xlsx")  # the assessment still exports


def test_new_takes_a_target_policy_and_the_gaps_follow_it(tmp_path, capsys):
    """reach-4-emergency: OPS-08 (surge staff, primary phase emergency) at 2 aims for 4; REG-03 (pre-crisis) for 3."""
    db = tmp_path / "post.sqlite"
    code, out, _ = run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--site", "Rabia", "--target-policy",
                       "reach-4-emergency")
    assert code == 0
    assert run(capsys, "--db", db, "answer", out.strip(), "OPS-08", "2")[0] == 0
    assert run(capsys, "--db", db, "answer", out.strip(), "REG-03", "2")[0] == 0
    store = Store.open(db)
    assert store.assessment(int(out)).target_policy == "reach-4-emergency"
    sums = dict(store.db.execute("SELECT area_id, gap_sum FROM assessment_area_scores").fetchall())
    store.close()
    assert sums == {"OPS": 2, "REG": 1}


def test_an_unknown_target_policy_is_refused_by_the_parser(tmp_path, capsys):
    db = tmp_path / "post.sqlite"
    with pytest.raises(SystemExit):
        run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--site", "Rabia", "--target-policy", "reach-9")
    assert "invalid choice: 'reach-9'" in capsys.readouterr().err
    assert not db.exists() or Store.open(db).list_assessments() == []


def test_a_national_assessment_made_with_its_country_is_where_a_post_reads_national_indicators(tmp_path, capsys):
    db = tmp_path / "hq.sqlite"
    code, national, _ = run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--scope", "national", "--site",
                            "Iraq national workshop, Erbil", "--country", "IQ", "--date", "2026-10-01")
    assert code == 0
    assert run(capsys, "--db", db, "answer", national.strip(), "REG-01", "3")[0] == 0
    code, post, _ = run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--site", "rabia")
    store = Store.open(db)
    found = store.national_assessment_for(int(post))
    store.close()
    assert found is not None and (found.id, found.site.country, found.date) == (int(national), "IQ", "2026-10-01")


def test_a_country_that_is_not_a_code_is_refused(tmp_path, capsys):
    db = tmp_path / "hq.sqlite"
    code, _, err = run(capsys, "--db", db, "new", "--form", "hbm-detailed", "--scope", "national", "--site", "Iraq",
                       "--country", "Iraq")
    assert code != 0 and "'Iraq' is not a country code; give two capital letters, e.g. IQ" in err
