"""Per-item work spread over forked processes, with the results in order: both cores for a large site."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

R = TypeVar("R")

# What the forked workers run. A worker inherits it with the whole build (templates, site, indexes), so
# nothing of that is pickled; only indexes go out and results come back. Set only inside forked_results.
_job: Callable[[int], object] | None = None
CHUNK = 64  # the most results a worker sends back at once: what waits to be taken stays small


def worker_count(items: int, smallest: int) -> int:
    """How many processes pay for themselves on `items` pieces of work; 1 on a small site or one core."""
    cores = os.cpu_count() or 1
    if items < smallest or cores < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(cores, items // max(1, smallest // 2))


def give_back_memory() -> None:
    """Return the memory Python has freed to the system. The C library keeps freed memory for later (in pieces
    among what is still used): after loading a large site's texts, or its pages' digests, tens of MB that the
    rest of the build would hold, and that each forked worker would start with. Only the GNU C library (Linux)
    can be asked; elsewhere this does nothing."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes  # here: a Python built without it still builds sites
    except ImportError:
        return
    trim = getattr(ctypes.CDLL(None), "malloc_trim", None)  # absent from other C libraries (musl)
    if trim is not None:
        trim.argtypes = [ctypes.c_size_t]
        trim(0)


def forked_results(function: Callable[[int], R], count: int, workers: int) -> Iterator[R]:
    """function(0), ..., function(count - 1) one by one, as they are made: a caller that writes each result
    away holds only the few that arrived before it took them."""
    global _job
    if workers < 2:
        yield from (function(index) for index in range(count))
        return
    size = max(1, min(count // (workers * 8), CHUNK))
    chunks = [range(start, min(start + size, count)) for start in range(0, count, size)]
    _job = function
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_run, chunks):
                yield from chunk  # type: ignore[misc]
    finally:
        _job = None


def _run(indexes: range) -> list[object]:
    assert _job is not None
    return [_job(index) for index in indexes]
