"""The bodies' HTML kept in a temporary file: read back whole, in forked render workers too, and in memory
where no file can be written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

from sitegen.models import bodies as models_bodies
from sitegen.models.bodies import Bodies

HTML = "<h2 id=\"jadwal\">Jadwal</h2>\n<p>Pentas seni — kelas IX “A”, pukul 08.00 WIB ✓</p>"


def test_a_body_is_read_back_as_it_was_added_and_an_equal_body_is_written_once() -> None:
    bodies = Bodies()
    first = bodies.add("kunci-1", HTML)
    other = bodies.add("kunci-2", "<p>Isi lain.</p>")
    again = bodies.add("kunci-1", HTML)
    assert (first.html, other.html, again.html) == (HTML, "<p>Isi lain.</p>", HTML)
    assert bodies.size == len(HTML.encode()) + len(b"<p>Isi lain.</p>")
    assert first == again != other  # compared by key: the text and all the HTML depends on


def test_bodies_no_longer_shown_go_once_they_outweigh_the_rest(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(models_bodies, "COMPACT_FROM", 0)
    bodies = Bodies()
    kept = bodies.add("kunci-1", HTML)
    for n in range(2, 4):
        bodies.add(f"kunci-{n}", HTML)
    bodies.keep_only(["kunci-1", "kunci-3"])  # one of three forgotten: not worth writing anew
    assert bodies.size == 3 * len(HTML.encode())
    bodies.keep_only(["kunci-1"])  # two of three
    assert bodies.size == len(HTML.encode())
    assert kept.html == HTML and bodies.add("kunci-4", "<p>Baru</p>").html == "<p>Baru</p>"
    with pytest.raises(KeyError):
        bodies.read("kunci-2")


@pytest.mark.skipif(not hasattr(os, "pread"), reason="the file is read with pread where there is one")
def test_a_store_whose_file_cannot_be_read_back_is_left_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_disk(*args: object) -> bytes:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(models_bodies, "COMPACT_FROM", 0)
    bodies = Bodies()
    kept, dropped = bodies.add("kunci-1", HTML), bodies.add("kunci-2", HTML + HTML)
    with monkeypatch.context() as patched:
        patched.setattr(os, "pread", broken_disk)
        bodies.keep_only(["kunci-1"])
    assert (kept.html, dropped.html) == (HTML, HTML + HTML)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="render workers are forked only where fork exists")
def test_a_forked_worker_reads_the_bodies_while_the_parent_reads_too() -> None:
    bodies = Bodies()
    added = [bodies.add(f"kunci-{n}", f"<p>Isi {n}: {HTML}</p>") for n in range(50)]
    read, write = os.pipe()
    child = os.fork()
    if child == 0:  # the worker reads every body, in the other order, and always ends here
        try:
            ok = all(body.html == f"<p>Isi {n}: {HTML}</p>" for n, body in reversed(list(enumerate(added))))
            os.write(write, b"1" if ok else b"0")
        finally:
            os._exit(0)
    os.close(write)
    assert all(body.html == f"<p>Isi {n}: {HTML}</p>" for n, body in enumerate(added))
    assert os.waitpid(child, 0)[1] == 0
    assert os.read(read, 1) == b"1"
    os.close(read)


def test_without_a_temporary_file_the_bodies_are_kept_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(*args: object, **kwargs: object) -> None:
        raise PermissionError("no temporary folder")

    monkeypatch.setattr(tempfile, "TemporaryFile", refused)
    bodies = Bodies()
    assert bodies.add("kunci-1", HTML).html == HTML


@pytest.mark.skipif(not hasattr(os, "pwrite"), reason="the file is written with pwrite where there is one")
def test_a_body_the_disk_refuses_is_read_back_all_the_same_and_so_are_the_next(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(*args: object) -> int:
        raise OSError(28, "No space left on device")

    bodies = Bodies()
    first = bodies.add("kunci-1", "<p>Pertama</p>")
    with monkeypatch.context() as patched:
        patched.setattr(os, "pwrite", full_disk)
        full = bodies.add("kunci-2", HTML)
    after = bodies.add("kunci-3", "<p>Sesudah</p>")
    assert (first.html, full.html, after.html) == ("<p>Pertama</p>", HTML, "<p>Sesudah</p>")
    assert bodies.size == len(b"<p>Pertama</p>") + len(HTML.encode()) + len(b"<p>Sesudah</p>")


def test_the_file_goes_in_the_folder_given_and_elsewhere_when_that_cannot_be_written(tmp_path: Path) -> None:
    """The build cache's folder is on disk, where the system's temporary folder may be held in memory."""
    given = Bodies(tmp_path)
    given.add("kunci-1", HTML)
    missing = Bodies(tmp_path / "tidak-ada")
    assert missing.add("kunci-1", HTML).html == HTML
    if Path("/proc/self/fd").is_dir():  # where the open file can be named (Linux)
        assert Path(os.readlink(f"/proc/self/fd/{given._file.fileno()}")).parent == tmp_path  # type: ignore[union-attr]
