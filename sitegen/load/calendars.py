"""content/calendars/*.yaml: academic calendars and holiday lists into CalendarEntry and SchoolYear items."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sitegen.errors import BuildFailed, SiteError, error
from sitegen.load.config import example_names
from sitegen.load.yamlload import load_yaml, validate
from sitegen.models.fields import CalendarEntryFields, CalendarFields
from sitegen.models.items import CalendarEntry, SchoolYear
from sitegen.models.settings import SiteConfig
from sitegen.sources import list_files, read_text


def load_calendars(
    root: Path, config: SiteConfig
) -> tuple[tuple[CalendarEntry, ...], tuple[SchoolYear, ...], list[SiteError], list[SiteError]]:
    """Every entry and school year of every calendar file, validated; problems and warnings are returned."""
    context = {
        "category": tuple(sorted(config.calendar.categories)),
        "audience": tuple(sorted(config.calendar.audiences)),
    }
    entries: list[CalendarEntry] = []
    years: dict[str, SchoolYear] = {}
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
        calendar, problems = validate(CalendarFields, doc)
        errors.extend(problems)
        if calendar is None:
            continue
        if calendar.school_year is not None:
            name, line = calendar.school_year.name, doc.line_of(("school_year", "name")) or 1
            if name in years:
                errors.append(error(source, line, "school_year.name", "school_year_twice", value=name,
                                    other=years[name].source))
            else:
                years[name] = SchoolYear(source, doc.line_of(("school_year",)) or 1, calendar.school_year)
        title = calendar.title or file.stem
        ids: dict[str, int] = {}  # id -> the line that first used it
        for index in range(len(calendar.entries)):
            entry, problems = validate(CalendarEntryFields, doc, ("entries", index), context)
            errors.extend(problems)
            if entry is not None:
                line = doc.line_of(("entries", index)) or 1
                if entry.id is not None and entry.id in ids:
                    errors.append(error(source, doc.lines.get(("entries", index, "id")), f"entries.{index}.id",
                                        "calendar_id_duplicate", value=entry.id, first_line=ids[entry.id]))
                    continue
                if entry.id is not None:
                    ids[entry.id] = doc.lines.get(("entries", index, "id")) or line
                url_line = doc.lines.get(("entries", index, "url"))
                entries.append(CalendarEntry(source, line, title, entry, index, url_line))
        texts = [(doc.line_of(("title",)), calendar.title)] + [
            (e.line, text) for e in entries if e.source == source
            for text in (e.meta.title, e.meta.description, e.meta.location)
        ]
        warnings.extend(_example_school(source, texts, names, config.school.name))
    return tuple(entries), tuple(years[name] for name in sorted(years)), errors, warnings


def _example_school(
    source: str, texts: list[tuple[int | None, str | None]], names: tuple[str, ...], school: str
) -> list[SiteError]:
    """The first mention of the example school in a calendar of another school."""
    for line, text in texts:
        found = next((n for n in names if text and n.lower() in text.lower()), None)
        if found:
            return [error(source, line, None, "example_school", name=found, school=school)]
    return []


# --- national holidays and cuti bersama as an editable calendar file ----------------------------

ESTIMATED = "(perkiraan)"  # what the holidays library adds to the Indonesian name of an estimated date
ESTIMATED_NOTE = "Tanggal ini masih perkiraan; tanggal pastinya mengikuti keputusan pemerintah."


@dataclass(frozen=True)
class Holiday:
    day: date
    name: str  # "Hari Raya Idul Fitri (perkiraan)", as the holidays library names it in Indonesian
    joint_leave: bool  # cuti bersama rather than a national holiday

    @property
    def is_estimated(self) -> bool:
        return ESTIMATED in self.name


def national_holidays(first_year: int) -> tuple[Holiday, ...]:
    """Indonesia's national holidays and cuti bersama from 1 July `first_year` to 30 June the year after."""
    import holidays  # only the `libur` command needs it, and importing it takes a while
    from holidays.constants import GOVERNMENT, PUBLIC

    first, last = date(first_year, 7, 1), date(first_year + 1, 6, 30)
    found = []
    for category in (PUBLIC, GOVERNMENT):  # GOVERNMENT: the cuti bersama of the joint decree
        table = holidays.country_holidays("ID", years=(first_year, first_year + 1), language="id",
                                          categories=(category,))
        found += [Holiday(day, name, category == GOVERNMENT)
                  for day in table if first <= day <= last for name in table.get_list(day)]
    return tuple(sorted(found, key=lambda h: (h.day, h.joint_leave, h.name)))


def holiday_calendar(school_year: str, found: tuple[Holiday, ...], category: str, source: str) -> str:
    """The text of a calendar file with these holidays, for everyone, in `category`; `source` names the library."""
    first_year = int(school_year[:4])
    lines = [
        f"# Libur nasional dan cuti bersama tahun pelajaran {school_year} "
        f"({date(first_year, 7, 1)} s.d. {date(first_year + 1, 6, 30)}).",
        "#",
        f'# Dibuat oleh "python build.py libur {school_year}" dari {source}.',
        "# Periksa dengan SKB 3 Menteri tentang hari libur nasional dan cuti bersama tahun ini. Tanggal",
        f'# bertanda "{ESTIMATED}" belum pasti. Berkas ini boleh disunting: ubah atau hapus tanggal, dan',
        "# tambahkan libur daerah. Perintah itu tidak menimpa berkas yang sudah ada (kecuali dengan --force).",
        f"title: Libur Nasional dan Cuti Bersama {school_year}",
        "entries:",
    ]
    for holiday in found:
        lines += [f"  - title: {_yaml_text(holiday.name)}", f"    start: {holiday.day.isoformat()}",
                  f"    category: {category}"]
        if holiday.is_estimated:
            lines.append(f"    description: {ESTIMATED_NOTE}")
    return "\n".join(lines) + "\n"


def _yaml_text(text: str) -> str:
    """Plain when YAML reads it back as the same text, else double-quoted."""
    if re.fullmatch(r"[A-Za-z0-9À-ž][A-Za-z0-9À-ž '’().,/-]*", text) and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)
