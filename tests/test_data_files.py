"""Every file in forms/ and data/ is a tested contract; a broken reference list says what is wrong, where."""

import copy
import shutil

import pytest
import yaml

from hbm_assess.cli import main
from hbm_assess.core.demo import demo_text_problems
from hbm_assess.core.questionnaire import load_form
from hbm_assess.core.reference import (
    ReferenceDataError,
    app_languages,
    check_file,
    crossing_points,
    governorates,
    institutions,
)
from hbm_assess.core.terms import load_terms
from hbm_assess.core.text import LANGUAGES
from hbm_assess.core.vocabulary import glossary_problems
from hbm_assess.exchange.editions import edition_problems
from hbm_assess.locations import data_dir, forms_dir

SHIPPED = sorted(forms_dir().glob("*.yaml")) + sorted(data_dir().iterdir())


VERSION_1_0_POINTS = ("ibrahim-khalil", "rabia", "al-walid", "al-qaim", "trebil", "arar", "safwan", "zurbatiyah",
                      "mandali", "munthiriya", "shalamcheh", "haj-omran", "bashmakh", "parviz-khan", "erbil-airport",
                      "baghdad-airport", "umm-qasr", "example-internal-kirkuk-erbil")


def test_crossing_points_keep_their_codes_and_sit_in_a_known_governorate_inside_iraq():
    points = crossing_points()
    assert tuple(point.id for point in points[:18]) == VERSION_1_0_POINTS, "assessments refer to these codes"
    assert len({point.id for point in points}) == len(points)
    by_pcode = {governorate.id: governorate for governorate in governorates()}
    assert len(by_pcode) == 18
    for point in points:
        governorate = by_pcode[point.adm1_pcode]
        assert point.iso_3166_2 == governorate.iso_3166_2 and point.governorate == governorate.name, point.id
        assert all(point.name.has(lang) for lang in LANGUAGES), point.id
        if point.latitude is not None:
            assert 29.0 <= point.latitude <= 37.5 and 38.7 <= point.longitude <= 48.7, point.id
        assert point.unlocode == "" or point.unlocode.startswith("IQ"), point.id
    kinds = {point.type for point in points}
    assert kinds == {"land", "air", "sea", "internal"}
    neighbours = {point.neighbour for point in points if point.type == "land"}
    assert neighbours == {"TR", "SY", "JO", "SA", "KW", "IR"}


def test_the_app_speaks_english_arabic_and_kurdish():
    assert app_languages() == LANGUAGES


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_shipped_file_is_valid_and_in_every_language(path):
    if path.parent == forms_dir():
        form = load_form(path)  # raises FormError naming every problem
        assert form.missing_translations(also=LANGUAGES) == {}
    elif path.name == "vocabulary.yaml":
        assert glossary_problems(path) == []  # every word in every language, none defined twice
    elif path.name == "terms.yaml":
        terms = load_terms(path)  # raises TermsError naming every problem
        assert terms and all(term.preferred.has(lang) for term in terms for lang in LANGUAGES)
    elif path.name in ("crossing_points.yaml", "institutions.yaml", "governorates.yaml"):
        assert check_file(path) == []
    elif path.name == "form_editions.yaml":
        assert edition_problems(path) == []
    elif path.name == "demo.yaml":
        assert demo_text_problems(yaml.safe_load(path.read_text(encoding="utf-8"))) == []
    else:
        pytest.fail(f"{path} has no check: add one here, as a file in data/ is a contract")


def test_the_lists_load_with_their_known_entries():
    points = {point.id: point for point in crossing_points()}
    assert len(points) == 31 and points["ibrahim-khalil"].adm1_pcode == "IQG09"
    assert (points["peshkhabour"].neighbour, points["peshkhabour"].iso_3166_2) == ("SY", "IQ-DA")
    assert (points["al-sheeb"].neighbour, points["al-sheeb"].adm1_pcode) == ("IR", "IQG14")
    assert points["umm-qasr"].unlocode == "IQUQR" and points["rabia"].latitude is None
    assert points["ibrahim-khalil"].governorate.get("ckb") == "دهۆک"
    assert {"moi", "momd", "bmd", "jcmc", "ccctip"} <= {institution.id for institution in institutions()}


# -- broken copies: one per kind of problem, one message each naming the file and the entry -----------

def _data(name):
    return yaml.safe_load((data_dir() / f"{name}.yaml").read_text(encoding="utf-8"))


def _broken_copy(tmp_path, name, change):
    data = copy.deepcopy(_data(name))
    change(data[name])
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _set(index, key, value):
    def change(entries):
        entries[index][key] = value
    return change


def _drop(index, *keys):
    def change(entries):
        for key in keys:
            entries[index].pop(key, None)
    return change


def _drop_language(index, key, language):
    def change(entries):
        del entries[index][key][language]
    return change


POINT_2 = "crossing point 2 (rabia)"
POINT_1 = "crossing point 1 (ibrahim-khalil)"
CROSSING_POINT_PROBLEMS = {
    "duplicate id": (_set(1, "id", "ibrahim-khalil"),
                     "crossing point 2 (ibrahim-khalil): id: 'ibrahim-khalil' is already the id of crossing point 1; "
                     "ids must be unique"),
    "malformed id": (_set(1, "id", "Rabia Crossing"),
                     "crossing point 2 (Rabia Crossing): id: 'Rabia Crossing' is not an id of lower-case words "
                     "joined by hyphens, such as 'ibrahim-khalil'"),
    "missing language in the name": (_drop_language(1, "name", "ckb"),
                                     f"{POINT_2}: name: no text in ckb; give it in every language the app speaks "
                                     "(en, ar, ckb)"),
    "missing language in the governorate": (_drop_language(0, "governorate", "ar"),
                                            f"{POINT_1}: governorate: no text in ar; give it in every language the "
                                            "app speaks (en, ar, ckb)"),
    "no name": (_drop(1, "name"), f"{POINT_2}: name: missing; give it in every language the app speaks, "
                                  "e.g. {en, ar, ckb}"),
    "malformed country": (_set(1, "country", "IRQ"),
                          f"{POINT_2}: country: 'IRQ' is not a two-letter ISO 3166 code such as IQ"),
    "malformed neighbour": (_set(1, "neighbour", "Syria"),
                            f"{POINT_2}: neighbour: 'Syria' is not a two-letter ISO 3166 code such as TR"),
    "neighbour is the own country": (_set(1, "neighbour", "IQ"),
                                     f"{POINT_2}: neighbour: IQ is the point's own country; give the country "
                                     "across the border"),
    "unknown type": (_set(1, "type", "river"),
                     f"{POINT_2}: type: 'river' is unknown; use one of: land, air, sea, internal"),
    "malformed P-code": (_set(1, "adm1_pcode", "iq-g15"),
                         f"{POINT_2}: adm1_pcode: 'iq-g15' is not well formed (e.g. IQG09)"),
    "P-code of another country": (_set(1, "adm1_pcode", "SY02"),
                                  f"{POINT_2}: adm1_pcode: SY02 does not start with the point's country, IQ"),
    "malformed ISO 3166-2 code": (_set(1, "iso_3166_2", "IQNI"),
                                  f"{POINT_2}: iso_3166_2: 'IQNI' is not well formed (e.g. IQ-DA)"),
    "malformed UN/LOCODE": (_set(1, "unlocode", "IQ RBA"),
                            f"{POINT_2}: unlocode: 'IQ RBA' is not well formed (e.g. IQUQR)"),
    "latitude out of range": (_set(0, "lat", 137.145),
                              f"{POINT_1}: lat: 137.145 is out of range; it lies between -90 and 90 "
                              "(decimal degrees, WGS84)"),
    "longitude out of range": (_set(0, "lon", -542.566),
                               f"{POINT_1}: lon: -542.566 is out of range; it lies between -180 and 180 "
                               "(decimal degrees, WGS84)"),
    "coordinate not a number": (_set(0, "lat", "37°8'N"),
                                f"{POINT_1}: lat: \"37°8'N\" is not a number of decimal degrees"),
    "latitude without longitude": (_drop(0, "lon"), f"{POINT_1}: lat: given without lon; give both or neither"),
    "unknown field": (_set(1, "latitude", 36.4),
                      f"{POINT_2}: latitude: unknown field; the fields are: id, name, country, neighbour, type, "
                      "governorate, adm1_pcode, iso_3166_2, unlocode, lat, lon, coordinates"),
    "P-code that is no governorate": (_set(1, "adm1_pcode", "IQG99"),
                                      f"{POINT_2}: adm1_pcode: IQG99 is not a governorate in governorates.yaml"),
    "ISO code of another governorate": (_set(1, "iso_3166_2", "IQ-DA"),
                                        f"{POINT_2}: iso_3166_2: 'IQ-DA' does not match IQG15, whose code is IQ-NI"),
    "governorate named otherwise": (
        _set(1, "governorate", {"en": "Nineveh", "ar": "نينوى", "ckb": "نەینەوا"}),
        f"{POINT_2}: governorate: write it as governorates.yaml does for IQG15: "
        "{'en': 'Ninewa', 'ar': 'نينوى', 'ckb': 'نەینەوا'}"),
    "latitude and longitude swapped": (
        lambda entries: entries[0].update(lat=42.566, lon=37.145),
        f"{POINT_1}: lat 42.566, lon 37.145: outside Iraq (lat 29.0 to 37.5, lon 38.7 to 48.7); "
        "check the sign and the order of lat and lon"),
    "no location and not said unknown": (_drop(1, "coordinates"),
                                         f"{POINT_2}: lat, lon: missing; give the location, or write "
                                         "'coordinates: unknown' where none is confirmed"),
}


@pytest.mark.parametrize("kind", CROSSING_POINT_PROBLEMS)
def test_a_broken_crossing_point_is_named_with_what_to_do(tmp_path, kind):
    change, message = CROSSING_POINT_PROBLEMS[kind]
    path = _broken_copy(tmp_path, "crossing_points", change)
    assert check_file(path) == [f"{path}: {message}"]
    with pytest.raises(ReferenceDataError) as refused:  # the app refuses it as it loads, with the same words
        crossing_points(tmp_path)
    assert refused.value.problems == [message] and str(refused.value) == f"{path}: {message}"


INSTITUTION_PROBLEMS = {
    "duplicate id": (_set(2, "id", "moi"),
                     "institution 3 (moi): id: 'moi' is already the id of institution 1; ids must be unique"),
    "missing language": (_drop_language(0, "name", "ar"),
                         "institution 1 (moi): name: no text in ar; give it in every language the app speaks "
                         "(en, ar, ckb)"),
    "acronym without English": (_set(0, "acronym", {"ar": "الداخلية"}),
                                "institution 1 (moi): acronym: give at least the English one, e.g. {en: MoI}"),
    "unknown kind": (_set(0, "kind", "agency"),
                     "institution 1 (moi): kind: 'agency' is unknown; use one of: ministry, regional-government, "
                     "coordination-body, international, other"),
}


@pytest.mark.parametrize("kind", INSTITUTION_PROBLEMS)
def test_a_broken_institution_is_named_with_what_to_do(tmp_path, kind):
    change, message = INSTITUTION_PROBLEMS[kind]
    path = _broken_copy(tmp_path, "institutions", change)
    assert check_file(path) == [f"{path}: {message}"]
    with pytest.raises(ReferenceDataError):
        institutions(tmp_path)


def test_every_problem_is_reported_not_only_the_first(tmp_path):
    def change(entries):
        entries[0]["country"] = "iq"
        entries[3]["id"] = entries[2]["id"]
    path = _broken_copy(tmp_path, "crossing_points", change)
    assert check_file(path) == [  # the P-code is not also blamed for the country's mistake
        f"{path}: {POINT_1}: country: 'iq' is not a two-letter ISO 3166 code such as IQ",
        f"{path}: crossing point 4 (al-walid): id: 'al-walid' is already the id of crossing point 3; "
        "ids must be unique",
    ]


def test_a_file_that_is_not_a_list_or_not_yaml_says_so(tmp_path):
    empty = tmp_path / "institutions.yaml"
    empty.write_text("institution:\n  - id: moi\n", encoding="utf-8")
    assert check_file(empty) == [f"{empty}: no 'institutions' list at the top of the file; it starts with "
                                 "'institutions:' and one entry per '- '"]
    broken = tmp_path / "crossing_points.yaml"
    broken.write_text("crossing_points:\n  - id: rabia\n    name: {en: Rabia\n", encoding="utf-8")
    [problem] = check_file(broken)
    assert problem.startswith(f"{broken}: line 4, column 1: not valid YAML")


def test_form_check_checks_the_reference_lists_too(tmp_path, capsys):
    shutil.copy(data_dir() / "institutions.yaml", tmp_path / "institutions.yaml")
    broken = _broken_copy(tmp_path, "crossing_points", _set(1, "type", "river"))
    code = main(["form", "check", str(data_dir() / "crossing_points.yaml"), str(tmp_path / "institutions.yaml"),
                 str(broken)])
    out = capsys.readouterr().out.splitlines()
    assert code == 1
    assert out == [
        f"{data_dir() / 'crossing_points.yaml'}: ok — 31 crossing points",
        f"{tmp_path / 'institutions.yaml'}: ok — 23 institutions",
        f"{broken}: {POINT_2}: type: 'river' is unknown; use one of: land, air, sea, internal",
    ]


@pytest.mark.parametrize("change, problem", [
    (lambda t: t[0].pop("ckb"), "kurdistan: the preferred 'ckb' word is missing"),
    (lambda t: t[0]["variants"].update(ar=["ردستان"]),
     "kurdistan › variants › ar: 'ردستان' is part of the preferred 'كردستان', so every correct use would be flagged"),
    (lambda t: t.append(dict(t[0])), "kurdistan: defined twice"),
    (lambda t: t[1]["variants"].update(ku=["gumrik"]), "customs › variants › ku: a list of words in en, ar or ckb"),
])
def test_broken_preferred_terms_name_the_term_and_the_fix(change, problem):
    from hbm_assess.core.terms import terms_problems

    data = copy.deepcopy(_data("terms"))
    change(data["terms"])
    assert terms_problems(data) == [problem]


@pytest.mark.parametrize("change, problem", [
    (lambda d: d["evidence"]["law"].pop("ckb"), "evidence › law: give the text in en, ar, ckb"),
    (lambda d: d["notes"]["group-scored"].update(ar="مجموعة"), "notes › group-scored: every language needs the same"),
    (lambda d: d["evidence"].update(rumour=d["evidence"]["law"]), "evidence: ['rumour'] are not evidence types"),
    (lambda d: d["workshop_outputs"]["OPS"][3].pop("institution"),
     "workshop_outputs › OPS › 4: a contribution names its institution"),
    (lambda d: d.pop("but"), "but: missing"),
    (lambda d: d["screenshots"]["groups"][1].pop("ar"), "screenshots › groups › 2: give the text in en, ar, ckb"),
    (lambda d: d["screenshots"]["outputs"][0].update(group=3),
     "screenshots › outputs › 1: group is a number from 0 to 2"),
    (lambda d: d["screenshots"]["evidence"].pop(), "screenshots: one evidence text for each group"),
])
def test_a_broken_demo_text_is_named_with_what_to_do(change, problem):
    data = yaml.safe_load((data_dir() / "demo.yaml").read_text(encoding="utf-8"))
    change(data)
    problems = demo_text_problems(data)
    assert len(problems) == 1 and problems[0].startswith(problem), problems
