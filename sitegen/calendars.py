"""content/calendars/*.yaml: academic calendars and holiday lists into CalendarEntry items."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import BuildFailed, SiteError, error
from sitegen.models import CalendarEntry, CalendarEntryFields, CalendarFields, SiteConfig
from sitegen.yamlload import load_yaml, read_source, validate


def load_calendars(root: Path, config: SiteConfig) -> tuple[tuple[CalendarEntry, ...], list[SiteError]]:
    """Every entry of every calendar file, validated; problems are returned, not raised."""
    context = {
        "category": tuple(sorted(config.calendar.categories)),
        "audience": tuple(sorted(config.calendar.audiences)),
    }
    entries: list[CalendarEntry] = []
    errors: list[SiteError] = []
    for file in sorted((root / "content" / "calendars").glob("*.y*ml")):
        source = file.relative_to(root).as_posix()
        try:
            doc = load_yaml(read_source(file, source), source)
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
    return tuple(entries), errors
