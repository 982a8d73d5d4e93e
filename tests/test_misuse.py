"""Misuse found by trying the generator as editors do: text pasted from Word or WhatsApp, odd settings, odd names.

Each test breaks one file of the `tiny` site and pins the whole message the editor reads.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TODAY, TinySite

from sitegen.errors import BuildFailed

EVENT = "content/events/rapat.md"
SPACE_HINT = "Hapus spasi itu, lalu ketik ulang dengan tombol spasi biasa."


def message(where: str, what: str, hint: str) -> str:
    return f"{where}: {what}\n  Petunjuk: {hint}"


def problems(tiny: TinySite) -> list[str]:
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    return [problem.format(caught.value.language) for problem in caught.value.errors]


def write_event(tiny: TinySite, *front_matter: str) -> None:
    tiny.write(EVENT, "\n".join(("---", *front_matter, "---", "Isi.")) + "\n")


def odd_space(column: int) -> str:
    return (f"baris ini memuat spasi khusus (U+00A0) di kolom {column}, biasanya ikut tersalin dari Word "
            "atau WhatsApp.")


@pytest.mark.parametrize(
    ("lines", "line", "column"),
    [
        (("title: Rapat", "start:\u00a02026-12-05", "category: rapat"), 3, 7),  # the space after the colon
        (("title: Rapat", "start: 2026-12-05", "category: rapat", "audience:", "\u00a0 - orang-tua"), 6, 1),
        (("title: Rapat", "start: 2026-12-05", "cate\u00a0gory: rapat"), 4, 5),  # inside a field name
        (("title: Rapat", "start: 2026-12-05", "category\u00a0: rapat"), 4, 9),
    ],
)
def test_a_non_breaking_space_outside_a_value_is_named_with_its_column(
    tiny: TinySite, lines: tuple[str, ...], line: int, column: int
) -> None:
    write_event(tiny, *lines)
    assert problems(tiny) == [message(f"{EVENT}:{line}", odd_space(column), SPACE_HINT)]


def test_a_non_breaking_space_inside_a_title_is_kept_as_written(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat\u00a0orang tua", "start: 2026-12-05", "category: rapat")
    tiny.build()
    assert "<h1>Rapat\u00a0orang tua</h1>" in (tiny.root / "_site/agenda/rapat/index.html").read_text()


def test_a_zero_width_space_after_a_category_is_named_and_the_word_to_retype_shown(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat\u200b")
    assert problems(tiny) == [
        message(f"{EVENT}:4: kolom 'category'",
                "baris ini memuat karakter tak terlihat (U+200B) di kolom 16, biasanya ikut tersalin dari Word "
                "atau WhatsApp.",
                "Hapus 'rapat', lalu ketik ulang sendiri tanpa menyalin-tempel."),
    ]


def test_a_byte_order_mark_inside_a_title_is_named_in_english_on_an_english_site(tiny: TinySite) -> None:
    tiny.write("site.yaml", (tiny.root / "site.yaml").read_text().replace("language: id", "language: en"))
    write_event(tiny, "title: Parents\ufeff meeting", "start: 2026-12-05", "category: rapat")
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    assert [problem.format("en") for problem in caught.value.errors] == [
        f"{EVENT}:2: field 'title': this line contains an invisible character (U+FEFF) in column 15, usually pasted "
        "from Word or WhatsApp.\n  Hint: Delete 'Parents', then type it again yourself instead of pasting it."
    ]


def test_a_special_space_inside_an_unclosed_quote_leaves_the_quote_message(tiny: TinySite) -> None:
    write_event(tiny, 'title: "Rapat\u00a0orang', "start: 2026-12-05", "category: rapat")
    assert problems(tiny) == [
        message(f"{EVENT}:2", "tanda kutip yang dibuka di baris ini tidak ditutup.",
                "Tambahkan tanda kutip penutup di akhir nilai, atau hapus tanda kutip pembukanya."),
    ]


@pytest.mark.parametrize("output_dir", ["~", "~/situs"])
def test_an_output_dir_starting_with_a_tilde_is_refused_and_no_folder_named_tilde_is_made(
    tiny: TinySite, output_dir: str
) -> None:
    tiny.write("site.yaml", (tiny.root / "site.yaml").read_text() + f"output_dir: {output_dir}\n")
    result = tiny.main("build")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"site.yaml:21: kolom 'output_dir': folder hasil '{output_dir}' diawali '~': di sini '~' bukan folder rumah "
        "(home), melainkan folder bernama '~' di dalam proyek, yang mudah tertukar dengan folder rumah saat dihapus.\n"
        "  Petunjuk: Pakai folder baru di dalam proyek, misalnya 'output_dir: _site'.\n"
        "Build gagal: 1 masalah ditemukan. Situs sebelumnya tidak diubah.\n"
    )
    assert not (tiny.root / "~").exists()


def test_init_with_a_school_name_of_spaces_asks_for_it_and_writes_nothing(tmp_path: Path) -> None:
    root = tmp_path / "sekolah"
    command = [sys.executable, str(REPO / "build.py"), "init", "--root", str(root), "--name", "   ", "--level", "SD",
               "--town", "Kota Contoh", "--zone", "WIB", "--address", "Jalan Contoh 1", "--today", TODAY]
    result = subprocess.run(command, input="", capture_output=True, text=True, check=False)
    assert (result.returncode, result.stderr) == (
        2, "Nama sekolah: \nTidak ada jawaban untuk 'Nama sekolah'. Jalankan lagi dengan --name \"...\".\n")
    assert not root.exists()


def test_a_backup_copy_left_by_a_text_editor_is_named_as_one(tiny: TinySite) -> None:
    tiny.write(EVENT + "~", (tiny.root / EVENT).read_text())
    assert problems(tiny) == [
        message(f"{EVENT}~", "berkas ini tidak dimuat: namanya berakhiran '~', tanda salinan cadangan yang dibuat "
                "editor teks.",
                "Hapus berkas ini; yang dimuat adalah 'rapat.md'. Bila isinya yang benar ada di sini, salin dulu "
                "ke 'rapat.md'."),
    ]


def test_a_draft_and_an_announcement_dated_a_century_ahead_are_listed_after_the_build(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "draft: true")
    tiny.write("content/announcements/libur.md", "---\ntitle: Libur\ndate: 2126-12-20\n---\nLibur.\n")
    result = tiny.main("build", "--today", TODAY)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1:] == [
        "2 berkas belum terbit:",
        "content/announcements/libur.md: kolom 'date': belum terbit: tanggalnya 2126-12-20, terbit sendiri pada "
        "hari itu.",
        "  Petunjuk: Bila tanggal atau tahunnya salah ketik, perbaiki kolom 'date'.",
        f"{EVENT}:5: kolom 'draft': belum terbit: berkas ini masih draf.",
        "  Petunjuk: Hapus baris ini bila sudah siap terbit; pratinjau (serve) sudah menampilkannya.",
    ]
    assert not (tiny.root / "_site/agenda/rapat").exists()


def test_a_build_with_drafts_lists_nothing_as_held(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "draft: true")
    result = tiny.main("build", "--drafts", "--today", TODAY)
    assert result.stdout == "Situs selesai dibuat di _site/ (26 halaman).\n"


def test_an_event_in_the_next_century_is_a_warning_and_strict_stops_its_thousand_month_pages(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2126-12-05", "category: rapat")
    result = tiny.main("build", "--strict", "--today", TODAY)
    assert result.returncode == 1
    assert result.stderr.startswith(
        f"{EVENT}: peringatan: kolom 'start': kegiatan ini dimulai 2126-12-05, lebih dari dua tahun lagi; kalender "
        "situs akan memuat halaman untuk setiap bulan sampai hari itu.\n"
        "  Petunjuk: Bila tahunnya salah ketik, perbaiki kolom 'start'.\n"
    )
    assert not (tiny.root / "_site").exists()


def test_an_event_a_year_ahead_is_no_warning(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2027-11-24", "category: rapat")
    assert tiny.build(write=False).warnings == ()


def test_a_base_url_copied_with_its_page_name_is_refused_with_the_address_to_write(tiny: TinySite) -> None:
    site = (tiny.root / "site.yaml").read_text()
    tiny.write("site.yaml", site.replace("nama-repo/", "nama-repo/index.html"))
    result = tiny.main("build")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        "site.yaml:3: kolom 'base_url': alamat situs 'https://example.github.io/nama-repo/index.html' berakhir "
        "dengan nama halaman 'index.html': setiap tautan situs akan rusak.\n"
        "  Petunjuk: Tulis alamat situs tanpa nama halaman: https://example.github.io/nama-repo/\n"
        "Build gagal: 1 masalah ditemukan. Situs sebelumnya tidak diubah.\n"
    )


def test_a_category_and_an_audience_in_curly_quotes_are_told_to_use_straight_ones(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: ‘rapat’", "audience: [“orang-tua”]")
    assert problems(tiny) == [
        message(f"{EVENT}:4: kolom 'category'", "'‘rapat’' memakai tanda kutip miring (“ ” atau ‘ ’).",
                'Ganti dengan tanda kutip lurus biasa: "rapat".'),
        message(f"{EVENT}:5: kolom 'audience'", "'“orang-tua”' memakai tanda kutip miring (“ ” atau ‘ ’).",
                'Ganti dengan tanda kutip lurus biasa: "orang-tua".'),
    ]


def hash_message(where: str, cut: str, example: str) -> str:
    return message(where, f"'{cut}' tidak ikut terbaca: di YAML, tanda '#' sesudah spasi memulai catatan (komentar).",
                   f"Apit nilainya dengan tanda kutip, misalnya {example}.")


def test_a_number_sign_in_a_title_is_refused_instead_of_cutting_the_title_short(tiny: TinySite) -> None:
    write_event(tiny, "title: Lomba Kelas #1", "start: 2026-12-05", "category: rapat", "location: Ruang #3 (lantai 2)")
    assert problems(tiny) == [
        hash_message(f"{EVENT}:2: kolom 'title'", "#1", 'title: "Lomba Kelas #1"'),
    ]


@pytest.mark.parametrize(
    ("category", "where"),
    [
        ("    rapat: {label: Rapat, color: #7c3aed}", "site.yaml:16"),
        ("    rapat:\n      label: Rapat\n      color: #7c3aed",
         "site.yaml:18: kolom 'calendar.categories.rapat.color'"),
    ],
)
def test_a_colour_without_quotes_is_told_to_quote_it(tiny: TinySite, category: str, where: str) -> None:
    site = (tiny.root / "site.yaml").read_text()
    tiny.write("site.yaml", site.replace('    rapat: {label: Rapat, color: "#7c3aed"}', category))
    result = tiny.main("check")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (hash_message(where, "#7c3aed", 'color: "#7c3aed"') + "\n"
                             "Pemeriksaan gagal: 1 masalah ditemukan.\n")


def test_a_comment_set_apart_after_a_value_is_still_a_comment(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat  # catatan", "start: 2026-12-05", "category: rapat", "draft: false   #nanti")
    tiny.build()
    assert "<h1>Rapat</h1>" in (tiny.root / "_site/agenda/rapat/index.html").read_text()


def test_a_link_to_a_draft_names_the_draft(tiny: TinySite) -> None:
    write_event(tiny, "title: Rapat", "start: 2026-12-05", "category: rapat", "draft: true")
    tiny.write("content/pages/kontak.md", "---\ntitle: Kontak\n---\nLihat [rapat](/agenda/rapat/).\n")
    assert problems(tiny) == [
        message("content/pages/kontak.md:4",
                f"tautan '/agenda/rapat/' menuju {EVENT}, yang masih draf dan belum terbit.",
                "Terbitkan dulu berkas itu (hapus baris 'draft: true'), atau hapus tautan ini sampai ia terbit."),
    ]


@pytest.mark.parametrize(
    ("written", "what", "hint"),
    [
        ("www.kemdikbud.go.id", "tidak diawali https://, jadi di situs terbit ia menuju halaman yang tidak ada.",
         "Tulis alamat lengkapnya: https://www.kemdikbud.go.id"),
        ("wa.me/6281234567890", "tidak diawali https://, jadi di situs terbit ia menuju halaman yang tidak ada.",
         "Tulis alamat lengkapnya: https://wa.me/6281234567890"),
        ("../pages/kontak.md", "menunjuk berkas sumber (.md), bukan alamat halaman di situs.",
         "Tulis alamat halamannya, diawali '/', misalnya /informasi/kontak/."),
        ("informasi/kontak/", "tidak diawali '/' atau https://, jadi di situs terbit ia menuju alamat yang salah.",
         "Tulis '/informasi/kontak/' bila itu halaman atau berkas di situs ini, atau alamat lengkap yang diawali "
         "https://."),
    ],
)
def test_a_link_that_is_neither_from_the_root_nor_a_full_address_is_refused(
    tiny: TinySite, written: str, what: str, hint: str
) -> None:
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\nHubungi [kami]({written}).\n")
    assert problems(tiny) == [message(f"{EVENT}:6", f"tautan '{written}' {what}", hint)]


def test_full_addresses_mail_phone_and_anchor_links_are_not_checked(tiny: TinySite) -> None:
    tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n"
               "[a](https://wa.me/62812) [b](mailto:tu@sekolah.sch.id) [c](tel:+62211234) [d](#jadwal)\n")
    tiny.build()


@pytest.mark.parametrize("written", ["2026-12-05 08:00 WIB", '"2026-12-05 8.00 wita"'])
def test_a_time_written_with_its_zone_is_shown_without_it(tiny: TinySite, written: str) -> None:
    """Indonesian notices write '08.00 WIB'; the site's zone is already in site.yaml."""
    write_event(tiny, "title: Rapat", f"start: {written}", "category: rapat")
    value = written.strip('"')
    assert problems(tiny) == [
        message(f"{EVENT}:3: kolom 'start'",
                f"waktu '{value}' ditulis dengan zona waktu, padahal semua waktu di situs ini memakai zona "
                "'timezone' di site.yaml.",
                'Tulis "2026-12-05 08:00", tanpa WIB/WITA/WIT.'),
    ]
