"""The SQLite store."""

import sys


def _import_sqlite_utils_lean() -> None:
    # sqlite-utils imports pandas and numpy whenever they are installed, only to
    # convert their types on insert; this app never hands it either. Hiding them
    # for that one import saves 70-250 ms at every start of the app (measured in
    # benchmarks/); they stay importable for everything else.
    hidden = [name for name in ("pandas", "numpy") if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment] - makes "import name" fail fast
    try:
        import sqlite_utils  # noqa: F401
    finally:
        for name in hidden:
            sys.modules.pop(name, None)


_import_sqlite_utils_lean()
