"""Fictional but plausible assessments, the same for the same seed, so there is something to look at."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from hbm_assess.core.assessment import Action, Answer, Assessment, Status
from hbm_assess.core.questionnaire import Form
from hbm_assess.core.reference import CrossingPoint, Institution
from hbm_assess.core.scoring import gaps, suggested_priorities
from hbm_assess.core.vocabulary import Special

ASSESSORS = (
    "Layla Hassan", "Omar Al-Jubouri", "Shilan Aziz", "Karwan Mahmoud", "Zainab Kareem",
    "Ahmed Salih", "Nawroz Ibrahim", "Huda Abdullah", "Dilshad Rasul", "Maryam Qasim",
)

EVIDENCE_NOTES = {
    "law": "Article {n} of the relevant law reviewed with the legal adviser.",
    "sop": "SOP seen at the shift supervisor's office, version of {year}.",
    "plan": "Contingency plan copy held by the post director.",
    "agreement": "Memorandum signed with the neighbouring authority in {year}.",
    "budget": "Budget line shown in the {year} allocation.",
    "observation": "Observed during the visit on the arrival lanes.",
    "interview": "Interviewed {n} officers on the morning shift.",
    "exercise-report": "After-action report of the {year} simulation exercise.",
    "record": "Registers for the last {n} months checked.",
    "training-record": "Attendance sheets of {n} staff trained.",
    "photo": "Photographs taken of the facilities (see folder {n}).",
    "other": "Information from the site visit.",
}


ACTION_IDEAS = {
    "REG": ("Draft the amendment and submit it to the Council of Ministers",
            "Issue implementing instructions to every crossing point",
            "Agree a memorandum with the neighbouring border authority"),
    "OPS": ("Write the mass-influx SOP with all agencies at the post and exercise it",
            "Run a joint simulation exercise and an after-action review",
            "Equip a second registration lane with backup power"),
    "INF": ("Install offline data capture with daily synchronisation to HQ",
            "Agree a data-sharing protocol between the ministries",
            "Set up weekly movement statistics by sex, age and nationality"),
    "ADM": ("Secure an emergency budget line for the border agencies",
            "Build and test a surge roster of trained staff",
            "Train staff on protection screening and referral"),
    "COO": ("Set up a monthly coordination meeting with a named lead",
            "Name contact points with the neighbouring state's border agency",
            "Join the protection cluster meetings in the governorate"),
}


@dataclass(frozen=True)
class DemoAssessment:
    assessment: Assessment
    answers: tuple[Answer, ...]
    actions: tuple[Action, ...]


def demo_assessments(
    count: int,
    seed: int,
    forms: Sequence[Form],
    sites: Sequence[CrossingPoint],
    institutions: Sequence[Institution],
    today: date | None = None,
) -> Iterator[DemoAssessment]:
    """``count`` assessments spread over the sites; a site visited again shows progress."""
    rng = random.Random(seed)
    today = today or date(2026, 6, 30)
    visits: dict[str, int] = {}
    for number in range(count):
        site = sites[number % len(sites)]
        form = forms[0] if len(forms) == 1 or rng.random() < 0.7 else rng.choice(forms[1:])
        visit = visits.get(site.id, 0)
        visits[site.id] = visit + 1
        yield _one(rng, number, visit, site, form, institutions, today)


def _one(rng, number, visit, site, form, institutions, today) -> DemoAssessment:
    # Each site has a stable underlying capacity; later visits are a little better.
    site_rng = random.Random(site.id)
    strength = site_rng.uniform(1.6, 3.8) + 0.45 * visit
    days_back = max(0, 720 - 240 * visit - rng.randrange(0, 60))
    when = today - timedelta(days=days_back)
    draft = rng.random() < 0.3
    team = tuple(rng.sample(ASSESSORS, k=rng.randint(1, 3)))
    chosen = rng.sample(list(institutions), k=min(4, len(institutions)))
    present = tuple(i.acronym.get("en") or i.name.get("en") for i in chosen)
    assessment = Assessment(
        form_id=form.id,
        form_version=form.version,
        site=site.site(),
        date=when.isoformat(),
        assessors=team,
        institutions=present,
        mode=form.mode,
        status=Status.DRAFT.value if draft else Status.FINAL.value,
        uuid=_uuid(rng),
        created_at=f"{when.isoformat()}T08:00:00.000000+00:00",
        updated_at=f"{when.isoformat()}T16:30:00.000000+00:00",
    )
    answers = []
    for indicator in form.indicators():
        if draft and rng.random() < 0.35:
            continue
        answers.append(_answer(rng, indicator, strength, when.year, team))
    actions = _actions(rng, form, {a.indicator_id: a for a in answers}, institutions)
    return DemoAssessment(assessment, tuple(answers), tuple(actions))


def _uuid(rng: random.Random) -> str:
    bits = rng.getrandbits(128)
    # A version-4 uuid built from the seeded generator, so demos are reproducible.
    bits = (bits & ~(0xF000 << 64)) | (0x4000 << 64)
    bits = (bits & ~(0xC000 << 48)) | (0x8000 << 48)
    hexed = f"{bits:032x}"
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


def _answer(rng, indicator, strength, year, team) -> Answer:
    roll = rng.random()
    if roll < 0.04:
        return Answer(indicator.id, special=Special.NA.value, notes="Not relevant at this post.", answered_by=team[0])
    if roll < 0.09:
        return Answer(indicator.id, special=Special.UNKNOWN.value, notes="Nobody present could say.",
                      answered_by=team[0])
    level = max(1, min(5, round(rng.gauss(strength, 0.9))))
    evidence_type = rng.choice(indicator.evidence) if level >= 2 and rng.random() < 0.85 else ""
    text = EVIDENCE_NOTES.get(evidence_type, "").format(n=rng.randint(2, 40), year=year - rng.randint(0, 3))
    target = min(5, level + (2 if level <= 2 and rng.random() < 0.3 else 1))
    return Answer(
        indicator.id,
        level=level,
        target=target,
        evidence_type=evidence_type,
        evidence_reference=f"Ref. {indicator.id}/{year}" if evidence_type else "",
        evidence_text=text,
        confidence=rng.choice(("low", "medium", "medium", "high")),
        answered_by=rng.choice(team),
    )


def _actions(rng, form, answers, institutions) -> list[Action]:
    ranked = gaps(form, answers)
    priorities = suggested_priorities(ranked)
    found = ranked[: rng.randint(0, 5)]
    actions = []
    for gap in found:
        indicator = form.indicator(gap.indicator_id)
        owner, *partners = rng.sample(list(institutions), k=min(3, len(institutions)))
        actions.append(
            Action(
                title=f"{rng.choice(ACTION_IDEAS[gap.area_id])} ({indicator.id})",
                indicators=(gap.indicator_id,),
                responsible=owner.acronym.get("en") or owner.name.get("en"),
                partners=tuple(p.acronym.get("en") or p.name.get("en") for p in partners[: rng.randint(0, 2)]),
                priority=priorities[gap.indicator_id].value,
                timeframe=rng.choice(("immediate", "3-months", "12-months", "longer")),
                cost=float(rng.choice((5_000, 12_000, 25_000, 60_000, 150_000))),
                currency="USD",
                resources=rng.choice(("Trainers and a venue", "Two generators", "Legal drafting support", "")),
                status=rng.choice(("planned", "planned", "in-progress", "done")),
                uuid=_uuid(rng),
            )
        )
    return actions
