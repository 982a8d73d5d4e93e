"""The form editor at /admin/: Sveltia CMS with a configuration made from the content contract.

Every form follows the model of its kind (sitegen/models/fields.py): one form field per model field, required
where the model requires it, choices from site.yaml and the models' own lists, dates written the way
the loader reads them. The CMS itself is the file vendored beside the layouts (layouts/admin/), so the
build needs no network and no npm.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from types import NoneType, UnionType
from typing import Annotated, Any, Union, get_args, get_origin

import jinja2
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sitegen.messages import MESSAGES
from sitegen.models.dates import Dates
from sitegen.models.fields import (
    FIELDS,
    HUMAS_STAGES,
    LEVELS,
    MODES,
    PRIORITIES,
    REPEATS,
    STATUSES,
    AchievementFields,
    Album,
    AnnouncementFields,
    Attachment,
    CalendarEntryFields,
    CalendarFields,
    EventFields,
    HomeFields,
    PageFields,
    Photo,
    SchoolYearFields,
    SemesterFields,
)
from sitegen.models.items import Site
from sitegen.models.scalars import Date, DateList, When
from sitegen.models.settings import SiteConfig
from sitegen.models.urls import Urls
from sitegen.render.pages import load_translations
from sitegen.sources import read_bytes

PAGE_FILE = "layouts/admin/index.html"
# Served as they are: @sveltia/cms's dist/sveltia-cms.js, the React chunk it loads beside itself for
# editor.js's own field (dist/chunks/), its icon font (npm/assets/), at the version package-lock.json
# pins, and the script that adds that field and sets the preview's style and the font.
# Immutable.js (dist/immutable.es.js of the `immutable` the lock file pins for @sveltia/cms), which the
# CMS hands to such a field, it imports from a CDN address in its bundle: an import map sends that here.
ASSETS = ("sveltia-cms.js", "chunks/react-dom.js", "immutable.es.js", "material-symbols-outlined.woff2", "editor.js")
_CDN = re.compile(r"`(https://[a-z0-9.-]+)/\$\{e\}`")  # the CMS's CDN address for a library `e`
_IMMUTABLE = re.compile(r"immutable:`\^?([0-9.]+)`")  # the version it asks that CDN for
DATE = "YYYY-MM-DD"  # what parse_date reads
DATE_PICKER = {"widget": "datetime", "format": DATE, "time_format": False}
# The widget of a date field follows its type in the contract: a `Date` is a date picker; a `When`
# (`start`, `end`: a date alone for all day, or a date and a time) is editor.js's "when" field, a
# date and an optional time that it writes as `2027-02-13` or `2027-02-13 09:00`, what parse_moment reads.
DATE_WIDGETS: tuple[tuple[Any, dict[str, Any]], ...] = (
    (Date, DATE_PICKER),
    (When, {"widget": "when"}),
    (DateList, {"widget": "list", "field": {"name": "date", **DATE_PICKER}}),
)

# Words of the forms that the site's own translations (layouts/i18n) do not have.
WORDS: dict[str, dict[str, str]] = {
    "id": {
        "events": "Agenda", "announcements": "Pengumuman", "achievements": "Prestasi",
        "pages": "Informasi", "calendars": "Kalender", "home": "Beranda", "home_file": "Teks beranda",
        "body": "Isi", "status_scheduled": "Sesuai jadwal", "mode_offline": "Luring (di tempat)",
        "normal": "Biasa", "editor": "Penyunting", "no_lessons": "Tidak ada pelajaran", "lessons": "Ada pelajaran",
        "time": "Jam", "all_day": "Sehari penuh", "all_day_hint": "Kosongkan jam bila kegiatan sehari penuh.",
    },
    "en": {
        "events": "Events", "announcements": "Announcements", "achievements": "Achievements",
        "pages": "Information", "calendars": "Calendars", "home": "Home page", "home_file": "Home page text",
        "body": "Text", "status_scheduled": "As scheduled", "mode_offline": "On site",
        "normal": "Normal", "editor": "Editor", "no_lessons": "No lessons", "lessons": "Lessons as usual",
        "time": "Time", "all_day": "All day", "all_day_hint": "Leave the time empty for all day.",
    },
}

# Every form field: its label and hint by language, and its widget. The keys are the models' field
# names (aliases where a model has one: `except`); tests/test_admin.py checks both ways.
FORM: dict[str, tuple[dict[str, tuple[str, str]], dict[str, Any]]] = {
    "title": ({"id": ("Judul", ""), "en": ("Title", "")}, {"widget": "string"}),
    "summary": ({"id": ("Ringkasan", "Satu atau dua kalimat untuk daftar dan pratinjau tautan."),
                 "en": ("Summary", "One or two sentences for lists and link previews.")},
                {"widget": "text"}),
    "image": ({"id": ("Gambar", "JPEG, PNG atau WebP. Isi juga keterangan gambar."),
               "en": ("Picture", "JPEG, PNG or WebP. Fill in the picture description too.")},
              {"widget": "image", "media_folder": "/static/images", "public_folder": "images"}),
    "image_alt": ({"id": ("Keterangan gambar", "Wajib bila ada gambar: isi gambar untuk pembaca layar."),
                   "en": ("Picture description", "Required with a picture: what it shows, for screen readers.")},
                  {"widget": "string"}),
    "tags": ({"id": ("Kata kunci", ""), "en": ("Tags", "")}, {"widget": "list"}),
    "draft": ({"id": ("Draf", "Draf tidak terbit di situs (hanya tampil di pratinjau)."),
               "en": ("Draft", "A draft is not published (shown in the preview only).")},
              {"widget": "boolean", "default": False}),
    "slug": ({"id": ("Alamat halaman", "Kosongkan: nama berkas dipakai."),
              "en": ("Page address", "Leave empty: the file name is used.")},
             {"widget": "string", "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "slug_invalid"]}),
    "start": ({"id": ("Mulai", ""), "en": ("Start", "")}, {}),
    "end": ({"id": ("Selesai", "Kosongkan bila selesai pada hari yang sama."),
             "en": ("End", "Leave empty when it ends on the same day.")}, {}),
    "category": ({"id": ("Kategori", ""), "en": ("Category", "")}, {"widget": "select"}),
    "location": ({"id": ("Tempat", ""), "en": ("Location", "")}, {"widget": "string"}),
    "audience": ({"id": ("Sasaran", "Kosongkan bila untuk semua."), "en": ("Audience", "Leave empty: everyone.")},
                 {"widget": "select", "multiple": True}),
    "mode": ({"id": ("Cara hadir", ""), "en": ("Attendance", "")}, {"widget": "select", "default": "offline"}),
    "online_url": ({"id": ("Tautan daring", "Wajib untuk kegiatan daring: tautan pertemuan."),
                    "en": ("Online link", "Required online: the meeting link.")},
                   {"widget": "string", "type": "url"}),
    "status": ({"id": ("Status", ""), "en": ("Status", "")}, {"widget": "select", "default": "scheduled"}),
    "previous_start": ({"id": ("Jadwal semula", "Wajib bila jadwal diubah."),
                        "en": ("Original start", "Required when rescheduled.")}, {}),
    "repeat": ({"id": ("Berulang", ""), "en": ("Repeats", "")}, {"widget": "select"}),
    "until": ({"id": ("Berulang sampai", "Wajib untuk kegiatan berulang."),
               "en": ("Repeats until", "Required for a repeating event.")}, {}),
    "except": ({"id": ("Kecuali tanggal", ""), "en": ("Except on", "")}, {}),
    "humas_stage": ({"id": ("Tahap humas", ""), "en": ("PR stage", "")}, {"widget": "select"}),
    "album": ({"id": ("Album foto", "Hanya bila wali murid sudah setuju."),
               "en": ("Photo album", "Only when the guardians agreed.")}, {"widget": "object"}),
    "consent": ({"id": ("Izin wali murid", "Nama siswa tampil lengkap hanya dengan izin; tanpa izin: inisial."),
                 "en": ("Guardians' consent", "Full names only with consent; otherwise initials.")},
                {"widget": "boolean", "default": False}),
    "photos": ({"id": ("Foto", ""), "en": ("Photos", "")}, {"widget": "list"}),
    "file": ({"id": ("Berkas", ""), "en": ("File", "")}, {"widget": "file"}),
    "alt": ({"id": ("Keterangan foto", ""), "en": ("Photo description", "")}, {"widget": "string"}),
    "caption": ({"id": ("Teks di bawah foto", ""), "en": ("Caption", "")}, {"widget": "string"}),
    "date": ({"id": ("Tanggal", "Tanggal yang akan datang: terbit otomatis pada hari itu."),
              "en": ("Date", "A future date: published on that day.")}, {}),
    "level": ({"id": ("Tingkat", ""), "en": ("Level", "")}, {"widget": "select"}),
    "field": ({"id": ("Bidang", ""), "en": ("Field", "")}, {"widget": "select"}),
    "rank": ({"id": ("Peringkat", "Misalnya Juara 1, Medali Emas."), "en": ("Rank", "E.g. First place.")},
             {"widget": "string"}),
    "competition": ({"id": ("Lomba", ""), "en": ("Competition", "")}, {"widget": "string"}),
    "organizer": ({"id": ("Penyelenggara", ""), "en": ("Organizer", "")}, {"widget": "string"}),
    "students": ({"id": ("Nama siswa", ""), "en": ("Students", "")}, {"widget": "list"}),
    "expires": ({"id": ("Berlaku sampai", "Sesudahnya tidak lagi di beranda; tetap di arsip."),
                 "en": ("Expires", "After it, off the home page; stays in the archive.")}, {}),
    "priority": ({"id": ("Tingkat penting", ""), "en": ("Priority", "")}, {"widget": "select", "default": "normal"}),
    "pinned": ({"id": ("Sematkan di atas", ""), "en": ("Pinned", "")}, {"widget": "boolean", "default": False}),
    "attachments": ({"id": ("Lampiran", "Berkas PDF untuk diunduh."), "en": ("Attachments", "PDF files.")},
                    {"widget": "list"}),
    "order": ({"id": ("Urutan di menu", ""), "en": ("Menu order", "")},
              {"widget": "number", "value_type": "int", "default": 0}),
    "timeline": ({"id": ("Tampilkan linimasa prestasi", ""), "en": ("Show the distinctions timeline", "")},
                 {"widget": "boolean", "default": False}),
    "humas_cycle": ({"id": ("Tampilkan siklus humas", ""), "en": ("Show the PR cycle", "")},
                    {"widget": "boolean", "default": False}),
    "example": ({"id": ("Masih contoh", ""), "en": ("Still an example", "")},
                {"widget": "boolean", "default": False}),
    "id": ({"id": ("Kode entri", "Menjaga entri di aplikasi kalender bila judulnya berubah."),
            "en": ("Entry code", "Keeps the entry in calendar apps when its title changes.")},
           {"widget": "string", "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "slug_invalid"]}),
    "description": ({"id": ("Keterangan", ""), "en": ("Description", "")}, {"widget": "text"}),
    "url": ({"id": ("Tautan", "Misalnya {event}"), "en": ("Link", "E.g. {event}")},
            {"widget": "string"}),
    # three answers, not a switch: empty follows the category (a switch would write `false` and override it)
    "no_school": ({"id": ("Hari pelajaran", "Kosongkan: mengikuti kategori."),
                   "en": ("School day", "Leave empty: as its category says.")}, {"widget": "select"}),
    "school_year": ({"id": ("Tahun pelajaran", ""), "en": ("School year", "")}, {"widget": "object"}),
    "name": ({"id": ("Nama", ""), "en": ("Name", "")}, {"widget": "string"}),
    "teaching_days": ({"id": ("Hari sekolah sepekan", ""), "en": ("School days a week", "")},
                      {"widget": "select", "options": ["5", "6"]}),
    "semesters": ({"id": ("Semester", ""), "en": ("Semesters", "")}, {"widget": "list"}),
    "entries": ({"id": ("Entri kalender", ""), "en": ("Calendar entries", "")}, {"widget": "list"}),
}

# Models nested in a field: their own fields form a sub-form.
NESTED: dict[str, type[BaseModel]] = {
    "album": Album, "photos": Photo, "attachments": Attachment, "school_year": SchoolYearFields,
    "semesters": SemesterFields, "entries": CalendarEntryFields,
}
# Uploads: the folder under static/ that a file field writes into, as the build expects it.
UPLOADS = {"photos": "images/albums", "attachments": "files"}


# The last answer of admin_files with everything it was made from: serve's rebuilds, and a process that builds
# the same site again, ask with the same inputs, and the CMS's configuration (every form as YAML) and its import
# map (a search of the 1.5 MB CMS) cost about 50 ms.
_LAST: list[tuple[tuple[object, ...], dict[str, bytes]]] = []


def admin_files(root: Path, site: Site) -> dict[str, bytes]:
    """admin/index.html, admin/config.yml and the CMS, or nothing when site.yaml has no `editor:`."""
    config = site.config
    if config.editor is None:
        return {}
    page_folders = sorted({_folder(page.doc.source) for page in site.pages} | {""})
    page_source = read_bytes(root / PAGE_FILE, PAGE_FILE)
    assets = {name: read_bytes(root / "layouts/admin" / name, f"layouts/admin/{name}") for name in ASSETS}
    translations = load_translations(root, config.language)
    # The settings by their repr, not ==: settings equal as models may differ in the order of a mapping
    # (categories, audiences), which the forms list in site.yaml's order.
    inputs = (repr(config), page_folders, page_source, assets, translations)
    if _LAST and _LAST[0][0] == inputs:
        return dict(_LAST[0][1])
    template = jinja2.Template(page_source.decode("utf-8"), autoescape=True, keep_trailing_newline=True)
    # the Markdown collections, whose preview editor.js lays out as a page; "index": the home text's file
    articles = ["events", "announcements", "achievements", *(name for name, _ in _page_collections(page_folders)),
                "index"]
    imports = import_map(assets["sveltia-cms.js"])
    page = template.render(language=config.language, title=f"{WORDS[config.language]['editor']} · {config.title}",
                           css=site.urls.url(site.urls.static("css/site.css")), import_map=imports,
                           articles=" ".join(articles),
                           import_map_hash=base64.b64encode(hashlib.sha256(imports.encode()).digest()).decode())
    files = {
        "admin/index.html": page.encode("utf-8"),
        "admin/config.yml": cms_config(config, translations, page_folders).encode("utf-8"),
        **{f"admin/{name}": data for name, data in assets.items()},
    }
    _LAST[:] = [(inputs, files)]
    return dict(files)


def import_map(cms: bytes) -> str:
    """The import map that answers the CMS's CDN address of Immutable.js with the copy beside it."""
    bundle = cms.decode("utf-8")
    cdn, version = _CDN.search(bundle), _IMMUTABLE.search(bundle)
    if cdn is None or version is None:  # a CMS update that loads it otherwise: tests/test_admin*.py fail here
        raise ValueError("layouts/admin/sveltia-cms.js: no CDN address for Immutable.js found")
    address = f"{cdn[1]}/immutable@{version[1]}/dist/immutable.es.js"
    return json.dumps({"imports": {address: "./immutable.es.js"}})


def cms_config(config: SiteConfig, translations: dict[str, str], page_folders: list[str]) -> str:
    """The CMS configuration, as YAML: the GitHub back end and one collection per kind of content."""
    assert config.editor is not None
    forms = Forms(config, translations)
    words = WORDS[config.language]
    document = {
        # token: a fine-grained token the editor makes once; GitHub's OAuth sign-in would need a server of our own
        "backend": {"name": "github", "repo": config.editor.repo, "branch": config.editor.branch,
                    "auth_methods": ["token"]},
        "media_folder": "static/images",
        # a picture put in a body: an address from the site's root, as body links must be (the base path is
        # added by the build); the front-matter fields keep their own folders, written as the contract wants
        "public_folder": "/images",
        "site_url": config.base_url,
        "display_url": config.base_url,
        "slug": {"encoding": "ascii", "clean_accents": True},
        "output": {"omit_empty_optional_fields": True},  # an empty optional field is left out, as the loader wants
        "collections": [
            forms.folder("events", words["events"], "content/events", EventFields),
            forms.folder("announcements", words["announcements"], "content/announcements", AnnouncementFields),
            forms.folder("achievements", words["achievements"], "content/achievements", AchievementFields),
            *(forms.folder(name, f"{words['pages']}: {folder}" if folder else words["pages"],
                           PurePosixPath("content/pages", folder).as_posix(), PageFields)
              for name, folder in _page_collections(page_folders)),
            forms.calendars(words["calendars"]),
            {"name": "home", "label": words["home"],
             "files": [{"name": "index", "label": words["home_file"], "file": "content/index.md",
                        "fields": [*forms.fields(HomeFields), forms.body()]}]},
        ],
    }
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=120)


def _folder(source: str) -> str:
    """'content/pages/layanan/spmb.md' -> 'layanan'; '' for content/pages itself."""
    folder = PurePosixPath(source).parent.relative_to("content/pages").as_posix()
    return "" if folder == "." else folder


def _page_collections(folders: list[str]) -> list[tuple[str, str]]:
    """A collection name per page folder: 'layanan/spmb' -> 'pages-layanan-spmb', unique ('-2' after a taken one)."""
    named: list[tuple[str, str]] = []
    taken: set[str] = set()
    for folder in folders:
        words = (re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-") or "x" for part in PurePosixPath(folder).parts)
        base = "pages" + "".join(f"-{word}" for word in words)
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}-{number}"
        taken.add(name)
        named.append((name, folder))
    return named


class Forms:
    """The form fields of the models, in the site's language, with site.yaml's choices."""

    def __init__(self, config: SiteConfig, translations: dict[str, str]) -> None:
        self.language = config.language
        words = {**translations, **WORDS[config.language]}
        self.choices: dict[str, list[dict[str, str]]] = {
            "category": [{"label": c.label, "value": key} for key, c in config.calendar.categories.items()],
            "audience": [{"label": label, "value": key} for key, label in config.calendar.audiences.items()],
            "level": [{"label": words[f"level_{v}"], "value": v} for v in LEVELS],
            "field": [{"label": words[f"field_{v}"], "value": v} for v in FIELDS],
            "priority": [{"label": words[v], "value": v} for v in PRIORITIES],
            "status": [{"label": words[f"status_{v}"], "value": v} for v in STATUSES],
            "mode": [{"label": words[f"mode_{v}"], "value": v} for v in MODES],
            "repeat": [{"label": words[f"repeat_{v}"], "value": v} for v in REPEATS],
            "humas_stage": [{"label": words[f"humas_{v}"], "value": v} for v in HUMAS_STAGES],
            "no_school": [{"label": words["no_lessons"], "value": "true"},
                          {"label": words["lessons"], "value": "false"}],
        }
        self.body_label = words["body"]
        self.words = WORDS[config.language]
        self.zone = Dates.for_site(config).zone_label
        self.example_event = Urls.of(config).event("pentas-seni")  # an address in this site's own sections

    def folder(self, name: str, label: str, folder: str, model: type[BaseModel]) -> dict[str, Any]:
        """A collection of Markdown files in one folder; the file name is made from the title."""
        return {
            "name": name, "label": label, "folder": folder, "create": True, "extension": "md",
            "format": "frontmatter", "slug": "{{slug}}", "summary": "{{title}}",
            "fields": [*self.fields(model), self.body()],
        }

    def calendars(self, label: str) -> dict[str, Any]:
        return {"name": "calendars", "label": label, "folder": "content/calendars", "create": True,
                "extension": "yaml", "format": "yaml", "slug": "{{slug}}", "identifier_field": "title",
                "fields": self.fields(CalendarFields)}

    def body(self) -> dict[str, Any]:
        return {"name": "body", "label": self.body_label, "widget": "markdown", "required": False}

    def fields(self, model: type[BaseModel], within: str = "") -> list[dict[str, Any]]:
        """One form field per model field, in the order of FORM; required as the model says."""
        infos = {info.alias or name: info for name, info in model.model_fields.items()}
        order = list(FORM)  # the editor's order: title first, as the forms read best
        return [self.field(name, infos[name], within) for name in sorted(infos, key=order.index)]

    def field(self, name: str, info: FieldInfo, within: str) -> dict[str, Any]:
        texts, widget = FORM[name]
        label, hint = texts[self.language]
        widget = {**_date_widget(info), **widget}
        field: dict[str, Any] = {"name": name, "label": label, **copy.deepcopy(widget), "required": info.is_required()}
        if widget["widget"] == "when":  # its own words: the time input's label, what an empty time means
            field.update(time_label=f"{self.words['time']} ({self.zone})", all_day_label=self.words["all_day"])
            hint = f"{hint} {self.words['all_day_hint']}".strip()
        if hint:
            field["hint"] = hint.replace("{event}", self.example_event)
        if name == "image_alt":  # required with a picture: the CMS cannot say "with", the message can
            field["hint"] = MESSAGES["image_alt_required"][self.language][1]
        if "pattern" in widget:
            field["pattern"] = [widget["pattern"][0], MESSAGES[widget["pattern"][1]][self.language][1]]
        if name in self.choices and "options" not in widget:
            field["options"] = [dict(choice) for choice in self.choices[name]]  # a copy: no YAML anchors
        if name == "file" and within in UPLOADS:
            field["media_folder"] = f"/static/{UPLOADS[within]}"
            field["public_folder"] = UPLOADS[within]
        if name == "file" and within == "photos":
            field["widget"] = "image"
        if name in NESTED:
            field["fields"] = self.fields(NESTED[name], name)
        return field


def _date_widget(info: FieldInfo) -> dict[str, Any]:
    """The widget of a date field by its contract type (DATE_WIDGETS); nothing for other fields."""
    kind = Annotated[info.annotation, *info.metadata] if info.metadata else info.annotation
    if get_origin(kind) in (Union, UnionType):  # `end: When | None`: the type beside None
        kind = next(part for part in get_args(kind) if part is not NoneType)
    return next((copy.deepcopy(widget) for scalar, widget in DATE_WIDGETS if kind == scalar), {})
