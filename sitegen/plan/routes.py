"""Which files the site has: one Route per output file with the view it shows, and the collisions between them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from functools import partial
from zoneinfo import ZoneInfo

from sitegen.errors import SiteError, error
from sitegen.history import Revision
from sitegen.models.fields import FIELDS, LEVELS
from sitegen.models.items import Site
from sitegen.models.settings import CalendarSettings
from sitegen.models.urls import Urls
from sitegen.plan.indexes import Indexes, PageNode, filter_agenda
from sitegen.plan.timeline import Happening
from sitegen.plan.views import (
    AchievementView,
    AgendaView,
    AlbumsView,
    AnnouncementsView,
    AtomEntry,
    AtomFeed,
    CalendarFile,
    CalendarView,
    EventView,
    FilterLink,
    HomeView,
    SearchView,
    SubscribeView,
    View,
)


@dataclass(frozen=True)
class Route:
    path: str  # "/agenda/pentas-seni/", what a browser asks for (without the base path)
    output_path: str  # "agenda/pentas-seni/index.html", where the file lands in the output
    template: str | None  # "event.html"; None for a file written by code (an iCalendar file, a static file)
    source: str  # "content/events/pentas-seni.md": who asks for this page
    view: View  # what the page shows: an EventView, an AgendaView, a MonthGrid ...
    in_sitemap: bool = True
    slug_line: int | None = None  # the line of the `slug:` that chose this address, if one did

    @property
    def searched(self) -> bool:
        """Whether the search index holds this page (base.html marks its content for Pagefind)."""
        return self.template in SEARCHED


# The pages the search finds: items, information pages, albums, the home page and the academic calendar; not the
# lists and filters that repeat them.
SEARCHED = frozenset({"event.html", "announcement.html", "achievement.html", "page.html", "home.html",
                      "calendar.html", "album.html"})


def searched_pages(routes: Iterable[Route]) -> list[str]:
    """The output paths of the pages the search index holds (Route.searched), in route order."""
    return [route.output_path for route in routes if route.searched]


def plan_routes(site: Site, indexes: Indexes) -> tuple[Route, ...]:
    """Every page of the site, in a fixed order."""
    urls = site.urls
    home_source = site.home.doc.source if site.home else "site.yaml"
    routes = [
        _page(urls.home, "home.html", home_source, _home_view(site, indexes)),
        _page(urls.announcements, "announcements.html", "site.yaml",
              AnnouncementsView(indexes.announcements, indexes.archive)),
    ]
    routes += _agenda_routes(site, indexes)
    routes += [_page(e.doc.path, "event.html", e.doc.source,
                     EventView(e, indexes.happening_of[e.doc.source], urls.event_ics(e.doc.slug)), e.doc.slug_line)
               for e in site.events]
    routes += [
        _file(urls.event_ics(h.event.doc.slug), None, h.source,
              CalendarFile(f"{site.config.title}: {h.title}", (h,)))
        for h in indexes.happenings if h.event and h.path
    ]
    routes += _achievement_routes(site, indexes)
    routes += [_page(a.doc.path, "achievement.html", a.doc.source, a, a.doc.slug_line) for a in site.achievements]
    routes += [_page(a.doc.path, "announcement.html", a.doc.source, a, a.doc.slug_line) for a in site.announcements]
    routes += _page_routes(indexes.pages)
    if indexes.albums:
        routes.append(_page(urls.albums, "albums.html", "site.yaml", AlbumsView(indexes.albums)))
        routes += [_page(a.path, "album.html", a.source, a) for a in indexes.albums]
    routes += _calendar_routes(site, indexes)
    routes += _atom_routes(site, indexes)
    merged = tuple(Urls.search_bundles(searched_pages(routes)))[1:]
    routes += [
        _page(urls.search, "search.html", "layouts/search.html", SearchView(merged)),
        _file(urls.not_found, "404.html", "layouts/404.html", None),
        _file(urls.sitemap, "sitemap.xml", "layouts/sitemap.xml", None),
        _file(urls.robots, "robots.txt", "layouts/robots.txt", None),
        _file(urls.category_css, "kategori.css", "site.yaml", None),
    ]
    if site.config.cname:  # GitHub Pages serves the site at this custom domain
        routes.append(_file(urls.cname, "CNAME", "site.yaml", None))
    return tuple(routes)


def _home_view(site: Site, indexes: Indexes) -> HomeView:
    pinned = tuple(a for a in indexes.announcements if a.meta.pinned)
    featured = pinned + tuple(a for a in indexes.urgent if not a.meta.pinned)
    latest = tuple(a for a in indexes.announcements if not a.meta.pinned and a.meta.priority != "urgent")
    achievements = tuple(a for _, group in indexes.achievements_by_year for a in group)
    programme = next((p for p in site.pages if p.meta.humas_cycle), None)
    return HomeView(site.home, featured[:2], indexes.next_items[:3], indexes.albums[:2], latest[:2],
                    achievements[:2], indexes.humas, programme)


def agenda_filters(site: Site) -> list[tuple[str, str, str, Callable[[Happening], bool]]]:
    """(kind, key, title, predicate) for the whole agenda, each category and each audience."""
    calendar = site.config.calendar
    filters: list[tuple[str, str, str, Callable[[Happening], bool]]] = [
        ("all", "", site.config.sections.events.title, lambda h: True)
    ]
    for key, category in sorted(calendar.categories.items()):
        filters.append(("category", key, category.label, partial(_in_category, key)))
    for key, label in sorted(calendar.audiences.items()):
        filters.append(("audience", key, label, partial(_for_audience, calendar, key)))
    return filters


def _in_category(key: str, happening: Happening) -> bool:
    return happening.schedule.category == key


def _for_audience(calendar: CalendarSettings, key: str, happening: Happening) -> bool:
    """Items for this audience, and items for everyone (no audience, or calendar.everyone among them)."""
    audience = happening.schedule.audience
    return key in audience or calendar.is_for_everyone(audience)


def _agenda_routes(site: Site, indexes: Indexes) -> list[Route]:
    routes = []
    filters = agenda_filters(site)
    for kind, key, title, keep in filters:
        links = tuple(FilterLink(k, other, label, site.urls.agenda(k, other), (k, other) == (kind, key))
                      for k, other, label, _ in filters if k != "all")
        view = AgendaView(title, kind, key, filter_agenda(indexes.current, keep), filter_agenda(indexes.past, keep),
                          site.urls.calendar_feed(kind, key), links)
        routes.append(_page(site.urls.agenda(kind, key), "agenda.html", "site.yaml", view))
        happenings = tuple(h for h in indexes.happenings if keep(h))
        name = site.config.title if kind == "all" else f"{site.config.title}: {title}"
        routes.append(_file(view.feed, None, "site.yaml", CalendarFile(name, happenings)))
    return routes


def _achievement_routes(site: Site, indexes: Indexes) -> list[Route]:
    urls = site.urls
    choices = [("all", ""), *(("level", key) for key in LEVELS), *(("field", key) for key in FIELDS)]
    routes = []
    for kind, key in choices:
        links = tuple(FilterLink(k, other, "", urls.achievements_by(k, other), (k, other) == (kind, key))
                      for k, other in choices)
        by_year = tuple(
            (year, kept) for year, group in indexes.achievements_by_year
            if (kept := tuple(a for a in group if kind == "all" or getattr(a.meta, kind) == key))
        )
        title = site.config.sections.achievements.title if kind == "all" else ""
        routes.append(_page(urls.achievements_by(kind, key), "achievements.html", "site.yaml",
                            AchievementView(title, kind, key, by_year, links)))
    return routes


def atom_feeds(site: Site, indexes: Indexes) -> dict[str, AtomFeed]:
    """The Atom feeds by path: announcements, achievements, upcoming events, and all of them.

    An entry's `updated` is its source's last commit; outside Git, the publication or achievement
    date, and for an event its start day, never later than the build day (an Atom entry is not
    updated in the future).
    """
    sections, title, urls = site.config.sections, site.config.title, site.urls
    zone = ZoneInfo(site.config.timezone)

    def updated(source: str, fallback: date) -> datetime:
        revision: Revision | None = site.history.get(source)
        return revision.modified if revision else datetime.combine(fallback, time(), tzinfo=zone)

    announcements = tuple(
        AtomEntry(a.meta.title, a.doc.path, updated(a.doc.source, a.meta.date), a.meta.summary, a.doc.body, None)
        for a in sorted(indexes.announcements + indexes.archive, key=lambda a: (-a.meta.date.toordinal(), a.doc.path))
    )
    achievements = tuple(
        AtomEntry(a.meta.title, a.doc.path, updated(a.doc.source, a.meta.date), a.meta.summary, a.doc.body, None)
        for _, group in indexes.achievements_by_year for a in group
    )
    events = tuple(
        AtomEntry(i.happening.title, i.happening.path, updated(i.happening.source, min(i.happening.schedule.start_day,
                                                                                       indexes.today)),
                  i.happening.summary, i.happening.event.doc.body, i.happening.schedule)
        for month in indexes.current for i in month.items if i.happening.event and i.happening.path
    )
    everything = tuple(sorted(announcements + achievements + events, key=lambda e: (-e.updated.timestamp(), e.path)))
    def feed(name: str, alternate: str, entries: tuple[AtomEntry, ...]) -> AtomFeed:
        newest = max((e.updated for e in entries[:50]), default=datetime.combine(indexes.today, time(), tzinfo=zone))
        return AtomFeed(name, alternate, entries[:50], newest)

    return {
        urls.atom(urls.announcements): feed(f"{title}: {sections.announcements.title}", urls.announcements,
                                            announcements),
        urls.atom(urls.achievements): feed(f"{title}: {sections.achievements.title}", urls.achievements, achievements),
        urls.atom(urls.events): feed(f"{title}: {sections.events.title}", urls.events, events),
        urls.site_feed: feed(title, urls.home, everything),
    }


def _atom_routes(site: Site, indexes: Indexes) -> list[Route]:
    return [_file(path, "atom.xml", "site.yaml", feed) for path, feed in atom_feeds(site, indexes).items()]


def _calendar_routes(site: Site, indexes: Indexes) -> list[Route]:
    urls = site.urls
    feeds = tuple(FilterLink(kind, key, title, urls.calendar_feed(kind, key))
                  for kind, key, title, _ in agenda_filters(site))
    months = tuple(grid.key for grid in indexes.months)
    routes = [
        _page(urls.calendar, "calendar.html", "site.yaml",
              CalendarView(indexes.calendar_years, indexes.calendar_others, months)),
        _page(urls.subscribe, "subscribe.html", "site.yaml", SubscribeView(feeds)),
    ]
    this_month = indexes.today.isoformat()[:7]
    for grid in indexes.months:
        routes.append(_page(urls.month(grid.key), "month.html", "site.yaml", grid))
        if grid.key == this_month:
            routes.append(_page(urls.this_month, "month.html", "site.yaml", grid))
    return routes


def _page(path: str, template: str, source: str, view: View, slug_line: int | None = None) -> Route:
    """An HTML page, listed in the sitemap."""
    return Route(path, Urls.output_path(path), template, source, view, slug_line=slug_line)


def _file(path: str, template: str | None, source: str, view: View) -> Route:
    """A file that is not a page (a feed, the sitemap, a stylesheet): not in the sitemap."""
    return Route(path, Urls.output_path(path), template, source, view, in_sitemap=False)


def _page_routes(node: PageNode) -> list[Route]:
    if node.index:
        routes = [_page(node.path, "page.html", node.index.doc.source, node.index)]
    else:
        routes = [_page(node.path, "folder.html", node.source, node)]
    routes += [_page(p.doc.path, "page.html", p.doc.source, p, p.doc.slug_line) for p in node.pages]
    for folder in node.folders:
        routes += _page_routes(folder)
    return routes


def find_collisions(routes: tuple[Route, ...], static_files: tuple[str, ...]) -> list[SiteError]:
    """One error per source of an output file that several sources would write, naming them all."""
    by_output: dict[str, list[Route]] = defaultdict(list)
    for route in routes:
        by_output[route.output_path].append(route)
    for name in static_files:
        if name in by_output:
            by_output[name].append(Route(Urls.static(name), name, None, f"static/{name}", None))
    errors: dict[tuple[str, ...], list[SiteError]] = {}
    for _, clashing in sorted(by_output.items()):
        sources = tuple(sorted({r.source for r in clashing}))
        if len(clashing) > 1 and sources not in errors:  # a page's .ics clashes with it too: say it once
            lines = {r.source: r.slug_line for r in clashing if r.slug_line}
            errors[sources] = [error(source, lines.get(source), "slug" if source in lines else None,
                                     "url_collision", url=clashing[0].path, sources=", ".join(sources))
                               for source in sources]
    return [e for group in errors.values() for e in group]
