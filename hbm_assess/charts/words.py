"""The few fixed words drawn in the charts, in English, Arabic and Kurdish (Sorani).

Charts stay free of Qt, so they cannot use the app's Qt Linguist files; their
handful of words live here, next to the code that draws them. A language
missing here falls back to English, like questionnaire text.
"""

from __future__ import annotations

_WORDS: dict[str, dict[str, str]] = {
    "Current and target level by area": {
        "ar": "المستوى الحالي والمستهدف حسب المجال",
        "ckb": "ئاستی ئێستا و ئامانج بەپێی بوار",
    },
    "Gaps to target, largest first": {
        "ar": "الفجوات عن المستوى المستهدف، الأكبر أولاً",
        "ckb": "کەلێنەکان لە ئامانج، گەورەترین یەکەم",
    },
    "Mean level by primary MCOF phase": {
        "ar": "متوسط المستوى حسب مرحلة MCOF الرئيسية",
        "ckb": "تێکڕای ئاست بەپێی قۆناغی سەرەکیی MCOF",
    },
    "Each indicator counts once, under its primary phase": {
        "ar": "يُحتسب كل مؤشر مرة واحدة، ضمن مرحلته الرئيسية",
        "ckb": "هەر پێوەرێک تەنها یەک جار دەژمێردرێت، لە ژێر قۆناغە سەرەکییەکەیدا",
    },
    "{scored} of {indicators} indicators scored": {
        "ar": "المؤشرات المُقيَّمة: {scored} من {indicators}",
        "ckb": "پێوەرە هەڵسەنگێنراوەکان: {scored} لە {indicators}",
    },
    "Mean level": {"ar": "متوسط المستوى", "ckb": "تێکڕای ئاست"},
    "Level": {"ar": "المستوى", "ckb": "ئاست"},
    "Current level": {"ar": "المستوى الحالي", "ckb": "ئاستی ئێستا"},
    "Target level": {"ar": "المستوى المستهدف", "ckb": "ئاستی ئامانج"},
    "Mean target": {"ar": "متوسط المستهدف", "ckb": "تێکڕای ئامانج"},
    "Earlier assessment": {"ar": "التقييم السابق", "ckb": "هەڵسەنگاندنی پێشوو"},
    "Level 1": {"ar": "المستوى 1", "ckb": "ئاستی 1"},
    "Levels 2–3": {"ar": "المستويان 2–3", "ckb": "ئاستەکانی 2–3"},
    "Levels 4–5": {"ar": "المستويان 4–5", "ckb": "ئاستەکانی 4–5"},
    "No data": {"ar": "لا توجد بيانات", "ckb": "هیچ داتایەک نییە"},
    "No scored indicators yet": {
        "ar": "لا توجد مؤشرات مُقيَّمة بعد",
        "ckb": "هێشتا هیچ پێوەرێک هەڵنەسەنگێنراوە",
    },
    "No gaps: every scored indicator is at its target": {
        "ar": "لا توجد فجوات: كل مؤشر مُقيَّم بلغ مستواه المستهدف",
        "ckb": "هیچ کەلێنێک نییە: هەموو پێوەرە هەڵسەنگێنراوەکان گەیشتوونەتە ئامانج",
    },
    "{scored} scored · not counted: {na} not applicable, {unknown} unknown · {unanswered} unanswered": {
        "ar": "{scored} مُقيَّم · لم يُحتسب: {na} لا ينطبق، {unknown} غير معروف · {unanswered} بلا إجابة",
        "ckb": "{scored} هەڵسەنگێنراو · نەژمێردراو: {na} پەیوەندیدار نییە، {unknown} نەزانراو · "
               "{unanswered} بێ وەڵام",
    },
    "{shown} largest of {total} gaps shown": {
        "ar": "تُعرض أكبر {shown} فجوة من أصل {total}",
        "ckb": "{shown} گەورەترین کەلێن لە {total} پیشان دراون",
    },
    "{scored} scored": {"ar": "{scored} مُقيَّم", "ckb": "{scored} هەڵسەنگێنراو"},
    "no score": {"ar": "بلا تقييم", "ckb": "بێ نمرە"},
    "Earlier: {scored} scored": {"ar": "السابق: {scored} مُقيَّم", "ckb": "پێشوو: {scored} هەڵسەنگێنراو"},
    "n = number of assessments": {"ar": "n = عدد التقييمات", "ckb": "n = ژمارەی هەڵسەنگاندنەکان"},
}


def word(text: str, language: str, **values) -> str:
    """``text`` in ``language`` (English when not translated), with ``{name}`` filled from ``values``."""
    translated = _WORDS.get(text, {}).get(language.split("_")[0], text)
    return translated.format(**values) if values else translated


def languages_missing(language: str) -> list[str]:
    """The chart words not yet translated into ``language``."""
    return [text for text, translations in _WORDS.items() if language not in translations]
