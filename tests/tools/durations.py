"""Per-file test time from `pytest --durations=0` output: where the suite spends its minutes.

    .venv/bin/python -m pytest --durations=0 > run.txt; python tests/tools/durations.py run.txt [before.txt]

Setup, call and teardown are summed per test file (a session fixture counts in the file of the first test
that asks for it). With a second file, its figures stand in a "before" column. Under pytest-xdist the sum is
worker time, more than the wall-clock time on the summary line, which is printed as well.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

LINE = re.compile(r"^(\d+(?:\.\d+)?)s (setup|call|teardown)\s+(\S+?\.py)")
SUMMARY = re.compile(r"^=*\s*(\d+ (?:passed|failed).*?)\s*=*$")


def per_file(text: str) -> tuple[dict[str, float], str]:
    """Seconds by test file, and pytest's summary line."""
    seconds: dict[str, float] = defaultdict(float)
    summary = ""
    for line in text.splitlines():
        if found := LINE.match(line):
            seconds[found[3]] += float(found[1])
        elif found := SUMMARY.match(line):
            summary = found[1]
    return seconds, summary


def main(after: str, before: str | None = None) -> None:
    now, now_summary = per_file(Path(after).read_text(encoding="utf-8"))
    old, old_summary = per_file(Path(before).read_text(encoding="utf-8")) if before else ({}, "")
    names = sorted(set(now) | set(old), key=lambda name: -max(now.get(name, 0), old.get(name, 0)))
    print(f"{'file':<36}{'before':>10}{'after':>10}" if before else f"{'file':<36}{'seconds':>10}")
    for name in names:
        figures = ([f"{old.get(name, 0):10.1f}"] if before else []) + [f"{now.get(name, 0):10.1f}"]
        print(f"{name:<36}{''.join(figures)}")
    total = ([f"{sum(old.values()):10.1f}"] if before else []) + [f"{sum(now.values()):10.1f}"]
    print(f"{'sum of test time':<36}{''.join(total)}")
    if before:
        print(f"before: {old_summary}")
    print(f"{'after' if before else 'run'}: {now_summary}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
