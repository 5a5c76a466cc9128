"""Earlier editions of the shipped questionnaires: a workbook made with one is read, not refused as changed by hand.

A shipped questionnaire keeps its id and version while its texts are revised (forms 1.1's
level 4 and 5 texts became condition lists, #19), so a workbook exported before carries a
questionnaire whose hash differs from the app's. ``data/form_editions.yaml`` lists the
hashes of every edition that shipped; a workbook carrying one of them, with the same
indicators and levels as today's edition, is read against today's edition with a note
naming the indicators whose texts were revised. Any other difference is a copy changed
by hand, refused as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from hbm_assess.core.messages import Message
from hbm_assess.core.questionnaire import Form
from hbm_assess.locations import data_dir

HASH = re.compile(r"^sha256:[0-9a-f]{64}$")
SHOWN = 6  # answered indicator ids named in the note; the counts say how many there are in all


@cache
def earlier_editions() -> dict[tuple[str, str], frozenset[str]]:
    """(form id, version) → the hashes of its earlier editions, from ``data/form_editions.yaml``."""
    listed: dict[tuple[str, str], set[str]] = {}
    for entry in _entries(data_dir() / "form_editions.yaml"):
        listed.setdefault((str(entry["form"]), str(entry["version"])), set()).add(str(entry["hash"]))
    return {key: frozenset(hashes) for key, hashes in listed.items()}


def _entries(path: Path) -> list[dict]:
    from hbm_assess.core.yaml_text import load_yaml

    return (load_yaml(path.read_text(encoding="utf-8")) or {}).get("editions") or []


def edition_problems(path: Path) -> list[str]:
    """What is wrong with a list of earlier editions: an entry that names no shipped form, a hash that is not one."""
    from hbm_assess.core.questionnaire import installed_forms
    from hbm_assess.exchange.hashing import form_hash

    today = {key: form_hash(form) for key, form in installed_forms().items()}
    problems = []
    for number, entry in enumerate(_entries(path), start=1):
        key = (str(entry.get("form")), str(entry.get("version")))
        if key not in today:
            problems.append(f"{path.name}: entry {number} names {key[0]} {key[1]}, which forms/ does not ship")
        elif not HASH.match(str(entry.get("hash"))):
            problems.append(f"{path.name}: entry {number}: the hash is not sha256: and 64 hex digits")
        elif entry["hash"] == today[key]:
            problems.append(f"{path.name}: entry {number} is today's edition of {key[0]} {key[1]}, not an earlier one")
    return problems


def is_earlier_edition(key: tuple[str, str], questionnaire_hash: str) -> bool:
    return questionnaire_hash in earlier_editions().get(key, frozenset())


def _indicators(form: Form) -> dict[str, dict]:
    return {indicator["id"]: indicator for area in form.meaning()["areas"] for indicator in area["indicators"]}


def same_indicators_and_levels(earlier: Form, today: Form) -> bool:
    """Whether every answer of ``earlier`` has a place in ``today``: the same indicators, each with the same levels."""
    return ([(ind.id, sorted(ind.levels)) for ind in earlier.by_id.values()]
            == [(ind.id, sorted(ind.levels)) for ind in today.by_id.values()])


def revised_indicators(earlier: Form, today: Form) -> list[str]:
    """The indicators whose texts differ between two editions, in today's order."""
    before = _indicators(earlier)
    return [key for key, indicator in _indicators(today).items() if before.get(key) != indicator]


def read_with_earlier_edition(earlier: Form, today: Form, answered: Iterable[str]) -> Message:
    """The note an import adds to a workbook made with an earlier edition; ``answered``: the ids it answers."""
    revised = revised_indicators(earlier, today)
    answered = set(answered)
    to_check = [indicator for indicator in revised if indicator in answered]  # the answers worth a second look
    shown = ", ".join(to_check[:SHOWN]) + (", …" if len(to_check) > SHOWN else "")
    return Message.of("earlier_edition_read", form=today.id, version=today.version, count=len(revised),
                      total=len(today.by_id), answered=len(to_check), indicators=shown or "–")


def earlier_edition_differs(earlier: Form) -> Message:
    return Message.of("earlier_edition_differs", form=earlier.id, version=earlier.version)
