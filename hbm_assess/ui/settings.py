"""Remembered settings: defaults in one place, typed access over QSettings, a path tests can redirect."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

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


def use_file(path: Path | None) -> None:
    """Keep settings in an INI file (tests, portable installs) instead of the platform's store."""
    global _file
    _file = path


def _settings() -> QSettings:
    if _file is not None:
        return QSettings(str(_file), QSettings.Format.IniFormat)
    return QSettings(ORGANISATION, APPLICATION)


def read(key: str):
    default = DEFAULTS[key]
    value = _settings().value(key, default)
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
    if key not in DEFAULTS:
        raise KeyError(key)
    settings = _settings()
    settings.setValue(key, value)
    settings.sync()


def write_all(values: dict) -> None:
    """Several keys, written to disk once (each ``write`` waits for the disk: ~15 ms)."""
    unknown = set(values) - set(DEFAULTS)
    if unknown:
        raise KeyError(sorted(unknown)[0])
    settings = _settings()
    for key, value in values.items():
        settings.setValue(key, value)
    settings.sync()


def remember_database(path: Path, keep: int = 8) -> None:
    recent = [p for p in read("recent_databases") if p != str(path)]
    write("recent_databases", [str(path), *recent][:keep])
