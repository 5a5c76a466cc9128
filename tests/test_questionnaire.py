"""Questionnaires: the shipped files are valid contracts, and broken files say exactly what is wrong."""

import copy
import textwrap

import pytest
import yaml

from hbm_assess.core.questionnaire import (
    FormError,
    form_from_data,
    installed_forms,
    latest,
    load_form,
    summary_problems,
)
from hbm_assess.core.versions import line_up
from hbm_assess.core.vocabulary import LEVELS, Phase, vocabulary
from hbm_assess.locations import forms_dir

SHIPPED = sorted(forms_dir().glob("*.yaml"))


def test_both_questionnaires_are_shipped():
    ids = {form_id for form_id, _ in installed_forms()}
    assert {"hbm-detailed", "hbm-rapid"} <= ids


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_form_is_complete_in_english_and_arabic(path):
    form = load_form(path)
    assert {"en", "ar"} <= set(form.languages)
    for indicator in form.indicators():
        assert indicator.id.startswith(indicator.area_id + "-")
        descriptors = [indicator.levels[level].get("en") for level in LEVELS]
        # Descriptors are written for the indicator, not the generic scale repeated.
        assert len(set(descriptors)) == 5, indicator.id
        generic = {term.name.get("en").lower() for term in vocabulary().levels.values()}
        assert not generic & {d.lower().strip(". ") for d in descriptors}, indicator.id
        for language in form.languages:
            assert indicator.label.has(language) and indicator.guidance.has(language)
            assert all(indicator.levels[level].has(language) for level in LEVELS), (indicator.id, language)


def test_detailed_form_covers_five_areas_with_eight_indicators_each():
    form = next(f for (fid, _), f in installed_forms().items() if fid == "hbm-detailed")
    assert form.mode == "detailed"
    assert {area.id for area in form.areas} == {"REG", "OPS", "INF", "ADM", "COO"}
    assert all(len(area.indicators) >= 8 for area in form.areas)
    assert form.indicator_count >= 40
    phases_used = {phase for ind in form.indicators() for phase in ind.phases}
    assert phases_used == {p.value for p in Phase}


def test_rapid_form_has_one_item_per_sub_area():
    form = next(f for (fid, _), f in installed_forms().items() if fid == "hbm-rapid")
    assert form.mode == "rapid"
    assert 12 <= form.indicator_count <= 20
    assert "ckb" in form.languages


def test_form_survives_conversion_to_plain_data_and_back(mini_form):
    again = form_from_data(copy.deepcopy(mini_form.to_dict()), source=mini_form.source)
    assert again == mini_form


def test_a_rapid_form_keeps_what_its_items_summarise_through_plain_data():
    rapid = latest(installed_forms(), "hbm-rapid")
    again = form_from_data(copy.deepcopy(rapid.to_dict()), source=rapid.source)
    assert again == rapid and again.detailed_form == ("hbm-detailed", "1.1")
    assert all(item.summarises for item in again.indicators())


def test_rapid_1_1_splits_the_four_joined_items_and_lines_them_up_with_1_0():
    forms = installed_forms()
    lineup = line_up([forms[("hbm-rapid", "1.0")], forms[("hbm-rapid", "1.1")]])
    assert {old: lineup.lined_up("1.0", old) for old in ("REG-R3", "INF-R2", "ADM-R1", "ADM-R2")} == {
        "REG-R3": ("REG-R3", "REG-R4"), "INF-R2": ("INF-R2", "INF-R4"),
        "ADM-R1": ("ADM-R1", "ADM-R3"), "ADM-R2": ("ADM-R2", "ADM-R4")}
    assert lineup.left_out == ()
    assert summary_problems(forms[("hbm-rapid", "1.1")], forms) == []


def test_detailed_1_1_keeps_every_1_0_indicator():
    forms = installed_forms()
    old, new = forms[("hbm-detailed", "1.0")], forms[("hbm-detailed", "1.1")]
    assert set(old.by_id) < set(new.by_id) and new.indicator_count == 60
    changed = {ind_id for ind_id, indicator in old.by_id.items()
               if new.by_id[ind_id].levels[3].get("en") != indicator.levels[3].get("en")}
    assert changed == {"ADM-07"}, "only ADM-07 gave its psychosocial support part to ADM-09"
    assert new.by_id["ADM-09"].replaces == ("ADM-07",)



def test_vocabulary_names_every_term_in_every_language():
    vocab = vocabulary()
    for group in (vocab.levels, vocab.special_answers, vocab.phases, vocab.evidence_types,
                  vocab.confidence, vocab.site_types):
        for term in group.values():
            assert all(term.name.has(language) for language in ("en", "ar", "ckb")), term.id
    assert set(vocab.levels) == set(LEVELS)
    assert set(vocab.phases) == {p.value for p in Phase}


def _mini_data(mini_form):
    return copy.deepcopy(mini_form.to_dict())


def _problems(data) -> list[str]:
    with pytest.raises(FormError) as caught:
        form_from_data(data, source="broken.yaml")
    return caught.value.problems


BREAKAGES = {
    "duplicate indicator id": (
        lambda d: d["areas"][1]["indicators"][0].update(id="REG-01"),
        "REG-01: duplicate indicator id (also in area REG)",
    ),
    "missing arabic": (
        lambda d: d["areas"][0]["indicators"][1]["label"].pop("ar"),
        "REG-02 › label: the 'ar' text is missing or empty",
    ),
    "four levels": (
        lambda d: d["areas"][1]["indicators"][1]["levels"].pop(5),
        "OPS-02 › levels: has 4 levels (1, 2, 3, 4); needs exactly five, numbered 1 to 5",
    ),
    "six levels": (
        lambda d: d["areas"][1]["indicators"][1]["levels"].update({6: {"en": "x", "ar": "x"}}),
        "OPS-02 › levels: has 6 levels (1, 2, 3, 4, 5, 6); needs exactly five, numbered 1 to 5",
    ),
    "unknown phase": (
        lambda d: d["areas"][1]["indicators"][0].update(phases=["emergency", "recovery"]),
        "OPS-01 › phases: 'recovery' is unknown; use one of: pre-crisis, emergency, post-crisis",
    ),
    "unknown evidence type": (
        lambda d: d["areas"][0]["indicators"][0].update(evidence=["rumour"]),
        "REG-01 › evidence: 'rumour' is unknown",
    ),
    "target out of range": (
        lambda d: d["areas"][0]["indicators"][0].update(default_target=7),
        "REG-01 › default_target: 7 is not a level from 1 to 5",
    ),
    "version as number": (lambda d: d.update(version=1.1), 'version: write the version as text in quotes, e.g. "1.1"'),
    "duplicate area": (lambda d: d["areas"][1].update(id="REG"), "area REG: duplicate area id"),
    "bad indicator id": (
        lambda d: d["areas"][0]["indicators"][0].update(id="reg 1"),
        "REG › indicator 1 › id: 'reg 1' is not a valid indicator id (e.g. OPS-03)",
    ),
    "plain text label": (
        lambda d: d["areas"][0]["indicators"][0].update(label="Emergency law"),
        "REG-01 › label: is plain text; give one text per language",
    ),
    "no english": (lambda d: d.update(languages=["ar"]), "languages: English ('en') must be one of the languages"),
    "primary phase not among the tags": (
        lambda d: d["areas"][0]["indicators"][0].update(phase="emergency"),
        "REG-01 › phase: the primary phase 'emergency' must also be listed in phases (pre-crisis)",
    ),
    "two primary phases": (
        lambda d: d["areas"][0]["indicators"][1].update(phase=["emergency", "pre-crisis"]),
        "REG-02 › phase: ['emergency', 'pre-crisis'] is not one MCOF phase; use one of: pre-crisis, emergency",
    ),
    "unknown scope": (
        lambda d: d["areas"][1]["indicators"][0].update(scope="governorate"),
        "OPS-01 › scope: 'governorate' is unknown; use post (scored at each crossing point) or national",
    ),
    "a condition missing its arabic": (
        lambda d: d["areas"][0]["indicators"][0]["levels"].update(
            {4: [{"en": "Applied", "ar": "مطبق"}, {"en": "Budgeted"}]}),
        "REG-01 › levels › 4 › 2: the 'ar' text is missing or empty",
    ),
    "summarises without naming the detailed form": (
        lambda d: d.update(mode="rapid") or d["areas"][0]["indicators"][0].update(summarises=["OPS-01"]),
        "detailed_form: missing; items say what they summarise",
    ),
    "summarises as prose": (
        lambda d: d["areas"][0]["indicators"][0].update(summarises=["all of OPS"]),
        "REG-01 › summarises: must be a list of detailed indicator ids",
    ),
    "detailed form named by a detailed form": (
        lambda d: d.update(mode="detailed", detailed_form={"id": "hbm-detailed", "version": "1.1"}),
        "detailed_form: only a rapid form names the detailed form it summarises",
    ),
    "detailed form version as number": (
        lambda d: d.update(mode="rapid", detailed_form={"id": "hbm-detailed", "version": 1.1}),
        "detailed_form: write it as {id: hbm-detailed, version: \"1.1\"}",
    ),
}


@pytest.mark.parametrize("name", BREAKAGES)
def test_broken_form_gets_its_specific_message(mini_form, name):
    breakage, expected = BREAKAGES[name]
    data = _mini_data(mini_form)
    breakage(data)
    problems = _problems(data)
    assert any(problem.startswith(expected) for problem in problems), problems


def test_every_problem_is_reported_at_once(mini_form):
    data = _mini_data(mini_form)
    data["areas"][1]["indicators"][1]["levels"].pop(5)
    data["areas"][0]["indicators"][0]["phases"] = ["later"]
    assert len(_problems(data)) == 2


def test_file_level_errors_name_the_file_and_line(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nareas: [\n", encoding="utf-8")
    with pytest.raises(FormError) as caught:
        load_form(path)
    message = str(caught.value)
    assert str(path) in message and "line 3" in message and "not valid YAML" in message


def test_non_utf8_file_is_refused_with_advice(tmp_path):
    path = tmp_path / "latin1.yaml"
    path.write_bytes("title: caf\xe9".encode("latin-1"))
    with pytest.raises(FormError, match="not UTF-8"):
        load_form(path)


def test_shipped_yaml_has_no_duplicate_keys():
    # PyYAML keeps the last of two equal keys silently; a duplicated level would vanish.
    class Strict(yaml.SafeLoader):
        pass

    def construct(loader, node, deep=False):
        keys = [loader.construct_object(k, deep=deep) for k, _ in node.value]
        duplicates = {k for k in keys if keys.count(k) > 1}
        assert not duplicates, f"duplicate keys {duplicates} at line {node.start_mark.line + 1}"
        return yaml.SafeLoader.construct_mapping(loader, node, deep)

    Strict.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct)
    for path in SHIPPED:
        yaml.load(path.read_text(encoding="utf-8"), Loader=Strict)


def test_form_check_message_example_is_readable():
    text = textwrap.dedent("""\
        id: demo
        version: "1"
        languages: [en]
        title: {en: Demo}
        areas: []
    """)
    with pytest.raises(FormError) as caught:
        form_from_data(yaml.safe_load(text), source="demo.yaml")
    assert str(caught.value) == "demo.yaml: areas: missing; a form needs at least one area with indicators"


def test_versions_sort_as_numbers_and_text_without_failing():
    from hbm_assess.core.questionnaire import version_key

    versions = ["1.10", "1.2", "2.0-beta", "2.0", "1.0"]
    assert sorted(versions, key=version_key) == ["1.0", "1.2", "1.10", "2.0", "2.0-beta"]


NATIONAL = {"REG-01", "REG-02", "REG-03", "REG-04", "REG-05", "REG-06", "REG-07", "REG-08", "REG-09",
            "COO-01", "COO-05", "COO-06", "INF-05", "INF-06", "INF-07", "ADM-01", "ADM-03", "ADM-05"}


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_indicator_declares_one_primary_phase_among_its_tags_and_a_scope(path):
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    for area in raw["areas"]:
        for indicator in area["indicators"]:
            assert indicator["phase"] in indicator["phases"], indicator["id"]
            assert indicator["scope"] in ("post", "national"), indicator["id"]


def test_laws_national_coordination_and_national_data_systems_are_national_in_the_detailed_form():
    form = installed_forms()[("hbm-detailed", "1.0")]
    assert {ind.id for ind in form.indicators() if ind.national} == NATIONAL
    assert form.indicator("OPS-04").scope == "post"


def test_primary_phase_spreads_the_detailed_form_over_the_three_phases():
    """Before: with every tag counted, the three phase means read 2.6 / 2.6 / 2.5 — every bar held most indicators."""
    form = installed_forms()[("hbm-detailed", "1.0")]
    counts = {phase.value: sum(ind.phase == phase for ind in form.indicators()) for phase in Phase}
    assert counts == {"pre-crisis": 22, "emergency": 18, "post-crisis": 4}


def test_a_form_without_primary_phase_or_scope_takes_its_first_tag_and_post(mini_form):
    data = _mini_data(mini_form)
    for area in data["areas"]:
        for indicator in area["indicators"]:
            indicator.pop("phase", None)
            indicator.pop("scope", None)
    data["areas"][1]["indicators"][0]["phases"] = ["emergency", "pre-crisis"]
    form = form_from_data(data)
    assert form.indicator("OPS-01").phase == "emergency"
    assert {ind.scope for ind in form.indicators()} == {"post"}


def test_a_level_with_several_conditions_keeps_each_and_joins_them_for_one_line(mini_form):
    data = _mini_data(mini_form)
    data["areas"][0]["indicators"][0]["levels"][4] = [
        {"en": "Applied in a crisis", "ar": "طُبّق في أزمة"},
        {"en": "budgeted", "ar": "مموّل"},
    ]
    form = form_from_data(data)
    indicator = form.indicator("REG-01")
    assert [c.get("en") for c in indicator.level_conditions(4)] == ["Applied in a crisis", "budgeted"]
    assert indicator.levels[4].get("en") == "Applied in a crisis; budgeted"
    assert indicator.levels[4].get("ar") == "طُبّق في أزمة؛ مموّل"
    assert [c.get("en") for c in indicator.level_conditions(3)] == ["Law adopted"]
    again = form_from_data(form.to_dict())
    assert again.indicator("REG-01").conditions == indicator.conditions
    assert "REG-01 › levels › 4 › 2" in dict(form.texts())


def test_the_meaning_leaves_out_phase_and_scope_only(mini_form):
    data = _mini_data(mini_form)
    data["areas"][0]["indicators"][0]["scope"] = "national"
    changed = form_from_data(data)
    assert changed.meaning() == mini_form.meaning()
    assert changed.to_dict() != mini_form.to_dict()
    data["areas"][0]["indicators"][0]["label"]["en"] = "Another question"
    assert form_from_data(data).meaning() != mini_form.meaning()


def test_the_new_1_1_indicators_list_level_4_and_5_conditions_one_by_one_in_every_language():
    forms = installed_forms()
    old, new = forms[("hbm-detailed", "1.0")], forms[("hbm-detailed", "1.1")]
    added = [ind for ind in new.indicators() if ind.id not in old.by_id]
    assert len(added) == 16
    for ind in added:
        assert ind.phase in ind.phases and ind.scope in ("post", "national"), ind.id
        for level in (4, 5):
            conditions = ind.level_conditions(level)
            assert len(conditions) >= 2, (ind.id, level)
            assert all(c.has(lang) for c in conditions for lang in ("en", "ar", "ckb")), (ind.id, level)
            assert not any("(1)" in c.get("en") or "(2)" in c.get("en") for c in conditions), (ind.id, level)


def test_every_1_1_indicator_writes_levels_4_and_5_as_conditions_to_check_one_by_one():
    """e-SPAR's rule (a level counts only when every element of it is met) needs the elements apart:
    a level-4/5 descriptor of 1.1 is a YAML list, one observable condition per item (a list of one
    says it is one condition), never several joined in one sentence with ';'."""
    new = installed_forms()[("hbm-detailed", "1.1")]
    bundled = []
    for ind in new.indicators():
        for level in (4, 5):
            conditions = ind.conditions.get(level, ())
            if not conditions:
                bundled.append(f"{ind.id} › {level}: one sentence, not a list of conditions")
                continue
            for number, condition in enumerate(conditions, start=1):
                for language in ("en", "ar", "ckb"):
                    text = condition.get(language)
                    if not condition.has(language) or ";" in text or "؛" in text:
                        bundled.append(f"{ind.id} › {level} › {number} ({language}): {text!r}")
            texts = [c.get("en") for c in conditions]
            assert len(set(texts)) == len(texts), (ind.id, level, "a condition listed twice")
        assert ind.level_conditions(4) != ind.level_conditions(5), ind.id
    assert bundled == []


# The questionnaire hash of each shipped version (exchange/hashing.py: form_hash): workbooks carry it, and an
# import refuses a copy of a shipped version that differs. A version that has reached users keeps its text:
# change it by a new version. The 1.1 forms are not released yet (hbm-detailed 1.1 was rewritten for #19).
SHIPPED_HASHES = {
    ("hbm-detailed", "1.0"): "sha256:198d8eeef504a7e02ef6e81b9ee421795de38edcd7b7b71336db26548c301e89",
    ("hbm-rapid", "1.0"): "sha256:c2040b27ce9e3fc8c6d5f348f435d9fd82226f671e0fb13f88b5cc5c95351cc9",
}


@pytest.mark.parametrize("key", sorted(SHIPPED_HASHES), ids=" ".join)
def test_a_released_questionnaire_keeps_its_hash_so_its_workbooks_still_import(key):
    from hbm_assess.exchange.hashing import form_hash

    assert form_hash(installed_forms()[key]) == SHIPPED_HASHES[key], (
        f"{key[0]} {key[1]} changed what its answers mean: workbooks exported from it would be refused; "
        "write the change as a new version (forms/FORMAT.md, Versions)")
