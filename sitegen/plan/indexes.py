"""Pure views of a Site as of one day: timeline, agenda, current announcements, page tree."""

from __future__ import annotations

from calendar import monthrange
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import groupby

from sitegen.load.content import slugify
from sitegen.models.fields import HUMAS_STAGES, Album, school_year_days, school_year_of
from sitegen.models.items import Achievement, Announcement, Event, Page, SchoolYear, Site
from sitegen.models.scalars import sort_key
from sitegen.models.urls import Urls
from sitegen.plan.semesters import CalendarSection, CalendarYear, Semester, build_semesters, calendar_sections
from sitegen.plan.timeline import Happening, Occurrence, days_between, find_happenings, order


@dataclass(frozen=True)
class AgendaItem:
    """A happening on the agenda: a series appears once, at its next (or last) occurrence."""

    happening: Happening
    shown: Occurrence  # the occurrence the list shows
    state: str  # "ongoing", "upcoming" or "past"


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
    source: str = "content/pages/"  # its folder as written: "content/pages/Profil Sekolah/"


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
    happenings = find_happenings(site)
    items = [item for h in happenings if (item := _agenda_item(h, now)) is not None]
    current = sorted((i for i in items if i.state != "past"), key=lambda i: order(i.shown))
    past = sorted((i for i in items if i.state == "past"), key=lambda i: order(i.shown), reverse=True)
    published = [a for a in site.announcements if a.meta.date <= today]
    active = [a for a in published if not _expired(a, today)]
    semesters = build_semesters(site.school_years, happenings)
    years, others = calendar_sections(site.school_years, semesters, happenings)
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
    first, last = school_year_days(int(declared.name[:4]) if declared else school_year_of(today))
    staged = sorted(
        (i for i in items if i.happening.schedule.humas_stage and first <= i.shown.first_day <= last),
        key=lambda i: order(i.shown),
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


def _agenda_item(happening: Happening, now: datetime) -> AgendaItem | None:
    occurrences = happening.occurrences()
    if not occurrences:
        return None
    coming = [o for o in occurrences if o.over_at > now]
    if not coming:
        return AgendaItem(happening, occurrences[-1], "past")
    shown = coming[0]
    state = "ongoing" if sort_key(shown.start) <= now else "upcoming"
    return AgendaItem(happening, shown, state)


def _by_month(items: list[AgendaItem]) -> tuple[Month, ...]:
    months = []
    for key, group in groupby(items, key=lambda i: _month_of(i).isoformat()[:7]):
        members = tuple(group)
        months.append(Month(key, _month_of(members[0]), members))
    return tuple(months)


def _month_of(item: AgendaItem) -> date:
    return item.shown.first_day.replace(day=1)


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
    source = "content/pages/" + "".join(f"{name}/" for name in folder)
    return PageNode(path, index.meta.title if index else title, index, tuple(direct), tuple(folders), source)


def _folders_of(page: Page) -> tuple[str, ...]:
    """content/pages/profil/sejarah.md -> ("profil",)."""
    return tuple(page.doc.source.split("/")[2:-1])


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
            for day in days_between(occurrence.first_day, occurrence.last_day):
                by_day.setdefault(day, []).append(occurrence)
    touching: dict[date, set[tuple[str, date]]] = {}  # by month: each occurrence on at least one of its days
    for day, occurrences in by_day.items():
        touching.setdefault(day.replace(day=1), set()).update((o.happening.key, o.first_day) for o in occurrences)
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
        grids.append(MonthGrid(
            key=key,
            first_day=start,
            weeks=weeks,
            previous=keys[index - 1].isoformat()[:7] if index > 0 else None,
            next=keys[index + 1].isoformat()[:7] if index + 1 < len(keys) else None,
            count=len(touching.get(start, ())),
            effective_days=tuple((s, m.effective_days) for s in semesters for m in s.months if m.key == key),
            school_year=next((y.meta.name for y in years if y.meta.first_day <= start <= y.meta.last_day), None),
        ))
    return tuple(grids)


def _grid_day(day: date, month: date, by_day: dict[date, list[Occurrence]]) -> GridDay:
    return GridDay(day, day.month == month.month, tuple(sorted(by_day.get(day, ()), key=order)))


def filter_agenda(months: tuple[Month, ...], keep: Callable[[Happening], bool]) -> tuple[Month, ...]:
    """The same months with only the items `keep` accepts (empty months dropped)."""
    result = []
    for month in months:
        items = tuple(i for i in month.items if keep(i.happening))
        if items:
            result.append(Month(month.key, month.first_day, items))
    return tuple(result)
