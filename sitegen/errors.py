"""Problems found in a site's sources: located errors and warnings, the failure that carries them, their report."""

from __future__ import annotations

from dataclasses import dataclass

from sitegen.frame import FRAME, ITEM_WORDS, KIND_WORDS
from sitegen.messages import MESSAGES


@dataclass(frozen=True, order=True)
class SiteError:
    """One problem, located in a source file."""

    source: str  # "content/events/pentas-seni.md", relative to the project root
    line: int | None  # 4; None where the problem is the whole file
    field: str | None  # "start"; "attachments.0.file" for nested values
    code: str  # a key of MESSAGES
    params: tuple[tuple[str, str], ...] = ()  # (("value", "2026-13-01"),)

    def text(self, language: str) -> tuple[str, str]:
        """The message and hint in `language`."""
        message, hint = MESSAGES[self.code].get(language, MESSAGES[self.code]["id"])
        kinds = KIND_WORDS.get(language, KIND_WORDS["id"])
        values = {k: kinds.get(v, v) if k in ("kind", "other") else v for k, v in self.params}
        return message.format(**values), hint.format(**values)

    def location(self) -> str:
        return f"{self.source}:{self.line}" if self.line else self.source

    def format(self, language: str, warning: bool = False) -> str:
        """Human-readable text: location, field, message and hint on two lines."""
        message, hint = self.text(language)
        words = FRAME.get(language, FRAME["id"])
        where = f"{self.location()}: "
        if warning:
            where += f"{words['warning']}: "
        if self.field:
            where += self.field_words(language) + ": "
        return f"{where}{message}\n  {words['hint']}: {hint}"

    def field_words(self, language: str) -> str:
        """"kolom 'start'"; list items by number from 1: "entri ke-14, kolom 'category'"."""
        words = FRAME.get(language, FRAME["id"])
        items = ITEM_WORDS.get(language, ITEM_WORDS["id"])
        parts = (self.field or "").split(".")
        shown: list[str] = []
        name: list[str] = []
        for index, part in enumerate(parts):
            if part.isdigit() and index > 0:
                before = ".".join(name) or parts[index - 1]
                pattern = items.get(before, items[""])
                shown.append(pattern.format(n=int(part) + 1, list=before))
                name = []
            else:
                name.append(part)
        if name:
            shown.append(f"{words['field']} '{'.'.join(name)}'")
        return ", ".join(shown)

    def format_github(self, language: str, warning: bool = False) -> str:
        """A GitHub Actions workflow command that annotates the line."""
        message, hint = self.text(language)
        props = f"file={_escape_property(self.source)}"
        if self.line:
            props += f",line={self.line}"
        numbered = any(part.isdigit() for part in (self.field or "").split("."))
        title = self.field_words(language) if numbered else self.field or self.source
        props += f",title={_escape_property(title)}"
        command = "warning" if warning else "error"
        return f"::{command} {props}::{_escape_data(message + ' ' + hint)}"


def error(source: str, line: int | None, field_name: str | None, code: str, **params: object) -> SiteError:
    """Make a SiteError; params are turned into text once, here."""
    return SiteError(source, line, field_name, code, tuple(sorted((k, str(v)) for k, v in params.items())))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


class BuildFailed(Exception):
    """All problems of one build, sorted by file and line, and its warnings."""

    def __init__(
        self,
        errors: list[SiteError] | tuple[SiteError, ...],
        language: str = "id",
        warnings: list[SiteError] | tuple[SiteError, ...] = (),
    ) -> None:
        self.errors = tuple(sorted(set(errors), key=_sort_key))
        self.warnings = sort_problems(warnings)  # reported after the errors; the cause under --strict
        self.language = language  # of the messages: the site's, once site.yaml is read
        super().__init__(f"{len(self.errors)} problems")


def sort_problems(problems: list[SiteError] | tuple[SiteError, ...]) -> tuple[SiteError, ...]:
    """Without repeats, by file and line."""
    return tuple(sorted(set(problems), key=_sort_key))


def _sort_key(err: SiteError) -> tuple[str, int, str, str]:
    return (err.source, err.line or 0, err.field or "", err.code)


def report(exc: BuildFailed, fmt: str = "text", command: str = "build") -> tuple[str, str]:
    """(stdout, stderr) for the people reading: readable text, or GitHub annotations on stdout.

    Errors come first, then warnings; the summary says why the command failed.
    """
    words = FRAME.get(exc.language, FRAME["id"])
    out, err = report_warnings(exc.errors, exc.language, fmt, warning=False)
    more_out, more_err = report_warnings(exc.warnings, exc.language, fmt)
    if exc.errors:
        summary = words["check_failed" if command == "check" else "failed"].format(count=len(exc.errors))
    else:
        summary = words["strict_failed"].format(count=len(exc.warnings))
    return out + more_out, err + more_err + summary + "\n"


def report_warnings(
    problems: tuple[SiteError, ...], language: str, fmt: str = "text", warning: bool = True
) -> tuple[str, str]:
    """(stdout, stderr) of problems without a summary: GitHub annotations, or readable text."""
    if fmt == "github":
        return "".join(p.format_github(language, warning) + "\n" for p in problems), ""
    return "", "".join(p.format(language, warning) + "\n" for p in problems)


class ConfigUnusable(BuildFailed):
    """site.yaml cannot be used: the command line exits 2 rather than 1."""
