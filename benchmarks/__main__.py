"""Run the benchmark suite: ``python -m benchmarks [--quick] [--only NAME ...]``.

Prints a table and writes benchmarks/results/latest.json. Every figure is a ratio
against a baseline measured in the same run on the same machine; see README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import exchange_bench, gui_bench, hq_scale, startup_and_save

HERE = Path(__file__).parent

FULL = {"assessments": 200, "repetitions": 5, "saves": 500, "workbooks": 500, "portfolio": 2000, "scale": 20000,
        "workbooks_at_scale": 5000}
QUICK = {"assessments": 5, "repetitions": 1, "saves": 30, "workbooks": 6, "portfolio": 20, "scale": 40,
         "workbooks_at_scale": 30}


def suite(sizes: dict) -> dict:
    """Name → a function of the work folder that returns a Figure."""
    def workbooks(work: Path) -> Path:
        return exchange_bench.make_workbooks(work.parent / "shared", sizes["workbooks"])

    def big(work: Path) -> Path:
        return gui_bench.big_database(work.parent / "shared", sizes["portfolio"])

    def scale(work: Path) -> Path:
        return hq_scale.database(work.parent / "shared", sizes["scale"])

    return {
        "start-up": lambda work: [startup_and_save.startup(work, sizes["assessments"], sizes["repetitions"])],
        "answer save": lambda work: [startup_and_save.answer_save(work, sizes["saves"])],
        "export": lambda work: [exchange_bench.export(work, sizes["repetitions"])],
        "import": lambda work: exchange_bench.import_many(work.parent / "shared", sizes["workbooks"],
                                                          sizes["repetitions"]),
        "portfolio": lambda work: [gui_bench.portfolio(big(work), work, sizes["repetitions"])],
        # Twice the runs of the other figures: its goal is a p95 of each run's worst moment.
        "responsiveness": lambda work: [gui_bench.responsiveness(workbooks(work), big(work), work,
                                                                 2 * sizes["repetitions"])],
        "memory": lambda work: [gui_bench.idle_memory(big(work), work)],
        # The 5,000 workbooks (made once, ~10 minutes here): memory, and time linear in the files.
        "import @ 5,000": lambda work: exchange_bench.import_at_scale(
            work.parent / "shared", sizes["workbooks_at_scale"], sizes["workbooks"], min(2, sizes["repetitions"])),
        # HQ at ten times the scale (20,000 assessments): absolute goals a person waits for.
        "list @ scale": lambda work: [hq_scale.list_shown(scale(work), work, sizes["repetitions"])],
        "portfolio @ scale": lambda work: [hq_scale.portfolio_open(scale(work), work, sizes["repetitions"])],
        "csv export @ scale": lambda work: [hq_scale.csv_export(scale(work), work, min(3, sizes["repetitions"]))],
        "memory @ scale": lambda work: [hq_scale.memory(scale(work), work)],
    }


def _row(figure) -> str:
    value = "–" if figure.value is None else f"{figure.value:.2f}{figure.unit}"
    verdict = {True: "met", False: "MISSED", None: ""}[figure.met]
    spread = ""
    if figure.product and figure.reference:
        p, r = figure.product, figure.reference
        spread = (f" [{p.median * 1000:.1f} ms ({p.minimum * 1000:.1f}–{p.maximum * 1000:.1f}) vs "
                  f"{r.median * 1000:.1f} ms ({r.minimum * 1000:.1f}–{r.maximum * 1000:.1f})]")
    return f"{figure.name:<16} {value:>9}  goal {figure.goal:<14} {verdict:<7}{spread}"


def _compile_once() -> None:
    """Write the app's bytecode, as an installed app has it.

    With PYTHONDONTWRITEBYTECODE set (as on the shared machines) every start compiled the
    app's ~100 modules again: ~0.1-0.2 s of each start-up the benchmark timed, which an
    installed app (a wheel, the Windows bundle) never pays.
    """
    import compileall

    compileall.compile_dir(HERE.parent / "hbm_assess", quiet=1)


def commit() -> dict:
    """The commit measured, and whether the working tree differed from it."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=HERE.parent, capture_output=True, text=True,
                              check=True).stdout.strip()

    try:
        return {"id": git("rev-parse", "HEAD"), "uncommitted_changes": bool(git("status", "--porcelain"))}
    except (OSError, subprocess.CalledProcessError):
        return {"id": None, "uncommitted_changes": None}  # not a git checkout


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: checks the suite runs, measures nothing")
    parser.add_argument("--only", nargs="*", default=None, help="run only these figures")
    parser.add_argument("--output", type=Path, default=HERE / "results" / "latest.json")
    parser.add_argument("--shared", type=Path, default=None,
                        help="keep the databases and workbooks made once (the 20,000-assessment database takes "
                             "minutes) in this folder and reuse them in later runs")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    _compile_once()
    benches = suite(sizes)
    names = args.only or list(benches)
    figures = []
    with tempfile.TemporaryDirectory(prefix="hbm-bench-") as scratch:
        shared = Path(scratch) / "shared"
        if args.shared is not None:
            args.shared.mkdir(parents=True, exist_ok=True)
            shared.symlink_to(args.shared.resolve(), target_is_directory=True)
        else:
            shared.mkdir()
        for name in names:
            work = Path(scratch) / name.replace(" ", "-")
            work.mkdir()
            for figure in benches[name](work):
                print(_row(figure), flush=True)
                figures.append(figure)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "date": datetime.now().isoformat(timespec="seconds"),
        "commit": commit(),
        "machine": {"platform": platform.platform(), "python": sys.version.split()[0], "cpus": os.cpu_count()},
        "quick": args.quick,
        "sizes": sizes,
        "figures": [f.to_dict() for f in figures],
    }, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
