"""content/calendars/*.yaml: academic calendars and holiday lists into CalendarEntry items."""

from __future__ import annotations

from pathlib import Path

from sitegen.errors import BuildFailed, SiteError
from sitegen.models import CalendarEntry, CalendarEntryFields, CalendarFields, SiteConfig
from sitegen.sources import list_files, read_text
from sitegen.yamlload import load_yaml, validate


def load_calendars(root: Path, config: SiteConfig) -> tuple[tuple[CalendarEntry, ...], list[SiteError]]:
    """Every entry of every calendar file, validated; problems are returned, not raised."""
    context = {
        "category": tuple(sorted(config.calendar.categories)),
        "audience": tuple(sorted(config.calendar.audiences)),
    }
    entries: list[CalendarEntry] = []
    errors: list[SiteError] = []
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
        for index in range(len(calendar.entries)):
            entry = validate(CalendarEntryFields, doc, ("entries", index), context)
            if isinstance(entry, list):
                errors.extend(entry)
            else:
                line = doc.line_of(("entries", index)) or 1
                url_line = doc.lines.get(("entries", index, "url"))
                entries.append(CalendarEntry(source, line, name, entry, index, url_line))
    return tuple(entries), errors
