"""The command line: python build.py [build|check|serve|new] ..."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sitegen.config import load_config
from sitegen.content import slugify
from sitegen.errors import FRAME, BuildFailed, ConfigUnusable, report
from sitegen.pipeline import Options, build_site

COMMANDS = ("build", "check", "serve", "new")
NEW_KINDS = ("event", "announcement", "achievement", "page")

DESCRIPTION = """\
Pembuat situs statis humas sekolah / static-site generator for school websites.

commands:
  build   build the site into _site/ (or output_dir of site.yaml); the default
  check   validate everything, write nothing; exit 0 or 1
  serve   build with drafts and serve on http://127.0.0.1:8000, rebuilding on change
  new     create a new content file: new event|announcement|achievement|page "Title"

options of build, check and serve (python build.py COMMAND --help for each):
  --today YYYY-MM-DD   build as of this day (default: today in the site's time zone)
  --base-url URL       override base_url of site.yaml (also: environment variable SITE_BASE_URL)
  --root DIR           the project folder with site.yaml (default: the current folder)
  --drafts             include drafts (serve always does)
  --format github      print problems as GitHub annotations (for CI)
  --port N             serve only: the port on 127.0.0.1 (default 8000)

exit status: 0 success, 1 content errors, 2 bad usage or unusable configuration
"""


def main(argv: list[str] | None = None) -> int:
    args = _parse(sys.argv[1:] if argv is None else argv)
    root = Path(args.root)
    if args.command == "new":
        return _new(root, args)
    base_url = args.base_url or os.environ.get("SITE_BASE_URL") or None
    try:
        config, _ = load_config(root, base_url)
        today = args.today or datetime.now(ZoneInfo(config.timezone)).date()
        if args.command == "serve":
            from sitegen.serve import serve  # livereload is only needed here

            return serve(root, Options(today=today, drafts=True, dev=True), args.port, config.language)
        options = Options(today=today, base_url=base_url, drafts=args.drafts, write=args.command == "build")
        built = build_site(root, options)
    except BuildFailed as exc:
        print_report(exc, args.format)
        return 2 if isinstance(exc, ConfigUnusable) else 1
    words = FRAME.get(built.config.language, FRAME["id"])
    if args.command == "build":
        shown = os.path.relpath(built.output, root.resolve())
        print(words["built"].format(path=shown, pages=built.page_count))
    else:
        print(words["checked"].format(pages=built.page_count))
    return 0


def print_report(exc: BuildFailed, fmt: str = "text") -> None:
    """Every problem: readable text on stderr, or GitHub annotations on stdout."""
    out, err = report(exc, fmt)
    sys.stdout.write(out)
    sys.stderr.write(err)


def _parse(argv: list[str]) -> argparse.Namespace:
    if not argv or (argv[0] not in COMMANDS and argv[0] not in ("-h", "--help")):
        argv = ["build", *argv]
    parser = argparse.ArgumentParser(
        prog="python build.py", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    commands = parser.add_subparsers(dest="command", metavar="{build,check,serve,new}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", default=".", help="project folder with site.yaml (default: current folder)")
    dated = argparse.ArgumentParser(add_help=False)
    dated.add_argument("--today", type=_date,
                       help="build as of this day, YYYY-MM-DD (default: today in the site's time zone)")
    dated.add_argument("--base-url", help="override base_url (also: environment variable SITE_BASE_URL)")
    dated.add_argument("--drafts", action="store_true", help="include drafts (serve always does)")
    dated.add_argument("--format", choices=("text", "github"), default="text",
                       help="how problems are printed: text, or GitHub workflow annotations")
    commands.add_parser("build", parents=[common, dated], help="build the site")
    commands.add_parser("check", parents=[common, dated], help="validate, write nothing")
    serve = commands.add_parser("serve", parents=[common, dated], help="preview with live reload")
    serve.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1, 1-65535 (default 8000)")
    new = commands.add_parser("new", parents=[common], help="create a content file")
    new.add_argument("kind", choices=NEW_KINDS)
    new.add_argument("title", help='the title, in quotes: "Pentas Seni 2027"')
    new.add_argument("--date", type=_date, help="its date (default: empty, to fill in)")
    return parser.parse_args(argv)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date YYYY-MM-DD") from exc


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port: use a number from 1 to 65535, for example 8001")
    return int(text)


TEMPLATES = {
    "event": ("events", "start: {date}\n# end: {date}\ncategory: kegiatan\nlocation: \naudience:\n  - orang-tua\n"),
    "announcement": ("announcements", "date: {date}\n# expires: {date}\npriority: normal\n"),
    "achievement": ("achievements", "date: {date}\nlevel: city\nfield: academic\nrank: \ncompetition: \n"),
    "page": ("pages", "order: 10\n"),
}


def _new(root: Path, args: argparse.Namespace) -> int:
    """Write a new content file with the fields its kind needs, ready to fill in."""
    folder, fields = TEMPLATES[args.kind]
    path = root / "content" / folder / f"{slugify(args.title)}.md"
    if path.exists():
        print(f"{path.relative_to(root)} sudah ada / already exists.", file=sys.stderr)
        return 2
    day = args.date.isoformat() if args.date else "TTTT-BB-HH"
    # Inside YAML double quotes a backslash starts an escape, so each one is doubled to be read back as typed.
    title = " ".join(args.title.split()).replace("\\", "\\\\").replace('"', "'")
    text = f'---\ntitle: "{title}"\nsummary: \n{fields.format(date=day)}---\nTulis isinya di sini.\n'
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(path.relative_to(root).as_posix())
    return 0
