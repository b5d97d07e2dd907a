"""``govinfo``: a thin command line over the ingest library."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

DEFAULT_WAREHOUSE = Path("warehouse/govinfo.duckdb")
DEFAULT_SAMPLE = Path("data/sample")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo",
        description="Turn a folder of government information-disclosure annual reports into a DuckDB warehouse.",
        epilog="example: govinfo run data/sample   (ingest, dbt build, validate, summary)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    def add(
        name: str, help_text: str, example: str, func: Callable[[argparse.Namespace], int]
    ) -> argparse.ArgumentParser:
        command = sub.add_parser(
            name,
            help=help_text,
            description=help_text,
            epilog=f"example:\n  {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        command.set_defaults(func=func)
        return command

    def warehouse_option(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "--warehouse",
            type=Path,
            default=DEFAULT_WAREHOUSE,
            help=f"DuckDB warehouse file (default {DEFAULT_WAREHOUSE})",
        )

    ingest = add(
        "ingest",
        "Parse report files and folders into the raw layer of the warehouse.",
        "govinfo ingest reports/ extra/report.txt --warehouse warehouse/govinfo.duckdb",
        _cmd_ingest,
    )
    ingest.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    ingest.add_argument("--max-bytes", type=int, default=50 * 1024 * 1024, help="quarantine larger files")
    warehouse_option(ingest)

    build = add("build", "Run `dbt build` (models and tests) on the warehouse.", "govinfo build", _cmd_build)
    warehouse_option(build)

    validate = add(
        "validate",
        "Run the Great Expectations checkpoint on the marts and write Data Docs.",
        "govinfo validate --warehouse warehouse/govinfo.duckdb",
        _cmd_validate,
    )
    validate.add_argument(
        "--context-dir",
        type=Path,
        default=Path("expectations"),
        help="GX File Data Context folder (default expectations/)",
    )
    validate.add_argument(
        "--changed-since",
        type=dt.datetime.fromisoformat,
        default=None,
        metavar="TIMESTAMP",
        help="validate the large per-report marts only on reports loaded at or after this time "
        "(ISO, e.g. 2026-11-23T02:00:00; what an incremental refresh passes); other marts whole",
    )
    warehouse_option(validate)

    extract = add(
        "extract",
        "Extract figures from files and print one JSON object per file per line.",
        "govinfo extract --json report1.txt report2.md > out.jsonl",
        _cmd_extract,
    )
    extract.add_argument("--json", action="store_true", required=True, help="JSON lines output (the stable contract)")
    extract.add_argument("files", nargs="+", type=Path, help="report files")

    evaluate = add(
        "eval",
        "Score extraction against gold labels (per-field accuracy, metric P/R/F1).",
        "govinfo eval --gold ../shared/corpus/seeds ../shared/corpus/real --min-f1 0.95",
        _cmd_eval,
    )
    evaluate.add_argument(
        "--gold",
        nargs="+",
        type=Path,
        required=True,
        help="corpus folders with gold/ beside texts/ or files/ (or a parent of such folders)",
    )
    evaluate.add_argument(
        "--template", action="append", default=None, help="score only gold cases of this template (repeatable)"
    )
    evaluate.add_argument("--min-f1", type=float, default=None, help="exit 1 when overall metric F1 is below this")
    evaluate.add_argument("--max-false-zeros", type=int, default=None, help="exit 1 when false zeros exceed this")
    evaluate.add_argument(
        "--min-field",
        action="append",
        default=[],
        metavar="FIELD=ACC",
        help="exit 1 when a field's accuracy is below ACC (repeatable)",
    )

    coverage = add(
        "coverage",
        "Measure a corpus without metric gold: per template, the share of reports with year, agency and "
        "region resolved, tables 2-4 complete and R1-R4 holding; values per rule; files falling short; "
        "with --meta, metadata accuracy against a meta.jsonl.",
        "govinfo coverage ../shared/corpus/wild --meta ../shared/corpus/wild/meta.jsonl "
        "--min-field year=0.98 --min-field province=0.89",
        _cmd_coverage,
    )
    coverage.add_argument("paths", nargs="+", type=Path, help="report files or folders (searched recursively)")
    coverage.add_argument(
        "--meta", type=Path, default=None, help="meta.jsonl (report_year, agency_name, template, province per file)"
    )
    coverage.add_argument(
        "--min-field",
        action="append",
        default=[],
        metavar="FIELD=ACC",
        help="exit 1 when accuracy against --meta is below ACC; FIELD is year, agency, template or province "
        "(repeatable)",
    )
    coverage.add_argument(
        "--min-share",
        action="append",
        default=[],
        metavar="NAME=SHARE",
        help="exit 1 when the share over all files is below SHARE; NAME is year, agency, region, "
        "tables_complete or identities_hold (repeatable)",
    )
    coverage.add_argument("--json", action="store_true", help="print one JSON object instead of the text report")

    sample = add(
        "sample",
        "Write a deterministic synthetic corpus (texts/ and gold/ truth JSON).",
        "govinfo sample --n 200 --seed 7 --out data/sample",
        _cmd_sample,
    )
    sample.add_argument("--n", type=int, default=200, help="number of reports")
    sample.add_argument("--seed", type=int, default=20260101, help="random seed")
    sample.add_argument("--out", type=Path, default=DEFAULT_SAMPLE, help="output folder")
    sample.add_argument(
        "--presentation",
        default=None,
        help="every standard report in one presentation (pipe, cell_per_line, markdown, labels_apart, "
        "labels_interleaved, glued, t4_pieces, t4_garbled, short_rows), or 'mixed' for all at their shares",
    )

    run = add(
        "run",
        "The main job: (sample if needed,) the refresh orchestrator on a folder (ingest, dbt build, "
        "validate, publish), then a summary.",
        "govinfo run ~/reports --warehouse warehouse/govinfo.duckdb",
        _cmd_run,
    )
    run.add_argument(
        "reports",
        nargs="?",
        type=Path,
        default=None,
        help=f"report folder (default: the bundled sample corpus in {DEFAULT_SAMPLE}/texts)",
    )
    run.add_argument("--sample-n", type=int, default=200, help="reports to generate when the sample is absent")
    run.add_argument("--context-dir", type=Path, default=Path("expectations"), help="GX context folder")
    warehouse_option(run)

    refresh = add(
        "refresh",
        "Cron-safe incremental refresh: parse only new/changed files, retire removed ones, build and "
        "validate a copy, then atomically publish it (exit 0 ok/up to date, 1 validation failed, "
        "3 dbt failed, 4 error, 75 another refresh is running).",
        "govinfo refresh /data/reports --warehouse /srv/govinfo/govinfo.duckdb --log-file /var/log/govinfo.log",
        _cmd_refresh,
    )
    refresh.add_argument("folder", type=Path, help="report folder (searched recursively); use an absolute path")
    refresh.add_argument("--context-dir", type=Path, default=Path("expectations"), help="GX context folder")
    refresh.add_argument("--log-file", type=Path, default=None, help="append the run's log to this file")
    refresh.add_argument("--force", action="store_true", help="rebuild and validate even when no file changed")
    refresh.add_argument("--workers", type=int, default=None, help="parsing processes (default: one per core)")
    warehouse_option(refresh)
    return parser


def _cmd_ingest(args: argparse.Namespace) -> int:
    from ingest.batch import ingest_paths

    summary = ingest_paths(args.paths, args.warehouse, args.max_bytes)
    print(summary.format())
    print(f"warehouse: {args.warehouse}")
    return 0


def _cmd_build(args: argparse.Namespace) -> int:
    from ingest.dbt_runner import run_dbt

    return run_dbt(["build"], args.warehouse)


def _cmd_validate(args: argparse.Namespace) -> int:
    from ingest.validate import format_outcome, validate

    outcome = validate(args.warehouse, args.context_dir, args.changed_since)
    print(format_outcome(outcome))
    return 0 if outcome.success else 1


def _cmd_extract(args: argparse.Namespace) -> int:
    from ingest.admission import admit_file

    for path in args.files:
        # source_path is echoed exactly as given, for outside tooling to join on; the admission rule is
        # the one ingest applies, so a file quarantined there is quarantined here.
        result = admit_file(str(path))
        sys.stdout.write(json.dumps(result.as_json(), ensure_ascii=False) + "\n")
    return 0


def _cmd_eval(args: argparse.Namespace) -> int:
    from ingest.evaluate import evaluate, format_score

    score, _ = evaluate(args.gold, set(args.template) if args.template else None)
    print(format_score(score))
    failures = []
    _, _, f1 = score.metric_prf()
    if args.min_f1 is not None and f1 < args.min_f1:
        failures.append(f"metric F1 {f1:.3f} is below the floor {args.min_f1}")
    if args.max_false_zeros is not None and len(score.false_zeros) > args.max_false_zeros:
        failures.append(f"{len(score.false_zeros)} false zeros, more than {args.max_false_zeros}")
    for item in args.min_field:
        name, _, floor = item.partition("=")
        accuracy = score.accuracy(name)
        if accuracy is None or accuracy < float(floor):
            failures.append(f"{name} accuracy {accuracy} is below the floor {floor}")
    for failure in failures:
        print(f"FLOOR FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _cmd_coverage(args: argparse.Namespace) -> int:
    from ingest.coverage import floor_failures, format_report, measure

    if args.min_field and args.meta is None:
        print("govinfo coverage: --min-field needs --meta", file=sys.stderr)
        return 2
    report = measure(args.paths, args.meta)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False, indent=1))
    else:
        print(format_report(report))
    failures = floor_failures(report, args.min_field, args.min_share)
    for failure in failures:
        print(f"FLOOR FAILED: {failure}", file=sys.stderr)
    return 1 if failures else 0


def _cmd_sample(args: argparse.Namespace) -> int:
    from ingest.sample import generate

    started = time.perf_counter()
    written = generate(args.n, args.seed, args.out, args.presentation)
    print(
        f"wrote {len(written)} reports to {args.out}/texts (truth in {args.out}/gold) "
        f"in {time.perf_counter() - started:.2f}s"
    )
    return 0


def _cmd_refresh(args: argparse.Namespace) -> int:
    from ingest.refresh import refresh

    result = refresh(
        args.folder,
        args.warehouse,
        args.context_dir,
        log_file=args.log_file,
        force=args.force,
        workers=args.workers,
    )
    print(result.message)
    return result.code


def _cmd_run(args: argparse.Namespace) -> int:
    from ingest.refresh import refresh

    timings: list[tuple[str, float]] = []
    reports = args.reports
    if reports is None:
        reports = DEFAULT_SAMPLE / "texts"
        if not reports.is_dir():
            from ingest.sample import generate

            started = time.perf_counter()
            generate(args.sample_n, 20260101, DEFAULT_SAMPLE)
            timings.append(("sample", time.perf_counter() - started))
    if not reports.exists():
        print(f"govinfo run: {reports} does not exist", file=sys.stderr)
        return 2
    # The same orchestrator as `govinfo refresh`: ingest, dbt build and validation on a copy,
    # published only when everything passed.
    result = refresh(reports, args.warehouse, args.context_dir)
    timings.extend(result.timings.items())
    print()
    print("== govinfo run summary ==")
    print(f"input: {reports}")
    if result.summary is not None:
        print(result.summary.format())
    print(result.message)
    if args.warehouse.exists():
        failed_checks = _failed_report_checks(args.warehouse)
        print(f"report consistency findings (fct_report_checks status=fail): {failed_checks}")
        print(f"warehouse: {args.warehouse.resolve()}  (BI: schema marts, e.g. marts.rpt_agency_years)")
    print("timings: " + ", ".join(f"{name} {seconds:.1f}s" for name, seconds in timings))
    return result.code


def _failed_report_checks(warehouse: Path) -> int:
    from ingest.land import connect

    with connect(warehouse, read_only=True) as con:
        row = con.execute("select count(*) from marts.fct_report_checks where status = 'fail'").fetchone()
    return int(row[0]) if row else 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``govinfo`` console script."""
    args = _parser().parse_args(argv)
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
