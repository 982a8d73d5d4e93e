"""Preview: build with drafts into .dev-site/, serve it on 127.0.0.1, rebuild on change."""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from livereload import Server

from sitegen.errors import FRAME, BuildFailed, report
from sitegen.pipeline import Options, build_site

PREVIEW_DIR = ".dev-site"
WATCHED = ("content", "layouts", "static", "site.yaml")


def serve(root: Path, options: Options, port: int) -> int:
    """Serve until interrupted; a failed rebuild prints its problems and keeps the last good site."""
    options = replace(options, base_url=f"http://127.0.0.1:{port}/", output_dir=PREVIEW_DIR)

    def rebuild() -> None:
        try:
            built = build_site(root, options)
        except BuildFailed as exc:
            sys.stderr.write(report(exc)[1])
            return
        print(FRAME[built.config.language]["built"].format(path=PREVIEW_DIR, pages=built.page_count))

    rebuild()
    if not (root / PREVIEW_DIR).is_dir():
        return 1
    server = Server()
    for name in WATCHED:
        server.watch(str(root / name), rebuild)
    print(f"http://127.0.0.1:{port}/  (Ctrl+C)", file=sys.stderr)
    server.serve(root=str(root / PREVIEW_DIR), host="127.0.0.1", port=port, open_url_delay=None)
    return 0
