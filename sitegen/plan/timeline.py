"""The timeline: every event page and calendar entry as one Happening, and its occurrences."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sitegen.history import Revision
from sitegen.load.content import slugify
from sitegen.models.fields import Schedule
from sitegen.models.items import CalendarEntry, Event, Site
from sitegen.models.scalars import Moment, sort_key


@dataclass(frozen=True)
class Happening:
    """An event page or a calendar entry: one item of the timeline (a series counts once)."""

    key: str  # stable identity: "content/events/pentas-seni.md" or "content/calendars/x.yaml#upacara-2026-07-20"
    source: str  # "content/events/pentas-seni.md"
    line: int  # where the item starts in its source
    title: str
    summary: str | None
    schedule: Schedule
    path: str | None  # "/agenda/pentas-seni/" or a calendar entry's url
    event: Event | None  # the event page, when it has one
    calendar: str | None  # "Kalender Akademik 2026/2027": the calendar of the entry (or of the entry merged here)
    revision: Revision | None  # the source's last change in Git, None outside Git
    no_school: bool = False  # no lessons on its days (a holiday): its `no_school`, else its category's

    def occurrences(self) -> tuple[Occurrence, ...]:
        """Every occurrence: one for a single item, each date of a series but its `except` dates."""
        schedule = self.schedule
        length = schedule.end_day - schedule.start_day
        result = []
        for day in schedule.series_days():
            if day in schedule.except_:
                continue
            moved = day - schedule.start_day
            end = schedule.finish + moved if schedule.finish is not None else None
            result.append(Occurrence(self, schedule.start + moved, end, day, day + length))
        return tuple(result)


@dataclass(frozen=True)
class Occurrence:
    happening: Happening
    start: Moment  # this occurrence's start
    end: Moment | None
    first_day: date
    last_day: date  # inclusive

    @property
    def is_timed(self) -> bool:
        """Whether it starts at a time of day (the month grid shows it), rather than all day."""
        return isinstance(self.start, datetime)

    @property
    def over_at(self) -> datetime:
        """The local moment it is over: its end, or the midnight after its last day when it has no time."""
        if isinstance(self.end, datetime):
            return self.end
        return datetime.combine(self.last_day + timedelta(days=1), time())



def find_happenings(site: Site) -> tuple[Happening, ...]:
    settings = site.config.calendar
    pages = {e.doc.path for e in site.events}
    # The academic calendar pointing at an event page: one happening, the page's, listed in that calendar.
    merged: dict[str, CalendarEntry] = {}
    for entry in site.calendar_entries:
        if entry.meta.url in pages:
            merged.setdefault(entry.meta.url, entry)
    found = []
    for e in site.events:
        page_entry = merged.get(e.doc.path)
        no_school = settings.is_no_school(e.meta.category, page_entry.meta.no_school if page_entry else None)
        found.append(Happening(e.doc.source, e.doc.source, 1, e.meta.title, e.meta.summary, e.meta, e.doc.path, e,
                               page_entry.calendar if page_entry else None, site.history.get(e.doc.source),
                               no_school))
    for entry in site.calendar_entries:
        meta = entry.meta
        if meta.url in pages:
            continue
        original = meta.previous_start or meta.start
        key = f"{entry.source}#{meta.id or slugify(meta.title) + '-' + stamp(original)}"
        found.append(
            Happening(key, entry.source, entry.line, meta.title, meta.description, meta, meta.url,
                      None, entry.calendar, site.history.get(entry.source),
                      settings.is_no_school(meta.category, meta.no_school))
        )
    return tuple(sorted(found, key=lambda h: (sort_key(h.schedule.start), h.title, h.key)))



def order(occurrence: Occurrence) -> tuple[datetime, str, str]:
    return (sort_key(occurrence.start), occurrence.happening.title, occurrence.happening.key)



def stamp(moment: Moment) -> str:
    return moment.strftime("%Y%m%dT%H%M") if isinstance(moment, datetime) else moment.strftime("%Y%m%d")



def days_between(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included."""
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]

