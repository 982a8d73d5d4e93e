"""`python build.py ARGS` run in the test process (cli.main), for tests that check a command's answer (exit
status, output, files) rather than the process: a process of its own imports the generator again first."""

from __future__ import annotations

import contextlib
import io
import subprocess
import sys
from pathlib import Path

from sitegen.commands.cli import main


def cli(root: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """`python build.py ARGS --root ROOT` in this process, `stdin` as what the editor types."""
    command = [*args, "--root", str(root)]
    out, err, typed = io.StringIO(), io.StringIO(), sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(command)
    finally:
        sys.stdin = typed
    return subprocess.CompletedProcess(command, status, out.getvalue(), err.getvalue())
