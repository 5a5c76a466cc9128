"""The rules an assessment meets in a workbook, both ways: what the export or the window refuses, the import refuses.

Text must fit a spreadsheet cell (``cells.check_text``, the same check the indicator
page and the export use); the site has a name; coordinates are on the globe; dates
are dates; every plan field is one the app can show. Each function returns the first
problem as ``place: what is wrong``, or None.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from datetime import date

from hbm_assess.core.assessment import Action, Answer, Assessment
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.vocabulary import vocabulary
from hbm_assess.exchange.cells import check_text
from hbm_assess.exchange.layout import LIST_SEPARATOR


def _texts(a: Assessment, answers: Iterable[Answer], actions: Iterable[Action]) -> Iterator[tuple[str, str]]:
    fields = [("site name", a.site.name), ("country", a.site.country), ("P-code", a.site.pcode),
              ("crossing point id", a.site.reference_id), ("date", a.date), ("notes", a.notes),
              ("assessors", LIST_SEPARATOR.join(a.assessors)), ("institutions", LIST_SEPARATOR.join(a.institutions))]
    for what, text in fields:
        yield f"the assessment's {what}", text
    for answer in answers:
        owner = answer.indicator_id + (f" (group {answer.group})" if answer.group else "")
        for what, text in (("evidence reference", answer.evidence_reference), ("evidence", answer.evidence_text),
                           ("notes", answer.notes), ("answered by", answer.answered_by), ("group", answer.group)):
            yield f"{owner}, {what}", text
    for action in actions:
        for what, text in (("title", action.title), ("responsible", action.responsible),
                           ("partners", LIST_SEPARATOR.join(action.partners)), ("resources", action.resources),
                           ("currency", action.currency), ("due date", action.due_date)):
            yield f"the action “{action.title[:40]}”, {what}", text


def text_problem(a: Assessment, answers: Iterable[Answer], actions: Iterable[Action]) -> str | None:
    """The first text a spreadsheet cell cannot hold unchanged, naming the indicator or action and the field."""
    for place, text in _texts(a, answers, actions):
        problem = check_text(text)
        if problem:
            return f"{place}: the text {problem}"
    return None


def _is_date(text: str) -> bool:
    try:
        return len(text) == 10 and date.fromisoformat(text) is not None
    except ValueError:
        return False


def _coordinate(value: float | None, limit: int) -> bool:
    return value is None or (isinstance(value, (int, float)) and math.isfinite(value) and -limit <= value <= limit)


def data_problem(a: Assessment, answers: Iterable[Answer], actions: Iterable[Action], form: Form) -> str | None:
    """The first value the window would not accept: site, coordinates, dates, choices, plan fields."""
    vocab = vocabulary()
    site = a.site
    if not site.name.strip():
        return "the site name is empty; every assessment needs one"
    if not _coordinate(site.latitude, 90):
        return f"the latitude {site.latitude} is not between -90 and 90"
    if not _coordinate(site.longitude, 180):
        return f"the longitude {site.longitude} is not between -180 and 180"
    if site.type not in vocab.site_types:
        return f"the site type “{site.type[:40]}” is not one of {', '.join(vocab.site_types)}"
    if not _is_date(a.date):
        return f"the assessment's date “{a.date[:40]}” is not a date written as YYYY-MM-DD"
    for answer in answers:
        owner = answer.indicator_id + (f" (group {answer.group})" if answer.group else "")
        if answer.evidence_type and answer.evidence_type not in vocab.evidence_types:
            return f"{owner}: “{answer.evidence_type[:40]}” is not a kind of evidence"
        if answer.confidence and answer.confidence not in vocab.confidence:
            return f"{owner}: “{answer.confidence[:40]}” is not a confidence"
    for action in actions:
        owner = f"the action “{action.title[:40]}”"
        if not action.title.strip():
            return "an action has no text; every action says what will be done"
        for what, value, allowed in (("priority", action.priority, vocab.priorities),
                                     ("timeframe", action.timeframe, vocab.timeframes),
                                     ("status", action.status, vocab.action_statuses)):
            if value not in allowed:
                return f"{owner}: the {what} “{value[:40]}” is not one of {', '.join(allowed)}"
        if action.cost is not None and not (math.isfinite(action.cost) and action.cost >= 0):
            return f"{owner}: the cost {action.cost} is not a number of 0 or more"
        if action.due_date and not _is_date(action.due_date):
            return f"{owner}: the due date “{action.due_date[:40]}” is not a date written as YYYY-MM-DD"
        unknown = [i for i in action.indicators if i not in form.by_id]
        if unknown:
            return f"{owner}: indicator “{unknown[0][:40]}” is not in the questionnaire {form.id} {form.version}"
    return None
