"""The package's shape: stages import only earlier stages, every module is in the README layout,
every CLI command has help with an example, every module declares its public names."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "ingest"
# The pipeline's stages, in data-flow order: a module may import its own stage and earlier ones.
STAGES = ("read", "text", "extract", "land", "quality", "serve", "ops", "devtools")
# Shared by every stage (records and value lists); import no stage themselves.
FOUNDATION = ("ingest", "ingest.records", "ingest.vocabulary")
TOP = ("ingest.cli",)


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def _dotted(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _rank(module: str) -> int:
    if module in FOUNDATION:
        return -1
    if module in TOP:
        return len(STAGES)
    stage = module.split(".")[1]
    assert stage in STAGES, f"{module} is in no stage package ({', '.join(STAGES)})"
    return STAGES.index(stage)


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "ingest":
                found.update(f"ingest.{alias.name}" for alias in node.names if alias.name in STAGES)
                found.add("ingest")
            elif node.module.startswith("ingest."):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("ingest"))
    return found


def _stage_of(module: str) -> str:
    if module in FOUNDATION or module in TOP:
        return module
    return "ingest." + module.split(".")[1]


@pytest.mark.parametrize("path", [pytest.param(p, id=_dotted(p)) for p in _modules()])
def test_a_module_imports_only_its_own_stage_and_earlier_ones(path: Path) -> None:
    module = _dotted(path)
    later = sorted(
        imported
        for imported in _imports(path)
        if _stage_of(imported) != _stage_of(module) and _rank(imported) > _rank(module)
    )
    assert not later, f"{module} imports later stages: {later}"


def test_import_rule_is_able_to_fail() -> None:
    assert _rank("ingest.land.batch") > _rank("ingest.extract.tables")
    assert _rank("ingest.records") < _rank("ingest.read.readers")


def _layout_section() -> str:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Layout")
    return readme[start : readme.index("\n## ", start + 1)]


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, id=_dotted(p)) for p in _modules() if p.name != "__init__.py"]
    + [pytest.param(p, id=_dotted(p)) for p in sorted(PACKAGE.rglob("__init__.py")) if p.parent != PACKAGE],
)
def test_the_readme_layout_names_every_module_and_package(path: Path) -> None:
    name = path.parent.name + "/" if path.name == "__init__.py" else path.name
    assert re.search(rf"(?<![\w/]){re.escape(name)}", _layout_section()), f"README layout does not name {name}"


@pytest.mark.parametrize("path", [pytest.param(p, id=_dotted(p)) for p in sorted(PACKAGE.rglob("__init__.py"))])
def test_every_package_states_what_comes_in_and_goes_out(path: Path) -> None:
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) or ""
    assert len(doc) > 40, f"{_dotted(path)} has no contract docstring"
    if path.parent != PACKAGE:
        assert "In:" in doc and "Out:" in doc, f"{_dotted(path)} docstring must say In: and Out:"


@pytest.mark.parametrize("path", [pytest.param(p, id=_dotted(p)) for p in _modules() if p.name != "__main__.py"])
def test_every_module_declares_its_public_api(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared = [
        node for node in tree.body
        if (isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets))
        or (isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id == "__all__")
    ]  # fmt: skip
    assert declared, f"{_dotted(path)} has no __all__"


def _commands() -> list[str]:
    from ingest.cli import _parser

    parser = _parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    return sorted(sub.choices)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _commands())
def test_every_command_has_help_with_an_example(command: str) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "ingest.cli", command, "--help"], cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    assert "example" in shown.lower() and "govinfo " + command in shown
    assert f"`govinfo {command}" in (REPO / "README.md").read_text(encoding="utf-8"), f"README does not list {command}"
