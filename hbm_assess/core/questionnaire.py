"""Questionnaires: areas, indicators and their level descriptors, loaded and checked from data."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from hbm_assess.core.messages import Line, Message, ProblemsIn
from hbm_assess.core.text import SOURCE_LANGUAGE, Text
from hbm_assess.core.vocabulary import LEVELS, Phase, Vocabulary, vocabulary

FORM_ID = re.compile(r"^[a-z][a-z0-9-]{1,63}$")
AREA_ID = re.compile(r"^[A-Z]{2,5}$")
INDICATOR_ID = re.compile(r"^[A-Z]{2,5}-[A-Z0-9]{1,4}$")
MODES = ("detailed", "rapid")
# Where a capacity is assessed: at each crossing point, or once per country (laws, national
# coordination bodies, national data systems).
SCOPES = ("post", "national")
# Method metadata: how the app analyses the answers (the chart's phase, where an indicator is
# scored), not what a level means. The questionnaire's hash leaves these out (see meaning()).
METHOD_KEYS = ("phase", "scope", "summarises")  # how results are analysed, not what a level means
# How the conditions of one level descriptor are joined when shown as one text.
_CONDITION_JOIN = {"ar": "؛ ", "ckb": "؛ "}
# How the scoring rule opens where a description states it (the 1.1 questionnaires); English is always there.
_SCORING_RULE_WORDS = "a level counts only when"


@dataclass(frozen=True)
class Indicator:
    id: str
    area_id: str
    label: Text
    guidance: Text
    levels: Mapping[int, Text]
    phases: tuple[str, ...]
    evidence: tuple[str, ...]
    default_target: int | None = None
    replaces: tuple[str, ...] = ()
    summarises: tuple[str, ...] = ()
    phase: str = ""
    """The one primary MCOF phase (also one of ``phases``); charts count this one."""
    scope: str = "post"
    """``post``: scored at each crossing point; ``national``: scored once per country."""
    conditions: Mapping[int, tuple[Text, ...]] = field(default_factory=dict)
    """For a level whose descriptor lists several conditions, each condition; ``levels`` joins them."""

    def __post_init__(self):
        if not self.phase and self.phases:  # a form written before primary phases: its first tag
            object.__setattr__(self, "phase", self.phases[0])

    @property
    def national(self) -> bool:
        return self.scope == "national"

    def level_conditions(self, level: int) -> tuple[Text, ...]:
        """The elements a level needs, each one a text: all must be met for the level to count."""
        return self.conditions.get(level) or ((self.levels[level],) if level in self.levels else ())


@dataclass(frozen=True)
class Area:
    id: str
    title: Text
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class Form:
    """One questionnaire in one version."""

    id: str
    version: str
    mode: str
    languages: tuple[str, ...]
    title: Text
    areas: tuple[Area, ...]
    description: Text = field(default_factory=Text)
    source: str = ""
    detailed_form: tuple[str, str] | None = None  # a rapid form: the (id, version) its ``summarises`` ids are in

    @property
    def key(self) -> tuple[str, str]:
        return (self.id, self.version)

    @property
    def states_scoring_rule(self) -> bool:
        """Its description already says how to score (the cumulative rule): a screen showing it need not repeat it."""
        return _SCORING_RULE_WORDS in self.description.get("en").casefold()

    def indicators(self) -> Iterator[Indicator]:
        for area in self.areas:
            yield from area.indicators

    @cached_property
    def by_id(self) -> dict[str, Indicator]:
        return {indicator.id: indicator for indicator in self.indicators()}

    @cached_property
    def area_by_id(self) -> dict[str, Area]:
        return {area.id: area for area in self.areas}

    def indicator(self, indicator_id: str) -> Indicator:
        return self.by_id[indicator_id]

    @property
    def indicator_count(self) -> int:
        return len(self.by_id)

    def missing_translations(self, also: tuple[str, ...] = ()) -> dict[str, list[str]]:
        """For each language some text is in (and each of ``also``), the places still missing it.

        Declared languages are complete (the loader insists); this finds the partial
        translations under way, which the app shows in English until they are done.
        """
        texts = list(self.texts())
        seen = {language for _, text in texts for language in text.by_language} | set(also)
        missing: dict[str, list[str]] = {}
        for language in sorted(seen):
            places = [place for place, text in texts if not text.has(language)]
            if places:
                missing[language] = places
        return missing

    def texts(self) -> Iterator[tuple[str, Text]]:
        """Every text of the form with its place, such as "OPS-03 › levels › 2"."""
        yield "title", self.title
        for area in self.areas:
            yield f"{area.id} › title", area.title
            for ind in area.indicators:
                yield f"{ind.id} › label", ind.label
                yield f"{ind.id} › guidance", ind.guidance
                for level, text in ind.levels.items():
                    parts = ind.conditions.get(level)
                    if parts:
                        for number, part in enumerate(parts, start=1):
                            yield f"{ind.id} › levels › {level} › {number}", part
                    else:
                        yield f"{ind.id} › levels › {level}", text

    def to_dict(self) -> dict:
        """The form as plain data, in the same shape as its YAML file."""
        data: dict = {
            "id": self.id,
            "version": self.version,
            "mode": self.mode,
            "languages": list(self.languages),
            "title": self.title.to_dict(),
        }
        if self.description.by_language:
            data["description"] = self.description.to_dict()
        if self.detailed_form:
            data["detailed_form"] = {"id": self.detailed_form[0], "version": self.detailed_form[1]}
        data["areas"] = [
            {
                "id": area.id,
                "title": area.title.to_dict(),
                "indicators": [_indicator_dict(ind) for ind in area.indicators],
            }
            for area in self.areas
        ]
        return data

    def meaning(self) -> dict:
        """``to_dict()`` without the method metadata: what the answers mean, which the hash covers.

        Adding or changing an indicator's primary phase or scope changes how results are
        analysed, not what a level means, so workbooks exported before still match.
        """
        data = self.to_dict()
        data.pop("detailed_form", None)
        for area in data["areas"]:
            for indicator in area["indicators"]:
                for key in METHOD_KEYS:
                    indicator.pop(key, None)
        return data


def _level_dict(ind: Indicator, level: int, text: Text) -> dict | list:
    parts = ind.conditions.get(level)
    return [part.to_dict() for part in parts] if parts else text.to_dict()


def _indicator_dict(ind: Indicator) -> dict:
    data: dict = {
        "id": ind.id,
        "label": ind.label.to_dict(),
        "guidance": ind.guidance.to_dict(),
        "levels": {level: _level_dict(ind, level, text) for level, text in ind.levels.items()},
    }
    if ind.phase:
        data["phase"] = ind.phase
    data["phases"] = list(ind.phases)
    data["scope"] = ind.scope
    data["evidence"] = list(ind.evidence)
    if ind.default_target is not None:
        data["default_target"] = ind.default_target
    if ind.replaces:
        data["replaces"] = list(ind.replaces) if len(ind.replaces) > 1 else ind.replaces[0]
    if ind.summarises:
        data["summarises"] = list(ind.summarises)
    return data


class FormError(ProblemsIn, ValueError):
    """A questionnaire file that cannot be used; ``problems`` says every place that is wrong.

    Each problem is a Line: its English as a string, and its Message for the person's language.
    """


class _Checker:
    """Collects every problem in a form's data before anything is built from it."""

    def __init__(self, vocab: Vocabulary):
        self.vocab = vocab
        self.problems: list[Line] = []
        self.languages: tuple[str, ...] = (SOURCE_LANGUAGE,)

    def problem(self, place: str, code: str, **values: object) -> None:
        """One problem: the glossary's ``messages.form_<code>``, which starts with the place."""
        self.problems.append(Line(Message.of(f"form_{code}", place=place, **values)))

    def text(self, value: object, place: str, required: bool = True) -> Text:
        if value is None:
            if required:
                self.problem(place, "text_missing", languages=_language_list(self.languages))
            return Text()
        if isinstance(value, str):
            self.problem(place, "plain_text")
            return Text({SOURCE_LANGUAGE: value})
        if not isinstance(value, Mapping):
            self.problem(place, "not_texts")
            return Text()
        texts = {}
        for language, item in value.items():
            if not isinstance(item, str):
                self.problem(f"{place} › {language}", "not_text")
                continue
            texts[str(language)] = item
        for language in self.languages:
            if not texts.get(language, "").strip():
                self.problem(place, "language_missing", language=language)
        return Text(texts)

    def mapping(self, value: object, place: str) -> Mapping:
        if not isinstance(value, Mapping):
            self.problem(place, "not_a_mapping")
            return {}
        return value


def _language_list(languages: tuple[str, ...]) -> str:
    return ", ".join(languages)


def form_from_data(data: object, source: str = "<form>", vocab: Vocabulary | None = None) -> Form:
    """Build a form from plain data, or raise FormError listing every problem found."""
    check = _Checker(vocab or vocabulary())
    if not isinstance(data, Mapping):
        raise FormError(source, [Line(Message.of("form_not_a_form"))])
    form_id = data.get("id")
    if not isinstance(form_id, str) or not FORM_ID.match(form_id):
        check.problem("id", "bad_id", value=repr(form_id))
    version = data.get("version")
    if isinstance(version, (int, float)):
        check.problem("version", "version_number", version=version)
    elif not isinstance(version, str) or not version.strip():
        check.problem("version", "version_missing")
    mode = data.get("mode", "detailed")
    if mode not in MODES:
        check.problem("mode", "mode_unknown", value=repr(mode), known=", ".join(MODES))
    languages = data.get("languages")
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        check.problem("languages", "languages_missing")
        languages = [SOURCE_LANGUAGE]
    elif SOURCE_LANGUAGE not in languages:
        check.problem("languages", "english_missing")
    check.languages = tuple(languages)
    title = check.text(data.get("title"), "title")
    description = check.text(data.get("description"), "description", required=False)
    detailed_form = _detailed_form(check, data.get("detailed_form"), mode)
    areas = _areas(check, data.get("areas"))
    if detailed_form is None and any(ind.summarises for area in areas for ind in area.indicators):
        check.problem("detailed_form", "detailed_form_missing")
    if check.problems:
        raise FormError(source, check.problems)
    return Form(
        id=form_id,
        version=version,
        mode=mode,
        languages=tuple(languages),
        title=title,
        areas=areas,
        description=description,
        source=source,
        detailed_form=detailed_form,
    )


def _detailed_form(check: _Checker, raw: object, mode: str) -> tuple[str, str] | None:
    if raw is None:
        return None
    if mode != "rapid":
        check.problem("detailed_form", "detailed_form_not_rapid")
        return None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("id"), str) or not isinstance(raw.get("version"), str):
        check.problem("detailed_form", "detailed_form_shape")
        return None
    return (raw["id"], raw["version"])


def _areas(check: _Checker, raw: object) -> tuple[Area, ...]:
    if not isinstance(raw, list) or not raw:
        check.problem("areas", "areas_missing")
        return ()
    areas = []
    seen_areas: set[str] = set()
    seen_indicators: dict[str, str] = {}
    for position, item in enumerate(raw, start=1):
        item = check.mapping(item, f"area {position}")
        area_id = item.get("id")
        if not isinstance(area_id, str) or not AREA_ID.match(area_id):
            check.problem(f"area {position} › id", "bad_area_id", value=repr(area_id))
            area_id = f"#{position}"
        elif area_id in seen_areas:
            check.problem(f"area {area_id}", "duplicate_area")
        seen_areas.add(area_id)
        title = check.text(item.get("title"), f"{area_id} › title")
        raw_indicators = item.get("indicators")
        if not isinstance(raw_indicators, list) or not raw_indicators:
            check.problem(f"{area_id} › indicators", "indicators_missing")
            raw_indicators = []
        indicators = []
        for number, raw_indicator in enumerate(raw_indicators, start=1):
            indicator = _indicator(check, area_id, number, raw_indicator, seen_indicators)
            if indicator is not None:
                indicators.append(indicator)
        areas.append(Area(area_id, title, tuple(indicators)))
    return tuple(areas)


def _indicator(
    check: _Checker, area_id: str, number: int, raw: object, seen: dict[str, str]
) -> Indicator | None:
    raw = check.mapping(raw, f"{area_id} › indicator {number}")
    if not raw:
        return None
    ind_id = raw.get("id")
    if not isinstance(ind_id, str) or not INDICATOR_ID.match(ind_id):
        check.problem(f"{area_id} › indicator {number} › id", "bad_indicator_id", value=repr(ind_id))
        ind_id = f"{area_id}-#{number}"
    elif ind_id in seen:
        check.problem(ind_id, "duplicate_indicator", area=seen[ind_id])
    seen[ind_id] = area_id
    label = check.text(raw.get("label"), f"{ind_id} › label")
    guidance = check.text(raw.get("guidance"), f"{ind_id} › guidance")
    levels, conditions = _levels(check, ind_id, raw.get("levels"))
    phases = _choices(check, ind_id, "phases", raw.get("phases"), [p.value for p in Phase])
    phase = _primary_phase(check, ind_id, raw.get("phase"), phases)
    scope = raw.get("scope", "post")
    if scope not in SCOPES:
        check.problem(f"{ind_id} › scope", "scope_unknown", value=repr(scope))
        scope = "post"
    evidence = _choices(check, ind_id, "evidence", raw.get("evidence"), list(check.vocab.evidence_types))
    default_target = raw.get("default_target")
    if default_target is not None and (type(default_target) is not int or default_target not in LEVELS):
        check.problem(f"{ind_id} › default_target", "target_not_a_level", value=repr(default_target))
        default_target = None
    replaces = raw.get("replaces", ())
    if isinstance(replaces, str):
        replaces = (replaces,)
    if not isinstance(replaces, (list, tuple)) or not all(isinstance(r, str) for r in replaces):
        check.problem(f"{ind_id} › replaces", "replaces_shape")
        replaces = ()
    summarises = raw.get("summarises", ())
    if isinstance(summarises, str):
        summarises = (summarises,)
    if not isinstance(summarises, (list, tuple)) or not all(
            isinstance(s, str) and INDICATOR_ID.match(s) for s in summarises):
        check.problem(f"{ind_id} › summarises", "summarises_shape")
        summarises = ()
    return Indicator(
        id=ind_id,
        area_id=area_id,
        label=label,
        guidance=guidance,
        levels=levels,
        phases=phases,
        evidence=evidence,
        default_target=default_target,
        replaces=tuple(replaces),
        phase=phase,
        scope=scope,
        conditions=conditions,
        summarises=tuple(summarises),
    )


def _primary_phase(check: _Checker, ind_id: str, raw: object, phases: tuple[str, ...]) -> str:
    if raw is None:
        return ""  # a form written before primary phases: the first tag (Indicator.__post_init__)
    allowed = [p.value for p in Phase]
    if raw not in allowed:
        check.problem(f"{ind_id} › phase", "phase_unknown", value=repr(raw), known=", ".join(allowed))
        return ""
    if phases and raw not in phases:
        check.problem(f"{ind_id} › phase", "phase_not_listed", value=repr(raw), phases=", ".join(phases))
    return raw


def _levels(check: _Checker, ind_id: str, raw: object) -> tuple[dict[int, Text], dict[int, tuple[Text, ...]]]:
    place = f"{ind_id} › levels"
    if isinstance(raw, list):
        check.problem(place, "levels_list")
        return {}, {}
    if not isinstance(raw, Mapping):
        check.problem(place, "levels_missing")
        return {}, {}
    # JSON (a form embedded in a workbook) turns the level numbers into text: accept both.
    raw = {int(k) if isinstance(k, str) and k.isdigit() else k: v for k, v in raw.items()}
    keys = list(raw)
    if sorted(k for k in keys if isinstance(k, int)) != list(LEVELS) or len(keys) != len(LEVELS):
        shown = ", ".join(str(k) for k in keys)
        check.problem(place, "levels_count", count=len(keys), shown=shown)
    levels: dict[int, Text] = {}
    conditions: dict[int, tuple[Text, ...]] = {}
    for level, value in sorted(raw.items(), key=lambda item: str(item[0])):
        if not isinstance(level, int):
            continue
        if isinstance(value, list):  # several conditions, each one text in every language
            if not value:
                check.problem(f"{place} › {level}", "conditions_empty")
            parts = tuple(check.text(part, f"{place} › {level} › {number}")
                          for number, part in enumerate(value, start=1))
            conditions[level] = parts
            levels[level] = _joined(parts)
        else:
            levels[level] = check.text(value, f"{place} › {level}")
    return levels, conditions


def _joined(parts: tuple[Text, ...]) -> Text:
    languages = {language for part in parts for language in part.by_language}
    return Text({language: _CONDITION_JOIN.get(language, "; ").join(part.get(language) for part in parts)
                 for language in sorted(languages)})


def _choices(check: _Checker, ind_id: str, name: str, raw: object, allowed: list[str]) -> tuple[str, ...]:
    place = f"{ind_id} › {name}"
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        check.problem(place, "choices_missing", known=", ".join(allowed))
        return ()
    for value in raw:
        if value not in allowed:
            check.problem(place, "choice_unknown", value=repr(value), known=", ".join(allowed))
    return tuple(v for v in raw if v in allowed)


def load_form(path: Path) -> Form:
    """Read and check one questionnaire file; raise FormError naming every problem."""
    from hbm_assess.core.yaml_text import YAMLError, load_yaml  # loaded on first use: a faster start

    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise FormError(source, [Line(Message.of("form_no_such_file"))]) from None
    except UnicodeDecodeError as error:
        raise FormError(source, [Line(Message.of("form_not_utf8", byte=error.start))]) from None
    except OSError as error:
        raise FormError(source, [Line(Message.of("form_unreadable", reason=error))]) from None
    try:
        data = load_yaml(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = Message.of("form_yaml_at", line=mark.line + 1, column=mark.column + 1) if mark else ""
        raise FormError(source, [Line(Message.of("form_not_yaml", where=where, reason=error))]) from None
    return form_from_data(data, source)


def installed_forms(directory: Path | None = None) -> dict[tuple[str, str], Form]:
    """Every questionnaire shipped in ``forms/``, keyed by (id, version); a broken file raises."""
    from hbm_assess.locations import forms_dir

    forms = {}
    for path in sorted((directory or forms_dir()).glob("*.yaml")):
        form = load_form(path)
        forms[form.key] = form
    return forms


_HEADER = re.compile(r"""^(id|version):[ \t]*["']?([^"'\s#]+)""", re.MULTILINE)


def shipped_form(key: tuple[str, str]) -> Form | None:
    """The questionnaire the app ships under this id and version, if any.

    Only the file that names it is parsed (once a process): parsing every shipped form in
    the import's thread would hold the interpreter for a second while the window saves.
    """
    for path in sorted(_forms_dir().glob("*.yaml")):
        if _header(path) == key:
            return _shipped(path)
    return None


def load_shipped_forms() -> None:
    """Parse every shipped questionnaire now (the app's background warm-up), so opening one later does not."""
    for path in sorted(_forms_dir().glob("*.yaml")):
        if _header(path) is not None:
            _shipped(path)


@cache
def _header(path: Path) -> tuple[str, str] | None:
    try:
        head = path.read_text(encoding="utf-8")[:2000]
    except OSError:
        return None
    found = dict(match.groups() for match in _HEADER.finditer(head))
    return (found["id"], found["version"]) if {"id", "version"} <= found.keys() else None


@cache
def _shipped(path: Path) -> Form:
    return load_form(path)


def _forms_dir() -> Path:
    from hbm_assess.locations import forms_dir

    return forms_dir()


def latest(forms: Mapping[tuple[str, str], Form], form_id: str) -> Form:
    """The newest installed version of a form."""
    versions = [form for (fid, _), form in forms.items() if fid == form_id]
    if not versions:
        raise KeyError(form_id)
    return max(versions, key=lambda form: version_key(form.version))


def version_key(version: str) -> tuple:
    """Sort key for versions such as "1.0", "1.10", "2.0-beta": numbers compare as numbers."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part) for part in re.split(r"[.-]", version))


def family(form_id: str) -> str:
    """The questionnaire family a form belongs to: its id without the last part ("hbm-rapid" → "hbm")."""
    return form_id.rsplit("-", 1)[0]


def summary_problems(form: Form, forms: Mapping[tuple[str, str], Form]) -> list[Line]:
    """Where a rapid form's ``summarises`` lists cannot be followed into its detailed form."""
    if form.detailed_form is None:
        return []
    detailed_id, detailed_version = form.detailed_form
    detailed = forms.get(form.detailed_form)
    if detailed is None:
        return [Line(Message.of("form_detailed_not_installed", form=detailed_id, version=detailed_version))]
    problems = []
    if detailed.mode != "detailed" or family(detailed.id) != family(form.id):
        problems.append(Line(Message.of("form_detailed_other_family", form=detailed_id, version=detailed_version,
                                        family=family(form.id))))
    for indicator in form.indicators():
        unknown = [i for i in indicator.summarises if i not in detailed.by_id]
        if unknown:
            problems.append(Line(Message.of("form_summarises_unknown", indicator=indicator.id,
                                            unknown=", ".join(unknown), form=detailed_id, version=detailed_version)))
    return problems
