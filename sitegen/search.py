"""Search: a Pagefind index of the written pages, made inside the staging folder before the swap."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pagefind.index import IndexConfig, PagefindIndex

# Parts of a page that are not its content: sharing text, menus, filters.
IGNORED = [".share", ".page-menu", ".filters", ".month-nav", ".add-calendar", "nav"]


def index_site(folder: Path, language: str) -> None:
    """Write folder/pagefind/: the index of pages marked data-pagefind-body, stemmed in the site's language."""
    # A thread of its own: the caller may already run an event loop (serve's live reload does).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, _index(folder.resolve(), language)).result()


async def _index(folder: Path, language: str) -> None:
    config = IndexConfig(
        exclude_selectors=IGNORED,
        force_language=language,
        output_path=str(folder / "pagefind"),
    )
    async with PagefindIndex(config=config) as index:  # writes the files when the block ends
        await index.add_directory(str(folder))
