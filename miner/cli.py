"""The command line: a thin click layer over the library."""
from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from . import __version__, exitcodes


def _split(values) -> tuple[str, ...]:
    return tuple(p.strip() for v in values for p in v.split(",") if p.strip())


class _Miner(click.Group):
    """The command group: every way a command ends maps to one exit code (``exitcodes``)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except KeyboardInterrupt:
            click.echo("\nminer: interrupted; the documents finished so far are kept, and the same command "
                       "continues from them", err=True)
            ctx.exit(exitcodes.INTERRUPTED)
        except Exception as exc:  # noqa: BLE001 - any bug ends here, told in one line, its traceback saved
            from .crash import save_traceback

            saved = save_traceback(exc, ["miner", *sys.argv[1:]])
            where = f"the traceback is saved in {saved}" if saved else "the traceback could not be saved"
            click.echo(f"miner: internal error: {type(exc).__name__}: {exc}\n{where}; please attach it when "
                       f"you report the problem", err=True)
            ctx.exit(exitcodes.INTERNAL)


def _exit_codes() -> str:
    return "Exit codes:\n\n" + "\n\n".join(f"  {code}  {meaning}" for code, meaning in exitcodes.MEANINGS)


@click.group(cls=_Miner, epilog=_exit_codes())
@click.version_option(__version__, prog_name="miner")
def main() -> None:
    """Check the numbers in budget and final-account disclosures against their own tables."""


def _output_options(command):
    """--quiet, --show-errors and --format: what the terminal shows, for scan and merge alike."""
    command = click.option("--format", "output_format", type=click.Choice(["text", "jsonl"]), default="text",
                           show_default=True,
                           help="text: a summary on the terminal. jsonl: every finding as one JSON object per "
                                "line on stdout (keys: the columns of findings.csv), the summary on stderr.")(command)
    command = click.option("--show-errors", type=click.IntRange(min=0), default=20, show_default=True,
                           help="Print at most this many error findings; the count of the rest follows "
                                "(all are in findings.csv).")(command)
    return click.option("--quiet", "-q", is_flag=True,
                        help="Print nothing but problems that stop the run (and --format jsonl's "
                             "findings); the exit code tells the outcome.")(command)


def _language_option(command):
    """--lang: the language of the messages, the terminal summary and report.html."""
    return click.option("--lang", "lang", type=click.Choice(["zh", "en"]), default=None,
                        help="zh (Chinese) or en (English) [default: the configuration's `language`; "
                             "when that is auto, Chinese if the locale (LC_ALL, LC_MESSAGES, LANG) is "
                             "Chinese, else English].")(command)


def _language(lang: str | None, setting: str = "auto") -> str:
    from .messages import resolve

    return resolve(lang or setting)


def _preflight(check, *args) -> None:
    from .preflight import UsageProblem

    try:
        check(*args)
    except UsageProblem as exc:
        raise click.UsageError(str(exc)) from None


def _shard(ctx, param, value):
    from .engine import Shard

    try:
        return Shard.parse(value) if value else None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out", default="miner-report", show_default=True, type=click.Path(path_type=Path),
              help="Directory for the report: claims.csv, findings.csv, the tables behind them and report.html.")
@click.option("--select", multiple=True, help="Only these rule codes or prefixes (comma-separated).")
@click.option("--ignore", multiple=True, help="Skip these rule codes or prefixes (comma-separated).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes (local engine) or LocalCluster workers (dask). Default: the number of cores.")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are scanned: local processes, or a Dask cluster (pip install 'miner[dask]').")
@click.option("--scheduler", metavar="tcp://HOST:PORT", help="Dask scheduler to use; without it, a LocalCluster.")
@click.option("--shard", callback=_shard, metavar="i/N", help="Scan only the i-th of N parts; join with `miner merge`.")
@click.option("--parquet", is_flag=True, help="Also write the tables as Parquet (pip install 'miner[parquet]').")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=300, show_default=True,
              help="Seconds one document may take; then it is stopped and reported (IN02).")
@click.option("--memory-limit", type=click.IntRange(min=0), default=4096, show_default=True,
              help="MB of address space per worker process (0: no limit); over it, the document is IN03.")
@click.option("--fail-on", "fail_on", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit with code 1 when a finding at or above this severity exists [default: from the "
                   "configuration, error].")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="A miner.toml to use instead of the one found next to the documents.")
@_output_options
@_language_option
def scan(paths, out, select, ignore, jobs, engine, scheduler, shard, parquet, timeout, memory_limit,
         fail_on, config_path, quiet, show_errors, output_format, lang) -> None:
    """Scan documents (files or directories, recursively) and write the report.

    Results are kept per document in OUT/.miner: a run that is interrupted
    continues where it stopped when started again, and documents that did not
    change are not scanned again.
    """
    from .preflight import check_found, check_rules, check_writable

    _preflight(check_writable, out)
    if engine == "local":
        from .engine.isolate import prestart

        # the first worker loads the scanner while this process imports and plans
        prestart(1)
    from importlib.util import find_spec

    from .checks.registry import policy
    from .config import ConfigError, load_config
    from .engine import EngineError, ScanOptions, scan_corpus

    try:
        config = load_config(paths, config_path)
        config = config.with_language(_language(lang, config.language))
        scan_policy = policy(config)
    except ConfigError as exc:
        raise click.UsageError(str(exc)) from exc
    _preflight(check_rules, tuple(config.values["select"]), tuple(config.values["ignore"]),
               f"{config.sources[-1]}: ")
    _preflight(check_rules, _split(select), _split(ignore), "--")
    select = tuple(config.values["select"]) + _split(select)
    ignore = tuple(config.values["ignore"]) + _split(ignore)
    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    if engine == "dask" and find_spec("distributed") is None:
        raise click.UsageError("--engine dask needs dask.distributed: pip install 'miner[dask]'")
    _parquet_or_fail(parquet)
    options = ScanOptions(select=select, ignore=ignore, engine=engine, scheduler=scheduler,
                          policy=scan_policy,
                          shard=shard, parquet=parquet, timeout=timeout, memory_limit_mb=memory_limit,
                          **({"jobs": jobs} if jobs else {}))
    from .ingest.collect import collect

    collection = collect(paths, exclude=(out,))
    _preflight(check_found, collection, paths)
    from .report.html import prepare

    # the page's modules and template are loaded while the first worker loads the scanner
    # (this process only waits then), so the page is written sooner once the results are in
    prepare()
    with _progress_stream(quiet) as progress:
        try:
            outcome = scan_corpus(paths, out, options, progress_stream=progress, collection=collection)
        except EngineError as exc:
            click.echo(f"miner: {exc}; the documents done so far are kept in {out}/.miner", err=True)
            sys.exit(exitcodes.INTERNAL)
    (Path(out) / "config.toml").write_text(config.to_toml(), encoding="utf-8")
    from .messages import text

    language = scan_policy.language
    how = (text(language, "cli.scanned", scanned=outcome.scanned, reused=outcome.reused)
           + (text(language, "cli.skipped", count=len(collection.skipped), path=collection.skipped[0].path,
                   reason=collection.skipped[0].reason) if collection.skipped else "")
           + text(language, "cli.config_written", path=Path(out) / "config.toml"))
    _finish(outcome, how, Terminal(quiet, show_errors, output_format, language), fail_on or config.fail_on, out)


@contextmanager
def _progress_stream(quiet: bool):
    """Where progress goes: stderr, or nowhere with --quiet."""
    if not quiet:
        yield None
        return
    with open(os.devnull, "w", encoding="utf-8") as sink:
        yield sink


@main.command()
@click.argument("dirs", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(path_type=Path), help="Directory for the merged report.")
@click.option("--parquet", is_flag=True, help="Also write the tables as Parquet.")
@_output_options
@_language_option
def merge(dirs, out, parquet, quiet, show_errors, output_format, lang) -> None:
    """Join the report directories of `miner scan --shard i/N` runs into one report."""
    from .engine import MergeError, merge_reports
    from .messages import text
    from .preflight import check_writable

    _parquet_or_fail(parquet)
    _preflight(check_writable, out)
    try:
        outcome = merge_reports(dirs, out, parquet)
    except MergeError as exc:
        raise click.UsageError(str(exc)) from None
    language = _language(lang)
    _finish(outcome, text(language, "cli.merged_one" if len(dirs) == 1 else "cli.merged_many", count=len(dirs)),
            Terminal(quiet, show_errors, output_format, language), out=out)


def _parquet_or_fail(parquet: bool) -> None:
    from .report.parquet import available

    if parquet and not available():
        raise click.UsageError("--parquet needs pyarrow: pip install 'miner[parquet]'")


@dataclass(frozen=True)
class Terminal:
    """What the terminal shows at the end of a run."""

    quiet: bool = False
    show_errors: int = 20
    output_format: str = "text"
    language: str = "en"


def _finish(outcome, how: str, terminal: Terminal, fail_on: str = "error", out: Path | None = None) -> None:
    from .checks.findings import at_least
    from .report.html import write_html
    from .messages import text
    from .report.summary import findings_jsonl, summary

    written = list(outcome.written)
    if out is not None:
        written.append(write_html(out, terminal.language))
    if terminal.output_format == "jsonl":
        for line in findings_jsonl(outcome.result):
            click.echo(line)
    if not terminal.quiet:
        to_stderr = terminal.output_format == "jsonl"     # stdout is the findings' stream then
        click.echo(summary(outcome.result, terminal.show_errors, out, terminal.language), err=to_stderr)
        click.echo(text(terminal.language, "cli.wrote", how=how, files=", ".join(str(p) for p in written)),
                   err=to_stderr)
    failing = any(at_least(f.severity, fail_on) for f in outcome.result.findings)
    sys.exit(exitcodes.FINDINGS if failing else exitcodes.OK)


@main.command()
@click.argument("directory", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_language_option
def report(directory, lang) -> None:
    """Write DIRECTORY/report.html again from the tables in a report directory."""
    from .messages import text
    from .report.html import write_html
    from .report.load import ReportDirError

    language = _language(lang)
    try:
        click.echo(text(language, "cli.report_written", path=write_html(directory, language)))
    except ReportDirError as exc:
        raise click.UsageError(str(exc)) from exc


@main.command()
@click.argument("document", type=click.Path(exists=True, path_type=Path))
@click.option("--brief", is_flag=True, help="One line per table, without its rows.")
def tables(document, brief) -> None:
    """Print the tables recognised in a document (any file `miner scan` reads, or a folder of part1.*, part2.* …)."""
    from .ingest.model import IngestError
    from .ingest.read import read_document
    from .tables.build import tables_from_lines
    from .tables.show import describe

    try:
        doc = read_document(document, str(document))
    except IngestError as exc:
        raise click.ClickException(f"cannot read {document}: {exc}") from exc
    for table in tables_from_lines(doc):
        click.echo(describe(table, rows=not brief))


@main.command()
@click.argument("statements", nargs=-1, type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.option("--against", "sources", multiple=True, required=True,
              type=click.Path(exists=True, path_type=Path),
              help="A source: any document miner reads, or a folder of them (repeat for several).")
@click.option("--text", "texts", multiple=True, help="A statement given as text (repeat for several).")
@click.option("--body", default="", help="The body the statement speaks about when its words do not say (中央, "
                                          "上海市普陀区财政局 …).")
@click.option("--year", type=click.IntRange(1990, 2100), default=None,
              help="The year of the statement's figures when its words do not say.")
@click.option("--out", "out", default="miner-check", show_default=True, type=click.Path(path_type=Path),
              help="Directory for claims.csv, findings.csv and report.html.")
@click.option("--fail-on", "fail_on", type=click.Choice(["error", "warning", "info"]), default="error",
              show_default=True, help="Exit with code 1 when a finding at or above this severity exists.")
@_language_option
def check(statements, sources, texts, body, year, out, fail_on, lang) -> None:
    """Check the figures of public statements (STATEMENT: .txt/.md/.html/.docx, - for standard input) against the
    reports they cite: each figure is supported, derived, a mismatch or not found, with its evidence."""
    from .checks.findings import at_least
    from .ingest.text import IngestError
    from .statements import check as check_statements, read_sources, read_statement, statement_document
    from .statements.html import write_html
    from .statements.ledger import ledger
    from .statements.output import write_csvs

    if not statements and not texts:
        raise click.UsageError("give a statement: a file, - for standard input, or --text")
    from .preflight import check_writable

    _preflight(check_writable, out)
    documents = []
    try:
        for path in statements:
            documents.append(read_statement(path, click.open_file("-", "rb") if str(path) == "-" else None))
        for index, text in enumerate(texts, 1):
            documents.append(statement_document(text, f"--text {index}" if len(texts) > 1 else "--text"))
    except IngestError as exc:
        raise click.UsageError(f"cannot read the statement: {exc}") from exc
    # a folder of a statement and its sources: the statement is not a source of itself
    itself = {Path(p).resolve() for p in statements if str(p) != "-"}
    language = _language(lang)
    result = check_statements(documents, read_sources(sources, exclude=itself), body, year or 0, language)
    written = write_csvs(result, out) + [write_html(result, out)]
    click.echo(ledger(result))
    from .messages import text

    click.echo(text(language, "cli.report_written", path=", ".join(str(p) for p in written)))
    failing = any(at_least(f.severity, fail_on) for f in result.findings)
    sys.exit(exitcodes.FINDINGS if failing else exitcodes.OK)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default keeps the page on this machine.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option("--sources", "library", type=click.Path(exists=True, file_okay=False, path_type=Path), default=None,
              help="A folder whose documents the page offers to pick as sources.")
@click.option("--max-upload-mb", default=50, show_default=True, type=click.IntRange(min=1),
              help="The largest upload the page accepts, in MB.")
def serve(host, port, library, max_upload_mb) -> None:
    """A local web page: upload or pick sources, paste a statement, see the ledger and the report."""
    from .serve.app import create_app

    app = create_app(library=library, max_upload_mb=max_upload_mb)
    click.echo(f"miner serve: http://{host}:{port}/ (Ctrl-C stops it)")
    app.run(host=host, port=port, threaded=True)


@main.command()
def rules() -> None:
    """List the rule catalogue."""
    from .checks.registry import RULES as SCAN_RULES
    from .statements.rules import RULES as STATEMENT_RULES

    RULES = SCAN_RULES + STATEMENT_RULES
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
    from .statements.rules import RULES as STATEMENT_RULES

    found = (by_code() | {r.CODE: r for r in STATEMENT_RULES}).get(code.upper())
    if found is None:
        from .preflight import rule_problems

        problems = rule_problems([code], "miner rule")
        raise click.UsageError(problems[0] if problems else f"{code} is a prefix, not one rule; see `miner rules`")
    click.echo(found.__doc__.strip())


if __name__ == "__main__":
    main()
