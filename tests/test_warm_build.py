"""A warm `build` renders only the pages whose inputs changed and links the others from the previous output: after
every kind of change, and after the output folder was changed by hand, its output folder is a clean build's, byte
for byte; a failed build leaves the previous output as it was."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from conftest import REPO, TODAY, URGENT_ANNOUNCEMENT, copy_example, files_of

from sitegen.errors import BuildFailed
from sitegen.pipeline import Options, build_site

pytestmark = pytest.mark.slow

EVENT = "content/events/pentas-seni-2026.md"
EVENT_PAGE = "agenda/pentas-seni-2026/index.html"
CONTACT_PAGE = "informasi/kontak/index.html"
OTHER_EVENT_PAGE = "agenda/persami-2027/index.html"

NEW_ANNOUNCEMENT = """\
---
title: Jadwal Piket Kelas
date: 2026-11-20
---
Jadwal piket kelas semester ini sudah dibagikan oleh wali kelas.
"""

class Project:
    """The example project, built as the command line builds it (with the build cache), and a clean build of it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.output = root / "_site"

    def build(self, today: str = TODAY, base_url: str | None = None) -> None:
        build_site(self.root, Options(today=date.fromisoformat(today), base_url=base_url, cache=True))

    def assert_like_a_clean_build(self, step: str, today: str = TODAY, base_url: str | None = None) -> None:
        """A warm build, then a build without cache into a folder of its own: every file the same, no file more."""
        self.build(today, base_url)
        clean = build_site(self.root, Options(today=date.fromisoformat(today), base_url=base_url,
                                              output_dir="_bersih"))
        warm, expected = files_of(self.output), files_of(clean.output)
        assert sorted(warm) == sorted(expected), step
        assert [name for name in expected if warm[name] != expected[name]] == [], step

    def inodes(self) -> dict[str, int]:
        """Each page's and feed's file on disk (a file linked from the previous output keeps its inode)."""
        return {name: (self.output / name).stat().st_ino for name in files_of(self.output)
                if name.endswith((".html", ".ics", ".xml")) and not name.startswith(("pagefind/", "admin/"))}

    def edit(self, name: str, old: str, new: str) -> None:
        text = (self.root / name).read_text(encoding="utf-8")
        assert old in text, f"{name} has no {old!r}"
        (self.root / name).write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(scope="module")
def first_built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example after its first build, with an empty cache, which equals a clean build."""
    started = Project(copy_example(tmp_path_factory.mktemp("warm") / "situs"))
    started.assert_like_a_clean_build("the first build, with an empty cache")
    return started.root


@pytest.fixture
def project(first_built: Path, tmp_path: Path) -> Project:
    """A copy of that project of the test's own: its sources, cache and output."""
    return Project(Path(shutil.copytree(first_built, tmp_path / "situs", symlinks=True)))


@pytest.mark.early  # the longest test here: not left for the end of a parallel run
def test_a_warm_build_equals_a_clean_build_after_every_kind_of_change(project: Project) -> None:
    before = project.inodes()
    project.assert_like_a_clean_build("nothing changed")
    assert project.inodes() == before  # no page or feed rendered again: each linked from the previous output

    project.edit(EVENT, "Pentas seni adalah kegiatan tahunan", "Pentas seni ialah kegiatan tahunan")
    project.assert_like_a_clean_build("an event's text")
    after = project.inodes()
    assert after[EVENT_PAGE] != before[EVENT_PAGE]  # rendered again
    assert after[OTHER_EVENT_PAGE] == before[OTHER_EVENT_PAGE]  # shows nothing of that event: linked

    project.edit(EVENT, '"2026-12-17 09:00"', '"2027-01-14 09:00"')
    project.edit(EVENT, '"2026-12-17 11:30"', '"2027-01-14 11:30"')
    project.assert_like_a_clean_build("an event's date: it moves to another month and list")

    (project.root / "content/announcements/jadwal-piket.md").write_text(NEW_ANNOUNCEMENT, encoding="utf-8")
    (project.root / "content/achievements/akreditasi-a-2006.md").unlink()
    project.assert_like_a_clean_build("an item added and another deleted")

    project.edit("layouts/partials/footer.html", '<footer class="site-footer">',
                 '<footer class="site-footer">\n<p>Baru</p>')
    project.assert_like_a_clean_build("a template")

    project.edit("site.yaml", "title: SMP Negeri 1 Prabumulih", "title: SMP Negeri 1 Kota Prabumulih")
    project.assert_like_a_clean_build("site.yaml")

    project.assert_like_a_clean_build("another day", today="2027-01-20")
    project.assert_like_a_clean_build("a base URL given on the command line", base_url="https://contoh.github.io/situs/")

    (project.root / "content/announcements/libur-banjir.md").write_text(URGENT_ANNOUNCEMENT, encoding="utf-8")
    project.assert_like_a_clean_build("an urgent announcement: a banner on every page")

    with (project.root / "static/files/jadwal-pembagian-rapor.pdf").open("ab") as pdf:
        pdf.write(b"%" * 3000)  # 3 KB more: its size on the announcement's page changes
    project.edit("static/css/site.css", "}", "}\n/* diubah */")
    project.assert_like_a_clean_build("a static file: an attachment's size, a stylesheet")


def test_a_warm_build_mends_an_output_folder_changed_by_hand(project: Project) -> None:
    (project.output / EVENT_PAGE).unlink()
    page = project.output / CONTACT_PAGE
    page.write_bytes(page.read_bytes().replace(b"Prabumulih", b"Prabumulix"))  # the same size, the same file
    (project.output / "agenda" / "catatan.html").write_text("<p>tambahan</p>", encoding="utf-8")
    project.assert_like_a_clean_build("a page deleted, a page edited in place, a file added")


def test_a_check_between_two_builds_keeps_what_the_next_build_links(project: Project) -> None:
    before = project.inodes()
    build_site(project.root, Options(today=date.fromisoformat(TODAY), cache=True, write=False))  # `check`
    project.build()
    assert project.inodes() == before  # every page linked: the check did not drop the pages' cache entries


def test_a_folder_of_the_output_linked_to_another_place_publishes_nothing_of_that_place(
    project: Project, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "di-luar"
    shutil.copytree(project.output / "agenda", elsewhere)  # the same bytes, outside the output
    shutil.rmtree(project.output / "agenda")
    (project.output / "agenda").symlink_to(elsewhere, target_is_directory=True)
    project.assert_like_a_clean_build("a folder of the output linked to another place")
    assert (project.output / EVENT_PAGE).stat().st_ino != (elsewhere / "pentas-seni-2026/index.html").stat().st_ino
    assert (elsewhere / "pentas-seni-2026/index.html").is_file()  # and that place is left as it was


def test_a_failed_warm_build_leaves_the_previous_output_as_it_was(project: Project) -> None:
    kept, inodes = files_of(project.output), project.inodes()
    project.edit(EVENT, "Pentas seni adalah kegiatan tahunan", "Pentas seni ialah kegiatan tahunan")
    project.edit("content/pages/kontak.md", "order: 4", "order: 4\nwarna: merah")  # an unknown field
    with pytest.raises(BuildFailed):
        project.build()
    assert files_of(project.output) == kept and project.inodes() == inodes

    project.edit("content/pages/kontak.md", "order: 4\nwarna: merah", "order: 4")
    project.edit("layouts/event.html", "{% block content %}", "{% block content %}{{ view.judul }}")
    with pytest.raises(BuildFailed):  # found while rendering the event pages, after the others were linked
        project.build()
    assert files_of(project.output) == kept and project.inodes() == inodes

    project.edit("layouts/event.html", "{% block content %}{{ view.judul }}", "{% block content %}")
    project.assert_like_a_clean_build("the next build after two failed ones")


DIGESTS = """
import json, sys
from datetime import date
from pathlib import Path
from sitegen.cache import BuildCache
from sitegen.load.config import load_config
from sitegen.pipeline import Options, page_inputs, plan_site
root, options = Path(sys.argv[1]), Options(today=date.fromisoformat(sys.argv[2]))
config, lines = load_config(root, None)
print(json.dumps(page_inputs(plan_site(root, options, config, lines, BuildCache(None)), options)))
"""


def test_the_digests_of_a_pages_inputs_are_the_same_in_every_process(tmp_path: Path) -> None:
    root = copy_example(tmp_path / "situs")

    def digests(seed: str) -> str:
        environment = {**os.environ, "PYTHONHASHSEED": seed}
        return subprocess.run([sys.executable, "-c", DIGESTS, str(root), TODAY], cwd=REPO, env=environment,
                              capture_output=True, text=True, check=True).stdout

    first = digests("1")
    assert first == digests("2")  # sets iterate in another order with another seed
    assert len(first) > 100 * 64  # a digest for (nearly) every page
