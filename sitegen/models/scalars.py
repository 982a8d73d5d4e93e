"""Scalar values of the content contract: text, dates, moments, slugs, links, each parsed from YAML's text."""

from __future__ import annotations

import re
from datetime import date, datetime, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AfterValidator, BaseModel, ConfigDict, PlainValidator, ValidationInfo
from pydantic_core import PydanticCustomError

from sitegen.sources import CONTROL

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


def fail(code: str, **ctx: Any) -> PydanticCustomError:
    return PydanticCustomError(code, code, {k: str(v) for k, v in ctx.items()})


def _text(value: Any) -> str:
    if isinstance(value, list | dict):
        raise fail("not_text")
    if value is None or not value.strip():
        raise fail("empty")
    return _clean(value)


def _clean(value: str) -> str:
    """Stripped, line ends as '\\n' (never a bare CR in a feed), no control characters."""
    text = re.sub(r"\r\n?", "\n", value.strip())
    found = CONTROL.search(text)  # a YAML escape such as "\\e" makes one
    if found:
        raise fail("control_character_value", codepoint=f"U+{ord(found[0]):04X}")
    return text


def _title(value: Any) -> str:
    """A title written over several lines (YAML '|', "\\n") is one line: its lines joined by a space."""
    return _LINE_BREAKS.sub(" ", _text(value))


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (_LINE_BREAKS.sub(" ", _clean(value)),)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise fail("not_list")
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
_ZONED = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2})[:.](\d{2})\s*(?:wib|wita|wit)", re.I)  # a moment with its zone
_CURLY = "“”„‘’‚"


def _curly(text: str) -> None:
    """A value in curly quotes (as Word and phones type them): an error that shows it in straight quotes."""
    if any(mark in text for mark in _CURLY):
        inner = text.strip(_CURLY + " ")
        raise fail("curly_quotes", value=text, suggestion=f'"{inner}"')


def _suggest(text: str, with_time: bool) -> None:
    """'5 Desember 2026', '05/12/2026', '2026-12-05 08:00 WIB' or a date in curly quotes: an error that shows how
    to write it."""
    _curly(text)
    zoned = _ZONED.fullmatch(text.strip())
    if zoned and with_time:
        raise fail("moment_zone", value=text, suggestion=f'"{zoned[1]} {int(zoned[2]):02d}:{zoned[3]}"')
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
    raise fail("date_words", value=text, suggestion=shown)


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
    raise fail("date_invalid", value=text)


def parse_moment(value: Any) -> Moment:
    """`2026-12-05` -> date, `2026-12-05 08:00` -> naive datetime in the site's zone."""
    text = _text(value)
    if _TIME_ONLY.fullmatch(text):
        hour, minute = (int(part) for part in re.split(r"[:.]", text))
        raise fail("time_without_date" if hour < 24 and minute < 60 else "moment_invalid", value=text)
    match = _MOMENT.fullmatch(text)
    if not match:
        _suggest(text, with_time=True)
    if match and not _YEARS[0] <= int(match[1]) <= _YEARS[1]:
        raise fail("moment_invalid", value=text)
    try:
        if match and match[4] is None:
            return date(int(match[1]), int(match[2]), int(match[3]))
        if match:
            return datetime(int(match[1]), int(match[2]), int(match[3]), int(match[4]), int(match[5]))
    except ValueError:
        pass
    raise fail("moment_invalid", value=text)


def _bool(value: Any) -> bool:
    text = _text(value).lower()
    if text in ("true", "yes", "ya"):
        return True
    if text in ("false", "no", "tidak"):
        return False
    raise fail("bool_invalid", value=text)


def _int(value: Any) -> int:
    text = _text(value)
    if not re.fullmatch(r"-?\d+", text):
        raise fail("int_invalid", value=text)
    return int(text)


def _slug(value: Any) -> str:
    text = _text(value)
    if not _SLUG.fullmatch(text):
        raise fail("slug_invalid", value=text)
    return text


def _link(value: Any) -> str:
    """A link an editor writes: absolute http(s), or root-relative '/...'."""
    text = _text(value)
    if re.fullmatch(r"https?://[^\s/]+\S*", text) or re.fullmatch(r"/\S*", text):
        return text
    raise fail("url_invalid", value=text)


def _web_address(value: Any) -> str:
    text = _text(value)
    if re.fullmatch(r"https?://[^\s/]+\S*", text):
        return text
    raise fail("url_invalid", value=text)


def choice(*allowed: str) -> PlainValidator:
    def check(value: Any) -> str:
        text = _text(value)
        if text not in allowed:
            raise fail("choice_invalid", value=text, allowed=", ".join(allowed))
        return text

    return PlainValidator(check)


def _misindented(item: str) -> None:
    """'komite - orang-tua': list lines that YAML read as one value because they are not aligned."""
    if re.search(r"\s-\s", item):
        raise fail("list_misindented", value=item)


def _keys_of(kind: str) -> PlainValidator:
    """A key that site.yaml defines: the allowed keys arrive in the validation context."""

    def check(value: Any, info: ValidationInfo) -> str:
        text = _text(value)
        allowed = (info.context or {}).get(kind, ())
        if text not in allowed:
            _misindented(text)
            _curly(text)
            raise fail(f"{kind}_unknown", value=text, allowed=", ".join(allowed))
        return text

    return PlainValidator(check)


def _audiences(value: Any, info: ValidationInfo) -> tuple[str, ...]:
    allowed = (info.context or {}).get("audience", ())
    items = _text_list(value)
    for item in items:
        if item not in allowed:
            _misindented(item)
            _curly(item)
            raise fail("audience_unknown", value=item, allowed=", ".join(allowed))
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
        raise fail("base_url_invalid", value=text)
    page = re.search(r"/([^/]+\.html?)$", text)  # the address of a page copied from the browser
    if page:
        raise fail("base_url_page", value=text, page=page[1], suggestion=text[: page.start() + 1])
    return text if text.endswith("/") else text + "/"


def _keys_are_slugs(value: dict[str, Any]) -> dict[str, Any]:
    """Keys that become file names and URL segments ("kelas-7"): lowercase letters, digits, hyphens."""
    for key in value:
        if not _SLUG.fullmatch(key):
            raise fail("slug_invalid", field=key, value=key)
    return value


def _hostname(value: Any) -> str:
    text = _text(value)
    if not re.fullmatch(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}", text.lower()):
        raise fail("cname_invalid", value=text)
    return text.lower()


def _repository(value: Any) -> str:
    """'owner/name': a GitHub repository."""
    text = _text(value)
    name = text.partition("/")[2]
    if not re.fullmatch(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}", text) or name in (".", "..") \
            or name.lower().endswith(".git"):  # a clone address's tail: GitHub's API knows the name without it
        raise fail("repository_invalid", value=text)
    return text


def _branch(value: Any) -> str:
    """A Git branch name: no spaces, none of ~^:?*[\\ or '..', not starting with '-', not ending with '/', '.lock'."""
    text = _text(value)
    if (re.search(r"[\s~^:?*\[\\]|\.\.|//|@\{|^[-/.]|/\.", text) or text.endswith(("/", ".", ".lock"))
            or text == "@"):
        raise fail("branch_invalid", value=text)
    return text


def _timezone(value: Any) -> str:
    text = _text(value)
    try:
        ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise fail("timezone_unknown", value=text) from exc
    return text


def _school_year_name(value: Any) -> str:
    """'2026/2027': two consecutive years."""
    text = _text(value)
    match = re.fullmatch(r"(\d{4})/(\d{4})", text)
    if not match or int(match[2]) != int(match[1]) + 1 or not _YEARS[0] <= int(match[1]) < _YEARS[1]:
        raise fail("school_year_invalid", value=text)
    return text


def _teaching_days(value: Any) -> int:
    text = _text(value)
    if text not in ("5", "6"):
        raise fail("teaching_days_invalid", value=text)
    return int(text)


def _color(value: Any) -> str:
    text = _text(value)
    if not _COLOR.fullmatch(text):
        raise fail("choice_invalid", value=text, allowed="#rrggbb, misalnya #1d4ed8")
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



def day_of(moment: Moment) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


def sort_key(moment: Moment) -> datetime:
    """A date sorts as its midnight, so dates and times order together."""
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time())


def show_moment(moment: Moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else moment.isoformat()


def _photo_file(value: Any) -> str:
    """A JPEG, PNG or WebP file under static/: the formats whose metadata the build can remove."""
    text = _text(value).lstrip("/")
    if not re.search(r"\.(jpe?g|png|webp)$", text, re.IGNORECASE):
        raise fail("album_photo_format", value=text)
    return text


BaseUrl = Annotated[str, PlainValidator(_base_url)]  # "https://user.github.io/repo/"
Hostname = Annotated[str, PlainValidator(_hostname)]  # "www.smpn1prabumulih.sch.id"
TimeZoneName = Annotated[str, PlainValidator(_timezone)]  # "Asia/Jakarta"
Repository = Annotated[str, PlainValidator(_repository)]  # "smpn1-prabumulih/situs"
Branch = Annotated[str, PlainValidator(_branch)]  # "main"
Color = Annotated[str, PlainValidator(_color)]  # "#1d4ed8"
SlugKeys = AfterValidator(_keys_are_slugs)  # keys that become file names and URL segments
SchoolYearName = Annotated[str, PlainValidator(_school_year_name)]  # "2026/2027"
TeachingDays = Annotated[int, PlainValidator(_teaching_days)]  # 5 or 6
PhotoFile = Annotated[str, PlainValidator(_photo_file)]  # "images/albums/pentas-seni-2026/01.jpg"
