"""The fonts charts are drawn with: Noto Sans Arabic shipped with the app, DejaVu Sans for Latin."""

from __future__ import annotations

from functools import cache

from matplotlib import font_manager

from hbm_assess.core.text import is_right_to_left
from hbm_assess.locations import fonts_dir

FONT_DIR = fonts_dir()
ARABIC = "Noto Sans Arabic"
LATIN = "DejaVu Sans"  # ships inside matplotlib, so it is there on every machine


@cache
def register() -> tuple[str, ...]:
    """Make the shipped fonts known to matplotlib (once); returns the files added."""
    added = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_manager.fontManager.addfont(str(path))
        added.append(path.name)
    return tuple(added)


def families(language: str) -> list[str]:
    """Font fallback list: the script of the language first, the other for mixed text."""
    register()
    # Noto Sans Arabic has no Latin letters and DejaVu's Arabic lacks the Kurdish
    # letters' joining forms, so each script needs its own font in the list.
    return [ARABIC, LATIN] if is_right_to_left(language) else [LATIN, ARABIC]
