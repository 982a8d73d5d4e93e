"""Every URL of the site, from site.yaml's sections and base address: content, routes, feeds and templates ask here."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from sitegen.models.settings import Sections, SiteConfig

# The path words of the agenda's and the achievements' filter pages and of the calendar's feeds, by filter kind.
AGENDA_FOLDERS = {"category": "kategori", "audience": "untuk"}
ACHIEVEMENT_FOLDERS = {"level": "tingkat", "field": "bidang"}
FEED_NAMES = {"all": "semua", "category": "kategori-{key}", "audience": "untuk-{key}"}
# Searched pages per search index, on average: a larger site's index is cut into bundles of about this many pages
# (the search page merges them), so an edit makes one bundle again and Pagefind holds one at a time.
SEARCH_BUNDLE_PAGES = 500


@dataclass(frozen=True)
class Urls:
    """Site-relative addresses ("/agenda/pentas-seni/"); `url` and `absolute` add the base address."""

    sections: Sections
    base_url: str  # "https://user.github.io/repo/", always ending with "/"

    @classmethod
    def of(cls, config: SiteConfig) -> Urls:
        return cls(config.sections, config.base_url)

    # --- the base address -------------------------------------------------------------

    @property
    def base_path(self) -> str:
        """'/repo/' for a project site, '/' for a custom domain."""
        path = "/" + self.base_url.split("://", 1)[1].partition("/")[2]
        return path if path.endswith("/") else path + "/"

    @property
    def origin(self) -> str:
        """'https://user.github.io'."""
        scheme, rest = self.base_url.split("://", 1)
        return f"{scheme}://{rest.partition('/')[0]}"

    def url(self, path: str) -> str:
        """What a browser asks for: '/agenda/' -> '/repo/agenda/'; full addresses stay as they are."""
        if "://" in path or path.startswith(("mailto:", "tel:", "#")):
            return path
        return self.base_path + path.lstrip("/")

    def absolute(self, path: str) -> str:
        """'/agenda/' -> 'https://user.github.io/repo/agenda/'; full addresses stay as they are."""
        link = self.url(path)
        return link if "://" in link or not link.startswith("/") else self.origin + link

    def webcal(self, path: str) -> str:
        """A subscription link calendar apps open: 'webcal://user.github.io/repo/kalender/semua.ics'."""
        return "webcal://" + self.absolute(path).split("://", 1)[1]

    @staticmethod
    def output_path(path: str) -> str:
        """Where the file of an address lands: '/agenda/' -> 'agenda/index.html', '/feed.xml' -> 'feed.xml'."""
        return path.lstrip("/") + ("index.html" if path.endswith("/") else "")

    @staticmethod
    def of_output(output_path: str) -> str:
        """The address of an output file: 'agenda/index.html' -> '/agenda/'."""
        return "/" + output_path.removesuffix("index.html")

    @staticmethod
    def search_bundles(pages: Iterable[str]) -> dict[str, list[str]]:
        """The search index's bundles for the searched pages (output paths): each bundle's folder address
        ('/pagefind/', then '/pagefind/2/' ...) with its pages, sorted. There is one share per SEARCH_BUNDLE_PAGES
        pages (rounded up) and a page goes to the share its path's SHA-256 names, so it stays in its bundle while
        their number does; a share without pages makes no bundle (Pagefind's search fails on an empty one)."""
        names = sorted(pages)
        shares: list[list[str]] = [[] for _ in range(max(1, -(-len(names) // SEARCH_BUNDLE_PAGES)))]
        for name in names:
            shares[int(hashlib.sha256(name.encode()).hexdigest()[:8], 16) % len(shares)].append(name)
        kept = [share for share in shares if share] or [[]]
        return {"/pagefind/" if number == 1 else f"/pagefind/{number}/": share for number, share in enumerate(kept, 1)}

    @staticmethod
    def static(name: str) -> str:
        """A file under static/: 'images/logo.png' -> '/images/logo.png'."""
        return "/" + name.lstrip("/")

    # --- the sections -----------------------------------------------------------------

    home = "/"
    search = "/cari/"
    not_found = "/404.html"
    sitemap = "/sitemap.xml"
    robots = "/robots.txt"
    category_css = "/css/kategori.css"
    cname = "/CNAME"
    site_feed = "/feed.xml"

    @property
    def events(self) -> str:
        return f"/{self.sections.events.path}/"

    @property
    def achievements(self) -> str:
        return f"/{self.sections.achievements.path}/"

    @property
    def announcements(self) -> str:
        return f"/{self.sections.announcements.path}/"

    @property
    def pages(self) -> str:
        return f"/{self.sections.pages.path}/"

    @property
    def calendar(self) -> str:
        return f"/{self.sections.calendar.path}/"

    @property
    def albums(self) -> str:
        return f"/{self.sections.albums.path}/"

    # --- items ------------------------------------------------------------------------

    def event(self, slug: str) -> str:
        return f"{self.events}{slug}/"

    def event_ics(self, slug: str) -> str:
        """An event's "add to calendar" file: '/agenda/pentas-seni/pentas-seni.ics'."""
        return f"{self.event(slug)}{slug}.ics"

    def achievement(self, slug: str) -> str:
        return f"{self.achievements}{slug}/"

    def announcement(self, slug: str) -> str:
        return f"{self.announcements}{slug}/"

    def page(self, folders: tuple[str, ...], slug: str = "index") -> str:
        """'/informasi/profil/sejarah/'; a folder's index page is the folder's address."""
        parts = folders if slug == "index" else (*folders, slug)
        return self.pages + "".join(f"{part}/" for part in parts)

    def album(self, slug: str) -> str:
        return f"{self.albums}{slug}/"

    def atom(self, section: str) -> str:
        """The Atom feed of a section's address: '/pengumuman/' -> '/pengumuman/feed.xml'."""
        return f"{section}feed.xml"

    # --- filter pages, calendar pages and feeds ---------------------------------------

    def agenda(self, kind: str = "all", key: str = "") -> str:
        """'/agenda/', '/agenda/kategori/rapat/', '/agenda/untuk/kelas-9/'."""
        return self.events if kind == "all" else f"{self.events}{AGENDA_FOLDERS[kind]}/{key}/"

    def achievements_by(self, kind: str = "all", key: str = "") -> str:
        """'/prestasi/', '/prestasi/tingkat/province/', '/prestasi/bidang/academic/'."""
        return self.achievements if kind == "all" else f"{self.achievements}{ACHIEVEMENT_FOLDERS[kind]}/{key}/"

    def calendar_feed(self, kind: str = "all", key: str = "") -> str:
        """'/kalender/semua.ics', '/kalender/kategori-rapat.ics', '/kalender/untuk-kelas-9.ics'."""
        return f"{self.calendar}{FEED_NAMES[kind].format(key=key)}.ics"

    def month(self, key: str) -> str:
        """A month grid: '/kalender/2026-12/'."""
        return f"{self.calendar}{key}/"

    @property
    def this_month(self) -> str:
        return f"{self.calendar}bulan-ini/"

    @property
    def subscribe(self) -> str:
        return f"{self.calendar}langganan/"

    def semester(self, slug: str) -> str:
        """A semester's place on the calendar page: '/kalender/#semester-ganjil-2026-2027'."""
        return f"{self.calendar}#{slug}"
