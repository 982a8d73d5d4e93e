"""Which pages to render again after a change (serve): each route's inputs compared with the last build's.

A page shows its route (with its view), the settings and words every page shows, and what its
template (with the templates it extends, includes and imports) reads of the whole site: `site`,
`indexes`, `routes` and `atom_routes`. The templates' own source says which parts: `indexes.urgent`,
`feed.view.title` of `{% for feed in atom_routes %}`. A route is rendered again when it is new or
differs from the last build's, when anything every page shows changed, or when a part its templates
read changed. Reading more than a template shows only renders more; the test in
tests/test_incremental.py compares the result with a clean build. The Python helpers templates call
(render.Helpers) read only the settings and pictures, which every page is compared on, and
`file_info`, which is tracked like a name: a helper that reads more of the site must be added here.

A build (not serve) compares the same inputs with an earlier process's: `input_digests` gives each route a
digest of them, the same in every process (`Digests` never uses hash() or a set's order), kept in the build
cache with the digest of the bytes they made (pipeline.render_site).
"""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from typing import Any, cast
from zoneinfo import ZoneInfo

import jinja2
from jinja2 import meta, nodes
from pydantic import BaseModel

from sitegen.cache import BuildCache, fingerprint, source_of
from sitegen.models.items import Site
from sitegen.plan.indexes import Indexes
from sitegen.plan.routes import Route
from sitegen.plan.views import AtomFeed

# What a template may read beyond its route; file_info() tells the size of any static file.
WHOLE_SITE = ("site", "indexes", "routes", "atom_routes", "file_info")
EVERYTHING = ("*",)  # a template whose includes cannot be told: it reads everything
EACH = "[]"  # in a read, every element of a list: ("atom_routes", "[]", "path")
COUNT = "#"  # in a read, the length of a list
KEYS = "in"  # in a read, only what `x in ...` asks: the keys of a mapping
MISSING = object()
READS_KIND = "template-reads"  # in the build cache: what one template's source reads of WHOLE_SITE

Read = tuple[str, ...]  # ("indexes", "urgent"), ("atom_routes", "[]", "view", "title")


@dataclass(frozen=True)
class Shown:
    """What a build's pages and feeds were made from."""

    routes: tuple[Route, ...]
    site: Site
    indexes: Indexes
    everywhere: tuple[object, ...]  # what any page or feed may show besides its route: settings, words, layouts

    def whole(self, name: str) -> object:
        """The value of one of WHOLE_SITE."""
        if name == "site":
            return self.site
        if name == "indexes":
            return self.indexes
        if name == "routes":
            return self.routes
        if name == "file_info":
            return self.site.static_files
        return tuple(route for route in self.routes if isinstance(route.view, AtomFeed))


def stale_routes(
    env: jinja2.Environment, before: Shown | None, after: Shown, memo: dict[tuple[str, str], tuple[set[Read], set[str]]]
) -> list[Route]:
    """The routes of `after` whose output may differ from what `before` made (all of them without a `before`).

    `memo` keeps what each template source reads, between calls.
    """
    if before is None or before.everywhere != after.everywhere:
        return list(after.routes)
    old = {route.output_path: route for route in before.routes}
    reads = {name: template_reads(env, name, memo) for name in {r.template for r in after.routes if r.template}}
    changed = {read for found in reads.values() for read in found
               if read == EVERYTHING or _pick(before.whole(read[0]), read[1:]) != _pick(after.whole(read[0]), read[1:])}
    return [route for route in after.routes
            if old.get(route.output_path) != route or (route.template and reads[route.template] & changed)]


def template_reads(
    env: jinja2.Environment,
    name: str,
    memo: dict[tuple[str, str], tuple[set[Read], set[str]]],
    cache: BuildCache | None = None,
) -> frozenset[Read]:
    """What a template and every template it extends, includes or imports read of WHOLE_SITE; each template's
    own reads kept in `memo` by its name and source, and in `cache` (a build's) by those and this module's code."""
    assert env.loader is not None
    found: set[Read] = set()
    seen: set[str] = set()
    todo = [name]
    code = source_of(__file__) if cache is not None else b""
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        try:
            source = env.loader.get_source(env, current)[0]
        except jinja2.TemplateNotFound:
            continue  # rendering reports it
        if (current, source) not in memo:
            memo[(current, source)] = _template_reads(env, current, source, code, cache)
        reads, others = memo[(current, source)]
        found |= reads
        todo += sorted(others)
    return frozenset(found)


def _template_reads(
    env: jinja2.Environment, name: str, source: str, code: bytes, cache: BuildCache | None
) -> tuple[set[Read], set[str]]:
    """What one template's `source` reads of WHOLE_SITE, and the templates it names; from `cache` when kept."""
    key = fingerprint(code, name, source) if cache is not None else ""
    stored = cache.get(READS_KIND, key) if cache is not None else None
    if stored is not None:
        kept_reads, kept_names = json.loads(stored)
        return {tuple(read) for read in kept_reads}, set(kept_names)
    try:
        tree = env.parse(source)
    except jinja2.TemplateSyntaxError:
        reads: set[Read] = {EVERYTHING}
        others: set[str] = set()
    else:
        named = list(meta.find_referenced_templates(tree))
        reads = _reads(tree) | ({EVERYTHING} if None in named else set())
        others = {other for other in named if other is not None}
    if cache is not None:
        cache.put(READS_KIND, key, json.dumps([sorted(reads), sorted(others)]))
    return reads, others


def _reads(tree: nodes.Template) -> set[Read]:
    """The reads of WHOLE_SITE in one template: attribute chains, and those of a loop's variable over one."""
    found: set[Read] = set()
    aliases: dict[str, Read] = {}

    def chain(node: nodes.Node) -> Read | None:
        if isinstance(node, nodes.Name):
            return aliases.get(node.name) or ((node.name,) if node.name in WHOLE_SITE else None)
        if isinstance(node, nodes.Getattr):
            inner = chain(node.node)
            return (*inner, node.attr) if inner else None
        return None

    def visit(node: nodes.Node) -> None:
        if isinstance(node, nodes.For):
            source = chain(node.iter)
            included = any(True for _ in node.find_all(nodes.Include))  # an include sees the loop variable too
            if source and isinstance(node.target, nodes.Name) and not included:
                aliases[node.target.name] = (*source, EACH)
                found.add((*source, COUNT))
                for child in _children_but(node, node.iter, node.target):  # the target is written, not read
                    visit(child)
                return
        if isinstance(node, nodes.Compare) and all(op.op in ("in", "notin") for op in node.ops):
            reads = [chain(op.expr) for op in node.ops]
            if all(reads):  # `"images/favicon.png" in site.static_files` asks for a name, not a size
                found.update((*read, KEYS) for read in reads if read)
                visit(node.expr)
                return
        if isinstance(node, nodes.Name | nodes.Getattr):
            read = chain(node)
            if read:
                found.add(read)
                return
        for child in node.iter_child_nodes():
            visit(child)

    visit(tree)
    return found


def _children_but(node: nodes.Node, *skipped: nodes.Node) -> Iterator[nodes.Node]:
    return (child for child in node.iter_child_nodes() if all(child is not other for other in skipped))


def _pick(value: object, steps: tuple[str, ...]) -> object:
    """What a read gives of `value`, as Jinja looks it up: an attribute, else an item."""
    for index, step in enumerate(steps):
        if value is MISSING:
            return MISSING
        if step == COUNT:
            return len(value) if isinstance(value, tuple | list | dict) else MISSING
        if step == KEYS:
            return frozenset(value) if isinstance(value, tuple | list | dict | set | frozenset) else value
        if step == EACH:
            if not isinstance(value, tuple | list):
                return MISSING
            return tuple(_pick(element, steps[index + 1:]) for element in value)
        try:
            value = getattr(value, step)
        except AttributeError:
            try:
                value = value[step]  # type: ignore[index]
            except (TypeError, LookupError):
                value = MISSING
    return value


class Undigestable(TypeError):
    """A value `Digests` cannot tell apart safely: what shows it is rendered again."""


def input_digests(
    env: jinja2.Environment, shown: Shown, context: bytes, cache: BuildCache | None = None
) -> dict[str, str | None]:
    """Each route's output path: a digest of everything stale_routes compares for it (its route and view, what
    every page shows, the value of each read of its templates) and `context` (the generator's code); None when
    one of them cannot be digested, or its templates may read anything: such a route is always rendered. What
    each template reads is kept in `cache`."""
    digests = Digests()
    values: dict[Read, bytes | None] = {}

    def value(read: Read) -> bytes:
        if read == EVERYTHING:
            raise Undigestable("a template whose includes cannot be told")
        if read not in values:
            try:
                values[read] = digests.of(_pick(shown.whole(read[0]), read[1:]))
            except Undigestable:
                values[read] = None
        known = values[read]
        if known is None:
            raise Undigestable(repr(read))
        return known

    memo: dict[tuple[str, str], tuple[set[Read], set[str]]] = {}
    reads = {name: sorted(template_reads(env, name, memo, cache))
             for name in sorted({route.template for route in shown.routes if route.template})}
    found: dict[str, str | None] = {}
    for route in shown.routes:
        try:
            parts = [context, digests.of(shown.everywhere), digests.of(route)]
            for read in reads[route.template] if route.template else ():
                parts += [digests.of(read), value(read)]
        except Undigestable:
            found[route.output_path] = None
            continue
        found[route.output_path] = hashlib.sha256(b"".join(parts)).hexdigest()
    digests.forget()
    return found


class Digests:
    """Digests of one build's values that two processes give alike for equal values (never hash() or a set's
    order): a self-delimiting encoding of a plain value, and a hash of the type and parts of any other, made once
    per value (kept by id, with the value, so that its id stays its own). Dictionaries keep their order (a
    template shows it), sets are sorted; a value of another kind raises Undigestable."""

    def __init__(self) -> None:
        self._seen: dict[int, tuple[object, bytes]] = {}
        self._parts: dict[type, Callable[[Any], bytes]] = {}  # how a value of each type gives its parts

    def of(self, value: object) -> bytes:
        kind = type(value)
        if kind is str:
            data = cast(str, value).encode()
            return b"s" + len(data).to_bytes(8, "big") + data
        if kind is int or kind is float:
            return b"i" + repr(value).encode() + b";"
        if value is None or kind is bool or value is MISSING:
            return b"N" if value is None else b"M" if value is MISSING else b"T" if value else b"F"
        if kind is bytes:
            return b"b" + len(cast(bytes, value)).to_bytes(8, "big") + cast(bytes, value)
        known = self._seen.get(id(value))
        if known is None:
            parts = self._parts.get(kind) or self._parts_of(kind)
            known = (value, b"#" + hashlib.sha256(parts(value)).digest())
            self._seen[id(value)] = known
        return known[1]

    def forget(self) -> None:
        """Drop the values kept and the ways of digesting them: those ways call `of`, so this object is in a
        reference cycle, and what it keeps (megabytes on a large site) would otherwise wait for the garbage
        collector's next full collection."""
        self._seen.clear()
        self._parts.clear()

    def _parts_of(self, kind: type) -> Callable[[Any], bytes]:
        """How a value of `kind` gives its type's name, then its parts' digests."""
        name = f"{kind.__module__}.{kind.__qualname__}".encode()
        head = len(name).to_bytes(2, "big") + name
        of = self.of

        def subclassed(value: Any) -> bytes:  # of str, int...: Markup is not escaped, str is
            return head + of(str(value) if isinstance(value, str) else repr(value))

        def sequence(value: Any) -> bytes:
            return head + b"".join(map(of, value))

        def mapping(value: Any) -> bytes:
            return head + b"".join(of(key) + of(item) for key, item in value.items())

        def unordered(value: Any) -> bytes:
            return head + b"".join(sorted(map(of, value)))

        def fields(value: Any) -> bytes:
            return head + b"".join(of(getattr(value, name)) for name in names)

        def written(value: Any) -> bytes:  # a date, time, zone, duration or enum: what repr() says of it
            return head + of(repr(value))

        names: list[str] = []
        if dataclasses.is_dataclass(kind):
            names = [field.name for field in dataclasses.fields(kind) if field.compare]
        elif issubclass(kind, BaseModel):
            names = list(kind.model_fields)
        choices: list[tuple[type | tuple[type, ...], Callable[[Any], bytes]]] = [
            ((str, bytes, int, float), subclassed), ((tuple, list), sequence), (dict, mapping),
            ((set, frozenset), unordered), ((date, time, timedelta, ZoneInfo, enum.Enum), written)]
        parts = fields if names else next((made for kinds, made in choices if issubclass(kind, kinds)), None)
        if parts is None:
            raise Undigestable(kind.__qualname__)
        self._parts[kind] = parts
        return parts
