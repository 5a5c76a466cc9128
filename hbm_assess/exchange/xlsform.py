"""The questionnaire as an XLSForm, for collecting on phones and tablets with KoboToolbox or ODK.

One page (a ``field-list`` group) per indicator; field names come from the indicator ids, so
they stay the same from one form version to the next and submissions of every version are
read back the same way (exchange/submissions.py). docs/kobo-odk.md tells how to use it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from hbm_assess.core.questionnaire import Form, Indicator
from hbm_assess.core.reference import crossing_points, institutions
from hbm_assess.core.text import Text
from hbm_assess.core.vocabulary import LEVELS, Special, Vocabulary, in_every_language, vocabulary, word
from hbm_assess.files import write_whole

# XLSForm language columns: "Name (code)". No parentheses inside the name (pyxform's parser is
# greedy) and "ckb" for Sorani: "ku" would mean Kurmanji, written left to right in Latin letters.
LANGUAGE_NAMES = {"en": "English (en)", "ar": "Arabic (ar)", "ckb": "Kurdish Sorani (ckb)"}
DEFAULT_LANGUAGE = "en"

# Field names other than the indicators' own.
FORM_FIELD = "hbm_form"            # the calculate field: "<form id>@<version>", since Kobo replaces `version`
FORM_SEPARATOR = "@"
IDENTITY_GROUP = "assessment"
SITE, SITE_OTHER, DATE, ASSESSORS, INSTITUTIONS = "site", "site_other", "assessment_date", "assessors", "institutions"
OTHER_SITE = "other"
ANSWER_PARTS = ("level", "target", "evidence_type", "evidence", "notes")

# Choice lists shared by every indicator.
SITES_LIST, INSTITUTIONS_LIST, TARGETS_LIST, EVIDENCE_LIST = "crossing_points", "institutions", "targets", "evidence"



def field_stem(indicator_id: str) -> str:
    """The stem of an indicator's field names: "OPS-03" → "ops_03" (no '-', which ODK Central joins groups with)."""
    return indicator_id.lower().replace("-", "_")


def field_name(indicator_id: str, part: str) -> str:
    return f"{field_stem(indicator_id)}_{part}"


def form_reference(form: Form) -> str:
    return f"{form.id}{FORM_SEPARATOR}{form.version}"


def institution_choice(institution_id: str) -> str:
    return institution_id.replace("-", "_")


def level_label(level: int, indicator: Indicator, vocab: Vocabulary, language: str) -> str:
    """A level's choice label: its number and name, then what it means for this indicator."""
    return f"{level} · {vocab.level_name(level, language)}: {indicator.levels[level].get(language)}"


def question_label(indicator_id: str, part: str, language: str) -> str:
    """A question's label, with the indicator id so that Kobo's label headers stay unique."""
    return f"{indicator_id} · {word(part if part != 'evidence' else 'evidence_text', language)}"


@dataclass(frozen=True)
class XLSForm:
    """The three sheets, each a header and rows, ready to write."""

    survey: list[dict[str, str]]
    choices: list[dict[str, str]]
    settings: dict[str, str]
    languages: tuple[str, ...]

    def columns(self, sheet: str) -> list[str]:
        base = {"survey": ["type", "name"], "choices": ["list_name", "name"]}[sheet]
        seen = list(base)
        for row in getattr(self, sheet):
            seen += [key for key in row if key not in seen]
        return seen


class _Sheets:
    """Collects survey and choice rows with their text in every language of the form."""

    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        self.survey: list[dict[str, str]] = []
        self.choices: list[dict[str, str]] = []

    def translated(self, column: str, texts: dict[str, str]) -> dict[str, str]:
        return {f"{column}::{LANGUAGE_NAMES[lang]}": texts.get(lang) or texts["en"] for lang in self.languages}

    def question(self, type_: str, name: str, label: dict[str, str] | None = None, **extra) -> None:
        row = {"type": type_, "name": name}
        if label is not None:
            row.update(self.translated("label", label))
        for key, value in extra.items():
            if isinstance(value, dict):
                row.update(self.translated(key, value))
            elif value:
                row[key] = value
        self.survey.append(row)

    def choice(self, list_name: str, name: str, label: dict[str, str]) -> None:
        self.choices.append({"list_name": list_name, "name": name, **self.translated("label", label)})


def build_xlsform(form: Form, vocab: Vocabulary | None = None) -> XLSForm:
    """The XLSForm of one questionnaire version."""
    vocab = vocab or vocabulary()
    languages = tuple(lang for lang in LANGUAGE_NAMES if lang in form.languages)
    sheets = _Sheets(languages)
    _identity(sheets)
    sheets.question("calculate", FORM_FIELD, calculation=f"'{form_reference(form)}'")
    for indicator in form.indicators():
        _indicator(sheets, indicator, vocab)
    _shared_choices(sheets, vocab)
    settings = {
        "form_title": form.title.get(DEFAULT_LANGUAGE),
        "form_id": form.id,
        "version": form.version,
        "default_language": LANGUAGE_NAMES[DEFAULT_LANGUAGE],
        "style": "pages",
    }
    return XLSForm(sheets.survey, sheets.choices, settings, languages)


def _identity(sheets: _Sheets) -> None:
    sheets.question("begin_group", IDENTITY_GROUP, in_every_language("identity"), appearance="field-list")
    sheets.question(f"select_one {SITES_LIST}", SITE, in_every_language("site"), required="yes")
    sheets.question("text", SITE_OTHER, in_every_language("site_other"), required="yes",
                    relevant=f"${{{SITE}}} = '{OTHER_SITE}'")
    sheets.question("date", DATE, in_every_language("date"), required="yes")
    sheets.question("text", ASSESSORS, in_every_language("assessors"), hint=in_every_language("assessors_hint"),
                    appearance="multiline")
    sheets.question(f"select_multiple {INSTITUTIONS_LIST}", INSTITUTIONS, in_every_language("institutions"))
    sheets.question("end_group", "")


def _indicator(sheets: _Sheets, indicator: Indicator, vocab: Vocabulary) -> None:
    stem = field_stem(indicator.id)
    level = field_name(indicator.id, "level")
    title = {lang: f"{indicator.id} · {indicator.label.get(lang)}" for lang in LANGUAGE_NAMES}
    sheets.question("begin_group", stem, title, appearance="field-list")
    sheets.question(f"select_one {stem}_levels", level, _question(indicator.id, "level"),
                    hint=_all(indicator.guidance))
    specials = " and ".join(f"${{{level}}} != '{special.value}'" for special in Special)
    sheets.question(f"select_one {TARGETS_LIST}", field_name(indicator.id, "target"),
                    _question(indicator.id, "target"),
                    relevant=f"${{{level}}} != '' and {specials}",
                    constraint=f". >= ${{{level}}}", constraint_message=in_every_language("target_too_low"))
    sheets.question(f"select_one {EVIDENCE_LIST}", field_name(indicator.id, "evidence_type"),
                    _question(indicator.id, "evidence_type"))
    sheets.question("text", field_name(indicator.id, "evidence"), _question(indicator.id, "evidence"),
                    appearance="multiline")
    sheets.question("text", field_name(indicator.id, "notes"), _question(indicator.id, "notes"),
                    appearance="multiline")
    sheets.question("end_group", "")
    for value in LEVELS:
        sheets.choice(f"{stem}_levels", str(value),
                      {lang: level_label(value, indicator, vocab, lang) for lang in LANGUAGE_NAMES})
    for special in Special:
        sheets.choice(f"{stem}_levels", special.value, _all(vocab.special_answers[special.value].name))


def _question(indicator_id: str, part: str) -> dict[str, str]:
    return {lang: question_label(indicator_id, part, lang) for lang in LANGUAGE_NAMES}


def _all(text: Text) -> dict[str, str]:
    return {lang: text.get(lang) for lang in LANGUAGE_NAMES}


def _shared_choices(sheets: _Sheets, vocab: Vocabulary) -> None:
    for point in crossing_points():
        sheets.choice(SITES_LIST, site_choice(point.id), _all(point.name))
    sheets.choice(SITES_LIST, OTHER_SITE, in_every_language("other_site"))
    for institution in institutions():
        sheets.choice(INSTITUTIONS_LIST, institution_choice(institution.id),
                      {lang: institution.display(lang) for lang in LANGUAGE_NAMES})
    for value in LEVELS:
        sheets.choice(TARGETS_LIST, str(value), {lang: f"{value} · {vocab.level_name(value, lang)}"
                                                 for lang in LANGUAGE_NAMES})
    for term_id, term in vocab.evidence_types.items():
        sheets.choice(EVIDENCE_LIST, evidence_choice(term_id), _all(term.name))


def site_choice(crossing_point_id: str) -> str:
    return crossing_point_id.replace("-", "_")


def evidence_choice(evidence_type: str) -> str:
    return evidence_type.replace("-", "_")


def rows(xlsform: XLSForm, sheet: str) -> Iterator[list[str]]:
    """A sheet as rows of cells, header first."""
    if sheet == "settings":
        yield list(xlsform.settings)
        yield list(xlsform.settings.values())
        return
    columns = xlsform.columns(sheet)
    yield columns
    for row in getattr(xlsform, sheet):
        yield [row.get(column, "") for column in columns]


def write_xlsform(form: Form, target: Path) -> Path:
    """Write the XLSForm of ``form`` to ``target`` (whole: the old file survives any error)."""
    from openpyxl import Workbook

    xlsform = build_xlsform(form)
    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in ("survey", "choices", "settings"):
        worksheet = workbook.create_sheet(sheet)
        for row in rows(xlsform, sheet):
            worksheet.append(row)
    with write_whole(Path(target)) as temporary:
        workbook.save(temporary)
    return Path(target)
