"""Comparing two assessments of the same site: what improved, what stayed, what got worse.

Two answers to the same questionnaire compare indicator by indicator. Two versions of one
questionnaire compare on the indicators both ask, lined up by ``replaces`` (core/versions.py).
A rapid form compares with a detailed form of its family through ``summarises``: each
detailed indicator set against the score the rapid item that summarises it was given.
What one side asks and the other does not is left out, and the comparison says how many.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hbm_assess.core.assessment import Answer
from hbm_assess.core.questionnaire import Form, family, version_key
from hbm_assess.core.versions import line_up

SAME_FORM = "same-form"
VERSIONS = "versions"
RAPID_DETAILED = "rapid-detailed"
UNRELATED = "unrelated"


@dataclass(frozen=True)
class Change:
    indicator_id: str
    before: int | None
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Per-indicator changes, keyed by the later assessment's indicator ids."""

    changes: tuple[Change, ...]
    kind: str = SAME_FORM
    left_out: tuple[str, ...] = ()  # indicators only one of the two asks (lined-up ids)

    @property
    def improved(self) -> int:
        return sum(1 for c in self.changes if c.delta is not None and c.delta > 0)

    @property
    def same(self) -> int:
        return sum(1 for c in self.changes if c.delta == 0)

    @property
    def worse(self) -> int:
        return sum(1 for c in self.changes if c.delta is not None and c.delta < 0)

    @property
    def not_comparable(self) -> int:
        """Indicators without a level in one of the two (unanswered, N/A or Unknown)."""
        return sum(1 for c in self.changes if c.delta is None)

    def by_indicator(self) -> dict[str, Change]:
        return {c.indicator_id: c for c in self.changes}

    def earlier_levels(self) -> dict[str, Answer]:
        """The earlier levels as answers to the later form's indicators, for charts drawn on that form."""
        return {c.indicator_id: Answer(c.indicator_id, level=c.before) for c in self.changes if c.before is not None}


def compare(form: Form, earlier: Mapping[str, Answer], later: Mapping[str, Answer]) -> Comparison:
    """Per-indicator change between two sets of answers to the same form."""
    changes = []
    for indicator in form.indicators():
        changes.append(Change(indicator.id, _level(earlier, indicator.id), _level(later, indicator.id)))
    return Comparison(tuple(changes))


def compare_assessments(earlier_form: Form, earlier: Mapping[str, Answer], later_form: Form,
                        later: Mapping[str, Answer], known_forms: Iterable[Form] = ()) -> Comparison:
    """Compare two assessments whatever their questionnaires: same form, two versions, or rapid and detailed.

    ``known_forms`` are other versions that may carry renames between the two (1.0 → 1.1 → 2.0).
    """
    if earlier_form.key == later_form.key:
        return compare(later_form, earlier, later)
    known = {form.key: form for form in (*known_forms, earlier_form, later_form)}
    if earlier_form.id == later_form.id:
        return _across_versions(earlier_form, earlier, later_form, later, known)
    if {earlier_form.mode, later_form.mode} == {"rapid", "detailed"} and family(earlier_form.id) == family(
            later_form.id):
        return _rapid_and_detailed(earlier_form, earlier, later_form, later, known)
    return Comparison((), UNRELATED, tuple(indicator.id for indicator in later_form.indicators()))


def _across_versions(earlier_form: Form, earlier: Mapping[str, Answer], later_form: Form,
                     later: Mapping[str, Answer], known: dict) -> Comparison:
    versions = [form for form in known.values() if form.id == later_form.id]
    lineup = line_up(versions, compared=[earlier_form.version, later_form.version])
    earlier_levels: dict[str, list[int | None]] = {}
    for indicator in earlier_form.indicators():
        for lined_up in lineup.lined_up(earlier_form.version, indicator.id):
            earlier_levels.setdefault(lined_up, []).append(_level(earlier, indicator.id))
    changes = []
    for indicator in later_form.indicators():
        shared = [i for i in lineup.lined_up(later_form.version, indicator.id) if i in lineup.shared]
        if shared:
            before = _combined(level for i in shared for level in earlier_levels.get(i, ()))
            changes.append(Change(indicator.id, before, _level(later, indicator.id)))
    left_out = tuple(item.indicator_id for item in lineup.left_out)
    return Comparison(tuple(changes), VERSIONS, left_out)


def _rapid_and_detailed(earlier_form: Form, earlier: Mapping[str, Answer], later_form: Form,
                        later: Mapping[str, Answer], known: dict) -> Comparison:
    rapid_later = later_form.mode == "rapid"
    rapid, detailed = (later_form, earlier_form) if rapid_later else (earlier_form, later_form)
    rapid_answers, detailed_answers = (later, earlier) if rapid_later else (earlier, later)
    covers = _summarised(rapid, detailed, known)  # rapid item id → the detailed form's ids it summarises
    changes = []
    if rapid_later:
        for item in rapid.indicators():
            if covers.get(item.id):
                before = _combined(_level(detailed_answers, i) for i in covers[item.id])
                changes.append(Change(item.id, before, _level(rapid_answers, item.id)))
        left_out = tuple(item.id for item in rapid.indicators() if not covers.get(item.id))
    else:
        for indicator in detailed.indicators():
            items = [item for item, ids in covers.items() if indicator.id in ids]
            if items:
                before = _combined(_level(rapid_answers, item) for item in items)
                changes.append(Change(indicator.id, before, _level(detailed_answers, indicator.id)))
        summarised = {i for ids in covers.values() for i in ids}
        left_out = tuple(ind.id for ind in detailed.indicators() if ind.id not in summarised)
    return Comparison(tuple(changes), RAPID_DETAILED, left_out)


def _summarised(rapid: Form, detailed: Form, known: dict) -> dict[str, tuple[str, ...]]:
    """Each rapid item's ``summarises`` ids, as the given detailed form's version calls them."""
    named = rapid.detailed_form
    if named is None:
        return _summarised_through_newer(rapid, detailed, known)
    if named[0] != detailed.id:
        return {}
    if named == detailed.key:
        return {item.id: tuple(i for i in item.summarises if i in detailed.by_id) for item in rapid.indicators()}
    versions = [form for form in known.values() if form.id == detailed.id]
    if named not in known:
        return {}
    lineup = line_up(versions, compared=[named[1], detailed.version])
    by_lined_up: dict[str, list[str]] = {}
    for indicator in detailed.indicators():
        for lined_up in lineup.lined_up(detailed.version, indicator.id):
            by_lined_up.setdefault(lined_up, []).append(indicator.id)
    covers = {}
    for item in rapid.indicators():
        ids: list[str] = []
        for summarised in item.summarises:
            for lined_up in lineup.lined_up(named[1], summarised):
                ids += [i for i in by_lined_up.get(lined_up, ()) if i not in ids]
        covers[item.id] = tuple(ids)
    return covers


def _summarised_through_newer(rapid: Form, detailed: Form, known: dict) -> dict[str, tuple[str, ...]]:
    """A rapid version that names nothing (hbm-rapid 1.0) borrows what its items became in a newer one."""
    versions = [form for form in known.values() if form.id == rapid.id]
    newer = [form for form in versions if form.detailed_form]
    if not newer:
        return {}
    newest = max(newer, key=lambda form: version_key(form.version))
    lineup = line_up(versions, compared=[rapid.version, newest.version])
    covers = _summarised(newest, detailed, known)
    borrowed = {}
    for item in rapid.indicators():
        ids: list[str] = []
        for lined_up in lineup.lined_up(rapid.version, item.id):
            ids += [i for i in covers.get(lined_up, ()) if i not in ids]
        borrowed[item.id] = tuple(ids)
    return borrowed


def _level(answers: Mapping[str, Answer], indicator_id: str) -> int | None:
    answer = answers.get(indicator_id)
    return answer.level if answer else None


def _combined(levels: Iterable[int | None]) -> int | None:
    """Several levels stand for one: the lowest (JEE: doubt settles on the lower level); none if any is missing."""
    levels = list(levels)
    if not levels or any(level is None for level in levels):
        return None
    return min(levels)
