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
              help="Directory for the report: claims.csv, findings.csv, the tables behind them and report.html.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
def scan(paths, out, select, ignore) -> None:
    """Scan documents (files or directories, recursively) and write the report."""
    from .report.csv import write_csvs
    from .report.html import write_html
    from .report.summary import summary
    from .scan import scan as run_scan

    result = run_scan(paths, select=_split(select), ignore=_split(ignore))
    written = write_csvs(result, out)
    written.append(write_html(out))
    click.echo(summary(result))
    click.echo(f"wrote {', '.join(p.name for p in written)} in {out}")
    sys.exit(exitcodes.FINDINGS if result.count("error") else exitcodes.OK)


@main.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
def report(directory) -> None:
    """Write DIRECTORY/report.html again from the tables in a report directory."""
    from .report.html import write_html
    from .report.load import ReportDirError

    try:
        click.echo(f"wrote {write_html(directory)}")
    except ReportDirError as exc:
        raise click.UsageError(str(exc)) from exc


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

    click.echo(f"{'code':<6}{'name':<30}{'family':<10}{'severity':<10}summary")
    for rule in RULES:
        click.echo(f"{rule.CODE:<6}{rule.NAME:<30}{rule.FAMILY:<10}{rule.SEVERITY:<10}{rule.SUMMARY}")


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
