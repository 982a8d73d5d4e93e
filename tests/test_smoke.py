"""The tiny site and the example site build."""

from pathlib import Path

from conftest import TinySite


def test_tiny_site_builds_its_pages(tiny: TinySite) -> None:
    built = tiny.build()
    assert "agenda/rapat/index.html" in built.files
    assert "informasi/kontak/index.html" in built.files


def test_example_site_has_every_section(example_site: Path) -> None:
    for page in ("index.html", "agenda/index.html", "prestasi/index.html", "pengumuman/index.html",
                 "informasi/index.html", "kalender/index.html", "404.html", "sitemap.xml", "robots.txt"):
        assert (example_site / page).is_file(), page
