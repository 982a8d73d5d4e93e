"""The pure stages of build_site, each tested on its own with small values: no files, no templates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from conftest import REPO, TinySite

from sitegen.errors import BuildFailed
from sitegen.models.bodies import Bodies
from sitegen.models.dates import Dates
from sitegen.models.fields import AchievementFields, AnnouncementFields, CalendarEntryFields, EventFields, PageFields
from sitegen.models.headlines import Headlines
from sitegen.models.items import Achievement, Announcement, BodyLink, CalendarEntry, Doc, Event, Page, Site
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.plan.indexes import MonthGrid, PageNode, build_indexes
from sitegen.plan.links import check_links
from sitegen.plan.routes import Route, find_collisions, plan_routes
from sitegen.plan.views import (
    AchievementView,
    AgendaView,
    AnnouncementsView,
    AtomFeed,
    CalendarFile,
    CalendarView,
    EventView,
    HomeView,
    SearchView,
    SubscribeView,
)
from sitegen.render.pages import load_translations, make_environment

CONFIG = SiteConfig.model_validate({
    "title": "SMP Contoh",
    "description": "Situs contoh.",
    "base_url": "https://contoh.github.io/situs/",
    "school": {"name": "SMP Contoh", "address": {"street": "Jalan Contoh 1", "locality": "Kota Contoh"}},
    "menu": [{"title": "Agenda", "url": "/agenda/"}],
    "calendar": {"categories": {"rapat": {"label": "Rapat", "color": "#7c3aed"},
                                "libur": {"label": "Libur", "color": "#475569"}},
                 "audiences": {"kelas-9": "Kelas IX", "semua": "Semua"}},
})
URLS = Urls.of(CONFIG)
CONTEXT = {"category": ("libur", "rapat"), "audience": ("kelas-9", "semua")}
NOW = datetime(2026, 11, 24, 9, 0)
BODIES = Bodies()


def doc(source: str, path: str, links: tuple[BodyLink, ...] = ()) -> Doc:
    slug = source.rsplit("/", 1)[-1].removesuffix(".md")
    return Doc(source, slug, path, BODIES.add("isi", "<p>Isi.</p>"), links, None)


def event(slug: str, start: str, **fields: Any) -> Event:
    meta = EventFields.model_validate({"title": slug.replace("-", " ").title(), "start": start,
                                       "category": "rapat", **fields}, context=CONTEXT)
    return Event(doc(f"content/events/{slug}.md", URLS.event(fields.get("slug", slug))), meta)


def announcement(slug: str, on: str, **fields: Any) -> Announcement:
    meta = AnnouncementFields.model_validate({"title": slug.title(), "date": on, **fields}, context=CONTEXT)
    return Announcement(doc(f"content/announcements/{slug}.md", URLS.announcement(slug)), meta)


def achievement(slug: str, on: str, level: str = "city") -> Achievement:
    meta = AchievementFields.model_validate({"title": slug.title(), "date": on, "level": level, "field": "academic"})
    return Achievement(doc(f"content/achievements/{slug}.md", URLS.achievement(slug)), meta)


def page(slug: str, *folders: str, links: tuple[BodyLink, ...] = ()) -> Page:
    meta = PageFields.model_validate({"title": slug.title()})
    source = "/".join(("content/pages", *folders, f"{slug}.md"))
    return Page(doc(source, URLS.page(folders, slug), links), meta)


def entry(title: str, start: str, index: int = 0, **fields: Any) -> CalendarEntry:
    meta = CalendarEntryFields.model_validate({"title": title, "start": start, "category": "libur", **fields},
                                              context=CONTEXT)
    return CalendarEntry("content/calendars/2026-2027.yaml", 3 + index, "Kalender 2026/2027", meta, index,
                         4 + index if "url" in fields else None)


def site(**items: Any) -> Site:
    values: dict[str, Any] = {"events": (), "achievements": (), "announcements": (), "pages": (),
                              "calendar_entries": (), "unloaded": (), **items}
    return Site(config=CONFIG, urls=URLS, home=None, school_years=(), static_files={"images/logo.png": 10},
                config_lines={("menu", 0, "url"): 12}, history={}, **values)


# --- build_indexes ----------------------------------------------------------------------


def test_the_agenda_splits_ongoing_and_upcoming_from_past_by_the_build_moment() -> None:
    indexes = build_indexes(site(events=(event("rapat-lalu", "2026-11-20"), event("rapat-pagi", "2026-11-24 08:30"),
                                         event("rapat-kelas", "2026-12-05"))), NOW)
    assert [[i.happening.title for i in m.items] for m in indexes.current] == [["Rapat Pagi"], ["Rapat Kelas"]]
    assert [i.state for m in indexes.current for i in m.items] == ["ongoing", "upcoming"]
    assert [i.happening.title for m in indexes.past for i in m.items] == ["Rapat Lalu"]


def test_a_weekly_series_is_listed_once_at_its_next_occurrence() -> None:
    series = event("piket", "2026-11-02", repeat="weekly", until="2026-12-14", **{"except": ["2026-11-30"]})
    [month] = build_indexes(site(events=(series,)), NOW).current
    [item] = month.items
    assert (item.shown.first_day, item.state) == (date(2026, 12, 7), "upcoming")


def test_expired_announcements_go_to_the_archive_and_urgent_ones_to_the_banner() -> None:
    indexes = build_indexes(site(announcements=(
        announcement("lama", "2026-10-01", expires="2026-11-01"),
        announcement("baru", "2026-11-20"),
        announcement("darurat", "2026-11-23", priority="urgent", expires="2026-12-01"),
        announcement("sematkan", "2026-09-01", pinned="true"),
    )), NOW)
    assert [a.doc.slug for a in indexes.announcements] == ["sematkan", "darurat", "baru"]
    assert [a.doc.slug for a in indexes.archive] == ["lama"]
    assert [a.doc.slug for a in indexes.urgent] == ["darurat"]


def test_achievements_are_grouped_by_year_newest_first() -> None:
    indexes = build_indexes(site(achievements=(achievement("a", "2025-05-01"), achievement("b", "2026-03-01"),
                                               achievement("c", "2026-08-01"))), NOW)
    assert [(year, [a.doc.slug for a in group]) for year, group in indexes.achievements_by_year] == [
        (2026, ["c", "b"]), (2025, ["a"])]


def test_parent_pages_form_a_tree_of_folders() -> None:
    tree = build_indexes(site(pages=(page("kontak"), page("sejarah", "profil"), page("visi", "profil"))), NOW).pages
    assert (tree.path, [p.doc.path for p in tree.pages]) == ("/informasi/", ["/informasi/kontak/"])
    [profil] = tree.folders
    assert (profil.path, profil.title, [p.meta.title for p in profil.pages]) == (
        "/informasi/profil/", "Profil", ["Sejarah", "Visi"])


def test_a_calendar_entry_pointing_at_an_event_page_is_that_page_once() -> None:
    rapat = event("rapat", "2026-12-05")
    indexes = build_indexes(site(events=(rapat,), calendar_entries=(entry("Rapat", "2026-12-05", url="/agenda/rapat/"),
                                                                     entry("Libur", "2026-12-21", 1))), NOW)
    assert [(h.title, h.event is not None, h.calendar) for h in indexes.happenings] == [
        ("Rapat", True, "Kalender 2026/2027"), ("Libur", False, "Kalender 2026/2027")]


# --- plan_routes --------------------------------------------------------------------------


def planned(**items: Any) -> dict[str, Route]:
    built = site(**items)
    return {route.path: route for route in plan_routes(built, build_indexes(built, NOW))}


def test_every_event_has_a_page_and_an_add_to_calendar_file() -> None:
    routes = planned(events=(event("pentas-seni", "2026-12-05"),))
    assert routes["/agenda/pentas-seni/"].output_path == "agenda/pentas-seni/index.html"
    ics = routes["/agenda/pentas-seni/pentas-seni.ics"]
    assert (ics.output_path, ics.in_sitemap, ics.source) == (
        "agenda/pentas-seni/pentas-seni.ics", False, "content/events/pentas-seni.md")


def test_every_category_and_audience_has_an_agenda_page_and_a_subscription() -> None:
    routes = planned()
    for path in ("/agenda/kategori/rapat/", "/agenda/kategori/libur/", "/agenda/untuk/kelas-9/",
                 "/kalender/kategori-rapat.ics", "/kalender/untuk-semua.ics", "/kalender/semua.ics"):
        assert path in routes, path
    assert routes["/agenda/untuk/kelas-9/"].view.feed == "/kalender/untuk-kelas-9.ics"  # type: ignore[union-attr]


def test_this_month_has_a_grid_of_its_own_and_under_bulan_ini() -> None:
    routes = planned()
    assert routes["/kalender/bulan-ini/"].view is routes["/kalender/2026-11/"].view


def test_feeds_sitemap_and_search_are_planned_and_only_pages_are_in_the_sitemap() -> None:
    routes = planned()
    assert {"/feed.xml", "/agenda/feed.xml", "/pengumuman/feed.xml", "/prestasi/feed.xml", "/sitemap.xml",
            "/robots.txt", "/404.html", "/cari/", "/css/kategori.css"} <= set(routes)
    assert all(route.in_sitemap == route.path.endswith("/") for route in routes.values())
    assert "/CNAME" not in routes


# --- find_collisions ----------------------------------------------------------------------


def test_two_sources_writing_one_file_are_both_named() -> None:
    routes = (Route("/agenda/rapat/", "agenda/rapat/index.html", "event.html", "content/events/rapat.md", None),
              Route("/agenda/rapat/", "agenda/rapat/index.html", "event.html", "content/events/rapat-2.md", None,
                    slug_line=4))
    problems = find_collisions(routes, ())
    assert [(p.source, p.line, p.field, p.code) for p in problems] == [
        ("content/events/rapat-2.md", 4, "slug", "url_collision"), ("content/events/rapat.md", None, None,
                                                                    "url_collision")]
    assert dict(problems[0].params)["sources"] == "content/events/rapat-2.md, content/events/rapat.md"


def test_a_static_file_in_the_way_of_a_page_is_a_collision() -> None:
    routes = (Route("/feed.xml", "feed.xml", "atom.xml", "site.yaml", None),)
    assert [p.source for p in find_collisions(routes, ("feed.xml", "images/logo.png"))] == [
        "site.yaml", "static/feed.xml"]


def test_different_files_do_not_collide() -> None:
    routes = (Route("/a/", "a/index.html", "page.html", "content/pages/a.md", None),
              Route("/b/", "b/index.html", "page.html", "content/pages/b.md", None))
    assert find_collisions(routes, ("images/logo.png",)) == []


# --- check_links ---------------------------------------------------------------------------


def linked(*urls: str, unloaded: tuple[str, ...] = ()) -> list[tuple[str, int | None, str]]:
    links = tuple(BodyLink(url, 5 + n) for n, url in enumerate(urls))
    built = site(pages=(page("kontak"), page("info", links=links)), unloaded=unloaded)
    return [(p.source, p.line, dict(p.params)["value"]) for p in check_links(built, plan_routes(
        built, build_indexes(built, NOW)))]


def test_a_link_to_a_page_a_static_file_or_a_page_without_its_slash_is_not_broken() -> None:
    assert linked("/informasi/kontak/", "/informasi/kontak", "/images/logo.png", "/informasi/kontak/#jam") == []


def test_a_link_to_nothing_is_reported_on_its_line() -> None:
    assert linked("/informasi/kontak/", "/informasi/kantor/") == [("content/pages/info.md", 6, "/informasi/kantor/")]


def test_a_link_to_a_file_that_has_errors_of_its_own_is_not_reported_twice() -> None:
    assert linked("/agenda/rusak/", unloaded=("/agenda/rusak/",)) == []


def test_a_menu_link_to_nothing_names_its_line_in_site_yaml() -> None:
    menu = (CONFIG.menu[0].model_copy(update={"url": "/agenda-lama/"}),)
    built = replace(site(), config=CONFIG.model_copy(update={"menu": menu}))
    [problem] = check_links(built, plan_routes(built, build_indexes(built, NOW)))
    assert (problem.source, problem.line, problem.field) == ("site.yaml", 12, "menu.0.url")


def test_a_calendar_entry_that_contradicts_its_event_page_is_reported() -> None:
    built = site(events=(event("rapat", "2026-12-05"),),
                 calendar_entries=(entry("Rapat", "2026-12-06", url="/agenda/rapat/"),))
    [problem] = check_links(built, plan_routes(built, build_indexes(built, NOW)))
    assert (problem.field, problem.code) == ("entries.0.start", "calendar_entry_disagrees")


# --- collecting problems across stages --------------------------------------------------


def test_a_broken_interface_text_file_is_reported_with_the_content_errors_found_before_it(tmp_path: Path) -> None:
    tiny = TinySite(tmp_path / "situs")
    tiny.write("layouts/i18n/id.yaml", "- bukan\n- kolom\n")
    tiny.write("content/events/rapat.md", "---\ntitle: Rapat\nstart: 2026-13-05\ncategory: rapat\n---\nIsi.\n")
    with pytest.raises(BuildFailed) as failed:
        tiny.build()
    assert [(e.source, e.code) for e in failed.value.errors] == [
        ("content/events/rapat.md", "moment_invalid"), ("layouts/i18n/id.yaml", "yaml_not_mapping")]


# --- render: typed views and named helpers ---------------------------------------------


def test_every_file_but_an_icalendar_one_has_a_template_and_each_shows_a_typed_view() -> None:
    routes = planned(events=(event("rapat", "2026-12-05"),), pages=(page("kontak"),))
    kinds = (HomeView, AnnouncementsView, AgendaView, AchievementView, EventView, Page, PageNode, CalendarView,
             SubscribeView, SearchView, MonthGrid, AtomFeed, CalendarFile, type(None))
    assert all(isinstance(route.view, kinds) for route in routes.values())
    assert routes["/cari/"].view == SearchView(())  # one bundle of the search index: nothing to merge
    assert {path for path, route in routes.items() if route.template is None} == {
        path for path, route in routes.items() if isinstance(route.view, CalendarFile)}
    assert isinstance(routes["/agenda/rapat/"].view, EventView)


def test_templates_get_named_helpers_and_no_lambdas() -> None:
    built = site()
    indexes = build_indexes(built, NOW)
    words = load_translations(REPO, "id")
    env = make_environment(REPO, built, words, Headlines(words, Dates.for_site(CONFIG)), plan_routes(built, indexes),
                           False, {})
    lambdas = [name for name, value in env.globals.items() if getattr(value, "__name__", "") == "<lambda>"]
    assert lambdas == []


def test_no_template_probes_whether_a_variable_was_set() -> None:
    probes = [f"{path.relative_to(REPO)}:{number}"
              for path in sorted((REPO / "layouts").rglob("*.html"))
              for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
              if "is defined" in line or "is not defined" in line]
    assert probes == []
