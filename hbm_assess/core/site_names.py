"""The shipped crossing points' names by id: what the home list shows for its sites, read at start without PyYAML.

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
def crossing_point_names() -> dict[str, Text]:
    """Each crossing point's name in every language, by its id (the parse kept by content, core/yaml_cache.py)."""
    try:
        data = load_yaml_kept((data_dir() / "crossing_points.yaml").read_text(encoding="utf-8"), "crossing-points")
        return {entry["id"]: Text(entry["name"]) for entry in data["crossing_points"]}
    except Exception:  # any failure at all: the checked reading says what is wrong
        from hbm_assess.core.reference import crossing_points

        return {point.id: point.name for point in crossing_points()}
