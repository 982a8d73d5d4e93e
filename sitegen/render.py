"""Jinja environment, filters and interface text; renders every route to bytes."""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jinja2
from babel.dates import format_date, format_time
from babel.numbers import format_decimal
from markupsafe import Markup

from sitegen.errors import BuildFailed, SiteError, error
from sitegen.feeds import calendar_feed, google_calendar_link, site_timezone
from sitegen.images import DEFAULT_CARD, OG_SIZE, Picture
from sitegen.indexes import Indexes, Occurrence
from sitegen.jsonld import article_data, event_data, page_url, school_data, to_json
from sitegen.models import Achievement, Moment, Schedule, Site, SiteConfig
from sitegen.routes import ICS, Feed, Route, agenda_filters, feed_path
from sitegen.yamlload import load_yaml, read_source

# Short names parents know; other zones fall back to their UTC offset.
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
TIME_PATTERN = {"id": "HH.mm", "en": "HH:mm"}
DASH = "\u2013"


@dataclass(frozen=True)
class Dates:
    """Dates and times in the site's language: "Sabtu, 5 Desember 2026, 08.00–10.00 WIB"."""

    language: str  # "id"
    zone_label: str  # "WIB"
    zone: ZoneInfo  # Asia/Jakarta

    def long(self, day: date) -> str:
        return format_date(day, "EEEE, d MMMM y", locale=self.language)

    def day_month_year(self, day: date) -> str:
        return format_date(day, "d MMMM y", locale=self.language)

    def short(self, day: date) -> str:
        return format_date(day, "d MMM y", locale=self.language)

    def month(self, day: date) -> str:
        return format_date(day, "LLLL y", locale=self.language)

    def weekday(self, day: date) -> str:
        return format_date(day, "EEEE", locale=self.language)

    def weekday_short(self, day: date) -> str:
        return format_date(day, "EEE", locale=self.language)

    def month_of_key(self, key: str) -> str:
        """'2026-12' -> 'Desember 2026'."""
        return self.month(date.fromisoformat(key + "-01"))

    def time(self, moment: datetime) -> str:
        return format_time(moment.time(), TIME_PATTERN.get(self.language, "HH:mm"), locale=self.language)

    def when(self, start: Moment, end: Moment | None) -> str:
        """A start and an optional end, as one phrase."""
        if isinstance(start, datetime):
            if end is None or end == start:
                return f"{self.long(start.date())}, {self.time(start)} {self.zone_label}"
            assert isinstance(end, datetime)
            if end.date() == start.date():
                return f"{self.long(start.date())}, {self.time(start)}{DASH}{self.time(end)} {self.zone_label}"
            return (f"{self.long(start.date())}, {self.time(start)} {DASH} "
                    f"{self.long(end.date())}, {self.time(end)} {self.zone_label}")
        last = end if isinstance(end, date) and not isinstance(end, datetime) else start
        if last == start:
            return self.long(start)
        if (last.year, last.month) == (start.year, start.month):
            return f"{start.day}{DASH}{self.day_month_year(last)}"
        if last.year == start.year:
            first = format_date(start, "d MMMM", locale=self.language)
            return f"{first} {DASH} {self.day_month_year(last)}"
        return f"{self.day_month_year(start)} {DASH} {self.day_month_year(last)}"

    def schedule(self, schedule: Schedule) -> str:
        return self.when(schedule.start, schedule.end)

    def occurrence(self, occurrence: Occurrence) -> str:
        return self.when(occurrence.start, occurrence.end)

    def iso(self, moment: Moment) -> str:
        return moment.isoformat()

    def atom(self, day: date) -> str:
        """RFC 3339 at the start of the day in the site's zone: '2026-11-20T00:00:00+07:00'."""
        return datetime.combine(day, datetime.min.time(), tzinfo=self.zone).isoformat()


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
    card = site.config.og_image or DEFAULT_CARD
    return Preview("/" + card, site.config.school.name, *OG_SIZE)


def _preview_url(item: object, site: Site, pictures: dict[str, Picture]) -> str:
    return page_url(site.config, preview_image(item, site, pictures).url)


def load_translations(root: Path, language: str) -> dict[str, str]:
    """layouts/i18n/<language>.yaml: interface text by key."""
    source = f"layouts/i18n/{language}.yaml"
    doc = load_yaml(read_source(root / source, source), source)
    if not isinstance(doc.data, dict) or not all(isinstance(v, str) for v in doc.data.values()):
        raise BuildFailed([error(source, 1, None, "yaml_not_mapping")])
    return {key: value for key, value in doc.data.items() if isinstance(value, str)}


def make_environment(root: Path, site: Site, dev: bool, pictures: dict[str, Picture]) -> jinja2.Environment:
    """A fresh, strict, autoescaping environment for one build."""
    config = site.config
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(root / "layouts"),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    base_path = config.base_path
    translations = load_translations(root, config.language)

    def url(path: str) -> str:
        if "://" in path or path.startswith(("mailto:", "tel:", "#")):
            return path
        return base_path + path.lstrip("/")

    env.filters["url"] = url
    env.filters["abs_url"] = lambda path: config.origin + url(path)
    env.filters["initials"] = initials
    env.globals.update(
        site=site,
        config=config,
        dates=Dates(config.language, ZONE_LABELS.get(config.timezone, config.timezone), ZoneInfo(config.timezone)),
        t=translations,
        student_names=student_names,
        file_info=lambda name: file_info(name, site.static_files.get(name, 0), config.language),
        body=lambda html: Markup(html),  # the one place HTML is trusted: sanitized Markdown
        dev=dev,
        json_ld=lambda data: Markup(to_json(data)),  # escaped for <script> by to_json
        event_data=lambda event: event_data(event, config),
        google_link=lambda happening: google_calendar_link(happening, config, translations["rescheduled_from"]),
        agenda_filters=lambda: agenda_filters(site),
        feed_path=lambda kind, key="": feed_path(site, kind, key),
        page_url=lambda path: page_url(config, path),
        school_data=lambda: school_data(config),
        preview_image=lambda item: preview_image(item, site, pictures),
        article_data=lambda item: article_data(item, config, _preview_url(item, site, pictures)),
        pictures=pictures,
    )
    return env


def render_routes(
    env: jinja2.Environment, routes: tuple[Route, ...], indexes: Indexes
) -> tuple[dict[str, bytes], list[SiteError]]:
    """Every route rendered; template problems are returned with template and line."""
    files: dict[str, bytes] = {}
    errors: list[SiteError] = []
    config, translations = env.globals["config"], env.globals["t"]
    assert isinstance(config, SiteConfig) and isinstance(translations, dict)
    env.globals["atom_routes"] = [r for r in routes if r.template == "atom.xml"]
    zone = site_timezone(indexes.happenings, config)
    for route in routes:
        if route.template == ICS:
            assert isinstance(route.item, Feed)
            files[route.output_path] = calendar_feed(route.item.happenings, config, route.item.name,
                                                     page_url(config, route.path), translations["rescheduled_from"],
                                                     zone)
            continue
        try:
            template = env.get_template(route.template)
            text = template.render(route=route, item=route.item, indexes=indexes, routes=routes)
        except jinja2.TemplateNotFound as exc:
            name, line = _template_frame(exc, route.template)
            errors.append(error(name, line, None, "template_missing", value=exc.name))
            continue
        except jinja2.TemplateSyntaxError as exc:
            errors.append(error(f"layouts/{exc.name or route.template}", exc.lineno, None,
                                "template_syntax", problem=exc.message or ""))
            continue
        except jinja2.UndefinedError as exc:
            name, line = _template_frame(exc, route.template)
            errors.append(error(name, line, None, "template_undefined", problem=_undefined_name(exc.message or "")))
            continue
        files[route.output_path] = text.encode("utf-8")
    return files, errors


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
