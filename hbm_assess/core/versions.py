"""Lining up the versions of one questionnaire, so baselines and follow-ups compare like with like.

An indicator may carry ``replaces: OLD-ID`` to say it is what an earlier version
called OLD-ID. Each indicator of each version is linked to its *lined-up* id: the
id it has in the newest version (or its own id when a later version dropped it).
Assessments of different versions are compared only on the lined-up indicators
every compared version asks; the rest are left out, and the screen says which.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hbm_assess.core.questionnaire import Form, version_key


@dataclass(frozen=True)
class LeftOut:
    """An indicator left out of a comparison because some of the compared versions do not ask it."""

    form_id: str
    indicator_id: str
    in_versions: tuple[str, ...]
    missing_from: tuple[str, ...]


@dataclass(frozen=True)
class Renamed:
    """An indicator that an earlier version asked under another id, lined up by ``replaces``."""

    form_id: str
    version: str
    old_id: str
    new_ids: tuple[str, ...]


@dataclass(frozen=True)
class Lineup:
    """How the compared versions of one questionnaire line up, indicator by indicator."""

    form_id: str
    versions: tuple[str, ...]
    links: dict[tuple[str, str], tuple[str, ...]]
    shared: frozenset[str]
    left_out: tuple[LeftOut, ...]
    renamed: tuple[Renamed, ...]

    def lined_up(self, version: str, indicator_id: str) -> tuple[str, ...]:
        """The lined-up ids of an indicator as one version calls it (several when it was split)."""
        return self.links.get((version, indicator_id), (indicator_id,))


def line_up(forms: Sequence[Form], compared: Iterable[str] | None = None) -> Lineup:
    """Line up every given version of one form; ``compared`` are the versions actually compared.

    Versions not compared still pass their renames along a chain (1.0 → 2.0 → 3.0).
    """
    ordered = sorted(forms, key=lambda form: version_key(form.version))
    if len({form.id for form in ordered}) > 1:
        raise ValueError("line_up takes versions of one questionnaire only")
    compared_versions = tuple(v for v in (f.version for f in ordered) if compared is None or v in set(compared))
    links = _links(ordered)
    asked: dict[str, list[str]] = {}
    for form in ordered:
        if form.version not in compared_versions:
            continue
        for indicator in form.indicators():
            for lined_up in links[(form.version, indicator.id)]:
                if form.version not in asked.setdefault(lined_up, []):
                    asked[lined_up].append(form.version)
    shared = frozenset(i for i, versions in asked.items() if len(versions) == len(compared_versions))
    left_out = tuple(
        LeftOut(ordered[0].id, i, tuple(versions), tuple(v for v in compared_versions if v not in versions))
        for i, versions in sorted(asked.items())
        if i not in shared
    )
    renamed = tuple(
        Renamed(ordered[0].id, version, old_id, new_ids)
        for (version, old_id), new_ids in links.items()
        if version in compared_versions and new_ids != (old_id,)
    )
    form_id = ordered[0].id if ordered else ""
    return Lineup(form_id, compared_versions, links, shared, left_out, renamed)


def _links(oldest_first: Sequence[Form]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(version, indicator id) → lined-up ids, walking from the newest version back."""
    links: dict[tuple[str, str], tuple[str, ...]] = {}
    # What an id used by an older version means in the newest one; filled as we walk back.
    meaning: dict[str, tuple[str, ...]] = {}
    for form in reversed(oldest_first):
        step: dict[str, tuple[str, ...]] = {}
        for indicator in form.indicators():
            own = meaning.get(indicator.id, (indicator.id,))
            links[(form.version, indicator.id)] = own
            step[indicator.id] = _union(step.get(indicator.id, ()), own)
            for old_id in indicator.replaces:
                # A split names the same old id from several indicators: the old one lines up with each.
                step[old_id] = _union(step.get(old_id, ()), own)
        meaning.update(step)
    return links


def _union(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    return first + tuple(item for item in second if item not in first)
