"""site.yaml: read, apply command-line overrides, validate into SiteConfig."""

from __future__ import annotations

import os
from pathlib import Path

from sitegen.errors import LANGUAGES, BuildFailed, ConfigUnusable, error
from sitegen.models import SiteConfig
from sitegen.sources import check_file, read_text
from sitegen.yamlload import Path as YamlPath
from sitegen.yamlload import load_yaml, validate

CONFIG_FILE = "site.yaml"


def load_config(root: Path, base_url: str | None = None) -> tuple[SiteConfig, dict[YamlPath, int]]:
    """root/site.yaml and the line of each of its keys; `base_url` (--base-url, SITE_BASE_URL) wins."""
    path = root / CONFIG_FILE
    if not os.path.lexists(path):
        raise ConfigUnusable([error(CONFIG_FILE, None, None, "config_missing")])
    try:
        check_file(root, CONFIG_FILE)
        doc = load_yaml(read_text(path, CONFIG_FILE), CONFIG_FILE)
    except BuildFailed as exc:
        raise ConfigUnusable(exc.errors) from exc
    if not isinstance(doc.data, dict):
        raise ConfigUnusable([error(CONFIG_FILE, 1, None, "yaml_not_mapping")])
    if base_url:
        doc.data["base_url"] = base_url
    result = validate(SiteConfig, doc)
    if isinstance(result, list):
        language = doc.data.get("language")
        raise ConfigUnusable(result, language if language in LANGUAGES else "id")
    return result, doc.lines
