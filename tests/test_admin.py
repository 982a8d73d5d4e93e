"""The form editor at /admin/: its forms follow the models, what it writes builds, and it stays off the public site.

The browser half (an editor filling the forms in Chromium) is tests/test_admin_browser.py.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE, REPO, TINY_SITE_YAML, TODAY, TinySite, copy_example
from pydantic import BaseModel

from sitegen.errors import BuildFailed, ConfigUnusable
from sitegen.models.fields import (
    AchievementFields,
    AnnouncementFields,
    CalendarFields,
    EventFields,
    HomeFields,
    PageFields,
)
from sitegen.pipeline import Options, build_site
from sitegen.write.admin import ASSETS, FORM, NESTED

CMS_FIXTURES = REPO / "tests" / "fixtures" / "cms"
# The tests of the example built with the editor (`edited`) run on one worker (--dist loadgroup), which builds it
# once.
WITH_THE_EDITOR = pytest.mark.xdist_group("admin-edited")
EDITOR = "editor:\n  repo: smpn1-prabumulih/situs\n"
KINDS: dict[str, type[BaseModel]] = {
    "events": EventFields, "announcements": AnnouncementFields, "achievements": AchievementFields,
    "pages": PageFields, "pages-layanan": PageFields, "calendars": CalendarFields, "home": HomeFields,
}
MARKDOWN_KINDS = {"events", "announcements", "achievements", "pages", "pages-layanan", "home"}


def with_editor(root: Path, extra: str = EDITOR) -> Path:
    copy_example(root)
    (root / "site.yaml").write_text((EXAMPLE / "site.yaml").read_text(encoding="utf-8") + extra, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example site with `editor:` in site.yaml, built as of TODAY."""
    root = with_editor(tmp_path_factory.mktemp("admin") / "situs")
    build_site(root, Options(today=date.fromisoformat(TODAY)))
    return root / "_site"


@pytest.fixture(scope="module")
def cms(edited: Path) -> dict[str, Any]:
    config = yaml.safe_load((edited / "admin" / "config.yml").read_text(encoding="utf-8"))
    assert isinstance(config, dict)
    return config


def collection(cms: dict[str, Any], name: str) -> dict[str, Any]:
    found = [c for c in cms["collections"] if c["name"] == name]
    assert found, f"no collection {name}: {[c['name'] for c in cms['collections']]}"
    return found[0]


def model_fields(model: type[BaseModel]) -> dict[str, bool]:
    """Field name (as written in a file) -> whether the model requires it."""
    return {info.alias or name: info.is_required() for name, info in model.model_fields.items()}


def assert_form_matches(fields: list[dict[str, Any]], model: type[BaseModel], where: str) -> None:
    form = {f["name"]: f for f in fields if f["name"] != "body"}
    wanted = model_fields(model)
    assert sorted(set(wanted) - set(form)) == [], f"{where}: model fields without a form field"
    assert sorted(set(form) - set(wanted)) == [], f"{where}: form fields the model does not have"
    for name, required in wanted.items():
        assert form[name]["required"] is required, f"{where}.{name}: required should be {required}"
        if name in NESTED:
            assert_form_matches(form[name]["fields"], NESTED[name], f"{where}.{name}")


@WITH_THE_EDITOR
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_every_model_field_has_a_form_field_and_the_other_way_round(cms: dict[str, Any], kind: str) -> None:
    found = collection(cms, kind)
    fields = found["files"][0]["fields"] if "files" in found else found["fields"]
    assert_form_matches(fields, KINDS[kind], kind)
    assert any(f["name"] == "body" for f in fields) == (kind in MARKDOWN_KINDS)


def test_every_form_entry_serves_a_model_field() -> None:
    used = {name for model in (*KINDS.values(), *NESTED.values()) for name in model_fields(model)}
    assert sorted(set(FORM) - used) == []


@WITH_THE_EDITOR
def test_choices_come_from_site_yaml_and_the_models_with_their_labels(cms: dict[str, Any]) -> None:
    fields = {f["name"]: f for f in collection(cms, "events")["fields"]}
    site = yaml.safe_load((EXAMPLE / "site.yaml").read_text(encoding="utf-8"))
    categories = site["calendar"]["categories"]
    assert fields["category"]["options"] == [{"label": v["label"], "value": k} for k, v in categories.items()]
    assert fields["audience"]["multiple"] is True
    assert {"label": "Orang tua/wali", "value": "orang-tua"} in fields["audience"]["options"]
    assert {"label": "Ditunda", "value": "postponed"} in fields["status"]["options"]
    assert fields["start"] == {"name": "start", "label": "Mulai", "widget": "when", "required": True,
                               "time_label": "Jam (WIB)", "all_day_label": "Sehari penuh",
                               "hint": "Kosongkan jam bila kegiatan sehari penuh."}
    achievement = {f["name"]: f for f in collection(cms, "achievements")["fields"]}
    assert {"label": "Kota/Kabupaten", "value": "city"} in achievement["level"]["options"]
    assert achievement["date"]["format"] == "YYYY-MM-DD" and achievement["date"]["time_format"] is False
    announcement = {f["name"]: f for f in collection(cms, "announcements")["fields"]}
    attachment = {f["name"]: f for f in announcement["attachments"]["fields"]}
    assert (attachment["file"]["media_folder"], attachment["file"]["public_folder"]) == ("/static/files", "files")
    # A picture put in a body is written /images/x.jpg: a body address from the site's root, which the build
    # checks and gives its base path (images/x.jpg would be refused as a link that goes nowhere on the site).
    assert (cms["media_folder"], cms["public_folder"]) == ("static/images", "/images")
    assert announcement["image_alt"]["hint"].startswith("Tambahkan 'image_alt:'")  # the error message's words
    assert cms["backend"] == {"name": "github", "repo": "smpn1-prabumulih/situs", "branch": "main",
                              "auth_methods": ["token"]}


@WITH_THE_EDITOR
def test_date_fields_get_their_widget_from_their_type_in_the_contract(cms: dict[str, Any]) -> None:
    """`start`/`end` (a date, or a date and a time) write either; a field that is a date alone writes a date."""
    entry = {f["name"]: f for f in next(f for f in collection(cms, "calendars")["fields"]
                                        if f["name"] == "entries")["fields"]}
    assert [entry[name]["widget"] for name in ("start", "end", "previous_start")] == ["when"] * 3
    assert entry["until"] == {**entry["until"], "widget": "datetime", "format": "YYYY-MM-DD", "time_format": False}
    assert entry["except"]["field"] == {"name": "date", "widget": "datetime", "format": "YYYY-MM-DD",
                                        "time_format": False}
    school_year = next(f for f in collection(cms, "calendars")["fields"] if f["name"] == "school_year")
    semester = {f["name"]: f for f in next(f for f in school_year["fields"] if f["name"] == "semesters")["fields"]}
    # a semester's start and end are dates: no time picker, which would write a time the loader refuses
    assert (semester["start"]["widget"], semester["start"]["format"], semester["start"]["time_format"]) == (
        "datetime", "YYYY-MM-DD", False)
    assert semester["end"]["time_format"] is False


@WITH_THE_EDITOR
def test_the_import_map_sends_the_cms_to_the_immutable_served_beside_it(edited: Path) -> None:
    """The CMS imports Immutable.js from a CDN; the page maps that address to admin/immutable.es.js, allowed by hash."""
    page = (edited / "admin" / "index.html").read_text(encoding="utf-8")
    script = page.split('<script type="importmap">')[1].split("</script>")[0]
    (address, target), = json.loads(script)["imports"].items()
    assert target == "./immutable.es.js" and address.endswith("/dist/immutable.es.js")
    host, version = address.split("/immutable@")[0], address.split("@")[1].split("/")[0]
    cms = (edited / "admin" / "sveltia-cms.js").read_text(encoding="utf-8")
    assert f"`{host}/${{e}}`" in cms and f"immutable:`^{version}`" in cms  # where the bundle builds it
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'self' 'sha256-{digest}';" in page


CMS_WRITTEN = sorted(p.relative_to(CMS_FIXTURES).as_posix() for p in CMS_FIXTURES.rglob("*") if p.is_file())


def test_the_cms_wrote_every_kind() -> None:
    kinds = {name.split("/")[1] for name in CMS_WRITTEN}
    assert kinds == {"achievements", "announcements", "calendars", "events", "pages"}


def test_the_files_written_by_the_cms_pass_check(tmp_path: Path) -> None:
    """tests/fixtures/cms/ holds what the CMS wrote in the browser test, byte for byte: put at their places in the
    example together, as the editor left them, they pass `check` and each one's title is on a page."""
    root = copy_example(tmp_path / "situs")
    for name in CMS_WRITTEN:
        (root / name).write_bytes((CMS_FIXTURES / name).read_bytes())
    (root / "static" / "files" / "jadwal-ujian-semester-genap.pdf").write_bytes(b"%PDF-1.4\n%%EOF\n")
    built = build_site(root, Options(today=date.fromisoformat(TODAY), write=False))
    pages = [data for page, data in built.files.items() if page.endswith(".html")]
    titles = {name: (CMS_FIXTURES / name).read_text(encoding="utf-8").split("title: ")[-1].split("\n", 1)[0]
              for name in CMS_WRITTEN}  # an entry's, for the calendar
    assert {name: title for name, title in titles.items() if not any(title.encode() in data for data in pages)} == {}


@WITH_THE_EDITOR
def test_the_public_site_is_the_same_bytes_with_the_editor(edited: Path, example_site: Path) -> None:
    """Only admin/ is added: pages, sitemap, search index and robots.txt are unchanged."""
    def tree(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    with_admin, without = tree(edited), tree(example_site)
    added = sorted(set(with_admin) - set(without))
    assert added == [f"admin/{name}" for name in sorted(("config.yml", "index.html", *ASSETS))]
    changed = sorted(name for name in without if with_admin.get(name) != without[name])
    assert changed == []
    assert not any(b"admin/" in data for name, data in without.items() if name.endswith((".html", ".xml", ".txt")))


@WITH_THE_EDITOR
def test_the_editor_page_is_not_indexed_and_has_its_own_csp(edited: Path) -> None:
    page = (edited / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex, nofollow">' in page
    csp = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    assert "default-src 'self'" in csp and "script-src 'self' 'sha256-" in csp and "object-src 'none'" in csp
    assert "connect-src 'self' blob: https://api.github.com" in csp  # GitHub's API: the only other site
    assert ('<script src="editor.js" data-style="/situs/css/site.css" data-articles="events announcements '
            'achievements pages pages-humas pages-layanan pages-profil index">') in page  # the site's stylesheet


def test_the_vendored_cms_is_the_locked_npm_package() -> None:
    """layouts/admin/ serves @sveltia/cms exactly as package-lock.json pins it (npm is not needed to build)."""
    lock = json.loads((REPO / "package-lock.json").read_text(encoding="utf-8"))
    locked = lock["packages"]["node_modules/@sveltia/cms"]["version"]
    pinned = json.loads((REPO / "package.json").read_text(encoding="utf-8"))["dependencies"]["@sveltia/cms"]
    assert pinned == locked
    package = REPO / "node_modules" / "@sveltia" / "cms"
    if not package.is_dir():
        pytest.skip("@sveltia/cms is not installed: run `npm ci` (see README)")
    assert json.loads((package / "package.json").read_text(encoding="utf-8"))["version"] == locked
    font = next((package / "npm" / "assets").glob("material-symbols-outlined-*.woff2"))
    immutable = REPO / "node_modules" / "immutable"
    assert json.loads((immutable / "package.json").read_text(encoding="utf-8"))["version"] == (
        lock["packages"]["node_modules/immutable"]["version"])
    for name, source in {"sveltia-cms.js": package / "dist" / "sveltia-cms.js",
                         "chunks/react-dom.js": package / "dist" / "chunks" / "react-dom.js",
                         "immutable.es.js": immutable / "dist" / "immutable.es.js",
                         "material-symbols-outlined.woff2": font}.items():
        vendored = (REPO / "layouts" / "admin" / name).read_bytes()
        assert hashlib.sha256(vendored).digest() == hashlib.sha256(source.read_bytes()).digest(), name


def test_a_wrong_repository_name_is_a_located_message(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "editor:\n  repo: https://github.com/sekolah\n")
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    lines = TINY_SITE_YAML.count("\n") + 2
    assert [problem.format("id") for problem in caught.value.errors] == [
        f"site.yaml:{lines}: kolom 'editor.repo': 'https://github.com/sekolah' bukan nama repositori GitHub.\n"
        "  Petunjuk: Tulis pemilik dan nama repositori saja, dipisah garis miring, tanpa https://github.com/ "
        "dan tanpa .git, misalnya smpn1-contoh/situs."
    ]


def test_without_editor_there_is_no_admin(example_site: Path) -> None:
    assert not (example_site / "admin").exists()


def test_a_branch_name_with_a_space_is_a_located_message(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "editor:\n  repo: sekolah/situs\n  branch: cabang utama\n")
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    lines = TINY_SITE_YAML.count("\n") + 3
    assert [problem.format("id") for problem in caught.value.errors] == [
        f"site.yaml:{lines}: kolom 'editor.branch': 'cabang utama' bukan nama cabang (branch) Git.\n"
        "  Petunjuk: Tulis nama cabang tanpa spasi, seperti yang tampil di GitHub, misalnya main."
    ]


@pytest.mark.parametrize("branch", ["main", "gh-pages", "feature/cms-v2", "rilis_2026.1"])
def test_ordinary_branch_names_are_accepted(tiny: TinySite, branch: str) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + f"editor:\n  repo: sekolah/situs\n  branch: {branch}\n")
    tiny.build(write=False)


def test_a_static_file_where_the_editor_writes_is_a_located_message_not_overwritten(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "editor:\n  repo: sekolah/situs\n")
    tiny.write("static/admin/index.html", "<p>halaman lama</p>\n")
    tiny.write("static/admin/formulir.pdf", "%PDF-1.4\n")  # beside the editor's files: no clash
    with pytest.raises(BuildFailed) as caught:
        tiny.build()
    assert [problem.format("id") for problem in caught.value.errors] == [
        "static/admin/index.html: berkas ini akan ditimpa penyunting formulir: admin/index.html dibuat sendiri "
        "karena ada 'editor:' di site.yaml.\n"
        "  Petunjuk: Pindahkan berkas ini ke folder lain di static/, atau hapus 'editor:' dari site.yaml."
    ]


def test_page_folders_whose_names_join_alike_get_collections_of_their_own(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "editor:\n  repo: sekolah/situs\n")
    for folder in ("profil-sekolah", "profil/sekolah", "Tata Tertib"):
        tiny.write(f"content/pages/{folder}/isi.md", "---\ntitle: Isi\n---\nIsi.\n")
    tiny.build()
    config = yaml.safe_load((tiny.root / "_site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    pages = [(c["name"], c["folder"]) for c in config["collections"] if c["name"].startswith("pages")]
    assert pages == [
        ("pages", "content/pages"),
        ("pages-tata-tertib", "content/pages/Tata Tertib"),
        ("pages-profil-sekolah", "content/pages/profil-sekolah"),
        ("pages-profil-sekolah-2", "content/pages/profil/sekolah"),
    ]


@pytest.mark.parametrize("repo", ["sekolah/situs.git", "sekolah/..", "sekolah/situs/tree/main", "situs"])
def test_a_repository_written_as_part_of_an_address_is_refused(tiny: TinySite, repo: str) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + f"editor:\n  repo: {repo}\n")
    with pytest.raises(ConfigUnusable) as caught:
        tiny.build()
    assert [problem.code for problem in caught.value.errors] == ["repository_invalid"]


def test_a_repository_name_with_dots_is_accepted(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML + "editor:\n  repo: sekolah/sekolah.github.io\n")
    tiny.build(write=False)


def test_the_link_hint_of_a_calendar_entry_uses_the_sites_own_event_address(tiny: TinySite) -> None:
    tiny.write("site.yaml", TINY_SITE_YAML.replace("url: /agenda/", "url: /kegiatan/")
               + "sections:\n  events: {path: kegiatan, title: Kegiatan}\neditor:\n  repo: sekolah/situs\n")
    tiny.build()
    config = yaml.safe_load((tiny.root / "_site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    calendars = collection(config, "calendars")
    entries = next(f for f in calendars["fields"] if f["name"] == "entries")
    assert next(f for f in entries["fields"] if f["name"] == "url")["hint"] == "Misalnya /kegiatan/pentas-seni/"


def test_reordered_choices_in_site_yaml_reorder_the_forms_in_the_same_process(tiny: TinySite) -> None:
    """admin_files keeps its last answer while its inputs are equal; two settings whose categories and audiences
    differ only in their order are equal as models (dicts), but the forms list the choices in site.yaml's order."""
    tiny.write("site.yaml", TINY_SITE_YAML + "editor:\n  repo: sekolah/situs\n")
    tiny.build()
    swapped = (TINY_SITE_YAML
               .replace('    rapat: {label: Rapat, color: "#7c3aed"}\n    libur: {label: Libur, color: "#475569"}\n',
                        '    libur: {label: Libur, color: "#475569"}\n    rapat: {label: Rapat, color: "#7c3aed"}\n')
               .replace("    orang-tua: Orang tua/wali\n    kelas-9: Kelas IX\n",
                        "    kelas-9: Kelas IX\n    orang-tua: Orang tua/wali\n"))
    assert swapped != TINY_SITE_YAML
    tiny.write("site.yaml", swapped + "editor:\n  repo: sekolah/situs\n")
    tiny.build()
    config = yaml.safe_load((tiny.root / "_site" / "admin" / "config.yml").read_text(encoding="utf-8"))
    fields = collection(config, "events")["fields"]
    choices = {f["name"]: [o["value"] for o in f["options"]] for f in fields if f["name"] in ("category", "audience")}
    assert choices == {"category": ["libur", "rapat"], "audience": ["kelas-9", "orang-tua"]}
