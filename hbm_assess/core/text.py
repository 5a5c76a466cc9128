"""Text in several languages, with a visible fallback to English."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

SOURCE_LANGUAGE = "en"
LANGUAGES = ("en", "ar", "ckb")  # what the app speaks: English, Arabic, Kurdish Sorani; defined here only
RIGHT_TO_LEFT = frozenset({"ar", "ckb", "fa", "ur", "he"})


@dataclass(frozen=True)
class Text:
    """One piece of questionnaire text in every language it was written in."""

    by_language: Mapping[str, str] = field(default_factory=dict)

    def get(self, language: str) -> str:
        """The text in ``language``, or in English when that translation is missing."""
        value = self.by_language.get(language)
        if value:
            return value
        return self.by_language.get(SOURCE_LANGUAGE, "")

    def has(self, language: str) -> bool:
        return bool(self.by_language.get(language, "").strip())

    def __str__(self) -> str:
        return self.get(SOURCE_LANGUAGE)

    def to_dict(self) -> dict[str, str]:
        return dict(self.by_language)


def is_right_to_left(language: str) -> bool:
    return language.split("_")[0].split("-")[0] in RIGHT_TO_LEFT


def language_of(language: str) -> str:
    """One of LANGUAGES for any language name ("ar_IQ" → "ar"); English for the rest."""
    base = (language or SOURCE_LANGUAGE).split("_")[0].split("-")[0]
    return base if base in LANGUAGES else SOURCE_LANGUAGE
