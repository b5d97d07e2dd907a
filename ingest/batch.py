"""Ingest a set of paths into the warehouse: skip unchanged files, parse the rest, land in batches."""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ingest import PARSER_VERSION
from ingest.land import connect, ensure_raw_schema, land, landed_files
from ingest.pipeline import discover, process_file
from ingest.readers import DEFAULT_MAX_BYTES
from ingest.records import FileResult

BATCH_SIZE = 2000


@dataclass
class IngestSummary:
    """What one ingest run saw and did."""

    seen: int = 0
    unchanged: int = 0
    status: Counter[str] = field(default_factory=Counter)
    templates: Counter[str] = field(default_factory=Counter)
    quarantined: list[str] = field(default_factory=list)

    def format(self) -> str:
        lines = [
            f"files seen: {self.seen}  unchanged (skipped): {self.unchanged}  "
            f"loaded: {self.status['loaded']}  duplicate: {self.status['duplicate']}  "
            f"quarantined: {self.status['quarantined']}",
        ]
        if self.templates:
            lines.append("reports per template: " + ", ".join(f"{k} {v}" for k, v in sorted(self.templates.items())))
        lines.extend(f"  quarantined: {reason}" for reason in self.quarantined[:20])
        if len(self.quarantined) > 20:
            lines.append(f"  … and {len(self.quarantined) - 20} more (see raw.report_files)")
        return "\n".join(lines)


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def ingest_paths(paths: list[Path], warehouse: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestSummary:
    """Ingest files and folders into ``warehouse``; re-ingesting an unchanged file is a no-op."""
    summary = IngestSummary()
    files = discover(paths)
    summary.seen = len(files)
    with connect(warehouse) as con:
        ensure_raw_schema(con)
        known = landed_files(con)
        loaded_shas = {
            row[0] for row in con.execute("select sha256 from raw.report_files where status = 'loaded'").fetchall()
        }
        batch: list[FileResult] = []
        ingested_at = datetime.now(UTC).replace(tzinfo=None)
        for path in files:
            source = str(path)
            previous = known.get(source)
            if previous is not None and previous == (_sha256(path), PARSER_VERSION):
                summary.unchanged += 1
                continue
            result = process_file(path, source, max_bytes)
            if result.status == "loaded" and result.sha256 in loaded_shas and previous is None:
                result.status = "duplicate"
                result.error = f"{source}: same content as an already loaded file (sha256 {result.sha256[:16]})"
            if result.status == "loaded":
                loaded_shas.add(result.sha256)
            summary.status[result.status] += 1
            if result.status == "quarantined" and result.error:
                summary.quarantined.append(result.error)
            if result.status == "loaded" and result.report is not None:
                summary.templates[result.report.template or "unknown"] += 1
            batch.append(result)
            if len(batch) >= BATCH_SIZE:
                land(con, batch, ingested_at)
                batch = []
        if batch:
            land(con, batch, ingested_at)
    return summary
