"""Source files: only the project's own regular files are listed and read, within limits, as located text."""

from __future__ import annotations

import codecs
import errno
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from sitegen.errors import BuildFailed, SiteError, error

MAX_TEXT_BYTES = 1_000_000  # a Markdown, YAML or template file: a long page is about 50 KB
MAX_STATIC_BYTES = 50_000_000  # a file under static/: GitHub Pages refuses files over 100 MB
# C0 controls except tab, line feed and carriage return; DEL; C1 controls; lone surrogates (only a
# YAML escape such as "\ud800" makes one); the two non-characters XML forbids. Pasted from Word or
# PDF they are invisible, and they make feeds invalid XML. Also the bidirectional overrides and isolates
# (U+202A-U+202E, U+2066-U+2069): invisible too, they make a title read differently than it is written.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
# What a byte that is not UTF-8 most likely was: Windows-1252, as Word and Notepad save.
_WORD_CHARACTERS = {0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x96: "–", 0x97: "—", 0x85: "…"}


@dataclass
class Listing:
    """Files found under one folder, by path relative to the project, and the problems of the others."""

    files: list[Path] = field(default_factory=list)
    problems: list[SiteError] = field(default_factory=list)


def list_files(
    root: Path,
    folder: str,
    suffixes: tuple[str, ...] | None = None,
    recursive: bool = True,
    limit: int = MAX_TEXT_BYTES,
    hidden: bool = True,
) -> Listing:
    """Regular files under root/folder, sorted by name; `suffixes` (exactly, ".md") picks which.

    A symlink is followed only to a target inside the project; a symlink out, a dangling one, a
    special file (FIFO, device, socket), a folder named like a wanted file and a file over `limit`
    bytes are problems, never read. `hidden` False leaves out files whose name starts with '.'.
    """
    listing = Listing()
    project = root.resolve()
    start = root / folder
    if start.is_symlink() or start.exists():
        _walk(project, root, start, suffixes, recursive, limit, hidden, listing, frozenset())
    listing.files.sort(key=Path.as_posix)  # every path starts with root/: the order of their paths in the project
    return listing


def _walk(
    project: Path,
    root: Path,
    folder: Path,
    suffixes: tuple[str, ...] | None,
    recursive: bool,
    limit: int,
    hidden: bool,
    listing: Listing,
    ancestors: frozenset[Path],
) -> None:
    target = _checked(project, root, folder, listing)
    if target is None or not stat.S_ISDIR(os.stat(target).st_mode) or target in ancestors:
        return  # a link back to a folder it is in: not followed, or it would never end
    try:
        names = sorted(os.listdir(folder))
    except OSError as exc:  # no permission to read the folder
        listing.problems.append(error(_source(root, folder), None, None, "not_readable",
                                      problem=exc.strerror or str(exc)))
        return
    for name in names:
        path = folder / name
        wanted = suffixes is None or name.endswith(suffixes)  # "x.MD" is not read: content reports it
        real = _checked(project, root, path, listing)
        if real is None:
            continue
        status = os.stat(real)
        mode = status.st_mode
        if stat.S_ISDIR(mode):
            if wanted and suffixes is not None:
                listing.problems.append(error(_source(root, path), None, None, "folder_named_like_file"))
            elif recursive:
                _walk(project, root, path, suffixes, recursive, limit, hidden, listing, ancestors | {target})
        elif not stat.S_ISREG(mode):
            listing.problems.append(error(_source(root, path), None, None, "special_file"))
        elif wanted and (hidden or not name.startswith(".")):
            if status.st_size > limit:
                listing.problems.append(error(_source(root, path), None, None, "file_too_large",
                                              size=_megabytes(status.st_size), limit=_megabytes(limit)))
            else:
                listing.files.append(path)


def _checked(project: Path, root: Path, path: Path, listing: Listing) -> Path | None:
    """The real path of `path`, or None (and a problem) when it is a symlink out, a dangling one, or special."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:  # removed while we looked: nothing to read
        return None
    if not stat.S_ISLNK(mode):
        if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
            listing.problems.append(error(_source(root, path), None, None, "special_file"))
            return None
        # A folder's real path tells a link back to it; a file's is only looked at, so it need not be resolved.
        return path.resolve() if stat.S_ISDIR(mode) else path
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # dangling, or a loop of links
        listing.problems.append(error(_source(root, path), None, None, "symlink_dangling"))
        return None
    inside = real == project or project in real.parents
    # Hidden files and folders of the project (.git, .env, .venv) are never published, even through a link.
    if not inside or any(part.startswith(".") for part in real.relative_to(project).parts):
        listing.problems.append(error(_source(root, path), None, None, "symlink_outside"))
        return None
    mode = os.stat(real).st_mode
    if not (stat.S_ISDIR(mode) or stat.S_ISREG(mode)):
        listing.problems.append(error(_source(root, path), None, None, "special_file"))
        return None
    return real


def _source(root: Path, path: Path) -> str:
    """How a problem names `path`: its path in the project, with '/'."""
    return path.relative_to(root).as_posix()


def file_status(path: str | Path) -> tuple[int, int, int, int]:
    """What tells a changed file without reading it: its modification and change times, size and inode. The
    change time moves on every write, even one that sets the modification time back. Raises OSError."""
    status = os.stat(path)
    return status.st_mtime_ns, status.st_ctime_ns, status.st_size, status.st_ino


def check_file(root: Path, relative: str, limit: int = MAX_TEXT_BYTES, project: Path | None = None) -> None:
    """Raise BuildFailed unless root/relative is a regular file of the project within `limit` bytes.

    `project` is root.resolve(), from a caller that checks many files (resolving is a system call a folder).
    """
    listing = Listing()
    path = root / relative
    real = _checked(project or root.resolve(), root, path, listing)
    status = os.stat(real) if real is not None else None
    if status is not None and stat.S_ISDIR(status.st_mode):
        listing.problems.append(error(relative, None, None, "folder_named_like_file"))
    elif status is not None and status.st_size > limit:
        listing.problems.append(error(relative, None, None, "file_too_large", size=_megabytes(status.st_size),
                                      limit=_megabytes(limit)))
    if listing.problems:
        raise BuildFailed(listing.problems)


def read_bytes(path: Path, source: str, limit: int = MAX_STATIC_BYTES) -> bytes:
    """At most `limit` bytes of a listed file; never blocks on a FIFO swapped in after listing."""
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0))
    except OSError as exc:
        if exc.errno in (errno.ENXIO, errno.ELOOP):  # a socket; a link swapped in after listing
            raise BuildFailed([error(source, None, None, "special_file")]) from exc
        raise BuildFailed([error(source, None, None, "not_readable", problem=exc.strerror or str(exc))]) from exc
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise BuildFailed([error(source, None, None, "special_file")])
        data = file.read(limit + 1)
    if len(data) > limit:
        raise BuildFailed([error(source, None, None, "file_too_large", size=_megabytes(len(data)),
                                 limit=_megabytes(limit))])
    return data


def read_text(path: Path, source: str) -> str:
    """A listed file as text: UTF-8 (with or without BOM), lines ending in '\\n', no control characters.

    The first byte that is not UTF-8 and the first control character are located errors with line and column.
    """
    data = read_bytes(path.resolve() if path.is_symlink() else path, source, MAX_TEXT_BYTES)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            raise BuildFailed([error(source, None, None, "file_utf16")]) from exc
        raise BuildFailed([_undecodable(data, exc.start, source)]) from exc
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        raise BuildFailed([error(source, line, None, "control_character", column=column,
                                 codepoint=f"U+{ord(found[0]):04X}")])
    return text


def _undecodable(data: bytes, start: int, source: str) -> SiteError:
    """Where the first non-UTF-8 byte is, and what it probably was."""
    line_start = data.rfind(b"\n", 0, start) + 1
    line = data.count(b"\n", 0, start) + 1
    column = len(data[line_start:start].decode("utf-8")) + 1
    byte = data[start]
    guess = _WORD_CHARACTERS.get(byte) or bytes([byte]).decode("cp1252", errors="replace")
    if byte < 0x80 or guess == "\ufffd" or not guess.isprintable() or guess.isspace():
        return error(source, line, None, "byte_not_utf8", column=column, byte=f"0x{byte:02X}")
    return error(source, line, None, "byte_windows_1252", column=column, byte=f"0x{byte:02X}", char=guess)


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def scan_sources(root: Path) -> list[SiteError]:
    """The refused entries anywhere under content/ and layouts/, read or not."""
    return [problem for folder in ("content", "layouts")
            for problem in list_files(root, folder, limit=MAX_STATIC_BYTES).problems]
