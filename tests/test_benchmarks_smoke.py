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
    figures = {f["name"]: f for f in json.loads(output.read_text())["figures"]}
    assert set(figures) == {"start-up", "answer save", "export", "import", "import memory", "portfolio",
                            "responsiveness", "memory"}
    assert all(f["value"] is not None and f["value"] > 0 for f in figures.values())
