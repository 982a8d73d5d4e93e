"""`python build.py serve`: the preview server, as an editor runs it, in a subprocess.

It builds with drafts, serves on 127.0.0.1 only, rebuilds when a file changes, and keeps serving
the last good site (printing the problems) when a change breaks the build.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import REPO, TinySite
from markupsafe import escape

from sitegen.commands.serve import sources_state

pytestmark = pytest.mark.slow
# The tests that read the module's one preview run on one worker (--dist loadgroup), which starts it once.
ON_THE_SHARED_PREVIEW = pytest.mark.xdist_group("serve-preview")

START_TIMEOUT = 20.0
CHANGE_TIMEOUT = 15.0

DRAFT_EVENT = """\
---
title: Rencana Bazar Sekolah
start: 2026-12-10
category: rapat
draft: true
---
Masih rencana.
"""

NEW_EVENT = """\
---
title: Kerja Bakti Bersama Orang Tua
start: "2026-12-19 07:30"
category: rapat
audience: [orang-tua]
---
Membersihkan lingkungan sekolah.
"""

BROKEN_EVENT = """\
---
title: Rapat orang tua
start: 2026-13-19
category: rapat
---
Rusak.
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Preview:
    root: Path
    port: int
    log: Path
    process: subprocess.Popen[bytes]

    def get(self, path: str) -> tuple[int, str]:
        """Status and text of http://127.0.0.1:<port><path>; (0, reason) when nothing answers."""
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=3) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:  # 404 and 503 pages have a body to read too
            return exc.code, exc.read().decode("utf-8", errors="replace")
        except (urllib.error.URLError, OSError) as exc:
            return 0, str(exc)

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def wait_for(self, what: str, check: Callable[[], bool], timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"serve exited with {self.process.returncode} while waiting for {what}:\n{self.output()}")
            if check():
                return
            if "Traceback" in self.output():
                pytest.fail(f"serve printed a traceback while waiting for {what}:\n{self.output()}")
            time.sleep(0.05)
        pytest.fail(f"not within {timeout:.0f} s: {what}\nserve printed:\n{self.output()}")


@contextlib.contextmanager
def running_preview(base: Path) -> Iterator[Preview]:
    """`build.py serve` on a copy of the tiny site with a draft event; always terminated."""
    tiny = TinySite(base / "situs")
    tiny.write("content/events/rencana-bazar.md", DRAFT_EVENT)
    port = free_port()
    log = base / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "SITE_BASE_URL"}
    env["PYTHONUNBUFFERED"] = "1"
    command = [sys.executable, str(REPO / "build.py"), "serve", "--root", str(tiny.root), "--port", str(port),
               "--today", "2026-11-24"]
    with log.open("wb") as sink:
        process = subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT, env=env, cwd=base)
    server = Preview(tiny.root, port, log, process)
    try:
        server.wait_for("the home page answers", lambda: server.get("/")[0] == 200, START_TIMEOUT)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    """One server for the tests that only read."""
    with running_preview(tmp_path_factory.mktemp("serve")) as server:
        yield server


@pytest.fixture
def own_preview(tmp_path: Path) -> Iterator[Preview]:
    """A server of its own for a test that changes files."""
    with running_preview(tmp_path) as server:
        yield server


@ON_THE_SHARED_PREVIEW
def test_home_page_is_served(preview: Preview) -> None:
    status, text = preview.get("/")
    assert status == 200
    assert "Selamat datang" in text
    assert 'href="/agenda/"' in text  # the preview's base URL is http://127.0.0.1:<port>/
    assert (preview.root / ".dev-site" / "index.html").is_file()
    assert not (preview.root / "_site").exists()  # serve never touches the published build


@ON_THE_SHARED_PREVIEW
def test_draft_is_shown_with_the_draft_mark(preview: Preview) -> None:
    words = yaml.safe_load((REPO / "layouts" / "i18n" / "id.yaml").read_text(encoding="utf-8"))
    status, text = preview.get("/agenda/rencana-bazar/")
    assert status == 200
    assert "Rencana Bazar Sekolah" in text
    assert str(escape(words["draft_mark"])) in text
    status, agenda = preview.get("/agenda/")
    assert status == 200 and "Rencana Bazar Sekolah" in agenda


@ON_THE_SHARED_PREVIEW
def test_draft_mark_is_not_on_published_pages(preview: Preview) -> None:
    words = yaml.safe_load((REPO / "layouts" / "i18n" / "id.yaml").read_text(encoding="utf-8"))
    status, text = preview.get("/agenda/rapat/")
    assert status == 200
    assert str(escape(words["draft_mark"])) not in text


@ON_THE_SHARED_PREVIEW
def test_server_is_bound_to_loopback_only(preview: Preview) -> None:
    listening = listening_addresses(preview.port)
    if listening is not None:  # Linux: the kernel's own table of listening sockets
        assert listening == {"127.0.0.1"}, listening
    for address in other_addresses():
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(2)
            assert sock.connect_ex((address, preview.port)) != 0, f"port {preview.port} answers on {address}"


def test_new_file_is_served_after_it_is_added(own_preview: Preview) -> None:
    """Every rebuild runs inside livereload's event loop (the Pagefind index once failed there)."""
    path = "/agenda/kerja-bakti/"
    assert own_preview.get(path)[0] == 404
    (own_preview.root / "content" / "events" / "kerja-bakti.md").write_text(NEW_EVENT, encoding="utf-8")

    own_preview.wait_for(f"{path} is served after adding content/events/kerja-bakti.md",
                         lambda: "Kerja Bakti Bersama Orang Tua" in own_preview.get(path)[1], CHANGE_TIMEOUT)

    assert "Kerja Bakti Bersama Orang Tua" in own_preview.get("/agenda/")[1]
    assert "Traceback" not in own_preview.output()
    assert own_preview.process.poll() is None
    assert sorted(p.name for p in own_preview.root.iterdir() if p.name.startswith("..dev-site.")) == []


@ON_THE_SHARED_PREVIEW
def test_an_unknown_path_gets_the_sites_own_404_page(preview: Preview) -> None:
    status, page = preview.get("/tidak-ada/")
    own = (preview.root / ".dev-site" / "404.html").read_text(encoding="utf-8")
    assert status == 404
    assert page.replace(page[page.index("<script"):page.index("</head>")], "", 1) == own  # plus live reload


@ON_THE_SHARED_PREVIEW
@pytest.mark.parametrize(
    ("path", "status"),
    [("/%00", 400), ("/agenda/%00/", 400), ("/%0b.html", 400), ("/..%2f..%2fsite.yaml", 404),
     ("/%2e%2e/site.yaml", 404), ("/../site.yaml", 404), ("/.sitegen-output", 404), ("/%ff%fe", 400),
     ("/agenda%5c..%5c..%5csite.yaml", 400), ("/" + "a" * 5000, 404), ("/agenda", 200)],
)
def test_bad_urls_get_400_or_404_never_a_server_error(preview: Preview, path: str, status: int) -> None:
    assert preview.get(path)[0] == status
    assert "Traceback" not in preview.output()


def test_a_symlink_out_of_the_project_added_while_serving_is_refused_not_served(
    own_preview: Preview, tmp_path: Path
) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA\n", encoding="utf-8")
    (own_preview.root / "static" / "bocor.txt").symlink_to(secret)

    own_preview.wait_for("serve reports the symlink",
                         lambda: "static/bocor.txt: tautan simbolis (symlink) ini menunjuk ke luar folder proyek"
                         in own_preview.output(), CHANGE_TIMEOUT)

    status, text = own_preview.get("/bocor.txt")
    assert status == 404 and "KATA-SANDI-RAHASIA" not in text
    assert not (own_preview.root / ".dev-site" / "bocor.txt").exists()


@ON_THE_SHARED_PREVIEW
def test_a_symlink_inside_the_preview_folder_to_outside_is_not_served(preview: Preview, tmp_path: Path) -> None:
    secret = tmp_path / "rahasia.txt"
    secret.write_text("KATA-SANDI-RAHASIA\n", encoding="utf-8")
    link = preview.root / ".dev-site" / "bocor.txt"
    link.symlink_to(secret)
    try:
        status, text = preview.get("/bocor.txt")
    finally:
        link.unlink(missing_ok=True)  # the shared preview's folder as it was
    assert status == 404 and "KATA-SANDI-RAHASIA" not in text


def test_a_folder_named_like_a_content_file_created_while_serving_is_reported(own_preview: Preview) -> None:
    (own_preview.root / "content" / "events" / "foo.md").mkdir()
    (own_preview.root / "content" / "index.md").write_text("---\ntitle: Beranda\n---\nHalo lagi.\n",
                                                         encoding="utf-8")  # an empty folder alone is no change
    own_preview.wait_for("serve reports the folder",
                         lambda: "content/events/foo.md: ini sebuah folder, padahal namanya seperti berkas yang dibaca."
                         in own_preview.output(), CHANGE_TIMEOUT)
    assert own_preview.get("/")[0] == 503
    (own_preview.root / "content" / "events" / "foo.md").rmdir()
    (own_preview.root / "content" / "index.md").write_text("---\ntitle: Beranda\n---\nHalo.\n", encoding="utf-8")
    own_preview.wait_for("the site comes back", lambda: own_preview.get("/")[0] == 200, CHANGE_TIMEOUT)


@pytest.mark.parametrize("port", ["99999", "0", "-1", "delapan"])
def test_a_port_out_of_range_is_refused_by_the_command_line(tmp_path: Path, port: str) -> None:
    tiny = TinySite(tmp_path / "situs")
    result = tiny.main("serve", "--today", "2026-11-24", "--port", port)
    assert result.returncode == 2
    assert result.stderr.splitlines()[-1] == (
        f"python build.py serve: error: argument --port: '{port}' is not a port: use a number from 1 to 65535, "
        "for example 8001"
    )
    assert not (tiny.root / ".dev-site").exists()


def test_a_busy_port_gets_one_line_with_a_fix(tmp_path: Path) -> None:
    tiny = TinySite(tmp_path / "situs")
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = tiny.main("serve", "--today", "2026-11-24", "--port", str(port))
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        f"Port {port} sudah dipakai program lain (mungkin serve yang masih berjalan). "
        f"Tutup program itu, atau pakai port lain: python build.py serve --port {port + 1}\n"
    )


def listening_addresses(port: int) -> set[str] | None:
    """Local addresses of sockets listening on `port`, from /proc/net/tcp{,6}; None where there is no /proc."""
    tables = [Path("/proc/net/tcp"), Path("/proc/net/tcp6")]
    if not tables[0].exists():
        return None
    found = set()
    for table in tables:
        if not table.exists():
            continue
        for line in table.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) != port or fields[3] != "0A":  # 0A: LISTEN
                continue
            if len(address) == 8:
                found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(address)[::-1]))
            else:
                words = bytes.fromhex(address)
                raw = b"".join(words[i:i + 4][::-1] for i in range(0, 16, 4))
                found.add(socket.inet_ntop(socket.AF_INET6, raw))
    return found


def other_addresses() -> list[str]:
    """IPv4 addresses of this machine a socket bound to 127.0.0.1 must not answer on."""
    addresses = []
    if sys.platform.startswith("linux"):
        addresses.append("127.0.0.2")  # loopback too, but not 127.0.0.1: only a 0.0.0.0 socket answers
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outgoing interface
            own = sock.getsockname()[0]
        if not own.startswith("127.") and own != "0.0.0.0":
            addresses.append(own)
    except OSError:
        pass
    return addresses


@pytest.mark.browser
@pytest.mark.early
def test_the_browser_shows_a_broken_file_and_returns_to_the_page_once_it_is_fixed(browser: Any,
                                                                                  own_preview: Preview) -> None:
    """Live reload in Chromium: the open page turns into the problem list, then back, without a click; meanwhile the
    preview answers 503 with the problem, serves its other files and keeps the last good site on disk."""
    from playwright.sync_api import expect

    event = own_preview.root / "content" / "events" / "rapat.md"
    good = event.read_text(encoding="utf-8")
    site = own_preview.root / ".dev-site"
    good_files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{own_preview.port}/agenda/rapat/")
        expect(page.locator("h1")).to_have_text("Rapat orang tua")
        page.wait_for_function("() => window.LiveReload !== undefined")
        # The script exists before its socket is open; a change before that would reload nobody.
        own_preview.wait_for("the page's live-reload socket is connected",
                             lambda: "Browser Connected" in own_preview.log.read_text(errors="replace"),
                             CHANGE_TIMEOUT)

        event.write_text(BROKEN_EVENT, encoding="utf-8")
        expect(page.locator("h1")).to_have_text("Pratinjau: build gagal", timeout=CHANGE_TIMEOUT * 1000)
        expect(page.locator(".problems li")).to_contain_text(
            "content/events/rapat.md:3: kolom 'start': tanggal atau waktu '2026-13-19' tidak valid.")
        assert "content/events/rapat.md" in own_preview.output() and "2026-13-19" in own_preview.output()

        status, text = own_preview.get("/agenda/rapat/")
        assert status == 503
        assert "<h1>Pratinjau: build gagal</h1>" in text
        assert ("<li><pre>content/events/rapat.md:3: kolom &#x27;start&#x27;: tanggal atau waktu "
                "&#x27;2026-13-19&#x27; tidak valid.") in text
        assert "livereload.js" in text  # the page reloads itself when the file is fixed
        assert own_preview.get("/css/site.css")[0] in (200, 404)  # files other than pages are still served
        assert "Traceback" not in own_preview.output()
        assert {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()} == good_files
        assert own_preview.process.poll() is None  # still serving

        event.write_text(good, encoding="utf-8")  # at once: every rebuild reloads, however soon after the last
        expect(page.locator("h1")).to_have_text("Rapat orang tua", timeout=CHANGE_TIMEOUT * 1000)
    finally:
        page.close()


@pytest.mark.browser
def test_a_saved_stylesheet_restyles_the_open_page_without_a_reload_and_a_saved_item_reloads_it(
    browser: Any, own_preview: Preview
) -> None:
    """Live reload in Chromium after an incremental rebuild: CSS alone is swapped in place, an edit reloads."""
    from playwright.sync_api import expect

    stylesheet = own_preview.root / "static" / "css" / "site.css"
    event = own_preview.root / "content" / "events" / "rapat.md"
    page = browser.new_page()
    try:
        page.goto(f"http://127.0.0.1:{own_preview.port}/agenda/rapat/")
        page.wait_for_function("() => window.LiveReload !== undefined")
        own_preview.wait_for("the page's live-reload socket is connected",
                             lambda: "Browser Connected" in own_preview.log.read_text(errors="replace"),
                             CHANGE_TIMEOUT)
        page.evaluate("() => { window.notReloaded = true }")

        stylesheet.write_text("h1 { letter-spacing: 3px }\n", encoding="utf-8")
        page.wait_for_function("() => getComputedStyle(document.querySelector('h1')).letterSpacing === '3px'",
                               timeout=CHANGE_TIMEOUT * 1000)
        stylesheet.write_text("h1 { letter-spacing: 5px }\n", encoding="utf-8")
        page.wait_for_function("() => getComputedStyle(document.querySelector('h1')).letterSpacing === '5px'",
                               timeout=CHANGE_TIMEOUT * 1000)
        assert page.evaluate("() => window.notReloaded") is True  # restyled in place

        event.write_text(event.read_text(encoding="utf-8").replace("Rapat orang tua", "Rapat komite"),
                         encoding="utf-8")
        expect(page.locator("h1")).to_have_text("Rapat komite", timeout=CHANGE_TIMEOUT * 1000)
        assert page.evaluate("() => window.notReloaded === undefined")  # the page itself reloaded
    finally:
        page.close()


def test_the_watcher_notices_a_same_size_edit_whose_modification_time_was_set_back(tiny: TinySite) -> None:
    event = tiny.root / "content/events/rapat.md"
    before_status = event.stat()
    before = sources_state(tiny.root)
    event.write_text(event.read_text(encoding="utf-8").replace("Rapat orang tua", "Rapat Orang Tua"), encoding="utf-8")
    os.utime(event, ns=(before_status.st_atime_ns, before_status.st_mtime_ns))
    assert (event.stat().st_size, event.stat().st_mtime_ns) == (before_status.st_size, before_status.st_mtime_ns)
    assert sources_state(tiny.root) != before
