"""The package keeps the shape docs/design.md draws: layers in data-flow order, imports one way, small modules."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "sitegen"
MAX_LINES = 500  # a module one can read in a sitting; split by noun beyond this

# The layers, in the order data flows through build_site. A module imports modules of earlier layers, and of
# its own layer only those listed before it.
LAYERS: dict[str, tuple[str, ...]] = {
    "words": ("field_messages", "messages", "frame", "errors"),
    "reading": ("sources", "parallel", "cache", "history"),
    "models": ("models", "models.scalars", "models.fields", "models.settings", "models.urls", "models.bodies",
               "models.items", "models.dates", "models.headlines"),
    "load": ("load", "load.yamlload", "load.config", "load.markdown", "load.risks", "load.content", "load.calendars"),
    "plan": ("plan", "plan.timeline", "plan.semesters", "plan.indexes", "plan.views", "plan.routes", "plan.links"),
    "render": ("render", "render.feeds", "render.jsonld", "render.images", "render.pages", "render.changes"),
    "write": ("write", "write.output", "write.search", "write.admin"),
    "build": ("pipeline", "incremental"),
    "commands": ("commands", "commands.skeleton", "commands.serve", "commands.cli"),
}
ORDER = [module for modules in LAYERS.values() for module in modules]


def module_name(path: Path, root: Path = PACKAGE) -> str:
    """sitegen/cache.py -> 'cache', sitegen/plan/routes.py -> 'plan.routes'; a package's __init__ is the package."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, root: Path = PACKAGE) -> set[str]:
    """The sitegen modules `path` imports, relative imports resolved against its own package."""
    name = module_name(path, root).split(".")
    package = name if path.name == "__init__.py" else name[:-1]
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:  # from . import x, from .timeline import y, from ..z
            base = package[: len(package) - node.level + 1]
            if node.module:
                names.add(".".join([*base, node.module]))
            else:
                names.update(".".join([*base, alias.name]) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "sitegen":
            inner = (node.module or "").split(".")[1:]
            if inner:
                names.add(".".join(inner))
            if (root.joinpath(*inner)).is_dir():  # from sitegen.plan import routes: a module of a folder
                names.update(".".join([*inner, alias.name]) for alias in node.names
                             if root.joinpath(*inner, alias.name + ".py").exists())
        elif isinstance(node, ast.Import):
            names.update(".".join(a.name.split(".")[1:]) for a in node.names if a.name.startswith("sitegen."))
    return {found for found in names if found}


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE.rglob("*.py")) if module_name(path)}


def test_every_module_has_a_place_in_a_layer() -> None:
    missing = sorted(set(modules()) - set(ORDER))
    assert not missing, f"add {missing} to LAYERS"


def test_modules_import_only_earlier_modules() -> None:
    wrong = {
        name: sorted(m for m in imported_modules(path) if m not in ORDER or ORDER.index(m) >= ORDER.index(name))
        for name, path in modules().items()
    }
    assert not {name: later for name, later in wrong.items() if later}


def test_no_module_outgrows_a_sitting() -> None:
    sizes = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in modules().items()}
    assert not {name: size for name, size in sizes.items() if size > MAX_LINES}


def test_there_is_no_utils_module() -> None:
    assert not [path for path in PACKAGE.rglob("*.py") if path.stem in ("utils", "helpers", "misc", "common")]


def test_relative_and_folder_imports_are_resolved_to_the_modules_they_name(tmp_path: Path) -> None:
    for name in ("plan/__init__.py", "plan/routes.py", "plan/links.py", "render.py", "errors.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).touch()
    source = tmp_path / "plan" / "routes.py"
    source.write_text("from . import indexes\nfrom .timeline import Happening\nfrom ..render import x\n"
                      "from sitegen.plan import links\nimport sitegen.errors\n", encoding="utf-8")
    assert imported_modules(source, tmp_path) == {"plan.indexes", "plan.timeline", "render", "plan", "plan.links",
                                                  "errors"}


def prose(path: Path) -> str:
    """The docstrings and comments of a Python file."""
    text = path.read_text(encoding="utf-8")
    nodes = [node for node in ast.walk(ast.parse(text))
             if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)]
    comments = [t.string for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type == tokenize.COMMENT]
    return "\n".join([*(ast.get_docstring(node) or "" for node in nodes), *comments])


CITATION = re.compile(r"\b(?:docs/[\w-]+|[A-Z][A-Z_]+)\.md\b")


def test_docstrings_and_comments_cite_only_documents_in_the_repository() -> None:
    repo = PACKAGE.parent
    named = {  # anywhere in a file's text: a name of a missing document is then looked for in its prose alone
        path: set(CITATION.findall(path.read_text(encoding="utf-8")))
        for path in [*PACKAGE.rglob("*.py"), *(repo / "tests").glob("*.py"), repo / "build.py"]
    }
    assert any(names for names in named.values()), "the code cites its design somewhere"
    missing = {(path, name) for path, names in named.items() for name in names if not (repo / name).is_file()}
    cited = {(path.relative_to(repo).as_posix(), name) for path, name in missing
             if name in CITATION.findall(prose(path))}
    assert sorted(cited) == []
