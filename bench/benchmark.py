"""Benchmark builds of generated school sites: clean, warm (cache, no change) and after one edit.

Two profiles of N content items each:
- realistic (default): the items of bench/corpus.py (400-800 words, headings, two lists, a table,
  links, emphasis; 40% events, 30% achievements, 30% announcements), beside the example site's own
  content/ so its links hold; the corpus other generators were timed on.
- synthetic: short items (~40% events, 25% announcements, 20% achievements, 15% parent pages in
  nested folders, plus content/index.md and a calendar of ~N/20 entries).

For each size it runs `build.py build --root <project> --today 2026-11-24` in fresh subprocesses:
R clean builds (no _site/, no build cache), R warm builds (nothing changed), R builds after one
item's text changed; then it starts `build.py serve`, changes another item R times and measures
from each save to the preview serving the changed page. It reports the median wall time of each,
the median peak RSS of the clean builds (ru_maxrss from os.wait4: the largest of the build process
and the workers it waited for, not their sum) and their CPU time (user + system, workers included:
on a busy machine it varies less than the wall time), the number of .html files, clean-build
milliseconds per item, and the per-item ratio between the largest and smallest size (> 1 means
worse than linear growth).

Run:  python bench/benchmark.py [--profile realistic|synthetic] [--sizes 1000 5000] [--runs 3] [--keep]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import corpus  # bench/corpus.py, beside this script
from tornado.websocket import websocket_connect  # installed with livereload

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-11-24"
LIVERELOAD = "http://livereload.com/protocols/official-7"
WORDS = (
    "sekolah", "siswa", "guru", "orang", "tua", "kegiatan", "kelas", "belajar", "ujian",
    "rapat", "komite", "upacara", "lomba", "prestasi", "jadwal", "pengumuman", "kurikulum",
    "perpustakaan", "lapangan", "seragam", "wali", "murid", "kepala", "pembinaan", "karakter",
    "literasi", "numerasi", "semester", "kota", "provinsi", "bersama", "selamat", "datang",
    "informasi", "pendaftaran", "harap", "hadir", "tepat", "waktu", "membawa", "alat", "tulis",
    "mohon", "diperhatikan",
)
NAMES = (
    "Ahmad", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko",
    "Kartika", "Lestari", "Made", "Nur", "Putri", "Rizki", "Sari", "Taufik", "Utami", "Wahyu",
    "Yuni", "Zahra", "Fauzi", "Pratama", "Saputra", "Wulandari",
)
FOLDERS = ("profil", "layanan", "akademik/kurikulum", "akademik/ekstrakurikuler", "spmb")
LEVELS = ("school", "subdistrict", "city", "province", "national", "international")
RANKS = ("Juara 1", "Juara 2", "Juara 3", "Harapan 1", "Medali Emas", "Medali Perak")
SECTIONS = {"event": ("events", "agenda"), "announcement": ("announcements", "pengumuman"),
            "achievement": ("achievements", "prestasi"), "page": ("pages", "informasi")}
PLACES = ("Aula sekolah", "Lapangan upacara", "Ruang kelas VII-A", "Perpustakaan", "GOR Prabumulih")


def calendar_keys(site_yaml: Path) -> dict[str, list[str]]:
    """Keys of calendar.categories and calendar.audiences (tiny indentation-based reader)."""
    keys: dict[str, list[str]] = {"categories": [], "audiences": []}
    path = ["", "", ""]  # the current key at indentation 0, 2 and 4
    for line in site_yaml.read_text(encoding="utf-8").splitlines():
        indent, key = len(line) - len(line.lstrip()), line.strip().split(":")[0]
        if key and not key.startswith("#") and indent in (0, 2, 4):
            path[indent // 2:] = [key, "", ""][: 3 - indent // 2]
            if indent == 4 and path[0] == "calendar" and path[1] in keys:
                keys[path[1]].append(key)
    if not keys["categories"] or not keys["audiences"]:
        sys.exit(f"no calendar categories/audiences found in {site_yaml}")
    return keys


def q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


class Generator:
    def __init__(self, n: int, root: Path) -> None:
        self.rng, self.root = random.Random(n), root
        keys = calendar_keys(root / "site.yaml")
        self.categories, self.audiences = keys["categories"], keys["audiences"]
        counts = {"event": round(n * 0.40), "announcement": round(n * 0.25),
                  "achievement": round(n * 0.20)}
        counts["page"] = n - sum(counts.values())
        self.items: list[tuple[str, str, str]] = []  # (kind, file under content/, url)
        for kind, count in counts.items():
            directory, section = SECTIONS[kind]
            for i in range(count):
                slug = f"{kind[:3]}-{i:05d}-{self.rng.choice(WORDS)}"
                if kind == "page":
                    slug = f"{FOLDERS[i % len(FOLDERS)]}/{slug}"
                self.items.append((kind, f"{directory}/{slug}.md", f"/{section}/{slug}/"))

    def words(self, lo: int, hi: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(lo, hi)))

    def sentence(self) -> str:
        return self.words(6, 14).capitalize() + "."

    def day(self) -> date:  # spread over 2025-2028
        return date(2025, 1, 1) + timedelta(days=self.rng.randint(0, 1460))

    def body(self, url: str) -> str:
        r = self.rng
        para = [" ".join(self.sentence() for _ in range(r.randint(3, 6))) for _ in range(3)]
        picks = r.sample(self.items, min(4, len(self.items)))
        targets = [u for _, _, u in picks if u != url][: r.randint(1, 3)]
        links = " ".join(f"Lihat juga [{self.words(2, 4)}]({u})." for u in targets)
        rows = "\n".join(f"| {self.words(1, 2)} | {r.randint(1, 99)} | {self.words(1, 3)} |"
                         for _ in range(3))
        return (f"## {self.words(2, 4).capitalize()}\n\n{para[0]}\n\n{para[1]} {links}\n\n"
                + "".join(f"- {self.words(3, 7)}\n" for _ in range(r.randint(3, 5)))
                + f"\n## {self.words(2, 4).capitalize()}\n\n{para[2]}\n\n"
                + "".join(f"{k}. {self.words(3, 7)}\n" for k in range(1, r.randint(3, 5) + 1))
                + f"\n| Uraian | Jumlah | Keterangan |\n|---|---|---|\n{rows}\n")

    def front(self, kind: str) -> list[str]:
        r, day = self.rng, self.day()
        d = day.isoformat()
        if kind == "event":
            style = r.random()
            if style < 0.4:
                hour = r.randint(7, 13)
                fm = [f'start: "{d} {hour:02d}:00"', f'end: "{d} {hour + r.randint(1, 3):02d}:30"']
            elif style < 0.6:
                fm = [f"start: {d}", f"end: {day + timedelta(days=r.randint(1, 3))}"]
            else:
                fm = [f"start: {d}"]
            aud = r.sample(self.audiences, r.randint(1, 2))
            return [*fm, f"category: {r.choice(self.categories)}", f"audience: [{', '.join(aud)}]",
                    f"location: {q(r.choice(PLACES))}"]
        if kind == "announcement":
            return [f"date: {d}"] + [line for p, line in (
                (0.5, f"expires: {day + timedelta(days=r.randint(7, 400))}"),
                (0.2, "priority: important"), (0.05, "pinned: true")) if r.random() < p]
        if kind == "achievement":
            students = [f"{r.choice(NAMES)} {r.choice(NAMES)}" for _ in range(r.randint(1, 3))]
            return [f"date: {d}", f"level: {r.choice(LEVELS)}",
                    f"field: {r.choice(('academic', 'non-academic'))}",
                    f"rank: {q(r.choice(RANKS))}",
                    f"competition: {q('Lomba ' + self.words(2, 4))}",
                    f"students: [{', '.join(q(s) for s in students)}]",
                    f"consent: {r.choice(('true', 'false'))}"]
        return [f"order: {r.randint(1, 50)}"]

    def write(self, rel: str, front: list[str], body: str) -> None:
        path = self.root / "content" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("---\n" + "\n".join(front) + "\n---\n\n" + body, encoding="utf-8")

    def generate(self) -> None:
        for kind, rel, url in self.items:
            fm = [f"title: {q(self.words(3, 7).title())}", f"summary: {q(self.sentence())}"]
            self.write(rel, fm + self.front(kind), self.body(url))
        self.write("index.md", ['title: "Selamat Datang"'], self.body(""))
        # site.yaml's menu links to /informasi/kontak/, so that page must exist
        self.write("pages/kontak.md", ['title: "Kontak"', "order: 1"], self.body(""))
        events = [u for k, _, u in self.items if k == "event"]
        lines = ['title: "Kalender Benchmark"', "entries:"]
        for _ in range(max(1, len(self.items) // 20)):
            lines += [f"  - title: {q(self.words(2, 5).title())}", f"    start: {self.day()}",
                      f"    category: {self.rng.choice(self.categories)}",
                      f"    audience: [{self.rng.choice(self.audiences)}]",
                      f"    description: {q(self.sentence())}"]
            if events and self.rng.random() < 0.3:
                lines.append(f"    url: {self.rng.choice(events)}")
        calendar = self.root / "content/calendars/bench.yaml"
        calendar.parent.mkdir(parents=True, exist_ok=True)
        calendar.write_text("\n".join(lines) + "\n", encoding="utf-8")


CACHE = ".sitegen-cache"  # the build cache beside site.yaml


def run_build(root: Path, clean: bool) -> tuple[float, float, float]:
    """One build in a fresh process (clean: without _site/ and the cache); returns wall s, peak RSS MiB, CPU s."""
    if clean:
        shutil.rmtree(root / "_site", ignore_errors=True)
        shutil.rmtree(root / CACHE, ignore_errors=True)
    cmd = [sys.executable, str(REPO / "build.py"), "build", "--root", str(root), "--today", TODAY]
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=root, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            tail = out.read().decode("utf-8", "replace").splitlines()[-40:]
            print(f"build failed (exit {proc.returncode}) in {root}; with --keep it stays;"
                  " last output lines:", *tail, sep="\n", file=sys.stderr)
            sys.exit(1)
    return wall, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def make_project(profile: str, n: int) -> tuple[Path, list[Path]]:
    """A fresh project of n items in a temporary folder; returns it and the items an edit may change."""
    root = Path(tempfile.mkdtemp(prefix=f"sitegen-bench-{profile}-{n}-"))
    shutil.copy2(REPO / "site.yaml", root / "site.yaml")
    for name in ("layouts", "static", *(("content",) if profile == "realistic" else ())):
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, root / name)
    if profile == "realistic":
        return root, corpus.write_items(n, root / "content")
    generator = Generator(n, root)
    generator.generate()
    return root, [root / "content" / rel for kind, rel, _ in generator.items if kind != "page"]


def edit(item: Path, mark: str) -> None:
    """Change one sentence of an item, as an editor fixing a typo would."""
    text = item.read_text(encoding="utf-8")
    item.write_text(text.rstrip("\n") + f"\n\nDiperbarui ({mark}).\n", encoding="utf-8")


def fetch(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return bytes(response.read())
    except OSError:
        return None


def serve_latency(root: Path, item: Path, runs: int, timeout: float = 900) -> float:
    """Median seconds from saving an item to the live-reload message after `serve` rebuilt its page."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    cmd = [sys.executable, str(REPO / "build.py"), "serve", "--root", str(root), "--today", TODAY, "--port", str(port)]
    proc = subprocess.Popen(cmd, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        return asyncio.run(asyncio.wait_for(_serve_latency(root, item, runs, port), timeout))
    finally:
        proc.terminate()
        proc.wait()


async def _serve_latency(root: Path, item: Path, runs: int, port: int) -> float:
    found: list[Path] = []
    while not found:  # the first build
        await asyncio.sleep(0.5)
        found = sorted((root / ".dev-site").glob(f"*/{item.stem}/index.html"))
    url = f"http://127.0.0.1:{port}/{found[0].parent.relative_to(root / '.dev-site').as_posix()}/"
    while fetch(url) is None:
        await asyncio.sleep(0.2)
    # The browser's side of livereload: the server watches files only while a page listens.
    socket_ = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    await socket_.write_message(json.dumps({"command": "hello", "protocols": [LIVERELOAD]}))
    await socket_.read_message()
    await socket_.write_message(json.dumps({"command": "info", "url": url}))
    reloads: asyncio.Queue[float] = asyncio.Queue()

    async def listen() -> None:
        while (message := await socket_.read_message()) is not None:
            if json.loads(message).get("command") == "reload":
                reloads.put_nowait(time.perf_counter())

    listener = asyncio.create_task(listen())
    times = []
    for run in range(runs):
        await asyncio.sleep(4)  # livereload ignores changes for 3 s after a reload
        while not reloads.empty():  # the reload livereload sends when a page first connects
            reloads.get_nowait()
        mark = f"serve {run + 1}"
        start = time.perf_counter()
        edit(item, mark)
        times.append(await reloads.get() - start)
        assert mark.encode() in (fetch(url) or b""), f"{url} does not show the change"
    listener.cancel()
    socket_.close()
    return statistics.median(times)


def bench_size(profile: str, n: int, runs: int, per_item: dict[int, float], keep: bool) -> Path | None:
    """Generate, build `runs` times each way and print one table row; returns the kept project, if any."""
    root, items = make_project(profile, n)
    try:
        clean = [run_build(root, clean=True) for _ in range(runs)]
        warm = [run_build(root, clean=False)[0] for _ in range(runs)]
        edited = []
        for run in range(runs):
            edit(items[len(items) // 2], f"build {run + 1}")
            edited.append(run_build(root, clean=False)[0])
        serve = serve_latency(root, items[len(items) // 2 + 1], runs)
        walls, rss, cpu = [w for w, _, _ in clean], [m for _, m, _ in clean], [c for _, _, c in clean]
        pages = sum(1 for _ in (root / "_site").rglob("*.html"))
        med = statistics.median(walls)
        per_item[n] = med * 1000 / n
        print(f"{n:>7} {runs:>4} {med:>8.2f} {min(walls):>7.2f} {max(walls):>7.2f} "
              f"{statistics.median(warm):>7.2f} {statistics.median(edited):>7.2f} {serve:>7.2f} "
              f"{statistics.median(rss):>8.1f} {statistics.median(cpu):>7.2f} {pages:>6} {per_item[n]:>8.2f}",
              flush=True)
    finally:
        if not keep:
            shutil.rmtree(root, ignore_errors=True)
    return root if keep else None


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--profile", choices=("realistic", "synthetic"), default="realistic")
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000],
                    help="content items per site")
    ap.add_argument("--runs", type=int, default=3, help="builds of each kind per size")
    ap.add_argument("--keep", action="store_true", help="keep the generated projects")
    args = ap.parse_args()
    print(f"profile {args.profile}, {os.cpu_count()} cores; times are medians in seconds")
    print(f"{'N':>7} {'runs':>4} {'clean':>8} {'min':>7} {'max':>7} {'warm':>7} {'edit':>7} {'serve':>7} "
          f"{'RSS MiB':>8} {'CPU s':>7} {'pages':>6} {'ms/item':>8}")
    per_item: dict[int, float] = {}
    kept: list[Path | None] = []
    try:
        for n in args.sizes:
            kept.append(bench_size(args.profile, n, args.runs, per_item, args.keep))
        if len(per_item) > 1:
            lo, hi = min(per_item), max(per_item)
            ratio = per_item[hi] / per_item[lo]
            print(f"per-item time ratio N={hi} / N={lo}: {ratio:.2f} (1.00 = linear)")
    finally:
        for path in filter(None, kept):
            print(f"kept: {path}")


if __name__ == "__main__":
    main()
