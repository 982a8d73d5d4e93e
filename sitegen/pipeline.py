"""build_site: one call per stage, as in the data-flow picture of docs/design.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sitegen.cache import CACHE_DIR, BuildCache
from sitegen.errors import BuildFailed, SiteError, error, sort_problems
from sitegen.history import load_history
from sitegen.load.calendars import load_calendars
from sitegen.load.config import Settings, config_warnings, load_config
from sitegen.load.content import hold_back_scheduled, load_content, scan_static
from sitegen.load.yamlload import Path as YamlPath
from sitegen.models.dates import Dates
from sitegen.models.fields import Photo
from sitegen.models.headlines import Headlines
from sitegen.models.items import Achievement, Announcement, Event, Page, Site
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.plan.indexes import build_indexes
from sitegen.plan.links import check_links
from sitegen.plan.routes import find_collisions, plan_routes
from sitegen.render.feeds import render_calendars
from sitegen.render.images import (
    ALBUM_WIDTHS,
    DEFAULT_CARD,
    PHOTO_FORMATS,
    Picture,
    make_card,
    make_picture,
    strip_metadata,
    svg_active_content,
)
from sitegen.render.pages import load_interface_text, make_environment, missing_assets, render_pages
from sitegen.sources import read_bytes, scan_sources
from sitegen.write.admin import admin_files
from sitegen.write.output import resolve_output, write_site
from sitegen.write.search import index_site

UNSAFE_IMAGES = (".heic", ".heif", ".tif", ".tiff")  # may carry GPS data we cannot remove


@dataclass(frozen=True)
class Options:
    today: date  # the day the site is built as of, in the site's time zone
    now: datetime | None = None  # the local time of the build (the CLI's clock); None: the start of `today`
    base_url: str | None = None  # overrides site.yaml's base_url
    drafts: bool = False  # show drafts (serve)
    dev: bool = False  # the live-reload preview: its script is allowed
    write: bool = True  # False for `check`
    output_dir: str | None = None  # overrides site.yaml's output_dir (serve's preview folder)
    strict: bool = False  # warnings fail the build like errors (--strict)
    cache: bool = False  # keep slow results in .sitegen-cache/ beside site.yaml for the next build (the CLI)


@dataclass(frozen=True)
class Built:
    config: SiteConfig
    output: Path  # where the site was (or would be) written
    files: dict[str, bytes]  # rendered pages by output path: "agenda/index.html"
    static: dict[str, Path]  # copied files by output path: "images/logo.png"
    warnings: tuple[SiteError, ...] = ()  # what an editor should look at, though the site was built
    held: tuple[SiteError, ...] = ()  # valid files not published: drafts, and what is dated after today

    @property
    def page_count(self) -> int:
        return sum(1 for name in self.files if name.endswith(".html"))


def build_site(root: Path, options: Options, settings: Settings | None = None) -> Built:
    """Validate, render and (unless options.write is False) write the whole site, or raise BuildFailed.

    `settings` is site.yaml as the caller already read it (with options.base_url applied); None reads it here.
    """
    config, config_lines = settings or load_config(root, options.base_url)
    cache = BuildCache(root / CACHE_DIR if options.cache else None)
    try:
        line = None if options.output_dir else config_lines.get(("output_dir",))
        output = resolve_output(root, options.output_dir or config.output_dir, line)
        static, problems = scan_static(root)
        problems += scan_sources(root)
        if problems:  # nothing is read while a link out of the project or a FIFO is among the sources
            raise BuildFailed(problems)
        site, problems, warnings = load_site(root, config, config_lines, static, options.drafts, options.today, cache)
        images, pictures, image_problems = prepare_images(site, static)
        indexes = build_indexes(site, options.now or datetime.combine(options.today, datetime.min.time()))
        routes = plan_routes(site, indexes)
        editor = admin_files(root, site)  # not a page of the site: neither counted nor searched
        problems += [error(f"static/{name}", None, None, "admin_file_taken", value=name)
                     for name in sorted(editor.keys() & static.keys())]
        problems += image_problems + find_collisions(routes, (*static, *images)) + check_links(site, routes)
        problems += missing_assets(root, static)
        translations, text_problems = load_interface_text(root, config.language)
        if text_problems:  # no page can be written without its words
            raise BuildFailed(problems + text_problems, warnings=warnings)
        headlines = Headlines(translations, Dates.for_site(config))
        environment = make_environment(root, site, translations, headlines, routes, options.dev, pictures, warnings,
                                       cache.templates())
        files, template_problems = render_pages(environment, routes, indexes)
        files.update(render_calendars(routes, indexes.happenings, config, headlines))
        if problems or template_problems or (options.strict and warnings):
            raise BuildFailed(problems + template_problems, warnings=warnings)
        files.update(images)
        static = {name: path for name, path in static.items() if name not in images}
        if options.write:
            write_site(output, files | editor, static,
                       finish=lambda folder: index_site(folder, config.language, files, cache))
    except BuildFailed as exc:
        raise type(exc)(exc.errors, config.language, exc.warnings) from exc
    finally:
        cache.save()
        cache.close()
    return Built(config, output, files, static, warnings, site.held)


def prepare_images(site: Site, static: dict[str, Path]) -> tuple[dict[str, bytes], dict[str, Picture], list[SiteError]]:
    """Static photos without metadata; resized variants and a preview of every content image."""
    files: dict[str, bytes] = {}
    pictures: dict[str, Picture] = {}
    problems: list[SiteError] = []
    items: list[Event | Achievement | Announcement | Page] = [
        *site.events, *site.achievements, *site.announcements, *site.pages
    ]
    wanted = {item.meta.image for item in items if item.meta.image}
    album_photos = {photo.file for item in items for photo in album_of(item)}
    covers = {album_of(item)[0].file for item in items if album_of(item)}  # an album's link preview
    for name, path in sorted(static.items()):
        suffix = path.suffix.lower()
        if suffix in UNSAFE_IMAGES:
            problems.append(error(f"static/{name}", None, None, "image_format", value=name))
            continue
        if suffix == ".svg":
            found = svg_active_content(read_bytes(path, f"static/{name}"))
            if found:
                problems.append(error(f"static/{name}", None, None, "svg_unsafe", found=found))
            continue
        if suffix not in PHOTO_FORMATS:
            continue
        data = read_bytes(path, f"static/{name}")
        try:
            cleaned = strip_metadata(data, name)
            if cleaned is not data:
                files[name] = cleaned
            if name in wanted:
                pictures[name], variants = make_picture(name, cleaned)
                files.update(variants)
            elif name in album_photos:  # a phone's screen width and twice that; no link preview
                pictures[name], variants = make_picture(name, cleaned, ALBUM_WIDTHS, preview=name in covers)
                files.update(variants)
        except ValueError as exc:
            problems.append(error(f"static/{name}", None, None, "image_invalid", value=name, problem=str(exc)))
    config = site.config
    if not config.og_image:  # a preview card for pages without a picture of their own
        logo = read_bytes(static[config.school.logo], config.school.logo) if config.school.logo in static else None
        files[DEFAULT_CARD] = make_card(config.title, config.school.address.locality, logo)
    return files, pictures, problems


def album_of(item: Event | Achievement | Announcement | Page) -> tuple[Photo, ...]:
    """The photos of an item's album; none for kinds without albums."""
    album = getattr(item.meta, "album", None)
    return album.photos if album else ()


def load_site(
    root: Path,
    config: SiteConfig,
    config_lines: dict[YamlPath, int],
    static: dict[str, Path],
    drafts: bool,
    today: date,
    cache: BuildCache | None = None,
) -> tuple[Site, list[SiteError], tuple[SiteError, ...]]:
    """Every source file that is valid and due by `today`, in one frozen Site; the problems and warnings."""
    urls = Urls.of(config)
    content, problems = load_content(root, config, urls, frozenset(static), drafts, cache)
    content = hold_back_scheduled(content, today)
    entries, school_years, calendar_problems, calendar_warnings = load_calendars(root, config)
    warnings = sort_problems([*content.warnings, *calendar_warnings, *config_warnings(config, config_lines)])
    return Site(
        config=config,
        urls=urls,
        home=content.home,
        events=content.events,
        achievements=content.achievements,
        announcements=content.announcements,
        pages=content.pages,
        calendar_entries=entries,
        school_years=school_years,
        static_files={name: path.stat().st_size for name, path in static.items()},
        config_lines=config_lines,
        unloaded=content.unloaded,
        history=load_history(root),
        held=sort_problems(content.held),
        drafts=content.drafts,
    ), problems + calendar_problems, warnings
