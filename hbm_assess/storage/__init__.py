"""The SQLite store."""

import sys


def lean_sqlite_utils():
    """sqlite-utils, imported without pandas and numpy.

    sqlite-utils imports pandas and numpy whenever they are installed, only to
    convert their types on insert; this app never hands it either. Hiding them
    for that one import saves 70-250 ms (measured in benchmarks/); they stay
    importable for everything else. Imported when a module first needs it, not
    with this package: the window's first paint reads its list without it
    (storage/listing.py).
    """
    if "sqlite_utils" not in sys.modules:
        hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment] - makes "import name" fail fast
        try:
            import sqlite_utils  # noqa: F401
        finally:
            for name in hidden:
                sys.modules.pop(name, None)
    return sys.modules["sqlite_utils"]
