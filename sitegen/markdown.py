"""The one configured Markdown converter, and the sanitizer after it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown as md
import nh3

from sitegen.models import BodyLink

EXTENSIONS = ["tables", "toc", "attr_list", "footnotes", "fenced_code", "sane_lists"]
# `#` in a body becomes <h2>: the page title is the only <h1>.
EXTENSION_CONFIGS = {"toc": {"baselevel": 2, "permalink": False}}

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}
ATTRIBUTES = {
    "*": {"id", "class", "title", "lang"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_ROOT_LINK = re.compile(r'(\s(?:href|src)=")/(?!/)')


class Converter:
    """Markdown to safe HTML; links written from the site root get the base path in front."""

    def __init__(self, base_path: str) -> None:
        self._md = md.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        self._base_path = base_path  # "/repo/"

    def convert(self, text: str, first_line: int) -> tuple[str, tuple[BodyLink, ...]]:
        """Sanitized HTML and the site-internal links it contains, with their lines."""
        self._md.reset()
        raw = self._md.convert(text)
        clean = nh3.clean(
            raw,
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel=None,
        )
        lines = text.split("\n")
        links = tuple(
            BodyLink(url, first_line + number)
            for url in sorted(set(_internal_links(clean)))
            for number in _lines_of(lines, url)
        )
        return _ROOT_LINK.sub(lambda m: m[1] + self._base_path, clean), links


class _LinkCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value and value.startswith("/") and not value.startswith("//"):
                self.urls.append(value)


def _internal_links(html: str) -> list[str]:
    collector = _LinkCollector()
    collector.feed(html)
    return collector.urls


def _lines_of(lines: list[str], url: str) -> list[int]:
    """0-based lines where `url` is written as a link: [text](url), [ref]: url, href="url"; else where it is."""
    quoted = re.escape(url)
    link = re.compile(rf"\]\(\s*<?{quoted}[\s)>]|^\s*\[[^\]]+\]:\s*<?{quoted}(\s|>|$)|(href|src)=[\"']{quoted}[\"']")
    found = [number for number, line in enumerate(lines) if link.search(line)]
    return found or [number for number, line in enumerate(lines) if url in line][:1] or [0]
