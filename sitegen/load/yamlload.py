"""The strict YAML loader: every scalar stays text, and every value knows its line."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, TypeVar, Union, get_args

import yaml
from pydantic import BaseModel, ValidationError

from sitegen.errors import BuildFailed, SiteError, error
from sitegen.messages import MESSAGES

# libyaml's parser where present: the pure-Python one costs about five times as much.
_Loader = getattr(yaml, "CBaseLoader", yaml.BaseLoader)
# Pasted from Word or WhatsApp: characters that show as nothing, and spaces YAML does not take as spaces.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff]")
_ODD_SPACE = re.compile("[\u00a0\u2000-\u200a\u202f\u3000]")

Value = Union[str, None, list["Value"], dict[str, "Value"]]  # noqa: UP007 - recursive alias
Path = tuple[str | int, ...]
M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Document:
    """Parsed YAML: plain text/list/dict data plus the line of every key and list item."""

    source: str  # "content/events/pentas-seni.md"
    data: Value
    lines: dict[Path, int]  # ("attachments", 0, "file") -> 12

    def line_of(self, path: Path) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        for end in range(len(path), 0, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return self.lines.get((), None)


def load_yaml(text: str, source: str, first_line: int = 1) -> Document:
    """Parse one YAML document; `first_line` is the file line the text starts on."""
    lines: dict[Path, int] = {(): first_line}
    events = _events(text, source, first_line)
    written = text.split("\n")
    try:
        next(events)  # StreamStart
        event = next(events)
        if isinstance(event, yaml.StreamEndEvent):
            return Document(source, None, lines)
        event = next(events)  # after DocumentStart
        data = _build(event, events, (), lines, source, first_line, written)
        next(events)  # DocumentEnd
        extra = next(events)
        if not isinstance(extra, yaml.StreamEndEvent):
            line = _line(extra, first_line)
            raise BuildFailed([error(source, line, None, "yaml_many_documents")])
    except StopIteration:  # pragma: no cover - the parser always ends the stream
        return Document(source, None, lines)
    return Document(source, data, lines)


def _events(text: str, source: str, first_line: int) -> Iterator[yaml.Event]:
    try:
        yield from yaml.parse(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        opened = exc.context and ("flow" in exc.context or "quoted" in exc.context or "simple key" in exc.context)
        mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
        line = mark.line + first_line if mark else None
        written = text.split("\n")[mark.line] if mark and mark.line < text.count("\n") + 1 else ""
        raise BuildFailed([_syntax_error(exc, source, line, written)]) from exc
    except yaml.YAMLError as exc:
        raise BuildFailed([error(source, None, None, "yaml_syntax", problem=str(exc))]) from exc


def _syntax_error(exc: yaml.MarkedYAMLError, source: str, line: int | None, written: str) -> SiteError:
    """The parser's complaint in the editor's words, where we know it; its own text otherwise."""
    problem, context = exc.problem or "", exc.context or ""
    head = re.match(r"[\s-]*[^:]*:?.?", written)  # indentation, list marks, the key and the space after its colon
    pasted = _pasted(written, source, line, written if _INVISIBLE.search(written) else head[0] if head else "")
    if pasted:
        return pasted
    if "mapping values are not allowed" in problem:
        key, _, value = written.partition(":")
        example = f'{key.strip()}: "{value.strip()}"' if key.strip() and value.strip() else 'title: "Rapat: Ujian"'
        return error(source, line, None, "yaml_colon", example=example)
    if "'\\t'" in problem or "\t" in written:
        return error(source, line, None, "yaml_tab")
    if "quoted scalar" in context:
        return error(source, line, None, "yaml_unclosed_quote")
    glued = re.search(r"([\w-]+): (#[^\s,}\]]+)", written)  # {color: #7c3aed}: the comment took the '}'
    if "flow" in context and glued:
        return error(source, line, None, "yaml_hash", cut=glued[2], example=f'{glued[1]}: "{glued[2]}"')
    if "flow" in context:
        return error(source, line, None, "yaml_unclosed_bracket")
    if "expected <block end>" in problem or "did not find expected" in problem:
        return error(source, line, None, "yaml_indentation")
    if "could not find expected ':'" in problem:
        return error(source, line, None, "yaml_missing_colon")
    return error(source, line, None, "yaml_syntax", problem=problem or context or "unknown")


def _build(
    event: yaml.Event,
    events: Iterator[yaml.Event],
    path: Path,
    lines: dict[Path, int],
    source: str,
    first_line: int,
    written: list[str],
) -> Value:
    line = _line(event, first_line)
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
        raise BuildFailed([error(source, line, _field(path), "yaml_anchor")])
    tag = getattr(event, "tag", None)
    if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
        mark = event.start_mark
        shown = re.match(r"!\S*", written[mark.line][mark.column:]) if mark and mark.line < len(written) else None
        raise BuildFailed([error(source, line, _field(path), "yaml_tag", tag=shown[0] if shown else tag)])
    if isinstance(event, yaml.ScalarEvent):
        if not event.style and event.end_mark and event.end_mark.line < len(written):
            _cut_by_hash(written[event.end_mark.line][event.end_mark.column:], event.value, path, source, line)
        if event.implicit[0] and event.value == "":
            return None
        if _INVISIBLE.search(event.value):
            pasted = _pasted(written[line - first_line], source, line, event.value, _field(path))
            if pasted:
                raise BuildFailed([pasted])
        return str(event.value)
    if isinstance(event, yaml.SequenceStartEvent):
        items: list[Value] = []
        while not isinstance(item := next(events), yaml.SequenceEndEvent):
            index = len(items)
            lines[(*path, index)] = _line(item, first_line)
            items.append(_build(item, events, (*path, index), lines, source, first_line, written))
        return items
    assert isinstance(event, yaml.MappingStartEvent)
    mapping: dict[str, Value] = {}
    while True:
        key_event = next(events)
        if isinstance(key_event, yaml.MappingEndEvent):
            return mapping
        key_line = _line(key_event, first_line)
        if not isinstance(key_event, yaml.ScalarEvent):
            raise BuildFailed([error(source, key_line, _field(path), "yaml_not_mapping")])
        key = str(key_event.value)
        pasted = _pasted(written[key_line - first_line], source, key_line, key, _field(path))
        if pasted:
            raise BuildFailed([pasted])
        if key in mapping:
            raise BuildFailed([
                error(source, key_line, _field((*path, key)), "yaml_duplicate_key",
                      key=key, first_line=lines[(*path, key)])
            ])
        lines[(*path, key)] = key_line
        mapping[key] = _build(next(events), events, (*path, key), lines, source, first_line, written)


def _cut_by_hash(rest: str, value: str, path: Path, source: str, line: int) -> None:
    """'title: Juara #1' is 'Juara' and a comment to YAML: refused, since nobody writes a comment glued to '#'."""
    comment = re.match(r" (#\S.*)", rest)  # one space: a comment set apart by several is meant as one
    if comment:
        key = path[-1] if path and isinstance(path[-1], str) else "title"
        example = f'{key}: "{value} {comment[1].rstrip()}"' if value else f'{key}: "{comment[1].rstrip()}"'
        raise BuildFailed([error(source, line, _field(path), "yaml_hash", cut=comment[1].rstrip(), example=example)])


def _pasted(written: str, source: str, line: int | None, part: str | None = None,
            field_name: str | None = None) -> SiteError | None:
    """An invisible character, or a special space, in `part` of the line (all of it by default), located."""
    found = _INVISIBLE.search(part if part is not None else written) or _ODD_SPACE.search(
        part if part is not None else written)
    if not found:
        return None
    column = written.find(found[0]) + 1 or 1
    codepoint = f"U+{ord(found[0]):04X}"
    if _ODD_SPACE.fullmatch(found[0]):
        return error(source, line, field_name, "yaml_odd_space", codepoint=codepoint, column=column)
    words = re.finditer(r"[^\s:,\[\]{}\"']+", written)
    word = next((w[0] for w in words if w.start() <= column - 1 < w.end()), found[0])
    return error(source, line, field_name, "yaml_invisible", codepoint=codepoint, column=column,
                 word=_INVISIBLE.sub("", word))


def _line(event: yaml.Event, first_line: int) -> int:
    return (event.start_mark.line if event.start_mark else 0) + first_line


def _field(path: Path) -> str | None:
    return ".".join(str(part) for part in path) or None


def validate(
    model: type[M], doc: Document, path: Path = (), context: dict[str, Any] | None = None
) -> tuple[M | None, list[SiteError]]:
    """The value at `path` as `model`, or None and the located problems (never raised), like every stage."""
    value = doc.data
    for part in path:
        value = value[part]  # type: ignore[index]
    if not isinstance(value, dict):
        return None, [error(doc.source, doc.line_of(path), _field(path), "yaml_not_mapping")]
    try:
        return model.model_validate(value, context=context or {}), []
    except ValidationError as exc:
        return None, [_locate(model, doc, path, problem) for problem in exc.errors()]


def _locate(model: type[BaseModel], doc: Document, path: Path, problem: Any) -> SiteError:
    loc: Path = path + tuple(problem["loc"])
    kind: str = problem["type"]
    ctx = {k: v for k, v in (problem.get("ctx") or {}).items() if k not in ("field", "path", "at", "index")}
    extra = problem.get("ctx") or {}
    if "path" in extra:  # a rule over a list names the value to fix: "semesters.1.start"
        loc = (*loc, *(int(part) if part.isdigit() else part for part in str(extra["path"]).split(".")))
    elif "field" in extra:  # a rule over several fields names the one to fix
        loc = (*loc, str(extra["field"]))
    line_path = (*loc[:-1], str(extra["at"])) if "at" in extra and loc not in doc.lines else loc
    if "index" in extra:
        line_path = (*loc, int(extra["index"]))
    line = doc.line_of(line_path)
    name = _field(loc) or ""
    leaf = str(loc[-1]) if loc else ""
    if kind == "missing":
        return error(doc.source, line, name, "missing", field=leaf)
    if kind == "extra_forbidden":
        allowed = _names_at(model, tuple(problem["loc"])[:-1])
        guess = difflib.get_close_matches(leaf, allowed, n=1, cutoff=0.6)
        if guess:
            return error(doc.source, line, name, "unknown_field_guess", field=leaf, guess=guess[0])
        return error(doc.source, line, name, "unknown_field", field=leaf, allowed=", ".join(allowed))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        if isinstance(loc[-1], int):  # "- Libur semester" where "- title: ..." was meant
            return error(doc.source, line, name, "item_not_mapping", field=str(loc[-2]), number=loc[-1] + 1)
        return error(doc.source, line, name, "not_mapping", field=leaf)
    if kind == "empty" and _is_required(model, tuple(problem["loc"])):
        return error(doc.source, line, name, "empty_required", field=leaf)
    if kind in ("list_type", "tuple_type"):
        return error(doc.source, line, name, "not_list", field=leaf)
    if kind in MESSAGES:
        return error(doc.source, line, name, kind, field=leaf, **ctx)
    return error(doc.source, line, name, "invalid", field=leaf, problem=problem["msg"])


def _is_required(model: type[BaseModel], loc: Path) -> bool:
    """Whether the field at `loc` must be filled in."""
    current = _model_at(model, loc[:-1])
    info = current.model_fields.get(str(loc[-1])) if current else None
    return bool(info and info.is_required())


def _model_at(model: type[BaseModel], loc: Path) -> type[BaseModel] | None:
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (isinstance(current, type) and issubclass(current, BaseModel)):
            continue
        info = current.model_fields.get(part)
        current = _model_in(info.annotation) if info else None
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _names_at(model: type[BaseModel], loc: Path) -> list[str]:
    """The field names (YAML keys) the model accepts at `loc`."""
    current = _model_at(model, loc)
    return sorted(info.alias or name for name, info in current.model_fields.items()) if current else []


def _model_in(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None
