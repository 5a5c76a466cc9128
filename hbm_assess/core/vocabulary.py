"""The glossary: every domain word and value label in every language, from ``data/vocabulary.yaml``.

Levels, phases, evidence types, priorities, timeframes, statuses, sheet and column titles,
chart words: one file holds them, ``word`` reads them. Exports, charts, the report and the
window all ask here; Qt's translation files are for widget text only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from hbm_assess.core.text import LANGUAGES, Text, language_of
from hbm_assess.locations import data_dir

LEVELS = (1, 2, 3, 4, 5)
MAX_LEVEL = 5
# The lists of values in the glossary, in file order; each value's id is the code data columns carry.
LISTS = ("levels", "special_answers", "phases", "evidence_types", "confidence", "site_types", "output_kinds",
         "consensus", "scopes", "priorities", "timeframes", "action_statuses", "assessment_statuses", "answer_statuses",
         "roles", "target_policies")


class Special(StrEnum):
    """Answers that are not a level and never count as a score."""

    NA = "na"
    UNKNOWN = "unknown"


class Phase(StrEnum):
    """The three MCOF crisis phases."""

    PRE_CRISIS = "pre-crisis"
    EMERGENCY = "emergency"
    POST_CRISIS = "post-crisis"


@dataclass(frozen=True)
class Term:
    id: str
    name: Text


@dataclass(frozen=True)
class Vocabulary:
    levels: dict[int, Term]
    special_answers: dict[str, Term]
    phases: dict[str, Term]
    evidence_types: dict[str, Term]
    confidence: dict[str, Term]
    site_types: dict[str, Term]
    scopes: dict[str, Term]
    priorities: dict[str, Term]
    timeframes: dict[str, Term]
    action_statuses: dict[str, Term]
    assessment_statuses: dict[str, Term]
    answer_statuses: dict[str, Term]
    roles: dict[str, Term]
    target_policies: dict[str, Term]
    output_kinds: dict[str, Term]
    consensus: dict[str, Term]  # the plenary's words: unsettled, agreed, …
    words: dict[str, Text]
    messages: Mapping[str, Text]

    def level_name(self, level: int, language: str = "en") -> str:
        return self.levels[level].name.get(language)

    def answer_name(self, level: int | None, special: str | None, language: str = "en") -> str:
        if level is not None:
            return self.level_name(level, language)
        if special is not None:
            return self.special_answers[special].name.get(language)
        return ""

    def word(self, key: str, language: str = "en", **values: object) -> str:
        """The glossary's ``key`` in ``language`` (English where a language lacks it), ``{name}`` filled in.

        ``key`` is a word ("mean_target") or a list and a value ("priorities.high").
        An unknown key is a mistake in the code and raises KeyError.
        """
        text = self.text(key).get(language_of(language))
        return text.format(**values) if values else text

    def text(self, key: str) -> Text:
        """The glossary's ``key`` in every language."""
        kind, _, value = key.partition(".")
        if not value:
            return self.words[key]
        if kind == "messages":
            return self.messages[value]
        terms = getattr(self, kind) if kind in LISTS else {}
        term = terms.get(int(value) if kind == "levels" and value.isdigit() else value)
        if term is None:
            raise KeyError(key)
        return term.name

    def label(self, kind: str, value: str, language: str = "en") -> str:
        """The name of a value of one list; a value the list does not know shows as itself."""
        term = getattr(self, kind).get(value)
        return term.name.get(language_of(language)) if term else value


def _terms(entries: list[dict], key_type=str) -> dict:
    terms = {}
    for entry in entries:
        names = {k: v for k, v in entry.items() if k != "id"}
        terms[key_type(entry["id"])] = Term(str(entry["id"]), Text(names))
    return terms


# The messages, the file's last and largest part, are read when a message is first said: the
# first screen needs only the words (about 25 ms of the start, #20).
_MESSAGES_LAST = re.compile(r"^messages:[ \t]*$(?![\s\S]*^[^\s#-])", re.MULTILINE)


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    """The glossary at ``path``; without one, the shipped glossary, its words read from the cache when unchanged."""
    if path is None:
        # The start's words without PyYAML: the parse kept by content (core/yaml_cache.py, #20).
        from hbm_assess.core.yaml_cache import load_yaml_kept

        path, load = data_dir() / "vocabulary.yaml", lambda text: load_yaml_kept(text, "vocabulary-words")
    else:
        from hbm_assess.core.yaml_text import load_yaml as load
    text = path.read_text(encoding="utf-8")
    last = _MESSAGES_LAST.search(text)
    raw = load(text[:last.start()] if last else text) or {}
    messages = _Later(text[last.start():]) if last else _texts(raw.get("messages"))
    lists = {kind: _terms(raw.get(kind) or [], int if kind == "levels" else str) for kind in LISTS}
    return Vocabulary(**lists, words=_texts(raw.get("words")), messages=messages)


class _Later(Mapping):
    """The ``messages:`` part of the glossary, parsed the first time it is read."""

    def __init__(self, text: str):
        self._text: str | None = text
        self._texts: dict[str, Text] = {}

    def _loaded(self) -> dict[str, Text]:
        if self._text is not None:
            from hbm_assess.core.yaml_text import load_yaml

            self._texts, self._text = _texts((load_yaml(self._text) or {}).get("messages")), None
        return self._texts

    def __getitem__(self, key: str) -> Text:
        return self._loaded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())


def _texts(entries: dict | None) -> dict[str, Text]:
    return {key: Text(dict(names)) for key, names in (entries or {}).items()}


@cache
def vocabulary() -> Vocabulary:
    """The glossary shipped with the app, loaded once."""
    return load_vocabulary()


def word(key: str, language: str = "en", **values: object) -> str:
    """A glossary word in ``language``: the one lookup every module uses (see Vocabulary.word)."""
    return vocabulary().word(key, language, **values)


def in_every_language(key: str) -> dict[str, str]:
    """A glossary word in each of the app's languages, as import recognises any of them."""
    text = vocabulary().text(key)
    return {language: text.get(language) for language in LANGUAGES}


def glossary_problems(path: Path) -> list[str]:
    """What is wrong with a glossary file: a missing language, a key or English word defined twice."""
    import yaml

    problems: list[str] = []
    root = yaml.compose(path.read_text(encoding="utf-8"))
    _duplicate_keys(root, path.name, problems)
    glossary = load_vocabulary(path)
    by_english: dict[str, tuple[str, dict]] = {}
    entries = [(f"{kind}.{term.id}", term.name) for kind in LISTS for term in getattr(glossary, kind).values()]
    entries += [(key, text) for key, text in glossary.words.items()]
    entries += [(f"messages.{key}", text) for key, text in glossary.messages.items()]
    for key, text in entries:
        missing = [language for language in LANGUAGES if not text.has(language)]
        if missing:
            problems.append(f"{path.name}: {key} has no {', '.join(missing)}")
        english = text.get("en").strip().casefold()
        if english in by_english:
            first, names = by_english[english]
            in_words = not _is_value(key) or not _is_value(first)
            if in_words or names != dict(text.by_language):
                problems.append(f"{path.name}: “{text.get('en')}” is defined twice, as {first} and as {key}; "
                                "keep one, or give both the same names")
        else:
            by_english[english] = (key, dict(text.by_language))
        eastern = [language for language in LANGUAGES if any("٠" <= ch <= "٩" or "۰" <= ch <= "۹"
                                                             for ch in text.get(language))]
        if eastern:
            problems.append(f"{path.name}: {key} writes digits other than 0-9 in {', '.join(eastern)}")
    return problems


def _is_value(key: str) -> bool:
    return "." in key and not key.startswith("messages.")


def _duplicate_keys(node, where: str, problems: list[str]) -> None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            if key.value in seen:
                problems.append(f"{where}: {key.value} is defined twice (line {key.start_mark.line + 1})")
            seen.add(key.value)
            _duplicate_keys(value, key.value, problems)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _duplicate_keys(item, where, problems)
