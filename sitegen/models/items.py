"""What the loaders produce: items with their source, address and body, and the whole Site."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitegen.errors import SiteError
from sitegen.history import Revision
from sitegen.models.bodies import Body
from sitegen.models.fields import (
    AchievementFields,
    AnnouncementFields,
    CalendarEntryFields,
    EventFields,
    HomeFields,
    PageFields,
    SchoolYearFields,
)
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls


@dataclass(frozen=True)
class BodyLink:
    """A link written in Markdown, with the line it stands on."""

    url: str  # "/informasi/kontak/"
    line: int


@dataclass(frozen=True)
class Doc:
    """What every Markdown item has besides its front matter."""

    source: str  # "content/events/pentas-seni.md"
    slug: str  # "pentas-seni"
    path: str  # "/agenda/pentas-seni/", site-relative; url() adds the base path
    body: Body  # the Markdown body's sanitized HTML, kept on disk until a page shows it
    links: tuple[BodyLink, ...]  # internal links of the body, for check_links
    slug_line: int | None  # the line of `slug:` when the front matter sets one

    @property
    def body_html(self) -> str:
        return self.body.html


@dataclass(frozen=True)
class Event:
    doc: Doc
    meta: EventFields


@dataclass(frozen=True)
class Achievement:
    doc: Doc
    meta: AchievementFields


@dataclass(frozen=True)
class Announcement:
    doc: Doc
    meta: AnnouncementFields


@dataclass(frozen=True)
class Page:
    doc: Doc
    meta: PageFields


@dataclass(frozen=True)
class Home:
    doc: Doc
    meta: HomeFields


@dataclass(frozen=True)
class CalendarEntry:
    source: str  # "content/calendars/2026-2027.yaml"
    line: int  # line of the entry in that file
    calendar: str  # "Kalender Akademik 2026/2027"
    meta: CalendarEntryFields
    index: int  # its place in `entries`, for messages: "entries.3.url"
    url_line: int | None  # the line of its `url:`


@dataclass(frozen=True)
class SchoolYear:
    """The `school_year:` a calendar file declares."""

    source: str  # "content/calendars/2026-2027.yaml"
    line: int  # the line of `school_year:`
    meta: SchoolYearFields


@dataclass(frozen=True)
class Site:
    """Everything the sources say, validated; nothing after this reads files."""

    config: SiteConfig
    urls: Urls  # every address of the site
    home: Home | None
    events: tuple[Event, ...]
    achievements: tuple[Achievement, ...]
    announcements: tuple[Announcement, ...]
    pages: tuple[Page, ...]
    calendar_entries: tuple[CalendarEntry, ...]
    school_years: tuple[SchoolYear, ...]  # as the calendar files declare them, by name
    static_files: dict[str, int]  # "images/logo.png" (relative to static/) -> size in bytes
    config_lines: dict[tuple[str | int, ...], int]  # ("menu", 1, "url") -> its line in site.yaml
    unloaded: tuple[str, ...]  # paths of files with errors: links to them are not broken links
    history: dict[str, Revision]  # "content/events/x.md" -> its last change in Git; empty outside Git
    held: tuple[SiteError, ...] = ()  # valid files not published: drafts, and what is dated after today
    drafts: dict[str, str] = field(default_factory=dict)  # "/agenda/rapat/" -> "content/events/rapat.md"

