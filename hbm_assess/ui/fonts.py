"""The Arabic-script font shipped with the app, made known to Qt (the charts register it with matplotlib).

Not imported from the charts package: that would load matplotlib at every start of the app.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from hbm_assess.locations import fonts_dir


@cache
def register() -> tuple[int, ...]:
    """Add the bundled fonts once per process, so Arabic and Kurdish never show as boxes on a bare machine."""
    return tuple(QFontDatabase.addApplicationFont(str(p)) for p in sorted(fonts_dir().glob("*.ttf")))
