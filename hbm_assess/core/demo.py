"""Fictional but plausible assessments, the same for the same seed, so there is something to look at."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from hbm_assess.core.assessment import Action, Answer, Assessment, Priority, Scope, Site, Status
from hbm_assess.core.questionnaire import Form, version_key
from hbm_assess.core.reference import CrossingPoint, Institution
from hbm_assess.core.scoring import Gap, gaps, suggested_priorities
from hbm_assess.core.text import LANGUAGES, Text
from hbm_assess.core.vocabulary import Special, vocabulary
from hbm_assess.core.workshop import OUTPUT_KINDS, Group, Output

ASSESSORS = (
    "Layla Hassan", "Omar Al-Jubouri", "Shilan Aziz", "Karwan Mahmoud", "Zainab Kareem",
    "Ahmed Salih", "Nawroz Ibrahim", "Huda Abdullah", "Dilshad Rasul", "Maryam Qasim",
)

# Teams write in Arabic, or in Sorani in the Kurdistan Region; about a third write in English, as teams
# with an international partner often do.
WRITTEN_IN = {False: "ar", True: "ckb"}
IN_ENGLISH = 0.35


# Who takes an action on an indicator: the institution whose work it is (first found wins).
OWNERS = {
    "REG-02": ("customs", "mofa"), "REG-04": ("ccctip",), "REG-06": ("mofa",), "REG-09": ("moh",),
    "OPS-06": ("molsa", "ccctip"), "OPS-07": ("moh",), "OPS-11": ("momd",), "OPS-13": ("momd",), "OPS-15": ("momd",),
    "OPS-20": ("moh", "molsa"), "INF-05": ("mop",), "ADM-01": ("mof",), "ADM-05": ("mof",), "COO-01": ("jcmc",),
    "COO-02": ("bpc",), "COO-03": ("border-forces",), "COO-04": ("momd",), "COO-05": ("jcmc",), "COO-06": ("momd",),
    "COO-07": ("momd",), "COO-09": ("mofa",), "COO-10": ("mofa",), "ADM-04": ("bpc",), "ADM-06": ("bpc",),
    "ADM-08": ("bpc",),
    "REG-R1": ("moi",), "OPS-R4": ("moh",), "ADM-R1": ("mof",), "COO-R1": ("jcmc",),
}
AREA_OWNERS = {"REG": ("moi",), "OPS": ("bpc", "border-forces"), "INF": ("residency", "moi"), "ADM": ("moi",),
               "COO": ("jcmc",)}
PARTNERS = {
    "REG-03": ("unhcr",), "REG-04": ("iom",), "REG-09": ("who",), "REG-11": ("unhcr",), "OPS-07": ("who",),
    "OPS-12": ("iom",), "OPS-13": ("unhcr", "iom"), "OPS-15": ("unicef", "icrc", "irc"), "OPS-16": ("icrc", "unhcr"),
    "OPS-17": ("unhcr", "unicef"), "OPS-18": ("unicef",), "OPS-19": ("unhcr",), "OPS-20": ("iom",), "COO-09": ("iom",),
}
# In the Kurdistan Region the regional counterpart does the work.
KURDISTAN_COUNTERPART = {"moi": "krg-moi", "momd": "bmd", "jcmc": "jcc", "bpc": "krg-moi", "border-forces": "krg-moi"}
# The agencies that take part in an assessment, by kind of site.
SITE_INSTITUTIONS = {
    "land": ("bpc", "border-forces", "residency", "customs", "moh", "momd"),
    "air": ("bpc", "residency", "customs", "moh"),
    "sea": ("bpc", "customs", "moh", "residency"),
    "internal": ("moi", "momd", "moh"),
}
# The national workshop's name and notes are free text (data/demo.yaml national_workshop), typed by its
# facilitator: in English, or in Arabic or Sorani, as a meeting of federal and regional ministries may be.
WORKSHOP_WRITTEN_IN = ("ar", "ckb")
# The Erbil workshop of August 2014 split into these groups, each mapping one area, each writing
# on its laptop in the language its members share.
WORKSHOP_GROUPS = (("Information management", "INF", ("momd", "moi", "jcmc"), "ar"),
                   ("Operations", "OPS", ("moi", "moh", "bmd"), "ckb"),
                   ("Regulatory framework", "REG", ("mofa", "mof", "moi"), "en"))
# How many actions of each suggested priority a plan of 1 to 5 actions takes on: the most urgent
# first, but also medium gaps and a low one (a quick win, or what a partner already funds).
PLAN_MIX = {1: (1, 0, 0), 2: (1, 1, 0), 3: (1, 1, 1), 4: (2, 1, 1), 5: (2, 2, 1)}


@dataclass(frozen=True)
class DemoAssessment:
    assessment: Assessment
    answers: tuple[Answer, ...]
    actions: tuple[Action, ...]
    groups: tuple[Group, ...] = ()
    outputs: tuple[Output, ...] = ()


def demo_assessments(
    count: int,
    seed: int,
    forms: Sequence[Form],
    sites: Sequence[CrossingPoint],
    institutions: Sequence[Institution],
    today: date | None = None,
    kurdistan: frozenset[str] = frozenset({"IQG06", "IQG09", "IQG11"}),
) -> Iterator[DemoAssessment]:
    """``count`` assessments across the sites, as a programme would hold them.

    Every fourth is a follow-up of a site seen before, on the newest detailed form, so
    Compare and Progress show change; the baselines mix the 1.0 forms, a rapid workshop
    and the newest form; the sixth is the national workshop with its break-out groups.
    ``forms`` may hold several versions of a questionnaire; the first is the newest detailed.
    """
    rng = random.Random(seed)
    today = today or date(2026, 6, 30)
    by_id = _by_id(institutions)
    visits: dict[str, int] = {}
    seen: list[CrossingPoint] = []
    followed = 0
    for number in range(count):
        if number == 5:
            yield _national_workshop(rng, _rapid(forms), by_id, today)
            continue
        if number % 4 == 3 and followed < len(seen):
            site = seen[followed]
            followed += 1
        else:
            site = sites[len(seen) % len(sites)]
            seen.append(site)
        visit = visits.get(site.id, 0)
        visits[site.id] = visit + 1
        form = forms[0] if visit or number == 0 else _baseline_form(rng, forms, len(seen) - 1)
        yield _one(rng, number, visit, site, form, by_id, today, site.adm1_pcode in kurdistan)


def _baseline_form(rng, forms: Sequence[Form], baseline: int) -> Form:
    """A first visit: mostly the detailed form, often its 1.0 version, sometimes a rapid workshop.

    The second site starts on detailed 1.0 and the third on the newest rapid form, so the first
    follow-ups compare across versions and rapid against detailed.
    """
    roll = rng.random()
    older_detailed = [f for f in forms if f.mode == "detailed" and f is not forms[0]]
    rapid = [f for f in forms if f.mode == "rapid"]
    if baseline == 1 and older_detailed:
        return older_detailed[0]
    if baseline == 2 and rapid:
        return _rapid(forms)
    if roll < 0.45 and older_detailed:
        return rng.choice(older_detailed)
    if roll < 0.7 and rapid:
        return rng.choice(rapid)
    return forms[0]


def _rapid(forms: Sequence[Form]) -> Form:
    """The newest rapid form (the one whose items say what they summarise), else the first form."""
    rapid = [f for f in forms if f.mode == "rapid"]
    return max(rapid, key=lambda f: version_key(f.version)) if rapid else forms[0]


def _by_id(institutions: Sequence[Institution]) -> dict[str, Institution]:
    return {institution.id: institution for institution in institutions}


def _short(institution: Institution) -> str:
    return institution.acronym.get("en") or institution.name.get("en")


def _one(rng, number, visit, site, form, institutions, today, in_kurdistan) -> DemoAssessment:
    # Each site has a stable underlying capacity; later visits are a little better.
    site_rng = random.Random(site.id)
    strength = site_rng.uniform(1.6, 3.8) + 0.45 * visit
    # Baselines on a 1.0 form are two years old; the 1.1 forms came later; follow-ups are recent.
    if visit:
        days_back = max(0, 200 - 60 * (visit - 1) - rng.randrange(0, 60))
    elif form.version.startswith("1.0"):
        days_back = 600 + rng.randrange(0, 160)
    else:
        days_back = 300 + rng.randrange(0, 100)
    when = today - timedelta(days=days_back)
    draft = number == 0 or rng.random() < 0.25  # the first is the one a new user opens: still a draft
    team = tuple(rng.sample(ASSESSORS, k=rng.randint(1, 3)))
    present = _present(site.type, institutions, in_kurdistan)
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
    language = _written_in(assessment.uuid, in_kurdistan)
    answers = []
    for indicator in form.indicators():
        if draft and rng.random() < 0.35:
            continue
        answers.append(_answer(rng, indicator, strength, when.year, team, site.type, language,
                               f"{when.isoformat()}T12:00:00.000000+00:00"))
    actions = _actions(rng, form, {a.indicator_id: a for a in answers}, institutions, in_kurdistan, language,
                       f"{when.isoformat()}T16:00:00.000000+00:00")
    return DemoAssessment(assessment, tuple(answers), tuple(actions))


def _written_in(uuid: str, in_kurdistan: bool) -> str:
    """The language the team writes in: drawn apart from the main sequence, so the scores stay as they were."""
    return "en" if random.Random(f"{uuid} language").random() < IN_ENGLISH else WRITTEN_IN[in_kurdistan]


def _present(site_type: str, institutions: dict[str, Institution], in_kurdistan: bool) -> tuple[str, ...]:
    ids = [KURDISTAN_COUNTERPART.get(i, i) if in_kurdistan else i for i in SITE_INSTITUTIONS.get(site_type, ())]
    found = [institutions[i] for i in dict.fromkeys(ids) if i in institutions]
    return tuple(_short(i) for i in found) or tuple(_short(i) for i in list(institutions.values())[:3])


def _national_workshop(rng, form, by_id: dict[str, Institution], today) -> DemoAssessment:
    """The national workshop on the rapid form: three break-out groups, a plenary, one disagreement kept open,
    and what each group wrote besides scores: challenges, a strategy and its institutions' contributions."""
    when = today - timedelta(days=420)
    stamp = f"{when.isoformat()}T15:00:00.000000+00:00"
    groups, answers = [], []
    plenary = []
    for name, area, members, language in WORKSHOP_GROUPS:
        items = tuple(ind.id for ind in form.indicators() if ind.area_id == area)
        others = tuple(ind.id for ind in form.indicators() if ind.area_id == "COO")[:1]  # all groups score COO-R1
        groups.append(Group(name, (rng.choice(ASSESSORS),), tuple(_short(by_id[m]) for m in members if m in by_id),
                            items + others))
        called = _group_called(form, area, language)
        for indicator_id in items + others:
            level = max(1, min(5, round(rng.gauss(2.4, 0.8))))
            answers.append(Answer(indicator_id, level=level, target=min(5, level + 1), group=name,
                                  notes=_note("group-scored", language, group=called), answered_by=name,
                                  updated_at=stamp))
            if indicator_id not in others:
                plenary.append(Answer(indicator_id, level=level, target=min(5, level + 1), answered_by=name,
                                      notes=_note("group-adopted", language, group=called), updated_at=stamp))
    # The groups differ on coordination (one says 1, another 3): kept open for the plenary, not averaged.
    shared = [a for a in answers if a.indicator_id in {g.indicators[-1] for g in groups}]
    if len(shared) >= 2:
        answers[answers.index(shared[0])] = replace(shared[0], level=1, target=2)
        answers[answers.index(shared[-1])] = replace(shared[-1], level=3, target=4)
    assessors = tuple(rng.sample(ASSESSORS, k=2))
    uuid = _uuid(rng)  # drawn after the assessors, as it always was: the same seed, the same workshop
    written = demo_texts()["national_workshop"]
    language = _facilitator_writes_in(uuid)
    # The facilitator named the groups too: after their areas, in the facilitator's language.
    named = {name: form.area_by_id[area].title.get(language) for name, area, _, _ in WORKSHOP_GROUPS}
    groups = [replace(group, name=named[group.name]) for group in groups]
    answers = [replace(a, group=named[a.group], answered_by=named[a.answered_by]) for a in answers]
    plenary = [replace(a, answered_by=named[a.answered_by]) for a in plenary]
    assessment = Assessment(
        form_id=form.id, form_version=form.version, site=Site(written["site"].get(language), "IQ"),
        date=when.isoformat(), assessors=assessors,
        institutions=tuple(_short(i) for i in by_id.values() if i.kind != "international")[:10],
        mode=form.mode, status=Status.DRAFT.value, uuid=uuid, scope=Scope.NATIONAL.value,
        created_at=f"{when.isoformat()}T08:00:00.000000+00:00", updated_at=f"{when.isoformat()}T17:00:00.000000+00:00",
        notes=written["notes"].get(language),
    )
    actions, outputs = _workshop_plan(form, plenary, assessment.uuid, stamp, language, named)
    return DemoAssessment(assessment, tuple(plenary + answers), actions, tuple(groups), outputs)


def _facilitator_writes_in(uuid: str) -> str:
    """The national workshop's language, drawn like a team's (see _written_in), Arabic or Sorani when not English."""
    draw = random.Random(f"{uuid} language").random()
    if draw < IN_ENGLISH:
        return "en"
    return WORKSHOP_WRITTEN_IN[int((draw - IN_ENGLISH) / (1 - IN_ENGLISH) * len(WORKSHOP_WRITTEN_IN))]


def _group_called(form: Form, area: str, language: str) -> str:
    """A group named as its members would write it: its area's title in their language."""
    title = form.area_by_id[area].title.get(language)
    return title.lower() if language == "en" else title


def _workshop_plan(form: Form, plenary: list[Answer], uuid: str, stamp: str, facilitator: str = "en",
                   named: Mapping[str, str] | None = None) -> tuple[tuple[Action, ...], tuple[Output, ...]]:
    """The groups' outputs (data/demo.yaml), each in its group's language; a contribution on a gap the
    plenary scored becomes an action of the institution that offers it, and the output links to it."""
    rng = random.Random(f"{uuid} outputs")  # apart from the main sequence: the assessments after stay as they were
    ranked = gaps(form, {a.indicator_id: a for a in plenary})
    priorities = suggested_priorities(ranked)
    gap_of = {gap.indicator_id: gap for gap in ranked}
    writers = {area: ((named or {}).get(name, name), language) for name, area, _, language in WORKSHOP_GROUPS}
    actions, outputs = [], []
    for area, written in demo_texts()["workshop_outputs"].items():
        group, language = writers.get(area, ("", facilitator))
        for item in written:
            linked = ()
            gap = gap_of.get(item["indicators"][0]) if item["kind"] == "contribution" else None
            if gap is not None:
                action = Action(title=_action_title(form.indicator(gap.indicator_id), gap.target, language),
                                indicators=(gap.indicator_id,), responsible=item["institution"],
                                priority=priorities[gap.indicator_id].value, timeframe="12-months",
                                status="planned", uuid=_uuid(rng), updated_at=stamp)
                actions.append(action)
                linked = (action.uuid,)
            outputs.append(Output(kind=item["kind"], text=item["text"].get(language), area=item.get("area", area),
                                  institution=item.get("institution", ""), indicators=tuple(item["indicators"]),
                                  actions=linked, group=group, uuid=_uuid(rng), updated_at=stamp))
    return tuple(actions), tuple(outputs)


def _uuid(rng: random.Random) -> str:
    bits = rng.getrandbits(128)
    # A version-4 uuid built from the seeded generator, so demos are reproducible.
    bits = (bits & ~(0xF000 << 64)) | (0x4000 << 64)
    bits = (bits & ~(0xC000 << 48)) | (0x8000 << 48)
    hexed = f"{bits:032x}"
    return f"{hexed[:8]}-{hexed[8:12]}-{hexed[12:16]}-{hexed[16:20]}-{hexed[20:]}"


# What does not apply where: an internal checkpoint has no foreign border; a border post no internal checkpoint.
NOT_AT = {"internal": {"OPS-07", "OPS-12", "OPS-13", "OPS-14", "COO-03", "COO-10", "REG-02"},
          "air": {"OPS-11", "OPS-16"}, "sea": {"OPS-11", "OPS-16"}, "land": {"OPS-11"}}


def _answer(rng, indicator, strength, year, team, site_type="land", language="en", stamp="") -> Answer:
    roll = rng.random()
    stamped = {"updated_at": stamp} if stamp else {}
    if indicator.id in NOT_AT.get(site_type, ()):
        return Answer(indicator.id, special=Special.NA.value, notes=_note("not-at-this-kind-of-site", language),
                      answered_by=team[0], **stamped)
    if roll < 0.04:
        return Answer(indicator.id, special=Special.NA.value, notes=_note("not-relevant", language),
                      answered_by=team[0], **stamped)
    if roll < 0.09:
        return Answer(indicator.id, special=Special.UNKNOWN.value, notes=_note("nobody-knew", language),
                      answered_by=team[0], **stamped)
    level = max(1, min(5, round(rng.gauss(strength, 0.9))))
    evidence_type = rng.choice(indicator.evidence) if level >= 2 and rng.random() < 0.85 else ""
    n, when = rng.randint(2, 40), year - rng.randint(0, 3)
    evidence = demo_texts()["evidence"].get(evidence_type)
    text = evidence.get(language).format(n=n, year=when) if evidence else ""
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
        **stamped,
    )


def _note(key: str, language: str, **values: str) -> str:
    return demo_texts()["notes"][key].get(language).format(**values)


def _actions(rng, form, answers, institutions, in_kurdistan=False, language="en", stamp="") -> list[Action]:
    """Actions a plan would take on the gaps: what the next level asks, by the institution whose work it is."""
    ranked = gaps(form, answers)
    priorities = suggested_priorities(ranked)
    found = _plan(ranked, priorities, rng.randint(0, 5))
    resources = [text.get(language) for text in demo_texts()["resources"]] + [""]
    actions = []
    for gap in found:
        indicator = form.indicator(gap.indicator_id)
        owner = _owner(indicator, institutions, in_kurdistan)
        partners = [institutions[i] for i in PARTNERS.get(indicator.id, ("iom", "unhcr")) if i in institutions]
        actions.append(
            Action(
                title=_action_title(indicator, gap.target, language),
                indicators=(gap.indicator_id,),
                responsible=_short(owner),
                partners=tuple(_short(p) for p in partners[: rng.randint(1, 2)] if p is not owner),
                priority=priorities[gap.indicator_id].value,
                timeframe=rng.choice(("immediate", "3-months", "12-months", "longer")),
                cost=float(rng.choice((5_000, 12_000, 25_000, 60_000, 150_000))),
                currency="USD",
                resources=rng.choice(resources),
                status=rng.choice(("planned", "planned", "in-progress", "done")),
                uuid=_uuid(rng),
                **({"updated_at": stamp} if stamp else {}),
            )
        )
    return actions


def _plan(ranked: list[Gap], priorities: Mapping[str, Priority], count: int) -> list[Gap]:
    """``count`` gaps to act on, mixed over the suggested priorities as PLAN_MIX says, in ranked order;
    where a priority has too few gaps, the next most urgent ones make up the number."""
    if count <= 0 or not ranked:
        return []
    count = min(count, len(ranked))
    chosen: list[Gap] = []
    for priority, wanted in zip((Priority.HIGH, Priority.MEDIUM, Priority.LOW), PLAN_MIX[count], strict=True):
        chosen += [gap for gap in ranked if priorities[gap.indicator_id] == priority][:wanted]
    chosen += [gap for gap in ranked if gap not in chosen][:count - len(chosen)]
    return sorted(chosen, key=ranked.index)


def _owner(indicator, institutions: dict[str, Institution], in_kurdistan: bool) -> Institution:
    wanted = OWNERS.get(indicator.id) or AREA_OWNERS.get(indicator.area_id, ())
    for institution_id in wanted:
        institution_id = KURDISTAN_COUNTERPART.get(institution_id, institution_id) if in_kurdistan else institution_id
        if institution_id in institutions:
            return institutions[institution_id]
    return next(iter(institutions.values()))


def _action_title(indicator, target: int, language: str = "en") -> str:
    """What reaching the target level means for this indicator: its first condition, without the 'but …'."""
    texts = demo_texts()
    condition = indicator.level_conditions(target)[0].get(language)
    for cut in texts["but"][language]:
        condition = condition.split(cut)[0]
    condition = condition.rstrip(" .;،؛")
    if len(condition) > 150:
        condition = condition[:150].rsplit(" ", 1)[0] + "…"
    first_word = condition.split(" ", 1)[0]
    if language == "en" and (first_word == "A" or first_word[1:].islower()):  # "IOM…", "SOPs…" keep capitals
        condition = condition[0].lower() + condition[1:]
    return texts["action_title"].get(language).format(indicator=indicator.id, level=target, condition=condition)


@cache
def demo_texts(directory: Path | None = None) -> dict:
    """data/demo.yaml, its texts as Text: raises ValueError naming every problem (see ``demo_text_problems``)."""
    from hbm_assess.core.yaml_text import load_yaml
    from hbm_assess.locations import data_dir

    path = (directory or data_dir()) / "demo.yaml"
    data = load_yaml(path.read_text(encoding="utf-8"))
    problems = demo_text_problems(data)
    if problems:
        raise ValueError(f"{path}: " + "; ".join(problems))
    as_text = {key: {k: Text(v) for k, v in data[key].items()} for key in ("evidence", "notes", "national_workshop")}
    return {
        **as_text,
        "resources": [Text(r) for r in data["resources"]],
        "action_title": Text(data["action_title"]),
        "but": data["but"],
        "workshop_outputs": {area: [{**item, "text": Text(item["text"])} for item in items]
                             for area, items in data["workshop_outputs"].items()},
        "screenshots": _screenshot_texts(data["screenshots"]),
    }


def _screenshot_texts(data: Mapping) -> dict:
    """What the screenshots type, as Text: assessors and meeting, and lists of groups, evidence and outputs."""
    return {
        "assessors": Text(data["assessors"]), "meeting": Text(data["meeting"]),
        "groups": [Text(g) for g in data["groups"]], "evidence": [Text(e) for e in data["evidence"]],
        "outputs": [{**item, "text": Text(item["text"])} for item in data["outputs"]],
    }


def demo_text_problems(data: object) -> list[str]:
    """What is wrong with the demo's texts: each text in every language, with the same {placeholders}."""
    if not isinstance(data, Mapping):
        return ["write a mapping: evidence, notes, resources, action_title, but, workshop_outputs, national_workshop, "
                "screenshots"]
    problems: list[str] = []

    def text(value: object, place: str) -> None:
        if not isinstance(value, Mapping) or any(not str(value.get(lang) or "").strip() for lang in LANGUAGES):
            problems.append(f"{place}: give the text in {', '.join(LANGUAGES)}")
            return
        fields = {lang: sorted(_fields(str(value[lang]))) for lang in LANGUAGES}
        if len({tuple(f) for f in fields.values()}) > 1:
            problems.append(f"{place}: every language needs the same {{placeholders}} ({fields})")

    for key in ("evidence", "notes", "resources", "action_title", "but", "workshop_outputs", "national_workshop",
                "screenshots"):
        if key not in data:
            problems.append(f"{key}: missing")
    if problems:
        return problems
    unknown = set(data["evidence"]) - set(vocabulary().evidence_types)
    if unknown:
        problems.append(f"evidence: {sorted(unknown)} are not evidence types (data/vocabulary.yaml)")
    for group in ("evidence", "notes"):
        for key, value in data[group].items():
            text(value, f"{group} › {key}")
    for number, value in enumerate(data["resources"], start=1):
        text(value, f"resources › {number}")
    for key in ("site", "notes"):
        text((data["national_workshop"] or {}).get(key), f"national_workshop › {key}")
    text(data["action_title"], "action_title")
    if not all(isinstance(data["but"].get(lang), list) for lang in LANGUAGES):
        problems.append(f"but: a list of words in each of {', '.join(LANGUAGES)}")
    for area, items in data["workshop_outputs"].items():
        for number, item in enumerate(items, start=1):
            place = f"workshop_outputs › {area or 'whole assessment'} › {number}"
            if item.get("kind") not in OUTPUT_KINDS:
                problems.append(f"{place}: kind is one of {', '.join(OUTPUT_KINDS)}")
            if not item.get("indicators"):
                problems.append(f"{place}: name the indicators it is about")
            if item.get("kind") == "contribution" and not item.get("institution"):
                problems.append(f"{place}: a contribution names its institution")
            text(item.get("text"), place)
    problems += _screenshot_problems(data["screenshots"], text)
    return problems


def _screenshot_problems(data: object, text) -> list[str]:
    """What is wrong with what the screenshots type (each text in every language; outputs name a kind,
    their group by its number and, for a contribution, an institution); ``text`` records a text's problems."""
    if not isinstance(data, Mapping) or not all(isinstance(data.get(key), list) and data.get(key)
                                                  for key in ("groups", "evidence", "outputs")):
        return ["screenshots: give assessors, meeting, and lists of groups, evidence and outputs"]
    problems = []
    for key in ("assessors", "meeting"):
        text(data.get(key), f"screenshots › {key}")
    if len(data["evidence"]) != len(data["groups"]):
        problems.append("screenshots: one evidence text for each group")
    for group in ("groups", "evidence"):
        for number, value in enumerate(data[group], start=1):
            text(value, f"screenshots › {group} › {number}")
    for number, item in enumerate(data["outputs"], start=1):
        place = f"screenshots › outputs › {number}"
        item = item if isinstance(item, Mapping) else {}
        if item.get("kind") not in OUTPUT_KINDS:
            problems.append(f"{place}: kind is one of {', '.join(OUTPUT_KINDS)}")
        if "group" in item and item["group"] not in range(len(data["groups"])):
            problems.append(f"{place}: group is a number from 0 to {len(data['groups']) - 1}")
        if item.get("kind") == "contribution" and not item.get("institution"):
            problems.append(f"{place}: a contribution names its institution")
        text(item.get("text"), place)
    return problems


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
