"""The school year as data, as parents read it: semesters and their effective school days (hari
efektif), national holidays and cuti bersama written by `python build.py libur`, items for everyone on
every audience page and feed, and a calendar page that lists every entry of every calendar file once.

Everything runs on the example site and on the second school of tests/fixtures/second-school/:
another time zone (WITA), a project site under /sekolah-lain/, a six-day week, its own holiday
category and everyone-key, a regional holiday and a no-school day added by hand. Expectations come
from the sources read with plain PyYAML, from the holidays library itself, and from hand counts
written down below, never from the generator's own code.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import holidays
import icalendar
import lxml.html
import pytest
import yaml
from conftest import EXAMPLE, REPO, SECOND_SCHOOL, SECOND_SCHOOL_NOW, TODAY, TinySite, copy_example

from sitegen.commands.cli import main
from sitegen.load.config import load_config
from sitegen.load.content import scan_static
from sitegen.pipeline import Options, build_site, load_site
from sitegen.plan.indexes import build_indexes

# --- the two schools ---------------------------------------------------------------------------


class School:
    """A project folder as the tests read it: its settings, calendar files, event pages and built site."""

    def __init__(self, root: Path, site: Path, now: datetime) -> None:
        self.root = root
        self.site = site
        self.now = now
        self.settings: dict[str, Any] = yaml.safe_load((root / "site.yaml").read_text(encoding="utf-8"))
        self.base_url: str = self.settings["base_url"]
        self.base_path = "/" + self.base_url.split("://", 1)[1].split("/", 1)[1]  # "/situs/"
        self.everyone: str = self.settings["calendar"].get("everyone", "semua")
        self.calendars = {p.name: yaml.safe_load(p.read_text(encoding="utf-8"))
                          for p in sorted((root / "content" / "calendars").glob("*.yaml"))}
        self.events = {p.stem: front_matter(p) for p in sorted((root / "content" / "events").glob("*.md"))}

    def entries(self) -> list[dict[str, Any]]:
        return [entry for calendar in self.calendars.values() for entry in calendar["entries"]]

    def holiday_file(self) -> dict[str, Any]:
        [found] = [c for name, c in self.calendars.items() if name.startswith("libur-")]
        return found

    def page(self, path: str) -> lxml.html.HtmlElement:
        return lxml.html.fromstring((self.site / path).read_bytes())


def front_matter(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---\n", 2)[1])


@pytest.fixture(scope="module")
def example(example_site: Path) -> School:
    return School(EXAMPLE, example_site, datetime.fromisoformat(TODAY))


@pytest.fixture(scope="module")
def second(second_school: Path) -> School:
    return School(SECOND_SCHOOL, second_school, SECOND_SCHOOL_NOW)


@pytest.fixture(scope="module", params=["example", "second"])
def school(request: pytest.FixtureRequest) -> School:
    found: School = request.getfixturevalue(request.param)
    return found


def is_example(school: School) -> bool:
    return school.root == EXAMPLE


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


# --- national holidays and cuti bersama: `python build.py libur` ----------------------------------


def library_holidays(first_year: int) -> list[tuple[date, str]]:
    """Indonesia's national holidays and cuti bersama, July to June, in Indonesian, from the library."""
    table = holidays.country_holidays("ID", years=(first_year, first_year + 1), language="id",
                                      categories=("public", "government"))
    first, last = date(first_year, 7, 1), date(first_year + 1, 6, 30)
    return sorted((day, name) for day, _ in table.items() if first <= day <= last for name in table.get_list(day))


def test_the_holiday_file_holds_the_librarys_holidays_and_cuti_bersama_of_the_school_year(school: School) -> None:
    calendar = school.holiday_file()
    first_year = int(calendar["title"].rsplit(" ", 1)[1][:4])
    found = library_holidays(first_year)
    assert any(name.startswith("Cuti Bersama") for _, name in found), "cuti bersama are in the file too"
    assert sorted((e["start"], e["title"]) for e in calendar["entries"]) == found
    no_school = [key for key, c in school.settings["calendar"]["categories"].items() if c.get("no_school")]
    assert {e["category"] for e in calendar["entries"]} == set(no_school)
    assert [e for e in calendar["entries"] if "audience" in e] == [], "holidays are for everyone"


def test_dates_the_library_estimates_stay_marked_as_estimates(school: School) -> None:
    entries = school.holiday_file()["entries"]
    estimated = [e for e in entries if "(perkiraan)" in e["title"]]
    assert estimated, "the Hijri dates of the coming year are estimates"
    assert all("perkiraan" in e["description"] for e in estimated)
    assert all("description" not in e for e in entries if e not in estimated)


@pytest.mark.parametrize("sources", [REPO, EXAMPLE, SECOND_SCHOOL], ids=["repository", "example", "second"])
def test_the_shipped_holiday_file_is_exactly_what_the_command_writes(tmp_path: Path, sources: Path) -> None:
    shutil.copy(sources / "site.yaml", tmp_path / "site.yaml")
    said = io.StringIO()
    with contextlib.redirect_stdout(said), contextlib.redirect_stderr(said):
        assert main(["libur", "2026/2027", "--root", str(tmp_path)]) == 0, said.getvalue()
    written = (tmp_path / "content" / "calendars" / "libur-2026-2027.yaml").read_bytes()
    assert written == (sources / "content" / "calendars" / "libur-2026-2027.yaml").read_bytes()


def test_libur_never_overwrites_an_edited_file_without_force(tiny: TinySite) -> None:
    path = tiny.root / "content" / "calendars" / "libur-2026-2027.yaml"
    assert tiny.main("libur", "2026/2027", "--category", "libur").returncode == 0
    fresh = path.read_text(encoding="utf-8")
    assert tiny.main("libur", "2026/2027", "--category", "libur").stdout == (
        "content/calendars/libur-2026-2027.yaml sudah sesuai; tidak ada yang diubah.\n")
    edited = fresh + "  - title: Hari Jadi Kota Contoh\n    start: 2026-10-10\n    category: libur\n"
    path.write_text(edited, encoding="utf-8")

    refused = tiny.main("libur", "2026/2027", "--category", "libur")

    assert refused.returncode == 2
    assert refused.stderr == (
        "content/calendars/libur-2026-2027.yaml sudah ada dan mungkin sudah disunting, jadi tidak ditimpa.\n"
        "  Petunjuk: bandingkan sendiri, atau tulis ulang dengan 'python build.py libur 2026/2027 --force' "
        "(suntingan di berkas itu hilang).\n")
    assert path.read_text(encoding="utf-8") == edited
    forced = tiny.main("libur", "2026/2027", "--category", "libur", "--force")
    assert forced.returncode == 0
    assert path.read_text(encoding="utf-8") == fresh


def test_libur_without_a_no_school_category_asks_for_one(tiny: TinySite) -> None:
    result = tiny.main("libur", "2026/2027")
    assert result.returncode == 2
    assert result.stderr == (
        "Tidak ada kategori hari libur: beri 'no_school: true' pada kategori hari libur di site.yaml, atau pilih "
        "dengan --category salah satu dari: libur, rapat.\n")
    assert not (tiny.root / "content" / "calendars").exists()


def test_libur_names_the_categories_when_the_one_given_is_unknown(tiny: TinySite) -> None:
    result = tiny.main("libur", "2026/2027", "--category", "liburan")
    assert result.returncode == 2
    assert result.stderr == "Kategori 'liburan' tidak ada di site.yaml; pilih salah satu dari: libur, rapat.\n"


def test_libur_for_a_year_the_library_has_no_holidays_of_writes_nothing(tiny: TinySite) -> None:
    result = tiny.main("libur", "1940/1941", "--category", "libur")
    assert result.returncode == 2
    assert result.stderr == ("Pustaka holidays tidak punya hari libur Indonesia untuk tahun pelajaran 1940/1941; "
                             "tidak ada berkas yang ditulis.\n")
    assert not (tiny.root / "content" / "calendars").exists()


def test_libur_refuses_a_school_year_that_is_not_two_following_years(tiny: TinySite) -> None:
    result = tiny.main("libur", "2026/2028")
    assert result.returncode == 2
    assert "'2026/2028' bukan tahun pelajaran seperti 2026/2027" in result.stderr


# --- holidays everywhere: grids, agenda, every feed ------------------------------------------------


# The words a changed event's SUMMARY starts with ("DIBATALKAN: ..."), from the interface text.
HEADLINES = tuple(f"{value}: " for key, value in yaml.safe_load(
    (REPO / "layouts" / "i18n" / "id.yaml").read_text(encoding="utf-8")).items() if key.startswith("headline_"))


def feed_summaries(path: Path) -> Counter[str]:
    """The titles of the VEVENTs of a feed, without the status words in front."""
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    found: Counter[str] = Counter()
    for event in calendar.walk("VEVENT"):
        summary = str(event["SUMMARY"])
        found[next((summary[len(h):] for h in sorted(HEADLINES, key=len, reverse=True) if summary.startswith(h)),
                   summary)] += 1
    return found


def test_every_subscription_feed_for_an_audience_carries_every_holiday(school: School) -> None:
    titles = Counter(e["title"] for e in school.holiday_file()["entries"])
    feeds = [f"kalender/untuk-{key}.ics" for key in school.settings["calendar"]["audiences"]]
    no_school = [key for key, c in school.settings["calendar"]["categories"].items() if c.get("no_school")]
    feeds += ["kalender/semua.ics", *(f"kalender/kategori-{key}.ics" for key in no_school)]
    for name in feeds:
        summaries = feed_summaries(school.site / name)
        assert {title: summaries[title] for title in titles} == dict(titles), name


def test_audience_feeds_carry_their_own_items_and_those_for_everyone_and_nothing_else(school: School) -> None:
    def for_everyone(item: dict[str, Any]) -> bool:
        return not item.get("audience") or school.everyone in item["audience"]

    pages = {f"/agenda/{slug}/" for slug in school.events}
    items = list(school.events.values()) + [e for e in school.entries() if e.get("url") not in pages]
    assert any(i.get("audience") for i in items) and any(not for_everyone(i) for i in items)
    for key in school.settings["calendar"]["audiences"]:
        kept = Counter(i["title"] for i in items if key in (i.get("audience") or []) or for_everyone(i))
        assert feed_summaries(school.site / "kalender" / f"untuk-{key}.ics") == kept, key


def test_every_holiday_is_on_its_days_of_the_month_grid_and_on_the_agenda(school: School) -> None:
    agenda = {text(h) for h in school.page("agenda/index.html").xpath('//li[contains(@class, "agenda-item")]/h3')}
    for entry in school.holiday_file()["entries"]:
        day: date = entry["start"]
        grid = school.page(f"kalender/{day:%Y-%m}/index.html")
        cells = [cell for cell in grid.xpath("//table/tbody/tr/td[not(contains(@class, 'other-month'))]")
                 if text(cell.xpath('.//span[contains(@class, "day-number")]')[0]).split(",")[-1].split()[0]
                 == str(day.day)]
        assert [c for c in cells if entry["title"] in text(c)], (entry["title"], day)
        assert entry["title"] in agenda


# --- the calendar page: every entry once, by semester ----------------------------------------------


def listed(school: School) -> Counter[tuple[str, str | None]]:
    """(title, link) of every item of the calendar page."""
    tree = school.page("kalender/index.html")
    found: Counter[tuple[str, str | None]] = Counter()
    for heading in tree.xpath('//li[contains(@class, "agenda-item")]/*[self::h3 or self::h4]'):
        links = heading.xpath(".//a/@href")
        # The title without the status words that stand before it ("Dibatalkan").
        title = " ".join("".join(heading.xpath("./text()|./a//text()")).split())
        found[(title, links[0] if links else None)] += 1
    return found


def test_the_calendar_page_lists_every_entry_of_every_calendar_file_exactly_once(school: School) -> None:
    expected: Counter[tuple[str, str | None]] = Counter()
    merged = 0
    for entry in school.entries():
        url = entry.get("url")
        slug = url.strip("/").split("/")[-1] if url else None
        if slug in school.events:  # merged with its event page: shown once, as the page
            expected[(school.events[slug]["title"], school.base_path + url.lstrip("/"))] += 1
            merged += 1
        else:
            expected[(entry["title"], school.base_path + url.lstrip("/") if url else None)] += 1
    assert merged >= 1
    assert listed(school) == expected


def semester_sections(school: School) -> dict[str, lxml.html.HtmlElement]:
    tree = school.page("kalender/index.html")
    return {text(s.xpath("./h3")[0]): s for s in tree.xpath('//section[contains(@class, "semester")]')}


def test_the_calendar_page_is_organised_by_semester_with_entries_in_their_semester(example: School) -> None:
    sections = semester_sections(example)
    assert list(sections) == ["Semester Ganjil 2026/2027", "Semester Genap 2026/2027"]
    titles = {name: [text(h) for h in s.xpath(".//li/h4")] for name, s in sections.items()}
    assert {"Hari Pertama Tahun Pelajaran 2026/2027", "Libur Semester Ganjil", "Hari Raya Natal",
            "Tahun Baru Masehi"} <= set(titles["Semester Ganjil 2026/2027"])
    assert {"Hari Pertama Semester Genap", "Hari Suci Nyepi", "Libur Semester Genap"} <= set(
        titles["Semester Genap 2026/2027"])
    [year] = example.page("kalender/index.html").xpath("//section[contains(@class, 'school-year')]/h2")
    assert text(year) == "Tahun Pelajaran 2026/2027"


def test_a_months_caption_counts_an_entry_that_began_the_month_before(school: School) -> None:
    key = "2027-07"
    tree = school.page(f"kalender/{key}/index.html")
    [caption] = tree.xpath("//table/caption")
    assert "tidak ada kegiatan" not in text(caption)
    assert tree.xpath("//td//li"), "the holiday from June is on the first days of July"
    for path in sorted((school.site / "kalender").glob("20*/index.html")):
        page = lxml.html.fromstring(path.read_bytes())
        empty = "tidak ada kegiatan" in text(page.xpath("//table/caption")[0])
        assert empty == (not page.xpath("//td[not(contains(@class, 'other-month'))]//li")), path


# --- effective school days (hari efektif), counted by hand -----------------------------------------

# Example site, Semester Ganjil 2026/2027: Monday 13 July to Saturday 19 December 2026, school from
# Monday to Friday. No-school days are the national holidays of libur-2026-2027.yaml.
EXAMPLE_BY_HAND = {
    "2026-07": 15,  # 13-17, 20-24, 27-31 July: three whole weeks
    "2026-08": 19,  # 21 weekdays (3-7, 10-14, 17-21, 24-28, 31) less Mon 17 Aug (Kemerdekaan) and Tue 25 Aug (Maulid)
    "2026-09": 22,  # 1-4, 7-11, 14-18, 21-25, 28-30: 4 + 5 + 5 + 5 + 3
    "2026-10": 22,  # 1-2, 5-9, 12-16, 19-23, 26-30: 2 + 5 + 5 + 5 + 5
    "2026-11": 21,  # 2-6, 9-13, 16-20, 23-27, 30: 5 + 5 + 5 + 5 + 1
    "2026-12": 14,  # 1-4, 7-11, 14-18: 4 + 5 + 5; the semester ends on Saturday 19 December
}
EXAMPLE_TOTAL = 113  # 15 + 19 + 22 + 22 + 21 + 14
# And one month of the other semester, where cuti bersama count too: March 2027 has 23 weekdays
# (1-5, 8-12, 15-19, 22-26, 29-31) less Nyepi (Mon 8), cuti bersama (Tue 9, Fri 12, Mon 15),
# Idul Fitri (Wed 10, Thu 11), cuti bersama Wafat Yesus Kristus (Thu 25) and Wafat Yesus Kristus (Fri 26).
EXAMPLE_MARCH_2027 = 15

# Second school, Semester 1 2026/2027: Monday 13 July to Saturday 19 December 2026, school from Monday
# to Saturday. Its holiday category is `hari-libur`; an entry of another category with
# `no_school: true` takes its day off too; a cancelled holiday takes nothing off.
SECOND_BY_HAND = {
    "2026-07": 17,  # 13-18, 20-25 (two six-day weeks), 27-31 (Monday to Friday; 1 August is the Saturday)
    "2026-08": 26 - 2,  # 1, 3-8, 10-15, 17-22, 24-29, 31 = 26, less Mon 17 Aug and Tue 25 Aug
    "2026-09": 26,  # 1-5, 7-12, 14-19, 21-26, 28-30: 5 + 6 + 6 + 6 + 3
    "2026-10": 27 - 1,  # 1-3, 5-10, 12-17, 19-24, 26-31 = 27, less Sat 17 Oct (Rapat Kerja Guru, no_school: true)
    "2026-11": 25 - 1,  # 2-7, 9-14, 16-21, 23-28, 30 = 25, less Mon 9 Nov (Hari Jadi Kota Makassar, by hand);
                        # Libur Pilkada on Wed 25 Nov is cancelled and takes nothing off
    "2026-12": 17,  # 1-5, 7-12, 14-19: 5 + 6 + 6
}
SECOND_TOTAL = 134  # 17 + 24 + 26 + 26 + 24 + 17


def by_hand(school: School) -> tuple[str, dict[str, int], int]:
    if is_example(school):
        return "Semester Ganjil 2026/2027", EXAMPLE_BY_HAND, EXAMPLE_TOTAL
    return "Semester 1 2026/2027", SECOND_BY_HAND, SECOND_TOTAL


def test_the_hand_counts_add_up() -> None:
    assert sum(EXAMPLE_BY_HAND.values()) == EXAMPLE_TOTAL
    assert sum(SECOND_BY_HAND.values()) == SECOND_TOTAL


def test_the_indexes_count_the_effective_days_of_one_semester_as_the_hand_count(school: School) -> None:
    name, months, total = by_hand(school)
    config, lines = load_config(school.root)
    static, _ = scan_static(school.root)
    site, problems, _ = load_site(school.root, config, lines, static, False, school.now.date())
    [semester] = [s for s in build_indexes(site, school.now).semesters if s.title == name]
    assert problems == []
    assert {m.key: m.effective_days for m in semester.months} == months
    assert semester.effective_days == total


def test_the_calendar_page_shows_the_hand_counted_effective_days_per_month_and_semester(school: School) -> None:
    name, months, total = by_hand(school)
    section = semester_sections(school)[name]
    rows = {text(r.xpath("./th")[0]): int(text(r.xpath("./td")[0])) for r in section.xpath(".//table/tbody/tr")}
    month_names = {key: f"{m} {key[:4]}" for key, m in zip(months, months_in_indonesian(months), strict=True)}
    assert rows == {month_names[key]: days for key, days in months.items()}
    assert text(section.xpath(".//table/tfoot//td")[0]) == str(total)
    assert f"{total} hari efektif" in text(section.xpath("./p")[0])
    links = section.xpath(".//table/tbody/tr/th/a/@href")
    assert links == [f"{school.base_path}kalender/{key}/" for key in months]


def months_in_indonesian(keys: dict[str, int]) -> list[str]:
    names = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
             "November", "Desember"]
    return [names[int(key[5:]) - 1] for key in keys]


def test_every_month_page_of_the_semester_shows_its_hand_counted_effective_days(school: School) -> None:
    name, months, _ = by_hand(school)
    extra = {"2027-03": EXAMPLE_MARCH_2027} if is_example(school) else {}
    for key, days in {**months, **extra}.items():
        [line] = school.page(f"kalender/{key}/index.html").xpath('//p[contains(@class, "school-days-line")]')
        assert text(line).startswith(f"Hari efektif sekolah bulan ini: {days} hari ("), key
    [line] = school.page(f"kalender/{next(iter(months))}/index.html").xpath('//p[@class="school-days-line"]')
    anchor = name.lower().replace(" ", "-").replace("/", "-")  # "semester-ganjil-2026-2027"
    assert line.xpath(".//a/@href") == [f"{school.base_path}kalender/#{anchor}"]


def test_a_month_after_the_declared_school_years_says_its_effective_days_are_not_known(school: School) -> None:
    key = "2027-07"
    [line] = school.page(f"kalender/{key}/index.html").xpath('//p[@class="school-days-line"]')
    assert text(line) == ("Hari efektif bulan ini belum tercatat, karena kalender tahun pelajarannya belum dimuat.")


# --- which semester it is ------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["index.html", "agenda/index.html", "kalender/index.html"])
def test_home_agenda_and_calendar_say_which_semester_it_is_on_the_build_day(school: School, path: str) -> None:
    name, _, total = by_hand(school)
    [line] = school.page(path).xpath('//p[@class="semester-now"]')
    span = "13 Juli – 19 Desember 2026"
    assert text(line) == f"Sekarang: {name} ({span}), {total} hari efektif."


def test_between_semesters_the_home_page_names_the_next_semester_and_its_first_day(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "situs")
    built = build_site(root, Options(today=date(2026, 12, 28), write=False)).files
    [line] = lxml.html.fromstring(built["index.html"]).xpath('//p[@class="semester-now"]')
    assert text(line) == "Di luar masa semester. Semester Genap 2026/2027 dimulai Senin, 4 Januari 2027."


# --- the second school's own setting: time zone, base path ------------------------------------------


def test_the_second_school_speaks_wita_and_lives_under_its_base_path(second: School) -> None:
    page = second.page("agenda/pertemuan-pindah/index.html")
    assert "Sabtu, 5 Desember 2026, 09.00–11.00 WITA" in text(page)
    data = (second.site / "kalender" / "untuk-kelas-6.ics").read_text(encoding="utf-8")
    assert "DTSTART;TZID=Asia/Makassar:20261205T090000" in data
    hrefs = second.page("kalender/index.html").xpath("//main//a/@href")
    assert hrefs and all(h.startswith("/sekolah-lain/") for h in hrefs if h.startswith("/"))


def test_the_second_schools_audience_feeds_give_each_holiday_the_day_the_library_gives(second: School) -> None:
    calendar = icalendar.Calendar.from_ical((second.site / "kalender" / "untuk-kelas-6.ics").read_bytes())
    starts = {(e["DTSTART"].dt, str(e["SUMMARY"])) for e in calendar.walk("VEVENT")}
    assert set(library_holidays(2026)) <= starts
    natal = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Hari Raya Natal"]
    assert [e["DTEND"].dt - e["DTSTART"].dt for e in natal] == [timedelta(days=1)]
