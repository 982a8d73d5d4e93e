"""build_site: one call per stage, as in the data-flow picture of docs/design.md."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain
from pathlib import Path

from sitegen.admin import admin_files
from sitegen.cache import CACHE_DIR, BuildCache
from sitegen.calendars import load_calendars
from sitegen.config import Settings, config_warnings, load_config
from sitegen.content import hold_back_scheduled, load_content, scan_static
from sitegen.dates import Dates
from sitegen.errors import BuildFailed, SiteError, error, sort_problems
from sitegen.feeds import render_calendars
from sitegen.fields import Photo
from sitegen.headlines import Headlines
from sitegen.history import load_history
from sitegen.images import (
    ALBUM_WIDTHS,
    DEFAULT_CARD,
    PHOTO_FORMATS,
    Picture,
    make_card,
    make_picture,
    strip_metadata,
    svg_active_content,
)
from sitegen.indexes import build_indexes
from sitegen.items import Achievement, Announcement, Event, Page, Site
from sitegen.links import check_links
from sitegen.output import WrittenFiles, resolve_output, write_site
from sitegen.render import Rendered, load_interface_text, make_environment, render_pages
from sitegen.routes import find_collisions, plan_routes
from sitegen.search import index_site
from sitegen.settings import SiteConfig
from sitegen.sources import read_bytes, scan_sources
from sitegen.urls import Urls
from sitegen.yamlload import Path as YamlPath

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
    files: Mapping[str, bytes]  # made files by output path ("agenda/index.html"): read from the output when
    # written (a build holds no page after writing it), kept in memory by `check` (options.write False)
    static: dict[str, Path]  # copied files by output path: "images/logo.png"
    warnings: tuple[SiteError, ...] = ()  # what an editor should look at, though the site was built

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
        translations, text_problems = load_interface_text(root, config.language)
        if text_problems:  # no page can be written without its words
            raise BuildFailed(problems + text_problems, warnings=warnings)
        headlines = Headlines(translations, Dates.for_site(config))
        environment = make_environment(root, site, translations, headlines, routes, options.dev, pictures, warnings,
                                       cache.templates())
        made = chain(render_pages(environment, routes, indexes),
                     render_calendars(routes, indexes.happenings, config, headlines, cache))
        static = {name: path for name, path in static.items() if name not in images}
        failing = bool(problems) or (options.strict and bool(warnings))
        if failing or not options.write:  # rendered all the same, for the template problems
            kept: dict[str, bytes] = {}  # check keeps what it would write (for tests); a failing build nothing
            template_problems = take(made, (lambda name, data: None) if failing else kept.__setitem__)
            if failing or template_problems:
                raise BuildFailed(problems + template_problems, warnings=warnings)
            files: Mapping[str, bytes] = kept | images
        else:
            with write_site(output, static) as staging:
                for name, data in sorted((images | editor).items()):
                    staging.put(name, data)
                template_problems = take(made, staging.put)  # each page written as it is made, none kept
                if template_problems:  # the staging folder goes; the previous output stays untouched
                    raise BuildFailed(template_problems, warnings=warnings)
                written = [name for name in staging.names if name not in editor]
                index_site(staging.folder, config.language, written, cache)
            files = WrittenFiles(output, written)
    except BuildFailed as exc:
        raise type(exc)(exc.errors, config.language, exc.warnings) from exc
    finally:
        cache.save()
        cache.close()
    return Built(config, output, files, static, warnings)


def take(made: Iterable[Rendered], put: Callable[[str, bytes], None]) -> list[SiteError]:
    """Hand each made file to `put` as it comes; the problems that kept some from being made."""
    problems = []
    for name, result in made:
        if isinstance(result, SiteError):
            problems.append(result)
        else:
            put(name, result)
    return problems


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
    ), problems + calendar_problems, warnings
