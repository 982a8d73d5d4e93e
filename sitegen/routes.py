"""Which pages exist: one Route per output file, and the collisions between them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sitegen.errors import SiteError, error
from sitegen.indexes import Indexes, PageNode
from sitegen.models import Site


@dataclass(frozen=True)
class Route:
    path: str  # "/agenda/pentas-seni/", what a browser asks for (without the base path)
    output_path: str  # "agenda/pentas-seni/index.html", where the file lands in the output
    template: str  # "event.html"
    source: str  # "content/events/pentas-seni.md": who asks for this page
    item: object | None  # the Event, Page, PageNode ... the page shows
    in_sitemap: bool = True


def plan_routes(site: Site, indexes: Indexes) -> tuple[Route, ...]:
    """Every page of the site, in a fixed order."""
    sections = site.config.sections
    home_source = site.home.doc.source if site.home else "site.yaml"
    routes = [
        _page("/", "home.html", home_source, site.home),
        _page(f"/{sections.events.path}/", "agenda.html", "site.yaml", None),
        _page(f"/{sections.achievements.path}/", "achievements.html", "site.yaml", None),
        _page(f"/{sections.announcements.path}/", "announcements.html", "site.yaml", None),
    ]
    routes += [_page(e.doc.path, "event.html", e.doc.source, e) for e in site.events]
    routes += [_page(a.doc.path, "achievement.html", a.doc.source, a) for a in site.achievements]
    routes += [_page(a.doc.path, "announcement.html", a.doc.source, a) for a in site.announcements]
    routes += _page_routes(indexes.pages)
    routes.append(_page(f"/{sections.calendar.path}/", "calendar.html", "site.yaml", None))
    routes += [
        Route("/404.html", "404.html", "404.html", "layouts/404.html", None, in_sitemap=False),
        Route("/sitemap.xml", "sitemap.xml", "sitemap.xml", "layouts/sitemap.xml", None, in_sitemap=False),
        Route("/robots.txt", "robots.txt", "robots.txt", "layouts/robots.txt", None, in_sitemap=False),
        Route("/css/kategori.css", "css/kategori.css", "kategori.css", "site.yaml", None, in_sitemap=False),
    ]
    return tuple(routes)


def _page(path: str, template: str, source: str, item: object | None) -> Route:
    return Route(path, path.lstrip("/") + "index.html", template, source, item)


def _page_routes(node: PageNode) -> list[Route]:
    if node.index:
        routes = [_page(node.path, "page.html", node.index.doc.source, node.index)]
    else:
        routes = [_page(node.path, "folder.html", "content/pages", node)]
    routes += [_page(p.doc.path, "page.html", p.doc.source, p) for p in node.pages]
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
            by_output[name].append(Route("/" + name, name, "", f"static/{name}", None))
    errors = []
    for _output_path, clashing in sorted(by_output.items()):
        if len(clashing) > 1:
            sources = sorted({r.source for r in clashing})
            for source in sources:
                errors.append(error(source, None, None, "url_collision",
                                    url=clashing[0].path, sources=", ".join(sources)))
    return errors
