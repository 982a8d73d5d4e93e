"""Issue 13 on a small site: photo albums, the humas year, task links, section menus, search words."""

from __future__ import annotations

import io
import re

from conftest import TINY_SITE_YAML, TinySite
from PIL import Image

from sitegen.render.pages import search_words


def pages(tiny: TinySite) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in tiny.build(write=False).files.items()
            if name.endswith(".html")}


def gps_photo(colour: str, size: tuple[int, int] = (1200, 800)) -> bytes:
    """A JPEG as a phone writes it: camera name and a GPS position in its EXIF."""
    image = Image.new("RGB", size, colour)
    exif = Image.Exif()
    exif[0x010F] = "Ponsel"
    exif[0x8825] = {1: "S", 2: (3.0, 26.0, 0.0), 3: "E", 4: (104.0, 14.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def add_album(tiny: TinySite, slug: str, start: str, photos: int, stage: str | None = None) -> None:
    """content/events/<slug>.md with an album of `photos` GPS-tagged photos under static/images/albums/<slug>/."""
    folder = tiny.root / "static/images/albums" / slug
    folder.mkdir(parents=True)
    lines = ["album:", "  consent: true", "  photos:"]
    for number in range(1, photos + 1):
        (folder / f"{number:02}.jpg").write_bytes(gps_photo(("orange", "teal", "navy")[number % 3]))
        lines += [f"    - file: images/albums/{slug}/{number:02}.jpg", f"      alt: Foto {number} {slug}",
                  f"      caption: Keterangan {number}"]
    stage_line = [f"humas_stage: {stage}"] if stage else []
    tiny.write(f"content/events/{slug}.md", "\n".join(
        ["---", f"title: {slug.replace('-', ' ').title()}", f"start: {start}", "category: rapat", *stage_line,
         *lines, "---", "Isi.", ""]))


# --- albums ----------------------------------------------------------------------------------------------


def test_album_photos_reach_no_output_with_exif_or_gps(tiny: TinySite) -> None:
    add_album(tiny, "karnaval", "2026-10-24", 3)
    built = tiny.build(write=False)
    images = {name: data for name, data in built.files.items() if name.startswith("images/albums/")}
    assert sorted(images) == sorted(
        [f"images/albums/karnaval/{n:02}{suffix}" for n in (1, 2, 3) for suffix in (".jpg", "-480.webp",
                                                                                      "-960.webp", "-960.jpg")]
        + ["images/albums/karnaval/01-og.jpg"])  # the first photo is the album's link preview
    for name, data in images.items():
        image = Image.open(io.BytesIO(data))
        assert not image.getexif() and "exif" not in image.info, name
        assert b"Ponsel" not in data, name


def test_an_album_page_shows_webp_sizes_with_a_jpeg_fallback_and_loads_only_the_first_photo_at_once(
    tiny: TinySite,
) -> None:
    add_album(tiny, "karnaval", "2026-10-24", 3)
    page = pages(tiny)["dokumentasi/karnaval/index.html"]
    pictures = re.findall(r"<picture>.*?</picture>", page, re.S)
    assert len(pictures) == 3
    first, second = pictures[0], pictures[1]
    assert ('<source type="image/webp" srcset="/nama-repo/images/albums/karnaval/01-480.webp 480w, '
            '/nama-repo/images/albums/karnaval/01-960.webp 960w"') in first
    assert ('<img src="/nama-repo/images/albums/karnaval/01-960.jpg" width="960" height="640" '
            'alt="Foto 1 karnaval" decoding="async">') in first
    assert 'alt="Foto 2 karnaval" loading="lazy" decoding="async">' in second
    assert page.count("<figcaption>") == 3 and "<figcaption>Keterangan 2</figcaption>" in page
    assert ('<meta property="og:image" content="https://example.github.io/nama-repo/images/albums/karnaval/01-og.jpg">'
            in page)


def test_albums_are_listed_newest_first_and_the_latest_are_on_the_home_page(tiny: TinySite) -> None:
    add_album(tiny, "rapat-juli", "2026-07-18", 1)
    add_album(tiny, "karnaval", "2026-10-24", 2)
    add_album(tiny, "lomba-mei", "2026-05-02", 1)
    built = pages(tiny)
    listed = re.findall(r'<li class="album-card">\s*<a href="([^"]+)"', built["dokumentasi/index.html"])
    assert listed == ["/nama-repo/dokumentasi/karnaval/", "/nama-repo/dokumentasi/rapat-juli/",
                      "/nama-repo/dokumentasi/lomba-mei/"]
    home = built["index.html"]
    assert re.findall(r'<li class="album-card">\s*<a href="([^"]+)"', home) == listed[:2]
    assert '<a class="more" href="/nama-repo/dokumentasi/">Semua dokumentasi</a>' in home
    event = built["agenda/karnaval/index.html"]
    assert '<a href="/nama-repo/dokumentasi/karnaval/">Lihat dokumentasi (2 foto)</a>' in event


def test_a_site_without_albums_has_no_documentation_section(tiny: TinySite) -> None:
    built = pages(tiny)
    assert not any(name.startswith("dokumentasi/") for name in built)
    assert "Dokumentasi" not in built["index.html"]


# --- the humas year ----------------------------------------------------------------------------------------


def humas_site(tiny: TinySite) -> None:
    add_album(tiny, "rapat-perencanaan", "2026-07-18", 1, stage="perencanaan")
    tiny.write("content/events/pentas.md", "---\ntitle: Pentas Seni\nstart: 2026-12-17\ncategory: rapat\n"
               "humas_stage: pelaksanaan\n---\nPentas.\n")
    tiny.write("content/events/karnaval.md", "---\ntitle: Karnaval\nstart: 2026-10-24\ncategory: rapat\n"
               "humas_stage: pelaksanaan\n---\nKarnaval.\n")
    tiny.write("content/events/evaluasi.md", "---\ntitle: Rapat Evaluasi\nstart: 2027-06-16\ncategory: rapat\n"
               "humas_stage: evaluasi\n---\nEvaluasi.\n")
    tiny.write("content/events/lama.md", "---\ntitle: Rapat Tahun Lalu\nstart: 2025-07-19\ncategory: rapat\n"
               "humas_stage: perencanaan\n---\nLama.\n")
    tiny.write("content/pages/humas/index.md", "---\ntitle: Program Humas\nhumas_cycle: true\n---\nSiklus.\n")


def text_of(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_the_humas_page_shows_this_school_years_cycle_with_its_events(tiny: TinySite) -> None:
    humas_site(tiny)
    page = pages(tiny)["informasi/humas/index.html"]
    cycle = text_of(page.partition('<section class="humas-cycle"')[2].partition("</section>")[0])
    assert cycle == (
        'aria-labelledby="h-siklus"> Program humas tahun ajaran 2026/2027 '
        "Tahun ajaran 2026/2027: program humas sedang dalam tahap pelaksanaan. "
        "Berikutnya: Pentas Seni , 17 Desember 2026. "
        "1. Perencanaan Selesai Rapat tahunan di awal tahun ajaran menetapkan tujuan, program, dan jadwal. "
        "Rapat Perencanaan 18 Juli 2026 · sudah dilaksanakan Lihat dokumentasi "
        "2. Pengorganisasian Selesai Tugas dibagi dan susunan pengurus disusun. "
        "Belum ada kegiatan yang dicatat untuk tahap ini. "
        "3. Pelaksanaan Tahap sekarang Kegiatan sekolah yang melibatkan orang tua. "
        "Karnaval 24 Oktober 2026 · sudah dilaksanakan Pentas Seni 17 Desember 2026 "
        "4. Evaluasi Akan datang Hambatan dan hasil dinilai sebagai dasar tahun berikutnya. "
        "Rapat Evaluasi 16 Juni 2027"
    )
    assert '<a class="stage-link" href="/nama-repo/agenda/rapat-perencanaan/">Rapat Perencanaan</a>' in page
    assert '<a class="album-link" href="/nama-repo/dokumentasi/rapat-perencanaan/">Lihat dokumentasi</a>' in page
    assert "Rapat Tahun Lalu" not in cycle  # last school year's meeting is not this year's cycle


def test_the_home_page_says_where_the_humas_year_stands(tiny: TinySite) -> None:
    humas_site(tiny)
    home = pages(tiny)["index.html"]
    status = text_of(home.partition('<p class="year-status">')[2].partition("</p>")[0])
    assert status == ("Tahun ajaran 2026/2027: program humas sedang dalam tahap pelaksanaan. "
                      "Berikutnya: Pentas Seni , 17 Desember 2026. Program humas")


def test_before_the_first_meeting_the_year_has_not_begun(tiny: TinySite) -> None:
    tiny.write("content/events/rencana.md", "---\ntitle: Rapat Perencanaan\nstart: 2026-12-01\ncategory: rapat\n"
               "humas_stage: perencanaan\n---\nRapat.\n")
    home = pages(tiny)["index.html"]
    assert ("Tahun ajaran 2026/2027: program humas belum dimulai. Berikutnya: "
            '<a href="/nama-repo/agenda/rencana/">Rapat Perencanaan</a>, 1 Desember 2026.') in home


# --- what parents look for first -------------------------------------------------------------------------


def test_task_links_come_first_on_the_home_page(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "tasks:\n  - {title: Kontak sekolah, url: /informasi/kontak/}\n"
               "  - {title: Libur, url: /agenda/kategori/libur/}\n")
    home = pages(tiny)["index.html"]
    main = home.partition('<main id="isi"')[2]
    assert main.index('<nav class="tasks"') < main.index('id="h-agenda"')
    assert re.findall(r'<nav class="tasks".*?</nav>', main, re.S)[0].count("<li>") == 2
    assert '<li><a href="/nama-repo/agenda/kategori/libur/">Libur</a></li>' in main


def test_the_information_index_lists_the_pages_inside_each_folder(tiny: TinySite) -> None:
    tiny.write("content/pages/layanan/spmb.md", "---\ntitle: SPMB\norder: 1\nexample: true\n---\nContoh.\n")
    tiny.write("content/pages/layanan/seragam.md", "---\ntitle: Seragam\norder: 2\n---\nSeragam.\n")
    built = pages(tiny)
    index = built["informasi/index.html"]
    assert ('<ul class="inside"><li><a href="/nama-repo/informasi/layanan/spmb/">SPMB</a> '
            '<span class="badge">contoh</span></li><li><a href="/nama-repo/informasi/layanan/seragam/">'
            'Seragam</a></li></ul>') in index


def test_an_example_page_says_so_visibly_and_shows_its_section_menu_before_the_text(tiny: TinySite) -> None:
    tiny.write("content/pages/layanan/spmb.md", "---\ntitle: SPMB\norder: 1\nexample: true\n---\nContoh isi.\n")
    tiny.write("content/pages/layanan/seragam.md", "---\ntitle: Seragam\norder: 2\n---\nSeragam.\n")
    page = pages(tiny)["informasi/layanan/spmb/index.html"]
    main = page.partition('<main id="isi"')[2]
    assert ("<p class=\"example-mark\" role=\"note\"><strong>CONTOH: isi halaman ini belum dari sumber resmi "
            "sekolah.</strong> Humas mengganti isinya dengan data asli, lalu menghapus baris "
            "&#39;example: true&#39;.</p>" in main)
    nav = main.index('<nav class="section-nav"')
    assert nav < main.index("<h1>") < main.index("Contoh isi.")
    section = main[nav:].partition("</nav>")[0]
    assert re.findall(r'<a href="([^"]+)"', section) == [
        "/nama-repo/informasi/layanan/", "/nama-repo/informasi/layanan/spmb/", "/nama-repo/informasi/layanan/seragam/"]


# --- layout ------------------------------------------------------------------------------------------------


def test_an_agenda_card_carries_its_category_class_for_the_colour_bar(tiny: TinySite) -> None:
    page = pages(tiny)["agenda/index.html"]
    assert '<li class="agenda-item cat-rapat">' in page


def test_the_search_link_is_the_last_item_of_the_menu(tiny: TinySite) -> None:
    page = pages(tiny)["index.html"]
    menu = page.partition('<ul class="menu">')[2].partition("</ul>")[0]
    assert re.findall(r"<a [^>]*>([^<]+)</a>", menu) == ["Beranda", "Agenda", "Cari"]


def test_the_subscribe_page_leads_with_the_steps_and_groups_the_feeds(tiny: TinySite) -> None:
    page = pages(tiny)["kalender/langganan/index.html"]
    headings = re.findall(r"<h[23][^>]*>([^<]+)</h[23]>", page.partition('<main id="isi"')[2])
    assert headings == ["iPhone / iPad", "Google Calendar (Android, komputer)", "Android", "Pilih kalender",
                        "Semua kegiatan sekolah", "Menurut jenis kegiatan", "Menurut sasaran"]


# --- search words ------------------------------------------------------------------------------------------


def test_a_page_naming_penilaian_is_found_by_ujian_but_a_page_saying_ujian_gets_nothing_added() -> None:
    synonyms = {"ujian": ("penilaian", "pas"), "ppdb": ("spmb",)}
    assert search_words("<h1>Penilaian Akhir Semester</h1>", synonyms) == ("ujian",)
    assert search_words("<p>Jadwal ujian dan penilaian</p>", synonyms) == ()
    assert search_words("<p>Pendaftaran SPMB</p><p>PAS</p>", synonyms) == ("ujian", "ppdb")
    assert search_words("<p>pastikan datang</p>", synonyms) == ()  # whole words only


def test_synonyms_from_site_yaml_join_the_defaults_and_reach_the_page(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "search:\n  synonyms:\n    pertemuan: [rapat]\n    seragam: []\n")
    page = pages(tiny)["agenda/rapat/index.html"]
    assert '<p hidden data-pagefind-weight="2">pertemuan</p>' in page
    tiny.write("content/pages/kontak.md", "---\ntitle: Kontak\n---\nPakaian sekolah dan PAS.\n")
    kontak = pages(tiny)["informasi/kontak/index.html"]
    assert '<p hidden data-pagefind-weight="2">ujian</p>' in kontak  # a default; seragam: [] removed its own


def test_a_site_whose_events_name_no_humas_stage_says_nothing_about_the_humas_year(tiny: TinySite) -> None:
    tiny.write("content/pages/humas/index.md", "---\ntitle: Program Humas\nhumas_cycle: true\n---\nSiklus.\n")
    built = pages(tiny)
    assert "year-status" not in built["index.html"] and "program humas" not in built["index.html"]
    assert "humas-cycle" not in built["informasi/humas/index.html"]


def test_an_album_photo_written_with_a_leading_slash_is_still_shown(tiny: TinySite) -> None:
    add_album(tiny, "karnaval", "2026-10-24", 1)
    source = tiny.root / "content/events/karnaval.md"
    source.write_text(source.read_text().replace("file: images/", "file: /images/"), encoding="utf-8")
    page = pages(tiny)["dokumentasi/karnaval/index.html"]
    assert '<img src="/nama-repo/images/albums/karnaval/01-960.jpg"' in page


def test_an_english_site_tells_the_humas_year_and_its_albums_in_english(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML.replace("language: id", "language: en"))
    humas_site(tiny)
    built = pages(tiny)
    status = text_of(built["index.html"].partition('<p class="year-status">')[2].partition("</p>")[0])
    assert status == ("School year 2026/2027: the school–parent programme is in its activities stage. "
                      "Next: Pentas Seni , 17 December 2026. School–parent programme")
    assert "<h1>Activity photos</h1>" in built["dokumentasi/index.html"]
    assert "<title>Photos: Rapat Perencanaan" in built["dokumentasi/rapat-perencanaan/index.html"]
