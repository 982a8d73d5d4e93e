"""The build cache (.sitegen-cache/) saves time and never changes a byte: cached, parallel and plain builds agree.

The example is built once without a cache (`plain`) and once with a cold cache (`warm`, written with its
search index as `build` writes it); a test that needs a cache holding the example starts from a copy of
that project, cache included, rather than building it again.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY, copy_example

from sitegen import cache, parallel, pipeline
from sitegen.cache import CACHE_DIR
from sitegen.load import markdown
from sitegen.models import urls
from sitegen.pipeline import Options, build_site
from sitegen.render import changes, feeds
from sitegen.render import pages as render
from sitegen.write import search

EVENT = "content/events/pentas-seni-2026.md"


def build(root: Path, cache: bool) -> dict[str, bytes]:
    return dict(build_site(root, Options(today=date.fromisoformat(TODAY), write=False, cache=cache)).files)


def changed(before: dict[str, bytes], after: dict[str, bytes]) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


@pytest.fixture(scope="module")
def plain(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The example built without any cache, in one process."""
    return build(copy_example(tmp_path_factory.mktemp("plain") / "situs"), cache=False)


@pytest.fixture(scope="module")
def warm(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, bytes]]:
    """The example written by a build with a cold cache (search index included), and the files it made."""
    root = copy_example(tmp_path_factory.mktemp("warm") / "situs")
    built = build_site(root, Options(today=date.fromisoformat(TODAY), cache=True))
    return root, dict(built.files)


def warm_copy(warm: tuple[Path, dict[str, bytes]], tmp_path: Path, output: bool = True) -> Path:
    """A project of its own whose cache holds the example, and whose _site/ is what that build wrote (without
    `output`: none, so that every page and feed is rendered, where a warm build would link them from _site/)."""
    root = Path(shutil.copytree(warm[0], tmp_path / "situs"))
    if not output:
        shutil.rmtree(root / "_site")
    return root


def test_a_cold_and_a_warm_cache_build_the_same_bytes_as_no_cache(
    tmp_path: Path, plain: dict[str, bytes], warm: tuple[Path, dict[str, bytes]]
) -> None:
    assert warm[1] == plain  # cold
    root = warm_copy(warm, tmp_path)
    assert (root / CACHE_DIR / "cache.sqlite3").is_file()
    assert any((root / CACHE_DIR / "templates").iterdir())  # compiled templates
    assert build(root, cache=True) == plain  # warm


def test_converting_and_rendering_in_parallel_processes_builds_the_same_bytes(
    tmp_path: Path, plain: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The example's ~30 bodies and ~100 pages are enough for a pool here.
    monkeypatch.setattr(markdown, "PARALLEL_FROM", 4)
    monkeypatch.setattr(render, "PARALLEL_FROM", 4)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert parallel.worker_count(30, markdown.PARALLEL_FROM) == 2
    assert build(copy_example(tmp_path / "situs"), cache=False) == plain


def index_of(site: Path) -> dict[str, bytes]:
    folder = site / "pagefind"
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def search_index(root: Path, cache: bool) -> dict[str, bytes]:
    build_site(root, Options(today=date.fromisoformat(TODAY), cache=cache))
    return index_of(root / "_site")


def test_an_unchanged_site_gets_its_search_index_from_the_cache_byte_for_byte(
    tmp_path: Path, warm: tuple[Path, dict[str, bytes]], example_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plain = index_of(example_site)  # the example built without a cache, as of the same day
    assert index_of(warm[0] / "_site") == plain  # made by Pagefind, kept
    root = warm_copy(warm, tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(search, "_make_index", None)  # Pagefind is not asked again
        assert search_index(root, cache=True) == plain
    edit_body(root)
    assert search_index(root, cache=True) == search_index(root, cache=False) != plain  # made again


@pytest.mark.parametrize("kind", ["icalendar", "search", "search-file"])
def test_damaged_entries_of_a_kind_are_made_again(
    tmp_path: Path, plain: dict[str, bytes], warm: tuple[Path, dict[str, bytes]], example_site: Path, kind: str
) -> None:
    """Damaged text would have been a calendar parents import (icalendar), or a crash (the search index)."""
    root = warm_copy(warm, tmp_path, output=False)  # no output to link from: the index comes from the cache
    with contextlib.closing(sqlite3.connect(root / CACHE_DIR / "cache.sqlite3")) as db, db:
        assert db.execute("UPDATE entries SET value = 'bukan json' WHERE kind = ?", (kind,)).rowcount > 0
    built = build_site(root, Options(today=date.fromisoformat(TODAY), cache=True))
    assert dict(built.files) == plain and index_of(root / "_site") == index_of(example_site)


def test_a_large_sites_index_is_cut_into_bundles_and_an_edit_makes_only_its_own_bundle_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(urls, "SEARCH_BUNDLE_PAGES", 10)  # the example's 34 searched pages: 4 bundles
    root = copy_example(tmp_path / "situs")
    index = search_index(root, cache=True)
    assert {name for name in index if name.endswith(("entry.json", ".js", ".pagefind"))} == {
        "2/pagefind-entry.json", "3/pagefind-entry.json", "4/pagefind-entry.json", "pagefind-entry.json",
        "pagefind.js", "pagefind-worker.js", "wasm.id.pagefind",  # scripts once, in the first bundle
        *(name for name in index if "/" not in name and name.endswith((".js", ".pagefind")))}
    search_page = (root / "_site/cari/index.html").read_text(encoding="utf-8")
    assert ' data-merge="/situs/pagefind/2/ /situs/pagefind/3/ /situs/pagefind/4/"' in search_page  # the base path
    made: list[list[str]] = []
    make = search._make_index
    monkeypatch.setattr(search, "_make_index", lambda language, html, *rest: made.append(html) or make(
        language, html, *rest))
    edit_body(root)
    edited = search_index(root, cache=True)
    assert len(made) == 1 and "agenda/pentas-seni-2026/index.html" in made[0]  # its bundle, no other
    assert edited != index
    shutil.rmtree(root / "_site")  # nothing to link from: every bundle comes from the cache, none is made
    assert search_index(root, cache=True) == edited and len(made) == 1
    assert edited == search_index(root, cache=False)  # what a build without the cache makes


def test_unchanged_events_get_their_icalendar_text_from_the_cache(
    tmp_path: Path, plain: dict[str, bytes], warm: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = warm_copy(warm, tmp_path, output=False)  # every feed rendered, none linked
    with monkeypatch.context() as patch:
        patch.setattr(feeds, "_event", None)  # no VEVENT is made again
        patch.setattr(feeds, "_header", None)  # nor a feed's own lines
        assert build(root, cache=True) == plain


def test_a_warm_build_takes_what_each_template_reads_from_the_cache(
    tmp_path: Path, warm: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = warm_copy(warm, tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(changes, "_reads", None)  # no template is parsed again for what it reads of the site
        built = build_site(root, Options(today=date.fromisoformat(TODAY), cache=True))
    assert dict(built.files) == warm[1]


def test_unchanged_photos_get_their_sizes_from_the_cache(
    tmp_path: Path, plain: dict[str, bytes], warm: tuple[Path, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = warm_copy(warm, tmp_path)
    with monkeypatch.context() as patch:
        patch.setattr(pipeline, "strip_metadata", None)  # no photo is cleaned again
        patch.setattr(pipeline, "make_picture", None)  # nor resized
        assert build(root, cache=True) == plain


def test_values_written_out_during_the_build_are_found_by_it_and_the_next(
    tmp_path: Path, plain: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "FLUSH_AT", 0)  # every value goes to the database at once, none held
    root = copy_example(tmp_path / "situs")
    assert build(root, cache=True) == plain
    assert build(root, cache=True) == plain


def test_a_search_index_missing_a_file_in_the_cache_is_made_again(
    tmp_path: Path, warm: tuple[Path, dict[str, bytes]]
) -> None:
    plain = index_of(warm[0] / "_site")
    root = warm_copy(warm, tmp_path, output=False)  # else the missing file is linked from the last index
    with sqlite3.connect(root / CACHE_DIR / "cache.sqlite3") as db:
        db.execute("DELETE FROM entries WHERE rowid = (SELECT MIN(rowid) FROM entries WHERE kind = 'search-file')")
    assert search_index(root, cache=True) == plain


def test_a_damaged_cache_file_is_replaced_and_the_build_goes_on(tmp_path: Path, plain: dict[str, bytes]) -> None:
    root = copy_example(tmp_path / "situs")
    (root / CACHE_DIR).mkdir()
    (root / CACHE_DIR / "cache.sqlite3").write_bytes(b"not a database" * 100)
    assert build(root, cache=True) == plain
    with contextlib.closing(sqlite3.connect(root / CACHE_DIR / "cache.sqlite3")) as db:  # replaced: this build's
        assert db.execute("SELECT COUNT(*) FROM entries").fetchone()[0] > 0  # values, for the next (see warm above)


def edit_body(root: Path) -> None:
    _replace(root / EVENT, "Pentas seni adalah", "Pentas seni dan budaya adalah")


def edit_event_time(root: Path) -> None:  # front matter only: the page and every feed listing the event
    _replace(root / EVENT, 'end: "2026-12-17 11:30"', 'end: "2026-12-17 12:00"')


def edit_interface_text(root: Path) -> None:  # a word of a VEVENT's SUMMARY ("DARING: Pentas Seni ...")
    _replace(root / "layouts/i18n/id.yaml", "headline_online: DARING", "headline_online: ONLINE")


def edit_school_name(root: Path) -> None:  # the ORGANIZER of every VEVENT
    _replace(root / "site.yaml", "name: SMP Negeri 1 Prabumulih", "name: SMP Negeri 1 Kota Prabumulih")


def edit_photo(root: Path) -> None:  # an album photo replaced by another picture under the same name
    from PIL import Image

    path = root / "static/images/albums/karnaval-hut-kota-prabumulih-2026/02.jpg"
    with Image.open(path) as image:
        image.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(path, "JPEG", quality=80)


def edit_template(root: Path) -> None:
    _replace(root / "layouts/page.html", "</article>", "</article><!-- diubah -->")


def edit_site_yaml(root: Path) -> None:  # the base path is in every link, also those written in Markdown
    _replace(root / "site.yaml", "github.io/situs/", "github.io/sekolah/")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [(edit_body, {"agenda/pentas-seni-2026/"}), (edit_template, set()), (edit_site_yaml, set()),
     (edit_event_time, {"agenda/pentas-seni-2026/", "kalender/semua.ics"}),
     (edit_interface_text, {"kalender/semua.ics"}), (edit_school_name, {"kalender/semua.ics"}),
     (edit_photo, {"images/albums/karnaval-hut-kota-prabumulih-2026/02-480.webp"})],
    ids=["markdown-body", "template", "site-yaml", "event-time", "interface-text", "school-name", "photo"],
)
def test_a_change_changes_exactly_what_a_build_without_cache_changes(
    tmp_path: Path, plain: dict[str, bytes], warm: tuple[Path, dict[str, bytes]], edit: Callable[[Path], None],
    expected: set[str],
) -> None:
    root = warm_copy(warm, tmp_path)  # the cache holds the example
    edit(root)
    cached = build(root, cache=True)
    assert cached == build(root, cache=False)  # never stale, and a build without cache does not read it
    pages = changed(plain, cached)
    assert pages  # the edit shows
    assert {name.removesuffix("index.html") for name in pages} >= expected


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
