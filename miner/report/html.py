"""report.html: one self-contained file (inline CSS, script and SVG), rendered from a report directory."""
from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .chart import COLOURS, stacked_bars
from .files import HTML
from .load import read_report
from .view import SEVERITIES, build_view

ASSETS = Path(__file__).resolve().parent / "assets"


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.globals["inline"] = lambda name: Markup((ASSETS / name).read_text(encoding="utf-8"))
    return env


def render(tables: dict[str, list[dict[str, str]]], title: str = "miner report") -> str:
    view = build_view(tables)
    verdicts = ("ok", "rounding", "mismatch", "unlinked")
    coverage = {"claims": Counter({v: view.totals[v] for v in verdicts})}
    charts = {
        "rules": stacked_bars("Findings by rule and severity", view.by_rule, SEVERITIES),
        "coverage": stacked_bars("Claims by verdict", coverage, verdicts),
    }
    return _environment().get_template("report.html.j2").render(view=view, charts=charts, colours=COLOURS,
                                                                   title=title)


def write_html(out: str | Path) -> Path:
    """Render DIR/report.html from the tables in DIR (so merged or old directories get one too)."""
    out = Path(out)
    path = out / HTML
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render(read_report(out), title=f"miner report: {out.resolve().name}"), encoding="utf-8")
    tmp.replace(path)
    return path
