"""build_site: one call per stage, as in the data-flow picture of DESIGN.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitegen.calendars import load_calendars
from sitegen.config import load_config
from sitegen.content import load_content, scan_static
from sitegen.errors import BuildFailed
from sitegen.indexes import build_indexes
from sitegen.links import check_links
from sitegen.models import Site, SiteConfig
from sitegen.output import resolve_output, write_site
from sitegen.render import make_environment, render_routes
from sitegen.routes import find_collisions, plan_routes
from sitegen.search import index_site


@dataclass(frozen=True)
class Options:
    today: date  # the day the site is built as of, in the site's time zone
    base_url: str | None = None  # overrides site.yaml's base_url
    drafts: bool = False  # show drafts (serve)
    dev: bool = False  # the live-reload preview: its script is allowed
    write: bool = True  # False for `check`
    output_dir: str | None = None  # overrides site.yaml's output_dir (serve's preview folder)


@dataclass(frozen=True)
class Built:
    config: SiteConfig
    output: Path  # where the site was (or would be) written
    files: dict[str, bytes]  # rendered pages by output path: "agenda/index.html"
    static: dict[str, Path]  # copied files by output path: "images/logo.png"

    @property
    def page_count(self) -> int:
        return sum(1 for name in self.files if name.endswith(".html"))


def build_site(root: Path, options: Options) -> Built:
    """Validate, render and (unless options.write is False) write the whole site, or raise BuildFailed."""
    config = load_config(root, options.base_url)
    output = resolve_output(root, options.output_dir or config.output_dir)
    try:
        static = scan_static(root)
        site = load_site(root, config, static, options.drafts)
        indexes = build_indexes(site, options.today)
        routes = plan_routes(site, indexes)
        problems = find_collisions(routes, tuple(static)) + check_links(site, routes)
        files, template_problems = render_routes(make_environment(root, site, options.dev), routes, indexes)
        if problems or template_problems:
            raise BuildFailed(problems + template_problems)
    except BuildFailed as exc:
        raise BuildFailed(exc.errors, config.language) from exc
    if options.write:
        write_site(output, files, static, finish=lambda folder: index_site(folder, config.language))
    return Built(config, output, files, static)


def load_site(root: Path, config: SiteConfig, static: dict[str, Path], drafts: bool) -> Site:
    """Every source file, validated into one frozen Site; all problems raised together."""
    content, problems = load_content(root, config, frozenset(static), drafts)
    entries, calendar_problems = load_calendars(root, config)
    if problems or calendar_problems:
        raise BuildFailed(problems + calendar_problems)
    return Site(
        root_name=root.resolve().name,
        config=config,
        home=content.home,
        events=content.events,
        achievements=content.achievements,
        announcements=content.announcements,
        pages=content.pages,
        calendar_entries=entries,
        static_files={name: path.stat().st_size for name, path in static.items()},
        drafts=drafts,
    )
