"""Search: a Pagefind index of the written pages, made inside the staging folder before the swap."""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import os
import subprocess
import zlib
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from importlib.metadata import version
from itertools import chain
from pathlib import Path
from typing import Any

from pagefind.service import get_executable

from sitegen.cache import BuildCache, fingerprint_all, source_of
from sitegen.models.urls import Urls
from sitegen.write.output import Previous, link_unchanged

CACHE_KIND = "search"  # in the build cache: the index's files (name: SHA-256), by the pages it was made of
FILE_KIND = "search-file"  # and each file, by that key and its name: one held at a time
AHEAD = 32  # pages sent before their answers are read: the answers (~300 bytes each) fit a pipe's buffer
# Parts of a page that are not its content: sharing text, menus, filters.
IGNORED = [".share", ".page-menu", ".filters", ".month-nav", ".add-calendar", "nav"]
BUNDLE_PARTS = (".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter")  # a merged bundle's files, with its entry


class IndexIncomplete(OSError):
    """The index on disk is not what Pagefind made (a full disk, a file cut short)."""


def index_site(
    folder: Path,
    language: str,
    pages: Iterable[str],
    cache: BuildCache | None = None,
    stop: Callable[[], bool] | None = None,
    source: Path | None = None,
    digests: Mapping[str, str] | None = None,
    previous: Path | None = None,
) -> None:
    """Write folder/pagefind/: the index of the written `pages` (output paths under `source`, by default
    `folder`: the pages whose content base.html marks data-pagefind-body).

    The pages are shared out among the bundles of Urls.search_bundles, each its own Pagefind index
    ('pagefind/', 'pagefind/2/' ...; the search page merges them), made by Pagefind processes
    side by side, one per core. Each bundle's pages are added one by one in sorted order, so the index is the
    same bytes on any file system (Pagefind's own directory walk follows the file system's order), and no more
    than one page is held at a time. Raises IndexIncomplete when a file of the written index is cut short. A
    bundle none of whose pages changed since a build that kept it in `cache` (pages are compared by their
    SHA-256, from `digests` where it has them) is written again from there instead, each file linked from the
    `previous` output where it still has the same bytes: an edit makes only its own bundle again. When `stop()`
    turns true (serve: a newer rebuild came) indexing ends early and the folder is not whole.
    """
    source = source or folder
    known = digests or {}
    found = Urls.search_bundles(name for name in pages if name.endswith(".html"))
    bundles, shares = [url.strip("/") for url in found], list(found.values())
    old = Previous(previous) if previous is not None else None
    todo = []
    for number, (bundle, share) in enumerate(zip(bundles, shares, strict=True)):
        key = fingerprint_all(chain((source_of(__file__), version("pagefind"), language, bundle), (
            part for name in share
            for part in (name, known.get(name) or hashlib.sha256((source / name).read_bytes()).hexdigest()))))
        stored = cache.get(CACHE_KIND, key) if cache is not None else None
        if cache is None or stored is None or not _restore(folder, bundle, cache, key, json.loads(stored), old):
            todo.append((number, key))
    workers = min(len(todo), os.cpu_count() or 1)
    with ThreadPoolExecutor(max(1, workers)) as pool:  # each thread waits on its own Pagefind process
        made = pool.map(lambda job: _make_index(language, shares[job[0]], source, job[0] == 0, stop), todo)
        for (number, key), files in zip(todo, made, strict=True):
            if files is None:  # stopped
                return
            written = {}
            for name, text in files.items():  # one file decoded at a time
                data = base64.b64decode(text)
                _write(folder / bundles[number], name, data)
                written[name] = hashlib.sha256(data).hexdigest()
            verify_index(folder / bundles[number], written)
            if cache is not None:  # only a whole bundle
                for name, text in files.items():
                    cache.put(FILE_KIND, f"{key}/{name}", text)
                cache.put(CACHE_KIND, key, json.dumps(dict(sorted(written.items()))))


def _make_index(
    language: str, html: list[str], source: Path, first: bool, stop: Callable[[], bool] | None = None
) -> dict[str, str] | None:
    """Pagefind's index of the pages under `source` named in `html`, in that order: its files by path, in base64
    as Pagefind gives them (and the cache keeps them); None when stopped. Only the `first` bundle keeps Pagefind's
    scripts and WebAssembly (the others are merged into it in the browser: their entry, metadata, word index and
    fragments are all they need)."""
    config = {"exclude_selectors": IGNORED, "force_language": language}
    with _Service() as service:
        index = service.send({"type": "NewIndex", "config": config}, "NewIndex")["index_id"]
        # Pagefind handles its requests in the order they come: the pages go a few ahead of the answers,
        # so that a busy machine's delay in each round trip is not paid once per page.
        waiting = 0
        for name in html:
            if stop is not None and stop():
                return None
            service.post({"type": "AddFile", "index_id": index, "url": Urls.of_output(name),
                          "file_contents": (source / name).read_text(encoding="utf-8"), "file_path": None})
            waiting += 1
            if waiting == AHEAD:
                service.answer("IndexedFile")
                waiting -= 1
        for _ in range(waiting):
            service.answer("IndexedFile")
        # Pagefind's own WriteFiles answers before its files are all on disk, and it stops when its input
        # closes: the files are asked for instead, and written here, whole.
        files = service.send({"type": "GetFiles", "index_id": index}, "GetFiles")["files"]
    return {file["path"]: file["content"] for file in files
            if first or file["path"] == "pagefind-entry.json" or file["path"].endswith(BUNDLE_PARTS)}


def _restore(
    folder: Path, bundle: str, cache: BuildCache, key: str, files: dict[str, str], previous: Previous | None
) -> bool:
    """Write the bundle kept under `key` (its files' SHA-256 by name) into folder/bundle, each file linked from the
    `previous` output where it is the same, else from the cache; False (and nothing written) when a file of it is
    missing from the cache (or damaged there: the cache then answers None)."""
    folders: set[Path] = set()
    written = []
    for name, expected in files.items():
        target = folder / bundle / name
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        written.append(target)
        if previous is not None and link_unchanged(previous, f"{bundle}/{name}", target, expected):
            cache.keep(FILE_KIND, f"{key}/{name}")  # for a build without this output (serve's first, a new folder)
            continue
        stored = cache.get(FILE_KIND, f"{key}/{name}")  # whole: the cache checks each value's SHA-256
        if stored is None:  # the files written so far go (not the folder: it may hold other bundles)
            for path in written:
                path.unlink(missing_ok=True)
            return False
        target.write_bytes(base64.b64decode(stored))
    return True


def _write(folder: Path, name: str, data: bytes) -> None:
    """One file of the index, by its path inside folder/."""
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


class _Service:
    """`pagefind --service`, spoken to directly: base64 JSON messages ended by ','.

    The package's asyncio client waits 0.1 s before reading each answer, which made indexing a page
    cost 0.1 s; this client sends the same messages and reads each answer as soon as it comes.
    """

    def __init__(self) -> None:
        executable = get_executable()
        if executable is None:
            raise IndexIncomplete("the Pagefind program is missing: pip install 'pagefind[bin]'")
        self._process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self._buffer = bytearray()  # appended to in place: an answer of megabytes is not copied per read
        self._last_id = 0

    def __enter__(self) -> _Service:
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._process.stdin is not None
        self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def send(self, payload: dict[str, Any], expected: str) -> dict[str, Any]:
        """One request and its answer, which must be of type `expected`."""
        self.post(payload)
        return self.answer(expected)

    def post(self, payload: dict[str, Any]) -> None:
        """Send a request; its answer comes, in order, from answer()."""
        assert self._process.stdin is not None
        self._last_id += 1
        message = {"message_id": self._last_id, "payload": payload}
        self._process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        self._process.stdin.flush()

    def answer(self, expected: str) -> dict[str, Any]:
        """The next answer, which must be of type `expected`."""
        assert self._process.stdout is not None
        searched = 0  # the buffer before this has no ',': a long answer (GetFiles: megabytes) is searched once
        while (end := self._buffer.find(b",", searched)) < 0:
            searched = len(self._buffer)
            chunk = os.read(self._process.stdout.fileno(), 1 << 20)
            if not chunk:
                raise IndexIncomplete("Pagefind stopped before it answered")
            self._buffer += chunk
        with memoryview(self._buffer) as view:  # decoded from the buffer: an answer of megabytes is not copied
            message = binascii.a2b_base64(view[:end])  # (base64.b64decode would copy it first)
        self._buffer = self._buffer[end + 1:]  # a new buffer: a long answer's space goes with the old one
        response = json.loads(message)
        result: dict[str, Any] = response["payload"]
        if result.get("type") != expected:
            raise IndexIncomplete(f"Pagefind answered {result.get('type')}: {result.get('message', '')}")
        return result


def verify_index(folder: Path, names: Iterable[str]) -> None:
    """The bundle written in `folder` as its files `names`: every compressed index file decompresses to its end,
    and the entry file is whole JSON. (A bundle linked is checked by its files' SHA-256, one written from the cache
    by the cache's check of each value.)"""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        if not isinstance(entry, dict) or "languages" not in entry:
            raise IndexIncomplete("pagefind/pagefind-entry.json is incomplete")
        for name in sorted(names):
            if ".pf_" in name:
                gzip.decompress((folder / name).read_bytes())
    except (ValueError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise IndexIncomplete(f"the search index is incomplete: {exc}") from exc
