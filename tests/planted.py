"""A site name and an evidence sentence planted in an assessment, then searched for in encrypted bytes."""

from __future__ import annotations

from hbm_assess.core.assessment import Answer, Assessment, Site
from hbm_assess.storage.store import Store

SITE = "Zorbatiya Sentinel Crossing"
EVIDENCE = "The night shift lets the Qandil convoy pass unregistered every Thursday"


def _forms(text: str) -> list[bytes]:
    """A text as a workbook or database may hold it: UTF-8, UTF-16 (Office streams), and a distinctive part."""
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.split()[1].encode("utf-8")]


def assert_nowhere(data: bytes, where: str) -> None:
    for text in (SITE, EVIDENCE):
        for form in _forms(text):
            assert form not in data, f"{form!r} is readable in {where}"


def planted(store: Store, form) -> int:
    """An assessment whose site name and evidence sentence are searched for in the encrypted bytes."""
    assessment = Assessment(form_id=form.id, form_version=form.version, site=Site(SITE, "IQ", "land"),
                            date="2026-11-20", assessors=("Layla Hassan",), institutions=("MoI",), mode=form.mode)
    return store.create_assessment(assessment, form, [
        Answer("OPS-01", level=2, evidence_type="observation", evidence_text=EVIDENCE)])
