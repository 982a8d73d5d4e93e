"""The Jinja environment, its helpers and interface text; renders every page and feed that has a template."""

from __future__ import annotations

import re
import traceback
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from babel.numbers import format_decimal
from jinja2.runtime import Context, Macro
from markupsafe import Markup

from sitegen.errors import BuildFailed, SiteError, error
from sitegen.load.yamlload import load_yaml
from sitegen.models.headlines import Headlines
from sitegen.models.items import Achievement, Announcement, Event, Page, Site
from sitegen.models.urls import Urls
from sitegen.parallel import forked_results, worker_count
from sitegen.plan.indexes import AlbumView, Indexes, PageNode
from sitegen.plan.routes import Route
from sitegen.plan.timeline import Happening
from sitegen.plan.views import AtomFeed, EventView, View
from sitegen.render.feeds import google_calendar_link
from sitegen.render.images import DEFAULT_CARD, OG_SIZE, Picture
from sitegen.render.jsonld import article_data, event_data, school_data, to_json
from sitegen.sources import check_file, read_text


def initials(name: str) -> str:
    """'Ahmad Fauzi' -> 'A. F.': names shown without the guardians' consent."""
    return " ".join(f"{part[0].upper()}." for part in name.split() if part)


def student_names(achievement: Achievement) -> tuple[str, ...]:
    """The names an achievement may show: full only with `consent: true`."""
    if achievement.meta.consent:
        return achievement.meta.students
    return tuple(initials(name) for name in achievement.meta.students)


def file_info(name: str, size: int, language: str) -> str:
    """'PDF, 240 KB' for an attachment."""
    kind = name.rsplit(".", 1)[-1].upper() if "." in name else "?"
    if size < 1024:
        amount = f"{size} B"
    elif size < 1024 * 1024:
        amount = f"{-(-size // 1024)} KB"
    else:
        amount = format_decimal(round(size / 1024 / 1024, 1), locale=language) + " MB"
    return f"{kind}, {amount}"


def search_words(html: str, synonyms: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The words parents type for what a page says: 'ujian' for a page that names 'Penilaian'."""
    own = re.sub(r"<nav\b.*?</nav>", " ", html, flags=re.S)  # menus name other pages: not this page's words
    text = " ".join(re.sub(r"<[^>]+>", " ", own).lower().split())

    tokens = set(re.findall(r"\w+", text))

    def has(word: str) -> bool:
        parts = re.findall(r"\w+", word)
        if not all(part in tokens for part in parts):  # a quick no: some word of it is not in the text
            return False
        return parts == [word] or re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text) is not None

    return tuple(word for word, others in synonyms.items() if not has(word) and any(has(o) for o in others))


def section_of(node: PageNode, path: str) -> PageNode | None:
    """The folder of parent pages that holds the page at `path` (its own folder for a folder's index)."""
    if node.path == path or any(p.doc.path == path for p in node.pages):
        return node
    for folder in node.folders:
        found = section_of(folder, path)
        if found is not None:
            return found
    return None


@dataclass(frozen=True)
class Preview:
    """The picture a link preview shows."""

    url: str  # "/images/kartu-sekolah.png"
    alt: str
    width: int
    height: int


def preview_image(view: View, site: Site, pictures: dict[str, Picture]) -> Preview:
    """The item's own picture, else the site's card: og_image of site.yaml, or the generated one."""
    item = view.event if isinstance(view, EventView) else view
    if isinstance(item, Event | Achievement | Announcement | Page) and item.meta.image in pictures:
        return Preview(pictures[item.meta.image].og, item.meta.image_alt or "", *OG_SIZE)
    if isinstance(item, AlbumView):
        cover = item.album.photos[0]
        if cover.file in pictures and pictures[cover.file].og:
            return Preview(pictures[cover.file].og, cover.alt, *OG_SIZE)
    card = site.config.og_image or DEFAULT_CARD
    return Preview(Urls.static(card), site.config.school.name, *OG_SIZE)


def _preview_url(item: View, site: Site, pictures: dict[str, Picture]) -> str:
    return site.urls.absolute(preview_image(item, site, pictures).url)


def load_translations(root: Path, language: str) -> dict[str, str]:
    """layouts/i18n/<language>.yaml: interface text by key."""
    source = f"layouts/i18n/{language}.yaml"
    check_file(root, source)
    doc = load_yaml(read_text(root / source, source), source)
    if not isinstance(doc.data, dict) or not all(isinstance(v, str) for v in doc.data.values()):
        raise BuildFailed([error(source, 1, None, "yaml_not_mapping")])
    return {key: value for key, value in doc.data.items() if isinstance(value, str)}


def load_interface_text(root: Path, language: str) -> tuple[dict[str, str], list[SiteError]]:
    """The interface text, or none and the problems that keep its file from being read."""
    try:
        return load_translations(root, language), []
    except BuildFailed as exc:
        return {}, list(exc.errors)


# A stylesheet or script of the generator's own (static/css/, static/js/, which `init` copies) that a template
# names: {{ urls.static('css/site.css')|url }}. A school's images (the favicon) may be absent on purpose.
STATIC_NAMED = re.compile(r"""urls\.static\(\s*['"]((?:css|js)/[^'"]+)['"]\s*\)""")


def missing_assets(root: Path, static: Collection[str]) -> list[SiteError]:
    """Files the templates name under static/ (the stylesheet, the search script) that are not there: without
    them every page would still be written, and parents would get it unstyled or without search."""
    problems = []
    for template in sorted((root / "layouts").rglob("*.html")):
        source = template.relative_to(root).as_posix()
        for number, line in enumerate(read_text(template, source).splitlines(), 1):
            problems += [error(source, number, None, "asset_missing", value=name)
                         for name in STATIC_NAMED.findall(line) if name not in static]
    return problems


@dataclass(frozen=True)
class Helpers:
    """The named functions templates call besides their view; each asks only for what the page has."""

    site: Site
    pictures: dict[str, Picture]  # "images/pentas.jpg" (under static/) -> its resized variants
    headlines: Headlines
    synonyms: dict[str, tuple[str, ...]]  # search.synonyms of site.yaml with the defaults
    made: dict[tuple[int, int, bool], tuple[Macro, object, Markup]] = field(default_factory=dict)  # listed()'s

    @staticmethod
    def body(html: str) -> Markup:
        """The one place HTML is trusted: the sanitized Markdown of a body."""
        return Markup(html)

    @staticmethod
    def json_ld(data: dict[str, Any]) -> Markup:
        return Markup(to_json(data))  # escaped for <script> by to_json

    def file_info(self, name: str) -> str:
        return file_info(name, self.site.static_files.get(name, 0), self.site.config.language)

    def event_data(self, event: Event) -> dict[str, Any]:
        return event_data(event, self.site.config)

    def google_link(self, happening: Happening) -> str | None:
        return google_calendar_link(happening, self.site.config, self.headlines)

    def school_data(self) -> dict[str, Any]:
        return school_data(self.site.config)

    def preview_image(self, view: View) -> Preview:
        return preview_image(view, self.site, self.pictures)

    def article_data(self, item: Announcement | Achievement) -> dict[str, Any]:
        return article_data(item, self.site.config, _preview_url(item, self.site, self.pictures))

    def search_words(self, html: str) -> tuple[str, ...]:
        return search_words(str(html), self.synonyms)

    def listed(self, macro: Macro, item: object, compact: bool = False) -> Markup:
        """`macro(item, compact=compact)`, made once per build however many lists show `item` (an event is on
        the agenda, on its category's and audiences' agendas and on the home page). An imported macro sees only
        its arguments and the build's globals, and the items of the indexes do not change while pages are
        rendered, so the same macro and item give the same HTML; they are kept with it, so neither id is reused.
        """
        key = (id(macro), id(item), compact)
        if key not in self.made:
            self.made[key] = (macro, item, Markup(macro(item, compact=compact)))
        return self.made[key][2]


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per process, by name and source checksum: never stale, shared by every build.

    The file's location is left out of the key, so that copies of the same layouts (each test's site, each
    rebuild of serve) share the compiled code; an edited template has another checksum and compiles anew.
    Only environments made by make_environment share it: their options are the same, and every filter
    that depends on a build's settings takes the context, so that Jinja never folds its result into the
    compiled code (`"css/site.css" | url` with one build's base URL).
    """

    def __init__(self) -> None:
        self._code: dict[str, object] = {}

    def get_bucket(
        self, environment: jinja2.Environment, name: str, filename: str | None, source: str
    ) -> jinja2.bccache.Bucket:
        checksum = self.get_source_checksum(source)
        bucket = jinja2.bccache.Bucket(environment, self.get_cache_key(f"{name}|{checksum}"), checksum)
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        bucket.code = self._code.get(bucket.key)  # type: ignore[assignment]

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.code


# A module-level memo of a pure function (docs/design.md, "No global state"): compiling the layouts is most of a
# small build's time.
COMPILED_TEMPLATES = CompiledTemplates()


def _per_build(address: Callable[[str], str]) -> Callable[[Context, str], str]:
    """A filter that takes the context, so that Jinja never folds one build's result into the shared code."""

    @jinja2.pass_context
    def filter_(_: Context, path: str) -> str:
        return address(path)

    return filter_


def make_environment(
    root: Path,
    site: Site,
    translations: dict[str, str],
    headlines: Headlines,
    routes: tuple[Route, ...],
    dev: bool,
    pictures: dict[str, Picture],
    warnings: tuple[SiteError, ...] = (),
    bytecode_cache: jinja2.BytecodeCache | None = None,
) -> jinja2.Environment:
    """A fresh, strict, autoescaping environment for one build; the preview (dev) also shows the warnings.

    `bytecode_cache` keeps compiled templates between processes (the build cache's, see BuildCache.templates);
    without one, builds in this process share COMPILED_TEMPLATES.
    """
    config = site.config
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / "layouts"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache or COMPILED_TEMPLATES,
    )
    # Per build, so never folded into the compiled code every build shares (see CompiledTemplates).
    env.filters["url"] = _per_build(site.urls.url)
    env.filters["abs_url"] = _per_build(site.urls.absolute)
    env.filters["webcal"] = _per_build(site.urls.webcal)
    helpers = Helpers(site, pictures, headlines, config.search.all_synonyms())
    env.globals.update(
        site=site,
        config=config,
        urls=site.urls,
        dates=headlines.dates,
        headlines=headlines,
        t=translations,
        dev=dev,
        pictures=pictures,
        warnings=[problem.format(config.language, warning=True) for problem in warnings] if dev else [],
        atom_routes=[route for route in routes if isinstance(route.view, AtomFeed)],
        student_names=student_names,
        section_of=section_of,
        body=helpers.body,
        json_ld=helpers.json_ld,
        file_info=helpers.file_info,
        event_data=helpers.event_data,
        google_link=helpers.google_link,
        school_data=helpers.school_data,
        preview_image=helpers.preview_image,
        article_data=helpers.article_data,
        search_words=helpers.search_words,
        listed=helpers.listed,
    )
    return env


PARALLEL_FROM = 400  # pages to render before a pool of forked processes pays for its start
Rendered = tuple[str, bytes | SiteError]  # an output path and its bytes, or what kept it from being made


def render_pages(
    env: jinja2.Environment, routes: tuple[Route, ...], indexes: Indexes, only: Sequence[Route] | None = None
) -> Iterator[Rendered]:
    """Every route with a template (or those of `only`: serve's stale ones), rendered one by one in route order
    (in forked processes when there are many): each page's output path and bytes, or the template problem (with
    template and line) that stopped it.

    Nothing keeps the pages: the caller writes each away as it comes (pipeline.build_site).
    """
    pages = [route for route in (routes if only is None else only) if route.template is not None]

    def render(index: int) -> bytes | SiteError:
        return render_page(env, pages[index], indexes, routes)

    results = forked_results(render, len(pages), worker_count(len(pages), PARALLEL_FROM))
    for route, result in zip(pages, results, strict=True):
        yield route.output_path, result


def render_page(
    env: jinja2.Environment, route: Route, indexes: Indexes, routes: tuple[Route, ...]
) -> bytes | SiteError:
    """One page's bytes, or the template problem that stopped it."""
    assert route.template is not None
    try:
        template = env.get_template(route.template)
        text = template.render(route=route, view=route.view, indexes=indexes, routes=routes)
    except jinja2.TemplateNotFound as exc:
        name, line = _template_frame(exc, route.template)
        return error(name, line, None, "template_missing", value=exc.name)
    except jinja2.TemplateSyntaxError as exc:
        return error(f"layouts/{exc.name or route.template}", exc.lineno, None, "template_syntax",
                     problem=exc.message or "")
    except jinja2.UndefinedError as exc:
        name, line = _template_frame(exc, route.template)
        return error(name, line, None, "template_undefined", problem=_undefined_name(exc.message or ""))
    return text.encode("utf-8")


def _undefined_name(message: str) -> str:
    """"'X object' has no attribute 'titel'" and "'titel' is undefined" both name 'titel'."""
    found = re.search(r"has no attribute '([^']+)'|^'([^']+)' is undefined", message)
    return f"'{found[1] or found[2]}'" if found else message


def _template_frame(exc: BaseException, fallback: str) -> tuple[str, int | None]:
    """The innermost template file and line in the traceback Jinja rewrote for us."""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        parts = Path(frame.filename).parts
        if "layouts" in parts:
            index = len(parts) - 1 - parts[::-1].index("layouts")
            return "/".join(parts[index:]), frame.lineno
    return f"layouts/{fallback}", None
