"""Operations that combine the questionnaires, the reference lists and the store.

The app and the command line both call these, so they behave the same.
"""

from __future__ import annotations

from hbm_assess.core.demo import demo_assessments
from hbm_assess.core.questionnaire import Form, installed_forms, latest
from hbm_assess.core.reference import crossing_points, institutions
from hbm_assess.storage.store import Store


def shipped_forms() -> list[Form]:
    """The newest version of every questionnaire in forms/, detailed first."""
    forms = installed_forms()
    newest = [latest(forms, form_id) for form_id in sorted({fid for fid, _ in forms})]
    return sorted(newest, key=lambda form: (form.mode != "detailed", form.id))


def add_demo_assessments(store: Store, count: int = 1, seed: int = 2014) -> list[int]:
    """Add ``count`` fictional assessments across Iraq's border crossing points."""
    forms = shipped_forms()
    by_key = {form.key: form for form in forms}
    ids = []
    for demo in demo_assessments(count, seed, forms, crossing_points(), institutions()):
        form = by_key[(demo.assessment.form_id, demo.assessment.form_version)]
        ids.append(store.create_assessment(demo.assessment, form, demo.answers, demo.actions))
    return ids
