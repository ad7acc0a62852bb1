"""report.html: one self-contained file (inline CSS, script and SVG), rendered from a report directory."""
from __future__ import annotations

import os
from collections import Counter, defaultdict
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .chart import COLOURS, stacked_bars
from .files import DOCUMENTS, FINDINGS, HTML
from .load import read_report, read_table
from .view import SEVERITIES, build_view

ASSETS = Path(__file__).resolve().parent / "assets"


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates kept between runs (compiling the page takes about 0.1 s of every
    ``miner scan``), in the user's cache directory; none when it cannot be written."""
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "miner" / "templates"
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return FileSystemBytecodeCache(str(root)) if os.access(root, os.W_OK) else None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, bytecode_cache=_bytecode_cache())
    env.globals["inline"] = lambda name: Markup((ASSETS / name).read_text(encoding="utf-8"))
    return env


def prepare() -> None:
    """Load the page template now (jinja2 keeps it), so that writing the page later only renders."""
    _environment().get_template(_TEMPLATE)


_TEMPLATE = "report.html.j2"

# A corpus report shows this many documents in full (the most severe findings first)
# and lists the rest with their counts: the page stays quick to open and to build.
MAX_DETAILED = 50


def render(tables: dict[str, list[dict[str, str]]], title: str = "miner report",
           claim_counts: dict[str, Counter] | None = None, detailed: set[str] | None = None) -> str:
    view = build_view(tables, claim_counts, detailed)
    verdicts = ("ok", "rounding", "mismatch", "unlinked")
    coverage = {"claims": Counter({v: view.totals[v] for v in verdicts})}
    charts = {
        "rules": stacked_bars("Findings by rule and severity", view.by_rule, SEVERITIES),
        "coverage": stacked_bars("Claims by verdict", coverage, verdicts),
    }
    return _environment().get_template(_TEMPLATE).render(view=view, charts=charts, colours=COLOURS,
                                                                   title=title)


def write_html(out: str | Path, language: str = "en") -> Path:
    """Render DIR/report.html from the tables in DIR (so merged or old directories get one too),
    its labels in ``language``."""
    out = Path(out)
    path = out / HTML
    tmp = path.with_suffix(".html.tmp")
    documents = [row["doc"] for row in read_table(out, DOCUMENTS)]
    detailed = None
    if len(documents) > MAX_DETAILED:
        severity = defaultdict(Counter)
        for row in read_table(out, FINDINGS):
            severity[row["doc"]][row["severity"]] += 1
        ranked = sorted(documents, key=lambda d: (-severity[d]["error"], -severity[d]["warning"], -severity[d]["info"]))
        detailed = set(ranked[:MAX_DETAILED])
    counts: dict[str, Counter] = {}
    tables = read_report(out, detailed, counts)
    tmp.write_text(render(tables, f"miner report: {out.resolve().name}", counts, detailed), encoding="utf-8")
    tmp.replace(path)
    return path
