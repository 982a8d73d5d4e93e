"""Pure views of a Site as of one day: timeline, agenda, current announcements, page tree."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby

from sitegen.content import slugify
from sitegen.fields import HUMAS_STAGES, Album, Schedule, school_year_days, school_year_of
from sitegen.history import Revision
from sitegen.items import Achievement, Announcement, CalendarEntry, Event, Page, SchoolYear, Site
from sitegen.scalars import Moment, sort_key
from sitegen.urls import Urls


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
    def over_at(self) -> datetime:
        """The local moment it is over: its end, or the midnight after its last day when it has no time."""
        if isinstance(self.end, datetime):
            return self.end
        return datetime.combine(self.last_day + timedelta(days=1), time())


@dataclass(frozen=True)
class AgendaItem:
    """A happening on the agenda: a series appears once, at its next (or last) occurrence."""

    happening: Happening
    shown: Occurrence  # the occurrence the list shows
    state: str  # "ongoing", "upcoming" or "past"
    remaining: int  # occurrences from today on, for a series


@dataclass(frozen=True)
class Month:
    key: str  # "2026-12"
    first_day: date
    items: tuple[AgendaItem, ...]


@dataclass(frozen=True)
class PageNode:
    """A folder of parent pages: its own index page if written, its pages and sub-folders."""

    path: str  # "/informasi/profil/"
    title: str
    index: Page | None
    pages: tuple[Page, ...]
    folders: tuple[PageNode, ...]


@dataclass(frozen=True)
class AlbumView:
    """The photos of one event or achievement, on a page of their own."""

    path: str  # "/dokumentasi/karnaval-hut-kota-prabumulih-2026/"
    title: str  # the item's title
    on: date  # the activity's (first) day or the achievement's date
    item: Event | Achievement
    album: Album
    source: str  # "content/events/karnaval-hut-kota-prabumulih-2026.md"


@dataclass(frozen=True)
class HumasStage:
    key: str  # "perencanaan"
    state: str  # "done", "now" or "next"
    items: tuple[AgendaItem, ...]  # this school year's events of the stage, in date order


@dataclass(frozen=True)
class HumasYear:
    """Where this school year's humas cycle stands: planning, organising, running, evaluating."""

    label: str  # "2026/2027"
    first_day: date  # 1 July
    last_day: date  # 30 June
    stages: tuple[HumasStage, ...]  # all four, in cycle order
    current: str | None  # the stage of the latest event that has begun; None before the first
    next_item: AgendaItem | None  # the next event of the cycle still to come


@dataclass(frozen=True)
class Indexes:
    today: date
    happenings: tuple[Happening, ...]
    current: tuple[Month, ...]  # ongoing and upcoming, grouped by month, soonest first
    past: tuple[Month, ...]  # newest first
    next_items: tuple[AgendaItem, ...]  # for the home page
    announcements: tuple[Announcement, ...]  # published and not expired: pinned, then newest
    archive: tuple[Announcement, ...]  # expired, newest first
    urgent: tuple[Announcement, ...]  # shown as a banner on every page
    achievements_by_year: tuple[tuple[int, tuple[Achievement, ...]], ...]
    pages: PageNode
    months: tuple[MonthGrid, ...]  # the month grids of the calendar
    happening_of: dict[str, Happening]  # event page source -> its happening
    semesters: tuple[Semester, ...]  # of every declared school year, in time order
    semester: Semester | None  # the one `today` falls in
    next_semester: Semester | None  # when `today` falls in none: the next one to start
    calendar_years: tuple[CalendarYear, ...]  # the /kalender/ page: the calendar entries by school year and semester
    calendar_others: tuple[CalendarSection, ...]  # the calendar entries outside every declared school year
    albums: tuple[AlbumView, ...] = ()  # newest first
    humas: HumasYear | None = None


def build_indexes(site: Site, now: datetime) -> Indexes:
    """Everything the pages list, decided by the local time of the build in the site's time zone."""
    today = now.date()
    happenings = _happenings(site)
    items = [item for h in happenings if (item := _agenda_item(h, now)) is not None]
    current = sorted((i for i in items if i.state != "past"), key=lambda i: _order(i.shown))
    past = sorted((i for i in items if i.state == "past"), key=lambda i: _order(i.shown), reverse=True)
    published = [a for a in site.announcements if a.meta.date <= today]
    active = [a for a in published if not _expired(a, today)]
    semesters = build_semesters(site.school_years, happenings)
    years, others = _calendar_sections(site.school_years, semesters, happenings)
    return Indexes(
        today=today,
        happenings=happenings,
        current=_by_month(current),
        past=_by_month(past),
        next_items=tuple(current[:5]),
        announcements=tuple(sorted(active, key=_announcement_order)),
        archive=tuple(sorted((a for a in published if _expired(a, today)), key=_newest_first)),
        urgent=tuple(sorted((a for a in active if a.meta.priority == "urgent"), key=_newest_first)),
        achievements_by_year=_by_year(site.achievements),
        pages=_page_tree(site),
        months=build_months(happenings, today, semesters, site.school_years),
        happening_of={h.source: h for h in happenings if h.event},
        semesters=semesters,
        semester=next((s for s in semesters if s.start <= today <= s.end), None),
        next_semester=next((s for s in semesters if s.start > today), None),
        calendar_years=years,
        calendar_others=others,
        albums=_albums(site),
        humas=_humas_year(items, now, site.school_years),
    )


def _albums(site: Site) -> tuple[AlbumView, ...]:
    found: list[AlbumView] = []
    for event in site.events:
        if event.meta.album:
            found.append(AlbumView(site.urls.album(event.doc.slug), event.meta.title, event.meta.start_day, event,
                                   event.meta.album, event.doc.source))
    for achievement in site.achievements:
        if achievement.meta.album:
            found.append(AlbumView(site.urls.album(achievement.doc.slug), achievement.meta.title,
                                   achievement.meta.date, achievement, achievement.meta.album,
                                   achievement.doc.source))
    return tuple(sorted(found, key=lambda a: (-a.on.toordinal(), a.title, a.path)))


def _humas_year(items: list[AgendaItem], now: datetime, years: tuple[SchoolYear, ...]) -> HumasYear | None:
    """This school year's cycle: the declared school year holding today, else July to June; None for a site
    whose events name no humas stage at all."""
    if not any(i.happening.schedule.humas_stage for i in items):
        return None
    today = now.date()
    declared = next((y.meta for y in years if y.meta.first_day <= today <= y.meta.last_day), None)
    first, last = (declared.first_day, declared.last_day) if declared else school_year_days(school_year_of(today))
    staged = sorted(
        (i for i in items if i.happening.schedule.humas_stage and first <= i.shown.first_day <= last),
        key=lambda i: _order(i.shown),
    )
    held = [i for i in staged if i.happening.schedule.status not in ("cancelled", "postponed")]
    begun = [i for i in held if i.state != "upcoming"]
    current = begun[-1].happening.schedule.humas_stage if begun else None
    position = HUMAS_STAGES.index(current) if current else -1
    stages = tuple(
        HumasStage(key, "done" if index < position else "now" if index == position else "next",
                   tuple(i for i in staged if i.happening.schedule.humas_stage == key))
        for index, key in enumerate(HUMAS_STAGES)
    )
    coming = [i for i in held if i.state == "upcoming"]
    label = declared.name if declared else f"{first.year}/{last.year}"
    return HumasYear(label, first, last, stages, current, coming[0] if coming else None)


def _happenings(site: Site) -> tuple[Happening, ...]:
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
        key = f"{entry.source}#{meta.id or slugify(meta.title) + '-' + _stamp(original)}"
        found.append(
            Happening(key, entry.source, entry.line, meta.title, meta.description, meta, meta.url,
                      None, entry.calendar, site.history.get(entry.source),
                      settings.is_no_school(meta.category, meta.no_school))
        )
    return tuple(sorted(found, key=lambda h: (sort_key(h.schedule.start), h.title, h.key)))


def _agenda_item(happening: Happening, now: datetime) -> AgendaItem | None:
    occurrences = happening.occurrences()
    if not occurrences:
        return None
    coming = [o for o in occurrences if o.over_at > now]
    if not coming:
        return AgendaItem(happening, occurrences[-1], "past", 0)
    shown = coming[0]
    state = "ongoing" if sort_key(shown.start) <= now else "upcoming"
    return AgendaItem(happening, shown, state, len(coming))


def _by_month(items: list[AgendaItem]) -> tuple[Month, ...]:
    months = []
    for key, group in groupby(items, key=lambda i: _month_of(i).isoformat()[:7]):
        members = tuple(group)
        months.append(Month(key, _month_of(members[0]), members))
    return tuple(months)


def _month_of(item: AgendaItem) -> date:
    return item.shown.first_day.replace(day=1)


def _order(occurrence: Occurrence) -> tuple[datetime, str, str]:
    return (sort_key(occurrence.start), occurrence.happening.title, occurrence.happening.key)


def _expired(announcement: Announcement, today: date) -> bool:
    return announcement.meta.expires is not None and announcement.meta.expires < today


def _announcement_order(a: Announcement) -> tuple[bool, int, str, str]:
    return (not a.meta.pinned, -a.meta.date.toordinal(), a.meta.title, a.doc.source)


def _newest_first(a: Announcement) -> tuple[int, str, str]:
    return (-a.meta.date.toordinal(), a.meta.title, a.doc.source)


def _by_year(achievements: tuple[Achievement, ...]) -> tuple[tuple[int, tuple[Achievement, ...]], ...]:
    ordered = sorted(achievements, key=lambda a: (-a.meta.date.toordinal(), a.meta.title, a.doc.source))
    return tuple((year, tuple(group)) for year, group in groupby(ordered, key=lambda a: a.meta.date.year))


def _page_tree(site: Site) -> PageNode:
    return _node(site.urls, (), site.config.sections.pages.title, site.pages)


def _node(urls: Urls, folder: tuple[str, ...], title: str, pages: tuple[Page, ...]) -> PageNode:
    path = urls.page(tuple(slugify(name) for name in folder))
    here = [p for p in pages if _folders_of(p) == folder]
    index = next((p for p in here if p.doc.source.endswith("/index.md")), None)
    direct = sorted((p for p in here if p is not index), key=lambda p: (p.meta.order, p.meta.title))
    names = sorted({_folders_of(p)[len(folder)] for p in pages if len(_folders_of(p)) > len(folder)})
    folders = []
    for name in names:
        inside = tuple(p for p in pages if _folders_of(p)[: len(folder) + 1] == (*folder, name))
        folders.append(_node(urls, (*folder, name), name.replace("-", " ").capitalize(), inside))
    folders.sort(key=lambda n: (n.index.meta.order if n.index else 0, n.title))
    return PageNode(path, index.meta.title if index else title, index, tuple(direct), tuple(folders))


def _folders_of(page: Page) -> tuple[str, ...]:
    """content/pages/profil/sejarah.md -> ("profil",)."""
    return tuple(page.doc.source.split("/")[2:-1])


def _stamp(moment: Moment) -> str:
    return moment.strftime("%Y%m%dT%H%M") if isinstance(moment, datetime) else moment.strftime("%Y%m%d")


@dataclass(frozen=True)
class GridDay:
    day: date
    in_month: bool  # False for the leading/trailing days of neighbouring months
    occurrences: tuple[Occurrence, ...]  # everything happening on this day (multi-day items on each day)


@dataclass(frozen=True)
class MonthGrid:
    key: str  # "2026-12"
    first_day: date
    weeks: tuple[tuple[GridDay, ...], ...]  # Monday first
    previous: str | None  # "2026-11", when that month has a page
    next: str | None
    count: int  # occurrences on at least one day of this month (a holiday from June into July counts for both)
    effective_days: tuple[tuple[Semester, int], ...]  # the effective school days of each semester in this month
    school_year: str | None  # "2026/2027": the declared school year the month belongs to


def build_months(
    happenings: tuple[Happening, ...],
    today: date,
    semesters: tuple[Semester, ...] = (),
    years: tuple[SchoolYear, ...] = (),
) -> tuple[MonthGrid, ...]:
    """A grid for every month from the first to the last that has entries, and today's month."""
    by_day: dict[date, list[Occurrence]] = {}
    for happening in happenings:
        for occurrence in happening.occurrences():
            for day in _days(occurrence.first_day, occurrence.last_day):
                by_day.setdefault(day, []).append(occurrence)
    days = [*by_day, today]
    first, last = min(days).replace(day=1), max(days).replace(day=1)
    keys = []
    month = first
    while month <= last:
        keys.append(month)
        month = (month.replace(day=28) + timedelta(days=4)).replace(day=1)
    grids = []
    for index, start in enumerate(keys):
        offset, length = start.weekday(), monthrange(start.year, start.month)[1]
        grid_start = start - timedelta(days=offset)
        weeks = tuple(
            tuple(_grid_day(grid_start + timedelta(days=7 * week + weekday), start, by_day) for weekday in range(7))
            for week in range(-(-(offset + length) // 7))
        )
        key = start.isoformat()[:7]
        touching = {(o.happening.key, o.first_day) for d, items in by_day.items() if d.replace(day=1) == start
                    for o in items}
        grids.append(MonthGrid(
            key=key,
            first_day=start,
            weeks=weeks,
            previous=keys[index - 1].isoformat()[:7] if index > 0 else None,
            next=keys[index + 1].isoformat()[:7] if index + 1 < len(keys) else None,
            count=len(touching),
            effective_days=tuple((s, m.effective_days) for s in semesters for m in s.months if m.key == key),
            school_year=next((y.meta.name for y in years if y.meta.first_day <= start <= y.meta.last_day), None),
        ))
    return tuple(grids)


def _grid_day(day: date, month: date, by_day: dict[date, list[Occurrence]]) -> GridDay:
    return GridDay(day, day.month == month.month, tuple(sorted(by_day.get(day, ()), key=_order)))


def filter_agenda(months: tuple[Month, ...], keep: Callable[[Happening], bool]) -> tuple[Month, ...]:
    """The same months with only the items `keep` accepts (empty months dropped)."""
    result = []
    for month in months:
        items = tuple(i for i in month.items if keep(i.happening))
        if items:
            result.append(Month(month.key, month.first_day, items))
    return tuple(result)


def _days(first: date, last: date) -> list[date]:
    """Every day from `first` to `last`, both included."""
    return [date.fromordinal(n) for n in range(first.toordinal(), last.toordinal() + 1)]


# --- the school year: semesters and their effective school days (hari efektif) -------------


@dataclass(frozen=True)
class SchoolMonth:
    """The part of a semester in one month."""

    key: str  # "2026-07"
    first_day: date  # the 1st of the month
    effective_days: int  # teaching days of the semester in this month, no-school days taken off


@dataclass(frozen=True)
class Semester:
    name: str  # "Semester Ganjil"
    school_year: str  # "2026/2027"
    start: date  # its first day
    end: date  # its last day (inclusive)
    teaching_days: int  # 5 (Monday to Friday) or 6 (Monday to Saturday)
    months: tuple[SchoolMonth, ...]  # every month it touches, in order

    @property
    def title(self) -> str:
        """'Semester Ganjil 2026/2027'."""
        return self.name if self.school_year in self.name else f"{self.name} {self.school_year}"

    @property
    def effective_days(self) -> int:
        return sum(month.effective_days for month in self.months)

    @property
    def slug(self) -> str:
        """'semester-ganjil-2026-2027': its anchor on the calendar page."""
        return slugify(self.title)


def no_school_days(happenings: tuple[Happening, ...]) -> frozenset[date]:
    """Every day a no-school item (a holiday) touches; cancelled and postponed ones do not count."""
    return frozenset(
        day
        for h in happenings if h.no_school and h.schedule.status not in ("cancelled", "postponed")
        for o in h.occurrences()
        for day in _days(o.first_day, o.last_day)
    )


def build_semesters(years: tuple[SchoolYear, ...], happenings: tuple[Happening, ...]) -> tuple[Semester, ...]:
    """Every declared semester with its effective school days: its teaching weekdays minus no-school days."""
    off = no_school_days(happenings)
    semesters = []
    for year in years:
        for declared in year.meta.semesters:
            counts: dict[date, int] = {}
            for day in _days(declared.start, declared.end):
                counts.setdefault(day.replace(day=1), 0)
                if day.weekday() < year.meta.teaching_days and day not in off:
                    counts[day.replace(day=1)] += 1
            months = tuple(SchoolMonth(first.isoformat()[:7], first, n) for first, n in counts.items())
            semesters.append(Semester(declared.name, year.meta.name, declared.start, declared.end,
                                      year.meta.teaching_days, months))
    return tuple(sorted(semesters, key=lambda s: (s.start, s.name)))


@dataclass(frozen=True)
class CalendarSection:
    """A part of the calendar page: a semester, or a calendar file's entries outside every school year."""

    title: str  # "Semester Ganjil 2026/2027", or the calendar's title
    semester: Semester | None
    happenings: tuple[Happening, ...]  # its calendar entries (an entry merged with an event page is that page)


@dataclass(frozen=True)
class CalendarYear:
    name: str  # "2026/2027"
    teaching_days: int  # 5 or 6 a week
    sections: tuple[CalendarSection, ...]  # one per semester

    @property
    def effective_days(self) -> int:
        return sum(s.semester.effective_days for s in self.sections if s.semester)


def _calendar_sections(
    years: tuple[SchoolYear, ...], semesters: tuple[Semester, ...], happenings: tuple[Happening, ...]
) -> tuple[tuple[CalendarYear, ...], tuple[CalendarSection, ...]]:
    """Every calendar entry once: in the semester of its school year that has begun by its first day
    (the first one before that), or under its calendar's title outside every declared school year."""
    placed: dict[Semester, list[Happening]] = {s: [] for s in semesters}
    others: dict[str, list[Happening]] = {}
    for h in happenings:
        if h.calendar is None:
            continue
        day = h.schedule.start_day
        year = next((y for y in years if y.meta.first_day <= day <= y.meta.last_day), None)
        own = [s for s in semesters if year and s.school_year == year.meta.name]
        if own:
            begun = [s for s in own if s.start <= day]
            placed[begun[-1] if begun else own[0]].append(h)
        else:
            others.setdefault(h.calendar, []).append(h)
    calendar_years = tuple(
        CalendarYear(y.meta.name, y.meta.teaching_days, tuple(
            CalendarSection(s.title, s, tuple(placed[s])) for s in semesters if s.school_year == y.meta.name))
        for y in years
    )
    return calendar_years, tuple(CalendarSection(name, None, tuple(items)) for name, items in sorted(others.items()))
