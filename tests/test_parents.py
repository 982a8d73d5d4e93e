"""Reaching parents: Atom feeds, link previews, the urgent banner, WhatsApp sharing, students'
names, schema.org data, attachments, achievement filters, an English site and the search page.

Expectations come from the sources (site.yaml, front matter, static files, layouts/i18n) read with
plain PyYAML, never from the generator's own code.
"""

from __future__ import annotations

import gzip
import html
import json
import math
import re
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest
import rnc2rng
import yaml
from conftest import EXAMPLE, REPO, TODAY, TinySite
from PIL import Image

from sitegen.pipeline import Options, build_site

SITE = yaml.safe_load((EXAMPLE / "site.yaml").read_text(encoding="utf-8"))
BASE_URL = SITE["base_url"]  # "https://smpn1-prabumulih.github.io/situs/"
BASE_PATH = urlsplit(BASE_URL).path  # "/situs/"
ATOM = "http://www.w3.org/2005/Atom"
NS = {"atom": ATOM}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEEDS = ["feed.xml", "pengumuman/feed.xml", "prestasi/feed.xml", "agenda/feed.xml"]
ATOM_RNC = Path(__file__).parent / "fixtures" / "atom.rnc"  # RFC 4287 Appendix B, verbatim
URGENT = "pembagian-rapor-semester-ganjil"  # expires 2026-12-19
# The tests of the three builds below (`builds`) run on one worker (--dist loadgroup), which makes them once.
WITH_THE_BUILDS = pytest.mark.xdist_group("parents-builds")
LEVELS = ["school", "subdistrict", "city", "province", "national", "international"]
FIELDS = ["academic", "non-academic"]


def front_matter(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


def sources(kind: str) -> dict[str, dict[str, Any]]:
    return {p.stem: front_matter(p) for p in sorted((EXAMPLE / "content" / kind).glob("*.md"))}


EVENTS = sources("events")
ANNOUNCEMENTS = sources("announcements")
ACHIEVEMENTS = sources("achievements")
ARTICLES = ([("agenda", slug, meta) for slug, meta in EVENTS.items()]
            + [("pengumuman", slug, meta) for slug, meta in ANNOUNCEMENTS.items()]
            + [("prestasi", slug, meta) for slug, meta in ACHIEVEMENTS.items()])


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not p.relative_to(site).as_posix().startswith("pagefind/"))


def parse(data: bytes) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(data)


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


def meta(tree: lxml.html.HtmlElement, key: str) -> list[str]:
    """Values of <meta property=key> or <meta name=key>."""
    return [m.get("content") for m in tree.xpath(f'//meta[@property="{key}" or @name="{key}"]')]


def json_ld(tree: lxml.html.HtmlElement) -> list[dict[str, Any]]:
    return [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]


# --- Atom feeds -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def atom_schema() -> lxml.etree.RelaxNG:
    """RFC 4287's RELAX NG compact schema, converted by rnc2rng for lxml.

    rnc2rng declares the schema's `namespace local = ""` as `xmlns:local=""`, which XML 1.0
    namespaces forbid; the prefix is unused in its output (`local:*` becomes `<nsName ns=""/>`),
    so the declaration is dropped. The Schematron rules in the schema's annotations are not run by
    lxml; the tests below check them (an author, an alternate link on every entry) directly.
    """
    rng = rnc2rng.dumps(rnc2rng.load(str(ATOM_RNC))).replace('xmlns:local=""', "")
    return lxml.etree.RelaxNG(lxml.etree.fromstring(rng.encode("utf-8")))


def atom_updated(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def test_atom_schema_rejects_a_feed_without_updated(atom_schema: lxml.etree.RelaxNG) -> None:
    broken = (b'<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x</id><title>x</title>'
              b"<author><name>x</name></author></feed>")
    assert not atom_schema.validate(lxml.etree.fromstring(broken))


@pytest.mark.parametrize("name", FEEDS)
def test_feed_validates_against_the_rfc_4287_schema(example_site: Path, atom_schema: lxml.etree.RelaxNG,
                                                    name: str) -> None:
    document = lxml.etree.parse(str(example_site / name))
    assert atom_schema.validate(document), atom_schema.error_log


@pytest.mark.parametrize("name", FEEDS)
def test_feed_parses_with_feedparser_without_problems(example_site: Path, name: str) -> None:
    parsed = feedparser.parse((example_site / name).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.entries, "the example site has entries in every feed"


@pytest.mark.parametrize("name", FEEDS)
def test_feed_has_one_id_title_author_updated_self_and_alternate_links_and_language(example_site: Path,
                                                                                    name: str) -> None:
    root = lxml.etree.parse(str(example_site / name)).getroot()
    assert root.tag == f"{{{ATOM}}}feed"
    assert root.get(XML_LANG) == SITE["language"]
    ids = root.xpath("atom:id/text()", namespaces=NS)
    assert ids == [BASE_URL + name]
    assert len(root.xpath("atom:title", namespaces=NS)) == 1
    assert root.xpath("atom:title/text()", namespaces=NS)[0].startswith(SITE["title"])
    assert root.xpath("atom:author/atom:name/text()", namespaces=NS) == [SITE["school"]["name"]]
    assert len(root.xpath("atom:updated", namespaces=NS)) == 1
    assert root.xpath('atom:link[@rel="self"]/@href', namespaces=NS) == [BASE_URL + name]
    alternate = root.xpath('atom:link[@rel="alternate"]/@href', namespaces=NS)
    assert alternate == [BASE_URL + name.removesuffix("feed.xml")]


@pytest.mark.parametrize("name", FEEDS)
def test_every_entry_has_id_title_updated_alternate_link_and_text(example_site: Path, name: str) -> None:
    root = lxml.etree.parse(str(example_site / name)).getroot()
    entries = root.xpath("atom:entry", namespaces=NS)
    assert entries
    for entry in entries:
        [alternate] = entry.xpath('atom:link[@rel="alternate"]/@href', namespaces=NS)
        assert alternate.startswith(BASE_URL)
        assert entry.xpath("atom:id/text()", namespaces=NS) == [alternate]  # the page address: stable
        assert entry.xpath("atom:title/text()", namespaces=NS)[0].strip()
        atom_updated(entry.xpath("atom:updated/text()", namespaces=NS)[0])
        assert entry.xpath("atom:summary/text()", namespaces=NS) or entry.xpath("atom:content/text()", namespaces=NS)
    ids = [e.xpath("atom:id/text()", namespaces=NS)[0] for e in entries]
    assert len(ids) == len(set(ids))


def feed_updated(data: bytes) -> tuple[datetime, list[datetime]]:
    root = lxml.etree.fromstring(data)
    updated = atom_updated(root.xpath("atom:updated/text()", namespaces=NS)[0])
    return updated, [atom_updated(u) for u in root.xpath("atom:entry/atom:updated/text()", namespaces=NS)]


@pytest.fixture(scope="module")
def builds(example_site: Path) -> dict[str, dict[str, bytes]]:
    """The example site's files as of the day before, the day of and the day after the urgent
    announcement expires (in-process, nothing written)."""
    root = example_site.parent
    return {day: build_site(root, Options(today=date.fromisoformat(day), write=False)).files
            for day in ("2026-12-18", "2026-12-19", "2026-12-20")}


@WITH_THE_BUILDS
@pytest.mark.slow
@pytest.mark.parametrize("name", FEEDS)
def test_feed_updated_is_its_newest_entry_whatever_the_build_day(
        example_site: Path, builds: dict[str, dict[str, bytes]], name: str) -> None:
    for day, data in [(TODAY, (example_site / name).read_bytes()), *((d, f[name]) for d, f in builds.items())]:
        updated, entries = feed_updated(data)
        assert entries, day
        assert updated == max(entries), day


@WITH_THE_BUILDS
@pytest.mark.slow
def test_announcement_and_achievement_feeds_are_the_same_bytes_on_other_build_days(
        example_site: Path, builds: dict[str, dict[str, bytes]]) -> None:
    for name in ("pengumuman/feed.xml", "prestasi/feed.xml"):
        first = (example_site / name).read_bytes()
        assert all(files[name] == first for files in builds.values()), name
    newest = max(meta["date"] for meta in ANNOUNCEMENTS.values())
    assert feed_updated((example_site / "pengumuman" / "feed.xml").read_bytes())[0].date() == newest


# --- link previews --------------------------------------------------------------------------------


def preview_problems(site: Path, page: Path) -> list[str]:
    tree = parse(page.read_bytes())
    problems = []
    for key in ("og:title", "og:type", "og:url", "og:description", "og:site_name", "og:locale", "og:image",
                "og:image:alt", "twitter:card"):
        values = meta(tree, key)
        if len(values) != 1 or not (values[0] or "").strip():
            problems.append(f"{key}: {values}")
    if problems:
        return problems
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    [url] = meta(tree, "og:url")
    if canonical != [url] or not url.startswith(BASE_URL):
        problems.append(f"og:url {url} vs canonical {canonical}")
    if meta(tree, "og:locale") != ["id_ID"]:
        problems.append(f"og:locale {meta(tree, 'og:locale')}")
    if meta(tree, "og:site_name") != [SITE["title"]]:
        problems.append(f"og:site_name {meta(tree, 'og:site_name')}")
    [image] = meta(tree, "og:image")
    if not image.startswith(BASE_URL):
        return [*problems, f"og:image {image} is not under {BASE_URL}"]
    file = site / image[len(BASE_URL):]
    if not file.is_file():
        return [*problems, f"og:image {image} is not in the site"]
    head = file.read_bytes()[:8]
    if not (head.startswith(b"\xff\xd8\xff") or head == b"\x89PNG\r\n\x1a\n"):
        problems.append(f"og:image {image} is neither JPEG nor PNG")
    if file.stat().st_size >= 300 * 1000:
        problems.append(f"og:image {image} is {file.stat().st_size} bytes")
    with Image.open(file) as picture:
        width, height = picture.size
    if width < 600 or not 1.8 <= width / height <= 2.0:  # about 1200x630 (1.91:1)
        problems.append(f"og:image {image} is {width}x{height}")
    return problems


def test_every_page_has_a_complete_link_preview(example_site: Path) -> None:
    pages = html_pages(example_site)
    assert len(pages) > 50
    problems = {page.relative_to(example_site).as_posix(): p for page in pages
                if (p := preview_problems(example_site, page))}
    assert problems == {}


# --- the urgent banner ----------------------------------------------------------------------------


def banner_links(data: bytes) -> list[str]:
    tree = parse(data)
    return [a.get("href") for a in tree.xpath('//div[contains(concat(" ", @class, " "), " banner ")]//a')]


@WITH_THE_BUILDS
@pytest.mark.slow
@pytest.mark.parametrize("day", ["2026-12-18", "2026-12-19"])
def test_urgent_announcement_shows_a_banner_on_every_page_until_it_expires(builds: dict[str, dict[str, bytes]],
                                                                          day: str) -> None:
    assert ANNOUNCEMENTS[URGENT]["priority"] == "urgent"
    assert ANNOUNCEMENTS[URGENT]["expires"] == date(2026, 12, 19)
    pages = {name: data for name, data in builds[day].items() if name.endswith(".html")}
    assert len(pages) > 50
    missing = [name for name, data in pages.items() if f"{BASE_PATH}pengumuman/{URGENT}/" not in banner_links(data)]
    assert missing == []


@WITH_THE_BUILDS
@pytest.mark.slow
def test_urgent_banner_is_gone_from_every_page_the_day_after_it_expires(builds: dict[str, dict[str, bytes]]) -> None:
    pages = {name: data for name, data in builds["2026-12-20"].items() if name.endswith(".html")}
    assert len(pages) > 50
    assert [name for name, data in pages.items() if b'class="banner"' in data or banner_links(data)] == []


# --- sharing on WhatsApp --------------------------------------------------------------------------


@pytest.mark.parametrize(("section", "slug", "source"), ARTICLES, ids=[f"{s}/{slug}" for s, slug, _ in ARTICLES])
def test_page_has_a_whatsapp_link_and_the_same_text_to_copy(example_site: Path, section: str, slug: str,
                                                            source: dict[str, Any]) -> None:
    tree = parse((example_site / section / slug / "index.html").read_bytes())
    [link] = tree.xpath('//a[starts-with(@href, "https://wa.me/?text=")]/@href')  # the footer's wa.me/<number> aside
    assert " " not in link and "\n" not in link
    shared = parse_qs(urlsplit(link).query)["text"][0]
    assert source["title"] in shared
    page_url = f"{BASE_URL}{section}/{slug}/"
    assert page_url in shared.split("\n")
    [box] = tree.xpath("//textarea")
    assert box.text_content() == shared


# --- students' names ------------------------------------------------------------------------------

HIDDEN = ["Ahmad Fauzi", "Siti Nurhaliza"]


def file_bytes(path: Path) -> bytes:
    """The bytes a reader of the file gets: Pagefind's gzip-compressed files decompressed."""
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def test_students_without_consent_appear_only_as_initials_anywhere_in_the_site(tiny: TinySite) -> None:
    tiny.write("content/achievements/olimpiade.md", (
        "---\ntitle: Juara Olimpiade Matematika\nsummary: Dua siswa kami juara olimpiade.\ndate: 2026-10-01\n"
        "level: city\nfield: academic\nrank: Juara 1\nstudents: [Ahmad Fauzi, Siti Nurhaliza]\n---\nSelamat!\n"))
    tiny.write("content/achievements/pidato.md", (
        "---\ntitle: Juara Lomba Pidato\ndate: 2026-09-01\nlevel: province\nfield: non-academic\n"
        "rank: Juara 2\nconsent: true\nstudents: [Budi Santoso]\n---\nSelamat.\n"))

    tiny.build()  # with the search index, which the scan reads too

    site = tiny.root / "_site"
    files = {p.relative_to(site).as_posix(): file_bytes(p) for p in site.rglob("*") if p.is_file()}
    fragments = [name for name in files if name.endswith(".pf_fragment")]
    assert fragments, "the real build writes the Pagefind index"
    leaks = {name: word for name, data in files.items()
             for word in HIDDEN + [n.split()[-1] for n in HIDDEN]  # Pagefind's index keeps lowercase words
             if word.encode() in data or word.lower().encode() in data.lower()}
    assert leaks == {}
    olympiad = files["prestasi/olimpiade/index.html"].decode()
    assert "A. F." in olympiad and "S. N." in olympiad
    assert "Budi Santoso" in files["prestasi/pidato/index.html"].decode()
    assert any(b"Budi Santoso" in files[name] for name in fragments), "the scan reads inside the search index"


# --- schema.org: the school and news articles -----------------------------------------------------


def test_home_page_describes_the_school(example_site: Path) -> None:
    [school] = json_ld(parse((example_site / "index.html").read_bytes()))
    configured = SITE["school"]
    assert school["@context"] == "https://schema.org"
    assert school["@type"] == configured["type"]
    assert school["name"] == configured["name"]
    assert school["url"] == BASE_URL
    assert school["logo"] == BASE_URL + configured["logo"]
    assert (example_site / configured["logo"]).is_file()
    address = school["address"]
    assert address["@type"] == "PostalAddress"
    assert address["streetAddress"] == configured["address"]["street"]
    assert address["addressLocality"] == configured["address"]["locality"]
    assert address["addressRegion"] == configured["address"]["region"]
    assert address["addressCountry"] == configured["address"]["country"]
    points = school["contactPoint"]
    points = points if isinstance(points, list) else [points]
    assert all(p["@type"] == "ContactPoint" for p in points)
    assert {p.get("telephone") for p in points} >= {configured["phone"]}
    assert {p.get("email") for p in points} >= {configured["email"]}
    assert school.get("sameAs", []) == list(configured.get("social", {}).values())


NEWS = [("pengumuman", slug, meta) for slug, meta in ANNOUNCEMENTS.items()] + [
    ("prestasi", slug, meta) for slug, meta in ACHIEVEMENTS.items()]


@pytest.mark.parametrize(("section", "slug", "source"), NEWS, ids=[f"{s}/{slug}" for s, slug, _ in NEWS])
def test_announcement_and_achievement_pages_are_news_articles(example_site: Path, section: str, slug: str,
                                                              source: dict[str, Any]) -> None:
    [article] = json_ld(parse((example_site / section / slug / "index.html").read_bytes()))
    assert article["@type"] == "NewsArticle"
    assert article["headline"] == source["title"]
    assert article["datePublished"] == source["date"].isoformat()
    authors = article["author"] if isinstance(article["author"], list) else [article["author"]]
    assert [a["name"] for a in authors] == [SITE["school"]["name"]]
    assert all(a["@type"] for a in authors)


# --- attachments ----------------------------------------------------------------------------------


def test_attachment_is_listed_with_its_type_and_size(example_site: Path) -> None:
    [attachment] = ANNOUNCEMENTS[URGENT]["attachments"]
    source = EXAMPLE / "static" / attachment["file"]
    kilobytes = math.ceil(source.stat().st_size / 1024)  # rounded up: never promise a smaller download
    tree = parse((example_site / "pengumuman" / URGENT / "index.html").read_bytes())
    [item] = tree.xpath('//ul[contains(@class, "attachments")]/li')
    assert text(item) == f"{attachment['title']} (PDF, {kilobytes} KB)"
    assert item.xpath(".//a/@href") == [BASE_PATH + attachment["file"]]
    assert (example_site / attachment["file"]).read_bytes() == source.read_bytes()


# --- achievements ---------------------------------------------------------------------------------


def achievement_titles(page: Path) -> list[str]:
    return [text(h) for h in parse(page.read_bytes()).xpath('//li[contains(@class, "achievement-item")]/h3')]


@pytest.mark.parametrize(("folder", "key", "field"), [("tingkat", k, "level") for k in LEVELS]
                         + [("bidang", k, "field") for k in FIELDS])
def test_achievement_filter_page_lists_only_and_all_matching_achievements(example_site: Path, folder: str, key: str,
                                                                        field: str) -> None:
    page = example_site / "prestasi" / folder / key / "index.html"
    expected = sorted(meta["title"] for meta in ACHIEVEMENTS.values() if meta[field] == key)
    assert sorted(achievement_titles(page)) == expected
    if not expected:
        assert "Belum ada prestasi yang dicatat." in text(parse(page.read_bytes()))


def test_the_profile_page_shows_the_schools_distinctions_in_order(example_site: Path) -> None:
    tree = parse((example_site / "informasi" / "profil" / "index.html").read_bytes())
    [timeline] = tree.xpath('//section[contains(@class, "timeline")]')
    items = [(text(li.xpath('.//*[contains(@class, "year")]')[0]), text(li.xpath(".//a")[0]), li.xpath(".//a/@href")[0])
             for li in timeline.xpath(".//li")]
    shown = [(year, title) for year, title, _ in items]
    for distinction in [("2006", "Terakreditasi A (Amat Baik) 2006"), ("2012", "Terakreditasi A (Amat Baik) 2012"),
                        ("2018", "Terakreditasi A (Unggul) 2018"), ("2016", "Sekolah Rujukan"),
                        ("2018", "Sekolah Adiwiyata Tingkat Kota"), ("2018", "Sekolah Adiwiyata Tingkat Provinsi")]:
        assert distinction in shown
    assert [year for year, _ in shown] == sorted(year for year, _ in shown)
    school_only = {(str(m["date"].year), m["title"]) for m in ACHIEVEMENTS.values() if not m.get("students")}
    assert set(shown) == school_only
    slug_of = {m["title"]: slug for slug, m in ACHIEVEMENTS.items()}
    assert all(href == f"{BASE_PATH}prestasi/{slug_of[title]}/" for _, title, href in items)


# --- an English site ------------------------------------------------------------------------------

ENGLISH_SITE = """\
title: Example School
description: The website of an example junior high school.
base_url: https://example.github.io/school/
language: en
timezone: Asia/Jakarta
school:
  name: Example Junior High School
  phone: "+62 711 000000"
  email: office@school.example
  address:
    street: 1 Example Street
    locality: Example City
sections:
  events: {path: agenda, title: Events}
  achievements: {path: prestasi, title: Achievements}
  announcements: {path: pengumuman, title: Announcements}
  pages: {path: informasi, title: Information for parents}
  calendar: {path: kalender, title: School calendar}
menu:
  - {title: Home, url: /}
  - {title: Events, url: /agenda/}
calendar:
  categories:
    meeting: {label: Meeting, color: "#7c3aed"}
    holiday: {label: Holiday, color: "#475569", no_school: true}
  audiences:
    parents: Parents and guardians
    grade-9: Grade 9
"""


def markdown(body: str, **fields: str) -> str:
    """A content file: front matter from `fields` (values as YAML), then the body."""
    return "---\n" + "".join(f"{key}: {value}\n" for key, value in fields.items()) + "---\n" + body + "\n"


ENGLISH_CONTENT = {
    "site.yaml": ENGLISH_SITE,
    "content/index.md": markdown("Hello, parents.", title="Welcome"),
    "content/events/rapat.md": markdown(
        "See the [contact page](/informasi/kontak/).", title="Parents meeting", summary="A meeting for parents.",
        start='"2026-12-05 08:00"', end='"2026-12-05 10:00"', category="meeting", location="School hall",
        audience="[parents]"),
    "content/events/art-show.md": markdown(
        "Watch from home.", title="Art show", start='"2026-12-10 09:00"', category="meeting", mode="online",
        online_url="https://meet.example.com/art"),
    "content/events/field-trip.md": markdown(
        "There will be no trip.", title="Field trip", start="2027-01-10", end="2027-01-11", category="meeting",
        status="cancelled"),
    "content/events/grade-9.md": markdown(
        "Moved by a week.", title="Grade 9 meeting", start='"2026-11-28 09:00"', category="meeting",
        status="rescheduled", previous_start='"2026-11-21 09:00"', audience="[grade-9]"),
    "content/events/sports-day.md": markdown(
        "A new date will follow.", title="Sports day", start="2027-02-01", category="meeting", status="postponed"),
    "content/events/opening.md": markdown("First day.", title="Opening day", start="2026-07-13", category="meeting"),
    "content/announcements/report-cards.md": markdown(
        "Dear parents.", title="Report cards", summary="Report cards are handed out on Saturday.",
        date="2026-11-20", expires="2026-12-19", priority="urgent", audience="[parents]",
        attachments="[{title: Schedule, file: files/schedule.pdf}]"),
    "content/announcements/old-news.md": markdown("Old.", title="Old news", date="2026-07-01", expires="2026-07-20"),
    "content/announcements/pinned.md": markdown(
        "Please read.", title="School rules", date="2026-11-01", pinned="true", priority="important"),
    "static/files/schedule.pdf": "%PDF-1.4\n%%EOF\n",
    "content/achievements/olympiad.md": markdown(
        "Well done.", title="Maths olympiad winner", date="2026-10-01", level="province", field="academic",
        rank="First place", competition="Maths olympiad", organizer="Education office", students="[Ahmad Fauzi]"),
    "content/achievements/green-school.md": markdown(
        "An award.", title="Green school award", date="2018-01-01", level="city", field="non-academic",
        rank="Green school"),
    "content/pages/kontak.md": markdown("Call us.", title="Contact", order="1"),
    "content/pages/profil/index.md": markdown("About us.", title="About the school", order="2"),
    "content/pages/guides/fees.md": markdown("There are no fees.", title="Fees"),
    "content/calendars/2026.yaml": """\
title: School year 2026/2027
school_year:
  name: 2026/2027
  teaching_days: 6
  semesters:
    - {name: First semester, start: 2026-07-13, end: 2026-12-19}
    - {name: Second semester, start: 2027-01-04, end: 2027-06-19}
entries:
  - title: Flag ceremony
    start: "2026-07-20 07:00"
    category: meeting
    repeat: weekly
    until: 2026-12-14
    except: [2026-08-17]
  - title: Semester holiday
    start: 2026-12-21
    end: 2027-01-01
    category: holiday
""",
}


def indonesian_only_words() -> dict[str, str]:
    """The interface texts of id.yaml that en.yaml says differently."""
    i18n = REPO / "layouts" / "i18n"
    indonesian = yaml.safe_load((i18n / "id.yaml").read_text(encoding="utf-8"))
    english = yaml.safe_load((i18n / "en.yaml").read_text(encoding="utf-8"))
    return {key: value for key, value in indonesian.items() if english.get(key) != value}


def visible_text(data: bytes) -> str:
    page = data.decode("utf-8")
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def words_found(words: dict[str, str], found_in: str) -> dict[str, str]:
    return {key: value for key, value in words.items()
            if re.search(r"(?<!\w)" + re.escape(value) + r"(?!\w)", found_in)}


@pytest.fixture
def english(tiny: TinySite) -> dict[str, bytes]:
    for name, content in ENGLISH_CONTENT.items():
        tiny.write(name, content)
    return tiny.build(write=False).files


def test_english_site_pages_contain_no_indonesian_interface_text(english: dict[str, bytes]) -> None:
    words = indonesian_only_words()
    assert words["search"] == "Cari" and len(words) > 100
    pages = {name: data for name, data in english.items() if name.endswith(".html")}
    assert len(pages) > 20
    found = {name: leak for name, data in pages.items() if (leak := words_found(words, visible_text(data)))}
    assert found == {}


SPOKEN_ATTRIBUTES = ("aria-label", "title", "alt", "placeholder", "content")  # read aloud or shown


def test_english_site_attributes_contain_no_indonesian_interface_text(english: dict[str, bytes]) -> None:
    words = indonesian_only_words()
    found = {}
    for name, data in english.items():
        if name.endswith(".html"):
            values = " | ".join(value for element in parse(data).iter() if isinstance(element.tag, str)
                                for key, value in element.attrib.items()
                                if key in SPOKEN_ATTRIBUTES or key.startswith("data-"))
            if leak := words_found(words, values):
                found[name] = leak
    assert found == {}


def test_the_indonesian_interface_text_check_finds_indonesian() -> None:
    sample = b"<p>Tempat: Aula</p><p>Kembali ke agenda</p><p>Place &amp; time</p>"
    assert words_found(indonesian_only_words(), visible_text(sample)) == {
        "location": "Tempat", "back_to_agenda": "Kembali ke agenda"}


def test_english_site_pages_say_they_are_english(english: dict[str, bytes]) -> None:
    for name, data in english.items():
        if not name.endswith(".html"):
            continue
        tree = parse(data)
        assert tree.get("lang") == "en", name
        assert meta(tree, "og:locale") == ["en_US"], name


def test_english_site_writes_dates_in_english(english: dict[str, bytes]) -> None:
    event = visible_text(english["agenda/rapat/index.html"])
    assert "Saturday, 5 December 2026" in " ".join(event.split())
    agenda = " ".join(visible_text(english["agenda/index.html"]).split())
    assert "Saturday, 5 December 2026" in agenda
    assert "December 2026" in agenda and "Desember" not in agenda


def test_english_site_names_the_semester_and_its_effective_school_days_in_english(
        english: dict[str, bytes]) -> None:
    home = " ".join(visible_text(english["index.html"]).split())
    # 13 July to 19 December 2026, Monday to Saturday: 138 days less the semester holiday's days
    # within it (none: it starts on 21 December).
    assert "Now: First semester 2026/2027 (13 July – 19 December 2026), 138 effective school days." in home
    month = " ".join(visible_text(english["kalender/2026-12/index.html"]).split())
    assert "Effective school days this month: 17 days ( First semester 2026/2027 )" in month  # a link inside
    calendar = " ".join(visible_text(english["kalender/index.html"]).split())
    assert "School year 2026/2027 School days: Monday to Saturday." in calendar


@pytest.mark.parametrize("school", ["example_site", "second_school"])
def test_the_facts_of_event_and_achievement_pages_read_apart_in_search_results(
    request: pytest.FixtureRequest, school: str
) -> None:
    """The search's excerpts join the text of neighbouring elements (Pagefind reads no gap between a <dt> and a
    <dd>): every fact's name and value has whitespace after it, or a result reads 'TempatDaringTautan daring'.
    Both schools: every optional fact (rank, competition, organizer, students, location, online link, audience)."""
    site: Path = request.getfixturevalue(school)
    pages = [*site.glob("agenda/*/index.html"), *site.glob("prestasi/*/index.html")]
    run_together = []
    for page in pages:
        for facts in parse(page.read_bytes()).xpath('//dl[@class="facts"]'):
            parts = facts.xpath("dt | dd")
            run_together += [f"{page.relative_to(site).parent}: {part.text_content()!r} then "
                             f"{after.text_content()!r}" for part, after in pairwise(parts)
                             if not (part.tail or "").isspace()]
    assert len(pages) > 5 and run_together == []


@pytest.fixture(scope="session")
def site_under_prefix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    from sitehttp import example_under_prefix

    return example_under_prefix(request, tmp_path_factory)


@pytest.mark.browser
def test_search_for_rapor_finds_the_report_card_announcement_and_event(
    browser_context: Any, site_under_prefix: Any
) -> None:
    page = browser_context.new_page()
    try:
        page.goto(site_under_prefix.url("cari/?q=rapor"))
        page.wait_for_selector("#search-results li a", timeout=15_000)
        links = [a.get_attribute("href") for a in page.query_selector_all("#search-results li a")]
        first = [urlsplit(link).path for link in links[:3]]
        assert "/nama-repo/pengumuman/pembagian-rapor-semester-ganjil/" in first, links
        assert "/nama-repo/agenda/pembagian-rapor-semester-ganjil-2026/" in first, links
        assert page.input_value("#q") == "rapor"
        assert "JavaScript" not in page.inner_text("main")  # the no-JS notice is not shown
        assert re.fullmatch(r"\d+ halaman ditemukan\.", page.inner_text("#search-status").strip())
    finally:
        page.close()


@pytest.mark.browser
def test_search_page_without_javascript_explains_and_links_to_the_sections(browser: Any,
                                                                         site_under_prefix: Any) -> None:
    from sitehttp import fetch

    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_under_prefix.url("cari/?q=rapor"))
        notice = yaml.safe_load((REPO / "layouts" / "i18n" / "id.yaml").read_text(encoding="utf-8"))["search_no_js"]
        message = page.locator("main noscript p")  # (Playwright's get_by_text never looks inside <noscript>)
        assert message.is_visible() and message.inner_text().strip() == notice
        hrefs = [a.get_attribute("href") for a in page.query_selector_all("main ul a")]
        titles = [a.inner_text() for a in page.query_selector_all("main ul a")]
        assert titles == [SITE["sections"][s]["title"] for s in ("events", "announcements", "achievements", "pages",
                                                                 "calendar")]
        expected = [f"/nama-repo/{SITE['sections'][s]['path']}/"
                    for s in ("events", "announcements", "achievements", "pages", "calendar")]
        assert hrefs == expected
        assert all(fetch(site_under_prefix.origin + href).status == 200 for href in hrefs)
        assert page.query_selector_all("#search-results li") == []
    finally:
        context.close()
