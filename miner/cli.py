"""The command line: a thin click layer over the library."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__, exitcodes


def _split(values) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


@click.group()
@click.version_option(__version__, prog_name="miner")
def main() -> None:
    """Check the numbers in budget and final-account disclosures against their own tables."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", default="miner-report", show_default=True, type=click.Path(path_type=Path),
              help="Directory for claims.csv and findings.csv.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--fail-on", "fail_on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit with code 1 when a finding at or above this severity exists [default: from the "
                   "configuration, error].")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A miner.toml to use instead of the one found next to the documents.")
def scan(paths, out, select, ignore, fail_on, config_path) -> None:
    """Scan documents (files or directories, recursively) and write the report."""
    from .checks import tolerance
    from .config import ConfigError, load_config
    from .report.csv import write_csvs
    from .report.summary import summary
    from .scan import scan as run_scan

    try:
        config = load_config(paths, config_path)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    tolerance.configure(config.tolerance)
    select = tuple(config.values["select"]) + _split(select)
    ignore = tuple(config.values["ignore"]) + _split(ignore)
    result = run_scan(paths, select=select, ignore=ignore)
    claims_path, findings_path = write_csvs(result, out)
    (Path(out) / "config.toml").write_text(config.to_toml(), encoding="utf-8")
    click.echo(summary(result))
    click.echo(f"wrote {claims_path}, {findings_path} and {Path(out) / 'config.toml'}")
    threshold = fail_on or config.fail_on
    failing = any(tolerance.at_least(f.severity, threshold) for f in result.findings)
    sys.exit(exitcodes.FINDINGS if failing else exitcodes.OK)


@main.command()
@click.argument("document", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--brief", is_flag=True, help="One line per table, without its rows.")
def tables(document, brief) -> None:
    """Print the tables recognised in a document."""
    from .ingest.text import IngestError, read_text
    from .tables.build import tables_from_lines
    from .tables.show import describe

    try:
        doc = read_text(document)
    except IngestError as exc:
        raise click.ClickException(f"cannot read {document}: {exc}") from exc
    for table in tables_from_lines(doc):
        click.echo(describe(table, rows=not brief))


@main.command()
def rules() -> None:
    """List the rule catalogue."""
    from .checks.registry import RULES

    name = max(len(r.NAME) for r in RULES) + 2
    family = max(len(r.FAMILY) for r in RULES) + 2
    click.echo(f"{'code':<6}{'name':<{name}}{'family':<{family}}{'severity':<10}summary")
    for rule in RULES:
        click.echo(f"{rule.CODE:<6}{rule.NAME:<{name}}{rule.FAMILY:<{family}}{rule.SEVERITY:<10}{rule.SUMMARY}")


@main.command()
@click.argument("code")
def rule(code) -> None:
    """Print one rule's documentation."""
    from .checks.registry import by_code

    found = by_code().get(code.upper())
    if found is None:
        raise click.UsageError(f"no rule {code}; see `miner rules`")
    click.echo(found.__doc__.strip())


if __name__ == "__main__":
    main()
