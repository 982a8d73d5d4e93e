"""The HTML of Markdown bodies, kept in a temporary file rather than in memory: a build's memory does not grow
with the site's text (docs/performance.md, "Memory")."""

from __future__ import annotations

import os
import tempfile
import threading
import weakref
from dataclasses import dataclass, field
from typing import BinaryIO


@dataclass(frozen=True)
class Body:
    """One body's sanitized HTML, read from its store when a page shows it. Two bodies are equal, and digest
    alike, when their keys are: the key names the Markdown text and everything its HTML depends on."""

    key: str  # the converter's cache key: a SHA-256 of the text, the converter's code and the base path
    place: tuple[int, int] = field(compare=False)  # offset and length in the store; a negative offset: in memory
    store: Bodies = field(compare=False, repr=False)

    @property
    def html(self) -> str:
        return self.store.read(self.place)


class Bodies:
    """Bodies' HTML, appended to an unnamed temporary file (the system deletes it once closed) and read back by
    offset. Forked render workers read the file they inherit with os.pread, which moves no offset they share.
    A body that cannot be written there (no temporary folder, a full disk) is kept in memory instead."""

    def __init__(self) -> None:
        self._file: BinaryIO | None = None
        self._opened = False  # the file is made with the first body: a build that converts none makes none
        self._size = 0
        self._places: dict[str, tuple[int, int]] = {}  # by key: a body converted again is not written twice
        self._memory: dict[int, bytes] = {}  # by offset, negative
        self._lock = threading.Lock()  # serve's rebuilds run in threads

    def add(self, key: str, html: str) -> Body:
        with self._lock:
            place = self._places.get(key)
            if place is None:
                place = self._places[key] = self._write(html.encode())
        return Body(key, place, self)

    def read(self, place: tuple[int, int]) -> str:
        offset, length = place
        if offset < 0:
            return self._memory[offset].decode()
        assert self._file is not None
        if hasattr(os, "pread"):
            return os.pread(self._file.fileno(), length, offset).decode()
        with self._lock:  # without pread (Windows) there is no fork either: one process, one offset
            self._file.seek(offset)
            return self._file.read(length).decode()

    def _write(self, data: bytes) -> tuple[int, int]:
        if not self._opened:
            self._opened = True
            try:
                self._file = tempfile.TemporaryFile(prefix="sitegen-bodies-", buffering=0)  # noqa: SIM115 (closed by finalize)
            except OSError:
                self._file = None
            else:
                weakref.finalize(self, self._file.close)  # when the last body of this store is gone
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
