"""site.yaml: the site's settings, validated."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from sitegen.models.scalars import (
    BaseUrl,
    Bool,
    Branch,
    Color,
    Fields,
    Hostname,
    Link,
    Repository,
    Slug,
    SlugKeys,
    Text,
    TextList,
    TimeZoneName,
    Title,
    WebAddress,
    choice,
    fail,
)


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
    social: dict[str, WebAddress] = Field(default_factory=dict)


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

    @model_validator(mode="after")
    def _paths_are_free(self) -> Sections:
        """Each section has an address of its own, none of those the generator itself writes."""
        seen: dict[str, str] = {}
        for name in type(self).model_fields:
            path = getattr(self, name).path
            if path in RESERVED_PATHS:
                raise fail("section_path_reserved", path=f"{name}.path", value=path)
            if path in seen:
                raise fail("section_path_taken", path=f"{name}.path", value=path, section=f"sections.{seen[path]}.path")
            seen[path] = name
        return self


# Top-level folders the generator writes itself; a section there would share or lose its pages.
RESERVED_PATHS = ("cari", "pagefind", "admin")  # the search page, its index, the form editor


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
    synonyms: dict[str, TextList] = Field(default_factory=dict)

    def all_synonyms(self) -> dict[str, tuple[str, ...]]:
        """The defaults with site.yaml's entries on top; words lower-case."""
        merged = {**DEFAULT_SYNONYMS, **{k.strip().lower(): v for k, v in self.synonyms.items()}}
        return {key: tuple(w.lower() for w in words) for key, words in sorted(merged.items()) if words}


class CategorySetting(Fields):
    label: Title
    color: Color
    no_school: Bool = False  # true: no lessons on the days of its entries (holidays)


EVERYONE = "semua"  # the audience key of items for the whole school, unless calendar.everyone says otherwise


class CalendarSettings(Fields):
    categories: Annotated[dict[str, CategorySetting], SlugKeys]
    audiences: Annotated[dict[str, Text], SlugKeys] = Field(default_factory=dict)
    everyone: Text = EVERYONE  # the audience key that means "for everyone": "semua"

    @model_validator(mode="after")
    def _everyone_is_an_audience(self) -> CalendarSettings:
        if "everyone" in self.model_fields_set and self.everyone not in self.audiences:
            raise fail("audience_unknown", field="everyone", value=self.everyone,
                        allowed=", ".join(sorted(self.audiences)))
        return self

    def is_for_everyone(self, audience: tuple[str, ...]) -> bool:
        """No audience at all, or the everyone-key among them."""
        return not audience or self.everyone in audience

    def is_no_school(self, category: str, no_school: bool | None = None) -> bool:
        """Whether an item keeps pupils home: its own `no_school`, else its category's."""
        return self.categories[category].no_school if no_school is None else no_school


class EditorSettings(Fields):
    """`editor:` in site.yaml: the form editor at /admin/ and the GitHub repository it saves to."""

    repo: Repository  # "smpn1-prabumulih/situs"
    branch: Branch = "main"


class SiteConfig(Fields):
    """site.yaml."""

    title: Title
    description: Text
    base_url: BaseUrl  # "https://user.github.io/repo/"
    language: Annotated[str, choice("id", "en")] = "id"
    timezone: TimeZoneName = "Asia/Jakarta"
    school: School
    sections: Sections = Sections()
    menu: tuple[MenuItem, ...] = ()
    tasks: tuple[TaskLink, ...] = ()  # what parents look for first, on the home page
    search: SearchSettings = SearchSettings()
    calendar: CalendarSettings
    output_dir: Text = "_site"
    og_image: Text | None = None  # "images/kartu-sekolah.png": the link-preview picture of pages without one
    cname: Hostname | None = None  # "www.smpn1prabumulih.sch.id"
    editor: EditorSettings | None = None  # set: the build adds the form editor at /admin/

    @model_validator(mode="after")
    def _sections_in_language(self) -> SiteConfig:
        """Section titles nobody wrote follow the site's language."""
        if self.language != "en":
            return self
        unwritten = set(Sections.model_fields) - (self.sections.model_fields_set if "sections" in self.model_fields_set
                                                  else set())
        english = {name: getattr(ENGLISH_SECTIONS, name) for name in unwritten}
        return self.model_copy(update={"sections": self.sections.model_copy(update=english)}) if english else self
