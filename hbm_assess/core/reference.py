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
        return [f"{path}: {problem}" for problem in check(read_list(path))]
    except ReferenceDataError as error:
        return [f"{error.source}: {problem}" for problem in error.problems]


def app_languages() -> tuple[str, ...]:
    """The languages the app speaks."""
    return LANGUAGES


def check_crossing_points(data, governorate_list: list[dict] | None = None) -> list[str]:
    """Every problem in the data of ``crossing_points.yaml``, one message each.

    A point in Iraq is checked against the governorates of ``governorates.yaml`` (P-code,
    ISO 3166-2 code and names) and must lie inside Iraq, or say ``coordinates: unknown``.
    """
    site_types = tuple(vocabulary().site_types)
    problems: list[str] = []
    if governorate_list is None:
        governorate_list = [dict(g.__dict__, name=g.name.by_language) for g in _governorates_or_none()]
    by_pcode = {g["id"]: g for g in governorate_list}

    def check(entry: dict, say: Callable[[str], None]) -> None:
        _texts_in_every_language(entry, "name", say, required=True)
        _texts_in_every_language(entry, "governorate", say, required=False)
        country = entry.get("country")
        if not (isinstance(country, str) and COUNTRY.match(country)):
            say(f"country: {country!r} is not a two-letter ISO 3166 code such as IQ")
            country = None
        neighbour = entry.get("neighbour")
        if neighbour is not None and not (isinstance(neighbour, str) and COUNTRY.match(neighbour)):
            say(f"neighbour: {neighbour!r} is not a two-letter ISO 3166 code such as TR")
        elif neighbour is not None and neighbour == country:
            say(f"neighbour: {neighbour} is the point's own country; give the country across the border")
        if entry.get("type") not in site_types:
            say(f"type: {entry.get('type')!r} is unknown; use one of: {', '.join(site_types)}")
        for key, pattern, example, separator in (("adm1_pcode", PCODE, "IQG09", ""),
                                                 ("iso_3166_2", ISO_3166_2, "IQ-DA", "-"),
                                                 ("unlocode", UNLOCODE, "IQUQR", "")):
            value = entry.get(key)
            if value is None:
                continue
            if not (isinstance(value, str) and pattern.match(value)):
                say(f"{key}: {value!r} is not well formed (e.g. {example})")
            elif country and not value.startswith(country + separator):
                say(f"{key}: {value} does not start with the point's country, {country}")
        _coordinates(entry, say)
        if country == "IQ" and by_pcode:
            _in_iraq(entry, by_pcode, say)

    _check_list(data, "crossing_points", "crossing point", CROSSING_POINT_FIELDS, check, problems)
    return problems


def _in_iraq(entry: dict, by_pcode: dict, say: Callable[[str], None]) -> None:
    """A point in Iraq: its governorate as governorates.yaml has it, its location inside Iraq or said unknown."""
    pcode = entry.get("adm1_pcode")
    governorate = by_pcode.get(pcode)
    if pcode is None:
        say("adm1_pcode: missing; give the governorate's P-code from governorates.yaml, e.g. IQG09")
    elif governorate is None and isinstance(pcode, str) and PCODE.match(pcode) and pcode.startswith("IQ"):
        say(f"adm1_pcode: {pcode} is not a governorate in governorates.yaml")
    if governorate is not None:
        iso = entry.get("iso_3166_2")
        if iso is None or (isinstance(iso, str) and ISO_3166_2.match(iso) and iso != governorate["iso_3166_2"]):
            say(f"iso_3166_2: {iso!r} does not match {pcode}, whose code is {governorate['iso_3166_2']}")
        names = entry.get("governorate")
        if isinstance(names, dict) and any(names.get(lang) != governorate["name"].get(lang) for lang in names):
            say(f"governorate: write it as governorates.yaml does for {pcode}: {governorate['name']}")
    if "lat" not in entry and "lon" not in entry:
        if entry.get("coordinates") != "unknown":
            say("lat, lon: missing; give the location, or write 'coordinates: unknown' where none is confirmed")
        return
    if entry.get("coordinates") is not None:
        say("coordinates: give lat and lon, or 'coordinates: unknown', not both")
    outside = [f"{key} {entry[key]}" for (key, (low, high)), limit in zip(IRAQ_BOUNDS.items(), (90, 180), strict=True)
               if isinstance(entry.get(key), (int, float)) and not isinstance(entry.get(key), bool)
               and -limit <= entry[key] <= limit and not low <= entry[key] <= high]
    if outside:
        say(f"{', '.join(outside)}: outside Iraq (lat 29.0 to 37.5, lon 38.7 to 48.7); "
            "check the sign and the order of lat and lon")


def check_governorates(data) -> list[str]:
    """Every problem in the data of ``governorates.yaml``, one message each."""
    problems: list[str] = []
    entries = data.get("governorates") if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        return ["no 'governorates' list at the top of the file; it starts with 'governorates:' and one entry per '- '"]
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"governorate {number}: is not a set of fields such as 'id: ...' and 'name: ...'")
            continue
        pcode = entry.get("id")
        where = f"governorate {number} ({pcode})"

        def say(message: str, where: str = where) -> None:
            problems.append(f"{where}: {message}")

        if not (isinstance(pcode, str) and PCODE.match(pcode) and pcode.startswith("IQ")):
            say(f"id: {pcode!r} is not an OCHA P-code of Iraq such as IQG09")
        elif pcode in seen:
            say(f"id: '{pcode}' is already the id of governorate {seen[pcode]}; ids must be unique")
        else:
            seen[pcode] = number
        iso = entry.get("iso_3166_2")
        if not (isinstance(iso, str) and ISO_3166_2.match(iso) and iso.startswith("IQ-")):
            say(f"iso_3166_2: {iso!r} is not an ISO 3166-2 code of Iraq such as IQ-DA")
        if entry.get("region") not in (None, "KR"):
            say(f"region: {entry.get('region')!r} is unknown; the only region is KR (Kurdistan Region)")
        for unknown in sorted(set(entry) - set(GOVERNORATE_FIELDS), key=str):
            say(f"{unknown}: unknown field; the fields are: {', '.join(GOVERNORATE_FIELDS)}")
        _texts_in_every_language(entry, "name", say, required=True)
    return problems


def check_institutions(data) -> list[str]:
    """Every problem in the data of ``institutions.yaml``, one message each."""
    problems: list[str] = []

    def check(entry: dict, say: Callable[[str], None]) -> None:
        _texts_in_every_language(entry, "name", say, required=True)
        acronym = entry.get("acronym")
        # An acronym is given in the languages that have a usual short form; English always.
        if acronym is not None:
            if not isinstance(acronym, dict) or not _text(acronym.get("en")):
                say("acronym: give at least the English one, e.g. {en: MoI}")
            else:
                for language, value in acronym.items():
                    if not _text(value):
                        say(f"acronym: the {language} one is empty; give it or leave the language out")
        kind = entry.get("kind")
        if kind is not None and kind not in INSTITUTION_KINDS:
            say(f"kind: {kind!r} is unknown; use one of: {', '.join(INSTITUTION_KINDS)}")

    _check_list(data, "institutions", "institution", INSTITUTION_FIELDS, check, problems)
    return problems


LIST_CHECKS: dict[str, Callable[[object], list[str]]] = {
    "crossing_points": check_crossing_points,
    "institutions": check_institutions,
    "governorates": check_governorates,
}


def _check_list(data, key: str, noun: str, fields: tuple[str, ...], check, problems: list[str]) -> None:
    entries = data.get(key) if isinstance(data, dict) else None
    if not isinstance(entries, list) or not entries:
        problems.append(f"no '{key}' list at the top of the file; it starts with '{key}:' and one entry per '- '")
        return
    first_use: dict[str, int] = {}
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(f"{noun} {number}: is not a set of fields such as 'id: ...' and 'name: ...'")
            continue
        entry_id = entry.get("id")
        where = f"{noun} {number} ({entry_id})" if isinstance(entry_id, str) and entry_id else f"{noun} {number}"

        def say(message: str, where: str = where) -> None:
            problems.append(f"{where}: {message}")

        if not (isinstance(entry_id, str) and ID.match(entry_id)):
            say(f"id: {entry_id!r} is not an id of lower-case words joined by hyphens, such as 'ibrahim-khalil'")
        elif entry_id in first_use:
            say(f"id: '{entry_id}' is already the id of {noun} {first_use[entry_id]}; ids must be unique")
        else:
            first_use[entry_id] = number
        for unknown in sorted(set(entry) - set(fields), key=str):
            say(f"{unknown}: unknown field; the fields are: {', '.join(fields)}")
        check(entry, say)


def _text(value) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _texts_in_every_language(entry: dict, key: str, say: Callable[[str], None], required: bool) -> None:
    texts = entry.get(key)
    if texts is None and not required:
        return
    languages = app_languages()
    if not isinstance(texts, dict):
        say(f"{key}: missing; give it in every language the app speaks, e.g. {{{', '.join(languages)}}}")
        return
    missing = [language for language in languages if not _text(texts.get(language))]
    if missing:
        say(f"{key}: no text in {', '.join(missing)}; give it in every language the app speaks "
            f"({', '.join(languages)})")


def _coordinates(entry: dict, say: Callable[[str], None]) -> None:
    given = [key for key in ("lat", "lon") if key in entry]
    if len(given) == 1:
        say(f"{given[0]}: given without {'lon' if given[0] == 'lat' else 'lat'}; give both or neither")
    for key, limit in (("lat", 90), ("lon", 180)):
        if key not in entry:
            continue
        value = entry[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            say(f"{key}: {value!r} is not a number of decimal degrees")
        elif not -limit <= value <= limit:
            say(f"{key}: {value} is out of range; it lies between -{limit} and {limit} (decimal degrees, WGS84)")


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
    """A site's name in ``language`` when it is a known crossing point, else as typed."""
    point = crossing_point_of(site)
    return point.name.get(language) if point is not None else site.name


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
