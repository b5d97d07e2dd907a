"""Dump every parse result of the corpora and a generated sample, to diff parser changes.

Usage: python scripts/golden_dump.py OUT.jsonl [--corpus ../shared/corpus] [--n 1000]

One JSON line per file, sorted by path: the full ``Report`` (metrics with evidence and rule, categories,
facts, table cells, checks, sections) or the quarantine reason. Diff two dumps with
``diff <(jq -c . a.jsonl) <(jq -c . b.jsonl)`` or ``python scripts/golden_dump.py --diff a b``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from ingest.devtools.sample.generate import generate
from ingest.land.pipeline import discover, process_file


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {field.name: _plain(getattr(value, field.name)) for field in dataclasses.fields(value)}
    if isinstance(value, tuple) and hasattr(value, "_asdict"):
        return {key: _plain(item) for key, item in value._asdict().items()}
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | range):
        return [_plain(item) for item in value]
    return value


def dump(corpus: Path, n: int, out: Path) -> int:
    """Write one line per file of ``corpus`` and of ``n`` generated reports; returns the file count."""
    with tempfile.TemporaryDirectory() as tmp:
        generated = Path(tmp) / "sample"
        if n:
            generate(n, 7, generated)
        files = discover([corpus]) + (discover([generated / "texts"]) if n else [])
        files = [path for path in files if "/gold/" not in str(path) and path.suffix != ".jsonl"]
        lines = []
        for path in files:
            shown = str(path.relative_to(tmp)) if str(path).startswith(tmp) else str(path)
            result = process_file(path, source_path=shown)
            record = _plain(result)
            record.pop("text", None)
            lines.append(json.dumps(record, ensure_ascii=False, sort_keys=True))
    lines.sort()
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(lines)


def diff(before: Path, after: Path) -> int:
    """Print the paths whose parse result changed; returns their count."""

    def load(path: Path) -> dict[str, str]:
        rows = (json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line)
        return {row["source_path"]: json.dumps(row, sort_keys=True, ensure_ascii=False) for row in rows}

    old, new = load(before), load(after)
    changed = sorted(path for path in old.keys() | new.keys() if old.get(path) != new.get(path))
    for path in changed:
        print(path)
    print(f"{len(changed)} of {len(old | new)} parse results changed", file=sys.stderr)
    return len(changed)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path, nargs="?")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--diff", type=Path, nargs=2, metavar=("BEFORE", "AFTER"))
    args = parser.parse_args()
    if args.diff:
        return 1 if diff(*args.diff) else 0
    count = dump(args.corpus, args.n, args.out)
    print(f"{count} parse results written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
