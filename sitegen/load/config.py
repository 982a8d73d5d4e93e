"""site.yaml: read, apply command-line overrides, validate into SiteConfig."""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from sitegen.errors import BuildFailed, ConfigUnusable, SiteError, error
from sitegen.frame import LANGUAGES
from sitegen.load.yamlload import Document, load_yaml, validate
from sitegen.load.yamlload import Path as YamlPath
from sitegen.models.settings import SiteConfig
from sitegen.sources import check_file, read_text

CONFIG_FILE = "site.yaml"
# The example school, whose name and town must not stay behind in another school's site.
EXAMPLE_SCHOOL = ("SMP Negeri 1 Prabumulih", "SMPN 1 Prabumulih", "smpn1-prabumulih", "Prabumulih")


# site.yaml validated, and the line of each of its keys: ("menu", 1, "url") -> 14
Settings = tuple[SiteConfig, dict[YamlPath, int]]


def site_language(root: Path) -> str:
    """The interface language site.yaml asks for, read by the same loader as the build; Indonesian when it
    cannot be read or names no language we have (the build itself then says why)."""
    try:
        return _language(_document(root).data)
    except (BuildFailed, OSError):  # no site.yaml yet (init, new), or --root names a file
        return "id"


def load_config(root: Path, base_url: str | None = None) -> Settings:
    """root/site.yaml and the line of each of its keys; `base_url` (--base-url, SITE_BASE_URL) wins."""
    if not os.path.lexists(root / CONFIG_FILE):
        raise ConfigUnusable([error(CONFIG_FILE, None, None, "config_missing")])
    try:
        doc = _document(root)
    except BuildFailed as exc:
        raise ConfigUnusable(exc.errors) from exc
    if not isinstance(doc.data, dict):
        raise ConfigUnusable([error(CONFIG_FILE, 1, None, "yaml_not_mapping")])
    if base_url:
        doc.data["base_url"] = base_url
    result, problems = validate(SiteConfig, doc)
    if result is None:
        raise ConfigUnusable(problems, _language(doc.data))
    return result, doc.lines


def _document(root: Path) -> Document:
    """site.yaml as the build reads it: within the project and its limits, strict YAML."""
    check_file(root, CONFIG_FILE)
    return load_yaml(read_text(root / CONFIG_FILE, CONFIG_FILE), CONFIG_FILE)


def _language(data: object) -> str:
    """The `language` of site.yaml's data when it is one we have, else Indonesian."""
    language = data.get("language") if isinstance(data, dict) else None
    return language if language in LANGUAGES else "id"


def config_warnings(config: SiteConfig, lines: dict[YamlPath, int]) -> list[SiteError]:
    """Example data left in site.yaml (placeholder contacts, the example school), a cname the site is not built for."""
    found = []
    school = config.school
    for key, value in (("phone", school.phone), ("whatsapp", school.whatsapp), ("email", school.email)):
        if value and is_placeholder_contact(value):
            found.append(error(CONFIG_FILE, lines.get(("school", key)), f"school.{key}", "placeholder_contact",
                               value=value))
    host = config.base_url.split("://", 1)[1].partition("/")[0].split(":")[0].lower()
    # links would carry the wrong host or a /repo/ prefix there; the local preview (serve) is not published
    if config.cname and host not in (config.cname, "127.0.0.1", "localhost"):
        found.append(error(CONFIG_FILE, lines.get(("cname",)), "cname", "cname_not_base_url", value=config.cname,
                           base_url=config.base_url))
    names = example_names(school.name, school.address.locality)
    for path, value in _text_values(config.model_dump(by_alias=True, exclude_unset=True)):
        hit = next((name for name in names if name.lower() in value.lower()), None)
        if hit and path in lines:
            found.append(error(CONFIG_FILE, lines[path], ".".join(map(str, path)), "example_school", name=hit,
                               school=school.name))
    return found


def example_names(school: str, town: str) -> tuple[str, ...]:
    """The example school's names that do not belong to this school: none for the example itself."""
    if school == EXAMPLE_SCHOOL[0]:
        return ()
    own = f"{school} {town}".lower()
    return tuple(name for name in EXAMPLE_SCHOOL if name.lower() not in own)


def is_placeholder_contact(value: str) -> bool:
    """'+62 000-0000-0000', '620000000000', 'humas@sekolah.example': example data, not a contact."""
    digits = re.sub(r"\D", "", value)
    if "@" in value:
        domain = value.rsplit("@", 1)[1].lower()
        return domain.endswith((".example", ".invalid", ".test")) or domain in ("example.com", "example.org") or \
            "contoh" in domain
    return len(digits) >= 6 and (digits.count("0") >= len(digits) - 2 or "000000" in digits or "12345678" in digits)


def _text_values(data: Any, path: YamlPath = ()) -> list[tuple[YamlPath, str]]:
    if isinstance(data, dict):
        return [found for key, value in data.items() for found in _text_values(value, (*path, key))]
    if isinstance(data, list | tuple):
        return [found for index, value in enumerate(data) for found in _text_values(value, (*path, index))]
    return [(path, data)] if isinstance(data, str) else []
