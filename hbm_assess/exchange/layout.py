"""The layout of an exported workbook: its sheets, columns, HXL hashtags and their names in each language.

Export writes cells with the ``*_cells`` functions below; import compares what it reads
with the same functions, so a cell nobody touched is always recognised as untouched.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hbm_assess.core.assessment import Action, Answer, Assessment
from hbm_assess.core.cell_text import LIST_SEPARATOR  # one separator, as stored and as written
from hbm_assess.core.questionnaire import Indicator
from hbm_assess.core.reference import institution_name, site_name
from hbm_assess.core.scoring import target_for
from hbm_assess.core.targets import DEFAULT_POLICY
from hbm_assess.core.text import LANGUAGES, language_of  # noqa: F401  (language_of: for the exporters)
from hbm_assess.core.vocabulary import Term, Vocabulary, in_every_language, vocabulary
from hbm_assess.core.vocabulary import word as glossary_word

FORMAT = "hbm-assess-workbook"
FORMAT_VERSION = 2  # 2: the content hash covers the revision and questionnaire; the lineage row
MACHINE_SHEET = "_hbm"
# Headings that are a value's name in the glossary rather than a word of their own.
_HEADING_KEYS = {"responsible": "roles.responsible", "scored": "answer_statuses.scored",
                 "not_applicable": "answer_statuses.na", "unknown": "answer_statuses.unknown",
                 "unanswered": "answer_statuses.unanswered"}
SHEET_KEYS = ("summary", "answers", "gaps", "plan")
# Short forms people type into the level column for the two answers that are not levels.
SPECIAL_ALIASES = {"n/a": "na", "na": "na", "not applicable": "na", "?": "unknown", "unknown": "unknown"}


@dataclass(frozen=True)
class Column:
    key: str
    hxl: str
    width: int
    wrap: bool = False
    editable: bool = False
    older_hxl: tuple[str, ...] = ()  # what workbooks of earlier versions tagged it, still read on import


# Data columns carry codes, the same in every language; the *_name columns beside them carry the
# words, in the workbook's language. HXL: core hashtags where HXL 1.1 has one (#indicator, #loc,
# #adm1, #org, #date, #status...), #x_ extensions for the rest; never #sector, HXL's cluster.
ANSWER_COLUMNS = (
    Column("area", "#x_area+code", 8),
    Column("indicator", "#indicator+code", 11),
    Column("indicator_text", "#indicator+name", 45, wrap=True),
    Column("level", "#indicator+level+num", 9, editable=True, older_hxl=("#x_level",)),
    Column("answer_status", "#x_answer+status+code", 12, editable=True),
    Column("level_name", "#indicator+level+name", 22, wrap=True, older_hxl=("#x_level+name",)),
    Column("target", "#indicator+target+num", 9, editable=True, older_hxl=("#x_target",)),
    Column("gap", "#indicator+gap+num", 7, older_hxl=("#x_gap",)),
    Column("evidence_type", "#x_evidence+type+code", 14, editable=True, older_hxl=("#x_evidence+type",)),
    Column("evidence_type_name", "#x_evidence+type+name", 20, wrap=True),
    Column("evidence_reference", "#x_evidence+ref", 20, wrap=True, editable=True),
    Column("evidence_text", "#x_evidence+text", 45, wrap=True, editable=True),
    Column("confidence", "#x_confidence+code", 11, editable=True, older_hxl=("#x_confidence",)),
    Column("confidence_name", "#x_confidence+name", 12),
    Column("notes", "#description+notes", 35, wrap=True, editable=True),
    Column("phase", "#x_phase+code", 14, older_hxl=("#x_phase+code+list", "#x_phase")),
    Column("phase_name", "#x_phase+name", 18, wrap=True),
    Column("answered_by", "#contact+name", 18, editable=True),
    Column("group", "#x_group", 12),
    Column("site_ref", "#loc+code", 16),
    Column("site", "#loc+name", 18),
    Column("country", "#country+code", 9),
    Column("pcode", "#adm1+code", 10),
    Column("date", "#date+reported", 12),
    Column("org", "#org+name+list", 30, older_hxl=("#org",)),  # not wrapped: it repeats the Summary
)

GAP_COLUMNS = (
    Column("area", "#x_area+code", 8),
    Column("indicator", "#indicator+code", 11),
    Column("indicator_text", "#indicator+name", 50, wrap=True),
    Column("level", "#indicator+level+num", 9, older_hxl=("#x_level",)),
    Column("target", "#indicator+target+num", 9, older_hxl=("#x_target",)),
    Column("gap", "#indicator+gap+num", 7, older_hxl=("#x_gap",)),
    Column("phase", "#x_phase+code", 14, older_hxl=("#x_phase+code+list", "#x_phase")),
    Column("phase_name", "#x_phase+name", 18, wrap=True),
    Column("suggested_priority", "#x_priority+suggested+code", 12, older_hxl=("#x_priority+suggested",)),
    Column("suggested_priority_name", "#x_priority+suggested+name", 14),
)

PLAN_COLUMNS = (
    Column("title", "#x_action+name", 40, wrap=True, editable=True),
    Column("indicators", "#indicator+code+list", 14, editable=True),
    Column("responsible", "#org+name+responsible", 20, wrap=True, editable=True, older_hxl=("#org+responsible",)),
    Column("partners", "#org+name+partner+list", 22, wrap=True, editable=True, older_hxl=("#org+partner",)),
    Column("priority", "#x_priority+code", 10, editable=True, older_hxl=("#x_priority",)),
    Column("priority_name", "#x_priority+name", 11),
    Column("timeframe", "#x_timeframe+code", 11, editable=True, older_hxl=("#x_timeframe",)),
    Column("timeframe_name", "#x_timeframe+name", 16, wrap=True),
    Column("due_date", "#date+due", 12, editable=True),
    Column("cost", "#value+cost+num", 11, editable=True, older_hxl=("#value+cost",)),
    Column("currency", "#currency+code", 9, editable=True, older_hxl=("#currency",)),
    Column("resources", "#x_resources", 25, wrap=True, editable=True),
    Column("status", "#status+code", 12, editable=True, older_hxl=("#status",)),
    Column("status_name", "#status+name", 14, wrap=True),
    Column("action_id", "#x_action+id", 38),
)

# Rows of the Summary sheet a person may change; the others are worked out from the data.
SUMMARY_EDITABLE = ("site", "site_ref", "country", "pcode", "site_type", "latitude", "longitude", "date",
                    "assessors", "institutions", "notes")
SUMMARY_ROWS = ("uuid", "site", "site_ref", "country", "pcode", "site_type", "latitude", "longitude", "date",
                "assessors", "institutions", "scope", "target_policy", "form", "form_version", "status", "revision",
                "completeness", "overall_level", "overall_target", "notes")
# Rows whose value is a code: the Summary sheet gives the code in a column of its own beside the label.
SUMMARY_CODES = ("site_type", "scope", "target_policy", "form", "status")
AREA_TABLE = ("area", "area_name", "mean_level", "mean_target", "scored", "not_applicable", "unknown",
              "unanswered")


def word(key: str, language: str) -> str:
    """A column, row or sheet title of the workbook, from the glossary."""
    return glossary_word(_HEADING_KEYS.get(key, key), language)


def heading_key(key: str) -> str:
    """The glossary key of a column's or a row's title."""
    return _HEADING_KEYS.get(key, key)


def every_word(key: str) -> dict[str, str]:
    """A title in each language, for import to recognise whichever a workbook was written in."""
    return in_every_language(_HEADING_KEYS.get(key, key))


def sheet_title(key: str, language: str) -> str:
    return glossary_word(f"sheet_{key}", language)


def every_sheet_title(key: str) -> dict[str, str]:
    return in_every_language(f"sheet_{key}")


def phase_cells(phase: str, vocab: Vocabulary, language: str) -> dict[str, str]:
    """An indicator's primary MCOF phase: its code, and its name in the workbook's language."""
    return {"phase": phase, "phase_name": _named(phase, vocab.phases, language) if phase else ""}


def hxl_key(tag: object) -> str:
    """A hashtag with its attributes in a fixed order, so ``#org +partner`` matches ``#org+partner``."""
    text = str(tag).strip().lower().replace(" ", "")
    name, *attributes = text.split("+")
    return "+".join([name, *sorted(attributes)])


def choice_lookup(choices: Mapping[str, Mapping[str, str]]) -> dict[str, str]:
    """Every way a value may be written (its id, or its name in any language) to its id, ignoring case."""
    lookup = {}
    for choice_id, names in choices.items():
        for name in names.values():
            lookup[plain(name)] = choice_id
    for choice_id in choices:
        lookup[choice_id.casefold()] = choice_id
    return lookup


_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def plain(text: str) -> str:
    """A typed value as looked up: no case, Western digits (older Sorani workbooks wrote ٣ for 3)."""
    return text.strip().casefold().translate(_WESTERN_DIGITS)


def vocabulary_choices(terms: Mapping[object, Term]) -> dict[str, dict[str, str]]:
    return {str(term.id): dict(term.name.by_language) for term in terms.values()}


def _named(value: str, terms: Mapping[str, Term], language: str) -> str:
    if not value:
        return ""
    term = terms.get(value)
    return term.name.get(language) if term else value


def answer_status(answer: Answer | None) -> str:
    """The answer's status code: scored, na, unknown or unanswered."""
    if answer is None or not answer.is_answered:
        return "unanswered"
    return "scored" if answer.level is not None else str(answer.special)


def answer_cells(answer: Answer | None, indicator: Indicator, vocab: Vocabulary, language: str,
                 policy: str = DEFAULT_POLICY) -> dict[str, object]:
    """What the editable and the worked-out columns of an answer row show: codes, and their names beside
    (the target under ``policy``)."""
    status = answer_status(answer)
    if answer is None:
        return {key: None for key in ("level", "level_name", "target", "gap")} | {
            key: "" for key in ("evidence_type", "evidence_type_name", "evidence_reference", "evidence_text",
                                "confidence", "confidence_name", "notes", "answered_by")} | {
            "answer_status": status}
    level_name = vocab.answer_name(answer.level, answer.special, language) or None
    target = target_for(answer, indicator, policy)
    return {
        "level": answer.level,
        "answer_status": status,
        "level_name": level_name,
        "target": target,
        "gap": None if target is None else target - answer.level,
        "evidence_type": answer.evidence_type,
        "evidence_type_name": _named(answer.evidence_type, vocab.evidence_types, language),
        "evidence_reference": answer.evidence_reference,
        "evidence_text": answer.evidence_text,
        "confidence": answer.confidence,
        "confidence_name": _named(answer.confidence, vocab.confidence, language),
        "notes": answer.notes,
        "answered_by": answer.answered_by,
    }


def action_cells(action: Action, language: str) -> dict[str, object]:
    """What each column of a plan-of-action row shows."""
    _label = vocabulary().label
    return {
        "title": action.title,
        "indicators": ", ".join(action.indicators),
        "responsible": institution_name(action.responsible, language) if action.responsible else "",
        "partners": LIST_SEPARATOR.join(institution_name(partner, language) for partner in action.partners),
        "priority": action.priority,
        "priority_name": _label("priorities", action.priority, language),
        "timeframe": action.timeframe,
        "timeframe_name": _label("timeframes", action.timeframe, language),
        "due_date": action.due_date,
        "cost": action.cost,
        "currency": action.currency,
        "resources": action.resources,
        "status": action.status,
        "status_name": _label("action_statuses", action.status, language),
        "action_id": action.uuid,
    }


def summary_cells(assessment: Assessment, vocab: Vocabulary, language: str) -> dict[str, object]:
    """What the editable rows of the Summary sheet show."""
    site = assessment.site
    return {
        "site": site_name(site, language),
        "site_ref": site.reference_id,
        "country": site.country,
        "pcode": site.pcode,
        "site_type": _named(site.type, vocab.site_types, language),
        "latitude": site.latitude,
        "longitude": site.longitude,
        "date": assessment.date,
        "assessors": LIST_SEPARATOR.join(assessment.assessors),
        "institutions": LIST_SEPARATOR.join(institution_name(i, language) for i in assessment.institutions),
        "notes": assessment.notes,
    }


def valid_sheet_name(name: str) -> bool:
    """What Excel accepts as a sheet name."""
    return (0 < len(name) <= 31 and not any(ch in name for ch in "[]:*?/\\")
            and not name.startswith("'") and not name.endswith("'") and name.casefold() != "history")
