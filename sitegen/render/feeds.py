"""iCalendar feeds and "add to Google Calendar" links of happenings: values in, bytes or text out."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from importlib.metadata import version
from urllib.parse import quote, urlencode
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event, Timezone, vCalAddress, vDuration, vRecur

from sitegen.cache import BuildCache, fingerprint, generator_code
from sitegen.load.content import slugify
from sitegen.models.fields import Schedule
from sitegen.models.headlines import Headlines
from sitegen.models.scalars import Moment, sort_key
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.plan.routes import Route
from sitegen.plan.timeline import Happening
from sitegen.plan.views import CalendarFile

PRODID = "-//sitegen//Situs Humas Sekolah//ID"
REFRESH = timedelta(hours=12)  # how often subscribed calendars should fetch the feed again
STATUSES = {"scheduled": "CONFIRMED", "rescheduled": "CONFIRMED", "postponed": "TENTATIVE", "cancelled": "CANCELLED"}
CHANGED = ("rescheduled", "cancelled")  # RFC 5546: a changed event carries a higher SEQUENCE
FREQUENCIES = {"daily": "DAILY", "weekly": "WEEKLY", "monthly": "MONTHLY"}
GOOGLE = "https://calendar.google.com/calendar/render"
END_CALENDAR = b"END:VCALENDAR\r\n"
CACHE_KIND = "icalendar"  # in the build cache: one happening's VEVENT text, or a feed's own lines


def site_timezone(happenings: Sequence[Happening], config: SiteConfig) -> bytes | None:
    """The text of the site's VTIMEZONE over the years of every timed happening: made once, shared by all feeds."""
    timed = [h.schedule for h in happenings if not h.schedule.all_day]
    if not timed:
        return None
    first = min(s.start_day for s in timed).year
    last = max(max(s.end_day, s.until or s.end_day) for s in timed).year
    return _timezone(config.timezone, first, last)


def calendar_feed(
    happenings: Sequence[Happening],
    config: SiteConfig,
    name: str,
    url: str,
    headlines: Headlines,
    zone: bytes | None,
    texts: CalendarTexts | None = None,
) -> bytes:
    """One VCALENDAR with a VEVENT per happening (a series is one VEVENT with RRULE/EXDATE).

    `zone` is site_timezone() of a superset of `happenings`; it is included when any has a time.
    `texts` makes the parts (made once for all the feeds of a build, kept across builds by a build cache).
    """
    texts = texts or CalendarTexts(config, headlines)
    # The text of a VCALENDAR is its own lines, then each component's, then END:VCALENDAR: the VTIMEZONE's
    # and each VEVENT's text is the same in every feed, so each is made once and put in place.
    components = []
    if zone is not None and any(not h.schedule.all_day for h in happenings):
        components.append(zone)
    school = slugify(config.school.name)
    components += [texts.event(happening)
                   for happening in sorted(happenings, key=lambda h: (sort_key(h.schedule.start), _uid(h, school)))]
    return texts.header(name, url) + b"".join(components) + END_CALENDAR


def _header(config: SiteConfig, name: str, url: str) -> bytes:
    """A VCALENDAR's own lines, without its END."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.calendar_name = name
    calendar.add("x-wr-timezone", config.timezone)
    calendar.add("refresh-interval", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH))
    calendar.add("source", url, parameters={"VALUE": "URI"})
    calendar.add("url", url)
    text = bytes(calendar.to_ical())
    assert text.endswith(END_CALENDAR)
    return text[: -len(END_CALENDAR)]


class CalendarTexts:
    """Each happening's VEVENT text and each feed's own lines: made once per build, and kept in the build cache
    for the next builds, keyed by everything that goes into them (the happening or the feed's name and address,
    site.yaml, the interface text, the generator's code, the versions of icalendar and Babel)."""

    def __init__(self, config: SiteConfig, headlines: Headlines, cache: BuildCache | None = None) -> None:
        self._config = config
        self._headlines = headlines
        self._cache = cache or BuildCache(None)
        self._events: dict[str, bytes] = {}
        self._context = fingerprint(generator_code(), version("icalendar"), version("babel"), repr(config),
                                    repr(sorted(headlines.words.items())), repr(headlines.dates))

    def event(self, happening: Happening) -> bytes:
        if happening.key not in self._events:
            key = fingerprint(self._context, happening.key, happening.title, repr(happening.summary),
                              repr(happening.schedule), repr(happening.path), repr(happening.revision))
            self._events[happening.key] = self._kept(key, lambda: bytes(
                _event(happening, self._config, self._headlines).to_ical()))
        return self._events[happening.key]

    def header(self, name: str, url: str) -> bytes:
        return self._kept(fingerprint(self._context, "VCALENDAR", name, url), lambda: _header(self._config, name, url))

    def _kept(self, key: str, make: Callable[[], bytes]) -> bytes:
        return self._cache.kept(CACHE_KIND, key, lambda: make().decode("utf-8")).encode("utf-8")


def google_calendar_link(happening: Happening, config: SiteConfig, headlines: Headlines) -> str | None:
    """https://calendar.google.com/calendar/render?action=TEMPLATE&text=...&dates=...&ctz=Asia/Jakarta

    None for a series with `except` dates: Google's link has no way to skip them, and a link that
    adds a day the school skips would be worse than none (the page offers the .ics instead).
    """
    schedule = happening.schedule
    if schedule.except_:
        return None
    if isinstance(schedule.start, datetime):
        end = schedule.finish if isinstance(schedule.finish, datetime) else schedule.start
        dates = f"{schedule.start:%Y%m%dT%H%M%S}/{end:%Y%m%dT%H%M%S}"
    else:
        dates = f"{schedule.start_day:%Y%m%d}/{schedule.end_day + timedelta(days=1):%Y%m%d}"
    page = Urls.of(config).absolute(happening.path) if happening.path else None
    details = "\n".join(part for part in (headlines.describe(schedule, happening.summary, "\n"), page) if part)
    params = {"action": "TEMPLATE", "text": headlines.title(happening.title, schedule), "dates": dates}
    if details:
        params["details"] = details
    if schedule.location:
        params["location"] = schedule.location
    if schedule.repeat:
        until = _until(schedule, ZoneInfo(config.timezone))
        stamp = f"{until:%Y%m%dT%H%M%SZ}" if isinstance(until, datetime) else f"{until:%Y%m%d}"
        day = _month_day(schedule)
        by_day = f"BYMONTHDAY={day};" if day is not None else ""
        params["recur"] = f"RRULE:FREQ={FREQUENCIES[schedule.repeat]};{by_day}UNTIL={stamp}"
    if not schedule.all_day:
        params["ctz"] = config.timezone
    return f"{GOOGLE}?{urlencode(params, safe='/', quote_via=quote)}"


def _event(happening: Happening, config: SiteConfig, headlines: Headlines) -> Event:
    schedule = happening.schedule
    zone = ZoneInfo(config.timezone)
    event = Event()
    event.add("uid", _uid(happening, slugify(config.school.name)))
    modified, sequence = _revision(happening)
    event.add("dtstamp", modified)
    event.add("last-modified", modified)
    event.add("dtstart", _value(schedule.start, zone))
    end = _end(schedule)
    if end is not None:
        event.add("dtend", _value(end, zone))
    if schedule.repeat:
        rule = {"FREQ": FREQUENCIES[schedule.repeat], "UNTIL": _until(schedule, zone)}
        if (month_day := _month_day(schedule)) is not None:
            rule["BYMONTHDAY"] = month_day
        event.add("rrule", vRecur(rule))
        for day in schedule.except_:
            event.add("exdate", _value(_moment_on(schedule.start, day), zone))
    event.add("summary", headlines.title(happening.title, schedule))
    event.add("status", STATUSES[schedule.status])
    event.add("sequence", sequence)
    organizer = vCalAddress(f"mailto:{config.school.email}" if config.school.email else config.base_url)
    organizer.params["CN"] = config.school.name
    event.add("organizer", organizer)
    if happening.path:
        event.add("url", Urls.of(config).absolute(happening.path))
    if schedule.location:
        event.add("location", schedule.location)
    event.add("categories", [config.calendar.categories[schedule.category].label])
    description = headlines.describe(schedule, happening.summary, "\n")
    if description:
        event.add("description", description)
    return event


def _revision(happening: Happening) -> tuple[datetime, int]:
    """DTSTAMP/LAST-MODIFIED and SEQUENCE: from the source's Git history, so both only move forward.

    Every commit of the source raises SEQUENCE by one (a changed status raises it to at least 1);
    outside Git, the start day at midnight UTC and 1 for a changed event, 0 otherwise.
    """
    changed = 1 if happening.schedule.status in CHANGED else 0
    if happening.revision is None:
        return datetime.combine(happening.schedule.start_day, time(), tzinfo=UTC), changed
    return happening.revision.modified, max(happening.revision.edits - 1, changed)


def _month_day(schedule: Schedule) -> int | None:
    """The day of a monthly series on days 29-31 (BYMONTHDAY), so that every reader skips the same months."""
    day = schedule.start_day.day
    return day if schedule.repeat == "monthly" and day > 28 else None


def _uid(happening: Happening, school: str) -> str:
    """A hash of the source file and entry, at the school's name (`school`, slugified): never build time, position
    or host."""
    return f"{hashlib.sha256(happening.key.encode()).hexdigest()[:32]}@{school}"


def _end(schedule: Schedule) -> Moment | None:
    """All day: the day after the last day (DTEND is exclusive); timed: the end as the page shows it."""
    if schedule.all_day:
        return schedule.end_day + timedelta(days=1)
    if schedule.finish == schedule.start:
        return None  # RFC 5545 3.6.1: a timed event without DTEND takes no time
    return schedule.finish


def _until(schedule: Schedule, zone: ZoneInfo) -> Moment:
    """UNTIL of a series: the last day for an all-day one, the last start in UTC for a timed one."""
    last_day = schedule.series_days()[-1]
    if isinstance(schedule.start, datetime):
        return datetime.combine(last_day, schedule.start.time(), tzinfo=zone).astimezone(UTC)
    return last_day


@functools.lru_cache(maxsize=8)
def _timezone(tzid: str, first: int, last: int) -> bytes:
    """The text of the VTIMEZONE of `tzid` from the year `first` to the year `last`: deterministic, small.

    Kept for the next build in the same process (serve's rebuilds, the tests): icalendar walks the zone's
    transitions hour by hour, a tenth of a small site's build, for the same text each time."""
    return bytes(Timezone.from_tzid(tzid, first_date=date(first, 1, 1), last_date=date(last + 1, 1, 1)).to_ical())


def _value(moment: Moment, zone: ZoneInfo) -> Moment:
    """A date stays a date (VALUE=DATE, no TZID); a local time gets the site's zone (TZID)."""
    return moment.replace(tzinfo=zone) if isinstance(moment, datetime) else moment


def _moment_on(start: Moment, day: date) -> Moment:
    return datetime.combine(day, start.time()) if isinstance(start, datetime) else day


def render_calendars(
    routes: Sequence[Route],
    happenings: Sequence[Happening],
    config: SiteConfig,
    headlines: Headlines,
    cache: BuildCache | None = None,
) -> Iterator[tuple[str, bytes]]:
    """Every iCalendar file the routes plan, one by one: the subscriptions and each event's own, by output path."""
    zone = site_timezone(happenings, config)
    urls = Urls.of(config)
    texts = CalendarTexts(config, headlines, cache)  # each VEVENT made once for all the files that list it
    for route in routes:
        if isinstance(route.view, CalendarFile):
            yield route.output_path, calendar_feed(route.view.happenings, config, route.view.name,
                                                   urls.absolute(route.path), headlines, zone, texts)
