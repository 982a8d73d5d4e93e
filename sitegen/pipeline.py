"""build_site: one call per stage, as in the data-flow picture of docs/design.md."""

from __future__ import annotations

import base64
import dataclasses
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib.metadata import version
from itertools import chain
from pathlib import Path

import jinja2

from sitegen.cache import CACHE_DIR, BuildCache, fingerprint, generator_code
from sitegen.errors import BuildFailed, SiteError, error, sort_problems
from sitegen.history import load_history
from sitegen.load.calendars import load_calendars
from sitegen.load.config import Settings, config_warnings, load_config
from sitegen.load.content import Loaded, hold_back_scheduled, load_content, scan_static
from sitegen.load.yamlload import Path as YamlPath
from sitegen.models.bodies import Bodies
from sitegen.models.dates import Dates
from sitegen.models.fields import Photo
from sitegen.models.headlines import Headlines
from sitegen.models.items import Achievement, Announcement, Event, Page, Site
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.parallel import give_back_memory
from sitegen.plan.indexes import Indexes, build_indexes
from sitegen.plan.links import check_links
from sitegen.plan.routes import Route, find_collisions, plan_routes, searched_pages
from sitegen.render.changes import Shown, input_digests
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
from sitegen.render.pages import Rendered, load_interface_text, make_environment, missing_assets, render_pages
from sitegen.sources import file_status, read_bytes, scan_sources
from sitegen.write.admin import admin_files
from sitegen.write.output import Previous, WrittenFiles, resolve_output, write_site
from sitegen.write.search import index_site

PAGE_KIND = "page"  # in the build cache: the digest of a page's or feed's bytes, by the digest of its inputs
RENDERERS = ("jinja2", "markupsafe", "babel", "icalendar")  # libraries whose versions are part of a page's inputs
PHOTO_KIND = "photo"  # in the build cache: a photo's cleaned copy, sizes and picture, by its bytes and use
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
        files, static = render_site(plan, options, cache)
    except BuildFailed as exc:
        raise type(exc)(exc.errors, config.language, exc.warnings) from exc
    finally:
        cache.save()
        cache.close()
    return Built(config, plan.output, files, static, plan.warnings, plan.site.held)


def render_site(plan: Plan, options: Options, cache: BuildCache) -> tuple[Mapping[str, bytes], dict[str, Path]]:
    """Render every page and calendar of `plan` and write each as it is made into a staging folder swapped in at
    the end (or keep them, for `check`); the files by output path and the static files copied. Raises BuildFailed
    on any problem (or, with --strict, warning), leaving the previous output untouched.

    A page or feed whose inputs are those of a file the previous output still holds byte for byte (the build
    cache keeps the digest of each file's inputs with that of its bytes) is not rendered: that file is linked
    into the staging folder instead.
    """
    config = plan.config
    static = {name: path for name, path in plan.static.items() if name not in plan.images}
    failing = bool(plan.problems) or (options.strict and bool(plan.warnings))
    if failing or not options.write:  # rendered all the same, for the template problems
        made = chain(render_pages(plan.environment, plan.routes, plan.indexes),
                     render_calendars(plan.routes, plan.indexes.happenings, config, plan.headlines, cache))
        kept: dict[str, bytes] = {}  # check keeps what it would write (for tests); a failing build nothing
        template_problems = take(made, (lambda name, data: None) if failing else kept.__setitem__)
        if failing or template_problems:
            raise BuildFailed(plan.problems + template_problems, warnings=plan.warnings)
        return kept | plan.images, static
    inputs = page_inputs(plan, options, cache) if cache.folder else {}
    give_back_memory()  # what the digests freed, before the render workers are forked
    with write_site(plan.output, static) as staging:
        for name, data in sorted((plan.images | plan.editor).items()):
            staging.put(name, data)
        previous = Previous(plan.output)
        stale = [route for route in plan.routes if not (route.output_path in inputs and staging.reuse(
            route.output_path, previous, cache.get(PAGE_KIND, inputs[route.output_path])))]
        made = chain(render_pages(plan.environment, plan.routes, plan.indexes, stale),
                     render_calendars(stale, plan.indexes.happenings, config, plan.headlines, cache))
        template_problems = take(made, staging.put)  # each page written as it is made, none kept
        if template_problems:  # the staging folder goes; the previous output stays untouched
            raise BuildFailed(template_problems, warnings=plan.warnings)
        for route in stale:
            if route.output_path in inputs:
                cache.put(PAGE_KIND, inputs[route.output_path], staging.digests[route.output_path])
        written = [name for name in staging.names if name not in plan.editor]
        give_back_memory()  # what the pages received from the workers freed
        index_site(staging.folder, config.language, searched_pages(plan.routes), cache, digests=staging.digests,
                   previous=plan.output)
    return WrittenFiles(plan.output, written), static


def page_inputs(plan: Plan, options: Options, cache: BuildCache | None = None) -> dict[str, str]:
    """A digest of each page's and feed's inputs, by output path (render.changes.input_digests); the generator's
    code and the versions of the libraries that render are among them. A route without one is not listed."""
    context = fingerprint(generator_code(), *(version(name) for name in RENDERERS)).encode()
    digests = input_digests(plan.environment, shown_of(plan, options), context, cache)
    return {name: found for name, found in digests.items() if found}


def shown_of(plan: Plan, options: Options) -> Shown:
    """What the pages and feeds of `plan` are made from (render.changes): the routes, the site, its indexes, and
    what every page may show: settings, words, the preview's warnings, pictures, the layouts' sources."""
    layouts = plan.root / "layouts"
    shown_options = dataclasses.replace(options, today=date.min, now=None, write=True, output_dir=None,
                                        strict=False, cache=False)  # what reaches a page only through the site
    return Shown(plan.routes, plan.site, plan.indexes, (
        plan.config, plan.translations, plan.warnings if options.dev else (), plan.pictures, shown_options,
        site_timezone(plan.indexes.happenings, plan.config),
        [(path.relative_to(layouts).as_posix(), path.read_bytes()) for path in sorted(layouts.rglob("*"))
         if path.is_file() and path.relative_to(layouts).parts[0] != "admin"],
    ))


def take(made: Iterable[Rendered], put: Callable[[str, bytes], None]) -> list[SiteError]:
    """Hand each made file to `put` as it comes; the problems that kept some from being made."""
    problems = []
    for name, result in made:
        if isinstance(result, SiteError):
            problems.append(result)
        else:
            put(name, result)
    return problems


@dataclass(frozen=True)
class Plan:
    """Everything a build knows before rendering: the loaded site, its images, indexes and routes, the problems."""

    root: Path
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
    loaded: dict[str, Loaded] | None = None,
    photos: dict[tuple[object, ...], Photos] | None = None,
    bodies: Bodies | None = None,
) -> Plan:
    """Every stage before rendering; raises BuildFailed when nothing can be read or no page can be rendered.

    `loaded` and `photos` are serve's memos of loaded content files and prepared photos, kept between rebuilds,
    and `bodies` the store of the HTML of the bodies `loaded` holds.
    """
    line = None if options.output_dir else config_lines.get(("output_dir",))
    output = resolve_output(root, options.output_dir or config.output_dir, line)
    static, problems = scan_static(root)
    problems += scan_sources(root)
    if problems:  # nothing is read while a link out of the project or a FIFO is among the sources
        raise BuildFailed(problems)
    site, problems, warnings = load_site(root, config, config_lines, static, options.drafts, options.today, cache,
                                         loaded, bodies)
    give_back_memory()  # what reading the files freed: tens of MB on a large site
    images, pictures, image_problems = prepare_images(site, static, photos, cache)
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
    return Plan(root, config, output, site, static, images, pictures, indexes, routes, editor, problems, warnings,
                translations, headlines, environment)


def prepare_images(
    site: Site,
    static: dict[str, Path],
    memo: dict[tuple[object, ...], Photos] | None = None,
    cache: BuildCache | None = None,
) -> tuple[dict[str, bytes], dict[str, Picture], list[SiteError]]:
    """Static photos without metadata; resized variants and a preview of every content image.

    `memo` (serve's) keeps each photo's results by its name, file status and use, between rebuilds; `cache`
    keeps them between builds, by the photo's bytes and use (PhotoCache).
    """
    kept = PhotoCache(cache or BuildCache(None))
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
        key = (name, file_status(path), name in wanted, name in album_photos, name in covers)
        done = memo.get(key) if memo is not None else None
        if done is None:
            done = kept.photo(name, path, *key[2:])
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


class PhotoCache:
    """_prepare_photo's results kept in the build cache, keyed by the photo's name and bytes, its use, the
    generator's code and Pillow's version: resizing and re-encoding are most of a clean build of a site with
    albums. What failed is not kept (its message is made again)."""

    def __init__(self, cache: BuildCache) -> None:
        self._cache = cache
        self._context = ""

    def photo(self, name: str, path: Path, wanted: bool, in_album: bool, cover: bool) -> Photos:
        if path.suffix.lower() not in PHOTO_FORMATS:
            return _prepare_photo(name, path, wanted, in_album, cover)
        self._context = self._context or fingerprint(generator_code(), version("pillow"))
        key = fingerprint(self._context, name, read_bytes(path, f"static/{name}"), repr((wanted, in_album, cover)))
        stored = self._cache.get(PHOTO_KIND, key)
        if stored is not None:
            value = json.loads(stored)
            shown = value["picture"]
            picture = Picture(**{**shown, "srcset": tuple((src, width) for src, width in shown["srcset"])}) \
                if shown else None
            return {file: base64.b64decode(data) for file, data in value["files"].items()}, picture, None
        done = _prepare_photo(name, path, wanted, in_album, cover)
        files, picture, problem = done
        if problem is None:
            self._cache.put(PHOTO_KIND, key, json.dumps({
                "files": {file: base64.b64encode(data).decode() for file, data in files.items()},
                "picture": dataclasses.asdict(picture) if picture else None}))
        return done


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
    bodies: Bodies | None = None,
) -> tuple[Site, list[SiteError], tuple[SiteError, ...]]:
    """Every source file that is valid and due by `today`, in one frozen Site; the problems and warnings."""
    urls = Urls.of(config)
    content, problems = load_content(root, config, urls, frozenset(static), drafts, cache, memo, bodies)
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
