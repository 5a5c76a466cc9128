"""The content hash of an assessment: a fingerprint of its data that ignores when it was saved.

Two copies with the same hash hold the same answers, plan and details, whatever
their revision numbers and timestamps say; docs/workbook-format.md gives the rule.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from hbm_assess.core.assessment import Action, Answer, Assessment

HASH_PREFIX = "sha256:"

# Timestamps and the revision number say when and how often, not what: they stay out of the hash.
_VOLATILE = frozenset({"revision", "created_at", "updated_at", "id"})


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


def _stable(record: dict) -> dict:
    return {key: value for key, value in record.items() if key not in _VOLATILE}


def canonical_data(assessment: Assessment, answers: Iterable[Answer], actions: Iterable[Action]) -> dict:
    """The data the hash covers, in a fixed order: what a person changed, not when."""
    return {
        "assessment": _stable(assessment_record(assessment)),
        "answers": sorted((_stable(answer_record(a)) for a in answers),
                          key=lambda r: (r["indicator_id"], r["group"])),
        # The plan's order is how the app lists it, not part of what was decided.
        "actions": sorted((_stable(action_record(a)) for a in actions), key=lambda r: r["uuid"]),
    }


def content_hash(assessment: Assessment, answers: Iterable[Answer], actions: Iterable[Action]) -> str:
    """``sha256:`` and the hex digest of the canonical data as compact, key-sorted, ASCII JSON."""
    text = json.dumps(canonical_data(assessment, answers, actions), sort_keys=True, ensure_ascii=True,
                      separators=(",", ":"), allow_nan=False)
    return HASH_PREFIX + hashlib.sha256(text.encode("ascii")).hexdigest()
