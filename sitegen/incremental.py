"""serve's rebuild: the loaded site kept between saves, only the pages whose inputs changed rendered again and
only the files whose bytes changed written, into the preview folder itself (docs/performance.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path

from sitegen.cache import CACHE_DIR, BuildCache
from sitegen.errors import BuildFailed
from sitegen.load.config import load_config
from sitegen.load.content import Loaded, body_keys
from sitegen.models.bodies import Bodies
from sitegen.models.settings import SiteConfig
from sitegen.pipeline import Built, Options, Photos, plan_site, render_site, shown_of, take
from sitegen.plan.routes import searched_pages
from sitegen.render.changes import Read, Shown, stale_routes
from sitegen.render.feeds import render_calendars
from sitegen.render.pages import render_pages
from sitegen.sources import file_status
from sitegen.write.output import MARKER, update_output


@dataclass
class Memory:
    """What serve keeps between rebuilds: each content file's loading, and what the last written build showed."""

    loaded: dict[str, Loaded] = field(default_factory=dict)  # load_content's memo, by source
    loaded_for: SiteConfig | None = None  # the settings of `loaded`
    bodies: Bodies = field(default_factory=Bodies)  # the HTML of the bodies `loaded` and `shown` hold; its keys
    # include all the HTML depends on (the base path too), so one store serves every setting of the session
    shown: Shown | None = None  # what the pages in the output folder were made from; None: write it whole
    written: frozenset[str] = frozenset()  # every output path of that build but the search index
    static: dict[str, tuple[int, int, int, int]] = field(default_factory=dict)  # each copied static file's file_status
    reads: dict[tuple[str, str], tuple[set[Read], set[str]]] = field(default_factory=dict)  # by template source
    photos: dict[tuple[object, ...], Photos] = field(default_factory=dict)  # prepare_images's memo

    def loaded_with(self, config: SiteConfig) -> dict[str, Loaded]:
        """The memo for loading with these settings (which decide what is valid)."""
        if self.loaded_for != config:
            self.loaded.clear()
            self.loaded_for = config
        return self.loaded


@dataclass(frozen=True)
class Update:
    built: Built  # its files are the pages and feeds rendered by this update only
    written: list[str]  # the output paths written or replaced; empty when no file changed
    page_count: int  # the site's pages, as a whole build counts them
    searched: list[str]  # the pages the search finds
    whole: bool  # the site was written whole, with its search index (the first update)


def update_site(root: Path, options: Options, memory: Memory) -> Update:
    """serve's rebuild: every stage before rendering runs again (unchanged files from `memory`), only pages and
    feeds whose inputs changed are rendered, and only files whose bytes changed are written, into the output
    folder itself. The first update writes the whole site like build_site, with its search index; later ones
    leave the search index to the caller. Raises BuildFailed as build_site does, leaving the output as it was.
    """
    config, config_lines = load_config(root, options.base_url)
    cache = BuildCache(root / CACHE_DIR if options.cache else None)
    try:
        plan = plan_site(root, options, config, config_lines, cache, memory.loaded_with(config), memory.photos,
                         memory.bodies)
        shown = shown_of(plan, options)
        first = memory.shown is None or not (plan.output / MARKER).is_file()
        stale = stale_routes(plan.environment, None if first else memory.shown, shown, memory.reads)
        outputs = frozenset({*(route.output_path for route in plan.routes), *plan.images, *plan.editor,
                             *(name for name in plan.static if name not in plan.images)})
        if first:  # the whole site, written as build_site writes it, with its search index
            files, static = render_site(plan, options, cache)
            cache.save()  # only a whole build: the cache keeps what a build used, and an update uses a few entries
            written = sorted(outputs)
        else:
            made: dict[str, bytes] = {}
            template_problems = take(chain(
                render_pages(plan.environment, plan.routes, plan.indexes, stale),
                render_calendars(stale, plan.indexes.happenings, config, plan.headlines, cache)), made.__setitem__)
            if plan.problems or template_problems or (options.strict and plan.warnings):
                raise BuildFailed(plan.problems + template_problems, warnings=plan.warnings)
            files = made
            static = {name: path for name, path in plan.static.items() if name not in plan.images}
            copied = {name: path for name, path in static.items() if memory.static.get(name) != file_status(path)}
            written = update_output(plan.output, made | plan.images | plan.editor, copied,
                                    set(memory.written - outputs))
            written += sorted(memory.written - outputs)
        memory.shown, memory.written = shown, outputs
        memory.static = {name: file_status(path) for name, path in static.items()}
        memory.bodies.keep_only(body_keys(memory.loaded))  # what the edits replaced goes
    except BuildFailed as exc:
        raise type(exc)(exc.errors, config.language, exc.warnings) from exc
    finally:
        cache.close()
    pages = sum(1 for route in plan.routes if route.template and route.output_path.endswith(".html"))
    return Update(Built(config, plan.output, files, static, plan.warnings), written, pages,
                  searched_pages(plan.routes), first)
