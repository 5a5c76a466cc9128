"""The controlled vocabularies shared by every questionnaire: levels, phases, evidence types."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from hbm_assess.core.text import Text
from hbm_assess.locations import data_dir

LEVELS = (1, 2, 3, 4, 5)
MAX_LEVEL = 5


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
    target_policies: dict[str, Term]
    output_kinds: dict[str, Term]
    consensus: dict[str, Term]  # the plenary's words: unsettled, agreed, …

    def level_name(self, level: int, language: str = "en") -> str:
        return self.levels[level].name.get(language)

    def answer_name(self, level: int | None, special: str | None, language: str = "en") -> str:
        if level is not None:
            return self.level_name(level, language)
        if special is not None:
            return self.special_answers[special].name.get(language)
        return ""


def _terms(entries: list[dict], key_type=str) -> dict:
    terms = {}
    for entry in entries:
        names = {k: v for k, v in entry.items() if k != "id"}
        terms[key_type(entry["id"])] = Term(str(entry["id"]), Text(names))
    return terms


def load_vocabulary(path: Path | None = None) -> Vocabulary:
    from hbm_assess.core.yaml_text import load_yaml  # loaded on first use: a faster start

    path = path or data_dir() / "vocabulary.yaml"
    raw = load_yaml(path.read_text(encoding="utf-8"))
    return Vocabulary(
        levels=_terms(raw["levels"], int),
        special_answers=_terms(raw["special_answers"]),
        phases=_terms(raw["phases"]),
        evidence_types=_terms(raw["evidence_types"]),
        confidence=_terms(raw["confidence"]),
        site_types=_terms(raw["site_types"]),
        scopes=_terms(raw["scopes"]),
        target_policies=_terms(raw["target_policies"]),
        output_kinds=_terms(raw["output_kinds"]),
        consensus=_terms(raw["consensus"]),
    )


@cache
def vocabulary() -> Vocabulary:
    """The vocabulary shipped with the app, loaded once."""
    return load_vocabulary()
