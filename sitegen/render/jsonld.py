"""schema.org structured data (JSON-LD) for the pages that have it."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sitegen.models.items import Achievement, Announcement, Event
from sitegen.models.scalars import Moment
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls

STATUS = {
    "scheduled": "EventScheduled",
    "postponed": "EventPostponed",
    "cancelled": "EventCancelled",
    "rescheduled": "EventRescheduled",
}
ATTENDANCE = {
    "offline": "OfflineEventAttendanceMode",
    "online": "OnlineEventAttendanceMode",
    "hybrid": "MixedEventAttendanceMode",
}


def event_data(event: Event, config: SiteConfig) -> dict[str, Any]:
    """An Event as docs/design.md asks: dates with the site's offset, place or virtual location, status."""
    meta = event.meta
    school = config.school
    at_school = not meta.location or school.name.lower() in meta.location.lower()
    place = {
        "@type": "Place",
        "name": meta.location or school.name,
        # The school's street only where the event is at the school; elsewhere the town it is in.
        "address": postal_address(config) if at_school else _town(config),
    }
    virtual = {"@type": "VirtualLocation", "url": meta.online_url}
    location: Any = {"offline": place, "online": virtual, "hybrid": [place, virtual]}[meta.mode]
    status = STATUS[meta.status]
    if meta.mode == "online" and meta.status == "scheduled":
        status = "EventMovedOnline"
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": meta.title,
        "startDate": _iso(meta.start, config.timezone),
        "endDate": _iso(meta.finish if meta.finish is not None else meta.start, config.timezone),
        "eventStatus": f"https://schema.org/{status}",
        "eventAttendanceMode": f"https://schema.org/{ATTENDANCE[meta.mode]}",
        "location": location,
        "organizer": {"@type": school.type, "name": school.name, "url": config.base_url},
        "description": meta.summary or meta.title,
        "url": Urls.of(config).absolute(event.doc.path),
    }
    if meta.previous_start is not None:
        data["previousStartDate"] = _iso(meta.previous_start, config.timezone)
    if meta.image:
        data["image"] = Urls.of(config).absolute(Urls.static(meta.image))
    return data


def postal_address(config: SiteConfig) -> dict[str, str]:
    address = config.school.address
    data = {"@type": "PostalAddress", "streetAddress": address.street, "addressLocality": address.locality,
            "addressCountry": address.country}
    if address.region:
        data["addressRegion"] = address.region
    if address.postal_code:
        data["postalCode"] = address.postal_code
    return data


def _town(config: SiteConfig) -> dict[str, str]:
    address = postal_address(config)
    return {k: v for k, v in address.items() if k not in ("streetAddress", "postalCode")}


def to_json(data: dict[str, Any]) -> str:
    """JSON safe inside <script>: no '</script>' can close the element early."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _iso(moment: Moment, timezone: str) -> str:
    """'2026-12-05' all day; '2026-12-05T08:00:00+07:00' with the zone's offset on that day."""
    if isinstance(moment, datetime):
        return moment.replace(tzinfo=ZoneInfo(timezone)).isoformat()
    return moment.isoformat()


def school_data(config: SiteConfig) -> dict[str, Any]:
    """The school as an organization (schema.org type from site.yaml, e.g. MiddleSchool)."""
    school = config.school
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": school.type,
        "name": school.name,
        "url": config.base_url,
        "address": postal_address(config),
    }
    if school.logo:
        data["logo"] = Urls.of(config).absolute(Urls.static(school.logo))
    contact = {k: v for k, v in (("telephone", school.phone), ("email", school.email)) if v}
    if contact:
        data["contactPoint"] = [{"@type": "ContactPoint", "contactType": "public relations", **contact}]
    if school.social:
        data["sameAs"] = [url for _, url in sorted(school.social.items())]
    return data


def article_data(item: Announcement | Achievement, config: SiteConfig, image: str | None) -> dict[str, Any]:
    """A NewsArticle for an announcement or an achievement; `image` is an absolute URL."""
    school = config.school
    organization: dict[str, Any] = {"@type": school.type, "name": school.name, "url": config.base_url}
    publisher = dict(organization)
    if school.logo:
        publisher["logo"] = {"@type": "ImageObject", "url": Urls.of(config).absolute(Urls.static(school.logo))}
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": item.meta.title,
        "datePublished": item.meta.date.isoformat(),
        "author": organization,
        "publisher": publisher,
        "mainEntityOfPage": Urls.of(config).absolute(item.doc.path),
        "description": item.meta.summary or item.meta.title,
    }
    if image:
        data["image"] = [image]
    return data
