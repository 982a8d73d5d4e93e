"""content/calendars/*.yaml: academic calendars and holiday lists into CalendarEntry items."""

from __future__ import annotations

from pathlib import Path

from sitegen.config import example_names
from sitegen.errors import BuildFailed, SiteError, error
from sitegen.models import CalendarEntry, CalendarEntryFields, CalendarFields, SiteConfig
from sitegen.sources import list_files, read_text
from sitegen.yamlload import load_yaml, validate


def load_calendars(
    root: Path, config: SiteConfig
) -> tuple[tuple[CalendarEntry, ...], list[SiteError], list[SiteError]]:
    """Every entry of every calendar file, validated; problems and warnings are returned, not raised."""
    context = {
        "category": tuple(sorted(config.calendar.categories)),
        "audience": tuple(sorted(config.calendar.audiences)),
    }
    entries: list[CalendarEntry] = []
    errors: list[SiteError] = []
    warnings: list[SiteError] = []
    names = example_names(config.school.name, config.school.address.locality)
    listing = list_files(root, "content/calendars", (".yaml", ".yml"), recursive=False)
    errors.extend(listing.problems)
    for file in listing.files:
        source = file.relative_to(root).as_posix()
        try:
            doc = load_yaml(read_text(file, source), source)
        except BuildFailed as exc:
            errors.extend(exc.errors)
            continue
        calendar = validate(CalendarFields, doc)
        if isinstance(calendar, list):
            errors.extend(calendar)
            continue
        name = calendar.title or file.stem
        ids: dict[str, int] = {}  # id -> the line that first used it
        for index in range(len(calendar.entries)):
            entry = validate(CalendarEntryFields, doc, ("entries", index), context)
            if isinstance(entry, list):
                errors.extend(entry)
            else:
                line = doc.line_of(("entries", index)) or 1
                if entry.id is not None and entry.id in ids:
                    errors.append(error(source, doc.lines.get(("entries", index, "id")), f"entries.{index}.id",
                                        "calendar_id_duplicate", value=entry.id, first_line=ids[entry.id]))
                    continue
                if entry.id is not None:
                    ids[entry.id] = doc.lines.get(("entries", index, "id")) or line
                url_line = doc.lines.get(("entries", index, "url"))
                entries.append(CalendarEntry(source, line, name, entry, index, url_line))
        texts = [(doc.line_of(("title",)), calendar.title)] + [
            (e.line, text) for e in entries if e.source == source
            for text in (e.meta.title, e.meta.description, e.meta.location)
        ]
        warnings.extend(_example_school(source, texts, names, config.school.name))
    return tuple(entries), errors, warnings


def _example_school(
    source: str, texts: list[tuple[int | None, str | None]], names: tuple[str, ...], school: str
) -> list[SiteError]:
    """The first mention of the example school in a calendar of another school."""
    for line, text in texts:
        found = next((n for n in names if text and n.lower() in text.lower()), None)
        if found:
            return [error(source, line, None, "example_school", name=found, school=school)]
    return []
