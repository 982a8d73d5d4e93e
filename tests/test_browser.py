"""The built example site in a real browser: Debian's Chromium through Playwright, on a phone-sized screen.

The site is built with `--base-url http://127.0.0.1:<port>/nama-repo/` and served under that path
prefix, as GitHub Pages serves a project site (a missing page gets 404.html with status 404).
Without /usr/bin/chromium these tests are skipped (CI installs it and fails on any skip); a browser
is never downloaded.
"""

from __future__ import annotations

import mimetypes
import os
import posixpath
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, copy_example

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PREFIX = "/nama-repo/"
PHONE = {"width": 360, "height": 740}
TODAY = "2026-11-24"

# (name, path under the prefix, text the page must show)
PAGES = [
    ("home", "", "Agenda terdekat"),
    ("agenda", "agenda/", "Pentas Seni Secara Daring"),
    ("event", "agenda/pentas-seni-2026/", "Pentas Seni Secara Daring"),
    ("parent-page", "informasi/profil/sejarah/", "Sejarah"),
    ("parent-folder", "informasi/profil/", "Profil Sekolah"),
    ("search", "cari/", "Cari di situs"),
]

TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
         ".ics": "text/calendar; charset=utf-8", ".xml": "application/xml", ".html": "text/html; charset=utf-8",
         ".json": "application/json", ".txt": "text/plain; charset=utf-8"}


def words() -> dict[str, str]:
    return yaml.safe_load((REPO / "layouts" / "i18n" / "id.yaml").read_text(encoding="utf-8"))


class PagesHandler(BaseHTTPRequestHandler):
    """Serves `site` under PREFIX like GitHub Pages: folders need their slash, unknown paths get 404.html."""

    site: Path

    def do_GET(self) -> None:
        self.respond(body=True)

    def do_HEAD(self) -> None:
        self.respond(body=False)

    def respond(self, body: bool) -> None:
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if path == PREFIX.rstrip("/"):
            return self.redirect(PREFIX)
        if not path.startswith(PREFIX):
            return self.not_found(body)
        relative = posixpath.normpath(path[len(PREFIX):]).lstrip("/")
        if relative == ".":
            relative = ""
        if relative.startswith(".."):
            return self.not_found(body)
        target = self.site / relative
        if target.is_dir():
            if not path.endswith("/"):
                return self.redirect(path + "/")
            target = target / "index.html"
        if not target.is_file():
            return self.not_found(body)
        self.send_file(200, target, body)

    def redirect(self, location: str) -> None:
        self.send_response(301)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def not_found(self, body: bool) -> None:
        self.send_file(404, self.site / "404.html", body)

    def send_file(self, status: int, target: Path, body: bool) -> None:
        data = target.read_bytes()
        kind = TYPES.get(target.suffix) or mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if body:
            self.wfile.write(data)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet


@pytest.fixture(scope="session")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site, built for http://127.0.0.1:<port>/nama-repo/ and served there."""
    root = tmp_path_factory.mktemp("browser") / "example"
    copy_example(root)

    handler = type("Handler", (PagesHandler,), {"site": root / "_site"})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    env = {k: v for k, v in os.environ.items() if k != "SITE_BASE_URL"}
    built = subprocess.run([sys.executable, str(REPO / "build.py"), "build", "--root", str(root),
                            "--today", TODAY, "--base-url", base],
                           capture_output=True, text=True, env=env, timeout=300, check=False)
    if built.returncode != 0:
        server.server_close()
        pytest.fail(f"the example site did not build:\n{built.stdout}\n{built.stderr}")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")  # one Playwright per thread at a time: closed before the next module
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: apt-get install chromium (CI fails on this skip)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@dataclass
class Watched:
    """A page with everything that went wrong while it loaded."""

    page: Any
    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)  # same-origin requests that failed or got >= 400

    def problems(self, allow: tuple[str, ...] = ()) -> list[str]:
        failed = [f for f in self.failed if not any(a in f for a in allow)]
        console = [c for c in self.console_errors if not (allow and "status of 404" in c)]
        return ([f"console error: {c}" for c in console] + [f"page error: {e}" for e in self.page_errors]
                + [f"request: {f}" for f in failed])


def watch(page: Any, origin: str) -> Watched:
    watched = Watched(page, origin)
    page.on("console", lambda msg: watched.console_errors.append(f"{msg.text} ({msg.location})")
            if msg.type == "error" else None)
    page.on("pageerror", lambda exc: watched.page_errors.append(str(exc)))
    page.on("requestfailed", lambda req: watched.failed.append(f"{req.url}: {req.failure}")
            if req.url.startswith(origin) else None)
    page.on("response", lambda res: watched.failed.append(f"{res.url}: HTTP {res.status}")
            if res.url.startswith(origin) and res.status >= 400 else None)
    return watched


def origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}/"


@pytest.fixture
def phone(browser: Any, site_url: str) -> Iterator[Watched]:
    """A fresh phone-sized page with JavaScript on, watched for errors."""
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        yield watch(context.new_page(), origin_of(site_url))
    finally:
        context.close()


@pytest.fixture
def phone_without_js(browser: Any, site_url: str) -> Iterator[Watched]:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        yield watch(context.new_page(), origin_of(site_url))
    finally:
        context.close()


@pytest.mark.parametrize(("name", "path", "text"), PAGES, ids=[p[0] for p in PAGES])
def test_page_loads_cleanly_on_a_phone(phone: Watched, site_url: str, name: str, path: str, text: str) -> None:
    page = phone.page
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200, name
    page.wait_for_load_state("networkidle")
    assert text in page.locator("main").inner_text()
    assert phone.problems() == [], name
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"{name}: the page scrolls sideways ({scroll_width} px wide)"


def test_menu_link_is_big_enough_and_leads_to_the_agenda(phone: Watched, site_url: str) -> None:
    page = phone.page
    page.goto(site_url, wait_until="load")
    menu = page.get_by_role("navigation", name=words()["main_menu"])
    link = menu.get_by_role("link", name="Agenda", exact=True)
    assert link.is_visible()
    box = link.bounding_box()
    assert box is not None and box["height"] >= 44, box
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], box

    link.click()
    page.wait_for_url(site_url + "agenda/")
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").first.inner_text().strip() != ""
    assert "Pentas Seni Secara Daring" in page.locator("main").inner_text()
    assert page.get_by_role("navigation", name=words()["main_menu"]).get_by_role(
        "link", name="Agenda", exact=True).get_attribute("aria-current") == "page"
    assert phone.problems() == []


def test_every_menu_link_is_a_touch_target(phone: Watched, site_url: str) -> None:
    page = phone.page
    page.goto(site_url, wait_until="load")
    links = page.get_by_role("navigation", name=words()["main_menu"]).get_by_role("link")
    assert links.count() >= 2
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box is not None and box["height"] >= 44, (links.nth(index).inner_text(), box)


@pytest.mark.parametrize(("name", "path", "text"), PAGES, ids=[p[0] for p in PAGES])
def test_content_shows_without_javascript(
    phone_without_js: Watched, site_url: str, name: str, path: str, text: str
) -> None:
    page = phone_without_js.page
    response = page.goto(site_url + path, wait_until="load")
    assert response is not None and response.status == 200
    heading = page.locator("main h1").first
    assert heading.is_visible() and heading.inner_text().strip()
    main = page.locator("main")
    assert main.is_visible()
    assert text in main.inner_text()
    assert page.get_by_role("navigation", name=words()["main_menu"]).get_by_role(
        "link", name="Agenda", exact=True).is_visible()
    assert phone_without_js.problems() == [], name


def test_agenda_lists_events_without_javascript(phone_without_js: Watched, site_url: str) -> None:
    page = phone_without_js.page
    page.goto(site_url + "agenda/", wait_until="load")
    items = page.locator("main .agenda-item")
    assert items.count() >= 3
    assert items.first.is_visible()


def test_missing_page_gets_the_404_page(phone: Watched, site_url: str) -> None:
    page = phone.page
    response = page.goto(site_url + "tidak-ada/", wait_until="load")
    assert response is not None and response.status == 404
    assert words()["not_found_title"] in page.locator("h1").first.inner_text()
    page.wait_for_load_state("networkidle")
    # the 404 page itself must load its styles and links from the right place
    assert phone.problems(allow=("/tidak-ada/",)) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
