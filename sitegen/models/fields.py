"""The fields of the content contract (docs/content-contract.md): front matter and calendar entries."""

from __future__ import annotations

import itertools
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal

from dateutil import rrule
from pydantic import Field, model_validator

from sitegen.models.scalars import (
    Audiences,
    Bool,
    Category,
    Date,
    DateList,
    Fields,
    Int,
    Link,
    Moment,
    PhotoFile,
    SchoolYearName,
    Slug,
    TeachingDays,
    Text,
    TextList,
    Title,
    WebAddress,
    When,
    choice,
    day_of,
    fail,
    show_moment,
    sort_key,
)

LEVELS = ("school", "subdistrict", "city", "province", "national", "international")
FIELDS = ("academic", "non-academic")
MODES = ("offline", "online", "hybrid")
STATUSES = ("scheduled", "postponed", "cancelled", "rescheduled")
REPEATS = ("daily", "weekly", "monthly")
PRIORITIES = ("normal", "important", "urgent")
HUMAS_STAGES = ("perencanaan", "pengorganisasian", "pelaksanaan", "evaluasi")  # the humas cycle, in order
DEFAULT_LENGTH = timedelta(hours=1)  # a timed event without `end`: on its page, in the .ics and the Google link
_FREQUENCIES: dict[str, Literal[1, 2, 3]] = {"monthly": rrule.MONTHLY, "weekly": rrule.WEEKLY, "daily": rrule.DAILY}



def school_year_days(first_year: int) -> tuple[date, date]:
    """1 July of `first_year` to 30 June of the next: an Indonesian school year runs from July to June."""
    return date(first_year, 7, 1), date(first_year + 1, 6, 30)


def school_year_of(day: date) -> int:
    """The first calendar year of the school year holding `day`: 2026 for 2027-03-01."""
    return day.year if day.month >= 7 else day.year - 1


class Common(Fields):
    """Fields every Markdown kind shares."""

    title: Title
    summary: Text | None = None
    image: Text | None = None  # "images/pentas-seni.jpg", under static/
    image_alt: Text | None = None
    tags: TextList = ()
    draft: Bool = False
    slug: Slug | None = None

    @model_validator(mode="after")
    def _image_needs_alt(self) -> Common:
        if self.image and not self.image_alt:
            raise fail("image_alt_required", field="image_alt", at="image")
        return self


class Schedule(Fields):
    """When and how an event happens: shared by event pages and calendar entries."""

    start: When
    end: When | None = None
    category: Category
    location: Text | None = None
    audience: Audiences = ()
    mode: Annotated[str, choice(*MODES)] = "offline"
    online_url: WebAddress | None = None
    status: Annotated[str, choice(*STATUSES)] = "scheduled"
    previous_start: When | None = None
    repeat: Annotated[str, choice(*REPEATS)] | None = None
    until: Date | None = None
    except_: DateList = Field(default=(), alias="except")  # `except` is a Python keyword
    humas_stage: Annotated[str, choice(*HUMAS_STAGES)] | None = None  # "perencanaan": its place in the humas year

    @model_validator(mode="after")
    def _consistent(self) -> Schedule:
        if self.end is not None:
            if isinstance(self.end, datetime) != isinstance(self.start, datetime):
                raise fail("end_kind_mismatch", field="end")
            if sort_key(self.end) < sort_key(self.start):
                raise fail("end_before_start", field="end", start=show_moment(self.start), end=show_moment(self.end))
        if self.mode != "offline" and not self.online_url:
            raise fail("online_url_required", field="online_url", at="mode", mode=self.mode)
        if self.status == "rescheduled" and self.previous_start is None:
            raise fail("previous_start_required", field="previous_start", at="status")
        if self.repeat and self.until is None:
            raise fail("until_required", field="until", at="repeat")
        if not self.repeat and self.until is not None:
            raise fail("until_without_repeat", field="until")
        if not self.repeat and self.except_:
            raise fail("until_without_repeat", field="except")
        if self.repeat and self.until is not None:
            if self.until < self.start_day:
                raise fail("until_before_start", field="until", until=self.until,
                            start=show_moment(self.start))
            days = self.series_days()
            for index, skipped in enumerate(self.except_):
                if skipped not in days:
                    near = sorted(days, key=lambda d: (abs((d - skipped).days), d))[:2]
                    raise fail("except_not_in_series", field="except", index=index,
                                value=skipped, nearby=", ".join(str(d) for d in sorted(near)))
        return self

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def start_day(self) -> date:
        return day_of(self.start)

    @property
    def finish(self) -> Moment | None:
        """The end as every copy shows it: `end`, or DEFAULT_LENGTH after a start with a time."""
        if self.end is None and isinstance(self.start, datetime):
            return self.start + DEFAULT_LENGTH
        return self.end

    @property
    def end_day(self) -> date:
        """The last day the event touches (inclusive)."""
        return day_of(self.end) if self.end is not None else self.start_day

    def series_days(self) -> tuple[date, ...]:
        """The first day of every occurrence, `except` dates included; one for a single event."""
        if not self.repeat or self.until is None:
            return (self.start_day,)
        first = datetime.combine(self.start_day, time())
        last = datetime.combine(self.until, time())
        series = rrule.rrule(_FREQUENCIES[self.repeat], dtstart=first, until=last)
        return tuple(d.date() for d in series)



class Photo(Fields):
    """One photo of an album: a file under static/, its text alternative and an optional caption."""

    file: PhotoFile  # "images/albums/pentas-seni-2026/01.jpg", under static/
    alt: Text
    caption: Text | None = None


class Album(Fields):
    """Documentation of an activity: published only when the guardians agreed (`consent: true`)."""

    consent: Bool = False
    photos: tuple[Photo, ...]

    @model_validator(mode="after")
    def _consented(self) -> Album:
        if not self.consent:
            raise fail("album_consent_required", field="consent", at="photos")
        if not self.photos:
            raise fail("album_empty", field="photos")
        return self


class Documented(Fields):
    """Items that can carry an album of photos."""

    album: Album | None = None


class EventFields(Common, Schedule, Documented):
    """Front matter of content/events/*.md."""


class CalendarEntryFields(Schedule):
    """One entry of content/calendars/*.yaml."""

    id: Slug | None = None  # "upacara-senin": keeps the entry's identity in calendar apps when its title changes
    title: Title
    description: Text | None = None
    url: Link | None = None
    no_school: Bool | None = None  # true: no lessons on its days; unset: as its category says


class SemesterFields(Fields):
    """`{name: Semester Ganjil, start: 2026-07-13, end: 2026-12-19}`."""

    name: Text  # "Semester Ganjil"
    start: Date  # its first day
    end: Date  # its last day (inclusive)

    @model_validator(mode="after")
    def _ordered(self) -> SemesterFields:
        if self.end < self.start:
            raise fail("end_before_start", field="end", start=self.start, end=self.end)
        return self


class SchoolYearFields(Fields):
    """The `school_year:` of a calendar file: its name, teaching days and semesters."""

    name: SchoolYearName  # "2026/2027"
    teaching_days: TeachingDays  # 5 (Monday to Friday) or 6 (to Saturday)
    semesters: tuple[SemesterFields, ...]

    @model_validator(mode="after")
    def _semesters_fit(self) -> SchoolYearFields:
        if not self.semesters:
            raise fail("empty_required", field="semesters")
        for index, semester in enumerate(self.semesters):
            for part, day in (("start", semester.start), ("end", semester.end)):
                if not self.first_day <= day <= self.last_day:
                    raise fail("semester_outside_year", path=f"semesters.{index}.{part}", name=semester.name,
                                start=semester.start, end=semester.end, school_year=self.name,
                                first=self.first_day, last=self.last_day)
        ordered = sorted(enumerate(self.semesters), key=lambda pair: (pair[1].start, pair[0]))
        for (_, earlier), (index, later) in itertools.pairwise(ordered):
            if later.start <= earlier.end:
                raise fail("semester_overlap", path=f"semesters.{index}.start", name=later.name,
                            start=later.start, end=later.end, other=earlier.name,
                            other_start=earlier.start, other_end=earlier.end)
        return self

    @property
    def first_day(self) -> date:
        return school_year_days(int(self.name[:4]))[0]

    @property
    def last_day(self) -> date:
        return school_year_days(int(self.name[:4]))[1]


class CalendarFields(Fields):
    title: Title | None = None
    school_year: SchoolYearFields | None = None
    entries: tuple[dict[str, Any], ...] = ()  # each validated as CalendarEntryFields


class AchievementFields(Common, Documented):
    date: Date
    level: Annotated[str, choice(*LEVELS)]
    field: Annotated[str, choice(*FIELDS)]
    rank: Text | None = None
    competition: Text | None = None
    organizer: Text | None = None
    students: TextList = ()
    consent: Bool = False


class Attachment(Fields):
    title: Title
    file: Text  # "files/jadwal-rapor.pdf", under static/


class AnnouncementFields(Common):
    date: Date
    expires: Date | None = None
    priority: Annotated[str, choice(*PRIORITIES)] = "normal"
    pinned: Bool = False
    audience: Audiences = ()
    attachments: tuple[Attachment, ...] = ()


class PageFields(Common):
    order: Int = 0
    timeline: Bool = False  # true: the school's own distinctions follow the text as a timeline
    humas_cycle: Bool = False  # true: this school year's humas cycle with its events comes first
    example: Bool = False  # true: the facts are not the school's yet; every copy says "Contoh"


class HomeFields(Fields):
    title: Title
    summary: Text | None = None
