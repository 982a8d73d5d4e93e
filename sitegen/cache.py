"""The build cache: results of slow, pure steps kept between builds in `.sitegen-cache/` beside site.yaml.

Every entry is keyed by a hash of everything its value depends on (the input, the settings and the
source code that made it), so an entry is never stale: any change makes a new key; each value is stored behind
the SHA-256 of its text, so a damaged one is never used (it is made again). A build keeps only
the entries it used, of the kinds it looked up (a `check` keeps the pages' entries, which it does not
look up). The cache only saves time: when its folder cannot be written or its file is damaged, the
build runs without it and writes the same bytes.
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

import jinja2

CACHE_DIR = ".sitegen-cache"  # beside site.yaml; git-ignored
DATABASE = "cache.sqlite3"
TEMPLATES = "templates"  # Jinja's compiled templates, checked against their source by Jinja itself
FLUSH_AT = 4 << 20  # characters of new values held before they are written out: a large site's are not all held


def fingerprint(*parts: str | bytes) -> str:
    """A hash of the parts, each length-prefixed so that ("ab", "c") and ("a", "bc") differ."""
    return fingerprint_all(parts)


def fingerprint_all(parts: Iterable[str | bytes]) -> str:
    """fingerprint(*parts) of parts taken one by one: the written pages, read as they are hashed."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def source_of(module_file: str) -> bytes:
    """The source code of a module: part of the key of what it computes."""
    return Path(module_file).read_bytes()


class BuildCache:
    """Text values by (kind, key); on disk in `folder`, or for this build only when `folder` is None."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._memory: dict[tuple[str, str], str] = {}
        self._held = 0  # characters in _memory
        self._used: set[tuple[str, str]] = set()
        self._db: sqlite3.Connection | None = None
        self._opened = False  # the folder is made at the first look-up: a refused build writes nothing

    def _database(self) -> sqlite3.Connection | None:
        if not self._opened and self.folder is not None:
            self._opened = True
            self._db = _open(self.folder)
        return self._db

    def get(self, kind: str, key: str) -> str | None:
        """The value stored for (kind, key), or None."""
        self._used.add((kind, key))
        if (kind, key) in self._memory:
            return self._memory[(kind, key)]
        db = self._database()
        if db is None:
            return None
        row = db.execute("SELECT value FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone()
        return None if row is None else _unsealed(str(row[0]))

    def keep(self, kind: str, key: str) -> None:
        """Keep the entry of (kind, key), if there is one, for the next build without reading it: an entry no
        build asked for is dropped when the cache is saved, if its kind was asked for."""
        self._used.add((kind, key))

    def has(self, kind: str, key: str) -> bool:
        """Whether a value is stored for (kind, key), without reading it (a later get() does); like get(), it
        keeps the entry for the next build."""
        self.keep(kind, key)
        if (kind, key) in self._memory:
            return True
        db = self._database()
        return db is not None and db.execute(
            "SELECT 1 FROM entries WHERE kind = ? AND key = ?", (kind, key)).fetchone() is not None

    def put(self, kind: str, key: str, value: str) -> None:
        """Keep a value for the rest of this build and, when saved, for the next ones."""
        self._used.add((kind, key))
        self._memory[(kind, key)] = value
        self._held += len(value)
        if self._held > FLUSH_AT and self._database() is not None:
            self._write()

    def kept(self, kind: str, key: str, make: Callable[[], str]) -> str:
        """The value stored for (kind, key); made by `make` and kept when there is none."""
        stored = self.get(kind, key)
        if stored is None:
            stored = make()
            self.put(kind, key, stored)
        return stored

    def templates(self) -> jinja2.BytecodeCache | None:
        """Jinja's compiled templates, kept in the cache folder; None without one.

        Jinja checks a compiled template against its source; the folder is named after the generator's
        code, whose environment options compile it. No build setting is folded into the compiled code:
        the filters that depend on one take the context (render.make_environment).
        """
        if self.folder is None or self._database() is None:
            return None
        parent = self.folder / TEMPLATES
        folder = parent / generator_code()[:32]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for other in parent.iterdir():
                if other != folder and other.is_dir() and not other.is_symlink():
                    shutil.rmtree(other)  # compiled by an earlier version of the generator
        except OSError:
            return None
        return jinja2.FileSystemBytecodeCache(str(folder))

    def save(self) -> None:
        """Write the new entries and drop the ones this build did not use, of the kinds it looked up: `check`,
        which makes no page or search index, keeps those for the next `build`."""
        db = self._database() if self._used else None
        if db is None or not self._write():
            return
        kinds = {kind for kind, _ in self._used}
        try:
            with db:
                stored = db.execute("SELECT kind, key FROM entries").fetchall()
                unused = [(kind, key) for kind, key in stored if kind in kinds and (kind, key) not in self._used]
                db.executemany("DELETE FROM entries WHERE kind = ? AND key = ?", unused)
        except sqlite3.Error:
            return  # a full disk or a locked file: the unused entries go with a later build

    def _write(self) -> bool:
        """Write the values held in memory to the database (which then answers for them); False on failure."""
        assert self._db is not None
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO entries (kind, key, value) VALUES (?, ?, ?)",
                    ((kind, key, _sealed(value)) for (kind, key), value in sorted(self._memory.items())),
                )
        except sqlite3.Error:
            return False  # a full disk or a locked file: the next build computes these again
        finally:
            self._memory.clear()
            self._held = 0
        return True

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _sealed(value: str) -> str:
    """A value as the database keeps it: behind the SHA-256 of its text, which get() checks."""
    return f"{hashlib.sha256(value.encode()).hexdigest()} {value}"


def _unsealed(stored: str) -> str | None:
    """The value of a stored entry; None when its text does not match its SHA-256 (damaged, or written by
    another program): such an entry is as good as missing, and what it held is made again."""
    digest, _, value = stored.partition(" ")
    return value if hashlib.sha256(value.encode()).hexdigest() == digest else None


def _generator_sources() -> list[bytes]:
    """The generator's own code, which filters and globals of the templates run."""
    return [path.read_bytes() for path in sorted(Path(__file__).parent.rglob("*.py"))]


def generator_code() -> str:
    """A hash of the generator's own code: part of the key of a value many of its modules make."""
    return fingerprint(*_generator_sources())


def _open(folder: Path) -> sqlite3.Connection | None:
    """The cache database in `folder`, created when absent and again when damaged; None when impossible."""
    path = folder / DATABASE
    for _attempt in range(2):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, timeout=5)
        except (OSError, sqlite3.Error):
            return None
        try:
            db.execute("CREATE TABLE IF NOT EXISTS entries (kind TEXT, key TEXT, value TEXT, PRIMARY KEY (kind, key))")
            return db
        except sqlite3.OperationalError:  # locked by another build, or read-only: build without it
            db.close()
            return None
        except sqlite3.DatabaseError:  # not a database (damaged, or some other file): start afresh
            db.close()
            try:
                path.unlink(missing_ok=True)
            except OSError:
                return None
    return None
