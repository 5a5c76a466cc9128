"""The content hash of a revision: a fingerprint of everything that identifies it, not of when it was saved.

It covers the uuid, the revision number, the questionnaire (id, version and the
questionnaire's own hash), the details, every answer and the plan; timestamps stay
out. A workbook carries the hashes of the revisions it descends from (its lineage),
so an import can tell a newer revision from an older one or a divergent one without
trusting a number typed in a cell; docs/workbook-format.md gives the rule.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from hbm_assess.core.assessment import Action, Answer, Assessment, Scope
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.targets import DEFAULT_POLICY
from hbm_assess.core.workshop import Output

HASH_PREFIX = "sha256:"

# Timestamps say when, not what: they stay out of the hash. The revision number is in it, so a
# number typed over in a cell no longer matches the hash.
_VOLATILE = frozenset({"created_at", "updated_at", "id"})
# Workbook format 1 left the revision out and had no questionnaire hash; kept to read those files.
_VOLATILE_V1 = _VOLATILE | {"revision"}
HASH_PATTERN = r"^sha256:[0-9a-f]{64}$"


def assessment_record(a: Assessment) -> dict:
    """Everything about an assessment apart from its answers and actions, as plain data."""
    site = a.site
    return {
        "uuid": a.uuid,
        "form_id": a.form_id,
        "form_version": a.form_version,
        "mode": a.mode,
        "status": a.status,
        "revision": a.revision,
        "site": {
            "name": site.name, "country": site.country, "type": site.type, "pcode": site.pcode,
            "latitude": site.latitude, "longitude": site.longitude, "reference_id": site.reference_id,
        },
        "date": a.date,
        "assessors": list(a.assessors),
        "institutions": list(a.institutions),
        "notes": a.notes,
        "created_at": a.created_at,
        "updated_at": a.updated_at,
        # Only when not a crossing point: the hash of every assessment made before scopes stays the same.
        **({} if a.scope == Scope.CROSSING_POINT.value else {"scope": a.scope}),
        # Only when not the default (current + 1): the hash of every assessment made before policies holds.
        **({} if a.target_policy == DEFAULT_POLICY else {"target_policy": a.target_policy}),
    }


def answer_record(a: Answer) -> dict:
    return {
        "indicator_id": a.indicator_id, "group": a.group, "level": a.level, "special": a.special,
        "target": a.target, "evidence_type": a.evidence_type, "evidence_reference": a.evidence_reference,
        "evidence_text": a.evidence_text, "confidence": a.confidence, "notes": a.notes,
        "answered_by": a.answered_by, "updated_at": a.updated_at,
    }


def action_record(a: Action) -> dict:
    return {
        "uuid": a.uuid, "title": a.title, "indicators": list(a.indicators), "responsible": a.responsible,
        "partners": list(a.partners), "priority": a.priority, "timeframe": a.timeframe,
        "due_date": a.due_date, "cost": a.cost, "currency": a.currency, "resources": a.resources,
        "status": a.status, "updated_at": a.updated_at,
    }


def output_record(o: Output) -> dict:
    return {
        "uuid": o.uuid, "area": o.area, "kind": o.kind, "text": o.text, "institution": o.institution,
        "indicators": list(o.indicators), "actions": list(o.actions), "group": o.group, "updated_at": o.updated_at,
    }


def _stable(record: dict, volatile: frozenset = _VOLATILE) -> dict:
    return {key: value for key, value in record.items() if key not in volatile}


def canonical_data(assessment: Assessment, answers: Iterable[Answer], actions: Iterable[Action],
                   form_hash: str | None, volatile: frozenset = _VOLATILE, outputs: Iterable[Output] = ()) -> dict:
    """The data the hash covers, in a fixed order: what a person changed, not when."""
    data = {
        "assessment": _stable(assessment_record(assessment), volatile),
        "answers": sorted((_stable(answer_record(a), volatile) for a in answers),
                          key=lambda r: (r["indicator_id"], r["group"])),
        # The plan's order is how the app lists it, not part of what was decided.
        "actions": sorted((_stable(action_record(a), volatile) for a in actions), key=lambda r: r["uuid"]),
    }
    if form_hash is not None:
        data["form_hash"] = form_hash
    found = sorted((_stable(output_record(o), volatile) for o in outputs), key=lambda r: r["uuid"])
    if found:  # only then: an assessment without workshop outputs keeps the hash it always had
        data["outputs"] = found
    return data


def digest(data: object) -> str:
    """``sha256:`` and the hex digest of ``data`` as compact, key-sorted, ASCII JSON."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=True, separators=(",", ":"), allow_nan=False)
    return HASH_PREFIX + hashlib.sha256(text.encode("ascii")).hexdigest()


def content_hash(assessment: Assessment, answers: Iterable[Answer], actions: Iterable[Action], form_hash: str,
                 outputs: Iterable[Output] = ()) -> str:
    """The hash of one revision: its data, its workshop outputs, its revision number and its questionnaire's hash."""
    return digest(canonical_data(assessment, answers, actions, form_hash, outputs=outputs))


def content_hash_v1(assessment: Assessment, answers: Iterable[Answer], actions: Iterable[Action]) -> str:
    """The hash workbook format 1 carried: no revision number, no questionnaire."""
    return digest(canonical_data(assessment, answers, actions, None, _VOLATILE_V1))


_FORM_HASHES: dict[int, tuple[Form, str]] = {}


def form_hash(form: Form) -> str:
    """The questionnaire's own hash: what its answers mean (``Form.meaning()``: its file without method metadata).

    The primary phase and the scope of an indicator say how the app analyses answers,
    not what a level means; they stay out, so a workbook exported before an installed
    questionnaire gained them (or changed them) still imports, and the app's copy decides.

    Kept per questionnaire object (forms are immutable): an import of 500 workbooks asked
    for the same two or three questionnaires' hashes some 1,500 times.
    """
    cached = _FORM_HASHES.get(id(form))
    if cached is not None and cached[0] is form:
        return cached[1]
    value = digest(form.meaning())
    if len(_FORM_HASHES) >= 64:
        _FORM_HASHES.clear()
    _FORM_HASHES[id(form)] = (form, value)  # the form is held, so its id cannot be reused meanwhile
    return value
