"""The one rule for free text the app stores: it must fit a spreadsheet cell unchanged.

Every assessment travels as a workbook, so text a cell cannot hold (over 32,767
characters as Excel counts them, or a control character XML forbids) would block every
later export. The store refuses it where it is saved (``Store.save_*``), the window where
it is typed, the import where it is read; all of them ask ``check_text``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

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


def check_text(text: str) -> str | None:
    """Why ``text`` cannot be stored in a cell unchanged, or None when it can."""
    length = excel_length(text)
    if length > EXCEL_CELL_LIMIT:
        return (f"is {length:,} characters long; a spreadsheet cell holds at most {EXCEL_CELL_LIMIT:,}. "
                "Shorten it or move part of it to another field")
    position = illegal_character(text)
    if position is not None:
        code = ord(text[position])
        return (f"contains the invisible control character U+{code:04X} at position {position + 1}, "
                "which spreadsheet files cannot hold; delete it (it often comes from copying out of a PDF)")
    return None


def first_problem(fields: Iterable[tuple[str, str]]) -> str | None:
    """The first ``place: what is wrong`` among (place, text) pairs, or None."""
    for place, text in fields:
        problem = check_text(text or "")
        if problem:
            return f"{place} {problem}"
    return None


def assessment_texts(assessment) -> Iterator[tuple[str, str]]:
    site = assessment.site
    for what, text in (("site name", site.name), ("country", site.country), ("P-code", site.pcode),
                       ("crossing point id", site.reference_id), ("date", assessment.date),
                       ("notes", assessment.notes), ("assessors", LIST_SEPARATOR.join(assessment.assessors)),
                       ("institutions", LIST_SEPARATOR.join(assessment.institutions))):
        yield f"the assessment's {what}", text


def answer_texts(answer) -> Iterator[tuple[str, str]]:
    owner = answer.indicator_id + (f" (group {answer.group})" if answer.group else "")
    for what, text in (("evidence reference", answer.evidence_reference), ("evidence", answer.evidence_text),
                       ("notes", answer.notes), ("answered by", answer.answered_by), ("group", answer.group),
                       ("confidence", answer.confidence), ("evidence type", answer.evidence_type)):
        yield f"{owner}, {what}", text


def action_texts(action) -> Iterator[tuple[str, str]]:
    for what, text in (("title", action.title), ("responsible", action.responsible),
                       ("partners", LIST_SEPARATOR.join(action.partners)), ("resources", action.resources),
                       ("currency", action.currency), ("due date", action.due_date)):
        yield f"the action “{action.title[:40]}”, {what}", text
