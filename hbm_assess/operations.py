"""Operations that combine the questionnaires, the reference lists and the store.

The app and the command line both call these, so they behave the same.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from hbm_assess.core.demo import demo_assessments
from hbm_assess.core.messages import Message, Problem
from hbm_assess.core.questionnaire import Form, installed_forms, latest, version_key
from hbm_assess.core.reference import crossing_points, institutions
from hbm_assess.core.workshop import ConsensusCase, Group, Output
from hbm_assess.storage.store import Store


def shipped_forms() -> list[Form]:
    """The newest version of every questionnaire in forms/, detailed first."""
    forms = installed_forms()
    newest = [latest(forms, form_id) for form_id in sorted({fid for fid, _ in forms})]
    return sorted(newest, key=lambda form: (form.mode != "detailed", form.id))


def demo_forms() -> list[Form]:
    """Every installed questionnaire version, the newest detailed first: demos mix 1.0 baselines and 1.1."""
    forms = installed_forms()
    newest = latest(forms, "hbm-detailed") if any(fid == "hbm-detailed" for fid, _ in forms) else None
    rest = sorted((f for f in forms.values() if f is not newest), key=lambda f: (f.id, version_key(f.version)))
    return ([newest] if newest else []) + rest


def add_demo_assessments(store: Store, count: int = 1, seed: int = 2014) -> list[int]:
    """Add ``count`` fictional assessments across Iraq's border crossing points; their ids.

    The same seed makes the same assessments, uuids included, so those already in the database
    are not added twice (two assessments with one uuid would read elsewhere as one edited two
    ways): running ``demo`` again with a larger count adds only the ones not there yet.
    """
    from hbm_assess.core.reference import governorates
    from hbm_assess.storage.workshop import save_groups
    from hbm_assess.storage.workshop_outputs import add_outputs

    forms = demo_forms()
    by_key = {form.key: form for form in forms}
    kurdistan = frozenset(g.id for g in governorates() if g.region == "KR")
    ids = []
    present = {uuid for (uuid,) in store.db.execute("SELECT uuid FROM assessments")}
    for demo in demo_assessments(count, seed, forms, crossing_points(), institutions(), kurdistan=kurdistan):
        if demo.assessment.uuid in present:
            continue
        form = by_key[(demo.assessment.form_id, demo.assessment.form_version)]
        ids.append(store.create_assessment(demo.assessment, form, demo.answers, demo.actions))
        if demo.groups:
            save_groups(store, ids[-1], list(demo.groups))
        if demo.outputs:
            add_outputs(store, ids[-1], list(demo.outputs))
    return ids


class OperationError(Problem, ValueError):
    """What was asked cannot be done; the message says what is wrong and what to do."""


def find_site(text: str, language: str = "en"):
    """The crossing point whose code or name (in any language) is ``text``; a typed site when none is."""
    from hbm_assess.core.assessment import Site

    wanted = text.strip().casefold()
    if not wanted:
        raise OperationError(Message.of("site_missing"))
    for point in crossing_points():
        names = {point.id.casefold(), *(name.casefold() for name in point.name.by_language.values())}
        if wanted in names:
            return point.site(language)
    return Site(name=text.strip())


def new_assessment(store: Store, form_id: str, site: str, version: str | None = None, date: str | None = None,
                   assessors: tuple[str, ...] = (), institutions: tuple[str, ...] = (),
                   scope: str = "crossing-point", target_policy: str = "next-level", country: str = "") -> int:
    """Create an empty draft assessment, as New assessment in the window does; returns its id.

    For a governorate or national assessment, ``site`` names the governorate, or the country or
    meeting; it is not looked up among the crossing points.
    """
    from datetime import date as calendar

    from hbm_assess.core.assessment import SCOPES, Assessment, Scope, Site

    if scope not in SCOPES:
        raise OperationError(Message.of("operation_scope_unknown", scope=repr(scope), known=", ".join(SCOPES)))
    from hbm_assess.core.targets import POLICIES

    if target_policy not in POLICIES:
        raise OperationError(Message.of("operation_policy_unknown", policy=repr(target_policy),
                                        known=", ".join(POLICIES)))

    forms = installed_forms()
    known = sorted({fid for fid, _ in forms})
    if form_id not in known:
        raise OperationError(Message.of("no_such_form", form=repr(form_id), known=", ".join(known)))
    form = latest(forms, form_id) if version is None else forms.get((form_id, version))
    if form is None:
        versions = sorted(v for fid, v in forms if fid == form_id)
        raise OperationError(Message.of("no_such_version", form=form_id, version=repr(version),
                                        known=", ".join(versions)))
    day = date or calendar.today().isoformat()
    try:
        calendar.fromisoformat(day)
    except ValueError:
        raise OperationError(Message.of("not_a_date", value=repr(day))) from None
    if scope == Scope.CROSSING_POINT.value:
        place = find_site(site)
    elif not site.strip():
        raise OperationError(Message.of("governorate_missing" if scope == Scope.GOVERNORATE.value
                                        else "country_or_meeting_missing"))
    else:
        place = Site(name=site.strip())
    if country:
        # A national or governorate assessment names its country so crossing points can read it.
        if not re.fullmatch(r"[A-Z]{2}", country):
            raise OperationError(Message.of("not_a_country", value=repr(country)))
        place = replace(place, country=country)
    assessment = Assessment(form.id, form.version, place, date=day, assessors=tuple(assessors),
                            institutions=tuple(institutions), mode=form.mode, scope=scope,
                            target_policy=target_policy)
    return store.create_assessment(assessment, form)


def change_method(store: Store, assessment_id: int, target_policy: str | None = None,
                  scope: str | None = None):
    """Change an assessment's target policy and/or scope after creation; returns the assessment as saved.

    Targets typed for one indicator stay; every other target follows the new policy wherever
    it is read (results, gaps, priorities, report, exports). A final assessment is refused.
    """
    from hbm_assess.core.assessment import SCOPES
    from hbm_assess.core.targets import POLICIES

    if target_policy is not None and target_policy not in POLICIES:
        raise OperationError(Message.of("operation_policy_unknown", policy=repr(target_policy),
                                        known=", ".join(POLICIES)))
    if scope is not None and scope not in SCOPES:
        raise OperationError(Message.of("operation_scope_unknown", scope=repr(scope), known=", ".join(SCOPES)))
    assessment = store.assessment(assessment_id)
    changed = replace(assessment, target_policy=target_policy or assessment.target_policy,
                      scope=scope or assessment.scope)
    if changed != assessment:
        store.update_assessment(changed)
    return store.assessment(assessment_id)


def set_answer(store: Store, assessment_id: int, indicator_id: str, value: str, target: int | None = None,
               evidence: str | None = None, group: str = "") -> str:
    """Set one answer (a level 1-5, 'na' or 'unknown'), as the indicator page does; returns the commit time.

    With ``group``, the answer is that break-out group's own (facilitator's machine), and an
    indicator only that group scored is adopted, as when its file is merged. On a group's
    laptop, only that group's indicators can be answered.
    """
    from dataclasses import replace

    from hbm_assess.core.assessment import Answer, AnswerError, choose_level
    from hbm_assess.storage import workshop

    assessment = store.assessment(assessment_id)
    form = store.form(assessment.form_id, assessment.form_version)
    if indicator_id not in form.by_id:
        raise OperationError(Message.of("output_indicator_unknown", form=assessment.form_id,
                                        version=assessment.form_version, indicator=repr(indicator_id)))
    laptop = workshop.laptop_group(store, assessment_id)
    if laptop:
        mine = next((g for g in workshop.groups(store, assessment_id) if g.name == laptop), None)
        if mine is not None and mine.indicators and indicator_id not in mine.indicators:
            raise OperationError(Message.of("laptop_other_indicator", group=repr(laptop), indicator=indicator_id))
        if group and group != laptop:
            raise OperationError(Message.of("laptop_other_group", group=repr(laptop), other=repr(group)))
        group = ""  # the laptop's own answers are the assessment's, as in the window
    current = (workshop.group_answers(store, assessment_id).get(group, {}) if group
               else store.answers(assessment_id)).get(indicator_id) or Answer(indicator_id)
    spoken = value.strip().lower()
    try:
        if spoken in ("na", "unknown"):
            answer = replace(current, level=None, special=spoken, target=None)
        elif spoken.isdigit():
            answer = choose_level(current, int(spoken))
        else:
            raise OperationError(Message.of("not_an_answer", value=repr(value)))
        if target is not None:
            answer = replace(answer, target=target)
        if evidence is not None:
            answer = replace(answer, evidence_text=evidence)
    except AnswerError as error:
        raise OperationError(error) from None
    if not group:
        return store.save_answer(assessment_id, answer)
    return workshop.save_group_answer(store, assessment_id, group, answer)



@lru_cache(maxsize=1)
def _installed() -> dict:
    """The shipped questionnaires, read once: Results compares again at every answer."""
    return installed_forms()


def compare_with(store: Store, form: Form, answers, earlier_id: int):
    """Answers to ``form`` set against an earlier assessment of the same site: its answers and the comparison.

    The two may use different versions of a questionnaire, or a rapid and a detailed form of one
    family; every stored version of the questionnaires involved is passed along for renames.
    """
    from hbm_assess.core.comparison import compare_assessments
    from hbm_assess.core.targets import with_policy_targets

    earlier = store.assessment(earlier_id)
    earlier_form = store.form(earlier.form_id, earlier.form_version)
    involved = {form.id, earlier_form.id} | {f.detailed_form[0] for f in (form, earlier_form) if f.detailed_form}
    known = [store.form(form_id, version) for form_id, version in store.stored_forms() if form_id in involved]
    known += [form for key, form in _installed().items() if key[0] in involved]
    # The earlier assessment's targets under its own policy, as its own Results showed them.
    earlier_answers = with_policy_targets(earlier_form, store.answers(earlier_id), earlier.target_policy)
    return earlier_answers, compare_assessments(earlier_form, earlier_answers, form, answers, known)


# -- workshop ------------------------------------------------------------------
# The Workshop menu and "hbm-assess workshop ..." both call these.


def parse_group(text: str) -> Group:
    """``NAME=IND1,IND2,…`` as typed after --group: a break-out group and the indicators it scores."""
    name, sep, indicators = text.partition("=")
    if not sep or not name.strip():
        raise OperationError(Message.of("not_a_group", value=repr(text)))
    return Group(name.strip(), indicators=tuple(i.strip() for i in indicators.split(",") if i.strip()))


def groups_from_yaml(text: str, where: str) -> list[Group]:
    """Groups from a YAML file: a list (or ``groups:``) of {name, indicators, members, institutions}."""
    from hbm_assess.core.yaml_text import YAMLError, load_yaml

    try:
        data = load_yaml(text)
    except YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = Message.of("yaml_problem_at", line=mark.line + 1, column=mark.column + 1, problem=error) if mark \
            else error
        raise OperationError(Message.of("groups_not_yaml", path=where, reason=reason)) from None
    if isinstance(data, dict):
        data = data.get("groups")
    lists = ("members", "institutions", "indicators")
    if not isinstance(data, list) or not all(
            isinstance(g, dict) and isinstance(g.get("name"), str)
            and all(isinstance(g.get(k, []), list) and all(isinstance(x, str) for x in g.get(k, [])) for k in lists)
            for g in data):
        raise OperationError(Message.of("groups_shape", path=where))
    return [Group(g["name"].strip(), *(tuple(g.get(k, [])) for k in lists)) for g in data]


def define_groups(store: Store, assessment_id: int, groups: list[Group]) -> None:
    """Name the workshop's break-out groups and what each scores, as Workshop → Groups does."""
    from hbm_assess.storage import workshop

    assessment = store.assessment(assessment_id)
    form = store.form(assessment.form_id, assessment.form_version)
    for group in groups:
        unknown = [i for i in group.indicators if i not in form.by_id]
        if unknown:
            raise OperationError(Message.of("group_indicator_unknown", group=repr(group.name), form=assessment.form_id,
                                            version=assessment.form_version, indicator=repr(unknown[0])))
    if workshop.laptop_group(store, assessment_id):
        raise OperationError(Message.of("laptop_sets_no_groups"))
    try:
        workshop.save_groups(store, assessment_id, groups)
    except ValueError:
        raise OperationError(Message.of("group_names")) from None


def workshop_cases(store: Store, assessment_id: int) -> list[ConsensusCase]:
    """Every indicator scored by more than one group, with the groups' answers and the agreement, if any."""
    from hbm_assess.storage import workshop

    store.assessment(assessment_id)  # NotFound names a missing assessment
    return sorted(workshop.merge_plan(store, assessment_id).cases, key=lambda case: case.indicator_id)


def case_to_dict(case: ConsensusCase) -> dict:
    """A consensus case as the command line prints it (--json)."""
    agreed = case.agreed if case.settled else None
    return {
        "indicator": case.indicator_id,
        "groups": {group: {"level": a.level, "special": a.special, "evidence": a.evidence_text, "notes": a.notes}
                   for group, a in case.by_group.items()},
        "spread": case.spread,
        "disagreement": case.disagreement,
        "settled": case.settled,
        "agreed": None if agreed is None else {"level": agreed.level, "special": agreed.special,
                                               "notes": agreed.notes},
    }


def settle(store: Store, assessment_id: int, indicator_id: str, value: str | int | None, note: str = "") -> str:
    """Record the plenary's agreed answer to an indicator several groups scored; returns the commit time.

    ``value`` is a level (1-5), 'na' or 'unknown'. Raises SettlementRefused (a rule, not bad
    input) when the groups are two levels apart or more and ``note`` does not say why.
    """
    from hbm_assess.core.workshop import agreed_answer
    from hbm_assess.storage import workshop

    cases = {case.indicator_id: case for case in workshop_cases(store, assessment_id)}
    case = cases.get(indicator_id)
    if case is None:
        raise OperationError(Message.of("nothing_to_settle", indicator=indicator_id, id=assessment_id))
    level, special = _answer_value(value)
    return workshop.settle(store, assessment_id, agreed_answer(case, level, special, note))


def _answer_value(value: str | int | None) -> tuple[int | None, str | None]:
    spoken = str(value).strip().lower() if value is not None else ""
    if spoken in ("na", "unknown"):
        return None, spoken
    if spoken.isdigit() and 1 <= int(spoken) <= 5:
        return int(spoken), None
    raise OperationError(Message.of("not_an_answer", value=repr(value)))


WHOLE_ASSESSMENT = "all"  # --area all: an output about the whole assessment, not one area


def add_workshop_output(store: Store, assessment_id: int, kind: str, text: str, area: str = "",
                        institution: str = "", indicators: tuple[str, ...] = (),
                        actions: tuple[str, ...] = ()) -> Output:
    """Add a challenge, strategy direction or contribution, as the window's Workshop outputs panel does.

    On a group's laptop the output is that group's; elsewhere it is the facilitator's.
    """
    from hbm_assess.storage import workshop, workshop_outputs
    from hbm_assess.storage.store import StoreError

    assessment = store.assessment(assessment_id)
    form = store.form(assessment.form_id, assessment.form_version)
    wanted = area.strip()
    if wanted.casefold() == WHOLE_ASSESSMENT:
        wanted = ""
    by_name = {a.id.casefold(): a.id for a in form.areas}
    area_id = by_name.get(wanted.casefold(), wanted)
    output = Output(kind=kind, text=text, area=area_id, institution=institution, indicators=tuple(indicators),
                    actions=tuple(actions), group=workshop.laptop_group(store, assessment_id))
    try:
        return workshop_outputs.add_output(store, assessment_id, output)
    except StoreError as error:
        raise OperationError(error) from None


def output_to_dict(output: Output) -> dict:
    return {"uuid": output.uuid, "area": output.area or WHOLE_ASSESSMENT, "kind": output.kind, "text": output.text,
            "institution": output.institution, "indicators": list(output.indicators),
            "actions": list(output.actions), "group": output.group, "updated_at": output.updated_at}
