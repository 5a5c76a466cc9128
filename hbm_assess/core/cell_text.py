"""The one rule for free text the app stores: it must fit a spreadsheet cell unchanged.

Every assessment travels as a workbook, so text a cell cannot hold (over 32,767
characters as Excel counts them, or a control character XML forbids) would block every
later export. The store refuses it where it is saved (``Store.save_*``), the window where
it is typed, the import where it is read; all of them ask ``check_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from operator import attrgetter

from hbm_assess.core.messages import Message, Word

EXCEL_CELL_LIMIT = 32_767  # characters as Excel counts them: UTF-16 code units
LIST_SEPARATOR = "; "      # how a list (assessors, institutions, partners) is written in one cell

# XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates and U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def excel_length(text: str) -> int:
    """The length Excel counts: characters outside the Basic Multilingual Plane (emoji) count twice."""
    if text.isascii():
        return len(text)
    # UTF-16 code units, counted in C: a Python loop over every character of every imported
    # text was a tenth of the import (#20). surrogatepass: a lone surrogate counts once, as before.
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def fit_cell(text: str, limit: int = EXCEL_CELL_LIMIT) -> str:
    """Text made up of other texts (a list, a summary), cut with "…" where a cell would overflow."""
    if excel_length(text) <= limit:
        return text
    kept, used = [], 1  # room for the "…"
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > limit:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def illegal_character(text: str) -> int | None:
    """Where the first character XML cannot hold is (0-based), or None."""
    found = _XML_ILLEGAL.search(text)
    return found.start() if found else None


def text_message(text: str) -> Message | None:
    """Why ``text`` cannot be stored in a cell unchanged, as a message in any language; None when it can."""
    length = excel_length(text)
    if length > EXCEL_CELL_LIMIT:
        return Message.of("cell_too_long", length=f"{length:,}", limit=f"{EXCEL_CELL_LIMIT:,}")
    position = illegal_character(text)
    if position is not None:
        return Message.of("cell_control_character", character=f"U+{ord(text[position]):04X}", position=position + 1)
    return None


def check_text(text: str) -> str | None:
    """``text_message`` in English (for logs and callers that want a string), or None."""
    problem = text_message(text)
    return str(problem) if problem else None


def all_fit(texts: Iterable[str | None]) -> bool:
    """Whether every text fits a cell unchanged (``text_message`` is None for each), with no message built.

    One C-speed search over the texts joined: the import checks some 900 texts a file, and
    building a place ("REG-01, notes") for each before looking was a tenth of it (#20).
    """
    texts = [text or "" for text in texts]
    # A text of at most half the limit fits whatever it holds: a character counts at most twice.
    if any(len(text) > EXCEL_CELL_LIMIT // 2 and excel_length(text) > EXCEL_CELL_LIMIT for text in texts):
        return False
    return _XML_ILLEGAL.search(" ".join(texts)) is None  # the characters refused are the same one by one


def first_problem(fields: Iterable[tuple[Message | str, str]]) -> Message | None:
    """The first "place: the text …" among (place, text) pairs, or None."""
    for place, text in fields:
        problem = text_message(text or "")
        if problem:
            return Message.of("cell_text_problem", place=place, problem=problem)
    return None


def assessment_texts(assessment) -> Iterator[tuple[Message, str]]:
    for what, text in zip(ASSESSMENT_FIELDS, assessment_values(assessment), strict=True):
        yield Message.of("assessment_field", field=Word(what, lower=True)), text


ASSESSMENT_FIELDS = ("site", "country", "pcode", "site_ref", "date", "notes", "assessors", "institutions")


def assessment_values(assessment) -> tuple[str, ...]:
    """The assessment's texts as its cells hold them, in the order of ``ASSESSMENT_FIELDS``."""
    site = assessment.site
    return (site.name, site.country, site.pcode, site.reference_id, assessment.date, assessment.notes,
            LIST_SEPARATOR.join(assessment.assessors), LIST_SEPARATOR.join(assessment.institutions))


def answer_owner(answer) -> Message:
    """"REG-01" or "REG-01 (group Legal)", as a message names an answer."""
    return Message.of("answer_in_group" if answer.group else "answer_of", indicator=answer.indicator_id,
                      group=answer.group)


ANSWER_FIELDS = ("evidence_reference", "evidence_text", "notes", "answered_by", "group", "confidence",
                 "evidence_type")
answer_values = attrgetter(*ANSWER_FIELDS)  # an answer's texts, in the order of ANSWER_FIELDS


def answer_texts(answer) -> Iterator[tuple[Message, str]]:
    owner = answer_owner(answer)
    for what, text in zip(ANSWER_FIELDS, answer_values(answer), strict=True):
        yield Message.of("field_of", owner=owner, field=Word(what, lower=True)), text


ACTION_FIELDS = ("text", "roles.responsible", "partners", "resources", "currency", "due_date")


def action_values(action) -> tuple[str, ...]:
    """An action's texts as its cells hold them, in the order of ``ACTION_FIELDS``."""
    return (action.title, action.responsible, LIST_SEPARATOR.join(action.partners), action.resources,
            action.currency, action.due_date)


def action_texts(action) -> Iterator[tuple[Message, str]]:
    owner = Message.of("the_action", title=action.title[:40])
    for what, text in zip(ACTION_FIELDS, action_values(action), strict=True):
        yield Message.of("field_of", owner=owner, field=Word(what, lower=True)), text
