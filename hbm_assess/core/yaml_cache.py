"""Shipped YAML read at start without PyYAML: what it parses to, kept in the user's cache, keyed by the text itself.

The whole source text is stored beside the data and compared in full before the data is
used, so an edited file, another version's file or a damaged cache is parsed again: what
comes back is always what parsing the text would give. Importing PyYAML and parsing the
glossary's words and the crossing points took ~45 ms of a ~300 ms start (#20); reading
the JSON back takes under 1 ms.
"""

from __future__ import annotations

import json
import os
from contextlib import suppress
from pathlib import Path

from hbm_assess.locations import user_cache_dir


def load_yaml_kept(text: str, name: str):
    """``text`` parsed as YAML (core.yaml_text's safe loader); ``name`` names its place in the cache.

    Raises what parsing raises (yaml_text.YAMLError) for text that is not YAML. A cache
    that cannot be read or written is no error: the text is parsed, as without one.
    """
    path = _place(name)
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if kept["source"] == text:
            return kept["data"]
    except (OSError, ValueError, KeyError, TypeError):
        pass
    from hbm_assess.core.yaml_text import load_yaml

    data = load_yaml(text)
    _keep(path, text, data)
    return data


def _place(name: str) -> Path:
    return user_cache_dir() / "parsed" / f"{name}.json"


def _keep(path: Path, text: str, data) -> None:
    try:
        encoded = json.dumps({"source": text, "data": data}, ensure_ascii=False)
    except (TypeError, ValueError):  # a date, a set: not JSON, so never kept
        return
    if json.loads(encoded)["data"] != data:  # e.g. a number as a mapping key: JSON would give it back as text
        return
    # Written whole (habit 14), each process to its own temporary name; a torn or foreign file
    # would be parsed over anyway, as its source text would not match.
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "w", encoding="utf-8") as out:
            out.write(encoded)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except OSError:
        with suppress(OSError):
            temporary.unlink()
