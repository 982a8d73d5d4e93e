"""Every copy of an item tells parents what changed: page, link preview, WhatsApp, feeds, calendar apps.

A parent may see only a forwarded WhatsApp message, a link preview, a feed reader's line or a
calendar notification; each must say "DIBATALKAN", "DITUNDA", "JADWAL DIUBAH" or "DARING" first.
Checked on a second school (WITA, a base path; tests/fixtures/second-school) and on the example site.
"""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import icalendar
import lxml.etree
import lxml.html
import pytest
from conftest import TinySite, copy_example

from sitegen.history import Revision, load_history, parse_log
from sitegen.pipeline import Options, build_site

ATOM = "{http://www.w3.org/2005/Atom}"
BASE = "https://example.github.io/sekolah-lain/"

# slug -> (the title as every copy shows it, the first sentence after it)
CHANGED = {
    "lomba-batal": (
        "DIBATALKAN: Lomba Mewarnai",
        "Dibatalkan: kegiatan pada Sabtu, 12 Desember 2026 tidak jadi dilaksanakan.",
    ),
    "rapat-ditunda": (
        "DITUNDA: Rapat Komite",
        "Ditunda: kegiatan yang semula dijadwalkan Selasa, 8 Desember 2026, 10.00–12.00 WITA ditunda; "
        "tanggal baru akan diumumkan.",
    ),
    "pertemuan-pindah": (
        "JADWAL DIUBAH: Pertemuan Orang Tua Kelas VI",
        "Jadwal diubah: Sabtu, 28 November 2026, 09.00 WITA menjadi Sabtu, 5 Desember 2026, 09.00–11.00 WITA.",
    ),
    "pentas-daring": (
        "DARING: Pentas Musik",
        "Daring: ikuti lewat https://meet.example.com/pentas-musik.",
    ),
}
# The words that stand before the title on list cards and in month grids.
CARD_WORDS = {"lomba-batal": "Dibatalkan", "rapat-ditunda": "Ditunda", "pertemuan-pindah": "Jadwal diubah",
              "pentas-daring": "Daring"}
MONTH_WORDS = {"lomba-batal": "DIBATALKAN:", "rapat-ditunda": "DITUNDA:", "pertemuan-pindah": "JADWAL DIUBAH:",
               "pentas-daring": "DARING:"}


def html(path: Path) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(path.read_bytes())


def meta(tree: lxml.html.HtmlElement, prop: str) -> str:
    [value] = tree.xpath(f'//meta[@property="{prop}"]/@content')
    return str(value)


def words(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().split())


@pytest.mark.parametrize("slug", list(CHANGED))
def test_the_event_page_its_title_and_link_preview_say_what_changed_first(second_school: Path, slug: str) -> None:
    headline, change = CHANGED[slug]
    tree = html(second_school / "agenda" / slug / "index.html")
    assert tree.findtext(".//title") == f"{headline} · SD Contoh Makassar"
    assert meta(tree, "og:title") == headline
    assert meta(tree, "og:description").startswith(change + " ")
    [description] = tree.xpath('//meta[@name="description"]/@content')
    assert description == meta(tree, "og:description")


@pytest.mark.parametrize("slug", list(CHANGED))
def test_the_whatsapp_text_and_link_say_what_changed_first(second_school: Path, slug: str) -> None:
    headline, change = CHANGED[slug]
    tree = html(second_school / "agenda" / slug / "index.html")
    [textarea] = tree.xpath('//textarea[@id="share-text"]')
    lines = textarea.text.split("\n")
    assert lines[0] == headline
    assert change in lines[1:3]
    assert lines[-1] == f"{BASE}agenda/{slug}/"
    [link] = tree.xpath('//a[@class="wa-share"]/@href')
    assert parse_qs(urlparse(link).query)["text"] == [textarea.text]


def test_a_cancelled_event_invites_nobody_on_whatsapp(second_school: Path) -> None:
    [textarea] = html(second_school / "agenda" / "lomba-batal" / "index.html").xpath('//textarea[@id="share-text"]')
    assert textarea.text == (
        "DIBATALKAN: Lomba Mewarnai\n"
        "Dibatalkan: kegiatan pada Sabtu, 12 Desember 2026 tidak jadi dilaksanakan.\n"
        f"{BASE}agenda/lomba-batal/")


@pytest.mark.parametrize("feed", ["agenda/feed.xml", "feed.xml"])
def test_atom_entries_say_what_changed_first(second_school: Path, feed: str) -> None:
    root = lxml.etree.parse(str(second_school / feed)).getroot()
    entries = {e.findtext(f"{ATOM}id"): e for e in root.iter(f"{ATOM}entry")}
    for slug, (headline, change) in CHANGED.items():
        entry = entries[f"{BASE}agenda/{slug}/"]
        assert entry.findtext(f"{ATOM}title") == headline
        assert entry.findtext(f"{ATOM}summary").startswith(change + " ")


@pytest.mark.parametrize("slug", list(CHANGED))
def test_calendar_apps_show_what_changed_in_summary_and_description(second_school: Path, slug: str) -> None:
    headline, change = CHANGED[slug]
    for name in ("kalender/semua.ics", f"agenda/{slug}/{slug}.ics"):
        calendar = icalendar.Calendar.from_ical((second_school / name).read_bytes())
        [event] = [e for e in calendar.events if str(e.get("URL")) == f"{BASE}agenda/{slug}/"]
        assert str(event["SUMMARY"]) == headline
        assert str(event["DESCRIPTION"]).startswith(change + "\n")


@pytest.mark.parametrize("slug", list(CHANGED))
def test_list_cards_and_month_grids_say_what_changed_before_the_title(second_school: Path, slug: str) -> None:
    title = CHANGED[slug][0].split(": ", 1)[1]
    link = f"/sekolah-lain/agenda/{slug}/"
    agenda = html(second_school / "agenda" / "index.html")
    [heading] = agenda.xpath(f'//li[contains(@class, "agenda-item")]/h3[a/@href="{link}"]')
    assert words(heading) == f"{CARD_WORDS[slug]} {title}"
    month = html(second_school / "kalender" / "2026-12" / "index.html")
    cells = month.xpath(f'//li[contains(@class, "entry")][a/@href="{link}"]')
    assert cells and all(f"{MONTH_WORDS[slug]} {title}" in words(cell) for cell in cells)  # after the time


def test_an_announcement_labels_its_date_as_the_publication_date(second_school: Path) -> None:
    tree = html(second_school / "pengumuman" / "jadwal-ujian" / "index.html")
    [textarea] = tree.xpath('//textarea[@id="share-text"]')
    assert textarea.text.split("\n")[:2] == ["Jadwal Ujian Sekolah Kelas VI", "Diterbitkan: Jumat, 20 November 2026"]


def test_an_event_that_ended_before_the_rebuild_is_not_called_ongoing(second_school: Path) -> None:
    """00:30–01:30 on the build day, rebuilt at 05:07: it is over, so it is listed as past."""
    agenda = html(second_school / "agenda" / "index.html")
    link = "/sekolah-lain/agenda/rapat-dini-hari/"
    [item] = agenda.xpath(f'//li[contains(@class, "agenda-item")][h3/a/@href="{link}"]')
    assert "past" in item.getparent().get("class")
    assert "Sedang berlangsung" not in words(item)


def test_a_timed_event_without_end_shows_the_same_hour_everywhere(tiny: TinySite) -> None:
    tiny.write("content/events/rapat.md", '---\ntitle: Rapat\nstart: "2026-12-05 19:30"\ncategory: rapat\n---\n')
    files = tiny.build(write=False).files
    page = files["agenda/rapat/index.html"].decode()
    assert "Sabtu, 5 Desember 2026, 19.30–20.30 WIB" in page
    assert "dates=20261205T193000/20261205T203000" in page
    assert b"DTEND;TZID=Asia/Jakarta:20261205T203000" in files["agenda/rapat/rapat.ics"]


def test_an_english_site_says_what_changed_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", (tiny.root / "site.yaml").read_text().replace("language: id", "language: en"))
    tiny.write("content/events/rapat.md",
               "---\ntitle: Parents' meeting\nstart: 2026-12-05\ncategory: rapat\nstatus: cancelled\n---\n")
    files = tiny.build(write=False).files
    tree = lxml.html.fromstring(files["agenda/rapat/index.html"])
    assert meta(tree, "og:title") == "CANCELLED: Parents' meeting"
    assert meta(tree, "og:description").startswith("Cancelled: the event of Saturday, 5 December 2026 will not ")
    assert b"SUMMARY:CANCELLED: Parents' meeting" in files["kalender/semua.ics"]


CALENDAR = """\
entries:
  - id: rapat-komite
    title: {title}
    start: 2026-12-10
    category: rapat
"""


def test_a_calendar_entry_with_an_id_keeps_its_uid_when_its_title_is_corrected(tiny: TinySite) -> None:
    def uid(title: str) -> str:
        tiny.write("content/calendars/2026.yaml", CALENDAR.format(title=title))
        calendar = icalendar.Calendar.from_ical(tiny.build(write=False).files["kalender/semua.ics"])
        return next(str(e["UID"]) for e in calendar.events if str(e["SUMMARY"]) == title)

    assert uid("Rapat Komte") == uid("Rapat Komite")


def test_two_calendar_entries_with_one_id_are_reported(tiny: TinySite) -> None:
    tiny.write("content/calendars/2026.yaml", CALENDAR.format(title="Rapat") + CALENDAR.format(title="Lain")[9:])
    result = tiny.main("check")
    assert result.returncode == 1
    assert (
        "content/calendars/2026.yaml:6: entri ke-2, kolom 'id': "
        "id 'rapat-komite' sudah dipakai entri lain di baris 2.\n"
        "  Petunjuk: Setiap entri kalender perlu id sendiri: ubah salah satunya, misalnya 'rapat-komite-2'."
    ) in result.stderr


def share_text(site: Path, path: str) -> str:
    [textarea] = html(site / path / "index.html").xpath('//textarea[@id="share-text"]')
    return str(textarea.text)


def test_the_example_sites_whatsapp_texts_tell_the_truth(example_site: Path) -> None:
    assert share_text(example_site, "agenda/studi-tour-2027").startswith(
        "DIBATALKAN: Studi Tour\nDibatalkan: kegiatan pada 15–16 April 2027 tidak jadi dilaksanakan.\n")
    assert share_text(example_site, "agenda/pertemuan-orang-tua-kelas-ix-2026").startswith(
        "JADWAL DIUBAH: Pertemuan Orang Tua Siswa Kelas IX\n"
        "Jadwal diubah: Sabtu, 21 November 2026, 09.00 WIB menjadi Sabtu, 28 November 2026, 09.00–11.00 WIB.\n")
    assert share_text(example_site, "pengumuman/pembagian-rapor-semester-ganjil").startswith(
        "Pembagian Rapor Semester Ganjil 2026/2027\nDiterbitkan: Jumat, 20 November 2026\n")


# --- the Git history drives DTSTAMP, LAST-MODIFIED, SEQUENCE and Atom's updated --------------------------

EDITS = [
    ("2026-11-01T10:00:00+00:00", ""),
    ("2026-11-03T10:00:00+00:00", "status: postponed\n"),
    ("2026-11-05T10:00:00+00:00", 'status: rescheduled\nprevious_start: "2026-12-05 08:00"\n'),
    ("2026-11-07T10:00:00+00:00", 'status: rescheduled\nprevious_start: "2026-12-05 08:00"\n'),
    ("2026-11-09T10:00:00+00:00", "status: cancelled\n"),
]
STARTS = ['"2026-12-05 08:00"', '"2026-12-05 08:00"', '"2026-12-12 08:00"', '"2026-12-19 08:00"',
          '"2026-12-19 08:00"']


def git(root: Path, *args: str, when: str = "2026-11-01T00:00:00+00:00") -> None:
    env = {"GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when, "GIT_AUTHOR_NAME": "Humas",
           "GIT_AUTHOR_EMAIL": "humas@example.sch.id", "GIT_COMMITTER_NAME": "Humas",
           "GIT_COMMITTER_EMAIL": "humas@example.sch.id", "PATH": "/usr/bin:/bin", "HOME": str(root)}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_five_edits_in_git_never_move_sequence_or_dtstamp_backwards(tiny: TinySite) -> None:
    git(tiny.root, "init", "-q")
    seen = []
    for (when, status), start in zip(EDITS, STARTS, strict=True):
        tiny.write("content/events/rapat.md",
                   f"---\ntitle: Rapat orang tua\nstart: {start}\ncategory: rapat\n{status}---\nIsi.\n")
        git(tiny.root, "add", "-A", when=when)
        git(tiny.root, "commit", "-q", "-m", "edit", when=when)
        files = tiny.build(write=False).files
        [event] = icalendar.Calendar.from_ical(files["agenda/rapat/rapat.ics"]).events
        seen.append((int(event["SEQUENCE"]), event["DTSTAMP"].dt, event["LAST-MODIFIED"].dt))
        feed = lxml.etree.fromstring(files["agenda/feed.xml"])
        updated = [e.findtext(f"{ATOM}updated") for e in feed.iter(f"{ATOM}entry")]
        assert updated == [datetime.fromisoformat(when).isoformat()]
    assert [s for s, _, _ in seen] == [0, 1, 2, 3, 4]
    stamps = [datetime.fromisoformat(when).astimezone(UTC) for when, _ in EDITS]
    assert [d for _, d, _ in seen] == stamps and [m for _, _, m in seen] == stamps


def test_history_takes_the_newest_commit_whatever_the_log_order() -> None:
    log = ("\x00200\ncontent/events/a.md\n\n\x00300\ncontent/events/a.md\ncontent/events/b.md\n\n"
           "\x00100\ncontent/events/a.md\n")
    assert parse_log(log) == {
        "content/events/a.md": Revision(datetime.fromtimestamp(300, UTC), 3),
        "content/events/b.md": Revision(datetime.fromtimestamp(300, UTC), 1),
    }


def test_outside_git_there_is_no_history(tmp_path: Path) -> None:
    assert load_history(tmp_path) == {}


# --- what a tester found after the merge -----------------------------------------------------------------

MERGED_ENTRY = """\
entries:
  - title: Rapat orang tua
    start: {start}
    category: rapat
{extra}    url: /agenda/rapat/
"""


def test_a_calendar_entry_shown_as_an_event_page_may_not_contradict_it(tiny: TinySite) -> None:
    tiny.write("content/calendars/2026.yaml", MERGED_ENTRY.format(start="2026-12-04", extra="    status: cancelled\n"))
    result = tiny.main("check")
    assert result.returncode == 1
    assert (
        "content/calendars/2026.yaml:2: entri ke-1, kolom 'start': entri ini tampil sebagai halaman kegiatan "
        "content/events/rapat.md, tetapi nilainya '2026-12-04' berbeda dengan di halaman itu ('2026-12-05').\n"
        "  Petunjuk: Ubah kolom ini di content/events/rapat.md (halaman itulah yang dibaca orang tua dan aplikasi "
        "kalender), lalu samakan atau hapus kolom ini di sini.\n"
    ) in result.stderr
    tiny.write("content/calendars/2026.yaml", MERGED_ENTRY.format(start="2026-12-05", extra=""))
    assert tiny.main("check").returncode == 0  # the same date, nothing else written: the page is the truth


def test_a_cancelled_series_says_the_whole_series_is_cancelled(tiny: TinySite) -> None:
    tiny.write("content/events/senam.md", '---\ntitle: Senam Pagi\nstart: "2026-12-04 06:30"\ncategory: rapat\n'
               "repeat: weekly\nuntil: 2027-01-29\nstatus: cancelled\n---\n")
    files = tiny.build(write=False).files
    change = ("Dibatalkan: kegiatan pada Jumat, 4 Desember 2026, 06.30–07.30 WIB (setiap pekan hingga "
              "29 Januari 2027) tidak jadi dilaksanakan.")
    tree = lxml.html.fromstring(files["agenda/senam/index.html"])
    assert meta(tree, "og:description").startswith(change)
    assert change in tree.xpath('//textarea[@id="share-text"]')[0].text


def test_a_changed_calendar_entry_without_a_page_shows_the_change_on_its_card(tiny: TinySite) -> None:
    tiny.write("content/calendars/2026.yaml", "entries:\n  - title: Rapat guru\n    start: \"2026-12-18 13:00\"\n"
               "    category: rapat\n    status: rescheduled\n    previous_start: \"2026-12-11 13:00\"\n"
               "    mode: online\n    online_url: https://meet.example.com/guru\n")
    files = tiny.build(write=False).files
    change = ("Jadwal diubah: Jumat, 11 Desember 2026, 13.00 WIB menjadi Jumat, 18 Desember 2026, 13.00–14.00 WIB. "
              "Daring: ikuti lewat https://meet.example.com/guru.")
    for page in ("agenda/index.html", "kalender/index.html"):
        tree = lxml.html.fromstring(files[page])
        assert [words(p) for p in tree.xpath('//p[@class="change"]')] == [change], page


@pytest.mark.early
def test_a_cancelled_event_is_neither_next_nor_held_in_the_humas_year(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "situs")

    def built_on(day: str) -> dict[str, bytes]:
        return build_site(root, Options(today=date.fromisoformat(day), write=False)).files

    home = built_on("2027-04-01")["index.html"].decode()
    assert "Studi Tour</a>, 15 April 2027" not in home  # cancelled: not what comes next
    humas = lxml.html.fromstring(built_on("2027-05-01")["informasi/humas/index.html"])
    [item] = [li for li in humas.xpath('//ol[@class="cycle"]//ul/li') if "Studi Tour" in words(li)]
    assert words(item).startswith("DIBATALKAN: Studi Tour") and "sudah dilaksanakan" not in words(item)


def test_an_unfinished_draft_warns_and_the_site_is_still_built(tiny: TinySite) -> None:
    assert tiny.main("new", "event", "Rapat Baru").returncode == 0
    result = tiny.main("check")
    assert result.returncode == 0
    assert "content/events/rapat-baru.md:4: peringatan: kolom 'start': tanggal atau waktu 'TTTT-BB-HH' tidak valid." \
        in result.stderr
    assert tiny.main("check", "--strict").returncode == 1
