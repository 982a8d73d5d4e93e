"""The atomic write (sitegen.write.output): _site/ is replaced whole or not at all; output_dir is fenced in;
--base-url and SITE_BASE_URL decide the links.

The command line runs in this process (sitegen.commands.cli.main) except where the process itself is the point: a
build killed part-way.
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TinySite

from sitegen.errors import BuildFailed, ConfigUnusable

BROKEN_EVENT = "---\ntitle: Rapat orang tua\nstart: 2026-13-01\ncategory: rapat\n---\nRusak.\n"


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` (hidden ones too) by relative path, with its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def listing(folder: Path) -> list[str]:
    """Every path under `folder`, folders included."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith("._site."))


@pytest.fixture(autouse=True)
def no_base_url_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    """A SITE_BASE_URL of the machine running the tests decides no link here; the tests that mean it set it."""
    monkeypatch.delenv("SITE_BASE_URL", raising=False)


@pytest.fixture
def built(tiny: TinySite) -> TinySite:
    """The tiny site with a first successful build in _site/ and a static file to copy."""
    tiny.write("static/files/surat.pdf", "%PDF-1.4\n%%EOF\n")
    tiny.write("static/css/site.css", "body { margin: 0; }\n")
    tiny.build()
    assert (tiny.root / "_site" / "index.html").is_file()
    return tiny


# --- a successful build ---------------------------------------------------------------------


def test_successful_build_replaces_the_site_completely(built: TinySite) -> None:
    site = built.root / "_site"
    fresh = snapshot(site)  # what a build writes (pages, static files, search index ...)
    (site / "stale.html").write_text("from an earlier build", encoding="utf-8")
    (site / "agenda" / "dihapus").mkdir()
    (site / "agenda" / "dihapus" / "index.html").write_text("old event", encoding="utf-8")
    (site / "files" / "surat.pdf").write_bytes(b"edited by hand")

    result = built.build()

    after = snapshot(site)
    assert sorted(set(after) - set(fresh)) == []  # stale files are gone
    assert after == fresh
    for name, data in result.files.items():
        assert after[name] == data, name
    for name, path in result.static.items():
        assert after[name] == path.read_bytes(), name
    assert leftovers(built.root) == []


def test_removed_content_disappears_from_the_site(built: TinySite) -> None:
    assert (built.root / "_site" / "agenda" / "rapat" / "index.html").is_file()
    (built.root / "content" / "events" / "rapat.md").unlink()
    built.build()
    assert not (built.root / "_site" / "agenda" / "rapat").exists()


# --- a failed build ------------------------------------------------------------------------


def test_failed_build_leaves_the_previous_site_untouched(built: TinySite) -> None:
    before = snapshot(built.root / "_site")
    built.write("content/events/rapat.md", BROKEN_EVENT)

    with pytest.raises(BuildFailed):
        built.build()

    assert snapshot(built.root / "_site") == before
    assert leftovers(built.root) == []


def test_failed_build_through_the_cli_leaves_the_previous_site_untouched(built: TinySite) -> None:
    before = snapshot(built.root / "_site")
    built.write("content/events/rapat.md", BROKEN_EVENT)

    result = built.main("build", "--today", "2026-11-24")

    assert result.returncode == 1, result.stderr
    assert "content/events/rapat.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(built.root / "_site") == before
    assert leftovers(built.root) == []


def test_first_build_that_fails_creates_no_output_folder(tiny: TinySite) -> None:
    tiny.write("content/events/rapat.md", BROKEN_EVENT)
    with pytest.raises(BuildFailed):
        tiny.build()
    assert not (tiny.root / "_site").exists()
    assert leftovers(tiny.root) == []


# --- an interrupted write ------------------------------------------------------------------


def fail_after(monkeypatch: pytest.MonkeyPatch, owner: object, name: str, calls: int) -> list[str]:
    """Make owner.name raise OSError (disk full) on call number `calls`; returns the paths it was given."""
    original = getattr(owner, name)
    seen: list[str] = []

    def failing(*args: object, **kwargs: object) -> object:
        seen.append(str(args[-1] if name == "copyfile" else args[0]))
        if len(seen) >= calls:
            raise OSError(28, "No space left on device")
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    return seen


@pytest.mark.parametrize("calls", [1, 3, 10])
def test_write_failing_midway_leaves_the_previous_site_intact(
    built: TinySite, monkeypatch: pytest.MonkeyPatch, calls: int
) -> None:
    before = snapshot(built.root / "_site")
    built.write("content/index.md", "---\ntitle: Judul baru\n---\nIsi baru.\n")
    written = fail_after(monkeypatch, pathlib.Path, "write_bytes", calls)

    with pytest.raises(BuildFailed, match='problems'):
        built.build()

    assert len(written) == calls  # it really failed part-way, after calls - 1 pages were written
    assert all("._site.staging" in Path(p).parts for p in written), written
    assert snapshot(built.root / "_site") == before
    assert not (built.root / "._site.old").exists()


def test_static_copy_failing_leaves_the_previous_site_intact(
    built: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built.root / "_site")
    copied = fail_after(monkeypatch, shutil, "copyfile", 2)

    with pytest.raises(BuildFailed, match='problems'):
        built.build()

    assert len(copied) == 2 and all("._site.staging" in Path(p).parts for p in copied), copied
    assert snapshot(built.root / "_site") == before


def test_write_failing_midway_leaves_no_staging_folder(built: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    fail_after(monkeypatch, pathlib.Path, "write_bytes", 3)
    with pytest.raises(BuildFailed, match='problems'):
        built.build()
    assert leftovers(built.root) == []


def test_full_disk_is_reported_without_a_traceback(built: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built.root / "_site")
    fail_after(monkeypatch, pathlib.Path, "write_bytes", 3)

    result = built.main("build", "--today", "2026-11-24")

    assert result.returncode == 1, (result.returncode, result.stderr)
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(built.root / "_site") == before
    assert leftovers(built.root) == []


KILLED_BUILD = """\
import os, pathlib, sys
sys.path.insert(0, {repo!r})
calls = [0]
original = pathlib.Path.write_bytes
def write_then_die(self, data):
    calls[0] += 1
    if calls[0] == 5:
        os._exit(137)  # like SIGKILL: no finally, no cleanup
    return original(self, data)
pathlib.Path.write_bytes = write_then_die
from sitegen.commands.cli import main
sys.exit(main(["build", "--root", {root!r}, "--today", "2026-11-24"]))
"""


def test_killed_build_keeps_the_previous_site_and_the_next_build_cleans_up(built: TinySite) -> None:
    before = snapshot(built.root / "_site")
    built.write("content/index.md", "---\ntitle: Judul baru\n---\nIsi baru.\n")
    script = KILLED_BUILD.format(repo=str(REPO), root=str(built.root))

    killed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)

    assert killed.returncode == 137, killed.stderr
    assert snapshot(built.root / "_site") == before
    assert (built.root / "._site.staging").is_dir()  # allowed: the process was killed

    built.build()

    assert "Judul baru" in (built.root / "_site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(built.root) == []


# --- an interrupted swap -------------------------------------------------------------------


class Stopped(BaseException):
    """The machine stopping: no handler of the generator runs."""


def interrupt_swap(built: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run a build that stops before its second rename (staging -> _site), as if the machine stopped there."""
    original = pathlib.Path.rename
    renames: list[str] = []

    def rename(self: Path, target: object) -> object:
        renames.append(self.name)
        if self.name == "._site.staging":
            raise Stopped
        return original(self, target)

    with monkeypatch.context() as patch:
        patch.setattr(pathlib.Path, "rename", rename)
        with pytest.raises(Stopped):
            built.build()
    assert renames == ["_site", "._site.staging"]


def test_interrupted_swap_is_recovered_on_the_next_build(built: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    before = snapshot(built.root / "_site")
    interrupt_swap(built, monkeypatch)
    assert not (built.root / "_site").exists()
    assert snapshot(built.root / "._site.old") == before  # the previous site waits beside it

    built.write("content/index.md", "---\ntitle: Judul baru\n---\nIsi baru.\n")
    built.build()

    assert "Judul baru" in (built.root / "_site" / "index.html").read_text(encoding="utf-8")
    assert leftovers(built.root) == []


def test_interrupted_swap_gives_back_the_previous_site_when_the_next_write_fails(
    built: TinySite, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(built.root / "_site")
    (built.root / "_site").rename(built.root / "._site.old")  # stopped between the two renames

    fail_after(monkeypatch, pathlib.Path, "write_bytes", 2)
    with pytest.raises(BuildFailed, match='problems'):
        built.build()

    assert snapshot(built.root / "_site") == before
    assert not (built.root / "._site.old").exists()


def test_finished_swap_with_old_folder_left_is_cleaned_up(built: TinySite) -> None:
    """Stopped after the swap but before removing the old site: the next build just tidies up."""
    shutil.copytree(built.root / "_site", built.root / "._site.old")
    built.build()
    assert (built.root / "_site" / "index.html").is_file()
    assert leftovers(built.root) == []


# --- where the output may go ---------------------------------------------------------------


@pytest.mark.parametrize(
    "output_dir",
    [".", "./", "content", "content/_site", "static/x", "layouts", ".git", "../outside", "../situs-lain/_site",
     "content/../static"],
)
def test_output_dir_refused_before_anything_is_written(tmp_path: Path, output_dir: str) -> None:
    tiny = TinySite(tmp_path / "situs")
    tiny.write("site.yaml", tiny.root.joinpath("site.yaml").read_text(encoding="utf-8")
               + f"output_dir: {output_dir}\n")
    before = listing(tmp_path)

    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()

    assert listing(tmp_path) == before
    assert [e.field for e in caught.value.errors] == ["output_dir"]

    if output_dir not in (".", "content", "static/x", "../outside"):
        return  # the command line is checked for the four cases of the design
    result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 2, result.stderr
    assert "output_dir" in result.stderr and "site.yaml" in result.stderr
    assert "Traceback" not in result.stderr
    assert listing(tmp_path) == before


def test_output_dir_absolute_path_outside_is_refused(tmp_path: Path) -> None:
    tiny = TinySite(tmp_path / "situs")
    outside = tmp_path / "absolute-out"
    tiny.write("site.yaml", tiny.root.joinpath("site.yaml").read_text(encoding="utf-8")
               + f"output_dir: {outside.as_posix()}\n")
    with pytest.raises(ConfigUnusable):
        tiny.build()
    assert not outside.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need extra rights on Windows")
def test_output_dir_that_is_a_link_into_the_sources_is_refused(tiny: TinySite) -> None:
    (tiny.root / "_site").symlink_to(tiny.root / "content", target_is_directory=True)
    before = snapshot(tiny.root / "content")
    with pytest.raises(ConfigUnusable):
        tiny.build()
    assert snapshot(tiny.root / "content") == before
    assert leftovers(tiny.root) == []


def test_output_dir_in_a_subfolder_is_used(tiny: TinySite) -> None:
    tiny.write("site.yaml", tiny.root.joinpath("site.yaml").read_text(encoding="utf-8")
               + "output_dir: keluaran/situs\n")
    result = tiny.build()
    assert result.output == (tiny.root / "keluaran" / "situs").resolve()
    assert (tiny.root / "keluaran" / "situs" / "index.html").is_file()
    assert not (tiny.root / "_site").exists()
    assert sorted(p.name for p in (tiny.root / "keluaran").iterdir()) == ["situs"]


# --- the base URL decides the links ---------------------------------------------------------


def all_text(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(site.rglob("*"))
                     if p.is_file() and p.suffix in (".html", ".xml", ".txt", ".ics", ".css"))


def test_links_follow_base_url_of_site_yaml(tiny: TinySite) -> None:
    result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    event = (tiny.root / "_site" / "agenda" / "rapat" / "index.html").read_text(encoding="utf-8")
    assert 'href="/nama-repo/agenda/"' in event  # menu
    assert 'href="/nama-repo/informasi/kontak/"' in event  # a link written in Markdown
    assert '<link rel="canonical" href="https://example.github.io/nama-repo/agenda/rapat/">' in event
    robots = (tiny.root / "_site" / "robots.txt").read_text(encoding="utf-8")
    assert "https://example.github.io/nama-repo/sitemap.xml" in robots


@pytest.mark.parametrize("how", ["option", "environment"])
def test_custom_domain_base_url_gives_root_links(tiny: TinySite, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    base = "https://sekolah.example/"
    if how == "option":
        result = tiny.main("build", "--today", "2026-11-24", "--base-url", base)
    else:
        monkeypatch.setenv("SITE_BASE_URL", base)
        result = tiny.main("build", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr

    site = tiny.root / "_site"
    event = (site / "agenda" / "rapat" / "index.html").read_text(encoding="utf-8")
    assert 'href="/agenda/"' in event
    assert 'href="/informasi/kontak/"' in event
    assert '<link rel="canonical" href="https://sekolah.example/agenda/rapat/">' in event
    assert "<loc>https://sekolah.example/</loc>" in (site / "sitemap.xml").read_text(encoding="utf-8")
    text = all_text(site)
    assert "nama-repo" not in text
    assert "example.github.io" not in text


def test_builds_in_one_process_each_follow_their_own_base_url(tiny: TinySite) -> None:
    """serve rebuilds in one process when site.yaml changes: no compiled template keeps a build's address."""
    assert 'href="/nama-repo/css/site.css"' in tiny.build(write=False).files["index.html"].decode("utf-8")
    again = tiny.build(write=False, base_url="https://sekolah.example/").files
    assert [name for name, data in sorted(again.items()) if b"nama-repo" in data] == []


def test_base_url_option_wins_over_environment(tiny: TinySite, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SITE_BASE_URL", "https://sekolah.example/")
    result = tiny.main("build", "--today", "2026-11-24", "--base-url", "https://user.github.io/lain/")
    assert result.returncode == 0, result.stderr
    home = (tiny.root / "_site" / "index.html").read_text(encoding="utf-8")
    assert 'href="/lain/agenda/"' in home
    assert "sekolah.example" not in home


def test_base_url_without_trailing_slash_is_the_same_site(tiny: TinySite) -> None:
    with_slash = tiny.main("build", "--today", "2026-11-24", "--base-url", "https://user.github.io/lain/")
    assert with_slash.returncode == 0, with_slash.stderr
    first = snapshot(tiny.root / "_site")
    without = tiny.main("build", "--today", "2026-11-24", "--base-url", "https://user.github.io/lain")
    assert without.returncode == 0, without.stderr
    assert snapshot(tiny.root / "_site") == first
