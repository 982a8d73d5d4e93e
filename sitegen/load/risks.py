"""What publishes but may harm: warnings about a valid content file (a banner for ever, names without consent,
placeholder text, the example school left behind)."""

from __future__ import annotations

import re
from datetime import timedelta

from sitegen.errors import SiteError, error
from sitegen.load.config import example_names
from sitegen.load.yamlload import Document
from sitegen.models.fields import AchievementFields, AnnouncementFields
from sitegen.models.scalars import Fields

SKELETON_TEXTS = ("Tulis isinya di sini.", "Write the text here.")  # what `new` and `init` leave to replace


def risks(fields: Fields, doc: Document, body: str, body_line: int, school: tuple[str, str]) -> list[SiteError]:
    """What publishes but may harm: a banner for ever, names without consent, placeholder text."""
    found = []
    source = doc.source
    if isinstance(fields, AnnouncementFields):
        if fields.priority == "urgent" and fields.expires is None:
            example = (fields.date + timedelta(days=7)).isoformat()
            found.append(error(source, doc.line_of(("priority",)), "expires", "urgent_without_expires",
                               example=example))
        if fields.expires is not None and fields.expires < fields.date:
            found.append(error(source, doc.line_of(("expires",)), "expires", "expires_before_date",
                               expires=fields.expires, date=fields.date))
    if isinstance(fields, AchievementFields):
        raw = doc.data.get("students") if isinstance(doc.data, dict) else None
        if isinstance(raw, str) and re.search(r",|;|\s(dan|and|&)\s", raw):
            shown = " ".join(f"{part[0].upper()}." for part in raw.split() if part)
            found.append(error(source, doc.line_of(("students",)), "students", "students_one_text", shown=shown))
        elif not fields.consent:
            for name in fields.students:
                line = _line_with(body, body_line, name) if len(name.split()) > 1 else None
                for key in ("title", "summary"):
                    value = doc.data.get(key) if isinstance(doc.data, dict) else None
                    if line is None and len(name.split()) > 1 and isinstance(value, str) and \
                            name.lower() in value.lower():
                        line = doc.line_of((key,))
                if line is not None:
                    initials = " ".join(f"{part[0].upper()}." for part in name.split())
                    found.append(error(source, line, None, "name_without_consent", name=name, initials=initials))
    for text in SKELETON_TEXTS:
        line = _line_with(body, body_line, text)
        if line is not None:
            found.append(error(source, line, None, "skeleton_text", text=text))
    found.extend(example_school_mentions(doc, body, body_line, school))
    return found


def example_school_mentions(doc: Document, body: str, body_line: int, school: tuple[str, str]) -> list[SiteError]:
    """The example school's name left in a site of another school: the first mention in the file."""
    name_of_school, town = school
    names = example_names(name_of_school, town)
    values = doc.data.items() if isinstance(doc.data, dict) else ()
    for key, value in values:
        for name in names:
            if isinstance(value, str) and name.lower() in value.lower():
                return [error(doc.source, doc.line_of((key,)), key, "example_school", name=name,
                              school=name_of_school)]
    for name in names:
        line = _line_with(body, body_line, name)
        if line is not None:
            return [error(doc.source, line, None, "example_school", name=name, school=name_of_school)]
    return []


def _line_with(body: str, body_line: int, text: str) -> int | None:
    """The file line of the first body line that holds `text` (ignoring case)."""
    lowered = body.lower()  # as many lines as the body: lower() keeps every line break
    at = lowered.find(text.lower())  # `text` is one line (a name, a placeholder)
    return None if at < 0 else body_line + lowered.count("\n", 0, at)
