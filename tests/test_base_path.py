"""A project site lives under /<repo>/: every internal link must carry that base path.

The example site is built with --base-url http://127.0.0.1:<port>/nama-repo/ and served there the way
GitHub Pages serves https://example.github.io/nama-repo/ (see sitehttp.py). Every page, stylesheet,
sitemap entry and feed link is followed; the 404 page is opened at a deep unknown address, where a
relative link would break. A custom domain gets a CNAME file from site.yaml's `cname`.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import deque
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from conftest import TinySite
from sitehttp import Answer, ServedSite, example_under_prefix, fetch

DEEP_UNKNOWN = "a/b/c/tidak-ada/"

# Attributes that hold one address, and those that hold a srcset list.
URL_ATTRIBUTES = {"href", "src", "action", "poster", "data", "cite", "formaction"}
SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
META_URL_PROPERTIES = {"og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


@pytest.fixture(scope="session")
def site_under_prefix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    return example_under_prefix(request, tmp_path_factory)


class PageLinks(HTMLParser):
    """Every address a page refers to, with the element it came from, and the ids it defines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []  # (address, '<a href>')
        self.ids: set[str] = set()
        self.styles: list[str] = []  # text of <style> blocks and style="" attributes
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in values.items():
            if name in URL_ATTRIBUTES and value.strip():
                self.links.append((value.strip(), f"<{tag} {name}>"))
            elif name in SRCSET_ATTRIBUTES:
                for candidate in value.split(","):
                    if candidate.strip():
                        self.links.append((candidate.split()[0], f"<{tag} {name}>"))
            elif name in ("id", "name") and tag != "meta":
                self.ids.add(value)
            elif name == "style":
                self.styles.append(value)
        if tag == "meta" and values.get("property", values.get("name", "")) in META_URL_PROPERTIES:
            self.links.append((values.get("content", ""), f"<meta {values.get('property') or values.get('name')}>"))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def parse_page(html: bytes) -> PageLinks:
    parser = PageLinks()
    parser.feed(html.decode("utf-8"))
    parser.close()
    for css in parser.styles:
        parser.links += [(address, "inline CSS url()") for address in css_urls(css)]
    return parser


def css_urls(css: str) -> list[str]:
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(css) if not (m.group(2) or "").startswith("data:")]


class Crawl:
    """Fetches each internal address once and remembers what is wrong, by the page that links to it."""

    def __init__(self, site: ServedSite) -> None:
        self.site = site
        self.answers: dict[str, Answer] = {}
        self.pages: dict[str, PageLinks] = {}
        self.problems: list[str] = []

    def get(self, url: str) -> Answer:
        if url not in self.answers:
            self.answers[url] = fetch(url)
        return self.answers[url]

    def internal(self, base: str, address: str) -> str | None:
        """The absolute address if it points into this site's origin, else None."""
        if address.startswith(("mailto:", "tel:", "sms:", "data:", "javascript:", "blob:")):
            return None
        if address.startswith("webcal://"):  # calendar subscriptions: the same file over http(s)
            address = "http://" + address.removeprefix("webcal://")
        absolute = urljoin(base, address)
        parts = urlsplit(absolute)
        if f"{parts.scheme}://{parts.netloc}" != self.site.origin:
            return None
        return absolute

    def check(self, source: str, base: str, links: Iterable[tuple[str, str]], follow: deque[str],
              ids: set[str] | None = None) -> None:
        """Each internal link of `source` (at `base`, with `ids`) must answer 200 and its #fragment exist."""
        for address, where in links:
            url = self.internal(base, address)
            if url is None:
                continue
            target, fragment = urldefrag(url)
            if target == urldefrag(base)[0] and ids is not None:  # "#isi": on this page
                if fragment and fragment != "top" and fragment not in ids:
                    self.problems.append(f"{source}: {where} {address!r}: no element with id '{fragment}'")
                continue
            if not urlsplit(target).path.startswith(self.site.prefix):
                self.problems.append(f"{source}: {where} {address!r} leaves the base path {self.site.prefix}")
                continue
            answer = self.get(target)
            if answer.status != 200:
                more = f" -> {answer.location}" if answer.location else ""
                self.problems.append(f"{source}: {where} {address!r} answers {answer.status}{more}")
                continue
            if answer.content_type.startswith("text/html"):
                follow.append(target)
                if fragment and fragment != "top" and fragment not in self.page(target).ids:
                    self.problems.append(f"{source}: {where} {address!r}: no element with id '{fragment}'")
            elif answer.content_type.startswith("text/css"):
                follow.append(target)

    def page(self, url: str) -> PageLinks:
        if url not in self.pages:
            self.pages[url] = parse_page(self.get(url).body)
        return self.pages[url]

    def run(self, start: Iterable[str]) -> None:
        """Breadth-first over every page and stylesheet reachable from `start`."""
        queue = deque(start)
        seen: set[str] = set()
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            answer = self.get(url)
            name = url.removeprefix(self.site.origin)
            if answer.status != 200:
                self.problems.append(f"{name}: answers {answer.status}")
            elif answer.content_type.startswith("text/css"):
                links = [(address, "CSS url()") for address in css_urls(answer.body.decode("utf-8"))]
                self.check(name, url, links, queue)
            elif answer.content_type.startswith("text/html"):
                page = self.page(url)
                self.check(name, url, page.links, queue, page.ids)


def test_every_internal_link_works_under_the_base_path(site_under_prefix: ServedSite) -> None:
    site = site_under_prefix
    crawl = Crawl(site)
    pages = [site.url(page) for page in site.pages() if page != "404.html"]
    crawl.run([site.url(""), *pages])
    assert len(crawl.pages) >= len(pages), "the crawl did not reach every page of the build"
    assert not crawl.problems, "broken internal links:\n" + "\n".join(sorted(set(crawl.problems)))


def test_sitemap_robots_and_feeds_point_into_the_site(site_under_prefix: ServedSite) -> None:
    site = site_under_prefix
    crawl = Crawl(site)
    queue: deque[str] = deque()
    sitemap = fetch(site.url("sitemap.xml"))
    assert sitemap.status == 200
    locations = [el.text or "" for el in ET.fromstring(sitemap.body).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert locations, "sitemap.xml lists no page"
    for loc in locations:
        assert loc.startswith(site.base_url), f"sitemap.xml: {loc} is not under {site.base_url}"
    crawl.check("sitemap.xml", site.url("sitemap.xml"), [(loc, "<loc>") for loc in locations], queue)

    robots = fetch(site.url("robots.txt"))
    assert robots.status == 200
    sitemap_lines = [line.split(":", 1)[1].strip() for line in robots.body.decode().splitlines()
                     if line.lower().startswith("sitemap:")]
    assert sitemap_lines == [site.url("sitemap.xml")], "robots.txt must name the sitemap under the base URL"

    for feed in sorted(site.root.rglob("*.xml")):
        rel = feed.relative_to(site.root).as_posix()
        if rel == "sitemap.xml" or rel.startswith("pagefind/"):
            continue
        root = ET.fromstring(feed.read_bytes())
        links = [(el.get("href", ""), "<link href>") for el in root.iter("{http://www.w3.org/2005/Atom}link")]
        links += [(el.text or "", f"<{el.tag.split('}')[1]}>") for el in root.iter()
                  if el.tag in ("{http://www.w3.org/2005/Atom}icon", "{http://www.w3.org/2005/Atom}logo")]
        crawl.check(rel, site.url(rel), links, queue)
    for calendar in sorted(site.root.rglob("*.ics")):
        rel = calendar.relative_to(site.root).as_posix()
        text = re.sub(r"\r?\n[ \t]", "", calendar.read_text(encoding="utf-8"))  # unfold lines
        urls = [line.split(":", 1)[1] for line in text.splitlines() if re.match(r"(URL|ATTACH)[;:]", line)]
        crawl.check(rel, site.url(rel), [(url, "URL") for url in urls], queue)
    problems = "\n".join(sorted(set(crawl.problems)))
    assert not crawl.problems, f"broken links in sitemap, robots.txt or feeds:\n{problems}"


def test_404_page_at_a_deep_unknown_address(site_under_prefix: ServedSite) -> None:
    site = site_under_prefix
    deep = site.url(DEEP_UNKNOWN)
    answer = fetch(deep)
    assert answer.status == 404
    assert answer.body == (site.root / "404.html").read_bytes(), "the unknown address must get the site's 404.html"
    crawl = Crawl(site)
    page = parse_page(answer.body)
    assert page.links, "404.html links nowhere"
    crawl.check(f"404.html at /{site.prefix.strip('/')}/{DEEP_UNKNOWN}", deep, page.links, deque(), page.ids)
    assert not crawl.problems, "links of the 404 page broken at a deep address:\n" + "\n".join(crawl.problems)


@pytest.mark.browser
def test_404_page_in_chromium_loads_everything_at_a_deep_address(
    browser_context: Any, site_under_prefix: ServedSite
) -> None:
    """The page a visitor sees: its stylesheets and images load, and each link works."""
    site = site_under_prefix
    failed: list[str] = []
    page = browser_context.new_page()
    try:
        page.on("requestfailed", lambda request: failed.append(f"{request.url} ({request.failure})"))
        page.on("response", lambda r: failed.append(f"{r.url} ({r.status})")
                if r.status >= 400 and r.url != site.url(DEEP_UNKNOWN) else None)
        response = page.goto(site.url(DEEP_UNKNOWN), wait_until="load")
        assert response is not None and response.status == 404
        assert page.title() and page.locator("h1").count() == 1
        sheets = page.evaluate(
            "[...document.styleSheets].map(s => { try { return s.cssRules.length } catch { return -1 } })")
        hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map(a => a.href)")
        ids = page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)")
    finally:
        page.close()
    assert sheets and all(count > 0 for count in sheets), f"a stylesheet did not load: {sheets}"
    assert not failed, "requests of the 404 page failed:\n" + "\n".join(failed)
    crawl = Crawl(site)
    crawl.check("404.html in Chromium", site.url(DEEP_UNKNOWN), [(h, "<a href>") for h in hrefs], deque(), set(ids))
    assert not crawl.problems, "\n".join(crawl.problems)


# --- custom domain ------------------------------------------------------------------------

CUSTOM_DOMAIN = "www.sekolah-contoh.sch.id"


def _custom_domain_site(tiny: TinySite, cname: str | None) -> Path:
    text = tiny.root.joinpath("site.yaml").read_text(encoding="utf-8")
    text = text.replace("base_url: https://example.github.io/nama-repo/", f"base_url: https://{CUSTOM_DOMAIN}/")
    if cname:
        text += f"cname: {cname}\n"
    tiny.write("site.yaml", text)
    return tiny.build().output


def test_custom_domain_gets_a_cname_file(tiny: TinySite) -> None:
    output = _custom_domain_site(tiny, CUSTOM_DOMAIN)
    assert (output / "CNAME").read_text(encoding="utf-8").strip() == CUSTOM_DOMAIN
    assert (output / "CNAME").read_text(encoding="utf-8").count("\n") <= 1, "CNAME holds one line: the domain"
    home = (output / "index.html").read_text(encoding="utf-8")
    assert 'href="/agenda/"' in home, "on a custom domain the site is at the root: links start with '/'"


def test_no_cname_file_without_the_setting(tiny: TinySite) -> None:
    output = _custom_domain_site(tiny, None)
    assert not (output / "CNAME").exists()


def test_a_custom_domain_the_site_is_not_built_for_is_a_warning(tiny: TinySite) -> None:
    tiny.write("site.yaml", tiny.root.joinpath("site.yaml").read_text(encoding="utf-8") + f"cname: {CUSTOM_DOMAIN}\n")
    lines = tiny.root.joinpath("site.yaml").read_text(encoding="utf-8").count("\n")
    assert [w.format("id", warning=True) for w in tiny.build().warnings] == [
        f"site.yaml:{lines}: peringatan: kolom 'cname': domain '{CUSTOM_DOMAIN}' berbeda dari alamat situs "
        "https://example.github.io/nama-repo/: di domain itu tautan, gaya dan gambar situs tidak akan ditemukan.\n"
        f"  Petunjuk: Tulis base_url: https://{CUSTOM_DOMAIN}/ (dan atur domain yang sama di Settings > Pages "
        "repositori), atau hapus baris cname."
    ]
    _custom_domain_site(tiny, None)  # base_url on the domain itself, the cname line kept: nothing to say
    assert f"cname: {CUSTOM_DOMAIN}" in tiny.root.joinpath("site.yaml").read_text(encoding="utf-8")
    assert not tiny.build().warnings


def test_the_local_preview_of_a_custom_domain_site_has_no_cname_warning(tiny: TinySite) -> None:
    text = tiny.root.joinpath("site.yaml").read_text(encoding="utf-8")
    tiny.write("site.yaml", text.replace("https://example.github.io/nama-repo/", f"https://{CUSTOM_DOMAIN}/")
               + f"cname: {CUSTOM_DOMAIN}\n")
    assert not tiny.build(base_url="http://127.0.0.1:8000/", write=False).warnings
