"""The month calendar in Chromium, as a parent uses it on a phone and on a computer."""

from __future__ import annotations

import re
from typing import Any

import pytest
from sitehttp import ServedSite, example_under_prefix

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def site_under_prefix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    return example_under_prefix(request, tmp_path_factory)


@pytest.mark.parametrize("width", [360, 1280])
def test_a_parent_moves_between_months_and_back_to_this_month(browser_context: Any, site_under_prefix: ServedSite,
                                                              width: int) -> None:
    page = browser_context.new_page()
    page.set_viewport_size({"width": width, "height": 900})
    try:
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(site_under_prefix.url("agenda/"))
        page.get_by_role("link", name="Kalender bulan ini").first.click()
        seen = [(page.url, page.locator("h1").inner_text())]
        page.locator("a[rel=next]").first.click()
        seen.append((page.url, page.locator("h1").inner_text()))
        page.locator("a[rel=prev]").first.click()
        page.locator("a[rel=prev]").first.click()
        seen.append((page.url, page.locator("h1").inner_text()))
        page.get_by_role("link", name="Bulan ini", exact=True).first.click()
        seen.append((page.url, page.locator("h1").inner_text()))
        today = page.locator("[aria-current=date]")
        assert today.count() == 1 and today.is_visible()
        assert "Hari ini" in today.inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert not errors, errors
    finally:
        page.close()
    base = site_under_prefix.url("kalender/")
    assert seen == [
        (base + "bulan-ini/", "Kalender November 2026"),
        (base + "2026-12/", "Kalender Desember 2026"),
        (base + "2026-10/", "Kalender Oktober 2026"),
        (base + "bulan-ini/", "Kalender November 2026"),
    ]


def test_on_a_phone_the_month_is_a_list_of_days_with_entries(
    browser_context: Any, site_under_prefix: ServedSite
) -> None:
    page = browser_context.new_page()
    page.set_viewport_size({"width": 360, "height": 740})
    try:
        page.goto(site_under_prefix.url("kalender/2026-12/"))
        header_visible = page.locator(".month-grid thead").bounding_box()["width"] > 1
        days = page.locator(".month-grid td:visible .day-number").all_inner_texts()
    finally:
        page.close()
    assert not header_visible  # column headers are left to screen readers; each day says its name
    assert days[0].startswith("Selasa, 1") and "Senin, 21" in days  # the holiday week, day by day
    assert not any(day.startswith("Minggu, 6") for day in days)  # a day with nothing on it is left out


@pytest.mark.parametrize("month", ["2026-12", "2026-08"])  # five weeks, and six
def test_a_printed_month_is_one_page(browser_context: Any, site_under_prefix: ServedSite, month: str) -> None:
    page = browser_context.new_page()
    try:
        page.goto(site_under_prefix.url(f"kalender/{month}/"))
        pdf: bytes = page.pdf(prefer_css_page_size=True)
    finally:
        page.close()
    assert len(re.findall(rb"/Type\s*/Page(?!s)", pdf)) == 1
