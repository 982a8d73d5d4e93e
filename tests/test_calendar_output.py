"""The events calendar as the built example site publishes it: every .ics file, the weekly flag
ceremony as one series, stable UIDs, schema.org Event data on event pages, and the month pages.

Expectations are computed from the sources (site.yaml, content/events/*.md, the academic calendar
YAML) with plain PyYAML, never from the generator's own code. Calendar errors (bad dates, unknown
categories ...) are covered by test_errors.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import lxml.html
import pytest
import recurring_ical_events
import yaml
from conftest import EXAMPLE, TODAY, TinySite, copy_example
from ical.calendar_stream import IcsCalendarStream

from sitegen.pipeline import Options, build_site

SITE = yaml.safe_load((EXAMPLE / "site.yaml").read_text(encoding="utf-8"))
BASE_URL = SITE["base_url"]
BASE_PATH = "/" + BASE_URL.split("://", 1)[1].split("/", 1)[1]  # "/situs/"
ZONE = ZoneInfo(SITE["timezone"])
CALENDAR_YAML = EXAMPLE / "content" / "calendars" / "2026-2027.yaml"
CATEGORIES = sorted(SITE["calendar"]["categories"])
AUDIENCES = sorted(SITE["calendar"]["audiences"])


def front_matter(path: Path) -> dict[str, Any]:
    """The YAML block between the two `---` lines of a Markdown file."""
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1])


EVENTS = {p.stem: front_matter(p) for p in sorted((EXAMPLE / "content" / "events").glob("*.md"))}
CALENDAR_ENTRIES = yaml.safe_load(CALENDAR_YAML.read_text(encoding="utf-8"))["entries"]
# Every entry of every calendar file: the academic calendar and the national holidays.
ALL_CALENDAR_ENTRIES = [entry for path in sorted((EXAMPLE / "content" / "calendars").glob("*.yaml"))
                        for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["entries"]]
EVERYONE = SITE["calendar"].get("everyone", "semua")
ICS_FILES = (
    ["kalender/semua.ics"]
    + [f"kalender/kategori-{key}.ics" for key in CATEGORIES]
    + [f"kalender/untuk-{key}.ics" for key in AUDIENCES]
    + [f"agenda/{slug}/{slug}.ics" for slug in EVENTS]
)


# --- reading iCalendar text line by line (RFC 5545 3.1) ------------------------------------------


def physical_lines(data: bytes) -> list[bytes]:
    """The lines as stored, without their CRLF; the file must end with CRLF."""
    assert data.endswith(b"\r\n")
    return data[:-2].split(b"\r\n")


def logical_lines(data: bytes) -> list[str]:
    """Content lines with folding undone."""
    return data.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")[:-1]


def name_of(line: str) -> str:
    return line.split(":", 1)[0].split(";", 1)[0].upper()


def params_of(line: str) -> str:
    """';VALUE=DATE' or ';TZID=Asia/Jakarta' (empty when there are none)."""
    head = line.split(":", 1)[0]
    return head[len(head.split(";", 1)[0]):]


def components(data: bytes, kind: str) -> list[list[str]]:
    """The property lines of every component BEGIN:<kind> ... END:<kind> (nested ones excluded)."""
    found: list[list[str]] = []
    stack: list[str] = []
    for line in logical_lines(data):
        if line.startswith("BEGIN:"):
            stack.append(line[6:])
            if stack[-1] == kind:
                found.append([])
        elif line.startswith("END:"):
            stack.pop()
        elif stack and stack[-1] == kind:
            found[-1].append(line)
    return found


def calendar_properties(data: bytes) -> list[str]:
    return components(data, "VCALENDAR")[0]


def prop(block: list[str], name: str) -> list[str]:
    return [line for line in block if name_of(line) == name]


def vevent_by_summary(data: bytes, summary: str) -> list[list[str]]:
    return [block for block in components(data, "VEVENT") if f"SUMMARY:{summary}" in block]


def only_vevent(data: bytes, summary: str) -> list[str]:
    [block] = vevent_by_summary(data, summary)
    return block


def uids(data: bytes) -> dict[str, str]:
    """UID -> SUMMARY of every VEVENT."""
    return {prop(b, "UID")[0].split(":", 1)[1]: prop(b, "SUMMARY")[0].split(":", 1)[1]
            for b in components(data, "VEVENT")}


@pytest.fixture(scope="module")
def ics(example_site: Path) -> dict[str, bytes]:
    return {name: (example_site / name).read_bytes() for name in ICS_FILES}


# --- every .ics file ------------------------------------------------------------------------------


def test_the_site_publishes_exactly_the_expected_calendar_files(example_site: Path) -> None:
    published = sorted(p.relative_to(example_site).as_posix() for p in example_site.rglob("*.ics"))
    assert published == sorted(ICS_FILES)


@pytest.mark.parametrize("name", ICS_FILES)
def test_calendar_file_parses_with_icalendar_and_ical(ics: dict[str, bytes], name: str) -> None:
    data = ics[name]
    calendar = icalendar.Calendar.from_ical(data)
    stream_calendar = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    vevents = components(data, "VEVENT")
    assert len(list(calendar.walk("VEVENT"))) == len(vevents) > 0
    assert len(stream_calendar.events) == len(vevents)


@pytest.mark.parametrize("name", ICS_FILES)
def test_calendar_file_has_crlf_lines_of_at_most_75_octets_each_valid_utf8(ics: dict[str, bytes], name: str) -> None:
    data = ics[name]
    lines = physical_lines(data)
    assert not [line for line in lines if b"\n" in line or b"\r" in line], "bare LF or CR"
    assert [line for line in lines if len(line) > 75] == []
    broken = []
    for line in lines:
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            broken.append(line)
    assert broken == [], "a fold split a UTF-8 character"


@pytest.mark.parametrize("name", ICS_FILES)
def test_calendar_file_declares_version_prodid_scale_method_and_name(ics: dict[str, bytes], name: str) -> None:
    top = calendar_properties(ics[name])
    assert prop(top, "VERSION") == ["VERSION:2.0"]
    assert len(prop(top, "PRODID")) == 1
    assert prop(top, "CALSCALE") == ["CALSCALE:GREGORIAN"]
    assert prop(top, "METHOD") == ["METHOD:PUBLISH"]
    names = prop(top, "NAME")
    assert len(names) == 1 and names[0].startswith(f"NAME:{SITE['title']}")
    assert prop(top, "X-WR-CALNAME") == ["X-WR-CALNAME:" + names[0].split(":", 1)[1]]


@pytest.mark.parametrize("name", ICS_FILES)
def test_calendar_file_has_a_vtimezone_exactly_when_an_event_starts_at_a_time(ics: dict[str, bytes],
                                                                              name: str) -> None:
    data = ics[name]
    zoned = {params_of(line) for block in components(data, "VEVENT") for line in prop(block, "DTSTART")
             if "TZID=" in params_of(line)}
    zones = [prop(block, "TZID") for block in components(data, "VTIMEZONE")]
    if zoned:
        assert zones == [[f"TZID:{SITE['timezone']}"]]
        assert zoned == {f";TZID={SITE['timezone']}"}
    else:
        assert zones == []


@pytest.mark.parametrize("name", ICS_FILES)
def test_every_vevent_has_uid_utc_dtstamp_dtstart_summary_and_categories(ics: dict[str, bytes], name: str) -> None:
    for block in components(ics[name], "VEVENT"):
        for required in ("UID", "DTSTART", "SUMMARY", "CATEGORIES"):
            assert len(prop(block, required)) == 1, (required, block)
        stamps = prop(block, "DTSTAMP")
        assert len(stamps) == 1 and re.fullmatch(r"DTSTAMP:\d{8}T\d{6}Z", stamps[0]), block


@pytest.mark.parametrize("name", ICS_FILES)
def test_no_vevent_has_both_dtend_and_duration(ics: dict[str, bytes], name: str) -> None:
    for block in components(ics[name], "VEVENT"):
        assert not (prop(block, "DTEND") and prop(block, "DURATION")), block


@pytest.mark.parametrize("name", ICS_FILES)
def test_date_values_carry_no_tzid_and_times_are_never_floating(ics: dict[str, bytes], name: str) -> None:
    for block in components(ics[name], "VEVENT"):
        for line in prop(block, "DTSTART") + prop(block, "DTEND") + prop(block, "EXDATE") + prop(block, "RDATE"):
            params, value = params_of(line), line.split(":", 1)[1]
            if "VALUE=DATE" in params.upper() and "VALUE=DATE-TIME" not in params.upper():
                assert "TZID" not in params.upper(), line
                assert re.fullmatch(r"\d{8}(,\d{8})*", value), line
            else:
                assert "TZID=" in params or value.endswith("Z"), f"floating time: {line}"


@pytest.mark.parametrize("name", ["kalender/semua.ics", "kalender/kategori-kegiatan.ics",
                                  "agenda/persami-2027/persami-2027.ics"])
def test_all_day_persami_ends_on_the_day_after_its_last_day(ics: dict[str, bytes], name: str) -> None:
    assert EVENTS["persami-2027"]["start"] == date(2027, 2, 13)
    assert EVENTS["persami-2027"]["end"] == date(2027, 2, 14)
    [block] = vevent_by_summary(ics[name], EVENTS["persami-2027"]["title"])
    assert prop(block, "DTSTART") == ["DTSTART;VALUE=DATE:20270213"]
    assert prop(block, "DTEND") == ["DTEND;VALUE=DATE:20270215"]


ICAL_STATUS = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}


def ical_text(value: str) -> str:
    """TEXT as RFC 5545 3.3.11 escapes it."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


# What a calendar app shows of the example's changed events: the change first, as SUMMARY.
CHANGED_SUMMARIES = {
    "pentas-seni-2026": "DARING: Pentas Seni Secara Daring",
    "pertemuan-orang-tua-kelas-ix-2026": "JADWAL DIUBAH: Pertemuan Orang Tua Siswa Kelas IX",
    "studi-tour-2027": "DIBATALKAN: Studi Tour",
}


@pytest.mark.parametrize("slug", list(EVENTS))
def test_event_vevent_links_its_page_names_its_place_and_states_its_status(ics: dict[str, bytes], slug: str) -> None:
    source = EVENTS[slug]
    status = source.get("status", "scheduled")
    for name in ("kalender/semua.ics", f"agenda/{slug}/{slug}.ics"):
        block = only_vevent(ics[name], ical_text(CHANGED_SUMMARIES.get(slug, source["title"])))
        assert prop(block, "URL") == [f"URL:{BASE_URL}agenda/{slug}/"], name
        assert prop(block, "LOCATION") == [f"LOCATION:{ical_text(source['location'])}"], name
        assert prop(block, "CATEGORIES") == [
            f"CATEGORIES:{ical_text(SITE['calendar']['categories'][source['category']]['label'])}"], name
        assert prop(block, "STATUS") == [f"STATUS:{ICAL_STATUS[status]}"], name
        assert prop(block, "SEQUENCE") == [f"SEQUENCE:{0 if status == 'scheduled' else 1}"], name
        assert prop(block, "DESCRIPTION"), name


# --- the weekly flag ceremony ---------------------------------------------------------------------


def flag_ceremony() -> dict[str, Any]:
    [entry] = [e for e in CALENDAR_ENTRIES if e["title"] == "Upacara Bendera"]
    return entry


def expected_ceremony_mondays() -> list[date]:
    """Every week from the start to `until` (inclusive), minus the `except` dates, from the YAML."""
    entry = flag_ceremony()
    assert entry["repeat"] == "weekly"
    first = datetime.strptime(entry["start"], "%Y-%m-%d %H:%M").date()
    skipped = set(entry["except"])
    assert skipped, "the test needs a series with except dates"
    days = []
    day = first
    while day <= entry["until"]:
        if day not in skipped:
            days.append(day)
        day += timedelta(days=7)
    return days


def test_flag_ceremony_is_one_vevent_with_rrule_and_exdates(ics: dict[str, bytes]) -> None:
    entry = flag_ceremony()
    [block] = vevent_by_summary(ics["kalender/semua.ics"], entry["title"])
    [rrule] = prop(block, "RRULE")
    assert "FREQ=WEEKLY" in rrule
    until = re.search(r"UNTIL=([0-9TZ]+)", rrule)
    assert until and until.group(1).endswith("Z"), "UNTIL of a timed series is in UTC"
    excluded = {line.split(":", 1)[1][:8] for line in prop(block, "EXDATE")}
    assert excluded == {d.strftime("%Y%m%d") for d in entry["except"]}


def test_flag_ceremony_expands_to_exactly_the_mondays_of_the_school_year(ics: dict[str, bytes]) -> None:
    entry = flag_ceremony()
    start = datetime.strptime(entry["start"], "%Y-%m-%d %H:%M")
    end = datetime.strptime(entry["end"], "%Y-%m-%d %H:%M")
    calendar = icalendar.Calendar.from_ical(ics["kalender/semua.ics"])
    occurrences = [e for e in recurring_ical_events.of(calendar).between(date(2026, 1, 1), date(2028, 1, 1))
                   if str(e["SUMMARY"]) == entry["title"]]
    starts = sorted(e["DTSTART"].dt for e in occurrences)
    expected = expected_ceremony_mondays()
    assert [s.date() for s in starts] == expected
    assert all(d.weekday() == 0 for d in expected)
    assert expected[0] == date(2026, 7, 20) and expected[-1] == date(2027, 6, 14)
    assert {s.astimezone(ZONE).time() for s in starts} == {start.time()}
    assert {(e["DTEND"].dt - e["DTSTART"].dt) for e in occurrences} == {end - start}


# (The same bytes under any process time zone, search index included: tests/test_golden.py.)


# --- stable UIDs, cancellations and reschedules ---------------------------------------------------

EXTRA_EVENT = """\
---
title: Lomba Pidato Bahasa Inggris
start: "2027-03-20 08:00"
end: "2027-03-20 12:00"
category: lomba
location: SMP Negeri 1 Prabumulih
---
Lomba pidato antarkelas.
"""


def test_uids_are_unchanged_when_an_unrelated_event_is_added(example_site: Path, tmp_path: Path) -> None:
    root = tmp_path / "situs"
    copy_example(root)
    # Sorts first by file name and by title, and starts before several other events.
    (root / "content" / "events" / "aa-lomba-pidato-2027.md").write_text(EXTRA_EVENT, encoding="utf-8")
    before = uids((example_site / "kalender" / "semua.ics").read_bytes())

    after = uids(build_site(root, Options(today=date.fromisoformat(TODAY), write=False)).files["kalender/semua.ics"])

    assert set(before) < set(after)
    added = set(after) - set(before)
    assert [after[uid] for uid in added] == ["Lomba Pidato Bahasa Inggris"]
    assert {uid: after[uid] for uid in before} == before


def event_file(**fields: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in fields.items())
    return f"---\ntitle: Rapat orang tua\ncategory: rapat\n{lines}---\nRapat.\n"


def test_cancelled_event_keeps_its_uid_and_says_cancelled(tiny: TinySite) -> None:
    tiny.write("content/events/rapat.md", event_file(start="2026-12-05"))
    scheduled = only_vevent(tiny.build(write=False).files["kalender/semua.ics"], "Rapat orang tua")
    tiny.write("content/events/rapat.md", event_file(start="2026-12-05", status="cancelled"))

    built = tiny.build(write=False).files
    for name in ("kalender/semua.ics", "agenda/rapat/rapat.ics"):
        cancelled = only_vevent(built[name], "DIBATALKAN: Rapat orang tua")
        assert prop(cancelled, "UID") == prop(scheduled, "UID")
        assert prop(cancelled, "STATUS") == ["STATUS:CANCELLED"]
        assert prop(scheduled, "STATUS") == ["STATUS:CONFIRMED"]


def test_rescheduled_event_keeps_its_uid_and_has_sequence_1(tiny: TinySite) -> None:
    tiny.write("content/events/rapat.md", event_file(start='"2026-12-05 08:00"'))
    scheduled = only_vevent(tiny.build(write=False).files["kalender/semua.ics"], "Rapat orang tua")
    tiny.write("content/events/rapat.md",
               event_file(start='"2026-12-12 08:00"', status="rescheduled", previous_start='"2026-12-05 08:00"'))

    rescheduled = only_vevent(tiny.build(write=False).files["kalender/semua.ics"], "JADWAL DIUBAH: Rapat orang tua")

    assert prop(rescheduled, "UID") == prop(scheduled, "UID")
    assert prop(scheduled, "SEQUENCE") in ([], ["SEQUENCE:0"])
    assert prop(rescheduled, "SEQUENCE") == ["SEQUENCE:1"]
    assert prop(rescheduled, "DTSTART") == ["DTSTART;TZID=Asia/Jakarta:20261212T080000"]


CALENDAR_FILE = """\
entries:
  - title: Rapat Komite
    start: "{start}"
    category: rapat
{extra}"""


@pytest.mark.parametrize(("start", "extra", "status", "sequence", "summary"), [
    ("2026-12-10 13:00", "    status: cancelled\n", "STATUS:CANCELLED", "SEQUENCE:1", "DIBATALKAN: Rapat Komite"),
    ("2026-12-17 13:00", "    status: rescheduled\n    previous_start: \"2026-12-10 13:00\"\n", "STATUS:CONFIRMED",
     "SEQUENCE:1", "JADWAL DIUBAH: Rapat Komite"),
], ids=["cancelled", "rescheduled"])
def test_academic_calendar_entry_keeps_its_uid_when_cancelled_or_rescheduled(
        tiny: TinySite, start: str, extra: str, status: str, sequence: str, summary: str) -> None:
    tiny.write("content/calendars/2026.yaml", CALENDAR_FILE.format(start="2026-12-10 13:00", extra=""))
    scheduled = only_vevent(tiny.build(write=False).files["kalender/semua.ics"], "Rapat Komite")
    tiny.write("content/calendars/2026.yaml", CALENDAR_FILE.format(start=start, extra=extra))

    changed = only_vevent(tiny.build(write=False).files["kalender/semua.ics"], summary)

    assert prop(changed, "UID") == prop(scheduled, "UID")
    assert prop(changed, "STATUS") == [status]
    assert prop(changed, "SEQUENCE") == [sequence]


# --- schema.org Event on every event page ---------------------------------------------------------


def json_ld(page: Path) -> list[dict[str, Any]]:
    tree = lxml.html.fromstring(page.read_bytes())
    return [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]


def schema_moment(value: Any) -> str:
    """A front-matter date or "YYYY-MM-DD HH:MM" as schema.org writes it."""
    if isinstance(value, date):
        return value.isoformat()
    return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=ZONE).isoformat()


def test_timed_and_all_day_dates_take_the_documented_forms() -> None:
    assert schema_moment("2026-12-19 08:00") == "2026-12-19T08:00:00+07:00"
    assert schema_moment(date(2027, 2, 13)) == "2027-02-13"


@pytest.mark.parametrize("slug", list(EVENTS))
def test_event_page_carries_a_complete_schema_org_event(example_site: Path, slug: str) -> None:
    source = EVENTS[slug]
    [data] = json_ld(example_site / "agenda" / slug / "index.html")
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == source["title"]
    assert data["description"] == " ".join(source["summary"].split())
    assert data["startDate"] == schema_moment(source["start"])
    assert data["endDate"] == schema_moment(source.get("end", source["start"]))
    assert data["url"] == f"{BASE_URL}agenda/{slug}/"
    assert data["organizer"]["@type"] == SITE["school"]["type"]
    assert data["organizer"]["name"] == SITE["school"]["name"]
    mode = source.get("mode", "offline")
    attendance = {"offline": "Offline", "online": "Online", "hybrid": "Mixed"}[mode]
    assert data["eventAttendanceMode"] == f"https://schema.org/{attendance}EventAttendanceMode"
    location = data["location"]
    if mode == "online":
        assert location == {"@type": "VirtualLocation", "url": source["online_url"]}
    else:
        assert location["@type"] == "Place"
        assert location["name"] == source["location"]
        assert location["address"]["@type"] == "PostalAddress"
        assert location["address"]["addressLocality"] == SITE["school"]["address"]["locality"]
    assert data["eventStatus"].startswith("https://schema.org/Event")
    assert ("previousStartDate" in data) == (source.get("status") == "rescheduled")


@pytest.mark.parametrize(("slug", "status"), [
    ("pentas-seni-2026", "EventMovedOnline"),
    ("studi-tour-2027", "EventCancelled"),
    ("pertemuan-orang-tua-kelas-ix-2026", "EventRescheduled"),
    ("persami-2027", "EventScheduled"),
])
def test_event_status_follows_the_front_matter(example_site: Path, slug: str, status: str) -> None:
    [data] = json_ld(example_site / "agenda" / slug / "index.html")
    assert data["eventStatus"] == f"https://schema.org/{status}"


def test_rescheduled_meeting_names_its_previous_start(example_site: Path) -> None:
    source = EVENTS["pertemuan-orang-tua-kelas-ix-2026"]
    [data] = json_ld(example_site / "agenda" / "pertemuan-orang-tua-kelas-ix-2026" / "index.html")
    assert data["previousStartDate"] == "2026-11-21T09:00:00+07:00" == schema_moment(source["previous_start"])
    assert data["startDate"] == "2026-11-28T09:00:00+07:00"


# --- month pages ----------------------------------------------------------------------------------


def month_pages(site: Path) -> list[Path]:
    return sorted(p for p in (site / "kalender").glob("[0-9][0-9][0-9][0-9]-[0-9][0-9]/index.html"))


def page(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def day_cells(tree: lxml.html.HtmlElement) -> Iterator[tuple[int, lxml.html.HtmlElement]]:
    """(day of month, cell) for the cells of the page's own month."""
    for cell in tree.xpath('//table[contains(@class, "month-grid")]/tbody/tr/td'):
        if "other-month" in cell.get("class", "").split():
            continue
        [number] = cell.xpath('.//span[contains(@class, "day-number")]')
        yield int(re.search(r"\d+", number.text_content().split(",")[-1]).group()), cell


def entries_by_day(path: Path) -> dict[int, list[str]]:
    return {day: [text(li) for li in cell.xpath(".//li")] for day, cell in day_cells(page(path))}


def test_this_month_page_shows_the_build_month(example_site: Path) -> None:
    tree = page(example_site / "kalender" / "bulan-ini" / "index.html")
    assert text(tree.xpath("//table/caption")[0]) == "Kalender November 2026"
    assert text(tree.xpath("//h1")[0]) == "Kalender November 2026"
    assert len(list(day_cells(tree))) == 30


def test_the_calendar_has_a_page_for_every_month_of_the_school_year(example_site: Path) -> None:
    keys = [p.parent.name for p in month_pages(example_site)]
    assert keys == [f"{y}-{m:02d}" for y, m in [(2026, m) for m in range(7, 13)] + [(2027, m) for m in range(1, 8)]]


def test_every_month_page_has_a_caption_and_seven_column_headers(example_site: Path) -> None:
    for path in month_pages(example_site):
        tree = page(path)
        [caption] = tree.xpath('//table[contains(@class, "month-grid")]/caption')
        assert text(caption).startswith("Kalender "), path
        headers = tree.xpath('//table[contains(@class, "month-grid")]/thead//th')
        assert len(headers) == 7, path
        assert [h.get("scope") for h in headers] == ["col"] * 7, path
        assert [text(h) for h in headers] == ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"], path


def test_only_the_build_days_cell_is_marked_as_today(example_site: Path) -> None:
    build_day = date.fromisoformat(TODAY)
    for path in [*month_pages(example_site), example_site / "kalender" / "bulan-ini" / "index.html"]:
        tree = page(path)
        marked = tree.xpath('//*[@aria-current="date"]')
        this_month = path.parent.name in (build_day.strftime("%Y-%m"), "bulan-ini")
        if this_month:
            assert len(marked) == 1, path
            assert marked[0].tag == "td"
            assert dict((cell, day) for day, cell in day_cells(tree))[marked[0]] == build_day.day
        else:
            assert marked == [], path


def month_before(key: str) -> str:
    first = date.fromisoformat(key + "-01")
    return (first - timedelta(days=1)).strftime("%Y-%m")


def test_previous_and_next_links_lead_to_the_neighbouring_months_pages(example_site: Path) -> None:
    keys = [p.parent.name for p in month_pages(example_site)]
    for index, key in enumerate(keys):
        tree = page(example_site / "kalender" / key / "index.html")
        for rel, neighbour in (("prev", keys[index - 1] if index else None),
                               ("next", keys[index + 1] if index + 1 < len(keys) else None)):
            hrefs = {a.get("href") for a in tree.xpath(f'//a[@rel="{rel}"]')}
            if neighbour is None:
                assert hrefs == set(), (key, rel)
                continue
            assert hrefs == {f"{BASE_PATH}kalender/{neighbour}/"}, (key, rel)
            assert (example_site / "kalender" / neighbour / "index.html").is_file()
        if index:
            assert keys[index - 1] == month_before(key)


def test_semester_holiday_appears_on_every_one_of_its_days_in_december_and_january(example_site: Path) -> None:
    [holiday] = [e for e in CALENDAR_ENTRIES if e["title"] == "Libur Semester Ganjil"]
    first, last = holiday["start"], holiday["end"]
    assert (first, last) == (date(2026, 12, 21), date(2027, 1, 1))
    shown: set[date] = set()
    for key in ("2026-12", "2027-01"):
        year, month = map(int, key.split("-"))
        for day, entries in entries_by_day(example_site / "kalender" / key / "index.html").items():
            if any("Libur Semester Ganjil" in entry for entry in entries):
                shown.add(date(year, month, day))
    expected = {first + timedelta(days=n) for n in range((last - first).days + 1)}
    assert shown == expected


# --- agenda filter pages --------------------------------------------------------------------------


def agenda_happenings() -> list[dict[str, Any]]:
    """Events and calendar entries as the agenda lists them: an entry linking to an event page is
    that event, not a second item."""
    pages = {f"/agenda/{slug}/" for slug in EVENTS}
    return list(EVENTS.values()) + [e for e in ALL_CALENDAR_ENTRIES if e.get("url") not in pages]


def is_for(key: str, happening: dict[str, Any]) -> bool:
    """For this audience, or for everyone: no audience at all, or the everyone-key among them."""
    audience = happening.get("audience") or []
    return key in audience or not audience or EVERYONE in audience


def listed_titles(path: Path) -> list[str]:
    tree = page(path)
    # The title, without the status words that stand before it ("Dibatalkan", "Daring").
    return [" ".join("".join(h.xpath("./text()|./a//text()")).split())
            for h in tree.xpath('//li[contains(@class, "agenda-item")]/h3')]


@pytest.mark.parametrize("key", CATEGORIES)
def test_category_page_lists_only_and_all_items_of_that_category(example_site: Path, key: str) -> None:
    path = example_site / "agenda" / "kategori" / key / "index.html"
    titles = listed_titles(path)
    expected = sorted(h["title"] for h in agenda_happenings() if h["category"] == key)
    assert sorted(titles) == expected
    label = SITE["calendar"]["categories"][key]["label"]
    tree = page(path)
    shown = tree.xpath('//li[contains(@class, "agenda-item")]//span[contains(concat(" ", @class, " "), " cat ")]')
    assert len(shown) == len(titles)
    assert {text(s) for s in shown} <= {label}
    assert {c for s in shown for c in s.get("class").split() if c.startswith("cat-")} <= {f"cat-{key}"}


@pytest.mark.parametrize("key", AUDIENCES)
def test_audience_page_lists_only_and_all_items_for_that_audience(example_site: Path, key: str) -> None:
    titles = listed_titles(example_site / "agenda" / "untuk" / key / "index.html")
    expected = sorted(h["title"] for h in agenda_happenings() if is_for(key, h))
    assert sorted(titles) == expected


def test_items_for_everyone_are_on_every_audience_page_and_the_rule_is_not_empty(example_site: Path) -> None:
    everyone = [h["title"] for h in agenda_happenings() if not h.get("audience") or EVERYONE in h["audience"]]
    assert "Upacara Bendera" in everyone and "Hari Raya Natal" in everyone and "Libur Semester Ganjil" in everyone
    for key in AUDIENCES:
        titles = listed_titles(example_site / "agenda" / "untuk" / key / "index.html")
        assert set(everyone) <= set(titles), key


def test_the_whole_agenda_lists_every_happening_once(example_site: Path) -> None:
    assert sorted(listed_titles(example_site / "agenda" / "index.html")) == sorted(
        h["title"] for h in agenda_happenings())
