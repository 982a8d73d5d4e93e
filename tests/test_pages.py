"""Pages of a small site as parents see them: subscribing, searching, highlighting, photos."""

from __future__ import annotations

import io
import re

from conftest import TinySite
from PIL import Image

from sitegen.errors import BuildFailed


def pages(tiny: TinySite) -> dict[str, str]:
    return {name: data.decode("utf-8") for name, data in tiny.build(write=False).files.items()
            if name.endswith(".html")}


def test_the_subscribe_page_gives_https_and_webcal_addresses_of_every_feed(tiny: TinySite) -> None:
    page = pages(tiny)["kalender/langganan/index.html"]
    for name in ("semua", "kategori-rapat", "kategori-libur", "untuk-orang-tua", "untuk-kelas-9"):
        assert f'value="https://example.github.io/nama-repo/kalender/{name}.ics"' in page, name
        assert f'href="webcal://example.github.io/nama-repo/kalender/{name}.ics"' in page, name
    for system in ("Google Calendar", "iPhone", "Android"):
        assert f">{system}" in page or f"{system} (" in page


def test_the_search_script_loads_on_the_search_page_only(tiny: TinySite) -> None:
    scripts = {name: re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", html) for name, html in pages(tiny).items()}
    assert {name for name, found in scripts.items() if found} == {"cari/index.html"}
    assert scripts["cari/index.html"] == ["/nama-repo/js/search.js"]


def test_an_important_announcement_is_highlighted_in_the_list(tiny: TinySite) -> None:
    tiny.write("content/announcements/libur.md",
               "---\ntitle: Libur\ndate: 2026-11-20\npriority: important\n---\nLibur.\n")
    tiny.write("content/announcements/rapat.md", "---\ntitle: Rapat\ndate: 2026-11-21\n---\nRapat.\n")
    page = pages(tiny)["pengumuman/index.html"]
    important = page.partition('priority-important">')[2].partition("</li>")[0]
    assert "Libur" in important and '<span class="badge badge-important">Penting</span>' in important
    normal = page.partition('priority-normal">')[2].partition("</li>")[0]
    assert "Rapat" in normal and "badge-important" not in normal


def test_an_event_page_offers_google_calendar_and_an_ics_file(tiny: TinySite) -> None:
    page = pages(tiny)["agenda/rapat/index.html"]
    assert ('href="https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Rapat%20orang%20tua'
            '&amp;dates=20261205/20261206') in page
    assert 'href="/nama-repo/agenda/rapat/rapat.ics" download' in page


def test_a_cancelled_event_offers_nothing_to_add_to_a_calendar(tiny: TinySite) -> None:
    tiny.write("content/events/rapat.md",
               "---\ntitle: Rapat orang tua\nstart: 2026-12-05\ncategory: rapat\nstatus: cancelled\n---\nBatal.\n")
    page = pages(tiny)["agenda/rapat/index.html"]
    assert "Dibatalkan." in page and "calendar.google.com" not in page and "rapat.ics" not in page


def photo_with_gps(size: tuple[int, int] = (1600, 1000)) -> bytes:
    image = Image.new("RGB", size, (40, 110, 190))
    exif = Image.Exif()
    exif[0x010F] = "Ponsel"
    exif[0x8825] = {1: "S", 2: (3.0, 26.0, 0.0), 3: "E", 4: (104.0, 14.0, 0.0)}
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def test_an_event_photo_is_published_without_gps_in_sizes_for_phones(tiny: TinySite) -> None:
    (tiny.root / "static/images").mkdir(parents=True)
    (tiny.root / "static/images/foto.jpg").write_bytes(photo_with_gps())
    tiny.write("content/events/rapat.md", "---\ntitle: Rapat orang tua\nstart: 2026-12-05\ncategory: rapat\n"
               "image: images/foto.jpg\nimage_alt: Orang tua di aula\n---\nRapat.\n")
    built = tiny.build(write=False)
    photos = {name: data for name, data in built.files.items() if name.startswith("images/foto")}
    assert sorted(photos) == ["images/foto-1440.webp", "images/foto-480.webp", "images/foto-960.jpg",
                              "images/foto-960.webp", "images/foto-og.jpg", "images/foto.jpg"]  # original, cleaned
    for name, data in photos.items():
        image = Image.open(io.BytesIO(data))
        assert not image.getexif() and "exif" not in image.info, name
    assert Image.open(io.BytesIO(photos["images/foto-og.jpg"])).size == (1200, 630)
    page = built.files["agenda/rapat/index.html"].decode("utf-8")
    [img] = re.findall(r'<img src="/nama-repo/images/foto-960\.jpg"[^>]*>', page)
    for part in ('srcset="/nama-repo/images/foto-480.webp 480w, /nama-repo/images/foto-960.webp 960w, '
                 '/nama-repo/images/foto-1440.webp 1440w"',
                 'width="960" height="600"', 'alt="Orang tua di aula"', 'loading="lazy"'):
        assert part in img
    assert '<meta property="og:image" content="https://example.github.io/nama-repo/images/foto-og.jpg">' in page


def test_a_heic_photo_is_refused_because_its_location_cannot_be_removed(tiny: TinySite) -> None:
    (tiny.root / "static/images").mkdir(parents=True)
    (tiny.root / "static/images/foto.heic").write_bytes(b"not really heic")
    try:
        tiny.build(write=False)
    except BuildFailed as failed:
        assert [e.format("id") for e in failed.errors] == [
            "static/images/foto.heic: format gambar 'images/foto.heic' tidak didukung dan bisa memuat lokasi GPS.\n"
            "  Petunjuk: Ubah foto menjadi JPEG (di ponsel: bagikan/ekspor sebagai JPG), lalu unggah berkas .jpg itu."
        ]
    else:
        raise AssertionError("a .heic photo was published")


def test_a_damaged_photo_is_reported_not_published(tiny: TinySite) -> None:
    (tiny.root / "static/images").mkdir(parents=True)
    (tiny.root / "static/images/rusak.jpg").write_bytes(b"\xff\xd8\xff\xe0 broken")
    try:
        tiny.build(write=False)
    except BuildFailed as failed:
        [problem] = failed.errors
        assert problem.source == "static/images/rusak.jpg" and problem.code == "image_invalid"
    else:
        raise AssertionError("a damaged photo was published")


def test_without_og_image_the_site_makes_its_own_preview_card(tiny: TinySite) -> None:
    built = tiny.build(write=False)
    card = Image.open(io.BytesIO(built.files["images/kartu-situs.png"]))
    assert card.size == (1200, 630) and len(built.files["images/kartu-situs.png"]) < 300_000
    assert ('<meta property="og:image" content="https://example.github.io/nama-repo/images/kartu-situs.png">'
            in built.files["index.html"].decode("utf-8"))


def test_drafts_are_marked_in_the_preview_lists_and_banner_and_absent_from_the_published_site(tiny: TinySite) -> None:
    tiny.write("content/announcements/libur.md", "---\ntitle: Libur mendadak\ndate: 2026-11-20\nexpires: 2026-11-30\n"
               "priority: urgent\ndraft: true\n---\nLibur.\n")
    tiny.write("content/events/rapat.md", "---\ntitle: Rapat orang tua\nstart: 2026-12-05\ncategory: rapat\n"
               "draft: true\n---\nRapat.\n")
    preview = {name: data.decode("utf-8") for name, data in tiny.build(write=False, drafts=True).files.items()
               if name.endswith(".html")}
    tag = ' <span class="draft-tag">DRAF</span>'
    assert f'<a href="/nama-repo/pengumuman/libur/">Libur mendadak</a>{tag}</p>' in preview["kalender/index.html"]
    assert f'<a href="/nama-repo/pengumuman/libur/">Libur mendadak</a>{tag}</h3>' in preview["pengumuman/index.html"]
    assert f'<a href="/nama-repo/agenda/rapat/">Rapat orang tua</a>{tag}</h3>' in preview["agenda/index.html"]
    published = pages(tiny)
    assert not any("Libur mendadak" in html or "draft-tag" in html for html in published.values())
