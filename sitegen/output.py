"""Writing the site: into a staging folder beside the output, swapped in only when complete."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from sitegen.errors import BuildFailed, ConfigUnusable, error

# What an output folder may never be or be inside of.
PROTECTED = ("content", "layouts", "static", "sitegen", "tests", "bench", ".git", ".github", ".ci")


def resolve_output(root: Path, output_dir: str, line: int | None) -> Path:
    """The output folder, refused when it is the project, a source folder, or outside."""
    project = root.resolve()
    out = (project / output_dir).resolve()
    if out == project:
        problem = error("site.yaml", line, "output_dir", "output_dir_is_project", value=output_dir)
    elif project not in out.parents:
        problem = error("site.yaml", line, "output_dir", "output_dir_outside", value=output_dir)
    else:
        inside = [n for n in PROTECTED if out == project / n or project / n in out.parents]
        if not inside:
            return out
        problem = error("site.yaml", line, "output_dir", "output_dir_in_source", value=output_dir,
                        folder=inside[0])
    raise ConfigUnusable([problem])


def write_site(
    out: Path, files: dict[str, bytes], static: dict[str, Path], finish: Callable[[Path], None] | None = None
) -> None:
    """Write everything to `.<name>.staging`, let `finish` add to it (the search index), then swap it in."""
    staging = out.with_name(f".{out.name}.staging")
    old = out.with_name(f".{out.name}.old")
    if old.exists() and not out.exists():  # a swap was interrupted: put the last site back
        old.rename(out)
    for leftover in (staging, old):
        if leftover.exists():
            shutil.rmtree(leftover)
    try:
        staging.mkdir(parents=True)
        for name, source in sorted(static.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
        for name, data in sorted(files.items()):
            target = staging / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        if finish is not None:
            finish(staging)
    except OSError as exc:  # a full disk, a read-only folder: the previous site stays as it was
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildFailed([error(out.name, None, None, "output_write_failed", problem=str(exc))]) from exc
    if out.exists():
        out.rename(old)
    staging.rename(out)
    if old.exists():
        shutil.rmtree(old)
