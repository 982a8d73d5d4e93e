"""Preview: build with drafts into .dev-site/, serve it on 127.0.0.1, rebuild on change.

The loaded site stays in memory: a save reads again only the changed files, renders only the pages
whose inputs changed and writes only the files whose bytes changed (incremental.update_site); the
browser then reloads, or only re-fetches its stylesheets when nothing but CSS changed. The search
index is made again in a thread a moment later, so the page does not wait for it.

Only files of the preview folder are served (no symlink out, no hidden file); a URL that cannot
name a file gets 400 or the site's own 404 page, never a server error. While the last rebuild
failed, every page shows its problems instead, and live reload brings the site back once fixed.
"""

from __future__ import annotations

import errno
import gc
import html
import mimetypes
import os
import shutil
import socket
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from livereload import Server
from livereload.handlers import LiveReloadHandler
from livereload.watcher import Watcher
from tornado import ioloop, web

from sitegen.cache import CACHE_DIR
from sitegen.errors import BuildFailed, error, report
from sitegen.frame import FRAME
from sitegen.incremental import Memory, update_site
from sitegen.models.bodies import Bodies
from sitegen.pipeline import Options
from sitegen.sources import CONTROL, file_status
from sitegen.write.search import index_site

PREVIEW_DIR = ".dev-site"
WATCHED = ("content", "layouts", "static", "site.yaml")
TYPES = {".js": "text/javascript", ".mjs": "text/javascript", ".css": "text/css", ".wasm": "application/wasm",
         ".html": "text/html; charset=utf-8", ".xml": "application/xml", ".json": "application/json",
         ".ics": "text/calendar; charset=utf-8", ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml"}
POLL_SECONDS = 0.2  # how often the sources are looked at for a change (about 13 ms of CPU at 1,000 items)
SEARCH_DELAY = 1.0  # seconds after a rebuild before its search index is made: a burst of saves makes one
PAGE = "index.html"  # the path sent to reload the page (livereload reloads only stylesheets for a .css path)


class Search:
    """The preview's Pagefind index, made again in a thread after each rebuild; a newer rebuild stops it."""

    def __init__(self, folder: Path, delay: float = SEARCH_DELAY) -> None:
        self.folder = folder
        self.delay = delay
        self.lock = threading.Lock()  # held by whoever writes into the preview folder
        self._generation = 0
        self._timer: threading.Timer | None = None
        self.behind = False  # an index was started and not swapped in: the pages may not match the index

    def start(self, pages: list[str], language: str) -> None:
        """Index `pages` (output paths) of the preview folder after the delay, unless cancelled first."""
        self.cancel()
        self.behind = True
        self._timer = threading.Timer(self.delay, self._index, (self._generation, pages, language))
        self._timer.daemon = True
        self._timer.start()

    def cancel(self) -> None:
        self._generation += 1
        if self._timer is not None:
            self._timer.cancel()

    def wait(self) -> None:
        """Until the index started last is written (or stopped)."""
        if self._timer is not None:
            self._timer.join()

    def _index(self, generation: int, pages: list[str], language: str) -> None:
        def stale() -> bool:
            return generation != self._generation

        # Beside the preview folder, to be renamed into it; git-ignored, removed whatever happens.
        work = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.search-", dir=self.folder.parent))
        try:
            index_site(work, language, pages, stop=stale, source=self.folder)
            with self.lock:
                if stale() or not (work / "pagefind").is_dir():
                    return
                if (self.folder / "pagefind").exists():
                    (self.folder / "pagefind").rename(work / "old")
                (work / "pagefind").rename(self.folder / "pagefind")
                self.behind = False
        except OSError as exc:  # a full disk, a page removed by a newer rebuild meanwhile
            if not stale():
                sys.stderr.write(report(BuildFailed([error(self.folder.name, None, None, "output_write_failed",
                                                           problem=str(exc))], language))[1])
        finally:
            shutil.rmtree(work, ignore_errors=True)


@dataclass
class Preview:
    """What the server shows: the preview folder, or the problems of the last rebuild; what it keeps between them."""

    folder: Path
    failure: BuildFailed | None = None
    memory: Memory = field(default_factory=Memory)
    search: Search | None = None

    def __post_init__(self) -> None:
        if self.search is None:
            self.search = Search(self.folder)


def rebuild(root: Path, options: Options, preview: Preview) -> str | None:
    """Bring the preview up to date with the sources; what the browser reloads: a stylesheet's path when only
    stylesheets changed, PAGE for the page, None when nothing it shows changed."""
    assert preview.search is not None
    failed = preview.failure is not None
    preview.search.cancel()
    try:
        with preview.search.lock:
            update = update_site(root, options, preview.memory)
    except BuildFailed as exc:
        preview.failure = exc
        sys.stderr.write(report(exc)[1])
        return PAGE  # the problems, or other problems than before
    preview.failure = None
    config = update.built.config
    print(FRAME[config.language]["built"].format(path=PREVIEW_DIR, pages=update.page_count))
    # A whole write made its index. A rebuild that wrote nothing still starts the index that it stopped, if that
    # one was not done: the search page may already list bundles of the search index that only it would make.
    if update.whole:
        preview.search.behind = False
    elif update.written or preview.search.behind:
        preview.search.start(update.searched, config.language)
    if not update.written:
        return PAGE if failed else None
    if not failed and all(name.endswith(".css") for name in update.written):
        return update.written[0]
    return PAGE


def serve(root: Path, options: Options, port: int, language: str = "id") -> int:
    """Serve until interrupted; a failed rebuild is shown in the browser and the last good site stays on disk."""
    words = FRAME.get(language, FRAME["id"])
    if not _is_free(port):
        print(words["port_busy"].format(port=port, other=port + 1 if port < 65535 else 8000), file=sys.stderr)
        return 2
    options = replace(options, base_url=f"http://127.0.0.1:{port}/", output_dir=PREVIEW_DIR)
    cache = root.resolve() / CACHE_DIR if options.cache else None
    preview = Preview(root.resolve() / PREVIEW_DIR, memory=Memory(bodies=Bodies(cache)))
    watcher = _Sources(root, lambda: rebuild(root, options, preview))
    rebuild(root, options, preview)
    # What the first build loaded stays for the session (the loading of every file, kept for the next rebuilds);
    # each full collection of the cyclic garbage collector during a rebuild walked all of it (50-100 ms at
    # 1,000 items). Collected once here and set aside, so that later collections look only at newer objects.
    gc.collect()
    gc.freeze()
    server = _PreviewServer(preview, watcher)
    for name in WATCHED:
        server.watch(str(root / name))  # what livereload lists; _Sources looks at them itself
    print(f"http://127.0.0.1:{port}/  (Ctrl+C)", file=sys.stderr)
    try:
        server.serve(host="127.0.0.1", port=port, open_url_delay=None)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(words["port_busy"].format(port=port, other=port + 1 if port < 65535 else 8000), file=sys.stderr)
        return 2
    return 0


def _is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def sources_state(root: Path) -> dict[str, tuple[int, int, int, int]]:
    """The status (file_status) of every file serve watches, by path: compared to notice a save."""
    state = {}
    for name in WATCHED:
        top = root / name
        if top.is_file():
            state[name] = file_status(top)
        for folder, _, files in os.walk(top):
            for file in files:
                path = os.path.join(folder, file)
                try:
                    state[path] = file_status(path)
                except OSError:
                    continue  # removed meanwhile
    return state


class _Sources(Watcher):  # type: ignore[misc]
    """livereload's watcher, looking at the sources every POLL_SECONDS: one rebuild per change however many
    files it touched, and the reload path that rebuild chose."""

    def __init__(self, root: Path, rebuild: Callable[[], str | None]) -> None:
        super().__init__()
        self.root = root
        self.rebuild = rebuild
        self.seen = sources_state(root)  # before the first build: a save during it is a change

    def start(self, callback: Callable[[], None]) -> bool:
        ioloop.PeriodicCallback(callback, POLL_SECONDS * 1000).start()
        return True

    def examine(self) -> tuple[str | None, float | None]:
        if self._changes:  # livereload's own first message
            return self._changes.pop()  # type: ignore[no-any-return]
        state = sources_state(self.root)
        if state == self.seen:
            return None, None
        self.seen = state
        self.filepath = self.rebuild()
        return self.filepath, None


class _PreviewServer(Server):  # type: ignore[misc]
    """livereload's server with our handler for everything but its own /livereload URLs."""

    def __init__(self, preview: Preview, watcher: Watcher) -> None:
        super().__init__(watcher=watcher)
        self.preview = preview
        # livereload tells no browser of a change within 3 s of its last reload (meant for many files saved
        # at once); here every change is one finished rebuild, so every rebuild reloads the page.
        LiveReloadHandler.DEFAULT_RELOAD_TIME = 0

    def get_web_handlers(self, script: bytes) -> list[tuple[str, type[web.RequestHandler], dict[str, Any]]]:
        return [(r"/(.*)", PreviewHandler, {"preview": self.preview})]


class PreviewHandler(web.RequestHandler):
    """GET and HEAD of files in the preview folder, the error page, or the site's 404 page."""

    def initialize(self, preview: Preview) -> None:
        self.preview = preview

    def set_default_headers(self) -> None:
        self.set_header("Cache-Control", "no-store")

    def head(self, path: str) -> None:
        self.get(path)

    def get(self, path: str) -> None:
        if CONTROL.search(path) or "\\" in path:
            self._send(400, b"Bad Request\n", "text/plain; charset=utf-8")
            return
        parts = [part for part in path.split("/") if part]
        if any(part.startswith(".") for part in parts):
            self._not_found()
            return
        if self.preview.failure is not None and _is_page(path):
            self._send(503, error_page(self.preview.failure), TYPES[".html"])
            return
        folder = self.preview.folder
        target = folder.joinpath(*parts)
        try:
            is_folder = target.is_dir()
        except OSError:  # a name too long for the file system, for example
            is_folder = False
        if is_folder and parts and not path.endswith("/"):
            self.redirect(self.request.path + "/", permanent=True)
            return
        if is_folder:
            target = target / "index.html"
        data = _read_inside(folder, target)
        if data is None:
            self._not_found()
            return
        self._send(200, data, TYPES.get(target.suffix.lower()) or mimetypes.guess_type(target.name)[0]
                   or "application/octet-stream")

    def _not_found(self) -> None:
        page = _read_inside(self.preview.folder, self.preview.folder / "404.html")
        self._send(404, page or b"404 Not Found\n", TYPES[".html"] if page else "text/plain; charset=utf-8")

    def _send(self, status: int, data: bytes, content_type: str) -> None:
        self.set_status(status)
        self.set_header("Content-Type", content_type)
        if self.request.method != "HEAD":
            self.write(data)


def _is_page(path: str) -> bool:
    """A URL a browser shows as a page: a folder or an .html file."""
    name = path.rsplit("/", 1)[-1]
    return not name or name.endswith(".html") or "." not in name


def _read_inside(folder: Path, target: Path) -> bytes | None:
    """The bytes of a regular file whose real path is inside the preview folder, or None."""
    try:
        real = target.resolve(strict=True)
        inside = folder.resolve(strict=True)
    except (OSError, RuntimeError, ValueError):
        return None
    if inside not in real.parents or not real.is_file():
        return None
    try:
        with open(real, "rb", opener=lambda p, flags: os.open(p, flags | os.O_NONBLOCK)) as file:
            return file.read()
    except OSError:
        return None


def error_page(failure: BuildFailed) -> bytes:
    """The problems of a failed rebuild as a page; live reload replaces it once the build succeeds."""
    words = FRAME.get(failure.language, FRAME["id"])
    problems = "\n".join(f"<li><pre>{html.escape(p.format(failure.language))}</pre></li>" for p in failure.errors)
    page = (
        f'<!DOCTYPE html>\n<html lang="{failure.language}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(words['preview_failed'])}</title>\n"
        "<style>body{font-family:system-ui,sans-serif;margin:1rem;max-width:60rem;line-height:1.5}"
        "pre{white-space:pre-wrap;background:#fef2f2;border-left:4px solid #b91c1c;padding:.5rem 1rem}"
        "ul{padding:0;list-style:none}</style>\n</head>\n<body>\n"
        f"<h1>{html.escape(words['preview_failed'])}</h1>\n<p>{html.escape(words['preview_fix'])}</p>\n"
        f'<ul class="problems">\n{problems}\n</ul>\n</body>\n</html>\n'
    )
    return page.encode("utf-8")
