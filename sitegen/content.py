"""content/**/*.md: front matter and body into typed items, every error collected."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from sitegen.errors import BuildFailed, SiteError, error
from sitegen.markdown import Converter
from sitegen.models import (
    Achievement,
    AchievementFields,
    Announcement,
    AnnouncementFields,
    Doc,
    Event,
    EventFields,
    Fields,
    Home,
    HomeFields,
    Page,
    PageFields,
    SiteConfig,
)
from sitegen.yamlload import Document, load_yaml, read_source, validate

F = TypeVar("F", bound=Fields)


@dataclass(frozen=True)
class Content:
    unloaded: tuple[str, ...]  # paths the files with errors would have had
    home: Home | None
    events: tuple[Event, ...]
    achievements: tuple[Achievement, ...]
    announcements: tuple[Announcement, ...]
    pages: tuple[Page, ...]


def scan_static(root: Path) -> dict[str, Path]:
    """Files under static/, by their path relative to it: "images/logo.png"."""
    folder = root / "static"
    return {
        p.relative_to(folder).as_posix(): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.startswith(".")
    }


def load_content(
    root: Path, config: SiteConfig, static_files: frozenset[str], drafts: bool
) -> tuple[Content, list[SiteError]]:
    """Every Markdown file under root/content, validated; problems are returned, not raised."""
    loader = _Loader(root, config, static_files, drafts)
    sections = config.sections
    home_file = root / "content" / "index.md"
    home = loader.load(home_file, HomeFields, "/") if home_file.is_file() else None
    events = [
        Event(*item)
        for item in loader.load_all("events", EventFields, lambda slug, _: f"/{sections.events.path}/{slug}/")
    ]
    achievements = [
        Achievement(*item)
        for item in loader.load_all(
            "achievements", AchievementFields, lambda slug, _: f"/{sections.achievements.path}/{slug}/"
        )
    ]
    announcements = [
        Announcement(*item)
        for item in loader.load_all(
            "announcements", AnnouncementFields, lambda slug, _: f"/{sections.announcements.path}/{slug}/"
        )
    ]
    pages = [Page(*item) for item in loader.load_all("pages", PageFields, _page_path(sections.pages.path))]
    content = Content(
        unloaded=tuple(loader.unloaded),
        home=Home(*home) if home else None,
        events=tuple(events),
        achievements=tuple(achievements),
        announcements=tuple(announcements),
        pages=tuple(pages),
    )
    return content, loader.errors


def _page_path(section: str) -> Any:
    def path(slug: str, folders: tuple[str, ...]) -> str:
        parts = (section, *folders) if slug == "index" else (section, *folders, slug)
        return "/" + "/".join(parts) + "/"

    return path


class _Loader:
    def __init__(self, root: Path, config: SiteConfig, static_files: frozenset[str], drafts: bool) -> None:
        self.root = root
        self.static_files = static_files
        self.drafts = drafts
        self.errors: list[SiteError] = []
        self.unloaded: list[str] = []
        self.converter = Converter(config.base_path)
        self.context = {
            "category": tuple(sorted(config.calendar.categories)),
            "audience": tuple(sorted(config.calendar.audiences)),
        }

    def load_all(self, kind: str, model: type[F], path_of: Any) -> list[tuple[Doc, F]]:
        folder = self.root / "content" / kind
        files = sorted(folder.rglob("*.md") if kind == "pages" else folder.glob("*.md"))
        items = []
        for file in files:
            folders = tuple(slugify(p) for p in file.parent.relative_to(folder).parts)
            item = self.load(file, model, None, folders, path_of)
            if item is not None:
                items.append(item)
        return items

    def load(
        self,
        file: Path,
        model: type[F],
        fixed_path: str | None,
        folders: tuple[str, ...] = (),
        path_of: Any = None,
    ) -> tuple[Doc, F] | None:
        source = file.relative_to(self.root).as_posix()
        default_slug = "index" if file.stem == "index" else slugify(file.stem)
        try:
            doc, body, body_line = split_front_matter(read_source(file, source), source)
        except BuildFailed as exc:
            self.errors.extend(exc.errors)
            self.unloaded.append(fixed_path or path_of(default_slug, folders))
            return None
        result = validate(model, doc, context=self.context)
        if isinstance(result, list):
            self.errors.extend(result)
            self.unloaded.append(fixed_path or path_of(default_slug, folders))
            return None
        if getattr(result, "draft", False) and not self.drafts:
            return None
        self.errors.extend(self._missing_files(result, doc))
        slug = getattr(result, "slug", None) or default_slug
        path = fixed_path or path_of(slug, folders)
        html, links = self.converter.convert(body, body_line)
        slug_line = doc.lines.get(("slug",)) if getattr(result, "slug", None) else None
        return Doc(source, slug, path, html, links, slug_line), result

    def _missing_files(self, fields: Fields, doc: Document) -> list[SiteError]:
        wanted: list[tuple[tuple[str | int, ...], str]] = []
        if getattr(fields, "image", None):
            wanted.append((("image",), fields.image))  # type: ignore[attr-defined]
        for index, attachment in enumerate(getattr(fields, "attachments", ())):
            wanted.append((("attachments", index, "file"), attachment.file))
        album = getattr(fields, "album", None)
        for index, photo in enumerate(album.photos if album else ()):
            wanted.append((("album", "photos", index, "file"), photo.file))
        return [
            error(doc.source, doc.line_of(path), ".".join(map(str, path)), "file_missing", value=name)
            for path, name in wanted
            if name.lstrip("/") not in self.static_files
        ]


def split_front_matter(text: str, source: str) -> tuple[Document, str, int]:
    """The front matter as a Document, the Markdown body, and the body's first line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise BuildFailed([error(source, 1, None, "front_matter_missing")])
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() in ("---", "..."):
            doc = load_yaml("\n".join(lines[1:number]), source, first_line=2)
            if doc.data is None:
                doc = Document(source, {}, doc.lines)
            return doc, "\n".join(lines[number + 1:]), number + 2
    raise BuildFailed([error(source, 1, None, "front_matter_unclosed")])


def slugify(name: str) -> str:
    """'Pentas Seni 2026' -> 'pentas-seni-2026'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "halaman"
