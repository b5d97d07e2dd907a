"""Admission: the one rule that decides whether a file is read, parsed and kept as a report.

``govinfo extract``, ``govinfo ingest`` and ``govinfo refresh`` all call :func:`admit_file`, so a
file gets the same status everywhere. In order, a file is quarantined (with a reason naming it) when:

1. it is a symlink under an input folder that leads outside that folder (never followed);
2. it is a text format larger than :data:`MAX_TEXT_BYTES` (or ``max_bytes``);
3. it is a zip container that would inflate past :data:`ZIP_MAX_UNCOMPRESSED` or
   :data:`ZIP_MAX_RATIO` times its size (a zip bomb, refused before any reader opens it);
4. the reader refuses it (:mod:`ingest.read.readers`: empty, oversize, unsupported, encrypted, scanned…),
   or the parser fails on it;
5. it is not a report: no figures at all, and a notice (first line ends with 通知, 公告…) or a
   text that never mentions 信息公开.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ingest.land.pipeline import process_file
from ingest.read.readers import DEFAULT_MAX_BYTES, TEXT_READER_FORMATS, file_format
from ingest.records import FileResult

__all__ = [
    "MAX_TEXT_BYTES",
    "ZIP_MAX_RATIO",
    "ZIP_MAX_UNCOMPRESSED",
    "admit_file",
    "file_sha256",
    "not_a_report_reason",
    "outside_root_reason",
    "zip_bomb_reason",
]

# Text formats are parsed character by character; bigger texts than this are not annual reports
# (a full report is 10–200 KB) and would cost seconds and hundreds of MB each, so they are refused.
MAX_TEXT_BYTES = 4 * 1024 * 1024
# A zip container (.docx, .xlsx, …) expanding to more than this, or at a ratio above ZIP_MAX_RATIO,
# is a zip bomb as far as an annual report is concerned: refused before any reader inflates it.
ZIP_MAX_UNCOMPRESSED = 200 * 1024 * 1024
ZIP_MAX_RATIO = 200
_NOTICE_TITLE = re.compile(r"(通知|通告|公告|公示|函|决定|批复|意见|办法|讲话|简报)[\s。.!！]*$")
_REPORT_VOCABULARY = ("信息公开", "信息公開")


def file_sha256(path: Path) -> str | None:
    """SHA-256 of a file's bytes, streamed (None when it cannot be read)."""
    digest = hashlib.sha256()
    try:
        with path.open("rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def outside_root_reason(path: Path, roots: Sequence[Path]) -> str | None:
    """Why a file found under an input folder is refused: it resolves outside that folder (a symlink).

    A file named on its own (under no folder of ``roots``) is the user's explicit choice and is read.
    """
    for root in roots:
        try:
            path.relative_to(root)
        except ValueError:
            continue
        real_root = os.path.realpath(root)
        real = os.path.realpath(path)
        if real != real_root and not real.startswith(real_root.rstrip("/") + "/"):
            return f"symlink leads outside the input folder {root} (to {real}); not followed"
    return None


def zip_bomb_reason(path: Path, size: int) -> str | None:
    """Why a zip container is refused unopened (too large or too compressed when inflated), or None."""
    try:
        with path.open("rb") as handle:
            if handle.read(4) != b"PK\x03\x04":
                return None
        with zipfile.ZipFile(path) as archive:
            inflated = sum(info.file_size for info in archive.infolist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return None  # not a readable zip: the reader reports it
    if inflated > ZIP_MAX_UNCOMPRESSED or inflated > ZIP_MAX_RATIO * max(size, 1):
        return (
            f"zip container inflates to {inflated:,} bytes from {size:,} "
            f"(limit {ZIP_MAX_UNCOMPRESSED:,} bytes, ratio {ZIP_MAX_RATIO}); refused as a zip bomb"
        )
    return None


def not_a_report_reason(result: FileResult, text: str) -> str | None:
    """Why a loaded result is not an annual report (None when it is, or may be, one).

    Only texts with no figures at all are examined: a notice (its first line ends with 通知, 公告…)
    or a text that never mentions 信息公开 (a news article, say) is not a report.
    """
    report = result.report
    if report is None or report.metrics or report.categories:
        return None
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    notice = _NOTICE_TITLE.search(first_line[:120])
    if notice:
        kind, head = notice.group(1), first_line[:40]
        return f"{result.source_path}: not a report: a {kind} (first line '{head}') with no figures"
    if not any(word in text for word in _REPORT_VOCABULARY):
        return f"{result.source_path}: not a report: no figures and no 信息公开 vocabulary (news or another document)"
    return None


def admit_file(
    source: str, roots: Sequence[Path] = (), max_bytes: int = DEFAULT_MAX_BYTES, keep_text: bool = False
) -> FileResult:
    """Read and parse one file, or quarantine it with a reason: the rule every command shares.

    ``roots`` are the input folders the file was found under (symlinks must stay inside them).
    """
    path = Path(source)
    fmt = file_format(path)
    outside = outside_root_reason(path, roots)
    if outside is not None:
        return FileResult(source, "", 0, fmt, None, "quarantined", f"{source}: {outside}")
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if fmt in TEXT_READER_FORMATS and size > min(MAX_TEXT_BYTES, max_bytes):
        sha = file_sha256(path) or ""
        limit = min(MAX_TEXT_BYTES, max_bytes)
        too_big = f"{source}: .{fmt} file is {size:,} bytes, over the {limit:,}-byte limit for a text report"
        return FileResult(source, sha, size, fmt, None, "quarantined", too_big)
    bomb = zip_bomb_reason(path, size)
    if bomb is not None:
        return FileResult(source, file_sha256(path) or "", size, fmt, None, "quarantined", f"{source}: {bomb}")
    try:
        result = process_file(path, source, max_bytes, keep_text=True)
    except Exception as exc:  # noqa: BLE001 - a reader bug (RecursionError…) must not stop the batch
        crash = f"{source}: reader error {type(exc).__name__}: {str(exc)[:200]}"
        return FileResult(source, file_sha256(path) or "", size, fmt, None, "quarantined", crash)
    reason = not_a_report_reason(result, result.text) if result.status == "loaded" and result.text else None
    if not keep_text:
        result.text = None  # in a worker the text must not cross the process boundary
    if reason is not None:
        result.status = "quarantined"
        result.error = reason
        result.report = None
    return result
