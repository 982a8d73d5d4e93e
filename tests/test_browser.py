"""The built example site in a real browser: Debian's Chromium through Playwright, on a phone-sized screen.

The example site is built with `--base-url http://127.0.0.1:<port>/nama-repo/` and served under that path
prefix, as GitHub Pages serves a project site (a missing page gets 404.html with status 404): once per
session, shared with the other browser and quality modules (sitehttp.example_under_prefix).
Without /usr/bin/chromium these tests are skipped (CI installs it and fails on any skip); a browser
is never downloaded.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml
from conftest import REPO
from sitehttp import ServedSite, example_under_prefix, shared_context

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}

# (name, path under the prefix, text the page must show)
PAGES = [
    ("home", "", "Agenda terdekat"),
    ("agenda", "agenda/", "Pentas Seni Secara Daring"),
    ("event", "agenda/pentas-seni-2026/", "Pentas Seni Secara Daring"),
    ("parent-page", "informasi/profil/sejarah/", "Sejarah"),
    ("parent-folder", "informasi/profil/", "Profil Sekolah"),
    ("search", "cari/", "Cari di situs"),
]

def words() -> dict[str, str]:
    return yaml.safe_load((REPO / "layouts" / "i18n" / "id.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def site_under_prefix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    return example_under_prefix(request, tmp_path_factory)


@pytest.fixture(scope="session")
def site_url(site_under_prefix: ServedSite) -> str:
    """The example site, built for http://127.0.0.1:<port>/nama-repo/ and served there (shared with other modules)."""
    return site_under_prefix.base_url


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


@pytest.fixture(scope="module")
def phone_context(browser: Any) -> Iterator[Any]:
    """A phone (JavaScript on) for the module: each test opens a page of its own in it."""
    with shared_context(browser, viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True) as context:
        yield context


@pytest.fixture(scope="module")
def phone_without_js_context(browser: Any) -> Iterator[Any]:
    with shared_context(browser, viewport=PHONE, java_script_enabled=False) as context:
        yield context


def watched_page(context: Any, site_url: str) -> Iterator[Watched]:
    """A fresh page of `context`, watched for errors, closed when the test ends."""
    page = context.new_page()
    try:
        yield watch(page, origin_of(site_url))
    finally:
        page.close()


@pytest.fixture
def phone(phone_context: Any, site_url: str) -> Iterator[Watched]:
    """A fresh phone-sized page with JavaScript on, watched for errors."""
    yield from watched_page(phone_context, site_url)


@pytest.fixture
def phone_without_js(phone_without_js_context: Any, site_url: str) -> Iterator[Watched]:
    """The same with JavaScript off."""
    yield from watched_page(phone_without_js_context, site_url)


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
