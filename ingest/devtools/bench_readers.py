"""Reader speed per format: the read + decode floor (bytes -> text with the format's reader) and
read + parse (``process_file``), one process, on generated reports rendered in each format.

    .venv/bin/python -m ingest.devtools.bench_readers --n 100 --formats pdf,html,docx
    .venv/bin/python -m ingest.devtools.bench_readers --n 100 --dump /tmp/readers_before.jsonl
    .venv/bin/python -m ingest.devtools.bench_readers --n 100 --compare /tmp/readers_before.jsonl

``--dump`` writes every reader output (text, page starts, metadata, encoding) one JSON line a file;
``--compare`` exits 1 naming each file whose reader output differs from such a dump, so a faster
reader can be shown to give the same documents. ``--profile`` prints the readers' hottest functions.
:func:`time_formats` is what ``ingest.devtools.bench`` uses for its per-format table.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import pstats
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from ingest.devtools.bench_corpus import build_mix
from ingest.land.pipeline import process_file
from ingest.read.readers import Document, file_format, read_document

__all__ = ["FormatTiming", "main", "time_formats"]


@dataclass(frozen=True)
class FormatTiming:
    """One format's sample, timed: files and bytes measured, seconds to read only and to read + parse."""

    files: int
    bytes: int
    read_seconds: float
    parse_seconds: float

    @property
    def read_rate(self) -> float:
        return self.files / self.read_seconds if self.read_seconds else 0.0

    @property
    def parse_rate(self) -> float:
        return self.files / self.parse_seconds if self.parse_seconds else 0.0


def _read(path: Path) -> Document:
    return read_document(path, path.read_bytes())


def time_formats(files: list[Path], per_format: int, parse: bool = True) -> dict[str, FormatTiming]:
    """Time the first ``per_format`` files of each format (by extension; .md counts as txt)."""
    by_format: dict[str, list[Path]] = {}
    for path in files:
        fmt = file_format(path)
        by_format.setdefault("txt" if fmt == "md" else fmt, []).append(path)
    out: dict[str, FormatTiming] = {}
    for fmt, paths in sorted(by_format.items()):
        chosen = paths[:per_format]
        size = sum(path.stat().st_size for path in chosen)
        started = time.perf_counter()
        for path in chosen:
            with contextlib.suppress(ValueError):  # a quarantined file costs its reading time too
                _read(path)
        read_s = time.perf_counter() - started
        parse_s = 0.0
        if parse:
            started = time.perf_counter()
            for path in chosen:
                process_file(path)
            parse_s = time.perf_counter() - started
        out[fmt] = FormatTiming(len(chosen), size, read_s, parse_s)
    return out


def _record(path: Path) -> str:
    try:
        document = _read(path)
    except ValueError as exc:
        return json.dumps({"file": path.name, "error": str(exc).replace(str(path), path.name)}, ensure_ascii=False)
    return json.dumps(
        {
            "file": path.name,
            "format": document.format,
            "encoding": document.encoding,
            "page_starts": list(document.page_starts),
            "metadata": document.metadata,
            "text": document.text,
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def _compare(files: list[Path], before: Path) -> int:
    old = {json.loads(line)["file"]: line for line in before.read_text(encoding="utf-8").splitlines() if line}
    changed = 0
    for path in files:
        if old.get(path.name) != _record(path):
            changed += 1
            print(f"changed: {path.name}")
    missing = len(old.keys() - {path.name for path in files})
    print(f"{changed} of {len(files)} reader outputs changed ({missing} files of the dump not read)")
    return 1 if changed or missing else 0


def main(argv: list[str] | None = None) -> int:
    """Render ``--n`` reports per format (cached), then time, dump, compare or profile their readers."""
    parser = argparse.ArgumentParser(
        prog="python -m ingest.devtools.bench_readers", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--n", type=int, default=100, help="reports per format")
    parser.add_argument("--formats", default="pdf,html,docx", help="comma-separated: pdf,html,docx,txt")
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--presentation", default="mixed", help="sample presentation (default: every layout)")
    parser.add_argument("--dir", type=Path, default=Path("target/bench/readers"))
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more files to read (e.g. real PDFs)")
    parser.add_argument("--workers", type=int, default=2, help="processes rendering uncached files")
    parser.add_argument("--repeat", type=int, default=3, help="timing passes (the fastest is printed)")
    parser.add_argument("--dump", type=Path, help="write every reader output to this JSONL file")
    parser.add_argument("--compare", type=Path, help="exit 1 if a reader output differs from this dump")
    parser.add_argument("--profile", action="store_true", help="print the readers' hottest functions")
    args = parser.parse_args(argv)
    from ingest.devtools.sample.generate import make_report

    root: Path = args.dir.resolve()
    texts = root / f"texts_{args.seed}_{args.presentation}_{args.n}"
    texts.mkdir(parents=True, exist_ok=True)
    sources = []
    for i in range(args.n):
        report = make_report(i, args.seed, None if args.presentation == "none" else args.presentation)
        path = texts / f"{report.id}.txt"
        if not path.is_file() or path.read_text(encoding="utf-8") != report.text:
            path.write_text(report.text, encoding="utf-8")
        sources.append(path)
    files: list[Path] = []
    for fmt in args.formats.split(","):
        folder = root / f"{fmt}_{args.seed}_{args.presentation}_{args.n}"
        build_mix(sources, folder, {fmt: 1.0}, root.parent / "render_cache", workers=args.workers)
        files += sorted(folder.iterdir())
    files += [path for extra in args.extra for path in (sorted(extra.rglob("*")) if extra.is_dir() else [extra])]
    files = [path for path in files if path.is_file()]
    if args.compare:
        return _compare(files, args.compare)
    if args.dump:
        args.dump.write_text("".join(_record(path) + "\n" for path in files), encoding="utf-8")
        print(f"{len(files)} reader outputs written to {args.dump}")
        return 0
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [_read(path) for path in files])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)
        return 0
    best: dict[str, FormatTiming] = {}
    for _ in range(max(1, args.repeat)):
        for fmt, timing in time_formats(files, len(files), parse=False).items():
            if fmt not in best or timing.read_seconds < best[fmt].read_seconds:
                best[fmt] = timing
    print(f"{'format':<7} {'files':>6} {'kB/file':>8} {'ms/file':>8} {'files/s':>8} {'MB/s':>6}")
    for fmt, timing in best.items():
        print(
            f"{fmt:<7} {timing.files:>6} {timing.bytes / timing.files / 1e3:>8.1f} "
            f"{timing.read_seconds / timing.files * 1e3:>8.2f} {timing.read_rate:>8.1f} "
            f"{timing.bytes / timing.read_seconds / 1e6:>6.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
