"""The data flows one way: document → lines → tables and sentences → claims → links →
checks → the corpus pass → the scan → the report (and the statements checked against
reports, the page that serves them) → the engine → the command line.

Every import of miner/ (also those inside functions) is read from the source: no
module imports, directly or through others, a module that imports it back, and no
stage imports a later one."""
from __future__ import annotations

import ast
import re
from pathlib import Path

MINER = Path(__file__).resolve().parents[1] / "miner"

# The stages in the order the data flows; a module may import its own stage and earlier ones.
STAGES = (
    ("miner.records", "miner.lexicon", "miner.messages", "miner.config", "miner.exitcodes", "miner.numbers", "miner.crash"),
    ("miner.ingest",),
    ("miner.tables", "miner.prose"),
    ("miner.claims",),
    ("miner.linking",),
    ("miner.checks",),
    ("miner.corpus",),
    ("miner.scan",),
    ("miner.report",),
    ("miner.statements",),        # a public statement against the reports it cites
    ("miner.serve",),
    ("miner.engine",),
    ("miner.injection",),         # errors injected into scanned documents (scripts/bench_injection.py)
    ("miner.preflight", "miner.cli"),   # what the command line checks before a scan, and the command line
)


def _module(path: Path) -> str:
    parts = path.relative_to(MINER.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path, name: str) -> set[str]:
    """The miner modules a module imports (``from .x import y`` counts y when it is a module)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("miner")}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("miner"):
                if node.module:         # `from . import judge` imports the module judge, not its package
                    found.add(target)
                found |= {f"{target}.{alias.name}" for alias in node.names}
    return found


def _graph() -> dict[str, set[str]]:
    modules = {_module(path): path for path in MINER.rglob("*.py")}
    return {name: {m for m in _imports(path, name) if m in modules and m != name} for name, path in modules.items()}


def _stage(module: str) -> int:
    for rank, prefixes in enumerate(STAGES):
        if any(module == p or module.startswith(p + ".") for p in prefixes):
            return rank
    raise AssertionError(f"{module} belongs to no stage: add it to STAGES")


def test_every_module_belongs_to_a_stage():
    for module in _graph():
        if module != "miner":          # the package: miner.scan loaded on first use, no import
            _stage(module)


def test_no_stage_imports_a_later_one():
    backward = sorted(f"{module} -> {imported}" for module, imports in _graph().items() if module != "miner"
                      for imported in imports if imported != "miner" and _stage(imported) > _stage(module))
    assert not backward, backward


def test_the_import_graph_has_no_cycle():
    graph = _graph()
    state: dict[str, int] = {}      # 1: on the path being walked, 2: done
    cycles = []

    def walk(module: str, path: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph[module]):
            if state.get(imported) == 1:
                cycles.append(path[path.index(imported):] + [imported])
            elif imported not in state:
                walk(imported, path + [imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])
    assert not cycles, cycles[:5]


def test_the_walker_sees_relative_and_function_level_imports():
    graph = _graph()
    assert "miner.checks.context" in graph["miner.checks.rules.vc01"]
    assert "miner.report.html" in graph["miner.cli"]           # imported inside a command
    assert "miner.tables.quality" in graph["miner.checks.context"]


def _classes(package: str) -> set[str]:
    folder = MINER.parent / package.replace(".", "/")
    paths = folder.rglob("*.py") if folder.is_dir() else [folder.with_suffix(".py")]
    return {node.name for path in paths for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.ClassDef)}


def test_the_readme_names_each_stage_its_package_and_what_it_returns():
    """README "How it works": its table lists the stages in the order of STAGES, and every record
    it says a stage returns is a class of that stage's package."""
    readme = (MINER.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## How it works"):]
    section = section[:section.index("\n## ", 1)]
    rows = [line.split("|")[1:-1] for line in section.splitlines() if line.startswith("| ") and "`miner." in line]
    packages = [cells[1].strip().strip("`") for cells in rows]
    order = [_stage(package) for package in packages]
    assert len(packages) >= 10 and order == sorted(order), packages
    for cells, package in zip(rows, packages):
        named = set(re.findall(r"`([A-Z][A-Za-z]+)`", cells[2]))
        assert named <= _classes(package), (package, named - _classes(package))
    assert {"Document", "Table", "Claim", "Link", "Check", "Finding", "ScanResult"} <= \
        set(re.findall(r"`([A-Z][A-Za-z]+)`", section))
