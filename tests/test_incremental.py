"""serve's incremental rebuild against the ground truth: after every edit, the preview folder is a clean build.

Each step changes the example's sources as an editor would, runs the rebuild serve runs on a save
(sitegen.commands.serve.rebuild, called directly: no file watcher, no sleeping), waits for its search index,
and compares every file of the preview folder, and the set of files, with a clean build_site of the
same sources and options, without a cache. The steps whose edit changes what is searched compare the
search index too, with a clean build as `build` writes it; the others compare every other file with a
clean build as `check` makes it (in memory, without running Pagefind), which costs half as much.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from conftest import TODAY, URGENT_ANNOUNCEMENT, copy_example, files_of

from sitegen.commands.serve import PAGE, PREVIEW_DIR, Preview, Search, rebuild
from sitegen.frame import FRAME
from sitegen.load import content
from sitegen.models import bodies
from sitegen.pipeline import Options, build_site
from sitegen.write.output import MARKER

pytestmark = pytest.mark.slow

OPTIONS = Options(today=date.fromisoformat(TODAY), drafts=True, dev=True, base_url="http://127.0.0.1:8000/",
                  output_dir=PREVIEW_DIR, cache=True)

class Session:
    """A project with a running preview (serve's state), and the clean build to compare it with."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.preview = Preview(root / PREVIEW_DIR, search=Search(root / PREVIEW_DIR, delay=0))

    def save(self) -> str | None:
        """What serve does after a save: the rebuild, then (in its thread) the search index."""
        reload = rebuild(self.root, OPTIONS, self.preview)
        assert self.preview.search is not None
        self.preview.search.wait()
        return reload

    def assert_like_a_clean_build(self, step: str, search: bool = False) -> None:
        """Every preview file is a clean build's; the search index (and the output folder's marker) only with
        `search`, which writes the clean build as `build` does, where without it the build is `check`'s."""
        assert self.preview.failure is None, step
        options = {**OPTIONS.__dict__, "output_dir": "clean", "cache": False, "write": search}
        clean = build_site(self.root, Options(**options))
        preview = files_of(self.root / PREVIEW_DIR)
        if search:
            expected = files_of(clean.output)
        else:
            expected = {**clean.files, **{name: path.read_bytes() for name, path in clean.static.items()}}
            preview = {name: data for name, data in preview.items() if name.split("/")[0] not in ("pagefind", MARKER)}
        assert sorted(preview) == sorted(expected), step
        assert [name for name in expected if preview[name] != expected[name]] == [], step

    def files(self) -> dict[str, tuple[tuple[int, int], bytes]]:
        """Each preview file but the search index (made again in its thread): which file on disk, and its bytes."""
        folder = self.root / PREVIEW_DIR
        return {path.relative_to(folder).as_posix(): ((path.stat().st_ino, path.stat().st_mtime_ns), path.read_bytes())
                for path in sorted(folder.rglob("*")) if path.is_file() and "pagefind" not in path.parts}

    def save_and_see_what_was_rewritten(self) -> set[str]:
        """save(), then the preview files written again; each must differ from before (no file rewritten as is)."""
        before = self.files()
        self.save()
        after = self.files()
        rewritten = {name for name in after if before.get(name, ((0, 0), b""))[0] != after[name][0]}
        assert rewritten == {name for name in after if before.get(name, ((0, 0), None))[1] != after[name][1]}
        return rewritten

    def write(self, name: str, text: str) -> None:
        (self.root / name).parent.mkdir(parents=True, exist_ok=True)
        (self.root / name).write_text(text, encoding="utf-8")

    def edit(self, name: str, old: str, new: str) -> None:
        text = (self.root / name).read_text(encoding="utf-8")
        assert old in text, f"{name} has no {old!r}"
        self.write(name, text.replace(old, new, 1))


@pytest.fixture
def started(tmp_path: Path) -> Session:
    """The example with serve's first build in its preview folder."""
    began = Session(copy_example(tmp_path / "situs"))
    assert began.save() == PAGE
    return began


@pytest.fixture
def session(started: Session) -> Session:
    """The same, the first build compared with a clean one."""
    started.assert_like_a_clean_build("the first build", search=True)
    return started


@pytest.mark.early  # the longest test here: not left for the end of a parallel run
def test_incremental_rebuilds_equal_a_clean_build_after_every_kind_of_edit(session: Session) -> None:
    event = "content/events/pentas-seni-2026.md"

    before = files_of(session.root / PREVIEW_DIR)  # a clean build's, search index included (the fixture)
    assert session.save() is None  # nothing changed: nothing to reload
    assert files_of(session.root / PREVIEW_DIR) == before  # so still a clean build's
    assert session.save_and_see_what_was_rewritten() == set()  # and no file written

    session.edit(event, "Pentas seni adalah kegiatan tahunan", "Pentas seni ialah kegiatan tahunan")
    rewritten = session.save_and_see_what_was_rewritten()
    assert "agenda/pentas-seni-2026/index.html" in rewritten  # only pages whose bytes changed, the event's among them
    assert "index.html" not in rewritten and "informasi/kontak/index.html" not in rewritten
    session.assert_like_a_clean_build("a body edited", search=True)

    session.edit(event, "title: Pentas Seni Secara Daring", "title: Pentas Seni Akhir Tahun")
    session.edit(event, '"2026-12-17 09:00"', '"2027-01-14 09:00"')
    session.edit(event, '"2026-12-17 11:30"', '"2027-01-14 11:30"')
    session.save()
    session.assert_like_a_clean_build("a title and date changed: the event moves to another month")

    session.write("content/announcements/libur-banjir.md", URGENT_ANNOUNCEMENT)
    session.save()
    session.assert_like_a_clean_build("an urgent announcement added: a banner on every page")

    (session.root / "content/events/persami-2027.md").rename(session.root / "content/events/perkemahan-2027.md")
    session.save()
    session.assert_like_a_clean_build("an event renamed: its old pages are gone", search=True)

    (session.root / "content/achievements/akreditasi-a-2006.md").unlink()
    session.save()
    session.assert_like_a_clean_build("an achievement deleted")

    session.edit("content/calendars/libur-2026-2027.yaml", "title: Hari Raya Natal", "title: Natal")
    session.save()
    session.assert_like_a_clean_build("a calendar entry renamed")

    session.edit("content/pages/kontak.md", "order: 4", "order: 4\nwarna: merah")
    assert session.save() == PAGE
    assert session.preview.failure is not None  # an unknown field: the error page
    session.edit("content/pages/kontak.md", "order: 4\nwarna: merah", "order: 4")
    session.edit("content/pages/faq.md", "title: Tanya Jawab", "title: Pertanyaan Umum")
    assert session.save() == PAGE
    session.assert_like_a_clean_build("a broken page fixed, another renamed in the menu")

    session.edit("site.yaml", "title: SMP Negeri 1 Prabumulih", "title: SMP Negeri 1 Kota Prabumulih")
    session.save()
    session.assert_like_a_clean_build("site.yaml changed")

    session.edit("layouts/partials/footer.html", '<footer class="site-footer">',
                 '<footer class="site-footer">\n<p>Baru</p>')
    assert session.save() == PAGE
    session.assert_like_a_clean_build("a template changed")

    session.edit("static/css/site.css", "}", "}\n/* diubah */")
    assert session.save() == "css/site.css"  # a stylesheet alone: the browser re-fetches it, no page reload
    session.assert_like_a_clean_build("a stylesheet changed")

    session.edit("content/announcements/pembagian-rapor-semester-ganjil.md", "file: files/jadwal-pembagian-rapor.pdf",
                 "file: files/tata-tertib.txt")
    session.save()
    assert session.preview.failure is not None  # the attachment is not there yet
    session.write("static/files/tata-tertib.txt", "Tata tertib sekolah.\n")
    session.save()
    session.assert_like_a_clean_build("the missing attachment added: the announcement is fine again")

    (session.root / "static/files/tata-tertib.txt").write_text("Tata tertib sekolah yang baru.\n", encoding="utf-8")
    session.save()
    session.assert_like_a_clean_build("the attachment changed: its size on the pages too")

    (session.root / "static/files/tata-tertib.txt").unlink()
    session.edit("content/announcements/pembagian-rapor-semester-ganjil.md", "file: files/tata-tertib.txt",
                 "file: files/jadwal-pembagian-rapor.pdf")
    session.save()
    session.assert_like_a_clean_build("the new file deleted", search=True)


def test_a_broken_file_shows_its_problem_keeps_the_last_site_and_the_next_good_save_recovers(
    started: Session,
) -> None:
    session = started
    event = "content/events/pentas-seni-2026.md"
    before = files_of(session.root / PREVIEW_DIR)

    session.edit(event, '"2026-12-17 09:00"', '"2026-13-17 09:00"')
    assert session.save() == PAGE  # the error page
    assert session.preview.failure is not None
    assert [problem.source for problem in session.preview.failure.errors] == [event]
    assert files_of(session.root / PREVIEW_DIR) == before

    session.edit(event, '"2026-13-17 09:00"', '"2026-12-17 08:00"')
    assert session.save() == PAGE
    session.assert_like_a_clean_build("the broken file fixed, with another time")


def test_a_long_session_keeps_only_about_the_html_of_the_bodies_its_pages_show(
    started: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    """serve appends each edited body's HTML to its store; once what no page shows any more outweighs the rest,
    the store is written anew with only the bodies still shown."""
    monkeypatch.setattr(bodies, "COMPACT_FROM", 0)
    session = started
    store = session.preview.memory.bodies
    event = "content/events/pentas-seni-2026.md"
    long = "Kata " * 30_000  # 150 KB, on lines within the Markdown limits
    session.edit(event, "Pentas seni adalah", "\n".join(long[i:i + 5_000] for i in range(0, len(long), 5_000))
                 + "\n\nPentas seni adalah")
    for word in ("Kalimat", "Ucapan", "Tulisan"):
        session.edit(event, "Kata", word)
        assert session.save() == PAGE
    shown = {key: store.read(key) for key in content.body_keys(session.preview.memory.loaded)}
    assert store.size == sum(len(html.encode()) for html in shown.values())  # written anew with only these
    session.edit(event, "Kata", "Frasa")
    assert session.save() == PAGE  # its feeds read bodies from the new file
    session.assert_like_a_clean_build("a long body edited four times, the store written anew after the third")


def test_serve_says_as_many_pages_as_build_after_a_rebuild_adds_one(
    started: Session, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rebuild writes only what changed, yet its line counts the whole site's pages, as `build` counts them."""
    started.write("content/announcements/libur-banjir.md", URGENT_ANNOUNCEMENT)  # one page more, banner everywhere
    assert started.save() == PAGE
    started.edit("content/events/pentas-seni-2026.md", "Pentas seni adalah", "Pentas seni tahunan adalah")
    capsys.readouterr()
    rewritten = started.save_and_see_what_was_rewritten()
    assert "agenda/pentas-seni-2026/index.html" in rewritten and len(rewritten) < 10  # the rest is as it was
    clean = build_site(started.root, Options(**{**OPTIONS.__dict__, "output_dir": "clean", "write": False}))
    said = FRAME["id"]["built"].format(path=PREVIEW_DIR, pages=clean.page_count)
    assert said in capsys.readouterr().out.splitlines()


def test_an_edit_that_keeps_the_files_size_and_modification_time_is_still_rebuilt(started: Session) -> None:
    """serve keeps each file's loading by its status; the change time moves even when a tool sets the
    modification time back, so the same-size edit below is read again."""
    session = started
    event = session.root / "content/events/pentas-seni-2026.md"
    before = event.stat()
    session.edit("content/events/pentas-seni-2026.md", "title: Pentas Seni Secara", "title: Pentas Tari Secara")
    os.utime(event, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (event.stat().st_size, event.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)

    assert session.save() == PAGE
    page = session.root / PREVIEW_DIR / "agenda/pentas-seni-2026/index.html"
    assert "Pentas Tari Secara Daring" in page.read_text(encoding="utf-8")
    session.assert_like_a_clean_build("the title changed, its size and modification time kept")


def test_a_second_save_within_the_same_tick_of_the_clock_is_still_rebuilt(started: Session,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """A changed file's status is not trusted until a later rebuild read it again: two saves of the same size
    within one tick of the file system's clock leave the same status (here the tick is set by the test)."""
    session = started
    tick = [0]
    monkeypatch.setattr(content, "_status", lambda file: (tick[0], 0, 0, 0))
    name = "content/events/pentas-seni-2026.md"
    session.save()  # every file's status taken, its text found unchanged

    tick[0] = 1
    session.edit(name, "title: Pentas Seni Secara", "title: Pentas Tari Secara")
    assert session.save() == PAGE
    session.edit(name, "title: Pentas Tari Secara", "title: Pentas Lagu Secara")  # the same size and tick
    assert session.save() == PAGE
    page = session.root / PREVIEW_DIR / "agenda/pentas-seni-2026/index.html"
    assert "Pentas Lagu Secara Daring" in page.read_text(encoding="utf-8")
    session.assert_like_a_clean_build("two saves of the same size within one tick")


def test_a_save_that_changes_nothing_still_makes_the_search_index_the_save_before_it_started(started: Session) -> None:
    """Each rebuild stops the search index still being made; one that writes nothing starts it again, or the index
    would stay behind the pages (and a search page listing a new bundle of the index would find nothing)."""
    session = started
    assert session.preview.search is not None
    session.edit("content/events/pentas-seni-2026.md", "Pentas seni adalah", "Pentas tari adalah")
    session.preview.search.delay = 60  # still waiting when the next save comes
    assert rebuild(session.root, OPTIONS, session.preview) == PAGE
    session.preview.search.delay = 0
    (session.root / "content/pages/faq.md").touch()  # a save without a change
    assert session.save() is None
    session.assert_like_a_clean_build("a save without a change after an edit", search=True)
