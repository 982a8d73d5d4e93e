"""What parents do on a phone, in Chromium: search in their own words, tap to what they came for, see colours.

The example site is built and served under /nama-repo/ like GitHub Pages (see sitehttp). A second,
tiny site with students' names is built for the initials test.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import EXAMPLE, TINY_SITE_YAML, copy_generator
from sitehttp import PREFIX, ServedSite, example_under_prefix, free_socket, serve, shared_context

from sitegen.models import urls
from sitegen.models.urls import Urls

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="session")
def site_under_prefix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    return example_under_prefix(request, tmp_path_factory)


def search(context: Any, site: ServedSite, words: str) -> list[str]:
    """The site paths the search page lists for `words`, best first (a page of its own in `context`)."""
    page = context.new_page()
    try:
        page.goto(site.url(f"cari/?q={words}"))
        status = page.locator("#search-status")
        for _ in range(300):  # 30 s on a busy machine; wait_for_function would need eval, which CSP forbids
            text = status.inner_text().strip()
            if text and not text.endswith("…"):
                break
            page.wait_for_timeout(100)
        else:
            raise AssertionError(f"the search for {words!r} did not finish")
        links = [a.get_attribute("href") for a in page.query_selector_all("#search-results li a")]
        return [urlsplit(link).path.removeprefix(site.prefix.rstrip("/")) for link in links]
    finally:
        page.close()


# --- search in parents' words -----------------------------------------------------------------------------


@pytest.mark.parametrize(("words", "first"), [
    # The academic calendar lists every Penilaian (PTS, PAS); the FAQ's answer on the year's dates (penilaian
    # among them) points to it. They answer "when are the exams", in any order.
    ("ujian", {"/kalender/", "/informasi/faq/", "/"}),  # and the home page, whose next event is the PAS
    ("ppdb", {"/informasi/layanan/spmb/"}),
    ("libur", {"/kalender/"}),  # the holidays are entries of the academic calendar
    ("seragam", {"/informasi/layanan/seragam/"}),
])
def test_words_parents_type_find_the_page_they_mean_first(browser_context: Any, site_under_prefix: ServedSite,
                                                          words: str, first: set[str]) -> None:
    found = search(browser_context, site_under_prefix, words)
    assert set(found[:len(first)]) == first, found


@pytest.fixture(scope="module")
def names_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """A tiny site: one achievement names Ahmad Fauzi in full (consent), others show only initials; its search
    index is cut into bundles of two or three pages, as a large site's is into bundles of hundreds."""
    from datetime import date

    from sitegen.pipeline import Options, build_site

    root = tmp_path_factory.mktemp("names")
    copy_generator(root)
    sock = free_socket()
    host, port = sock.getsockname()[:2]
    files = {
        "site.yaml": TINY_SITE_YAML.replace("https://example.github.io/nama-repo/", f"http://{host}:{port}{PREFIX}"),
        "content/achievements/olimpiade.md": (
            "---\ntitle: Juara Olimpiade Matematika\ndate: 2026-09-01\nlevel: city\nfield: academic\n"
            "students: [Ahmad Fauzi]\nconsent: true\n---\nSelamat.\n"),
        "content/achievements/pidato.md": (
            "---\ntitle: Juara Lomba Pidato\ndate: 2026-08-01\nlevel: city\nfield: non-academic\n"
            "students: [Ahmad Fauzi, Siti Aminah]\n---\nSelamat.\n"),
        "content/achievements/tari.md": (
            "---\ntitle: Juara Lomba Tari\ndate: 2026-07-01\nlevel: city\nfield: non-academic\n"
            "students: [Budi Santoso]\n---\nSelamat.\n"),
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("sitegen.models.urls.SEARCH_BUNDLE_PAGES", 2)  # 5 pages, 3 shares, one empty: 2 bundles
        build_site(root, Options(today=date(2026, 11, 24)))
    with serve(root / "_site", sock) as running:
        yield running


def test_a_name_finds_only_pages_that_show_the_name_not_its_initials(
    browser_context: Any, names_site: ServedSite, monkeypatch: pytest.MonkeyPatch
) -> None:
    pidato = (names_site.root / "prestasi/pidato/index.html").read_text(encoding="utf-8")
    assert "A. F., S. A." in pidato and "Ahmad" not in pidato  # the page shows initials only
    assert search(browser_context, names_site, "Ahmad") == ["/prestasi/olimpiade/"]
    assert search(browser_context, names_site, "Budi") == []  # shown nowhere but as "B. S."
    assert search(browser_context, names_site, "Siti") == []
    bundles = sorted(f"{PREFIX}{path.parent.relative_to(names_site.root).as_posix()}/"
                     for path in names_site.root.glob("pagefind/**/pagefind-entry.json"))
    search_page = (names_site.root / "cari/index.html").read_text(encoding="utf-8")
    assert f' data-merge="{" ".join(bundles[1:])}"' in search_page and len(bundles) == 2
    searched = ["index.html", "kalender/index.html", "prestasi/olimpiade/index.html", "prestasi/pidato/index.html",
                "prestasi/tari/index.html"]  # the home page, the calendar, the three achievements
    monkeypatch.setattr(urls, "SEARCH_BUNDLE_PAGES", 2)
    assert "prestasi/olimpiade/index.html" in Urls.search_bundles(searched)["/pagefind/2/"]  # found by merging


def test_a_search_whose_index_does_not_load_says_so(browser_context: Any, names_site: ServedSite,
                                                   tmp_path: Path) -> None:
    from playwright.sync_api import expect

    half = Path(shutil.copytree(names_site.root, tmp_path / "situs"))
    shutil.rmtree(half / "pagefind/2")  # a bundle the search page merges, missing (a half-published site)
    with serve(half, free_socket()) as site:
        page = browser_context.new_page()
        try:
            page.goto(site.url("cari/?q=Juara"))
            expect(page.locator("#search-status")).to_have_text(
                "Pencarian tidak dapat dimuat. Periksa sambungan internet, lalu muat ulang halaman ini.")
        finally:
            page.close()


# --- tapping to what parents came for -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def touch_phone(browser: Any) -> Iterator[Any]:
    """A phone with a touch screen, for the module: each test opens a page of its own in it."""
    with shared_context(browser, viewport=PHONE, has_touch=True, is_mobile=True) as context:
        yield context


def test_a_parent_taps_from_home_through_a_task_link_to_the_spmb_page(touch_phone: Any,
                                                                      site_under_prefix: ServedSite) -> None:
    page = touch_phone.new_page()
    try:
        page.goto(site_under_prefix.url())
        link = page.get_by_role("navigation", name="Yang sering dicari").get_by_role("link", name="SPMB (siswa baru)")
        box = link.bounding_box()
        assert box and box["y"] + box["height"] <= PHONE["height"], "the task link is on the first screen"
        link.tap()
        page.wait_for_url("**/informasi/layanan/spmb/")
        assert page.get_by_role("heading", level=1).inner_text() == "Penerimaan Siswa Baru (SPMB)"
        assert page.locator(".example-mark").is_visible()
    finally:
        page.close()


def test_a_parent_taps_from_home_to_the_humas_programme_and_this_years_planning_meeting(
    touch_phone: Any, site_under_prefix: ServedSite
) -> None:
    page = touch_phone.new_page()
    try:
        page.goto(site_under_prefix.url())
        page.locator(".year-status").get_by_role("link", name="Program humas").tap()
        page.wait_for_url("**/informasi/humas/")
        stage = page.locator(".stage").filter(has=page.get_by_role("heading", name="1. Perencanaan Selesai"))
        stage.get_by_role("link", name="Rapat Perencanaan Tahunan Program Humas 2026/2027").tap()
        page.wait_for_url("**/agenda/rapat-perencanaan-humas-2026/")
        assert "18 Juli 2026" in page.locator(".facts").inner_text()
    finally:
        page.close()


def test_the_first_screen_of_the_home_page_shows_the_school_and_what_is_next(browser_context: Any,
                                                                           site_under_prefix: ServedSite) -> None:
    page = browser_context.new_page()
    page.set_viewport_size(PHONE)
    try:
        page.goto(site_under_prefix.url())
        brand = page.locator(".brand").bounding_box()
        tasks = page.locator("nav.tasks li").first.bounding_box()
        assert brand and tasks and tasks["y"] + tasks["height"] <= PHONE["height"]
        assert page.locator(".brand").inner_text().strip() == "SMP Negeri 1 Prabumulih"
        height = page.evaluate("document.documentElement.scrollHeight")
        assert height <= 4.5 * PHONE["height"], f"the home page is {height / PHONE['height']:.1f} screens long"
    finally:
        page.close()


# --- layout ----------------------------------------------------------------------------------------------------


def test_an_agenda_card_shows_its_category_colour_in_its_bar(
    browser_context: Any, site_under_prefix: ServedSite
) -> None:
    import yaml

    colours = {key: value["color"] for key, value in
               yaml.safe_load((EXAMPLE / "site.yaml").read_text(encoding="utf-8"))["calendar"]["categories"].items()}
    page = browser_context.new_page()
    page.set_viewport_size(PHONE)
    try:
        page.goto(site_under_prefix.url("agenda/"))
        cards = page.eval_on_selector_all(
            ".agenda-item", "cards => cards.map(c => [c.querySelector('.cat').className, "
                            "getComputedStyle(c).borderLeftColor, getComputedStyle(c).borderLeftWidth])")
        assert len(cards) > 5
        seen = set()
        for cat_class, colour, width in cards:
            key = cat_class.split("cat-", 1)[1]
            red, green, blue = (int(colours[key][i:i + 2], 16) for i in (1, 3, 5))
            assert colour == f"rgb({red}, {green}, {blue})" and width != "0px", (key, colour)
            seen.add(key)
        assert len(seen) >= 3  # several categories, several colours
    finally:
        page.close()


def test_no_card_has_an_empty_gap_above_its_heading(browser_context: Any, site_under_prefix: ServedSite) -> None:
    page = browser_context.new_page()
    page.set_viewport_size(PHONE)
    try:
        for path in ("", "agenda/", "pengumuman/", "prestasi/"):
            page.goto(site_under_prefix.url(path))
            gaps = page.eval_on_selector_all(
                ".cards > li, .agenda-item",
                "cards => cards.map(c => c.firstElementChild.getBoundingClientRect().top"
                " - c.getBoundingClientRect().top - parseFloat(getComputedStyle(c).paddingTop)"
                " - parseFloat(getComputedStyle(c).borderTopWidth))")
            assert gaps and all(abs(gap) < 1 for gap in gaps), (path, gaps)
    finally:
        page.close()


def test_the_search_link_sits_in_the_menu_at_desktop_width(browser_context: Any, site_under_prefix: ServedSite) -> None:
    page = browser_context.new_page()
    page.set_viewport_size({"width": 1280, "height": 800})
    try:
        page.goto(site_under_prefix.url())
        kontak = page.locator(".menu a", has_text="Kontak").bounding_box()
        cari = page.locator(".menu .search-link").bounding_box()
        assert kontak and cari and abs(cari["y"] - kontak["y"]) < 2 and 0 < cari["x"] - kontak["x"] < 200
    finally:
        page.close()
