"""build_site: one call per stage, as in the data-flow picture of docs/design.md."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import jinja2
from icalendar import Timezone

from sitegen.cache import CACHE_DIR, BuildCache
from sitegen.errors import BuildFailed, SiteError, error, sort_problems
from sitegen.history import load_history
from sitegen.load.calendars import load_calendars
from sitegen.load.config import Settings, config_warnings, load_config
from sitegen.load.content import Loaded, hold_back_scheduled, load_content, scan_static
from sitegen.load.yamlload import Path as YamlPath
from sitegen.models.dates import Dates
from sitegen.models.fields import Photo
from sitegen.models.headlines import Headlines
from sitegen.models.items import Achievement, Announcement, Event, Page, Site
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.parallel import forked_map, worker_count
from sitegen.plan.indexes import Indexes, build_indexes
from sitegen.plan.links import check_links
from sitegen.plan.routes import Route, find_collisions, plan_routes
from sitegen.plan.timeline import Happening
from sitegen.render.changes import Read, Shown, stale_routes
from sitegen.render.feeds import render_calendars, site_timezone
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
from sitegen.render.pages import (
    PARALLEL_FROM,
    load_interface_text,
    make_environment,
    missing_assets,
    render_page,
    render_pages,
)
from sitegen.sources import read_bytes, scan_sources
from sitegen.write.admin import admin_files
from sitegen.write.output import MARKER, resolve_output, update_output, write_site
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
        plan = plan_site(root, options, config, config_lines, cache)
        files, template_problems = render_pages(plan.environment, plan.routes, plan.indexes)
        files.update(render_calendars(plan.routes, plan.indexes.happenings, config, plan.headlines))
        if plan.problems or template_problems or (options.strict and plan.warnings):
            raise BuildFailed(plan.problems + template_problems, warnings=plan.warnings)
        files.update(plan.images)
        static = {name: path for name, path in plan.static.items() if name not in plan.images}
        if options.write:
            write_site(plan.output, files | plan.editor, static,
                       finish=lambda folder: index_site(folder, config.language, files, cache))
    except BuildFailed as exc:
        raise type(exc)(exc.errors, config.language, exc.warnings) from exc
    finally:
        cache.save()
        cache.close()
    return Built(config, plan.output, files, static, plan.warnings, plan.site.held)


@dataclass(frozen=True)
class Plan:
    """Everything a build knows before rendering: the loaded site, its images, indexes and routes, the problems."""

    config: SiteConfig
    output: Path
    site: Site
    static: dict[str, Path]  # every file under static/, by output path
    images: dict[str, bytes]  # photos without metadata and their sizes, by output path
    pictures: dict[str, Picture]
    indexes: Indexes
    routes: tuple[Route, ...]
    editor: dict[str, bytes]  # the form editor's files (admin/), by output path
    problems: list[SiteError]
    warnings: tuple[SiteError, ...]
    translations: dict[str, str]
    headlines: Headlines
    environment: jinja2.Environment


def plan_site(
    root: Path,
    options: Options,
    config: SiteConfig,
    config_lines: dict[YamlPath, int],
    cache: BuildCache,
    memory: Memory | None = None,
) -> Plan:
    """Every stage before rendering; raises BuildFailed when nothing can be read or no page can be rendered."""
    line = None if options.output_dir else config_lines.get(("output_dir",))
    output = resolve_output(root, options.output_dir or config.output_dir, line)
    static, problems = scan_static(root)
    problems += scan_sources(root)
    if problems:  # nothing is read while a link out of the project or a FIFO is among the sources
        raise BuildFailed(problems)
    memo = memory.loaded_with(config) if memory else None
    site, problems, warnings = load_site(root, config, config_lines, static, options.drafts, options.today, cache,
                                         memo)
    images, pictures, image_problems = prepare_images(site, static, memory.photos if memory else None)
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
    return Plan(config, output, site, static, images, pictures, indexes, routes, editor, problems, warnings,
                translations, headlines, environment)


@dataclass
class Memory:
    """What serve keeps between rebuilds: each content file's loading, and what the last written build showed."""

    loaded: dict[str, Loaded] = field(default_factory=dict)  # load_content's memo, by source
    loaded_for: SiteConfig | None = None  # the settings of `loaded`
    shown: Shown | None = None  # what the pages in the output folder were made from; None: write it whole
    written: frozenset[str] = frozenset()  # every output path of that build but the search index
    static: dict[str, tuple[int, int, int]] = field(default_factory=dict)  # each copied static file's stat
    reads: dict[tuple[str, str], tuple[set[Read], set[str]]] = field(default_factory=dict)  # by template source
    photos: dict[tuple[object, ...], Photos] = field(default_factory=dict)  # prepare_images's memo
    vevents: dict[str, tuple[Happening, bytes]] = field(default_factory=dict)  # each VEVENT's text, by its key

    def loaded_with(self, config: SiteConfig) -> dict[str, Loaded]:
        """The memo for loading with these settings (which decide what is valid)."""
        if self.loaded_for != config:
            self.loaded.clear()
            self.loaded_for = config
        return self.loaded


@dataclass(frozen=True)
class Update:
    built: Built  # its files are the pages and feeds rendered by this update only
    written: list[str]  # the output paths written or replaced; empty when no file changed
    pages: list[str]  # every page of the site to search, by output path
    whole: bool  # the site was written whole, with its search index (the first update)


def update_site(root: Path, options: Options, memory: Memory) -> Update:
    """serve's rebuild: every stage before rendering runs again (unchanged files from `memory`), only pages and
    feeds whose inputs changed are rendered, and only files whose bytes changed are written, into the output
    folder itself. The first update writes the whole site like build_site, with its search index; later ones
    leave the search index to the caller. Raises BuildFailed as build_site does, leaving the output as it was.
    """
    config, config_lines = load_config(root, options.base_url)
    cache = BuildCache(root / CACHE_DIR if options.cache else None)
    try:
        plan = plan_site(root, options, config, config_lines, cache, memory)
        layouts = root / "layouts"
        shown = Shown(plan.routes, plan.site, plan.indexes, (
            config, plan.translations, plan.warnings if options.dev else (), plan.pictures,
            options, _ical(site_timezone(plan.indexes.happenings, config)),
            [(path.relative_to(layouts).as_posix(), path.read_bytes()) for path in sorted(layouts.rglob("*"))
             if path.is_file() and path.relative_to(layouts).parts[0] != "admin"],
        ))
        first = memory.shown is None or not (plan.output / MARKER).is_file()
        stale = stale_routes(plan.environment, None if first else memory.shown, shown, memory.reads)
        files, template_problems = render_routes(plan.environment, stale, plan.routes, plan.indexes)
        happenings = {happening.key: happening for happening in plan.indexes.happenings}
        made = {key: text for key, (happening, text) in memory.vevents.items()
                if not first and memory.shown and memory.shown.everywhere == shown.everywhere
                and happenings.get(key) == happening}
        files.update(render_calendars(stale, plan.indexes.happenings, config, plan.headlines, made))
        if plan.problems or template_problems or (options.strict and plan.warnings):
            raise BuildFailed(plan.problems + template_problems, warnings=plan.warnings)
        memory.vevents = {key: (happenings[key], text) for key, text in made.items() if key in happenings}
        static = {name: path for name, path in plan.static.items() if name not in plan.images}
        stats = {name: _stat(path) for name, path in static.items()}
        outputs = frozenset({*(route.output_path for route in plan.routes), *plan.images, *plan.editor, *static})
        if first:
            write_site(plan.output, files | plan.images | plan.editor, static,
                       finish=lambda folder: index_site(folder, config.language, files, cache))
            cache.save()  # only a whole build: the cache keeps what a build used, and an update uses a few entries
            written = sorted(outputs)
        else:
            copied = {name: path for name, path in static.items() if memory.static.get(name) != stats[name]}
            written = update_output(plan.output, files | plan.images | plan.editor, copied,
                                    set(memory.written - outputs))
            written += sorted(memory.written - outputs)
        memory.shown, memory.written, memory.static = shown, outputs, stats
    except BuildFailed as exc:
        raise type(exc)(exc.errors, config.language, exc.warnings) from exc
    finally:
        cache.close()
    pages = [route.output_path for route in plan.routes if route.template and route.output_path.endswith(".html")]
    return Update(Built(config, plan.output, files, static, plan.warnings), written, pages, first)


def render_routes(
    env: jinja2.Environment, stale: list[Route], routes: tuple[Route, ...], indexes: Indexes
) -> tuple[dict[str, bytes], list[SiteError]]:
    """The pages among `stale`, rendered as render_pages does (in forked processes when there are many)."""
    pages = [route for route in stale if route.template is not None]
    results = forked_map(lambda index: render_page(env, pages[index], indexes, routes), len(pages),
                         worker_count(len(pages), PARALLEL_FROM))
    files = {route.output_path: result for route, result in zip(pages, results, strict=True)
             if isinstance(result, bytes)}
    return files, [result for result in results if isinstance(result, SiteError)]


def _ical(zone: Timezone | None) -> bytes | None:
    return zone.to_ical() if zone is not None else None


def _stat(path: Path) -> tuple[int, int, int]:
    """What tells a changed static file: its modification time, size and inode."""
    status = path.stat()
    return status.st_mtime_ns, status.st_size, status.st_ino


def prepare_images(
    site: Site, static: dict[str, Path], memo: dict[tuple[object, ...], Photos] | None = None
) -> tuple[dict[str, bytes], dict[str, Picture], list[SiteError]]:
    """Static photos without metadata; resized variants and a preview of every content image.

    `memo` (serve's) keeps each photo's results by its name, file status and use, between rebuilds.
    """
    files: dict[str, bytes] = {}
    pictures: dict[str, Picture] = {}
    problems: list[SiteError] = []
    items: list[Event | Achievement | Announcement | Page] = [
        *site.events, *site.achievements, *site.announcements, *site.pages
    ]
    wanted = {item.meta.image for item in items if item.meta.image}
    album_photos = {photo.file for item in items for photo in album_of(item)}
    covers = {album_of(item)[0].file for item in items if album_of(item)}  # an album's link preview
    used: dict[tuple[object, ...], Photos] = {}
    for name, path in sorted(static.items()):
        key = (name, _stat(path), name in wanted, name in album_photos, name in covers)
        done = memo.get(key) if memo is not None else None
        if done is None:
            done = _prepare_photo(name, path, *key[2:])
        used[key] = done
        made, picture, problem = done
        files.update(made)
        if picture is not None:
            pictures[name] = picture
        if problem is not None:
            problems.append(problem)
    config = site.config
    if not config.og_image:  # a preview card for pages without a picture of their own
        logo = read_bytes(static[config.school.logo], config.school.logo) if config.school.logo in static else None
        card_key = (DEFAULT_CARD, config.title, config.school.address.locality, logo)
        card = memo.get(card_key) if memo is not None else None
        if card is None:
            card = ({DEFAULT_CARD: make_card(config.title, config.school.address.locality, logo)}, None, None)
        used[card_key] = card
        files.update(card[0])
    if memo is not None:  # only what this build used: an edited photo's old sizes are not kept
        memo.clear()
        memo.update(used)
    return files, pictures, problems


Photos = tuple[dict[str, bytes], Picture | None, SiteError | None]  # one static file's outputs, picture, problem


def _prepare_photo(name: str, path: Path, wanted: bool, in_album: bool, cover: bool) -> Photos:
    """A static file's cleaned copy and sizes (when it is a photo an item shows), or its problem."""
    suffix = path.suffix.lower()
    if suffix in UNSAFE_IMAGES:
        return {}, None, error(f"static/{name}", None, None, "image_format", value=name)
    if suffix == ".svg":
        found = svg_active_content(read_bytes(path, f"static/{name}"))
        return {}, None, error(f"static/{name}", None, None, "svg_unsafe", found=found) if found else None
    if suffix not in PHOTO_FORMATS:
        return {}, None, None
    data = read_bytes(path, f"static/{name}")
    files: dict[str, bytes] = {}
    picture = None
    try:
        cleaned = strip_metadata(data, name)
        if cleaned is not data:
            files[name] = cleaned
        if wanted:
            picture, variants = make_picture(name, cleaned)
            files.update(variants)
        elif in_album:  # a phone's screen width and twice that; no link preview
            picture, variants = make_picture(name, cleaned, ALBUM_WIDTHS, preview=cover)
            files.update(variants)
    except ValueError as exc:
        return {}, None, error(f"static/{name}", None, None, "image_invalid", value=name, problem=str(exc))
    return files, picture, None


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
    memo: dict[str, Loaded] | None = None,
) -> tuple[Site, list[SiteError], tuple[SiteError, ...]]:
    """Every source file that is valid and due by `today`, in one frozen Site; the problems and warnings."""
    urls = Urls.of(config)
    content, problems = load_content(root, config, urls, frozenset(static), drafts, cache, memo)
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
