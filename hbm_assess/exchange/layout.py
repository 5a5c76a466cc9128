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
from hbm_assess.core.scoring import target_for
from hbm_assess.core.targets import DEFAULT_POLICY
from hbm_assess.core.vocabulary import Term, Vocabulary

FORMAT = "hbm-assess-workbook"
FORMAT_VERSION = 2  # 2: the content hash covers the revision and questionnaire; the lineage row
MACHINE_SHEET = "_hbm"
LANGUAGES = ("en", "ar", "ckb")


def _t(en: str, ar: str, ckb: str) -> dict[str, str]:
    return {"en": en, "ar": ar, "ckb": ckb}


SHEETS = {
    "summary": _t("Summary", "ملخص", "پوختە"),
    "answers": _t("Answers", "الإجابات", "وەڵامەکان"),
    "gaps": _t("Gaps", "الفجوات", "کەلێنەکان"),
    "plan": _t("Plan of action", "خطة العمل", "پلانی کار"),
}

# Every visible header, and the words the Summary sheet uses, in the three languages.
WORDS = {
    "field": _t("Field", "الحقل", "بڕگە"),
    "value": _t("Value", "القيمة", "بەها"),
    "uuid": _t("Assessment ID", "معرّف التقييم", "ناسنامەی هەڵسەنگاندن"),
    "scope": _t("Scope", "النطاق", "مەودا"),
    "site": _t("Site", "الموقع", "شوێن"),
    "site_ref": _t("Crossing point ID", "معرّف المنفذ الحدودي", "ناسنامەی خاڵی سنووری"),
    "country": _t("Country", "البلد", "وڵات"),
    "pcode": _t("P-code", "الرمز المكاني (P-code)", "کۆدی شوێن (P-code)"),
    "site_type": _t("Site type", "نوع الموقع", "جۆری شوێن"),
    "latitude": _t("Latitude", "خط العرض", "هێڵی پانی"),
    "longitude": _t("Longitude", "خط الطول", "هێڵی درێژی"),
    "date": _t("Date", "التاريخ", "بەروار"),
    "assessors": _t("Assessors", "المقيّمون", "هەڵسەنگێنەران"),
    "institutions": _t("Institutions", "المؤسسات المشاركة", "دامەزراوە بەشداربووەکان"),
    "form": _t("Questionnaire", "الاستبيان", "پرسیارنامە"),
    "form_version": _t("Questionnaire version", "إصدار الاستبيان", "وەشانی پرسیارنامە"),
    "status": _t("Status", "الحالة", "دۆخ"),
    "revision": _t("Revision", "رقم المراجعة", "ژمارەی پێداچوونەوە"),
    "completeness": _t("Completeness", "الاكتمال", "تەواوبوون"),
    "mean_level": _t("Mean level", "متوسط المستوى", "تێکڕای ئاست"),
    "mean_target": _t("Mean target", "متوسط المستوى المستهدف", "تێکڕای ئامانج"),
    "overall_level": _t("Overall mean level", "متوسط المستوى الإجمالي", "تێکڕای ئاستی گشتی"),
    "overall_target": _t("Overall mean target", "متوسط المستوى المستهدف الإجمالي", "تێکڕای ئامانجی گشتی"),
    "notes": _t("Notes", "ملاحظات", "تێبینی"),
    "area": _t("Area", "المجال", "بوار"),
    "area_name": _t("Area name", "اسم المجال", "ناوی بوار"),
    "scored": _t("Scored", "مُقيَّمة بمستوى", "ئاستیان دراوە"),
    "not_applicable": _t("Not applicable", "لا ينطبق", "پەیوەندیدار نییە"),
    "unknown": _t("Unknown", "غير معروف", "نەزانراو"),
    "unanswered": _t("Not answered", "بلا إجابة", "وەڵام نەدراوە"),
    "indicator": _t("Indicator", "المؤشر", "پێوەر"),
    "indicator_text": _t("Indicator text", "نص المؤشر", "دەقی پێوەر"),
    "level": _t("Level", "المستوى", "ئاست"),
    "level_name": _t("Level name", "اسم المستوى", "ناوی ئاست"),
    "target": _t("Target", "المستوى المستهدف", "ئامانج"),
    "gap": _t("Gap", "الفجوة", "کەلێن"),
    "evidence_type": _t("Evidence type", "نوع الدليل", "جۆری بەڵگە"),
    "evidence_reference": _t("Evidence reference", "مرجع الدليل", "سەرچاوەی بەڵگە"),
    "evidence_text": _t("Evidence", "الدليل", "بەڵگە"),
    "confidence": _t("Confidence", "درجة الثقة", "متمانە"),
    "phase": _t("Phase", "المرحلة", "قۆناغ"),
    "answered_by": _t("Answered by", "أجاب", "وەڵامدەر"),
    "group": _t("Group", "المجموعة", "گرووپ"),
    "org": _t("Institutions present", "المؤسسات الحاضرة", "دامەزراوە ئامادەبووەکان"),
    "suggested_priority": _t("Suggested priority", "الأولوية المقترحة", "ئەولەویەتی پێشنیارکراو"),
    "title": _t("Action", "الإجراء", "کار"),
    "indicators": _t("Indicators", "المؤشرات", "پێوەرەکان"),
    "responsible": _t("Responsible", "الجهة المسؤولة", "لایەنی بەرپرسیار"),
    "partners": _t("Partners", "الشركاء", "هاوبەشەکان"),
    "priority": _t("Priority", "الأولوية", "ئەولەویەت"),
    "timeframe": _t("Timeframe", "الإطار الزمني", "ماوەی کات"),
    "due_date": _t("Due date", "تاريخ الاستحقاق", "وادەی کۆتایی"),
    "cost": _t("Cost", "التكلفة", "تێچوو"),
    "currency": _t("Currency", "العملة", "دراو"),
    "resources": _t("Resources", "الموارد المطلوبة", "سەرچاوە پێویستەکان"),
    "action_status": _t("Status", "الحالة", "دۆخ"),
    "action_id": _t("Action ID", "معرّف الإجراء", "ناسنامەی کار"),
    "radar_title": _t("Mean level by area", "متوسط المستوى حسب المجال", "تێکڕای ئاست بەپێی بوار"),
    "gap_chart_title": _t("Gaps: target minus current level", "الفجوات: المستهدف ناقص الحالي",
                          "کەلێنەکان: ئامانج کەم ئاستی ئێستا"),
    "completeness_value": _t("{answered} of {total} indicators ({percent}%)",
                             "{answered} من {total} مؤشرًا ({percent}%)", "{answered} لە {total} پێوەر ({percent}%)"),
}

# Values of the plan of action and the assessment status, which the vocabulary file does not name.
PRIORITIES = {"high": _t("High", "عالية", "بەرز"), "medium": _t("Medium", "متوسطة", "مامناوەند"),
              "low": _t("Low", "منخفضة", "نزم")}
TIMEFRAMES = {
    "immediate": _t("Immediate", "فوري", "دەستبەجێ"),
    "3-months": _t("Within 3 months", "خلال 3 أشهر", "لە ماوەی ٣ مانگدا"),
    "12-months": _t("Within 12 months", "خلال 12 شهرًا", "لە ماوەی ١٢ مانگدا"),
    "longer": _t("Longer", "أكثر من 12 شهرًا", "زیاتر لە ١٢ مانگ"),
}
ACTION_STATUSES = {"planned": _t("Planned", "مخطط", "پلاندانراو"),
                   "in-progress": _t("In progress", "قيد التنفيذ", "لە جێبەجێکردندایە"),
                   "done": _t("Done", "منجز", "تەواوبوو")}
ASSESSMENT_STATUSES = {"draft": _t("Draft", "مسودة", "ڕەشنووس"), "final": _t("Final", "نهائي", "کۆتایی")}
# Short forms people type into the level column for the two answers that are not levels.
SPECIAL_ALIASES = {"n/a": "na", "na": "na", "not applicable": "na", "?": "unknown", "unknown": "unknown"}


@dataclass(frozen=True)
class Column:
    key: str
    hxl: str
    width: int
    wrap: bool = False
    editable: bool = False


ANSWER_COLUMNS = (
    Column("area", "#x_area+code", 8),
    Column("indicator", "#indicator+code", 11),
    Column("indicator_text", "#indicator+name", 45, wrap=True),
    Column("level", "#x_level", 9, editable=True),
    Column("level_name", "#x_level+name", 22),
    Column("target", "#x_target", 9, editable=True),
    Column("gap", "#x_gap", 7),
    Column("evidence_type", "#x_evidence+type", 20, editable=True),
    Column("evidence_reference", "#x_evidence+ref", 20, wrap=True, editable=True),
    Column("evidence_text", "#x_evidence+text", 45, wrap=True, editable=True),
    Column("confidence", "#x_confidence", 12, editable=True),
    Column("notes", "#description+notes", 35, wrap=True, editable=True),
    Column("phase", "#x_phase", 18),
    Column("answered_by", "#contact+name", 18, editable=True),
    Column("group", "#x_group", 12),
    Column("site", "#loc+name", 18),
    Column("country", "#country+code", 9),
    Column("pcode", "#adm1+code", 10),
    Column("date", "#date+reported", 12),
    Column("org", "#org", 30),
)

GAP_COLUMNS = (
    Column("area", "#x_area+code", 8),
    Column("indicator", "#indicator+code", 11),
    Column("indicator_text", "#indicator+name", 50, wrap=True),
    Column("level", "#x_level", 9),
    Column("target", "#x_target", 9),
    Column("gap", "#x_gap", 7),
    Column("phase", "#x_phase", 18),
    Column("suggested_priority", "#x_priority+suggested", 14),
)

PLAN_COLUMNS = (
    Column("title", "#x_action+name", 40, wrap=True, editable=True),
    Column("indicators", "#indicator+code+list", 14, editable=True),
    Column("responsible", "#org+responsible", 20, editable=True),
    Column("partners", "#org+partner", 22, editable=True),
    Column("priority", "#x_priority", 11, editable=True),
    Column("timeframe", "#x_timeframe", 16, editable=True),
    Column("due_date", "#date+due", 12, editable=True),
    Column("cost", "#value+cost", 11, editable=True),
    Column("currency", "#currency", 9, editable=True),
    Column("resources", "#x_resources", 25, wrap=True, editable=True),
    Column("status", "#status", 13, editable=True),
    Column("action_id", "#x_action+id", 38),
)

# Rows of the Summary sheet a person may change; the others are worked out from the data.
SUMMARY_EDITABLE = ("site", "site_ref", "country", "pcode", "site_type", "latitude", "longitude", "date",
                    "assessors", "institutions", "notes")
SUMMARY_ROWS = ("uuid", "site", "site_ref", "country", "pcode", "site_type", "latitude", "longitude", "date",
                "assessors", "institutions", "scope", "form", "form_version", "status", "revision", "completeness",
                "overall_level", "overall_target", "notes")
AREA_TABLE = ("area", "area_name", "mean_level", "mean_target", "scored", "not_applicable", "unknown",
              "unanswered")


def language_of(language: str) -> str:
    """The workbook language for an app language: Arabic and Sorani have their own, the rest English."""
    base = (language or "en").split("_")[0].split("-")[0]
    return base if base in LANGUAGES else "en"


def word(key: str, language: str) -> str:
    return WORDS[key][language]


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
            lookup[name.strip().casefold()] = choice_id
    for choice_id in choices:
        lookup[choice_id.casefold()] = choice_id
    return lookup


def vocabulary_choices(terms: Mapping[object, Term]) -> dict[str, dict[str, str]]:
    return {str(term.id): dict(term.name.by_language) for term in terms.values()}


def _named(value: str, terms: Mapping[str, Term], language: str) -> str:
    term = terms.get(value)
    return term.name.get(language) if term else value


def _label(value: str, choices: Mapping[str, Mapping[str, str]], language: str) -> str:
    names = choices.get(value)
    return names[language] if names else value


def answer_cells(answer: Answer | None, indicator: Indicator, vocab: Vocabulary, language: str,
                 policy: str = DEFAULT_POLICY) -> dict[str, object]:
    """What the editable and the worked-out columns of an answer row show (the target under ``policy``)."""
    if answer is None:
        return {key: None for key in ("level", "level_name", "target", "gap")} | {
            key: "" for key in ("evidence_type", "evidence_reference", "evidence_text", "confidence", "notes",
                                "answered_by")}
    if answer.level is not None:
        level: object = answer.level
        level_name = vocab.level_name(answer.level, language)
    elif answer.special is not None:
        level = level_name = vocab.special_answers[answer.special].name.get(language)
    else:
        level = level_name = None
    target = target_for(answer, indicator, policy)
    return {
        "level": level,
        "level_name": level_name,
        "target": target,
        "gap": None if target is None else target - answer.level,
        "evidence_type": _named(answer.evidence_type, vocab.evidence_types, language) if answer.evidence_type else "",
        "evidence_reference": answer.evidence_reference,
        "evidence_text": answer.evidence_text,
        "confidence": _named(answer.confidence, vocab.confidence, language) if answer.confidence else "",
        "notes": answer.notes,
        "answered_by": answer.answered_by,
    }


def action_cells(action: Action, language: str) -> dict[str, object]:
    """What each column of a plan-of-action row shows."""
    return {
        "title": action.title,
        "indicators": ", ".join(action.indicators),
        "responsible": action.responsible,
        "partners": LIST_SEPARATOR.join(action.partners),
        "priority": _label(action.priority, PRIORITIES, language),
        "timeframe": _label(action.timeframe, TIMEFRAMES, language),
        "due_date": action.due_date,
        "cost": action.cost,
        "currency": action.currency,
        "resources": action.resources,
        "status": _label(action.status, ACTION_STATUSES, language),
        "action_id": action.uuid,
    }


def summary_cells(assessment: Assessment, vocab: Vocabulary, language: str) -> dict[str, object]:
    """What the editable rows of the Summary sheet show."""
    site = assessment.site
    return {
        "site": site.name,
        "site_ref": site.reference_id,
        "country": site.country,
        "pcode": site.pcode,
        "site_type": _named(site.type, vocab.site_types, language),
        "latitude": site.latitude,
        "longitude": site.longitude,
        "date": assessment.date,
        "assessors": LIST_SEPARATOR.join(assessment.assessors),
        "institutions": LIST_SEPARATOR.join(assessment.institutions),
        "notes": assessment.notes,
    }


def valid_sheet_name(name: str) -> bool:
    """What Excel accepts as a sheet name."""
    return (0 < len(name) <= 31 and not any(ch in name for ch in "[]:*?/\\")
            and not name.startswith("'") and not name.endswith("'") and name.casefold() != "history")
