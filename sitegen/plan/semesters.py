"""The school year as the calendar files declare it: semesters and their effective school days (hari efektif)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitegen.load.content import slugify
from sitegen.models.items import SchoolYear
from sitegen.plan.timeline import Happening, days_between


@dataclass(frozen=True)
class SchoolMonth:
    """The part of a semester in one month."""

    key: str  # "2026-07"
    first_day: date  # the 1st of the month
    effective_days: int  # teaching days of the semester in this month, no-school days taken off


@dataclass(frozen=True)
class Semester:
    name: str  # "Semester Ganjil"
    school_year: str  # "2026/2027"
    start: date  # its first day
    end: date  # its last day (inclusive)
    teaching_days: int  # 5 (Monday to Friday) or 6 (Monday to Saturday)
    months: tuple[SchoolMonth, ...]  # every month it touches, in order

    @property
    def title(self) -> str:
        """'Semester Ganjil 2026/2027'."""
        return self.name if self.school_year in self.name else f"{self.name} {self.school_year}"

    @property
    def effective_days(self) -> int:
        return sum(month.effective_days for month in self.months)

    @property
    def slug(self) -> str:
        """'semester-ganjil-2026-2027': its anchor on the calendar page."""
        return slugify(self.title)


def no_school_days(happenings: tuple[Happening, ...]) -> frozenset[date]:
    """Every day a no-school item (a holiday) touches; cancelled and postponed ones do not count."""
    return frozenset(
        day
        for h in happenings if h.no_school and h.schedule.status not in ("cancelled", "postponed")
        for o in h.occurrences()
        for day in days_between(o.first_day, o.last_day)
    )


def build_semesters(years: tuple[SchoolYear, ...], happenings: tuple[Happening, ...]) -> tuple[Semester, ...]:
    """Every declared semester with its effective school days: its teaching weekdays minus no-school days."""
    off = no_school_days(happenings)
    semesters = []
    for year in years:
        for declared in year.meta.semesters:
            counts: dict[date, int] = {}
            for day in days_between(declared.start, declared.end):
                counts.setdefault(day.replace(day=1), 0)
                if day.weekday() < year.meta.teaching_days and day not in off:
                    counts[day.replace(day=1)] += 1
            months = tuple(SchoolMonth(first.isoformat()[:7], first, n) for first, n in counts.items())
            semesters.append(Semester(declared.name, year.meta.name, declared.start, declared.end,
                                      year.meta.teaching_days, months))
    return tuple(sorted(semesters, key=lambda s: (s.start, s.name)))


@dataclass(frozen=True)
class CalendarSection:
    """A part of the calendar page: a semester, or a calendar file's entries outside every school year."""

    title: str  # "Semester Ganjil 2026/2027", or the calendar's title
    semester: Semester | None
    happenings: tuple[Happening, ...]  # its calendar entries (an entry merged with an event page is that page)


@dataclass(frozen=True)
class CalendarYear:
    name: str  # "2026/2027"
    teaching_days: int  # 5 or 6 a week
    sections: tuple[CalendarSection, ...]  # one per semester

    @property
    def effective_days(self) -> int:
        return sum(s.semester.effective_days for s in self.sections if s.semester)


def calendar_sections(
    years: tuple[SchoolYear, ...], semesters: tuple[Semester, ...], happenings: tuple[Happening, ...]
) -> tuple[tuple[CalendarYear, ...], tuple[CalendarSection, ...]]:
    """Every calendar entry once: in the semester of its school year that has begun by its first day
    (the first one before that), or under its calendar's title outside every declared school year."""
    placed: dict[Semester, list[Happening]] = {s: [] for s in semesters}
    others: dict[str, list[Happening]] = {}
    for h in happenings:
        if h.calendar is None:
            continue
        day = h.schedule.start_day
        year = next((y for y in years if y.meta.first_day <= day <= y.meta.last_day), None)
        own = [s for s in semesters if year and s.school_year == year.meta.name]
        if own:
            begun = [s for s in own if s.start <= day]
            placed[begun[-1] if begun else own[0]].append(h)
        else:
            others.setdefault(h.calendar, []).append(h)
    calendar_years = tuple(
        CalendarYear(y.meta.name, y.meta.teaching_days, tuple(
            CalendarSection(s.title, s, tuple(placed[s])) for s in semesters if s.school_year == y.meta.name))
        for y in years
    )
    return calendar_years, tuple(CalendarSection(name, None, tuple(items)) for name, items in sorted(others.items()))

