"""Search: a Pagefind index of the written pages, made inside the staging folder before the swap."""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

from sitegen.urls import Urls

# Parts of a page that are not its content: sharing text, menus, filters.
IGNORED = [".share", ".page-menu", ".filters", ".month-nav", ".add-calendar", "nav"]


class IndexIncomplete(OSError):
    """The index on disk is not what Pagefind made (a full disk, a file cut short)."""


def index_site(folder: Path, language: str, pages: dict[str, bytes]) -> None:
    """Write folder/pagefind/: the index of `pages` (by output path) marked data-pagefind-body.

    Pages are added one by one in sorted order, so the index is the same bytes on any file system
    (Pagefind's own directory walk follows the file system's order). Raises IndexIncomplete when a
    file of the written index is cut short.
    """
    # A thread of its own: the caller may already run an event loop (serve's live reload does).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _index(folder.resolve(), language, pages)).result()
    verify_index(folder / "pagefind")


async def _index(folder: Path, language: str, pages: dict[str, bytes]) -> None:
    config = IndexConfig(
        exclude_selectors=IGNORED,
        force_language=language,
        output_path=str(folder / "pagefind"),
    )
    async with PagefindIndex(config=config) as index:  # writes the files when the block ends
        for name in sorted(pages):
            if name.endswith(".html"):
                await index.add_html_file(content=pages[name].decode("utf-8"), url=Urls.of_output(name))


def verify_index(folder: Path) -> None:
    """Every compressed index file decompresses to its end, and the entry file is whole JSON."""
    try:
        entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
        if not isinstance(entry, dict) or "languages" not in entry:
            raise IndexIncomplete("pagefind/pagefind-entry.json is incomplete")
        for path in sorted(folder.rglob("*.pf_*")):
            gzip.decompress(path.read_bytes())
    except (ValueError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise IndexIncomplete(f"the search index is incomplete: {exc}") from exc
