"""The command line as an editor meets it: help, new files, exit statuses."""

from conftest import TinySite


def test_help_lists_every_command_and_the_exit_statuses(tiny: TinySite) -> None:
    result = tiny.run("--help")
    assert result.returncode == 0
    for word in ("build", "check", "serve", "new", "--today", "exit status: 0 success, 1 content errors, 2 bad usage"):
        assert word in result.stdout, word


def test_a_mistyped_command_is_bad_usage(tiny: TinySite) -> None:
    result = tiny.run("buidl")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_a_date_that_is_not_a_date_is_bad_usage(tiny: TinySite) -> None:
    result = tiny.run("check", "--today", "24-11-2026")
    assert result.returncode == 2
    assert "'24-11-2026' is not a date YYYY-MM-DD" in result.stderr


def test_check_writes_nothing_and_says_how_many_pages(tiny: TinySite) -> None:
    result = tiny.run("check", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Pemeriksaan selesai: tidak ada masalah (")
    assert not (tiny.root / "_site").exists()


def test_new_event_creates_a_file_that_names_what_is_left_to_fill_in(tiny: TinySite) -> None:
    result = tiny.run("new", "event", "Pentas Seni 2027")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "content/events/pentas-seni-2027.md"
    text = (tiny.root / "content/events/pentas-seni-2027.md").read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Pentas Seni 2027"\n')
    checked = tiny.run("check", "--today", "2026-11-24")
    assert checked.returncode == 1
    assert ("content/events/pentas-seni-2027.md:4: kolom 'start': tanggal atau waktu 'TTTT-BB-HH' tidak valid."
            in checked.stderr)


def test_new_event_with_a_date_builds_at_once(tiny: TinySite) -> None:
    assert tiny.run("new", "announcement", "Libur Semester", "--date", "2026-12-21").returncode == 0
    result = tiny.run("build", "--today", "2026-11-24")
    assert result.returncode == 0, result.stderr
    assert (tiny.root / "_site/pengumuman/libur-semester/index.html").is_file()


def test_new_refuses_to_overwrite_a_file(tiny: TinySite) -> None:
    assert tiny.run("new", "page", "Kontak").returncode == 2
    assert tiny.root.joinpath("content/pages/kontak.md").read_text(encoding="utf-8").startswith("---\ntitle: Kontak")
