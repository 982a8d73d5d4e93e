"""The HTML of Markdown bodies, kept in a temporary file rather than in memory: a build's memory does not grow
with the site's text (docs/performance.md, "Memory")."""

from __future__ import annotations

import os
import tempfile
import threading
import weakref
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

COMPACT_FROM = 4 << 20  # bytes of bodies no longer used before serve's store is written anew


@dataclass(frozen=True)
class Body:
    """One body's sanitized HTML, read from its store when a page shows it. Two bodies are equal, and digest
    alike, when their keys are: the key names the Markdown text and everything its HTML depends on."""

    key: str  # the converter's cache key: a SHA-256 of the text, the converter's code and the base path
    store: Bodies = field(compare=False, repr=False)

    @property
    def html(self) -> str:
        return self.store.read(self.key)


class Bodies:
    """Bodies' HTML by key, appended to an unnamed temporary file (the system deletes it once closed) and read
    back by offset. Forked render workers read the file they inherit with os.pread, which moves no offset they
    share. A body that cannot be written there (no temporary folder, a full disk) is kept in memory instead."""

    def __init__(self, folder: Path | None = None) -> None:
        self._folder = folder  # where the file goes (the build cache's folder, on disk) when it can; else the
        # system's temporary folder, which may be held in memory (tmpfs)
        self._file: BinaryIO | None = None
        self._opened = False  # the file is made with the first body: a build that converts none makes none
        self._close: weakref.finalize[[], Bodies] | None = None  # closes the file, at the latest with this store
        self._size = 0  # bytes in the file
        self._places: dict[str, tuple[int, int]] = {}  # offset and length by key; a negative offset: in _memory
        self._memory: dict[int, bytes] = {}
        self._lock = threading.Lock()  # for writes, and reads without pread: a build has threads

    def add(self, key: str, html: str) -> Body:
        with self._lock:
            if key not in self._places:  # a body converted again is not written twice
                self._places[key] = self._write(html.encode())
        return Body(key, self)

    @property
    def size(self) -> int:
        """Bytes of HTML held, in the file and in memory."""
        return self._size + sum(map(len, self._memory.values()))

    def read(self, key: str) -> str:
        if hasattr(os, "pread"):
            return self._read(self._places[key]).decode()
        with self._lock:  # seek, then read: one thread at a time
            return self._read(self._places[key]).decode()

    def keep_only(self, keys: Collection[str]) -> None:
        """Let go of the bodies not in `keys` (serve, after each update: those its loaded files no longer have)
        once they take more room than the others and COMPACT_FROM: the others are then written into a new file.
        Until then every body stays readable; so does every body when the old file cannot be read back."""
        with self._lock:
            kept = {key: self._places[key] for key in sorted(set(keys)) if key in self._places}
            if self.size <= 2 * sum(length for _, length in kept.values()) + COMPACT_FROM:
                return
            try:
                texts = {key: self._read(place) for key, place in kept.items()}
            except OSError:
                return
            close = self._close
            self._file, self._opened, self._close, self._size, self._places, self._memory = None, False, None, 0, {}, {}
            for key, data in texts.items():
                self._places[key] = self._write(data)
            if close is not None:
                close()

    def _read(self, place: tuple[int, int]) -> bytes:
        offset, length = place
        if offset < 0:
            return self._memory[offset]
        assert self._file is not None
        if hasattr(os, "pread"):
            return os.pread(self._file.fileno(), length, offset)
        self._file.seek(offset)  # without pread (Windows) there is no fork either: one process, one offset
        return self._file.read(length)

    def _write(self, data: bytes) -> tuple[int, int]:
        if not self._opened:
            self._opened = True
            for folder in dict.fromkeys((self._folder, None)):
                try:
                    self._file = tempfile.TemporaryFile(prefix="sitegen-bodies-", buffering=0, dir=folder)  # noqa: SIM115
                except OSError:
                    continue
                self._close = weakref.finalize(self, self._file.close)  # closes it (SIM115)
                break
        if self._file is not None and self._written(self._file, data):
            place = (self._size, len(data))
            self._size += len(data)
            return place
        offset = -1 - len(self._memory)
        self._memory[offset] = data
        return offset, len(data)

    def _written(self, file: BinaryIO, data: bytes) -> bool:
        """Whether `data` went whole to the end of the file."""
        try:
            if hasattr(os, "pwrite"):
                return os.pwrite(file.fileno(), data, self._size) == len(data)
            file.seek(self._size)
            return file.write(data) == len(data)
        except OSError:
            return False
