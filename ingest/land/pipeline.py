"""Files to results: hash, read, parse — never raising for bad input (it is quarantined instead).

This is the parse step alone; :func:`ingest.land.admission.admit_file` adds the rules deciding whether a
file is admitted as a report (symlinks, size and zip-bomb guards, not-a-report)."""

from __future__ import annotations

import dataclasses
import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from ingest.extract.report import extract_report
from ingest.read.readers import DEFAULT_MAX_BYTES, Document, ReadError, file_format, read_document
from ingest.records import FileResult, Report

__all__ = ["discover", "process_file"]


def discover(paths: Iterable[Path]) -> list[Path]:
    """Input files: each file given, and every file under each folder given (sorted, hidden skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found.extend(Path(root) / name for name in sorted(files) if not name.startswith("."))
        else:
            found.append(path)
    return found


def process_file(
    path: Path, source_path: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES, keep_text: bool = False
) -> FileResult:
    """Read and parse one file; any failure becomes a quarantined result naming file and problem.

    ``keep_text`` keeps the decoded text on the result, so later checks need not read the file again.
    """
    shown = source_path or str(path)
    fmt = file_format(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return FileResult(shown, "", 0, fmt, None, "quarantined", f"{shown}: cannot read file ({exc.strerror})")
    sha256 = hashlib.sha256(data).hexdigest()
    try:
        document = read_document(Path(shown), data, max_bytes)
    except ReadError as exc:
        return FileResult(shown, sha256, len(data), fmt, None, "quarantined", str(exc))
    try:
        report = _with_provenance(extract_report(document.text), document)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the batch; it is recorded
        reason = f"{shown}: parser error {type(exc).__name__}: {exc}"
        return FileResult(shown, sha256, len(data), fmt, document.encoding, "quarantined", reason)
    return FileResult(
        shown,
        sha256,
        len(data),
        document.format,
        document.encoding,
        "loaded",
        None,
        report,
        len(document.text),
        document.text if keep_text else None,
    )


def _with_provenance(report: Report, document: Document) -> Report:
    """Add what only the file knows: each metric's page (paged formats), the page's printed title."""
    if document.page_starts:
        report.metrics = {
            key: dataclasses.replace(metric, page=document.page_of(metric.start))
            for key, metric in report.metrics.items()
        }
    if report.title is None:
        report.title = document.metadata.get("标题") or document.metadata.get("名称")
    return report
