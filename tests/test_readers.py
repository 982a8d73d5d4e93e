"""Every .ics the site publishes reads the same in independent calendar readers.

Parsed by `icalendar` and `ical` (Python), expanded identically by `recurring-ical-events` and by
Mozilla's `ical.js` (the parser Thunderbird uses; tests/tools/icaljs_expand.mjs), and accepted by
libical's RFC 5546 restriction check for METHOD:PUBLISH (tests/tools/libical_check.c, built with
Debian's libical-dev). Run on the example site and on the second school (WITA, a base path).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events
from conftest import REPO
from ical.calendar_stream import IcsCalendarStream

NODE_TOOL = REPO / "tests" / "tools" / "icaljs_expand.mjs"
LIBICAL_TOOL = REPO / "tests" / "tools" / "libical_check.c"


def calendar_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.ics"))


@pytest.fixture(scope="module", params=["example", "second"])
def ics_files(request: pytest.FixtureRequest) -> list[Path]:
    site: Path = request.getfixturevalue("example_site" if request.param == "example" else "second_school")
    files = calendar_files(site)
    assert len(files) > 5
    return files


@pytest.fixture(scope="session")
def libical_check(tmp_path_factory: pytest.TempPathFactory) -> Path:
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libical"], capture_output=True, text=True,
                           check=False) if shutil.which("pkg-config") else None
    if flags is None or flags.returncode != 0 or not shutil.which("gcc"):
        pytest.skip("libical's headers (Debian: libical-dev) and gcc are needed for the RFC 5546 check")
    program = tmp_path_factory.mktemp("libical") / "libical_check"
    subprocess.run(["gcc", "-o", str(program), str(LIBICAL_TOOL), *flags.stdout.split()], check=True)
    return program


def test_every_calendar_passes_libicals_rfc_5546_check(ics_files: list[Path], libical_check: Path) -> None:
    result = subprocess.run([str(libical_check), *map(str, ics_files)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


def test_the_libical_check_fails_a_calendar_without_organizer(libical_check: Path, tmp_path: Path,
                                                              second_school: Path) -> None:
    calendar = icalendar.Calendar.from_ical((second_school / "kalender" / "semua.ics").read_bytes())
    for event in calendar.events:
        del event["ORGANIZER"]
    path = tmp_path / "tanpa-organizer.ics"
    path.write_bytes(calendar.to_ical())
    result = subprocess.run([str(libical_check), str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 1 and "ORGANIZER" in result.stdout


def test_every_calendar_parses_with_both_python_readers(ics_files: list[Path]) -> None:
    for path in ics_files:
        data = path.read_bytes()
        assert icalendar.Calendar.from_ical(data).events, path
        assert IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events, path


def python_expansion(path: Path) -> list[tuple[str, str]]:
    """(UID, start) of every occurrence as recurring-ical-events expands it; a time in UTC, a date as it is."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found = []
    for event in recurring_ical_events.of(calendar).between(date(1990, 1, 1), date(2100, 1, 1)):
        start = event["DTSTART"].dt
        text = (start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if isinstance(start, datetime)
                else start.isoformat())
        found.append((str(event["UID"]), text))
    return sorted(found)


def test_every_series_expands_to_the_same_dates_in_ical_js(ics_files: list[Path]) -> None:
    if not shutil.which("node") or not (REPO / "node_modules" / "ical.js").is_dir():
        pytest.skip("ical.js needs Node.js and `npm ci`")
    result = subprocess.run(["node", str(NODE_TOOL), *map(str, ics_files)], capture_output=True, text=True,
                            check=True, cwd=REPO)
    expanded = json.loads(result.stdout)
    for path in ics_files:
        assert sorted(map(tuple, expanded[str(path)])) == python_expansion(path), path
