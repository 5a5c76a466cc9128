"""Where the app finds its questionnaires, reference lists and database."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent

DB_ENV = "HBM_ASSESS_DB"


def _bundled(name: str) -> Path:
    # A source checkout or editable install keeps forms/ and data/ beside the
    # package; a wheel carries them inside it (see pyproject force-include).
    inside = _PACKAGE / name
    if inside.is_dir():
        return inside
    return _PACKAGE.parent / name


def fonts_dir() -> Path:
    """The Arabic-script font shipped inside the package (Noto Sans Arabic, OFL)."""
    return _PACKAGE / "fonts"


def forms_dir() -> Path:
    return _bundled("forms")


def data_dir() -> Path:
    return _bundled("data")


def user_data_dir() -> Path:
    """The per-user folder for the database, following each platform's convention."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "hbm-assess"


def user_cache_dir() -> Path:
    """The per-user folder for what the app can always make again (the parsed glossary), per platform."""
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "hbm-assess" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "hbm-assess"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "hbm-assess"


def default_database() -> Path:
    """The database used when neither --db nor HBM_ASSESS_DB names one."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return user_data_dir() / "assessments.sqlite"
