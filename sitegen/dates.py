"""Dates and times as parents read them, in the site's language and time zone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from sitegen.fields import Schedule
from sitegen.scalars import Moment
from sitegen.settings import SiteConfig

# Short names parents know; other zones fall back to their UTC offset.
ZONE_LABELS = {"Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT"}
TIME_PATTERN = {"id": "HH.mm", "en": "HH:mm"}
DASH = "\u2013"


@dataclass(frozen=True)
class Dates:
    """Dates and times in the site's language: "Sabtu, 5 Desember 2026, 08.00–10.00 WIB"."""

    language: str  # "id"
    zone_label: str  # "WIB"
    zone: ZoneInfo  # Asia/Jakarta
    # Each text made once per build: Babel parses its pattern anew on every call, and a site names each day often.
    _made: dict[tuple[date | time, str], str] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def for_site(cls, config: SiteConfig) -> Dates:
        label = ZONE_LABELS.get(config.timezone, config.timezone)
        return cls(config.language, label, ZoneInfo(config.timezone))

    def long(self, day: date) -> str:
        return self._date(day, "EEEE, d MMMM y")

    def day_month_year(self, day: date) -> str:
        return self._date(day, "d MMMM y")

    def month(self, day: date) -> str:
        return self._date(day, "LLLL y")

    def weekday(self, day: date) -> str:
        return self._date(day, "EEEE")

    def weekday_short(self, day: date) -> str:
        return self._date(day, "EEE")

    def month_of_key(self, key: str) -> str:
        """'2026-12' -> 'Desember 2026'."""
        return self.month(date.fromisoformat(key + "-01"))

    def time(self, moment: datetime) -> str:
        key = (moment.time(), TIME_PATTERN.get(self.language, "HH:mm"))
        if key not in self._made:
            self._made[key] = format_time(key[0], key[1], locale=self.language)
        return self._made[key]

    def _date(self, day: date, pattern: str) -> str:
        key = (day.date() if isinstance(day, datetime) else day, pattern)
        if key not in self._made:
            self._made[key] = format_date(key[0], pattern, locale=self.language)
        return self._made[key]

    def when(self, start: Moment, end: Moment | None) -> str:
        """A start and an optional end, as one phrase."""
        if isinstance(start, datetime):
            if end is None or end == start:
                return f"{self.long(start.date())}, {self.time(start)} {self.zone_label}"
            assert isinstance(end, datetime)
            if end.date() == start.date():
                return f"{self.long(start.date())}, {self.time(start)}{DASH}{self.time(end)} {self.zone_label}"
            return (f"{self.long(start.date())}, {self.time(start)} {DASH} "
                    f"{self.long(end.date())}, {self.time(end)} {self.zone_label}")
        last = end if isinstance(end, date) and not isinstance(end, datetime) else start
        if last == start:
            return self.long(start)
        if (last.year, last.month) == (start.year, start.month):
            return f"{start.day}{DASH}{self.day_month_year(last)}"
        if last.year == start.year:
            first = self._date(start, "d MMMM")
            return f"{first} {DASH} {self.day_month_year(last)}"
        return f"{self.day_month_year(start)} {DASH} {self.day_month_year(last)}"

    def schedule(self, schedule: Schedule) -> str:
        return self.when(schedule.start, schedule.finish)

