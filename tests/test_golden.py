"""Golden-site test: the fixture project tests/golden/site/ builds to exactly tests/golden/expected/.

The fixture holds only content, static files and site.yaml; the repository's real `layouts/` are
copied next to it at test time, so the expected output follows the real templates. Every output
file is compared byte for byte; a failure lists the missing, extra and differing files and shows a
unified diff of the first differing text file.

When a change to the templates or the generator is intended, refresh the expected output and
review the difference before committing it:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
    git diff --stat tests/golden/expected/

(`UPDATE_GOLDEN=1` deletes tests/golden/expected/ and writes it again from a fresh build; the
other tests of this module still run.)

Also here: the same sources give the same bytes when built twice, in another folder, and under
other process time zones (`TZ`), and the real example site builds through the command line.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from conftest import copy_example, copy_generator

from sitegen.pipeline import Options, build_site

# One worker runs the module (pytest-xdist --dist loadgroup), so the reference is built once; early, as its seven
# builds through the command line take long.
pytestmark = [pytest.mark.xdist_group("golden"), pytest.mark.early]

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden"
FIXTURE = GOLDEN / "site"
EXPECTED = GOLDEN / "expected"
TODAY = "2026-11-24"
UPDATE = os.environ.get("UPDATE_GOLDEN", "") not in ("", "0")


def copy_fixture(dest: Path) -> Path:
    """The golden fixture with the generator's current layouts and assets beside it, in `dest`."""
    shutil.copytree(FIXTURE, dest, ignore=shutil.ignore_patterns("_site", ".*.staging", ".*.old"))
    copy_generator(dest)
    return dest


def build_in_process(root: Path) -> dict[str, bytes]:
    build_site(root, Options(today=date.fromisoformat(TODAY)))
    return read_tree(root / "_site")


def clean_env(**extra: str) -> dict[str, str]:
    """The current environment without settings that would change the output (SITE_BASE_URL)."""
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_BASE_URL", "TZ")}
    env.update(extra)
    return env


def run_cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(REPO / "build.py"), "build", "--root", str(root), *args]
    return subprocess.run(command, capture_output=True, text=True, env=env or clean_env(), cwd=REPO,
                          timeout=300, check=False)


def read_tree(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` by its relative POSIX path."""
    assert folder.is_dir(), f"{folder} was not written"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def tree_difference(actual: dict[str, bytes], expected: dict[str, bytes], actual_name: str = "built",
                    expected_name: str = "expected") -> str | None:
    """None when both trees are equal, else a report: missing, extra, differing, first diff."""
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    differing = sorted(name for name in set(actual) & set(expected) if actual[name] != expected[name])
    if not (missing or extra or differing):
        return None
    lines = []
    if missing:
        lines.append(f"missing from {actual_name} ({len(missing)}): " + ", ".join(missing))
    if extra:
        lines.append(f"extra in {actual_name} ({len(extra)}): " + ", ".join(extra))
    if differing:
        lines.append(f"differing ({len(differing)}): " + ", ".join(differing))
    for name in differing:
        try:
            old = expected[name].decode("utf-8").splitlines(keepends=True)
            new = actual[name].decode("utf-8").splitlines(keepends=True)
        except UnicodeDecodeError:
            continue  # binary: named above; show the first text file's diff
        diff = difflib.unified_diff(old, new, f"{expected_name}/{name}", f"{actual_name}/{name}", n=2)
        lines.append(f"first differing text file, {name}:\n" + "".join(diff))
        break
    else:
        if differing:
            lines.append("(every differing file is binary)")
    return "\n".join(lines)


def ours(tree: dict[str, bytes]) -> dict[str, bytes]:
    """The files the generator writes itself: Pagefind's bundle and index are its own (checked elsewhere)."""
    return {name: data for name, data in tree.items() if not name.startswith("pagefind/")}


@pytest.fixture(scope="module")
def reference_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture's project folder, built once in this process as of TODAY."""
    root = copy_fixture(tmp_path_factory.mktemp("golden") / "site")
    build_site(root, Options(today=date.fromisoformat(TODAY)))
    return root


@pytest.fixture(scope="module")
def reference(reference_root: Path) -> dict[str, bytes]:
    """The fixture's built files (the module's tests run on one worker: it is built once)."""
    return read_tree(reference_root / "_site")


def test_golden_site_matches_expected_output(reference: dict[str, bytes]) -> None:
    if UPDATE:
        if EXPECTED.exists():
            shutil.rmtree(EXPECTED)
        for name, data in ours(reference).items():
            target = EXPECTED / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        print(f"\nUPDATE_GOLDEN: wrote {len(ours(reference))} files to {EXPECTED.relative_to(REPO)}")
        return
    assert EXPECTED.is_dir(), (
        f"{EXPECTED.relative_to(REPO)} is missing: run UPDATE_GOLDEN=1 pytest tests/test_golden.py once"
    )
    assert "pagefind/pagefind-entry.json" in reference  # the search index was written
    problem = tree_difference(ours(reference), read_tree(EXPECTED))
    assert problem is None, (
        f"The golden site differs from {EXPECTED.relative_to(REPO)}/. If the change is intended, run "
        f"UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py and review the diff.\n{problem}"
    )


def test_golden_fixture_covers_the_content_contract(reference: dict[str, bytes]) -> None:
    """The fixture keeps exercising what it was written for (guards against it being trimmed)."""
    pages = {name: data.decode("utf-8") for name, data in reference.items() if name.endswith(".html")}
    home = pages["index.html"]
    for page in ("index.html", "agenda/index.html", "informasi/kontak/index.html"):
        banner = pages[page].partition('class="banner"')[2].partition("</div>")[0]
        assert "Jadwal Pembagian Rapor" in banner, page  # urgent, expires 2026-12-01
    assert "Libur Hari Guru" not in home  # expired on 2026-11-10
    assert "files/surat.pdf" in reference and "/nama-repo/files/surat.pdf" in (
        pages["pengumuman/jadwal-pembagian-rapor/index.html"]
    )
    achievement = pages["prestasi/juara-olimpiade-matematika/index.html"]
    assert "A. F." in achievement and "Ahmad Fauzi" not in achievement  # consent: false
    assert "Budi Santoso" in pages["prestasi/medali-perak-pencak-silat/index.html"]  # consent: true
    for page in ("informasi/profil/index.html", "informasi/profil/sejarah/index.html",
                 "informasi/kontak/index.html", "agenda/studi-tour/index.html",
                 "agenda/pentas-seni-daring/index.html", "agenda/pekan-ujian-akhir-semester/index.html"):
        assert page in pages, page
    assert "https://meet.example.com/pentas-seni" in pages["agenda/pentas-seni-daring/index.html"]
    assert "Dibatalkan" in pages["agenda/studi-tour/index.html"]
    assert "Upacara Bendera" in pages["kalender/index.html"]


def test_building_twice_gives_identical_bytes(
    tmp_path: Path, reference_root: Path, reference: dict[str, bytes]
) -> None:
    second = build_in_process(reference_root)  # over the reference build
    assert tree_difference(second, reference, "second build", "first build") is None
    elsewhere = build_in_process(copy_fixture(tmp_path / "situs-lain"))  # another folder name
    assert tree_difference(elsewhere, reference, "build in situs-lain/", "build in site/") is None


@pytest.mark.parametrize("zone", ["UTC", "Asia/Jakarta", "America/New_York"])
def test_process_time_zone_does_not_change_output(
    tmp_path: Path, reference: dict[str, bytes], zone: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The process's zone (TZ, read again by time.tzset) is the build machine's, never the site's."""
    root = copy_fixture(tmp_path / "site")
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        built = build_in_process(root)
    finally:
        monkeypatch.undo()
        time.tzset()
    problem = tree_difference(built, reference, f"TZ={zone} build", "build in the test's zone")
    assert problem is None, problem


def test_a_build_process_started_in_another_zone_gives_the_same_output(tmp_path: Path,
                                                                       reference: dict[str, bytes]) -> None:
    """As above, in a process that starts with the zone: also what is computed while the generator is imported."""
    root = copy_fixture(tmp_path / "site")
    result = run_cli(root, "--today", TODAY, env=clean_env(TZ="Pacific/Kiritimati"))  # UTC+14
    assert result.returncode == 0, result.stderr
    problem = tree_difference(read_tree(root / "_site"), reference, "TZ=Pacific/Kiritimati build", "in-process build")
    assert problem is None, problem


# The example school's contacts are placeholders: a warning for each, and the site is still built.
PLACEHOLDER_HINT = "  Petunjuk: Tulis kontak sekolah yang asli, atau hapus baris ini.\n"
EXAMPLE_WARNINGS = (
    "site.yaml:21: peringatan: kolom 'school.phone': '+62 000-0000-0000' adalah data contoh, bukan kontak sekolah.\n"
    + PLACEHOLDER_HINT
    + "site.yaml:22: peringatan: kolom 'school.email': 'humas@smpn1-prabumulih.example' adalah data contoh, "
    "bukan kontak sekolah.\n"
    + PLACEHOLDER_HINT
    + "site.yaml:23: peringatan: kolom 'school.whatsapp': '620000000000' adalah data contoh, bukan kontak sekolah.\n"
    + PLACEHOLDER_HINT
)


@pytest.mark.parametrize("today", [TODAY, None], ids=["today-pinned", "today-real"])
def test_example_site_builds_through_the_cli(tmp_path: Path, today: str | None) -> None:
    root = tmp_path / "example"
    copy_example(root)
    result = run_cli(root, *(["--today", today] if today else []))
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert result.stderr == EXAMPLE_WARNINGS, result.stderr
    assert "_site" in result.stdout
    site = root / "_site"
    for page in ("index.html", "agenda/index.html", "pengumuman/index.html", "prestasi/index.html",
                 "informasi/index.html", "kalender/index.html", "404.html", "sitemap.xml", "robots.txt"):
        assert (site / page).is_file(), page
    assert not (root / "._site.staging").exists() and not (root / "._site.old").exists()
