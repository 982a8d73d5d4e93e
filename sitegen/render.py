"""Jinja environment, filters and interface text; renders every route to bytes."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from pathlib import Path

import jinja2
from babel.numbers import format_decimal
from markupsafe import Markup

from sitegen.dates import Dates
from sitegen.errors import BuildFailed, SiteError, error
from sitegen.feeds import calendar_feed, google_calendar_link, site_timezone
from sitegen.headlines import Headlines
from sitegen.images import DEFAULT_CARD, OG_SIZE, Picture
from sitegen.indexes import AlbumView, Indexes, PageNode
from sitegen.jsonld import article_data, event_data, school_data, to_json
from sitegen.models import Achievement, Site, SiteConfig
from sitegen.parallel import forked_map, worker_count
from sitegen.routes import ICS, Feed, Route, agenda_filters, feed_path
from sitegen.sources import check_file, read_text
from sitegen.yamlload import load_yaml


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


def preview_image(item: object, site: Site, pictures: dict[str, Picture]) -> Preview:
    """The item's own picture, else the site's card: og_image of site.yaml, or the generated one."""
    meta = getattr(item, "meta", None)
    image = getattr(meta, "image", None)
    if image in pictures and meta is not None:
        return Preview(pictures[image].og, meta.image_alt or "", *OG_SIZE)
    if isinstance(item, AlbumView):
        cover = item.album.photos[0]
        if cover.file in pictures and pictures[cover.file].og:
            return Preview(pictures[cover.file].og, cover.alt, *OG_SIZE)
    card = site.config.og_image or DEFAULT_CARD
    return Preview("/" + card, site.config.school.name, *OG_SIZE)


def _preview_url(item: object, site: Site, pictures: dict[str, Picture]) -> str:
    return site.config.absolute_url(preview_image(item, site, pictures).url)


def load_translations(root: Path, language: str) -> dict[str, str]:
    """layouts/i18n/<language>.yaml: interface text by key."""
    source = f"layouts/i18n/{language}.yaml"
    check_file(root, source)
    doc = load_yaml(read_text(root / source, source), source)
    if not isinstance(doc.data, dict) or not all(isinstance(v, str) for v in doc.data.values()):
        raise BuildFailed([error(source, 1, None, "yaml_not_mapping")])
    return {key: value for key, value in doc.data.items() if isinstance(value, str)}


def make_environment(
    root: Path,
    site: Site,
    dev: bool,
    pictures: dict[str, Picture],
    warnings: tuple[SiteError, ...] = (),
    bytecode_cache: jinja2.BytecodeCache | None = None,
) -> jinja2.Environment:
    """A fresh, strict, autoescaping environment for one build; the preview (dev) also shows the warnings.

    `bytecode_cache` keeps compiled templates between builds (the build cache's, see BuildCache.templates).
    """
    config = site.config
    env = jinja2.Environment(
        bytecode_cache=bytecode_cache,
        loader=jinja2.FileSystemLoader(root / "layouts"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    translations = load_translations(root, config.language)

    env.filters["url"] = config.url
    env.filters["abs_url"] = config.absolute_url
    dates = Dates.for_site(config)
    headlines = Headlines(translations, dates)
    synonyms = config.search.all_synonyms()
    env.globals.update(
        site=site,
        config=config,
        dates=dates,
        headlines=headlines,
        t=translations,
        student_names=student_names,
        file_info=lambda name: file_info(name, site.static_files.get(name, 0), config.language),
        body=lambda html: Markup(html),  # the one place HTML is trusted: sanitized Markdown
        dev=dev,
        json_ld=lambda data: Markup(to_json(data)),  # escaped for <script> by to_json
        event_data=lambda event: event_data(event, config),
        google_link=lambda happening: google_calendar_link(happening, config, headlines),
        agenda_filters=lambda: agenda_filters(site),
        feed_path=lambda kind, key="": feed_path(site, kind, key),
        school_data=lambda: school_data(config),
        preview_image=lambda item: preview_image(item, site, pictures),
        article_data=lambda item: article_data(item, config, _preview_url(item, site, pictures)),
        pictures=pictures,
        warnings=[problem.format(config.language, warning=True) for problem in warnings] if dev else [],
        search_words=lambda html: search_words(str(html), synonyms),
        section_of=section_of,
    )
    return env


PARALLEL_FROM = 400  # routes to render before a pool of forked processes pays for its start


def render_routes(
    env: jinja2.Environment, routes: tuple[Route, ...], indexes: Indexes
) -> tuple[dict[str, bytes], list[SiteError]]:
    """Every route rendered, in parallel processes on a large site; template problems come with template and line."""
    config, headlines = env.globals["config"], env.globals["headlines"]
    assert isinstance(config, SiteConfig) and isinstance(headlines, Headlines)
    env.globals["atom_routes"] = [r for r in routes if r.template == "atom.xml"]
    zone = site_timezone(indexes.happenings, config)
    vevents: dict[str, bytes] = {}  # each happening's VEVENT, made once (in each process) for all its feeds

    def render(index: int) -> bytes | SiteError:
        route = routes[index]
        if route.template == ICS:
            assert isinstance(route.item, Feed)
            return calendar_feed(route.item.happenings, config, route.item.name, config.absolute_url(route.path),
                                 headlines, zone, vevents)
        return render_page(env, route, indexes, routes)

    results = forked_map(render, len(routes), worker_count(len(routes), PARALLEL_FROM))
    files = {route.output_path: result for route, result in zip(routes, results, strict=True)
             if isinstance(result, bytes)}
    return files, [result for result in results if isinstance(result, SiteError)]


def render_page(
    env: jinja2.Environment, route: Route, indexes: Indexes, routes: tuple[Route, ...]
) -> bytes | SiteError:
    """One page's bytes, or the template problem that stopped it."""
    try:
        template = env.get_template(route.template)
        text = template.render(route=route, item=route.item, indexes=indexes, routes=routes)
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
