"""The package keeps the shape DESIGN.md draws: imports flow one way, no grab-bag modules."""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sitegen"

# Earlier modules never import later ones.
ORDER = [
    "errors", "sources", "parallel", "cache", "history", "models", "dates", "headlines", "yamlload", "config",
    "markdown", "content", "calendars", "indexes", "routes", "feeds", "jsonld", "images", "render", "links", "output",
    "search", "pipeline", "skeleton", "serve", "cli",
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("sitegen."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("sitegen."))
    return names


def test_every_module_has_a_place_in_the_import_order() -> None:
    modules = {p.stem for p in PACKAGE.glob("*.py")} - {"__init__"}
    assert modules <= set(ORDER), f"add {sorted(modules - set(ORDER))} to ORDER"


def test_modules_import_only_earlier_modules() -> None:
    for path in sorted(PACKAGE.glob("*.py")):
        if path.stem == "__init__":
            continue
        later = [m for m in imported_modules(path) if ORDER.index(m) >= ORDER.index(path.stem)]
        assert not later, f"sitegen/{path.name} imports later modules {later}"


def test_there_is_no_utils_module() -> None:
    assert not (PACKAGE / "utils.py").exists()
