"""Reference lists shipped in ``data/``: border crossing points and institutions, checked as they load.

Like a questionnaire, a list that is wrong is refused with every problem named
(file, entry, field, what to do), not half-loaded.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hbm_assess.core.assessment import Site
from hbm_assess.core.messages import Line, Message
from hbm_assess.core.site_names import site_said
from hbm_assess.core.text import LANGUAGES, Text
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.locations import data_dir

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")     # lower-case words joined by hyphens: "ibrahim-khalil"
COUNTRY = re.compile(r"^[A-Z]{2}$")                # ISO 3166-1 alpha-2: "IQ"
PCODE = re.compile(r"^[A-Z]{2}[A-Z0-9]{1,12}$")     # OCHA P-code: country letters, then letters and digits
ISO_3166_2 = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")  # a subdivision: "IQ-DA"
UNLOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")      # UN/LOCODE without the space: "IQUQR"
INSTITUTION_KINDS = ("ministry", "regional-government", "coordination-body", "international", "other")
CROSSING_POINT_FIELDS = ("id", "name", "country", "neighbour", "type", "governorate", "adm1_pcode",
                         "iso_3166_2", "unlocode", "lat", "lon", "coordinates")
GOVERNORATE_FIELDS = ("id", "iso_3166_2", "region", "name")
# Iraq's extent (decimal degrees, WGS84), a little wider than its borders: a point outside is a typo.
IRAQ_BOUNDS = {"lat": (29.0, 37.5), "lon": (38.7, 48.7)}
INSTITUTION_FIELDS = ("id", "name", "acronym", "kind")


@dataclass(frozen=True)
class CrossingPoint:
    id: str
    name: Text
    country: str
    type: str
    neighbour: str = ""
    governorate: Text = field(default_factory=Text)
    adm1_pcode: str = ""
    latitude: float | None = None
    longitude: float | None = None
    iso_3166_2: str = ""
    unlocode: str = ""

    def site(self, language: str = "en") -> Site:
        return Site(
            name=self.name.get(language),
            country=self.country,
            type=self.type,
            pcode=self.adm1_pcode,
            latitude=self.latitude,
            longitude=self.longitude,
            reference_id=self.id,
        )


@dataclass(frozen=True)
class Institution:
    id: str
    name: Text
    acronym: Text
    kind: str

    def display(self, language: str = "en") -> str:
        acronym = self.acronym.get(language)
        name = self.name.get(language)
        return f"{name} ({acronym})" if acronym and acronym != name else name


class ReferenceDataError(ValueError):
    """A reference list that cannot be used; ``problems`` names every entry that is wrong."""

    def __init__(self, source: str, problems: list[str]):
        self.source = source
        self.problems = problems
        super().__init__("\n".join(f"{source}: {problem}" for problem in problems))


def _load(name: str, directory: Path | None) -> list[dict]:
    path = (directory or data_dir()) / f"{name}.yaml"
    data = read_list(path)
    problems = LIST_CHECKS[name](data)
    if problems:
        raise ReferenceDataError(str(path), problems)
    return data[name]


def read_list(path: Path):
    """The YAML data of a reference list; ReferenceDataError when it cannot be read as YAML."""
    from hbm_assess.core.yaml_text import YAMLError, load_yaml  # loaded on first use: a faster start

    try:
        return load_yaml(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ReferenceDataError(str(path), ["no such file"]) from None
    except UnicodeDecodeError as error:
        raise ReferenceDataError(str(path), [f"is not UTF-8 text (byte {error.start}); save it as UTF-8"]) from None
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise ReferenceDataError(str(path), [f"{where}not valid YAML ({getattr(error, 'problem', None) or error})"]
                                 ) from None


def check_file(path: Path) -> list[str]:
    """Every problem of a reference list file (``crossing_points.yaml`` or ``institutions.yaml``), each naming it."""
    path = Path(path)
    check = LIST_CHECKS.get(path.stem)
    if check is None:
        return [f"{path}: not a reference list; the lists are {', '.join(f'{n}.yaml' for n in LIST_CHECKS)}"]
    try:
        return [Line(Message.of("reference_in_file", file=path, problem=problem.message))
                for problem in check(read_list(path))]
    except ReferenceDataError as error:
        return [f"{error.source}: {problem}" for problem in error.problems]


def app_languages() -> tuple[str, ...]:
    """The languages the app speaks."""
    return LANGUAGES


def check_crossing_points(data, governorate_list: list[dict] | None = None) -> list[Line]:
    """Every problem in the data of ``crossing_points.yaml``, one message each.

    A point in Iraq is checked against the governorates of ``governorates.yaml`` (P-code,
    ISO 3166-2 code and names) and must lie inside Iraq, or say ``coordinates: unknown``.
    """
    site_types = tuple(vocabulary().site_types)
    problems: list[Line] = []
    if governorate_list is None:
        governorate_list = [dict(g.__dict__, name=g.name.by_language) for g in _governorates_or_none()]
    by_pcode = {g["id"]: g for g in governorate_list}

    def check(entry: dict, say: Say) -> None:
        _texts_in_every_language(entry, "name", say, required=True)
        _texts_in_every_language(entry, "governorate", say, required=False)
        country = entry.get("country")
        if not (isinstance(country, str) and COUNTRY.match(country)):
            say("country", "reference_country_code", value=repr(country), example="IQ")
            country = None
        neighbour = entry.get("neighbour")
        if neighbour is not None and not (isinstance(neighbour, str) and COUNTRY.match(neighbour)):
            say("neighbour", "reference_country_code", value=repr(neighbour), example="TR")
        elif neighbour is not None and neighbour == country:
            say("neighbour", "reference_own_country", value=neighbour)
        if entry.get("type") not in site_types:
            say("type", "reference_unknown_value", value=repr(entry.get("type")), known=", ".join(site_types))
        for key, pattern, example, separator in (("adm1_pcode", PCODE, "IQG09", ""),
                                                 ("iso_3166_2", ISO_3166_2, "IQ-DA", "-"),
                                                 ("unlocode", UNLOCODE, "IQUQR", "")):
            value = entry.get(key)
            if value is None:
                continue
            if not (isinstance(value, str) and pattern.match(value)):
                say(key, "reference_not_well_formed", value=repr(value), example=example)
            elif country and not value.startswith(country + separator):
                say(key, "reference_wrong_country_prefix", value=value, country=country)
        _coordinates(entry, say)
        if country == "IQ" and by_pcode:
            _in_iraq(entry, by_pcode, say)

    _check_list(data, "crossing_points", "crossing_point", CROSSING_POINT_FIELDS, check, problems)
    return problems


def _in_iraq(entry: dict, by_pcode: dict, say: Say) -> None:
    """A point in Iraq: its governorate as governorates.yaml has it, its location inside Iraq or said unknown."""
    pcode = entry.get("adm1_pcode")
    governorate = by_pcode.get(pcode)
    if pcode is None:
        say("adm1_pcode", "reference_pcode_missing")
    elif governorate is None and isinstance(pcode, str) and PCODE.match(pcode) and pcode.startswith("IQ"):
        say("adm1_pcode", "reference_pcode_unknown", pcode=pcode)
    if governorate is not None:
        iso = entry.get("iso_3166_2")
        if iso is None or (isinstance(iso, str) and ISO_3166_2.match(iso) and iso != governorate["iso_3166_2"]):
            say("iso_3166_2", "reference_iso_mismatch", value=repr(iso), pcode=pcode, iso=governorate["iso_3166_2"])
        names = entry.get("governorate")
        if isinstance(names, dict) and any(names.get(lang) != governorate["name"].get(lang) for lang in names):
            say("governorate", "reference_governorate_names", pcode=pcode, names=governorate["name"])
    if "lat" not in entry and "lon" not in entry:
        if entry.get("coordinates") != "unknown":
            say("lat, lon", "reference_location_missing")
        return
    if entry.get("coordinates") is not None:
        say("coordinates", "reference_coordinates_both")
    outside = [f"{key} {entry[key]}" for (key, (low, high)), limit in zip(IRAQ_BOUNDS.items(), (90, 180), strict=True)
               if isinstance(entry.get(key), (int, float)) and not isinstance(entry.get(key), bool)
               and -limit <= entry[key] <= limit and not low <= entry[key] <= high]
    if outside:
        say(", ".join(outside), "reference_outside_iraq")


def check_governorates(data) -> list[Line]:
    """Every problem in the data of ``governorates.yaml``, one message each."""
    problems: list[Line] = []
    entries = data.get("governorates") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return [Line(Message.of("reference_no_list", key="governorates"))]
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(_entry_line("governorate", number, None, Message.of("reference_not_a_mapping")))
            continue
        pcode = entry.get("id")
        say = _sayer(problems, "governorate", number, pcode)
        if not (isinstance(pcode, str) and PCODE.match(pcode) and pcode.startswith("IQ")):
            say("id", "reference_not_iraq_pcode", value=repr(pcode))
        elif pcode in seen:
            say("id", "reference_duplicate_id", value=pcode, other=_where("governorate", seen[pcode]))
        else:
            seen[pcode] = number
        iso = entry.get("iso_3166_2")
        if not (isinstance(iso, str) and ISO_3166_2.match(iso) and iso.startswith("IQ-")):
            say("iso_3166_2", "reference_not_iraq_iso", value=repr(iso))
        if entry.get("region") not in (None, "KR"):
            say("region", "reference_region_unknown", value=repr(entry.get("region")))
        for unknown in sorted(set(entry) - set(GOVERNORATE_FIELDS), key=str):
            say(unknown, "reference_unknown_field", fields=", ".join(GOVERNORATE_FIELDS))
        _texts_in_every_language(entry, "name", say, required=True)
    return problems


def check_institutions(data) -> list[Line]:
    """Every problem in the data of ``institutions.yaml``, one message each."""
    problems: list[Line] = []

    def check(entry: dict, say: Say) -> None:
        _texts_in_every_language(entry, "name", say, required=True)
        acronym = entry.get("acronym")
        # An acronym is given in the languages that have a usual short form; English always.
        if acronym is not None:
            if not isinstance(acronym, dict) or not _text(acronym.get("en")):
                say("acronym", "reference_acronym_english", example="{en: MoI}")
            else:
                for language, value in acronym.items():
                    if not _text(value):
                        say("acronym", "reference_acronym_empty", language=language)
        kind = entry.get("kind")
        if kind is not None and kind not in INSTITUTION_KINDS:
            say("kind", "reference_unknown_value", value=repr(kind), known=", ".join(INSTITUTION_KINDS))

    _check_list(data, "institutions", "institution", INSTITUTION_FIELDS, check, problems)
    return problems


LIST_CHECKS: dict[str, Callable[[object], list[Line]]] = {
    "crossing_points": check_crossing_points,
    "institutions": check_institutions,
    "governorates": check_governorates,
}


Say = Callable[..., None]  # say(field, code, **values): one problem of the entry being checked


def _where(noun: str, number: int, entry_id: object = None) -> Message:
    """"crossing point 2 (ibrahim-khalil)", in any language."""
    named = f" ({entry_id})" if isinstance(entry_id, str) and entry_id else ""
    return Message.of(f"reference_where_{noun}", number=number, id=named)


def _entry_line(noun: str, number: int, entry_id: object, problem: Message) -> Line:
    return Line(Message.of("reference_entry_problem", where=_where(noun, number, entry_id), problem=problem))


def _sayer(problems: list[Line], noun: str, number: int, entry_id: object) -> Say:
    def say(field: str, code: str, **values: object) -> None:
        problems.append(_entry_line(noun, number, entry_id, Message.of(
            "field_problem", field=field, problem=Message.of(code, **values))))

    return say


def _check_list(data, key: str, noun: str, fields: tuple[str, ...], check, problems: list[Line]) -> None:
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        problems.append(Line(Message.of("reference_no_list", key=key)))
        return
    first_use: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(_entry_line(noun, number, None, Message.of("reference_not_a_mapping")))
            continue
        entry_id = entry.get("id")
        say = _sayer(problems, noun, number, entry_id)
        if not (isinstance(entry_id, str) and ID.match(entry_id)):
            say("id", "reference_not_an_id", value=repr(entry_id))
        elif entry_id in first_use:
            say("id", "reference_duplicate_id", value=entry_id, other=_where(noun, first_use[entry_id]))
        else:
            first_use[entry_id] = number
        for unknown in sorted(set(entry) - set(fields), key=str):
            say(unknown, "reference_unknown_field", fields=", ".join(fields))
        check(entry, say)


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts_in_every_language(entry: dict, key: str, say: Say, required: bool) -> None:
    texts = entry.get(key)
    if texts is None and not required:
        return
    languages = app_languages()
    if not isinstance(texts, dict):
        say(key, "reference_text_missing", example="{" + ", ".join(languages) + "}")
        return
    missing = [language for language in languages if not _text(texts.get(language))]
    if missing:
        say(key, "reference_text_languages", missing=", ".join(missing), languages=", ".join(languages))


def _coordinates(entry: dict, say: Say) -> None:
    given = [key for key in ("lat", "lon") if key in entry]
    if len(given) == 1:
        say(given[0], "reference_half_location", other="lon" if given[0] == "lat" else "lat")
    for key, limit in (("lat", 90), ("lon", 180)):
        if key not in entry:
            continue
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            say(key, "reference_not_degrees", value=repr(value))
        elif not -limit <= value <= limit:
            say(key, "reference_degrees_range", value=value, limit=limit)


@cache
def crossing_points(directory: Path | None = None) -> tuple[CrossingPoint, ...]:
    return tuple(
        CrossingPoint(
            id=entry["id"],
            name=Text(entry["name"]),
            country=entry.get("country", ""),
            type=entry["type"],
            neighbour=entry.get("neighbour", ""),
            governorate=Text(entry.get("governorate") or {}),
            adm1_pcode=entry.get("adm1_pcode", ""),
            latitude=entry.get("lat"),
            longitude=entry.get("lon"),
            iso_3166_2=entry.get("iso_3166_2", ""),
            unlocode=entry.get("unlocode", ""),
        )
        for entry in _load("crossing_points", directory)
    )


@dataclass(frozen=True)
class Governorate:
    id: str  # OCHA P-code
    iso_3166_2: str
    name: Text
    region: str = ""


@cache
def governorates(directory: Path | None = None) -> tuple[Governorate, ...]:
    return tuple(Governorate(entry["id"], entry["iso_3166_2"], Text(entry["name"]), entry.get("region", ""))
                 for entry in _load("governorates", directory))


def _governorates_or_none() -> tuple[Governorate, ...]:
    """The shipped governorates; none when that list is itself broken (its own check says why)."""
    try:
        return governorates()
    except ReferenceDataError:
        return ()


@cache
def institutions(directory: Path | None = None) -> tuple[Institution, ...]:
    return tuple(
        Institution(
            id=entry["id"],
            name=Text(entry["name"]),
            acronym=Text(entry.get("acronym") or {}),
            kind=entry.get("kind", "other"),
        )
        for entry in _load("institutions", directory)
    )


# -- names in the output's language ---------------------------------------------------------------
# Sites and institutions are stored as typed (an English name or acronym, or the name in the
# language of the person who picked them); workbooks and reports name them in their own language.


@cache
def _points_by_name() -> dict[str, CrossingPoint]:
    return {name.casefold(): point for point in crossing_points() for name in point.name.by_language.values()}


@cache
def _institutions_by_name() -> dict[str, Institution]:
    found: dict[str, Institution] = {}
    for institution in institutions():
        for text in (*institution.name.by_language.values(), *institution.acronym.by_language.values(),
                     *(institution.display(language) for language in LANGUAGES)):
            found.setdefault(text.strip().casefold(), institution)
    return found


def crossing_point_of(site: Site) -> CrossingPoint | None:
    """The reference list's crossing point a site is: by its id, else by its name in any language."""
    by_id = {point.id: point for point in crossing_points()}
    if site.reference_id in by_id:
        return by_id[site.reference_id]
    point = _points_by_name().get(site.name.strip().casefold())
    return point if point is not None and (not site.country or site.country == point.country) else None


def site_name(site: Site, language: str) -> str:
    """A site's name in ``language`` when it is a known crossing point's name, else as typed (``site_said``)."""
    return site_said(site.name, language, site.reference_id, site.country)


def institution_name(stored: str, language: str) -> str:
    """An institution in ``language`` with its acronym beside ("Ministry of Interior (MoI)"); unknown ones as typed."""
    institution = _institutions_by_name().get(stored.strip().casefold())
    if institution is None:
        return stored
    acronym = institution.acronym.get(language)
    name = institution.name.get(language)
    return f"{name} ({acronym})" if acronym and acronym != name else name


def institution_stored(text: str) -> str:
    """What a name of an institution in any language is stored as: its English acronym (or name)."""
    institution = _institutions_by_name().get(text.strip().casefold())
    if institution is None:
        return text.strip()
    return institution.acronym.get("en") or institution.name.get("en")
