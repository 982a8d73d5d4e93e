"""Hostile or careless input (issue 10): only the project's files are read, only the output folder is
written, nothing injects, nothing hangs. Each case: the exact message with its path (and line), the
exit status, and the previous site untouched; or safe output.
"""

from __future__ import annotations

import fcntl
import os
import subprocess
import sys
import time
from pathlib import Path
from xml.etree import ElementTree

import pytest
from conftest import REPO, TINY_SITE_YAML, TinySite

import sitegen.load.markdown
import sitegen.sources
from sitegen.errors import BuildFailed, ConfigUnusable
from sitegen.write.output import MARKER

EVENT = "content/events/rapat.md"
OUTSIDE_HINT = "Salin berkas yang dimaksud ke dalam proyek, lalu hapus tautan ini."
SYMLINK_OUT = ("tautan simbolis (symlink) ini menunjuk ke luar folder proyek atau ke berkas tersembunyi "
               "(seperti .git atau .env).")
SLUG_HINT = "Pakai huruf kecil, angka dan tanda hubung saja, misalnya 'pentas-seni-2026'."
CONTROL_HINT = ("Hapus karakter yang tak terlihat itu (biasanya ikut tersalin dari Word atau PDF): "
                "ketik ulang kata di sekitarnya.")
UTF8_HINT = "Ketik ulang karakter itu, lalu simpan berkas sebagai UTF-8 (Notepad: Save As, Encoding UTF-8)."
NEW_FOLDER_HINT = "Tulis nama folder baru di 'output_dir', misalnya 'output_dir: _site'; berkas itu tidak diubah."


def message(where: str, what: str, hint: str) -> str:
    return f"{where}: {what}\n  Petunjuk: {hint}"


def with_previous_site(tiny: TinySite) -> dict[str, bytes]:
    """A previous build in _site/ (as the generator leaves it: with its marker); returns its files."""
    site = tiny.root / "_site"
    site.mkdir()
    (site / MARKER).write_text("x\n", encoding="utf-8")
    (site / "index.html").write_text("<h1>situs sebelumnya</h1>\n", encoding="utf-8")
    return snapshot(site)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def refused(tiny: TinySite, unusable: bool = False) -> list[str]:
    """The formatted problems of a build that must fail and leave the previous site as it was."""
    before = with_previous_site(tiny) if not (tiny.root / "_site").exists() else snapshot(tiny.root / "_site")
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    assert isinstance(caught.value, ConfigUnusable) == unusable  # exit status 2 for unusable settings, else 1
    assert snapshot(tiny.root / "_site") == before
    assert sorted(p.name for p in tiny.root.iterdir() if p.name.startswith("._site.")) == []
    return [problem.format(caught.value.language) for problem in caught.value.errors]


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside the project that must never be published."""
    path = tmp_path / "luar" / "rahasia.txt"
    path.parent.mkdir()
    path.write_text("KATA-SANDI=rahasia\n", encoding="utf-8")
    return path


# --- 1. only the project's own files are read ---------------------------------------------------


@pytest.mark.parametrize("link", ["static/bocor.txt", "static/files/bocor.pdf", "content/events/bocor.md",
                                  "content/calendars/bocor.yaml", "content/pages/bocor.md", "layouts/bocor.html"])
def test_a_symlink_to_a_file_outside_the_project_is_refused(tiny: TinySite, secret: Path, link: str) -> None:
    (tiny.root / link).parent.mkdir(parents=True, exist_ok=True)
    (tiny.root / link).symlink_to(secret)
    assert refused(tiny) == [message(link, SYMLINK_OUT, OUTSIDE_HINT)]


def test_a_symlinked_static_folder_pointing_outside_is_refused(tiny: TinySite, secret: Path) -> None:
    (tiny.root / "static" / "luar").symlink_to(secret.parent)
    assert refused(tiny) == [message("static/luar", SYMLINK_OUT, OUTSIDE_HINT)]


@pytest.mark.parametrize("target", ["/proc/self/environ", "/dev/zero", "/etc/passwd"])
def test_a_symlink_to_a_system_file_is_refused_and_nothing_of_it_is_published(tiny: TinySite, target: str) -> None:
    (tiny.root / "static" / "x.txt").symlink_to(target)
    assert refused(tiny) == [message("static/x.txt", SYMLINK_OUT, OUTSIDE_HINT)]


def test_a_symlink_into_git_is_refused_even_inside_the_project(tiny: TinySite) -> None:
    (tiny.root / ".git").mkdir()
    (tiny.root / ".git" / "config").write_text("[remote]\nurl = https://token@example.com/\n", encoding="utf-8")
    (tiny.root / "static" / "config.txt").symlink_to(tiny.root / ".git" / "config")
    assert refused(tiny) == [message("static/config.txt", SYMLINK_OUT, OUTSIDE_HINT)]


def test_a_symlink_to_a_hidden_file_of_the_project_is_refused(tiny: TinySite) -> None:
    tiny.write(".env", "TOKEN=rahasia\n")
    (tiny.root / "static" / "env.txt").symlink_to(tiny.root / ".env")
    assert refused(tiny) == [message("static/env.txt", SYMLINK_OUT, OUTSIDE_HINT)]


def test_a_symlink_inside_the_project_is_followed(tiny: TinySite) -> None:
    tiny.write("static/files/jadwal.pdf", "%PDF-1.4\n%%EOF\n")
    (tiny.root / "static" / "jadwal-terbaru.pdf").symlink_to(Path("files") / "jadwal.pdf")
    tiny.build()
    assert (tiny.root / "_site" / "jadwal-terbaru.pdf").read_bytes() == b"%PDF-1.4\n%%EOF\n"
    assert not (tiny.root / "_site" / "jadwal-terbaru.pdf").is_symlink()


def test_a_symlinked_folder_inside_the_project_is_published_under_both_names(tiny: TinySite) -> None:
    tiny.write("static/images/denah.txt", "denah\n")
    (tiny.root / "static" / "gambar").symlink_to("images")
    (tiny.root / "static" / "images" / "lagi").symlink_to("..")  # a folder linked into itself
    tiny.build()
    site = tiny.root / "_site"
    assert (site / "images" / "denah.txt").read_text(encoding="utf-8") == "denah\n"
    assert (site / "gambar" / "denah.txt").read_text(encoding="utf-8") == "denah\n"
    assert not (site / "images" / "lagi").exists()  # a link back to a folder it is in is not followed


def test_a_folder_that_cannot_be_read_is_reported(tiny: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    tiny.write("static/pribadi/x.txt", "x\n")
    real_listdir = os.listdir

    def listdir(path: os.PathLike[str]) -> list[str]:
        if Path(path).name == "pribadi":
            raise PermissionError(13, "Permission denied")
        return real_listdir(path)

    monkeypatch.setattr(os, "listdir", listdir)
    assert refused(tiny) == [
        message("static/pribadi", "berkas atau folder ini tidak dapat dibaca: Permission denied.",
                "Periksa izin berkas dan folder itu (pemiliknya harus bisa membacanya), atau hapus dari proyek."),
    ]


def test_a_symlink_loop_inside_static_is_reported_not_followed_forever(tiny: TinySite) -> None:
    (tiny.root / "static" / "a").symlink_to("b")
    (tiny.root / "static" / "b").symlink_to("a")
    hint = "Hapus tautan ini, atau taruh berkas yang dimaksud di tempatnya."
    assert refused(tiny) == [
        message("static/a", "tautan simbolis (symlink) ini menunjuk ke berkas yang tidak ada.", hint),
        message("static/b", "tautan simbolis (symlink) ini menunjuk ke berkas yang tidak ada.", hint),
    ]


def test_a_dangling_symlink_is_reported(tiny: TinySite) -> None:
    (tiny.root / "content" / "events" / "hilang.md").symlink_to(tiny.root / "tidak-ada.md")
    assert refused(tiny) == [
        message("content/events/hilang.md", "tautan simbolis (symlink) ini menunjuk ke berkas yang tidak ada.",
                "Hapus tautan ini, atau taruh berkas yang dimaksud di tempatnya."),
    ]


@pytest.mark.parametrize("folder", ["content/events/x.md", "content/pages/profil/x.md", "content/calendars/x.yaml"])
def test_a_folder_named_like_a_content_file_is_reported(tiny: TinySite, folder: str) -> None:
    (tiny.root / folder).mkdir(parents=True)
    assert refused(tiny) == [
        message(folder, "ini sebuah folder, padahal namanya seperti berkas yang dibaca.",
                "Ganti nama folder ini (tanpa akhiran .md atau .yaml), atau pindahkan isinya."),
    ]


@pytest.mark.parametrize("name", ["content/events/x.md", "static/x.txt", "layouts/x.html", "content/catatan"])
def test_a_fifo_is_refused_without_hanging(tiny: TinySite, name: str) -> None:
    os.mkfifo(tiny.root / name)
    started = time.monotonic()
    assert refused(tiny) == [
        message(name, "ini bukan berkas biasa (melainkan FIFO, perangkat atau soket).",
                "Hapus dari folder proyek; hanya berkas dan folder biasa yang dibaca."),
    ]
    assert time.monotonic() - started < 30


def test_a_fifo_as_site_yaml_is_refused_without_hanging(tiny: TinySite) -> None:
    (tiny.root / "site.yaml").unlink()
    os.mkfifo(tiny.root / "site.yaml")
    assert refused(tiny, unusable=True) == [
        message("site.yaml", "ini bukan berkas biasa (melainkan FIFO, perangkat atau soket).",
                "Hapus dari folder proyek; hanya berkas dan folder biasa yang dibaca."),
    ]


def test_a_markdown_file_over_the_size_limit_is_refused_unread(tiny: TinySite) -> None:
    with (tiny.root / EVENT).open("ab") as file:
        file.truncate(1_500_000)
    assert refused(tiny) == [
        message(EVENT, "berkas berukuran 1.5 MB, lebih dari batas 1.0 MB.",
                "Perkecil berkasnya (kompres foto atau PDF), atau bagi tulisan menjadi beberapa berkas."),
    ]


def test_a_static_file_over_the_size_limit_is_refused_unread(tiny: TinySite) -> None:
    with (tiny.root / "static" / "video.mp4").open("wb") as file:
        file.truncate(60_000_000)  # sparse: nothing is written to disk
    assert refused(tiny) == [
        message("static/video.mp4", "berkas berukuran 60.0 MB, lebih dari batas 50.0 MB.",
                "Perkecil berkasnya (kompres foto atau PDF), atau bagi tulisan menjadi beberapa berkas."),
    ]


@pytest.mark.parametrize(("kind", "key"), [("categories", "../../../../x"), ("categories", "x{} body{display:none} .y"),
                                           ("audiences", "../../x"), ("audiences", "Kelas 7")])
def test_a_category_or_audience_key_that_is_not_a_slug_is_refused_on_its_line(
    tiny: TinySite, kind: str, key: str
) -> None:
    line, original = (16, "    rapat:") if kind == "categories" else (19, "    orang-tua:")
    tiny.write("site.yaml", TINY_SITE_YAML.replace(original, f'    "{key}":'))
    if kind == "categories":
        tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: libur\n---\n")
    field = f"calendar.{kind}.{key}"
    assert refused(tiny, unusable=True) == [
        message(f"site.yaml:{line}: kolom '{field}'", f"'{key}' tidak bisa dipakai sebagai bagian alamat halaman.",
                SLUG_HINT),
    ]
    assert not (tiny.root.parent / "x").exists() and not list(tiny.root.parent.parent.glob("**/x.ics"))


# --- 2. nothing a setting or a file says can inject ---------------------------------------------


@pytest.mark.parametrize("base_url", ['https://example.github.io/"><svg onload=alert(1)>/',
                                      "https://example.github.io/repo/?x=1", "javascript:alert(1)//",
                                      "https://exa mple.github.io/", "https://example.github.io/re'po/"])
def test_a_base_url_that_is_not_a_plain_address_is_refused(tiny: TinySite, base_url: str) -> None:
    escaped = base_url.replace("\\", "\\\\").replace('"', '\\"')
    tiny.write("site.yaml", TINY_SITE_YAML.replace("base_url: https://example.github.io/nama-repo/",
                                                   f'base_url: "{escaped}"'))
    assert refused(tiny, unusable=True) == [
        message("site.yaml:3: kolom 'base_url'", f"alamat situs '{base_url.strip()}' tidak valid.",
                "Tulis alamat lengkap seperti https://nama.github.io/nama-repo/ (huruf, angka, '.', '-', '_', '/'; "
                "tanpa spasi, tanda kutip, '?' atau '#')."),
    ]


def test_a_base_url_given_on_the_command_line_is_checked_too(tiny: TinySite) -> None:
    result = tiny.main("build", "--today", "2026-11-24", "--base-url", 'https://x.github.io/"><b>/')
    assert result.returncode == 2
    assert result.stderr.startswith("site.yaml:3: kolom 'base_url': alamat situs 'https://x.github.io/\"><b>/' "
                                    "tidak valid.\n")
    assert not (tiny.root / "_site").exists()


@pytest.mark.parametrize(("svg", "found"), [
    ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script"),
    ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "onload="),
    ('<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>', "javascript:"),
    ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><iframe/></foreignObject></svg>', "<foreignObject"),
    ('<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>', "<!ENTITY"),
])
def test_an_svg_that_can_run_scripts_is_refused(tiny: TinySite, svg: str, found: str) -> None:
    tiny.write("static/images/logo.svg", svg)
    assert refused(tiny) == [
        message("static/images/logo.svg", f"gambar SVG memuat '{found}', yang bisa menjalankan skrip di situs.",
                "Ekspor ulang gambarnya tanpa skrip (misalnya 'Plain SVG' di Inkscape), atau pakai PNG."),
    ]


def test_a_plain_svg_is_published_as_it_is(tiny: TinySite) -> None:
    svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'
    tiny.write("static/images/logo.svg", svg)
    tiny.build()
    assert (tiny.root / "_site" / "images" / "logo.svg").read_text(encoding="utf-8") == svg


@pytest.mark.parametrize(("character", "column"), [("\v", 7), ("\x0c", 7), ("\x1b", 7), ("\x00", 7), ("\x7f", 7),
                                                   ("\x85", 7), ("\u202e", 7), ("\u2066", 7)])
def test_a_control_character_in_a_body_is_refused_with_line_and_column(
    tiny: TinySite, character: str, column: int
) -> None:
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n"
                      f"Baris satu.\nRapat {character}wali.\n")
    assert refused(tiny) == [
        message(f"{EVENT}:7", f"karakter kontrol U+{ord(character):04X} di kolom {column} tidak boleh ada di teks.",
                CONTROL_HINT),
    ]


@pytest.mark.parametrize("escape", ["\\e", "\\0", "\\x07", "\\u009b", "\\u202e"])
def test_a_control_character_written_as_a_yaml_escape_in_a_title_is_refused(tiny: TinySite, escape: str) -> None:
    tiny.write(EVENT, f'---\ntitle: "Rapat {escape}wali"\nstart: 2026-12-05\ncategory: rapat\n---\n')
    code = {"\\e": "U+001B", "\\0": "U+0000", "\\x07": "U+0007", "\\u009b": "U+009B", "\\u202e": "U+202E"}[escape]
    assert refused(tiny) == [
        message(f"{EVENT}:2: kolom 'title'", f"nilainya berisi karakter kontrol {code}.",
                "Hapus karakter itu; di YAML, jangan menulis kode seperti \\e atau \\0 di dalam tanda kutip."),
    ]


@pytest.mark.parametrize("title", ['"Rapat\\r\\norang tua"', '"Rapat\\rorang tua"', '"Rapat\\norang tua"',
                                   "|\n  Rapat\n  orang tua", ">-\n  Rapat\n\n  orang tua"])
def test_a_title_over_several_lines_is_joined_and_feeds_stay_valid(tiny: TinySite, title: str) -> None:
    tiny.write(EVENT, f"---\ntitle: {title}\nstart: 2026-12-05\ncategory: rapat\n---\nIsi.\n")
    files = tiny.build(write=False).files
    assert "<h1>Rapat orang tua</h1>" in files["agenda/rapat/index.html"].decode("utf-8")
    feeds = [name for name in sorted(files) if name.endswith(".xml")]
    calendars = [name for name in sorted(files) if name.endswith(".ics")]
    assert feeds and calendars
    for feed in feeds:
        ElementTree.fromstring(files[feed])  # well-formed
    for calendar in calendars:
        data = files[calendar]
        assert b"\r" not in data.replace(b"\r\n", b""), calendar  # no bare CR
        assert (b"SUMMARY:Rapat orang tua\r\n" in data) == (b"BEGIN:VEVENT" in data), calendar


def test_a_summary_with_old_mac_line_ends_keeps_its_lines_and_no_bare_cr(tiny: TinySite) -> None:
    tiny.write(EVENT, '---\ntitle: Rapat\nsummary: "Baris satu.\\rBaris dua.\\r\\nBaris tiga."\nstart: 2026-12-05\n'
                      "category: rapat\n---\nIsi.\n")
    data = tiny.build(write=False).files["agenda/rapat/rapat.ics"]
    assert b"\r" not in data.replace(b"\r\n", b"")
    assert b"DESCRIPTION:Baris satu.\\nBaris dua.\\nBaris tiga.\r\n" in data


def test_a_body_with_a_character_reference_to_a_control_character_keeps_feeds_valid(tiny: TinySite) -> None:
    tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\nRapat &#11; &#x1b; &#0; wali.\n")
    files = tiny.build(write=False).files
    pages = [name for name in sorted(files) if name.endswith((".html", ".xml"))]
    assert "agenda/rapat/index.html" in pages and "feed.xml" in pages
    for page in pages:
        assert not sitegen.sources.CONTROL.search(files[page].decode("utf-8")), page
        if page.endswith(".xml"):
            ElementTree.fromstring(files[page])


# --- 3. Markdown that cannot take the build down ------------------------------------------------


def test_lists_nested_300_levels_by_indentation_are_refused_on_the_first_line_too_deep(tiny: TinySite) -> None:
    body = "\n".join("    " * level + "- butir" for level in range(300))
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n{body}\n")
    assert refused(tiny) == [
        message(f"{EVENT}:26", "daftar atau kutipan bersarang 21 tingkat, lebih dari batas 20.",
                "Kurangi indentasi atau tanda '-', '*', '>' di awal baris ini."),
    ]


@pytest.mark.parametrize(("line", "depth"), [("- " * 4000 + "x", 4000), ("> " * 500 + "x", 500),
                                             ("1. " * 30 + "x", 30)])
def test_many_list_or_quote_marks_on_one_line_are_refused(tiny: TinySite, line: str, depth: int) -> None:
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n{line}\n")
    assert refused(tiny) == [
        message(f"{EVENT}:6", f"daftar atau kutipan bersarang {depth} tingkat, lebih dari batas 20.",
                "Kurangi indentasi atau tanda '-', '*', '>' di awal baris ini."),
    ]


def test_ten_thousand_list_marks_on_one_line_are_refused_as_a_long_line(tiny: TinySite) -> None:
    tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n" + "- " * 10_000 + "\n")
    assert refused(tiny) == [
        message(f"{EVENT}:6", "baris ini panjangnya 20000 karakter, lebih dari batas 10000.",
                "Pecah menjadi beberapa baris atau paragraf (tekan Enter di antara kalimat)."),
    ]


def test_a_body_over_a_limit_is_refused_by_every_build_with_the_cache(tiny: TinySite) -> None:
    """A body found converted in the build cache is not measured again (only bodies within the limits are
    converted): the one over a limit never is, so a warm build refuses it as the first did."""
    tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n" + "- " * 10_000 + "\n")
    for build in ("cold", "warm"):
        with pytest.raises(BuildFailed) as caught:
            tiny.build(cache=True)
        assert [p.format("id") for p in caught.value.errors] == [
            message(f"{EVENT}:6", "baris ini panjangnya 20000 karakter, lebih dari batas 10000.",
                    "Pecah menjadi beberapa baris atau paragraf (tekan Enter di antara kalimat)."),
        ], build
    assert (tiny.root / ".sitegen-cache" / "cache.sqlite3").is_file()  # the other bodies were kept


def test_a_line_of_almost_a_megabyte_of_brackets_is_refused_at_once(tiny: TinySite) -> None:
    tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n" + "[" * 999_000 + "\n")
    started = time.monotonic()
    assert refused(tiny) == [
        message(f"{EVENT}:6", "baris ini panjangnya 999000 karakter, lebih dari batas 10000.",
                "Pecah menjadi beberapa baris atau paragraf (tekan Enter di antara kalimat)."),
    ]
    assert time.monotonic() - started < 30


def test_a_paragraph_of_brackets_within_the_line_limit_is_refused(tiny: TinySite) -> None:
    body = "Pembuka.\n\n" + "\n".join(["[" * 150] * 3) + "\n"
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n{body}")
    assert refused(tiny) == [
        message(f"{EVENT}:8", "paragraf ini memuat 450 tanda '[', lebih dari batas 200.",
                "Hapus tanda '[' yang tidak perlu, atau bagi paragrafnya; satu tautan memakai satu '['."),
    ]


@pytest.mark.parametrize(("mark", "count", "limit"), [("[", 3980, 2000), ("<", 6000, 5000)])
def test_many_brackets_or_html_tags_in_one_file_are_refused(tiny: TinySite, mark: str, count: int, limit: int) -> None:
    body = "\n\n".join([mark * (count // 20)] * 20) + "\n"
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n{body}")
    assert refused(tiny) == [
        message(f"{EVENT}:6", f"tulisan ini memuat {count} tanda '{mark}', lebih dari batas {limit} per berkas.",
                f"Hapus tanda '{mark}' yang tidak perlu, atau bagi tulisan menjadi beberapa halaman."),
    ]


def test_unclosed_html_blocks_within_the_limit_convert_quickly(tiny: TinySite) -> None:
    """48,000 unclosed <div> take Python-Markdown 30 s; the 5,000 the limit allows take a fraction of one."""
    body = "\n\n".join(["<div>" * 1000] * 5)
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n{body}\n")
    started = time.monotonic()
    tiny.build(write=False)
    assert time.monotonic() - started < 30


# A tick of the time limit that comes while Python runs a garbage-collection callback is dropped by Python, which
# pytest reports as a warning; the next tick stops the conversion (time_limit in sitegen/load/markdown.py).
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_file_that_takes_too_long_to_convert_is_stopped_and_reported(
    tiny: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What no count foresees is stopped by the per-file time limit (10 s; 0.05 s here, for a quick test)."""
    monkeypatch.setattr(sitegen.load.markdown, "MAX_SECONDS", 0.05)
    body = "\n\n".join(["*_" * 2000] * 10)  # about 2 s of emphasis parsing
    tiny.write(EVENT, f"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n{body}\n")
    assert refused(tiny) == [
        message(EVENT, "tulisan ini terlalu rumit: mengubahnya menjadi halaman butuh lebih dari 0.05 detik.",
                "Bagi tulisan menjadi beberapa halaman, atau hapus deretan tanda Markdown yang berulang "
                "(seperti * _ [ < `)."),
    ]


# --- 4. the output folder is the generator's alone ----------------------------------------------


def output_dir_site(tiny: TinySite, output_dir: str) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + f"output_dir: {output_dir}\n")


def test_an_output_dir_that_is_an_existing_file_is_refused_and_the_file_kept(tiny: TinySite) -> None:
    readme = tiny.write("README.md", "# Sekolah\n")
    output_dir_site(tiny, "README.md")
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    assert [p.format("id") for p in caught.value.errors] == [
        message("site.yaml:21: kolom 'output_dir'", "folder hasil 'README.md' sudah ada sebagai berkas, bukan folder.",
                NEW_FOLDER_HINT),
    ]
    assert readme.read_text(encoding="utf-8") == "# Sekolah\n"
    assert sorted(p.name for p in tiny.root.iterdir()) == ["README.md", "content", "layouts", "site.yaml", "static"]


def test_an_output_dir_holding_hand_written_files_is_refused_and_they_are_kept(tiny: TinySite) -> None:
    tiny.write("docs/panduan.md", "# Panduan\n")
    output_dir_site(tiny, "docs")
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    assert [p.format("id") for p in caught.value.errors] == [
        message("site.yaml:21: kolom 'output_dir'",
                "folder hasil 'docs' berisi berkas yang tidak dibuat oleh generator (misalnya 'panduan.md').",
                "Tulis nama folder baru di 'output_dir'. Generator tidak pernah memindah atau menghapus berkas "
                "Anda; jika folder itu hasil build versi lama, hapus sendiri lalu build lagi."),
    ]
    assert snapshot(tiny.root / "docs") == {"panduan.md": b"# Panduan\n"}
    assert not (tiny.root / ".docs.old").exists() and not (tiny.root / ".docs.staging").exists()


def test_an_output_dir_the_generator_wrote_is_replaced(tiny: TinySite) -> None:
    output_dir_site(tiny, "docs")
    tiny.build()
    tiny.build()
    assert (tiny.root / "docs" / MARKER).is_file() and (tiny.root / "docs" / "index.html").is_file()


def test_an_output_dir_that_is_a_symlink_loop_is_refused(tiny: TinySite) -> None:
    (tiny.root / "keluaran").symlink_to("keluaran")
    output_dir_site(tiny, "keluaran")
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    assert [p.format("id") for p in caught.value.errors] == [
        message("site.yaml:21: kolom 'output_dir'",
                "folder hasil 'keluaran' adalah tautan simbolis yang berputar (menunjuk ke dirinya sendiri).",
                "Hapus tautan simbolis itu, atau tulis nama folder baru di 'output_dir'."),
    ]
    assert (tiny.root / "keluaran").is_symlink()


def test_site_as_a_plain_file_is_refused_and_later_builds_are_not_blocked(tiny: TinySite) -> None:
    tiny.write("_site", "bukan folder\n")
    result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 2
    assert result.stderr == (
        "site.yaml: kolom 'output_dir': folder hasil '_site' sudah ada sebagai berkas, bukan folder.\n"
        f"  Petunjuk: {NEW_FOLDER_HINT}\n"
        "Build gagal: 1 masalah ditemukan. Situs sebelumnya tidak diubah.\n"
    )
    assert (tiny.root / "_site").read_text(encoding="utf-8") == "bukan folder\n"
    assert sorted(p.name for p in tiny.root.iterdir() if p.name.startswith("._site")) == []
    (tiny.root / "_site").unlink()
    assert tiny.main("build", "--today", "2026-11-24").returncode == 0


def test_an_output_folder_that_cannot_be_written_is_refused_before_anything_moves(
    tiny: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = with_previous_site(tiny)
    site = tiny.root / "_site"
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode: Path(path) != site and real_access(path, mode))
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    assert [p.format("id") for p in caught.value.errors] == [
        message("site.yaml: kolom 'output_dir'", "folder hasil '_site' tidak dapat ditulis: Permission denied.",
                "Periksa pemilik dan izin folder itu dan folder proyek, atau tulis nama folder baru di 'output_dir'."),
    ]
    assert snapshot(site) == before


def test_a_swap_the_system_refuses_puts_the_previous_site_back(tiny: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    before = with_previous_site(tiny)
    original = Path.rename

    def rename(self: Path, target: Path) -> Path:
        if self.name == "._site.staging":
            raise PermissionError(13, "Permission denied")
        return original(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    assert [p.format("id") for p in caught.value.errors] == [
        message("_site", "folder hasil '_site' tidak dapat ditulis: Permission denied.",
                "Periksa pemilik dan izin folder itu dan folder proyek, atau tulis nama folder baru di 'output_dir'."),
    ]
    assert snapshot(tiny.root / "_site") == before
    assert sorted(p.name for p in tiny.root.iterdir() if p.name.startswith("._site.")) == []


def test_a_search_index_cut_short_never_reports_success_nor_swaps_in(
    tiny: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that silently keeps only part of a file while the index is written: its files are cut short."""
    from sitegen.write import search

    before = with_previous_site(tiny)
    original = search._write

    def write_then_cut(folder: Path, name: str, data: bytes) -> None:
        original(folder, name, data[:20] if name.endswith(".pf_index") else data)

    monkeypatch.setattr(search, "_write", write_then_cut)
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    [problem] = [p.format("id") for p in caught.value.errors]
    assert problem.startswith("_site: situs tidak dapat ditulis: the search index is incomplete: ")
    assert snapshot(tiny.root / "_site") == before


def test_a_second_build_while_one_writes_is_refused_with_a_clear_message(tiny: TinySite) -> None:
    with_previous_site(tiny)
    with (tiny.root / "._site.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 1
    assert result.stderr == (
        "_site: build lain sedang menulis ke folder '_site'.\n"
        "  Petunjuk: Tunggu sampai build itu selesai, lalu jalankan perintah ini lagi.\n"
        "Build gagal: 1 masalah ditemukan. Situs sebelumnya tidak diubah.\n"
    )
    assert (tiny.root / "_site" / "index.html").read_text(encoding="utf-8") == "<h1>situs sebelumnya</h1>\n"


def test_three_builds_at_once_each_succeed_or_say_so_and_the_site_is_whole(tiny: TinySite) -> None:
    pages = tiny.build().page_count
    reference = snapshot(tiny.root / "_site")
    command = [sys.executable, str(REPO / "build.py"), "build", "--root", str(tiny.root), "--today", "2026-11-24"]
    env = {k: v for k, v in os.environ.items() if k != "SITE_BASE_URL"}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
            for _ in range(3)]
    results = [(run.wait(timeout=300), *run.communicate()) for run in runs]
    for code, out, err in results:
        assert "Traceback" not in err
        if code == 0:
            assert out == f"Situs selesai dibuat di _site/ ({pages} halaman).\n"
        else:
            assert (code, err.splitlines()[0]) == (1, "_site: build lain sedang menulis ke folder '_site'.")
    assert any(code == 0 for code, _, _ in results)
    assert snapshot(tiny.root / "_site") == reference
    assert not (tiny.root / "._site.lock").exists()  # the lock exists only while a build writes


# --- 5. the same bytes everywhere ----------------------------------------------------------------


def test_the_same_sources_give_the_same_bytes_whatever_the_directory_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def site(name: str) -> TinySite:
        tiny = TinySite(tmp_path / name)
        for number in range(6):
            tiny.write(f"content/events/acara-{number}.md",
                       f"---\ntitle: Acara {number}\nstart: 2026-12-0{number + 1}\ncategory: rapat\n---\n"
                       f"Isi {number}.\n")
            tiny.write(f"content/pages/info-{number}.md", f"---\ntitle: Info {number}\n---\nTeks {number}.\n")
            tiny.write(f"static/files/berkas-{number}.txt", f"{number}\n")
        return tiny

    first = site("a")
    first.build()
    real_listdir = os.listdir
    monkeypatch.setattr(os, "listdir", lambda path: list(reversed(sorted(real_listdir(path)))))
    second = site("b")
    second.build()
    assert snapshot(first.root / "_site") == snapshot(second.root / "_site")
    assert any(name.startswith("pagefind/") for name in snapshot(second.root / "_site"))


# --- 6. every bad byte located -------------------------------------------------------------------


@pytest.mark.parametrize(("byte", "char"), [(b"\x96", "–"), (b"\x93", "“"), (b"\x92", "’"), (b"\xe9", "é")])
def test_a_windows_1252_byte_is_located_and_named(tiny: TinySite, byte: bytes, char: str) -> None:
    (tiny.root / EVENT).write_bytes(b"---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\n---\n"
                                    b"Baris satu.\nRapat 08.00 " + byte + b" 10.00.\n")
    assert refused(tiny) == [
        message(f"{EVENT}:7",
                f"byte 0x{byte[0]:02X} di kolom 13 bukan UTF-8; kemungkinan '{char}' yang diketik di Word.", UTF8_HINT),
    ]


def test_a_byte_that_is_no_character_at_all_is_located(tiny: TinySite) -> None:
    (tiny.root / EVENT).write_bytes(b"---\ntitle: R\xc3\xa4pat \x81\nstart: 2026-12-05\ncategory: rapat\n---\n")
    assert refused(tiny) == [
        message(f"{EVENT}:2", "byte 0x81 di kolom 14 bukan UTF-8.",
                "Simpan ulang berkas sebagai teks UTF-8 (Notepad: Save As, Encoding UTF-8)."),
    ]


def test_a_nul_byte_is_located(tiny: TinySite) -> None:
    (tiny.root / "content" / "calendars").mkdir()
    (tiny.root / "content" / "calendars" / "x.yaml").write_bytes(b"entries:\n  - title: Libur\x00\n")
    assert refused(tiny) == [
        message("content/calendars/x.yaml:2", "karakter kontrol U+0000 di kolom 17 tidak boleh ada di teks.",
                CONTROL_HINT),
    ]


# --- smaller ---------------------------------------------------------------------------------------


def test_new_writes_a_title_with_a_backslash_that_its_own_parser_reads_back(tiny: TinySite) -> None:
    made = tiny.main("new", "announcement", "Rapat C:\\Users\\guru", "--date", "2026-11-20")
    assert made.returncode == 0, made.stderr
    built = tiny.build(drafts=True, write=False)  # `new` writes a draft
    page = built.files["pengumuman/rapat-c-users-guru/index.html"].decode("utf-8")
    assert "<h1>Rapat C:\\Users\\guru</h1>" in page


def test_a_space_in_an_image_name_does_not_split_its_srcset(tiny: TinySite) -> None:
    from PIL import Image

    Image.new("RGB", (1000, 600), "#336699").save(tiny.root / "static" / "foto rapat,1.jpg")
    tiny.write(EVENT, "---\ntitle: Rapat\nstart: 2026-12-05\ncategory: rapat\nimage: foto rapat,1.jpg\n"
                      "image_alt: Ruang rapat\n---\n")
    page = tiny.build(write=False).files["agenda/rapat/index.html"].decode("utf-8")
    assert ('srcset="/nama-repo/foto%20rapat%2C1-480.webp 480w, /nama-repo/foto%20rapat%2C1-960.webp 960w"'
            in page)


def test_messages_are_in_english_on_an_english_site(tiny: TinySite, secret: Path) -> None:
    """A link out is refused before any file is read; once it is gone, the bad byte is found."""
    tiny.write("site.yaml", TINY_SITE_YAML.replace("language: id", "language: en"))
    (tiny.root / "static" / "bocor.txt").symlink_to(secret)
    (tiny.root / EVENT).write_bytes(b"---\ntitle: Rapat \x96 wali\nstart: 2026-12-05\ncategory: rapat\n---\n")
    assert refused(tiny) == [
        "static/bocor.txt: this symbolic link points outside the project folder or to a hidden file "
        "(such as .git or .env).\n  Hint: Copy the file it means into the project, then remove the link.",
    ]
    (tiny.root / "static" / "bocor.txt").unlink()
    assert refused(tiny) == [
        f"{EVENT}:2: byte 0x96 in column 14 is not UTF-8; probably '–' typed in Word.\n"
        "  Hint: Type that character again and save the file as UTF-8 (Notepad: Save As, Encoding UTF-8).",
    ]
