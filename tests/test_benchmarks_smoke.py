"""The benchmark suite runs end to end on tiny sizes (it measures nothing here; see benchmarks/README.md)."""

import json
import subprocess
import sys

import pytest


@pytest.mark.slow
def test_benchmark_suite_runs_on_tiny_sizes(tmp_path):
    output = tmp_path / "quick.json"
    result = subprocess.run([sys.executable, "-m", "benchmarks", "--quick", "--output", str(output)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    results = json.loads(output.read_text())
    figures = {f["name"]: f for f in results["figures"]}
    assert set(figures) == {"start-up", "answer save", "export", "import", "import memory", "import @ 5,000",
                            "import memory @ 5,000", "portfolio", "responsiveness", "memory", "list @ scale",
                            "portfolio @ scale", "csv export @ scale", "memory @ scale"}
    assert "40 assessments" in figures["list @ scale"]["measured"]  # the quick size of the 20,000 figures
    assert all(f["value"] is not None and f["value"] > 0 for f in figures.values())

    # What a reader needs to trust the numbers: the commit, the sizes, the repetitions and the raw samples.
    head = subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    assert results["commit"]["id"] == (head or None) and results["sizes"]["saves"] == 30
    for figure in figures.values():
        for side in ("product", "reference"):
            if figure[side] is not None:
                assert len(figure[side]["samples"]) == figure[side]["repetitions"] >= 1
                assert min(figure[side]["samples"]) == pytest.approx(figure[side]["minimum"], abs=1e-6)
    save = figures["answer save"]
    assert save["product"]["repetitions"] == save["reference"]["repetitions"] == 30
    assert save["product"]["p50"] <= save["product"]["p90"] <= save["product"]["p99"]
    assert save["warmup"] >= 20
    # Warmed up on other values, every timed save changes its row: the floor commits a page or more each time.
    assert save["details"]["floor_pages_written_per_save"] >= 1
    gaps = figures["responsiveness"]["details"]["gap_ms"]
    assert set(gaps) == {"import", "portfolio", "results"}  # the worst moments, each measured
    assert all(set(cuts) == {"p50", "p95", "p99"} for cuts in gaps.values())
    assert figures["import"]["details"]["order"].startswith("alternated")
    cpu = figures["import"]["details"]["cpu_seconds"]  # each side's processor time beside the wall clock (#20)
    assert figures["import"]["details"]["cpu_ratio"] > 0 and cpu["import"]["samples"] and cpu["calamine"]["samples"]
