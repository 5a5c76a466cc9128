"""Timing with warm-up and repetitions; every figure is a ratio to a baseline timed in the same run."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field


@dataclass
class Timing:
    median: float
    minimum: float
    maximum: float
    samples: list[float] = field(default_factory=list)

    @classmethod
    def of(cls, samples: list[float]) -> Timing:
        return cls(statistics.median(samples), min(samples), max(samples), samples)

    def percentiles(self) -> dict[str, float] | None:
        """p50, p90 and p99, for latency figures (enough samples for a p99 to mean something)."""
        if len(self.samples) < LATENCY_SAMPLES:
            return None
        cuts = statistics.quantiles(self.samples, n=100)
        return {"p50": cuts[49], "p90": cuts[89], "p99": cuts[98]}

    def to_dict(self) -> dict:
        data = {"median": self.median, "minimum": self.minimum, "maximum": self.maximum,
                "repetitions": len(self.samples)}
        data.update(self.percentiles() or {})
        data["samples"] = [round(sample, 7) for sample in self.samples]  # seconds, to 0.1 µs, in the order run
        return data


LATENCY_SAMPLES = 20


@dataclass
class Figure:
    """One row of the results table."""

    name: str
    measured: str
    baseline: str
    goal: str
    value: float | None = None
    unit: str = "×"
    product: Timing | None = None
    reference: Timing | None = None
    note: str = ""
    met: bool | None = None
    warmup: int | None = None             # untimed runs of each side before the timed ones
    details: dict = field(default_factory=dict)  # what else the figure measured (latency percentiles, …)

    def to_dict(self) -> dict:
        data = asdict(self)
        for key in ("product", "reference"):
            timing = getattr(self, key)
            data[key] = timing.to_dict() if timing else None
        return data


def repeat(work: Callable[[], object], repetitions: int, warmup: int = 1,
           setup: Callable[[], object] | None = None) -> Timing:
    """Time ``work`` several times after warm-up runs; ``setup`` runs untimed before each."""
    samples = []
    for run in range(warmup + repetitions):
        if setup:
            setup()
        start = time.perf_counter()
        work()
        elapsed = time.perf_counter() - start
        if run >= warmup:
            samples.append(elapsed)
    return Timing.of(samples)


def run_python(code: str, *args: str, env: dict | None = None, timeout: float = 600) -> str:
    """Run a snippet in a fresh interpreter (start-up is measured whole) and return what it printed."""
    result = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                            timeout=timeout)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr.strip() else "failed")
    return result.stdout


def ratio(product: Timing, reference: Timing) -> float:
    return product.median / reference.median if reference.median else float("inf")
