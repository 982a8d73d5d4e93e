"""Typed, frozen models of the content contract (DESIGN.md section 3); no I/O here."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dateutil import rrule
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainValidator, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from sitegen.history import Revision
from sitegen.sources import CONTROL

# A moment is a date (all day) or a naive local time in the site's zone.
Moment = date | datetime

_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MOMENT = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2})[:.](\d{2}))?")
_TIME_ONLY = re.compile(r"\d{1,2}[:.]\d{2}")
_YEARS = (1900, 2199)  # a school's history to its far future; beyond is a typo
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_LINE_BREAKS = re.compile(r"\s*[\r\n\u2028\u2029\x85]+\s*")
# A site address whose every character is safe in HTML, CSS, XML and iCalendar without escaping.
_BASE_URL = re.compile(r"https?://[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d{1,5})?(/[A-Za-z0-9._~%-]+)*/?")

LEVELS = ("school", "subdistrict", "city", "province", "national", "international")
FIELDS = ("academic", "non-academic")
MODES = ("offline", "online", "hybrid")
STATUSES = ("scheduled", "postponed", "cancelled", "rescheduled")
REPEATS = ("daily", "weekly", "monthly")
PRIORITIES = ("normal", "important", "urgent")
HUMAS_STAGES = ("perencanaan", "pengorganisasian", "pelaksanaan", "evaluasi")  # the humas cycle, in order
DEFAULT_LENGTH = timedelta(hours=1)  # a timed event without `end`: on its page, in the .ics and the Google link
_FREQUENCIES: dict[str, Literal[1, 2, 3]] = {"monthly": rrule.MONTHLY, "weekly": rrule.WEEKLY, "daily": rrule.DAILY}


def _fail(code: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, {k: str(v) for k, v in ctx.items()})


def _text(value: Any) -> str:
    if isinstance(value, list | dict):
        raise _fail("not_text")
    if value is None or not value.strip():
        raise _fail("empty")
    return _clean(value)


def _clean(value: str) -> str:
    """Stripped, line ends as '\\n' (never a bare CR in a feed), no control characters."""
    text = re.sub(r"\r\n?", "\n", value.strip())
    found = CONTROL.search(text)  # a YAML escape such as "\\e" makes one
    if found:
        raise _fail("control_character_value", codepoint=f"U+{ord(found[0]):04X}")
    return text


def _title(value: Any) -> str:
    """A title written over several lines (YAML '|', "\\n") is one line: its lines joined by a space."""
    return _LINE_BREAKS.sub(" ", _text(value))


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_LINE_BREAKS.sub(" ", _clean(value)),)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail("not_list")
    return tuple(_LINE_BREAKS.sub(" ", _clean(v)) for v in value)


MONTHS = {
    name: number
    for number, names in enumerate((
        ("januari", "january", "jan"), ("februari", "february", "feb", "pebruari"), ("maret", "march", "mar"),
        ("april", "apr"), ("mei", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
        ("agustus", "august", "agu", "agt", "ags", "aug"), ("september", "sept", "sep"),
        ("oktober", "october", "okt", "oct"), ("november", "nopember", "nov"), ("desember", "december", "des", "dec"),
    ), start=1)
    for name in names
}
_WORDS_DATE = re.compile(r"(?:\w+,\s*)?(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:,?\s+(?:pukul\s+)?(\d{1,2})[:.](\d{2}))?"
                         r"(?:\s*(?:wib|wita|wit))?", re.I)
_DAY_FIRST = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?")
_CURLY = "“”„‘’‚"


def _suggest(text: str, with_time: bool) -> None:
    """'5 Desember 2026', '05/12/2026' or a date in curly quotes: an error that shows how to write it."""
    if any(mark in text for mark in _CURLY):
        inner = text.strip(_CURLY + " ")
        raise _fail("curly_quotes", value=text, suggestion=f'"{inner}"')
    words = _WORDS_DATE.fullmatch(text.strip())
    numbers = _DAY_FIRST.fullmatch(text.strip())
    if words and words[2].lower() in MONTHS:
        day, month, year, hour, minute = int(words[1]), MONTHS[words[2].lower()], int(words[3]), words[4], words[5]
    elif numbers:
        day, month, year, hour, minute = int(numbers[1]), int(numbers[2]), int(numbers[3]), numbers[4], numbers[5]
    else:
        return
    try:
        shown = date(year, month, day).isoformat()
    except ValueError:
        return
    if hour is not None and with_time:
        shown = f'"{shown} {int(hour):02d}:{minute}"'
    raise _fail("date_words", value=text, suggestion=shown)


def parse_date(value: Any) -> date:
    """`2026-12-05` -> date; anything else is a 'date_invalid' error."""
    text = _text(value)
    match = _DATE.fullmatch(text)
    try:
        if match and _YEARS[0] <= int(match[1]) <= _YEARS[1]:
            return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        pass
    _suggest(text, with_time=False)
    raise _fail("date_invalid", value=text)


def parse_moment(value: Any) -> Moment:
    """`2026-12-05` -> date, `2026-12-05 08:00` -> naive datetime in the site's zone."""
    text = _text(value)
    if _TIME_ONLY.fullmatch(text):
        hour, minute = (int(part) for part in re.split(r"[:.]", text))
        raise _fail("time_without_date" if hour < 24 and minute < 60 else "moment_invalid", value=text)
    match = _MOMENT.fullmatch(text)
    if not match:
        _suggest(text, with_time=True)
    if match and not _YEARS[0] <= int(match[1]) <= _YEARS[1]:
        raise _fail("moment_invalid", value=text)
    try:
        if match and match[4] is None:
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match:
            return datetime(int(match[1]), int(match[2]), int(match[3]), int(match[4]), int(match[5]))
    except ValueError:
        pass
    raise _fail("moment_invalid", value=text)


def _bool(value: Any) -> bool:
    text = _text(value).lower()
    if text in ("true", "yes", "ya"):
        return True
    if text in ("false", "no", "tidak"):
        return False
    raise _fail("bool_invalid", value=text)


def _int(value: Any) -> int:
    text = _text(value)
    if not re.fullmatch(r"-?\d+", text):
        raise _fail("int_invalid", value=text)
    return int(text)


def _slug(value: Any) -> str:
    text = _text(value)
    if not _SLUG.fullmatch(text):
        raise _fail("slug_invalid", value=text)
    return text


def _link(value: Any) -> str:
    """A link an editor writes: absolute http(s), or root-relative '/...'."""
    text = _text(value)
    if re.fullmatch(r"https?://[^\s/]+\S*", text) or re.fullmatch(r"/\S*", text):
        return text
    raise _fail("url_invalid", value=text)


def _web_address(value: Any) -> str:
    text = _text(value)
    if re.fullmatch(r"https?://[^\s/]+\S*", text):
        return text
    raise _fail("url_invalid", value=text)


def _choice(*allowed: str) -> PlainValidator:
    def check(value: Any) -> str:
        text = _text(value)
        if text not in allowed:
            raise _fail("choice_invalid", value=text, allowed=", ".join(allowed))
        return text

    return PlainValidator(check)


def _misindented(item: str) -> None:
    """'komite - orang-tua': list lines that YAML read as one value because they are not aligned."""
    if re.search(r"\s-\s", item):
        raise _fail("list_misindented", value=item)


def _keys_of(kind: str) -> PlainValidator:
    """A key that site.yaml defines: the allowed keys arrive in the validation context."""

    def check(value: Any, info: ValidationInfo) -> str:
        text = _text(value)
        allowed = (info.context or {}).get(kind, ())
        if text not in allowed:
            _misindented(text)
            raise _fail(f"{kind}_unknown", value=text, allowed=", ".join(allowed))
        return text

    return PlainValidator(check)


def _audiences(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    allowed = (info.context or {}).get("audience", ())
    items = _text_list(value)
    for item in items:
        if item not in allowed:
            _misindented(item)
            raise _fail("audience_unknown", value=item, allowed=", ".join(allowed))
    return items


def _dates(value: Any) -> tuple[date, ...]:
    items = _text_list(value)
    for item in items:
        if not _DATE.fullmatch(item):
            _misindented(item)
    return tuple(parse_date(item) for item in items)


def _base_url(value: Any) -> str:
    """The site's address always ends with '/': 'https://user.github.io/repo/'."""
    text = _text(value)
    if not _BASE_URL.fullmatch(text):
        raise _fail("base_url_invalid", value=text)
    return text if text.endswith("/") else text + "/"


def _keys_are_slugs(value: dict[str, Any]) -> dict[str, Any]:
    """Keys that become file names and URL segments ("kelas-7"): lowercase letters, digits, hyphens."""
    for key in value:
        if not _SLUG.fullmatch(key):
            raise _fail("slug_invalid", field=key, value=key)
    return value


def _hostname(value: Any) -> str:
    text = _text(value)
    if not re.fullmatch(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", text.lower()):
        raise _fail("cname_invalid", value=text)
    return text.lower()


def _timezone(value: Any) -> str:
    text = _text(value)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise _fail("timezone_unknown", value=text) from exc
    return text


def _school_year_name(value: Any) -> str:
    """'2026/2027': two consecutive years."""
    text = _text(value)
    match = re.fullmatch(r"(\d{4})/(\d{4})", text)
    if not match or int(match[2]) != int(match[1]) + 1 or not _YEARS[0] <= int(match[1]) < _YEARS[1]:
        raise _fail("school_year_invalid", value=text)
    return text


def _teaching_days(value: Any) -> int:
    text = _text(value)
    if text not in ("5", "6"):
        raise _fail("teaching_days_invalid", value=text)
    return int(text)


def _color(value: Any) -> str:
    text = _text(value)
    if not _COLOR.fullmatch(text):
        raise _fail("choice_invalid", value=text, allowed="#rrggbb, misalnya #1d4ed8")
    return text


Text = Annotated[str, PlainValidator(_text)]
Title = Annotated[str, PlainValidator(_title)]  # one line: titles, labels, names
TextList = Annotated[tuple[str, ...], PlainValidator(_text_list)]
Bool = Annotated[bool, PlainValidator(_bool)]
Int = Annotated[int, PlainValidator(_int)]
Slug = Annotated[str, PlainValidator(_slug)]
Link = Annotated[str, PlainValidator(_link)]
WebAddress = Annotated[str, PlainValidator(_web_address)]
Date = Annotated[date, PlainValidator(parse_date)]
DateList = Annotated[tuple[date, ...], PlainValidator(_dates)]
When = Annotated[Moment, PlainValidator(parse_moment)]
Category = Annotated[str, _keys_of("category")]
Audiences = Annotated[tuple[str, ...], PlainValidator(_audiences)]


class Fields(BaseModel):
    """Front matter or YAML mapping: frozen, and unknown keys are errors."""

    model_config = ConfigDict(frozen=True, extra="forbid")


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
            raise _fail("image_alt_required", field="image_alt", at="image")
        return self


class Schedule(Fields):
    """When and how an event happens: shared by event pages and calendar entries."""

    start: When
    end: When | None = None
    category: Category
    location: Text | None = None
    audience: Audiences = ()
    mode: Annotated[str, _choice(*MODES)] = "offline"
    online_url: WebAddress | None = None
    status: Annotated[str, _choice(*STATUSES)] = "scheduled"
    previous_start: When | None = None
    repeat: Annotated[str, _choice(*REPEATS)] | None = None
    until: Date | None = None
    except_: DateList = Field(default=(), alias="except")  # `except` is a Python keyword
    humas_stage: Annotated[str, _choice(*HUMAS_STAGES)] | None = None  # "perencanaan": its place in the humas year

    @model_validator(mode="after")
    def _consistent(self) -> Schedule:
        if self.end is not None:
            if isinstance(self.end, datetime) != isinstance(self.start, datetime):
                raise _fail("end_kind_mismatch", field="end")
            if sort_key(self.end) < sort_key(self.start):
                raise _fail("end_before_start", field="end", start=_show(self.start), end=_show(self.end))
        if self.mode != "offline" and not self.online_url:
            raise _fail("online_url_required", field="online_url", at="mode", mode=self.mode)
        if self.status == "rescheduled" and self.previous_start is None:
            raise _fail("previous_start_required", field="previous_start", at="status")
        if self.repeat and self.until is None:
            raise _fail("until_required", field="until", at="repeat")
        if not self.repeat and self.until is not None:
            raise _fail("until_without_repeat", field="until")
        if not self.repeat and self.except_:
            raise _fail("until_without_repeat", field="except")
        if self.repeat and self.until is not None:
            if self.until < self.start_day:
                raise _fail("until_before_start", field="until", until=self.until,
                            start=_show(self.start))
            days = self.series_days()
            for index, skipped in enumerate(self.except_):
                if skipped not in days:
                    near = sorted(days, key=lambda d: (abs((d - skipped).days), d))[:2]
                    raise _fail("except_not_in_series", field="except", index=index,
                                value=skipped, nearby=", ".join(str(d) for d in sorted(near)))
        return self

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, datetime)

    @property
    def start_day(self) -> date:
        return _day(self.start)

    @property
    def finish(self) -> Moment | None:
        """The end as every copy shows it: `end`, or DEFAULT_LENGTH after a start with a time."""
        if self.end is None and isinstance(self.start, datetime):
            return self.start + DEFAULT_LENGTH
        return self.end

    @property
    def end_day(self) -> date:
        """The last day the event touches (inclusive)."""
        return _day(self.end) if self.end is not None else self.start_day

    def series_days(self) -> tuple[date, ...]:
        """The first day of every occurrence, `except` dates included; one for a single event."""
        if not self.repeat or self.until is None:
            return (self.start_day,)
        first = datetime.combine(self.start_day, time())
        last = datetime.combine(self.until, time())
        series = rrule.rrule(_FREQUENCIES[self.repeat], dtstart=first, until=last)
        return tuple(d.date() for d in series)


def _day(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def sort_key(moment: Moment) -> datetime:
    """A date sorts as its midnight, so dates and times order together."""
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time())


def _show(moment: Moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()


def _photo_file(value: Any) -> str:
    """A JPEG, PNG or WebP file under static/: the formats whose metadata the build can remove."""
    text = _text(value).lstrip("/")
    if not re.search(r"\.(jpe?g|png|webp)$", text, re.IGNORECASE):
        raise _fail("album_photo_format", value=text)
    return text


class Photo(Fields):
    """One photo of an album: a file under static/, its text alternative and an optional caption."""

    file: Annotated[str, PlainValidator(_photo_file)]  # "images/albums/pentas-seni-2026/01.jpg", under static/
    alt: Text
    caption: Text | None = None


class Album(Fields):
    """Documentation of an activity: published only when the guardians agreed (`consent: true`)."""

    consent: Bool = False
    photos: tuple[Photo, ...]

    @model_validator(mode="after")
    def _consented(self) -> Album:
        if not self.consent:
            raise _fail("album_consent_required", field="consent", at="photos")
        if not self.photos:
            raise _fail("album_empty", field="photos")
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
            raise _fail("end_before_start", field="end", start=self.start, end=self.end)
        return self


class SchoolYearFields(Fields):
    """The `school_year:` of a calendar file: its name, teaching days and semesters."""

    name: Annotated[str, PlainValidator(_school_year_name)]  # "2026/2027"
    teaching_days: Annotated[int, PlainValidator(_teaching_days)]  # 5 (Monday to Friday) or 6 (to Saturday)
    semesters: tuple[SemesterFields, ...]

    @model_validator(mode="after")
    def _semesters_fit(self) -> SchoolYearFields:
        if not self.semesters:
            raise _fail("empty_required", field="semesters")
        for index, semester in enumerate(self.semesters):
            for part, day in (("start", semester.start), ("end", semester.end)):
                if not self.first_day <= day <= self.last_day:
                    raise _fail("semester_outside_year", path=f"semesters.{index}.{part}", name=semester.name,
                                start=semester.start, end=semester.end, school_year=self.name,
                                first=self.first_day, last=self.last_day)
        ordered = sorted(enumerate(self.semesters), key=lambda pair: (pair[1].start, pair[0]))
        for (_, earlier), (index, later) in itertools.pairwise(ordered):
            if later.start <= earlier.end:
                raise _fail("semester_overlap", path=f"semesters.{index}.start", name=later.name,
                            start=later.start, end=later.end, other=earlier.name,
                            other_start=earlier.start, other_end=earlier.end)
        return self

    @property
    def first_day(self) -> date:
        """1 July of the first year: an Indonesian school year runs from July to June."""
        return date(int(self.name[:4]), 7, 1)

    @property
    def last_day(self) -> date:
        return date(int(self.name[:4]) + 1, 6, 30)


class CalendarFields(Fields):
    title: Title | None = None
    school_year: SchoolYearFields | None = None
    entries: tuple[dict[str, Any], ...] = ()  # each validated as CalendarEntryFields


class AchievementFields(Common, Documented):
    date: Date
    level: Annotated[str, _choice(*LEVELS)]
    field: Annotated[str, _choice(*FIELDS)]
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
    priority: Annotated[str, _choice(*PRIORITIES)] = "normal"
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


# --- site.yaml -------------------------------------------------------------------------


class Address(Fields):
    street: Text
    locality: Text
    region: Text | None = None
    postal_code: Text | None = None
    country: Text = "ID"


class School(Fields):
    name: Text
    address: Address
    type: Text = "School"
    phone: Text | None = None
    email: Text | None = None
    whatsapp: Text | None = None  # "6281234567890", international form without '+'
    logo: Text | None = None  # "images/logo.png", under static/
    social: dict[str, WebAddress] = {}


class Section(Fields):
    path: Slug  # "agenda"
    title: Title  # "Agenda Kegiatan"


class Sections(Fields):
    events: Section = Section(path="agenda", title="Agenda Kegiatan")
    achievements: Section = Section(path="prestasi", title="Prestasi")
    announcements: Section = Section(path="pengumuman", title="Pengumuman")
    pages: Section = Section(path="informasi", title="Informasi Orang Tua")
    calendar: Section = Section(path="kalender", title="Kalender Akademik")
    albums: Section = Section(path="dokumentasi", title="Dokumentasi Kegiatan")


ENGLISH_SECTIONS = Sections(
    events=Section(path="agenda", title="Events"),
    achievements=Section(path="prestasi", title="Achievements"),
    announcements=Section(path="pengumuman", title="Announcements"),
    pages=Section(path="informasi", title="Information for parents"),
    calendar=Section(path="kalender", title="School calendar"),
    albums=Section(path="dokumentasi", title="Activity photos"),
)


class MenuItem(Fields):
    title: Title
    url: Link


class TaskLink(Fields):
    """What parents come for, near the top of the home page: {title: SPMB, url: /informasi/layanan/spmb/}."""

    title: Title
    url: Link


DEFAULT_SYNONYMS = {  # a word parents type -> words the site uses for the same thing
    "ujian": ("penilaian", "pas", "pts", "asesmen"),
    "ppdb": ("spmb", "penerimaan murid baru", "pendaftaran"),
    "spmb": ("ppdb",),
    "libur": ("liburan", "cuti bersama", "hari libur"),
    "rapor": ("raport", "hasil belajar"),
    "seragam": ("pakaian sekolah", "atribut sekolah"),
}


class SearchSettings(Fields):
    # site.yaml's own words are added to the defaults; a word mapped to [] removes a default
    synonyms: dict[str, TextList] = {}

    def all_synonyms(self) -> dict[str, tuple[str, ...]]:
        """The defaults with site.yaml's entries on top; words lower-case."""
        merged = {**DEFAULT_SYNONYMS, **{k.strip().lower(): v for k, v in self.synonyms.items()}}
        return {key: tuple(w.lower() for w in words) for key, words in sorted(merged.items()) if words}


class CategorySetting(Fields):
    label: Title
    color: Annotated[str, PlainValidator(_color)]
    no_school: Bool = False  # true: no lessons on the days of its entries (holidays)


EVERYONE = "semua"  # the audience key of items for the whole school, unless calendar.everyone says otherwise


class CalendarSettings(Fields):
    categories: Annotated[dict[str, CategorySetting], AfterValidator(_keys_are_slugs)]
    audiences: Annotated[dict[str, Text], AfterValidator(_keys_are_slugs)] = {}
    everyone: Text = EVERYONE  # the audience key that means "for everyone": "semua"

    @model_validator(mode="after")
    def _everyone_is_an_audience(self) -> CalendarSettings:
        if "everyone" in self.model_fields_set and self.everyone not in self.audiences:
            raise _fail("audience_unknown", field="everyone", value=self.everyone,
                        allowed=", ".join(sorted(self.audiences)))
        return self

    def is_for_everyone(self, audience: tuple[str, ...]) -> bool:
        """No audience at all, or the everyone-key among them."""
        return not audience or self.everyone in audience

    def is_no_school(self, category: str, no_school: bool | None = None) -> bool:
        """Whether an item keeps pupils home: its own `no_school`, else its category's."""
        return self.categories[category].no_school if no_school is None else no_school


def _repository(value: Any) -> str:
    """'owner/name': a GitHub repository."""
    text = _text(value)
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}", text):
        raise _fail("repository_invalid", value=text)
    return text


class EditorSettings(Fields):
    """`editor:` in site.yaml: the form editor at /admin/ and the GitHub repository it saves to."""

    repo: Annotated[str, PlainValidator(_repository)]  # "smpn1-prabumulih/situs"
    branch: Text = "main"


class SiteConfig(Fields):
    """site.yaml."""

    title: Title
    description: Text
    base_url: Annotated[str, PlainValidator(_base_url)]  # "https://user.github.io/repo/"
    language: Annotated[str, _choice("id", "en")] = "id"
    timezone: Annotated[str, PlainValidator(_timezone)] = "Asia/Jakarta"
    school: School
    sections: Sections = Sections()
    menu: tuple[MenuItem, ...] = ()
    tasks: tuple[TaskLink, ...] = ()  # what parents look for first, on the home page
    search: SearchSettings = SearchSettings()
    calendar: CalendarSettings
    output_dir: Text = "_site"
    og_image: Text | None = None  # "images/kartu-sekolah.png": the link-preview picture of pages without one
    cname: Annotated[str, PlainValidator(_hostname)] | None = None  # "www.smpn1prabumulih.sch.id"
    editor: EditorSettings | None = None  # set: the build adds the form editor at /admin/

    @model_validator(mode="after")
    def _sections_in_language(self) -> SiteConfig:
        """Section titles nobody wrote follow the site's language."""
        if self.language == "en" and "sections" not in self.model_fields_set:
            return self.model_copy(update={"sections": ENGLISH_SECTIONS})
        if self.language == "en" and "albums" not in self.sections.model_fields_set:
            sections = self.sections.model_copy(update={"albums": ENGLISH_SECTIONS.albums})
            return self.model_copy(update={"sections": sections})
        return self

    @property
    def base_path(self) -> str:
        """'/repo/' for a project site, '/' for a custom domain."""
        path = "/" + self.base_url.split("://", 1)[1].partition("/")[2]
        return path if path.endswith("/") else path + "/"

    def url(self, path: str) -> str:
        """What a browser asks for: '/agenda/' -> '/repo/agenda/'; full addresses stay as they are."""
        if "://" in path or path.startswith(("mailto:", "tel:", "#")):
            return path
        return self.base_path + path.lstrip("/")

    def absolute_url(self, path: str) -> str:
        """'/agenda/' -> 'https://user.github.io/repo/agenda/'; full addresses stay as they are."""
        link = self.url(path)
        return link if "://" in link or not link.startswith("/") else self.origin + link

    @property
    def origin(self) -> str:
        """'https://user.github.io'."""
        scheme, rest = self.base_url.split("://", 1)
        return f"{scheme}://{rest.partition('/')[0]}"


# --- what the loaders produce ----------------------------------------------------------


@dataclass(frozen=True)
class BodyLink:
    """A link written in Markdown, with the line it stands on."""

    url: str  # "/informasi/kontak/"
    line: int


@dataclass(frozen=True)
class Doc:
    """What every Markdown item has besides its front matter."""

    source: str  # "content/events/pentas-seni.md"
    slug: str  # "pentas-seni"
    path: str  # "/agenda/pentas-seni/", site-relative; url() adds the base path
    body_html: str  # sanitized HTML of the Markdown body
    links: tuple[BodyLink, ...]  # internal links of the body, for check_links
    slug_line: int | None  # the line of `slug:` when the front matter sets one


@dataclass(frozen=True)
class Event:
    doc: Doc
    meta: EventFields


@dataclass(frozen=True)
class Achievement:
    doc: Doc
    meta: AchievementFields


@dataclass(frozen=True)
class Announcement:
    doc: Doc
    meta: AnnouncementFields


@dataclass(frozen=True)
class Page:
    doc: Doc
    meta: PageFields


@dataclass(frozen=True)
class Home:
    doc: Doc
    meta: HomeFields


@dataclass(frozen=True)
class CalendarEntry:
    source: str  # "content/calendars/2026-2027.yaml"
    line: int  # line of the entry in that file
    calendar: str  # "Kalender Akademik 2026/2027"
    meta: CalendarEntryFields
    index: int  # its place in `entries`, for messages: "entries.3.url"
    url_line: int | None  # the line of its `url:`


@dataclass(frozen=True)
class SchoolYear:
    """The `school_year:` a calendar file declares."""

    source: str  # "content/calendars/2026-2027.yaml"
    line: int  # the line of `school_year:`
    meta: SchoolYearFields


@dataclass(frozen=True)
class Site:
    """Everything the sources say, validated; nothing after this reads files."""

    config: SiteConfig
    home: Home | None
    events: tuple[Event, ...]
    achievements: tuple[Achievement, ...]
    announcements: tuple[Announcement, ...]
    pages: tuple[Page, ...]
    calendar_entries: tuple[CalendarEntry, ...]
    school_years: tuple[SchoolYear, ...]  # as the calendar files declare them, by name
    static_files: dict[str, int]  # "images/logo.png" (relative to static/) -> size in bytes
    drafts: bool  # True when drafts are shown (serve)
    config_lines: dict[tuple[str | int, ...], int]  # ("menu", 1, "url") -> its line in site.yaml
    unloaded: tuple[str, ...]  # paths of files with errors: links to them are not broken links
    history: dict[str, Revision]  # "content/events/x.md" -> its last change in Git; empty outside Git

