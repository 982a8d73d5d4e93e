"""When each source file last changed, and how often: read from Git, as Hugo's enableGitInfo does.

Calendar apps update an event in place only when its DTSTAMP and SEQUENCE move forward, and feed
readers order entries by `updated`; both must come from the sources' history, not from the clock or
from dates in the content. Outside a Git checkout (or without `git`) there is no history: every
source has no Revision and the stages that need one fall back to dates from the content
(docs/calendar-feeds.md says which).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

FOLDERS = ("content",)  # the sources whose history the site shows


@dataclass(frozen=True)
class Revision:
    """The history of one source file."""

    modified: datetime  # the time of the newest commit that changed it, in UTC
    edits: int  # how many commits changed it: 1 for a file committed once


def load_history(root: Path) -> dict[str, Revision]:
    """Revisions of the files under content/, by path relative to root: "content/events/x.md"."""
    command = [
        "git", "-c", "core.quotePath=off", "-C", str(root),
        "log", "--no-renames", "--relative", "--name-only", "--format=%x00%ct", "--", *FOLDERS,
    ]
    try:
        done = subprocess.run(command, capture_output=True, check=False, timeout=120)
    except FileNotFoundError:  # no git on this machine: no history
        return {}
    if done.returncode != 0:  # not a Git checkout (or an unreadable one): no history
        return {}
    return parse_log(done.stdout.decode("utf-8", "surrogateescape"))


def parse_log(text: str) -> dict[str, Revision]:
    """`git log --name-only --format=%x00%ct` output into Revisions."""
    newest: dict[str, int] = {}
    edits: dict[str, int] = {}
    for commit in text.split("\0")[1:]:
        stamp, _, names = commit.partition("\n")
        seconds = int(stamp.strip())
        for name in filter(None, (line.strip() for line in names.split("\n"))):
            newest[name] = max(seconds, newest.get(name, seconds))  # merged branches interleave commit times
            edits[name] = edits.get(name, 0) + 1
    return {
        name: Revision(datetime.fromtimestamp(seconds, UTC), edits[name]) for name, seconds in sorted(newest.items())
    }
