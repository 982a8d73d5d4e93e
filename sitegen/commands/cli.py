"""The command line: python build.py [build|check|serve|new|init|libur] ..."""

from __future__ import annotations

import argparse
import os
import re
import sys
from datetime import date, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from sitegen.commands.skeleton import LEVELS, ZONES, School, create_site, occupied
from sitegen.errors import BuildFailed, ConfigUnusable, report, report_warnings
from sitegen.frame import FRAME
from sitegen.load.calendars import holiday_calendar, national_holidays
from sitegen.load.config import load_config, site_language
from sitegen.load.content import slugify
from sitegen.pipeline import Options, build_site

COMMANDS = ("build", "check", "serve", "new", "init", "libur")
NEW_KINDS = ("event", "announcement", "achievement", "page")
PROGRAM = Path(__file__).resolve().parents[2]  # the generator's folder: layouts/, static/css/, static/js/

# Help and answers in the site's language (Indonesian unless site.yaml says `language: en`).
HELP: dict[str, dict[str, str]] = {
    "id": {
        "description": """\
Pembuat situs statis humas sekolah.

perintah:
  build   membuat situs ke folder _site/ (atau output_dir di site.yaml); perintah bawaan
  check   memeriksa semua berkas tanpa menulis apa pun; status keluar 0 atau 1
  serve   pratinjau dengan draf di http://127.0.0.1:8000, dibuat ulang setiap berkas disimpan
  new     membuat berkas isi baru: new event|announcement|achievement|page "Judul"
  init    memulai situs untuk sekolah lain di folder kosong (lihat docs/panduan-editor.md)
  libur   menulis libur nasional dan cuti bersama satu tahun pelajaran (Juli–Juni) sebagai
          kalender yang bisa disunting: libur 2026/2027 menulis
          content/calendars/libur-2026-2027.yaml; tidak pernah menimpanya tanpa --force

pilihan untuk build, check dan serve (python build.py PERINTAH --help untuk masing-masing):
  --today TTTT-BB-HH   membuat situs seolah-olah pada hari itu (bawaan: hari ini di zona waktu situs)
  --base-url URL       mengganti base_url di site.yaml (juga: variabel lingkungan SITE_BASE_URL)
  --root FOLDER        folder proyek yang berisi site.yaml (bawaan: folder saat ini)
  --drafts             ikut menampilkan draf (serve selalu menampilkannya)
  --strict             peringatan juga membuat pemeriksaan gagal
  --format github      masalah ditulis sebagai catatan GitHub (untuk CI)
  --port N             khusus serve: port di 127.0.0.1 (bawaan 8000)

status keluar: 0 berhasil, 1 kesalahan isi (atau peringatan dengan --strict),
2 salah perintah atau pengaturan tidak dapat dipakai
""",
        "usage": "cara pakai: ", "dir": "FOLDER", "day": "TTTT-BB-HH",
        "options": "pilihan",
        "positionals": "argumen",
        "help": "tampilkan bantuan ini lalu keluar",
        "build": "membuat situs",
        "check": "memeriksa, tanpa menulis",
        "serve": "pratinjau yang dimuat ulang otomatis",
        "new": "membuat berkas isi baru",
        "init": "memulai situs sekolah baru",
        "root": "folder proyek yang berisi site.yaml (bawaan: folder saat ini)",
        "today": "membuat situs seolah-olah pada hari ini, TTTT-BB-HH (bawaan: hari ini di zona waktu situs)",
        "base_url": "mengganti base_url (juga: variabel lingkungan SITE_BASE_URL)",
        "drafts": "ikut menampilkan draf (serve selalu menampilkannya)",
        "strict": "peringatan juga membuat perintah gagal (status 1)",
        "format": "cara menulis masalah: text, atau github (catatan GitHub Actions)",
        "port": "port di 127.0.0.1 (bawaan 8000)",
        "kind": "jenis isi",
        "title": 'judul, dalam tanda kutip: "Pentas Seni 2027"',
        "date": "tanggalnya, TTTT-BB-HH (bawaan: kosong, untuk diisi)",
        "name": 'nama sekolah, misalnya "SMP Negeri 2 Contoh"',
        "level": "jenjang: SD, SMP, SMA atau SMK",
        "town": 'kota atau kabupaten, misalnya "Kota Contoh"',
        "zone": "zona waktu: WIB, WITA atau WIT",
        "address": 'alamat jalan, misalnya "Jalan Merdeka No. 1"',
        "bad_date": "'{text}' bukan tanggal TTTT-BB-HH",
        "exists": "{path} sudah ada; berkas itu tidak diubah. Pilih judul lain.",
        "occupied": "{names} sudah ada di {root}; init tidak menimpa apa pun.\n"
                    "  Petunjuk: jalankan init di folder kosong (--root FOLDER), atau hapus dulu isi sekolah "
                    "contoh (content/, static/images/, site.yaml) bila memang ingin menggantinya.",
        "ask_name": "Nama sekolah", "ask_level": "Jenjang (SD/SMP/SMA/SMK)", "ask_town": "Kota atau kabupaten",
        "ask_zone": "Zona waktu (WIB/WITA/WIT)", "ask_address": "Alamat jalan",
        "unwritable": "Folder {root} tidak dapat ditulis: {problem}. Pilih folder lain dengan --root FOLDER.",
        "no_answer": "Tidak ada jawaban untuk '{question}'. Jalankan lagi dengan --{flag} \"...\".",
        "bad_choice": "'{value}' tidak dikenal untuk {question}; pilih salah satu: {allowed}.",
        "created": "Situs {name} dibuat di {root}. Langkah berikutnya: docs/panduan-editor.md, "
                   "bagian \"Daftar periksa sekolah baru\".",
        "libur": "menulis libur nasional dan cuti bersama satu tahun pelajaran",
        "school_year": "tahun pelajaran, Juli sampai Juni: 2026/2027",
        "category": "kategorinya (bawaan: kategori di site.yaml yang ber-'no_school: true')",
        "force": "menimpa berkas walaupun sudah disunting",
        "bad_school_year": "'{text}' bukan tahun pelajaran seperti 2026/2027",
        "no_holiday_category": "Tidak ada kategori hari libur: beri 'no_school: true' pada kategori hari libur di "
                               "site.yaml, atau pilih dengan --category salah satu dari: {allowed}.",
        "unknown_category": "Kategori '{value}' tidak ada di site.yaml; pilih salah satu dari: {allowed}.",
        "no_holidays": "Pustaka holidays tidak punya hari libur Indonesia untuk tahun pelajaran {school_year}; "
                       "tidak ada berkas yang ditulis.",
        "holidays_up_to_date": "{path} sudah sesuai; tidak ada yang diubah.",
        "holidays_refused": "{path} sudah ada dan mungkin sudah disunting, jadi tidak ditimpa.\n"
                            "  Petunjuk: bandingkan sendiri, atau tulis ulang dengan "
                            "'python build.py libur {school_year} --force' (suntingan di berkas itu hilang).",
        "holidays_written": "{path}: {count} hari libur nasional dan cuti bersama ({estimated} tanggal perkiraan). "
                            "Periksa dengan SKB 3 Menteri, lalu sunting bila perlu.",
    },
    "en": {
        "description": """\
Static-site generator for school public-relations websites.

commands:
  build   build the site into _site/ (or output_dir of site.yaml); the default
  check   validate everything, write nothing; exit 0 or 1
  serve   build with drafts and serve on http://127.0.0.1:8000, rebuilding on change
  new     create a new content file: new event|announcement|achievement|page "Title"
  init    start a site for another school in an empty folder (see docs/editor-guide.md)
  libur   write Indonesia's national holidays and cuti bersama of a school year
          (July to June) as an editable calendar: libur 2026/2027 writes
          content/calendars/libur-2026-2027.yaml; never overwrites it without --force

options of build, check and serve (python build.py COMMAND --help for each):
  --today YYYY-MM-DD   build as of this day (default: today in the site's time zone)
  --base-url URL       override base_url of site.yaml (also: environment variable SITE_BASE_URL)
  --root DIR           the project folder with site.yaml (default: the current folder)
  --drafts             include drafts (serve always does)
  --strict             warnings fail the command too
  --format github      print problems as GitHub annotations (for CI)
  --port N             serve only: the port on 127.0.0.1 (default 8000)

exit status: 0 success, 1 content errors (or warnings with --strict),
2 bad usage or unusable configuration
""",
        "usage": "usage: ", "dir": "DIR", "day": "YYYY-MM-DD",
        "options": "options",
        "positionals": "arguments",
        "help": "show this help message and exit",
        "build": "build the site",
        "check": "validate, write nothing",
        "serve": "preview with live reload",
        "new": "create a content file",
        "init": "start a new school's site",
        "root": "project folder with site.yaml (default: current folder)",
        "today": "build as of this day, YYYY-MM-DD (default: today in the site's time zone)",
        "base_url": "override base_url (also: environment variable SITE_BASE_URL)",
        "drafts": "include drafts (serve always does)",
        "strict": "warnings fail the command too (exit 1)",
        "format": "how problems are printed: text, or GitHub workflow annotations",
        "port": "port on 127.0.0.1 (default 8000)",
        "kind": "kind of content",
        "title": 'the title, in quotes: "Pentas Seni 2027"',
        "date": "its date, YYYY-MM-DD (default: empty, to fill in)",
        "name": 'the school\'s name, e.g. "SMP Negeri 2 Contoh"',
        "level": "level: SD, SMP, SMA or SMK",
        "town": 'town or regency, e.g. "Kota Contoh"',
        "zone": "time zone: WIB, WITA or WIT",
        "address": 'street address, e.g. "Jalan Merdeka No. 1"',
        "bad_date": "'{text}' is not a date YYYY-MM-DD",
        "exists": "{path} already exists and was not changed. Choose another title.",
        "occupied": "{names} already exist in {root}; init overwrites nothing.\n"
                    "  Hint: run init in an empty folder (--root DIR), or first delete the example school's "
                    "content/, static/images/ and site.yaml if you mean to replace them.",
        "ask_name": "School name", "ask_level": "Level (SD/SMP/SMA/SMK)", "ask_town": "Town or regency",
        "ask_zone": "Time zone (WIB/WITA/WIT)", "ask_address": "Street address",
        "unwritable": "The folder {root} cannot be written: {problem}. Choose another with --root DIR.",
        "no_answer": "No answer for '{question}'. Run again with --{flag} \"...\".",
        "bad_choice": "'{value}' is not known for {question}; choose one of: {allowed}.",
        "created": "The site of {name} was created in {root}. Next steps: docs/editor-guide.md, "
                   "\"Checklist for a new school\".",
        "libur": "write the national holidays and cuti bersama of a school year",
        "school_year": "the school year, July to June: 2026/2027",
        "category": "their category (default: the category of site.yaml with 'no_school: true')",
        "force": "overwrite the file even if it was edited",
        "bad_school_year": "'{text}' is not a school year such as 2026/2027",
        "no_holiday_category": "No holiday category: give the holiday category 'no_school: true' in site.yaml, "
                               "or choose one with --category: {allowed}.",
        "unknown_category": "Category '{value}' is not in site.yaml; choose one of: {allowed}.",
        "no_holidays": "The holidays library has no Indonesian holidays for school year {school_year}; "
                       "no file was written.",
        "holidays_up_to_date": "{path} is up to date; nothing was changed.",
        "holidays_refused": "{path} already exists and may have been edited, so it was not overwritten.\n"
                            "  Hint: compare it yourself, or write it anew with "
                            "'python build.py libur {school_year} --force' (its edits are lost).",
        "holidays_written": "{path}: {count} national holidays and cuti bersama ({estimated} estimated dates). "
                            "Check them against the government's decree, then edit as needed.",
    },
}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    language = _site_language(argv)
    words = HELP[language]
    args = _parse(argv, words)
    root = Path(args.root)
    if args.command == "new":
        return _new(root, args, words)
    if args.command == "init":
        return _init(root, args, words)
    if args.command == "libur":
        return _holidays(root, args, words)
    base_url = args.base_url or os.environ.get("SITE_BASE_URL") or None
    try:
        settings = load_config(root, base_url)
        config = settings[0]
        # --today builds as of the start of that day; otherwise as of this minute in the site's zone.
        now = datetime.now(ZoneInfo(config.timezone)).replace(tzinfo=None, second=0, microsecond=0)
        today = args.today or now.date()
        moment = None if args.today else now
        if args.command == "serve":
            from sitegen.commands.serve import serve  # livereload is only needed here

            return serve(root, Options(today=today, now=moment, drafts=True, dev=True, cache=True), args.port,
                         config.language)
        options = Options(today=today, now=moment, base_url=base_url, drafts=args.drafts,
                          write=args.command == "build", strict=args.strict, cache=True)
        built = build_site(root, options, settings)
    except BuildFailed as exc:
        print_report(exc, args.format, args.command)
        return 2 if isinstance(exc, ConfigUnusable) else 1
    frame = FRAME.get(built.config.language, FRAME["id"])
    out, err = report_warnings(built.warnings, built.config.language, args.format)
    sys.stdout.write(out)
    sys.stderr.write(err)
    if args.command == "build":
        shown = os.path.relpath(built.output, root.resolve())
        print(frame["built"].format(path=shown, pages=built.page_count))
        if built.warnings:
            print(frame["warned"].format(count=len(built.warnings)))
    elif built.warnings:
        print(frame["checked_warned"].format(count=len(built.warnings), pages=built.page_count))
    else:
        print(frame["checked"].format(pages=built.page_count))
    if built.held:  # no file vanishes silently: what is valid but not on the site, and why
        print(frame["held"].format(count=len(built.held)))
        print("".join(problem.format(built.config.language) + "\n" for problem in built.held), end="")
    return 0


def print_report(exc: BuildFailed, fmt: str = "text", command: str = "build") -> None:
    """Every problem: readable text on stderr, or GitHub annotations on stdout."""
    out, err = report(exc, fmt, command)
    sys.stdout.write(out)
    sys.stderr.write(err)


def _site_language(argv: list[str]) -> str:
    """The language of site.yaml under --root (looked up before the arguments are checked: it words their help)."""
    root = "."
    for index, arg in enumerate(argv):
        if arg == "--root" and index + 1 < len(argv):
            root = argv[index + 1]
        elif arg.startswith("--root="):
            root = arg.split("=", 1)[1]
    return site_language(Path(root))


class _Formatter(argparse.RawDescriptionHelpFormatter):
    usage_prefix = "usage: "

    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, self.usage_prefix if prefix is None else prefix)


def _formatter(prefix: str) -> Any:
    """A help formatter whose usage line starts with `prefix` ("cara pakai: ")."""

    def make(prog: str) -> argparse.HelpFormatter:
        formatter = _Formatter(prog)
        formatter.usage_prefix = prefix
        return formatter

    return make


def _parser(words: dict[str, str], **kwargs: Any) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(formatter_class=_formatter(words["usage"]), add_help=False, **kwargs)
    parser._positionals.title = words["positionals"]
    parser._optionals.title = words["options"]
    parser.add_argument("-h", "--help", action="help", help=words["help"])
    return parser


def _parse(argv: list[str], words: dict[str, str]) -> argparse.Namespace:
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["build", *argv]
    parser = _parser(words, prog="python build.py", description=words["description"])
    commands = parser.add_subparsers(dest="command", metavar="{build,check,serve,new,init,libur}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=".", metavar=words["dir"], help=words["root"])
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--today", type=_date_in(words), metavar=words["day"], help=words["today"])
    dated.add_argument("--base-url", help=words["base_url"])
    dated.add_argument("--drafts", action="store_true", help=words["drafts"])
    dated.add_argument("--strict", action="store_true", help=words["strict"])
    dated.add_argument("--format", choices=("text", "github"), default="text", help=words["format"])

    def command(name: str, *parents: argparse.ArgumentParser) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(name, parents=list(parents), help=words[name],
                                                           add_help=False, formatter_class=_formatter(words["usage"]))
        sub._positionals.title = words["positionals"]
        sub._optionals.title = words["options"]
        sub.add_argument("-h", "--help", action="help", help=words["help"])
        return sub

    command("build", common, dated)
    command("check", common, dated)
    serve = command("serve", common, dated)
    serve.add_argument("--port", type=_port, default=8000, help=words["port"])
    new = command("new", common)
    new.add_argument("kind", choices=NEW_KINDS, help=words["kind"])
    new.add_argument("title", help=words["title"])
    new.add_argument("--date", type=_date_in(words), help=words["date"])
    init = command("init", common)
    init.add_argument("--name", help=words["name"])
    init.add_argument("--level", help=words["level"])
    init.add_argument("--town", help=words["town"])
    init.add_argument("--zone", help=words["zone"])
    init.add_argument("--address", help=words["address"])
    init.add_argument("--today", type=_date_in(words), metavar=words["day"], help=words["today"])
    holidays = command("libur", common)
    holidays.add_argument("school_year", type=_school_year_in(words), help=words["school_year"])
    holidays.add_argument("--category", help=words["category"])
    holidays.add_argument("--force", action="store_true", help=words["force"])
    return parser.parse_args(argv)


def _school_year_in(words: dict[str, str]) -> Any:
    def parse(text: str) -> int:
        """'2026/2027' -> 2026."""
        match = re.fullmatch(r"(\d{4})/(\d{4})", text.strip())
        if not match or int(match[2]) != int(match[1]) + 1:
            raise argparse.ArgumentTypeError(words["bad_school_year"].format(text=text))
        return int(match[1])

    return parse


def _date_in(words: dict[str, str]) -> Any:
    def parse(text: str) -> date:
        try:
            return date.fromisoformat(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(words["bad_date"].format(text=text)) from exc

    return parse


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: use a number from 1 to 65535, for example 8001")
    return int(text)


# Optional fields are written as comments, so an editor sees every field the kind has.
TEMPLATES = {
    "event": ("events", """\
start: {date}
# end: {date}                # hari terakhir (termasuk), atau "TTTT-BB-HH JJ:MM"
category: kegiatan           # salah satu kunci calendar.categories di site.yaml
# location: Aula sekolah
# audience: [orang-tua]      # kunci calendar.audiences di site.yaml
# mode: online               # offline (bawaan), online atau hybrid
# online_url: https://...    # wajib bila online atau hybrid
# status: postponed          # scheduled (bawaan), postponed, cancelled, rescheduled
# previous_start: {date}     # jadwal semula, wajib bila rescheduled
# repeat: weekly             # daily, weekly atau monthly
# until: {date}              # tanggal terakhir pengulangan, wajib dengan repeat
# except: [{date}]           # tanggal yang dilewati pengulangan
"""),
    "announcement": ("announcements", """\
date: {date}
# expires: {date}            # setelah tanggal ini turun dari beranda dan spanduk
priority: normal             # normal, important atau urgent (spanduk di setiap halaman)
# pinned: true               # tetap di atas daftar
# audience: [orang-tua]      # kunci calendar.audiences di site.yaml
# attachments:
#   - title: Jadwal lengkap (PDF)
#     file: files/nama-berkas.pdf
"""),
    "achievement": ("achievements", """\
date: {date}
level: city                  # school, subdistrict, city, province, national, international
field: academic              # academic atau non-academic
# rank: Juara 1
# competition: Nama lomba atau penghargaan
# organizer: Penyelenggara
# students:                  # satu nama per baris
#   - Nama Siswa
consent: false               # true hanya bila wali setuju nama lengkap ditampilkan; selain itu inisial
"""),
    "page": ("pages", "order: 10                    # urutan di menu\n"),
}
COMMON_FIELDS = """\
# image: images/nama-foto.jpg  # unggah fotonya ke static/images/
# image_alt: Keterangan isi foto
# tags: [kata, kunci]
# slug: alamat-lain           # bagian alamat halaman; bawaan: nama berkas
draft: true                  # hapus baris ini bila sudah siap terbit
"""


def _new(root: Path, args: argparse.Namespace, words: dict[str, str]) -> int:
    """Write a new draft content file with every field of its kind, the optional ones as comments."""
    folder, fields = TEMPLATES[args.kind]
    path = root / "content" / folder / f"{slugify(args.title)}.md"
    if path.exists():
        print(words["exists"].format(path=path.relative_to(root).as_posix()), file=sys.stderr)
        return 2
    day = args.date.isoformat() if args.date else "TTTT-BB-HH"
    # Inside YAML double quotes a backslash starts an escape, so each one is doubled to be read back as typed.
    title = " ".join(args.title.split()).replace("\\", "\\\\").replace('"', "'")
    text = f'---\ntitle: "{title}"\nsummary: \n{fields.format(date=day)}{COMMON_FIELDS}---\nTulis isinya di sini.\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(root).as_posix())
    return 0


def _init(root: Path, args: argparse.Namespace, words: dict[str, str]) -> int:
    """Start a new school's site from flags, asking for what is missing; never overwrite."""
    taken = occupied(root)
    if taken:
        print(words["occupied"].format(names=", ".join(taken), root=root.as_posix()), file=sys.stderr)
        return 2
    answers = {}
    choices = {"level": tuple(LEVELS), "zone": tuple(ZONES)}
    for flag in ("name", "level", "town", "zone", "address"):
        value = " ".join((getattr(args, flag) or "").split())  # a name of spaces only is no name
        question = words[f"ask_{flag}"]
        if not value:
            print(f"{question}: ", end="", file=sys.stderr, flush=True)
            value = " ".join(sys.stdin.readline().split())
            if not value:
                print("\n" + words["no_answer"].format(question=question, flag=flag), file=sys.stderr)
                return 2
        if flag in choices:
            value = value.upper()
            if value not in choices[flag]:
                print(words["bad_choice"].format(value=value, question=question, allowed=", ".join(choices[flag])),
                      file=sys.stderr)
                return 2
        answers[flag] = value
    school = School(answers["name"], answers["level"], answers["town"], answers["zone"], answers["address"])
    today = args.today or datetime.now(ZoneInfo(ZONES[school.zone])).date()
    try:
        root.mkdir(parents=True, exist_ok=True)
        written = create_site(root, school, today, PROGRAM)
    except OSError as exc:
        print(words["unwritable"].format(root=root.as_posix(), problem=exc.strerror or exc), file=sys.stderr)
        return 2
    for name in written:
        print(name)
    print(words["created"].format(name=school.name, root=root.as_posix()), file=sys.stderr)
    return 0


def _holidays(root: Path, args: argparse.Namespace, words: dict[str, str]) -> int:
    """Write content/calendars/libur-<year>-<year>.yaml; an existing, different file only with --force."""
    try:
        config, _ = load_config(root)
    except BuildFailed as exc:
        print_report(exc)
        return 2
    keys = sorted(config.calendar.categories)
    category = args.category or next((k for k in keys if config.calendar.categories[k].no_school), None)
    if category not in keys:
        code = "unknown_category" if args.category else "no_holiday_category"
        print(words[code].format(value=category, allowed=", ".join(keys)), file=sys.stderr)
        return 2
    first = args.school_year
    school_year = f"{first}/{first + 1}"
    found = national_holidays(first)
    if not found:
        print(words["no_holidays"].format(school_year=school_year), file=sys.stderr)
        return 2
    text = holiday_calendar(school_year, found, category, f"pustaka holidays {version('holidays')}")
    path = root / "content" / "calendars" / f"libur-{first}-{first + 1}.yaml"
    shown = path.relative_to(root).as_posix()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        print(words["holidays_up_to_date"].format(path=shown))
        return 0
    if path.exists() and not args.force:
        print(words["holidays_refused"].format(path=shown, school_year=school_year), file=sys.stderr)
        return 2
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    estimated = sum(1 for h in found if h.is_estimated)
    print(words["holidays_written"].format(path=shown, count=len(found), estimated=estimated))
    return 0
