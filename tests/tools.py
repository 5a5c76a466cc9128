"""System tools some tests need: skipped with a reason on a developer's machine, a failure under CI=true.

CI installs every tool through `.ci/system-packages`; a tool missing there is a broken CI, not a reason
to go green without the checks that need it.
"""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(what: str, package: str, *, pip: bool = False) -> None:
    """Skip (locally) or fail (under CI=true) the calling test because ``what`` is not installed.

    ``pip=True``: ``package`` is a pip package of the ``test`` extra rather than a Debian one.
    """
    source = (f"pip package {package}; `pip install -e '.[test]'` installs it" if pip
              else f"Debian package {package}; `bash .ci/system-packages` installs it")
    message = f"{what} is not installed ({source})"
    if IN_CI:
        pytest.fail(f"CI=true: {message}", pytrace=False)
    pytest.skip(message)


def need_command(command: str, package: str) -> str:
    """The path of ``command``, or skip/fail as ``missing`` says."""
    path = shutil.which(command)
    if path is None:
        missing(f"`{command}`", package)
    return path


def need_file(path: str, package: str) -> str:
    if not os.path.exists(path):
        missing(path, package)
    return path
