"""The example site built for a project-site base path and served like GitHub Pages, plus Chromium.

``example_under_prefix()`` builds and serves the example site once per test session, for every
module that asks (see its docstring for the fixture to put in a module).

GitHub Pages behaviour that matters to links is imitated: the site lives under ``/nama-repo/``,
``/nama-repo/agenda`` redirects to ``/nama-repo/agenda/``, a folder serves its ``index.html``, and any
unknown address under the prefix answers 404 with the site's own ``404.html``. Text is sent gzipped
when the client accepts it, as GitHub Pages does.

``chromium()`` starts Debian's Chromium (or CHROME_PATH) through Playwright: the session's one browser,
conftest's ``browser`` fixture. ``node_tool()`` finds the npm tools installed by ``npm ci``.
"""

from __future__ import annotations

import contextlib
import gzip
import http.client
import mimetypes
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from conftest import EXAMPLE, REPO, TODAY, cli, copy_example

PREFIX = "/nama-repo/"
NODE_MODULES = REPO / "node_modules"

# Debian's Chromium; CHROME_PATH (also read by Lighthouse) may name another Chromium or Chrome.
CHROMIUM = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Playwright's Chromium: its own --disable-features list (Playwright 1.65), to which a second --disable-features
# would not add but replace, and the address bar's WebUI pop-ups, which full Chromium loads in a renderer of their
# own for every window it opens (a test's page is a window): that renderer took about 18 of the suite's CPU
# seconds and no test uses the address bar.
PLAYWRIGHT_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-features=" + ",".join([
        "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
        "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
        "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
        "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
        "WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup", "PreloadTopChromeWebUI",
    ]),
]

TEXT_TYPES = ("text/", "application/javascript", "application/json", "application/xml",
              "application/atom+xml", "image/svg+xml", "application/manifest+json")
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}


def is_text(content_type: str) -> bool:
    return content_type.startswith(TEXT_TYPES)


# --- the server --------------------------------------------------------------------------


@dataclass(frozen=True)
class ServedSite:
    """A built site and the local address it is served at."""

    root: Path  # the built folder (_site)
    origin: str  # "http://127.0.0.1:43123"
    prefix: str = PREFIX  # "/nama-repo/"

    @property
    def base_url(self) -> str:
        return self.origin + self.prefix

    def url(self, path: str = "") -> str:
        """'agenda/' -> 'http://127.0.0.1:43123/nama-repo/agenda/'."""
        return self.base_url + path.lstrip("/")

    def pages(self) -> list[str]:
        """Every HTML page as a site path: '' (home), 'agenda/', '404.html', ..."""
        found = []
        for file in sorted(self.root.rglob("*.html")):
            rel = file.relative_to(self.root).as_posix()
            if rel.startswith("pagefind/"):
                continue
            found.append(rel.removesuffix("index.html") if rel.endswith("index.html") else rel)
        return found


def resolve(root: Path, prefix: str, path: str) -> tuple[int, Path | None, str | None]:
    """What GitHub Pages answers for `path`: (status, file to send, redirect location)."""
    path = unquote(path)
    if path == prefix.rstrip("/"):
        return 301, None, prefix
    if not path.startswith(prefix):
        return 404, None, None  # another site of the same host: not ours
    rel = path[len(prefix):]
    target = (root / rel).resolve()
    if not target.is_relative_to(root.resolve()):
        return 404, None, None
    if target.is_dir():
        if not path.endswith("/"):
            return 301, None, path + "/"
        if (target / "index.html").is_file():
            return 200, target / "index.html", None
    elif target.is_file() and not path.endswith("/"):
        return 200, target, None
    elif target.with_name(target.name + ".html").is_file() and not path.endswith("/"):
        return 200, target.with_name(target.name + ".html"), None
    not_found = root / "404.html"
    return 404, not_found if not_found.is_file() else None, None


def content_type(file: Path) -> str:
    suffix = file.suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(file.name)[0] or "application/octet-stream"


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _PagesServer

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def _answer(self, send_body: bool) -> None:
        status, file, location = resolve(self.server.root, self.server.prefix, urlsplit(self.path).path)
        if location:
            self.send_response(status)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if file is None:
            body, kind = b"Not Found", "text/plain; charset=utf-8"
        else:
            body, kind = file.read_bytes(), content_type(file)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", "max-age=600")
        if is_text(kind):
            self.send_header("Vary", "Accept-Encoding")
            if "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6, mtime=0)
                self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: pytest shows failures, not every request


class _PagesServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, sock: socket.socket, root: Path, prefix: str) -> None:
        super().__init__(sock.getsockname(), _Handler, bind_and_activate=False)
        self.socket.close()
        self.socket = sock
        self.root = root
        self.prefix = prefix


def free_socket() -> socket.socket:
    """A listening socket on 127.0.0.1 with a port the system chose (known before the build)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(64)
    return sock


@contextlib.contextmanager
def serve(root: Path, sock: socket.socket, prefix: str = PREFIX) -> Iterator[ServedSite]:
    """Serve `root` under `prefix` on `sock` until the block ends."""
    server = _PagesServer(sock, root, prefix)
    thread = threading.Thread(target=server.serve_forever, name="pages-server", daemon=True)
    thread.start()
    try:
        host, port = sock.getsockname()[:2]
        yield ServedSite(root, f"http://{host}:{port}", prefix)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def build_example(project: Path, base_url: str, sources: Path | None = None) -> Path:
    """Copy the example sources (or a school's `sources`, as of the real today) to `project` and build them
    as an editor would: `build.py build --base-url` (conftest.cli: in this process, no Python start)."""
    copy_example(project, sources or EXAMPLE)
    result = cli(project, "build", *(() if sources else ("--today", TODAY)), "--base-url", base_url)
    assert result.returncode == 0, f"build failed:\n{result.stdout}{result.stderr}"
    return project / "_site"


_served: dict[str, ServedSite] = {}


def example_under_prefix(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, sources: Path | None = None
) -> ServedSite:
    """The example site built with --base-url http://127.0.0.1:<port>/nama-repo/ and served there.

    Built and started once per test session, whichever module asks first; call it from a session
    fixture of your module (the server stops when the session ends):

        @pytest.fixture(scope="session")
        def site_under_prefix(request, tmp_path_factory):
            return example_under_prefix(request, tmp_path_factory)
    """
    key = str(sources or "example")
    if key not in _served:
        sock = free_socket()
        try:
            host, port = sock.getsockname()[:2]
            root = build_example(tmp_path_factory.mktemp("prefix"), f"http://{host}:{port}{PREFIX}", sources)
        except BaseException:
            sock.close()
            raise
        running = serve(root, sock)
        _served[key] = running.__enter__()

        def stop() -> None:
            del _served[key]
            running.__exit__(None, None, None)

        request.session.config.add_cleanup(stop)
    return _served[key]


# --- plain HTTP ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    content_type: str
    body: bytes  # decoded (gunzipped) bytes
    location: str | None


def fetch(url: str) -> Answer:
    """GET `url` without following redirects; the body decompressed."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port or 80, timeout=30)
    try:
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        connection.request("GET", target or "/", headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        if response.getheader("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        return Answer(response.status, response.getheader("Content-Type", ""), body,
                      response.getheader("Location"))
    finally:
        connection.close()


# --- tools the quality gates need -------------------------------------------------------


def node_tool(relative: str) -> Path:
    """A file of an npm package installed by `npm ci`; skip when it is not there."""
    path = NODE_MODULES / relative
    if not path.exists():
        pytest.skip(f"{relative} is not installed: run `npm ci` in {REPO} (see README)")
    return path


def require_chromium() -> str:
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"no Chromium at {CHROMIUM}: `apt-get install chromium` (Debian) or set CHROME_PATH")
    return CHROMIUM


@contextlib.contextmanager
def shared_context(browser: Any, **options: Any) -> Iterator[Any]:
    """A browser context that several tests open their pages in, with `options` (viewport, JavaScript ...).

    It keeps a blank page open: Chromium opens each page of a context that has one as a tab of the same window,
    which costs it about half of what a page of its own window does (a window is made for the first page of a
    context, and again whenever its last page was closed).
    """
    context = browser.new_context(**options)
    try:
        context.new_page()
        yield context
    finally:
        context.close()


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium driven by Playwright in this thread; never downloads a browser.

    Tests take the session's one Chromium, the `browser` fixture of conftest.py, made with this: Playwright's
    sync API cannot start a second Playwright in a thread where one is running.
    """
    executable = require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: .venv/bin/pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=PLAYWRIGHT_ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
