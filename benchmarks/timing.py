"""Timing shared by the benchmarks."""

from __future__ import annotations

import time
from collections.abc import Callable


def best(runs: int, action: Callable[[], object]) -> float:
    """The shortest of `runs` timings of `action`, in seconds."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)
