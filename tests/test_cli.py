"""The command line as an editor meets it: help, new files, exit statuses.

The help texts run `build.py` as a process (argparse wraps them to the width a process is given); the
other commands call sitegen.commands.cli.main in this process: the same code, without a Python start per call.
"""

from conftest import TINY_SITE_YAML, TinySite


def test_help_lists_every_command_and_the_exit_statuses_in_indonesian(tiny: TinySite) -> None:
    result = tiny.run("--help")
    assert result.returncode == 0
    assert result.stdout.startswith("cara pakai: python build.py [-h] {build,check,serve,new,init,libur} ...\n")
    for words in ("  check   memeriksa semua berkas tanpa menulis apa pun; status keluar 0 atau 1\n",
                  "  init    memulai situs untuk sekolah lain di folder kosong (lihat docs/panduan-editor.md)\n",
                  "  libur   menulis libur nasional dan cuti bersama satu tahun pelajaran (Juli–Juni) sebagai\n",
                  "  --strict             peringatan juga membuat pemeriksaan gagal\n",
                  "status keluar: 0 berhasil, 1 kesalahan isi (atau peringatan dengan --strict),\n"
                  "2 salah perintah atau pengaturan tidak dapat dipakai\n",
                  "  -h, --help            tampilkan bantuan ini lalu keluar\n"):
        assert words in result.stdout, words


def test_help_follows_the_language_of_the_site(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML.replace("language: id", "language: en"))
    result = tiny.run("check", "--help")
    assert result.returncode == 0
    assert result.stdout.startswith("usage: python build.py check [--root DIR] [--today YYYY-MM-DD]")
    assert "  --strict              warnings fail the command too (exit 1)\n" in result.stdout


def test_a_mistyped_command_is_bad_usage(tiny: TinySite) -> None:
    result = tiny.main("buidl")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_date_that_is_not_a_date_is_bad_usage(tiny: TinySite) -> None:
    result = tiny.main("check", "--today", "24-11-2026")
    assert result.returncode == 2
    assert result.stderr.endswith("error: argument --today: '24-11-2026' bukan tanggal TTTT-BB-HH\n")


def test_check_writes_nothing_and_says_how_many_pages(tiny: TinySite) -> None:
    result = tiny.main("check", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Pemeriksaan selesai: tidak ada masalah (")
    assert not (tiny.root / "_site").exists()


def test_new_event_creates_a_file_that_names_what_is_left_to_fill_in(tiny: TinySite) -> None:
    result = tiny.main("new", "event", "Pentas Seni 2027")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/events/pentas-seni-2027.md"
    text = (tiny.root / "content/events/pentas-seni-2027.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Pentas Seni 2027"\n')
    checked = tiny.main("check", "--today", "2026-11-24")
    assert checked.returncode == 0  # an unfinished draft warns; it does not stop the school's site
    assert ("content/events/pentas-seni-2027.md:4: peringatan: kolom 'start': tanggal atau waktu 'TTTT-BB-HH' "
            "tidak valid." in checked.stderr)
    assert tiny.main("check", "--strict", "--today", "2026-11-24").returncode == 1


def test_a_new_file_is_a_draft_until_its_draft_line_is_removed(tiny: TinySite) -> None:
    assert tiny.main("new", "announcement", "Libur Semester", "--date", "2026-11-21").returncode == 0
    path = tiny.root / "content/announcements/libur-semester.md"
    result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert not (tiny.root / "_site/pengumuman/libur-semester/index.html").exists()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("draft: true", "").replace("Tulis isinya di sini.", "Libur."), encoding="utf-8")
    result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert (tiny.root / "_site/pengumuman/libur-semester/index.html").is_file()


def test_new_achievement_writes_every_optional_field_as_a_comment_and_students_with_consent(tiny: TinySite) -> None:
    assert tiny.main("new", "achievement", "Juara Pidato", "--date", "2026-11-02").returncode == 0
    text = (tiny.root / "content/achievements/juara-pidato.md").read_text(encoding="utf-8")
    assert text == (
        '---\ntitle: "Juara Pidato"\nsummary: \ndate: 2026-11-02\n'
        "level: city                  # school, subdistrict, city, province, national, international\n"
        "field: academic              # academic atau non-academic\n"
        "# rank: Juara 1\n"
        "# competition: Nama lomba atau penghargaan\n"
        "# organizer: Penyelenggara\n"
        "# students:                  # satu nama per baris\n"
        "#   - Nama Siswa\n"
        "consent: false               # true hanya bila wali setuju nama lengkap ditampilkan; selain itu inisial\n"
        "# image: images/nama-foto.jpg  # unggah fotonya ke static/images/\n"
        "# image_alt: Keterangan isi foto\n"
        "# tags: [kata, kunci]\n"
        "# slug: alamat-lain           # bagian alamat halaman; bawaan: nama berkas\n"
        "draft: true                  # hapus baris ini bila sudah siap terbit\n"
        "---\nTulis isinya di sini.\n"
    )


def test_the_commented_fields_of_a_new_event_are_valid_once_uncommented(tiny: TinySite) -> None:
    assert tiny.main("new", "event", "Rapat Komite", "--date", "2026-12-07").returncode == 0
    path = tiny.root / "content/events/rapat-komite.md"
    text = path.read_text(encoding="utf-8")
    for field in ("end", "location", "audience", "tags", "slug"):
        assert f"\n# {field}: " in text, field
        text = text.replace(f"\n# {field}: ", f"\n{field}: ")
    text = text.replace("category: kegiatan", "category: rapat").replace("draft: true", "draft: false")
    path.write_text(text.replace("Tulis isinya di sini.", "Rapat."), encoding="utf-8")
    result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert (tiny.root / "_site/agenda/alamat-lain/index.html").is_file()


def test_new_refuses_to_overwrite_a_file(tiny: TinySite) -> None:
    assert tiny.main("new", "page", "Kontak").returncode == 2
    assert tiny.root.joinpath("content/pages/kontak.md").read_text(encoding="utf-8").startswith("---\ntitle: Kontak")
