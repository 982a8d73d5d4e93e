"""sitegen.models.urls owns every address: templates and modules ask it instead of joining path words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import TINY_SITE_YAML, TinySite

from sitegen.errors import BuildFailed, ConfigUnusable
from sitegen.models import urls
from sitegen.models.settings import Section, Sections
from sitegen.models.urls import Urls
from sitegen.write.admin import ASSETS

REPO = Path(__file__).resolve().parent.parent
LAYOUTS = REPO / "layouts"
PACKAGE = REPO / "sitegen"

# A template joins a path when `~` meets a string with a slash, '#' or '.ics', or an address (`.path`, `base`).
CONCATENATION = re.compile(
    r"""~\s*['"][^'"]*[/#]|['"][^'"]*/['"]\s*~|~\s*['"]\.ics|\.path\s*~|~\s*[\w.]*\.path\b|\bbase\s*~"""
)
PATH_WORDS = ("kategori/", "untuk/", "tingkat/", "bidang/", "bulan-ini", "langganan", "semua.ics", "feed.xml")

PROJECT = Urls(Sections(), "https://humas.github.io/situs/")
DOMAIN = Urls(Sections(events=Section(path="kegiatan", title="Kegiatan")), "https://www.smpn1prabumulih.sch.id/")


def template_lines() -> list[tuple[str, int, str]]:
    return [
        (path.relative_to(REPO).as_posix(), number, line)
        for path in sorted(LAYOUTS.rglob("*"))
        # the form editor's code is no template
        if path.is_file() and path.suffix != ".yaml"
        and path.relative_to(LAYOUTS).as_posix() not in {f"admin/{name}" for name in ASSETS}
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
    ]


def test_no_template_concatenates_a_path() -> None:
    found = [f"{name}:{number}: {line.strip()}" for name, number, line in template_lines()
             if CONCATENATION.search(line) or ("sections." in line and ".path" in line)]
    assert not found, "ask `urls` instead:\n" + "\n".join(found)


def test_no_template_writes_a_path_word() -> None:
    found = [f"{name}:{number}: {word}" for name, number, line in template_lines()
             for word in PATH_WORDS if word in line]
    assert not found, "ask `urls` instead:\n" + "\n".join(found)


def test_only_the_urls_module_reads_the_section_paths() -> None:
    readers = [path.name for path in sorted(PACKAGE.rglob("*.py"))
               if path.name != "urls.py" and re.search(r"sections\.\w+\.path\b", path.read_text(encoding="utf-8"))]
    assert readers == []


def test_a_project_site_prefixes_its_repository_and_a_custom_domain_does_not() -> None:
    assert PROJECT.url(PROJECT.events) == "/situs/agenda/"
    assert PROJECT.absolute(PROJECT.event("pentas-seni")) == "https://humas.github.io/situs/agenda/pentas-seni/"
    assert DOMAIN.url(DOMAIN.events) == "/kegiatan/"
    assert DOMAIN.absolute(DOMAIN.home) == "https://www.smpn1prabumulih.sch.id/"


def test_full_addresses_and_anchors_are_left_as_written() -> None:
    for link in ("https://wa.me/62812", "mailto:humas@sekolah.sch.id", "tel:0713", "#isi"):
        assert PROJECT.url(link) == link


@pytest.mark.parametrize(("kind", "key", "page", "feed"), [
    ("all", "", "/agenda/", "/kalender/semua.ics"),
    ("category", "rapat", "/agenda/kategori/rapat/", "/kalender/kategori-rapat.ics"),
    ("audience", "kelas-9", "/agenda/untuk/kelas-9/", "/kalender/untuk-kelas-9.ics"),
])
def test_every_agenda_filter_has_a_page_and_a_subscription(kind: str, key: str, page: str, feed: str) -> None:
    assert (PROJECT.agenda(kind, key), PROJECT.calendar_feed(kind, key)) == (page, feed)


def test_a_subscription_link_opens_in_a_calendar_app() -> None:
    assert PROJECT.webcal(PROJECT.calendar_feed()) == "webcal://humas.github.io/situs/kalender/semua.ics"


def test_pages_in_folders_and_folder_indexes_share_the_folders_address() -> None:
    assert PROJECT.page(("profil",), "sejarah") == "/informasi/profil/sejarah/"
    assert PROJECT.page(("profil",), "index") == PROJECT.page(("profil",)) == "/informasi/profil/"
    assert PROJECT.page(()) == PROJECT.pages == "/informasi/"


def test_an_address_and_its_output_file_convert_both_ways() -> None:
    for path, output in (("/agenda/", "agenda/index.html"), ("/", "index.html"), ("/feed.xml", "feed.xml"),
                         ("/agenda/rapat/rapat.ics", "agenda/rapat/rapat.ics")):
        assert Urls.output_path(path) == output
        assert Urls.of_output(output) == path


def test_calendar_pages_and_semester_anchors_live_under_the_calendar_section() -> None:
    assert [PROJECT.month("2026-12"), PROJECT.this_month, PROJECT.subscribe, PROJECT.semester("ganjil")] == [
        "/kalender/2026-12/", "/kalender/bulan-ini/", "/kalender/langganan/", "/kalender/#ganjil"]
    assert PROJECT.achievements_by("level", "city") == "/prestasi/tingkat/city/"


def config_problems(tiny: TinySite) -> list[str]:
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    return [problem.format("id") for problem in caught.value.errors]


def test_two_sections_at_one_address_is_a_located_message_naming_both(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "sections:\n  events: {path: kegiatan, title: Agenda}\n"
               "  achievements: {path: kegiatan, title: Prestasi}\n")
    lines = TINY_SITE_YAML.count("\n")
    assert config_problems(tiny) == [
        f"site.yaml:{lines + 3}: kolom 'sections.achievements.path': alamat 'kegiatan' sudah dipakai oleh "
        "'sections.events.path'.\n"
        "  Petunjuk: Setiap bagian perlu alamat sendiri: ganti salah satu 'path' di 'sections'."
    ]


@pytest.mark.parametrize("path", ["admin", "cari", "pagefind"])
def test_a_section_at_an_address_the_site_writes_itself_is_a_located_message(tiny: TinySite, path: str) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + f"sections:\n  pages: {{path: {path}, title: Informasi}}\n")
    lines = TINY_SITE_YAML.count("\n")
    assert config_problems(tiny) == [
        f"site.yaml:{lines + 2}: kolom 'sections.pages.path': alamat '{path}' dipakai situs sendiri "
        "(/cari/ pencarian, /pagefind/ indeks pencarian, /admin/ penyunting formulir).\n"
        f"  Petunjuk: Pilih alamat lain untuk bagian ini, misalnya '{path}-sekolah'."
    ]


def test_a_page_and_a_folder_of_pages_at_one_address_name_the_folder(tiny: TinySite) -> None:
    tiny.write("content/pages/layanan.md", "---\ntitle: Layanan\n---\nIsi.\n")
    tiny.write("content/pages/layanan/jadwal.md", "---\ntitle: Jadwal\n---\nIsi.\n")
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    sources = "content/pages/layanan.md, content/pages/layanan/"
    assert [problem.format("id") for problem in caught.value.errors] == [
        f"{source}: alamat /informasi/layanan/ dihasilkan oleh lebih dari satu sumber: {sources}.\n"
        "  Petunjuk: Ganti nama salah satu berkas, atau isi 'slug:' yang berbeda."
        for source in ("content/pages/layanan.md", "content/pages/layanan/")
    ]


def test_an_english_site_that_names_one_section_keeps_english_titles_for_the_others(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML.replace("language: id", "language: en")
               + "sections:\n  events: {path: agenda, title: School events}\n")
    sections = tiny.build(write=False).config.sections
    assert [(s.path, s.title) for s in (sections.events, sections.announcements, sections.calendar)] == [
        ("agenda", "School events"), ("pengumuman", "Announcements"), ("kalender", "School calendar"),
    ]


def test_the_search_index_is_cut_into_a_bundle_per_share_of_pages_and_never_an_empty_one(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = [f"agenda/kegiatan-{number}/index.html" for number in range(1234)]
    assert {url: len(share) for url, share in Urls.search_bundles(pages).items()} == {
        "/pagefind/": 389, "/pagefind/2/": 416, "/pagefind/3/": 429}  # 1,234 pages: three shares of about 500
    assert Urls.search_bundles(pages[:500]) == {"/pagefind/": sorted(pages[:500])}
    monkeypatch.setattr(urls, "SEARCH_BUNDLE_PAGES", 1)  # four shares for four pages; two get none
    assert Urls.search_bundles(["index.html", "kalender/index.html", "agenda/rapat/index.html",
                                "agenda/pentas/index.html"]) == {
        "/pagefind/": ["agenda/rapat/index.html", "index.html", "kalender/index.html"],
        "/pagefind/2/": ["agenda/pentas/index.html"]}
