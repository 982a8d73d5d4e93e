"""The one configured Markdown converter, and the sanitizer after it."""

from __future__ import annotations

import contextlib
import html as htmllib
import json
import re
import signal
import threading
from collections.abc import Iterator, Sequence
from importlib.metadata import version

import markdown as md
import nh3

from sitegen.cache import BuildCache, fingerprint, source_of
from sitegen.errors import SiteError, error
from sitegen.models.bodies import Bodies, Body
from sitegen.models.items import BodyLink
from sitegen.parallel import forked_results, worker_count
from sitegen.sources import CONTROL

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
# nh3 writes every attribute value in double quotes with '"' escaped, and '<' in text as '&lt;': every '<'
# starts a tag, and in a tag every href or src value is one quoted string.
_TAG = re.compile(r"<[a-zA-Z][^\s/>]*((?:\s+[^\s\"'>/=]+(?:=\"[^\"]*\")?)*)\s*/?>")
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # https:, mailto:, tel:, whatsapp:
_LINK_ATTRIBUTE = re.compile(r'\s(?:href|src)="([^"]*)"')
PARALLEL_FROM = 200  # bodies to convert before a pool of processes pays for its start
CACHE_KIND = "markdown"

# Limits that keep every file's conversion short (measured in docs/security.md): Python-Markdown
# recurses once per nesting level, and its link parser takes time growing with the square of the
# '[' marks in a paragraph (10,000 of them: 27 s; 200: under 0.02 s).
MAX_LINE = 10_000  # characters in one line
MAX_DEPTH = 20  # levels of lists and quotes: indentation (4 columns a level) and '-', '*', '+', '1.', '>' marks
MAX_BRACKETS_PARAGRAPH = 200  # '[' marks in one paragraph
MAX_BRACKETS_FILE = 2_000  # '[' marks in one file
MAX_TAGS_FILE = 5_000  # '<' marks in one file: unclosed HTML blocks cost time growing with their square
MAX_SECONDS = 10.0  # converting one file; what the counts above do not foresee stops here
_NESTING_MARK = re.compile(r"(?:[-+*]|\d{1,9}[.)])[ \t]+|>[ \t]*")


class Converter:
    """Markdown to safe HTML; links written from the site root get the base path in front."""

    def __init__(self, base_path: str, cache: BuildCache | None = None, bodies: Bodies | None = None) -> None:
        self._md = md.Markdown(extensions=EXTENSIONS, extension_configs=EXTENSION_CONFIGS)
        self._base_path = base_path  # "/repo/"
        self._cache = cache or BuildCache(None)
        self._bodies = bodies or Bodies(self._cache.folder)  # where the HTML is kept until pages show it
        # What the HTML depends on besides the text: this module's code, the libraries, the base path.
        self._settings = fingerprint(source_of(__file__), version("markdown"), version("nh3"), base_path)
        self._converted: set[str] = set()  # keys of the bodies prefetch() found in the cache or converted

    def converted(self, text: str) -> bool:
        """Whether prefetch() found this body converted: only a body within the limits (limit_problems) is, and
        this module's code, limits included, is part of the key."""
        return self._key(text) in self._converted

    def convert(self, text: str, first_line: int) -> tuple[Body, tuple[BodyLink, ...]]:
        """Sanitized HTML and the site-internal links it contains, with their lines."""
        key = self._key(text)
        stored = self._cache.kept(CACHE_KIND, key, lambda: _converted(self._md, self._base_path, text))
        html, links = json.loads(stored)
        return self._bodies.add(key, html), tuple(BodyLink(url, first_line + offset) for url, offset in links)

    def prefetch(self, texts: Sequence[str]) -> None:
        """Convert many bodies at once, in parallel processes when there are enough; convert() then finds them.

        Bodies over a limit are left to convert(), whose caller reports them.
        """
        keys = {self._key(text): text for text in texts}
        self._converted = {key for key in keys if self._cache.has(CACHE_KIND, key)}
        missing = sorted(key for key in keys if key not in self._converted and not limit_problems(keys[key], 1, ""))
        workers = worker_count(len(missing), PARALLEL_FROM)
        if workers < 2:
            return  # convert() does them one by one, as fast as a pool would
        texts = [keys[key] for key in missing]
        # Each forked process converts with its own copy of this converter.
        results = forked_results(lambda i: self._try(texts[i]), len(texts), workers)  # kept by the cache, not here
        for key, stored in zip(missing, results, strict=True):
            if stored is not None:
                self._cache.put(CACHE_KIND, key, stored)
                self._converted.add(key)

    def _try(self, text: str) -> str | None:
        """The stored form of one body, or None when it fails (convert() reports why)."""
        try:
            with time_limit(MAX_SECONDS):
                return _converted(self._md, self._base_path, text)
        except (RecursionError, TooSlow):
            return None

    def _key(self, text: str) -> str:
        return fingerprint(self._settings, text)


def _converted(converter: md.Markdown, base_path: str, text: str) -> str:
    """The HTML and the internal links with their 0-based lines in `text`, as the cache stores them."""
    converter.reset()
    raw = converter.convert(text)
    clean = nh3.clean(
        raw,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
    )
    clean = CONTROL.sub("", clean)  # from a reference such as &#11;: invisible, and invalid in XML
    lines = text.split("\n")
    links = [[url, number] for url in sorted(set(_internal_links(clean))) for number in _lines_of(lines, url)]
    html = _ROOT_LINK.sub(lambda m: m[1] + base_path, _scrollable_tables(_top_heading_h2(clean)))
    return json.dumps([html, links], ensure_ascii=False)


def limit_problems(text: str, first_line: int, source: str) -> list[SiteError]:
    """The first line over each limit of a Markdown body; converting it could take the build down."""
    problems: list[SiteError] = []
    lines = text.split("\n")
    long = next((n for n, line in enumerate(lines) if len(line) > MAX_LINE), None)
    if long is not None:  # the one problem to fix first: the other counts would only repeat it
        return [error(source, first_line + long, None, "markdown_line_too_long", length=len(lines[long]),
                      limit=MAX_LINE)]
    for number, line in enumerate(lines):
        depth = nesting_depth(line)
        if depth > MAX_DEPTH:
            problems.append(error(source, first_line + number, None, "markdown_too_deep", depth=depth,
                                  limit=MAX_DEPTH))
            break
    paragraph_start, count = 0, 0
    for number, line in enumerate([*lines, ""]):
        if not line.strip():
            if count > MAX_BRACKETS_PARAGRAPH:
                problems.append(error(source, first_line + paragraph_start, None, "markdown_too_many_brackets",
                                      count=count, limit=MAX_BRACKETS_PARAGRAPH))
                break
            paragraph_start, count = number + 1, 0
        else:
            count += line.count("[")
    for mark, limit in (("[", MAX_BRACKETS_FILE), ("<", MAX_TAGS_FILE)):
        total = text.count(mark)
        if total > limit and not any(p.code == "markdown_too_many_brackets" for p in problems):
            problems.append(error(source, first_line, None, "markdown_too_many_marks", count=total, mark=mark,
                                  limit=limit))
    return problems


class TooSlow(Exception):
    """Converting one file took longer than MAX_SECONDS."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow inside the block after `seconds`; a timer exists only in the main thread (build, serve)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum: int, frame: object) -> None:
        raise TooSlow

    previous = signal.signal(signal.SIGALRM, stop)
    # It fires again every 50 ms: an exception raised while Python runs a garbage-collection callback is
    # dropped ("Exception ignored in ..."), and the next tick must still stop the conversion.
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def nesting_depth(line: str) -> int:
    """How deep a line nests lists and quotes: 4 columns of indentation or one mark per level."""
    stripped = line.expandtabs(4)
    position = len(stripped) - len(stripped.lstrip(" "))
    depth = position // 4
    while found := _NESTING_MARK.match(stripped, position):
        depth += 1 + (len(found[0]) - 2) // 4
        position = found.end()
    return depth


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


def _internal_links(html: str) -> list[str]:
    """The href and src values of sanitized HTML that start with one '/', or with no '/', '#' or scheme at all.

    The latter (www.example.com, kontak/, ../pages/kontak.md) lead nowhere on the published site: the link checker
    refuses them.
    """
    urls = [htmllib.unescape(value) for tag in _TAG.finditer(html) for value in _LINK_ATTRIBUTE.findall(tag[1])]
    return [url for url in urls if (url.startswith("/") and not url.startswith("//"))
            or (url and not url.startswith(("#", "/")) and not _SCHEME.match(url))]


def _lines_of(lines: list[str], url: str) -> list[int]:
    """0-based lines where `url` is written as a link: [text](url), [ref]: url, href="url"; else where it is."""
    quoted = re.escape(url)
    link = re.compile(rf"\]\(\s*<?{quoted}[\s)>]|^\s*\[[^\]]+\]:\s*<?{quoted}(\s|>|$)|(href|src)=[\"']{quoted}[\"']")
    mentions = [number for number, line in enumerate(lines) if url in line]
    return [number for number in mentions if link.search(lines[number])] or mentions[:1] or [0]
