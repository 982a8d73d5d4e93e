"""The iCalendar feed follows docs/design.md (section 5) to the letter; the Google Calendar link is exact."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from conftest import REPO, TINY_SITE_YAML
from ical.calendar_stream import IcsCalendarStream

from sitegen.history import Revision
from sitegen.load.yamlload import load_yaml
from sitegen.models.dates import Dates
from sitegen.models.fields import CalendarEntryFields, EventFields
from sitegen.models.headlines import Headlines
from sitegen.models.settings import SiteConfig
from sitegen.plan.timeline import Happening
from sitegen.render.feeds import calendar_feed, google_calendar_link, site_timezone
from sitegen.render.pages import load_translations

CONTEXT = {"category": ("libur", "rapat"), "audience": ("kelas-9", "orang-tua")}
CONFIG = SiteConfig.model_validate(load_yaml(TINY_SITE_YAML, "site.yaml").data)
FEED_URL = "https://example.github.io/nama-repo/kalender/agenda.ics"
JAKARTA = ZoneInfo("Asia/Jakarta")
LONG_TITLE = "Pentas Seni — Ucapan Terima Kasih untuk Orang Tua dan Komite Sekolah 2026/2027 ✓"
CALENDAR_FILE = "content/calendars/2026-2027.yaml"
HEADLINES = Headlines(load_translations(REPO, "id"), Dates.for_site(CONFIG))


def event(slug: str, **fields: Any) -> Happening:
    """An event page content/events/<slug>.md with the given front matter."""
    meta = EventFields.model_validate({"title": slug.replace("-", " ").capitalize(), "category": "rapat", **fields},
                                      context=CONTEXT)
    source = f"content/events/{slug}.md"
    return Happening(source, source, 1, meta.title, meta.summary, meta, f"/agenda/{slug}/", None, None, None)


def entry(key: str, **fields: Any) -> Happening:
    """An entry of the academic calendar file."""
    meta = CalendarEntryFields.model_validate({"title": key.capitalize(), "category": "libur", **fields},
                                              context=CONTEXT)
    return Happening(f"{CALENDAR_FILE}#{key}", CALENDAR_FILE, 3, meta.title, meta.description, meta, meta.url,
                     None, "Kalender Akademik 2026/2027", None)


def feed(*happenings: Happening) -> bytes:
    return calendar_feed(happenings, CONFIG, "SMP Contoh: Agenda", FEED_URL, HEADLINES,
                         site_timezone(happenings, CONFIG))


def logical_lines(data: bytes) -> list[str]:
    """Content lines with folding undone (RFC 5545 3.1)."""
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]


def values(data: bytes, name: str) -> list[str]:
    """Every VEVENT line of property `name`, parameters included: 'DTSTART;VALUE=DATE:20261205'."""
    return [line for block in vevent_blocks(data) for line in block if line.split(":")[0].split(";")[0] == name]


def events(data: bytes) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(data).events)


def vevent_blocks(data: bytes) -> list[list[str]]:
    blocks: list[list[str]] = []
    for line in logical_lines(data):
        if line == "BEGIN:VEVENT":
            blocks.append([])
        elif blocks and not line.startswith("END:VEVENT"):
            blocks[-1].append(line)
    return blocks


def mixed_feed() -> bytes:
    return feed(
        event("pentas-seni", title=LONG_TITLE, start="2026-12-05 08:00", end="2026-12-05 10:00", location="Aula"),
        event("rapat-komite", start="2026-12-10 13:00"),
        entry("libur-semester", start="2026-12-21", end="2026-12-31"),
        entry("hari-guru", start="2026-11-25"),
        event("upacara", start="2026-07-20 07:00", repeat="weekly", until="2026-12-28", **{"except": ["2026-08-17"]}),
    )


def test_feed_parses_with_two_independent_readers() -> None:
    data = mixed_feed()
    parsed = icalendar.Calendar.from_ical(data)
    other = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert len(parsed.events) == len(other.events) == 5
    assert sorted(str(e["UID"]) for e in parsed.events) == sorted(e.uid or "" for e in other.events)
    assert {e.summary for e in other.events} >= {LONG_TITLE, "Libur-semester"}


def test_calendar_carries_version_prodid_scale_method_name_and_refresh() -> None:
    lines = logical_lines(mixed_feed())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    for line in ("VERSION:2.0", "PRODID:-//sitegen//Situs Humas Sekolah//ID", "CALSCALE:GREGORIAN",
                 "METHOD:PUBLISH", "NAME:SMP Contoh: Agenda", "X-WR-CALNAME:SMP Contoh: Agenda",
                 "X-WR-TIMEZONE:Asia/Jakarta", "REFRESH-INTERVAL;VALUE=DURATION:PT12H", "X-PUBLISHED-TTL:PT12H",
                 f"SOURCE;VALUE=URI:{FEED_URL}", f"URL:{FEED_URL}"):
        assert line in lines


def test_every_line_ends_with_crlf_and_fits_in_75_octets() -> None:
    data = mixed_feed()
    assert data.endswith(b"\r\n")
    for line in data.split(b"\r\n")[:-1]:
        assert b"\n" not in line and b"\r" not in line
        assert len(line) <= 75, line


def test_long_indonesian_title_folds_between_utf8_characters() -> None:
    data = feed(event("pentas-seni", title=LONG_TITLE, start="2026-12-05"))
    physical = data.split(b"\r\n")
    start = next(i for i, line in enumerate(physical) if line.startswith(b"SUMMARY:"))
    assert physical[start + 1].startswith(b" "), "the long title is folded"
    for line in physical:
        line.decode("utf-8")  # each physical line is valid UTF-8 on its own
    assert values(data, "SUMMARY") == [f"SUMMARY:{LONG_TITLE}"]
    assert str(events(data)[0]["SUMMARY"]) == LONG_TITLE


def test_all_day_event_ends_the_day_after_its_last_day() -> None:
    data = feed(entry("hari-guru", start="2026-11-25"), entry("libur-semester", start="2026-12-21", end="2026-12-31"))
    assert values(data, "DTSTART") == ["DTSTART;VALUE=DATE:20261125", "DTSTART;VALUE=DATE:20261221"]
    assert values(data, "DTEND") == ["DTEND;VALUE=DATE:20261126", "DTEND;VALUE=DATE:20270101"]


def test_date_values_carry_no_tzid_and_times_carry_the_site_zone() -> None:
    data = mixed_feed()
    dated = [line for name in ("DTSTART", "DTEND", "EXDATE") for line in values(data, name)]
    assert any("VALUE=DATE" in line for line in dated) and any("T" in line.split(":")[1] for line in dated)
    for line in dated:
        if "VALUE=DATE" in line:
            assert "TZID" not in line, line
        else:
            assert line.split(":")[0].endswith(";TZID=Asia/Jakarta"), line  # never floating
    assert values(data, "DTSTART")[0] == "DTSTART;TZID=Asia/Jakarta:20260720T070000"


def test_vtimezone_is_present_exactly_when_times_are_used() -> None:
    all_day = feed(entry("hari-guru", start="2026-11-25"))
    assert "BEGIN:VTIMEZONE" not in logical_lines(all_day)
    assert b"TZID" not in all_day
    timed = logical_lines(mixed_feed())
    assert timed.count("BEGIN:VTIMEZONE") == 1
    zone = timed[timed.index("BEGIN:VTIMEZONE"):timed.index("END:VTIMEZONE")]
    assert "TZID:Asia/Jakarta" in zone and "BEGIN:STANDARD" in zone and "BEGIN:DAYLIGHT" not in zone
    assert "TZOFFSETFROM:+0700" in zone and "TZOFFSETTO:+0700" in zone
    assert timed.index("END:VTIMEZONE") < timed.index("BEGIN:VEVENT")


def test_no_event_has_both_dtend_and_duration() -> None:
    for block in vevent_blocks(mixed_feed()):
        names = {line.split(":")[0].split(";")[0] for line in block}
        assert not {"DTEND", "DURATION"} <= names
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "CATEGORIES", "STATUS", "SEQUENCE"} <= names


def test_timed_event_without_end_lasts_the_hour_its_page_and_google_link_show() -> None:
    happening = event("rapat-komite", start="2026-12-10 13:00")
    block = vevent_blocks(feed(happening))[0]
    assert [line for line in block if line.startswith(("DTEND", "DURATION"))] == [
        "DTEND;TZID=Asia/Jakarta:20261210T140000"]
    assert HEADLINES.dates.schedule(happening.schedule) == "Kamis, 10 Desember 2026, 13.00–14.00 WIB"
    assert "&dates=20261210T130000/20261210T140000&" in (google_calendar_link(happening, CONFIG, HEADLINES) or "")


def test_dtstamp_is_utc_from_content_and_the_same_in_a_later_build() -> None:
    happenings = (event("pentas-seni", start="2026-12-05 08:00"), entry("hari-guru", start="2026-11-25"))
    first = feed(*happenings)
    second = int(time.time())
    while int(time.time()) == second:  # a build at another wall-clock second, as soon as there is one
        time.sleep(0.01)
    assert feed(*happenings) == first
    assert values(first, "DTSTAMP") == ["DTSTAMP:20261125T000000Z", "DTSTAMP:20261205T000000Z"]


def test_same_input_gives_same_bytes_with_events_sorted_by_start() -> None:
    happenings = [entry("hari-guru", start="2026-11-25"), event("pentas-seni", start="2026-12-05 08:00"),
                  event("rapat", start="2026-12-05")]
    data = feed(*happenings)
    assert feed(*reversed(happenings)) == data
    assert values(data, "DTSTART") == ["DTSTART;VALUE=DATE:20261125", "DTSTART;VALUE=DATE:20261205",
                                       "DTSTART;TZID=Asia/Jakarta:20261205T080000"]


def uid_of(data: bytes, summary: str) -> str:
    return next(str(e["UID"]) for e in events(data) if str(e["SUMMARY"]) == summary)


def test_uid_is_unchanged_when_another_happening_is_added() -> None:
    alone = feed(event("pentas-seni", start="2026-12-05"))
    crowded = feed(event("rapat-awal", start="2026-07-01"), event("pentas-seni", start="2026-12-05"))
    uid = uid_of(alone, "Pentas seni")
    assert uid == uid_of(crowded, "Pentas seni")
    assert uid.endswith("@smp-contoh") and uid != uid_of(crowded, "Rapat awal")


def test_cancelled_event_keeps_its_uid_and_says_cancelled() -> None:
    scheduled = feed(event("pentas-seni", start="2026-12-05"))
    cancelled = feed(event("pentas-seni", start="2026-12-05", status="cancelled"))
    assert uid_of(cancelled, "DIBATALKAN: Pentas seni") == uid_of(scheduled, "Pentas seni")
    assert values(cancelled, "STATUS") == ["STATUS:CANCELLED"]
    assert values(cancelled, "SUMMARY") == ["SUMMARY:DIBATALKAN: Pentas seni"]
    assert str(events(cancelled)[0]["DESCRIPTION"]) == (
        "Dibatalkan: kegiatan pada Sabtu, 5 Desember 2026 tidak jadi dilaksanakan.")
    assert values(scheduled, "STATUS") == ["STATUS:CONFIRMED"] and values(scheduled, "SEQUENCE") == ["SEQUENCE:0"]
    assert values(cancelled, "SEQUENCE") == ["SEQUENCE:1"]


def test_rescheduled_event_bumps_sequence_and_names_the_original_date() -> None:
    scheduled = feed(event("pentas-seni", start="2026-11-28 08:00", summary="Pentas akhir semester."))
    moved = feed(event("pentas-seni", start="2026-12-05 08:00", summary="Pentas akhir semester.",
                       status="rescheduled", previous_start="2026-11-28 08:00"))
    assert uid_of(moved, "JADWAL DIUBAH: Pentas seni") == uid_of(scheduled, "Pentas seni")
    assert values(scheduled, "SEQUENCE") == ["SEQUENCE:0"] and values(moved, "SEQUENCE") == ["SEQUENCE:1"]
    assert values(moved, "STATUS") == ["STATUS:CONFIRMED"]
    assert str(events(moved)[0]["DESCRIPTION"]) == (
        "Jadwal diubah: Sabtu, 28 November 2026, 08.00 WIB menjadi Sabtu, 5 Desember 2026, 08.00–09.00 WIB.\n"
        "Pentas akhir semester.")


def test_postponed_event_is_tentative_and_says_so_first() -> None:
    data = feed(event("pentas-seni", start="2026-12-05", status="postponed"))
    assert values(data, "STATUS") == ["STATUS:TENTATIVE"]
    assert values(data, "SUMMARY") == ["SUMMARY:DITUNDA: Pentas seni"]
    assert str(events(data)[0]["DESCRIPTION"]) == (
        "Ditunda: kegiatan yang semula dijadwalkan Sabtu, 5 Desember 2026 ditunda; tanggal baru akan diumumkan.")


def test_every_event_names_the_school_as_organizer() -> None:
    data = feed(event("pentas-seni", start="2026-12-05"), entry("libur", start="2026-12-25"))
    # The tiny site has no e-mail: the school's web address stands in for it.
    assert values(data, "ORGANIZER") == ['ORGANIZER;CN="SMP Contoh":https://example.github.io/nama-repo/'] * 2
    with_mail = CONFIG.model_copy(update={"school": CONFIG.school.model_copy(update={"email": "humas@example.sch.id"})})
    data = calendar_feed((event("pentas-seni", start="2026-12-05"),), with_mail, "x", FEED_URL, HEADLINES, None)
    assert values(data, "ORGANIZER") == ['ORGANIZER;CN="SMP Contoh":mailto:humas@example.sch.id']


def test_dtstamp_last_modified_and_sequence_follow_the_sources_history() -> None:
    happening = event("pentas-seni", start="2026-12-05")
    edited = replace(happening, revision=Revision(datetime(2026, 11, 20, 3, 4, 5, tzinfo=UTC), 4))
    data = feed(edited)
    assert values(data, "DTSTAMP") == ["DTSTAMP:20261120T030405Z"]
    assert values(data, "LAST-MODIFIED") == ["LAST-MODIFIED:20261120T030405Z"]
    assert values(data, "SEQUENCE") == ["SEQUENCE:3"]
    cancelled_once = event("pentas-seni", start="2026-12-05", status="cancelled")
    first = replace(cancelled_once, revision=Revision(datetime(2026, 11, 20, tzinfo=UTC), 1))
    assert values(feed(first), "SEQUENCE") == ["SEQUENCE:1"]  # born cancelled: still above a plain event


def expected_weekly(first: date, last: date, skipped: set[date]) -> list[date]:
    days = [first + timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]
    return [day for day in days if day not in skipped]


def test_weekly_timed_series_is_one_vevent_with_rrule_and_exdates() -> None:
    skipped = {date(2026, 8, 17), date(2026, 12, 21)}
    data = feed(event("upacara", start="2026-07-20 07:00", end="2026-07-20 08:00", repeat="weekly",
                      until="2026-12-28", **{"except": [d.isoformat() for d in sorted(skipped)]}))
    assert len(vevent_blocks(data)) == 1
    assert values(data, "RRULE") == ["RRULE:FREQ=WEEKLY;UNTIL=20261228T000000Z"]  # 07:00 WIB is 00:00 UTC
    assert values(data, "EXDATE") == ["EXDATE;TZID=Asia/Jakarta:20260817T070000",
                                      "EXDATE;TZID=Asia/Jakarta:20261221T070000"]
    expected = [datetime.combine(d, datetime.min.time().replace(hour=7), JAKARTA)
                for d in expected_weekly(date(2026, 7, 20), date(2026, 12, 28), skipped)]
    calendar = icalendar.Calendar.from_ical(data)
    expanded = recurring_ical_events.of(calendar).between((2026, 1, 1), (2028, 1, 1))
    assert sorted(e.start for e in expanded) == expected
    assert all(e.end - e.start == timedelta(hours=1) for e in expanded)
    other = IcsCalendarStream.calendar_from_ics(data.decode("utf-8"))
    assert [e.dtstart for e in other.timeline] == expected


def test_weekly_all_day_series_ends_with_a_date_until() -> None:
    skipped = {date(2026, 12, 25), date(2027, 1, 1)}
    data = feed(entry("senam-pagi", start="2026-07-17", repeat="weekly", until="2027-06-11",
                      **{"except": [d.isoformat() for d in sorted(skipped)]}))
    assert values(data, "RRULE") == ["RRULE:FREQ=WEEKLY;UNTIL=20270611"]
    assert values(data, "EXDATE") == ["EXDATE;VALUE=DATE:20261225", "EXDATE;VALUE=DATE:20270101"]
    expanded = recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between((2026, 1, 1), (2028, 1, 1))
    assert sorted(e.start for e in expanded) == expected_weekly(date(2026, 7, 17), date(2027, 6, 11), skipped)


@pytest.mark.parametrize("repeat", ["daily", "monthly"])
def test_series_expands_to_the_sites_own_occurrences(repeat: str) -> None:
    happening = event("piket", start="2026-01-31 06:30", repeat=repeat, until="2026-12-31",
                      **{"except": ["2026-03-31"]})
    data = feed(happening)
    by_day = ";BYMONTHDAY=31" if repeat == "monthly" else ""  # months without a 31st are skipped by every reader
    assert values(data, "RRULE") == [f"RRULE:FREQ={repeat.upper()};UNTIL=20261230T233000Z{by_day}"]
    expanded = recurring_ical_events.of(icalendar.Calendar.from_ical(data)).between((2026, 1, 1), (2027, 1, 1))
    ours = [o.start.replace(tzinfo=JAKARTA) for o in happening.occurrences() if isinstance(o.start, datetime)]
    assert sorted(e.start for e in expanded) == ours


def test_text_is_escaped_and_round_trips() -> None:
    title = 'Rapat; evaluasi, tindak lanjut \\ "kelas 9"'
    summary = "Baris satu, dengan koma; titik koma \\ garis miring.\nBaris dua."
    data = feed(event("rapat", title=title, summary=summary, location="Aula, Gedung A; lantai 2", start="2026-12-05"))
    assert values(data, "SUMMARY") == ['SUMMARY:Rapat\\; evaluasi\\, tindak lanjut \\\\ "kelas 9"']
    assert values(data, "DESCRIPTION") == [
        "DESCRIPTION:Baris satu\\, dengan koma\\; titik koma \\\\ garis miring.\\nBaris dua."]
    parsed = events(data)[0]
    assert (str(parsed["SUMMARY"]), str(parsed["DESCRIPTION"]), str(parsed["LOCATION"])) == (
        title, summary, "Aula, Gedung A; lantai 2")
    other = IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events[0]
    assert (other.summary, other.description, other.location) == (title, summary, "Aula, Gedung A; lantai 2")


def test_event_page_url_is_absolute_and_external_links_stay() -> None:
    data = feed(event("pentas-seni", start="2026-12-05"),
                entry("kontak", start="2026-12-06", url="/informasi/kontak/"),
                entry("hari-libur", start="2026-12-07", url="https://www.kemdikbud.go.id/libur"),
                entry("tanpa-tautan", start="2026-12-08"))
    assert values(data, "URL") == ["URL:https://example.github.io/nama-repo/agenda/pentas-seni/",
                                   "URL:https://example.github.io/nama-repo/informasi/kontak/",
                                   "URL:https://www.kemdikbud.go.id/libur"]


def test_location_category_label_and_online_link_in_description() -> None:
    data = feed(event("rapat-daring", start="2026-12-05 19:30", summary="Rapat orang tua kelas IX.",
                      location="Ruang Guru", mode="hybrid", online_url="https://meet.example.com/abc"),
                entry("libur", start="2026-12-25"))
    assert values(data, "LOCATION") == ["LOCATION:Ruang Guru"]
    assert values(data, "CATEGORIES") == ["CATEGORIES:Rapat", "CATEGORIES:Libur"]
    assert values(data, "DESCRIPTION") == [
        "DESCRIPTION:Daring dan luring: hadir di tempat atau ikuti lewat https://meet.example.com/abc.\\n"
        "Rapat orang tua kelas IX."]
    assert values(data, "SUMMARY")[0] == "SUMMARY:DARING DAN LURING: Rapat daring"


def test_empty_feed_still_parses() -> None:
    data = feed()
    assert icalendar.Calendar.from_ical(data).events == []
    assert IcsCalendarStream.calendar_from_ics(data.decode("utf-8")).events == []


def test_google_link_for_an_all_day_event() -> None:
    happening = event("rapat", title="Rapat orang tua", start="2026-12-05", end="2026-12-06",
                      summary="Membahas rapor.", location="Aula")
    assert google_calendar_link(happening, CONFIG, HEADLINES) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Rapat%20orang%20tua"
        "&dates=20261205/20261207"
        "&details=Membahas%20rapor.%0Ahttps%3A//example.github.io/nama-repo/agenda/rapat/&location=Aula")


def test_google_link_for_a_timed_event() -> None:
    happening = event("pentas-seni", title="Pentas Seni", start="2026-12-05 08:00", end="2026-12-05 10:00",
                      location="Aula, Gedung A")
    assert google_calendar_link(happening, CONFIG, HEADLINES) == (
        "https://calendar.google.com/calendar/render?action=TEMPLATE&text=Pentas%20Seni"
        "&dates=20261205T080000/20261205T100000"
        "&details=https%3A//example.github.io/nama-repo/agenda/pentas-seni/"
        "&location=Aula%2C%20Gedung%20A&ctz=Asia/Jakarta")


def test_google_link_gives_a_timed_event_without_end_an_hour() -> None:
    link = google_calendar_link(event("rapat", start="2026-12-05 19:30"), CONFIG, HEADLINES) or ""
    assert "&dates=20261205T193000/20261205T203000&" in link and link.endswith("&ctz=Asia/Jakarta")


def test_google_link_of_a_changed_event_says_so_first() -> None:
    link = google_calendar_link(event("rapat", start="2026-12-05", status="postponed"), CONFIG, HEADLINES) or ""
    assert "&text=DITUNDA%3A%20Rapat&" in link


def test_no_google_link_for_a_series_with_skipped_dates() -> None:
    happening = event("upacara", start="2026-07-20 07:00", repeat="weekly", until="2026-12-28",
                      **{"except": ["2026-08-17"]})
    assert google_calendar_link(happening, CONFIG, HEADLINES) is None


def test_google_link_of_a_monthly_series_on_the_31st_names_the_day() -> None:
    link = google_calendar_link(event("piket", start="2026-01-31", repeat="monthly", until="2026-12-31"),
                                CONFIG, HEADLINES) or ""
    assert "&recur=RRULE%3AFREQ%3DMONTHLY%3BBYMONTHDAY%3D31%3BUNTIL%3D20261231" in link


def test_google_link_repeats_a_series() -> None:
    link = google_calendar_link(event("upacara", start="2026-07-20 07:00", repeat="weekly", until="2026-12-28"),
                                CONFIG, HEADLINES) or ""
    assert "&recur=RRULE%3AFREQ%3DWEEKLY%3BUNTIL%3D20261228T000000Z&" in link
