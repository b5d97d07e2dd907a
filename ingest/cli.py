"""``govinfo``: a thin command line over the ingest library.

Each command is an argument block (``_<name>_args``) beside the function that runs it
(``_<name>``); the function only calls the library and prints. :data:`COMMANDS` lists them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["COMMANDS", "main"]

DEFAULT_WAREHOUSE = Path("warehouse/govinfo.duckdb")
DEFAULT_SAMPLE = Path("data/sample")
DEFAULT_REPORTS = Path("examples/reports")  # real reports shipped with the repository
DEFAULT_CONTEXT = Path("expectations")
DEFAULT_DASHBOARD = Path("dashboard")
DEFAULT_EXPORTS = Path("exports")
DEFAULT_DOCS = Path("docs/dbt")


def _warehouse_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--warehouse", type=Path, default=DEFAULT_WAREHOUSE, help=f"DuckDB warehouse file (default {DEFAULT_WAREHOUSE})"
    )


def _context_option(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--context-dir", type=Path, default=DEFAULT_CONTEXT, help="GX File Data Context folder (default expectations/)"
    )


def _min_field_option(command: argparse.ArgumentParser, fields: str) -> None:
    command.add_argument(
        "--min-field",
        action="append",
        default=[],
        metavar="FIELD=ACC",
        help=f"exit 1 when a field's accuracy is below ACC; FIELD is {fields} (repeatable)",
    )


def _engine_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--engine",
        choices=("local", "spark"),
        default="local",
        help="where files are parsed: worker processes on this machine (local) or Spark executors "
        "(spark, e.g. --engine spark --master local[2]); landing into DuckDB is the same",
    )
    command.add_argument(
        "--master", default=None, help="Spark master URL (local[2], spark://host:7077; default local[*])"
    )
    command.add_argument(
        "--staging",
        type=Path,
        default=None,
        help="folder for the executors' Parquet files, kept (default: a temporary folder beside the warehouse); "
        "on a cluster it must be storage every executor and this machine reach",
    )


def _report_floor_failures(failures: list[str]) -> int:
    for failure in failures:
        print(f"FLOOR FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


# -- ingest -------------------------------------------------------------------------------------


def _ingest_args(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    command.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="quarantine larger files")
    _engine_options(command)
    _warehouse_option(command)


def _ingest(args: argparse.Namespace) -> int:
    from ingest.land.batch import ingest_paths

    if args.engine == "spark":
        from ingest.land.spark import ingest_paths_spark

        summary = ingest_paths_spark(
            args.paths, args.warehouse, args.max_bytes, master=args.master, staging=args.staging
        )
    else:
        summary = ingest_paths(args.paths, args.warehouse, args.max_bytes)
    print(summary.format())
    print(f"warehouse: {args.warehouse}")
    return 0


# -- build --------------------------------------------------------------------------------------


def _build_args(command: argparse.ArgumentParser) -> None:
    _warehouse_option(command)


def _build(args: argparse.Namespace) -> int:
    from ingest.ops.dbt_runner import run_dbt

    return run_dbt(["build"], args.warehouse)


# -- validate -----------------------------------------------------------------------------------


def _validate_args(command: argparse.ArgumentParser) -> None:
    _context_option(command)
    command.add_argument(
        "--changed-since",
        type=dt.datetime.fromisoformat,
        default=None,
        metavar="TIMESTAMP",
        help="validate the large per-report marts only on reports loaded at or after this time "
        "(ISO, e.g. 2026-11-23T02:00:00; what an incremental refresh passes); other marts whole",
    )
    _warehouse_option(command)


def _validate(args: argparse.Namespace) -> int:
    from ingest.quality.validate import format_outcome, validate

    outcome = validate(args.warehouse, args.context_dir, args.changed_since)
    print(format_outcome(outcome))
    return 0 if outcome.success else 1


# -- extract ------------------------------------------------------------------------------------


def _extract_args(command: argparse.ArgumentParser) -> None:
    command.add_argument("--json", action="store_true", required=True, help="JSON lines output (the stable contract)")
    command.add_argument("files", nargs="+", type=Path, help="report files")


def _extract(args: argparse.Namespace) -> int:
    from ingest.land.admission import admit_file

    for path in args.files:
        # source_path is echoed exactly as given, for outside tooling to join on; the admission rule is
        # the one ingest applies, so a file quarantined there is quarantined here.
        result = admit_file(str(path))
        sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    return 0


# -- eval ---------------------------------------------------------------------------------------


def _eval_args(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--gold",
        nargs="+",
        type=Path,
        required=True,
        help="corpus folders with gold/ beside texts/ or files/ (or a parent of such folders)",
    )
    command.add_argument(
        "--template", action="append", default=None, help="score only gold cases of this template (repeatable)"
    )
    command.add_argument("--min-f1", type=float, default=None, help="exit 1 when overall metric F1 is below this")
    command.add_argument("--max-false-zeros", type=int, default=None, help="exit 1 when false zeros exceed this")
    _min_field_option(command, "a gold field (report_year, agency_name, province, template, …)")


def _eval(args: argparse.Namespace) -> int:
    from ingest.devtools.evaluate import evaluate, floor_failures, format_score

    score, _ = evaluate(args.gold, set(args.template) if args.template else None)
    print(format_score(score))
    return _report_floor_failures(floor_failures(score, args.min_f1, args.max_false_zeros, args.min_field))


# -- coverage -----------------------------------------------------------------------------------


def _coverage_args(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    command.add_argument(
        "--meta", type=Path, default=None, help="meta.jsonl (report_year, agency_name, template, province per file)"
    )
    _min_field_option(command, "year, agency, template, template_strict or province, against --meta")
    command.add_argument(
        "--min-share",
        action="append",
        default=[],
        metavar="NAME=SHARE",
        help="exit 1 when the share over all files is below SHARE; NAME is year, agency, region, "
        "tables_complete or identities_hold (repeatable)",
    )
    command.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")


def _coverage(args: argparse.Namespace) -> int:
    from ingest.devtools.coverage import floor_failures, format_report, measure

    if args.min_field and args.meta is None:
        print("govinfo coverage: --min-field needs --meta", file=sys.stderr)
        return 2
    report = measure(args.paths, args.meta)
    print(json.dumps(report.as_json(), ensure_ascii=False, indent=1) if args.json else format_report(report))
    return _report_floor_failures(floor_failures(report, args.min_field, args.min_share))


# -- sample -------------------------------------------------------------------------------------


def _sample_args(command: argparse.ArgumentParser) -> None:
    command.add_argument("--n", type=int, default=200, help="number of reports")
    command.add_argument("--seed", type=int, default=20260101, help="random seed")
    command.add_argument("--out", type=Path, default=DEFAULT_SAMPLE, help="output folder")
    command.add_argument(
        "--presentation",
        default=None,
        help="every standard report in one presentation (pipe, cell_per_line, markdown, labels_apart, "
        "labels_interleaved, glued, t4_pieces, t4_garbled, short_rows), or 'mixed' for all at their shares",
    )


def _sample(args: argparse.Namespace) -> int:
    from ingest.devtools.sample import generate

    written = generate(args.n, args.seed, args.out, args.presentation)
    print(f"wrote {len(written)} reports to {args.out}/texts (truth in {args.out}/gold)")
    return 0


# -- run ----------------------------------------------------------------------------------------


def _run_args(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "reports",
        nargs="?",
        type=Path,
        default=None,
        help=f"report folder (default: the real reports shipped in {DEFAULT_REPORTS})",
    )
    command.add_argument(
        "--sample",
        action="store_true",
        help=f"use the synthetic sample corpus in {DEFAULT_SAMPLE}/texts instead (generated when absent)",
    )
    command.add_argument("--sample-n", type=int, default=200, help="reports to generate when the sample is absent")
    command.add_argument(
        "--dashboard-out", type=Path, default=DEFAULT_DASHBOARD, help=f"dashboard folder (default {DEFAULT_DASHBOARD}/)"
    )
    command.add_argument(
        "--exports-out", type=Path, default=DEFAULT_EXPORTS, help=f"Parquet exports folder (default {DEFAULT_EXPORTS}/)"
    )
    _context_option(command)
    _warehouse_option(command)


def _run(args: argparse.Namespace) -> int:
    from ingest.devtools.sample import ensure_sample
    from ingest.ops.job import run_job

    if args.reports is not None:
        reports = args.reports
    elif args.sample:
        reports = ensure_sample(DEFAULT_SAMPLE, args.sample_n)
    else:
        reports = DEFAULT_REPORTS
    result = run_job(reports, args.warehouse, args.context_dir, args.dashboard_out, args.exports_out)
    print(result.summary(args.warehouse))
    return result.code


# -- refresh ------------------------------------------------------------------------------------


def _refresh_args(command: argparse.ArgumentParser) -> None:
    command.add_argument("folder", type=Path, help="report folder (searched recursively); use an absolute path")
    _context_option(command)
    command.add_argument("--log-file", type=Path, default=None, help="append the run's log to this file")
    command.add_argument("--force", action="store_true", help="rebuild and validate even when no file changed")
    command.add_argument("--workers", type=int, default=None, help="parsing processes (default: one per core)")
    _engine_options(command)
    _warehouse_option(command)


def _refresh(args: argparse.Namespace) -> int:
    from ingest.ops.refresh import refresh

    result = refresh(
        args.folder,
        args.warehouse,
        args.context_dir,
        log_file=args.log_file,
        force=args.force,
        workers=args.workers,
        engine=args.engine,
        master=args.master,
        staging=args.staging,
    )
    print(result.message)
    return result.code


# -- dashboard ----------------------------------------------------------------------------------


def _dashboard_args(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--out", type=Path, default=DEFAULT_DASHBOARD, help=f"folder for the static site (default {DEFAULT_DASHBOARD}/)"
    )
    _warehouse_option(command)


def _dashboard(args: argparse.Namespace) -> int:
    from ingest.serve.dashboard_pages import build_dashboard

    print(build_dashboard(args.warehouse, args.out).summary())
    return 0


# -- export -------------------------------------------------------------------------------------


def _export_args(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--format",
        dest="fmt",
        choices=("parquet", "csv", "xlsx"),
        default="parquet",
        help="parquet: OUT/<mart>.parquet; csv: OUT/<mart>.csv (UTF-8 with BOM, header row); "
        "xlsx: OUT/govinfo_marts.xlsx, one sheet per mart (default parquet)",
    )
    command.add_argument(
        "--out", type=Path, default=DEFAULT_EXPORTS, help=f"output folder (default {DEFAULT_EXPORTS}/)"
    )
    _warehouse_option(command)


def _export(args: argparse.Namespace) -> int:
    from ingest.serve.export import export_marts

    print(export_marts(args.warehouse, args.out, args.fmt).summary())
    return 0


# -- docs ---------------------------------------------------------------------------------------


def _docs_args(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--out", type=Path, default=DEFAULT_DOCS, help=f"folder for index.html (default {DEFAULT_DOCS}/)"
    )
    _warehouse_option(command)


def _docs(args: argparse.Namespace) -> int:
    from ingest.serve.docs import build_docs

    print(build_docs(args.warehouse, args.out).summary())
    return 0


# -- the command table --------------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    """One subcommand: its help, an example shown in ``--help``, its arguments and what it runs."""

    name: str
    help: str
    example: str
    arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


COMMANDS: tuple[Command, ...] = (
    Command(
        "ingest",
        "Parse report files and folders into the raw layer of the warehouse.",
        "govinfo ingest reports/ extra/report.txt --warehouse warehouse/govinfo.duckdb",
        _ingest_args,
        _ingest,
    ),
    Command("build", "Run `dbt build` (models and tests) on the warehouse.", "govinfo build", _build_args, _build),
    Command(
        "validate",
        "Run the Great Expectations checkpoint on the marts and write Data Docs.",
        "govinfo validate --warehouse warehouse/govinfo.duckdb",
        _validate_args,
        _validate,
    ),
    Command(
        "extract",
        "Extract figures from files and print one JSON object per file per line.",
        "govinfo extract --json report1.txt report2.md > out.jsonl",
        _extract_args,
        _extract,
    ),
    Command(
        "eval",
        "Score extraction against gold labels (per-field accuracy, metric P/R/F1).",
        "govinfo eval --gold ../shared/corpus/seeds ../shared/corpus/real --min-f1 0.95",
        _eval_args,
        _eval,
    ),
    Command(
        "coverage",
        "Measure a corpus without metric gold: per template, the share of reports with year, agency and "
        "region resolved, tables 2-4 complete and R1-R4 holding; values per rule; files falling short; "
        "with --meta, metadata accuracy against a meta.jsonl.",
        "govinfo coverage ../shared/corpus/wild --meta ../shared/corpus/wild/meta.jsonl "
        "--min-field year=0.98 --min-field province=0.89",
        _coverage_args,
        _coverage,
    ),
    Command(
        "sample",
        "Write a deterministic synthetic corpus (texts/ and gold/ truth JSON).",
        "govinfo sample --n 200 --seed 7 --out data/sample",
        _sample_args,
        _sample,
    ),
    Command(
        "run",
        "The main job: the refresh orchestrator on a folder (ingest, dbt build, validate, publish), "
        "then a summary; without a folder, on the real reports shipped in examples/reports.",
        "govinfo run ~/reports --warehouse warehouse/govinfo.duckdb",
        _run_args,
        _run,
    ),
    Command(
        "refresh",
        "Cron-safe incremental refresh: parse only new/changed files, retire removed ones, build and "
        "validate a copy, then atomically publish it (exit 0 ok/up to date, 1 validation failed, "
        "3 dbt failed, 4 error, 75 another refresh is running).",
        "govinfo refresh /data/reports --warehouse /srv/govinfo/govinfo.duckdb --log-file /var/log/govinfo.log",
        _refresh_args,
        _refresh,
    ),
    Command(
        "dashboard",
        "Build the static, offline dashboard from the marts (overview, by agency type, by province, one page "
        "per agency and per report; filters by year, province and agency type). Open OUT/index.html.",
        "govinfo dashboard --out dashboard --warehouse warehouse/govinfo.duckdb",
        _dashboard_args,
        _dashboard,
    ),
    Command(
        "export",
        "Export every mart (schema marts) and a data dictionary (table, column, DuckDB type, English and "
        "Chinese descriptions from the dbt YAML) as Parquet, CSV (UTF-8 with BOM) or one XLSX workbook. "
        "Opens the warehouse read-only.",
        "govinfo export --format xlsx --out exports --warehouse warehouse/govinfo.duckdb",
        _export_args,
        _export,
    ),
    Command(
        "docs",
        "Build dbt's documentation site (models, columns, tests, lineage, exposures, the warehouse's "
        "catalog) as one offline HTML file, OUT/index.html. Opens the warehouse read-only.",
        "govinfo docs --out docs/dbt --warehouse warehouse/govinfo.duckdb",
        _docs_args,
        _docs,
    ),
)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo",
        description="Turn a folder of government information-disclosure annual reports into a DuckDB warehouse.",
        epilog="example: govinfo run data/sample/texts   (ingest, dbt build, validate, summary)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)
    for command in COMMANDS:
        subparser = sub.add_parser(
            command.name,
            help=command.help,
            description=command.help,
            epilog=f"example:\n  {command.example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.arguments(subparser)
        subparser.set_defaults(func=command.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``govinfo`` console script."""
    args = _parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
