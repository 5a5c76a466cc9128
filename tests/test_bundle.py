"""The one-folder bundle (packaging/): built with the committed script and spec, then run as a field laptop would.

Nothing of the build environment reaches the bundle: no venv on PATH, no PYTHONPATH, a home and XDG
folders of its own, and the bundle's folder read-only. This catches missing data files, hidden imports
and frozen-path bugs before a Windows build does. About two minutes to build on two shared cores.
"""

import importlib.util
import os
import stat
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from tools import missing

from hbm_assess import __version__

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform != "linux", reason="the Linux build proves the spec")]


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def _set_writable(folder: Path, writable: bool) -> None:
    bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    for path in [folder, *folder.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        path.chmod(mode | stat.S_IWUSR if writable else mode & ~bits)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    """Build with packaging/build-linux.sh into a temporary folder; yields the bundle's folder, read-only."""
    if importlib.util.find_spec("PyInstaller") is None:
        missing("PyInstaller", "pyinstaller", pip=True)
    out = tmp_path_factory.mktemp("bundle")
    env = {**os.environ, "PYTHON": sys.executable, "DIST": str(out / "dist"), "WORK": str(out / "work")}
    started = time.monotonic()
    result = subprocess.run(["bash", str(ROOT / "packaging" / "build-linux.sh")], capture_output=True, text=True,
                            env=env, timeout=900)
    seconds = time.monotonic() - started
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    # The script ends by running --smoke from what it built.
    assert "ok  report:" in result.stdout, result.stdout[-2000:]
    folder = out / "dist" / "hbm-assess"
    print(f"\nbundle built in {seconds:.0f} s")
    _set_writable(folder, False)
    yield folder
    _set_writable(folder, True)


@pytest.fixture
def run(bundle, tmp_path):
    """Run the bundle's program as a person on a bare machine would: its own home, nothing from the venv."""
    home = tmp_path / "home"
    env = {
        "PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8", "TMPDIR": str(tmp_path),
        "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(home / "run"),
    }
    home.mkdir()
    (home / "run").mkdir(mode=0o700)

    def command(*args: str, timeout: int = 300) -> subprocess.CompletedProcess:
        result = subprocess.run([str(bundle / "hbm-assess"), *args], capture_output=True, text=True, env=env,
                                cwd=tmp_path, timeout=timeout)
        assert "Traceback" not in result.stderr, result.stderr
        return result

    command.home = home
    return command


def test_the_bundle_has_one_program_and_its_data(bundle):
    assert (bundle / "hbm-assess").is_file() and os.access(bundle / "hbm-assess", os.X_OK)
    inside = bundle / "_internal"
    assert sorted(p.name for p in (inside / "hbm_assess" / "forms").glob("*.yaml")) == [
        p.name for p in sorted((ROOT / "forms").glob("*.yaml"))]
    assert sorted(p.name for p in (inside / "hbm_assess" / "data").glob("*.yaml")) == [
        p.name for p in sorted((ROOT / "data").glob("*.yaml"))]
    assert (inside / "hbm_assess" / "translations" / "hbm_assess_ckb.qm").is_file()
    assert (inside / "PySide6" / "Qt" / "translations" / "qtbase_ar.qm").is_file()
    assert not list(inside.rglob("*WebEngine*")) and not (inside / "pandas").exists()
    assert not (inside / "tkinter").exists() and not list(inside.rglob("_tkinter*"))


def test_every_command_runs_from_a_read_only_bundle_with_nothing_else_installed(bundle, run, tmp_path):
    before = _files(bundle)

    version = run("--version")
    assert (version.returncode, version.stdout.strip()) == (0, f"hbm-assess {__version__}")

    smoke = run("--smoke")
    assert smoke.returncode == 0, smoke.stdout + smoke.stderr
    assert [line.split(":")[0] for line in smoke.stdout.splitlines()] == [
        "ok  forms", "ok  translations", "ok  fonts", "ok  database", "ok  chart", "ok  workbook", "ok  report",
        "ok  protection"]

    # Without --db: the database goes to the user's data folder, never into the bundle.
    demo = run("demo", "--count", "2")
    assert demo.returncode == 0, demo.stderr
    database = run.home / "data" / "hbm-assess" / "assessments.sqlite"
    assert database.is_file() and str(database) in demo.stdout

    out = tmp_path / "out"
    out.mkdir()
    export = run("export", "1", "-o", str(out / "one.xlsx"))
    assert export.returncode == 0, export.stderr
    with zipfile.ZipFile(out / "one.xlsx") as workbook:
        assert "xl/workbook.xml" in workbook.namelist()

    again = run("import", str(out / "one.xlsx"))
    assert again.returncode == 0, again.stderr
    assert again.stdout.splitlines()[0].startswith("unchanged")  # the same revision, already in the database
    assert again.stdout.splitlines()[-1] == "1 file: 1 unchanged"

    elsewhere = run("--db", str(tmp_path / "hq.sqlite"), "import", str(out / "one.xlsx"))
    assert elsewhere.returncode == 0, elsewhere.stderr
    assert elsewhere.stdout.splitlines()[-1] == "1 file: 1 imported"

    report = run("report", "2", "-o", str(out / "two-ckb.pdf"), "--lang", "ckb")
    assert report.returncode == 0, report.stderr
    assert (out / "two-ckb.pdf").read_bytes()[:5] == b"%PDF-" and (out / "two-ckb.pdf").stat().st_size > 50_000

    shots = run("screenshots", str(out / "screens"), "--lang", "ar")
    assert shots.returncode == 0, shots.stderr
    pngs = sorted((out / "screens").glob("*.png"))
    assert len(pngs) >= 3 and [str(p) for p in pngs] == sorted(shots.stdout.split())
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in pngs)

    # Nothing was written into the bundle (as root, the read-only bits alone would not stop a write).
    assert _files(bundle) == before
    # matplotlib's font list is kept between sessions in the user's cache (packaging/entry.py).
    assert list((run.home / "cache" / "hbm-assess" / "matplotlib").glob("fontlist-*.json"))


def test_a_broken_command_line_is_one_line_from_the_bundle_too(run):
    result = run("--lang", "fr", "list")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == ["hbm-assess: the language must be en, ar or ckb, not 'fr'"]
