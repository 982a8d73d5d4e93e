"""Per-item work spread over forked processes, with the results in order: both cores for a large site."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

R = TypeVar("R")

# What the forked workers run. A worker inherits it with the whole build (templates, site, indexes), so
# nothing of that is pickled; only indexes go out and results come back. Set only inside forked_map.
_job: Callable[[int], object] | None = None


def worker_count(items: int, smallest: int) -> int:
    """How many processes pay for themselves on `items` pieces of work; 1 on a small site or one core."""
    cores = os.cpu_count() or 1
    if items < smallest or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(cores, items // max(1, smallest // 2))


def forked_map(function: Callable[[int], R], count: int, workers: int) -> list[R]:
    """[function(0), ..., function(count - 1)], computed in `workers` forked processes, in chunks."""
    global _job
    if workers < 2:
        return [function(index) for index in range(count)]
    size = max(1, count // (workers * 8))
    chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
    _job = function
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return [result for chunk in pool.map(_run, chunks) for result in chunk]  # type: ignore[misc]
    finally:
        _job = None


def _run(indexes: range) -> list[object]:
    assert _job is not None
    return [_job(index) for index in indexes]
