"""The fonts charts are drawn with: Noto Sans and Noto Sans Arabic, shipped with the app, as in the report."""

from __future__ import annotations

from functools import cache

from matplotlib import font_manager

from hbm_assess.core.text import is_right_to_left
from hbm_assess.locations import fonts_dir

FONT_DIR = fonts_dir()
ARABIC = "Noto Sans Arabic"
LATIN = "Noto Sans"
LAST_RESORT = "DejaVu Sans"  # ships inside matplotlib: the arrows and any other sign the Noto files lack


@cache
def register() -> tuple[str, ...]:
    """Make the shipped fonts known to matplotlib (once), ahead of the machine's; returns the files added."""
    manager = font_manager.fontManager
    added = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        known = len(manager.ttflist)
        manager.addfont(str(path))
        added.append(path.name)
        # matplotlib takes the first of equally good matches, and the machine's fonts come first:
        # a system Noto Sans of another version would otherwise draw the charts on that machine.
        shipped = manager.ttflist[known:]
        del manager.ttflist[known:]
        manager.ttflist[:0] = shipped
    manager._findfont_cached.cache_clear()
    return tuple(added)


def families(language: str) -> list[str]:
    """Font fallback list: the script of the language first, the other for mixed text, then signs such as arrows."""
    register()
    # Noto Sans Arabic has no Latin letters and DejaVu's Arabic lacks the Kurdish
    # letters' joining forms, so each script needs its own font in the list.
    scripts = [ARABIC, LATIN] if is_right_to_left(language) else [LATIN, ARABIC]
    return [*scripts, LAST_RESORT]
