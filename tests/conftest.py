"""Shared fixtures: a tiny valid site to break one file at a time, and the built example site."""

from __future__ import annotations

import contextlib
import io
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from sitegen.commands.cli import main
from sitegen.pipeline import Built, Options, build_site

REPO = Path(__file__).resolve().parent.parent

# The suite writes and deletes a few hundred thousand small files (projects, their builds and output). On a disk's
# file system that cost about a fifth of the suite's CPU time on a 2-core machine, in memory (tmpfs) a tenth of it:
# where the system has a roomy /dev/shm and TMPDIR names no other place, pytest's temporary folders go there. A
# passing test's folder is deleted as the test ends (tmp_path_retention_policy in pyproject.toml), so the suite
# holds a few hundred MB there at most, and nothing once it has passed.
SHARED_MEMORY = Path("/dev/shm")
if ("TMPDIR" not in os.environ and SHARED_MEMORY.is_dir() and os.access(SHARED_MEMORY, os.W_OK)
        and shutil.disk_usage(SHARED_MEMORY).free > 4 * 2**30  # not a container's 64 MB
        and not os.statvfs(SHARED_MEMORY).f_flag & getattr(os, "ST_NOEXEC", 0)):  # test_readers runs a program there
    tempfile.tempdir = str(SHARED_MEMORY)

# A frozen copy of the example school's sources: the generator's tests never read the repository's own
# content/, static/images/, static/files/ or site.yaml, which belong to whichever school uses the repository.
EXAMPLE = REPO / "tests" / "fixtures" / "example"
TODAY = "2026-11-24"

TINY_SITE_YAML = """\
title: Sekolah Contoh
description: Situs contoh untuk pengujian.
base_url: https://example.github.io/nama-repo/
language: id
timezone: Asia/Jakarta
school:
  name: SMP Contoh
  address:
    street: Jalan Contoh No. 1
    locality: Kota Contoh
menu:
  - {title: Beranda, url: /}
  - {title: Agenda, url: /agenda/}
calendar:
  categories:
    rapat: {label: Rapat, color: "#7c3aed"}
    libur: {label: Libur, color: "#475569"}
  audiences:
    orang-tua: Orang tua/wali
    kelas-9: Kelas IX
"""

TINY_FILES = {
    "site.yaml": TINY_SITE_YAML,
    "content/index.md": "---\ntitle: Selamat datang\n---\nHalo.\n",
    "content/events/rapat.md": (
        "---\ntitle: Rapat orang tua\nstart: 2026-12-05\ncategory: rapat\n---\nLihat [kontak](/informasi/kontak/).\n"
    ),
    "content/pages/kontak.md": "---\ntitle: Kontak\norder: 1\n---\nAlamat sekolah.\n",
}


# An announcement that puts a banner on every page while it lasts (as of TODAY).
URGENT_ANNOUNCEMENT = """\
---
title: Sekolah Libur karena Banjir
date: 2026-11-23
expires: 2026-11-30
priority: urgent
---
Kegiatan belajar diliburkan sampai air surut.
"""


def files_of(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its path in it, with its bytes."""
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


class TinySite:
    """A minimal valid project in tmp_path; tests overwrite one file to break it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        copy_generator(root)
        for name, text in TINY_FILES.items():
            self.write(name, text)

    def write(self, name: str, text: str) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def build(self, **options: object) -> Built:
        return build_site(self.root, Options(today=date.fromisoformat(TODAY), **options))  # type: ignore[arg-type]

    def run(self, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        """`python build.py ARGS --root <site>` as an editor would run it."""
        command = [sys.executable, str(REPO / "build.py"), *args, "--root", str(self.root)]
        return subprocess.run(command, capture_output=True, text=True, env=env, check=False)

    def main(self, *args: str) -> subprocess.CompletedProcess[str]:
        """The same command in this process (cli.main), where the process itself is not what is tested."""
        return cli(self.root, *args)


def cli(root: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS --root ROOT` run in this process (cli.main), `stdin` as what the editor types: for
    tests of a command's answer (exit status, output, files) rather than of the process, which would import the
    generator again first (about a second)."""
    command = [*args, "--root", str(root)]
    out, err, typed = io.StringIO(), io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(command)
    except SystemExit as exc:  # argparse: --help, bad usage
        status = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.stdin = typed
    return subprocess.CompletedProcess(command, status, out.getvalue(), err.getvalue())


# The form editor's vendored files (3 MB, never edited, read only when site.yaml has `editor:`): every project a
# test makes links them instead of copying them, which made up most of the copy (tests/test_admin.py checks they
# are the locked npm package's bytes; no test writes them).
VENDORED = ("admin/sveltia-cms.js", "admin/chunks/react-dom.js", "admin/immutable.es.js",
            "admin/material-symbols-outlined.woff2")


def _copy_layout(source: str, target: str) -> object:
    """copytree's copy: a hard link for a vendored file (a copy where the link cannot be made), else a copy."""
    if Path(source).relative_to(REPO / "layouts").as_posix() in VENDORED:
        with contextlib.suppress(OSError):
            os.link(source, target)
            return target
    return shutil.copy2(source, target)


def copy_generator(root: Path) -> None:
    """The generator's layouts and its own assets (static/css/, static/js/), as `init` copies them, into `root`."""
    shutil.copytree(REPO / "layouts", root / "layouts", copy_function=_copy_layout)
    for name in ("css", "js"):
        shutil.copytree(REPO / "static" / name, root / "static" / name)


def copy_example(root: Path, sources: Path = EXAMPLE) -> Path:
    """A project folder at `root`: the generator's layouts and assets, and a school's sources (the frozen example)."""
    copy_generator(root)
    for name in ("content", "static/images", "static/files"):
        if (sources / name).is_dir():
            shutil.copytree(sources / name, root / name)
    shutil.copy(sources / "site.yaml", root / "site.yaml")
    return root


@pytest.fixture
def tiny(tmp_path: Path) -> TinySite:
    return TinySite(tmp_path / "situs")


@pytest.fixture(scope="session")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real example site, built once as of TODAY into a temporary folder."""
    root = copy_example(tmp_path_factory.mktemp("example") / "situs")
    build_site(root, Options(today=date.fromisoformat(TODAY)))
    return root / "_site"


SECOND_SCHOOL = REPO / "tests" / "fixtures" / "second-school"
SECOND_SCHOOL_NOW = datetime(2026, 11, 24, 5, 7)  # the daily rebuild's time, WITA


@pytest.fixture(scope="session")
def second_school(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another school (WITA, a base path, every event status), built as of the daily 05:07 rebuild."""
    root = tmp_path_factory.mktemp("second") / "situs"
    shutil.copytree(SECOND_SCHOOL, root)
    copy_generator(root)
    build_site(root, Options(today=SECOND_SCHOOL_NOW.date(), now=SECOND_SCHOOL_NOW))
    return root / "_site"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium per test process (pytest-xdist worker), shared by every browser test.

    Each test opens a context or page of its own and closes it, so no cookie, storage or viewport
    carries over. Skipped without Chromium or Playwright (a failure in CI, see below).
    """
    from sitehttp import chromium

    with chromium() as running:
        yield running


@pytest.fixture(scope="session")
def browser_context(browser: Any) -> Iterator[Any]:
    """One plain context (1280x720, JavaScript on) of the session's Chromium, for tests that need no context options.

    Each test opens its own page in it (`page.set_viewport_size` for another width) and closes it: a new context
    costs as much as several page loads. Its pages share only the HTTP cache; the sites tests open set no cookie
    and keep nothing in storage.
    """
    from sitehttp import shared_context

    with shared_context(browser) as context:
        yield context


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The tests marked `early` first, highest rank first; the rest in their usual order.

    pytest-xdist (--dist loadgroup) hands tests out in this order to whichever worker is free: a long test
    handed out last would keep one worker busy while the other has nothing left to do.
    """
    def rank(item: pytest.Item) -> float:
        marker = item.get_closest_marker("early")
        if marker is None:
            return float("inf")
        return -float(marker.args[0] if marker.args else marker.kwargs.get("rank", 0))

    items.sort(key=rank)  # stable: equal ranks keep the collection order


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """In CI every test must run: a skip (for example no Chromium) fails the run."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter else []
    if os.environ.get("CI") and skipped and exitstatus == 0:
        session.exitstatus = 1
        if reporter:
            reporter.write_line(f"CI: {len(skipped)} tests were skipped; every test must run in CI.", red=True)
