"""Writing the site: into a staging folder beside the output, swapped in only when complete.

The output folder is the generator's alone: it is used only when it does not exist, is empty, or
holds the marker file every build writes into it. One build at a time writes (a lock file beside
the output). The swap is two renames (output -> `.<name>.old`, staging -> output); a build stopped
between them leaves the previous site in `.<name>.old`, and the next build puts it back first.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path

from sitegen.cache import CACHE_DIR
from sitegen.errors import BuildFailed, ConfigUnusable, SiteError, error

if sys.platform != "win32":
    import fcntl

# What an output folder may never be or be inside of.
PROTECTED = ("content", "layouts", "static", "sitegen", "tests", "bench", ".git", ".github", ".ci", CACHE_DIR)
MARKER = ".sitegen-output"  # in every output folder: the generator wrote it and may replace it whole
MARKER_TEXT = "Folder ini dibuat oleh generator situs dan diganti setiap build. / Written by the site generator.\n"


def resolve_output(root: Path, output_dir: str, line: int | None) -> Path:
    """The output folder, refused when it is the project, a source folder, outside, or not the generator's."""
    project = root.resolve()
    if output_dir.startswith("~"):  # not the home folder here: a folder named '~' that `rm -rf ~` would mistake
        raise ConfigUnusable([error("site.yaml", line, "output_dir", "output_dir_tilde", value=output_dir)])
    try:
        out = (project / output_dir).resolve()
    except (OSError, RuntimeError) as exc:  # a loop of symbolic links
        raise ConfigUnusable([error("site.yaml", line, "output_dir", "output_dir_loop", value=output_dir)]) from exc
    if out == project:
        problem = error("site.yaml", line, "output_dir", "output_dir_is_project", value=output_dir)
    elif project not in out.parents:
        problem = error("site.yaml", line, "output_dir", "output_dir_outside", value=output_dir)
    else:
        inside = [n for n in PROTECTED if out == project / n or project / n in out.parents]
        if not inside:
            refused = output_problem(out, output_dir, line)
            if refused is None:
                return out
            raise ConfigUnusable([refused])
        problem = error("site.yaml", line, "output_dir", "output_dir_in_source", value=output_dir,
                        folder=inside[0])
    raise ConfigUnusable([problem])


def output_problem(out: Path, output_dir: str, line: int | None) -> SiteError | None:
    """Why the generator may not replace `out`, or None: it is absent, empty, or carries the marker."""
    if os.path.lexists(out) and not out.is_dir():
        return error("site.yaml", line, "output_dir", "output_dir_is_file", value=output_dir)
    if out.is_dir() and not is_ours(out):
        example = sorted(entry.name for entry in out.iterdir())[0]
        return error("site.yaml", line, "output_dir", "output_dir_not_ours", value=output_dir, example=example)
    for folder in (out.parent, out) if out.is_dir() else (out.parent,):
        if folder.exists() and not os.access(folder, os.W_OK | os.X_OK):
            return error("site.yaml", line, "output_dir", "output_dir_not_writable", value=output_dir,
                         problem=os.strerror(13))
    return None


def is_ours(folder: Path) -> bool:
    """An empty folder, or one a build wrote (it holds the marker file)."""
    return (folder / MARKER).is_file() or not any(folder.iterdir())


@contextlib.contextmanager
def build_lock(out: Path) -> Iterator[None]:
    """Hold `.<name>.lock` beside the output while writing; a second build meanwhile is refused, not queued.

    The file exists only during a build: it is removed while still locked, and a build that locked a
    file already removed (a race with the end of another build) is refused too.
    """
    if sys.platform == "win32":  # no flock(): on Windows builds are not kept apart
        yield
        return
    lock = out.with_name(f".{out.name}.lock")
    busy = BuildFailed([error(out.name, None, None, "build_locked", value=out.name)])
    try:
        lock.parent.mkdir(parents=True, exist_ok=True)
        handle = lock.open("a")
    except OSError as exc:
        raise BuildFailed([error(out.name, None, None, "output_dir_not_writable", value=out.name,
                                 problem=_reason(exc))]) from exc
    with handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            raise busy from exc
        try:
            if not lock.exists() or not os.path.samestat(os.fstat(handle.fileno()), lock.stat()):
                raise busy
            yield
        finally:
            if lock.exists() and os.path.samestat(os.fstat(handle.fileno()), lock.stat()):
                lock.unlink()
            fcntl.flock(handle, fcntl.LOCK_UN)


class Staging:
    """The staging folder of one build: files go in one by one, as they are made."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.names: list[str] = []  # what was put or reused, in order (not the copied static files)
        self.digests: dict[str, str] = {}  # the SHA-256 of each of them, by name
        self._folders: set[Path] = {folder}

    def put(self, name: str, data: bytes) -> None:
        """Write a made file (a page, a feed, an image variant) at its output path."""
        target = self._target(name)
        if name in self.digests:  # never write into a file reused from the previous output
            target.unlink()
        target.write_bytes(data)
        self.names.append(name)
        self.digests[name] = hashlib.sha256(data).hexdigest()

    def reuse(self, name: str, previous: Previous, expected: str | None) -> bool:
        """Take the file `name` of the previous output into the staging folder when its bytes still have the
        SHA-256 `expected` (link_unchanged); False when it does not."""
        if expected is None or not link_unchanged(previous, name, self._target(name), expected):
            return False
        self.names.append(name)
        self.digests[name] = expected
        return True

    def copy(self, name: str, source: Path) -> None:
        """Copy a file of static/ to its output path."""
        shutil.copyfile(source, self._target(name))

    def _target(self, name: str) -> Path:
        target = self.folder / name
        if target.parent not in self._folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._folders.add(target.parent)
        return target


class Previous:
    """The previous output folder, resolved once, from which unchanged files are linked."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder.resolve()
        self._real = {self.folder}  # its folders found to be folders, not symbolic links

    def file(self, name: str) -> Path | None:
        """The regular file `name` of the folder, reached without a symbolic link (a folder of it linked elsewhere
        would publish a file of another place); None when there is none. Each folder on the way is looked at once
        for all the files in it."""
        path = self.folder / name
        if ".." in Path(name).parts or not path.is_relative_to(self.folder):
            return None
        try:
            if not stat.S_ISREG(os.lstat(path).st_mode):
                return None
            folder, seen = path.parent, []
            while folder not in self._real:  # ends at self.folder: `path` lies under it
                if not stat.S_ISDIR(os.lstat(folder).st_mode):  # lstat: a link to a folder is no folder
                    return None
                seen.append(folder)
                folder = folder.parent
        except OSError:
            return None
        self._real.update(seen)
        return path


def link_unchanged(previous: Previous, name: str, target: Path, expected: str) -> bool:
    """Make `target` the file `name` of the `previous` output when its bytes have the SHA-256 `expected`: a hard
    link (no file of a previous output is ever written to), or a copy where linking fails; False (nothing made)
    when it is absent, differs, is a symbolic link or lies outside the previous output (Previous.file)."""
    source = previous.file(name)
    try:
        if source is None or hashlib.sha256(source.read_bytes()).hexdigest() != expected:
            return False
        try:
            os.link(source, target)
        except OSError:  # another file system, or one without links
            shutil.copyfile(source, target)
    except OSError:
        return False
    return True


@contextlib.contextmanager
def write_site(out: Path, static: dict[str, Path]) -> Iterator[Staging]:
    """A staging folder `.<name>.staging` holding the static files, for the caller to write the made files into
    as they come (and the search index); swapped in when the block ends, removed when it raises.

    The previous output stays untouched until the swap: an error found while writing (a template problem,
    a full disk, a search index cut short) leaves it as it was, and a disk error is a BuildFailed.
    """
    staging = out.with_name(f".{out.name}.staging")
    old = out.with_name(f".{out.name}.old")
    with build_lock(out):
        if old.is_dir() and not os.path.lexists(out):  # a swap was interrupted: put the last site back
            old.rename(out)
        for leftover in (staging, old):
            _remove(leftover)
        refused = output_problem(out, out.name, None)  # checked again: something may have changed meanwhile
        if refused is not None:
            raise BuildFailed([refused])
        try:
            staging.mkdir(parents=True)
            (staging / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
            stage = Staging(staging)
            for name, source in sorted(static.items()):
                stage.copy(name, source)
            yield stage
        except OSError as exc:  # a full disk, a read-only folder: the previous site stays as it was
            shutil.rmtree(staging, ignore_errors=True)
            raise BuildFailed([error(out.name, None, None, "output_write_failed", problem=_reason(exc))]) from exc
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _swap(out, staging, old)


def update_output(out: Path, files: dict[str, bytes], static: dict[str, Path], removed: set[str]) -> list[str]:
    """Write into the output folder itself (serve's preview after its first build): the files whose bytes differ
    from what is there, each replaced whole, the static files given, and remove `removed`; the paths written."""
    written = []
    with build_lock(out):
        try:
            for name, data in sorted(files.items()):
                target = out / name
                try:
                    if target.read_bytes() == data:
                        continue
                except OSError:
                    pass  # not there yet
                _replace(target, partial(Path.write_bytes, data=data))
                written.append(name)
            for name, source in sorted(static.items()):
                _replace(out / name, partial(shutil.copyfile, source))
                written.append(name)
            for name in sorted(removed):
                (out / name).unlink(missing_ok=True)
                folder = (out / name).parent
                while folder != out and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent
        except OSError as exc:
            raise BuildFailed([error(out.name, None, None, "output_write_failed", problem=_reason(exc))]) from exc
    return written


def _replace(target: Path, write: Callable[[Path], object]) -> None:
    """Write beside `target`, then rename over it: a reader never sees half a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.new")
    write(temporary)
    os.replace(temporary, target)
class WrittenFiles(Mapping[str, bytes]):
    """The files a build wrote, by output path: their names kept, their bytes read from the output when asked."""

    def __init__(self, folder: Path, names: Iterable[str]) -> None:
        self.folder = folder
        self._names = dict.fromkeys(names)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._names:
            raise KeyError(name)
        return (self.folder / name).read_bytes()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


def _swap(out: Path, staging: Path, old: Path) -> None:
    """Two renames; when either fails the previous site is put back and the staging folder removed."""
    try:
        if out.exists():
            out.rename(old)
        staging.rename(out)
    except OSError as exc:
        if old.is_dir() and not os.path.lexists(out):
            old.rename(out)
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed([error(out.name, None, None, "output_dir_not_writable", value=out.name,
                                 problem=_reason(exc))]) from exc
    shutil.rmtree(old, ignore_errors=True)  # the new site is in place; a leftover goes with the next build


def _remove(leftover: Path) -> None:
    """A staging or old folder of an earlier build, which only the generator names like this."""
    if leftover.is_dir() and not leftover.is_symlink():
        shutil.rmtree(leftover)
    elif os.path.lexists(leftover):
        leftover.unlink()


def _reason(exc: OSError) -> str:
    """'No space left on device': the system's words, without a path of this machine."""
    return exc.strerror or str(exc)
