"""Dates and times as parents read them, in the site's language and time zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, format_time

from sitegen.models.fields import Schedule
from sitegen.models.scalars import Moment
from sitegen.models.settings import SiteConfig

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

    @classmethod
    def for_site(cls, config: SiteConfig) -> Dates:
        label = ZONE_LABELS.get(config.timezone, config.timezone)
        return cls(config.language, label, ZoneInfo(config.timezone))

    def long(self, day: date) -> str:
        return format_date(day, "EEEE, d MMMM y", locale=self.language)

    def day_month_year(self, day: date) -> str:
        return format_date(day, "d MMMM y", locale=self.language)

    def month(self, day: date) -> str:
        return format_date(day, "LLLL y", locale=self.language)

    def weekday(self, day: date) -> str:
        return format_date(day, "EEEE", locale=self.language)

    def weekday_short(self, day: date) -> str:
        return format_date(day, "EEE", locale=self.language)

    def month_of_key(self, key: str) -> str:
        """'2026-12' -> 'Desember 2026'."""
        return self.month(date.fromisoformat(key + "-01"))

    def time(self, moment: datetime) -> str:
        return format_time(moment.time(), TIME_PATTERN.get(self.language, "HH:mm"), locale=self.language)

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
            first = format_date(start, "d MMMM", locale=self.language)
            return f"{first} {DASH} {self.day_month_year(last)}"
        return f"{self.day_month_year(start)} {DASH} {self.day_month_year(last)}"

    def schedule(self, schedule: Schedule) -> str:
        return self.when(schedule.start, schedule.finish)

