"""Remembered settings: defaults in one place, typed access over QSettings, a path tests can redirect."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QTimer

ORGANISATION = "IOM-HBM"
APPLICATION = "hbm-assess"

DEFAULTS: dict[str, object] = {
    "language": "",                  # empty: follow the system locale
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "assessment/splitter": QByteArray(),
    "recent_databases": [],
    "last_assessment": 0,
    "session/open_assessment": 0,    # the assessment open right now (0: none)
    "session/indicator": "",         # and the indicator shown
    "session/clean_exit": True,      # False while the app runs; still False at start means it crashed
    "home/sort_column": 3,
    "home/sort_order": 1,
}

_file: Path | None = None
_pending: dict = {}  # written by ``write_soon``, not yet on disk
_flush_timer: QTimer | None = None


def use_file(path: Path | None) -> None:
    """Keep settings in an INI file (tests, portable installs) instead of the platform's store."""
    global _file
    flush()  # what was meant for the file used until now goes there
    _file = path


def _settings() -> QSettings:
    if _file is not None:
        return QSettings(str(_file), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def read(key: str):
    default = DEFAULTS[key]
    value = _pending[key] if key in _pending else _settings().value(key, default)
    if isinstance(default, bool):
        return value in (True, "true", "1", 1)
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    if isinstance(default, list):
        if value in (None, ""):
            return []
        return list(value) if isinstance(value, (list, tuple)) else [value]
    if isinstance(default, QByteArray):
        return value if isinstance(value, QByteArray) else QByteArray()
    return "" if value is None else str(value)


def write(key: str, value) -> None:
    write_all({key: value})


def write_all(values: dict) -> None:
    """Several keys, written to disk once (each write waits for the disk: ~15 ms), with any still waiting."""
    _check_keys(values)
    settings = _settings()
    for key, value in {**_pending, **values}.items():
        settings.setValue(key, value)
    _pending.clear()
    settings.sync()


def write_soon(values: dict) -> None:
    """Several keys, written once the event loop turns again, with whatever else came meanwhile.

    For what the window shows as it changes (the assessment opened, the indicator shown): the
    disk's wait (1-15 ms) then falls outside the turn that opens or moves, which a person feels
    (#20). ``read`` sees them at once; a crash loses at most the changes of one turn.
    """
    global _flush_timer
    _check_keys(values)
    _pending.update(values)
    if _flush_timer is None:
        _flush_timer = QTimer()
        _flush_timer.setSingleShot(True)
        _flush_timer.setInterval(0)
        _flush_timer.timeout.connect(flush)
    _flush_timer.start()


def flush() -> None:
    """Write what ``write_soon`` still holds."""
    if _pending:
        write_all({})


def _check_keys(values: dict) -> None:
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise KeyError(sorted(unknown)[0])


def remember_database(path: Path, keep: int = 8) -> None:
    recent = [p for p in read("recent_databases") if p != str(path)]
    write("recent_databases", [str(path), *recent][:keep])
