"""Preferred terms in each language (data/terms.yaml) and the variants a form check warns about."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hbm_assess.core.messages import Line, Message, ProblemsIn
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


class TermsError(ProblemsIn, ValueError):
    """data/terms.yaml cannot be used; each problem (a Line) names the term and what to fix."""


def load_terms(path: Path | None = None) -> tuple[PreferredTerm, ...]:
    """Read and check the preferred terms; raise TermsError naming every problem."""
    from hbm_assess.core.yaml_text import load_yaml

    path = path or data_dir() / "terms.yaml"
    data = load_yaml(path.read_text(encoding="utf-8"))
    problems = terms_problems(data)
    if problems:
        raise TermsError(path, problems)
    return tuple(
        PreferredTerm(item["id"], Text({lang: item[lang] for lang in LANGUAGES}),
                      {lang: tuple(words) for lang, words in (item.get("variants") or {}).items()})
        for item in data["terms"]
    )


@cache
def preferred_terms() -> tuple[PreferredTerm, ...]:
    return load_terms()


def terms_problems(data: object) -> list[Line]:
    """What is wrong with the preferred terms' data, each problem naming its term (glossary ``terms_*``)."""
    if not isinstance(data, Mapping) or not isinstance(data.get("terms"), list):
        return [Line(Message.of("terms_no_list"))]
    problems, seen = [], set()

    def problem(code: str, **values: object) -> None:
        problems.append(Line(Message.of(f"terms_{code}", **values)))

    for number, item in enumerate(data["terms"], start=1):
        if not isinstance(item, Mapping) or not isinstance(item.get("id"), str):
            problem("entry_incomplete", number=number)
            continue
        term = item["id"]
        if term in seen:
            problem("defined_twice", term=term)
        seen.add(term)
        for lang in LANGUAGES:
            if not isinstance(item.get(lang), str) or not item[lang].strip():
                problem("word_missing", term=term, language=lang)
        variants = item.get("variants") or {}
        if not isinstance(variants, Mapping):
            problem("variants_per_language", term=term)
            continue
        for lang, words in variants.items():
            if lang not in LANGUAGES or not isinstance(words, list) or not all(
                    isinstance(w, str) and w.strip() for w in words):
                problem("variants_list", term=term, language=lang)
                continue
            preferred = str(item.get(lang, ""))
            for word in words:
                if word.casefold() in preferred.casefold():
                    problem("variant_in_preferred", term=term, language=lang, variant=repr(word),
                            preferred=repr(preferred))
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
