"""The fonts shipped with the app (Noto Sans, Noto Sans Arabic, the report's marks), made known to Qt.

The charts register the same files with matplotlib.

Not imported from the charts package: that would load matplotlib at every start of the app.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QFontDatabase

from hbm_assess.locations import fonts_dir


@cache
def register() -> tuple[int, ...]:
    """Add the bundled fonts once per process: no boxes on a bare machine, the same report on every machine."""
    return tuple(QFontDatabase.addApplicationFont(str(p)) for p in sorted(fonts_dir().glob("*.ttf")))
