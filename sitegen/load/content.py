"""content/**/*.md: front matter and body into typed items, every error collected."""

from __future__ import annotations

import difflib
import os
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, TypeVar

from sitegen.cache import BuildCache
from sitegen.errors import BuildFailed, SiteError, error
from sitegen.load import markdown
from sitegen.load.markdown import MAX_DEPTH, Converter, TooSlow, limit_problems, time_limit
from sitegen.load.risks import risks
from sitegen.load.yamlload import Document, load_yaml, validate
from sitegen.models.bodies import Bodies
from sitegen.models.fields import AchievementFields, AnnouncementFields, EventFields, HomeFields, PageFields
from sitegen.models.items import Achievement, Announcement, Doc, Event, Home, Page
from sitegen.models.scalars import Fields, day_of
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.sources import MAX_STATIC_BYTES, check_file, file_status, list_files, read_text

F = TypeVar("F", bound=Fields)

# The folders of content/ whose files are Markdown items, with the model of each.
KINDS: dict[str, type[Fields]] = {
    "events": EventFields,
    "announcements": AnnouncementFields,
    "achievements": AchievementFields,
    "pages": PageFields,
}
ASSETS = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".pdf", ".doc", ".docx", ".xls", ".xlsx")

# What loading one file gave (the item or None; its errors, warnings and unloaded paths), by source, with the
# file's status, how it was asked for and its text, and which static files it names exist: serve keeps these
# between rebuilds and validates again only what changed.
Loaded = tuple[tuple[object, ...], tuple[tuple[str, bool], ...], Any, list[SiteError], list[SiteError], list[str]]


def body_keys(memo: dict[str, Loaded]) -> list[str]:
    """The keys of the bodies of the items in load_content's `memo`: those serve's pages can still show."""
    return [known[2][0].body.key for known in memo.values() if known[2] is not None]


@dataclass(frozen=True)
class Content:
    unloaded: tuple[str, ...]  # paths the files with errors (or a future date) would have had
    home: Home | None
    events: tuple[Event, ...]
    achievements: tuple[Achievement, ...]
    announcements: tuple[Announcement, ...]
    pages: tuple[Page, ...]
    warnings: tuple[SiteError, ...] = ()  # risky but publishable: urgent without expires, initials in the text
    held: tuple[SiteError, ...] = ()  # valid but not published: drafts, and what is dated after today
    drafts: dict[str, str] = field(default_factory=dict)  # "/agenda/rapat/" -> "content/events/rapat.md"


def scan_static(root: Path) -> tuple[dict[str, Path], list[SiteError]]:
    """Files under static/, by their path relative to it ("images/logo.png"), and the files refused."""
    folder = root / "static"
    listing = list_files(root, "static", limit=MAX_STATIC_BYTES, hidden=False)
    return {p.relative_to(folder).as_posix(): p for p in listing.files}, listing.problems


def load_content(
    root: Path,
    config: SiteConfig,
    urls: Urls,
    static_files: frozenset[str],
    drafts: bool,
    cache: BuildCache | None = None,
    memo: dict[str, Loaded] | None = None,
    bodies: Bodies | None = None,
) -> tuple[Content, list[SiteError]]:
    """Every Markdown file under root/content, validated; problems are returned, not raised.

    `memo` (serve's, between rebuilds of the same settings and static files) keeps each file's result by its
    text: a file whose text is unchanged is not validated or converted again. `bodies` keeps the bodies' HTML
    (serve's, for the session); without it, a store of this loading's own.
    """
    loader = _Loader(root, config, urls, static_files, drafts, cache, memo, bodies)
    if not memo:  # a rebuild from a memo converts only the few changed bodies, one by one
        loader.prefetch()
    home_file = root / "content" / "index.md"
    home = loader.load(home_file, HomeFields, urls.home) if os.path.lexists(home_file) else None
    events = [Event(*item) for item in loader.load_all("events", EventFields, lambda slug, _: urls.event(slug))]
    achievements = [
        Achievement(*item)
        for item in loader.load_all("achievements", AchievementFields, lambda slug, _: urls.achievement(slug))
    ]
    announcements = [
        Announcement(*item)
        for item in loader.load_all("announcements", AnnouncementFields, lambda slug, _: urls.announcement(slug))
    ]
    pages = [Page(*item) for item in loader.load_all("pages", PageFields, lambda slug, dirs: urls.page(dirs, slug))]
    if memo is not None:  # files deleted or renamed since
        for source in set(memo) - loader.seen:
            del memo[source]
    content = Content(
        unloaded=tuple(loader.unloaded),
        home=Home(*home) if home else None,
        events=tuple(events),
        achievements=tuple(achievements),
        announcements=tuple(announcements),
        pages=tuple(pages),
        warnings=tuple(loader.warnings),
        held=tuple(loader.held),
        drafts=loader.draft_paths,
    )
    return content, loader.errors + find_unloaded_files(root)


def hold_back_scheduled(content: Content, today: date) -> Content:
    """Announcements and achievements dated after `today` wait for their day: in no page, list or feed.

    An event that starts more than two years ahead is a warning: most likely a mistyped year, and the calendar
    would grow a page for every month until then.
    """
    items: list[Announcement | Achievement] = [*content.announcements, *content.achievements]
    waiting = [item for item in items if item.meta.date > today]
    horizon = today.replace(year=today.year + 2) if (today.month, today.day) != (2, 29) else today + timedelta(730)
    far = [event for event in content.events if day_of(event.meta.start) > horizon]
    return replace(
        content,
        warnings=(*content.warnings, *(error(event.doc.source, None, "start", "event_far_ahead",
                                             date=day_of(event.meta.start).isoformat()) for event in far)),
        unloaded=(*content.unloaded, *(item.doc.path for item in waiting)),
        held=(*content.held, *(error(item.doc.source, None, "date", "held_scheduled", date=item.meta.date.isoformat())
                               for item in waiting)),
        announcements=tuple(a for a in content.announcements if a.meta.date <= today),
        achievements=tuple(a for a in content.achievements if a.meta.date <= today),
    )


def _is_draft(doc: Document) -> bool:
    """Whether the front matter says `draft: true` (read before the rest of it is valid)."""
    value = doc.data.get("draft") if isinstance(doc.data, dict) else None
    return isinstance(value, str) and value.strip().lower() in ("true", "yes", "ya")


def _status(file: Path) -> tuple[int, int, int, int] | None:
    """file_status, or None when it cannot be had (the file is read)."""
    try:
        return file_status(file)
    except OSError:
        return None


def find_unloaded_files(root: Path) -> list[SiteError]:
    """Every file under content/ that no loader reads, with a hint to rename or move it."""
    folder = root / "content"
    problems = []
    for file in sorted(folder.rglob("*")) if folder.is_dir() else ():
        parts = file.relative_to(folder).parts
        if _is_loaded(parts) or any(part.startswith(".") for part in parts) or not file.is_file():
            continue  # read by a loader; hidden files such as .gitkeep that editors never see; folders
        source = "content/" + "/".join(parts)
        kind = parts[0] if len(parts) > 1 else ""
        is_yaml = file.suffix.lower() in (".yaml", ".yml")
        in_kind_folder = kind in (*KINDS, "calendars") and (len(parts) == 2 or kind == "pages")
        if file.name.endswith("~") and file.name.rstrip("~"):  # a backup copy gedit or emacs leaves: rapat.md~
            problems.append(error(source, None, None, "ignored_backup", original=file.name.rstrip("~")))
        elif file.suffix.lower() in ASSETS:
            problems.append(error(source, None, None, "ignored_asset", name=file.name))
        elif (in_kind_folder and is_yaml == (kind == "calendars")) or \
                (len(parts) == 1 and file.name.split(".")[0].lower() == "index"):
            expected = ".yaml" if kind == "calendars" else ".md"
            suffix = "".join(file.suffixes) or "(kosong)"
            stem = re.sub(r"(?i)\.(md|markdown|mdown|txt|yml|yaml)$", "", file.name)
            stem = re.sub(r"(?i)\.(md|markdown|yaml|yml)$", "", stem)
            problems.append(error(source, None, None, "ignored_extension", suffix=suffix, expected=expected,
                                  suggestion=stem + expected))
        else:
            shown = "content/" + "/".join(parts[:-1]) + "/" if len(parts) > 1 else "content/"
            target = _folder_for(file, source, kind)
            if target and in_kind_folder:  # a calendar among events, or Markdown among calendars
                problems.append(error(source, None, None, "ignored_wrong_type", folder=shown, target=target,
                                      expected=".yaml" if kind == "calendars" else ".md"))
            elif target:
                problems.append(error(source, None, None, "ignored_folder", folder=shown, target=target))
            else:
                problems.append(error(source, None, None, "ignored_folder_unknown", folder=shown))
    return problems


def _is_loaded(parts: tuple[str, ...]) -> bool:
    """Whether a loader reads content/<parts>: index.md, <kind>/*.md, pages/**/*.md, calendars/*.yaml."""
    name = parts[-1]
    if len(parts) == 1:
        return name == "index.md"
    if parts[0] == "pages":
        return name.endswith(".md")
    if parts[0] == "calendars":
        return len(parts) == 2 and re.fullmatch(r".*\.y[^/]*ml", name) is not None
    return len(parts) == 2 and parts[0] in KINDS and name.endswith(".md")


def _folder_for(file: Path, source: str, folder: str) -> str | None:
    """Where a file that is not read belongs: the kind its front matter fits, else the folder it nearly names."""
    kind = guess_kind(file, source)
    if kind is None and folder:
        close = difflib.get_close_matches(folder.lower(), [*KINDS, "calendars"], n=1, cutoff=0.6)
        kind = close[0] if close else None
    return f"content/{kind}/" if kind else None


def guess_kind(file: Path, source: str) -> str | None:
    """The kind whose fields the file's front matter fits best, if it fits one without unknown fields."""
    if file.suffix.lower() in (".yaml", ".yml"):
        return "calendars"
    try:
        doc = split_front_matter(read_text(file, source), source)[0]
    except BuildFailed:
        return None
    return _fitting_kind(doc, exclude="")


def _fitting_kind(doc: Document, exclude: str) -> str | None:
    keys = set(doc.data) if isinstance(doc.data, dict) else set()
    if not keys:
        return None
    fits = []
    for kind, model in KINDS.items():
        names = {info.alias or name for name, info in model.model_fields.items()}
        required = {info.alias or name for name, info in model.model_fields.items() if info.is_required()}
        if kind != exclude and keys <= names:
            fits.append((len(required - keys), len(names), kind))  # fewest missing, then the narrowest kind
    return min(fits)[2] if fits else None


class _Loader:
    def __init__(
        self,
        root: Path,
        config: SiteConfig,
        urls: Urls,
        static_files: frozenset[str],
        drafts: bool,
        cache: BuildCache | None,
        memo: dict[str, Loaded] | None = None,
        bodies: Bodies | None = None,
    ) -> None:
        self.root = root
        self.project = root.resolve()  # for check_file
        self.memo = memo
        self.seen: set[str] = set()  # the sources looked up in the memo
        self.static_files = static_files
        self.drafts = drafts
        self.errors: list[SiteError] = []
        self.warnings: list[SiteError] = []
        self.unloaded: list[str] = []
        self.held: list[SiteError] = []
        self.draft_paths: dict[str, str] = {}
        self.school = (config.school.name, config.school.address.locality)
        self.converter = Converter(urls.base_path, cache, bodies)
        self.texts: dict[str, str] = {}  # the files prefetch() read, by source, until load() takes each
        self.context = {
            "category": tuple(sorted(config.calendar.categories)),
            "audience": tuple(sorted(config.calendar.audiences)),
        }

    def prefetch(self) -> None:
        """Convert every readable Markdown body ahead, in parallel on a large site; load() then finds them."""
        files = [self.root / "content" / "index.md"]
        for kind in KINDS:
            files += list_files(self.root, f"content/{kind}", (".md",), recursive=kind == "pages").files
        bodies = []
        for file in files:
            source = file.relative_to(self.root).as_posix()
            try:
                check_file(self.root, source, project=self.project)
                self.texts[source] = text = read_text(file, source)
            except BuildFailed:
                continue  # load() reports it
            body = body_of(text)
            if body is not None:
                bodies.append(body)
        self.converter.prefetch(bodies)

    def load_all(self, kind: str, model: type[F], path_of: Any) -> list[tuple[Doc, F]]:
        folder = self.root / "content" / kind
        listing = list_files(self.root, f"content/{kind}", (".md",), recursive=kind == "pages")
        self.errors.extend(listing.problems)
        items = []
        for file in listing.files:
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
        """One file's item, or None with its problems recorded; from the memo when the file is unchanged: the same
        file_status (what serve's watcher compares too) or, if not, the same text.

        A file's status is kept only once its text was found unchanged, never right after it changed: a second
        write within the same tick of the file system's clock would keep its status, so a changed file is read
        again at the next rebuild (git's "racily clean" files, without reading the clock)."""
        source = file.relative_to(self.root).as_posix()
        text = self.texts.pop(source, None)  # read by prefetch() in this loading
        if self.memo is None:
            return self._load(file, model, fixed_path, folders, path_of, text)
        self.seen.add(source)
        asked = (model, fixed_path, folders)
        known = self.memo.get(source)
        status = _status(file)
        if known is not None and status is not None and known[0][:2] == (status, asked) and self._still(known):
            return self._replay(known)  # type: ignore[no-any-return]
        if text is None:
            try:
                check_file(self.root, source, project=self.project)
                text = read_text(file, source)
            except BuildFailed:
                pass  # _load reports it
        if known is not None and text is not None and known[0][1:] == (asked, text) and self._still(known):
            self.memo[source] = ((status, asked, text), *known[1:])
            return self._replay(known)  # type: ignore[no-any-return]
        marks = len(self.errors), len(self.warnings), len(self.unloaded)
        item = self._load(file, model, fixed_path, folders, path_of, text)
        named = tuple(name for _, name in static_files_of(item[1])) if item else ()
        if text is not None:
            self.memo[source] = ((None, asked, text), self._present(named), item, self.errors[marks[0]:],
                                 self.warnings[marks[1]:], self.unloaded[marks[2]:])
        return item

    def _still(self, known: Loaded) -> bool:
        """Whether the static files a kept loading named exist as they did then."""
        return known[1] == self._present(tuple(name for name, _ in known[1]))

    def _replay(self, known: Loaded) -> Any:
        """A kept loading's item, its problems recorded again."""
        _, _, item, errors, warnings, unloaded = known
        self.errors.extend(errors)
        self.warnings.extend(warnings)
        self.unloaded.extend(unloaded)
        return item

    def _present(self, names: tuple[str, ...]) -> tuple[tuple[str, bool], ...]:
        """Which of the static files an item names exist: what its problems depend on besides its text."""
        return tuple((name, name.lstrip("/") in self.static_files) for name in names)

    def _load(
        self,
        file: Path,
        model: type[F],
        fixed_path: str | None,
        folders: tuple[str, ...] = (),
        path_of: Any = None,
        text: str | None = None,
    ) -> tuple[Doc, F] | None:
        """One file's item, or None with its problems recorded; `text` is the file's, when load() read it."""
        source = file.relative_to(self.root).as_posix()
        default_slug = "index" if file.stem == "index" else slugify(file.stem)
        try:
            if text is None:
                check_file(self.root, source, project=self.project)
                text = read_text(file, source)
            doc, body, body_line = split_front_matter(text, source)
        except BuildFailed as exc:
            self.errors.extend(exc.errors)
            self.unloaded.append(fixed_path or path_of(default_slug, folders))
            return None
        result, problems = validate(model, doc, context=self.context)
        if result is None and _is_draft(doc) and not self.drafts:
            # An unfinished draft (as `new` writes it) does not stop the site; serve shows it as an error.
            self.warnings.extend(self._wrong_kind(file, doc, problems))
            self.unloaded.append(fixed_path or path_of(default_slug, folders))
            return None
        if result is None:
            self.errors.extend(self._wrong_kind(file, doc, problems))
            self.unloaded.append(fixed_path or path_of(default_slug, folders))
            return None
        if getattr(result, "draft", False) and not self.drafts:
            self.held.append(error(source, doc.line_of(("draft",)), "draft", "held_draft"))
            self.draft_paths[fixed_path or path_of(getattr(result, "slug", None) or default_slug, folders)] = source
            return None
        self.errors.extend(self._missing_files(result, doc))
        self.warnings.extend(risks(result, doc, body, body_line, self.school))
        slug = getattr(result, "slug", None) or default_slug
        path = fixed_path or path_of(slug, folders)
        too_much = [] if self.converter.converted(body) else limit_problems(body, body_line, source)
        if too_much:
            self.errors.extend(too_much)
            self.unloaded.append(path)
            return None
        try:
            with time_limit(markdown.MAX_SECONDS):
                converted, links = self.converter.convert(body, body_line)
        except RecursionError:  # a kind of nesting limit_problems does not measure
            self.errors.append(error(source, None, None, "markdown_too_deep", depth=f"> {MAX_DEPTH}",
                                     limit=MAX_DEPTH))
            self.unloaded.append(path)
            return None
        except TooSlow:
            self.errors.append(error(source, None, None, "markdown_too_slow", seconds=f"{markdown.MAX_SECONDS:g}"))
            self.unloaded.append(path)
            return None
        slug_line = doc.lines.get(("slug",)) if getattr(result, "slug", None) else None
        return Doc(source, slug, path, converted, links, slug_line), result

    def _wrong_kind(self, file: Path, doc: Document, problems: list[SiteError]) -> list[SiteError]:
        """Unknown fields that another kind has: one message saying which folder the file belongs in."""
        parts = file.relative_to(self.root / "content").parts
        folder = parts[0] if len(parts) > 1 else ""
        if folder not in KINDS:
            return problems
        unknown = [p for p in problems if p.code in ("unknown_field", "unknown_field_guess")]
        other = _fitting_kind(doc, exclude=folder) if unknown else None
        if other is None:
            return problems
        first = unknown[0]
        moved = error(first.source, first.line, first.field, "wrong_kind", field=dict(first.params)["field"],
                      kind=folder, other=other, target=f"content/{other}/")
        return [moved]  # the missing fields of the wrong kind would only mislead

    def _missing_files(self, fields: Fields, doc: Document) -> list[SiteError]:
        return [
            missing_file(doc.source, doc.line_of(path), ".".join(map(str, path)), name)
            for path, name in static_files_of(fields)
            if name.lstrip("/") not in self.static_files
        ]


def static_files_of(fields: Fields) -> list[tuple[tuple[str | int, ...], str]]:
    """The files under static/ an item names, with the field that names each."""
    wanted: list[tuple[tuple[str | int, ...], str]] = []
    if getattr(fields, "image", None):
        wanted.append((("image",), fields.image))  # type: ignore[attr-defined]
    for index, attachment in enumerate(getattr(fields, "attachments", ())):
        wanted.append((("attachments", index, "file"), attachment.file))
    album = getattr(fields, "album", None)
    for index, photo in enumerate(album.photos if album else ()):
        wanted.append((("album", "photos", index, "file"), photo.file))
    return wanted


def missing_file(source: str, line: int | None, field: str, name: str) -> SiteError:
    """A path under static/ that names no file; written with 'static/' in front, say to drop it."""
    bare = name.lstrip("/")
    if bare.startswith("static/"):
        return error(source, line, field, "file_static_prefix", value=name, suggestion=bare.removeprefix("static/"))
    return error(source, line, field, "file_missing", value=name)


def split_front_matter(text: str, source: str) -> tuple[Document, str, int]:
    """The front matter as a Document, the Markdown body, and the body's first line."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise BuildFailed([error(source, 1, None, "front_matter_missing")])
    number = _front_matter_end(lines)
    if number is None:
        raise BuildFailed([error(source, 1, None, "front_matter_unclosed")])
    doc = load_yaml("\n".join(lines[1:number]), source, first_line=2)
    if doc.data is None:
        doc = Document(source, {}, doc.lines)
    return doc, "\n".join(lines[number + 1:]), number + 2


def body_of(text: str) -> str | None:
    """The Markdown body as split_front_matter() gives it, without reading the front matter; None without one."""
    lines = text.split("\n")
    number = _front_matter_end(lines) if lines[0].strip() == "---" else None
    return None if number is None else "\n".join(lines[number + 1:])


def _front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter opened on the first line."""
    return next((number for number, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")), None)


def slugify(name: str) -> str:
    """'Pentas Seni 2026' -> 'pentas-seni-2026'."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-") or "halaman"
