"""The form editor end to end in Chromium: an editor creates content through /admin/'s forms only.

The example site is built with `editor:` in site.yaml and served under /nama-repo/ on 127.0.0.1, where
Sveltia CMS offers "Work with Local Repository". That button asks the browser for a folder
(`showDirectoryPicker`); Playwright cannot click a system dialog, so an init script answers with
Chromium's origin-private file system holding a copy of the project's content/. What the CMS saves
there is copied into a copy of the project, which must then build with the new items (and so pass
`check`, the same build without writing).

The files the CMS wrote are compared with tests/fixtures/cms/ (what it wrote before: the same form
input gives the same bytes). UPDATE_SCREENSHOTS=1 takes the guide's screenshots into docs/gambar/ (without
it none is taken: nothing compares them), and stores the files the CMS wrote in tests/fixtures/cms/
(review them: tests/test_admin.py checks them).

The project is built and served once per test process (a session fixture: pytest-xdist may hand the
module's tests to different workers, and xdist_group, which asks for one, is ignored with pytest 9.2:
pytest-dev/pytest-xdist#1386), and no test changes it: what the CMS saves stays in the browser's file
system, and what it saved is built in a copy of the project. Loading the CMS and opening the local
repository is most of a test's time in Chromium, so the tests share one signed-in page (the `editor`
fixture, closed when the process moves on to another module: an open CMS keeps using CPU), each
leaving it at a list of entries. axe-core is evaluated in that page as the browser's tools evaluate a
script, which its Content-Security-Policy (checked by the first test) allows where it refuses an
injected <script>.
"""

from __future__ import annotations

import base64
import os
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as field_of
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import EXAMPLE, REPO, TODAY, cli, copy_example
from sitehttp import NODE_MODULES, PREFIX, ServedSite, free_socket, node_tool, serve

from sitegen.load.markdown import Converter
from sitegen.models.fields import AnnouncementFields, CalendarEntryFields, EventFields

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("admin")]  # one worker builds and serves the project

CMS_FIXTURES = REPO / "tests" / "fixtures" / "cms"
SHOTS = REPO / "docs" / "gambar"
UPDATE = os.environ.get("UPDATE_SCREENSHOTS", "") not in ("", "0")
EDITOR = "editor:\n  repo: smpn1-prabumulih/situs\n"
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n" \
      b"trailer<</Root 1 0 R>>\n%%EOF\n"

# The folder picker answers with the origin-private file system: a copy of the project's sources.
PICKER = """
window.showDirectoryPicker = async () => {
  const root = await navigator.storage.getDirectory();
  await root.getDirectoryHandle('.git', {create: true});
  for (const [path, text] of Object.entries(window.__project || {})) {
    let dir = root;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part, {create: true});
    const file = await dir.getFileHandle(parts.at(-1), {create: true});
    const writer = await file.createWritable();
    await writer.write(text);
    await writer.close();
  }
  return root;
};
"""
# Every file of the origin-private file system, by path, as base64.
DUMP = """async () => {
  const out = {};
  async function walk(dir, prefix) {
    for await (const [name, handle] of dir.entries()) {
      if (handle.kind === 'directory') await walk(handle, prefix + name + '/');
      else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        out[prefix + name] = btoa(Array.from(bytes, b => String.fromCharCode(b)).join(''));
      }
    }
  }
  await walk(await navigator.storage.getDirectory(), '');
  return out;
}"""


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS --today TODAY` on `project`, in this process."""
    return cli(project, *args, "--today", TODAY)


def editor_project(root: Path) -> Path:
    """The example with the form editor (site.yaml's `editor:`) at `root`."""
    copy_example(root)
    (root / "site.yaml").write_text((EXAMPLE / "site.yaml").read_text(encoding="utf-8") + EDITOR, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ServedSite]]:
    """The project, built for and served at a local address; the tests leave it as it is."""
    root = editor_project(tmp_path_factory.mktemp("admin") / "situs")
    sock = free_socket()
    host, port = sock.getsockname()[:2]
    result = run(root, "build", "--base-url", f"http://{host}:{port}{PREFIX}")
    if result.returncode:
        pytest.fail(f"the build failed:\n{result.stdout}{result.stderr}", pytrace=False)
    with serve(root / "_site", sock) as site:
        yield root, site


def sources(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted((root / "content").rglob("*")) if p.is_file()}


def shot(page: Any, name: str) -> None:
    """The guide's screenshot `name`, with UPDATE_SCREENSHOTS=1."""
    if UPDATE:
        page.screenshot(path=str(SHOTS / name))


# In the page, until it returns true: the field at `path` scrolled into view, or else the last field drawn
# (the CMS draws fields as they scroll into view).
DRAWN = """path => {
  const found = document.querySelector(`[data-key-path="${path}"]`);
  if (found) {
    found.scrollIntoView({block: 'center'});
    return true;
  }
  const fields = document.querySelectorAll('[data-key-path]');
  if (fields.length) fields[fields.length - 1].scrollIntoView();
  return false;
}"""


def field(page: Any, path: str) -> Any:
    """The form field at `path`, once the CMS has drawn it."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    try:
        page.wait_for_function(DRAWN, arg=path)
    except PlaywrightTimeout:
        raise AssertionError(f"no form field {path}") from None
    return page.locator(f'[data-key-path="{path}"]').first


def choose(page: Any, path: str, label: str) -> None:
    """Pick `label` in a select field, shown as buttons (few options) or a drop-down list (many)."""
    box = field(page, path)
    button = box.get_by_role("radio", name=label, exact=True)
    if button.count():
        button.click()
        return
    box.get_by_role("combobox").first.click()
    page.get_by_role("option", name=label, exact=True).click()


def when(page: Any, path: str, value: str) -> None:
    """Fill a start or end field: its date, and its time unless `value` is a date alone (all day)."""
    day, _, time = value.partition(" ")
    box = field(page, path)
    box.locator("input[type=date]").fill(day)
    if time:
        box.locator("input[type=time]").fill(time)


def new_entry(
    page: Any, site: ServedSite, kind: str, texts: dict[str, str], choices: dict[str, str], body: str
) -> None:
    """Open a new entry of `kind` and fill it in: text and date fields, choices, the body."""
    page.goto(site.url(f"admin/#/collections/{kind}/new"))
    for path, text in texts.items():
        if path.split(".")[-1] in ("start", "end"):
            when(page, path, text)
        else:
            field(page, path).locator("input").fill(text)
    for path, label in choices.items():
        choose(page, path, label)
    field(page, "body").locator("[contenteditable]").fill(body)


def save(page: Any, name: str, at: str = "title") -> None:
    """Take the guide's screenshot of the form from field `at` (its top: the title), then save."""
    if UPDATE:
        page.locator('[data-key-path="title"]').scroll_into_view_if_needed()
        field(page, at).evaluate("box => box.scrollIntoView({block: 'start'})")
        shot(page, name)
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.get_by_role("button", name="Save").click()
    try:
        page.get_by_role("button", name="Create New Entry").first.wait_for()  # back at the list: saved
    except PlaywrightTimeout:
        said = page.locator("[role=alert], [aria-invalid=true]").all_inner_texts()
        raise AssertionError(f"not saved; the form says: {said}") from None


@dataclass
class Editor:
    """The form editor in a page of its own, signed in to the project's sources, and what the page asked for."""

    page: Any
    fetched: list[str] = field_of(default_factory=list)  # from the served site, data: and blob: addresses
    outside: list[str] = field_of(default_factory=list)  # from another site: the editor's page must stop it (CSP)
    blocked: list[str] = field_of(default_factory=list)  # requests that failed, and why
    sign_in_axe: list[str] | None = None  # what axe found on the sign-in screen (None: axe-core not installed)

    def saved(self) -> dict[str, bytes]:
        """Every file the CMS wrote in the picked folder, by path."""
        return {name: base64.b64decode(data) for name, data in self.page.evaluate(DUMP).items()}


AXE = "axe-core/axe.min.js"


def axe_violations(page: Any, screen: str) -> list[str]:
    """What axe-core finds on the page as it is, with the WCAG 2.1 A/AA rules of the quality gates."""
    from test_quality import AXE_TAGS

    if page.evaluate("typeof axe") == "undefined":
        # evaluated as the browser's tools do: the editor's Content-Security-Policy refuses an injected <script>
        page.evaluate(node_tool(AXE).read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    result = page.evaluate("options => axe.run(document, options)", options)
    return [f"{screen}: [{v['id']}] {v['help']}: {node['html'][:160]}"
            for v in result["violations"] for node in v["nodes"]]


@pytest.fixture(scope="module")
def editor(browser: Any, project: tuple[Path, ServedSite]) -> Iterator[Editor]:
    """The editor signed in as the guide shows (its screenshots of signing in are taken here), shared by the
    tests that fill in forms: loading the CMS and the local repository is most of a browser test's time.
    Each test leaves it at a list of entries; what one saves is a file the other does not look at."""
    root, site = project
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        signed = Editor(page)
        local = (site.origin, "data:", "blob:")
        page.on("requestfinished",
                lambda r: (signed.fetched if r.url.startswith(local) else signed.outside).append(r.url))
        page.on("requestfailed", lambda r: signed.blocked.append(f"{r.url} {r.failure}"))
        page.add_init_script(f"window.__project = {sources(root)!r};" + PICKER)
        page.goto(site.url("admin/"))
        page.get_by_role("button", name="Work with Local Repository").wait_for()
        if (NODE_MODULES / AXE).is_file():  # the screen is only seen here: test_the_editor_passes_axe checks it
            signed.sign_in_axe = axe_violations(page, "sign-in")
        shot(page, "admin-masuk.png")
        page.get_by_role("button", name="Sign In Using Access Token").click()
        page.locator("dialog[open], [role=dialog], [role=alertdialog]").first.wait_for()
        shot(page, "admin-token.png")
        page.get_by_role("button", name="Cancel").click()
        page.get_by_role("button", name="Work with Local Repository").click()
        page.get_by_role("button", name="Create New Entry").first.wait_for()
        shot(page, "admin-daftar.png")
        yield signed
    finally:
        page.close()


@pytest.mark.early(1)
def test_an_editor_creates_an_event_an_announcement_and_an_achievement(
    editor: Editor, project: tuple[Path, ServedSite], tmp_path: Path
) -> None:
    from playwright.sync_api import expect

    root, site = project
    pdf = tmp_path / "jadwal-ujian-semester-genap.pdf"
    pdf.write_bytes(PDF)
    page = editor.page
    new_entry(page, site, "events", {"title": "Rapat Komite Semester Genap", "start": "2027-01-16 09:00",
                                      "location": "Aula sekolah"}, {"category": "Rapat"},
              "Rapat komite membahas program semester genap.")
    save(page, "admin-agenda.png")

    new_entry(page, site, "events", {"title": "Pekan Olahraga Sekolah", "start": "2027-03-15",
                                      "end": "2027-03-17"}, {"category": "Kegiatan Sekolah"},
              "Lomba olahraga antarkelas selama tiga hari.")
    save(page, "admin-agenda-sehari-penuh.png", at="start")

    new_entry(page, site, "announcements", {"title": "Jadwal Ujian Semester Genap", "date": "2026-11-20"},
              {"priority": "Penting"}, "Jadwal ujian semester genap ada di lampiran.")
    preview = page.frame_locator("iframe").first.locator("main > article")  # laid out as the page is
    # the preview follows the form a moment later: wait for it rather than read it at once
    expect(preview.locator("h1")).to_have_text("Jadwal Ujian Semester Genap")
    expect(preview.locator(".prose")).to_have_text("Jadwal ujian semester genap ada di lampiran.")
    field(page, "attachments").get_by_role("button", name="Add").first.click()
    field(page, "attachments.0.title").locator("input").fill("Jadwal ujian")
    # "Drop a file here": the field's own file input, as a dropped or chosen file reaches it
    field(page, "attachments.0.file").locator("input[type=file]").first.set_input_files(str(pdf))
    # the CMS reads the file before it shows it; saved earlier, the field would still be empty (seen under load)
    expect(field(page, "attachments.0.file")).to_contain_text("/files/jadwal-ujian-semester-genap.pdf", timeout=30_000)
    save(page, "admin-pengumuman.png")

    new_entry(page, site, "achievements", {"title": "Juara 1 Lomba Pidato Bahasa Indonesia", "date": "2026-11-10",
                                            "rank": "Juara 1"}, {"level": "Kota/Kabupaten", "field": "Nonakademik"},
              "Selamat kepada siswa kami.")
    save(page, "admin-prestasi.png")

    new_entry(page, site, "pages", {"title": "Jadwal Kantin"}, {}, "Kantin buka pukul 07.00 sampai 14.00.")
    save(page, "admin-informasi.png")

    page.goto(site.url("admin/#/collections/calendars/new"))
    field(page, "title").locator("input").fill("Kegiatan Ekstrakurikuler 2026-2027")
    field(page, "entries").get_by_role("button", name="Add").first.click()
    field(page, "entries.0.title").locator("input").fill("Latihan Pramuka")
    when(page, "entries.0.start", "2027-01-23 14:00")
    choose(page, "entries.0.category", "Kegiatan Sekolah")
    save(page, "admin-kalender.png")

    saved = editor.saved()
    assert not editor.outside, f"the editor reached another site: {editor.outside}"
    assert all(b.endswith(" csp") for b in editor.blocked if not b.startswith(site.origin)), editor.blocked
    assert site.url("css/site.css") in editor.fetched  # the preview wears the site's stylesheet
    assert site.url("admin/material-symbols-outlined.woff2") in editor.fetched

    new = {name: data for name, data in saved.items() if not (root / name).exists() and name != ".git"}
    copy = editor_project(tmp_path / "situs")  # the project with what the CMS saved
    assert sorted(new) == [
        "content/achievements/juara-1-lomba-pidato-bahasa-indonesia.md",
        "content/announcements/jadwal-ujian-semester-genap.md",
        "content/calendars/kegiatan-ekstrakurikuler-2026-2027.yaml",
        "content/events/pekan-olahraga-sekolah.md",
        "content/events/rapat-komite-semester-genap.md",
        "content/pages/jadwal-kantin.md",
        "static/files/jadwal-ujian-semester-genap.pdf",
    ]
    assert new["static/files/jadwal-ujian-semester-genap.pdf"] == PDF
    for name, data in new.items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_bytes(data)
        if name.startswith("content/"):
            expected = CMS_FIXTURES / name
            expected.parent.mkdir(parents=True, exist_ok=True)
            if UPDATE:
                expected.write_bytes(data)
            assert data == expected.read_bytes(), f"{name} is not written as before:\n{data.decode()}"

    built = run(copy, "build")  # `check` is this build without writing: it passes when the build does
    assert built.returncode == 0, built.stdout + built.stderr
    out = copy / "_site"
    assert "Rapat Komite Semester Genap" in (out / "agenda/rapat-komite-semester-genap/index.html").read_text()
    all_day = (out / "agenda/pekan-olahraga-sekolah/index.html").read_text()
    assert "<dt>Waktu</dt> <dd>15–17 Maret 2027</dd>" in all_day  # no time, no WIB: all day
    ics = (out / "agenda/pekan-olahraga-sekolah/pekan-olahraga-sekolah.ics").read_text()
    assert "DTSTART;VALUE=DATE:20270315" in ics and "DTEND;VALUE=DATE:20270318" in ics
    announcement = (out / "pengumuman/jadwal-ujian-semester-genap/index.html").read_text()
    assert "files/jadwal-ujian-semester-genap.pdf" in announcement
    assert (out / "files/jadwal-ujian-semester-genap.pdf").read_bytes() == PDF
    assert "Kantin buka" in (out / "informasi/jadwal-kantin/index.html").read_text()
    assert "Latihan Pramuka" in (out / "kalender/index.html").read_text()
    assert "Lomba Pidato" in (out / "prestasi/juara-1-lomba-pidato-bahasa-indonesia/index.html").read_text()


@pytest.mark.early(1)
def test_the_editor_passes_axe(editor: Editor, project: tuple[Path, ServedSite]) -> None:
    """axe-core, the WCAG 2.1 A/AA rules of the quality gates, on the sign-in screen and an empty event form."""
    node_tool(AXE)  # skipped without it, as the fixture then did not check the sign-in screen
    site = project[1]
    page = editor.page
    page.goto(site.url("admin/#/collections/events/new"))
    field(page, "title")
    found = [*(editor.sign_in_axe or []), *axe_violations(page, "event form")]
    page.goto(site.url("admin/#/collections/events"))  # back at the list
    page.get_by_role("button", name="Create New Entry").first.wait_for()
    assert found == [], "\n".join(found)


# Example items an editor opens and saves, changing only the title: all-day and timed events with
# comments and quoted times, an announcement with an attachment, a whole calendar file.
OPENED = {
    "events/persami-2027": "content/events/persami-2027.md",
    "events/pentas-seni-2026": "content/events/pentas-seni-2026.md",
    "announcements/pembagian-rapor-semester-ganjil": "content/announcements/pembagian-rapor-semester-ganjil.md",
    "calendars/2026-2027": "content/calendars/2026-2027.yaml",
}


# A field the CMS writes with its default value says what leaving it out says: `draft: false`.
DEFAULTS = {info.alias or name: str(info.default).lower()
            for model in (EventFields, AnnouncementFields, CalendarEntryFields)
            for name, info in model.model_fields.items() if isinstance(info.default, str | bool)}


def meaning(value: Any) -> Any:
    """A YAML value without the fields that hold their default value."""
    if isinstance(value, dict):
        return {k: meaning(v) for k, v in value.items() if DEFAULTS.get(k) != v}
    return [meaning(v) for v in value] if isinstance(value, list) else value


def values(text: str) -> Any:
    """What a file says: every value as the text the loader reads, without its comments and layout, and the body
    as the page shows it (the CMS's text editor may respace a table's rows: `|---|` becomes `| --- |`)."""
    front, _, body = text.partition("\n---\n") if text.startswith("---\n") else (text, "", "")
    html = Converter("/").convert(body.strip(), 1)[0].html
    return meaning(yaml.load(front.removeprefix("---\n"), Loader=yaml.BaseLoader)), html


def test_an_item_opened_and_saved_keeps_its_dates_and_every_other_value(
    editor: Editor, project: tuple[Path, ServedSite], tmp_path: Path
) -> None:
    root, site = project
    page = editor.page
    for entry in OPENED:
        page.goto(site.url(f"admin/#/collections/{entry.replace('/', '/entries/')}"))
        title = field(page, "title").locator("input")
        title.fill(title.input_value() + " (diubah)")
        page.get_by_role("button", name="Save").click()
        page.get_by_role("button", name="Create New Entry").first.wait_for()
    saved = {name: data.decode() for name, data in editor.saved().items() if name in OPENED.values()}
    project_copy = editor_project(tmp_path / "situs")
    for name in OPENED.values():
        before, after = values((root / name).read_text(encoding="utf-8")), values(saved[name])
        assert after[0].pop("title") == before[0].pop("title") + " (diubah)"
        assert after == before, f"{name} says something else after saving:\n{saved[name]}"
        (project_copy / name).write_text(saved[name], encoding="utf-8")
    checked = run(project_copy, "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
