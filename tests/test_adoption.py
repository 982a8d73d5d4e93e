"""Another school adopts the generator: `init` starts its site, and its own content keeps CI green.

The proof that the test suite does not depend on the example school's content runs in two parts:

- a scan of every test module: none reads the repository's `content/`, `static/images/`,
  `static/files/` or `site.yaml` (they copy the frozen `tests/fixtures/example/` instead);
- a copy of the repository whose `content/`, `static/images/` and `site.yaml` are replaced by an
  `init`-made school runs the site's own check and build (as `.github/workflows/check.yml` does) and,
  with the README's test command run in that copy, the tests that would see the repository's content if
  anything still read it: the golden site, built in the test process and compared byte for byte, and the
  example built through the CLI from the repository's folder. The whole suite is not nested here: it
  would double the suite's time, and the scan shows that no test module names the repository's content.

The commands run in the test process (conftest.cli): what the tests check is their answer (exit status,
output, files), not the process; the repository-copy test starts `init` as a process of its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, TODAY, cli

SCHOOL = ("--name", "SD Negeri 3 Sukamaju", "--level", "SD", "--town", "Kabupaten Sukamaju", "--zone", "WITA",
          "--address", "Jalan Pendidikan No. 7")
SCHOOL_FILES = ["content", "site.yaml", "static/images"]


def run(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS --root ROOT` as an editor (or CI) runs it."""
    command = [sys.executable, str(REPO / "build.py"), *args, "--root", str(root)]
    return subprocess.run(command, capture_output=True, text=True, check=False, timeout=300)


def test_init_writes_a_complete_site_for_another_school_with_no_trace_of_the_example(tmp_path: Path) -> None:
    root = tmp_path / "sekolah"
    result = cli(root, "init", *SCHOOL, "--today", TODAY)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "site.yaml", "content/index.md", "content/pages/profil.md", "content/pages/kontak.md",
        "content/pages/spmb.md", "content/pages/tata-tertib.md", "content/pages/jadwal.md",
        "content/pages/biaya-dan-komite.md", "content/pages/faq.md", "content/calendars/2026-2027.yaml",
    ]
    assert result.stderr == (
        "Situs SD Negeri 3 Sukamaju dibuat di " + root.as_posix() + ". Langkah berikutnya: docs/panduan-editor.md, "
        'bagian "Daftar periksa sekolah baru".\n'
    )
    site_yaml = (root / "site.yaml").read_text(encoding="utf-8")
    for line in ('title: "SD Negeri 3 Sukamaju"', "timezone: Asia/Makassar", "  type: ElementarySchool",
                 '    street: "Jalan Pendidikan No. 7"', '    locality: "Kabupaten Sukamaju"',
                 "    kelas-1: Kelas I", "    kelas-6: Kelas VI"):
        assert f"\n{line}\n" in site_yaml, line
    assert "kelas-7" not in site_yaml
    sources = [p for p in root.rglob("*") if p.is_file() and p.suffix in (".md", ".yaml")]
    traces = [p for p in sources if re.search("prabumulih|mangga", p.read_text(encoding="utf-8"), re.I)]
    assert traces == []
    assert not (root / "static" / "images" / "logo.png").exists()


def test_an_init_made_site_builds_with_a_card_and_warns_about_each_skeleton_page(tmp_path: Path) -> None:
    root = tmp_path / "sekolah"
    assert cli(root, "init", *SCHOOL, "--today", TODAY).returncode == 0
    checked = cli(root, "check", "--today", TODAY, "--format", "github")
    assert checked.returncode == 0, checked.stderr
    warned = sorted(line.split(",")[0] for line in checked.stdout.splitlines() if line.startswith("::warning"))
    assert warned == [f"::warning file=content/{name}" for name in (
        "index.md", "pages/biaya-dan-komite.md", "pages/faq.md", "pages/jadwal.md", "pages/kontak.md",
        "pages/profil.md", "pages/spmb.md", "pages/tata-tertib.md")]
    assert checked.stdout.endswith("Pemeriksaan selesai: tidak ada kesalahan, 8 peringatan (53 halaman).\n")
    assert cli(root, "check", "--today", TODAY, "--strict").returncode == 1
    built = cli(root, "build", "--today", TODAY)
    assert built.returncode == 0, built.stderr
    site = root / "_site"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "SD Negeri 3 Sukamaju" in home and "Prabumulih" not in home
    assert (site / "images" / "kartu-situs.png").is_file()
    assert "Hari Kemerdekaan Republik Indonesia" in (site / "kalender" / "index.html").read_text(encoding="utf-8")
    for page in ("profil", "kontak", "spmb", "tata-tertib", "jadwal", "biaya-dan-komite", "faq"):
        assert (site / "informasi" / page / "index.html").is_file(), page


def test_init_asks_for_what_its_flags_do_not_say(tmp_path: Path) -> None:
    root = tmp_path / "sekolah"
    answers = "SMK Negeri 1 Contoh\nsmk\nKota Contoh\nwit\nJalan Contoh No. 1\n"
    result = cli(root, "init", "--today", TODAY, stdin=answers)
    assert result.returncode == 0, result.stderr
    assert result.stderr.startswith("Nama sekolah: Jenjang (SD/SMP/SMA/SMK): Kota atau kabupaten: "
                                     "Zona waktu (WIB/WITA/WIT): Alamat jalan: ")
    text = (root / "site.yaml").read_text(encoding="utf-8")
    assert "timezone: Asia/Jayapura\n" in text and "    kelas-12: Kelas XII\n" in text


def test_init_without_an_answer_or_with_an_unknown_level_stops_with_a_hint(tmp_path: Path) -> None:
    root = tmp_path / "sekolah"
    silent = cli(root, "init", "--name", "SD Contoh", "--today", TODAY)
    assert silent.returncode == 2
    assert silent.stderr.endswith("Tidak ada jawaban untuk 'Jenjang (SD/SMP/SMA/SMK)'. "
                                  'Jalankan lagi dengan --level "...".\n')
    wrong = cli(root, "init", *SCHOOL[:2], "--level", "SLTP", *SCHOOL[4:])
    assert (wrong.returncode, wrong.stderr) == (
        2, "'SLTP' tidak dikenal untuk Jenjang (SD/SMP/SMA/SMK); pilih salah satu: SD, SMP, SMA, SMK.\n")
    assert not root.exists()


def test_init_refuses_to_overwrite_the_example_school(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(REPO / "tests" / "fixtures" / "example" / "content", root / "content")
    (root / "site.yaml").write_text("title: x\n", encoding="utf-8")
    result = cli(root, "init", *SCHOOL)
    assert result.returncode == 2
    assert result.stderr == (
        f"site.yaml, content sudah ada di {root.as_posix()}; init tidak menimpa apa pun.\n"
        "  Petunjuk: jalankan init di folder kosong (--root FOLDER), atau hapus dulu isi sekolah contoh "
        "(content/, static/images/, site.yaml) bila memang ingin menggantinya.\n"
    )
    assert (root / "site.yaml").read_text(encoding="utf-8") == "title: x\n"


def test_init_into_a_path_that_is_a_file_says_so_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "berkas").write_text("x", encoding="utf-8")
    result = cli(tmp_path / "berkas", "init", *SCHOOL)
    assert result.returncode == 2
    assert result.stderr == (f"Folder {(tmp_path / 'berkas').as_posix()} tidak dapat ditulis: File exists. "
                             "Pilih folder lain dengan --root FOLDER.\n")


READS_SCHOOL_FILES = re.compile(r'REPO\s*/\s*(name\b|"content"|"site\.yaml"|"static"\s*/\s*"(images|files)")')


def test_no_test_module_reads_the_repositorys_own_content() -> None:
    readers = [p.name for p in sorted((REPO / "tests").glob("*.py")) if READS_SCHOOL_FILES.search(p.read_text())]
    assert readers == []


@pytest.mark.slow
@pytest.mark.early(2)
def test_a_repository_whose_example_is_replaced_by_an_init_made_school_passes_its_checks(tmp_path: Path) -> None:
    copy = tmp_path / "repo"
    ignore = shutil.ignore_patterns(".git", ".venv", "node_modules", "_site", ".dev-site", "__pycache__", "*.egg-info",
                                    ".pytest_cache", ".mypy_cache", ".ruff_cache")
    shutil.copytree(REPO, copy, ignore=ignore)
    for name in SCHOOL_FILES:
        target = copy / name
        if target.is_dir():
            shutil.rmtree(target)
        else:
            target.unlink()
    assert run(copy, "init", *SCHOOL).returncode == 0  # as an editor runs it: a process of its own
    # The site's own steps of check.yml, on the school's content as of the real today.
    checked = cli(copy, "check", "--format", "github")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = cli(copy, "build", "--format", "github")
    assert built.returncode == 0, built.stdout + built.stderr
    # The README's test command in the copy, on the tests that would show the repository's content if the
    # generator or a test still read it: the golden site (the generator's layouts and assets of this
    # folder, byte for byte), and the example built through the CLI with this folder as the working
    # directory (its exact warnings). The modules that read the example school before it was frozen
    # (test_calendar_output, test_parents, test_cli) copy the frozen example now, which the scan above checks.
    tests = ["tests/test_golden.py::test_golden_site_matches_expected_output",
             "tests/test_golden.py::test_example_site_builds_through_the_cli[today-pinned]"]
    # -n 0: in this process; the suite around it already has a worker on every core. --basetemp: a folder of
    # its own, so that it does not look through (and delete) the old temporary folders of other test runs.
    nested = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0",
                             "--basetemp", str(tmp_path / "tests"), *tests],
                            cwd=copy, capture_output=True, text=True, check=False, timeout=900)
    assert nested.returncode == 0, nested.stdout[-3000:]
    assert re.search(r"^2 passed", nested.stdout, re.M), nested.stdout[-3000:]
