"""Every site-internal link an editor wrote must lead to a page or a static file."""

from __future__ import annotations

import re
from datetime import datetime

from sitegen.errors import SiteError, error
from sitegen.load.content import missing_file
from sitegen.models.items import CalendarEntry, Doc, Event, Site
from sitegen.plan.routes import Route

# An address written without https://: www.example.com, wa.me/62812..., sekolah.sch.id/ppdb
_DOMAIN = re.compile(r"(www\.|([a-z0-9-]+\.)+(com|id|org|net|me|co|io|info|gov|edu|ly|gl|link)(/|$))", re.I)


def _broken(site: Site, source: str, line: int | None, field_name: str | None, url: str) -> SiteError:
    """A link to no page; to a draft, it names the draft, since the editor can see that file."""
    draft = site.drafts.get(url.split("#")[0].split("?")[0])
    if draft:
        return error(source, line, field_name, "link_to_draft", value=url, draft=draft)
    return error(source, line, field_name, "link_broken", value=url)


def _relative(source: str, line: int, url: str) -> SiteError:
    """A link that is neither from the site's root nor a full address: it resolves against the page it is on."""
    if _DOMAIN.match(url):
        return error(source, line, None, "link_no_scheme", value=url, suggestion="https://" + url)
    if re.search(r"\.md(#|$)", url, re.I):
        return error(source, line, None, "link_to_source", value=url)
    return error(source, line, None, "link_relative", value=url, suggestion="/" + url.lstrip("./"))


def check_links(site: Site, routes: tuple[Route, ...]) -> list[SiteError]:
    """Broken links in Markdown bodies, calendar entries, the site menu and the task links."""
    targets = {r.path for r in routes} | {"/" + name for name in site.static_files} | set(site.unloaded)
    errors = []
    for doc in _docs(site):
        for link in doc.links:
            if not link.url.startswith("/"):
                errors.append(_relative(doc.source, link.line, link.url))
            elif not _resolves(link.url, targets):
                errors.append(_broken(site, doc.source, link.line, None, link.url))
    pages = {event.doc.path: event for event in site.events}
    for entry in site.calendar_entries:
        url = entry.meta.url
        if url and url.startswith("/") and not _resolves(url, targets):
            errors.append(_broken(site, entry.source, entry.url_line, f"entries.{entry.index}.url", url))
        elif url in pages:  # shown as that page: what the entry writes must not contradict it
            errors.extend(_disagreements(entry, pages[url]))
    lines = site.config_lines
    links: list[tuple[str, int, str]] = [("menu", i, m.url) for i, m in enumerate(site.config.menu)]
    links += [("tasks", i, task.url) for i, task in enumerate(site.config.tasks)]
    for setting, index, url in links:
        if url.startswith("/") and not _resolves(url, targets):
            errors.append(_broken(site, "site.yaml", lines.get((setting, index, "url")), f"{setting}.{index}.url", url))
    config = site.config
    for key, name in ((("og_image",), config.og_image), (("school", "logo"), config.school.logo)):
        if name and name not in site.static_files:
            errors.append(missing_file("site.yaml", lines.get(key), ".".join(key), name))
    return errors


MERGED_FIELDS = ("start", "end", "status", "previous_start", "mode", "online_url", "repeat", "until")


def _disagreements(entry: CalendarEntry, event: Event) -> list[SiteError]:
    """The first field an entry merged with an event page writes differently from the page, if any."""
    for name in MERGED_FIELDS:
        if name in entry.meta.model_fields_set and getattr(entry.meta, name) != getattr(event.meta, name):
            return [error(entry.source, entry.line, f"entries.{entry.index}.{name}", "calendar_entry_disagrees",
                          value=_shown(getattr(entry.meta, name)), page=_shown(getattr(event.meta, name)),
                          page_source=event.doc.source)]
    return []


def _shown(value: object) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return "-" if value is None else str(value)


def _docs(site: Site) -> list[Doc]:
    items: list[object] = [site.home, *site.events, *site.achievements, *site.announcements, *site.pages]
    return [item.doc for item in items if item is not None and hasattr(item, "doc")]


def _resolves(url: str, targets: set[str]) -> bool:
    path = url.split("#", 1)[0].split("?", 1)[0] or "/"
    if path.endswith("/index.html"):
        path = path[: -len("index.html")]
    return path in targets or (not path.endswith("/") and path + "/" in targets)
