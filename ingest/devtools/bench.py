"""Scale benchmark (``make bench``, not part of ``make test``).

Generates N synthetic reports (default 100,000), then measures in one run: the I/O floor (read +
decode only, same worker count as ingest), a full ``refresh`` into an empty warehouse (ingest
throughput, dbt build, GX validation, end to end), peak RSS of this process and its children, and
an incremental refresh of 100 new reports on top (and its ratio to the full build).

    .venv/bin/python -m ingest.devtools.bench --n 100000 --dir target/bench
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import sys
import time
from multiprocessing import get_context
from pathlib import Path

from ingest.land.batch import IngestSummary, default_workers
from ingest.land.pipeline import discover, process_file
from ingest.ops.refresh import refresh
from ingest.read.decode import decode_bytes

__all__ = ["main"]


def _read_decode(path: str) -> int:
    data = Path(path).read_bytes()
    decode_bytes(data)
    return len(data)


def _io_floor(files: list[Path], workers: int) -> tuple[float, int]:
    """Seconds to read and decode every file (no parsing) with ``workers`` processes; total bytes."""
    started = time.perf_counter()
    with get_context("spawn").Pool(workers) as pool:
        total = sum(pool.imap_unordered(_read_decode, [str(f) for f in files], chunksize=256))
    return time.perf_counter() - started, total


def _single_core_parse(files: list[Path], sample: int = 2000) -> float:
    """Reports/s of read + parse (``process_file``) in this one process, over the first files."""
    chosen = files[:sample]
    started = time.perf_counter()
    for path in chosen:
        process_file(path)
    return len(chosen) / (time.perf_counter() - started)


def _peak_rss_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; exit 1 if a refresh fails."""
    parser = argparse.ArgumentParser(prog="python -m ingest.devtools.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--new", type=int, default=100, help="reports added for the incremental run")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--dir", type=Path, default=Path("target/bench"))
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args(argv)
    from ingest.devtools.sample import generate

    workers = args.workers or default_workers()
    root: Path = args.dir.resolve()
    corpus = root / f"sample_{args.n}"
    folder = corpus / "texts"
    rows: list[tuple[str, str]] = []
    if not folder.is_dir() or len(list(folder.iterdir())) != args.n:
        shutil.rmtree(corpus, ignore_errors=True)
        started = time.perf_counter()
        generate(args.n, args.seed, corpus)
        rows.append(("generate (not in end-to-end)", f"{time.perf_counter() - started:.1f} s"))
    for stale in folder.glob("inc_*"):
        stale.unlink()
    files = discover([folder])
    floor_s, total_bytes = _io_floor(files, workers)
    one_core = _single_core_parse(files)
    mb = total_bytes / 1e6

    warehouse = root / "wh" / "govinfo.duckdb"
    shutil.rmtree(warehouse.parent, ignore_errors=True)
    context = root / "expectations"
    shutil.rmtree(context, ignore_errors=True)
    shutil.copytree(Path("expectations"), context, ignore=shutil.ignore_patterns("uncommitted"))

    started = time.perf_counter()
    full = refresh(folder, warehouse, context, log_file=root / "refresh.log", workers=workers)
    full_wall = time.perf_counter() - started
    if full.code != 0:
        print(full.message, file=sys.stderr)
        return 1
    ingest_s = full.timings["ingest"]
    full_summary = full.summary or IngestSummary()

    extra = root / "extra"
    shutil.rmtree(extra, ignore_errors=True)
    generate(args.new, args.seed + 1, extra)
    for path in sorted((extra / "texts").iterdir()):
        shutil.copyfile(path, folder / f"inc_{path.name}")
    started = time.perf_counter()
    incremental = refresh(folder, warehouse, context, log_file=root / "refresh.log", workers=workers)
    inc_wall = time.perf_counter() - started
    if incremental.code != 0:
        print(incremental.message, file=sys.stderr)
        return 1
    own, children = _peak_rss_mb()

    rows += [
        ("reports / input size", f"{len(files):,} / {mb:,.0f} MB"),
        ("workers (parsing processes)", str(workers)),
        (
            "I/O floor: read + decode",
            f"{floor_s:.1f} s  ({len(files) / floor_s:,.0f} reports/s, {mb / floor_s:,.0f} MB/s)",
        ),
        (
            "ingest (parse + land)",
            f"{ingest_s:.1f} s  ({len(files) / ingest_s:,.0f} reports/s, {mb / ingest_s:.1f} MB/s)",
        ),
        ("ingest / floor", f"{ingest_s / floor_s:.1f}x the floor's time"),
        (
            "  of which landing / waiting for parsers",
            f"{full_summary.landing_seconds:.1f} s / {full_summary.waiting_seconds:.1f} s",
        ),
        ("  parsing alone, one process (first 2,000 files)", f"{one_core:,.0f} reports/s"),
        ("dbt build", f"{full.timings['dbt build']:.1f} s"),
        ("GX validation", f"{full.timings['validate']:.1f} s"),
        ("end to end (full refresh)", f"{full_wall:.1f} s"),
        ("peak RSS: refresh process / largest child", f"{own:,.0f} MB / {children:,.0f} MB"),
        (
            f"incremental refresh (+{args.new} reports)",
            f"{inc_wall:.1f} s  (ingest {incremental.timings['ingest']:.1f}, "
            f"dbt {incremental.timings['dbt build']:.1f}, "
            f"GX {incremental.timings['validate']:.1f}, copy {incremental.timings['copy']:.1f}, "
            f"plan {incremental.timings['plan']:.1f})",
        ),
        ("incremental / full", f"{inc_wall / full_wall:.1%}"),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"\n{'measure'.ljust(width)} | result")
    print(f"{'-' * width}-|-{'-' * 60}")
    for name, value in rows:
        print(f"{name.ljust(width)} | {value}")
    results = {name: value for name, value in rows}
    (root / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
