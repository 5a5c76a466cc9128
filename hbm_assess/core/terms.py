"""Preferred terms in each language (data/terms.yaml) and the variants a form check warns about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hbm_assess.core.messages import Line, Message
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.text import LANGUAGES, Text
from hbm_assess.locations import data_dir

# Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹, Persian and Kurdish) digits: the app writes 0-9 everywhere.
EASTERN_DIGITS = re.compile(r"[\u0660-\u0669\u06F0-\u06F9]")


@dataclass(frozen=True)
class PreferredTerm:
    id: str
    preferred: Text
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


class TermsError(ValueError):
    """data/terms.yaml cannot be used; the message names the term and what to fix."""


def load_terms(path: Path | None = None) -> tuple[PreferredTerm, ...]:
    """Read and check the preferred terms; raise TermsError naming every problem."""
    from hbm_assess.core.yaml_text import load_yaml

    path = path or data_dir() / "terms.yaml"
    data = load_yaml(path.read_text(encoding="utf-8"))
    problems = terms_problems(data)
    if problems:
        raise TermsError("\n".join(f"{path}: {problem}" for problem in problems))
    return tuple(
        PreferredTerm(item["id"], Text({lang: item[lang] for lang in LANGUAGES}),
                      {lang: tuple(words) for lang, words in (item.get("variants") or {}).items()})
        for item in data["terms"]
    )


@cache
def preferred_terms() -> tuple[PreferredTerm, ...]:
    return load_terms()


def terms_problems(data: object) -> list[str]:
    """What is wrong with the preferred terms' data, each problem naming its term."""
    if not isinstance(data, Mapping) or not isinstance(data.get("terms"), list):
        return ["the file must hold 'terms:', a list of preferred terms"]
    problems, seen = [], set()
    for number, item in enumerate(data["terms"], start=1):
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            problems.append(f"term {number}: give an id and the preferred word in en, ar and ckb")
            continue
        term = item["id"]
        if term in seen:
            problems.append(f"{term}: defined twice")
        seen.add(term)
        for lang in LANGUAGES:
            if not isinstance(item.get(lang), str) or not item[lang].strip():
                problems.append(f"{term}: the preferred '{lang}' word is missing")
        variants = item.get("variants") or {}
        if not isinstance(variants, Mapping):
            problems.append(f"{term} › variants: write them per language, e.g. ar: [\"...\"]")
            continue
        for lang, words in variants.items():
            if lang not in LANGUAGES or not isinstance(words, list) or not all(
                    isinstance(w, str) and w.strip() for w in words):
                problems.append(f"{term} › variants › {lang}: a list of words in en, ar or ckb")
                continue
            preferred = str(item.get(lang, ""))
            for word in words:
                if word.casefold() in preferred.casefold():
                    problems.append(f"{term} › variants › {lang}: {word!r} is part of the preferred {preferred!r}, "
                                    "so every correct use would be flagged")
    return problems


def term_warnings(form: Form, terms: tuple[PreferredTerm, ...] | None = None) -> list[Line]:
    """Each place in a form that writes a variant instead of the preferred term, or digits other than 0-9."""
    terms = preferred_terms() if terms is None else terms
    warnings = []
    for place, text in form.texts():
        for lang, value in text.by_language.items():
            folded = value.casefold()
            for term in terms:
                found = [variant for variant in term.variants.get(lang, ()) if variant.casefold() in folded]
                if found:  # the longest: "الكمارك" rather than the "كمارك" inside it
                    warnings.append(Line(Message.of("term_variant", place=f"{place} › {lang}",
                                                    variant=repr(max(found, key=len)),
                                                    preferred=repr(term.preferred.get(lang)), term=term.id)))
            digits = sorted(set(EASTERN_DIGITS.findall(value)))
            if digits:
                warnings.append(Line(Message.of("term_digits", place=f"{place} › {lang}", digits="".join(digits))))
    return warnings
