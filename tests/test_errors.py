"""Every editor mistake: one broken file of the tiny site, and the exact message the editor reads.

Each test breaks ONE file of the `tiny` site and pins the whole formatted message (file:line,
field, message and hint). Tests marked `xfail(strict=True)` describe the correct behaviour of a
generator bug that is still open; the reason says what happens today.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from conftest import TINY_SITE_YAML, TinySite
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitegen.errors import BuildFailed, ConfigUnusable
from sitegen.pipeline import Options, build_site

EVENT = "content/events/rapat.md"
PAGE = "content/pages/kontak.md"
ANNOUNCEMENT = "content/announcements/libur.md"
ACHIEVEMENT = "content/achievements/juara.md"
CALENDAR = "content/calendars/x.yaml"

MOMENT_HINT = (
    "Tulis tanggal TTTT-BB-HH, atau tanggal dan jam 'TTTT-BB-HH JJ:MM' dalam tanda kutip, "
    'misalnya "2026-12-05 08:00".'
)
YAML_HINT = "Periksa titik dua, tanda kutip dan indentasi (pakai spasi, bukan tab) di baris ini."
LINK_HINT = "Periksa alamatnya. Alamat di situs ini diawali '/' dan diakhiri '/', misalnya /informasi/kontak/."
FILE_HINT = "Unggah berkasnya ke static/{name}, atau perbaiki nama dan foldernya (huruf besar-kecil berpengaruh)."
OUTPUT_HINT = "Pakai folder baru di dalam proyek, misalnya 'output_dir: _site'."
EVENT_FIELDS = (
    "album, audience, category, draft, end, except, humas_stage, image, image_alt, location, mode, online_url, "
    "previous_start, repeat, slug, start, status, summary, tags, title, until"
)


# --- helpers -------------------------------------------------------------------------------


def text(*lines: str) -> str:
    """A file from its lines: line 1 is the first argument."""
    return "\n".join(lines) + "\n"


def message(where: str, what: str, hint: str) -> str:
    """The two-line Indonesian text of one problem."""
    return f"{where}: {what}\n  Petunjuk: {hint}"


def problems(tiny: TinySite) -> list[str]:
    """The formatted problems of a build that must fail, in the site's language."""
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    return [problem.format(caught.value.language) for problem in caught.value.errors]


def config_problems(tiny: TinySite) -> list[str]:
    """The problems of a site.yaml that cannot be used at all."""
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    return [problem.format(caught.value.language) for problem in caught.value.errors]


def write_event(tiny: TinySite, *front_matter: str, body: str = "") -> None:
    """content/events/rapat.md with these front-matter lines (the first one is line 2)."""
    tiny.write(EVENT, text("---", *front_matter, "---") + body)


def write_calendar(tiny: TinySite, *lines: str) -> None:
    tiny.write(CALENDAR, text(*lines))


def site_yaml(*extra: str, replace: tuple[str, str] | None = None) -> str:
    """The tiny site.yaml (20 lines), with a change or extra lines from line 21 on."""
    base = TINY_SITE_YAML if replace is None else TINY_SITE_YAML.replace(*replace)
    return base + "".join(f"{line}\n" for line in extra)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- 1. YAML syntax --------------------------------------------------------------------------


def test_an_unclosed_bracket_is_reported_on_the_line_of_the_bracket(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "audience: [orang-tua", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:4", "kurung '[' atau '{' yang dibuka di baris ini tidak ditutup dengan benar.",
                "Tutup dengan ']' atau '}', dan pisahkan isinya dengan koma: [kelas-7, kelas-8]."),
    ]


def test_an_unclosed_quote_is_reported_on_the_line_of_the_quote(tiny: TinySite) -> None:
    write_event(tiny, 'title: "Rapat', "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2", "tanda kutip yang dibuka di baris ini tidak ditutup.",
                "Tambahkan tanda kutip penutup di akhir nilai, atau hapus tanda kutip pembukanya."),
    ]


def test_a_tab_used_for_indentation_is_reported_on_its_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "audience:", "\t- orang-tua")
    assert problems(tiny) == [
        message(f"{EVENT}:6", "baris ini memakai karakter tab.",
                "Ganti tab dengan spasi; indentasi YAML hanya boleh memakai spasi."),
    ]


def test_a_colon_inside_an_unquoted_title_is_reported_on_its_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat: penting", "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2", "tanda titik dua ':' di tengah nilai membuat baris ini tidak terbaca.",
                'Apit nilainya dengan tanda kutip, misalnya title: "Rapat: penting".'),
    ]


# --- 2. front matter ------------------------------------------------------------------------


def test_a_markdown_file_without_front_matter_is_reported_on_line_1(tiny: TinySite) -> None:
    tiny.write(EVENT, text("title: Rapat", "start: 2026-12-05", "category: rapat", "", "Isi."))
    assert problems(tiny) == [
        message(f"{EVENT}:1", "berkas tidak diawali front matter.",
                "Baris pertama harus '---', lalu kolom seperti 'title: ...', lalu '---' lagi."),
    ]


def test_front_matter_that_is_never_closed_is_reported(tiny: TinySite) -> None:
    tiny.write(EVENT, text("---", "title: Rapat", "start: 2026-12-05", "category: rapat", "", "Isi."))
    assert problems(tiny) == [
        message(f"{EVENT}:1", "front matter tidak ditutup.",
                "Tambahkan baris '---' setelah kolom terakhir, sebelum isi tulisan."),
    ]


def test_front_matter_that_is_a_list_is_reported(tiny: TinySite) -> None:
    write_event(tiny, "- title: Rapat", "- start: 2026-12-05")
    assert problems(tiny) == [
        message(f"{EVENT}:2", "isi berkas harus berupa daftar kolom 'nama: nilai'.",
                "Mulai setiap baris dengan nama kolom, misalnya 'title: Pentas Seni'."),
    ]


# --- 3. duplicate key -------------------------------------------------------------------------


def test_a_duplicate_key_names_the_line_of_the_second_and_of_the_first(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "title: Rapat lagi")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'title'", "kunci 'title' ditulis dua kali (pertama di baris 2).",
                "Hapus salah satunya."),
    ]


def test_a_duplicate_key_inside_a_calendar_entry_names_both_lines(tiny: TinySite) -> None:
    write_calendar(tiny, "entries:", "  - title: A", "    start: 2026-12-21", "    category: libur", "    title: B")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-1, kolom 'title'", "kunci 'title' ditulis dua kali (pertama di baris 2).",
                "Hapus salah satunya."),
    ]


# --- 4. anchors, aliases and tags -------------------------------------------------------------


def test_a_yaml_anchor_and_alias_are_refused(tiny: TinySite) -> None:
    write_event(tiny, "title: &judul Rapat", "summary: *judul", "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2: kolom 'title'", "anchor dan alias YAML ('&' dan '*') tidak diizinkan.",
                "Tulis nilainya lengkap di setiap tempat."),
    ]


def test_a_yaml_alias_alone_is_refused(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "summary: *judul", "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'summary'", "anchor dan alias YAML ('&' dan '*') tidak diizinkan.",
                "Tulis nilainya lengkap di setiap tempat."),
    ]


def test_a_custom_yaml_tag_is_refused_as_written(tiny: TinySite) -> None:
    write_event(tiny, "title: !rahasia Rapat", "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2: kolom 'title'", "tag YAML '!rahasia' tidak diizinkan.",
                "Tulis nilainya sebagai teks biasa, tanpa '!'."),
    ]


def test_a_python_object_tag_is_refused_and_quoted_as_the_editor_wrote_it(tiny: TinySite) -> None:
    write_event(tiny, 'title: !!python/object/apply:os.system ["echo hi"]', "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2: kolom 'title'", "tag YAML '!!python/object/apply:os.system' tidak diizinkan.",
                "Tulis nilainya sebagai teks biasa, tanpa '!'."),
    ]


def test_a_python_object_tag_is_refused_and_never_run(tiny: TinySite) -> None:
    marker = tiny.root / "pwned"
    write_event(tiny, f'title: !!python/object/apply:os.system ["touch {marker}"]', "start: 2026-12-05",
                "category: rapat")
    [found] = problems(tiny)
    assert found.startswith(f"{EVENT}:2: kolom 'title': tag YAML ")
    assert not marker.exists()


# --- 5. missing required fields ---------------------------------------------------------------


def test_an_event_without_category_is_reported(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05")
    assert problems(tiny) == [
        message(f"{EVENT}:2: kolom 'category'", "kolom wajib 'category' belum diisi.",
                "Tambahkan baris 'category: ...'."),
    ]


def test_an_achievement_without_level_is_reported(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Juara 1", "date: 2026-10-01", "field: academic", "---"))
    assert problems(tiny) == [
        message(f"{ACHIEVEMENT}:2: kolom 'level'", "kolom wajib 'level' belum diisi.",
                "Tambahkan baris 'level: ...'."),
    ]


def test_an_empty_quoted_title_is_reported_as_empty(tiny: TinySite) -> None:
    write_event(tiny, 'title: ""', "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        f"{EVENT}:2: kolom 'title': kolom wajib 'title' kosong.\n  Petunjuk: Isi nilainya setelah titik dua."
    ]


def test_an_empty_required_date_does_not_advise_removing_the_line(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date:", "---"))
    [found] = problems(tiny)
    assert found.split("\n")[0] == f"{ANNOUNCEMENT}:3: kolom 'date': kolom wajib 'date' kosong."
    assert "hapus barisnya" not in found


# --- 6. unknown fields --------------------------------------------------------------------------


def test_titel_is_reported_with_did_you_mean_title(tiny: TinySite) -> None:
    write_event(tiny, "titel: Rapat", "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2: kolom 'titel'", "kolom 'titel' tidak dikenal.", "Mungkin maksud Anda 'title'?"),
        message(f"{EVENT}:2: kolom 'title'", "kolom wajib 'title' belum diisi.", "Tambahkan baris 'title: ...'."),
    ]


def test_catgory_is_reported_with_did_you_mean_category(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "catgory: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2: kolom 'category'", "kolom wajib 'category' belum diisi.",
                "Tambahkan baris 'category: ...'."),
        message(f"{EVENT}:4: kolom 'catgory'", "kolom 'catgory' tidak dikenal.", "Mungkin maksud Anda 'category'?"),
    ]


def test_an_unknown_field_without_a_close_match_lists_the_allowed_fields(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "warna: merah")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'warna'", "kolom 'warna' tidak dikenal.",
                f"Kolom yang boleh dipakai: {EVENT_FIELDS}."),
    ]


def test_an_unknown_field_of_an_attachment_lists_the_attachment_fields(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date: 2026-12-01", "attachments:",
                                  "  - title: Jadwal", "    berkas: files/jadwal.pdf", "---"))
    assert problems(tiny) == [
        message(f"{ANNOUNCEMENT}:5: lampiran ke-1, kolom 'file'", "kolom wajib 'file' belum diisi.",
                "Tambahkan baris 'file: ...'."),
        message(f"{ANNOUNCEMENT}:6: lampiran ke-1, kolom 'berkas'", "kolom 'berkas' tidak dikenal.",
                "Kolom yang boleh dipakai: file, title."),
    ]


# --- 7. dates and moments -------------------------------------------------------------------------


def test_month_13_in_start_is_reported_with_the_date_hint(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "tanggal atau waktu '2026-13-01' tidak valid.", MOMENT_HINT),
    ]


def test_a_day_month_year_date_with_slashes_is_reported_with_the_date_hint(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 1/7/2026", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "tanggal '1/7/2026' tidak ditulis sebagai TTTT-BB-HH.",
                "Tulis 2026-07-01."),
    ]


def test_a_time_without_a_date_is_reported_with_an_example_using_that_time(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 10:30", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "'10:30' hanya berisi jam, tanpa tanggal.",
                'Tulis tanggal dan jam, misalnya "2026-12-05 10:30".'),
    ]


def test_an_impossible_time_without_a_date_is_not_proposed_back_in_the_hint(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 25:00", "category: rapat")
    [found] = problems(tiny)
    assert found.split("\n")[0] == f"{EVENT}:3: kolom 'start': tanggal atau waktu '25:00' tidak valid."
    assert "25:00\"" not in found.split("\n")[1]


def test_hour_25_in_a_quoted_date_and_time_is_reported(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", 'start: "2026-12-05 25:00"', "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "tanggal atau waktu '2026-12-05 25:00' tidak valid.", MOMENT_HINT),
    ]


def test_a_start_in_year_9999_gives_a_message_or_a_site_never_a_traceback(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 9999-12-31", "category: rapat")
    result = tiny.main("check")
    assert "Traceback" not in result.stderr
    assert result.returncode in (0, 1)


def test_february_30_as_an_announcement_date_is_reported(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date: 2026-02-30", "---"))
    assert problems(tiny) == [
        message(f"{ANNOUNCEMENT}:3: kolom 'date'", "tanggal '2026-02-30' tidak valid.",
                "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-12-05."),
    ]


def test_a_date_and_time_as_an_announcement_date_is_reported(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", 'date: "2026-12-01 08:00"', "---"))
    assert problems(tiny) == [
        message(f"{ANNOUNCEMENT}:3: kolom 'date'", "tanggal '2026-12-01 08:00' tidak valid.",
                "Tulis tanggal sebagai TTTT-BB-HH, misalnya 2026-12-05."),
    ]


# --- 8. values outside the allowed list -------------------------------------------------------------


def test_level_kota_names_the_allowed_levels(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Juara 1", "date: 2026-10-01", "level: kota", "field: academic", "---"))
    assert problems(tiny) == [
        message(f"{ACHIEVEMENT}:4: kolom 'level'", "nilai 'kota' tidak dikenal untuk kolom 'level'.",
                "Pilih salah satu: school, subdistrict, city, province, national, international."),
    ]


def test_mode_zoom_names_the_allowed_modes(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "mode: zoom")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'mode'", "nilai 'zoom' tidak dikenal untuk kolom 'mode'.",
                "Pilih salah satu: offline, online, hybrid."),
    ]


def test_status_batal_names_the_allowed_statuses(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "status: batal")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'status'", "nilai 'batal' tidak dikenal untuk kolom 'status'.",
                "Pilih salah satu: scheduled, postponed, cancelled, rescheduled."),
    ]


def test_priority_tinggi_names_the_allowed_priorities(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date: 2026-12-01", "priority: tinggi", "---"))
    assert problems(tiny) == [
        message(f"{ANNOUNCEMENT}:4: kolom 'priority'", "nilai 'tinggi' tidak dikenal untuk kolom 'priority'.",
                "Pilih salah satu: normal, important, urgent."),
    ]


def test_a_word_as_page_order_asks_for_a_whole_number(tiny: TinySite) -> None:
    tiny.write(PAGE, text("---", "title: Kontak", "order: satu", "---"))
    assert problems(tiny) == [
        message(f"{PAGE}:3: kolom 'order'", "kolom 'order' harus berupa bilangan bulat, bukan 'satu'.",
                "Tulis angka saja, misalnya 1, 2 atau 10."),
    ]


# --- 9. end and start ---------------------------------------------------------------------------


def test_an_end_day_before_the_start_day_is_reported_on_the_end_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "end: 2026-12-04")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'end'", "'end' (2026-12-04) lebih awal daripada 'start' (2026-12-05).",
                "Perbaiki tanggal selesai agar sama dengan atau setelah tanggal mulai."),
    ]


def test_an_end_time_before_the_start_time_shows_both_as_written(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", 'start: "2026-12-05 08:00"', "category: rapat", 'end: "2026-12-05 07:00"')
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'end'",
                "'end' (2026-12-05 07:00) lebih awal daripada 'start' (2026-12-05 08:00).",
                "Perbaiki tanggal selesai agar sama dengan atau setelah tanggal mulai."),
    ]


def test_an_end_date_after_a_start_with_a_time_is_reported(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", 'start: "2026-12-05 08:00"', "category: rapat", "end: 2026-12-05")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'end'",
                "'start' dan 'end' harus sama-sama tanggal saja, atau sama-sama tanggal dan jam.",
                "Untuk kegiatan sehari penuh tulis 'end: 2026-12-06'; untuk kegiatan berjam "
                "tulis 'end: \"2026-12-05 10:00\"'."),
    ]


# --- 10. fields that need another field -------------------------------------------------------------


def test_mode_online_without_online_url_is_reported_on_the_mode_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "mode: online")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'online_url'", "kegiatan dengan 'mode: online' memerlukan 'online_url'.",
                "Tambahkan 'online_url: https://...' berisi tautan pertemuan daring."),
    ]


def test_an_online_url_without_https_is_reported(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "mode: hybrid",
                "online_url: zoom.us/j/123")
    assert problems(tiny) == [
        message(f"{EVENT}:6: kolom 'online_url'", "alamat 'zoom.us/j/123' tidak valid.",
                "Tulis alamat lengkap yang diawali https://, atau alamat di situs ini yang diawali '/'."),
    ]


def test_status_rescheduled_without_previous_start_is_reported_on_the_status_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "status: rescheduled")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'previous_start'",
                "kegiatan dengan 'status: rescheduled' memerlukan 'previous_start'.",
                "Tambahkan 'previous_start:' berisi tanggal semula."),
    ]


# --- 11. images and attachments ---------------------------------------------------------------------


def test_an_image_without_image_alt_is_reported_on_the_image_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "image: images/rapat.jpg")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'image_alt'", "'image' diisi tetapi 'image_alt' belum.",
                "Tambahkan 'image_alt:' berisi keterangan singkat isi gambar untuk pembaca layar."),
    ]


def test_a_missing_image_file_is_reported_on_the_image_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "image: images/rapat.jpg",
                "image_alt: Orang tua di aula")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'image'", "berkas 'images/rapat.jpg' tidak ditemukan di folder static/.",
                FILE_HINT.format(name="images/rapat.jpg")),
    ]


def test_an_attachment_whose_name_differs_only_in_case_is_missing(tiny: TinySite) -> None:
    tiny.write("static/files/Jadwal.pdf", "%PDF-1.4")
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date: 2026-12-01", "attachments:",
                                  "  - title: Jadwal", "    file: files/jadwal.pdf", "---"))
    assert problems(tiny) == [
        message(f"{ANNOUNCEMENT}:6: lampiran ke-1, kolom 'file'",
                "berkas 'files/jadwal.pdf' tidak ditemukan di folder static/.",
                FILE_HINT.format(name="files/jadwal.pdf")),
    ]


def test_a_missing_attachment_file_is_reported_on_its_file_line(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date: 2026-12-01", "attachments:",
                                  "  - title: Jadwal", "    file: files/jadwal.pdf", "---"))
    assert problems(tiny) == [
        message(f"{ANNOUNCEMENT}:6: lampiran ke-1, kolom 'file'",
                "berkas 'files/jadwal.pdf' tidak ditemukan di folder static/.",
                FILE_HINT.format(name="files/jadwal.pdf")),
    ]


def test_a_missing_og_image_file_is_reported_on_its_site_yaml_line(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("og_image: images/kartu-sekolah.png"))
    assert problems(tiny) == [
        message("site.yaml:21: kolom 'og_image'",
                "berkas 'images/kartu-sekolah.png' tidak ditemukan di folder static/.",
                FILE_HINT.format(name="images/kartu-sekolah.png")),
    ]


# --- 12. broken links in Markdown ---------------------------------------------------------------------


def test_a_broken_internal_link_names_the_line_of_the_link(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat",
                body=text("Paragraf pertama.", "", "Lihat [jadwal](/agenda/jadwal/)."))
    assert problems(tiny) == [
        message(f"{EVENT}:8", "tautan '/agenda/jadwal/' menuju halaman yang tidak ada.", LINK_HINT),
    ]


def test_a_broken_link_to_a_static_file_is_reported(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat",
                body=text("Unduh [formulir](/files/formulir.pdf)."))
    assert problems(tiny) == [
        message(f"{EVENT}:6", "tautan '/files/formulir.pdf' menuju halaman yang tidak ada.", LINK_HINT),
    ]


def test_a_broken_link_is_located_on_the_link_not_on_an_earlier_mention(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat",
                body=text("Alamat lama /agenda/lama/ tidak dipakai lagi.", "", "Lihat [agenda lama](/agenda/lama/)."))
    assert problems(tiny) == [
        message(f"{EVENT}:8", "tautan '/agenda/lama/' menuju halaman yang tidak ada.", LINK_HINT),
    ]


def test_the_same_broken_link_on_two_lines_is_reported_on_both(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat",
                body=text("[a](/x/)", "", "[b](/x/)"))
    assert problems(tiny) == [
        message(f"{EVENT}:6", "tautan '/x/' menuju halaman yang tidak ada.", LINK_HINT),
        message(f"{EVENT}:8", "tautan '/x/' menuju halaman yang tidak ada.", LINK_HINT),
    ]


def test_a_broken_menu_link_in_site_yaml_names_its_line(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("url: /agenda/}", "url: /agendaa/}")))
    assert problems(tiny) == [
        message("site.yaml:13: menu ke-2, kolom 'url'", "tautan '/agendaa/' menuju halaman yang tidak ada.", LINK_HINT),
    ]


# --- 13. two sources, one address --------------------------------------------------------------------


def test_a_page_and_a_folder_index_with_the_same_address_are_both_named(tiny: TinySite) -> None:
    tiny.write("content/pages/kontak/index.md", text("---", "title: Kontak juga", "---"))
    what = ("alamat /informasi/kontak/ dihasilkan oleh lebih dari satu sumber: "
            "content/pages/kontak.md, content/pages/kontak/index.md.")
    hint = "Ganti nama salah satu berkas, atau isi 'slug:' yang berbeda."
    assert problems(tiny) == [
        message("content/pages/kontak.md", what, hint),
        message("content/pages/kontak/index.md", what, hint),
    ]


def test_two_page_names_that_make_the_same_slug_are_both_named(tiny: TinySite) -> None:
    tiny.write("content/pages/Kontak Sekolah.md", text("---", "title: Kontak", "---"))
    tiny.write("content/pages/kontak-sekolah.md", text("---", "title: Kontak juga", "---"))
    what = ("alamat /informasi/kontak-sekolah/ dihasilkan oleh lebih dari satu sumber: "
            "content/pages/Kontak Sekolah.md, content/pages/kontak-sekolah.md.")
    hint = "Ganti nama salah satu berkas, atau isi 'slug:' yang berbeda."
    assert problems(tiny) == [
        message("content/pages/Kontak Sekolah.md", what, hint),
        message("content/pages/kontak-sekolah.md", what, hint),
    ]


PENTAS = "content/events/pentas.md"
PENTAS_WITH_SLUG_RAPAT = text("---", "title: Pentas", "start: 2026-12-06", "category: rapat", "slug: rapat", "---")
SLUG_CLASH = ("alamat /agenda/rapat/ dihasilkan oleh lebih dari satu sumber: "
              "content/events/pentas.md, content/events/rapat.md.")
SLUG_HINT = "Ganti nama salah satu berkas, atau isi 'slug:' yang berbeda."


def test_an_event_slug_equal_to_another_event_file_names_both_sources(tiny: TinySite) -> None:
    tiny.write(PENTAS, PENTAS_WITH_SLUG_RAPAT)
    found = problems(tiny)
    for source in (PENTAS, EVENT):
        assert any(p.startswith(source) and SLUG_CLASH in p for p in found), source


def test_an_event_slug_clash_is_reported_once_per_source_and_not_again_for_its_ics_file(tiny: TinySite) -> None:
    tiny.write(PENTAS, PENTAS_WITH_SLUG_RAPAT)
    found = problems(tiny)
    assert len(found) == 2
    assert not any(".ics" in p for p in found)


def test_an_event_slug_equal_to_another_event_file_names_the_slug_line(tiny: TinySite) -> None:
    tiny.write(PENTAS, PENTAS_WITH_SLUG_RAPAT)
    assert problems(tiny) == [
        message(f"{PENTAS}:5: kolom 'slug'", SLUG_CLASH, SLUG_HINT),
        message(EVENT, SLUG_CLASH, SLUG_HINT),
    ]


# --- 14. site.yaml ------------------------------------------------------------------------------------


def test_an_unknown_key_in_site_yaml_exits_2_through_the_cli(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("warna: biru"))
    result = tiny.main("check")
    assert result.returncode == 2
    assert result.stderr == (
        message("site.yaml:21: kolom 'warna'", "kolom 'warna' tidak dikenal.",
                "Kolom yang boleh dipakai: base_url, calendar, cname, description, editor, language, menu, og_image, "
                "output_dir, school, search, sections, tasks, timezone, title.")
        + "\nPemeriksaan gagal: 1 masalah ditemukan.\n"
    )


def test_an_unknown_time_zone_is_reported_with_examples(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("Asia/Jakarta", "Asia/Jakarte")))
    assert config_problems(tiny) == [
        message("site.yaml:5: kolom 'timezone'", "zona waktu 'Asia/Jakarte' tidak dikenal.",
                "Tulis nama zona waktu IANA, misalnya Asia/Jakarta (WIB), Asia/Makassar (WITA) "
                "atau Asia/Jayapura (WIT)."),
    ]


def test_language_fr_names_the_available_languages(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: fr")))
    assert config_problems(tiny) == [
        message("site.yaml:4: kolom 'language'", "nilai 'fr' tidak dikenal untuk kolom 'language'.",
                "Pilih salah satu: id, en."),
    ]


def test_a_missing_site_yaml_exits_2(tiny: TinySite) -> None:
    (tiny.root / "site.yaml").unlink()
    result = tiny.main("check")
    assert result.returncode == 2
    assert result.stderr == (
        message("site.yaml", "berkas pengaturan site.yaml tidak ditemukan.",
                "Jalankan perintah dari folder proyek, atau beri --root FOLDER.")
        + "\nPemeriksaan gagal: 1 masalah ditemukan.\n"
    )


@pytest.mark.parametrize(
    ("output_dir", "what"),
    [
        (".", "folder hasil '.' adalah folder proyek itu sendiri."),
        ("content", "folder hasil 'content' berada di folder sumber 'content'."),
        ("../elsewhere", "folder hasil '../elsewhere' berada di luar folder proyek."),
    ],
)
def test_an_unsafe_output_dir_exits_2_and_writes_nothing_anywhere(tiny: TinySite, output_dir: str, what: str) -> None:
    tiny.write("site.yaml", site_yaml(f"output_dir: {output_dir}"))
    everything = tiny.root.parent
    before = snapshot(everything)
    result = tiny.main("build")
    assert result.returncode == 2
    assert f"kolom 'output_dir': {what}\n  Petunjuk: {OUTPUT_HINT}\n" in result.stderr
    assert result.stderr.endswith("Build gagal: 1 masalah ditemukan. Situs sebelumnya tidak diubah.\n")
    assert "Traceback" not in result.stderr
    assert snapshot(everything) == before
    assert sorted(p.name for p in everything.iterdir()) == ["situs"]


def test_output_dir_pointing_at_the_project_names_the_output_dir_line(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("output_dir: ."))
    assert config_problems(tiny) == [
        message("site.yaml:21: kolom 'output_dir'", "folder hasil '.' adalah folder proyek itu sendiri.",
                OUTPUT_HINT),
    ]


def test_output_dir_pointing_at_the_project_is_reported_in_english_on_an_english_site(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("output_dir: .", replace=("language: id", "language: en")))
    result = tiny.main("build")
    assert result.returncode == 2
    assert ("field 'output_dir': output folder '.' is the project folder itself.\n"
            "  Hint: Use a new folder inside the project, for example 'output_dir: _site'.\n") in result.stderr


# --- 15. templates ---------------------------------------------------------------------------------


def add_to_page_template(tiny: TinySite, line: str) -> int:
    """Put `line` into the copy of layouts/page.html right after its <h1>; return its line number."""
    template = tiny.root / "layouts" / "page.html"
    lines = template.read_text(encoding="utf-8").split("\n")
    after = next(number for number, text in enumerate(lines, start=1) if "<h1>" in text)
    lines.insert(after, line)
    template.write_text("\n".join(lines), encoding="utf-8")
    return after + 1


def test_a_typo_in_a_template_variable_names_the_template_and_its_line(tiny: TinySite) -> None:
    line = add_to_page_template(tiny, "  <p>{{ config.titel }}</p>")
    assert problems(tiny) == [
        message(f"layouts/page.html:{line}",
                "templat memakai nama yang tidak ada: 'titel'.",
                "Periksa ejaan nama variabel di templat ini."),
    ]


def test_an_unbalanced_template_expression_names_the_template_and_its_line(tiny: TinySite) -> None:
    line = add_to_page_template(tiny, "  <p>{{ config.title }</p>")
    assert problems(tiny) == [
        message(f"layouts/page.html:{line}", "templat tidak dapat dibaca: unexpected '}'.",
                "Periksa pasangan {% ... %} dan {{ ... }} di baris ini."),
    ]


# --- 16. calendars ---------------------------------------------------------------------------------

ENTRY = ("entries:", "  - title: Libur semester", "    start: 2026-12-21", "    category: libur")  # lines 1-4


def test_a_calendar_entry_with_repeat_but_no_until_is_reported_on_the_repeat_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    repeat: weekly")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-1, kolom 'until'", "kegiatan berulang ('repeat') memerlukan 'until'.",
                "Tambahkan 'until:' berisi tanggal terakhir pengulangan."),
    ]


def test_an_event_with_repeat_but_no_until_is_reported_on_the_repeat_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "repeat: weekly")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'until'", "kegiatan berulang ('repeat') memerlukan 'until'.",
                "Tambahkan 'until:' berisi tanggal terakhir pengulangan."),
    ]


def test_a_calendar_entry_with_until_before_start_is_reported_on_the_until_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    repeat: weekly", "    until: 2026-12-01")
    assert problems(tiny) == [
        message(f"{CALENDAR}:6: entri ke-1, kolom 'until'",
                "'until' (2026-12-01) lebih awal daripada 'start' (2026-12-21).",
                "Tulis tanggal terakhir pengulangan yang sama dengan atau setelah tanggal mulai."),
    ]


def test_an_event_with_until_before_a_timed_start_is_reported_on_the_until_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", 'start: "2026-12-05 08:00"', "category: rapat", "repeat: weekly",
                "until: 2026-11-30")
    assert problems(tiny) == [
        message(f"{EVENT}:6: kolom 'until'", "'until' (2026-11-30) lebih awal daripada 'start' (2026-12-05 08:00).",
                "Tulis tanggal terakhir pengulangan yang sama dengan atau setelah tanggal mulai."),
    ]


def test_a_calendar_except_date_outside_the_series_names_the_nearest_series_dates(tiny: TinySite) -> None:
    # 2026-12-21 is a Monday: 2027-01-05 is a Tuesday, between Mondays 2027-01-04 and 2027-01-11.
    write_calendar(tiny, *ENTRY, "    repeat: weekly", "    until: 2027-01-31", "    except:",
                   "      - 2026-12-28", "      - 2027-01-05")
    assert problems(tiny) == [
        message(f"{CALENDAR}:9: entri ke-1, kolom 'except'",
                "tanggal '2027-01-05' di 'except' bukan salah satu tanggal pengulangan.",
                "Tanggal pengulangan terdekat: 2027-01-04, 2027-01-11. Perbaiki atau hapus tanggal ini."),
    ]


def test_an_event_except_date_outside_the_series_names_the_nearest_series_dates(tiny: TinySite) -> None:
    # 2026-12-05 is a Saturday: 2026-12-20 is the Sunday after Saturday 2026-12-19.
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "repeat: weekly",
                "until: 2027-01-30", "except: [2026-12-19, 2026-12-20]")
    assert problems(tiny) == [
        message(f"{EVENT}:7: kolom 'except'",
                "tanggal '2026-12-20' di 'except' bukan salah satu tanggal pengulangan.",
                "Tanggal pengulangan terdekat: 2026-12-19, 2026-12-26. Perbaiki atau hapus tanggal ini."),
    ]


def test_a_monthly_except_on_a_day_the_31st_skips_names_the_months_around_it(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2027-01-31", "category: rapat", "repeat: monthly",
                "until: 2027-06-30", "except:", "  - 2027-02-28")
    assert problems(tiny) == [
        message(f"{EVENT}:8: kolom 'except'",
                "tanggal '2027-02-28' di 'except' bukan salah satu tanggal pengulangan.",
                "Tanggal pengulangan terdekat: 2027-01-31, 2027-03-31. Perbaiki atau hapus tanggal ini."),
    ]


def test_a_calendar_entry_with_until_but_no_repeat_is_reported_on_the_until_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    until: 2027-01-31")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-1, kolom 'until'", "'until' hanya berlaku untuk kegiatan berulang.",
                "Tambahkan 'repeat: weekly' (atau daily/monthly), atau hapus 'until'."),
    ]


def test_an_event_with_except_but_no_repeat_is_reported_on_the_except_line(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "except: [2026-12-12]")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'except'", "'except' hanya berlaku untuk kegiatan berulang.",
                "Tambahkan 'repeat: weekly' (atau daily/monthly), atau hapus 'except'."),
    ]


def test_a_calendar_entry_with_an_unknown_category_names_the_categories_of_site_yaml(tiny: TinySite) -> None:
    write_calendar(tiny, "entries:", "  - title: Libur semester", "    start: 2026-12-21", "    category: liburan")
    assert problems(tiny) == [
        message(f"{CALENDAR}:4: entri ke-1, kolom 'category'", "kategori 'liburan' tidak ada di site.yaml.",
                "Pilih salah satu: libur, rapat, atau tambahkan kategori baru di 'calendar.categories' "
                "pada site.yaml."),
    ]


def test_an_event_with_an_unknown_category_names_the_categories_of_site_yaml(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapatt")
    assert problems(tiny) == [
        message(f"{EVENT}:4: kolom 'category'", "kategori 'rapatt' tidak ada di site.yaml.",
                "Pilih salah satu: libur, rapat, atau tambahkan kategori baru di 'calendar.categories' "
                "pada site.yaml."),
    ]


def test_a_calendar_entry_with_an_unknown_audience_names_the_audiences_of_site_yaml(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    audience: [orang-tua, guru]")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-1, kolom 'audience'", "sasaran 'guru' tidak ada di site.yaml.",
                "Pilih dari: kelas-9, orang-tua, atau tambahkan di 'calendar.audiences' pada site.yaml."),
    ]


def test_an_event_with_an_unknown_audience_names_the_audiences_of_site_yaml(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "audience: murid")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'audience'", "sasaran 'murid' tidak ada di site.yaml.",
                "Pilih dari: kelas-9, orang-tua, atau tambahkan di 'calendar.audiences' pada site.yaml."),
    ]


def test_a_calendar_entry_without_title_is_reported_on_the_entry_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "  - start: 2026-12-22", "    category: libur")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-2, kolom 'title'", "kolom wajib 'title' belum diisi.",
                "Tambahkan baris 'title: ...'."),
    ]


def test_an_invalid_date_in_the_second_calendar_entry_is_reported_on_its_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "  - title: Rapat", "    start: 2026-12-32", "    category: rapat")
    assert problems(tiny) == [
        message(f"{CALENDAR}:6: entri ke-2, kolom 'start'", "tanggal atau waktu '2026-12-32' tidak valid.",
                MOMENT_HINT),
    ]


def test_a_calendar_url_that_is_a_broken_link_is_reported_on_the_url_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    url: /agenda/libur/")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-1, kolom 'url'", "tautan '/agenda/libur/' menuju halaman yang tidak ada.",
                LINK_HINT),
    ]


def test_a_calendar_url_that_is_a_broken_link_names_the_calendar_file_and_the_address(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    url: /agenda/libur/")
    [found] = problems(tiny)
    assert found.startswith(f"{CALENDAR}:")
    assert found.endswith(f"tautan '/agenda/libur/' menuju halaman yang tidak ada.\n  Petunjuk: {LINK_HINT}")


def test_a_calendar_file_with_two_documents_is_reported_on_the_second(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "---", *ENTRY)
    assert problems(tiny) == [
        message(f"{CALENDAR}:5", "berkas berisi lebih dari satu dokumen YAML.", "Hapus baris '---' tambahan."),
    ]


def test_a_calendar_entry_written_as_plain_text_does_not_speak_of_a_field_named_0(tiny: TinySite) -> None:
    write_calendar(tiny, "entries:", "  - Libur semester 2026-12-21")
    [found] = problems(tiny)
    assert found.startswith(f"{CALENDAR}:2: entri ke-1: ")
    assert "'0'" not in found and "'0:'" not in found


# --- 16b. the school year of a calendar file --------------------------------------------------------

# Lines 1-8 of a calendar file declaring its school year; a test adds lines from 9 on.
SCHOOL_YEAR = ("school_year:", "  name: 2026/2027", "  teaching_days: 5", "  semesters:",
               "    - name: Semester Ganjil", "      start: 2026-07-13", "      end: 2026-12-19", "entries: []")
SECOND_SEMESTER = ("    - name: Semester Genap", "      start: 2027-01-04", "      end: 2027-06-19")


def school_year(*lines: str, replace: tuple[str, str] | None = None) -> tuple[str, ...]:
    """SCHOOL_YEAR with one line replaced, the second semester after line 7, `lines` after the rest."""
    found = tuple(replace[1] if replace and line == replace[0] else line for line in SCHOOL_YEAR)
    return (*found[:7], *SECOND_SEMESTER, *found[7:], *lines)


def test_a_school_year_without_a_slash_is_reported_with_an_example(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year(replace=("  name: 2026/2027", "  name: 2026-2027")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:2: kolom 'school_year.name'", "tahun pelajaran '2026-2027' tidak valid.",
                "Tulis dua tahun berurutan dengan garis miring, misalnya 'name: 2026/2027'."),
    ]


def test_a_school_year_of_two_years_that_do_not_follow_each_other_is_refused(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year(replace=("  name: 2026/2027", "  name: 2026/2028")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:2: kolom 'school_year.name'", "tahun pelajaran '2026/2028' tidak valid.",
                "Tulis dua tahun berurutan dengan garis miring, misalnya 'name: 2026/2027'."),
    ]


@pytest.mark.parametrize("days", ["7", "4", "lima"])
def test_teaching_days_other_than_5_or_6_are_refused_with_both_choices(tiny: TinySite, days: str) -> None:
    write_calendar(tiny, *school_year(replace=("  teaching_days: 5", f"  teaching_days: {days}")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:3: kolom 'school_year.teaching_days'",
                f"hari sekolah per pekan harus 5 atau 6, bukan '{days}'.",
                "Tulis 'teaching_days: 5' untuk Senin–Jumat, atau 'teaching_days: 6' untuk Senin–Sabtu."),
    ]


def test_a_school_year_without_teaching_days_names_the_missing_field(tiny: TinySite) -> None:
    write_calendar(tiny, *(line for line in school_year() if "teaching_days" not in line))
    assert problems(tiny) == [
        message(f"{CALENDAR}:1: kolom 'school_year.teaching_days'", "kolom wajib 'teaching_days' belum diisi.",
                "Tambahkan baris 'teaching_days: ...'."),
    ]


def test_a_semester_whose_last_day_is_before_its_first_is_reported_on_its_end_line(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year(replace=("      end: 2026-12-19", "      end: 2026-06-19")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:7: semester ke-1, kolom 'end'",
                "'end' (2026-06-19) lebih awal daripada 'start' (2026-07-13).",
                "Perbaiki tanggal selesai agar sama dengan atau setelah tanggal mulai."),
    ]


def test_overlapping_semesters_are_reported_on_the_start_of_the_later_one(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year(replace=("      end: 2026-12-19", "      end: 2027-01-09")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:9: semester ke-2, kolom 'start'",
                "semester 'Semester Genap' (2027-01-04 s.d. 2027-06-19) tumpang tindih dengan semester "
                "'Semester Ganjil' (2026-07-13 s.d. 2027-01-09).",
                "Mulai semester ini setelah hari terakhir semester 'Semester Ganjil' (2027-01-09)."),
    ]


def test_a_semester_outside_its_school_year_names_the_years_first_and_last_day(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year(replace=("      start: 2026-07-13", "      start: 2025-07-14")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:6: semester ke-1, kolom 'start'",
                "semester 'Semester Ganjil' (2025-07-14 s.d. 2026-12-19) berada di luar tahun pelajaran 2026/2027.",
                "Tahun pelajaran 2026/2027 berlangsung dari 2026-07-01 sampai 2027-06-30: perbaiki tanggal "
                "semester ini, atau 'name' tahun pelajarannya."),
    ]


def test_a_school_year_without_semesters_asks_for_them(tiny: TinySite) -> None:
    write_calendar(tiny, "school_year:", "  name: 2026/2027", "  teaching_days: 6", "  semesters: []")
    assert problems(tiny) == [
        message(f"{CALENDAR}:4: kolom 'school_year.semesters'", "kolom wajib 'semesters' kosong.",
                "Isi nilainya setelah titik dua."),
    ]


def test_a_misspelt_semester_field_gets_a_did_you_mean_hint(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year(replace=("      end: 2026-12-19", "      ends: 2026-12-19")))
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: semester ke-1, kolom 'end'", "kolom wajib 'end' belum diisi.",
                "Tambahkan baris 'end: ...'."),
        message(f"{CALENDAR}:7: semester ke-1, kolom 'ends'", "kolom 'ends' tidak dikenal.",
                "Mungkin maksud Anda 'end'?"),
    ]


def test_the_same_school_year_in_two_calendar_files_names_the_first_file(tiny: TinySite) -> None:
    write_calendar(tiny, *school_year())
    tiny.write("content/calendars/y.yaml", text(*school_year()))
    assert problems(tiny) == [
        message("content/calendars/y.yaml:2: kolom 'school_year.name'",
                f"tahun pelajaran 2026/2027 sudah ditulis di {CALENDAR}.",
                "Tulis 'school_year' satu tahun pelajaran di satu berkas kalender saja; hapus dari salah satunya."),
    ]


def test_no_school_that_is_not_true_or_false_is_reported_on_its_line(tiny: TinySite) -> None:
    write_calendar(tiny, *ENTRY, "    no_school: kadang")
    assert problems(tiny) == [
        message(f"{CALENDAR}:5: entri ke-1, kolom 'no_school'", "kolom 'no_school' harus 'true' atau 'false', "
                "bukan 'kadang'.", "Tulis 'true' (ya) atau 'false' (tidak)."),
    ]


def test_an_everyone_key_that_is_not_an_audience_names_the_audiences(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("  everyone: semua"))
    assert config_problems(tiny) == [
        message("site.yaml:21: kolom 'calendar.everyone'", "sasaran 'semua' tidak ada di site.yaml.",
                "Pilih dari: kelas-9, orang-tua, atau tambahkan di 'calendar.audiences' pada site.yaml."),
    ]


def test_an_english_site_reports_overlapping_semesters_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: en")))
    write_calendar(tiny, *school_year(replace=("      end: 2026-12-19", "      end: 2027-01-09")))
    assert problems(tiny) == [
        f"{CALENDAR}:9: semester 2, field 'start': semester 'Semester Genap' (2027-01-04 to 2027-06-19) "
        "overlaps semester 'Semester Ganjil' (2026-07-13 to 2027-01-09).\n"
        "  Hint: Start this semester after the last day of semester 'Semester Ganjil' (2027-01-09).",
    ]


# --- 17. many problems in one run ------------------------------------------------------------------


def test_problems_in_several_files_are_all_reported_sorted_by_file_and_line_with_the_count(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat", "mode: zoom")
    tiny.write(PAGE, text("---", "title: Kontak", "order: satu", "---"))
    write_calendar(tiny, "entries:", "  - title: Libur semester", "    start: 2026-12-21", "    category: liburan")
    result = tiny.main("check")
    assert result.returncode == 1
    assert result.stderr == "\n".join([
        message(f"{CALENDAR}:4: entri ke-1, kolom 'category'", "kategori 'liburan' tidak ada di site.yaml.",
                "Pilih salah satu: libur, rapat, atau tambahkan kategori baru di 'calendar.categories' "
                "pada site.yaml."),
        message(f"{EVENT}:3: kolom 'start'", "tanggal atau waktu '2026-13-01' tidak valid.", MOMENT_HINT),
        message(f"{EVENT}:5: kolom 'mode'", "nilai 'zoom' tidak dikenal untuk kolom 'mode'.",
                "Pilih salah satu: offline, online, hybrid."),
        message(f"{PAGE}:3: kolom 'order'", "kolom 'order' harus berupa bilangan bulat, bukan 'satu'.",
                "Tulis angka saja, misalnya 1, 2 atau 10."),
        "Pemeriksaan gagal: 4 masalah ditemukan.\n",
    ])


def test_a_broken_link_and_a_template_typo_are_reported_together(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", body=text("[x](/tidak-ada/)"))
    line = add_to_page_template(tiny, "  <p>{{ config.titel }}</p>")
    assert [p.split("\n")[0] for p in problems(tiny)] == [
        f"{EVENT}:6: tautan '/tidak-ada/' menuju halaman yang tidak ada.",
        f"layouts/page.html:{line}: templat memakai nama yang tidak ada: "
        "'titel'.",
    ]


def test_a_broken_link_is_reported_together_with_a_field_error_in_another_file(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat")
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Lihat [x](/tidak-ada/)."))
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "tanggal atau waktu '2026-13-01' tidak valid.", MOMENT_HINT),
        message(f"{PAGE}:4", "tautan '/tidak-ada/' menuju halaman yang tidak ada.", LINK_HINT),
    ]


# --- 18. the command line keeps the previous site --------------------------------------------------


def test_a_broken_file_exits_1_without_traceback_and_leaves_the_previous_site_byte_for_byte(tiny: TinySite) -> None:
    first = tiny.main("build")
    assert first.returncode == 0, first.stderr
    site = tiny.root / "_site"
    before = snapshot(site)
    assert "agenda/rapat/index.html" in before
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat")
    result = tiny.main("build")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    assert result.stderr == (
        message(f"{EVENT}:3: kolom 'start'", "tanggal atau waktu '2026-13-01' tidak valid.", MOMENT_HINT)
        + "\nBuild gagal: 1 masalah ditemukan. Situs sebelumnya tidak diubah.\n"
    )
    assert snapshot(site) == before
    # Nothing beside the site but the build cache the first build made: no staging folder left behind.
    assert sorted(p.name for p in tiny.root.iterdir()) == [
        ".sitegen-cache", "_site", "content", "layouts", "site.yaml", "static"
    ]


# --- 19. English ------------------------------------------------------------------------------------


def test_an_english_site_reports_a_content_error_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: en")))
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat")
    assert problems(tiny) == [
        f"{EVENT}:3: field 'start': date or time '2026-13-01' is not valid.\n"
        '  Hint: Write a date YYYY-MM-DD, or a date and time "YYYY-MM-DD HH:MM" in quotes, '
        'for example "2026-12-05 08:00".'
    ]


def test_an_english_site_reports_a_site_yaml_error_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("warna: biru", replace=("language: id", "language: en")))
    result = tiny.main("check")
    assert result.returncode == 2
    assert result.stderr == (
        "site.yaml:21: field 'warna': unknown field 'warna'.\n"
        "  Hint: Allowed fields: base_url, calendar, cname, description, editor, language, menu, og_image, output_dir, "
        "school, search, sections, tasks, timezone, title.\n"
        "Check failed: 1 problem(s) found.\n"
    )


# --- 20. GitHub annotations ---------------------------------------------------------------------------


def test_format_github_prints_one_annotation_per_problem_on_stdout(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat")
    result = tiny.main("check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=content/events/rapat.md,line=3,title=start::tanggal atau waktu '2026-13-01' tidak valid. "
        "Tulis tanggal TTTT-BB-HH, atau tanggal dan jam 'TTTT-BB-HH JJ:MM' dalam tanda kutip, "
        'misalnya "2026-12-05 08:00".\n'
    )
    assert result.stderr == "Pemeriksaan gagal: 1 masalah ditemukan.\n"


# --- 21. encodings ---------------------------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_reported_not_a_crash(tiny: TinySite) -> None:
    (tiny.root / EVENT).write_bytes(b"\xff\xfe-\x00-\x00-\x00\n\x00t\x00i\x00t\x00l\x00e\x00")
    assert problems(tiny) == [
        message(EVENT, "berkas disimpan sebagai UTF-16, bukan UTF-8.",
                "Simpan ulang berkas sebagai UTF-8 (Notepad: Save As, Encoding UTF-8)."),
    ]


def test_a_calendar_saved_as_latin1_is_reported_not_a_crash(tiny: TinySite) -> None:
    (tiny.root / CALENDAR).parent.mkdir(parents=True)
    (tiny.root / CALENDAR).write_bytes("entries:\n  - title: Hari Guru \u00e9\n".encode("latin-1"))
    assert problems(tiny) == [
        message(f"{CALENDAR}:2", "byte 0xE9 di kolom 22 bukan UTF-8; kemungkinan 'é' yang diketik di Word.",
                "Ketik ulang karakter itu, lalu simpan berkas sebagai UTF-8 (Notepad: Save As, Encoding UTF-8)."),
    ]


def test_a_file_with_a_byte_order_mark_and_windows_line_ends_is_read_with_the_right_lines(tiny: TinySite) -> None:
    (tiny.root / EVENT).write_bytes(
        "\ufeff---\r\ntitle: Rapat\r\nstart: 2026-13-05\r\ncategory: rapat\r\n---\r\n".encode()
    )
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "tanggal atau waktu '2026-13-05' tidak valid.", MOMENT_HINT),
    ]


# --- any front matter at all ------------------------------------------------------------------------


@pytest.mark.early(1)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front_matter=st.text())
def test_any_front_matter_either_builds_or_fails_with_located_problems(tiny: TinySite, front_matter: str) -> None:
    tiny.write(EVENT, f"---\n{front_matter}\n---\nIsi.\n")
    try:
        tiny.build(write=False)
    except BuildFailed as exc:
        assert any(problem.source == EVENT for problem in exc.errors)
        for problem in exc.errors:
            problem.format(exc.language)  # every message can be written out


# --- 22. nothing vanishes: files under content/ that no loader reads -----------------------------------

MOVE_ANY = (
    "Pindahkan berkas ke content/events/ (kegiatan), content/announcements/ (pengumuman), "
    "content/achievements/ (prestasi) atau content/pages/ (informasi)."
)
ANNOUNCEMENT_TEXT = text("---", "title: Libur semester", "date: 2026-11-20", "---", "Libur.")


@pytest.mark.parametrize(
    ("name", "suffix", "suggestion"),
    [
        ("content/events/pentas.MD", ".MD", "pentas.md"),
        ("content/events/pentas.markdown", ".markdown", "pentas.md"),
        ("content/events/pentas.md.txt", ".md.txt", "pentas.md"),
        ("content/pages/profil/sejarah.txt", ".txt", "sejarah.md"),
    ],
)
def test_a_markdown_file_with_another_ending_is_reported_with_its_new_name(
    tiny: TinySite, name: str, suffix: str, suggestion: str
) -> None:
    tiny.write(name, text("---", "title: Pentas", "start: 2026-12-05", "category: rapat", "---"))
    assert problems(tiny) == [
        message(name, f"berkas ini tidak dimuat: namanya berakhiran '{suffix}', bukan '.md'.",
                f"Ganti nama berkas menjadi '{suggestion}' (huruf kecil).")
    ]


def test_an_announcement_in_a_misspelled_folder_is_told_where_it_belongs(tiny: TinySite) -> None:
    tiny.write("content/pengumuman/libur.md", ANNOUNCEMENT_TEXT)
    assert problems(tiny) == [
        message("content/pengumuman/libur.md", "berkas ini tidak dimuat: folder 'content/pengumuman/' tidak dibaca.",
                "Pindahkan berkas ke folder content/announcements/.")
    ]


def test_an_event_in_content_event_is_told_to_move_to_content_events(tiny: TinySite) -> None:
    tiny.write("content/event/pentas.md", text("---", "title: Pentas", "start: 2026-12-05", "category: rapat", "---"))
    assert problems(tiny) == [
        message("content/event/pentas.md", "berkas ini tidak dimuat: folder 'content/event/' tidak dibaca.",
                "Pindahkan berkas ke folder content/events/.")
    ]


def test_a_file_in_the_content_root_and_one_in_a_year_folder_are_both_reported(tiny: TinySite) -> None:
    tiny.write("content/libur.md", ANNOUNCEMENT_TEXT)
    tiny.write("content/events/2026/pentas.md", text("---", "title: Pentas", "start: 2026-12-05", "category: rapat",
                                                     "---"))
    tiny.write("content/catatan.md", text("---", "judul: Catatan", "---"))
    assert problems(tiny) == [
        message("content/catatan.md", "berkas ini tidak dimuat: folder 'content/' tidak dibaca.", MOVE_ANY),
        message("content/events/2026/pentas.md",
                "berkas ini tidak dimuat: folder 'content/events/2026/' tidak dibaca.",
                "Pindahkan berkas ke folder content/events/."),
        message("content/libur.md", "berkas ini tidak dimuat: folder 'content/' tidak dibaca.",
                "Pindahkan berkas ke folder content/announcements/."),
    ]


def test_a_photo_uploaded_into_content_is_told_to_go_to_static_images(tiny: TinySite) -> None:
    (tiny.root / "content/events/foto.jpg").write_bytes(b"not shown")
    assert problems(tiny) == [
        message("content/events/foto.jpg",
                "berkas ini tidak dimuat: gambar dan dokumen di folder content/ tidak masuk ke situs.",
                "Unggah gambar ke static/images/ dan PDF ke static/files/, lalu tulis alamatnya, "
                "misalnya 'image: images/foto.jpg'.")
    ]


def test_the_home_page_saved_as_index_md_in_capitals_is_told_its_name(tiny: TinySite) -> None:
    (tiny.root / "content/index.md").rename(tiny.root / "content/index.MD")
    assert problems(tiny) == [
        message("content/index.MD", "berkas ini tidak dimuat: namanya berakhiran '.MD', bukan '.md'.",
                "Ganti nama berkas menjadi 'index.md' (huruf kecil).")
    ]


def test_hidden_files_such_as_gitkeep_are_not_reported(tiny: TinySite) -> None:
    tiny.write("content/announcements/.gitkeep", "")
    assert tiny.build(write=False).warnings == ()


def test_a_file_that_is_not_loaded_fails_check_through_the_cli_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: en")))
    tiny.write("content/events/pentas.MD", text("---", "title: Pentas", "start: 2026-12-05", "category: rapat", "---"))
    result = tiny.main("check")
    assert result.returncode == 1
    assert result.stderr == (
        "content/events/pentas.MD: this file is not loaded: its name ends in '.MD', not '.md'.\n"
        "  Hint: Rename the file to 'pentas.md' (lowercase).\n"
        "Check failed: 1 problem(s) found.\n"
    )


def test_an_announcement_in_the_events_folder_is_told_to_move_not_to_rename_a_field(tiny: TinySite) -> None:
    tiny.write("content/events/libur.md", text("---", "title: Libur", "date: 2026-11-20", "priority: important",
                                               "---"))
    assert problems(tiny) == [
        message("content/events/libur.md:3: kolom 'date'",
                "kolom 'date' bukan kolom kegiatan; isi berkas ini cocok untuk pengumuman.",
                "Pindahkan berkas ke folder content/announcements/."),
    ]


# --- 23. warnings: the site is built, the editor is told, --strict fails --------------------------------


def warnings_of(tiny: TinySite, language: str = "id") -> list[str]:
    """The formatted warnings of a check that succeeds (a build has the same; `check` runs no search indexer)."""
    return [w.format(language, warning=True) for w in tiny.build(write=False).warnings]


def warning(where: str, what: str, hint: str) -> str:
    """The Indonesian text of one warning: 'peringatan' follows the file and line."""
    location, _, field = where.partition(": ")
    return f"{location}: peringatan: {field + ': ' if field else ''}{what}\n  Petunjuk: {hint}"


def test_an_urgent_announcement_without_expires_is_a_warning(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Sekolah libur", "date: 2026-11-20", "priority: urgent", "---"))
    assert warnings_of(tiny) == [
        warning(f"{ANNOUNCEMENT}:4: kolom 'expires'",
                "pengumuman 'urgent' tanpa 'expires' tampil sebagai spanduk di setiap halaman tanpa batas waktu.",
                "Tambahkan 'expires: TTTT-BB-HH', hari terakhir spanduk tampil, misalnya 'expires: 2026-11-27'.")
    ]


def test_expires_before_date_is_a_warning(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur", "date: 2026-11-20", "expires: 2026-11-02", "---"))
    assert warnings_of(tiny) == [
        warning(f"{ANNOUNCEMENT}:4: kolom 'expires'",
                "'expires' (2026-11-02) lebih awal daripada 'date' (2026-11-20): pengumuman ini tidak pernah "
                "tampil di beranda.",
                "Tulis tanggal berakhir yang sama dengan atau setelah tanggal terbit.")
    ]


def test_students_written_as_one_text_is_a_warning(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Juara", "date: 2026-11-02", "level: city", "field: academic",
                                 "students: Ahmad Putra, Rina Budi Sari", "---"))
    assert warnings_of(tiny) == [
        warning(f"{ACHIEVEMENT}:6: kolom 'students'",
                "kolom 'students' ditulis sebagai satu teks, jadi semua nama tampil sebagai satu orang "
                "('A. P. R. B. S.').",
                "Tulis setiap nama di baris sendiri di bawah 'students:', diawali '  - '.")
    ]


def test_a_full_name_in_the_text_without_consent_is_a_warning(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Juara", "date: 2026-11-02", "level: city", "field: academic",
                                 "students: [Ahmad Fauzi]", "---", "Selamat kepada", "ahmad fauzi dari kelas 9."))
    assert warnings_of(tiny) == [
        warning(f"{ACHIEVEMENT}:9", "nama lengkap siswa 'Ahmad Fauzi' tertulis di isi, padahal 'consent' bukan true.",
                "Tulis inisialnya ('A. F.') di isi, atau isi 'consent: true' bila wali sudah setuju.")
    ]


def test_a_full_name_in_the_title_without_consent_is_a_warning(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Ahmad Fauzi Juara Pidato", "date: 2026-11-02", "level: city",
                                 "field: academic", "students:", "  - Ahmad Fauzi", "---"))
    assert warnings_of(tiny) == [
        warning(f"{ACHIEVEMENT}:2", "nama lengkap siswa 'Ahmad Fauzi' tertulis di isi, padahal 'consent' bukan true.",
                "Tulis inisialnya ('A. F.') di isi, atau isi 'consent: true' bila wali sudah setuju.")
    ]


def test_a_full_name_with_consent_is_no_warning(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Juara", "date: 2026-11-02", "level: city", "field: academic",
                                 "students: [Ahmad Fauzi]", "consent: true", "---", "Selamat, Ahmad Fauzi."))
    assert warnings_of(tiny) == []


def test_the_skeleton_text_left_in_a_page_is_a_warning(tiny: TinySite) -> None:
    tiny.write(PAGE, text("---", "title: Kontak", "---", "## Alamat", "", "Tulis isinya di sini."))
    assert warnings_of(tiny) == [
        warning(f"{PAGE}:6", "teks kerangka 'Tulis isinya di sini.' belum diganti.",
                "Ganti baris ini dengan isi yang sebenarnya, atau tulis 'draft: true' sampai isinya siap.")
    ]


def test_placeholder_contacts_in_site_yaml_are_warnings(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("    locality: Kota Contoh\n", "    locality: Kota Contoh\n"
                                               '  phone: "+62 000-0000-0000"\n  email: humas@sekolah.example\n')))
    assert warnings_of(tiny) == [
        warning("site.yaml:11: kolom 'school.phone'", "'+62 000-0000-0000' adalah data contoh, bukan kontak sekolah.",
                "Tulis kontak sekolah yang asli, atau hapus baris ini."),
        warning("site.yaml:12: kolom 'school.email'",
                "'humas@sekolah.example' adalah data contoh, bukan kontak sekolah.",
                "Tulis kontak sekolah yang asli, atau hapus baris ini."),
    ]


def test_the_example_schools_name_in_another_schools_site_is_a_warning(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("description: Situs contoh untuk pengujian.",
                                               "description: Situs humas SMP Negeri 1 Prabumulih.")))
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Alamat:", "Jalan Mangga No. 02, Kota Prabumulih."))
    assert warnings_of(tiny) == [
        warning(f"{PAGE}:5", "'Prabumulih' adalah sekolah contoh, padahal situs ini milik SMP Contoh.",
                "Ganti atau hapus teks contoh ini; lihat daftar periksa sekolah baru di docs/panduan-editor.md."),
        warning("site.yaml:2: kolom 'description'",
                "'SMP Negeri 1 Prabumulih' adalah sekolah contoh, padahal situs ini milik SMP Contoh.",
                "Ganti atau hapus teks contoh ini; lihat daftar periksa sekolah baru di docs/panduan-editor.md."),
    ]


def test_warnings_pass_check_and_fail_it_under_strict(tiny: TinySite) -> None:
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Tulis isinya di sini."))
    shown = (f"{PAGE}:4: peringatan: teks kerangka 'Tulis isinya di sini.' belum diganti.\n"
             "  Petunjuk: Ganti baris ini dengan isi yang sebenarnya, atau tulis 'draft: true' sampai isinya siap.\n")
    result = tiny.main("check")
    assert (result.returncode, result.stderr) == (0, shown)
    assert result.stdout.startswith("Pemeriksaan selesai: tidak ada kesalahan, 1 peringatan (")
    strict = tiny.main("check", "--strict")
    assert (strict.returncode, strict.stdout) == (1, "")
    assert strict.stderr == shown + "Gagal karena --strict: 1 peringatan ditemukan.\n"


def test_build_strict_writes_nothing_when_there_is_a_warning(tiny: TinySite) -> None:
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Tulis isinya di sini."))
    result = tiny.main("build", "--strict")
    assert result.returncode == 1
    assert not (tiny.root / "_site").exists()


def test_warnings_come_after_errors_and_as_github_warning_annotations(tiny: TinySite) -> None:
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Tulis isinya di sini."))
    write_event(tiny, "title: Rapat", "start: 2026-13-01", "category: rapat")
    result = tiny.main("check", "--format", "github")
    assert result.returncode == 1
    assert result.stdout == (
        "::error file=content/events/rapat.md,line=3,title=start::tanggal atau waktu '2026-13-01' tidak valid. "
        + MOMENT_HINT + "\n"
        "::warning file=content/pages/kontak.md,line=4,title=content/pages/kontak.md::teks kerangka "
        "'Tulis isinya di sini.' belum diganti. Ganti baris ini dengan isi yang sebenarnya, atau tulis "
        "'draft: true' sampai isinya siap.\n"
    )
    assert result.stderr == "Pemeriksaan gagal: 1 masalah ditemukan.\n"


def test_an_english_site_warns_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: en")))
    tiny.write(ANNOUNCEMENT, text("---", "title: Closed", "date: 2026-11-20", "priority: urgent", "---"))
    assert warnings_of(tiny, "en") == [
        f"{ANNOUNCEMENT}:4: warning: field 'expires': an 'urgent' announcement without 'expires' is a banner on "
        "every page for ever.\n"
        "  Hint: Add 'expires: YYYY-MM-DD', the last day of the banner, for example 'expires: 2026-11-27'."
    ]


def test_the_preview_shows_the_warnings_on_every_page_and_the_published_site_does_not(tiny: TinySite) -> None:
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Tulis isinya di sini."))
    preview = tiny.build(dev=True, write=False).files["index.html"].decode()
    assert '<details class="dev-warnings" role="note">' in preview
    assert "<summary>Peringatan (hanya di pratinjau): 1</summary>" in preview
    assert f"<pre>{PAGE}:4: peringatan: teks kerangka &#39;Tulis isinya di sini.&#39; belum diganti." in preview
    published = tiny.build(write=False).files["index.html"].decode()
    assert "dev-warnings" not in published


# --- 24. sharper hints ------------------------------------------------------------------------------


def test_a_misindented_audience_list_is_named_as_such(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "audience:", "  - kelas-9",
                "   - orang-tua")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'audience'",
                "'kelas-9 - orang-tua' terbaca sebagai satu nilai: baris daftar di bawah 'audience' tidak sejajar.",
                "Tulis setiap isi di baris sendiri diawali '- ', dengan jarak dari tepi kiri yang sama persis, "
                "atau [a, b]."),
    ]


@pytest.mark.parametrize(
    ("written", "suggestion"),
    [
        ("5 Desember 2026", "2026-12-05"),
        ("Sabtu, 5 Desember 2026", "2026-12-05"),
        ("05-12-2026", "2026-12-05"),
        ('"5 Des 2026 08.00 WIB"', '"2026-12-05 08:00"'),
    ],
)
def test_a_date_in_indonesian_words_is_shown_as_it_must_be_written(tiny: TinySite, written: str,
                                                                   suggestion: str) -> None:
    write_event(tiny, "title: Rapat", f"start: {written}", "category: rapat")
    shown = written.strip('"')
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", f"tanggal '{shown}' tidak ditulis sebagai TTTT-BB-HH.",
                f"Tulis {suggestion}."),
    ]


def test_curly_quotes_around_a_time_are_named(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: “2026-12-05 08:00”", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'", "'“2026-12-05 08:00”' memakai tanda kutip miring (“ ” atau ‘ ’).",
                'Ganti dengan tanda kutip lurus biasa: "2026-12-05 08:00".'),
    ]


def test_an_unquoted_colon_in_a_title_is_told_to_quote_it(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat: Persiapan Ujian", "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2", "tanda titik dua ':' di tengah nilai membuat baris ini tidak terbaca.",
                'Apit nilainya dengan tanda kutip, misalnya title: "Rapat: Persiapan Ujian".'),
    ]


@pytest.mark.parametrize(
    ("lines", "line", "what", "hint"),
    [
        (("title: Rapat", "tags:", "  - a", " - b"), 5, "indentasi baris ini tidak sejajar dengan baris sebelumnya.",
         "Samakan jarak dari tepi kiri dengan baris lain di kelompok yang sama (pakai spasi)."),
        (("title: Rapat", "Rapat orang tua", "start: 2026-12-05"), 3, "baris ini tidak berbentuk 'nama: nilai'.",
         "Tulis nama kolom, titik dua dan spasi, lalu nilainya, misalnya 'title: Pentas Seni'."),
    ],
)
def test_yaml_syntax_errors_are_explained_in_indonesian(
    tiny: TinySite, lines: tuple[str, ...], line: int, what: str, hint: str
) -> None:
    write_event(tiny, *lines)
    assert problems(tiny) == [message(f"{EVENT}:{line}", what, hint)]


def test_an_image_path_starting_with_static_is_told_to_drop_it(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "image: static/images/rapat.jpg",
                "image_alt: Rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'image'", "alamat berkas 'static/images/rapat.jpg' diawali 'static/'.",
                "Alamat ditulis tanpa 'static/': tulis 'images/rapat.jpg' (berkasnya di static/images/rapat.jpg)."),
    ]


def test_a_calendar_entry_is_named_by_its_number_from_one_in_english_too(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: en")))
    write_calendar(tiny, "entries:", "  - title: Libur", "    start: 2026-12-21", "    category: libur",
                   "  - title: Rapat", "    start: 2026-12-32", "    category: rapat")
    assert problems(tiny) == [
        f"{CALENDAR}:6: entry 2, field 'start': date or time '2026-12-32' is not valid.\n"
        '  Hint: Write a date YYYY-MM-DD, or a date and time "YYYY-MM-DD HH:MM" in quotes, '
        'for example "2026-12-05 08:00".'
    ]


# --- 25. scheduled publishing ---------------------------------------------------------------------


def test_an_announcement_dated_tomorrow_is_nowhere_until_its_day(tiny: TinySite) -> None:
    tiny.write(ANNOUNCEMENT, text("---", "title: Libur semester", "date: 2026-11-25", "---", "Libur."))
    before = tiny.build(write=False).files
    assert not any(name.startswith("pengumuman/libur/") for name in before)
    leaks = [name for name, data in before.items() if b"Libur semester" in data or b"/pengumuman/libur/" in data]
    assert leaks == []
    after = build_site(tiny.root, Options(today=date(2026, 11, 25), write=False)).files
    assert "pengumuman/libur/index.html" in after
    assert b"/pengumuman/libur/" in after["sitemap.xml"] and b"Libur semester" in after["feed.xml"]


def test_an_achievement_dated_in_the_future_waits_and_a_link_to_it_is_not_broken(tiny: TinySite) -> None:
    tiny.write(ACHIEVEMENT, text("---", "title: Juara Pidato", "date: 2026-12-01", "level: city",
                                 "field: academic", "---"))
    tiny.write(PAGE, text("---", "title: Kontak", "---", "Lihat [prestasi](/prestasi/juara/)."))
    files = tiny.build(write=False).files
    assert not any(b"Juara Pidato" in data for data in files.values())


def test_a_calendar_in_the_events_folder_and_an_event_in_the_calendars_folder_are_told_to_move(tiny: TinySite) -> None:
    write_calendar(tiny, "entries:", "  - title: Libur", "    start: 2026-12-21", "    category: libur")
    (tiny.root / CALENDAR).rename(tiny.root / "content/events/kalender.yaml")
    tiny.write("content/calendars/rapat.md", text("---", "title: Rapat", "start: 2026-12-05", "category: rapat",
                                                  "---"))
    assert problems(tiny) == [
        message("content/calendars/rapat.md",
                "berkas ini tidak dimuat: folder 'content/calendars/' hanya membaca berkas '.yaml'.",
                "Pindahkan berkas ke folder content/events/."),
        message("content/events/kalender.yaml",
                "berkas ini tidak dimuat: folder 'content/events/' hanya membaca berkas '.md'.",
                "Pindahkan berkas ke folder content/calendars/."),
    ]


def test_the_example_schools_name_in_a_calendar_of_another_school_is_a_warning(tiny: TinySite) -> None:
    write_calendar(tiny, "title: Kalender Akademik", "entries:", "  - title: Libur", "    start: 2026-12-21",
                   "    category: libur", "  - title: Rapat", "    start: 2026-12-22", "    category: rapat",
                   "    location: SMP Negeri 1 Prabumulih")
    assert warnings_of(tiny) == [
        warning(f"{CALENDAR}:6", "'SMP Negeri 1 Prabumulih' adalah sekolah contoh, padahal situs ini milik SMP Contoh.",
                "Ganti atau hapus teks contoh ini; lihat daftar periksa sekolah baru di docs/panduan-editor.md."),
    ]


# --- 26. Photo albums and the humas year ------------------------------------------------------------

ALBUM_LINES = ("title: Karnaval", "start: 2026-10-24", "category: rapat", "album:", "  photos:",
               "    - file: images/albums/karnaval/01.jpg", "      alt: Barisan karnaval")


def _album_photo(tiny: TinySite) -> None:
    from PIL import Image

    folder = tiny.root / "static/images/albums/karnaval"
    folder.mkdir(parents=True)
    Image.new("RGB", (640, 400), "orange").save(folder / "01.jpg")


def test_an_album_without_the_guardians_consent_is_refused_with_how_to_fix_it(tiny: TinySite) -> None:
    _album_photo(tiny)
    write_event(tiny, *ALBUM_LINES)
    assert problems(tiny) == [
        message(f"{EVENT}:6: kolom 'album.consent'",
                "album foto belum menyatakan bahwa orang tua/wali siswa setuju foto diterbitkan.",
                "Terbitkan foto siswa hanya dengan izin orang tua/wali. Bila sudah ada izin, tambahkan "
                "'consent: true' di dalam 'album:'; bila belum, hapus 'album:' atau fotonya."),
    ]


def test_an_album_with_consent_false_names_that_line(tiny: TinySite) -> None:
    _album_photo(tiny)
    write_event(tiny, *ALBUM_LINES[:4], "  consent: false", *ALBUM_LINES[4:])
    assert [p.splitlines()[0] for p in problems(tiny)] == [
        f"{EVENT}:6: kolom 'album.consent': album foto belum menyatakan bahwa orang tua/wali siswa setuju foto "
        "diterbitkan."
    ]


def test_an_album_without_consent_is_refused_in_english_on_an_english_site(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", "language: en")))
    _album_photo(tiny)
    write_event(tiny, *ALBUM_LINES)
    assert problems(tiny) == [
        f"{EVENT}:6: field 'album.consent': the photo album does not state that the students' guardians agreed "
        "to publish the photos.\n"
        "  Hint: Publish photos of students only with their guardians' permission. When you have it, add "
        "'consent: true' inside 'album:'; otherwise remove 'album:' or the photos."
    ]


def test_an_album_photo_that_was_not_uploaded_names_its_line(tiny: TinySite) -> None:
    write_event(tiny, *ALBUM_LINES[:4], "  consent: true", *ALBUM_LINES[4:])
    assert problems(tiny) == [
        message(f"{EVENT}:8: foto album ke-1, kolom 'file'",
                "berkas 'images/albums/karnaval/01.jpg' tidak ditemukan di folder static/.",
                FILE_HINT.format(name="images/albums/karnaval/01.jpg")),
    ]


def test_an_album_photo_without_alt_text_is_reported(tiny: TinySite) -> None:
    _album_photo(tiny)
    write_event(tiny, *ALBUM_LINES[:4], "  consent: true", *ALBUM_LINES[4:6])
    assert problems(tiny) == [
        message(f"{EVENT}:8: foto album ke-1, kolom 'alt'", "kolom wajib 'alt' belum diisi.",
                "Tambahkan baris 'alt: ...'."),
    ]


def test_an_empty_album_is_reported(tiny: TinySite) -> None:
    write_event(tiny, *ALBUM_LINES[:4], "  consent: true", "  photos: []")
    assert problems(tiny) == [
        message(f"{EVENT}:7: kolom 'album.photos'", "album foto tidak berisi foto.",
                "Tulis setiap foto sebagai '- file: images/albums/nama-kegiatan/01.jpg' dengan 'alt:' di bawahnya."),
    ]


def test_an_unknown_humas_stage_lists_the_four_stages(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "humas_stage: rencana")
    assert problems(tiny) == [
        message(f"{EVENT}:5: kolom 'humas_stage'", "nilai 'rencana' tidak dikenal untuk kolom 'humas_stage'.",
                "Pilih salah satu: perencanaan, pengorganisasian, pelaksanaan, evaluasi."),
    ]


def test_a_broken_task_link_in_site_yaml_names_its_line(tiny: TinySite) -> None:
    tiny.write("site.yaml", site_yaml("tasks:\n  - {title: SPMB, url: /informasi/spmb/}"))
    assert problems(tiny) == [
        message("site.yaml:22: tautan tugas ke-1, kolom 'url'",
                "tautan '/informasi/spmb/' menuju halaman yang tidak ada.", LINK_HINT),
    ]


def test_an_album_photo_in_a_format_that_may_keep_gps_is_refused_with_its_line(tiny: TinySite) -> None:
    write_event(tiny, *ALBUM_LINES[:4], "  consent: true", "  photos:",
                "    - file: images/albums/karnaval/01.heic", "      alt: Barisan karnaval")
    assert problems(tiny) == [
        message(f"{EVENT}:8: foto album ke-1, kolom 'file'",
                "foto album 'images/albums/karnaval/01.heic' bukan JPEG, PNG, atau WebP.",
                "Ubah fotonya menjadi JPEG (di ponsel: bagikan/ekspor sebagai JPG), unggah berkas .jpg itu, "
                "lalu tulis namanya di sini."),
    ]


# --- 27. every message of the catalogue, word for word ------------------------------------------------
# The messages no test above pins whole: each one from a tiny broken site, in Indonesian and in English.

ENGLISH = ("language: id", "language: en")
NOT_A_PHOTO = "static/images/rusak.jpg"
PINNED: dict[str, tuple[dict[str, str], str, str]] = {
    # code: (files of the broken tiny site, the Indonesian text, the English text)
    "yaml_syntax": (
        {EVENT: text("---", "title: Rapat", "@c: d", "start: 2026-12-05", "category: rapat", "---")},
        message(f"{EVENT}:3", "YAML tidak dapat dibaca: found character that cannot start any token.", YAML_HINT),
        f"{EVENT}:3: YAML cannot be read: found character that cannot start any token.\n"
        "  Hint: Check colons, quotes and indentation (spaces, not tabs) on this line.",
    ),
    "empty": (
        {EVENT: text("---", "title: Rapat", "start: 2026-12-05", "category: rapat", 'location: ""', "---")},
        message(f"{EVENT}:5: kolom 'location'", "kolom 'location' kosong.",
                "Isi nilainya setelah titik dua, atau hapus barisnya."),
        f"{EVENT}:5: field 'location': field 'location' is empty.\n"
        "  Hint: Write a value after the colon, or remove the line.",
    ),
    "item_not_mapping": (
        {CALENDAR: text("entries:", "  - Libur semester")},
        message(f"{CALENDAR}:2: entri ke-1", "isi ke-1 dari 'entries' harus berupa kelompok 'nama: nilai'.",
                "Tulis setiap isi sebagai '- title: ...' dengan kolom lainnya menjorok di bawahnya."),
        f"{CALENDAR}:2: entry 1: item 1 of 'entries' must be a group of 'name: value' fields.\n"
        "  Hint: Write each item as '- title: ...' with its other fields indented below it.",
    ),
    "not_text": (
        {EVENT: text("---", "title: [Rapat, orang tua]", "start: 2026-12-05", "category: rapat", "---")},
        message(f"{EVENT}:2: kolom 'title'", "kolom 'title' harus berupa teks, bukan daftar atau kelompok.",
                "Tulis satu nilai di baris yang sama, misalnya 'title: ...'."),
        f"{EVENT}:2: field 'title': field 'title' must be text, not a list or mapping.\n"
        "  Hint: Write one value on the same line, for example 'title: ...'.",
    ),
    "not_list": (
        {CALENDAR: text("entries: Libur semester")},
        message(f"{CALENDAR}:1: kolom 'entries'", "kolom 'entries' harus berupa daftar.",
                "Tulis setiap isi di baris sendiri diawali '- ', atau [a, b]."),
        f"{CALENDAR}:1: field 'entries': field 'entries' must be a list.\n"
        "  Hint: Write each item on its own line starting with '- ', or [a, b].",
    ),
    "not_mapping": (
        {EVENT: text("---", "title: Rapat", "start: 2026-12-05", "category: rapat", "album: foto", "---")},
        message(f"{EVENT}:5: kolom 'album'", "kolom 'album' harus berupa kelompok 'nama: nilai'.",
                "Tulis isinya menjorok di bawah 'album:'."),
        f"{EVENT}:5: field 'album': field 'album' must be a group of 'name: value' fields.\n"
        "  Hint: Indent its fields under 'album:'.",
    ),
    "image_invalid": (
        {NOT_A_PHOTO: "bukan gambar\n", EVENT: text("---", "title: Rapat", "start: 2026-12-05", "category: rapat",
                                                    "image: images/rusak.jpg", "image_alt: Rapat", "---")},
        message(NOT_A_PHOTO,
                "gambar 'images/rusak.jpg' tidak dapat dipakai (the file is not an image that can be read).",
                "Simpan ulang foto sebagai JPEG atau PNG (misalnya lewat aplikasi galeri), lalu unggah lagi."),
        f"{NOT_A_PHOTO}: image 'images/rusak.jpg' cannot be used (the file is not an image that can be read).\n"
        "  Hint: Save the photo again as JPEG or PNG (for example from the gallery app) and upload it again.",
    ),
    "cname_invalid": (
        {"site.yaml": site_yaml("cname: https://www.sekolah.sch.id/")},
        message("site.yaml:21: kolom 'cname'", "'https://www.sekolah.sch.id/' bukan nama domain.",
                "Tulis nama domain saja, tanpa https:// dan tanpa '/', misalnya www.sekolah.sch.id."),
        "site.yaml:21: field 'cname': 'https://www.sekolah.sch.id/' is not a domain name.\n"
        "  Hint: Write the domain name only, without https:// or '/', for example www.school.example.",
    ),
    "template_missing": (
        {"layouts/event.html": '{% extends "dasar.html" %}\n'},
        message("layouts/event.html:1", "templat 'dasar.html' tidak ada di folder layouts/.",
                "Kembalikan berkas templat itu, atau perbaiki nama pada {% extends %} atau {% include %}."),
        "layouts/event.html:1: template 'dasar.html' is not in the layouts/ folder.\n"
        "  Hint: Put the template file back, or correct the name in {% extends %} or {% include %}.",
    ),
}


@pytest.mark.parametrize("language", ["id", "en"])
@pytest.mark.parametrize("code", sorted(PINNED))
def test_each_remaining_message_is_pinned_word_for_word(tiny: TinySite, code: str, language: str) -> None:
    files, indonesian, english = PINNED[code]
    if language == "en":
        tiny.write("site.yaml", site_yaml(replace=ENGLISH))
    for name, content in files.items():
        tiny.write(name, content.replace(*ENGLISH) if language == "en" and name == "site.yaml" else content)
    with pytest.raises(BuildFailed) as caught:
        tiny.build(write=False)
    assert [problem.code for problem in caught.value.errors] == [code]
    expected = indonesian if language == "id" else english
    assert [problem.format(language) for problem in caught.value.errors] == [expected]


@pytest.mark.parametrize(("language", "expected"), [
    ("id", message("_site", "situs tidak dapat ditulis: No space left on device.",
                   "Periksa ruang disk dan izin folder; situs sebelumnya tidak diubah.")),
    ("en", "_site: the site cannot be written: No space left on device.\n"
           "  Hint: Check the free disk space and the folder's permissions; the previous site was not changed."),
])
def test_a_full_disk_is_reported_word_for_word(tiny: TinySite, monkeypatch: pytest.MonkeyPatch,
                                               language: str, expected: str) -> None:
    tiny.write("site.yaml", site_yaml(replace=("language: id", f"language: {language}")))

    def full_disk(self: Path, data: bytes) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_bytes", full_disk)
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    assert [problem.format(language) for problem in caught.value.errors] == [expected]
