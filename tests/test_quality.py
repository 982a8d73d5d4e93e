"""Quality gates over the built example site, with the real tools: the same checks on a laptop and in CI.

- HTML validity: the Nu HTML Checker (vnu.jar from npm, run with Java), errors only, zero on every page, all
  pages in one Java process.
- Accessibility: axe-core in Chromium, WCAG 2.1 A/AA rules, zero violations on every page type at
  360 px and 1280 px: each page type is loaded once (at 360 px) into one browser page, and axe runs at both widths.
- Lighthouse (mobile preset) on the home page, the agenda, an event, this month, an announcement, an album
  and the humas programme page, one run each (a second only when the performance score misses), all in one
  Node process with one Chromium (tests/tools/lighthouse_pages.mjs, Lighthouse's Node API); its CPU
  slowdown follows the CPU the run gets (see LIGHTHOUSE_HOST_INDEX), so a busy machine simulates the same
  phone instead of a slower one.
- Page weight: the first visit to any page for parents transfers at most 60 KB compressed (not the form editor
  at admin/, for humas staff on a laptop).

The npm tools come from package-lock.json (`npm ci`); Java and Chromium from Debian. A missing tool
skips its test on a developer's machine; CI (`.ci/run`, CI=true) installs them all and fails on a skip.

By default the gates check the frozen example school (tests/fixtures/example). With the environment
variable SITE_SOURCES=<project folder> they check that school's own site instead, built as of today:
`SITE_SOURCES=. python -m pytest tests/test_quality.py` is the school's quality step in check.yml. A page
type the school has no page of yet (no announcement so far) is then left out instead of failing.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
from collections import defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from sitehttp import (
    CHROMIUM_ARGS,
    ServedSite,
    content_type,
    example_under_prefix,
    is_text,
    node_tool,
    require_chromium,
    resolve,
)

WIDTHS = (360, 1280)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DEEP_UNKNOWN = "a/b/c/tidak-ada/"  # where the 404 page is opened
SEARCH_PAGE = "cari/"
ADMIN = "admin/"  # the form editor's folder

LIGHTHOUSE_TARGETS = {"performance": 0.95, "accessibility": 1.0, "best-practices": 0.95, "seo": 1.0}
LIGHTHOUSE_FLAGS = ["--headless", *CHROMIUM_ARGS]
# The mobile preset slows the CPU fourfold and expects a host whose BenchmarkIndex (Lighthouse's measure of the CPU
# it gets, taken in each run) is above LIGHTHOUSE_HOST_INDEX: below it, Lighthouse warns that the score suffers.
# A slower host, or one the other test worker keeps busy, gets a smaller slowdown in proportion, so that every
# run simulates the phone the preset makes of such a host (Lighthouse's threshold is half the index of the host
# it targets: the phone is slower than Lighthouse's usual one, never faster): LIGHTHOUSE_CPU_SLOWDOWN *
# min(1, BenchmarkIndex / LIGHTHOUSE_HOST_INDEX), at least 1, set by lighthouse_pages.mjs between load and audits.
LIGHTHOUSE_CPU_SLOWDOWN = 4
LIGHTHOUSE_HOST_INDEX = 1000  # SLOW_CPU_BENCHMARK_INDEX_THRESHOLD in lighthouse/core/gather/driver/environment.js
LIGHTHOUSE_PAGES = Path(__file__).parent / "tools" / "lighthouse_pages.mjs"  # runs them all, applies the slowdown

BUDGET = 60 * 1024  # bytes, compressed, first visit


SOURCES = Path(os.environ["SITE_SOURCES"]).resolve() if os.environ.get("SITE_SOURCES") else None


@pytest.fixture(scope="session")
def site_under_prefix(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> ServedSite:
    return example_under_prefix(request, tmp_path_factory, SOURCES)


@pytest.fixture(scope="session")
def built_site(request: pytest.FixtureRequest) -> Path:
    """The folder of the built site the HTML checker reads: the school's, or the example's."""
    if SOURCES:
        served: ServedSite = request.getfixturevalue("site_under_prefix")
        return served.root
    example: Path = request.getfixturevalue("example_site")
    return example


def _first(site: ServedSite, pattern: str, exclude: tuple[str, ...] = ()) -> str | None:
    """The first page (alphabetically) whose site path matches `pattern`: a representative of its type."""
    for page in site.pages():
        if re.fullmatch(pattern, page) and not page.startswith(exclude):
            return page
    if SOURCES:  # a school's own site: this type has no page yet
        return None
    raise AssertionError(f"the example site has no page like {pattern!r}: update the page types in {__file__}")


def page_types(site: ServedSite) -> dict[str, str]:
    """One page of every kind the generator makes (every information page: their Markdown differs)."""
    types: dict[str, str | None] = {
        "home": "",
        "agenda": "agenda/",
        "agenda by category": _first(site, r"agenda/kategori/[^/]+/"),
        "agenda by audience": _first(site, r"agenda/untuk/[^/]+/"),
        "event": _first(site, r"agenda/[^/]+/", exclude=("agenda/kategori/", "agenda/untuk/")),
        "calendar": "kalender/",
        "month": _first(site, r"kalender/\d{4}-\d\d/"),
        "this month": "kalender/bulan-ini/",
        "subscribe": "kalender/langganan/",
        "announcements": "pengumuman/",
        "announcement": _first(site, r"pengumuman/[^/]+/"),
        "achievements": "prestasi/",
        "achievement": _first(site, r"prestasi/[^/]+/", exclude=("prestasi/tingkat/", "prestasi/bidang/")),
        "achievements by level": _first(site, r"prestasi/tingkat/[^/]+/"),
        "achievements by field": _first(site, r"prestasi/bidang/[^/]+/"),
        "search": SEARCH_PAGE,
        "albums": "dokumentasi/",
        "album": _first(site, r"dokumentasi/[^/]+/"),
        "not found (deep address)": DEEP_UNKNOWN,
    }
    types.update({f"information {p}": p for p in site.pages() if p.startswith("informasi/")})
    found = {kind: path for kind, path in types.items() if path is not None}
    missing = [path for path in found.values() if path != DEEP_UNKNOWN and path not in site.pages()]
    assert not missing, f"pages missing from the build: {missing}"
    return found


def _more(items: list[str], shown: int) -> str:
    return f"\n    ... and {len(items) - shown} more" if len(items) > shown else ""


# --- HTML validity --------------------------------------------------------------------------


# A run of seconds: Java's quick compiler only and its simplest collector take half the CPU time of the defaults
# (the same report); the checker's deep recursion needs a larger stack under the quick compiler.
VNU_JAVA_OPTIONS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]


def _java() -> str:
    java = shutil.which("java")
    if not java:
        pytest.skip("no Java: `apt-get install default-jre-headless` (the Nu HTML Checker needs Java 17+)")
    banner = subprocess.run([java, "-version"], capture_output=True, text=True, check=False).stderr
    match = re.search(r'version "(\d+)', banner)
    if match and int(match.group(1)) < 17:
        pytest.skip(f"Java {match.group(1)} is too old for vnu.jar: install Java 17+ (default-jre-headless)")
    return java


@pytest.mark.early
def test_every_page_is_valid_html(built_site: Path) -> None:
    """One Java process checks every page; any error fails, grouped by message with its pages."""
    jar = node_tool("vnu-jar/build/dist/vnu.jar")
    java = _java()
    root = built_site.resolve()
    pages = sorted(p for p in root.rglob("*.html") if not p.relative_to(root).as_posix().startswith("pagefind/"))
    assert pages
    result = subprocess.run([java, *VNU_JAVA_OPTIONS, "-jar", str(jar), "--errors-only", "--format", "json", "--stdout",
                             *map(str, pages)], capture_output=True, text=True, check=False, timeout=600)
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report (exit {result.returncode}):\n"
                    f"{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error")]
    grouped: dict[str, list[str]] = defaultdict(list)
    for m in errors:
        page = Path(m.get("url", "").removeprefix("file:")).resolve()
        where = page.relative_to(root).as_posix() if page.is_relative_to(root) else page
        extract = " ".join(m.get("extract", "").split())
        grouped[m.get("message", "?")].append(f"{where}:{m.get('lastLine', '?')}  {extract[:100]}")
    report = [f"{message}\n    " + "\n    ".join(places[:12]) + _more(places, 12)
              for message, places in sorted(grouped.items())]
    if errors:
        pytest.fail(f"Nu HTML Checker: {len(errors)} errors on {len(pages)} pages\n" + "\n".join(report), pytrace=False)


# --- accessibility ---------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.early(2)
def test_axe_finds_no_wcag_violation_on_any_page_type(browser: Any, site_under_prefix: ServedSite) -> None:
    """axe-core, WCAG 2.1 A/AA tags, on one page of every type at phone and desktop width."""
    axe = node_tool("axe-core/axe.min.js")
    site = site_under_prefix
    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    found: dict[tuple[str, str], dict[str, Any]] = {}  # (rule, selector) -> details and where
    types = page_types(site)

    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
    # axe in every document the page opens, before the document's own scripts: sent to Chromium once (a script
    # tag added to each page cost as much as the page's load), and no Content-Security-Policy to bypass.
    context.add_init_script(path=str(axe))
    page = context.new_page()  # one page, each type loaded into it in turn at phone width
    for name, path in types.items():
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        page.goto(site.url(path), wait_until="load")
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            result = page.evaluate("options => axe.run(document, options)", options)
            for violation in result["violations"]:
                for node in violation["nodes"]:
                    selector = " ".join(" > ".join(t) if isinstance(t, list) else t for t in node["target"])
                    entry = found.setdefault((violation["id"], selector), {
                        "impact": violation.get("impact"), "help": violation["help"],
                        "html": node.get("html", "")[:160], "summary": node.get("failureSummary", ""),
                        "where": set(),
                    })
                    entry["where"].add(f"{name} (/{path}) @{width}px")
    context.close()

    report = []
    for (rule, selector), e in sorted(found.items()):
        where = sorted(e["where"])
        summary = " ".join(e["summary"].split())[:300]
        report.append(f"[{rule}, {e['impact']}] {e['help']}\n    element: {selector}  {e['html']}\n"
                      f"    {summary}\n    on: {', '.join(where[:6])}" + _more(where, 6))
    if found:
        pytest.fail(f"axe-core: {len(found)} violations (rule, element)\n" + "\n".join(report), pytrace=False)


# --- Lighthouse ------------------------------------------------------------------------------


def _lighthouse_pages(site: ServedSite) -> dict[str, str]:
    pages = {
        "home": "",
        "agenda": "agenda/",
        "event": "agenda/pentas-seni-2026/" if "agenda/pentas-seni-2026/" in site.pages()
        else _first(site, r"agenda/[^/]+/", exclude=("agenda/kategori/", "agenda/untuk/")),
        "this month": "kalender/bulan-ini/",
        "announcement": _first(site, r"pengumuman/[^/]+/"),
        "album": _first(site, r"dokumentasi/[^/]+/"),
        "humas programme": "informasi/humas/",
    }
    return {kind: path for kind, path in pages.items() if path is not None}


def _node() -> str:
    node = shutil.which("node")
    if not node:
        pytest.skip("no Node.js: `apt-get install nodejs npm`, then `npm ci`")
    return node


def _lighthouse_request(site: ServedSite, pages: dict[str, str], chrome: str, reports: Path) -> dict[str, Any]:
    """What tests/tools/lighthouse_pages.mjs runs: the pages, the preset's flags, the CPU calibration, the retry."""
    return {
        "pages": [[name, site.url(path)] for name, path in pages.items()],
        "chromePath": chrome,
        "chromeFlags": LIGHTHOUSE_FLAGS,
        # No full-page screenshot: only the HTML report shows it, no audit reads it. No bf-cache audit: its weight is
        # 0 in every category (no score reads it), and its gatherer loads each page a second time, after another.
        # Quiet windows of 250 ms instead of the preset's 1000: a page counts as loaded once FCP and `load` are that
        # long past and neither a request nor a long task came for that long. Every file comes from this machine in
        # a few milliseconds, so a window of 250 still spans dozens of them; the scores come from the simulation of
        # the recorded load, not from these waits, which took 1.4 of the 6 seconds a page cost. (Not 0: Lighthouse
        # then may stop before the first paint, NO_FCP.)
        "flags": {"logLevel": "silent", "onlyCategories": list(LIGHTHOUSE_TARGETS), "maxWaitForLoad": 45000,
                  "disableFullPageScreenshot": True, "skipAudits": ["bf-cache"],
                  "pauseAfterFcpMs": 250, "pauseAfterLoadMs": 250, "networkQuietThresholdMs": 250,
                  "cpuQuietThresholdMs": 250},
        "cpuSlowdown": LIGHTHOUSE_CPU_SLOWDOWN,
        "hostIndex": LIGHTHOUSE_HOST_INDEX,
        # The BenchmarkIndex is measured as the load begins: a test on the other worker that starts after it
        # slows the load unseen. One more run of a page whose performance misses; its report stands.
        "retryBelow": {"performance": LIGHTHOUSE_TARGETS["performance"]},
        "reports": str(reports),
    }


def _scores(report: dict[str, Any]) -> dict[str, float]:
    return {key: report["categories"][key]["score"] or 0.0 for key in LIGHTHOUSE_TARGETS}


def _explain(report: dict[str, Any], category: str) -> list[str]:
    """The audits that cost points in `category`, with the elements they name."""
    lines = []
    audits = report["audits"]
    for ref in report["categories"][category]["auditRefs"]:
        audit = audits[ref["id"]]
        score = audit.get("score")
        if ref.get("weight", 0) == 0 and not (category == "performance" and ref.get("group") == "metrics"):
            continue
        if (score is None or score >= 1) and (category != "performance" or ref.get("group") != "metrics"):
            continue
        line = f"    {ref['id']}: score {score}" + (f" ({audit['displayValue']})" if audit.get("displayValue") else "")
        line += f" - {audit['title']}"
        items = (audit.get("details") or {}).get("items") or []
        for item in items[:5]:
            node = item.get("node") or {}
            what = node.get("selector") or item.get("url") or item.get("source") or item.get("description") or ""
            snippet = node.get("snippet", "")
            if what or snippet:
                line += f"\n        {what} {snippet[:120]}".rstrip()
        lines.append(line)
    return lines


@pytest.mark.browser
@pytest.mark.early(3)
def test_lighthouse_scores_on_the_main_pages(site_under_prefix: ServedSite, tmp_path: Path) -> None:
    """Mobile preset: performance >= 0.95, accessibility 1.0, best practices >= 0.95, SEO 1.0; one run a page."""
    node_tool("lighthouse/core/index.js")
    node = _node()
    chrome = require_chromium()
    site = site_under_prefix
    request = _lighthouse_request(site, _lighthouse_pages(site), chrome, tmp_path)
    result = subprocess.run([node, str(LIGHTHOUSE_PAGES), json.dumps(request)],
                            capture_output=True, text=True, check=False, timeout=900)
    if result.returncode != 0:
        pytest.fail(f"Lighthouse failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    failures = []
    summary = []
    for run in json.loads(result.stdout):
        name, url, report = run["name"], run["url"], run["report"]
        path = url.removeprefix(site.base_url)
        if report.get("runtimeError"):
            pytest.fail(f"Lighthouse could not load {url}: {report['runtimeError']}")
        scores = _scores(report)
        summary.append(f"{name} (/{path}): " + ", ".join(f"{k} {v:.2f}" for k, v in scores.items())
                       + f" (BenchmarkIndex {report['environment']['benchmarkIndex']:.0f}, CPU slowdown "
                       f"{report['configSettings']['throttling']['cpuSlowdownMultiplier']}, run {run['runs']})")
        for category, target in LIGHTHOUSE_TARGETS.items():
            if scores[category] < target:
                failures.append(f"{name} (/{path}) {category} {scores[category]:.2f} < {target}\n"
                                + "\n".join(_explain(report, category)))
    table = "\n".join(summary)
    print(table)
    if failures:
        pytest.fail("Lighthouse below target:\n" + "\n".join(failures) + f"\n\nscores:\n{table}\n"
                    f"whole reports: {tmp_path}", pytrace=False)


# --- page weight -----------------------------------------------------------------------------


def _compressed(body: bytes, content_type: str) -> int:
    """Bytes on the wire: gzip for text (GitHub Pages compresses it), as is for images and fonts."""
    return len(gzip.compress(body, compresslevel=6, mtime=0)) if is_text(content_type) else len(body)


# The lazy images' addresses (not fetched until scrolled to) and the favicon's, which the browser fetches whenever it
# gets to it, often after `load`: always counted.
LAZY_URLS_AND_ICON = """() => {
  const urls = [];
  for (const img of document.querySelectorAll('img[loading="lazy"]')) {
    const sources = [...(img.closest('picture')?.querySelectorAll('source') || [])];
    const sets = [img.getAttribute('srcset') || '', ...sources.map(s => s.getAttribute('srcset') || '')];
    if (img.getAttribute('src')) urls.push(new URL(img.getAttribute('src'), document.baseURI).href);
    for (const set of sets) for (const part of set.split(',')) {
      const url = part.trim().split(/\\s+/)[0];
      if (url) urls.push(new URL(url, document.baseURI).href);
    }
  }
  return [urls, document.querySelector('link[rel~=icon]')?.href ?? null];
}"""


@pytest.mark.browser
@pytest.mark.early
def test_first_visit_to_any_page_is_at_most_60_kb(browser: Any, site_under_prefix: ServedSite) -> None:
    """Every page on a phone with an empty cache: HTML, CSS, JS and eager images, compressed."""
    site = site_under_prefix
    # admin/ is the form editor (Sveltia CMS, about 1.5 MB) that humas staff open on a laptop, not a page for parents:
    # a school whose site.yaml sets `editor:` has it (tests/test_admin_browser.py checks it).
    pages = [p for p in site.pages() if p != "404.html" and not p.startswith(ADMIN)] + [DEEP_UNKNOWN]
    weight: dict[str, int] = {}  # url -> compressed bytes, measured once per file

    def size_of(url: str) -> int:
        if url not in weight:
            _, file, _ = resolve(site.root, site.prefix, urlsplit(url).path)
            weight[url] = _compressed(file.read_bytes(), content_type(file)) if file else 0
        return weight[url]

    over: list[str] = []
    heaviest = ("", 0)

    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                  is_mobile=True, has_touch=True)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})  # every page is a first visit
    loaded: list[str] = []
    page.on("response", lambda response: loaded.append(response.url) if response.status < 300 or
            response.request.resource_type == "document" else None)
    for path in pages:
        loaded.clear()
        page.goto(site.url(path), wait_until="load")
        lazy_urls, icon = page.evaluate(LAZY_URLS_AND_ICON)
        lazy = set(lazy_urls)
        sizes: dict[str, int] = {}
        for url in dict.fromkeys([*loaded, *([icon] if icon else [])]):
            if not url.startswith(site.origin) or url in lazy:
                continue
            if path == SEARCH_PAGE and ("/pagefind/" in url or url.endswith("/js/search.js")):
                continue  # the search page's own search scripts and index
            sizes[url.removeprefix(site.base_url)] = size_of(url.split("#")[0])
        total = sum(sizes.values())
        if total > heaviest[1]:
            heaviest = (path, total)
        if total > BUDGET:
            top = sorted(sizes.items(), key=lambda kv: -kv[1])[:5]
            over.append(f"/{path}: {total / 1024:.1f} KB; heaviest: "
                        + ", ".join(f"{name or '(page)'} {size / 1024:.1f} KB" for name, size in top))
    context.close()

    print(f"heaviest first visit: /{heaviest[0]} {heaviest[1] / 1024:.1f} KB")
    if over:
        pytest.fail(f"pages over {BUDGET // 1024} KB on first visit:\n" + "\n".join(over), pytrace=False)
