"""`.ci/system-packages` fails, saying why, whenever it cannot install what the tests need.

Run with stand-ins for id, dpkg-query and apt-get on PATH: no root and no network needed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parent.parent / ".ci" / "system-packages"


def _run(tmp_path: Path, **stand_ins: str) -> subprocess.CompletedProcess:
    """Run the script with PATH holding only the given commands, each a shell script body."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for name, body in stand_ins.items():
        command = bin_dir / name.replace("_", "-")
        command.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        command.chmod(0o755)
    return subprocess.run(["/bin/bash", str(SCRIPT)], capture_output=True, text=True, timeout=60,
                          env={"PATH": str(bin_dir), "LANG": "C.UTF-8"})


def _apt_get_logged(tmp_path: Path, status: int) -> str:
    return f'echo "$@" >> {tmp_path / "apt-get.log"}; exit {status}'


NOTHING_INSTALLED = "exit 1"  # dpkg-query: "no packages found matching ..."
ALL_INSTALLED = "printf 'install ok installed'"


def test_not_debian_fails(tmp_path):
    finished = _run(tmp_path, id="echo 0")
    assert finished.returncode == 1
    assert finished.stderr.startswith("system-packages: this is not Debian or Ubuntu"), finished.stderr
    assert "libreoffice-calc-nogui" in finished.stderr and "xvfb" in finished.stderr


def test_not_root_fails_without_calling_apt_get(tmp_path):
    finished = _run(tmp_path, id="echo 1000", dpkg_query=NOTHING_INSTALLED, apt_get=_apt_get_logged(tmp_path, 0))
    assert finished.returncode == 1
    assert "not root, so cannot install libreoffice-calc-nogui poppler-utils" in finished.stderr, finished.stderr
    assert "sudo bash .ci/system-packages" in finished.stderr
    assert not (tmp_path / "apt-get.log").exists()


@pytest.mark.parametrize(("update", "install", "message"), [
    (100, 0, "apt-get update failed"),
    (0, 100, "apt-get install failed for: libreoffice-calc-nogui"),
])
def test_apt_get_failing_fails(tmp_path, update, install, message):
    apt_get = (f'echo "$@" >> {tmp_path / "apt-get.log"}; '
               f'case "$1" in update) exit {update};; *) exit {install};; esac')
    finished = _run(tmp_path, id="echo 0", dpkg_query=NOTHING_INSTALLED, apt_get=apt_get)
    assert finished.returncode == 1 and message in finished.stderr, finished.stderr
    assert (tmp_path / "apt-get.log").read_text().startswith("update -qq")


def test_installed_packages_whose_commands_are_still_missing_fail(tmp_path):
    finished = _run(tmp_path, id="echo 0", dpkg_query=NOTHING_INSTALLED, apt_get=_apt_get_logged(tmp_path, 0))
    assert finished.returncode == 1
    assert "`soffice` is still missing after installing" in finished.stderr, finished.stderr
    assert "install -y -qq --no-install-recommends libreoffice-calc-nogui" in (tmp_path / "apt-get.log").read_text()


def test_nothing_to_do_when_everything_is_installed(tmp_path):
    finished = _run(tmp_path, id="echo 1000", dpkg_query=ALL_INSTALLED, apt_get=_apt_get_logged(tmp_path, 100))
    assert (finished.returncode, finished.stderr) == (0, "")
    assert not (tmp_path / "apt-get.log").exists()
