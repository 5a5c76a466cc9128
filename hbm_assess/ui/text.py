"""Names shown in the app, translated: levels, statuses, phases, evidence types."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor

from hbm_assess.core.messages import isolated_left_to_right, text_of
from hbm_assess.core.site_names import site_said
from hbm_assess.core.text import LANGUAGES
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.palette import level_fill, level_hex

_language = "en"


def language_names() -> dict[str, str]:
    """Each language the app speaks named in itself, so anyone can find their own."""
    return {code: vocabulary().word("language_name", code) for code in LANGUAGES}


def set_language(language: str) -> None:
    """The language of questionnaire text and vocabulary names shown in the app."""
    global _language
    _language = language


def language() -> str:
    return _language


def path(value: object) -> str:
    """A file's path (or name) as the window shows it inside a sentence: left to right, also in Arabic and Kurdish."""
    return isolated_left_to_right(str(value), _language)


def said(error: BaseException | str) -> str:
    """What an error says, in the app's language, its file paths laid out left to right (core.messages.text_of)."""
    return text_of(error, _language, paths_isolated=True)


def word(key: str, **values: object) -> str:
    """A glossary word in the app's language (core.vocabulary.word)."""
    return vocabulary().word(key, _language, **values)


def status_name(status: str) -> str:
    return vocabulary().label("assessment_statuses", status, _language)


def priority_name(priority: str) -> str:
    return vocabulary().label("priorities", priority, _language)


def timeframe_name(timeframe: str) -> str:
    return vocabulary().label("timeframes", timeframe, _language)


def action_status_name(status: str) -> str:
    return vocabulary().label("action_statuses", status, _language)


def level_name(level: int) -> str:
    return vocabulary().level_name(level, _language)


def special_name(special: str) -> str:
    return vocabulary().special_answers[special].name.get(_language)


def phase_name(phase: str) -> str:
    return vocabulary().phases[phase].name.get(_language)


def evidence_name(evidence_type: str) -> str:
    term = vocabulary().evidence_types.get(evidence_type)
    return term.name.get(_language) if term else evidence_type


def confidence_name(confidence: str) -> str:
    term = vocabulary().confidence.get(confidence)
    return term.name.get(_language) if term else confidence


def site_type_name(site_type: str) -> str:
    term = vocabulary().site_types.get(site_type)
    return term.name.get(_language) if term else site_type


def scope_name(scope: str) -> str:
    term = vocabulary().scopes.get(scope)
    return term.name.get(_language) if term else scope


def target_policy_name(policy: str) -> str:
    term = vocabulary().target_policies.get(policy)
    return term.name.get(_language) if term else policy


def site_name(name: str, reference_id: str = "", country: str = "") -> str:
    """A site's name in the app's language when it is a known crossing point's name, else as typed (``site_said``)."""
    return site_said(name, _language, reference_id, country)


def level_colour(level: float | None, light: bool = False) -> QColor:
    return QColor(level_fill(level) if light else level_hex(level))


def number(value: float, decimals: int = 1) -> str:
    """A number in the digits and decimal sign of the app's language."""
    return QLocale().toString(float(value), "f", decimals)
