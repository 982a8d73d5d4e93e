"""What changed, in words first, for every copy of an item: page title, share text, feeds, calendar apps.

A parent may see only a forwarded WhatsApp message, a feed reader's title or a calendar
notification, and some calendar apps hide STATUS: so a cancelled, postponed, rescheduled or online
event says so in the title itself ("DIBATALKAN: Studi Tour") and in the first sentence of its text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sitegen.models.dates import Dates
from sitegen.models.fields import Schedule


@dataclass(frozen=True)
class Headlines:
    words: Mapping[str, str]  # the interface text of the site's language (layouts/i18n/<language>.yaml)
    dates: Dates

    def title(self, title: str, schedule: Schedule | None) -> str:
        """'DIBATALKAN: Studi Tour', 'JADWAL DIUBAH, DARING: Rapat'; the title alone when nothing changed."""
        labels = self.labels(schedule)
        return f"{', '.join(labels)}: {title}" if labels else title

    def labels(self, schedule: Schedule | None) -> tuple[str, ...]:
        """The words that go first: status, then the online mode (a cancelled event has no mode to speak of)."""
        if schedule is None:
            return ()
        labels = []
        if schedule.status != "scheduled":
            labels.append(self.words[f"headline_{schedule.status}"])
        if schedule.mode != "offline" and schedule.status != "cancelled":
            labels.append(self.words[f"headline_{schedule.mode}"])
        return tuple(labels)

    def change(self, schedule: Schedule | None) -> str | None:
        """The change as sentences: 'Jadwal diubah: Sabtu, 21 November 2026, 09.00 WIB menjadi ...'."""
        if schedule is None:
            return None
        when = self.dates.schedule(schedule)
        if schedule.repeat and schedule.until is not None:  # the whole series, not only its first date
            repeat = self.words[f"repeat_{schedule.repeat}"].lower()
            when = f"{when} ({repeat} {self.words['until']} {self.dates.day_month_year(schedule.until)})"
        sentences = []
        if schedule.status == "rescheduled" and schedule.previous_start is not None:
            before = self.dates.when(schedule.previous_start, None)
            sentences.append(self.words["change_rescheduled"].format(before=before, after=when))
        elif schedule.status in ("cancelled", "postponed"):
            sentences.append(self.words[f"change_{schedule.status}"].format(when=when))
        if schedule.mode != "offline" and schedule.status != "cancelled" and schedule.online_url:
            sentences.append(self.words[f"change_{schedule.mode}"].format(url=schedule.online_url))
        return " ".join(sentences) or None

    def describe(self, schedule: Schedule | None, summary: str | None, separator: str = " ") -> str | None:
        """The change first, then the summary: og:description, Atom summary, iCalendar DESCRIPTION."""
        return separator.join(part for part in (self.change(schedule), summary) if part) or None

    def event_lines(self, title: str, schedule: Schedule) -> tuple[str, ...]:
        """The ready-to-paste WhatsApp text of an event, a line each: title, when (or what changed), place."""
        change = self.change(schedule)
        lines = [self.title(title, schedule)]
        if schedule.status == "scheduled":
            lines.append(self.dates.schedule(schedule))
        if change:
            lines.append(change)
        if schedule.location and schedule.status != "cancelled":
            lines.append(f"{self.words['location']}: {schedule.location}")
        return tuple(lines)
