"""The shipped crossing points' names, and the one rule for saying a site's name in a language.

Read at start without PyYAML, because the home list's first paint says its sites' names.
For showing names only. The list's checks run where the list itself is used
(``core.reference.crossing_points``), which refuses a wrong list naming every problem;
this module stays small (no checks, no dataclasses) because the first paint waits for it.
"""

from __future__ import annotations

from functools import cache

from hbm_assess.core.text import Text
from hbm_assess.core.yaml_cache import load_yaml_kept
from hbm_assess.locations import data_dir


@cache
def _points() -> dict[str, tuple[Text, str]]:
    """Each crossing point's name in every language and its country, by its id."""
    try:
        data = load_yaml_kept((data_dir() / "crossing_points.yaml").read_text(encoding="utf-8"), "crossing-points")
        return {entry["id"]: (Text(entry["name"]), str(entry.get("country", ""))) for entry in data["crossing_points"]}
    except Exception:  # any failure at all: the checked reading says what is wrong
        from hbm_assess.core.reference import crossing_points

        return {point.id: (point.name, point.country) for point in crossing_points()}


def forget() -> None:
    """Read the list again when next asked (tests that change it)."""
    _points.cache_clear()
    _by_typed_name.cache_clear()


def crossing_point_names() -> dict[str, Text]:
    """Each crossing point's name in every language, by its id (the parse kept by content, core/yaml_cache.py)."""
    return {point_id: name for point_id, (name, _) in _points().items()}


@cache
def _by_typed_name() -> dict[str, list[str]]:
    """The ids of the crossing points each name (any language, case-folded) belongs to."""
    found: dict[str, list[str]] = {}
    for point_id, (name, _) in _points().items():
        for said in {text.strip().casefold() for text in name.by_language.values()}:
            found.setdefault(said, []).append(point_id)
    return found


def site_said(name: str, language: str, reference_id: str = "", country: str = "") -> str:
    """A site's name in ``language``: the list's name when what was typed is a known crossing point's name.

    The crossing point is the one the site was chosen as (its reference id), else one of that
    name in the site's country (any country when none was given). What was typed counts only when
    it is one of that point's names, in any language: a name edited after choosing from the list
    ("Ibrahim Khalil cargo gate") is the assessor's own and stays as typed, and so does the
    list's name typed in ``language`` itself, in the assessor's letter case. The window, the
    reports, the workbooks and the command line all say a site's name by this one rule.
    """
    typed = name.strip().casefold()
    candidates = _by_typed_name().get(typed, [])
    points = _points()
    if reference_id in points:
        chosen = reference_id if reference_id in candidates else None
    else:
        chosen = next((point_id for point_id in candidates if not country or points[point_id][1] == country), None)
    if chosen is None:
        return name
    listed = points[chosen][0].get(language)
    return name if listed.casefold() == typed else listed  # typed in this language: the assessor's spelling
