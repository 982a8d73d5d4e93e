"""What each output shows: one typed view per kind of page or file, built by routes and given to its template."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sitegen.models.bodies import Body
from sitegen.models.fields import Schedule
from sitegen.models.items import Achievement, Announcement, Event, Home, Page
from sitegen.plan.indexes import AgendaItem, AlbumView, HumasYear, Month, MonthGrid, PageNode
from sitegen.plan.semesters import CalendarSection, CalendarYear
from sitegen.plan.timeline import Happening


@dataclass(frozen=True)
class FilterLink:
    """One choice of a filter list: the agenda by category or audience, achievements by level or field, a feed."""

    kind: str  # "category", "audience", "level", "field"; "all" for everything
    key: str  # "rapat", "kelas-9", "province"; "" for all
    label: str  # "Rapat", "Kelas IX": site.yaml's label; "" where the interface text names it
    url: str  # "/agenda/kategori/rapat/", "/kalender/kategori-rapat.ics"
    current: bool = False  # the page this list is on


@dataclass(frozen=True)
class HomeView:
    """The home page: what parents come for, then what is next, capped and compact."""

    home: Home | None  # content/index.md: the welcome text
    featured: tuple[Announcement, ...]  # pinned, then urgent announcements: at most two
    next_items: tuple[AgendaItem, ...]  # the next events: at most three
    albums: tuple[AlbumView, ...]  # the latest photo albums: at most two
    latest_announcements: tuple[Announcement, ...]  # neither pinned nor urgent: at most two
    latest_achievements: tuple[Achievement, ...]  # at most two
    humas: HumasYear | None
    programme: Page | None  # the page with `humas_cycle: true`, if one has it


@dataclass(frozen=True)
class AnnouncementsView:
    current: tuple[Announcement, ...]  # pinned, then newest
    archive: tuple[Announcement, ...]  # expired, newest first


@dataclass(frozen=True)
class AgendaView:
    """The agenda, whole or filtered to one category or audience, with its subscription feed."""

    title: str  # "Agenda Kegiatan" or "Rapat"
    kind: str  # "all", "category" or "audience"
    key: str  # "rapat", "kelas-9"; "" for all
    current: tuple[Month, ...]
    past: tuple[Month, ...]
    feed: str  # "/kalender/kategori-rapat.ics"
    filters: tuple[FilterLink, ...]  # every category, then every audience


@dataclass(frozen=True)
class AchievementView:
    """Achievements by year, all or filtered to one level or field."""

    title: str  # "Prestasi" or "Tingkat Provinsi"
    kind: str  # "all", "level" or "field"
    key: str  # "province", "academic"; "" for all
    by_year: tuple[tuple[int, tuple[Achievement, ...]], ...]
    filters: tuple[FilterLink, ...]  # all, every level, then every field


@dataclass(frozen=True)
class EventView:
    """An event's page: the event and its place in the timeline (for its "add to calendar" links)."""

    event: Event
    happening: Happening
    ics: str  # "/agenda/pentas-seni/pentas-seni.ics"


@dataclass(frozen=True)
class AlbumsView:
    albums: tuple[AlbumView, ...]  # newest first


@dataclass(frozen=True)
class CalendarView:
    """The academic calendar: by school year and semester, then the entries outside every school year."""

    years: tuple[CalendarYear, ...]
    others: tuple[CalendarSection, ...]
    months: tuple[str, ...]  # the months with a grid page: "2026-12"


@dataclass(frozen=True)
class SubscribeView:
    feeds: tuple[FilterLink, ...]  # the whole calendar, every category, every audience


@dataclass(frozen=True)
class SearchView:
    merged: tuple[str, ...]  # the search index's bundles after the first ("/pagefind/2/"), which the page merges


@dataclass(frozen=True)
class AtomEntry:
    title: str
    path: str  # "/pengumuman/rapor/"
    updated: datetime  # the source's last change in Git; outside Git, a date from content (see atom_feeds)
    summary: str | None
    body: Body
    schedule: Schedule | None  # an event's: its status goes first in the title and summary

    @property
    def body_html(self) -> str:
        return self.body.html


@dataclass(frozen=True)
class AtomFeed:
    title: str  # "SMP Negeri 1 Prabumulih: Pengumuman"
    alternate: str  # the HTML page the feed follows: "/pengumuman/"
    entries: tuple[AtomEntry, ...]  # newest first
    updated: datetime  # the newest entry's; for an empty feed, the start of the build day


@dataclass(frozen=True)
class CalendarFile:
    """One iCalendar file, written by feeds.py rather than a template: a subscription or an "add to calendar"."""

    name: str  # "SMP Negeri 1 Prabumulih: Rapat"
    happenings: tuple[Happening, ...]


# What a route shows; None for pages that need nothing but the site (404, sitemap, robots.txt).
View = (
    HomeView | AnnouncementsView | AgendaView | AchievementView | EventView | Achievement | Announcement | Page
    | PageNode | AlbumsView | AlbumView | CalendarView | SubscribeView | SearchView | MonthGrid | AtomFeed
    | CalendarFile | None
)
