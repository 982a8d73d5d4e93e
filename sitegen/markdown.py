"""The one configured Markdown converter, and the sanitizer after it."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown as md
import nh3

from sitegen.models import BodyLink

EXTENSIONS = ["tables", "toc", "attr_list", "footnotes", "fenced_code", "sane_lists"]
EXTENSION_CONFIGS = {"toc": {"permalink": False}}

TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div",
    "dl", "dt", "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
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
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_TABLE = re.compile(r"<table>.*?</table>", re.S)


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
        html = _ROOT_LINK.sub(lambda m: m[1] + self._base_path, _scrollable_tables(_top_heading_h2(clean)))
        return html, links


def _top_heading_h2(html: str) -> str:
    """The body's highest heading becomes <h2> (the page title is the one <h1>), the rest follow."""
    levels = [int(m[2]) for m in _HEADING.finditer(html) if not m[1]]
    if not levels:
        return html
    shift = 2 - min(levels)
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + shift, 6)}", html)


def _scrollable_tables(html: str) -> str:
    """A wide table scrolls inside a box that keyboard users can focus and scroll too."""
    return _TABLE.sub(lambda m: f'<div class="table-scroll" tabindex="0">{m[0]}</div>', html)


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
    mentions = [number for number, line in enumerate(lines) if url in line]
    return [number for number in mentions if link.search(lines[number])] or mentions[:1] or [0]
