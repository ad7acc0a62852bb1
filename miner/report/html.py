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
from ..messages import catalogue, label, text
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


# the page's lang attribute by language (its labels; the document's own text is marked zh-Hans)
_HTML_LANG = {"en": "en", "zh": "zh-Hans"}


def render(tables: dict[str, list[dict[str, str]]], title: str | None = None,
           claim_counts: dict[str, Counter] | None = None, detailed: set[str] | None = None,
           language: str = "en") -> str:
    """The page, its labels in ``language`` (the catalogue's report.* and label.* keys)."""
    view = build_view(tables, claim_counts, detailed, language)
    verdicts = ("ok", "rounding", "mismatch", "unlinked")

    def say(key: str, **values) -> str:
        return text(language, f"report.{key}", **values)

    def named(group: str, name: str) -> str:
        return label(language, group, name)

    coverage = {say("claims"): Counter({v: view.totals[v] for v in verdicts})}
    charts = {
        "rules": stacked_bars(say("by_rule_and_severity"), view.by_rule, SEVERITIES,
                              lambda key: named("severity", key)),
        "coverage": stacked_bars(say("claims_by_verdict"), coverage, verdicts, lambda key: named("verdict", key)),
    }
    return _environment().get_template(_TEMPLATE).render(
        view=view, charts=charts, colours=COLOURS, title=title or say("title_plain"), t=say, label=named,
        template=lambda key: catalogue(language)[f"report.{key}"],     # filled by the page's script
        html_lang=_HTML_LANG[language])


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
    title = text(language, "report.title", name=out.resolve().name)
    tmp.write_text(render(tables, title, counts, detailed, language), encoding="utf-8")
    tmp.replace(path)
    return path
