"""The rules an assessment meets in a workbook, both ways: what the export or the window refuses, the import refuses.

Text must fit a spreadsheet cell (``core.cell_text``, the same check the store, the indicator
page and the export use); the site has a name; coordinates are on the globe; dates
are dates; every plan field is one the app can show. Each function returns the first
problem as a Message (``place: what is wrong``), or None.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date
from itertools import chain

from hbm_assess.core.assessment import Action, Answer, Assessment
from hbm_assess.core.cell_text import (
    action_texts,
    action_values,
    all_fit,
    answer_owner,
    answer_texts,
    answer_values,
    assessment_texts,
    assessment_values,
    first_problem,
)
from hbm_assess.core.messages import Message, Word
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.vocabulary import vocabulary


def text_problem(a: Assessment, answers: Iterable[Answer], actions: Iterable[Action]) -> Message | None:
    """The first text a spreadsheet cell cannot hold unchanged, naming the indicator or action and the field."""
    answers, actions = tuple(answers), tuple(actions)
    if all_fit(chain(assessment_values(a), *map(answer_values, answers), *map(action_values, actions))):
        return None  # the common case, told without building a place for every text
    return first_problem(chain(assessment_texts(a), *map(answer_texts, answers), *map(action_texts, actions)))


def _is_date(text: str) -> bool:
    try:
        return len(text) == 10 and date.fromisoformat(text) is not None
    except ValueError:
        return False


def _coordinate(value: float | None, limit: int) -> bool:
    return value is None or (isinstance(value, (int, float)) and math.isfinite(value) and -limit <= value <= limit)


def data_problem(a: Assessment, answers: Iterable[Answer], actions: Iterable[Action], form: Form) -> Message | None:
    """The first value the window would not accept: site, coordinates, dates, choices, plan fields."""
    vocab = vocabulary()
    site = a.site
    if not site.name.strip():
        return Message.of("site_name_empty")
    if not _coordinate(site.latitude, 90):
        return Message.of("latitude_beyond", value=site.latitude)
    if not _coordinate(site.longitude, 180):
        return Message.of("longitude_beyond", value=site.longitude)
    if site.type not in vocab.site_types:
        return Message.of("site_type_unknown", text=site.type[:40], allowed=", ".join(vocab.site_types))
    if not _is_date(a.date):
        return Message.of("assessment_date_not_a_date", text=a.date[:40])
    for answer in answers:
        owner = answer_owner(answer)
        if answer.evidence_type and answer.evidence_type not in vocab.evidence_types:
            return Message.of("not_a_kind_of_evidence", owner=owner, text=answer.evidence_type[:40])
        if answer.confidence and answer.confidence not in vocab.confidence:
            return Message.of("not_a_confidence", owner=owner, text=answer.confidence[:40])
    for action in actions:
        owner = Message.of("the_action", title=action.title[:40])
        if not action.title.strip():
            return Message.of("action_has_no_text")
        for what, value, allowed in (("priority", action.priority, vocab.priorities),
                                     ("timeframe", action.timeframe, vocab.timeframes),
                                     ("status", action.status, vocab.action_statuses)):
            if value not in allowed:
                return Message.of("plan_value_unknown", owner=owner, what=Word(what, lower=True),
                                  text=value[:40], allowed=", ".join(allowed))
        if action.cost is not None and not (math.isfinite(action.cost) and action.cost >= 0):
            return Message.of("cost_below_zero", owner=owner, value=action.cost)
        if action.due_date and not _is_date(action.due_date):
            return Message.of("due_date_not_a_date", owner=owner, text=action.due_date[:40])
        unknown = [i for i in action.indicators if i not in form.by_id]
        if unknown:
            return Message.of("unknown_indicator", place=owner, indicator=unknown[0][:40], form=form.id,
                              version=form.version)
    return None
